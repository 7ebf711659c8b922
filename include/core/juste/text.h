/*
 * text.h - UTF-8 text as people read it: is it well formed, how many
 * terminal columns it takes, how to cut or pad it to a width, how to fold
 * it for searching, how French (Québec) orders names, how to group the
 * thousands of a figure.  Every front end and every report uses these, so
 * that a name lines up, is found and sorts the same everywhere.
 *
 * Pure computation over ICU (normalisation, character properties, the
 * collator): no I/O, no locale.  A fresh machine has no fr_CA locale; ICU
 * carries its own data, so the order does not depend on the machine.
 */
#ifndef JUSTE_TEXT_H
#define JUSTE_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- validity ------------------------------------------------------- */

/* True when s[0..len) is well-formed UTF-8: no overlong form, no
 * surrogate, nothing past U+10FFFF, no sequence cut short.  Otherwise
 * false, and *bad (when not NULL) gets the byte offset of the first
 * ill-formed sequence.  U+0000 is well formed; refusing it is the caller's
 * choice. */
bool text_utf8_valid(const char *s, size_t len, size_t *bad);

/* ---- display width -------------------------------------------------- */

/* Columns one code point takes: 2 for East Asian wide and fullwidth
 * characters, 0 for combining marks, format characters and the Hangul
 * jamo that join a syllable, 1 for the rest (control characters too,
 * since they are shown as one visible character: see text_fit). */
int text_char_width(uint32_t cp);

/* Columns the UTF-8 string s takes, grapheme by grapheme: "é" written
 * "e\u0301" is one column, "漢字" four.  An ill-formed byte counts as the
 * one column of the '?' shown for it. */
int text_width(const char *s);

enum text_align { TEXT_LEFT, TEXT_RIGHT, TEXT_CENTER };

/* Copies s into out (n bytes, NUL included) in at most `width` columns,
 * never splitting a character or a grapheme: when s is wider, as many
 * whole graphemes as fit in width - 1 columns, then "…".  Tabs and line
 * breaks become a space, other control characters and ill-formed bytes
 * '?', so that nothing moves the terminal's cursor.  When out is too
 * small the copy stops at a grapheme boundary.  Returns the columns
 * written. */
int text_fit(const char *s, int width, char *out, size_t n);

/* text_fit, then spaces up to exactly `width` columns: after the text,
 * before it, or around it (the odd one after).  Returns the columns
 * written: width, unless out is too small. */
int text_pad(const char *s, int width, enum text_align align, char *out, size_t n);

/* As text_pad but never cut: a wider s is copied whole (up to n), like
 * printf's "%-*s" by display width rather than by bytes. */
int text_pad_min(const char *s, int width, enum text_align align, char *out, size_t n);

/* ---- folding and searching ------------------------------------------ */

/* A copy of s for searching: compatibility decomposition (NFKD), combining
 * marks dropped, case folded, and the letters French writes without a
 * decomposition spelled out ("œ" -> "oe", "’" -> "'").  So "É", "é" and
 * "e\u0301" all fold to "e", and a no-break space to a space.  Malloc'd;
 * NULL only when memory runs out. */
char *text_fold(const char *s);

/* A query: the words of a folded text.  Every word must appear in a text
 * (folded the same way), in any order; there is no limit on their number. */
struct text_search {
	char *folded;                 /* owned; the words point into it */
	char **words;
	size_t n;
};

/* 0, or -1 when memory runs out (q is then empty and needs no free). */
int text_search_init(struct text_search *q, const char *query);
/* Whether every word of q appears in `folded` (a text_fold result); an
 * empty query matches everything. */
bool text_search_match(const struct text_search *q, const char *folded);
void text_search_free(struct text_search *q);    /* NULL ok */

/* ---- French order --------------------------------------------------- */

/* <0, 0 or >0 as a precedes, equals or follows b in French as written in
 * Québec (ICU's fr_CA collator): letters first, then accents compared
 * from the end of the word, then case, so "Béatrice" < "Brigitte",
 * "Édith" < "Zoé" and cote < côte < coté < côté.  Canonically equivalent
 * spellings compare by their bytes, so the order is total and stable. */
int text_compare_fr(const char *a, const char *b);
/* The same on strings of given lengths (not NUL-terminated), for SQLite. */
int text_compare_fr_n(const char *a, size_t alen, const char *b, size_t blen);

/* The collator is opened on first use and kept; this closes it (the next
 * comparison opens it again).  For leak checkers and tests. */
void text_shutdown(void);

/* ---- figures -------------------------------------------------------- */

/* v with sep between groups of three digits: (1234567, "\u00a0") ->
 * "1 234 567", (-1234, ",") -> "-1,234".  Cut at a character boundary
 * when n is short. */
char *text_group(int64_t v, const char *sep, char *buf, size_t n);

/* The conventions a figure is written in for people: French (Québec),
 * "75 100", "1 371,28 $", "15,0 %" (U+00A0 between groups and before the
 * sign), or English (Canada), "75,100", "$1,371.28", "15.0%" (The Canadian
 * Style).  Machine formats (CSV, JSON) never follow the language. */
enum text_lang { TEXT_LANG_FR, TEXT_LANG_EN };

/* TEXT_LANG_EN for a language code starting with "en" ("en", "en_CA"),
 * else TEXT_LANG_FR. */
enum text_lang text_lang_of(const char *code);
/* The thousands separator: U+00A0 in French, "," in English. */
const char *text_group_sep(enum text_lang l);
/* The decimal mark: "," in French, "." in English. */
char text_decimal_mark(enum text_lang l);
/* A count with its thousands grouped: "75 100" or "75,100". */
char *text_count(enum text_lang l, int64_t v, char *buf, size_t n);

#endif
