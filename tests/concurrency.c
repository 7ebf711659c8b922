/*
 * concurrency.c - N processes log M entries each, at once, into one
 * database, each entry its own transaction through timelog_add(), the path
 * every front end uses.  Exits 0 only if every process succeeded and the
 * database holds exactly N x M more entries.
 *
 * usage: concurrency DB N M   (experts c1..cN and mandate M-1 must exist)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "juste/app.h"
#include "juste/store.h"
#include "juste/timelog.h"

static int count_cb(void *ctx, const struct entry *x)
{
	(void)x;
	(*(long *)ctx)++;
	return 0;
}

static long count_entries(const char *db)
{
	struct store *s = NULL;
	struct juste_err e = { 0 };
	long n = 0;
	struct entry_filter f = { 0 };
	if (store_open(db, 0, &s, &e) || store_entry_query(s, &f, count_cb, &n, &e)) {
		fprintf(stderr, "count: %s\n", e.msg);
		n = -1;
	}
	store_close(s);
	return n;
}

static int child(const char *db, int k, int m)
{
	struct app *a = NULL;
	struct juste_err e = { 0 };
	char login[16];
	snprintf(login, sizeof login, "c%d", k);
	if (app_new(&a, &e) || app_open(a, db, 0, &e) || app_identify(a, login, &e)) {
		fprintf(stderr, "%s: %s\n", login, e.msg);
		app_free(a);
		return 1;
	}
	int rc = 0;
	for (int i = 0; i < m && !rc; i++) {
		struct entry x;
		memset(&x, 0, sizeof x);
		snprintf(x.expert, sizeof x.expert, "%s", login);
		snprintf(x.mandate, sizeof x.mandate, "M-1");
		/* spread over days so the 24 h rule never bites: 200 x 5 min */
		date_format(date_from_ymd(2020, 1, 1) + i % 60, x.work_date);
		x.minutes = 5;
		snprintf(x.note, sizeof x.note, "process %d entry %d", k, i);
		if (timelog_add(a, &x, &e)) {
			fprintf(stderr, "%s entry %d: %s\n", login, i, e.msg);
			rc = 1;
		}
	}
	app_free(a);
	return rc;
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: concurrency DB N M\n");
		return 2;
	}
	const char *db = argv[1];
	int n = atoi(argv[2]), m = atoi(argv[3]);
	long before = count_entries(db);
	/* Draw from the UUID pool before forking: a child must get random
	 * bytes of its own, never a copy of the parent's pool.  The random part
	 * (after the timestamp) of the child's next UUID and the parent's next
	 * one would be equal if the pool were shared. */
	char warm[UUID_LEN], mine[UUID_LEN], theirs[UUID_LEN] = "";
	store_uuid(warm);
	int fd[2];
	if (pipe(fd) != 0)
		return 1;
	pid_t kid = fork();
	if (kid == 0) {
		store_uuid(mine);
		_exit(write(fd[1], mine, UUID_LEN) == UUID_LEN ? 0 : 1);
	}
	close(fd[1]);
	if (read(fd[0], theirs, UUID_LEN) != UUID_LEN)
		theirs[0] = '\0';
	close(fd[0]);
	waitpid(kid, NULL, 0);
	store_uuid(mine);
	if (!theirs[0] || strcmp(mine + 15, theirs + 15) == 0) {
		fprintf(stderr, "a forked child reused the parent's UUID bytes: %s / %s\n", mine, theirs);
		return 1;
	}
	pid_t *pids = calloc((size_t)n, sizeof *pids);
	if (!pids || before < 0)
		return 1;
	for (int k = 1; k <= n; k++) {
		pid_t p = fork();
		if (p == 0)
			_exit(child(db, k, m));
		pids[k - 1] = p;
	}
	int failures = 0;
	for (int k = 0; k < n; k++) {
		int status = 0;
		waitpid(pids[k], &status, 0);
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
			failures++;
	}
	free(pids);
	long after = count_entries(db);
	printf("%d processes x %d entries: %d failed, %ld entries added\n", n, m, failures, after - before);
	return failures == 0 && after - before == (long)n * m ? 0 : 1;
}
