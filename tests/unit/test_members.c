/* Unit tests for members.c: each client's share of the year, the share of
 * operations with members (membre and auxiliaire, net of credit notes),
 * and the ristourne split by largest remainder among the members with a
 * positive business. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "juste/members.h"

static void add(struct members_report *m, const char *code, enum org_category cat, int64_t invoiced,
	int64_t credited)
{
	struct report_client c;
	memset(&c, 0, sizeof c);
	snprintf(c.code, sizeof c.code, "%s", code);
	snprintf(c.name, sizeof c.name, "Org %s", code);
	c.category = cat;
	c.invoiced_cents = invoiced;
	c.credited_cents = credited;
	assert_int_equal(members_add(m, &c, NULL), JUSTE_OK);
}

/* test_report.sh's 2019-2020, by hand: AUX1 120 - 20, FED 450, NM 300,
 * SOUT (soutien: a member, not counted with members) 50. */
static void fixture(struct members_report *m)
{
	memset(m, 0, sizeof *m);
	add(m, "AUX1", CATEGORY_AUXILIAIRE, 12000, -2000);
	add(m, "FED", CATEGORY_MEMBRE, 45000, 0);
	add(m, "NM", CATEGORY_NON_MEMBRE, 30000, 0);
	add(m, "SOUT", CATEGORY_SOUTIEN, 5000, 0);
	members_finish(m);
}

static void test_shares(void **state)
{
	(void)state;
	struct members_report m;
	fixture(&m);
	assert_int_equal(m.n, 4);
	assert_int_equal(m.total_cents, 90000);
	assert_int_equal(m.with_members_cents, 55000);
	assert_true(m.with_members_share.ok);
	assert_int_equal(m.with_members_share.tenths, 611);   /* 550 / 900 = 61,1 % */
	assert_string_equal(m.rows[0].c.code, "AUX1");
	assert_int_equal(m.rows[0].net_cents, 10000);
	assert_true(m.rows[0].with_members);
	assert_int_equal(m.rows[0].share.tenths, 111);        /* 100 / 900 */
	assert_int_equal(m.rows[1].share.tenths, 500);        /* 450 / 900 */
	assert_false(m.rows[2].with_members);
	assert_int_equal(m.rows[2].share.tenths, 333);
	assert_false(m.rows[3].with_members);                 /* soutien */
	assert_int_equal(m.rows[3].share.tenths, 56);         /* 50 / 900 = 5,56 % */
	members_free(&m);
	assert_int_equal(m.n, 0);
	members_free(NULL);

	/* a year without business: no share */
	memset(&m, 0, sizeof m);
	members_finish(&m);
	assert_false(m.with_members_share.ok);
	members_free(&m);
}

static void test_ristourne(void **state)
{
	(void)state;
	struct members_report m;
	fixture(&m);
	struct members_ristourne r;
	/* 100,00 $ between FED (450) and AUX1 (100): 8181,82 and 1818,18 ->
	 * 8181 + 1818 = 9999; the cent left to FED (larger remainder) */
	assert_int_equal(members_ristourne_compute(&m, 10000, "2019-2020", &r, NULL), JUSTE_OK);
	assert_int_equal(r.n, 2);
	assert_string_equal(r.rows[0].code, "AUX1");
	assert_int_equal(r.rows[0].business_cents, 10000);
	assert_int_equal(r.rows[0].share_cents, 1818);
	assert_string_equal(r.rows[1].code, "FED");
	assert_int_equal(r.rows[1].share_cents, 8182);
	assert_int_equal(r.rows[1].category, CATEGORY_MEMBRE);
	assert_int_equal(r.amount_cents, 10000);
	assert_int_equal(r.allocated_cents, 10000);
	assert_int_equal(r.business_cents, 55000);
	members_ristourne_free(&r);
	members_ristourne_free(NULL);

	/* 7 cents add up too */
	assert_int_equal(members_ristourne_compute(&m, 7, "2019-2020", &r, NULL), JUSTE_OK);
	assert_int_equal(r.rows[0].share_cents + r.rows[1].share_cents, 7);
	members_ristourne_free(&r);

	struct juste_err e;
	memset(&e, 0, sizeof e);
	assert_int_equal(members_ristourne_compute(&m, 0, "2019-2020", &r, &e), JUSTE_EINVAL);
	assert_null(r.rows);
	members_free(&m);

	/* a member fully credited has no business: not eligible; none left */
	memset(&m, 0, sizeof m);
	add(&m, "AUX1", CATEGORY_AUXILIAIRE, 12000, -12000);
	add(&m, "NM", CATEGORY_NON_MEMBRE, 30000, 0);
	members_finish(&m);
	memset(&e, 0, sizeof e);
	assert_int_equal(members_ristourne_compute(&m, 10000, "2018-2019", &r, &e), JUSTE_EINVAL);
	assert_non_null(strstr(e.msg, "2018-2019"));
	assert_null(r.rows);
	members_free(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shares),
		cmocka_unit_test(test_ristourne),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
