/*
 * pdfdoc.h - the page set-up shared by juste's PDFs (invoice_pdf.c,
 * report_pdf.c): a cairo PDF surface of the configured paper size, its
 * metadata, one wrapping PangoLayout, fonts, text that reports the height
 * it used, page breaks and the footer line.
 *
 * What it promises:
 *  - pages are A4 (cfg->paper anything but "Letter") or Letter, in points,
 *    with the same 18 mm margin on every side (PDFDOC_MARGIN);
 *  - every document shares one process-wide pango font map, created on
 *    first use and released by pdfdoc_shutdown() (writing again after is
 *    fine: the map is made anew);
 *  - the document is written through outfile.h: nothing appears at the
 *    path until pdfdoc_close() has checked cairo's status and every write,
 *    and a failure (a full disk) leaves no file and the path as it was;
 *  - pdfdoc_close() frees everything pdfdoc_open() and pdfdoc_font() made;
 *  - it never calls cairo_debug_reset_static_data() nor FcFini().
 * What each document draws (letterhead, tables, charts, the footer's
 * words) stays in its own file.
 */
#ifndef JUSTE_PDFDOC_H
#define JUSTE_PDFDOC_H

#include <cairo.h>
#include <pango/pangocairo.h>

#include "juste/policy.h"
#include "juste/err.h"

#define PDFDOC_PT_PER_MM (72.0 / 25.4)
#define PDFDOC_MARGIN (18 * PDFDOC_PT_PER_MM)
#define PDFDOC_MAX_FONTS 16

struct outfile;

struct pdfdoc {
	struct outfile *out;         /* where cairo's bytes go */
	cairo_surface_t *surface;
	cairo_t *cr;
	PangoLayout *lay;            /* reused for every piece of text */
	double w, h;                 /* page size, points */
	double y;                    /* where the next block goes (starts at the margin) */
	int page;                    /* 1-based number of the current page */
	int pages;                   /* the document's page count, once known (0 before) */
	PangoFontDescription *fonts[PDFDOC_MAX_FONTS];
	int nfonts;
};

/* Creates path for cfg->paper, with title, the centre as author and juste
 * as creator; page 1 is current and the source is black.  On failure d
 * holds nothing to release. */
juste_status pdfdoc_open(struct pdfdoc *d, const struct policy *cfg, const char *path, const char *title,
	struct juste_err *e);

/* Like pdfdoc_open, for a first pass that only lays the document out:
 * the bytes go nowhere and no file is touched.  A document that prints
 * "page N de M" runs its layout once here, reads d->page at the end, and
 * then again for real with pages set: the layout is deterministic, so the
 * count holds. */
juste_status pdfdoc_open_dry(struct pdfdoc *d, const struct policy *cfg, struct juste_err *e);

/* The width s takes on one line (no wrapping), in points. */
double pdfdoc_width(struct pdfdoc *d, const char *s, const PangoFontDescription *font);

/* A font such as "DejaVu Sans Bold 9", freed by pdfdoc_close. */
PangoFontDescription *pdfdoc_font(struct pdfdoc *d, const char *spec);

/* Lays s out in [x, x + width) at y, draws it with the current source and
 * returns its height in points. */
double pdfdoc_text(struct pdfdoc *d, double x, double y, double width, const char *s,
	const PangoFontDescription *font, PangoAlignment align);

/* The height pdfdoc_text would use, without drawing. */
double pdfdoc_measure(struct pdfdoc *d, double width, const char *s, const PangoFontDescription *font,
	PangoAlignment align);

/* The footer line under the bottom margin, in grey: left and right text. */
void pdfdoc_footer(struct pdfdoc *d, const PangoFontDescription *font, const char *left, const char *right);

/* Ends the current page (draw its footer first) and starts the next one,
 * with y back at the top margin. */
void pdfdoc_next_page(struct pdfdoc *d);

/* Ends the last page (draw its footer first), writes and frees the
 * document, and puts the file in place; on failure nothing is at path
 * that was not there before. */
juste_status pdfdoc_close(struct pdfdoc *d, const char *path, struct juste_err *e);

/* Frees the document without writing it: nothing is at its path that was
 * not there before (a layout that failed half-way). */
void pdfdoc_abort(struct pdfdoc *d);

/* Releases the shared font map (call once, when done printing). */
void pdfdoc_shutdown(void);

#endif
