/*
 * rates.c - rate tables, negotiated rates, pricing of entries, the
 * explanation of a rate, and the at-cost calculator's inputs, proposal and
 * adoption.  See rates.h for what each use case promises.
 *
 * Rate and cost files are small (a table is about fifty rows): they are
 * read whole with libcsv into records that remember their line, validated
 * completely, and only then written, in one transaction.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>


#include "app/app_internal.h"
#include "juste/i18n.h"
#include "juste/mem.h"
#include "juste/money.h"
#include "juste/rates.h"
#include "juste/rules.h"
#include "juste/smallcsv.h"
#include "juste/store_invoices.h"
#include "juste/store_rates.h"



static juste_status check_date(const char *what, const char *s, struct juste_err *e)
{
	date_t t;
	if (!s || strlen(s) != ISO_LEN - 1 || date_parse(s, &t, NULL) != JUSTE_OK)
		return err_set(e, JUSTE_EINVAL, N_("%s : '%s' n'est pas une date AAAA-MM-JJ valide"), what, s ? s : "");
	return JUSTE_OK;
}

/* ------------------------------------------------------------------------
 * Pricing entries
 * ------------------------------------------------------------------------ */

juste_status rates_book_load(struct app *a, struct rate_book *b, struct juste_err *e)
{
	pricing_book_init(b);
	juste_status st = store_rate_book_load(a->store, b, e);
	if (st)
		pricing_book_free(b);
	return st;
}

static void query_fill(struct price_query *q, const struct rate_mandate_info *m, int64_t entry_id,
	const char *work_date, int64_t minutes)
{
	memset(q, 0, sizeof *q);
	q->entry_id = entry_id;
	q->mandate_id = m->mandate_id;
	q->mandate_code = m->mandate;
	q->client_id = m->client_id;
	q->service_id = m->service_id;
	q->category = m->category;
	q->work_date = work_date;
	q->minutes = minutes;
	q->increment = m->increment;
}

juste_status rates_price_entry(struct app *a, struct rate_book *b, const struct entry *x,
	struct priced *out, struct juste_err *e)
{
	struct rate_mandate_info m;
	juste_status st = x->mandate_id > 0 ? store_rate_mandate_get_id(a->store, x->mandate_id, &m, e)
		: store_rate_mandate_get(a->store, x->mandate, &m, e);
	if (st)
		return st;
	struct price_query q;
	query_fill(&q, &m, x->id, x->work_date, x->minutes);
	return pricing_price(b, &q, out, e);
}

struct pricer_fill {
	struct rates_pricer *p;
	int oom;
};

static int pricer_add(void *ctx, const struct rate_mandate_info *m)
{
	struct pricer_fill *f = ctx;
	struct rates_pricer *p = f->p;
	if (p->n == p->cap) {
		size_t cap = p->cap ? p->cap * 2 : 256;
		struct rate_mandate_info *v = realloc(p->mandates, cap * sizeof *v);
		if (!v) {
			f->oom = 1;
			return 1;
		}
		p->mandates = v;
		p->cap = cap;
	}
	p->mandates[p->n++] = *m;
	return 0;
}

static int billed_add(void *ctx, const struct billed_price *b)
{
	struct pricer_fill *f = ctx;
	struct rates_pricer *p = f->p;
	if (mem_grow((void **)&p->billed, &p->capbilled, p->nbilled + 1, sizeof *p->billed)) {
		f->oom = 1;
		return 1;
	}
	p->billed[p->nbilled++] = (struct rates_billed){ b->entry_id, b->rate_cents, b->billed_minutes, b->amount_cents };
	return 0;
}

static int billed_cmp(const void *pa, const void *pb)
{
	const struct rates_billed *a = pa, *b = pb;
	return (a->entry_id > b->entry_id) - (a->entry_id < b->entry_id);
}

static const struct rates_billed *billed_find(const struct rates_pricer *p, int64_t entry_id)
{
	if (entry_id <= 0 || !p->nbilled)
		return NULL;
	struct rates_billed key = { .entry_id = entry_id };
	return bsearch(&key, p->billed, p->nbilled, sizeof key, billed_cmp);
}

juste_status rates_pricer_load(struct app *a, struct rates_pricer *p, struct juste_err *e)
{
	memset(p, 0, sizeof *p);
	juste_status st = rates_book_load(a, &p->book, e);
	if (st)
		return st;
	struct pricer_fill f = { p, 0 };
	st = store_rate_mandate_list(a->store, pricer_add, &f, e);
	if (!st && !f.oom)
		st = store_invoice_billed_prices(a->store, NULL, billed_add, &f, e);
	if (!st && !f.oom && p->nbilled)
		qsort(p->billed, p->nbilled, sizeof *p->billed, billed_cmp);
	if (!st && f.oom)
		st = err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	if (st)
		rates_pricer_free(p);
	return st;
}

void rates_pricer_free(struct rates_pricer *p)
{
	if (!p)
		return;
	pricing_book_free(&p->book);
	free(p->mandates);
	free(p->billed);
	memset(p, 0, sizeof *p);
}

const struct rate_mandate_info *rates_pricer_mandate(const struct rates_pricer *p, int64_t id)
{
	size_t lo = 0, hi = p->n;   /* listed by id */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (p->mandates[mid].mandate_id == id)
			return &p->mandates[mid];
		if (p->mandates[mid].mandate_id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

juste_status rates_pricer_price(struct rates_pricer *p, int64_t entry_id, int64_t mandate_id,
	const char *work_date, int64_t minutes, struct priced *out, struct juste_err *e)
{
	const struct rate_mandate_info *m = rates_pricer_mandate(p, mandate_id);
	if (!m) {
		memset(out, 0, sizeof *out);
		return err_set(e, JUSTE_ENOTFOUND, N_("saisie #%lld : mandat #%lld inconnu"), (long long)entry_id,
			(long long)mandate_id);
	}
	struct price_query q;
	query_fill(&q, m, entry_id, work_date, minutes);
	const struct rates_billed *b = billed_find(p, entry_id);
	juste_status st = pricing_price(&p->book, &q, out, e);
	if (b && st == JUSTE_OK) {
		/* billed: the frozen price, whatever the book says today */
		out->rate_cents = b->rate_cents;
		out->billed_minutes = b->billed_minutes;
		out->amount_cents = b->amount_cents;
		return JUSTE_OK;
	}
	return st;
}

struct range_ctx {
	struct rates_pricer *p;
	rates_walk_cb cb;
	void *ctx;
	long priced, missing;
	int64_t amount;
	juste_status st;
	struct juste_err *e;
};

static int range_one(void *ctx, const struct rate_billable *x)
{
	struct range_ctx *r = ctx;
	struct priced pr;
	struct juste_err why = { 0 };
	const struct rate_mandate_info *m = rates_pricer_mandate(r->p, x->mandate_id);
	juste_status st = rates_pricer_price(r->p, x->entry_id, x->mandate_id, x->work_date, x->minutes, &pr, &why);
	if (st == JUSTE_ENOTFOUND) {
		r->missing++;
		return r->cb ? r->cb(r->ctx, x, m, NULL, why.msg) : 0;
	}
	if (st) {
		r->st = err_set(r->e, st, "%s", why.msg);
		return 1;
	}
	r->priced++;
	r->amount += pr.amount_cents;
	return r->cb ? r->cb(r->ctx, x, m, &pr, NULL) : 0;
}

juste_status rates_price_range(struct app *a, const char *from, const char *to, rates_walk_cb cb, void *ctx,
	long *priced, long *missing, int64_t *amount_cents, struct juste_err *e)
{
	juste_status st = app_require(a, ROLE_OFFICE, _("vérifier les taux des saisies"), e);
	if (st)
		return st;
	struct rates_pricer p;
	if ((st = rates_pricer_load(a, &p, e)))
		return st;
	struct range_ctx r = { .p = &p, .cb = cb, .ctx = ctx, .e = e };
	st = store_rate_billable_walk(a->store, from, to, range_one, &r, e);
	if (!st)
		st = r.st;
	rates_pricer_free(&p);
	if (priced)
		*priced = r.priced;
	if (missing)
		*missing = r.missing;
	if (amount_cents)
		*amount_cents = r.amount;
	return st;
}

/* ------------------------------------------------------------------------
 * Tables and negotiated rates
 * ------------------------------------------------------------------------ */

static juste_status rows_validate(const struct rate_row *rows, size_t n, struct juste_err *e)
{
	if (n == 0)
		return err_set(e, JUSTE_EINVAL, N_("une table de taux a au moins une ligne"));
	for (size_t i = 0; i < n; i++) {
		const struct rate_row *r = &rows[i];
		juste_status st = rules_code_validate("service", r->service_code, e);
		if (st)
			return st;
		if ((st = vocab_check(VOCAB_CATEGORY, (int)r->category, e)))
			return st;
		const char *cat = vocab_category_word(r->category);
		if (r->rate_cents <= 0 || r->rate_cents > 100000000)
			return err_set(e, JUSTE_EINVAL, N_("taux de %s / %s : un taux horaire est positif (jamais 0)"),
				r->service_code, cat);
		for (size_t k = 0; k < i; k++)
			if (strcmp(rows[k].service_code, r->service_code) == 0 && rows[k].category == r->category)
				return err_set(e, JUSTE_EINVAL, N_("%s / %s en double dans la table"), r->service_code, cat);
	}
	return JUSTE_OK;
}

struct table_args {
	const char *name, *valid_from;
	const struct rate_row *rows;
	size_t n;
	int64_t table_id;
	int default_name;
};

static juste_status do_table_insert(struct app *a, void *arg, struct juste_err *e)
{
	struct table_args *t = arg;
	int used = 0;
	juste_status st = store_rate_table_name_used(a->store, t->name, &used, e);
	/* a default name ("Taux 2019-04-01") is made unique: a correction on
	 * the same date becomes "Taux 2019-04-01 (2)" */
	char alt[NAME_LEN];
	for (int k = 2; !st && used && t->default_name && k < 1000; k++) {
		snprintf(alt, sizeof alt, "%s (%d)", t->name, k);
		st = store_rate_table_name_used(a->store, alt, &used, e);
		if (!st && !used)
			t->name = alt;
	}
	if (st)
		return st;
	if (used)
		return err_set(e, JUSTE_ECONFLICT, N_("une table de taux s'appelle déjà « %s » (--name pour en choisir un autre)"),
			t->name);
	return store_rate_table_insert(a->store, t->name, t->valid_from, t->rows, t->n, &t->table_id, e);
}

juste_status rates_table_insert(struct app *a, const char *name, const char *valid_from,
	const struct rate_row *rows, size_t n, int64_t *table_id, struct juste_err *e)
{
	juste_status st = app_require(a, ROLE_ADMIN, _("créer une table de taux"), e);
	if (!st)
		st = check_date("valid_from", valid_from, e);
	if (!st)
		st = rows_validate(rows, n, e);
	if (st)
		return st;
	char defname[NAME_LEN - 8];
	int default_name = !name || !*name;
	if (default_name) {
		snprintf(defname, sizeof defname, "Taux %s", valid_from);
		name = defname;
	}
	if (strlen(name) >= NAME_LEN)
		return err_set(e, JUSTE_EINVAL, N_("nom de table trop long (%d octets au plus)"), NAME_LEN - 1);
	if ((st = rules_name_validate("--name", name, e)))
		return st;
	struct table_args t = { .name = name, .valid_from = valid_from, .rows = rows, .n = n,
		.default_name = default_name };
	st = app_in_tx(a, do_table_insert, &t, e);
	if (!st && table_id)
		*table_id = t.table_id;
	return st;
}

enum { RC_FROM, RC_SERVICE, RC_CATEGORY, RC_RATE, RC_N };

juste_status rates_import(struct app *a, const char *path, const char *name, int correction,
	int64_t *table_id, size_t *nrows, struct juste_err *e)
{
	static const char *const cols[] = { "valid_from", "service", "category", "rate" };
	juste_status st = app_require(a, ROLE_ADMIN, _("importer une table de taux"), e);
	if (st)
		return st;
	struct smallcsv c;
	if ((st = smallcsv_read(path, &c, e)))
		return st;
	int pos[RC_N];
	struct rate_row *rows = NULL;
	size_t n = 0;
	char from[ISO_LEN] = "";
	st = smallcsv_header(path, &c, cols, RC_N, 0xf, pos, e);
	if (!st && c.n < 2)
		st = err_set(e, JUSTE_EINVAL, N_("%s : aucune ligne de taux"), path);
	if (!st && !(rows = calloc(c.n, sizeof *rows)))
		st = err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	for (size_t i = 1; !st && i < c.n; i++) {
		const struct smallcsv_rec *r = &c.recs[i];
		struct rate_row *row = &rows[n];
		const char *vf = smallcsv_get(r, pos, RC_FROM), *sv = smallcsv_get(r, pos, RC_SERVICE);
		const char *cat = smallcsv_get(r, pos, RC_CATEGORY), *rate = smallcsv_get(r, pos, RC_RATE);
		if (r->n != c.recs[0].n)
			st = err_set(e, JUSTE_EINVAL, N_("%d champs au lieu de %d"), r->n, c.recs[0].n);
		else if ((st = check_date("valid_from", vf, e)))
			;
		else if (from[0] && strcmp(from, vf) != 0)
			st = err_set(e, JUSTE_EINVAL, N_("valid_from %s différent de %s : une table, une date"), vf, from);
		else if (strlen(sv) >= CODE_LEN || rules_code_validate("service", sv, NULL))
			st = err_set(e, JUSTE_EINVAL, N_("service invalide '%s'"), sv);
		else if ((st = vocab_category_parse(cat, &row->category, e)))
			;
		else if ((st = money_parse(rate, &row->rate_cents, e)))
			err_prefix(e, "rate : ");
		else if (row->rate_cents <= 0)
			st = err_set(e, JUSTE_EINVAL, N_("rate : un taux horaire est positif (jamais 0) : '%s'"), rate);
		if (!st) {
			snprintf(from, sizeof from, "%s", vf);
			row->rule = RATE_TABLE;
			snprintf(row->service_code, sizeof row->service_code, "%s", sv);
			snprintf(row->valid_from, sizeof row->valid_from, "%s", vf);
			for (size_t k = 0; k < n && !st; k++)
				if (strcmp(rows[k].service_code, sv) == 0 && rows[k].category == row->category)
					st = err_set(e, JUSTE_EINVAL, N_("%s / %s en double dans le fichier"), sv, cat);
			n++;
		}
		if (st)
			err_prefix(e, "%s:%ld: ", path, r->line);
	}
	/* an unknown service is found by the store: name its line too */
	for (size_t i = 0; !st && i < n; i++) {
		struct refitem ref;
		if (store_ref_get(a->store, REF_SERVICE, rows[i].service_code, &ref, NULL) != JUSTE_OK)
			st = err_set(e, JUSTE_ENOTFOUND, N_("%s:%ld: service inconnu '%s'"), path, c.recs[i + 1].line,
				rows[i].service_code);
	}
	if (!st) {
		int64_t same = 0;
		st = store_rate_table_count_from(a->store, from, &same, e);
		if (!st && same && !correction)
			st = err_set(e, JUSTE_ECONFLICT,
				N_("%s : une table de taux commence déjà le %s ; une table n'est jamais modifiée : "
				   "--correction pour qu'une nouvelle table la remplace à partir de cette date"), path, from);
	}
	if (!st)
		st = rates_table_insert(a, name, from, rows, n, table_id, e);
	if (!st && nrows)
		*nrows = n;
	free(rows);
	smallcsv_free(&c);
	return st;
}

juste_status rates_negotiate(struct app *a, struct rate_row *r, struct juste_err *e)
{
	juste_status st = app_require(a, ROLE_ADMIN, _("négocier un taux"), e);
	if (!st)
		st = check_date("--from", r->valid_from, e);
	if (!st && r->valid_to[0])
		st = check_date("--to", r->valid_to, e);
	if (st)
		return st;
	if (r->valid_to[0] && strcmp(r->valid_to, r->valid_from) < 0)
		return err_set(e, JUSTE_EINVAL, N_("--to %s précède --from %s"), r->valid_to, r->valid_from);
	if (r->rate_cents <= 0)
		return err_set(e, JUSTE_EINVAL, N_("un taux horaire est positif (jamais 0)"));
	return store_rate_negotiated_insert(a->store, r, e);
}

juste_status rates_tables(struct app *a, rates_table_cb cb, void *ctx, struct juste_err *e)
{
	juste_status st = app_require(a, ROLE_ANY, _("lire les taux"), e);
	return st ? st : store_rate_table_list(a->store, cb, ctx, e);
}

/* ------------------------------------------------------------------------
 * Explanation
 * ------------------------------------------------------------------------ */

juste_status rates_explain(struct app *a, struct rate_book *b, const char *code, const char *date,
	struct rates_explanation *ex, struct juste_err *e)
{
	memset(ex, 0, sizeof *ex);
	juste_status st = app_require(a, ROLE_ANY, _("lire les taux"), e);
	if (!st)
		st = check_date("--date", date, e);
	if (!st)
		st = store_rate_mandate_get(a->store, code, &ex->mandate, e);
	if (st)
		return st;
	snprintf(ex->date, sizeof ex->date, "%s", date);
	struct price_query q;
	query_fill(&q, &ex->mandate, 0, ex->date, 60);
	static const enum rate_rule order[3] = { RATE_MANDATE, RATE_ORG_SERVICE, RATE_TABLE };
	for (int i = 0; i < 3; i++)
		ex->found[i] = pricing_lookup(b, order[i], &q, &ex->ended[i]);
	ex->table = pricing_table_at(b, ex->date, NULL);
	struct juste_err why = { 0 };
	if (pricing_price(b, &q, &ex->priced, &why) != JUSTE_OK)
		snprintf(ex->why, sizeof ex->why, "%s", why.msg);
	return JUSTE_OK;
}

/* ------------------------------------------------------------------------
 * The at-cost calculator
 * ------------------------------------------------------------------------ */

enum { CC_FY, CC_ITEM, CC_CODE, CC_SERVICES, CC_HEADCOUNT, CC_SALARY, CC_BENEFITS, CC_HOURS, CC_AMOUNT, CC_N };

static juste_status parse_count(const char *col, const char *s, int64_t max, int64_t *out, struct juste_err *e)
{
	char *end;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (!*s || *end || errno || v <= 0 || v > max)
		return err_set(e, JUSTE_EINVAL, N_("%s : '%s' n'est pas un entier entre 1 et %lld"), col, s, (long long)max);
	*out = v;
	return JUSTE_OK;
}

static juste_status cost_level_row(struct cost_year *y, const struct smallcsv_rec *r, const int *pos, struct juste_err *e)
{
	if (y->n >= COSTCALC_MAX_LEVELS)
		return err_set(e, JUSTE_EINVAL, N_("%d niveaux au plus"), COSTCALC_MAX_LEVELS);
	size_t i = y->n;
	struct cost_level *l = &y->levels[i];
	memset(l, 0, sizeof *l);
	const char *code = smallcsv_get(r, pos, CC_CODE);
	juste_status st = rules_code_validate("code", code, e);
	if (st)
		return st;
	snprintf(l->code, sizeof l->code, "%s", code);
	for (size_t k = 0; k < i; k++)
		if (strcmp(y->levels[k].code, code) == 0)
			return err_set(e, JUSTE_EINVAL, N_("niveau %s en double"), code);
	if ((st = parse_count("headcount", smallcsv_get(r, pos, CC_HEADCOUNT), 100000, &l->headcount, e)))
		return st;
	if ((st = parse_count("hours_per_expert", smallcsv_get(r, pos, CC_HOURS), 8784, &l->hours_per_expert, e)))
		return st;
	if ((st = money_parse(smallcsv_get(r, pos, CC_SALARY), &l->salary_cents, e)))
		return err_prefix(e, "salary_mass : ");
	if (l->salary_cents < 0)
		return err_set(e, JUSTE_EINVAL, N_("salary_mass : négative"));
	if ((st = money_rate_parse(smallcsv_get(r, pos, CC_BENEFITS), &l->benefits_rate, e)))
		return err_prefix(e, "benefits_rate : ");
	/* services: codes separated by spaces */
	char buf[COST_SERVICES_MAX * CODE_LEN];
	snprintf(buf, sizeof buf, "%s", smallcsv_get(r, pos, CC_SERVICES));
	char *save = NULL;
	y->nservices[i] = 0;
	for (char *t = strtok_r(buf, " \t;", &save); t; t = strtok_r(NULL, " \t;", &save)) {
		if ((st = rules_code_validate("services", t, e)))
			return st;
		if (y->nservices[i] >= COST_SERVICES_MAX)
			return err_set(e, JUSTE_EINVAL, N_("services : %d au plus par niveau"), COST_SERVICES_MAX);
		for (size_t k = 0; k <= i; k++)
			for (int s = 0; s < y->nservices[k]; s++)
				if (strcmp(y->services[k][s], t) == 0)
					return err_set(e, JUSTE_EINVAL, N_("services : %s est déjà dans le niveau %s"), t,
						y->levels[k].code);
		snprintf(y->services[i][y->nservices[i]++], CODE_LEN, "%s", t);
	}
	y->n++;
	return JUSTE_OK;
}

juste_status rates_cost_import(struct app *a, const char *path, int *fy, struct juste_err *e)
{
	static const char *const cols[] = { "fy", "item", "code", "services", "headcount", "salary_mass",
		"benefits_rate", "hours_per_expert", "amount" };
	juste_status st = app_require(a, ROLE_ADMIN | ROLE_GESTIONNAIRE, _("saisir les données de coûts"), e);
	if (st)
		return st;
	struct smallcsv c;
	if ((st = smallcsv_read(path, &c, e)))
		return st;
	struct cost_year *y = calloc(1, sizeof *y);
	int pos[CC_N], have_fy = 0, surplus = 0;
	if (!y)
		st = err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	if (!st)
		st = smallcsv_header(path, &c, cols, CC_N, (1u << CC_FY) | (1u << CC_ITEM), pos, e);
	for (size_t i = 1; !st && i < c.n; i++) {
		const struct smallcsv_rec *r = &c.recs[i];
		const char *item = smallcsv_get(r, pos, CC_ITEM);
		int rfy;
		if (r->n != c.recs[0].n)
			st = err_set(e, JUSTE_EINVAL, N_("%d champs au lieu de %d"), r->n, c.recs[0].n);
		else if ((st = fy_parse(smallcsv_get(r, pos, CC_FY), a->policy.fy_start, &rfy, e)))
			err_prefix(e, "fy : ");
		else if (have_fy && rfy != y->fy)
			st = err_set(e, JUSTE_EINVAL, N_("fy : un fichier, un exercice"));
		else if (strcmp(item, "level") == 0)
			st = cost_level_row(y, r, pos, e);
		else if (strcmp(item, "overhead") == 0 || strcmp(item, "surplus") == 0) {
			int64_t amount;
			if ((st = money_parse(smallcsv_get(r, pos, CC_AMOUNT), &amount, e)))
				err_prefix(e, "amount : ");
			else if (item[0] == 'o' && amount < 0)
				st = err_set(e, JUSTE_EINVAL, N_("amount : des frais généraux ne sont pas négatifs"));
			else if (item[0] == 'o')
				y->overhead_cents += amount;
			else if (surplus++)
				st = err_set(e, JUSTE_EINVAL, N_("un seul excédent prévu par exercice"));
			else
				y->surplus_cents = amount;
		} else {
			st = err_set(e, JUSTE_EINVAL, N_("item inconnu '%s' (level, overhead ou surplus)"), item);
		}
		if (!st) {
			y->fy = rfy;
			have_fy = 1;
		} else {
			err_prefix(e, "%s:%ld: ", path, r->line);
		}
	}
	if (!st && y->n == 0)
		st = err_set(e, JUSTE_EINVAL, N_("%s : aucun niveau (item level)"), path);
	if (!st && !surplus)
		st = err_set(e, JUSTE_EINVAL, N_("%s : l'excédent prévu manque (item surplus)"), path);
	if (!st) {
		/* the arithmetic must go through before anything is stored */
		struct cost_line lines[COSTCALC_MAX_LEVELS];
		struct cost_result res;
		struct cost_input in = { y->fy, y->overhead_cents, y->surplus_cents, y->levels, y->n };
		if ((st = costcalc_compute(&in, lines, &res, e)))
			err_prefix(e, "%s : ", path);
	}
	if (!st) {
		if ((st = store_begin(a->store, e)) == JUSTE_OK) {
			st = store_rate_cost_year_put(a->store, y, e);
			if (st) {
				store_rollback(a->store);
				err_prefix(e, "%s : ", path);
			} else {
				st = store_commit(a->store, e);
			}
		}
	}
	if (!st && fy)
		*fy = y->fy;
	free(y);
	smallcsv_free(&c);
	return st;
}

juste_status rates_cost_year(struct app *a, int fy, struct cost_year *out, struct juste_err *e)
{
	juste_status st = app_require(a, ROLE_ADMIN | ROLE_GESTIONNAIRE, _("calculer les taux au juste coût"), e);
	return st ? st : store_rate_cost_year_get(a->store, fy, out, e);
}

void rates_proposal_free(struct rates_proposal *p)
{
	if (!p)
		return;
	free(p->changes);
	p->changes = NULL;
	p->nchanges = 0;
}

static int collect_service(void *ctx, const struct refitem *r)
{
	struct rates_proposal *p = ctx;
	for (size_t i = 0; i < p->year.n; i++)
		for (int k = 0; k < p->year.nservices[i]; k++)
			if (strcmp(p->year.services[i][k], r->code) == 0)
				return 0;
	size_t len = strlen(p->uncovered);
	if (len + strlen(r->code) + 2 < sizeof p->uncovered)
		snprintf(p->uncovered + len, sizeof p->uncovered - len, "%s%s", len ? " " : "", r->code);
	return 0;
}

juste_status rates_propose(struct app *a, int fy, const char *from, struct rates_proposal *p,
	struct juste_err *e)
{
	memset(p, 0, sizeof *p);
	juste_status st = app_require(a, ROLE_ADMIN | ROLE_GESTIONNAIRE, _("calculer les taux au juste coût"), e);
	if (st)
		return st;
	if (from && *from) {
		if ((st = check_date("--from", from, e)))
			return st;
		snprintf(p->from, sizeof p->from, "%s", from);
	} else {
		date_format(fy_first(fy, a->policy.fy_start), p->from);
	}
	if ((st = store_rate_cost_year_get(a->store, fy, &p->year, e)))
		return st;
	struct cost_input in = { fy, p->year.overhead_cents, p->year.surplus_cents, p->year.levels, p->year.n };
	if ((st = costcalc_compute(&in, p->lines, &p->result, e)))
		return st;
	/* the change from the rates in force on `from` */
	struct rate_book b;
	if ((st = rates_book_load(a, &b, e)))
		return st;
	size_t total = 0;
	for (size_t i = 0; i < p->year.n; i++)
		total += (size_t)p->year.nservices[i] * CATEGORY_COUNT;
	p->changes = calloc(total ? total : 1, sizeof *p->changes);
	if (!p->changes) {
		pricing_book_free(&b);
		return err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	}
	const struct rate_row *t = pricing_table_at(&b, p->from, NULL);
	if (t) {
		snprintf(p->table_in_force, sizeof p->table_in_force, "%s", t->table_name);
		snprintf(p->table_from, sizeof p->table_from, "%s", t->valid_from);
	}
	for (size_t i = 0; i < p->year.n && !st; i++) {
		for (int k = 0; k < p->year.nservices[i] && !st; k++) {
			struct refitem svc;
			if ((st = store_ref_get(a->store, REF_SERVICE, p->year.services[i][k], &svc, e)))
				break;
			for (int c = 0; c < CATEGORY_COUNT; c++) {
				struct rates_change *ch = &p->changes[p->nchanges++];
				struct price_query q = { .service_id = svc.id, .category = (enum org_category)c,
					.work_date = p->from };
				const struct rate_row *old = pricing_lookup(&b, RATE_TABLE, &q, NULL);
				ch->level = i;
				snprintf(ch->service, sizeof ch->service, "%s", svc.code);
				ch->category = (enum org_category)c;
				ch->old_cents = old ? old->rate_cents : 0;
				ch->new_cents = p->lines[i].rate_cents;
			}
		}
	}
	pricing_book_free(&b);
	if (!st)
		st = store_ref_list(a->store, REF_SERVICE, collect_service, p, e);
	if (st)
		rates_proposal_free(p);
	return st;
}

juste_status rates_adopt(struct app *a, const struct rates_proposal *p, const char *name,
	int64_t *table_id, struct juste_err *e)
{
	juste_status st = app_require(a, ROLE_ADMIN, _("adopter une table de taux"), e);
	if (st)
		return st;
	if (p->nchanges == 0)
		return err_set(e, JUSTE_EINVAL, N_("aucun service n'est rattaché aux niveaux : rien à adopter"));
	int64_t same = 0;
	if ((st = store_rate_table_count_from(a->store, p->from, &same, e)))
		return st;
	if (same)
		return err_set(e, JUSTE_ECONFLICT, N_("une table de taux commence déjà le %s : choisissez une autre date (--from)"),
			p->from);
	struct rate_row *rows = calloc(p->nchanges, sizeof *rows);
	if (!rows)
		return err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	for (size_t i = 0; i < p->nchanges; i++) {
		rows[i].rule = RATE_TABLE;
		snprintf(rows[i].service_code, sizeof rows[i].service_code, "%s", p->changes[i].service);
		rows[i].category = p->changes[i].category;
		snprintf(rows[i].valid_from, sizeof rows[i].valid_from, "%s", p->from);
		rows[i].rate_cents = p->changes[i].new_cents;
	}
	char defname[NAME_LEN], fyn[16];
	if (!name || !*name) {
		fy_name(p->year.fy, a->policy.fy_start, fyn, sizeof fyn);
		snprintf(defname, sizeof defname, _("Juste coût %s (adoptée le %s)"), fyn, p->from);
		name = defname;
	}
	st = rates_table_insert(a, name, p->from, rows, p->nchanges, table_id, e);
	free(rows);
	return st;
}
