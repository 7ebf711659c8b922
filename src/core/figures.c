/*
 * figures.c - percentages, counts, capacity and the ristourne split of the
 * annual report.  Integers only: a percentage is tenths of a percent.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juste/date.h"
#include "juste/figures.h"
#include "juste/money.h"
#include "juste/text.h"

#ifndef N_
#define N_(s) (s)
#endif

#define NBSP "\xC2\xA0"

/* num / den rounded half away from zero, in 128 bits: num may be a large
 * amount times 1000. */
static int64_t div_round128(__int128 num, __int128 den)
{
	int neg = (num < 0) != (den < 0);
	if (num < 0)
		num = -num;
	if (den < 0)
		den = -den;
	__int128 q = num / den, r = num % den;
	if (2 * r >= den)
		q++;
	return (int64_t)(neg ? -q : q);
}

int figures_growth(int64_t a, int64_t b, int64_t *tenths)
{
	*tenths = 0;
	if (a <= 0)
		return 0;
	*tenths = div_round128((__int128)(b - a) * 1000, a);
	return 1;
}

int figures_variance(int64_t actual, int64_t budget, int64_t *tenths)
{
	return figures_growth(budget, actual, tenths);
}

int figures_share(int64_t part, int64_t whole, int64_t *tenths)
{
	*tenths = 0;
	if (whole <= 0)
		return 0;
	*tenths = div_round128((__int128)part * 1000, whole);
	return 1;
}

int figures_average_tenths(int64_t sum, int64_t n, int64_t *tenths)
{
	*tenths = 0;
	if (n <= 0)
		return 0;
	*tenths = div_round128((__int128)sum * 10, n);
	return 1;
}

static char *pct(int valid, int64_t tenths, int sign, const char *dec, const char *suffix, char *buf, size_t n)
{
	if (!valid) {
		snprintf(buf, n, "%s", suffix[0] ? "—" : "");
		return buf;
	}
	int64_t a = tenths < 0 ? -tenths : tenths;
	const char *s = tenths < 0 ? "-" : (sign ? "+" : "");
	snprintf(buf, n, "%s%lld%s%lld%s", s, (long long)(a / 10), dec, (long long)(a % 10), suffix);
	return buf;
}

char *figures_pct_signed(int valid, int64_t tenths, char *buf, size_t n)
{
	return pct(valid, tenths, 1, ",", NBSP "%", buf, n);
}

char *figures_pct(int valid, int64_t tenths, char *buf, size_t n)
{
	return pct(valid, tenths, 0, ",", NBSP "%", buf, n);
}

char *figures_pct_plain(int valid, int64_t tenths, char *buf, size_t n)
{
	return pct(valid, tenths, 0, ".", "", buf, n);
}

char *figures_pct_whole_signed(int valid, int64_t tenths, char *buf, size_t n)
{
	if (!valid) {
		snprintf(buf, n, "—");
		return buf;
	}
	int64_t w = div_round128(tenths, 10);
	snprintf(buf, n, "%s%lld" NBSP "%%", w < 0 ? "-" : "+", (long long)(w < 0 ? -w : w));
	return buf;
}

char *figures_count_fr(int64_t v, char *buf, size_t n)
{
	return text_group(v, NBSP, buf, n);
}

char *figures_dollars_fr(int64_t cents, char *buf, size_t n)
{
	char num[48];
	figures_count_fr(money_div_round(cents, 100), num, sizeof num);
	snprintf(buf, n, "%s" NBSP "$", num);
	return buf;
}

const char *figures_dollars_or_dash(int ok, int64_t cents, char *buf, size_t n)
{
	if (!ok)
		snprintf(buf, n, "—");
	else
		figures_dollars_fr(cents, buf, n);
	return buf;
}

char *figures_hours_fr(int64_t minutes, char *buf, size_t n)
{
	char num[48];
	figures_count_fr(money_div_round(minutes, 60), num, sizeof num);
	snprintf(buf, n, "%s" NBSP "h", num);
	return buf;
}

char *figures_pct_signed_lang(enum text_lang l, int valid, int64_t tenths, char *buf, size_t n)
{
	if (l != TEXT_LANG_EN)
		return figures_pct_signed(valid, tenths, buf, n);
	return pct(valid, tenths, 1, ".", "%", buf, n);
}

char *figures_pct_lang(enum text_lang l, int valid, int64_t tenths, char *buf, size_t n)
{
	if (l != TEXT_LANG_EN)
		return figures_pct(valid, tenths, buf, n);
	return pct(valid, tenths, 0, ".", "%", buf, n);
}

char *figures_tenths_lang(enum text_lang l, int valid, int64_t tenths, char *buf, size_t n)
{
	if (!valid) {
		snprintf(buf, n, "—");
		return buf;
	}
	return pct(1, tenths, 0, l == TEXT_LANG_EN ? "." : ",", "", buf, n);
}

char *figures_pct_whole_signed_lang(enum text_lang l, int valid, int64_t tenths, char *buf, size_t n)
{
	if (l != TEXT_LANG_EN || !valid)
		return figures_pct_whole_signed(valid, tenths, buf, n);
	int64_t w = div_round128(tenths, 10);
	snprintf(buf, n, "%s%lld%%", w < 0 ? "-" : "+", (long long)(w < 0 ? -w : w));
	return buf;
}

char *figures_count_lang(enum text_lang l, int64_t v, char *buf, size_t n)
{
	return text_count(l, v, buf, n);
}

char *figures_dollars_lang(enum text_lang l, int64_t cents, char *buf, size_t n)
{
	if (l != TEXT_LANG_EN)
		return figures_dollars_fr(cents, buf, n);
	int64_t d = money_div_round(cents, 100);
	char num[48];
	/* the sign before the symbol: "-$1,234" */
	text_count(l, d < 0 ? -d : d, num, sizeof num);
	snprintf(buf, n, "%s$%s", d < 0 ? "-" : "", num);
	return buf;
}

const char *figures_dollars_or_dash_lang(enum text_lang l, int ok, int64_t cents, char *buf, size_t n)
{
	if (!ok)
		return figures_dollars_or_dash(ok, cents, buf, n);
	return figures_dollars_lang(l, cents, buf, n);
}

char *figures_hours_lang(enum text_lang l, int64_t minutes, char *buf, size_t n)
{
	if (l != TEXT_LANG_EN)
		return figures_hours_fr(minutes, buf, n);
	char num[48];
	text_count(l, money_div_round(minutes, 60), num, sizeof num);
	snprintf(buf, n, "%s h", num);
	return buf;
}

int64_t figures_weekdays(int32_t first, int32_t last)
{
	if (last < first)
		return 0;
	int64_t days = (int64_t)last - first + 1;
	int64_t weeks = days / 7, n = weeks * 5;
	/* the days left over after whole weeks, from first's weekday on */
	int wd = date_weekday(first);   /* 1 = Monday */
	for (int64_t k = 0; k < days % 7; k++) {
		int d = (int)((wd - 1 + k) % 7) + 1;
		n += d <= 5;
	}
	return n;
}

int64_t figures_capacity(int weekly_minutes, int64_t weekdays)
{
	if (weekly_minutes <= 0 || weekdays <= 0)
		return 0;
	return money_div_round((int64_t)weekly_minutes * weekdays, 5);
}

struct figures_ratio figures_ratio_growth(int64_t a, int64_t b)
{
	struct figures_ratio r;
	r.ok = figures_growth(a, b, &r.tenths);
	return r;
}

struct figures_ratio figures_ratio_variance(int64_t actual, int64_t budget)
{
	struct figures_ratio r;
	r.ok = figures_variance(actual, budget, &r.tenths);
	return r;
}

struct figures_ratio figures_ratio_share(int64_t part, int64_t whole)
{
	struct figures_ratio r;
	r.ok = figures_share(part, whole, &r.tenths);
	return r;
}

struct figures_ratio figures_ratio_average(int64_t sum, int64_t n)
{
	struct figures_ratio r;
	r.ok = figures_average_tenths(sum, n, &r.tenths);
	return r;
}

const struct figures_amount FIGURES_AMOUNT_NONE = { 0, 0 };

struct figures_amount figures_amount_of(int64_t cents)
{
	return (struct figures_amount){ 1, cents };
}

struct figures_amount figures_amount_diff(struct figures_amount a, struct figures_amount b)
{
	if (!a.ok || !b.ok)
		return FIGURES_AMOUNT_NONE;
	return figures_amount_of(a.cents - b.cents);
}

int64_t figures_tenths_whole(int64_t tenths)
{
	return div_round128(tenths, 10);
}

double figures_pct_number(int64_t tenths)
{
	return (double)tenths / 10.0;
}

int64_t figures_capacity_between(int weekly_minutes, const char *started_on, const char *left_on, date_t first,
	date_t last)
{
	date_t from = first, to = last, t;
	if (started_on && started_on[0] && date_parse(started_on, &t, NULL) == JUSTE_OK && t > from)
		from = t;
	if (left_on && left_on[0] && date_parse(left_on, &t, NULL) == JUSTE_OK && t < to)
		to = t;
	return figures_capacity(weekly_minutes, figures_weekdays(from, to));
}

struct figures_utilisation figures_utilisation_of(int64_t billable, int64_t internal, int64_t capacity)
{
	struct figures_utilisation u;
	u.logged = billable + internal;
	u.utilisation = figures_ratio_share(billable, capacity);
	u.billable_share = figures_ratio_share(billable, u.logged);
	return u;
}

int64_t figures_bar_eighths(int64_t value, int64_t max, int cells)
{
	if (max <= 0 || value <= 0 || cells <= 0)
		return 0;
	return (int64_t)((__int128)value * cells * 8 / max);
}

juste_status figures_ristourne(const int64_t *weights, size_t n, int64_t amount_cents, int64_t *shares,
	struct juste_err *e)
{
	if (amount_cents < 0)
		return err_set(e, JUSTE_EINVAL, N_("montant de la ristourne négatif"));
	__int128 total = 0;
	for (size_t i = 0; i < n; i++)
		if (weights[i] > 0)
			total += weights[i];
	if (total <= 0)
		return err_set(e, JUSTE_EINVAL, N_("aucun membre admissible : aucune affaire nette positive"));
	int64_t given = 0;
	for (size_t i = 0; i < n; i++) {
		shares[i] = 0;
		if (weights[i] <= 0)
			continue;
		__int128 p = (__int128)amount_cents * weights[i];
		shares[i] = (int64_t)(p / total);
		given += shares[i];
	}
	int64_t left = amount_cents - given;   /* < number of positive weights */
	/* Hand out the cents one by one: a simple selection of the largest
	 * remainder each time (n is the number of members, small); each
	 * member gets at most one. */
	char *done = calloc(n ? n : 1, 1);
	if (!done)
		return err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	while (left > 0) {
		size_t best = n;
		__int128 best_r = -1;
		for (size_t i = 0; i < n; i++) {
			if (weights[i] <= 0 || done[i])
				continue;
			__int128 r = ((__int128)amount_cents * weights[i]) % total;
			if (best == n || r > best_r || (r == best_r && weights[i] > weights[best])) {
				best = i;
				best_r = r;
			}
		}
		if (best == n)
			break;   /* cannot happen: left < positive weights */
		shares[best]++;
		done[best] = 1;
		left--;
	}
	free(done);
	return JUSTE_OK;
}
