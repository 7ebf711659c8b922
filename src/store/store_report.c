/*
 * store_report.c - finance figures, the business-development log, experts'
 * profiles, and the aggregates of the annual report.  Statements use the
 * slots ST_REPORT_BASE .. +39.
 *
 * The time aggregates read the monthly sums of sql/014 for the whole months
 * of a range and the entries only for the days at its edges, then join that
 * small result with mandates and organisations: a year costs its months
 * times mandates, whatever the number of entries, and no row per entry
 * ever leaves SQLite.
 */
#include <string.h>

#include "juste/date.h"
#include "juste/store_report.h"
#include "store/store_internal.h"

enum {
	RP_FIN_SET = ST_REPORT_BASE, RP_FIN_GET,
	RP_DEV_INSERT, RP_DEV_LIST, RP_DEV_COUNT,
	RP_PROFILE_SET, RP_PEOPLE_AT, RP_PEOPLE_ALL,
	RP_MONTHS, RP_BENEF,
	RP_BY_EXPERT, RP_BY_MANDATE, RP_BY_ORG, RP_BY_PROGRAM, RP_BY_SERVICE,
	RP_MEMBERS,
	RP_REV_CLIENT, RP_REV_PROGRAM,
	RP_LAST_DATE,
	RP_LAST
};
_Static_assert(RP_LAST <= ST_REPORT_BASE + 40, "store_report.c uses at most 40 statement slots");

#define BILLABLE "m.billing IN " SQL_BILLABLE

static juste_status walk_end(struct store *s, sqlite3_stmt *st, int rc, const char *what, struct juste_err *e)
{
	juste_status r = (rc == SQLITE_ROW || rc == SQLITE_DONE) ? JUSTE_OK : store_fail(s, rc, what, e);
	sqlite3_reset(st);
	return r;
}

/* ---------------------------------------------------------------- finance */

static void bind_opt(sqlite3_stmt *st, int i, unsigned has, unsigned bit, int64_t v)
{
	if (has & bit)
		sqlite3_bind_int64(st, i, v);
	else
		sqlite3_bind_null(st, i);
}

juste_status store_report_finance_set(struct store *s, const struct finance_year *f, struct juste_err *e)
{
	/* ?6..?9 say which fields to overwrite, so that setting one figure
	 * keeps the others */
	sqlite3_stmt *st = store_stmt(s, RP_FIN_SET,
		"INSERT INTO finance_years(fy, actual_products_cents, actual_expenses_cents, budget_products_cents, "
		"budget_expenses_cents) VALUES (?1, ?2, ?3, ?4, ?5) "
		"ON CONFLICT(fy) DO UPDATE SET "
		"actual_products_cents = CASE WHEN ?6 THEN excluded.actual_products_cents ELSE actual_products_cents END, "
		"actual_expenses_cents = CASE WHEN ?7 THEN excluded.actual_expenses_cents ELSE actual_expenses_cents END, "
		"budget_products_cents = CASE WHEN ?8 THEN excluded.budget_products_cents ELSE budget_products_cents END, "
		"budget_expenses_cents = CASE WHEN ?9 THEN excluded.budget_expenses_cents ELSE budget_expenses_cents END, "
		"updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')", e);
	if (!st)
		return JUSTE_EIO;
	sqlite3_bind_int(st, 1, f->fy);
	bind_opt(st, 2, f->has, FIN_ACTUAL_PRODUCTS, f->actual_products_cents);
	bind_opt(st, 3, f->has, FIN_ACTUAL_EXPENSES, f->actual_expenses_cents);
	bind_opt(st, 4, f->has, FIN_BUDGET_PRODUCTS, f->budget_products_cents);
	bind_opt(st, 5, f->has, FIN_BUDGET_EXPENSES, f->budget_expenses_cents);
	sqlite3_bind_int(st, 6, !!(f->has & FIN_ACTUAL_PRODUCTS));
	sqlite3_bind_int(st, 7, !!(f->has & FIN_ACTUAL_EXPENSES));
	sqlite3_bind_int(st, 8, !!(f->has & FIN_BUDGET_PRODUCTS));
	sqlite3_bind_int(st, 9, !!(f->has & FIN_BUDGET_EXPENSES));
	char what[64];
	snprintf(what, sizeof what, "finances %d", f->fy);
	return store_step_done(s, st, what, e);
}

juste_status store_report_finance_get(struct store *s, int fy, struct finance_year *out, struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, RP_FIN_GET,
		"SELECT actual_products_cents, actual_expenses_cents, budget_products_cents, budget_expenses_cents "
		"FROM finance_years WHERE fy = ?1", e);
	if (!st)
		return JUSTE_EIO;
	memset(out, 0, sizeof *out);
	out->fy = fy;
	sqlite3_bind_int(st, 1, fy);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		static const unsigned bits[4] = { FIN_ACTUAL_PRODUCTS, FIN_ACTUAL_EXPENSES, FIN_BUDGET_PRODUCTS,
			FIN_BUDGET_EXPENSES };
		int64_t *v[4] = { &out->actual_products_cents, &out->actual_expenses_cents,
			&out->budget_products_cents, &out->budget_expenses_cents };
		for (int i = 0; i < 4; i++) {
			if (sqlite3_column_type(st, i) != SQLITE_NULL) {
				out->has |= bits[i];
				*v[i] = sqlite3_column_int64(st, i);
			}
		}
	}
	return walk_end(s, st, rc, "finances", e);
}

/* ---------------------------------------------------------- devaffaires */

juste_status store_report_devaffaire_insert(struct store *s, struct devaffaire *d, struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, RP_DEV_INSERT,
		"INSERT INTO devaffaires(uuid, on_date, kind, partner, name) VALUES (?1, ?2, ?3, ?4, ?5)", e);
	if (!st)
		return JUSTE_EIO;
	if (!d->uuid[0])
		store_uuid(d->uuid);
	store_bind_text(st, 1, d->uuid);
	store_bind_text(st, 2, d->on_date);
	store_bind_word(st, 3, VOCAB_DEV_KIND, (int)d->kind);
	store_bind_word(st, 4, VOCAB_PARTNER, (int)d->partner);
	store_bind_text(st, 5, d->name);
	char what[NAME_LEN + 32];
	snprintf(what, sizeof what, "'%s'", d->name);
	juste_status r = store_step_done(s, st, what, e);
	if (!r)
		d->id = sqlite3_last_insert_rowid(s->db);
	return r;
}

juste_status store_report_devaffaire_list(struct store *s, const char *from, const char *to,
	store_devaffaire_cb cb, void *ctx, struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, RP_DEV_LIST,
		"SELECT id, uuid, on_date, kind, partner, name FROM devaffaires "
		"WHERE (?1 IS NULL OR on_date >= ?1) AND (?2 IS NULL OR on_date <= ?2) ORDER BY on_date, id", e);
	if (!st)
		return JUSTE_EIO;
	store_bind_text(st, 1, from);
	store_bind_text(st, 2, to);
	struct devaffaire d;
	juste_status r = JUSTE_OK;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int kind, partner;
		memset(&d, 0, sizeof d);
		d.id = sqlite3_column_int64(st, 0);
		store_col_text(st, 1, d.uuid, sizeof d.uuid);
		store_col_text(st, 2, d.on_date, sizeof d.on_date);
		store_col_text(st, 5, d.name, sizeof d.name);
		char what[NAME_LEN + 32];
		snprintf(what, sizeof what, "devaffaires #%lld", (long long)d.id);
		if ((r = store_col_word(st, 3, VOCAB_DEV_KIND, &kind, what, e)) != JUSTE_OK ||
		    (r = store_col_word(st, 4, VOCAB_PARTNER, &partner, what, e)) != JUSTE_OK)
			break;
		d.kind = (enum dev_kind)kind;
		d.partner = (enum dev_partner)partner;
		if (cb(ctx, &d))
			break;
	}
	if (r) {
		sqlite3_reset(st);
		return r;
	}
	return walk_end(s, st, rc, "devaffaires", e);
}

juste_status store_report_devaffaire_count(struct store *s, const char *from, const char *to,
	store_devaffaire_count_cb cb, void *ctx, struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, RP_DEV_COUNT,
		"SELECT partner, kind, name, count(*), min(on_date) AS first, min(id) AS fid FROM devaffaires "
		"WHERE (?1 IS NULL OR on_date >= ?1) AND (?2 IS NULL OR on_date <= ?2) "
		"GROUP BY partner, kind, name ORDER BY partner, kind, first, fid", e);
	if (!st)
		return JUSTE_EIO;
	store_bind_text(st, 1, from);
	store_bind_text(st, 2, to);
	char name[NAME_LEN];
	juste_status r = JUSTE_OK;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int partner, kind;
		store_col_text(st, 2, name, sizeof name);
		char what[NAME_LEN + 32];
		snprintf(what, sizeof what, "devaffaires '%s'", name);
		if ((r = store_col_word(st, 0, VOCAB_PARTNER, &partner, what, e)) != JUSTE_OK ||
		    (r = store_col_word(st, 1, VOCAB_DEV_KIND, &kind, what, e)) != JUSTE_OK)
			break;
		if (cb(ctx, (enum dev_partner)partner, (enum dev_kind)kind, name, sqlite3_column_int64(st, 3)))
			break;
	}
	if (r) {
		sqlite3_reset(st);
		return r;
	}
	return walk_end(s, st, rc, "devaffaires", e);
}

/* ---------------------------------------------------------------- people */

juste_status store_report_expert_profile_set(struct store *s, const char *login, const enum gender *gender,
	int birth_year, struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, RP_PROFILE_SET,
		"UPDATE experts SET gender = CASE WHEN ?4 THEN ?2 ELSE gender END, "
		"birth_year = CASE WHEN ?5 THEN ?3 ELSE birth_year END WHERE login = ?1", e);
	if (!st)
		return JUSTE_EIO;
	store_bind_text(st, 1, login);
	if (gender)
		store_bind_text(st, 2, vocab_gender_word(*gender));   /* GENDER_NONE: NULL */
	if (birth_year > 0)
		sqlite3_bind_int(st, 3, birth_year);
	else
		sqlite3_bind_null(st, 3);
	sqlite3_bind_int(st, 4, gender != NULL);
	sqlite3_bind_int(st, 5, birth_year >= 0);
	char what[LOGIN_LEN + 16];
	snprintf(what, sizeof what, "expert '%s'", login);
	juste_status r = store_step_done(s, st, what, e);
	if (!r && sqlite3_changes(s->db) == 0)
		r = err_set(e, JUSTE_ENOTFOUND, N_("expert inconnu : '%s'"), login);
	return r;
}

#define PERSON_COLS "login, name, function, gender, coalesce(birth_year, 0), weekly_minutes, " \
	"started_on, left_on"

juste_status store_report_people(struct store *s, const char *at, store_person_cb cb, void *ctx,
	struct juste_err *e)
{
	sqlite3_stmt *st = at
		? store_stmt(s, RP_PEOPLE_AT, "SELECT " PERSON_COLS " FROM experts "
			"WHERE (started_on IS NULL OR started_on <= ?1) AND (left_on IS NULL OR left_on >= ?1) "
			"ORDER BY login", e)
		: store_stmt(s, RP_PEOPLE_ALL, "SELECT " PERSON_COLS " FROM experts ORDER BY login", e);
	if (!st)
		return JUSTE_EIO;
	if (at)
		store_bind_text(st, 1, at);
	struct report_person p;
	juste_status r = JUSTE_OK;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int function, gender = GENDER_NONE;
		memset(&p, 0, sizeof p);
		store_col_text(st, 0, p.login, sizeof p.login);
		store_col_text(st, 1, p.name, sizeof p.name);
		char what[LOGIN_LEN + 16];
		snprintf(what, sizeof what, "expert '%s'", p.login);
		if ((r = store_col_word(st, 2, VOCAB_FUNCTION, &function, what, e)) != JUSTE_OK ||
		    (sqlite3_column_type(st, 3) != SQLITE_NULL &&
		     (r = store_col_word(st, 3, VOCAB_GENDER, &gender, what, e)) != JUSTE_OK))
			break;
		p.function = (enum expert_function)function;
		p.gender = (enum gender)gender;
		p.birth_year = sqlite3_column_int(st, 4);
		p.weekly_minutes = sqlite3_column_int(st, 5);
		store_col_text(st, 6, p.started_on, sizeof p.started_on);
		store_col_text(st, 7, p.left_on, sizeof p.left_on);
		if (cb(ctx, &p))
			break;
	}
	if (r) {
		sqlite3_reset(st);
		return r;
	}
	return walk_end(s, st, rc, "experts", e);
}

/* ------------------------------------------------------------------ time */

/* A range of days split for the monthly aggregates (sql/014): the whole
 * months inside it are read from time_mandate_month / time_expert_month,
 * and only the days before the first whole month and after the last one
 * from entries.  Bound as ?1 from, ?2 to, ?3 .. ?4 the whole months
 * ("YYYY-MM"), ?5 the last day of the head (from .. ?5) and ?6 the first
 * day of the tail (?6 .. to); an empty part gets bounds that match
 * nothing. */
static void bind_span(sqlite3_stmt *st, const char *from, const char *to)
{
	char m1[8] = "9", m2[8] = "0", head[DATE_BUF], tail[DATE_BUF] = "9";
	snprintf(head, sizeof head, "%s", to ? to : "");
	date_t f, t;
	if (from && to && !date_parse(from, &f, NULL) && !date_parse(to, &t, NULL)) {
		int y1, mo1, d1, y2, mo2, d2;
		date_to_ymd(f, &y1, &mo1, &d1);
		date_to_ymd(t, &y2, &mo2, &d2);
		if (d1 != 1)
			date_month_add(&y1, &mo1, 1);
		if (d2 != date_days_in_month(y2, mo2))
			date_month_add(&y2, &mo2, -1);
		if (y1 * 12 + mo1 <= y2 * 12 + mo2) {
			snprintf(m1, sizeof m1, "%04d-%02d", y1, mo1);
			snprintf(m2, sizeof m2, "%04d-%02d", y2, mo2);
			date_format(date_month_first(y1, mo1) - 1, head);
			date_format(date_month_last(y2, mo2) + 1, tail);
		}
	}
	store_bind_text(st, 1, from);
	store_bind_text(st, 2, to);
	sqlite3_bind_text(st, 3, m1, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, m2, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, head, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 6, tail, -1, SQLITE_TRANSIENT);
}

/* The minutes of the range per mandate: columns mandate_id, minutes. */
#define BY_MANDATE_SRC \
	"SELECT mandate_id, minutes FROM time_mandate_month WHERE month BETWEEN ?3 AND ?4 " \
	"UNION ALL SELECT mandate_id, minutes FROM entries WHERE work_date BETWEEN ?1 AND ?5 " \
	"UNION ALL SELECT mandate_id, minutes FROM entries WHERE work_date BETWEEN ?6 AND ?2"

#define EDGE_SPLIT(lo, hi) \
	"SELECT substr(e.work_date, 1, 7), e.expert_id, " \
	"CASE WHEN " BILLABLE " THEN e.minutes ELSE 0 END, CASE WHEN " BILLABLE " THEN 0 ELSE e.minutes END " \
	"FROM entries e JOIN mandates m ON m.id = e.mandate_id WHERE e.work_date BETWEEN " lo " AND " hi
/* The minutes of the range per month and expert: columns month,
 * expert_id, b (billable), i (internal). */
#define BY_EXPERT_SRC \
	"SELECT month, expert_id, billable AS b, internal AS i FROM time_expert_month " \
	"WHERE month BETWEEN ?3 AND ?4 " \
	"UNION ALL " EDGE_SPLIT("?1", "?5") " UNION ALL " EDGE_SPLIT("?6", "?2")

juste_status store_report_minutes_by_month(struct store *s, const char *from, const char *to,
	store_report_month_cb cb, void *ctx, struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, RP_MONTHS,
		"SELECT month, sum(b), sum(i) FROM (" BY_EXPERT_SRC ") GROUP BY month ORDER BY month", e);
	if (!st)
		return JUSTE_EIO;
	bind_span(st, from, to);
	char month[8];
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		store_col_text(st, 0, month, sizeof month);
		if (cb(ctx, month, sqlite3_column_int64(st, 1), sqlite3_column_int64(st, 2)))
			break;
	}
	return walk_end(s, st, rc, "entries", e);
}

juste_status store_report_beneficiaries(struct store *s, const char *from, const char *to, int64_t *n,
	struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, RP_BENEF,
		"SELECT count(DISTINCT m.beneficiary_id) "
		"FROM (SELECT DISTINCT mandate_id FROM (" BY_MANDATE_SRC ")) t "
		"JOIN mandates m ON m.id = t.mandate_id WHERE " BILLABLE, e);
	if (!st)
		return JUSTE_EIO;
	bind_span(st, from, to);
	*n = 0;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*n = sqlite3_column_int64(st, 0);
	return walk_end(s, st, rc, "entries", e);
}

/* The range's minutes per mandate joined with their mandate, summed
 * straight into the few groups asked for. */
#define SPLIT "sum(CASE WHEN " BILLABLE " THEN e.minutes ELSE 0 END), " \
	"sum(CASE WHEN " BILLABLE " THEN 0 ELSE e.minutes END)"
#define SPLIT_AS "sum(CASE WHEN " BILLABLE " THEN e.minutes ELSE 0 END) AS b, " \
	"sum(CASE WHEN " BILLABLE " THEN 0 ELSE e.minutes END) AS i"
#define RANGE "FROM (" BY_MANDATE_SRC ") e JOIN mandates m ON m.id = e.mandate_id "

juste_status store_report_minutes_by(struct store *s, enum report_by by, const char *from, const char *to,
	store_group_cb cb, void *ctx, struct juste_err *e)
{
	/* columns: key, label, billable, internal, function, weekly, started, left */
	static const char *const sql[REPORT_BY_COUNT] = {
		[REPORT_BY_EXPERT] =
		"SELECT x.login, x.name, coalesce(t.b, 0), coalesce(t.i, 0), x.function, x.weekly_minutes, "
		"x.started_on, x.left_on FROM experts x LEFT JOIN ("
		"  SELECT expert_id, sum(b) AS b, sum(i) AS i FROM (" BY_EXPERT_SRC ") GROUP BY expert_id) t "
		"ON t.expert_id = x.id "
		"WHERE t.expert_id IS NOT NULL "
		"   OR ((x.started_on IS NULL OR x.started_on <= ?2) AND (x.left_on IS NULL OR x.left_on >= ?1)) "
		"ORDER BY x.login",
		[REPORT_BY_MANDATE] =
		"SELECT m.code, m.title, " SPLIT ", '', 0, NULL, NULL " RANGE "GROUP BY m.id ORDER BY m.code",
		[REPORT_BY_ORG] =
		"SELECT o.code, o.name, t.b, t.i, '', 0, NULL, NULL FROM ("
		"  SELECT m.client_id AS client_id, " SPLIT_AS " " RANGE "GROUP BY m.client_id) t "
		"JOIN orgs o ON o.id = t.client_id ORDER BY o.code",
		[REPORT_BY_PROGRAM] =
		"SELECT coalesce(p.code, ''), coalesce(p.name, ''), t.b, t.i, '', 0, NULL, NULL FROM ("
		"  SELECT m.program_id AS program_id, " SPLIT_AS " " RANGE "GROUP BY m.program_id) t "
		"LEFT JOIN programs p ON p.id = t.program_id ORDER BY p.code IS NULL, p.code",
		[REPORT_BY_SERVICE] =
		"SELECT v.code, v.name, t.b, t.i, '', 0, NULL, NULL FROM ("
		"  SELECT m.service_id AS service_id, " SPLIT_AS " " RANGE "GROUP BY m.service_id) t "
		"JOIN services v ON v.id = t.service_id ORDER BY v.code",
	};
	if ((int)by < 0 || by >= REPORT_BY_COUNT)
		return err_set(e, JUSTE_EINVAL, N_("regroupement inconnu"));
	sqlite3_stmt *st = store_stmt(s, RP_BY_EXPERT + (int)by, sql[by], e);
	if (!st)
		return JUSTE_EIO;
	bind_span(st, from, to);
	struct report_group g;
	juste_status r = JUSTE_OK;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&g, 0, sizeof g);
		store_col_text(st, 0, g.key, sizeof g.key);
		store_col_text(st, 1, g.label, sizeof g.label);
		g.billable = sqlite3_column_int64(st, 2);
		g.internal = sqlite3_column_int64(st, 3);
		if (by == REPORT_BY_EXPERT) {
			int function;
			char what[LOGIN_LEN + 16];
			snprintf(what, sizeof what, "expert '%s'", g.key);
			if ((r = store_col_word(st, 4, VOCAB_FUNCTION, &function, what, e)) != JUSTE_OK)
				break;
			g.function = (enum expert_function)function;
		}
		g.weekly_minutes = sqlite3_column_int(st, 5);
		store_col_text(st, 6, g.started_on, sizeof g.started_on);
		store_col_text(st, 7, g.left_on, sizeof g.left_on);
		if (cb(ctx, &g))
			break;
	}
	if (r) {
		sqlite3_reset(st);
		return r;
	}
	return walk_end(s, st, rc, "entries", e);
}

/* ----------------------------------------------------------------- orgs */

juste_status store_report_members(struct store *s, const char *first, const char *last, int64_t *at_end,
	int64_t *new_members, struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, RP_MEMBERS,
		"SELECT count(*), coalesce(sum(joined_on IS NOT NULL AND joined_on >= ?1), 0) FROM orgs "
		"WHERE category IN " SQL_MEMBER " "
		"AND (joined_on IS NULL OR joined_on <= ?2) AND (left_on IS NULL OR left_on > ?2)", e);
	if (!st)
		return JUSTE_EIO;
	store_bind_text(st, 1, first);
	store_bind_text(st, 2, last);
	*at_end = *new_members = 0;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*at_end = sqlite3_column_int64(st, 0);
		*new_members = sqlite3_column_int64(st, 1);
	}
	return walk_end(s, st, rc, "orgs", e);
}

/* -------------------------------------------------------------- revenue */

/* The issued documents of the periods [?1, ?2]: the invoices by their own
 * period (the invoices_period index answers), the credit notes by that of
 * the invoice they correct (the few credit notes are read through
 * invoices_credited's rows).  Its columns: id, kind, client_id,
 * subtotal_cents. */
#define OF_PERIODS \
	"SELECT i.id AS id, i.kind AS kind, i.client_id AS client_id, i.subtotal_cents AS subtotal_cents " \
	"FROM invoices i WHERE i.period BETWEEN ?1 AND ?2 AND i.status IN " SQL_ISSUED " " \
	"AND i.kind IN " SQL_INVOICE " " \
	"UNION ALL " \
	"SELECT c.id, c.kind, c.client_id, c.subtotal_cents " \
	"FROM invoices f JOIN invoices c ON c.credited_id = f.id " \
	"WHERE f.period BETWEEN ?1 AND ?2 AND f.status IN " SQL_ISSUED " " \
	"AND c.status IN " SQL_ISSUED " AND c.kind IN " SQL_CREDIT_NOTE

juste_status store_report_revenue_by_client(struct store *s, const char *first_period, const char *last_period,
	store_client_cb cb, void *ctx, struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, RP_REV_CLIENT,
		"SELECT o.code, o.name, o.category, o.full_management, "
		"sum(CASE WHEN i.kind IN " SQL_INVOICE " THEN i.subtotal_cents ELSE 0 END), "
		"sum(CASE WHEN i.kind IN " SQL_CREDIT_NOTE " THEN i.subtotal_cents ELSE 0 END), "
		"sum(i.kind IN " SQL_INVOICE "), sum(i.kind IN " SQL_CREDIT_NOTE ") "
		"FROM (" OF_PERIODS ") i JOIN orgs o ON o.id = i.client_id "
		"GROUP BY o.id ORDER BY o.code", e);
	if (!st)
		return JUSTE_EIO;
	store_bind_text(st, 1, first_period);
	store_bind_text(st, 2, last_period);
	struct report_client c;
	juste_status r = JUSTE_OK;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int category;
		memset(&c, 0, sizeof c);
		store_col_text(st, 0, c.code, sizeof c.code);
		store_col_text(st, 1, c.name, sizeof c.name);
		char what[CODE_LEN + 24];
		snprintf(what, sizeof what, "organisation '%s'", c.code);
		if ((r = store_col_word(st, 2, VOCAB_CATEGORY, &category, what, e)) != JUSTE_OK)
			break;
		c.category = (enum org_category)category;
		c.full_management = sqlite3_column_int(st, 3);
		c.invoiced_cents = sqlite3_column_int64(st, 4);
		c.credited_cents = sqlite3_column_int64(st, 5);
		c.invoices = sqlite3_column_int64(st, 6);
		c.credits = sqlite3_column_int64(st, 7);
		if (cb(ctx, &c))
			break;
	}
	if (r) {
		sqlite3_reset(st);
		return r;
	}
	return walk_end(s, st, rc, "invoices", e);
}

juste_status store_report_revenue_by_program(struct store *s, const char *first_period, const char *last_period,
	store_program_rev_cb cb, void *ctx, struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, RP_REV_PROGRAM,
		"SELECT coalesce(p.code, ''), coalesce(p.name, ''), sum(t.amount) FROM ("
		"  SELECT coalesce(l.mandate_id, (SELECT f.mandate_id FROM invoice_lines f "
		"    WHERE f.invoice_id = i.credited_id AND f.mandate_id IS NOT NULL ORDER BY f.pos LIMIT 1)) AS mandate_id, "
		"    l.amount_cents AS amount "
		"  FROM (" OF_PERIODS ") d JOIN invoices i ON i.id = d.id JOIN invoice_lines l ON l.invoice_id = i.id) t "
		"LEFT JOIN mandates m ON m.id = t.mandate_id LEFT JOIN programs p ON p.id = m.program_id "
		"GROUP BY p.id ORDER BY p.code IS NULL, p.code", e);
	if (!st)
		return JUSTE_EIO;
	store_bind_text(st, 1, first_period);
	store_bind_text(st, 2, last_period);
	char code[CODE_LEN], name[NAME_LEN];
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		store_col_text(st, 0, code, sizeof code);
		store_col_text(st, 1, name, sizeof name);
		if (cb(ctx, code, name, sqlite3_column_int64(st, 2)))
			break;
	}
	return walk_end(s, st, rc, "invoices", e);
}

juste_status store_report_last_work_date(struct store *s, const char *before, char out[ISO_LEN], struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, RP_LAST_DATE,
		"SELECT max(work_date) FROM entries WHERE work_date < ?1", e);
	if (!st)
		return JUSTE_EIO;
	sqlite3_bind_text(st, 1, before, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	juste_status r = JUSTE_OK;
	if (rc == SQLITE_ROW)
		store_col_text(st, 0, out, ISO_LEN);
	else
		r = store_fail(s, rc, "entries", e);
	sqlite3_reset(st);
	return r;
}
