/* Unit tests for date.c: day numbers, parsing, weeks, months, fiscal years. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "juste/date.h"

static date_t D(const char *s)
{
	struct juste_err e = { 0 };
	date_t t = 0;

	if (date_parse(s, &t, &e) != JUSTE_OK)
		fail_msg("'%s' refused: %s", s, e.msg);
	return t;
}

static void date_bad(const char *s)
{
	struct juste_err e = { 0 };
	date_t t = 4242;

	assert_int_equal(date_parse(s, &t, &e), JUSTE_EINVAL);
	assert_true(e.msg[0] != '\0');
	assert_non_null(strstr(e.msg, s));
	assert_int_equal(t, 4242);
}

static void test_epoch(void **state)
{
	int y, m, d;

	(void)state;
	assert_int_equal(date_from_ymd(1970, 1, 1), 0);
	assert_int_equal(date_from_ymd(1970, 1, 2), 1);
	assert_int_equal(date_from_ymd(1969, 12, 31), -1);
	assert_int_equal(date_from_ymd(2000, 3, 1), 11017);
	assert_int_equal(date_from_ymd(2020, 3, 31), 18352);
	assert_int_equal(date_from_ymd(1900, 1, 1), -25567);
	assert_int_equal(date_from_ymd(9999, 12, 31), 2932896);
	date_to_ymd(-25567, &y, &m, &d);
	assert_true(y == 1900 && m == 1 && d == 1);
	date_to_ymd(18352, &y, &m, &d);
	assert_true(y == 2020 && m == 3 && d == 31);
	/* every day from 1900 to 2100 round-trips and follows the previous */
	date_t prev = date_from_ymd(1899, 12, 31);
	for (y = 1900; y <= 2100; y++)
		for (m = 1; m <= 12; m++)
			for (d = 1; d <= date_days_in_month(y, m); d++) {
				int yy, mm, dd;
				date_t t = date_from_ymd(y, m, d);
				assert_int_equal(t, prev + 1);
				date_to_ymd(t, &yy, &mm, &dd);
				assert_true(yy == y && mm == m && dd == d);
				prev = t;
			}
}

static void test_valid(void **state)
{
	(void)state;
	assert_true(date_valid_ymd(2020, 2, 29));
	assert_false(date_valid_ymd(2019, 2, 29));
	assert_false(date_valid_ymd(1900, 2, 29));
	assert_true(date_valid_ymd(2000, 2, 29));
	assert_false(date_valid_ymd(2020, 4, 31));
	assert_true(date_valid_ymd(2020, 12, 31));
	assert_false(date_valid_ymd(2020, 13, 1));
	assert_false(date_valid_ymd(2020, 0, 1));
	assert_false(date_valid_ymd(2020, 1, 0));
	assert_false(date_valid_ymd(2020, 1, 32));
	assert_int_equal(date_days_in_month(2020, 2), 29);
	assert_int_equal(date_days_in_month(2021, 2), 28);
	assert_int_equal(date_days_in_month(2100, 2), 28);
	assert_int_equal(date_days_in_month(2400, 2), 29);
	assert_int_equal(date_days_in_month(2021, 9), 30);
	assert_int_equal(date_days_in_month(2021, 13), 0);
}

static void test_parse_format(void **state)
{
	char b[DATE_BUF];

	(void)state;
	assert_int_equal(D("1970-01-01"), 0);
	assert_int_equal(D("2020-03-31"), 18352);
	assert_string_equal(date_format(D("2020-02-29"), b), "2020-02-29");
	assert_string_equal(date_format(D("2000-02-29"), b), "2000-02-29");
	assert_string_equal(date_format(D("1900-01-01"), b), "1900-01-01");
	assert_string_equal(date_format(D("2999-12-31"), b), "2999-12-31");
	/* the arithmetic goes further than what is accepted as input */
	assert_string_equal(date_format(date_from_ymd(9999, 12, 31), b), "9999-12-31");
	assert_string_equal(date_format(-1, b), "1969-12-31");
	for (date_t t = D("1999-12-01"); t < D("2001-03-01"); t++)
		assert_int_equal(D(date_format(t, b)), t);

	date_bad("");
	date_bad("2020-3-31");
	date_bad("2020-03-1");
	date_bad("20-03-31");
	date_bad("2020/03/31");
	date_bad("2020-03-31 ");
	date_bad(" 2020-03-31");
	date_bad("2020-03-31T00");
	date_bad("2020-0a-31");
	date_bad("+020-03-31");
	date_bad("2020-03--1");
	date_bad("2019-02-29");
	date_bad("1900-02-29");
	date_bad("2020-02-30");
	date_bad("2020-04-31");
	date_bad("2020-00-10");
	date_bad("2020-13-01");
	date_bad("2020-01-00");
	date_bad("2020-01-32");
	date_bad("1899-12-31");
	date_bad("0000-01-01");
	/* one range everywhere: 1900..2999 */
	date_bad("3000-01-01");
	date_bad("9999-12-31");
	assert_int_equal(date_parse(NULL, &(date_t){ 0 }, NULL), JUSTE_EINVAL);
}

static void test_weekday(void **state)
{
	(void)state;
	assert_int_equal(date_weekday(0), 4);                 /* 1970-01-01 Thursday */
	assert_int_equal(date_weekday(-1), 3);
	assert_int_equal(date_weekday(-3), 1);
	assert_int_equal(date_weekday(-4), 7);
	assert_int_equal(date_weekday(D("2020-03-31")), 2);   /* Tuesday */
	assert_int_equal(date_weekday(D("2020-01-01")), 3);   /* Wednesday */
	assert_int_equal(date_weekday(D("2019-12-30")), 1);
	assert_int_equal(date_weekday(D("2021-01-03")), 7);   /* Sunday */
	assert_int_equal(date_weekday(D("1900-01-01")), 1);   /* Monday */
	assert_int_equal(date_weekday(D("2000-02-29")), 2);
	for (date_t t = -1000; t < 1000; t++) {
		int w = date_weekday(t);
		assert_true(w >= 1 && w <= 7);
		assert_int_equal(date_weekday(t + 1), w % 7 + 1);
	}
}

static void test_monday(void **state)
{
	(void)state;
	/* weeks that straddle a new year */
	assert_int_equal(date_monday(D("2020-01-01")), D("2019-12-30"));
	assert_int_equal(date_monday(D("2020-01-05")), D("2019-12-30"));
	assert_int_equal(date_monday(D("2020-01-06")), D("2020-01-06"));
	assert_int_equal(date_monday(D("2021-01-03")), D("2020-12-28"));
	assert_int_equal(date_monday(D("2019-12-30")), D("2019-12-30"));
	assert_int_equal(date_monday(D("2020-03-01")), D("2020-02-24"));
	assert_int_equal(date_monday(0), -3);
	assert_int_equal(date_monday(-4), -10);
	for (date_t t = -100; t < 100; t++) {
		date_t mo = date_monday(t);
		assert_int_equal(date_weekday(mo), 1);
		assert_true(t - mo >= 0 && t - mo <= 6);
	}
}

static void test_months(void **state)
{
	struct juste_err e = { 0 };
	int y = 0, m = 0;

	(void)state;
	assert_int_equal(date_month_parse("2020-03", &y, &m, &e), JUSTE_OK);
	assert_true(y == 2020 && m == 3);
	assert_int_equal(date_month_parse("2020-12", &y, &m, &e), JUSTE_OK);
	assert_true(y == 2020 && m == 12);
	static const char *bad[] = { "", "2020-3", "2020-13", "2020-00", "2020-03-01",
				     "2020/03", "202003", "1899-12", "3000-01", "9999-12", "2020-0x", " 2020-03" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		y = m = -1;
		assert_int_equal(date_month_parse(bad[i], &y, &m, &e), JUSTE_EINVAL);
		assert_non_null(strstr(e.msg, bad[i]));
		assert_true(e.msg[0] != '\0');
		assert_true(y == -1 && m == -1);
	}

	assert_int_equal(date_month_first(2020, 2), D("2020-02-01"));
	assert_int_equal(date_month_last(2020, 2), D("2020-02-29"));
	assert_int_equal(date_month_last(2019, 2), D("2019-02-28"));
	assert_int_equal(date_month_last(2019, 12), D("2019-12-31"));
	assert_int_equal(date_month_last(2019, 4), D("2019-04-30"));

	y = 2020; m = 11; date_month_add(&y, &m, 1);
	assert_true(y == 2020 && m == 12);
	y = 2020; m = 12; date_month_add(&y, &m, 1);
	assert_true(y == 2021 && m == 1);
	y = 2020; m = 1; date_month_add(&y, &m, -1);
	assert_true(y == 2019 && m == 12);
	y = 2020; m = 3; date_month_add(&y, &m, -15);
	assert_true(y == 2018 && m == 12);
	y = 2020; m = 3; date_month_add(&y, &m, 25);
	assert_true(y == 2022 && m == 4);
	y = 2020; m = 3; date_month_add(&y, &m, -27);
	assert_true(y == 2017 && m == 12);
	y = 2020; m = 3; date_month_add(&y, &m, 0);
	assert_true(y == 2020 && m == 3);
	y = 2020; m = 3; date_month_add(&y, &m, -24);
	assert_true(y == 2018 && m == 3);
}

static void fs_bad(const char *s)
{
	struct juste_err e = { 0 };
	struct fy_start fs = { 9, 9 };

	assert_int_equal(fy_start_parse(s, &fs, &e), JUSTE_EINVAL);
	assert_true(e.msg[0] != '\0');
	assert_non_null(strstr(e.msg, s));
	assert_true(fs.month == 9 && fs.day == 9);
}

static void test_fy_start(void **state)
{
	struct juste_err e = { 0 };
	struct fy_start fs = { 0, 0 };

	(void)state;
	assert_int_equal(fy_start_parse("04-01", &fs, &e), JUSTE_OK);
	assert_true(fs.month == 4 && fs.day == 1);
	assert_int_equal(fy_start_parse("12-31", &fs, &e), JUSTE_OK);
	assert_true(fs.month == 12 && fs.day == 31);
	assert_int_equal(fy_start_parse("02-28", &fs, &e), JUSTE_OK);
	fs_bad("02-29");
	fs_bad("02-30");
	fs_bad("04-31");
	fs_bad("13-01");
	fs_bad("00-01");
	fs_bad("04-00");
	fs_bad("4-1");
	fs_bad("04/01");
	fs_bad("2020-04-01");
	fs_bad("");
}

static void test_fy_default(void **state)
{
	struct fy_start fs = FY_START_DEFAULT;
	char b[32];

	(void)state;
	assert_int_equal(fy_of(D("2020-03-31"), fs), 2019);
	assert_int_equal(fy_of(D("2020-04-01"), fs), 2020);
	assert_int_equal(fy_of(D("2019-04-01"), fs), 2019);
	assert_int_equal(fy_of(D("2019-12-31"), fs), 2019);
	assert_int_equal(fy_of(D("2020-01-01"), fs), 2019);
	assert_int_equal(fy_first(2019, fs), D("2019-04-01"));
	assert_int_equal(fy_last(2019, fs), D("2020-03-31"));
	assert_string_equal(fy_name(2019, fs, b, sizeof b), "2019-2020");
	assert_string_equal(fy_name(1999, fs, b, sizeof b), "1999-2000");
	for (date_t t = D("2018-01-01"); t < D("2022-01-01"); t++) {
		int fy = fy_of(t, fs);
		assert_true(fy_first(fy, fs) <= t && t <= fy_last(fy, fs));
	}
}

static void test_fy_custom(void **state)
{
	struct fy_start jan = { 1, 1 }, jul = { 7, 1 }, feb = { 2, 28 };
	char b[32];

	(void)state;
	assert_int_equal(fy_of(D("2020-01-01"), jan), 2020);
	assert_int_equal(fy_of(D("2019-12-31"), jan), 2019);
	assert_int_equal(fy_first(2020, jan), D("2020-01-01"));
	assert_int_equal(fy_last(2020, jan), D("2020-12-31"));
	assert_string_equal(fy_name(2020, jan, b, sizeof b), "2020");

	assert_int_equal(fy_of(D("2020-06-30"), jul), 2019);
	assert_int_equal(fy_of(D("2020-07-01"), jul), 2020);
	assert_int_equal(fy_first(2020, jul), D("2020-07-01"));
	assert_int_equal(fy_last(2020, jul), D("2021-06-30"));
	assert_string_equal(fy_name(2020, jul, b, sizeof b), "2020-2021");

	/* a start of 02-28: the leap day is the last day of the year before */
	assert_int_equal(fy_last(2019, feb), D("2020-02-27"));
	assert_int_equal(fy_of(D("2020-02-29"), feb), 2020);
	assert_int_equal(fy_of(D("2020-02-27"), feb), 2019);
	/* a fiscal year with the leap day in it is one day longer */
	struct fy_start apr = FY_START_DEFAULT;
	assert_int_equal(fy_last(2019, apr) - fy_first(2019, apr) + 1, 366);
	assert_int_equal(fy_last(2020, apr) - fy_first(2020, apr) + 1, 365);

	/* short buffer */
	char s[6];
	assert_string_equal(fy_name(2019, apr, s, sizeof s), "2019-");
}

static void fy_bad(const char *s, struct fy_start fs)
{
	struct juste_err e = { 0 };
	int fy = -7;

	assert_int_equal(fy_parse(s, fs, &fy, &e), JUSTE_EINVAL);
	assert_true(e.msg[0] != '\0');
	assert_non_null(strstr(e.msg, s));
	assert_int_equal(fy, -7);
}

static void test_fy_parse(void **state)
{
	struct fy_start apr = FY_START_DEFAULT, jan = { 1, 1 }, jul = { 7, 1 };
	struct juste_err e = { 0 };
	char b[32];
	int fy = 0;

	(void)state;
	assert_int_equal(fy_parse("2019-2020", apr, &fy, &e), JUSTE_OK);
	assert_int_equal(fy, 2019);
	assert_int_equal(fy_parse("2020-2021", jul, &fy, &e), JUSTE_OK);
	assert_int_equal(fy, 2020);
	assert_int_equal(fy_parse("2020", jan, &fy, &e), JUSTE_OK);
	assert_int_equal(fy, 2020);
	fy_bad("2019-2021", apr);
	fy_bad("2019-2019", apr);
	fy_bad("2020-2019", apr);
	fy_bad("2019", apr);
	fy_bad("2019-20", apr);
	fy_bad("2019/2020", apr);
	fy_bad(" 2019-2020", apr);
	fy_bad("", apr);
	fy_bad("1899-1900", apr);
	fy_bad("2999-3000", apr);
	fy_bad("9998-9999", apr);
	fy_bad("2019-2020", jan);
	fy_bad("20", jan);
	fy_bad("abcd", jan);
	fy_bad("1899", jan);
	fy_bad("3000", jan);
	fy_bad("9999", jan);
	/* fy_parse inverts fy_name */
	for (int y = 1900; y < 2200; y++) {
		assert_int_equal(fy_parse(fy_name(y, apr, b, sizeof b), apr, &fy, NULL), JUSTE_OK);
		assert_int_equal(fy, y);
		assert_int_equal(fy_parse(fy_name(y, jan, b, sizeof b), jan, &fy, NULL), JUSTE_OK);
		assert_int_equal(fy, y);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_epoch),
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_parse_format),
		cmocka_unit_test(test_weekday),
		cmocka_unit_test(test_monday),
		cmocka_unit_test(test_months),
		cmocka_unit_test(test_fy_start),
		cmocka_unit_test(test_fy_default),
		cmocka_unit_test(test_fy_custom),
		cmocka_unit_test(test_fy_parse),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
