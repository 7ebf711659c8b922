/*
 * centre.c - the shipped example's identity is never sent to a client.
 */
#include <stdio.h>
#include <string.h>

#include "app/app_internal.h"
#include "juste/centre.h"
#include "juste/demo.h"
#include "juste/i18n.h"

/* The key still holding the example's value, or NULL.  The demo builds
 * its invoices under the example, and a demo database stays one. */
static const char *example_key(struct app *a, char value[POLICY_VALUE_LEN])
{
	const char *key = policy_example_key(&a->policy);
	if (!key || demo_is_current(a))
		return NULL;
	if (policy_get(&a->policy, key, app_today(), value, POLICY_VALUE_LEN, NULL) != JUSTE_OK)
		value[0] = '\0';
	return key;
}

juste_status centre_require_own(struct app *a, struct juste_err *e)
{
	char value[POLICY_VALUE_LEN];
	const char *key = example_key(a, value);
	if (!key)
		return JUSTE_OK;
	return err_set(e, JUSTE_EDENIED,
		N_("l'identité du centre est celle de l'exemple livré (%s %s) : réglez-la avec juste settings set "
		   "centre.tps_number …, centre.tvq_number …, centre.name … et centre.address … (admin) avant "
		   "d'émettre une facture"), key, value);
}

bool centre_example_finding(struct app *a, char *buf, size_t n)
{
	char value[POLICY_VALUE_LEN];
	const char *key = example_key(a, value);
	if (!key)
		return false;
	snprintf(buf, n, _("identité du centre : celle de l'exemple livré (%s %s) ; aucune facture ne peut être "
		"émise avant juste settings set centre.tps_number … et centre.tvq_number …"), key, value);
	return true;
}
