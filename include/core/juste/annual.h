/*
 * annual.h - the annual activity report as one model: a fiscal year beside
 * the one before, with every derived figure (growth, variance, shares,
 * percentages, ages, utilisation, surpluses) already computed, so that
 * text, Markdown, CSV, JSON, PDF and the screen only format it.  Pure: no
 * I/O, no SQL.
 *
 * The app asks the store for the raw aggregates and hands each row over
 * (annual_add_*: months, clients, programs, people, experts, business
 * development); annual_finish() then sorts the lists and derives the rest.
 * Raw fields the store answers in one number (beneficiaries, members, the
 * finance figures entered) are set directly.
 *
 * Revenue belongs to the period served (DOMAIN.md): the clients added to a
 * year are the issued invoices of the periods (months) of that year, and
 * each credit note with the invoice it corrects, whatever their issue
 * dates.  The products printed as actual are the audited figures the
 * manager entered (`finance`) when there are any, else the invoices; when
 * both exist and differ, `reconciliation` holds the difference (entered -
 * invoiced), which every output shows.
 */
#ifndef JUSTE_ANNUAL_H
#define JUSTE_ANNUAL_H

#include <stddef.h>
#include <stdint.h>

#include "juste/calendar.h"
#include "juste/date.h"
#include "juste/err.h"
#include "juste/figures.h"
#include "juste/model.h"
#include "juste/payments.h"

#define ANNUAL_FY_NAME 16
#define ANNUAL_MONTHS 12
#define ANNUAL_HIST 5            /* years of the full-management share */

/* Where a year's actual products come from. */
enum annual_products_source {
	ANNUAL_PRODUCTS_NONE,        /* neither invoices nor an entered figure */
	ANNUAL_PRODUCTS_INVOICES,    /* the invoices of its periods */
	ANNUAL_PRODUCTS_ENTERED      /* the audited figure the manager entered */
};

/* What one fiscal year's activity was. */
struct annual_year {
	int fy;
	char name[ANNUAL_FY_NAME];             /* "2019-2020" */
	char first[ISO_LEN], last[ISO_LEN];
	/* the months of the year, "2019-04" .. "2020-03": those of the hours'
	 * chart and the periods whose invoices are the year's revenue (a year
	 * starting mid-month counts the month of its first day) */
	char months[ANNUAL_MONTHS][8];

	/* --- raw: what the store counted ---------------------------------- */
	int64_t billable_minutes, internal_minutes;
	int64_t month_billable[ANNUAL_MONTHS];
	int64_t beneficiaries;
	int64_t members_at_end, new_members;
	/* issued invoices and credit notes of the year's periods, pre-tax */
	int64_t invoiced_cents, credited_cents;
	int64_t invoices, credits;
	struct finance_year fin;               /* as entered */

	/* --- derived ------------------------------------------------------ */
	int64_t net_cents;                     /* invoiced + credited */
	int64_t revenue_by_category[CATEGORY_COUNT];   /* net */
	int64_t revenue_full_management;       /* members sous entière gestion */
	int64_t revenue_other_members;         /* the other clients counted with members */
	int64_t revenue_with_members;          /* operations with members (vocab_category_with_members) */
	enum annual_products_source products_source;
	struct figures_amount products;        /* actual: entered, else invoiced */
	struct figures_amount products_invoiced;   /* net_cents, when the year has an issued document */
	struct figures_amount reconciliation;  /* entered - invoiced, when both exist and differ */
	struct figures_amount expenses;        /* actual, entered */
	struct figures_amount budget_products, budget_expenses;
	struct figures_amount surplus;         /* products - expenses */
	struct figures_amount budget_surplus;  /* budget products - budget expenses */
};

/* Members sous entière gestion against the other members, one year. */
struct annual_hist {
	int fy;
	char name[ANNUAL_FY_NAME];
	int64_t full_management, other_members;        /* cents */
	struct figures_ratio full_management_share, other_members_share;
};

struct annual_program {
	char code[CODE_LEN];                   /* "" = no program */
	char name[NAME_LEN];
	int64_t minutes[2];                    /* [0] previous year, [1] the year */
	int64_t revenue_cents[2];
};

struct annual_expert {
	char login[LOGIN_LEN];
	char name[NAME_LEN];
	enum expert_function function;
	int64_t billable, internal, capacity;  /* minutes */
	/* what the capacity left out (workdays_capacity): holidays and
	 * closures, then absences, on the weekdays they were in post */
	int64_t gross, holidays, absences;     /* minutes */
	struct figures_ratio utilisation;      /* billable / capacity */
};

/* What clients owed on the year's last day, and how fast they paid.  The
 * documents and payments are settled on that day (payments_settle), so a
 * past year's figures do not move as later payments come in.  The days to
 * payment are a plain mean, not weighted by amount: over the invoices
 * issued in the year and fully paid by its last day, the days from the
 * issue date to the date of the payment that closed them. */
struct annual_receivables {
	int64_t by_age[PAYMENTS_AGE_COUNT];    /* open, by days past the due date */
	int64_t open_cents;                    /* their sum */
	int64_t credit_cents;                  /* clients' credit on account */
	int64_t balance_cents;                 /* open - credit */
	int64_t open_invoices;
	int64_t paid_invoices;                 /* issued in the year, paid in full by its end */
	int64_t paid_days;                     /* their days to payment, summed */
	struct figures_ratio days_to_payment;  /* paid_days / paid_invoices, tenths of a day */
};

struct annual_dev_name {
	enum dev_partner partner;
	enum dev_kind kind;
	char name[NAME_LEN];
	int64_t count;
};

struct annual_report {
	int fy;
	struct fy_start fs;
	/* [0] fy-2 (hours and members only, for last year's growth),
	 * [1] the previous year, [2] the year */
	struct annual_year y[3];

	/* the next year's budget */
	char next_name[ANNUAL_FY_NAME];
	struct finance_year next;              /* as entered */
	struct figures_amount next_budget_products, next_budget_expenses, next_budget_surplus;

	/* growth against the year before, variance against the budget */
	struct figures_ratio hours_growth;     /* the year against the previous one */
	struct figures_ratio prev_hours_growth;    /* the previous year against fy-2 */
	struct figures_ratio members_growth;   /* members at the end of the year */
	struct figures_ratio products_growth;  /* actual products (the volume of business) */
	struct figures_ratio products_variance, expenses_variance;
	struct figures_ratio members_share;    /* operations with members */
	struct figures_ratio category_growth[CATEGORY_COUNT];

	/* members sous entière gestion vs other members, oldest first */
	int nhist;
	struct annual_hist hist[ANNUAL_HIST];

	/* people in post on the last day of the year; ages on that day's
	 * calendar year */
	int age_year;
	int64_t people_by_function[FUNCTION_COUNT];
	int64_t people, women, men, other_gender, unknown_gender;
	int64_t known_gender;                  /* women + men + other */
	int64_t age_sum, age_n;
	struct figures_ratio women_share, men_share;   /* of those whose gender is known */
	struct figures_ratio average_age;      /* tenths of a year */
	int64_t average_age_years;             /* whole years, when average_age.ok */

	struct annual_program *programs;       /* by code, no program last */
	size_t nprograms;
	struct annual_expert *experts;         /* by name, in French order */
	size_t nexperts;
	int64_t capacity_total, billable_total;    /* of experts with a capacity */
	int64_t gross_total, holidays_total, absences_total;
	struct figures_ratio utilisation;      /* billable_total / capacity_total */

	struct annual_receivables ar;          /* at the year's last day */

	int64_t dev_counts[PARTNER_COUNT][DEV_KIND_COUNT];
	struct annual_dev_name *dev_names;     /* by partner, kind, first date */
	size_t ndev_names;
};

/* An empty report of fiscal year fy (2019 for 2019-2020): the names, days
 * and months of its years, nothing counted yet. */
void annual_init(struct annual_report *r, int fy, struct fy_start fs);
/* An empty year (for the full-management history). */
void annual_year_init(struct annual_year *y, int fy, struct fy_start fs);

/* Billable and internal minutes of a calendar month ("2020-03") over the
 * three years: the month's bar, and the years' totals when the fiscal year
 * starts on the 1st (months then add up to years). */
void annual_add_month(struct annual_report *r, const char *month, int64_t billable, int64_t internal);
/* Whether months add up to years; when not, the app adds each year's
 * minutes itself with annual_add_year_minutes(). */
int annual_months_make_years(const struct annual_report *r);
void annual_add_year_minutes(struct annual_year *y, int64_t billable, int64_t internal);

/* One client's invoices and credit notes of the year's periods. */
void annual_add_client(struct annual_year *y, const struct report_client *c);
/* A year of the full-management history, its clients added: kept when it
 * has an issued document, at most ANNUAL_HIST, oldest first. */
void annual_add_hist(struct annual_report *r, const struct annual_year *h);

/* A funding program's billable minutes or revenue; slot 0 is the previous
 * year, 1 the year.  JUSTE_ENOMEM. */
juste_status annual_add_program_minutes(struct annual_report *r, int slot, const char *code, const char *name,
	int64_t minutes, struct juste_err *e);
juste_status annual_add_program_revenue(struct annual_report *r, int slot, const char *code, const char *name,
	int64_t cents, struct juste_err *e);

/* Someone in post on the year's last day. */
void annual_add_person(struct annual_report *r, const struct report_person *p);
/* An expert's minutes of the year (report_group by expert) and their
 * capacity over it (workdays_capacity: the days in post, less holidays,
 * closures and absences).  JUSTE_ENOMEM. */
juste_status annual_add_expert(struct annual_report *r, const struct report_group *g, const struct capacity *k,
	struct juste_err *e);
/* One client's documents and payments, settled at the year's last day
 * (res of payments_settle over docs). */
void annual_add_receivables(struct annual_report *r, const struct payments_doc *docs, size_t ndocs,
	const struct payments_result *res);
/* A business-development name and how many times it occurred. */
juste_status annual_add_dev(struct annual_report *r, enum dev_partner partner, enum dev_kind kind, const char *name,
	int64_t count, struct juste_err *e);

/* Sorts the programs and the experts and derives every figure. */
void annual_finish(struct annual_report *r);

void annual_free(struct annual_report *r);   /* NULL ok; the report stays usable, empty */

/* "invoices", "entered" or "" (CSV and JSON). */
const char *annual_products_source_word(enum annual_products_source s);

#endif
