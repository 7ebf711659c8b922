/* Unit tests for rules.c: the enum-like words and role bits, codes and
 * logins, and the validation of experts, organisations, services and
 * programs, mandates and entries; every refusal names its field. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "juste/rules.h"

/* st must be a refusal with code, naming field, its message holding want
 * (when not NULL). */
static void refused(juste_status st, const struct juste_err *e, juste_status code,
	const char *field, const char *want)
{
	assert_int_equal(st, code);
	assert_int_equal(e->code, code);
	assert_string_equal(e->field, field);
	if (want && !strstr(e->msg, want))
		fail_msg("message '%s' lacks '%s'", e->msg, want);
}

static void accepted(juste_status st, const struct juste_err *e)
{
	if (st != JUSTE_OK)
		fail_msg("refused (%d, field %s): %s", st, e->field, e->msg);
}

/* --- codes and logins ---------------------------------------------------- */

static void test_codes(void **state)
{
	struct juste_err e = { 0 };
	char code[64];

	(void)state;
	const char *good[] = { "M-2020-001", "A", "9x", "a_b.c-d", "FCSD", "INT-DEV", NULL };
	for (int i = 0; good[i]; i++)
		accepted(rules_code_validate("code", good[i], &e), &e);
	memset(code, 'X', 32);
	code[32] = '\0';
	accepted(rules_code_validate("code", code, &e), &e);   /* 32: the longest */
	code[32] = 'X';
	code[33] = '\0';
	refused(rules_code_validate("client", code, &e), &e, JUSTE_EINVAL, "client", "trop long");
	assert_non_null(strstr(e.msg, "32"));

	refused(rules_code_validate("code", "", &e), &e, JUSTE_EINVAL, "code", "code manquant");
	refused(rules_code_validate("service", NULL, &e), &e, JUSTE_EINVAL, "service", "code manquant");
	refused(rules_code_validate("code", "-A", &e), &e, JUSTE_EINVAL, "code", "'-A' doit commencer");
	refused(rules_code_validate("code", ".A", &e), &e, JUSTE_EINVAL, "code", "doit commencer");
	refused(rules_code_validate("code", "ÉCO", &e), &e, JUSTE_EINVAL, "code", "doit commencer");
	refused(rules_code_validate("code", "ECÔ", &e), &e, JUSTE_EINVAL, "code", "'ECÔ' invalide");
	refused(rules_code_validate("code", "AB CD", &e), &e, JUSTE_EINVAL, "code", "invalide");
	refused(rules_code_validate("code", "M/1", &e), &e, JUSTE_EINVAL, "code", "invalide");
	refused(rules_code_validate("code", "M,1", &e), &e, JUSTE_EINVAL, "code", "invalide");
	/* the message starts with the field it is about */
	refused(rules_code_validate("parent", "a b", &e), &e, JUSTE_EINVAL, "parent", "parent : ");
	assert_ptr_equal(strstr(e.msg, "parent : "), e.msg);
	/* a NULL err is allowed: the status alone */
	assert_int_equal(rules_code_validate("code", "", NULL), JUSTE_EINVAL);
	assert_int_equal(rules_code_validate("code", "OK", NULL), JUSTE_OK);
}

static void test_logins(void **state)
{
	struct juste_err e = { 0 };
	char login[80];

	(void)state;
	const char *good[] = { "alice", "_svc", "a.b-c_9", "jt12345", "x", NULL };
	for (int i = 0; good[i]; i++)
		accepted(rules_login_validate(good[i], &e), &e);
	memset(login, 'a', 64);
	login[64] = '\0';
	accepted(rules_login_validate(login, &e), &e);   /* 64: the longest */
	login[64] = 'a';
	login[65] = '\0';
	refused(rules_login_validate(login, &e), &e, JUSTE_EINVAL, "login", "trop long");

	refused(rules_login_validate("", &e), &e, JUSTE_EINVAL, "login", "login manquant");
	refused(rules_login_validate(NULL, &e), &e, JUSTE_EINVAL, "login", "login manquant");
	refused(rules_login_validate("Alice", &e), &e, JUSTE_EINVAL, "login", "commence par une minuscule");
	refused(rules_login_validate("9abc", &e), &e, JUSTE_EINVAL, "login", "commence par une minuscule");
	refused(rules_login_validate("-abc", &e), &e, JUSTE_EINVAL, "login", "commence par une minuscule");
	refused(rules_login_validate("aLice", &e), &e, JUSTE_EINVAL, "login", "'aLice' invalide");
	refused(rules_login_validate("al ice", &e), &e, JUSTE_EINVAL, "login", "invalide");
	refused(rules_login_validate("alice!", &e), &e, JUSTE_EINVAL, "login", "invalide");
	refused(rules_login_validate("élise", &e), &e, JUSTE_EINVAL, "login", "commence par une minuscule");
	refused(rules_login_validate("zoé", &e), &e, JUSTE_EINVAL, "login", "invalide");
}

static void test_bool(void **state)
{
	struct juste_err e = { 0 };
	int v;

	(void)state;
	const char *yes[] = { "1", "oui", "OUI", "Oui", "true", "True", "TRUE", NULL };
	const char *no[] = { "0", "non", "NON", "Non", "false", "False", "FALSE", NULL };
	for (int i = 0; yes[i]; i++) {
		v = 42;
		accepted(rules_bool_parse("tax_exempt", yes[i], &v, &e), &e);
		assert_int_equal(v, 1);
	}
	for (int i = 0; no[i]; i++) {
		v = 42;
		accepted(rules_bool_parse("tax_exempt", no[i], &v, &e), &e);
		assert_int_equal(v, 0);
	}
	const char *bad[] = { "", "yes", "no", "2", "o", "n", " oui", "oui ", "vrai", "1.0", "ouii", "ou", NULL };
	for (int i = 0; bad[i]; i++) {
		v = 42;
		refused(rules_bool_parse("full_management", bad[i], &v, &e), &e, JUSTE_EINVAL, "full_management",
			"valeur booléenne invalide");
		assert_int_equal(v, 42);   /* untouched */
	}
	refused(rules_bool_parse("tax_exempt", "peut-être", &v, &e), &e, JUSTE_EINVAL, "tax_exempt", "'peut-être'");
}

/* --- experts ------------------------------------------------------------- */

static struct expert expert_ok(void)
{
	struct expert x;

	memset(&x, 0, sizeof x);
	strcpy(x.login, "alice");
	strcpy(x.name, "Alice Bélanger");
	x.function = FUNCTION_PROFESSIONNEL;
	x.role = ROLE_EXPERT;
	x.weekly_minutes = 2100;
	strcpy(x.started_on, "2015-01-01");
	return x;
}

static void test_expert(void **state)
{
	struct juste_err e = { 0 };
	struct expert x;

	(void)state;
	x = expert_ok();
	accepted(rules_expert_validate(&x, &e), &e);
	x.started_on[0] = '\0';   /* dates are optional */
	accepted(rules_expert_validate(&x, &e), &e);
	x = expert_ok();
	strcpy(x.left_on, "2015-01-01");   /* leaving the day one starts */
	accepted(rules_expert_validate(&x, &e), &e);
	for (size_t i = 0; i < vocab_count(VOCAB_ROLE); i++) {
		x = expert_ok();
		x.role = (enum role)vocab_value(VOCAB_ROLE, i);
		accepted(rules_expert_validate(&x, &e), &e);
	}

	x = expert_ok();
	strcpy(x.login, "Alice");
	refused(rules_expert_validate(&x, &e), &e, JUSTE_EINVAL, "login", "Alice");
	x = expert_ok();
	x.name[0] = '\0';
	refused(rules_expert_validate(&x, &e), &e, JUSTE_EINVAL, "name", "valeur manquante");
	strcpy(x.name, " \t ");
	refused(rules_expert_validate(&x, &e), &e, JUSTE_EINVAL, "name", "valeur manquante");
	memset(x.name, 'a', sizeof x.name);   /* a buffer filled to the end, no NUL */
	refused(rules_expert_validate(&x, &e), &e, JUSTE_EINVAL, "name", "trop long");
	x = expert_ok();
	x.function = (enum expert_function)FUNCTION_COUNT;   /* a value outside the table */
	refused(rules_expert_validate(&x, &e), &e, JUSTE_EINVAL, "function", "fonction inconnue '#3'");
	x = expert_ok();
	x.role = (enum role)0;                               /* no role at all */
	refused(rules_expert_validate(&x, &e), &e, JUSTE_EINVAL, "role", "rôle inconnu '#0'");
	x = expert_ok();
	x.weekly_minutes = -1;
	refused(rules_expert_validate(&x, &e), &e, JUSTE_EINVAL, "weekly_hours", "0 à 168 h");
	x.weekly_minutes = 7 * 24 * 60 + 1;
	refused(rules_expert_validate(&x, &e), &e, JUSTE_EINVAL, "weekly_hours", "0 à 168 h");
	x.weekly_minutes = 7 * 24 * 60;
	accepted(rules_expert_validate(&x, &e), &e);
	x.weekly_minutes = 0;
	accepted(rules_expert_validate(&x, &e), &e);
	x = expert_ok();
	strcpy(x.started_on, "2015-02-30");
	refused(rules_expert_validate(&x, &e), &e, JUSTE_EINVAL, "started_on", "date invalide '2015-02-30'");
	x = expert_ok();
	strcpy(x.left_on, "31/12/2019");
	refused(rules_expert_validate(&x, &e), &e, JUSTE_EINVAL, "left_on", "AAAA-MM-JJ");
	x = expert_ok();
	strcpy(x.left_on, "2014-12-31");
	refused(rules_expert_validate(&x, &e), &e, JUSTE_EINVAL, "left_on", "left_on (2014-12-31) est avant started_on (2015-01-01)");
}

/* --- organisations, services and programs ---------------------------------- */

static struct org org_ok(void)
{
	struct org o;

	memset(&o, 0, sizeof o);
	strcpy(o.code, "COOP1");
	strcpy(o.name, "Coopérative Érable");
	o.category = CATEGORY_AUXILIAIRE;
	strcpy(o.parent, "FCSD");
	strcpy(o.joined_on, "2019-06-01");
	strcpy(o.email, "coop@erable.coop");
	strcpy(o.address, "2 rue des Érables, Lévis");
	return o;
}

static void test_org(void **state)
{
	struct juste_err e = { 0 };
	struct org o;

	(void)state;
	o = org_ok();
	accepted(rules_org_validate(&o, &e), &e);
	o.parent[0] = o.email[0] = o.address[0] = o.joined_on[0] = '\0';   /* all optional */
	o.full_management = o.tax_exempt = 1;
	accepted(rules_org_validate(&o, &e), &e);

	o = org_ok();
	strcpy(o.code, "É1");
	refused(rules_org_validate(&o, &e), &e, JUSTE_EINVAL, "code", NULL);
	o = org_ok();
	o.name[0] = '\0';
	refused(rules_org_validate(&o, &e), &e, JUSTE_EINVAL, "name", NULL);
	o = org_ok();
	o.category = (enum org_category)CATEGORY_COUNT;
	refused(rules_org_validate(&o, &e), &e, JUSTE_EINVAL, "category", "catégorie inconnue '#4'");
	o = org_ok();
	strcpy(o.parent, "F CSD");
	refused(rules_org_validate(&o, &e), &e, JUSTE_EINVAL, "parent", "F CSD");
	o = org_ok();
	strcpy(o.parent, o.code);
	refused(rules_org_validate(&o, &e), &e, JUSTE_EINVAL, "parent", "son propre parent");
	o = org_ok();
	o.full_management = 2;
	refused(rules_org_validate(&o, &e), &e, JUSTE_EINVAL, "full_management", "attendu 1 ou 0");
	o = org_ok();
	o.tax_exempt = -1;
	refused(rules_org_validate(&o, &e), &e, JUSTE_EINVAL, "tax_exempt", "attendu 1 ou 0");
	o = org_ok();
	strcpy(o.left_on, "2019-05-31");
	refused(rules_org_validate(&o, &e), &e, JUSTE_EINVAL, "left_on", "est avant joined_on");
	o = org_ok();
	strcpy(o.joined_on, "2019-13-01");
	refused(rules_org_validate(&o, &e), &e, JUSTE_EINVAL, "joined_on", "date invalide");

	const char *emails_ok[] = { "a@b", "info@fcsd.coop", "A.B-c+d@x.example", NULL };
	for (int i = 0; emails_ok[i]; i++) {
		o = org_ok();
		strcpy(o.email, emails_ok[i]);
		accepted(rules_org_validate(&o, &e), &e);
	}
	const char *emails_bad[] = { "ab", "@b", "a@", "a@b@c", "a b@c", "a@b c", "a@b,c", "a@b;c", "<a@b>",
		"a@b\n", "a\t@b", NULL };
	for (int i = 0; emails_bad[i]; i++) {
		o = org_ok();
		strcpy(o.email, emails_bad[i]);
		refused(rules_org_validate(&o, &e), &e, JUSTE_EINVAL, "email", "courriel invalide");
	}
	o = org_ok();
	memset(o.email, 'a', sizeof o.email);
	refused(rules_org_validate(&o, &e), &e, JUSTE_EINVAL, "email", "trop long");
	o = org_ok();
	memset(o.address, 'a', sizeof o.address);
	refused(rules_org_validate(&o, &e), &e, JUSTE_EINVAL, "address", "trop long");
	o = org_ok();
	memset(o.address, 'a', sizeof o.address - 1);   /* exactly full: fits */
	accepted(rules_org_validate(&o, &e), &e);
}

static void test_ref(void **state)
{
	struct juste_err e = { 0 };
	struct refitem r;

	(void)state;
	memset(&r, 0, sizeof r);
	strcpy(r.code, "FIN");
	strcpy(r.name, "Finances");
	accepted(rules_ref_validate(&r, &e), &e);
	strcpy(r.code, "FIN ");
	refused(rules_ref_validate(&r, &e), &e, JUSTE_EINVAL, "code", NULL);
	strcpy(r.code, "FIN");
	strcpy(r.name, "  ");
	refused(rules_ref_validate(&r, &e), &e, JUSTE_EINVAL, "name", "valeur manquante");
}

/* --- mandates -------------------------------------------------------------- */

static struct mandate mandate_ok(void)
{
	struct mandate m;

	memset(&m, 0, sizeof m);
	strcpy(m.code, "M-1");
	strcpy(m.title, "Budget annuel");
	strcpy(m.client, "FCSD");
	strcpy(m.beneficiary, "COOP1");
	strcpy(m.service, "FIN");
	m.billing = BILLING_HORAIRE;
	strcpy(m.opened_on, "2019-04-01");
	return m;
}

static void test_mandate(void **state)
{
	struct juste_err e = { 0 };
	struct mandate m;

	(void)state;
	m = mandate_ok();
	accepted(rules_mandate_validate(&m, &e), &e);
	m.beneficiary[0] = '\0';   /* defaults to the client, elsewhere */
	strcpy(m.program, "PAAPA");
	m.budget_minutes = 6000;
	m.budget_cents = 1000000;
	strcpy(m.closed_on, "2019-04-01");   /* closed the day it opened */
	accepted(rules_mandate_validate(&m, &e), &e);
	m = mandate_ok();
	m.billing = BILLING_NON_FACTURABLE;
	accepted(rules_mandate_validate(&m, &e), &e);
	m = mandate_ok();
	m.billing = BILLING_FORFAIT;
	m.monthly_fee_cents = 45000;
	accepted(rules_mandate_validate(&m, &e), &e);

	m = mandate_ok();
	strcpy(m.code, "M 1");
	refused(rules_mandate_validate(&m, &e), &e, JUSTE_EINVAL, "code", NULL);
	m = mandate_ok();
	m.title[0] = '\0';
	refused(rules_mandate_validate(&m, &e), &e, JUSTE_EINVAL, "title", "valeur manquante");
	m = mandate_ok();
	m.client[0] = '\0';
	refused(rules_mandate_validate(&m, &e), &e, JUSTE_EINVAL, "client", "code manquant");
	m = mandate_ok();
	strcpy(m.beneficiary, "CO OP");
	refused(rules_mandate_validate(&m, &e), &e, JUSTE_EINVAL, "beneficiary", NULL);
	m = mandate_ok();
	m.service[0] = '\0';
	refused(rules_mandate_validate(&m, &e), &e, JUSTE_EINVAL, "service", "code manquant");
	m = mandate_ok();
	strcpy(m.program, "-P");
	refused(rules_mandate_validate(&m, &e), &e, JUSTE_EINVAL, "program", NULL);
	m = mandate_ok();
	m.billing = (enum billing_mode)BILLING_COUNT;
	refused(rules_mandate_validate(&m, &e), &e, JUSTE_EINVAL, "billing", "mode de facturation inconnu '#3'");

	/* money: a forfait has its fee, only a forfait has one, nothing negative */
	m = mandate_ok();
	m.billing = BILLING_FORFAIT;
	refused(rules_mandate_validate(&m, &e), &e, JUSTE_EINVAL, "monthly_fee", "honoraires mensuels");
	m = mandate_ok();
	m.monthly_fee_cents = 45000;
	refused(rules_mandate_validate(&m, &e), &e, JUSTE_EINVAL, "monthly_fee", "mode 'horaire'");
	m.billing = BILLING_NON_FACTURABLE;
	refused(rules_mandate_validate(&m, &e), &e, JUSTE_EINVAL, "monthly_fee", "mode 'non_facturable'");
	m = mandate_ok();
	m.billing = BILLING_FORFAIT;
	m.monthly_fee_cents = -1;
	refused(rules_mandate_validate(&m, &e), &e, JUSTE_EINVAL, "monthly_fee", "négatif");
	m = mandate_ok();
	m.budget_cents = -1;
	refused(rules_mandate_validate(&m, &e), &e, JUSTE_EINVAL, "budget_amount", "négatif");
	m = mandate_ok();
	m.budget_minutes = -60;
	refused(rules_mandate_validate(&m, &e), &e, JUSTE_EINVAL, "budget_hours", "négatif");

	/* dates: an opening date, a closing date not before it */
	m = mandate_ok();
	m.opened_on[0] = '\0';
	refused(rules_mandate_validate(&m, &e), &e, JUSTE_EINVAL, "opened_on", "date d'ouverture manquante");
	m = mandate_ok();
	strcpy(m.opened_on, "2019-04-31");
	refused(rules_mandate_validate(&m, &e), &e, JUSTE_EINVAL, "opened_on", "date invalide '2019-04-31'");
	m = mandate_ok();
	strcpy(m.closed_on, "2019-03-31");
	refused(rules_mandate_validate(&m, &e), &e, JUSTE_EINVAL, "closed_on", "closed_on (2019-03-31) est avant opened_on");
}

/* --- entries --------------------------------------------------------------- */

static struct entry entry_on(const char *date, int minutes)
{
	struct entry en;

	memset(&en, 0, sizeof en);
	strcpy(en.expert, "alice");
	strcpy(en.mandate, "M-1");
	strcpy(en.work_date, date);
	en.minutes = minutes;
	strcpy(en.note, "Préparation du budget");
	return en;
}

static void test_entry_values(void **state)
{
	struct juste_err e = { 0 };
	struct entry en;

	(void)state;
	en = entry_on("2020-03-02", 90);
	accepted(rules_entry_validate(&en, NULL, NULL, &e), &e);
	en.note[0] = '\0';   /* a note is optional */
	accepted(rules_entry_validate(&en, NULL, NULL, &e), &e);
	en = entry_on("2020-03-02", 1);
	accepted(rules_entry_validate(&en, NULL, NULL, &e), &e);
	en = entry_on("2020-03-02", 24 * 60);
	accepted(rules_entry_validate(&en, NULL, NULL, &e), &e);

	en = entry_on("2020-03-02", 24 * 60 + 1);
	refused(rules_entry_validate(&en, NULL, NULL, &e), &e, JUSTE_EINVAL, "duration", "plus de 24 h");
	en = entry_on("2020-03-02", 0);
	refused(rules_entry_validate(&en, NULL, NULL, &e), &e, JUSTE_EINVAL, "duration", "nulle ou négative");
	en = entry_on("2020-03-02", -30);
	refused(rules_entry_validate(&en, NULL, NULL, &e), &e, JUSTE_EINVAL, "duration", "nulle ou négative");
	en = entry_on("2020-02-30", 60);
	refused(rules_entry_validate(&en, NULL, NULL, &e), &e, JUSTE_EINVAL, "date", "date invalide '2020-02-30'");
	en = entry_on("", 60);
	refused(rules_entry_validate(&en, NULL, NULL, &e), &e, JUSTE_EINVAL, "date", "date invalide");
	en = entry_on("2020-03-02", 60);
	memset(en.note, 'n', sizeof en.note);
	refused(rules_entry_validate(&en, NULL, NULL, &e), &e, JUSTE_EINVAL, "note", "trop long");
	/* a bad value is reported before the mandate's dates are looked at */
	struct mandate m = mandate_ok();
	strcpy(m.closed_on, "2019-12-31");
	en = entry_on("2020-03-02", 0);
	refused(rules_entry_validate(&en, &m, NULL, &e), &e, JUSTE_EINVAL, "duration", NULL);
}

static void test_entry_dates(void **state)
{
	struct juste_err e = { 0 };
	struct entry en;
	struct mandate m = mandate_ok();   /* opened 2019-04-01 */
	struct expert x = expert_ok();     /* started 2015-01-01 */

	(void)state;
	strcpy(m.closed_on, "2020-01-31");
	en = entry_on("2019-04-01", 60);   /* the day it opens */
	accepted(rules_entry_validate(&en, &m, &x, &e), &e);
	en = entry_on("2020-01-31", 60);   /* the day it closes */
	accepted(rules_entry_validate(&en, &m, &x, &e), &e);
	en = entry_on("2020-02-01", 60);
	refused(rules_entry_validate(&en, &m, &x, &e), &e, JUSTE_ECONFLICT, "date",
		"le mandat 'M-1' est fermé depuis le 2020-01-31 (date 2020-02-01)");
	en = entry_on("2019-03-31", 60);
	refused(rules_entry_validate(&en, &m, &x, &e), &e, JUSTE_ECONFLICT, "date",
		"le mandat 'M-1' n'est ouvert que le 2019-04-01 (date 2019-03-31)");
	m.closed_on[0] = '\0';   /* open-ended */
	en = entry_on("2030-06-01", 60);
	accepted(rules_entry_validate(&en, &m, &x, &e), &e);
	en = entry_on("2019-03-31", 60);
	refused(rules_entry_validate(&en, &m, &x, &e), &e, JUSTE_ECONFLICT, "date", "n'est ouvert que le 2019-04-01");

	/* the expert's own dates */
	m = mandate_ok();
	strcpy(m.opened_on, "2010-01-01");
	strcpy(x.started_on, "2015-01-05");
	strcpy(x.left_on, "2020-03-31");
	en = entry_on("2015-01-05", 60);
	accepted(rules_entry_validate(&en, &m, &x, &e), &e);
	en = entry_on("2020-03-31", 60);
	accepted(rules_entry_validate(&en, &m, &x, &e), &e);
	en = entry_on("2020-04-01", 60);
	refused(rules_entry_validate(&en, &m, &x, &e), &e, JUSTE_ECONFLICT, "date",
		"alice a quitté le 2020-03-31 (date 2020-04-01)");
	en = entry_on("2015-01-02", 60);
	refused(rules_entry_validate(&en, &m, &x, &e), &e, JUSTE_ECONFLICT, "date",
		"alice n'arrive que le 2015-01-05 (date 2015-01-02)");
	x.started_on[0] = x.left_on[0] = '\0';   /* no dates: any day the mandate is open */
	en = entry_on("2010-01-01", 60);
	accepted(rules_entry_validate(&en, &m, &x, &e), &e);
	/* without the records only the values are checked */
	en = entry_on("1900-01-01", 60);
	accepted(rules_entry_validate(&en, NULL, NULL, &e), &e);
}

/* --- free text ------------------------------------------------------------- */

static void test_free_text(void **state)
{
	struct juste_err e = { 0 };

	(void)state;
	/* names: any well-formed UTF-8 without a control character */
	accepted(rules_name_validate("name", "Coopérative Érable — 漢字 🍁", &e), &e);
	accepted(rules_name_validate("name", "=HYPERLINK(\"http://x\")", &e), &e);   /* CSV output's business */
	accepted(rules_name_validate("name", "", &e), &e);
	refused(rules_name_validate("name", "a\tb", &e), &e, JUSTE_EINVAL, "name", "U+0009");
	refused(rules_name_validate("name", "a\nb", &e), &e, JUSTE_EINVAL, "name", "U+000A");
	refused(rules_name_validate("name", "a\rb", &e), &e, JUSTE_EINVAL, "name", "U+000D");
	refused(rules_name_validate("name", "rouge\033[31m", &e), &e, JUSTE_EINVAL, "name", "U+001B refusé (octet 6)");
	refused(rules_name_validate("name", "del\177", &e), &e, JUSTE_EINVAL, "name", "U+007F");
	refused(rules_name_validate("name", "csi\xC2\x9B" "2J", &e), &e, JUSTE_EINVAL, "name", "U+009B");
	refused(rules_name_validate("name", "nel\xC2\x85", &e), &e, JUSTE_EINVAL, "name", "U+0085");
	accepted(rules_name_validate("name", "nbsp\xC2\xA0ok", &e), &e);   /* C2 A0 is not C1 */
	refused(rules_name_validate("name", "caf\xE9", &e), &e, JUSTE_EINVAL, "name", "UTF-8 (octet 4)");
	refused(rules_name_validate("name", "\xC0\xAF", &e), &e, JUSTE_EINVAL, "name", "UTF-8");   /* overlong */
	refused(rules_name_validate("name", "\xED\xA0\x80", &e), &e, JUSTE_EINVAL, "name", "UTF-8");   /* surrogate */
	refused(rules_name_validate("name", "\xF4\x90\x80\x80", &e), &e, JUSTE_EINVAL, "name", "UTF-8");   /* > U+10FFFF */

	/* notes keep line breaks and tabs, nothing else */
	accepted(rules_note_validate("note", "ligne 1\nligne 2\tfin", &e), &e);
	refused(rules_note_validate("note", "a\r\nb", &e), &e, JUSTE_EINVAL, "note", "U+000D");
	refused(rules_note_validate("note", "\033]0;titre\007", &e), &e, JUSTE_EINVAL, "note", "U+001B");
	refused(rules_note_validate("note", "\xFF", &e), &e, JUSTE_EINVAL, "note", "UTF-8");

	/* raw bytes: a NUL is named, not silently cut */
	refused(rules_bytes_validate("rate", "50\0.99", 6, &e), &e, JUSTE_EINVAL, "rate", "octet nul refusé (octet 3)");
	refused(rules_bytes_validate("rate", "50\xFF", 3, &e), &e, JUSTE_EINVAL, "rate", "UTF-8 (octet 3)");
	accepted(rules_bytes_validate("rate", "50.99", 5, &e), &e);
	accepted(rules_bytes_validate("rate", "a\033b", 3, &e), &e);   /* only the structure */

	/* every record's text goes through them */
	struct expert x = expert_ok();
	strcpy(x.name, "Alice\033[2J");
	refused(rules_expert_validate(&x, &e), &e, JUSTE_EINVAL, "name", "U+001B");
	struct org o = org_ok();
	strcpy(o.address, "1 rue Principale\nQuébec");
	accepted(rules_org_validate(&o, &e), &e);
	strcpy(o.address, "1 rue\r\nQuébec");
	refused(rules_org_validate(&o, &e), &e, JUSTE_EINVAL, "address", "U+000D");
	o = org_ok();
	strcpy(o.name, "Coop\nÉrable");
	refused(rules_org_validate(&o, &e), &e, JUSTE_EINVAL, "name", "U+000A");
	struct refitem r;
	memset(&r, 0, sizeof r);
	strcpy(r.code, "FIN");
	strcpy(r.name, "Fin\xE9");
	refused(rules_ref_validate(&r, &e), &e, JUSTE_EINVAL, "name", "UTF-8");
	struct mandate m = mandate_ok();
	strcpy(m.title, "Budget\x7F");
	refused(rules_mandate_validate(&m, &e), &e, JUSTE_EINVAL, "title", "U+007F");
	struct entry en = entry_on("2020-03-02", 60);
	strcpy(en.note, "vu \033[31mrouge\033[0m");
	refused(rules_entry_validate(&en, NULL, NULL, &e), &e, JUSTE_EINVAL, "note", "U+001B");
	strcpy(en.note, "caf\xE9");
	refused(rules_entry_validate(&en, NULL, NULL, &e), &e, JUSTE_EINVAL, "note", "UTF-8");
	strcpy(en.note, "deux\nlignes\tet une tabulation");
	accepted(rules_entry_validate(&en, NULL, NULL, &e), &e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_codes),
		cmocka_unit_test(test_logins),
		cmocka_unit_test(test_bool),
		cmocka_unit_test(test_expert),
		cmocka_unit_test(test_org),
		cmocka_unit_test(test_ref),
		cmocka_unit_test(test_mandate),
		cmocka_unit_test(test_entry_values),
		cmocka_unit_test(test_entry_dates),
		cmocka_unit_test(test_free_text),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
