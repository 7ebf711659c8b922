/* Unit tests for report.c: growth, variance, shares, formats, capacity and
 * the ristourne split by largest remainder. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "juste/date.h"
#include "juste/figures.h"

#define NB "\xC2\xA0"

static void test_growth(void **state)
{
	(void)state;
	int64_t t;
	/* the report's hours: 65 300 h -> 75 100 h is +15,0 % */
	assert_int_equal(figures_growth(65300, 75100, &t), 1);
	assert_int_equal(t, 150);
	/* 56 -> 82 members: 46,43 % -> 464 tenths */
	assert_int_equal(figures_growth(56, 82, &t), 1);
	assert_int_equal(t, 464);
	/* half away from zero: 1 -> 1.0005 is 0.05 % -> 1 tenth; down is -1 */
	assert_int_equal(figures_growth(20000, 20001, &t), 1);
	assert_int_equal(t, 0);
	assert_int_equal(figures_growth(2000, 2001, &t), 1);
	assert_int_equal(t, 1);   /* 0,05 % rounds up to 0,1 % */
	assert_int_equal(figures_growth(2000, 1999, &t), 1);
	assert_int_equal(t, -1);
	assert_int_equal(figures_growth(100, 50, &t), 1);
	assert_int_equal(t, -500);
	/* no base: no value */
	assert_int_equal(figures_growth(0, 50, &t), 0);
	assert_int_equal(figures_growth(-5, 50, &t), 0);
	/* big amounts do not overflow */
	assert_int_equal(figures_growth(356996400LL * 1000, 447585200LL * 1000, &t), 1);
	assert_int_equal(t, 254);
}

static void test_variance_share(void **state)
{
	(void)state;
	int64_t t;
	/* the seed's table: 4 475 852 $ against a budget of 4 146 109 $: +8 % */
	assert_int_equal(figures_variance(447585200, 414610900, &t), 1);
	assert_int_equal(t, 80);
	assert_int_equal(figures_variance(440510900, 410035100, &t), 1);
	assert_int_equal(t, 74);
	assert_int_equal(figures_share(1, 3, &t), 1);
	assert_int_equal(t, 333);
	assert_int_equal(figures_share(2, 3, &t), 1);
	assert_int_equal(t, 667);
	assert_int_equal(figures_share(5, 5, &t), 1);
	assert_int_equal(t, 1000);
	assert_int_equal(figures_share(5, 0, &t), 0);
	assert_int_equal(figures_average_tenths(135, 3, &t), 1);
	assert_int_equal(t, 450);
	assert_int_equal(figures_average_tenths(1, 0, &t), 0);
}

static void test_formats(void **state)
{
	(void)state;
	char b[FIGURES_PCT_BUF], c[64];
	assert_string_equal(figures_pct_signed(1, 150, b, sizeof b), "+15,0" NB "%");
	assert_string_equal(figures_pct_signed(1, -23, b, sizeof b), "-2,3" NB "%");
	assert_string_equal(figures_pct_signed(1, 0, b, sizeof b), "+0,0" NB "%");
	assert_string_equal(figures_pct_signed(0, 150, b, sizeof b), "—");
	assert_string_equal(figures_pct(1, 1000, b, sizeof b), "100,0" NB "%");
	assert_string_equal(figures_pct_plain(1, -5, b, sizeof b), "-0.5");
	assert_string_equal(figures_pct_plain(0, 5, b, sizeof b), "");
	assert_string_equal(figures_pct_whole_signed(1, 80, b, sizeof b), "+8" NB "%");
	assert_string_equal(figures_pct_whole_signed(1, 74, b, sizeof b), "+7" NB "%");
	assert_string_equal(figures_pct_whole_signed(1, -75, b, sizeof b), "-8" NB "%");
	assert_string_equal(figures_count_fr(75100, c, sizeof c), "75" NB "100");
	assert_string_equal(figures_count_fr(300, c, sizeof c), "300");
	assert_string_equal(figures_count_fr(-1234567, c, sizeof c), "-1" NB "234" NB "567");
	assert_string_equal(figures_dollars_fr(447585200, c, sizeof c), "4" NB "475" NB "852" NB "$");
	assert_string_equal(figures_dollars_fr(50, c, sizeof c), "1" NB "$");   /* half up */
	assert_string_equal(figures_dollars_fr(-150, c, sizeof c), "-2" NB "$");
	assert_string_equal(figures_dollars_or_dash(1, 447585200, c, sizeof c), "4" NB "475" NB "852" NB "$");
	assert_string_equal(figures_dollars_or_dash(0, 447585200, c, sizeof c), "—");   /* unknown, not 0 */
	assert_string_equal(figures_hours_fr(4506000, c, sizeof c), "75" NB "100" NB "h");
}

static void test_capacity(void **state)
{
	(void)state;
	/* 2020-03-02 is a Monday */
	date_t mon = date_from_ymd(2020, 3, 2);
	assert_int_equal(figures_weekdays(mon, mon + 6), 5);
	assert_int_equal(figures_weekdays(mon + 5, mon + 6), 0);      /* a weekend */
	assert_int_equal(figures_weekdays(mon + 4, mon + 7), 2);      /* Friday to Monday */
	assert_int_equal(figures_weekdays(mon, mon - 1), 0);
	/* a whole fiscal year 2019-2020: 262 weekdays */
	assert_int_equal(figures_weekdays(date_from_ymd(2019, 4, 1), date_from_ymd(2020, 3, 31)), 262);
	assert_int_equal(figures_capacity(2100, 5), 2100);
	assert_int_equal(figures_capacity(2100, 262), 110040);
	assert_int_equal(figures_capacity(0, 262), 0);
}

static int64_t sum(const int64_t *v, size_t n)
{
	int64_t s = 0;
	for (size_t i = 0; i < n; i++)
		s += v[i];
	return s;
}

static void test_ristourne_simple(void **state)
{
	(void)state;
	struct juste_err e = { 0 };
	const int64_t w[] = { 100, 300 };
	int64_t s[2];
	assert_int_equal(figures_ristourne(w, 2, 1000, s, &e), JUSTE_OK);
	assert_int_equal(s[0], 250);
	assert_int_equal(s[1], 750);
}

static void test_ristourne_remainders(void **state)
{
	(void)state;
	struct juste_err e = { 0 };
	/* three equal members and one cent more than a multiple of 3: the
	 * tie goes to the earliest */
	const int64_t w3[] = { 1, 1, 1 };
	int64_t s3[3];
	assert_int_equal(figures_ristourne(w3, 3, 100, s3, &e), JUSTE_OK);
	assert_int_equal(s3[0], 34);
	assert_int_equal(s3[1], 33);
	assert_int_equal(s3[2], 33);
	/* 10,00 $ over 1/6, 2/6, 3/6 -> 166,67 333,33 500 exactly 1000 cents:
	 * floors 166 333 500, remainders 4/6, 2/6, 0: the cent goes to the first */
	const int64_t w[] = { 1, 2, 3 };
	int64_t s[3];
	assert_int_equal(figures_ristourne(w, 3, 1000, s, &e), JUSTE_OK);
	assert_int_equal(s[0], 167);
	assert_int_equal(s[1], 333);
	assert_int_equal(s[2], 500);
	/* tie on the remainder: the larger weight wins */
	const int64_t wt[] = { 1, 3, 2, 2 };   /* total 8, amount 3: 3/8 9/8 6/8 6/8 */
	int64_t st[4];
	assert_int_equal(figures_ristourne(wt, 4, 3, st, &e), JUSTE_OK);
	/* floors 0 1 0 0; remainders 3 1 6 6 (of 8); 2 cents left: the two 6s */
	assert_int_equal(st[0], 0);
	assert_int_equal(st[1], 1);
	assert_int_equal(st[2], 1);
	assert_int_equal(st[3], 1);
	/* members with no business get nothing, and the sum is exact */
	const int64_t wz[] = { 0, 700, -50, 1300, 1 };
	int64_t sz[5];
	assert_int_equal(figures_ristourne(wz, 5, 5000000, sz, &e), JUSTE_OK);
	assert_int_equal(sz[0], 0);
	assert_int_equal(sz[2], 0);
	assert_int_equal(sum(sz, 5), 5000000);
}

static void test_ristourne_many(void **state)
{
	(void)state;
	struct juste_err e = { 0 };
	/* 97 members with awkward weights (large amounts, primes): the shares
	 * always add up to the amount, and each is within one cent of its
	 * exact proportion */
	int64_t w[97], s[97];
	int64_t total = 0;
	for (int i = 0; i < 97; i++) {
		w[i] = (int64_t)(i * 7919 + 104729) * 1009 % 99999991 + 1;
		total += w[i];
	}
	const int64_t amounts[] = { 1, 96, 97, 98, 5000000, 5000001, 123456789 };
	for (size_t k = 0; k < sizeof amounts / sizeof *amounts; k++) {
		assert_int_equal(figures_ristourne(w, 97, amounts[k], s, &e), JUSTE_OK);
		assert_int_equal(sum(s, 97), amounts[k]);
		for (int i = 0; i < 97; i++) {
			__int128 exact_floor = (__int128)amounts[k] * w[i] / total;
			assert_true(s[i] == (int64_t)exact_floor || s[i] == (int64_t)exact_floor + 1);
		}
	}
}

static void test_ristourne_refused(void **state)
{
	(void)state;
	struct juste_err e = { 0 };
	const int64_t w[] = { 0, -3 };
	int64_t s[2];
	assert_int_equal(figures_ristourne(w, 2, 100, s, &e), JUSTE_EINVAL);
	assert_true(e.msg[0] != '\0');
	const int64_t w1[] = { 5 };
	assert_int_equal(figures_ristourne(w1, 1, -1, s, &e), JUSTE_EINVAL);
	assert_int_equal(figures_ristourne(w1, 1, 0, s, &e), JUSTE_OK);
	assert_int_equal(s[0], 0);
}

/* The values a report's rows carry: ratios and amounts that may have no
 * value, whole years, capacity over the days in post, utilisation, bars. */
static void test_row_values(void **state)
{
	(void)state;
	struct figures_ratio r = figures_ratio_growth(250, 450);
	assert_true(r.ok);
	assert_int_equal(r.tenths, 800);
	assert_false(figures_ratio_growth(0, 450).ok);
	r = figures_ratio_variance(86000, 80000);
	assert_true(r.ok);
	assert_int_equal(r.tenths, 75);
	r = figures_ratio_variance(85000, 80000);   /* +6,25 %: half away from zero */
	assert_int_equal(r.tenths, 63);
	r = figures_ratio_share(550, 850);
	assert_int_equal(r.tenths, 647);
	assert_false(figures_ratio_share(1, 0).ok);
	r = figures_ratio_average(89, 2);           /* 44,5 */
	assert_int_equal(r.tenths, 445);
	assert_false(figures_ratio_average(10, 0).ok);

	struct figures_amount a = figures_amount_of(86000), b = figures_amount_of(85000);
	struct figures_amount d = figures_amount_diff(a, b);
	assert_true(d.ok);
	assert_int_equal(d.cents, 1000);
	assert_false(figures_amount_diff(a, FIGURES_AMOUNT_NONE).ok);
	assert_false(figures_amount_diff(FIGURES_AMOUNT_NONE, b).ok);
	assert_false(FIGURES_AMOUNT_NONE.ok);

	assert_int_equal(figures_tenths_whole(445), 45);
	assert_int_equal(figures_tenths_whole(444), 44);
	assert_int_equal(figures_tenths_whole(-445), -45);
	assert_true(figures_pct_number(647) > 64.69 && figures_pct_number(647) < 64.71);

	/* 2019-04-01 .. 2020-03-31: 262 weekdays x 7 h; started 2020-03-30
	 * (a Monday): 2 days; left before the year: nothing */
	date_t first, last;
	assert_int_equal(date_parse("2019-04-01", &first, NULL), JUSTE_OK);
	assert_int_equal(date_parse("2020-03-31", &last, NULL), JUSTE_OK);
	assert_int_equal(figures_capacity_between(35 * 60, "2015-01-01", "", first, last), 110040);
	assert_int_equal(figures_capacity_between(35 * 60, "2020-03-30", NULL, first, last), 840);
	assert_int_equal(figures_capacity_between(35 * 60, "2015-01-01", "2019-04-02", first, last), 840);
	assert_int_equal(figures_capacity_between(35 * 60, "2015-01-01", "2019-01-01", first, last), 0);
	assert_int_equal(figures_capacity_between(0, "", "", first, last), 0);

	struct figures_utilisation u = figures_utilisation_of(270, 240, 110040);
	assert_int_equal(u.logged, 510);
	assert_true(u.utilisation.ok);
	assert_int_equal(u.utilisation.tenths, 2);    /* 0,25 % */
	assert_int_equal(u.billable_share.tenths, 529);
	u = figures_utilisation_of(0, 0, 0);
	assert_false(u.utilisation.ok);
	assert_false(u.billable_share.ok);

	assert_int_equal(figures_bar_eighths(50, 100, 10), 40);
	assert_int_equal(figures_bar_eighths(100, 100, 10), 80);
	assert_int_equal(figures_bar_eighths(1, 100, 10), 0);   /* rounded down */
	assert_int_equal(figures_bar_eighths(-5, 100, 10), 0);
	assert_int_equal(figures_bar_eighths(5, 0, 10), 0);
	assert_int_equal(figures_bar_eighths(447571777LL, 447571777LL, 60), 480);
}

/* The report's figures in English; French is the _fr formatters'. */
static void test_formats_lang(void **state)
{
	(void)state;
	char b[64], fr[64];
	assert_string_equal(figures_pct_signed_lang(TEXT_LANG_EN, 1, 150, b, sizeof b), "+15.0%");
	assert_string_equal(figures_pct_signed_lang(TEXT_LANG_EN, 1, -15, b, sizeof b), "-1.5%");
	assert_string_equal(figures_pct_lang(TEXT_LANG_EN, 1, 15, b, sizeof b), "1.5%");
	assert_string_equal(figures_pct_lang(TEXT_LANG_EN, 0, 15, b, sizeof b), "—");
	assert_string_equal(figures_pct_whole_signed_lang(TEXT_LANG_EN, 1, 75, b, sizeof b), "+8%");
	assert_string_equal(figures_pct_whole_signed_lang(TEXT_LANG_EN, 1, -75, b, sizeof b), "-8%");
	assert_string_equal(figures_pct_whole_signed_lang(TEXT_LANG_EN, 0, 75, b, sizeof b), "—");
	assert_string_equal(figures_count_lang(TEXT_LANG_EN, 75100, b, sizeof b), "75,100");
	assert_string_equal(figures_dollars_lang(TEXT_LANG_EN, 447585249, b, sizeof b), "$4,475,852");
	assert_string_equal(figures_dollars_lang(TEXT_LANG_EN, -123450, b, sizeof b), "-$1,235");
	assert_string_equal(figures_dollars_or_dash_lang(TEXT_LANG_EN, 0, 100, b, sizeof b), "—");
	assert_string_equal(figures_dollars_or_dash_lang(TEXT_LANG_EN, 1, 100, b, sizeof b), "$1");
	assert_string_equal(figures_hours_lang(TEXT_LANG_EN, 75100 * 60 + 29, b, sizeof b), "75,100 h");
	assert_string_equal(figures_hours_lang(TEXT_LANG_EN, 30, b, sizeof b), "1 h");
	/* French: byte for byte the _fr formatters */
	assert_string_equal(figures_pct_signed_lang(TEXT_LANG_FR, 1, 150, b, sizeof b), figures_pct_signed(1, 150, fr, sizeof fr));
	assert_string_equal(figures_pct_lang(TEXT_LANG_FR, 1, 15, b, sizeof b), figures_pct(1, 15, fr, sizeof fr));
	assert_string_equal(figures_pct_whole_signed_lang(TEXT_LANG_FR, 1, 75, b, sizeof b), figures_pct_whole_signed(1, 75, fr, sizeof fr));
	assert_string_equal(figures_count_lang(TEXT_LANG_FR, 75100, b, sizeof b), figures_count_fr(75100, fr, sizeof fr));
	assert_string_equal(figures_dollars_lang(TEXT_LANG_FR, -123450, b, sizeof b), figures_dollars_fr(-123450, fr, sizeof fr));
	assert_string_equal(figures_dollars_or_dash_lang(TEXT_LANG_FR, 1, 100, b, sizeof b), figures_dollars_or_dash(1, 100, fr, sizeof fr));
	assert_string_equal(figures_hours_lang(TEXT_LANG_FR, 4506000, b, sizeof b), figures_hours_fr(4506000, fr, sizeof fr));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_growth),
		cmocka_unit_test(test_row_values),
		cmocka_unit_test(test_variance_share),
		cmocka_unit_test(test_formats),
		cmocka_unit_test(test_formats_lang),
		cmocka_unit_test(test_capacity),
		cmocka_unit_test(test_ristourne_simple),
		cmocka_unit_test(test_ristourne_remainders),
		cmocka_unit_test(test_ristourne_many),
		cmocka_unit_test(test_ristourne_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
