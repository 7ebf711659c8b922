/* Unit tests for cmdline.c: a setting's command split into argv as a shell
 * would split it, without a shell; what cannot be split is refused. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "juste/cmdline.h"

static void test_plain(void **state)
{
	(void)state;
	struct cmdline c;
	struct juste_err e = { 0 };
	assert_int_equal(cmdline_split("  /usr/sbin/sendmail\t-t  -i ", &c, &e), JUSTE_OK);
	assert_int_equal(c.argc, 3);
	assert_string_equal(c.argv[0], "/usr/sbin/sendmail");
	assert_string_equal(c.argv[1], "-t");
	assert_string_equal(c.argv[2], "-i");
	assert_null(c.argv[3]);
}

static void test_quotes(void **state)
{
	(void)state;
	struct cmdline c;
	struct juste_err e = { 0 };
	assert_int_equal(cmdline_split("/bin/msmtp -a 'mon compte' \"a \\\"b\\\" \\\\\" x\\ y '' $HOME*", &c, &e), JUSTE_OK);
	assert_int_equal(c.argc, 7);
	assert_string_equal(c.argv[2], "mon compte");
	assert_string_equal(c.argv[3], "a \"b\" \\");
	assert_string_equal(c.argv[4], "x y");
	assert_string_equal(c.argv[5], "");
	/* no expansion: the words are given as written */
	assert_string_equal(c.argv[6], "$HOME*");
	assert_int_equal(cmdline_split("/bin/x 'a\\b'", &c, &e), JUSTE_OK);
	assert_string_equal(c.argv[1], "a\\b");
	assert_int_equal(cmdline_split("/bin/x pre'mid dle'post", &c, &e), JUSTE_OK);
	assert_int_equal(c.argc, 2);
	assert_string_equal(c.argv[1], "premid dlepost");
}

static void test_refused(void **state)
{
	(void)state;
	struct cmdline c;
	struct juste_err e = { 0 };
	assert_int_equal(cmdline_split("", &c, &e), JUSTE_EINVAL);
	assert_int_equal(cmdline_split("   ", &c, &e), JUSTE_EINVAL);
	assert_int_equal(cmdline_split("/bin/x 'open", &c, &e), JUSTE_EINVAL);
	assert_non_null(strstr(e.msg, "'"));
	assert_int_equal(cmdline_split("/bin/x \"open", &c, &e), JUSTE_EINVAL);
	assert_int_equal(cmdline_split("/bin/x end\\", &c, &e), JUSTE_EINVAL);
	/* through PATH: refused */
	assert_int_equal(cmdline_split("sendmail -t", &c, &e), JUSTE_EINVAL);
	assert_non_null(strstr(e.msg, "sendmail"));
	char many[400] = "/bin/x";
	for (int i = 0; i < CMDLINE_MAX_ARGS; i++)
		strcat(many, " a");
	assert_int_equal(cmdline_split(many, &c, &e), JUSTE_EINVAL);
	char longw[CMDLINE_LEN + 10];
	memset(longw, 'a', sizeof longw - 1);
	longw[0] = '/';
	longw[sizeof longw - 1] = '\0';
	assert_int_equal(cmdline_split(longw, &c, &e), JUSTE_EINVAL);
	/* exactly at the limit: fits */
	char fit[CMDLINE_LEN];
	memset(fit, 'b', sizeof fit - 1);
	fit[0] = '/';
	fit[sizeof fit - 1] = '\0';
	assert_int_equal(cmdline_split(fit, &c, &e), JUSTE_OK);
	assert_int_equal(strlen(c.argv[0]), CMDLINE_LEN - 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain),
		cmocka_unit_test(test_quotes),
		cmocka_unit_test(test_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
