/* Unit tests for policy.c: the table of the centre's keys, the defaults,
 * the validation of each kind of value, dated tax rates (the GST's own
 * history), the canonical text `settings show` prints and its round trip. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "juste/policy.h"

static date_t D(const char *s)
{
	date_t t = 0;

	if (date_parse(s, &t, NULL) != JUSTE_OK)
		fail_msg("bad date in the test: %s", s);
	return t;
}

static void set_ok(struct policy *p, const char *key, const char *from, const char *v)
{
	struct juste_err e = { 0 };

	if (policy_set(p, key, from, v, &e) != JUSTE_OK)
		fail_msg("%s = '%s' refused: %s", key, v, e.msg);
}

/* refused, with a message that starts with the key and holds want */
static void set_bad(struct policy *p, const char *key, const char *from, const char *v, const char *want)
{
	struct juste_err e = { 0 };

	assert_int_equal(policy_set(p, key, from, v, &e), JUSTE_EINVAL);
	if (strstr(e.msg, want) == NULL)
		fail_msg("%s = '%s': message '%s' lacks '%s'", key, v, e.msg, want);
}

static const char *get(const struct policy *p, const char *key, date_t on)
{
	static char buf[POLICY_VALUE_LEN];
	struct juste_err e = { 0 };

	if (policy_get(p, key, on, buf, sizeof buf, &e) != JUSTE_OK)
		fail_msg("get %s: %s", key, e.msg);
	return buf;
}

static void test_keys(void **state)
{
	(void)state;
	const char *names[] = { "centre.name", "centre.address", "centre.phone", "centre.email",
		"centre.tps_number", "centre.tvq_number", "fiscal.year_start", "taxes.tps_rate", "taxes.tvq_rate",
		"invoice.number_pattern", "invoice.credit_pattern", "invoice.payment_days",
		"invoice.payment_terms", "invoice.payment_instructions", "invoice.paper", "calendar.easter_holiday", "approval.required_for_billing",
		"ledger.receivables", "ledger.revenue", "ledger.tps_payable", "ledger.tvq_payable", "ledger.tvh_payable",
		"ledger.bank", "ledger.client_credits",
		"reminders.first_reminder_days", "reminders.second_reminder_days", "reminders.final_notice_days",
		"mail.sendmail" };
	size_t n = sizeof names / sizeof names[0];

	assert_int_equal(policy_key_count(), n);
	for (size_t i = 0; i < n; i++) {
		const struct policy_key *k = policy_key_at(i);
		assert_non_null(k);
		assert_string_equal(k->name, names[i]);
		assert_ptr_equal(policy_key_find(names[i]), k);
		assert_true(k->doc != NULL && k->doc[0] != '\0');
		/* only the tax rates change on a date */
		assert_int_equal(k->dated, strncmp(names[i], "taxes.", 6) == 0);
	}
	assert_null(policy_key_at(n));
	assert_null(policy_key_find("taxes.tps"));
	assert_null(policy_key_find("TAXES.TPS_RATE"));
	assert_null(policy_key_find(""));
}

static void test_defaults(void **state)
{
	struct policy p;

	(void)state;
	memset(&p, 0x5a, sizeof p);
	policy_defaults(&p);
	assert_string_equal(p.centre_name, "Consortium de ressources et d'expertises coopératives");
	assert_non_null(strchr(p.centre_address, '\n'));
	assert_string_equal(p.tps_number, "123456789RT0001");
	assert_string_equal(p.tvq_number, "1234567890TQ0001");
	assert_int_equal(p.fy_start.month, 4);
	assert_int_equal(p.fy_start.day, 1);
	assert_int_equal(p.ntps, 1);
	assert_int_equal(p.ntvq, 1);
	assert_int_equal(policy_tps_rate(&p, D("1990-01-01")), 5000);
	assert_int_equal(policy_tvq_rate(&p, D("2020-04-02")), 9975);
	assert_string_equal(p.invoice_pattern, "F{year}-{seq:4}");
	assert_string_equal(p.credit_pattern, "NC{year}-{seq:4}");
	assert_true(policy_pattern_valid(p.invoice_pattern) && policy_pattern_valid(p.credit_pattern));
	assert_int_equal(p.payment_days, 30);
	assert_string_equal(p.payment_terms, "Net 30 jours");
	assert_string_equal(p.paper, "A4");
}

static void test_text(void **state)
{
	struct policy p;
	char v[600];

	(void)state;
	policy_defaults(&p);
	set_ok(&p, "centre.address", "", "1 rue Principale\\nQuébec (Québec)  G1R 1A1");
	assert_string_equal(p.centre_address, "1 rue Principale\nQuébec (Québec)  G1R 1A1");
	set_ok(&p, "centre.address", "", "2 rue\nLévis");   /* a real line break too */
	assert_string_equal(p.centre_address, "2 rue\nLévis");
	set_ok(&p, "centre.phone", "", "");
	assert_string_equal(p.centre_phone, "");
	set_bad(&p, "centre.name", "", "Consortium\tCRÉ", "centre.name : caractère de contrôle refusé");
	set_bad(&p, "centre.name", "", "Consortium\rCRÉ", "caractère de contrôle refusé");
	/* the phone's buffer is 64 bytes: 63 fit, 64 do not */
	memset(v, '1', 63);
	v[63] = '\0';
	set_ok(&p, "centre.phone", "", v);
	assert_int_equal(strlen(p.centre_phone), 63);
	v[63] = '1';
	v[64] = '\0';
	set_bad(&p, "centre.phone", "", v, "centre.phone : valeur trop longue (63 octets au plus)");
	/* a refused value leaves the field as it was (no half-written text) */
	assert_int_equal(strlen(p.centre_phone), 63);
	set_ok(&p, "centre.name", "", "Centre");
	set_bad(&p, "centre.name", "", "Nouveau\x01nom", "caractère de contrôle refusé");
	assert_string_equal(p.centre_name, "Centre");
	/* any value: at most POLICY_VALUE_LEN - 1 bytes */
	char big[POLICY_VALUE_LEN + 1];
	memset(big, 'a', POLICY_VALUE_LEN);
	big[POLICY_VALUE_LEN] = '\0';
	set_bad(&p, "invoice.payment_terms", "", big, "trop longue (1023 octets au plus)");
}

static void test_tax_numbers(void **state)
{
	struct policy p;

	(void)state;
	policy_defaults(&p);
	set_ok(&p, "centre.tps_number", "", "987654321RT0002");
	assert_string_equal(p.tps_number, "987654321RT0002");
	set_ok(&p, "centre.tvq_number", "", "9876543210TQ0002");
	assert_string_equal(p.tvq_number, "9876543210TQ0002");
	const char *bad_tps[] = { "", "12345678RT0001", "1234567890RT0001", "123456789RT001", "123456789RT00011",
		"123456789rt0001", "123456789TQ0001", "12345678XRT0001", "123456789RT000X", " 123456789RT0001", NULL };
	for (int i = 0; bad_tps[i]; i++)
		set_bad(&p, "centre.tps_number", "", bad_tps[i], "numéro de TPS attendu");
	const char *bad_tvq[] = { "123456789TQ0001", "1234567890RT0001", "1234567890tq0001", "1234567890TQ001", NULL };
	for (int i = 0; bad_tvq[i]; i++)
		set_bad(&p, "centre.tvq_number", "", bad_tvq[i], "numéro de TVQ attendu");
	/* refusals changed nothing */
	assert_string_equal(p.tps_number, "987654321RT0002");
	assert_string_equal(p.tvq_number, "9876543210TQ0002");
}

static void test_fiscal_start(void **state)
{
	struct policy p;

	(void)state;
	policy_defaults(&p);
	set_ok(&p, "fiscal.year_start", "", "01-01");
	assert_int_equal(p.fy_start.month, 1);
	assert_int_equal(p.fy_start.day, 1);
	assert_string_equal(get(&p, "fiscal.year_start", 0), "01-01");
	set_bad(&p, "fiscal.year_start", "", "02-29", "fiscal.year_start : ");
	set_bad(&p, "fiscal.year_start", "", "13-01", "fiscal.year_start : ");
	set_bad(&p, "fiscal.year_start", "", "4-1", "fiscal.year_start : ");
	assert_int_equal(p.fy_start.month, 1);   /* unchanged */
	set_bad(&p, "fiscal.year_start", "2020-01-01", "04-01", "n'est pas daté");
}

/* The GST: 7 % until 2006-06-30, 6 % from 2006-07-01, 5 % from 2008-01-01. */
static void test_dated_rates(void **state)
{
	struct policy p;

	(void)state;
	policy_defaults(&p);
	set_ok(&p, "taxes.tps_rate", "", "7");                /* since always */
	set_ok(&p, "taxes.tps_rate", "2008-01-01", "5 %");    /* given out of order */
	set_ok(&p, "taxes.tps_rate", "2006-07-01", "6");
	assert_int_equal(p.ntps, 3);
	assert_int_equal(p.tps[0].from, POLICY_ALWAYS);
	assert_true(p.tps[1].from < p.tps[2].from);   /* kept ascending */
	assert_int_equal(policy_tps_rate(&p, D("1991-01-01")), 7000);
	assert_int_equal(policy_tps_rate(&p, D("2006-06-30")), 7000);
	assert_int_equal(policy_tps_rate(&p, D("2006-07-01")), 6000);
	assert_int_equal(policy_tps_rate(&p, D("2007-12-31")), 6000);
	assert_int_equal(policy_tps_rate(&p, D("2008-01-01")), 5000);
	assert_int_equal(policy_tps_rate(&p, D("2030-01-01")), 5000);
	assert_string_equal(get(&p, "taxes.tps_rate", D("2007-01-01")), "6");
	/* a value of the same date replaces it */
	set_ok(&p, "taxes.tps_rate", "2006-07-01", "6.5");
	assert_int_equal(p.ntps, 3);
	assert_int_equal(policy_tps_rate(&p, D("2007-01-01")), 6500);
	assert_string_equal(get(&p, "taxes.tps_rate", D("2007-01-01")), "6.5");
	/* the TVQ is its own list */
	assert_int_equal(policy_tvq_rate(&p, D("2007-01-01")), 9975);
	set_ok(&p, "taxes.tvq_rate", "2011-01-01", "8,5");
	assert_int_equal(policy_tvq_rate(&p, D("2010-12-31")), 9975);
	assert_int_equal(policy_tvq_rate(&p, D("2011-01-01")), 8500);
	assert_string_equal(get(&p, "taxes.tvq_rate", D("2011-01-01")), "8.5");
	assert_int_equal(policy_tps_rate(&p, D("2011-01-01")), 5000);
	/* refusals */
	set_bad(&p, "taxes.tps_rate", "2020-02-30", "5", "taxes.tps_rate : date invalide");
	set_bad(&p, "taxes.tps_rate", "", "cinq", "taxes.tps_rate : taux invalide");
	set_bad(&p, "taxes.tps_rate", "", "101", "taxes.tps_rate : taux hors limites");
	set_bad(&p, "taxes.tvq_rate", "", "9.9751", "au plus trois décimales");
	set_bad(&p, "invoice.payment_days", "2020-01-01", "30", "invoice.payment_days : ce réglage n'est pas daté");
	assert_int_equal(p.ntps, 3);
}

static void test_dated_limit(void **state)
{
	struct policy p;
	char day[ISO_LEN];

	(void)state;
	policy_defaults(&p);   /* one value already: since always */
	for (int i = 1; i < POLICY_DATED_MAX; i++) {
		snprintf(day, sizeof day, "%04d-01-01", 1990 + i);
		set_ok(&p, "taxes.tps_rate", day, "5");
	}
	assert_int_equal(p.ntps, POLICY_DATED_MAX);
	set_bad(&p, "taxes.tps_rate", "2050-01-01", "5", "trop de valeurs datées (32 au plus)");
	assert_int_equal(p.ntps, POLICY_DATED_MAX);
	set_ok(&p, "taxes.tps_rate", "2000-01-01", "4");   /* replacing still works when full */
	assert_int_equal(policy_tps_rate(&p, D("2000-06-01")), 4000);
	assert_int_equal(policy_tps_rate(&p, D("2001-06-01")), 5000);
}

static void test_patterns(void **state)
{
	struct policy p;

	(void)state;
	const char *good[] = { "F{year}-{seq:4}", "{year}{seq}", "{seq:1}/{year}", "FAC-{year}-{seq:9}",
		"{year}-{year}-{seq:2}", NULL };
	const char *bad[] = { "", "F{seq:4}", "F{year}", "F{year}-{seq:0}", "F{year}-{seq:10}", "F{year}-{seq:4x}",
		"F{year}-{seq", "F{year}-{seq:4}-{seq}", "F{Year}-{seq}", "F{year}-{seq}{mois}", "F{yr}{year}{seq}",
		NULL };
	for (int i = 0; good[i]; i++)
		if (!policy_pattern_valid(good[i]))
			fail_msg("pattern '%s' refused", good[i]);
	for (int i = 0; bad[i]; i++)
		if (policy_pattern_valid(bad[i]))
			fail_msg("pattern '%s' accepted", bad[i]);
	policy_defaults(&p);
	set_ok(&p, "invoice.number_pattern", "", "FAC{year}/{seq:5}");
	assert_string_equal(p.invoice_pattern, "FAC{year}/{seq:5}");
	set_bad(&p, "invoice.credit_pattern", "", "NC-{seq:4}", "invoice.credit_pattern : motif attendu");
	assert_string_equal(p.credit_pattern, "NC{year}-{seq:4}");
	/* the pattern's buffer is 64 bytes, but what limits it is the number
	 * it gives: 63 bytes fit the buffer and give numbers of 50 + 4 + 10
	 * bytes, more than an invoice's 32 (test_invoice: test_pattern_fits) */
	char longp[80];
	memset(longp, 'F', sizeof longp);
	memcpy(longp + 50, "{year}{seq:4}", 14);   /* 50 + 13 = 63 */
	set_bad(&p, "invoice.number_pattern", "", longp, "motif trop long");
	assert_string_equal(p.invoice_pattern, "FAC{year}/{seq:5}");
	memset(longp, 'F', sizeof longp);
	memcpy(longp + 51, "{year}{seq:4}", 14);   /* 64 */
	set_bad(&p, "invoice.number_pattern", "", longp, "motif attendu");
}

static void test_numbers_and_choices(void **state)
{
	struct policy p;

	(void)state;
	policy_defaults(&p);
	set_ok(&p, "invoice.payment_days", "", "0");
	assert_int_equal(p.payment_days, 0);
	set_ok(&p, "invoice.payment_days", "", "365");
	assert_int_equal(p.payment_days, 365);
	assert_string_equal(get(&p, "invoice.payment_days", 0), "365");
	set_bad(&p, "invoice.payment_days", "", "366", "invoice.payment_days : doit être entre 0 et 365");
	set_bad(&p, "invoice.payment_days", "", "-1", "doit être entre 0 et 365");
	const char *not_int[] = { "", "abc", "30 ", "3.5", "30j", "0x10", "99999999999999999999999", NULL };
	for (int i = 0; not_int[i]; i++)
		set_bad(&p, "invoice.payment_days", "", not_int[i], "nombre entier attendu");
	assert_int_equal(p.payment_days, 365);

	set_ok(&p, "invoice.paper", "", "letter");
	assert_string_equal(p.paper, "Letter");   /* canonical spelling */
	set_ok(&p, "invoice.paper", "", "a4");
	assert_string_equal(p.paper, "A4");
	const char *bad_paper[] = { "A5", "A", "Lettre", "", "A4|Letter", "Letter ", NULL };
	for (int i = 0; bad_paper[i]; i++)
		set_bad(&p, "invoice.paper", "", bad_paper[i], "inconnue, attendu : A4|Letter");
	assert_string_equal(p.paper, "A4");

	struct juste_err e = { 0 };
	char buf[64];
	assert_int_equal(policy_set(&p, "taxes.gst", "", "5", &e), JUSTE_EINVAL);
	assert_non_null(strstr(e.msg, "réglage inconnu : taxes.gst"));
	assert_int_equal(policy_get(&p, "taxes.gst", 0, buf, sizeof buf, &e), JUSTE_EINVAL);
}

/* The defaults are the example: an identity is the centre's own only once
 * both tax numbers are; its name and address may stay (they are the
 * Consortium's). */
static void test_example_identity(void **state)
{
	struct policy p;
	struct juste_err e = { 0 };

	(void)state;
	policy_defaults(&p);
	assert_true(policy_is_example(&p));
	assert_string_equal(policy_example_key(&p), "centre.tps_number");
	assert_int_equal(policy_set(&p, "centre.tps_number", "", "987654321RT0001", &e), JUSTE_OK);
	assert_true(policy_is_example(&p));
	assert_string_equal(policy_example_key(&p), "centre.tvq_number");
	assert_int_equal(policy_set(&p, "centre.tvq_number", "", "9876543210TQ0001", &e), JUSTE_OK);
	assert_false(policy_is_example(&p));
	assert_null(policy_example_key(&p));
	/* back to one of the example's numbers: the example again */
	assert_int_equal(policy_set(&p, "centre.tps_number", "", "123456789RT0001", &e), JUSTE_OK);
	assert_string_equal(policy_example_key(&p), "centre.tps_number");
	/* the name alone does not make an example, nor set it apart */
	policy_defaults(&p);
	assert_int_equal(policy_set(&p, "centre.name", "", "Centre d'essai", &e), JUSTE_OK);
	assert_true(policy_is_example(&p));
}

/* What `settings show` prints, set again, gives the same policy: the store
 * keeps the canonical text. */
static void test_round_trip(void **state)
{
	struct policy p, q;
	char first[POLICY_VALUE_LEN];
	date_t on = D("2020-04-02");

	(void)state;
	policy_defaults(&p);
	set_ok(&p, "taxes.tvq_rate", "", "9,975 %");
	set_ok(&p, "taxes.tps_rate", "", "12.345");
	set_ok(&p, "invoice.paper", "", "LETTER");
	set_ok(&p, "centre.address", "", "1 rue\\n2e étage");
	assert_string_equal(get(&p, "taxes.tvq_rate", on), "9.975");
	assert_string_equal(get(&p, "taxes.tps_rate", on), "12.345");
	for (size_t i = 0; i < policy_key_count(); i++) {
		const char *key = policy_key_at(i)->name;
		snprintf(first, sizeof first, "%s", get(&p, key, on));
		policy_defaults(&q);
		set_ok(&q, key, "", first);
		assert_string_equal(get(&q, key, on), first);
	}
	const char *rates[][2] = { { "5", "5" }, { "9.5", "9.5" }, { "10.05", "10.05" }, { "0.001", "0.001" },
		{ "100", "100" }, { "0", "0" }, { "7,250", "7.25" } };
	for (size_t i = 0; i < sizeof rates / sizeof rates[0]; i++) {
		policy_defaults(&q);
		set_ok(&q, "taxes.tps_rate", "", rates[i][0]);
		assert_string_equal(get(&q, "taxes.tps_rate", on), rates[i][1]);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_keys),
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_tax_numbers),
		cmocka_unit_test(test_fiscal_start),
		cmocka_unit_test(test_dated_rates),
		cmocka_unit_test(test_dated_limit),
		cmocka_unit_test(test_patterns),
		cmocka_unit_test(test_numbers_and_choices),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_example_identity),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
