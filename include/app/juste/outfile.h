/*
 * outfile.h - every file juste writes, written one way: exports, `-o` of
 * every command, invoice and report PDFs, CSV, JSON, backups, the demo.
 *
 * Nothing appears at the target until the whole file is there:
 *  - the target is checked first: absent, or a regular file the user may
 *    write that is not an SQLite database; a symbolic link (never
 *    followed), a directory or anything else is refused before anything
 *    is created;
 *  - the bytes go to a new temporary file in the target's directory
 *    (".NAME-XXXXXX", O_CREAT | O_EXCL | O_NOFOLLOW, mode 0666 less the
 *    umask, or 0600 for a backup), through a stream whose every write is
 *    checked (the first error is kept, with its errno);
 *  - on success: flushed, fsync'ed, closed, checked again, renamed over
 *    the target, and the directory synced;
 *  - on any failure the temporary is removed, the target is as it was, and
 *    the message says why: "FILE : disque plein : rien n'a été écrit".
 * NULL or "-" as a path is standard output, whose errors are checked too.
 */
#ifndef JUSTE_OUTFILE_H
#define JUSTE_OUTFILE_H

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <sys/stat.h>

#include "juste/err.h"

struct outfile;

/* Checks path and opens its temporary (or standard output); *out is
 * NULL on failure. */
juste_status outfile_open(const char *path, struct outfile **out, struct juste_err *e);

/* The stream to write to (stdout for standard output). */
FILE *outfile_stream(struct outfile *f);

/* The errno of the first write that failed, 0 when none did. */
int outfile_errno(const struct outfile *f);

/* Puts the file in place (see above) and frees f, whatever happens. */
juste_status outfile_commit(struct outfile *f, struct juste_err *e);

/* Gives up: removes the temporary and frees f (NULL is fine). */
void outfile_abort(struct outfile *f);

/* The usual ending: st is the writer's status; commits when it is OK,
 * aborts otherwise; returns the first failure. */
juste_status outfile_end(struct outfile *f, juste_status st, struct juste_err *e);

/* ---- the pieces, for writers that let SQLite fill the temporary
 * (backup.c, demo.c) ---- */

/* The directory part of a path ("." for a bare name) and its last name;
 * a path ending in '/' is refused. */
juste_status outfile_split(const char *path, char dir[PATH_MAX], const char **base, struct juste_err *e);

/* What may stand at a target: nothing (*exists false), or a regular file
 * (*exists true, *sb its lstat); with must_be_new an existing file is a
 * conflict.  A symbolic link, a directory and anything else are refused. */
juste_status outfile_target_check(const char *path, bool must_be_new, struct stat *sb, bool *exists,
	struct juste_err *e);

/* A new empty file in dir, named ".STEM-XXXXXX", created with the given
 * mode (the umask applies): its path in tmp, its descriptor and stat. */
juste_status outfile_temp(const char *dir, const char *stem, mode_t mode, char tmp[PATH_MAX], int *fd,
	struct stat *sb, struct juste_err *e);

/* Removes tmp if it is still the file `mine` (another file put under that
 * name meanwhile is left alone). */
void outfile_discard(const char *tmp, const struct stat *mine);

/* rename(), or with no_clobber one that never replaces a file. */
juste_status outfile_rename(const char *from, const char *to, bool no_clobber, struct juste_err *e);

/* fsync of a directory, after a rename into it. */
juste_status outfile_dir_sync(const char *dir, struct juste_err *e);

/* The message for a failed write of path: "disque plein" for ENOSPC and
 * EDQUOT, strerror otherwise, and that nothing was written. */
juste_status outfile_io_fail(const char *path, int err, struct juste_err *e);

#endif
