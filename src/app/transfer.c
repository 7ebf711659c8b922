/*
 * transfer.c - import and export of the centre's data as CSV and JSON.
 *
 * Import streams the file through libcsv in fixed blocks, so memory stays
 * flat however many rows there are; one transaction covers the whole file
 * and the first bad row rolls everything back with "FILE:LINE: why".  A dry
 * run does the very same work, database checks included, and rolls back:
 * what it accepts, the real import accepts.
 *
 * Line numbers are those of the physical line where a record starts: the
 * parser reports every newline (CSV_REPALL_NL) and the newlines inside
 * quoted fields are counted as the fields arrive.
 *
 * Export writes the import's columns in the import's order, so that an
 * export imported into an empty database gives the same export back.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>
#include <jansson.h>

#include "app/budget_internal.h"
#include "app/receivables_internal.h"
#include "juste/csvout.h"
#include "juste/duration.h"
#include "juste/i18n.h"
#include "juste/money.h"
#include "juste/outfile.h"
#include "juste/rules.h"
#include "juste/store_ledger.h"
#include "juste/tax.h"
#include "juste/text.h"
#include "juste/transfer.h"

#define MAX_COLS 14              /* the widest kind (mandates, with an older column) */
#define MAX_FIELDS 32            /* fields kept per row; more is an error */
#define CHUNK_SIZE (64 * 1024)   /* bytes handed to libcsv at a time */
#define ROW_MAX (64 * 1024)      /* longest record accepted */
#define DEFAULT_WEEKLY_MINUTES (35 * 60)
#define HOURS_BUF 32

/* ----------------------------------------------------------------------
 * Kinds and their columns
 * ---------------------------------------------------------------------- */

enum { O_CODE, O_NAME, O_CATEGORY, O_PARENT, O_FULL, O_EXEMPT, O_JOINED, O_LEFT, O_EMAIL, O_ADDRESS, O_PROVINCE,
	O_COUNTRY, O_WITHOUT_DETAIL, O_LANGUAGE };
enum { X_LOGIN, X_NAME, X_FUNCTION, X_ROLE, X_WEEKLY_MIN, X_STARTED, X_LEFT, X_WEEKLY };
enum { R_CODE, R_NAME };
enum { M_CODE, M_TITLE, M_CLIENT, M_BENEF, M_SERVICE, M_PROGRAM, M_BILLING, M_FEE,
	M_BMIN, M_BAMOUNT, M_OPENED, M_CLOSED, M_BHARD, M_BHOURS };
enum { E_DATE, E_EXPERT, E_MANDATE, E_MINUTES, E_NOTE, E_DURATION };

/* The columns an import reads: those the export writes (durations in
 * minutes), then the older ones still read (durations in hours or as
 * "7h30"), one of each pair at most in a header. */
static const char *const org_cols[] = { "code", "name", "category", "parent", "full_management",
	"tax_exempt", "joined_on", "left_on", "email", "address", "province", "country",
	"invoice_without_detail", "language", NULL };
static const char *const expert_cols[] = { "login", "name", "function", "role", "weekly_minutes",
	"started_on", "left_on", "weekly_hours", NULL };
static const char *const ref_cols[] = { "code", "name", NULL };
static const char *const mandate_cols[] = { "code", "title", "client", "beneficiary", "service",
	"program", "billing", "monthly_fee", "budget_minutes", "budget_amount", "opened_on",
	"closed_on", "budget_hard", "budget_hours", NULL };
static const char *const entry_cols[] = { "date", "expert", "mandate", "minutes", "note", "duration", NULL };
/* Export only: issued documents and payments are made by juste, never imported. */
static const char *const invoice_cols[] = { "number", "kind", "credits_invoice", "client", "client_name",
	"issued_on", "due_on", "tax_regime", "subtotal", "tps", "tvh", "tvq", "total", NULL };
static const char *const payment_cols[] = { "id", "received_on", "client", "invoice", "amount", "method",
	"reference", "voided_on", "void_reason", NULL };

#define BIT(i) (1u << (i))

struct importer;
typedef juste_status (*row_fn)(struct importer *im, struct juste_err *e);
typedef juste_status (*finish_fn)(struct importer *im, struct juste_err *e);

static juste_status row_org(struct importer *im, struct juste_err *e);
static juste_status row_expert(struct importer *im, struct juste_err *e);
static juste_status row_ref(struct importer *im, struct juste_err *e);
static juste_status row_mandate(struct importer *im, struct juste_err *e);
static juste_status row_entry(struct importer *im, struct juste_err *e);
static juste_status finish_orgs(struct importer *im, struct juste_err *e);

/* Columns a header must name; the others may be left out (read as ""). */
static const struct kind_spec {
	const char *name;
	const char *const *cols;
	unsigned required;
	row_fn row;
	finish_fn finish;
	int ncols_out;      /* the first ones: what the export writes */
	unsigned pair;      /* a column and its older name: one at most */
	bool pair_required; /* and one of them at least */
} kinds[] = {
	[KIND_ORGS] = { "orgs", org_cols, BIT(O_CODE) | BIT(O_NAME) | BIT(O_CATEGORY),
		row_org, finish_orgs, 14, 0, false },
	[KIND_EXPERTS] = { "experts", expert_cols,
		BIT(X_LOGIN) | BIT(X_NAME) | BIT(X_FUNCTION) | BIT(X_ROLE), row_expert, NULL, 7,
		BIT(X_WEEKLY_MIN) | BIT(X_WEEKLY), false },
	[KIND_SERVICES] = { "services", ref_cols, BIT(R_CODE) | BIT(R_NAME), row_ref, NULL, 2, 0, false },
	[KIND_PROGRAMS] = { "programs", ref_cols, BIT(R_CODE) | BIT(R_NAME), row_ref, NULL, 2, 0, false },
	[KIND_MANDATES] = { "mandates", mandate_cols, BIT(M_CODE) | BIT(M_TITLE) | BIT(M_CLIENT) |
		BIT(M_SERVICE) | BIT(M_BILLING) | BIT(M_OPENED), row_mandate, NULL, 13,
		BIT(M_BMIN) | BIT(M_BHOURS), false },
	[KIND_ENTRIES] = { "entries", entry_cols,
		BIT(E_DATE) | BIT(E_EXPERT) | BIT(E_MANDATE), row_entry, NULL, 5,
		BIT(E_MINUTES) | BIT(E_DURATION), true },
	[KIND_INVOICES] = { "invoices", invoice_cols, 0, NULL, NULL, 13, 0, false },
	[KIND_PAYMENTS] = { "payments", payment_cols, 0, NULL, NULL, 9, 0, false },
};
#define NKINDS ((int)(sizeof kinds / sizeof kinds[0]))

static int spec_ncols(const struct kind_spec *k)
{
	int n = 0;

	while (k->cols[n] != NULL)
		n++;
	return n;
}

juste_status transfer_kind_parse(const char *s, enum transfer_kind *k, struct juste_err *e)
{
	for (int i = 0; i < NKINDS; i++) {
		if (strcmp(s, kinds[i].name) == 0) {
			*k = (enum transfer_kind)i;
			return JUSTE_OK;
		}
	}
	return err_set(e, JUSTE_EINVAL,
		N_("type inconnu '%s' (orgs, experts, services, programs, mandates, entries, invoices ou payments)"), s);
}

juste_status transfer_format_parse(const char *s, enum transfer_format *f, struct juste_err *e)
{
	if (strcmp(s, "csv") == 0)
		*f = FORMAT_CSV;
	else if (strcmp(s, "json") == 0)
		*f = FORMAT_JSON;
	else if (strcmp(s, "table") == 0)
		*f = FORMAT_TABLE;
	else
		return err_set(e, JUSTE_EUSAGE, N_("format inconnu '%s' (csv, json ou table)"), s);
	return JUSTE_OK;
}

/* ----------------------------------------------------------------------
 * A small hash map from a code to a record, owned by the map.  Entries
 * look up ~100 experts and ~1000 mandates a million times: one query each,
 * then memory.
 * ---------------------------------------------------------------------- */

struct cache_slot {
	const char *key;   /* points into val */
	void *val;
};

struct cache {
	struct cache_slot *slots;
	size_t cap, n;     /* cap is a power of two, at most half full */
};

static size_t hash_str(const char *s)
{
	uint64_t h = 1469598103934665603ULL;   /* FNV-1a */

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return (size_t)h;
}

static void *cache_get(const struct cache *c, const char *key)
{
	if (c->cap == 0)
		return NULL;
	for (size_t i = hash_str(key) & (c->cap - 1);; i = (i + 1) & (c->cap - 1)) {
		if (c->slots[i].key == NULL)
			return NULL;
		if (strcmp(c->slots[i].key, key) == 0)
			return c->slots[i].val;
	}
}

static void cache_place(struct cache_slot *slots, size_t cap, const char *key, void *val)
{
	size_t i = hash_str(key) & (cap - 1);

	while (slots[i].key != NULL)
		i = (i + 1) & (cap - 1);
	slots[i].key = key;
	slots[i].val = val;
}

/* Takes ownership of val, even on failure. */
static juste_status cache_put(struct cache *c, const char *key, void *val, struct juste_err *e)
{
	if ((c->n + 1) * 2 > c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 64;
		struct cache_slot *slots = calloc(cap, sizeof *slots);

		if (slots == NULL) {
			free(val);
			return err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
		}
		for (size_t i = 0; i < c->cap; i++)
			if (c->slots[i].key != NULL)
				cache_place(slots, cap, c->slots[i].key, c->slots[i].val);
		free(c->slots);
		c->slots = slots;
		c->cap = cap;
	}
	cache_place(c->slots, c->cap, key, val);
	c->n++;
	return JUSTE_OK;
}

static void cache_free(struct cache *c)
{
	for (size_t i = 0; i < c->cap; i++)
		free(c->slots[i].val);
	free(c->slots);
	memset(c, 0, sizeof *c);
}

/* ----------------------------------------------------------------------
 * The importer: libcsv callbacks, header, rows
 * ---------------------------------------------------------------------- */

/* A mandate's budget before an import of entries (budget_of_mandate). */
struct budget_watched {
	struct budget_row before;
	struct budget_row now;   /* hard budgets: before plus the rows so far */
	int has;
};

/* An org whose parent was not known yet when its row was read. */
struct pending_parent {
	long line;
	char code[CODE_LEN];
	char parent[CODE_LEN];
};

struct importer {
	struct app *a;
	const struct kind_spec *spec;
	enum transfer_kind kind;
	const char *path;
	struct csv_parser parser;
	long line;                  /* physical line at the parser's position */
	long rec_line;              /* line where the current record starts */
	bool header_done;
	int nheader;                /* fields in the header */
	int colmap[MAX_FIELDS];     /* header position -> column index */
	char *buf;                  /* the current row's fields, NUL-separated */
	size_t len, cap;
	size_t off[MAX_FIELDS];
	int nfields;
	const char *val[MAX_COLS];  /* by column index; "" when not in the file */
	long rows;
	long unchanged;             /* rows identical to a record already there */
	juste_status st;            /* the first failure stops everything */
	struct juste_err *e;
	struct cache experts, mandates;
	struct cache written;       /* codes this import wrote -> their line */
	char colname[48];
	struct entry entry;         /* reused: a fresh one per row costs a memset */
	struct pending_parent *pending;
	size_t npending, cappending;
	/* the budgets of the mandates the entries go to, as they were before
	 * the import, in the order first met (warnings in the file's order) */
	struct cache watched;
	struct budget_watched **watch;
	size_t nwatch, capwatch;
	struct rates_pricer pricer;
	bool pricer_loaded;
};

#define V(im, col) ((im)->val[(col)])

static long count_newlines(const char *s, size_t n)
{
	long k = 0;

	for (const char *p = s; (p = memchr(p, '\n', n - (size_t)(p - s))) != NULL; p++)
		k++;
	return k;
}

/* Whether msg already begins with the name of its field ("note : ...",
 * "date invalide ..."). */
static bool names_field(const char *msg, const char *field)
{
	size_t n = strlen(field);

	return strncmp(msg, field, n) == 0 && (msg[n] == ' ' || msg[n] == ':');
}

/* Records the first failure, prefixed with where it happened: the file,
 * the line, and the column when the message does not say it already. */
static void im_fail(struct importer *im, juste_status st)
{
	im->st = st;
	if (im->e != NULL && im->e->field[0] != '\0' && !names_field(im->e->msg, im->e->field))
		err_prefix(im->e, "%s : ", im->e->field);
	err_prefix(im->e, "%s:%ld: ", im->path, im->rec_line);
}

/* The column of field i of the current record, for messages. */
static const char *column_name(struct importer *im, int i)
{
	if (im->header_done && i < im->nheader)
		return im->spec->cols[im->colmap[i]];
	snprintf(im->colname, sizeof im->colname, _("colonne %d"), i + 1);
	return im->colname;
}

static juste_status row_append(struct importer *im, const char *s, size_t n)
{
	if (im->len + n + 1 > ROW_MAX) {
		err_set(im->e, JUSTE_EINVAL, N_("ligne trop longue (%d octets au plus)"), ROW_MAX);
		return JUSTE_EINVAL;
	}
	if (im->len + n + 1 > im->cap) {
		size_t cap = im->cap ? im->cap : 1024;
		char *b;

		while (cap < im->len + n + 1)
			cap *= 2;
		if ((b = realloc(im->buf, cap)) == NULL)
			return err_set(im->e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
		im->buf = b;
		im->cap = cap;
	}
	im->off[im->nfields] = im->len;
	memcpy(im->buf + im->len, s, n);
	im->buf[im->len + n] = '\0';
	im->len += n + 1;
	return JUSTE_OK;
}

static void on_field(void *s, size_t n, void *data)
{
	struct importer *im = data;
	const char *text = s != NULL ? s : "";
	juste_status st;

	if (im->st != JUSTE_OK)
		return;
	if (im->nfields == 0)
		im->rec_line = im->line;
	im->line += count_newlines(text, n);
	/* no NUL (a C string would end there), well-formed UTF-8; what each
	 * column allows besides is the rules' business */
	if (rules_bytes_validate(column_name(im, im->nfields), text, n, im->e) != JUSTE_OK) {
		im_fail(im, JUSTE_EINVAL);
		return;
	}
	/* the apostrophe csvout puts before what a spreadsheet would run */
	size_t guard = csvout_guard_len(text, n);
	text += guard;
	n -= guard;
	if (im->nfields < MAX_FIELDS && (st = row_append(im, text, n)) != JUSTE_OK) {
		im_fail(im, st);
		return;
	}
	im->nfields++;
}

static int find_col(const struct kind_spec *k, const char *name)
{
	for (int i = 0; k->cols[i] != NULL; i++)
		if (strcmp(k->cols[i], name) == 0)
			return i;
	return -1;
}

/* Any order; every required column present; none unknown or twice. */
static juste_status header_read(struct importer *im, struct juste_err *e)
{
	const struct kind_spec *k = im->spec;
	unsigned seen = 0, missing;
	int ncols = spec_ncols(k);

	for (int i = 0; i < im->nfields && i < MAX_FIELDS; i++) {
		const char *name = im->buf + im->off[i];
		int c = find_col(k, name);

		if (c < 0)
			return err_set(e, JUSTE_EINVAL, N_("colonne inconnue '%s' pour %s"), name,
				k->name);
		if (seen & BIT(c))
			return err_set(e, JUSTE_EINVAL, N_("colonne '%s' en double"), name);
		seen |= BIT(c);
		im->colmap[i] = c;
	}
	if (im->nfields > ncols)
		return err_set(e, JUSTE_EINVAL, N_("%d colonnes, %d au plus pour %s"),
			im->nfields, ncols, k->name);
	missing = k->required & ~seen;
	for (int c = 0; c < ncols; c++)
		if (missing & BIT(c))
			return err_set(e, JUSTE_EINVAL, N_("colonne obligatoire manquante : '%s'"),
				k->cols[c]);
	if (k->pair) {
		int a = -1, b = -1;

		for (int c = 0; c < ncols; c++)
			if (k->pair & BIT(c))
				*(a < 0 ? &a : &b) = c;
		if ((seen & k->pair) == k->pair)
			return err_set(e, JUSTE_EINVAL, N_("colonnes '%s' et '%s' : l'une ou l'autre, pas les deux"),
				k->cols[a], k->cols[b]);
		if (k->pair_required && !(seen & k->pair))
			return err_set(e, JUSTE_EINVAL, N_("colonne obligatoire manquante : '%s' (ou '%s')"),
				k->cols[a], k->cols[b]);
	}
	im->nheader = im->nfields;
	im->header_done = true;
	return JUSTE_OK;
}

static juste_status data_row(struct importer *im, struct juste_err *e)
{
	int ncols = spec_ncols(im->spec);

	if (im->nfields != im->nheader)
		return err_set(e, JUSTE_EINVAL, N_("%d champs au lieu de %d"), im->nfields,
			im->nheader);
	for (int c = 0; c < ncols; c++)
		im->val[c] = "";
	for (int i = 0; i < im->nfields; i++)
		im->val[im->colmap[i]] = im->buf + im->off[i];
	im->rows++;
	return im->spec->row(im, e);
}

static void on_row(int c, void *data)
{
	struct importer *im = data;
	juste_status st;

	/* Blank lines come as rows without fields: only the line count moves. */
	if (im->st == JUSTE_OK && im->nfields > 0) {
		st = im->header_done ? data_row(im, im->e) : header_read(im, im->e);
		if (st != JUSTE_OK)
			im_fail(im, st);
	}
	im->nfields = 0;
	im->len = 0;
	if (c == '\n')
		im->line++;
}

/* The record the parser is in: the current one if it has fields. */
static void im_fail_here(struct importer *im, const char *msg)
{
	if (im->nfields == 0)
		im->rec_line = im->line;
	err_set(im->e, JUSTE_EINVAL, "%s", _(msg));
	im_fail(im, JUSTE_EINVAL);
}

static juste_status import_stream(struct importer *im, FILE *f)
{
	static const unsigned char bom[] = { 0xEF, 0xBB, 0xBF };
	char *chunk = malloc(CHUNK_SIZE);
	size_t n;
	bool first = true;

	if (chunk == NULL)
		return err_set(im->e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	while (im->st == JUSTE_OK && (n = fread(chunk, 1, CHUNK_SIZE, f)) > 0) {
		const char *p = chunk;

		if (first && n >= 3 && memcmp(p, bom, 3) == 0)
			p += 3, n -= 3;
		first = false;
		if (csv_parse(&im->parser, p, n, on_field, on_row, im) != n && im->st == JUSTE_OK)
			im_fail_here(im, csv_error(&im->parser) == CSV_EPARSE ?
				N_("guillemet mal placé (un champ entre guillemets double ses \")") :
				N_("mémoire insuffisante"));
		else if (im->st == JUSTE_OK && csv_get_buffer_size(&im->parser) > ROW_MAX)
			im_fail_here(im, N_("champ trop long"));
	}
	free(chunk);
	if (im->st == JUSTE_OK && ferror(f))
		return err_set(im->e, JUSTE_EIO, N_("%s : lecture impossible : %s"), im->path,
			strerror(errno));
	if (im->st == JUSTE_OK && csv_fini(&im->parser, on_field, on_row, im) != 0 &&
	    im->st == JUSTE_OK)
		im_fail_here(im, N_("guillemet ouvert jamais fermé"));
	return im->st;
}

/* ----------------------------------------------------------------------
 * Field conversions: each refusal names the column
 * ---------------------------------------------------------------------- */

static juste_status put_text(const char *col, char *dst, size_t size, const char *src,
	struct juste_err *e)
{
	size_t n = strlen(src);

	if (n >= size)
		return err_set_field(e, col, JUSTE_EINVAL,
			N_("%s : texte trop long (%zu octets au plus)"), col, size - 1);
	memcpy(dst, src, n + 1);
	return JUSTE_OK;
}

static juste_status put_date(const char *col, char *dst, const char *src, bool required,
	struct juste_err *e)
{
	date_t t;

	if (src[0] == '\0') {
		dst[0] = '\0';
		if (required)
			return err_set_field(e, col, JUSTE_EINVAL, N_("%s : date manquante"), col);
		return JUSTE_OK;
	}
	if (strlen(src) >= ISO_LEN)
		return err_set_field(e, col, JUSTE_EINVAL,
			N_("%s : '%s' n'est pas une date AAAA-MM-JJ valide"), col, src);
	if (date_parse(src, &t, e) != JUSTE_OK) {
		/* date_parse says why: the form, the day, or the years 1900..2999 */
		if (e != NULL)
			snprintf(e->field, sizeof e->field, "%s", col);
		return err_prefix(e, "%s : ", col);
	}
	strcpy(dst, src);
	return JUSTE_OK;
}

static juste_status put_bool(const char *col, int *dst, const char *src, struct juste_err *e)
{
	*dst = 0;
	return src[0] == '\0' ? JUSTE_OK : rules_bool_parse(col, src, dst, e);
}

static juste_status put_money(const char *col, int64_t *dst, const char *src,
	struct juste_err *e)
{
	*dst = 0;
	if (src[0] == '\0')
		return JUSTE_OK;
	if (money_parse(src, dst, e) != JUSTE_OK)
		return err_prefix(e, "%s : ", col);
	if (*dst < 0)
		return err_set_field(e, col, JUSTE_EINVAL, N_("%s : montant négatif refusé '%s'"),
			col, src);
	return JUSTE_OK;
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Minutes as the export writes them: digits only ("195"). */
static juste_status minutes_parse(const char *col, const char *s, int64_t max_minutes,
	int64_t *out, struct juste_err *e)
{
	int64_t v = 0;

	if (!is_digit(*s))
		goto bad;
	for (const char *p = s; *p; p++) {
		if (!is_digit(*p))
			goto bad;
		if ((v = v * 10 + (*p - '0')) > max_minutes)
			return err_set_field(e, col, JUSTE_EINVAL, N_("%s : nombre de minutes trop grand '%s'"),
				col, s);
	}
	*out = v;
	return JUSTE_OK;
bad:
	return err_set_field(e, col, JUSTE_EINVAL,
		N_("%s : nombre de minutes invalide '%s' (attendu un entier, 90 pour 1h30)"), col, s);
}

/* Hours as written in a sheet: "35", "17.5", "17,5", "7h30", "7h", "7:30".
 * Integer arithmetic; decimals round to the nearest minute as durations do. */
static juste_status hours_parse(const char *col, const char *s, int64_t max_minutes,
	int64_t *out, struct juste_err *e)
{
	const char *p = s;
	int64_t h = 0, m = 0;

	if (!is_digit(*p))
		goto bad;
	for (; is_digit(*p); p++)
		if ((h = h * 10 + (*p - '0')) > max_minutes / 60)
			goto big;
	if (*p == '.' || *p == ',') {
		int64_t frac = 0, pow = 1;

		for (p++; is_digit(*p) && pow < 1000000; p++, pow *= 10)
			frac = frac * 10 + (*p - '0');
		if (pow == 1 || *p != '\0')
			goto bad;
		m = (frac * 60 + pow / 2) / pow;
	} else if (*p == 'h' || *p == 'H' || *p == ':') {
		bool colon = *p++ == ':';
		int nd = 0;

		for (; is_digit(*p) && nd < 2; p++, nd++)
			m = m * 10 + (*p - '0');
		if (*p != '\0' || m >= 60 || (colon && nd != 2) || (!colon && nd == 1))
			goto bad;
	} else if (*p != '\0') {
		goto bad;
	}
	if ((*out = h * 60 + m) > max_minutes)
		goto big;
	return JUSTE_OK;
bad:
	return err_set_field(e, col, JUSTE_EINVAL,
		N_("%s : nombre d'heures invalide '%s' (attendu 35, 17.5 ou 7h30)"), col, s);
big:
	return err_set_field(e, col, JUSTE_EINVAL, N_("%s : nombre d'heures trop grand '%s'"),
		col, s);
}

/* The exact inverse of hours_parse: "35", "17.5", "0.25", else "7h20". */
static char *hours_format(int64_t minutes, char *buf, size_t n)
{
	if (minutes % 60 == 0) {
		snprintf(buf, n, "%lld", (long long)(minutes / 60));
	} else if (minutes * 100 % 60 == 0) {
		long long hundredths = minutes * 100 / 60;

		if (hundredths % 10 == 0)
			snprintf(buf, n, "%lld.%lld", hundredths / 100, hundredths % 100 / 10);
		else
			snprintf(buf, n, "%lld.%02lld", hundredths / 100, hundredths % 100);
	} else {
		snprintf(buf, n, "%lldh%02lld", (long long)(minutes / 60), (long long)(minutes % 60));
	}
	return buf;
}

enum existing { EXISTS_ORG, EXISTS_EXPERT, EXISTS_SERVICE, EXISTS_PROGRAM, EXISTS_MANDATE };

/* The first column in which a row differs from the record of the same
 * code, with both values as text (cut for the message). */
struct diff {
	const char *col;             /* NULL: identical */
	char db[96], file[96];
};

static void diff_str(struct diff *d, const char *col, const char *db, const char *file)
{
	if (d->col != NULL || strcmp(db, file) == 0)
		return;
	d->col = col;
	/* cut at a character, line breaks shown as spaces: a one-line message */
	text_fit(db, 40, d->db, sizeof d->db);
	text_fit(file, 40, d->file, sizeof d->file);
}

static void diff_int(struct diff *d, const char *col, int64_t db, int64_t file)
{
	char a[32], b[32];

	snprintf(a, sizeof a, "%lld", (long long)db);
	snprintf(b, sizeof b, "%lld", (long long)file);
	diff_str(d, col, a, b);
}

/* One literal format per kind, so that translators see whole sentences. */
static juste_status differs_error(enum existing what, const char *code, const struct diff *d,
	struct juste_err *e)
{
	juste_status st;

	/* the column is in the sentence: not set as the field, so that the
	 * importer does not name it twice */
	switch (what) {
	case EXISTS_ORG:
		st = err_set(e, JUSTE_ECONFLICT,
			N_("l'organisation '%s' existe déjà avec une autre valeur : %s « %s » dans la base, « %s » dans le fichier"),
			code, d->col, d->db, d->file);
		break;
	case EXISTS_EXPERT:
		st = err_set(e, JUSTE_ECONFLICT,
			N_("l'expert '%s' existe déjà avec une autre valeur : %s « %s » dans la base, « %s » dans le fichier"),
			code, d->col, d->db, d->file);
		break;
	case EXISTS_SERVICE:
		st = err_set(e, JUSTE_ECONFLICT,
			N_("le service '%s' existe déjà avec une autre valeur : %s « %s » dans la base, « %s » dans le fichier"),
			code, d->col, d->db, d->file);
		break;
	case EXISTS_PROGRAM:
		st = err_set(e, JUSTE_ECONFLICT,
			N_("le programme '%s' existe déjà avec une autre valeur : %s « %s » dans la base, « %s » dans le fichier"),
			code, d->col, d->db, d->file);
		break;
	case EXISTS_MANDATE:
	default:
		st = err_set(e, JUSTE_ECONFLICT,
			N_("le mandat '%s' existe déjà avec une autre valeur : %s « %s » dans la base, « %s » dans le fichier"),
			code, d->col, d->db, d->file);
		break;
	}
	return st;
}

/* A code this import wrote, and the line that wrote it. */
struct written {
	long line;
	char code[LOGIN_LEN];
};

static juste_status written_add(struct importer *im, const char *code, struct juste_err *e)
{
	struct written *w = malloc(sizeof *w);

	if (w == NULL)
		return err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	w->line = im->rec_line;
	snprintf(w->code, sizeof w->code, "%s", code);
	return cache_put(&im->written, w->code, w, e);
}

/* The store's answer for the row's code.  Nothing there: the row is to
 * be inserted (*insert).  A record this very file wrote: the code is
 * twice in the file, an error naming the first line.  A record that was
 * there before: identical (d->col NULL), the row is counted unchanged, so
 * that an export imports back into a database that already holds some of
 * it (the admin `juste init` registered, a second run); otherwise an error
 * naming the first column that differs. */
static juste_status existing_judge(struct importer *im, juste_status got, const struct juste_err *scratch,
	enum existing what, const char *code, const struct diff *d, bool *insert, struct juste_err *e)
{
	const struct written *w;

	*insert = got == JUSTE_ENOTFOUND;
	if (*insert)
		return JUSTE_OK;
	if (got != JUSTE_OK) {
		if (e != NULL)
			*e = *scratch;
		return got;
	}
	if ((w = cache_get(&im->written, code)) != NULL) {
		if (what == EXISTS_EXPERT)
			return err_set_field(e, "login", JUSTE_ECONFLICT,
				N_("login '%s' en double dans le fichier (déjà ligne %ld)"), code, w->line);
		return err_set_field(e, "code", JUSTE_ECONFLICT,
			N_("code '%s' en double dans le fichier (déjà ligne %ld)"), code, w->line);
	}
	if (d->col != NULL)
		return differs_error(what, code, d, e);
	im->unchanged++;
	return JUSTE_OK;
}

/* ----------------------------------------------------------------------
 * Rows of each kind
 * ---------------------------------------------------------------------- */

/* Where an organisation is (its taxes follow): QC and CA when left out;
 * outside Canada it has no province. */
static juste_status org_place_parse(struct org *o, const char *province, const char *country, struct juste_err *e)
{
	snprintf(o->country, sizeof o->country, "%s", *country ? country : COUNTRY_CANADA);
	if (strlen(country) >= sizeof o->country || tax_country_validate(*country ? country : COUNTRY_CANADA, e))
		return tax_country_validate(country, e);
	o->province = PROVINCE_QC;
	if (!tax_country_is_canada(o->country)) {
		if (*province)
			return err_set_field(e, "province", JUSTE_EINVAL,
				N_("province '%s' pour une organisation hors du Canada (%s) : laissez la colonne vide"), province, country);
		return JUSTE_OK;
	}
	return *province ? vocab_province_parse(province, &o->province, e) : JUSTE_OK;
}

/* The language of its documents: French when left out. */
static juste_status org_language_parse(struct org *o, const char *word, struct juste_err *e)
{
	enum language l = LANGUAGE_FR;
	juste_status st = *word ? vocab_language_parse(word, &l, e) : JUSTE_OK;
	if (st == JUSTE_OK)
		snprintf(o->language, sizeof o->language, "%s", vocab_language_word(l));
	return st;
}

static juste_status org_fill(struct importer *im, struct org *o, struct juste_err *e)
{
	juste_status st;

	memset(o, 0, sizeof *o);
	if ((st = put_text("code", o->code, sizeof o->code, V(im, O_CODE), e)) != JUSTE_OK ||
	    (st = put_text("name", o->name, sizeof o->name, V(im, O_NAME), e)) != JUSTE_OK ||
	    (st = put_text("parent", o->parent, sizeof o->parent, V(im, O_PARENT), e)) != JUSTE_OK ||
	    (st = put_bool("full_management", &o->full_management, V(im, O_FULL), e)) != JUSTE_OK ||
	    (st = put_bool("tax_exempt", &o->tax_exempt, V(im, O_EXEMPT), e)) != JUSTE_OK ||
	    (st = put_bool("invoice_without_detail", &o->invoice_without_detail, V(im, O_WITHOUT_DETAIL), e)) != JUSTE_OK ||
	    (st = put_date("joined_on", o->joined_on, V(im, O_JOINED), false, e)) != JUSTE_OK ||
	    (st = put_date("left_on", o->left_on, V(im, O_LEFT), false, e)) != JUSTE_OK ||
	    (st = put_text("email", o->email, sizeof o->email, V(im, O_EMAIL), e)) != JUSTE_OK ||
	    (st = put_text("address", o->address, sizeof o->address, V(im, O_ADDRESS), e)) != JUSTE_OK ||
	    (st = vocab_category_parse(V(im, O_CATEGORY), &o->category, e)) != JUSTE_OK ||
	    (st = org_place_parse(o, V(im, O_PROVINCE), V(im, O_COUNTRY), e)) != JUSTE_OK ||
	    (st = org_language_parse(o, V(im, O_LANGUAGE), e)) != JUSTE_OK)
		return st;
	return rules_org_validate(o, e);
}

static juste_status pending_add(struct importer *im, const struct org *o, struct juste_err *e)
{
	struct pending_parent *p;

	if (im->npending == im->cappending) {
		size_t cap = im->cappending ? im->cappending * 2 : 16;

		if ((p = realloc(im->pending, cap * sizeof *p)) == NULL)
			return err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
		im->pending = p;
		im->cappending = cap;
	}
	p = &im->pending[im->npending++];
	p->line = im->rec_line;
	memcpy(p->code, o->code, sizeof p->code);
	memcpy(p->parent, o->parent, sizeof p->parent);
	return JUSTE_OK;
}

static void org_diff(const struct org *db, const struct org *file, struct diff *d)
{
	diff_str(d, "name", db->name, file->name);
	diff_str(d, "category", vocab_category_word(db->category), vocab_category_word(file->category));
	diff_str(d, "parent", db->parent, file->parent);
	diff_int(d, "full_management", db->full_management, file->full_management);
	diff_int(d, "tax_exempt", db->tax_exempt, file->tax_exempt);
	diff_str(d, "joined_on", db->joined_on, file->joined_on);
	diff_str(d, "left_on", db->left_on, file->left_on);
	diff_str(d, "email", db->email, file->email);
	diff_str(d, "address", db->address, file->address);
	diff_str(d, "country", db->country[0] ? db->country : COUNTRY_CANADA, file->country[0] ? file->country : COUNTRY_CANADA);
	if (!db->country[0] || tax_country_is_canada(db->country))
		diff_str(d, "province", vocab_province_word(db->province), vocab_province_word(file->province));
	diff_int(d, "invoice_without_detail", db->invoice_without_detail, file->invoice_without_detail);
	diff_str(d, "language", db->language[0] ? db->language : vocab_language_word(LANGUAGE_FR), file->language);
}

/* A parent already known (in the database or earlier in the file) is set
 * at once; one defined later in the file is set by finish_orgs. */
static juste_status row_org(struct importer *im, struct juste_err *e)
{
	struct org o, other;
	struct juste_err scratch;
	struct diff d = { 0 };
	bool insert;
	juste_status st;

	if ((st = org_fill(im, &o, e)) != JUSTE_OK)
		return st;
	st = store_org_get(im->a->store, o.code, &other, &scratch);
	if (st == JUSTE_OK)
		org_diff(&other, &o, &d);
	if ((st = existing_judge(im, st, &scratch, EXISTS_ORG, o.code, &d, &insert, e)) != JUSTE_OK || !insert)
		return st;
	if ((st = written_add(im, o.code, e)) != JUSTE_OK)
		return st;
	if (o.parent[0] != '\0') {
		st = store_org_get(im->a->store, o.parent, &other, &scratch);
		if (st == JUSTE_ENOTFOUND) {
			if ((st = pending_add(im, &o, e)) != JUSTE_OK)
				return st;
			o.parent[0] = '\0';
		} else if (st != JUSTE_OK) {
			*e = scratch;
			return st;
		}
	}
	return store_org_insert(im->a->store, &o, e);
}

/* Walks up from `code`; coming back to it means the parents loop. */
static juste_status org_check_cycle(struct importer *im, const char *code, struct juste_err *e)
{
	struct org o;
	char cur[CODE_LEN];
	juste_status st;

	memcpy(cur, code, sizeof cur);
	for (int depth = 0; depth < 1000; depth++) {
		if ((st = store_org_get(im->a->store, cur, &o, e)) != JUSTE_OK)
			return st;
		if (o.parent[0] == '\0')
			return JUSTE_OK;
		if (strcmp(o.parent, code) == 0)
			break;
		memcpy(cur, o.parent, sizeof cur);
	}
	return err_set_field(e, "parent", JUSTE_EINVAL,
		N_("les parents de '%s' forment une boucle"), code);
}

static juste_status pending_resolve(struct importer *im, const struct pending_parent *p,
	struct juste_err *e)
{
	struct org o;
	struct juste_err scratch;
	juste_status st;

	st = store_org_get(im->a->store, p->parent, &o, &scratch);
	if (st == JUSTE_ENOTFOUND)
		return err_set_field(e, "parent", JUSTE_ENOTFOUND,
			N_("organisation parente inconnue '%s'"), p->parent);
	if (st != JUSTE_OK) {
		*e = scratch;
		return st;
	}
	if ((st = store_org_get(im->a->store, p->code, &o, e)) != JUSTE_OK)
		return st;
	memcpy(o.parent, p->parent, sizeof o.parent);
	return store_org_update(im->a->store, &o, e);
}

static juste_status finish_orgs(struct importer *im, struct juste_err *e)
{
	juste_status st = JUSTE_OK;

	for (size_t i = 0; i < im->npending && st == JUSTE_OK; i++)
		if ((st = pending_resolve(im, &im->pending[i], e)) != JUSTE_OK)
			err_prefix(e, "%s:%ld: ", im->path, im->pending[i].line);
	for (size_t i = 0; i < im->npending && st == JUSTE_OK; i++)
		if ((st = org_check_cycle(im, im->pending[i].code, e)) != JUSTE_OK)
			err_prefix(e, "%s:%ld: ", im->path, im->pending[i].line);
	return st;
}

static juste_status row_expert(struct importer *im, struct juste_err *e)
{
	struct expert x, other;
	struct juste_err scratch;
	struct diff d = { 0 };
	bool insert;
	int64_t weekly = DEFAULT_WEEKLY_MINUTES;
	juste_status st;

	memset(&x, 0, sizeof x);
	if ((st = put_text("login", x.login, sizeof x.login, V(im, X_LOGIN), e)) != JUSTE_OK ||
	    (st = put_text("name", x.name, sizeof x.name, V(im, X_NAME), e)) != JUSTE_OK ||
	    (st = put_date("started_on", x.started_on, V(im, X_STARTED), false, e)) != JUSTE_OK ||
	    (st = put_date("left_on", x.left_on, V(im, X_LEFT), false, e)) != JUSTE_OK ||
	    (st = vocab_function_parse(V(im, X_FUNCTION), &x.function, e)) != JUSTE_OK ||
	    (st = vocab_role_parse(V(im, X_ROLE), &x.role, e)) != JUSTE_OK)
		return st;
	if (V(im, X_WEEKLY_MIN)[0] != '\0' &&
	    (st = minutes_parse("weekly_minutes", V(im, X_WEEKLY_MIN), 7 * 24 * 60, &weekly, e)) != JUSTE_OK)
		return st;
	if (V(im, X_WEEKLY)[0] != '\0' &&
	    (st = hours_parse("weekly_hours", V(im, X_WEEKLY), 7 * 24 * 60, &weekly, e)) != JUSTE_OK)
		return st;
	x.weekly_minutes = (int)weekly;
	if ((st = rules_expert_validate(&x, e)) != JUSTE_OK)
		return st;
	st = store_expert_get(im->a->store, x.login, &other, &scratch);
	if (st == JUSTE_OK) {
		diff_str(&d, "name", other.name, x.name);
		diff_str(&d, "function", vocab_function_word(other.function), vocab_function_word(x.function));
		diff_str(&d, "role", vocab_role_word(other.role), vocab_role_word(x.role));
		if (other.weekly_minutes != x.weekly_minutes) {
			char a[HOURS_BUF], b[HOURS_BUF];

			diff_str(&d, "weekly_hours", hours_format(other.weekly_minutes, a, sizeof a),
				hours_format(x.weekly_minutes, b, sizeof b));
		}
		diff_str(&d, "started_on", other.started_on, x.started_on);
		diff_str(&d, "left_on", other.left_on, x.left_on);
	}
	if ((st = existing_judge(im, st, &scratch, EXISTS_EXPERT, x.login, &d, &insert, e)) != JUSTE_OK || !insert)
		return st;
	if ((st = written_add(im, x.login, e)) != JUSTE_OK)
		return st;
	return store_expert_insert(im->a->store, &x, e);
}

static juste_status row_ref(struct importer *im, struct juste_err *e)
{
	enum ref_kind rk = im->kind == KIND_SERVICES ? REF_SERVICE : REF_PROGRAM;
	struct refitem r, other;
	struct juste_err scratch;
	struct diff d = { 0 };
	bool insert;
	juste_status st;

	memset(&r, 0, sizeof r);
	if ((st = put_text("code", r.code, sizeof r.code, V(im, R_CODE), e)) != JUSTE_OK ||
	    (st = put_text("name", r.name, sizeof r.name, V(im, R_NAME), e)) != JUSTE_OK ||
	    (st = rules_ref_validate(&r, e)) != JUSTE_OK)
		return st;
	st = store_ref_get(im->a->store, rk, r.code, &other, &scratch);
	if (st == JUSTE_OK)
		diff_str(&d, "name", other.name, r.name);
	if ((st = existing_judge(im, st, &scratch, rk == REF_SERVICE ? EXISTS_SERVICE : EXISTS_PROGRAM,
	    r.code, &d, &insert, e)) != JUSTE_OK || !insert)
		return st;
	if ((st = written_add(im, r.code, e)) != JUSTE_OK)
		return st;
	return store_ref_insert(im->a->store, rk, &r, e);
}

static juste_status mandate_fill(struct importer *im, struct mandate *m, struct juste_err *e)
{
	juste_status st;

	memset(m, 0, sizeof *m);
	if ((st = put_text("code", m->code, sizeof m->code, V(im, M_CODE), e)) != JUSTE_OK ||
	    (st = put_text("title", m->title, sizeof m->title, V(im, M_TITLE), e)) != JUSTE_OK ||
	    (st = put_text("client", m->client, sizeof m->client, V(im, M_CLIENT), e)) != JUSTE_OK ||
	    (st = put_text("beneficiary", m->beneficiary, sizeof m->beneficiary, V(im, M_BENEF), e)) != JUSTE_OK ||
	    (st = put_text("service", m->service, sizeof m->service, V(im, M_SERVICE), e)) != JUSTE_OK ||
	    (st = put_text("program", m->program, sizeof m->program, V(im, M_PROGRAM), e)) != JUSTE_OK ||
	    (st = put_money("monthly_fee", &m->monthly_fee_cents, V(im, M_FEE), e)) != JUSTE_OK ||
	    (st = put_money("budget_amount", &m->budget_cents, V(im, M_BAMOUNT), e)) != JUSTE_OK ||
	    (st = put_date("opened_on", m->opened_on, V(im, M_OPENED), true, e)) != JUSTE_OK ||
	    (st = put_date("closed_on", m->closed_on, V(im, M_CLOSED), false, e)) != JUSTE_OK ||
	    (st = put_bool("budget_hard", &m->budget_hard, V(im, M_BHARD), e)) != JUSTE_OK ||
	    (st = vocab_billing_parse(V(im, M_BILLING), &m->billing, e)) != JUSTE_OK)
		return st;
	if (V(im, M_BHOURS)[0] != '\0' && (st = hours_parse("budget_hours", V(im, M_BHOURS),
	    INT32_MAX, &m->budget_minutes, e)) != JUSTE_OK)
		return st;
	if (V(im, M_BMIN)[0] != '\0' && (st = minutes_parse("budget_minutes", V(im, M_BMIN),
	    INT32_MAX, &m->budget_minutes, e)) != JUSTE_OK)
		return st;
	/* The beneficiary defaults to the client (DOMAIN.md). */
	if (m->beneficiary[0] == '\0')
		memcpy(m->beneficiary, m->client, sizeof m->beneficiary);
	return rules_mandate_validate(m, e);
}

static const char *opt_money(int64_t cents, char *buf);

/* The beneficiary defaults to the client: an absent one and the client's
 * code are the same value. */
static const char *beneficiary_of(const struct mandate *m)
{
	return m->beneficiary[0] != '\0' ? m->beneficiary : m->client;
}

static void mandate_diff(const struct mandate *db, const struct mandate *file, struct diff *d)
{
	diff_str(d, "title", db->title, file->title);
	diff_str(d, "client", db->client, file->client);
	diff_str(d, "beneficiary", beneficiary_of(db), beneficiary_of(file));
	diff_str(d, "service", db->service, file->service);
	diff_str(d, "program", db->program, file->program);
	diff_str(d, "billing", vocab_billing_word(db->billing), vocab_billing_word(file->billing));
	/* numbers compared as numbers, shown as the file writes them */
	char a[MONEY_BUF], b[MONEY_BUF];
	if (db->monthly_fee_cents != file->monthly_fee_cents)
		diff_str(d, "monthly_fee", opt_money(db->monthly_fee_cents, a), opt_money(file->monthly_fee_cents, b));
	if (db->budget_minutes != file->budget_minutes)
		diff_str(d, "budget_hours", hours_format(db->budget_minutes, a, sizeof a),
			hours_format(file->budget_minutes, b, sizeof b));
	if (db->budget_cents != file->budget_cents)
		diff_str(d, "budget_amount", opt_money(db->budget_cents, a), opt_money(file->budget_cents, b));
	diff_str(d, "opened_on", db->opened_on, file->opened_on);
	diff_str(d, "closed_on", db->closed_on, file->closed_on);
	diff_int(d, "budget_hard", db->budget_hard, file->budget_hard);
}

static juste_status row_mandate(struct importer *im, struct juste_err *e)
{
	struct mandate *m = malloc(2 * sizeof *m);   /* two big records: keep them off the stack */
	struct juste_err scratch;
	struct diff d = { 0 };
	bool insert = false;
	juste_status st;

	if (m == NULL)
		return err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	if ((st = mandate_fill(im, &m[0], e)) == JUSTE_OK) {
		st = store_mandate_get(im->a->store, m[0].code, &m[1], &scratch);
		if (st == JUSTE_OK)
			mandate_diff(&m[1], &m[0], &d);
		st = existing_judge(im, st, &scratch, EXISTS_MANDATE, m[0].code, &d, &insert, e);
	}
	if (st == JUSTE_OK && insert && (st = written_add(im, m[0].code, e)) == JUSTE_OK)
		st = store_mandate_insert(im->a->store, &m[0], e);
	free(m);
	return st;
}

static juste_status lookup_expert(struct importer *im, const char *login, struct expert **out,
	struct juste_err *e)
{
	struct expert *x = cache_get(&im->experts, login);
	struct juste_err scratch;
	juste_status st;

	if ((*out = x) != NULL)
		return JUSTE_OK;
	if ((x = malloc(sizeof *x)) == NULL)
		return err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	if ((st = store_expert_get(im->a->store, login, x, &scratch)) != JUSTE_OK) {
		free(x);
		if (st == JUSTE_ENOTFOUND)
			return err_set_field(e, "expert", st, N_("expert inconnu '%s'"), login);
		*e = scratch;
		return st;
	}
	*out = x;
	return cache_put(&im->experts, x->login, x, e);
}

static juste_status lookup_mandate(struct importer *im, const char *code, struct mandate **out,
	struct juste_err *e)
{
	struct mandate *m = cache_get(&im->mandates, code);
	struct juste_err scratch;
	juste_status st;

	if ((*out = m) != NULL)
		return JUSTE_OK;
	if ((m = malloc(sizeof *m)) == NULL)
		return err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	if ((st = store_mandate_get(im->a->store, code, m, &scratch)) != JUSTE_OK) {
		free(m);
		if (st == JUSTE_ENOTFOUND)
			return err_set_field(e, "mandate", st, N_("mandat inconnu '%s'"), code);
		*e = scratch;
		return st;
	}
	*out = m;
	return cache_put(&im->mandates, m->code, m, e);
}

/* The budget of mandate m before the import's first entry on it. */
static juste_status watch_mandate(struct importer *im, const struct mandate *m, struct budget_watched **out,
	struct juste_err *e)
{
	if ((*out = cache_get(&im->watched, m->code)) != NULL)
		return JUSTE_OK;
	juste_status st;
	/* one pricer for the whole import, loaded when a dollar budget of an
	 * hourly mandate needs its entries priced */
	if (!im->pricer_loaded && m->billing == BILLING_HORAIRE && m->budget_cents) {
		if ((st = rates_pricer_load(im->a, &im->pricer, e)) != JUSTE_OK)
			return st;
		im->pricer_loaded = true;
	}
	if (im->nwatch == im->capwatch) {
		size_t cap = im->capwatch ? im->capwatch * 2 : 16;
		struct budget_watched **grown = realloc(im->watch, cap * sizeof *grown);
		if (grown == NULL)
			return err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
		im->watch = grown;
		im->capwatch = cap;
	}
	struct budget_watched *w = calloc(1, sizeof *w);
	if (w == NULL)
		return err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	if ((st = budget_of_mandate(im->a, im->pricer_loaded ? &im->pricer : NULL, m->code, &w->before, &w->has, e))
	    != JUSTE_OK) {
		free(w);
		return st;
	}
	w->now = w->before;
	/* the cache owns w (its key lives in w); the list only points */
	if ((st = cache_put(&im->watched, w->before.code, w, e)) != JUSTE_OK)
		return st;
	im->watch[im->nwatch++] = w;
	*out = w;
	return JUSTE_OK;
}

/* The fast path of timelog_add: same rules, lookups cached, ids given to
 * the store; the database's trigger holds the 24 h per day rule. */
/* An entry's time: "minutes" as the export writes it, or "duration" as
 * people write it ("4h00", "1:30", "90m", "1,5"). */
static juste_status entry_minutes(struct importer *im, int *minutes, struct juste_err *e)
{
	int64_t m = 0;
	juste_status st;

	if (V(im, E_DURATION)[0] != '\0')
		return duration_parse(V(im, E_DURATION), minutes, e);
	if ((st = minutes_parse("minutes", V(im, E_MINUTES), 24 * 60, &m, e)) != JUSTE_OK)
		return st;
	*minutes = (int)m;
	return JUSTE_OK;
}

static juste_status row_entry(struct importer *im, struct juste_err *e)
{
	struct entry *en = &im->entry;
	struct expert *x;
	struct mandate *m;
	juste_status st;

	en->id = 0;
	en->uuid[0] = '\0';
	en->client[0] = '\0';
	if ((st = put_date("date", en->work_date, V(im, E_DATE), true, e)) != JUSTE_OK ||
	    (st = put_text("expert", en->expert, sizeof en->expert, V(im, E_EXPERT), e)) != JUSTE_OK ||
	    (st = put_text("mandate", en->mandate, sizeof en->mandate, V(im, E_MANDATE), e)) != JUSTE_OK ||
	    (st = put_text("note", en->note, sizeof en->note, V(im, E_NOTE), e)) != JUSTE_OK ||
	    (st = entry_minutes(im, &en->minutes, e)) != JUSTE_OK ||
	    (st = lookup_expert(im, en->expert, &x, e)) != JUSTE_OK ||
	    (st = lookup_mandate(im, en->mandate, &m, e)) != JUSTE_OK ||
	    (st = rules_entry_validate(en, m, x, e)) != JUSTE_OK)
		return st;
	en->expert_id = x->id;
	en->mandate_id = m->id;
	struct budget_watched *w;
	if ((st = watch_mandate(im, m, &w, e)) != JUSTE_OK ||
	    (st = store_entry_insert(im->a->store, en, e)) != JUSTE_OK)
		return st;
	if (!w->has || !w->before.hard)
		return JUSTE_OK;
	/* a hard budget is met row by row, so that the refusal names the
	 * line that takes it past 100 %: each row added to the running row,
	 * not the mandate's entries walked again */
	struct rate_billable b = { .entry_id = en->id, .mandate_id = m->id, .minutes = en->minutes };
	snprintf(b.work_date, sizeof b.work_date, "%s", en->work_date);
	snprintf(b.expert, sizeof b.expert, "%s", en->expert);
	budget_row_add(&w->now, m->billing == BILLING_HORAIRE, im->pricer_loaded ? &im->pricer : NULL, &b);
	char notice[256];
	return budget_judge(&w->before, &w->now, notice, sizeof notice, e);
}

/* The budgets of the mandates an import of entries went to, against
 * what they were before it: the 80 % and 100 % crossed, one line per
 * mandate, in *notices (NULL when none). */
static juste_status watched_notices(struct importer *im, char **notices, struct juste_err *e)
{
	size_t len = 0;
	*notices = NULL;
	for (size_t i = 0; i < im->nwatch; i++) {
		struct budget_watched *w = im->watch[i];
		if (!w->has)
			continue;
		struct budget_row after;
		int has;
		char line[256];
		juste_status st = budget_of_mandate(im->a, im->pricer_loaded ? &im->pricer : NULL, w->before.code, &after,
			&has, e);
		if (!st)
			st = budget_judge(&w->before, &after, line, sizeof line, e);
		if (st) {
			free(*notices);
			*notices = NULL;
			return st;
		}
		if (!line[0])
			continue;
		size_t k = strlen(line);
		char *grown = realloc(*notices, len + k + 2);
		if (grown == NULL) {
			free(*notices);
			*notices = NULL;
			return err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
		}
		*notices = grown;
		memcpy(grown + len, line, k);
		len += k;
		grown[len++] = '\n';
		grown[len] = '\0';
	}
	return JUSTE_OK;
}

/* ----------------------------------------------------------------------
 * transfer_import
 * ---------------------------------------------------------------------- */

static void importer_free(struct importer *im)
{
	csv_free(&im->parser);
	cache_free(&im->experts);
	cache_free(&im->mandates);
	cache_free(&im->written);
	cache_free(&im->watched);
	free(im->watch);
	if (im->pricer_loaded)
		rates_pricer_free(&im->pricer);
	free(im->buf);
	free(im->pending);
}

static juste_status import_file(struct importer *im, FILE *f, struct juste_err *e)
{
	juste_status st = import_stream(im, f);

	if (st == JUSTE_OK && im->spec->finish != NULL)
		st = im->spec->finish(im, e);
	return st;
}

juste_status transfer_import(struct app *a, enum transfer_kind k, const char *path, int dry_run,
	struct import_result *r, struct juste_err *e)
{
	struct importer *im;
	juste_status st;
	FILE *f;

	r->rows = r->inserted = r->unchanged = 0;
	r->notices = NULL;
	if ((st = app_require(a, ROLE_ADMIN, _("importer des données"), e)) != JUSTE_OK)
		return st;
	if (kinds[k].row == NULL)
		return err_set(e, JUSTE_EINVAL, N_("%s s'exportent mais ne s'importent pas : juste les émet et les enregistre"),
			kinds[k].name);
	if ((f = fopen(path, "rb")) == NULL)
		return err_set(e, JUSTE_EIO, N_("%s : ouverture impossible : %s"), path, strerror(errno));
	/* The importer holds a whole entry record: heap, not stack. */
	if ((im = calloc(1, sizeof *im)) == NULL) {
		fclose(f);
		return err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	}
	im->a = a;
	im->kind = k;
	im->spec = &kinds[k];
	im->path = path;
	im->line = 1;
	im->e = e;
	csv_init(&im->parser, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL);
	csv_set_blk_size(&im->parser, 4096);

	if ((st = store_begin(a->store, e)) == JUSTE_OK) {
		if (k == KIND_ENTRIES)
			st = store_bulk_begin(a->store, e);
		if (st == JUSTE_OK)
			st = import_file(im, f, e);
		if (st == JUSTE_OK && k == KIND_ENTRIES)
			st = watched_notices(im, &r->notices, e);
		if (st == JUSTE_OK && k == KIND_ENTRIES)
			st = store_bulk_end(a->store, path, e);
		if (st == JUSTE_OK && !dry_run)
			st = store_commit(a->store, e);
		store_rollback(a->store);   /* no-op after a commit */
	}
	if (st != JUSTE_OK) {
		free(r->notices);
		r->notices = NULL;
	}
	r->rows = im->rows;
	r->unchanged = st == JUSTE_OK ? im->unchanged : 0;
	r->inserted = st == JUSTE_OK && !dry_run ? im->rows - im->unchanged : 0;
	importer_free(im);
	free(im);
	fclose(f);
	return st;
}

/* ----------------------------------------------------------------------
 * Export: a record is a list of fields, written as CSV or as JSON
 * ---------------------------------------------------------------------- */

enum jtype { J_STR, J_OPT, J_INT, J_OPT_INT, J_BOOL };

struct field {
	const char *name;    /* JSON name */
	const char *text;    /* CSV text; NULL = JSON only */
	const char *jtext;   /* JSON text of strings */
	enum jtype type;
	int64_t num;
};

struct record {
	int n;
	struct field f[MAX_COLS + 1];
	char scratch[3][MONEY_BUF];   /* formatted numbers */
};

struct exporter {
	FILE *out;
	bool json;
	bool first;
	juste_status st;
	struct juste_err err;
};

static void rec_add(struct record *r, const char *name, const char *text, enum jtype t,
	int64_t num)
{
	r->f[r->n++] = (struct field){ name, text, text, t, num };
}

/* The public id: in JSON only, since the CSV columns are the import's. */
static void rec_uuid(struct record *r, const char *uuid)
{
	r->f[r->n++] = (struct field){ "uuid", NULL, uuid, J_STR, 0 };
}

static void rec_str(struct record *r, const char *name, const char *s)
{
	rec_add(r, name, s, J_STR, 0);
}

static void rec_opt(struct record *r, const char *name, const char *s)
{
	rec_add(r, name, s, J_OPT, 0);
}

static void rec_bool(struct record *r, const char *name, int v)
{
	rec_add(r, name, v ? "1" : "0", J_BOOL, v);
}

static void emit_csv(struct exporter *x, const struct record *r)
{
	bool first = true;

	for (int i = 0; i < r->n; i++) {
		if (r->f[i].text == NULL)
			continue;
		csvout_field(x->out, r->f[i].text, first);
		first = false;
	}
	csvout_end(x->out);
}

static json_t *field_json(const struct field *f)
{
	const char *s = f->jtext;

	switch (f->type) {
	case J_OPT:
		return s[0] == '\0' ? json_null() : json_string(s);
	case J_INT:
		return json_integer(f->num);
	case J_OPT_INT:
		return f->num == 0 ? json_null() : json_integer(f->num);
	case J_BOOL:
		return json_boolean(f->num);
	case J_STR:
	default:
		return json_string(s);
	}
}

static juste_status emit_json(struct exporter *x, const struct record *r)
{
	json_t *o = json_object();
	int bad = o == NULL;

	for (int i = 0; i < r->n && !bad; i++) {
		json_t *v = field_json(&r->f[i]);

		/* json_string refuses invalid UTF-8: the database holds none
		 * from juste, but say so rather than drop a field. */
		bad = v == NULL || json_object_set_new(o, r->f[i].name, v) != 0;
	}
	if (!bad) {
		fputs(x->first ? "\n" : ",\n", x->out);
		bad = json_dumpf(o, x->out, 0) != 0;
	}
	json_decref(o);
	if (bad)
		return err_set(&x->err, JUSTE_EIO, N_("enregistrement impossible à écrire en JSON"));
	return JUSTE_OK;
}

/* The store's walk callbacks: non-zero stops the walk. */
static int emit(struct exporter *x, const struct record *r)
{
	if (x->json)
		x->st = emit_json(x, r);
	else
		emit_csv(x, r);
	x->first = false;
	if (x->st == JUSTE_OK && ferror(x->out))
		x->st = err_set(&x->err, JUSTE_EIO, N_("écriture impossible : %s"), strerror(errno));
	return x->st != JUSTE_OK;
}

static int export_org(void *ctx, const struct org *o)
{
	struct record r = { 0 };

	rec_uuid(&r, o->uuid);
	rec_str(&r, "code", o->code);
	rec_str(&r, "name", o->name);
	rec_str(&r, "category", vocab_category_word(o->category));
	rec_opt(&r, "parent", o->parent);
	rec_bool(&r, "full_management", o->full_management);
	rec_bool(&r, "tax_exempt", o->tax_exempt);
	rec_opt(&r, "joined_on", o->joined_on);
	rec_opt(&r, "left_on", o->left_on);
	rec_str(&r, "email", o->email);
	rec_str(&r, "address", o->address);
	int canada = !o->country[0] || tax_country_is_canada(o->country);
	rec_str(&r, "province", canada ? vocab_province_word(o->province) : "");
	rec_str(&r, "country", o->country[0] ? o->country : COUNTRY_CANADA);
	rec_bool(&r, "invoice_without_detail", o->invoice_without_detail);
	rec_str(&r, "language", o->language[0] ? o->language : vocab_language_word(LANGUAGE_FR));
	return emit(ctx, &r);
}

static int export_expert(void *ctx, const struct expert *xp)
{
	struct record r = { 0 };

	rec_uuid(&r, xp->uuid);
	rec_str(&r, "login", xp->login);
	rec_str(&r, "name", xp->name);
	rec_str(&r, "function", vocab_function_word(xp->function));
	rec_str(&r, "role", vocab_role_word(xp->role));
	snprintf(r.scratch[0], sizeof r.scratch[0], "%d", xp->weekly_minutes);
	rec_add(&r, "weekly_minutes", r.scratch[0], J_INT, xp->weekly_minutes);
	rec_opt(&r, "started_on", xp->started_on);
	rec_opt(&r, "left_on", xp->left_on);
	return emit(ctx, &r);
}

static int export_ref(void *ctx, const struct refitem *it)
{
	struct record r = { 0 };

	rec_uuid(&r, it->uuid);
	rec_str(&r, "code", it->code);
	rec_str(&r, "name", it->name);
	return emit(ctx, &r);
}

/* "" for an absent amount, so that it re-imports as absent. */
static const char *opt_money(int64_t cents, char *buf)
{
	return cents == 0 ? "" : money_format_plain(cents, buf, MONEY_BUF);
}

static int export_mandate(void *ctx, const struct mandate *m)
{
	struct record r = { 0 };

	rec_uuid(&r, m->uuid);
	rec_str(&r, "code", m->code);
	rec_str(&r, "title", m->title);
	rec_str(&r, "client", m->client);
	rec_str(&r, "beneficiary", m->beneficiary[0] ? m->beneficiary : m->client);
	rec_str(&r, "service", m->service);
	rec_opt(&r, "program", m->program);
	rec_str(&r, "billing", vocab_billing_word(m->billing));
	rec_add(&r, "monthly_fee_cents", opt_money(m->monthly_fee_cents, r.scratch[0]),
		J_OPT_INT, m->monthly_fee_cents);
	snprintf(r.scratch[1], sizeof r.scratch[1], "%lld", (long long)m->budget_minutes);
	rec_add(&r, "budget_minutes", m->budget_minutes == 0 ? "" : r.scratch[1],
		J_OPT_INT, m->budget_minutes);
	rec_add(&r, "budget_amount_cents", opt_money(m->budget_cents, r.scratch[2]), J_OPT_INT,
		m->budget_cents);
	rec_str(&r, "opened_on", m->opened_on);
	rec_opt(&r, "closed_on", m->closed_on);
	rec_bool(&r, "budget_hard", m->budget_hard);
	return emit(ctx, &r);
}

static int export_entry(void *ctx, const struct entry *en)
{
	struct record r = { 0 };

	rec_uuid(&r, en->uuid);
	rec_str(&r, "date", en->work_date);
	rec_str(&r, "expert", en->expert);
	rec_str(&r, "mandate", en->mandate);
	snprintf(r.scratch[0], sizeof r.scratch[0], "%d", en->minutes);
	rec_add(&r, "minutes", r.scratch[0], J_INT, en->minutes);
	rec_str(&r, "note", en->note);
	return emit(ctx, &r);
}

static juste_status export_entries(struct app *a, struct exporter *x, const char *from,
	const char *to, struct juste_err *e)
{
	struct entry_filter f = { .from = from, .to = to };

	/* An expert exports their own time; office roles everyone's. */
	if (!(a->role & ROLE_OFFICE))
		f.expert = a->user.login;
	return store_entry_query(a->store, &f, export_entry, x, e);
}

/* Issued invoices and credit notes, and payments (voided ones with their
 * void), dated from..to: what receivables read, with the tax regime. */
struct doc_regimes {
	int64_t *ids;
	enum tax_regime *regimes;
	size_t n, cap;
	bool nomem;
};

static int on_doc_regime(void *ctx, int64_t id, enum tax_regime regime)
{
	struct doc_regimes *r = ctx;
	if (r->n == r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 64;
		int64_t *ids = realloc(r->ids, cap * sizeof *ids);
		if (ids)
			r->ids = ids;
		enum tax_regime *rg = ids ? realloc(r->regimes, cap * sizeof *rg) : NULL;
		if (!rg) {
			r->nomem = true;
			return 1;
		}
		r->regimes = rg;
		r->cap = cap;
	}
	r->ids[r->n] = id;
	r->regimes[r->n++] = regime;
	return 0;
}

static bool in_period(const char *day, const char *from, const char *to)
{
	return (from == NULL || strcmp(day, from) >= 0) && (to == NULL || strcmp(day, to) <= 0);
}

static juste_status export_books(struct app *a, enum transfer_kind k, struct exporter *x, const char *from,
	const char *to, struct juste_err *e)
{
	juste_status st = app_require(a, ROLE_OFFICE, _("exporter les factures et les paiements"), e);
	if (st != JUSTE_OK)
		return st;
	struct doc_regimes rg = { 0 };
	struct ar_books b;
	if (k == KIND_INVOICES) {
		st = store_ledger_regimes(a->store, "0000-01-01", "9999-12-31", on_doc_regime, &rg, e);
		if (st == JUSTE_OK && rg.nomem)
			st = err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	}
	if (st == JUSTE_OK)
		st = ar_books_load(a, NULL, &b, e);
	if (st != JUSTE_OK) {
		free(rg.ids);
		free(rg.regimes);
		return st;
	}
	for (size_t i = 0; k == KIND_INVOICES && i < b.ndocs && x->st == JUSTE_OK; i++) {
		const struct receivable_doc *d = &b.docs[i];
		if (!in_period(d->issued_on, from, to))
			continue;
		enum tax_regime regime = TAX_REGIME_TPS_TVQ;
		for (size_t j = 0; j < rg.n; j++)
			if (rg.ids[j] == d->doc.id)
				regime = rg.regimes[j];
		char m[5][MONEY_BUF];
		struct record r = { 0 };
		rec_str(&r, "number", d->number);
		rec_str(&r, "kind", vocab_invoice_kind_word(d->kind));
		rec_opt(&r, "credits_invoice", d->credited_number);
		rec_str(&r, "client", d->client_code);
		rec_str(&r, "client_name", d->client_name);
		rec_str(&r, "issued_on", d->issued_on);
		rec_str(&r, "due_on", d->due_on);
		rec_str(&r, "tax_regime", vocab_tax_regime_word(regime));
		rec_add(&r, "subtotal_cents", money_format_plain(d->subtotal_cents, m[0], sizeof m[0]), J_INT,
			d->subtotal_cents);
		/* the first slot holds the TPS, or the TVH under its regime: each
		 * in its own column, as the journal has them */
		int64_t tps = regime == TAX_REGIME_TVH ? 0 : d->tps_cents, tvh = regime == TAX_REGIME_TVH ? d->tps_cents : 0;
		rec_add(&r, "tps_cents", money_format_plain(tps, m[1], sizeof m[1]), J_INT, tps);
		rec_add(&r, "tvh_cents", money_format_plain(tvh, m[4], sizeof m[4]), J_INT, tvh);
		rec_add(&r, "tvq_cents", money_format_plain(d->tvq_cents, m[2], sizeof m[2]), J_INT, d->tvq_cents);
		rec_add(&r, "total_cents", money_format_plain(d->total_cents, m[3], sizeof m[3]), J_INT, d->total_cents);
		emit(x, &r);
	}
	for (size_t i = 0; k == KIND_PAYMENTS && i < b.npays && x->st == JUSTE_OK; i++) {
		const struct payment_rec *p = &b.pays[i];
		if (!in_period(p->received_on, from, to))
			continue;
		char id[24], m[MONEY_BUF];
		snprintf(id, sizeof id, "%lld", (long long)p->id);
		struct record r = { 0 };
		rec_add(&r, "id", id, J_INT, p->id);
		rec_uuid(&r, p->uuid);
		rec_str(&r, "received_on", p->received_on);
		rec_str(&r, "client", p->client_code);
		rec_opt(&r, "invoice", p->invoice_number);
		rec_add(&r, "amount_cents", money_format_plain(p->amount_cents, m, sizeof m), J_INT, p->amount_cents);
		rec_str(&r, "method", vocab_payment_method_word(p->method));
		rec_str(&r, "reference", p->reference);
		rec_opt(&r, "voided_on", p->voided_on);
		rec_str(&r, "void_reason", p->void_reason);
		emit(x, &r);
	}
	ar_books_free(&b);
	free(rg.ids);
	free(rg.regimes);
	return JUSTE_OK;
}

static juste_status export_walk(struct app *a, enum transfer_kind k, struct exporter *x,
	const char *from, const char *to, struct juste_err *e)
{
	switch (k) {
	case KIND_ORGS:
		return store_org_list(a->store, export_org, x, e);
	case KIND_EXPERTS:
		return store_expert_list(a->store, export_expert, x, e);
	case KIND_SERVICES:
		return store_ref_list(a->store, REF_SERVICE, export_ref, x, e);
	case KIND_PROGRAMS:
		return store_ref_list(a->store, REF_PROGRAM, export_ref, x, e);
	case KIND_MANDATES:
		return store_mandate_list(a->store, export_mandate, x, e);
	case KIND_INVOICES:
	case KIND_PAYMENTS:
		return export_books(a, k, x, from, to, e);
	case KIND_ENTRIES:
	default:
		return export_entries(a, x, from, to, e);
	}
}

static void csv_header(FILE *out, const struct kind_spec *k)
{
	for (int i = 0; i < k->ncols_out; i++)
		csvout_field(out, k->cols[i], i == 0);
	csvout_end(out);
}

static juste_status export_write(struct app *a, enum transfer_kind k, struct exporter *x,
	const char *from, const char *to, struct juste_err *e)
{
	juste_status st;

	if (x->json)
		fputs("[", x->out);
	else
		csv_header(x->out, &kinds[k]);
	if ((st = export_walk(a, k, x, from, to, e)) != JUSTE_OK)
		return st;
	if (x->st != JUSTE_OK) {
		if (e != NULL)
			*e = x->err;
		return x->st;
	}
	if (x->json)
		fputs(x->first ? "]\n" : "\n]\n", x->out);
	return JUSTE_OK;
}

/* Every argument, before anything is written. */
static juste_status export_check(struct app *a, enum transfer_kind k, enum transfer_format f, const char *from,
	const char *to, struct juste_err *e)
{
	date_t t;
	juste_status st;

	if ((st = app_require(a, ROLE_ANY, _("exporter des données"), e)) != JUSTE_OK)
		return st;
	/* the books' role before their header: nothing is written before a refusal */
	if ((k == KIND_INVOICES || k == KIND_PAYMENTS) &&
	    (st = app_require(a, ROLE_OFFICE, _("exporter les factures et les paiements"), e)) != JUSTE_OK)
		return st;
	if (f != FORMAT_CSV && f != FORMAT_JSON)
		return err_set(e, JUSTE_EINVAL, N_("l'export se fait en csv ou en json"));
	if (k < 0 || k >= NKINDS)
		return err_set(e, JUSTE_EINVAL, N_("type d'export inconnu"));
	if ((from != NULL && date_parse(from, &t, e) != JUSTE_OK) ||
	    (to != NULL && date_parse(to, &t, e) != JUSTE_OK))
		return e != NULL ? e->code : JUSTE_EINVAL;
	return JUSTE_OK;
}

juste_status transfer_export(struct app *a, enum transfer_kind k, enum transfer_format f,
	const char *from, const char *to, FILE *out, struct juste_err *e)
{
	struct exporter x = { .out = out, .json = f == FORMAT_JSON, .first = true };
	juste_status st;

	if ((st = export_check(a, k, f, from, to, e)) != JUSTE_OK ||
	    (st = export_write(a, k, &x, from, to, e)) != JUSTE_OK)
		return st;
	if (fflush(out) != 0 || ferror(out))
		return err_set(e, JUSTE_EIO, N_("écriture impossible : %s"), strerror(errno));
	return JUSTE_OK;
}

juste_status transfer_export_file(struct app *a, enum transfer_kind k, enum transfer_format f,
	const char *from, const char *to, const char *path, struct juste_err *e)
{
	struct outfile *out;
	juste_status st;

	/* a refusal leaves the file as it was: judged before it is opened */
	if ((st = export_check(a, k, f, from, to, e)) != JUSTE_OK ||
	    (st = outfile_open(path, &out, e)) != JUSTE_OK)
		return st;
	struct exporter x = { .out = outfile_stream(out), .json = f == FORMAT_JSON, .first = true };
	return outfile_end(out, export_write(a, k, &x, from, to, e), e);
}
