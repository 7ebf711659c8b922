/*
 * report_out.h - the annual report as text, Markdown, CSV or JSON.  Only
 * src/app/report_out.c implements this.
 */
#ifndef JUSTE_REPORT_OUT_H
#define JUSTE_REPORT_OUT_H

#include <stdio.h>
#include "juste/err.h"
#include "juste/report.h"

/* Text, Markdown, CSV or JSON (f) to out. */
juste_status report_out_write(const struct report_annual *r, enum report_format f, FILE *out,
	struct juste_err *e);

#endif
