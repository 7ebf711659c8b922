/*
 * transfer.h - import and export of the centre's data as CSV (RFC 4180,
 * libcsv) and JSON (jansson).
 *
 * The columns are the same both ways, so that an export imported into an
 * empty database, or one made by `juste init`, gives the same data back:
 * a row of orgs, experts, services, programs or mandates whose code is
 * already there with the very same values is counted unchanged, one with
 * other values is an error naming the column (entries have no code: each
 * row is a new entry).  An import is one transaction:
 * the first bad row stops it with "FILE:LINE: why" and nothing is written;
 * a dry run validates everything and writes nothing.  Entries are streamed:
 * memory stays flat whatever the file's size.
 */
#ifndef JUSTE_TRANSFER_H
#define JUSTE_TRANSFER_H

#include <stdio.h>
#include "juste/app.h"

/* invoices and payments: export only (juste issues and records them). */
enum transfer_kind { KIND_ORGS, KIND_EXPERTS, KIND_SERVICES, KIND_PROGRAMS, KIND_MANDATES, KIND_ENTRIES,
	KIND_INVOICES, KIND_PAYMENTS };
enum transfer_format { FORMAT_CSV, FORMAT_JSON, FORMAT_TABLE };

juste_status transfer_kind_parse(const char *s, enum transfer_kind *k, struct juste_err *e);
juste_status transfer_format_parse(const char *s, enum transfer_format *f, struct juste_err *e);

struct import_result {
	long rows;        /* data rows read */
	long inserted;    /* rows written (0 on a dry run) */
	long unchanged;   /* rows identical to a record already there: left as they are */
	char *notices;    /* entries: the budgets crossed (80 %, 100 %), a line per mandate; NULL when
	                   * none; the caller frees it */
};

juste_status transfer_import(struct app *a, enum transfer_kind k, const char *path, int dry_run,
	struct import_result *r, struct juste_err *e);

/* The export to a stream.  Entries, invoices (issued on) and payments
 * (received on) take from/to (ISO, inclusive, NULL = open); other kinds
 * ignore them.  Invoices and payments: commis, gestionnaire, admin. */
juste_status transfer_export(struct app *a, enum transfer_kind k, enum transfer_format f,
	const char *from, const char *to, FILE *out, struct juste_err *e);

/* The same to path (NULL or "-": standard output) through outfile.h:
 * every argument is checked first, and a failure leaves no file (and the
 * one that was there as it was). */
juste_status transfer_export_file(struct app *a, enum transfer_kind k, enum transfer_format f,
	const char *from, const char *to, const char *path, struct juste_err *e);

#endif
