/*
 * store_rates.c - rate tables, negotiated rates, the lean reads pricing
 * needs, and the cost inputs of the at-cost calculator.
 *
 * Rates are insert-only (the schema refuses any update or delete, see
 * sql/002_rates.sql): a table is written and sealed in its caller's
 * transaction, and is never touched again.
 */
#include <string.h>

#include "juste/store_rates.h"
#include "store/store_internal.h"

/* Record names in messages go through the translation hook, as err_set's
 * formats do. */
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static const char *tr(const char *s)
{
	return err_translate ? err_translate(s) : s;
}

/* This file's statement slots: ST_RATES_BASE .. ST_RATES_BASE + 39. */
enum {
	SR_BOOK_TABLES = ST_RATES_BASE,
	SR_BOOK_NEGOTIATED,
	SR_TABLE_INSERT,
	SR_ROW_INSERT,
	SR_TABLE_SEAL,
	SR_TABLE_LIST,
	SR_TABLE_COUNT_FROM,
	SR_TABLE_NAME,
	SR_SERVICE_ID,
	SR_MANDATE_ID,
	SR_ORG_ID,
	SR_NEGOTIATED_INSERT,
	SR_MANDATE_GET,
	SR_MANDATE_GET_ID,
	SR_MANDATE_LIST,
	SR_COST_YEAR_FIND,
	SR_COST_DEL_SERVICES,
	SR_COST_DEL_LEVELS,
	SR_COST_DEL_YEAR,
	SR_COST_YEAR_INSERT,
	SR_COST_LEVEL_INSERT,
	SR_COST_SERVICE_INSERT,
	SR_COST_YEAR_GET,
	SR_COST_LEVELS_GET,
	SR_COST_SERVICES_GET,
	SR_END
};
_Static_assert(SR_END <= ST_RATES_BASE + 40, "store_rates.c uses at most 40 statement slots");

#define RAISED_IMMUTABLE "juste: rates are never changed"

/* store_fail, with the schema's refusal to change a rate put in words. */
static juste_status rates_fail(struct store *s, int rc, const char *what, struct juste_err *e)
{
	if (strstr(sqlite3_errmsg(s->db), RAISED_IMMUTABLE))
		return err_set(e, JUSTE_ECONFLICT,
			N_("%s : un taux n'est jamais modifié ni supprimé ; une correction est une nouvelle table"), what);
	return store_fail(s, rc, what, e);
}

static juste_status rates_step_done(struct store *s, sqlite3_stmt *st, const char *what, struct juste_err *e)
{
	int rc = sqlite3_step(st);
	juste_status r = (rc == SQLITE_DONE || rc == SQLITE_ROW) ? JUSTE_OK : rates_fail(s, rc, what, e);
	sqlite3_reset(st);
	return r;
}

/* ------------------------------------------------------------------- book */

juste_status store_rate_book_load(struct store *s, struct rate_book *b, struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, SR_BOOK_TABLES,
		"SELECT r.id, r.table_id, t.name, t.valid_from, r.service_id, sv.code, r.category, r.rate_cents "
		"FROM rate_rows r JOIN rate_tables t ON t.id = r.table_id JOIN services sv ON sv.id = r.service_id "
		"WHERE t.sealed = 1", e);
	if (!st)
		return JUSTE_EIO;
	struct rate_row row;
	juste_status r = JUSTE_OK;
	int rc;
	while (!r && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&row, 0, sizeof row);
		row.rule = RATE_TABLE;
		row.id = sqlite3_column_int64(st, 0);
		row.table_id = sqlite3_column_int64(st, 1);
		store_col_text(st, 2, row.table_name, sizeof row.table_name);
		store_col_text(st, 3, row.valid_from, sizeof row.valid_from);
		row.service_id = sqlite3_column_int64(st, 4);
		store_col_text(st, 5, row.service_code, sizeof row.service_code);
		row.rate_cents = sqlite3_column_int64(st, 7);
		char what[NAME_LEN + 32];
		snprintf(what, sizeof what, "taux %s / %s", row.valid_from, row.service_code);
		int category;
		r = store_col_word(st, 6, VOCAB_CATEGORY, &category, what, e);
		row.category = (enum org_category)category;
		if (!r)
			r = pricing_book_add(b, &row, e);
	}
	if (!r && rc != SQLITE_DONE)
		r = store_fail(s, rc, "rate_rows", e);
	sqlite3_reset(st);
	if (r)
		return r;
	st = store_stmt(s, SR_BOOK_NEGOTIATED,
		"SELECT n.id, n.mandate_id, coalesce(m.code, ''), n.org_id, coalesce(o.code, ''), n.service_id, "
		"coalesce(sv.code, ''), n.valid_from, n.valid_to, n.rate_cents "
		"FROM negotiated_rates n LEFT JOIN mandates m ON m.id = n.mandate_id "
		"LEFT JOIN orgs o ON o.id = n.org_id LEFT JOIN services sv ON sv.id = n.service_id", e);
	if (!st)
		return JUSTE_EIO;
	while (!r && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&row, 0, sizeof row);
		row.id = sqlite3_column_int64(st, 0);
		row.mandate_id = sqlite3_column_int64(st, 1);
		row.rule = row.mandate_id ? RATE_MANDATE : RATE_ORG_SERVICE;
		store_col_text(st, 2, row.mandate_code, sizeof row.mandate_code);
		row.org_id = sqlite3_column_int64(st, 3);
		store_col_text(st, 4, row.org_code, sizeof row.org_code);
		row.service_id = sqlite3_column_int64(st, 5);
		store_col_text(st, 6, row.service_code, sizeof row.service_code);
		store_col_text(st, 7, row.valid_from, sizeof row.valid_from);
		store_col_text(st, 8, row.valid_to, sizeof row.valid_to);
		row.rate_cents = sqlite3_column_int64(st, 9);
		r = pricing_book_add(b, &row, e);
	}
	if (!r && rc != SQLITE_DONE)
		r = store_fail(s, rc, "negotiated_rates", e);
	sqlite3_reset(st);
	return r;
}

/* ----------------------------------------------------------------- tables */

juste_status store_rate_table_insert(struct store *s, const char *name, const char *valid_from,
	const struct rate_row *rows, size_t n, int64_t *table_id, struct juste_err *e)
{
	char what[NAME_LEN + 32];
	snprintf(what, sizeof what, tr(N_("table de taux « %s »")), name);
	sqlite3_stmt *st = store_stmt(s, SR_TABLE_INSERT,
		"INSERT INTO rate_tables(uuid, name, valid_from) VALUES (?1, ?2, ?3)", e);
	if (!st)
		return JUSTE_EIO;
	char uuid[UUID_LEN];
	store_uuid(uuid);
	sqlite3_bind_text(st, 1, uuid, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, valid_from, -1, SQLITE_STATIC);
	juste_status r = rates_step_done(s, st, what, e);
	if (r)
		return r;
	int64_t tid = sqlite3_last_insert_rowid(s->db);
	for (size_t i = 0; i < n; i++) {
		int64_t sid;
		r = store_id_by_code(s, SR_SERVICE_ID, "services", rows[i].service_code, N_("service"), &sid, e);
		if (r)
			return r;
		st = store_stmt(s, SR_ROW_INSERT,
			"INSERT INTO rate_rows(table_id, service_id, category, rate_cents) VALUES (?1, ?2, ?3, ?4)", e);
		if (!st)
			return JUSTE_EIO;
		sqlite3_bind_int64(st, 1, tid);
		sqlite3_bind_int64(st, 2, sid);
		store_bind_word(st, 3, VOCAB_CATEGORY, (int)rows[i].category);
		sqlite3_bind_int64(st, 4, rows[i].rate_cents);
		char rwhat[96];
		snprintf(rwhat, sizeof rwhat, tr(N_("taux %s / %s")), rows[i].service_code,
			vocab_category_word(rows[i].category));
		r = rates_step_done(s, st, rwhat, e);
		if (r)
			return r;
	}
	st = store_stmt(s, SR_TABLE_SEAL, "UPDATE rate_tables SET sealed = 1 WHERE id = ?1", e);
	if (!st)
		return JUSTE_EIO;
	sqlite3_bind_int64(st, 1, tid);
	r = rates_step_done(s, st, what, e);
	if (!r && table_id)
		*table_id = tid;
	return r;
}

juste_status store_rate_table_list(struct store *s, store_rate_table_cb cb, void *ctx, struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, SR_TABLE_LIST,
		"SELECT t.id, t.uuid, t.name, t.valid_from, t.created_at, "
		"(SELECT count(*) FROM rate_rows r WHERE r.table_id = t.id) "
		"FROM rate_tables t WHERE t.sealed = 1 ORDER BY t.valid_from, t.id", e);
	if (!st)
		return JUSTE_EIO;
	struct rate_table_info t;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&t, 0, sizeof t);
		t.id = sqlite3_column_int64(st, 0);
		store_col_text(st, 1, t.uuid, sizeof t.uuid);
		store_col_text(st, 2, t.name, sizeof t.name);
		store_col_text(st, 3, t.valid_from, sizeof t.valid_from);
		store_col_text(st, 4, t.created_at, sizeof t.created_at);
		t.rows = sqlite3_column_int64(st, 5);
		if (cb(ctx, &t))
			break;
	}
	juste_status r = (rc == SQLITE_ROW || rc == SQLITE_DONE) ? JUSTE_OK : store_fail(s, rc, "rate_tables", e);
	sqlite3_reset(st);
	return r;
}

static juste_status count_query(struct store *s, int slot, const char *sql, const char *arg, int64_t *out,
	struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, slot, sql, e);
	if (!st)
		return JUSTE_EIO;
	sqlite3_bind_text(st, 1, arg, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	juste_status r = JUSTE_OK;
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(st, 0);
	else
		r = store_fail(s, rc, "rate_tables", e);
	sqlite3_reset(st);
	return r;
}

juste_status store_rate_table_count_from(struct store *s, const char *valid_from, int64_t *count,
	struct juste_err *e)
{
	return count_query(s, SR_TABLE_COUNT_FROM,
		"SELECT count(*) FROM rate_tables WHERE valid_from = ?1 AND sealed = 1", valid_from, count, e);
}

juste_status store_rate_table_name_used(struct store *s, const char *name, int *used, struct juste_err *e)
{
	int64_t n = 0;
	juste_status r = count_query(s, SR_TABLE_NAME, "SELECT count(*) FROM rate_tables WHERE name = ?1", name, &n, e);
	*used = n > 0;
	return r;
}

/* ------------------------------------------------------------- negotiated */

juste_status store_rate_negotiated_insert(struct store *s, struct rate_row *r, struct juste_err *e)
{
	juste_status st = JUSTE_OK;
	char what[128];
	r->mandate_id = r->org_id = r->service_id = 0;
	if (r->rule == RATE_MANDATE) {
		st = store_id_by_code(s, SR_MANDATE_ID, "mandates", r->mandate_code, N_("mandat"), &r->mandate_id, e);
		snprintf(what, sizeof what, tr(N_("taux négocié du mandat %s au %s")), r->mandate_code, r->valid_from);
	} else if (r->rule == RATE_ORG_SERVICE) {
		st = store_id_by_code(s, SR_ORG_ID, "orgs", r->org_code, N_("organisation"), &r->org_id, e);
		if (!st)
			st = store_id_by_code(s, SR_SERVICE_ID, "services", r->service_code, N_("service"), &r->service_id, e);
		snprintf(what, sizeof what, tr(N_("taux négocié de %s pour %s au %s")), r->org_code, r->service_code, r->valid_from);
	} else {
		return err_set(e, JUSTE_EINVAL, N_("un taux négocié porte sur un mandat ou une organisation et un service"));
	}
	if (st)
		return st;
	sqlite3_stmt *q = store_stmt(s, SR_NEGOTIATED_INSERT,
		"INSERT INTO negotiated_rates(uuid, mandate_id, org_id, service_id, valid_from, valid_to, rate_cents) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", e);
	if (!q)
		return JUSTE_EIO;
	char uuid[UUID_LEN];
	store_uuid(uuid);
	sqlite3_bind_text(q, 1, uuid, -1, SQLITE_STATIC);
	store_bind_id(q, 2, r->mandate_id);
	store_bind_id(q, 3, r->org_id);
	store_bind_id(q, 4, r->service_id);
	sqlite3_bind_text(q, 5, r->valid_from, -1, SQLITE_STATIC);
	store_bind_text(q, 6, r->valid_to);
	sqlite3_bind_int64(q, 7, r->rate_cents);
	st = rates_step_done(s, q, what, e);
	if (!st)
		r->id = sqlite3_last_insert_rowid(s->db);
	return st;
}

/* --------------------------------------------------- mandates and entries */

#define MANDATE_INFO_SQL "SELECT m.id, m.code, m.client_id, o.code, o.category, m.service_id, sv.code, m.billing, " \
	"coalesce(m.billing_increment_minutes, 0), coalesce(o.billing_increment_minutes, 0) " \
	"FROM mandates m JOIN orgs o ON o.id = m.client_id JOIN services sv ON sv.id = m.service_id"

static juste_status mandate_info_read(sqlite3_stmt *st, struct rate_mandate_info *m, struct juste_err *e)
{
	int category, billing;
	memset(m, 0, sizeof *m);
	m->mandate_id = sqlite3_column_int64(st, 0);
	store_col_text(st, 1, m->mandate, sizeof m->mandate);
	m->client_id = sqlite3_column_int64(st, 2);
	store_col_text(st, 3, m->client, sizeof m->client);
	m->service_id = sqlite3_column_int64(st, 5);
	store_col_text(st, 6, m->service, sizeof m->service);
	char what[2 * CODE_LEN + 32];
	snprintf(what, sizeof what, "organisation '%s'", m->client);
	juste_status r = store_col_word(st, 4, VOCAB_CATEGORY, &category, what, e);
	snprintf(what, sizeof what, "mandat '%s'", m->mandate);
	if (!r)
		r = store_col_word(st, 7, VOCAB_BILLING, &billing, what, e);
	m->category = (enum org_category)category;
	m->billing = (enum billing_mode)billing;
	m->increment = pricing_increment(sqlite3_column_int(st, 8), sqlite3_column_int(st, 9));
	return r;
}

static juste_status mandate_info_fetch(struct store *s, sqlite3_stmt *st, const char *what,
	struct rate_mandate_info *out, struct juste_err *e)
{
	int rc = sqlite3_step(st);
	juste_status r = JUSTE_OK;
	if (rc == SQLITE_ROW)
		r = mandate_info_read(st, out, e);
	else if (rc == SQLITE_DONE)
		r = err_set(e, JUSTE_ENOTFOUND, N_("mandat inconnu : '%s'"), what);
	else
		r = store_fail(s, rc, what, e);
	sqlite3_reset(st);
	return r;
}

juste_status store_rate_mandate_get(struct store *s, const char *code, struct rate_mandate_info *out,
	struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, SR_MANDATE_GET, MANDATE_INFO_SQL " WHERE m.id = " STORE_ID_NOCASE("mandates", "code"), e);
	if (!st)
		return JUSTE_EIO;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	return mandate_info_fetch(s, st, code, out, e);
}

juste_status store_rate_mandate_get_id(struct store *s, int64_t id, struct rate_mandate_info *out,
	struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, SR_MANDATE_GET_ID, MANDATE_INFO_SQL " WHERE m.id = ?1", e);
	if (!st)
		return JUSTE_EIO;
	sqlite3_bind_int64(st, 1, id);
	char what[32];
	snprintf(what, sizeof what, "#%lld", (long long)id);
	return mandate_info_fetch(s, st, what, out, e);
}

juste_status store_rate_mandate_list(struct store *s, store_rate_mandate_cb cb, void *ctx, struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, SR_MANDATE_LIST, MANDATE_INFO_SQL " ORDER BY m.id", e);
	if (!st)
		return JUSTE_EIO;
	struct rate_mandate_info m;
	juste_status r = JUSTE_OK;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((r = mandate_info_read(st, &m, e)) != JUSTE_OK || cb(ctx, &m))
			break;
	}
	if (!r)
		r = (rc == SQLITE_ROW || rc == SQLITE_DONE) ? JUSTE_OK : store_fail(s, rc, "mandates", e);
	sqlite3_reset(st);
	return r;
}

juste_status store_rate_billable_walk(struct store *s, const char *from, const char *to,
	store_rate_billable_cb cb, void *ctx, struct juste_err *e)
{
	/* Few columns and no sort beyond the date index: this walk prices a
	 * million entries, its cost is mostly SQLite's reading them. */
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db,
		"SELECT e.id, x.login, e.mandate_id, e.work_date, e.minutes FROM entries e "
		"JOIN mandates m ON m.id = e.mandate_id JOIN experts x ON x.id = e.expert_id "
		"WHERE m.billing IN " SQL_HOURLY " AND e.work_date >= ?1 AND e.work_date <= ?2 "
		"ORDER BY e.work_date, e.id", -1, &st, NULL) != SQLITE_OK)
		return store_fail(s, sqlite3_errcode(s->db), "entries", e);
	sqlite3_bind_text(st, 1, from && *from ? from : "0000-00-00", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, to && *to ? to : "9999-99-99", -1, SQLITE_STATIC);
	struct rate_billable x;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		x.entry_id = sqlite3_column_int64(st, 0);
		store_col_text(st, 1, x.expert, sizeof x.expert);
		x.mandate_id = sqlite3_column_int64(st, 2);
		store_col_text(st, 3, x.work_date, sizeof x.work_date);
		x.minutes = sqlite3_column_int(st, 4);
		if (cb(ctx, &x))
			break;
	}
	juste_status r = (rc == SQLITE_ROW || rc == SQLITE_DONE) ? JUSTE_OK : store_fail(s, rc, "entries", e);
	sqlite3_finalize(st);
	return r;
}

/* ------------------------------------------------------------ cost inputs */

static juste_status exec_id(struct store *s, int slot, const char *sql, int64_t id, const char *what,
	struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, slot, sql, e);
	if (!st)
		return JUSTE_EIO;
	sqlite3_bind_int64(st, 1, id);
	return store_step_done(s, st, what, e);
}

juste_status store_rate_cost_year_put(struct store *s, const struct cost_year *y, struct juste_err *e)
{
	char what[64];
	snprintf(what, sizeof what, tr(N_("données de coûts %d")), y->fy);
	sqlite3_stmt *st = store_stmt(s, SR_COST_YEAR_FIND, "SELECT id FROM cost_years WHERE fy = ?1", e);
	if (!st)
		return JUSTE_EIO;
	sqlite3_bind_int(st, 1, y->fy);
	int rc = sqlite3_step(st);
	int64_t old = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(s, rc, what, e);
	juste_status r = JUSTE_OK;
	/* explicit deletes, children first, so that each one is audited */
	if (old) {
		r = exec_id(s, SR_COST_DEL_SERVICES, "DELETE FROM cost_level_services WHERE year_id = ?1", old, what, e);
		if (!r)
			r = exec_id(s, SR_COST_DEL_LEVELS, "DELETE FROM cost_levels WHERE year_id = ?1", old, what, e);
		if (!r)
			r = exec_id(s, SR_COST_DEL_YEAR, "DELETE FROM cost_years WHERE id = ?1", old, what, e);
		if (r)
			return r;
	}
	st = store_stmt(s, SR_COST_YEAR_INSERT,
		"INSERT INTO cost_years(fy, overhead_cents, surplus_cents) VALUES (?1, ?2, ?3)", e);
	if (!st)
		return JUSTE_EIO;
	sqlite3_bind_int(st, 1, y->fy);
	sqlite3_bind_int64(st, 2, y->overhead_cents);
	sqlite3_bind_int64(st, 3, y->surplus_cents);
	if ((r = store_step_done(s, st, what, e)))
		return r;
	int64_t year_id = sqlite3_last_insert_rowid(s->db);
	for (size_t i = 0; i < y->n; i++) {
		const struct cost_level *l = &y->levels[i];
		char lwhat[96];
		snprintf(lwhat, sizeof lwhat, tr(N_("niveau %s")), l->code);
		st = store_stmt(s, SR_COST_LEVEL_INSERT,
			"INSERT INTO cost_levels(year_id, level, position, headcount, salary_cents, benefits_rate, "
			"hours_per_expert) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", e);
		if (!st)
			return JUSTE_EIO;
		sqlite3_bind_int64(st, 1, year_id);
		sqlite3_bind_text(st, 2, l->code, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, (int64_t)i);
		sqlite3_bind_int64(st, 4, l->headcount);
		sqlite3_bind_int64(st, 5, l->salary_cents);
		sqlite3_bind_int(st, 6, l->benefits_rate);
		sqlite3_bind_int64(st, 7, l->hours_per_expert);
		if ((r = store_step_done(s, st, lwhat, e)))
			return r;
		int64_t level_id = sqlite3_last_insert_rowid(s->db);
		for (int k = 0; k < y->nservices[i]; k++) {
			int64_t sid;
			const char *code = y->services[i][k];
			r = store_id_by_code(s, SR_SERVICE_ID, "services", code, N_("service"), &sid, e);
			if (r)
				return r;
			st = store_stmt(s, SR_COST_SERVICE_INSERT,
				"INSERT INTO cost_level_services(level_id, year_id, service_id) VALUES (?1, ?2, ?3)", e);
			if (!st)
				return JUSTE_EIO;
			sqlite3_bind_int64(st, 1, level_id);
			sqlite3_bind_int64(st, 2, year_id);
			sqlite3_bind_int64(st, 3, sid);
			char swhat[96];
			snprintf(swhat, sizeof swhat, tr(N_("service %s dans un niveau de %d")), code, y->fy);
			if ((r = store_step_done(s, st, swhat, e)))
				return r;
		}
	}
	return JUSTE_OK;
}

juste_status store_rate_cost_year_get(struct store *s, int fy, struct cost_year *out, struct juste_err *e)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = store_stmt(s, SR_COST_YEAR_GET,
		"SELECT id, overhead_cents, surplus_cents FROM cost_years WHERE fy = ?1", e);
	if (!st)
		return JUSTE_EIO;
	sqlite3_bind_int(st, 1, fy);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(st);
		if (rc == SQLITE_DONE)
			return err_set(e, JUSTE_ENOTFOUND, N_("aucune donnée de coûts pour l'exercice commençant en %d (voir juste cost import)"), fy);
		return store_fail(s, rc, "cost_years", e);
	}
	int64_t year_id = sqlite3_column_int64(st, 0);
	out->fy = fy;
	out->overhead_cents = sqlite3_column_int64(st, 1);
	out->surplus_cents = sqlite3_column_int64(st, 2);
	sqlite3_reset(st);
	st = store_stmt(s, SR_COST_LEVELS_GET,
		"SELECT id, level, headcount, salary_cents, benefits_rate, hours_per_expert FROM cost_levels "
		"WHERE year_id = ?1 ORDER BY position", e);
	if (!st)
		return JUSTE_EIO;
	sqlite3_bind_int64(st, 1, year_id);
	int64_t ids[COSTCALC_MAX_LEVELS];
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && out->n < COSTCALC_MAX_LEVELS) {
		struct cost_level *l = &out->levels[out->n];
		ids[out->n] = sqlite3_column_int64(st, 0);
		store_col_text(st, 1, l->code, sizeof l->code);
		l->headcount = sqlite3_column_int64(st, 2);
		l->salary_cents = sqlite3_column_int64(st, 3);
		l->benefits_rate = sqlite3_column_int(st, 4);
		l->hours_per_expert = sqlite3_column_int64(st, 5);
		out->n++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(s, rc, "cost_levels", e);
	for (size_t i = 0; i < out->n; i++) {
		st = store_stmt(s, SR_COST_SERVICES_GET,
			"SELECT sv.code FROM cost_level_services c JOIN services sv ON sv.id = c.service_id "
			"WHERE c.level_id = ?1 ORDER BY sv.code", e);
		if (!st)
			return JUSTE_EIO;
		sqlite3_bind_int64(st, 1, ids[i]);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW && out->nservices[i] < COST_SERVICES_MAX)
			store_col_text(st, 0, out->services[i][out->nservices[i]++], CODE_LEN);
		sqlite3_reset(st);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return store_fail(s, rc, "cost_level_services", e);
	}
	return JUSTE_OK;
}
