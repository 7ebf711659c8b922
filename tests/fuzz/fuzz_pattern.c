/*
 * fuzz_pattern.c - the invoice and credit-note numbering: the pattern
 * validator policy_pattern_valid(), the policy key that stores a pattern,
 * and invoice_number_format(), which numbers every issued document.
 *
 * Input: two bytes for the year (1900-9999), four for the sequence number,
 * the rest is the pattern.  The validator and the formatter agree; two
 * sequence numbers never give the same number; and a pattern the policy
 * accepts numbers any sequence number of any year within the
 * INVOICE_NUMBER_LEN an invoice stores, since it is refused otherwise only
 * at the moment of issuing, month after month.
 */
#include <limits.h>

#include "fuzz.h"
#include "juste/invoice.h"
#include "juste/policy.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 6)
		return 0;
	int year = 1900 + (int)(((unsigned)data[0] << 8 | data[1]) % 8100);
	uint32_t raw = (uint32_t)data[2] << 24 | (uint32_t)data[3] << 16 | (uint32_t)data[4] << 8 | data[5];
	int seq = 1 + (int)(raw % 999999999u);
	char *pattern = fuzz_cstr(data + 6, size - 6);
	/* room for any number the pattern gives: the test is the pattern,
	 * not the buffer (the policy's limit is checked below) */
	size_t room = size + 64;
	char *a = malloc(room), *b = malloc(room), y[8];
	struct juste_err e = { 0 };
	if (!a || !b)
		abort();

	bool valid = policy_pattern_valid(pattern);
	juste_status st = invoice_number_format(pattern, year, seq, a, room, &e);
	if (valid) {
		FUZZ_CHECK(st == JUSTE_OK, pattern);
		snprintf(y, sizeof y, "%04d", year);
		FUZZ_CHECK(strstr(a, y) != NULL, pattern);
		FUZZ_CHECK(strchr(a, '{') == NULL, pattern);
		FUZZ_CHECK(invoice_number_format(pattern, year, seq + 1, b, room, NULL) == JUSTE_OK, pattern);
		FUZZ_CHECK(strcmp(a, b) != 0, pattern);
		FUZZ_CHECK(invoice_number_format(pattern, year == 9999 ? 1900 : year + 1, seq, b, room, NULL) == JUSTE_OK, pattern);
		FUZZ_CHECK(strcmp(a, b) != 0, pattern);
	} else if (st == JUSTE_OK) {
		/* the formatter does not need {year}; everything else is the same rule */
		FUZZ_CHECK(strstr(pattern, "{year}") == NULL, pattern);
	} else {
		FUZZ_CHECK(st == JUSTE_EINVAL && e.msg[0] != '\0', pattern);
	}

	static const char *const keys[] = { "invoice.number_pattern", "invoice.credit_pattern" };
	for (int i = 0; i < 2; i++) {
		struct policy p;
		policy_defaults(&p);
		if (policy_set(&p, keys[i], "", pattern, NULL) != JUSTE_OK)
			continue;
		FUZZ_CHECK(valid, pattern);
		char number[INVOICE_NUMBER_LEN];
		e = (struct juste_err){ 0 };
		FUZZ_CHECK(invoice_number_format(i ? p.credit_pattern : p.invoice_pattern, 9999, INT_MAX, number,
			sizeof number, &e) == JUSTE_OK, pattern);
	}
	free(pattern);
	free(a);
	free(b);
	return 0;
}
