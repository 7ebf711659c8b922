/*
 * audit.c - reading the audit log.
 */
#include "app/app_internal.h"
#include "juste/audit.h"
#include "juste/i18n.h"
#include "juste/store_audit.h"

juste_status audit_allowed(const struct app *a, struct juste_err *e)
{
	return app_require(a, ROLE_GESTIONNAIRE | ROLE_ADMIN, _("lire le journal"), e);
}

juste_status audit_list(struct app *a, const struct audit_filter *f, audit_row_cb cb, void *ctx,
	struct juste_err *e)
{
	juste_status st = audit_allowed(a, e);
	return st ? st : store_audit_query(a->store, f, cb, ctx, e);
}
