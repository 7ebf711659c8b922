/*
 * store_months.c - the months the manager closed.  Statements use the
 * slots ST_MONTHS_BASE .. +9.
 */
#include <string.h>

#include "juste/store_months.h"
#include "store/store_internal.h"

enum { M_CLOSE = ST_MONTHS_BASE, M_REOPEN, M_GET, M_LIST, M_LAST };
_Static_assert(M_LAST <= ST_MONTHS_BASE + 10, "store_months.c uses at most 10 statement slots");

juste_status store_month_close(struct store *s, const char *month, const char *closed_by, struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, M_CLOSE,
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
	sqlite3_stmt *st = store_stmt(s, M_REOPEN, "DELETE FROM closed_months WHERE month = ?1", e);
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
	sqlite3_stmt *st = store_stmt(s, M_GET,
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
	sqlite3_stmt *st = store_stmt(s, M_LIST,
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
