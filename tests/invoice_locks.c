/*
 * invoice_locks.c - proves that the DATABASE (sql/004 triggers), not only
 * the program, refuses to change what an issued invoice froze.  It talks
 * SQL straight to the file, as a buggy program or a careless admin with a
 * connection that does say who is acting would, and checks each write is
 * refused (or allowed) with the trigger's message.  Everything runs in one
 * transaction that is rolled back: the database is left as it was.
 *
 * usage: invoice_locks DB   (DB holds a standing issued invoice, an entry
 * on it, and at least one entry on no invoice)
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static sqlite3 *db;
static int failures;

static void fn_actor(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	(void)argv;
	sqlite3_result_text(ctx, "invoice_locks", -1, SQLITE_STATIC);
}

static void fn_as(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	(void)argv;
	sqlite3_result_null(ctx);
}

static long long one(const char *sql)
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

/* Runs sql inside a savepoint; expects it refused with `msg` in the error
 * (or accepted when msg is NULL); undoes it either way. */
static void expect(const char *what, const char *sql, const char *msg)
{
	sqlite3_exec(db, "SAVEPOINT t", NULL, NULL, NULL);
	char *err = NULL;
	int rc = sqlite3_exec(db, sql, NULL, NULL, &err);
	int good = msg ? (rc != SQLITE_OK && err && strstr(err, msg)) : rc == SQLITE_OK;
	if (good) {
		printf("ok - %s%s%s\n", what, msg ? ": " : "", msg ? err : "");
	} else {
		printf("not ok - %s (rc %d: %s; expected %s)\n", what, rc, err ? err : "accepted", msg ? msg : "accepted");
		failures++;
	}
	sqlite3_free(err);
	sqlite3_exec(db, "ROLLBACK TO t; RELEASE t", NULL, NULL, NULL);
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: invoice_locks DB\n");
		return 2;
	}
	if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
		return 2;
	sqlite3_busy_timeout(db, 30000);
	sqlite3_create_function(db, "juste_actor", 0, SQLITE_UTF8, NULL, fn_actor, NULL, NULL);
	sqlite3_create_function(db, "juste_as", 0, SQLITE_UTF8, NULL, fn_as, NULL, NULL);
	sqlite3_exec(db, "PRAGMA foreign_keys = ON; BEGIN IMMEDIATE", NULL, NULL, NULL);

	long long inv = one("SELECT id FROM invoices_standing ORDER BY id LIMIT 1");
	long long entry = one("SELECT entry_id FROM invoice_entries l JOIN invoices_standing i ON i.id = l.invoice_id "
		"ORDER BY entry_id LIMIT 1");
	long long free_entry = one("SELECT id FROM entries e WHERE NOT EXISTS (SELECT 1 FROM invoice_entries l "
		"WHERE l.entry_id = e.id) ORDER BY id LIMIT 1");
	if (inv < 0 || entry < 0 || free_entry < 0) {
		fprintf(stderr, "invoice_locks: the database needs a standing invoice and a free entry\n");
		return 2;
	}
	char sql[1024];
#define Q(...) (snprintf(sql, sizeof sql, __VA_ARGS__), sql)

	/* entries billed by a standing invoice */
	expect("UPDATE of a billed entry", Q("UPDATE entries SET note = 'x' WHERE id = %lld", entry),
		"juste: entry on an issued invoice");
	expect("UPDATE of a billed entry's minutes", Q("UPDATE entries SET minutes = minutes + 1 WHERE id = %lld", entry),
		"juste: entry on an issued invoice");
	expect("DELETE of a billed entry", Q("DELETE FROM entries WHERE id = %lld", entry),
		"juste: entry kept with an issued invoice");
	expect("UPDATE of an entry on no invoice", Q("UPDATE entries SET note = 'ok' WHERE id = %lld", free_entry), NULL);

	/* the issued invoice itself */
	expect("UPDATE of an issued invoice's amounts",
		Q("UPDATE invoices SET subtotal_cents = subtotal_cents + 1, total_cents = total_cents + 1 WHERE id = %lld", inv),
		"juste: issued invoice is read-only");
	expect("UPDATE of an issued invoice's number", Q("UPDATE invoices SET number = 'X-1' WHERE id = %lld", inv),
		"juste: issued invoice is read-only");
	expect("UPDATE of an issued invoice's client name", Q("UPDATE invoices SET client_name = 'Autre' WHERE id = %lld", inv),
		"juste: issued invoice is read-only");
	expect("UPDATE of an issued invoice's tax rate", Q("UPDATE invoices SET tvq_rate = 9000 WHERE id = %lld", inv),
		"juste: issued invoice is read-only");
	expect("back to draft", Q("UPDATE invoices SET status = 'draft', number = NULL, seq = NULL, seq_year = NULL, "
		"issued_on = NULL, due_on = NULL WHERE id = %lld", inv), "juste: issued invoice is read-only");
	expect("DELETE of an issued invoice", Q("DELETE FROM invoices WHERE id = %lld", inv),
		"juste: issued invoice is read-only");
	expect("the reprint counter grows", Q("UPDATE invoices SET reprints = reprints + 1 WHERE id = %lld", inv), NULL);
	expect("the reprint counter never shrinks", Q("UPDATE invoices SET reprints = reprints + 1 WHERE id = %lld;"
		"UPDATE invoices SET reprints = reprints - 1 WHERE id = %lld", inv, inv), "juste: issued invoice is read-only");

	/* its lines and entry links */
	expect("UPDATE of an issued line", Q("UPDATE invoice_lines SET description = 'x' WHERE invoice_id = %lld", inv),
		"juste: issued invoice is read-only");
	expect("DELETE of an issued line", Q("DELETE FROM invoice_lines WHERE invoice_id = %lld", inv),
		"juste: issued invoice is read-only");
	expect("INSERT of a line into an issued invoice",
		Q("INSERT INTO invoice_lines(invoice_id, pos, kind, description, amount_cents) VALUES (%lld, 999, 'credit', 'x', -1)", inv),
		"juste: issued invoice is read-only");
	expect("DELETE of an issued entry link", Q("DELETE FROM invoice_entries WHERE invoice_id = %lld", inv),
		"juste: issued invoice is read-only");
	expect("DELETE of the sequence", "DELETE FROM invoice_sequences", "juste: issued invoice is read-only");
	expect("an issued invoice cannot be inserted directly",
		Q("INSERT INTO invoices(uuid, kind, status, number, seq_year, seq, client_id, client_name, period, issued_on, due_on, "
		  "tps_rate, tvq_rate, subtotal_cents, tps_cents, tvq_cents, total_cents) SELECT "
		  "'00000000-0000-0000-0000-000000000001', 'invoice', 'issued', 'F1999-0001', 1999, 1, client_id, client_name, period, "
		  "issued_on, due_on, tps_rate, tvq_rate, 0, 0, 0, 0 FROM invoices WHERE id = %lld", inv),
		"juste: issued invoice is read-only");

	/* issuing a draft: the number must be the next, the entry not billed twice */
	const char *draft = "INSERT INTO invoices(id, uuid, kind, status, client_id, client_name, period, tps_rate, tvq_rate, "
		"subtotal_cents, tps_cents, tvq_cents, total_cents) SELECT 999999, '00000000-0000-0000-0000-000000000002', "
		"'invoice', 'draft', client_id, client_name, period, tps_rate, tvq_rate, 0, 0, 0, 0 FROM invoices WHERE id = %lld;";
	char base[2048];
	snprintf(base, sizeof base, draft, inv);
	char full[4096];
	snprintf(full, sizeof full, "%s INSERT INTO invoice_sequences(kind, year, last) VALUES ('invoice', 2099, 5);"
		"UPDATE invoices SET status = 'issued', number = 'F2099-0005', seq_year = 2099, seq = 5, "
		"issued_on = '2099-01-01', due_on = '2099-01-31' WHERE id = 999999", base);
	expect("a number that leaves a gap", full, "juste: invoice number out of sequence");
	snprintf(full, sizeof full, "%s INSERT INTO invoice_sequences(kind, year, last) VALUES ('invoice', 2099, 1);"
		"UPDATE invoices SET status = 'issued', number = 'F2099-0001', seq_year = 2099, seq = 1, "
		"issued_on = '2099-01-01', due_on = '2099-01-31' WHERE id = 999999", base);
	expect("the next number of a fresh year", full, NULL);
	long long seq_inv = one("SELECT seq_year FROM invoices WHERE id = (SELECT id FROM invoices_standing ORDER BY id LIMIT 1)");
	long long last = one(Q("SELECT last FROM invoice_sequences WHERE kind = 'invoice' AND year = %lld", seq_inv));
	snprintf(full, sizeof full, "%s UPDATE invoice_sequences SET last = last + 1 WHERE kind = 'invoice' AND year = %lld;"
		"UPDATE invoices SET status = 'issued', number = 'DUP', seq_year = %lld, seq = %lld, "
		"issued_on = '2099-01-01', due_on = '2099-01-31' WHERE id = 999999", base, seq_inv, seq_inv, last);
	expect("a duplicate number", full, "juste: invoice number out of sequence");
	snprintf(full, sizeof full, "%s INSERT INTO invoice_lines(id, invoice_id, pos, kind, mandate_id, rate_cents, "
		"logged_minutes, billed_minutes, amount_cents) SELECT 999999, 999999, 1, 'hours', m.id, 6000, e.minutes, e.minutes, "
		"e.minutes * 100 FROM entries e JOIN mandates m ON m.id = e.mandate_id WHERE e.id = %lld;"
		"INSERT INTO invoice_entries(invoice_id, line_id, entry_id, expert_id, work_date, logged_minutes, billed_minutes) "
		"SELECT 999999, 999999, id, expert_id, work_date, minutes, minutes FROM entries WHERE id = %lld;"
		"UPDATE invoices SET subtotal_cents = (SELECT amount_cents FROM invoice_lines WHERE id = 999999), "
		"total_cents = (SELECT amount_cents FROM invoice_lines WHERE id = 999999) WHERE id = 999999;"
		"INSERT INTO invoice_sequences(kind, year, last) VALUES ('invoice', 2099, 1);"
		"UPDATE invoices SET status = 'issued', number = 'F2099-0001', seq_year = 2099, seq = 1, "
		"issued_on = '2099-01-01', due_on = '2099-01-31' WHERE id = 999999", base, entry, entry);
	expect("an entry billed twice", full, "juste: entry already billed");
	snprintf(full, sizeof full, "%s INSERT INTO invoice_sequences(kind, year, last) VALUES ('invoice', 2099, 1);"
		"UPDATE invoices SET subtotal_cents = 100, total_cents = 100 WHERE id = 999999;"
		"UPDATE invoices SET status = 'issued', number = 'F2099-0001', seq_year = 2099, seq = 1, "
		"issued_on = '2099-01-01', due_on = '2099-01-31' WHERE id = 999999", base);
	expect("totals that differ from the lines", full, "juste: invoice totals differ from its lines");

	sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(db);
	printf("# invoice_locks: %d failure(s)\n", failures);
	return failures ? 1 : 0;
}
