/*
 * out.c - display width, table cells, CSV rows.
 */
#include <csv.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "cli/out.h"

/* Decodes one UTF-8 character; returns its length (1 on a bad byte so a
 * broken string still advances). */
static int utf8_next(const char *s, wchar_t *wc)
{
	mbstate_t st;
	memset(&st, 0, sizeof st);
	size_t n = mbrtowc(wc, s, MB_CUR_MAX, &st);
	if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
		*wc = L'?';
		return 1;
	}
	return (int)n;
}

int out_width(const char *s)
{
	int w = 0;
	while (*s) {
		wchar_t wc;
		s += utf8_next(s, &wc);
		int cw = wcwidth(wc);
		w += cw > 0 ? cw : (wc == L'\t' ? 1 : 0);
	}
	return w;
}

void out_cell(FILE *f, const char *s, int width)
{
	int right = width < 0;
	if (right)
		width = -width;
	int w = out_width(s);
	if (w <= width) {
		if (right)
			fprintf(f, "%*s%s", width - w, "", s);
		else
			fprintf(f, "%s%*s", s, width - w, "");
		return;
	}
	/* too wide: copy characters while they fit, keeping one column for … */
	int used = 0;
	const char *p = s;
	while (*p) {
		wchar_t wc;
		int n = utf8_next(p, &wc);
		int cw = wcwidth(wc);
		if (cw < 0)
			cw = 0;
		if (used + cw > width - 1)
			break;
		if (wc == L'\n' || wc == L'\t')
			fputc(' ', f);
		else
			fwrite(p, 1, (size_t)n, f);
		used += cw;
		p += n;
	}
	fputs("…", f);
	fprintf(f, "%*s", width - used - 1, "");
}

void out_csv_row(FILE *f, const char *const *fields, int n)
{
	for (int i = 0; i < n; i++) {
		if (i)
			fputc(',', f);
		const char *v = fields[i] ? fields[i] : "";
		/* quote only when needed, so plain values stay readable */
		if (strpbrk(v, ",\"\r\n") || (*v && (v[0] == ' ' || v[strlen(v) - 1] == ' ')))
			csv_fwrite(f, v, strlen(v));
		else
			fputs(v, f);
	}
	fputc('\n', f);
}
