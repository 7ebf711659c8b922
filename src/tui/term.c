/*
 * term.c - curses start and stop, colour roles, and giving the terminal
 * back on every way out.
 */
#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "juste/i18n.h"
#include "juste/model.h"
#include "tui/term.h"

struct role_style {
	short fg, bg;
	attr_t colour;    /* extra attributes with colours */
	attr_t mono;      /* the whole style without colours */
};

static const struct role_style styles[TR_COUNT] = {
	[TR_NORMAL]     = { -1, -1, 0, 0 },
	[TR_TOPBAR]     = { COLOR_WHITE, COLOR_BLUE, 0, A_REVERSE },
	[TR_TAB_ACTIVE] = { COLOR_BLACK, COLOR_CYAN, A_BOLD, A_BOLD },
	[TR_BOTTOMBAR]  = { COLOR_WHITE, COLOR_BLUE, 0, A_REVERSE },
	[TR_KEY]        = { COLOR_YELLOW, COLOR_BLUE, A_BOLD, A_REVERSE | A_BOLD },
	[TR_TITLE]      = { COLOR_CYAN, -1, A_BOLD, A_BOLD },
	[TR_HEADER]     = { COLOR_YELLOW, -1, A_BOLD, A_BOLD | A_UNDERLINE },
	[TR_CURSOR]     = { COLOR_BLACK, COLOR_YELLOW, 0, A_REVERSE },
	[TR_CURSOR_ROW] = { -1, -1, A_BOLD, A_BOLD },
	[TR_LOCKED]     = { COLOR_MAGENTA, -1, 0, A_DIM },
	[TR_TOTAL]      = { -1, -1, A_BOLD, A_BOLD },
	[TR_OVER]       = { COLOR_RED, -1, A_BOLD, A_BOLD | A_UNDERLINE },
	[TR_TODAY]      = { COLOR_GREEN, -1, A_BOLD, A_BOLD | A_UNDERLINE },
	[TR_ERROR]      = { COLOR_WHITE, COLOR_RED, A_BOLD, A_REVERSE | A_BOLD },
	[TR_INFO]       = { COLOR_GREEN, -1, 0, 0 },
	[TR_TIMER]      = { COLOR_BLACK, COLOR_GREEN, A_BOLD, A_BOLD },
	[TR_DIALOG]     = { -1, -1, 0, 0 },
	[TR_DIM]        = { -1, -1, A_DIM, A_DIM },
};

static volatile sig_atomic_t active;
static volatile sig_atomic_t quit_flag;
static int colour;
static int atexit_done;
static struct termios saved_tio;
static int have_tio;
/* rmcup, cnorm and sgr0 of the terminal, copied at init so the crash
 * handler only has to write() them. */
static char reset_seq[256];
static size_t reset_len;

static void seq_add(const char *cap)
{
	char *s = tigetstr((char *)cap);
	if (!s || s == (char *)-1)
		return;
	size_t n = strlen(s);
	if (reset_len + n < sizeof reset_seq) {
		memcpy(reset_seq + reset_len, s, n);
		reset_len += n;
	}
}

static void on_crash(int sig)
{
	/* async-signal-safe only: no curses, no stdio, no malloc */
	if (active) {
		if (reset_len)
			(void)!write(STDOUT_FILENO, reset_seq, reset_len);
		(void)!write(STDOUT_FILENO, "\r\n", 2);
		if (have_tio)
			tcsetattr(STDIN_FILENO, TCSANOW, &saved_tio);
		active = 0;
	}
	signal(sig, SIG_DFL);
	raise(sig);
}

static void on_quit(int sig)
{
	(void)sig;
	quit_flag = 1;
}

static void install_handlers(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_crash;
	sa.sa_flags = SA_RESETHAND;
	int crash[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT };
	for (size_t i = 0; i < sizeof crash / sizeof crash[0]; i++)
		sigaction(crash[i], &sa, NULL);
	/* Installed before initscr(), so ncurses keeps ours: these end the
	 * loop, and the normal path restores the terminal. */
	sa.sa_handler = on_quit;
	sa.sa_flags = 0;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

static void setup_colours(void)
{
	colour = has_colors() && !getenv("NO_COLOR");
	if (!colour)
		return;
	start_color();
	use_default_colors();
	for (int r = 1; r < TR_COUNT; r++)
		init_pair((short)r, styles[r].fg, styles[r].bg);
}

juste_status term_init(struct juste_err *e)
{
	if (active)
		return JUSTE_OK;
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return err_set(e, JUSTE_EUSAGE, N_("l'interface plein écran demande un terminal (voir juste --help pour les commandes)"));
	have_tio = tcgetattr(STDIN_FILENO, &saved_tio) == 0;
	install_handlers();
	if (!initscr())
		return err_set(e, JUSTE_EIO, N_("terminal inutilisable (TERM=%s)"), getenv("TERM") ? getenv("TERM") : "");
	active = 1;
	if (!atexit_done) {
		atexit(term_finish);
		atexit_done = 1;
	}
	reset_len = 0;
	seq_add("sgr0");
	seq_add("cnorm");
	seq_add("rmcup");
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	setup_colours();
	return JUSTE_OK;
}

void term_finish(void)
{
	if (!active)
		return;
	active = 0;
	curs_set(1);
	endwin();
}

int term_active(void)
{
	return active;
}

int term_has_colour(void)
{
	return colour;
}

attr_t term_attr(enum term_role r)
{
	if (r <= TR_NORMAL || r >= TR_COUNT)
		return A_NORMAL;
	if (!colour)
		return styles[r].mono;
	return COLOR_PAIR(r) | styles[r].colour;
}

void term_set_user_role(int role_bit)
{
	if (!colour)
		return;
	short bg = COLOR_BLUE;
	if (role_bit & ROLE_ADMIN)
		bg = COLOR_RED;
	else if (role_bit & ROLE_GESTIONNAIRE)
		bg = COLOR_MAGENTA;
	else if (role_bit & ROLE_COMMIS)
		bg = COLOR_GREEN;
	init_pair(TR_TOPBAR, COLOR_WHITE, bg);
}

int term_quit_requested(void)
{
	return quit_flag;
}
