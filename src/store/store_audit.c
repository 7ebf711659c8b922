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

/* The public names of what a line refers to, for readers who know codes
 * and UUIDs, not row ids.  Fixed statements only: the key picks one. */
static const struct {
	const char *key, *sql;
} refs[] = {
	{ "expert_id", "SELECT login FROM experts WHERE id = ?1" },
	{ "mandate_id", "SELECT code FROM mandates WHERE id = ?1" },
	{ "client_id", "SELECT code FROM orgs WHERE id = ?1" },
	{ "beneficiary_id", "SELECT code FROM orgs WHERE id = ?1" },
	{ "parent_id", "SELECT code FROM orgs WHERE id = ?1" },
	{ "org_id", "SELECT code FROM orgs WHERE id = ?1" },
	{ "service_id", "SELECT code FROM services WHERE id = ?1" },
	{ "program_id", "SELECT code FROM programs WHERE id = ?1" },
	{ "table_id", "SELECT uuid FROM rate_tables WHERE id = ?1" },
	{ "credited_id", "SELECT number FROM invoices WHERE id = ?1" },
	{ "year_id", "SELECT fy FROM cost_years WHERE id = ?1" },
	{ "level_id", "SELECT level FROM cost_levels WHERE id = ?1" },
};

static const struct {
	enum audit_entity entity;
	const char *sql;
} entities[] = {
	{ ENTITY_ENTRY, "SELECT uuid, '' FROM entries WHERE id = ?1" },
	{ ENTITY_MANDATE, "SELECT uuid, code FROM mandates WHERE id = ?1" },
	{ ENTITY_ORG, "SELECT uuid, code FROM orgs WHERE id = ?1" },
	{ ENTITY_EXPERT, "SELECT uuid, login FROM experts WHERE id = ?1" },
	{ ENTITY_SERVICE, "SELECT uuid, code FROM services WHERE id = ?1" },
	{ ENTITY_PROGRAM, "SELECT uuid, code FROM programs WHERE id = ?1" },
	{ ENTITY_INVOICE, "SELECT uuid, coalesce(number, '') FROM invoices WHERE id = ?1" },
	{ ENTITY_MAIL, "SELECT uuid, message_id FROM mail_log WHERE id = ?1" },
};

static juste_status one_row(struct store *s, const char *sql, int64_t id, char *a, size_t an, char *b, size_t bn,
	bool *found, struct juste_err *e)
{
	sqlite3_stmt *st;
	*found = false;
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return store_fail(s, sqlite3_errcode(s->db), "audit", e);
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*found = true;
		store_col_text(st, 0, a, an);
		if (b)
			store_col_text(st, 1, b, bn);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? JUSTE_OK : store_fail(s, rc, "audit", e);
}

juste_status store_audit_ref(struct store *s, const char *key, int64_t id, char *out, size_t n, bool *found,
	struct juste_err *e)
{
	*found = false;
	for (size_t i = 0; i < sizeof refs / sizeof refs[0]; i++)
		if (strcmp(refs[i].key, key) == 0)
			return one_row(s, refs[i].sql, id, out, n, NULL, 0, found, e);
	return JUSTE_OK;
}

juste_status store_audit_entity(struct store *s, enum audit_entity entity, int64_t id, char uuid[UUID_LEN],
	char *code, size_t n, struct juste_err *e)
{
	bool found;
	uuid[0] = code[0] = '\0';
	for (size_t i = 0; i < sizeof entities / sizeof entities[0]; i++)
		if (entities[i].entity == entity)
			return one_row(s, entities[i].sql, id, uuid, UUID_LEN, code, n, &found, e);
	return JUSTE_OK;
}
