/*
 * budget.c - what the mandates with a budget have used (see budget.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/budget_internal.h"
#include "juste/budgetcalc.h"
#include "juste/duration.h"
#include "juste/money.h"
#include "juste/figures.h"
#include "juste/i18n.h"
#include "juste/mem.h"
#include "juste/store_budgets.h"

#define ROLES_MANAGE (ROLE_GESTIONNAIRE | ROLE_ADMIN)

static void row_fill(struct budget_row *r, const struct mandate_budget *b)
{
	memset(r, 0, sizeof *r);
	snprintf(r->code, sizeof r->code, "%s", b->code);
	snprintf(r->title, sizeof r->title, "%s", b->title);
	snprintf(r->client, sizeof r->client, "%s", b->client);
	snprintf(r->closed_on, sizeof r->closed_on, "%s", b->closed_on);
	r->budget_minutes = b->budget_minutes;
	r->budget_cents = b->budget_cents;
	r->used_minutes = b->used_minutes;
	/* hourly: priced entry by entry below; forfait: what was invoiced */
	r->used_cents = b->billing == BILLING_HORAIRE ? 0 : b->used_cents;
	r->hard = b->hard;
}

static void row_finish(struct budget_row *r)
{
	struct budget_use u = { r->budget_minutes, r->used_minutes, r->budget_cents, r->used_cents };
	r->remaining_minutes = r->budget_minutes - r->used_minutes;
	r->remaining_cents = r->budget_cents - r->used_cents;
	r->pct = budgetcalc_pct(&u);
	r->level = budgetcalc_level(&u);
}

struct budget_ctx {
	struct budget_row *rows;
	int64_t *ids;
	size_t n, cap, capids;
	int failed;
};

static int on_budget(void *ctx, const struct mandate_budget *b)
{
	struct budget_ctx *c = ctx;
	if (mem_grow((void **)&c->rows, &c->cap, c->n + 1, sizeof *c->rows)
		|| mem_grow((void **)&c->ids, &c->capids, c->n + 1, sizeof *c->ids)) {
		c->failed = 1;
		return 1;
	}
	c->ids[c->n] = b->id;
	row_fill(&c->rows[c->n++], b);
	return 0;
}

/* The priced entries of the walk, added to their mandate's row. */
struct priced_ctx {
	struct rates_pricer *p;
	struct budget_row **by_id;    /* indexed by mandate id; NULL = not listed */
	int64_t nid;
	struct budget_row *one;       /* or the one mandate's row */
};

static int on_priced(void *ctx, const struct rate_billable *x)
{
	struct priced_ctx *c = ctx;
	struct budget_row *r = c->one;
	if (!r && x->mandate_id > 0 && x->mandate_id < c->nid)
		r = c->by_id[x->mandate_id];
	if (!r)
		return 0;
	struct priced pr;
	if (rates_pricer_price(c->p, x->entry_id, x->mandate_id, x->work_date, x->minutes, &pr, NULL) != JUSTE_OK)
		r->unpriced++;
	else
		r->used_cents += pr.amount_cents;
	return 0;
}

static int budget_cmp(const void *pa, const void *pb)
{
	const struct budget_row *a = pa, *b = pb;
	int ca = a->closed_on[0] != '\0', cb = b->closed_on[0] != '\0';
	if (ca != cb)
		return ca - cb;
	if (a->pct != b->pct)
		return a->pct > b->pct ? -1 : 1;
	return strcmp(a->code, b->code);
}

static int row_kept(const struct budget_row *r, const struct budget_filter *f)
{
	if (!f)
		return 1;
	if (f->open_only && r->closed_on[0])
		return 0;
	if (f->over_tenths >= 0 && r->pct < f->over_tenths)
		return 0;
	return 1;
}

juste_status budget_list(struct app *a, const struct budget_filter *f, struct budget_row **rows, size_t *n,
	struct juste_err *e)
{
	*rows = NULL;
	*n = 0;
	juste_status st = app_require(a, ROLES_MANAGE, _("consulter les budgets des mandats"), e);
	if (st)
		return st;
	struct org o;
	const char *client = NULL;
	if (f && f->client && f->client[0]) {
		if ((st = store_org_get(a->store, f->client, &o, e)))
			return st;
		client = o.code;
	}
	struct budget_ctx c = { 0 };
	struct rates_pricer p;
	struct priced_ctx pc = { .p = &p };
	int loaded = 0;
	st = store_budget_list(a->store, on_budget, &c, e);
	if (!st && c.failed)
		st = err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	if (!st && c.n) {
		for (size_t i = 0; i < c.n; i++)
			if (c.ids[i] >= pc.nid)
				pc.nid = c.ids[i] + 1;
		pc.by_id = calloc((size_t)pc.nid, sizeof *pc.by_id);
		if (!pc.by_id)
			st = err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
		for (size_t i = 0; !st && i < c.n; i++)
			pc.by_id[c.ids[i]] = &c.rows[i];
		if (!st && !(st = rates_pricer_load(a, &p, e)))
			loaded = 1;
		if (!st)
			st = store_budget_priced_walk(a->store, 0, on_priced, &pc, e);
	}
	if (loaded)
		rates_pricer_free(&p);
	free(pc.by_id);
	free(c.ids);
	if (st) {
		free(c.rows);
		return st;
	}
	size_t kept = 0;
	for (size_t i = 0; i < c.n; i++) {
		row_finish(&c.rows[i]);
		if (client && strcmp(c.rows[i].client, client) != 0)
			continue;
		if (row_kept(&c.rows[i], f))
			c.rows[kept++] = c.rows[i];
	}
	if (kept)
		qsort(c.rows, kept, sizeof *c.rows, budget_cmp);
	if (!kept) {
		free(c.rows);
		c.rows = NULL;
	}
	*rows = c.rows;
	*n = kept;
	return JUSTE_OK;
}

juste_status budget_of_mandate(struct app *a, struct rates_pricer *p, const char *code, struct budget_row *out,
	int *has, struct juste_err *e)
{
	struct mandate_budget b;
	*has = 0;
	juste_status st = store_budget_get(a->store, code, &b, e);
	if (st)
		return st;
	row_fill(out, &b);
	if (!b.budget_minutes && !b.budget_cents)
		return JUSTE_OK;
	*has = 1;
	if (b.billing == BILLING_HORAIRE && b.budget_cents) {
		struct rates_pricer own;
		if (!p) {
			if ((st = rates_pricer_load(a, &own, e)))
				return st;
		}
		struct priced_ctx pc = { .p = p ? p : &own, .one = out };
		st = store_budget_priced_walk(a->store, b.id, on_priced, &pc, e);
		if (!p)
			rates_pricer_free(&own);
		if (st)
			return st;
	}
	row_finish(out);
	return JUSTE_OK;
}

void budget_row_add(struct budget_row *r, int hourly, struct rates_pricer *p, const struct rate_billable *x)
{
	r->used_minutes += x->minutes;
	/* priced as the walk of budget_of_mandate prices it, one entry */
	if (hourly && r->budget_cents && p) {
		struct priced pr;
		if (rates_pricer_price(p, x->entry_id, x->mandate_id, x->work_date, x->minutes, &pr, NULL) != JUSTE_OK)
			r->unpriced++;
		else
			r->used_cents += pr.amount_cents;
	}
	row_finish(r);
}

juste_status budget_watch_begin(struct app *a, const char *code, struct budget_watch *w, struct juste_err *e)
{
	memset(w, 0, sizeof *w);
	struct mandate_budget b;
	juste_status st = store_budget_get(a->store, code, &b, e);
	if (st || (!b.budget_minutes && !b.budget_cents))
		return st;
	/* the pricer only when dollars are priced entry by entry */
	if (b.billing == BILLING_HORAIRE && b.budget_cents) {
		if ((st = rates_pricer_load(a, &w->p, e)))
			return st;
		w->loaded = 1;
	}
	st = budget_of_mandate(a, w->loaded ? &w->p : NULL, code, &w->before, &w->has, e);
	if (st)
		budget_watch_free(w);
	return st;
}

void budget_watch_free(struct budget_watch *w)
{
	if (w->loaded)
		rates_pricer_free(&w->p);
	w->loaded = 0;
}

/* "8,00 h sur 10,00 h" or "803,75 $ sur 1 000,00 $": the axis furthest
 * into its budget, the one the percent is of. */
static void budget_words(const struct budget_row *r, char *buf, size_t n)
{
	int64_t ph = 0, pd = 0;
	if (r->budget_minutes)
		figures_share(r->used_minutes, r->budget_minutes, &ph);
	if (r->budget_cents)
		figures_share(r->used_cents, r->budget_cents, &pd);
	char u[MONEY_BUF], b[MONEY_BUF];
	if (r->budget_minutes && (!r->budget_cents || ph >= pd))
		snprintf(buf, n, _("%s h sur %s h"), duration_format_hours_fr((long)r->used_minutes, u, sizeof u),
			duration_format_hours_fr((long)r->budget_minutes, b, sizeof b));
	else
		snprintf(buf, n, _("%s sur %s"), money_format_fr(r->used_cents, u, sizeof u),
			money_format_fr(r->budget_cents, b, sizeof b));
}

juste_status budget_judge(const struct budget_row *before, const struct budget_row *after, char *notice, size_t n,
	struct juste_err *e)
{
	notice[0] = '\0';
	struct budget_use ub = { before->budget_minutes, before->used_minutes, before->budget_cents, before->used_cents };
	struct budget_use ua = { after->budget_minutes, after->used_minutes, after->budget_cents, after->used_cents };
	char words[128], pct[32];
	budget_words(after, words, sizeof words);
	figures_pct(1, after->pct, pct, sizeof pct);
	int more = ua.used_minutes > ub.used_minutes || ua.used_cents > ub.used_cents;
	if (after->hard && more && budgetcalc_past(&ua))
		return err_set(e, JUSTE_ECONFLICT,
			N_("mandat %s : son budget est strict et cette saisie le dépasse (%s, %s) : rien n'est enregistré ; voyez le responsable du mandat"),
			after->code, words, pct);
	int crossed = budgetcalc_crossed(&ub, &ua);
	if (crossed == 100)
		snprintf(notice, n, _("mandat %s : budget atteint : %s (%s)"), after->code, words, pct);
	else if (crossed == 80)
		snprintf(notice, n, _("mandat %s : 80 %% du budget atteint : %s (%s)"), after->code, words, pct);
	return JUSTE_OK;
}

juste_status budget_watch_end(struct app *a, struct budget_watch *w, char *notice, size_t n, struct juste_err *e)
{
	notice[0] = '\0';
	if (!w->has)
		return JUSTE_OK;
	struct budget_row after;
	int has;
	juste_status st = budget_of_mandate(a, w->loaded ? &w->p : NULL, w->before.code, &after, &has, e);
	budget_watch_free(w);
	return st ? st : budget_judge(&w->before, &after, notice, n, e);
}

struct hard_set {
	const char *code;
	int hard;
	char *canon;
};

static juste_status do_set_hard(struct app *a, void *arg, struct juste_err *e)
{
	struct hard_set *h = arg;
	struct mandate *m = malloc(sizeof *m);
	if (!m)
		return err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	juste_status st = store_mandate_get(a->store, h->code, m, e);
	if (!st && h->hard && !m->budget_minutes && !m->budget_cents)
		st = err_set(e, JUSTE_EINVAL, N_("mandat %s : pas de budget à rendre strict (donnez-lui un budget en heures ou en dollars)"), m->code);
	if (!st) {
		snprintf(h->canon, CODE_LEN, "%s", m->code);
		m->budget_hard = h->hard;
		st = store_mandate_update(a->store, m, e);
	}
	free(m);
	return st;
}

juste_status budget_set_hard(struct app *a, const char *code, int hard, char canon[CODE_LEN], struct juste_err *e)
{
	canon[0] = '\0';
	juste_status st = app_require(a, ROLES_MANAGE, _("rendre strict le budget d'un mandat"), e);
	if (st)
		return st;
	struct hard_set h = { code, hard, canon };
	return app_in_tx(a, do_set_hard, &h, e);
}
