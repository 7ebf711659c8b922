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
 *             served).
 * Every figure comes with its row (utilisation.h, budget.h,
 * client_revenue.h): the cells only format.
 * Each tab reads once when first shown and again on `r` or a new period:
 * sorting and scrolling never touch the database.
 */
#include <stdlib.h>
#include <string.h>

#include "juste/budget.h"
#include "juste/client_revenue.h"
#include "juste/duration.h"
#include "juste/i18n.h"
#include "juste/money.h"
#include "juste/figures.h"
#include "juste/utilisation.h"
#include "tui/view.h"

enum { TAB_EXPERTS, TAB_MANDATES, TAB_CLIENTS, NTABS };
#define XCOLS UTIL_NCOLS
#define BCOLS 8
#define CCOLS 7
#define WCOLS (WEEK_DAYS + 2)

static const char *const tab_names[NTABS] = { N_("experts"), N_("mandats"), N_("clients") };
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
	} else if (tab == TAB_MANDATES) {
		struct budget_row *b;
		size_t n;
		if ((st = budget_list(t->app, &b, &n, e)))
			return st;
		free(s->b);
		s->b = b;
		s->nb = n;
		widget_list_set_rows(&s->tab_t[tab].rows, (int)n);
	} else {
		struct client_revenue c;
		if ((st = client_revenue_load(t->app, app_today(), &c, e)))
			return st;
		client_revenue_free(&s->c);
		s->c = c;
		widget_list_set_rows(&s->tab_t[tab].rows, (int)c.n);
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
	set_range(t, s);
	for (int i = 0; i < NTABS; i++) {
		struct widget_table *tb = &s->tab_t[i];
		tb->ncols = i == TAB_EXPERTS ? XCOLS : i == TAB_MANDATES ? BCOLS : CCOLS;
		tb->header = 1;
		tb->footer = i != TAB_MANDATES;
		tb->widths = s->widths[i];
		tb->align = s->align[i];
		tb->first_cursor_col = 0;
		tb->ncursor_cols = i == TAB_EXPERTS ? XCOLS : 1;
		for (int c = 0; c < tb->ncols; c++)
			s->align[i][c] = c == 0 ? WIDGET_LEFT : WIDGET_RIGHT;
	}
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
	week_free(&s->w);
}

/* ------------------------------------------------------------------ draw */

static void pct(int ok, int64_t tenths, char *buf, size_t n)
{
	figures_pct(ok, tenths, buf, n);
}

static void hrs(int64_t minutes, char *buf, size_t n)
{
	duration_format_hours_fr((long)minutes, buf, n);
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
	case 4: if (b->budget_cents) snprintf(buf, n, "%s", money_format_fr(b->budget_cents, m, sizeof m)); break;
	case 5: snprintf(buf, n, "%s", money_format_fr(b->used_cents, m, sizeof m)); break;
	case 6: if (b->budget_cents) snprintf(buf, n, "%s", money_format_fr(b->remaining_cents, m, sizeof m)); break;
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
	case 3: figures_pct_signed(c->minutes_growth.ok, c->minutes_growth.tenths, buf, n); break;
	case 4: snprintf(buf, n, "%s", money_format_fr(c->revenue_cents[0], m, sizeof m)); break;
	case 5: snprintf(buf, n, "%s", money_format_fr(c->revenue_cents[1], m, sizeof m)); break;
	default: figures_pct_signed(c->revenue_growth.ok, c->revenue_growth.tenths, buf, n); break;
	}
}

/* Right-aligned columns keep one space on their right. */
static void pad(int col, char *buf, size_t n)
{
	if (col > 0 && strlen(buf) + 2 < n)
		strcat(buf, " ");
}

static void padded_expert_cell(void *ctx, int row, int col, char *buf, size_t n, enum term_role *role)
{
	expert_cell(ctx, row, col, buf, n, role);
	pad(col, buf, n);
}

static void padded_budget_cell(void *ctx, int row, int col, char *buf, size_t n, enum term_role *role)
{
	budget_cell(ctx, row, col, buf, n, role);
	pad(col, buf, n);
}

static void padded_client_cell(void *ctx, int row, int col, char *buf, size_t n, enum term_role *role)
{
	client_cell(ctx, row, col, buf, n, role);
	pad(col, buf, n);
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

static void util_draw(struct tui *t, void *state, int y, int h, int w)
{
	struct util_state *s = state;
	if (s->in_week) {
		draw_week(s, y, h, w);
		return;
	}
	ensure(t, s);
	/* the tabs, then what the figures cover */
	int x = 0;
	for (int i = 0; i < NTABS; i++) {
		char tab[64];
		snprintf(tab, sizeof tab, " %d %s ", i + 1, _(tab_names[i]));
		x += widget_text(y, x, tab, widget_width(tab), WIDGET_LEFT, term_attr(i == s->tab ? TR_TAB_ACTIVE : TR_HEADER));
		if (x + 2 < w)
			x += widget_text(y, x, " ", 1, WIDGET_LEFT, A_NORMAL);
	}
	char title[256];
	if (s->tab == TAB_EXPERTS)
		snprintf(title, sizeof title, _(" %s : %s au %s"), _(period_names[s->period]), s->from, s->to);
	else if (s->tab == TAB_MANDATES)
		snprintf(title, sizeof title, _(" budgets des mandats, par risque"));
	else
		snprintf(title, sizeof title, _(" %s au %s / %s au %s"), s->c.from[1], s->c.to[1], s->c.from[0], s->c.to[0]);
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
		widget_table_draw(tb, y + 1, 0, h - 2, padded_expert_cell, s);
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
			widget_table_draw(tb, y + 1, 0, h - 2, padded_budget_cell, s);
		legend = _("! plus de 80 % du budget · !! plus de 100 % · $ utilisés : factures émises, nettes des notes de crédit");
	} else {
		int hcol = w >= 120 ? 11 : 9, mcol = w >= 120 ? 15 : 13, g = 9;
		wd[1] = wd[2] = hcol;
		wd[4] = wd[5] = mcol;
		wd[3] = wd[6] = g;
		wd[0] = w - 2 * hcol - 2 * mcol - 2 * g;
		widget_table_draw(tb, y + 1, 0, h - 2, padded_client_cell, s);
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

static void open_week(struct tui *t, struct util_state *s, date_t day)
{
	if (s->tab != TAB_EXPERTS || s->u.n == 0)
		return;
	int row = widget_list_current(&s->tab_t[TAB_EXPERTS].rows);
	if (row < 0 || row >= (int)s->u.n)
		return;
	struct week w;
	struct juste_err e = { 0 };
	if (week_load(t->app, s->u.rows[row].login, day, &w, &e)) {
		tui_error(t, &e);
		return;
	}
	week_free(&s->w);
	s->w = w;
	s->in_week = 1;
	widget_list_reset(&s->wt.rows, s->w.nrows);
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
		case ACT_PREV_PERIOD: case ACT_NEXT_PERIOD:
			open_week(t, s, s->w.monday + (a == ACT_PREV_PERIOD ? -7 : 7));
			return VIEW_HANDLED;
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
		s->loaded[TAB_EXPERTS] = 0;
		s->tab = TAB_EXPERTS;
		ensure(t, s);
		return VIEW_HANDLED;
	case ACT_PREV_PERIOD: case ACT_NEXT_PERIOD:
		shift(s, a == ACT_PREV_PERIOD ? -1 : 1);
		set_range(t, s);
		s->loaded[TAB_EXPERTS] = 0;
		ensure(t, s);
		return VIEW_HANDLED;
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
