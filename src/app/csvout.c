/*
 * csvout.c - the one CSV writer (see csvout.h).
 */
#include <stdbool.h>
#include <string.h>

#include "juste/csvout.h"

/* What a spreadsheet takes for the start of a formula (OWASP's list):
 * = + - @, a tab and a carriage return. */
static bool formula_start(char c)
{
	return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* A plain number: a sign, digits, at most one decimal point or comma
 * followed by digits, and maybe a '%'.  "-12.50" is one; "-2+3" and
 * "-1e5" are not. */
static bool plain_number(const char *s)
{
	if (*s == '-' || *s == '+')
		s++;
	if (!is_digit(*s))
		return false;
	while (is_digit(*s))
		s++;
	if (*s == '.' || *s == ',') {
		s++;
		if (!is_digit(*s))
			return false;
		while (is_digit(*s))
			s++;
	}
	if (*s == '%')
		s++;
	return *s == '\0';
}

bool csvout_needs_guard(const char *s)
{
	if (formula_start(s[0]))
		return !plain_number(s);
	/* a text that already begins with the guard: guarded again, so that
	 * the reader's one removal gives it back */
	return s[0] == '\'' && (formula_start(s[1]) || s[1] == '\'');
}

size_t csvout_guard_len(const char *s, size_t n)
{
	return n >= 2 && s[0] == '\'' && (formula_start(s[1]) || s[1] == '\'') ? 1 : 0;
}

/* Whether guard + s must be quoted: libcsv trims blanks around an
 * unquoted field, and a comma, a quote or a line break ends one. */
static bool quotes_needed(const char *s, bool guarded)
{
	size_t n = strlen(s);

	if (n > 0 && ((!guarded && (s[0] == ' ' || s[0] == '\t')) || s[n - 1] == ' ' || s[n - 1] == '\t'))
		return true;
	return strpbrk(s, ",\"\r\n") != NULL;
}

bool csvout_needs_quotes(const char *s)
{
	return quotes_needed(s, csvout_needs_guard(s));
}

void csvout_field(FILE *f, const char *s, bool first)
{
	if (!first)
		putc(',', f);
	if (s == NULL)
		return;
	bool guarded = csvout_needs_guard(s);
	bool quoted = quotes_needed(s, guarded);
	if (quoted)
		putc('"', f);
	if (guarded)
		putc('\'', f);
	if (!quoted) {
		fputs(s, f);
		return;
	}
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
