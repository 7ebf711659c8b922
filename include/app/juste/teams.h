/*
 * teams.h - the teams of mandates: a mandate with a team accepts time only
 * from its members (store_team_allows, met by every write of an entry);
 * without one, from anyone, as before.  Gestionnaire, admin.
 */
#ifndef JUSTE_TEAMS_H
#define JUSTE_TEAMS_H

#include <stddef.h>
#include "juste/app.h"
#include "juste/calendar.h"

/* Adds logins[0..n) to the team of mandate `code` (all of them or none);
 * manager, when given, is added too and becomes the one named to
 * non-members. */
juste_status teams_assign(struct app *a, const char *code, const char *const *logins, size_t n,
	const char *manager, struct juste_err *e);
/* Removes them (each must be on it); a team left empty means no team. */
juste_status teams_unassign(struct app *a, const char *code, const char *const *logins, size_t n,
	struct juste_err *e);
typedef int (*teams_cb)(void *ctx, const struct team_member *m);
/* The team of `code` (NULL: every team), manager first.  Everyone. */
juste_status teams_list(struct app *a, const char *code, teams_cb cb, void *ctx, struct juste_err *e);

#endif
