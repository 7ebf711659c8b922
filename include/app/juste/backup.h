/*
 * backup.h - juste backup and juste restore: a copy of the live database
 * while others keep writing, and putting a copy back.  Admin only.
 *
 * Both work through the connection the process already has: on a shared
 * server juste has given up the group that may create, rename or remove
 * files in the database's directory before it reads anything the user
 * names, so every file these write is the user's own, in the user's
 * directory, and the live file itself is only ever changed through SQLite.
 */
#ifndef JUSTE_BACKUP_H
#define JUSTE_BACKUP_H

#include <limits.h>
#include "juste/app.h"
#include "juste/err.h"

struct backup_info {
	long long bytes;          /* size of the copy */
	int schema;               /* its schema version */
};

/* A consistent copy of the live database into `file`: VACUUM INTO a new
 * temporary file beside it (created exclusively, mode 0600), checked
 * (integrity_check, a juste database of the live schema version), synced,
 * then renamed over `file`.  A symlink at `file` is refused (and rename
 * would replace it, never write through it); on any failure the temporary
 * is removed and `file` is untouched. */
juste_status backup_write(struct app *a, const char *file, struct backup_info *out, struct juste_err *e);

struct restore_info {
	int schema_file;          /* the schema version of the file restored */
	int schema;               /* the database's now */
	char kept[PATH_MAX];      /* where the previous database was kept */
};

/* Puts the copy `file` in place of the live database.  The file must be a
 * sound juste database that `juste check` finds nothing in, of a schema
 * version this binary knows (an older one is migrated first, on a copy);
 * each problem found goes through cb, and the database is unchanged.  The
 * current database is first written to `keep` (or, when NULL,
 * juste-avant-restauration-DATE-HEURE.db beside `file`), never over an
 * existing file, taken at a moment when nobody else committed during the
 * copy; then the content is replaced in one transaction, which records
 * the restore (who, when, from which file, where the previous one is) in
 * the restored audit log. */
typedef int (*backup_finding_cb)(void *ctx, const char *finding);
juste_status backup_restore(struct app *a, const char *file, const char *keep, backup_finding_cb cb, void *ctx,
	struct restore_info *out, struct juste_err *e);

#endif
