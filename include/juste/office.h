/*
 * office.h - the use cases of the office screens (issue 6) that no other
 * module provides: the billing desk's month, the manager's utilisation
 * board (per expert through report_utilisation(), mandate budgets, clients
 * year to date), and the admin's changes to organisations, experts,
 * services, programs and mandates.  The CLI (cli_office.c) and the TUI
 * (view_billing.c, view_util.c, view_data.c) call these; nothing here is
 * computed twice: invoices come from invoicing.h, utilisation and revenue
 * from report_app.h / store_report.h, months from week.h.
 *
 * Changes go through the same validation as import (rules_*_validate,
 * then the store), so a form refuses what `juste import` refuses, with the
 * field named in err.field.  Each change is one statement or one
 * transaction.
 *
 * Roles: the billing month: commis, gestionnaire, admin (reading; issuing
 * is invoicing.h's business); utilisation, budgets, clients: gestionnaire,
 * admin; lists: gestionnaire, admin; changes: admin.
 */
#ifndef JUSTE_OFFICE_H
#define JUSTE_OFFICE_H

#include <stddef.h>
#include <stdint.h>
#include "juste/app.h"
#include "juste/invoice.h"

/* --- periods ------------------------------------------------------------- */

enum office_period { OFFICE_WEEK, OFFICE_MONTH, OFFICE_FY, OFFICE_NPERIODS };
/* The week, the month or the fiscal year to date that holds `day`. */
void office_period_range(const struct app *a, enum office_period p, date_t day, char from[ISO_LEN],
	char to[ISO_LEN]);
/* "semaine", "mois", "exercice" (CLI words) -> period; -1 when unknown. */
int office_period_parse(const char *s);

/* --- the billing month ---------------------------------------------------- */

struct office_bill_row {
	struct invoice_rec rec;       /* a draft, an invoice or a credit note */
	int64_t billed_minutes;
	int64_t late;                 /* late entries on it */
};

struct office_bill_month {
	char period[PERIOD_LEN];
	struct office_bill_row *rows; /* drafts by client first, then issued by number */
	size_t n;
	int drafts, held, issued, credits;
	/* of the invoices (drafts and issued, credit notes not included) */
	int64_t minutes, subtotal_cents, tps_cents, tvq_cents, total_cents, late;
};
/* Reads what the month holds now (drafting is invoicing_draft()).
 * Commis, gestionnaire, admin.  Free with office_bill_month_free. */
juste_status office_bill_month_load(struct app *a, const char *month, struct office_bill_month *m,
	struct juste_err *e);
void office_bill_month_free(struct office_bill_month *m);   /* NULL ok */

/* --- utilisation ---------------------------------------------------------- */

enum office_mark { OFFICE_MARK_NONE, OFFICE_MARK_HALF, OFFICE_MARK_NOTHING };

struct office_util_row {
	char login[LOGIN_LEN];
	char name[NAME_LEN];
	char function[WORD_LEN];
	int64_t capacity, logged, billable, internal;   /* minutes over the period */
	int pct_ok;
	int64_t pct;                  /* billable / capacity, tenths of a percent */
	int weekly_minutes;           /* capacity per week */
	int64_t last_week;            /* minutes logged last week */
	int mark;                     /* enum office_mark, from last week */
};

struct office_util {
	char from[ISO_LEN], to[ISO_LEN];
	char week_from[ISO_LEN], week_to[ISO_LEN];    /* "last week" of the marks */
	struct office_util_row *rows; /* by login */
	size_t n;
	struct office_util_row total;
};
/* Per expert in post over [from, to] (report_utilisation()); the mark
 * compares what each logged the week before `today`'s week with half their
 * weekly capacity.  Gestionnaire, admin. */
juste_status office_util_load(struct app *a, const char *from, const char *to, date_t today,
	struct office_util *u, struct juste_err *e);
void office_util_free(struct office_util *u);

enum office_util_col { OU_NAME, OU_CAPACITY, OU_LOGGED, OU_BILLABLE, OU_INTERNAL, OU_PCT, OU_MARK, OU_NCOLS };
/* Stable sort of the rows by a column, descending when desc; names in
 * French order (text_compare_fr). */
void office_util_sort(struct office_util *u, enum office_util_col col, int desc);

struct office_budget_row {
	char code[CODE_LEN];
	char title[NAME_LEN];
	char client[CODE_LEN];
	char closed_on[ISO_LEN];
	int64_t budget_minutes, budget_cents;     /* 0 = none */
	int64_t used_minutes, used_cents;         /* used_cents: issued invoice lines, net of credits */
	int64_t pct;                  /* tenths; the larger of hours and dollars */
	int level;                    /* 0, 80 (past 80 %) or 100 (past 100 %) */
};
/* Mandates with a budget, by risk: highest % used first, then code.
 * Gestionnaire, admin.  *rows malloc'd; free() it. */
juste_status office_budgets(struct app *a, struct office_budget_row **rows, size_t *n, struct juste_err *e);

struct office_client_row {
	char code[CODE_LEN];
	char name[NAME_LEN];
	int64_t minutes[2];           /* [0] the same period last year, [1] this year */
	int64_t revenue_cents[2];     /* issued invoices net of credit notes, pre-tax, by issue date */
};
struct office_clients {
	char from[2][ISO_LEN], to[2][ISO_LEN];
	struct office_client_row *rows;   /* this year's hours first, then code */
	size_t n;
	struct office_client_row total;
};
/* The fiscal year to `today` against the same days a year before.
 * Gestionnaire, admin. */
juste_status office_clients_load(struct app *a, date_t today, struct office_clients *c, struct juste_err *e);
void office_clients_free(struct office_clients *c);

/* --- lists (gestionnaire, admin) -------------------------------------------- */

juste_status office_orgs(struct app *a, store_org_cb cb, void *ctx, struct juste_err *e);
juste_status office_experts(struct app *a, store_expert_cb cb, void *ctx, struct juste_err *e);
juste_status office_refs(struct app *a, enum ref_kind k, store_ref_cb cb, void *ctx, struct juste_err *e);
juste_status office_mandates(struct app *a, store_mandate_cb cb, void *ctx, struct juste_err *e);

/* --- changes (admin) -------------------------------------------------------- */

/* create: refuses a code or login that exists (field "code" / "login");
 * else updates the record with that code or login (id from the store). */
juste_status office_org_save(struct app *a, struct org *o, int create, struct juste_err *e);
juste_status office_expert_save(struct app *a, struct expert *x, int create, struct juste_err *e);
juste_status office_ref_save(struct app *a, enum ref_kind k, struct refitem *r, int create, struct juste_err *e);
/* The beneficiary defaults to the client, as in import. */
juste_status office_mandate_save(struct app *a, struct mandate *m, int create, struct juste_err *e);

/* closed_on = date (after its last entry and not before it opened). */
juste_status office_mandate_close(struct app *a, const char *code, const char *date, struct juste_err *e);
/* left_on = date: an expert who left logs no more after it. */
juste_status office_expert_deactivate(struct app *a, const char *login, const char *date, struct juste_err *e);

#endif
