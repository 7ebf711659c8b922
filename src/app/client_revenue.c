/*
 * client_revenue.c - the clients' hours and revenue, year to date against
 * the year before (see client_revenue.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_internal.h"
#include "juste/client_revenue.h"
#include "juste/i18n.h"
#include "juste/mem.h"
#include "juste/report.h"
#include "juste/store_report.h"

#define ROLES_MANAGE (ROLE_GESTIONNAIRE | ROLE_ADMIN)

struct clients_ctx {
	struct client_revenue *c;
	size_t cap;
	int year;
	int failed;
};

static struct client_revenue_row *client_row(struct clients_ctx *k, const char *code, const char *name)
{
	for (size_t i = 0; i < k->c->n; i++)
		if (strcmp(k->c->rows[i].code, code) == 0)
			return &k->c->rows[i];
	if (mem_grow((void **)&k->c->rows, &k->cap, k->c->n + 1, sizeof *k->c->rows)) {
		k->failed = 1;
		return NULL;
	}
	struct client_revenue_row *r = &k->c->rows[k->c->n++];
	memset(r, 0, sizeof *r);
	snprintf(r->code, sizeof r->code, "%s", code);
	snprintf(r->name, sizeof r->name, "%s", name);
	return r;
}

static int on_client_minutes(void *ctx, const struct report_util_row *u)
{
	struct clients_ctx *k = ctx;
	struct client_revenue_row *r = client_row(k, u->g.key, u->g.label);
	if (!r)
		return 1;
	r->minutes[k->year] += u->g.billable + u->g.internal;
	return 0;
}

static int on_client_revenue(void *ctx, const struct report_client *rc)
{
	struct clients_ctx *k = ctx;
	struct client_revenue_row *r = client_row(k, rc->code, rc->name);
	if (!r)
		return 1;
	r->revenue_cents[k->year] += rc->invoiced_cents + rc->credited_cents;
	return 0;
}

static int clients_cmp(const void *pa, const void *pb)
{
	const struct client_revenue_row *a = pa, *b = pb;
	if (a->minutes[1] != b->minutes[1])
		return a->minutes[1] > b->minutes[1] ? -1 : 1;
	return strcmp(a->code, b->code);
}

/* The same calendar day a year before (Feb 29 -> Feb 28). */
static date_t year_before(date_t d)
{
	int y, m, dd;
	date_to_ymd(d, &y, &m, &dd);
	if (!date_valid_ymd(y - 1, m, dd))
		dd = date_days_in_month(y - 1, m);
	return date_from_ymd(y - 1, m, dd);
}

/* The months of [from, to] that have ended by `to`: a month's invoices
 * are its revenue (by period served), and a month still running has none
 * yet, this year as the year before.  "" when none has. */
static void periods_ended(const char *from, const char *to, char first[8], char last[8])
{
	date_t f, t;
	first[0] = last[0] = '\0';
	if (date_parse(from, &f, NULL) || date_parse(to, &t, NULL))
		return;
	int fy, fm, fd, ty, tm, td;
	date_to_ymd(f, &fy, &fm, &fd);
	date_to_ymd(t, &ty, &tm, &td);
	if (td != date_days_in_month(ty, tm))
		date_month_add(&ty, &tm, -1);
	if (ty * 12 + tm < fy * 12 + fm)
		return;
	snprintf(first, 8, "%04d-%02d", fy, fm);
	snprintf(last, 8, "%04d-%02d", ty, tm);
}

juste_status client_revenue_load(struct app *a, date_t today, struct client_revenue *c, struct juste_err *e)
{
	memset(c, 0, sizeof *c);
	juste_status st = app_require(a, ROLES_MANAGE, _("consulter les clients"), e);
	if (st)
		return st;
	struct fy_start fs = a->policy.fy_start;
	int fy = fy_of(today, fs);
	date_format(fy_first(fy - 1, fs), c->from[0]);
	date_format(year_before(today), c->to[0]);
	date_format(fy_first(fy, fs), c->from[1]);
	date_format(today, c->to[1]);
	struct clients_ctx k = { c, 0, 0, 0 };
	struct report_util_row total;
	for (int y = 0; y < 2 && !st; y++) {
		k.year = y;
		periods_ended(c->from[y], c->to[y], c->first_period[y], c->last_period[y]);
		st = report_utilisation(a, c->from[y], c->to[y], REPORT_BY_ORG, on_client_minutes, &k, &total, e);
		if (!st && c->first_period[y][0])
			st = store_report_revenue_by_client(a->store, c->first_period[y], c->last_period[y],
				on_client_revenue, &k, e);
		if (!st && k.failed)
			st = err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	}
	if (st) {
		client_revenue_free(c);
		return st;
	}
	if (c->n)
		qsort(c->rows, c->n, sizeof *c->rows, clients_cmp);
	snprintf(c->total.name, sizeof c->total.name, "%s", _("Total"));
	for (size_t i = 0; i < c->n; i++)
		for (int y = 0; y < 2; y++) {
			c->total.minutes[y] += c->rows[i].minutes[y];
			c->total.revenue_cents[y] += c->rows[i].revenue_cents[y];
		}
	for (size_t i = 0; i <= c->n; i++) {
		struct client_revenue_row *r = i < c->n ? &c->rows[i] : &c->total;
		r->minutes_growth = figures_ratio_growth(r->minutes[0], r->minutes[1]);
		r->revenue_growth = figures_ratio_growth(r->revenue_cents[0], r->revenue_cents[1]);
	}
	return JUSTE_OK;
}

void client_revenue_free(struct client_revenue *c)
{
	if (!c)
		return;
	free(c->rows);
	c->rows = NULL;
	c->n = 0;
}
