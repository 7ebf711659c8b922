/*
 * config.c - juste.ini: lookup order, defaults, and validation key by key.
 *
 * The table of keys is the single description of the file: it drives
 * parsing, the unknown-key check and the defaults.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <iniparser/iniparser.h>

#include "juste/config.h"
#include "juste/i18n.h"
#include "juste/money.h"

enum key_type { K_TEXT, K_PATH, K_INT, K_TAXRATE, K_FYSTART, K_CHOICE, K_TAXNUM_TPS, K_TAXNUM_TVQ, K_PATTERN };

struct key {
	const char *section, *name;
	enum key_type type;
	size_t offset, size;     /* field in struct config */
	const char *choices;     /* K_CHOICE: "A4|Letter"; K_INT: "min|max" */
};

#define F(field) offsetof(struct config, field), sizeof(((struct config *)0)->field)

static const struct key keys[] = {
	{ "database", "path", K_PATH, F(db_path), NULL },
	{ "database", "busy_timeout_ms", K_INT, F(busy_timeout_ms), "100|600000" },
	{ "centre", "name", K_TEXT, F(centre_name), NULL },
	{ "centre", "address", K_TEXT, F(centre_address), NULL },
	{ "centre", "phone", K_TEXT, F(centre_phone), NULL },
	{ "centre", "email", K_TEXT, F(centre_email), NULL },
	{ "centre", "tps_number", K_TAXNUM_TPS, F(tps_number), NULL },
	{ "centre", "tvq_number", K_TAXNUM_TVQ, F(tvq_number), NULL },
	{ "fiscal", "year_start", K_FYSTART, F(fy_start), NULL },
	{ "taxes", "tps_rate", K_TAXRATE, F(tps_rate), NULL },
	{ "taxes", "tvq_rate", K_TAXRATE, F(tvq_rate), NULL },
	{ "invoice", "number_pattern", K_PATTERN, F(invoice_pattern), NULL },
	{ "invoice", "credit_pattern", K_PATTERN, F(credit_pattern), NULL },
	{ "invoice", "payment_days", K_INT, F(payment_days), "0|365" },
	{ "invoice", "payment_terms", K_TEXT, F(payment_terms), NULL },
	{ "invoice", "paper", K_CHOICE, F(paper), "A4|Letter" },
	{ "ui", "language", K_CHOICE, F(language), "fr|en" },
};

void config_defaults(struct config *c)
{
	memset(c, 0, sizeof *c);
	const char *data = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	if (data && *data)
		snprintf(c->db_path, sizeof c->db_path, "%s/juste/juste.db", data);
	else
		snprintf(c->db_path, sizeof c->db_path, "%s/.local/share/juste/juste.db", home && *home ? home : ".");
	c->busy_timeout_ms = 30000;
	snprintf(c->centre_name, sizeof c->centre_name, "%s", "Consortium de ressources et d'expertises coopératives");
	snprintf(c->centre_address, sizeof c->centre_address, "%s", "5955, rue Saint-Laurent, bureau 201\nLévis (Québec)  G6V 3P5");
	snprintf(c->centre_phone, sizeof c->centre_phone, "%s", "418 622-1001");
	snprintf(c->centre_email, sizeof c->centre_email, "%s", "facturation@consortium.coop");
	snprintf(c->tps_number, sizeof c->tps_number, "%s", "123456789RT0001");
	snprintf(c->tvq_number, sizeof c->tvq_number, "%s", "1234567890TQ0001");
	c->fy_start = FY_START_DEFAULT;
	c->tps_rate = 5000;
	c->tvq_rate = 9975;
	snprintf(c->invoice_pattern, sizeof c->invoice_pattern, "%s", "F{year}-{seq:4}");
	snprintf(c->credit_pattern, sizeof c->credit_pattern, "%s", "NC{year}-{seq:4}");
	c->payment_days = 30;
	snprintf(c->payment_terms, sizeof c->payment_terms, "%s", "Net 30 jours");
	snprintf(c->paper, sizeof c->paper, "%s", "A4");
	c->language[0] = '\0';
}

static int all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* 9 digits + RT + 4 digits (TPS/GST), 10 digits + TQ + 4 digits (TVQ/QST). */
static int taxnum_valid(const char *s, size_t digits, const char *mid)
{
	size_t n = strlen(s);
	return n == digits + 6 && all_digits(s, digits) && strncmp(s + digits, mid, 2) == 0
		&& all_digits(s + digits + 2, 4);
}

/* A number pattern needs {seq} or {seq:N} exactly once; {year} optional. */
static int pattern_valid(const char *p)
{
	const char *seq = strstr(p, "{seq");
	if (!seq || strstr(seq + 1, "{seq"))
		return 0;
	if (strncmp(seq, "{seq}", 5) != 0) {
		int w = 0;
		char close = 0;
		if (sscanf(seq, "{seq:%d%c", &w, &close) != 2 || close != '}' || w < 1 || w > 9)
			return 0;
	}
	for (const char *q = p; (q = strchr(q, '{')); q++)
		if (strncmp(q, "{seq", 4) != 0 && strncmp(q, "{year}", 6) != 0)
			return 0;
	return 1;
}

static juste_status bad(struct juste_err *e, const char *file, const struct key *k, const char *why)
{
	const char *base = strrchr(file, '/');
	return err_set(e, JUSTE_EINVAL, "%s: [%s] %s: %s", base ? base + 1 : file, k->section, k->name, why);
}

static juste_status set_key(struct config *c, const char *file, const struct key *k, const char *v, struct juste_err *e)
{
	char *field = (char *)c + k->offset;
	struct juste_err sub = { 0 };
	switch (k->type) {
	case K_TEXT:
	case K_PATH:
		if (strlen(v) >= k->size)
			return bad(e, file, k, _("valeur trop longue"));
		if (k->type == K_PATH && !*v)
			return bad(e, file, k, _("chemin vide"));
		/* "\n" in the file stands for a line break (addresses) */
		{
			size_t j = 0;
			for (size_t i = 0; v[i]; i++) {
				if (v[i] == '\\' && v[i + 1] == 'n') {
					field[j++] = '\n';
					i++;
				} else {
					field[j++] = v[i];
				}
			}
			field[j] = '\0';
		}
		return JUSTE_OK;
	case K_INT: {
		char *end;
		errno = 0;
		long n = strtol(v, &end, 10);
		long lo = 0, hi = 0;
		sscanf(k->choices, "%ld|%ld", &lo, &hi);
		if (errno || end == v || *end)
			return bad(e, file, k, _("nombre entier attendu"));
		if (n < lo || n > hi) {
			char why[96];
			snprintf(why, sizeof why, _("doit être entre %ld et %ld"), lo, hi);
			return bad(e, file, k, why);
		}
		*(int *)field = (int)n;
		return JUSTE_OK;
	}
	case K_TAXRATE:
		if (money_rate_parse(v, (int32_t *)field, &sub))
			return bad(e, file, k, sub.msg);
		return JUSTE_OK;
	case K_FYSTART:
		if (fy_start_parse(v, (struct fy_start *)field, &sub))
			return bad(e, file, k, sub.msg);
		return JUSTE_OK;
	case K_CHOICE: {
		size_t n = strlen(v);
		for (const char *p = k->choices; p && *p;) {
			const char *bar = strchr(p, '|');
			size_t len = bar ? (size_t)(bar - p) : strlen(p);
			if (len == n && strncasecmp(p, v, n) == 0) {
				snprintf(field, k->size, "%.*s", (int)len, p);
				return JUSTE_OK;
			}
			p = bar ? bar + 1 : NULL;
		}
		char why[128];
		snprintf(why, sizeof why, _("valeur « %s » inconnue, attendu : %s"), v, k->choices);
		return bad(e, file, k, why);
	}
	case K_TAXNUM_TPS:
		if (!taxnum_valid(v, 9, "RT"))
			return bad(e, file, k, _("numéro de TPS attendu : 9 chiffres, RT, 4 chiffres (123456789RT0001)"));
		snprintf(field, k->size, "%s", v);
		return JUSTE_OK;
	case K_TAXNUM_TVQ:
		if (!taxnum_valid(v, 10, "TQ"))
			return bad(e, file, k, _("numéro de TVQ attendu : 10 chiffres, TQ, 4 chiffres (1234567890TQ0001)"));
		snprintf(field, k->size, "%s", v);
		return JUSTE_OK;
	case K_PATTERN:
		if (strlen(v) >= k->size || !pattern_valid(v))
			return bad(e, file, k, _("motif attendu avec {seq} ou {seq:N} une fois, et {year} au besoin (F{year}-{seq:4})"));
		snprintf(field, k->size, "%s", v);
		return JUSTE_OK;
	}
	return JUSTE_OK;
}

static const struct key *find_key(const char *section, const char *name)
{
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
		if (strcasecmp(keys[i].section, section) == 0 && strcasecmp(keys[i].name, name) == 0)
			return &keys[i];
	return NULL;
}

static juste_status load_keys(struct config *c, const char *file, dictionary *d, struct juste_err *e)
{
	int nsec = iniparser_getnsec(d);
	for (int i = 0; i < nsec; i++) {
		const char *sec = iniparser_getsecname(d, i);
		int n = iniparser_getsecnkeys(d, sec);
		if (n <= 0)
			continue;
		const char **names = calloc((size_t)n, sizeof *names);
		if (!names)
			return err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
		iniparser_getseckeys(d, sec, names);
		juste_status st = JUSTE_OK;
		for (int j = 0; j < n && !st; j++) {
			const char *full = names[j];            /* "section:key" */
			const char *name = strchr(full, ':') ? strchr(full, ':') + 1 : full;
			const char *val = iniparser_getstring(d, full, "");
			if (strcasecmp(sec, "keys") == 0) {
				if (c->nkeys >= CONFIG_KEYS_MAX) {
					st = err_set(e, JUSTE_EINVAL, _("%s: [keys] : trop de raccourcis"), file);
					break;
				}
				struct keybinding *kb = &c->keys[c->nkeys++];
				snprintf(kb->action, sizeof kb->action, "%s", name);
				snprintf(kb->keys, sizeof kb->keys, "%s", val);
				continue;
			}
			const struct key *k = find_key(sec, name);
			if (!k) {
				const char *base = strrchr(file, '/');
				st = err_set(e, JUSTE_EINVAL, _("%s: [%s] %s: clé inconnue"), base ? base + 1 : file, sec, name);
				break;
			}
			st = set_key(c, file, k, val, e);
		}
		free(names);
		if (st)
			return st;
	}
	return JUSTE_OK;
}

/* Known sections without keys are fine; unknown sections are reported by
 * their first key (iniparser keeps section names lower-cased). */
static juste_status load_file(struct config *c, const char *path, struct juste_err *e)
{
	dictionary *d = iniparser_load(path);
	if (!d)
		return err_set(e, JUSTE_EINVAL, _("%s : fichier de configuration illisible"), path);
	juste_status st = load_keys(c, path, d, e);
	iniparser_freedict(d);
	if (!st)
		snprintf(c->file, sizeof c->file, "%s", path);
	return st;
}

juste_status config_load(struct config *c, const char *explicit_path, struct juste_err *e)
{
	config_defaults(c);
	if (explicit_path) {
		if (access(explicit_path, R_OK) != 0)
			return err_set(e, JUSTE_EINVAL, _("%s : fichier de configuration introuvable"), explicit_path);
		return load_file(c, explicit_path, e);
	}
	const char *env = getenv("JUSTE_CONFIG");
	if (env && *env) {
		if (access(env, R_OK) != 0)
			return err_set(e, JUSTE_EINVAL, _("%s (JUSTE_CONFIG) : fichier de configuration introuvable"), env);
		return load_file(c, env, e);
	}
	char path[PATH_MAX];
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");
	if (xdg && *xdg)
		snprintf(path, sizeof path, "%s/juste/juste.ini", xdg);
	else
		snprintf(path, sizeof path, "%s/.config/juste/juste.ini", home && *home ? home : ".");
	if (access(path, R_OK) == 0)
		return load_file(c, path, e);
	if (access("/etc/juste/juste.ini", R_OK) == 0)
		return load_file(c, "/etc/juste/juste.ini", e);
	return JUSTE_OK;
}
