/*
 * csvout.c - the one CSV writer (see csvout.h).
 */
#include <string.h>

#include "juste/csvout.h"

bool csvout_needs_quotes(const char *s)
{
	size_t n = strlen(s);

	if (n > 0 && (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' || s[n - 1] == '\t'))
		return true;
	return strpbrk(s, ",\"\r\n") != NULL;
}

void csvout_field(FILE *f, const char *s, bool first)
{
	if (!first)
		putc(',', f);
	if (s == NULL)
		return;
	if (!csvout_needs_quotes(s)) {
		fputs(s, f);
		return;
	}
	putc('"', f);
	for (const char *q; (q = strchr(s, '"')) != NULL; s = q + 1) {
		fwrite(s, 1, (size_t)(q - s) + 1, f);
		putc('"', f);
	}
	fputs(s, f);
	putc('"', f);
}

void csvout_end(FILE *f)
{
	putc('\n', f);
}

void csvout_row(FILE *f, const char *const *fields, int n)
{
	for (int i = 0; i < n; i++)
		csvout_field(f, fields[i], i == 0);
	csvout_end(f);
}
