/*
 * fuzz_import.c - the CSV importers, one target per kind of file: built
 * once per kind with FUZZ_IMPORT set to one of the IMPORT_ values below.
 *
 *   juste import orgs|experts|services|programs|mandates|entries
 *       transfer_import(), a dry run and then for real;
 *   juste rate import    rates_import() (a correction when the input's
 *                        size is odd, so both paths are taken);
 *   juste cost import    rates_cost_import();
 *   juste finance import report_finance_import();
 *   juste devaffaires import report_devaffaire_import().
 *
 * The input is the file, imported by the admin into the world of
 * fuzz_world.h.  What must hold: a refusal names FILE:LINE (or the file)
 * and leaves nothing behind (no transaction open, no audit row); a dry
 * run says what the real import does; an accepted file holds no NUL byte,
 * is UTF-8 and has as many fields in each record as in its header; an
 * import that succeeds leaves a database `juste check` finds nothing
 * wrong with, whose export works (JSON: an array of objects).  The world
 * is then put back.
 */
#include <csv.h>
#include <jansson.h>

#include "fuzz.h"
#include "fuzz_world.h"
#include "juste/rates.h"
#include "juste/report.h"
#include "juste/text.h"
#include "juste/transfer.h"

/* Numbers, not an enum: the preprocessor chooses the code. */
#define IMPORT_ORGS 0
#define IMPORT_EXPERTS 1
#define IMPORT_SERVICES 2
#define IMPORT_PROGRAMS 3
#define IMPORT_MANDATES 4
#define IMPORT_ENTRIES 5
#define IMPORT_RATES 6
#define IMPORT_COSTS 7
#define IMPORT_FINANCE 8
#define IMPORT_DEVAFFAIRES 9

#ifndef FUZZ_IMPORT
#error "FUZZ_IMPORT: which importer (IMPORT_ORGS ... IMPORT_DEVAFFAIRES)"
#endif

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_world_init();
	return 0;
}

/* Nothing was left behind by a refusal. */
static void check_untouched(const char *msg)
{
	fuzz_world_check_closed(msg);
	FUZZ_CHECK(fuzz_world_audit_rows() == fuzz_world_audit_built(), msg);
}

/* The fields of each record, as the importers' parser reads the file. */
struct shape {
	int fields, header;     /* of the current record; of the first (-1: none yet) */
	int uneven;             /* a record whose count is not the header's */
};

static void shape_field(void *s, size_t n, void *data)
{
	(void)s;
	(void)n;
	((struct shape *)data)->fields++;
}

static void shape_row(int c, void *data)
{
	struct shape *sh = data;
	(void)c;
	if (sh->fields > 0) {          /* a blank line is no record */
		if (sh->header < 0)
			sh->header = sh->fields;
		else if (sh->fields != sh->header)
			sh->uneven = 1;
	}
	sh->fields = 0;
}

/* What an accepted file must be (the strict input): no NUL byte,
 * well-formed UTF-8, and every record as many fields as the header. */
static void check_accepted(const uint8_t *data, size_t size, const char *path)
{
	const uint8_t *p = data;
	size_t n = size;
	if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3, n -= 3;
	FUZZ_CHECK(memchr(p, '\0', n) == NULL, path);
	FUZZ_CHECK(text_utf8_valid((const char *)p, n, NULL), path);
	struct csv_parser parser;
	struct shape sh = { 0, -1, 0 };
	csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL);
	if (csv_parse(&parser, p, n, shape_field, shape_row, &sh) == n && csv_fini(&parser, shape_field, shape_row, &sh) == 0)
		FUZZ_CHECK(!sh.uneven, path);
	else
		FUZZ_CHECK(!"a file libcsv cannot read was accepted", path);
	csv_free(&parser);
}

/* After a success: a sound database, then the world as it was built.
 * The whole check (`juste check`: the schema rebuilt from the migrations,
 * the numbering, the rules) costs more than the import itself, so it runs
 * after one success in eight, chosen by the input's bytes: a crash still
 * reproduces from its input alone. */
static void after_success(const uint8_t *data, size_t size, const char *what)
{
	fuzz_world_check_closed(what);
	check_accepted(data, size, what);
	uint32_t h = 2166136261u;     /* FNV-1a */
	for (size_t i = 0; i < size; i++)
		h = (h ^ data[i]) * 16777619u;
	if (h % 8 == 0)
		fuzz_world_check(what);
	if (fuzz_world_audit_rows() != fuzz_world_audit_built())
		fuzz_world_reset();
}

#if FUZZ_IMPORT < IMPORT_RATES
/* the transfer kinds, in the order of enum transfer_kind */
_Static_assert(IMPORT_ORGS == KIND_ORGS && IMPORT_EXPERTS == KIND_EXPERTS && IMPORT_SERVICES == KIND_SERVICES &&
	IMPORT_PROGRAMS == KIND_PROGRAMS && IMPORT_MANDATES == KIND_MANDATES && IMPORT_ENTRIES == KIND_ENTRIES,
	"IMPORT_ numbers follow enum transfer_kind");

/* What was imported exports again, as CSV and as JSON. */
static void check_export(struct app *a, enum transfer_kind k)
{
	for (int f = FORMAT_CSV; f <= FORMAT_JSON; f++) {
		char *buf = NULL;
		size_t len = 0;
		FILE *out = open_memstream(&buf, &len);
		struct juste_err e = { 0 };
		if (!out)
			abort();
		juste_status st = transfer_export(a, k, (enum transfer_format)f, NULL, NULL, out, &e);
		fclose(out);
		FUZZ_CHECK(st == JUSTE_OK, e.msg);
		if (f == FORMAT_JSON) {
			json_error_t err;
			json_t *j = json_loadb(buf, len, 0, &err);
			FUZZ_CHECK(j && json_is_array(j), err.text);
			for (size_t i = 0; i < json_array_size(j); i++)
				FUZZ_CHECK(json_is_object(json_array_get(j, i)), buf);
			json_decref(j);
		}
		free(buf);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct app *a = fuzz_world_app();
	const char *path = fuzz_world_input(data, size);
	const enum transfer_kind k = (enum transfer_kind)FUZZ_IMPORT;
	struct import_result dry, real;
	struct juste_err e1 = { 0 }, e2 = { 0 };

	juste_status st1 = transfer_import(a, k, path, 1, &dry, &e1);
	check_untouched(e1.msg);
	FUZZ_CHECK(dry.inserted == 0, e1.msg);
	free(dry.notices);
	if (st1 != JUSTE_OK)
		fuzz_world_check_refusal(st1, &e1, path, data, size);

	juste_status st2 = transfer_import(a, k, path, 0, &real, &e2);
	FUZZ_CHECK(st2 == st1, e2.msg);
	FUZZ_CHECK(real.rows == dry.rows, e2.msg);
	free(real.notices);
	if (st2 != JUSTE_OK) {
		FUZZ_CHECK(strcmp(e1.msg, e2.msg) == 0, e2.msg);
		FUZZ_CHECK(real.inserted == 0, e2.msg);
		check_untouched(e2.msg);
		return 0;
	}
	/* a row identical to a record already there is counted unchanged */
	FUZZ_CHECK(real.inserted + real.unchanged == real.rows && real.unchanged == dry.unchanged, path);
	check_export(a, k);
	after_success(data, size, path);
	return 0;
}

#else

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct app *a = fuzz_world_app();
	const char *path = fuzz_world_input(data, size);
	struct juste_err e = { 0 };
	juste_status st;

#if FUZZ_IMPORT == IMPORT_RATES
	int64_t id = 0;
	size_t rows = 0;
	st = rates_import(a, path, NULL, (int)(size & 1), &id, &rows, &e);
	if (st == JUSTE_OK)
		FUZZ_CHECK(id > 0 && rows > 0, path);
#elif FUZZ_IMPORT == IMPORT_COSTS
	int fy = 0;
	st = rates_cost_import(a, path, &fy, &e);
	if (st == JUSTE_OK) {
		FUZZ_CHECK(fy >= 1900, path);
		/* what was stored is what the calculator proposes from */
		struct rates_proposal p = { 0 };
		struct juste_err pe = { 0 };
		juste_status ps = rates_propose(a, fy, NULL, &p, &pe);
		FUZZ_CHECK(ps == JUSTE_OK, pe.msg);
		rates_proposal_free(&p);
	}
#elif FUZZ_IMPORT == IMPORT_FINANCE
	long rows = 0;
	st = report_finance_import(a, path, &rows, &e);
	FUZZ_CHECK(st != JUSTE_OK ? rows == 0 : rows >= 0, path);
#elif FUZZ_IMPORT == IMPORT_DEVAFFAIRES
	long rows = 0;
	st = report_devaffaire_import(a, path, &rows, &e);
	FUZZ_CHECK(st != JUSTE_OK ? rows == 0 : rows >= 0, path);
#else
#error "unknown FUZZ_IMPORT"
#endif
	if (st != JUSTE_OK) {
		fuzz_world_check_refusal(st, &e, path, data, size);
		check_untouched(e.msg);
		return 0;
	}
	after_success(data, size, path);
	return 0;
}

#endif
