/*
 * fuzz_config.c - config_load() on a juste.ini written from the input:
 * iniparser's reading, then juste's validation of every section and key
 * (the personal ones, the database's, and the old policy sections kept
 * for the one-time import into the database).
 *
 * A refusal names the file.  What is loaded is within its bounds, and
 * every policy value kept for the import is one the database will accept
 * when it reads it back at each start, unchanged.
 */
#include <limits.h>
#include <unistd.h>
#include <iniparser/iniparser.h>

#include "fuzz.h"
#include "juste/config.h"
#include "juste/policy.h"

static char dir[PATH_MAX], path[PATH_MAX];

/* iniparser reports its syntax errors on stderr; juste reports them itself. */
static int quiet(const char *fmt, ...)
{
	(void)fmt;
	return 0;
}

static void cleanup(void)
{
	unlink(path);
	rmdir(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	const char *tmp = getenv("TMPDIR");
	snprintf(dir, sizeof dir, "%s/juste-fuzz-config-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir)) {
		perror(dir);
		exit(1);
	}
	snprintf(path, sizeof path, "%s/juste.ini", dir);
	atexit(cleanup);
	iniparser_set_error_callback(quiet);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0) {
		perror(path);
		abort();
	}
	char *text = fuzz_cstr(data, size);
	struct config *c = malloc(sizeof *c);
	struct juste_err e = { 0 };
	if (!c)
		abort();

	if (config_load(c, path, &e) != JUSTE_OK) {
		FUZZ_CHECK(e.msg[0] != '\0', text);
		FUZZ_CHECK(strstr(e.msg, "juste.ini") != NULL, e.msg);
	} else {
		FUZZ_CHECK(strcmp(c->file, path) == 0, text);
		FUZZ_CHECK(c->db_path[0] != '\0' && strlen(c->db_path) < sizeof c->db_path, text);
		FUZZ_CHECK(c->busy_timeout_ms >= 100 && c->busy_timeout_ms <= 600000, text);
		FUZZ_CHECK(strcmp(c->language, "") == 0 || strcmp(c->language, "fr") == 0 ||
			strcmp(c->language, "en") == 0, text);
		FUZZ_CHECK(c->nkeys >= 0 && c->nkeys <= CONFIG_KEYS_MAX, text);
		FUZZ_CHECK(c->nlegacy >= 0 && c->nlegacy <= CONFIG_LEGACY_MAX, text);
		for (int i = 0; i < c->nlegacy; i++) {
			const struct config_legacy *l = &c->legacy[i];
			FUZZ_CHECK(policy_key_find(l->key) != NULL, l->key);
			struct policy p;
			policy_defaults(&p);
			struct juste_err sub = { 0 };
			FUZZ_CHECK(policy_set(&p, l->key, "", l->value, &sub) == JUSTE_OK, sub.msg);
			char back[POLICY_VALUE_LEN];
			FUZZ_CHECK(policy_get(&p, l->key, POLICY_ALWAYS, back, sizeof back, &sub) == JUSTE_OK, l->key);
			FUZZ_CHECK(strcmp(back, l->value) == 0, l->value);
		}
	}
	free(c);
	free(text);
	return 0;
}
