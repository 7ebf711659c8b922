/*
 * view_report.c - Rapport: the annual report of a fiscal year beside the
 * previous one, with bar charts drawn in the terminal (block characters,
 * eighths of a cell; `#` when the terminal cannot show them, or with
 * JUSTE_TUI_ASCII=1).  Gestionnaire and admin.
 *
 * The figures are those of `juste report annual`: the screen holds the
 * struct annual_report that report_annual_build() made, with every figure
 * the core derived, and lays it out as lines that scroll like a pager
 * (widget_list; only the bars' lengths are the screen's, from
 * figures_bar_eighths).  ← → (or [ ]) change the year.
 */
#include <langinfo.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "juste/i18n.h"
#include "juste/money.h"
#include "juste/report.h"
#include "juste/text.h"
#include "tui/view.h"

/* The figures in the user's language: "1 234,5" or "1,234.5". */
static enum text_lang lang(void)
{
	return text_lang_of(i18n_language());
}

struct report_state {
	struct annual_report r;
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
	int64_t units = figures_bar_eighths(value, max, width);
	if (units <= 0)
		return;
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

/* Where a year's actual products come from, when not simply the invoices. */
static void products_notes(struct out *o, const struct annual_report *r)
{
	char b1[MONEY_BUF], b2[MONEY_BUF], b3[MONEY_BUF];
	for (int k = 1; k < 3; k++) {
		const struct annual_year *y = &r->y[k];
		if (y->products_source != ANNUAL_PRODUCTS_ENTERED)
			continue;
		if (!y->products_invoiced.ok)
			emit(o, TR_NORMAL, _("  %s : aucune facture émise, produits tels que saisis"), y->name);
		else if (y->reconciliation.ok) {
			/* two lines: the difference first, whole on 80 columns */
			emit(o, TR_NORMAL, _("  Rapprochement %s : écart %s (audités moins factures)"), y->name,
				money_format_lang(lang(), y->reconciliation.cents, b3, sizeof b3));
			emit(o, TR_NORMAL, _("    produits audités %s ; factures des périodes %s"),
				money_format_lang(lang(), y->products.cents, b1, sizeof b1),
				money_format_lang(lang(), y->products_invoiced.cents, b2, sizeof b2));
		}
	}
}

static void draw_report(struct report_state *s, struct out *o)
{
	const struct annual_report *r = &s->r;
	const struct annual_year *y1 = &r->y[1], *y2 = &r->y[2];
	char b1[64], b2[64], b3[64], b4[64], b5[64];

	emit(o, TR_TITLE, _("Rapport d'activités %s (comparé à %s)   ← → : exercice"), y2->name, y1->name);
	emit(o, TR_NORMAL, "%s", "");
	emit(o, TR_HEADER, "%s", _("Services aux membres"));
	emit(o, TR_NORMAL, _("  Heures de services rendus : %s (%s : %s), %s ; l'année précédente : %s"),
		figures_hours_lang(lang(), y2->billable_minutes, b1, sizeof b1), y1->name,
		figures_hours_lang(lang(), y1->billable_minutes, b2, sizeof b2),
		figures_pct_signed_lang(lang(), r->hours_growth.ok, r->hours_growth.tenths, b3, sizeof b3),
		figures_pct_signed_lang(lang(), r->prev_hours_growth.ok, r->prev_hours_growth.tenths, b4, sizeof b4));
	emit(o, TR_NORMAL, _("  Entreprises servies : %s (%s : %s)"), figures_count_lang(lang(), y2->beneficiaries, b1, sizeof b1),
		y1->name, figures_count_lang(lang(), y1->beneficiaries, b2, sizeof b2));
	emit(o, TR_NORMAL, _("  Membres au %s : %s, dont %s nouveaux (%s)"), y2->last,
		figures_count_lang(lang(), y2->members_at_end, b1, sizeof b1), figures_count_lang(lang(), y2->new_members, b2, sizeof b2),
		figures_pct_signed_lang(lang(), r->members_growth.ok, r->members_growth.tenths, b3, sizeof b3));
	emit(o, TR_NORMAL, "%s", "");
	emit(o, TR_HEADER, _("Heures facturables par mois (%s en clair, %s en plein)"), y1->name, y2->name);
	int64_t max = 1;
	for (int i = 0; i < ANNUAL_MONTHS; i++) {
		if (y1->month_billable[i] > max)
			max = y1->month_billable[i];
		if (y2->month_billable[i] > max)
			max = y2->month_billable[i];
	}
	for (int i = 0; i < ANNUAL_MONTHS; i++) {
		chart_line(o, TR_DIM, y1->months[i], y1->month_billable[i], max,
			figures_hours_lang(lang(), y1->month_billable[i], b1, sizeof b1));
		chart_line(o, TR_NORMAL, y2->months[i], y2->month_billable[i], max,
			figures_hours_lang(lang(), y2->month_billable[i], b1, sizeof b1));
	}
	emit(o, TR_NORMAL, "%s", "");
	emit(o, TR_HEADER, "%s", _("Affaires financières"));
	emit(o, TR_NORMAL, _("  Produits : %s réel %s ; %s réel %s ; budget %s ; écart %s"), y1->name,
		figures_dollars_or_dash_lang(lang(), y1->products.ok, y1->products.cents, b1, sizeof b1), y2->name,
		figures_dollars_or_dash_lang(lang(), y2->products.ok, y2->products.cents, b2, sizeof b2),
		figures_dollars_or_dash_lang(lang(), y2->budget_products.ok, y2->budget_products.cents, b3, sizeof b3),
		figures_pct_signed_lang(lang(), r->products_variance.ok, r->products_variance.tenths, b4, sizeof b4));
	products_notes(o, r);
	emit(o, TR_NORMAL, _("  Frais d'exploitation : %s réel %s ; %s réel %s ; budget %s ; écart %s"), y1->name,
		figures_dollars_or_dash_lang(lang(), y1->expenses.ok, y1->expenses.cents, b1, sizeof b1), y2->name,
		figures_dollars_or_dash_lang(lang(), y2->expenses.ok, y2->expenses.cents, b2, sizeof b2),
		figures_dollars_or_dash_lang(lang(), y2->budget_expenses.ok, y2->budget_expenses.cents, b3, sizeof b3),
		figures_pct_signed_lang(lang(), r->expenses_variance.ok, r->expenses_variance.tenths, b4, sizeof b4));
	emit(o, TR_NORMAL, _("  Excédent : %s ; budget %s"),
		figures_dollars_or_dash_lang(lang(), y2->surplus.ok, y2->surplus.cents, b1, sizeof b1),
		figures_dollars_or_dash_lang(lang(), y2->budget_surplus.ok, y2->budget_surplus.cents, b2, sizeof b2));
	int64_t fmax = 1;
	const int64_t fv[4] = { y2->products.cents, y2->budget_products.cents, y2->expenses.cents,
		y2->budget_expenses.cents };
	for (int i = 0; i < 4; i++)
		if (fv[i] > fmax)
			fmax = fv[i];
	const char *fl[4] = { _("produits réels"), _("produits budget"), _("frais réels"), _("frais budget") };
	for (int i = 0; i < 4; i++)
		chart_line(o, i % 2 ? TR_DIM : TR_NORMAL, fl[i], fv[i], fmax, figures_dollars_lang(lang(), fv[i], b1, sizeof b1));
	emit(o, TR_NORMAL, _("  Opérations avec les membres : %s"),
		figures_pct_lang(lang(), r->members_share.ok, r->members_share.tenths, b1, sizeof b1));
	emit(o, TR_NORMAL, "%s", "");
	emit(o, TR_HEADER, "%s", _("Revenus par catégorie de membres"));
	int64_t cmax = 1;
	for (int c = 0; c < CATEGORY_COUNT; c++) {
		if (y1->revenue_by_category[c] > cmax)
			cmax = y1->revenue_by_category[c];
		if (y2->revenue_by_category[c] > cmax)
			cmax = y2->revenue_by_category[c];
	}
	for (int c = 0; c < CATEGORY_COUNT; c++) {
		char l[64];
		snprintf(l, sizeof l, "%s %.4s", vocab_category_short(c), y1->name);
		chart_line(o, TR_DIM, l, y1->revenue_by_category[c], cmax,
			figures_dollars_lang(lang(), y1->revenue_by_category[c], b1, sizeof b1));
		snprintf(l, sizeof l, "%s %.4s", vocab_category_short(c), y2->name);
		snprintf(b5, sizeof b5, "%s (%s)", figures_dollars_lang(lang(), y2->revenue_by_category[c], b1, sizeof b1),
			figures_pct_signed_lang(lang(), r->category_growth[c].ok, r->category_growth[c].tenths, b2, sizeof b2));
		chart_line(o, TR_NORMAL, l, y2->revenue_by_category[c], cmax, b5);
	}
	emit(o, TR_NORMAL, "%s", "");
	emit(o, TR_HEADER, "%s", _("Capital humain"));
	emit(o, TR_NORMAL, _("  %lld professionnels, %lld formateurs, %lld directions ; femmes %s, hommes %s ; âge moyen %s"),
		(long long)r->people_by_function[FUNCTION_PROFESSIONNEL], (long long)r->people_by_function[FUNCTION_FORMATEUR],
		(long long)r->people_by_function[FUNCTION_DIRECTION],
		figures_pct_lang(lang(), r->women_share.ok, r->women_share.tenths, b1, sizeof b1),
		figures_pct_lang(lang(), r->men_share.ok, r->men_share.tenths, b2, sizeof b2),
		r->average_age.ok ? figures_count_lang(lang(), r->average_age_years, b3, sizeof b3) : "—");
	emit(o, TR_NORMAL, _("  Taux d'utilisation : %s"), figures_pct_lang(lang(), r->utilisation.ok, r->utilisation.tenths, b1, sizeof b1));
	emit(o, TR_NORMAL, _("  Capacité %s : %s de jours ouvrables, moins %s de fériés et %s d'absences"),
		figures_hours_lang(lang(), r->capacity_total, b1, sizeof b1), figures_hours_lang(lang(), r->gross_total, b2, sizeof b2),
		figures_hours_lang(lang(), r->holidays_total, b3, sizeof b3), figures_hours_lang(lang(), r->absences_total, b4, sizeof b4));
	emit(o, TR_NORMAL, "%s", "");
	emit(o, TR_HEADER, _("Comptes clients au %s"), y2->last);
	emit(o, TR_NORMAL, _("  Ouvert : %s sur %lld factures ; crédit des clients %s ; solde %s"),
		money_format_lang(lang(), r->ar.open_cents, b1, sizeof b1), (long long)r->ar.open_invoices,
		money_format_lang(lang(), r->ar.credit_cents, b2, sizeof b2), money_format_lang(lang(), r->ar.balance_cents, b3, sizeof b3));
	for (int k = 0; k < PAYMENTS_AGE_COUNT; k++) {
		char label[128];
		text_pad_min(_(payments_age_label(k)), 16, TEXT_LEFT, label, sizeof label);
		emit(o, TR_NORMAL, "    %s %18s", label, money_format_lang(lang(), r->ar.by_age[k], b1, sizeof b1));
	}
	emit(o, TR_NORMAL, _("  Délai moyen de paiement : %s jours (%lld factures de l'exercice payées)"),
		figures_tenths_lang(lang(), r->ar.days_to_payment.ok, r->ar.days_to_payment.tenths, b1, sizeof b1),
		(long long)r->ar.paid_invoices);
	emit(o, TR_NORMAL, "%s", "");
	emit(o, TR_HEADER, "%s", _("Programmes de financement"));
	for (size_t i = 0; i < r->nprograms; i++) {
		const struct annual_program *p = &r->programs[i];
		char name[256];
		text_pad_min(p->name[0] ? p->name : p->code[0] ? p->code : _("(aucun)"), 30, TEXT_LEFT, name, sizeof name);
		emit(o, TR_NORMAL, "  %s %12s %16s", name,
			figures_hours_lang(lang(), p->minutes[1], b1, sizeof b1), figures_dollars_lang(lang(), p->revenue_cents[1], b2, sizeof b2));
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
	struct annual_report next;
	juste_status st = report_annual_build(t->app, fy, &next, e);
	if (st)
		return st;
	annual_free(&s->r);
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
	annual_free(&s->r);
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
