/* Unit tests for pricing.c: valid_from boundaries, a table replaced
 * mid-month, negotiated rates overriding the table and expiring, missing
 * rates never priced at 0, rounding of minutes x rate / 60. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "juste/money.h"
#include "juste/pricing.h"

#define NB "\xC2\xA0"
enum { FIN = 1, RH = 2, CLIENT = 10, OTHER_CLIENT = 11, M1 = 100, M2 = 101 };

static int64_t next_id = 1;

static void add_table_row(struct rate_book *b, int64_t table, const char *from, int64_t service,
	enum org_category category, int64_t cents)
{
	struct rate_row r;
	memset(&r, 0, sizeof r);
	r.rule = RATE_TABLE;
	r.id = next_id++;
	r.table_id = table;
	snprintf(r.table_name, sizeof r.table_name, "Taux %s", from);
	snprintf(r.valid_from, sizeof r.valid_from, "%s", from);
	r.service_id = service;
	snprintf(r.service_code, sizeof r.service_code, "%s", service == FIN ? "FIN" : "RH");
	r.category = category;
	r.rate_cents = cents;
	struct juste_err e = { 0 };
	assert_int_equal(pricing_book_add(b, &r, &e), JUSTE_OK);
}

static void add_negotiated(struct rate_book *b, enum rate_rule rule, int64_t key, const char *from, const char *to,
	int64_t cents)
{
	struct rate_row r;
	memset(&r, 0, sizeof r);
	r.rule = rule;
	r.id = next_id++;
	if (rule == RATE_MANDATE) {
		r.mandate_id = key;
		snprintf(r.mandate_code, sizeof r.mandate_code, "M-%lld", (long long)key);
	} else {
		r.org_id = key;
		r.service_id = FIN;
		snprintf(r.org_code, sizeof r.org_code, "ORG%lld", (long long)key);
		snprintf(r.service_code, sizeof r.service_code, "FIN");
	}
	snprintf(r.valid_from, sizeof r.valid_from, "%s", from);
	snprintf(r.valid_to, sizeof r.valid_to, "%s", to);
	r.rate_cents = cents;
	struct juste_err e = { 0 };
	assert_int_equal(pricing_book_add(b, &r, &e), JUSTE_OK);
}

/* Tables 2018-04-01, 2019-04-01 and 2020-03-16 (mid-month, FIN only),
 * added out of order so that the book's sorting is exercised. */
static void base_book(struct rate_book *b)
{
	pricing_book_init(b);
	add_table_row(b, 3, "2020-03-16", FIN, CATEGORY_MEMBRE, 8000);
	add_table_row(b, 2, "2019-04-01", FIN, CATEGORY_MEMBRE, 7800);
	add_table_row(b, 1, "2018-04-01", FIN, CATEGORY_MEMBRE, 7600);
	add_table_row(b, 2, "2019-04-01", FIN, CATEGORY_AUXILIAIRE, 8200);
	add_table_row(b, 1, "2018-04-01", RH, CATEGORY_MEMBRE, 7400);
	add_table_row(b, 2, "2019-04-01", RH, CATEGORY_MEMBRE, 7600);
	add_table_row(b, 1, "2018-04-01", FIN, CATEGORY_AUXILIAIRE, 8000);
}

static struct price_query query(int64_t mandate, int64_t client, int64_t service, enum org_category category,
	const char *date, int64_t minutes)
{
	struct price_query q = { .entry_id = 12, .mandate_id = mandate, .mandate_code = "M-2020-001", .client_id = client,
		.service_id = service, .category = category, .work_date = date, .minutes = minutes };
	return q;
}

static int64_t rate_on(struct rate_book *b, int64_t mandate, int64_t client, int64_t service, enum org_category category,
	const char *date)
{
	struct price_query q = query(mandate, client, service, category, date, 60);
	struct priced p;
	struct juste_err e = { 0 };
	if (pricing_price(b, &q, &p, &e) != JUSTE_OK) {
		assert_null(p.row);
		assert_int_equal(p.amount_cents, 0);
		return -1;
	}
	assert_non_null(p.row);
	assert_true(p.rate_cents > 0);
	assert_int_equal(p.amount_cents, p.rate_cents);   /* 60 minutes */
	return p.rate_cents;
}

static void test_valid_from_boundaries(void **state)
{
	(void)state;
	struct rate_book b;
	base_book(&b);
	assert_int_equal(rate_on(&b, M1, CLIENT, FIN, CATEGORY_MEMBRE, "2019-03-31"), 7600);   /* the day before */
	assert_int_equal(rate_on(&b, M1, CLIENT, FIN, CATEGORY_MEMBRE, "2019-04-01"), 7800);   /* the day of */
	assert_int_equal(rate_on(&b, M1, CLIENT, FIN, CATEGORY_MEMBRE, "2019-04-02"), 7800);   /* the day after */
	assert_int_equal(rate_on(&b, M1, CLIENT, FIN, CATEGORY_AUXILIAIRE, "2019-03-31"), 8000);
	assert_int_equal(rate_on(&b, M1, CLIENT, FIN, CATEGORY_AUXILIAIRE, "2019-04-01"), 8200);
	assert_int_equal(rate_on(&b, M1, CLIENT, FIN, CATEGORY_MEMBRE, "2018-04-01"), 7600);
	/* before the first table: no rate, and the message says so */
	struct price_query q = query(M1, CLIENT, FIN, CATEGORY_MEMBRE, "2018-03-31", 60);
	struct priced p;
	struct juste_err e = { 0 };
	assert_int_equal(pricing_price(&b, &q, &p, &e), JUSTE_ENOTFOUND);
	assert_non_null(strstr(e.msg, "saisie #12"));
	assert_non_null(strstr(e.msg, "M-2020-001"));
	assert_non_null(strstr(e.msg, "2018-03-31"));
	assert_non_null(strstr(e.msg, "ni table de taux en vigueur"));
	pricing_book_free(&b);
}

static void test_explain(void **state)
{
	(void)state;
	struct rate_book b;
	base_book(&b);
	struct price_query q = query(M1, CLIENT, FIN, CATEGORY_AUXILIAIRE, "2019-04-01", 60);
	struct priced p;
	char buf[256];
	assert_int_equal(pricing_price(&b, &q, &p, NULL), JUSTE_OK);
	assert_string_equal(pricing_explain(&p, buf, sizeof buf),
		"table 2019-04-01, service FIN, catégorie auxiliaire → 82,00" NB "$/h");
	assert_string_equal(pricing_rule_word(p.row->rule), "table");
	assert_string_equal(pricing_rule_short(p.row, buf, sizeof buf), "table 2019-04-01");
	pricing_book_free(&b);
}

static void test_table_replaced_mid_month(void **state)
{
	(void)state;
	struct rate_book b;
	base_book(&b);
	assert_int_equal(rate_on(&b, M1, CLIENT, FIN, CATEGORY_MEMBRE, "2020-03-15"), 7800);
	assert_int_equal(rate_on(&b, M1, CLIENT, FIN, CATEGORY_MEMBRE, "2020-03-16"), 8000);
	assert_int_equal(rate_on(&b, M1, CLIENT, FIN, CATEGORY_MEMBRE, "2020-03-31"), 8000);
	/* RH is not in the new table: no rate from the 16th, never the old one */
	assert_int_equal(rate_on(&b, M1, CLIENT, RH, CATEGORY_MEMBRE, "2020-03-15"), 7600);
	assert_int_equal(rate_on(&b, M1, CLIENT, RH, CATEGORY_MEMBRE, "2020-03-16"), -1);
	/* nor a category the table does not have */
	assert_int_equal(rate_on(&b, M1, CLIENT, FIN, CATEGORY_SOUTIEN, "2019-06-01"), -1);
	size_t n = 0;
	const struct rate_row *t = pricing_table_at(&b, "2020-03-16", &n);
	assert_non_null(t);
	assert_int_equal(t->table_id, 3);
	assert_int_equal(n, 1);
	t = pricing_table_at(&b, "2019-12-31", &n);
	assert_int_equal(t->table_id, 2);
	assert_int_equal(n, 3);
	assert_null(pricing_table_at(&b, "2000-01-01", &n));
	pricing_book_free(&b);
}

static void test_correction_same_date(void **state)
{
	(void)state;
	struct rate_book b;
	base_book(&b);
	add_table_row(&b, 9, "2019-04-01", FIN, CATEGORY_MEMBRE, 7900);   /* newer table, same date */
	assert_int_equal(rate_on(&b, M1, CLIENT, FIN, CATEGORY_MEMBRE, "2019-04-01"), 7900);
	/* the correction is a whole table: what it lacks has no rate */
	assert_int_equal(rate_on(&b, M1, CLIENT, RH, CATEGORY_MEMBRE, "2019-04-01"), -1);
	pricing_book_free(&b);
}

static void test_negotiated_override_and_expire(void **state)
{
	(void)state;
	struct rate_book b;
	base_book(&b);
	add_negotiated(&b, RATE_ORG_SERVICE, CLIENT, "2020-01-01", "2020-01-31", 9000);
	add_negotiated(&b, RATE_MANDATE, M1, "2020-01-10", "2020-01-20", 9500);
	assert_int_equal(rate_on(&b, M1, CLIENT, FIN, CATEGORY_MEMBRE, "2019-12-31"), 7800);
	assert_int_equal(rate_on(&b, M1, CLIENT, FIN, CATEGORY_MEMBRE, "2020-01-01"), 9000);
	assert_int_equal(rate_on(&b, M1, CLIENT, FIN, CATEGORY_MEMBRE, "2020-01-09"), 9000);
	assert_int_equal(rate_on(&b, M1, CLIENT, FIN, CATEGORY_MEMBRE, "2020-01-10"), 9500);
	assert_int_equal(rate_on(&b, M1, CLIENT, FIN, CATEGORY_MEMBRE, "2020-01-20"), 9500);   /* valid_to inclusive */
	assert_int_equal(rate_on(&b, M1, CLIENT, FIN, CATEGORY_MEMBRE, "2020-01-21"), 9000);
	assert_int_equal(rate_on(&b, M1, CLIENT, FIN, CATEGORY_MEMBRE, "2020-01-31"), 9000);
	assert_int_equal(rate_on(&b, M1, CLIENT, FIN, CATEGORY_MEMBRE, "2020-02-01"), 7800);   /* both expired */
	/* the organisation's rate is for FIN only, and for that client only */
	assert_int_equal(rate_on(&b, M2, CLIENT, FIN, CATEGORY_MEMBRE, "2020-01-15"), 9000);
	assert_int_equal(rate_on(&b, M2, CLIENT, RH, CATEGORY_MEMBRE, "2020-01-15"), 7600);
	assert_int_equal(rate_on(&b, M2, OTHER_CLIENT, FIN, CATEGORY_MEMBRE, "2020-01-15"), 7800);

	struct price_query q = query(M1, CLIENT, FIN, CATEGORY_MEMBRE, "2020-01-25", 60);
	const struct rate_row *ended;
	assert_null(pricing_lookup(&b, RATE_MANDATE, &q, &ended));
	assert_non_null(ended);
	assert_string_equal(ended->valid_to, "2020-01-20");
	assert_non_null(pricing_lookup(&b, RATE_ORG_SERVICE, &q, &ended));
	assert_null(ended);

	struct priced p;
	char buf[256];
	q.work_date = "2020-01-15";
	assert_int_equal(pricing_price(&b, &q, &p, NULL), JUSTE_OK);
	assert_int_equal(p.row->rule, RATE_MANDATE);
	assert_string_equal(pricing_explain(&p, buf, sizeof buf),
		"taux négocié du mandat M-100, depuis le 2020-01-10 jusqu'au 2020-01-20 → 95,00" NB "$/h");
	pricing_book_free(&b);
}

static void test_negotiated_superseded(void **state)
{
	(void)state;
	struct rate_book b;
	base_book(&b);
	add_negotiated(&b, RATE_MANDATE, M1, "2020-05-01", "", 9100);
	add_negotiated(&b, RATE_MANDATE, M1, "2020-06-01", "2020-06-30", 9200);
	assert_int_equal(rate_on(&b, M1, CLIENT, FIN, CATEGORY_MEMBRE, "2020-05-31"), 9100);
	assert_int_equal(rate_on(&b, M1, CLIENT, FIN, CATEGORY_MEMBRE, "2020-06-15"), 9200);
	/* the later rate ended; the earlier one was superseded: the table again */
	assert_int_equal(rate_on(&b, M1, CLIENT, FIN, CATEGORY_MEMBRE, "2020-07-01"), 8000);
	pricing_book_free(&b);
}

static void test_rounding(void **state)
{
	(void)state;
	struct rate_book b;
	pricing_book_init(&b);
	add_negotiated(&b, RATE_MANDATE, M1, "2020-01-01", "", 9500);
	struct price_query q = query(M1, CLIENT, FIN, CATEGORY_MEMBRE, "2020-03-02", 7);
	struct priced p;
	assert_int_equal(pricing_price(&b, &q, &p, NULL), JUSTE_OK);
	assert_int_equal(p.amount_cents, 1108);   /* 7 x 9500 / 60 = 1108.33 */
	q.minutes = 1;
	assert_int_equal(pricing_price(&b, &q, &p, NULL), JUSTE_OK);
	assert_int_equal(p.amount_cents, 158);    /* 158.33 */
	q.minutes = 90;
	assert_int_equal(pricing_price(&b, &q, &p, NULL), JUSTE_OK);
	assert_int_equal(p.amount_cents, 14250);
	pricing_book_free(&b);
	pricing_book_init(&b);
	add_negotiated(&b, RATE_MANDATE, M1, "2020-01-01", "", 8250);
	q.minutes = 3;                            /* 3 x 8250 / 60 = 412.5: half up */
	assert_int_equal(pricing_price(&b, &q, &p, NULL), JUSTE_OK);
	assert_int_equal(p.amount_cents, 413);
	pricing_book_free(&b);
}

static void test_never_zero(void **state)
{
	(void)state;
	struct rate_book b;
	pricing_book_init(&b);
	struct rate_row r;
	memset(&r, 0, sizeof r);
	r.rule = RATE_TABLE;
	snprintf(r.valid_from, sizeof r.valid_from, "2019-04-01");
	r.rate_cents = 0;
	struct juste_err e = { 0 };
	assert_int_equal(pricing_book_add(&b, &r, &e), JUSTE_EINVAL);
	assert_int_equal(b.n, 0);
	/* an empty book prices nothing */
	struct price_query q = query(M1, CLIENT, FIN, CATEGORY_MEMBRE, "2020-03-02", 7);
	struct priced p = { .rate_cents = 99, .amount_cents = 99 };
	assert_int_equal(pricing_price(&b, &q, &p, &e), JUSTE_ENOTFOUND);
	assert_int_equal(p.amount_cents, 0);
	assert_int_equal(p.rate_cents, 0);
	assert_null(p.row);
	pricing_book_free(&b);
	pricing_book_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_from_boundaries),
		cmocka_unit_test(test_explain),
		cmocka_unit_test(test_table_replaced_mid_month),
		cmocka_unit_test(test_correction_same_date),
		cmocka_unit_test(test_negotiated_override_and_expire),
		cmocka_unit_test(test_negotiated_superseded),
		cmocka_unit_test(test_rounding),
		cmocka_unit_test(test_never_zero),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
