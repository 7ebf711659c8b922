/*
 * store_internal.h - shared between the files of src/store/ only.
 *
 * Statements are prepared once per connection and kept in a table indexed by
 * enum stmt_id; store_stmt() resets and clears one before handing it out.
 */
#ifndef JUSTE_STORE_INTERNAL_H
#define JUSTE_STORE_INTERNAL_H

#include <sqlite3.h>
#include <time.h>
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
	ST_DATA_VERSION,
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
	ST_TAXES_BASE = ST_SETTINGS_BASE + 10,  /* store_taxes.c: 10 */
	ST_NEXT_BASE = ST_TAXES_BASE + 10,      /* the next store file's block */
	/* store_calendar.c: 40, clear of the blocks other files may take next */
	ST_CALENDAR_BASE = ST_NEXT_BASE + 120
};

/* store_payments.c: the last 32 slots, clear of the blocks above. */
enum { ST_PAYMENTS_BASE = STORE_MAX_STMTS - 32 };

struct store {
	sqlite3 *db;
	char *path;
	char *actor;
	char *as_login;
	int in_tx;
	int bulk;                 /* store_bulk_begin .. _end */
	int64_t bulk_first, bulk_last, bulk_rows;
	struct timespec busy_since;   /* when the current wait for a lock began */
	unsigned busy_seed;
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

/* The vocabulary at the store's boundary (vocab.h): a record's enum is
 * bound as its word (NULL when the value is not in the table, which the
 * schema refuses), and a column read back as the enum.  A word juste does
 * not know (a file written by something else) is JUSTE_EINVAL naming the
 * record: "organisation 'ABC' : catégorie inconnue 'x' (...)". */
void store_bind_word(sqlite3_stmt *st, int i, enum vocab_kind k, int v);
juste_status store_col_word(sqlite3_stmt *st, int i, enum vocab_kind k, int *out, const char *what,
	struct juste_err *e);

/* SQL lists of the words that have a property, built from the core's
 * tables at compile time: SQL_BILLABLE is "('horaire', 'forfait', '')".
 * The empty word, which no CHECK allows, closes the list. */
#define SQL_WORD_IF_0(w)
#define SQL_WORD_IF_1(w) "'" w "', "
#define SQL_WORD_IF(flag, w) SQL_WORD_IF_##flag(w)
#define SQL_WORD_UNLESS_0(w) "'" w "', "
#define SQL_WORD_UNLESS_1(w)
#define SQL_WORD_UNLESS(flag, w) SQL_WORD_UNLESS_##flag(w)

#define SQL_SEL_BILLABLE(e, w, l, billable, hourly, monthly) SQL_WORD_IF(billable, w)
#define SQL_SEL_HOURLY(e, w, l, billable, hourly, monthly) SQL_WORD_IF(hourly, w)
#define SQL_SEL_MONTHLY(e, w, l, billable, hourly, monthly) SQL_WORD_IF(monthly, w)
#define SQL_SEL_MEMBER(e, w, l, member, with) SQL_WORD_IF(member, w)
#define SQL_SEL_CREDIT(e, w, l, credit) SQL_WORD_IF(credit, w)
#define SQL_SEL_NOT_CREDIT(e, w, l, credit) SQL_WORD_UNLESS(credit, w)
#define SQL_SEL_FINAL(e, w, l, final) SQL_WORD_IF(final, w)
#define SQL_SEL_NOT_FINAL(e, w, l, final) SQL_WORD_UNLESS(final, w)
#define SQL_SEL_LINE_HOURLY(e, w, l, hourly, monthly) SQL_WORD_IF(hourly, w)
#define SQL_SEL_LINE_MONTHLY(e, w, l, hourly, monthly) SQL_WORD_IF(monthly, w)

#define SQL_SEL_WEEK_LOCKED(e, w, l, locked) SQL_WORD_IF(locked, w)

/* mandates.billing: billable, by the hour, a monthly fee */
#define SQL_BILLABLE "(" BILLING_INFO(SQL_SEL_BILLABLE) "'')"
#define SQL_HOURLY "(" BILLING_INFO(SQL_SEL_HOURLY) "'')"
#define SQL_MONTHLY "(" BILLING_INFO(SQL_SEL_MONTHLY) "'')"
/* orgs.category: members of the cooperative */
#define SQL_MEMBER "(" CATEGORY_INFO(SQL_SEL_MEMBER) "'')"
/* invoices.kind: credit notes, invoices */
#define SQL_CREDIT_NOTE "(" INVOICE_KIND_INFO(SQL_SEL_CREDIT) "'')"
#define SQL_INVOICE "(" INVOICE_KIND_INFO(SQL_SEL_NOT_CREDIT) "'')"
/* invoices.status: issued (final), draft */
#define SQL_ISSUED "(" INVOICE_STATUS_INFO(SQL_SEL_FINAL) "'')"
#define SQL_DRAFT "(" INVOICE_STATUS_INFO(SQL_SEL_NOT_FINAL) "'')"
/* invoice_lines.kind: hours, a monthly fee */
#define SQL_LINE_HOURS "(" LINE_KIND_INFO(SQL_SEL_LINE_HOURLY) "'')"
#define SQL_LINE_FORFAIT "(" LINE_KIND_INFO(SQL_SEL_LINE_MONTHLY) "'')"

/* week_approvals.status: the week's entries no longer change */
#define SQL_WEEK_LOCKED "(" WEEK_STATUS_INFO(SQL_SEL_WEEK_LOCKED) "'')"

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
/* The id of the row whose `col` is ?1: the exact spelling first (through
 * the unique index), else the one that matches ignoring ASCII case, so that
 * "m-2026-0271" finds M-2026-0271 and "Alice" finds alice.  NULL when none. */
#define STORE_ID_NOCASE(table, col) \
	"coalesce((SELECT id FROM " table " WHERE " col " = ?1), " \
	"(SELECT id FROM " table " WHERE " col " = ?1 COLLATE NOCASE ORDER BY " col " LIMIT 1))"

juste_status store_id_by_code(struct store *s, int stmt_id, const char *table, const char *code,
	const char *what, int64_t *id, struct juste_err *e);

#endif
