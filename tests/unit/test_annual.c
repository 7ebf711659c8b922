/* Unit tests for annual.c: the annual report's model, its years and months,
 * revenue by client and category, the actual products (entered or invoiced)
 * and their reconciliation, people, experts, programs, business development
 * and every figure derived once by annual_finish(). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "juste/annual.h"

static struct report_client client(const char *code, enum org_category cat, int full, int64_t invoiced,
	int64_t credited)
{
	struct report_client c;
	memset(&c, 0, sizeof c);
	snprintf(c.code, sizeof c.code, "%s", code);
	snprintf(c.name, sizeof c.name, "%s", code);
	c.category = cat;
	c.full_management = full;
	c.invoiced_cents = invoiced;
	c.credited_cents = credited;
	c.invoices = invoiced ? 1 : 0;
	c.credits = credited ? 1 : 0;
	return c;
}

static void test_years_and_months(void **state)
{
	(void)state;
	struct annual_report r;
	annual_init(&r, 2019, FY_START_DEFAULT);
	assert_string_equal(r.y[0].name, "2017-2018");
	assert_string_equal(r.y[1].name, "2018-2019");
	assert_string_equal(r.y[2].name, "2019-2020");
	assert_string_equal(r.y[2].first, "2019-04-01");
	assert_string_equal(r.y[2].last, "2020-03-31");
	assert_string_equal(r.y[2].months[0], "2019-04");
	assert_string_equal(r.y[2].months[11], "2020-03");
	assert_string_equal(r.next_name, "2020-2021");
	assert_int_equal(r.next.fy, 2020);
	assert_int_equal(r.age_year, 2020);
	assert_true(annual_months_make_years(&r));

	/* a month counts in the year whose period it is, bar and total */
	annual_add_month(&r, "2020-03", 120, 30);
	annual_add_month(&r, "2019-04", 60, 0);
	annual_add_month(&r, "2019-03", 45, 15);
	annual_add_month(&r, "2021-01", 999, 999);   /* outside the three years */
	assert_int_equal(r.y[2].month_billable[11], 120);
	assert_int_equal(r.y[2].month_billable[0], 60);
	assert_int_equal(r.y[2].billable_minutes, 180);
	assert_int_equal(r.y[2].internal_minutes, 30);
	assert_int_equal(r.y[1].month_billable[11], 45);
	assert_int_equal(r.y[1].billable_minutes, 45);
	annual_finish(&r);
	assert_true(r.hours_growth.ok);
	assert_int_equal(r.hours_growth.tenths, 3000);   /* 45 -> 180: +300 % */
	assert_false(r.prev_hours_growth.ok);           /* fy-2 has none */
	annual_free(&r);

	/* a year starting mid-month: months do not add up to years */
	struct annual_report m;
	annual_init(&m, 2019, (struct fy_start){ 4, 15 });
	assert_false(annual_months_make_years(&m));
	assert_string_equal(m.y[2].first, "2019-04-15");
	assert_string_equal(m.y[2].months[0], "2019-04");
	annual_add_month(&m, "2019-04", 60, 0);
	assert_int_equal(m.y[2].month_billable[0], 60);
	assert_int_equal(m.y[2].billable_minutes, 0);
	annual_add_year_minutes(&m.y[2], 50, 10);
	assert_int_equal(m.y[2].billable_minutes, 50);
	annual_free(&m);
}

/* The figures of the CLI test's fixture (test_report.sh), by hand:
 * 2018-2019: FED 100 + 200 - 50 = 250; 2019-2020: FED 300 + 150, AUX1
 * 120 - 20, NM 300 = 850. */
static void fixture_revenue(struct annual_report *r)
{
	annual_init(r, 2019, FY_START_DEFAULT);
	struct report_client c = client("FED", CATEGORY_MEMBRE, 1, 30000, -5000);
	c.invoices = 2;
	annual_add_client(&r->y[1], &c);
	c = client("AUX1", CATEGORY_AUXILIAIRE, 0, 12000, -2000);
	annual_add_client(&r->y[2], &c);
	c = client("FED", CATEGORY_MEMBRE, 1, 45000, 0);
	c.invoices = 2;
	annual_add_client(&r->y[2], &c);
	c = client("NM", CATEGORY_NON_MEMBRE, 0, 30000, 0);
	annual_add_client(&r->y[2], &c);
}

static void test_revenue_by_category(void **state)
{
	(void)state;
	struct annual_report r;
	fixture_revenue(&r);
	annual_finish(&r);
	const struct annual_year *y = &r.y[2];
	assert_int_equal(y->invoiced_cents, 87000);
	assert_int_equal(y->credited_cents, -2000);
	assert_int_equal(y->net_cents, 85000);
	assert_int_equal(y->invoices, 4);
	assert_int_equal(y->credits, 1);
	assert_int_equal(y->revenue_by_category[CATEGORY_MEMBRE], 45000);
	assert_int_equal(y->revenue_by_category[CATEGORY_AUXILIAIRE], 10000);
	assert_int_equal(y->revenue_by_category[CATEGORY_SOUTIEN], 0);
	assert_int_equal(y->revenue_by_category[CATEGORY_NON_MEMBRE], 30000);
	assert_int_equal(y->revenue_with_members, 55000);
	assert_int_equal(y->revenue_full_management, 45000);
	assert_int_equal(y->revenue_other_members, 10000);
	/* operations with members 550 / 850 = 64,7 % */
	assert_true(r.members_share.ok);
	assert_int_equal(r.members_share.tenths, 647);
	/* members 250 -> 450: +80 %; auxiliaries had nothing: no value */
	assert_true(r.category_growth[CATEGORY_MEMBRE].ok);
	assert_int_equal(r.category_growth[CATEGORY_MEMBRE].tenths, 800);
	assert_false(r.category_growth[CATEGORY_AUXILIAIRE].ok);
	/* no entered figure: the invoices are the actual products */
	assert_int_equal(y->products_source, ANNUAL_PRODUCTS_INVOICES);
	assert_true(y->products.ok);
	assert_int_equal(y->products.cents, 85000);
	assert_false(y->reconciliation.ok);
	assert_true(r.products_growth.ok);
	assert_int_equal(r.products_growth.tenths, 2400);   /* 250 -> 850: +240 % */
	assert_string_equal(annual_products_source_word(y->products_source), "invoices");
	annual_free(&r);
}

static void test_entered_actuals(void **state)
{
	(void)state;
	struct annual_report r;
	fixture_revenue(&r);
	struct finance_year *f = &r.y[2].fin;
	f->fy = 2019;
	f->has = FIN_ACTUAL_PRODUCTS | FIN_ACTUAL_EXPENSES | FIN_BUDGET_PRODUCTS | FIN_BUDGET_EXPENSES;
	f->actual_products_cents = 86000;
	f->actual_expenses_cents = 80500;
	f->budget_products_cents = 80000;
	f->budget_expenses_cents = 79000;
	r.y[1].fin.has = FIN_ACTUAL_EXPENSES;
	r.y[1].fin.actual_expenses_cents = 29000;
	r.next.has = FIN_BUDGET_PRODUCTS;
	r.next.budget_products_cents = 90000;
	annual_finish(&r);
	const struct annual_year *y = &r.y[2];
	assert_int_equal(y->products_source, ANNUAL_PRODUCTS_ENTERED);
	assert_string_equal(annual_products_source_word(y->products_source), "entered");
	assert_int_equal(y->products.cents, 86000);
	assert_true(y->products_invoiced.ok);
	assert_int_equal(y->products_invoiced.cents, 85000);
	assert_true(y->reconciliation.ok);
	assert_int_equal(y->reconciliation.cents, 1000);     /* entered - invoiced */
	assert_true(y->surplus.ok);
	assert_int_equal(y->surplus.cents, 5500);             /* 860 - 805 */
	assert_true(y->budget_surplus.ok);
	assert_int_equal(y->budget_surplus.cents, 1000);
	assert_true(r.products_variance.ok);
	assert_int_equal(r.products_variance.tenths, 75);     /* 860 / 800: +7,5 % */
	assert_true(r.expenses_variance.ok);
	assert_int_equal(r.expenses_variance.tenths, 19);     /* 805 / 790: +1,9 % */
	/* the share with members stays the invoices' */
	assert_int_equal(r.members_share.tenths, 647);
	/* the year before: invoices, surplus 250 - 290 */
	assert_int_equal(r.y[1].products_source, ANNUAL_PRODUCTS_INVOICES);
	assert_int_equal(r.y[1].surplus.cents, -4000);
	/* a budget only half entered has no surplus */
	assert_true(r.next_budget_products.ok);
	assert_false(r.next_budget_expenses.ok);
	assert_false(r.next_budget_surplus.ok);
	annual_free(&r);

	/* the entered figure equal to the invoices: no reconciliation */
	fixture_revenue(&r);
	r.y[2].fin.has = FIN_ACTUAL_PRODUCTS;
	r.y[2].fin.actual_products_cents = 85000;
	annual_finish(&r);
	assert_int_equal(r.y[2].products_source, ANNUAL_PRODUCTS_ENTERED);
	assert_false(r.y[2].reconciliation.ok);
	annual_free(&r);

	/* a year kept before juste: entered, nothing to reconcile; a year
	 * with neither has no products, no surplus, no variance */
	annual_init(&r, 2019, FY_START_DEFAULT);
	r.y[1].fin.has = FIN_ACTUAL_PRODUCTS;
	r.y[1].fin.actual_products_cents = 25000;
	r.y[2].fin.has = FIN_ACTUAL_EXPENSES | FIN_BUDGET_PRODUCTS;
	r.y[2].fin.actual_expenses_cents = 100;
	r.y[2].fin.budget_products_cents = 100;
	annual_finish(&r);
	assert_int_equal(r.y[1].products_source, ANNUAL_PRODUCTS_ENTERED);
	assert_false(r.y[1].products_invoiced.ok);
	assert_false(r.y[1].reconciliation.ok);
	assert_int_equal(r.y[2].products_source, ANNUAL_PRODUCTS_NONE);
	assert_string_equal(annual_products_source_word(r.y[2].products_source), "");
	assert_false(r.y[2].products.ok);
	assert_false(r.y[2].surplus.ok);
	assert_false(r.products_variance.ok);
	assert_false(r.products_growth.ok);
	assert_false(r.members_share.ok);
	annual_free(&r);
}

static void test_history(void **state)
{
	(void)state;
	struct annual_report r;
	annual_init(&r, 2019, FY_START_DEFAULT);
	struct annual_year h;
	annual_year_init(&h, 2017, FY_START_DEFAULT);
	annual_add_hist(&r, &h);                 /* no document: not kept */
	assert_int_equal(r.nhist, 0);
	struct report_client c = client("FED", CATEGORY_MEMBRE, 1, 30000, 0);
	annual_add_client(&h, &c);
	c = client("M2", CATEGORY_MEMBRE, 0, 10000, 0);
	annual_add_client(&h, &c);
	c = client("NM", CATEGORY_NON_MEMBRE, 0, 50000, 0);   /* not a member: outside the split */
	annual_add_client(&h, &c);
	annual_add_hist(&r, &h);
	assert_int_equal(r.nhist, 1);
	annual_finish(&r);
	assert_string_equal(r.hist[0].name, "2017-2018");
	assert_int_equal(r.hist[0].full_management, 30000);
	assert_int_equal(r.hist[0].other_members, 10000);
	assert_int_equal(r.hist[0].full_management_share.tenths, 750);
	assert_int_equal(r.hist[0].other_members_share.tenths, 250);
	for (int i = 0; i < ANNUAL_HIST + 2; i++)
		annual_add_hist(&r, &h);
	assert_int_equal(r.nhist, ANNUAL_HIST);   /* at most that many */
	annual_free(&r);
}

static struct report_person person(const char *login, enum expert_function f, enum gender g, int birth)
{
	struct report_person p;
	memset(&p, 0, sizeof p);
	snprintf(p.login, sizeof p.login, "%s", login);
	p.function = f;
	p.gender = g;
	p.birth_year = birth;
	return p;
}

static void test_people(void **state)
{
	(void)state;
	struct annual_report r;
	annual_init(&r, 2019, FY_START_DEFAULT);
	struct report_person p = person("a", FUNCTION_PROFESSIONNEL, GENDER_F, 1980);
	annual_add_person(&r, &p);
	p = person("b", FUNCTION_FORMATEUR, GENDER_M, 1971);
	annual_add_person(&r, &p);
	p = person("c", FUNCTION_DIRECTION, GENDER_NONE, 0);
	annual_add_person(&r, &p);
	p = person("d", FUNCTION_PROFESSIONNEL, GENDER_NONE, 2030);   /* born after: no age */
	annual_add_person(&r, &p);
	annual_finish(&r);
	assert_int_equal(r.people, 4);
	assert_int_equal(r.people_by_function[FUNCTION_PROFESSIONNEL], 2);
	assert_int_equal(r.people_by_function[FUNCTION_FORMATEUR], 1);
	assert_int_equal(r.people_by_function[FUNCTION_DIRECTION], 1);
	assert_int_equal(r.known_gender, 2);
	assert_int_equal(r.unknown_gender, 2);
	assert_int_equal(r.women_share.tenths, 500);
	assert_int_equal(r.men_share.tenths, 500);
	/* ages on 2020: 40 and 49 -> 44,5 -> 45 years (half away from zero) */
	assert_int_equal(r.age_n, 2);
	assert_true(r.average_age.ok);
	assert_int_equal(r.average_age.tenths, 445);
	assert_int_equal(r.average_age_years, 45);
	annual_free(&r);

	annual_init(&r, 2019, FY_START_DEFAULT);
	annual_finish(&r);
	assert_false(r.women_share.ok);
	assert_false(r.average_age.ok);
	assert_int_equal(r.average_age_years, 0);
	annual_free(&r);
}

static struct report_group expert(const char *login, const char *name, int weekly, const char *started,
	int64_t billable)
{
	struct report_group g;
	memset(&g, 0, sizeof g);
	snprintf(g.key, sizeof g.key, "%s", login);
	snprintf(g.label, sizeof g.label, "%s", name);
	g.function = FUNCTION_PROFESSIONNEL;
	g.weekly_minutes = weekly;
	snprintf(g.started_on, sizeof g.started_on, "%s", started);
	g.billable = billable;
	return g;
}

/* The capacity the app hands over (workdays_capacity), from the calendar:
 * Québec's statutory holidays, no closure, no absence. */
static struct capacity capacity_of(const struct report_group *g, const char *first, const char *last)
{
	date_t f, l, s;
	assert_int_equal(date_parse(first, &f, NULL), JUSTE_OK);
	assert_int_equal(date_parse(last, &l, NULL), JUSTE_OK);
	assert_int_equal(date_parse(g->started_on, &s, NULL), JUSTE_OK);
	struct calendar c = { false, NULL, 0 };
	struct capacity_query q = { g->weekly_minutes, f, l, s, DATE_NONE, l + 1, NULL, 0 };
	struct capacity k;
	calendar_capacity(&c, &q, &k);
	return k;
}

static juste_status add_expert(struct annual_report *r, const struct report_group *g)
{
	struct capacity k = capacity_of(g, r->y[2].first, r->y[2].last);
	return annual_add_expert(r, g, &k, NULL);
}

static void test_experts_and_programs(void **state)
{
	(void)state;
	struct annual_report r;
	annual_init(&r, 2019, FY_START_DEFAULT);
	/* 2019-04-01 .. 2020-03-31 has 262 weekdays, 8 of them statutory
	 * holidays (Good Friday 04-19, Patriotes 05-20, 06-24, 07-01, Labour
	 * Day 09-02, Thanksgiving 10-14, 12-25, 01-01): 254 x 7 h = 106 680
	 * min of capacity, 8 x 7 h = 3 360 min of holidays */
	struct report_group g = expert("zoe", "Zoé Tremblay", 35 * 60, "2015-01-01", 55020);
	assert_int_equal(add_expert(&r, &g), JUSTE_OK);
	g = expert("edith", "Édith Roy", 35 * 60, "2015-01-01", 11004);
	assert_int_equal(add_expert(&r, &g), JUSTE_OK);
	g = expert("nocap", "Brigitte Côté", 0, "2015-01-01", 600);   /* no capacity: not in the totals */
	assert_int_equal(add_expert(&r, &g), JUSTE_OK);
	g = expert("bea", "Béatrice Roy", 35 * 60, "2020-03-30", 0);  /* two days in post */
	assert_int_equal(add_expert(&r, &g), JUSTE_OK);

	assert_int_equal(annual_add_program_minutes(&r, 1, "PAGES", "Pages", 120, NULL), JUSTE_OK);
	assert_int_equal(annual_add_program_minutes(&r, 1, "", "", 150, NULL), JUSTE_OK);
	assert_int_equal(annual_add_program_minutes(&r, 0, "PAAPA", "Paapa", 0, NULL), JUSTE_OK);  /* not listed */
	assert_int_equal(annual_add_program_revenue(&r, 1, "PAAPA", "Paapa", 30000, NULL), JUSTE_OK);
	assert_int_equal(annual_add_program_revenue(&r, 1, "PAAPA", "Paapa", -5000, NULL), JUSTE_OK);
	assert_int_equal(annual_add_program_minutes(&r, 0, "PAAPA", "Paapa", 60, NULL), JUSTE_OK);
	annual_finish(&r);

	assert_int_equal(r.nexperts, 4);
	/* French order: Béatrice, Brigitte, Édith, Zoé */
	assert_string_equal(r.experts[0].login, "bea");
	assert_string_equal(r.experts[1].login, "nocap");
	assert_string_equal(r.experts[2].login, "edith");
	assert_string_equal(r.experts[3].login, "zoe");
	assert_int_equal(r.experts[3].capacity, 106680);
	assert_int_equal(r.experts[3].gross, 110040);
	assert_int_equal(r.experts[3].holidays, 3360);
	assert_int_equal(r.experts[3].absences, 0);
	assert_int_equal(r.experts[3].utilisation.tenths, 516);   /* 55 020 / 106 680 = 51,57 % */
	assert_int_equal(r.experts[2].utilisation.tenths, 103);   /* 11 004 / 106 680 = 10,31 % */
	assert_int_equal(r.experts[0].capacity, 2 * 7 * 60);
	assert_int_equal(r.experts[1].capacity, 0);
	assert_false(r.experts[1].utilisation.ok);
	assert_int_equal(r.capacity_total, 2 * 106680 + 840);
	assert_int_equal(r.holidays_total, 2 * 3360);
	assert_int_equal(r.gross_total, 2 * 110040 + 840);
	assert_int_equal(r.billable_total, 55020 + 11004);
	assert_true(r.utilisation.ok);
	assert_int_equal(r.utilisation.tenths, 308);   /* 66 024 / 214 200 = 30,82 % */

	/* programs by code, no program last */
	assert_int_equal(r.nprograms, 3);
	assert_string_equal(r.programs[0].code, "PAAPA");
	assert_int_equal(r.programs[0].revenue_cents[1], 25000);
	assert_int_equal(r.programs[0].minutes[0], 60);
	assert_string_equal(r.programs[1].code, "PAGES");
	assert_string_equal(r.programs[2].code, "");
	assert_int_equal(r.programs[2].minutes[1], 150);
	annual_free(&r);
	annual_free(&r);   /* freed twice: still fine */
	assert_int_equal(r.nexperts, 0);
	annual_free(NULL);
}

static void test_business_development(void **state)
{
	(void)state;
	struct annual_report r;
	annual_init(&r, 2019, FY_START_DEFAULT);
	struct juste_err e;
	memset(&e, 0, sizeof e);
	assert_int_equal(annual_add_dev(&r, PARTNER_RESEAUX, DEV_KIND_EVENEMENT, "Assises", 2, &e), JUSTE_OK);
	assert_int_equal(annual_add_dev(&r, PARTNER_OBNL, DEV_KIND_RENCONTRE, "Guilde", 1, &e), JUSTE_OK);
	assert_int_not_equal(annual_add_dev(&r, (enum dev_partner)PARTNER_COUNT, DEV_KIND_EVENEMENT, "X", 1, &e),
		JUSTE_OK);
	assert_int_equal(r.dev_counts[PARTNER_RESEAUX][DEV_KIND_EVENEMENT], 2);
	assert_int_equal(r.dev_counts[PARTNER_OBNL][DEV_KIND_RENCONTRE], 1);
	assert_int_equal(r.ndev_names, 2);
	assert_string_equal(r.dev_names[0].name, "Assises");
	assert_int_equal(r.dev_names[0].count, 2);
	annual_free(&r);
}

static date_t day(const char *iso)
{
	date_t d;
	assert_int_equal(date_parse(iso, &d, NULL), JUSTE_OK);
	return d;
}

static void settle_into(struct annual_report *r, const struct payments_doc *docs, size_t ndocs,
	const struct payments_payment *pays, size_t npays)
{
	struct payments_result res;
	assert_int_equal(payments_settle(docs, ndocs, pays, npays, day(r->y[2].last), &res, NULL), JUSTE_OK);
	annual_add_receivables(r, docs, ndocs, &res);
	payments_result_free(&res);
}

/* Receivables on 2020-03-31 and the days to payment of 2019-2020, worked
 * by hand. */
static void test_receivables(void **state)
{
	(void)state;
	struct annual_report r;
	annual_init(&r, 2019, FY_START_DEFAULT);
	/* client A */
	const struct payments_doc a[] = {
		{ 1, 0, day("2019-05-01"), day("2019-05-31"), 100000 },   /* paid 06-10: 40 days */
		{ 2, 0, day("2019-06-01"), day("2019-07-01"), 50000 },    /* 300 on 06-21, closed on account 07-21: 50 days */
		{ 3, 0, day("2020-02-01"), day("2020-03-02"), 80000 },    /* 300 paid: 500 open, 29 days late */
		{ 4, 0, day("2020-03-15"), day("2020-04-14"), 20000 },    /* open, not due */
		{ 5, 0, day("2019-01-10"), day("2019-02-09"), 10000 },    /* last year's, paid 2019-04-15: not counted */
		{ 6, 0, day("2019-09-01"), day("2019-10-01"), 40000 },    /* credited in full */
		{ 7, 6, day("2019-09-15"), day("2019-09-15"), -40000 },
		{ 8, 0, day("2019-10-01"), day("2019-10-31"), 30000 },    /* paid after the year: 152 days late */
	};
	const struct payments_payment ap[] = {
		{ 11, 1, day("2019-06-10"), false, 0, 100000 },
		{ 12, 2, day("2019-06-21"), false, 0, 30000 },
		{ 13, 0, day("2019-07-21"), false, 0, 20000 },
		{ 14, 3, day("2020-03-10"), false, 0, 30000 },
		{ 15, 5, day("2019-04-15"), false, 0, 10000 },
		{ 16, 8, day("2020-04-20"), false, 0, 30000 },
	};
	settle_into(&r, a, sizeof a / sizeof a[0], ap, sizeof ap / sizeof ap[0]);
	/* client B: 150 paid on a 100 invoice (10 days), 50 left on account */
	const struct payments_doc b[] = { { 21, 0, day("2019-11-01"), day("2019-12-01"), 10000 } };
	const struct payments_payment bp[] = { { 31, 0, day("2019-11-11"), false, 0, 15000 } };
	settle_into(&r, b, 1, bp, 1);
	/* client C: paid, the payment voided, paid again: closed on the second (40 days) */
	const struct payments_doc c[] = { { 41, 0, day("2019-12-02"), day("2020-01-01"), 20000 } };
	const struct payments_payment cp[] = {
		{ 51, 41, day("2019-12-12"), true, day("2019-12-20"), 20000 },
		{ 52, 41, day("2020-01-11"), false, 0, 20000 },
	};
	settle_into(&r, c, 1, cp, 2);
	annual_finish(&r);

	assert_int_equal(r.ar.by_age[PAYMENTS_AGE_CURRENT], 20000);
	assert_int_equal(r.ar.by_age[PAYMENTS_AGE_1_30], 50000);
	assert_int_equal(r.ar.by_age[PAYMENTS_AGE_31_60], 0);
	assert_int_equal(r.ar.by_age[PAYMENTS_AGE_61_90], 0);
	assert_int_equal(r.ar.by_age[PAYMENTS_AGE_OVER_90], 30000);
	assert_int_equal(r.ar.open_cents, 100000);
	assert_int_equal(r.ar.open_invoices, 3);
	assert_int_equal(r.ar.credit_cents, 5000);
	assert_int_equal(r.ar.balance_cents, 95000);
	/* invoices 1, 2, 21 and 41: (40 + 50 + 10 + 40) / 4 = 35,0 days */
	assert_int_equal(r.ar.paid_invoices, 4);
	assert_int_equal(r.ar.paid_days, 140);
	assert_true(r.ar.days_to_payment.ok);
	assert_int_equal(r.ar.days_to_payment.tenths, 350);
	annual_free(&r);

	/* nothing paid: no average, not a zero */
	annual_init(&r, 2019, FY_START_DEFAULT);
	settle_into(&r, b, 1, NULL, 0);
	annual_finish(&r);
	assert_false(r.ar.days_to_payment.ok);
	assert_int_equal(r.ar.open_cents, 10000);
	assert_int_equal(r.ar.by_age[PAYMENTS_AGE_OVER_90], 10000);
	annual_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_years_and_months),
		cmocka_unit_test(test_revenue_by_category),
		cmocka_unit_test(test_entered_actuals),
		cmocka_unit_test(test_history),
		cmocka_unit_test(test_people),
		cmocka_unit_test(test_experts_and_programs),
		cmocka_unit_test(test_receivables),
		cmocka_unit_test(test_business_development),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
