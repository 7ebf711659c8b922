/*
 * duration.h - durations as whole minutes.  Pure.
 *
 * Input forms (DOMAIN.md): "1h30", "1 h 30", "1h", "1:30", "90m", "90 min",
 * "1,5", "1.5", "1,5h", "1.5 h".  Decimal hours are rounded to the nearest
 * minute.  Zero, negatives, garbage and more than 24 h are refused.
 */
#ifndef JUSTE_DURATION_H
#define JUSTE_DURATION_H

#include <stddef.h>
#include "juste/text.h"
#include "juste/err.h"

#define DURATION_MAX_MINUTES (24 * 60)
#define DURATION_BUF 32

juste_status duration_parse(const char *s, int *minutes, struct juste_err *e);

/* "1h30", "0h05", "7h00": the form juste prints in tables and exports. */
char *duration_format(long minutes, char *buf, size_t n);

/* Decimal hours with a comma, two decimals: 90 -> "1,50"; used in reports
 * and invoices (hours x rate).  Large totals get U+00A0 thousand groups:
 * 4506000 -> "75 100,00". */
char *duration_format_hours_fr(long minutes, char *buf, size_t n);
/* In the user's language (text.h): duration_format_hours_fr in French,
 * "1,234.50" in English. */
char *duration_format_hours_lang(enum text_lang l, long minutes, char *buf, size_t n);

/* Decimal hours with a point: 90 -> "1.50", for CSV and JSON. */
char *duration_format_hours_plain(long minutes, char *buf, size_t n);

#endif
