/*
 * statement_pdf.c - the statement of account as a PDF (statement_pdf.h),
 * laid out twice like the invoices: a dry pass counts the pages, the real
 * one prints "page N de M".
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "juste/i18n.h"
#include "juste/money.h"
#include "juste/pdfdoc.h"
#include "juste/statement_pdf.h"

#define MARGIN PDFDOC_MARGIN
#define FOOTER 24.0
#define PAD 6.0

struct spdf {
	struct pdfdoc doc;
	PangoFontDescription *regular, *bold, *small, *big, *title;
	PangoFontDescription *cell, *cell_bold;   /* the tables' size, chosen by widths() */
	const struct policy *cfg;
	const struct statement *s;
	double c_date, c_kind, c_ref, c_debit, c_credit, c_balance;   /* measured column widths */
	double c_total;                           /* the closing balance, in its larger size */
};

/* The detail column never gets less than this: below it, the tables go
 * down a size (a few very large amounts), then the kind wraps by words. */
#define MEMO_MIN 110.0

void statement_pdf_shutdown(void)
{
	pdfdoc_shutdown();
}

static void rule(struct spdf *p, double y)
{
	cairo_save(p->doc.cr);
	cairo_set_source_rgb(p->doc.cr, 0.4, 0.4, 0.4);
	cairo_set_line_width(p->doc.cr, 0.6);
	cairo_move_to(p->doc.cr, MARGIN, y);
	cairo_line_to(p->doc.cr, p->doc.w - MARGIN, y);
	cairo_stroke(p->doc.cr);
	cairo_restore(p->doc.cr);
}

static void footer(struct spdf *p)
{
	char buf[256];
	snprintf(buf, sizeof buf, _("Relevé %s au %s — page %d de %d"), p->s->client.code, p->s->at, p->doc.page,
		p->doc.pages ? p->doc.pages : p->doc.page);
	pdfdoc_footer(&p->doc, p->small, p->cfg->centre_name, buf);
}

static double memo_width(const struct spdf *p)
{
	return p->doc.w - 2 * MARGIN - p->c_date - p->c_kind - p->c_ref - p->c_debit - p->c_credit - p->c_balance;
}

static void table_head(struct spdf *p)
{
	double x = MARGIN, y = p->doc.y;
	double h = pdfdoc_text(&p->doc, x, y, p->c_date, _("Date"), p->cell_bold, PANGO_ALIGN_LEFT);
	x += p->c_date;
	pdfdoc_text(&p->doc, x, y, p->c_kind - PAD, _("Pièce"), p->cell_bold, PANGO_ALIGN_LEFT);
	x += p->c_kind;
	pdfdoc_text(&p->doc, x, y, p->c_ref, _("Numéro"), p->cell_bold, PANGO_ALIGN_LEFT);
	x += p->c_ref;
	pdfdoc_text(&p->doc, x, y, memo_width(p) - PAD, _("Détail"), p->cell_bold, PANGO_ALIGN_LEFT);
	x += memo_width(p);
	pdfdoc_text(&p->doc, x, y, p->c_debit, _("Débit"), p->cell_bold, PANGO_ALIGN_RIGHT);
	x += p->c_debit;
	pdfdoc_text(&p->doc, x, y, p->c_credit, _("Crédit"), p->cell_bold, PANGO_ALIGN_RIGHT);
	x += p->c_credit;
	pdfdoc_text(&p->doc, x, y, p->c_balance, _("Solde"), p->cell_bold, PANGO_ALIGN_RIGHT);
	p->doc.y += h + 2;
	rule(p, p->doc.y);
	p->doc.y += 3;
}

static void ensure(struct spdf *p, double need)
{
	if (p->doc.y + need <= p->doc.h - MARGIN - FOOTER)
		return;
	footer(p);
	pdfdoc_next_page(&p->doc);
	char buf[NAME_LEN + 64];
	snprintf(buf, sizeof buf, _("Relevé de compte — %s"), p->s->client.name);
	p->doc.y += pdfdoc_text(&p->doc, MARGIN, p->doc.y, p->doc.w - 2 * MARGIN, buf, p->bold, PANGO_ALIGN_LEFT) + 6;
	table_head(p);
}

static double widest(struct spdf *p, double w, const char *s, const PangoFontDescription *f)
{
	double x = pdfdoc_width(&p->doc, s, f) + PAD;
	return x > w ? x : w;
}

/* The widest word of s: where a label may wrap. */
static double widest_word(struct spdf *p, double w, const char *s, const PangoFontDescription *f)
{
	char word[128];
	while (*s) {
		size_t n = strcspn(s, " ");
		if (n && n < sizeof word) {
			memcpy(word, s, n);
			word[n] = '\0';
			w = widest(p, w, word, f);
		}
		s += n;
		s += strspn(s, " ");
	}
	return w;
}

/* Every column as wide as its widest cell, so that no code or amount
 * wraps or runs into its neighbour; the detail gets what is left. */
static void measure(struct spdf *p, const PangoFontDescription *f, const PangoFontDescription *fb, bool wrap_kind)
{
	char a[MONEY_BUF];
	p->c_date = widest(p, widest(p, 0, "2020-03-31", f), _("Date"), fb);
	p->c_kind = widest(p, 0, _("Pièce"), fb);
	for (int k = STATEMENT_INVOICE; k <= STATEMENT_VOID; k++) {
		const char *label = receivables_statement_kind_label((enum statement_kind)k);
		p->c_kind = wrap_kind ? widest_word(p, p->c_kind, label, f) : widest(p, p->c_kind, label, f);
	}
	p->c_ref = widest(p, 0, _("Numéro"), fb);
	p->c_debit = widest(p, 0, _("Débit"), fb);
	p->c_credit = widest(p, 0, _("Crédit"), fb);
	p->c_balance = widest(p, widest(p, 0, _("Solde"), fb), money_format_fr(p->s->opening_cents, a, sizeof a), f);
	for (size_t i = 0; i < p->s->nlines; i++) {
		const struct statement_line *l = &p->s->lines[i];
		p->c_ref = widest(p, p->c_ref, l->ref, f);
		p->c_debit = widest(p, p->c_debit, money_format_fr(l->debit_cents, a, sizeof a), f);
		p->c_credit = widest(p, p->c_credit, money_format_fr(l->credit_cents, a, sizeof a), f);
		p->c_balance = widest(p, p->c_balance, money_format_fr(l->balance_cents, a, sizeof a), f);
	}
}

static void widths(struct spdf *p)
{
	static const char *const sizes[][2] = {
		{ "DejaVu Sans 8.5", "DejaVu Sans Bold 8.5" },
		{ "DejaVu Sans 7.5", "DejaVu Sans Bold 7.5" },
		{ "DejaVu Sans 6.5", "DejaVu Sans Bold 6.5" },
	};
	size_t n = sizeof sizes / sizeof sizes[0];
	for (size_t i = 0; i < n; i++) {
		p->cell = pdfdoc_font(&p->doc, sizes[i][0]);
		p->cell_bold = pdfdoc_font(&p->doc, sizes[i][1]);
		measure(p, p->cell, p->cell_bold, false);
		if (memo_width(p) < MEMO_MIN)
			measure(p, p->cell, p->cell_bold, true);
		if (memo_width(p) >= MEMO_MIN)
			break;
	}
	char a[MONEY_BUF];
	p->c_total = widest(p, p->c_balance, money_format_fr(p->s->closing_cents, a, sizeof a), p->big);
}

static void head(struct spdf *p)
{
	const struct policy *c = p->cfg;
	const struct statement *s = p->s;
	double col = (p->doc.w - 2 * MARGIN) * 0.5, y = MARGIN;
	y += pdfdoc_text(&p->doc, MARGIN, y, col, c->centre_name, p->big, PANGO_ALIGN_LEFT) + 2;
	y += pdfdoc_text(&p->doc, MARGIN, y, col, c->centre_address, p->regular, PANGO_ALIGN_LEFT);
	char buf[1024];
	if (c->centre_phone[0] || c->centre_email[0]) {
		snprintf(buf, sizeof buf, "%s%s%s", c->centre_phone, c->centre_phone[0] && c->centre_email[0] ? "\n" : "",
			c->centre_email);
		y += pdfdoc_text(&p->doc, MARGIN, y, col, buf, p->regular, PANGO_ALIGN_LEFT);
	}
	double rx = MARGIN + col, rw = p->doc.w - MARGIN - rx, ry = MARGIN;
	ry += pdfdoc_text(&p->doc, rx, ry, rw, _("RELEVÉ DE COMPTE"), p->title, PANGO_ALIGN_RIGHT) + 4;
	snprintf(buf, sizeof buf, _("Au %s\nPériode du %s au %s"), s->at, s->from, s->at);
	ry += pdfdoc_text(&p->doc, rx, ry, rw, buf, p->regular, PANGO_ALIGN_RIGHT);
	p->doc.y = (y > ry ? y : ry) + 14;
	rule(p, p->doc.y);
	p->doc.y += 10;
	p->doc.y += pdfdoc_text(&p->doc, MARGIN, p->doc.y, col, _("Client :"), p->bold, PANGO_ALIGN_LEFT);
	snprintf(buf, sizeof buf, "%s (%s)", s->client.name, s->client.code);
	p->doc.y += pdfdoc_text(&p->doc, MARGIN, p->doc.y, col * 1.5, buf, p->regular, PANGO_ALIGN_LEFT);
	p->doc.y += pdfdoc_text(&p->doc, MARGIN, p->doc.y, col, s->client.address[0] ? s->client.address : "—",
		p->regular, PANGO_ALIGN_LEFT) + 14;
}

static void row(struct spdf *p, const char *date, const char *kind, const char *ref, const char *memo,
	const char *debit, const char *credit, const char *balance, const PangoFontDescription *f)
{
	double mw = memo_width(p) - PAD;
	double h = pdfdoc_measure(&p->doc, mw, memo, f, PANGO_ALIGN_LEFT);
	double hk = pdfdoc_measure(&p->doc, p->c_kind - PAD, kind, f, PANGO_ALIGN_LEFT);
	if (hk > h)
		h = hk;
	if (h < 11)
		h = 11;
	ensure(p, h + 2);
	double x = MARGIN, y = p->doc.y;
	pdfdoc_text(&p->doc, x, y, p->c_date, date, f, PANGO_ALIGN_LEFT);
	x += p->c_date;
	pdfdoc_text(&p->doc, x, y, p->c_kind - PAD, kind, f, PANGO_ALIGN_LEFT);
	x += p->c_kind;
	pdfdoc_text(&p->doc, x, y, p->c_ref, ref, f, PANGO_ALIGN_LEFT);
	x += p->c_ref;
	pdfdoc_text(&p->doc, x, y, mw, memo, f, PANGO_ALIGN_LEFT);
	x += memo_width(p);
	pdfdoc_text(&p->doc, x, y, p->c_debit, debit, f, PANGO_ALIGN_RIGHT);
	x += p->c_debit;
	pdfdoc_text(&p->doc, x, y, p->c_credit, credit, f, PANGO_ALIGN_RIGHT);
	x += p->c_credit;
	pdfdoc_text(&p->doc, x, y, p->c_balance, balance, f, PANGO_ALIGN_RIGHT);
	p->doc.y += h + 2;
}

static void movements(struct spdf *p)
{
	const struct statement *s = p->s;
	char a[MONEY_BUF], b[MONEY_BUF], c[MONEY_BUF];
	table_head(p);
	row(p, s->from, "", "", _("Solde au début de la période"), "", "",
		money_format_fr(s->opening_cents, a, sizeof a), p->cell);
	for (size_t i = 0; i < s->nlines; i++) {
		const struct statement_line *l = &s->lines[i];
		row(p, l->date, receivables_statement_kind_label(l->kind), l->ref, l->memo,
			l->debit_cents ? money_format_fr(l->debit_cents, a, sizeof a) : "",
			l->credit_cents ? money_format_fr(l->credit_cents, b, sizeof b) : "",
			money_format_fr(l->balance_cents, c, sizeof c), p->cell);
	}
	ensure(p, 30);
	rule(p, p->doc.y);
	p->doc.y += 4;
	char label[128];
	snprintf(label, sizeof label, s->closing_cents >= 0 ? _("Solde dû au %s") : _("Solde en votre faveur au %s"), s->at);
	double w = p->doc.w - 2 * MARGIN - p->c_total;
	pdfdoc_text(&p->doc, MARGIN, p->doc.y, w - PAD, label, p->big, PANGO_ALIGN_RIGHT);
	p->doc.y += pdfdoc_text(&p->doc, MARGIN + w, p->doc.y, p->c_total, money_format_fr(s->closing_cents, a, sizeof a),
		p->big, PANGO_ALIGN_RIGHT) + 14;
}

/* The open invoices, a row each, in columns measured like the movements'. */
static void open_invoices(struct spdf *p)
{
	const struct receivables_client *o = &p->s->open;
	if (!o->ninvoices)
		return;
	const char *head[5] = { _("Facture"), _("Émise le"), _("Échéance"), _("Reste à payer"), _("Retard") };
	double c[5] = { 0 };
	char a[MONEY_BUF];
	for (int k = 0; k < 5; k++)
		c[k] = widest(p, 0, head[k], p->cell_bold);
	c[1] = widest(p, c[1], "2020-03-31", p->cell);
	c[2] = widest(p, c[2], "2020-03-31", p->cell);
	for (size_t i = 0; i < o->ninvoices; i++) {
		const struct receivables_invoice *r = &o->invoices[i];
		c[0] = widest(p, c[0], r->doc->number, p->cell);
		c[3] = widest(p, c[3], money_format_fr(r->open_cents, a, sizeof a), p->cell);
		c[4] = widest(p, c[4], _(payments_age_label(r->age)), p->cell);
	}
	ensure(p, 40);
	p->doc.y += pdfdoc_text(&p->doc, MARGIN, p->doc.y, p->doc.w - 2 * MARGIN, _("Factures ouvertes"), p->bold,
		PANGO_ALIGN_LEFT) + 4;
	for (size_t i = 0; i <= o->ninvoices; i++) {
		const struct receivables_invoice *r = i ? &o->invoices[i - 1] : NULL;
		const char *cell[5] = { head[0], head[1], head[2], head[3], head[4] };
		if (r) {
			cell[0] = r->doc->number;
			cell[1] = r->doc->issued_on;
			cell[2] = r->doc->due_on;
			cell[3] = money_format_fr(r->open_cents, a, sizeof a);
			cell[4] = _(payments_age_label(r->age));
		}
		const PangoFontDescription *f = r ? p->cell : p->cell_bold;
		ensure(p, 14);
		double x = MARGIN, h = 0;
		for (int k = 0; k < 5; k++) {
			double hk = pdfdoc_text(&p->doc, x, p->doc.y, c[k], cell[k], f, k == 3 ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
			if (hk > h)
				h = hk;
			x += c[k] + (k == 3 ? 2 * PAD : 0);
		}
		p->doc.y += h + 2;
	}
	if (p->cfg->payment_instructions[0]) {
		ensure(p, 30);
		p->doc.y += 8;
		p->doc.y += pdfdoc_text(&p->doc, MARGIN, p->doc.y, p->doc.w - 2 * MARGIN, p->cfg->payment_instructions,
			p->regular, PANGO_ALIGN_LEFT);
	}
}

static void render(struct spdf *p)
{
	p->regular = pdfdoc_font(&p->doc, "DejaVu Sans 8.5");
	p->bold = pdfdoc_font(&p->doc, "DejaVu Sans Bold 8.5");
	p->small = pdfdoc_font(&p->doc, "DejaVu Sans 7.5");
	p->big = pdfdoc_font(&p->doc, "DejaVu Sans Bold 11");
	p->title = pdfdoc_font(&p->doc, "DejaVu Sans Bold 16");
	widths(p);
	head(p);
	movements(p);
	open_invoices(p);
	footer(p);
}

juste_status statement_pdf_write(const struct policy *cfg, const struct statement *s, const char *path,
	struct juste_err *e)
{
	struct spdf p;
	memset(&p, 0, sizeof p);
	p.cfg = cfg;
	p.s = s;
	juste_status st = pdfdoc_open_dry(&p.doc, cfg, e);
	if (st)
		return st;
	render(&p);
	int pages = p.doc.page;
	if ((st = pdfdoc_close(&p.doc, NULL, e)))
		return st;
	char title[NAME_LEN + 64];
	snprintf(title, sizeof title, _("Relevé de compte %s %s"), s->client.code, s->at);
	if ((st = pdfdoc_open(&p.doc, cfg, path, title, e)))
		return st;
	p.doc.pages = pages;
	render(&p);
	return pdfdoc_close(&p.doc, path, e);
}
