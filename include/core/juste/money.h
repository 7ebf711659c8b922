/*
 * money.h - amounts in integer cents, French and machine formats, tax and
 * line arithmetic.  Pure: no I/O, no locale.  Rounding follows DOMAIN.md:
 * half up at the cent, and half away from zero for negative amounts.
 */
#ifndef JUSTE_MONEY_H
#define JUSTE_MONEY_H

#include <stddef.h>
#include <stdint.h>
#include "juste/err.h"
#include "juste/text.h"

/* Big enough for any int64 amount in any format, with NBSPs and sign. */
#define MONEY_BUF 48

/* Accepts "1234.56", "1234,56", "1 234,56 $", "1 234.5", "-12,50 $", "1234":
 * spaces, U+00A0 and U+202F as thousands separators, an optional trailing or
 * leading "$", at most two decimals.  Refuses anything else. */
juste_status money_parse(const char *s, int64_t *cents, struct juste_err *e);

/* "4 475 852,00 $" with U+00A0 between groups and before "$"; "-12,50 $". */
char *money_format_fr(int64_t cents, char *buf, size_t n);

/* In the user's language (text.h): money_format_fr in French; in English
 * "$4,475,852.00", "-$12.50" (the sign before the symbol, as English
 * Canada writes it). */
char *money_format_lang(enum text_lang l, int64_t cents, char *buf, size_t n);

/* "4475852.00", "-12.50": for CSV and JSON. */
char *money_format_plain(int64_t cents, char *buf, size_t n);

/* num / den rounded half away from zero; den > 0. */
int64_t money_div_round(int64_t num, int64_t den);

/* A line's amount: minutes x hourly rate / 60, half up at the cent
 * (half away from zero when negative).  7 min at 9500 cents = 1108. */
int64_t money_line_amount(int64_t minutes, int64_t rate_cents);

/* Tax rates are integers in thousandths of a percent: 5 % = 5000,
 * 9,975 % = 9975, so that rates are exact and copied onto invoices as is. */
#define TAX_RATE_SCALE 100000

/* Tax on a subtotal: subtotal x rate / 100000, half away from zero. */
int64_t money_tax(int64_t subtotal_cents, int32_t rate);

/* "9.975", "9,975", "5", "5 %" -> 9975, 5000; 0 <= rate <= 100 %. */
juste_status money_rate_parse(const char *s, int32_t *rate, struct juste_err *e);

/* "9,975 %", "5 %" (U+00A0 before %): the form an invoice must show. */
char *money_rate_format_fr(int32_t rate, char *buf, size_t n);
/* money_rate_format_fr in French; "9.975%", "5%" in English. */
char *money_rate_format_lang(enum text_lang l, int32_t rate, char *buf, size_t n);

#endif
