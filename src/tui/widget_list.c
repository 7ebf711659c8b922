/*
 * widget_list.c - the movement of every list: cursor, first row shown,
 * pages.  No curses here (see widget_list.h); tests/unit/test_widget_list.c
 * links this file alone.
 */
#include "tui/widget_list.h"

/* Brings cursor and first row back inside the list and the window: the
 * one place every move, reload and resize ends. */
static void clamp(struct widget_list *l)
{
	int h = l->height > 0 ? l->height : 1;
	if (l->nrows < 0)
		l->nrows = 0;
	if (l->pager) {
		/* the last page is a full one: no scrolling into blank lines */
		l->cur = 0;
		if (l->top > l->nrows - h)
			l->top = l->nrows - h;
		if (l->top < 0)
			l->top = 0;
		return;
	}
	if (l->cur >= l->nrows)
		l->cur = l->nrows - 1;
	if (l->cur < 0)
		l->cur = 0;
	/* the view moves only as far as the cursor needs */
	if (l->cur < l->top)
		l->top = l->cur;
	if (l->cur - l->top >= h)               /* not top + h: no overflow */
		l->top = l->cur - h + 1;
	if (l->top > l->nrows - h)
		l->top = l->nrows - h;
	if (l->top < 0)
		l->top = 0;
}

int widget_list_page(const struct widget_list *l)
{
	return l->height > 1 ? l->height - 1 : 1;
}

/* Sets the cursor (a pager: the first line) to row, then clamps; says
 * whether anything changed. */
static enum widget_list_result go(struct widget_list *l, long row)
{
	int cur = l->cur, top = l->top;
	long max = l->nrows > 0 ? l->nrows : 0;
	/* long: a page from INT_MAX - 1 does not overflow */
	if (row > max)
		row = max;
	if (row < -1)
		row = -1;
	if (l->pager)
		l->top = (int)row;
	else
		l->cur = (int)row;
	clamp(l);
	return l->cur != cur || l->top != top ? WIDGET_LIST_REDRAW : WIDGET_LIST_HANDLED;
}

enum widget_list_result widget_list_move(struct widget_list *l, int delta)
{
	return go(l, (long)(l->pager ? l->top : l->cur) + delta);
}

enum widget_list_result widget_list_key(struct widget_list *l, enum action a)
{
	switch (a) {
	case ACT_UP: return widget_list_move(l, -1);
	case ACT_DOWN: return widget_list_move(l, 1);
	case ACT_PAGE_UP: return widget_list_move(l, -widget_list_page(l));
	case ACT_PAGE_DOWN: return widget_list_move(l, widget_list_page(l));
	case ACT_FIRST: return go(l, 0);
	case ACT_LAST: return go(l, l->pager ? l->nrows : l->nrows - 1);
	default: return WIDGET_LIST_IGNORED;
	}
}

void widget_list_set_rows(struct widget_list *l, int nrows)
{
	l->nrows = nrows;
	clamp(l);
}

void widget_list_set_height(struct widget_list *l, int height)
{
	l->height = height > 0 ? height : 0;
	clamp(l);
}

void widget_list_select(struct widget_list *l, int row)
{
	l->cur = row;
	clamp(l);
}

void widget_list_reset(struct widget_list *l, int nrows)
{
	l->nrows = nrows;
	l->cur = l->top = 0;
	clamp(l);
}

int widget_list_current(const struct widget_list *l)
{
	if (l->pager || l->nrows <= 0 || l->cur < 0 || l->cur >= l->nrows)
		return -1;
	return l->cur;
}
