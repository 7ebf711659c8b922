/*
 * invoice.h - invoice arithmetic and the records of an invoice.  Pure: no
 * I/O, no SQL.
 *
 * Promises (DOMAIN.md, "Money and taxes", "Invoices and credit notes"):
 * - an entry's billed minutes are its minutes rounded UP to the billing
 *   increment; the logged minutes are never changed;
 * - entries are grouped into lines by mandate and rate; a line's amount is
 *   money_line_amount(its billed minutes, its rate);
 * - TPS and TVQ are each computed once per invoice on the subtotal (TVQ not
 *   on TPS), half up, and half away from zero for credit notes; a
 *   tax-exempt invoice has none;
 * - a credit note credits a pre-tax part of the invoice with its own
 *   taxes at the invoice's rates, each capped at what is still uncredited
 *   of that tax; the one that leaves no subtotal (whatever the amount
 *   asked) is the closing credit: the exact negative of what is left of
 *   the invoice, so that invoice and credit notes net to zero on every
 *   line, and it releases the invoice's entries;
 * - an issue date is never in the future, never before the end of the
 *   period billed (unless the clerk bills a month early, then only work up
 *   to that date), never before the last number of its sequence;
 * - an entry on an issued line is worth its share of that line, so that
 *   the entries of a line add up to it exactly;
 * - numbers come from the configured pattern ("F{year}-{seq:4}").
 */
#ifndef JUSTE_INVOICE_H
#define JUSTE_INVOICE_H

#include <stddef.h>
#include <stdint.h>
#include "juste/date.h"
#include "juste/err.h"
#include "juste/model.h"

#define INVOICE_NUMBER_LEN 33
#define PERIOD_LEN 8            /* "2020-03" */
#define INVOICE_TEXT_LEN 4096   /* warnings; the stored form of the blockers */
#define INVOICE_BLOCKERS_MAX 16
#define INVOICE_CREDITS_MAX 16  /* credit notes named by an invoice's record */
#define PLACE_OF_SUPPLY_LEN 4   /* "ON", "US" (tax.h PLACE_LEN) */

/* ------------------------------------------------------------ arithmetic */

/* minutes rounded up to a multiple of increment (<= 0: unchanged). */
int invoice_billed_minutes(int minutes, int increment);

struct invoice_amounts {
	int64_t subtotal_cents, tps_cents, tvq_cents, total_cents;
};

/* Taxes and total of a subtotal at rates in TAX_RATE_SCALE units; none
 * when exempt.  Works for negative subtotals (credit notes). */
void invoice_amounts(int64_t subtotal_cents, int32_t tps_rate, int32_t tvq_rate, int exempt,
	struct invoice_amounts *out);

/* A priced entry, the input of grouping. */
struct invoice_item {
	int64_t entry_id;
	int64_t mandate_order;    /* lines come in this order (e.g. rank of the mandate code) */
	int64_t mandate_id;
	int64_t rate_cents;       /* > 0 */
	int logged_minutes;
	int billed_minutes;
	int64_t order;            /* order of the detail within a line (e.g. input rank) */
	size_t line;              /* out: index of the line it belongs to */
};

struct invoice_group {
	int64_t mandate_id;
	int64_t rate_cents;
	int64_t logged_minutes, billed_minutes;
	int64_t amount_cents;
	size_t first, count;      /* items[first .. first+count-1] after grouping */
};

/* Sorts items by (mandate_order, rate, order) and fills *groups (malloc'd,
 * caller frees) with one group per (mandate, rate), in that order.  n = 0
 * gives no groups and *groups = NULL. */
juste_status invoice_group_items(struct invoice_item *items, size_t n, struct invoice_group **groups,
	size_t *ngroups, struct juste_err *e);

/* Adds one item to the running totals of its line g (g->mandate_id and
 * g->rate_cents set by the caller), for lines summed as entries stream
 * by: the same checks as invoice_group_items, and g->amount_cents is kept
 * the line's amount on its total minutes.  items/first are not used. */
juste_status invoice_group_add(struct invoice_group *g, const struct invoice_item *it, struct juste_err *e);

/* A credit note on an invoice whose amounts are `inv` and whose issued
 * credit notes already reversed `credited` (their sums, <= 0).
 * amount_cents > 0 credits that pre-tax part (refused beyond what is left
 * of the subtotal), 0 all that is left.  Its taxes are the formula at the
 * invoice's rates, each capped at what is left of that tax.  When it
 * leaves no subtotal it is the closing credit (*full set): it credits
 * exactly what is left of the subtotal and of each tax (a tax already
 * over-credited by an older note is left as it is: nothing positive is
 * ever credited).  The result is <= 0 on every line.  A closing credit is
 * refused when nothing at all is left to credit. */
juste_status invoice_credit(const struct invoice_amounts *inv, const struct invoice_amounts *credited,
	int64_t amount_cents, int32_t tps_rate, int32_t tvq_rate, int exempt, struct invoice_amounts *out,
	int *full, struct juste_err *e);

/* What `juste check` finds wrong with an issued document's stored amounts,
 * as bits (0 = nothing).  An invoice's taxes must be what its own copied
 * rates give on its subtotal; a credit note's taxes are only held to
 * add up (a partial credit may cap them at what is left uncredited), and
 * to zero when exempt. */
enum {
	INVOICE_BAD_LINES = 1,    /* subtotal is not the sum of its lines */
	INVOICE_BAD_TPS = 2,
	INVOICE_BAD_TVQ = 4,
	INVOICE_BAD_TOTAL = 8     /* total is not subtotal + taxes */
};

/* Compares `stored` (kind INVOICE_KIND_*) with what it should be; fills
 * *expected with the right subtotal (lines_cents), taxes and total. */
unsigned invoice_verify(int kind, const struct invoice_amounts *stored, int64_t lines_cents,
	int32_t tps_rate, int32_t tvq_rate, int exempt, struct invoice_amounts *expected);

/* What an invoice's issued credit notes do to it, as bits: one of its
 * subtotal, TPS or TVQ credited beyond what it charged (OVER), or left
 * above zero after a full credit (LEFT).  credited holds the credit notes'
 * sums (<= 0); full says one of them is a full credit. */
enum {
	INVOICE_OVER_SUBTOTAL = 1,
	INVOICE_OVER_TPS = 2,
	INVOICE_OVER_TVQ = 4,
	INVOICE_LEFT_SUBTOTAL = 8,
	INVOICE_LEFT_TPS = 16,
	INVOICE_LEFT_TVQ = 32
};
unsigned invoice_verify_credits(const struct invoice_amounts *inv, const struct invoice_amounts *credited,
	int full);

/* "F{year}-{seq:4}" with 2020, 12 -> "F2020-0012"; "{seq}" is unpadded.
 * JUSTE_EINVAL when the pattern is bad or the result does not fit. */
juste_status invoice_number_format(const char *pattern, int year, int seq, char *buf, size_t n,
	struct juste_err *e);

/* Issue date + payment days. */
date_t invoice_due_date(date_t issued, int payment_days);

/* Whether an invoice of the period [first, last] may be dated `issued` on
 * `today` (DOMAIN.md, "Issue date"): not after today; a month that has not
 * ended (today <= last) only when `early`; not before the period's first
 * day, nor before its last unless `early`; not before `last_numbered`,
 * the latest issue date already numbered in the same sequence (the
 * sequence of issued's year; 0 or less when none).  JUSTE_EINVAL saying
 * which, with the date to use. */
juste_status invoice_issue_date_check(date_t issued, date_t today, date_t first, date_t last,
	date_t last_numbered, int early, struct juste_err *e);

/* The same for a credit note on an invoice issued on `invoice_issued`:
 * not after today, not before the invoice, not before the last credit
 * note numbered in its sequence. */
juste_status invoice_credit_date_check(date_t issued, date_t today, date_t invoice_issued,
	date_t last_numbered, struct juste_err *e);

/* An entry's share of the issued line it is on: the line's amount spread
 * over its entries in their order by cumulative rounding, so that the
 * shares add up exactly to the line.  `before` is the billed minutes of
 * the line's entries before this one, `minutes` its own; line_minutes
 * their total (> 0). */
int64_t invoice_entry_share(int64_t line_amount, int64_t line_minutes, int64_t before, int64_t minutes);

/* "2020-03" -> first and last day; JUSTE_EINVAL naming the text. */
juste_status invoice_period_parse(const char *s, char period[PERIOD_LEN], date_t *first, date_t *last,
	struct juste_err *e);

/* --------------------------------------------------------------- records */

/* What holds a draft back, kept typed: the words are made when shown
 * (invoice_blocker_text), in the reader's language.  no_table / no_rate:
 * an entry (id, mandate, work date) without a rate; more: how many more
 * (count) were not named; unpriced: how many in all (count); no_address:
 * the client has none; stale: a draft written by an older juste, whose
 * reasons are not known (draft again). */
struct invoice_blocker {
	enum blocker_kind kind;
	char mandate[CODE_LEN];
	int64_t entry;
	char date[ISO_LEN];
	int count;
};

/* An invoice or credit note as stored: header, frozen rates and amounts. */
struct invoice_rec {
	int64_t id;
	char uuid[UUID_LEN];
	enum invoice_kind kind;
	enum invoice_status status;
	char number[INVOICE_NUMBER_LEN];  /* "" for a draft */
	int seq_year, seq;
	int64_t client_id;
	char client_code[CODE_LEN];
	char client_name[NAME_LEN];
	char client_address[ADDR_LEN];
	char client_email[EMAIL_LEN];
	char period[PERIOD_LEN];
	char issued_on[ISO_LEN], due_on[ISO_LEN];
	char payment_terms[128];
	/* the taxes (tax.h): the regime of the place of supply, copied at
	 * issue, and the rates of the two slots (TPS or TVH, TVQ) */
	enum tax_regime tax_regime;
	char place_of_supply[PLACE_OF_SUPPLY_LEN];
	int32_t tps_rate, tvq_rate;
	struct invoice_amounts amounts;
	/* why no tax is charged: an exempt client, or a zero-rated export
	 * (tax_regime TAX_REGIME_DETAXE); "" when taxed */
	char tax_exempt_reason[NAME_LEN];
	int64_t credited_id;              /* credit notes */
	char credited_number[INVOICE_NUMBER_LEN];
	char credit_reason[NOTE_LEN];
	int credit_full;
	int reprints;
	char warnings[INVOICE_TEXT_LEN];  /* one per line */
	struct invoice_blocker blockers[INVOICE_BLOCKERS_MAX];   /* a draft with any is held back */
	int nblockers;
	/* filled by reads */
	int line_count;
	int64_t credited_cents;           /* issued invoices: sum of their credit notes (<= 0) */
	int fully_credited;
	/* issued invoices: their issued credit notes, by number */
	char credit_numbers[INVOICE_CREDITS_MAX][INVOICE_NUMBER_LEN];
	int ncredits;                     /* how many in all (may exceed what is named) */
	/* issued invoices, when the reader settled the client's payments
	 * (payments_settle, today): what they settled and what is still open */
	int payments_known;
	int64_t paid_cents, open_cents;
};

/* Where the document stands (vocab.h INVOICE_STATE_INFO): a draft, held
 * (it has blockers), issued, partly credited, partly paid, paid, credited
 * in full.  Paid and partly paid are known only when the reader settled the
 * payments (payments_known); they come before a partial credit (what the
 * clerk follows is the money), a full credit before them.  A credit note
 * is issued. */
enum invoice_state invoice_state(const struct invoice_rec *r);

/* Adds a blocker (silently dropped beyond INVOICE_BLOCKERS_MAX, the
 * unpriced count still saying how many entries have no rate). */
void invoice_blocker_add(struct invoice_rec *r, const struct invoice_blocker *b);

/* The sentence of a blocker, in the reader's language (err_translate):
 * "saisie #12 (M-2020-001, 2020-03-02) : aucun taux : …". */
char *invoice_blocker_text(const struct invoice_rec *r, const struct invoice_blocker *b, char *buf, size_t n);

/* The stored form of a record's blockers (one per line, tab-separated:
 * word, mandate, entry, date, count), and back.  Reading text that is no
 * such form (a draft of an older juste) gives one BLOCKER_STALE. */
void invoice_blockers_format(const struct invoice_rec *r, char *buf, size_t n);
void invoice_blockers_parse(const char *text, struct invoice_rec *r);

struct invoice_line_rec {
	int64_t id, invoice_id;
	int pos;
	enum line_kind kind;
	int64_t mandate_id;
	char mandate_code[CODE_LEN];
	char mandate_title[NAME_LEN];
	int64_t rate_cents;               /* hours lines; 0 otherwise */
	int64_t logged_minutes, billed_minutes;
	int64_t amount_cents;
	char description[NOTE_LEN];
	char experts[NOTE_LEN];           /* names, ", " between */
	char first_date[ISO_LEN], last_date[ISO_LEN];
	char beneficiary_name[NAME_LEN];  /* read back: the enterprise the mandate serves when
	                                     it is not the client billed; "" otherwise */
};

struct invoice_entry_rec {
	int64_t invoice_id, line_id, entry_id;
	int line_pos;
	int64_t expert_id;
	char expert_login[LOGIN_LEN];
	char expert_name[NAME_LEN];
	char mandate_code[CODE_LEN];
	char work_date[ISO_LEN];
	char note[NOTE_LEN];
	int logged_minutes, billed_minutes;
	int late;
};

/* ------------------------------------------------- what there is to bill */

/* A billable (horaire or forfait) mandate, with what pricing needs of it
 * and of its client. */
struct billable_mandate {
	int64_t mandate_id;
	char mandate_code[CODE_LEN];
	char mandate_title[NAME_LEN];
	enum billing_mode billing;        /* a billable one */
	int64_t service_id;
	int mandate_increment;            /* 0 = none */
	int64_t client_id;
	char client_code[CODE_LEN];
	enum org_category client_category;
	int client_increment;             /* 0 = none */
};

/* An entry of a billable mandate not on any standing invoice. */
struct unbilled_entry {
	int64_t entry_id;
	int64_t mandate_id;
	char work_date[ISO_LEN];
	int minutes;
	char note[NOTE_LEN];
	int64_t expert_id;
	char expert_login[LOGIN_LEN];
	char expert_name[NAME_LEN];
};

/* A fixed-fee mandate open during [first, last] and not billed for period. */
struct forfait_due {
	int64_t mandate_id;
	char mandate_code[CODE_LEN];
	char mandate_title[NAME_LEN];
	int64_t fee_cents;
	int64_t client_id;
	char client_code[CODE_LEN];
};

/* Which invoices a listing asks for. */
struct invoice_filter {
	const char *period;        /* "2020-03" */
	const char *client;        /* org code */
	const enum invoice_status *status;   /* NULL: any */
	const enum invoice_kind *kind;       /* NULL: any */
	const char *from, *to;     /* issue dates, inclusive */
};

#endif
