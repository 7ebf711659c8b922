/* Unit tests for tui/widget_list.c, the movement every list of the
 * terminal interface shares: the cursor stays on a row, the view scrolls
 * only as far as the cursor needs, a page is the drawn height less one
 * line, a reload or a resize keeps the cursor on a row that exists and
 * leaves no blank lines under the last row, and a pager scrolls lines
 * without a cursor.  Linked with that one file, no terminal. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <limits.h>
#include <cmocka.h>

#include "tui/widget_list.h"

/* a list of n rows drawn in h lines, cursor on the first */
static struct widget_list list(int n, int h)
{
	struct widget_list l = { 0 };
	widget_list_reset(&l, n);
	widget_list_set_height(&l, h);
	return l;
}

static void at(const struct widget_list *l, int cur, int top)
{
	assert_int_equal(l->cur, cur);
	assert_int_equal(l->top, top);
}

static void test_up_down(void **state)
{
	(void)state;
	struct widget_list l = list(5, 10);
	assert_int_equal(widget_list_key(&l, ACT_UP), WIDGET_LIST_HANDLED);   /* at the top already */
	at(&l, 0, 0);
	assert_int_equal(widget_list_key(&l, ACT_DOWN), WIDGET_LIST_REDRAW);
	at(&l, 1, 0);
	for (int i = 0; i < 10; i++)
		widget_list_key(&l, ACT_DOWN);
	at(&l, 4, 0);
	assert_int_equal(widget_list_key(&l, ACT_DOWN), WIDGET_LIST_HANDLED);
	assert_int_equal(widget_list_current(&l), 4);
	assert_int_equal(widget_list_key(&l, ACT_UP), WIDGET_LIST_REDRAW);
	at(&l, 3, 0);
}

static void test_not_movement(void **state)
{
	(void)state;
	struct widget_list l = list(5, 10);
	widget_list_key(&l, ACT_DOWN);
	const enum action others[] = { ACT_NONE, ACT_LEFT, ACT_RIGHT, ACT_EDIT, ACT_QUIT, ACT_SORT, ACT_BACK };
	for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) {
		assert_int_equal(widget_list_key(&l, others[i]), WIDGET_LIST_IGNORED);
		at(&l, 1, 0);
	}
}

/* The view follows the cursor by the least it can: down past the last
 * visible row, the cursor sits on the bottom line; back up, the view
 * stays until the cursor reaches its top. */
static void test_scrolls_minimally(void **state)
{
	(void)state;
	struct widget_list l = list(50, 10);
	for (int i = 0; i < 9; i++)
		widget_list_key(&l, ACT_DOWN);
	at(&l, 9, 0);
	widget_list_key(&l, ACT_DOWN);
	at(&l, 10, 1);
	for (int i = 0; i < 10; i++)
		widget_list_key(&l, ACT_DOWN);
	at(&l, 20, 11);
	widget_list_key(&l, ACT_UP);
	at(&l, 19, 11);                /* the view did not move */
	for (int i = 0; i < 8; i++)
		widget_list_key(&l, ACT_UP);
	at(&l, 11, 11);
	widget_list_key(&l, ACT_UP);
	at(&l, 10, 10);
}

static void test_pages(void **state)
{
	(void)state;
	struct widget_list l = list(50, 17);
	assert_int_equal(widget_list_page(&l), 16);
	widget_list_key(&l, ACT_PAGE_DOWN);
	at(&l, 16, 0);                 /* still on the first screen: one line of context */
	widget_list_key(&l, ACT_PAGE_DOWN);
	at(&l, 32, 16);
	widget_list_key(&l, ACT_PAGE_DOWN);
	widget_list_key(&l, ACT_PAGE_DOWN);
	at(&l, 49, 33);                /* stops on the last row, the last page full */
	assert_int_equal(widget_list_key(&l, ACT_PAGE_DOWN), WIDGET_LIST_HANDLED);
	widget_list_key(&l, ACT_PAGE_UP);
	at(&l, 33, 33);
	widget_list_key(&l, ACT_PAGE_UP);
	at(&l, 17, 17);
	widget_list_key(&l, ACT_PAGE_UP);
	widget_list_key(&l, ACT_PAGE_UP);
	at(&l, 0, 0);
	/* not drawn yet, or in one line: a page is one row */
	struct widget_list u = { 0 };
	widget_list_reset(&u, 50);
	assert_int_equal(widget_list_page(&u), 1);
	widget_list_key(&u, ACT_PAGE_DOWN);
	assert_int_equal(u.cur, 1);
	u = list(50, 1);
	assert_int_equal(widget_list_page(&u), 1);
}

static void test_first_last(void **state)
{
	(void)state;
	struct widget_list l = list(50, 10);
	assert_int_equal(widget_list_key(&l, ACT_LAST), WIDGET_LIST_REDRAW);
	at(&l, 49, 40);
	assert_int_equal(widget_list_key(&l, ACT_LAST), WIDGET_LIST_HANDLED);
	assert_int_equal(widget_list_key(&l, ACT_FIRST), WIDGET_LIST_REDRAW);
	at(&l, 0, 0);
	assert_int_equal(widget_list_key(&l, ACT_FIRST), WIDGET_LIST_HANDLED);
}

static void test_empty(void **state)
{
	(void)state;
	struct widget_list l = list(0, 10);
	const enum action moves[] = { ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_FIRST, ACT_LAST };
	for (size_t i = 0; i < sizeof moves / sizeof moves[0]; i++) {
		assert_int_equal(widget_list_key(&l, moves[i]), WIDGET_LIST_HANDLED);
		at(&l, 0, 0);
		assert_int_equal(widget_list_current(&l), -1);
	}
	widget_list_select(&l, 3);
	assert_int_equal(widget_list_current(&l), -1);
	at(&l, 0, 0);
}

/* After a reload the cursor keeps its row when it still exists, else goes
 * to the last one; it comes back to row 0 when the list empties. */
static void test_reload(void **state)
{
	(void)state;
	struct widget_list l = list(50, 10);
	widget_list_select(&l, 30);
	at(&l, 30, 21);
	widget_list_set_rows(&l, 40);
	at(&l, 30, 21);
	widget_list_set_rows(&l, 25);
	at(&l, 24, 15);
	widget_list_set_rows(&l, 3);
	at(&l, 2, 0);
	widget_list_set_rows(&l, 0);
	at(&l, 0, 0);
	assert_int_equal(widget_list_current(&l), -1);
	widget_list_set_rows(&l, 8);
	assert_int_equal(widget_list_current(&l), 0);
	widget_list_select(&l, -5);
	at(&l, 0, 0);
	widget_list_select(&l, 99);
	at(&l, 7, 0);
	widget_list_reset(&l, 20);
	at(&l, 0, 0);
}

/* A resize is a new height: the cursor stays visible, and a taller window
 * shows the rows hidden above instead of blank lines below. */
static void test_resize(void **state)
{
	(void)state;
	struct widget_list l = list(50, 17);
	widget_list_key(&l, ACT_LAST);
	at(&l, 49, 33);
	widget_list_set_height(&l, 36);
	at(&l, 49, 14);
	widget_list_set_height(&l, 60);
	at(&l, 49, 0);
	widget_list_set_height(&l, 5);
	at(&l, 49, 45);
	widget_list_select(&l, 20);
	at(&l, 20, 20);
	widget_list_set_height(&l, 0);               /* no room: still a row shown */
	at(&l, 20, 20);
	widget_list_set_height(&l, 17);
	at(&l, 20, 20);
	widget_list_set_height(&l, 40);
	at(&l, 20, 10);
}

/* A pager (the report, the help) has no cursor: the moves scroll, the
 * last page is a full one. */
static void test_pager(void **state)
{
	(void)state;
	struct widget_list l = { .pager = 1 };
	widget_list_reset(&l, 80);
	widget_list_set_height(&l, 21);
	assert_int_equal(widget_list_current(&l), -1);
	assert_int_equal(widget_list_key(&l, ACT_UP), WIDGET_LIST_HANDLED);
	assert_int_equal(widget_list_key(&l, ACT_DOWN), WIDGET_LIST_REDRAW);
	assert_int_equal(l.top, 1);
	widget_list_key(&l, ACT_PAGE_DOWN);
	assert_int_equal(l.top, 21);
	widget_list_key(&l, ACT_LAST);
	assert_int_equal(l.top, 59);
	assert_int_equal(widget_list_key(&l, ACT_DOWN), WIDGET_LIST_HANDLED);
	assert_int_equal(widget_list_key(&l, ACT_PAGE_DOWN), WIDGET_LIST_HANDLED);
	assert_int_equal(l.top, 59);
	widget_list_key(&l, ACT_PAGE_UP);
	assert_int_equal(l.top, 39);
	widget_list_set_height(&l, 40);             /* a taller terminal */
	assert_int_equal(l.top, 39);
	widget_list_set_height(&l, 70);
	assert_int_equal(l.top, 10);
	widget_list_key(&l, ACT_FIRST);
	assert_int_equal(l.top, 0);
	/* shorter than the window: nothing scrolls */
	widget_list_set_rows(&l, 12);
	assert_int_equal(widget_list_key(&l, ACT_LAST), WIDGET_LIST_HANDLED);
	assert_int_equal(widget_list_key(&l, ACT_PAGE_DOWN), WIDGET_LIST_HANDLED);
	assert_int_equal(l.top, 0);
}

static void test_large_moves(void **state)
{
	(void)state;
	struct widget_list l = list(INT_MAX, INT_MAX - 1);
	widget_list_key(&l, ACT_LAST);
	assert_int_equal(l.cur, INT_MAX - 1);
	assert_int_equal(widget_list_move(&l, INT_MAX), WIDGET_LIST_HANDLED);
	assert_int_equal(l.cur, INT_MAX - 1);
	widget_list_move(&l, INT_MIN);
	assert_int_equal(l.cur, 0);
	widget_list_move(&l, 3);
	assert_int_equal(l.cur, 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_up_down),
		cmocka_unit_test(test_not_movement),
		cmocka_unit_test(test_scrolls_minimally),
		cmocka_unit_test(test_pages),
		cmocka_unit_test(test_first_last),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_reload),
		cmocka_unit_test(test_resize),
		cmocka_unit_test(test_pager),
		cmocka_unit_test(test_large_moves),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
