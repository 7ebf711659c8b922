/*
 * store_settings.h - the rows of the centre's policy (table settings) and
 * the record of the one-time import of an old juste.ini.
 */
#ifndef JUSTE_STORE_SETTINGS_H
#define JUSTE_STORE_SETTINGS_H

#include <stdbool.h>
#include "juste/err.h"
#include "juste/policy.h"
#include "juste/store.h"

/* Ordered by key, then valid_from ("" first).  Strings are valid during
 * the callback only. */
typedef int (*store_setting_cb)(void *ctx, const struct setting_row *r);
juste_status store_setting_list(struct store *s, store_setting_cb cb, void *ctx, struct juste_err *e);

/* Inserts the row, or replaces the value of the row with the same key and
 * valid_from.  The caller has validated it. */
juste_status store_setting_put(struct store *s, const struct setting_row *r, struct juste_err *e);

/* JUSTE_ENOTFOUND when no row has that key and valid_from. */
juste_status store_setting_delete(struct store *s, const char *key, const char *valid_from, struct juste_err *e);

/* Whether an old juste.ini's policy was imported already (once per
 * database, whatever it held), and the mark that it was, naming the file. */
juste_status store_setting_imported(struct store *s, bool *done, struct juste_err *e);
juste_status store_setting_import_mark(struct store *s, const char *source, struct juste_err *e);

#endif
