/*
 * policy.h - the centre's policy: its legal identity, fiscal year, tax
 * rates, invoice numbering and payment terms.
 *
 * These are the centre's, not a user's: they live in the database (set by
 * an admin with `juste settings set`, audited) so that nobody's juste.ini
 * can change what an invoice says.  Keys keep their old juste.ini names as
 * "section.key".  Some keys are dated (tax rates change on a given day):
 * each value then applies from its date until the next one, and the value
 * in force on a date is what an invoice issued that day copies.
 *
 * Pure: the table of keys, their defaults, their validation and the typed
 * values; the store reads and writes the rows, the app puts them together.
 */
#ifndef JUSTE_POLICY_H
#define JUSTE_POLICY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "juste/cmdline.h"
#include "juste/date.h"
#include "juste/err.h"
#include "juste/model.h"

/* Dated values a key may hold (a tax rate changes a few times a decade). */
#define POLICY_DATED_MAX 32
#define POLICY_VALUE_LEN 1024

struct policy_rate {
	date_t from;          /* POLICY_ALWAYS: since always */
	int32_t rate;         /* thousandths of a percent (money.h) */
};
#define POLICY_ALWAYS INT32_MIN

struct policy {
	char centre_name[NAME_LEN];
	char centre_address[ADDR_LEN];
	char centre_phone[64];
	char centre_email[EMAIL_LEN];
	char tps_number[32];            /* 123456789RT0001 */
	char tvq_number[32];            /* 1234567890TQ0001 */
	struct fy_start fy_start;
	int ntps, ntvq;                 /* dated, ascending by `from` */
	struct policy_rate tps[POLICY_DATED_MAX], tvq[POLICY_DATED_MAX];
	char invoice_pattern[64];
	char credit_pattern[64];
	int payment_days;
	char payment_terms[128];
	char payment_instructions[512]; /* how to pay (transit, account, Interac); "" prints nothing */
	char paper[8];                  /* A4 | Letter */
	char easter_holiday[20];        /* POLICY_GOOD_FRIDAY | POLICY_EASTER_MONDAY */
	int approval_required;          /* only approved weeks are billed */
	char ledger_accounts[LEDGER_ACCOUNT_COUNT][32]; /* the chart of accounts (juste ledger) */
	int reminder_days[REMINDER_LEVEL_COUNT];        /* days past due of each reminder level */
	char mail_sendmail[CMDLINE_LEN];                /* the command that delivers mail (cmdline.h) */
};

/* The system's sendmail interface: -t takes the recipients from the
 * message's headers, -i keeps a line holding a lone dot in the body. */
#define POLICY_SENDMAIL_DEFAULT "/usr/sbin/sendmail -t -i"

/* The statutory holiday of Easter is the employer's choice (DOMAIN.md):
 * the values of "calendar.easter_holiday". */
#define POLICY_GOOD_FRIDAY "vendredi_saint"
#define POLICY_EASTER_MONDAY "lundi_de_paques"
#define POLICY_EASTER_CHOICES POLICY_GOOD_FRIDAY "|" POLICY_EASTER_MONDAY
/* True when Easter Monday is the holiday instead of Good Friday. */
bool policy_easter_monday(const struct policy *p);

/* The keys, in the order `juste settings show` lists them. */
struct policy_key {
	const char *name;       /* "taxes.tps_rate" */
	bool dated;
	const char *doc;        /* N_() msgid: what it is and its form */
};
size_t policy_key_count(void);
const struct policy_key *policy_key_at(size_t i);
const struct policy_key *policy_key_find(const char *name);   /* NULL: unknown */

/* The values a new centre starts with (those of the shipped juste.ini). */
void policy_defaults(struct policy *p);

/* The defaults are an example, not an identity to send to a client: an
 * invoice is never issued under it.  The first identity key that still has
 * the example's value ("centre.tps_number", then "centre.tvq_number"), or
 * NULL once the centre has set its own. */
const char *policy_example_key(const struct policy *p);
bool policy_is_example(const struct policy *p);

/* Validates `value` for `key` and applies it.  valid_from is "" or an ISO
 * date, and only dated keys take one.  A dated value replaces one of the
 * same date.  Messages name the key: "taxes.tps_rate : taux attendu…". */
juste_status policy_set(struct policy *p, const char *key, const char *valid_from, const char *value,
	struct juste_err *e);

/* The tax rate in force on a day. */
int32_t policy_tps_rate(const struct policy *p, date_t on);
int32_t policy_tvq_rate(const struct policy *p, date_t on);

/* The current value of an undated key, as text (for `settings show`);
 * dated keys give the value in force on `on`. */
juste_status policy_get(const struct policy *p, const char *key, date_t on, char *buf, size_t n,
	struct juste_err *e);

/* A number pattern: {seq} or {seq:N} exactly once (1 <= N <= 9), and
 * {year}, since the sequence restarts each calendar year.  Exposed for the
 * invoice numbering.  policy_set() also refuses a pattern whose longest
 * number would not fit INVOICE_NUMBER_LEN. */
bool policy_pattern_valid(const char *pattern);

/* A stored row of the policy. */
struct setting_row {
	const char *key;          /* "taxes.tps_rate" */
	const char *valid_from;   /* "" or an ISO date */
	const char *value;
};

#endif
