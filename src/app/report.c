/*
 * report.c - the annual activity report: gathering the figures of a fiscal
 * year and the one before from the store, the utilisation and members
 * reports, the ristourne, and the data the manager enters for the report
 * (finance figures, business-development log, experts' profiles).
 *
 * Everything heavy is an aggregate in SQL (store_report.c); this file only
 * hands the rows it gets to the core's models (annual.h, members.h), which
 * derive every figure.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/receivables_internal.h"
#include "juste/workdays.h"
#include "juste/i18n.h"
#include "juste/money.h"
#include "juste/report.h"
#include "juste/rules.h"
#include "juste/smallcsv.h"
#include "juste/store_report.h"
#include "juste/text.h"

#define ROLES_REPORT (ROLE_GESTIONNAIRE | ROLE_ADMIN)



/* ------------------------------------------------------------------------
 * Words
 * ------------------------------------------------------------------------ */

static int word_index(const char *const *words, int n, const char *s)
{
	for (int i = 0; s && i < n; i++)
		if (strcmp(words[i], s) == 0)
			return i;
	return -1;
}

juste_status report_format_parse(const char *s, enum report_format *f, struct juste_err *e)
{
	static const char *const words[] = { "text", "md", "csv", "json", "pdf", "table" };
	int i = word_index(words, (int)(sizeof words / sizeof words[0]), s);
	if (i < 0)
		return err_set(e, JUSTE_EUSAGE, N_("format inconnu '%s' (text, md, csv, json, pdf, table)"), s ? s : "");
	*f = (enum report_format)i;
	return JUSTE_OK;
}

juste_status report_by_parse(const char *s, enum report_by *by, struct juste_err *e)
{
	if (vocab_report_by_parse(s, by, e) == JUSTE_OK)
		return JUSTE_OK;
	if (!e)
		return JUSTE_EUSAGE;
	e->code = JUSTE_EUSAGE;
	return err_prefix(e, "--by : ");
}

static struct fy_start fs_of(const struct app *a)
{
	return a->policy.fy_start.month ? a->policy.fy_start : FY_START_DEFAULT;
}

/* ------------------------------------------------------------------------
 * The annual report
 * ------------------------------------------------------------------------ */

/* The store's rows go straight to the core's model: the callbacks only
 * carry the status of what the core refused (out of memory). */
struct build_ctx {
	struct annual_report *r;
	struct annual_year *y;
	int slot;            /* programs: 0 previous year, 1 the year */
	juste_status st;
	struct juste_err *e;
	struct app *a;       /* experts: their capacity */
};

static int on_month(void *ctx, const char *month, int64_t billable, int64_t internal)
{
	struct build_ctx *c = ctx;
	annual_add_month(c->r, month, billable, internal);
	return 0;
}

static int on_year_minutes(void *ctx, const struct report_group *g)
{
	struct build_ctx *c = ctx;
	annual_add_year_minutes(c->y, g->billable, g->internal);
	return 0;
}

static int on_client(void *ctx, const struct report_client *rc)
{
	struct build_ctx *c = ctx;
	annual_add_client(c->y, rc);
	return 0;
}

static int on_program_minutes(void *ctx, const struct report_group *g)
{
	struct build_ctx *c = ctx;
	c->st = annual_add_program_minutes(c->r, c->slot, g->key, g->label, g->billable, c->e);
	return c->st != JUSTE_OK;
}

static int on_program_revenue(void *ctx, const char *code, const char *name, int64_t net)
{
	struct build_ctx *c = ctx;
	c->st = annual_add_program_revenue(c->r, c->slot, code, name, net, c->e);
	return c->st != JUSTE_OK;
}

static int on_person(void *ctx, const struct report_person *p)
{
	struct build_ctx *c = ctx;
	annual_add_person(c->r, p);
	return 0;
}

static int on_expert(void *ctx, const struct report_group *g)
{
	struct build_ctx *c = ctx;
	/* the one capacity: holidays, closures, absences, to date */
	struct capacity k;
	date_t first, last;
	if (date_parse(c->r->y[2].first, &first, c->e) || date_parse(c->r->y[2].last, &last, c->e)) {
		c->st = c->e->code;
		return 1;
	}
	if ((c->st = workdays_capacity(c->a, g->key, first, last, &k, c->e)) != JUSTE_OK)
		return 1;
	c->st = annual_add_expert(c->r, g, &k, c->e);
	return c->st != JUSTE_OK;
}

static int on_dev(void *ctx, enum dev_partner p, enum dev_kind k, const char *name, int64_t n)
{
	struct build_ctx *c = ctx;
	c->st = annual_add_dev(c->r, p, k, name, n, c->e);
	return c->st != JUSTE_OK;
}

/* The invoices of a year are those of its months (periods). */
static juste_status year_clients(struct app *a, struct annual_year *y, struct juste_err *e)
{
	struct build_ctx c = { NULL, y, 0, JUSTE_OK, e, a };
	return store_report_revenue_by_client(a->store, y->months[0], y->months[ANNUAL_MONTHS - 1], on_client, &c, e);
}

/* Every client's documents and payments, settled at the year's last day:
 * what was open then, and how fast the year's invoices were paid. */
static juste_status year_receivables(struct app *a, struct annual_report *r, struct juste_err *e)
{
	date_t last;
	juste_status st = date_parse(r->y[2].last, &last, e);
	struct ar_books b;
	if (st || (st = ar_books_load(a, NULL, &b, e)))
		return st;
	struct ar_client c;
	int k;
	while ((k = ar_books_next(&b, last, &c, e)) > 0) {
		annual_add_receivables(r, c.cdocs, c.ndocs, &c.res);
		ar_client_free(&c);
	}
	if (k < 0)
		st = e->code ? e->code : JUSTE_EIO;
	ar_books_free(&b);
	return st;
}

static juste_status annual_gather(struct app *a, struct annual_report *r, struct juste_err *e)
{
	struct annual_year *y0 = &r->y[0], *y2 = &r->y[2];
	struct build_ctx c = { r, NULL, 0, JUSTE_OK, e, a };

	/* hours: one pass over the three years, by month */
	juste_status st = store_report_minutes_by_month(a->store, y0->first, y2->last, on_month, &c, e);
	for (int k = 0; !st && !annual_months_make_years(r) && k < 3; k++) {
		c.y = &r->y[k];
		st = store_report_minutes_by(a->store, REPORT_BY_SERVICE, c.y->first, c.y->last, on_year_minutes, &c, e);
	}
	for (int k = 0; !st && k < 3; k++)
		st = store_report_members(a->store, r->y[k].first, r->y[k].last, &r->y[k].members_at_end,
			&r->y[k].new_members, e);
	for (int k = 1; !st && k < 3; k++) {
		struct annual_year *y = &r->y[k];
		st = store_report_beneficiaries(a->store, y->first, y->last, &y->beneficiaries, e);
		if (!st)
			st = year_clients(a, y, e);
		if (!st)
			st = store_report_finance_get(a->store, y->fy, &y->fin, e);
		c.slot = k - 1;
		if (!st)
			st = store_report_minutes_by(a->store, REPORT_BY_PROGRAM, y->first, y->last, on_program_minutes,
				&c, e);
		if (!st)
			st = c.st;
		if (!st)
			st = store_report_revenue_by_program(a->store, y->months[0], y->months[ANNUAL_MONTHS - 1],
				on_program_revenue, &c, e);
		if (!st)
			st = c.st;
	}
	if (!st)
		st = store_report_finance_get(a->store, r->fy + 1, &r->next, e);
	/* members sous entière gestion against the others, over the years */
	for (int k = ANNUAL_HIST - 1; !st && k >= 0; k--) {
		struct annual_year h;
		annual_year_init(&h, r->fy - k, r->fs);
		st = year_clients(a, &h, e);
		if (!st)
			annual_add_hist(r, &h);
	}
	if (!st)
		st = store_report_people(a->store, y2->last, on_person, &c, e);
	if (!st)
		st = store_report_minutes_by(a->store, REPORT_BY_EXPERT, y2->first, y2->last, on_expert, &c, e);
	if (!st)
		st = c.st;
	if (!st)
		st = store_report_devaffaire_count(a->store, y2->first, y2->last, on_dev, &c, e);
	if (!st)
		st = c.st;
	if (!st)
		st = year_receivables(a, r, e);
	return st;
}

juste_status report_annual_build(struct app *a, int fy, struct annual_report *r, struct juste_err *e)
{
	memset(r, 0, sizeof *r);
	juste_status st = app_require(a, ROLES_REPORT, _("produire le rapport annuel"), e);
	if (st)
		return st;
	annual_init(r, fy, fs_of(a));
	st = annual_gather(a, r, e);
	if (st) {
		annual_free(r);
		return st;
	}
	annual_finish(r);
	return JUSTE_OK;
}

/* ------------------------------------------------------------------------
 * Utilisation, members, ristourne
 * ------------------------------------------------------------------------ */

struct util_ctx {
	report_util_cb cb;
	void *ctx;
	struct report_util_row *total;
	enum report_by by;
	date_t first, last;
	int stop;
	struct app *a;
	struct juste_err *e;
	juste_status st;
};

static int on_util(void *ctx, const struct report_group *g)
{
	struct util_ctx *c = ctx;
	struct report_util_row row;
	memset(&row, 0, sizeof row);
	row.g = *g;
	if (c->by == REPORT_BY_EXPERT) {
		/* the one capacity: holidays, closures, absences, to date */
		struct capacity k;
		if ((c->st = workdays_capacity(c->a, g->key, c->first, c->last, &k, c->e)) != JUSTE_OK)
			return 1;
		row.capacity = k.minutes;
		row.holidays = k.holidays;
		row.absences = k.absences;
	}
	row.u = figures_utilisation_of(g->billable, g->internal, row.capacity);
	c->total->g.billable += g->billable;
	c->total->g.internal += g->internal;
	c->total->capacity += row.capacity;
	c->total->holidays += row.holidays;
	c->total->absences += row.absences;
	if (!c->stop && c->cb && c->cb(c->ctx, &row))
		c->stop = 1;
	return 0;
}

juste_status report_utilisation(struct app *a, const char *from, const char *to, enum report_by by,
	report_util_cb cb, void *ctx, struct report_util_row *total, struct juste_err *e)
{
	juste_status st = app_require(a, ROLES_REPORT, _("consulter l'utilisation"), e);
	if (st)
		return st;
	date_t f, t;
	if (date_parse(from, &f, e))
		return err_prefix(e, "--from : ");
	if (date_parse(to, &t, e))
		return err_prefix(e, "--to : ");
	if (t < f)
		return err_set(e, JUSTE_EINVAL, N_("--to %s précède --from %s"), to, from);
	memset(total, 0, sizeof *total);
	snprintf(total->g.label, sizeof total->g.label, "%s", _("Total"));
	struct util_ctx c = { cb, ctx, total, by, f, t, 0, a, e, JUSTE_OK };
	st = store_report_minutes_by(a->store, by, from, to, on_util, &c, e);
	total->u = figures_utilisation_of(total->g.billable, total->g.internal, total->capacity);
	return st ? st : c.st;
}

struct members_ctx {
	struct members_report *m;
	juste_status st;
	struct juste_err *e;
};

static int on_member_client(void *ctx, const struct report_client *c)
{
	struct members_ctx *k = ctx;
	k->st = members_add(k->m, c, k->e);
	return k->st != JUSTE_OK;
}

/* The clients' business of the periods of fiscal year fy. */
static juste_status members_of_year(struct app *a, int fy, struct members_report *m, char name[ANNUAL_FY_NAME],
	struct juste_err *e)
{
	memset(m, 0, sizeof *m);
	struct annual_year y;
	annual_year_init(&y, fy, fs_of(a));
	if (name)
		snprintf(name, ANNUAL_FY_NAME, "%s", y.name);
	struct members_ctx k = { m, JUSTE_OK, e };
	juste_status st = store_report_revenue_by_client(a->store, y.months[0], y.months[ANNUAL_MONTHS - 1],
		on_member_client, &k, e);
	if (!st)
		st = k.st;
	if (st) {
		members_free(m);
		return st;
	}
	members_finish(m);
	return JUSTE_OK;
}

juste_status report_members(struct app *a, int fy, struct members_report *m, struct juste_err *e)
{
	memset(m, 0, sizeof *m);
	juste_status st = app_require(a, ROLES_REPORT, _("consulter les opérations avec les membres"), e);
	return st ? st : members_of_year(a, fy, m, NULL, e);
}

juste_status report_ristourne_compute(struct app *a, int fy, int64_t amount_cents, struct members_ristourne *r,
	struct juste_err *e)
{
	memset(r, 0, sizeof *r);
	juste_status st = app_require(a, ROLES_REPORT, _("calculer la ristourne"), e);
	if (st)
		return st;
	if (amount_cents <= 0)
		return err_set(e, JUSTE_EINVAL, N_("--amount : le montant à répartir doit être positif"));
	struct members_report m;
	char name[ANNUAL_FY_NAME];
	st = members_of_year(a, fy, &m, name, e);
	if (!st)
		st = members_ristourne_compute(&m, amount_cents, name, r, e);
	members_free(&m);
	return st;
}

/* ------------------------------------------------------------------------
 * Finance figures, business development, profiles
 * ------------------------------------------------------------------------ */

juste_status report_finance_set(struct app *a, const struct finance_year *f, struct juste_err *e)
{
	juste_status st = app_require(a, ROLES_REPORT, _("saisir les chiffres financiers"), e);
	if (st)
		return st;
	if (f->fy < 1900 || f->fy > 9998)
		return err_set(e, JUSTE_EINVAL, N_("exercice hors limites"));
	if (!f->has)
		return err_set(e, JUSTE_EUSAGE, N_("aucun chiffre à enregistrer (--budget-products, --budget-expenses, "
			"--actual-expenses, --actual-products)"));
	const int64_t v[4] = { f->actual_products_cents, f->actual_expenses_cents, f->budget_products_cents,
		f->budget_expenses_cents };
	for (int i = 0; i < 4; i++)
		if ((f->has & (1u << i)) && v[i] < 0)
			return err_set(e, JUSTE_EINVAL, N_("un montant financier ne peut être négatif"));
	return store_report_finance_set(a->store, f, e);
}

juste_status report_finance_get(struct app *a, int fy, struct finance_year *f, struct juste_err *e)
{
	juste_status st = app_require(a, ROLES_REPORT, _("consulter les chiffres financiers"), e);
	if (st)
		return st;
	return store_report_finance_get(a->store, fy, f, e);
}

/* Runs the rows of an import in one transaction, or in the caller's. */
/* One import of a small CSV file: read it, map its header, then run
 * `row` on every record in one transaction (the caller's, if it holds one);
 * the first bad record stops it with "FILE:LINE: why" and nothing stays. */
typedef juste_status (*import_row_fn)(struct app *a, const char *path, const struct smallcsv_rec *rec,
	const int *pos, struct juste_err *e);

struct import_job {
	const char *path;
	const struct smallcsv *c;
	const int *pos;
	import_row_fn row;
	long *rows;
};

static juste_status import_run(struct app *a, void *arg, struct juste_err *e)
{
	struct import_job *j = arg;
	juste_status st = JUSTE_OK;
	for (size_t i = 1; !st && i < j->c->n; i++)
		if (!(st = j->row(a, j->path, &j->c->recs[i], j->pos, e)))
			(*j->rows)++;
	return st;
}

static juste_status import_rows(struct app *a, const char *path, const char *const *cols, int ncols,
	unsigned required, import_row_fn row, long *rows, struct juste_err *e)
{
	struct smallcsv c;
	int pos[SMALLCSV_FIELDS];
	juste_status st = smallcsv_read(path, &c, e);
	if (st)
		return st;
	st = smallcsv_header(path, &c, cols, ncols, required, pos, e);
	if (!st) {
		struct import_job j = { path, &c, pos, row, rows };
		st = app_in_tx(a, import_run, &j, e);
	}
	smallcsv_free(&c);
	if (st)
		*rows = 0;
	return st;
}

static const char *const finance_cols[] = { "fy", "actual_products", "actual_expenses", "budget_products",
	"budget_expenses" };

static juste_status finance_row(struct app *a, const char *path, const struct smallcsv_rec *rec,
	const int *pos, struct juste_err *e)
{
	struct finance_year f;
	memset(&f, 0, sizeof f);
	if (fy_parse(smallcsv_get(rec, pos, 0), fs_of(a), &f.fy, e))
		return err_prefix(e, "%s:%ld: fy : ", path, rec->line);
	int64_t *v[4] = { &f.actual_products_cents, &f.actual_expenses_cents, &f.budget_products_cents,
		&f.budget_expenses_cents };
	for (int k = 1; k < 5; k++) {
		const char *s = smallcsv_get(rec, pos, k);
		if (!*s)
			continue;
		if (money_parse(s, v[k - 1], e) || *v[k - 1] < 0)
			return err_set(e, JUSTE_EINVAL, N_("%s:%ld: %s : montant invalide '%s'"), path, rec->line,
				finance_cols[k], s);
		f.has |= 1u << (k - 1);
	}
	if (!f.has)
		return err_set(e, JUSTE_EINVAL, N_("%s:%ld: aucun montant"), path, rec->line);
	juste_status st = store_report_finance_set(a->store, &f, e);
	if (st)
		err_prefix(e, "%s:%ld: ", path, rec->line);
	return st;
}

juste_status report_finance_import(struct app *a, const char *path, long *rows, struct juste_err *e)
{
	*rows = 0;
	juste_status st = app_require(a, ROLES_REPORT, _("importer les chiffres financiers"), e);
	return st ? st : import_rows(a, path, finance_cols, 5, 1u, finance_row, rows, e);
}

static juste_status devaffaire_check(struct devaffaire *d, struct juste_err *e)
{
	date_t t;
	if (date_parse(d->on_date, &t, e))
		return err_prefix(e, N_("date : "));
	juste_status st = vocab_check(VOCAB_DEV_KIND, (int)d->kind, e);
	if (!st)
		st = vocab_check(VOCAB_PARTNER, (int)d->partner, e);
	if (st)
		return st;
	if (!d->name[0])
		return err_set(e, JUSTE_EINVAL, N_("nom manquant"));
	return rules_name_validate("name", d->name, e);
}

juste_status report_devaffaire_add(struct app *a, struct devaffaire *d, struct juste_err *e)
{
	juste_status st = app_require(a, ROLES_REPORT, _("inscrire une démarche de développement des affaires"), e);
	if (!st)
		st = devaffaire_check(d, e);
	if (!st)
		st = store_report_devaffaire_insert(a->store, d, e);
	return st;
}

static juste_status put_field(char *dst, size_t n, const char *src, const char *col, struct juste_err *e)
{
	if (strlen(src) >= n)
		return err_set(e, JUSTE_EINVAL, N_("%s : texte trop long"), col);
	snprintf(dst, n, "%s", src);
	return JUSTE_OK;
}

static juste_status devaffaire_row(struct app *a, const char *path, const struct smallcsv_rec *rec,
	const int *pos, struct juste_err *e)
{
	struct devaffaire d;
	memset(&d, 0, sizeof d);
	juste_status st = put_field(d.on_date, sizeof d.on_date, smallcsv_get(rec, pos, 0), "date", e);
	if (!st)
		st = vocab_dev_kind_parse(smallcsv_get(rec, pos, 1), &d.kind, e);
	if (!st)
		st = vocab_partner_parse(smallcsv_get(rec, pos, 2), &d.partner, e);
	if (!st)
		st = put_field(d.name, sizeof d.name, smallcsv_get(rec, pos, 3), "name", e);
	if (!st)
		st = devaffaire_check(&d, e);
	if (!st)
		st = store_report_devaffaire_insert(a->store, &d, e);
	if (st)
		err_prefix(e, "%s:%ld: ", path, rec->line);
	return st;
}

juste_status report_devaffaire_import(struct app *a, const char *path, long *rows, struct juste_err *e)
{
	static const char *const cols[] = { "date", "kind", "partner", "name" };
	*rows = 0;
	juste_status st = app_require(a, ROLES_REPORT, _("importer le développement des affaires"), e);
	return st ? st : import_rows(a, path, cols, 4, 0xfu, devaffaire_row, rows, e);
}

juste_status report_devaffaire_list(struct app *a, const char *from, const char *to, report_devaffaire_cb cb,
	void *ctx, struct juste_err *e)
{
	juste_status st = app_require(a, ROLE_OFFICE, _("consulter le développement des affaires"), e);
	if (st)
		return st;
	return store_report_devaffaire_list(a->store, from, to, cb, ctx, e);
}

juste_status report_expert_profile(struct app *a, const char *login, const char *gender, int birth_year,
	struct juste_err *e)
{
	juste_status st = app_require(a, ROLE_ADMIN, _("modifier le genre et l'année de naissance"), e);
	if (st)
		return st;
	enum gender g = GENDER_NONE;
	if (gender && *gender && vocab_gender_parse(gender, &g, NULL)) {
		char list[64];
		return err_set(e, JUSTE_EINVAL, N_("--gender : '%s' inconnu (%s, ou vide pour effacer)"), gender,
			vocab_list(VOCAB_GENDER, ", ", ", ", list, sizeof list));
	}
	if (birth_year < -1 || (birth_year > 0 && (birth_year < 1900 || birth_year > 2100)))
		return err_set(e, JUSTE_EINVAL, N_("--birth-year : %d hors limites (1900 à 2100)"), birth_year);
	return store_report_expert_profile_set(a->store, login, gender ? &g : NULL, birth_year, e);
}

int report_default_fy(struct app *a)
{
	struct fy_start fs = a->policy.fy_start.month ? a->policy.fy_start : FY_START_DEFAULT;
	int current = fy_of(app_today(), fs);
	char before[DATE_BUF], last[ISO_LEN] = "";
	date_format(fy_first(current, fs), before);
	date_t d;
	if (store_report_last_work_date(a->store, before, last, NULL) == JUSTE_OK && last[0]
	    && date_parse(last, &d, NULL) == JUSTE_OK)
		return fy_of(d, fs);
	return current - 1;
}
