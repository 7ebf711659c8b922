/*
 * store_records.c - experts, organisations, services, programs, mandates.
 *
 * Writes take codes and resolve them to ids here, so that callers never see
 * integer keys; reads return codes again.
 */
#include <string.h>

#include "store/store_internal.h"
#include "juste/tax.h"

juste_status store_id_by_code(struct store *s, int stmt_id, const char *table, const char *code,
	const char *what, int64_t *id, struct juste_err *e)
{
	/* table is one of a fixed set chosen by the caller, never user input */
	char sql[256];
	/* logins and mandate codes are typed by people: their case is not theirs
	 * to get right (STORE_ID_NOCASE) */
	if (strcmp(table, "experts") == 0)
		snprintf(sql, sizeof sql, "SELECT " STORE_ID_NOCASE("experts", "login"));
	else if (strcmp(table, "mandates") == 0)
		snprintf(sql, sizeof sql, "SELECT " STORE_ID_NOCASE("mandates", "code"));
	else
		snprintf(sql, sizeof sql, "SELECT id FROM %s WHERE code = ?1", table);
	sqlite3_stmt *st = store_stmt(s, stmt_id, sql, e);
	if (!st)
		return JUSTE_EIO;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL) {
		*id = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
		return JUSTE_OK;
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE || rc == SQLITE_ROW)
		return err_set(e, JUSTE_ENOTFOUND, N_("%s introuvable : '%s'"),
			err_translate ? err_translate(what) : what, code);
	return store_fail(s, rc, what, e);
}

/* ---------------------------------------------------------------- experts */

#define EXPERT_COLS "id, uuid, login, name, function, role, weekly_minutes, started_on, left_on"

static juste_status expert_read(sqlite3_stmt *st, struct expert *x, struct juste_err *e)
{
	int function, role;
	memset(x, 0, sizeof *x);
	x->id = sqlite3_column_int64(st, 0);
	store_col_text(st, 1, x->uuid, sizeof x->uuid);
	store_col_text(st, 2, x->login, sizeof x->login);
	store_col_text(st, 3, x->name, sizeof x->name);
	x->weekly_minutes = sqlite3_column_int(st, 6);
	store_col_text(st, 7, x->started_on, sizeof x->started_on);
	store_col_text(st, 8, x->left_on, sizeof x->left_on);
	char what[LOGIN_LEN + 16];
	snprintf(what, sizeof what, "expert '%s'", x->login);
	juste_status r = store_col_word(st, 4, VOCAB_FUNCTION, &function, what, e);
	if (!r)
		r = store_col_word(st, 5, VOCAB_ROLE, &role, what, e);
	if (r)
		return r;
	x->function = (enum expert_function)function;
	x->role = (enum role)role;
	return JUSTE_OK;
}

static void expert_bind(sqlite3_stmt *st, const struct expert *x)
{
	store_bind_text(st, 1, x->uuid);
	store_bind_text(st, 2, x->login);
	store_bind_text(st, 3, x->name);
	store_bind_word(st, 4, VOCAB_FUNCTION, (int)x->function);
	store_bind_word(st, 5, VOCAB_ROLE, (int)x->role);
	sqlite3_bind_int(st, 6, x->weekly_minutes);
	store_bind_text(st, 7, x->started_on);
	store_bind_text(st, 8, x->left_on);
}

juste_status store_expert_insert(struct store *s, struct expert *x, struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, ST_EXPERT_INSERT,
		"INSERT INTO experts(uuid, login, name, function, role, weekly_minutes, started_on, left_on) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", e);
	if (!st)
		return JUSTE_EIO;
	if (!x->uuid[0])
		store_uuid(x->uuid);
	expert_bind(st, x);
	char what[128];
	snprintf(what, sizeof what, "expert '%s'", x->login);
	juste_status r = store_step_done(s, st, what, e);
	if (!r)
		x->id = sqlite3_last_insert_rowid(s->db);
	return r;
}

juste_status store_expert_update(struct store *s, const struct expert *x, struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, ST_EXPERT_UPDATE,
		"UPDATE experts SET uuid = ?1, login = ?2, name = ?3, function = ?4, role = ?5, "
		"weekly_minutes = ?6, started_on = ?7, left_on = ?8 WHERE id = ?9", e);
	if (!st)
		return JUSTE_EIO;
	expert_bind(st, x);
	sqlite3_bind_int64(st, 9, x->id);
	char what[128];
	snprintf(what, sizeof what, "expert '%s'", x->login);
	return store_step_done(s, st, what, e);
}

static juste_status expert_fetch(struct store *s, sqlite3_stmt *st, const char *what, struct expert *out, struct juste_err *e)
{
	int rc = sqlite3_step(st);
	juste_status r = JUSTE_OK;
	if (rc == SQLITE_ROW)
		r = expert_read(st, out, e);
	else if (rc == SQLITE_DONE)
		r = err_set(e, JUSTE_ENOTFOUND, N_("expert inconnu : '%s'"), what);
	else
		r = store_fail(s, rc, what, e);
	sqlite3_reset(st);
	return r;
}

juste_status store_expert_get(struct store *s, const char *login, struct expert *out, struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, ST_EXPERT_GET, "SELECT " EXPERT_COLS " FROM experts WHERE id = " STORE_ID_NOCASE("experts", "login"), e);
	if (!st)
		return JUSTE_EIO;
	sqlite3_bind_text(st, 1, login, -1, SQLITE_STATIC);
	return expert_fetch(s, st, login, out, e);
}

juste_status store_expert_get_id(struct store *s, int64_t id, struct expert *out, struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, ST_EXPERT_GET_ID, "SELECT " EXPERT_COLS " FROM experts WHERE id = ?1", e);
	if (!st)
		return JUSTE_EIO;
	sqlite3_bind_int64(st, 1, id);
	char what[32];
	snprintf(what, sizeof what, "#%lld", (long long)id);
	return expert_fetch(s, st, what, out, e);
}

juste_status store_expert_list(struct store *s, store_expert_cb cb, void *ctx, struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, ST_EXPERT_LIST, "SELECT " EXPERT_COLS " FROM experts ORDER BY login", e);
	if (!st)
		return JUSTE_EIO;
	struct expert x;
	juste_status r = JUSTE_OK;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((r = expert_read(st, &x, e)) != JUSTE_OK || cb(ctx, &x))
			break;
	}
	if (!r)
		r = (rc == SQLITE_ROW || rc == SQLITE_DONE) ? JUSTE_OK : store_fail(s, rc, "experts", e);
	sqlite3_reset(st);
	return r;
}

int64_t store_expert_count(struct store *s)
{
	sqlite3_stmt *st = store_stmt(s, ST_EXPERT_COUNT, "SELECT count(*) FROM experts", NULL);
	if (!st)
		return -1;
	int64_t n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
	sqlite3_reset(st);
	return n;
}

/* ---------------------------------------------------------- organisations */

#define ORG_COLS "o.id, o.uuid, o.code, o.name, o.category, p.code, o.full_management, " \
	"o.tax_exempt, o.joined_on, o.left_on, o.email, o.address, o.country, o.province, " \
	"o.invoice_without_detail, o.language"
#define ORG_FROM " FROM orgs o LEFT JOIN orgs p ON p.id = o.parent_id"

static juste_status org_read(sqlite3_stmt *st, struct org *o, struct juste_err *e)
{
	int category;
	memset(o, 0, sizeof *o);
	o->id = sqlite3_column_int64(st, 0);
	store_col_text(st, 1, o->uuid, sizeof o->uuid);
	store_col_text(st, 2, o->code, sizeof o->code);
	store_col_text(st, 3, o->name, sizeof o->name);
	store_col_text(st, 5, o->parent, sizeof o->parent);
	o->full_management = sqlite3_column_int(st, 6);
	o->tax_exempt = sqlite3_column_int(st, 7);
	store_col_text(st, 8, o->joined_on, sizeof o->joined_on);
	store_col_text(st, 9, o->left_on, sizeof o->left_on);
	store_col_text(st, 10, o->email, sizeof o->email);
	store_col_text(st, 11, o->address, sizeof o->address);
	char what[CODE_LEN + 24];
	snprintf(what, sizeof what, "organisation '%s'", o->code);
	juste_status r = store_col_word(st, 4, VOCAB_CATEGORY, &category, what, e);
	o->category = (enum org_category)category;
	store_col_text(st, 12, o->country, sizeof o->country);
	o->invoice_without_detail = sqlite3_column_int(st, 14);
	store_col_text(st, 15, o->language, sizeof o->language);
	/* outside Canada the province is NULL: PROVINCE_QC stays, unused */
	if (!r && sqlite3_column_type(st, 13) != SQLITE_NULL) {
		int province;
		r = store_col_word(st, 13, VOCAB_PROVINCE, &province, what, e);
		o->province = (enum province)province;
	}
	return r;
}

static juste_status org_bind(struct store *s, sqlite3_stmt *st, const struct org *o, struct juste_err *e)
{
	int64_t parent = 0;
	if (o->parent[0]) {
		juste_status r = store_id_by_code(s, ST_ORG_ID, "orgs", o->parent, N_("organisation parente"), &parent, e);
		if (r)
			return r;
	}
	store_bind_text(st, 1, o->uuid);
	store_bind_text(st, 2, o->code);
	store_bind_text(st, 3, o->name);
	store_bind_word(st, 4, VOCAB_CATEGORY, (int)o->category);
	store_bind_id(st, 5, parent);
	sqlite3_bind_int(st, 6, o->full_management ? 1 : 0);
	sqlite3_bind_int(st, 7, o->tax_exempt ? 1 : 0);
	store_bind_text(st, 8, o->joined_on);
	store_bind_text(st, 9, o->left_on);
	sqlite3_bind_text(st, 10, o->email, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 11, o->address, -1, SQLITE_TRANSIENT);
	int canada = !o->country[0] || tax_country_is_canada(o->country);
	sqlite3_bind_text(st, 12, o->country[0] ? o->country : COUNTRY_CANADA, -1, SQLITE_TRANSIENT);
	if (canada)
		store_bind_word(st, 13, VOCAB_PROVINCE, (int)o->province);
	else
		sqlite3_bind_null(st, 13);
	sqlite3_bind_int(st, 14, o->invoice_without_detail ? 1 : 0);
	sqlite3_bind_text(st, 15, o->language[0] ? o->language : vocab_language_word(LANGUAGE_FR), -1, SQLITE_TRANSIENT);
	return JUSTE_OK;
}

juste_status store_org_insert(struct store *s, struct org *o, struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, ST_ORG_INSERT,
		"INSERT INTO orgs(uuid, code, name, category, parent_id, full_management, tax_exempt, "
		"joined_on, left_on, email, address, country, province, invoice_without_detail, language) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)", e);
	if (!st)
		return JUSTE_EIO;
	if (!o->uuid[0])
		store_uuid(o->uuid);
	juste_status r = org_bind(s, st, o, e);
	if (r)
		return r;
	char what[96];
	snprintf(what, sizeof what, "organisation '%s'", o->code);
	r = store_step_done(s, st, what, e);
	if (!r)
		o->id = sqlite3_last_insert_rowid(s->db);
	return r;
}

juste_status store_org_update(struct store *s, const struct org *o, struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, ST_ORG_UPDATE,
		"UPDATE orgs SET uuid = ?1, code = ?2, name = ?3, category = ?4, parent_id = ?5, "
		"full_management = ?6, tax_exempt = ?7, joined_on = ?8, left_on = ?9, email = ?10, "
		"address = ?11, country = ?12, province = ?13, invoice_without_detail = ?14, "
		"language = ?15 WHERE id = ?16", e);
	if (!st)
		return JUSTE_EIO;
	juste_status r = org_bind(s, st, o, e);
	if (r)
		return r;
	sqlite3_bind_int64(st, 16, o->id);
	char what[96];
	snprintf(what, sizeof what, "organisation '%s'", o->code);
	return store_step_done(s, st, what, e);
}

juste_status store_org_get(struct store *s, const char *code, struct org *out, struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, ST_ORG_GET, "SELECT " ORG_COLS ORG_FROM " WHERE o.code = ?1", e);
	if (!st)
		return JUSTE_EIO;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	juste_status r = JUSTE_OK;
	if (rc == SQLITE_ROW)
		r = org_read(st, out, e);
	else if (rc == SQLITE_DONE)
		r = err_set(e, JUSTE_ENOTFOUND, N_("organisation inconnue : '%s'"), code);
	else
		r = store_fail(s, rc, code, e);
	sqlite3_reset(st);
	return r;
}

juste_status store_org_list(struct store *s, store_org_cb cb, void *ctx, struct juste_err *e)
{
	/* Parents first, so that an export re-imports in one pass. */
	sqlite3_stmt *st = store_stmt(s, ST_ORG_LIST, "SELECT " ORG_COLS ORG_FROM
		" ORDER BY o.parent_id IS NOT NULL, o.code", e);
	if (!st)
		return JUSTE_EIO;
	struct org o;
	juste_status r = JUSTE_OK;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((r = org_read(st, &o, e)) != JUSTE_OK || cb(ctx, &o))
			break;
	}
	if (!r)
		r = (rc == SQLITE_ROW || rc == SQLITE_DONE) ? JUSTE_OK : store_fail(s, rc, "orgs", e);
	sqlite3_reset(st);
	return r;
}

/* ---------------------------------------------------- services, programs */

struct ref_sql {
	int ins, upd, get, list;
	const char *sql_ins, *sql_upd, *sql_get, *sql_list, *what;
};

static const struct ref_sql ref_sql[] = {
	[REF_SERVICE] = { ST_SERVICE_INSERT, ST_SERVICE_UPDATE, ST_SERVICE_GET, ST_SERVICE_LIST,
		"INSERT INTO services(uuid, code, name) VALUES (?1, ?2, ?3)",
		"UPDATE services SET uuid = ?1, code = ?2, name = ?3 WHERE id = ?4",
		"SELECT id, uuid, code, name FROM services WHERE code = ?1",
		"SELECT id, uuid, code, name FROM services ORDER BY code", N_("service") },
	[REF_PROGRAM] = { ST_PROGRAM_INSERT, ST_PROGRAM_UPDATE, ST_PROGRAM_GET, ST_PROGRAM_LIST,
		"INSERT INTO programs(uuid, code, name) VALUES (?1, ?2, ?3)",
		"UPDATE programs SET uuid = ?1, code = ?2, name = ?3 WHERE id = ?4",
		"SELECT id, uuid, code, name FROM programs WHERE code = ?1",
		"SELECT id, uuid, code, name FROM programs ORDER BY code", N_("programme") },
};

static void ref_read(sqlite3_stmt *st, struct refitem *r)
{
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(st, 0);
	store_col_text(st, 1, r->uuid, sizeof r->uuid);
	store_col_text(st, 2, r->code, sizeof r->code);
	store_col_text(st, 3, r->name, sizeof r->name);
}

juste_status store_ref_insert(struct store *s, enum ref_kind k, struct refitem *r, struct juste_err *e)
{
	const struct ref_sql *q = &ref_sql[k];
	sqlite3_stmt *st = store_stmt(s, q->ins, q->sql_ins, e);
	if (!st)
		return JUSTE_EIO;
	if (!r->uuid[0])
		store_uuid(r->uuid);
	store_bind_text(st, 1, r->uuid);
	store_bind_text(st, 2, r->code);
	store_bind_text(st, 3, r->name);
	char what[96];
	snprintf(what, sizeof what, "%s '%s'", q->what, r->code);
	juste_status rc = store_step_done(s, st, what, e);
	if (!rc)
		r->id = sqlite3_last_insert_rowid(s->db);
	return rc;
}

juste_status store_ref_update(struct store *s, enum ref_kind k, const struct refitem *r, struct juste_err *e)
{
	const struct ref_sql *q = &ref_sql[k];
	sqlite3_stmt *st = store_stmt(s, q->upd, q->sql_upd, e);
	if (!st)
		return JUSTE_EIO;
	store_bind_text(st, 1, r->uuid);
	store_bind_text(st, 2, r->code);
	store_bind_text(st, 3, r->name);
	sqlite3_bind_int64(st, 4, r->id);
	char what[96];
	snprintf(what, sizeof what, "%s '%s'", q->what, r->code);
	return store_step_done(s, st, what, e);
}

juste_status store_ref_get(struct store *s, enum ref_kind k, const char *code, struct refitem *out, struct juste_err *e)
{
	const struct ref_sql *q = &ref_sql[k];
	sqlite3_stmt *st = store_stmt(s, q->get, q->sql_get, e);
	if (!st)
		return JUSTE_EIO;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	juste_status r = JUSTE_OK;
	if (rc == SQLITE_ROW)
		ref_read(st, out);
	else if (rc == SQLITE_DONE)
		r = err_set(e, JUSTE_ENOTFOUND, N_("%s inconnu : '%s'"), err_translate ? err_translate(q->what) : q->what, code);
	else
		r = store_fail(s, rc, code, e);
	sqlite3_reset(st);
	return r;
}

juste_status store_ref_list(struct store *s, enum ref_kind k, store_ref_cb cb, void *ctx, struct juste_err *e)
{
	const struct ref_sql *q = &ref_sql[k];
	sqlite3_stmt *st = store_stmt(s, q->list, q->sql_list, e);
	if (!st)
		return JUSTE_EIO;
	struct refitem r;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		ref_read(st, &r);
		if (cb(ctx, &r))
			break;
	}
	juste_status res = (rc == SQLITE_ROW || rc == SQLITE_DONE) ? JUSTE_OK : store_fail(s, rc, q->what, e);
	sqlite3_reset(st);
	return res;
}

/* --------------------------------------------------------------- mandates */

#define MANDATE_COLS "m.id, m.uuid, m.code, m.title, c.code, b.code, s.code, p.code, m.billing, " \
	"m.monthly_fee_cents, m.budget_minutes, m.budget_cents, m.opened_on, m.closed_on, " \
	"m.client_id, m.beneficiary_id, m.service_id, m.program_id, c.name, m.budget_hard"
#define MANDATE_FROM " FROM mandates m JOIN orgs c ON c.id = m.client_id " \
	"JOIN orgs b ON b.id = m.beneficiary_id JOIN services s ON s.id = m.service_id " \
	"LEFT JOIN programs p ON p.id = m.program_id"

static juste_status mandate_read(sqlite3_stmt *st, struct mandate *m, struct juste_err *e)
{
	int billing;
	memset(m, 0, sizeof *m);
	m->id = sqlite3_column_int64(st, 0);
	store_col_text(st, 1, m->uuid, sizeof m->uuid);
	store_col_text(st, 2, m->code, sizeof m->code);
	store_col_text(st, 3, m->title, sizeof m->title);
	store_col_text(st, 4, m->client, sizeof m->client);
	store_col_text(st, 5, m->beneficiary, sizeof m->beneficiary);
	store_col_text(st, 6, m->service, sizeof m->service);
	store_col_text(st, 7, m->program, sizeof m->program);
	m->monthly_fee_cents = sqlite3_column_int64(st, 9);
	m->budget_minutes = sqlite3_column_int64(st, 10);
	m->budget_cents = sqlite3_column_int64(st, 11);
	store_col_text(st, 12, m->opened_on, sizeof m->opened_on);
	store_col_text(st, 13, m->closed_on, sizeof m->closed_on);
	m->client_id = sqlite3_column_int64(st, 14);
	m->beneficiary_id = sqlite3_column_int64(st, 15);
	m->service_id = sqlite3_column_int64(st, 16);
	m->program_id = sqlite3_column_int64(st, 17);
	store_col_text(st, 18, m->client_name, sizeof m->client_name);
	m->budget_hard = sqlite3_column_int(st, 19) != 0;
	char what[CODE_LEN + 16];
	snprintf(what, sizeof what, "mandat '%s'", m->code);
	juste_status r = store_col_word(st, 8, VOCAB_BILLING, &billing, what, e);
	m->billing = (enum billing_mode)billing;
	return r;
}

static juste_status mandate_bind(struct store *s, sqlite3_stmt *st, const struct mandate *m, struct juste_err *e)
{
	int64_t client = 0, benef = 0, service = 0, program = 0;
	juste_status r = store_id_by_code(s, ST_ORG_ID, "orgs", m->client, N_("client"), &client, e);
	if (!r)
		r = store_id_by_code(s, ST_ORG_ID, "orgs", m->beneficiary[0] ? m->beneficiary : m->client,
			N_("bénéficiaire"), &benef, e);
	if (!r)
		r = store_id_by_code(s, ST_SERVICE_ID, "services", m->service, N_("service"), &service, e);
	if (!r && m->program[0])
		r = store_id_by_code(s, ST_PROGRAM_ID, "programs", m->program, N_("programme"), &program, e);
	if (r)
		return r;
	store_bind_text(st, 1, m->uuid);
	store_bind_text(st, 2, m->code);
	store_bind_text(st, 3, m->title);
	sqlite3_bind_int64(st, 4, client);
	sqlite3_bind_int64(st, 5, benef);
	sqlite3_bind_int64(st, 6, service);
	store_bind_id(st, 7, program);
	store_bind_word(st, 8, VOCAB_BILLING, (int)m->billing);
	store_bind_id(st, 9, m->monthly_fee_cents);
	store_bind_id(st, 10, m->budget_minutes);
	store_bind_id(st, 11, m->budget_cents);
	store_bind_text(st, 12, m->opened_on);
	store_bind_text(st, 13, m->closed_on);
	sqlite3_bind_int(st, 14, m->budget_hard ? 1 : 0);
	return JUSTE_OK;
}

juste_status store_mandate_insert(struct store *s, struct mandate *m, struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, ST_MANDATE_INSERT,
		"INSERT INTO mandates(uuid, code, title, client_id, beneficiary_id, service_id, program_id, "
		"billing, monthly_fee_cents, budget_minutes, budget_cents, opened_on, closed_on, budget_hard) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)", e);
	if (!st)
		return JUSTE_EIO;
	if (!m->uuid[0])
		store_uuid(m->uuid);
	juste_status r = mandate_bind(s, st, m, e);
	if (r)
		return r;
	char what[96];
	snprintf(what, sizeof what, "mandat '%s'", m->code);
	r = store_step_done(s, st, what, e);
	if (!r)
		m->id = sqlite3_last_insert_rowid(s->db);
	return r;
}

juste_status store_mandate_update(struct store *s, const struct mandate *m, struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, ST_MANDATE_UPDATE,
		"UPDATE mandates SET uuid = ?1, code = ?2, title = ?3, client_id = ?4, beneficiary_id = ?5, "
		"service_id = ?6, program_id = ?7, billing = ?8, monthly_fee_cents = ?9, budget_minutes = ?10, "
		"budget_cents = ?11, opened_on = ?12, closed_on = ?13, budget_hard = ?14 WHERE id = ?15", e);
	if (!st)
		return JUSTE_EIO;
	juste_status r = mandate_bind(s, st, m, e);
	if (r)
		return r;
	sqlite3_bind_int64(st, 15, m->id);
	char what[96];
	snprintf(what, sizeof what, "mandat '%s'", m->code);
	return store_step_done(s, st, what, e);
}

juste_status store_mandate_get(struct store *s, const char *code, struct mandate *out, struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, ST_MANDATE_GET, "SELECT " MANDATE_COLS MANDATE_FROM " WHERE m.id = " STORE_ID_NOCASE("mandates", "code"), e);
	if (!st)
		return JUSTE_EIO;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	juste_status r = JUSTE_OK;
	if (rc == SQLITE_ROW)
		r = mandate_read(st, out, e);
	else if (rc == SQLITE_DONE)
		r = err_set(e, JUSTE_ENOTFOUND, N_("mandat inconnu : '%s'"), code);
	else
		r = store_fail(s, rc, code, e);
	sqlite3_reset(st);
	return r;
}

juste_status store_mandate_list(struct store *s, store_mandate_cb cb, void *ctx, struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, ST_MANDATE_LIST, "SELECT " MANDATE_COLS MANDATE_FROM " ORDER BY m.code", e);
	if (!st)
		return JUSTE_EIO;
	struct mandate m;
	juste_status r = JUSTE_OK;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((r = mandate_read(st, &m, e)) != JUSTE_OK || cb(ctx, &m))
			break;
	}
	if (!r)
		r = (rc == SQLITE_ROW || rc == SQLITE_DONE) ? JUSTE_OK : store_fail(s, rc, "mandates", e);
	sqlite3_reset(st);
	return r;
}
