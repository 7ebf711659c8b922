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

juste_status invoice_group_add(struct invoice_group *g, const struct invoice_item *it, struct juste_err *e)
{
	if (it->rate_cents <= 0 || it->rate_cents != g->rate_cents || it->logged_minutes <= 0
	    || it->billed_minutes < it->logged_minutes)
		return err_set(e, JUSTE_EINVAL, N_("saisie #%lld : taux ou durée invalide"), (long long)it->entry_id);
	g->count++;
	g->logged_minutes += it->logged_minutes;
	g->billed_minutes += it->billed_minutes;
	g->amount_cents = money_line_amount(g->billed_minutes, g->rate_cents);
	return JUSTE_OK;
}

/* What is left of one line of the invoice, never below zero: a tax an
 * older note over-credited is not credited back. */
static int64_t left_of(int64_t charged, int64_t credited)
{
	int64_t left = charged + credited;
	return left > 0 ? left : 0;
}

juste_status invoice_credit(const struct invoice_amounts *inv, const struct invoice_amounts *credited,
	int64_t amount_cents, int32_t tps_rate, int32_t tvq_rate, int exempt, struct invoice_amounts *out,
	int *full, struct juste_err *e)
{
	char a[MONEY_BUF], l[MONEY_BUF];
	int64_t left_sub = left_of(inv->subtotal_cents, credited->subtotal_cents);
	int64_t left_tps = left_of(inv->tps_cents, credited->tps_cents);
	int64_t left_tvq = left_of(inv->tvq_cents, credited->tvq_cents);
	*full = 0;
	memset(out, 0, sizeof *out);
	if (amount_cents < 0)
		return err_set(e, JUSTE_EINVAL, N_("montant à créditer invalide : %s (il doit être positif, avant taxes)"),
			money_format_fr(amount_cents, a, sizeof a));
	if (amount_cents > left_sub)
		return err_set(e, JUSTE_EINVAL, N_("montant à créditer %s supérieur au solde créditable de la facture (%s avant taxes)"),
			money_format_fr(amount_cents, a, sizeof a), money_format_fr(left_sub, l, sizeof l));
	if (amount_cents == 0 || amount_cents == left_sub) {
		/* the closing credit: what is left, to the cent, on every line */
		if (left_sub == 0 && left_tps == 0 && left_tvq == 0)
			return err_set(e, JUSTE_ECONFLICT, N_("rien à créditer : la facture est déjà entièrement créditée"));
		out->subtotal_cents = -left_sub;
		out->tps_cents = exempt ? 0 : -left_tps;
		out->tvq_cents = exempt ? 0 : -left_tvq;
		*full = 1;
	} else {
		invoice_amounts(-amount_cents, tps_rate, tvq_rate, exempt, out);
		/* the formula, but never more of a tax than is still uncredited:
		 * two halves of an invoice would otherwise give back a cent more
		 * than it charged (50,00 + 49,99 on 99,99: 4,99 + 4,99 of TVQ on
		 * 9,97) */
		if (-out->tps_cents > left_tps)
			out->tps_cents = -left_tps;
		if (-out->tvq_cents > left_tvq)
			out->tvq_cents = -left_tvq;
	}
	out->total_cents = out->subtotal_cents + out->tps_cents + out->tvq_cents;
	return JUSTE_OK;
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

juste_status invoice_issue_date_check(date_t issued, date_t today, date_t first, date_t last,
	date_t last_numbered, int early, struct juste_err *e)
{
	char d[DATE_BUF], t[DATE_BUF], f[DATE_BUF], l[DATE_BUF], p[DATE_BUF];
	date_format(issued, d);
	date_format(today, t);
	date_format(first, f);
	date_format(last, l);
	if (issued > today)
		return err_set(e, JUSTE_EINVAL, N_("date d'émission %s dans le futur (aujourd'hui : %s)"), d, t);
	if (today <= last && !early)
		return err_set(e, JUSTE_EINVAL, N_("le mois %.7s n'est pas terminé (il finit le %s) : --early pour le facturer "
			"quand même, avec le travail saisi jusqu'à la date d'émission"), f, l);
	if (issued < first)
		return err_set(e, JUSTE_EINVAL, N_("date d'émission %s antérieure au mois facturé (%.7s)"), d, f);
	if (issued < last && !early)
		return err_set(e, JUSTE_EINVAL, N_("date d'émission %s antérieure à la fin du mois facturé (%s) : "
			"une facture ne précède pas le travail qu'elle facture"), d, l);
	if (last_numbered > 0 && issued < last_numbered)
		return err_set(e, JUSTE_EINVAL, N_("date d'émission %s antérieure à la dernière facture numérotée (%s) : "
			"les numéros suivent les dates"), d, date_format(last_numbered, p));
	return JUSTE_OK;
}

juste_status invoice_credit_date_check(date_t issued, date_t today, date_t invoice_issued,
	date_t last_numbered, struct juste_err *e)
{
	char d[DATE_BUF], t[DATE_BUF];
	date_format(issued, d);
	if (issued > today)
		return err_set(e, JUSTE_EINVAL, N_("date de la note de crédit %s dans le futur (aujourd'hui : %s)"), d,
			date_format(today, t));
	if (issued < invoice_issued)
		return err_set(e, JUSTE_EINVAL, N_("date de la note de crédit %s antérieure à la facture (%s)"), d,
			date_format(invoice_issued, t));
	if (last_numbered > 0 && issued < last_numbered)
		return err_set(e, JUSTE_EINVAL, N_("date de la note de crédit %s antérieure à la dernière note numérotée (%s) : "
			"les numéros suivent les dates"), d, date_format(last_numbered, t));
	return JUSTE_OK;
}

/* a * b / c rounded half away from zero, without overflow; c > 0. */
static int64_t mul_div_round(int64_t a, int64_t b, int64_t c)
{
	__int128 num = (__int128)a * b;
	__int128 q = num / c, r = num % c;
	if (r < 0)
		r = -r;
	if (2 * r >= c)
		q += num < 0 ? -1 : 1;
	return (int64_t)q;
}

int64_t invoice_entry_share(int64_t line_amount, int64_t line_minutes, int64_t before, int64_t minutes)
{
	if (line_minutes <= 0)
		return 0;
	return mul_div_round(line_amount, before + minutes, line_minutes)
		- mul_div_round(line_amount, before, line_minutes);
}

/* ------------------------------------------------------------- records */

enum invoice_state invoice_state(const struct invoice_rec *r)
{
	if (!vocab_invoice_status_final(r->status))
		return r->nblockers > 0 ? INVOICE_STATE_HELD : INVOICE_STATE_DRAFT;
	if (vocab_invoice_kind_credit(r->kind))
		return INVOICE_STATE_ISSUED;
	if (r->fully_credited)
		return INVOICE_STATE_CREDITED;
	if (r->payments_known && r->paid_cents > 0)
		return r->open_cents > 0 ? INVOICE_STATE_PARTLY_PAID : INVOICE_STATE_PAID;
	return r->credited_cents != 0 || r->ncredits > 0 ? INVOICE_STATE_PARTLY_CREDITED : INVOICE_STATE_ISSUED;
}

void invoice_blocker_add(struct invoice_rec *r, const struct invoice_blocker *b)
{
	if (r->nblockers < INVOICE_BLOCKERS_MAX)
		r->blockers[r->nblockers++] = *b;
}

static const char *tr(const char *s)
{
	return err_translate ? err_translate(s) : s;
}

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"

char *invoice_blocker_text(const struct invoice_rec *r, const struct invoice_blocker *b, char *buf, size_t n)
{
	char who[128];
	if (b->kind == BLOCKER_NO_TABLE || b->kind == BLOCKER_NO_RATE)
		snprintf(who, sizeof who, tr(N_("saisie #%lld (%s, %s)")), (long long)b->entry, b->mandate, b->date);
	switch (b->kind) {
	case BLOCKER_NO_ADDRESS:
		snprintf(buf, n, tr(N_("adresse de facturation manquante : complétez l'organisation %s "
			"(colonne address de « juste import orgs »)")), r->client_code);
		break;
	case BLOCKER_NO_TABLE:
		snprintf(buf, n, tr(N_("%s : aucun taux : ni taux négocié, ni table de taux en vigueur à cette date")), who);
		break;
	case BLOCKER_NO_RATE:
		snprintf(buf, n, tr(N_("%s : aucun taux : ni taux négocié, ni ligne pour ce service et la catégorie du client "
			"dans la table en vigueur")), who);
		break;
	case BLOCKER_MORE:
		snprintf(buf, n, tr(N_("… et %d autres saisies sans taux")), b->count);
		break;
	case BLOCKER_UNAPPROVED: {
		/* the week is named by its Monday: what the manager approves */
		date_t d;
		char monday[ISO_LEN] = "";
		if (date_parse(b->date, &d, NULL) == JUSTE_OK)
			date_format(date_monday(d), monday);
		snprintf(buf, n, tr(N_("saisie #%lld (%s, %s) : semaine du %s non approuvée")), (long long)b->entry,
			b->mandate, b->date, monday);
		break;
	}
	case BLOCKER_UNAPPROVED_MORE:
		snprintf(buf, n, tr(N_("… et %d autres saisies de semaines non approuvées")), b->count);
		break;
	case BLOCKER_UNAPPROVED_ALL:
		snprintf(buf, n, tr(N_("%d saisie(s) de semaines non approuvées (approval.required_for_billing) : "
			"faites approuver les semaines (juste week approve) puis refaites le brouillon")), b->count);
		break;
	case BLOCKER_UNPRICED:
		snprintf(buf, n, tr(N_("%d saisie(s) sans taux : ajoutez le taux manquant (juste rate …) puis refaites le brouillon")),
			b->count);
		break;
	default:
		snprintf(buf, n, "%s", tr(N_("brouillon d'une version antérieure de juste : refaites les brouillons du mois")));
		break;
	}
	return buf;
}

#pragma GCC diagnostic pop

void invoice_blockers_format(const struct invoice_rec *r, char *buf, size_t n)
{
	size_t len = 0;
	if (n)
		buf[0] = '\0';
	for (int i = 0; i < r->nblockers && len < n; i++) {
		const struct invoice_blocker *b = &r->blockers[i];
		int k = snprintf(buf + len, n - len, "%s%s\t%s\t%lld\t%s\t%d", i ? "\n" : "", vocab_blocker_word(b->kind),
			b->mandate, (long long)b->entry, b->date, b->count);
		if (k < 0)
			break;
		len += (size_t)k;
	}
}

/* One stored line, "word\tmandate\tentry\tdate\tcount"; 0 when it is not. */
static int blocker_parse(const char *line, size_t len, struct invoice_blocker *b)
{
	char buf[256];
	if (len >= sizeof buf)
		return 0;
	memcpy(buf, line, len);
	buf[len] = '\0';
	char *f[5];
	int nf = 0;
	char *p = buf;
	for (;;) {
		if (nf == 5)
			return 0;
		f[nf++] = p;
		char *tab = strchr(p, '\t');
		if (!tab)
			break;
		*tab = '\0';
		p = tab + 1;
	}
	if (nf != 5 || strlen(f[1]) >= sizeof b->mandate || strlen(f[3]) >= sizeof b->date)
		return 0;
	memset(b, 0, sizeof *b);
	if (vocab_blocker_parse(f[0], &b->kind, NULL) != JUSTE_OK)
		return 0;
	char *end;
	b->entry = strtoll(f[2], &end, 10);
	if (*end)
		return 0;
	long c = strtol(f[4], &end, 10);
	if (*end || c < 0 || c > INT_MAX)
		return 0;
	b->count = (int)c;
	snprintf(b->mandate, sizeof b->mandate, "%s", f[1]);
	snprintf(b->date, sizeof b->date, "%s", f[3]);
	return 1;
}

void invoice_blockers_parse(const char *text, struct invoice_rec *r)
{
	r->nblockers = 0;
	for (const char *p = text; p && *p;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		struct invoice_blocker b;
		if (!blocker_parse(p, len, &b)) {
			r->nblockers = 0;
			invoice_blocker_add(r, &(struct invoice_blocker){ .kind = BLOCKER_STALE });
			return;
		}
		invoice_blocker_add(r, &b);
		if (!nl)
			break;
		p = nl + 1;
	}
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
