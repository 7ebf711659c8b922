/*
 * invoice_pdf.h - an invoice or a credit note as a PDF a client can
 * receive, with cairo and pango (fonts: DejaVu, from fonts-dejavu-core).
 *
 * Page 1: the centre's letterhead and tax numbers (configuration), FACTURE
 * or NOTE DE CRÉDIT with its number, issue date, period and due date, the
 * client's legal name and address, the table of lines, subtotal, TPS and
 * TVQ at their own frozen rates, total, payment terms.  Following pages:
 * the detail of the entries (date, expert, mandate, minutes logged and
 * billed, note), unless detail is 0.  A4 or Letter per the configuration;
 * amounts in French format; COPIE on a reprint, BROUILLON on a draft;
 * "page N de M" on every page; the enterprise served on each line whose
 * mandate serves another than the client; the payment instructions of the
 * policy under the terms.
 */
#ifndef JUSTE_INVOICE_PDF_H
#define JUSTE_INVOICE_PDF_H

#include "juste/policy.h"
#include "juste/invoicing.h"

/* Writes d to path; copy = 1 marks it COPIE, detail = 0 leaves the
 * entries' pages out.  A half-written file is removed on failure. */
juste_status invoice_pdf_write(const struct policy *cfg, const struct invoice_doc *d, int copy, int detail,
	const char *path, struct juste_err *e);

/* Releases the fonts loaded by invoice_pdf_write (call once, when done
 * printing; writing again afterwards is fine). */
void invoice_pdf_shutdown(void);

#endif
