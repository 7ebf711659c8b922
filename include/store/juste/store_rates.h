/*
 * store_rates.h - rate tables, negotiated rates, what pricing reads of
 * mandates and entries, and the cost inputs of the at-cost calculator.
 * Only src/store/store_rates.c implements these.
 */
#ifndef JUSTE_STORE_RATES_H
#define JUSTE_STORE_RATES_H

#include "juste/costcalc.h"
#include "juste/pricing.h"
#include "juste/store.h"

/* Loads every rate row (tables and negotiated rates) into b, which the
 * caller has initialised with pricing_book_init(). */
juste_status store_rate_book_load(struct store *s, struct rate_book *b, struct juste_err *e);

/* --- rate tables ------------------------------------------------------ */

/* Writes a table and its rows, then seals it: from then on the schema
 * refuses any change to it.  rows[i] gives service_code, category and
 * rate_cents (other fields ignored); an unknown service is JUSTE_ENOTFOUND
 * naming it.  The caller holds the transaction, so that a failure leaves
 * nothing.  Fills *table_id. */
juste_status store_rate_table_insert(struct store *s, const char *name, const char *valid_from,
	const struct rate_row *rows, size_t n, int64_t *table_id, struct juste_err *e);

typedef int (*store_rate_table_cb)(void *ctx, const struct rate_table_info *t);
/* Sealed tables by valid_from, then id. */
juste_status store_rate_table_list(struct store *s, store_rate_table_cb cb, void *ctx, struct juste_err *e);
/* How many sealed tables start on valid_from; whether `name` is taken. */
juste_status store_rate_table_count_from(struct store *s, const char *valid_from, int64_t *count,
	struct juste_err *e);
juste_status store_rate_table_name_used(struct store *s, const char *name, int *used, struct juste_err *e);

/* --- negotiated rates ------------------------------------------------- */

/* r->rule is RATE_MANDATE (mandate_code) or RATE_ORG_SERVICE (org_code and
 * service_code); valid_from, valid_to ("" = open), rate_cents.  Codes are
 * resolved here; fills r->id and the ids. */
juste_status store_rate_negotiated_insert(struct store *s, struct rate_row *r, struct juste_err *e);

/* --- what pricing needs of a mandate and its entries ------------------ */

juste_status store_rate_mandate_get(struct store *s, const char *code, struct rate_mandate_info *out,
	struct juste_err *e);
juste_status store_rate_mandate_get_id(struct store *s, int64_t id, struct rate_mandate_info *out,
	struct juste_err *e);
typedef int (*store_rate_mandate_cb)(void *ctx, const struct rate_mandate_info *m);
/* Every mandate, by id. */
juste_status store_rate_mandate_list(struct store *s, store_rate_mandate_cb cb, void *ctx, struct juste_err *e);

typedef int (*store_rate_billable_cb)(void *ctx, const struct rate_billable *x);
/* Entries on hourly-billed (horaire) mandates with from <= work_date <= to
 * (NULL = open), by work_date, id.  Streams. */
juste_status store_rate_billable_walk(struct store *s, const char *from, const char *to,
	store_rate_billable_cb cb, void *ctx, struct juste_err *e);

/* --- cost inputs of a fiscal year ------------------------------------- */

/* Replaces the inputs of fiscal year y->fy (caller holds the transaction).
 * A service named twice in a year, or unknown, is refused. */
juste_status store_rate_cost_year_put(struct store *s, const struct cost_year *y, struct juste_err *e);
/* JUSTE_ENOTFOUND when the year has no inputs. */
juste_status store_rate_cost_year_get(struct store *s, int fy, struct cost_year *out, struct juste_err *e);

#endif
