/*
 * fuzz_date.c - the date doors: date_parse() (every date of every CSV and
 * command), date_month_parse() (invoicing months), fy_parse() (fiscal
 * years, both namings) and fy_start_parse() (the policy's year start).
 * Each input goes through all four.  What is accepted prints back as
 * written, and the calendar arithmetic built on it holds: a day lies in
 * its week, its month and its fiscal year.
 */
#include "fuzz.h"
#include "juste/date.h"

static void check_day(date_t t, const char *s)
{
	int y, m, d;
	date_to_ymd(t, &y, &m, &d);
	FUZZ_CHECK(date_valid_ymd(y, m, d) && date_from_ymd(y, m, d) == t, s);
	int wd = date_weekday(t);
	FUZZ_CHECK(wd >= 1 && wd <= 7, s);
	date_t mon = date_monday(t);
	FUZZ_CHECK(date_weekday(mon) == 1 && mon <= t && t - mon < 7, s);
	FUZZ_CHECK(date_month_first(y, m) <= t && t <= date_month_last(y, m), s);
	static const struct fy_start starts[] = { { 4, 1 }, { 1, 1 }, { 7, 1 }, { 12, 31 } };
	for (size_t i = 0; i < sizeof starts / sizeof starts[0]; i++) {
		int fy = fy_of(t, starts[i]);
		FUZZ_CHECK(fy_first(fy, starts[i]) <= t && t <= fy_last(fy, starts[i]), s);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_cstr(data, size);
	char buf[DATE_BUF + 16];
	struct juste_err e = { 0 };
	date_t t;

	if (date_parse(s, &t, &e) == JUSTE_OK) {
		date_format(t, buf);
		FUZZ_CHECK(strcmp(buf, s) == 0, s);
		check_day(t, s);
	} else {
		FUZZ_CHECK(e.code == JUSTE_EINVAL && e.msg[0] != '\0', s);
	}

	int y = 0, m = 0;
	e = (struct juste_err){ 0 };
	if (date_month_parse(s, &y, &m, &e) == JUSTE_OK) {
		snprintf(buf, sizeof buf, "%04d-%02d", y, m);
		FUZZ_CHECK(strcmp(buf, s) == 0, s);
		FUZZ_CHECK(date_month_first(y, m) <= date_month_last(y, m), s);
		check_day(date_month_first(y, m), s);
		check_day(date_month_last(y, m), s);
		int y2 = y, m2 = m;
		date_month_add(&y2, &m2, 1);
		FUZZ_CHECK(m2 >= 1 && m2 <= 12 && date_month_first(y2, m2) == date_month_last(y, m) + 1, s);
	} else {
		FUZZ_CHECK(e.code == JUSTE_EINVAL && e.msg[0] != '\0', s);
	}

	/* "2019-2020" with the default start, "2020" when the year starts on 01-01 */
	static const struct fy_start namings[] = { { 4, 1 }, { 1, 1 } };
	for (size_t i = 0; i < 2; i++) {
		int fy = 0;
		e = (struct juste_err){ 0 };
		if (fy_parse(s, namings[i], &fy, &e) == JUSTE_OK) {
			fy_name(fy, namings[i], buf, sizeof buf);
			FUZZ_CHECK(strcmp(buf, s) == 0, s);
			FUZZ_CHECK(fy_first(fy, namings[i]) <= fy_last(fy, namings[i]), s);
			check_day(fy_first(fy, namings[i]), s);
			check_day(fy_last(fy, namings[i]), s);
		} else {
			FUZZ_CHECK(e.code == JUSTE_EINVAL && e.msg[0] != '\0', s);
		}
	}

	struct fy_start fs = { 0, 0 };
	e = (struct juste_err){ 0 };
	if (fy_start_parse(s, &fs, &e) == JUSTE_OK) {
		snprintf(buf, sizeof buf, "%02d-%02d", fs.month, fs.day);
		FUZZ_CHECK(strcmp(buf, s) == 0, s);
		/* the start exists every year, leap or not */
		FUZZ_CHECK(date_valid_ymd(2001, fs.month, fs.day) && date_valid_ymd(2000, fs.month, fs.day), s);
		date_t first = fy_first(2019, fs), last = fy_last(2019, fs);
		FUZZ_CHECK(last - first + 1 == 365 || last - first + 1 == 366, s);
		FUZZ_CHECK(fy_of(first, fs) == 2019 && fy_of(last, fs) == 2019 && fy_of(last + 1, fs) == 2020, s);
	} else {
		FUZZ_CHECK(e.code == JUSTE_EINVAL && e.msg[0] != '\0', s);
	}
	free(s);
	return 0;
}
