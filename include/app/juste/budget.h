/*
 * budget.h - the mandates with a budget in hours or dollars and how much of
 * it they have used.  Gestionnaire, admin.
 *
 * Hours are the minutes logged.  Dollars are the time priced by the same
 * pricer as invoices (rates_pricer: the billing increment applied; an
 * entry already on an issued invoice at its share of its line), so a budget
 * counts what was worked, not only what was invoiced.  A fixed-fee
 * (forfait) mandate has no price per entry: its dollars are its issued
 * invoice lines, net of credits.
 */
#ifndef JUSTE_BUDGET_H
#define JUSTE_BUDGET_H

#include <stddef.h>
#include <stdint.h>
#include "juste/app.h"

struct budget_row {
	char code[CODE_LEN];
	char title[NAME_LEN];
	char client[CODE_LEN];
	char closed_on[ISO_LEN];
	int64_t budget_minutes, budget_cents;     /* 0 = none */
	int64_t used_minutes, used_cents;
	int64_t remaining_minutes, remaining_cents;   /* budget - used (negative past it); shown with a budget */
	int64_t pct;                  /* tenths; the larger of hours and dollars (budgetcalc_pct) */
	int level;                    /* 0, 80 (80 % reached) or 100 (100 % reached) */
	int hard;                     /* budget_hard: time past 100 % refused */
	long unpriced;                /* hourly entries without a rate: not in used_cents */
};

struct budget_filter {
	int open_only;                /* closed mandates left out */
	int64_t over_tenths;          /* only pct >= this; < 0 = all */
	const char *client;           /* org code (any case), NULL = all */
};

/* Mandates with a budget: open ones first, then by risk (highest % used
 * first), then code.  f may be NULL (all).  Gestionnaire, admin.
 * *rows malloc'd; free() it. */
juste_status budget_list(struct app *a, const struct budget_filter *f, struct budget_row **rows, size_t *n,
	struct juste_err *e);

/* Makes mandate `code`'s budget hard (time past 100 % refused) or not.
 * Gestionnaire, admin; audited.  canon: the code as stored. */
juste_status budget_set_hard(struct app *a, const char *code, int hard, char canon[CODE_LEN], struct juste_err *e);

#endif
