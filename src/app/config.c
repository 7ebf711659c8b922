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
#include <sys/stat.h>
#include <unistd.h>
#include <iniparser/iniparser.h>

#include "juste/config.h"
#include "juste/i18n.h"

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

static juste_status load_file(struct config *c, const char *path, enum load_mode mode, struct juste_err *e)
{
	dictionary *d = iniparser_load(path);
	if (!d)
		return err_set(e, JUSTE_EINVAL, _("%s : fichier de configuration illisible"), path);
	juste_status st = load_keys(c, path, d, mode, e);
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
