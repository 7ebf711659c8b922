/* Unit tests for budgetcalc.c: the percent of a budget used, its
 * thresholds reached exactly, and a threshold crossed once. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "juste/budgetcalc.h"

static void test_pct(void **state)
{
	(void)state;
	struct budget_use u = { 600, 237, 100000, 40375 };
	assert_int_equal(budgetcalc_pct(&u), 404);   /* dollars 40,4 % beat hours 39,5 % */
	u.used_cents = 0;
	assert_int_equal(budgetcalc_pct(&u), 395);
	struct budget_use none = { 0, 500, 0, 9999 };
	assert_int_equal(budgetcalc_pct(&none), 0);
	assert_int_equal(budgetcalc_level(&none), 0);
	assert_int_equal(budgetcalc_past(&none), 0);
}

static void test_levels(void **state)
{
	(void)state;
	struct budget_use u = { 600, 479, 0, 0 };
	assert_int_equal(budgetcalc_level(&u), 0);   /* 79,83 %: rounds to 79,8, not 80 */
	u.used_minutes = 480;
	assert_int_equal(budgetcalc_level(&u), 80);
	u.used_minutes = 599;
	assert_int_equal(budgetcalc_level(&u), 80);   /* 99,8 % */
	assert_int_equal(budgetcalc_past(&u), 0);
	u.used_minutes = 600;
	assert_int_equal(budgetcalc_level(&u), 100);
	assert_int_equal(budgetcalc_past(&u), 0);     /* reaching it is allowed */
	u.used_minutes = 601;
	assert_int_equal(budgetcalc_past(&u), 1);
	/* 99,96 % in dollars rounds to 100,0 % but has not reached it */
	struct budget_use d = { 0, 0, 250000, 249900 };
	assert_int_equal(budgetcalc_pct(&d), 1000);
	assert_int_equal(budgetcalc_level(&d), 80);
	d.used_cents = 250001;
	assert_int_equal(budgetcalc_past(&d), 1);
}

static void test_crossed(void **state)
{
	(void)state;
	struct budget_use a = { 600, 420, 0, 0 }, b = a;
	b.used_minutes = 480;
	assert_int_equal(budgetcalc_crossed(&a, &b), 80);
	a = b;
	b.used_minutes = 510;
	assert_int_equal(budgetcalc_crossed(&a, &b), 0);   /* not again */
	b.used_minutes = 700;
	assert_int_equal(budgetcalc_crossed(&a, &b), 100);
	a.used_minutes = 0;
	assert_int_equal(budgetcalc_crossed(&a, &b), 100);   /* both at once: the higher */
	assert_int_equal(budgetcalc_crossed(&b, &a), 0);     /* going down warns of nothing */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pct),
		cmocka_unit_test(test_levels),
		cmocka_unit_test(test_crossed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
