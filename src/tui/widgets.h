/*
 * widgets.h - the few reusable pieces every screen is made of: text drawn
 * by display width, a list drawn row by row, a table with a cursor and
 * scrolling, a one-line text input with the usual editing keys, a list
 * picker with incremental search, and boxes for dialogs.  They draw on
 * stdscr and know nothing of juste's records; the modal loops (confirm,
 * input, pick) live in tui.c because they must redraw the whole screen on
 * a resize.  Every list, table and picker moves through one widget_list
 * (widget_list.h), so up, down, pages, first and last behave alike on
 * every screen.
 */
#ifndef JUSTE_TUI_WIDGETS_H
#define JUSTE_TUI_WIDGETS_H

#include <stddef.h>
#include <wchar.h>
#include "tui/term.h"
#include "tui/widget_list.h"

/* ---- text ---------------------------------------------------------- */
enum widget_align { WIDGET_LEFT, WIDGET_RIGHT, WIDGET_CENTER };

/* Columns the UTF-8 text takes (text_width). */
int widget_width(const char *s);
/* Draws s at (y, x) in exactly `width` columns: padded, or cut with "…"
 * between graphemes (text_pad).  Returns the columns used (= width). */
int widget_text(int y, int x, const char *s, int width, enum widget_align align, attr_t attr);
/* Fills width columns with spaces. */
void widget_fill(int y, int x, int width, attr_t attr);
/* A framed box with a title; clears its inside. */
void widget_box(int y, int x, int h, int w, const char *title, attr_t attr);

/* ---- list --------------------------------------------------------- */
/* Draws one row of a list at (y, x) in w columns; current is non-zero on
 * the cursor's row. */
typedef void (*widget_list_row_fn)(void *ctx, int row, int y, int x, int w, int current);

/* Draws the rows of l that fit in h lines at (y, x), after telling l its
 * height; the lines under the last row are filled with `blank`. */
void widget_list_draw(struct widget_list *l, int y, int x, int h, int w, widget_list_row_fn row, void *ctx,
	attr_t blank);

/* ---- table --------------------------------------------------------- */
/* Columns of fixed width; row -1 is the header, row == rows.nrows the
 * footer.  The callback fills the cell's text and role. */
typedef void (*widget_table_cell_fn)(void *ctx, int row, int col, char *buf, size_t n, enum term_role *role);

struct widget_table {
	struct widget_list rows;      /* the row cursor and scrolling */
	int ncols;
	int cur_col;                  /* indexes columns >= first_cursor_col */
	int first_cursor_col;         /* columns before it are labels */
	int ncursor_cols;             /* how many columns the cursor visits */
	int header, footer;           /* draw them */
	const int *widths;
	const enum widget_align *align;
	int gap;                      /* columns after the first keep one space on their right */
};

/* The movement actions: rows through widget_list_key, and ← → between
 * the cursor's columns when it visits more than one (otherwise ignored,
 * so that the screen may use them). */
enum widget_list_result widget_table_key(struct widget_table *t, enum action a);
/* Draws at (y, x); returns the lines used. */
int widget_table_draw(struct widget_table *t, int y, int x, int h, widget_table_cell_fn cell, void *ctx);

/* ---- text input ---------------------------------------------------- */
#define WIDGET_INPUT_MAX 1024

struct widget_input {
	wchar_t buf[WIDGET_INPUT_MAX];
	int len, pos;
	int off;                      /* first character shown */
};

enum widget_input_result { WIDGET_INPUT_CONT, WIDGET_INPUT_CHANGED, WIDGET_INPUT_DONE, WIDGET_INPUT_CANCEL };

void widget_input_set(struct widget_input *in, const char *utf8);
void widget_input_get(const struct widget_input *in, char *out, size_t n);
/* One key from get_wch (is_func when it returned KEY_CODE_YES). */
enum widget_input_result widget_input_key(struct widget_input *in, int is_func, wint_t ch);
/* Draws the field in width columns and places the terminal cursor. */
void widget_input_draw(struct widget_input *in, int y, int x, int width, attr_t attr);

/* ---- picker -------------------------------------------------------- */
/* Items are given as display labels and search texts (UTF-8, not copied:
 * they must outlive the picker).  The search folds case and accents
 * (text_fold), so "era" and "Éra" both find "Coopérative Érable"; every
 * word typed must appear (text_search).  Order is kept: the caller lists
 * the recent ones first. */
struct widget_picker {
	int n;
	const char *const *labels;
	char **folded;                /* owned, text_fold of each search text */
	int *match;                   /* indexes of the items shown */
	int nmatch;                   /* how many: list.nrows */
	struct widget_list list;      /* over the matches */
	struct widget_input query;
};

int widget_picker_init(struct widget_picker *p, const char *const *labels, const char *const *search, int n);
void widget_picker_free(struct widget_picker *p);      /* NULL ok */
/* Recomputes the matches from the query text; the cursor goes to the first. */
void widget_picker_filter(struct widget_picker *p);
/* The item under the cursor, -1 when none matches. */
int widget_picker_current(const struct widget_picker *p);
void widget_picker_draw(struct widget_picker *p, int y, int x, int h, int w, int with_query, const char *prompt);

/* ---- form ---------------------------------------------------------- */
/* Labelled one-line fields edited in place: the field under the cursor is
 * a widget_input; ↑ ↓ Tab move between fields.  A refusal from the app layer
 * names its field (err.field), and widget_form_error() shows the message on a
 * line right under that field, in the error colour, and moves the cursor
 * there; other messages go under the last field. */
#define WIDGET_FORM_VALUE 512
#define WIDGET_FORM_MAX 16

struct widget_form_field {
	const char *name;             /* as err.field names it: "code" */
	const char *label;            /* shown (translated) */
	const char *hint;             /* shown dim after an empty value, or NULL */
	char value[WIDGET_FORM_VALUE];
	char error[JUSTE_ERR_MAX];
	int readonly;                 /* e.g. the code when editing */
};

struct widget_form {
	struct widget_form_field f[WIDGET_FORM_MAX];
	int n;
	int cur;
	char error[JUSTE_ERR_MAX];    /* a refusal naming no field */
	struct widget_input in;            /* the current field being edited */
	int loaded;                   /* in holds f[cur].value */
};

enum widget_form_result { WIDGET_FORM_CONT, WIDGET_FORM_SUBMIT, WIDGET_FORM_CANCEL };

/* Adds a field; returns its index (-1 when full). */
int widget_form_add(struct widget_form *fm, const char *name, const char *label, const char *value, int readonly,
	const char *hint);
/* The value of the field called name ("" when none). */
const char *widget_form_value(struct widget_form *fm, const char *name);
void widget_form_clear_errors(struct widget_form *fm);
/* Puts msg next to the field called `field` (or under the form when no
 * field has that name) and moves the cursor to it. */
void widget_form_error(struct widget_form *fm, const char *field, const char *msg);
/* ↑ ↓ Tab BTab move, Enter submits, Esc cancels, other keys edit. */
enum widget_form_result widget_form_key(struct widget_form *fm, int is_func, wint_t ch);
/* Draws at (y, x) in h lines and w columns; places the terminal cursor. */
void widget_form_draw(struct widget_form *fm, int y, int x, int h, int w);

#endif
