/*
 * budgetcalc.c - percent of a budget used and its thresholds (budgetcalc.h).
 */
#include "juste/budgetcalc.h"
#include "juste/figures.h"

int64_t budgetcalc_pct(const struct budget_use *u)
{
	int64_t ph = 0, pd = 0;
	if (u->budget_minutes > 0)
		figures_share(u->used_minutes, u->budget_minutes, &ph);
	if (u->budget_cents > 0)
		figures_share(u->used_cents, u->budget_cents, &pd);
	return ph > pd ? ph : pd;
}

/* used >= budget * pct / 100 without dividing (budgets are far below
 * INT64_MAX / 100: at most a few million dollars in cents) */
static int reached(int64_t used, int64_t budget, int pct)
{
	return budget > 0 && used * 100 >= budget * pct;
}

int budgetcalc_level(const struct budget_use *u)
{
	if (reached(u->used_minutes, u->budget_minutes, 100) || reached(u->used_cents, u->budget_cents, 100))
		return 100;
	if (reached(u->used_minutes, u->budget_minutes, 80) || reached(u->used_cents, u->budget_cents, 80))
		return 80;
	return 0;
}

int budgetcalc_past(const struct budget_use *u)
{
	return (u->budget_minutes > 0 && u->used_minutes > u->budget_minutes)
		|| (u->budget_cents > 0 && u->used_cents > u->budget_cents);
}

int budgetcalc_crossed(const struct budget_use *before, const struct budget_use *after)
{
	int b = budgetcalc_level(before), a = budgetcalc_level(after);
	return a > b ? a : 0;
}
