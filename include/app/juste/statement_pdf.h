/*
 * statement_pdf.h - a client's statement of account as a PDF: the centre's
 * identity, the client, the movements of the period with the running
 * balance, the balance due, the open invoices by age; "page N de M" on
 * every page.  Written through outfile (nothing is left on failure).
 */
#ifndef JUSTE_STATEMENT_PDF_H
#define JUSTE_STATEMENT_PDF_H

#include "juste/policy.h"
#include "juste/receivables.h"

juste_status statement_pdf_write(const struct policy *cfg, const struct statement *s, const char *path,
	struct juste_err *e);
/* Releases the fonts' caches (at the end of the program). */
void statement_pdf_shutdown(void);

#endif
