/*
 * costcalc.c - at-cost rates from the budget; see costcalc.h for the
 * arithmetic.  Integer cents throughout; products and quotients use
 * 128-bit intermediates so that no budget can overflow.
 */
#include <string.h>

#include "juste/costcalc.h"
#include "juste/money.h"

#ifndef N_
#define N_(s) (s)
#endif

void costcalc_share(int64_t total, const int64_t *weights, size_t n, int64_t *out)
{
	int64_t sum = 0, given = 0;
	int neg = total < 0;
	int64_t t = neg ? -total : total;
	if (n > COSTCALC_MAX_LEVELS)   /* a precondition; costcalc_compute checks it */
		n = COSTCALC_MAX_LEVELS;
	for (size_t i = 0; i < n; i++)
		sum += weights[i];
	if (sum <= 0) {
		for (size_t i = 0; i < n; i++)
			out[i] = 0;
		return;
	}
	/* floor shares first, then one more cent to the largest remainders */
	int64_t rem[COSTCALC_MAX_LEVELS];
	for (size_t i = 0; i < n; i++) {
		__int128 p = (__int128)t * weights[i];
		out[i] = (int64_t)(p / sum);
		rem[i] = (int64_t)(p % sum);
		given += out[i];
	}
	for (int64_t left = t - given; left > 0; left--) {
		size_t best = 0;
		for (size_t i = 1; i < n; i++)
			if (rem[i] > rem[best])
				best = i;
		out[best]++;
		rem[best] = -1;
	}
	if (neg)
		for (size_t i = 0; i < n; i++)
			out[i] = -out[i];
}

int64_t costcalc_change_bp(int64_t old_cents, int64_t new_cents)
{
	if (old_cents == 0)
		return 0;
	return money_div_round((new_cents - old_cents) * 10000, old_cents < 0 ? -old_cents : old_cents);
}

juste_status costcalc_compute(const struct cost_input *in, struct cost_line *lines,
	struct cost_result *r, struct juste_err *e)
{
	memset(r, 0, sizeof *r);
	if (in->n == 0)
		return err_set(e, JUSTE_EINVAL, N_("aucun niveau d'expertise : rien à calculer"));
	if (in->n > COSTCALC_MAX_LEVELS)
		return err_set(e, JUSTE_EINVAL, N_("%zu niveaux : %d au plus"), in->n, COSTCALC_MAX_LEVELS);
	if (in->overhead_cents < 0)
		return err_set(e, JUSTE_EINVAL, N_("frais généraux négatifs"));
	int64_t hours[COSTCALC_MAX_LEVELS];
	for (size_t i = 0; i < in->n; i++) {
		const struct cost_level *l = &in->levels[i];
		if (l->headcount <= 0 || l->headcount > 100000)
			return err_set(e, JUSTE_EINVAL, N_("niveau %s : effectif invalide (%lld)"), l->code, (long long)l->headcount);
		if (l->hours_per_expert <= 0 || l->hours_per_expert > 8784)
			return err_set(e, JUSTE_EINVAL, N_("niveau %s : heures facturables invalides (%lld)"), l->code,
				(long long)l->hours_per_expert);
		if (l->salary_cents < 0)
			return err_set(e, JUSTE_EINVAL, N_("niveau %s : masse salariale négative"), l->code);
		if (l->benefits_rate < 0 || l->benefits_rate > TAX_RATE_SCALE)
			return err_set(e, JUSTE_EINVAL, N_("niveau %s : taux d'avantages sociaux hors de 0 à 100 %%"), l->code);
		hours[i] = l->headcount * l->hours_per_expert;
		r->hours += hours[i];
	}
	int64_t ovh[COSTCALC_MAX_LEVELS], sur[COSTCALC_MAX_LEVELS];
	costcalc_share(in->overhead_cents, hours, in->n, ovh);
	costcalc_share(in->surplus_cents, hours, in->n, sur);
	for (size_t i = 0; i < in->n; i++) {
		const struct cost_level *l = &in->levels[i];
		struct cost_line *c = &lines[i];
		memset(c, 0, sizeof *c);
		c->hours = hours[i];
		c->loaded_cents = l->salary_cents + money_tax(l->salary_cents, l->benefits_rate);
		c->overhead_cents = ovh[i];
		c->surplus_cents = sur[i];
		c->cost_cents = c->loaded_cents + c->overhead_cents + c->surplus_cents;
		c->hourly_loaded_cents = money_div_round(c->loaded_cents, c->hours);
		c->hourly_overhead_cents = money_div_round(c->overhead_cents, c->hours);
		c->hourly_surplus_cents = money_div_round(c->surplus_cents, c->hours);
		c->rate_cents = money_div_round(c->cost_cents, c->hours);
		if (c->rate_cents <= 0)
			return err_set(e, JUSTE_EINVAL, N_("niveau %s : le taux calculé n'est pas positif"), l->code);
		c->products_cents = c->rate_cents * c->hours;
		r->loaded_cents += c->loaded_cents;
		r->products_cents += c->products_cents;
	}
	r->expenses_cents = r->loaded_cents + in->overhead_cents;
	r->needed_cents = r->expenses_cents + in->surplus_cents;
	r->rounding_cents = r->products_cents - r->needed_cents;
	r->surplus_cents = r->products_cents - r->expenses_cents;
	return JUSTE_OK;
}
