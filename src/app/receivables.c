/*
 * receivables.c - payments, receivables by age, and statements
 * (receivables.h).  The store gives the documents and payments as stored;
 * payments_settle() (core) says what each payment settled on any date;
 * this file checks roles and input, and groups by client.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/receivables_internal.h"
#include "juste/i18n.h"
#include "juste/money.h"
#include "juste/receivables.h"
#include "juste/rules.h"
#include "juste/store_invoices.h"
#include "juste/store_payments.h"

#define ROLES_PAYMENTS (ROLE_COMMIS | ROLE_GESTIONNAIRE | ROLE_ADMIN)

/* ---------------------------------------------------------------- books */

static int on_doc(void *ctx, const struct receivable_doc *d)
{
	struct ar_books *b = ctx;
	if (b->ndocs == b->capdocs) {
		size_t cap = b->capdocs ? b->capdocs * 2 : 64;
		struct receivable_doc *n = realloc(b->docs, cap * sizeof *n);
		if (!n) {
			b->failed = JUSTE_ENOMEM;
			return 1;
		}
		b->docs = n;
		b->capdocs = cap;
	}
	b->docs[b->ndocs++] = *d;
	return 0;
}

static int on_pay(void *ctx, const struct payment_rec *p)
{
	struct ar_books *b = ctx;
	if (b->npays == b->cappays) {
		size_t cap = b->cappays ? b->cappays * 2 : 64;
		struct payment_rec *n = realloc(b->pays, cap * sizeof *n);
		if (!n) {
			b->failed = JUSTE_ENOMEM;
			return 1;
		}
		b->pays = n;
		b->cappays = cap;
	}
	b->pays[b->npays++] = *p;
	return 0;
}

juste_status ar_books_load(struct app *a, const char *code, struct ar_books *b, struct juste_err *e)
{
	memset(b, 0, sizeof *b);
	struct payment_filter f = { .client = code };
	juste_status st = store_payment_docs(a->store, code, on_doc, b, e);
	if (!st && !b->failed)
		st = store_payment_list(a->store, &f, on_pay, b, e);
	if (!st && b->failed)
		st = err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	if (st)
		ar_books_free(b);
	return st;
}

void ar_books_free(struct ar_books *b)
{
	free(b->docs);
	free(b->pays);
	memset(b, 0, sizeof *b);
}

void ar_client_free(struct ar_client *c)
{
	free(c->cdocs);
	free(c->cpays);
	payments_result_free(&c->res);
	memset(c, 0, sizeof *c);
}

int ar_books_next(struct ar_books *b, date_t at, struct ar_client *c, struct juste_err *e)
{
	memset(c, 0, sizeof *c);
	if (b->di >= b->ndocs && b->pi >= b->npays)
		return 0;
	/* both lists are ordered by client code: take the smaller one */
	const char *code;
	if (b->di >= b->ndocs)
		code = b->pays[b->pi].client_code;
	else if (b->pi >= b->npays)
		code = b->docs[b->di].client_code;
	else
		code = strcmp(b->docs[b->di].client_code, b->pays[b->pi].client_code) <= 0
			? b->docs[b->di].client_code : b->pays[b->pi].client_code;
	c->docs = b->docs + b->di;
	while (b->di < b->ndocs && strcmp(b->docs[b->di].client_code, code) == 0) {
		b->di++;
		c->ndocs++;
	}
	c->pays = b->pays + b->pi;
	while (b->pi < b->npays && strcmp(b->pays[b->pi].client_code, code) == 0) {
		b->pi++;
		c->npays++;
	}
	c->cdocs = calloc(c->ndocs + 1, sizeof *c->cdocs);
	c->cpays = calloc(c->npays + 1, sizeof *c->cpays);
	if (!c->cdocs || !c->cpays) {
		ar_client_free(c);
		err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
		return -1;
	}
	for (size_t i = 0; i < c->ndocs; i++)
		c->cdocs[i] = c->docs[i].doc;
	for (size_t i = 0; i < c->npays; i++) {
		const struct payment_rec *p = &c->pays[i];
		struct payments_payment *q = &c->cpays[i];
		q->id = p->id;
		q->invoice_id = p->invoice_id;
		q->amount_cents = p->amount_cents;
		q->voided = p->voided_on[0] != '\0';
		if (date_parse(p->received_on, &q->received, e) ||
		    (q->voided && date_parse(p->voided_on, &q->voided_on, e))) {
			err_prefix(e, "paiement #%lld : ", (long long)p->id);
			ar_client_free(c);
			return -1;
		}
	}
	if (payments_settle(c->cdocs, c->ndocs, c->cpays, c->npays, at, &c->res, e)) {
		ar_client_free(c);
		return -1;
	}
	return 1;
}

/* ------------------------------------------------------------- payments */

static juste_status parse_day(const char *s, const char *what, date_t *out, struct juste_err *e)
{
	*out = app_today();
	if (s && *s && date_parse(s, out, e))
		return err_prefix(e, "%s : ", what);
	return JUSTE_OK;
}

/* One client's books settled at `at`: 1 found, 0 none (no document nor
 * payment), -1 error. */
static int client_settled(struct app *a, const char *code, date_t at, struct ar_books *b, struct ar_client *c,
	struct juste_err *e)
{
	if (ar_books_load(a, code, b, e))
		return -1;
	return ar_books_next(b, at, c, e);
}

juste_status receivables_payment_add(struct app *a, const struct payment_input *in, struct payment_added *out,
	struct juste_err *e)
{
	juste_status st = app_require(a, ROLES_PAYMENTS, _("enregistrer des paiements"), e);
	if (st)
		return st;
	memset(out, 0, sizeof *out);
	struct payment_rec *p = &out->rec;
	if (in->amount_cents <= 0)
		return err_set(e, JUSTE_EINVAL, N_("--amount : montant positif attendu"));
	date_t on;
	if ((st = parse_day(in->date, "--date", &on, e)))
		return st;
	if (on > app_today())
		return err_set(e, JUSTE_EINVAL, N_("--date : un paiement n'est pas reçu dans le futur (%s)"), in->date);
	const char *ref = in->reference ? in->reference : "";
	if (strlen(ref) >= sizeof p->reference)
		return err_set(e, JUSTE_EINVAL, N_("--ref : référence trop longue (%d caractères au plus)"),
			(int)sizeof p->reference - 1);
	if ((st = rules_note_validate("--ref", ref, e)))
		return st;
	if ((st = vocab_check(VOCAB_PAYMENT_METHOD, (int)in->method, e)))
		return st;
	p->amount_cents = in->amount_cents;
	p->method = in->method;
	date_format(on, p->received_on);
	snprintf(p->reference, sizeof p->reference, "%s", ref);

	struct invoice_rec *inv = malloc(sizeof *inv);
	if (!inv)
		return err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	struct ar_books b = { 0 };
	struct ar_client c = { 0 };
	if ((st = store_begin(a->store, e))) {
		free(inv);
		return st;
	}
	if (in->invoice) {
		st = store_invoice_get(a->store, in->invoice, inv, e);
		if (!st && (inv->kind != INVOICE_KIND_INVOICE || !vocab_invoice_status_final(inv->status)))
			st = err_set(e, JUSTE_EINVAL, N_("%s n'est pas une facture émise"), in->invoice);
		if (!st && strcmp(p->received_on, inv->issued_on) < 0)
			st = err_set(e, JUSTE_EINVAL, N_("--date : paiement du %s antérieur à la facture %s (%s)"),
				p->received_on, inv->number, inv->issued_on);
		if (!st) {
			p->client_id = inv->client_id;
			p->invoice_id = inv->id;
			snprintf(p->client_code, sizeof p->client_code, "%s", inv->client_code);
			snprintf(p->client_name, sizeof p->client_name, "%s", inv->client_name);
			snprintf(p->invoice_number, sizeof p->invoice_number, "%s", inv->number);
		}
	} else if (in->client) {
		struct org o;
		st = store_org_get(a->store, in->client, &o, e);
		if (!st) {
			p->client_id = o.id;
			snprintf(p->client_code, sizeof p->client_code, "%s", o.code);
			snprintf(p->client_name, sizeof p->client_name, "%s", o.name);
		}
	} else {
		st = err_set(e, JUSTE_EUSAGE, N_("un paiement nomme sa facture ou son client (--client)"));
	}
	/* a payment naming an invoice pays something still open on it */
	if (!st && p->invoice_id) {
		int r = client_settled(a, p->client_code, on, &b, &c, e);
		if (r < 0)
			st = JUSTE_EIO;
		for (size_t i = 0; !st && r > 0 && i < c.ndocs; i++)
			if (c.docs[i].doc.id == p->invoice_id && payments_open_cents(&c.res, i) <= 0)
				st = err_set(e, JUSTE_ECONFLICT,
					N_("%s n'a plus rien à payer le %s : enregistrez le paiement au compte du client (--client %s)"),
					inv->number, p->received_on, p->client_code);
		ar_client_free(&c);
		ar_books_free(&b);
		if (st == JUSTE_EIO && !e->msg[0])
			err_set(e, JUSTE_EIO, N_("lecture des comptes clients impossible"));
	}
	if (!st)
		st = store_payment_insert(a->store, p, e);
	/* what it settled, replayed with it */
	if (!st) {
		int r = client_settled(a, p->client_code, on, &b, &c, e);
		if (r < 0)
			st = e->code ? e->code : JUSTE_EIO;
		int64_t applied = 0;
		for (size_t i = 0; !st && r > 0 && i < c.res.nmoves; i++) {
			const struct payments_move *m = &c.res.moves[i];
			if (m->payment_id != p->id || m->kind != PAYMENTS_MOVE_APPLIED || m->on != on)
				continue;
			applied += m->amount_cents;
			for (size_t d = 0; d < c.ndocs; d++)
				if (c.docs[d].doc.id == m->invoice_id && out->napplied < PAYMENT_APPLIED_MAX) {
					snprintf(out->applied[out->napplied].number, sizeof out->applied[0].number, "%s",
						c.docs[d].number);
					out->applied[out->napplied++].cents = m->amount_cents;
				}
		}
		out->credit_cents = p->amount_cents - applied;
		out->client_credit_cents = c.res.credit_cents;
		ar_client_free(&c);
		ar_books_free(&b);
	}
	if (!st)
		st = store_commit(a->store, e);
	else
		store_rollback(a->store);
	free(inv);
	return st;
}

juste_status receivables_payment_void(struct app *a, int64_t id, const char *reason, const char *date,
	struct payment_rec *out, struct juste_err *e)
{
	juste_status st = app_require(a, ROLES_PAYMENTS, _("annuler des paiements"), e);
	if (st)
		return st;
	if (!reason || !*reason)
		return err_set(e, JUSTE_EUSAGE, N_("une annulation donne sa raison (--reason)"));
	if (strlen(reason) >= sizeof out->void_reason)
		return err_set(e, JUSTE_EINVAL, N_("--reason : raison trop longue (%d caractères au plus)"),
			(int)sizeof out->void_reason - 1);
	if ((st = rules_note_validate("--reason", reason, e)))
		return st;
	date_t on;
	if ((st = parse_day(date, "--date", &on, e)))
		return st;
	if (on > app_today())
		return err_set(e, JUSTE_EINVAL, N_("--date : une annulation n'est pas datée dans le futur (%s)"), date);
	char day[ISO_LEN];
	date_format(on, day);
	if ((st = store_begin(a->store, e)))
		return st;
	st = store_payment_get(a->store, id, out, e);
	if (!st && out->voided_on[0])
		st = err_set(e, JUSTE_ECONFLICT, N_("le paiement #%lld est déjà annulé (le %s)"), (long long)id, out->voided_on);
	if (!st && strcmp(day, out->received_on) < 0)
		st = err_set(e, JUSTE_EINVAL, N_("--date : annulation du %s antérieure au paiement (%s)"), day, out->received_on);
	if (!st)
		st = store_payment_void(a->store, id, day, reason, e);
	if (!st)
		st = store_payment_get(a->store, id, out, e);
	if (!st)
		return store_commit(a->store, e);
	store_rollback(a->store);
	return st;
}

juste_status receivables_payment_list(struct app *a, const struct receivables_filter *f,
	receivables_payment_cb cb, void *ctx, struct juste_err *e)
{
	juste_status st = app_require(a, ROLES_PAYMENTS, _("consulter les paiements"), e);
	if (st)
		return st;
	struct payment_filter sf = { f->client, f->from, f->to };
	return store_payment_list(a->store, &sf, cb, ctx, e);
}

/* -------------------------------------------------------------- ageing */

/* The open invoices of a settled client, oldest first (the docs are by
 * issue date already), and its ageing. */
static juste_status client_open(const struct ar_client *c, date_t at, struct receivables_client *out,
	struct juste_err *e)
{
	memset(out, 0, sizeof *out);
	const struct receivable_doc *first = c->ndocs ? &c->docs[0] : NULL;
	if (first) {
		out->client_id = first->client_id;
		snprintf(out->code, sizeof out->code, "%s", first->client_code);
		snprintf(out->name, sizeof out->name, "%s", first->client_name);
	} else if (c->npays) {
		out->client_id = c->pays[0].client_id;
		snprintf(out->code, sizeof out->code, "%s", c->pays[0].client_code);
		snprintf(out->name, sizeof out->name, "%s", c->pays[0].client_name);
	}
	payments_ageing_add(&out->ageing, c->cdocs, c->ndocs, &c->res, at);
	out->invoices = calloc(c->ndocs + 1, sizeof *out->invoices);
	if (!out->invoices)
		return err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	for (size_t i = 0; i < c->ndocs; i++) {
		int64_t open = payments_open_cents(&c->res, i);
		if (open <= 0 || c->docs[i].doc.credited_id)
			continue;
		struct receivables_invoice *r = &out->invoices[out->ninvoices++];
		r->doc = &c->docs[i];
		r->net_cents = c->res.docs[i].net_cents;
		r->paid_cents = c->res.docs[i].paid_cents;
		r->open_cents = open;
		r->state = payments_state_of(&c->res.docs[i]);
		r->age = payments_age_of(c->docs[i].doc.due, at);
		r->days_late = at > c->docs[i].doc.due ? (int)(at - c->docs[i].doc.due) : 0;
	}
	return JUSTE_OK;
}

juste_status receivables_ageing(struct app *a, const char *at_s, receivables_client_cb cb, void *ctx,
	struct payments_ageing *total, struct juste_err *e)
{
	juste_status st = app_require(a, ROLES_PAYMENTS, _("consulter les comptes clients"), e);
	if (st)
		return st;
	date_t at;
	if ((st = parse_day(at_s, "--at", &at, e)))
		return st;
	memset(total, 0, sizeof *total);
	struct ar_books b;
	if ((st = ar_books_load(a, NULL, &b, e)))
		return st;
	struct ar_client c;
	int r;
	while ((r = ar_books_next(&b, at, &c, e)) > 0) {
		struct receivables_client rc;
		st = client_open(&c, at, &rc, e);
		if (!st && (rc.ageing.open_cents || rc.ageing.credit_cents)) {
			payments_ageing_sum(total, &rc.ageing);
			if (cb(ctx, &rc))
				r = 0;
		}
		free(rc.invoices);
		ar_client_free(&c);
		if (st || r == 0)
			break;
	}
	if (!st && r < 0)
		st = e->code ? e->code : JUSTE_EIO;
	ar_books_free(&b);
	return st;
}

/* ----------------------------------------------------------- statement */

const char *receivables_statement_kind_label(enum statement_kind k)
{
	switch (k) {
	case STATEMENT_INVOICE: return _("Facture");
	case STATEMENT_CREDIT: return _("Note de crédit");
	case STATEMENT_PAYMENT: return _("Paiement");
	case STATEMENT_VOID: return _("Paiement annulé");
	}
	return "";
}

struct stmt_priv {
	struct ar_books books;
	struct ar_client client;
};

static int cmp_line(const void *pa, const void *pb)
{
	const struct statement_line *a = pa, *b = pb;
	int c = strcmp(a->date, b->date);
	if (c)
		return c;
	return (int)a->kind - (int)b->kind;
}

juste_status receivables_statement(struct app *a, const char *org, const char *from_s, const char *at_s,
	struct statement *out, struct juste_err *e)
{
	memset(out, 0, sizeof *out);
	juste_status st = app_require(a, ROLES_PAYMENTS, _("produire des relevés de compte"), e);
	if (st)
		return st;
	date_t at, from;
	if ((st = parse_day(at_s, "--at", &at, e)))
		return st;
	from = fy_first(fy_of(at, a->policy.fy_start), a->policy.fy_start);
	if (from_s && *from_s && date_parse(from_s, &from, e))
		return err_prefix(e, "--from : ");
	if (from > at)
		return err_set(e, JUSTE_EINVAL, N_("--from après --at"));
	date_format(from, out->from);
	date_format(at, out->at);
	if ((st = store_org_get(a->store, org, &out->client, e)))
		return st;
	struct stmt_priv *p = calloc(1, sizeof *p);
	if (!p)
		return err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	out->priv = p;
	int r = client_settled(a, out->client.code, at, &p->books, &p->client, e);
	if (r < 0) {
		receivables_statement_free(out);
		return e->code ? e->code : JUSTE_EIO;
	}
	const struct ar_client *c = &p->client;
	size_t cap = c->ndocs + 2 * c->npays + 1;
	out->lines = calloc(cap, sizeof *out->lines);
	if (!out->lines) {
		receivables_statement_free(out);
		return err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	}
	char fromday[ISO_LEN], atday[ISO_LEN];
	snprintf(fromday, sizeof fromday, "%s", out->from);
	snprintf(atday, sizeof atday, "%s", out->at);
	/* what the client owed before `from`, then each movement up to `at`,
	 * the memos in the client's language (the statement is its document) */
	struct i18n_scope scope;
	i18n_document_begin(out->client.language, &scope);
	for (size_t i = 0; i < c->ndocs; i++) {
		const struct receivable_doc *d = &c->docs[i];
		if (strcmp(d->issued_on, atday) > 0)
			continue;
		if (strcmp(d->issued_on, fromday) < 0) {
			out->opening_cents += d->total_cents;
			continue;
		}
		struct statement_line *l = &out->lines[out->nlines++];
		snprintf(l->date, sizeof l->date, "%s", d->issued_on);
		l->kind = d->doc.credited_id ? STATEMENT_CREDIT : STATEMENT_INVOICE;
		snprintf(l->ref, sizeof l->ref, "%s", d->number);
		if (d->doc.credited_id)
			snprintf(l->memo, sizeof l->memo, _("sur %s"), d->credited_number);
		else
			snprintf(l->memo, sizeof l->memo, _("échéance %s"), d->due_on);
		if (d->total_cents >= 0)
			l->debit_cents = d->total_cents;
		else
			l->credit_cents = -d->total_cents;
	}
	for (size_t i = 0; i < c->npays; i++) {
		const struct payment_rec *y = &c->pays[i];
		if (strcmp(y->received_on, atday) <= 0) {
			if (strcmp(y->received_on, fromday) < 0) {
				out->opening_cents -= y->amount_cents;
			} else {
				struct statement_line *l = &out->lines[out->nlines++];
				snprintf(l->date, sizeof l->date, "%s", y->received_on);
				l->kind = STATEMENT_PAYMENT;
				snprintf(l->ref, sizeof l->ref, "#%lld", (long long)y->id);
				snprintf(l->memo, sizeof l->memo, "%s%s%s%s%s", vocab_payment_method_label(y->method),
					y->reference[0] ? " " : "", y->reference, y->invoice_number[0] ? _(" — ") : "",
					y->invoice_number);
				l->credit_cents = y->amount_cents;
			}
		}
		if (y->voided_on[0] && strcmp(y->voided_on, atday) <= 0) {
			if (strcmp(y->voided_on, fromday) < 0) {
				out->opening_cents += y->amount_cents;
			} else {
				struct statement_line *l = &out->lines[out->nlines++];
				snprintf(l->date, sizeof l->date, "%s", y->voided_on);
				l->kind = STATEMENT_VOID;
				snprintf(l->ref, sizeof l->ref, "#%lld", (long long)y->id);
				snprintf(l->memo, sizeof l->memo, "%s", y->void_reason);
				l->debit_cents = y->amount_cents;
			}
		}
	}
	i18n_document_end(&scope);
	qsort(out->lines, out->nlines, sizeof *out->lines, cmp_line);
	int64_t bal = out->opening_cents;
	for (size_t i = 0; i < out->nlines; i++) {
		bal += out->lines[i].debit_cents - out->lines[i].credit_cents;
		out->lines[i].balance_cents = bal;
	}
	out->closing_cents = bal;
	if (r > 0 && (st = client_open(c, at, &out->open, e))) {
		receivables_statement_free(out);
		return st;
	}
	snprintf(out->open.code, sizeof out->open.code, "%s", out->client.code);
	snprintf(out->open.name, sizeof out->open.name, "%s", out->client.name);
	return JUSTE_OK;
}

void receivables_statement_free(struct statement *s)
{
	if (!s)
		return;
	struct stmt_priv *p = s->priv;
	if (p) {
		ar_client_free(&p->client);
		ar_books_free(&p->books);
		free(p);
	}
	free(s->lines);
	free(s->open.invoices);
	memset(s, 0, sizeof *s);
}
