/*
 * invoice_pdf.c - invoices and credit notes as PDF (cairo + pango).
 *
 * Everything is laid out top-down with one reusable PangoLayout; a row
 * that would not fit on the page starts a new one, whose header repeats
 * the document's number and the table's header.  Amounts go through
 * money_format_lang and rates through money_rate_format_lang, so the PDF
 * says what `show` says, in its reader's conventions.
 *
 * The whole document is written in the client's language (its org's
 * language, i18n_document_begin): words, figures and tax names, whatever
 * the language of the screen that prints it.
 *
 * Columns that hold a code, a quantity, a rate or an amount are as wide as
 * their widest text measured with pango (never wrapped); the free texts
 * (descriptions, names, notes) take the rest and wrap, and a row is as
 * tall as its tallest cell.  The document is laid out twice: a dry pass
 * counts the pages so that each footer can say "page N de M".
 */
#include <stdio.h>
#include <string.h>

#include "juste/duration.h"
#include "juste/i18n.h"
#include "juste/invoice_pdf.h"
#include "juste/money.h"
#include "juste/pdfdoc.h"
#include "juste/tax.h"

#define MARGIN PDFDOC_MARGIN
#define FOOTER 28.0

void invoice_pdf_shutdown(void)
{
	pdfdoc_shutdown();
}

struct pdf {
	struct pdfdoc doc;
	PangoFontDescription *regular, *bold, *small, *small_bold, *title, *big;
	const struct policy *cfg;
	const struct invoice_doc *d;
	int copy, detail;
	enum text_lang lang;     /* the client's: its figures' conventions */
	/* measured column widths, points (see widths()) */
	double c_hours, c_rate, c_amount;         /* the lines' table */
	double x_date, x_expert, x_mandate, x_min; /* the detail */
};

#define PAD 8.0 /* between two columns */

static void rule(struct pdf *p, double y, double grey, double lw)
{
	cairo_save(p->doc.cr);
	cairo_set_source_rgb(p->doc.cr, grey, grey, grey);
	cairo_set_line_width(p->doc.cr, lw);
	cairo_move_to(p->doc.cr, MARGIN, y);
	cairo_line_to(p->doc.cr, p->doc.w - MARGIN, y);
	cairo_stroke(p->doc.cr);
	cairo_restore(p->doc.cr);
}

static int is_credit(const struct pdf *p)
{
	return vocab_invoice_kind_credit(p->d->rec.kind);
}

static const char *doc_title(const struct pdf *p)
{
	return is_credit(p) ? _("NOTE DE CRÉDIT") : _("FACTURE");
}

static const char *doc_number(const struct pdf *p)
{
	return p->d->rec.number[0] ? p->d->rec.number : _("BROUILLON");
}

/* COPIE / BROUILLON stamped across the top right of every page. */
static void stamp(struct pdf *p)
{
	const char *word = !vocab_invoice_status_final(p->d->rec.status) ? _("BROUILLON — non émise")
		: p->copy ? _("COPIE") : NULL;
	if (!word)
		return;
	cairo_save(p->doc.cr);
	cairo_set_source_rgb(p->doc.cr, 0.75, 0.1, 0.1);
	pdfdoc_text(&p->doc, MARGIN, MARGIN - 30, p->doc.w - 2 * MARGIN, word, p->title, PANGO_ALIGN_CENTER);
	cairo_restore(p->doc.cr);
}

static void footer(struct pdf *p)
{
	char buf[256];
	/* the dry pass does not know the count yet; its text is never seen */
	snprintf(buf, sizeof buf, _("%s %s — page %d de %d"), doc_title(p), doc_number(p), p->doc.page,
		p->doc.pages ? p->doc.pages : p->doc.page);
	pdfdoc_footer(&p->doc, p->small, p->cfg->centre_name, buf);
}

/* A continuation page: a short header with the number. */
static void new_page(struct pdf *p, const char *heading)
{
	footer(p);
	pdfdoc_next_page(&p->doc);
	stamp(p);
	char buf[256];
	snprintf(buf, sizeof buf, "%s %s", doc_title(p), doc_number(p));
	pdfdoc_text(&p->doc, MARGIN, p->doc.y, p->doc.w - 2 * MARGIN, buf, p->bold, PANGO_ALIGN_LEFT);
	p->doc.y += pdfdoc_text(&p->doc, MARGIN, p->doc.y, p->doc.w - 2 * MARGIN, p->d->rec.client_name, p->regular, PANGO_ALIGN_RIGHT) + 6;
	if (heading) {
		p->doc.y += pdfdoc_text(&p->doc, MARGIN, p->doc.y, p->doc.w - 2 * MARGIN, heading, p->big, PANGO_ALIGN_LEFT) + 6;
	}
}

static void ensure(struct pdf *p, double need, const char *heading, void (*table_head)(struct pdf *))
{
	if (p->doc.y + need <= p->doc.h - MARGIN - FOOTER)
		return;
	new_page(p, heading);
	if (table_head)
		table_head(p);
}

/* ------------------------------------------------------------------ page 1 */

static void letterhead(struct pdf *p)
{
	const struct policy *c = p->cfg;
	const struct invoice_rec *r = &p->d->rec;
	double col = (p->doc.w - 2 * MARGIN) * 0.5;
	double y = MARGIN;
	y += pdfdoc_text(&p->doc, MARGIN, y, col, c->centre_name, p->big, PANGO_ALIGN_LEFT) + 2;
	char addr[ADDR_LEN + 8];
	snprintf(addr, sizeof addr, "%s", c->centre_address);
	y += pdfdoc_text(&p->doc, MARGIN, y, col, addr, p->regular, PANGO_ALIGN_LEFT);
	char buf[512];
	if (c->centre_phone[0] || c->centre_email[0]) {
		snprintf(buf, sizeof buf, "%s%s%s", c->centre_phone, c->centre_phone[0] && c->centre_email[0] ? "\n" : "",
			c->centre_email);
		y += pdfdoc_text(&p->doc, MARGIN, y, col, buf, p->regular, PANGO_ALIGN_LEFT);
	}
	snprintf(buf, sizeof buf, _("TPS : %s\nTVQ : %s"), c->tps_number, c->tvq_number);
	y += pdfdoc_text(&p->doc, MARGIN, y + 4, col, buf, p->regular, PANGO_ALIGN_LEFT) + 4;

	/* right column: what this is */
	double rx = MARGIN + col, rw = p->doc.w - MARGIN - rx;
	double ry = MARGIN;
	ry += pdfdoc_text(&p->doc, rx, ry, rw, doc_title(p), p->title, PANGO_ALIGN_RIGHT);
	snprintf(buf, sizeof buf, _("N° %s"), doc_number(p));
	ry += pdfdoc_text(&p->doc, rx, ry, rw, buf, p->big, PANGO_ALIGN_RIGHT) + 4;
	char when[512];
	if (r->issued_on[0])
		snprintf(when, sizeof when, _("Date d'émission : %s\nPériode facturée : %s"), r->issued_on, r->period);
	else
		snprintf(when, sizeof when, _("Période facturée : %s"), r->period);
	if (!is_credit(p) && r->due_on[0]) {
		size_t len = strlen(when);
		snprintf(when + len, sizeof when - len, _("\nÉchéance : %s"), r->due_on);
	}
	ry += pdfdoc_text(&p->doc, rx, ry, rw, when, p->regular, PANGO_ALIGN_RIGHT);
	p->doc.y = (y > ry ? y : ry) + 14;
	rule(p, p->doc.y, 0.2, 1.0);
	p->doc.y += 10;

	/* the client, and for a credit note what it corrects and why */
	double y0 = p->doc.y;
	double cy = p->doc.y;
	cy += pdfdoc_text(&p->doc, MARGIN, cy, col, is_credit(p) ? _("Client :") : _("Facturé à :"), p->bold, PANGO_ALIGN_LEFT);
	cy += pdfdoc_text(&p->doc, MARGIN, cy, col, r->client_name, p->regular, PANGO_ALIGN_LEFT);
	cy += pdfdoc_text(&p->doc, MARGIN, cy, col, r->client_address[0] ? r->client_address : "—", p->regular, PANGO_ALIGN_LEFT);
	double ky = y0;
	if (is_credit(p)) {
		snprintf(buf, sizeof buf, _("Corrige la facture %s"), r->credited_number);
		ky += pdfdoc_text(&p->doc, rx, ky, rw, buf, p->bold, PANGO_ALIGN_RIGHT);
		char reason[NOTE_LEN + 32];
		snprintf(reason, sizeof reason, _("Raison : %s"), r->credit_reason);
		ky += pdfdoc_text(&p->doc, rx, ky, rw, reason, p->regular, PANGO_ALIGN_RIGHT);
		ky += pdfdoc_text(&p->doc, rx, ky, rw, r->credit_full ? _("Annulation complète de la facture")
			: _("Crédit partiel"), p->regular, PANGO_ALIGN_RIGHT);
	} else {
		snprintf(buf, sizeof buf, _("Client : %s"), r->client_code);
		ky += pdfdoc_text(&p->doc, rx, ky, rw, buf, p->small, PANGO_ALIGN_RIGHT);
	}
	p->doc.y = (cy > ky ? cy : ky) + 16;
}

/* The cells of one line of the table, as printed. */
struct line_cells {
	char desc[NOTE_LEN * 3 + 256], hours[DURATION_BUF], rate[MONEY_BUF + 8], amount[MONEY_BUF];
};

static void line_cells(enum text_lang lang, const struct invoice_line_rec *l, struct line_cells *c)
{
	char dates[64] = "", served[NAME_LEN + 64] = "";
	if (l->first_date[0])
		snprintf(dates, sizeof dates, strcmp(l->first_date, l->last_date) ? _("du %s au %s") : _("le %s%.0s"),
			l->first_date, l->last_date);
	/* the enterprise served, when the mandate serves another than the
	 * client billed (a federation billed for its members' mandates) */
	if (l->beneficiary_name[0])
		snprintf(served, sizeof served, _("Pour : %s"), l->beneficiary_name);
	/* hourly lines read "code — title"; forfait and credit lines carry
	 * their own description */
	const char *what = vocab_line_kind_hourly(l->kind) && l->mandate_title[0] ? l->mandate_title : l->description;
	if (l->mandate_code[0])
		snprintf(c->desc, sizeof c->desc, "%s — %.1000s%s%.300s%s%.900s%s%s", l->mandate_code, what,
			served[0] ? "\n" : "", served, l->experts[0] ? "\n" : "", l->experts, dates[0] ? "\n" : "", dates);
	else
		snprintf(c->desc, sizeof c->desc, "%.2000s", l->description);
	c->hours[0] = c->rate[0] = '\0';
	if (vocab_line_kind_hourly(l->kind)) {
		/* hours and minutes: quantity × rate is the amount to the cent */
		duration_format(l->billed_minutes, c->hours, sizeof c->hours);
		char m[MONEY_BUF];
		snprintf(c->rate, sizeof c->rate, _("%s/h"), money_format_lang(lang, l->rate_cents, m, sizeof m));
	} else if (vocab_line_kind_monthly(l->kind)) {
		snprintf(c->rate, sizeof c->rate, "%s", vocab_line_kind_label(l->kind));
	} else if (l->billed_minutes) {
		duration_format(l->billed_minutes, c->hours, sizeof c->hours);
	}
	money_format_lang(lang, l->amount_cents, c->amount, sizeof c->amount);
}

static double widest(struct pdf *p, double w, const char *s, const PangoFontDescription *font)
{
	double x = pdfdoc_width(&p->doc, s, font);
	return x > w ? x : w;
}

/* Every column that must not wrap is as wide as its widest text (the
 * header's included); the free text takes what is left. */
static void widths(struct pdf *p)
{
	const struct invoice_rec *r = &p->d->rec;
	double h = widest(p, 0, _("Heures"), p->bold), rt = widest(p, 0, _("Taux"), p->bold);
	double a = widest(p, 0, _("Montant"), p->bold);
	struct line_cells c;
	for (size_t i = 0; i < p->d->nlines; i++) {
		line_cells(p->lang, &p->d->lines[i], &c);
		h = widest(p, h, c.hours, p->regular);
		rt = widest(p, rt, c.rate, p->regular);
		a = widest(p, a, c.amount, p->regular);
	}
	char m[MONEY_BUF];
	/* the totals share the amount column: the total is in the big font */
	a = widest(p, a, money_format_lang(p->lang, r->amounts.subtotal_cents, m, sizeof m), p->regular);
	a = widest(p, a, money_format_lang(p->lang, r->amounts.total_cents, m, sizeof m), p->big);
	p->c_hours = h + PAD;
	p->c_rate = rt + PAD;
	p->c_amount = a + PAD;

	double dd = widest(p, 0, _("Date"), p->small_bold), dm = widest(p, 0, _("Mandat"), p->small_bold);
	double dn = widest(p, widest(p, 0, _("Saisi"), p->small_bold), _("Facturé"), p->small_bold);
	double de = widest(p, 0, _("Expert"), p->small_bold);
	for (size_t i = 0; i < p->d->nentries; i++) {
		const struct invoice_entry_rec *x = &p->d->entries[i];
		char t[DURATION_BUF];
		dd = widest(p, dd, x->work_date, p->small);
		dm = widest(p, dm, x->mandate_code, p->small);
		de = widest(p, de, x->expert_name, p->small);
		dn = widest(p, dn, duration_format(x->logged_minutes, t, sizeof t), p->small);
		dn = widest(p, dn, duration_format(x->billed_minutes, t, sizeof t), p->small);
	}
	/* names wrap past a third of the page rather than squeeze the notes */
	double page = p->doc.w - 2 * MARGIN;
	if (de > page / 3)
		de = page / 3;
	p->x_date = dd + PAD;
	p->x_mandate = dm + PAD;
	p->x_min = dn + PAD;
	p->x_expert = de + PAD;
}

static void lines_head(struct pdf *p)
{
	double right = p->doc.w - MARGIN;
	double desc_w = right - MARGIN - p->c_amount - p->c_rate - p->c_hours;
	double hgt = pdfdoc_text(&p->doc, MARGIN, p->doc.y, desc_w - PAD, _("Service (mandat, experts, dates)"), p->bold, PANGO_ALIGN_LEFT);
	pdfdoc_text(&p->doc, MARGIN + desc_w, p->doc.y, p->c_hours, _("Heures"), p->bold, PANGO_ALIGN_RIGHT);
	pdfdoc_text(&p->doc, MARGIN + desc_w + p->c_hours, p->doc.y, p->c_rate, _("Taux"), p->bold, PANGO_ALIGN_RIGHT);
	pdfdoc_text(&p->doc, right - p->c_amount, p->doc.y, p->c_amount, _("Montant"), p->bold, PANGO_ALIGN_RIGHT);
	p->doc.y += hgt + 3;
	rule(p, p->doc.y, 0.4, 0.6);
	p->doc.y += 4;
}

static void lines_table(struct pdf *p)
{
	double right = p->doc.w - MARGIN;
	double desc_w = right - MARGIN - p->c_amount - p->c_rate - p->c_hours;
	lines_head(p);
	struct line_cells c;
	for (size_t i = 0; i < p->d->nlines; i++) {
		line_cells(p->lang, &p->d->lines[i], &c);
		double hgt = pdfdoc_measure(&p->doc, desc_w - PAD, c.desc, p->regular, PANGO_ALIGN_LEFT);
		ensure(p, hgt + 4, NULL, lines_head);
		pdfdoc_text(&p->doc, MARGIN, p->doc.y, desc_w - PAD, c.desc, p->regular, PANGO_ALIGN_LEFT);
		pdfdoc_text(&p->doc, MARGIN + desc_w, p->doc.y, p->c_hours, c.hours, p->regular, PANGO_ALIGN_RIGHT);
		pdfdoc_text(&p->doc, MARGIN + desc_w + p->c_hours, p->doc.y, p->c_rate, c.rate, p->regular, PANGO_ALIGN_RIGHT);
		pdfdoc_text(&p->doc, right - p->c_amount, p->doc.y, p->c_amount, c.amount, p->regular, PANGO_ALIGN_RIGHT);
		p->doc.y += hgt + 4;
		rule(p, p->doc.y - 2, 0.85, 0.4);
	}
}

static void totals(struct pdf *p)
{
	const struct invoice_rec *r = &p->d->rec;
	double right = p->doc.w - MARGIN;
	double lw = 200, aw = p->c_amount;
	double lx = right - aw - lw;
	char a[MONEY_BUF], label[128];
	ensure(p, 110, NULL, NULL);
	p->doc.y += 6;
	pdfdoc_text(&p->doc, lx, p->doc.y, lw, _("Sous-total"), p->regular, PANGO_ALIGN_RIGHT);
	p->doc.y += pdfdoc_text(&p->doc, right - aw, p->doc.y, aw, money_format_lang(p->lang, r->amounts.subtotal_cents, a, sizeof a), p->regular, PANGO_ALIGN_RIGHT) + 2;
	/* each tax by its name and rate: TPS and TVQ, TVH, TPS alone, or none */
	struct invoice_tax t[2];
	size_t nt = tax_lines(r->tax_regime, r->tps_rate, r->tvq_rate, &r->amounts, t);
	for (size_t i = 0; i < nt; i++) {
		pdfdoc_text(&p->doc, lx, p->doc.y, lw, tax_name_lang(p->lang, t[i].tax, t[i].rate, label, sizeof label), p->regular,
			PANGO_ALIGN_RIGHT);
		p->doc.y += pdfdoc_text(&p->doc, right - aw, p->doc.y, aw, money_format_lang(p->lang, t[i].amount_cents, a, sizeof a),
			p->regular, PANGO_ALIGN_RIGHT) + (i + 1 == nt ? 4 : 2);
	}
	cairo_save(p->doc.cr);
	cairo_set_line_width(p->doc.cr, 1.0);
	cairo_move_to(p->doc.cr, lx + 60, p->doc.y - 1);
	cairo_line_to(p->doc.cr, right, p->doc.y - 1);
	cairo_stroke(p->doc.cr);
	cairo_restore(p->doc.cr);
	p->doc.y += 3;
	pdfdoc_text(&p->doc, lx, p->doc.y, lw, is_credit(p) ? _("Total crédité") : _("Total"), p->big, PANGO_ALIGN_RIGHT);
	p->doc.y += pdfdoc_text(&p->doc, right - aw, p->doc.y, aw, money_format_lang(p->lang, r->amounts.total_cents, a, sizeof a), p->big, PANGO_ALIGN_RIGHT) + 10;
	if (r->tax_exempt_reason[0])
		p->doc.y += pdfdoc_text(&p->doc, MARGIN, p->doc.y, right - MARGIN, r->tax_exempt_reason, p->bold, PANGO_ALIGN_LEFT) + 6;
	char terms[512];
	if (is_credit(p))
		snprintf(terms, sizeof terms, _("Ce montant est porté au crédit de votre compte."));
	else
		/* the shipped terms are a message, and so follow the client's
		 * language; terms the centre wrote are printed as written */
		snprintf(terms, sizeof terms, _("Conditions de paiement : %s. Échéance : %s."), _(r->payment_terms),
			r->due_on[0] ? r->due_on : _("à l'émission"));
	p->doc.y += pdfdoc_text(&p->doc, MARGIN, p->doc.y, right - MARGIN, terms, p->regular, PANGO_ALIGN_LEFT) + 4;
	if (!is_credit(p) && p->cfg->payment_instructions[0])
		p->doc.y += pdfdoc_text(&p->doc, MARGIN, p->doc.y, right - MARGIN, p->cfg->payment_instructions, p->regular,
			PANGO_ALIGN_LEFT) + 4;
	if (!is_credit(p) && r->ncredits > 0) {
		/* a credited invoice says by which notes, on every print after them */
		char notes[INVOICE_CREDITS_MAX * (INVOICE_NUMBER_LEN + 2)] = "", said[sizeof notes + 160];
		for (int i = 0; i < r->ncredits && i < INVOICE_CREDITS_MAX; i++) {
			size_t len = strlen(notes);
			snprintf(notes + len, sizeof notes - len, "%s%s", i ? ", " : "", r->credit_numbers[i]);
		}
		snprintf(said, sizeof said, r->fully_credited ? _("Facture entièrement créditée par %s.")
			: _("Facture créditée en partie par %s."), notes);
		p->doc.y += pdfdoc_text(&p->doc, MARGIN, p->doc.y, right - MARGIN, said, p->bold, PANGO_ALIGN_LEFT) + 4;
	}
	if (p->d->nentries && p->detail) {
		char more[128];
		snprintf(more, sizeof more, _("Détail des %zu saisies aux pages suivantes."), p->d->nentries);
		p->doc.y += pdfdoc_text(&p->doc, MARGIN, p->doc.y, right - MARGIN, more, p->small, PANGO_ALIGN_LEFT);
	}
}

/* ------------------------------------------------------------ the detail */

static double note_width(const struct pdf *p)
{
	return p->doc.w - 2 * MARGIN - p->x_date - p->x_expert - p->x_mandate - 2 * p->x_min - PAD;
}

static void detail_head(struct pdf *p)
{
	double x = MARGIN;
	double hgt = pdfdoc_text(&p->doc, x, p->doc.y, p->x_date, _("Date"), p->small_bold, PANGO_ALIGN_LEFT);
	x += p->x_date;
	pdfdoc_text(&p->doc, x, p->doc.y, p->x_expert - PAD, _("Expert"), p->small_bold, PANGO_ALIGN_LEFT);
	x += p->x_expert;
	pdfdoc_text(&p->doc, x, p->doc.y, p->x_mandate, _("Mandat"), p->small_bold, PANGO_ALIGN_LEFT);
	x += p->x_mandate;
	pdfdoc_text(&p->doc, x, p->doc.y, p->x_min, _("Saisi"), p->small_bold, PANGO_ALIGN_RIGHT);
	x += p->x_min;
	pdfdoc_text(&p->doc, x, p->doc.y, p->x_min, _("Facturé"), p->small_bold, PANGO_ALIGN_RIGHT);
	x += p->x_min + PAD;
	pdfdoc_text(&p->doc, x, p->doc.y, note_width(p), _("Note"), p->small_bold, PANGO_ALIGN_LEFT);
	p->doc.y += hgt + 2;
	rule(p, p->doc.y, 0.4, 0.6);
	p->doc.y += 3;
}

static void detail(struct pdf *p)
{
	if (!p->d->nentries || !p->detail)
		return;
	const char *heading = _("Détail des heures");
	new_page(p, heading);
	detail_head(p);
	double note_w = note_width(p);
	for (size_t i = 0; i < p->d->nentries; i++) {
		const struct invoice_entry_rec *x = &p->d->entries[i];
		char logged[DURATION_BUF], billed[DURATION_BUF], note[NOTE_LEN + 16];
		duration_format(x->logged_minutes, logged, sizeof logged);
		duration_format(x->billed_minutes, billed, sizeof billed);
		snprintf(note, sizeof note, "%s%s", x->late ? _("(en retard) ") : "", x->note);
		/* a row is as tall as its tallest cell: a note or a long name */
		double hgt = pdfdoc_measure(&p->doc, note_w, note, p->small, PANGO_ALIGN_LEFT);
		double name = pdfdoc_measure(&p->doc, p->x_expert - PAD, x->expert_name, p->small, PANGO_ALIGN_LEFT);
		if (name > hgt)
			hgt = name;
		if (hgt < 10)
			hgt = 10;
		ensure(p, hgt + 2, heading, detail_head);
		double xx = MARGIN;
		pdfdoc_text(&p->doc, xx, p->doc.y, p->x_date, x->work_date, p->small, PANGO_ALIGN_LEFT);
		xx += p->x_date;
		pdfdoc_text(&p->doc, xx, p->doc.y, p->x_expert - PAD, x->expert_name, p->small, PANGO_ALIGN_LEFT);
		xx += p->x_expert;
		pdfdoc_text(&p->doc, xx, p->doc.y, p->x_mandate, x->mandate_code, p->small, PANGO_ALIGN_LEFT);
		xx += p->x_mandate;
		pdfdoc_text(&p->doc, xx, p->doc.y, p->x_min, logged, p->small, PANGO_ALIGN_RIGHT);
		xx += p->x_min;
		pdfdoc_text(&p->doc, xx, p->doc.y, p->x_min, billed, p->small, PANGO_ALIGN_RIGHT);
		xx += p->x_min + PAD;
		pdfdoc_text(&p->doc, xx, p->doc.y, note_w, note, p->small, PANGO_ALIGN_LEFT);
		p->doc.y += hgt + 2;
	}
}

/* Fonts, widths and every page, on a document already open. */
static void render(struct pdf *p)
{
	p->regular = pdfdoc_font(&p->doc, "DejaVu Sans 9");
	p->bold = pdfdoc_font(&p->doc, "DejaVu Sans Bold 9");
	p->small = pdfdoc_font(&p->doc, "DejaVu Sans 7.5");
	p->small_bold = pdfdoc_font(&p->doc, "DejaVu Sans Bold 7.5");
	p->big = pdfdoc_font(&p->doc, "DejaVu Sans Bold 11");
	p->title = pdfdoc_font(&p->doc, "DejaVu Sans Bold 18");
	widths(p);
	stamp(p);
	letterhead(p);
	lines_table(p);
	totals(p);
	detail(p);
	footer(p);
}

static juste_status write_doc(const struct policy *cfg, const struct invoice_doc *d, int copy, int detail,
	enum text_lang lang, const char *path, struct juste_err *e)
{
	struct pdf p;
	memset(&p, 0, sizeof p);
	p.cfg = cfg;
	p.d = d;
	p.copy = copy;
	p.detail = detail;
	p.lang = lang;
	/* the dry pass: how many pages */
	juste_status st = pdfdoc_open_dry(&p.doc, cfg, e);
	if (st != JUSTE_OK)
		return st;
	render(&p);
	int pages = p.doc.page;
	if ((st = pdfdoc_close(&p.doc, NULL, e)) != JUSTE_OK)
		return st;
	char title[128];
	snprintf(title, sizeof title, "%s %s", doc_title(&p), doc_number(&p));
	if ((st = pdfdoc_open(&p.doc, cfg, path, title, e)) != JUSTE_OK)
		return st;
	p.doc.pages = pages;
	render(&p);
	return pdfdoc_close(&p.doc, path, e);
}

juste_status invoice_pdf_write(const struct policy *cfg, const struct invoice_doc *d, int copy, int detail,
	const char *path, struct juste_err *e)
{
	struct i18n_scope scope;
	enum text_lang lang = i18n_document_begin(d->language, &scope);
	juste_status st = write_doc(cfg, d, copy, detail, lang, path, e);
	i18n_document_end(&scope);
	return st;
}
