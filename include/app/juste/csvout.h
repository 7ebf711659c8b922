/*
 * csvout.h - the one CSV writer, behind every export and every
 * `--format csv`: RFC 4180 fields, separated by commas, records ended by
 * "\n".  A field is quoted, with its quotes doubled, when it holds a comma,
 * a quote or a line break, or begins or ends with a space or a tab (the
 * reader, libcsv, trims those around unquoted fields); other fields are
 * written as they are, so that plain values stay readable.  What it writes
 * reads back through `juste import` unchanged.
 *
 * Formula injection (OWASP): these files are opened in spreadsheets, which
 * run a cell that begins with = + - @, a tab or a carriage return.  Such a
 * cell is written with an apostrophe before it ("'=HYPERLINK(…)"), which
 * a spreadsheet shows as text.  The rule is decided by the value, the same
 * in every column: a plain number ("-12.50", "-5,2", "+3%": a sign, digits,
 * one decimal point or comma, maybe '%') is never guarded, since a
 * spreadsheet reads it as the number it is and it can carry nothing else;
 * so the numeric columns (amounts, hours, minutes, percentages) come out
 * as numbers, negative ones included, and a text column is guarded
 * whenever it could be taken for a formula.  A text that already begins
 * with an apostrophe followed by one of those characters (or by another
 * apostrophe) gets a second one.  The readers (`juste import`, the rate,
 * cost, finance and business-development imports) remove exactly one
 * leading apostrophe before = + - @ tab CR or ', so export -> import gives
 * every value back as it was.
 */
#ifndef JUSTE_CSVOUT_H
#define JUSTE_CSVOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Whether s is written with the apostrophe before it. */
bool csvout_needs_guard(const char *s);

/* For readers: how many bytes of the field s[0..n) are the guard (0 or
 * 1), so that the value is s + that. */
size_t csvout_guard_len(const char *s, size_t n);

/* Whether s must be quoted (as written, guard included). */
bool csvout_needs_quotes(const char *s);

/* One field, with the comma before it unless it is the record's first;
 * NULL is an empty field. */
void csvout_field(FILE *f, const char *s, bool first);

/* Ends the record. */
void csvout_end(FILE *f);

/* A whole record of n fields. */
void csvout_row(FILE *f, const char *const *fields, int n);

#endif
