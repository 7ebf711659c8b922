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

/* The changes f selects, oldest first. */
typedef int (*audit_row_cb)(void *ctx, const struct audit_row *r);
juste_status audit_list(struct app *a, const struct audit_filter *f, audit_row_cb cb, void *ctx,
	struct juste_err *e);

#endif
