/*
 * calendar.h - working time (DOMAIN.md, "Working time and capacity"):
 * Québec's statutory holidays of any year, the centre's closures, and the
 * one computation of an expert's capacity over a period.
 *
 * Pure: the store reads the closures and absences, the app puts them
 * together with the policy (Good Friday or Easter Monday) and the expert.
 */
#ifndef JUSTE_CALENDAR_H
#define JUSTE_CALENDAR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "juste/date.h"
#include "juste/model.h"
#include "juste/vocab.h"

/* A year has this many statutory holidays. */
#define CALENDAR_STATUTORY 8

struct holiday {
	date_t day;
	const char *name;          /* N_() msgid: "Fête nationale du Québec" */
};

/* Easter Sunday of year y (Gregorian computus), 1583 <= y. */
date_t calendar_easter(int y);

/* The statutory holidays of year y in date order: 1 January, Good Friday
 * (or Easter Monday when easter_monday), the Monday before 25 May, 24 June
 * (25 when the 24th is a Sunday), 1 July (2 when the 1st is a Sunday),
 * the first Monday of September, the second Monday of October, 25
 * December.  Any other one falling on a week-end stays there.  Returns
 * CALENDAR_STATUTORY. */
size_t calendar_statutory(int y, bool easter_monday, struct holiday out[CALENDAR_STATUTORY]);

/* A range of days off, both ends included. */
struct calendar_range {
	date_t first, last;
	bool half;                 /* absences: half of each working day */
};

/* What makes a weekday not a working day for the centre. */
struct calendar {
	bool easter_monday;
	const struct calendar_range *closures;   /* the centre's, any order */
	size_t nclosures;
};

/* The statutory holiday or closure on day d, or NULL ("" for a closure:
 * the caller knows its name). */
const char *calendar_holiday(const struct calendar *c, date_t d);

/* An expert's capacity over [from, to]: weekly_minutes ÷ 5 for each day
 * Monday to Friday that they were employed (started .. left, both
 * included; DATE_NONE when not set), that is not a holiday or closure and
 * that they were not absent; a half-day absence counts for half.  A
 * period still running counts up to today.  The parts are given apart so
 * that the figure can be checked: gross is the capacity of every weekday
 * employed, holidays and absences what they take from it (each rounded
 * to the minute, half away from zero, like the capacity itself). */
#define DATE_NONE INT32_MIN
struct capacity_query {
	int weekly_minutes;
	date_t from, to;
	date_t started, left;      /* DATE_NONE: open */
	date_t today;
	const struct calendar_range *absences;
	size_t nabsences;
};

struct capacity {
	int64_t minutes;           /* the capacity */
	int64_t gross;             /* weekdays employed, before holidays and absences */
	int64_t holidays;          /* holidays and closures on those weekdays */
	int64_t absences;          /* absences on the remaining working days */
	int64_t weekdays, holiday_days, working_days;
	int64_t absent_halves;     /* half days absent on working days */
	date_t first, last;        /* the days counted; last < first when none */
};

void calendar_capacity(const struct calendar *c, const struct capacity_query *q, struct capacity *out);

/* --- the records the store keeps ----------------------------------------- */

/* A closure of the centre: days off for everyone beyond the statutory. */
struct closure_rec {
	int64_t id;
	char first[ISO_LEN], last[ISO_LEN];
	char name[NAME_LEN];
};

/* An expert's absence. */
struct absence_rec {
	int64_t id;
	int64_t expert_id;
	char login[LOGIN_LEN];
	char name[NAME_LEN];
	char first[ISO_LEN], last[ISO_LEN];
	enum absence_kind kind;
	int half;
};

/* An expert's week in its approval: status is meaningful when `exists`
 * (a week never submitted has no row: it is missing). */
struct week_approval {
	int64_t expert_id;
	char login[LOGIN_LEN];
	char name[NAME_LEN];
	char monday[ISO_LEN];
	int exists;
	enum week_status status;
	char submitted_at[24];
	char decided_by[LOGIN_LEN];
	char decided_at[24];
	char reason[1024];
	int64_t minutes;           /* logged that week */
};

/* A member of a mandate's team. */
struct team_member {
	char mandate[CODE_LEN];
	char login[LOGIN_LEN];
	char name[NAME_LEN];
	int manager;
};

#endif
