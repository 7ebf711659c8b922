/* Unit tests for calendar.c: Québec's statutory holidays and capacity. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "juste/calendar.h"

static date_t D(const char *s)
{
	struct juste_err e = { 0 };
	date_t t = 0;

	if (date_parse(s, &t, &e) != JUSTE_OK)
		fail_msg("'%s' refused: %s", s, e.msg);
	return t;
}

/* The year's holidays, as ISO dates in order. */
static void expect_year(int y, bool easter_monday, const char *const want[CALENDAR_STATUTORY])
{
	struct holiday h[CALENDAR_STATUTORY];
	assert_int_equal(calendar_statutory(y, easter_monday, h), CALENDAR_STATUTORY);
	for (size_t i = 0; i < CALENDAR_STATUTORY; i++) {
		char buf[DATE_BUF];
		date_format(h[i].day, buf);
		if (strcmp(buf, want[i]) != 0)
			fail_msg("%d, holiday %zu (%s): %s, expected %s", y, i, h[i].name, buf, want[i]);
		assert_true(h[i].name && h[i].name[0]);
	}
}

static void test_easter(void **state)
{
	(void)state;
	assert_int_equal(calendar_easter(2020), D("2020-04-12"));
	assert_int_equal(calendar_easter(2024), D("2024-03-31"));
	assert_int_equal(calendar_easter(2025), D("2025-04-20"));
	assert_int_equal(calendar_easter(2019), D("2019-04-21"));
	assert_int_equal(calendar_easter(2038), D("2038-04-25"));   /* the latest it can be */
	assert_int_equal(calendar_easter(2285), D("2285-03-22"));   /* the earliest */
}

/* DOMAIN.md's examples. */
static void test_2020(void **state)
{
	(void)state;
	static const char *const want[] = { "2020-01-01", "2020-04-10", "2020-05-18", "2020-06-24",
		"2020-07-01", "2020-09-07", "2020-10-12", "2020-12-25" };
	expect_year(2020, false, want);
}

static void test_2024(void **state)
{
	(void)state;
	static const char *const want[] = { "2024-01-01", "2024-03-29", "2024-05-20", "2024-06-24",
		"2024-07-01", "2024-09-02", "2024-10-14", "2024-12-25" };
	expect_year(2024, false, want);
}

static void test_2025(void **state)
{
	(void)state;
	static const char *const want[] = { "2025-01-01", "2025-04-18", "2025-05-19", "2025-06-24",
		"2025-07-01", "2025-09-01", "2025-10-13", "2025-12-25" };
	expect_year(2025, false, want);
	/* the employer may choose Easter Monday instead */
	static const char *const monday[] = { "2025-01-01", "2025-04-21", "2025-05-19", "2025-06-24",
		"2025-07-01", "2025-09-01", "2025-10-13", "2025-12-25" };
	expect_year(2025, true, monday);
}

/* 1 July 2029 is a Sunday: the holiday is Monday the 2nd; so is 24 June
 * (the 25th).  1 January and 25 December on a week-end stay there. */
static void test_sunday_moves(void **state)
{
	(void)state;
	assert_int_equal(date_weekday(D("2029-07-01")), 7);
	static const char *const want[] = { "2029-01-01", "2029-03-30", "2029-05-21", "2029-06-25",
		"2029-07-02", "2029-09-03", "2029-10-08", "2029-12-25" };
	expect_year(2029, false, want);
	struct calendar c = { 0 };
	assert_null(calendar_holiday(&c, D("2029-07-01")));
	assert_non_null(calendar_holiday(&c, D("2029-07-02")));
	/* 2022: 25 December is a Sunday and is not moved */
	assert_non_null(calendar_holiday(&c, D("2022-12-25")));
	assert_null(calendar_holiday(&c, D("2022-12-26")));
}

static void test_closures(void **state)
{
	(void)state;
	struct calendar_range r[] = { { D("2019-12-23"), D("2020-01-03"), false } };
	struct calendar c = { false, r, 1 };
	assert_non_null(calendar_holiday(&c, D("2019-12-23")));
	assert_string_equal(calendar_holiday(&c, D("2019-12-27")), "");
	assert_string_equal(calendar_holiday(&c, D("2019-12-25")), "Noël");   /* the statutory name wins */
	assert_non_null(calendar_holiday(&c, D("2020-01-03")));
	assert_null(calendar_holiday(&c, D("2020-01-06")));
	assert_null(calendar_holiday(&c, D("2019-12-20")));
}

/* October 2020, 35 h a week (7 h a day), worked out by hand:
 *   weekdays: 1-2, 5-9, 12-16, 19-23, 26-30 = 22;
 *   Thanksgiving 12 October (statutory) and a closure on Friday the 30th:
 *   20 working days = 140 h;
 *   a half day away on the 20th (3 h 30), and absences that take nothing
 *   more: Saturday the 24th, and the holiday of the 12th;
 *   capacity 140 h - 3 h 30 = 136 h 30 = 8190 min. */
static void test_capacity_month(void **state)
{
	(void)state;
	struct calendar_range closure[] = { { D("2020-10-30"), D("2020-10-30"), false } };
	struct calendar c = { false, closure, 1 };
	struct calendar_range away[] = {
		{ D("2020-10-20"), D("2020-10-20"), true },
		{ D("2020-10-24"), D("2020-10-24"), false },
		{ D("2020-10-12"), D("2020-10-12"), false },
	};
	struct capacity_query q = { 35 * 60, D("2020-10-01"), D("2020-10-31"), DATE_NONE, DATE_NONE,
		D("2021-01-01"), away, 3 };
	struct capacity k;
	calendar_capacity(&c, &q, &k);
	assert_int_equal(k.weekdays, 22);
	assert_int_equal(k.holiday_days, 2);
	assert_int_equal(k.working_days, 20);
	assert_int_equal(k.absent_halves, 1);
	assert_int_equal(k.minutes, 136 * 60 + 30);
	assert_int_equal(k.gross, 22 * 7 * 60);
	assert_int_equal(k.holidays, 2 * 7 * 60);
	assert_int_equal(k.absences, 3 * 60 + 30);
	assert_int_equal(k.gross - k.holidays - k.absences, k.minutes);

	/* two half days on the same day make a whole one, never more */
	struct calendar_range twice[] = {
		{ D("2020-10-20"), D("2020-10-20"), true },
		{ D("2020-10-20"), D("2020-10-21"), true },
		{ D("2020-10-21"), D("2020-10-21"), false },
	};
	q.absences = twice;
	q.nabsences = 3;
	calendar_capacity(&c, &q, &k);
	assert_int_equal(k.absent_halves, 4);
	assert_int_equal(k.minutes, 18 * 7 * 60);
}

/* A running period counts up to today; the days before the start or after
 * the departure are not counted; part time is pro rata. */
static void test_capacity_bounds(void **state)
{
	(void)state;
	struct calendar c = { 0 };
	struct capacity_query q = { 35 * 60, D("2020-10-01"), D("2020-10-31"), DATE_NONE, DATE_NONE,
		D("2020-10-15"), NULL, 0 };
	struct capacity k;
	calendar_capacity(&c, &q, &k);
	/* 1-2, 5-9, 13-15 (12 is Thanksgiving) */
	assert_int_equal(k.working_days, 10);
	assert_int_equal(k.minutes, 10 * 7 * 60);
	assert_int_equal(k.last, D("2020-10-15"));

	q.today = D("2030-01-01");
	q.started = D("2020-10-06");
	q.left = D("2020-10-16");
	calendar_capacity(&c, &q, &k);
	/* 6-9, 13-16 */
	assert_int_equal(k.working_days, 8);
	assert_int_equal(k.minutes, 8 * 7 * 60);

	q.weekly_minutes = 21 * 60;   /* three days a week: 4 h 12 a day */
	calendar_capacity(&c, &q, &k);
	assert_int_equal(k.minutes, 8 * 252);

	/* a period that has not begun, or no capacity, counts nothing */
	q.today = D("2020-10-01");
	calendar_capacity(&c, &q, &k);
	assert_int_equal(k.minutes, 0);
	assert_int_equal(k.weekdays, 0);
	q.today = D("2030-01-01");
	q.weekly_minutes = 0;
	calendar_capacity(&c, &q, &k);
	assert_int_equal(k.minutes, 0);
}

/* The holidays of the closure of issue's example: 2019-12-23 to 2020-01-05
 * has 10 weekdays, 25 December and 1 January among them; with the centre's
 * closure to 2020-01-03, nothing is left. */
static void test_capacity_closure(void **state)
{
	(void)state;
	struct capacity_query q = { 35 * 60, D("2019-12-23"), D("2020-01-05"), DATE_NONE, DATE_NONE,
		D("2021-01-01"), NULL, 0 };
	struct capacity k;
	struct calendar none = { 0 };
	calendar_capacity(&none, &q, &k);
	assert_int_equal(k.weekdays, 10);
	assert_int_equal(k.holiday_days, 2);
	assert_int_equal(k.minutes, 8 * 7 * 60);
	struct calendar_range r[] = { { D("2019-12-23"), D("2020-01-03"), false } };
	struct calendar c = { false, r, 1 };
	calendar_capacity(&c, &q, &k);
	assert_int_equal(k.minutes, 0);
	assert_int_equal(k.holidays, k.gross);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_easter),
		cmocka_unit_test(test_2020),
		cmocka_unit_test(test_2024),
		cmocka_unit_test(test_2025),
		cmocka_unit_test(test_sunday_moves),
		cmocka_unit_test(test_closures),
		cmocka_unit_test(test_capacity_month),
		cmocka_unit_test(test_capacity_bounds),
		cmocka_unit_test(test_capacity_closure),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
