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
 */
#include <stdio.h>
#include <string.h>

#include "juste/i18n.h"
#include "juste/money.h"
#include "juste/pdfdoc.h"
#include "juste/report.h"
#include "juste/report_pdf.h"

#define MARGIN PDFDOC_MARGIN

void report_pdf_shutdown(void)
{
	pdfdoc_shutdown();
}

struct rp {
	struct pdfdoc doc;
	PangoFontDescription *regular, *bold, *small, *title, *h2;
	const struct policy *cfg;
	const struct annual_report *r;
};

static void footer(struct rp *p)
{
	char buf[128];
	snprintf(buf, sizeof buf, _("Rapport d'activités %s — page %d"), p->r->y[2].name, p->doc.page);
	pdfdoc_footer(&p->doc, p->small, p->cfg->centre_name, buf);
}

static void need(struct rp *p, double height)
{
	if (p->doc.y + height <= p->doc.h - MARGIN)
		return;
	footer(p);
	pdfdoc_next_page(&p->doc);
}

static void heading(struct rp *p, const char *s)
{
	need(p, 60);
	p->doc.y += 8;
	cairo_set_source_rgb(p->doc.cr, 0.1, 0.3, 0.5);
	p->doc.y += pdfdoc_text(&p->doc, MARGIN, p->doc.y, p->doc.w - 2 * MARGIN, s, p->h2, PANGO_ALIGN_LEFT) + 4;
	cairo_set_source_rgb(p->doc.cr, 0, 0, 0);
}

static void para(struct rp *p, const char *s)
{
	need(p, 30);
	p->doc.y += pdfdoc_text(&p->doc, MARGIN, p->doc.y, p->doc.w - 2 * MARGIN, s, p->regular, PANGO_ALIGN_LEFT) + 4;
}

/* A table row: cells at fractions of the width; the first left-aligned,
 * the others right-aligned. */
static void trow(struct rp *p, const char *const *cells, const double *cols, int n, int bold)
{
	need(p, 14);
	double x = MARGIN, W = p->doc.w - 2 * MARGIN, hmax = 0;
	for (int i = 0; i < n; i++) {
		double cw = cols[i] * W;
		double hh = pdfdoc_text(&p->doc, x + 2, p->doc.y, cw - 4, cells[i], bold ? p->bold : p->small,
			i == 0 ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT);
		if (hh > hmax)
			hmax = hh;
		x += cw;
	}
	p->doc.y += hmax + 2;
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
		figures_dollars_fr(max, buf, sizeof buf);
	else
		figures_hours_fr(max, buf, sizeof buf);
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
				y->name, money_format_fr(y->products.cents, b1, sizeof b1),
				money_format_fr(y->products_invoiced.cents, b2, sizeof b2),
				money_format_fr(y->reconciliation.cents, b3, sizeof b3));
			para(p, line);
		}
	}
}

static void body(struct rp *p)
{
	const struct annual_report *r = p->r;
	const struct annual_year *y1 = &r->y[1], *y2 = &r->y[2];
	char b1[64], b2[64], b3[64], b4[64], b5[64], line[1024];

	cairo_set_source_rgb(p->doc.cr, 0.1, 0.3, 0.5);
	snprintf(line, sizeof line, _("Rapport d'activités %s"), y2->name);
	p->doc.y += pdfdoc_text(&p->doc, MARGIN, p->doc.y, p->doc.w - 2 * MARGIN, line, p->title, PANGO_ALIGN_LEFT) + 2;
	cairo_set_source_rgb(p->doc.cr, 0, 0, 0);
	p->doc.y += pdfdoc_text(&p->doc, MARGIN, p->doc.y, p->doc.w - 2 * MARGIN, p->cfg->centre_name, p->regular, PANGO_ALIGN_LEFT) + 8;

	heading(p, _("Services aux membres"));
	snprintf(line, sizeof line, _("Heures de services rendus : %s (%s : %s), soit une variation de %s ; "
		"l'année précédente : %s."), figures_hours_fr(y2->billable_minutes, b1, sizeof b1), y1->name,
		figures_hours_fr(y1->billable_minutes, b2, sizeof b2),
		figures_pct_signed(r->hours_growth.ok, r->hours_growth.tenths, b3, sizeof b3),
		figures_pct_signed(r->prev_hours_growth.ok, r->prev_hours_growth.tenths, b4, sizeof b4));
	para(p, line);
	snprintf(line, sizeof line, _("Des interventions auprès de %s entreprises (%s : %s)."),
		figures_count_fr(y2->beneficiaries, b1, sizeof b1), y1->name,
		figures_count_fr(y1->beneficiaries, b2, sizeof b2));
	para(p, line);
	snprintf(line, sizeof line, _("%s organisations membres au %s, dont %s nouvelles : une croissance du "
		"membrariat de %s."), figures_count_fr(y2->members_at_end, b1, sizeof b1), y2->last,
		figures_count_fr(y2->new_members, b2, sizeof b2),
		figures_pct_signed(r->members_growth.ok, r->members_growth.tenths, b3, sizeof b3));
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
		trow(p, hdr, cols, 6, 1);
		const char *c1[] = { _("Produits"), figures_dollars_or_dash(y1->products.ok, y1->products.cents, b1, sizeof b1),
			figures_dollars_or_dash(y2->products.ok, y2->products.cents, b2, sizeof b2),
			figures_dollars_or_dash(y2->budget_products.ok, y2->budget_products.cents, b3, sizeof b3),
			figures_pct_whole_signed(r->products_variance.ok, r->products_variance.tenths, b4, sizeof b4),
			figures_dollars_or_dash(r->next_budget_products.ok, r->next_budget_products.cents, b5, sizeof b5) };
		trow(p, c1, cols, 6, 0);
		const char *c2[] = { _("Frais d'exploitation"),
			figures_dollars_or_dash(y1->expenses.ok, y1->expenses.cents, b1, sizeof b1),
			figures_dollars_or_dash(y2->expenses.ok, y2->expenses.cents, b2, sizeof b2),
			figures_dollars_or_dash(y2->budget_expenses.ok, y2->budget_expenses.cents, b3, sizeof b3),
			figures_pct_whole_signed(r->expenses_variance.ok, r->expenses_variance.tenths, b4, sizeof b4),
			figures_dollars_or_dash(r->next_budget_expenses.ok, r->next_budget_expenses.cents, b5, sizeof b5) };
		trow(p, c2, cols, 6, 0);
		const char *c3[] = { _("Excédent de l'exercice"),
			figures_dollars_or_dash(y1->surplus.ok, y1->surplus.cents, b1, sizeof b1),
			figures_dollars_or_dash(y2->surplus.ok, y2->surplus.cents, b2, sizeof b2),
			figures_dollars_or_dash(y2->budget_surplus.ok, y2->budget_surplus.cents, b3, sizeof b3),
			"", figures_dollars_or_dash(r->next_budget_surplus.ok, r->next_budget_surplus.cents, b5, sizeof b5) };
		trow(p, c3, cols, 6, 0);
		p->doc.y += 6;
	}
	products_notes(p);
	snprintf(line, sizeof line, _("Au cours de l'exercice, la Coopérative a effectué %s de ses opérations avec "
		"ses membres utilisateurs au sens de l'article 17 du Règlement d'application de la Loi sur les "
		"coopératives."), figures_pct(r->members_share.ok, r->members_share.tenths, b1, sizeof b1));
	para(p, line);
	snprintf(line, sizeof line, _("La progression des revenus en provenance des membres et des membres "
		"auxiliaires est respectivement de %s et %s, comparativement à l'année précédente."),
		figures_pct_signed(r->category_growth[CATEGORY_MEMBRE].ok, r->category_growth[CATEGORY_MEMBRE].tenths,
			b1, sizeof b1),
		figures_pct_signed(r->category_growth[CATEGORY_AUXILIAIRE].ok,
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
		trow(p, hdr, cols, 3, 1);
		for (int i = 0; i < r->nhist; i++) {
			const struct annual_hist *h = &r->hist[i];
			const char *cells[] = { h->name,
				figures_pct(h->full_management_share.ok, h->full_management_share.tenths, b1, sizeof b1),
				figures_pct(h->other_members_share.ok, h->other_members_share.tenths, b2, sizeof b2) };
			trow(p, cells, cols, 3, 0);
		}
	}

	heading(p, _("Capital humain"));
	char age[32];
	if (r->average_age.ok)
		snprintf(age, sizeof age, _("%lld ans"), (long long)r->average_age_years);
	else
		snprintf(age, sizeof age, "—");
	snprintf(line, sizeof line, _("Au %s : %s ressources professionnelles, %s formateurs, %s directions. "
		"Femmes : %s ; hommes : %s ; moyenne d'âge : %s."), y2->last,
		figures_count_fr(r->people_by_function[FUNCTION_PROFESSIONNEL], b1, sizeof b1),
		figures_count_fr(r->people_by_function[FUNCTION_FORMATEUR], b2, sizeof b2),
		figures_count_fr(r->people_by_function[FUNCTION_DIRECTION], b3, sizeof b3),
		figures_pct(r->women_share.ok, r->women_share.tenths, b4, sizeof b4),
		figures_pct(r->men_share.ok, r->men_share.tenths, b5, sizeof b5), age);
	para(p, line);

	heading(p, _("Heures et revenus par programme de financement"));
	{
		const double cols[] = { 0.28, 0.18, 0.18, 0.18, 0.18 };
		const char *hdr[] = { _("Programme"), y1->name, y2->name, y1->name, y2->name };
		trow(p, hdr, cols, 5, 1);
		for (size_t i = 0; i < r->nprograms; i++) {
			const struct annual_program *q = &r->programs[i];
			const char *cells[] = { q->code[0] ? q->code : _("(sans programme)"),
				figures_hours_fr(q->minutes[0], b1, sizeof b1), figures_hours_fr(q->minutes[1], b2, sizeof b2),
				figures_dollars_fr(q->revenue_cents[0], b3, sizeof b3),
				figures_dollars_fr(q->revenue_cents[1], b4, sizeof b4) };
			trow(p, cells, cols, 5, 0);
		}
	}

	heading(p, _("Développement des affaires"));
	for (int q = 0; q < PARTNER_COUNT; q++) {
		need(p, 40);
		p->doc.y += pdfdoc_text(&p->doc, MARGIN, p->doc.y, p->doc.w - 2 * MARGIN, vocab_partner_label(q), p->bold, PANGO_ALIGN_LEFT) + 2;
		for (int k = 0; k < DEV_KIND_COUNT; k++) {
			snprintf(line, sizeof line, "%s : %lld", vocab_dev_kind_heading(k), (long long)r->dev_counts[q][k]);
			para(p, line);
			for (size_t i = 0; i < r->ndev_names; i++) {
				const struct annual_dev_name *n = &r->dev_names[i];
				if ((int)n->partner != q || (int)n->kind != k)
					continue;
				need(p, 12);
				snprintf(line, sizeof line, "– %s", n->name);
				p->doc.y += pdfdoc_text(&p->doc, MARGIN + 14, p->doc.y, p->doc.w - 2 * MARGIN - 14, line, p->small, PANGO_ALIGN_LEFT);
			}
			p->doc.y += 3;
		}
	}

	heading(p, _("Utilisation"));
	snprintf(line, sizeof line, _("Taux d'utilisation global : %s (%s facturables sur une capacité de %s)."),
		figures_pct(r->utilisation.ok, r->utilisation.tenths, b1, sizeof b1),
		figures_hours_fr(r->billable_total, b2, sizeof b2), figures_hours_fr(r->capacity_total, b3, sizeof b3));
	para(p, line);
	{
		const double cols[] = { 0.34, 0.16, 0.13, 0.12, 0.12, 0.13 };
		const char *hdr[] = { _("Personne"), _("Fonction"), _("Facturables"), _("Internes"), _("Capacité"),
			_("Utilisation") };
		trow(p, hdr, cols, 6, 1);
		for (size_t i = 0; i < r->nexperts; i++) {
			const struct annual_expert *x = &r->experts[i];
			const char *cells[] = { x->name, vocab_function_word(x->function), figures_hours_fr(x->billable, b1, sizeof b1),
				figures_hours_fr(x->internal, b2, sizeof b2), figures_hours_fr(x->capacity, b3, sizeof b3),
				figures_pct(x->utilisation.ok, x->utilisation.tenths, b4, sizeof b4) };
			trow(p, cells, cols, 6, 0);
		}
	}
}

juste_status report_pdf_write(const struct policy *cfg, const struct annual_report *r, const char *path,
	struct juste_err *e)
{
	struct rp p;
	memset(&p, 0, sizeof p);
	p.cfg = cfg;
	p.r = r;
	char title[128];
	snprintf(title, sizeof title, _("Rapport d'activités %s"), r->y[2].name);
	juste_status st = pdfdoc_open(&p.doc, cfg, path, title, e);
	if (st != JUSTE_OK)
		return st;
	p.regular = pdfdoc_font(&p.doc, "DejaVu Sans 9");
	p.bold = pdfdoc_font(&p.doc, "DejaVu Sans Bold 8");
	p.small = pdfdoc_font(&p.doc, "DejaVu Sans 7.5");
	p.h2 = pdfdoc_font(&p.doc, "DejaVu Sans Bold 12");
	p.title = pdfdoc_font(&p.doc, "DejaVu Sans Bold 18");
	body(&p);
	footer(&p);
	return pdfdoc_close(&p.doc, path, e);
}
