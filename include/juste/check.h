/*
 * check.h - `juste check`: the database as someone holding the file could
 * have left it (store_check()), and the centre's identity still the
 * shipped example (centre.h).
 */
#ifndef JUSTE_CHECK_H
#define JUSTE_CHECK_H

#include "juste/app.h"

/* Commis, gestionnaire, admin.  Each finding is one translated line given
 * to cb; *count is how many there were. */
juste_status check_run(struct app *a, store_finding_cb cb, void *ctx, int *count, struct juste_err *e);

#endif
