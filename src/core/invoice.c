/*
 * invoice.c - invoice arithmetic: billed minutes, grouping into lines,
 * taxes per invoice, credit notes, numbers and due dates.  Pure.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juste/invoice.h"
#include "juste/money.h"

#ifndef N_
#define N_(s) (s)
#endif

int invoice_billed_minutes(int minutes, int increment)
{
	if (increment <= 1 || minutes <= 0)
		return minutes;
	return (minutes + increment - 1) / increment * increment;
}

void invoice_amounts(int64_t subtotal_cents, int32_t tps_rate, int32_t tvq_rate, int exempt,
	struct invoice_amounts *out)
{
	out->subtotal_cents = subtotal_cents;
	/* Each tax on the subtotal, once per invoice: TVQ is not on TPS.
	 * money_tax rounds half away from zero, which is half up for
	 * invoices and symmetric for credit notes. */
	out->tps_cents = exempt ? 0 : money_tax(subtotal_cents, tps_rate);
	out->tvq_cents = exempt ? 0 : money_tax(subtotal_cents, tvq_rate);
	out->total_cents = out->subtotal_cents + out->tps_cents + out->tvq_cents;
}

static int item_cmp(const void *pa, const void *pb)
{
	const struct invoice_item *a = pa, *b = pb;
	if (a->mandate_order != b->mandate_order)
		return a->mandate_order < b->mandate_order ? -1 : 1;
	if (a->mandate_id != b->mandate_id)
		return a->mandate_id < b->mandate_id ? -1 : 1;
	if (a->rate_cents != b->rate_cents)
		return a->rate_cents < b->rate_cents ? -1 : 1;
	if (a->order != b->order)
		return a->order < b->order ? -1 : 1;
	return a->entry_id < b->entry_id ? -1 : a->entry_id > b->entry_id;
}

juste_status invoice_group_items(struct invoice_item *items, size_t n, struct invoice_group **groups,
	size_t *ngroups, struct juste_err *e)
{
	*groups = NULL;
	*ngroups = 0;
	if (n == 0)
		return JUSTE_OK;
	for (size_t i = 0; i < n; i++)
		if (items[i].rate_cents <= 0 || items[i].logged_minutes <= 0
		    || items[i].billed_minutes < items[i].logged_minutes)
			return err_set(e, JUSTE_EINVAL, N_("saisie #%lld : taux ou durée invalide"),
				(long long)items[i].entry_id);
	if (n > 1)
		qsort(items, n, sizeof *items, item_cmp);
	/* At most n groups; shrink would only save a few bytes. */
	struct invoice_group *g = calloc(n, sizeof *g);
	if (!g)
		return err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (k == 0 || g[k - 1].mandate_id != items[i].mandate_id || g[k - 1].rate_cents != items[i].rate_cents) {
			g[k].mandate_id = items[i].mandate_id;
			g[k].rate_cents = items[i].rate_cents;
			g[k].first = i;
			k++;
		}
		struct invoice_group *cur = &g[k - 1];
		cur->count++;
		cur->logged_minutes += items[i].logged_minutes;
		cur->billed_minutes += items[i].billed_minutes;
		items[i].line = k - 1;
	}
	/* The line's amount is on its total minutes, not a sum of rounded
	 * entry amounts: DOMAIN's rule is per line. */
	for (size_t j = 0; j < k; j++)
		g[j].amount_cents = money_line_amount(g[j].billed_minutes, g[j].rate_cents);
	*groups = g;
	*ngroups = k;
	return JUSTE_OK;
}

juste_status invoice_credit_partial(int64_t amount_cents, int64_t inv_subtotal, int64_t already_credited,
	int32_t tps_rate, int32_t tvq_rate, int exempt, struct invoice_amounts *out, struct juste_err *e)
{
	char a[MONEY_BUF], left[MONEY_BUF];
	if (amount_cents <= 0)
		return err_set(e, JUSTE_EINVAL, N_("montant à créditer invalide : %s (il doit être positif, avant taxes)"),
			money_format_fr(amount_cents, a, sizeof a));
	int64_t remaining = inv_subtotal + already_credited;
	if (amount_cents > remaining)
		return err_set(e, JUSTE_EINVAL, N_("montant à créditer %s supérieur au solde créditable de la facture (%s avant taxes)"),
			money_format_fr(amount_cents, a, sizeof a), money_format_fr(remaining, left, sizeof left));
	invoice_amounts(-amount_cents, tps_rate, tvq_rate, exempt, out);
	return JUSTE_OK;
}

void invoice_credit_full(const struct invoice_amounts *inv, const struct invoice_amounts *credited,
	struct invoice_amounts *out)
{
	out->subtotal_cents = -(inv->subtotal_cents + credited->subtotal_cents);
	out->tps_cents = -(inv->tps_cents + credited->tps_cents);
	out->tvq_cents = -(inv->tvq_cents + credited->tvq_cents);
	out->total_cents = out->subtotal_cents + out->tps_cents + out->tvq_cents;
}

unsigned invoice_verify(int kind, const struct invoice_amounts *stored, int64_t lines_cents,
	int32_t tps_rate, int32_t tvq_rate, int exempt, struct invoice_amounts *expected)
{
	if (kind == INVOICE_KIND_INVOICE) {
		/* the taxes on the subtotal the invoice states, so that a
		 * missing line shows once, as a subtotal, not as three faults */
		invoice_amounts(stored->subtotal_cents, tps_rate, tvq_rate, exempt, expected);
	} else {
		expected->tps_cents = exempt ? 0 : stored->tps_cents;
		expected->tvq_cents = exempt ? 0 : stored->tvq_cents;
	}
	expected->subtotal_cents = lines_cents;
	expected->total_cents = stored->subtotal_cents + stored->tps_cents + stored->tvq_cents;
	unsigned bad = 0;
	if (stored->subtotal_cents != expected->subtotal_cents)
		bad |= INVOICE_BAD_LINES;
	if (stored->tps_cents != expected->tps_cents)
		bad |= INVOICE_BAD_TPS;
	if (stored->tvq_cents != expected->tvq_cents)
		bad |= INVOICE_BAD_TVQ;
	if (stored->total_cents != expected->total_cents)
		bad |= INVOICE_BAD_TOTAL;
	return bad;
}

static unsigned credit_balance(int64_t charged, int64_t credited, int full, unsigned over, unsigned left)
{
	int64_t balance = charged + credited;
	if (balance < 0)
		return over;
	return full && balance > 0 ? left : 0;
}

unsigned invoice_verify_credits(const struct invoice_amounts *inv, const struct invoice_amounts *credited,
	int full)
{
	return credit_balance(inv->subtotal_cents, credited->subtotal_cents, full,
			INVOICE_OVER_SUBTOTAL, INVOICE_LEFT_SUBTOTAL)
		| credit_balance(inv->tps_cents, credited->tps_cents, full, INVOICE_OVER_TPS, INVOICE_LEFT_TPS)
		| credit_balance(inv->tvq_cents, credited->tvq_cents, full, INVOICE_OVER_TVQ, INVOICE_LEFT_TVQ);
}

juste_status invoice_number_format(const char *pattern, int year, int seq, char *buf, size_t n,
	struct juste_err *e)
{
	size_t w = 0;
	int seen_seq = 0;
	const char *p = pattern;
	if (n == 0)
		return err_set(e, JUSTE_EINVAL, N_("numéro de facture trop long"));
	while (*p) {
		char piece[32];
		size_t len;
		if (strncmp(p, "{year}", 6) == 0) {
			snprintf(piece, sizeof piece, "%04d", year);
			p += 6;
		} else if (strncmp(p, "{seq}", 5) == 0) {
			snprintf(piece, sizeof piece, "%d", seq);
			p += 5;
			seen_seq++;
		} else if (strncmp(p, "{seq:", 5) == 0) {
			char *end;
			long width = strtol(p + 5, &end, 10);
			if (end == p + 5 || *end != '}' || width < 1 || width > 9)
				return err_set(e, JUSTE_EINVAL, N_("motif de numéro invalide : %s"), pattern);
			snprintf(piece, sizeof piece, "%0*d", (int)width, seq);
			p = end + 1;
			seen_seq++;
		} else if (*p == '{') {
			return err_set(e, JUSTE_EINVAL, N_("motif de numéro invalide : %s"), pattern);
		} else {
			piece[0] = *p++;
			piece[1] = '\0';
		}
		len = strlen(piece);
		if (w + len >= n)
			return err_set(e, JUSTE_EINVAL, N_("numéro de facture trop long pour le motif %s"), pattern);
		memcpy(buf + w, piece, len);
		w += len;
	}
	buf[w] = '\0';
	if (seen_seq != 1)
		return err_set(e, JUSTE_EINVAL, N_("motif de numéro invalide : %s ({seq} une fois)"), pattern);
	return JUSTE_OK;
}

date_t invoice_due_date(date_t issued, int payment_days)
{
	return issued + (payment_days > 0 ? payment_days : 0);
}

juste_status invoice_period_parse(const char *s, char period[PERIOD_LEN], date_t *first, date_t *last,
	struct juste_err *e)
{
	int y, m;
	juste_status st = date_month_parse(s, &y, &m, e);
	if (st)
		return st;
	snprintf(period, PERIOD_LEN, "%04d-%02d", y, m);
	if (first)
		*first = date_month_first(y, m);
	if (last)
		*last = date_month_last(y, m);
	return JUSTE_OK;
}
