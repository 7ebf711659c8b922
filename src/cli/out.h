/*
 * out.h - printing helpers shared by the commands: table cells padded by
 * display width, so that accents (precomposed or not) and wide characters
 * line up.  CSV goes through juste/csvout.h.
 */
#ifndef JUSTE_CLI_OUT_H
#define JUSTE_CLI_OUT_H

#include <stdio.h>

/* Prints s left-aligned in `width` columns, cut with "…" when longer (see
 * text_pad).  A negative width right-aligns. */
void out_cell(FILE *f, const char *s, int width);

#endif
