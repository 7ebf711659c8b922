/*
 * audit.h - reading the audit log (`juste audit`): who changed what, when,
 * and acting for whom.  Gestionnaire, admin.
 */
#ifndef JUSTE_AUDIT_H
#define JUSTE_AUDIT_H

#include "juste/app.h"

/* JUSTE_EDENIED unless the effective user may read the log; audit_list()
 * checks it too, a front end first, to refuse before it parses more. */
juste_status audit_allowed(const struct app *a, struct juste_err *e);

/* A line of the log as a reader sees it: the entity by its UUID and code,
 * and the row's fields before and after with codes (logins, mandate and
 * org codes, invoice numbers…) in place of the row ids the log keeps
 * ("mandate_id": 12 becomes "mandate": "M-2020-001"). */
struct audit_view {
	const struct audit_row *row;   /* when, who, what entity, which action */
	char uuid[UUID_LEN];           /* "" for what has none */
	char code[LOGIN_LEN];          /* code, login or number; "" for an entry */
	const char *before, *after;    /* JSON text or NULL, valid during the callback */
};

/* The changes f selects, oldest first. */
typedef int (*audit_row_cb)(void *ctx, const struct audit_view *v);
juste_status audit_list(struct app *a, const struct audit_filter *f, audit_row_cb cb, void *ctx,
	struct juste_err *e);

#endif
