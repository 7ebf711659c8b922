/*
 * rules.h - the validation of records, in one place.
 *
 * Import, the CLI, the TUI forms and the demo all call these, so a record
 * the importer refuses is refused by a form with the same words.  Pure: the
 * records carry codes; whether a code exists is the store's business.
 * A refusal names the field (err.field) and the value.
 */
#ifndef JUSTE_RULES_H
#define JUSTE_RULES_H

#include "juste/err.h"
#include "juste/model.h"

/* Codes: 1..32 of [A-Za-z0-9_.-], starting with a letter or digit. */
juste_status rules_code_validate(const char *field, const char *code, struct juste_err *e);
/* Logins: Unix-style, 1..64 of [a-z0-9_.-] starting with a letter or _. */
juste_status rules_login_validate(const char *login, struct juste_err *e);

/* Free text, the same at every door (import, command arguments, forms,
 * settings), so that nothing reaches the database that a terminal, a
 * spreadsheet or a JSON reader would take for something else:
 *  - the raw bytes of a field: no NUL byte, well-formed UTF-8 (no overlong
 *    form, no surrogate, nothing past U+10FFFF);
 *  - a name (names, titles, e-mail addresses, any one-line text): that, and
 *    no control character at all (C0 U+0000..U+001F, DEL, C1
 *    U+0080..U+009F: the escape sequences of terminals among them);
 *  - a note (entry notes, postal addresses, reasons): the same, but line
 *    breaks (U+000A) and tabs (U+0009) are kept; a carriage return is not.
 * Refusals name the field and the byte (counted from 1). */
juste_status rules_bytes_validate(const char *field, const char *s, size_t n, struct juste_err *e);
juste_status rules_name_validate(const char *field, const char *s, struct juste_err *e);
juste_status rules_note_validate(const char *field, const char *s, struct juste_err *e);

juste_status rules_expert_validate(const struct expert *x, struct juste_err *e);
juste_status rules_org_validate(const struct org *o, struct juste_err *e);
juste_status rules_ref_validate(const struct refitem *r, struct juste_err *e);
juste_status rules_mandate_validate(const struct mandate *m, struct juste_err *e);

/* An entry on mandate m by expert x: a valid work date within the mandate's
 * open..close dates and the expert's start..leave dates, 1..1440 minutes,
 * a note that fits.  The 24 h per day total needs the store: see timelog. */
juste_status rules_entry_validate(const struct entry *en, const struct mandate *m,
	const struct expert *x, struct juste_err *e);

/* Booleans in files: 1/0, oui/non, true/false (any case). */
juste_status rules_bool_parse(const char *field, const char *s, int *out, struct juste_err *e);

#endif
