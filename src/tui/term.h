/*
 * term.h - the terminal layer: the only code that starts and stops curses.
 *
 * Promises: after term_init() succeeds, the terminal is given back in the
 * state it was found in whatever happens: term_finish() on the normal path
 * (also registered with atexit), and on a crash signal (SEGV, BUS, FPE,
 * ILL, ABRT) a handler that does only async-signal-safe work (tcsetattr and
 * write of precomputed terminfo strings) before dying with the signal.
 * SIGINT, SIGTERM and SIGHUP only raise a flag the main loop reads, so the
 * program leaves through its normal path.  Window size changes come from
 * ncurses as KEY_RESIZE; there is no SIGWINCH handler of ours.
 *
 * Colours are chosen by role through one table with a monochrome column,
 * used when the terminal has no colours or NO_COLOR is set.
 */
#ifndef JUSTE_TUI_TERM_H
#define JUSTE_TUI_TERM_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <curses.h>
#include "juste/err.h"

enum term_role {
	TR_NORMAL,
	TR_TOPBAR,        /* the bar of screens */
	TR_TAB_ACTIVE,    /* the current screen in it */
	TR_BOTTOMBAR,
	TR_KEY,           /* a key name in the bottom bar */
	TR_TITLE,         /* a screen's own title line */
	TR_HEADER,        /* table header */
	TR_CURSOR,        /* the cell under the cursor */
	TR_CURSOR_ROW,    /* the rest of the cursor's row */
	TR_LOCKED,        /* a value that can no longer change */
	TR_TOTAL,
	TR_OVER,          /* over capacity */
	TR_TODAY,
	TR_ERROR,         /* message line: refusal */
	TR_INFO,          /* message line: done */
	TR_TIMER,
	TR_DIALOG,
	TR_DIM,
	TR_COUNT
};

juste_status term_init(struct juste_err *e);
void term_finish(void);            /* idempotent */
int term_active(void);
int term_has_colour(void);
attr_t term_attr(enum term_role r);
/* Tints the top bar by the user's role bit (ROLE_EXPERT ...). */
void term_set_user_role(int role_bit);
/* Set by SIGINT, SIGTERM, SIGHUP. */
int term_quit_requested(void);

#endif
