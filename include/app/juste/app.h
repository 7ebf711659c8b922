/*
 * app.h - the use cases both front ends call, and who is calling.
 *
 * Identity comes from the operating system: the login of the real uid,
 * never $USER or a flag.  An admin may act for someone else (--as LOGIN):
 * the action then runs with that person's role and is recorded in the audit
 * log under both names.  Every use case checks the role first.
 *
 * A struct app is opaque outside the app library: the front ends hold a
 * pointer, call the use cases with it and read what they display through
 * the accessors below; the database behind it is never theirs to touch.
 */
#ifndef JUSTE_APP_H
#define JUSTE_APP_H

#include <stdbool.h>
#include "juste/config.h"
#include "juste/date.h"
#include "juste/err.h"
#include "juste/model.h"
#include "juste/policy.h"

struct app;

/* A new app with the default configuration and no database open yet.
 * Free it with app_free(). */
juste_status app_new(struct app **out, struct juste_err *e);
/* Closes the database and frees a; NULL is a no-op. */
void app_free(struct app *a);

enum app_open_flags {
	APP_CREATE = 1 << 0    /* create the database (and its directory) if missing */
};

/* Login of the real uid. */
juste_status app_os_login(char out[LOGIN_LEN], struct juste_err *e);

/* Opens the database (db_path overrides the configuration's), records the
 * OS login as the actor and loads the centre's policy.  The first time a
 * database is opened, the policy keys of the configuration that was read
 * (cfg.legacy) are imported into it, once, audited.  flags: enum
 * app_open_flags. */
juste_status app_open(struct app *a, const char *db_path, int flags, struct juste_err *e);

/* Reads the centre's policy again (after `juste settings set`). */
juste_status app_policy_load(struct app *a, struct juste_err *e);
/* Closes the database (a stays usable: app_open again, or app_free). */
void app_close(struct app *a);

/* The first admin of a new database: the OS user who runs `juste init`,
 * or, when root runs it (the shared server's installation), the Unix
 * account `login`.  Refused when the database already has people. */
juste_status app_bootstrap_admin(struct app *a, const char *login, struct expert *out, struct juste_err *e);

/* Loads the effective user: the OS login, or as_login when given, which
 * only an admin may use.  An unregistered user is refused. */
juste_status app_identify(struct app *a, const char *as_login, struct juste_err *e);

/* JUSTE_EDENIED with "permission refusée : <what>" unless the effective
 * user's role is in `roles`. */
juste_status app_require(const struct app *a, int roles, const char *what, struct juste_err *e);

/* True when the effective user may read or change that expert's time:
 * themselves, or any office role. */
bool app_may_see_expert(const struct app *a, const char *login);

/* Runs fn(a, arg, e) in one transaction, or inside the caller's when one
 * is already open (an import, the demo), so that a use case is atomic
 * whether it is called alone or as part of a larger run. */
juste_status app_in_tx(struct app *a, juste_status (*fn)(struct app *, void *, struct juste_err *),
	void *arg, struct juste_err *e);

/* Today's date.  Tests fix it with JUSTE_TODAY=YYYY-MM-DD; that only moves
 * the default date of commands, which every user may set explicitly, and
 * a set-group-id juste never reads it (secure_getenv). */
date_t app_today(void);

/* Changes whenever the database does, whoever wrote (store_data_stamp):
 * the screens compare it on each key and idle tick and reload when it
 * moved.  Never blocks; 0 until it could be read once. */
uint64_t app_data_stamp(struct app *a);

/* --- what the front ends read ------------------------------------------ */

/* The configuration: the front end loads juste.ini into it before
 * app_open() (config_load), and reads the language, the keys and the
 * notice for the user from it. */
struct config *app_config(struct app *a);

/* The centre's policy, as loaded from the database by app_open(). */
const struct policy *app_policy(const struct app *a);

/* The effective user (zeroed until app_identify() succeeds). */
const struct expert *app_user(const struct app *a);

/* The role bit of the effective user (enum role; 0 until identified),
 * for what a screen shows: every use case checks the role itself. */
int app_role(const struct app *a);

/* The database file open, for messages; "" when none is. */
const char *app_db_path(const struct app *a);

#endif
