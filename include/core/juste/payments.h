/*
 * payments.h - which invoice each payment settles, what stays open, and how
 * old it is.  Pure: the store gives the documents and the payments of a
 * client, the app asks what was open on a date.
 *
 * Rules (DOMAIN.md, and the clerk's practice):
 * - what is open on an invoice is its total, less its credit notes, less
 *   what payments settled on it; never below zero;
 * - a payment that names an invoice settles it first; a payment on account
 *   (or what is left of a named one) settles the client's oldest open
 *   invoices first (by issue date, then number order);
 * - what is still left is the client's credit on account: it settles the
 *   next invoices as they are issued;
 * - a credit note on an invoice already paid beyond its new total gives the
 *   excess back to the credit on account (the latest payment first), which
 *   goes on to settle other open invoices;
 * - a voided payment settles nothing from its void date on: the invoices it
 *   settled open again, and other credit on account settles them.
 * Everything is replayed in date order (documents before payments on the
 * same day, invoices before credit notes), so the result on a date depends
 * on what happened up to that date only, never on the order of entry.
 */
#ifndef JUSTE_PAYMENTS_H
#define JUSTE_PAYMENTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "juste/date.h"
#include "juste/err.h"
#include "juste/invoice.h"
#include "juste/model.h"
#include "juste/vocab.h"

#ifndef N_
#define N_(s) (s)
#endif

/* An issued invoice (credited_id 0, total >= 0) or credit note (credited_id
 * the invoice it corrects, total <= 0), taxes included. */
struct payments_doc {
	int64_t id;
	int64_t credited_id;
	date_t issued, due;
	int64_t total_cents;
};

struct payments_payment {
	int64_t id;
	int64_t invoice_id;      /* the invoice it names; 0: on account */
	date_t received;
	bool voided;
	date_t voided_on;        /* when voided */
	int64_t amount_cents;    /* > 0 */
};

/* What happened to money, in the order it happened.  RECEIVED and the
 * VOIDED of the payment itself have invoice_id 0 (the money came in or
 * went back out); APPLIED (> 0) settles an invoice from the payment's
 * credit; RETURNED and VOIDED with an invoice (< 0) take a settlement back
 * into the payment's credit. */
enum payments_move_kind {
	PAYMENTS_MOVE_RECEIVED, PAYMENTS_MOVE_APPLIED, PAYMENTS_MOVE_RETURNED, PAYMENTS_MOVE_VOIDED
};
struct payments_move {
	date_t on;
	int64_t payment_id;
	int64_t invoice_id;
	int64_t amount_cents;
	enum payments_move_kind kind;
};

/* Per document, in the order given: for an invoice, its total less its
 * credit notes (net) and what payments settled (paid); zeros for a credit
 * note or a document issued after the date. */
struct payments_open {
	int64_t net_cents;
	int64_t paid_cents;
	bool issued;             /* issued on or before the date */
};

struct payments_result {
	struct payments_open *docs;    /* ndocs of them */
	int64_t credit_cents;          /* credit on account at the date */
	struct payments_move *moves;
	size_t nmoves, capmoves;
};

/* Replays docs and payments up to `at` (inclusive).  A credit note whose
 * invoice is not among docs, or a payment naming one that is not, is
 * JUSTE_EINVAL.  out is zeroed first; free it with payments_result_free. */
juste_status payments_settle(const struct payments_doc *docs, size_t ndocs, const struct payments_payment *pays,
	size_t npays, date_t at, struct payments_result *out, struct juste_err *e);
void payments_result_free(struct payments_result *r);

/* What is still owed on document i (0 for credit notes). */
int64_t payments_open_cents(const struct payments_result *r, size_t i);

/* An invoice's derived payment state (never stored). */
/* (its words: PAYMENT_STATE_INFO in vocab.h) */
#define PAYMENTS_ENUM(e, ...) e,
enum payments_state { PAYMENT_STATE_INFO(PAYMENTS_ENUM) PAYMENTS_STATE_COUNT };
enum payments_state payments_state_of(const struct payments_open *o);
const char *payments_state_word(enum payments_state s);    /* for CSV and JSON */
const char *payments_state_label(enum payments_state s);   /* msgid */

/* Ageing columns, by days past the due date on the day asked: current (not
 * yet due, or due that day), 1-30, 31-60, 61-90, more than 90. */
#define PAYMENTS_AGE_INFO(X) \
	X(PAYMENTS_AGE_CURRENT, "current",    N_("courant")) \
	X(PAYMENTS_AGE_1_30,    "days_1_30",  N_("1 à 30 j")) \
	X(PAYMENTS_AGE_31_60,   "days_31_60", N_("31 à 60 j")) \
	X(PAYMENTS_AGE_61_90,   "days_61_90", N_("61 à 90 j")) \
	X(PAYMENTS_AGE_OVER_90, "days_over_90", N_("plus de 90 j"))
enum payments_age { PAYMENTS_AGE_INFO(PAYMENTS_ENUM) PAYMENTS_AGE_COUNT };
enum payments_age payments_age_of(date_t due, date_t at);
const char *payments_age_word(enum payments_age a);
const char *payments_age_label(enum payments_age a);        /* msgid */

/* One client's receivable on a date, by age; open is their sum, balance is
 * open less the credit on account (what the client owes, net). */
struct payments_ageing {
	int64_t by_age[PAYMENTS_AGE_COUNT];
	int64_t open_cents;
	int64_t credit_cents;
	int64_t balance_cents;
};
/* Adds r (computed at `at`) into *a. */
void payments_ageing_add(struct payments_ageing *a, const struct payments_doc *docs, size_t ndocs,
	const struct payments_result *r, date_t at);
/* Adds b into a (for the totals line). */
void payments_ageing_sum(struct payments_ageing *a, const struct payments_ageing *b);

/* --- the records the store reads and writes ------------------------------ */

#define PAYMENT_REF_LEN 201
#define PAYMENT_REASON_LEN 501

struct payment_rec {
	int64_t id;
	char uuid[UUID_LEN];
	int64_t client_id;
	char client_code[CODE_LEN];
	char client_name[NAME_LEN];
	int64_t invoice_id;                        /* 0: on account */
	char invoice_number[INVOICE_NUMBER_LEN];
	char received_on[ISO_LEN];
	int64_t amount_cents;
	enum payment_method method;
	char reference[PAYMENT_REF_LEN];
	char voided_on[ISO_LEN];                   /* "" unless voided */
	char void_reason[PAYMENT_REASON_LEN];
};

/* An issued invoice or credit note as receivables see it. */
struct receivable_doc {
	struct payments_doc doc;
	int64_t client_id;
	char client_code[CODE_LEN];
	char client_name[NAME_LEN];
	enum invoice_kind kind;
	char number[INVOICE_NUMBER_LEN];
	char credited_number[INVOICE_NUMBER_LEN];
	char issued_on[ISO_LEN], due_on[ISO_LEN];
	int64_t subtotal_cents, tps_cents, tvq_cents, total_cents;
};

#endif
