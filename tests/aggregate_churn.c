/*
 * aggregate_churn.c - random writes straight to the file, as any program
 * holding it could make them, to prove that the triggers of sql/014 (not
 * only juste) keep the monthly sums of time exact: inserts, updates and
 * deletes of entries, and mandates changing billing mode or client.
 * Writes the database's own triggers refuse (24 h in a day, a closed
 * month) are skipped.  Prints how many writes of each kind went through.
 *
 * usage: aggregate_churn DB SEED COUNT
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

static sqlite3 *db;

static void fn_actor(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	(void)argv;
	sqlite3_result_text(ctx, "aggregate_churn", -1, SQLITE_STATIC);
}

static void fn_null(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	(void)argv;
	sqlite3_result_null(ctx);
}

static void fn_zero(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	(void)argv;
	sqlite3_result_int(ctx, 0);
}

/* A random value of the one-column query sql, or -1 when it has no row. */
static long long pick(const char *sql)
{
	sqlite3_stmt *st;
	long long v = -1;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
		fprintf(stderr, "prepare %s: %s\n", sql, sqlite3_errmsg(db));
		exit(2);
	}
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* Runs sql with the integers args; 1 when it changed a row. */
static int write_row(const char *sql, int n, const long long *args, const char *text)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
		fprintf(stderr, "prepare %s: %s\n", sql, sqlite3_errmsg(db));
		exit(2);
	}
	for (int i = 0; i < n; i++)
		sqlite3_bind_int64(st, i + 1, args[i]);
	if (text)
		sqlite3_bind_text(st, n + 1, text, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	int changed = rc == SQLITE_DONE && sqlite3_changes(db) > 0;
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE && rc != SQLITE_CONSTRAINT) {
		fprintf(stderr, "%s: %s\n", sql, sqlite3_errmsg(db));
		exit(2);
	}
	return changed;
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: aggregate_churn DB SEED COUNT\n");
		return 2;
	}
	if (sqlite3_open(argv[1], &db) != SQLITE_OK)
		return 2;
	sqlite3_create_function(db, "juste_actor", 0, SQLITE_UTF8, NULL, fn_actor, NULL, NULL);
	sqlite3_create_function(db, "juste_as", 0, SQLITE_UTF8, NULL, fn_null, NULL, NULL);
	sqlite3_create_function(db, "juste_bulk", 0, SQLITE_UTF8, NULL, fn_zero, NULL, NULL);
	sqlite3_exec(db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
	srand((unsigned)atoi(argv[2]));
	int count = atoi(argv[3]);
	int done[5] = { 0 };
	char uuid[37];
	for (int i = 0; i < count; i++) {
		int op = rand() % 100;
		long long a[4];
		if (op < 40) {
			a[0] = pick("SELECT id FROM experts ORDER BY random() LIMIT 1");
			a[1] = pick("SELECT id FROM mandates ORDER BY random() LIMIT 1");
			a[2] = rand() % 450;                     /* days after 2019-04-01 */
			a[3] = 1 + rand() % 240;
			snprintf(uuid, sizeof uuid, "00000000-0000-4000-8000-%012d", i);
			done[0] += write_row("INSERT INTO entries(uuid, expert_id, mandate_id, work_date, minutes) "
				"VALUES (?5, ?1, ?2, date('2019-04-01', '+' || ?3 || ' days'), ?4)", 4, a, uuid);
		} else if (op < 65) {
			a[0] = pick("SELECT id FROM entries ORDER BY random() LIMIT 1");
			a[1] = pick("SELECT id FROM experts ORDER BY random() LIMIT 1");
			a[2] = pick("SELECT id FROM mandates ORDER BY random() LIMIT 1");
			a[3] = rand() % 450;
			/* one column or all of them */
			static const char *const sql[] = {
				"UPDATE entries SET minutes = 1 + (?2 + ?3 + ?4) % 240 WHERE id = ?1",
				"UPDATE entries SET expert_id = ?2 WHERE id = ?1 AND ?3 + ?4 >= 0",
				"UPDATE entries SET mandate_id = ?3 WHERE id = ?1 AND ?2 + ?4 >= 0",
				"UPDATE entries SET work_date = date('2019-04-01', '+' || ?4 || ' days') WHERE id = ?1 AND ?2 + ?3 >= 0",
				"UPDATE entries SET expert_id = ?2, mandate_id = ?3, "
				"work_date = date('2019-04-01', '+' || ?4 || ' days'), minutes = 1 + ?4 % 240 WHERE id = ?1",
			};
			done[1] += write_row(sql[rand() % 5], 4, a, NULL);
		} else if (op < 85) {
			a[0] = pick("SELECT id FROM entries ORDER BY random() LIMIT 1");
			done[2] += write_row("DELETE FROM entries WHERE id = ?1", 1, a, NULL);
		} else if (op < 93) {
			a[0] = pick("SELECT id FROM mandates WHERE billing <> 'forfait' ORDER BY random() LIMIT 1");
			done[3] += write_row("UPDATE mandates SET billing = CASE billing WHEN 'horaire' THEN 'non_facturable' "
				"ELSE 'horaire' END WHERE id = ?1", 1, a, NULL);
		} else {
			a[0] = pick("SELECT id FROM mandates ORDER BY random() LIMIT 1");
			a[1] = pick("SELECT id FROM orgs ORDER BY random() LIMIT 1");
			done[4] += write_row("UPDATE mandates SET client_id = ?2 WHERE id = ?1", 2, a, NULL);
		}
	}
	printf("%d %d %d %d %d\n", done[0], done[1], done[2], done[3], done[4]);
	sqlite3_close(db);
	return 0;
}
