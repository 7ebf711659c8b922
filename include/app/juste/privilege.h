/*
 * privilege.h - the shared server's set-group-id, held for as little as
 * possible.
 *
 * On a shared server the juste binary is set-group-id `juste` and the
 * database directory is reachable by that group only: the binary is the
 * only door to the file, so that the role model holds even against a user
 * who can run any program.  main() calls privilege_init() first; the group
 * is then used only to open the database (and make SQLite open its -wal and
 * -shm files), and privilege_drop() gives it up for good before any user
 * file is read, any input parsed or the terminal started.  The descriptors
 * stay open; the process is not dumpable, so no other process of the user
 * can reach them through ptrace or /proc.
 *
 * Without the set-group-id bit (a single-user install, the demo, the
 * tests) there is nothing to drop and juste works as a plain program.
 */
#ifndef JUSTE_PRIVILEGE_H
#define JUSTE_PRIVILEGE_H

#include <stdbool.h>
#include "juste/err.h"

/* Records whether juste runs set-group-id (the effective gid differs from
 * the real one).  If so: not dumpable, no core file, and umask 007 so that
 * what SQLite creates beside the database stays in the group. */
juste_status privilege_init(struct juste_err *e);

/* True when started set-group-id: the shared server, even after the drop. */
bool privilege_shared(void);

/* True while the group is still held. */
bool privilege_held(void);

/* Gives up the group for good (real, effective and saved gid), restores the
 * user's umask, and checks the group cannot be regained.  A no-op when not
 * shared or already dropped. */
juste_status privilege_drop(struct juste_err *e);

#endif
