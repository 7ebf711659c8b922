/* Unit tests for costcalc.c: the at-cost arithmetic on small examples
 * worked by hand, the sharing by largest remainder, and the refusals. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "juste/costcalc.h"

/*
 * Worked by hand:
 *   A: 2 people, salaries 100 000,00 $, benefits 20 %, 1 000 h each
 *      -> 2 000 h, loaded 120 000,00 $
 *   B: 1 person, salaries 50 000,00 $, benefits 10 %, 1 000 h
 *      -> 1 000 h, loaded 55 000,00 $
 *   overhead 30 000,00 $ by hours: A 20 000, B 10 000
 *   surplus 3 000,00 $ by hours: A 2 000, B 1 000
 *   A: (120 000 + 20 000 + 2 000) / 2 000 h = 71,00 $/h
 *      (60,00 loaded + 10,00 overhead + 1,00 surplus)
 *   B: (55 000 + 10 000 + 1 000) / 1 000 h = 66,00 $/h
 *   expenses 175 000 + 30 000 = 205 000,00; needed 208 000,00;
 *   products 71 x 2 000 + 66 x 1 000 = 208 000,00: no rounding.
 */
static void test_worked_example(void **state)
{
	(void)state;
	const struct cost_level levels[] = {
		{ "A", 2, 10000000, 20000, 1000 },
		{ "B", 1, 5000000, 10000, 1000 },
	};
	struct cost_input in = { 2020, 3000000, 300000, levels, 2 };
	struct cost_line l[2];
	struct cost_result r;
	struct juste_err e = { 0 };
	assert_int_equal(costcalc_compute(&in, l, &r, &e), JUSTE_OK);
	assert_int_equal(l[0].hours, 2000);
	assert_int_equal(l[0].loaded_cents, 12000000);
	assert_int_equal(l[0].overhead_cents, 2000000);
	assert_int_equal(l[0].surplus_cents, 200000);
	assert_int_equal(l[0].hourly_loaded_cents, 6000);
	assert_int_equal(l[0].hourly_overhead_cents, 1000);
	assert_int_equal(l[0].hourly_surplus_cents, 100);
	assert_int_equal(l[0].rate_cents, 7100);
	assert_int_equal(l[1].hours, 1000);
	assert_int_equal(l[1].loaded_cents, 5500000);
	assert_int_equal(l[1].rate_cents, 6600);
	assert_int_equal(r.hours, 3000);
	assert_int_equal(r.expenses_cents, 20500000);
	assert_int_equal(r.needed_cents, 20800000);
	assert_int_equal(r.products_cents, 20800000);
	assert_int_equal(r.rounding_cents, 0);
	assert_int_equal(r.surplus_cents, 300000);
}

/*
 * With rounding: one level of 3 people x 1 000 h, salaries 80 000,00 $,
 * benefits 25 % -> 100 000,00 $; overhead 0; surplus 0.
 * 100 000,00 / 3 000 h = 33,3333 -> 33,33 $/h; products 99 990,00:
 * the rounding difference is -10,00 $, reported, not hidden.
 */
static void test_rounding_reported(void **state)
{
	(void)state;
	const struct cost_level levels[] = { { "X", 3, 8000000, 25000, 1000 } };
	struct cost_input in = { 2020, 0, 0, levels, 1 };
	struct cost_line l[1];
	struct cost_result r;
	assert_int_equal(costcalc_compute(&in, l, &r, NULL), JUSTE_OK);
	assert_int_equal(l[0].rate_cents, 3333);
	assert_int_equal(r.needed_cents, 10000000);
	assert_int_equal(r.products_cents, 9999000);
	assert_int_equal(r.rounding_cents, -1000);
	assert_int_equal(r.surplus_cents, -1000);
	/* a half cent goes up: 2 h for 1,01 $ -> 0,505 -> 0,51 */
	const struct cost_level half[] = { { "H", 1, 101, 0, 2 } };
	struct cost_input in2 = { 2020, 0, 0, half, 1 };
	assert_int_equal(costcalc_compute(&in2, l, &r, NULL), JUSTE_OK);
	assert_int_equal(l[0].rate_cents, 51);
	assert_int_equal(r.rounding_cents, 1);
}

static void test_benefits_rounding(void **state)
{
	(void)state;
	/* 12 345,67 $ x 22,5 % = 2 777,77575 -> 2 777,78 (half up) */
	const struct cost_level levels[] = { { "X", 1, 1234567, 22500, 1000 } };
	struct cost_input in = { 2020, 0, 0, levels, 1 };
	struct cost_line l[1];
	struct cost_result r;
	assert_int_equal(costcalc_compute(&in, l, &r, NULL), JUSTE_OK);
	assert_int_equal(l[0].loaded_cents, 1234567 + 277778);
}

static void test_share(void **state)
{
	(void)state;
	int64_t w3[] = { 1, 1, 1 }, out[3];
	costcalc_share(100, w3, 3, out);
	assert_int_equal(out[0], 34);   /* ties: the earlier level */
	assert_int_equal(out[1], 33);
	assert_int_equal(out[2], 33);
	int64_t w2[] = { 1, 2 };
	costcalc_share(100, w2, 2, out);
	assert_int_equal(out[0], 33);   /* 33,33 */
	assert_int_equal(out[1], 67);   /* 66,67: the larger remainder */
	costcalc_share(-100, w2, 2, out);
	assert_int_equal(out[0] + out[1], -100);
	assert_int_equal(out[1], -67);
	int64_t w4[] = { 8800, 27600, 7200, 7000 }, o4[4];
	costcalc_share(50351900, w4, 4, o4);
	assert_int_equal(o4[0] + o4[1] + o4[2] + o4[3], 50351900);
}

static void test_change(void **state)
{
	(void)state;
	assert_int_equal(costcalc_change_bp(9500, 10000), 526);
	assert_int_equal(costcalc_change_bp(10000, 9500), -500);
	assert_int_equal(costcalc_change_bp(0, 9500), 0);
}

static void test_refusals(void **state)
{
	(void)state;
	struct cost_line l[2];
	struct cost_result r;
	struct juste_err e = { 0 };
	struct cost_input none = { 2020, 0, 0, NULL, 0 };
	assert_int_equal(costcalc_compute(&none, l, &r, &e), JUSTE_EINVAL);
	const struct cost_level zero[] = { { "Z", 0, 100, 0, 1000 } };
	struct cost_input in = { 2020, 0, 0, zero, 1 };
	assert_int_equal(costcalc_compute(&in, l, &r, &e), JUSTE_EINVAL);
	assert_non_null(strstr(e.msg, "Z"));
	const struct cost_level nohours[] = { { "N", 1, 100, 0, 0 } };
	in.levels = nohours;
	assert_int_equal(costcalc_compute(&in, l, &r, &e), JUSTE_EINVAL);
	const struct cost_level benefits[] = { { "B", 1, 100, 100001, 10 } };
	in.levels = benefits;
	assert_int_equal(costcalc_compute(&in, l, &r, &e), JUSTE_EINVAL);
	const struct cost_level free_level[] = { { "F", 1, 0, 0, 10 } };
	in.levels = free_level;   /* nothing to cover: a rate of 0 is refused */
	assert_int_equal(costcalc_compute(&in, l, &r, &e), JUSTE_EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_worked_example),
		cmocka_unit_test(test_rounding_reported),
		cmocka_unit_test(test_benefits_rounding),
		cmocka_unit_test(test_share),
		cmocka_unit_test(test_change),
		cmocka_unit_test(test_refusals),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
