/*
 * pricing.c - the rate that applies to an hour, and its amount.
 *
 * The book is one array sorted so that every lookup is a binary search:
 * negotiated rates by (key, valid_from), table rows by (valid_from, table,
 * service, category).  The table in force is found first and its row
 * second, so that a row missing from the newest table is an error and never
 * falls back to an older table's rate.  Nothing here allocates per lookup:
 * a million entries are priced in well under a second.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juste/invoice.h"
#include "juste/money.h"
#include "juste/pricing.h"

#ifndef N_
#define N_(s) (s)
#endif

static const char *tr(const char *s)
{
	return err_translate ? err_translate(s) : s;
}

void pricing_book_init(struct rate_book *b)
{
	memset(b, 0, sizeof *b);
}

void pricing_book_free(struct rate_book *b)
{
	if (!b)
		return;
	free(b->rows);
	memset(b, 0, sizeof *b);
}

juste_status pricing_book_add(struct rate_book *b, const struct rate_row *r, struct juste_err *e)
{
	if (r->rule != RATE_MANDATE && r->rule != RATE_ORG_SERVICE && r->rule != RATE_TABLE)
		return err_set(e, JUSTE_EINVAL, N_("taux #%lld : règle inconnue"), (long long)r->id);
	if (r->rate_cents <= 0)
		return err_set(e, JUSTE_EINVAL, N_("taux #%lld : un taux doit être positif"), (long long)r->id);
	if (strlen(r->valid_from) != ISO_LEN - 1)
		return err_set(e, JUSTE_EINVAL, N_("taux #%lld : date de début manquante"), (long long)r->id);
	if (b->n == b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 64;
		struct rate_row *rows = realloc(b->rows, cap * sizeof *rows);
		if (!rows)
			return err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
		b->rows = rows;
		b->cap = cap;
	}
	b->rows[b->n++] = *r;
	b->sorted = 0;
	return JUSTE_OK;
}

static int cmp_i64(int64_t a, int64_t b)
{
	return a < b ? -1 : a > b;
}

/* A table's rows of one service, by the word of their category: the
 * order its listings and exports have always shown. */
static int cmp_category(enum org_category a, enum org_category b)
{
	return strcmp(vocab_category_word(a), vocab_category_word(b));
}

/* The order of the key that a lookup fixes, before valid_from. */
static int cmp_key(const struct rate_row *a, enum rate_rule rule, int64_t k1, int64_t k2)
{
	int c = cmp_i64(a->rule, rule);
	if (c)
		return c;
	if (rule == RATE_MANDATE)
		return cmp_i64(a->mandate_id, k1);
	if (rule == RATE_ORG_SERVICE) {
		c = cmp_i64(a->org_id, k1);
		return c ? c : cmp_i64(a->service_id, k2);
	}
	return 0;   /* tables: valid_from comes first */
}

static int cmp_rows(const void *pa, const void *pb)
{
	const struct rate_row *a = pa, *b = pb;
	int c = cmp_i64(a->rule, b->rule);
	if (c)
		return c;
	switch (a->rule) {
	case RATE_MANDATE:
		c = cmp_i64(a->mandate_id, b->mandate_id);
		break;
	case RATE_ORG_SERVICE:
		c = cmp_i64(a->org_id, b->org_id);
		if (!c)
			c = cmp_i64(a->service_id, b->service_id);
		break;
	default:
		c = strcmp(a->valid_from, b->valid_from);
		if (!c)
			c = cmp_i64(a->table_id, b->table_id);
		if (!c)
			c = cmp_i64(a->service_id, b->service_id);
		if (!c)
			c = cmp_category(a->category, b->category);
		return c ? c : cmp_i64(a->id, b->id);
	}
	if (!c)
		c = strcmp(a->valid_from, b->valid_from);
	return c ? c : cmp_i64(a->id, b->id);
}

static void book_sort(struct rate_book *b)
{
	if (!b->sorted) {
		if (b->n > 1)
			qsort(b->rows, b->n, sizeof *b->rows, cmp_rows);
		b->sorted = 1;
	}
}

/* Index of the last row <= the probe (rule, k1, k2, date, +inf), or -1. */
static long last_at_or_before(const struct rate_book *b, enum rate_rule rule, int64_t k1, int64_t k2,
	const char *date)
{
	size_t lo = 0, hi = b->n;   /* first row > probe is in [lo, hi] */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct rate_row *r = &b->rows[mid];
		int c = cmp_key(r, rule, k1, k2);
		if (c < 0 || (c == 0 && strcmp(r->valid_from, date) <= 0))
			lo = mid + 1;
		else
			hi = mid;
	}
	return (long)lo - 1;
}

const struct rate_row *pricing_lookup(struct rate_book *b, enum rate_rule rule,
	const struct price_query *q, const struct rate_row **ended)
{
	if (ended)
		*ended = NULL;
	if (!b || !q || !q->work_date)
		return NULL;
	book_sort(b);
	if (rule == RATE_TABLE) {
		size_t n;
		const struct rate_row *t = pricing_table_at(b, q->work_date, &n);
		if (!t)
			return NULL;
		size_t lo = 0, hi = n;   /* the table's rows, by (service, category) */
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			const struct rate_row *r = &t[mid];
			int c = cmp_i64(r->service_id, q->service_id);
			if (!c)
				c = cmp_category(r->category, q->category);
			if (c == 0)
				return r;
			if (c < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		return NULL;
	}
	int64_t k1 = rule == RATE_MANDATE ? q->mandate_id : q->client_id;
	int64_t k2 = rule == RATE_MANDATE ? 0 : q->service_id;
	if (k1 <= 0)
		return NULL;
	long i = last_at_or_before(b, rule, k1, k2, q->work_date);
	if (i < 0 || cmp_key(&b->rows[i], rule, k1, k2) != 0)
		return NULL;
	const struct rate_row *r = &b->rows[i];
	if (r->valid_to[0] && strcmp(r->valid_to, q->work_date) < 0) {
		if (ended)
			*ended = r;
		return NULL;
	}
	return r;
}

const struct rate_row *pricing_table_at(struct rate_book *b, const char *date, size_t *count)
{
	if (count)
		*count = 0;
	if (!b || !date)
		return NULL;
	book_sort(b);
	long i = last_at_or_before(b, RATE_TABLE, 0, 0, date);
	if (i < 0 || b->rows[i].rule != RATE_TABLE)
		return NULL;
	/* rows i, i-1, ... of the same table: binary search for its first row */
	int64_t tid = b->rows[i].table_id;
	const char *from = b->rows[i].valid_from;
	size_t lo = 0, hi = (size_t)i;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct rate_row *r = &b->rows[mid];
		int c = cmp_i64(r->rule, RATE_TABLE);
		if (!c)
			c = strcmp(r->valid_from, from);
		if (!c)
			c = cmp_i64(r->table_id, tid);
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (count)
		*count = (size_t)i + 1 - lo;
	return &b->rows[lo];
}

juste_status pricing_price(struct rate_book *b, const struct price_query *q, struct priced *out,
	struct juste_err *e)
{
	memset(out, 0, sizeof *out);
	const struct rate_row *r = pricing_lookup(b, RATE_MANDATE, q, NULL);
	if (!r)
		r = pricing_lookup(b, RATE_ORG_SERVICE, q, NULL);
	if (!r)
		r = pricing_lookup(b, RATE_TABLE, q, NULL);
	if (!r) {
		char who[96];
		const char *mc = q->mandate_code ? q->mandate_code : "?";
		const char *wd = q->work_date ? q->work_date : "?";
		if (q->entry_id > 0)
			snprintf(who, sizeof who, tr(N_("saisie #%lld (%s, %s)")), (long long)q->entry_id, mc, wd);
		else
			snprintf(who, sizeof who, tr(N_("mandat %s le %s")), mc, wd);
		if (!pricing_table_at(b, q->work_date, NULL))
			return err_set(e, JUSTE_ENOTFOUND,
				N_("%s : aucun taux : ni taux négocié, ni table de taux en vigueur à cette date"), who);
		return err_set(e, JUSTE_ENOTFOUND,
			N_("%s : aucun taux : ni taux négocié, ni ligne pour ce service et la catégorie « %s » dans la table en vigueur"),
			who, vocab_category_word(q->category));
	}
	out->rate_cents = r->rate_cents;
	out->billed_minutes = invoice_billed_minutes((int)q->minutes, q->increment);
	out->amount_cents = money_line_amount(out->billed_minutes, r->rate_cents);
	out->row = r;
	return JUSTE_OK;
}

int pricing_increment(int mandate_increment, int client_increment)
{
	return mandate_increment > 0 ? mandate_increment : client_increment > 0 ? client_increment : 0;
}

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"

char *pricing_explain(const struct priced *p, char *buf, size_t n)
{
	char money[MONEY_BUF], until[64] = "";
	const struct rate_row *r = p ? p->row : NULL;
	if (!r) {
		snprintf(buf, n, "%s", tr(N_("aucun taux")));
		return buf;
	}
	money_format_fr(p->rate_cents ? p->rate_cents : r->rate_cents, money, sizeof money);
	if (r->rule != RATE_TABLE && r->valid_to[0])
		snprintf(until, sizeof until, tr(N_(" jusqu'au %s")), r->valid_to);
	switch (r->rule) {
	case RATE_MANDATE:
		snprintf(buf, n, tr(N_("taux négocié du mandat %s, depuis le %s%s → %s/h")),
			r->mandate_code, r->valid_from, until, money);
		break;
	case RATE_ORG_SERVICE:
		snprintf(buf, n, tr(N_("taux négocié de l'organisation %s, service %s, depuis le %s%s → %s/h")),
			r->org_code, r->service_code, r->valid_from, until, money);
		break;
	default:
		snprintf(buf, n, tr(N_("table %s, service %s, catégorie %s → %s/h")),
			r->valid_from, r->service_code, vocab_category_word(r->category), money);
		break;
	}
	return buf;
}

char *pricing_rule_short(const struct rate_row *r, char *buf, size_t n)
{
	if (!r)
		snprintf(buf, n, "%s", tr(N_("aucun taux")));
	else if (r->rule == RATE_MANDATE)
		snprintf(buf, n, "%s", tr(N_("négocié mandat")));
	else if (r->rule == RATE_ORG_SERVICE)
		snprintf(buf, n, tr(N_("négocié org. %s")), r->org_code);
	else
		snprintf(buf, n, tr(N_("table %s")), r->valid_from);
	return buf;
}

#pragma GCC diagnostic pop

const char *pricing_rule_word(enum rate_rule r)
{
	switch (r) {
	case RATE_MANDATE: return "mandate";
	case RATE_ORG_SERVICE: return "org_service";
	case RATE_TABLE: return "table";
	default: return "none";
	}
}
