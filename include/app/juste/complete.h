/*
 * complete.h - the values bash completion (completion/juste) asks juste
 * for: mandate codes and logins, only those the user's role may see.
 */
#ifndef JUSTE_COMPLETE_H
#define JUSTE_COMPLETE_H

#include "juste/app.h"

/* One value; non-zero stops the walk. */
typedef int (*complete_cb)(void *ctx, const char *word);

/* Mandate codes that start with prefix ("" for all), in code order: every
 * mandate for the office roles; for an expert, the mandates open today,
 * the ones they may log time on. */
juste_status complete_mandates(struct app *a, const char *prefix, complete_cb cb, void *ctx,
	struct juste_err *e);

/* Logins that start with prefix: every expert's for the office roles; an
 * expert's own only, the one login a command accepts from them. */
juste_status complete_logins(struct app *a, const char *prefix, complete_cb cb, void *ctx,
	struct juste_err *e);

#endif
