/*
 * check.c - checking the database file, then the centre's identity.
 */
#include "app/app_internal.h"
#include "juste/centre.h"
#include "juste/check.h"
#include "juste/i18n.h"

juste_status check_database(struct app *a, check_finding_cb cb, void *ctx, int *count, struct juste_err *e)
{
	juste_status st = app_require(a, ROLE_OFFICE, _("vérifier la base"), e);
	if (!st)
		st = store_check(a->store, cb, ctx, count, e);
	if (st)
		return st;
	char line[JUSTE_ERR_MAX];
	if (centre_example_finding(a, line, sizeof line)) {
		(*count)++;
		cb(ctx, line);
	}
	return JUSTE_OK;
}
