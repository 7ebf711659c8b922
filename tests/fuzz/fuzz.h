/*
 * fuzz.h - what every libFuzzer target of juste shares: the entry point's
 * prototype, a NUL-terminated copy of the input, and an assertion that
 * stops the run with the invariant broken and the input that broke it.
 *
 * A target does not only survive its input: it checks what the code
 * promises (a parsed amount formats and parses back to itself, a fitted
 * text never exceeds its width, a refused import names FILE:LINE).  A
 * broken promise aborts, which libFuzzer reports as a crash and saves as a
 * reproducer, like a sanitizer's finding.
 */
#ifndef JUSTE_FUZZ_H
#define JUSTE_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* The invariant, where it is, and the text it was checked on. */
#define FUZZ_CHECK(cond, text) do { \
	if (!(cond)) { \
		fprintf(stderr, "%s:%d: invariant broken: %s\n  on: '%s'\n", __FILE__, __LINE__, #cond, \
			(const char *)(text)); \
		abort(); \
	} \
} while (0)

/* A malloc'd copy of data[0..size) with a NUL after it (the input itself
 * may hold NULs: the C string then stops at the first one, as it would
 * for a caller). */
static inline char *fuzz_cstr(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	if (!s)
		abort();
	if (size)
		memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

#endif
