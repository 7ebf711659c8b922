/*
 * store_backup.h - copies of the whole database, judging a file of unknown
 * origin, and putting a copy back in place of the live content.
 *
 * Every copy is taken through an open connection, never by copying files:
 * on a shared server the process can no longer open, create or rename
 * anything in the database's directory once it has given up the group,
 * and a file copied under writers is torn.
 */
#ifndef JUSTE_STORE_BACKUP_H
#define JUSTE_STORE_BACKUP_H

#include <stdint.h>
#include "juste/err.h"
#include "juste/store.h"

/* The schema version this binary knows (the number of migrations). */
int store_schema_known(void);

/* Writes a consistent copy of the whole database into `path`, which must
 * be absent or empty: VACUUM INTO, one read transaction, so that writers
 * go on and the copy never restarts; it is compacted and in rollback-journal
 * mode (one file).  Errors name `name` (the file the user asked for, which
 * `path` will become); a full disk is said plainly. */
juste_status store_backup_into(struct store *s, const char *path, const char *name, struct juste_err *e);

/* The same copy with SQLite's backup API, all pages in one step, into the
 * empty file `path`: for a read-only connection, where VACUUM INTO fails on
 * a table with generated columns (the audit log). */
juste_status store_copy_to(struct store *s, const char *path, const char *name, struct juste_err *e);

/* Opens a file to judge it, read-only, with the defences SQLite advises for
 * a database of unknown origin that fit juste's schema (defensive mode,
 * cell size checks).  Something that is not an SQLite file, or whose
 * user_version is not that of a juste database (1 and up), is refused
 * naming the file. */
juste_status store_backup_open(const char *path, struct store **out, struct juste_err *e);

/* SQLite's integrity_check: each problem through cb, their number in
 * *count (0: the file is sound). */
juste_status store_integrity(struct store *s, store_finding_cb cb, void *ctx, int *count, struct juste_err *e);

/* The file's page size, in bytes. */
juste_status store_page_size(struct store *s, int *bytes, struct juste_err *e);

/* PRAGMA data_version: differs between two calls when another connection
 * committed something in between. */
juste_status store_data_version(struct store *s, int64_t *v, struct juste_err *e);

/* Records a restore in the audit log of `s` (the copy about to be put in
 * place): the file it came from and its schema version, where the previous
 * database was kept and its schema version. */
juste_status store_audit_restore(struct store *s, const char *from, int from_schema, const char *kept,
	int kept_schema, struct juste_err *e);

/* Replaces the whole content of `live` by that of `from`, in one write
 * transaction of `live` (SQLite's backup API into the open connection, all
 * pages in one step): other connections see the database before or after,
 * never between, and wait on the busy timeout meanwhile.  Both must have
 * the same page size. */
juste_status store_replace(struct store *live, struct store *from, struct juste_err *e);

#endif
