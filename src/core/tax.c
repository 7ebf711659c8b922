/*
 * tax.c - the taxes of an invoice by place of supply (tax.h).
 */
#include <stdio.h>
#include <string.h>

#include "juste/money.h"
#include "juste/tax.h"

#ifndef N_
#define N_(s) (s)
#endif

static const char *tr(const char *s)
{
	return err_translate ? err_translate(s) : s;
}

juste_status tax_country_validate(const char *country, struct juste_err *e)
{
	if (country && strlen(country) == 2 && country[0] >= 'A' && country[0] <= 'Z' && country[1] >= 'A'
	    && country[1] <= 'Z')
		return JUSTE_OK;
	return err_set_field(e, "country", JUSTE_EINVAL,
		N_("pays invalide '%s' : code ISO à deux lettres majuscules (CA, US, FR…)"), country ? country : "");
}

bool tax_country_is_canada(const char *country)
{
	return country && strcmp(country, COUNTRY_CANADA) == 0;
}

void tax_book_init(struct tax_book *b)
{
	memset(b, 0, sizeof *b);
}

/* "" (since always) sorts before every date. */
static int from_cmp(const char *a, const char *b)
{
	return strcmp(a, b);
}

juste_status tax_book_add(struct tax_book *b, const struct tax_regime_row *r, struct juste_err *e)
{
	const char *prov = vocab_province_word(r->province);
	juste_status st = vocab_check(VOCAB_PROVINCE, (int)r->province, e);
	if (!st)
		st = vocab_check(VOCAB_TAX_REGIME, (int)r->regime, e);
	if (st)
		return st;
	if (r->valid_from[0]) {
		date_t d;
		if (strlen(r->valid_from) != ISO_LEN - 1 || date_parse(r->valid_from, &d, NULL))
			return err_set(e, JUSTE_EINVAL, N_("régime de taxes de %s : date '%s' invalide"), prov, r->valid_from);
	}
	if (!vocab_tax_regime_gst(r->regime) && !vocab_tax_regime_hst(r->regime))
		return err_set(e, JUSTE_EINVAL, N_("régime de taxes de %s : une province n'est jamais détaxée"), prov);
	if (vocab_tax_regime_hst(r->regime) != (r->hst_rate > 0) || r->hst_rate < 0 || r->hst_rate > TAX_RATE_SCALE)
		return err_set(e, JUSTE_EINVAL, N_("régime de taxes de %s : un taux de TVH (et seulement pour la TVH)"), prov);
	if (b->n >= TAX_BOOK_MAX)
		return err_set(e, JUSTE_EINVAL, N_("trop de régimes de taxes (%d au plus)"), TAX_BOOK_MAX);
	/* kept sorted by province then date, so that a lookup is one pass */
	size_t i = b->n;
	while (i > 0 && (b->rows[i - 1].province > r->province
	                 || (b->rows[i - 1].province == r->province && from_cmp(b->rows[i - 1].valid_from, r->valid_from) > 0)))
		i--;
	if (i > 0 && b->rows[i - 1].province == r->province && from_cmp(b->rows[i - 1].valid_from, r->valid_from) == 0)
		return err_set(e, JUSTE_ECONFLICT, N_("régime de taxes de %s en double à partir du %s"), prov,
			r->valid_from[0] ? r->valid_from : "—");
	memmove(&b->rows[i + 1], &b->rows[i], (b->n - i) * sizeof *b->rows);
	b->rows[i] = *r;
	b->n++;
	return JUSTE_OK;
}

const struct tax_regime_row *tax_book_at(const struct tax_book *b, enum province p, date_t date)
{
	char iso[DATE_BUF];
	date_format(date, iso);
	const struct tax_regime_row *found = NULL;
	for (size_t i = 0; i < b->n; i++)
		if (b->rows[i].province == p && from_cmp(b->rows[i].valid_from, iso) <= 0)
			found = &b->rows[i];
	return found;
}

juste_status tax_taxation(const struct tax_book *b, const struct policy *p, const char *country,
	enum province province, date_t date, struct invoice_taxation *out, struct juste_err *e)
{
	memset(out, 0, sizeof *out);
	juste_status st = tax_country_validate(country, e);
	if (st)
		return st;
	if (!tax_country_is_canada(country)) {
		out->regime = TAX_REGIME_DETAXE;
		snprintf(out->place, sizeof out->place, "%s", country);
		return JUSTE_OK;
	}
	if ((st = vocab_check(VOCAB_PROVINCE, (int)province, e)))
		return st;
	snprintf(out->place, sizeof out->place, "%s", vocab_province_word(province));
	const struct tax_regime_row *r = tax_book_at(b, province, date);
	if (!r) {
		char iso[DATE_BUF];
		return err_set(e, JUSTE_ENOTFOUND, N_("aucun régime de taxes en vigueur pour %s le %s"),
			vocab_province_word(province), date_format(date, iso));
	}
	out->regime = r->regime;
	if (vocab_tax_regime_hst(r->regime))
		out->tps_rate = r->hst_rate;
	else if (vocab_tax_regime_gst(r->regime))
		out->tps_rate = policy_tps_rate(p, date);
	if (vocab_tax_regime_qst(r->regime))
		out->tvq_rate = policy_tvq_rate(p, date);
	return JUSTE_OK;
}

size_t tax_lines(enum tax_regime regime, int32_t tps_rate, int32_t tvq_rate, const struct invoice_amounts *a,
	struct invoice_tax out[2])
{
	size_t n = 0;
	if (vocab_tax_regime_gst(regime) || vocab_tax_regime_hst(regime))
		out[n++] = (struct invoice_tax){ vocab_tax_regime_hst(regime) ? TAX_TVH : TAX_TPS, tps_rate,
			a ? a->tps_cents : 0 };
	if (vocab_tax_regime_qst(regime))
		out[n++] = (struct invoice_tax){ TAX_TVQ, tvq_rate, a ? a->tvq_cents : 0 };
	return n;
}

char *tax_name(enum tax tax, int32_t rate, char *buf, size_t n)
{
	char r[32];
	snprintf(buf, n, "%s (%s)", vocab_tax_label(tax), money_rate_format_fr(rate, r, sizeof r));
	return buf;
}

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"

char *tax_name_lang(enum text_lang l, enum tax tax, int32_t rate, char *buf, size_t n)
{
	char r[32];
	snprintf(buf, n, "%s (%s)", vocab_tax_label(tax), money_rate_format_lang(l, rate, r, sizeof r));
	return buf;
}

char *tax_names(enum tax_regime regime, int32_t tps_rate, int32_t tvq_rate, char *buf, size_t n)
{
	struct invoice_tax t[2];
	size_t k = tax_lines(regime, tps_rate, tvq_rate, NULL, t);
	if (k == 0) {
		snprintf(buf, n, "%s", vocab_tax_regime_label(regime));
		return buf;
	}
	char a[64], b[64];
	tax_name(t[0].tax, t[0].rate, a, sizeof a);
	if (k == 1)
		snprintf(buf, n, "%s", a);
	else
		snprintf(buf, n, tr(N_("%s et %s")), a, tax_name(t[1].tax, t[1].rate, b, sizeof b));
	return buf;
}

#pragma GCC diagnostic pop

bool tax_slots_valid(enum tax_regime regime, int32_t tps_rate, int32_t tvq_rate, const struct invoice_amounts *a)
{
	if (vocab_check(VOCAB_TAX_REGIME, (int)regime, NULL))
		return false;
	bool first = vocab_tax_regime_gst(regime) || vocab_tax_regime_hst(regime);
	if (!first && (tps_rate != 0 || a->tps_cents != 0))
		return false;
	if (!vocab_tax_regime_qst(regime) && (tvq_rate != 0 || a->tvq_cents != 0))
		return false;
	return true;
}
