/*
 * view_week.c - Ma semaine: the user's week as a grid of mandates by day.
 *
 * The screen holds only the model week_load() read and the cursor; every
 * change calls the app layer (one transaction) and reloads the week, and
 * the main loop reloads it when anyone else changes the database, so what
 * is shown is what the database holds.  A save is applied to the cell as
 * the database holds it then (week_set_cell), never to the snapshot.
 *
 * Typing a duration in a cell, Tab or → saves it and moves to the next
 * day, Enter or ↓ to the next row: a week is typed like a spreadsheet.
 */
#include <stdlib.h>
#include <string.h>

#include "juste/date_input.h"
#include "juste/duration.h"
#include "juste/i18n.h"
#include "tui/view.h"

#define NCOLS (WEEK_DAYS + 2)

static const char *const day_abbr[WEEK_DAYS] = {
	N_("Lun"), N_("Mar"), N_("Mer"), N_("Jeu"), N_("Ven"), N_("Sam"), N_("Dim")
};

struct week_state {
	struct week w;
	int loaded;
	struct widget_table tab;
	int widths[NCOLS];
	enum widget_align align[NCOLS];
	char today[ISO_LEN];
	char last_code[CODE_LEN];     /* the cursor's mandate, kept across empty weeks */
	int show_totals;              /* m: the month and fiscal year instead of the grid */
	struct week_totals totals;
	int totals_ok;
};

#define NOTE_MARK "¶"

static juste_status reload(struct tui *t, struct week_state *s, date_t day, const char *keep_code, struct juste_err *e)
{
	struct week next;
	juste_status st = week_load(t->app, app_user(t->app)->login, day, &next, e);
	if (st)
		return st;
	char code[CODE_LEN] = "";
	if (keep_code)
		snprintf(code, sizeof code, "%s", keep_code);
	else if (s->loaded && widget_list_current(&s->tab.rows) >= 0)
		snprintf(code, sizeof code, "%s", s->w.rows[widget_list_current(&s->tab.rows)].m.code);
	else
		snprintf(code, sizeof code, "%s", s->last_code);
	week_free(&s->w);
	s->w = next;
	s->loaded = 1;
	widget_list_set_rows(&s->tab.rows, s->w.nrows);
	if (code[0]) {
		int r = week_find_row(&s->w, code);
		if (r >= 0)
			widget_list_select(&s->tab.rows, r);
		snprintf(s->last_code, sizeof s->last_code, "%s", code);
	}
	if (s->show_totals)
		s->totals_ok = week_totals(t->app, &s->w, s->w.monday + s->tab.cur_col, &s->totals, e) == JUSTE_OK;
	return JUSTE_OK;
}

static void reload_or_say(struct tui *t, struct week_state *s, date_t day)
{
	struct juste_err e = { 0 };
	if (reload(t, s, day, NULL, &e) != JUSTE_OK)
		tui_error(t, &e);
}

/* The database changed: the same week, the cursor on the same mandate
 * and day. */
static void week_reload(struct tui *t, void *state)
{
	struct week_state *s = state;
	reload_or_say(t, s, s->w.monday);
}

static juste_status week_open(struct tui *t, void *state, struct juste_err *e)
{
	struct week_state *s = state;
	date_t today = app_today();
	date_format(today, s->today);
	s->tab.ncols = NCOLS;
	s->tab.first_cursor_col = 1;
	s->tab.ncursor_cols = WEEK_DAYS;
	s->tab.header = s->tab.footer = 1;
	s->tab.widths = s->widths;
	s->tab.align = s->align;
	s->align[0] = WIDGET_LEFT;
	for (int i = 1; i < NCOLS; i++)
		s->align[i] = WIDGET_RIGHT;
	s->tab.cur_col = date_weekday(today) - 1;
	return reload(t, s, today, NULL, e);
}

static void week_close(struct tui *t, void *state)
{
	(void)t;
	week_free(&((struct week_state *)state)->w);
}

/* ------------------------------------------------------------------ draw */

static void cell_text(void *ctx, int row, int col, char *buf, size_t n, enum term_role *role)
{
	struct week_state *s = ctx;
	const struct week *w = &s->w;
	char d[DURATION_BUF];
	if (row < 0) {                       /* header */
		*role = TR_HEADER;
		if (col == 0)
			snprintf(buf, n, "%s", _("Mandat"));
		else if (col <= WEEK_DAYS) {
			snprintf(buf, n, "%s %s", _(day_abbr[col - 1]), w->day[col - 1] + 8);
			if (strcmp(w->day[col - 1], s->today) == 0)
				*role = TR_TODAY;
		} else
			snprintf(buf, n, "%s", _("Total"));
		return;
	}
	if (row >= w->nrows) {               /* footer */
		*role = TR_TOTAL;
		if (col == 0)
			snprintf(buf, n, "%s", _("Total"));
		else if (col <= WEEK_DAYS)
			snprintf(buf, n, "%s", duration_format(w->day_total[col - 1], d, sizeof d));
		else {
			snprintf(buf, n, "%s", duration_format(w->total, d, sizeof d));
			if (w->total > w->capacity)
				*role = TR_OVER;
		}
		return;
	}
	const struct week_row *r = &w->rows[row];
	if (col == 0) {
		snprintf(buf, n, "%s%s %s · %s", r->m.pinned == 2 ? "•" : "", r->m.code, r->m.title, r->m.client_name);
	} else if (col <= WEEK_DAYS) {
		const struct week_cell *c = &r->cell[col - 1];
		int noted = 0;
		for (int i = c->first; i >= 0 && i < w->nentries && !noted; i++)
			noted = w->entries[i].row == row && w->entries[i].day == col - 1 && w->entries[i].note[0];
		if (c->minutes)
			snprintf(buf, n, "%s%s%s%s", duration_format(c->minutes, d, sizeof d),
				c->nentries > 1 ? "+" : "", c->locked ? "*" : "", noted ? NOTE_MARK : "");
		else
			snprintf(buf, n, "%s", c->locked ? "*" : "·");
		if (c->locked)
			*role = TR_LOCKED;
	} else {
		snprintf(buf, n, "%s", duration_format(r->total, d, sizeof d));
		*role = TR_TOTAL;
	}
}

static void cell(void *ctx, int row, int col, char *buf, size_t n, enum term_role *role)
{
	cell_text(ctx, row, col, buf, n, role);
	/* right-aligned columns keep one space on their right */
	if (col > 0 && strlen(buf) + 2 < n)
		strcat(buf, " ");
}

static int cur_row(const struct week_state *s);

/* "¶ note · note" of the cell under the cursor; 0 when it has none. */
static int cell_notes(const struct week_state *s, char *buf, size_t n)
{
	int row = widget_list_current(&s->tab.rows), day = s->tab.cur_col;
	if (row < 0 || row >= s->w.nrows || day < 0 || day >= WEEK_DAYS)
		return 0;
	size_t len = 0;
	int found = 0;
	buf[0] = '\0';
	for (int i = 0; i < s->w.nentries; i++) {
		const struct week_entry *en = &s->w.entries[i];
		if (en->row != row || en->day != day || !en->note[0])
			continue;
		int k = snprintf(buf + len, n - len, "%s%s", found ? " · " : NOTE_MARK " ", en->note);
		found = 1;
		if (k < 0 || (size_t)k >= n - len)
			break;
		len += (size_t)k;
	}
	return found;
}

/* m: the user's month and fiscal year to date, instead of the grid. */
static void draw_totals(struct week_state *s, int y, int h, int width)
{
	if (!s->totals_ok || h < 6)
		return;
	const struct week_totals *k = &s->totals;
	char title[160], cnt[ISO_LEN];
	date_format(k->y.counted_to, cnt);
	snprintf(title, sizeof title, _("Mes heures (capacité comptée jusqu'au %s)"), cnt);
	widget_text(y + 1, 1, title, width - 2, WIDGET_LEFT, term_attr(TR_HEADER));
	const char *head[6] = { "", N_("Facturables"), N_("Internes"), N_("Total"), N_("Capacité"), N_("Utilisation") };
	int lw = width - 2 - 5 * 11;
	if (lw < 14)
		lw = 14;
	for (int c = 0; c < 6; c++)
		widget_text(y + 3, c ? 1 + lw + (c - 1) * 11 : 1, c ? _(head[c]) : "", c ? 10 : lw, c ? WIDGET_RIGHT : WIDGET_LEFT,
			term_attr(TR_HEADER));
	const struct hours_period *p[2] = { &k->m, &k->y };
	for (int r = 0; r < 2; r++) {
		char label[64], v[5][32], d[DURATION_BUF];
		if (r == 0)
			snprintf(label, sizeof label, _("Mois %s"), k->month);
		else
			snprintf(label, sizeof label, _("Exercice %s"), k->fy);
		snprintf(v[0], sizeof v[0], "%s", duration_format((int)p[r]->billable, d, sizeof d));
		snprintf(v[1], sizeof v[1], "%s", duration_format((int)p[r]->internal, d, sizeof d));
		snprintf(v[2], sizeof v[2], "%s", duration_format((int)(p[r]->billable + p[r]->internal), d, sizeof d));
		snprintf(v[3], sizeof v[3], "%s", duration_format((int)p[r]->capacity, d, sizeof d));
		if (p[r]->pct_ok)
			snprintf(v[4], sizeof v[4], _("%lld,%lld %%"), (long long)(p[r]->pct / 10), (long long)(p[r]->pct % 10));
		else
			snprintf(v[4], sizeof v[4], "—");
		widget_text(y + 4 + r, 1, label, lw, WIDGET_LEFT, term_attr(TR_NORMAL));
		for (int c = 0; c < 5; c++)
			widget_text(y + 4 + r, 1 + lw + c * 11, v[c], 10, WIDGET_RIGHT, term_attr(TR_NORMAL));
	}
	widget_text(y + 7, 1, _("Utilisation = facturables ÷ capacité.  m revient à la semaine."), width - 2, WIDGET_LEFT,
		term_attr(TR_DIM));
}

static void week_draw(struct tui *t, void *state, int y, int h, int width)
{
	(void)t;
	struct week_state *s = state;
	const struct week *w = &s->w;
	int dw = width >= 120 ? 10 : 7;
	int tw = dw + 1;
	s->widths[0] = width - WEEK_DAYS * dw - tw;
	for (int i = 1; i <= WEEK_DAYS; i++)
		s->widths[i] = dw;
	s->widths[NCOLS - 1] = tw;
	char title[512], tot[64], d1[DURATION_BUF], d2[DURATION_BUF];
	snprintf(title, sizeof title, _(" Semaine du %s au %s · %s"), w->day[0], w->day[6], w->name);
	int pct = w->capacity ? (int)((long)w->total * 100 / w->capacity) : 0;
	snprintf(tot, sizeof tot, _("%s / %s (%d %%) "), duration_format(w->total, d1, sizeof d1),
		duration_format(w->capacity, d2, sizeof d2), pct);
	int totw = widget_width(tot);
	widget_text(y, 0, title, width - totw, WIDGET_LEFT, term_attr(TR_TITLE));
	widget_text(y, width - totw, tot, totw, WIDGET_RIGHT, term_attr(w->total > w->capacity ? TR_OVER : TR_TITLE));
	if (s->show_totals) {
		draw_totals(s, y + 1, h - 1, width);
		return;
	}
	widget_table_draw(&s->tab, y + 1, 0, h - 2, cell, s);
	/* the last line: the note of the cell under the cursor, else why some
	 * days are locked, or how to start */
	const char *legend = NULL;
	char buf[1024];
	if (cell_notes(s, buf, sizeof buf)) {
		/* a locked cell's note, and why it is locked */
		int row = cur_row(s), day = s->tab.cur_col;
		const char *why = w->day_locked[day] ? w->day_why[day] : NULL;
		for (int i = 0; !why && i < w->nentries; i++)
			if (w->entries[i].row == row && w->entries[i].day == day && w->entries[i].locked)
				why = w->entries[i].why;
		char full[sizeof buf + WEEK_WHY_LEN + 32];
		if (why)
			snprintf(full, sizeof full, _("%s — * verrouillé : %s"), buf, why);
		else
			snprintf(full, sizeof full, "%s", buf);
		widget_text(y + h - 1, 0, full, width, WIDGET_LEFT, term_attr(TR_NORMAL));
		return;
	}
	for (int i = 0; i < WEEK_DAYS && !legend; i++)
		if (w->day_locked[i]) {
			snprintf(buf, sizeof buf, _("* verrouillé : %s"), w->day_why[i]);
			legend = buf;
		}
	if (!legend && w->nrows == 0)
		legend = _("Aucune ligne : n pour ajouter un mandat, c pour reprendre la semaine dernière");
	if (legend)
		widget_text(y + h - 1, 0, legend, width, WIDGET_LEFT, term_attr(TR_DIM));
}

/* --------------------------------------------------------------- actions */

static int cur_row(const struct week_state *s)
{
	return widget_list_current(&s->tab.rows);
}

static void cell_name(const struct week_state *s, int row, int day, char *buf, size_t n)
{
	snprintf(buf, n, "%s %s · %s", _(day_abbr[day]), s->w.day[day] + 8, s->w.rows[row].m.code);
}

static int has_row(struct tui *t, const struct week_state *s)
{
	if (s->w.nrows)
		return 1;
	struct juste_err e = { 0 };
	err_set(&e, JUSTE_EINVAL, N_("aucune ligne : ajoutez un mandat avec n"));
	tui_error(t, &e);
	return 0;
}

static int writable(struct tui *t, struct week_state *s, int row, int day)
{
	struct juste_err e = { 0 };
	if (week_cell_writable(&s->w, row, day, &e) != JUSTE_OK) {
		tui_error(t, &e);
		return 0;
	}
	return 1;
}

static void said(struct tui *t, struct week_state *s, int what, int minutes, int row, int day)
{
	char d[DURATION_BUF], where[128];
	cell_name(s, row, day, where, sizeof where);
	if (what == 'a')
		tui_info(t, _("Enregistré : %s (%s)"), duration_format(minutes, d, sizeof d), where);
	else if (what == 'e')
		tui_info(t, _("Modifié : %s (%s)"), duration_format(minutes, d, sizeof d), where);
	else if (what == 'd')
		tui_info(t, _("Saisie supprimée (%s)"), where);
	else
		tui_info(t, _("Rien n'a changé"));
}

/* Asks for a duration in the cell; returns 1 with *minutes set and *how
 * saying where to go next, 0 when cancelled or refused (the message line
 * says why; nothing was written). */
static int ask_minutes(struct tui *t, struct week_state *s, int row, int day, const char *initial, int *minutes,
	enum tui_go *how)
{
	char prompt[160], where[128], text[64];
	cell_name(s, row, day, where, sizeof where);
	snprintf(prompt, sizeof prompt, _("%s — durée :"), where);
	enum tui_go go = TUI_GO_NONE;
	if (!tui_input_cell(t, prompt, initial, text, sizeof text, &go))
		return 0;
	if (how)
		*how = go;
	struct juste_err e = { 0 };
	if (week_parse_cell(text, minutes, &e) != JUSTE_OK) {
		tui_error(t, &e);
		return 0;
	}
	return 1;
}

static int confirm_delete(struct tui *t, struct week_state *s, int row, int day, int minutes)
{
	char q[256], d[DURATION_BUF], where[128];
	cell_name(s, row, day, where, sizeof where);
	snprintf(q, sizeof q, _("Supprimer la saisie de %s (%s) ?"), duration_format(minutes, d, sizeof d), where);
	return tui_confirm(t, q);
}

/* After a save: Tab and → to the next day, Enter and ↓ to the next row
 * (the row of the same mandate, found again after the reload). */
static void move_after(struct week_state *s, const char *code, int day, enum tui_go how)
{
	int row = week_find_row(&s->w, code);
	if (row < 0)
		return;
	widget_list_select(&s->tab.rows, row);
	s->tab.cur_col = day;
	if (how == TUI_GO_RIGHT && day + 1 < WEEK_DAYS)
		s->tab.cur_col = day + 1;
	else if (how == TUI_GO_DOWN && row + 1 < s->w.nrows)
		widget_list_select(&s->tab.rows, row + 1);
	snprintf(s->last_code, sizeof s->last_code, "%s", s->w.rows[widget_list_current(&s->tab.rows)].m.code);
}

static void entries_list(struct tui *t, struct week_state *s, int row, int day);

/* A cell that holds a locked entry beside others, or several entries: its
 * list, where the entries not locked can change. */
static int needs_list(const struct week_state *s, int row, int day)
{
	const struct week_cell *c = &s->w.rows[row].cell[day];
	return c->nentries > 1 || (c->locked && c->nentries > 0 && !s->w.day_locked[day]
		&& !(c->nentries == 1 && s->w.entries[c->first].locked));
}

static void edit_cell(struct tui *t, struct week_state *s, const char *initial)
{
	if (!has_row(t, s))
		return;
	int row = cur_row(s), day = s->tab.cur_col;
	if (needs_list(s, row, day)) {
		entries_list(t, s, row, day);
		return;
	}
	if (!writable(t, s, row, day))
		return;
	const struct week_cell *c = &s->w.rows[row].cell[day];
	char cur[DURATION_BUF] = "", code[CODE_LEN];
	snprintf(code, sizeof code, "%s", s->w.rows[row].m.code);
	if (!initial && c->minutes)
		duration_format(c->minutes, cur, sizeof cur);
	int minutes;
	enum tui_go how = TUI_GO_NONE;
	if (!ask_minutes(t, s, row, day, initial ? initial : cur, &minutes, &how))
		return;
	if (minutes == 0 && c->nentries == 1 && !confirm_delete(t, s, row, day, c->minutes)) {
		tui_info(t, _("Rien n'a changé"));
		return;
	}
	struct juste_err e = { 0 };
	int what = 0;
	juste_status st = week_set_cell(t->app, &s->w, row, day, minutes, &what, &e);
	/* read again in every case: a refusal may come from a change made
	 * elsewhere that the screen did not show yet */
	reload_or_say(t, s, s->w.monday);
	if (st != JUSTE_OK) {
		tui_error(t, &e);
		return;
	}
	int r = week_find_row(&s->w, code);
	said(t, s, what, minutes, r >= 0 ? r : 0, day);
	move_after(s, code, day, how);
}

static void edit_note(struct tui *t, struct week_state *s, const struct week_entry *en)
{
	char prompt[160], where[128], text[NOTE_LEN];
	cell_name(s, en->row, en->day, where, sizeof where);
	snprintf(prompt, sizeof prompt, _("%s — note :"), where);
	if (!tui_input(t, prompt, en->note, text, sizeof text))
		return;
	struct juste_err e = { 0 };
	if (week_set_note(t->app, &s->w, en->id, text, &e) != JUSTE_OK) {
		tui_error(t, &e);
		return;
	}
	reload_or_say(t, s, s->w.monday);
	tui_info(t, _("Note enregistrée (%s)"), where);
}

/* A locked entry's note can still be read. */
static void show_locked(struct tui *t, struct week_state *s, const struct week_entry *en)
{
	char title[256], where[128], d[DURATION_BUF], text[NOTE_LEN + 512];
	cell_name(s, en->row, en->day, where, sizeof where);
	snprintf(title, sizeof title, _("%s — note (lecture seule)"), where);
	snprintf(text, sizeof text, _("%s · verrouillé : %s\n\n%s"), duration_format(en->minutes, d, sizeof d), en->why,
		en->note[0] ? en->note : _("(sans note)"));
	tui_show_text(t, title, text);
}

static void delete_entry(struct tui *t, struct week_state *s, const struct week_entry *en)
{
	int row = en->row, day = en->day;
	int64_t id = en->id;
	if (!confirm_delete(t, s, row, day, en->minutes)) {
		tui_info(t, _("Rien n'a changé"));
		return;
	}
	struct juste_err e = { 0 };
	if (week_delete_entry(t->app, &s->w, id, &e) != JUSTE_OK) {
		tui_error(t, &e);
		return;
	}
	reload_or_say(t, s, s->w.monday);
	tui_info(t, _("Saisie supprimée"));
}

/* The entries of one cell with their notes: Enter changes the duration,
 * N the note, d deletes; a locked one shows its note read-only. */
static void entries_list(struct tui *t, struct week_state *s, int row, int day)
{
	int idx[64], n = 0;
	for (int i = 0; i < s->w.nentries && n < 64; i++)
		if (s->w.entries[i].row == row && s->w.entries[i].day == day)
			idx[n++] = i;
	if (n == 0)
		return;
	char (*labels)[256] = calloc((size_t)n, sizeof *labels);
	const char **lp = calloc((size_t)n, sizeof *lp);
	if (!labels || !lp) {
		free(labels);
		free(lp);
		return;
	}
	for (int i = 0; i < n; i++) {
		const struct week_entry *en = &s->w.entries[idx[i]];
		char d[DURATION_BUF];
		snprintf(labels[i], sizeof labels[i], "%6s  %.200s%s", duration_format(en->minutes, d, sizeof d),
			en->note[0] ? en->note : _("(sans note)"), en->locked ? " *" : "");
		lp[i] = labels[i];
	}
	char title[160], where[128];
	cell_name(s, row, day, where, sizeof where);
	snprintf(title, sizeof title, _("%s — ⏎ durée, N note, d supprimer, Échap fermer"), where);
	static const enum action extra[] = { ACT_NOTE, ACT_DELETE };
	enum action act;
	int k = tui_pick(t, title, lp, NULL, n, 0, extra, 2, &act);
	free(lp);
	free(labels);
	if (k < 0)
		return;
	struct week_entry en = s->w.entries[idx[k]];
	struct juste_err e = { 0 };
	if (en.locked) {
		show_locked(t, s, &en);
		return;
	}
	if (act == ACT_NOTE) {
		edit_note(t, s, &en);
		return;
	}
	if (act == ACT_DELETE) {
		delete_entry(t, s, &en);
		return;
	}
	char cur[DURATION_BUF];
	int minutes;
	if (!ask_minutes(t, s, row, day, duration_format(en.minutes, cur, sizeof cur), &minutes, NULL))
		return;
	if (minutes == 0 && !confirm_delete(t, s, row, day, en.minutes)) {
		tui_info(t, _("Rien n'a changé"));
		return;
	}
	if (week_set_entry(t->app, &s->w, en.id, minutes, &e) != JUSTE_OK) {
		tui_error(t, &e);
		return;
	}
	reload_or_say(t, s, s->w.monday);
	said(t, s, minutes ? 'e' : 'd', minutes, row < s->w.nrows ? row : 0, day);
}

/* N and d act on the single entry under the cursor, or open the list; N
 * on a locked entry shows its note. */
static void on_entry(struct tui *t, struct week_state *s, enum action a)
{
	if (!has_row(t, s))
		return;
	int row = cur_row(s), day = s->tab.cur_col;
	const struct week_cell *c = &s->w.rows[row].cell[day];
	if (c->nentries == 0) {
		struct juste_err e = { 0 };
		err_set(&e, JUSTE_EINVAL, N_("aucune saisie dans cette cellule"));
		tui_error(t, &e);
		return;
	}
	if (c->nentries > 1 || needs_list(s, row, day)) {
		entries_list(t, s, row, day);
		return;
	}
	struct week_entry en = s->w.entries[c->first];
	if (a == ACT_NOTE && c->locked) {
		if (!en.locked)
			snprintf(en.why, sizeof en.why, "%s", s->w.day_why[day]);
		show_locked(t, s, &en);
		return;
	}
	if (!writable(t, s, row, day))
		return;
	if (a == ACT_NOTE)
		edit_note(t, s, &en);
	else
		delete_entry(t, s, &en);
}

static void add_row(struct tui *t, struct week_state *s)
{
	struct week_mandate *m = NULL;
	int n = 0;
	struct juste_err e = { 0 };
	if (week_pickable(t->app, &s->w, &m, &n, &e) != JUSTE_OK) {
		tui_error(t, &e);
		return;
	}
	char *text = NULL;
	const char **labels = calloc((size_t)(n ? n : 1), sizeof *labels);
	const char **search = calloc((size_t)(n ? n : 1), sizeof *search);
	/* one block for all the strings: label and search text per item */
	size_t per = CODE_LEN * 2 + NAME_LEN * 2 + 16;
	text = malloc((size_t)(n ? n : 1) * per * 2);
	if (!labels || !search || !text) {
		free(labels);
		free(search);
		free(text);
		free(m);
		return;
	}
	for (int i = 0; i < n; i++) {
		char *l = text + (size_t)i * per * 2, *q = l + per;
		snprintf(l, per, "%s%-12s %s · %s", m[i].last_used[0] ? "↺ " : "  ", m[i].code, m[i].title, m[i].client_name);
		snprintf(q, per, "%s %s %s %s", m[i].code, m[i].title, m[i].client, m[i].client_name);
		labels[i] = l;
		search[i] = q;
	}
	int k = tui_pick(t, _("Ajouter un mandat (code, titre ou client ; ↺ récents)"), labels, search, n, 1, NULL, 0, NULL);
	if (k >= 0) {
		char code[CODE_LEN];
		snprintf(code, sizeof code, "%s", m[k].code);
		if (week_add_row(t->app, &s->w, code, &e) != JUSTE_OK) {
			tui_error(t, &e);
		} else if (reload(t, s, s->w.monday, code, &e) != JUSTE_OK) {
			tui_error(t, &e);
		} else {
			tui_info(t, _("Ligne ajoutée : %s (cette semaine ; p l'épingle sur toutes)"), code);
		}
	}
	free(labels);
	free(search);
	free(text);
	free(m);
}

/* s: starts the timer on the row, stops it (the time is logged) on its
 * own row, or switches it to this row (stop and start, one transaction).
 * A note is asked each time (Enter leaves it as it is). */
static void timer(struct tui *t, struct week_state *s)
{
	struct juste_err e = { 0 };
	tui_timer_refresh(t);
	const char *here = s->w.nrows ? s->w.rows[cur_row(s)].m.code : NULL;
	char note[NOTE_LEN], prompt[256], d[DURATION_BUF];
	struct entry x;
	if (t->timer.running && (!here || strcmp(here, t->timer.mandate) == 0)) {
		snprintf(prompt, sizeof prompt, _("Arrêt du chrono %s, note :"), t->timer.mandate);
		if (!tui_input(t, prompt, t->timer.note, note, sizeof note))
			return;
		if (week_timer_stop(t->app, note, &x, &e) != JUSTE_OK) {
			tui_error(t, &e);
			return;
		}
		tui_timer_refresh(t);
		reload_or_say(t, s, s->w.monday);
		tui_info(t, _("Chronomètre arrêté : %s saisies le %s sur %s"), duration_format(x.minutes, d, sizeof d),
			x.work_date, x.mandate);
		return;
	}
	if (!has_row(t, s))
		return;
	char code[CODE_LEN];
	snprintf(code, sizeof code, "%s", here);
	struct week_timer tm;
	if (t->timer.running) {
		snprintf(prompt, sizeof prompt, _("Chrono %s → %s, note de %s :"), t->timer.mandate, code,
			t->timer.mandate);
		if (!tui_input(t, prompt, t->timer.note, note, sizeof note))
			return;
		if (week_timer_switch(t->app, code, note, NULL, &x, &tm, &e) != JUSTE_OK) {
			tui_error(t, &e);
			return;
		}
		tui_timer_refresh(t);
		reload_or_say(t, s, s->w.monday);
		tui_info(t, _("Chronomètre passé sur %s : %s saisies sur %s"), tm.mandate,
			duration_format(x.minutes, d, sizeof d), x.mandate);
		return;
	}
	snprintf(prompt, sizeof prompt, _("Chrono sur %s, note (facultative) :"), code);
	if (!tui_input(t, prompt, "", note, sizeof note))
		return;
	if (week_timer_start(t->app, code, note, &tm, &e) != JUSTE_OK) {
		tui_error(t, &e);
		return;
	}
	tui_timer_refresh(t);
	tui_info(t, _("Chronomètre démarré sur %s : s pour l'arrêter et saisir le temps"), tm.mandate);
}

/* g: a date as the command line takes it (date_input.h). */
static void go_to(struct tui *t, struct week_state *s)
{
	char text[64];
	if (!tui_input(t, _("Date (AAAA-MM-JJ, hier, lundi, -N) :"), "", text, sizeof text))
		return;
	date_t day;
	struct juste_err e = { 0 };
	if (date_input_parse(text, app_today(), &day, &e) != JUSTE_OK
		|| reload(t, s, day, NULL, &e) != JUSTE_OK) {
		tui_error(t, &e);
		return;
	}
	s->tab.cur_col = date_weekday(day) - 1;
	char iso[ISO_LEN];
	tui_info(t, _("Semaine du %s"), date_format(day, iso));
	if (s->show_totals)
		reload_or_say(t, s, s->w.monday);
}

static void drop_row(struct tui *t, struct week_state *s)
{
	if (!has_row(t, s))
		return;
	char code[CODE_LEN];
	snprintf(code, sizeof code, "%s", s->w.rows[cur_row(s)].m.code);
	struct juste_err e = { 0 };
	juste_status st = week_drop_row(t->app, &s->w, cur_row(s), &e);
	int row = cur_row(s);
	reload_or_say(t, s, s->w.monday);
	if (st) {
		tui_error(t, &e);
		return;
	}
	if (s->w.nrows)
		widget_list_select(&s->tab.rows, row < s->w.nrows ? row : s->w.nrows - 1);
	tui_info(t, _("Ligne retirée : %s (n la remet)"), code);
}

static void toggle_totals(struct tui *t, struct week_state *s)
{
	s->show_totals = !s->show_totals;
	if (s->show_totals)
		reload_or_say(t, s, s->w.monday);
}

static enum view_result week_request(struct tui *t, void *state, enum action a, int f, wint_t ch)
{
	struct week_state *s = state;
	struct juste_err e = { 0 };
	/* the totals replace the grid: only m (and the global keys) apply */
	if (s->show_totals && a != ACT_TOTALS && a != ACT_PREV_WEEK && a != ACT_NEXT_WEEK && a != ACT_TODAY && a != ACT_GOTO)
		return a == ACT_NONE || keys_scope(a) != KS_G ? VIEW_HANDLED : VIEW_IGNORED;
	if (widget_table_key(&s->tab, a) != WIDGET_LIST_IGNORED)
		return VIEW_HANDLED;
	switch (a) {
	case ACT_PREV_WEEK:
	case ACT_NEXT_WEEK:
		if (reload(t, s, s->w.monday + (a == ACT_PREV_WEEK ? -7 : 7), NULL, &e) != JUSTE_OK)
			tui_error(t, &e);
		break;
	case ACT_TODAY:
		s->tab.cur_col = date_weekday(app_today()) - 1;
		if (reload(t, s, app_today(), NULL, &e) != JUSTE_OK)
			tui_error(t, &e);
		break;
	case ACT_EDIT: edit_cell(t, s, NULL); break;
	case ACT_NOTE:
	case ACT_DELETE: on_entry(t, s, a); break;
	case ACT_ADD_ROW: add_row(t, s); break;
	case ACT_TIMER: timer(t, s); break;
	case ACT_GOTO: go_to(t, s); break;
	case ACT_DROP_ROW: drop_row(t, s); break;
	case ACT_TOTALS: toggle_totals(t, s); break;
	case ACT_COPY_WEEK: {
		int added = 0;
		if (week_copy_previous(t->app, &s->w, &added, &e) != JUSTE_OK) {
			tui_error(t, &e);
			break;
		}
		reload_or_say(t, s, s->w.monday);
		tui_info(t, _("%d ligne(s) reprise(s) de la semaine précédente"), added);
		break;
	}
	case ACT_PIN: {
		if (!has_row(t, s))
			break;
		int now = 0;
		if (week_toggle_pin(t->app, &s->w, cur_row(s), &now, &e) != JUSTE_OK) {
			tui_error(t, &e);
			break;
		}
		reload_or_say(t, s, s->w.monday);
		tui_info(t, now ? _("Ligne épinglée sur toutes les semaines") : _("Ligne désépinglée"));
		break;
	}
	case ACT_NONE:
		/* a digit (or a decimal mark) starts typing a duration */
		if (!f && ((ch >= '0' && ch <= '9') || ch == ',' || ch == '.')) {
			char first[2] = { (char)ch, '\0' };
			edit_cell(t, s, first);
			break;
		}
		return VIEW_IGNORED;
	default:
		return VIEW_IGNORED;
	}
	return VIEW_HANDLED;
}

static const enum action week_bar[] = {
	ACT_EDIT, ACT_PREV_WEEK, ACT_NEXT_WEEK, ACT_ADD_ROW, ACT_NOTE, ACT_DELETE, ACT_TIMER, ACT_COPY_WEEK,
};

/* Keys outside the table: typing in a cell, and the marks of the grid. */
static const char *const week_help[] = {
	"0-9 , .", N_("taper une durée dans la cellule : 1h30, 1:30, 90m, 1,5 ; 0 supprime"),
	"Tab →", N_("(en saisie) enregistrer et passer au jour suivant"),
	"⏎ ↓", N_("(en saisie) enregistrer et passer à la ligne suivante"),
	"ESC", N_("(en saisie) annuler"),
	"¶ + * •", N_("la cellule a une note (lue sur la dernière ligne) ; plusieurs saisies ; verrouillée ; ligne épinglée"),
	NULL, NULL,
};

const struct view view_week = {
	.name = "week",
	.title = N_("Ma semaine"),
	.fkey = 2,
	.roles = ROLE_ANY,
	.scopes = KS_M | KS_W,
	.state_size = sizeof(struct week_state),
	.open = week_open,
	.draw = week_draw,
	.request = week_request,
	.unsaved = NULL,
	.bar = week_bar,
	.nbar = (int)(sizeof week_bar / sizeof week_bar[0]),
	.close = week_close,
	.reload = week_reload,
	.help_notes = week_help,
};
