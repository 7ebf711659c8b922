/*
 * reminders.h - the reminder level of an overdue invoice.  Pure.
 *
 * An invoice open on a day is at the highest level whose days past due it
 * has reached (reminders.*_days, REMINDER_LEVEL_INFO in vocab.h); before
 * the first, it is at none.  The levels' days must go up strictly.
 */
#ifndef JUSTE_REMINDERS_H
#define JUSTE_REMINDERS_H

#include "juste/err.h"
#include "juste/vocab.h"

/* -1: no reminder yet; otherwise the level. */
int reminders_level_of(const int days[REMINDER_LEVEL_COUNT], int days_late);
/* Refuses levels whose days do not go up strictly, naming the settings. */
juste_status reminders_check_days(const int days[REMINDER_LEVEL_COUNT], struct juste_err *e);
const char *reminders_level_word(enum reminder_level l);    /* for CSV and JSON */
const char *reminders_level_label(enum reminder_level l);   /* msgid */

#endif
