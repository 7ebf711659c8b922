/*
 * store_mail.h - the send log (sql/015_mail_log.sql).  Only
 * src/store/store_mail.c implements these.  The database refuses to change
 * or delete a row, and audits every insert.
 */
#ifndef JUSTE_STORE_MAIL_H
#define JUSTE_STORE_MAIL_H

#include <stdbool.h>
#include "juste/maillog.h"
#include "juste/store.h"

/* Inserts r (sent_at, sent_by, client_id, recipient, kind, invoice_id,
 * level, statement_at, message_id); fills r->id and r->uuid. */
juste_status store_mail_insert(struct store *s, struct maillog_rec *r, struct juste_err *e);

/* Whether the log holds the document: an invoice by invoice_id, a
 * statement by client and date, a reminder by invoice_id and level. */
juste_status store_mail_logged(struct store *s, const struct maillog_rec *doc, bool *logged, struct juste_err *e);

typedef int (*store_mail_cb)(void *ctx, const struct maillog_rec *r);
/* The log, oldest first (by id); client (org code) NULL = all. */
juste_status store_mail_list(struct store *s, const char *client, store_mail_cb cb, void *ctx, struct juste_err *e);

#endif
