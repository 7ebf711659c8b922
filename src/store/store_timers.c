/*
 * store_timers.c - the running timers, one per expert.  Statements use the
 * slots ST_TIMERS_BASE .. +9.
 */
#include <string.h>

#include "juste/store_timers.h"
#include "store/store_internal.h"

enum { T_GET = ST_TIMERS_BASE, T_INSERT, T_DELETE, T_LAST };
_Static_assert(T_LAST <= ST_TIMERS_BASE + 10, "store_timers.c uses at most 10 statement slots");

static const char *tr(const char *msgid)
{
	return err_translate ? err_translate(msgid) : msgid;
}

juste_status store_timer_get(struct store *s, int64_t expert_id, struct timer_rec *out, int *found, struct juste_err *e)
{
	*found = 0;
	sqlite3_stmt *st = store_stmt(s, T_GET,
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
	sqlite3_stmt *st = store_stmt(s, T_INSERT,
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
	sqlite3_stmt *st = store_stmt(s, T_DELETE, "DELETE FROM timers WHERE expert_id = ?1", e);
	if (!st)
		return JUSTE_EIO;
	sqlite3_bind_int64(st, 1, expert_id);
	juste_status r = store_step_done(s, st, "timer", e);
	if (!r && sqlite3_changes(s->db) == 0)
		r = err_set(e, JUSTE_ENOTFOUND, N_("aucun chronomètre en marche"));
	return r;
}
