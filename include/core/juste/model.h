/*
 * model.h - the records juste keeps, as plain structs with fixed buffers.
 *
 * Fixed buffers keep ownership trivial (a record is a value; copying it is
 * `*a = *b`) and bound what a field may hold; the store and the importers
 * refuse text longer than its buffer instead of truncating it.  An empty
 * string stands for an absent date or code; 0 for an absent id or amount
 * (the schema forbids 0 as a real value of those).
 */
#ifndef JUSTE_MODEL_H
#define JUSTE_MODEL_H

#include <stdint.h>

#include "juste/vocab.h"

#define UUID_LEN   37
#define LOGIN_LEN  65
#define CODE_LEN   33
#define NAME_LEN   256
#define ISO_LEN    11   /* "2020-03-31" */
#define EMAIL_LEN  256
#define ADDR_LEN   512
#define NOTE_LEN   2048

struct expert {
	int64_t id;
	char uuid[UUID_LEN];
	char login[LOGIN_LEN];
	char name[NAME_LEN];
	enum expert_function function;
	enum role role;
	int weekly_minutes;        /* capacity; 35 h = 2100 by default */
	char started_on[ISO_LEN];
	char left_on[ISO_LEN];
};

struct org {
	int64_t id;
	char uuid[UUID_LEN];
	char code[CODE_LEN];
	char name[NAME_LEN];
	enum org_category category;
	char parent[CODE_LEN];     /* code of the parent network, or "" */
	int full_management;       /* sous entière gestion */
	int tax_exempt;
	char joined_on[ISO_LEN];
	char left_on[ISO_LEN];
	char email[EMAIL_LEN];
	char address[ADDR_LEN];
	/* where it is, which says how its services are taxed (tax.h): an ISO
	 * country code ("" is read as "CA") and, in Canada, its province */
	char country[3];
	enum province province;
	int invoice_without_detail; /* 1: its invoice PDFs leave the entries' pages out */
	/* the language its documents are written in, a word of LANGUAGE_INFO
	 * (vocab.h); "" is read as French */
	char language[3];
};

/* Services (domains of expertise) and funding programs have the same shape. */
struct refitem {
	int64_t id;
	char uuid[UUID_LEN];
	char code[CODE_LEN];
	char name[NAME_LEN];
};

struct mandate {
	int64_t id;
	char uuid[UUID_LEN];
	char code[CODE_LEN];
	char title[NAME_LEN];
	char client[CODE_LEN];        /* org code billed */
	char beneficiary[CODE_LEN];   /* org code served; defaults to client */
	char service[CODE_LEN];
	char program[CODE_LEN];       /* funding program code, or "" */
	enum billing_mode billing;
	int64_t monthly_fee_cents;    /* forfait only; 0 otherwise */
	int64_t budget_minutes;       /* 0 = no budget in hours */
	int64_t budget_cents;         /* 0 = no budget in dollars */
	int budget_hard;              /* 1: time past 100 % of the budget is refused */
	char opened_on[ISO_LEN];
	char closed_on[ISO_LEN];
	/* filled by reads, ignored by writes */
	int64_t client_id, beneficiary_id, service_id, program_id;
	char client_name[NAME_LEN];
};

struct entry {
	int64_t id;
	char uuid[UUID_LEN];
	char expert[LOGIN_LEN];       /* expert login */
	char mandate[CODE_LEN];       /* mandate code */
	char work_date[ISO_LEN];
	int minutes;
	char note[NOTE_LEN];
	/* filled by reads */
	int64_t expert_id, mandate_id;
	char client[CODE_LEN];
	enum billing_mode billing;
};

/* Services and funding programs: which of the two a struct refitem is. */
enum ref_kind { REF_SERVICE, REF_PROGRAM };

/* The entries a listing asks for. */
struct entry_filter {
	const char *from, *to;      /* ISO dates, inclusive; NULL = open */
	const char *expert;         /* login */
	const char *mandate;        /* code */
	const char *org;            /* client code */
};

/* --- the expert's week -------------------------------------------------- */

/* A mandate as the week grid and the picker show it. */
struct week_mandate {
	int64_t id;
	char code[CODE_LEN];
	char title[NAME_LEN];
	char client[CODE_LEN];
	char client_name[NAME_LEN];
	char opened_on[ISO_LEN];
	char closed_on[ISO_LEN];      /* "" when open-ended */
	int pinned;                   /* 0 none, 1 this week, 2 every week */
	char last_used[ISO_LEN];      /* recent mandates: last work date, else "" */
};

/* The running timer: one per expert. */
struct timer_rec {
	int64_t expert_id, mandate_id;
	char mandate[CODE_LEN];
	char title[NAME_LEN];
	int64_t started_at;           /* Unix seconds */
	char work_date[ISO_LEN];
	char note[NOTE_LEN];
};

/* A month the manager closed: its entries no longer change. */
struct closed_month {
	char month[8];                /* "2020-03" */
	char closed_by[LOGIN_LEN];
	char closed_at[24];           /* "2020-04-05T14:03:00Z" */
};

/* --- budgets ------------------------------------------------------------ */

/* A mandate with a budget in hours or dollars and what it has used:
 * minutes of all its entries, and the pre-tax amounts of the lines of
 * issued invoices and credit notes that name it. */
struct mandate_budget {
	int64_t id;
	char code[CODE_LEN];
	char title[NAME_LEN];
	char client[CODE_LEN];
	enum billing_mode billing;
	char closed_on[ISO_LEN];
	int64_t budget_minutes, budget_cents;
	int64_t used_minutes, used_cents;   /* used_cents: issued invoice lines, net of credits */
	int hard;                           /* budget_hard: time past 100 % refused */
};

/* --- the audit log ------------------------------------------------------ */

/* One change, as the log keeps it. */
struct audit_row {
	int64_t id;
	char at[24];
	char actor[LOGIN_LEN];
	char as_login[LOGIN_LEN];
	enum audit_entity entity;
	int64_t entity_id;
	enum audit_action action;
	const char *before, *after;   /* JSON text, valid during the callback */
};

struct audit_filter {
	const char *from, *to;        /* dates, inclusive, compared with `at` */
	const char *expert;           /* actor or as_login */
	const enum audit_entity *entity;   /* NULL: every one */
};

/* --- the annual report's records and rows ------------------------------- */

/* Finance figures per fiscal year, entered by the manager. */
enum finance_field {
	FIN_ACTUAL_PRODUCTS = 1 << 0,
	FIN_ACTUAL_EXPENSES = 1 << 1,
	FIN_BUDGET_PRODUCTS = 1 << 2,
	FIN_BUDGET_EXPENSES = 1 << 3
};

struct finance_year {
	int fy;                          /* the calendar year it starts in */
	unsigned has;                    /* enum finance_field bits: which are entered */
	int64_t actual_products_cents, actual_expenses_cents;
	int64_t budget_products_cents, budget_expenses_cents;
};

/* A business-development event or meeting. */
struct devaffaire {
	int64_t id;
	char uuid[UUID_LEN];
	char on_date[ISO_LEN];
	enum dev_kind kind;
	enum dev_partner partner;
	char name[NAME_LEN];
};

/* An expert as the report counts them. */
struct report_person {
	char login[LOGIN_LEN];
	char name[NAME_LEN];
	enum expert_function function;
	enum gender gender;
	int birth_year;                  /* 0 when none */
	int weekly_minutes;
	char started_on[ISO_LEN], left_on[ISO_LEN];
};

/* How report_group rows are grouped: enum report_by, in vocab.h. */

/* Minutes of one group (an expert, a mandate, an organisation...). */
struct report_group {
	char key[CODE_LEN > LOGIN_LEN ? CODE_LEN : LOGIN_LEN];   /* login or code; "" = none (no program) */
	char label[NAME_LEN];
	int64_t billable, internal;      /* minutes */
	/* by expert only: */
	enum expert_function function;
	int weekly_minutes;
	char started_on[ISO_LEN], left_on[ISO_LEN];
};

/* A client's issued invoices and credit notes over a range, pre-tax. */
struct report_client {
	char code[CODE_LEN];
	char name[NAME_LEN];
	enum org_category category;
	int full_management;
	int64_t invoiced_cents;          /* >= 0 */
	int64_t credited_cents;          /* <= 0 */
	int64_t invoices, credits;       /* how many */
};

#endif
