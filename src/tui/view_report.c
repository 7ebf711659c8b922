/*
 * view_report.c - Rapport: the annual report of a fiscal year beside the
 * previous one, with bar charts drawn in the terminal (block characters,
 * eighths of a cell; `#` when the terminal cannot show them, or with
 * JUSTE_TUI_ASCII=1).  Gestionnaire and admin.
 *
 * The figures are those of `juste report annual`: the screen holds the
 * struct report_annual that report_annual_build() made, and lays it out as
 * lines that scroll like a pager (widget_list).  ← → (or [ ]) change the
 * year.
 */
#include <langinfo.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "juste/i18n.h"
#include "juste/report.h"
#include "juste/text.h"
#include "tui/view.h"

struct report_state {
	struct report_annual r;
	int loaded;
	int fy;
	struct widget_list lines;     /* a pager over the report's lines */
};

/* Lines are emitted top to bottom; only those in the window are drawn. */
struct out {
	int y0, h, w, top, line;
};

static void emit(struct out *o, enum term_role role, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void emit(struct out *o, enum term_role role, const char *fmt, ...)
{
	int at = o->line++ - o->top;
	if (at < 0 || at >= o->h)
		return;
	char buf[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	widget_text(o->y0 + at, 0, buf, o->w, WIDGET_LEFT, term_attr(role));
}

static int ascii_only(void)
{
	const char *f = secure_getenv("JUSTE_TUI_ASCII");
	if (f && *f && strcmp(f, "0") != 0)
		return 1;
	const char *cs = nl_langinfo(CODESET);
	return !cs || strcmp(cs, "UTF-8") != 0;
}

/* A bar of value/max over width cells, in eighths of a cell. */
static void bar(char *out, size_t n, int64_t value, int64_t max, int width)
{
	static const char *const eighths[8] = { "", "▏", "▎", "▍", "▌", "▋", "▊", "▉" };
	size_t at = 0;
	out[0] = '\0';
	if (max <= 0 || value <= 0 || width <= 0)
		return;
	int64_t units = value * width * 8 / max;
	int full = (int)(units / 8), part = (int)(units % 8);
	int ascii = ascii_only();
	for (int i = 0; i < full && at + 4 < n; i++) {
		const char *c = ascii ? "#" : "█";
		size_t l = strlen(c);
		memcpy(out + at, c, l);
		at += l;
	}
	if (!ascii && part && at + 4 < n) {
		size_t l = strlen(eighths[part]);
		memcpy(out + at, eighths[part], l);
		at += l;
	}
	out[at] = '\0';
}

/* A labelled chart line: label, bar, value. */
static void chart_line(struct out *o, enum term_role role, const char *label, int64_t v, int64_t max,
	const char *value)
{
	int bw = o->w - 34;
	if (bw < 5)
		bw = 5;
	char b[4096];
	bar(b, sizeof b, v, max, bw);
	char l[64];
	snprintf(l, sizeof l, "%s", label);
	/* pad the label to 16 columns by display width */
	int pad = 16 - widget_width(l);
	emit(o, role, "  %s%*s %s %s", l, pad > 0 ? pad : 0, "", b, value);
}

static void draw_report(struct report_state *s, struct out *o)
{
	const struct report_annual *r = &s->r;
	const struct report_year *y1 = &r->y[1], *y2 = &r->y[2];
	struct report_derived d;
	report_derive(r, &d);
	char b1[64], b2[64], b3[64], b4[64], b5[64];

	emit(o, TR_TITLE, _("Rapport d'activités %s (comparé à %s)   ← → : exercice"), y2->name, y1->name);
	emit(o, TR_NORMAL, "%s", "");
	emit(o, TR_HEADER, "%s", _("Services aux membres"));
	emit(o, TR_NORMAL, _("  Heures de services rendus : %s (%s : %s), %s ; l'année précédente : %s"),
		figures_hours_fr(y2->billable_minutes, b1, sizeof b1), y1->name,
		figures_hours_fr(y1->billable_minutes, b2, sizeof b2),
		figures_pct_signed(d.hours_growth_ok, d.hours_growth, b3, sizeof b3),
		figures_pct_signed(d.prev_hours_growth_ok, d.prev_hours_growth, b4, sizeof b4));
	emit(o, TR_NORMAL, _("  Entreprises servies : %s (%s : %s)"), figures_count_fr(y2->beneficiaries, b1, sizeof b1),
		y1->name, figures_count_fr(y1->beneficiaries, b2, sizeof b2));
	emit(o, TR_NORMAL, _("  Membres au %s : %s, dont %s nouveaux (%s)"), y2->last,
		figures_count_fr(y2->members_at_end, b1, sizeof b1), figures_count_fr(y2->new_members, b2, sizeof b2),
		figures_pct_signed(d.members_growth_ok, d.members_growth, b3, sizeof b3));
	emit(o, TR_NORMAL, "%s", "");
	emit(o, TR_HEADER, _("Heures facturables par mois (%s en clair, %s en plein)"), y1->name, y2->name);
	int64_t max = 1;
	for (int i = 0; i < 12; i++) {
		if (y1->month_billable[i] > max)
			max = y1->month_billable[i];
		if (y2->month_billable[i] > max)
			max = y2->month_billable[i];
	}
	for (int i = 0; i < 12; i++) {
		chart_line(o, TR_DIM, y1->months[i], y1->month_billable[i], max,
			figures_hours_fr(y1->month_billable[i], b1, sizeof b1));
		chart_line(o, TR_NORMAL, y2->months[i], y2->month_billable[i], max,
			figures_hours_fr(y2->month_billable[i], b1, sizeof b1));
	}
	emit(o, TR_NORMAL, "%s", "");
	emit(o, TR_HEADER, "%s", _("Affaires financières"));
	emit(o, TR_NORMAL, _("  Produits : %s réel %s ; %s réel %s ; budget %s ; écart %s"), y1->name,
		y1->has_products ? figures_dollars_fr(y1->products_cents, b1, sizeof b1) : "—", y2->name,
		y2->has_products ? figures_dollars_fr(y2->products_cents, b2, sizeof b2) : "—",
		y2->fin.has & FIN_BUDGET_PRODUCTS ? figures_dollars_fr(y2->fin.budget_products_cents, b3, sizeof b3) : "—",
		figures_pct_signed(d.variance_products_ok, d.variance_products, b4, sizeof b4));
	emit(o, TR_NORMAL, _("  Frais d'exploitation : %s réel %s ; %s réel %s ; budget %s ; écart %s"), y1->name,
		y1->fin.has & FIN_ACTUAL_EXPENSES ? figures_dollars_fr(y1->fin.actual_expenses_cents, b1, sizeof b1) : "—",
		y2->name,
		y2->fin.has & FIN_ACTUAL_EXPENSES ? figures_dollars_fr(y2->fin.actual_expenses_cents, b2, sizeof b2) : "—",
		y2->fin.has & FIN_BUDGET_EXPENSES ? figures_dollars_fr(y2->fin.budget_expenses_cents, b3, sizeof b3) : "—",
		figures_pct_signed(d.variance_expenses_ok, d.variance_expenses, b4, sizeof b4));
	emit(o, TR_NORMAL, _("  Excédent : %s ; budget %s"), d.surplus_ok[1] ? figures_dollars_fr(d.surplus[1], b1, sizeof b1) : "—",
		d.surplus_ok[2] ? figures_dollars_fr(d.surplus[2], b2, sizeof b2) : "—");
	int64_t fmax = 1;
	const int64_t fv[4] = { y2->products_cents, y2->fin.budget_products_cents, y2->fin.actual_expenses_cents,
		y2->fin.budget_expenses_cents };
	for (int i = 0; i < 4; i++)
		if (fv[i] > fmax)
			fmax = fv[i];
	const char *fl[4] = { _("produits réels"), _("produits budget"), _("frais réels"), _("frais budget") };
	for (int i = 0; i < 4; i++)
		chart_line(o, i % 2 ? TR_DIM : TR_NORMAL, fl[i], fv[i], fmax, figures_dollars_fr(fv[i], b1, sizeof b1));
	emit(o, TR_NORMAL, _("  Opérations avec les membres : %s"),
		figures_pct(d.members_share_ok, d.members_share, b1, sizeof b1));
	emit(o, TR_NORMAL, "%s", "");
	emit(o, TR_HEADER, "%s", _("Revenus par catégorie de membres"));
	static const char *const cats[CATEGORY_COUNT] = { [CATEGORY_MEMBRE] = N_("membres"),
		[CATEGORY_AUXILIAIRE] = N_("auxiliaires"), [CATEGORY_SOUTIEN] = N_("soutien"),
		[CATEGORY_NON_MEMBRE] = N_("non-membres") };
	int64_t cmax = 1;
	for (int c = 0; c < CATEGORY_COUNT; c++) {
		if (y1->revenue_by_category[c] > cmax)
			cmax = y1->revenue_by_category[c];
		if (y2->revenue_by_category[c] > cmax)
			cmax = y2->revenue_by_category[c];
	}
	for (int c = 0; c < CATEGORY_COUNT; c++) {
		char l[64];
		snprintf(l, sizeof l, "%s %.4s", _(cats[c]), y1->name + 0);
		chart_line(o, TR_DIM, l, y1->revenue_by_category[c], cmax,
			figures_dollars_fr(y1->revenue_by_category[c], b1, sizeof b1));
		snprintf(l, sizeof l, "%s %.4s", _(cats[c]), y2->name + 0);
		snprintf(b5, sizeof b5, "%s (%s)", figures_dollars_fr(y2->revenue_by_category[c], b1, sizeof b1),
			figures_pct_signed(d.cat_growth_ok[c], d.cat_growth[c], b2, sizeof b2));
		chart_line(o, TR_NORMAL, l, y2->revenue_by_category[c], cmax, b5);
	}
	emit(o, TR_NORMAL, "%s", "");
	emit(o, TR_HEADER, "%s", _("Capital humain"));
	emit(o, TR_NORMAL, _("  %lld professionnels, %lld formateurs, %lld directions ; femmes %s, hommes %s ; âge moyen %s"),
		(long long)r->people_by_function[FUNCTION_PROFESSIONNEL], (long long)r->people_by_function[FUNCTION_FORMATEUR],
		(long long)r->people_by_function[FUNCTION_DIRECTION], figures_pct(d.women_ok, d.women, b1, sizeof b1),
		figures_pct(d.men_ok, d.men, b2, sizeof b2),
		d.age_ok ? figures_count_fr((d.age + 5) / 10, b3, sizeof b3) : "—");
	emit(o, TR_NORMAL, _("  Taux d'utilisation : %s"), figures_pct(d.utilisation_ok, d.utilisation, b1, sizeof b1));
	emit(o, TR_NORMAL, "%s", "");
	emit(o, TR_HEADER, "%s", _("Programmes de financement"));
	for (size_t i = 0; i < r->nprograms; i++) {
		const struct report_program *p = &r->programs[i];
		emit(o, TR_NORMAL, "  %-18s %12s %16s", p->code[0] ? p->code : _("(aucun)"),
			figures_hours_fr(p->minutes[1], b1, sizeof b1), figures_dollars_fr(p->revenue_cents[1], b2, sizeof b2));
	}
	emit(o, TR_NORMAL, "%s", "");
	emit(o, TR_HEADER, "%s", _("Développement des affaires (événements / rencontres)"));
	for (int p = 0; p < PARTNER_COUNT; p++) {
		char label[256];
		text_pad_min(vocab_partner_label(p), 50, TEXT_LEFT, label, sizeof label);
		emit(o, TR_NORMAL, "  %s %3lld / %3lld", label, (long long)r->dev_counts[p][DEV_KIND_EVENEMENT],
			(long long)r->dev_counts[p][DEV_KIND_RENCONTRE]);
	}
}

static juste_status load(struct tui *t, struct report_state *s, int fy, struct juste_err *e)
{
	struct report_annual next;
	juste_status st = report_annual_build(t->app, fy, &next, e);
	if (st)
		return st;
	report_annual_free(&s->r);
	s->r = next;
	s->fy = fy;
	s->loaded = 1;
	s->lines.pager = 1;
	widget_list_reset(&s->lines, 0);
	return JUSTE_OK;
}

static juste_status report_open(struct tui *t, void *state, struct juste_err *e)
{
	struct report_state *s = state;
	return load(t, s, report_default_fy(t->app), e);
}

static void report_draw(struct tui *t, void *state, int y, int h, int w)
{
	(void)t;
	struct report_state *s = state;
	if (!s->loaded)
		return;
	for (int i = 0; i < h; i++)
		widget_fill(y + i, 0, w, term_attr(TR_NORMAL));
	/* a first pass only counts the lines (none is in a window of 0
	 * lines), so that the pager knows its end before the lines are shown */
	struct out count = { y, 0, w, 0, 0 };
	draw_report(s, &count);
	widget_list_set_rows(&s->lines, count.line);
	widget_list_set_height(&s->lines, h);
	struct out o = { y, h, w, s->lines.top, 0 };
	draw_report(s, &o);
}

static enum view_result report_request(struct tui *t, void *state, enum action a, int is_func, wint_t ch)
{
	struct report_state *s = state;
	(void)is_func;
	int fy = s->fy;
	if (a == ACT_NONE && !is_func && (ch == '[' || ch == ']'))
		a = ch == '[' ? ACT_LEFT : ACT_RIGHT;
	if (widget_list_key(&s->lines, a) != WIDGET_LIST_IGNORED)
		return VIEW_HANDLED;
	switch (a) {
	case ACT_LEFT: fy--; break;
	case ACT_RIGHT: fy++; break;
	default: return VIEW_IGNORED;
	}
	if (fy != s->fy) {
		struct juste_err e = { 0 };
		if (load(t, s, fy, &e) != JUSTE_OK)
			tui_error(t, &e);
		else
			tui_clear_message(t);
	}
	return VIEW_HANDLED;
}

static void report_close(struct tui *t, void *state)
{
	(void)t;
	struct report_state *s = state;
	report_annual_free(&s->r);
}

static const enum action report_bar[] = { ACT_LEFT, ACT_RIGHT, ACT_UP, ACT_DOWN };

/* The database changed (anyone's write): the same year again, scrolled
 * where it was. */
static void report_reload(struct tui *t, void *state)
{
	struct report_state *s = state;
	struct widget_list keep = s->lines;
	struct juste_err e = { 0 };
	if (load(t, s, s->fy, &e) != JUSTE_OK) {
		tui_error(t, &e);
		return;
	}
	s->lines = keep;
}

const struct view view_report = {
	.name = "report",
	.title = N_("Rapport"),
	.fkey = 6,
	.roles = ROLE_GESTIONNAIRE | ROLE_ADMIN,
	.scopes = KS_M,
	.state_size = sizeof(struct report_state),
	.open = report_open,
	.draw = report_draw,
	.request = report_request,
	.unsaved = NULL,
	.bar = report_bar,
	.nbar = (int)(sizeof report_bar / sizeof report_bar[0]),
	.close = report_close,
	.reload = report_reload,
};
