/*
 * pricing.h - the price of an hour, in one place.
 *
 * Drafts, invoices, budgets, screens and `juste entries --priced` all call
 * pricing_price(): it finds the rate in force on the entry's work date,
 * most specific first (the mandate's negotiated rate, then the client's
 * negotiated rate for the service, then the rate table's row for the
 * service and the client's category), rounds the logged minutes up to the
 * billing increment, and returns the billed minutes, the amount in cents
 * and the rule that chose the rate, so that an hour has one price
 * wherever it is shown.  No rate is an error naming the entry; nothing is
 * ever priced at 0 silently.  Pure: the rate book is loaded by the store
 * and handed in.
 *
 * An invoice line groups entries of one mandate at one rate and is priced
 * on its total billed minutes (DOMAIN.md); once issued, an entry's price
 * is its share of that line (invoice_entry_share), never re-priced.
 */
#ifndef JUSTE_PRICING_H
#define JUSTE_PRICING_H

#include <stddef.h>
#include <stdint.h>
#include "juste/err.h"
#include "juste/model.h"

enum rate_rule {
	RATE_NONE = 0,
	RATE_MANDATE,        /* negotiated for one mandate */
	RATE_ORG_SERVICE,    /* negotiated for an organisation and a service */
	RATE_TABLE           /* the table in force: service x client category */
};

struct rate_row {
	enum rate_rule rule;
	int64_t id;
	int64_t table_id;              /* RATE_TABLE */
	char table_name[NAME_LEN];     /* RATE_TABLE */
	int64_t mandate_id;            /* RATE_MANDATE */
	int64_t org_id;                /* RATE_ORG_SERVICE */
	int64_t service_id;            /* RATE_ORG_SERVICE, RATE_TABLE */
	enum org_category category;    /* RATE_TABLE */
	char valid_from[ISO_LEN];
	int64_t rate_cents;            /* per hour, > 0 */
	/* codes for messages and explanations */
	char mandate_code[CODE_LEN], org_code[CODE_LEN], service_code[CODE_LEN];
	/* RATE_MANDATE, RATE_ORG_SERVICE: last day (inclusive), "" = open.  A
	 * negotiated rate also ends where the next one for the same mandate
	 * (organisation and service) starts. */
	char valid_to[ISO_LEN];
};

/* Every rate row, kept sorted for lookup; owned by the caller of
 * pricing_book_init / pricing_book_free. */
struct rate_book {
	struct rate_row *rows;
	size_t n, cap;
	int sorted;
};

void pricing_book_init(struct rate_book *b);
void pricing_book_free(struct rate_book *b);
juste_status pricing_book_add(struct rate_book *b, const struct rate_row *r, struct juste_err *e);

/* What pricing needs to know of an entry. */
struct price_query {
	int64_t entry_id;              /* for messages; 0 when none */
	int64_t mandate_id;
	const char *mandate_code;      /* for messages */
	int64_t client_id;
	int64_t service_id;
	enum org_category category;    /* client's category */
	const char *work_date;         /* ISO */
	int64_t minutes;               /* logged minutes */
	int increment;                 /* billing increment, pricing_increment(); 0 = none */
};

struct priced {
	int64_t rate_cents;
	int64_t billed_minutes;        /* minutes rounded up to the increment */
	int64_t amount_cents;          /* money_line_amount(billed_minutes, rate) */
	const struct rate_row *row;    /* the rule that chose it (points into the book) */
};

/* The increment that applies to an entry: its mandate's, else its
 * client's (0 = none, bill the minutes as logged). */
int pricing_increment(int mandate_increment, int client_increment);

/* JUSTE_ENOTFOUND with "saisie #12 (M-2020-001, 2020-03-02) : aucun taux…"
 * when no rate applies. */
juste_status pricing_price(struct rate_book *b, const struct price_query *q, struct priced *out,
	struct juste_err *e);

/* "table 2019-04-01, service FIN, catégorie auxiliaire → 82,00 $/h". */
char *pricing_explain(const struct priced *p, char *buf, size_t n);

/* --- the rows pricing reads from the store ------------------------------ */

/* A sealed rate table. */
struct rate_table_info {
	int64_t id;
	char uuid[UUID_LEN];
	char name[NAME_LEN];
	char valid_from[ISO_LEN];
	char created_at[24];
	int64_t rows;
};

/* What pricing needs of a mandate: its client, the client's category and
 * its service. */
struct rate_mandate_info {
	int64_t mandate_id;
	char mandate[CODE_LEN];
	int64_t client_id;
	char client[CODE_LEN];
	enum org_category category;    /* the client's */
	int64_t service_id;
	char service[CODE_LEN];
	enum billing_mode billing;
	int increment;                 /* pricing_increment() of the mandate's and the client's */
};

/* An entry as pricing sees it: the lean row of the store's walk of the
 * hourly-billed entries. */
struct rate_billable {
	int64_t entry_id;
	char expert[LOGIN_LEN];
	int64_t mandate_id;
	char work_date[ISO_LEN];
	int minutes;
};

/* --- explaining a price: the rules one by one ----------------------------- */

/* The row of one rule that applies to q on q->work_date, or NULL.  For the
 * negotiated rules, when the latest row started on or before the date has
 * ended (valid_to < date), NULL is returned and *ended (if not NULL) points
 * to that row, so that an explanation can say "expiré le …". */
const struct rate_row *pricing_lookup(struct rate_book *b, enum rate_rule rule,
	const struct price_query *q, const struct rate_row **ended);

/* The first row (by service, category) of the table in force on `date`
 * (the latest valid_from <= date; for equal dates the newest table), or
 * NULL when none.  Its rows follow it in the book while table_id is the
 * same; *count (if not NULL) receives how many. */
const struct rate_row *pricing_table_at(struct rate_book *b, const char *date, size_t *count);

/* Machine word of a rule: "mandate", "org_service", "table", "none". */
const char *pricing_rule_word(enum rate_rule r);

/* Short label for a column: "table 2019-04-01", "mandat", "org. FCSD". */
char *pricing_rule_short(const struct rate_row *row, char *buf, size_t n);

#endif
