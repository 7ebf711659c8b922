/*
 * rates.h - the use cases of rates ("juste coût"), for the CLI, the TUI,
 * invoicing, reports and the demo.
 *
 * Rate tables are imported whole (one CSV, one valid_from, all or nothing)
 * or adopted from the at-cost calculator, and are never changed afterwards
 * (the schema refuses it): a correction is a new table.  Negotiated rates
 * (per mandate, or per organisation and service) start on a date and end on
 * an optional last day, or when the next one for the same key starts.
 *
 * Pricing is pricing_price() (core); what this module adds is the query an
 * entry makes: its mandate's client, client category and service.
 *
 * Roles: tables, negotiated rates and adoption: admin; cost inputs and
 * proposals: gestionnaire, admin; reading rates: anyone; the check of
 * unpriced entries: office roles.
 */
#ifndef JUSTE_RATES_H
#define JUSTE_RATES_H

#include <stdio.h>
#include "juste/app.h"
#include "juste/costcalc.h"
#include "juste/pricing.h"

/* --- pricing entries ---------------------------------------------------- */

/* Loads the whole rate book (any role).  b is initialised here; free it
 * with pricing_book_free(). */
juste_status rates_book_load(struct app *a, struct rate_book *b, struct juste_err *e);

/* Prices one entry x (its mandate_id, or its mandate code when mandate_id
 * is 0; id, work_date, minutes) with book b: looks its mandate's client,
 * category and service up in the store, then pricing_price().  Whatever
 * the mandate's billing mode: the caller decides what is billed by the
 * hour.  For many entries, use a rates_pricer. */
juste_status rates_price_entry(struct app *a, struct rate_book *b, const struct entry *x,
	struct priced *out, struct juste_err *e);

/* An entry on an issued invoice, at the price it was billed: its line's
 * rate and its share of the line (invoice_entry_share). */
struct rates_billed {
	int64_t entry_id, rate_cents, billed_minutes, amount_cents;
};

/* The book and every mandate's pricing facts, loaded once, so that a
 * million entries are priced from memory.  An entry already on a standing
 * invoice is priced as it was billed, never re-priced: so the same hour
 * shows the same amount in `entries --priced`, on its invoice and in the
 * figures built from invoices.  Unbilled entries get pricing_price() with
 * their billing increment. */
struct rates_pricer {
	struct rate_book book;
	struct rate_mandate_info *mandates;   /* by mandate_id */
	size_t n, cap;
	struct rates_billed *billed;          /* by entry_id */
	size_t nbilled, capbilled;
};
juste_status rates_pricer_load(struct app *a, struct rates_pricer *p, struct juste_err *e);
void rates_pricer_free(struct rates_pricer *p);   /* NULL is a no-op */
/* NULL when the mandate is unknown. */
const struct rate_mandate_info *rates_pricer_mandate(const struct rates_pricer *p, int64_t mandate_id);
juste_status rates_pricer_price(struct rates_pricer *p, int64_t entry_id, int64_t mandate_id,
	const char *work_date, int64_t minutes, struct priced *out, struct juste_err *e);

/* Prices every entry on an hourly mandate with from <= date <= to (NULL =
 * open).  cb gets each entry with its price, or with p NULL and the
 * message saying why it has no rate.  *missing counts those.  Office roles. */
typedef int (*rates_walk_cb)(void *ctx, const struct rate_billable *x, const struct rate_mandate_info *m,
	const struct priced *p, const char *why);
juste_status rates_price_range(struct app *a, const char *from, const char *to, rates_walk_cb cb, void *ctx,
	long *priced, long *missing, int64_t *amount_cents, struct juste_err *e);

/* --- rate tables and negotiated rates ------------------------------------ */

/* Inserts a table: rows[i].service_code, .category, .rate_cents (> 0); no
 * (service, category) twice; name unique ("" or NULL: "Taux <valid_from>").
 * Admin.  One transaction unless the caller (the demo) already holds one.
 * Fills *table_id when not NULL. */
juste_status rates_table_insert(struct app *a, const char *name, const char *valid_from,
	const struct rate_row *rows, size_t n, int64_t *table_id, struct juste_err *e);

/* `juste rate import`: the CSV has columns valid_from,service,category,rate
 * (any order), all rows with the same valid_from; a bad row stops it with
 * "FILE:LINE: why" and nothing is written.  A table already starting on
 * that date is refused unless `correction` is set (the new table then
 * prices that date onwards in its stead).  Admin. */
juste_status rates_import(struct app *a, const char *path, const char *name, int correction,
	int64_t *table_id, size_t *rows, struct juste_err *e);

/* A negotiated rate: r->rule RATE_MANDATE (mandate_code) or RATE_ORG_SERVICE
 * (org_code, service_code), valid_from, valid_to ("" = open), rate_cents.
 * Admin.  Fills r->id. */
juste_status rates_negotiate(struct app *a, struct rate_row *r, struct juste_err *e);

/* Sealed tables, oldest first (any role). */
typedef int (*rates_table_cb)(void *ctx, const struct rate_table_info *t);
juste_status rates_tables(struct app *a, rates_table_cb cb, void *ctx, struct juste_err *e);

/* --- explanation ----------------------------------------------------------- */

struct rates_explanation {
	struct rate_mandate_info mandate;
	char date[ISO_LEN];
	/* per rule, most specific first: the row that applies, or the one that
	 * ended before the date, or neither */
	const struct rate_row *found[3], *ended[3];   /* [0] mandate, [1] org+service, [2] table */
	const struct rate_row *table;                 /* first row of the table in force, or NULL */
	struct priced priced;                         /* priced.row NULL when no rate */
	char why[JUSTE_ERR_MAX];                      /* when no rate */
};
/* Explains the rate of mandate `code` on `date` (an hour of it).  The rows
 * point into b, which the caller loads (rates_book_load) and frees.  No rate
 * is not an error here: ex->priced.row is NULL and ex->why says why. */
juste_status rates_explain(struct app *a, struct rate_book *b, const char *code, const char *date,
	struct rates_explanation *ex, struct juste_err *e);

/* --- the at-cost calculator ----------------------------------------------- */

/* `juste cost import`: columns
 *   fy,item,code,services,headcount,salary_mass,benefits_rate,hours_per_expert,amount
 * with item `level` (code, services separated by spaces, headcount, salary
 * mass, benefits rate in %, billable-hours target per person), `overhead`
 * (amount; several rows add up, code is a label) and one `surplus`
 * (amount).  One fiscal year per file; importing it again replaces it.
 * Gestionnaire, admin.  Fills *fy. */
juste_status rates_cost_import(struct app *a, const char *path, int *fy, struct juste_err *e);

/* The cost inputs of fiscal year fy, as stored; JUSTE_ENOTFOUND when it
 * has none.  Gestionnaire, admin. */
juste_status rates_cost_year(struct app *a, int fy, struct cost_year *out, struct juste_err *e);

struct rates_change {
	size_t level;                  /* index into the levels */
	char service[CODE_LEN];
	enum org_category category;
	int64_t old_cents;             /* 0 when the table in force has no such rate */
	int64_t new_cents;
};

struct rates_proposal {
	struct cost_year year;
	struct cost_line lines[COSTCALC_MAX_LEVELS];
	struct cost_result result;
	char from[ISO_LEN];            /* the date the proposed rates would start */
	char table_in_force[NAME_LEN]; /* "" when none */
	char table_from[ISO_LEN];
	struct rates_change *changes;  /* per service of each level x category */
	size_t nchanges;
	char uncovered[COST_SERVICES_MAX * CODE_LEN];   /* services in no level, space-separated */
};
void rates_proposal_free(struct rates_proposal *p);   /* NULL is a no-op */

/* Computes the proposal for fiscal year fy from its cost inputs, compared
 * with the rates in force on `from` (NULL: the first day of the year).
 * Gestionnaire, admin. */
juste_status rates_propose(struct app *a, int fy, const char *from, struct rates_proposal *p,
	struct juste_err *e);

/* Turns the proposal into a new table valid from `from`: every service of
 * every level, for each client category, at the level's rate.  Admin. */
juste_status rates_adopt(struct app *a, const struct rates_proposal *p, const char *name,
	int64_t *table_id, struct juste_err *e);

#endif
