/*
 * store.h - the only module that speaks SQL.
 *
 * One SQLite file, opened in WAL mode with synchronous=FULL, foreign keys on
 * and a busy timeout, so that fifty people writing at once wait for each
 * other instead of failing, and a committed entry survives a crash or a
 * kill -9.  Migrations from sql/ are compiled in and applied in order on
 * open, each in its own transaction, tracked with PRAGMA user_version.
 *
 * Every statement is prepared with bound parameters.  Writes made outside an
 * explicit store_begin()/store_commit() are each their own transaction.
 * Errors map SQLite codes to juste_status with a message naming the record.
 *
 * Lists are streamed through callbacks so that a million entries never sit
 * in memory; a callback returning non-zero stops the walk (the walk then
 * returns JUSTE_OK).
 */
#ifndef JUSTE_STORE_H
#define JUSTE_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "juste/err.h"
#include "juste/model.h"

struct store;

enum store_open_flags {
	STORE_CREATE = 1 << 0,    /* create the file (and its directory) if missing */
	STORE_READONLY = 1 << 1,
	/* The shared server's database: created 0660 for the group, and its
	 * -wal and -shm opened now and kept (persistent WAL), because the
	 * process soon gives up the group that may create or remove files in
	 * the database's directory. */
	STORE_SHARED = 1 << 2
};

juste_status store_open(const char *path, int flags, struct store **out, struct juste_err *e);
void store_close(struct store *s);              /* NULL is a no-op */
const char *store_path(const struct store *s);
int store_schema_version(struct store *s);

/* Who is acting, for the audit log: the OS login, and whom an admin acts
 * for with --as (NULL when acting as oneself).  Copied. */
void store_set_actor(struct store *s, const char *actor, const char *as_login);

/* BEGIN IMMEDIATE: takes the write lock up front, so that a multi-row
 * operation never fails half-way on a lock.  Nesting is refused. */
juste_status store_begin(struct store *s, struct juste_err *e);
juste_status store_commit(struct store *s, struct juste_err *e);
void store_rollback(struct store *s);           /* no-op when none is open */
bool store_in_transaction(const struct store *s);

/* A stamp that changes whenever the database does: SQLite's data_version
 * (moved by other connections' commits) with this connection's own count
 * of changed rows.  Never waits on a lock: when the file is busy the stamp
 * is left as it was (the caller asks again a moment later). */
juste_status store_data_stamp(struct store *s, uint64_t *stamp, struct juste_err *e);

/* Bulk mode, for imports of entries inside a transaction: instead of one
 * audit row per entry, store_bulk_end() writes one row naming the batch
 * (label, row count, first and last entry ids) in the same transaction.
 * The entries keep their uuids; any later change to one of them is audited
 * row by row.  A rollback ends bulk mode. */
juste_status store_bulk_begin(struct store *s, struct juste_err *e);
juste_status store_bulk_end(struct store *s, const char *label, struct juste_err *e);

/* Fresh UUID (libuuid), lower-case text. */
void store_uuid(char out[UUID_LEN]);

/* --- experts --------------------------------------------------------- */
juste_status store_expert_insert(struct store *s, struct expert *x, struct juste_err *e);
juste_status store_expert_update(struct store *s, const struct expert *x, struct juste_err *e);
juste_status store_expert_get(struct store *s, const char *login, struct expert *out, struct juste_err *e);
juste_status store_expert_get_id(struct store *s, int64_t id, struct expert *out, struct juste_err *e);
typedef int (*store_expert_cb)(void *ctx, const struct expert *x);
juste_status store_expert_list(struct store *s, store_expert_cb cb, void *ctx, struct juste_err *e);
int64_t store_expert_count(struct store *s);

/* --- organisations --------------------------------------------------- */
juste_status store_org_insert(struct store *s, struct org *o, struct juste_err *e);
juste_status store_org_update(struct store *s, const struct org *o, struct juste_err *e);
juste_status store_org_get(struct store *s, const char *code, struct org *out, struct juste_err *e);
typedef int (*store_org_cb)(void *ctx, const struct org *o);
juste_status store_org_list(struct store *s, store_org_cb cb, void *ctx, struct juste_err *e);

/* --- services and funding programs ----------------------------------- */
juste_status store_ref_insert(struct store *s, enum ref_kind k, struct refitem *r, struct juste_err *e);
juste_status store_ref_update(struct store *s, enum ref_kind k, const struct refitem *r, struct juste_err *e);
juste_status store_ref_get(struct store *s, enum ref_kind k, const char *code, struct refitem *out, struct juste_err *e);
typedef int (*store_ref_cb)(void *ctx, const struct refitem *r);
juste_status store_ref_list(struct store *s, enum ref_kind k, store_ref_cb cb, void *ctx, struct juste_err *e);

/* --- mandates -------------------------------------------------------- */
/* Codes in the struct (client, beneficiary, service, program) are resolved;
 * an unknown one is JUSTE_ENOTFOUND naming it. */
juste_status store_mandate_insert(struct store *s, struct mandate *m, struct juste_err *e);
juste_status store_mandate_update(struct store *s, const struct mandate *m, struct juste_err *e);
juste_status store_mandate_get(struct store *s, const char *code, struct mandate *out, struct juste_err *e);
typedef int (*store_mandate_cb)(void *ctx, const struct mandate *m);
juste_status store_mandate_list(struct store *s, store_mandate_cb cb, void *ctx, struct juste_err *e);

/* --- time entries ---------------------------------------------------- */
/* expert (login) and mandate (code) are resolved; or, when expert_id and
 * mandate_id are set (> 0), used as they are (the fast path of imports). */
juste_status store_entry_insert(struct store *s, struct entry *x, struct juste_err *e);
/* Updates work_date, minutes, note and mandate of entry x->id. */
juste_status store_entry_update(struct store *s, const struct entry *x, struct juste_err *e);
juste_status store_entry_delete(struct store *s, int64_t id, struct juste_err *e);
juste_status store_entry_get(struct store *s, int64_t id, struct entry *out, struct juste_err *e);
/* Minutes already logged by an expert on a day (for the 24 h rule). */
juste_status store_entry_day_minutes(struct store *s, int64_t expert_id, const char *date, int *minutes, struct juste_err *e);

typedef int (*store_entry_cb)(void *ctx, const struct entry *x);
/* Ordered by work_date, expert, id. */
juste_status store_entry_query(struct store *s, const struct entry_filter *f, store_entry_cb cb, void *ctx, struct juste_err *e);

/* Whether an entry, or a work date, may no longer change, and why.
 * entry_id > 0 names an existing entry (its stored date is checked);
 * work_date, when not NULL, is checked too (the date an entry moves to, or
 * a new entry's).  *locked = 1 and `why` gets one translated line
 * (« mois 2020-03 fermé par gilles le 2020-04-05 ») when it is locked.
 * This is the one place that decides: the invoicing module adds its own
 * reason (an entry on an issued invoice) here. */
juste_status store_entry_locked(struct store *s, int64_t entry_id, const char *work_date,
	char *why, size_t n, int *locked, struct juste_err *e);

/* --- checks ---------------------------------------------------------- */
/* What the file holds, as someone with it in hand could have left it:
 * SQLite's integrity and foreign keys, the schema against the migrations
 * compiled in, gapless numbering, issued documents' amounts, credits
 * within their invoice, no hole in the journals, the domain rules.  Each
 * finding is one translated line; returns how many through *count. */
typedef int (*store_finding_cb)(void *ctx, const char *finding);
juste_status store_check(struct store *s, store_finding_cb cb, void *ctx, int *count, struct juste_err *e);

#endif
