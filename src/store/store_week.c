/*
 * store_week.c - the week's rows and entries, the mandates an expert may
 * pick, and the pins that keep a row on a week.  Statements use the slots
 * ST_WEEK_BASE .. +19.
 */
#include <string.h>

#include "juste/store_week.h"
#include "store/store_internal.h"

enum {
	W_ROWS = ST_WEEK_BASE, W_ENTRIES, W_PICKABLE, W_PIN_ADD, W_PIN_DEL_WEEK, W_PIN_DEL_ALL, W_HOURS, W_CELL,
	W_LAST
};
_Static_assert(W_LAST <= ST_WEEK_BASE + 20, "store_week.c uses at most 20 statement slots");

static void week_mandate_read(sqlite3_stmt *st, struct week_mandate *m)
{
	memset(m, 0, sizeof *m);
	m->id = sqlite3_column_int64(st, 0);
	store_col_text(st, 1, m->code, sizeof m->code);
	store_col_text(st, 2, m->title, sizeof m->title);
	store_col_text(st, 3, m->client, sizeof m->client);
	store_col_text(st, 4, m->client_name, sizeof m->client_name);
	store_col_text(st, 5, m->opened_on, sizeof m->opened_on);
	store_col_text(st, 6, m->closed_on, sizeof m->closed_on);
	m->pinned = sqlite3_column_int(st, 7);
	store_col_text(st, 8, m->last_used, sizeof m->last_used);
}

static juste_status walk_mandates(struct store *s, sqlite3_stmt *st, store_week_mandate_cb cb, void *ctx,
	struct juste_err *e)
{
	struct week_mandate m;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		week_mandate_read(st, &m);
		if (cb(ctx, &m))
			break;
	}
	juste_status r = (rc == SQLITE_ROW || rc == SQLITE_DONE) ? JUSTE_OK : store_fail(s, rc, "mandates", e);
	sqlite3_reset(st);
	return r;
}

juste_status store_week_rows(struct store *s, int64_t expert_id, const char *monday, const char *sunday,
	store_week_mandate_cb cb, void *ctx, struct juste_err *e)
{
	/* kind: 0 logged, 1 pinned this week, 2 pinned every week */
	sqlite3_stmt *st = store_stmt(s, W_ROWS,
		"SELECT m.id, m.code, m.title, c.code, c.name, m.opened_on, m.closed_on, max(k.kind), '' FROM ("
		"  SELECT DISTINCT mandate_id, 0 AS kind FROM entries"
		"   WHERE expert_id = ?1 AND work_date BETWEEN ?2 AND ?3"
		"  UNION ALL SELECT mandate_id, CASE week WHEN '' THEN 2 ELSE 1 END FROM pins"
		"   WHERE expert_id = ?1 AND week IN ('', ?2)"
		") k JOIN mandates m ON m.id = k.mandate_id JOIN orgs c ON c.id = m.client_id "
		"GROUP BY m.id ORDER BY m.code", e);
	if (!st)
		return JUSTE_EIO;
	sqlite3_bind_int64(st, 1, expert_id);
	sqlite3_bind_text(st, 2, monday, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, sunday, -1, SQLITE_STATIC);
	return walk_mandates(s, st, cb, ctx, e);
}

juste_status store_week_entries(struct store *s, int64_t expert_id, const char *from, const char *to,
	store_entry_cb cb, void *ctx, struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, W_ENTRIES,
		"SELECT e.id, e.uuid, e.mandate_id, m.code, e.work_date, e.minutes, e.note FROM entries e "
		"JOIN mandates m ON m.id = e.mandate_id "
		"WHERE e.expert_id = ?1 AND e.work_date BETWEEN ?2 AND ?3 ORDER BY e.work_date, e.id", e);
	if (!st)
		return JUSTE_EIO;
	sqlite3_bind_int64(st, 1, expert_id);
	sqlite3_bind_text(st, 2, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, to, -1, SQLITE_STATIC);
	struct entry x;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&x, 0, sizeof x);
		x.id = sqlite3_column_int64(st, 0);
		store_col_text(st, 1, x.uuid, sizeof x.uuid);
		x.expert_id = expert_id;
		x.mandate_id = sqlite3_column_int64(st, 2);
		store_col_text(st, 3, x.mandate, sizeof x.mandate);
		store_col_text(st, 4, x.work_date, sizeof x.work_date);
		x.minutes = sqlite3_column_int(st, 5);
		store_col_text(st, 6, x.note, sizeof x.note);
		if (cb(ctx, &x))
			break;
	}
	juste_status r = (rc == SQLITE_ROW || rc == SQLITE_DONE) ? JUSTE_OK : store_fail(s, rc, "entries", e);
	sqlite3_reset(st);
	return r;
}

juste_status store_week_pickable(struct store *s, int64_t expert_id, const char *from, const char *to,
	const char *since, store_week_mandate_cb cb, void *ctx, struct juste_err *e)
{
	/* The recent window is bounded so the lookup stays one index range;
	 * a mandate with a team is offered to its members only (the rule every
	 * write meets, store_team_allows), each test one probe of the team's
	 * unique (mandate_id, expert_id) index. */
	sqlite3_stmt *st = store_stmt(s, W_PICKABLE,
		"SELECT m.id, m.code, m.title, c.code, c.name, m.opened_on, m.closed_on, 0, "
		"  coalesce(r.last, '') FROM mandates m JOIN orgs c ON c.id = m.client_id "
		"LEFT JOIN (SELECT mandate_id, max(work_date) AS last FROM entries "
		"  WHERE expert_id = ?1 AND work_date BETWEEN ?4 AND ?3 GROUP BY mandate_id) r ON r.mandate_id = m.id "
		"WHERE m.opened_on <= ?3 AND (m.closed_on IS NULL OR m.closed_on >= ?2) "
		"  AND (NOT EXISTS (SELECT 1 FROM mandate_team t WHERE t.mandate_id = m.id) "
		"    OR EXISTS (SELECT 1 FROM mandate_team t WHERE t.mandate_id = m.id AND t.expert_id = ?1)) "
		"ORDER BY m.code", e);
	if (!st)
		return JUSTE_EIO;
	sqlite3_bind_int64(st, 1, expert_id);
	sqlite3_bind_text(st, 2, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, to, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, since, -1, SQLITE_STATIC);
	return walk_mandates(s, st, cb, ctx, e);
}

/* ------------------------------------------------------------------- pins */

juste_status store_week_pin_add(struct store *s, int64_t expert_id, int64_t mandate_id, const char *week, struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, W_PIN_ADD,
		"INSERT OR IGNORE INTO pins(expert_id, mandate_id, week) VALUES (?1, ?2, ?3)", e);
	if (!st)
		return JUSTE_EIO;
	sqlite3_bind_int64(st, 1, expert_id);
	sqlite3_bind_int64(st, 2, mandate_id);
	sqlite3_bind_text(st, 3, week ? week : "", -1, SQLITE_STATIC);
	return store_step_done(s, st, "pin", e);
}

juste_status store_week_pin_remove(struct store *s, int64_t expert_id, int64_t mandate_id, const char *week, struct juste_err *e)
{
	sqlite3_stmt *st = week
		? store_stmt(s, W_PIN_DEL_WEEK, "DELETE FROM pins WHERE expert_id = ?1 AND mandate_id = ?2 AND week = ?3", e)
		: store_stmt(s, W_PIN_DEL_ALL, "DELETE FROM pins WHERE expert_id = ?1 AND mandate_id = ?2", e);
	if (!st)
		return JUSTE_EIO;
	sqlite3_bind_int64(st, 1, expert_id);
	sqlite3_bind_int64(st, 2, mandate_id);
	if (week)
		sqlite3_bind_text(st, 3, week, -1, SQLITE_STATIC);
	return store_step_done(s, st, "pin", e);
}

juste_status store_week_hours(struct store *s, int64_t expert_id, const char *from, const char *to,
	int64_t minutes[BILLING_COUNT], struct juste_err *e)
{
	for (int i = 0; i < BILLING_COUNT; i++)
		minutes[i] = 0;
	/* one expert over a year at most, through entries_expert_date */
	sqlite3_stmt *st = store_stmt(s, W_HOURS,
		"SELECT m.billing, sum(e.minutes) FROM entries e JOIN mandates m ON m.id = e.mandate_id "
		"WHERE e.expert_id = ?1 AND e.work_date BETWEEN ?2 AND ?3 GROUP BY m.billing", e);
	if (!st)
		return JUSTE_EIO;
	sqlite3_bind_int64(st, 1, expert_id);
	sqlite3_bind_text(st, 2, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, to, -1, SQLITE_STATIC);
	int rc;
	juste_status r = JUSTE_OK;
	while (!r && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		int b;
		r = store_col_word(st, 0, VOCAB_BILLING, &b, "billing", e);
		if (!r && b >= 0 && b < BILLING_COUNT)
			minutes[b] += sqlite3_column_int64(st, 1);
	}
	if (!r && rc != SQLITE_DONE)
		r = store_fail(s, rc, "entries", e);
	sqlite3_reset(st);
	return r;
}

juste_status store_week_cell(struct store *s, int64_t expert_id, int64_t mandate_id, const char *date,
	int64_t *ids, int max, int *n, struct juste_err *e)
{
	*n = 0;
	sqlite3_stmt *st = store_stmt(s, W_CELL,
		"SELECT id FROM entries WHERE expert_id = ?1 AND work_date = ?3 AND mandate_id = ?2 ORDER BY id", e);
	if (!st)
		return JUSTE_EIO;
	sqlite3_bind_int64(st, 1, expert_id);
	sqlite3_bind_int64(st, 2, mandate_id);
	sqlite3_bind_text(st, 3, date, -1, SQLITE_STATIC);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n < max)
			ids[*n] = sqlite3_column_int64(st, 0);
		(*n)++;
	}
	juste_status r = rc == SQLITE_DONE ? JUSTE_OK : store_fail(s, rc, "entries", e);
	sqlite3_reset(st);
	return r;
}
