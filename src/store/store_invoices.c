/*
 * store_invoices.c - invoices, credit notes, lines, entry links, number
 * sequences and billing increments.
 *
 * "Standing" invoices (issued, kind invoice, not reversed by a full credit
 * note) are what makes an entry billed; the view invoices_standing of
 * sql/004 says so once for the triggers and for these queries.
 */
#include <stdlib.h>
#include <string.h>

#include "juste/store_invoices.h"
#include "store/store_internal.h"

enum {
	ST_INV_BILLABLE_MANDATES = ST_INVOICE_BASE,
	ST_INV_UNBILLED_ROW,
	ST_INV_FORFAITS,
	ST_INV_OF_ENTRY,
	ST_INV_DELETE_DRAFTS,
	ST_INV_INSERT,
	ST_INV_LINE_INSERT,
	ST_INV_ENTRY_INSERT,
	ST_INV_NEXT_SEQ,
	ST_INV_ISSUE,
	ST_INV_REPRINT,
	ST_INV_INC_MANDATE,
	ST_INV_INC_ORG,
	ST_INV_GET,
	ST_INV_GET_ID,
	ST_INV_LINES,
	ST_INV_ENTRIES,
	ST_INV_CREDITED,
	ST_INV_HAS_TIMERS,
	ST_INV_UNBILLED_MAX,
	ST_INV_UNBILLED_BILLED,
	ST_INV_UNBILLED_IDS,
	ST_INV_MONTH_STATS,
	ST_INV_LAST_ISSUED,
	ST_INV_BILLED_PRICES,
	ST_INV_LAST = ST_INVOICE_BASE + 59
};

/* Which entries are unbilled is decided without an anti-join per entry,
 * because after a few years nearly every entry up to the month is billed:
 * a bitmap of the entries on standing invoices, read once per run along
 * the links' primary key; then, mandate by mandate, the ids from the
 * covering index entries_mandate_date (already in the order of the
 * invoice: date, then id) minus the bitmap; the details of the few that
 * are left are read one row each.  Nothing is sorted and nothing grows
 * with the number of entries: a catch-up of a million unbilled entries
 * streams through the caller's callback. */

juste_status store_invoice_billed_load(struct store *s, struct store_billed *b, struct juste_err *e)
{
	memset(b, 0, sizeof *b);
	sqlite3_stmt *st = store_stmt(s, ST_INV_UNBILLED_MAX, "SELECT coalesce(max(id), 0) FROM entries", e);
	if (!st)
		return JUSTE_EIO;
	int rc = sqlite3_step(st);
	int64_t max = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return store_fail(s, rc, "entries", e);
	b->bits = calloc((size_t)(max / 8 + 1), 1);
	if (!b->bits)
		return err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	b->max = max;
	st = store_stmt(s, ST_INV_UNBILLED_BILLED,
		"SELECT l.entry_id FROM invoices_standing i JOIN invoice_entries l ON l.invoice_id = i.id", e);
	if (!st) {
		store_invoice_billed_free(b);
		return JUSTE_EIO;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		if (id > 0 && id <= max)
			b->bits[id / 8] |= (unsigned char)(1u << (id % 8));
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		store_invoice_billed_free(b);
		return store_fail(s, rc, "invoice_entries", e);
	}
	return JUSTE_OK;
}

void store_invoice_billed_free(struct store_billed *b)
{
	free(b->bits);
	b->bits = NULL;
	b->max = 0;
}

/* An entry made after the bitmap was read is on no invoice yet. */
static int billed_has(const struct store_billed *b, int64_t id)
{
	return id > 0 && id <= b->max && (b->bits[id / 8] & (1u << (id % 8)));
}

juste_status store_invoice_billable_mandates(struct store *s, const char *client_code,
	store_billable_cb cb, void *ctx, struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, ST_INV_BILLABLE_MANDATES,
		"SELECT m.id, m.code, m.title, m.billing, m.service_id, coalesce(m.billing_increment_minutes, 0), "
		"c.id, c.code, c.category, coalesce(c.billing_increment_minutes, 0) "
		"FROM mandates m JOIN orgs c ON c.id = m.client_id "
		"WHERE m.billing IN " SQL_BILLABLE " AND (?1 IS NULL OR c.code = ?1) "
		"ORDER BY c.code, m.code", e);
	if (!st)
		return JUSTE_EIO;
	store_bind_text(st, 1, client_code);
	struct billable_mandate m;
	int rc;
	juste_status r = JUSTE_OK;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int billing, category;
		memset(&m, 0, sizeof m);
		m.mandate_id = sqlite3_column_int64(st, 0);
		store_col_text(st, 1, m.mandate_code, sizeof m.mandate_code);
		store_col_text(st, 2, m.mandate_title, sizeof m.mandate_title);
		m.service_id = sqlite3_column_int64(st, 4);
		m.mandate_increment = sqlite3_column_int(st, 5);
		m.client_id = sqlite3_column_int64(st, 6);
		store_col_text(st, 7, m.client_code, sizeof m.client_code);
		m.client_increment = sqlite3_column_int(st, 9);
		char what[2 * CODE_LEN + 32];
		snprintf(what, sizeof what, "mandat '%s'", m.mandate_code);
		if ((r = store_col_word(st, 3, VOCAB_BILLING, &billing, what, e)) != JUSTE_OK)
			break;
		snprintf(what, sizeof what, "organisation '%s'", m.client_code);
		if ((r = store_col_word(st, 8, VOCAB_CATEGORY, &category, what, e)) != JUSTE_OK)
			break;
		m.billing = (enum billing_mode)billing;
		m.client_category = (enum org_category)category;
		if (cb(ctx, &m))
			break;
	}
	if (!r)
		r = (rc == SQLITE_ROW || rc == SQLITE_DONE) ? JUSTE_OK : store_fail(s, rc, "mandates", e);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return r;
}

juste_status store_invoice_unbilled(struct store *s, const struct store_billed *billed, int64_t mandate_id,
	const char *from, const char *to, store_unbilled_cb cb, void *ctx, struct juste_err *e)
{
	sqlite3_stmt *ids = store_stmt(s, ST_INV_UNBILLED_IDS,
		"SELECT id FROM entries WHERE mandate_id = ?1 AND work_date BETWEEN ?3 AND ?2 ORDER BY work_date, id", e);
	if (!ids)
		return JUSTE_EIO;
	sqlite3_bind_int64(ids, 1, mandate_id);
	sqlite3_bind_text(ids, 2, to, -1, SQLITE_STATIC);
	sqlite3_bind_text(ids, 3, from ? from : "", -1, SQLITE_STATIC);
	struct unbilled_entry u;
	juste_status r = JUSTE_OK;
	int rc;
	while (!r && (rc = sqlite3_step(ids)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(ids, 0);
		if (billed_has(billed, id))
			continue;
		sqlite3_stmt *row = store_stmt(s, ST_INV_UNBILLED_ROW,
			"SELECT e.work_date, e.minutes, e.note, e.expert_id, x.login, x.name "
			"FROM entries e JOIN experts x ON x.id = e.expert_id WHERE e.id = ?1", e);
		if (!row) {
			r = JUSTE_EIO;
			break;
		}
		sqlite3_bind_int64(row, 1, id);
		int rr = sqlite3_step(row);
		if (rr != SQLITE_ROW) {
			r = store_fail(s, rr == SQLITE_DONE ? SQLITE_CORRUPT : rr, "entries", e);
			sqlite3_reset(row);
			break;
		}
		memset(&u, 0, sizeof u);
		u.entry_id = id;
		u.mandate_id = mandate_id;
		store_col_text(row, 0, u.work_date, sizeof u.work_date);
		u.minutes = sqlite3_column_int(row, 1);
		store_col_text(row, 2, u.note, sizeof u.note);
		u.expert_id = sqlite3_column_int64(row, 3);
		store_col_text(row, 4, u.expert_login, sizeof u.expert_login);
		store_col_text(row, 5, u.expert_name, sizeof u.expert_name);
		sqlite3_reset(row);
		if (cb(ctx, &u)) {
			rc = SQLITE_DONE;
			break;
		}
	}
	if (!r && rc != SQLITE_ROW && rc != SQLITE_DONE)
		r = store_fail(s, rc, "entries", e);
	sqlite3_reset(ids);
	sqlite3_clear_bindings(ids);
	return r;
}

juste_status store_invoice_forfaits_due(struct store *s, const char *period, const char *first,
	const char *last, const char *client_code, store_forfait_cb cb, void *ctx, struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, ST_INV_FORFAITS,
		"SELECT m.id, m.code, m.title, m.monthly_fee_cents, c.id, c.code "
		"FROM mandates m JOIN orgs c ON c.id = m.client_id "
		"WHERE m.billing IN " SQL_MONTHLY " AND m.opened_on <= ?3 AND (m.closed_on IS NULL OR m.closed_on >= ?2) "
		"AND (?4 IS NULL OR c.code = ?4) "
		"AND NOT EXISTS (SELECT 1 FROM invoice_lines l JOIN invoices_standing i ON i.id = l.invoice_id "
		"WHERE l.mandate_id = m.id AND l.kind IN " SQL_LINE_FORFAIT " AND i.period = ?1) "
		"ORDER BY c.code, m.code", e);
	if (!st)
		return JUSTE_EIO;
	sqlite3_bind_text(st, 1, period, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, first, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, last, -1, SQLITE_STATIC);
	store_bind_text(st, 4, client_code);
	struct forfait_due f;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&f, 0, sizeof f);
		f.mandate_id = sqlite3_column_int64(st, 0);
		store_col_text(st, 1, f.mandate_code, sizeof f.mandate_code);
		store_col_text(st, 2, f.mandate_title, sizeof f.mandate_title);
		f.fee_cents = sqlite3_column_int64(st, 3);
		f.client_id = sqlite3_column_int64(st, 4);
		store_col_text(st, 5, f.client_code, sizeof f.client_code);
		if (cb(ctx, &f))
			break;
	}
	juste_status r = (rc == SQLITE_ROW || rc == SQLITE_DONE) ? JUSTE_OK : store_fail(s, rc, "mandates", e);
	sqlite3_reset(st);
	return r;
}

juste_status store_invoice_running_timers(struct store *s, store_timer_cb cb, void *ctx, struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, ST_INV_HAS_TIMERS,
		"SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'timers'", e);
	if (!st)
		return JUSTE_EIO;
	int rc = sqlite3_step(st);
	int has = rc == SQLITE_ROW && sqlite3_column_int(st, 0) > 0;
	sqlite3_reset(st);
	if (!has)
		return JUSTE_OK;
	/* The table belongs to migration 003; a row there is a running timer.
	 * Prepared here (not cached) because its shape is not ours. */
	sqlite3_stmt *q;
	if (sqlite3_prepare_v2(s->db,
		"SELECT m.client_id, m.code, x.login FROM timers t JOIN mandates m ON m.id = t.mandate_id "
		"JOIN experts x ON x.id = t.expert_id ORDER BY m.code, x.login", -1, &q, NULL) != SQLITE_OK)
		return JUSTE_OK;   /* a timers table of another shape: nothing we can say */
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		const char *code = (const char *)sqlite3_column_text(q, 1);
		const char *login = (const char *)sqlite3_column_text(q, 2);
		if (cb(ctx, sqlite3_column_int64(q, 0), code ? code : "", login ? login : ""))
			break;
	}
	juste_status r = (rc == SQLITE_ROW || rc == SQLITE_DONE) ? JUSTE_OK : store_fail(s, rc, "timers", e);
	sqlite3_finalize(q);
	return r;
}

juste_status store_invoice_of_entry(struct store *s, int64_t entry_id, char number[INVOICE_NUMBER_LEN],
	struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, ST_INV_OF_ENTRY,
		"SELECT i.number FROM invoice_entries l JOIN invoices_standing i ON i.id = l.invoice_id "
		"WHERE l.entry_id = ?1 LIMIT 1", e);
	if (!st)
		return JUSTE_EIO;
	sqlite3_bind_int64(st, 1, entry_id);
	number[0] = '\0';
	int rc = sqlite3_step(st);
	juste_status r = JUSTE_OK;
	if (rc == SQLITE_ROW)
		store_col_text(st, 0, number, INVOICE_NUMBER_LEN);
	else if (rc != SQLITE_DONE)
		r = store_fail(s, rc, "invoice", e);
	sqlite3_reset(st);
	return r;
}

/* ---------------------------------------------------------------- writing */

juste_status store_invoice_delete_drafts(struct store *s, const char *period, const char *client_code,
	int *deleted, struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, ST_INV_DELETE_DRAFTS,
		"DELETE FROM invoices WHERE status IN " SQL_DRAFT " AND period = ?1 "
		"AND (?2 IS NULL OR client_id = (SELECT id FROM orgs WHERE code = ?2))", e);
	if (!st)
		return JUSTE_EIO;
	sqlite3_bind_text(st, 1, period, -1, SQLITE_STATIC);
	store_bind_text(st, 2, client_code);
	juste_status r = store_step_done(s, st, period, e);
	if (!r && deleted)
		*deleted = sqlite3_changes(s->db);
	return r;
}

juste_status store_invoice_insert(struct store *s, struct invoice_rec *r, struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, ST_INV_INSERT,
		"INSERT INTO invoices(uuid, kind, status, client_id, client_name, client_address, period, "
		"payment_terms, tps_rate, tvq_rate, subtotal_cents, tps_cents, tvq_cents, total_cents, "
		"tax_exempt_reason, credited_id, credit_reason, credit_full, warnings, blockers, tax_regime, place_of_supply) "
		"VALUES (?1, ?2, ?20, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?21, ?22)", e);
	if (!st)
		return JUSTE_EIO;
	if (!r->uuid[0])
		store_uuid(r->uuid);
	sqlite3_bind_text(st, 1, r->uuid, -1, SQLITE_STATIC);
	store_bind_word(st, 2, VOCAB_INVOICE_KIND, (int)r->kind);
	sqlite3_bind_int64(st, 3, r->client_id);
	sqlite3_bind_text(st, 4, r->client_name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, r->client_address, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, r->period, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, r->payment_terms, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 8, r->tps_rate);
	sqlite3_bind_int(st, 9, r->tvq_rate);
	sqlite3_bind_int64(st, 10, r->amounts.subtotal_cents);
	sqlite3_bind_int64(st, 11, r->amounts.tps_cents);
	sqlite3_bind_int64(st, 12, r->amounts.tvq_cents);
	sqlite3_bind_int64(st, 13, r->amounts.total_cents);
	sqlite3_bind_text(st, 14, r->tax_exempt_reason, -1, SQLITE_STATIC);
	store_bind_id(st, 15, r->credited_id);
	sqlite3_bind_text(st, 16, r->credit_reason, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 17, r->credit_full);
	sqlite3_bind_text(st, 18, r->warnings, -1, SQLITE_STATIC);
	char blockers[INVOICE_TEXT_LEN];
	invoice_blockers_format(r, blockers, sizeof blockers);
	sqlite3_bind_text(st, 19, blockers, -1, SQLITE_TRANSIENT);
	store_bind_word(st, 20, VOCAB_INVOICE_STATUS, INVOICE_STATUS_DRAFT);
	store_bind_word(st, 21, VOCAB_TAX_REGIME, (int)r->tax_regime);
	sqlite3_bind_text(st, 22, r->place_of_supply, -1, SQLITE_STATIC);
	char what[96];
	snprintf(what, sizeof what, "facture de %s (%s)", r->client_code, r->period);
	juste_status rc = store_step_done(s, st, what, e);
	if (!rc)
		r->id = sqlite3_last_insert_rowid(s->db);
	return rc;
}

juste_status store_invoice_line_insert(struct store *s, struct invoice_line_rec *l, struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, ST_INV_LINE_INSERT,
		"INSERT INTO invoice_lines(invoice_id, pos, kind, mandate_id, mandate_code, mandate_title, "
		"rate_cents, logged_minutes, billed_minutes, amount_cents, description, experts, first_date, last_date) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)", e);
	if (!st)
		return JUSTE_EIO;
	sqlite3_bind_int64(st, 1, l->invoice_id);
	sqlite3_bind_int(st, 2, l->pos);
	store_bind_word(st, 3, VOCAB_LINE_KIND, (int)l->kind);
	store_bind_id(st, 4, l->mandate_id);
	sqlite3_bind_text(st, 5, l->mandate_code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, l->mandate_title, -1, SQLITE_STATIC);
	store_bind_id(st, 7, l->rate_cents);
	sqlite3_bind_int64(st, 8, l->logged_minutes);
	sqlite3_bind_int64(st, 9, l->billed_minutes);
	sqlite3_bind_int64(st, 10, l->amount_cents);
	sqlite3_bind_text(st, 11, l->description, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 12, l->experts, -1, SQLITE_STATIC);
	store_bind_text(st, 13, l->first_date);
	store_bind_text(st, 14, l->last_date);
	char what[96];
	snprintf(what, sizeof what, "ligne %d (%s)", l->pos, l->mandate_code);
	juste_status r = store_step_done(s, st, what, e);
	if (!r)
		l->id = sqlite3_last_insert_rowid(s->db);
	return r;
}

juste_status store_invoice_entry_insert(struct store *s, const struct invoice_entry_rec *x, struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, ST_INV_ENTRY_INSERT,
		"INSERT INTO invoice_entries(invoice_id, line_id, entry_id, expert_id, work_date, note, "
		"logged_minutes, billed_minutes, late) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", e);
	if (!st)
		return JUSTE_EIO;
	sqlite3_bind_int64(st, 1, x->invoice_id);
	sqlite3_bind_int64(st, 2, x->line_id);
	sqlite3_bind_int64(st, 3, x->entry_id);
	sqlite3_bind_int64(st, 4, x->expert_id);
	sqlite3_bind_text(st, 5, x->work_date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, x->note, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 7, x->logged_minutes);
	sqlite3_bind_int(st, 8, x->billed_minutes);
	sqlite3_bind_int(st, 9, x->late ? 1 : 0);
	char what[48];
	snprintf(what, sizeof what, "saisie #%lld", (long long)x->entry_id);
	return store_step_done(s, st, what, e);
}

juste_status store_invoice_next_seq(struct store *s, enum invoice_kind kind, int year, int *seq, struct juste_err *e)
{
	/* Outside a transaction the number would be committed on its own and
	 * lost if the issue then failed: a gap. */
	if (!s->in_tx)
		return err_set(e, JUSTE_EINVAL, "store_invoice_next_seq: no transaction");
	sqlite3_stmt *st = store_stmt(s, ST_INV_NEXT_SEQ,
		"INSERT INTO invoice_sequences(kind, year, last) VALUES (?1, ?2, 1) "
		"ON CONFLICT(kind, year) DO UPDATE SET last = last + 1 RETURNING last", e);
	if (!st)
		return JUSTE_EIO;
	store_bind_word(st, 1, VOCAB_INVOICE_KIND, (int)kind);
	sqlite3_bind_int(st, 2, year);
	int rc = sqlite3_step(st);
	juste_status r = JUSTE_OK;
	if (rc == SQLITE_ROW)
		*seq = sqlite3_column_int(st, 0);
	else
		r = store_fail(s, rc, "numérotation", e);
	/* RETURNING: the row change is only complete once stepped to DONE */
	if (!r && sqlite3_step(st) != SQLITE_DONE)
		r = store_fail(s, sqlite3_errcode(s->db), "numérotation", e);
	sqlite3_reset(st);
	return r;
}

juste_status store_invoice_issue(struct store *s, int64_t id, const char *number, int seq_year, int seq,
	const char *issued_on, const char *due_on, struct juste_err *e)
{
	if (!s->in_tx)
		return err_set(e, JUSTE_EINVAL, "store_invoice_issue: no transaction");
	sqlite3_stmt *st = store_stmt(s, ST_INV_ISSUE,
		"UPDATE invoices SET status = ?7, number = ?2, seq_year = ?3, seq = ?4, issued_on = ?5, "
		"due_on = ?6, warnings = '' WHERE id = ?1 AND status IN " SQL_DRAFT, e);
	if (!st)
		return JUSTE_EIO;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, number, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, seq_year);
	sqlite3_bind_int(st, 4, seq);
	sqlite3_bind_text(st, 5, issued_on, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, due_on, -1, SQLITE_STATIC);
	store_bind_word(st, 7, VOCAB_INVOICE_STATUS, INVOICE_STATUS_ISSUED);
	juste_status r = store_step_done(s, st, number, e);
	if (!r && sqlite3_changes(s->db) != 1)
		r = err_set(e, JUSTE_ECONFLICT, N_("%s : le brouillon a changé entre-temps"), number);
	return r;
}

juste_status store_invoice_reprint(struct store *s, int64_t id, struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, ST_INV_REPRINT,
		"UPDATE invoices SET reprints = reprints + 1 WHERE id = ?1 AND status IN " SQL_ISSUED, e);
	if (!st)
		return JUSTE_EIO;
	sqlite3_bind_int64(st, 1, id);
	return store_step_done(s, st, "facture", e);
}

juste_status store_invoice_set_increment(struct store *s, int is_org, const char *code, int minutes,
	struct juste_err *e)
{
	sqlite3_stmt *st = is_org
		? store_stmt(s, ST_INV_INC_ORG, "UPDATE orgs SET billing_increment_minutes = ?2 WHERE code = ?1", e)
		: store_stmt(s, ST_INV_INC_MANDATE, "UPDATE mandates SET billing_increment_minutes = ?2 WHERE code = ?1", e);
	if (!st)
		return JUSTE_EIO;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	if (minutes > 0)
		sqlite3_bind_int(st, 2, minutes);
	else
		sqlite3_bind_null(st, 2);
	juste_status r = store_step_done(s, st, code, e);
	if (!r && sqlite3_changes(s->db) == 0)
		r = err_set(e, JUSTE_ENOTFOUND, is_org ? N_("organisation inconnue : '%s'") : N_("mandat inconnu : '%s'"), code);
	return r;
}

/* ---------------------------------------------------------------- reading */

#define INVOICE_COLS \
	"i.id, i.uuid, i.kind, i.status, coalesce(i.number, ''), coalesce(i.seq_year, 0), coalesce(i.seq, 0), " \
	"i.client_id, o.code, i.client_name, i.client_address, o.email, i.period, i.issued_on, i.due_on, " \
	"i.payment_terms, i.tps_rate, i.tvq_rate, i.subtotal_cents, i.tps_cents, i.tvq_cents, i.total_cents, " \
	"i.tax_exempt_reason, i.credited_id, ci.number, i.credit_reason, i.credit_full, i.reprints, " \
	"i.warnings, i.blockers, " \
	"(SELECT count(*) FROM invoice_lines WHERE invoice_id = i.id), " \
	"(SELECT coalesce(sum(c.subtotal_cents), 0) FROM invoices c WHERE c.credited_id = i.id " \
	"  AND c.status IN " SQL_ISSUED "), " \
	"EXISTS (SELECT 1 FROM invoices c WHERE c.credited_id = i.id AND c.status IN " SQL_ISSUED " AND c.credit_full = 1), " \
	"i.tax_regime, i.place_of_supply, " \
	"(SELECT count(*) FROM invoices c WHERE c.credited_id = i.id AND c.status IN " SQL_ISSUED "), " \
	"(SELECT group_concat(number, char(10)) FROM (SELECT c.number FROM invoices c WHERE c.credited_id = i.id " \
	"  AND c.status IN " SQL_ISSUED " ORDER BY c.seq_year, c.seq))"
#define INVOICE_FROM " FROM invoices i JOIN orgs o ON o.id = i.client_id LEFT JOIN invoices ci ON ci.id = i.credited_id"

static juste_status invoice_read(sqlite3_stmt *st, struct invoice_rec *r, struct juste_err *e)
{
	int kind, status;
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(st, 0);
	store_col_text(st, 1, r->uuid, sizeof r->uuid);
	store_col_text(st, 4, r->number, sizeof r->number);
	r->seq_year = sqlite3_column_int(st, 5);
	r->seq = sqlite3_column_int(st, 6);
	r->client_id = sqlite3_column_int64(st, 7);
	store_col_text(st, 8, r->client_code, sizeof r->client_code);
	store_col_text(st, 9, r->client_name, sizeof r->client_name);
	store_col_text(st, 10, r->client_address, sizeof r->client_address);
	store_col_text(st, 11, r->client_email, sizeof r->client_email);
	store_col_text(st, 12, r->period, sizeof r->period);
	store_col_text(st, 13, r->issued_on, sizeof r->issued_on);
	store_col_text(st, 14, r->due_on, sizeof r->due_on);
	store_col_text(st, 15, r->payment_terms, sizeof r->payment_terms);
	r->tps_rate = sqlite3_column_int(st, 16);
	r->tvq_rate = sqlite3_column_int(st, 17);
	r->amounts.subtotal_cents = sqlite3_column_int64(st, 18);
	r->amounts.tps_cents = sqlite3_column_int64(st, 19);
	r->amounts.tvq_cents = sqlite3_column_int64(st, 20);
	r->amounts.total_cents = sqlite3_column_int64(st, 21);
	store_col_text(st, 22, r->tax_exempt_reason, sizeof r->tax_exempt_reason);
	r->credited_id = sqlite3_column_int64(st, 23);
	store_col_text(st, 24, r->credited_number, sizeof r->credited_number);
	store_col_text(st, 25, r->credit_reason, sizeof r->credit_reason);
	r->credit_full = sqlite3_column_int(st, 26);
	r->reprints = sqlite3_column_int(st, 27);
	store_col_text(st, 28, r->warnings, sizeof r->warnings);
	invoice_blockers_parse((const char *)sqlite3_column_text(st, 29), r);
	r->line_count = sqlite3_column_int(st, 30);
	r->credited_cents = sqlite3_column_int64(st, 31);
	r->fully_credited = sqlite3_column_int(st, 32);
	store_col_text(st, 34, r->place_of_supply, sizeof r->place_of_supply);
	r->ncredits = sqlite3_column_int(st, 35);
	/* the credit notes' numbers, one per line, as many as the record holds */
	const char *nums = (const char *)sqlite3_column_text(st, 36);
	int k = 0;
	for (const char *p = nums; p && *p && k < INVOICE_CREDITS_MAX; k++) {
		size_t len = strcspn(p, "\n");
		snprintf(r->credit_numbers[k], INVOICE_NUMBER_LEN, "%.*s", (int)len, p);
		p += len + (p[len] == '\n');
	}
	char what[INVOICE_NUMBER_LEN + 32];
	snprintf(what, sizeof what, "facture #%lld", (long long)r->id);
	int regime;
	juste_status res = store_col_word(st, 2, VOCAB_INVOICE_KIND, &kind, what, e);
	if (!res)
		res = store_col_word(st, 3, VOCAB_INVOICE_STATUS, &status, what, e);
	if (!res)
		res = store_col_word(st, 33, VOCAB_TAX_REGIME, &regime, what, e);
	r->kind = (enum invoice_kind)kind;
	r->status = (enum invoice_status)status;
	r->tax_regime = res ? TAX_REGIME_TPS_TVQ : (enum tax_regime)regime;
	return res;
}

static juste_status get_one(struct store *s, sqlite3_stmt *st, const char *what, struct invoice_rec *out,
	struct juste_err *e)
{
	int rc = sqlite3_step(st);
	juste_status r = JUSTE_OK;
	if (rc == SQLITE_ROW)
		r = invoice_read(st, out, e);
	else if (rc == SQLITE_DONE)
		r = err_set(e, JUSTE_ENOTFOUND, N_("facture inconnue : %s"), what);
	else
		r = store_fail(s, rc, what, e);
	sqlite3_reset(st);
	return r;
}

juste_status store_invoice_get(struct store *s, const char *number, struct invoice_rec *out, struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, ST_INV_GET, "SELECT " INVOICE_COLS INVOICE_FROM " WHERE i.number = ?1", e);
	if (!st)
		return JUSTE_EIO;
	sqlite3_bind_text(st, 1, number, -1, SQLITE_STATIC);
	return get_one(s, st, number, out, e);
}

juste_status store_invoice_get_id(struct store *s, int64_t id, struct invoice_rec *out, struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, ST_INV_GET_ID, "SELECT " INVOICE_COLS INVOICE_FROM " WHERE i.id = ?1", e);
	if (!st)
		return JUSTE_EIO;
	sqlite3_bind_int64(st, 1, id);
	char what[32];
	snprintf(what, sizeof what, "#%lld", (long long)id);
	return get_one(s, st, what, out, e);
}

juste_status store_invoice_list(struct store *s, const struct invoice_filter *f, store_invoice_cb cb,
	void *ctx, struct juste_err *e)
{
	/* The shape varies with the filters set; values are always bound. */
	char where[512] = "";
	const char *args[8];
	int n = 0;
	struct { const char *cond, *val; } conds[] = {
		{ "i.period = ?", f->period }, { "o.code = ?", f->client },
		{ "i.status = ?", f->status ? vocab_invoice_status_word(*f->status) : NULL },
		{ "i.kind = ?", f->kind ? vocab_invoice_kind_word(*f->kind) : NULL },
		{ "i.issued_on >= ?", f->from }, { "i.issued_on <= ?", f->to },
	};
	for (size_t k = 0; k < sizeof conds / sizeof conds[0]; k++) {
		if (!conds[k].val || !*conds[k].val)
			continue;
		size_t len = strlen(where);
		snprintf(where + len, sizeof where - len, "%s%s%d", n ? " AND " : " WHERE ", conds[k].cond, n + 1);
		args[n++] = conds[k].val;
	}
	char sql[2048];
	snprintf(sql, sizeof sql, "SELECT " INVOICE_COLS INVOICE_FROM "%s "
		"ORDER BY i.status IN " SQL_ISSUED ", i.issued_on, i.kind IN " SQL_CREDIT_NOTE ", i.seq_year, i.seq, o.code, i.id", where);
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return store_fail(s, sqlite3_errcode(s->db), "invoices", e);
	for (int i = 0; i < n; i++)
		sqlite3_bind_text(st, i + 1, args[i], -1, SQLITE_STATIC);
	struct invoice_rec *r = malloc(sizeof *r);
	if (!r) {
		sqlite3_finalize(st);
		return err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	}
	int rc;
	juste_status res = JUSTE_OK;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((res = invoice_read(st, r, e)) != JUSTE_OK || cb(ctx, r))
			break;
	}
	if (!res)
		res = (rc == SQLITE_ROW || rc == SQLITE_DONE) ? JUSTE_OK : store_fail(s, rc, "invoices", e);
	free(r);
	sqlite3_finalize(st);
	return res;
}

juste_status store_invoice_lines(struct store *s, int64_t invoice_id, store_invoice_line_cb cb, void *ctx,
	struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, ST_INV_LINES,
		"SELECT id, invoice_id, pos, kind, coalesce(mandate_id, 0), mandate_code, mandate_title, "
		"coalesce(rate_cents, 0), logged_minutes, billed_minutes, amount_cents, description, experts, "
		"first_date, last_date, "
		"coalesce((SELECT b.name FROM mandates m JOIN orgs b ON b.id = m.beneficiary_id "
		"JOIN invoices i ON i.id = l.invoice_id "
		"WHERE m.id = l.mandate_id AND m.beneficiary_id <> i.client_id), '') "
		"FROM invoice_lines l WHERE invoice_id = ?1 ORDER BY pos", e);
	if (!st)
		return JUSTE_EIO;
	sqlite3_bind_int64(st, 1, invoice_id);
	struct invoice_line_rec *l = malloc(sizeof *l);
	if (!l)
		return err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	int rc;
	juste_status r = JUSTE_OK;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int kind;
		memset(l, 0, sizeof *l);
		l->id = sqlite3_column_int64(st, 0);
		l->invoice_id = sqlite3_column_int64(st, 1);
		l->pos = sqlite3_column_int(st, 2);
		l->mandate_id = sqlite3_column_int64(st, 4);
		store_col_text(st, 5, l->mandate_code, sizeof l->mandate_code);
		store_col_text(st, 6, l->mandate_title, sizeof l->mandate_title);
		l->rate_cents = sqlite3_column_int64(st, 7);
		l->logged_minutes = sqlite3_column_int64(st, 8);
		l->billed_minutes = sqlite3_column_int64(st, 9);
		l->amount_cents = sqlite3_column_int64(st, 10);
		store_col_text(st, 11, l->description, sizeof l->description);
		store_col_text(st, 12, l->experts, sizeof l->experts);
		store_col_text(st, 13, l->first_date, sizeof l->first_date);
		store_col_text(st, 14, l->last_date, sizeof l->last_date);
		store_col_text(st, 15, l->beneficiary_name, sizeof l->beneficiary_name);
		char what[64];
		snprintf(what, sizeof what, "facture #%lld, ligne %d", (long long)l->invoice_id, l->pos);
		if ((r = store_col_word(st, 3, VOCAB_LINE_KIND, &kind, what, e)) != JUSTE_OK)
			break;
		l->kind = (enum line_kind)kind;
		if (cb(ctx, l))
			break;
	}
	if (!r)
		r = (rc == SQLITE_ROW || rc == SQLITE_DONE) ? JUSTE_OK : store_fail(s, rc, "invoice_lines", e);
	free(l);
	sqlite3_reset(st);
	return r;
}

juste_status store_invoice_entries(struct store *s, int64_t invoice_id, store_invoice_entry_cb cb, void *ctx,
	struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, ST_INV_ENTRIES,
		"SELECT l.invoice_id, l.line_id, l.entry_id, il.pos, l.expert_id, x.login, x.name, il.mandate_code, "
		"l.work_date, l.note, l.logged_minutes, l.billed_minutes, l.late "
		"FROM invoice_entries l JOIN invoice_lines il ON il.id = l.line_id JOIN experts x ON x.id = l.expert_id "
		"WHERE l.invoice_id = ?1 ORDER BY il.pos, l.work_date, x.login, l.entry_id", e);
	if (!st)
		return JUSTE_EIO;
	sqlite3_bind_int64(st, 1, invoice_id);
	struct invoice_entry_rec *x = malloc(sizeof *x);
	if (!x)
		return err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(x, 0, sizeof *x);
		x->invoice_id = sqlite3_column_int64(st, 0);
		x->line_id = sqlite3_column_int64(st, 1);
		x->entry_id = sqlite3_column_int64(st, 2);
		x->line_pos = sqlite3_column_int(st, 3);
		x->expert_id = sqlite3_column_int64(st, 4);
		store_col_text(st, 5, x->expert_login, sizeof x->expert_login);
		store_col_text(st, 6, x->expert_name, sizeof x->expert_name);
		store_col_text(st, 7, x->mandate_code, sizeof x->mandate_code);
		store_col_text(st, 8, x->work_date, sizeof x->work_date);
		store_col_text(st, 9, x->note, sizeof x->note);
		x->logged_minutes = sqlite3_column_int(st, 10);
		x->billed_minutes = sqlite3_column_int(st, 11);
		x->late = sqlite3_column_int(st, 12);
		if (cb(ctx, x))
			break;
	}
	juste_status r = (rc == SQLITE_ROW || rc == SQLITE_DONE) ? JUSTE_OK : store_fail(s, rc, "invoice_entries", e);
	free(x);
	sqlite3_reset(st);
	return r;
}

juste_status store_invoice_credited(struct store *s, int64_t invoice_id, struct invoice_amounts *sum,
	int *full, struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, ST_INV_CREDITED,
		"SELECT coalesce(sum(subtotal_cents), 0), coalesce(sum(tps_cents), 0), coalesce(sum(tvq_cents), 0), "
		"coalesce(sum(total_cents), 0), coalesce(max(credit_full), 0) FROM invoices "
		"WHERE credited_id = ?1 AND status IN " SQL_ISSUED, e);
	if (!st)
		return JUSTE_EIO;
	sqlite3_bind_int64(st, 1, invoice_id);
	int rc = sqlite3_step(st);
	juste_status r = JUSTE_OK;
	if (rc == SQLITE_ROW) {
		sum->subtotal_cents = sqlite3_column_int64(st, 0);
		sum->tps_cents = sqlite3_column_int64(st, 1);
		sum->tvq_cents = sqlite3_column_int64(st, 2);
		sum->total_cents = sqlite3_column_int64(st, 3);
		*full = sqlite3_column_int(st, 4);
	} else {
		r = store_fail(s, rc, "invoices", e);
	}
	sqlite3_reset(st);
	return r;
}

juste_status store_invoice_month_stats(struct store *s, const char *period, store_invoice_stats_cb cb, void *ctx,
	struct juste_err *e)
{
	/* Two reads, each one GROUP BY over the month's invoices only. */
	sqlite3_stmt *st = store_stmt(s, ST_INV_MONTH_STATS,
		"SELECT i.id, coalesce((SELECT sum(l.billed_minutes) FROM invoice_lines l WHERE l.invoice_id = i.id), 0), "
		"  coalesce((SELECT sum(x.late) FROM invoice_entries x WHERE x.invoice_id = i.id), 0) "
		"FROM invoices i WHERE i.period = ?1", e);
	if (!st)
		return JUSTE_EIO;
	store_bind_text(st, 1, period);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (cb(ctx, sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1), sqlite3_column_int64(st, 2))) {
			sqlite3_reset(st);
			return JUSTE_OK;
		}
	}
	if (rc != SQLITE_DONE)
		return store_fail(s, rc, "invoices", e);
	sqlite3_reset(st);
	return JUSTE_OK;
}

juste_status store_invoice_last_issued(struct store *s, enum invoice_kind kind, int year, char on[ISO_LEN],
	struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, ST_INV_LAST_ISSUED,
		"SELECT coalesce(max(issued_on), '') FROM invoices WHERE kind = ?1 AND seq_year = ?2 AND status IN " SQL_ISSUED, e);
	if (!st)
		return JUSTE_EIO;
	store_bind_word(st, 1, VOCAB_INVOICE_KIND, (int)kind);
	sqlite3_bind_int(st, 2, year);
	int rc = sqlite3_step(st);
	juste_status r = JUSTE_OK;
	on[0] = '\0';
	if (rc == SQLITE_ROW)
		store_col_text(st, 0, on, ISO_LEN);
	else
		r = store_fail(s, rc, "invoices", e);
	sqlite3_reset(st);
	return r;
}

juste_status store_invoice_billed_prices(struct store *s, const char *from_period, store_billed_price_cb cb,
	void *ctx, struct juste_err *e)
{
	/* An entry's share needs the minutes billed before it on its line: a
	 * running sum over the line, in one pass, before any filtering on the
	 * entries.  An entry is never on an invoice of a period before its own
	 * month, so the invoices of periods from `from_period` on hold every
	 * entry of that date range that is billed. */
	sqlite3_stmt *st = store_stmt(s, ST_INV_BILLED_PRICES,
		"SELECT x.entry_id, i.number, l.rate_cents, l.amount_cents, l.billed_minutes, x.billed_minutes, "
		"  coalesce(sum(x.billed_minutes) OVER (PARTITION BY x.line_id ORDER BY x.work_date, x.entry_id "
		"    ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) "
		"FROM invoices_standing i JOIN invoice_entries x ON x.invoice_id = i.id "
		"JOIN invoice_lines l ON l.id = x.line_id "
		"WHERE l.kind IN " SQL_LINE_HOURS " AND (?1 IS NULL OR i.period >= ?1)", e);
	if (!st)
		return JUSTE_EIO;
	store_bind_text(st, 1, from_period);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct billed_price b;
		memset(&b, 0, sizeof b);
		b.entry_id = sqlite3_column_int64(st, 0);
		store_col_text(st, 1, b.number, sizeof b.number);
		b.rate_cents = sqlite3_column_int64(st, 2);
		b.billed_minutes = sqlite3_column_int64(st, 5);
		b.amount_cents = invoice_entry_share(sqlite3_column_int64(st, 3), sqlite3_column_int64(st, 4),
			sqlite3_column_int64(st, 6), b.billed_minutes);
		if (cb(ctx, &b))
			break;
	}
	juste_status r = (rc == SQLITE_ROW || rc == SQLITE_DONE) ? JUSTE_OK : store_fail(s, rc, "invoice_entries", e);
	sqlite3_reset(st);
	return r;
}
