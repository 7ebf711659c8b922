/*
 * store_week.c - the week's rows and entries, pins, timers, closed months,
 * and the lock check.  Statements use the slots ST_WEEK_BASE .. +39.
 */
#include <string.h>

#include "juste/store_invoices.h"
#include "juste/store_week.h"
#include "store/store_internal.h"

enum {
	W_ROWS = ST_WEEK_BASE, W_ENTRIES, W_PICKABLE, W_PIN_ADD, W_PIN_DEL_WEEK, W_PIN_DEL_ALL,
	W_TIMER_GET, W_TIMER_INSERT, W_TIMER_DELETE,
	W_MONTH_CLOSE, W_MONTH_REOPEN, W_MONTH_GET, W_MONTH_LIST,
	W_ENTRY_DATE,
	W_LAST
};
_Static_assert(W_LAST <= ST_WEEK_BASE + 40, "store_week.c uses at most 40 statement slots");

static const char *tr(const char *msgid)
{
	return err_translate ? err_translate(msgid) : msgid;
}

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
	/* The recent window is bounded so the lookup stays one index range. */
	sqlite3_stmt *st = store_stmt(s, W_PICKABLE,
		"SELECT m.id, m.code, m.title, c.code, c.name, m.opened_on, m.closed_on, 0, "
		"  coalesce(r.last, '') FROM mandates m JOIN orgs c ON c.id = m.client_id "
		"LEFT JOIN (SELECT mandate_id, max(work_date) AS last FROM entries "
		"  WHERE expert_id = ?1 AND work_date BETWEEN ?4 AND ?3 GROUP BY mandate_id) r ON r.mandate_id = m.id "
		"WHERE m.opened_on <= ?3 AND (m.closed_on IS NULL OR m.closed_on >= ?2) ORDER BY m.code", e);
	if (!st)
		return JUSTE_EIO;
	sqlite3_bind_int64(st, 1, expert_id);
	sqlite3_bind_text(st, 2, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, to, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, since, -1, SQLITE_STATIC);
	return walk_mandates(s, st, cb, ctx, e);
}

/* ------------------------------------------------------------------- pins */

juste_status store_pin_add(struct store *s, int64_t expert_id, int64_t mandate_id, const char *week, struct juste_err *e)
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

juste_status store_pin_remove(struct store *s, int64_t expert_id, int64_t mandate_id, const char *week, struct juste_err *e)
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

/* ----------------------------------------------------------------- timers */

juste_status store_timer_get(struct store *s, int64_t expert_id, struct timer_rec *out, int *found, struct juste_err *e)
{
	*found = 0;
	sqlite3_stmt *st = store_stmt(s, W_TIMER_GET,
		"SELECT t.expert_id, t.mandate_id, m.code, m.title, t.started_at, t.work_date, t.note "
		"FROM timers t JOIN mandates m ON m.id = t.mandate_id WHERE t.expert_id = ?1", e);
	if (!st)
		return JUSTE_EIO;
	sqlite3_bind_int64(st, 1, expert_id);
	int rc = sqlite3_step(st);
	juste_status r = JUSTE_OK;
	if (rc == SQLITE_ROW) {
		memset(out, 0, sizeof *out);
		out->expert_id = sqlite3_column_int64(st, 0);
		out->mandate_id = sqlite3_column_int64(st, 1);
		store_col_text(st, 2, out->mandate, sizeof out->mandate);
		store_col_text(st, 3, out->title, sizeof out->title);
		out->started_at = sqlite3_column_int64(st, 4);
		store_col_text(st, 5, out->work_date, sizeof out->work_date);
		store_col_text(st, 6, out->note, sizeof out->note);
		*found = 1;
	} else if (rc != SQLITE_DONE) {
		r = store_fail(s, rc, "timer", e);
	}
	sqlite3_reset(st);
	return r;
}

juste_status store_timer_insert(struct store *s, const struct timer_rec *t, struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, W_TIMER_INSERT,
		"INSERT INTO timers(expert_id, mandate_id, started_at, work_date, note) VALUES (?1, ?2, ?3, ?4, ?5)", e);
	if (!st)
		return JUSTE_EIO;
	sqlite3_bind_int64(st, 1, t->expert_id);
	sqlite3_bind_int64(st, 2, t->mandate_id);
	sqlite3_bind_int64(st, 3, t->started_at);
	sqlite3_bind_text(st, 4, t->work_date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, t->note, -1, SQLITE_STATIC);
	juste_status r = store_step_done(s, st, tr(N_("chronomètre")), e);
	if (r == JUSTE_ECONFLICT)
		r = err_set(e, JUSTE_ECONFLICT, N_("un chronomètre tourne déjà"));
	return r;
}

juste_status store_timer_delete(struct store *s, int64_t expert_id, struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, W_TIMER_DELETE, "DELETE FROM timers WHERE expert_id = ?1", e);
	if (!st)
		return JUSTE_EIO;
	sqlite3_bind_int64(st, 1, expert_id);
	juste_status r = store_step_done(s, st, "timer", e);
	if (!r && sqlite3_changes(s->db) == 0)
		r = err_set(e, JUSTE_ENOTFOUND, N_("aucun chronomètre en marche"));
	return r;
}

/* ---------------------------------------------------------- closed months */

juste_status store_month_close(struct store *s, const char *month, const char *closed_by, struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, W_MONTH_CLOSE,
		"INSERT INTO closed_months(month, closed_by) VALUES (?1, ?2)", e);
	if (!st)
		return JUSTE_EIO;
	sqlite3_bind_text(st, 1, month, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, closed_by, -1, SQLITE_STATIC);
	juste_status r = store_step_done(s, st, month, e);
	if (r == JUSTE_ECONFLICT)
		r = err_set(e, JUSTE_ECONFLICT, N_("le mois %s est déjà fermé"), month);
	return r;
}

juste_status store_month_reopen(struct store *s, const char *month, struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, W_MONTH_REOPEN, "DELETE FROM closed_months WHERE month = ?1", e);
	if (!st)
		return JUSTE_EIO;
	sqlite3_bind_text(st, 1, month, -1, SQLITE_STATIC);
	juste_status r = store_step_done(s, st, month, e);
	if (!r && sqlite3_changes(s->db) == 0)
		r = err_set(e, JUSTE_ENOTFOUND, N_("le mois %s n'est pas fermé"), month);
	return r;
}

static void month_read(sqlite3_stmt *st, struct closed_month *m)
{
	memset(m, 0, sizeof *m);
	store_col_text(st, 0, m->month, sizeof m->month);
	store_col_text(st, 1, m->closed_by, sizeof m->closed_by);
	store_col_text(st, 2, m->closed_at, sizeof m->closed_at);
}

juste_status store_month_get(struct store *s, const char *month, struct closed_month *out, int *found, struct juste_err *e)
{
	*found = 0;
	sqlite3_stmt *st = store_stmt(s, W_MONTH_GET,
		"SELECT month, closed_by, closed_at FROM closed_months WHERE month = ?1", e);
	if (!st)
		return JUSTE_EIO;
	sqlite3_bind_text(st, 1, month, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	juste_status r = JUSTE_OK;
	if (rc == SQLITE_ROW) {
		month_read(st, out);
		*found = 1;
	} else if (rc != SQLITE_DONE) {
		r = store_fail(s, rc, month, e);
	}
	sqlite3_reset(st);
	return r;
}

juste_status store_month_list(struct store *s, store_month_cb cb, void *ctx, struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, W_MONTH_LIST,
		"SELECT month, closed_by, closed_at FROM closed_months ORDER BY month", e);
	if (!st)
		return JUSTE_EIO;
	struct closed_month m;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		month_read(st, &m);
		if (cb(ctx, &m))
			break;
	}
	juste_status r = (rc == SQLITE_ROW || rc == SQLITE_DONE) ? JUSTE_OK : store_fail(s, rc, "closed_months", e);
	sqlite3_reset(st);
	return r;
}

/* ------------------------------------------------------------------ locks */

static juste_status month_lock(struct store *s, const char *date, char *why, size_t n, int *locked,
	struct juste_err *e)
{
	if (!date || strlen(date) < 7)
		return JUSTE_OK;
	char month[8];
	memcpy(month, date, 7);
	month[7] = '\0';
	struct closed_month m;
	int found = 0;
	juste_status r = store_month_get(s, month, &m, &found, e);
	if (r || !found)
		return r;
	char day[ISO_LEN];
	snprintf(day, sizeof day, "%.10s", m.closed_at);
	*locked = 1;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	snprintf(why, n, tr(N_("mois %s fermé par %s le %s")), m.month, m.closed_by, day);
#pragma GCC diagnostic pop
	return JUSTE_OK;
}

juste_status store_entry_locked(struct store *s, int64_t entry_id, const char *work_date,
	char *why, size_t n, int *locked, struct juste_err *e)
{
	*locked = 0;
	if (n)
		why[0] = '\0';
	if (entry_id > 0) {
		sqlite3_stmt *st = store_stmt(s, W_ENTRY_DATE, "SELECT work_date FROM entries WHERE id = ?1", e);
		if (!st)
			return JUSTE_EIO;
		sqlite3_bind_int64(st, 1, entry_id);
		char date[ISO_LEN] = "";
		int rc = sqlite3_step(st);
		if (rc == SQLITE_ROW)
			store_col_text(st, 0, date, sizeof date);
		sqlite3_reset(st);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return store_fail(s, rc, "entry", e);
		juste_status r = month_lock(s, date, why, n, locked, e);
		if (r || *locked)
			return r;
		/* issued invoices: an entry on a standing invoice (issue 4) */
		char number[INVOICE_NUMBER_LEN];
		r = store_invoice_of_entry(s, entry_id, number, e);
		if (r)
			return r;
		if (number[0]) {
			*locked = 1;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
			snprintf(why, n, tr(N_("sur la facture %s")), number);
#pragma GCC diagnostic pop
			return JUSTE_OK;
		}
	}
	if (work_date)
		return month_lock(s, work_date, why, n, locked, e);
	return JUSTE_OK;
}
