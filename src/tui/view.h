/*
 * view.h - a screen is a struct of callbacks, and views.c lists them all.
 *
 * To add a screen (Facturation, Utilisation, Données, Rapport): write
 * view_NAME.c defining `const struct view view_NAME`, declare it below and
 * add it to the registry in views.c with its F-key and the roles that may
 * open it.  The main loop (tui.c) owns the bars, the message line, help and
 * quitting; a screen draws its body and handles the actions of its scope.
 *
 * The helpers below are for screens: they show a message, or run a modal
 * dialog (confirm, text input, picker) that keeps the screen redrawn under
 * it, resize included.
 */
#ifndef JUSTE_TUI_VIEW_H
#define JUSTE_TUI_VIEW_H

#include <stdarg.h>
#include "juste/app.h"
#include "juste/week.h"
#include "tui/keys.h"
#include "tui/term.h"
#include "tui/widgets.h"

struct tui;

/* What a screen's request callback returns. */
enum view_result {
	VIEW_IGNORED = 0,     /* not for me: try the global actions */
	VIEW_HANDLED = 1
};

struct view {
	const char *name;             /* "week" */
	const char *title;            /* N_("Ma semaine") */
	int fkey;                     /* 2 for F2 */
	int roles;                    /* role bits that may open it */
	int scopes;                   /* key scopes it uses besides KS_G */
	size_t state_size;            /* zeroed for open, freed after close */
	juste_status (*open)(struct tui *t, void *state, struct juste_err *e);
	/* Draws the body: lines y .. y+h-1, columns 0 .. w-1. */
	void (*draw)(struct tui *t, void *state, int y, int h, int w);
	/* An action from the key table, or a plain key (act == ACT_NONE) with
	 * ch / is_func as get_wch gave them. */
	enum view_result (*request)(struct tui *t, void *state, enum action act, int is_func, wint_t ch);
	/* Non-zero when something typed would be lost by quitting; NULL when
	 * the screen writes everything at once. */
	int (*unsaved)(struct tui *t, void *state);
	/* The main actions the bottom bar lists. */
	const enum action *bar;
	int nbar;
	void (*close)(struct tui *t, void *state);
	/* Reads the screen's data again keeping its cursor: the database
	 * changed (anyone's write), or r / ^L.  Says nothing unless it fails.
	 * NULL: the screen's request(ACT_REFRESH) is called instead. */
	void (*reload)(struct tui *t, void *state);
	/* What its help adds to the key table: pairs of keys and text for
	 * keys outside it (typing a duration), NULL-terminated; or NULL. */
	const char *const *help_notes;
};

extern const struct view view_week;
extern const struct view view_billing;
extern const struct view view_util;
extern const struct view view_data;
extern const struct view view_report;

/* The registry, in F-key order. */
extern const struct view *const tui_views[];
extern const int tui_nviews;

struct tui {
	struct app *app;
	int cur;                      /* index in tui_views */
	void *state[8];
	int opened[8];
	char msg[JUSTE_ERR_MAX + 64];
	enum term_role msg_role;
	struct week_timer timer;      /* the user's, re-read every few seconds */
	long timer_read_at;           /* monotonic seconds */
	int quit;
	uint64_t stamp;               /* app_data_stamp() when last compared */
	int stale[8];                 /* an opened screen to reload before it shows */
};

/* Reads the current screen again now (r, ^L, after a change in the
 * database); the other opened screens when they next show. */
void tui_reload(struct tui *t);

/* The message line: info (done) or error (refused, with the reason). */
void tui_info(struct tui *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void tui_error(struct tui *t, const struct juste_err *e);
void tui_clear_message(struct tui *t);

/* Reads the running timer now (after starting or stopping it). */
void tui_timer_refresh(struct tui *t);

/* Redraws everything: bars, current screen, message line. */
void tui_draw(struct tui *t);

/* Modal dialogs.  confirm: 1 for yes (o/y), 0 otherwise.  input: 1 when
 * validated with Enter, out filled; 0 on Esc.  pick: the chosen index, or
 * -1 on Esc; with search == 0 the list has no query line and the keys in
 * `extra` also close it, their action returned through *act. */
int tui_confirm(struct tui *t, const char *question);
int tui_input(struct tui *t, const char *prompt, const char *initial, char *out, size_t n);
/* As tui_input, for a cell of a grid: also validated by Tab, → at the end
 * of the text, ↓, and Enter; *how says which (TUI_GO_RIGHT for Tab and →,
 * TUI_GO_DOWN for ↓ and Enter).  Returns 1 when validated, 0 on Esc. */
enum tui_go { TUI_GO_NONE, TUI_GO_RIGHT, TUI_GO_DOWN };
int tui_input_cell(struct tui *t, const char *prompt, const char *initial, char *out, size_t n, enum tui_go *how);
/* A text in a box, wrapped, read-only (a locked entry's note); the
 * movement keys scroll, any other key closes. */
void tui_show_text(struct tui *t, const char *title, const char *text);
int tui_pick(struct tui *t, const char *title, const char *const *labels, const char *const *search, int n,
	int search_mode, const enum action *extra, int nextra, enum action *act);

/* A form in a box over the screen.  Enter calls submit(ctx, fm):
 * it returns 1 when saved (the form closes and tui_form returns 1), or 0
 * after putting the refusal next to its field with widget_form_error (the form
 * stays open).  Esc returns 0. */
int tui_form(struct tui *t, const char *title, struct widget_form *fm, int (*submit)(struct tui *t, void *ctx,
	struct widget_form *fm), void *ctx);

/* Reads one key, with ncurses' KEY_RESIZE and the quit flag handled by the
 * caller; Enter is always '\r'.  Returns ERR on timeout. */
int tui_getkey(int *is_func, wint_t *ch);

#endif
