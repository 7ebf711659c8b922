/*
 * store_mail.c - the send log (store_mail.h).  Sending is rare and
 * interactive: statements are prepared for each call rather than kept in
 * the table of slots.
 */
#include <string.h>

#include "juste/reminders.h"
#include "juste/store_mail.h"
#include "store/store_internal.h"

static const char *level_word(int level)
{
	return level == MAILLOG_NO_LEVEL ? NULL : reminders_level_word((enum reminder_level)level);
}

juste_status store_mail_insert(struct store *s, struct maillog_rec *r, struct juste_err *e)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db,
		"INSERT INTO mail_log(uuid, sent_at, sent_by, client_id, recipient, kind, invoice_id, level, statement_at, "
		"message_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", -1, &st, NULL) != SQLITE_OK)
		return store_fail(s, sqlite3_errcode(s->db), "mail_log", e);
	if (!r->uuid[0])
		store_uuid(r->uuid);
	sqlite3_bind_text(st, 1, r->uuid, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, r->sent_at, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, r->sent_by, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, r->client_id);
	sqlite3_bind_text(st, 5, r->recipient, -1, SQLITE_STATIC);
	store_bind_word(st, 6, VOCAB_MAIL_DOC, (int)r->kind);
	store_bind_id(st, 7, r->invoice_id);
	store_bind_text(st, 8, level_word(r->level));
	store_bind_text(st, 9, r->statement_at);
	sqlite3_bind_text(st, 10, r->message_id, -1, SQLITE_STATIC);
	juste_status rc = store_step_done(s, st, "mail_log", e);
	if (!rc)
		r->id = sqlite3_last_insert_rowid(s->db);
	sqlite3_finalize(st);
	return rc;
}

juste_status store_mail_logged(struct store *s, const struct maillog_rec *doc, bool *logged, struct juste_err *e)
{
	/* one shape for the three kinds: the fields a kind does not have are
	 * NULL in the log and bound NULL here, and IS compares NULLs */
	sqlite3_stmt *st;
	*logged = false;
	if (sqlite3_prepare_v2(s->db,
		"SELECT 1 FROM mail_log WHERE client_id = ?1 AND kind = ?2 AND invoice_id IS ?3 AND level IS ?4 "
		"AND statement_at IS ?5 LIMIT 1", -1, &st, NULL) != SQLITE_OK)
		return store_fail(s, sqlite3_errcode(s->db), "mail_log", e);
	sqlite3_bind_int64(st, 1, doc->client_id);
	store_bind_word(st, 2, VOCAB_MAIL_DOC, (int)doc->kind);
	store_bind_id(st, 3, doc->invoice_id);
	store_bind_text(st, 4, level_word(doc->level));
	store_bind_text(st, 5, doc->statement_at);
	int rc = sqlite3_step(st);
	*logged = rc == SQLITE_ROW;
	juste_status r = rc == SQLITE_ROW || rc == SQLITE_DONE ? JUSTE_OK : store_fail(s, rc, "mail_log", e);
	sqlite3_finalize(st);
	return r;
}

static juste_status row_read(sqlite3_stmt *st, struct maillog_rec *r, struct juste_err *e)
{
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(st, 0);
	store_col_text(st, 1, r->uuid, sizeof r->uuid);
	store_col_text(st, 2, r->sent_at, sizeof r->sent_at);
	store_col_text(st, 3, r->sent_by, sizeof r->sent_by);
	r->client_id = sqlite3_column_int64(st, 4);
	store_col_text(st, 5, r->client_code, sizeof r->client_code);
	store_col_text(st, 6, r->client_name, sizeof r->client_name);
	store_col_text(st, 7, r->recipient, sizeof r->recipient);
	r->invoice_id = sqlite3_column_int64(st, 9);
	store_col_text(st, 10, r->invoice_number, sizeof r->invoice_number);
	store_col_text(st, 12, r->statement_at, sizeof r->statement_at);
	store_col_text(st, 13, r->message_id, sizeof r->message_id);
	r->level = MAILLOG_NO_LEVEL;
	const char *lw = (const char *)sqlite3_column_text(st, 11);
	for (int l = 0; lw && l < REMINDER_LEVEL_COUNT; l++)
		if (strcmp(lw, reminders_level_word((enum reminder_level)l)) == 0)
			r->level = l;
	char what[48];
	snprintf(what, sizeof what, "courriel #%lld", (long long)r->id);
	int kind;
	juste_status rc = store_col_word(st, 8, VOCAB_MAIL_DOC, &kind, what, e);
	r->kind = (enum mail_doc)kind;
	if (!rc && lw && r->level == MAILLOG_NO_LEVEL)
		rc = err_set(e, JUSTE_EIO, N_("%s : niveau de rappel inconnu '%s'"), what, lw);
	return rc;
}

juste_status store_mail_list(struct store *s, const char *client, store_mail_cb cb, void *ctx, struct juste_err *e)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db,
		"SELECT m.id, m.uuid, m.sent_at, m.sent_by, m.client_id, o.code, o.name, m.recipient, m.kind, "
		"coalesce(m.invoice_id, 0), coalesce(i.number, ''), m.level, coalesce(m.statement_at, ''), m.message_id "
		"FROM mail_log m JOIN orgs o ON o.id = m.client_id LEFT JOIN invoices i ON i.id = m.invoice_id "
		"WHERE ?1 IS NULL OR o.code = ?1 ORDER BY m.id", -1, &st, NULL) != SQLITE_OK)
		return store_fail(s, sqlite3_errcode(s->db), "mail_log", e);
	store_bind_text(st, 1, client);
	juste_status r = JUSTE_OK;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct maillog_rec m;
		if ((r = row_read(st, &m, e)))
			break;
		if (cb(ctx, &m))
			break;
	}
	if (!r && rc != SQLITE_ROW && rc != SQLITE_DONE)
		r = store_fail(s, rc, "mail_log", e);
	sqlite3_finalize(st);
	return r;
}
