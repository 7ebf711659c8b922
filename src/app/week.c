/*
 * week.c - the expert's week: one model for the CLI grid and the TUI
 * screen, cell semantics, pins, the timer and closed months.  Every write
 * goes through timelog (role, rules, locks, 24 h) or one store call, each
 * its own transaction.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/app_internal.h"
#include "juste/approval.h"
#include "juste/workdays.h"
#include "juste/duration.h"
#include "juste/hours.h"
#include "juste/i18n.h"
#include "juste/store_calendar.h"
#include "juste/store_months.h"
#include "juste/store_timers.h"
#include "juste/store_week.h"
#include "juste/timelog.h"
#include "juste/week.h"

#define RECENT_DAYS 120

void week_free(struct week *w)
{
	if (!w)
		return;
	free(w->rows);
	free(w->entries);
	w->rows = NULL;
	w->entries = NULL;
	w->nrows = w->nentries = 0;
}

struct load_ctx {
	struct week *w;
	int cap;
	juste_status st;
};

static int add_row(void *p, const struct week_mandate *m)
{
	struct load_ctx *l = p;
	struct week *w = l->w;
	if (w->nrows == l->cap) {
		int cap = l->cap ? l->cap * 2 : 16;
		struct week_row *r = realloc(w->rows, (size_t)cap * sizeof *r);
		if (!r) {
			l->st = JUSTE_ENOMEM;
			return 1;
		}
		w->rows = r;
		l->cap = cap;
	}
	struct week_row *r = &w->rows[w->nrows++];
	memset(r, 0, sizeof *r);
	r->m = *m;
	for (int d = 0; d < WEEK_DAYS; d++)
		r->cell[d].first = -1;
	return 0;
}

static int add_entry(void *p, const struct entry *x)
{
	struct load_ctx *l = p;
	struct week *w = l->w;
	int row = -1;
	for (int i = 0; i < w->nrows; i++)
		if (w->rows[i].m.id == x->mandate_id) {
			row = i;
			break;
		}
	date_t d;
	if (row < 0 || date_parse(x->work_date, &d, NULL) != JUSTE_OK)
		return 0;
	int day = (int)(d - w->monday);
	if (day < 0 || day >= WEEK_DAYS)
		return 0;
	if (w->nentries == l->cap) {
		int cap = l->cap ? l->cap * 2 : 32;
		struct week_entry *n = realloc(w->entries, (size_t)cap * sizeof *n);
		if (!n) {
			l->st = JUSTE_ENOMEM;
			return 1;
		}
		w->entries = n;
		l->cap = cap;
	}
	struct week_entry *en = &w->entries[w->nentries];
	memset(en, 0, sizeof *en);
	en->id = x->id;
	en->row = row;
	en->day = day;
	en->minutes = x->minutes;
	snprintf(en->note, sizeof en->note, "%s", x->note);
	struct week_cell *c = &w->rows[row].cell[day];
	if (c->first < 0)
		c->first = w->nentries;
	c->nentries++;
	c->minutes += x->minutes;
	w->rows[row].total += x->minutes;
	w->day_total[day] += x->minutes;
	w->total += x->minutes;
	w->nentries++;
	return 0;
}

static int on_holiday(void *ctx, const struct holiday_row *h)
{
	struct week *w = ctx;
	for (int d = 0; d < WEEK_DAYS; d++)
		if (strcmp(w->day[d], h->first) >= 0 && strcmp(w->day[d], h->last) <= 0 && !w->day_off[d][0])
			snprintf(w->day_off[d], sizeof w->day_off[d], "%s", h->name);
	return 0;
}

static int on_absence(void *ctx, const struct absence_rec *r)
{
	struct week *w = ctx;
	for (int d = 0; d < WEEK_DAYS; d++)
		if (strcmp(w->day[d], r->first) >= 0 && strcmp(w->day[d], r->last) <= 0) {
			/* as calendar_capacity counts them: halves add up to a day */
			int level = w->day_absent[d] + (r->half ? 1 : 2);
			if (!w->day_absent[d] || !r->half)
				w->day_absence[d] = r->kind;
			w->day_absent[d] = level > 2 ? 2 : level;
		}
	return 0;
}

/* Holidays and closures of the week's one or two years, and the expert's
 * absences in it (an office role who may not read them sees none). */
static juste_status week_calendar(struct app *a, struct week *w, struct juste_err *e)
{
	int y0, y1, m, d;
	date_to_ymd(w->monday, &y0, &m, &d);
	date_to_ymd(w->monday + WEEK_DAYS - 1, &y1, &m, &d);
	juste_status st = workdays_holidays(a, y0, on_holiday, w, e);
	if (!st && y1 != y0)
		st = workdays_holidays(a, y1, on_holiday, w, e);
	if (st)
		return st;
	struct juste_err scratch = { 0 };
	st = workdays_absence_list(a, w->login, w->day[0], w->day[WEEK_DAYS - 1], on_absence, w, &scratch);
	if (st && st != JUSTE_EDENIED)
		return err_set(e, st, "%s", scratch.msg);
	return JUSTE_OK;
}

juste_status week_load(struct app *a, const char *login, date_t day, struct week *w, struct juste_err *e)
{
	memset(w, 0, sizeof *w);
	if (!login || !*login)
		login = a->user.login;
	if (!app_may_see_expert(a, login))
		return err_set(e, JUSTE_EDENIED, N_("permission refusée : les heures de %s ne sont pas les vôtres"), login);
	struct expert x;
	juste_status st = store_expert_get(a->store, login, &x, e);
	if (st)
		return st;
	snprintf(w->login, sizeof w->login, "%s", x.login);
	snprintf(w->name, sizeof w->name, "%s", x.name);
	w->expert_id = x.id;
	w->capacity = x.weekly_minutes;
	w->monday = date_monday(day);
	for (int d = 0; d < WEEK_DAYS; d++) {
		date_format(w->monday + d, w->day[d]);
		st = store_entry_locked(a->store, 0, w->day[d], w->day_why[d], sizeof w->day_why[d], &w->day_locked[d], e);
		if (st)
			return st;
	}
	if ((st = week_calendar(a, w, e)))
		return st;
	if ((st = workdays_capacity_whole(a, x.login, w->monday, w->monday + WEEK_DAYS - 1, &w->cap, e))
		|| (st = workdays_capacity(a, x.login, w->monday, w->monday + WEEK_DAYS - 1, &w->cap_to_date, e)))
		return st;
	struct week_approval ap;
	if ((st = store_week_approval_get(a->store, x.id, w->day[0], &ap, e)))
		return st;
	approval_describe(&ap, w->approval, sizeof w->approval, w->returned, sizeof w->returned);
	for (int d = 0; d < WEEK_DAYS && w->approval[0]; d++)
		if (!w->day_locked[d]) {
			w->day_locked[d] = 1;
			snprintf(w->day_why[d], sizeof w->day_why[d], "%s", w->approval);
		}
	struct load_ctx l = { .w = w };
	st = store_week_rows(a->store, w->expert_id, w->day[0], w->day[6], add_row, &l, e);
	if (!st && l.st)
		st = err_set(e, l.st, N_("mémoire insuffisante"));
	l.cap = 0;
	if (!st)
		st = store_week_entries(a->store, w->expert_id, w->day[0], w->day[6], add_entry, &l, e);
	if (!st && l.st)
		st = err_set(e, l.st, N_("mémoire insuffisante"));
	/* Locks are asked entry by entry, after the walk, so that a later
	 * reason (an issued invoice) needs no change here. */
	for (int i = 0; !st && i < w->nentries; i++) {
		struct week_entry *en = &w->entries[i];
		st = store_entry_locked(a->store, en->id, NULL, en->why, sizeof en->why, &en->locked, e);
		if (!st && en->locked)
			w->rows[en->row].cell[en->day].locked = 1;
	}
	for (int r = 0; r < w->nrows; r++)
		for (int d = 0; d < WEEK_DAYS; d++)
			if (w->day_locked[d])
				w->rows[r].cell[d].locked = 1;
	if (st)
		week_free(w);
	return st;
}

int week_find_row(const struct week *w, const char *code)
{
	for (int i = 0; i < w->nrows; i++)
		if (strcmp(w->rows[i].m.code, code) == 0)
			return i;
	return -1;
}

juste_status week_parse_cell(const char *s, int *minutes, struct juste_err *e)
{
	while (isspace((unsigned char)*s))
		s++;
	size_t n = strlen(s);
	while (n && isspace((unsigned char)s[n - 1]))
		n--;
	if (n == 0 || (n == 1 && s[0] == '0')) {
		*minutes = 0;
		return JUSTE_OK;
	}
	char buf[DURATION_BUF];
	if (n >= sizeof buf)
		return err_set(e, JUSTE_EINVAL, N_("durée invalide : '%s'"), s);
	memcpy(buf, s, n);
	buf[n] = '\0';
	return duration_parse(buf, minutes, e);
}

static const struct week_entry *find_entry(const struct week *w, int64_t id)
{
	for (int i = 0; i < w->nentries; i++)
		if (w->entries[i].id == id)
			return &w->entries[i];
	return NULL;
}

juste_status week_cell_writable(const struct week *w, int row, int day, struct juste_err *e)
{
	if (row < 0 || row >= w->nrows || day < 0 || day >= WEEK_DAYS)
		return err_set(e, JUSTE_EINVAL, N_("aucune ligne ici : ajoutez un mandat avec n"));
	if (w->day_locked[day])
		return err_set(e, JUSTE_ECONFLICT, N_("verrouillé : %s"), w->day_why[day]);
	for (int i = 0; i < w->nentries; i++) {
		const struct week_entry *en = &w->entries[i];
		if (en->row == row && en->day == day && en->locked)
			return err_set(e, JUSTE_ECONFLICT, N_("verrouillé : %s"), en->why);
	}
	return JUSTE_OK;
}

struct cell_write {
	const struct week *w;
	int row, day, minutes;
	int what;
};

/* The cell as the database holds it now, not as the snapshot showed it:
 * an entry logged meanwhile from another terminal is edited, never doubled. */
static juste_status do_set_cell(struct app *a, void *arg, struct juste_err *e)
{
	struct cell_write *c = arg;
	const struct week *w = c->w;
	const struct week_row *r = &w->rows[c->row];
	int64_t ids[2];
	int n = 0;
	juste_status st = store_week_cell(a->store, w->expert_id, r->m.id, w->day[c->day], ids, 2, &n, e);
	if (st)
		return st;
	if (n > 1)
		return err_set(e, JUSTE_ECONFLICT, N_("%d saisies ce jour-là : Entrée pour les modifier une à une"), n);
	if (c->minutes == 0) {
		if (n == 0)
			return JUSTE_OK;
		st = timelog_remove(a, ids[0], e);
		if (!st)
			c->what = 'd';
		return st;
	}
	struct entry x;
	if (n == 0) {
		memset(&x, 0, sizeof x);
		snprintf(x.expert, sizeof x.expert, "%s", w->login);
		snprintf(x.mandate, sizeof x.mandate, "%s", r->m.code);
		snprintf(x.work_date, sizeof x.work_date, "%s", w->day[c->day]);
		x.minutes = c->minutes;
		st = timelog_add(a, &x, e);
		if (!st)
			c->what = 'a';
		return st;
	}
	st = store_entry_get(a->store, ids[0], &x, e);
	if (st)
		return st;
	if (x.minutes == c->minutes)
		return JUSTE_OK;
	x.minutes = c->minutes;
	st = timelog_edit(a, &x, e);
	if (!st)
		c->what = 'e';
	return st;
}

juste_status week_set_cell(struct app *a, const struct week *w, int row, int day, int minutes,
	int *what, struct juste_err *e)
{
	*what = 0;
	if (row < 0 || row >= w->nrows || day < 0 || day >= WEEK_DAYS)
		return err_set(e, JUSTE_EINVAL, N_("aucune ligne ici : ajoutez un mandat avec n"));
	if (w->day_locked[day])
		return err_set(e, JUSTE_ECONFLICT, N_("verrouillé : %s"), w->day_why[day]);
	struct cell_write c = { .w = w, .row = row, .day = day, .minutes = minutes };
	juste_status st = app_in_tx(a, do_set_cell, &c, e);
	if (!st)
		*what = c.what;
	return st;
}

juste_status week_set_entry(struct app *a, const struct week *w, int64_t entry_id, int minutes, struct juste_err *e)
{
	const struct week_entry *en = find_entry(w, entry_id);
	if (!en)
		return err_set(e, JUSTE_ENOTFOUND, N_("saisie inconnue : #%lld"), (long long)entry_id);
	if (en->locked)
		return err_set(e, JUSTE_ECONFLICT, N_("verrouillé : %s"), en->why);
	if (minutes == 0)
		return timelog_remove(a, entry_id, e);
	struct entry x;
	juste_status st = store_entry_get(a->store, entry_id, &x, e);
	if (st)
		return st;
	x.minutes = minutes;
	return timelog_edit(a, &x, e);
}

juste_status week_set_note(struct app *a, const struct week *w, int64_t entry_id, const char *note, struct juste_err *e)
{
	const struct week_entry *en = find_entry(w, entry_id);
	if (!en)
		return err_set(e, JUSTE_ENOTFOUND, N_("saisie inconnue : #%lld"), (long long)entry_id);
	if (en->locked)
		return err_set(e, JUSTE_ECONFLICT, N_("verrouillé : %s"), en->why);
	struct entry x;
	if (strlen(note) >= sizeof x.note)
		return err_set(e, JUSTE_EINVAL, N_("note trop longue (%zu octets au plus)"), sizeof x.note - 1);
	juste_status st = store_entry_get(a->store, entry_id, &x, e);
	if (st)
		return st;
	snprintf(x.note, sizeof x.note, "%s", note);
	return timelog_edit(a, &x, e);
}

juste_status week_delete_entry(struct app *a, const struct week *w, int64_t entry_id, struct juste_err *e)
{
	const struct week_entry *en = find_entry(w, entry_id);
	if (!en)
		return err_set(e, JUSTE_ENOTFOUND, N_("saisie inconnue : #%lld"), (long long)entry_id);
	if (en->locked)
		return err_set(e, JUSTE_ECONFLICT, N_("verrouillé : %s"), en->why);
	return timelog_remove(a, entry_id, e);
}

/* Pins change only the owner's own screen. */
static juste_status may_pin(struct app *a, const struct week *w, struct juste_err *e)
{
	if (strcmp(a->user.login, w->login) == 0)
		return JUSTE_OK;
	return err_set(e, JUSTE_EDENIED, N_("permission refusée : la semaine de %s n'est pas la vôtre"), w->login);
}

static juste_status mandate_open_in_week(const struct week *w, const struct mandate *m, struct juste_err *e)
{
	if (strcmp(m->opened_on, w->day[6]) > 0 || (m->closed_on[0] && strcmp(m->closed_on, w->day[0]) < 0))
		return err_set(e, JUSTE_EINVAL, N_("le mandat %s n'est pas ouvert cette semaine (%s au %s)"),
			m->code, m->opened_on, m->closed_on[0] ? m->closed_on : "…");
	return JUSTE_OK;
}

juste_status week_add_row(struct app *a, const struct week *w, const char *code, struct juste_err *e)
{
	juste_status st = may_pin(a, w, e);
	if (st)
		return st;
	if (week_find_row(w, code) >= 0)
		return JUSTE_OK;
	struct mandate m;
	st = store_mandate_get(a->store, code, &m, e);
	if (!st)
		st = mandate_open_in_week(w, &m, e);
	return st ? st : store_week_pin_add(a->store, w->expert_id, m.id, w->day[0], e);
}

juste_status week_toggle_pin(struct app *a, const struct week *w, int row, int *pinned_now, struct juste_err *e)
{
	juste_status st = may_pin(a, w, e);
	if (st)
		return st;
	if (row < 0 || row >= w->nrows)
		return err_set(e, JUSTE_EINVAL, N_("aucune ligne ici : ajoutez un mandat avec n"));
	const struct week_mandate *m = &w->rows[row].m;
	if (m->pinned == 2) {
		*pinned_now = 0;
		return store_week_pin_remove(a->store, w->expert_id, m->id, NULL, e);
	}
	*pinned_now = 1;
	return store_week_pin_add(a->store, w->expert_id, m->id, "", e);
}

juste_status week_drop_row(struct app *a, const struct week *w, int row, struct juste_err *e)
{
	juste_status st = may_pin(a, w, e);
	if (st)
		return st;
	if (row < 0 || row >= w->nrows)
		return err_set(e, JUSTE_EINVAL, N_("aucune ligne ici : ajoutez un mandat avec n"));
	const struct week_mandate *m = &w->rows[row].m;
	/* hours are never dropped with a row: asked of the database, not of
	 * the snapshot, so an entry logged meanwhile keeps the row */
	for (int d = 0; d < WEEK_DAYS; d++) {
		int64_t id;
		int n = 0;
		if ((st = store_week_cell(a->store, w->expert_id, m->id, w->day[d], &id, 1, &n, e)))
			return st;
		if (n)
			return err_set(e, JUSTE_ECONFLICT, N_("la ligne %s a des heures cette semaine (%s) : supprimez-les d'abord"),
				m->code, w->day[d]);
	}
	if (m->pinned == 0)
		return JUSTE_OK;
	/* pinned for every week: the pin goes (the mandate comes back with n);
	 * pinned for this week only: that pin */
	return store_week_pin_remove(a->store, w->expert_id, m->id, m->pinned == 2 ? NULL : w->day[0], e);
}

juste_status week_totals(struct app *a, const struct week *w, date_t day, struct week_totals *out,
	struct juste_err *e)
{
	memset(out, 0, sizeof *out);
	struct expert x;
	juste_status st = store_expert_get(a->store, w->login, &x, e);
	if (st)
		return st;
	date_t started = INT32_MIN, left = INT32_MAX, t;
	if (x.started_on[0] && date_parse(x.started_on, &t, NULL) == JUSTE_OK)
		started = t;
	if (x.left_on[0] && date_parse(x.left_on, &t, NULL) == JUSTE_OK)
		left = t;
	int y, m;
	date_to_ymd(day, &y, &m, NULL);
	struct fy_start fs = app_policy(a)->fy_start;
	int fy = fy_of(day, fs);
	snprintf(out->month, sizeof out->month, "%04d-%02d", y, m);
	fy_name(fy, fs, out->fy, sizeof out->fy);
	date_t today = app_today();
	hours_period_init(&out->m, date_month_first(y, m), date_month_last(y, m), today, x.weekly_minutes, started, left);
	hours_period_init(&out->y, fy_first(fy, fs), fy_last(fy, fs), today, x.weekly_minutes, started, left);
	struct hours_period *p[2] = { &out->m, &out->y };
	for (int i = 0; i < 2; i++) {
		char from[ISO_LEN], to[ISO_LEN];
		int64_t by[BILLING_COUNT];
		date_format(p[i]->first, from);
		date_format(p[i]->last, to);
		if ((st = store_week_hours(a->store, w->expert_id, from, to, by, e)))
			return st;
		for (int b = 0; b < BILLING_COUNT; b++) {
			if (vocab_billing_billable((enum billing_mode)b))
				p[i]->billable += by[b];
			else
				p[i]->internal += by[b];
		}
		hours_share(p[i]);
	}
	return JUSTE_OK;
}

struct copy_ctx {
	struct app *a;
	const struct week *w;
	int added;
	juste_status st;
	struct juste_err *e;
};

static int copy_row(void *p, const struct week_mandate *m)
{
	struct copy_ctx *c = p;
	if (week_find_row(c->w, m->code) >= 0)
		return 0;
	/* a mandate closed since then is not carried over */
	if (m->closed_on[0] && strcmp(m->closed_on, c->w->day[0]) < 0)
		return 0;
	c->st = store_week_pin_add(c->a->store, c->w->expert_id, m->id, c->w->day[0], c->e);
	if (c->st)
		return 1;
	c->added++;
	return 0;
}

juste_status week_copy_previous(struct app *a, const struct week *w, int *added, struct juste_err *e)
{
	*added = 0;
	juste_status st = may_pin(a, w, e);
	if (st)
		return st;
	char mon[ISO_LEN], sun[ISO_LEN];
	date_format(w->monday - 7, mon);
	date_format(w->monday - 1, sun);
	struct copy_ctx c = { .a = a, .w = w, .e = e };
	st = store_begin(a->store, e);
	if (st)
		return st;
	st = store_week_rows(a->store, w->expert_id, mon, sun, copy_row, &c, e);
	if (!st)
		st = c.st;
	if (st) {
		store_rollback(a->store);
		return st;
	}
	st = store_commit(a->store, e);
	if (!st)
		*added = c.added;
	return st;
}

struct pick_ctx {
	struct week_mandate *v;
	int n, cap;
	juste_status st;
};

static int add_pick(void *p, const struct week_mandate *m)
{
	struct pick_ctx *c = p;
	if (c->n == c->cap) {
		int cap = c->cap ? c->cap * 2 : 256;
		struct week_mandate *v = realloc(c->v, (size_t)cap * sizeof *v);
		if (!v) {
			c->st = JUSTE_ENOMEM;
			return 1;
		}
		c->v = v;
		c->cap = cap;
	}
	c->v[c->n++] = *m;
	return 0;
}

static int pick_cmp(const void *pa, const void *pb)
{
	const struct week_mandate *a = pa, *b = pb;
	int c = strcmp(b->last_used, a->last_used);   /* recent first, "" last */
	return c ? c : strcmp(a->code, b->code);
}

juste_status week_pickable(struct app *a, const struct week *w, struct week_mandate **out, int *n,
	struct juste_err *e)
{
	*out = NULL;
	*n = 0;
	char since[ISO_LEN];
	date_format(w->monday - RECENT_DAYS, since);
	struct pick_ctx c = { 0 };
	juste_status st = store_week_pickable(a->store, w->expert_id, w->day[0], w->day[6], since, add_pick, &c, e);
	if (!st && c.st)
		st = err_set(e, c.st, N_("mémoire insuffisante"));
	if (st) {
		free(c.v);
		return st;
	}
	if (c.n)
		qsort(c.v, (size_t)c.n, sizeof *c.v, pick_cmp);
	*out = c.v;
	*n = c.n;
	return JUSTE_OK;
}

/* ------------------------------------------------------------------ timer */

char *week_elapsed_format(long s, char *buf, size_t n)
{
	if (s < 0)
		s = 0;
	snprintf(buf, n, "%ld:%02ld:%02ld", s / 3600, (s / 60) % 60, s % 60);
	return buf;
}

static void timer_fill(struct week_timer *t, const struct timer_rec *s)
{
	memset(t, 0, sizeof *t);
	t->running = 1;
	snprintf(t->mandate, sizeof t->mandate, "%s", s->mandate);
	snprintf(t->title, sizeof t->title, "%s", s->title);
	snprintf(t->work_date, sizeof t->work_date, "%s", s->work_date);
	t->started_at = s->started_at;
	t->elapsed = (long)(time(NULL) - s->started_at);
	snprintf(t->note, sizeof t->note, "%s", s->note);
}

juste_status week_timer_status(struct app *a, struct week_timer *t, struct juste_err *e)
{
	struct timer_rec s;
	int found = 0;
	memset(t, 0, sizeof *t);
	juste_status st = store_timer_get(a->store, a->user.id, &s, &found, e);
	if (!st && found)
		timer_fill(t, &s);
	return st;
}

static juste_status timer_start(struct app *a, const char *mandate, const char *note, struct week_timer *t,
	struct juste_err *e)
{
	struct timer_rec s;
	int found = 0;
	juste_status st = store_timer_get(a->store, a->user.id, &s, &found, e);
	if (st)
		return st;
	if (found)
		return err_set(e, JUSTE_ECONFLICT, N_("un chronomètre tourne déjà sur %s depuis le %s : arrêtez-le d'abord"),
			s.mandate, s.work_date);
	struct mandate m;
	st = store_mandate_get(a->store, mandate, &m, e);
	if (st)
		return st;
	memset(&s, 0, sizeof s);
	if (note && strlen(note) >= sizeof s.note)
		return err_set(e, JUSTE_EINVAL, N_("note trop longue (%zu octets au plus)"), sizeof s.note - 1);
	snprintf(s.note, sizeof s.note, "%s", note ? note : "");
	s.expert_id = a->user.id;
	s.mandate_id = m.id;
	s.started_at = (int64_t)time(NULL);
	date_format(app_today(), s.work_date);
	/* Refuse now what stop would refuse: a closed mandate, a closed month. */
	if (strcmp(m.opened_on, s.work_date) > 0 || (m.closed_on[0] && strcmp(m.closed_on, s.work_date) < 0))
		return err_set(e, JUSTE_EINVAL, N_("le mandat %s n'est pas ouvert le %s"), m.code, s.work_date);
	char why[WEEK_WHY_LEN];
	int locked = 0;
	st = store_entry_locked(a->store, 0, s.work_date, why, sizeof why, &locked, e);
	if (st)
		return st;
	if (locked)
		return err_set(e, JUSTE_ECONFLICT, N_("verrouillé : %s"), why);
	st = store_timer_insert(a->store, &s, e);
	if (!st && t) {
		snprintf(s.mandate, sizeof s.mandate, "%s", m.code);
		snprintf(s.title, sizeof s.title, "%s", m.title);
		timer_fill(t, &s);
	}
	return st;
}

juste_status week_timer_start(struct app *a, const char *mandate, const char *note, struct week_timer *t,
	struct juste_err *e)
{
	return timer_start(a, mandate, note, t, e);
}

/* Inside the caller's transaction: the timer row goes and the entry is
 * logged, or neither. */
static juste_status timer_stop(struct app *a, const char *note, struct entry *x, struct juste_err *e)
{
	struct timer_rec s;
	int found = 0;
	juste_status st = store_timer_get(a->store, a->user.id, &s, &found, e);
	if (!st && !found)
		st = err_set(e, JUSTE_ENOTFOUND, N_("aucun chronomètre en marche"));
	long secs = found ? (long)(time(NULL) - s.started_at) : 0;
	long minutes = secs <= 0 ? 1 : (secs + 59) / 60;
	if (!st && minutes > DURATION_MAX_MINUTES)
		st = err_set(e, JUSTE_EINVAL, N_("le chronomètre tourne depuis plus de 24 h : annulez-le (juste timer cancel) et saisissez vos heures"));
	if (!st && note && strlen(note) >= sizeof x->note)
		st = err_set(e, JUSTE_EINVAL, N_("note trop longue (%zu octets au plus)"), sizeof x->note - 1);
	if (!st)
		st = store_timer_delete(a->store, a->user.id, e);
	if (!st) {
		memset(x, 0, sizeof x[0]);
		snprintf(x->expert, sizeof x->expert, "%s", a->user.login);
		snprintf(x->mandate, sizeof x->mandate, "%s", s.mandate);
		snprintf(x->work_date, sizeof x->work_date, "%s", s.work_date);
		snprintf(x->note, sizeof x->note, "%s", note ? note : s.note);
		x->minutes = (int)minutes;
		st = timelog_add(a, x, e);
	}
	return st;
}

struct timer_op {
	const char *mandate, *note, *new_note;
	struct entry *x;
	struct week_timer *t;
};

static juste_status do_stop(struct app *a, void *arg, struct juste_err *e)
{
	struct timer_op *op = arg;
	return timer_stop(a, op->note, op->x, e);
}

static juste_status do_switch(struct app *a, void *arg, struct juste_err *e)
{
	struct timer_op *op = arg;
	juste_status st = timer_stop(a, op->note, op->x, e);
	return st ? st : timer_start(a, op->mandate, op->new_note, op->t, e);
}

juste_status week_timer_stop(struct app *a, const char *note, struct entry *x, struct juste_err *e)
{
	struct timer_op op = { .note = note, .x = x };
	return app_in_tx(a, do_stop, &op, e);
}

juste_status week_timer_switch(struct app *a, const char *mandate, const char *note, const char *new_note,
	struct entry *x, struct week_timer *t, struct juste_err *e)
{
	struct timer_op op = { .mandate = mandate, .note = note, .new_note = new_note, .x = x, .t = t };
	return app_in_tx(a, do_switch, &op, e);
}

juste_status week_timer_cancel(struct app *a, struct juste_err *e)
{
	return store_timer_delete(a->store, a->user.id, e);
}

/* ----------------------------------------------------------------- months */

static juste_status month_arg(const char *s, char out[8], struct juste_err *e)
{
	int y, m;
	juste_status st = date_month_parse(s, &y, &m, e);
	if (st)
		return st;
	snprintf(out, 8, "%04d-%02d", y, m);
	return JUSTE_OK;
}

juste_status week_month_close(struct app *a, const char *month, struct juste_err *e)
{
	char mo[8];
	juste_status st = app_require(a, ROLE_GESTIONNAIRE | ROLE_ADMIN, _("fermer un mois"), e);
	if (!st)
		st = month_arg(month, mo, e);
	return st ? st : store_month_close(a->store, mo, a->user.login, e);
}

juste_status week_month_reopen(struct app *a, const char *month, struct juste_err *e)
{
	char mo[8];
	juste_status st = app_require(a, ROLE_GESTIONNAIRE | ROLE_ADMIN, _("rouvrir un mois"), e);
	if (!st)
		st = month_arg(month, mo, e);
	return st ? st : store_month_reopen(a->store, mo, e);
}

juste_status week_month_list(struct app *a, week_month_cb cb, void *ctx, struct juste_err *e)
{
	juste_status st = app_require(a, ROLE_GESTIONNAIRE | ROLE_ADMIN, _("lister les mois fermés"), e);
	return st ? st : store_month_list(a->store, cb, ctx, e);
}
