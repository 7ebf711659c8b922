/*
 * fuzz_world.h - a small centre in a temporary database, built once per
 * fuzzing process, for the targets that import CSV files.
 *
 * The world is the fixtures of tests/fixtures (services, programs, orgs,
 * experts, mandates, entries, imported as `juste import` would), the
 * services of the rate fixtures and a rate table, with the process's own
 * user as admin.  Each input is written to a file of its own name and
 * imported; after an import that committed, fuzz_world_reset() puts the
 * database back as it was built, so that every input starts from the
 * same state and a crash reproduces from its input alone.
 */
#ifndef JUSTE_FUZZ_WORLD_H
#define JUSTE_FUZZ_WORLD_H

#include <stddef.h>
#include <stdint.h>
#include "juste/app.h"

/* Builds the world (once); exits with a message when it cannot. */
void fuzz_world_init(void);
struct app *fuzz_world_app(void);

/* Writes the input to the import file and returns its path. */
const char *fuzz_world_input(const uint8_t *data, size_t size);

/* The database as it was built: closes it, puts the built file back,
 * opens it again as the same admin. */
void fuzz_world_reset(void);

/* Rows of the audit logs (both): a write that committed adds some, so
 * an unchanged count says a refused import left nothing behind. */
long fuzz_world_audit_rows(void);
/* The count when the world was built. */
long fuzz_world_audit_built(void);

/* No transaction was left open: an import can still begin one (the app
 * does not say whether one is open; a use case that needs its own would
 * be refused). */
void fuzz_world_check_closed(const char *what);

/* Nothing wrong in the database, as `juste check` sees it. */
void fuzz_world_check(const char *what);

/* A refusal of the import of path names the file: "FILE:LINE: why" with
 * a line the file has, or "FILE : why" for the file as a whole. */
void fuzz_world_check_refusal(juste_status st, const struct juste_err *e, const char *path,
	const uint8_t *data, size_t size);

#endif
