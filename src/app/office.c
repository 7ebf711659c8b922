/*
 * office.c - the use cases of the office screens (see office.h).
 */
#include <stdlib.h>
#include <string.h>

#include "app/app_internal.h"
#include "juste/i18n.h"
#include "juste/mem.h"
#include "juste/invoicing.h"
#include "juste/office.h"
#include "juste/report.h"
#include "juste/report_app.h"
#include "juste/rules.h"
#include "juste/store_budgets.h"
#include "juste/store_invoices.h"
#include "juste/store_report.h"
#include "juste/text.h"

#define ROLES_BILL_READ (ROLE_COMMIS | ROLE_GESTIONNAIRE | ROLE_ADMIN)
#define ROLES_MANAGE (ROLE_GESTIONNAIRE | ROLE_ADMIN)


/* ------------------------------------------------------------ periods */

void office_period_range(const struct app *a, enum office_period p, date_t day, char from[ISO_LEN],
	char to[ISO_LEN])
{
	int y, m, d;
	date_to_ymd(day, &y, &m, &d);
	switch (p) {
	case OFFICE_WEEK:
		date_format(date_monday(day), from);
		date_format(date_monday(day) + 6, to);
		break;
	case OFFICE_MONTH:
		date_format(date_month_first(y, m), from);
		date_format(date_month_last(y, m), to);
		break;
	default:
		date_format(fy_first(fy_of(day, a->policy.fy_start), a->policy.fy_start), from);
		date_format(day, to);
		break;
	}
}

int office_period_parse(const char *s)
{
	if (!strcmp(s, "semaine") || !strcmp(s, "week"))
		return OFFICE_WEEK;
	if (!strcmp(s, "mois") || !strcmp(s, "month"))
		return OFFICE_MONTH;
	if (!strcmp(s, "exercice") || !strcmp(s, "fy"))
		return OFFICE_FY;
	return -1;
}

/* ------------------------------------------------------- billing month */

struct bill_ctx {
	struct office_bill_month *m;
	size_t cap;
	int failed;
};

static int on_bill(void *ctx, const struct invoice_rec *r)
{
	struct bill_ctx *c = ctx;
	if (mem_grow((void **)&c->m->rows, &c->cap, c->m->n + 1, sizeof *c->m->rows)) {
		c->failed = 1;
		return 1;
	}
	struct office_bill_row *row = &c->m->rows[c->m->n++];
	memset(row, 0, sizeof *row);
	row->rec = *r;
	return 0;
}

static int on_bill_stats(void *ctx, int64_t id, int64_t minutes, int64_t late)
{
	struct office_bill_month *m = ctx;
	for (size_t i = 0; i < m->n; i++)
		if (m->rows[i].rec.id == id) {
			m->rows[i].billed_minutes = minutes;
			m->rows[i].late = late;
			break;
		}
	return 0;
}

juste_status office_bill_month_load(struct app *a, const char *month, struct office_bill_month *m,
	struct juste_err *e)
{
	memset(m, 0, sizeof *m);
	juste_status st = app_require(a, ROLES_BILL_READ, _("consulter la facturation"), e);
	if (st)
		return st;
	date_t first, last;
	if ((st = invoice_period_parse(month, m->period, &first, &last, e)))
		return st;
	struct bill_ctx c = { m, 0, 0 };
	struct invoice_filter f = { .period = m->period };
	st = invoicing_list(a, &f, on_bill, &c, e);
	if (!st && c.failed)
		st = err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	if (!st)
		st = store_invoice_month_stats(a->store, m->period, on_bill_stats, m, e);
	if (st) {
		office_bill_month_free(m);
		return st;
	}
	for (size_t i = 0; i < m->n; i++) {
		const struct office_bill_row *r = &m->rows[i];
		if (strcmp(r->rec.kind, "credit") == 0) {
			m->credits++;
			continue;
		}
		if (strcmp(r->rec.status, "draft") == 0) {
			m->drafts++;
			m->held += r->rec.blockers[0] != '\0';
		} else {
			m->issued++;
		}
		m->minutes += r->billed_minutes;
		m->late += r->late;
		m->subtotal_cents += r->rec.amounts.subtotal_cents;
		m->tps_cents += r->rec.amounts.tps_cents;
		m->tvq_cents += r->rec.amounts.tvq_cents;
		m->total_cents += r->rec.amounts.total_cents;
	}
	return JUSTE_OK;
}

void office_bill_month_free(struct office_bill_month *m)
{
	if (!m)
		return;
	free(m->rows);
	m->rows = NULL;
	m->n = 0;
}

/* --------------------------------------------------------- utilisation */

struct util_ctx {
	struct office_util *u;
	size_t cap;
	int failed;
};

static int on_util_row(void *ctx, const struct report_util_row *r)
{
	struct util_ctx *c = ctx;
	if (mem_grow((void **)&c->u->rows, &c->cap, c->u->n + 1, sizeof *c->u->rows)) {
		c->failed = 1;
		return 1;
	}
	struct office_util_row *o = &c->u->rows[c->u->n++];
	memset(o, 0, sizeof *o);
	snprintf(o->login, sizeof o->login, "%s", r->g.key);
	snprintf(o->name, sizeof o->name, "%s", r->g.label);
	snprintf(o->function, sizeof o->function, "%s", r->g.function);
	o->capacity = r->capacity;
	o->billable = r->g.billable;
	o->internal = r->g.internal;
	o->logged = o->billable + o->internal;
	o->pct_ok = report_share(o->billable, o->capacity, &o->pct);
	o->weekly_minutes = r->g.weekly_minutes;
	return 0;
}

struct week_ctx {
	struct office_util *u;
};

static int on_last_week(void *ctx, const struct report_util_row *r)
{
	struct week_ctx *c = ctx;
	for (size_t i = 0; i < c->u->n; i++) {
		struct office_util_row *o = &c->u->rows[i];
		if (strcmp(o->login, r->g.key) == 0) {
			o->last_week = r->g.billable + r->g.internal;
			/* marked only when they were expected to log: a capacity,
			 * and in post that week (report_capacity of their days) */
			if (o->weekly_minutes > 0 && r->capacity > 0) {
				if (o->last_week == 0)
					o->mark = OFFICE_MARK_NOTHING;
				else if (o->last_week * 2 < r->capacity)
					o->mark = OFFICE_MARK_HALF;
			}
			break;
		}
	}
	return 0;
}

juste_status office_util_load(struct app *a, const char *from, const char *to, date_t today,
	struct office_util *u, struct juste_err *e)
{
	memset(u, 0, sizeof *u);
	juste_status st = app_require(a, ROLES_MANAGE, _("consulter l'utilisation"), e);
	if (st)
		return st;
	snprintf(u->from, sizeof u->from, "%s", from);
	snprintf(u->to, sizeof u->to, "%s", to);
	date_t mon = date_monday(today);
	date_format(mon - 7, u->week_from);
	date_format(mon - 1, u->week_to);
	struct util_ctx c = { u, 0, 0 };
	struct report_util_row total;
	st = report_utilisation(a, from, to, REPORT_BY_EXPERT, on_util_row, &c, &total, e);
	if (!st && c.failed)
		st = err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	struct week_ctx w = { u };
	struct report_util_row wtotal;
	if (!st)
		st = report_utilisation(a, u->week_from, u->week_to, REPORT_BY_EXPERT, on_last_week, &w, &wtotal, e);
	if (st) {
		office_util_free(u);
		return st;
	}
	memset(&u->total, 0, sizeof u->total);
	snprintf(u->total.name, sizeof u->total.name, "%s", _("Total"));
	u->total.capacity = total.capacity;
	u->total.billable = total.g.billable;
	u->total.internal = total.g.internal;
	u->total.logged = total.g.billable + total.g.internal;
	u->total.pct_ok = report_share(u->total.billable, u->total.capacity, &u->total.pct);
	u->total.last_week = wtotal.g.billable + wtotal.g.internal;
	return JUSTE_OK;
}

void office_util_free(struct office_util *u)
{
	if (!u)
		return;
	free(u->rows);
	u->rows = NULL;
	u->n = 0;
}

static int64_t util_key(const struct office_util_row *r, enum office_util_col col)
{
	switch (col) {
	case OU_CAPACITY: return r->capacity;
	case OU_LOGGED: return r->logged;
	case OU_BILLABLE: return r->billable;
	case OU_INTERNAL: return r->internal;
	case OU_PCT: return r->pct_ok ? r->pct : -1;
	case OU_MARK: return r->mark;
	default: return 0;
	}
}

void office_util_sort(struct office_util *u, enum office_util_col col, int desc)
{
	/* insertion sort: stable, and a few hundred experts at most */
	for (size_t i = 1; i < u->n; i++) {
		struct office_util_row x = u->rows[i];
		size_t j = i;
		while (j > 0) {
			const struct office_util_row *p = &u->rows[j - 1];
			int c;
			if (col == OU_NAME) {
				c = text_compare_fr(p->name, x.name);
			} else {
				int64_t a = util_key(p, col), b = util_key(&x, col);
				c = a < b ? -1 : a > b;
			}
			if (desc ? c >= 0 : c <= 0)
				break;
			u->rows[j] = *p;
			j--;
		}
		u->rows[j] = x;
	}
}

/* ------------------------------------------------------------- budgets */

struct budget_ctx {
	struct office_budget_row *rows;
	size_t n, cap;
	int failed;
};

static int on_budget(void *ctx, const struct mandate_budget *b)
{
	struct budget_ctx *c = ctx;
	if (mem_grow((void **)&c->rows, &c->cap, c->n + 1, sizeof *c->rows)) {
		c->failed = 1;
		return 1;
	}
	struct office_budget_row *r = &c->rows[c->n++];
	memset(r, 0, sizeof *r);
	snprintf(r->code, sizeof r->code, "%s", b->code);
	snprintf(r->title, sizeof r->title, "%s", b->title);
	snprintf(r->client, sizeof r->client, "%s", b->client);
	snprintf(r->closed_on, sizeof r->closed_on, "%s", b->closed_on);
	r->budget_minutes = b->budget_minutes;
	r->budget_cents = b->budget_cents;
	r->used_minutes = b->used_minutes;
	r->used_cents = b->used_cents;
	int64_t ph = 0, pd = 0;
	if (r->budget_minutes > 0)
		report_share(r->used_minutes, r->budget_minutes, &ph);
	if (r->budget_cents > 0)
		report_share(r->used_cents, r->budget_cents, &pd);
	r->pct = ph > pd ? ph : pd;
	r->level = r->pct > 1000 ? 100 : r->pct > 800 ? 80 : 0;
	return 0;
}

static int budget_cmp(const void *pa, const void *pb)
{
	const struct office_budget_row *a = pa, *b = pb;
	if (a->pct != b->pct)
		return a->pct > b->pct ? -1 : 1;
	return strcmp(a->code, b->code);
}

juste_status office_budgets(struct app *a, struct office_budget_row **rows, size_t *n, struct juste_err *e)
{
	*rows = NULL;
	*n = 0;
	juste_status st = app_require(a, ROLES_MANAGE, _("consulter les budgets des mandats"), e);
	if (st)
		return st;
	struct budget_ctx c = { 0 };
	st = store_budget_list(a->store, on_budget, &c, e);
	if (!st && c.failed)
		st = err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	if (st) {
		free(c.rows);
		return st;
	}
	if (c.n)
		qsort(c.rows, c.n, sizeof *c.rows, budget_cmp);
	*rows = c.rows;
	*n = c.n;
	return JUSTE_OK;
}

/* ------------------------------------------------------------- clients */

struct clients_ctx {
	struct office_clients *c;
	size_t cap;
	int year;
	int failed;
};

static struct office_client_row *client_row(struct clients_ctx *k, const char *code, const char *name)
{
	for (size_t i = 0; i < k->c->n; i++)
		if (strcmp(k->c->rows[i].code, code) == 0)
			return &k->c->rows[i];
	if (mem_grow((void **)&k->c->rows, &k->cap, k->c->n + 1, sizeof *k->c->rows)) {
		k->failed = 1;
		return NULL;
	}
	struct office_client_row *r = &k->c->rows[k->c->n++];
	memset(r, 0, sizeof *r);
	snprintf(r->code, sizeof r->code, "%s", code);
	snprintf(r->name, sizeof r->name, "%s", name);
	return r;
}

static int on_client_minutes(void *ctx, const struct report_util_row *u)
{
	struct clients_ctx *k = ctx;
	struct office_client_row *r = client_row(k, u->g.key, u->g.label);
	if (!r)
		return 1;
	r->minutes[k->year] += u->g.billable + u->g.internal;
	return 0;
}

static int on_client_revenue(void *ctx, const struct report_client *rc)
{
	struct clients_ctx *k = ctx;
	struct office_client_row *r = client_row(k, rc->code, rc->name);
	if (!r)
		return 1;
	r->revenue_cents[k->year] += rc->invoiced_cents + rc->credited_cents;
	return 0;
}

static int clients_cmp(const void *pa, const void *pb)
{
	const struct office_client_row *a = pa, *b = pb;
	if (a->minutes[1] != b->minutes[1])
		return a->minutes[1] > b->minutes[1] ? -1 : 1;
	return strcmp(a->code, b->code);
}

/* The same calendar day a year before (Feb 29 -> Feb 28). */
static date_t year_before(date_t d)
{
	int y, m, dd;
	date_to_ymd(d, &y, &m, &dd);
	if (!date_valid_ymd(y - 1, m, dd))
		dd = date_days_in_month(y - 1, m);
	return date_from_ymd(y - 1, m, dd);
}

juste_status office_clients_load(struct app *a, date_t today, struct office_clients *c, struct juste_err *e)
{
	memset(c, 0, sizeof *c);
	juste_status st = app_require(a, ROLES_MANAGE, _("consulter les clients"), e);
	if (st)
		return st;
	struct fy_start fs = a->policy.fy_start;
	int fy = fy_of(today, fs);
	date_format(fy_first(fy - 1, fs), c->from[0]);
	date_format(year_before(today), c->to[0]);
	date_format(fy_first(fy, fs), c->from[1]);
	date_format(today, c->to[1]);
	struct clients_ctx k = { c, 0, 0, 0 };
	struct report_util_row total;
	for (int y = 0; y < 2 && !st; y++) {
		k.year = y;
		st = report_utilisation(a, c->from[y], c->to[y], REPORT_BY_ORG, on_client_minutes, &k, &total, e);
		if (!st)
			st = store_report_revenue_by_client(a->store, c->from[y], c->to[y], on_client_revenue, &k, e);
		if (!st && k.failed)
			st = err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	}
	if (st) {
		office_clients_free(c);
		return st;
	}
	if (c->n)
		qsort(c->rows, c->n, sizeof *c->rows, clients_cmp);
	snprintf(c->total.name, sizeof c->total.name, "%s", _("Total"));
	for (size_t i = 0; i < c->n; i++)
		for (int y = 0; y < 2; y++) {
			c->total.minutes[y] += c->rows[i].minutes[y];
			c->total.revenue_cents[y] += c->rows[i].revenue_cents[y];
		}
	return JUSTE_OK;
}

void office_clients_free(struct office_clients *c)
{
	if (!c)
		return;
	free(c->rows);
	c->rows = NULL;
	c->n = 0;
}

/* --------------------------------------------------------------- lists */

juste_status office_orgs(struct app *a, office_org_cb cb, void *ctx, struct juste_err *e)
{
	juste_status st = app_require(a, ROLES_MANAGE, _("consulter les organisations"), e);
	return st ? st : store_org_list(a->store, cb, ctx, e);
}

juste_status office_experts(struct app *a, office_expert_cb cb, void *ctx, struct juste_err *e)
{
	juste_status st = app_require(a, ROLES_MANAGE, _("consulter les experts"), e);
	return st ? st : store_expert_list(a->store, cb, ctx, e);
}

juste_status office_refs(struct app *a, enum ref_kind k, office_ref_cb cb, void *ctx, struct juste_err *e)
{
	juste_status st = app_require(a, ROLES_MANAGE, _("consulter les services et programmes"), e);
	return st ? st : store_ref_list(a->store, k, cb, ctx, e);
}

juste_status office_mandates(struct app *a, office_mandate_cb cb, void *ctx, struct juste_err *e)
{
	juste_status st = app_require(a, ROLES_MANAGE, _("consulter les mandats"), e);
	return st ? st : store_mandate_list(a->store, cb, ctx, e);
}

/* One organisation or mandate: every office role reads them (the billing
 * desk looks up a client's address and a mandate's rate), an expert none. */
juste_status office_org_get(struct app *a, const char *code, struct org *out, struct juste_err *e)
{
	juste_status st = app_require(a, ROLE_OFFICE, _("consulter les organisations"), e);
	return st ? st : store_org_get(a->store, code, out, e);
}

juste_status office_mandate_get(struct app *a, const char *code, struct mandate *out, struct juste_err *e)
{
	juste_status st = app_require(a, ROLE_OFFICE, _("consulter les mandats"), e);
	return st ? st : store_mandate_get(a->store, code, out, e);
}

/* ------------------------------------------------------------- changes */

/* A lookup expected to find nothing (create) or something (update). */
static juste_status expect(juste_status got, const struct juste_err *scratch, int create, const char *field,
	const char *what, const char *code, struct juste_err *e)
{
	if (create) {
		if (got == JUSTE_ENOTFOUND)
			return JUSTE_OK;
		if (got == JUSTE_OK)
			return err_set_field(e, field, JUSTE_ECONFLICT, N_("%s '%s' existe déjà"), what, code);
	} else {
		if (got == JUSTE_OK)
			return JUSTE_OK;
		if (got == JUSTE_ENOTFOUND)
			return err_set_field(e, field, JUSTE_ENOTFOUND, N_("%s '%s' inconnu(e)"), what, code);
	}
	if (e)
		*e = *scratch;
	return got;
}

juste_status office_org_save(struct app *a, struct org *o, int create, struct juste_err *e)
{
	juste_status st = app_require(a, ROLE_ADMIN, _("modifier les organisations"), e);
	if (st || (st = rules_org_validate(o, e)))
		return st;
	struct org old;
	struct juste_err scratch = { 0 };
	st = store_org_get(a->store, o->code, &old, &scratch);
	if ((st = expect(st, &scratch, create, "code", _("l'organisation"), o->code, e)))
		return st;
	if (o->parent[0]) {
		/* the parent exists, and is neither the organisation nor below it */
		char cur[CODE_LEN];
		snprintf(cur, sizeof cur, "%s", o->parent);
		for (int depth = 0; depth < 1000 && cur[0]; depth++) {
			struct org p;
			if (strcmp(cur, o->code) == 0)
				return err_set_field(e, "parent", JUSTE_EINVAL,
					N_("les parents de '%s' forment une boucle"), o->code);
			st = store_org_get(a->store, cur, &p, &scratch);
			if (st == JUSTE_ENOTFOUND)
				return err_set_field(e, "parent", JUSTE_ENOTFOUND,
					N_("organisation parente inconnue '%s'"), cur);
			if (st) {
				if (e)
					*e = scratch;
				return st;
			}
			snprintf(cur, sizeof cur, "%s", p.parent);
		}
	}
	if (create)
		return store_org_insert(a->store, o, e);
	o->id = old.id;
	snprintf(o->uuid, sizeof o->uuid, "%s", old.uuid);
	return store_org_update(a->store, o, e);
}

juste_status office_expert_save(struct app *a, struct expert *x, int create, struct juste_err *e)
{
	juste_status st = app_require(a, ROLE_ADMIN, _("modifier les experts"), e);
	if (st || (st = rules_expert_validate(x, e)))
		return st;
	struct expert old;
	struct juste_err scratch = { 0 };
	st = store_expert_get(a->store, x->login, &old, &scratch);
	if ((st = expect(st, &scratch, create, "login", _("l'expert"), x->login, e)))
		return st;
	if (create)
		return store_expert_insert(a->store, x, e);
	/* an admin does not take away their own last admin right by mistake */
	if (strcmp(old.login, a->user.login) == 0 && strcmp(x->role, "admin") != 0)
		return err_set_field(e, "role", JUSTE_EINVAL, N_("vous ne pouvez pas retirer votre propre rôle admin"));
	x->id = old.id;
	snprintf(x->uuid, sizeof x->uuid, "%s", old.uuid);
	return store_expert_update(a->store, x, e);
}

juste_status office_ref_save(struct app *a, enum ref_kind k, struct refitem *r, int create, struct juste_err *e)
{
	juste_status st = app_require(a, ROLE_ADMIN, _("modifier les services et programmes"), e);
	if (st || (st = rules_ref_validate(r, e)))
		return st;
	struct refitem old;
	struct juste_err scratch = { 0 };
	st = store_ref_get(a->store, k, r->code, &old, &scratch);
	if ((st = expect(st, &scratch, create, "code", k == REF_SERVICE ? _("le service") : _("le programme"),
		r->code, e)))
		return st;
	if (create)
		return store_ref_insert(a->store, k, r, e);
	r->id = old.id;
	snprintf(r->uuid, sizeof r->uuid, "%s", old.uuid);
	return store_ref_update(a->store, k, r, e);
}

/* JUSTE_ECONFLICT naming the first entry after `date` matching f. */
static int on_any(void *ctx, const struct entry *x)
{
	*(struct entry *)ctx = *x;
	return 1;
}

static juste_status none_after(struct app *a, struct entry_filter *f, const char *date, const char *field,
	struct juste_err *e)
{
	date_t d;
	juste_status st = date_parse(date, &d, e);
	if (st)
		return err_set_field(e, field, st, N_("%s : date invalide '%s'"), field, date);
	char next[ISO_LEN];
	date_format(d + 1, next);
	f->from = next;
	struct entry *x = calloc(1, sizeof *x);
	if (!x)
		return err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	st = store_entry_query(a->store, f, on_any, x, e);
	if (!st && x->id)
		st = err_set_field(e, field, JUSTE_ECONFLICT,
			N_("la saisie #%lld du %s (%s, %s) est postérieure au %s"), (long long)x->id,
			x->work_date, x->expert, x->mandate, date);
	free(x);
	return st;
}

juste_status office_mandate_save(struct app *a, struct mandate *m, int create, struct juste_err *e)
{
	juste_status st = app_require(a, ROLE_ADMIN, _("modifier les mandats"), e);
	if (st)
		return st;
	if (m->beneficiary[0] == '\0')
		memcpy(m->beneficiary, m->client, sizeof m->beneficiary);
	if ((st = rules_mandate_validate(m, e)))
		return st;
	struct mandate *old = malloc(sizeof *old);
	if (!old)
		return err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	struct juste_err scratch = { 0 };
	st = store_mandate_get(a->store, m->code, old, &scratch);
	st = expect(st, &scratch, create, "code", _("le mandat"), m->code, e);
	if (!st && !create && m->closed_on[0]) {
		struct entry_filter f = { .mandate = m->code };
		st = none_after(a, &f, m->closed_on, "closed_on", e);
	}
	if (!st) {
		if (create) {
			st = store_mandate_insert(a->store, m, e);
		} else {
			m->id = old->id;
			snprintf(m->uuid, sizeof m->uuid, "%s", old->uuid);
			st = store_mandate_update(a->store, m, e);
		}
	}
	free(old);
	return st;
}

juste_status office_mandate_close(struct app *a, const char *code, const char *date, struct juste_err *e)
{
	juste_status st = app_require(a, ROLE_ADMIN, _("fermer un mandat"), e);
	if (st)
		return st;
	struct mandate *m = malloc(sizeof *m);
	if (!m)
		return err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	st = store_mandate_get(a->store, code, m, e);
	if (!st) {
		snprintf(m->closed_on, sizeof m->closed_on, "%s", date);
		st = office_mandate_save(a, m, 0, e);
	}
	free(m);
	return st;
}

juste_status office_expert_deactivate(struct app *a, const char *login, const char *date, struct juste_err *e)
{
	juste_status st = app_require(a, ROLE_ADMIN, _("désactiver un expert"), e);
	if (st)
		return st;
	struct expert x;
	if ((st = store_expert_get(a->store, login, &x, e)))
		return st;
	struct entry_filter f = { .expert = login };
	if ((st = none_after(a, &f, date, "left_on", e)))
		return st;
	snprintf(x.left_on, sizeof x.left_on, "%s", date);
	return office_expert_save(a, &x, 0, e);
}
