/*
 * reminders.c - reminder levels (reminders.h).
 */
#include "juste/reminders.h"

#ifndef N_
#define N_(s) (s)
#endif

int reminders_level_of(const int days[REMINDER_LEVEL_COUNT], int days_late)
{
	int level = -1;
	for (int i = 0; i < REMINDER_LEVEL_COUNT; i++)
		if (days_late >= days[i])
			level = i;
	return level;
}

#define REMINDER_WORD(e, w, l, def, doc) [e] = w,
#define REMINDER_LABEL(e, w, l, def, doc) [e] = l,
static const char *const words[] = { REMINDER_LEVEL_INFO(REMINDER_WORD) };
static const char *const labels[] = { REMINDER_LEVEL_INFO(REMINDER_LABEL) };

juste_status reminders_check_days(const int days[REMINDER_LEVEL_COUNT], struct juste_err *e)
{
	for (int i = 1; i < REMINDER_LEVEL_COUNT; i++)
		if (days[i] <= days[i - 1])
			return err_set(e, JUSTE_EINVAL,
				N_("reminders.%s_days (%d) doit dépasser reminders.%s_days (%d) : juste settings set"),
				words[i], days[i], words[i - 1], days[i - 1]);
	return JUSTE_OK;
}

const char *reminders_level_word(enum reminder_level l)
{
	return (unsigned)l < REMINDER_LEVEL_COUNT ? words[l] : "";
}

const char *reminders_level_label(enum reminder_level l)
{
	return (unsigned)l < REMINDER_LEVEL_COUNT ? labels[l] : "";
}
