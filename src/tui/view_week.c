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
#include "juste/approval.h"
#include "juste/rules.h"
#include "juste/text.h"
#include "juste/timelog.h"
#include "juste/vocab.h"
#include "juste/workdays.h"
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
	/* the day columns (layout()): each cell keeps its first column
	 * blank, then the duration right-aligned in dur_w columns, then its
	 * marks, so that nothing touches the name or the next cell */
	int dw, dur_w;
};

#define NOTE_MARK "¶"
/* The mandate's column keeps at least this much beside the days. */
#define NAME_MIN 16

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

/* The marks of a day cell: several entries, locked, noted. */
struct marks {
	int plus, lock, note;
};

static void day_parts(const struct week_state *s, int row, int day, char *dur, size_t n, struct marks *mk)
{
	const struct week *w = &s->w;
	const struct week_cell *c = &w->rows[row].cell[day];
	memset(mk, 0, sizeof *mk);
	if (!c->minutes) {
		snprintf(dur, n, "%s", c->locked ? "*" : "·");
		return;
	}
	duration_format(c->minutes, dur, n);
	for (int i = c->first; i >= 0 && i < w->nentries && !mk->note; i++)
		mk->note = w->entries[i].row == row && w->entries[i].day == day && w->entries[i].note[0];
	mk->plus = c->nentries > 1;
	mk->lock = c->locked;
}

/* "2h00+¶" laid out in a day column: a blank column, the duration
 * right-aligned in dur_w columns (its right edge under the weekday's),
 * then the marks.  Marks that do not fit go, the lock first (its colour
 * and the last line still say it), then the note (the last line shows
 * it), the "+" last (Enter opens a list). */
static void day_compose(const struct week_state *s, const char *dur, struct marks mk, char *buf, size_t n)
{
	int dl = text_width(dur);
	int dwid = dl > s->dur_w ? dl : s->dur_w;
	int room = s->dw - 1 - dwid;
	if (mk.plus + mk.lock + mk.note > room)
		mk.lock = 0;
	if (mk.plus + mk.note > room)
		mk.note = 0;
	if (mk.plus > room)
		mk.plus = 0;
	char d[64], m[96];
	text_pad_min(dur, dwid, TEXT_RIGHT, d, sizeof d);
	snprintf(m, sizeof m, " %s%s%s%s", d, mk.plus ? "+" : "", mk.lock ? "*" : "", mk.note ? NOTE_MARK : "");
	text_pad_min(m, s->dw, TEXT_LEFT, buf, n);
}

/* A weekday's header ("Lun 13") ending where the durations under it end,
 * or right-aligned when the durations are too narrow for that. */
static void head_compose(const struct week_state *s, const char *text, char *buf, size_t n)
{
	char h[64];
	if (text_width(text) > s->dur_w + 1) {
		text_pad_min(text, s->dw, TEXT_RIGHT, buf, n);
		return;
	}
	text_pad_min(text, s->dur_w + 1, TEXT_RIGHT, h, sizeof h);
	text_pad_min(h, s->dw, TEXT_LEFT, buf, n);
}

/* The day columns for this week at this width: a blank column, the
 * durations, then the marks the week's cells need (one at least).  The
 * durations take 5 columns where they fit, so that they end under the
 * right edge of the 6-column weekday above, else 4.  Wider than the base
 * (7, 10 from 120 columns) only when a cell needs it, and never leaving
 * the mandate's name less than NAME_MIN. */
static void layout(struct week_state *s, int width)
{
	const struct week *w = &s->w;
	int base = width >= 120 ? 10 : 7, tw = base + 1;
	int dl = 4, ml = 1;
	char d[DURATION_BUF];
	for (int r = 0; r < w->nrows; r++)
		for (int day = 0; day < WEEK_DAYS; day++) {
			struct marks mk;
			day_parts(s, r, day, d, sizeof d, &mk);
			int k = text_width(d), m = mk.plus + mk.lock + mk.note;
			dl = k > dl ? k : dl;
			ml = m > ml ? m : ml;
		}
	for (int day = 0; day < WEEK_DAYS; day++) {
		int k = text_width(duration_format(w->day_total[day], d, sizeof d));
		dl = k > dl ? k : dl;
	}
	int d5 = dl > 5 ? dl : 5, most = (width - NAME_MIN - tw) / WEEK_DAYS;
	if (most < base)
		most = base;
	int use = 1 + d5 + ml <= base ? d5 : 1 + dl + ml <= base ? dl : 1 + d5 + ml <= most ? d5 : dl;
	int dw = 1 + use + ml;
	if (dw < base)
		dw = base;
	if (dw > most)
		dw = most;
	int mark_w = dw - 1 - use;
	if (mark_w > 3)
		mark_w = 3;
	if (mark_w < 0)
		mark_w = 0;
	s->dw = dw;
	s->dur_w = dw - 1 - mark_w;
	s->widths[0] = width - WEEK_DAYS * dw - tw;
	for (int i = 1; i <= WEEK_DAYS; i++)
		s->widths[i] = dw;
	s->widths[NCOLS - 1] = tw;
}

static void cell(void *ctx, int row, int col, char *buf, size_t n, enum term_role *role)
{
	struct week_state *s = ctx;
	const struct week *w = &s->w;
	char d[DURATION_BUF];
	buf[0] = '\0';
	if (row < 0) {                       /* header */
		*role = TR_HEADER;
		if (col == 0)
			snprintf(buf, n, "%s", _("Mandat"));
		else if (col <= WEEK_DAYS) {
			/* a day off takes the weekday's place: the column still
			 * takes time (the last line says what the day is) */
			int k = col - 1;
			const char *abbr = w->day_off[k][0] ? _("Fér") : w->day_absent[k] == 2 ? _("Abs")
				: w->day_absent[k] == 1 ? _("½Ab") : _(day_abbr[k]);
			char h[32];
			snprintf(h, sizeof h, "%s %s", abbr, w->day[k] + 8);
			head_compose(s, h, buf, n);
			if (strcmp(w->day[k], s->today) == 0)
				*role = TR_TODAY;
			else if (w->day_off[k][0] || w->day_absent[k])
				*role = TR_DIM;
			return;
		} else
			snprintf(buf, n, "%s", _("Total"));
	} else if (row >= w->nrows) {        /* footer */
		*role = TR_TOTAL;
		if (col == 0)
			snprintf(buf, n, "%s", _("Total"));
		else if (col <= WEEK_DAYS) {
			struct marks none = { 0, 0, 0 };
			day_compose(s, duration_format(w->day_total[col - 1], d, sizeof d), none, buf, n);
			return;
		} else {
			snprintf(buf, n, "%s", duration_format(w->total, d, sizeof d));
			if (w->cap.minutes > 0 && w->total > w->cap.minutes)
				*role = TR_OVER;
		}
	} else if (col == 0) {
		const struct week_row *r = &w->rows[row];
		snprintf(buf, n, "%s%s %s · %s", r->m.pinned == 2 ? "•" : "", r->m.code, r->m.title, r->m.client_name);
		return;
	} else if (col <= WEEK_DAYS) {
		struct marks mk;
		day_parts(s, row, col - 1, d, sizeof d, &mk);
		day_compose(s, d, mk, buf, n);
		if (w->rows[row].cell[col - 1].locked)
			*role = TR_LOCKED;
		return;
	} else {
		snprintf(buf, n, "%s", duration_format(w->rows[row].total, d, sizeof d));
		*role = TR_TOTAL;
	}
	/* right-aligned columns keep one space on their right when it fits,
	 * and always one blank on their left */
	int width = col == 0 ? 0 : s->widths[col];
	if (col > 0 && text_width(buf) + 2 <= width && strlen(buf) + 2 < n)
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

/* "Jeu 09" */
static char *day_label(const struct week_state *s, int day, char *buf, size_t n)
{
	snprintf(buf, n, "%s %s", _(day_abbr[day]), s->w.day[day] + 8);
	return buf;
}

/* Half days as days: "2 j", "1,5 j". */
static char *days_text(int64_t halves, char *buf, size_t n)
{
	if (halves % 2)
		snprintf(buf, n, _("%lld,5 j"), (long long)(halves / 2));
	else
		snprintf(buf, n, _("%lld j"), (long long)(halves / 2));
	return buf;
}

#define APPEND(buf, n, len, ...) do { \
	int k_ = snprintf((buf) + (len), (len) < (n) ? (n) - (len) : 0, __VA_ARGS__); \
	if (k_ > 0) \
		(len) += (size_t)k_; \
	if ((len) >= (n)) \
		(len) = (n) - 1; \
} while (0)

/* How the week's capacity is made, so that it can be checked: "Capacité
 * 24h30 = 35h00 − 7h00 fériés − 3h30 absences" (the days are named on the
 * next line), and up to today while the week runs, as utilisation counts
 * it. */
static void capacity_text(const struct week_state *s, char *buf, size_t n)
{
	const struct week *w = &s->w;
	const struct capacity *c = &w->cap;
	char d1[DURATION_BUF], k[32], l1[32], l2[32];
	size_t len = 0;
	buf[0] = '\0';
	if (c->last < c->first || c->weekdays == 0) {
		APPEND(buf, n, len, "%s", _("Capacité 0h00 : aucun jour ouvrable en poste cette semaine"));
		return;
	}
	APPEND(buf, n, len, _("Capacité %s"), duration_format((long)c->minutes, d1, sizeof d1));
	if (c->holiday_days || c->absent_halves)
		APPEND(buf, n, len, _(" = %s"), duration_format((long)c->gross, d1, sizeof d1));
	else
		APPEND(buf, n, len, _(" (%s)"), days_text(2 * c->weekdays, k, sizeof k));
	if (c->holiday_days)
		APPEND(buf, n, len, _(" − %s fériés"), duration_format((long)c->holidays, d1, sizeof d1));
	if (c->absent_halves)
		APPEND(buf, n, len, _(" − %s absences"), duration_format((long)c->absences, d1, sizeof d1));
	/* employed only part of the week */
	if (c->first > w->monday || c->last < w->monday + 4)
		APPEND(buf, n, len, _(" · en poste du %s au %s"), day_label(s, (int)(c->first - w->monday), l1, sizeof l1),
			day_label(s, (int)(c->last - w->monday), l2, sizeof l2));
	const struct capacity *t = &w->cap_to_date;
	if (t->last < c->last && t->minutes != c->minutes)
		APPEND(buf, n, len, _(" · à ce jour %s"), duration_format((long)t->minutes, d1, sizeof d1));
}

/* The holidays, closures and absences the capacity leaves out, named:
 * "Fér : Jeu 09 Journée pédagogique · Abs : Mar 07 vacances, Mer 08 ½
 * formation"; 0 when there are none. */
static int named_days(const struct week_state *s, char *buf, size_t n)
{
	const struct week *w = &s->w;
	const struct capacity *c = &w->cap;
	char off[512] = "", abs[512] = "", l[32];
	size_t lo = 0, la = 0;
	for (int d = 0; d < 5; d++) {
		date_t day = w->monday + d;
		if (day < c->first || day > c->last)
			continue;
		if (w->day_off[d][0])
			APPEND(off, sizeof off, lo, "%s%s %s", lo ? ", " : "", day_label(s, d, l, sizeof l), w->day_off[d]);
		else if (w->day_absent[d])
			APPEND(abs, sizeof abs, la, "%s%s %s%s", la ? ", " : "", day_label(s, d, l, sizeof l),
				w->day_absent[d] == 1 ? "½ " : "", vocab_absence_kind_label(w->day_absence[d]));
	}
	size_t len = 0;
	buf[0] = '\0';
	if (lo)
		APPEND(buf, n, len, _("Fér : %s"), off);
	if (la)
		APPEND(buf, n, len, _("%sAbs : %s"), lo ? " · " : "", abs);
	return len > 0;
}

static void week_draw(struct tui *t, void *state, int y, int h, int width)
{
	(void)t;
	struct week_state *s = state;
	const struct week *w = &s->w;
	layout(s, width);
	char title[512], tot[64], d1[DURATION_BUF], d2[DURATION_BUF];
	snprintf(title, sizeof title, _(" Semaine du %s au %s · %s"), w->day[0], w->day[6], w->name);
	long cap = (long)w->cap.minutes;
	if (cap > 0)
		snprintf(tot, sizeof tot, _("%s / %s (%d %%) "), duration_format(w->total, d1, sizeof d1),
			duration_format(cap, d2, sizeof d2), (int)((long)w->total * 100 / cap));
	else
		snprintf(tot, sizeof tot, _("%s / %s "), duration_format(w->total, d1, sizeof d1),
			duration_format(cap, d2, sizeof d2));
	int totw = widget_width(tot);
	int over = cap > 0 && w->total > cap;
	widget_text(y, 0, title, width - totw, WIDGET_LEFT, term_attr(TR_TITLE));
	widget_text(y, width - totw, tot, totw, WIDGET_RIGHT, term_attr(over ? TR_OVER : TR_TITLE));
	if (s->show_totals) {
		draw_totals(s, y + 1, h - 1, width);
		return;
	}
	/* under the title: the capacity and what it leaves out, then where
	 * the week stands in its approval (always in sight, whatever the
	 * cursor is on) */
	char line[1024 + WEEK_WHY_LEN + 128];
	int top = y + 1;
	capacity_text(s, line, sizeof line);
	widget_text(top++, 1, line, width - 1, WIDGET_LEFT, term_attr(TR_DIM));
	if (named_days(s, line, sizeof line))
		widget_text(top++, 1, line, width - 1, WIDGET_LEFT, term_attr(TR_DIM));
	if (w->approval[0]) {
		snprintf(line, sizeof line, _("* verrouillé : %s — un gestionnaire l'approuve ou vous la retourne"),
			w->approval);
		widget_text(top++, 1, line, width - 1, WIDGET_LEFT, term_attr(TR_LOCKED));
	} else if (w->returned[0]) {
		/* "semaine retournée par gilles : <reason>": fix it, submit again */
		snprintf(line, sizeof line, _("%s — corrigez-la puis S la soumet de nouveau"), w->returned);
		widget_text(top++, 1, line, width - 1, WIDGET_LEFT, term_attr(TR_OVER));
	}
	widget_table_draw(&s->tab, top, 0, y + h - 1 - top, cell, s);
	/* the last line: the note of the cell under the cursor, else why some
	 * days are locked, or how to start */
	const char *legend = NULL;
	char buf[sizeof w->returned + 64];
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
	int day = s->tab.cur_col;
	/* a lock other than the week's own (said above): a closed month */
	for (int i = 0; i < WEEK_DAYS && !legend; i++)
		if (w->day_locked[i] && strcmp(w->day_why[i], w->approval) != 0) {
			snprintf(buf, sizeof buf, _("* verrouillé : %s"), w->day_why[i]);
			legend = buf;
		}
	if (!legend && day >= 0 && day < WEEK_DAYS && (w->day_off[day][0] || w->day_absent[day])) {
		/* "Ven 10 : Vendredi saint · absence (vacances)" */
		char what[NAME_LEN + 160] = "";
		if (w->day_off[day][0])
			snprintf(what, sizeof what, "%s", w->day_off[day]);
		if (w->day_absent[day]) {
			size_t k = strlen(what);
			snprintf(what + k, sizeof what - k, w->day_absent[day] == 1 ? _("%sdemi-journée d'absence (%s)")
				: _("%sabsence (%s)"), k ? " · " : "", vocab_absence_kind_label(w->day_absence[day]));
		}
		snprintf(buf, sizeof buf, _("%s %s : %s"), _(day_abbr[day]), w->day[day] + 8, what);
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

/* A save that took its mandate past 80 % or 100 % of its budget says that
 * instead: the cell already shows what was saved. */
static int said_budget(struct tui *t)
{
	const char *n = timelog_notice(t->app);
	if (!n[0])
		return 0;
	tui_info(t, "%s", n);
	return 1;
}

static void said(struct tui *t, struct week_state *s, int what, int minutes, int row, int day)
{
	char d[DURATION_BUF], where[128];
	cell_name(s, row, day, where, sizeof where);
	if ((what == 'a' || what == 'e') && said_budget(t))
		return;
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
		if (!said_budget(t))
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
		if (!said_budget(t))
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

static void submit_week(struct tui *t, struct week_state *s)
{
	char q[256];
	snprintf(q, sizeof q, _("Soumettre la semaine du %s au %s (%s) ? Elle sera verrouillée."), s->w.day[0],
		s->w.day[WEEK_DAYS - 1], s->w.login);
	if (!tui_confirm(t, q)) {
		tui_info(t, _("Rien n'a changé"));
		return;
	}
	struct juste_err e = { 0 };
	struct week_approval ap;
	juste_status st = approval_submit(t->app, s->w.monday, &ap, &e);
	reload_or_say(t, s, s->w.monday);
	if (st != JUSTE_OK) {
		tui_error(t, &e);
		return;
	}
	tui_info(t, _("Semaine soumise : verrouillée jusqu'à son approbation ou son retour"));
}

/* ------------------------------------------------------------- absences */

/* The words a kind of absence takes, for the form's hint. */
static const char *absence_kinds(void)
{
	static char hint[160];
	if (!hint[0])
		vocab_list(VOCAB_ABSENCE_KIND, " | ", " | ", hint, sizeof hint);
	return hint;
}

struct absence_form {
	struct week_state *s;
	struct absence_rec rec;
};

/* A date of the form as the command line takes it (date_input.h); ""
 * stays "" (an optional field). */
static int form_date(struct widget_form *fm, const char *name, char out[ISO_LEN])
{
	const char *v = widget_form_value(fm, name);
	out[0] = '\0';
	if (!v[0])
		return 1;
	date_t d;
	struct juste_err e = { 0 };
	if (date_input_parse(v, app_today(), &d, &e) != JUSTE_OK) {
		widget_form_error(fm, name, e.msg);
		return 0;
	}
	date_format(d, out);
	return 1;
}

/* Enter on the form: each field read, then the absence recorded by the
 * app (workdays_absence_add, as `juste absence add`); a refusal goes next
 * to the field it names and nothing is written. */
static int absence_submit(struct tui *t, void *ctx, struct widget_form *fm)
{
	struct absence_form *c = ctx;
	struct juste_err e = { 0 };
	char from[ISO_LEN], to[ISO_LEN];
	int kind = 0, half = 0;
	if (!form_date(fm, "from", from) || !form_date(fm, "to", to))
		return 0;
	if (!from[0]) {
		widget_form_error(fm, "from", _("le premier jour est obligatoire"));
		return 0;
	}
	if (vocab_parse(VOCAB_ABSENCE_KIND, widget_form_value(fm, "kind"), &kind, &e) != JUSTE_OK) {
		widget_form_error(fm, "kind", e.msg);
		return 0;
	}
	const char *h = widget_form_value(fm, "half");
	if (h[0] && rules_bool_parse(_("demi-journée"), h, &half, &e) != JUSTE_OK) {
		widget_form_error(fm, "half", e.msg);
		return 0;
	}
	if (workdays_absence_add(t->app, NULL, from, to, (enum absence_kind)kind, half, &c->rec, &e) != JUSTE_OK) {
		widget_form_error(fm, e.field, e.msg[0] ? e.msg : _("refusé"));
		return 0;
	}
	return 1;
}

/* a: records one's own absence, from the day under the cursor. */
static void absence_add(struct tui *t, struct week_state *s)
{
	struct widget_form *fm = calloc(1, sizeof *fm);
	if (!fm)
		return;
	int day = s->tab.cur_col >= 0 && s->tab.cur_col < WEEK_DAYS ? s->tab.cur_col : 0;
	widget_form_add(fm, "from", _("Du"), s->w.day[day], 0, _("AAAA-MM-JJ, lundi, hier, -N"));
	widget_form_add(fm, "to", _("Au"), "", 0, _("facultatif : le dernier jour (vide : un seul jour)"));
	widget_form_add(fm, "kind", _("Genre"), "", 0, absence_kinds());
	widget_form_add(fm, "half", _("Demi-journée"), "non", 0, _("oui : une demi-journée par jour"));
	struct absence_form c = { .s = s };
	int saved = tui_form(t, _("Mon absence"), fm, absence_submit, &c);
	free(fm);
	if (!saved) {
		tui_info(t, _("Rien n'a changé"));
		return;
	}
	reload_or_say(t, s, s->w.monday);
	tui_info(t, _("Absence enregistrée : %s → %s, %s%s"), c.rec.first, c.rec.last,
		vocab_absence_kind_label(c.rec.kind), c.rec.half ? _(" (demi-journées)") : "");
}

struct absence_list {
	struct absence_rec *v;
	int n, cap;
	int nomem;
};

static int on_absence(void *ctx, const struct absence_rec *r)
{
	struct absence_list *l = ctx;
	if (l->n == l->cap) {
		int cap = l->cap ? l->cap * 2 : 16;
		struct absence_rec *v = realloc(l->v, (size_t)cap * sizeof *v);
		if (!v)
			return l->nomem = 1;
		l->v = v;
		l->cap = cap;
	}
	l->v[l->n++] = *r;
	return 0;
}

/* A: one's own absences from a year before this week on; Enter goes to
 * the week of one, d removes it (after confirmation). */
static void absence_list(struct tui *t, struct week_state *s)
{
	struct absence_list l = { 0 };
	struct juste_err e = { 0 };
	char since[ISO_LEN];
	date_format(s->w.monday - 366, since);
	if (workdays_absence_list(t->app, s->w.login, since, NULL, on_absence, &l, &e) != JUSTE_OK || l.nomem) {
		if (l.nomem)
			err_set(&e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
		tui_error(t, &e);
		free(l.v);
		return;
	}
	if (l.n == 0) {
		free(l.v);
		tui_info(t, _("Aucune absence depuis le %s : a en inscrit une"), since);
		return;
	}
	char (*labels)[160] = calloc((size_t)l.n, sizeof *labels);
	const char **lp = calloc((size_t)l.n, sizeof *lp);
	if (!labels || !lp) {
		free(labels);
		free(lp);
		free(l.v);
		return;
	}
	for (int i = 0; i < l.n; i++) {
		snprintf(labels[i], sizeof labels[i], "%s → %s  %s%s", l.v[i].first, l.v[i].last,
			vocab_absence_kind_label(l.v[i].kind), l.v[i].half ? _(" (demi-journées)") : "");
		lp[i] = labels[i];
	}
	static const enum action extra[] = { ACT_DELETE };
	enum action act;
	int k = tui_pick(t, _("Mes absences — ⏎ aller à sa semaine, d retirer, Échap fermer"), lp, NULL, l.n, 0, extra, 1,
		&act);
	struct absence_rec r;
	if (k >= 0)
		r = l.v[k];
	free(lp);
	free(labels);
	free(l.v);
	if (k < 0)
		return;
	date_t first;
	if (act != ACT_DELETE) {
		if (date_parse(r.first, &first, &e) != JUSTE_OK || reload(t, s, first, NULL, &e) != JUSTE_OK) {
			tui_error(t, &e);
			return;
		}
		s->tab.cur_col = date_weekday(first) - 1;
		tui_info(t, _("Semaine du %s"), r.first);
		return;
	}
	char q[256];
	snprintf(q, sizeof q, _("Retirer l'absence du %s au %s (%s) ?"), r.first, r.last, vocab_absence_kind_label(r.kind));
	if (!tui_confirm(t, q)) {
		tui_info(t, _("Rien n'a changé"));
		return;
	}
	struct absence_rec gone;
	juste_status st = workdays_absence_remove(t->app, r.id, &gone, &e);
	reload_or_say(t, s, s->w.monday);
	if (st != JUSTE_OK) {
		tui_error(t, &e);
		return;
	}
	tui_info(t, _("Absence retirée : %s → %s"), gone.first, gone.last);
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
	case ACT_SUBMIT_WEEK: submit_week(t, s); break;
	case ACT_ABSENCE: absence_add(t, s); break;
	case ACT_ABSENCES: absence_list(t, s); break;
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
	"= −", N_("sous le titre, la capacité de la semaine : heures par semaine ÷ 5 par jour ouvrable, moins les fériés, fermetures et absences, nommés dessous ; la semaine en cours, aussi à ce jour"),
	"Fér Abs ½Ab", N_("en-tête : jour férié ou fermeture ; absence ; demi-journée d'absence (dite sur la dernière ligne ; on peut y saisir)"),
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
