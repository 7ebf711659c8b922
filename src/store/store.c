/*
 * store.c - the connection: open, pragmas, migrations, transactions, and the
 * helpers every other store file uses.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <uuid/uuid.h>

#include "store/migrations.h"
#include "store/store_collate.h"
#include "store/store_internal.h"

/* Long enough that fifty people logging at once queue instead of failing:
 * a write transaction of juste lasts milliseconds. */
#define STORE_BUSY_TIMEOUT_MS 30000

static char *xstrdup(const char *s)
{
	return s ? strdup(s) : NULL;
}

/* The audit triggers ask the connection who is acting.  A connection that
 * never said (a raw sqlite3 shell) cannot write audited tables at all. */
static void fn_actor(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct store *s = sqlite3_user_data(ctx);
	(void)argc;
	(void)argv;
	if (!s->actor) {
		sqlite3_result_error(ctx, "juste: unknown actor", -1);
		return;
	}
	sqlite3_result_text(ctx, s->actor, -1, SQLITE_TRANSIENT);
}

static void fn_as(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct store *s = sqlite3_user_data(ctx);
	(void)argc;
	(void)argv;
	if (s->as_login)
		sqlite3_result_text(ctx, s->as_login, -1, SQLITE_TRANSIENT);
	else
		sqlite3_result_null(ctx);
}

static void fn_bulk(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct store *s = sqlite3_user_data(ctx);
	(void)argc;
	(void)argv;
	sqlite3_result_int(ctx, s->bulk);
}

static juste_status mkdir_parents(const char *path, struct juste_err *e)
{
	char *dir = strdup(path);
	if (!dir)
		return err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	char *slash = strrchr(dir, '/');
	if (!slash || slash == dir) {
		free(dir);
		return JUSTE_OK;
	}
	*slash = '\0';
	for (char *p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0775) != 0 && errno != EEXIST) {
			juste_status st = err_set(e, JUSTE_EIO, N_("impossible de créer le dossier %s : %s"), dir, strerror(errno));
			free(dir);
			return st;
		}
		*p = '/';
	}
	juste_status st = JUSTE_OK;
	if (mkdir(dir, 0775) != 0 && errno != EEXIST)
		st = err_set(e, JUSTE_EIO, N_("impossible de créer le dossier %s : %s"), dir, strerror(errno));
	free(dir);
	return st;
}

static juste_status exec(struct store *s, const char *sql, const char *what, struct juste_err *e)
{
	char *msg = NULL;
	int rc = sqlite3_exec(s->db, sql, NULL, NULL, &msg);
	if (rc == SQLITE_OK)
		return JUSTE_OK;
	juste_status st = store_fail(s, rc, what, e);
	sqlite3_free(msg);
	return st;
}

static int user_version(struct store *s)
{
	sqlite3_stmt *st;
	int v = -1;
	if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

#define FK_OFF_MARK "-- juste: foreign-keys-off"

/* After a table rebuild: every reference still points at a row. */
static juste_status foreign_keys_hold(struct store *s, const char *what, struct juste_err *e)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, "SELECT 1 FROM pragma_foreign_key_check LIMIT 1", -1, &st, NULL) != SQLITE_OK)
		return store_fail(s, sqlite3_errcode(s->db), what, e);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return err_set(e, JUSTE_EIO, N_("%s : clé étrangère rompue après reconstruction"), what);
	return rc == SQLITE_DONE ? JUSTE_OK : store_fail(s, rc, what, e);
}

/* Each migration runs in its own IMMEDIATE transaction and re-reads the
 * version inside it, so two processes opening a new database at once apply
 * each file exactly once. */
static juste_status migrate(struct store *s, struct juste_err *e)
{
	int v = user_version(s);
	if (v > store_migrations_count)
		return err_set(e, JUSTE_EIO, N_("%s : base de données d'une version plus récente de juste (schéma %d, connu %d)"),
			s->path, v, store_migrations_count);
	while (v < store_migrations_count) {
		/* A migration that rebuilds a table says so on its first line:
		 * foreign keys are then off while it runs (the pragma is a no-op
		 * inside a transaction) and verified before it commits. */
		bool fk_off = strncmp(store_migrations[v].sql, FK_OFF_MARK, strlen(FK_OFF_MARK)) == 0;
		juste_status st;
		if (fk_off && (st = exec(s, "PRAGMA foreign_keys = OFF", "migration", e)))
			return st;
		st = exec(s, "BEGIN IMMEDIATE", "migration", e);
		if (st)
			return st;
		v = user_version(s);
		if (v >= store_migrations_count) {
			exec(s, "COMMIT", "migration", NULL);
			if (fk_off)
				exec(s, "PRAGMA foreign_keys = ON", "migration", NULL);
			break;
		}
		if (fk_off != (strncmp(store_migrations[v].sql, FK_OFF_MARK, strlen(FK_OFF_MARK)) == 0)) {
			/* another process migrated meanwhile: start this step again */
			exec(s, "ROLLBACK", "migration", NULL);
			exec(s, "PRAGMA foreign_keys = ON", "migration", NULL);
			continue;
		}
		const struct migration *m = &store_migrations[v];
		char pragma[64];
		snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", v + 1);
		st = exec(s, m->sql, m->name, e);
		if (!st && fk_off)
			st = foreign_keys_hold(s, m->name, e);
		if (!st)
			st = exec(s, pragma, m->name, e);
		if (!st)
			st = exec(s, "COMMIT", m->name, e);
		if (st) {
			exec(s, "ROLLBACK", m->name, NULL);
			if (fk_off)
				exec(s, "PRAGMA foreign_keys = ON", m->name, NULL);
			return err_prefix(e, N_("migration %s : "), m->name);
		}
		if (fk_off && (st = exec(s, "PRAGMA foreign_keys = ON", m->name, e)))
			return st;
		v++;
	}
	return JUSTE_OK;
}

/* SQLite says "disk I/O error" when the -shm or -wal cannot grow: the
 * system's errno tells a full disk apart. */
static bool disk_full(struct store *s, int rc)
{
	int sys = sqlite3_system_errno(s->db), prim = rc & 0xff;
	return prim == SQLITE_FULL || ((prim == SQLITE_IOERR || prim == SQLITE_CANTOPEN) && (sys == ENOSPC || sys == EDQUOT));
}

/* Waiting for another writer's lock.  SQLite's own timeout handler
 * sleeps longer and longer, up to 100 ms a time, so in a herd of writers
 * one that has waited a while keeps sleeping after the lock is free while
 * newer ones get in (test_concurrency, under load, saw one wait out its
 * 30 s).  Here the sleeps grow only to 4 ms, jittered (half to one and a
 * half times) so that waiters do not wake together: few enough wake-ups
 * that fifty waiters do not take the machine from the writer they wait
 * for.  The same STORE_BUSY_TIMEOUT_MS in all. */
static int busy_wait(void *ctx, int n)
{
	struct store *s = ctx;
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (n == 0)
		s->busy_since = now;
	int64_t waited_ms = (int64_t)(now.tv_sec - s->busy_since.tv_sec) * 1000
		+ (now.tv_nsec - s->busy_since.tv_nsec) / 1000000;
	if (waited_ms >= STORE_BUSY_TIMEOUT_MS)
		return 0;
	long step = 250000L << (n < 4 ? n : 4);                  /* 0.25 ms .. 4 ms */
	struct timespec d = { 0, step / 2 + (long)(rand_r(&s->busy_seed) % (unsigned)step) };
	nanosleep(&d, NULL);
	return 1;
}

juste_status store_open(const char *path, int flags, struct store **out, struct juste_err *e)
{
	*out = NULL;
	if (!path || !*path)
		return err_set(e, JUSTE_EINVAL, N_("chemin de base de données vide"));
	struct stat sb;
	/* stat, not access: access() asks with the real gid, and the shared
	 * server's directory is reachable only with the effective one */
	if (!(flags & STORE_CREATE) && stat(path, &sb) != 0 && errno == ENOENT)
		return err_set(e, JUSTE_ENOTFOUND, N_("base de données introuvable : %s (créez-la avec « juste init »)"), path);
	if (flags & STORE_CREATE) {
		juste_status st = mkdir_parents(path, e);
		if (st)
			return st;
	}
	if ((flags & STORE_SHARED) && (flags & STORE_CREATE)) {
		/* SQLite gives its -wal and -shm the database's mode: 0660 here
		 * keeps all three writable by the group and nobody else. */
		int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0660);
		if (fd < 0 && errno != EEXIST)
			return err_set(e, JUSTE_EIO, N_("impossible de créer %s : %s"), path, strerror(errno));
		if (fd >= 0)
			close(fd);
	}
	struct store *s = calloc(1, sizeof *s);
	if (!s)
		return err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	s->path = xstrdup(path);
	/* one connection per process and thread: no need for SQLite's mutexes */
	int oflags = SQLITE_OPEN_NOMUTEX | ((flags & STORE_READONLY) ? SQLITE_OPEN_READONLY
		: SQLITE_OPEN_READWRITE | ((flags & STORE_CREATE) ? SQLITE_OPEN_CREATE : 0));
	int rc = sqlite3_open_v2(path, &s->db, oflags, NULL);
	if (rc != SQLITE_OK) {
		juste_status st = err_set(e, JUSTE_EIO, N_("impossible d'ouvrir %s : %s"), path,
			s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc));
		store_close(s);
		return st;
	}
	if (flags & STORE_SHARED) {
		/* Nobody deletes the -wal on close (the group may be gone by
		 * then); SQLite ignores a failed delete, but a kept file is
		 * simply reused. */
		int persist = 1;
		sqlite3_file_control(s->db, "main", SQLITE_FCNTL_PERSIST_WAL, &persist);
	}
	s->busy_seed = (unsigned)getpid() ^ (unsigned)(uintptr_t)s;
	sqlite3_busy_handler(s->db, busy_wait, s);
	sqlite3_extended_result_codes(s->db, 1);
	sqlite3_create_function(s->db, "juste_actor", 0, SQLITE_UTF8, s, fn_actor, NULL, NULL);
	sqlite3_create_function(s->db, "juste_as", 0, SQLITE_UTF8, s, fn_as, NULL, NULL);
	sqlite3_create_function(s->db, "juste_bulk", 0, SQLITE_UTF8, s, fn_bulk, NULL, NULL);
	store_collate_register(s->db);

	/* WAL lets readers (the manager's screens) run beside writers; FULL
	 * makes a commit durable across power loss, not only a crash. */
	juste_status st = exec(s, "PRAGMA foreign_keys = ON", path, e);
	/* Temporary tables and sorts in memory: no file is ever created
	 * outside the database's directory, with whatever group. */
	if (!st)
		st = exec(s, "PRAGMA temp_store = MEMORY", path, e);
	if (!st && !(flags & STORE_READONLY)) {
		st = exec(s, "PRAGMA journal_mode = WAL", path, e);
		if (!st)
			st = exec(s, "PRAGMA synchronous = FULL", path, e);
		/* 32 MB of page cache: enough for the hot index pages of a
		 * million-entry import, well under its 64 MB budget. */
		if (!st)
			st = exec(s, "PRAGMA cache_size = -32768", path, e);
		/* (temp_store = MEMORY above also keeps trigger statements'
		 * journals off the disk: a dozen writes per inserted row.) */
		if (!st)
			st = migrate(s, e);
	}
	if (st && disk_full(s, sqlite3_extended_errcode(s->db)))
		st = err_set(e, JUSTE_EIO, N_("%s : disque plein : la base ne peut pas être ouverte ; libérez de la place (rien n'a été écrit)"),
			path);
	if (!st && user_version(s) < 1)
		st = err_set(e, JUSTE_EIO, N_("%s n'est pas une base de données juste"), path);
	if (st) {
		store_close(s);
		return st;
	}
	*out = s;
	return JUSTE_OK;
}

void store_close(struct store *s)
{
	if (!s)
		return;
	for (int i = 0; i < STORE_MAX_STMTS; i++)
		sqlite3_finalize(s->stmts[i]);
	if (s->db) {
		if (s->in_tx)
			sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
		sqlite3_close_v2(s->db);
	}
	free(s->path);
	free(s->actor);
	free(s->as_login);
	free(s);
}

const char *store_path(const struct store *s)
{
	return s->path;
}

int store_schema_version(struct store *s)
{
	return user_version(s);
}

void store_set_actor(struct store *s, const char *actor, const char *as_login)
{
	free(s->actor);
	free(s->as_login);
	s->actor = xstrdup(actor);
	s->as_login = (as_login && *as_login) ? xstrdup(as_login) : NULL;
}

juste_status store_begin(struct store *s, struct juste_err *e)
{
	if (s->in_tx)
		return err_set(e, JUSTE_EINVAL, N_("transaction déjà ouverte"));
	juste_status st = exec(s, "BEGIN IMMEDIATE", "BEGIN", e);
	if (!st)
		s->in_tx = 1;
	return st;
}

juste_status store_commit(struct store *s, struct juste_err *e)
{
	if (!s->in_tx)
		return err_set(e, JUSTE_EINVAL, N_("aucune transaction ouverte"));
	juste_status st = exec(s, "COMMIT", "COMMIT", e);
	if (st) {
		exec(s, "ROLLBACK", "ROLLBACK", NULL);
	}
	s->in_tx = 0;
	return st;
}

void store_rollback(struct store *s)
{
	if (!s || !s->in_tx)
		return;
	sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	s->in_tx = 0;
	s->bulk = 0;
}

juste_status store_bulk_begin(struct store *s, struct juste_err *e)
{
	if (!s->in_tx)
		return err_set(e, JUSTE_EINVAL, N_("import en bloc hors transaction"));
	s->bulk = 1;
	s->bulk_first = s->bulk_last = s->bulk_rows = 0;
	return JUSTE_OK;
}

/* The imported entries (ids bulk_first .. bulk_last, the import's only
 * writes to entries) added to the monthly sums of sql/014 by grouped
 * passes at the end: the insert trigger stands aside while juste_bulk() is
 * 1.  Measured on 1 000 000 entries, one grouped pass costs less CPU than
 * two upserts per row, but sorting all the rows at once took 60 MB; a
 * slice of BULK_SLICE ids at a time keeps the sort small. */
#define BULK_SLICE 50000
static juste_status bulk_aggregate(struct store *s, struct juste_err *e)
{
	static const char *const sql[] = {
		"INSERT INTO time_mandate_month(month, mandate_id, minutes) "
		"SELECT substr(work_date, 1, 7), mandate_id, sum(minutes) FROM entries "
		"WHERE id BETWEEN ?1 AND ?2 GROUP BY 1, 2 "
		"ON CONFLICT(month, mandate_id) DO UPDATE SET minutes = minutes + excluded.minutes",
		"INSERT INTO time_expert_month(month, expert_id, billable, internal) "
		"SELECT substr(e.work_date, 1, 7), e.expert_id, "
		"sum(CASE WHEN m.billing IN " SQL_BILLABLE " THEN e.minutes ELSE 0 END), "
		"sum(CASE WHEN m.billing IN " SQL_BILLABLE " THEN 0 ELSE e.minutes END) "
		"FROM entries e JOIN mandates m ON m.id = e.mandate_id "
		"WHERE e.id BETWEEN ?1 AND ?2 GROUP BY 1, 2 "
		"ON CONFLICT(month, expert_id) DO UPDATE SET billable = billable + excluded.billable, "
		"internal = internal + excluded.internal",
	};
	juste_status r = JUSTE_OK;
	for (size_t i = 0; !r && i < sizeof sql / sizeof sql[0]; i++) {
		sqlite3_stmt *st;
		if (sqlite3_prepare_v2(s->db, sql[i], -1, &st, NULL) != SQLITE_OK)
			return store_fail(s, sqlite3_errcode(s->db), "time_month", e);
		for (int64_t lo = s->bulk_first; !r && lo <= s->bulk_last; lo += BULK_SLICE) {
			int64_t hi = lo + BULK_SLICE - 1 < s->bulk_last ? lo + BULK_SLICE - 1 : s->bulk_last;
			sqlite3_bind_int64(st, 1, lo);
			sqlite3_bind_int64(st, 2, hi);
			r = store_step_done(s, st, "time_month", e);
			sqlite3_reset(st);
		}
		sqlite3_finalize(st);
	}
	return r;
}

juste_status store_bulk_end(struct store *s, const char *label, struct juste_err *e)
{
	if (!s->bulk)
		return JUSTE_OK;
	s->bulk = 0;
	if (s->bulk_rows == 0)
		return JUSTE_OK;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, "INSERT INTO audit(actor, as_login, entity, entity_id, action, after) "
		"VALUES (juste_actor(), juste_as(), ?5, ?1, ?6, "
		"json_object('import', ?2, 'rows', ?3, 'first_id', ?1, 'last_id', ?4))", -1, &st, NULL) != SQLITE_OK)
		return store_fail(s, sqlite3_errcode(s->db), "audit", e);
	sqlite3_bind_int64(st, 1, s->bulk_first);
	sqlite3_bind_text(st, 2, label, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, s->bulk_rows);
	sqlite3_bind_int64(st, 4, s->bulk_last);
	store_bind_word(st, 5, VOCAB_ENTITY, ENTITY_ENTRY);
	store_bind_word(st, 6, VOCAB_ACTION, ACTION_INSERT);
	juste_status r = store_step_done(s, st, "audit", e);
	sqlite3_finalize(st);
	if (!r)
		r = bulk_aggregate(s, e);
	return r;
}

bool store_in_transaction(const struct store *s)
{
	return s->in_tx != 0;
}

/* Random bytes for UUIDs, drawn from the kernel a page at a time: asking
 * for each UUID separately (as uuid_generate_random does, mixing in rand()
 * each time) was a tenth of the cost of importing a million entries.  A
 * child of fork() empties its copy of the pool, so two processes never
 * share bytes; checking getpid() on every call instead cost a syscall per
 * row. */
static unsigned char uuid_pool[4096];
static size_t uuid_left;

static void uuid_pool_forget(void)
{
	uuid_left = 0;
}

static void register_fork_handler(void)
{
	pthread_atfork(NULL, NULL, uuid_pool_forget);
}

static void uuid_random(unsigned char *out, size_t n)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	if (uuid_left < n) {
		size_t got = 0;
		while (got < sizeof uuid_pool) {
			ssize_t r = getrandom(uuid_pool + got, sizeof uuid_pool - got, 0);
			if (r <= 0)
				break;
			got += (size_t)r;
		}
		if (got < sizeof uuid_pool) {
			/* no getrandom: let libuuid find its own randomness */
			uuid_t u;
			uuid_generate_random(u);
			memcpy(out, u, n < sizeof u ? n : sizeof u);
			return;
		}
		pthread_once(&once, register_fork_handler);
		uuid_left = sizeof uuid_pool;
	}
	memcpy(out, uuid_pool + sizeof uuid_pool - uuid_left, n);
	uuid_left -= n;
}

/* UUID version 7 (RFC 9562), formatted by libuuid: a 48-bit millisecond
 * timestamp, then random bits.  Time-ordered ids land at the right edge of
 * the uuid index instead of at random pages, which keeps an import of a
 * million entries from thrashing the page cache. */
void store_uuid(char out[UUID_LEN])
{
	uuid_t u;
	struct timespec ts;
	uuid_random(u + 6, sizeof u - 6);
	clock_gettime(CLOCK_REALTIME, &ts);
	uint64_t ms = (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
	for (int i = 0; i < 6; i++)
		u[i] = (unsigned char)(ms >> (40 - 8 * i));
	u[6] = (unsigned char)(0x70 | (u[6] & 0x0f));
	u[8] = (unsigned char)(0x80 | (u[8] & 0x3f));
	uuid_unparse_lower(u, out);
}

sqlite3_stmt *store_stmt(struct store *s, int id, const char *sql, struct juste_err *e)
{
	if (id < 0 || id >= STORE_MAX_STMTS) {
		err_set(e, JUSTE_EIO, "store: statement %d out of range", id);
		return NULL;
	}
	sqlite3_stmt *st = s->stmts[id];
	if (!st) {
		if (sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
			err_set(e, JUSTE_EIO, N_("requête invalide : %s"), sqlite3_errmsg(s->db));
			return NULL;
		}
		s->stmts[id] = st;
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return st;
}

/* Messages raised by triggers start with "juste:"; they are mapped to the
 * translated text here so the schema stays free of any language. */
static const struct {
	const char *raised;
	const char *msg;
} trigger_msgs[] = {
	{ "juste: more than 24 h in one day for one person", N_("plus de 24 h en une journée pour une même personne") },
	{ "juste: unknown actor", N_("écriture refusée : utilisateur inconnu (passez par juste)") },
	{ "juste: entry on an issued invoice", N_("saisie sur une facture émise : elle ne peut plus être modifiée ni supprimée") },
	{ "juste: entry kept with an issued invoice", N_("saisie conservée avec une facture émise (même créditée) : elle ne peut être supprimée") },
	{ "juste: issued invoice is read-only", N_("facture émise : elle ne se modifie ni ne se supprime (faites une note de crédit)") },
	{ "juste: invoice totals differ from its lines", N_("les totaux de la facture ne correspondent pas à ses lignes") },
	{ "juste: invoice number out of sequence", N_("numéro de facture hors séquence (la numérotation doit rester sans trou)") },
	{ "juste: entry already billed", N_("une saisie est déjà sur une autre facture émise") },
	{ "juste: credit note does not match its invoice", N_("la note de crédit ne correspond à aucune facture émise de ce client") },
	{ "juste: credit exceeds its invoice", N_("le crédit dépasse le solde de la facture") },
	{ "juste: entry in a closed month", N_("saisie d'un mois fermé : elle ne peut plus être modifiée") },
	{ "juste: a closed month is reopened, not changed", N_("un mois fermé se rouvre, il ne se modifie pas") },
	{ "juste: the month log is append-only", N_("le journal des mois fermés ne se modifie pas") },
	{ "juste: the audit log is append-only", N_("le journal d'audit ne se modifie pas") },
	{ "juste: rates are never changed; a correction is a new table", N_("un taux ne se modifie jamais ; une correction est une nouvelle table") },
	{ "juste: credit exceeds a tax of its invoice", N_("le crédit dépasse ce qui reste d'une taxe de la facture") },
	{ "juste: a full credit leaves nothing of its invoice", N_("une note de crédit complète doit solder la facture, et celle qui la solde est complète") },
	{ "juste: numbers follow issue dates", N_("date d'émission antérieure à la dernière pièce numérotée : les numéros suivent les dates") },
	{ "juste: invoice dated before its period", N_("facture datée avant le mois qu'elle facture") },
	{ "juste: invoice bills work after its date", N_("la facture comprend du travail postérieur à sa date d'émission") },
	{ "juste: credit note dated before its invoice", N_("note de crédit datée avant la facture qu'elle corrige") },
};

/* Named CHECK constraints (SQLite says "CHECK constraint failed: NAME"),
 * each as a sentence; an unnamed one gets a sentence too, never SQLite's
 * own words. */
static const struct {
	const char *name;
	const char *msg;
} check_msgs[] = {
	{ "org_province_in_canada", N_("une organisation au Canada a une province, une organisation hors du Canada n'en a pas") },
	{ "tax_regime_hst_rate", N_("un régime de TVH a son taux, et seulement lui") },
	{ "invoice_tvq_slot", N_("seul le régime TPS et TVQ (Québec) porte de la TVQ") },
	{ "invoice_zero_rated", N_("une facture détaxée n'a aucune taxe et dit pourquoi") },
	{ "invoice_place_of_supply", N_("lieu de fourniture invalide (code à deux lettres)") },
	{ "juste: not on the mandate team", N_("le mandat a une équipe et cette personne n'en fait pas partie") },
	{ "juste: entry in a submitted week", N_("semaine soumise ou approuvée : ses saisies ne changent plus") },
};

juste_status store_fail(struct store *s, int rc, const char *what, struct juste_err *e)
{
	const char *msg = sqlite3_errmsg(s->db);
	for (size_t i = 0; i < sizeof trigger_msgs / sizeof trigger_msgs[0]; i++)
		if (strstr(msg, trigger_msgs[i].raised))
			return err_set(e, JUSTE_ECONFLICT, "%s : %s", what, err_translate ? err_translate(trigger_msgs[i].msg) : trigger_msgs[i].msg);
	if (disk_full(s, rc))
		return err_set(e, JUSTE_EIO, N_("%s : disque plein, rien n'a été écrit"), what);
	switch (rc) {
	case SQLITE_CONSTRAINT_UNIQUE:
	case SQLITE_CONSTRAINT_PRIMARYKEY:
		return err_set(e, JUSTE_ECONFLICT, N_("%s existe déjà"), what);
	case SQLITE_CONSTRAINT_FOREIGNKEY:
		return err_set(e, JUSTE_ECONFLICT, N_("%s : référencé ailleurs ou référence inconnue"), what);
	case SQLITE_CONSTRAINT_CHECK:
		for (size_t i = 0; i < sizeof check_msgs / sizeof check_msgs[0]; i++)
			if (strstr(msg, check_msgs[i].name))
				return err_set(e, JUSTE_EINVAL, "%s : %s", what,
					err_translate ? err_translate(check_msgs[i].msg) : check_msgs[i].msg);
		return err_set(e, JUSTE_EINVAL, N_("%s : valeur refusée par les règles de la base (montant, date ou mot hors des valeurs permises)"), what);
	case SQLITE_CONSTRAINT_NOTNULL:
		return err_set(e, JUSTE_EINVAL, N_("%s : une valeur obligatoire manque"), what);
	case SQLITE_CONSTRAINT_TRIGGER:
		/* a RAISE's own text (every one of juste's is mapped above) */
		return err_set(e, JUSTE_ECONFLICT, "%s : %s", what, msg);
	case SQLITE_BUSY:
	case SQLITE_BUSY_SNAPSHOT:
	case SQLITE_LOCKED:
		return err_set(e, JUSTE_EBUSY, N_("%s : base de données occupée, réessayez"), what);
	case SQLITE_FULL:
		return err_set(e, JUSTE_EIO, N_("%s : disque plein, rien n'a été écrit"), what);
	default:
		return err_set(e, JUSTE_EIO, N_("%s : erreur de base de données : %s"), what, msg);
	}
}

void store_where_add(struct store_where *w, const char *cond, const char *arg)
{
	if (!arg || !*arg)
		return;
	size_t len = strlen(w->sql);
	snprintf(w->sql + len, sizeof w->sql - len, "%s%s ?%d", w->n ? " AND " : " WHERE ", cond, w->n + 1);
	w->args[w->n++] = arg;
}

void store_bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s && *s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

void store_bind_id(sqlite3_stmt *st, int i, int64_t id)
{
	if (id > 0)
		sqlite3_bind_int64(st, i, id);
	else
		sqlite3_bind_null(st, i);
}

void store_col_text(sqlite3_stmt *st, int i, char *buf, size_t n)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	if (!t) {
		buf[0] = '\0';
		return;
	}
	snprintf(buf, n, "%s", (const char *)t);
}

void store_bind_word(sqlite3_stmt *st, int i, enum vocab_kind k, int v)
{
	store_bind_text(st, i, vocab_word(k, v));
}

juste_status store_col_word(sqlite3_stmt *st, int i, enum vocab_kind k, int *out, const char *what,
	struct juste_err *e)
{
	const char *t = (const char *)sqlite3_column_text(st, i);
	juste_status r = vocab_parse(k, t, out, e);
	if (r)
		err_prefix(e, "%s : ", what);
	return r;
}

juste_status store_step_done(struct store *s, sqlite3_stmt *st, const char *what, struct juste_err *e)
{
	int rc = sqlite3_step(st);
	juste_status r = (rc == SQLITE_DONE || rc == SQLITE_ROW) ? JUSTE_OK : store_fail(s, rc, what, e);
	sqlite3_reset(st);
	return r;
}

juste_status store_data_stamp(struct store *s, uint64_t *stamp, struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, ST_DATA_VERSION, "PRAGMA data_version", e);
	if (!st)
		return JUSTE_EIO;
	/* a screen asks this on every key and idle tick: it must never hang
	 * on another process's write lock */
	sqlite3_busy_handler(s->db, NULL, NULL);
	int rc = sqlite3_step(st);
	uint64_t v = rc == SQLITE_ROW ? (uint64_t)sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	sqlite3_busy_handler(s->db, busy_wait, s);
	if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED || (rc & 0xff) == SQLITE_BUSY)
		return JUSTE_OK;
	if (rc != SQLITE_ROW)
		return store_fail(s, rc, "data_version", e);
	*stamp = (v << 32) ^ (uint64_t)sqlite3_total_changes64(s->db);
	return JUSTE_OK;
}
