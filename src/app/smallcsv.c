/*
 * smallcsv.c - small CSV files read whole, records with their line numbers.
 *
 * What every such file must be is checked here, once for the four
 * importers: each field without NUL and in well-formed UTF-8 (a C string
 * would end at the NUL: "50\0.99" would be read "50"), each record with the
 * header's number of fields, extra ones included; the first fault stops
 * the read with "FILE:LINE: COLUMN : why".  What a column may hold is the
 * importer's business (rules.h, the parsers of amounts and dates).
 */
#include <csv.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juste/csvout.h"
#include "juste/i18n.h"
#include "juste/rules.h"
#include "juste/smallcsv.h"

void smallcsv_free(struct smallcsv *c)
{
	for (size_t i = 0; i < c->n; i++)
		for (int k = 0; k < c->recs[i].n; k++)
			free(c->recs[i].f[k]);
	for (int k = 0; k < c->cur.n; k++)
		free(c->cur.f[k]);
	free(c->recs);
	memset(c, 0, sizeof *c);
}

/* The first fault of the file, with its line: the rest is not looked at. */
static void fault(struct smallcsv *c, long line, const struct juste_err *why)
{
	if (c->faulty)
		return;
	c->faulty = 1;
	c->fault_line = line;
	c->fault = *why;
}

/* The name of field k of a record, for messages: the header's. */
static const char *column_name(struct smallcsv *c, int k, char *buf, size_t n)
{
	if (c->n > 0 && k < c->recs[0].n)
		return c->recs[0].f[k];
	snprintf(buf, n, _("colonne %d"), k + 1);
	return buf;
}

static void field_cb(void *s, size_t n, void *data)
{
	struct smallcsv *c = data;
	const char *text = s ? s : "";
	if (c->cur.n == 0)
		c->rec_line = c->line;
	for (size_t i = 0; i < n; i++)
		if (text[i] == '\n')
			c->line++;
	if (c->cur.n >= SMALLCSV_FIELDS) {
		c->too_many = 1;
		return;
	}
	char col[32];
	struct juste_err why = { 0 };
	if (rules_bytes_validate(column_name(c, c->cur.n, col, sizeof col), text, n, &why) != JUSTE_OK)
		fault(c, c->rec_line, &why);
	/* the apostrophe csvout puts before what a spreadsheet would run */
	size_t guard = csvout_guard_len(text, n);
	text += guard;
	n -= guard;
	char *v = malloc(n + 1);
	if (!v) {
		c->nomem = 1;
		return;
	}
	if (n)
		memcpy(v, text, n);
	v[n] = '\0';
	c->cur.f[c->cur.n++] = v;
}

static void row_cb(int ch, void *data)
{
	struct smallcsv *c = data;
	if (c->cur.n > 0) {
		if (c->too_many) {
			struct juste_err why = { 0 };
			err_set(&why, JUSTE_EINVAL, N_("plus de %d colonnes"), SMALLCSV_FIELDS);
			fault(c, c->rec_line, &why);
		} else if (c->n > 0 && c->cur.n != c->recs[0].n) {
			/* too few or too many: never a column silently dropped */
			struct juste_err why = { 0 };
			err_set(&why, JUSTE_EINVAL, N_("%d champs au lieu de %d (ceux de l'en-tête)"), c->cur.n,
				c->recs[0].n);
			fault(c, c->rec_line, &why);
		}
		if (c->n == c->cap) {
			size_t cap = c->cap ? c->cap * 2 : 64;
			struct smallcsv_rec *r = realloc(c->recs, cap * sizeof *r);
			if (!r) {
				c->nomem = 1;
				for (int k = 0; k < c->cur.n; k++)
					free(c->cur.f[k]);
				memset(&c->cur, 0, sizeof c->cur);
				return;
			}
			c->recs = r;
			c->cap = cap;
		}
		c->cur.line = c->rec_line;
		c->recs[c->n++] = c->cur;
		memset(&c->cur, 0, sizeof c->cur);
	}
	if (ch == '\n')
		c->line++;
}

/* Reads path whole; the header is recs[0]. */
juste_status smallcsv_read(const char *path, struct smallcsv *c, struct juste_err *e)
{
	memset(c, 0, sizeof *c);
	c->line = 1;
	FILE *f = fopen(path, "rb");
	if (!f)
		return err_set(e, JUSTE_EIO, N_("%s : ouverture impossible : %s"), path, strerror(errno));
	char *buf = malloc(SMALLCSV_MAX);
	if (!buf) {
		fclose(f);
		return err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	}
	size_t n = fread(buf, 1, SMALLCSV_MAX, f);
	int rerr = ferror(f), more = !feof(f);
	fclose(f);
	if (rerr || more) {
		free(buf);
		return err_set(e, rerr ? JUSTE_EIO : JUSTE_EINVAL, rerr ? N_("%s : lecture impossible") :
			N_("%s : fichier trop grand pour cet import"), path);
	}
	const char *p = buf;
	if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3, n -= 3;
	struct csv_parser parser;
	csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL);
	juste_status st = JUSTE_OK;
	int bad_quote = csv_parse(&parser, p, n, field_cb, row_cb, c) != n || csv_fini(&parser, field_cb, row_cb, c) != 0;
	/* a fault seen on the way comes before where the parser stopped */
	if (c->faulty)
		st = err_set(e, c->fault.code, "%s:%ld: %s", path, c->fault_line, c->fault.msg);
	else if (bad_quote)
		st = err_set(e, JUSTE_EINVAL, N_("%s:%ld: guillemet mal placé ou jamais fermé"), path, c->line);
	csv_free(&parser);
	free(buf);
	if (!st && c->nomem)
		st = err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	if (!st && c->n == 0)
		st = err_set(e, JUSTE_EINVAL, N_("%s : fichier vide (il faut une ligne d'en-tête)"), path);
	if (st)
		smallcsv_free(c);
	return st;
}

/* Maps header names to column slots; every name must be known, the
 * required ones present. */
juste_status smallcsv_header(const char *path, const struct smallcsv *c, const char *const *cols, int ncols,
	unsigned required, int *pos, struct juste_err *e)
{
	for (int k = 0; k < ncols; k++)
		pos[k] = -1;
	const struct smallcsv_rec *h = &c->recs[0];
	for (int i = 0; i < h->n; i++) {
		int k = 0;
		while (k < ncols && strcmp(h->f[i], cols[k]) != 0)
			k++;
		if (k == ncols)
			return err_set(e, JUSTE_EINVAL, N_("%s:%ld: colonne inconnue '%s'"), path, h->line, h->f[i]);
		if (pos[k] >= 0)
			return err_set(e, JUSTE_EINVAL, N_("%s:%ld: colonne '%s' en double"), path, h->line, h->f[i]);
		pos[k] = i;
	}
	for (int k = 0; k < ncols; k++)
		if ((required & (1u << k)) && pos[k] < 0)
			return err_set(e, JUSTE_EINVAL, N_("%s:%ld: colonne obligatoire manquante : '%s'"), path, h->line, cols[k]);
	return JUSTE_OK;
}

const char *smallcsv_get(const struct smallcsv_rec *r, const int *pos, int k)
{
	return pos[k] >= 0 && pos[k] < r->n ? r->f[pos[k]] : "";
}
