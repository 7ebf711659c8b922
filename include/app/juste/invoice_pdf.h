/*
 * invoice_pdf.h - an invoice or a credit note as a PDF a client can
 * receive, with cairo and pango (fonts: DejaVu, from fonts-dejavu-core).
 *
 * Page 1: the centre's letterhead and tax numbers (configuration), FACTURE
 * or NOTE DE CRÉDIT with its number, issue date, period and due date, the
 * client's legal name and address, the table of lines, subtotal, TPS and
 * TVQ at their own frozen rates, total, payment terms.  Following pages:
 * the detail of the entries (date, expert, mandate, minutes logged and
 * billed, note).  A4 or Letter per the configuration; amounts in French
 * format; COPIE on a reprint, BROUILLON on a draft.
 */
#ifndef JUSTE_INVOICE_PDF_H
#define JUSTE_INVOICE_PDF_H

#include "juste/policy.h"
#include "juste/invoicing.h"

/* Writes d to path; copy = 1 marks it COPIE.  A half-written file is
 * removed on failure. */
juste_status invoice_pdf_write(const struct policy *cfg, const struct invoice_doc *d, int copy,
	const char *path, struct juste_err *e);

/* Releases the fonts loaded by invoice_pdf_write (call once, when done
 * printing; writing again afterwards is fine). */
void invoice_pdf_shutdown(void);

#endif
