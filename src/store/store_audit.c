/*
 * store_audit.c - reading the audit log: one journal made of the audit
 * table, the report's log and the month closings.
 */
#include <string.h>

#include "juste/store_audit.h"
#include "store/store_internal.h"

juste_status store_audit_query(struct store *s, const struct audit_filter *f, store_audit_cb cb, void *ctx, struct juste_err *e)
{
	struct store_where w = { .n = 0 };
	w.sql[0] = '\0';
	char to_next[16] = "";
	store_where_add(&w, "a.at >=", f->from);
	/* `at` is a timestamp: a day "to" includes the whole day */
	if (f->to && *f->to) {
		snprintf(to_next, sizeof to_next, "%sT99", f->to);
		store_where_add(&w, "a.at <", to_next);
	}
	if (f->expert && *f->expert) {
		size_t len = strlen(w.sql);
		snprintf(w.sql + len, sizeof w.sql - len, "%s(a.actor = ?%d OR a.as_login = ?%d)",
			w.n ? " AND " : " WHERE ", w.n + 1, w.n + 1);
		w.args[w.n++] = f->expert;
	}
	store_where_add(&w, "a.entity =", f->entity ? vocab_entity_word(*f->entity) : NULL);
	/* One journal for the reader: the audit table, the finance and
	 * business-development log (005) and the month closings (003), which
	 * keep their own append-only tables because the audit table's entity
	 * CHECK predates them. */
	char sql[2048];
	snprintf(sql, sizeof sql, "SELECT a.id, a.at, a.actor, a.as_login, a.entity, a.entity_id, a.action, "
		"a.before, a.after FROM ("
		"  SELECT 0 AS src, id, at, actor, as_login, entity, entity_id, action, before, after FROM audit"
		"  UNION ALL SELECT 1, id, at, actor, as_login, entity, entity_id, action, before, after FROM report_audit"
		"  UNION ALL SELECT 2, id, at, actor, as_login, ?%d, id, action, NULL,"
		"    json_object('month', month, 'closed_by', closed_by) FROM month_log"
		") a%s ORDER BY a.at, a.src, a.id", w.n + 1, w.sql);
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return store_fail(s, sqlite3_errcode(s->db), "audit", e);
	for (int i = 0; i < w.n; i++)
		sqlite3_bind_text(st, i + 1, w.args[i], -1, SQLITE_STATIC);
	store_bind_word(st, w.n + 1, VOCAB_ENTITY, ENTITY_MONTH);   /* month_log's lines */
	struct audit_row a;
	juste_status r = JUSTE_OK;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int entity, action;
		memset(&a, 0, sizeof a);
		a.id = sqlite3_column_int64(st, 0);
		store_col_text(st, 1, a.at, sizeof a.at);
		store_col_text(st, 2, a.actor, sizeof a.actor);
		store_col_text(st, 3, a.as_login, sizeof a.as_login);
		a.entity_id = sqlite3_column_int64(st, 5);
		char what[48];
		snprintf(what, sizeof what, "audit #%lld", (long long)a.id);
		if ((r = store_col_word(st, 4, VOCAB_ENTITY, &entity, what, e)) != JUSTE_OK ||
		    (r = store_col_word(st, 6, VOCAB_ACTION, &action, what, e)) != JUSTE_OK)
			break;
		a.entity = (enum audit_entity)entity;
		a.action = (enum audit_action)action;
		a.before = (const char *)sqlite3_column_text(st, 7);
		a.after = (const char *)sqlite3_column_text(st, 8);
		if (cb(ctx, &a))
			break;
	}
	if (!r)
		r = (rc == SQLITE_ROW || rc == SQLITE_DONE) ? JUSTE_OK : store_fail(s, rc, "audit", e);
	sqlite3_finalize(st);
	return r;
}
