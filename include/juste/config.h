/*
 * config.h - juste.ini, read with iniparser.
 *
 * Looked up in order: --config FILE, $JUSTE_CONFIG,
 * $XDG_CONFIG_HOME/juste/juste.ini (~/.config when unset),
 * /etc/juste/juste.ini; defaults when none exists.  Every key is validated;
 * the first bad one is reported as "juste.ini: [section] key: why" and
 * nothing is used.  Unknown sections and keys are errors too, so that a typo
 * never silently falls back to a default.
 */
#ifndef JUSTE_CONFIG_H
#define JUSTE_CONFIG_H

#include <limits.h>
#include <stdint.h>
#include "juste/date.h"
#include "juste/err.h"
#include "juste/model.h"

#define CONFIG_KEYS_MAX 64

struct keybinding {
	char action[32];
	char keys[64];     /* as written in the file, parsed by the TUI */
};

struct config {
	char file[PATH_MAX];           /* the file read, "" when defaults */
	char db_path[PATH_MAX];        /* [database] path */
	int busy_timeout_ms;           /* [database] busy_timeout_ms */
	char centre_name[NAME_LEN];    /* [centre] */
	char centre_address[ADDR_LEN];
	char centre_phone[64];
	char centre_email[EMAIL_LEN];
	char tps_number[32];           /* 123456789RT0001 */
	char tvq_number[32];           /* 1234567890TQ0001 */
	struct fy_start fy_start;      /* [fiscal] year_start */
	int32_t tps_rate, tvq_rate;    /* [taxes], thousandths of a percent */
	char invoice_pattern[64];      /* [invoice] number_pattern */
	char credit_pattern[64];       /* [invoice] credit_pattern */
	int payment_days;              /* [invoice] payment_days */
	char payment_terms[128];       /* [invoice] payment_terms */
	char paper[8];                 /* [invoice] paper: A4 | Letter */
	char language[8];              /* [ui] language: fr | en */
	int nkeys;                     /* [keys] action = key, key */
	struct keybinding keys[CONFIG_KEYS_MAX];
};

void config_defaults(struct config *c);

/* Fills c from the first file found (or defaults).  explicit_path is
 * --config; a named file that does not exist is an error. */
juste_status config_load(struct config *c, const char *explicit_path, struct juste_err *e);

#endif
