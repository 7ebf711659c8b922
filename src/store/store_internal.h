/*
 * store_internal.h - shared between the files of src/store/ only.
 *
 * Statements are prepared once per connection and kept in a table indexed by
 * enum stmt_id; store_stmt() resets and clears one before handing it out.
 */
#ifndef JUSTE_STORE_INTERNAL_H
#define JUSTE_STORE_INTERNAL_H

#include <sqlite3.h>
#include <stdio.h>
#include "juste/store.h"

#ifndef N_
#define N_(s) (s)
#endif

#define STORE_MAX_STMTS 512

/* One slot per prepared statement of every store file. */
enum stmt_id {
	ST_EXPERT_INSERT, ST_EXPERT_UPDATE, ST_EXPERT_GET, ST_EXPERT_GET_ID, ST_EXPERT_LIST, ST_EXPERT_COUNT,
	ST_ORG_INSERT, ST_ORG_UPDATE, ST_ORG_GET, ST_ORG_LIST, ST_ORG_ID,
	ST_SERVICE_INSERT, ST_SERVICE_UPDATE, ST_SERVICE_GET, ST_SERVICE_LIST, ST_SERVICE_ID,
	ST_PROGRAM_INSERT, ST_PROGRAM_UPDATE, ST_PROGRAM_GET, ST_PROGRAM_LIST, ST_PROGRAM_ID,
	ST_MANDATE_INSERT, ST_MANDATE_UPDATE, ST_MANDATE_GET, ST_MANDATE_LIST,
	ST_ENTRY_INSERT, ST_ENTRY_UPDATE, ST_ENTRY_DELETE, ST_ENTRY_GET, ST_ENTRY_DAY,
	ST_EXPERT_ID, ST_MANDATE_ID, ST_ENTRY_DATE,
	ST_FIRST_FREE,
	/* each later store file has its own block of slots */
	ST_RATES_BASE = ST_FIRST_FREE,          /* store_rates.c: 40 */
	ST_WEEK_BASE = ST_RATES_BASE + 40,      /* store_week.c: 20 */
	ST_TIMERS_BASE = ST_WEEK_BASE + 20,     /* store_timers.c: 10 */
	ST_MONTHS_BASE = ST_TIMERS_BASE + 10,   /* store_months.c: 10 */
	ST_INVOICE_BASE = ST_MONTHS_BASE + 10,  /* store_invoices.c: 60 */
	ST_REPORT_BASE = ST_INVOICE_BASE + 60,  /* store_report.c: 40 */
	ST_BUDGETS_BASE = ST_REPORT_BASE + 40,  /* store_budgets.c: 20 */
	ST_SETTINGS_BASE = ST_BUDGETS_BASE + 20, /* store_settings.c: 10 */
	ST_NEXT_BASE = ST_SETTINGS_BASE + 10    /* the next store file's block */
};

struct store {
	sqlite3 *db;
	char *path;
	char *actor;
	char *as_login;
	int in_tx;
	int bulk;                 /* store_bulk_begin .. _end */
	int64_t bulk_first, bulk_last, bulk_rows;
	sqlite3_stmt *stmts[STORE_MAX_STMTS];
};

/* Prepared statement number `id` with text `sql`, reset and unbound. */
sqlite3_stmt *store_stmt(struct store *s, int id, const char *sql, struct juste_err *e);

/* Maps the connection's last error to a status and a message; `what` names
 * the record concerned ("organisation 'ABC'"). */
juste_status store_fail(struct store *s, int rc, const char *what, struct juste_err *e);

/* Binds text, or NULL when s is NULL or empty. */
void store_bind_text(sqlite3_stmt *st, int i, const char *s);
void store_bind_id(sqlite3_stmt *st, int i, int64_t id);     /* 0 -> NULL */
/* Copies column i into buf ("" when NULL). */
void store_col_text(sqlite3_stmt *st, int i, char *buf, size_t n);

/* Runs a statement expected to produce no row; SQLITE_DONE -> OK. */
juste_status store_step_done(struct store *s, sqlite3_stmt *st, const char *what, struct juste_err *e);

/* Builds "a AND b AND ..." from the filters that are set; the values are
 * always bound, only the shape of the query varies.  Starts zeroed. */
struct store_where {
	char sql[512];
	const char *args[8];
	int n;
};
/* Adds "cond ?N" when arg is set (not NULL, not ""). */
void store_where_add(struct store_where *w, const char *cond, const char *arg);

/* Id of the row with that code in table ("orgs", "services", ...). */
juste_status store_id_by_code(struct store *s, int stmt_id, const char *table, const char *code,
	const char *what, int64_t *id, struct juste_err *e);

#endif
