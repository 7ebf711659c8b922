/*
 * settings.h - `juste settings`: reading and setting the centre's policy
 * (policy.h) held in the database.  Anyone may read it; only an admin sets
 * it, and every change is audited.
 */
#ifndef JUSTE_SETTINGS_H
#define JUSTE_SETTINGS_H

#include <stdbool.h>
#include "juste/app.h"
#include "juste/policy.h"

/* One line of `settings show`: a key with the value it has from a date
 * ("" = always), or its default when the database holds none. */
struct setting_view {
	const struct policy_key *key;
	char valid_from[ISO_LEN];
	char value[POLICY_VALUE_LEN];
	bool is_default;
	bool in_force;              /* the value that applies on the day asked */
};
typedef int (*settings_cb)(void *ctx, const struct setting_view *v);

/* Every key in table order, dated keys with each of their values. */
juste_status settings_list(struct app *a, date_t on, settings_cb cb, void *ctx, struct juste_err *e);

/* Admin.  Validates as the policy does, writes, and reloads app_policy(a).
 * valid_from "" or NULL for an undated key (or a dated key's value that
 * always applied). */
juste_status settings_set(struct app *a, const char *key, const char *valid_from, const char *value,
	struct juste_err *e);

/* Admin.  Back to the default (or, for a dated key, drops that date). */
juste_status settings_unset(struct app *a, const char *key, const char *valid_from, struct juste_err *e);

#endif
