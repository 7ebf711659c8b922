/*
 * report.h - the annual activity report and the figures behind it: the
 * use cases the CLI and the TUI call (report_out.h and report_pdf.h write
 * it out).
 *
 * Promises:
 * - every figure comes from the database: hours from the entries (billable
 *   = mandates billed horaire or forfait, by work date), enterprises served
 *   = distinct beneficiaries with billable hours, members by join date,
 *   products from the issued invoices net of credit notes, pre-tax, by
 *   issue date (a credit note reduces the year it is issued in), expenses
 *   and budgets as the manager entered them; the entered actual products
 *   are used only for a year without any issued invoice (kept before juste);
 * - the CLI and the TUI show the same struct report_annual;
 * - the ristourne shares add up exactly to the amount (largest remainder).
 *
 * Roles: the report, utilisation, members, ristourne, finance (read and
 * write), devaffaires add and import, the experts' gender and birth year:
 * gestionnaire, admin (the profile: admin only to write); devaffaires list:
 * office roles.
 */
#ifndef JUSTE_REPORT_H
#define JUSTE_REPORT_H

#include "juste/app.h"
#include "juste/figures.h"

#define REPORT_FY_NAME 16
#define REPORT_HIST 5            /* years of the full-management share */

/* What one fiscal year's activity was. */
struct report_year {
	int fy;
	char name[REPORT_FY_NAME];             /* "2019-2020" */
	char first[ISO_LEN], last[ISO_LEN];
	int64_t billable_minutes, internal_minutes;
	char months[12][8];                    /* "2019-04" .. "2020-03" */
	int64_t month_billable[12];
	int64_t beneficiaries;
	int64_t members_at_end, new_members;
	/* issued invoices and credit notes, pre-tax, by issue date */
	int64_t invoiced_cents, credited_cents, net_cents;
	int64_t invoices, credits;
	int64_t revenue_by_category[CATEGORY_COUNT];   /* net */
	int64_t revenue_full_management;       /* members sous entière gestion */
	int64_t revenue_other_members;         /* other clients counted with members */
	int64_t revenue_with_members;          /* operations with members (vocab_category_with_members) */
	struct finance_year fin;               /* as entered */
	int has_products;                      /* products_cents has a value */
	int products_from_invoices;            /* 1: invoices; 0: entered */
	int64_t products_cents;
};

struct report_program {
	char code[CODE_LEN];                   /* "" = no program */
	char name[NAME_LEN];
	int64_t minutes[2];                    /* [0] previous year, [1] the year */
	int64_t revenue_cents[2];
};

struct report_expert {
	char login[LOGIN_LEN];
	char name[NAME_LEN];
	enum expert_function function;
	int64_t billable, internal, capacity;  /* minutes */
};

struct report_dev_name {
	enum dev_partner partner;
	enum dev_kind kind;
	char name[NAME_LEN];
	int64_t n;
};

struct report_annual {
	int fy;
	struct fy_start fs;
	/* [0] fy-2 (hours and members only, for last year's growth),
	 * [1] the previous year, [2] the year */
	struct report_year y[3];
	struct finance_year next;              /* the next year's budget */
	/* members sous entière gestion vs other members, oldest first */
	int nhist;
	struct { int fy; char name[REPORT_FY_NAME]; int64_t full_management, other_members; } hist[REPORT_HIST];
	/* people in post on the last day of the year */
	int64_t people_by_function[FUNCTION_COUNT];
	int64_t people, women, men, other_gender, unknown_gender;
	int64_t age_sum, age_n;                /* ages on the last day's calendar year */
	struct report_program *programs;
	size_t nprograms;
	struct report_expert *experts;        /* by name, in French order */
	size_t nexperts;
	int64_t capacity_total, billable_total;   /* of experts with a capacity */
	int64_t dev_counts[PARTNER_COUNT][DEV_KIND_COUNT];
	struct report_dev_name *dev_names;
	size_t ndev_names;
};

/* Builds the report of fiscal year fy (2019 for 2019-2020).  Gestionnaire,
 * admin.  Free with report_annual_free(). */
juste_status report_annual_build(struct app *a, int fy, struct report_annual *r, struct juste_err *e);

/* The year a report shows when none is named: the last complete fiscal year
 * that has time logged (a centre that started using juste mid-way, or the
 * demo, would otherwise open on an empty year); the last complete one when
 * nothing was ever logged. */
int report_default_fy(struct app *a);
void report_annual_free(struct report_annual *r);   /* NULL ok */

enum report_format { REPORT_TEXT, REPORT_MD, REPORT_CSV, REPORT_JSON, REPORT_PDF, REPORT_TABLE };
juste_status report_format_parse(const char *s, enum report_format *f, struct juste_err *e);


/* Derived figures, the same for every output. */
struct report_derived {
	int hours_growth_ok, prev_hours_growth_ok, members_growth_ok, members_prev_ok;
	int64_t hours_growth, prev_hours_growth, members_growth;
	int variance_products_ok, variance_expenses_ok;
	int64_t variance_products, variance_expenses;
	int surplus_ok[4];                     /* prev actual, actual, budget, next budget */
	int64_t surplus[4];
	int members_share_ok;
	int64_t members_share;                 /* operations with members */
	int cat_growth_ok[CATEGORY_COUNT];
	int64_t cat_growth[CATEGORY_COUNT];
	int women_ok, men_ok, age_ok, utilisation_ok;
	int64_t women, men, age, utilisation;  /* tenths */
};
void report_derive(const struct report_annual *r, struct report_derived *d);

/* --- utilisation and members ------------------------------------------------ */

struct report_util_row {
	struct report_group g;
	int64_t capacity;                      /* experts only */
};
typedef int (*report_util_cb)(void *ctx, const struct report_util_row *row);
/* Rows by `by` over [from, to]; *total sums them (capacity included). */
juste_status report_utilisation(struct app *a, const char *from, const char *to, enum report_by by,
	report_util_cb cb, void *ctx, struct report_util_row *total, struct juste_err *e);
juste_status report_by_parse(const char *s, enum report_by *by, struct juste_err *e);

struct report_member_row {
	struct report_client c;
	int64_t net_cents;
	int with_members;                      /* vocab_category_with_members */
};
typedef int (*report_member_cb)(void *ctx, const struct report_member_row *row);
/* Revenue per client of the year; *with_members and *total_cents the sums. */
juste_status report_members(struct app *a, int fy, report_member_cb cb, void *ctx, int64_t *with_members_cents,
	int64_t *total_cents, struct juste_err *e);

/* --- ristourne ------------------------------------------------------------- */

struct report_ristourne_row {
	char code[CODE_LEN];
	char name[NAME_LEN];
	enum org_category category;
	int64_t business_cents;                /* pre-tax, net of credit notes */
	int64_t share_cents;
};
/* The allocation among eligible members (vocab_category_with_members) with positive
 * business in fy; *rows malloc'd (caller frees), by code. */
juste_status report_ristourne_compute(struct app *a, int fy, int64_t amount_cents,
	struct report_ristourne_row **rows, size_t *n, struct juste_err *e);

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
