/*
 * smallcsv.h - small CSV files (rate tables, cost inputs, finance figures,
 * business-development logs) read whole with libcsv, each record with the
 * line it starts on, so that every refusal says "FILE:LINE: why".  Large
 * files (time entries) are streamed by transfer.c instead.
 */
#ifndef JUSTE_SMALLCSV_H
#define JUSTE_SMALLCSV_H

#include <stddef.h>
#include "juste/err.h"

#define SMALLCSV_MAX (4 * 1024 * 1024)
#define SMALLCSV_FIELDS 16

struct smallcsv_rec {
	long line;
	int n;
	char *f[SMALLCSV_FIELDS];
};

struct smallcsv {
	struct smallcsv_rec *recs;
	size_t n, cap;
	/* parser state */
	long line, rec_line;
	struct smallcsv_rec cur;
	int too_many, nomem;
	int faulty;              /* the first fault, reported by smallcsv_read */
	long fault_line;
	struct juste_err fault;
};

/* Reads path whole (at most SMALLCSV_MAX bytes, a UTF-8 BOM skipped); the
 * header is recs[0].  Every field is free of NUL bytes and well-formed
 * UTF-8, every record has the header's number of fields, and the one
 * apostrophe csvout.h puts before a formula-like cell is removed; the
 * first fault is "FILE:LINE: COLUMN : why".  On failure nothing is left to
 * free. */
juste_status smallcsv_read(const char *path, struct smallcsv *c, struct juste_err *e);
void smallcsv_free(struct smallcsv *c);

/* Maps the header's names to slots of cols[]: every name must be known and
 * appear once, the columns whose bit is set in `required` must be there. */
juste_status smallcsv_header(const char *path, const struct smallcsv *c, const char *const *cols, int ncols,
	unsigned required, int *pos, struct juste_err *e);

/* Field k of a record ("" when the column is absent or the row short). */
const char *smallcsv_get(const struct smallcsv_rec *r, const int *pos, int k);

#endif
