/* Unit tests for date_input.c: the dates people type, against a fixed
 * today (a Monday, then a Thursday). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "juste/date_input.h"

static date_t D(const char *s)
{
	date_t t = 0;
	struct juste_err e = { 0 };
	if (date_parse(s, &t, &e) != JUSTE_OK)
		fail_msg("'%s' refused: %s", s, e.msg);
	return t;
}

/* what `in` means on `today`, as ISO text */
static const char *on(const char *today, const char *in)
{
	static char buf[DATE_BUF];
	static struct juste_err e;
	date_t t = 0;
	memset(&e, 0, sizeof e);
	if (date_input_parse(in, D(today), &t, &e) != JUSTE_OK)
		return e.msg;
	return date_format(t, buf);
}

static void bad(const char *in)
{
	date_t t = 4242;
	struct juste_err e = { 0 };
	assert_int_equal(date_input_parse(in, D("2020-03-16"), &t, &e), JUSTE_EINVAL);
	assert_true(e.msg[0] != '\0');
	assert_int_equal(t, 4242);
}

static void test_iso(void **state)
{
	(void)state;
	assert_string_equal(on("2020-03-16", "2019-12-31"), "2019-12-31");
	assert_string_equal(on("2020-03-16", "  2020-02-29 "), "2020-02-29");
	bad("2019-02-29");
	bad("2020-3-1");
	bad("3000-01-01");
}

static void test_words(void **state)
{
	(void)state;
	assert_string_equal(on("2020-03-16", "aujourd'hui"), "2020-03-16");
	assert_string_equal(on("2020-03-16", "Aujourd\u2019hui"), "2020-03-16");
	assert_string_equal(on("2020-03-16", "TODAY"), "2020-03-16");
	assert_string_equal(on("2020-03-16", "hier"), "2020-03-15");
	assert_string_equal(on("2020-03-01", "yesterday"), "2020-02-29");
	assert_string_equal(on("2021-01-01", "Hier"), "2020-12-31");
}

static void test_weekdays(void **state)
{
	(void)state;
	/* 2020-03-19 is a Thursday */
	assert_string_equal(on("2020-03-19", "lundi"), "2020-03-16");
	assert_string_equal(on("2020-03-19", "mercredi"), "2020-03-18");
	assert_string_equal(on("2020-03-19", "Wednesday"), "2020-03-18");
	assert_string_equal(on("2020-03-19", "vendredi"), "2020-03-13");
	assert_string_equal(on("2020-03-19", "dimanche"), "2020-03-15");
	assert_string_equal(on("2020-03-19", "sunday"), "2020-03-15");
	/* the same weekday as today is the one a week ago, never today */
	assert_string_equal(on("2020-03-19", "jeudi"), "2020-03-12");
	assert_string_equal(on("2020-03-16", "MONDAY"), "2020-03-09");
	assert_string_equal(on("2020-03-16", "samedi"), "2020-03-14");
	bad("lun");
	bad("lundis");
	bad("mércredi");
}

static void test_days_back(void **state)
{
	(void)state;
	assert_string_equal(on("2020-03-16", "-0"), "2020-03-16");
	assert_string_equal(on("2020-03-16", "-1"), "2020-03-15");
	assert_string_equal(on("2020-03-16", "-16"), "2020-02-29");
	assert_string_equal(on("2020-03-16", "-366"), "2019-03-16");
	bad("-");
	bad("-1j");
	bad("--1");
	bad("+1");
	bad("-99999999999999999999");
}

static void test_refusals(void **state)
{
	(void)state;
	bad("");
	bad("   ");
	bad(NULL);
	bad("demain");
	bad("aujourd hui");
	bad("a very long word that cannot be a date at all");
	date_t t;
	struct juste_err e = { 0 };
	assert_int_equal(date_input_parse("demain", D("2020-03-16"), &t, &e), JUSTE_EINVAL);
	assert_non_null(strstr(e.msg, "'demain'"));
	assert_non_null(strstr(e.msg, "hier"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_iso),
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_weekdays),
		cmocka_unit_test(test_days_back),
		cmocka_unit_test(test_refusals),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
