/*
 * check.c - juste check: the store's findings, then the centre's.
 */
#include "juste/centre.h"
#include "juste/check.h"
#include "juste/i18n.h"

juste_status check_run(struct app *a, store_finding_cb cb, void *ctx, int *count, struct juste_err *e)
{
	juste_status st = app_require(a, ROLE_OFFICE, _("vérifier la base"), e);
	if (st)
		return st;
	*count = 0;
	if ((st = store_check(a->store, cb, ctx, count, e)))
		return st;
	char line[JUSTE_ERR_MAX];
	if (centre_example_finding(a, line, sizeof line)) {
		(*count)++;
		cb(ctx, line);
	}
	return JUSTE_OK;
}
