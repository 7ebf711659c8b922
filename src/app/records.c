/*
 * records.c - reading and changing the centre's records (see records.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_internal.h"
#include "juste/i18n.h"
#include "juste/records.h"
#include "juste/rules.h"

#define ROLES_MANAGE (ROLE_GESTIONNAIRE | ROLE_ADMIN)

/* --------------------------------------------------------------- lists */

juste_status records_orgs(struct app *a, records_org_cb cb, void *ctx, struct juste_err *e)
{
	juste_status st = app_require(a, ROLES_MANAGE, _("consulter les organisations"), e);
	return st ? st : store_org_list(a->store, cb, ctx, e);
}

juste_status records_experts(struct app *a, records_expert_cb cb, void *ctx, struct juste_err *e)
{
	juste_status st = app_require(a, ROLES_MANAGE, _("consulter les experts"), e);
	return st ? st : store_expert_list(a->store, cb, ctx, e);
}

juste_status records_refs(struct app *a, enum ref_kind k, records_ref_cb cb, void *ctx, struct juste_err *e)
{
	juste_status st = app_require(a, ROLES_MANAGE, _("consulter les services et programmes"), e);
	return st ? st : store_ref_list(a->store, k, cb, ctx, e);
}

juste_status records_mandates(struct app *a, records_mandate_cb cb, void *ctx, struct juste_err *e)
{
	juste_status st = app_require(a, ROLES_MANAGE, _("consulter les mandats"), e);
	return st ? st : store_mandate_list(a->store, cb, ctx, e);
}

/* One organisation or mandate: every office role reads them (the billing
 * desk looks up a client's address and a mandate's rate), an expert none. */
juste_status records_org_get(struct app *a, const char *code, struct org *out, struct juste_err *e)
{
	juste_status st = app_require(a, ROLE_OFFICE, _("consulter les organisations"), e);
	return st ? st : store_org_get(a->store, code, out, e);
}

juste_status records_org_language(struct app *a, const char *code, char language[3], struct juste_err *e)
{
	struct org o;
	juste_status st = records_org_get(a, code, &o, e);
	if (!st)
		snprintf(language, 3, "%s", o.language[0] ? o.language : vocab_language_word(LANGUAGE_FR));
	return st;
}

juste_status records_mandate_get(struct app *a, const char *code, struct mandate *out, struct juste_err *e)
{
	juste_status st = app_require(a, ROLE_OFFICE, _("consulter les mandats"), e);
	return st ? st : store_mandate_get(a->store, code, out, e);
}

/* ------------------------------------------------------------- changes */

juste_status records_may_change(const struct app *a, const char *what, struct juste_err *e)
{
	return app_require(a, ROLE_ADMIN, what, e);
}

/* A lookup expected to find nothing (create) or something (update). */
static juste_status expect(juste_status got, const struct juste_err *scratch, int create, const char *field,
	const char *what, const char *code, struct juste_err *e)
{
	if (create) {
		if (got == JUSTE_ENOTFOUND)
			return JUSTE_OK;
		if (got == JUSTE_OK)
			return err_set_field(e, field, JUSTE_ECONFLICT, N_("%s '%s' existe déjà"), what, code);
	} else {
		if (got == JUSTE_OK)
			return JUSTE_OK;
		if (got == JUSTE_ENOTFOUND)
			return err_set_field(e, field, JUSTE_ENOTFOUND, N_("%s '%s' inconnu(e)"), what, code);
	}
	if (e)
		*e = *scratch;
	return got;
}

juste_status records_org_save(struct app *a, struct org *o, int create, struct juste_err *e)
{
	juste_status st = records_may_change(a, _("modifier les organisations"), e);
	if (st || (st = rules_org_validate(o, e)))
		return st;
	struct org old;
	struct juste_err scratch = { 0 };
	st = store_org_get(a->store, o->code, &old, &scratch);
	if ((st = expect(st, &scratch, create, "code", _("l'organisation"), o->code, e)))
		return st;
	if (o->parent[0]) {
		/* the parent exists, and is neither the organisation nor below it */
		char cur[CODE_LEN];
		snprintf(cur, sizeof cur, "%s", o->parent);
		for (int depth = 0; depth < 1000 && cur[0]; depth++) {
			struct org p;
			if (strcmp(cur, o->code) == 0)
				return err_set_field(e, "parent", JUSTE_EINVAL,
					N_("les parents de '%s' forment une boucle"), o->code);
			st = store_org_get(a->store, cur, &p, &scratch);
			if (st == JUSTE_ENOTFOUND)
				return err_set_field(e, "parent", JUSTE_ENOTFOUND,
					N_("organisation parente inconnue '%s'"), cur);
			if (st) {
				if (e)
					*e = scratch;
				return st;
			}
			snprintf(cur, sizeof cur, "%s", p.parent);
		}
	}
	if (create)
		return store_org_insert(a->store, o, e);
	o->id = old.id;
	snprintf(o->uuid, sizeof o->uuid, "%s", old.uuid);
	return store_org_update(a->store, o, e);
}

juste_status records_expert_save(struct app *a, struct expert *x, int create, struct juste_err *e)
{
	juste_status st = records_may_change(a, _("modifier les experts"), e);
	if (st || (st = rules_expert_validate(x, e)))
		return st;
	struct expert old;
	struct juste_err scratch = { 0 };
	st = store_expert_get(a->store, x->login, &old, &scratch);
	if ((st = expect(st, &scratch, create, "login", _("l'expert"), x->login, e)))
		return st;
	if (create)
		return store_expert_insert(a->store, x, e);
	/* an admin does not take away their own last admin right by mistake */
	if (strcmp(old.login, a->user.login) == 0 && x->role != ROLE_ADMIN)
		return err_set_field(e, "role", JUSTE_EINVAL, N_("vous ne pouvez pas retirer votre propre rôle admin"));
	x->id = old.id;
	snprintf(x->uuid, sizeof x->uuid, "%s", old.uuid);
	return store_expert_update(a->store, x, e);
}

juste_status records_ref_save(struct app *a, enum ref_kind k, struct refitem *r, int create, struct juste_err *e)
{
	juste_status st = records_may_change(a, _("modifier les services et programmes"), e);
	if (st || (st = rules_ref_validate(r, e)))
		return st;
	struct refitem old;
	struct juste_err scratch = { 0 };
	st = store_ref_get(a->store, k, r->code, &old, &scratch);
	if ((st = expect(st, &scratch, create, "code", k == REF_SERVICE ? _("le service") : _("le programme"),
		r->code, e)))
		return st;
	if (create)
		return store_ref_insert(a->store, k, r, e);
	r->id = old.id;
	snprintf(r->uuid, sizeof r->uuid, "%s", old.uuid);
	return store_ref_update(a->store, k, r, e);
}

/* JUSTE_ECONFLICT naming the first entry after `date` matching f. */
static int on_any(void *ctx, const struct entry *x)
{
	*(struct entry *)ctx = *x;
	return 1;
}

static juste_status none_after(struct app *a, struct entry_filter *f, const char *date, const char *field,
	struct juste_err *e)
{
	date_t d;
	juste_status st = date_parse(date, &d, e);
	if (st)
		return err_set_field(e, field, st, N_("%s : date invalide '%s'"), field, date);
	char next[ISO_LEN];
	date_format(d + 1, next);
	f->from = next;
	struct entry *x = calloc(1, sizeof *x);
	if (!x)
		return err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	st = store_entry_query(a->store, f, on_any, x, e);
	if (!st && x->id)
		st = err_set_field(e, field, JUSTE_ECONFLICT,
			N_("la saisie #%lld du %s (%s, %s) est postérieure au %s"), (long long)x->id,
			x->work_date, x->expert, x->mandate, date);
	free(x);
	return st;
}

juste_status records_mandate_save(struct app *a, struct mandate *m, int create, struct juste_err *e)
{
	juste_status st = records_may_change(a, _("modifier les mandats"), e);
	if (st)
		return st;
	if (m->beneficiary[0] == '\0')
		memcpy(m->beneficiary, m->client, sizeof m->beneficiary);
	if ((st = rules_mandate_validate(m, e)))
		return st;
	struct mandate *old = malloc(sizeof *old);
	if (!old)
		return err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	struct juste_err scratch = { 0 };
	st = store_mandate_get(a->store, m->code, old, &scratch);
	st = expect(st, &scratch, create, "code", _("le mandat"), m->code, e);
	if (!st && !create && m->closed_on[0]) {
		struct entry_filter f = { .mandate = m->code };
		st = none_after(a, &f, m->closed_on, "closed_on", e);
	}
	if (!st) {
		if (create) {
			st = store_mandate_insert(a->store, m, e);
		} else {
			m->id = old->id;
			snprintf(m->uuid, sizeof m->uuid, "%s", old->uuid);
			st = store_mandate_update(a->store, m, e);
		}
	}
	free(old);
	return st;
}

juste_status records_mandate_close(struct app *a, const char *code, const char *date, struct juste_err *e)
{
	juste_status st = records_may_change(a, _("fermer un mandat"), e);
	if (st)
		return st;
	struct mandate *m = malloc(sizeof *m);
	if (!m)
		return err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	st = store_mandate_get(a->store, code, m, e);
	if (!st) {
		snprintf(m->closed_on, sizeof m->closed_on, "%s", date);
		st = records_mandate_save(a, m, 0, e);
	}
	free(m);
	return st;
}

juste_status records_expert_deactivate(struct app *a, const char *login, const char *date, struct juste_err *e)
{
	juste_status st = records_may_change(a, _("désactiver un expert"), e);
	if (st)
		return st;
	struct expert x;
	if ((st = store_expert_get(a->store, login, &x, e)))
		return st;
	struct entry_filter f = { .expert = login };
	if ((st = none_after(a, &f, date, "left_on", e)))
		return st;
	snprintf(x.left_on, sizeof x.left_on, "%s", date);
	return records_expert_save(a, &x, 0, e);
}
