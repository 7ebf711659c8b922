/*
 * fuzz_duration.c - duration_parse(), the door of every time entry (CLI,
 * TUI, CSV).  A duration accepted is 1 to 24 h in whole minutes, and each
 * form juste prints parses back to the same minutes: what an export
 * writes, an import reads.
 */
#include "fuzz.h"
#include "juste/duration.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_cstr(data, size);
	struct juste_err e = { 0 };
	int minutes = -1;

	if (duration_parse(s, &minutes, &e) == JUSTE_OK) {
		FUZZ_CHECK(minutes >= 1 && minutes <= DURATION_MAX_MINUTES, s);
		char buf[DURATION_BUF];
		int back = -1;
		/* "1h30": tables and the entries export */
		duration_format(minutes, buf, sizeof buf);
		FUZZ_CHECK(duration_parse(buf, &back, NULL) == JUSTE_OK && back == minutes, s);
		/* "1.50": hundredths of an hour, back to the nearest minute */
		duration_format_hours_plain(minutes, buf, sizeof buf);
		back = -1;
		FUZZ_CHECK(duration_parse(buf, &back, NULL) == JUSTE_OK && back == minutes, s);
		/* "1,50": the French form, with a comma */
		duration_format_hours_fr(minutes, buf, sizeof buf);
		back = -1;
		FUZZ_CHECK(duration_parse(buf, &back, NULL) == JUSTE_OK && back == minutes, s);
	} else {
		FUZZ_CHECK(e.code == JUSTE_EINVAL && e.msg[0] != '\0', s);
		FUZZ_CHECK(minutes == -1, s);   /* nothing written on refusal */
	}
	free(s);
	return 0;
}
