/*
 * statement_pdf.c - the statement of account as a PDF (statement_pdf.h),
 * laid out twice like the invoices: a dry pass counts the pages, the real
 * one prints "page N de M".  Written in the client's language (its org's
 * language, i18n_document_begin), whatever the screen's.
 */
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
	const struct policy *cfg;
	const struct statement *s;
	double c_date, c_kind, c_ref, c_amount;   /* measured column widths */
	enum text_lang lang;                      /* the client's figures */
};

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
	return p->doc.w - 2 * MARGIN - p->c_date - p->c_kind - p->c_ref - 3 * p->c_amount;
}

static void table_head(struct spdf *p)
{
	double x = MARGIN, y = p->doc.y;
	double h = pdfdoc_text(&p->doc, x, y, p->c_date, _("Date"), p->bold, PANGO_ALIGN_LEFT);
	x += p->c_date;
	pdfdoc_text(&p->doc, x, y, p->c_kind, _("Pièce"), p->bold, PANGO_ALIGN_LEFT);
	x += p->c_kind;
	pdfdoc_text(&p->doc, x, y, p->c_ref, _("Numéro"), p->bold, PANGO_ALIGN_LEFT);
	x += p->c_ref;
	pdfdoc_text(&p->doc, x, y, memo_width(p) - PAD, _("Détail"), p->bold, PANGO_ALIGN_LEFT);
	x += memo_width(p);
	pdfdoc_text(&p->doc, x, y, p->c_amount, _("Débit"), p->bold, PANGO_ALIGN_RIGHT);
	x += p->c_amount;
	pdfdoc_text(&p->doc, x, y, p->c_amount, _("Crédit"), p->bold, PANGO_ALIGN_RIGHT);
	x += p->c_amount;
	pdfdoc_text(&p->doc, x, y, p->c_amount, _("Solde"), p->bold, PANGO_ALIGN_RIGHT);
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

static void widths(struct spdf *p)
{
	char a[MONEY_BUF];
	p->c_date = widest(p, 0, "2020-03-31", p->regular);
	p->c_kind = widest(p, 0, _("Pièce"), p->bold);
	for (int k = STATEMENT_INVOICE; k <= STATEMENT_VOID; k++)
		p->c_kind = widest(p, p->c_kind, receivables_statement_kind_label((enum statement_kind)k), p->regular);
	p->c_ref = widest(p, 0, _("Numéro"), p->bold);
	p->c_amount = widest(p, 0, _("Solde"), p->bold);
	p->c_amount = widest(p, p->c_amount, money_format_lang(p->lang, p->s->opening_cents, a, sizeof a), p->regular);
	for (size_t i = 0; i < p->s->nlines; i++) {
		const struct statement_line *l = &p->s->lines[i];
		p->c_ref = widest(p, p->c_ref, l->ref, p->regular);
		p->c_amount = widest(p, p->c_amount, money_format_lang(p->lang, l->debit_cents, a, sizeof a), p->regular);
		p->c_amount = widest(p, p->c_amount, money_format_lang(p->lang, l->credit_cents, a, sizeof a), p->regular);
		p->c_amount = widest(p, p->c_amount, money_format_lang(p->lang, l->balance_cents, a, sizeof a), p->regular);
	}
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
	if (h < 11)
		h = 11;
	ensure(p, h + 2);
	double x = MARGIN, y = p->doc.y;
	pdfdoc_text(&p->doc, x, y, p->c_date, date, f, PANGO_ALIGN_LEFT);
	x += p->c_date;
	pdfdoc_text(&p->doc, x, y, p->c_kind, kind, f, PANGO_ALIGN_LEFT);
	x += p->c_kind;
	pdfdoc_text(&p->doc, x, y, p->c_ref, ref, f, PANGO_ALIGN_LEFT);
	x += p->c_ref;
	pdfdoc_text(&p->doc, x, y, mw, memo, f, PANGO_ALIGN_LEFT);
	x += memo_width(p);
	pdfdoc_text(&p->doc, x, y, p->c_amount, debit, f, PANGO_ALIGN_RIGHT);
	x += p->c_amount;
	pdfdoc_text(&p->doc, x, y, p->c_amount, credit, f, PANGO_ALIGN_RIGHT);
	x += p->c_amount;
	pdfdoc_text(&p->doc, x, y, p->c_amount, balance, f, PANGO_ALIGN_RIGHT);
	p->doc.y += h + 2;
}

static void movements(struct spdf *p)
{
	const struct statement *s = p->s;
	char a[MONEY_BUF], b[MONEY_BUF], c[MONEY_BUF];
	table_head(p);
	row(p, s->from, "", "", _("Solde au début de la période"), "", "",
		money_format_lang(p->lang, s->opening_cents, a, sizeof a), p->regular);
	for (size_t i = 0; i < s->nlines; i++) {
		const struct statement_line *l = &s->lines[i];
		row(p, l->date, receivables_statement_kind_label(l->kind), l->ref, l->memo,
			l->debit_cents ? money_format_lang(p->lang, l->debit_cents, a, sizeof a) : "",
			l->credit_cents ? money_format_lang(p->lang, l->credit_cents, b, sizeof b) : "",
			money_format_lang(p->lang, l->balance_cents, c, sizeof c), p->regular);
	}
	ensure(p, 30);
	rule(p, p->doc.y);
	p->doc.y += 4;
	char label[128];
	snprintf(label, sizeof label, s->closing_cents >= 0 ? _("Solde dû au %s") : _("Solde en votre faveur au %s"), s->at);
	double w = p->doc.w - 2 * MARGIN - p->c_amount;
	pdfdoc_text(&p->doc, MARGIN, p->doc.y, w, label, p->big, PANGO_ALIGN_RIGHT);
	p->doc.y += pdfdoc_text(&p->doc, MARGIN + w, p->doc.y, p->c_amount, money_format_lang(p->lang, s->closing_cents, a, sizeof a),
		p->big, PANGO_ALIGN_RIGHT) + 14;
}

static void open_invoices(struct spdf *p)
{
	const struct receivables_client *o = &p->s->open;
	if (!o->ninvoices)
		return;
	ensure(p, 40);
	p->doc.y += pdfdoc_text(&p->doc, MARGIN, p->doc.y, p->doc.w - 2 * MARGIN, _("Factures ouvertes"), p->bold,
		PANGO_ALIGN_LEFT) + 4;
	char a[MONEY_BUF], buf[512];
	for (size_t i = 0; i < o->ninvoices; i++) {
		const struct receivables_invoice *r = &o->invoices[i];
		ensure(p, 14);
		snprintf(buf, sizeof buf, _("%s — émise le %s, échéance %s — reste %s (%s)"), r->doc->number,
			r->doc->issued_on, r->doc->due_on, money_format_lang(p->lang, r->open_cents, a, sizeof a),
			_(payments_age_label(r->age)));
		p->doc.y += pdfdoc_text(&p->doc, MARGIN, p->doc.y, p->doc.w - 2 * MARGIN, buf, p->regular, PANGO_ALIGN_LEFT) + 2;
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

static juste_status write_statement(const struct policy *cfg, const struct statement *s, enum text_lang lang,
	const char *path, struct juste_err *e)
{
	struct spdf p;
	memset(&p, 0, sizeof p);
	p.cfg = cfg;
	p.s = s;
	p.lang = lang;
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

juste_status statement_pdf_write(const struct policy *cfg, const struct statement *s, const char *path,
	struct juste_err *e)
{
	struct i18n_scope scope;
	enum text_lang lang = i18n_document_begin(s->client.language, &scope);
	juste_status st = write_statement(cfg, s, lang, path, e);
	i18n_document_end(&scope);
	return st;
}
