/*
 * config.h - juste.ini, read with iniparser: what is personal (language,
 * keys) and where the database is.
 *
 * The centre's policy (identity, taxes, numbering, terms, fiscal year) is
 * not here: it lives in the database (policy.h, `juste settings`).  Its old
 * sections ([centre], [fiscal], [taxes], [invoice]) are still read and
 * validated, but only to import them once into a database that has never
 * had them; afterwards they change nothing, and the file that still holds
 * them gets a notice.
 *
 * Single-user (no set-group-id): --config FILE, $JUSTE_CONFIG,
 * $XDG_CONFIG_HOME/juste/juste.ini (~/.config), then the system file
 * SYSCONFDIR/juste/juste.ini; defaults when none exists.
 *
 * Shared server (set-group-id): the system file only, owned by root, says
 * where the database is; after the privilege is dropped the user's own
 * ~/.config/juste/juste.ini adds what is personal.
 *
 * Every key is validated; the first bad one is reported as
 * "juste.ini: [section] key: why" and nothing is used.  Unknown keys are
 * errors too, so that a typo never silently falls back to a default.
 */
#ifndef JUSTE_CONFIG_H
#define JUSTE_CONFIG_H

#include <limits.h>
#include <stdint.h>
#include "juste/err.h"
#include "juste/policy.h"

#define CONFIG_KEYS_MAX 64
#define CONFIG_LEGACY_MAX 16

struct keybinding {
	char action[32];
	char keys[64];     /* as written in the file, parsed by the TUI */
};

/* A policy key found in a juste.ini ("taxes.tps_rate" = "5"), validated. */
struct config_legacy {
	char key[64];
	char value[POLICY_VALUE_LEN];
};

struct config {
	char file[PATH_MAX];           /* the file read, "" when defaults */
	char db_path[PATH_MAX];        /* [database] path */
	int busy_timeout_ms;           /* [database] busy_timeout_ms */
	char language[8];              /* [ui] language: fr | en */
	int nkeys;                     /* [keys] action = key, key */
	struct keybinding keys[CONFIG_KEYS_MAX];
	int nlegacy;                   /* policy keys of the file read */
	struct config_legacy legacy[CONFIG_LEGACY_MAX];
	char notice[PATH_MAX + 256];   /* "" or one line for the user */
};

void config_defaults(struct config *c);

/* Single-user lookup (see above).  explicit_path is --config; a named file
 * that does not exist is an error. */
juste_status config_load(struct config *c, const char *explicit_path, struct juste_err *e);

/* Shared server, privileged: SYSCONFDIR/juste/juste.ini, which must exist,
 * belong to root and be writable by root only, and name the database by an
 * absolute path. */
juste_status config_load_system(struct config *c, struct juste_err *e);

/* Shared server, after the drop: the user's ~/.config/juste/juste.ini (from
 * the password database, not $HOME), if any, for [ui] and [keys]; its
 * [database] and policy keys are ignored with a notice. */
juste_status config_load_personal(struct config *c, struct juste_err *e);

/* Where the system file is: SYSCONFDIR/juste/juste.ini. */
const char *config_system_path(void);

#endif
