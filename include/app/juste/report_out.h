/*
 * report_out.h - the annual report as text, Markdown, CSV or JSON.  Only
 * src/app/report_out.c implements this.
 */
#ifndef JUSTE_REPORT_OUT_H
#define JUSTE_REPORT_OUT_H

#include <stdio.h>
#include "juste/err.h"
#include "juste/report.h"

/* Text, Markdown, CSV or JSON (f) to path (NULL or "-": standard output),
 * through outfile.h: nothing is at path unless all of it was written. */
juste_status report_out_write(const struct annual_report *r, enum report_format f, const char *path,
	struct juste_err *e);

#endif
