/*
 * store_entries.c - time entries, and whether one may still change (a
 * closed month, an issued invoice).
 */
#include <stdlib.h>
#include <string.h>

#include "juste/store_calendar.h"
#include "juste/store_invoices.h"
#include "juste/store_months.h"
#include "store/store_internal.h"

static const char *tr(const char *msgid)
{
	return err_translate ? err_translate(msgid) : msgid;
}

#define ENTRY_COLS "e.id, e.uuid, x.login, m.code, e.work_date, e.minutes, e.note, " \
	"e.expert_id, e.mandate_id, c.code, m.billing"
#define ENTRY_FROM " FROM entries e JOIN experts x ON x.id = e.expert_id " \
	"JOIN mandates m ON m.id = e.mandate_id JOIN orgs c ON c.id = m.client_id"

static juste_status entry_read(sqlite3_stmt *st, struct entry *x, struct juste_err *e)
{
	int billing;
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
	char what[CODE_LEN + 16];
	snprintf(what, sizeof what, "mandat '%s'", x->mandate);
	juste_status r = store_col_word(st, 10, VOCAB_BILLING, &billing, what, e);
	x->billing = (enum billing_mode)billing;
	return r;
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
	/* every door (the week, `log`, an import) meets the week's approval
	 * and the mandate's team here */
	if (!r)
		r = store_week_open(s, expert_id, x->work_date, e);
	if (!r)
		r = store_team_allows(s, expert_id, mandate_id, e);
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
	struct entry old;
	if (!r)
		r = store_entry_get(s, x->id, &old, e);
	if (!r)
		r = store_week_open(s, old.expert_id, old.work_date, e);
	if (!r)
		r = store_week_open(s, old.expert_id, x->work_date, e);
	if (!r && mandate_id != old.mandate_id)
		r = store_team_allows(s, old.expert_id, mandate_id, e);
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
	struct entry old;
	juste_status lr = store_entry_get(s, id, &old, e);
	if (!lr)
		lr = store_week_open(s, old.expert_id, old.work_date, e);
	if (lr)
		return lr;
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
		r = entry_read(st, out, e);
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

juste_status store_entry_query(struct store *s, const struct entry_filter *f, store_entry_cb cb, void *ctx, struct juste_err *e)
{
	struct store_where w = { .n = 0 };
	w.sql[0] = '\0';
	store_where_add(&w, "e.work_date >=", f->from);
	store_where_add(&w, "e.work_date <=", f->to);
	store_where_add(&w, "x.login COLLATE NOCASE =", f->expert);
	store_where_add(&w, "m.code COLLATE NOCASE =", f->mandate);
	store_where_add(&w, "c.code =", f->org);
	char sql[1024];
	snprintf(sql, sizeof sql, "SELECT " ENTRY_COLS ENTRY_FROM "%s ORDER BY e.work_date, x.login, e.id", w.sql);
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return store_fail(s, sqlite3_errcode(s->db), "entries", e);
	for (int i = 0; i < w.n; i++)
		sqlite3_bind_text(st, i + 1, w.args[i], -1, SQLITE_STATIC);
	struct entry x;
	juste_status r = JUSTE_OK;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((r = entry_read(st, &x, e)) != JUSTE_OK || cb(ctx, &x))
			break;
	}
	if (!r)
		r = (rc == SQLITE_ROW || rc == SQLITE_DONE) ? JUSTE_OK : store_fail(s, rc, "entries", e);
	sqlite3_finalize(st);
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
		sqlite3_stmt *st = store_stmt(s, ST_ENTRY_DATE, "SELECT work_date FROM entries WHERE id = ?1", e);
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
		/* issued invoices: an entry on a standing invoice */
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
