/*
 * settings.c - the centre's policy as the admin sees and changes it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_internal.h"
#include "juste/i18n.h"
#include "juste/settings.h"
#include "juste/store_settings.h"

struct rows {
	struct setting_view *v;
	size_t n, cap;
	juste_status st;
};

static int keep_row(void *ctx, const struct setting_row *r)
{
	struct rows *rs = ctx;
	const struct policy_key *k = policy_key_find(r->key);
	if (!k)
		return 0;          /* app_policy_load already refuses such a row */
	if (rs->n == rs->cap) {
		size_t cap = rs->cap ? rs->cap * 2 : 16;
		struct setting_view *nv = realloc(rs->v, cap * sizeof *nv);
		if (!nv) {
			rs->st = JUSTE_ENOMEM;
			return 1;
		}
		rs->v = nv;
		rs->cap = cap;
	}
	struct setting_view *v = &rs->v[rs->n++];
	memset(v, 0, sizeof *v);
	v->key = k;
	snprintf(v->valid_from, sizeof v->valid_from, "%s", r->valid_from);
	snprintf(v->value, sizeof v->value, "%s", r->value);
	return 0;
}

juste_status settings_list(struct app *a, date_t on, settings_cb cb, void *ctx, struct juste_err *e)
{
	struct rows rs = { 0 };
	juste_status st = store_setting_list(a->store, keep_row, &rs, e);
	if (!st && rs.st)
		st = err_set(e, rs.st, N_("mémoire insuffisante"));
	struct policy defaults;
	policy_defaults(&defaults);
	for (size_t i = 0; !st && i < policy_key_count(); i++) {
		const struct policy_key *k = policy_key_at(i);
		size_t first = rs.n, count = 0;
		for (size_t j = 0; j < rs.n; j++)
			if (rs.v[j].key == k) {
				if (!count)
					first = j;
				count++;
			}
		if (!count) {
			struct setting_view v = { .key = k, .is_default = true, .in_force = true };
			st = policy_get(&defaults, k->name, on, v.value, sizeof v.value, e);
			if (!st && cb(ctx, &v))
				break;
			continue;
		}
		/* rows of one key are adjacent and ascending by date ("" first);
		 * a dated key without a row for "always" still has its default
		 * before the first date */
		struct setting_view base = { .key = k, .is_default = true };
		bool has_base = rs.v[first].valid_from[0] != '\0';
		if (has_base) {
			date_t from;
			st = policy_get(&defaults, k->name, on, base.value, sizeof base.value, e);
			base.in_force = date_parse(rs.v[first].valid_from, &from, NULL) == JUSTE_OK && on < from;
			if (!st && cb(ctx, &base))
				break;
			if (st)
				break;
		}
		size_t force = first;
		for (size_t j = first; j < first + count; j++) {
			date_t from;
			if (!rs.v[j].valid_from[0] || (date_parse(rs.v[j].valid_from, &from, NULL) == JUSTE_OK && from <= on))
				force = j;
		}
		int stop = 0;
		for (size_t j = first; j < first + count && !stop; j++) {
			rs.v[j].in_force = j == force && !base.in_force;
			stop = cb(ctx, &rs.v[j]);
		}
		if (stop)
			break;
	}
	free(rs.v);
	return st;
}

juste_status settings_set(struct app *a, const char *key, const char *valid_from, const char *value,
	struct juste_err *e)
{
	juste_status st = app_require(a, ROLE_ADMIN, _("changer la politique du centre"), e);
	if (st)
		return st;
	/* validated against a copy: a refused value leaves everything as it was */
	struct policy p = a->policy;
	if ((st = policy_set(&p, key, valid_from, value, e)))
		return st;
	/* stored in its canonical form (a real line break, "9.975"), so that
	 * reading it back gives the same value whatever was typed */
	date_t on = POLICY_ALWAYS;
	if (valid_from && *valid_from)
		date_parse(valid_from, &on, NULL);
	char canon[POLICY_VALUE_LEN];
	if ((st = policy_get(&p, key, on, canon, sizeof canon, e)))
		return st;
	struct setting_row r = { key, valid_from ? valid_from : "", canon };
	if ((st = store_setting_put(a->store, &r, e)))
		return st;
	return app_policy_load(a, e);
}

juste_status settings_unset(struct app *a, const char *key, const char *valid_from, struct juste_err *e)
{
	juste_status st = app_require(a, ROLE_ADMIN, _("changer la politique du centre"), e);
	if (st)
		return st;
	if (!policy_key_find(key))
		return err_set(e, JUSTE_EINVAL, N_("réglage inconnu : %s (voir juste settings show)"), key);
	if ((st = store_setting_delete(a->store, key, valid_from, e)))
		return st;
	return app_policy_load(a, e);
}
