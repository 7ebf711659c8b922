/*
 * records.h - the records of the centre as the Données screen and the
 * `juste org|mandate|expert` commands read and change them: organisations,
 * experts, services, funding programs and mandates.
 *
 * Changes go through the same validation as import (rules_*_validate,
 * then the store), so a form refuses what `juste import` refuses, with the
 * field named in err.field.  Each change is one statement or one
 * transaction.
 *
 * Roles: lists: gestionnaire, admin; one record: office roles; changes:
 * admin.
 */
#ifndef JUSTE_RECORDS_H
#define JUSTE_RECORDS_H

#include "juste/app.h"
#include "juste/model.h"

/* --- lists (gestionnaire, admin) -------------------------------------------- */

typedef int (*records_org_cb)(void *ctx, const struct org *o);
typedef int (*records_expert_cb)(void *ctx, const struct expert *x);
typedef int (*records_ref_cb)(void *ctx, const struct refitem *r);
typedef int (*records_mandate_cb)(void *ctx, const struct mandate *m);
juste_status records_orgs(struct app *a, records_org_cb cb, void *ctx, struct juste_err *e);
juste_status records_experts(struct app *a, records_expert_cb cb, void *ctx, struct juste_err *e);
juste_status records_refs(struct app *a, enum ref_kind k, records_ref_cb cb, void *ctx, struct juste_err *e);
juste_status records_mandates(struct app *a, records_mandate_cb cb, void *ctx, struct juste_err *e);
/* One record by code: office roles (the billing desk reads them too). */
juste_status records_org_get(struct app *a, const char *code, struct org *out, struct juste_err *e);
juste_status records_mandate_get(struct app *a, const char *code, struct mandate *out, struct juste_err *e);
/* The language an organisation's documents and mails are written in ("fr"
 * or "en", French when it says nothing), for i18n_document_begin: office
 * roles. */
juste_status records_org_language(struct app *a, const char *code, char language[3], struct juste_err *e);

/* --- changes (admin) -------------------------------------------------------- */

/* JUSTE_EDENIED, "permission refusée : <what> (rôle ...)", unless the
 * effective user may change the centre's records (an admin).  With e NULL
 * it only answers, as a screen asks to show a record read-only; every
 * change below checks it itself. */
juste_status records_may_change(const struct app *a, const char *what, struct juste_err *e);

/* create: refuses a code or login that exists (field "code" / "login");
 * else updates the record with that code or login (id from the store). */
juste_status records_org_save(struct app *a, struct org *o, int create, struct juste_err *e);
juste_status records_expert_save(struct app *a, struct expert *x, int create, struct juste_err *e);
juste_status records_ref_save(struct app *a, enum ref_kind k, struct refitem *r, int create, struct juste_err *e);
/* The beneficiary defaults to the client, as in import. */
juste_status records_mandate_save(struct app *a, struct mandate *m, int create, struct juste_err *e);

/* closed_on = date (after its last entry and not before it opened). */
juste_status records_mandate_close(struct app *a, const char *code, const char *date, struct juste_err *e);
/* left_on = date: an expert who left logs no more after it. */
juste_status records_expert_deactivate(struct app *a, const char *login, const char *date, struct juste_err *e);

#endif
