/*
 * out.h - printing helpers shared by the commands: table cells padded by
 * display width (accents and wide characters line up), CSV fields through
 * libcsv, and JSON values through jansson.
 */
#ifndef JUSTE_CLI_OUT_H
#define JUSTE_CLI_OUT_H

#include <stdio.h>

/* Columns the UTF-8 string takes on a terminal (wcwidth). */
int out_width(const char *s);

/* Prints s left-aligned in `width` columns, cut with "…" when longer.
 * A negative width right-aligns. */
void out_cell(FILE *f, const char *s, int width);

/* One CSV record: n fields, quoted per RFC 4180, CRLF-free ("\n"). */
void out_csv_row(FILE *f, const char *const *fields, int n);

#endif
