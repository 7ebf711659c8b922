/*
 * cmdline.h - a command line written in a setting ("/usr/sbin/sendmail -t
 * -i") split into the words of an argv, the way a shell would split it but
 * without a shell: no variables, no globs, no redirections, nothing run.
 *
 * Words are separated by blanks (space, tab); inside a word, '…' keeps
 * everything literally, "…" keeps everything but \" and \\, and outside
 * quotes a backslash keeps the next character.  An unbalanced quote, a
 * trailing backslash, an empty line, too many words or a line longer than
 * the buffer is refused.  The first word must be an absolute path: the
 * program run is the one the setting names, never one found through PATH.
 *
 * Pure; the app execs the result (mail.c).
 */
#ifndef JUSTE_CMDLINE_H
#define JUSTE_CMDLINE_H

#include <stddef.h>
#include "juste/err.h"

#define CMDLINE_MAX_ARGS 32
#define CMDLINE_LEN 512

struct cmdline {
	char buf[CMDLINE_LEN];          /* the words, each NUL-terminated */
	char *argv[CMDLINE_MAX_ARGS + 1]; /* into buf, NULL-terminated */
	int argc;
};

/* Splits line into out; messages name the problem ("guillemet non
 * fermé"), the caller prefixes them with the setting's name. */
juste_status cmdline_split(const char *line, struct cmdline *out, struct juste_err *e);

#endif
