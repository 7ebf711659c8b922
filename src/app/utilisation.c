/*
 * utilisation.c - the manager's utilisation board (see utilisation.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_internal.h"
#include "juste/i18n.h"
#include "juste/mem.h"
#include "juste/figures.h"
#include "juste/report.h"
#include "juste/text.h"
#include "juste/utilisation.h"

#define ROLES_MANAGE (ROLE_GESTIONNAIRE | ROLE_ADMIN)

/* ------------------------------------------------------------ periods */

void utilisation_period_range(const struct app *a, enum utilisation_period p, date_t day, char from[ISO_LEN],
	char to[ISO_LEN])
{
	int y, m, d;
	date_to_ymd(day, &y, &m, &d);
	switch (p) {
	case UTIL_WEEK:
		date_format(date_monday(day), from);
		date_format(date_monday(day) + 6, to);
		break;
	case UTIL_MONTH:
		date_format(date_month_first(y, m), from);
		date_format(date_month_last(y, m), to);
		break;
	default:
		date_format(fy_first(fy_of(day, a->policy.fy_start), a->policy.fy_start), from);
		date_format(day, to);
		break;
	}
}

int utilisation_period_parse(const char *s)
{
	if (!strcmp(s, "semaine") || !strcmp(s, "week"))
		return UTIL_WEEK;
	if (!strcmp(s, "mois") || !strcmp(s, "month"))
		return UTIL_MONTH;
	if (!strcmp(s, "exercice") || !strcmp(s, "fy"))
		return UTIL_FY;
	return -1;
}

/* ----------------------------------------------------------- the board */

struct util_ctx {
	struct utilisation *u;
	size_t cap;
	int failed;
};

static int on_util_row(void *ctx, const struct report_util_row *r)
{
	struct util_ctx *c = ctx;
	if (mem_grow((void **)&c->u->rows, &c->cap, c->u->n + 1, sizeof *c->u->rows)) {
		c->failed = 1;
		return 1;
	}
	struct utilisation_row *o = &c->u->rows[c->u->n++];
	memset(o, 0, sizeof *o);
	snprintf(o->login, sizeof o->login, "%s", r->g.key);
	snprintf(o->name, sizeof o->name, "%s", r->g.label);
	o->function = r->g.function;
	o->capacity = r->capacity;
	o->billable = r->g.billable;
	o->internal = r->g.internal;
	o->logged = r->u.logged;
	o->pct_ok = r->u.utilisation.ok;
	o->pct = r->u.utilisation.tenths;
	o->weekly_minutes = r->g.weekly_minutes;
	return 0;
}

struct week_ctx {
	struct utilisation *u;
};

static int on_last_week(void *ctx, const struct report_util_row *r)
{
	struct week_ctx *c = ctx;
	for (size_t i = 0; i < c->u->n; i++) {
		struct utilisation_row *o = &c->u->rows[i];
		if (strcmp(o->login, r->g.key) == 0) {
			o->last_week = r->u.logged;
			/* marked only when they were expected to log: a capacity,
			 * and in post that week (figures_capacity of their days) */
			if (o->weekly_minutes > 0 && r->capacity > 0) {
				if (o->last_week == 0)
					o->mark = UTIL_MARK_NOTHING;
				else if (o->last_week * 2 < r->capacity)
					o->mark = UTIL_MARK_HALF;
			}
			break;
		}
	}
	return 0;
}

juste_status utilisation_load(struct app *a, const char *from, const char *to, date_t today,
	struct utilisation *u, struct juste_err *e)
{
	memset(u, 0, sizeof *u);
	juste_status st = app_require(a, ROLES_MANAGE, _("consulter l'utilisation"), e);
	if (st)
		return st;
	snprintf(u->from, sizeof u->from, "%s", from);
	snprintf(u->to, sizeof u->to, "%s", to);
	date_t mon = date_monday(today);
	date_format(mon - 7, u->week_from);
	date_format(mon - 1, u->week_to);
	struct util_ctx c = { u, 0, 0 };
	struct report_util_row total;
	st = report_utilisation(a, from, to, REPORT_BY_EXPERT, on_util_row, &c, &total, e);
	if (!st && c.failed)
		st = err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	struct week_ctx w = { u };
	struct report_util_row wtotal;
	if (!st)
		st = report_utilisation(a, u->week_from, u->week_to, REPORT_BY_EXPERT, on_last_week, &w, &wtotal, e);
	if (st) {
		utilisation_free(u);
		return st;
	}
	memset(&u->total, 0, sizeof u->total);
	snprintf(u->total.name, sizeof u->total.name, "%s", _("Total"));
	u->total.capacity = total.capacity;
	u->total.billable = total.g.billable;
	u->total.internal = total.g.internal;
	u->total.logged = total.u.logged;
	u->total.pct_ok = total.u.utilisation.ok;
	u->total.pct = total.u.utilisation.tenths;
	u->total.last_week = wtotal.u.logged;
	return JUSTE_OK;
}

void utilisation_free(struct utilisation *u)
{
	if (!u)
		return;
	free(u->rows);
	u->rows = NULL;
	u->n = 0;
}

static int64_t util_key(const struct utilisation_row *r, enum utilisation_col col)
{
	switch (col) {
	case UTIL_CAPACITY: return r->capacity;
	case UTIL_LOGGED: return r->logged;
	case UTIL_BILLABLE: return r->billable;
	case UTIL_INTERNAL: return r->internal;
	case UTIL_PCT: return r->pct_ok ? r->pct : -1;
	case UTIL_MARK: return r->mark;
	default: return 0;
	}
}

void utilisation_sort(struct utilisation *u, enum utilisation_col col, int desc)
{
	/* insertion sort: stable, and a few hundred experts at most */
	for (size_t i = 1; i < u->n; i++) {
		struct utilisation_row x = u->rows[i];
		size_t j = i;
		while (j > 0) {
			const struct utilisation_row *p = &u->rows[j - 1];
			int c;
			if (col == UTIL_NAME) {
				c = text_compare_fr(p->name, x.name);
			} else {
				int64_t a = util_key(p, col), b = util_key(&x, col);
				c = a < b ? -1 : a > b;
			}
			if (desc ? c >= 0 : c <= 0)
				break;
			u->rows[j] = *p;
			j--;
		}
		u->rows[j] = x;
	}
}
