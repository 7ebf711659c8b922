/*
 * complete.c - mandate codes and logins for bash completion, filtered by
 * role before anything leaves the app layer.
 */
#include <string.h>

#include "app/app_internal.h"
#include "juste/complete.h"
#include "juste/i18n.h"

struct walk {
	const char *prefix;
	size_t len;
	const char *open_on;    /* ISO date: only mandates open that day; NULL: all */
	complete_cb cb;
	void *ctx;
};

static int on_mandate(void *p, const struct mandate *m)
{
	struct walk *w = p;
	if (strncmp(m->code, w->prefix, w->len) != 0)
		return 0;
	if (w->open_on && (strcmp(m->opened_on, w->open_on) > 0 ||
	    (m->closed_on[0] && strcmp(m->closed_on, w->open_on) < 0)))
		return 0;
	return w->cb(w->ctx, m->code);
}

juste_status complete_mandates(struct app *a, const char *prefix, complete_cb cb, void *ctx,
	struct juste_err *e)
{
	juste_status st = app_require(a, ROLE_ANY, _("compléter les codes de mandat"), e);
	if (st)
		return st;
	char today[ISO_LEN];
	date_format(app_today(), today);
	struct walk w = { prefix ? prefix : "", 0, (a->role & ROLE_OFFICE) ? NULL : today, cb, ctx };
	w.len = strlen(w.prefix);
	return store_mandate_list(a->store, on_mandate, &w, e);
}

static int on_expert(void *p, const struct expert *x)
{
	struct walk *w = p;
	return strncmp(x->login, w->prefix, w->len) == 0 ? w->cb(w->ctx, x->login) : 0;
}

juste_status complete_logins(struct app *a, const char *prefix, complete_cb cb, void *ctx,
	struct juste_err *e)
{
	juste_status st = app_require(a, ROLE_ANY, _("compléter les logins"), e);
	if (st)
		return st;
	struct walk w = { prefix ? prefix : "", 0, NULL, cb, ctx };
	w.len = strlen(w.prefix);
	if (!(a->role & ROLE_OFFICE)) {
		on_expert(&w, &a->user);
		return JUSTE_OK;
	}
	return store_expert_list(a->store, on_expert, &w, e);
}
