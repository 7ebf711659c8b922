/*
 * smallcsv.c - small CSV files read whole, records with their line numbers.
 */
#include <csv.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juste/i18n.h"
#include "juste/smallcsv.h"
#include "juste/text.h"

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

static void field_cb(void *s, size_t n, void *data)
{
	struct smallcsv *c = data;
	if (c->cur.n == 0)
		c->rec_line = c->line;
	for (size_t i = 0; i < n; i++)
		if (((const char *)s)[i] == '\n')
			c->line++;
	/* A NUL would cut the value short in the C strings downstream (a rate
	 * of "50\0.99" read as 50); bytes that are not UTF-8 would go out
	 * broken to every screen and export. */
	if (!c->bad && n && (memchr(s, '\0', n) || !text_utf8_valid(s, n, NULL))) {
		c->bad = memchr(s, '\0', n) ? 1 : 2;
		c->bad_line = c->rec_line;
	}
	if (c->cur.n >= SMALLCSV_FIELDS) {
		c->too_many = 1;
		return;
	}
	char *v = malloc(n + 1);
	if (!v) {
		c->nomem = 1;
		return;
	}
	if (n)
		memcpy(v, s, n);
	v[n] = '\0';
	c->cur.f[c->cur.n++] = v;
}

static void row_cb(int ch, void *data)
{
	struct smallcsv *c = data;
	if (c->cur.n > 0) {
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
	if (csv_parse(&parser, p, n, field_cb, row_cb, c) != n || csv_fini(&parser, field_cb, row_cb, c) != 0)
		st = err_set(e, JUSTE_EINVAL, N_("%s:%ld: guillemet mal placé ou jamais fermé"), path, c->line);
	csv_free(&parser);
	free(buf);
	if (!st && c->nomem)
		st = err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	if (!st && c->too_many)
		st = err_set(e, JUSTE_EINVAL, N_("%s : trop de colonnes"), path);
	if (!st && c->bad) {
		st = err_set(e, JUSTE_EINVAL, c->bad == 1 ? N_("octet NUL refusé") : N_("texte invalide : ce n'est pas de l'UTF-8"));
		err_prefix(e, "%s:%ld: ", path, c->bad_line);
	}
	if (!st && c->n == 0)
		st = err_set(e, JUSTE_EINVAL, N_("%s : fichier vide (il faut une ligne d'en-tête)"), path);
	/* a field too many or too few is a column shifted: never guessed at */
	for (size_t i = 1; !st && i < c->n; i++)
		if (c->recs[i].n != c->recs[0].n) {
			st = err_set(e, JUSTE_EINVAL, N_("%d champs au lieu de %d"), c->recs[i].n, c->recs[0].n);
			err_prefix(e, "%s:%ld: ", path, c->recs[i].line);
		}
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
