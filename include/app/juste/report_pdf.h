/*
 * report_pdf.h - the annual report as a PDF with its charts, with cairo and
 * pango.  Only src/app/report_pdf.c implements these.
 */
#ifndef JUSTE_REPORT_PDF_H
#define JUSTE_REPORT_PDF_H

#include "juste/err.h"
#include "juste/policy.h"
#include "juste/report.h"

/* Writes r to path; a half-written file is removed. */
juste_status report_pdf_write(const struct policy *cfg, const struct annual_report *r, const char *path,
	struct juste_err *e);
/* Releases the fonts the PDF loaded (call once when done). */
void report_pdf_shutdown(void);

#endif
