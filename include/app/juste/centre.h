/*
 * centre.h - the centre's identity on what it sends.  Until an admin sets
 * the centre's own TPS and TVQ numbers, the policy's identity is the
 * shipped example (policy_example_key()): an invoice is never issued under
 * it, and `juste check` says so.  The demonstration database is the
 * exception: its centre is that example on purpose.
 */
#ifndef JUSTE_CENTRE_H
#define JUSTE_CENTRE_H

#include <stdbool.h>
#include <stddef.h>
#include "juste/app.h"

/* JUSTE_EDENIED, naming the key still the example's and how to set it,
 * while the identity is the example (outside the demo); JUSTE_OK else. */
juste_status centre_require_own(struct app *a, struct juste_err *e);

/* The finding `juste check` prints for the same condition: true, with the
 * translated line in buf, when there is one. */
bool centre_example_finding(struct app *a, char *buf, size_t n);

#endif
