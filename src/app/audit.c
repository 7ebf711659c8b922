/*
 * audit.c - reading the audit log, with codes and UUIDs where the log
 * keeps row ids.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_internal.h"
#include "juste/audit.h"
#include "juste/i18n.h"
#include "juste/store_audit.h"

juste_status audit_allowed(const struct app *a, struct juste_err *e)
{
	return app_require(a, ROLE_GESTIONNAIRE | ROLE_ADMIN, _("lire le journal"), e);
}

struct audit_walk {
	struct app *a;
	audit_row_cb cb;
	void *ctx;
	juste_status st;
	struct juste_err *e;
};

/* The JSON of a row with each "x_id": N replaced by "x": its code, in
 * the same place.  NULL when text is NULL; text itself when it is not an
 * object.  *owned tells whether the result is to be freed. */
static const char *with_codes(struct audit_walk *w, const char *text, json_t **parsed, char **owned)
{
	*owned = NULL;
	*parsed = NULL;
	if (!text)
		return NULL;
	json_t *in = json_loads(text, 0, NULL);
	if (!json_is_object(in)) {
		json_decref(in);
		return text;
	}
	json_t *out = json_object();
	const char *key;
	json_t *v;
	json_object_foreach(in, key, v) {
		size_t n = strlen(key);
		if (n > 3 && strcmp(key + n - 3, "_id") == 0 && (json_is_integer(v) || json_is_null(v))) {
			char name[64], code[LOGIN_LEN];
			bool found = false;
			snprintf(name, sizeof name, "%.*s", (int)(n - 3), key);
			if (json_is_integer(v) && w->st == JUSTE_OK)
				w->st = store_audit_ref(w->a->store, key, json_integer_value(v), code, sizeof code, &found, w->e);
			json_object_set_new(out, name, found ? json_string(code) : json_null());
		} else {
			json_object_set(out, key, v);
		}
	}
	*owned = json_dumps(out, JSON_COMPACT | JSON_PRESERVE_ORDER);
	*parsed = in;
	json_decref(out);
	return *owned ? *owned : text;
}

static void from_json(json_t *o, const char *const *keys, char *out, size_t n)
{
	for (int i = 0; keys[i] && !out[0]; i++) {
		json_t *v = json_object_get(o, keys[i]);
		if (json_is_string(v))
			snprintf(out, n, "%s", json_string_value(v));
		else if (json_is_integer(v))
			snprintf(out, n, "%lld", (long long)json_integer_value(v));
	}
}

static int on_row(void *p, const struct audit_row *r)
{
	struct audit_walk *w = p;
	struct audit_view v;
	memset(&v, 0, sizeof v);
	v.row = r;
	json_t *jb, *ja;
	char *ob, *oa;
	w->st = store_audit_entity(w->a->store, r->entity, r->entity_id, v.uuid, v.code, sizeof v.code, w->e);
	v.before = with_codes(w, r->before, &jb, &ob);
	v.after = with_codes(w, r->after, &ja, &oa);
	/* a row gone (deleted) is named by what the log kept of it */
	static const char *const uuid_keys[] = { "uuid", NULL };
	static const char *const code_keys[] = { "code", "login", "number", "month", "key", "fy", NULL };
	json_t *kept[] = { ja, jb };
	for (int i = 0; i < 2; i++) {
		if (!v.uuid[0])
			from_json(kept[i], uuid_keys, v.uuid, sizeof v.uuid);
		if (!v.code[0] && r->entity != ENTITY_ENTRY)
			from_json(kept[i], code_keys, v.code, sizeof v.code);
	}
	int stop = w->st != JUSTE_OK || w->cb(w->ctx, &v);
	free(ob);
	free(oa);
	json_decref(jb);
	json_decref(ja);
	return stop;
}

juste_status audit_list(struct app *a, const struct audit_filter *f, audit_row_cb cb, void *ctx,
	struct juste_err *e)
{
	juste_status st = audit_allowed(a, e);
	if (st)
		return st;
	struct audit_walk w = { a, cb, ctx, JUSTE_OK, e };
	st = store_audit_query(a->store, f, on_row, &w, e);
	return st ? st : w.st;
}
