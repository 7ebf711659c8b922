/*
 * vocab.c - the domain's words (vocab.h): each table turned into arrays of
 * words, labels and values, one parser and one formatter for all of them.
 */
#include <stdio.h>
#include <string.h>

#include "juste/vocab.h"

#define WORD(e, w, ...) w,
#define LABEL(e, w, l, ...) l,
#define VALUE(e, ...) e,

struct table {
	const char *const *words;
	const char *const *labels;
	const int *values;
	size_t n;
	const char *field;     /* the record's field, for forms */
	const char *unknown;   /* msgid: the word, then the words accepted */
};

#define TABLE(info, field, unknown) { \
	(const char *const[]){ info(WORD) }, \
	(const char *const[]){ info(LABEL) }, \
	(const int[]){ info(VALUE) }, \
	sizeof (const int[]){ info(VALUE) } / sizeof(int), field, unknown }

static const struct table tables[VOCAB_KINDS] = {
	[VOCAB_CATEGORY] = TABLE(CATEGORY_INFO, "category", N_("catégorie inconnue '%s' (%s)")),
	[VOCAB_BILLING] = TABLE(BILLING_INFO, "billing", N_("mode de facturation inconnu '%s' (%s)")),
	[VOCAB_ROLE] = TABLE(ROLE_INFO, "role", N_("rôle inconnu '%s' (%s)")),
	[VOCAB_FUNCTION] = TABLE(FUNCTION_INFO, "function", N_("fonction inconnue '%s' (%s)")),
	[VOCAB_INVOICE_KIND] = TABLE(INVOICE_KIND_INFO, "kind", N_("genre de document inconnu '%s' (%s)")),
	[VOCAB_INVOICE_STATUS] = TABLE(INVOICE_STATUS_INFO, "status", N_("statut inconnu '%s' (%s)")),
	[VOCAB_LINE_KIND] = TABLE(LINE_KIND_INFO, "kind", N_("genre de ligne inconnu '%s' (%s)")),
	[VOCAB_ENTITY] = TABLE(ENTITY_INFO, "entity", N_("entité inconnue '%s' (%s)")),
	[VOCAB_ACTION] = TABLE(ACTION_INFO, "action", N_("action inconnue '%s' (%s)")),
	[VOCAB_DEV_KIND] = TABLE(DEV_KIND_INFO, "kind", N_("genre inconnu '%s' (%s)")),
	[VOCAB_PARTNER] = TABLE(PARTNER_INFO, "partner", N_("partenaire inconnu '%s' (%s)")),
	[VOCAB_REPORT_BY] = TABLE(REPORT_BY_INFO, "by", N_("regroupement inconnu '%s' (%s)")),
	[VOCAB_GENDER] = TABLE(GENDER_INFO, "gender", N_("identité de genre inconnue '%s' (%s)")),
	[VOCAB_PROVINCE] = TABLE(PROVINCE_INFO, "province", N_("province inconnue '%s' (%s)")),
	[VOCAB_TAX_REGIME] = TABLE(TAX_REGIME_INFO, "regime", N_("régime de taxes inconnu '%s' (%s)")),
	[VOCAB_TAX] = TABLE(TAX_INFO, "tax", N_("taxe inconnue '%s' (%s)")),
	[VOCAB_INVOICE_STATE] = TABLE(INVOICE_STATE_INFO, "state", N_("état inconnu '%s' (%s)")),
	[VOCAB_BLOCKER] = TABLE(BLOCKER_INFO, "blocker", N_("blocage inconnu '%s' (%s)")),
	[VOCAB_PAYMENT_METHOD] = TABLE(PAYMENT_METHOD_INFO, "method", N_("mode de paiement inconnu '%s' (%s)")),
	[VOCAB_ABSENCE_KIND] = TABLE(ABSENCE_KIND_INFO, "kind", N_("genre d'absence inconnu '%s' (%s)")),
	[VOCAB_WEEK_STATUS] = TABLE(WEEK_STATUS_INFO, "status", N_("état de semaine inconnu '%s' (%s)")),
	[VOCAB_LANGUAGE] = TABLE(LANGUAGE_INFO, "language", N_("langue inconnue '%s' (%s)")),
	[VOCAB_MAIL_DOC] = TABLE(MAIL_DOC_INFO, "kind", N_("genre de courriel inconnu '%s' (%s)")),
};

static const char *tr(const char *msgid)
{
	return err_translate ? err_translate(msgid) : msgid;
}

static const struct table *table_of(enum vocab_kind k)
{
	return (unsigned)k < VOCAB_KINDS ? &tables[k] : NULL;
}

/* The row of value v, or -1. */
static long row_of(const struct table *t, int v)
{
	for (size_t i = 0; t && i < t->n; i++)
		if (t->values[i] == v)
			return (long)i;
	return -1;
}

size_t vocab_count(enum vocab_kind k)
{
	const struct table *t = table_of(k);

	return t ? t->n : 0;
}

int vocab_value(enum vocab_kind k, size_t i)
{
	const struct table *t = table_of(k);

	return t && i < t->n ? t->values[i] : -1;
}

int vocab_index(enum vocab_kind k, int v)
{
	return (int)row_of(table_of(k), v);
}

const char *vocab_word(enum vocab_kind k, int v)
{
	long i = row_of(table_of(k), v);

	return i < 0 ? "" : tables[k].words[i];
}

const char *vocab_label(enum vocab_kind k, int v)
{
	long i = row_of(table_of(k), v);

	return i < 0 ? "" : tr(tables[k].labels[i]);
}

char *vocab_list(enum vocab_kind k, const char *sep, const char *last, char *buf, size_t n)
{
	const struct table *t = table_of(k);
	size_t len = 0;

	if (n == 0)
		return buf;
	buf[0] = '\0';
	for (size_t i = 0; t && i < t->n && len < n; i++) {
		int r = snprintf(buf + len, n - len, "%s%s", i == 0 ? "" : i + 1 == t->n ? last : sep, t->words[i]);
		if (r < 0)
			break;
		len += (size_t)r;
	}
	return buf;
}

juste_status vocab_parse(enum vocab_kind k, const char *word, int *out, struct juste_err *e)
{
	const struct table *t = table_of(k);
	char list[256];

	for (size_t i = 0; t && word && i < t->n; i++)
		if (strcmp(word, t->words[i]) == 0) {
			*out = t->values[i];
			return JUSTE_OK;
		}
	if (!t)
		return err_set(e, JUSTE_EINVAL, N_("vocabulaire inconnu"));
	/* "a, b ou c": the last separator is the language's. */
	char last[16];
	snprintf(last, sizeof last, "%s", tr(N_(" ou ")));
	vocab_list(k, ", ", last, list, sizeof list);
	return err_set_field(e, t->field, JUSTE_EINVAL, t->unknown, word ? word : "", list);
}

juste_status vocab_check(enum vocab_kind k, int v, struct juste_err *e)
{
	char word[24];

	if (row_of(table_of(k), v) >= 0)
		return JUSTE_OK;
	snprintf(word, sizeof word, "#%d", v);
	return vocab_parse(k, word, &v, e);
}

/* --- typed forms ---------------------------------------------------------- */

#define TYPED(name, K, type) \
	const char *vocab_##name##_word(enum type v) { return vocab_word(K, (int)v); } \
	const char *vocab_##name##_label(enum type v) { return vocab_label(K, (int)v); } \
	juste_status vocab_##name##_parse(const char *word, enum type *out, struct juste_err *e) \
	{ \
		int v; \
		juste_status st = vocab_parse(K, word, &v, e); \
		if (st == JUSTE_OK) \
			*out = (enum type)v; \
		return st; \
	}

TYPED(category, VOCAB_CATEGORY, org_category)
TYPED(billing, VOCAB_BILLING, billing_mode)
TYPED(role, VOCAB_ROLE, role)
TYPED(function, VOCAB_FUNCTION, expert_function)
TYPED(invoice_kind, VOCAB_INVOICE_KIND, invoice_kind)
TYPED(invoice_status, VOCAB_INVOICE_STATUS, invoice_status)
TYPED(line_kind, VOCAB_LINE_KIND, line_kind)
TYPED(entity, VOCAB_ENTITY, audit_entity)
TYPED(action, VOCAB_ACTION, audit_action)
TYPED(dev_kind, VOCAB_DEV_KIND, dev_kind)
TYPED(partner, VOCAB_PARTNER, dev_partner)
TYPED(report_by, VOCAB_REPORT_BY, report_by)
TYPED(gender, VOCAB_GENDER, gender)
TYPED(province, VOCAB_PROVINCE, province)
TYPED(language, VOCAB_LANGUAGE, language)
TYPED(tax_regime, VOCAB_TAX_REGIME, tax_regime)
TYPED(tax, VOCAB_TAX, tax)
TYPED(invoice_state, VOCAB_INVOICE_STATE, invoice_state)
TYPED(blocker, VOCAB_BLOCKER, blocker_kind)

/* --- the report's names ---------------------------------------------------- */

#define CASE_TEXT(e, text) case e: return tr(text);
#define CAT_HEADING(e, heading, group, shrt) CASE_TEXT(e, heading)
#define CAT_GROUP(e, heading, group, shrt) CASE_TEXT(e, group)
#define CAT_SHORT(e, heading, group, shrt) CASE_TEXT(e, shrt)
#define DEV_HEADING(e, heading) CASE_TEXT(e, heading)

#define TEXT_COLUMN(fn, type, info, column) \
	const char *fn(enum type v) \
	{ \
		switch (v) { \
		info(column) \
		default: return ""; \
		} \
	}

TEXT_COLUMN(vocab_category_heading, org_category, CATEGORY_REPORT_NAMES, CAT_HEADING)
TEXT_COLUMN(vocab_category_group, org_category, CATEGORY_REPORT_NAMES, CAT_GROUP)
TEXT_COLUMN(vocab_category_short, org_category, CATEGORY_REPORT_NAMES, CAT_SHORT)
TEXT_COLUMN(vocab_dev_kind_heading, dev_kind, DEV_KIND_REPORT_NAMES, DEV_HEADING)
TYPED(payment_method, VOCAB_PAYMENT_METHOD, payment_method)
TYPED(absence_kind, VOCAB_ABSENCE_KIND, absence_kind)
TYPED(week_status, VOCAB_WEEK_STATUS, week_status)
TYPED(mail_doc, VOCAB_MAIL_DOC, mail_doc)

/* --- properties ------------------------------------------------------------ */

/* One switch per property, generated from its column: a value outside the
 * table has none. */
#define CASE_IF(e, flag) case e: return (flag) != 0;

#define CAT_MEMBER(e, w, l, member, with) CASE_IF(e, member)
#define CAT_WITH(e, w, l, member, with) CASE_IF(e, with)
#define BIL_BILLABLE(e, w, l, billable, hourly, monthly) CASE_IF(e, billable)
#define BIL_HOURLY(e, w, l, billable, hourly, monthly) CASE_IF(e, hourly)
#define BIL_MONTHLY(e, w, l, billable, hourly, monthly) CASE_IF(e, monthly)
#define ROLE_OFF(e, w, l, bit, office) CASE_IF(e, office)
#define KIND_CREDIT(e, w, l, credit) CASE_IF(e, credit)
#define STATUS_FINAL(e, w, l, final) CASE_IF(e, final)
#define LINE_HOURLY(e, w, l, hourly, monthly) CASE_IF(e, hourly)
#define LINE_MONTHLY(e, w, l, hourly, monthly) CASE_IF(e, monthly)
#define REGIME_GST(e, w, l, gst, hst, qst) CASE_IF(e, gst)
#define REGIME_HST(e, w, l, gst, hst, qst) CASE_IF(e, hst)
#define REGIME_QST(e, w, l, gst, hst, qst) CASE_IF(e, qst)
#define STATE_OPEN(e, w, l, open) CASE_IF(e, open)
#define WEEK_LOCKED(e, w, l, locked) CASE_IF(e, locked)

#define PROPERTY(fn, type, info, column) \
	bool fn(enum type v) \
	{ \
		switch (v) { \
		info(column) \
		default: return false; \
		} \
	}

PROPERTY(vocab_category_member, org_category, CATEGORY_INFO, CAT_MEMBER)
PROPERTY(vocab_category_with_members, org_category, CATEGORY_INFO, CAT_WITH)
PROPERTY(vocab_billing_billable, billing_mode, BILLING_INFO, BIL_BILLABLE)
PROPERTY(vocab_billing_hourly, billing_mode, BILLING_INFO, BIL_HOURLY)
PROPERTY(vocab_billing_monthly, billing_mode, BILLING_INFO, BIL_MONTHLY)
PROPERTY(vocab_role_office, role, ROLE_INFO, ROLE_OFF)
PROPERTY(vocab_invoice_kind_credit, invoice_kind, INVOICE_KIND_INFO, KIND_CREDIT)
PROPERTY(vocab_invoice_status_final, invoice_status, INVOICE_STATUS_INFO, STATUS_FINAL)
PROPERTY(vocab_line_kind_hourly, line_kind, LINE_KIND_INFO, LINE_HOURLY)
PROPERTY(vocab_line_kind_monthly, line_kind, LINE_KIND_INFO, LINE_MONTHLY)
PROPERTY(vocab_tax_regime_gst, tax_regime, TAX_REGIME_INFO, REGIME_GST)
PROPERTY(vocab_tax_regime_hst, tax_regime, TAX_REGIME_INFO, REGIME_HST)
PROPERTY(vocab_tax_regime_qst, tax_regime, TAX_REGIME_INFO, REGIME_QST)
PROPERTY(vocab_invoice_state_open, invoice_state, INVOICE_STATE_INFO, STATE_OPEN)
PROPERTY(vocab_week_status_locked, week_status, WEEK_STATUS_INFO, WEEK_LOCKED)
