/*
 * store_check.c - juste check: what the database holds, verified on the
 * file as it is, including as someone with the file in hand and a raw
 * SQLite shell could have left it.
 *
 * Such a person can drop a trigger, change a row and put the trigger back,
 * or rewrite a CHECK with writable_schema; integrity_check sees none of
 * that.  So besides SQLite's own checks and the domain rules that depend on
 * other rows, this verifies
 * - the schema: every table, index, trigger and view exactly as the
 *   migrations compiled into this binary create them;
 * - the invoice numbering: each sequence gapless, its counter at its top;
 * - the amounts of each issued invoice and credit note, by the core's
 *   arithmetic (nothing of DOMAIN's formulas is written again in SQL);
 * - that credit notes never reverse more than their invoice charged;
 * - that the append-only journals have no hole in their ids;
 * - that the monthly sums of time equal the entries they are made from.
 * Each problem is one translated line through the caller's callback.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "juste/invoice.h"
#include "juste/money.h"
#include "store/migrations.h"
#include "store/store_internal.h"

struct checker {
	struct store *s;
	store_finding_cb cb;
	void *ctx;
	int count;
	int stop;          /* the callback asked for no more */
};

static void found(struct checker *k, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Formats one finding in the user's language (err_vset translates fmt). */
static void found(struct checker *k, const char *fmt, ...)
{
	struct juste_err line;
	va_list ap;
	va_start(ap, fmt);
	err_vset(&line, JUSTE_OK, fmt, ap);
	va_end(ap);
	k->count++;
	if (!k->stop && k->cb(k->ctx, line.msg))
		k->stop = 1;
}

static const char *tr(const char *s)
{
	return err_translate ? err_translate(s) : s;
}

/* A query that cannot even be prepared on this file (its table dropped or
 * renamed by hand) is itself a finding, and the other checks still run;
 * any other failure (busy, I/O) stops the check with an error. */
static juste_status prepare(struct checker *k, const char *sql, const char *what, sqlite3_stmt **st,
	struct juste_err *e)
{
	*st = NULL;
	int rc = sqlite3_prepare_v2(k->s->db, sql, -1, st, NULL);
	if (rc == SQLITE_OK)
		return JUSTE_OK;
	if ((rc & 0xff) == SQLITE_ERROR) {
		found(k, N_("vérification impossible (%s) : %s"), tr(what), sqlite3_errmsg(k->s->db));
		return JUSTE_OK;
	}
	return store_fail(k->s, rc, what, e);
}

static juste_status finish(struct checker *k, sqlite3_stmt *st, int rc, const char *what, struct juste_err *e)
{
	juste_status r = (rc == SQLITE_ROW || rc == SQLITE_DONE) ? JUSTE_OK : store_fail(k->s, rc, what, e);
	sqlite3_finalize(st);
	return r;
}

static const char *col_text(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return t ? (const char *)t : "";
}

/* --------------------------------------------------- rows as findings */

struct check_query {
	const char *sql;   /* each row: one finding, its columns joined */
	const char *fmt;   /* N_() message with as many %s as columns */
};

/* SQLite's own verdict on the file. */
static const struct check_query sqlite_checks[] = {
	{ "SELECT integrity_check FROM pragma_integrity_check WHERE integrity_check <> 'ok'",
	  N_("intégrité : %s") },
	{ "SELECT \"table\", rowid, parent FROM pragma_foreign_key_check",
	  N_("clé étrangère rompue : %s #%s → %s") },
};

/* Domain rules that the schema cannot hold because they depend on other
 * rows that may change afterwards (a mandate's dates edited, say). */
static const struct check_query domain_checks[] = {
	{ "SELECT e.id, e.work_date, m.code, m.opened_on, coalesce(m.closed_on, '…') FROM entries e "
	  "JOIN mandates m ON m.id = e.mandate_id "
	  "WHERE e.work_date < m.opened_on OR (m.closed_on IS NOT NULL AND e.work_date > m.closed_on) "
	  "ORDER BY e.id",
	  N_("saisie #%s du %s hors des dates du mandat %s (%s au %s)") },
	{ "SELECT x.login, e.work_date, sum(e.minutes) FROM entries e JOIN experts x ON x.id = e.expert_id "
	  "GROUP BY e.expert_id, e.work_date HAVING sum(e.minutes) > 1440 ORDER BY x.login, e.work_date",
	  N_("%s a plus de 24 h le %s (%s minutes)") },
	{ "SELECT e.id, e.work_date, x.login, coalesce(x.started_on, ''), coalesce(x.left_on, '') FROM entries e "
	  "JOIN experts x ON x.id = e.expert_id "
	  "WHERE (x.started_on IS NOT NULL AND e.work_date < x.started_on) "
	  "OR (x.left_on IS NOT NULL AND e.work_date > x.left_on) ORDER BY e.id",
	  N_("saisie #%s du %s de %s hors de sa période d'emploi (%s au %s)") },
};

/* The monthly sums of sql/014 against the entries they are derived from:
 * a difference means a trigger was dropped or a sum written by hand. */
static const struct check_query aggregate_checks[] = {
	{ "SELECT coalesce(m.code, '#' || d.mandate_id), d.month, d.kept, d.actual FROM ("
	  "  SELECT month, mandate_id, sum(kept) AS kept, sum(actual) AS actual FROM ("
	  "    SELECT month, mandate_id, minutes AS kept, 0 AS actual FROM time_mandate_month "
	  "    UNION ALL SELECT substr(work_date, 1, 7), mandate_id, 0, minutes FROM entries) "
	  "  GROUP BY month, mandate_id HAVING sum(kept) <> sum(actual)) d "
	  "LEFT JOIN mandates m ON m.id = d.mandate_id ORDER BY d.month, m.code",
	  N_("sommes mensuelles : mandat %s, %s : %s minutes enregistrées, %s selon les saisies") },
	{ "SELECT coalesce(x.login, '#' || d.expert_id), d.month, d.kb || '/' || d.ki, d.ab || '/' || d.ai FROM ("
	  "  SELECT month, expert_id, sum(kb) AS kb, sum(ki) AS ki, sum(ab) AS ab, sum(ai) AS ai FROM ("
	  "    SELECT month, expert_id, billable AS kb, internal AS ki, 0 AS ab, 0 AS ai FROM time_expert_month "
	  "    UNION ALL SELECT substr(e.work_date, 1, 7), e.expert_id, 0, 0, "
	  "      CASE WHEN m.billing IN " SQL_BILLABLE " THEN e.minutes ELSE 0 END, "
	  "      CASE WHEN m.billing IN " SQL_BILLABLE " THEN 0 ELSE e.minutes END "
	  "    FROM entries e JOIN mandates m ON m.id = e.mandate_id) "
	  "  GROUP BY month, expert_id HAVING sum(kb) <> sum(ab) OR sum(ki) <> sum(ai)) d "
	  "LEFT JOIN experts x ON x.id = d.expert_id ORDER BY d.month, x.login",
	  N_("sommes mensuelles : %s, %s : %s minutes facturables/internes enregistrées, %s selon les saisies") },
};

/* The monthly sums exist from the migration that makes them: a file of an
 * older schema (a backup being restored) has none to compare.  Found by
 * its name without the number, which follows the order of the files. */
static bool has_monthly_sums(struct store *s)
{
	static const char suffix[] = "_aggregates.sql";
	for (int i = 0; i < store_migrations_count; i++) {
		size_t n = strlen(store_migrations[i].name);
		if (n >= sizeof suffix - 1 && strcmp(store_migrations[i].name + n - (sizeof suffix - 1), suffix) == 0)
			return store_schema_version(s) > i;
	}
	return false;
}

static juste_status check_rows(struct checker *k, const struct check_query *q, struct juste_err *e)
{
	sqlite3_stmt *st;
	juste_status r = prepare(k, q->sql, N_("règles du domaine"), &st, e);
	if (r || !st)
		return r;
	const char *tfmt = tr(q->fmt);
	int rc;
	while (!k->stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *c[5] = { "", "", "", "", "" };
		int n = sqlite3_column_count(st);
		for (int i = 0; i < n && i < 5; i++)
			c[i] = col_text(st, i);
		char line[1024];
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
		snprintf(line, sizeof line, tfmt, c[0], c[1], c[2], c[3], c[4]);
#pragma GCC diagnostic pop
		k->count++;
		if (k->cb(k->ctx, line))
			k->stop = 1;
	}
	if (k->stop)
		rc = SQLITE_DONE;
	return finish(k, st, rc, "check", e);
}

/* ---------------------------------------------------------------- schema */

/* Rows of sqlite_schema that SQLite keeps for itself: the AUTOINCREMENT
 * counters, ANALYZE's statistics, and the indexes behind UNIQUE and
 * PRIMARY KEY constraints (no SQL of their own: their table's text, which
 * is compared, says what they are). */
#define SCHEMA_OWN(t) \
	"((" t ".type = 'table' AND (" t ".name = 'sqlite_sequence' OR " t ".name LIKE 'sqlite\\_stat%' ESCAPE '\\'))" \
	" OR (" t ".type = 'index' AND " t ".sql IS NULL AND " t ".name LIKE 'sqlite\\_autoindex\\_%' ESCAPE '\\'))"

static const struct {
	const char *type;
	const char *missing, *unknown, *changed;
} schema_msgs[] = {
	{ "table", N_("schéma : table « %s » absente"), N_("schéma : table « %s » inconnue de juste"),
	  N_("schéma : table « %s » modifiée (colonnes ou contraintes différentes de celles de juste)") },
	{ "index", N_("schéma : index « %s » absent"), N_("schéma : index « %s » inconnu de juste"),
	  N_("schéma : index « %s » modifié") },
	{ "trigger", N_("schéma : déclencheur « %s » absent"), N_("schéma : déclencheur « %s » inconnu de juste"),
	  N_("schéma : déclencheur « %s » modifié") },
	{ "view", N_("schéma : vue « %s » absente"), N_("schéma : vue « %s » inconnue de juste"),
	  N_("schéma : vue « %s » modifiée") },
	/* anything else written into sqlite_schema by hand */
	{ NULL, N_("schéma : objet « %s » absent"), N_("schéma : objet « %s » inconnu de juste"),
	  N_("schéma : objet « %s » modifié") },
};

/* The reference connection's calls the migrations' triggers make.  They
 * are not called while the schema is created; they are there so that a
 * later migration that writes a row still builds the reference. */
static void ref_actor(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	(void)argv;
	sqlite3_result_text(ctx, "juste", -1, SQLITE_STATIC);
}

static void ref_null(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	(void)argv;
	sqlite3_result_null(ctx);
}

static void ref_zero(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	(void)argv;
	sqlite3_result_int(ctx, 0);
}

static juste_status ref_fail(sqlite3 *ref, const char *what, struct juste_err *e)
{
	return err_set(e, JUSTE_EIO, N_("schéma de référence (%s) : %s"), what,
		ref ? sqlite3_errmsg(ref) : tr(N_("mémoire insuffisante")));
}

/* A private in-memory database with the first `version` migrations
 * applied as store_open applies them, plus temp.live to receive the file's
 * schema. */
static juste_status schema_reference(int version, sqlite3 **out, struct juste_err *e)
{
	sqlite3 *ref = NULL;
	*out = NULL;
	if (sqlite3_open_v2(":memory:", &ref, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
		NULL) != SQLITE_OK) {
		juste_status r = ref_fail(ref, ":memory:", e);
		sqlite3_close(ref);
		return r;
	}
	sqlite3_create_function(ref, "juste_actor", 0, SQLITE_UTF8, NULL, ref_actor, NULL, NULL);
	sqlite3_create_function(ref, "juste_as", 0, SQLITE_UTF8, NULL, ref_null, NULL, NULL);
	sqlite3_create_function(ref, "juste_bulk", 0, SQLITE_UTF8, NULL, ref_zero, NULL, NULL);
	const char *what = "PRAGMA";
	int rc = sqlite3_exec(ref, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
	for (int i = 0; rc == SQLITE_OK && i < version && i < store_migrations_count; i++) {
		what = store_migrations[i].name;
		rc = sqlite3_exec(ref, store_migrations[i].sql, NULL, NULL, NULL);
	}
	if (rc == SQLITE_OK) {
		what = "temp.live";
		rc = sqlite3_exec(ref, "CREATE TEMP TABLE live(type TEXT, name TEXT, tbl_name TEXT, sql TEXT)",
			NULL, NULL, NULL);
	}
	if (rc != SQLITE_OK) {
		juste_status r = ref_fail(ref, what, e);
		sqlite3_close(ref);
		return r;
	}
	*out = ref;
	return JUSTE_OK;
}

static void bind_column(sqlite3_stmt *to, int i, sqlite3_stmt *from, int j)
{
	if (sqlite3_column_type(from, j) == SQLITE_NULL)
		sqlite3_bind_null(to, i);
	else
		sqlite3_bind_text(to, i, (const char *)sqlite3_column_text(from, j), -1, SQLITE_TRANSIENT);
}

/* Copies the file's sqlite_schema into the reference's temp.live. */
static juste_status schema_copy_live(struct checker *k, sqlite3 *ref, struct juste_err *e)
{
	sqlite3_stmt *from, *to;
	juste_status r = prepare(k, "SELECT type, name, tbl_name, sql FROM main.sqlite_schema", "sqlite_schema",
		&from, e);
	if (r || !from)
		return r;
	if (sqlite3_prepare_v2(ref, "INSERT INTO temp.live VALUES (?1, ?2, ?3, ?4)", -1, &to, NULL) != SQLITE_OK) {
		sqlite3_finalize(from);
		return ref_fail(ref, "temp.live", e);
	}
	int rc;
	while (!r && (rc = sqlite3_step(from)) == SQLITE_ROW) {
		for (int i = 0; i < 4; i++)
			bind_column(to, i + 1, from, i);
		if (sqlite3_step(to) != SQLITE_DONE)
			r = ref_fail(ref, "temp.live", e);
		sqlite3_reset(to);
	}
	sqlite3_finalize(to);
	if (r) {
		sqlite3_finalize(from);
		return r;
	}
	return finish(k, from, rc, "sqlite_schema", e);
}

/* Every object the migrations make, against the file's: missing (0),
 * unknown to juste (1), or different (2) -- a dropped CHECK shows as its
 * table's text changed, a trigger rewritten as the trigger's. */
static juste_status check_schema(struct checker *k, struct juste_err *e)
{
	sqlite3 *ref;
	juste_status r = schema_reference(store_schema_version(k->s), &ref, e);
	if (r)
		return r;
	r = schema_copy_live(k, ref, e);
	sqlite3_stmt *st = NULL;
	if (!r && sqlite3_prepare_v2(ref,
		"SELECT 0, r.type, r.name FROM main.sqlite_schema r WHERE NOT " SCHEMA_OWN("r")
		"  AND NOT EXISTS (SELECT 1 FROM temp.live l WHERE l.type = r.type AND l.name = r.name) "
		"UNION ALL "
		"SELECT 1, l.type, l.name FROM temp.live l WHERE NOT " SCHEMA_OWN("l")
		"  AND NOT EXISTS (SELECT 1 FROM main.sqlite_schema r WHERE r.type = l.type AND r.name = l.name) "
		"UNION ALL "
		"SELECT 2, r.type, r.name FROM main.sqlite_schema r "
		"  JOIN temp.live l ON l.type = r.type AND l.name = r.name "
		"  WHERE NOT " SCHEMA_OWN("r") " AND (l.tbl_name IS NOT r.tbl_name OR l.sql IS NOT r.sql) "
		"ORDER BY 1, 3, 2", -1, &st, NULL) != SQLITE_OK)
		r = ref_fail(ref, "sqlite_schema", e);
	int rc = SQLITE_DONE;
	while (!r && !k->stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		int what = sqlite3_column_int(st, 0);
		const char *type = col_text(st, 1), *name = col_text(st, 2);
		size_t i = 0;
		while (schema_msgs[i].type && strcmp(schema_msgs[i].type, type) != 0)
			i++;
		const char *fmt = what == 0 ? schema_msgs[i].missing : what == 1 ? schema_msgs[i].unknown
			: schema_msgs[i].changed;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
		found(k, fmt, name);
#pragma GCC diagnostic pop
	}
	if (!r && rc != SQLITE_ROW && rc != SQLITE_DONE)
		r = ref_fail(ref, "sqlite_schema", e);
	sqlite3_finalize(st);
	sqlite3_close(ref);
	return r;
}

/* ------------------------------------------------------------- numbering */

/* A word the schema let through but juste does not know is shown as it is. */
static const char *kind_plural(const char *word)
{
	enum invoice_kind kind;
	if (vocab_invoice_kind_parse(word, &kind, NULL))
		return word;
	return vocab_invoice_kind_credit(kind) ? tr(N_("notes de crédit")) : tr(N_("factures"));
}

static const char *kind_word(const char *word)
{
	enum invoice_kind kind;
	return vocab_invoice_kind_parse(word, &kind, NULL) ? word : vocab_invoice_kind_label(kind);
}

/* Numbers follow each other from 1 in each (kind, year) sequence, each
 * given once, and the counter the next issue reads is at the top. */
static juste_status check_numbering(struct checker *k, struct juste_err *e)
{
	static const char *const sql[] = {
		/* holes: the numbers between one issued and the next */
		"SELECT kind, seq_year, prev + 1, seq - 1 FROM ("
		"  SELECT kind, seq_year, seq, lag(seq, 1, 0) OVER (PARTITION BY kind, seq_year ORDER BY seq) AS prev"
		"  FROM invoices WHERE status IN " SQL_ISSUED " AND seq IS NOT NULL) "
		"WHERE seq > prev + 1 ORDER BY kind, seq_year, seq",
		/* a number given twice */
		"SELECT kind, seq_year, seq, count(*) FROM invoices WHERE status IN " SQL_ISSUED " AND seq IS NOT NULL "
		"GROUP BY kind, seq_year, seq HAVING count(*) > 1 ORDER BY kind, seq_year, seq",
		/* the counter against the top number issued */
		"WITH used AS (SELECT kind, seq_year AS year, max(seq) AS top FROM invoices "
		"    WHERE status IN " SQL_ISSUED " AND seq IS NOT NULL GROUP BY kind, seq_year), "
		"  k AS (SELECT kind, year FROM used UNION SELECT kind, year FROM invoice_sequences) "
		"SELECT k.kind, k.year, coalesce(q.last, 0), coalesce(u.top, 0) FROM k "
		"  LEFT JOIN used u ON u.kind = k.kind AND u.year = k.year "
		"  LEFT JOIN invoice_sequences q ON q.kind = k.kind AND q.year = k.year "
		"WHERE coalesce(q.last, 0) <> coalesce(u.top, 0) ORDER BY k.kind, k.year",
	};
	juste_status r = JUSTE_OK;
	for (size_t q = 0; !r && !k->stop && q < sizeof sql / sizeof sql[0]; q++) {
		sqlite3_stmt *st;
		r = prepare(k, sql[q], N_("numérotation"), &st, e);
		if (r || !st)
			continue;
		int rc;
		while (!k->stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
			const char *kind = kind_plural(col_text(st, 0));
			int year = sqlite3_column_int(st, 1);
			long long a = sqlite3_column_int64(st, 2), b = sqlite3_column_int64(st, 3);
			if (q == 0 && a == b)
				found(k, N_("numérotation : %s %d : numéro %lld manquant"), kind, year, a);
			else if (q == 0)
				found(k, N_("numérotation : %s %d : numéros %lld à %lld manquants"), kind, year, a, b);
			else if (q == 1)
				found(k, N_("numérotation : %s %d : numéro %lld donné %lld fois"), kind, year, a, b);
			else
				found(k, N_("numérotation : %s %d : compteur à %lld, mais dernier numéro émis %lld"),
					kind, year, a, b);
		}
		if (k->stop)
			rc = SQLITE_DONE;
		r = finish(k, st, rc, "invoices", e);
	}
	return r;
}

/* --------------------------------------------------------------- amounts */

static void tax_finding(struct checker *k, const char *tax, const char *kind, const char *number,
	int64_t stored, int64_t expected, int32_t rate, int64_t subtotal, int exempt)
{
	char a[MONEY_BUF], b[MONEY_BUF], r[MONEY_BUF], s[MONEY_BUF];
	money_format_fr(stored, a, sizeof a);
	if (exempt)
		found(k, N_("montants : %s %s : %s %s, attendu %s (client exonéré)"), kind, number, tax, a,
			money_format_fr(0, b, sizeof b));
	else
		found(k, N_("montants : %s %s : %s %s, attendu %s (%s de %s)"), kind, number, tax, a,
			money_format_fr(expected, b, sizeof b), money_rate_format_fr(rate, r, sizeof r),
			money_format_fr(subtotal, s, sizeof s));
}

/* Each issued document's subtotal is the sum of its lines and its total
 * the sum of subtotal and taxes; an invoice's taxes are those of its own
 * copied rates (credit notes: see invoice_verify). */
static juste_status check_totals(struct checker *k, struct juste_err *e)
{
	sqlite3_stmt *st;
	juste_status r = prepare(k,
		"SELECT i.kind, i.number, i.subtotal_cents, i.tps_cents, i.tvq_cents, i.total_cents, "
		"  i.tps_rate, i.tvq_rate, i.tax_exempt_reason <> '', "
		"  (SELECT coalesce(sum(l.amount_cents), 0) FROM invoice_lines l WHERE l.invoice_id = i.id) "
		"FROM invoices i WHERE i.status IN " SQL_ISSUED " ORDER BY i.id", N_("montants"), &st, e);
	if (r || !st)
		return r;
	int rc;
	while (!k->stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *kind = col_text(st, 0);
		enum invoice_kind parsed;
		/* an unknown kind is checked as a credit note, as ever */
		int credit = vocab_invoice_kind_parse(kind, &parsed, NULL) || vocab_invoice_kind_credit(parsed);
		char number[INVOICE_NUMBER_LEN];
		store_col_text(st, 1, number, sizeof number);
		struct invoice_amounts stored = {
			.subtotal_cents = sqlite3_column_int64(st, 2), .tps_cents = sqlite3_column_int64(st, 3),
			.tvq_cents = sqlite3_column_int64(st, 4), .total_cents = sqlite3_column_int64(st, 5),
		};
		int32_t tps_rate = sqlite3_column_int(st, 6), tvq_rate = sqlite3_column_int(st, 7);
		int exempt = sqlite3_column_int(st, 8);
		struct invoice_amounts want;
		unsigned bad = invoice_verify(credit ? INVOICE_KIND_CREDIT : INVOICE_KIND_INVOICE, &stored,
			sqlite3_column_int64(st, 9), tps_rate, tvq_rate, exempt, &want);
		const char *word = kind_word(kind);
		char a[MONEY_BUF], b[MONEY_BUF];
		if (bad & INVOICE_BAD_LINES)
			found(k, N_("montants : %s %s : sous-total %s, mais ses lignes font %s"), word, number,
				money_format_fr(stored.subtotal_cents, a, sizeof a),
				money_format_fr(want.subtotal_cents, b, sizeof b));
		if (bad & INVOICE_BAD_TPS)
			tax_finding(k, tr(N_("TPS")), word, number, stored.tps_cents, want.tps_cents, tps_rate,
				stored.subtotal_cents, exempt);
		if (bad & INVOICE_BAD_TVQ)
			tax_finding(k, tr(N_("TVQ")), word, number, stored.tvq_cents, want.tvq_cents, tvq_rate,
				stored.subtotal_cents, exempt);
		if (bad & INVOICE_BAD_TOTAL)
			found(k, N_("montants : %s %s : total %s, attendu %s (sous-total plus taxes)"), word, number,
				money_format_fr(stored.total_cents, a, sizeof a),
				money_format_fr(want.total_cents, b, sizeof b));
	}
	if (k->stop)
		rc = SQLITE_DONE;
	return finish(k, st, rc, "invoices", e);
}

/* Each hourly line of an issued document is its billed minutes at its
 * rate, rounded as the core rounds it. */
static juste_status check_hour_lines(struct checker *k, struct juste_err *e)
{
	sqlite3_stmt *st;
	juste_status r = prepare(k,
		"SELECT i.kind, i.number, l.pos, l.billed_minutes, coalesce(l.rate_cents, 0), l.amount_cents "
		"FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id "
		"WHERE i.status IN " SQL_ISSUED " AND l.kind IN " SQL_LINE_HOURS " ORDER BY i.id, l.pos", N_("montants"), &st, e);
	if (r || !st)
		return r;
	int rc;
	while (!k->stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t minutes = sqlite3_column_int64(st, 3), rate = sqlite3_column_int64(st, 4);
		int64_t amount = sqlite3_column_int64(st, 5), want = money_line_amount(minutes, rate);
		if (amount == want)
			continue;
		char a[MONEY_BUF], b[MONEY_BUF], c[MONEY_BUF];
		found(k, N_("montants : %s %s, ligne %d : %s, attendu %s (%lld min à %s l'heure)"),
			kind_word(col_text(st, 0)), col_text(st, 1), sqlite3_column_int(st, 2),
			money_format_fr(amount, a, sizeof a), money_format_fr(want, b, sizeof b),
			(long long)minutes, money_format_fr(rate, c, sizeof c));
	}
	if (k->stop)
		rc = SQLITE_DONE;
	return finish(k, st, rc, "invoice_lines", e);
}

/* --------------------------------------------------------------- credits */

static const struct {
	unsigned over, left;
	const char *over_fmt, *left_fmt;
} credit_msgs[] = {
	{ INVOICE_OVER_SUBTOTAL, INVOICE_LEFT_SUBTOTAL,
	  N_("crédits : facture %s : %s de sous-total crédités, plus que les %s facturés"),
	  N_("crédits : facture %s entièrement créditée, mais il reste %s de sous-total") },
	{ INVOICE_OVER_TPS, INVOICE_LEFT_TPS,
	  N_("crédits : facture %s : %s de TPS crédités, plus que les %s facturés"),
	  N_("crédits : facture %s entièrement créditée, mais il reste %s de TPS") },
	{ INVOICE_OVER_TVQ, INVOICE_LEFT_TVQ,
	  N_("crédits : facture %s : %s de TVQ crédités, plus que les %s facturés"),
	  N_("crédits : facture %s entièrement créditée, mais il reste %s de TVQ") },
};

/* The issued credit notes of an invoice reverse at most what it charged,
 * subtotal, TPS and TVQ each; a full credit brings each to zero. */
static juste_status check_credits(struct checker *k, struct juste_err *e)
{
	sqlite3_stmt *st;
	juste_status r = prepare(k,
		"SELECT i.number, i.subtotal_cents, i.tps_cents, i.tvq_cents, "
		"  sum(c.subtotal_cents), sum(c.tps_cents), sum(c.tvq_cents), max(c.credit_full) "
		"FROM invoices i JOIN invoices c ON c.credited_id = i.id AND c.status IN " SQL_ISSUED " "
		"GROUP BY i.id ORDER BY i.id", N_("crédits"), &st, e);
	if (r || !st)
		return r;
	int rc;
	while (!k->stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t charged[3], credited[3];
		for (int i = 0; i < 3; i++) {
			charged[i] = sqlite3_column_int64(st, 1 + i);
			credited[i] = sqlite3_column_int64(st, 4 + i);
		}
		struct invoice_amounts inv = { charged[0], charged[1], charged[2], 0 };
		struct invoice_amounts cr = { credited[0], credited[1], credited[2], 0 };
		unsigned bad = invoice_verify_credits(&inv, &cr, sqlite3_column_int(st, 7));
		const char *number = col_text(st, 0);
		for (size_t i = 0; i < sizeof credit_msgs / sizeof credit_msgs[0]; i++) {
			char a[MONEY_BUF], b[MONEY_BUF];
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
			if (bad & credit_msgs[i].over)
				found(k, credit_msgs[i].over_fmt, number, money_format_fr(-credited[i], a, sizeof a),
					money_format_fr(charged[i], b, sizeof b));
			if (bad & credit_msgs[i].left)
				found(k, credit_msgs[i].left_fmt, number,
					money_format_fr(charged[i] + credited[i], a, sizeof a));
#pragma GCC diagnostic pop
		}
	}
	if (k->stop)
		rc = SQLITE_DONE;
	return finish(k, st, rc, "invoices", e);
}

/* -------------------------------------------------------------- journals */

/* The append-only journals: rows are only ever added, by triggers, so
 * their ids run from 1 without a hole (a rolled-back transaction gives its
 * ids back; AUTOINCREMENT never reuses one).  A later journal table goes
 * here. */
static const char *const journals[] = { "audit", "report_audit", "month_log" };

static void journal_hole(struct checker *k, const char *table, long long from, long long to)
{
	if (from == to)
		found(k, N_("journal %s : id %lld manquant"), table, from);
	else
		found(k, N_("journal %s : ids %lld à %lld manquants"), table, from, to);
}

static juste_status check_journal(struct checker *k, const char *table, int has_sequence, struct juste_err *e)
{
	char sql[512];
	/* the table name is one of journals[], never input */
	snprintf(sql, sizeof sql,
		"SELECT prev + 1, id - 1 FROM (SELECT id, lag(id, 1, 0) OVER (ORDER BY id) AS prev FROM \"%s\") "
		"WHERE id > prev + 1 ORDER BY id", table);
	sqlite3_stmt *st;
	juste_status r = prepare(k, sql, N_("journaux"), &st, e);
	if (r || !st)
		return r;
	int rc;
	while (!k->stop && (rc = sqlite3_step(st)) == SQLITE_ROW)
		journal_hole(k, table, sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1));
	if (k->stop)
		rc = SQLITE_DONE;
	r = finish(k, st, rc, table, e);
	if (r || k->stop || !has_sequence)
		return r;
	/* An AUTOINCREMENT table also remembers its highest id ever: rows
	 * cut from the end leave a hole there. */
	snprintf(sql, sizeof sql, "SELECT (SELECT coalesce(max(id), 0) FROM \"%s\") + 1, seq "
		"FROM sqlite_sequence WHERE name = ?1", table);
	r = prepare(k, sql, N_("journaux"), &st, e);
	if (r || !st)
		return r;
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (sqlite3_column_int64(st, 0) <= sqlite3_column_int64(st, 1))
			journal_hole(k, table, sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1));
	return finish(k, st, rc, table, e);
}

static juste_status check_journals(struct checker *k, struct juste_err *e)
{
	sqlite3_stmt *st;
	juste_status r = prepare(k, "SELECT count(*) FROM main.sqlite_schema WHERE type = 'table' "
		"AND name = 'sqlite_sequence'", "sqlite_schema", &st, e);
	if (r || !st)
		return r;
	int rc = sqlite3_step(st);
	int has_sequence = rc == SQLITE_ROW && sqlite3_column_int(st, 0) > 0;
	r = finish(k, st, rc, "sqlite_schema", e);
	for (size_t i = 0; !r && !k->stop && i < sizeof journals / sizeof journals[0]; i++)
		r = check_journal(k, journals[i], has_sequence, e);
	return r;
}

/* ------------------------------------------------------------------ all */

juste_status store_check(struct store *s, store_finding_cb cb, void *ctx, int *count, struct juste_err *e)
{
	struct checker k = { .s = s, .cb = cb, .ctx = ctx };
	juste_status r = JUSTE_OK;
	for (size_t i = 0; !r && !k.stop && i < sizeof sqlite_checks / sizeof sqlite_checks[0]; i++)
		r = check_rows(&k, &sqlite_checks[i], e);
	if (!r && !k.stop)
		r = check_schema(&k, e);
	if (!r && !k.stop)
		r = check_numbering(&k, e);
	if (!r && !k.stop)
		r = check_totals(&k, e);
	if (!r && !k.stop)
		r = check_hour_lines(&k, e);
	if (!r && !k.stop)
		r = check_credits(&k, e);
	if (!r && !k.stop)
		r = check_journals(&k, e);
	for (size_t i = 0; !r && !k.stop && i < sizeof domain_checks / sizeof domain_checks[0]; i++)
		r = check_rows(&k, &domain_checks[i], e);
	for (size_t i = 0; !r && !k.stop && has_monthly_sums(s) && i < sizeof aggregate_checks / sizeof aggregate_checks[0]; i++)
		r = check_rows(&k, &aggregate_checks[i], e);
	*count = k.count;
	return r;
}
