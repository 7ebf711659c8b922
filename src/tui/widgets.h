/*
 * widgets.h - the few reusable pieces every screen is made of: text drawn
 * by display width, a table with a cursor and scrolling, a one-line text
 * input with the usual editing keys, a list picker with incremental search,
 * and boxes for dialogs.  They draw on stdscr and know nothing of juste's
 * records; the modal loops (confirm, input, pick) live in tui.c because
 * they must redraw the whole screen on a resize.
 */
#ifndef JUSTE_TUI_WIDGETS_H
#define JUSTE_TUI_WIDGETS_H

#include <stddef.h>
#include <wchar.h>
#include "tui/term.h"

/* ---- text ---------------------------------------------------------- */
enum w_align { W_LEFT, W_RIGHT, W_CENTER };

/* Columns the UTF-8 text takes (text_width). */
int w_width(const char *s);
/* Draws s at (y, x) in exactly `width` columns: padded, or cut with "…"
 * between graphemes (text_pad).  Returns the columns used (= width). */
int w_text(int y, int x, const char *s, int width, enum w_align align, attr_t attr);
/* Fills width columns with spaces. */
void w_fill(int y, int x, int width, attr_t attr);
/* A framed box with a title; clears its inside. */
void w_box(int y, int x, int h, int w, const char *title, attr_t attr);

/* ---- table --------------------------------------------------------- */
/* Columns of fixed width; row -1 is the header, row == nrows the footer.
 * The callback fills the cell's text and role. */
typedef void (*w_table_cell_fn)(void *ctx, int row, int col, char *buf, size_t n, enum term_role *role);

struct w_table {
	int nrows, ncols;
	int cur_row, cur_col;         /* cur_col indexes columns >= first_cursor_col */
	int top;                      /* first visible row */
	int first_cursor_col;         /* columns before it are labels */
	int ncursor_cols;             /* how many columns the cursor visits */
	int header, footer;           /* draw them */
	const int *widths;
	const enum w_align *align;
};

/* Keeps the cursor inside the table and visible in `h` body lines. */
void w_table_clamp(struct w_table *t, int body_h);
/* Draws at (y, x); returns the lines used. */
int w_table_draw(struct w_table *t, int y, int x, int h, w_table_cell_fn cell, void *ctx);

/* ---- text input ---------------------------------------------------- */
#define W_INPUT_MAX 1024

struct w_input {
	wchar_t buf[W_INPUT_MAX];
	int len, pos;
	int off;                      /* first character shown */
};

enum w_input_result { W_INPUT_CONT, W_INPUT_CHANGED, W_INPUT_DONE, W_INPUT_CANCEL };

void w_input_set(struct w_input *in, const char *utf8);
void w_input_get(const struct w_input *in, char *out, size_t n);
/* One key from get_wch (is_func when it returned KEY_CODE_YES). */
enum w_input_result w_input_key(struct w_input *in, int is_func, wint_t ch);
/* Draws the field in width columns and places the terminal cursor. */
void w_input_draw(struct w_input *in, int y, int x, int width, attr_t attr);

/* ---- picker -------------------------------------------------------- */
/* Items are given as display labels and search texts (UTF-8, not copied:
 * they must outlive the picker).  The search folds case and accents
 * (text_fold), so "era" and "Éra" both find "Coopérative Érable"; every
 * word typed must appear (text_search).  Order is kept: the caller lists
 * the recent ones first. */
struct w_picker {
	int n;
	const char *const *labels;
	char **folded;                /* owned, text_fold of each search text */
	int *match;                   /* indexes of the items shown */
	int nmatch;
	int cur, top;
	struct w_input query;
};

int w_picker_init(struct w_picker *p, const char *const *labels, const char *const *search, int n);
void w_picker_free(struct w_picker *p);      /* NULL ok */
/* Recomputes the matches from the query text. */
void w_picker_filter(struct w_picker *p);
/* The item under the cursor, -1 when none matches. */
int w_picker_current(const struct w_picker *p);
void w_picker_move(struct w_picker *p, int delta, int page);
void w_picker_draw(struct w_picker *p, int y, int x, int h, int w, int with_query, const char *prompt);

/* ---- form (issue 6) ------------------------------------------------ */
/* Labelled one-line fields edited in place: the field under the cursor is
 * a w_input; ↑ ↓ Tab move between fields.  A refusal from the app layer
 * names its field (err.field), and w_form_error() shows the message on a
 * line right under that field, in the error colour, and moves the cursor
 * there; other messages go under the last field. */
#define W_FORM_VALUE 512
#define W_FORM_MAX 16

struct w_form_field {
	const char *name;             /* as err.field names it: "code" */
	const char *label;            /* shown (translated) */
	const char *hint;             /* shown dim after an empty value, or NULL */
	char value[W_FORM_VALUE];
	char error[JUSTE_ERR_MAX];
	int readonly;                 /* e.g. the code when editing */
};

struct w_form {
	struct w_form_field f[W_FORM_MAX];
	int n;
	int cur;
	char error[JUSTE_ERR_MAX];    /* a refusal naming no field */
	struct w_input in;            /* the current field being edited */
	int loaded;                   /* in holds f[cur].value */
};

enum w_form_result { W_FORM_CONT, W_FORM_SUBMIT, W_FORM_CANCEL };

/* Adds a field; returns its index (-1 when full). */
int w_form_add(struct w_form *fm, const char *name, const char *label, const char *value, int readonly,
	const char *hint);
/* The value of the field called name ("" when none). */
const char *w_form_value(struct w_form *fm, const char *name);
void w_form_clear_errors(struct w_form *fm);
/* Puts msg next to the field called `field` (or under the form when no
 * field has that name) and moves the cursor to it. */
void w_form_error(struct w_form *fm, const char *field, const char *msg);
/* ↑ ↓ Tab BTab move, Enter submits, Esc cancels, other keys edit. */
enum w_form_result w_form_key(struct w_form *fm, int is_func, wint_t ch);
/* Draws at (y, x) in h lines and w columns; places the terminal cursor. */
void w_form_draw(struct w_form *fm, int y, int x, int h, int w);

#endif
