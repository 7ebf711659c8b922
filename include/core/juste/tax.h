/*
 * tax.h - the taxes of an invoice by place of supply (DOMAIN.md, "Money
 * and taxes").  Pure: the regimes are read by the store and handed in.
 *
 * A service is taxed by where its client is: its country, and in Canada
 * its province.  Each province's regime is dated (tax_regimes, sql/008):
 * TPS and TVQ (Québec), TVH at the province's harmonized rate, or TPS
 * only; outside Canada the supply is zero-rated (an exported service).  The
 * TPS and TVQ rates are the centre's dated settings (taxes.tps_rate,
 * taxes.tvq_rate, policy.h), the TVH rates the regimes' own; whatever is in
 * force on the issue date is copied onto the invoice, which never changes
 * afterwards.
 *
 * An invoice keeps two tax slots (invoice_amounts.tps_cents, .tvq_cents,
 * at the rates tps_rate, tvq_rate): the first is the federal tax, TPS or
 * TVH (in a harmonized province the TVH replaces the TPS: one tax, one
 * registration number), the second the TVQ.  tax_lines() says what each
 * slot is called, so that every document names each tax with its rate.
 */
#ifndef JUSTE_TAX_H
#define JUSTE_TAX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "juste/date.h"
#include "juste/err.h"
#include "juste/invoice.h"
#include "juste/model.h"
#include "juste/policy.h"
#include "juste/text.h"

/* ISO 3166-1 alpha-2 country codes; provinces only mean something here. */
#define COUNTRY_LEN 3
#define COUNTRY_CANADA "CA"
/* Where a service is supplied, as an invoice records it: the province in
 * Canada ("ON"), else the country ("US"). */
#define PLACE_LEN 4

/* "CA", "US": two capital ASCII letters.  JUSTE_EINVAL naming the field. */
juste_status tax_country_validate(const char *country, struct juste_err *e);
bool tax_country_is_canada(const char *country);

/* A row of the regimes table: from valid_from ("" = since always) the
 * province is taxed under `regime` (never TAX_REGIME_DETAXE), with the
 * harmonized rate hst_rate when that regime is the TVH (0 otherwise). */
struct tax_regime_row {
	int64_t id;
	enum province province;
	char valid_from[ISO_LEN];
	enum tax_regime regime;
	int32_t hst_rate;
};

#define TAX_BOOK_MAX 512
struct tax_book {
	struct tax_regime_row rows[TAX_BOOK_MAX];
	size_t n;
};

void tax_book_init(struct tax_book *b);
/* Refuses a zero-rated or unknown regime, a TVH without its rate (or
 * another regime with one), a row beyond TAX_BOOK_MAX, and a second row
 * for the same province and date. */
juste_status tax_book_add(struct tax_book *b, const struct tax_regime_row *r, struct juste_err *e);
/* The row in force for province p on `date` (the latest valid_from <= date,
 * "" counting as the earliest), or NULL when the province has none yet. */
const struct tax_regime_row *tax_book_at(const struct tax_book *b, enum province p, date_t date);

/* What an invoice copies when it is issued (and a draft shows). */
struct invoice_taxation {
	enum tax_regime regime;
	char place[PLACE_LEN];
	int32_t tps_rate, tvq_rate;   /* the two slots' rates; 0 for a slot the regime has not */
};

/* The taxation of a service supplied on `date` to a client in `country`
 * (and `province` when the country is Canada): the regime in force there,
 * with the TPS and TVQ rates of the policy and the TVH rate of the regime.
 * JUSTE_ENOTFOUND naming the province when no regime is in force. */
juste_status tax_taxation(const struct tax_book *b, const struct policy *p, const char *country,
	enum province province, date_t date, struct invoice_taxation *out, struct juste_err *e);

/* One tax as an invoice shows it. */
struct invoice_tax {
	enum tax tax;
	int32_t rate;
	int64_t amount_cents;
};

/* The taxes of an invoice of this regime, slot by slot (TPS and TVQ, or
 * TVH, or TPS; none when zero-rated), with the amounts of `a`.  Returns
 * how many (0 to 2). */
size_t tax_lines(enum tax_regime regime, int32_t tps_rate, int32_t tvq_rate, const struct invoice_amounts *a,
	struct invoice_tax out[2]);

/* "TVH (13 %)", "TVQ (9,975 %)": the tax's translated label with its rate. */
char *tax_name(enum tax tax, int32_t rate, char *buf, size_t n);
/* The same with the rate in a language's conventions: "TVH (13 %)" or, the
 * label translated, "HST (13%)" (a document in its reader's language). */
char *tax_name_lang(enum text_lang l, enum tax tax, int32_t rate, char *buf, size_t n);

/* "TPS (5 %) et TVQ (9,975 %)", "TVH (13 %)", or the regime's label when
 * it has no tax: what a journal's row says it charged. */
char *tax_names(enum tax_regime regime, int32_t tps_rate, int32_t tvq_rate, char *buf, size_t n);

/* Whether the slots' rates and amounts fit the regime: a slot the regime
 * has not is at 0 %, with no amount (what `juste check` verifies). */
bool tax_slots_valid(enum tax_regime regime, int32_t tps_rate, int32_t tvq_rate, const struct invoice_amounts *a);

#endif
