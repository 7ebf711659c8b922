/*
 * fuzz_policy.c - policy_set(), the door of the centre's policy: `juste
 * settings set`, the rows read back from the database at every start,
 * and the one-time import of an old juste.ini.
 *
 * The input is a run of settings separated by NUL bytes, applied in turn
 * to one policy.  Each setting: a first byte choosing the key (its low
 * seven bits modulo the number of keys); when its high bit is set, the next ten bytes
 * are a valid_from date; the rest is the value.
 *
 * What is accepted must come back: the database stores the canonical form
 * policy_get() gives, and every start applies it again with policy_set(),
 * so that form must be accepted and must change nothing (otherwise a
 * value once accepted makes the database impossible to open).  What is
 * refused is named by its key.
 */
#include "fuzz.h"
#include "juste/policy.h"

static void apply(struct policy *p, const char *seg, size_t len)
{
	if (len == 0)
		return;
	const struct policy_key *k = policy_key_at(((unsigned char)seg[0] & 0x7F) % policy_key_count());
	char from[11] = "";
	size_t at = 1;
	if ((unsigned char)seg[0] & 0x80) {
		size_t n = len - 1 < 10 ? len - 1 : 10;
		memcpy(from, seg + 1, n);
		from[n] = '\0';
		at += n;
	}
	char *value = fuzz_cstr((const uint8_t *)seg + at, len - at);
	struct policy before = *p;
	struct juste_err e = { 0 };

	if (policy_set(p, k->name, from, value, &e) != JUSTE_OK) {
		FUZZ_CHECK(e.code == JUSTE_EINVAL, value);
		FUZZ_CHECK(strncmp(e.msg, k->name, strlen(k->name)) == 0, e.msg);
		/* callers validate on a copy (settings_set, config_load): so does this */
		*p = before;
		free(value);
		return;
	}
	FUZZ_CHECK(from[0] == '\0' || k->dated, value);
	/* the value in force on its own date, as stored */
	date_t on = POLICY_ALWAYS;
	if (from[0])
		FUZZ_CHECK(date_parse(from, &on, NULL) == JUSTE_OK, from);
	char canon[POLICY_VALUE_LEN];
	FUZZ_CHECK(policy_get(p, k->name, on, canon, sizeof canon, &e) == JUSTE_OK, value);
	struct policy again = *p;
	e = (struct juste_err){ 0 };
	FUZZ_CHECK(policy_set(&again, k->name, from, canon, &e) == JUSTE_OK, e.msg);
	FUZZ_CHECK(memcmp(&again, p, sizeof again) == 0, canon);
	/* and from a fresh policy, as a new database would read it */
	struct policy fresh;
	policy_defaults(&fresh);
	FUZZ_CHECK(policy_set(&fresh, k->name, from, canon, &e) == JUSTE_OK, e.msg);
	char canon2[POLICY_VALUE_LEN];
	FUZZ_CHECK(policy_get(&fresh, k->name, on, canon2, sizeof canon2, &e) == JUSTE_OK, canon);
	FUZZ_CHECK(strcmp(canon, canon2) == 0, canon);
	/* the numbering stays something invoices can be numbered with */
	FUZZ_CHECK(policy_pattern_valid(p->invoice_pattern) && policy_pattern_valid(p->credit_pattern), value);
	FUZZ_CHECK(p->ntps >= 1 && p->ntps <= POLICY_DATED_MAX && p->ntvq >= 1 && p->ntvq <= POLICY_DATED_MAX, value);
	for (int i = 1; i < p->ntps; i++)
		FUZZ_CHECK(p->tps[i - 1].from < p->tps[i].from, value);
	for (int i = 1; i < p->ntvq; i++)
		FUZZ_CHECK(p->tvq[i - 1].from < p->tvq[i].from, value);
	free(value);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct policy p;
	policy_defaults(&p);
	const char *s = (const char *)data, *end = s + size;
	while (s < end) {
		const char *nul = memchr(s, '\0', (size_t)(end - s));
		size_t len = nul ? (size_t)(nul - s) : (size_t)(end - s);
		apply(&p, s, len);
		s += len + 1;
	}
	return 0;
}
