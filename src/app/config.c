/*
 * config.c - juste.ini: lookup, defaults, and validation key by key.
 *
 * The table of keys is the single description of the file's personal and
 * database sections; the policy sections are validated by the policy's own
 * table (policy.c) and kept aside for the one-time import.
 */
#include <errno.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <iniparser/iniparser.h>

#include "juste/config.h"
#include "juste/i18n.h"
#include "juste/text.h"

/* A configuration file is small; a larger one is a mistake. */
#define CONFIG_FILE_MAX (256 * 1024)

#ifndef JUSTE_SYSCONFDIR
#define JUSTE_SYSCONFDIR "/etc"
#endif

enum key_type { K_PATH, K_INT, K_CHOICE };
/* Which file may set a key on a shared server. */
enum key_scope { SCOPE_SYSTEM, SCOPE_PERSONAL };

struct key {
	const char *section, *name;
	enum key_type type;
	enum key_scope scope;
	size_t offset, size;     /* field in struct config */
	const char *choices;     /* K_CHOICE: "fr|en"; K_INT: "min|max" */
};

#define F(field) offsetof(struct config, field), sizeof(((struct config *)0)->field)

static const struct key keys[] = {
	{ "database", "path", K_PATH, SCOPE_SYSTEM, F(db_path), NULL },
	{ "database", "busy_timeout_ms", K_INT, SCOPE_SYSTEM, F(busy_timeout_ms), "100|600000" },
	{ "ui", "language", K_CHOICE, SCOPE_PERSONAL, F(language), "fr|en" },
};

/* The sections that were juste.ini's before the policy moved to the
 * database: "section.key" is the policy key's name. */
static const char *const policy_sections[] = { "centre", "fiscal", "taxes", "invoice" };

const char *config_system_path(void)
{
	return JUSTE_SYSCONFDIR "/juste/juste.ini";
}

/* The home directory of the real uid: $HOME can be anything. */
static const char *home_dir(void)
{
	const char *home = secure_getenv("HOME");
	if (home && *home)
		return home;
	struct passwd *pw = getpwuid(getuid());
	return (pw && pw->pw_dir && *pw->pw_dir) ? pw->pw_dir : ".";
}

void config_defaults(struct config *c)
{
	memset(c, 0, sizeof *c);
	const char *data = secure_getenv("XDG_DATA_HOME");
	if (data && *data)
		snprintf(c->db_path, sizeof c->db_path, "%s/juste/juste.db", data);
	else
		snprintf(c->db_path, sizeof c->db_path, "%s/.local/share/juste/juste.db", home_dir());
	c->busy_timeout_ms = 30000;
}

static const char *base_name(const char *file)
{
	const char *base = strrchr(file, '/');
	return base ? base + 1 : file;
}

static juste_status bad(struct juste_err *e, const char *file, const char *section, const char *name, const char *why)
{
	return err_set(e, JUSTE_EINVAL, "%s: [%s] %s: %s", base_name(file), section, name, why);
}

static juste_status set_key(struct config *c, const char *file, const struct key *k, const char *v, struct juste_err *e)
{
	char *field = (char *)c + k->offset;
	switch (k->type) {
	case K_PATH:
		if (strlen(v) >= k->size)
			return bad(e, file, k->section, k->name, _("valeur trop longue"));
		if (!*v)
			return bad(e, file, k->section, k->name, _("chemin vide"));
		snprintf(field, k->size, "%s", v);
		return JUSTE_OK;
	case K_INT: {
		char *end;
		errno = 0;
		long n = strtol(v, &end, 10);
		long lo = 0, hi = 0;
		sscanf(k->choices, "%ld|%ld", &lo, &hi);
		if (errno || end == v || *end)
			return bad(e, file, k->section, k->name, _("nombre entier attendu"));
		if (n < lo || n > hi) {
			char why[96];
			snprintf(why, sizeof why, _("doit être entre %ld et %ld"), lo, hi);
			return bad(e, file, k->section, k->name, why);
		}
		*(int *)field = (int)n;
		return JUSTE_OK;
	}
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
		return bad(e, file, k->section, k->name, why);
	}
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

static int is_policy_section(const char *sec)
{
	for (size_t i = 0; i < sizeof policy_sections / sizeof policy_sections[0]; i++)
		if (strcasecmp(policy_sections[i], sec) == 0)
			return 1;
	return 0;
}

/* A policy key: validated by the policy's table (so that a bad tax rate in
 * an old file is still reported), then kept for the one-time import. */
static juste_status keep_legacy(struct config *c, const char *file, const char *sec, const char *name,
	const char *val, int keep, struct juste_err *e)
{
	char key[64];
	snprintf(key, sizeof key, "%s.%s", sec, name);
	for (char *p = key; *p; p++)
		*p = (char)((*p >= 'A' && *p <= 'Z') ? *p - 'A' + 'a' : *p);
	const struct policy_key *pk = policy_key_find(key);
	if (!pk)
		return err_set(e, JUSTE_EINVAL, _("%s: [%s] %s: clé inconnue"), base_name(file), sec, name);
	struct policy scratch;
	policy_defaults(&scratch);
	struct juste_err sub = { 0 };
	if (policy_set(&scratch, key, "", val, &sub)) {
		/* the policy's message starts with the key; the file's form names
		 * section and key instead */
		const char *why = strstr(sub.msg, " : ") ? strstr(sub.msg, " : ") + 3 : sub.msg;
		return bad(e, file, sec, name, why);
	}
	if (!keep)
		return JUSTE_OK;
	if (c->nlegacy >= CONFIG_LEGACY_MAX)
		return err_set(e, JUSTE_EINVAL, _("%s : trop de clés"), base_name(file));
	struct config_legacy *l = &c->legacy[c->nlegacy++];
	snprintf(l->key, sizeof l->key, "%s", key);
	return policy_get(&scratch, key, POLICY_ALWAYS, l->value, sizeof l->value, e);
}

static void add_notice(struct config *c, const char *file, const char *what)
{
	if (c->notice[0])
		return;
	snprintf(c->notice, sizeof c->notice, _("%s : %s n'est pas lu ici : %s"), file, what,
		_("sur ce serveur, la base et la politique du centre (juste settings) viennent de l'administrateur"));
}

/* What a file may set: everything (single-user), the system's part
 * (the shared server's /etc file), or only what is personal. */
enum load_mode { LOAD_ALL, LOAD_SYSTEM, LOAD_PERSONAL };

static juste_status load_keys(struct config *c, const char *file, dictionary *d, enum load_mode mode,
	struct juste_err *e)
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
			if (is_policy_section(sec)) {
				st = keep_legacy(c, file, sec, name, val, mode != LOAD_PERSONAL, e);
				if (!st && mode == LOAD_PERSONAL) {
					char what[96];
					snprintf(what, sizeof what, "[%s] %s", sec, name);
					add_notice(c, file, what);
				}
				continue;
			}
			const struct key *k = find_key(sec, name);
			if (!k) {
				st = err_set(e, JUSTE_EINVAL, _("%s: [%s] %s: clé inconnue"), base_name(file), sec, name);
				break;
			}
			if (mode == LOAD_PERSONAL && k->scope == SCOPE_SYSTEM) {
				/* validated all the same, so a typo is caught */
				struct config scratch;
				config_defaults(&scratch);
				st = set_key(&scratch, file, k, val, e);
				if (!st) {
					char what[96];
					snprintf(what, sizeof what, "[%s] %s", k->section, k->name);
					add_notice(c, file, what);
				}
				continue;
			}
			st = set_key(c, file, k, val, e);
		}
		free(names);
		if (st)
			return st;
	}
	return JUSTE_OK;
}

/* ------------------------------------------------------- the file itself */

/* iniparser prints its own (English) messages on stderr: the scan below
 * has already refused whatever it would complain of. */
static int ini_quiet(const char *fmt, ...)
{
	(void)fmt;
	return 0;
}

static char ascii_lower(char ch)
{
	return ch >= 'A' && ch <= 'Z' ? (char)(ch - 'A' + 'a') : ch;
}

/* s[0..n) without its blanks at both ends, lowercased (iniparser folds
 * sections and keys so). */
static void folded(const char *s, size_t n, char *out, size_t size)
{
	while (n > 0 && (*s == ' ' || *s == '\t'))
		s++, n--;
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		n--;
	size_t k = 0;
	for (; k < n && k + 1 < size; k++)
		out[k] = ascii_lower(s[k]);
	out[k] = '\0';
}

struct seen_key {
	char name[160];   /* "section:key", folded */
	long line;
};

/* What iniparser does not say: the file is text (UTF-8, no control
 * character but tabs and line ends), every line is a section, a key or a
 * comment, and no key is given twice in a section, which iniparser would
 * silently reduce to one of the two. */
static juste_status ini_scan(const char *file, const char *buf, size_t n, struct juste_err *e)
{
	size_t bad;
	if (!text_utf8_valid(buf, n, &bad)) {
		long line = 1;
		for (size_t i = 0; i < bad; i++)
			line += buf[i] == '\n';
		return err_set(e, JUSTE_EINVAL, _("%s:%ld: texte invalide : ce n'est pas de l'UTF-8"), base_name(file), line);
	}
	struct seen_key *seen = NULL;
	size_t nseen = 0, capseen = 0;
	char section[64] = "";
	juste_status st = JUSTE_OK;
	long line = 1;
	for (size_t i = 0; i < n && !st;) {
		/* one logical line: a line ending in '\' goes on (iniparser does) */
		long first = line;
		size_t start = i, end;
		for (;;) {
			while (i < n && buf[i] != '\n')
				i++;
			end = i;
			size_t t = end;
			while (t > start && (buf[t - 1] == ' ' || buf[t - 1] == '\t' || buf[t - 1] == '\r'))
				t--;
			if (i < n) {
				i++;
				line++;
			}
			if (t > start && buf[t - 1] == '\\' && i < n)
				continue;
			break;
		}
		for (size_t k = start; k < end && !st; k++) {
			unsigned char ch = (unsigned char)buf[k];
			if ((ch < 0x20 && ch != '\t' && ch != '\r' && ch != '\n') || ch == 0x7F)
				st = err_set(e, JUSTE_EINVAL, _("%s:%ld: caractère de contrôle U+%04X refusé"), base_name(file),
					first, ch);
		}
		if (st)
			break;
		const char *p = buf + start;
		size_t len = end - start;
		while (len > 0 && (*p == ' ' || *p == '\t'))
			p++, len--;
		if (len == 0 || *p == ';' || *p == '#')
			continue;
		if (*p == '[') {
			const char *close = memchr(p, ']', len);
			if (!close) {
				st = err_set(e, JUSTE_EINVAL, _("%s:%ld: section mal fermée (attendu [section])"), base_name(file),
					first);
				break;
			}
			folded(p + 1, (size_t)(close - p - 1), section, sizeof section);
			continue;
		}
		const char *eq = memchr(p, '=', len);
		if (!eq) {
			st = err_set(e, JUSTE_EINVAL, _("%s:%ld: ligne illisible (attendu [section], clé = valeur ou ; commentaire)"),
				base_name(file), first);
			break;
		}
		char key[96];
		folded(p, (size_t)(eq - p), key, sizeof key);
		char name[160];
		snprintf(name, sizeof name, "%s:%s", section, key);
		for (size_t k = 0; k < nseen; k++)
			if (strcmp(seen[k].name, name) == 0) {
				st = err_set(e, JUSTE_EINVAL, _("%s:%ld: [%s] %s est déjà donné ligne %ld : une clé, une valeur"),
					base_name(file), first, section, key, seen[k].line);
				break;
			}
		if (st)
			break;
		if (nseen == capseen) {
			size_t cap = capseen ? capseen * 2 : 32;
			struct seen_key *grown = realloc(seen, cap * sizeof *grown);
			if (!grown) {
				st = err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
				break;
			}
			seen = grown;
			capseen = cap;
		}
		snprintf(seen[nseen].name, sizeof seen[nseen].name, "%s", name);
		seen[nseen++].line = first;
	}
	free(seen);
	return st;
}

/* The bytes scanned, handed to iniparser (which reads only from a path)
 * through an anonymous file: it parses exactly what was checked, without
 * the UTF-8 BOM it does not know. */
static dictionary *ini_parse(const char *path, const char *buf, size_t n, bool had_bom)
{
	iniparser_set_error_callback(ini_quiet);
	int fd = memfd_create("juste.ini", MFD_CLOEXEC);
	if (fd >= 0) {
		size_t done = 0;
		while (done < n) {
			ssize_t w = write(fd, buf + done, n - done);
			if (w <= 0)
				break;
			done += (size_t)w;
		}
		char name[64];
		snprintf(name, sizeof name, "/proc/self/fd/%d", fd);
		dictionary *d = done == n ? iniparser_load(name) : NULL;
		close(fd);
		if (d)
			return d;
	}
	/* no memfd or no /proc: the file itself, unless it starts with a BOM */
	return had_bom ? NULL : iniparser_load(path);
}

static juste_status load_file(struct config *c, const char *path, enum load_mode mode, struct juste_err *e)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return err_set(e, JUSTE_EINVAL, _("%s : fichier de configuration illisible : %s"), path, strerror(errno));
	char *buf = malloc(CONFIG_FILE_MAX + 1);
	size_t n = buf ? fread(buf, 1, CONFIG_FILE_MAX + 1, f) : 0;
	int rerr = ferror(f);
	fclose(f);
	if (!buf)
		return err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	juste_status st = JUSTE_OK;
	if (rerr)
		st = err_set(e, JUSTE_EIO, _("%s : fichier de configuration illisible"), path);
	else if (n > CONFIG_FILE_MAX)
		st = err_set(e, JUSTE_EINVAL, _("%s : fichier de configuration trop grand (%d octets au plus)"), path,
			CONFIG_FILE_MAX);
	const char *text = buf;
	bool bom = n >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0;
	if (bom)
		text += 3, n -= 3;
	if (!st)
		st = ini_scan(path, text, n, e);
	dictionary *d = NULL;
	if (!st && !(d = ini_parse(path, text, n, bom)))
		st = err_set(e, JUSTE_EINVAL, _("%s : fichier de configuration illisible"), path);
	free(buf);
	if (st)
		return st;
	st = load_keys(c, path, d, mode, e);
	iniparser_freedict(d);
	if (!st && mode != LOAD_PERSONAL)
		snprintf(c->file, sizeof c->file, "%s", path);
	return st;
}

juste_status config_load(struct config *c, const char *explicit_path, struct juste_err *e)
{
	config_defaults(c);
	if (explicit_path) {
		if (access(explicit_path, R_OK) != 0)
			return err_set(e, JUSTE_EINVAL, _("%s : fichier de configuration introuvable"), explicit_path);
		return load_file(c, explicit_path, LOAD_ALL, e);
	}
	const char *env = secure_getenv("JUSTE_CONFIG");
	if (env && *env) {
		if (access(env, R_OK) != 0)
			return err_set(e, JUSTE_EINVAL, _("%s (JUSTE_CONFIG) : fichier de configuration introuvable"), env);
		return load_file(c, env, LOAD_ALL, e);
	}
	char path[PATH_MAX];
	const char *xdg = secure_getenv("XDG_CONFIG_HOME");
	if (xdg && *xdg)
		snprintf(path, sizeof path, "%s/juste/juste.ini", xdg);
	else
		snprintf(path, sizeof path, "%s/.config/juste/juste.ini", home_dir());
	if (access(path, R_OK) == 0)
		return load_file(c, path, LOAD_ALL, e);
	if (access(config_system_path(), R_OK) == 0)
		return load_file(c, config_system_path(), LOAD_ALL, e);
	return JUSTE_OK;
}

juste_status config_load_system(struct config *c, struct juste_err *e)
{
	config_defaults(c);
	c->db_path[0] = '\0';
	const char *path = config_system_path();
	struct stat sb;
	if (stat(path, &sb) != 0)
		return err_set(e, JUSTE_EIO, _("juste n'est pas installé pour un serveur partagé : %s introuvable (voir scripts/install-server)"), path);
	/* Like sudoers: a file anyone but root could write would let them name
	 * another database to the privileged process. */
	if (!S_ISREG(sb.st_mode) || sb.st_uid != 0 || (sb.st_mode & 022))
		return err_set(e, JUSTE_EDENIED, _("%s doit être un fichier de root que lui seul peut modifier"), path);
	juste_status st = load_file(c, path, LOAD_SYSTEM, e);
	if (st)
		return st;
	if (c->db_path[0] != '/')
		return err_set(e, JUSTE_EINVAL, _("%s: [database] path: chemin absolu attendu sur un serveur partagé"), base_name(path));
	return JUSTE_OK;
}

juste_status config_load_personal(struct config *c, struct juste_err *e)
{
	struct passwd *pw = getpwuid(getuid());
	if (!pw || !pw->pw_dir || !*pw->pw_dir)
		return JUSTE_OK;
	char path[PATH_MAX];
	snprintf(path, sizeof path, "%s/.config/juste/juste.ini", pw->pw_dir);
	if (access(path, R_OK) != 0)
		return JUSTE_OK;
	return load_file(c, path, LOAD_PERSONAL, e);
}
