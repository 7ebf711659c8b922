/*
 * pdfdoc.c - the cairo + pango set-up shared by invoice_pdf.c and
 * report_pdf.c (see pdfdoc.h for what it promises).
 */
#include <cairo-pdf.h>
#include <stdlib.h>
#include <string.h>

#include "juste/i18n.h"
#include "juste/outfile.h"
#include "juste/pdfdoc.h"

/* Our own font map rather than pango's default one, so that
 * pdfdoc_shutdown() can release what fontconfig and pango cache (the
 * default map lives forever); one for the process, shared by all PDFs. */
static PangoFontMap *font_map;

void pdfdoc_shutdown(void)
{
	if (font_map)
		g_object_unref(font_map);
	font_map = NULL;
	/* Neither cairo_debug_reset_static_data() nor FcFini(): pango may
	 * still hold fontconfig state (it finishes with it on its own thread),
	 * and either call then aborts now and then; tests/lsan.supp covers
	 * the caches. */
}

/* cairo's bytes go to the output file, whose stream keeps the first
 * failure (and its errno) for pdfdoc_close. */
static cairo_status_t pdf_write(void *closure, const unsigned char *data, unsigned int length)
{
	struct outfile *out = closure;
	FILE *f = outfile_stream(out);
	if (fwrite(data, 1, length, f) != length || ferror(f))
		return CAIRO_STATUS_WRITE_ERROR;
	return CAIRO_STATUS_SUCCESS;
}

static cairo_status_t pdf_discard(void *closure, const unsigned char *data, unsigned int length)
{
	(void)closure;
	(void)data;
	(void)length;
	return CAIRO_STATUS_SUCCESS;
}

static void page_size(struct pdfdoc *d, const struct policy *cfg)
{
	if (strcmp(cfg->paper, "Letter") == 0) {
		d->w = 612.0;
		d->h = 792.0;
	} else {
		d->w = 210 * PDFDOC_PT_PER_MM;
		d->h = 297 * PDFDOC_PT_PER_MM;
	}
}

/* The context, the layout and page 1, once the surface exists. */
static void start(struct pdfdoc *d)
{
	d->cr = cairo_create(d->surface);
	if (!font_map)
		font_map = pango_cairo_font_map_new();
	PangoContext *ctx = pango_font_map_create_context(font_map);
	pango_cairo_update_context(d->cr, ctx);
	d->lay = pango_layout_new(ctx);
	g_object_unref(ctx);
	/* long words (addresses, notes) break rather than run off the page */
	pango_layout_set_wrap(d->lay, PANGO_WRAP_WORD_CHAR);
	d->page = 1;
	d->y = PDFDOC_MARGIN;
	cairo_set_source_rgb(d->cr, 0, 0, 0);
}

juste_status pdfdoc_open(struct pdfdoc *d, const struct policy *cfg, const char *path, const char *title,
	struct juste_err *e)
{
	memset(d, 0, sizeof *d);
	juste_status st = outfile_open(path, &d->out, e);
	if (st)
		return st;
	page_size(d, cfg);
	d->surface = cairo_pdf_surface_create_for_stream(pdf_write, d->out, d->w, d->h);
	if (cairo_surface_status(d->surface) != CAIRO_STATUS_SUCCESS) {
		st = err_set(e, JUSTE_EIO, N_("impossible d'écrire %s : %s ; rien n'a été écrit"), path,
			cairo_status_to_string(cairo_surface_status(d->surface)));
		cairo_surface_destroy(d->surface);
		d->surface = NULL;
		outfile_abort(d->out);
		d->out = NULL;
		return st;
	}
	cairo_pdf_surface_set_metadata(d->surface, CAIRO_PDF_METADATA_TITLE, title);
	cairo_pdf_surface_set_metadata(d->surface, CAIRO_PDF_METADATA_AUTHOR, cfg->centre_name);
	cairo_pdf_surface_set_metadata(d->surface, CAIRO_PDF_METADATA_CREATOR, "juste " JUSTE_VERSION);
	start(d);
	return JUSTE_OK;
}

juste_status pdfdoc_open_dry(struct pdfdoc *d, const struct policy *cfg, struct juste_err *e)
{
	memset(d, 0, sizeof *d);
	page_size(d, cfg);
	d->surface = cairo_pdf_surface_create_for_stream(pdf_discard, NULL, d->w, d->h);
	if (cairo_surface_status(d->surface) != CAIRO_STATUS_SUCCESS) {
		juste_status st = err_set(e, JUSTE_EIO, N_("mise en page impossible : %s"),
			cairo_status_to_string(cairo_surface_status(d->surface)));
		cairo_surface_destroy(d->surface);
		d->surface = NULL;
		return st;
	}
	start(d);
	return JUSTE_OK;
}

PangoFontDescription *pdfdoc_font(struct pdfdoc *d, const char *spec)
{
	/* a fixed table: more fonts than this is a programming error */
	if (d->nfonts >= PDFDOC_MAX_FONTS)
		abort();
	return d->fonts[d->nfonts++] = pango_font_description_from_string(spec);
}

static void lay_out(struct pdfdoc *d, double width, const char *s, const PangoFontDescription *font,
	PangoAlignment align)
{
	pango_layout_set_font_description(d->lay, font);
	pango_layout_set_width(d->lay, (int)(width * PANGO_SCALE));
	pango_layout_set_alignment(d->lay, align);
	pango_layout_set_text(d->lay, s, -1);
}

double pdfdoc_measure(struct pdfdoc *d, double width, const char *s, const PangoFontDescription *font,
	PangoAlignment align)
{
	lay_out(d, width, s, font, align);
	int lw, lh;
	pango_layout_get_size(d->lay, &lw, &lh);
	return (double)lh / PANGO_SCALE;
}

double pdfdoc_width(struct pdfdoc *d, const char *s, const PangoFontDescription *font)
{
	pango_layout_set_font_description(d->lay, font);
	pango_layout_set_width(d->lay, -1);
	pango_layout_set_alignment(d->lay, PANGO_ALIGN_LEFT);
	pango_layout_set_text(d->lay, s, -1);
	int lw, lh;
	pango_layout_get_size(d->lay, &lw, &lh);
	return (double)lw / PANGO_SCALE;
}

double pdfdoc_text(struct pdfdoc *d, double x, double y, double width, const char *s,
	const PangoFontDescription *font, PangoAlignment align)
{
	double hgt = pdfdoc_measure(d, width, s, font, align);
	cairo_move_to(d->cr, x, y);
	pango_cairo_show_layout(d->cr, d->lay);
	return hgt;
}

void pdfdoc_footer(struct pdfdoc *d, const PangoFontDescription *font, const char *left, const char *right)
{
	double y = d->h - PDFDOC_MARGIN + 6, width = d->w - 2 * PDFDOC_MARGIN;
	cairo_save(d->cr);
	cairo_set_source_rgb(d->cr, 0.35, 0.35, 0.35);
	pdfdoc_text(d, PDFDOC_MARGIN, y, width, right, font, PANGO_ALIGN_RIGHT);
	/* the right text (the document and its page) is what must be read:
	 * the left one (the centre's name) gets what is left of the line, in
	 * a smaller size if it must (down to three quarters), and ends in "…"
	 * only past that, rather than run into the right one */
	double left_w = width - pdfdoc_width(d, right, font) - 12;
	double natural = pdfdoc_width(d, left, font);
	if (left_w > 0) {
		PangoFontDescription *f = pango_font_description_copy(font);
		if (natural > left_w) {
			double scale = left_w / natural < 0.75 ? 0.75 : left_w / natural;
			pango_font_description_set_size(f, (int)(pango_font_description_get_size(font) * scale));
		}
		lay_out(d, left_w, left, f, PANGO_ALIGN_LEFT);
		pango_layout_set_ellipsize(d->lay, PANGO_ELLIPSIZE_END);
		cairo_move_to(d->cr, PDFDOC_MARGIN, y);
		pango_cairo_show_layout(d->cr, d->lay);
		pango_layout_set_ellipsize(d->lay, PANGO_ELLIPSIZE_NONE);
		pango_font_description_free(f);
	}
	cairo_restore(d->cr);
}

void pdfdoc_next_page(struct pdfdoc *d)
{
	cairo_show_page(d->cr);
	d->page++;
	d->y = PDFDOC_MARGIN;
}

juste_status pdfdoc_close(struct pdfdoc *d, const char *path, struct juste_err *e)
{
	cairo_show_page(d->cr);
	for (int i = 0; i < d->nfonts; i++)
		pango_font_description_free(d->fonts[i]);
	d->nfonts = 0;
	g_object_unref(d->lay);
	cairo_destroy(d->cr);
	/* finish writes the rest of the document: its status is the whole
	 * file's, checked before the file is put in place */
	cairo_surface_finish(d->surface);
	cairo_status_t cs = cairo_surface_status(d->surface);
	cairo_surface_destroy(d->surface);
	struct outfile *out = d->out;
	if (!out) {
		/* a dry run: nothing was written anywhere */
		d->surface = NULL;
		d->lay = NULL;
		d->cr = NULL;
		return cs == CAIRO_STATUS_SUCCESS ? JUSTE_OK
			: err_set(e, JUSTE_EIO, N_("mise en page impossible : %s"), cairo_status_to_string(cs));
	}
	d->lay = NULL;
	d->cr = NULL;
	d->surface = NULL;
	d->out = NULL;
	if (cs != CAIRO_STATUS_SUCCESS) {
		int err = outfile_errno(out);
		outfile_abort(out);
		if (err)
			return outfile_io_fail(path, err, e);
		return err_set(e, JUSTE_EIO, N_("impossible d'écrire %s : %s ; rien n'a été écrit"), path,
			cairo_status_to_string(cs));
	}
	return outfile_commit(out, e);
}

void pdfdoc_abort(struct pdfdoc *d)
{
	for (int i = 0; i < d->nfonts; i++)
		pango_font_description_free(d->fonts[i]);
	d->nfonts = 0;
	g_object_unref(d->lay);
	cairo_destroy(d->cr);
	cairo_surface_finish(d->surface);
	cairo_surface_destroy(d->surface);
	if (d->out)
		outfile_abort(d->out);
	d->lay = NULL;
	d->cr = NULL;
	d->surface = NULL;
	d->out = NULL;
}
