/* Unit tests for duration.c: every input form, refusals, formats. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "juste/duration.h"

#define NB "\xC2\xA0"

static int parse_ok(const char *s)
{
	struct juste_err e = { 0 };
	int m = -12345;

	if (duration_parse(s, &m, &e) != JUSTE_OK)
		fail_msg("'%s' refused: %s", s, e.msg);
	return m;
}

/* Refused with a message naming the input; want is a piece of it. */
static void parse_bad(const char *s, const char *want)
{
	struct juste_err e = { 0 };
	int m = -12345;

	assert_int_equal(duration_parse(s, &m, &e), JUSTE_EINVAL);
	assert_int_equal(e.code, JUSTE_EINVAL);
	assert_true(e.msg[0] != '\0');
	assert_non_null(strstr(e.msg, s));
	if (want != NULL && strstr(e.msg, want) == NULL)
		fail_msg("'%s': message '%s' lacks '%s'", s, e.msg, want);
	assert_int_equal(m, -12345);
}

static void test_hours_minutes(void **state)
{
	(void)state;
	assert_int_equal(parse_ok("1h30"), 90);
	assert_int_equal(parse_ok("1 h 30"), 90);
	assert_int_equal(parse_ok("1H30"), 90);
	assert_int_equal(parse_ok("1h"), 60);
	assert_int_equal(parse_ok("1 h"), 60);
	assert_int_equal(parse_ok("2h05"), 125);
	assert_int_equal(parse_ok("2h5"), 125);
	assert_int_equal(parse_ok("2h05m"), 125);
	assert_int_equal(parse_ok("2h05min"), 125);
	assert_int_equal(parse_ok("2 h 05 min"), 125);
	assert_int_equal(parse_ok("0h01"), 1);
	assert_int_equal(parse_ok("0h59"), 59);
	assert_int_equal(parse_ok("24h"), 1440);
	assert_int_equal(parse_ok("24h00"), 1440);
	assert_int_equal(parse_ok("  1h30  "), 90);
	assert_int_equal(parse_ok("\t1h30" NB), 90);
}

static void test_colon(void **state)
{
	(void)state;
	assert_int_equal(parse_ok("1:30"), 90);
	assert_int_equal(parse_ok("0:05"), 5);
	assert_int_equal(parse_ok("10:00"), 600);
	assert_int_equal(parse_ok("24:00"), 1440);
	assert_int_equal(parse_ok("23:59"), 1439);
}

static void test_minutes(void **state)
{
	(void)state;
	assert_int_equal(parse_ok("90m"), 90);
	assert_int_equal(parse_ok("90 min"), 90);
	assert_int_equal(parse_ok("90M"), 90);
	assert_int_equal(parse_ok("90MIN"), 90);
	assert_int_equal(parse_ok("1m"), 1);
	assert_int_equal(parse_ok("1440m"), 1440);
	assert_int_equal(parse_ok("007m"), 7);
}

static void test_decimal_hours(void **state)
{
	(void)state;
	assert_int_equal(parse_ok("1,5"), 90);
	assert_int_equal(parse_ok("1.5"), 90);
	assert_int_equal(parse_ok("1,5h"), 90);
	assert_int_equal(parse_ok("1.5 h"), 90);
	assert_int_equal(parse_ok("1,5H"), 90);
	assert_int_equal(parse_ok("2"), 120);
	assert_int_equal(parse_ok("0,25"), 15);
	assert_int_equal(parse_ok("0,75"), 45);
	assert_int_equal(parse_ok("7,00"), 420);
	assert_int_equal(parse_ok("24,0"), 1440);
	/* rounded to the nearest minute, half up */
	assert_int_equal(parse_ok("0,01"), 1);      /* 0.6 min */
	assert_int_equal(parse_ok("0,1"), 6);
	assert_int_equal(parse_ok("0,333"), 20);    /* 19.98 */
	assert_int_equal(parse_ok("0,0084"), 1);    /* 0.504 min */
	assert_int_equal(parse_ok("1,0125"), 61);   /* 60.75 */
	assert_int_equal(parse_ok("1,0041"), 60);   /* 60.246 */
	assert_int_equal(parse_ok("23,999"), 1440); /* 1439.94 */
}

static void test_refused(void **state)
{
	(void)state;
	parse_bad("", "attendu");
	parse_bad("   ", "attendu");
	parse_bad("abc", "attendu");
	parse_bad("h", "attendu");
	parse_bad("1h30x", "attendu");
	parse_bad("1 30", "attendu");
	parse_bad("1:5", "attendu");
	parse_bad("1:300", "attendu");
	parse_bad(":30", "attendu");
	parse_bad("1:", "attendu");
	parse_bad("1:30h", "attendu");
	parse_bad("1h300", "attendu");
	parse_bad("1hm", "attendu");
	parse_bad("1h30h", "attendu");
	parse_bad("1,5m", "attendu");
	parse_bad("1,5h30", "attendu");
	parse_bad("1,", "attendu");
	parse_bad(",5", "attendu");
	parse_bad("1.5.5", "attendu");
	parse_bad("1,5,5", "attendu");
	parse_bad("+1h", "attendu");
	parse_bad("90 minutes", "attendu");
	parse_bad("1h30m30", "attendu");
	parse_bad("1,1234567", "décimales");
	parse_bad("1h60", "60");
	parse_bad("0:60", "60");
	parse_bad("-1h", "négative");
	parse_bad("-30m", "négative");
	parse_bad(" -1,5", "négative");
	parse_bad("0", "nulle");
	parse_bad("0h", "nulle");
	parse_bad("0h00", "nulle");
	parse_bad("0:00", "nulle");
	parse_bad("0m", "nulle");
	parse_bad("0,0", "nulle");
	parse_bad("0,001", "nulle");   /* 0.06 min rounds to nothing */
	parse_bad("0,0083", "nulle");  /* 0.498 min */
	parse_bad("25h", "24 h");
	parse_bad("24h01", "24 h");
	parse_bad("24:01", "24 h");
	parse_bad("1441m", "24 h");
	parse_bad("24,01", "24 h");
	parse_bad("25", "24 h");
	parse_bad("99999999999999999999999h", "24 h");
	parse_bad("99999999999999999999999m", "24 h");
	parse_bad("99999999999999999999999,5", "24 h");
}

static void test_null_err(void **state)
{
	int m = 0;

	(void)state;
	assert_int_equal(duration_parse("1h", &m, NULL), JUSTE_OK);
	assert_int_equal(m, 60);
	assert_int_equal(duration_parse("nope", &m, NULL), JUSTE_EINVAL);
	assert_int_equal(duration_parse(NULL, &m, NULL), JUSTE_EINVAL);
}

static void test_format(void **state)
{
	char b[DURATION_BUF];

	(void)state;
	assert_string_equal(duration_format(90, b, sizeof b), "1h30");
	assert_string_equal(duration_format(5, b, sizeof b), "0h05");
	assert_string_equal(duration_format(0, b, sizeof b), "0h00");
	assert_string_equal(duration_format(600, b, sizeof b), "10h00");
	assert_string_equal(duration_format(420, b, sizeof b), "7h00");
	assert_string_equal(duration_format(4506000, b, sizeof b), "75100h00");
	assert_string_equal(duration_format(-90, b, sizeof b), "-1h30");
	assert_string_equal(duration_format(-5, b, sizeof b), "-0h05");
	/* what it prints, it reads back */
	for (int m = 1; m <= DURATION_MAX_MINUTES; m++)
		assert_int_equal(parse_ok(duration_format(m, b, sizeof b)), m);
}

static void test_format_hours(void **state)
{
	char b[DURATION_BUF];

	(void)state;
	assert_string_equal(duration_format_hours_fr(90, b, sizeof b), "1,50");
	assert_string_equal(duration_format_hours_fr(4506000, b, sizeof b), "75" NB "100,00");
	assert_string_equal(duration_format_hours_fr(0, b, sizeof b), "0,00");
	assert_string_equal(duration_format_hours_fr(1, b, sizeof b), "0,02");   /* 0.01666 */
	assert_string_equal(duration_format_hours_fr(20, b, sizeof b), "0,33");  /* 0.3333 */
	assert_string_equal(duration_format_hours_fr(40, b, sizeof b), "0,67");  /* 0.6666 */
	assert_string_equal(duration_format_hours_fr(3, b, sizeof b), "0,05");   /* exactly */
	assert_string_equal(duration_format_hours_fr(59, b, sizeof b), "0,98");  /* 0.98333 */
	assert_string_equal(duration_format_hours_fr(60 * 999, b, sizeof b), "999,00");
	assert_string_equal(duration_format_hours_fr(60 * 1000, b, sizeof b), "1" NB "000,00");
	assert_string_equal(duration_format_hours_fr(60 * 1234567, b, sizeof b),
			    "1" NB "234" NB "567,00");
	assert_string_equal(duration_format_hours_fr(-90, b, sizeof b), "-1,50");
	assert_string_equal(duration_format_hours_fr(-1, b, sizeof b), "-0,02");
	assert_string_equal(duration_format_hours_fr(-60 * 1000, b, sizeof b), "-1" NB "000,00");

	assert_string_equal(duration_format_hours_plain(90, b, sizeof b), "1.50");
	assert_string_equal(duration_format_hours_plain(4506000, b, sizeof b), "75100.00");
	assert_string_equal(duration_format_hours_plain(1, b, sizeof b), "0.02");
	assert_string_equal(duration_format_hours_plain(20, b, sizeof b), "0.33");
	assert_string_equal(duration_format_hours_plain(0, b, sizeof b), "0.00");
	assert_string_equal(duration_format_hours_plain(-90, b, sizeof b), "-1.50");

	/* short buffers are cut, never overflowed, never inside U+00A0 */
	char s[3];
	assert_string_equal(duration_format_hours_fr(60 * 1000, s, sizeof s), "1");
	assert_string_equal(duration_format(600, s, sizeof s), "10");
	assert_string_equal(duration_format_hours_plain(600, s, sizeof s), "10");
}

static void test_hours_lang(void **state)
{
	(void)state;
	char b[64], fr[64];
	assert_string_equal(duration_format_hours_lang(TEXT_LANG_EN, 90, b, sizeof b), "1.50");
	assert_string_equal(duration_format_hours_lang(TEXT_LANG_EN, 4506000, b, sizeof b), "75,100.00");
	assert_string_equal(duration_format_hours_lang(TEXT_LANG_EN, -45, b, sizeof b), "-0.75");
	assert_string_equal(duration_format_hours_lang(TEXT_LANG_FR, 4506000, b, sizeof b),
		duration_format_hours_fr(4506000, fr, sizeof fr));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hours_minutes),
		cmocka_unit_test(test_colon),
		cmocka_unit_test(test_minutes),
		cmocka_unit_test(test_decimal_hours),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_null_err),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_format_hours),
		cmocka_unit_test(test_hours_lang),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
