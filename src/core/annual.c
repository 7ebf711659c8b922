/*
 * annual.c - the annual activity report's model (annual.h): the rows the
 * store counted, placed into the years, and every figure derived from
 * them once, for every output.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juste/annual.h"
#include "juste/text.h"

#ifndef N_
#define N_(s) (s)
#endif

static juste_status nomem(struct juste_err *e)
{
	return err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
}

void annual_year_init(struct annual_year *y, int fy, struct fy_start fs)
{
	memset(y, 0, sizeof *y);
	y->fy = fy;
	fy_name(fy, fs, y->name, sizeof y->name);
	date_t first = fy_first(fy, fs);
	date_format(first, y->first);
	date_format(fy_last(fy, fs), y->last);
	int yy, mm, dd;
	date_to_ymd(first, &yy, &mm, &dd);
	for (int i = 0; i < ANNUAL_MONTHS; i++) {
		snprintf(y->months[i], sizeof y->months[i], "%04d-%02d", yy, mm);
		date_month_add(&yy, &mm, 1);
	}
}

void annual_init(struct annual_report *r, int fy, struct fy_start fs)
{
	memset(r, 0, sizeof *r);
	r->fy = fy;
	r->fs = fs;
	for (int k = 0; k < 3; k++)
		annual_year_init(&r->y[k], fy - 2 + k, fs);
	fy_name(fy + 1, fs, r->next_name, sizeof r->next_name);
	r->next.fy = fy + 1;
	int yy, mm, dd;
	date_to_ymd(fy_last(fy, fs), &yy, &mm, &dd);
	r->age_year = yy;
}

int annual_months_make_years(const struct annual_report *r)
{
	return r->fs.day == 1;
}

void annual_add_month(struct annual_report *r, const char *month, int64_t billable, int64_t internal)
{
	int aligned = annual_months_make_years(r);
	for (int k = 0; k < 3; k++) {
		struct annual_year *y = &r->y[k];
		for (int i = 0; i < ANNUAL_MONTHS; i++) {
			if (strcmp(y->months[i], month) != 0)
				continue;
			/* a year starting mid-month shares its first month with
			 * the year before: the chart shows the calendar month */
			y->month_billable[i] += billable;
			if (aligned)
				annual_add_year_minutes(y, billable, internal);
		}
	}
}

void annual_add_year_minutes(struct annual_year *y, int64_t billable, int64_t internal)
{
	y->billable_minutes += billable;
	y->internal_minutes += internal;
}

void annual_add_client(struct annual_year *y, const struct report_client *c)
{
	int64_t net = c->invoiced_cents + c->credited_cents;
	y->invoiced_cents += c->invoiced_cents;
	y->credited_cents += c->credited_cents;
	y->net_cents += net;
	y->invoices += c->invoices;
	y->credits += c->credits;
	if (vocab_check(VOCAB_CATEGORY, (int)c->category, NULL) == JUSTE_OK)
		y->revenue_by_category[c->category] += net;
	if (vocab_category_with_members(c->category)) {
		y->revenue_with_members += net;
		if (c->full_management)
			y->revenue_full_management += net;
		else
			y->revenue_other_members += net;
	}
}

void annual_add_hist(struct annual_report *r, const struct annual_year *h)
{
	if (r->nhist >= ANNUAL_HIST || h->invoices + h->credits <= 0)
		return;
	struct annual_hist *x = &r->hist[r->nhist++];
	memset(x, 0, sizeof *x);
	x->fy = h->fy;
	snprintf(x->name, sizeof x->name, "%s", h->name);
	x->full_management = h->revenue_full_management;
	x->other_members = h->revenue_other_members;
}

static struct annual_program *program_slot(struct annual_report *r, const char *code, const char *name)
{
	for (size_t i = 0; i < r->nprograms; i++)
		if (strcmp(r->programs[i].code, code) == 0)
			return &r->programs[i];
	struct annual_program *p = realloc(r->programs, (r->nprograms + 1) * sizeof *p);
	if (!p)
		return NULL;
	r->programs = p;
	p = &r->programs[r->nprograms++];
	memset(p, 0, sizeof *p);
	snprintf(p->code, sizeof p->code, "%s", code);
	snprintf(p->name, sizeof p->name, "%s", name);
	return p;
}

juste_status annual_add_program_minutes(struct annual_report *r, int slot, const char *code, const char *name,
	int64_t minutes, struct juste_err *e)
{
	if (minutes == 0 || slot < 0 || slot > 1)
		return JUSTE_OK;   /* a program is listed for its billable hours */
	struct annual_program *p = program_slot(r, code, name);
	if (!p)
		return nomem(e);
	p->minutes[slot] += minutes;
	return JUSTE_OK;
}

juste_status annual_add_program_revenue(struct annual_report *r, int slot, const char *code, const char *name,
	int64_t cents, struct juste_err *e)
{
	if (slot < 0 || slot > 1)
		return JUSTE_OK;
	struct annual_program *p = program_slot(r, code, name);
	if (!p)
		return nomem(e);
	p->revenue_cents[slot] += cents;
	return JUSTE_OK;
}

void annual_add_person(struct annual_report *r, const struct report_person *p)
{
	if (vocab_check(VOCAB_FUNCTION, (int)p->function, NULL) == JUSTE_OK)
		r->people_by_function[p->function]++;
	r->people++;
	switch (p->gender) {
	case GENDER_F: r->women++; break;
	case GENDER_M: r->men++; break;
	case GENDER_X: r->other_gender++; break;
	default: r->unknown_gender++; break;
	}
	if (p->birth_year > 0 && p->birth_year <= r->age_year) {
		r->age_sum += r->age_year - p->birth_year;
		r->age_n++;
	}
}

juste_status annual_add_expert(struct annual_report *r, const struct report_group *g, const struct capacity *k,
	struct juste_err *e)
{
	struct annual_expert *x = realloc(r->experts, (r->nexperts + 1) * sizeof *x);
	if (!x)
		return nomem(e);
	r->experts = x;
	x = &r->experts[r->nexperts++];
	memset(x, 0, sizeof *x);
	snprintf(x->login, sizeof x->login, "%s", g->key);
	snprintf(x->name, sizeof x->name, "%s", g->label);
	x->function = g->function;
	x->billable = g->billable;
	x->internal = g->internal;
	x->capacity = k->minutes;
	x->gross = k->gross;
	x->holidays = k->holidays;
	x->absences = k->absences;
	if (x->capacity > 0) {
		r->capacity_total += x->capacity;
		r->billable_total += x->billable;
		r->gross_total += x->gross;
		r->holidays_total += x->holidays;
		r->absences_total += x->absences;
	}
	return JUSTE_OK;
}

/* The day the payment that closed invoice i was applied: the last
 * application to it (once paid in full nothing more is applied, and a
 * payment voided then replaced closes it again on the later day). */
static date_t closed_on(const struct payments_doc *d, const struct payments_result *res)
{
	date_t on = DATE_NONE;
	for (size_t k = 0; k < res->nmoves; k++) {
		const struct payments_move *m = &res->moves[k];
		if (m->kind == PAYMENTS_MOVE_APPLIED && m->invoice_id == d->id && m->amount_cents > 0)
			on = m->on;
	}
	return on;
}

void annual_add_receivables(struct annual_report *r, const struct payments_doc *docs, size_t ndocs,
	const struct payments_result *res)
{
	struct annual_receivables *ar = &r->ar;
	date_t first, last;
	if (date_parse(r->y[2].first, &first, NULL) || date_parse(r->y[2].last, &last, NULL))
		return;
	struct payments_ageing g = { 0 };
	payments_ageing_add(&g, docs, ndocs, res, last);
	for (int k = 0; k < PAYMENTS_AGE_COUNT; k++)
		ar->by_age[k] += g.by_age[k];
	ar->open_cents += g.open_cents;
	ar->credit_cents += g.credit_cents;
	ar->balance_cents = ar->open_cents - ar->credit_cents;
	for (size_t i = 0; i < ndocs; i++) {
		const struct payments_open *o = &res->docs[i];
		if (docs[i].credited_id || !o->issued)
			continue;
		if (payments_open_cents(res, i) > 0)
			ar->open_invoices++;
		if (docs[i].issued < first || docs[i].issued > last || o->net_cents <= 0 ||
		    payments_state_of(o) != PAYMENTS_PAID)
			continue;
		date_t on = closed_on(&docs[i], res);
		if (on == DATE_NONE)
			continue;
		ar->paid_invoices++;
		ar->paid_days += on > docs[i].issued ? on - docs[i].issued : 0;
	}
}

juste_status annual_add_dev(struct annual_report *r, enum dev_partner partner, enum dev_kind kind, const char *name,
	int64_t count, struct juste_err *e)
{
	if (vocab_check(VOCAB_PARTNER, (int)partner, e) || vocab_check(VOCAB_DEV_KIND, (int)kind, e))
		return JUSTE_EINVAL;
	r->dev_counts[partner][kind] += count;
	struct annual_dev_name *d = realloc(r->dev_names, (r->ndev_names + 1) * sizeof *d);
	if (!d)
		return nomem(e);
	r->dev_names = d;
	d = &r->dev_names[r->ndev_names++];
	memset(d, 0, sizeof *d);
	d->partner = partner;
	d->kind = kind;
	d->count = count;
	snprintf(d->name, sizeof d->name, "%s", name);
	return JUSTE_OK;
}

static int program_cmp(const void *pa, const void *pb)
{
	const struct annual_program *a = pa, *b = pb;
	/* the programs first by code, no program last */
	if (!a->code[0] != !b->code[0])
		return !a->code[0] ? 1 : -1;
	return strcmp(a->code, b->code);
}

/* The report lists people by name only: French order, the login breaking
 * ties between namesakes. */
static int expert_cmp(const void *pa, const void *pb)
{
	const struct annual_expert *a = pa, *b = pb;
	int c = text_compare_fr(a->name, b->name);
	return c ? c : strcmp(a->login, b->login);
}

static struct figures_amount entered(const struct finance_year *f, unsigned bit, int64_t cents)
{
	return (f->has & bit) ? figures_amount_of(cents) : FIGURES_AMOUNT_NONE;
}

/* A year's actual products and what stands beside them. */
static void year_finish(struct annual_year *y)
{
	const struct finance_year *f = &y->fin;
	int has_invoices = y->invoices + y->credits > 0;
	y->products_invoiced = has_invoices ? figures_amount_of(y->net_cents) : FIGURES_AMOUNT_NONE;
	struct figures_amount audited = entered(f, FIN_ACTUAL_PRODUCTS, f->actual_products_cents);
	if (audited.ok) {
		y->products_source = ANNUAL_PRODUCTS_ENTERED;
		y->products = audited;
		y->reconciliation = figures_amount_diff(audited, y->products_invoiced);
		if (y->reconciliation.cents == 0)
			y->reconciliation = FIGURES_AMOUNT_NONE;
	} else if (has_invoices) {
		y->products_source = ANNUAL_PRODUCTS_INVOICES;
		y->products = y->products_invoiced;
	} else {
		y->products_source = ANNUAL_PRODUCTS_NONE;
		y->products = FIGURES_AMOUNT_NONE;
	}
	y->expenses = entered(f, FIN_ACTUAL_EXPENSES, f->actual_expenses_cents);
	y->budget_products = entered(f, FIN_BUDGET_PRODUCTS, f->budget_products_cents);
	y->budget_expenses = entered(f, FIN_BUDGET_EXPENSES, f->budget_expenses_cents);
	y->surplus = figures_amount_diff(y->products, y->expenses);
	y->budget_surplus = figures_amount_diff(y->budget_products, y->budget_expenses);
}

void annual_finish(struct annual_report *r)
{
	if (r->nprograms > 1)
		qsort(r->programs, r->nprograms, sizeof *r->programs, program_cmp);
	if (r->nexperts > 1)
		qsort(r->experts, r->nexperts, sizeof *r->experts, expert_cmp);
	for (int k = 0; k < 3; k++)
		year_finish(&r->y[k]);
	const struct annual_year *y0 = &r->y[0], *y1 = &r->y[1], *y2 = &r->y[2];

	r->next_budget_products = entered(&r->next, FIN_BUDGET_PRODUCTS, r->next.budget_products_cents);
	r->next_budget_expenses = entered(&r->next, FIN_BUDGET_EXPENSES, r->next.budget_expenses_cents);
	r->next_budget_surplus = figures_amount_diff(r->next_budget_products, r->next_budget_expenses);

	r->hours_growth = figures_ratio_growth(y1->billable_minutes, y2->billable_minutes);
	r->prev_hours_growth = figures_ratio_growth(y0->billable_minutes, y1->billable_minutes);
	r->members_growth = figures_ratio_growth(y1->members_at_end, y2->members_at_end);
	r->products_growth = y1->products.ok && y2->products.ok
		? figures_ratio_growth(y1->products.cents, y2->products.cents) : (struct figures_ratio){ 0, 0 };
	r->products_variance = y2->products.ok && y2->budget_products.ok
		? figures_ratio_variance(y2->products.cents, y2->budget_products.cents) : (struct figures_ratio){ 0, 0 };
	r->expenses_variance = y2->expenses.ok && y2->budget_expenses.ok
		? figures_ratio_variance(y2->expenses.cents, y2->budget_expenses.cents) : (struct figures_ratio){ 0, 0 };
	r->members_share = figures_ratio_share(y2->revenue_with_members, y2->net_cents);
	for (int c = 0; c < CATEGORY_COUNT; c++)
		r->category_growth[c] = figures_ratio_growth(y1->revenue_by_category[c], y2->revenue_by_category[c]);

	for (int i = 0; i < r->nhist; i++) {
		struct annual_hist *h = &r->hist[i];
		int64_t whole = h->full_management + h->other_members;
		h->full_management_share = figures_ratio_share(h->full_management, whole);
		h->other_members_share = figures_ratio_share(h->other_members, whole);
	}

	r->known_gender = r->women + r->men + r->other_gender;
	r->women_share = figures_ratio_share(r->women, r->known_gender);
	r->men_share = figures_ratio_share(r->men, r->known_gender);
	r->average_age = figures_ratio_average(r->age_sum, r->age_n);
	r->average_age_years = r->average_age.ok ? figures_tenths_whole(r->average_age.tenths) : 0;

	for (size_t i = 0; i < r->nexperts; i++)
		r->experts[i].utilisation = figures_ratio_share(r->experts[i].billable, r->experts[i].capacity);
	r->utilisation = figures_ratio_share(r->billable_total, r->capacity_total);
	r->ar.days_to_payment = figures_ratio_average(r->ar.paid_days, r->ar.paid_invoices);
}

void annual_free(struct annual_report *r)
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

const char *annual_products_source_word(enum annual_products_source s)
{
	switch (s) {
	case ANNUAL_PRODUCTS_INVOICES: return "invoices";
	case ANNUAL_PRODUCTS_ENTERED: return "entered";
	default: return "";
	}
}
