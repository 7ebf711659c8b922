/*
 * out.c - table cells by display width.
 */
#include "cli/out.h"
#include "juste/text.h"

void out_cell(FILE *f, const char *s, int width)
{
	/* a cell is a line's worth at most: graphemes past the buffer are cut */
	char buf[4096];
	text_pad(s, width < 0 ? -width : width, width < 0 ? TEXT_RIGHT : TEXT_LEFT, buf, sizeof buf);
	fputs(buf, f);
}
