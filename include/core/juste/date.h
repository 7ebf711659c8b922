/*
 * date.h - calendar dates as day numbers, ISO 8601 text, Monday weeks,
 * months and fiscal years.  Pure; proleptic Gregorian; no time zones.
 */
#ifndef JUSTE_DATE_H
#define JUSTE_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "juste/err.h"

/* Days since 1970-01-01; negative before.  Comparable and subtractable. */
typedef int32_t date_t;

#define DATE_BUF 11 /* "2020-03-31" + NUL */

bool date_valid_ymd(int y, int m, int d);
date_t date_from_ymd(int y, int m, int d);       /* y, m, d must be valid */
void date_to_ymd(date_t t, int *y, int *m, int *d);

/* Strict "YYYY-MM-DD" with a real calendar day, years 1900..2999: the one
 * range of every date juste accepts (months and fiscal years too), wide
 * enough for any business date and narrow enough that the week view, the
 * invoice numbers and the reports never meet a year they cannot write. */
juste_status date_parse(const char *s, date_t *t, struct juste_err *e);
char *date_format(date_t t, char *buf);          /* buf of DATE_BUF */

int date_weekday(date_t t);                      /* 1 = Monday .. 7 = Sunday */
date_t date_monday(date_t t);                    /* Monday of t's week */
int date_days_in_month(int y, int m);

/* "2020-03" -> year 2020, month 3. */
juste_status date_month_parse(const char *s, int *y, int *m, struct juste_err *e);
date_t date_month_first(int y, int m);
date_t date_month_last(int y, int m);
/* Month m + delta (may be negative), normalised. */
void date_month_add(int *y, int *m, int delta);

/* Fiscal year.  It starts on a configurable month-day (default 04-01) and
 * is named by its two calendar years: 2019-2020 = 2019-04-01 .. 2020-03-31.
 * A fiscal year is identified by the calendar year it starts in (2019). */
struct fy_start { int month, day; };
#define FY_START_DEFAULT ((struct fy_start){ 4, 1 })

/* "04-01"; refuses 02-29 and impossible days. */
juste_status fy_start_parse(const char *s, struct fy_start *fs, struct juste_err *e);
int fy_of(date_t t, struct fy_start fs);         /* 2019 for 2020-03-31 */
date_t fy_first(int fy, struct fy_start fs);
date_t fy_last(int fy, struct fy_start fs);
/* "2019-2020"; a fiscal year that starts on 01-01 is named "2020". */
char *fy_name(int fy, struct fy_start fs, char *buf, size_t n);
/* "2019-2020" (second year must follow the first; "2020" when fs is 01-01)
 * -> 2019. */
juste_status fy_parse(const char *s, struct fy_start fs, int *fy, struct juste_err *e);

#endif
