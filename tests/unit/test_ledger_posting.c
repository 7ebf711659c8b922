/*
 * test_ledger_posting.c - what documents and payment movements post (ledger.c),
 * and the reminder levels (reminders.c), with amounts worked by hand.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "juste/ledger.h"
#include "juste/reminders.h"

static void invoice_posts_receivables_revenue_and_taxes(void **state)
{
	(void)state;
	/* 950,00 + TPS 47,50 + TVQ 94,76 = 1 092,26 */
	struct ledger_doc d = { 95000, 4750, 9476, 109226, TAX_REGIME_TPS_TVQ };
	struct ledger_entry e;
	ledger_post_doc(&d, &e);
	assert_int_equal(ledger_debit(&e, LEDGER_RECEIVABLES), 109226);
	assert_int_equal(ledger_credit(&e, LEDGER_REVENUE), 95000);
	assert_int_equal(ledger_credit(&e, LEDGER_TPS), 4750);
	assert_int_equal(ledger_credit(&e, LEDGER_TVQ), 9476);
	assert_int_equal(e.net[LEDGER_TVH], 0);
	assert_true(ledger_entry_balanced(&e));
}

static void harmonized_tax_goes_to_tvh(void **state)
{
	(void)state;
	struct ledger_doc d = { 19000, 2470, 0, 21470, TAX_REGIME_TVH };
	struct ledger_entry e;
	ledger_post_doc(&d, &e);
	assert_int_equal(ledger_credit(&e, LEDGER_TVH), 2470);
	assert_int_equal(e.net[LEDGER_TPS], 0);
	assert_true(ledger_entry_balanced(&e));
}

static void credit_note_reverses(void **state)
{
	(void)state;
	struct ledger_doc d = { -5000, -250, -499, -5749, TAX_REGIME_TPS_TVQ };
	struct ledger_entry e;
	ledger_post_doc(&d, &e);
	assert_int_equal(ledger_credit(&e, LEDGER_RECEIVABLES), 5749);
	assert_int_equal(ledger_debit(&e, LEDGER_REVENUE), 5000);
	assert_int_equal(ledger_debit(&e, LEDGER_TPS), 250);
	assert_int_equal(ledger_debit(&e, LEDGER_TVQ), 499);
	assert_true(ledger_entry_balanced(&e));
}

static void payment_moves_net_per_entry(void **state)
{
	(void)state;
	/* 1 200,00 in, 592,26 and 436,91 settled: 170,83 left on account */
	struct payments_move in = { 0, 3, 0, 120000, PAYMENTS_MOVE_RECEIVED };
	struct payments_move a = { 0, 3, 11, 59226, PAYMENTS_MOVE_APPLIED };
	struct payments_move b = { 0, 3, 12, 43691, PAYMENTS_MOVE_APPLIED };
	struct ledger_entry e = { { 0 } };
	ledger_post_move(&in, &e);
	ledger_post_move(&a, &e);
	ledger_post_move(&b, &e);
	assert_int_equal(ledger_debit(&e, LEDGER_BANK), 120000);
	assert_int_equal(ledger_credit(&e, LEDGER_RECEIVABLES), 102917);
	assert_int_equal(ledger_credit(&e, LEDGER_CREDITS), 17083);
	assert_true(ledger_entry_balanced(&e));
	/* voided the same day: settlements back, money back out, nothing left */
	struct payments_move va = { 0, 3, 11, -59226, PAYMENTS_MOVE_VOIDED };
	struct payments_move vb = { 0, 3, 12, -43691, PAYMENTS_MOVE_VOIDED };
	struct payments_move out = { 0, 3, 0, -120000, PAYMENTS_MOVE_VOIDED };
	ledger_post_move(&va, &e);
	ledger_post_move(&vb, &e);
	ledger_post_move(&out, &e);
	assert_true(ledger_entry_empty(&e));
}

static void reminder_levels(void **state)
{
	(void)state;
	const int days[REMINDER_LEVEL_COUNT] = { 15, 30, 45 };
	assert_int_equal(reminders_level_of(days, 0), -1);
	assert_int_equal(reminders_level_of(days, 14), -1);
	assert_int_equal(reminders_level_of(days, 15), REMINDER_FIRST);
	assert_int_equal(reminders_level_of(days, 29), REMINDER_FIRST);
	assert_int_equal(reminders_level_of(days, 30), REMINDER_SECOND);
	assert_int_equal(reminders_level_of(days, 45), REMINDER_FINAL);
	assert_int_equal(reminders_level_of(days, 400), REMINDER_FINAL);
	struct juste_err e = { 0 };
	assert_int_equal(reminders_check_days(days, &e), JUSTE_OK);
	const int bad[REMINDER_LEVEL_COUNT] = { 15, 15, 45 };
	assert_int_equal(reminders_check_days(bad, &e), JUSTE_EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(invoice_posts_receivables_revenue_and_taxes),
		cmocka_unit_test(harmonized_tax_goes_to_tvh),
		cmocka_unit_test(credit_note_reverses),
		cmocka_unit_test(payment_moves_net_per_entry),
		cmocka_unit_test(reminder_levels),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
