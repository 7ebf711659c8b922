/* test_text.c - the text module: UTF-8 validity, display width of wide
 * and combining characters, fitting without splitting a grapheme,
 * folding, word search, French (Québec) order, thousands grouping. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juste/text.h"

#define NB "\xC2\xA0"
#define E_ACUTE_NFD "e\xCC\x81"          /* e + U+0301 */

/* ------------------------------------------------------------ validity */

static size_t bad_at(const char *s, size_t len)
{
	size_t bad = 999;
	assert_false(text_utf8_valid(s, len, &bad));
	return bad;
}

static void test_utf8_valid(void **state)
{
	(void)state;
	const char *good[] = { "", "abc", "Béatrice", "漢字", "👍", E_ACUTE_NFD, "\xF4\x8F\xBF\xBF" };
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		size_t bad = 999;
		assert_true(text_utf8_valid(good[i], strlen(good[i]), &bad));
		assert_int_equal(bad, 999);      /* untouched */
	}
	assert_true(text_utf8_valid("a\0b", 3, NULL));
	assert_int_equal(bad_at("abc\xC3", 4), 3);               /* cut short */
	assert_int_equal(bad_at("ab\x80", 3), 2);                /* lone continuation */
	assert_int_equal(bad_at("x\xC0\x80", 3), 1);             /* overlong NUL */
	assert_int_equal(bad_at("é\xE0\x80\xAF", 5), 2);         /* overlong '/' */
	assert_int_equal(bad_at("Zo\xED\xA0\x80", 5), 2);        /* surrogate */
	assert_int_equal(bad_at("\xF4\x90\x80\x80", 4), 0);      /* past U+10FFFF */
	assert_int_equal(bad_at("ok\xFF", 3), 2);
	assert_int_equal(bad_at("é\xC3(", 4), 2);                /* lead without trail */
	/* the length bounds the check: a valid prefix of a bad string */
	assert_true(text_utf8_valid("abc\xC3", 3, NULL));
}

/* --------------------------------------------------------------- width */

static void test_char_width(void **state)
{
	(void)state;
	assert_int_equal(text_char_width('a'), 1);
	assert_int_equal(text_char_width(0xE9), 1);      /* é */
	assert_int_equal(text_char_width(0x301), 0);     /* combining acute */
	assert_int_equal(text_char_width(0x6F22), 2);    /* 漢 */
	assert_int_equal(text_char_width(0xFF21), 2);    /* fullwidth A */
	assert_int_equal(text_char_width(0xAC00), 2);    /* 가 */
	assert_int_equal(text_char_width(0x1161), 0);    /* Hangul medial vowel */
	assert_int_equal(text_char_width(0x200B), 0);    /* zero width space */
	assert_int_equal(text_char_width(0x1F44D), 2);   /* 👍 */
	assert_int_equal(text_char_width(0x1B), 1);      /* shown as '?' */
}

static void test_width(void **state)
{
	(void)state;
	assert_int_equal(text_width(""), 0);
	assert_int_equal(text_width("Brigitte"), 8);
	assert_int_equal(text_width("Béatrice"), 8);
	assert_int_equal(text_width("B" E_ACUTE_NFD "atrice"), 8);
	assert_int_equal(text_width("é"), text_width(E_ACUTE_NFD));
	assert_int_equal(text_width("漢字"), 4);
	assert_int_equal(text_width("東京 Tokyo"), 10);
	assert_int_equal(text_width("ｼﾞｭｽﾄ"), 5);                       /* halfwidth katakana */
	assert_int_equal(text_width("\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB"), 2);   /* 한 as jamo */
	assert_int_equal(text_width("1" NB "234,00" NB "$"), 10);
	assert_int_equal(text_width("a\tb\nc"), 5);
	assert_int_equal(text_width("a\xFF" "b"), 3);
	assert_int_equal(text_width("👍"), 2);
	assert_int_equal(text_width("👨\u200D👩\u200D👧"), 2);          /* one family */
	assert_int_equal(text_width("🇨🇦🇫🇷"), 4);                        /* two flags */
}

/* ----------------------------------------------------------- fit, pad */

static void fit_is(const char *s, int width, const char *want, int cols)
{
	char out[256];
	assert_int_equal(text_fit(s, width, out, sizeof out), cols);
	assert_string_equal(out, want);
	assert_true(text_utf8_valid(out, strlen(out), NULL));
	assert_true(text_width(out) <= width);
}

static void test_fit(void **state)
{
	(void)state;
	fit_is("Béatrice", 8, "Béatrice", 8);
	fit_is("Béatrice", 5, "Béat…", 5);
	fit_is("B" E_ACUTE_NFD "atrice", 3, "B" E_ACUTE_NFD "…", 3);
	/* the mark goes with its letter, never alone */
	fit_is("e" "\xCC\x81\xCC\xA7" "xyz", 2, "e\xCC\x81\xCC\xA7…", 2);
	/* a wide character that does not fit is left out whole */
	fit_is("漢字漢", 4, "漢…", 3);
	fit_is("漢字漢", 6, "漢字漢", 6);
	fit_is("ab漢", 3, "ab…", 3);
	fit_is("👨\u200D👩\u200D👧 famille", 4, "👨\u200D👩\u200D👧 …", 4);
	fit_is("🇨🇦🇫🇷", 3, "🇨🇦…", 3);
	/* nothing that moves the cursor gets through */
	fit_is("a\tb\nc\r\x1b[2Jd\x7f", 20, "a b c ?[2Jd?", 12);
	fit_is("x\xFF" "y", 5, "x?y", 3);
	fit_is("abc", 0, "", 0);
	fit_is("abc", 1, "…", 1);
	fit_is("", 4, "", 0);

	/* a short buffer stops at a grapheme boundary */
	char small[4];
	assert_int_equal(text_fit("B" E_ACUTE_NFD "a", 10, small, sizeof small), 1);
	assert_string_equal(small, "B");
	assert_int_equal(text_fit("abc", 3, small, 0), 0);
}

static void pad_is(const char *s, int width, enum text_align a, const char *want)
{
	char out[256];
	assert_int_equal(text_pad(s, width, a, out, sizeof out), width);
	assert_string_equal(out, want);
	assert_int_equal(text_width(out), width);
}

static void test_pad(void **state)
{
	(void)state;
	pad_is("Zoé", 6, TEXT_LEFT, "Zoé   ");
	pad_is("Zo" E_ACUTE_NFD, 6, TEXT_LEFT, "Zo" E_ACUTE_NFD "   ");
	pad_is("Zoé", 6, TEXT_RIGHT, "   Zoé");
	pad_is("Zoé", 6, TEXT_CENTER, " Zoé  ");
	pad_is("漢字漢", 4, TEXT_LEFT, "漢… ");
	pad_is("Béatrice", 5, TEXT_RIGHT, "Béat…");
	pad_is("", 3, TEXT_LEFT, "   ");
	/* the decomposed and the precomposed name take the same cell */
	char a[64], b[64];
	text_pad("Hélène Côté", 14, TEXT_LEFT, a, sizeof a);
	text_pad("He" "\xCC\x81" "le" "\xCC\x80" "ne Co" "\xCC\x82" "te" "\xCC\x81", 14, TEXT_LEFT, b, sizeof b);
	assert_int_equal(text_width(a), text_width(b));
	assert_int_equal(strlen(a) - strlen("Hélène Côté"), strlen(b) - strlen("He\xCC\x81le\xCC\x80ne Co\xCC\x82te\xCC\x81"));

	char tiny[5];
	assert_int_equal(text_pad("ab", 8, TEXT_LEFT, tiny, sizeof tiny), 4);
	assert_string_equal(tiny, "ab  ");

	/* at least the width, never cut */
	char out[64];
	assert_int_equal(text_pad_min("Réseaux", 10, TEXT_LEFT, out, sizeof out), 10);
	assert_string_equal(out, "Réseaux   ");
	assert_int_equal(text_pad_min("95,00" NB "$", 10, TEXT_RIGHT, out, sizeof out), 10);
	assert_string_equal(out, "   95,00" NB "$");
	assert_int_equal(text_pad_min("Regroupements sectoriels", 5, TEXT_LEFT, out, sizeof out), 24);
	assert_string_equal(out, "Regroupements sectoriels");
}

/* ------------------------------------------------------------- folding */

static void fold_is(const char *s, const char *want)
{
	char *f = text_fold(s);
	assert_non_null(f);
	assert_string_equal(f, want);
	free(f);
}

static void test_fold(void **state)
{
	(void)state;
	fold_is("É", "e");
	fold_is("é", "e");
	fold_is(E_ACUTE_NFD, "e");
	fold_is("E\xCC\x81", "e");
	fold_is("Coopérative Érable", "cooperative erable");
	fold_is("Co" "\xCC\x82" "te", "cote");
	fold_is("Œuvre et cœur", "oeuvre et coeur");
	fold_is("L’Érable", "l'erable");
	fold_is("Saint‑Jean–Baptiste", "saint-jean-baptiste");
	fold_is("1" NB "234", "1 234");
	fold_is("ﬁnances", "finances");
	fold_is("Straße", "strasse");
	fold_is("ÇA", "ca");
	fold_is("ASCII Only", "ascii only");
	fold_is("", "");
	fold_is("漢字", "漢字");
	fold_is("a\xFF" "b", "a\xEF\xBF\xBD" "b");   /* a bad byte stays a mark, never matches a letter */
}

static bool finds(const char *query, const char *text)
{
	struct text_search q;
	assert_int_equal(text_search_init(&q, query), 0);
	char *f = text_fold(text);
	assert_non_null(f);
	bool r = text_search_match(&q, f);
	free(f);
	text_search_free(&q);
	return r;
}

static void test_search(void **state)
{
	(void)state;
	assert_true(finds("era", "Coopérative Érable"));
	assert_true(finds("Éra", "Coopérative Érable"));
	assert_true(finds("coop ERABLE", "Coopérative Érable"));
	assert_true(finds("erable coop", "Coopérative Érable"));
	assert_true(finds("  erable   \t coop ", "Coopérative Érable"));
	assert_false(finds("coop sapin", "Coopérative Érable"));
	assert_true(finds("", "anything"));
	assert_true(finds("cote", "Daniel Co" "\xCC\x82" "te"));        /* decomposed text */
	assert_true(finds("co" "\xCC\x82" "te", "Daniel Côté"));        /* decomposed query */
	assert_true(finds("coeur", "Sacré-Cœur"));

	/* no cap on words: the 40th word must be there too */
	char text[1024] = "", query[1024] = "";
	for (int i = 0; i < 40; i++) {
		char w[16];
		snprintf(w, sizeof w, "mot%02d ", i);
		strcat(text, w);
		strcat(query, w);
	}
	assert_true(finds(query, text));
	strcat(query, "absent");
	assert_false(finds(query, text));

	struct text_search q;
	assert_int_equal(text_search_init(&q, NULL), 0);
	assert_int_equal(q.n, 0);
	assert_true(text_search_match(&q, "x"));
	text_search_free(&q);
	text_search_free(NULL);
}

/* --------------------------------------------------------------- order */

static int cmp_fr(const void *a, const void *b)
{
	return text_compare_fr(*(const char *const *)a, *(const char *const *)b);
}

static void test_compare_fr(void **state)
{
	(void)state;
	assert_true(text_compare_fr("Béatrice", "Brigitte") < 0);
	assert_true(text_compare_fr("Brigitte", "Béatrice") > 0);
	assert_true(text_compare_fr("Édith", "Zoé") < 0);
	assert_true(text_compare_fr("Zoé", "Édith") > 0);
	assert_true(text_compare_fr("Éric", "Eve") < 0);
	assert_int_equal(text_compare_fr("Zoé", "Zoé"), 0);
	/* Québec order: accents weigh from the end of the word */
	assert_true(text_compare_fr("cote", "côte") < 0);
	assert_true(text_compare_fr("côte", "coté") < 0);
	assert_true(text_compare_fr("coté", "côté") < 0);
	/* case after accents, lower case first */
	assert_true(text_compare_fr("cote", "Cote") < 0);
	assert_true(text_compare_fr("Cote", "côte") < 0);
	/* a decomposed spelling sorts with its letters, and the order stays total */
	assert_true(text_compare_fr("B" E_ACUTE_NFD "atrice", "Brigitte") < 0);
	assert_true(text_compare_fr("Z", E_ACUTE_NFD "dith") > 0);
	int d = text_compare_fr("B" E_ACUTE_NFD "atrice", "Béatrice");
	assert_true(d != 0);
	assert_true((d > 0) == (text_compare_fr("Béatrice", "B" E_ACUTE_NFD "atrice") < 0));

	const char *names[] = { "Zoé Tremblay", "Édith Arsenault", "Brigitte Breton", "Béatrice Nadeau",
		"Éric Boudreau", "Andrée-Anne Giroux", "André Lavoie", "Émile Côté", "Emile Cote", "côté", "coté",
		"côte", "cote" };
	const char *want[] = { "André Lavoie", "Andrée-Anne Giroux", "Béatrice Nadeau", "Brigitte Breton",
		"cote", "côte", "coté", "côté", "Édith Arsenault", "Emile Cote", "Émile Côté", "Éric Boudreau",
		"Zoé Tremblay" };
	size_t n = sizeof names / sizeof names[0];
	qsort(names, n, sizeof names[0], cmp_fr);
	for (size_t i = 0; i < n; i++)
		assert_string_equal(names[i], want[i]);

	assert_true(text_compare_fr_n("abcz", 3, "abc", 3) == 0);
	assert_true(text_compare_fr_n("Béatrice", strlen("Béatrice"), "Brigitte!", 8) < 0);

	/* closed, then opened again on the next comparison */
	text_shutdown();
	text_shutdown();
	assert_true(text_compare_fr("Édith", "Zoé") < 0);
}

/* ------------------------------------------------------------- figures */

static void group_is(int64_t v, const char *sep, const char *want)
{
	char b[64];
	assert_ptr_equal(text_group(v, sep, b, sizeof b), b);
	assert_string_equal(b, want);
}

static void test_group(void **state)
{
	(void)state;
	group_is(0, NB, "0");
	group_is(7, NB, "7");
	group_is(999, NB, "999");
	group_is(1000, NB, "1" NB "000");
	group_is(-1000, NB, "-1" NB "000");
	group_is(-999, NB, "-999");
	group_is(1234567, NB, "1" NB "234" NB "567");
	group_is(-1234567, ",", "-1,234,567");
	group_is(123456, "", "123456");
	group_is(INT64_MAX, " ", "9 223 372 036 854 775 807");
	group_is(INT64_MIN, NB, "-9" NB "223" NB "372" NB "036" NB "854" NB "775" NB "808");

	char b[8];
	assert_string_equal(text_group(1234567, NB, b, 7), "1" NB "234");
	assert_string_equal(text_group(1234567, NB, b, 6), "1" NB "23");
	assert_string_equal(text_group(1234567, NB, b, 3), "1");
	assert_string_equal(text_group(1234567, NB, b, 1), "");
	assert_null(text_group(5, NB, NULL, 0));
}

static void test_lang(void **state)
{
	(void)state;
	char b[64];
	assert_int_equal(text_lang_of("en"), TEXT_LANG_EN);
	assert_int_equal(text_lang_of("en_CA"), TEXT_LANG_EN);
	assert_int_equal(text_lang_of("fr"), TEXT_LANG_FR);
	assert_int_equal(text_lang_of(""), TEXT_LANG_FR);
	assert_int_equal(text_lang_of(NULL), TEXT_LANG_FR);
	assert_int_equal(text_lang_of("e"), TEXT_LANG_FR);
	assert_string_equal(text_count(TEXT_LANG_EN, 75100, b, sizeof b), "75,100");
	assert_string_equal(text_count(TEXT_LANG_EN, -1234567, b, sizeof b), "-1,234,567");
	assert_string_equal(text_count(TEXT_LANG_FR, 75100, b, sizeof b), "75\xC2\xA0" "100");
	assert_int_equal(text_decimal_mark(TEXT_LANG_EN), '.');
	assert_int_equal(text_decimal_mark(TEXT_LANG_FR), ',');
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8_valid),
		cmocka_unit_test(test_char_width),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_fit),
		cmocka_unit_test(test_pad),
		cmocka_unit_test(test_fold),
		cmocka_unit_test(test_search),
		cmocka_unit_test(test_compare_fr),
		cmocka_unit_test(test_group),
		cmocka_unit_test(test_lang),
	};
	int r = cmocka_run_group_tests(tests, NULL, NULL);
	text_shutdown();
	return r;
}
