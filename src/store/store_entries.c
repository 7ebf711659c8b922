/*
 * store_entries.c - time entries and reading the audit log (the checks are in
 * store_check.c).
 */
#include <stdlib.h>
#include <string.h>

#include "store/store_internal.h"

#define ENTRY_COLS "e.id, e.uuid, x.login, m.code, e.work_date, e.minutes, e.note, " \
	"e.expert_id, e.mandate_id, c.code, m.billing"
#define ENTRY_FROM " FROM entries e JOIN experts x ON x.id = e.expert_id " \
	"JOIN mandates m ON m.id = e.mandate_id JOIN orgs c ON c.id = m.client_id"

static void entry_read(sqlite3_stmt *st, struct entry *x)
{
	x->id = sqlite3_column_int64(st, 0);
	store_col_text(st, 1, x->uuid, sizeof x->uuid);
	store_col_text(st, 2, x->expert, sizeof x->expert);
	store_col_text(st, 3, x->mandate, sizeof x->mandate);
	store_col_text(st, 4, x->work_date, sizeof x->work_date);
	x->minutes = sqlite3_column_int(st, 5);
	store_col_text(st, 6, x->note, sizeof x->note);
	x->expert_id = sqlite3_column_int64(st, 7);
	x->mandate_id = sqlite3_column_int64(st, 8);
	store_col_text(st, 9, x->client, sizeof x->client);
	store_col_text(st, 10, x->billing, sizeof x->billing);
}

static juste_status entry_resolve(struct store *s, const struct entry *x, int64_t *expert_id,
	int64_t *mandate_id, struct juste_err *e)
{
	*expert_id = x->expert_id;
	*mandate_id = x->mandate_id;
	juste_status r = JUSTE_OK;
	if (*expert_id <= 0)
		r = store_id_by_code(s, ST_EXPERT_ID, "experts", x->expert, N_("expert"), expert_id, e);
	if (!r && *mandate_id <= 0)
		r = store_id_by_code(s, ST_MANDATE_ID, "mandates", x->mandate, N_("mandat"), mandate_id, e);
	return r;
}

juste_status store_entry_insert(struct store *s, struct entry *x, struct juste_err *e)
{
	int64_t expert_id, mandate_id;
	juste_status r = entry_resolve(s, x, &expert_id, &mandate_id, e);
	if (r)
		return r;
	sqlite3_stmt *st = store_stmt(s, ST_ENTRY_INSERT,
		"INSERT INTO entries(uuid, expert_id, mandate_id, work_date, minutes, note) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6)", e);
	if (!st)
		return JUSTE_EIO;
	if (!x->uuid[0])
		store_uuid(x->uuid);
	sqlite3_bind_text(st, 1, x->uuid, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, expert_id);
	sqlite3_bind_int64(st, 3, mandate_id);
	sqlite3_bind_text(st, 4, x->work_date, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 5, x->minutes);
	sqlite3_bind_text(st, 6, x->note, -1, SQLITE_STATIC);
	r = store_step_done(s, st, x->work_date, e);
	if (!r) {
		x->id = sqlite3_last_insert_rowid(s->db);
		if (s->bulk) {
			if (!s->bulk_rows++)
				s->bulk_first = x->id;
			s->bulk_last = x->id;
		}
		x->expert_id = expert_id;
		x->mandate_id = mandate_id;
	}
	return r;
}

juste_status store_entry_update(struct store *s, const struct entry *x, struct juste_err *e)
{
	int64_t mandate_id = x->mandate_id;
	juste_status r = JUSTE_OK;
	if (mandate_id <= 0)
		r = store_id_by_code(s, ST_MANDATE_ID, "mandates", x->mandate, N_("mandat"), &mandate_id, e);
	if (r)
		return r;
	sqlite3_stmt *st = store_stmt(s, ST_ENTRY_UPDATE,
		"UPDATE entries SET mandate_id = ?1, work_date = ?2, minutes = ?3, note = ?4 WHERE id = ?5", e);
	if (!st)
		return JUSTE_EIO;
	sqlite3_bind_int64(st, 1, mandate_id);
	sqlite3_bind_text(st, 2, x->work_date, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, x->minutes);
	sqlite3_bind_text(st, 4, x->note, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, x->id);
	char what[48];
	snprintf(what, sizeof what, "saisie #%lld", (long long)x->id);
	r = store_step_done(s, st, what, e);
	if (!r && sqlite3_changes(s->db) == 0)
		r = err_set(e, JUSTE_ENOTFOUND, N_("saisie inconnue : #%lld"), (long long)x->id);
	return r;
}

juste_status store_entry_delete(struct store *s, int64_t id, struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, ST_ENTRY_DELETE, "DELETE FROM entries WHERE id = ?1", e);
	if (!st)
		return JUSTE_EIO;
	sqlite3_bind_int64(st, 1, id);
	char what[48];
	snprintf(what, sizeof what, "saisie #%lld", (long long)id);
	juste_status r = store_step_done(s, st, what, e);
	if (!r && sqlite3_changes(s->db) == 0)
		r = err_set(e, JUSTE_ENOTFOUND, N_("saisie inconnue : #%lld"), (long long)id);
	return r;
}

juste_status store_entry_get(struct store *s, int64_t id, struct entry *out, struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, ST_ENTRY_GET, "SELECT " ENTRY_COLS ENTRY_FROM " WHERE e.id = ?1", e);
	if (!st)
		return JUSTE_EIO;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	juste_status r = JUSTE_OK;
	if (rc == SQLITE_ROW)
		entry_read(st, out);
	else if (rc == SQLITE_DONE)
		r = err_set(e, JUSTE_ENOTFOUND, N_("saisie inconnue : #%lld"), (long long)id);
	else
		r = store_fail(s, rc, "entry", e);
	sqlite3_reset(st);
	return r;
}

juste_status store_entry_day_minutes(struct store *s, int64_t expert_id, const char *date, int *minutes, struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, ST_ENTRY_DAY,
		"SELECT coalesce(sum(minutes), 0) FROM entries WHERE expert_id = ?1 AND work_date = ?2", e);
	if (!st)
		return JUSTE_EIO;
	sqlite3_bind_int64(st, 1, expert_id);
	sqlite3_bind_text(st, 2, date, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	juste_status r = JUSTE_OK;
	if (rc == SQLITE_ROW)
		*minutes = sqlite3_column_int(st, 0);
	else
		r = store_fail(s, rc, date, e);
	sqlite3_reset(st);
	return r;
}

/* Builds "a AND b AND ..." from the filters that are set; the values are
 * always bound, only the shape of the query varies. */
struct where {
	char sql[512];
	const char *args[8];
	int n;
};

static void where_add(struct where *w, const char *cond, const char *arg)
{
	if (!arg || !*arg)
		return;
	size_t len = strlen(w->sql);
	snprintf(w->sql + len, sizeof w->sql - len, "%s%s ?%d", w->n ? " AND " : " WHERE ", cond, w->n + 1);
	w->args[w->n++] = arg;
}

juste_status store_entry_query(struct store *s, const struct entry_filter *f, store_entry_cb cb, void *ctx, struct juste_err *e)
{
	struct where w = { .n = 0 };
	w.sql[0] = '\0';
	where_add(&w, "e.work_date >=", f->from);
	where_add(&w, "e.work_date <=", f->to);
	where_add(&w, "x.login =", f->expert);
	where_add(&w, "m.code =", f->mandate);
	where_add(&w, "c.code =", f->org);
	char sql[1024];
	snprintf(sql, sizeof sql, "SELECT " ENTRY_COLS ENTRY_FROM "%s ORDER BY e.work_date, x.login, e.id", w.sql);
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return store_fail(s, sqlite3_errcode(s->db), "entries", e);
	for (int i = 0; i < w.n; i++)
		sqlite3_bind_text(st, i + 1, w.args[i], -1, SQLITE_STATIC);
	struct entry x;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		entry_read(st, &x);
		if (cb(ctx, &x))
			break;
	}
	juste_status r = (rc == SQLITE_ROW || rc == SQLITE_DONE) ? JUSTE_OK : store_fail(s, rc, "entries", e);
	sqlite3_finalize(st);
	return r;
}

/* ------------------------------------------------------------------ audit */

juste_status store_audit_query(struct store *s, const struct audit_filter *f, store_audit_cb cb, void *ctx, struct juste_err *e)
{
	struct where w = { .n = 0 };
	w.sql[0] = '\0';
	char to_next[16] = "";
	where_add(&w, "a.at >=", f->from);
	/* `at` is a timestamp: a day "to" includes the whole day */
	if (f->to && *f->to) {
		snprintf(to_next, sizeof to_next, "%sT99", f->to);
		where_add(&w, "a.at <", to_next);
	}
	if (f->expert && *f->expert) {
		size_t len = strlen(w.sql);
		snprintf(w.sql + len, sizeof w.sql - len, "%s(a.actor = ?%d OR a.as_login = ?%d)",
			w.n ? " AND " : " WHERE ", w.n + 1, w.n + 1);
		w.args[w.n++] = f->expert;
	}
	where_add(&w, "a.entity =", f->entity);
	/* One journal for the reader: the audit table, the finance and
	 * business-development log (005) and the month closings (003), which
	 * keep their own append-only tables because the audit table's entity
	 * CHECK predates them. */
	char sql[2048];
	snprintf(sql, sizeof sql, "SELECT a.id, a.at, a.actor, a.as_login, a.entity, a.entity_id, a.action, "
		"a.before, a.after FROM ("
		"  SELECT 0 AS src, id, at, actor, as_login, entity, entity_id, action, before, after FROM audit"
		"  UNION ALL SELECT 1, id, at, actor, as_login, entity, entity_id, action, before, after FROM report_audit"
		"  UNION ALL SELECT 2, id, at, actor, as_login, 'month', id, action, NULL,"
		"    json_object('month', month, 'closed_by', closed_by) FROM month_log"
		") a%s ORDER BY a.at, a.src, a.id", w.sql);
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return store_fail(s, sqlite3_errcode(s->db), "audit", e);
	for (int i = 0; i < w.n; i++)
		sqlite3_bind_text(st, i + 1, w.args[i], -1, SQLITE_STATIC);
	struct audit_row a;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&a, 0, sizeof a);
		a.id = sqlite3_column_int64(st, 0);
		store_col_text(st, 1, a.at, sizeof a.at);
		store_col_text(st, 2, a.actor, sizeof a.actor);
		store_col_text(st, 3, a.as_login, sizeof a.as_login);
		store_col_text(st, 4, a.entity, sizeof a.entity);
		a.entity_id = sqlite3_column_int64(st, 5);
		store_col_text(st, 6, a.action, sizeof a.action);
		a.before = (const char *)sqlite3_column_text(st, 7);
		a.after = (const char *)sqlite3_column_text(st, 8);
		if (cb(ctx, &a))
			break;
	}
	juste_status r = (rc == SQLITE_ROW || rc == SQLITE_DONE) ? JUSTE_OK : store_fail(s, rc, "audit", e);
	sqlite3_finalize(st);
	return r;
}
