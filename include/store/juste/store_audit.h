/*
 * store_audit.h - reading the audit log.  The log itself is written by
 * triggers in the same transaction as each change; only
 * src/store/store_audit.c reads it.
 */
#ifndef JUSTE_STORE_AUDIT_H
#define JUSTE_STORE_AUDIT_H

#include <stdbool.h>

#include "juste/err.h"
#include "juste/model.h"
#include "juste/store.h"

/* One journal for the reader: the audit table, the report's log (finance
 * figures, business development) and the month closings, by time. */
typedef int (*store_audit_cb)(void *ctx, const struct audit_row *r);
juste_status store_audit_query(struct store *s, const struct audit_filter *f, store_audit_cb cb, void *ctx, struct juste_err *e);

/* The code (login, number, UUID…) of the row a line's field `key`
 * ("mandate_id", "client_id"…) names; *found false for a key that names
 * no row juste knows, or a row gone. */
juste_status store_audit_ref(struct store *s, const char *key, int64_t id, char *out, size_t n, bool *found,
	struct juste_err *e);

/* The UUID and code (login, invoice number; "" for an entry) of the
 * entity a line is about, while it exists; both "" otherwise. */
juste_status store_audit_entity(struct store *s, enum audit_entity entity, int64_t id, char uuid[UUID_LEN],
	char *code, size_t n, struct juste_err *e);

#endif
