/*
 * store_collate.c - the juste_fr collation that store_open() registers on
 * its connection sorts names in SQL as text_compare_fr sorts them in C,
 * decomposed accents included.  Prints TAP-like lines; exits non-zero on
 * the first wrong result.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "juste/text.h"
#include "store/store_internal.h"

static const char *sorted(sqlite3 *db, char *got, size_t n)
{
	sqlite3_stmt *st = NULL;
	const char *sql = "SELECT group_concat(n, '|') FROM (SELECT column1 AS n FROM (VALUES ('Zoé'), ('Édith'), "
		"('Brigitte'), ('Béatrice'), ('Emile'), ('côté'), ('coté'), ('côte'), ('cote'), "
		"('B' || char(0x65, 0x301) || 'atrix')) ORDER BY n COLLATE juste_fr)";
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		snprintf(got, n, "%s", (const char *)sqlite3_column_text(st, 0));
	else
		snprintf(got, n, "error: %s", sqlite3_errmsg(db));
	sqlite3_finalize(st);
	return got;
}

/* The database and its WAL files, then the scratch directory. */
static void cleanup(const char *dir, const char *path)
{
	static const char *const ext[] = { "", "-wal", "-shm" };
	char f[4200];
	for (int i = 0; i < 3; i++) {
		snprintf(f, sizeof f, "%s%s", path, ext[i]);
		unlink(f);
	}
	rmdir(dir);
}

int main(void)
{
	char dir[] = "/tmp/juste-collate.XXXXXX", path[4096], got[512];
	if (!mkdtemp(dir))
		return 1;
	snprintf(path, sizeof path, "%s/collate.db", dir);
	struct store *s = NULL;
	struct juste_err e = { 0 };
	if (store_open(path, STORE_CREATE, &s, &e) != JUSTE_OK) {
		printf("not ok - store_open: %s\n", e.msg);
		cleanup(dir, path);
		return 1;
	}
	const char *want = "Béatrice|Be\xCC\x81" "atrix|Brigitte|cote|côte|coté|côté|Édith|Emile|Zoé";
	int ok = strcmp(sorted(s->db, got, sizeof got), want) == 0;
	printf("%s - ORDER BY ... COLLATE juste_fr on a store connection%s%s%s%s\n", ok ? "ok" : "not ok",
		ok ? "" : ": got '", ok ? "" : got, ok ? "" : "', expected '", ok ? "" : want);
	store_close(s);
	cleanup(dir, path);
	text_shutdown();
	return !ok;
}
