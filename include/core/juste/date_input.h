/*
 * date_input.h - the dates a person types: what every date option of the
 * command line and the "go to a date" prompt of the week screen accept.
 * Pure: today's date is passed in, so the same words give the same day in
 * tests (JUSTE_TODAY) and in real use.
 *
 * Accepted (case-insensitive, surrounding spaces ignored):
 *   2020-03-16                 ISO 8601, as date_parse
 *   aujourd'hui, today         today (the apostrophe may be ' or ’)
 *   hier, yesterday            today - 1
 *   lundi … dimanche,          the last such day strictly before today:
 *   monday … sunday            on a Monday, "lundi" is a week ago
 *   -N                         N days ago (-0 is today), N up to 36600
 */
#ifndef JUSTE_DATE_INPUT_H
#define JUSTE_DATE_INPUT_H

#include "juste/date.h"
#include "juste/err.h"

/* Fills *t, or returns JUSTE_EINVAL naming s and the forms accepted
 * (*t unchanged). */
juste_status date_input_parse(const char *s, date_t today, date_t *t, struct juste_err *e);

#endif
