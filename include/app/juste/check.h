/*
 * check.h - `juste check`: what the database file holds, as someone with
 * it in hand could have left it (store_check() lists what is verified),
 * and the centre's identity still the shipped example (centre.h).
 * Office roles.
 */
#ifndef JUSTE_CHECK_H
#define JUSTE_CHECK_H

#include "juste/app.h"

/* Each finding is one translated line; *count says how many.  Finding
 * problems is not an error here: the caller decides. */
typedef int (*check_finding_cb)(void *ctx, const char *finding);
juste_status check_database(struct app *a, check_finding_cb cb, void *ctx, int *count, struct juste_err *e);

#endif
