/*
 * fuzz_text.c - the text module, which every screen, table and report
 * goes through: UTF-8 validity, display width, fitting and padding to a
 * width, folding and word search, the French order, thousands groups.
 *
 * Input: a byte for the width, a byte for the output buffer's size, then
 * up to three strings separated by NUL bytes.  Checked: validity against
 * a plain reading of Unicode's table 3-7; a fitted text never exceeds its
 * width nor its buffer, is well formed, moves no cursor, and measures
 * what text_fit said; padding gives exactly the width; a name is found by
 * any of its words; the order is a total order.
 */
#include "fuzz.h"
#include "juste/text.h"

/* Offset of the first ill-formed sequence, or len: Unicode 15, table 3-7. */
static size_t utf8_first_bad(const uint8_t *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		uint8_t c = s[i];
		size_t n;
		uint8_t lo = 0x80, hi = 0xBF;
		if (c < 0x80)
			n = 1;
		else if (c >= 0xC2 && c <= 0xDF)
			n = 2;
		else if (c >= 0xE0 && c <= 0xEF) {
			n = 3;
			if (c == 0xE0)
				lo = 0xA0;
			if (c == 0xED)
				hi = 0x9F;
		} else if (c >= 0xF0 && c <= 0xF4) {
			n = 4;
			if (c == 0xF0)
				lo = 0x90;
			if (c == 0xF4)
				hi = 0x8F;
		} else
			return i;
		if (len - i < n)
			return i;
		for (size_t k = 1; k < n; k++) {
			uint8_t b = s[i + k];
			if (k == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF))
				return i;
		}
		i += n;
	}
	return len;
}

static void check_shown(const char *out, const char *s)
{
	size_t len = strlen(out);
	FUZZ_CHECK(utf8_first_bad((const uint8_t *)out, len) == len, s);
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)out[i];
		FUZZ_CHECK(c >= 0x20 && c != 0x7F, s);
		/* C1 controls (U+0080..U+009F) are shown as '?' too */
		if (c == 0xC2 && i + 1 < len)
			FUZZ_CHECK((unsigned char)out[i + 1] < 0x80 || (unsigned char)out[i + 1] > 0x9F, s);
	}
}

static int sign(int v)
{
	return (v > 0) - (v < 0);
}

static void check_fit(const char *s, int width, size_t n)
{
	char *out = malloc(n ? n : 1);
	if (!out)
		abort();
	int used = text_fit(s, width, out, n);
	if (n == 0) {
		FUZZ_CHECK(used == 0, s);
		free(out);
		return;
	}
	FUZZ_CHECK(used >= 0 && strlen(out) < n, s);
	FUZZ_CHECK(used <= (width > 0 ? width : 0), s);
	check_shown(out, s);
	FUZZ_CHECK(text_width(out) == used, s);

	int padded = text_pad(s, width, TEXT_LEFT, out, n);
	FUZZ_CHECK(strlen(out) < n && padded <= (width > 0 ? width : 0), s);
	FUZZ_CHECK(text_width(out) == padded, s);
	check_shown(out, s);
	free(out);

	/* with room enough, padding reaches the width exactly, aligned any way */
	size_t big = strlen(s) + (size_t)(width > 0 ? width : 0) + 8;
	out = malloc(big);
	if (!out)
		abort();
	for (int a = TEXT_LEFT; a <= TEXT_CENTER; a++) {
		int w = text_pad(s, width, (enum text_align)a, out, big);
		FUZZ_CHECK(w == (width > 0 ? width : 0) && text_width(out) == w, s);
	}
	int full = text_width(s);
	int w = text_pad_min(s, width, TEXT_LEFT, out, big);
	FUZZ_CHECK(w == (full > width ? full : (width > 0 ? width : 0)), s);
	FUZZ_CHECK(text_width(out) == w, s);
	free(out);
}

static void check_search(const char *s)
{
	char *folded = text_fold(s);
	FUZZ_CHECK(folded != NULL, s);
	size_t len = strlen(folded);
	FUZZ_CHECK(utf8_first_bad((const uint8_t *)folded, len) == len, s);
	/* the name is found by itself, and by each of its words alone */
	struct text_search q;
	FUZZ_CHECK(text_search_init(&q, s) == 0, s);
	FUZZ_CHECK(text_search_match(&q, folded), s);
	text_search_free(&q);
	char *copy = fuzz_cstr((const uint8_t *)s, strlen(s));
	for (char *save = NULL, *w = strtok_r(copy, " \t\r\n", &save); w; w = strtok_r(NULL, " \t\r\n", &save)) {
		FUZZ_CHECK(text_search_init(&q, w) == 0, s);
		FUZZ_CHECK(text_search_match(&q, folded), w);
		text_search_free(&q);
	}
	free(copy);
	free(folded);
}

static void check_order(const char *a, const char *b, const char *c)
{
	FUZZ_CHECK(text_compare_fr(a, a) == 0, a);
	int ab = sign(text_compare_fr(a, b)), ba = sign(text_compare_fr(b, a));
	FUZZ_CHECK(ab == -ba, a);
	FUZZ_CHECK((ab == 0) == (strcmp(a, b) == 0), a);
	FUZZ_CHECK(ab == sign(text_compare_fr_n(a, strlen(a), b, strlen(b))), a);
	int bc = sign(text_compare_fr(b, c)), ac = sign(text_compare_fr(a, c));
	if (ab < 0 && bc < 0)
		FUZZ_CHECK(ac < 0, a);
	if (ab > 0 && bc > 0)
		FUZZ_CHECK(ac > 0, a);
}

static void check_group(const uint8_t *data, size_t size)
{
	int64_t v = 0;
	for (size_t i = 0; i < size && i < 8; i++)
		v = (int64_t)((uint64_t)v << 8 | data[i]);
	char buf[64], plain[32], back[32];
	text_group(v, "\xC2\xA0", buf, sizeof buf);
	size_t k = 0;
	for (const char *p = buf; *p; p++)
		if ((*p >= '0' && *p <= '9') || *p == '-')
			back[k++] = *p;
	back[k] = '\0';
	snprintf(plain, sizeof plain, "%lld", (long long)v);
	FUZZ_CHECK(strcmp(back, plain) == 0, buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 2)
		return 0;
	int width = (int)(data[0] % 100) - 4;
	size_t n = data[1];
	const uint8_t *rest = data + 2;
	size_t len = size - 2;

	size_t bad = (size_t)-1;
	size_t ref = utf8_first_bad(rest, len);
	bool ok = text_utf8_valid((const char *)rest, len, &bad);
	FUZZ_CHECK(ok == (ref == len), "utf8");
	FUZZ_CHECK(ok ? bad == (size_t)-1 : bad == ref, "utf8 offset");

	char *all = fuzz_cstr(rest, len);
	const char *a = all, *b = "", *c = "";
	size_t la = strlen(a);
	if (la < len) {
		b = a + la + 1;
		size_t lb = strlen(b);
		if (la + 1 + lb < len)
			c = b + lb + 1;
	}
	FUZZ_CHECK(text_width(a) >= 0, a);
	check_fit(a, width, n);
	check_search(a);
	check_order(a, b, c);
	check_group(rest, len);
	free(all);
	return 0;
}
