/* Unit tests for vocab.c: every word of every table parses to its value and
 * back, labels exist and go through the translation hook, unknown words are
 * refused naming the word and the words accepted, and the properties say
 * what DOMAIN.md says. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "juste/vocab.h"

static const enum vocab_kind kinds[] = {
	VOCAB_CATEGORY, VOCAB_BILLING, VOCAB_ROLE, VOCAB_FUNCTION, VOCAB_INVOICE_KIND, VOCAB_INVOICE_STATUS,
	VOCAB_LINE_KIND, VOCAB_ENTITY, VOCAB_ACTION, VOCAB_DEV_KIND, VOCAB_PARTNER, VOCAB_REPORT_BY, VOCAB_GENDER,
	VOCAB_PROVINCE, VOCAB_TAX_REGIME, VOCAB_TAX, VOCAB_INVOICE_STATE, VOCAB_BLOCKER,
	VOCAB_PAYMENT_METHOD,
	VOCAB_ABSENCE_KIND, VOCAB_WEEK_STATUS, VOCAB_LANGUAGE, VOCAB_MAIL_DOC,
};

static void test_round_trip(void **state)
{
	(void)state;
	assert_int_equal(sizeof kinds / sizeof kinds[0], VOCAB_KINDS);
	for (size_t k = 0; k < VOCAB_KINDS; k++) {
		size_t n = vocab_count(kinds[k]);
		assert_true(n >= 2);
		for (size_t i = 0; i < n; i++) {
			int v = vocab_value(kinds[k], i), back = -99;
			const char *w = vocab_word(kinds[k], v);
			struct juste_err e = { 0 };
			assert_true(w[0] != '\0');
			assert_true(vocab_label(kinds[k], v)[0] != '\0');
			assert_int_equal(vocab_parse(kinds[k], w, &back, &e), JUSTE_OK);
			assert_int_equal(back, v);
			assert_int_equal(vocab_index(kinds[k], v), (int)i);
			assert_int_equal(vocab_check(kinds[k], v, &e), JUSTE_OK);
			/* one word per value, one value per word */
			for (size_t j = 0; j < i; j++) {
				assert_int_not_equal(vocab_value(kinds[k], j), v);
				assert_string_not_equal(vocab_word(kinds[k], vocab_value(kinds[k], j)), w);
			}
		}
		assert_int_equal(vocab_value(kinds[k], n), -1);
	}
}

/* The typed forms, each with its own enum. */
static void test_typed(void **state)
{
	(void)state;
	enum org_category c = CATEGORY_NON_MEMBRE;
	assert_int_equal(vocab_category_parse(vocab_category_word(CATEGORY_AUXILIAIRE), &c, NULL), JUSTE_OK);
	assert_int_equal(c, CATEGORY_AUXILIAIRE);
	assert_string_equal(vocab_category_word(CATEGORY_NON_MEMBRE), "non_membre");
	enum billing_mode b = BILLING_HORAIRE;
	assert_int_equal(vocab_billing_parse("non_facturable", &b, NULL), JUSTE_OK);
	assert_int_equal(b, BILLING_NON_FACTURABLE);
	enum role r = ROLE_EXPERT;
	assert_int_equal(vocab_role_parse("gestionnaire", &r, NULL), JUSTE_OK);
	assert_int_equal(r, ROLE_GESTIONNAIRE);
	assert_string_equal(vocab_role_word(ROLE_ADMIN), "admin");
	enum expert_function f = FUNCTION_PROFESSIONNEL;
	assert_int_equal(vocab_function_parse("direction", &f, NULL), JUSTE_OK);
	assert_int_equal(f, FUNCTION_DIRECTION);
	enum invoice_kind ik = INVOICE_KIND_INVOICE;
	assert_int_equal(vocab_invoice_kind_parse("credit", &ik, NULL), JUSTE_OK);
	assert_int_equal(ik, INVOICE_KIND_CREDIT);
	enum invoice_status is = INVOICE_STATUS_DRAFT;
	assert_int_equal(vocab_invoice_status_parse("issued", &is, NULL), JUSTE_OK);
	assert_int_equal(is, INVOICE_STATUS_ISSUED);
	enum line_kind lk = LINE_KIND_HOURS;
	assert_int_equal(vocab_line_kind_parse("forfait", &lk, NULL), JUSTE_OK);
	assert_int_equal(lk, LINE_KIND_FORFAIT);
	enum audit_entity en = ENTITY_ENTRY;
	assert_int_equal(vocab_entity_parse("database", &en, NULL), JUSTE_OK);
	assert_int_equal(en, ENTITY_DATABASE);
	enum audit_action ac = ACTION_INSERT;
	assert_int_equal(vocab_action_parse("reopen", &ac, NULL), JUSTE_OK);
	assert_int_equal(ac, ACTION_REOPEN);
	enum dev_kind dk = DEV_KIND_EVENEMENT;
	assert_int_equal(vocab_dev_kind_parse("rencontre", &dk, NULL), JUSTE_OK);
	assert_int_equal(dk, DEV_KIND_RENCONTRE);
	enum dev_partner dp = PARTNER_RESEAUX;
	assert_int_equal(vocab_partner_parse("relayeurs", &dp, NULL), JUSTE_OK);
	assert_int_equal(dp, PARTNER_RELAYEURS);
	assert_string_equal(vocab_partner_label(PARTNER_OBNL), "Regroupements sectoriels et territoriaux d'OBNL");
	enum report_by by = REPORT_BY_EXPERT;
	assert_int_equal(vocab_report_by_parse("program", &by, NULL), JUSTE_OK);
	assert_int_equal(by, REPORT_BY_PROGRAM);
	enum gender g = GENDER_NONE;
	assert_int_equal(vocab_gender_parse("X", &g, NULL), JUSTE_OK);
	assert_int_equal(g, GENDER_X);
	/* no gender: no word, no label, not a value of the table */
	assert_string_equal(vocab_gender_word(GENDER_NONE), "");
	assert_string_equal(vocab_gender_label(GENDER_NONE), "");
	assert_int_equal(vocab_index(VOCAB_GENDER, GENDER_NONE), -1);
}

static void test_unknown(void **state)
{
	(void)state;
	struct juste_err e = { 0 };
	enum org_category c = CATEGORY_SOUTIEN;
	/* exact words only: no case folding, no trimming, no plural */
	const char *bad[] = { "Membre", "membre ", " membre", "membres", "non-membre", "", "membre\n" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_int_equal(vocab_category_parse(bad[i], &c, &e), JUSTE_EINVAL);
		assert_int_equal(c, CATEGORY_SOUTIEN);   /* unchanged */
		assert_string_equal(e.field, "category");
	}
	assert_int_equal(vocab_category_parse(NULL, &c, &e), JUSTE_EINVAL);
	assert_int_equal(vocab_category_parse("membres", &c, &e), JUSTE_EINVAL);
	assert_string_equal(e.msg, "catégorie inconnue 'membres' (membre, auxiliaire, soutien ou non_membre)");
	assert_int_equal(vocab_billing_parse("mensuel", &(enum billing_mode){ 0 }, &e), JUSTE_EINVAL);
	assert_string_equal(e.msg, "mode de facturation inconnu 'mensuel' (horaire, forfait ou non_facturable)");
	assert_string_equal(e.field, "billing");
	assert_int_equal(vocab_role_parse("patron", &(enum role){ ROLE_EXPERT }, &e), JUSTE_EINVAL);
	assert_string_equal(e.msg, "rôle inconnu 'patron' (expert, commis, gestionnaire ou admin)");
	assert_int_equal(vocab_function_parse("Direction", &(enum expert_function){ 0 }, &e), JUSTE_EINVAL);
	assert_string_equal(e.msg, "fonction inconnue 'Direction' (professionnel, formateur ou direction)");
	/* a word of another table is unknown here */
	assert_int_equal(vocab_function_parse("expert", &(enum expert_function){ 0 }, &e), JUSTE_EINVAL);
	assert_int_equal(vocab_entity_parse("entries", &(enum audit_entity){ 0 }, &e), JUSTE_EINVAL);
	assert_true(strstr(e.msg, "database ou mail") != NULL);
	/* a value outside the table: no word, no label, and checked */
	assert_string_equal(vocab_category_word((enum org_category)CATEGORY_COUNT), "");
	assert_string_equal(vocab_category_label((enum org_category)CATEGORY_COUNT), "");
	assert_string_equal(vocab_role_word((enum role)0), "");
	assert_int_equal(vocab_check(VOCAB_BILLING, 7, &e), JUSTE_EINVAL);
	assert_string_equal(e.msg, "mode de facturation inconnu '#7' (horaire, forfait ou non_facturable)");
	assert_int_equal(vocab_check(VOCAB_ROLE, 3, &e), JUSTE_EINVAL);   /* two bits: not a role */
	/* without an err to fill */
	assert_int_equal(vocab_partner_parse("bogus", &(enum dev_partner){ 0 }, NULL), JUSTE_EINVAL);
}

static void test_list(void **state)
{
	(void)state;
	char buf[128];
	assert_string_equal(vocab_list(VOCAB_BILLING, " | ", " | ", buf, sizeof buf), "horaire | forfait | non_facturable");
	assert_string_equal(vocab_list(VOCAB_GENDER, ", ", " et ", buf, sizeof buf), "F, M et X");
	assert_string_equal(vocab_list(VOCAB_DEV_KIND, ", ", " ou ", buf, sizeof buf), "evenement ou rencontre");
	/* cut to the buffer, always terminated */
	assert_string_equal(vocab_list(VOCAB_BILLING, ", ", ", ", buf, 10), "horaire, ");
	assert_int_equal(strlen(vocab_list(VOCAB_ENTITY, ", ", ", ", buf, 8)), 7);
}

static const char *fake_translate(const char *msgid)
{
	if (strcmp(msgid, "membre auxiliaire") == 0)
		return "auxiliary member";
	if (strcmp(msgid, " ou ") == 0)
		return " or ";
	if (strcmp(msgid, "catégorie inconnue '%s' (%s)") == 0)
		return "unknown category '%s' (%s)";
	return msgid;
}

static void test_translated(void **state)
{
	(void)state;
	struct juste_err e = { 0 };
	assert_string_equal(vocab_category_label(CATEGORY_AUXILIAIRE), "membre auxiliaire");
	err_translate = fake_translate;
	assert_string_equal(vocab_category_label(CATEGORY_AUXILIAIRE), "auxiliary member");
	/* the words never are */
	assert_string_equal(vocab_category_word(CATEGORY_AUXILIAIRE), "auxiliaire");
	assert_int_equal(vocab_category_parse("x", &(enum org_category){ 0 }, &e), JUSTE_EINVAL);
	assert_string_equal(e.msg, "unknown category 'x' (membre, auxiliaire, soutien or non_membre)");
	err_translate = NULL;
}

/* DOMAIN.md: operations with members and the ristourne count membre and
 * auxiliaire; the members at the year's end count soutien too. */
static void test_properties(void **state)
{
	(void)state;
	assert_true(vocab_category_with_members(CATEGORY_MEMBRE));
	assert_true(vocab_category_with_members(CATEGORY_AUXILIAIRE));
	assert_false(vocab_category_with_members(CATEGORY_SOUTIEN));
	assert_false(vocab_category_with_members(CATEGORY_NON_MEMBRE));
	assert_true(vocab_category_member(CATEGORY_MEMBRE));
	assert_true(vocab_category_member(CATEGORY_AUXILIAIRE));
	assert_true(vocab_category_member(CATEGORY_SOUTIEN));
	assert_false(vocab_category_member(CATEGORY_NON_MEMBRE));
	assert_false(vocab_category_member((enum org_category)CATEGORY_COUNT));

	assert_true(vocab_billing_billable(BILLING_HORAIRE));
	assert_true(vocab_billing_billable(BILLING_FORFAIT));
	assert_false(vocab_billing_billable(BILLING_NON_FACTURABLE));
	assert_true(vocab_billing_hourly(BILLING_HORAIRE));
	assert_false(vocab_billing_hourly(BILLING_FORFAIT));
	assert_false(vocab_billing_hourly(BILLING_NON_FACTURABLE));
	assert_false(vocab_billing_monthly(BILLING_HORAIRE));
	assert_true(vocab_billing_monthly(BILLING_FORFAIT));
	assert_false(vocab_billing_monthly(BILLING_NON_FACTURABLE));

	/* roles: one bit each, the sets their unions */
	int all = 0;
	for (size_t i = 0; i < vocab_count(VOCAB_ROLE); i++) {
		int b = vocab_value(VOCAB_ROLE, i);
		assert_int_equal(b & (b - 1), 0);
		assert_int_equal(all & b, 0);
		all |= b;
		assert_int_equal(vocab_role_office((enum role)b), (ROLE_OFFICE & b) != 0);
	}
	assert_int_equal((size_t)ROLE_COUNT, vocab_count(VOCAB_ROLE));
	assert_int_equal(all, ROLE_ANY);
	assert_int_equal(ROLE_OFFICE, ROLE_ANY & ~ROLE_EXPERT);
	assert_false(vocab_role_office(ROLE_EXPERT));
	assert_true(vocab_role_office(ROLE_COMMIS));
	assert_true(vocab_role_office(ROLE_GESTIONNAIRE));
	assert_true(vocab_role_office(ROLE_ADMIN));

	assert_false(vocab_invoice_kind_credit(INVOICE_KIND_INVOICE));
	assert_true(vocab_invoice_kind_credit(INVOICE_KIND_CREDIT));
	assert_false(vocab_invoice_status_final(INVOICE_STATUS_DRAFT));
	assert_true(vocab_invoice_status_final(INVOICE_STATUS_ISSUED));
	assert_true(vocab_line_kind_hourly(LINE_KIND_HOURS));
	assert_false(vocab_line_kind_hourly(LINE_KIND_FORFAIT));
	assert_false(vocab_line_kind_hourly(LINE_KIND_CREDIT));
	assert_false(vocab_line_kind_monthly(LINE_KIND_HOURS));
	assert_true(vocab_line_kind_monthly(LINE_KIND_FORFAIT));
	assert_false(vocab_line_kind_monthly(LINE_KIND_CREDIT));
}

/* The order of the rows is the order reports and lists show. */
static void test_order(void **state)
{
	(void)state;
	const char *cats[] = { "membre", "auxiliaire", "soutien", "non_membre" };
	for (int i = 0; i < CATEGORY_COUNT; i++)
		assert_string_equal(vocab_category_word((enum org_category)i), cats[i]);
	const char *partners[] = { "reseaux", "obnl", "relayeurs" };
	for (int i = 0; i < PARTNER_COUNT; i++)
		assert_string_equal(vocab_partner_word((enum dev_partner)i), partners[i]);
	const char *functions[] = { "professionnel", "formateur", "direction" };
	for (int i = 0; i < FUNCTION_COUNT; i++)
		assert_string_equal(vocab_function_word((enum expert_function)i), functions[i]);
}

/* The annual report's names sit beside the tables: one for every value,
 * in the same order, none for a value outside. */
static void test_report_names(void **state)
{
	(void)state;
	for (int c = 0; c < CATEGORY_COUNT; c++) {
		assert_true(vocab_category_heading((enum org_category)c)[0] != '\0');
		assert_true(vocab_category_group((enum org_category)c)[0] != '\0');
		assert_true(vocab_category_short((enum org_category)c)[0] != '\0');
	}
	assert_string_equal(vocab_category_heading(CATEGORY_MEMBRE), "Membres utilisateurs");
	assert_string_equal(vocab_category_heading(CATEGORY_NON_MEMBRE), "Non-membres");
	assert_string_equal(vocab_category_short(CATEGORY_AUXILIAIRE), "auxiliaires");
	assert_string_equal(vocab_category_heading((enum org_category)CATEGORY_COUNT), "");
	for (int k = 0; k < DEV_KIND_COUNT; k++)
		assert_true(vocab_dev_kind_heading((enum dev_kind)k)[0] != '\0');
	assert_string_equal(vocab_dev_kind_heading(DEV_KIND_RENCONTRE), "Rencontres de développement");
	assert_string_equal(vocab_dev_kind_heading((enum dev_kind)DEV_KIND_COUNT), "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_typed),
		cmocka_unit_test(test_unknown),
		cmocka_unit_test(test_list),
		cmocka_unit_test(test_translated),
		cmocka_unit_test(test_properties),
		cmocka_unit_test(test_order),
		cmocka_unit_test(test_report_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
