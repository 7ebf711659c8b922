/*
 * invoicing.c - drafts, issue, credit notes, reading and the journal.
 *
 * One builder makes the drafts of a month for both `draft` and `issue`:
 * it reads what is unbilled (store), prices each entry with pricing_price()
 * (the one place rates are found), rounds billed minutes up to the billing
 * increment, groups and totals with the core (invoice.c), and writes the
 * drafts.  `issue` runs the same builder inside its own transaction and
 * numbers the drafts there, so what is issued is exactly the data of that
 * instant, never a stale preview, and all of it or none.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "app/receivables_internal.h"
#include "juste/store_calendar.h"
#include "juste/i18n.h"
#include "juste/invoice_pdf.h"
#include "juste/centre.h"
#include "juste/invoicing.h"
#include "juste/mem.h"
#include "juste/money.h"
#include "juste/pricing.h"
#include "juste/rules.h"
#include "juste/store_invoices.h"
#include "juste/store_rates.h"
#include "juste/store_taxes.h"
#include "juste/tax.h"

#define ROLES_WRITE (ROLE_COMMIS | ROLE_ADMIN)
#define ROLES_READ (ROLE_COMMIS | ROLE_GESTIONNAIRE | ROLE_ADMIN)
/* How many missing-rate entries a draft names before summing up the rest. */
#define BLOCKERS_NAMED 5

/* ------------------------------------------------------------ the builder */

struct b_mandate {
	int64_t id;
	char code[CODE_LEN];
	char title[NAME_LEN];
	int forfait;               /* billed by a monthly fee, not by the hour */
	int64_t service_id;
	int increment;
	int64_t fee_cents;         /* > 0 when a forfait line is due this month */
};

/* A client and its mandates [m0, m1) of b->mandates (by code). */
struct b_client {
	int64_t id;
	char code[CODE_LEN];
	enum org_category category;
	int increment;
	size_t m0, m1;
};

/* An approved week: only those are billed when the policy says so. */
struct approved_week {
	int64_t expert_id;
	date_t monday;
};

struct b_timer {
	int64_t client_id;
	char text[CODE_LEN + LOGIN_LEN + 8];
};

struct builder {
	struct app *a;
	char period[PERIOD_LEN];
	char first[ISO_LEN], last[ISO_LEN];
	const char *org;
	struct b_mandate *mandates;
	size_t nmandates, capmandates;
	struct b_client *clients;
	size_t nclients, capclients;
	struct forfait_due *forfaits;
	size_t nforfaits, capforfaits;
	struct b_timer *timers;
	size_t ntimers, captimers;
	struct rate_book book;
	struct tax_book *taxes;    /* the provinces' dated regimes */
	struct store_billed billed;
	juste_status failed;       /* set by a callback that could not grow */
	/* output of the writer */
	int64_t *ids;
	size_t nids, capids;
	struct invoicing_run *run;
	date_t tax_day;            /* the rates in force that day apply */
	char work_to[ISO_LEN];     /* the last work date billed: the month's end, or the issue date of an early run */
	struct approved_week *approved;   /* approval.required_for_billing: by expert, monday */
	size_t napproved, capapproved;
};


static void builder_free(struct builder *b)
{
	free(b->mandates);
	free(b->clients);
	free(b->forfaits);
	free(b->timers);
	free(b->ids);
	free(b->taxes);
	free(b->approved);
	store_invoice_billed_free(&b->billed);
	pricing_book_free(&b->book);
}

/* Mandates come ordered by client code then mandate code, so a new client
 * is one that differs from the last. */
static int on_mandate(void *ctx, const struct billable_mandate *u)
{
	struct builder *b = ctx;
	if (!b->nclients || b->clients[b->nclients - 1].id != u->client_id) {
		if (mem_grow((void **)&b->clients, &b->capclients, b->nclients + 1, sizeof *b->clients))
			goto oom;
		struct b_client *c = &b->clients[b->nclients++];
		memset(c, 0, sizeof *c);
		c->id = u->client_id;
		snprintf(c->code, sizeof c->code, "%s", u->client_code);
		c->category = u->client_category;
		c->increment = u->client_increment;
		c->m0 = c->m1 = b->nmandates;
	}
	if (mem_grow((void **)&b->mandates, &b->capmandates, b->nmandates + 1, sizeof *b->mandates))
		goto oom;
	struct b_mandate *m = &b->mandates[b->nmandates++];
	memset(m, 0, sizeof *m);
	m->id = u->mandate_id;
	snprintf(m->code, sizeof m->code, "%s", u->mandate_code);
	snprintf(m->title, sizeof m->title, "%s", u->mandate_title);
	m->forfait = vocab_billing_monthly(u->billing);
	m->service_id = u->service_id;
	m->increment = u->mandate_increment;
	b->clients[b->nclients - 1].m1 = b->nmandates;
	return 0;
oom:
	b->failed = JUSTE_ENOMEM;
	return 1;
}

static int on_forfait(void *ctx, const struct forfait_due *f)
{
	struct builder *b = ctx;
	if (mem_grow((void **)&b->forfaits, &b->capforfaits, b->nforfaits + 1, sizeof *b->forfaits)) {
		b->failed = JUSTE_ENOMEM;
		return 1;
	}
	b->forfaits[b->nforfaits++] = *f;
	return 0;
}

static int on_timer(void *ctx, int64_t client_id, const char *mandate_code, const char *login)
{
	struct builder *b = ctx;
	if (mem_grow((void **)&b->timers, &b->captimers, b->ntimers + 1, sizeof *b->timers)) {
		b->failed = JUSTE_ENOMEM;
		return 1;
	}
	struct b_timer *t = &b->timers[b->ntimers++];
	t->client_id = client_id;
	snprintf(t->text, sizeof t->text, "%s (%s)", mandate_code, login);
	return 0;
}

static int on_approved(void *ctx, int64_t expert_id, const char *monday)
{
	struct builder *b = ctx;
	if (mem_grow((void **)&b->approved, &b->capapproved, b->napproved + 1, sizeof *b->approved)) {
		b->failed = JUSTE_ENOMEM;
		return 1;
	}
	struct approved_week *w = &b->approved[b->napproved++];
	w->expert_id = expert_id;
	date_parse(monday, &w->monday, NULL);
	return 0;
}

/* Whether the entry may be billed under approval.required_for_billing:
 * its week is approved (the list is by expert, then Monday). */
static int entry_approved(const struct builder *b, const struct unbilled_entry *x)
{
	date_t d, monday;
	if (date_parse(x->work_date, &d, NULL))
		return 0;
	monday = date_monday(d);
	size_t lo = 0, hi = b->napproved;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		const struct approved_week *w = &b->approved[mid];
		if (w->expert_id < x->expert_id || (w->expert_id == x->expert_id && w->monday < monday))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < b->napproved && b->approved[lo].expert_id == x->expert_id && b->approved[lo].monday == monday;
}

/* Appends one line of text to a warnings or blockers buffer. */
static void text_add(char *buf, size_t n, const char *line)
{
	size_t len = strlen(buf);
	if (len + 1 >= n)
		return;
	snprintf(buf + len, n - len, "%s%s", len ? "\n" : "", line);
}

/* "Alice Bélanger, Bob Côté": distinct names in order of first appearance. */
static void names_add(char *buf, size_t n, const char *name)
{
	size_t len = strlen(name);
	for (const char *p = buf; (p = strstr(p, name)); p += len)
		if ((p == buf || p[-1] == ' ') && (p[len] == '\0' || p[len] == ','))
			return;
	size_t cur = strlen(buf);
	snprintf(buf + cur, n - cur, "%s%s", cur ? ", " : "", name);
}

/* A draft being assembled for one client. */
struct draft {
	struct invoice_rec rec;
	struct invoice_line_rec *lines;
	size_t nlines, caplines;
};

static void draft_free(struct draft *d)
{
	free(d->lines);
}

static struct invoice_line_rec *draft_line(struct draft *d)
{
	if (mem_grow((void **)&d->lines, &d->caplines, d->nlines + 1, sizeof *d->lines))
		return NULL;
	struct invoice_line_rec *l = &d->lines[d->nlines++];
	memset(l, 0, sizeof *l);
	l->pos = (int)d->nlines;
	return l;
}

static void line_dates(struct invoice_line_rec *l, const char *date)
{
	if (!l->first_date[0] || strcmp(date, l->first_date) < 0)
		snprintf(l->first_date, sizeof l->first_date, "%s", date);
	if (!l->last_date[0] || strcmp(date, l->last_date) > 0)
		snprintf(l->last_date, sizeof l->last_date, "%s", date);
}

/* A message in a client's language, for the texts an invoice keeps (the
 * reason it bears no tax, its forfait and credit lines): its documents are
 * written in that language, whatever the screen's. */
__attribute__((format_arg(2)))
static const char *client_text(const char *language, const char *msgid)
{
	struct i18n_scope scope;
	i18n_document_begin(language, &scope);
	const char *text = gettext(msgid);
	i18n_document_end(&scope);
	return text;
}

/* What becomes of one unbilled entry in this month's draft. */
enum placing {
	PLACE_UNAPPROVED,          /* its week is not approved: held out, named */
	PLACE_UNPRICED,            /* no rate: held out, named */
	PLACE_WAITS,               /* a forfait mandate whose month is billed: waits for the next */
	PLACE_FORFAIT,             /* on its mandate's forfait line */
	PLACE_HOURS,               /* on the hours line of its mandate at p.rate_cents */
};

static enum placing entry_place(struct builder *b, const struct b_client *c, const struct b_mandate *m,
	const struct unbilled_entry *x, struct priced *p)
{
	if (b->a->policy.approval_required && !entry_approved(b, x))
		return PLACE_UNAPPROVED;
	if (m->forfait)
		return m->fee_cents > 0 ? PLACE_FORFAIT : PLACE_WAITS;
	struct price_query q = {
		.entry_id = x->entry_id, .mandate_id = m->id, .mandate_code = m->code, .client_id = c->id,
		.service_id = m->service_id, .category = c->category, .work_date = x->work_date,
		.minutes = x->minutes, .increment = pricing_increment(m->increment, c->increment),
	};
	return pricing_price(&b->book, &q, p, NULL) == JUSTE_OK ? PLACE_HOURS : PLACE_UNPRICED;
}

/* One client's draft, summed as its entries stream by: entries are many,
 * lines few, so only the lines are kept.  A first pass prices every entry
 * into its line's totals; once the invoice and its lines are written (and
 * so have ids), a second pass over the same entries, in the same
 * transaction, writes each entry's link to its line. */
struct client_run {
	struct builder *b;
	const struct b_client *c;
	const struct b_mandate *m;
	struct draft d;
	struct invoice_group *groups;      /* parallel to d.lines (hours lines) */
	size_t capgroups;
	size_t m_lines;                    /* the current mandate's hours lines start here */
	size_t *m_first, *m_count;         /* per mandate of the client: its hours lines */
	char (*m_from)[ISO_LEN];           /* per mandate: the first date on the draft (pass 2 starts there) */
	size_t *f_line;                    /* per forfait of the client: its line */
	struct invoice_line_rec *f_acc;    /* per forfait of the client: its entries' sums */
	size_t f0, f1;
	/* blockers found on entries, added after the client's own */
	struct invoice_blocker named[2 * BLOCKERS_NAMED];
	size_t nnamed;
	int missing, unapproved;
	int seen, entries, late, links;
	juste_status failed;
	struct juste_err *e;
};

static void name_blocker(struct client_run *cr, enum blocker_kind kind, const struct unbilled_entry *x)
{
	struct invoice_blocker *bl = &cr->named[cr->nnamed++];
	memset(bl, 0, sizeof *bl);
	bl->kind = kind;
	bl->entry = x->entry_id;
	snprintf(bl->mandate, sizeof bl->mandate, "%s", cr->m->code);
	snprintf(bl->date, sizeof bl->date, "%s", x->work_date);
}

static size_t forfait_of(const struct client_run *cr, int64_t mandate_id)
{
	for (size_t f = cr->f0; f < cr->f1; f++)
		if (cr->b->forfaits[f].mandate_id == mandate_id)
			return f - cr->f0;
	return (size_t)-1;
}

static int on_price(void *ctx, const struct unbilled_entry *x)
{
	struct client_run *cr = ctx;
	struct builder *b = cr->b;
	struct priced p;
	cr->seen++;
	switch (entry_place(b, cr->c, cr->m, x, &p)) {
	case PLACE_UNAPPROVED:
		if (++cr->unapproved <= BLOCKERS_NAMED)
			name_blocker(cr, BLOCKER_UNAPPROVED, x);
		return 0;
	case PLACE_UNPRICED:
		if (++cr->missing <= BLOCKERS_NAMED)
			name_blocker(cr, pricing_table_at(&b->book, x->work_date, NULL) ? BLOCKER_NO_RATE : BLOCKER_NO_TABLE, x);
		return 0;
	case PLACE_WAITS:
		return 0;
	case PLACE_FORFAIT: {
		size_t f = forfait_of(cr, cr->m->id);
		if (f == (size_t)-1)
			return 0;   /* cannot be: its fee came from the forfaits due */
		struct invoice_line_rec *l = &cr->f_acc[f];
		l->logged_minutes += x->minutes;
		l->billed_minutes += x->minutes;
		names_add(l->experts, sizeof l->experts, x->expert_name);
		line_dates(l, x->work_date);
		break;
	}
	case PLACE_HOURS: {
		size_t k = cr->m_lines;
		while (k < cr->d.nlines && cr->groups[k].rate_cents != p.rate_cents)
			k++;
		if (k == cr->d.nlines) {
			if (!draft_line(&cr->d)
			    || mem_grow((void **)&cr->groups, &cr->capgroups, cr->d.nlines, sizeof *cr->groups)) {
				cr->failed = err_set(cr->e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
				return 1;
			}
			memset(&cr->groups[k], 0, sizeof cr->groups[k]);
			cr->groups[k].mandate_id = cr->m->id;
			cr->groups[k].rate_cents = p.rate_cents;
		}
		struct invoice_item it = {
			.entry_id = x->entry_id, .mandate_id = cr->m->id, .rate_cents = p.rate_cents,
			.logged_minutes = x->minutes, .billed_minutes = (int)p.billed_minutes,
		};
		if ((cr->failed = invoice_group_add(&cr->groups[k], &it, cr->e)) != JUSTE_OK)
			return 1;
		struct invoice_line_rec *l = &cr->d.lines[k];
		names_add(l->experts, sizeof l->experts, x->expert_name);
		line_dates(l, x->work_date);
		break;
	}
	}
	size_t mi = (size_t)(cr->m - b->mandates) - cr->c->m0;
	if (!cr->m_from[mi][0])
		snprintf(cr->m_from[mi], sizeof cr->m_from[mi], "%s", x->work_date);
	cr->entries++;
	cr->late += strcmp(x->work_date, b->first) < 0;
	return 0;
}

static int on_link(void *ctx, const struct unbilled_entry *x)
{
	struct client_run *cr = ctx;
	struct builder *b = cr->b;
	struct priced p;
	size_t line;
	int billed;
	switch (entry_place(b, cr->c, cr->m, x, &p)) {
	case PLACE_FORFAIT: {
		size_t f = forfait_of(cr, cr->m->id);
		if (f == (size_t)-1)
			return 0;
		line = cr->f_line[f];
		billed = x->minutes;
		break;
	}
	case PLACE_HOURS: {
		size_t mi = (size_t)(cr->m - b->mandates) - cr->c->m0;
		line = cr->m_first[mi];
		while (line < cr->m_first[mi] + cr->m_count[mi] && cr->d.lines[line].rate_cents != p.rate_cents)
			line++;
		if (line == cr->m_first[mi] + cr->m_count[mi]) {
			cr->failed = err_set(cr->e, JUSTE_EIO, N_("saisie #%lld : changée pendant la préparation du brouillon"),
				(long long)x->entry_id);
			return 1;
		}
		billed = (int)p.billed_minutes;
		break;
	}
	default:
		return 0;
	}
	struct invoice_entry_rec link = {
		.invoice_id = cr->d.rec.id, .line_id = cr->d.lines[line].id, .entry_id = x->entry_id,
		.expert_id = x->expert_id, .logged_minutes = x->minutes, .billed_minutes = billed,
		.late = strcmp(x->work_date, b->first) < 0,
	};
	snprintf(link.work_date, sizeof link.work_date, "%s", x->work_date);
	snprintf(link.note, sizeof link.note, "%s", x->note);
	cr->links++;
	return (cr->failed = store_invoice_entry_insert(b->a->store, &link, cr->e)) != JUSTE_OK;
}

/* Swaps hours lines i and j with their totals. */
static void line_swap(struct client_run *cr, size_t i, size_t j)
{
	struct invoice_line_rec t = cr->d.lines[i];
	cr->d.lines[i] = cr->d.lines[j];
	cr->d.lines[j] = t;
	struct invoice_group g = cr->groups[i];
	cr->groups[i] = cr->groups[j];
	cr->groups[j] = g;
}

static void client_run_free(struct client_run *cr)
{
	draft_free(&cr->d);
	free(cr->groups);
	free(cr->m_first);
	free(cr->m_count);
	free(cr->m_from);
	free(cr->f_line);
	free(cr->f_acc);
}

/* Builds the draft of client c with its forfaits [f0, f1), then writes it.
 * Entries of a forfait mandate are attached to its forfait line when one
 * is due this month; otherwise they wait. */
static juste_status build_client(struct builder *b, const struct b_client *c, size_t f0, size_t f1,
	struct juste_err *e)
{
	struct app *a = b->a;
	const char *to = b->work_to[0] ? b->work_to : b->last;
	struct client_run cr;
	memset(&cr, 0, sizeof cr);
	cr.b = b;
	cr.c = c;
	cr.e = e;
	cr.f0 = f0;
	cr.f1 = f1;
	size_t nm = c->m1 - c->m0;
	cr.m_first = calloc(nm + 1, sizeof *cr.m_first);
	cr.m_count = calloc(nm + 1, sizeof *cr.m_count);
	cr.m_from = calloc(nm + 1, sizeof *cr.m_from);
	cr.f_line = calloc(f1 - f0 + 1, sizeof *cr.f_line);
	cr.f_acc = calloc(f1 - f0 + 1, sizeof *cr.f_acc);
	if (!cr.m_first || !cr.m_count || !cr.m_from || !cr.f_line || !cr.f_acc) {
		client_run_free(&cr);
		return err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	}

	/* Pass 1: the hours lines, mandate by mandate (by code), each
	 * mandate's by rate; the forfaits' sums. */
	juste_status st = JUSTE_OK;
	for (size_t mi = 0; !st && mi < nm; mi++) {
		cr.m = &b->mandates[c->m0 + mi];
		cr.m_lines = cr.d.nlines;
		st = store_invoice_unbilled(a->store, &b->billed, cr.m->id, NULL, to, on_price, &cr, e);
		if (!st && cr.failed)
			st = cr.failed;
		for (size_t i = cr.m_lines + 1; !st && i < cr.d.nlines; i++)
			for (size_t j = i; j > cr.m_lines && cr.groups[j - 1].rate_cents > cr.groups[j].rate_cents; j--)
				line_swap(&cr, j - 1, j);
		cr.m_first[mi] = cr.m_lines;
		cr.m_count[mi] = cr.d.nlines - cr.m_lines;
	}
	if (st || (!cr.seen && f0 == f1)) {
		client_run_free(&cr);
		return st;   /* nothing unbilled and no forfait: no draft */
	}

	struct invoice_rec *r = &cr.d.rec;
	struct org o;
	st = store_org_get(a->store, c->code, &o, e);
	if (st) {
		client_run_free(&cr);
		return st;
	}
	r->kind = INVOICE_KIND_INVOICE;
	r->client_id = c->id;
	snprintf(r->client_code, sizeof r->client_code, "%s", c->code);
	snprintf(r->client_name, sizeof r->client_name, "%s", o.name);
	snprintf(r->client_address, sizeof r->client_address, "%s", o.address);
	snprintf(r->period, sizeof r->period, "%s", b->period);
	snprintf(r->payment_terms, sizeof r->payment_terms, "%s", a->policy.payment_terms);
	/* taxed by where the client is, at the regime in force on the issue
	 * date (DOMAIN.md, "Place of supply") */
	struct invoice_taxation tx;
	st = tax_taxation(b->taxes, &a->policy, o.country[0] ? o.country : COUNTRY_CANADA, o.province, b->tax_day,
		&tx, e);
	if (st) {
		client_run_free(&cr);
		return err_prefix(e, N_("organisation %s : "), c->code);
	}
	r->tax_regime = tx.regime;
	snprintf(r->place_of_supply, sizeof r->place_of_supply, "%s", tx.place);
	r->tps_rate = tx.tps_rate;
	r->tvq_rate = tx.tvq_rate;
	if (o.tax_exempt)
		snprintf(r->tax_exempt_reason, sizeof r->tax_exempt_reason, "%s",
			client_text(o.language, N_("Client exonéré de la TPS et de la TVQ : aucune taxe n'est facturée.")));
	else if (tx.regime == TAX_REGIME_DETAXE)
		snprintf(r->tax_exempt_reason, sizeof r->tax_exempt_reason, client_text(o.language,
			N_("Exportation de services (client hors du Canada, %s) : fourniture détaxée, aucune taxe n'est facturée.")),
			tx.place);
	char line[NOTE_LEN];
	if (!o.address[0])
		invoice_blocker_add(r, &(struct invoice_blocker){ .kind = BLOCKER_NO_ADDRESS });
	for (size_t i = 0; i < cr.nnamed; i++)
		invoice_blocker_add(r, &cr.named[i]);
	if (cr.missing > BLOCKERS_NAMED)
		invoice_blocker_add(r, &(struct invoice_blocker){ .kind = BLOCKER_MORE, .count = cr.missing - BLOCKERS_NAMED });
	if (cr.unapproved > BLOCKERS_NAMED)
		invoice_blocker_add(r, &(struct invoice_blocker){ .kind = BLOCKER_UNAPPROVED_MORE, .count = cr.unapproved - BLOCKERS_NAMED });
	if (cr.unapproved)
		invoice_blocker_add(r, &(struct invoice_blocker){ .kind = BLOCKER_UNAPPROVED_ALL, .count = cr.unapproved });
	if (cr.missing)
		invoice_blocker_add(r, &(struct invoice_blocker){ .kind = BLOCKER_UNPRICED, .count = cr.missing });

	int64_t subtotal = 0;
	for (size_t k = 0; k < cr.d.nlines; k++) {
		struct invoice_line_rec *l = &cr.d.lines[k];
		const struct b_mandate *m = NULL;
		for (size_t mi = c->m0; mi < c->m1 && !m; mi++)
			if (b->mandates[mi].id == cr.groups[k].mandate_id)
				m = &b->mandates[mi];
		l->pos = (int)k + 1;
		l->kind = LINE_KIND_HOURS;
		l->mandate_id = m->id;
		snprintf(l->mandate_code, sizeof l->mandate_code, "%s", m->code);
		snprintf(l->mandate_title, sizeof l->mandate_title, "%s", m->title);
		l->rate_cents = cr.groups[k].rate_cents;
		l->logged_minutes = cr.groups[k].logged_minutes;
		l->billed_minutes = cr.groups[k].billed_minutes;
		l->amount_cents = cr.groups[k].amount_cents;
		snprintf(l->description, sizeof l->description, "%s", m->title);
		subtotal += l->amount_cents;
	}
	for (size_t f = f0; f < f1; f++) {
		const struct forfait_due *fd = &b->forfaits[f];
		struct invoice_line_rec *l = draft_line(&cr.d);
		if (!l) {
			client_run_free(&cr);
			return err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
		}
		const struct invoice_line_rec *acc = &cr.f_acc[f - f0];
		l->kind = LINE_KIND_FORFAIT;
		l->mandate_id = fd->mandate_id;
		snprintf(l->mandate_code, sizeof l->mandate_code, "%s", fd->mandate_code);
		snprintf(l->mandate_title, sizeof l->mandate_title, "%s", fd->mandate_title);
		l->amount_cents = fd->fee_cents;
		snprintf(l->description, sizeof l->description, client_text(o.language, N_("Forfait mensuel %s : %s")),
			b->period, fd->mandate_title);
		l->logged_minutes = acc->logged_minutes;
		l->billed_minutes = acc->billed_minutes;
		snprintf(l->experts, sizeof l->experts, "%s", acc->experts);
		snprintf(l->first_date, sizeof l->first_date, "%s", acc->first_date);
		snprintf(l->last_date, sizeof l->last_date, "%s", acc->last_date);
		cr.f_line[f - f0] = cr.d.nlines - 1;
		subtotal += l->amount_cents;
	}
	invoice_amounts(subtotal, r->tps_rate, r->tvq_rate, r->tax_exempt_reason[0] != '\0', &r->amounts);

	if (cr.late) {
		snprintf(line, sizeof line, _("%d saisie(s) en retard (antérieures au %s) incluse(s)"), cr.late, b->first);
		text_add(r->warnings, sizeof r->warnings, line);
	}
	for (size_t t = 0; t < b->ntimers; t++)
		if (b->timers[t].client_id == c->id) {
			snprintf(line, sizeof line, _("minuterie en cours sur %s : arrêtez-la avant d'émettre"), b->timers[t].text);
			text_add(r->warnings, sizeof r->warnings, line);
		}

	if (cr.d.nlines == 0 && !r->nblockers) {
		client_run_free(&cr);
		return JUSTE_OK;   /* nothing to bill for this client */
	}

	/* Write: the invoice, its lines, then (pass 2) the entry links. */
	st = store_invoice_insert(a->store, r, e);
	for (size_t i = 0; !st && i < cr.d.nlines; i++) {
		cr.d.lines[i].invoice_id = r->id;
		st = store_invoice_line_insert(a->store, &cr.d.lines[i], e);
	}
	for (size_t mi = 0; !st && mi < nm; mi++) {
		cr.m = &b->mandates[c->m0 + mi];
		if (!cr.m_from[mi][0])
			continue;   /* nothing of this mandate is on the draft */
		st = store_invoice_unbilled(a->store, &b->billed, cr.m->id, cr.m_from[mi], to, on_link, &cr, e);
		if (!st && cr.failed)
			st = cr.failed;
	}
	/* the same entries, read twice in one transaction */
	if (!st && cr.links != cr.entries)
		st = err_set(e, JUSTE_EIO, N_("organisation %s : saisies changées pendant la préparation du brouillon"), c->code);
	if (!st) {
		if (mem_grow((void **)&b->ids, &b->capids, b->nids + 1, sizeof *b->ids)) {
			client_run_free(&cr);
			return err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
		}
		b->ids[b->nids++] = r->id;
		b->run->drafts++;
		b->run->held += r->nblockers > 0;
		b->run->late += cr.late;
		b->run->entries += cr.entries;
		b->run->subtotal_cents += r->amounts.subtotal_cents;
		b->run->total_cents += r->amounts.total_cents;
	}
	client_run_free(&cr);
	return st;
}

static int client_cmp_code(const void *pa, const void *pb)
{
	return strcmp(((const struct b_client *)pa)->code, ((const struct b_client *)pb)->code);
}

/* Reads, prices and writes the month's drafts.  The caller holds the
 * transaction. */
static juste_status build(struct builder *b, struct juste_err *e)
{
	struct store *s = b->a->store;
	int deleted = 0;
	juste_status st = store_invoice_delete_drafts(s, b->period, b->org, &deleted, e);
	if (!st)
		st = store_rate_book_load(s, &b->book, e);
	if (!st) {
		b->taxes = malloc(sizeof *b->taxes);
		st = b->taxes ? store_tax_book_load(s, b->taxes, e) : err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	}
	if (!st)
		st = store_invoice_billed_load(s, &b->billed, e);
	if (!st)
		st = store_invoice_billable_mandates(s, b->org, on_mandate, b, e);
	if (!st && !b->failed)
		st = store_invoice_forfaits_due(s, b->period, b->first, b->last, b->org, on_forfait, b, e);
	if (!st && !b->failed)
		st = store_invoice_running_timers(s, on_timer, b, e);
	if (!st && !b->failed && b->a->policy.approval_required)
		st = store_week_approved(s, b->last, on_approved, b, e);
	if (!st && b->failed)
		st = err_set(e, b->failed, N_("mémoire insuffisante"));
	if (st)
		return st;

	/* Mark the forfait mandates due this month; add clients that have a
	 * forfait but no billable mandate of their own (none, the forfait's
	 * mandate being one, but a client without mandates is harmless). */
	for (size_t f = 0; f < b->nforfaits; f++) {
		const struct forfait_due *fd = &b->forfaits[f];
		for (size_t m = 0; m < b->nmandates; m++)
			if (b->mandates[m].id == fd->mandate_id)
				b->mandates[m].fee_cents = fd->fee_cents;
		int have = 0;
		for (size_t c = 0; c < b->nclients && !have; c++)
			have = b->clients[c].id == fd->client_id;
		if (!have) {
			if (mem_grow((void **)&b->clients, &b->capclients, b->nclients + 1, sizeof *b->clients))
				return err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
			struct b_client *c = &b->clients[b->nclients++];
			memset(c, 0, sizeof *c);
			c->id = fd->client_id;
			snprintf(c->code, sizeof c->code, "%s", fd->client_code);
		}
	}
	/* Walk clients by code: those only known from forfaits were appended. */
	if (b->nclients)
		qsort(b->clients, b->nclients, sizeof *b->clients, client_cmp_code);
	for (size_t k = 0; !st && k < b->nclients; k++) {
		const struct b_client *c = &b->clients[k];
		size_t f0 = b->nforfaits, f1 = b->nforfaits;
		for (size_t f = 0; f < b->nforfaits; f++)
			if (b->forfaits[f].client_id == c->id) {
				if (f0 == b->nforfaits)
					f0 = f;
				f1 = f + 1;
			}
		if (f0 == b->nforfaits)
			f0 = f1 = 0;
		st = build_client(b, c, f0, f1, e);
	}
	return st;
}

static juste_status builder_init(struct builder *b, struct app *a, const char *month, const char *org,
	struct invoicing_run *run, struct juste_err *e)
{
	memset(b, 0, sizeof *b);
	b->a = a;
	b->org = org && *org ? org : NULL;
	b->run = run;
	b->tax_day = app_today();
	pricing_book_init(&b->book);
	date_t first, last;
	juste_status st = invoice_period_parse(month, b->period, &first, &last, e);
	if (st)
		return err_prefix(e, N_("mois : "));
	date_format(first, b->first);
	date_format(last, b->last);
	memset(run, 0, sizeof *run);
	snprintf(run->period, sizeof run->period, "%s", b->period);
	if (b->org) {
		struct org o;
		st = store_org_get(a->store, b->org, &o, e);
	}
	return st;
}

static juste_status report(struct app *a, const struct builder *b, invoicing_cb cb, void *ctx,
	struct juste_err *e)
{
	if (!cb)
		return JUSTE_OK;
	struct invoice_rec *r = malloc(sizeof *r);
	if (!r)
		return err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	juste_status st = JUSTE_OK;
	for (size_t i = 0; !st && i < b->nids; i++) {
		st = store_invoice_get_id(a->store, b->ids[i], r, e);
		if (!st && cb(ctx, r))
			break;
	}
	free(r);
	return st;
}

juste_status invoicing_draft(struct app *a, const char *month, const char *org, invoicing_cb cb, void *ctx,
	struct invoicing_run *run, struct juste_err *e)
{
	juste_status st = app_require(a, ROLES_WRITE, _("préparer la facturation"), e);
	if (st)
		return st;
	/* Everything read inside the write transaction: nothing this process
	 * read before it can be stale, and it never upgrades a read to a write. */
	struct builder b;
	st = store_begin(a->store, e);
	if (st)
		return st;
	st = builder_init(&b, a, month, org, run, e);
	if (!st)
		st = build(&b, e);
	if (st)
		store_rollback(a->store);
	else
		st = store_commit(a->store, e);
	if (!st)
		st = report(a, &b, cb, ctx, e);
	builder_free(&b);
	return st;
}

static juste_status number_next(struct app *a, enum invoice_kind kind, date_t issued, int *year, int *seq,
	char number[INVOICE_NUMBER_LEN], struct juste_err *e)
{
	int m, d;
	date_to_ymd(issued, year, &m, &d);
	juste_status st = store_invoice_next_seq(a->store, kind, *year, seq, e);
	if (!st)
		st = invoice_number_format(vocab_invoice_kind_credit(kind) ? a->policy.credit_pattern : a->policy.invoice_pattern,
			*year, *seq, number, INVOICE_NUMBER_LEN, e);
	return st;
}

bool invoicing_month_open(const char *month)
{
	date_t first, last;
	char period[PERIOD_LEN];
	return invoice_period_parse(month, period, &first, &last, NULL) == JUSTE_OK && app_today() <= last;
}

/* The latest issue date numbered in kind's sequence of the year of
 * `issued` (0 when none). */
static juste_status last_numbered(struct app *a, enum invoice_kind kind, date_t issued, date_t *out,
	struct juste_err *e)
{
	int y, m, d;
	date_to_ymd(issued, &y, &m, &d);
	char on[ISO_LEN];
	*out = 0;
	juste_status st = store_invoice_last_issued(a->store, kind, y, on, e);
	if (!st && on[0])
		st = date_parse(on, out, e);
	return st;
}

juste_status invoicing_issue(struct app *a, const char *month, const char *org, const char *issue_date, int early,
	invoicing_cb cb, void *ctx, struct invoicing_run *run, struct juste_err *e)
{
	juste_status st = app_require(a, ROLES_WRITE, _("émettre des factures"), e);
	if (!st)
		st = centre_require_own(a, e);
	if (st)
		return st;
	date_t today = app_today(), issued = today;
	if (issue_date && *issue_date && date_parse(issue_date, &issued, e))
		return err_prefix(e, N_("date d'émission : "));
	char issued_on[ISO_LEN], due_on[ISO_LEN];
	date_format(issued, issued_on);
	date_format(invoice_due_date(issued, a->policy.payment_days), due_on);

	struct builder b;
	st = store_begin(a->store, e);
	if (st)
		return st;
	st = builder_init(&b, a, month, org, run, e);
	b.tax_day = issued;
	if (!st) {
		date_t first, last, prev;
		st = invoice_period_parse(b.period, b.period, &first, &last, e);
		if (!st)
			st = last_numbered(a, INVOICE_KIND_INVOICE, issued, &prev, e);
		if (!st)
			st = invoice_issue_date_check(issued, today, first, last, prev, early, e);
		/* billed early: only the work done up to the issue date */
		if (!st && issued < last)
			snprintf(b.work_to, sizeof b.work_to, "%s", issued_on);
	}
	if (!st)
		st = build(&b, e);
	struct invoice_rec *r = malloc(sizeof *r);
	if (!r && !st)
		st = err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	run->subtotal_cents = run->total_cents = 0;
	for (size_t i = 0; !st && i < b.nids; i++) {
		st = store_invoice_get_id(a->store, b.ids[i], r, e);
		if (st || r->nblockers || r->line_count == 0)
			continue;   /* held back: stays a draft listing what to fix */
		int year, seq;
		char number[INVOICE_NUMBER_LEN];
		st = number_next(a, INVOICE_KIND_INVOICE, issued, &year, &seq, number, e);
		if (!st)
			st = store_invoice_issue(a->store, r->id, number, year, seq, issued_on, due_on, e);
		if (!st) {
			run->issued++;
			run->subtotal_cents += r->amounts.subtotal_cents;
			run->total_cents += r->amounts.total_cents;
		}
	}
	free(r);
	if (st) {
		store_rollback(a->store);
		builder_free(&b);
		return st;
	}
	st = store_commit(a->store, e);
	/* the issued invoices, and the drafts held back with what to fix */
	if (!st)
		st = report(a, &b, cb, ctx, e);
	builder_free(&b);
	return st;
}

/* ---------------------------------------------------------------- credits */

static int on_line_copy(void *ctx, const struct invoice_line_rec *l)
{
	struct draft *d = ctx;
	struct invoice_line_rec *c = draft_line(d);
	if (!c)
		return 1;
	int pos = c->pos;
	*c = *l;
	c->pos = pos;
	c->id = 0;
	return 0;
}

juste_status invoicing_credit(struct app *a, const char *number, const char *reason, int64_t amount_cents,
	const char *issue_date, struct invoice_rec *out, struct juste_err *e)
{
	juste_status st = app_require(a, ROLES_WRITE, _("émettre des notes de crédit"), e);
	if (st)
		return st;
	if (!reason || !*reason)
		return err_set(e, JUSTE_EUSAGE, N_("une note de crédit doit donner sa raison (--reason)"));
	if (strlen(reason) >= sizeof out->credit_reason)
		return err_set(e, JUSTE_EINVAL, N_("raison trop longue"));
	if ((st = rules_note_validate("--reason", reason, e)))
		return st;
	if (amount_cents < 0)
		return err_set(e, JUSTE_EINVAL, N_("montant à créditer négatif : donnez le montant avant taxes, positif"));
	date_t issued = app_today();
	if (issue_date && *issue_date && date_parse(issue_date, &issued, e))
		return err_prefix(e, N_("date d'émission : "));
	char issued_on[ISO_LEN], due_on[ISO_LEN];
	date_format(issued, issued_on);
	date_format(issued, due_on);   /* a credit is not a claim: no term */

	struct draft d;
	memset(&d, 0, sizeof d);
	struct invoice_rec *inv = malloc(sizeof *inv);
	if (!inv)
		return err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	st = store_begin(a->store, e);
	if (st) {
		free(inv);
		return st;
	}
	st = store_invoice_get(a->store, number, inv, e);
	if (!st && (inv->kind != INVOICE_KIND_INVOICE || !vocab_invoice_status_final(inv->status)))
		st = err_set(e, JUSTE_EINVAL, N_("%s n'est pas une facture émise"), number);
	if (!st && inv->fully_credited)
		st = err_set(e, JUSTE_ECONFLICT, N_("%s est déjà entièrement créditée"), number);
	if (!st) {
		date_t inv_issued, prev;
		st = date_parse(inv->issued_on, &inv_issued, e);
		if (!st)
			st = last_numbered(a, INVOICE_KIND_CREDIT, issued, &prev, e);
		if (!st)
			st = invoice_credit_date_check(issued, app_today(), inv_issued, prev, e);
	}
	struct invoice_amounts credited = { 0 };
	int full_before = 0;
	if (!st)
		st = store_invoice_credited(a->store, inv->id, &credited, &full_before, e);
	struct invoice_rec *r = &d.rec;
	if (!st) {
		r->kind = INVOICE_KIND_CREDIT;
		r->client_id = inv->client_id;
		snprintf(r->client_code, sizeof r->client_code, "%s", inv->client_code);
		snprintf(r->client_name, sizeof r->client_name, "%s", inv->client_name);
		snprintf(r->client_address, sizeof r->client_address, "%s", inv->client_address);
		snprintf(r->period, sizeof r->period, "%s", inv->period);
		snprintf(r->payment_terms, sizeof r->payment_terms, "%s", inv->payment_terms);
		r->tps_rate = inv->tps_rate;
		r->tvq_rate = inv->tvq_rate;
		r->tax_regime = inv->tax_regime;
		snprintf(r->place_of_supply, sizeof r->place_of_supply, "%s", inv->place_of_supply);
		snprintf(r->tax_exempt_reason, sizeof r->tax_exempt_reason, "%s", inv->tax_exempt_reason);
		r->credited_id = inv->id;
		snprintf(r->credit_reason, sizeof r->credit_reason, "%s", reason);
		int full = 0;
		st = invoice_credit(&inv->amounts, &credited, amount_cents, inv->tps_rate, inv->tvq_rate,
			inv->tax_exempt_reason[0] != '\0', &r->amounts, &full, e);
		r->credit_full = full;
		struct org client;
		struct juste_err scratch;
		char lang[sizeof client.language] = "";
		if (store_org_get(a->store, inv->client_code, &client, &scratch) == JUSTE_OK)
			memcpy(lang, client.language, sizeof lang);
		if (st) {
			/* refused: nothing written */
		} else if (full) {
			/* the invoice's lines, reversed, so the note shows what it cancels */
			st = store_invoice_lines(a->store, inv->id, on_line_copy, &d, e);
			for (size_t i = 0; !st && i < d.nlines; i++) {
				struct invoice_line_rec *l = &d.lines[i];
				char desc[NOTE_LEN];
				snprintf(desc, sizeof desc, "%s", l->description);
				snprintf(l->description, sizeof l->description, client_text(lang, N_("Annulation : %.2000s")), desc);
				l->kind = LINE_KIND_CREDIT;
				l->amount_cents = -l->amount_cents;
				l->logged_minutes = -l->logged_minutes;
				l->billed_minutes = -l->billed_minutes;
				l->rate_cents = 0;
			}
			if (!st && credited.subtotal_cents != 0) {
				struct invoice_line_rec *l = draft_line(&d);
				if (!l) {
					st = err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
				} else {
					l->kind = LINE_KIND_CREDIT;
					l->amount_cents = -credited.subtotal_cents;
					snprintf(l->description, sizeof l->description, "%s",
						client_text(lang, N_("Moins les notes de crédit partielles déjà émises sur cette facture")));
				}
			}
		} else {
			struct invoice_line_rec *l = draft_line(&d);
			if (!l)
				st = err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
			else {
				l->kind = LINE_KIND_CREDIT;
				l->amount_cents = r->amounts.subtotal_cents;
				snprintf(l->description, sizeof l->description, client_text(lang, N_("Crédit partiel : %.2000s")), reason);
			}
		}
	}
	if (!st)
		st = store_invoice_insert(a->store, r, e);
	for (size_t i = 0; !st && i < d.nlines; i++) {
		d.lines[i].invoice_id = r->id;
		st = store_invoice_line_insert(a->store, &d.lines[i], e);
	}
	int year = 0, seq = 0;
	char num[INVOICE_NUMBER_LEN] = "";
	if (!st)
		st = number_next(a, INVOICE_KIND_CREDIT, issued, &year, &seq, num, e);
	if (!st)
		st = store_invoice_issue(a->store, r->id, num, year, seq, issued_on, due_on, e);
	if (!st)
		st = store_commit(a->store, e);
	else
		store_rollback(a->store);
	if (!st)
		st = store_invoice_get_id(a->store, r->id, out, e);
	free(inv);
	draft_free(&d);
	return st;
}

juste_status invoicing_set_increment(struct app *a, int is_org, const char *code, int minutes,
	struct juste_err *e)
{
	juste_status st = app_require(a, ROLES_WRITE, _("fixer l'incrément de facturation"), e);
	if (st)
		return st;
	if (minutes < 0 || minutes > 240)
		return err_set(e, JUSTE_EINVAL, N_("incrément de facturation invalide : %d min (1 à 240, ou 0 pour aucun)"), minutes);
	return store_invoice_set_increment(a->store, is_org, code, minutes, e);
}

/* ---------------------------------------------------------------- reading */

/* What the payments settled on each issued invoice, today: the invoices'
 * ids in order, for the lists to look up. */
struct paid_row {
	int64_t id;
	int64_t paid_cents, open_cents;
};
struct paid_map {
	struct paid_row *v;
	size_t n;
};

static int cmp_paid(const void *pa, const void *pb)
{
	const struct paid_row *a = pa, *b = pb;
	return a->id < b->id ? -1 : a->id > b->id;
}

static juste_status paid_map_load(struct app *a, const char *client, struct paid_map *m, struct juste_err *e)
{
	memset(m, 0, sizeof *m);
	struct ar_books b;
	juste_status st = ar_books_load(a, client, &b, e);
	if (st)
		return st;
	if (!(m->v = calloc(b.ndocs + 1, sizeof *m->v))) {
		ar_books_free(&b);
		return err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	}
	struct ar_client c;
	int k;
	while ((k = ar_books_next(&b, app_today(), &c, e)) > 0) {
		for (size_t i = 0; i < c.ndocs; i++)
			if (!c.cdocs[i].credited_id)
				m->v[m->n++] = (struct paid_row){ c.cdocs[i].id, c.res.docs[i].paid_cents,
					payments_open_cents(&c.res, i) };
		ar_client_free(&c);
	}
	ar_books_free(&b);
	if (k < 0) {
		free(m->v);
		m->v = NULL;
		return e->code ? e->code : JUSTE_EIO;
	}
	qsort(m->v, m->n, sizeof *m->v, cmp_paid);
	return JUSTE_OK;
}

static void paid_map_fill(const struct paid_map *m, struct invoice_rec *r)
{
	if (!vocab_invoice_status_final(r->status) || vocab_invoice_kind_credit(r->kind))
		return;
	struct paid_row key = { .id = r->id };
	const struct paid_row *p = m->n ? bsearch(&key, m->v, m->n, sizeof *m->v, cmp_paid) : NULL;
	r->payments_known = 1;
	r->paid_cents = p ? p->paid_cents : 0;
	r->open_cents = p ? p->open_cents : r->amounts.total_cents;
}

struct paid_list {
	const struct paid_map *m;
	invoicing_cb cb;
	void *ctx;
};

static int on_paid_list(void *ctx, const struct invoice_rec *r)
{
	struct paid_list *l = ctx;
	struct invoice_rec x = *r;
	paid_map_fill(l->m, &x);
	return l->cb(l->ctx, &x);
}

juste_status invoicing_list(struct app *a, const struct invoice_filter *f, invoicing_cb cb, void *ctx,
	struct juste_err *e)
{
	juste_status st = app_require(a, ROLES_READ, _("consulter les factures"), e);
	struct paid_map m;
	if (st || (st = paid_map_load(a, NULL, &m, e)))
		return st;
	struct paid_list l = { &m, cb, ctx };
	st = store_invoice_list(a->store, f, on_paid_list, &l, e);
	free(m.v);
	return st;
}

/* The payments of one loaded invoice. */
static juste_status doc_paid(struct app *a, struct invoice_doc *d, struct juste_err *e)
{
	if (!vocab_invoice_status_final(d->rec.status) || vocab_invoice_kind_credit(d->rec.kind))
		return JUSTE_OK;
	struct paid_map m;
	juste_status st = paid_map_load(a, d->rec.client_code, &m, e);
	if (!st)
		paid_map_fill(&m, &d->rec);
	free(m.v);
	return st;
}

struct doc_fill {
	struct invoice_doc *d;
	size_t caplines, capentries;
	int oom;
};

static int on_doc_line(void *ctx, const struct invoice_line_rec *l)
{
	struct doc_fill *f = ctx;
	if (mem_grow((void **)&f->d->lines, &f->caplines, f->d->nlines + 1, sizeof *f->d->lines)) {
		f->oom = 1;
		return 1;
	}
	f->d->lines[f->d->nlines++] = *l;
	return 0;
}

static int on_doc_entry(void *ctx, const struct invoice_entry_rec *x)
{
	struct doc_fill *f = ctx;
	if (mem_grow((void **)&f->d->entries, &f->capentries, f->d->nentries + 1, sizeof *f->d->entries)) {
		f->oom = 1;
		return 1;
	}
	f->d->entries[f->d->nentries++] = *x;
	return 0;
}

static juste_status load_rest(struct app *a, struct invoice_doc *d, struct juste_err *e)
{
	struct doc_fill f = { .d = d };
	juste_status st = doc_paid(a, d, e);
	if (!st)
		st = store_invoice_lines(a->store, d->rec.id, on_doc_line, &f, e);
	if (!st)
		st = store_invoice_entries(a->store, d->rec.id, on_doc_entry, &f, e);
	if (!st && f.oom)
		st = err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	struct org client;
	struct juste_err scratch;
	/* the language its PDF is written in; an unknown client reads French */
	if (!st && store_org_get(a->store, d->rec.client_code, &client, &scratch) == JUSTE_OK)
		memcpy(d->language, client.language, sizeof d->language);
	if (st)
		invoicing_doc_free(d);
	return st;
}

juste_status invoicing_load(struct app *a, const char *number, struct invoice_doc *d, struct juste_err *e)
{
	memset(d, 0, sizeof *d);
	juste_status st = app_require(a, ROLES_READ, _("consulter les factures"), e);
	if (st)
		return st;
	if (number[0] == '#') {
		char *end;
		long long id = strtoll(number + 1, &end, 10);
		if (*end || id <= 0)
			return err_set(e, JUSTE_EUSAGE, N_("facture inconnue : %s"), number);
		return invoicing_load_id(a, id, d, e);
	}
	st = store_invoice_get(a->store, number, &d->rec, e);
	return st ? st : load_rest(a, d, e);
}

juste_status invoicing_load_id(struct app *a, int64_t id, struct invoice_doc *d, struct juste_err *e)
{
	memset(d, 0, sizeof *d);
	juste_status st = app_require(a, ROLES_READ, _("consulter les factures"), e);
	if (!st)
		st = store_invoice_get_id(a->store, id, &d->rec, e);
	return st ? st : load_rest(a, d, e);
}

void invoicing_doc_free(struct invoice_doc *d)
{
	if (!d)
		return;
	free(d->lines);
	free(d->entries);
	d->lines = NULL;
	d->entries = NULL;
	d->nlines = d->nentries = 0;
}

juste_status invoicing_printed(struct app *a, struct invoice_doc *d, int *copy, struct juste_err *e)
{
	*copy = 0;
	if (!vocab_invoice_status_final(d->rec.status))
		return JUSTE_OK;
	juste_status st = app_require(a, ROLES_READ, _("imprimer les factures"), e);
	if (!st)
		st = store_invoice_reprint(a->store, d->rec.id, e);
	if (!st) {
		*copy = d->rec.reprints > 0;
		d->rec.reprints++;
	}
	return st;
}

juste_status invoicing_journal(struct app *a, const char *from, const char *to, invoicing_cb cb, void *ctx,
	struct juste_err *e)
{
	juste_status st = app_require(a, ROLES_WRITE, _("produire le journal des ventes"), e);
	if (st)
		return st;
	static const enum invoice_status issued = INVOICE_STATUS_ISSUED;
	struct invoice_filter f = { .status = &issued, .from = from, .to = to };
	return store_invoice_list(a->store, &f, cb, ctx, e);
}

struct pdf_month {
	int64_t *ids;
	size_t n, cap;
	int oom;
};

static int on_pdf_month(void *ctx, const struct invoice_rec *r)
{
	struct pdf_month *m = ctx;
	if (mem_grow((void **)&m->ids, &m->cap, m->n + 1, sizeof *m->ids)) {
		m->oom = 1;
		return 1;
	}
	m->ids[m->n++] = r->id;
	return 0;
}

juste_status invoicing_detail(struct app *a, const struct invoice_doc *d, int asked, int *detail, struct juste_err *e)
{
	if (asked != INVOICING_DETAIL_CLIENT) {
		*detail = asked ? 1 : 0;
		return JUSTE_OK;
	}
	struct org o;
	juste_status st = store_org_get(a->store, d->rec.client_code, &o, e);
	if (st)
		return st;
	*detail = !o.invoice_without_detail;
	return JUSTE_OK;
}

juste_status invoicing_pdf_month(struct app *a, const char *month, const char *org, const char *dir, int detail,
	invoicing_file_cb cb, void *ctx, struct juste_err *e)
{
	juste_status st = app_require(a, ROLES_WRITE, _("imprimer les factures du mois"), e);
	if (st)
		return st;
	char period[PERIOD_LEN];
	st = invoice_period_parse(month, period, NULL, NULL, e);
	if (st)
		return err_prefix(e, N_("mois : "));
	if (mkdir(dir, 0775) != 0 && errno != EEXIST)
		return err_set(e, JUSTE_EIO, N_("impossible de créer le dossier %s : %s"), dir, strerror(errno));
	struct pdf_month m = { 0 };
	static const enum invoice_status issued = INVOICE_STATUS_ISSUED;
	struct invoice_filter f = { .period = period, .client = org, .status = &issued };
	st = store_invoice_list(a->store, &f, on_pdf_month, &m, e);
	if (!st && m.oom)
		st = err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	struct invoice_doc d;
	memset(&d, 0, sizeof d);
	for (size_t i = 0; !st && i < m.n; i++) {
		st = invoicing_load_id(a, m.ids[i], &d, e);
		int copy = 0;
		char path[4096];
		if (!st && snprintf(path, sizeof path, "%s/%s.pdf", dir, d.rec.number) >= (int)sizeof path)
			st = err_set(e, JUSTE_EINVAL, N_("chemin trop long : %s"), dir);
		/* counted once written, so a failed write is no print */
		int with_detail = 1;
		if (!st)
			st = invoicing_detail(a, &d, detail, &with_detail, e);
		if (!st)
			st = invoice_pdf_write(&a->policy, &d, d.rec.reprints > 0, with_detail, path, e);
		if (!st)
			st = invoicing_printed(a, &d, &copy, e);
		if (!st && cb && cb(ctx, &d.rec, path))
			i = m.n;
		invoicing_doc_free(&d);
	}
	free(m.ids);
	invoice_pdf_shutdown();
	return st;
}
