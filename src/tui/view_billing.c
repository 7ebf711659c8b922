/*
 * view_billing.c - Facturation: the clerk's billing desk for one month.
 *
 * Three levels, Esc going back: the month (one row per invoice: drafts by
 * client, then issued invoices and credit notes, with the month's totals),
 * one invoice (its lines, then what blocks it and what to watch), and the
 * entries behind one line.  Every action calls invoicing.h, the functions
 * `juste invoice` calls; the screen keeps only what billing_month_load
 * read and reads it again after each action and on `r`.
 *
 * A second tab (< >), the receivables: per client what is open today in
 * the ageing columns, with the totals, as receivables_ageing() gives them
 * to `juste receivables` (the cells only format); Enter lists the client's
 * open invoices.
 */
#include <stdlib.h>
#include <string.h>

#include "juste/billing.h"
#include "juste/duration.h"
#include "juste/i18n.h"
#include "juste/invoicing.h"
#include "juste/money.h"
#include "juste/rates.h"
#include "juste/receivables.h"
#include "juste/records.h"
#include "juste/text.h"
#include "tui/view.h"

enum { LV_MONTH, LV_DOC, LV_ENTRIES };

#define MCOLS 8
#define DCOLS 5
#define ECOLS 5
/* client, the ages, credit on account, balance */
#define RCOLS (PAYMENTS_AGE_COUNT + 3)

enum { TAB_MONTH, TAB_RECEIVABLES };

/* One client of the receivables tab, copied from receivables_ageing's
 * callback (its invoices point into the app's memory only meanwhile). */
struct recv_row {
	char code[CODE_LEN];
	char name[NAME_LEN];
	struct payments_ageing ageing;
	char (*invoices)[256];        /* the open invoices, in words */
	size_t ninvoices;
};

struct bill_state {
	int tab;
	int level;
	char month[PERIOD_LEN];
	struct billing_month m;
	struct widget_table mt;
	int mw[MCOLS];
	enum widget_align ma[MCOLS];
	/* one invoice */
	struct invoice_doc doc;
	int doc_loaded;
	char *notes[64];              /* blockers' words then warnings (pointing into doc.rec) */
	int nblockers, nnotes;
	char btext[INVOICE_BLOCKERS_MAX][512];   /* the blockers, in words */
	struct widget_table dt;
	int dw[DCOLS];
	enum widget_align da[DCOLS];
	/* the entries of one line */
	int line;
	int *ent;                     /* indexes into doc.entries */
	int nent;
	struct widget_table et;
	int ew[ECOLS];
	enum widget_align ea[ECOLS];
	/* the receivables */
	struct recv_row *rr;
	size_t nrr;
	struct payments_ageing rtotal;
	char at[ISO_LEN];
	int rloaded;
	int rcredit;                  /* the credit column fits */
	struct widget_table rt;
	int rw[RCOLS];
	enum widget_align ra[RCOLS];
};

static enum text_lang lang(void)
{
	return text_lang_of(i18n_language());
}

static char *money(int64_t cents, char *buf, size_t n)
{
	return money_format_lang(lang(), cents, buf, n);
}

/* ----------------------------------------------------------- receivables */

static void recv_free(struct bill_state *s)
{
	for (size_t i = 0; i < s->nrr; i++)
		free(s->rr[i].invoices);
	free(s->rr);
	s->rr = NULL;
	s->nrr = 0;
	s->rloaded = 0;
}

struct recv_load {
	struct recv_row *rows;
	size_t n, cap;
};

static int on_recv_client(void *ctx, const struct receivables_client *c)
{
	struct recv_load *l = ctx;
	if (l->n == l->cap) {
		size_t cap = l->cap ? 2 * l->cap : 16;
		struct recv_row *p = realloc(l->rows, cap * sizeof *p);
		if (!p)
			return 1;
		l->rows = p;
		l->cap = cap;
	}
	struct recv_row *r = &l->rows[l->n];
	memset(r, 0, sizeof *r);
	snprintf(r->code, sizeof r->code, "%s", c->code);
	snprintf(r->name, sizeof r->name, "%s", c->name);
	r->ageing = c->ageing;
	if (c->ninvoices) {
		r->invoices = calloc(c->ninvoices, sizeof *r->invoices);
		if (!r->invoices)
			return 1;
	}
	for (size_t i = 0; i < c->ninvoices; i++) {
		const struct receivables_invoice *v = &c->invoices[i];
		char open[MONEY_BUF], late[64];
		if (v->days_late > 0)
			snprintf(late, sizeof late, ngettext("%d jour de retard", "%d jours de retard",
				(unsigned long)v->days_late), v->days_late);
		else
			snprintf(late, sizeof late, "%s", _(payments_age_label(v->age)));
		/* short enough for a box on 80 columns */
		snprintf(r->invoices[i], sizeof r->invoices[i], _("%s · échéance %s · ouvert %s · %s"), v->doc->number,
			v->doc->due_on, money(v->open_cents, open, sizeof open), late);
	}
	r->ninvoices = c->ninvoices;
	l->n++;
	return 0;
}

static juste_status recv_reload(struct tui *t, struct bill_state *s, struct juste_err *e)
{
	struct recv_load l = { 0 };
	struct payments_ageing total;
	date_format(app_today(), s->at);
	juste_status st = receivables_ageing(t->app, s->at, on_recv_client, &l, &total, e);
	if (st) {
		for (size_t i = 0; i < l.n; i++)
			free(l.rows[i].invoices);
		free(l.rows);
		return st;
	}
	recv_free(s);
	s->rr = l.rows;
	s->nrr = l.n;
	s->rtotal = total;
	s->rloaded = 1;
	widget_list_set_rows(&s->rt.rows, (int)s->nrr);
	return JUSTE_OK;
}

/* The amount of column col (1 ..) of a client's ageing. */
static int64_t recv_amount(const struct bill_state *s, const struct payments_ageing *a, int col)
{
	if (col <= PAYMENTS_AGE_COUNT)
		return a->by_age[col - 1];
	if (s->rcredit && col == PAYMENTS_AGE_COUNT + 1)
		return a->credit_cents ? -a->credit_cents : 0;
	return a->balance_cents;
}

static void recv_cell(void *ctx, int row, int col, char *buf, size_t n, enum term_role *role)
{
	struct bill_state *s = ctx;
	if (row < 0) {
		*role = TR_HEADER;
		if (col == 0)
			snprintf(buf, n, "%s", _("Client"));
		else if (col <= PAYMENTS_AGE_COUNT)
			snprintf(buf, n, "%s ", _(payments_age_label((enum payments_age)(col - 1))));
		else
			snprintf(buf, n, "%s ", s->rcredit && col == PAYMENTS_AGE_COUNT + 1 ? _("crédit") : _("solde"));
		return;
	}
	const struct payments_ageing *a = row >= (int)s->nrr ? &s->rtotal : &s->rr[row].ageing;
	if (row >= (int)s->nrr) {
		*role = TR_TOTAL;
		if (col == 0) {
			snprintf(buf, n, "%s", _("Total"));
			return;
		}
	} else if (col == 0) {
		snprintf(buf, n, "%s %s", s->rr[row].code, s->rr[row].name);
		return;
	} else if (a->by_age[PAYMENTS_AGE_OVER_90] || a->by_age[PAYMENTS_AGE_61_90]) {
		*role = TR_OVER;
	}
	char m[MONEY_BUF];
	snprintf(buf, n, "%s ", money(recv_amount(s, a, col), m, sizeof m));
}

/* Money columns as wide as their widest figure; the credit column only
 * when the client's name keeps some room. */
static void recv_widths(struct bill_state *s, int w)
{
	for (int pass = 0; pass < 2; pass++) {
		s->rcredit = pass == 0;
		s->rt.ncols = s->rcredit ? RCOLS : RCOLS - 1;
		int used = 0;
		for (int c = 1; c < s->rt.ncols; c++) {
			char buf[MONEY_BUF + 64];
			enum term_role role = TR_NORMAL;
			int cw = 0;
			for (int r = -1; r <= (int)s->nrr; r++) {
				buf[0] = '\0';
				recv_cell(s, r, c, buf, sizeof buf, &role);
				int bw = widget_width(buf);
				if (bw > cw)
					cw = bw;
			}
			s->rw[c] = cw + 1;
			used += cw + 1;
		}
		s->rw[0] = w - used;
		if (s->rw[0] >= 24 || pass == 1)
			break;
	}
	if (s->rw[0] < 6)
		s->rw[0] = 6;
}

static void recv_draw(struct bill_state *s, int y, int h, int w)
{
	char title[512], bal[MONEY_BUF];
	snprintf(title, sizeof title, ngettext(" Comptes clients au %s · %zu client · solde %s",
		" Comptes clients au %s · %zu clients · solde %s", (unsigned long)s->nrr), s->at, s->nrr,
		money(s->rtotal.balance_cents, bal, sizeof bal));
	widget_text(y, 0, title, w, WIDGET_LEFT, term_attr(TR_TITLE));
	if (s->nrr == 0) {
		widget_text(y + 2, 1, _("Rien n'est ouvert : aucun client ne doit rien"), w - 2, WIDGET_LEFT,
			term_attr(TR_DIM));
	} else {
		recv_widths(s, w);
		widget_table_draw(&s->rt, y + 1, 0, h - 3, recv_cell, s);
	}
	const char *note = s->rcredit ? _("jours après l'échéance · solde : ouvert moins le crédit au compte")
		: _("jours après l'échéance · solde : ouvert moins crédit (colonne : plus large)");
	widget_text(y + h - 2, 0, note, w, WIDGET_LEFT, term_attr(TR_DIM));
	widget_text(y + h - 1, 0, _("⏎ factures ouvertes du client · < > onglet · r actualiser"), w, WIDGET_LEFT,
		term_attr(TR_DIM));
}

static void recv_enter(struct tui *t, struct bill_state *s)
{
	int row = widget_list_current(&s->rt.rows);
	if (row < 0 || row >= (int)s->nrr)
		return;
	const struct recv_row *r = &s->rr[row];
	size_t n = r->ninvoices + 1;
	const char **lines = calloc(n, sizeof *lines);
	if (!lines)
		return;
	char head[512], m1[MONEY_BUF], m2[MONEY_BUF];
	snprintf(head, sizeof head, _("Ouvert %s · crédit au compte %s"), money(r->ageing.open_cents, m1, sizeof m1),
		money(r->ageing.credit_cents, m2, sizeof m2));
	lines[0] = head;
	for (size_t i = 0; i < r->ninvoices; i++)
		lines[i + 1] = r->invoices[i];
	char title[256];
	snprintf(title, sizeof title, _("%s %s — Échap pour revenir"), r->code, r->name);
	tui_pick(t, title, lines, NULL, (int)n, 0, NULL, 0, NULL);
	free(lines);
}


static juste_status reload(struct tui *t, struct bill_state *s, struct juste_err *e)
{
	struct billing_month m;
	juste_status st = billing_month_load(t->app, s->month, &m, e);
	if (st)
		return st;
	billing_month_free(&s->m);
	s->m = m;
	widget_list_set_rows(&s->mt.rows, (int)m.n);
	return JUSTE_OK;
}

static void reload_or_say(struct tui *t, struct bill_state *s)
{
	struct juste_err e = { 0 };
	if (reload(t, s, &e))
		tui_error(t, &e);
}

static void doc_close(struct bill_state *s)
{
	if (s->doc_loaded)
		invoicing_doc_free(&s->doc);
	s->doc_loaded = 0;
	free(s->ent);
	s->ent = NULL;
	s->nent = 0;
	s->nnotes = s->nblockers = 0;
}

/* Splits a buffer of lines in place, adding them to s->notes. */
static void notes_add(struct bill_state *s, char *text)
{
	char *save = NULL;
	for (char *l = strtok_r(text, "\n", &save); l && s->nnotes < 64; l = strtok_r(NULL, "\n", &save))
		if (*l)
			s->notes[s->nnotes++] = l;
}

static juste_status doc_open(struct tui *t, struct bill_state *s, int64_t id, struct juste_err *e)
{
	doc_close(s);
	juste_status st = invoicing_load_id(t->app, id, &s->doc, e);
	if (st)
		return st;
	s->doc_loaded = 1;
	for (int i = 0; i < s->doc.rec.nblockers && s->nnotes < 64; i++)
		s->notes[s->nnotes++] = invoice_blocker_text(&s->doc.rec, &s->doc.rec.blockers[i], s->btext[i],
			sizeof s->btext[i]);
	s->nblockers = s->nnotes;
	notes_add(s, s->doc.rec.warnings);
	widget_list_reset(&s->dt.rows, (int)s->doc.nlines + s->nnotes);
	return JUSTE_OK;
}

static juste_status bill_open(struct tui *t, void *state, struct juste_err *e)
{
	struct bill_state *s = state;
	/* on the first days of a month the clerk bills the month before */
	int y, m, d;
	date_to_ymd(app_today(), &y, &m, &d);
	date_month_add(&y, &m, -1);
	snprintf(s->month, sizeof s->month, "%04d-%02d", y, m);
	struct widget_table *tabs[3] = { &s->mt, &s->dt, &s->et };
	int *ws[3] = { s->mw, s->dw, s->ew };
	enum widget_align *as[3] = { s->ma, s->da, s->ea };
	int nc[3] = { MCOLS, DCOLS, ECOLS };
	for (int i = 0; i < 3; i++) {
		tabs[i]->ncols = nc[i];
		tabs[i]->first_cursor_col = 0;
		tabs[i]->ncursor_cols = 1;
		tabs[i]->header = 1;
		tabs[i]->widths = ws[i];
		tabs[i]->align = as[i];
		for (int c = 0; c < nc[i]; c++)
			as[i][c] = c == 0 ? WIDGET_LEFT : WIDGET_RIGHT;
	}
	s->mt.footer = 1;
	s->rt.ncols = RCOLS;
	s->rt.first_cursor_col = 0;
	s->rt.ncursor_cols = 1;
	s->rt.header = s->rt.footer = 1;
	s->rt.widths = s->rw;
	s->rt.align = s->ra;
	for (int c = 0; c < RCOLS; c++)
		s->ra[c] = c == 0 ? WIDGET_LEFT : WIDGET_RIGHT;
	s->da[1] = WIDGET_LEFT;
	s->ea[1] = WIDGET_LEFT;
	s->ea[4] = WIDGET_LEFT;
	/* open = a month switch, never a write: drafting is `d` */
	return reload(t, s, e);
}

static void bill_close(struct tui *t, void *state)
{
	(void)t;
	struct bill_state *s = state;
	billing_month_free(&s->m);
	doc_close(s);
	recv_free(s);
}

/* ------------------------------------------------------------------ draw */

static void hours(int64_t minutes, char *buf, size_t n)
{
	duration_format_hours_lang(lang(), (long)minutes, buf, n);
}

/* The state word: "retenu" in the month's list, where it stands for "un
 * brouillon retenu"; "retenue" after the feminine "Facture" or "Note de
 * crédit" of a title. */
static const char *rec_state(const struct invoice_rec *r, int feminine)
{
	if (!vocab_invoice_status_final(r->status))
		return r->nblockers ? (feminine ? _("retenue") : _("retenu")) : _("brouillon");
	return r->number;
}

static void month_cell(void *ctx, int row, int col, char *buf, size_t n, enum term_role *role)
{
	struct bill_state *s = ctx;
	static const char *const head[MCOLS] = { N_("Client"), N_("N° / état"), N_("Heures"), N_("Sous-total"),
		N_("Taxes"), N_("Total"), N_("Ret."), N_("Bloc.") };
	char m[MONEY_BUF];
	if (row < 0) {
		*role = TR_HEADER;
		snprintf(buf, n, "%s", _(head[col]));
		return;
	}
	int64_t minutes, sub, tax, total, late;
	int blockers = 0;
	const struct invoice_rec *r = NULL;
	if (row >= s->mt.rows.nrows) {
		*role = TR_TOTAL;
		/* what is issued, net of the credit notes; drafts are apart */
		minutes = s->m.minutes;
		sub = s->m.subtotal_cents;
		tax = s->m.tps_cents + s->m.tvq_cents;
		total = s->m.total_cents;
		late = s->m.late;
		blockers = s->m.held;
	} else {
		const struct billing_row *b = &s->m.rows[row];
		r = &b->rec;
		minutes = b->billed_minutes;
		sub = r->amounts.subtotal_cents;
		tax = r->amounts.tps_cents + r->amounts.tvq_cents;
		total = r->amounts.total_cents;
		late = b->late;
		blockers = r->nblockers;
		if (blockers)
			*role = TR_OVER;
		else if (vocab_invoice_status_final(r->status))
			*role = TR_LOCKED;
	}
	switch (col) {
	case 0:
		if (r)
			/* TRANSLATORS: the mark of a credit note in the month's list */
			snprintf(buf, n, "%s%s %s", vocab_invoice_kind_credit(r->kind) ? _("NC ") : "", r->client_code,
				r->client_name);
		else
			snprintf(buf, n, _("Émis net (%d factures)"), s->m.issued);
		break;
	case 1: snprintf(buf, n, "%s", r ? rec_state(r, 0) : ""); break;
	case 2: hours(minutes, buf, n); break;
	case 3: snprintf(buf, n, "%s", money(sub, m, sizeof m)); break;
	case 4: snprintf(buf, n, "%s", money(tax, m, sizeof m)); break;
	case 5: snprintf(buf, n, "%s", money(total, m, sizeof m)); break;
	case 6: snprintf(buf, n, "%lld", (long long)late); break;
	default: snprintf(buf, n, "%d", blockers); break;
	}
}

static void doc_cell(void *ctx, int row, int col, char *buf, size_t n, enum term_role *role)
{
	struct bill_state *s = ctx;
	static const char *const head[DCOLS] = { N_("Mandat"), N_("Description"), N_("Heures"), N_("Taux"),
		N_("Montant") };
	char m[MONEY_BUF];
	if (row < 0) {
		*role = TR_HEADER;
		snprintf(buf, n, "%s", _(head[col]));
		return;
	}
	if (row >= (int)s->doc.nlines) {
		int k = row - (int)s->doc.nlines;
		if (k >= s->nnotes)
			return;
		*role = k < s->nblockers ? TR_ERROR : TR_DIM;
		if (col == 0)
			snprintf(buf, n, "%s", k < s->nblockers ? _("BLOCAGE") : _("note"));
		else if (col == 1)
			snprintf(buf, n, "%s", s->notes[k]);
		return;
	}
	const struct invoice_line_rec *l = &s->doc.lines[row];
	switch (col) {
	case 0: snprintf(buf, n, "%s", l->mandate_code); break;
	case 1: snprintf(buf, n, "%s%s%s", l->description[0] ? l->description : l->mandate_title,
			l->experts[0] ? " · " : "", l->experts); break;
	case 2: hours(l->billed_minutes, buf, n); break;
	case 3: if (l->rate_cents) money(l->rate_cents, buf, n); break;
	default: snprintf(buf, n, "%s", money(l->amount_cents, m, sizeof m)); break;
	}
}

static void entry_cell(void *ctx, int row, int col, char *buf, size_t n, enum term_role *role)
{
	struct bill_state *s = ctx;
	static const char *const head[ECOLS] = { N_("Date"), N_("Expert"), N_("Saisi"), N_("Facturé"), N_("Note") };
	char d[DURATION_BUF];
	if (row < 0) {
		*role = TR_HEADER;
		/* the notes' column starts with a space, its header too */
		snprintf(buf, n, "%s%s", col == 4 ? " " : "", _(head[col]));
		return;
	}
	const struct invoice_entry_rec *x = &s->doc.entries[s->ent[row]];
	if (x->late)
		*role = TR_OVER;
	switch (col) {
	case 0: snprintf(buf, n, "%s%s", x->work_date, x->late ? "*" : ""); break;
	case 1: snprintf(buf, n, "%s", x->expert_name); break;
	case 2: snprintf(buf, n, "%s", duration_format(x->logged_minutes, d, sizeof d)); break;
	case 3: snprintf(buf, n, "%s", duration_format(x->billed_minutes, d, sizeof d)); break;
	default: snprintf(buf, n, " %s", x->note); break;
	}
}

static void bill_draw(struct tui *t, void *state, int y, int h, int w)
{
	(void)t;
	struct bill_state *s = state;
	char title[512];
	attr_t ta = term_attr(TR_TITLE);
	if (s->tab == TAB_RECEIVABLES) {
		recv_draw(s, y, h, w);
		return;
	}
	if (s->level == LV_MONTH) {
		snprintf(title, sizeof title, _(" Facturation · mois %s · %d brouillon(s) dont %d retenu(s) · %d émise(s) · %d note(s) de crédit"),
			s->month, s->m.drafts, s->m.held, s->m.issued, s->m.credits);
		widget_text(y, 0, title, w, WIDGET_LEFT, ta);
		static const int narrow[MCOLS] = { 0, 11, 9, 13, 12, 13, 5, 6 }, wide[MCOLS] = { 0, 12, 10, 16, 14, 16, 6, 7 };
		s->mw[0] = w;
		for (int c = 1; c < MCOLS; c++) {
			s->mw[c] = w >= 120 ? wide[c] : narrow[c];
			s->mw[0] -= s->mw[c];
		}
		if (s->m.n == 0) {
			widget_text(y + 2, 1, _("Aucune facture pour ce mois : d fait les brouillons ; [ ] change de mois"), w - 2,
				WIDGET_LEFT, term_attr(TR_DIM));
			return;
		}
		widget_table_draw(&s->mt, y + 1, 0, h - 3, month_cell, s);
		char dm[MONEY_BUF], hm[MONEY_BUF], dh[32];
		duration_format_hours_lang(lang(), (long)s->m.draft_minutes, dh, sizeof dh);
		snprintf(title, sizeof title, _("Brouillons à émettre : %s h, %s · retenus : %s (hors du total émis)"), dh,
			money(s->m.draft_total_cents, dm, sizeof dm), money(s->m.held_total_cents, hm, sizeof hm));
		widget_text(y + h - 2, 0, title, w, WIDGET_LEFT, term_attr(TR_DIM));
		widget_text(y + h - 1, 0, _("⏎ détail · d brouillons · i émettre · p PDF · C note de crédit · r actualiser"), w,
			WIDGET_LEFT, term_attr(TR_DIM));
		return;
	}
	const struct invoice_rec *r = &s->doc.rec;
	char tot[MONEY_BUF];
	char where[160] = "";
	if (vocab_invoice_status_final(r->status) && !vocab_invoice_kind_credit(r->kind)) {
		/* émise, payée (en partie), créditée (en partie): and by which notes */
		snprintf(where, sizeof where, " · %s", vocab_invoice_state_label(invoice_state(r)));
		for (int i = 0; i < r->ncredits && i < INVOICE_CREDITS_MAX; i++) {
			size_t len = strlen(where);
			snprintf(where + len, sizeof where - len, "%s%s", i ? ", " : " (", r->credit_numbers[i]);
		}
		if (r->ncredits)
			snprintf(where + strlen(where), sizeof where - strlen(where), ")");
	}
	snprintf(title, sizeof title, _(" %s %s%s · %s · %s · total %s"), vocab_invoice_kind_credit(r->kind) ?
		_("Note de crédit") : _("Facture"), rec_state(r, 1), where, r->client_code, r->client_name,
		money(r->amounts.total_cents, tot, sizeof tot));
	widget_text(y, 0, title, w, WIDGET_LEFT, ta);
	if (s->level == LV_DOC) {
		s->dw[0] = 14; s->dw[2] = 9; s->dw[3] = 12; s->dw[4] = 14;
		s->dw[1] = w - 14 - 9 - 12 - 14;
		widget_table_draw(&s->dt, y + 1, 0, h - 2, doc_cell, s);
		widget_text(y + h - 1, 0, _("⏎ saisies de la ligne, ou le détail du blocage · Échap retour"), w, WIDGET_LEFT,
			term_attr(TR_DIM));
	} else {
		s->ew[0] = 12; s->ew[2] = 7; s->ew[3] = 9;
		s->ew[1] = (w - 28) / 3;
		s->ew[4] = w - 28 - s->ew[1];
		widget_table_draw(&s->et, y + 1, 0, h - 2, entry_cell, s);
		widget_text(y + h - 1, 0, _("* saisie en retard (d'un mois précédent) · Échap retour"), w, WIDGET_LEFT,
			term_attr(TR_DIM));
	}
}

/* --------------------------------------------------------------- actions */

static const struct billing_row *cur_bill(struct bill_state *s)
{
	int row = widget_list_current(&s->mt.rows);
	return row < 0 || row >= (int)s->m.n ? NULL : &s->m.rows[row];
}

static void say(struct tui *t, juste_status code, const char *msg)
{
	struct juste_err e = { 0 };
	err_set(&e, code, "%s", msg);
	tui_error(t, &e);
}

static void draft(struct tui *t, struct bill_state *s)
{
	struct invoicing_run run;
	struct juste_err e = { 0 };
	if (invoicing_draft(t->app, s->month, NULL, NULL, NULL, &run, &e)) {
		tui_error(t, &e);
		return;
	}
	reload_or_say(t, s);
	char m[MONEY_BUF];
	tui_info(t, _("Brouillons du mois %s : %d (dont %d retenu(s)), %ld saisie(s), %d en retard, total %s"),
		s->month, run.drafts, run.held, run.entries, run.late, money(run.total_cents, m, sizeof m));
}

static void issue(struct tui *t, struct bill_state *s)
{
	/* what another clerk did since is read first: the dialog says what
	 * will really be issued, and issuing recomputes inside its own
	 * transaction anyway, so a second run issues nothing twice */
	reload_or_say(t, s);
	int n = 0;
	int64_t total = 0;
	for (size_t i = 0; i < s->m.n; i++) {
		const struct invoice_rec *r = &s->m.rows[i].rec;
		if (!vocab_invoice_status_final(r->status) && !vocab_invoice_kind_credit(r->kind) && !r->nblockers) {
			n++;
			total += r->amounts.total_cents;
		}
	}
	if (n == 0) {
		say(t, JUSTE_EINVAL, s->m.issued ? _("rien à émettre : le mois est déjà émis (r pour relire)")
			: _("rien à émettre : faites d'abord les brouillons (d)"));
		return;
	}
	char q[256], m[MONEY_BUF];
	snprintf(q, sizeof q, _("Émettre %d facture(s) du mois %s, total %s (%d retenue(s)) ?"), n, s->month,
		money(total, m, sizeof m), s->m.held);
	if (!tui_confirm(t, q)) {
		tui_info(t, _("Rien n'a été émis"));
		return;
	}
	/* a month not yet ended is billed only when the clerk says so twice */
	int early = invoicing_month_open(s->month);
	if (early) {
		snprintf(q, sizeof q, _("Le mois %s n'est pas terminé : l'émettre quand même, avec le travail saisi "
			"jusqu'à aujourd'hui ?"), s->month);
		if (!tui_confirm(t, q)) {
			tui_info(t, _("Rien n'a été émis"));
			return;
		}
	}
	struct invoicing_run run;
	struct juste_err e = { 0 };
	if (invoicing_issue(t->app, s->month, NULL, NULL, early, NULL, NULL, &run, &e)) {
		tui_error(t, &e);
		return;
	}
	reload_or_say(t, s);
	tui_info(t, _("%d facture(s) émise(s) pour %s, total %s ; %d retenue(s)"), run.issued, s->month,
		money(run.total_cents, m, sizeof m), run.held);
}

static int on_pdf(void *ctx, const struct invoice_rec *r, const char *path)
{
	(void)r;
	(void)path;
	(*(int *)ctx)++;
	return 0;
}

static void pdf(struct tui *t, struct bill_state *s)
{
	char dir[1024], def[64];
	snprintf(def, sizeof def, "factures-%s", s->month);
	if (!tui_input(t, _("Dossier des PDF :"), def, dir, sizeof dir) || !dir[0])
		return;
	int n = 0;
	struct juste_err e = { 0 };
	if (invoicing_pdf_month(t->app, s->month, NULL, dir, INVOICING_DETAIL_CLIENT, on_pdf, &n, &e)) {
		tui_error(t, &e);
		return;
	}
	tui_info(t, ngettext("%d PDF écrit dans %s", "%d PDF écrits dans %s", (unsigned long)n), n, dir);
}

static void credit(struct tui *t, struct bill_state *s)
{
	const struct invoice_rec *r = s->level == LV_MONTH ? (cur_bill(s) ? &cur_bill(s)->rec : NULL)
		: &s->doc.rec;
	if (!r || !vocab_invoice_status_final(r->status) || vocab_invoice_kind_credit(r->kind)) {
		say(t, JUSTE_EINVAL, _("une note de crédit se fait sur une facture émise : placez le curseur sur une facture"));
		return;
	}
	char number[INVOICE_NUMBER_LEN], reason[NOTE_LEN], amount[64], prompt[160];
	snprintf(number, sizeof number, "%s", r->number);
	snprintf(prompt, sizeof prompt, _("Note de crédit sur %s — motif :"), number);
	if (!tui_input(t, prompt, "", reason, sizeof reason))
		return;
	snprintf(prompt, sizeof prompt, _("Montant avant taxes (vide = toute la facture) :"));
	if (!tui_input(t, prompt, "", amount, sizeof amount))
		return;
	int64_t cents = 0;
	struct juste_err e = { 0 };
	if (amount[0] && money_parse(amount, &cents, &e)) {
		tui_error(t, &e);
		return;
	}
	char q[256], m[MONEY_BUF];
	if (cents)
		snprintf(q, sizeof q, _("Créditer %s avant taxes sur %s ?"), money(cents, m, sizeof m), number);
	else
		snprintf(q, sizeof q, _("Créditer toute la facture %s (ses saisies redeviennent facturables) ?"), number);
	if (!tui_confirm(t, q)) {
		tui_info(t, _("Aucune note de crédit"));
		return;
	}
	struct invoice_rec out;
	if (invoicing_credit(t->app, number, reason, cents, NULL, &out, &e)) {
		tui_error(t, &e);
		return;
	}
	reload_or_say(t, s);
	tui_info(t, _("Note de crédit %s émise sur %s : %s"), out.number, number,
		money(out.amounts.total_cents, m, sizeof m));
}

/* Enter on a blocker: the mandate (and why it has no rate) or the
 * organisation it names, so the clerk knows what to fix and who fixes it. */
static void blocker(struct tui *t, struct bill_state *s, const char *text, const struct invoice_blocker *bl)
{
	char lines[12][512];
	int n = 0;
	snprintf(lines[n++], sizeof lines[0], "%s", text);
	char code[CODE_LEN] = "";
	if (bl && bl->mandate[0])
		snprintf(code, sizeof code, "%s", bl->mandate);
	struct juste_err e = { 0 };
	if (code[0]) {
		struct mandate *m = calloc(1, sizeof *m);
		if (m && records_mandate_get(t->app, code, m, &e) == JUSTE_OK) {
			snprintf(lines[n++], sizeof lines[0], _("Mandat %s : %s"), m->code, m->title);
			snprintf(lines[n++], sizeof lines[0], _("Client %s · service %s · facturation %s · ouvert le %s"),
				m->client, m->service, vocab_billing_word(m->billing), m->opened_on);
			struct rate_book b;
			struct rates_explanation ex;
			char date[ISO_LEN] = "";
			snprintf(date, sizeof date, "%s", bl->date);
			if (date[0] && rates_book_load(t->app, &b, &e) == JUSTE_OK) {
				if (rates_explain(t->app, &b, code, date, &ex, &e) == JUSTE_OK) {
					if (ex.priced.row) {
						char why[256];
						snprintf(lines[n++], sizeof lines[0], _("Taux le %s : %s"), date,
							pricing_explain(&ex.priced, why, sizeof why));
					} else {
						snprintf(lines[n++], sizeof lines[0], _("Taux le %s : %s"), date, ex.why);
					}
				}
				pricing_book_free(&b);
			}
			snprintf(lines[n++], sizeof lines[0], "%s",
				_("À faire : un taux négocié du mandat ou une ligne de la table de taux (admin : juste rate), puis d"));
		}
		free(m);
	} else {
		/* Not a mandate: the client itself (its address).  Decided from
		 * the record, not from the words of the stored message, which are
		 * in the language of whoever drafted. */
		struct org o;
		if (records_org_get(t->app, s->doc.rec.client_code, &o, &e) == JUSTE_OK && !o.address[0]) {
			snprintf(lines[n++], sizeof lines[0], _("Organisation %s : %s (%s)"), o.code, o.name,
				vocab_category_word(o.category));
			snprintf(lines[n++], sizeof lines[0], _("Adresse : %s"), o.address[0] ? o.address : _("(aucune)"));
			snprintf(lines[n++], sizeof lines[0], _("Courriel : %s"), o.email);
			snprintf(lines[n++], sizeof lines[0], "%s",
				_("À faire : compléter l'adresse (admin : écran Données, organisations), puis d"));
		}
	}
	const char *lp[12];
	for (int i = 0; i < n; i++)
		lp[i] = lines[i];
	tui_pick(t, _("Blocage — Échap pour revenir"), lp, NULL, n, 0, NULL, 0, NULL);
}

static void enter(struct tui *t, struct bill_state *s)
{
	struct juste_err e = { 0 };
	if (s->level == LV_MONTH) {
		const struct billing_row *b = cur_bill(s);
		if (!b)
			return;
		if (doc_open(t, s, b->rec.id, &e)) {
			tui_error(t, &e);
			return;
		}
		s->level = LV_DOC;
		return;
	}
	if (s->level != LV_DOC)
		return;
	int row = widget_list_current(&s->dt.rows);
	if (row < 0)
		return;
	if (row >= (int)s->doc.nlines) {
		int k = row - (int)s->doc.nlines;
		if (k < s->nnotes)
			blocker(t, s, s->notes[k], k < s->nblockers && k < s->doc.rec.nblockers ? &s->doc.rec.blockers[k] : NULL);
		return;
	}
	const struct invoice_line_rec *l = &s->doc.lines[row];
	free(s->ent);
	s->ent = calloc(s->doc.nentries + 1, sizeof *s->ent);
	s->nent = 0;
	if (!s->ent)
		return;
	for (size_t i = 0; i < s->doc.nentries; i++)
		if (s->doc.entries[i].line_id == l->id || (s->doc.entries[i].line_id == 0 && s->doc.entries[i].line_pos == l->pos))
			s->ent[s->nent++] = (int)i;
	if (s->nent == 0) {
		say(t, JUSTE_ENOTFOUND, _("aucune saisie derrière cette ligne (forfait ou crédit)"));
		return;
	}
	s->line = row;
	widget_list_reset(&s->et.rows, s->nent);
	s->level = LV_ENTRIES;
}

static enum view_result bill_request(struct tui *t, void *state, enum action a, int f, wint_t ch)
{
	(void)f;
	(void)ch;
	struct bill_state *s = state;
	struct juste_err re = { 0 };
	if (a == ACT_NEXT_TAB || a == ACT_PREV_TAB) {
		s->tab = s->tab == TAB_MONTH ? TAB_RECEIVABLES : TAB_MONTH;
		if (s->tab == TAB_RECEIVABLES && recv_reload(t, s, &re))
			tui_error(t, &re);
		return VIEW_HANDLED;
	}
	if (s->tab == TAB_RECEIVABLES) {
		if (widget_table_key(&s->rt, a) != WIDGET_LIST_IGNORED)
			return VIEW_HANDLED;
		switch (a) {
		case ACT_EDIT: recv_enter(t, s); return VIEW_HANDLED;
		case ACT_BACK: s->tab = TAB_MONTH; return VIEW_HANDLED;
		case ACT_REFRESH:
			if (recv_reload(t, s, &re))
				tui_error(t, &re);
			else
				tui_info(t, _("Relu : comptes clients au %s"), s->at);
			return VIEW_HANDLED;
		case ACT_NONE:
			return VIEW_IGNORED;
		default:
			if (keys_scope(a) == KS_B) {
				/* the month's actions, from its own tab */
				re.code = JUSTE_EINVAL;
				snprintf(re.msg, sizeof re.msg, "%s", _("sur l'onglet du mois : < ou > pour y revenir"));
				tui_error(t, &re);
				return VIEW_HANDLED;
			}
			return VIEW_IGNORED;
		}
	}
	struct widget_table *tab = s->level == LV_MONTH ? &s->mt : s->level == LV_DOC ? &s->dt : &s->et;
	if (widget_table_key(tab, a) != WIDGET_LIST_IGNORED)
		return VIEW_HANDLED;
	switch (a) {
	case ACT_EDIT: enter(t, s); return VIEW_HANDLED;
	case ACT_BACK:
		if (s->level == LV_MONTH)
			return VIEW_IGNORED;
		s->level--;
		if (s->level == LV_MONTH)
			doc_close(s);
		return VIEW_HANDLED;
	case ACT_REFRESH:
		doc_close(s);
		s->level = LV_MONTH;
		reload_or_say(t, s);
		if (t->msg_role != TR_ERROR || !t->msg[0])
			tui_info(t, _("Relu : mois %s"), s->month);
		return VIEW_HANDLED;
	case ACT_PREV_MONTH:
	case ACT_NEXT_MONTH: {
		int y, m;
		struct juste_err e = { 0 };
		date_month_parse(s->month, &y, &m, &e);
		date_month_add(&y, &m, a == ACT_PREV_MONTH ? -1 : 1);
		snprintf(s->month, sizeof s->month, "%04d-%02d", y, m);
		doc_close(s);
		s->level = LV_MONTH;
		widget_list_reset(&s->mt.rows, (int)s->m.n);
		reload_or_say(t, s);
		return VIEW_HANDLED;
	}
	case ACT_DRAFT:
		doc_close(s);
		s->level = LV_MONTH;
		draft(t, s);
		return VIEW_HANDLED;
	case ACT_ISSUE:
		doc_close(s);
		s->level = LV_MONTH;
		issue(t, s);
		return VIEW_HANDLED;
	case ACT_PDF: pdf(t, s); return VIEW_HANDLED;
	case ACT_CREDIT:
		credit(t, s);
		if (s->level != LV_MONTH) {
			doc_close(s);
			s->level = LV_MONTH;
		}
		return VIEW_HANDLED;
	default:
		return VIEW_IGNORED;
	}
}

static const enum action bill_bar[] = {
	ACT_EDIT, ACT_PREV_MONTH, ACT_NEXT_MONTH, ACT_DRAFT, ACT_ISSUE, ACT_PDF, ACT_CREDIT, ACT_REFRESH, ACT_BACK,
	ACT_NEXT_TAB,
};

/* The database changed (anyone's write): the month again, same cursor. */
static void bill_reload(struct tui *t, void *state)
{
	struct bill_state *s = state;
	reload_or_say(t, s);
	struct juste_err e = { 0 };
	if (s->tab == TAB_RECEIVABLES && recv_reload(t, s, &e))
		tui_error(t, &e);
}

const struct view view_billing = {
	.name = "billing",
	.title = N_("Facturation"),
	.fkey = 3,
	.roles = ROLE_COMMIS | ROLE_ADMIN,
	.scopes = KS_M | KS_O | KS_B,
	.state_size = sizeof(struct bill_state),
	.open = bill_open,
	.draw = bill_draw,
	.request = bill_request,
	.unsaved = NULL,
	.bar = bill_bar,
	.nbar = (int)(sizeof bill_bar / sizeof bill_bar[0]),
	.close = bill_close,
	.reload = bill_reload,
};
