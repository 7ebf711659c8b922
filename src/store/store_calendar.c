/*
 * store_calendar.c - closures, absences, week approvals and mandate teams
 * (store_calendar.h).  Statements use the slots ST_CALENDAR_BASE .. +39.
 */
#include <stdio.h>
#include <string.h>

#include "juste/store_calendar.h"
#include "store/store_internal.h"

enum {
	K_CLOSURE_OVERLAP = ST_CALENDAR_BASE, K_CLOSURE_ADD, K_CLOSURE_FIND, K_CLOSURE_DEL, K_CLOSURE_LIST,
	K_ABSENCE_ADD, K_ABSENCE_GET, K_ABSENCE_DEL, K_ABSENCE_LIST,
	K_WEEK_GET, K_WEEK_SET, K_WEEK_LIST, K_WEEK_APPROVED, K_WEEK_LOCKED,
	K_TEAM_CLEAR_MANAGER, K_TEAM_ADD, K_TEAM_DEL, K_TEAM_LIST, K_TEAM_ANY, K_TEAM_MANAGER,
	K_WEEK_PENDING,
	K_LAST
};
_Static_assert(K_LAST <= ST_CALENDAR_BASE + 40, "store_calendar.c uses at most 40 statement slots");
_Static_assert(ST_CALENDAR_BASE + 40 <= STORE_MAX_STMTS, "store_calendar.c's slots fit the table");

/* --- closures ------------------------------------------------------------ */

static void closure_read(sqlite3_stmt *st, struct closure_rec *c)
{
	memset(c, 0, sizeof *c);
	c->id = sqlite3_column_int64(st, 0);
	store_col_text(st, 1, c->first, sizeof c->first);
	store_col_text(st, 2, c->last, sizeof c->last);
	store_col_text(st, 3, c->name, sizeof c->name);
}

juste_status store_closure_add(struct store *s, const char *first, const char *last, const char *name,
	struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, K_CLOSURE_OVERLAP,
		"SELECT id, first_day, last_day, name FROM closures WHERE first_day <= ?2 AND last_day >= ?1 "
		"ORDER BY first_day LIMIT 1", e);
	if (!st)
		return JUSTE_EIO;
	sqlite3_bind_text(st, 1, first, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, last, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	struct closure_rec c;
	if (rc == SQLITE_ROW)
		closure_read(st, &c);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return err_set(e, JUSTE_ECONFLICT, N_("%s au %s : chevauche la fermeture « %s » (%s au %s)"),
			first, last, c.name, c.first, c.last);
	if (rc != SQLITE_DONE)
		return store_fail(s, rc, "closures", e);
	st = store_stmt(s, K_CLOSURE_ADD,
		"INSERT INTO closures(uuid, first_day, last_day, name) VALUES (?1, ?2, ?3, ?4)", e);
	if (!st)
		return JUSTE_EIO;
	char uuid[UUID_LEN];
	store_uuid(uuid);
	sqlite3_bind_text(st, 1, uuid, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, first, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, last, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, name, -1, SQLITE_TRANSIENT);
	return store_step_done(s, st, first, e);
}

juste_status store_closure_remove(struct store *s, const char *day, struct closure_rec *out, struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, K_CLOSURE_FIND,
		"SELECT id, first_day, last_day, name FROM closures WHERE first_day <= ?1 AND last_day >= ?1", e);
	if (!st)
		return JUSTE_EIO;
	sqlite3_bind_text(st, 1, day, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		closure_read(st, out);
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return err_set(e, JUSTE_ENOTFOUND, N_("aucune fermeture du centre le %s"), day);
	if (rc != SQLITE_ROW)
		return store_fail(s, rc, "closures", e);
	st = store_stmt(s, K_CLOSURE_DEL, "DELETE FROM closures WHERE id = ?1", e);
	if (!st)
		return JUSTE_EIO;
	sqlite3_bind_int64(st, 1, out->id);
	return store_step_done(s, st, day, e);
}

juste_status store_closure_list(struct store *s, const char *from, const char *to, store_closure_cb cb,
	void *ctx, struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, K_CLOSURE_LIST,
		"SELECT id, first_day, last_day, name FROM closures "
		"WHERE (?1 IS NULL OR last_day >= ?1) AND (?2 IS NULL OR first_day <= ?2) ORDER BY first_day", e);
	if (!st)
		return JUSTE_EIO;
	store_bind_text(st, 1, from);
	store_bind_text(st, 2, to);
	struct closure_rec c;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		closure_read(st, &c);
		if (cb(ctx, &c))
			break;
	}
	juste_status r = (rc == SQLITE_ROW || rc == SQLITE_DONE) ? JUSTE_OK : store_fail(s, rc, "closures", e);
	sqlite3_reset(st);
	return r;
}

/* --- absences ------------------------------------------------------------ */

#define ABSENCE_COLS "a.id, a.expert_id, x.login, x.name, a.first_day, a.last_day, a.kind, a.half " \
	"FROM absences a JOIN experts x ON x.id = a.expert_id"

static juste_status absence_read(sqlite3_stmt *st, struct absence_rec *a, struct juste_err *e)
{
	memset(a, 0, sizeof *a);
	a->id = sqlite3_column_int64(st, 0);
	a->expert_id = sqlite3_column_int64(st, 1);
	store_col_text(st, 2, a->login, sizeof a->login);
	store_col_text(st, 3, a->name, sizeof a->name);
	store_col_text(st, 4, a->first, sizeof a->first);
	store_col_text(st, 5, a->last, sizeof a->last);
	a->half = sqlite3_column_int(st, 7);
	int kind = 0;
	juste_status r = store_col_word(st, 6, VOCAB_ABSENCE_KIND, &kind, "absence", e);
	a->kind = (enum absence_kind)kind;
	return r;
}

juste_status store_absence_add(struct store *s, struct absence_rec *a, struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, K_ABSENCE_ADD,
		"INSERT INTO absences(uuid, expert_id, first_day, last_day, kind, half) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", e);
	if (!st)
		return JUSTE_EIO;
	char uuid[UUID_LEN];
	store_uuid(uuid);
	sqlite3_bind_text(st, 1, uuid, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, a->expert_id);
	sqlite3_bind_text(st, 3, a->first, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, a->last, -1, SQLITE_STATIC);
	store_bind_word(st, 5, VOCAB_ABSENCE_KIND, (int)a->kind);
	sqlite3_bind_int(st, 6, a->half ? 1 : 0);
	juste_status r = store_step_done(s, st, a->first, e);
	if (!r)
		a->id = sqlite3_last_insert_rowid(s->db);
	return r;
}

juste_status store_absence_get(struct store *s, int64_t id, struct absence_rec *out, struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, K_ABSENCE_GET, "SELECT " ABSENCE_COLS " WHERE a.id = ?1", e);
	if (!st)
		return JUSTE_EIO;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	juste_status r = JUSTE_OK;
	if (rc == SQLITE_ROW)
		r = absence_read(st, out, e);
	else if (rc == SQLITE_DONE)
		r = err_set(e, JUSTE_ENOTFOUND, N_("absence inconnue : #%lld"), (long long)id);
	else
		r = store_fail(s, rc, "absences", e);
	sqlite3_reset(st);
	return r;
}

juste_status store_absence_remove(struct store *s, int64_t id, struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, K_ABSENCE_DEL, "DELETE FROM absences WHERE id = ?1", e);
	if (!st)
		return JUSTE_EIO;
	sqlite3_bind_int64(st, 1, id);
	juste_status r = store_step_done(s, st, "absence", e);
	if (!r && sqlite3_changes(s->db) == 0)
		r = err_set(e, JUSTE_ENOTFOUND, N_("absence inconnue : #%lld"), (long long)id);
	return r;
}

juste_status store_absence_list(struct store *s, int64_t expert_id, const char *from, const char *to,
	store_absence_cb cb, void *ctx, struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, K_ABSENCE_LIST,
		"SELECT " ABSENCE_COLS " WHERE (?1 = 0 OR a.expert_id = ?1) AND (?2 IS NULL OR a.last_day >= ?2) "
		"AND (?3 IS NULL OR a.first_day <= ?3) ORDER BY a.first_day, x.login, a.id", e);
	if (!st)
		return JUSTE_EIO;
	sqlite3_bind_int64(st, 1, expert_id);
	store_bind_text(st, 2, from);
	store_bind_text(st, 3, to);
	struct absence_rec a;
	juste_status r = JUSTE_OK;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((r = absence_read(st, &a, e)) != JUSTE_OK || cb(ctx, &a))
			break;
	}
	if (!r && rc != SQLITE_ROW && rc != SQLITE_DONE)
		r = store_fail(s, rc, "absences", e);
	sqlite3_reset(st);
	return r;
}

/* --- weekly approval ----------------------------------------------------- */

static juste_status approval_read(sqlite3_stmt *st, int col, struct week_approval *w, struct juste_err *e)
{
	/* col: status, submitted_at, decided_by, decided_at, reason */
	w->exists = sqlite3_column_type(st, col) != SQLITE_NULL;
	if (!w->exists)
		return JUSTE_OK;
	int status = 0;
	juste_status r = store_col_word(st, col, VOCAB_WEEK_STATUS, &status, "week", e);
	w->status = (enum week_status)status;
	store_col_text(st, col + 1, w->submitted_at, sizeof w->submitted_at);
	store_col_text(st, col + 2, w->decided_by, sizeof w->decided_by);
	store_col_text(st, col + 3, w->decided_at, sizeof w->decided_at);
	store_col_text(st, col + 4, w->reason, sizeof w->reason);
	return r;
}

juste_status store_week_approval_get(struct store *s, int64_t expert_id, const char *monday,
	struct week_approval *out, struct juste_err *e)
{
	memset(out, 0, sizeof *out);
	out->expert_id = expert_id;
	snprintf(out->monday, sizeof out->monday, "%s", monday);
	sqlite3_stmt *st = store_stmt(s, K_WEEK_GET,
		"SELECT status, submitted_at, decided_by, decided_at, reason FROM week_approvals "
		"WHERE expert_id = ?1 AND monday = ?2", e);
	if (!st)
		return JUSTE_EIO;
	sqlite3_bind_int64(st, 1, expert_id);
	sqlite3_bind_text(st, 2, monday, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	juste_status r = JUSTE_OK;
	if (rc == SQLITE_ROW)
		r = approval_read(st, 0, out, e);
	else if (rc != SQLITE_DONE)
		r = store_fail(s, rc, "week_approvals", e);
	sqlite3_reset(st);
	return r;
}

juste_status store_week_approval_set(struct store *s, int64_t expert_id, const char *monday,
	enum week_status status, const char *decided_by, const char *reason, struct juste_err *e)
{
	/* a submission starts the week afresh; a decision keeps when it was
	 * submitted */
	sqlite3_stmt *st = store_stmt(s, K_WEEK_SET,
		"INSERT INTO week_approvals(uuid, expert_id, monday, status, decided_by, decided_at, reason) "
		"VALUES (?1, ?2, ?3, ?4, ?5, CASE WHEN ?5 = '' THEN '' ELSE strftime('%Y-%m-%dT%H:%M:%SZ', 'now') END, ?6) "
		"ON CONFLICT (expert_id, monday) DO UPDATE SET status = excluded.status, "
		"decided_by = excluded.decided_by, decided_at = excluded.decided_at, reason = excluded.reason, "
		"submitted_at = CASE WHEN excluded.decided_by = '' THEN excluded.submitted_at ELSE submitted_at END", e);
	if (!st)
		return JUSTE_EIO;
	char uuid[UUID_LEN];
	store_uuid(uuid);
	sqlite3_bind_text(st, 1, uuid, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, expert_id);
	sqlite3_bind_text(st, 3, monday, -1, SQLITE_TRANSIENT);
	store_bind_word(st, 4, VOCAB_WEEK_STATUS, (int)status);
	sqlite3_bind_text(st, 5, decided_by ? decided_by : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 6, reason ? reason : "", -1, SQLITE_TRANSIENT);
	return store_step_done(s, st, monday, e);
}

juste_status store_week_approval_list(struct store *s, const char *monday, store_week_approval_cb cb,
	void *ctx, struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, K_WEEK_LIST,
		"SELECT x.id, x.login, x.name, w.status, w.submitted_at, w.decided_by, w.decided_at, w.reason, "
		"(SELECT coalesce(sum(n.minutes), 0) FROM entries n WHERE n.expert_id = x.id "
		"  AND n.work_date BETWEEN ?1 AND date(?1, '+6 days')) "
		"FROM experts x LEFT JOIN week_approvals w ON w.expert_id = x.id AND w.monday = ?1 "
		"WHERE (x.started_on IS NULL OR x.started_on <= date(?1, '+6 days')) "
		"AND (x.left_on IS NULL OR x.left_on >= ?1) ORDER BY x.login", e);
	if (!st)
		return JUSTE_EIO;
	sqlite3_bind_text(st, 1, monday, -1, SQLITE_TRANSIENT);
	struct week_approval w;
	juste_status r = JUSTE_OK;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&w, 0, sizeof w);
		w.expert_id = sqlite3_column_int64(st, 0);
		store_col_text(st, 1, w.login, sizeof w.login);
		store_col_text(st, 2, w.name, sizeof w.name);
		snprintf(w.monday, sizeof w.monday, "%s", monday);
		w.minutes = sqlite3_column_int64(st, 8);
		if ((r = approval_read(st, 3, &w, e)) != JUSTE_OK || cb(ctx, &w))
			break;
	}
	if (!r && rc != SQLITE_ROW && rc != SQLITE_DONE)
		r = store_fail(s, rc, "week_approvals", e);
	sqlite3_reset(st);
	return r;
}

juste_status store_week_approval_pending(struct store *s, store_week_approval_cb cb, void *ctx,
	struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, K_WEEK_PENDING,
		"SELECT x.id, x.login, x.name, w.monday, w.status, w.submitted_at, w.decided_by, w.decided_at, w.reason, "
		"(SELECT coalesce(sum(n.minutes), 0) FROM entries n WHERE n.expert_id = x.id "
		"  AND n.work_date BETWEEN w.monday AND date(w.monday, '+6 days')) "
		"FROM week_approvals w JOIN experts x ON x.id = w.expert_id "
		"WHERE w.status = ?1 ORDER BY w.monday, x.login", e);
	if (!st)
		return JUSTE_EIO;
	store_bind_word(st, 1, VOCAB_WEEK_STATUS, WEEK_SUBMITTED);
	struct week_approval w;
	juste_status r = JUSTE_OK;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&w, 0, sizeof w);
		w.expert_id = sqlite3_column_int64(st, 0);
		store_col_text(st, 1, w.login, sizeof w.login);
		store_col_text(st, 2, w.name, sizeof w.name);
		store_col_text(st, 3, w.monday, sizeof w.monday);
		w.minutes = sqlite3_column_int64(st, 9);
		if ((r = approval_read(st, 4, &w, e)) != JUSTE_OK || cb(ctx, &w))
			break;
	}
	if (!r && rc != SQLITE_ROW && rc != SQLITE_DONE)
		r = store_fail(s, rc, "week_approvals", e);
	sqlite3_reset(st);
	return r;
}

juste_status store_week_approved(struct store *s, const char *last, store_week_approved_cb cb, void *ctx,
	struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, K_WEEK_APPROVED,
		"SELECT expert_id, monday FROM week_approvals WHERE status = ?1 AND monday <= ?2 "
		"ORDER BY expert_id, monday", e);
	if (!st)
		return JUSTE_EIO;
	store_bind_word(st, 1, VOCAB_WEEK_STATUS, WEEK_APPROVED);
	sqlite3_bind_text(st, 2, last, -1, SQLITE_TRANSIENT);
	char monday[ISO_LEN];
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		store_col_text(st, 1, monday, sizeof monday);
		if (cb(ctx, sqlite3_column_int64(st, 0), monday))
			break;
	}
	juste_status r = (rc == SQLITE_ROW || rc == SQLITE_DONE) ? JUSTE_OK : store_fail(s, rc, "week_approvals", e);
	sqlite3_reset(st);
	return r;
}

juste_status store_week_open(struct store *s, int64_t expert_id, const char *work_date, struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, K_WEEK_LOCKED,
		"SELECT monday, status, submitted_at, decided_by FROM week_approvals "
		"WHERE expert_id = ?1 AND monday = date(?2, '-6 days', 'weekday 1') AND status IN " SQL_WEEK_LOCKED, e);
	if (!st)
		return JUSTE_EIO;
	sqlite3_bind_int64(st, 1, expert_id);
	sqlite3_bind_text(st, 2, work_date, -1, SQLITE_TRANSIENT);
	char monday[ISO_LEN] = "", at[24] = "", by[LOGIN_LEN] = "";
	int status = 0;
	int rc = sqlite3_step(st);
	juste_status r = JUSTE_OK;
	if (rc == SQLITE_ROW) {
		store_col_text(st, 0, monday, sizeof monday);
		r = store_col_word(st, 1, VOCAB_WEEK_STATUS, &status, "week", e);
		store_col_text(st, 2, at, sizeof at);
		store_col_text(st, 3, by, sizeof by);
	} else if (rc != SQLITE_DONE) {
		r = store_fail(s, rc, "week_approvals", e);
	}
	sqlite3_reset(st);
	if (r || rc != SQLITE_ROW)
		return r;
	if (status == WEEK_APPROVED)
		return err_set(e, JUSTE_ECONFLICT, N_("verrouillé : semaine du %s approuvée par %s : elle ne change plus"),
			monday, by);
	return err_set(e, JUSTE_ECONFLICT, N_("verrouillé : semaine du %s soumise le %.10s : un gestionnaire "
		"l'approuve ou vous la retourne (juste week return) pour la modifier"), monday, at);
}

/* --- mandate teams ------------------------------------------------------- */

juste_status store_team_add(struct store *s, int64_t mandate_id, int64_t expert_id, int manager,
	struct juste_err *e)
{
	juste_status r;
	if (manager) {
		sqlite3_stmt *st = store_stmt(s, K_TEAM_CLEAR_MANAGER,
			"UPDATE mandate_team SET manager = 0 WHERE mandate_id = ?1 AND manager = 1 AND expert_id <> ?2", e);
		if (!st)
			return JUSTE_EIO;
		sqlite3_bind_int64(st, 1, mandate_id);
		sqlite3_bind_int64(st, 2, expert_id);
		if ((r = store_step_done(s, st, "mandate_team", e)) != JUSTE_OK)
			return r;
	}
	sqlite3_stmt *st = store_stmt(s, K_TEAM_ADD,
		"INSERT INTO mandate_team(uuid, mandate_id, expert_id, manager) VALUES (?1, ?2, ?3, ?4) "
		"ON CONFLICT (mandate_id, expert_id) DO UPDATE SET manager = excluded.manager "
		"WHERE excluded.manager = 1 AND manager = 0", e);
	if (!st)
		return JUSTE_EIO;
	char uuid[UUID_LEN];
	store_uuid(uuid);
	sqlite3_bind_text(st, 1, uuid, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, mandate_id);
	sqlite3_bind_int64(st, 3, expert_id);
	sqlite3_bind_int(st, 4, manager ? 1 : 0);
	return store_step_done(s, st, "mandate_team", e);
}

juste_status store_team_remove(struct store *s, int64_t mandate_id, int64_t expert_id, struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, K_TEAM_DEL, "DELETE FROM mandate_team WHERE mandate_id = ?1 AND expert_id = ?2", e);
	if (!st)
		return JUSTE_EIO;
	sqlite3_bind_int64(st, 1, mandate_id);
	sqlite3_bind_int64(st, 2, expert_id);
	juste_status r = store_step_done(s, st, "mandate_team", e);
	if (!r && sqlite3_changes(s->db) == 0)
		r = JUSTE_ENOTFOUND;
	return r;
}

juste_status store_team_list(struct store *s, int64_t mandate_id, store_team_cb cb, void *ctx,
	struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, K_TEAM_LIST,
		"SELECT m.code, x.login, x.name, t.manager FROM mandate_team t "
		"JOIN mandates m ON m.id = t.mandate_id JOIN experts x ON x.id = t.expert_id "
		"WHERE (?1 = 0 OR t.mandate_id = ?1) ORDER BY m.code, t.manager DESC, x.login", e);
	if (!st)
		return JUSTE_EIO;
	sqlite3_bind_int64(st, 1, mandate_id);
	struct team_member t;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&t, 0, sizeof t);
		store_col_text(st, 0, t.mandate, sizeof t.mandate);
		store_col_text(st, 1, t.login, sizeof t.login);
		store_col_text(st, 2, t.name, sizeof t.name);
		t.manager = sqlite3_column_int(st, 3);
		if (cb(ctx, &t))
			break;
	}
	juste_status r = (rc == SQLITE_ROW || rc == SQLITE_DONE) ? JUSTE_OK : store_fail(s, rc, "mandate_team", e);
	sqlite3_reset(st);
	return r;
}

juste_status store_team_allows(struct store *s, int64_t expert_id, int64_t mandate_id, struct juste_err *e)
{
	/* one row: does the mandate have a team, is the expert on it */
	sqlite3_stmt *st = store_stmt(s, K_TEAM_ANY,
		"SELECT count(*), coalesce(max(expert_id = ?2), 0), (SELECT code FROM mandates WHERE id = ?1), "
		"(SELECT login FROM experts WHERE id = ?2) FROM mandate_team WHERE mandate_id = ?1", e);
	if (!st)
		return JUSTE_EIO;
	sqlite3_bind_int64(st, 1, mandate_id);
	sqlite3_bind_int64(st, 2, expert_id);
	int rc = sqlite3_step(st);
	int members = 0, member = 0;
	char code[CODE_LEN] = "", who[LOGIN_LEN] = "";
	if (rc == SQLITE_ROW) {
		members = sqlite3_column_int(st, 0);
		member = sqlite3_column_int(st, 1);
		store_col_text(st, 2, code, sizeof code);
		store_col_text(st, 3, who, sizeof who);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return store_fail(s, rc, "mandate_team", e);
	if (!members || member)
		return JUSTE_OK;
	st = store_stmt(s, K_TEAM_MANAGER,
		"SELECT x.login, x.name FROM mandate_team t JOIN experts x ON x.id = t.expert_id "
		"WHERE t.mandate_id = ?1 AND t.manager = 1", e);
	if (!st)
		return JUSTE_EIO;
	sqlite3_bind_int64(st, 1, mandate_id);
	char login[LOGIN_LEN] = "", name[NAME_LEN] = "";
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		store_col_text(st, 0, login, sizeof login);
		store_col_text(st, 1, name, sizeof name);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(s, rc, "mandate_team", e);
	/* the expert by login: an import writes anyone's time, and the one
	 * refused may not be the one who runs juste */
	if (login[0])
		return err_set(e, JUSTE_EDENIED, N_("permission refusée : %s n'est pas de l'équipe du mandat %s ; "
			"demandez à %s (%s), responsable du mandat"), who, code, name, login);
	return err_set(e, JUSTE_EDENIED, N_("permission refusée : %s n'est pas de l'équipe du mandat %s ; "
		"demandez à un gestionnaire"), who, code);
}
