/*
 * week.h - the expert's week, as both front ends show it: the grid model
 * (rows = mandates logged that week plus the pinned ones, columns Monday to
 * Sunday), what typing a duration in a cell means, the timer, the mandate
 * picker's list, and the manager's closing of months.
 *
 * The model is a snapshot read from the database in O(week); every change
 * goes to the database at once (one transaction each) and the caller
 * reloads.  Nothing is kept only in memory.
 *
 * Cell semantics (week_set_cell), applied to the cell as the database
 * holds it when the write happens (never to the snapshot, which may be
 * stale):
 *   - empty cell, duration d   -> a new entry of d with an empty note;
 *   - one entry, duration d    -> that entry's minutes become d;
 *   - one entry, 0 or empty    -> the entry is deleted (the TUI asks first);
 *   - several entries          -> refused: the caller lists them (Enter).
 * A locked entry or a date in a closed month is refused with the reason.
 *
 * The timer: one per expert, in the database, so it survives quitting and
 * shows in every terminal.  On stop its time is rounded up to the minute
 * (at least 1) and logged on the day it was started, even when it ran past
 * midnight; a timer that ran longer than 24 h is refused (cancel it).
 */
#ifndef JUSTE_WEEK_H
#define JUSTE_WEEK_H

#include <stdint.h>
#include "juste/app.h"
#include "juste/calendar.h"
#include "juste/hours.h"

#define WEEK_DAYS 7
#define WEEK_WHY_LEN 160

struct week_entry {
	int64_t id;
	int row, day;
	int minutes;
	int locked;
	char why[WEEK_WHY_LEN];       /* when locked */
	char note[NOTE_LEN];
};

struct week_cell {
	int minutes;
	int nentries;
	int first;                    /* index in week.entries, -1 when none */
	int locked;                   /* some entry here is locked, or the day is */
};

struct week_row {
	struct week_mandate m;
	struct week_cell cell[WEEK_DAYS];
	int total;
};

struct week {
	char login[LOGIN_LEN];
	char name[NAME_LEN];
	int64_t expert_id;
	int capacity;                 /* weekly minutes of the expert */
	/* the week's capacity after holidays, closures and absences, its
	 * parts given apart: over the whole week (workdays_capacity_whole),
	 * and up to today as utilisation counts it (workdays_capacity) */
	struct capacity cap, cap_to_date;
	date_t monday;
	char day[WEEK_DAYS][ISO_LEN];
	int day_locked[WEEK_DAYS];    /* the day lies in a closed month */
	char day_why[WEEK_DAYS][WEEK_WHY_LEN];
	struct week_row *rows;
	int nrows;
	struct week_entry *entries;
	int nentries;
	int day_total[WEEK_DAYS];
	int total;
	/* the week's approval: why it is locked (every day then is), or the
	 * reason it was returned; "" when neither */
	char approval[WEEK_WHY_LEN];
	char returned[1024 + WEEK_WHY_LEN];
	/* the calendar: a holiday's or closure's name ("" on a working day),
	 * the expert's absence in half days (0 none, 1 half a day, 2 the day:
	 * two half-day absences make a day) and its kind;
	 * logging on such a day stays allowed */
	char day_off[WEEK_DAYS][NAME_LEN];
	int day_absent[WEEK_DAYS];
	enum absence_kind day_absence[WEEK_DAYS];
};

/* Loads the week holding `day` for expert `login` (the user themselves, or
 * anyone for an office role).  w is zeroed first; free with week_free. */
juste_status week_load(struct app *a, const char *login, date_t day, struct week *w, struct juste_err *e);
void week_free(struct week *w);            /* leaves an empty week; NULL ok */

/* Index of the row for mandate code, -1 when absent. */
int week_find_row(const struct week *w, const char *code);

/* Parses what was typed in a cell: "" or "0" -> 0 (remove), else a
 * duration (1h30, 1,5, 90m, ...). */
juste_status week_parse_cell(const char *s, int *minutes, struct juste_err *e);

/* Applies minutes (from week_parse_cell) to cell (row, day) per the rules
 * above.  *what says what happened: 'a' added, 'e' edited, 'd' deleted,
 * 0 nothing.  The caller reloads w afterwards. */
juste_status week_set_cell(struct app *a, const struct week *w, int row, int day, int minutes,
	int *what, struct juste_err *e);

/* Why cell (row, day) may not change, or JUSTE_OK: a locked entry or day
 * gives JUSTE_ECONFLICT with the reason. */
juste_status week_cell_writable(const struct week *w, int row, int day, struct juste_err *e);

/* Minutes of one entry of the week (0 deletes it), checked against locks. */
juste_status week_set_entry(struct app *a, const struct week *w, int64_t entry_id, int minutes, struct juste_err *e);
/* The note of one entry of the week, checked against locks. */
juste_status week_set_note(struct app *a, const struct week *w, int64_t entry_id, const char *note, struct juste_err *e);
juste_status week_delete_entry(struct app *a, const struct week *w, int64_t entry_id, struct juste_err *e);

/* Adds a row: pins the mandate for this week only (adding it through the
 * picker), or toggles its pin on every week. */
juste_status week_add_row(struct app *a, const struct week *w, const char *code, struct juste_err *e);
juste_status week_toggle_pin(struct app *a, const struct week *w, int row, int *pinned_now, struct juste_err *e);
/* Removes row from the screen: its pin (every week, or this week's) goes;
 * refused when the row has hours this week in the database. */
juste_status week_drop_row(struct app *a, const struct week *w, int row, struct juste_err *e);

/* One's own hours of the month and of the fiscal year holding `day`
 * (billable, internal, capacity up to today): Ma semaine's `m`. */
struct week_totals {
	char month[8];                /* "2020-03" */
	char fy[16];                  /* "2019-2020" */
	struct hours_period m, y;
};
juste_status week_totals(struct app *a, const struct week *w, date_t day, struct week_totals *out,
	struct juste_err *e);

/* Pins on this week the mandates of the previous week (rows, not hours);
 * *added = how many rows were new. */
juste_status week_copy_previous(struct app *a, const struct week *w, int *added, struct juste_err *e);

/* Mandates the user may log on during the week of w (open then, and
 * without a team or with the user on it), recently used first (last 120
 * days), then by code.  *out is malloc'd; free() it. */
juste_status week_pickable(struct app *a, const struct week *w, struct week_mandate **out, int *n,
	struct juste_err *e);

/* --- timer ------------------------------------------------------------- */
struct week_timer {
	int running;
	char mandate[CODE_LEN];
	char title[NAME_LEN];
	char work_date[ISO_LEN];
	int64_t started_at;
	long elapsed;                 /* seconds */
	char note[NOTE_LEN];          /* given at start; the entry's unless stop gives one */
};
juste_status week_timer_status(struct app *a, struct week_timer *t, struct juste_err *e);
/* note: the entry's note when it stops (NULL or "" for none). */
juste_status week_timer_start(struct app *a, const char *mandate, const char *note, struct week_timer *t,
	struct juste_err *e);
/* Stops and logs the entry (filled in *x) in one transaction; the timer
 * stays when the entry is refused.  note replaces the one given at start
 * (NULL keeps it). */
juste_status week_timer_stop(struct app *a, const char *note, struct entry *x, struct juste_err *e);
/* Stops the running timer (logging it with note, NULL keeps its own) and
 * starts one on mandate with new_note, in one transaction: both or
 * neither. */
juste_status week_timer_switch(struct app *a, const char *mandate, const char *note, const char *new_note,
	struct entry *x, struct week_timer *t, struct juste_err *e);
juste_status week_timer_cancel(struct app *a, struct juste_err *e);
/* "1:05:09" */
char *week_elapsed_format(long seconds, char *buf, size_t n);

/* --- months (gestionnaire, admin) --------------------------------------- */
juste_status week_month_close(struct app *a, const char *month, struct juste_err *e);
juste_status week_month_reopen(struct app *a, const char *month, struct juste_err *e);
typedef int (*week_month_cb)(void *ctx, const struct closed_month *m);
juste_status week_month_list(struct app *a, week_month_cb cb, void *ctx, struct juste_err *e);

#endif
