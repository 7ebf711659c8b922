/*
 * members.h - the operations with members of a fiscal year (DOMAIN.md, "The
 * cooperative"): each client's pre-tax business net of credit notes, its
 * share of the year's total, the share done with members, and the
 * ristourne allocated in proportion to each member's business.  Pure: the
 * app hands over the store's rows (members_add), members_finish() derives
 * the shares; `juste report members` and `juste ristourne` only format.
 *
 * The rows are the invoices of the year's periods, each credit note with
 * the invoice it corrects (revenue belongs to the period served).
 */
#ifndef JUSTE_MEMBERS_H
#define JUSTE_MEMBERS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "juste/err.h"
#include "juste/figures.h"
#include "juste/model.h"

struct members_row {
	struct report_client c;
	int64_t net_cents;                     /* invoiced + credited */
	bool with_members;                     /* vocab_category_with_members */
	struct figures_ratio share;            /* of the year's total */
};

struct members_report {
	struct members_row *rows;              /* as added (by code) */
	size_t n, cap;
	int64_t total_cents;                   /* every client's net */
	int64_t with_members_cents;            /* that of the clients counted with members */
	struct figures_ratio with_members_share;   /* operations with members */
};

/* A client's business; JUSTE_ENOMEM. */
juste_status members_add(struct members_report *m, const struct report_client *c, struct juste_err *e);
/* Each row's share and the share done with members. */
void members_finish(struct members_report *m);
void members_free(struct members_report *m);   /* NULL ok */

/* The ristourne (Loi s. 143): amount_cents split among the members counted
 * with members whose net business is positive, in proportion to it, the
 * cents left by largest remainder (figures_ristourne), so that the shares
 * add up exactly to the amount. */
struct members_ristourne_row {
	char code[CODE_LEN];
	char name[NAME_LEN];
	enum org_category category;
	int64_t business_cents;                /* pre-tax, net of credit notes */
	int64_t share_cents;
};
struct members_ristourne {
	struct members_ristourne_row *rows;    /* by code */
	size_t n;
	int64_t amount_cents;                  /* what was split */
	int64_t business_cents;                /* the eligible members' business */
	int64_t allocated_cents;               /* the shares' sum: amount_cents */
};
/* JUSTE_EINVAL naming fy_name when no member is eligible or the amount is
 * not positive. */
juste_status members_ristourne_compute(const struct members_report *m, int64_t amount_cents, const char *fy_name,
	struct members_ristourne *out, struct juste_err *e);
void members_ristourne_free(struct members_ristourne *r);   /* NULL ok */

#endif
