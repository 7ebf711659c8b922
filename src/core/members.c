/*
 * members.c - the operations with members and the ristourne (members.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juste/mem.h"
#include "juste/members.h"

#ifndef N_
#define N_(s) (s)
#endif

static juste_status nomem(struct juste_err *e)
{
	return err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
}

juste_status members_add(struct members_report *m, const struct report_client *c, struct juste_err *e)
{
	if (mem_grow((void **)&m->rows, &m->cap, m->n + 1, sizeof *m->rows))
		return nomem(e);
	struct members_row *r = &m->rows[m->n++];
	memset(r, 0, sizeof *r);
	r->c = *c;
	r->net_cents = c->invoiced_cents + c->credited_cents;
	r->with_members = vocab_category_with_members(c->category);
	m->total_cents += r->net_cents;
	if (r->with_members)
		m->with_members_cents += r->net_cents;
	return JUSTE_OK;
}

void members_finish(struct members_report *m)
{
	for (size_t i = 0; i < m->n; i++)
		m->rows[i].share = figures_ratio_share(m->rows[i].net_cents, m->total_cents);
	m->with_members_share = figures_ratio_share(m->with_members_cents, m->total_cents);
}

void members_free(struct members_report *m)
{
	if (!m)
		return;
	free(m->rows);
	memset(m, 0, sizeof *m);
}

juste_status members_ristourne_compute(const struct members_report *m, int64_t amount_cents, const char *fy_name,
	struct members_ristourne *out, struct juste_err *e)
{
	memset(out, 0, sizeof *out);
	if (amount_cents <= 0)
		return err_set(e, JUSTE_EINVAL, N_("--amount : le montant à répartir doit être positif"));
	size_t n = 0;
	for (size_t i = 0; i < m->n; i++)
		n += m->rows[i].with_members && m->rows[i].net_cents > 0;
	if (n == 0)
		return err_set(e, JUSTE_EINVAL, N_("aucun membre admissible en %s : aucune affaire nette avec un membre"),
			fy_name ? fy_name : "");
	struct members_ristourne_row *rows = calloc(n, sizeof *rows);
	int64_t *w = malloc(n * sizeof *w), *s = malloc(n * sizeof *s);
	if (!rows || !w || !s) {
		free(rows);
		free(w);
		free(s);
		return nomem(e);
	}
	size_t k = 0;
	for (size_t i = 0; i < m->n; i++) {
		const struct members_row *r = &m->rows[i];
		if (!r->with_members || r->net_cents <= 0)
			continue;
		struct members_ristourne_row *p = &rows[k];
		snprintf(p->code, sizeof p->code, "%s", r->c.code);
		snprintf(p->name, sizeof p->name, "%s", r->c.name);
		p->category = r->c.category;
		p->business_cents = r->net_cents;
		w[k++] = r->net_cents;
	}
	juste_status st = figures_ristourne(w, n, amount_cents, s, e);
	if (!st) {
		out->rows = rows;
		out->n = n;
		out->amount_cents = amount_cents;
		for (size_t i = 0; i < n; i++) {
			rows[i].share_cents = s[i];
			out->business_cents += rows[i].business_cents;
			out->allocated_cents += s[i];
		}
	} else {
		free(rows);
	}
	free(w);
	free(s);
	return st;
}

void members_ristourne_free(struct members_ristourne *r)
{
	if (!r)
		return;
	free(r->rows);
	memset(r, 0, sizeof *r);
}
