/*
 * policy.c - the centre's policy keys: one table gives each key its type,
 * its field, whether it is dated, and its documentation; parsing, defaults,
 * `settings show` and the legacy juste.ini import all read it.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <limits.h>

#include "juste/cmdline.h"
#include "juste/invoice.h"
#include "juste/money.h"
#include "juste/policy.h"
#include "juste/rules.h"

#ifndef N_
#define N_(s) (s)
#endif

enum ptype { P_TEXT, P_TAXNUM_TPS, P_TAXNUM_TVQ, P_FYSTART, P_TAXRATE_TPS, P_TAXRATE_TVQ, P_PATTERN, P_INT, P_CHOICE, P_COMMAND };

struct pkey {
	struct policy_key pub;
	enum ptype type;
	size_t offset, size;     /* field in struct policy (text and int kinds) */
	const char *arg;         /* P_INT: "min|max"; P_CHOICE: "A4|Letter" */
};

#define F(field) offsetof(struct policy, field), sizeof(((struct policy *)0)->field)
#define NOF 0, 0

static const struct pkey keys[] = {
	{ { "centre.name", false, N_("raison sociale du centre, imprimée sur les factures") }, P_TEXT, F(centre_name), NULL },
	{ { "centre.address", false, N_("adresse du centre (\\n pour un saut de ligne)") }, P_TEXT, F(centre_address), NULL },
	{ { "centre.phone", false, N_("téléphone du centre") }, P_TEXT, F(centre_phone), NULL },
	{ { "centre.email", false, N_("courriel du centre") }, P_TEXT, F(centre_email), NULL },
	{ { "centre.tps_number", false, N_("numéro de TPS : 9 chiffres, RT, 4 chiffres (123456789RT0001)") }, P_TAXNUM_TPS, F(tps_number), NULL },
	{ { "centre.tvq_number", false, N_("numéro de TVQ : 10 chiffres, TQ, 4 chiffres (1234567890TQ0001)") }, P_TAXNUM_TVQ, F(tvq_number), NULL },
	{ { "fiscal.year_start", false, N_("premier jour de l'exercice, MM-JJ (04-01)") }, P_FYSTART, NOF, NULL },
	{ { "taxes.tps_rate", true, N_("taux de TPS en pour cent (5), daté : en vigueur à partir de --from") }, P_TAXRATE_TPS, NOF, NULL },
	{ { "taxes.tvq_rate", true, N_("taux de TVQ en pour cent (9.975), daté : en vigueur à partir de --from") }, P_TAXRATE_TVQ, NOF, NULL },
	{ { "invoice.number_pattern", false, N_("numéros de facture : {year} et {seq:N} (F{year}-{seq:4})") }, P_PATTERN, F(invoice_pattern), NULL },
	{ { "invoice.credit_pattern", false, N_("numéros de note de crédit : {year} et {seq:N} (NC{year}-{seq:4})") }, P_PATTERN, F(credit_pattern), NULL },
	{ { "invoice.payment_days", false, N_("délai de paiement en jours (0 à 365)") }, P_INT, F(payment_days), "0|365" },
	{ { "invoice.payment_terms", false, N_("conditions de paiement imprimées (Net 30 jours)") }, P_TEXT, F(payment_terms), NULL },
	{ { "invoice.payment_instructions", false, N_("comment payer, imprimé sous les conditions (\\n pour un saut de ligne)") }, P_TEXT, F(payment_instructions), NULL },
	{ { "invoice.paper", false, N_("format du papier des PDF : A4 ou Letter") }, P_CHOICE, F(paper), "A4|Letter" },
	{ { "calendar.easter_holiday", false, N_("jour férié de Pâques choisi par l'employeur : vendredi_saint ou lundi_de_paques") }, P_CHOICE, F(easter_holiday), POLICY_EASTER_CHOICES },
	{ { "approval.required_for_billing", false, N_("1 : seules les semaines approuvées sont facturées (les autres bloquent le brouillon) ; 0 : toutes") }, P_INT, F(approval_required), "0|1" },
#define LEDGER_KEY(e, w, l, def, doc) { { "ledger." w, false, doc }, P_TEXT, F(ledger_accounts[e]), NULL },
	LEDGER_ACCOUNT_INFO(LEDGER_KEY)
#undef LEDGER_KEY
#define REMINDER_KEY(e, w, l, def, doc) { { "reminders." w "_days", false, doc }, P_INT, F(reminder_days[e]), "1|365" },
	REMINDER_LEVEL_INFO(REMINDER_KEY)
#undef REMINDER_KEY
	{ { "mail.sendmail", false, N_("commande qui remet les courriels, le message sur son entrée (/usr/sbin/sendmail -t -i) : "
		"chemin absolu, mots séparés par des espaces, guillemets '…' ou \"…\", sans shell") }, P_COMMAND, F(mail_sendmail), NULL },
};

#define NKEYS (sizeof keys / sizeof keys[0])

size_t policy_key_count(void)
{
	return NKEYS;
}

const struct policy_key *policy_key_at(size_t i)
{
	return i < NKEYS ? &keys[i].pub : NULL;
}

static const struct pkey *find(const char *name)
{
	for (size_t i = 0; i < NKEYS; i++)
		if (strcmp(keys[i].pub.name, name) == 0)
			return &keys[i];
	return NULL;
}

const struct policy_key *policy_key_find(const char *name)
{
	const struct pkey *k = find(name);
	return k ? &k->pub : NULL;
}

/* The shipped example's tax numbers: well formed, and no registrant's. */
#define EXAMPLE_TPS "123456789RT0001"
#define EXAMPLE_TVQ "1234567890TQ0001"

void policy_defaults(struct policy *p)
{
	memset(p, 0, sizeof *p);
	snprintf(p->centre_name, sizeof p->centre_name, "%s", "Consortium de ressources et d'expertises coopératives");
	snprintf(p->centre_address, sizeof p->centre_address, "%s", "5955, rue Saint-Laurent, bureau 201\nLévis (Québec)  G6V 3P5");
	snprintf(p->centre_phone, sizeof p->centre_phone, "%s", "418 622-1001");
	snprintf(p->centre_email, sizeof p->centre_email, "%s", "facturation@consortium.coop");
	snprintf(p->tps_number, sizeof p->tps_number, "%s", EXAMPLE_TPS);
	snprintf(p->tvq_number, sizeof p->tvq_number, "%s", EXAMPLE_TVQ);
	p->fy_start = FY_START_DEFAULT;
	p->ntps = p->ntvq = 1;
	p->tps[0] = (struct policy_rate){ POLICY_ALWAYS, 5000 };
	p->tvq[0] = (struct policy_rate){ POLICY_ALWAYS, 9975 };
	snprintf(p->invoice_pattern, sizeof p->invoice_pattern, "%s", "F{year}-{seq:4}");
	snprintf(p->credit_pattern, sizeof p->credit_pattern, "%s", "NC{year}-{seq:4}");
	p->payment_days = 30;
	/* a msgid: a document in English prints the default terms translated */
	snprintf(p->payment_terms, sizeof p->payment_terms, "%s", N_("Net 30 jours"));
	snprintf(p->paper, sizeof p->paper, "%s", "A4");
	snprintf(p->easter_holiday, sizeof p->easter_holiday, "%s", POLICY_GOOD_FRIDAY);
	p->approval_required = 0;
#define LEDGER_DEFAULT(e, w, l, def, doc) snprintf(p->ledger_accounts[e], sizeof p->ledger_accounts[e], "%s", def);
	LEDGER_ACCOUNT_INFO(LEDGER_DEFAULT)
#undef LEDGER_DEFAULT
#define REMINDER_DEFAULT(e, w, l, def, doc) p->reminder_days[e] = def;
	REMINDER_LEVEL_INFO(REMINDER_DEFAULT)
#undef REMINDER_DEFAULT
	snprintf(p->mail_sendmail, sizeof p->mail_sendmail, "%s", POLICY_SENDMAIL_DEFAULT);
}

/* The name, address and telephone of the example are the Consortium's own
 * (its annual report, the demo): only the tax numbers cannot be a real
 * centre's, so they are what tells the example from a centre set up. */
const char *policy_example_key(const struct policy *p)
{
	if (strcmp(p->tps_number, EXAMPLE_TPS) == 0)
		return "centre.tps_number";
	if (strcmp(p->tvq_number, EXAMPLE_TVQ) == 0)
		return "centre.tvq_number";
	return NULL;
}

bool policy_is_example(const struct policy *p)
{
	return policy_example_key(p) != NULL;
}

static int all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* 9 digits + RT + 4 digits (TPS/GST), 10 digits + TQ + 4 digits (TVQ/QST). */
static int taxnum_valid(const char *s, size_t digits, const char *mid)
{
	size_t n = strlen(s);
	return n == digits + 6 && all_digits(s, digits) && strncmp(s + digits, mid, 2) == 0
		&& all_digits(s + digits + 2, 4);
}

bool policy_pattern_valid(const char *p)
{
	const char *seq = strstr(p, "{seq");
	if (!seq || strstr(seq + 1, "{seq") || !strstr(p, "{year}"))
		return false;
	if (strncmp(seq, "{seq}", 5) != 0) {
		int w = 0;
		char close = 0;
		if (sscanf(seq, "{seq:%d%c", &w, &close) != 2 || close != '}' || w < 1 || w > 9)
			return false;
	}
	for (const char *q = p; (q = strchr(q, '{')); q++)
		if (strncmp(q, "{seq", 4) != 0 && strncmp(q, "{year}", 6) != 0)
			return false;
	return true;
}

/* Inserts or replaces the value dated `from`, keeping the list ascending. */
static juste_status dated_put(struct policy_rate *list, int *n, date_t from, int32_t rate, const char *key,
	struct juste_err *e)
{
	int i = 0;
	while (i < *n && list[i].from < from)
		i++;
	if (i < *n && list[i].from == from) {
		list[i].rate = rate;
		return JUSTE_OK;
	}
	if (*n >= POLICY_DATED_MAX)
		return err_set(e, JUSTE_EINVAL, N_("%s : trop de valeurs datées (%d au plus)"), key, POLICY_DATED_MAX);
	memmove(&list[i + 1], &list[i], (size_t)(*n - i) * sizeof *list);
	list[i] = (struct policy_rate){ from, rate };
	(*n)++;
	return JUSTE_OK;
}

static int32_t dated_at(const struct policy_rate *list, int n, date_t on)
{
	int32_t r = 0;
	for (int i = 0; i < n && list[i].from <= on; i++)
		r = list[i].rate;
	return r;
}

/* Text values: "\n" written in a value stands for a line break (addresses),
 * and no other control character is accepted. */
static juste_status set_text(char *field, size_t size, const char *key, const char *v, struct juste_err *e)
{
	/* built aside, so that a refused value leaves the field as it was */
	char buf[POLICY_VALUE_LEN];
	if (size > sizeof buf)
		size = sizeof buf;
	size_t j = 0;
	for (size_t i = 0; v[i]; i++) {
		char c = v[i];
		if (c == '\\' && v[i + 1] == 'n') {
			c = '\n';
			i++;
		} else if ((unsigned char)c < 0x20 && c != '\n') {
			return err_set(e, JUSTE_EINVAL, N_("%s : caractère de contrôle refusé"), key);
		}
		if (j + 1 >= size)
			return err_set(e, JUSTE_EINVAL, N_("%s : valeur trop longue (%zu octets au plus)"), key, size - 1);
		buf[j++] = c;
	}
	buf[j] = '\0';
	/* the rest of the rules of a note: UTF-8, no DEL nor C1 control */
	struct juste_err sub = { 0 };
	if (rules_note_validate(key, buf, &sub))
		return err_set(e, JUSTE_EINVAL, "%s", sub.msg);
	memcpy(field, buf, j + 1);
	return JUSTE_OK;
}

juste_status policy_set(struct policy *p, const char *key, const char *valid_from, const char *v,
	struct juste_err *e)
{
	const struct pkey *k = find(key);
	if (!k)
		return err_set(e, JUSTE_EINVAL, N_("réglage inconnu : %s (voir juste settings show)"), key);
	date_t from = POLICY_ALWAYS;
	if (valid_from && *valid_from) {
		if (!k->pub.dated)
			return err_set(e, JUSTE_EINVAL, N_("%s : ce réglage n'est pas daté (pas de --from)"), key);
		struct juste_err sub = { 0 };
		if (date_parse(valid_from, &from, &sub))
			return err_set(e, JUSTE_EINVAL, "%s : %s", key, sub.msg);
	}
	if (strlen(v) >= POLICY_VALUE_LEN)
		return err_set(e, JUSTE_EINVAL, N_("%s : valeur trop longue (%d octets au plus)"), key, POLICY_VALUE_LEN - 1);
	char *field = (char *)p + k->offset;
	struct juste_err sub = { 0 };
	switch (k->type) {
	case P_TEXT:
		return set_text(field, k->size, key, v, e);
	case P_COMMAND: {
		struct cmdline cl;
		if (cmdline_split(v, &cl, &sub))
			return err_set(e, JUSTE_EINVAL, "%s : %s", key, sub.msg);
		return set_text(field, k->size, key, v, e);
	}
	case P_TAXNUM_TPS:
		if (!taxnum_valid(v, 9, "RT"))
			return err_set(e, JUSTE_EINVAL, N_("%s : numéro de TPS attendu : 9 chiffres, RT, 4 chiffres (123456789RT0001)"), key);
		snprintf(field, k->size, "%s", v);
		return JUSTE_OK;
	case P_TAXNUM_TVQ:
		if (!taxnum_valid(v, 10, "TQ"))
			return err_set(e, JUSTE_EINVAL, N_("%s : numéro de TVQ attendu : 10 chiffres, TQ, 4 chiffres (1234567890TQ0001)"), key);
		snprintf(field, k->size, "%s", v);
		return JUSTE_OK;
	case P_FYSTART:
		if (fy_start_parse(v, &p->fy_start, &sub))
			return err_set(e, JUSTE_EINVAL, "%s : %s", key, sub.msg);
		return JUSTE_OK;
	case P_TAXRATE_TPS:
	case P_TAXRATE_TVQ: {
		int32_t rate;
		if (money_rate_parse(v, &rate, &sub))
			return err_set(e, JUSTE_EINVAL, "%s : %s", key, sub.msg);
		if (k->type == P_TAXRATE_TPS)
			return dated_put(p->tps, &p->ntps, from, rate, key, e);
		return dated_put(p->tvq, &p->ntvq, from, rate, key, e);
	}
	case P_PATTERN:
		if (strlen(v) >= k->size || !policy_pattern_valid(v))
			return err_set(e, JUSTE_EINVAL, N_("%s : motif attendu avec {year} et {seq} ou {seq:N} une fois (F{year}-{seq:4}) : la numérotation recommence chaque année"), key);
		/* The longest number it can give must fit the number an invoice
		 * stores; otherwise the pattern would be refused only when
		 * issuing, month after month. */
		char longest[INVOICE_NUMBER_LEN];
		if (invoice_number_format(v, 9999, INT_MAX, longest, sizeof longest, NULL) != JUSTE_OK)
			return err_set(e, JUSTE_EINVAL, N_("%s : motif trop long : un numéro en ferait plus de %d octets"), key,
				INVOICE_NUMBER_LEN - 1);
		snprintf(field, k->size, "%s", v);
		return JUSTE_OK;
	case P_INT: {
		char *end;
		errno = 0;
		long n = strtol(v, &end, 10);
		long lo = 0, hi = 0;
		sscanf(k->arg, "%ld|%ld", &lo, &hi);
		if (errno || end == v || *end)
			return err_set(e, JUSTE_EINVAL, N_("%s : nombre entier attendu"), key);
		if (n < lo || n > hi)
			return err_set(e, JUSTE_EINVAL, N_("%s : doit être entre %ld et %ld"), key, lo, hi);
		*(int *)field = (int)n;
		return JUSTE_OK;
	}
	case P_CHOICE: {
		size_t n = strlen(v);
		for (const char *c = k->arg; c && *c;) {
			const char *bar = strchr(c, '|');
			size_t len = bar ? (size_t)(bar - c) : strlen(c);
			if (len == n && strncasecmp(c, v, n) == 0) {
				snprintf(field, k->size, "%.*s", (int)len, c);
				return JUSTE_OK;
			}
			c = bar ? bar + 1 : NULL;
		}
		return err_set(e, JUSTE_EINVAL, N_("%s : valeur « %s » inconnue, attendu : %s"), key, v, k->arg);
	}
	}
	return JUSTE_OK;
}

int32_t policy_tps_rate(const struct policy *p, date_t on)
{
	return dated_at(p->tps, p->ntps, on);
}

int32_t policy_tvq_rate(const struct policy *p, date_t on)
{
	return dated_at(p->tvq, p->ntvq, on);
}

static void rate_text(int32_t rate, char *buf, size_t n)
{
	/* thousandths of a percent as a plain decimal: 9975 -> "9.975" */
	int32_t whole = rate / 1000, frac = rate % 1000;
	if (frac == 0)
		snprintf(buf, n, "%d", (int)whole);
	else {
		char f[8];
		snprintf(f, sizeof f, "%03d", (int)frac);
		for (int i = 2; i > 0 && f[i] == '0'; i--)
			f[i] = '\0';
		snprintf(buf, n, "%d.%s", (int)whole, f);
	}
}

juste_status policy_get(const struct policy *p, const char *key, date_t on, char *buf, size_t n,
	struct juste_err *e)
{
	const struct pkey *k = find(key);
	if (!k)
		return err_set(e, JUSTE_EINVAL, N_("réglage inconnu : %s (voir juste settings show)"), key);
	const char *field = (const char *)p + k->offset;
	switch (k->type) {
	case P_TEXT:
	case P_COMMAND:
	case P_TAXNUM_TPS:
	case P_TAXNUM_TVQ:
	case P_PATTERN:
	case P_CHOICE:
		snprintf(buf, n, "%s", field);
		break;
	case P_FYSTART:
		snprintf(buf, n, "%02d-%02d", p->fy_start.month, p->fy_start.day);
		break;
	case P_TAXRATE_TPS:
		rate_text(policy_tps_rate(p, on), buf, n);
		break;
	case P_TAXRATE_TVQ:
		rate_text(policy_tvq_rate(p, on), buf, n);
		break;
	case P_INT:
		snprintf(buf, n, "%d", *(const int *)field);
		break;
	}
	return JUSTE_OK;
}

bool policy_easter_monday(const struct policy *p)
{
	return strcmp(p->easter_holiday, POLICY_EASTER_MONDAY) == 0;
}
