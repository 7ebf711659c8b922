/*
 * fuzz_money.c - money_parse() (amounts in every CSV, rates, budgets,
 * finance figures, credit notes) and money_rate_parse() (tax rates).  Each
 * input goes through both.  An amount accepted formats, plain and French,
 * and parses back to the same cents; a rate accepted is 0 to 100 % and
 * its invoice form parses back to itself; a tax on an amount never
 * exceeds the amount.
 */
#include "fuzz.h"
#include "juste/money.h"

static uint64_t magnitude(int64_t v)
{
	return v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_cstr(data, size);
	struct juste_err e = { 0 };
	int64_t cents = 0, back;
	int32_t rate = -1, rback;
	char buf[MONEY_BUF];

	juste_status st = money_parse(s, &cents, &e);
	if (st == JUSTE_OK) {
		money_format_plain(cents, buf, sizeof buf);
		back = 0;
		FUZZ_CHECK(money_parse(buf, &back, NULL) == JUSTE_OK && back == cents, s);
		money_format_fr(cents, buf, sizeof buf);
		back = 0;
		FUZZ_CHECK(money_parse(buf, &back, NULL) == JUSTE_OK && back == cents, s);
	} else {
		FUZZ_CHECK(e.code == JUSTE_EINVAL && e.msg[0] != '\0', s);
	}

	e = (struct juste_err){ 0 };
	if (money_rate_parse(s, &rate, &e) == JUSTE_OK) {
		FUZZ_CHECK(rate >= 0 && rate <= TAX_RATE_SCALE, s);
		money_rate_format_fr(rate, buf, sizeof buf);
		rback = -1;
		FUZZ_CHECK(money_rate_parse(buf, &rback, NULL) == JUSTE_OK && rback == rate, s);
		if (st == JUSTE_OK) {
			int64_t tax = money_tax(cents, rate);
			FUZZ_CHECK(magnitude(tax) <= magnitude(cents), s);
			FUZZ_CHECK(tax == 0 || (tax < 0) == (cents < 0), s);
		}
	} else {
		FUZZ_CHECK(e.code == JUSTE_EINVAL && e.msg[0] != '\0' && rate == -1, s);
	}
	free(s);
	return 0;
}
