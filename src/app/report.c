/*
 * report.c - the annual activity report: gathering the figures of a fiscal
 * year and the one before from the store, the utilisation and members
 * reports, the ristourne, and the data the manager enters for the report
 * (finance figures, business-development log, experts' profiles).
 *
 * Everything heavy is an aggregate in SQL (store_report.c); this file only
 * places the rows it gets into struct report_annual.  The arithmetic of
 * percentages and the ristourne split are in the core (report.c).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_internal.h"
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

static juste_status nomem(struct juste_err *e)
{
	return err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
}

/* ------------------------------------------------------------------------
 * The annual report
 * ------------------------------------------------------------------------ */

static void year_init(struct report_year *y, int fy, struct fy_start fs)
{
	memset(y, 0, sizeof *y);
	y->fy = fy;
	fy_name(fy, fs, y->name, sizeof y->name);
	date_t first = fy_first(fy, fs);
	date_format(first, y->first);
	date_format(fy_last(fy, fs), y->last);
	int yy, mm, dd;
	date_to_ymd(first, &yy, &mm, &dd);
	for (int i = 0; i < 12; i++) {
		snprintf(y->months[i], sizeof y->months[i], "%04d-%02d", yy, mm);
		date_month_add(&yy, &mm, 1);
	}
}

struct month_ctx {
	struct report_annual *r;
	int month_aligned;   /* the fiscal year starts on a 1st: months add up to years */
};

static int on_month(void *ctx, const char *month, int64_t billable, int64_t internal)
{
	struct month_ctx *m = ctx;
	for (int k = 0; k < 3; k++) {
		struct report_year *y = &m->r->y[k];
		for (int i = 0; i < 12; i++) {
			if (strcmp(y->months[i], month) != 0)
				continue;
			/* a year starting mid-month shares its first month with
			 * the year before: the chart shows the calendar month */
			y->month_billable[i] += billable;
			if (m->month_aligned) {
				y->billable_minutes += billable;
				y->internal_minutes += internal;
			}
		}
	}
	return 0;
}

struct sum_ctx { int64_t billable, internal; };

static int on_sum(void *ctx, const struct report_group *g)
{
	struct sum_ctx *s = ctx;
	s->billable += g->billable;
	s->internal += g->internal;
	return 0;
}

static int on_client(void *ctx, const struct report_client *c)
{
	struct report_year *y = ctx;
	int64_t net = c->invoiced_cents + c->credited_cents;
	y->invoiced_cents += c->invoiced_cents;
	y->credited_cents += c->credited_cents;
	y->net_cents += net;
	y->invoices += c->invoices;
	y->credits += c->credits;
	y->revenue_by_category[c->category] += net;
	if (vocab_category_with_members(c->category)) {
		y->revenue_with_members += net;
		if (c->full_management)
			y->revenue_full_management += net;
		else
			y->revenue_other_members += net;
	}
	return 0;
}

static juste_status year_revenue(struct app *a, struct report_year *y, struct juste_err *e)
{
	juste_status st = store_report_revenue_by_client(a->store, y->first, y->last, on_client, y, e);
	if (st)
		return st;
	st = store_report_finance_get(a->store, y->fy, &y->fin, e);
	if (st)
		return st;
	if (y->invoices + y->credits > 0) {
		y->has_products = 1;
		y->products_from_invoices = 1;
		y->products_cents = y->net_cents;
	} else if (y->fin.has & FIN_ACTUAL_PRODUCTS) {
		y->has_products = 1;
		y->products_cents = y->fin.actual_products_cents;
	}
	return JUSTE_OK;
}

struct program_ctx {
	struct report_annual *r;
	int slot;            /* 0 previous year, 1 the year */
	int revenue;
	int nomem;
};

static struct report_program *program_slot(struct report_annual *r, const char *code, const char *name)
{
	for (size_t i = 0; i < r->nprograms; i++)
		if (strcmp(r->programs[i].code, code) == 0)
			return &r->programs[i];
	struct report_program *p = realloc(r->programs, (r->nprograms + 1) * sizeof *p);
	if (!p)
		return NULL;
	r->programs = p;
	p = &r->programs[r->nprograms++];
	memset(p, 0, sizeof *p);
	snprintf(p->code, sizeof p->code, "%s", code);
	snprintf(p->name, sizeof p->name, "%s", name);
	return p;
}

static int on_program_minutes(void *ctx, const struct report_group *g)
{
	struct program_ctx *c = ctx;
	if (g->billable == 0)
		return 0;
	struct report_program *p = program_slot(c->r, g->key, g->label);
	if (!p)
		return c->nomem = 1;
	p->minutes[c->slot] += g->billable;
	return 0;
}

static int on_program_revenue(void *ctx, const char *code, const char *name, int64_t net)
{
	struct program_ctx *c = ctx;
	struct report_program *p = program_slot(c->r, code, name);
	if (!p)
		return c->nomem = 1;
	p->revenue_cents[c->slot] += net;
	return 0;
}

static int program_cmp(const void *pa, const void *pb)
{
	const struct report_program *a = pa, *b = pb;
	/* the programs first by code, no program last */
	if (!a->code[0] != !b->code[0])
		return !a->code[0] ? 1 : -1;
	return strcmp(a->code, b->code);
}

/* The report lists people by name only: French order, the login breaking
 * ties between namesakes. */
static int expert_cmp(const void *pa, const void *pb)
{
	const struct report_expert *a = pa, *b = pb;
	int c = text_compare_fr(a->name, b->name);
	return c ? c : strcmp(a->login, b->login);
}

struct expert_ctx {
	struct report_annual *r;
	date_t first, last;
	int nomem;
};

static int on_expert(void *ctx, const struct report_group *g)
{
	struct expert_ctx *c = ctx;
	struct report_annual *r = c->r;
	struct report_expert *x = realloc(r->experts, (r->nexperts + 1) * sizeof *x);
	if (!x)
		return c->nomem = 1;
	r->experts = x;
	x = &r->experts[r->nexperts++];
	memset(x, 0, sizeof *x);
	snprintf(x->login, sizeof x->login, "%s", g->key);
	snprintf(x->name, sizeof x->name, "%s", g->label);
	x->function = g->function;
	x->billable = g->billable;
	x->internal = g->internal;
	date_t from = c->first, to = c->last, t;
	if (g->started_on[0] && date_parse(g->started_on, &t, NULL) == JUSTE_OK && t > from)
		from = t;
	if (g->left_on[0] && date_parse(g->left_on, &t, NULL) == JUSTE_OK && t < to)
		to = t;
	x->capacity = figures_capacity(g->weekly_minutes, figures_weekdays(from, to));
	if (x->capacity > 0) {
		r->capacity_total += x->capacity;
		r->billable_total += x->billable;
	}
	return 0;
}

struct people_ctx {
	struct report_annual *r;
	int year;
};

static int on_person(void *ctx, const struct report_person *p)
{
	struct people_ctx *c = ctx;
	struct report_annual *r = c->r;
	r->people_by_function[p->function]++;
	r->people++;
	switch (p->gender) {
	case GENDER_F: r->women++; break;
	case GENDER_M: r->men++; break;
	case GENDER_X: r->other_gender++; break;
	default: r->unknown_gender++; break;
	}
	if (p->birth_year > 0 && p->birth_year <= c->year) {
		r->age_sum += c->year - p->birth_year;
		r->age_n++;
	}
	return 0;
}

struct dev_ctx {
	struct report_annual *r;
	int nomem;
};

static int on_dev(void *ctx, enum dev_partner p, enum dev_kind k, const char *name, int64_t n)
{
	struct dev_ctx *c = ctx;
	struct report_annual *r = c->r;
	r->dev_counts[p][k] += n;
	struct report_dev_name *d = realloc(r->dev_names, (r->ndev_names + 1) * sizeof *d);
	if (!d)
		return c->nomem = 1;
	r->dev_names = d;
	d = &r->dev_names[r->ndev_names++];
	memset(d, 0, sizeof *d);
	d->partner = p;
	d->kind = k;
	d->n = n;
	snprintf(d->name, sizeof d->name, "%s", name);
	return 0;
}

void report_annual_free(struct report_annual *r)
{
	if (!r)
		return;
	free(r->programs);
	free(r->experts);
	free(r->dev_names);
	r->programs = NULL;
	r->experts = NULL;
	r->dev_names = NULL;
	r->nprograms = r->nexperts = r->ndev_names = 0;
}

juste_status report_annual_build(struct app *a, int fy, struct report_annual *r, struct juste_err *e)
{
	memset(r, 0, sizeof *r);
	juste_status st = app_require(a, ROLES_REPORT, _("produire le rapport annuel"), e);
	if (st)
		return st;
	struct fy_start fs = fs_of(a);
	r->fy = fy;
	r->fs = fs;
	for (int k = 0; k < 3; k++)
		year_init(&r->y[k], fy - 2 + k, fs);
	struct report_year *y0 = &r->y[0], *y2 = &r->y[2];

	/* hours: one pass over the three years, by month */
	struct month_ctx mc = { r, fs.day == 1 };
	st = store_report_minutes_by_month(a->store, y0->first, y2->last, on_month, &mc, e);
	for (int k = 0; !st && !mc.month_aligned && k < 3; k++) {
		struct sum_ctx s = { 0, 0 };
		st = store_report_minutes_by(a->store, REPORT_BY_SERVICE, r->y[k].first, r->y[k].last, on_sum, &s, e);
		r->y[k].billable_minutes = s.billable;
		r->y[k].internal_minutes = s.internal;
	}
	for (int k = 0; !st && k < 3; k++)
		st = store_report_members(a->store, r->y[k].first, r->y[k].last, &r->y[k].members_at_end,
			&r->y[k].new_members, e);
	for (int k = 1; !st && k < 3; k++) {
		struct report_year *y = &r->y[k];
		st = store_report_beneficiaries(a->store, y->first, y->last, &y->beneficiaries, e);
		if (!st)
			st = year_revenue(a, y, e);
		struct program_ctx pc = { r, k - 1, 0, 0 };
		if (!st)
			st = store_report_minutes_by(a->store, REPORT_BY_PROGRAM, y->first, y->last, on_program_minutes,
				&pc, e);
		if (!st)
			st = store_report_revenue_by_program(a->store, y->first, y->last, on_program_revenue, &pc, e);
		if (!st && pc.nomem)
			st = nomem(e);
	}
	if (!st)
		st = store_report_finance_get(a->store, fy + 1, &r->next, e);
	/* members sous entière gestion against the others, over the years */
	for (int k = REPORT_HIST - 1; !st && k >= 0; k--) {
		struct report_year h;
		year_init(&h, fy - k, fs);
		st = store_report_revenue_by_client(a->store, h.first, h.last, on_client, &h, e);
		if (!st && h.invoices + h.credits > 0) {
			int i = r->nhist++;
			r->hist[i].fy = h.fy;
			snprintf(r->hist[i].name, sizeof r->hist[i].name, "%s", h.name);
			r->hist[i].full_management = h.revenue_full_management;
			r->hist[i].other_members = h.revenue_other_members;
		}
	}
	if (!st) {
		int yy, mm, dd;
		date_t last = fy_last(fy, fs);
		date_to_ymd(last, &yy, &mm, &dd);
		struct people_ctx pc = { r, yy };
		st = store_report_people(a->store, y2->last, on_person, &pc, e);
	}
	if (!st) {
		struct expert_ctx xc = { r, fy_first(fy, fs), fy_last(fy, fs), 0 };
		st = store_report_minutes_by(a->store, REPORT_BY_EXPERT, y2->first, y2->last, on_expert, &xc, e);
		if (!st && xc.nomem)
			st = nomem(e);
	}
	if (!st) {
		struct dev_ctx dc = { r, 0 };
		st = store_report_devaffaire_count(a->store, y2->first, y2->last, on_dev, &dc, e);
		if (!st && dc.nomem)
			st = nomem(e);
	}
	if (st) {
		report_annual_free(r);
		return st;
	}
	if (r->nprograms > 1)
		qsort(r->programs, r->nprograms, sizeof *r->programs, program_cmp);
	if (r->nexperts > 1)
		qsort(r->experts, r->nexperts, sizeof *r->experts, expert_cmp);
	return JUSTE_OK;
}

void report_derive(const struct report_annual *r, struct report_derived *d)
{
	const struct report_year *y0 = &r->y[0], *y1 = &r->y[1], *y2 = &r->y[2];
	memset(d, 0, sizeof *d);
	d->hours_growth_ok = figures_growth(y1->billable_minutes, y2->billable_minutes, &d->hours_growth);
	d->prev_hours_growth_ok = figures_growth(y0->billable_minutes, y1->billable_minutes, &d->prev_hours_growth);
	d->members_growth_ok = figures_growth(y1->members_at_end, y2->members_at_end, &d->members_growth);
	d->members_prev_ok = y1->members_at_end > 0;
	if (y2->has_products && (y2->fin.has & FIN_BUDGET_PRODUCTS))
		d->variance_products_ok = figures_variance(y2->products_cents, y2->fin.budget_products_cents,
			&d->variance_products);
	if ((y2->fin.has & FIN_ACTUAL_EXPENSES) && (y2->fin.has & FIN_BUDGET_EXPENSES))
		d->variance_expenses_ok = figures_variance(y2->fin.actual_expenses_cents, y2->fin.budget_expenses_cents,
			&d->variance_expenses);
	if (y1->has_products && (y1->fin.has & FIN_ACTUAL_EXPENSES)) {
		d->surplus_ok[0] = 1;
		d->surplus[0] = y1->products_cents - y1->fin.actual_expenses_cents;
	}
	if (y2->has_products && (y2->fin.has & FIN_ACTUAL_EXPENSES)) {
		d->surplus_ok[1] = 1;
		d->surplus[1] = y2->products_cents - y2->fin.actual_expenses_cents;
	}
	if ((y2->fin.has & FIN_BUDGET_PRODUCTS) && (y2->fin.has & FIN_BUDGET_EXPENSES)) {
		d->surplus_ok[2] = 1;
		d->surplus[2] = y2->fin.budget_products_cents - y2->fin.budget_expenses_cents;
	}
	if ((r->next.has & FIN_BUDGET_PRODUCTS) && (r->next.has & FIN_BUDGET_EXPENSES)) {
		d->surplus_ok[3] = 1;
		d->surplus[3] = r->next.budget_products_cents - r->next.budget_expenses_cents;
	}
	d->members_share_ok = figures_share(y2->revenue_with_members, y2->net_cents, &d->members_share);
	for (int c = 0; c < CATEGORY_COUNT; c++)
		d->cat_growth_ok[c] = figures_growth(y1->revenue_by_category[c], y2->revenue_by_category[c],
			&d->cat_growth[c]);
	int64_t known = r->women + r->men + r->other_gender;
	d->women_ok = figures_share(r->women, known, &d->women);
	d->men_ok = figures_share(r->men, known, &d->men);
	d->age_ok = figures_average_tenths(r->age_sum, r->age_n, &d->age);
	d->utilisation_ok = figures_share(r->billable_total, r->capacity_total, &d->utilisation);
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
	}
	c->total->g.billable += g->billable;
	c->total->g.internal += g->internal;
	c->total->capacity += row.capacity;
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
	juste_status st2 = store_report_minutes_by(a->store, by, from, to, on_util, &c, e);
	return st2 ? st2 : c.st;
}

struct members_ctx {
	report_member_cb cb;
	void *ctx;
	int64_t with, total;
	int stop;
};

static int on_member_client(void *ctx, const struct report_client *c)
{
	struct members_ctx *m = ctx;
	struct report_member_row row;
	row.c = *c;
	row.net_cents = c->invoiced_cents + c->credited_cents;
	row.with_members = vocab_category_with_members(c->category);
	m->total += row.net_cents;
	if (row.with_members)
		m->with += row.net_cents;
	if (!m->stop && m->cb && m->cb(m->ctx, &row))
		m->stop = 1;
	return 0;
}

juste_status report_members(struct app *a, int fy, report_member_cb cb, void *ctx, int64_t *with_members_cents,
	int64_t *total_cents, struct juste_err *e)
{
	juste_status st = app_require(a, ROLES_REPORT, _("consulter les opérations avec les membres"), e);
	if (st)
		return st;
	struct report_year y;
	year_init(&y, fy, fs_of(a));
	struct members_ctx m = { cb, ctx, 0, 0, 0 };
	st = store_report_revenue_by_client(a->store, y.first, y.last, on_member_client, &m, e);
	*with_members_cents = m.with;
	*total_cents = m.total;
	return st;
}

struct rist_ctx {
	struct report_ristourne_row *rows;
	size_t n;
	int nomem;
};

static int on_rist_client(void *ctx, const struct report_client *c)
{
	struct rist_ctx *r = ctx;
	int64_t net = c->invoiced_cents + c->credited_cents;
	if (!vocab_category_with_members(c->category) || net <= 0)
		return 0;
	struct report_ristourne_row *p = realloc(r->rows, (r->n + 1) * sizeof *p);
	if (!p)
		return r->nomem = 1;
	r->rows = p;
	p = &r->rows[r->n++];
	memset(p, 0, sizeof *p);
	snprintf(p->code, sizeof p->code, "%s", c->code);
	snprintf(p->name, sizeof p->name, "%s", c->name);
	p->category = c->category;
	p->business_cents = net;
	return 0;
}

juste_status report_ristourne_compute(struct app *a, int fy, int64_t amount_cents,
	struct report_ristourne_row **rows, size_t *n, struct juste_err *e)
{
	*rows = NULL;
	*n = 0;
	juste_status st = app_require(a, ROLES_REPORT, _("calculer la ristourne"), e);
	if (st)
		return st;
	if (amount_cents <= 0)
		return err_set(e, JUSTE_EINVAL, N_("--amount : le montant à répartir doit être positif"));
	struct report_year y;
	year_init(&y, fy, fs_of(a));
	struct rist_ctx c = { NULL, 0, 0 };
	st = store_report_revenue_by_client(a->store, y.first, y.last, on_rist_client, &c, e);
	if (!st && c.nomem)
		st = nomem(e);
	int64_t *w = NULL, *s = NULL;
	if (!st && c.n == 0)
		st = err_set(e, JUSTE_EINVAL, N_("aucun membre admissible en %s : aucune affaire nette avec un membre"),
			y.name);
	if (!st) {
		w = malloc(c.n * sizeof *w);
		s = malloc(c.n * sizeof *s);
		if (!w || !s)
			st = nomem(e);
	}
	for (size_t i = 0; !st && i < c.n; i++)
		w[i] = c.rows[i].business_cents;
	if (!st)
		st = figures_ristourne(w, c.n, amount_cents, s, e);
	for (size_t i = 0; !st && i < c.n; i++)
		c.rows[i].share_cents = s[i];
	free(w);
	free(s);
	if (st) {
		free(c.rows);
		return st;
	}
	*rows = c.rows;
	*n = c.n;
	return JUSTE_OK;
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
