/*
 * store_report.h - what the annual report reads and the few records it
 * adds: finance figures per fiscal year, the business-development log,
 * the experts' optional gender and birth year, and the aggregates the
 * report is made of.  Only src/store/store_report.c implements these.
 *
 * Every aggregate is computed by SQLite with bound parameters; what comes
 * back is one row per group (a month, an organisation, an expert...), never
 * one row per entry.  Dates are ISO text, ranges inclusive.  "Billable"
 * means on a mandate billed `horaire` or `forfait`; "internal" on a
 * `non_facturable` one.
 */
#ifndef JUSTE_STORE_REPORT_H
#define JUSTE_STORE_REPORT_H

#include <stdint.h>
#include "juste/store.h"

/* --- finance figures entered by the manager ------------------------------ */

/* Sets the fields named in f->has (others are kept), creating the year. */
/* The latest work date before `before` ("" when none): the index answers. */
juste_status store_report_last_work_date(struct store *s, const char *before, char out[ISO_LEN], struct juste_err *e);

juste_status store_report_finance_set(struct store *s, const struct finance_year *f, struct juste_err *e);
/* out->has = 0 when nothing was entered for fy. */
juste_status store_report_finance_get(struct store *s, int fy, struct finance_year *out, struct juste_err *e);

/* --- business development -------------------------------------------------- */

juste_status store_report_devaffaire_insert(struct store *s, struct devaffaire *d, struct juste_err *e);
typedef int (*store_devaffaire_cb)(void *ctx, const struct devaffaire *d);
/* Ordered by date, id; from/to NULL = open. */
juste_status store_report_devaffaire_list(struct store *s, const char *from, const char *to,
	store_devaffaire_cb cb, void *ctx, struct juste_err *e);
/* One row per (partner, kind, name) in [from, to], with how many times,
 * ordered by partner, kind, first date. */
typedef int (*store_devaffaire_count_cb)(void *ctx, enum dev_partner partner, enum dev_kind kind,
	const char *name, int64_t n);
juste_status store_report_devaffaire_count(struct store *s, const char *from, const char *to,
	store_devaffaire_count_cb cb, void *ctx, struct juste_err *e);

/* --- people -------------------------------------------------------------------- */

/* gender "F", "M", "X", "" (clears it) or NULL (kept); birth_year > 0,
 * 0 (clears it) or -1 (kept). */
juste_status store_report_expert_profile_set(struct store *s, const char *login, const enum gender *gender,
	int birth_year, struct juste_err *e);

typedef int (*store_person_cb)(void *ctx, const struct report_person *p);
/* Experts in post on `at` (started on or before, not left before); every
 * expert when at is NULL.  By login. */
juste_status store_report_people(struct store *s, const char *at, store_person_cb cb, void *ctx,
	struct juste_err *e);

/* --- time ------------------------------------------------------------------- */

/* Minutes per month ("2020-03") over [from, to], billable and internal. */
typedef int (*store_report_month_cb)(void *ctx, const char *month, int64_t billable, int64_t internal);
juste_status store_report_minutes_by_month(struct store *s, const char *from, const char *to,
	store_report_month_cb cb, void *ctx, struct juste_err *e);

/* Distinct beneficiaries with billable minutes in [from, to]. */
juste_status store_report_beneficiaries(struct store *s, const char *from, const char *to, int64_t *n,
	struct juste_err *e);

typedef int (*store_group_cb)(void *ctx, const struct report_group *g);
/* Minutes in [from, to] grouped by expert (login; every expert in post at
 * some point of the range, even without time), mandate, organisation (the
 * client billed), funding program or service; ordered by key. */
juste_status store_report_minutes_by(struct store *s, enum report_by by, const char *from, const char *to,
	store_group_cb cb, void *ctx, struct juste_err *e);

/* --- organisations ------------------------------------------------------------ */

/* Member organisations (membre, auxiliaire, soutien) in the centre at the
 * end of [first, last] (joined by `last`, not left by then) and of them
 * those who joined within it.  A member without join date counts as
 * always there. */
juste_status store_report_members(struct store *s, const char *first, const char *last, int64_t *at_end,
	int64_t *new_members, struct juste_err *e);

/* --- revenue ------------------------------------------------------------------- */

/* Revenue belongs to the period served (DOMAIN.md): these read the issued
 * invoices whose period ("2020-03") is in [first_period, last_period], and
 * each issued credit note with the invoice it corrects (in the range when
 * that invoice's period is), whatever their issue dates. */

/* Pre-tax amounts of those invoices and credit notes per client.  Clients
 * with neither are not listed.  By code. */
typedef int (*store_client_cb)(void *ctx, const struct report_client *c);
juste_status store_report_revenue_by_client(struct store *s, const char *first_period, const char *last_period,
	store_client_cb cb, void *ctx, struct juste_err *e);

/* The same, net, per funding program of the lines' mandates (code "" for
 * mandates without one).  A credit line without a mandate (a partial
 * credit) goes with the mandate of the first line of the invoice it
 * corrects. */
typedef int (*store_program_rev_cb)(void *ctx, const char *code, const char *name, int64_t net_cents);
juste_status store_report_revenue_by_program(struct store *s, const char *first_period, const char *last_period,
	store_program_rev_cb cb, void *ctx, struct juste_err *e);

#endif
