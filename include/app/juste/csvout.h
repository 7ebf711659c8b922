/*
 * csvout.h - the one CSV writer, behind every export and every
 * `--format csv`: RFC 4180 fields, separated by commas, records ended by
 * "\n".  A field is quoted, with its quotes doubled, when it holds a comma,
 * a quote or a line break, or begins or ends with a space or a tab (the
 * reader, libcsv, trims those around unquoted fields); other fields are
 * written as they are, so that plain values stay readable.  What it writes
 * reads back through `juste import` unchanged.
 */
#ifndef JUSTE_CSVOUT_H
#define JUSTE_CSVOUT_H

#include <stdbool.h>
#include <stdio.h>

/* Whether s must be quoted. */
bool csvout_needs_quotes(const char *s);

/* One field, with the comma before it unless it is the record's first;
 * NULL is an empty field. */
void csvout_field(FILE *f, const char *s, bool first);

/* Ends the record. */
void csvout_end(FILE *f);

/* A whole record of n fields. */
void csvout_row(FILE *f, const char *const *fields, int n);

#endif
