/*
 * report_pdf.c - the annual report as a PDF (cairo + pango), with three
 * charts drawn as vector bars: billable hours by month for both years,
 * revenue by member category, actual against budget.
 *
 * The figures are those of report_out_write (the same struct
 * annual_report, the same formatters): nothing here computes a figure; the
 * only arithmetic is the page's geometry.  The page set-up, text and page breaks are pdfdoc's, shared
 * with the invoice PDF; the layout here is its own, in the same style:
 * top-down, a new page when the next block does not fit.
 *
 * Tables are collected whole, then measured with pango before anything is
 * drawn: each column is at least as wide as its widest figure and its
 * header's longest word, so that figures never wrap and headers break only
 * between words (the header font shrinks when the words cannot all fit
 * the page).  A table that goes on to another page repeats its header
 * there.  The document is laid out twice, a dry pass counting the pages
 * so that every footer says "page N de M".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juste/i18n.h"
#include "juste/money.h"
#include "juste/pdfdoc.h"
#include "juste/report.h"
#include "juste/report_pdf.h"
#include "juste/text.h"

#define MARGIN PDFDOC_MARGIN

void report_pdf_shutdown(void)
{
	pdfdoc_shutdown();
}

/* Header fonts from the largest, tried in turn until a table's header
 * words fit the page. */
#define HEADER_FONTS 3

struct tab;

struct rp {
	struct pdfdoc doc;
	PangoFontDescription *regular, *bold, *small, *title, *h2;
	PangoFontDescription *header[HEADER_FONTS];
	const struct policy *cfg;
	const struct annual_report *r;
	enum text_lang lang;
	struct tab *open_tab;        /* the table being drawn: its header goes on each new page */
	int nomem;                   /* a table could not keep its rows */
};

static void footer(struct rp *p)
{
	char left[512], right[64];
	snprintf(left, sizeof left, _("%s — Rapport d'activités %s"), p->cfg->centre_name, p->r->y[2].name);
	/* the dry pass does not know the count yet; its text is never seen */
	snprintf(right, sizeof right, _("page %d de %d"), p->doc.page, p->doc.pages ? p->doc.pages : p->doc.page);
	pdfdoc_footer(&p->doc, p->small, left, right);
}

static void tab_header(struct rp *p, struct tab *t);

/* A new page when height does not fit what is left of this one; a table
 * being drawn repeats its header at the top of the new page. */
static void need(struct rp *p, double height)
{
	if (p->doc.y + height <= p->doc.h - MARGIN)
		return;
	footer(p);
	pdfdoc_next_page(&p->doc);
	if (p->open_tab)
		tab_header(p, p->open_tab);
}

static void heading(struct rp *p, const char *s)
{
	need(p, 60);
	p->doc.y += 8;
	cairo_set_source_rgb(p->doc.cr, 0.1, 0.3, 0.5);
	p->doc.y += pdfdoc_text(&p->doc, MARGIN, p->doc.y, p->doc.w - 2 * MARGIN, s, p->h2, PANGO_ALIGN_LEFT) + 4;
	cairo_set_source_rgb(p->doc.cr, 0, 0, 0);
}

/* A block of text, on this page when it fits whole, else on the next. */
static void text_block(struct rp *p, double indent, const char *s, const PangoFontDescription *font, double after)
{
	double W = p->doc.w - 2 * MARGIN - indent;
	need(p, pdfdoc_measure(&p->doc, W, s, font, PANGO_ALIGN_LEFT));
	p->doc.y += pdfdoc_text(&p->doc, MARGIN + indent, p->doc.y, W, s, font, PANGO_ALIGN_LEFT) + after;
}

static void para(struct rp *p, const char *s)
{
	text_block(p, 0, s, p->regular, 4);
}

/* ------------------------------------------------------------------------
 * Tables
 * ------------------------------------------------------------------------ */

#define TAB_COLS 8
#define TAB_SPANS 3
#define CELL_PAD 2.0             /* each side of a cell */
#define FIT_SLACK 1.0            /* pango's widths are fractional: never lay out at the exact width */

/* A table: text columns (the first, and those of `text`) are left-aligned
 * and wrap between words; the others are figures, right-aligned, never
 * wrapped.  Headers and spans
 * point at the caller's strings, which live until tab_draw; the rows are
 * copied. */
struct tab {
	int n;
	unsigned text;                       /* bit i: column i is text (bit 0 always) */
	double frac[TAB_COLS];               /* the widths wished for, fractions of the page's */
	const char *hdr[TAB_COLS];
	int nspans;                          /* headers over several columns, above hdr */
	const char *span[TAB_SPANS];
	int span_at[TAB_SPANS], span_n[TAB_SPANS];
	char **cells;                        /* nrows x n, owned */
	size_t nrows, cap;
	/* measured by tab_layout */
	double w[TAB_COLS];
	const PangoFontDescription *hfont;
};

static void tab_init(struct tab *t, int n, const double *frac, const char *const *hdr)
{
	memset(t, 0, sizeof *t);
	t->n = n;
	t->text = 1;
	for (int i = 0; i < n; i++) {
		t->frac[i] = frac[i];
		t->hdr[i] = hdr[i];
	}
}

static void tab_span(struct tab *t, const char *text, int at, int n)
{
	if (t->nspans >= TAB_SPANS)
		return;
	t->span[t->nspans] = text;
	t->span_at[t->nspans] = at;
	t->span_n[t->nspans++] = n;
}

static void tab_add(struct rp *p, struct tab *t, const char *const *cells)
{
	if (t->nrows == t->cap) {
		size_t cap = t->cap ? 2 * t->cap : 16;
		char **c = realloc(t->cells, cap * (size_t)t->n * sizeof *c);
		if (!c) {
			p->nomem = 1;
			return;
		}
		t->cells = c;
		t->cap = cap;
	}
	char **row = t->cells + t->nrows * (size_t)t->n;
	for (int i = 0; i < t->n; i++) {
		if (!(row[i] = strdup(cells[i]))) {
			while (i-- > 0)
				free(row[i]);
			p->nomem = 1;
			return;
		}
	}
	t->nrows++;
}

static void tab_free(struct tab *t)
{
	for (size_t i = 0; i < t->nrows * (size_t)t->n; i++)
		free(t->cells[i]);
	free(t->cells);
	t->cells = NULL;
	t->nrows = t->cap = 0;
}

/* The width of s's widest word (between spaces), in font. */
static double widest_word(struct pdfdoc *d, const char *s, const PangoFontDescription *font)
{
	double max = 0;
	char word[512];
	while (*s) {
		while (*s == ' ')
			s++;
		size_t k = strcspn(s, " ");
		if (k == 0)
			break;
		if (k >= sizeof word)
			k = sizeof word - 1;
		memcpy(word, s, k);
		word[k] = '\0';
		double w = pdfdoc_width(d, word, font);
		if (w > max)
			max = w;
		s += strcspn(s, " ");
	}
	return max;
}

/* The columns' widths: each at least what its content needs (its header's
 * longest word, its widest figure whole, the text column's longest word),
 * the rest of the page shared as the fractions wish.  The header font
 * shrinks until the needs fit the page. */
static void tab_layout(struct rp *p, struct tab *t)
{
	const double W = p->doc.w - 2 * MARGIN;
	double need[TAB_COLS], cell_need[TAB_COLS] = { 0 };
	for (int i = 0; i < t->n; i++)
		for (size_t r = 0; r < t->nrows; r++) {
			const char *c = t->cells[r * (size_t)t->n + i];
			double w = t->text & (1u << i) ? widest_word(&p->doc, c, p->small) : pdfdoc_width(&p->doc, c, p->small);
			if (w > cell_need[i])
				cell_need[i] = w;
		}
	double total = 0;
	for (int f = 0; f < HEADER_FONTS; f++) {
		t->hfont = p->header[f];
		total = 0;
		for (int i = 0; i < t->n; i++) {
			double h = widest_word(&p->doc, t->hdr[i], t->hfont);
			need[i] = (h > cell_need[i] ? h : cell_need[i]) + 2 * CELL_PAD + FIT_SLACK;
			total += need[i];
		}
		if (total <= W)
			break;
	}
	if (total > W) {
		/* cannot happen with the report's tables; share the page in
		 * proportion rather than run off it */
		for (int i = 0; i < t->n; i++)
			t->w[i] = need[i] * W / total;
		return;
	}
	double sum = 0, slack = 0;
	for (int i = 0; i < t->n; i++) {
		double want = t->frac[i] * W;
		t->w[i] = want > need[i] ? want : need[i];
		sum += t->w[i];
		slack += t->w[i] - need[i];
	}
	/* too wide: columns with room give back in proportion to that room */
	if (sum > W && slack > 0) {
		double over = sum - W;
		for (int i = 0; i < t->n; i++)
			t->w[i] -= (t->w[i] - need[i]) * over / slack;
	}
}

/* Draws the cells of one row at y, returns its height; with draw 0 only
 * measures. */
static double tab_cells(struct rp *p, const struct tab *t, const char *const *cells,
	const PangoFontDescription *font, int draw)
{
	double x = MARGIN, hmax = 0;
	for (int i = 0; i < t->n; i++) {
		double cw = t->w[i] - 2 * CELL_PAD;
		PangoAlignment a = t->text & (1u << i) ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT;
		double hh = draw ? pdfdoc_text(&p->doc, x + CELL_PAD, p->doc.y, cw, cells[i], font, a)
			: pdfdoc_measure(&p->doc, cw, cells[i], font, a);
		if (hh > hmax)
			hmax = hh;
		x += t->w[i];
	}
	return hmax;
}

static double tab_header_height(struct rp *p, const struct tab *t)
{
	double h = tab_cells(p, t, t->hdr, t->hfont, 0) + 3;
	if (t->nspans)
		h += pdfdoc_measure(&p->doc, p->doc.w, t->span[0], t->hfont, PANGO_ALIGN_LEFT) + 2;
	return h;
}

/* The header: spans, the column headers, a rule under them. */
static void tab_header(struct rp *p, struct tab *t)
{
	double hs = 0;
	for (int s = 0; s < t->nspans; s++) {
		double x = MARGIN, w = 0;
		for (int i = 0; i < t->span_at[s]; i++)
			x += t->w[i];
		for (int i = t->span_at[s]; i < t->span_at[s] + t->span_n[s]; i++)
			w += t->w[i];
		double h = pdfdoc_text(&p->doc, x + CELL_PAD, p->doc.y, w - 2 * CELL_PAD, t->span[s], t->hfont,
			PANGO_ALIGN_CENTER);
		/* a rule under the span, over its columns */
		cairo_set_line_width(p->doc.cr, 0.4);
		cairo_move_to(p->doc.cr, x + CELL_PAD + 4, p->doc.y + h + 0.5);
		cairo_line_to(p->doc.cr, x + w - CELL_PAD, p->doc.y + h + 0.5);
		cairo_stroke(p->doc.cr);
		if (h > hs)
			hs = h;
	}
	if (t->nspans)
		p->doc.y += hs + 2;
	double h = tab_cells(p, t, t->hdr, t->hfont, 1);
	p->doc.y += h + 1;
	cairo_set_line_width(p->doc.cr, 0.5);
	cairo_move_to(p->doc.cr, MARGIN, p->doc.y + 0.5);
	cairo_line_to(p->doc.cr, p->doc.w - MARGIN, p->doc.y + 0.5);
	cairo_stroke(p->doc.cr);
	p->doc.y += 2;
}

/* Measures and draws t, its header on every page it runs over, then frees
 * its rows. */
static void tab_draw(struct rp *p, struct tab *t)
{
	tab_layout(p, t);
	/* the header never sits alone at the foot of a page */
	double first = t->nrows ? tab_cells(p, t, (const char *const *)t->cells, p->small, 0) + 2 : 0;
	need(p, tab_header_height(p, t) + first);
	tab_header(p, t);
	p->open_tab = t;
	for (size_t r = 0; r < t->nrows; r++) {
		const char *const *row = (const char *const *)(t->cells + r * (size_t)t->n);
		need(p, tab_cells(p, t, row, p->small, 0));
		p->doc.y += tab_cells(p, t, row, p->small, 1) + 2;
	}
	p->open_tab = NULL;
	p->doc.y += 4;
	tab_free(t);
}

/* A grouped bar chart: ngroups groups of nseries bars, values >= 0 in any
 * unit; labels under the groups; legend with the series' names. */
struct chart {
	const char *title;
	int ngroups, nseries;
	const char *const *group_labels;
	const char *const *series_labels;
	const int64_t *values;           /* [group * nseries + series]: cents or minutes */
	int money;                       /* values are cents (else minutes) */
};

static const double series_rgb[3][3] = { { 0.62, 0.74, 0.86 }, { 0.12, 0.36, 0.6 }, { 0.85, 0.55, 0.2 } };

static void chart(struct rp *p, const struct chart *c)
{
	const double H = 150, top_pad = 18, label_h = 24;
	need(p, H + top_pad + label_h + 20);
	cairo_set_source_rgb(p->doc.cr, 0, 0, 0);
	p->doc.y += pdfdoc_text(&p->doc, MARGIN, p->doc.y, p->doc.w - 2 * MARGIN, c->title, p->bold, PANGO_ALIGN_LEFT) + 4;
	int64_t max = 0;
	for (int i = 0; i < c->ngroups * c->nseries; i++)
		if (c->values[i] > max)
			max = c->values[i];
	if (max <= 0)
		max = 1;
	double x0 = MARGIN + 4, x1 = p->doc.w - MARGIN, y0 = p->doc.y + top_pad, yb = y0 + H;
	/* axis and a grid line at the maximum */
	cairo_set_line_width(p->doc.cr, 0.5);
	cairo_set_source_rgb(p->doc.cr, 0.6, 0.6, 0.6);
	cairo_move_to(p->doc.cr, x0, y0);
	cairo_line_to(p->doc.cr, x1, y0);
	cairo_stroke(p->doc.cr);
	cairo_set_source_rgb(p->doc.cr, 0, 0, 0);
	cairo_move_to(p->doc.cr, x0, yb);
	cairo_line_to(p->doc.cr, x1, yb);
	cairo_stroke(p->doc.cr);
	char buf[64];
	/* the axis' top value above it, formatted from the integer figure;
	 * floating point is only the bars' geometry */
	if (c->money)
		figures_dollars_lang(p->lang, max, buf, sizeof buf);
	else
		figures_hours_lang(p->lang, max, buf, sizeof buf);
	pdfdoc_text(&p->doc, x0, y0 - 11, 200, buf, p->small, PANGO_ALIGN_LEFT);
	double gw = (x1 - x0) / c->ngroups, bw = gw * 0.8 / c->nseries;
	for (int g = 0; g < c->ngroups; g++) {
		double gx = x0 + g * gw + gw * 0.1;
		for (int s = 0; s < c->nseries; s++) {
			double h = (double)c->values[g * c->nseries + s] / (double)max * H;
			cairo_set_source_rgb(p->doc.cr, series_rgb[s % 3][0], series_rgb[s % 3][1], series_rgb[s % 3][2]);
			cairo_rectangle(p->doc.cr, gx + s * bw, yb - h, bw * 0.92, h);
			cairo_fill(p->doc.cr);
		}
		cairo_set_source_rgb(p->doc.cr, 0, 0, 0);
		pdfdoc_text(&p->doc, x0 + g * gw, yb + 3, gw, c->group_labels[g], p->small, PANGO_ALIGN_CENTER);
	}
	/* legend */
	double lx = x0;
	double ly = yb + label_h;
	for (int s = 0; s < c->nseries; s++) {
		cairo_set_source_rgb(p->doc.cr, series_rgb[s % 3][0], series_rgb[s % 3][1], series_rgb[s % 3][2]);
		cairo_rectangle(p->doc.cr, lx, ly + 2, 8, 8);
		cairo_fill(p->doc.cr);
		cairo_set_source_rgb(p->doc.cr, 0, 0, 0);
		pdfdoc_text(&p->doc, lx + 12, ly, 150, c->series_labels[s], p->small, PANGO_ALIGN_LEFT);
		lx += 160;
	}
	p->doc.y = ly + 18;
}


/* Where the actual products come from, when not simply the invoices. */
static void products_notes(struct rp *p)
{
	char b1[MONEY_BUF], b2[MONEY_BUF], b3[MONEY_BUF], line[1024];
	for (int k = 1; k < 3; k++) {
		const struct annual_year *y = &p->r->y[k];
		if (y->products_source != ANNUAL_PRODUCTS_ENTERED)
			continue;
		if (!y->products_invoiced.ok) {
			snprintf(line, sizeof line, _("Aucune facture émise en %s : produits réels tels que saisis."), y->name);
			para(p, line);
		} else if (y->reconciliation.ok) {
			snprintf(line, sizeof line, _("Rapprochement %s : produits audités %s ; factures des périodes de "
				"l'exercice, nettes des notes de crédit, avant taxes : %s ; écart (audités moins factures) : %s."),
				y->name, money_format_lang(p->lang, y->products.cents, b1, sizeof b1),
				money_format_lang(p->lang, y->products_invoiced.cents, b2, sizeof b2),
				money_format_lang(p->lang, y->reconciliation.cents, b3, sizeof b3));
			para(p, line);
		}
	}
}

static void body(struct rp *p)
{
	const struct annual_report *r = p->r;
	const struct annual_year *y1 = &r->y[1], *y2 = &r->y[2];
	char b1[64], b2[64], b3[64], b4[64], b5[64], b6[64], line[1024];

	cairo_set_source_rgb(p->doc.cr, 0.1, 0.3, 0.5);
	snprintf(line, sizeof line, _("Rapport d'activités %s"), y2->name);
	p->doc.y += pdfdoc_text(&p->doc, MARGIN, p->doc.y, p->doc.w - 2 * MARGIN, line, p->title, PANGO_ALIGN_LEFT) + 2;
	cairo_set_source_rgb(p->doc.cr, 0, 0, 0);
	p->doc.y += pdfdoc_text(&p->doc, MARGIN, p->doc.y, p->doc.w - 2 * MARGIN, p->cfg->centre_name, p->regular, PANGO_ALIGN_LEFT) + 8;

	heading(p, _("Services aux membres"));
	snprintf(line, sizeof line, _("Heures de services rendus : %s (%s : %s), soit une variation de %s ; "
		"l'année précédente : %s."), figures_hours_lang(p->lang, y2->billable_minutes, b1, sizeof b1), y1->name,
		figures_hours_lang(p->lang, y1->billable_minutes, b2, sizeof b2),
		figures_pct_signed_lang(p->lang, r->hours_growth.ok, r->hours_growth.tenths, b3, sizeof b3),
		figures_pct_signed_lang(p->lang, r->prev_hours_growth.ok, r->prev_hours_growth.tenths, b4, sizeof b4));
	para(p, line);
	snprintf(line, sizeof line, _("Des interventions auprès de %s entreprises (%s : %s)."),
		figures_count_lang(p->lang, y2->beneficiaries, b1, sizeof b1), y1->name,
		figures_count_lang(p->lang, y1->beneficiaries, b2, sizeof b2));
	para(p, line);
	snprintf(line, sizeof line, _("%s organisations membres au %s, dont %s nouvelles : une croissance du "
		"membrariat de %s."), figures_count_lang(p->lang, y2->members_at_end, b1, sizeof b1), y2->last,
		figures_count_lang(p->lang, y2->new_members, b2, sizeof b2),
		figures_pct_signed_lang(p->lang, r->members_growth.ok, r->members_growth.tenths, b3, sizeof b3));
	para(p, line);
	{
		const char *months[ANNUAL_MONTHS];
		char mlab[ANNUAL_MONTHS][8];
		int64_t v[2 * ANNUAL_MONTHS];
		for (int i = 0; i < ANNUAL_MONTHS; i++) {
			/* the month's number, "04" of "2019-04" */
			snprintf(mlab[i], sizeof mlab[i], "%.2s", y2->months[i] + 5);
			months[i] = mlab[i];
			v[2 * i] = y1->month_billable[i];
			v[2 * i + 1] = y2->month_billable[i];
		}
		const char *series[] = { y1->name, y2->name };
		struct chart c = { _("Heures facturables par mois"), ANNUAL_MONTHS, 2, months, series, v, 0 };
		chart(p, &c);
	}

	heading(p, _("Affaires financières"));
	{
		char h1[48], h2[48], h3[48], h5[48];
		snprintf(h1, sizeof h1, _("%s réel"), y1->name);
		snprintf(h2, sizeof h2, _("%s réel"), y2->name);
		snprintf(h3, sizeof h3, _("%s budgété"), y2->name);
		snprintf(h5, sizeof h5, _("%s budgété"), r->next_name);
		const double cols[] = { 0.24, 0.16, 0.16, 0.16, 0.1, 0.18 };
		const char *hdr[] = { _("Description"), h1, h2, h3, _("Var."), h5 };
		struct tab t;
		tab_init(&t, 6, cols, hdr);
		const char *c1[] = { _("Produits"), figures_dollars_or_dash_lang(p->lang, y1->products.ok, y1->products.cents, b1, sizeof b1),
			figures_dollars_or_dash_lang(p->lang, y2->products.ok, y2->products.cents, b2, sizeof b2),
			figures_dollars_or_dash_lang(p->lang, y2->budget_products.ok, y2->budget_products.cents, b3, sizeof b3),
			figures_pct_whole_signed_lang(p->lang, r->products_variance.ok, r->products_variance.tenths, b4, sizeof b4),
			figures_dollars_or_dash_lang(p->lang, r->next_budget_products.ok, r->next_budget_products.cents, b5, sizeof b5) };
		tab_add(p, &t, c1);
		const char *c2[] = { _("Frais d'exploitation"),
			figures_dollars_or_dash_lang(p->lang, y1->expenses.ok, y1->expenses.cents, b1, sizeof b1),
			figures_dollars_or_dash_lang(p->lang, y2->expenses.ok, y2->expenses.cents, b2, sizeof b2),
			figures_dollars_or_dash_lang(p->lang, y2->budget_expenses.ok, y2->budget_expenses.cents, b3, sizeof b3),
			figures_pct_whole_signed_lang(p->lang, r->expenses_variance.ok, r->expenses_variance.tenths, b4, sizeof b4),
			figures_dollars_or_dash_lang(p->lang, r->next_budget_expenses.ok, r->next_budget_expenses.cents, b5, sizeof b5) };
		tab_add(p, &t, c2);
		const char *c3[] = { _("Excédent de l'exercice"),
			figures_dollars_or_dash_lang(p->lang, y1->surplus.ok, y1->surplus.cents, b1, sizeof b1),
			figures_dollars_or_dash_lang(p->lang, y2->surplus.ok, y2->surplus.cents, b2, sizeof b2),
			figures_dollars_or_dash_lang(p->lang, y2->budget_surplus.ok, y2->budget_surplus.cents, b3, sizeof b3),
			"", figures_dollars_or_dash_lang(p->lang, r->next_budget_surplus.ok, r->next_budget_surplus.cents, b5, sizeof b5) };
		tab_add(p, &t, c3);
		tab_draw(p, &t);
		p->doc.y += 2;
	}
	products_notes(p);
	snprintf(line, sizeof line, _("Au cours de l'exercice, la Coopérative a effectué %s de ses opérations avec "
		"ses membres utilisateurs au sens de l'article 17 du Règlement d'application de la Loi sur les "
		"coopératives."), figures_pct_lang(p->lang, r->members_share.ok, r->members_share.tenths, b1, sizeof b1));
	para(p, line);
	snprintf(line, sizeof line, _("La progression des revenus en provenance des membres et des membres "
		"auxiliaires est respectivement de %s et %s, comparativement à l'année précédente."),
		figures_pct_signed_lang(p->lang, r->category_growth[CATEGORY_MEMBRE].ok, r->category_growth[CATEGORY_MEMBRE].tenths,
			b1, sizeof b1),
		figures_pct_signed_lang(p->lang, r->category_growth[CATEGORY_AUXILIAIRE].ok,
			r->category_growth[CATEGORY_AUXILIAIRE].tenths, b2, sizeof b2));
	para(p, line);
	{
		const int64_t v[4] = { y2->products.cents, y2->budget_products.cents, y2->expenses.cents,
			y2->budget_expenses.cents };
		const char *groups[] = { _("Produits"), _("Frais d'exploitation") };
		const char *series[] = { _("Réel"), _("Budget") };
		char title[96];
		snprintf(title, sizeof title, _("Réel et budget %s"), y2->name);
		struct chart c = { title, 2, 2, groups, series, v, 1 };
		chart(p, &c);
	}
	{
		int64_t v[2 * CATEGORY_COUNT];
		const char *groups[CATEGORY_COUNT];
		for (int c = 0; c < CATEGORY_COUNT; c++) {
			groups[c] = vocab_category_group(c);
			v[2 * c] = y1->revenue_by_category[c];
			v[2 * c + 1] = y2->revenue_by_category[c];
		}
		const char *series[] = { y1->name, y2->name };
		struct chart c = { _("Revenus par catégorie de membres"), CATEGORY_COUNT, 2, groups, series, v, 1 };
		chart(p, &c);
	}
	{
		const double cols[] = { 0.4, 0.3, 0.3 };
		const char *hdr[] = { _("Exercice"), _("Sous entière gestion"), _("Autres membres") };
		p->doc.y += 4;
		struct tab t;
		tab_init(&t, 3, cols, hdr);
		for (int i = 0; i < r->nhist; i++) {
			const struct annual_hist *h = &r->hist[i];
			const char *cells[] = { h->name,
				figures_pct_lang(p->lang, h->full_management_share.ok, h->full_management_share.tenths, b1, sizeof b1),
				figures_pct_lang(p->lang, h->other_members_share.ok, h->other_members_share.tenths, b2, sizeof b2) };
			tab_add(p, &t, cells);
		}
		tab_draw(p, &t);
	}

	heading(p, _("Comptes clients"));
	snprintf(line, sizeof line, _("Au %s, les clients devaient %s sur %s factures ouvertes (crédit aux comptes "
		"des clients : %s ; solde net : %s)."), y2->last, money_format_lang(p->lang, r->ar.open_cents, b1, sizeof b1),
		figures_count_lang(p->lang, r->ar.open_invoices, b2, sizeof b2),
		money_format_lang(p->lang, r->ar.credit_cents, b3, sizeof b3),
		money_format_lang(p->lang, r->ar.balance_cents, b4, sizeof b4));
	para(p, line);
	{
		const double cols[] = { 0.6, 0.4 };
		const char *hdr[] = { _("Retard sur l'échéance"), _("Montant ouvert") };
		struct tab t;
		tab_init(&t, 2, cols, hdr);
		t.text |= 1u << 0;
		for (int k = 0; k < PAYMENTS_AGE_COUNT; k++) {
			const char *cells[] = { _(payments_age_label(k)), money_format_lang(p->lang, r->ar.by_age[k], b1, sizeof b1) };
			tab_add(p, &t, cells);
		}
		const char *tot[] = { _("Total"), money_format_lang(p->lang, r->ar.open_cents, b1, sizeof b1) };
		tab_add(p, &t, tot);
		tab_draw(p, &t);
	}
	snprintf(line, sizeof line, _("Délai moyen de paiement : %s jours, moyenne simple sur %s factures émises "
		"durant l'exercice et payées en entier à sa fin, de la date de la facture au paiement qui l'a soldée."),
		figures_tenths_lang(p->lang, r->ar.days_to_payment.ok, r->ar.days_to_payment.tenths, b1, sizeof b1),
		figures_count_lang(p->lang, r->ar.paid_invoices, b2, sizeof b2));
	para(p, line);

	heading(p, _("Capital humain"));
	char age[32];
	if (r->average_age.ok)
		snprintf(age, sizeof age, _("%lld ans"), (long long)r->average_age_years);
	else
		snprintf(age, sizeof age, "—");
	snprintf(line, sizeof line, _("Au %s : %s ressources professionnelles, %s formateurs, %s directions. "
		"Femmes : %s ; hommes : %s ; moyenne d'âge : %s."), y2->last,
		figures_count_lang(p->lang, r->people_by_function[FUNCTION_PROFESSIONNEL], b1, sizeof b1),
		figures_count_lang(p->lang, r->people_by_function[FUNCTION_FORMATEUR], b2, sizeof b2),
		figures_count_lang(p->lang, r->people_by_function[FUNCTION_DIRECTION], b3, sizeof b3),
		figures_pct_lang(p->lang, r->women_share.ok, r->women_share.tenths, b4, sizeof b4),
		figures_pct_lang(p->lang, r->men_share.ok, r->men_share.tenths, b5, sizeof b5), age);
	para(p, line);

	heading(p, _("Heures et revenus par programme de financement"));
	{
		const double cols[] = { 0.4, 0.15, 0.15, 0.15, 0.15 };
		const char *hdr[] = { _("Programme"), y1->name, y2->name, y1->name, y2->name };
		struct tab t;
		tab_init(&t, 5, cols, hdr);
		tab_span(&t, _("Heures"), 1, 2);
		tab_span(&t, _("Revenus"), 3, 2);
		for (size_t i = 0; i < r->nprograms; i++) {
			const struct annual_program *q = &r->programs[i];
			const char *cells[] = { !q->code[0] ? _("(sans programme)") : q->name[0] ? q->name : q->code,
				figures_hours_lang(p->lang, q->minutes[0], b1, sizeof b1), figures_hours_lang(p->lang, q->minutes[1], b2, sizeof b2),
				figures_dollars_lang(p->lang, q->revenue_cents[0], b3, sizeof b3),
				figures_dollars_lang(p->lang, q->revenue_cents[1], b4, sizeof b4) };
			tab_add(p, &t, cells);
		}
		tab_draw(p, &t);
	}

	heading(p, _("Développement des affaires"));
	for (int q = 0; q < PARTNER_COUNT; q++) {
		need(p, 40);
		text_block(p, 0, vocab_partner_label(q), p->bold, 2);
		for (int k = 0; k < DEV_KIND_COUNT; k++) {
			/* TRANSLATORS: a kind of business development and its count */
			snprintf(line, sizeof line, _("%s : %lld"), vocab_dev_kind_heading(k), (long long)r->dev_counts[q][k]);
			para(p, line);
			for (size_t i = 0; i < r->ndev_names; i++) {
				const struct annual_dev_name *n = &r->dev_names[i];
				if ((int)n->partner != q || (int)n->kind != k)
					continue;
				snprintf(line, sizeof line, "– %s", n->name);
				text_block(p, 14, line, p->small, 0);
			}
			p->doc.y += 3;
		}
	}

	heading(p, _("Utilisation"));
	snprintf(line, sizeof line, _("Taux d'utilisation global : %s (%s facturables sur une capacité de %s)."),
		figures_pct_lang(p->lang, r->utilisation.ok, r->utilisation.tenths, b1, sizeof b1),
		figures_hours_lang(p->lang, r->billable_total, b2, sizeof b2), figures_hours_lang(p->lang, r->capacity_total, b3, sizeof b3));
	para(p, line);
	snprintf(line, sizeof line, _("Capacité : %s de jours ouvrables en poste, moins %s de jours fériés et de "
		"fermetures et %s d'absences."), figures_hours_lang(p->lang, r->gross_total, b1, sizeof b1),
		figures_hours_lang(p->lang, r->holidays_total, b2, sizeof b2),
		figures_hours_lang(p->lang, r->absences_total, b3, sizeof b3));
	para(p, line);
	{
		const double cols[] = { 0.26, 0.14, 0.11, 0.10, 0.10, 0.10, 0.10, 0.09 };
		const char *hdr[] = { _("Personne"), _("Fonction"), _("Facturables"), _("Internes"), _("Fériés"),
			_("Absences"), _("Capacité"), _("Utilisation") };
		struct tab t;
		tab_init(&t, 8, cols, hdr);
		t.text |= 1u << 1;
		for (size_t i = 0; i < r->nexperts; i++) {
			const struct annual_expert *x = &r->experts[i];
			const char *cells[] = { x->name, vocab_function_label(x->function), figures_hours_lang(p->lang, x->billable, b1, sizeof b1),
				figures_hours_lang(p->lang, x->internal, b2, sizeof b2), figures_hours_lang(p->lang, x->holidays, b5, sizeof b5),
				figures_hours_lang(p->lang, x->absences, b6, sizeof b6), figures_hours_lang(p->lang, x->capacity, b3, sizeof b3),
				figures_pct_lang(p->lang, x->utilisation.ok, x->utilisation.tenths, b4, sizeof b4) };
			tab_add(p, &t, cells);
		}
		tab_draw(p, &t);
	}
}

/* Fonts and every page, on a document already open. */
static void render(struct rp *p)
{
	p->regular = pdfdoc_font(&p->doc, "DejaVu Sans 9");
	p->bold = pdfdoc_font(&p->doc, "DejaVu Sans Bold 8");
	p->small = pdfdoc_font(&p->doc, "DejaVu Sans 7.5");
	p->h2 = pdfdoc_font(&p->doc, "DejaVu Sans Bold 12");
	p->title = pdfdoc_font(&p->doc, "DejaVu Sans Bold 18");
	p->header[0] = p->bold;
	p->header[1] = pdfdoc_font(&p->doc, "DejaVu Sans Bold 7");
	p->header[2] = pdfdoc_font(&p->doc, "DejaVu Sans Bold 6");
	body(p);
	footer(p);
}

juste_status report_pdf_write(const struct policy *cfg, const struct annual_report *r, const char *path,
	struct juste_err *e)
{
	struct rp p;
	memset(&p, 0, sizeof p);
	p.cfg = cfg;
	p.r = r;
	p.lang = text_lang_of(i18n_language());
	/* the dry pass: how many pages */
	juste_status st = pdfdoc_open_dry(&p.doc, cfg, e);
	if (st != JUSTE_OK)
		return st;
	render(&p);
	int pages = p.doc.page;
	if ((st = pdfdoc_close(&p.doc, NULL, e)) != JUSTE_OK)
		return st;
	if (p.nomem)
		return err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	char title[128];
	snprintf(title, sizeof title, _("Rapport d'activités %s"), r->y[2].name);
	if ((st = pdfdoc_open(&p.doc, cfg, path, title, e)) != JUSTE_OK)
		return st;
	p.doc.pages = pages;
	render(&p);
	if (p.nomem) {
		pdfdoc_abort(&p.doc);
		return err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	}
	return pdfdoc_close(&p.doc, path, e);
}
