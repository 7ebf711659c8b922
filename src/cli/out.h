/*
 * out.h - printing helpers shared by the commands: table cells padded by
 * display width, so that accents (precomposed or not) and wide characters
 * line up.  CSV goes through juste/csvout.h.
 */
#ifndef JUSTE_CLI_OUT_H
#define JUSTE_CLI_OUT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "juste/text.h"

/* Prints s left-aligned in `width` columns, cut with "…" when longer (see
 * text_pad).  A negative width right-aligns.  Control characters are made
 * visible (text_fit): nothing from the data moves the terminal's cursor
 * or sends it an escape sequence. */
void out_cell(FILE *f, const char *s, int width);

/* s on one line with its control characters made visible as out_cell
 * does (line breaks and tabs as spaces, the others and ill-formed bytes as
 * '?'), for the free text of a message line: printf("%s", out_visible(x)).
 * The result lives until the fourth call after (cut past 4 KB). */
const char *out_visible(const char *s);

/* The interface's language (i18n_language()) as the figures' formats
 * know it: tables and messages write amounts, counts and percentages the
 * way the user reads them (1 371,28 $ / $1,371.28), whatever language the
 * data's documents are in. */
enum text_lang out_lang(void);

#endif
