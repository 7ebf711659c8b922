/*
 * widget_list.h - the cursor of every list of the terminal interface: the
 * rows of a table, the items of a picker, the lines of a pager (the
 * report, the help).  It owns the movement once for every screen (htop's
 * Panel_onKey): which row is current, which row is first on the screen,
 * and how the movement actions of keys.h (up, down, page up, page down,
 * first, last) change them.  Screens map keys to actions (keys_lookup);
 * the list maps actions to moves, never raw key codes.
 *
 * The visible height is the one the list was last drawn in (the drawing
 * code in widgets.c sets it), never a constant: a page is that height less
 * one line, kept on the screen for context, and a resize is only a new
 * height.  After a reload the caller gives the new row count, and the
 * cursor stays on a row that exists.
 *
 * Pure (no curses), so that the movement is tested without a terminal.
 */
#ifndef JUSTE_TUI_WIDGET_LIST_H
#define JUSTE_TUI_WIDGET_LIST_H

#include "tui/keys.h"

struct widget_list {
	int nrows;
	int cur;                      /* the current row; 0 when the list is empty */
	int top;                      /* the first row shown */
	int height;                   /* rows shown by the last draw; 0 before it */
	int pager;                    /* no cursor: the moves scroll the lines */
};

/* What widget_list_key did with an action. */
enum widget_list_result {
	WIDGET_LIST_IGNORED = 0,      /* not a movement: the screen's to handle */
	WIDGET_LIST_HANDLED,          /* a movement that changed nothing (at an end) */
	WIDGET_LIST_REDRAW            /* the cursor or the lines shown changed */
};

/* Up, down, page up, page down, first, last; any other action is ignored. */
enum widget_list_result widget_list_key(struct widget_list *l, enum action a);
/* Moves the cursor (a pager: the first line shown) by delta rows, stopping
 * at the ends. */
enum widget_list_result widget_list_move(struct widget_list *l, int delta);
/* The rows one page moves: the height less one line, at least one. */
int widget_list_page(const struct widget_list *l);

/* A new row count (after a reload, a filter): the cursor stays where it
 * is, or on the last row when its row is gone. */
void widget_list_set_rows(struct widget_list *l, int nrows);
/* The rows the list has room for (when drawing): the first row shown moves
 * as little as it must for the cursor to show, and never leaves blank
 * lines under the last row while rows are hidden above. */
void widget_list_set_height(struct widget_list *l, int height);
/* Puts the cursor on row (clamped). */
void widget_list_select(struct widget_list *l, int row);
/* A new list: nrows rows, the cursor on the first, shown from the top. */
void widget_list_reset(struct widget_list *l, int nrows);
/* The current row, -1 when the list is empty (or a pager). */
int widget_list_current(const struct widget_list *l);

#endif
