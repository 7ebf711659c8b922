/*
 * ledger_books.c - the journal of the books of account (ledger_books.h).
 * The documents and payments are those receivables read
 * (receivables_internal.h); the store adds each document's tax regime;
 * ledger.c (core) says what each posts.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/receivables_internal.h"
#include "juste/i18n.h"
#include "juste/ledger_books.h"
#include "juste/store_ledger.h"

#define ROLES_LEDGER (ROLE_COMMIS | ROLE_GESTIONNAIRE | ROLE_ADMIN)

struct regimes {
	struct { int64_t id; enum tax_regime regime; } *v;
	size_t n, cap;
	bool nomem;
};

static int on_regime(void *ctx, int64_t id, enum tax_regime regime)
{
	struct regimes *r = ctx;
	if (r->n == r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 64;
		void *n = realloc(r->v, cap * sizeof *r->v);
		if (!n) {
			r->nomem = true;
			return 1;
		}
		r->v = n;
		r->cap = cap;
	}
	r->v[r->n].id = id;
	r->v[r->n++].regime = regime;
	return 0;
}

/* The regime of document id (read by id, ascending). */
static bool regime_of(const struct regimes *r, int64_t id, enum tax_regime *out)
{
	size_t lo = 0, hi = r->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (r->v[mid].id == id) {
			*out = r->v[mid].regime;
			return true;
		}
		if (r->v[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

static struct ledger_journal_entry *entry_new(struct ledger_journal *j, struct juste_err *e)
{
	if (j->n == j->cap) {
		size_t cap = j->cap ? j->cap * 2 : 64;
		struct ledger_journal_entry *n = realloc(j->entries, cap * sizeof *n);
		if (!n) {
			err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
			return NULL;
		}
		j->entries = n;
		j->cap = cap;
	}
	struct ledger_journal_entry *x = &j->entries[j->n];
	memset(x, 0, sizeof *x);
	x->seq = j->n++;
	return x;
}

static int entry_cmp(const void *pa, const void *pb)
{
	const struct ledger_journal_entry *a = pa, *b = pb;
	int c = strcmp(a->date, b->date);
	if (c)
		return c;
	if (a->source != b->source)
		return a->source == LEDGER_FROM_DOCUMENT ? -1 : 1;
	/* documents in the order they were numbered, payments recorded */
	if (a->source_id != b->source_id)
		return a->source_id < b->source_id ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static juste_status post_client(struct ledger_journal *j, const struct ar_client *c, const struct regimes *rg,
	date_t from, date_t to, struct juste_err *e)
{
	size_t first = j->n;
	for (size_t i = 0; i < c->ndocs; i++) {
		const struct receivable_doc *d = &c->docs[i];
		if (d->doc.issued < from || d->doc.issued > to)
			continue;
		struct ledger_doc ld = { d->subtotal_cents, d->tps_cents, d->tvq_cents, d->total_cents, TAX_REGIME_TPS_TVQ };
		if (!regime_of(rg, d->doc.id, &ld.regime))
			return err_set(e, JUSTE_EIO, N_("%s : régime de taxes introuvable"), d->number);
		struct ledger_journal_entry *x = entry_new(j, e);
		if (!x)
			return JUSTE_ENOMEM;
		x->source = LEDGER_FROM_DOCUMENT;
		x->source_id = d->doc.id;
		snprintf(x->date, sizeof x->date, "%s", d->issued_on);
		snprintf(x->piece, sizeof x->piece, "%s", d->number);
		if (d->kind == INVOICE_KIND_CREDIT)
			snprintf(x->memo, sizeof x->memo, _("note de crédit %s sur %s, %s %s"), d->number,
				d->credited_number, d->client_code, d->client_name);
		else
			snprintf(x->memo, sizeof x->memo, _("facture %s, %s %s"), d->number, d->client_code,
				d->client_name);
		ledger_post_doc(&ld, &x->e);
	}
	size_t docs_end = j->n;
	for (size_t i = 0; i < c->res.nmoves; i++) {
		const struct payments_move *m = &c->res.moves[i];
		if (m->on < from || m->on > to)
			continue;
		char day[ISO_LEN];
		date_format(m->on, day);
		/* one entry per payment and day */
		struct ledger_journal_entry *x = NULL;
		for (size_t k = docs_end; k < j->n && !x; k++)
			if (j->entries[k].source_id == m->payment_id && strcmp(j->entries[k].date, day) == 0)
				x = &j->entries[k];
		if (!x) {
			if (!(x = entry_new(j, e)))
				return JUSTE_ENOMEM;
			x->source = LEDGER_FROM_PAYMENT;
			snprintf(x->date, sizeof x->date, "%s", day);
			snprintf(x->piece, sizeof x->piece, "PAI-%lld", (long long)m->payment_id);
			const struct payment_rec *p = NULL;
			for (size_t k = 0; k < c->npays && !p; k++)
				if (c->pays[k].id == m->payment_id)
					p = &c->pays[k];
			snprintf(x->memo, sizeof x->memo, _("paiement #%lld, %s %s %s"), (long long)m->payment_id,
				p ? p->client_code : "", p ? p->client_name : "", p ? p->reference : "");
			x->source_id = m->payment_id;
		}
		if (m->kind == PAYMENTS_MOVE_VOIDED && m->invoice_id == 0) {
			const struct payment_rec *p = NULL;
			for (size_t k = 0; k < c->npays && !p; k++)
				if (c->pays[k].id == m->payment_id)
					p = &c->pays[k];
			snprintf(x->memo, sizeof x->memo, _("annulation du paiement #%lld, %s %s"),
				(long long)m->payment_id, p ? p->client_code : "", p ? p->void_reason : "");
		}
		ledger_post_move(m, &x->e);
	}
	for (size_t k = first; k < j->n; k++) {
		if (!ledger_entry_balanced(&j->entries[k].e))
			return err_set(e, JUSTE_EIO, N_("%s du %s : écriture déséquilibrée"), j->entries[k].piece,
				j->entries[k].date);
	}
	return JUSTE_OK;
}

juste_status ledger_books_journal(struct app *a, const char *from, const char *to, struct ledger_journal *out,
	struct juste_err *e)
{
	memset(out, 0, sizeof *out);
	juste_status st = app_require(a, ROLES_LEDGER, _("tenir les livres comptables"), e);
	if (st)
		return st;
	date_t df, dt;
	if (!from || !*from || date_parse(from, &df, e))
		return from && *from ? err_prefix(e, "--from : ") : err_set(e, JUSTE_EUSAGE, N_("--from DATE attendu"));
	if (!to || !*to || date_parse(to, &dt, e))
		return to && *to ? err_prefix(e, "--to : ") : err_set(e, JUSTE_EUSAGE, N_("--to DATE attendu"));
	if (df > dt)
		return err_set(e, JUSTE_EINVAL, N_("--from %s est après --to %s"), from, to);
	for (int k = 0; k < LEDGER_ACCOUNT_COUNT; k++) {
		const char *acc = a->policy.ledger_accounts[k];
		if (!acc[0] || strpbrk(acc, "\n\t"))
			return err_set(e, JUSTE_EINVAL, N_("%s : compte vide ou sur plusieurs lignes (juste settings set %s NUMÉRO)"),
				ledger_account_key((enum ledger_account)k), ledger_account_key((enum ledger_account)k));
		snprintf(out->accounts[k], sizeof out->accounts[k], "%s", acc);
	}
	char f[ISO_LEN], t[ISO_LEN];
	date_format(df, f);
	date_format(dt, t);
	struct regimes rg = { 0 };
	struct ar_books b;
	if ((st = store_ledger_regimes(a->store, f, t, on_regime, &rg, e))) {
		free(rg.v);
		return st;
	}
	if (rg.nomem) {
		free(rg.v);
		return err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	}
	if ((st = ar_books_load(a, NULL, &b, e))) {
		free(rg.v);
		return st;
	}
	struct ar_client c;
	int r;
	while (!st && (r = ar_books_next(&b, dt, &c, e)) > 0) {
		st = post_client(out, &c, &rg, df, dt, e);
		ar_client_free(&c);
	}
	if (!st && r < 0)
		st = e->code ? e->code : JUSTE_EIO;
	ar_books_free(&b);
	free(rg.v);
	if (st) {
		ledger_books_free(out);
		return st;
	}
	/* drop what nets to nothing (a payment voided the day it came in) */
	size_t n = 0;
	for (size_t k = 0; k < out->n; k++)
		if (!ledger_entry_empty(&out->entries[k].e))
			out->entries[n++] = out->entries[k];
	out->n = n;
	qsort(out->entries, out->n, sizeof *out->entries, entry_cmp);
	for (size_t k = 0; k < out->n; k++)
		for (int acc = 0; acc < LEDGER_ACCOUNT_COUNT; acc++) {
			out->debit_cents += ledger_debit(&out->entries[k].e, (enum ledger_account)acc);
			out->credit_cents += ledger_credit(&out->entries[k].e, (enum ledger_account)acc);
		}
	return JUSTE_OK;
}

void ledger_books_free(struct ledger_journal *j)
{
	free(j->entries);
	memset(j, 0, sizeof *j);
}
