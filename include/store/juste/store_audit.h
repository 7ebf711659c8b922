/*
 * store_audit.h - reading the audit log.  The log itself is written by
 * triggers in the same transaction as each change; only
 * src/store/store_audit.c reads it.
 */
#ifndef JUSTE_STORE_AUDIT_H
#define JUSTE_STORE_AUDIT_H

#include "juste/err.h"
#include "juste/model.h"
#include "juste/store.h"

/* One journal for the reader: the audit table, the report's log (finance
 * figures, business development) and the month closings, by time. */
typedef int (*store_audit_cb)(void *ctx, const struct audit_row *r);
juste_status store_audit_query(struct store *s, const struct audit_filter *f, store_audit_cb cb, void *ctx, struct juste_err *e);

#endif
