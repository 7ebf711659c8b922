/*
 * out.c - table cells by display width.
 */
#include <limits.h>

#include "cli/out.h"
#include "juste/i18n.h"
#include "juste/text.h"

const char *out_visible(const char *s)
{
	/* a few at once, for one printf */
	static char bufs[4][4096];
	static int next;
	char *b = bufs[next++ % 4];
	text_fit(s ? s : "", INT_MAX / 2, b, sizeof bufs[0]);
	return b;
}

void out_cell(FILE *f, const char *s, int width)
{
	/* a cell is a line's worth at most: graphemes past the buffer are cut */
	char buf[4096];
	text_pad(s, width < 0 ? -width : width, width < 0 ? TEXT_RIGHT : TEXT_LEFT, buf, sizeof buf);
	fputs(buf, f);
}

enum text_lang out_lang(void)
{
	return text_lang_of(i18n_language());
}
