/*
 * report.h - the annual activity report and the figures behind it: the
 * use cases the CLI and the TUI call (report_out.h and report_pdf.h write
 * it out).
 *
 * Promises:
 * - every figure comes from the database: hours from the entries (billable
 *   = mandates billed horaire or forfait, by work date), enterprises served
 *   = distinct beneficiaries with billable hours, members by join date,
 *   revenue from the issued invoices of the periods in the year, net of
 *   credit notes, pre-tax: an invoice counts in the fiscal year of the
 *   month it bills, a credit note with the invoice it corrects, whatever
 *   their issue dates (DOMAIN.md, revenue belongs to the period served);
 *   the actual products are the audited figure the manager entered when
 *   there is one (then the difference with the invoices is a
 *   reconciliation), else the invoices; expenses and budgets as entered;
 * - the model and every derived figure are the core's (annual.h,
 *   members.h): the CLI, the TUI and every format show the same struct
 *   annual_report and only format it;
 * - the ristourne shares add up exactly to the amount (largest remainder).
 *
 * Roles: the report, utilisation, members, ristourne, finance (read and
 * write), devaffaires add and import, the experts' gender and birth year:
 * gestionnaire, admin (the profile: admin only to write); devaffaires list:
 * office roles.
 */
#ifndef JUSTE_REPORT_H
#define JUSTE_REPORT_H

#include "juste/annual.h"
#include "juste/app.h"
#include "juste/figures.h"
#include "juste/members.h"

#define REPORT_FY_NAME ANNUAL_FY_NAME

/* Builds the report of fiscal year fy (2019 for 2019-2020).  Gestionnaire,
 * admin.  Free with annual_free(). */
juste_status report_annual_build(struct app *a, int fy, struct annual_report *r, struct juste_err *e);

/* The year a report shows when none is named: the last complete fiscal year
 * that has time logged (a centre that started using juste mid-way, or the
 * demo, would otherwise open on an empty year); the last complete one when
 * nothing was ever logged. */
int report_default_fy(struct app *a);

enum report_format { REPORT_TEXT, REPORT_MD, REPORT_CSV, REPORT_JSON, REPORT_PDF, REPORT_TABLE };
juste_status report_format_parse(const char *s, enum report_format *f, struct juste_err *e);

/* --- utilisation and members ------------------------------------------------ */

struct report_util_row {
	struct report_group g;
	int64_t capacity;                      /* experts only */
	int64_t holidays, absences;            /* what the capacity left out (experts) */
	struct figures_utilisation u;          /* logged, utilisation, billable share */
};
typedef int (*report_util_cb)(void *ctx, const struct report_util_row *row);
/* Rows by `by` over [from, to]; *total sums them (capacity included) and
 * carries its own figures. */
juste_status report_utilisation(struct app *a, const char *from, const char *to, enum report_by by,
	report_util_cb cb, void *ctx, struct report_util_row *total, struct juste_err *e);
juste_status report_by_parse(const char *s, enum report_by *by, struct juste_err *e);

/* Revenue per client of fiscal year fy, each row with its share, and the
 * share of operations with members.  *m is the caller's: members_free(). */
juste_status report_members(struct app *a, int fy, struct members_report *m, struct juste_err *e);

/* --- ristourne ------------------------------------------------------------- */

/* The allocation among eligible members (vocab_category_with_members) with
 * positive business in fy, by code.  members_ristourne_free(). */
juste_status report_ristourne_compute(struct app *a, int fy, int64_t amount_cents, struct members_ristourne *r,
	struct juste_err *e);

/* --- data the manager enters ---------------------------------------------- */

juste_status report_finance_set(struct app *a, const struct finance_year *f, struct juste_err *e);
juste_status report_finance_get(struct app *a, int fy, struct finance_year *f, struct juste_err *e);
/* Columns fy,actual_products,actual_expenses,budget_products,budget_expenses
 * (any order; fy and at least one other; empty cell = unchanged); amounts
 * in dollars.  All or nothing; "FILE:LINE: why".  *rows = years set. */
juste_status report_finance_import(struct app *a, const char *path, long *rows, struct juste_err *e);

juste_status report_devaffaire_add(struct app *a, struct devaffaire *d, struct juste_err *e);
/* Columns date,kind,partner,name; all or nothing. */
juste_status report_devaffaire_import(struct app *a, const char *path, long *rows, struct juste_err *e);
typedef int (*report_devaffaire_cb)(void *ctx, const struct devaffaire *d);
juste_status report_devaffaire_list(struct app *a, const char *from, const char *to, report_devaffaire_cb cb,
	void *ctx, struct juste_err *e);

/* `juste expert set LOGIN --gender F --birth-year 1975`: gender "" clears
 * it and NULL keeps it; birth_year 0 clears it and -1 keeps it.  Admin. */
juste_status report_expert_profile(struct app *a, const char *login, const char *gender, int birth_year,
	struct juste_err *e);

#endif
