/*
 * tui.c - the main loop: top bar (screens the role may open, running
 * timer), the current screen, the message line, the bottom bar of main
 * keys; help, switching screens, quitting; and the modal dialogs screens
 * use.  Everything is redrawn from the models on each pass, so a resize
 * (KEY_RESIZE from ncurses) is just another redraw.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "juste/i18n.h"
#include "juste/text.h"
#include "tui/tui.h"
#include "tui/view.h"

#define MIN_LINES 10
#define MIN_COLS 40
#define TIMER_REREAD_S 2
#define IDLE_TICK_MS 400

static long mono_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec;
}

static int allowed(const struct tui *t, int i)
{
	return (tui_views[i]->roles & app_role(t->app)) != 0;
}

/* ------------------------------------------------------------- messages */

void tui_info(struct tui *t, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(t->msg, sizeof t->msg, fmt, ap);
	va_end(ap);
	t->msg_role = TR_INFO;
}

void tui_error(struct tui *t, const struct juste_err *e)
{
	snprintf(t->msg, sizeof t->msg, "%s", e->msg[0] ? e->msg : _("refusé"));
	t->msg_role = TR_ERROR;
}

void tui_clear_message(struct tui *t)
{
	t->msg[0] = '\0';
}

void tui_timer_refresh(struct tui *t)
{
	struct week_timer tm;
	struct juste_err e = { 0 };
	if (week_timer_status(t->app, &tm, &e) == JUSTE_OK)
		t->timer = tm;
	t->timer_read_at = mono_now();
}

int tui_getkey(int *is_func, wint_t *ch)
{
	int r = get_wch(ch);
	if (r == ERR)
		return ERR;
	*is_func = r == KEY_CODE_YES;
	if (*is_func && *ch == KEY_ENTER) {
		*is_func = 0;
		*ch = '\r';
	}
	if (!*is_func && *ch == '\n')
		*ch = '\r';
	return OK;
}

/* ----------------------------------------------------------------- bars */

static void draw_top(struct tui *t)
{
	attr_t bar = term_attr(TR_TOPBAR);
	widget_fill(0, 0, COLS, bar);
	int x = widget_text(0, 0, " juste ", 7, WIDGET_LEFT, bar | A_BOLD);
	for (int i = 0; i < tui_nviews; i++) {
		if (!allowed(t, i))
			continue;
		char tab[128];
		snprintf(tab, sizeof tab, " F%d %s ", tui_views[i]->fkey, _(tui_views[i]->title));
		int w = widget_width(tab);
		if (x + w >= COLS)
			break;
		x += widget_text(0, x, tab, w, WIDGET_LEFT, i == t->cur ? term_attr(TR_TAB_ACTIVE) : bar);
	}
	char right[NAME_LEN + 80];
	attr_t ra = bar;
	if (t->timer.running) {
		char el[32];
		long secs = (long)(time(NULL) - t->timer.started_at);
		snprintf(right, sizeof right, " %s %s %s ", _("Chrono"), t->timer.mandate,
			week_elapsed_format(secs, el, sizeof el));
		ra = term_attr(TR_TIMER);
	} else {
		/* who and with which role; on a narrow bar the login, then the
		 * role alone, rather than a role cut in the middle */
		const struct expert *u = app_user(t->app);
		const char *role = vocab_role_label(u->role);
		snprintf(right, sizeof right, " %s (%s) ", u->name, role);
		if (widget_width(right) > COLS - x - 1)
			snprintf(right, sizeof right, " %s (%s) ", u->login, role);
		if (widget_width(right) > COLS - x - 1)
			snprintf(right, sizeof right, " %s ", role);
	}
	int rw = widget_width(right);
	if (rw > COLS - x - 1)
		rw = COLS - x - 1;
	if (rw > 0)
		widget_text(0, COLS - rw, right, rw, WIDGET_RIGHT, ra);
}

static int bar_item_width(enum action a)
{
	char k[32];
	keys_first(a, k, sizeof k);
	return widget_width(k) + 1 + widget_width(keys_label(a)) + 2;
}

static int bar_item(int x, enum action a)
{
	char k[40], item[96];
	keys_first(a, k + 1, sizeof k - 1);
	k[0] = ' ';
	snprintf(item, sizeof item, " %s ", keys_label(a));
	x += widget_text(LINES - 1, x, k, widget_width(k), WIDGET_LEFT, term_attr(TR_KEY));
	return x + widget_text(LINES - 1, x, item, widget_width(item), WIDGET_LEFT, term_attr(TR_BOTTOMBAR));
}

/* The screen's main keys, then help and quit, which always show: the
 * screen's last items give way first on a narrow terminal. */
static void draw_bottom(struct tui *t)
{
	widget_fill(LINES - 1, 0, COLS, term_attr(TR_BOTTOMBAR));
	const struct view *v = tui_views[t->cur];
	int room = COLS - bar_item_width(ACT_HELP) - bar_item_width(ACT_QUIT);
	int n = 0, used = 0;
	while (allowed(t, t->cur) && n < v->nbar && used + bar_item_width(v->bar[n]) <= room)
		used += bar_item_width(v->bar[n++]);
	int x = 0;
	for (int i = 0; i < n; i++)
		x = bar_item(x, v->bar[i]);
	if (room >= 0) {
		x = bar_item(x, ACT_HELP);
		bar_item(x, ACT_QUIT);
	}
}

static void draw_message(struct tui *t)
{
	widget_fill(LINES - 2, 0, COLS, A_NORMAL);
	if (t->msg[0])
		widget_text(LINES - 2, 0, t->msg, COLS, WIDGET_LEFT, term_attr(t->msg_role));
}

void tui_draw(struct tui *t)
{
	curs_set(0);
	erase();
	if (LINES < MIN_LINES || COLS < MIN_COLS) {
		widget_text(0, 0, _("Terminal trop petit"), COLS, WIDGET_LEFT, A_BOLD);
		refresh();
		return;
	}
	/* a timer started or stopped from another terminal shows up here */
	if (mono_now() - t->timer_read_at >= TIMER_REREAD_S)
		tui_timer_refresh(t);
	draw_top(t);
	const struct view *v = tui_views[t->cur];
	if (allowed(t, t->cur)) {
		v->draw(t, t->state[t->cur], 1, LINES - 3, COLS);
	} else {
		/* reached by its key without the role: the refusal, nothing else */
		char why[256];
		snprintf(why, sizeof why, _("%s : permission refusée pour le rôle %s"), _(v->title),
			vocab_role_label(app_user(t->app)->role));
		widget_text(2, 1, why, COLS - 2, WIDGET_LEFT, term_attr(TR_ERROR));
	}
	draw_message(t);
	draw_bottom(t);
	refresh();
}

/* --------------------------------------------------------------- dialogs */

int tui_confirm(struct tui *t, const char *question)
{
	char yes[96];
	snprintf(yes, sizeof yes, "%s", _("[o] oui    [n] non"));
	for (;;) {
		if (term_quit_requested())
			return 0;
		tui_draw(t);
		if (LINES >= MIN_LINES && COLS >= MIN_COLS) {
			int w = widget_width(question) + 6;
			if (w < 40)
				w = 40;
			if (w > COLS - 2)
				w = COLS - 2;
			int x = (COLS - w) / 2, y = (LINES - 6) / 2;
			widget_box(y, x, 6, w, _("Confirmer"), term_attr(TR_DIALOG));
			widget_text(y + 2, x + 2, question, w - 4, WIDGET_LEFT, term_attr(TR_DIALOG) | A_BOLD);
			widget_text(y + 3, x + 2, yes, w - 4, WIDGET_LEFT, term_attr(TR_DIALOG));
			refresh();
		}
		int f;
		wint_t ch;
		if (tui_getkey(&f, &ch) == ERR || (f && ch == KEY_RESIZE))
			continue;
		if (!f && (ch == 'o' || ch == 'O' || ch == 'y' || ch == 'Y'))
			return 1;
		if (!f && (ch == 'n' || ch == 'N' || ch == 27 || ch == 'q'))
			return 0;
	}
}

/* The line editor of tui_input and tui_input_cell: in a cell, Tab, ↓ and
 * → at the end of the text also validate, and say where to go next. */
static int input_line(struct tui *t, const char *prompt, const char *initial, char *out, size_t n, enum tui_go *how)
{
	struct widget_input in;
	widget_input_set(&in, initial);
	char saved[sizeof t->msg];
	snprintf(saved, sizeof saved, "%s", t->msg);
	tui_clear_message(t);
	int result = 0;
	if (how)
		*how = TUI_GO_NONE;
	for (;;) {
		if (term_quit_requested())
			break;
		tui_draw(t);
		if (LINES >= MIN_LINES && COLS >= MIN_COLS) {
			int pw = widget_width(prompt) + 1;
			if (pw > COLS / 2)
				pw = COLS / 2;
			widget_text(LINES - 2, 0, prompt, pw, WIDGET_LEFT, A_BOLD);
			curs_set(1);
			widget_input_draw(&in, LINES - 2, pw, COLS - pw, A_UNDERLINE);
			refresh();
		}
		int f;
		wint_t ch;
		if (tui_getkey(&f, &ch) == ERR || (f && ch == KEY_RESIZE))
			continue;
		if (how) {
			enum tui_go go = TUI_GO_NONE;
			if ((!f && ch == '\t') || (f && ch == KEY_RIGHT && in.pos == in.len))
				go = TUI_GO_RIGHT;
			else if ((f && ch == KEY_DOWN) || (!f && ch == '\r'))
				go = TUI_GO_DOWN;
			if (go != TUI_GO_NONE) {
				widget_input_get(&in, out, n);
				*how = go;
				result = 1;
				break;
			}
		}
		enum widget_input_result r = widget_input_key(&in, f, ch);
		if (r == WIDGET_INPUT_DONE) {
			widget_input_get(&in, out, n);
			result = 1;
			break;
		}
		if (r == WIDGET_INPUT_CANCEL)
			break;
	}
	curs_set(0);
	return result;
}

int tui_input(struct tui *t, const char *prompt, const char *initial, char *out, size_t n)
{
	return input_line(t, prompt, initial, out, n, NULL);
}

int tui_input_cell(struct tui *t, const char *prompt, const char *initial, char *out, size_t n, enum tui_go *how)
{
	return input_line(t, prompt, initial, out, n, how);
}

/* The keys that move a searching picker's list: fixed, like the editing
 * keys of its query (keys.h), since j, k, g, G, Home and End are typed. */
static enum action search_move(int f, wint_t ch)
{
	if (f && ch == KEY_UP)
		return ACT_UP;
	if (f && ch == KEY_DOWN)
		return ACT_DOWN;
	if (f && ch == KEY_PPAGE)
		return ACT_PAGE_UP;
	if (f && ch == KEY_NPAGE)
		return ACT_PAGE_DOWN;
	if (!f && ch == 16)                                /* ^P */
		return ACT_UP;
	if (!f && ch == 14)                                /* ^N */
		return ACT_DOWN;
	return ACT_NONE;
}

int tui_pick(struct tui *t, const char *title, const char *const *labels, const char *const *search, int n,
	int search_mode, const enum action *extra, int nextra, enum action *act)
{
	struct widget_picker p;
	if (act)
		*act = ACT_NONE;
	if (widget_picker_init(&p, labels, search, n) != 0)
		return -1;
	int chosen = -1;
	for (;;) {
		if (term_quit_requested())
			break;
		tui_draw(t);
		int w = COLS - 4, h = LINES - 4;
		if (w > 110)
			w = 110;
		int x = (COLS - w) / 2, y = 2;
		if (LINES >= MIN_LINES && COLS >= MIN_COLS) {
			widget_box(y, x, h, w, title, term_attr(TR_DIALOG));
			if (search_mode)
				curs_set(1);
			widget_picker_draw(&p, y + 1, x + 2, h - 2, w - 4, search_mode, _("Rechercher :"));
			refresh();
		}
		int f;
		wint_t ch;
		if (tui_getkey(&f, &ch) == ERR || (f && ch == KEY_RESIZE))
			continue;
		if (!f && ch == '\r') {
			chosen = widget_picker_current(&p);
			break;
		}
		if (!f && ch == 27)
			break;
		if (search_mode) {
			/* letters, Home and End edit the query: the list moves on
			 * the fixed keys of a search field */
			enum action a = search_move(f, ch);
			if (a != ACT_NONE)
				widget_list_key(&p.list, a);
			else if (widget_input_key(&p.query, f, ch) == WIDGET_INPUT_CHANGED)
				widget_picker_filter(&p);
			continue;
		}
		/* moving first (g is "first" here, not the week's "go to"), then
		 * the keys that close the list with an action */
		if (widget_list_key(&p.list, keys_lookup(KS_M, keys_code(f, ch))) != WIDGET_LIST_IGNORED)
			continue;
		enum action a = keys_lookup(KS_M | KS_W, keys_code(f, ch));
		if (a == ACT_QUIT)
			break;
		for (int i = 0; i < nextra; i++)
			if (a != ACT_NONE && extra[i] == a) {
				chosen = widget_picker_current(&p);
				if (act)
					*act = a;
				goto done;
			}
	}
done:
	curs_set(0);
	widget_picker_free(&p);
	return chosen;
}

int tui_form(struct tui *t, const char *title, struct widget_form *fm, int (*submit)(struct tui *t, void *ctx,
	struct widget_form *fm), void *ctx)
{
	int result = 0;
	for (;;) {
		if (term_quit_requested())
			break;
		tui_draw(t);
		if (LINES >= MIN_LINES && COLS >= MIN_COLS) {
			int w = COLS - 4, h = fm->n + 5;
			for (int i = 0; i < fm->n; i++)
				h += fm->f[i].error[0] != '\0';
			h += fm->error[0] != '\0';
			if (w > 110)
				w = 110;
			if (h > LINES - 2)
				h = LINES - 2;
			int x = (COLS - w) / 2, y = (LINES - h) / 2;
			widget_box(y, x, h, w, title, term_attr(TR_DIALOG));
			widget_text(y + h - 2, x + 2, _("⏎ enregistrer   ↑ ↓ Tab champ   Échap annuler"), w - 4, WIDGET_LEFT,
				term_attr(TR_DIM));
			widget_form_draw(fm, y + 1, x + 2, h - 3, w - 4);
			refresh();
		}
		int f;
		wint_t ch;
		if (tui_getkey(&f, &ch) == ERR || (f && ch == KEY_RESIZE))
			continue;
		enum widget_form_result r = widget_form_key(fm, f, ch);
		if (r == WIDGET_FORM_CANCEL)
			break;
		if (r == WIDGET_FORM_SUBMIT) {
			widget_form_clear_errors(fm);
			if (submit(t, ctx, fm)) {
				result = 1;
				break;
			}
		}
	}
	curs_set(0);
	return result;
}

/* ------------------------------------------------------------------ help */

#define HELP_MAX (2 * ACT_COUNT + 64)
#define HELP_KEYS_W 12
#define HELP_NAME_W 12

struct help_text {
	char (*line)[256];
	int n;
};

static void help_add(struct help_text *h, const char *s)
{
	if (h->n >= HELP_MAX)
		return;
	/* lines are wrapped before: a longer one is cut, whole characters */
	text_fit(s, 240, h->line[h->n++], sizeof h->line[0]);
}

/* "KEYS NAME HELP", the help wrapped at width with its next lines under
 * its first: by display width (keys are arrows and "…"), never cut. */
static void help_entry(struct help_text *h, const char *keys, const char *name, const char *text, int width)
{
	char k[64], nm[64], line[400];
	text_pad_min(keys, HELP_KEYS_W, TEXT_LEFT, k, sizeof k);
	text_pad_min(name, HELP_NAME_W, TEXT_LEFT, nm, sizeof nm);
	int indent = widget_width(k) + 1 + widget_width(nm) + 1;
	int room = width - indent;
	if (room < 20)
		room = 20;
	const char *p = text;
	int first = 1;
	while (*p || first) {
		/* the longest run of whole words that fits in room columns */
		const char *end = p, *cut = NULL;
		char part[256];
		while (*end) {
			const char *next = end;
			while (*next == ' ')
				next++;
			while (*next && *next != ' ')
				next++;
			size_t len = (size_t)(next - p);
			if (len >= sizeof part)
				break;
			memcpy(part, p, len);
			part[len] = '\0';
			if (widget_width(part) > room && cut)
				break;
			cut = next;
			end = next;
			if (widget_width(part) > room)
				break;
		}
		if (!cut)
			cut = p + strlen(p);
		size_t len = (size_t)(cut - p);
		if (len >= sizeof part)
			len = sizeof part - 1;
		memcpy(part, p, len);
		part[len] = '\0';
		if (first)
			snprintf(line, sizeof line, "%s %s %s", k, nm, part);
		else
			snprintf(line, sizeof line, "%*s%s", indent, "", part);
		help_add(h, line);
		first = 0;
		p = cut;
		while (*p == ' ')
			p++;
	}
}

/* The help of the current screen, built from the key table for its
 * scopes: first the keys of the screen (those a narrower scope did not
 * take), then what it adds, then the global keys. */
static void help_build(struct tui *t, struct help_text *h, int width)
{
	const struct view *v = tui_views[t->cur];
	int scopes = KS_G | v->scopes;
	char keys[96];
	h->n = 0;
	/* pass 0: the screen's own keys, 1: moving, 2: every screen's */
	for (int pass = 0; pass < 3; pass++) {
		if (pass == 2) {
			for (const char *const *p = v->help_notes; p && p[0] && p[1]; p += 2)
				help_entry(h, p[0], "", _(p[1]), width);
			help_add(h, "");
			help_add(h, _("Sur tous les écrans :"));
		}
		for (int a = 1; a < ACT_COUNT; a++) {
			int sc = keys_scope((enum action)a);
			if ((sc == KS_G ? 2 : sc == KS_M ? 1 : 0) != pass || !(sc & scopes))
				continue;
			if (!keys_bound_in((enum action)a, scopes, keys, sizeof keys)[0])
				continue;
			/* the action's name is what [keys] in juste.ini uses */
			help_entry(h, keys, keys_name((enum action)a), keys_help((enum action)a), width);
		}
	}
	help_entry(h, "F2 … F6", "", _("changer d'écran"), width);
	help_add(h, "");
	help_entry(h, "", "", _("Les touches se changent dans la section [keys] de juste.ini."), width);
}

/* ctx: the help's lines */
static void help_row(void *ctx, int row, int y, int x, int w, int current)
{
	(void)current;
	const struct help_text *h = ctx;
	widget_text(y, x, h->line[row], w, WIDGET_LEFT, term_attr(TR_DIALOG));
}

static void help(struct tui *t)
{
	const struct view *v = tui_views[t->cur];
	struct help_text h = { .line = calloc(HELP_MAX, sizeof *h.line) };
	if (!h.line)
		return;
	struct widget_list l = { .pager = 1 };
	int built_w = -1;
	for (;;) {
		tui_draw(t);
		int hh = LINES - 2, w = COLS - 2;
		if (w - 4 != built_w) {
			/* rebuilt for the width: a resize rewraps */
			built_w = w - 4;
			help_build(t, &h, built_w);
			l.nrows = h.n;
		}
		if (LINES >= MIN_LINES && COLS >= MIN_COLS) {
			char title[128];
			snprintf(title, sizeof title, _("Aide — %s"), _(v->title));
			widget_box(1, 1, hh, w, title, term_attr(TR_DIALOG));
			widget_list_draw(&l, 2, 3, hh - 2, w - 4, help_row, &h, term_attr(TR_DIALOG));
			refresh();
		}
		int f;
		wint_t ch;
		if (term_quit_requested())
			break;
		if (tui_getkey(&f, &ch) == ERR || (f && ch == KEY_RESIZE))
			continue;
		/* the movement keys scroll; any other key closes */
		if (widget_list_key(&l, keys_lookup(KS_M, keys_code(f, ch))) == WIDGET_LIST_IGNORED)
			break;
	}
	free(h.line);
}

/* A read-only text in a box, wrapped to its width. */
void tui_show_text(struct tui *t, const char *title, const char *text)
{
	struct help_text h = { .line = calloc(HELP_MAX, sizeof *h.line) };
	if (!h.line)
		return;
	struct widget_list l = { .pager = 1 };
	int built_w = -1;
	for (;;) {
		tui_draw(t);
		int w = COLS - 8;
		if (w > 90)
			w = 90;
		if (w - 4 != built_w) {
			built_w = w - 4;
			h.n = 0;
			/* each paragraph of the text wrapped on its own */
			char para[256];
			const char *p = text;
			while (*p) {
				const char *nl = strchr(p, '\n');
				size_t len = nl ? (size_t)(nl - p) : strlen(p);
				if (len >= sizeof para)
					len = sizeof para - 1;
				memcpy(para, p, len);
				para[len] = '\0';
				size_t before = (size_t)h.n;
				help_entry(&h, "", "", para, built_w + HELP_KEYS_W + HELP_NAME_W + 2);
				/* help_entry indents under its empty columns: take them off */
				for (int i = (int)before; i < h.n; i++) {
					const char *q = h.line[i];
					while (*q == ' ')
						q++;
					memmove(h.line[i], q, strlen(q) + 1);
				}
				p += len;
				if (*p == '\n')
					p++;
			}
			help_add(&h, "");
			help_add(&h, _("(lecture seule — une touche pour fermer)"));
			l.nrows = h.n;
		}
		int hh = h.n + 2;
		if (hh > LINES - 4)
			hh = LINES - 4;
		if (LINES >= MIN_LINES && COLS >= MIN_COLS) {
			int x = (COLS - w) / 2, y = (LINES - hh) / 2;
			widget_box(y, x, hh, w, title, term_attr(TR_DIALOG));
			widget_list_draw(&l, y + 1, x + 2, hh - 2, w - 4, help_row, &h, term_attr(TR_DIALOG));
			refresh();
		}
		int f;
		wint_t ch;
		if (term_quit_requested())
			break;
		if (tui_getkey(&f, &ch) == ERR || (f && ch == KEY_RESIZE))
			continue;
		if (widget_list_key(&l, keys_lookup(KS_M, keys_code(f, ch))) == WIDGET_LIST_IGNORED)
			break;
	}
	free(h.line);
}

/* ------------------------------------------------------------- the loop */

static juste_status open_view(struct tui *t, int i, struct juste_err *e)
{
	if (t->opened[i])
		return JUSTE_OK;
	const struct view *v = tui_views[i];
	t->state[i] = calloc(1, v->state_size ? v->state_size : 1);
	if (!t->state[i])
		return err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	juste_status st = v->open ? v->open(t, t->state[i], e) : JUSTE_OK;
	if (st) {
		free(t->state[i]);
		t->state[i] = NULL;
		return st;
	}
	t->opened[i] = 1;
	return JUSTE_OK;
}

static void reload_view(struct tui *t, int i)
{
	const struct view *v = tui_views[i];
	t->stale[i] = 0;
	if (!t->opened[i])
		return;
	if (v->reload)
		v->reload(t, t->state[i]);
	else
		v->request(t, t->state[i], ACT_REFRESH, 0, 0);
}

void tui_reload(struct tui *t)
{
	t->stamp = app_data_stamp(t->app);
	for (int i = 0; i < tui_nviews; i++)
		t->stale[i] = t->opened[i];
	if (allowed(t, t->cur))
		reload_view(t, t->cur);
	tui_timer_refresh(t);
}

/* What the database holds now: anyone's commit moves the stamp (another
 * terminal, the CLI, this screen's own saves); then the current screen is
 * read again and the others when they show. */
static void follow_database(struct tui *t)
{
	if (app_data_stamp(t->app) != t->stamp)
		tui_reload(t);
}

static void switch_to(struct tui *t, int i)
{
	struct juste_err e = { 0 };
	if (i < 0 || i >= tui_nviews)
		return;
	if (!allowed(t, i)) {
		/* the screen is shown empty with the refusal: its data is never
		 * read (open is not called) */
		app_require(t->app, tui_views[i]->roles, _(tui_views[i]->title), &e);
		tui_error(t, &e);
		t->cur = i;
		return;
	}
	int was_open = t->opened[i];
	if (open_view(t, i, &e) != JUSTE_OK) {
		tui_error(t, &e);
		return;
	}
	t->cur = i;
	if (was_open && t->stale[i])
		reload_view(t, i);
}

static void cycle(struct tui *t, int dir)
{
	for (int k = 1; k <= tui_nviews; k++) {
		int i = ((t->cur + dir * k) % tui_nviews + tui_nviews) % tui_nviews;
		if (allowed(t, i)) {
			switch_to(t, i);
			return;
		}
	}
}

static void handle_key(struct tui *t, int f, wint_t ch)
{
	const struct view *v = tui_views[t->cur];
	if (f && ch >= (wint_t)KEY_F(2) && ch <= (wint_t)KEY_F(12)) {
		for (int i = 0; i < tui_nviews; i++)
			if (KEY_F(tui_views[i]->fkey) == (int)ch) {
				switch_to(t, i);
				return;
			}
	}
	int ok = allowed(t, t->cur);
	enum action a = keys_lookup(ok ? KS_G | v->scopes : KS_G, keys_code(f, ch));
	if (ok)
		tui_clear_message(t);
	if (ok && v->request(t, t->state[t->cur], a, f, ch) == VIEW_HANDLED)
		return;
	switch (a) {
	case ACT_QUIT:
		for (int i = 0; i < tui_nviews; i++) {
			if (t->opened[i] && tui_views[i]->unsaved && tui_views[i]->unsaved(t, t->state[i])
				&& !tui_confirm(t, _("Des modifications ne sont pas enregistrées. Quitter quand même ?")))
				return;
		}
		tui_timer_refresh(t);
		if (t->timer.running) {
			/* the timer lives in the database: quitting does not stop it,
			 * and the user is told so before leaving */
			char q[256], el[32];
			snprintf(q, sizeof q, _("Le chrono sur %s continue de tourner (%s) après juste. Quitter ?"),
				t->timer.mandate, week_elapsed_format((long)(time(NULL) - t->timer.started_at), el, sizeof el));
			if (!tui_confirm(t, q))
				return;
		}
		t->quit = 1;
		break;
	case ACT_REFRESH:
		if (ok) {
			tui_reload(t);
			if (!t->msg[0])
				tui_info(t, _("Relu"));
		}
		break;
	case ACT_HELP: help(t); break;
	case ACT_NEXT_VIEW: cycle(t, 1); break;
	case ACT_PREV_VIEW: cycle(t, -1); break;
	case ACT_REDRAW:
		if (ok) {
			tui_reload(t);
			if (!t->msg[0])
				tui_info(t, _("Relu"));
		}
		clearok(curscr, TRUE);
		break;
	default: break;
	}
}

static void close_all(struct tui *t)
{
	for (int i = 0; i < tui_nviews; i++) {
		if (t->opened[i] && tui_views[i]->close)
			tui_views[i]->close(t, t->state[i]);
		free(t->state[i]);
		t->state[i] = NULL;
		t->opened[i] = 0;
	}
}

juste_status tui_run(struct app *a, struct juste_err *e)
{
	juste_status st = keys_load(app_config(a), e);
	if (st)
		return st;
	struct tui t;
	memset(&t, 0, sizeof t);
	t.app = a;
	t.cur = -1;
	for (int i = 0; i < tui_nviews && t.cur < 0; i++)
		if (allowed(&t, i))
			t.cur = i;
	if (t.cur < 0)
		return err_set(e, JUSTE_EDENIED, N_("permission refusée : aucun écran pour le rôle %s"),
			vocab_role_word(app_user(a)->role));
	/* JUSTE_TUI_SCREEN=billing|util|data|... opens on that screen when the
	 * role allows it (benchmarks, and a start-up choice) */
	const char *first = secure_getenv("JUSTE_TUI_SCREEN");
	for (int i = 0; first && i < tui_nviews; i++)
		if (strcmp(tui_views[i]->name, first) == 0 && allowed(&t, i))
			t.cur = i;
	/* The first screen's data is read before the terminal is taken, so an
	 * error is printed on a normal terminal. */
	st = open_view(&t, t.cur, e);
	if (st)
		return st;
	tui_timer_refresh(&t);
	t.stamp = app_data_stamp(a);
	st = term_init(e);
	if (st) {
		close_all(&t);
		return st;
	}
	term_set_user_role(app_role(a));
	/* the idle tick: a change in the database shows within half a second
	 * without a key, and the timer's seconds move */
	timeout(IDLE_TICK_MS);
	tui_draw(&t);
	if (secure_getenv("JUSTE_TUI_BENCH")) {
		close_all(&t);
		term_finish();
		return JUSTE_OK;
	}
	while (!t.quit && !term_quit_requested()) {
		int f;
		wint_t ch;
		if (tui_getkey(&f, &ch) == OK && !(f && ch == KEY_RESIZE))
			handle_key(&t, f, ch);
		if (t.quit || term_quit_requested())
			break;
		follow_database(&t);
		tui_draw(&t);
	}
	close_all(&t);
	term_finish();
	return JUSTE_OK;
}
