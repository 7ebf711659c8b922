/*
 * store_backup.c - whole-database copies: VACUUM INTO for a backup, the
 * backup API into the open connection for a restore, and the checks of a
 * file that comes from outside.
 *
 * The statements here run once per command, most on connections other
 * than the live one (the file being judged, the copy being prepared), so
 * they are prepared and finalized on the spot rather than kept in slots.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "juste/store_backup.h"
#include "store/migrations.h"
#include "store/store_internal.h"

int store_schema_known(void)
{
	return store_migrations_count;
}

static bool disk_full(struct store *s, int rc)
{
	int sys = sqlite3_system_errno(s->db);
	return (rc & 0xff) == SQLITE_FULL || sys == ENOSPC || sys == EDQUOT;
}

juste_status store_backup_into(struct store *s, const char *path, const char *name, struct juste_err *e)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(s->db, "VACUUM INTO ?1", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_fail(s, rc, name, e);
	sqlite3_bind_text(st, 1, path, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	juste_status r = JUSTE_OK;
	if (rc != SQLITE_DONE)
		r = disk_full(s, rc) ? err_set(e, JUSTE_EIO, N_("%s : disque plein, rien n'a été écrit"), name)
			: store_fail(s, rc, name, e);
	sqlite3_finalize(st);
	return r;
}

juste_status store_copy_to(struct store *s, const char *path, const char *name, struct juste_err *e)
{
	sqlite3 *dst = NULL;
	int rc = sqlite3_open_v2(path, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		juste_status r = err_set(e, JUSTE_EIO, N_("impossible d'ouvrir %s : %s"), name,
			dst ? sqlite3_errmsg(dst) : sqlite3_errstr(rc));
		sqlite3_close(dst);
		return r;
	}
	sqlite3_backup *b = sqlite3_backup_init(dst, "main", s->db, "main");
	if (b) {
		rc = sqlite3_backup_step(b, -1);
		sqlite3_backup_finish(b);
	} else {
		rc = sqlite3_errcode(dst);
	}
	juste_status r = JUSTE_OK;
	if (rc != SQLITE_DONE) {
		int sys = sqlite3_system_errno(dst);
		r = ((rc & 0xff) == SQLITE_FULL || sys == ENOSPC || sys == EDQUOT)
			? err_set(e, JUSTE_EIO, N_("%s : disque plein, rien n'a été écrit"), name)
			: err_set(e, JUSTE_EIO, N_("%s : erreur de base de données : %s"), name, sqlite3_errmsg(dst));
	}
	sqlite3_close(dst);
	return r;
}

/* The first 16 bytes of every SQLite 3 database. */
static juste_status sqlite_header(const char *path, struct juste_err *e)
{
	static const char magic[16] = "SQLite format 3";
	char head[16];
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return err_set(e, errno == ENOENT ? JUSTE_ENOTFOUND : JUSTE_EIO, "%s : %s", path, strerror(errno));
	ssize_t n = read(fd, head, sizeof head);
	int err = errno;
	close(fd);
	if (n < 0)
		return err_set(e, JUSTE_EIO, "%s : %s", path, strerror(err));
	if (n != (ssize_t)sizeof head || memcmp(head, magic, sizeof magic) != 0)
		return err_set(e, JUSTE_EINVAL, N_("%s n'est pas une base de données juste (ce n'est pas un fichier SQLite)"), path);
	return JUSTE_OK;
}

juste_status store_backup_open(const char *path, struct store **out, struct juste_err *e)
{
	*out = NULL;
	juste_status st = sqlite_header(path, e);
	if (st)
		return st;
	struct store *s;
	if ((st = store_open(path, STORE_READONLY, &s, e)))
		return st;
	/* Not trusted_schema = OFF: juste's own schema calls json_extract(),
	 * which SQLite does not count as innocuous, so every juste file would
	 * be refused.  A schema that differs from juste's is refused by
	 * store_check before anything else reads the file, and the functions
	 * a connection of juste offers write nothing. */
	sqlite3_db_config(s->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	char *msg = NULL;
	int rc = sqlite3_exec(s->db, "PRAGMA cell_size_check = ON", NULL, NULL, &msg);
	sqlite3_free(msg);
	if (rc != SQLITE_OK) {
		st = store_fail(s, rc, path, e);
		store_close(s);
		return st;
	}
	*out = s;
	return JUSTE_OK;
}

juste_status store_integrity(struct store *s, store_finding_cb cb, void *ctx, int *count, struct juste_err *e)
{
	*count = 0;
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(s->db, "SELECT integrity_check FROM pragma_integrity_check", -1, &st, NULL);
	if (rc != SQLITE_OK) {
		if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB)
			goto corrupt;
		return store_fail(s, rc, "integrity_check", e);
	}
	int stop = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *line = (const char *)sqlite3_column_text(st, 0);
		if (line && strcmp(line, "ok") == 0)
			continue;
		++*count;
		if (!stop && cb && cb(ctx, line ? line : ""))
			stop = 1;
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return JUSTE_OK;
	if ((rc & 0xff) != SQLITE_CORRUPT && (rc & 0xff) != SQLITE_NOTADB)
		return store_fail(s, rc, "integrity_check", e);
corrupt:
	/* So damaged that the check itself cannot run: one finding. */
	++*count;
	if (cb)
		cb(ctx, sqlite3_errmsg(s->db));
	return JUSTE_OK;
}

static juste_status pragma_int(struct store *s, const char *sql, int64_t *v, struct juste_err *e)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_fail(s, rc, sql, e);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*v = sqlite3_column_int64(st, 0);
	juste_status r = rc == SQLITE_ROW ? JUSTE_OK : store_fail(s, rc, sql, e);
	sqlite3_finalize(st);
	return r;
}

juste_status store_page_size(struct store *s, int *bytes, struct juste_err *e)
{
	int64_t v = 0;
	juste_status r = pragma_int(s, "PRAGMA page_size", &v, e);
	*bytes = (int)v;
	return r;
}

juste_status store_data_version(struct store *s, int64_t *v, struct juste_err *e)
{
	return pragma_int(s, "PRAGMA data_version", v, e);
}

juste_status store_audit_restore(struct store *s, const char *from, int from_schema, const char *kept,
	int kept_schema, struct juste_err *e)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(s->db, "INSERT INTO audit(actor, as_login, entity, entity_id, action, before, after) "
		"VALUES (juste_actor(), juste_as(), ?6, 0, ?7, "
		"json_object('kept_as', ?3, 'schema', ?4), "
		"json_object('restored_from', ?1, 'schema', ?2, 'migrated_to', ?5))", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_fail(s, rc, "audit", e);
	sqlite3_bind_text(st, 1, from, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 2, from_schema);
	sqlite3_bind_text(st, 3, kept, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 4, kept_schema);
	sqlite3_bind_int(st, 5, store_migrations_count);
	store_bind_word(st, 6, VOCAB_ENTITY, ENTITY_DATABASE);
	store_bind_word(st, 7, VOCAB_ACTION, ACTION_UPDATE);
	juste_status r = store_step_done(s, st, "audit", e);
	sqlite3_finalize(st);
	return r;
}

juste_status store_replace(struct store *live, struct store *from, struct juste_err *e)
{
	if (live->in_tx)
		return err_set(e, JUSTE_EINVAL, N_("transaction déjà ouverte"));
	/* A statement left on a row would hold a read transaction, and the
	 * backup API refuses a destination in use. */
	for (int i = 0; i < STORE_MAX_STMTS; i++)
		if (live->stmts[i])
			sqlite3_reset(live->stmts[i]);
	sqlite3_backup *b = sqlite3_backup_init(live->db, "main", from->db, "main");
	if (!b)
		return store_fail(live, sqlite3_errcode(live->db), live->path, e);
	/* -1: every page in one step, so one write transaction that no commit
	 * elsewhere can make restart. */
	int rc = sqlite3_backup_step(b, -1);
	sqlite3_backup_finish(b);
	if (rc == SQLITE_DONE)
		return JUSTE_OK;
	if ((rc & 0xff) == SQLITE_READONLY)
		return err_set(e, JUSTE_EINVAL, N_("%s : la copie n'a pas la taille de page de la base"), live->path);
	if (disk_full(live, rc))
		return err_set(e, JUSTE_EIO, N_("%s : disque plein, la base est inchangée"), live->path);
	return store_fail(live, rc, live->path, e);
}
