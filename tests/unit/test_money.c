/* Unit tests for money.c: parsing, formats, rounding, taxes, rates. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "juste/money.h"

#define NB "\xC2\xA0"
#define NNB "\xE2\x80\xAF"

static int64_t parse_ok(const char *s)
{
	struct juste_err e = { 0 };
	int64_t c = 0x5A5A;

	assert_int_equal(money_parse(s, &c, &e), JUSTE_OK);
	return c;
}

static void parse_bad(const char *s)
{
	struct juste_err e = { 0 };
	int64_t c = 0x5A5A;

	assert_int_equal(money_parse(s, &c, &e), JUSTE_EINVAL);
	assert_int_equal(e.code, JUSTE_EINVAL);
	assert_true(e.msg[0] != '\0');
	assert_non_null(strstr(e.msg, s));
	assert_int_equal(c, 0x5A5A); /* untouched on failure */
}

static void test_parse_forms(void **state)
{
	(void)state;
	assert_int_equal(parse_ok("1234.56"), 123456);
	assert_int_equal(parse_ok("1234,56"), 123456);
	assert_int_equal(parse_ok("1 234,56 $"), 123456);
	assert_int_equal(parse_ok("1" NB "234,56" NB "$"), 123456);
	assert_int_equal(parse_ok("1" NNB "234,56" NNB "$"), 123456);
	assert_int_equal(parse_ok("1 234.5"), 123450);
	assert_int_equal(parse_ok("$1234.56"), 123456);
	assert_int_equal(parse_ok("$ 1234.56"), 123456);
	assert_int_equal(parse_ok("1234.56$"), 123456);
	assert_int_equal(parse_ok("-12,50 $"), -1250);
	assert_int_equal(parse_ok("-$12.50"), -1250);
	assert_int_equal(parse_ok("$-12.50"), -1250);
	assert_int_equal(parse_ok("1234"), 123400);
	assert_int_equal(parse_ok("0.5"), 50);
	assert_int_equal(parse_ok("0,05"), 5);
	assert_int_equal(parse_ok("0"), 0);
	assert_int_equal(parse_ok("-0,00"), 0);
	assert_int_equal(parse_ok("  42  "), 4200);
	assert_int_equal(parse_ok("1 "), 100);
	assert_int_equal(parse_ok("4 475 852,00 $"), 447585200);
	assert_int_equal(parse_ok("12 345 678"), 1234567800);
	assert_int_equal(parse_ok("92233720368547758.07"), INT64_MAX);
	assert_int_equal(parse_ok("-92233720368547758.08"), INT64_MIN);
}

static void test_parse_refused(void **state)
{
	(void)state;
	parse_bad("");
	parse_bad("   ");
	parse_bad("abc");
	parse_bad("$");
	parse_bad("-");
	parse_bad("1.234");
	parse_bad("12.345,6");
	parse_bad("1,234.56");
	parse_bad("1.2.3");
	parse_bad("12,345");
	parse_bad("1,");
	parse_bad(".5");
	parse_bad("--5");
	parse_bad("-$-5");
	parse_bad("+5");
	parse_bad("$5$");
	parse_bad("5 $ $");
	parse_bad("12 34");
	parse_bad("1234 567");
	parse_bad("1  234");
	parse_bad("1 234 ,56");
}

/* err.c has no test file of its own; money's errors are its first user. */
static void test_err(void **state)
{
	struct juste_err e = { 0 };
	char big[2 * JUSTE_ERR_MAX];

	(void)state;
	assert_int_equal(err_set(&e, JUSTE_ENOTFOUND, "mandat '%s'", "M-1"), JUSTE_ENOTFOUND);
	assert_int_equal(e.code, JUSTE_ENOTFOUND);
	assert_string_equal(e.msg, "mandat 'M-1'");
	assert_int_equal(err_prefix(&e, "%s:%d: ", "entries.csv", 14), JUSTE_ENOTFOUND);
	assert_string_equal(e.msg, "entries.csv:14: mandat 'M-1'");
	/* arguments may point into the message itself */
	assert_int_equal(err_set(&e, JUSTE_EIO, "%s (2)", e.msg), JUSTE_EIO);
	assert_string_equal(e.msg, "entries.csv:14: mandat 'M-1' (2)");
	err_clear(&e);
	assert_int_equal(e.code, JUSTE_OK);
	assert_string_equal(e.msg, "");
	assert_int_equal(err_set(NULL, JUSTE_EINVAL, "x"), JUSTE_EINVAL);
	assert_int_not_equal(err_prefix(NULL, "x"), JUSTE_OK);
	err_clear(NULL);

	/* long texts are cut to the buffer, on a UTF-8 boundary */
	memset(big, 'a', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	err_set(&e, JUSTE_EINVAL, "%s", big);
	assert_int_equal(strlen(e.msg), JUSTE_ERR_MAX - 1);
	err_set(&e, JUSTE_EINVAL, "%s", "é");
	for (int i = 0; i < 5; i++)
		err_prefix(&e, "%.*s", JUSTE_ERR_MAX / 4, big);
	assert_int_equal(strlen(e.msg), JUSTE_ERR_MAX - 1);
	memset(big, 0, sizeof big);
	memset(big, 'a', JUSTE_ERR_MAX - 2);
	err_set(&e, JUSTE_EINVAL, "%sé", big); /* é would straddle the end */
	assert_int_equal(strlen(e.msg), JUSTE_ERR_MAX - 2);
	err_set(&e, JUSTE_EINVAL, "é");
	err_prefix(&e, "%s", big); /* same, through the prefix path */
	assert_int_equal(strlen(e.msg), JUSTE_ERR_MAX - 2);
	assert_int_equal(e.msg[JUSTE_ERR_MAX - 3], 'a');
}

static void test_parse_too_big(void **state)
{
	struct juste_err e = { 0 };
	int64_t c;

	(void)state;
	assert_int_equal(money_parse("92233720368547758.08", &c, &e), JUSTE_EINVAL);
	assert_non_null(strstr(e.msg, "92233720368547758.08"));
	assert_int_equal(money_parse("99999999999999999999999999999", &c, &e), JUSTE_EINVAL);
	assert_non_null(strstr(e.msg, "99999999999999999999999999999"));
	assert_int_equal(money_parse("-92233720368547758.09", &c, &e), JUSTE_EINVAL);
	assert_int_equal(money_parse("5", &c, NULL), JUSTE_OK); /* NULL err is fine */
	assert_int_equal(money_parse("x", &c, NULL), JUSTE_EINVAL);
}

static void test_format_fr(void **state)
{
	char b[MONEY_BUF];

	(void)state;
	assert_string_equal(money_format_fr(447585200, b, sizeof b), "4" NB "475" NB "852,00" NB "$");
	assert_string_equal(money_format_fr(-1250, b, sizeof b), "-12,50" NB "$");
	assert_string_equal(money_format_fr(0, b, sizeof b), "0,00" NB "$");
	assert_string_equal(money_format_fr(5, b, sizeof b), "0,05" NB "$");
	assert_string_equal(money_format_fr(-5, b, sizeof b), "-0,05" NB "$");
	assert_string_equal(money_format_fr(99999, b, sizeof b), "999,99" NB "$");
	assert_string_equal(money_format_fr(100000, b, sizeof b), "1" NB "000,00" NB "$");
	assert_string_equal(money_format_fr(INT64_MIN, b, sizeof b),
			    "-92" NB "233" NB "720" NB "368" NB "547" NB "758,08" NB "$");
	assert_string_equal(money_format_fr(INT64_MAX, b, sizeof b),
			    "92" NB "233" NB "720" NB "368" NB "547" NB "758,07" NB "$");
	/* A short buffer is cut, never overflowed, never mid-character. */
	char s[4];
	assert_string_equal(money_format_fr(100000, s, sizeof s), "1" NB);
	assert_string_equal(money_format_fr(100000, s, 3), "1");
	assert_string_equal(money_format_fr(1250, s, sizeof s), "12,");
	assert_string_equal(money_format_fr(1250, s, 1), "");
}

static void test_format_plain(void **state)
{
	char b[MONEY_BUF];

	(void)state;
	assert_string_equal(money_format_plain(447585200, b, sizeof b), "4475852.00");
	assert_string_equal(money_format_plain(-1250, b, sizeof b), "-12.50");
	assert_string_equal(money_format_plain(7, b, sizeof b), "0.07");
	assert_string_equal(money_format_plain(INT64_MIN, b, sizeof b), "-92233720368547758.08");
}

static void test_round_trip(void **state)
{
	static const int64_t v[] = {
		0, 1, -1, 9, 10, 99, 100, 101, 1250, -1250, 99999, 100000, -100000,
		123456789, -123456789, 447585200, 100000000000LL, -999999999999LL,
		INT64_MAX, INT64_MIN, INT64_MAX - 1, INT64_MIN + 1,
	};
	char b[MONEY_BUF];

	(void)state;
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
		assert_int_equal(parse_ok(money_format_fr(v[i], b, sizeof b)), v[i]);
		assert_int_equal(parse_ok(money_format_plain(v[i], b, sizeof b)), v[i]);
	}
	for (int64_t x = -200000; x <= 200000; x += 37) {
		assert_int_equal(parse_ok(money_format_fr(x, b, sizeof b)), x);
		assert_int_equal(parse_ok(money_format_plain(x, b, sizeof b)), x);
	}
}

static void test_div_round(void **state)
{
	(void)state;
	assert_int_equal(money_div_round(5, 10), 1);    /* half up */
	assert_int_equal(money_div_round(4, 10), 0);
	assert_int_equal(money_div_round(15, 10), 2);
	assert_int_equal(money_div_round(-5, 10), -1);  /* half away from zero */
	assert_int_equal(money_div_round(-4, 10), 0);
	assert_int_equal(money_div_round(-15, 10), -2);
	assert_int_equal(money_div_round(-16, 10), -2);
	assert_int_equal(money_div_round(1, 3), 0);
	assert_int_equal(money_div_round(2, 3), 1);
	assert_int_equal(money_div_round(-2, 3), -1);
	assert_int_equal(money_div_round(0, 7), 0);
	assert_int_equal(money_div_round(INT64_MAX, 1), INT64_MAX);
	assert_int_equal(money_div_round(INT64_MIN, 1), INT64_MIN);
	assert_int_equal(money_div_round(INT64_MAX, 2), INT64_MAX / 2 + 1);
	assert_int_equal(money_div_round(INT64_MIN, 2), INT64_MIN / 2);
}

static void test_line_amount(void **state)
{
	(void)state;
	assert_int_equal(money_line_amount(7, 9500), 1108);   /* 1108,33 */
	assert_int_equal(money_line_amount(60, 9500), 9500);
	assert_int_equal(money_line_amount(90, 9500), 14250);
	assert_int_equal(money_line_amount(1, 9500), 158);    /* 158,33 */
	assert_int_equal(money_line_amount(1, 30), 1);        /* 0,5 cent up */
	assert_int_equal(money_line_amount(1, 29), 0);        /* 0,48 down */
	assert_int_equal(money_line_amount(1, 90), 2);        /* 1,5 up */
	assert_int_equal(money_line_amount(-1, 30), -1);      /* away from zero */
	assert_int_equal(money_line_amount(-1, 90), -2);
	assert_int_equal(money_line_amount(-7, 9500), -1108);
	assert_int_equal(money_line_amount(0, 9500), 0);
	/* (minutes * rate + 30) / 60, as DOMAIN.md writes it */
	for (int64_t m = 1; m <= 1440; m += 7)
		for (int64_t r = 0; r <= 20000; r += 333)
			assert_int_equal(money_line_amount(m, r), (m * r + 30) / 60);
}

static void test_tax(void **state)
{
	struct { int64_t s, tps, tvq, total; } ex[] = {
		{ 1250, 63, 125, 1438 },
		{ 1010, 51, 101, 1162 },
		{ 10000, 500, 998, 11498 },
		{ 9999, 500, 997, 11496 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof ex / sizeof ex[0]; i++) {
		int64_t tps = money_tax(ex[i].s, 5000), tvq = money_tax(ex[i].s, 9975);
		assert_int_equal(tps, ex[i].tps);
		assert_int_equal(tvq, ex[i].tvq);
		assert_int_equal(ex[i].s + tps + tvq, ex[i].total);
		/* credit notes mirror invoices */
		assert_int_equal(money_tax(-ex[i].s, 5000), -ex[i].tps);
		assert_int_equal(money_tax(-ex[i].s, 9975), -ex[i].tvq);
	}
	assert_int_equal(money_tax(-1250, 5000), -63);
	assert_int_equal(money_tax(-1250, 9975), -125);
	assert_int_equal(money_tax(0, 9975), 0);
	assert_int_equal(money_tax(1234, 0), 0);
	assert_int_equal(money_tax(1234, TAX_RATE_SCALE), 1234);
	/* DOMAIN formulas for s >= 0 */
	for (int64_t s = 0; s <= 100000; s += 13) {
		assert_int_equal(money_tax(s, 5000), (s * 5 + 50) / 100);
		assert_int_equal(money_tax(s, 9975), (s * 9975 + 50000) / 100000);
	}
	/* no overflow on products beyond 64 bits */
	assert_int_equal(money_tax(INT64_MAX / 10, 100000), INT64_MAX / 10);
}

static void rate_ok(const char *s, int32_t want)
{
	struct juste_err e = { 0 };
	int32_t r = -1;

	assert_int_equal(money_rate_parse(s, &r, &e), JUSTE_OK);
	assert_int_equal(r, want);
}

static void rate_bad(const char *s)
{
	struct juste_err e = { 0 };
	int32_t r = -1;

	assert_int_equal(money_rate_parse(s, &r, &e), JUSTE_EINVAL);
	assert_true(e.msg[0] != '\0');
	assert_non_null(strstr(e.msg, s));
	assert_int_equal(r, -1);
}

static void test_rate_parse(void **state)
{
	(void)state;
	rate_ok("9.975", 9975);
	rate_ok("9,975", 9975);
	rate_ok("5", 5000);
	rate_ok("5 %", 5000);
	rate_ok("5%", 5000);
	rate_ok("5" NB "%", 5000);
	rate_ok("9,975" NB "%", 9975);
	rate_ok(" 12.5 ", 12500);
	rate_ok("0", 0);
	rate_ok("100", 100000);
	rate_ok("100,000", 100000);
	rate_ok("0,001", 1);
	rate_bad("");
	rate_bad("%");
	rate_bad("abc");
	rate_bad("9.9751");
	rate_bad("-5");
	rate_bad("100,001");
	rate_bad("101");
	rate_bad("99999999999999999999");
	rate_bad("5 % %");
	rate_bad("5,");
	rate_bad(",5");
	rate_bad("5 5");
}

static void test_rate_format(void **state)
{
	char b[32];
	static const int32_t v[] = { 0, 1, 10, 100, 5000, 9975, 12500, 100000, 14975 };

	(void)state;
	assert_string_equal(money_rate_format_fr(5000, b, sizeof b), "5" NB "%");
	assert_string_equal(money_rate_format_fr(9975, b, sizeof b), "9,975" NB "%");
	assert_string_equal(money_rate_format_fr(12500, b, sizeof b), "12,5" NB "%");
	assert_string_equal(money_rate_format_fr(9970, b, sizeof b), "9,97" NB "%");
	assert_string_equal(money_rate_format_fr(0, b, sizeof b), "0" NB "%");
	assert_string_equal(money_rate_format_fr(1, b, sizeof b), "0,001" NB "%");
	assert_string_equal(money_rate_format_fr(100000, b, sizeof b), "100" NB "%");
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
		rate_ok(money_rate_format_fr(v[i], b, sizeof b), v[i]);
}

/* English (Canada) puts the symbol first and groups with commas; French
 * stays money_format_fr byte for byte. */
static void test_format_lang(void **state)
{
	(void)state;
	char b[MONEY_BUF], fr[MONEY_BUF];
	assert_string_equal(money_format_lang(TEXT_LANG_EN, 137128, b, sizeof b), "$1,371.28");
	assert_string_equal(money_format_lang(TEXT_LANG_EN, -1250, b, sizeof b), "-$12.50");
	assert_string_equal(money_format_lang(TEXT_LANG_EN, 5, b, sizeof b), "$0.05");
	assert_string_equal(money_format_lang(TEXT_LANG_EN, 447585200, b, sizeof b), "$4,475,852.00");
	assert_string_equal(money_format_lang(TEXT_LANG_EN, INT64_MIN, b, sizeof b), "-$92,233,720,368,547,758.08");
	const int64_t v[] = { 0, 137128, -1250, 447585200, INT64_MAX, INT64_MIN };
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
		assert_string_equal(money_format_lang(TEXT_LANG_FR, v[i], b, sizeof b), money_format_fr(v[i], fr, sizeof fr));
	assert_string_equal(money_rate_format_lang(TEXT_LANG_EN, 9975, b, sizeof b), "9.975%");
	assert_string_equal(money_rate_format_lang(TEXT_LANG_EN, 5000, b, sizeof b), "5%");
	assert_string_equal(money_rate_format_lang(TEXT_LANG_FR, 9975, b, sizeof b), money_rate_format_fr(9975, fr, sizeof fr));
	/* short buffers are cut, never overrun */
	char s[4];
	assert_string_equal(money_format_lang(TEXT_LANG_EN, 137128, s, sizeof s), "$1,");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_forms),
		cmocka_unit_test(test_parse_refused),
		cmocka_unit_test(test_err),
		cmocka_unit_test(test_parse_too_big),
		cmocka_unit_test(test_format_fr),
		cmocka_unit_test(test_format_plain),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_div_round),
		cmocka_unit_test(test_line_amount),
		cmocka_unit_test(test_tax),
		cmocka_unit_test(test_rate_parse),
		cmocka_unit_test(test_rate_format),
		cmocka_unit_test(test_format_lang),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
