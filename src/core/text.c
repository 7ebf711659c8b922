/*
 * text.c - UTF-8 validity, display width, fitting to a width, folding,
 * word search, French order and thousands grouping, over ICU.
 *
 * Widths follow what terminals draw (the rules of wcwidth, from ICU's
 * properties so that they do not depend on the locale); graphemes follow
 * the rules of UAX #29 that matter for names and notes (combining marks,
 * Hangul syllables, emoji sequences, flags).  Plain ASCII, the common
 * case, never reaches ICU.
 */
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <threads.h>

#include <unicode/uchar.h>
#include <unicode/ucol.h>
#include <unicode/udata.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include "juste/text.h"

/* ------------------------------------------------------------------ ICU data */

static once_flag icu_once = ONCE_FLAG_INIT;

static void icu_no_files(void)
{
	UErrorCode err = U_ZERO_ERROR;
	udata_setFileAccess(UDATA_NO_FILES, &err);
}

/* Before ICU loads any data: only the data linked into ICU's library.  By
 * default ICU first looks for single files under $ICU_DATA, a directory
 * the user names; a set-group-id juste, which keeps the database open after
 * giving up its group, must not parse files the user wrote (nor let them
 * change the order of names). */
static void icu_ready(void)
{
	call_once(&icu_once, icu_no_files);
}

/* ------------------------------------------------------------------ validity */

bool text_utf8_valid(const char *s, size_t len, size_t *bad)
{
	const uint8_t *u = (const uint8_t *)s;
	size_t i = 0;

	while (i < len) {
		if (u[i] < 0x80) {
			i++;
			continue;
		}
		size_t at = i;
		UChar32 c;
		/* U8_NEXT refuses overlong forms, surrogates and code points
		 * past U+10FFFF, and stops at len. */
		U8_NEXT(u, i, len, c);
		if (c < 0) {
			if (bad)
				*bad = at;
			return false;
		}
	}
	return true;
}

/* ------------------------------------------------------------------ width */

int text_char_width(uint32_t cp)
{
	if (cp >= 0x20 && cp < 0x7F)
		return 1;
	if (cp > 0x10FFFF)
		return 1;
	icu_ready();
	UChar32 c = (UChar32)cp;
	int8_t t = u_charType(c);
	if (t == U_NON_SPACING_MARK || t == U_ENCLOSING_MARK || t == U_FORMAT_CHAR)
		return 0;
	int g = u_getIntPropertyValue(c, UCHAR_GRAPHEME_CLUSTER_BREAK);
	if (g == U_GCB_V || g == U_GCB_T)
		return 0;            /* medial vowels and final consonants of a syllable */
	int ea = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
	if (ea == U_EA_WIDE || ea == U_EA_FULLWIDTH)
		return 2;
	return 1;
}

/* One code point at s[i] (i < n): its value, or -1 for an ill-formed
 * sequence; returns the index after it. */
static size_t next_cp(const uint8_t *s, size_t i, size_t n, UChar32 *c)
{
	if (s[i] < 0x80) {
		*c = s[i];
		return i + 1;
	}
	U8_NEXT(s, i, n, *c);
	return i;
}

enum glyph { G_TEXT, G_BLANK, G_MARK };   /* as is, one space, one '?' */

/* Printable ASCII that nothing after it can join (the next byte is ASCII
 * too): one column, no lookup. */
static bool plain_at(const uint8_t *s, size_t i, size_t n)
{
	return s[i] >= 0x20 && s[i] < 0x7F && (i + 1 >= n || s[i + 1] < 0x80);
}

/* The grapheme cluster starting at s[i] (i < n): returns the index after
 * it, its columns and how it is shown. */
static size_t next_cluster(const uint8_t *s, size_t i, size_t n, int *cols, enum glyph *glyph)
{
	UChar32 c;
	size_t j = next_cp(s, i, n, &c);

	*glyph = G_TEXT;
	*cols = 1;
	if (c < 0) {
		*glyph = G_MARK;
		return j;
	}
	if (plain_at(s, i, n))
		return j;
	icu_ready();
	int prev = u_getIntPropertyValue(c, UCHAR_GRAPHEME_CLUSTER_BREAK);
	if (prev == U_GCB_CONTROL || prev == U_GCB_CR || prev == U_GCB_LF) {
		int8_t t = u_charType(c);
		if (t == U_CONTROL_CHAR || t == U_LINE_SEPARATOR || t == U_PARAGRAPH_SEPARATOR) {
			*cols = 1;
			*glyph = (c >= 0x09 && c <= 0x0D) || c == 0x85 || t != U_CONTROL_CHAR ? G_BLANK : G_MARK;
		} else {
			*cols = text_char_width((uint32_t)c);   /* a format character: invisible */
		}
		return j;
	}
	int w = text_char_width((uint32_t)c);
	/* emoji: 1 after an Extended_Pictographic (and its Extends), 2 after
	 * its ZWJ; ri: regional indicators so far, to pair them into flags */
	int emoji = u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC) ? 1 : 0;
	int ri = prev == U_GCB_REGIONAL_INDICATOR;
	while (j < n) {
		UChar32 d;
		size_t k = next_cp(s, j, n, &d);
		if (d < 0)
			break;
		int g = u_getIntPropertyValue(d, UCHAR_GRAPHEME_CLUSTER_BREAK);
		bool pict = u_hasBinaryProperty(d, UCHAR_EXTENDED_PICTOGRAPHIC);
		bool join;
		if (g == U_GCB_CONTROL || g == U_GCB_CR || g == U_GCB_LF)
			break;
		if (prev == U_GCB_L)
			join = g == U_GCB_L || g == U_GCB_V || g == U_GCB_LV || g == U_GCB_LVT;
		else if ((prev == U_GCB_LV || prev == U_GCB_V) && (g == U_GCB_V || g == U_GCB_T))
			join = true;
		else if ((prev == U_GCB_LVT || prev == U_GCB_T) && g == U_GCB_T)
			join = true;
		else
			join = false;
		if (!join)
			join = g == U_GCB_EXTEND || g == U_GCB_ZWJ || g == U_GCB_SPACING_MARK || prev == U_GCB_PREPEND
				|| (prev == U_GCB_ZWJ && emoji == 2 && pict)
				|| (prev == U_GCB_REGIONAL_INDICATOR && g == U_GCB_REGIONAL_INDICATOR && ri % 2 == 1);
		if (!join)
			break;
		/* an emoji joined by ZWJ is drawn as one picture with the first */
		if (!(prev == U_GCB_ZWJ && emoji == 2 && pict))
			w += text_char_width((uint32_t)d);
		if (pict)
			emoji = 1;
		else if (g == U_GCB_ZWJ && emoji == 1)
			emoji = 2;
		else if (g != U_GCB_EXTEND)
			emoji = 0;
		if (g == U_GCB_REGIONAL_INDICATOR)
			ri++;
		prev = g;
		j = k;
	}
	*cols = w;
	return j;
}

int text_width(const char *s)
{
	const uint8_t *u = (const uint8_t *)s;
	size_t n = strlen(s);
	int w = 0;

	for (size_t i = 0; i < n;) {
		if (plain_at(u, i, n)) {
			w++;
			i++;
			continue;
		}
		int cols;
		enum glyph g;
		i = next_cluster(u, i, n, &cols, &g);
		w += cols;
	}
	return w;
}

/* Appends s[i..j) as shown; false when it does not fit in out. */
static bool put_glyph(char *out, size_t n, size_t *at, const char *s, size_t i, size_t j, enum glyph g)
{
	size_t len = g == G_TEXT ? j - i : 1;
	if (*at + len + 1 > n)
		return false;
	if (g == G_TEXT)
		memcpy(out + *at, s + i, len);
	else
		out[*at] = g == G_BLANK ? ' ' : '?';
	*at += len;
	return true;
}

#define ELLIPSIS "\xE2\x80\xA6"

int text_fit(const char *s, int width, char *out, size_t n)
{
	if (n == 0)
		return 0;
	out[0] = '\0';
	if (width <= 0)
		return 0;
	/* One walk: copy the graphemes while they fit, remembering the copy
	 * at width - 1 columns, where "…" goes should s turn out wider.  When
	 * out is full, keep measuring without copying. */
	const uint8_t *u = (const uint8_t *)s;
	size_t len = strlen(s), at = 0, cut_at = 0;
	int used = 0, written = 0, cut_cols = 0;
	bool full = false;
	for (size_t i = 0; i < len;) {
		int cols = 1;
		enum glyph g = G_TEXT;
		size_t j = plain_at(u, i, len) ? i + 1 : next_cluster(u, i, len, &cols, &g);
		if (used + cols > width) {
			/* wider than width: the copy up to width - 1, then "…" */
			at = cut_at;
			written = cut_cols;
			if (at + sizeof ELLIPSIS <= n) {
				memcpy(out + at, ELLIPSIS, sizeof ELLIPSIS - 1);
				at += sizeof ELLIPSIS - 1;
				written++;
			}
			break;
		}
		if (!full && !put_glyph(out, n, &at, s, i, j, g))
			full = true;
		if (!full) {
			written += cols;
			if (written <= width - 1) {
				cut_at = at;
				cut_cols = written;
			}
		}
		used += cols;
		i = j;
	}
	out[at] = '\0';
	return written;
}

int text_pad(const char *s, int width, enum text_align align, char *out, size_t n)
{
	int used = text_fit(s, width, out, n);
	if (n == 0 || used >= width)
		return used;
	size_t len = strlen(out), pad = (size_t)(width - used);
	if (len + pad + 1 > n)
		pad = n - 1 - len;
	size_t left = align == TEXT_RIGHT ? pad : align == TEXT_CENTER ? pad / 2 : 0;
	memmove(out + left, out, len);
	memset(out, ' ', left);
	memset(out + left + len, ' ', pad - left);
	out[len + pad] = '\0';
	return used + (int)pad;
}

int text_pad_min(const char *s, int width, enum text_align align, char *out, size_t n)
{
	int w = text_width(s);
	return text_pad(s, w > width ? w : width, align, out, n);
}

/* ------------------------------------------------------------------ folding */

/* The letters French and its neighbours write with no decomposition to a
 * base letter, and the typographic apostrophes and dashes, spelled the
 * way one types them in a search. */
static const char *fold_extra(UChar c)
{
	switch (c) {
	case 0x00E6: return "ae";    /* æ */
	case 0x0153: return "oe";    /* œ */
	case 0x00F8: return "o";     /* ø */
	case 0x0142: return "l";     /* ł */
	case 0x0111: return "d";     /* đ */
	case 0x00F0: return "d";     /* ð */
	case 0x00FE: return "th";    /* þ */
	case 0x2018: case 0x2019: case 0x201B: case 0x02BC: return "'";
	case 0x2010: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212: return "-";
	default: return NULL;
	}
}

/* Runs an ICU string transform into a malloc'd buffer, measuring first. */
typedef int32_t (*u16_fn)(UChar *dst, int32_t cap, const UChar *src, int32_t len, UErrorCode *err);

static UChar *u16_apply(u16_fn fn, const UChar *src, int32_t len, int32_t *outlen)
{
	UErrorCode err = U_ZERO_ERROR;
	int32_t need = fn(NULL, 0, src, len, &err);
	if (err != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(err))
		return NULL;
	UChar *dst = malloc(((size_t)need + 1) * sizeof *dst);
	if (!dst)
		return NULL;
	err = U_ZERO_ERROR;
	*outlen = fn(dst, need + 1, src, len, &err);
	if (U_FAILURE(err)) {
		free(dst);
		return NULL;
	}
	return dst;
}

static int32_t nfkd(UChar *dst, int32_t cap, const UChar *src, int32_t len, UErrorCode *err)
{
	const UNormalizer2 *nf = unorm2_getNFKDInstance(err);
	if (U_FAILURE(*err))
		return 0;
	return unorm2_normalize(nf, src, len, dst, cap, err);
}

static int32_t casefold(UChar *dst, int32_t cap, const UChar *src, int32_t len, UErrorCode *err)
{
	return u_strFoldCase(dst, cap, src, len, U_FOLD_CASE_DEFAULT, err);
}

static char *fold_ascii(const char *s, size_t len)
{
	char *out = malloc(len + 1);
	if (!out)
		return NULL;
	for (size_t i = 0; i < len; i++)
		out[i] = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] + ('a' - 'A')) : s[i];
	out[len] = '\0';
	return out;
}

char *text_fold(const char *s)
{
	size_t len = strlen(s), k = 0;
	while (k < len && (unsigned char)s[k] < 0x80)
		k++;
	if (k == len)
		return fold_ascii(s, len);
	if (len > INT32_MAX / 2)
		return NULL;
	icu_ready();

	/* to UTF-16, ill-formed bytes as U+FFFD */
	UErrorCode err = U_ZERO_ERROR;
	int32_t n16 = 0;
	UChar *a = malloc((len + 1) * sizeof *a), *b = NULL, *c = NULL;
	char *out = NULL;
	if (!a)
		return NULL;
	u_strFromUTF8WithSub(a, (int32_t)len + 1, &n16, s, (int32_t)len, 0xFFFD, NULL, &err);
	if (U_FAILURE(err))
		goto done;
	int32_t nb = 0, nc = 0;
	if (!(b = u16_apply(nfkd, a, n16, &nb)))
		goto done;
	/* drop the combining marks the decomposition split off */
	int32_t m = 0;
	for (int32_t i = 0; i < nb;) {
		UChar32 ch;
		int32_t at = i;
		U16_NEXT(b, i, nb, ch);
		int8_t t = u_charType(ch);
		if (t == U_NON_SPACING_MARK || t == U_ENCLOSING_MARK)
			continue;
		while (at < i)
			b[m++] = b[at++];
	}
	if (!(c = u16_apply(casefold, b, m, &nc)))
		goto done;

	/* back to UTF-8 with the extra spellings: at most 3 bytes per unit */
	out = malloc((size_t)nc * 3 + 1);
	if (!out)
		goto done;
	size_t o = 0;
	for (int32_t i = 0; i < nc;) {
		UChar32 ch;
		U16_NEXT(c, i, nc, ch);
		const char *x = ch <= 0xFFFF ? fold_extra((UChar)ch) : NULL;
		if (x) {
			size_t xl = strlen(x);
			memcpy(out + o, x, xl);
			o += xl;
		} else {
			UBool bad = 0;
			U8_APPEND((uint8_t *)out, o, (size_t)nc * 3 + 1, ch, bad);
			(void)bad;
		}
	}
	out[o] = '\0';
done:
	free(a);
	free(b);
	free(c);
	return out;
}

int text_search_init(struct text_search *q, const char *query)
{
	memset(q, 0, sizeof *q);
	q->folded = text_fold(query ? query : "");
	if (!q->folded)
		return -1;
	size_t cap = 0;
	for (char *p = q->folded; *p;) {
		while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
			*p++ = '\0';
		if (!*p)
			break;
		if (q->n == cap) {
			size_t nc = cap ? cap * 2 : 8;
			char **w = realloc(q->words, nc * sizeof *w);
			if (!w) {
				text_search_free(q);
				return -1;
			}
			q->words = w;
			cap = nc;
		}
		q->words[q->n++] = p;
		while (*p && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
			p++;
	}
	return 0;
}

bool text_search_match(const struct text_search *q, const char *folded)
{
	for (size_t i = 0; i < q->n; i++)
		if (!folded || !strstr(folded, q->words[i]))
			return false;
	return true;
}

void text_search_free(struct text_search *q)
{
	if (!q)
		return;
	free(q->folded);
	free(q->words);
	memset(q, 0, sizeof *q);
}

/* ------------------------------------------------------------------ order */

static _Atomic(UCollator *) collator;
static atomic_int collator_failed;

/* Opened once: ucol_open costs far more than a comparison.  Two threads
 * racing here each open one and the loser closes its own. */
static UCollator *fr_collator(void)
{
	UCollator *c = atomic_load(&collator);
	if (c || atomic_load(&collator_failed))
		return c;
	icu_ready();
	UErrorCode err = U_ZERO_ERROR;
	c = ucol_open("fr_CA", &err);
	if (U_SUCCESS(err))
		ucol_setAttribute(c, UCOL_NORMALIZATION_MODE, UCOL_ON, &err);
	if (U_FAILURE(err)) {
		ucol_close(c);
		atomic_store(&collator_failed, 1);
		return NULL;
	}
	UCollator *expected = NULL;
	if (!atomic_compare_exchange_strong(&collator, &expected, c)) {
		ucol_close(c);
		c = expected;
	}
	return c;
}

void text_shutdown(void)
{
	ucol_close(atomic_exchange(&collator, NULL));
	atomic_store(&collator_failed, 0);
}

static int bytes_cmp(const char *a, size_t alen, const char *b, size_t blen)
{
	int r = memcmp(a, b, alen < blen ? alen : blen);
	return r ? r : (alen > blen) - (alen < blen);
}

int text_compare_fr_n(const char *a, size_t alen, const char *b, size_t blen)
{
	UCollator *c = fr_collator();
	if (c && alen <= INT32_MAX && blen <= INT32_MAX) {
		UErrorCode err = U_ZERO_ERROR;
		UCollationResult r = ucol_strcollUTF8(c, a, (int32_t)alen, b, (int32_t)blen, &err);
		if (U_SUCCESS(err) && r != UCOL_EQUAL)
			return r == UCOL_LESS ? -1 : 1;
	}
	/* equal for ICU, or no ICU data: the bytes decide */
	return bytes_cmp(a, alen, b, blen);
}

int text_compare_fr(const char *a, const char *b)
{
	return text_compare_fr_n(a, strlen(a), b, strlen(b));
}

/* ------------------------------------------------------------------ figures */

char *text_group(int64_t v, const char *sep, char *buf, size_t n)
{
	char digits[24], tmp[128];
	/* unsigned negation: INT64_MIN has no positive int64 */
	uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	int len = 0;
	do {
		digits[len++] = (char)('0' + mag % 10);
		mag /= 10;
	} while (mag > 0);

	size_t sl = strlen(sep), at = 0;
	if (sl > 8)
		sl = 8;              /* 6 separators of 8 bytes fit tmp */
	if (v < 0)
		tmp[at++] = '-';
	for (int i = len - 1; i >= 0; i--) {
		tmp[at++] = digits[i];
		if (i > 0 && i % 3 == 0) {
			memcpy(tmp + at, sep, sl);
			at += sl;
		}
	}
	tmp[at] = '\0';
	if (buf == NULL || n == 0)
		return buf;
	if (at >= n) {
		/* never leave half of a multibyte separator behind */
		at = n - 1;
		while (at > 0 && ((unsigned char)tmp[at] & 0xC0) == 0x80)
			at--;
	}
	memcpy(buf, tmp, at);
	buf[at] = '\0';
	return buf;
}

/* ------------------------------------------------------------ languages */

enum text_lang text_lang_of(const char *code)
{
	return code && code[0] == 'e' && code[1] == 'n' ? TEXT_LANG_EN : TEXT_LANG_FR;
}

const char *text_group_sep(enum text_lang l)
{
	return l == TEXT_LANG_EN ? "," : "\xC2\xA0";
}

char text_decimal_mark(enum text_lang l)
{
	return l == TEXT_LANG_EN ? '.' : ',';
}

char *text_count(enum text_lang l, int64_t v, char *buf, size_t n)
{
	return text_group(v, text_group_sep(l), buf, n);
}
