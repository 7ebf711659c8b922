/*
 * fuzz_world.c - the temporary centre the import targets work on.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"
#include "fuzz_world.h"
#include "juste/audit.h"
#include "juste/check.h"
#include "juste/rates.h"
#include "juste/settings.h"
#include "juste/transfer.h"

#ifndef FUZZ_FIXTURES
#error "FUZZ_FIXTURES: the directory of tests/fixtures"
#endif

static struct app *app;
static char dir[PATH_MAX], db[PATH_MAX], input[PATH_MAX];
static unsigned char *built;
static size_t nbuilt;
static long audit_built;

/* The services the rate fixtures name, beside those of services.csv. */
static const char more_services[] =
	"code,name\n"
	"FIN,Finances\nRH,Ressources humaines\nJUR,Services juridiques\nTI,Technologies de l'information\n"
	"COM,Communications\nGOUV,Gouvernance\nDO,Développement organisationnel\nMKT,Marketing\n"
	"COMPTA,Comptabilité\nPAIE,Paie\nSTRAT,Planification stratégique\n";

/* A sealed table, so that importing one on its date is a conflict. */
static const char rate_table[] =
	"valid_from,service,category,rate\n"
	"2018-04-01,CONS,membre,90.00\n2018-04-01,CONS,non_membre,110.00\n"
	"2018-04-01,FORM,membre,70.00\n2018-04-01,TECH,auxiliaire,65.50\n";

static void die(const char *what, const struct juste_err *e)
{
	fprintf(stderr, "fuzz world: %s: %s\n", what, e ? e->msg : strerror(errno));
	exit(1);
}

static void write_file(const char *path, const void *data, size_t size)
{
	FILE *f = fopen(path, "wb");
	if (!f || (size && fwrite(data, 1, size, f) != size) || fclose(f) != 0)
		die(path, NULL);
}

static void remove_all(void)
{
	char p[PATH_MAX + 8];
	app_free(app);
	app = NULL;
	free(built);
	built = NULL;
	static const char *const names[] = { "juste.db", "juste.db-wal", "juste.db-shm", "import.csv",
		"services.csv", "rates.csv" };
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		snprintf(p, sizeof p, "%s/%s", dir, names[i]);
		unlink(p);
	}
	rmdir(dir);
}

static void open_app(void)
{
	struct juste_err e = { 0 };
	if (app_open(app, db, 0, &e) != JUSTE_OK)
		die("app_open", &e);
	if (app_identify(app, NULL, &e) != JUSTE_OK)
		die("app_identify", &e);
}

static void import(enum transfer_kind k, const char *path)
{
	struct import_result r;
	struct juste_err e = { 0 };
	if (transfer_import(app, k, path, 0, &r, &e) != JUSTE_OK)
		die(path, &e);
	free(r.notices);
}

void fuzz_world_init(void)
{
	if (dir[0])
		return;
	/* a fixed today: what a rule compares with today does not move */
	setenv("JUSTE_TODAY", "2020-06-15", 1);
	const char *tmp = getenv("TMPDIR");
	snprintf(dir, sizeof dir, "%s/juste-fuzz-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir))
		die(dir, NULL);
	snprintf(db, sizeof db, "%s/juste.db", dir);
	snprintf(input, sizeof input, "%s/import.csv", dir);
	atexit(remove_all);

	struct juste_err e = { 0 };
	struct expert admin;
	if (app_new(&app, &e) != JUSTE_OK)
		die("app_new", &e);
	if (app_open(app, db, APP_CREATE, &e) != JUSTE_OK)
		die("app_open", &e);
	if (app_bootstrap_admin(app, NULL, &admin, &e) != JUSTE_OK)
		die("app_bootstrap_admin", &e);
	if (app_identify(app, NULL, &e) != JUSTE_OK)
		die("app_identify", &e);
	static const struct { enum transfer_kind k; const char *file; } fixtures[] = {
		{ KIND_SERVICES, "services.csv" }, { KIND_PROGRAMS, "programs.csv" }, { KIND_ORGS, "orgs.csv" },
		{ KIND_EXPERTS, "experts.csv" }, { KIND_MANDATES, "mandates.csv" }, { KIND_ENTRIES, "entries.csv" },
	};
	char p[PATH_MAX];
	for (size_t i = 0; i < sizeof fixtures / sizeof fixtures[0]; i++) {
		snprintf(p, sizeof p, "%s/%s", FUZZ_FIXTURES, fixtures[i].file);
		import(fixtures[i].k, p);
	}
	snprintf(p, sizeof p, "%s/services.csv", dir);
	write_file(p, more_services, sizeof more_services - 1);
	import(KIND_SERVICES, p);
	snprintf(p, sizeof p, "%s/rates.csv", dir);
	write_file(p, rate_table, sizeof rate_table - 1);
	if (rates_import(app, p, NULL, 0, NULL, NULL, &e) != JUSTE_OK)
		die(p, &e);
	/* the centre's own identity: juste check names the shipped example's */
	if (settings_set(app, "centre.tps_number", NULL, "987654321RT0001", &e) != JUSTE_OK ||
	    settings_set(app, "centre.tvq_number", NULL, "9876543210TQ0001", &e) != JUSTE_OK)
		die("settings_set", &e);
	fuzz_world_check("the world as built");
	audit_built = fuzz_world_audit_rows();

	/* closed, the file holds everything (the WAL is checkpointed) */
	app_close(app);
	FILE *f = fopen(db, "rb");
	if (!f || fseek(f, 0, SEEK_END) != 0)
		die(db, NULL);
	long size = ftell(f);
	if (size <= 0 || fseek(f, 0, SEEK_SET) != 0 || !(built = malloc((size_t)size)) ||
	    fread(built, 1, (size_t)size, f) != (size_t)size)
		die(db, NULL);
	fclose(f);
	nbuilt = (size_t)size;
	open_app();
}

struct app *fuzz_world_app(void)
{
	return app;
}

const char *fuzz_world_input(const uint8_t *data, size_t size)
{
	write_file(input, data, size);
	return input;
}

void fuzz_world_reset(void)
{
	char p[PATH_MAX + 8];
	app_close(app);
	snprintf(p, sizeof p, "%s-wal", db);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", db);
	unlink(p);
	write_file(db, built, nbuilt);
	open_app();
}

static int count_row(void *ctx, const struct audit_row *r)
{
	(void)r;
	(*(long *)ctx)++;
	return 0;
}

long fuzz_world_audit_rows(void)
{
	struct audit_filter f = { 0 };
	struct juste_err e = { 0 };
	long n = 0;
	if (audit_list(app, &f, count_row, &n, &e) != JUSTE_OK)
		die("audit_list", &e);
	return n;
}

/* A header-only file: its dry run opens a transaction and rolls it back. */
static const char header_only[] = "code,name\n";

void fuzz_world_check_closed(const char *what)
{
	char p[PATH_MAX + 16];
	struct import_result r;
	struct juste_err e = { 0 };
	snprintf(p, sizeof p, "%s/services.csv", dir);
	write_file(p, header_only, sizeof header_only - 1);
	FUZZ_CHECK(transfer_import(app, KIND_SERVICES, p, 1, &r, &e) == JUSTE_OK, what);
	free(r.notices);
}

long fuzz_world_audit_built(void)
{
	return audit_built;
}

static int finding(void *ctx, const char *what)
{
	fprintf(stderr, "fuzz world: %s: %s\n", (const char *)ctx, what);
	return 0;
}

void fuzz_world_check(const char *what)
{
	struct juste_err e = { 0 };
	int count = 0;
	if (check_database(app, finding, (void *)what, &count, &e) != JUSTE_OK)
		die("check_database", &e);
	FUZZ_CHECK(count == 0, what);
}

void fuzz_world_check_refusal(juste_status st, const struct juste_err *e, const char *path,
	const uint8_t *data, size_t size)
{
	FUZZ_CHECK(st != JUSTE_OK && e->code == st && e->msg[0] != '\0', e->msg);
	if (st == JUSTE_ENOMEM)
		return;
	size_t n = strlen(path);
	FUZZ_CHECK(strncmp(e->msg, path, n) == 0, e->msg);
	const char *p = e->msg + n;
	if (p[0] == ' ' && p[1] == ':')
		return;                 /* the file as a whole */
	FUZZ_CHECK(p[0] == ':' && p[1] >= '1' && p[1] <= '9', e->msg);
	char *end;
	long line = strtol(p + 1, &end, 10);
	FUZZ_CHECK(*end == ':', e->msg);
	long lines = 1;
	for (size_t i = 0; i < size; i++)
		lines += data[i] == '\n';
	FUZZ_CHECK(line >= 1 && line <= lines, e->msg);
}
