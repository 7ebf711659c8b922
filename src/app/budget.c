/*
 * budget.c - what the mandates with a budget have used (see budget.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_internal.h"
#include "juste/budget.h"
#include "juste/i18n.h"
#include "juste/mem.h"
#include "juste/figures.h"
#include "juste/store_budgets.h"

#define ROLES_MANAGE (ROLE_GESTIONNAIRE | ROLE_ADMIN)

struct budget_ctx {
	struct budget_row *rows;
	size_t n, cap;
	int failed;
};

static int on_budget(void *ctx, const struct mandate_budget *b)
{
	struct budget_ctx *c = ctx;
	if (mem_grow((void **)&c->rows, &c->cap, c->n + 1, sizeof *c->rows)) {
		c->failed = 1;
		return 1;
	}
	struct budget_row *r = &c->rows[c->n++];
	memset(r, 0, sizeof *r);
	snprintf(r->code, sizeof r->code, "%s", b->code);
	snprintf(r->title, sizeof r->title, "%s", b->title);
	snprintf(r->client, sizeof r->client, "%s", b->client);
	snprintf(r->closed_on, sizeof r->closed_on, "%s", b->closed_on);
	r->budget_minutes = b->budget_minutes;
	r->budget_cents = b->budget_cents;
	r->used_minutes = b->used_minutes;
	r->used_cents = b->used_cents;
	r->remaining_minutes = r->budget_minutes - r->used_minutes;
	r->remaining_cents = r->budget_cents - r->used_cents;
	int64_t ph = 0, pd = 0;
	if (r->budget_minutes > 0)
		figures_share(r->used_minutes, r->budget_minutes, &ph);
	if (r->budget_cents > 0)
		figures_share(r->used_cents, r->budget_cents, &pd);
	r->pct = ph > pd ? ph : pd;
	r->level = r->pct > 1000 ? 100 : r->pct > 800 ? 80 : 0;
	return 0;
}

static int budget_cmp(const void *pa, const void *pb)
{
	const struct budget_row *a = pa, *b = pb;
	if (a->pct != b->pct)
		return a->pct > b->pct ? -1 : 1;
	return strcmp(a->code, b->code);
}

juste_status budget_list(struct app *a, struct budget_row **rows, size_t *n, struct juste_err *e)
{
	*rows = NULL;
	*n = 0;
	juste_status st = app_require(a, ROLES_MANAGE, _("consulter les budgets des mandats"), e);
	if (st)
		return st;
	struct budget_ctx c = { 0 };
	st = store_budget_list(a->store, on_budget, &c, e);
	if (!st && c.failed)
		st = err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	if (st) {
		free(c.rows);
		return st;
	}
	if (c.n)
		qsort(c.rows, c.n, sizeof *c.rows, budget_cmp);
	*rows = c.rows;
	*n = c.n;
	return JUSTE_OK;
}
