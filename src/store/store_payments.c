/*
 * store_payments.c - payments, and the issued documents receivables are
 * computed from (store_payments.h).
 */
#include <stdlib.h>
#include <string.h>

#include "juste/store_payments.h"
#include "store/store_internal.h"

enum {
	ST_PAY_INSERT = ST_PAYMENTS_BASE,
	ST_PAY_VOID,
	ST_PAY_GET,
	ST_PAY_DOCS_ALL,
	ST_PAY_DOCS_ONE,
	ST_PAY_REVENUE,
	ST_PAY_LAST = ST_PAYMENTS_BASE + 31
};

juste_status store_payment_insert(struct store *s, struct payment_rec *p, struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, ST_PAY_INSERT,
		"INSERT INTO payments(uuid, client_id, invoice_id, received_on, amount_cents, method, reference) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", e);
	if (!st)
		return JUSTE_EIO;
	if (!p->uuid[0])
		store_uuid(p->uuid);
	sqlite3_bind_text(st, 1, p->uuid, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, p->client_id);
	store_bind_id(st, 3, p->invoice_id);
	sqlite3_bind_text(st, 4, p->received_on, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, p->amount_cents);
	store_bind_word(st, 6, VOCAB_PAYMENT_METHOD, (int)p->method);
	sqlite3_bind_text(st, 7, p->reference, -1, SQLITE_STATIC);
	juste_status r = store_step_done(s, st, "payments", e);
	if (!r)
		p->id = sqlite3_last_insert_rowid(s->db);
	return r;
}

juste_status store_payment_void(struct store *s, int64_t id, const char *on, const char *reason,
	struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, ST_PAY_VOID,
		"UPDATE payments SET voided_on = ?2, void_reason = ?3 WHERE id = ?1 AND voided_on IS NULL", e);
	if (!st)
		return JUSTE_EIO;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, on, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, reason, -1, SQLITE_STATIC);
	juste_status r = store_step_done(s, st, "payments", e);
	if (!r && sqlite3_changes(s->db) != 1)
		r = err_set(e, JUSTE_ECONFLICT, N_("le paiement #%lld est déjà annulé"), (long long)id);
	return r;
}

#define PAYMENT_COLS \
	"p.id, p.uuid, p.client_id, o.code, o.name, coalesce(p.invoice_id, 0), coalesce(i.number, ''), " \
	"p.received_on, p.amount_cents, p.method, p.reference, coalesce(p.voided_on, ''), p.void_reason "
#define PAYMENT_FROM \
	"FROM payments p JOIN orgs o ON o.id = p.client_id LEFT JOIN invoices i ON i.id = p.invoice_id "

static juste_status payment_read(sqlite3_stmt *st, struct payment_rec *p, struct juste_err *e)
{
	int method;
	memset(p, 0, sizeof *p);
	p->id = sqlite3_column_int64(st, 0);
	store_col_text(st, 1, p->uuid, sizeof p->uuid);
	p->client_id = sqlite3_column_int64(st, 2);
	store_col_text(st, 3, p->client_code, sizeof p->client_code);
	store_col_text(st, 4, p->client_name, sizeof p->client_name);
	p->invoice_id = sqlite3_column_int64(st, 5);
	store_col_text(st, 6, p->invoice_number, sizeof p->invoice_number);
	store_col_text(st, 7, p->received_on, sizeof p->received_on);
	p->amount_cents = sqlite3_column_int64(st, 8);
	store_col_text(st, 10, p->reference, sizeof p->reference);
	store_col_text(st, 11, p->voided_on, sizeof p->voided_on);
	store_col_text(st, 12, p->void_reason, sizeof p->void_reason);
	char what[48];
	snprintf(what, sizeof what, "paiement #%lld", (long long)p->id);
	juste_status r = store_col_word(st, 9, VOCAB_PAYMENT_METHOD, &method, what, e);
	p->method = (enum payment_method)method;
	return r;
}

juste_status store_payment_get(struct store *s, int64_t id, struct payment_rec *out, struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, ST_PAY_GET, "SELECT " PAYMENT_COLS PAYMENT_FROM "WHERE p.id = ?1", e);
	if (!st)
		return JUSTE_EIO;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	juste_status r = JUSTE_OK;
	if (rc == SQLITE_ROW)
		r = payment_read(st, out, e);
	else if (rc == SQLITE_DONE)
		r = err_set(e, JUSTE_ENOTFOUND, N_("paiement inconnu : #%lld"), (long long)id);
	else
		r = store_fail(s, rc, "payments", e);
	sqlite3_reset(st);
	return r;
}

juste_status store_payment_list(struct store *s, const struct payment_filter *f, store_payment_cb cb, void *ctx,
	struct juste_err *e)
{
	/* the shape varies with the filters set; values are always bound */
	struct store_where w = { 0 };
	store_where_add(&w, "o.code =", f->client);
	store_where_add(&w, "p.received_on >=", f->from);
	store_where_add(&w, "p.received_on <=", f->to);
	char sql[1024];
	snprintf(sql, sizeof sql, "SELECT " PAYMENT_COLS PAYMENT_FROM "%s ORDER BY o.code, p.received_on, p.id", w.sql);
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return store_fail(s, sqlite3_errcode(s->db), "payments", e);
	for (int i = 0; i < w.n; i++)
		sqlite3_bind_text(st, i + 1, w.args[i], -1, SQLITE_STATIC);
	struct payment_rec *p = malloc(sizeof *p);
	if (!p) {
		sqlite3_finalize(st);
		return err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	}
	int rc;
	juste_status r = JUSTE_OK;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if ((r = payment_read(st, p, e)) != JUSTE_OK || cb(ctx, p))
			break;
	if (!r && rc != SQLITE_ROW && rc != SQLITE_DONE)
		r = store_fail(s, rc, "payments", e);
	free(p);
	sqlite3_finalize(st);
	return r;
}

#define DOCS_SQL \
	"SELECT i.id, coalesce(i.credited_id, 0), i.issued_on, i.due_on, i.total_cents, i.client_id, o.code, " \
	"i.client_name, i.kind, i.number, coalesce(c.number, ''), i.subtotal_cents, i.tps_cents, i.tvq_cents " \
	"FROM invoices i JOIN orgs o ON o.id = i.client_id LEFT JOIN invoices c ON c.id = i.credited_id " \
	"WHERE i.status IN " SQL_ISSUED " %s ORDER BY o.code, i.issued_on, i.id"

juste_status store_payment_docs(struct store *s, const char *client_code, store_receivable_cb cb, void *ctx,
	struct juste_err *e)
{
	char sql[1024];
	snprintf(sql, sizeof sql, DOCS_SQL, client_code ? "AND o.code = ?1" : "");
	sqlite3_stmt *st = store_stmt(s, client_code ? ST_PAY_DOCS_ONE : ST_PAY_DOCS_ALL, sql, e);
	if (!st)
		return JUSTE_EIO;
	if (client_code)
		sqlite3_bind_text(st, 1, client_code, -1, SQLITE_STATIC);
	struct receivable_doc d;
	int rc;
	juste_status r = JUSTE_OK;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int kind;
		memset(&d, 0, sizeof d);
		d.doc.id = sqlite3_column_int64(st, 0);
		d.doc.credited_id = sqlite3_column_int64(st, 1);
		store_col_text(st, 2, d.issued_on, sizeof d.issued_on);
		store_col_text(st, 3, d.due_on, sizeof d.due_on);
		d.total_cents = d.doc.total_cents = sqlite3_column_int64(st, 4);
		d.client_id = sqlite3_column_int64(st, 5);
		store_col_text(st, 6, d.client_code, sizeof d.client_code);
		store_col_text(st, 7, d.client_name, sizeof d.client_name);
		store_col_text(st, 9, d.number, sizeof d.number);
		store_col_text(st, 10, d.credited_number, sizeof d.credited_number);
		d.subtotal_cents = sqlite3_column_int64(st, 11);
		d.tps_cents = sqlite3_column_int64(st, 12);
		d.tvq_cents = sqlite3_column_int64(st, 13);
		if ((r = store_col_word(st, 8, VOCAB_INVOICE_KIND, &kind, d.number, e)) != JUSTE_OK)
			break;
		d.kind = (enum invoice_kind)kind;
		if (date_parse(d.issued_on, &d.doc.issued, e) || date_parse(d.due_on, &d.doc.due, e)) {
			r = err_prefix(e, "%s : ", d.number);
			break;
		}
		if (cb(ctx, &d))
			break;
	}
	if (!r && rc != SQLITE_ROW && rc != SQLITE_DONE)
		r = store_fail(s, rc, "invoices", e);
	sqlite3_reset(st);
	return r;
}

juste_status store_payment_revenue(struct store *s, const char *from, const char *to, store_revenue_cb cb,
	void *ctx, struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, ST_PAY_REVENUE,
		"SELECT i.id, coalesce(v.code, ''), sum(l.amount_cents) "
		"FROM invoices i JOIN invoice_lines l ON l.invoice_id = i.id "
		"LEFT JOIN mandates m ON m.id = l.mandate_id LEFT JOIN services v ON v.id = m.service_id "
		"WHERE i.status IN " SQL_ISSUED " AND i.issued_on BETWEEN ?1 AND ?2 "
		"GROUP BY i.id, coalesce(v.code, '') ORDER BY i.id, 2", e);
	if (!st)
		return JUSTE_EIO;
	sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (cb(ctx, sqlite3_column_int64(st, 0), (const char *)sqlite3_column_text(st, 1),
			sqlite3_column_int64(st, 2)))
			break;
	juste_status r = (rc == SQLITE_ROW || rc == SQLITE_DONE) ? JUSTE_OK : store_fail(s, rc, "invoice_lines", e);
	sqlite3_reset(st);
	return r;
}
