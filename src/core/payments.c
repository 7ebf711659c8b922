/*
 * payments.c - settling invoices with payments, credit on account and
 * ageing (payments.h).  A replay of the client's history in date order;
 * a client has at most a few hundred documents, so the searches are
 * linear and the allocations of each payment a flat list.
 */
#include <stdlib.h>
#include <string.h>

#include "juste/payments.h"

enum ev_kind { EV_INVOICE, EV_CREDIT, EV_PAYMENT, EV_VOID };

struct event {
	date_t on;
	enum ev_kind kind;
	size_t idx;               /* into docs or pays */
	int64_t id;               /* tie-break: the record's id */
};

struct alloc {
	size_t pay, doc;
	int64_t cents;
};

struct replay {
	const struct payments_doc *docs;
	const struct payments_payment *pays;
	size_t ndocs, npays;
	struct payments_result *r;
	int64_t *left;            /* per payment: its credit not yet applied */
	bool *alive;              /* received and not voided */
	size_t *doc_order;        /* invoices oldest first */
	size_t *pay_order;        /* payments oldest first */
	struct alloc *allocs;
	size_t nallocs, capallocs;
	bool nomem;
};

static int cmp_event(const void *pa, const void *pb)
{
	const struct event *a = pa, *b = pb;
	if (a->on != b->on)
		return a->on < b->on ? -1 : 1;
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	return a->id < b->id ? -1 : a->id > b->id;
}

/* Documents and payments oldest first: qsort has no context, so each is
 * ordered through its key. */
struct key {
	date_t on;
	int64_t id;
	size_t idx;
};

static int cmp_key(const void *pa, const void *pb)
{
	const struct key *a = pa, *b = pb;
	if (a->on != b->on)
		return a->on < b->on ? -1 : 1;
	return a->id < b->id ? -1 : a->id > b->id;
}

static bool order(size_t n, const date_t *on, const int64_t *id, size_t stride, size_t *out)
{
	struct key *k = malloc((n + 1) * sizeof *k);
	if (!k)
		return false;
	for (size_t i = 0; i < n; i++)
		k[i] = (struct key){ *(const date_t *)((const char *)on + i * stride),
			*(const int64_t *)((const char *)id + i * stride), i };
	qsort(k, n, sizeof *k, cmp_key);
	for (size_t i = 0; i < n; i++)
		out[i] = k[i].idx;
	free(k);
	return true;
}

static void move(struct replay *p, date_t on, size_t pay, int64_t invoice_id, int64_t cents,
	enum payments_move_kind kind)
{
	struct payments_result *r = p->r;
	if (r->nmoves == r->capmoves) {
		size_t cap = r->capmoves ? r->capmoves * 2 : 16;
		struct payments_move *m = realloc(r->moves, cap * sizeof *m);
		if (!m) {
			p->nomem = true;
			return;
		}
		r->moves = m;
		r->capmoves = cap;
	}
	r->moves[r->nmoves++] = (struct payments_move){ on, p->pays[pay].id, invoice_id, cents, kind };
}

static struct alloc *alloc_of(struct replay *p, size_t pay, size_t doc)
{
	for (size_t k = 0; k < p->nallocs; k++)
		if (p->allocs[k].pay == pay && p->allocs[k].doc == doc)
			return &p->allocs[k];
	if (p->nallocs == p->capallocs) {
		size_t cap = p->capallocs ? p->capallocs * 2 : 16;
		struct alloc *a = realloc(p->allocs, cap * sizeof *a);
		if (!a) {
			p->nomem = true;
			return NULL;
		}
		p->allocs = a;
		p->capallocs = cap;
	}
	p->allocs[p->nallocs] = (struct alloc){ pay, doc, 0 };
	return &p->allocs[p->nallocs++];
}

static int64_t open_of(const struct replay *p, size_t doc)
{
	const struct payments_open *o = &p->r->docs[doc];
	if (!o->issued || p->docs[doc].credited_id)
		return 0;
	return o->net_cents > o->paid_cents ? o->net_cents - o->paid_cents : 0;
}

static void apply(struct replay *p, date_t on, size_t pay, size_t doc, int64_t cents)
{
	struct alloc *a = alloc_of(p, pay, doc);
	if (!a)
		return;
	a->cents += cents;
	p->left[pay] -= cents;
	p->r->docs[doc].paid_cents += cents;
	move(p, on, pay, p->docs[doc].id, cents, PAYMENTS_MOVE_APPLIED);
}

/* The credit on account settles open invoices, oldest payment into oldest
 * invoice. */
static void sweep(struct replay *p, date_t on)
{
	for (size_t pi = 0; pi < p->npays; pi++) {
		size_t pay = p->pay_order[pi];
		for (size_t di = 0; p->alive[pay] && p->left[pay] > 0 && di < p->ndocs; di++) {
			size_t doc = p->doc_order[di];
			int64_t open = open_of(p, doc);
			if (open > 0)
				apply(p, on, pay, doc, open < p->left[pay] ? open : p->left[pay]);
		}
	}
}

static long doc_index(const struct replay *p, int64_t id)
{
	for (size_t i = 0; i < p->ndocs; i++)
		if (p->docs[i].id == id && !p->docs[i].credited_id)
			return (long)i;
	return -1;
}

/* A credit note took the invoice below what was paid on it: the excess goes
 * back to the payments' credit, the latest payment first. */
static void give_back(struct replay *p, date_t on, size_t doc)
{
	struct payments_open *o = &p->r->docs[doc];
	for (size_t pi = p->npays; pi-- > 0 && o->paid_cents > o->net_cents;) {
		size_t pay = p->pay_order[pi];
		for (size_t k = 0; k < p->nallocs; k++) {
			struct alloc *a = &p->allocs[k];
			if (a->pay != pay || a->doc != doc || a->cents <= 0)
				continue;
			int64_t excess = o->paid_cents - o->net_cents;
			int64_t back = a->cents < excess ? a->cents : excess;
			a->cents -= back;
			p->left[pay] += back;
			o->paid_cents -= back;
			move(p, on, pay, p->docs[doc].id, -back, PAYMENTS_MOVE_RETURNED);
		}
	}
}

static void void_payment(struct replay *p, date_t on, size_t pay)
{
	for (size_t k = 0; k < p->nallocs; k++) {
		struct alloc *a = &p->allocs[k];
		if (a->pay != pay || a->cents <= 0)
			continue;
		p->r->docs[a->doc].paid_cents -= a->cents;
		move(p, on, pay, p->docs[a->doc].id, -a->cents, PAYMENTS_MOVE_VOIDED);
		a->cents = 0;
	}
	move(p, on, pay, 0, -p->pays[pay].amount_cents, PAYMENTS_MOVE_VOIDED);
	p->left[pay] = 0;
	p->alive[pay] = false;
}

juste_status payments_settle(const struct payments_doc *docs, size_t ndocs, const struct payments_payment *pays,
	size_t npays, date_t at, struct payments_result *out, struct juste_err *e)
{
	memset(out, 0, sizeof *out);
	struct replay p = { .docs = docs, .pays = pays, .ndocs = ndocs, .npays = npays, .r = out };
	size_t nev = 0;
	struct event *ev = malloc((ndocs + 2 * npays + 1) * sizeof *ev);
	out->docs = calloc(ndocs + 1, sizeof *out->docs);
	p.left = calloc(npays + 1, sizeof *p.left);
	p.alive = calloc(npays + 1, sizeof *p.alive);
	p.doc_order = malloc((ndocs + 1) * sizeof *p.doc_order);
	p.pay_order = malloc((npays + 1) * sizeof *p.pay_order);
	juste_status st = JUSTE_OK;
	if (!ev || !out->docs || !p.left || !p.alive || !p.doc_order || !p.pay_order) {
		st = err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
		goto done;
	}
	for (size_t i = 0; i < ndocs; i++) {
		p.doc_order[i] = i;
		if (docs[i].credited_id && doc_index(&p, docs[i].credited_id) < 0) {
			st = err_set(e, JUSTE_EINVAL, N_("note de crédit #%lld : sa facture #%lld manque"),
				(long long)docs[i].id, (long long)docs[i].credited_id);
			goto done;
		}
		if (docs[i].issued <= at)
			ev[nev++] = (struct event){ docs[i].issued, docs[i].credited_id ? EV_CREDIT : EV_INVOICE, i, docs[i].id };
	}
	for (size_t i = 0; i < npays; i++) {
		p.pay_order[i] = i;
		if (pays[i].invoice_id && doc_index(&p, pays[i].invoice_id) < 0) {
			st = err_set(e, JUSTE_EINVAL, N_("paiement #%lld : sa facture #%lld manque"),
				(long long)pays[i].id, (long long)pays[i].invoice_id);
			goto done;
		}
		if (pays[i].received <= at)
			ev[nev++] = (struct event){ pays[i].received, EV_PAYMENT, i, pays[i].id };
		if (pays[i].voided && pays[i].voided_on <= at)
			ev[nev++] = (struct event){ pays[i].voided_on, EV_VOID, i, pays[i].id };
	}
	if ((ndocs && !order(ndocs, &docs[0].issued, &docs[0].id, sizeof *docs, p.doc_order)) ||
	    (npays && !order(npays, &pays[0].received, &pays[0].id, sizeof *pays, p.pay_order))) {
		st = err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
		goto done;
	}
	qsort(ev, nev, sizeof *ev, cmp_event);

	for (size_t k = 0; k < nev && !p.nomem; k++) {
		const struct event *x = &ev[k];
		switch (x->kind) {
		case EV_INVOICE:
			out->docs[x->idx].issued = true;
			out->docs[x->idx].net_cents += docs[x->idx].total_cents;
			break;
		case EV_CREDIT: {
			size_t inv = (size_t)doc_index(&p, docs[x->idx].credited_id);
			out->docs[x->idx].issued = true;
			out->docs[inv].net_cents += docs[x->idx].total_cents;
			give_back(&p, x->on, inv);
			break;
		}
		case EV_PAYMENT: {
			const struct payments_payment *y = &pays[x->idx];
			p.alive[x->idx] = true;
			p.left[x->idx] = y->amount_cents;
			move(&p, x->on, x->idx, 0, y->amount_cents, PAYMENTS_MOVE_RECEIVED);
			if (y->invoice_id) {
				size_t inv = (size_t)doc_index(&p, y->invoice_id);
				int64_t open = open_of(&p, inv);
				if (open > 0)
					apply(&p, x->on, x->idx, inv, open < y->amount_cents ? open : y->amount_cents);
			}
			break;
		}
		case EV_VOID:
			void_payment(&p, x->on, x->idx);
			break;
		}
		sweep(&p, x->on);
	}
	if (p.nomem) {
		st = err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
		goto done;
	}
	for (size_t i = 0; i < npays; i++)
		if (p.alive[i])
			out->credit_cents += p.left[i];
done:
	free(ev);
	free(p.left);
	free(p.alive);
	free(p.doc_order);
	free(p.pay_order);
	free(p.allocs);
	if (st)
		payments_result_free(out);
	return st;
}

void payments_result_free(struct payments_result *r)
{
	if (!r)
		return;
	free(r->docs);
	free(r->moves);
	memset(r, 0, sizeof *r);
}

int64_t payments_open_cents(const struct payments_result *r, size_t i)
{
	const struct payments_open *o = &r->docs[i];
	return o->issued && o->net_cents > o->paid_cents ? o->net_cents - o->paid_cents : 0;
}

/* --- states and ages ------------------------------------------------------ */

#define WORD(e, w, l) w,
#define LABEL(e, w, l) l,
static const char *const state_words[] = { PAYMENT_STATE_INFO(WORD) };
static const char *const state_labels[] = { PAYMENT_STATE_INFO(LABEL) };
static const char *const age_words[] = { PAYMENTS_AGE_INFO(WORD) };
static const char *const age_labels[] = { PAYMENTS_AGE_INFO(LABEL) };

enum payments_state payments_state_of(const struct payments_open *o)
{
	if (o->net_cents <= 0)
		return o->paid_cents > 0 ? PAYMENTS_PAID : PAYMENTS_CREDITED;
	if (o->paid_cents >= o->net_cents)
		return PAYMENTS_PAID;
	return o->paid_cents > 0 ? PAYMENTS_PARTIAL : PAYMENTS_UNPAID;
}

const char *payments_state_word(enum payments_state s)
{
	return (unsigned)s < PAYMENTS_STATE_COUNT ? state_words[s] : "";
}

const char *payments_state_label(enum payments_state s)
{
	return (unsigned)s < PAYMENTS_STATE_COUNT ? state_labels[s] : "";
}

enum payments_age payments_age_of(date_t due, date_t at)
{
	int32_t days = at - due;
	if (days <= 0)
		return PAYMENTS_AGE_CURRENT;
	if (days <= 30)
		return PAYMENTS_AGE_1_30;
	if (days <= 60)
		return PAYMENTS_AGE_31_60;
	if (days <= 90)
		return PAYMENTS_AGE_61_90;
	return PAYMENTS_AGE_OVER_90;
}

const char *payments_age_word(enum payments_age a)
{
	return (unsigned)a < PAYMENTS_AGE_COUNT ? age_words[a] : "";
}

const char *payments_age_label(enum payments_age a)
{
	return (unsigned)a < PAYMENTS_AGE_COUNT ? age_labels[a] : "";
}

void payments_ageing_add(struct payments_ageing *a, const struct payments_doc *docs, size_t ndocs,
	const struct payments_result *r, date_t at)
{
	for (size_t i = 0; i < ndocs; i++) {
		int64_t open = payments_open_cents(r, i);
		if (open <= 0 || docs[i].credited_id)
			continue;
		a->by_age[payments_age_of(docs[i].due, at)] += open;
		a->open_cents += open;
	}
	a->credit_cents += r->credit_cents;
	a->balance_cents = a->open_cents - a->credit_cents;
}

void payments_ageing_sum(struct payments_ageing *a, const struct payments_ageing *b)
{
	for (int k = 0; k < PAYMENTS_AGE_COUNT; k++)
		a->by_age[k] += b->by_age[k];
	a->open_cents += b->open_cents;
	a->credit_cents += b->credit_cents;
	a->balance_cents = a->open_cents - a->credit_cents;
}
