/*
 * test_payments.c - settling invoices: partial and full payments, a payment
 * across three invoices, an overpayment used by the next month's invoice, a
 * voided payment, a credit note on a partly paid invoice, and ageing.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "juste/payments.h"

static date_t d(int y, int m, int day)
{
	return date_from_ymd(y, m, day);
}

#define INV(id, y, m, dd, total) { id, 0, d(y, m, dd), d(y, m, dd) + 30, total }
#define CREDIT(id, of, y, m, dd, total) { id, of, d(y, m, dd), d(y, m, dd), total }
#define PAY(id, inv, y, m, dd, amount) { id, inv, d(y, m, dd), false, 0, amount }

static void test_partial_then_full(void **state)
{
	(void)state;
	struct payments_doc docs[] = { INV(1, 2020, 3, 31, 11498) };
	struct payments_payment pays[] = { PAY(1, 1, 2020, 4, 10, 5000), PAY(2, 1, 2020, 4, 20, 6498) };
	struct payments_result r;
	assert_int_equal(payments_settle(docs, 1, pays, 2, d(2020, 4, 15), &r, NULL), JUSTE_OK);
	assert_int_equal(payments_open_cents(&r, 0), 6498);
	assert_int_equal(payments_state_of(&r.docs[0]), PAYMENTS_PARTIAL);
	payments_result_free(&r);
	assert_int_equal(payments_settle(docs, 1, pays, 2, d(2020, 4, 20), &r, NULL), JUSTE_OK);
	assert_int_equal(payments_open_cents(&r, 0), 0);
	assert_int_equal(r.credit_cents, 0);
	assert_int_equal(payments_state_of(&r.docs[0]), PAYMENTS_PAID);
	payments_result_free(&r);
	/* before the first payment: unpaid; before the invoice: nothing */
	assert_int_equal(payments_settle(docs, 1, pays, 2, d(2020, 4, 1), &r, NULL), JUSTE_OK);
	assert_int_equal(payments_state_of(&r.docs[0]), PAYMENTS_UNPAID);
	payments_result_free(&r);
	assert_int_equal(payments_settle(docs, 1, pays, 2, d(2020, 3, 30), &r, NULL), JUSTE_OK);
	assert_false(r.docs[0].issued);
	assert_int_equal(payments_open_cents(&r, 0), 0);
	payments_result_free(&r);
}

static void test_across_three_oldest_first(void **state)
{
	(void)state;
	/* entered out of order: the oldest is settled first all the same */
	struct payments_doc docs[] = { INV(3, 2020, 3, 31, 30000), INV(1, 2020, 1, 31, 10000), INV(2, 2020, 2, 29, 20000) };
	struct payments_payment pays[] = { PAY(1, 0, 2020, 4, 10, 45000) };
	struct payments_result r;
	assert_int_equal(payments_settle(docs, 3, pays, 1, d(2020, 4, 10), &r, NULL), JUSTE_OK);
	assert_int_equal(payments_open_cents(&r, 1), 0);
	assert_int_equal(payments_open_cents(&r, 2), 0);
	assert_int_equal(payments_open_cents(&r, 0), 15000);
	assert_int_equal(r.credit_cents, 0);
	/* received once, applied three times, adding up to the payment */
	int64_t applied = 0;
	size_t napplied = 0;
	for (size_t i = 0; i < r.nmoves; i++)
		if (r.moves[i].kind == PAYMENTS_MOVE_APPLIED) {
			applied += r.moves[i].amount_cents;
			napplied++;
		}
	assert_int_equal(napplied, 3);
	assert_int_equal(applied, 45000);
	payments_result_free(&r);
}

static void test_overpayment_used_next_month(void **state)
{
	(void)state;
	struct payments_doc docs[] = { INV(1, 2020, 3, 31, 10000), INV(2, 2020, 4, 30, 8000) };
	struct payments_payment pays[] = { PAY(1, 1, 2020, 4, 10, 15000) };
	struct payments_result r;
	assert_int_equal(payments_settle(docs, 2, pays, 1, d(2020, 4, 10), &r, NULL), JUSTE_OK);
	assert_int_equal(payments_open_cents(&r, 0), 0);
	assert_int_equal(r.credit_cents, 5000);
	payments_result_free(&r);
	assert_int_equal(payments_settle(docs, 2, pays, 1, d(2020, 4, 30), &r, NULL), JUSTE_OK);
	assert_int_equal(r.credit_cents, 0);
	assert_int_equal(payments_open_cents(&r, 1), 3000);
	assert_int_equal(payments_state_of(&r.docs[1]), PAYMENTS_PARTIAL);
	/* the application is dated the day the invoice was issued */
	assert_int_equal(r.moves[r.nmoves - 1].on, d(2020, 4, 30));
	assert_int_equal(r.moves[r.nmoves - 1].amount_cents, 5000);
	payments_result_free(&r);
}

static void test_voided_payment(void **state)
{
	(void)state;
	struct payments_doc docs[] = { INV(1, 2020, 3, 31, 10000), INV(2, 2020, 3, 31, 4000) };
	struct payments_payment pays[] = {
		{ 1, 0, d(2020, 4, 10), true, d(2020, 4, 20), 10000 },   /* a cheque that bounced */
		PAY(2, 0, 2020, 4, 15, 4000),
	};
	struct payments_result r;
	assert_int_equal(payments_settle(docs, 2, pays, 2, d(2020, 4, 15), &r, NULL), JUSTE_OK);
	assert_int_equal(payments_open_cents(&r, 0), 0);
	assert_int_equal(payments_open_cents(&r, 1), 0);
	payments_result_free(&r);
	/* voided: invoice 1 opens again, and payment 2 (which had settled
	 * invoice 2) stays where it is */
	assert_int_equal(payments_settle(docs, 2, pays, 2, d(2020, 4, 20), &r, NULL), JUSTE_OK);
	assert_int_equal(payments_open_cents(&r, 0), 10000);
	assert_int_equal(payments_open_cents(&r, 1), 0);
	assert_int_equal(r.credit_cents, 0);
	int64_t net = 0;
	for (size_t i = 0; i < r.nmoves; i++)
		if (r.moves[i].invoice_id == 0)
			net += r.moves[i].amount_cents;
	assert_int_equal(net, 4000);   /* money in, less the voided cheque */
	payments_result_free(&r);
}

static void test_credit_note_on_partly_paid(void **state)
{
	(void)state;
	struct payments_doc docs[] = { INV(1, 2020, 3, 31, 11498), CREDIT(2, 1, 2020, 4, 20, -5749),
		INV(3, 2020, 4, 30, 2000) };
	struct payments_payment pays[] = { PAY(1, 1, 2020, 4, 10, 8000) };
	struct payments_result r;
	assert_int_equal(payments_settle(docs, 3, pays, 1, d(2020, 4, 19), &r, NULL), JUSTE_OK);
	assert_int_equal(payments_open_cents(&r, 0), 3498);
	payments_result_free(&r);
	/* the credit note leaves 57,49 to pay; 80,00 were paid: 22,51 back to
	 * the client's credit, then 20,00 of it settles the next invoice */
	assert_int_equal(payments_settle(docs, 3, pays, 1, d(2020, 4, 20), &r, NULL), JUSTE_OK);
	assert_int_equal(r.docs[0].net_cents, 5749);
	assert_int_equal(payments_open_cents(&r, 0), 0);
	assert_int_equal(payments_state_of(&r.docs[0]), PAYMENTS_PAID);
	assert_int_equal(r.credit_cents, 2251);
	assert_int_equal(payments_open_cents(&r, 1), 0);   /* a credit note owes nothing */
	payments_result_free(&r);
	assert_int_equal(payments_settle(docs, 3, pays, 1, d(2020, 5, 1), &r, NULL), JUSTE_OK);
	assert_int_equal(r.credit_cents, 251);
	assert_int_equal(payments_open_cents(&r, 2), 0);
	payments_result_free(&r);
	/* a full credit of an unpaid invoice: credited, nothing open */
	struct payments_doc full[] = { INV(1, 2020, 3, 31, 11498), CREDIT(2, 1, 2020, 4, 20, -11498) };
	assert_int_equal(payments_settle(full, 2, NULL, 0, d(2020, 5, 1), &r, NULL), JUSTE_OK);
	assert_int_equal(payments_state_of(&r.docs[0]), PAYMENTS_CREDITED);
	payments_result_free(&r);
}

static void test_missing_invoice(void **state)
{
	(void)state;
	struct payments_doc docs[] = { CREDIT(2, 1, 2020, 4, 20, -100) };
	struct payments_result r;
	struct juste_err e = { 0 };
	assert_int_equal(payments_settle(docs, 1, NULL, 0, d(2020, 5, 1), &r, &e), JUSTE_EINVAL);
	assert_null(r.docs);
}

static void test_ageing(void **state)
{
	(void)state;
	date_t due = d(2020, 4, 30);
	assert_int_equal(payments_age_of(due, due), PAYMENTS_AGE_CURRENT);
	assert_int_equal(payments_age_of(due, due + 1), PAYMENTS_AGE_1_30);
	assert_int_equal(payments_age_of(due, due + 30), PAYMENTS_AGE_1_30);
	assert_int_equal(payments_age_of(due, due + 31), PAYMENTS_AGE_31_60);
	assert_int_equal(payments_age_of(due, due + 60), PAYMENTS_AGE_31_60);
	assert_int_equal(payments_age_of(due, due + 61), PAYMENTS_AGE_61_90);
	assert_int_equal(payments_age_of(due, due + 90), PAYMENTS_AGE_61_90);
	assert_int_equal(payments_age_of(due, due + 91), PAYMENTS_AGE_OVER_90);
	struct payments_doc docs[] = { INV(1, 2020, 1, 31, 10000), INV(2, 2020, 3, 31, 20000) };
	struct payments_payment pays[] = { PAY(1, 0, 2020, 4, 10, 2500) };
	struct payments_result r;
	struct payments_ageing a = { 0 }, tot = { 0 };
	date_t at = d(2020, 5, 15);   /* invoice 1 due 03-01: 75 days; invoice 2 due 04-30: 15 days */
	assert_int_equal(payments_settle(docs, 2, pays, 1, at, &r, NULL), JUSTE_OK);
	payments_ageing_add(&a, docs, 2, &r, at);
	assert_int_equal(a.by_age[PAYMENTS_AGE_61_90], 7500);
	assert_int_equal(a.by_age[PAYMENTS_AGE_1_30], 20000);
	assert_int_equal(a.open_cents, 27500);
	assert_int_equal(a.balance_cents, 27500);
	payments_ageing_sum(&tot, &a);
	payments_ageing_sum(&tot, &a);
	assert_int_equal(tot.open_cents, 55000);
	payments_result_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_partial_then_full),
		cmocka_unit_test(test_across_three_oldest_first),
		cmocka_unit_test(test_overpayment_used_next_month),
		cmocka_unit_test(test_voided_payment),
		cmocka_unit_test(test_credit_note_on_partly_paid),
		cmocka_unit_test(test_missing_invoice),
		cmocka_unit_test(test_ageing),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
