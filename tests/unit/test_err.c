/* Unit tests for err.c: the error a callee fills for its caller — code,
 * message and field; prefixes; a message cut to its buffer never ends in
 * half a UTF-8 character; the translation hook; a NULL err. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "juste/err.h"

/* 1 when s is well-formed UTF-8 (no truncated sequence at the end) */
static int utf8_ok(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	while (*p) {
		int n = *p < 0x80 ? 1 : (*p & 0xE0) == 0xC0 ? 2 : (*p & 0xF0) == 0xE0 ? 3 : (*p & 0xF8) == 0xF0 ? 4 : 0;
		if (n == 0)
			return 0;
		for (int i = 1; i < n; i++)
			if ((p[i] & 0xC0) != 0x80)
				return 0;
		p += n;
	}
	return 1;
}

static void test_set(void **state)
{
	struct juste_err e;

	(void)state;
	memset(&e, 0x55, sizeof e);   /* garbage: everything must be written */
	assert_int_equal(err_set(&e, JUSTE_ENOTFOUND, "mandat inconnu '%s' (ligne %d)", "M-404", 14), JUSTE_ENOTFOUND);
	assert_int_equal(e.code, JUSTE_ENOTFOUND);
	assert_string_equal(e.msg, "mandat inconnu 'M-404' (ligne 14)");
	assert_string_equal(e.field, "");
	/* a later error replaces the earlier one, field included */
	err_set_field(&e, "email", JUSTE_EINVAL, "courriel invalide '%s'", "x");
	assert_string_equal(e.field, "email");
	assert_int_equal(err_set(&e, JUSTE_EIO, "disque plein"), JUSTE_EIO);
	assert_int_equal(e.code, JUSTE_EIO);
	assert_string_equal(e.msg, "disque plein");
	assert_string_equal(e.field, "");
	/* a NULL err: the status only, nothing written anywhere */
	assert_int_equal(err_set(NULL, JUSTE_EBUSY, "occupé %d", 1), JUSTE_EBUSY);
	assert_int_equal(err_set_field(NULL, "x", JUSTE_EDENIED, "refusé"), JUSTE_EDENIED);
}

static void test_field(void **state)
{
	struct juste_err e = { 0 };
	char longfield[64];

	(void)state;
	assert_int_equal(err_set_field(&e, "weekly_hours", JUSTE_EINVAL, "hors limites (%d à %d h)", 0, 168),
		JUSTE_EINVAL);
	assert_int_equal(e.code, JUSTE_EINVAL);
	assert_string_equal(e.field, "weekly_hours");
	assert_string_equal(e.msg, "hors limites (0 à 168 h)");
	err_set_field(&e, NULL, JUSTE_EINVAL, "sans champ");
	assert_string_equal(e.field, "");
	/* a field name longer than its buffer is cut, still terminated */
	memset(longfield, 'f', sizeof longfield - 1);
	longfield[sizeof longfield - 1] = '\0';
	err_set_field(&e, longfield, JUSTE_EINVAL, "x");
	assert_int_equal(strlen(e.field), sizeof e.field - 1);
}

/* The arguments may point into the err itself: formatted before copying. */
static void test_self_reference(void **state)
{
	struct juste_err e = { 0 };

	(void)state;
	err_set(&e, JUSTE_EINVAL, "durée invalide '%s'", "1x");
	err_set(&e, e.code, "ligne 3 : %s (%s)", e.msg, e.msg);
	assert_string_equal(e.msg, "ligne 3 : durée invalide '1x' (durée invalide '1x')");
}

static void test_prefix(void **state)
{
	struct juste_err e = { 0 };

	(void)state;
	err_set(&e, JUSTE_ECONFLICT, "mandat 'M-2' fermé");
	assert_int_equal(err_prefix(&e, "%s:%d: ", "entries.csv", 14), JUSTE_ECONFLICT);
	assert_string_equal(e.msg, "entries.csv:14: mandat 'M-2' fermé");
	assert_int_equal(e.code, JUSTE_ECONFLICT);
	err_prefix(&e, "import : ");
	assert_string_equal(e.msg, "import : entries.csv:14: mandat 'M-2' fermé");
	/* the field survives a prefix */
	err_set_field(&e, "date", JUSTE_EINVAL, "date invalide");
	err_prefix(&e, "--date : ");
	assert_string_equal(e.msg, "--date : date invalide");
	assert_string_equal(e.field, "date");
	/* without a record, still a failure */
	assert_int_equal(err_prefix(NULL, "x: "), JUSTE_EINVAL);
}

static void test_cut_utf8(void **state)
{
	struct juste_err e;
	/* one, two, three and four bytes per character, at every offset */
	const char *chars[] = { "a", "é", "€", "😀" };
	char big[3 * JUSTE_ERR_MAX];

	(void)state;
	for (int c = 0; c < 4; c++) {
		size_t w = strlen(chars[c]);
		for (size_t lead = 0; lead < 4; lead++) {
			size_t n = 0;
			for (size_t i = 0; i < lead; i++)
				big[n++] = 'x';
			while (n + w < sizeof big) {
				memcpy(big + n, chars[c], w);
				n += w;
			}
			big[n] = '\0';
			memset(&e, 0, sizeof e);
			err_set(&e, JUSTE_EINVAL, "%s", big);
			size_t len = strlen(e.msg);
			assert_true(len <= JUSTE_ERR_MAX - 1);
			assert_true(len > JUSTE_ERR_MAX - 1 - w);   /* cut at most one character short */
			assert_true(utf8_ok(e.msg));
			assert_memory_equal(e.msg, big, len);   /* a prefix of the text */
		}
	}
}

static void test_prefix_overflow(void **state)
{
	struct juste_err e = { 0 };
	char body[JUSTE_ERR_MAX], pre[2 * JUSTE_ERR_MAX];

	(void)state;
	/* a full message, then a prefix: the end of the message goes */
	size_t n = 0;
	while (n + 2 < sizeof body - 1) {
		memcpy(body + n, "é", 2);
		n += 2;
	}
	body[n] = '\0';
	err_set(&e, JUSTE_EINVAL, "%s", body);
	assert_int_equal(err_prefix(&e, "entries.csv:%d: ", 123456), JUSTE_EINVAL);
	assert_true(strlen(e.msg) <= JUSTE_ERR_MAX - 1);
	assert_true(utf8_ok(e.msg));
	assert_memory_equal(e.msg, "entries.csv:123456: éé", strlen("entries.csv:123456: éé"));
	/* a prefix longer than the buffer: cut too, and valid */
	n = 0;
	while (n + 3 < sizeof pre - 1) {
		memcpy(pre + n, "€", 3);
		n += 3;
	}
	pre[n] = '\0';
	err_set(&e, JUSTE_EIO, "fin");
	assert_int_equal(err_prefix(&e, "%s", pre), JUSTE_EIO);
	assert_true(strlen(e.msg) <= JUSTE_ERR_MAX - 1);
	assert_true(strlen(e.msg) >= JUSTE_ERR_MAX - 3);
	assert_true(utf8_ok(e.msg));
}

static const char *to_english(const char *msgid)
{
	if (strcmp(msgid, "mandat inconnu '%s'") == 0)
		return "unknown mandate '%s'";
	if (strcmp(msgid, "ligne %d : ") == 0)
		return "line %d: ";
	return msgid;
}

static void test_translate(void **state)
{
	struct juste_err e = { 0 };

	(void)state;
	err_translate = to_english;
	err_set(&e, JUSTE_ENOTFOUND, "mandat inconnu '%s'", "M-9");
	assert_string_equal(e.msg, "unknown mandate 'M-9'");
	err_prefix(&e, "ligne %d : ", 4);
	assert_string_equal(e.msg, "line 4: unknown mandate 'M-9'");
	err_set_field(&e, "mandate", JUSTE_ENOTFOUND, "mandat inconnu '%s'", "M-8");
	assert_string_equal(e.msg, "unknown mandate 'M-8'");
	err_set(&e, JUSTE_EINVAL, "pas traduit");
	assert_string_equal(e.msg, "pas traduit");
	err_translate = NULL;
	err_set(&e, JUSTE_ENOTFOUND, "mandat inconnu '%s'", "M-9");
	assert_string_equal(e.msg, "mandat inconnu 'M-9'");
}

static juste_status via_vset(struct juste_err *e, juste_status code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	juste_status st = err_vset(e, code, fmt, ap);
	va_end(ap);
	return st;
}

static void test_vset_clear(void **state)
{
	struct juste_err e = { 0 };
	struct juste_err zero;

	(void)state;
	assert_int_equal(via_vset(&e, JUSTE_EUSAGE, "option %s inconnue", "--x"), JUSTE_EUSAGE);
	assert_string_equal(e.msg, "option --x inconnue");
	assert_int_equal(via_vset(NULL, JUSTE_ENOMEM, "x"), JUSTE_ENOMEM);
	err_set_field(&e, "code", JUSTE_EINVAL, "x");
	err_clear(&e);
	memset(&zero, 0, sizeof zero);
	assert_memory_equal(&e, &zero, sizeof e);
	assert_int_equal(e.code, JUSTE_OK);
	err_clear(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_set),
		cmocka_unit_test(test_field),
		cmocka_unit_test(test_self_reference),
		cmocka_unit_test(test_prefix),
		cmocka_unit_test(test_cut_utf8),
		cmocka_unit_test(test_prefix_overflow),
		cmocka_unit_test(test_translate),
		cmocka_unit_test(test_vset_clear),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
