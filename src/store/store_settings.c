/*
 * store_settings.c - the settings table and policy_import (sql/007).
 */
#include <string.h>

#include "juste/store_settings.h"
#include "store/store_internal.h"

enum {
	ST_SETTING_LIST = ST_SETTINGS_BASE,
	ST_SETTING_PUT,
	ST_SETTING_DELETE,
	ST_POLICY_IMPORTED,
	ST_POLICY_MARK,
};

juste_status store_setting_list(struct store *s, store_setting_cb cb, void *ctx, struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, ST_SETTING_LIST,
		"SELECT key, valid_from, value FROM settings ORDER BY key, valid_from", e);
	if (!st)
		return JUSTE_EIO;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct setting_row r = {
			(const char *)sqlite3_column_text(st, 0),
			(const char *)sqlite3_column_text(st, 1),
			(const char *)sqlite3_column_text(st, 2),
		};
		if (cb(ctx, &r)) {
			sqlite3_reset(st);
			return JUSTE_OK;
		}
	}
	juste_status r = rc == SQLITE_DONE ? JUSTE_OK : store_fail(s, rc, "settings", e);
	sqlite3_reset(st);
	return r;
}

juste_status store_setting_put(struct store *s, const struct setting_row *r, struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, ST_SETTING_PUT,
		"INSERT INTO settings(uuid, key, valid_from, value) VALUES (?1, ?2, ?3, ?4) "
		"ON CONFLICT(key, valid_from) DO UPDATE SET value = excluded.value "
		"WHERE value IS NOT excluded.value", e);
	if (!st)
		return JUSTE_EIO;
	char uuid[UUID_LEN];
	store_uuid(uuid);
	sqlite3_bind_text(st, 1, uuid, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, r->key, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, r->valid_from ? r->valid_from : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, r->value, -1, SQLITE_TRANSIENT);
	return store_step_done(s, st, r->key, e);
}

juste_status store_setting_delete(struct store *s, const char *key, const char *valid_from, struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, ST_SETTING_DELETE,
		"DELETE FROM settings WHERE key = ?1 AND valid_from = ?2", e);
	if (!st)
		return JUSTE_EIO;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, valid_from ? valid_from : "", -1, SQLITE_TRANSIENT);
	juste_status r = store_step_done(s, st, key, e);
	if (!r && sqlite3_changes(s->db) == 0)
		return err_set(e, JUSTE_ENOTFOUND, N_("réglage introuvable : %s%s%s"), key,
			valid_from && *valid_from ? " --from " : "", valid_from ? valid_from : "");
	return r;
}

juste_status store_setting_imported(struct store *s, bool *done, struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, ST_POLICY_IMPORTED, "SELECT 1 FROM policy_import", e);
	if (!st)
		return JUSTE_EIO;
	int rc = sqlite3_step(st);
	*done = rc == SQLITE_ROW;
	juste_status r = (rc == SQLITE_ROW || rc == SQLITE_DONE) ? JUSTE_OK : store_fail(s, rc, "policy_import", e);
	sqlite3_reset(st);
	return r;
}

juste_status store_setting_import_mark(struct store *s, const char *source, struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, ST_POLICY_MARK,
		"INSERT INTO policy_import(id, actor, source) VALUES (1, juste_actor(), ?1)", e);
	if (!st)
		return JUSTE_EIO;
	sqlite3_bind_text(st, 1, source ? source : "", -1, SQLITE_TRANSIENT);
	return store_step_done(s, st, "policy_import", e);
}
