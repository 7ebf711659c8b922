/*
 * view_util.c - Utilisation: the manager's board, in three tabs.
 *
 *   experts   one row per expert for a week, a month or the fiscal year to
 *             date (report_utilisation, the figures `juste report
 *             utilisation` prints), sortable by any column; Enter shows
 *             that expert's week, read-only;
 *   mandats   budgets in hours and dollars against what was used, by risk;
 *   clients   hours and revenue of the fiscal year to date against the
 *             same days last year (revenue: the months ended, by period
 *             served);
 *   semaines  the weeks the experts submitted, waiting for a decision
 *             (approval_pending): approve, return with a reason, or open
 *             one read-only;
 *   absences  the experts' absences meeting the period, and a form to add
 *             one (workdays_absence_add);
 *   fermetures the statutory holidays and the centre's closures of a
 *             year, a form to add a closure, and removing one.
 * Every figure comes with its row (utilisation.h, budget.h,
 * client_revenue.h): the cells only format.
 * Each tab reads once when first shown and again on `r` or a new period:
 * sorting and scrolling never touch the database.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "juste/approval.h"
#include "juste/budget.h"
#include "juste/client_revenue.h"
#include "juste/duration.h"
#include "juste/i18n.h"
#include "juste/money.h"
#include "juste/figures.h"
#include "juste/rules.h"
#include "juste/text.h"
#include "juste/utilisation.h"
#include "juste/workdays.h"
#include "tui/view.h"

enum { TAB_EXPERTS, TAB_MANDATES, TAB_CLIENTS, TAB_WEEKS, TAB_ABSENCES, TAB_CLOSURES, NTABS };
#define XCOLS UTIL_NCOLS
#define BCOLS 8
#define CCOLS 7
#define QCOLS 4
#define ACOLS 5
#define HCOLS 4
#define WCOLS (WEEK_DAYS + 2)

static const char *const tab_names[NTABS] = { N_("experts"), N_("mandats"), N_("clients"), N_("à approuver"),
	N_("absences"), N_("fermetures") };
static const char *const period_names[UTIL_NPERIODS] = { N_("semaine"), N_("mois"), N_("exercice à ce jour") };

struct util_state {
	int tab;
	enum utilisation_period period;
	date_t day;                   /* the period holds it */
	char from[ISO_LEN], to[ISO_LEN];
	int loaded[NTABS];
	struct utilisation u;
	int sort_col, sort_desc;
	struct budget_row *b;
	size_t nb;
	struct client_revenue c;
	struct week_approval *q;      /* weeks waiting for a decision */
	size_t nq;
	struct absence_rec *ab;       /* absences meeting the period */
	size_t nab;
	struct holiday_row *hol;      /* holidays and closures of `year` */
	size_t nhol;
	int year;
	/* the capacity of the expert under the cursor, apart (read when the
	 * cursor or the period changes) */
	char cap_login[LOGIN_LEN], cap_from[ISO_LEN], cap_to[ISO_LEN];
	struct capacity cap;
	int cap_ok;
	struct widget_table tab_t[NTABS];
	int widths[NTABS][10];
	enum widget_align align[NTABS][10];
	/* an expert's week, read-only */
	int in_week;
	struct week w;
	struct widget_table wt;
	int ww[WCOLS];
	enum widget_align wa[WCOLS];
};

static enum text_lang lang(void)
{
	return text_lang_of(i18n_language());
}

/* Growing arrays the list callbacks fill. */
struct grow {
	void **items;
	size_t *n;
	size_t cap;
	size_t size;
};

static int grow_add(struct grow *g, const void *item)
{
	if (*g->n == g->cap) {
		size_t cap = g->cap ? 2 * g->cap : 16;
		void *p = realloc(*g->items, cap * g->size);
		if (!p)
			return 1;
		*g->items = p;
		g->cap = cap;
	}
	memcpy((char *)*g->items + *g->n * g->size, item, g->size);
	(*g->n)++;
	return 0;
}

static int on_week(void *ctx, const struct week_approval *w) { return grow_add(ctx, w); }
static int on_absence(void *ctx, const struct absence_rec *a) { return grow_add(ctx, a); }
static int on_holiday(void *ctx, const struct holiday_row *h) { return grow_add(ctx, h); }

static void set_range(struct tui *t, struct util_state *s)
{
	utilisation_period_range(t->app, s->period, s->day, s->from, s->to);
}

static juste_status load_tab(struct tui *t, struct util_state *s, int tab, struct juste_err *e)
{
	juste_status st = JUSTE_OK;
	if (tab == TAB_EXPERTS) {
		struct utilisation u;
		if ((st = utilisation_load(t->app, s->from, s->to, s->day, &u, e)))
			return st;
		utilisation_free(&s->u);
		s->u = u;
		utilisation_sort(&s->u, (enum utilisation_col)s->sort_col, s->sort_desc);
		widget_list_set_rows(&s->tab_t[tab].rows, (int)u.n);
		s->cap_login[0] = '\0';     /* absences or holidays may have changed */
	} else if (tab == TAB_MANDATES) {
		struct budget_row *b;
		size_t n;
		if ((st = budget_list(t->app, NULL, &b, &n, e)))
			return st;
		free(s->b);
		s->b = b;
		s->nb = n;
		widget_list_set_rows(&s->tab_t[tab].rows, (int)n);
	} else if (tab == TAB_CLIENTS) {
		struct client_revenue c;
		if ((st = client_revenue_load(t->app, app_today(), &c, e)))
			return st;
		client_revenue_free(&s->c);
		s->c = c;
		widget_list_set_rows(&s->tab_t[tab].rows, (int)c.n);
	} else {
		void *items = NULL;
		size_t n = 0;
		struct grow g = { &items, &n, 0, 0 };
		if (tab == TAB_WEEKS) {
			g.size = sizeof *s->q;
			st = approval_pending(t->app, on_week, &g, e);
		} else if (tab == TAB_ABSENCES) {
			g.size = sizeof *s->ab;
			st = workdays_absence_list(t->app, NULL, s->from, s->to, on_absence, &g, e);
		} else {
			g.size = sizeof *s->hol;
			st = workdays_holidays(t->app, s->year, on_holiday, &g, e);
		}
		if (st) {
			free(items);
			return st;
		}
		if (tab == TAB_WEEKS) {
			free(s->q);
			s->q = items;
			s->nq = n;
		} else if (tab == TAB_ABSENCES) {
			free(s->ab);
			s->ab = items;
			s->nab = n;
		} else {
			free(s->hol);
			s->hol = items;
			s->nhol = n;
		}
		widget_list_set_rows(&s->tab_t[tab].rows, (int)n);
	}
	s->loaded[tab] = 1;
	return JUSTE_OK;
}

static void ensure(struct tui *t, struct util_state *s)
{
	struct juste_err e = { 0 };
	if (!s->loaded[s->tab] && load_tab(t, s, s->tab, &e))
		tui_error(t, &e);
}

static juste_status util_open(struct tui *t, void *state, struct juste_err *e)
{
	struct util_state *s = state;
	s->period = UTIL_MONTH;
	s->day = app_today();
	int yy, mm, dd;
	date_to_ymd(s->day, &yy, &mm, &dd);
	s->year = yy;
	set_range(t, s);
	static const int ncols[NTABS] = { XCOLS, BCOLS, CCOLS, QCOLS, ACOLS, HCOLS };
	for (int i = 0; i < NTABS; i++) {
		struct widget_table *tb = &s->tab_t[i];
		tb->ncols = ncols[i];
		tb->header = 1;
		tb->footer = i == TAB_EXPERTS || i == TAB_CLIENTS;
		tb->widths = s->widths[i];
		tb->align = s->align[i];
		tb->first_cursor_col = 0;
		tb->ncursor_cols = i == TAB_EXPERTS ? XCOLS : 1;
		tb->gap = 1;   /* right-aligned figures keep one space from the next column */
		for (int c = 0; c < tb->ncols; c++)
			s->align[i][c] = c == 0 || i > TAB_CLIENTS ? WIDGET_LEFT : WIDGET_RIGHT;
	}
	s->align[TAB_WEEKS][2] = WIDGET_RIGHT;
	s->wt.ncols = WCOLS;
	s->wt.header = s->wt.footer = 1;
	s->wt.widths = s->ww;
	s->wt.align = s->wa;
	s->wt.first_cursor_col = 1;
	s->wt.ncursor_cols = WEEK_DAYS;
	for (int c = 0; c < WCOLS; c++)
		s->wa[c] = c == 0 ? WIDGET_LEFT : WIDGET_RIGHT;
	return load_tab(t, s, TAB_EXPERTS, e);
}

static void util_close(struct tui *t, void *state)
{
	(void)t;
	struct util_state *s = state;
	utilisation_free(&s->u);
	free(s->b);
	s->b = NULL;
	client_revenue_free(&s->c);
	free(s->q);
	free(s->ab);
	free(s->hol);
	s->q = NULL;
	s->ab = NULL;
	s->hol = NULL;
	week_free(&s->w);
}

/* ------------------------------------------------------------------ draw */

static void pct(int ok, int64_t tenths, char *buf, size_t n)
{
	figures_pct_lang(lang(), ok, tenths, buf, n);
}

static void hrs(int64_t minutes, char *buf, size_t n)
{
	duration_format_hours_lang(lang(), (long)minutes, buf, n);
}

static const char *money(int64_t cents, char *buf, size_t n)
{
	return money_format_lang(lang(), cents, buf, n);
}

static void expert_cell(void *ctx, int row, int col, char *buf, size_t n, enum term_role *role)
{
	struct util_state *s = ctx;
	static const char *const head[XCOLS] = { N_("Expert"), N_("Capacité"), N_("Saisi"), N_("Facturable"),
		N_("Interne"), N_("Util."), N_("Sem. passée") };
	if (row < 0) {
		*role = TR_HEADER;
		snprintf(buf, n, "%s%s", _(head[col]), col == s->sort_col ? (s->sort_desc ? " ▼" : " ▲") : "");
		return;
	}
	const struct utilisation_row *r = row >= (int)s->u.n ? &s->u.total : &s->u.rows[row];
	if (row >= (int)s->u.n)
		*role = TR_TOTAL;
	switch (col) {
	case UTIL_NAME: snprintf(buf, n, "%s", r->name); break;
	case UTIL_CAPACITY: hrs(r->capacity, buf, n); break;
	case UTIL_LOGGED: hrs(r->logged, buf, n); break;
	case UTIL_BILLABLE: hrs(r->billable, buf, n); break;
	case UTIL_INTERNAL: hrs(r->internal, buf, n); break;
	case UTIL_PCT: pct(r->pct_ok, r->pct, buf, n); break;
	default:
		if (row >= (int)s->u.n) {
			hrs(r->last_week, buf, n);
		} else {
			char h[32];
			hrs(r->last_week, h, sizeof h);
			snprintf(buf, n, "%s %s", r->mark == UTIL_MARK_NOTHING ? _("⚠ rien") :
				r->mark == UTIL_MARK_HALF ? _("⚠ < ½") : "", h);
			if (r->mark)
				*role = TR_OVER;
		}
		break;
	}
}

static void budget_cell(void *ctx, int row, int col, char *buf, size_t n, enum term_role *role)
{
	struct util_state *s = ctx;
	static const char *const head[BCOLS] = { N_("Mandat"), N_("Budget h"), N_("Util. h"), N_("Reste h"),
		N_("Budget $"), N_("Util. $"), N_("Reste $"), N_("% util.") };
	char m[MONEY_BUF];
	if (row < 0) {
		*role = TR_HEADER;
		snprintf(buf, n, "%s", _(head[col]));
		return;
	}
	const struct budget_row *b = &s->b[row];
	if (b->level >= 100)
		*role = TR_OVER;
	else if (b->level >= 80)
		*role = TR_TODAY;
	switch (col) {
	case 0: snprintf(buf, n, "%s %s · %s", b->code, b->title, b->client); break;
	case 1: if (b->budget_minutes) hrs(b->budget_minutes, buf, n); break;
	case 2: hrs(b->used_minutes, buf, n); break;
	case 3: if (b->budget_minutes) hrs(b->remaining_minutes, buf, n); break;
	case 4: if (b->budget_cents) snprintf(buf, n, "%s", money(b->budget_cents, m, sizeof m)); break;
	case 5: snprintf(buf, n, "%s", money(b->used_cents, m, sizeof m)); break;
	case 6: if (b->budget_cents) snprintf(buf, n, "%s", money(b->remaining_cents, m, sizeof m)); break;
	default: {
		char p[32];
		pct(1, b->pct, p, sizeof p);
		snprintf(buf, n, "%s%s", b->level >= 100 ? "!! " : b->level >= 80 ? "! " : "", p);
		break;
	}
	}
}

static void client_cell(void *ctx, int row, int col, char *buf, size_t n, enum term_role *role)
{
	struct util_state *s = ctx;
	static const char *const head[CCOLS] = { N_("Client"), N_("Heures N-1"), N_("Heures"), N_("Écart"),
		N_("Revenus N-1"), N_("Revenus"), N_("Écart") };
	char m[MONEY_BUF];
	if (row < 0) {
		*role = TR_HEADER;
		snprintf(buf, n, "%s", _(head[col]));
		return;
	}
	const struct client_revenue_row *c = row >= (int)s->c.n ? &s->c.total : &s->c.rows[row];
	if (row >= (int)s->c.n)
		*role = TR_TOTAL;
	switch (col) {
	case 0: snprintf(buf, n, "%s %s", c->code, c->name); break;
	case 1: hrs(c->minutes[0], buf, n); break;
	case 2: hrs(c->minutes[1], buf, n); break;
	case 3: figures_pct_signed_lang(lang(), c->minutes_growth.ok, c->minutes_growth.tenths, buf, n); break;
	case 4: snprintf(buf, n, "%s", money(c->revenue_cents[0], m, sizeof m)); break;
	case 5: snprintf(buf, n, "%s", money(c->revenue_cents[1], m, sizeof m)); break;
	default: figures_pct_signed_lang(lang(), c->revenue_growth.ok, c->revenue_growth.tenths, buf, n); break;
	}
}

static void queue_cell(void *ctx, int row, int col, char *buf, size_t n, enum term_role *role)
{
	struct util_state *s = ctx;
	static const char *const head[QCOLS] = { N_("Expert"), N_("Semaine du"), N_("Heures"), N_("Soumise le") };
	if (row < 0) {
		*role = TR_HEADER;
		snprintf(buf, n, "%s", _(head[col]));
		return;
	}
	const struct week_approval *q = &s->q[row];
	switch (col) {
	case 0: snprintf(buf, n, "%s (%s)", q->name, q->login); break;
	case 1: snprintf(buf, n, "%s", q->monday); break;
	case 2: hrs(q->minutes, buf, n); break;
	/* the store's UTC timestamp, to the minute */
	default: snprintf(buf, n, "%.10s %.5s", q->submitted_at, q->submitted_at + (strlen(q->submitted_at) > 11 ? 11 : 0)); break;
	}
}

static void absence_cell(void *ctx, int row, int col, char *buf, size_t n, enum term_role *role)
{
	struct util_state *s = ctx;
	static const char *const head[ACOLS] = { N_("Expert"), N_("Du"), N_("Au"), N_("Nature"), N_("Demi-journée") };
	if (row < 0) {
		*role = TR_HEADER;
		snprintf(buf, n, "%s", _(head[col]));
		return;
	}
	const struct absence_rec *a = &s->ab[row];
	switch (col) {
	case 0: snprintf(buf, n, "%s (%s)", a->name, a->login); break;
	case 1: snprintf(buf, n, "%s", a->first); break;
	case 2: snprintf(buf, n, "%s", a->last); break;
	case 3: snprintf(buf, n, "%s", vocab_absence_kind_label(a->kind)); break;
	default: snprintf(buf, n, "%s", a->half ? _("oui") : ""); break;
	}
}

static void holiday_cell(void *ctx, int row, int col, char *buf, size_t n, enum term_role *role)
{
	struct util_state *s = ctx;
	static const char *const head[HCOLS] = { N_("Du"), N_("Au"), N_("Nom"), N_("Genre") };
	if (row < 0) {
		*role = TR_HEADER;
		snprintf(buf, n, "%s", _(head[col]));
		return;
	}
	const struct holiday_row *h = &s->hol[row];
	if (h->statutory)
		*role = TR_DIM;
	switch (col) {
	case 0: snprintf(buf, n, "%s", h->first); break;
	case 1: snprintf(buf, n, "%s", h->last); break;
	case 2: snprintf(buf, n, "%s", h->name); break;
	default: snprintf(buf, n, "%s", h->statutory ? _("férié") : _("fermeture")); break;
	}
}

static void week_cell(void *ctx, int row, int col, char *buf, size_t n, enum term_role *role)
{
	struct util_state *s = ctx;
	const struct week *w = &s->w;
	char d[DURATION_BUF];
	static const char *const day_abbr[WEEK_DAYS] = { N_("Lun"), N_("Mar"), N_("Mer"), N_("Jeu"), N_("Ven"),
		N_("Sam"), N_("Dim") };
	if (row < 0) {
		*role = TR_HEADER;
		if (col == 0)
			snprintf(buf, n, "%s", _("Mandat"));
		else if (col <= WEEK_DAYS)
			snprintf(buf, n, "%s %s ", _(day_abbr[col - 1]), w->day[col - 1] + 8);
		else
			snprintf(buf, n, "%s ", _("Total"));
		return;
	}
	if (row >= w->nrows) {
		*role = TR_TOTAL;
		if (col == 0)
			snprintf(buf, n, "%s", _("Total"));
		else
			snprintf(buf, n, "%s ", duration_format(col <= WEEK_DAYS ? w->day_total[col - 1] : w->total, d, sizeof d));
		return;
	}
	const struct week_row *r = &w->rows[row];
	if (col == 0) {
		snprintf(buf, n, "%s %s · %s", r->m.code, r->m.title, r->m.client_name);
	} else if (col <= WEEK_DAYS) {
		const struct week_cell *c = &r->cell[col - 1];
		if (c->minutes)
			snprintf(buf, n, "%s%s ", duration_format(c->minutes, d, sizeof d), c->locked ? "*" : "");
		else
			snprintf(buf, n, "%s ", c->locked ? "*" : "·");
		if (c->locked)
			*role = TR_LOCKED;
	} else {
		snprintf(buf, n, "%s ", duration_format(r->total, d, sizeof d));
		*role = TR_TOTAL;
	}
}

static void draw_week(struct util_state *s, int y, int h, int width)
{
	const struct week *w = &s->w;
	int dw = width >= 120 ? 10 : 7;
	s->ww[0] = width - WEEK_DAYS * dw - (dw + 1);
	for (int i = 1; i <= WEEK_DAYS; i++)
		s->ww[i] = dw;
	s->ww[WCOLS - 1] = dw + 1;
	char title[512], d1[DURATION_BUF], d2[DURATION_BUF];
	snprintf(title, sizeof title, _(" %s · lecture seule · semaine du %s au %s · %s / %s"), w->name, w->day[0],
		w->day[6], duration_format(w->total, d1, sizeof d1), duration_format(w->capacity, d2, sizeof d2));
	widget_text(y, 0, title, width, WIDGET_LEFT, term_attr(TR_TITLE));
	widget_table_draw(&s->wt, y + 1, 0, h - 2, week_cell, s);
	const char *legend = _("[ ] semaine précédente / suivante · Échap retour");
	char buf[256];
	for (int i = 0; i < WEEK_DAYS; i++)
		if (w->day_locked[i]) {
			snprintf(buf, sizeof buf, _("* verrouillé : %s"), w->day_why[i]);
			legend = buf;
			break;
		}
	widget_text(y + h - 1, 0, legend, width, WIDGET_LEFT, term_attr(TR_DIM));
}

/* What the capacity of the expert under the cursor is made of, so that
 * the figure can be checked: workdays_capacity(), the function the
 * figures come from.  The line names them by login: their row names them
 * in full. */
static void capacity_line(struct tui *t, struct util_state *s, int y, int w)
{
	int row = widget_list_current(&s->tab_t[TAB_EXPERTS].rows);
	if (row < 0 || row >= (int)s->u.n) {
		widget_fill(y, 0, w, A_NORMAL);
		return;
	}
	const struct utilisation_row *r = &s->u.rows[row];
	if (strcmp(s->cap_login, r->login) != 0 || strcmp(s->cap_from, s->from) != 0 || strcmp(s->cap_to, s->to) != 0) {
		date_t f, l;
		struct juste_err e = { 0 };
		s->cap_ok = date_parse(s->from, &f, NULL) == JUSTE_OK && date_parse(s->to, &l, NULL) == JUSTE_OK
			&& workdays_capacity(t->app, r->login, f, l, &s->cap, &e) == JUSTE_OK;
		snprintf(s->cap_login, sizeof s->cap_login, "%s", r->login);
		snprintf(s->cap_from, sizeof s->cap_from, "%s", s->from);
		snprintf(s->cap_to, sizeof s->cap_to, "%s", s->to);
	}
	char line[1024] = "", c[32], g[32], hd[32], ab[32];
	if (s->cap_ok) {
		hrs(s->cap.minutes, c, sizeof c);
		hrs(s->cap.gross, g, sizeof g);
		hrs(s->cap.holidays, hd, sizeof hd);
		hrs(s->cap.absences, ab, sizeof ab);
		char part[400];
		/* the holidays include the centre's closures */
		snprintf(part, sizeof part, _("en poste %s · fériés −%s · absences −%s · capacité %s h"), g, hd, ab, c);
		snprintf(line, sizeof line, "%s : %s", r->login, part);
		if (widget_width(line) > w)
			snprintf(line, sizeof line, "%s", part);
	}
	widget_text(y, 0, line, w, WIDGET_LEFT, term_attr(TR_DIM));
}

static void util_draw(struct tui *t, void *state, int y, int h, int w)
{
	struct util_state *s = state;
	if (s->in_week) {
		draw_week(s, y, h, w);
		return;
	}
	ensure(t, s);
	char title[256];
	if (s->tab == TAB_EXPERTS)
		snprintf(title, sizeof title, _(" %s : %s au %s"), _(period_names[s->period]), s->from, s->to);
	else if (s->tab == TAB_MANDATES)
		snprintf(title, sizeof title, _(" budgets des mandats, par risque"));
	else if (s->tab == TAB_CLIENTS)
		snprintf(title, sizeof title, _(" %s au %s / %s au %s"), s->c.from[1], s->c.to[1], s->c.from[0], s->c.to[0]);
	else if (s->tab == TAB_WEEKS)
		snprintf(title, sizeof title, ngettext(" %zu semaine soumise", " %zu semaines soumises", (unsigned long)s->nq),
			s->nq);
	else if (s->tab == TAB_ABSENCES)
		snprintf(title, sizeof title, _(" %s : %s au %s"), _(period_names[s->period]), s->from, s->to);
	else
		snprintf(title, sizeof title, _(" jours fériés et fermetures de %d"), s->year);
	/* the tabs, then what the figures cover: when both do not fit, the
	 * other tabs show only their number */
	char tabs[NTABS][64];
	int full = widget_width(title);
	for (int i = 0; i < NTABS; i++) {
		snprintf(tabs[i], sizeof tabs[i], " %d %s ", i + 1, _(tab_names[i]));
		full += widget_width(tabs[i]) + 1;
	}
	int x = 0;
	for (int i = 0; i < NTABS; i++) {
		if (full > w && i != s->tab)
			snprintf(tabs[i], sizeof tabs[i], " %d ", i + 1);
		x += widget_text(y, x, tabs[i], widget_width(tabs[i]), WIDGET_LEFT,
			term_attr(i == s->tab ? TR_TAB_ACTIVE : TR_HEADER));
		if (x + 2 < w)
			x += widget_text(y, x, " ", 1, WIDGET_LEFT, A_NORMAL);
	}
	if (x < w)
		widget_text(y, x, title, w - x, WIDGET_LEFT, term_attr(TR_TITLE));
	struct widget_table *tb = &s->tab_t[s->tab];
	int *wd = s->widths[s->tab];
	const char *legend;
	if (s->tab == TAB_EXPERTS) {
		static const int narrow[XCOLS] = { 0, 10, 9, 13, 9, 9, 12 }, wide[XCOLS] = { 0, 13, 12, 14, 12, 10, 18 };
		wd[0] = w;
		for (int c = 1; c < XCOLS; c++) {
			wd[c] = w >= 120 ? wide[c] : narrow[c];
			wd[0] -= wd[c];
		}
		widget_table_draw(tb, y + 1, 0, h - 3, expert_cell, s);
		capacity_line(t, s, y + h - 2, w);
		legend = _("s trier (colonne du curseur) · p période · [ ] préc./suiv. · ⏎ semaine · ⚠ peu ou rien saisi la semaine passée");
	} else if (s->tab == TAB_MANDATES) {
		int hcol = w >= 120 ? 10 : 7, mcol = w >= 120 ? 15 : 11, pcol = w >= 120 ? 10 : 8;
		wd[1] = wd[2] = wd[3] = hcol;
		wd[4] = wd[5] = wd[6] = mcol;
		wd[7] = pcol;
		wd[0] = w - 3 * hcol - 3 * mcol - pcol;
		if (s->nb == 0)
			widget_text(y + 2, 1, _("Aucun mandat n'a de budget"), w - 2, WIDGET_LEFT, term_attr(TR_DIM));
		else
			widget_table_draw(tb, y + 1, 0, h - 2, budget_cell, s);
		legend = _("! plus de 80 % du budget · !! plus de 100 % · $ utilisés : factures émises, nettes des notes de crédit");
	} else if (s->tab == TAB_WEEKS) {
		wd[1] = 12;
		wd[2] = w >= 120 ? 12 : 9;
		wd[3] = w >= 120 ? 20 : 18;
		wd[0] = w - wd[1] - wd[2] - wd[3];
		if (s->nq == 0)
			widget_text(y + 2, 1, _("Aucune semaine à approuver"), w - 2, WIDGET_LEFT, term_attr(TR_DIM));
		else
			widget_table_draw(tb, y + 1, 0, h - 2, queue_cell, s);
		legend = _("a approuver · R retourner avec un motif · ⏎ voir la semaine");
	} else if (s->tab == TAB_ABSENCES) {
		wd[1] = wd[2] = 12;
		wd[3] = w >= 120 ? 20 : 16;
		wd[4] = w >= 120 ? 14 : 13;
		wd[0] = w - wd[1] - wd[2] - wd[3] - wd[4];
		if (s->nab == 0)
			widget_text(y + 2, 1, _("Aucune absence sur la période"), w - 2, WIDGET_LEFT, term_attr(TR_DIM));
		else
			widget_table_draw(tb, y + 1, 0, h - 2, absence_cell, s);
		legend = _("n ajouter une absence · x retirer · p période · [ ] préc./suiv.");
	} else if (s->tab == TAB_CLOSURES) {
		wd[0] = wd[1] = 12;
		wd[3] = 12;
		wd[2] = w - wd[0] - wd[1] - wd[3];
		widget_table_draw(tb, y + 1, 0, h - 2, holiday_cell, s);
		legend = _("n ajouter une fermeture · x retirer la fermeture · [ ] année préc./suiv.");
	} else {
		int hcol = w >= 120 ? 11 : 9, mcol = w >= 120 ? 15 : 13, g = 9;
		wd[1] = wd[2] = hcol;
		wd[4] = wd[5] = mcol;
		wd[3] = wd[6] = g;
		wd[0] = w - 2 * hcol - 2 * mcol - 2 * g;
		widget_table_draw(tb, y + 1, 0, h - 2, client_cell, s);
		legend = _("exercice à ce jour contre les mêmes jours l'an dernier · revenus : factures des mois terminés, nettes, avant taxes");
	}
	widget_text(y + h - 1, 0, legend, w, WIDGET_LEFT, term_attr(TR_DIM));
}

/* --------------------------------------------------------------- actions */

static void reload_all(struct tui *t, struct util_state *s)
{
	for (int i = 0; i < NTABS; i++)
		s->loaded[i] = 0;
	ensure(t, s);
}

static void open_week_of(struct tui *t, struct util_state *s, const char *login, date_t day)
{
	struct week w;
	struct juste_err e = { 0 };
	if (week_load(t->app, login, day, &w, &e)) {
		tui_error(t, &e);
		return;
	}
	week_free(&s->w);
	s->w = w;
	s->in_week = 1;
	widget_list_reset(&s->wt.rows, s->w.nrows);
}

/* The week under the cursor: the expert's (experts tab) holding day, or the
 * submitted week itself (à approuver); the week shown moves with [ ]. */
static void open_week(struct tui *t, struct util_state *s, date_t day)
{
	int row = widget_list_current(&s->tab_t[s->tab].rows);
	if (s->tab == TAB_EXPERTS && row >= 0 && row < (int)s->u.n) {
		open_week_of(t, s, s->u.rows[row].login, day);
	} else if (s->tab == TAB_WEEKS && row >= 0 && row < (int)s->nq) {
		date_t monday;
		if (date_parse(s->q[row].monday, &monday, NULL) == JUSTE_OK)
			open_week_of(t, s, s->q[row].login, monday);
	}
}

static void refuse_here(struct tui *t, const char *msg)
{
	struct juste_err e = { 0 };
	err_set(&e, JUSTE_EINVAL, "%s", msg);
	tui_error(t, &e);
}

static const struct week_approval *cur_queued(struct tui *t, struct util_state *s)
{
	int row = widget_list_current(&s->tab_t[TAB_WEEKS].rows);
	if (s->tab != TAB_WEEKS) {
		refuse_here(t, _("approuver ou retourner une semaine : onglet 4, à approuver"));
		return NULL;
	}
	if (row < 0 || row >= (int)s->nq) {
		refuse_here(t, _("aucune semaine à approuver"));
		return NULL;
	}
	return &s->q[row];
}

static void decide_week(struct tui *t, struct util_state *s, int approve)
{
	const struct week_approval *q = cur_queued(t, s);
	if (!q)
		return;
	char login[LOGIN_LEN], monday[ISO_LEN], name[NAME_LEN], reason[1024] = "";
	snprintf(login, sizeof login, "%s", q->login);
	snprintf(monday, sizeof monday, "%s", q->monday);
	snprintf(name, sizeof name, "%s", q->name);
	date_t day;
	struct juste_err e = { 0 };
	if (date_parse(monday, &day, &e)) {
		tui_error(t, &e);
		return;
	}
	if (!approve) {
		char prompt[256];
		/* short: the prompt gets at most half the line */
		snprintf(prompt, sizeof prompt, _("Motif du retour (%s, %s) :"), login, monday);
		if (!tui_input(t, prompt, "", reason, sizeof reason)) {
			tui_info(t, _("Semaine non retournée"));
			return;
		}
	}
	struct week_approval out;
	juste_status st = approve ? approval_approve(t->app, login, day, &out, &e)
		: approval_return(t->app, login, day, reason, &out, &e);
	if (st) {
		tui_error(t, &e);
		return;
	}
	s->loaded[TAB_WEEKS] = 0;
	ensure(t, s);
	if (approve)
		tui_info(t, _("Semaine du %s de %s approuvée"), monday, name);
	else
		tui_info(t, _("Semaine du %s retournée à %s : %s"), monday, name, reason);
}

/* ----------------------------------------------------------------- forms */

static int refuse_field(struct widget_form *fm, const struct juste_err *e)
{
	widget_form_error(fm, e->field, e->msg[0] ? e->msg : _("refusé"));
	return 0;
}

static int absence_submit(struct tui *t, void *ctx, struct widget_form *fm)
{
	(void)ctx;
	struct juste_err e = { 0 };
	enum absence_kind kind;
	const char *kv = widget_form_value(fm, "kind");
	/* the word of the commands, or the name the list shows */
	int k = 0;
	while (k < ABSENCE_KIND_COUNT && strcasecmp(kv, vocab_absence_kind_label((enum absence_kind)k)) != 0)
		k++;
	if (k < ABSENCE_KIND_COUNT) {
		kind = (enum absence_kind)k;
	} else if (vocab_absence_kind_parse(kv, &kind, &e)) {
		snprintf(e.field, sizeof e.field, "kind");
		return refuse_field(fm, &e);
	}
	int half = 0;
	const char *hv = widget_form_value(fm, "half");
	/* the answers of the dialogs too: o, y, yes, n, no */
	if (strcasecmp(hv, "o") == 0 || strcasecmp(hv, "y") == 0 || strcasecmp(hv, "yes") == 0)
		half = 1;
	else if (strcasecmp(hv, "n") == 0 || strcasecmp(hv, "no") == 0)
		half = 0;
	else if (hv[0] && rules_bool_parse("half", hv, &half, &e))
		return refuse_field(fm, &e);
	struct absence_rec out;
	if (workdays_absence_add(t->app, widget_form_value(fm, "login"), widget_form_value(fm, "from"),
		widget_form_value(fm, "to"), kind, half, &out, &e))
		return refuse_field(fm, &e);
	tui_info(t, _("Absence de %s du %s au %s (%s) enregistrée"), out.name, out.first, out.last,
		vocab_absence_kind_label(out.kind));
	return 1;
}

static int closure_submit(struct tui *t, void *ctx, struct widget_form *fm)
{
	(void)ctx;
	struct juste_err e = { 0 };
	if (workdays_closure_add(t->app, widget_form_value(fm, "from"), widget_form_value(fm, "to"),
		widget_form_value(fm, "name"), &e))
		return refuse_field(fm, &e);
	tui_info(t, _("Fermeture « %s » du %s enregistrée"), widget_form_value(fm, "name"), widget_form_value(fm, "from"));
	return 1;
}

static void new_item(struct tui *t, struct util_state *s)
{
	struct widget_form *fm = calloc(1, sizeof *fm);
	if (!fm)
		return;
	char kinds[256];
	if (s->tab == TAB_ABSENCES) {
		widget_form_add(fm, "login", _("Expert"), "", 0, _("identifiant, par exemple alice"));
		widget_form_add(fm, "from", _("Du"), "", 0, _("AAAA-MM-JJ"));
		widget_form_add(fm, "to", _("Au"), "", 0, _("AAAA-MM-JJ ; vide : un seul jour"));
		widget_form_add(fm, "kind", _("Nature"), vocab_absence_kind_word(ABSENCE_VACANCES), 0,
			vocab_list(VOCAB_ABSENCE_KIND, ", ", ", ", kinds, sizeof kinds));
		widget_form_add(fm, "half", _("Demi-journée"), "", 0, _("oui ou non (non par défaut)"));
		if (tui_form(t, _("Nouvelle absence"), fm, absence_submit, s)) {
			s->loaded[TAB_ABSENCES] = s->loaded[TAB_EXPERTS] = 0;
			ensure(t, s);
		}
	} else if (s->tab == TAB_CLOSURES) {
		widget_form_add(fm, "from", _("Date"), "", 0, _("AAAA-MM-JJ"));
		widget_form_add(fm, "to", _("Au"), "", 0, _("AAAA-MM-JJ ; vide : un seul jour"));
		widget_form_add(fm, "name", _("Nom"), "", 0, _("par exemple : Fermeture des fêtes"));
		if (tui_form(t, _("Nouvelle fermeture du centre"), fm, closure_submit, s)) {
			s->loaded[TAB_CLOSURES] = s->loaded[TAB_EXPERTS] = 0;
			ensure(t, s);
		}
	} else {
		refuse_here(t, _("n ajoute une absence (onglet 5) ou une fermeture (onglet 6)"));
	}
	free(fm);
}

static void remove_item(struct tui *t, struct util_state *s)
{
	int row = widget_list_current(&s->tab_t[s->tab].rows);
	struct juste_err e = { 0 };
	char q[512];
	if (s->tab == TAB_ABSENCES && row >= 0 && row < (int)s->nab) {
		struct absence_rec a = s->ab[row], out;
		snprintf(q, sizeof q, _("Retirer l'absence de %s du %s au %s (%s) ?"), a.name, a.first, a.last,
			vocab_absence_kind_label(a.kind));
		if (!tui_confirm(t, q)) {
			tui_info(t, _("Rien n'a été retiré"));
			return;
		}
		if (workdays_absence_remove(t->app, a.id, &out, &e)) {
			tui_error(t, &e);
			return;
		}
		s->loaded[TAB_ABSENCES] = s->loaded[TAB_EXPERTS] = 0;
		ensure(t, s);
		tui_info(t, _("Absence de %s du %s retirée"), a.name, a.first);
	} else if (s->tab == TAB_CLOSURES && row >= 0 && row < (int)s->nhol) {
		struct holiday_row h = s->hol[row];
		struct closure_rec out;
		if (h.statutory) {
			refuse_here(t, _("un jour férié ne se retire pas : seules les fermetures du centre"));
			return;
		}
		snprintf(q, sizeof q, _("Retirer la fermeture « %s » (%s au %s) ?"), h.name, h.first, h.last);
		if (!tui_confirm(t, q)) {
			tui_info(t, _("Rien n'a été retiré"));
			return;
		}
		if (workdays_closure_remove(t->app, h.first, &out, &e)) {
			tui_error(t, &e);
			return;
		}
		s->loaded[TAB_CLOSURES] = s->loaded[TAB_EXPERTS] = 0;
		ensure(t, s);
		tui_info(t, _("Fermeture « %s » retirée"), out.name);
	} else if (s->tab == TAB_ABSENCES || s->tab == TAB_CLOSURES) {
		refuse_here(t, _("rien à retirer sous le curseur"));
	} else {
		refuse_here(t, _("x retire une absence (onglet 5) ou une fermeture (onglet 6)"));
	}
}

static void shift(struct util_state *s, int d)
{
	if (s->period == UTIL_WEEK) {
		s->day += 7 * d;
	} else {
		int y, m, dd;
		date_to_ymd(s->day, &y, &m, &dd);
		date_month_add(&y, &m, s->period == UTIL_MONTH ? d : 12 * d);
		if (dd > date_days_in_month(y, m))
			dd = date_days_in_month(y, m);
		s->day = date_from_ymd(y, m, dd);
	}
}

static enum view_result util_request(struct tui *t, void *state, enum action a, int f, wint_t ch)
{
	struct util_state *s = state;
	if (s->in_week) {
		struct juste_err e = { 0 };
		if (widget_table_key(&s->wt, a) != WIDGET_LIST_IGNORED)
			return VIEW_HANDLED;
		switch (a) {
		case ACT_BACK: s->in_week = 0; return VIEW_HANDLED;
		case ACT_PREV_PERIOD: case ACT_NEXT_PERIOD: {
			char login[LOGIN_LEN];
			snprintf(login, sizeof login, "%s", s->w.login);
			open_week_of(t, s, login, s->w.monday + (a == ACT_PREV_PERIOD ? -7 : 7));
			return VIEW_HANDLED;
		}
		case ACT_EDIT:
			err_set(&e, JUSTE_EDENIED, N_("lecture seule : seul l'expert saisit son temps (Ma semaine)"));
			tui_error(t, &e);
			return VIEW_HANDLED;
		default:
			if (a == ACT_NONE && !f && ch >= '0' && ch <= '9') {
				err_set(&e, JUSTE_EDENIED, N_("lecture seule : seul l'expert saisit son temps (Ma semaine)"));
				tui_error(t, &e);
				return VIEW_HANDLED;
			}
			return VIEW_IGNORED;
		}
	}
	struct widget_table *tb = &s->tab_t[s->tab];
	if (widget_table_key(tb, a) != WIDGET_LIST_IGNORED)
		return VIEW_HANDLED;
	switch (a) {
	case ACT_NEXT_TAB: case ACT_PREV_TAB:
		s->tab = (s->tab + (a == ACT_NEXT_TAB ? 1 : NTABS - 1)) % NTABS;
		ensure(t, s);
		return VIEW_HANDLED;
	case ACT_SORT:
		if (s->tab != TAB_EXPERTS)
			return VIEW_HANDLED;
		if (s->sort_col == tb->cur_col)
			s->sort_desc = !s->sort_desc;
		else {
			s->sort_col = tb->cur_col;
			s->sort_desc = s->sort_col != UTIL_NAME;   /* figures: largest first */
		}
		utilisation_sort(&s->u, (enum utilisation_col)s->sort_col, s->sort_desc);
		return VIEW_HANDLED;
	case ACT_PERIOD:
		s->period = (enum utilisation_period)((s->period + 1) % UTIL_NPERIODS);
		set_range(t, s);
		s->loaded[TAB_EXPERTS] = s->loaded[TAB_ABSENCES] = 0;
		if (s->tab != TAB_ABSENCES)
			s->tab = TAB_EXPERTS;
		ensure(t, s);
		return VIEW_HANDLED;
	case ACT_PREV_PERIOD: case ACT_NEXT_PERIOD:
		if (s->tab == TAB_CLOSURES) {
			s->year += a == ACT_PREV_PERIOD ? -1 : 1;
			s->loaded[TAB_CLOSURES] = 0;
			ensure(t, s);
			return VIEW_HANDLED;
		}
		shift(s, a == ACT_PREV_PERIOD ? -1 : 1);
		set_range(t, s);
		s->loaded[TAB_EXPERTS] = s->loaded[TAB_ABSENCES] = 0;
		ensure(t, s);
		return VIEW_HANDLED;
	case ACT_APPROVE_WEEK: decide_week(t, s, 1); return VIEW_HANDLED;
	case ACT_RETURN_WEEK: decide_week(t, s, 0); return VIEW_HANDLED;
	case ACT_NEW_ITEM: new_item(t, s); return VIEW_HANDLED;
	case ACT_REMOVE_ITEM: remove_item(t, s); return VIEW_HANDLED;
	case ACT_REFRESH:
		reload_all(t, s);
		if (!t->msg[0])
			tui_info(t, _("Relu"));
		return VIEW_HANDLED;
	case ACT_EDIT:
		open_week(t, s, s->period == UTIL_WEEK ? s->day : app_today() < s->day ? app_today() : s->day);
		return VIEW_HANDLED;
	default:
		if (a == ACT_NONE && !f && ch >= '1' && ch <= '0' + NTABS) {
			s->tab = (int)(ch - '1');
			ensure(t, s);
			return VIEW_HANDLED;
		}
		return VIEW_IGNORED;
	}
}

static const enum action util_bar[] = {
	ACT_EDIT, ACT_SORT, ACT_PERIOD, ACT_PREV_PERIOD, ACT_NEXT_PERIOD, ACT_NEXT_TAB, ACT_REFRESH, ACT_BACK,
	ACT_APPROVE_WEEK, ACT_RETURN_WEEK, ACT_NEW_ITEM, ACT_REMOVE_ITEM,
};

/* The database changed (anyone's write): the figures again. */
static void util_reload(struct tui *t, void *state)
{
	reload_all(t, state);
}

const struct view view_util = {
	.name = "util",
	.title = N_("Utilisation"),
	.fkey = 4,
	.roles = ROLE_GESTIONNAIRE | ROLE_ADMIN,
	.scopes = KS_M | KS_O | KS_U,
	.state_size = sizeof(struct util_state),
	.open = util_open,
	.draw = util_draw,
	.request = util_request,
	.unsaved = NULL,
	.bar = util_bar,
	.nbar = (int)(sizeof util_bar / sizeof util_bar[0]),
	.close = util_close,
	.reload = util_reload,
};
