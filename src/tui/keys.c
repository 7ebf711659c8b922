/*
 * keys.c - the action table, its bindings and the [keys] parser.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "juste/i18n.h"
#include "tui/keys.h"
#include "tui/term.h"

#define KEYS_PER_ACTION 4

struct action_def {
	int scope;
	const char *name, *defaults, *label, *help;
};

#define KEY_ACTION_DEF(id, scope, name, keys, label, help) { scope, name, keys, label, help },
static const struct action_def defs[ACT_COUNT] = {
	{ 0, "", "", "", "" },
	KEY_ACTIONS(KEY_ACTION_DEF)
};
#undef KEY_ACTION_DEF

struct binding {
	int key[KEYS_PER_ACTION];
	int n;
	char text[64];
};
static struct binding bound[ACT_COUNT];

static const struct {
	const char *name;
	int code;
} named[] = {
	{ "ENTER", '\r' }, { "RETURN", '\r' }, { "TAB", '\t' }, { "ESC", 27 }, { "SPACE", ' ' },
	{ "COMMA", ',' }, { "BACKSPACE", KEYS_FUNC | KEY_BACKSPACE }, { "DEL", KEYS_FUNC | KEY_DC },
	{ "BTAB", KEYS_FUNC | KEY_BTAB }, { "LEFT", KEYS_FUNC | KEY_LEFT }, { "RIGHT", KEYS_FUNC | KEY_RIGHT },
	{ "UP", KEYS_FUNC | KEY_UP }, { "DOWN", KEYS_FUNC | KEY_DOWN }, { "HOME", KEYS_FUNC | KEY_HOME },
	{ "END", KEYS_FUNC | KEY_END }, { "PGUP", KEYS_FUNC | KEY_PPAGE }, { "PGDN", KEYS_FUNC | KEY_NPAGE },
	{ "INS", KEYS_FUNC | KEY_IC },
};

/* How the bottom bar shows a few keys. */
static const struct {
	int code;
	const char *shown;
} pretty[] = {
	{ KEYS_FUNC | KEY_LEFT, "←" }, { KEYS_FUNC | KEY_RIGHT, "→" }, { KEYS_FUNC | KEY_UP, "↑" },
	{ KEYS_FUNC | KEY_DOWN, "↓" }, { '\r', "⏎" }, { '\t', "Tab" }, { 27, N_("Échap") },
};

int keys_parse_one(const char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	size_t n = strlen(s);
	while (n && isspace((unsigned char)s[n - 1]))
		n--;
	if (n == 0)
		return -1;
	char k[32];
	if (n >= sizeof k)
		return -1;
	memcpy(k, s, n);
	k[n] = '\0';
	for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
		if (strcasecmp(k, named[i].name) == 0)
			return named[i].code;
	if ((k[0] == 'F' || k[0] == 'f') && n >= 2 && n <= 3 && isdigit((unsigned char)k[1])) {
		int f = atoi(k + 1);
		if (f >= 1 && f <= 12)
			return KEYS_FUNC | KEY_F(f);
		return -1;
	}
	if (k[0] == '^' && n == 2) {
		int c = toupper((unsigned char)k[1]);
		if (c >= '@' && c <= '_')
			return c - '@';
		return -1;
	}
	/* one character, possibly multibyte */
	wchar_t wc;
	mbstate_t st;
	memset(&st, 0, sizeof st);
	size_t len = mbrtowc(&wc, k, n, &st);
	if (len == n && wc > ' ')
		return (int)wc;
	return -1;
}

static juste_status bind_text(enum action a, const char *text, struct juste_err *e)
{
	struct binding b = { .n = 0 };
	snprintf(b.text, sizeof b.text, "%s", text);
	char buf[128];
	snprintf(buf, sizeof buf, "%s", text);
	char *save = NULL;
	for (char *tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		int code = keys_parse_one(tok);
		if (code < 0) {
			while (isspace((unsigned char)*tok))
				tok++;
			return err_set(e, JUSTE_EINVAL, N_("juste.ini: [keys] %s: touche inconnue « %s »"), defs[a].name, tok);
		}
		if (b.n == KEYS_PER_ACTION)
			return err_set(e, JUSTE_EINVAL, N_("juste.ini: [keys] %s: %d touches au plus"), defs[a].name, KEYS_PER_ACTION);
		b.key[b.n++] = code;
	}
	if (b.n == 0)
		return err_set(e, JUSTE_EINVAL, N_("juste.ini: [keys] %s: aucune touche"), defs[a].name);
	bound[a] = b;
	return JUSTE_OK;
}

juste_status keys_load(const struct config *c, struct juste_err *e)
{
	for (int a = 1; a < ACT_COUNT; a++) {
		juste_status st = bind_text((enum action)a, defs[a].defaults, e);
		if (st)
			return st;
	}
	if (!c)
		return JUSTE_OK;
	for (int i = 0; i < c->nkeys; i++) {
		int found = 0;
		for (int a = 1; a < ACT_COUNT && !found; a++) {
			if (strcasecmp(defs[a].name, c->keys[i].action) != 0)
				continue;
			found = 1;
			juste_status st = bind_text((enum action)a, c->keys[i].keys, e);
			if (st) {
				keys_load(NULL, NULL);
				return st;
			}
		}
		if (!found) {
			keys_load(NULL, NULL);
			return err_set(e, JUSTE_EINVAL, N_("juste.ini: [keys] %s: action inconnue (voir « ? » dans juste)"),
				c->keys[i].action);
		}
	}
	return JUSTE_OK;
}

enum action keys_lookup(int scopes, int key)
{
	static const int order[] = { KS_W, KS_B, KS_U, KS_D, KS_O, KS_M, KS_G };
	for (size_t o = 0; o < sizeof order / sizeof order[0]; o++) {
		if (!(scopes & order[o]))
			continue;
		for (int a = 1; a < ACT_COUNT; a++) {
			if (defs[a].scope != order[o])
				continue;
			for (int k = 0; k < bound[a].n; k++)
				if (bound[a].key[k] == key)
					return (enum action)a;
		}
	}
	return ACT_NONE;
}

int keys_scope(enum action a)
{
	return defs[a].scope;
}

const char *keys_name(enum action a)
{
	return defs[a].name;
}

const char *keys_label(enum action a)
{
	return _(defs[a].label);
}

const char *keys_help(enum action a)
{
	return _(defs[a].help);
}

const char *keys_bound(enum action a)
{
	return bound[a].text;
}

const char *keys_bound_in(enum action a, int scopes, char *buf, size_t n)
{
	char text[sizeof bound[a].text];
	snprintf(text, sizeof text, "%s", bound[a].text);
	size_t len = 0;
	buf[0] = '\0';
	char *save = NULL;
	for (char *tok = strtok_r(text, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		while (isspace((unsigned char)*tok))
			tok++;
		int code = keys_parse_one(tok);
		if (code < 0 || keys_lookup(scopes, code) != a)
			continue;
		int w = snprintf(buf + len, n - len, "%s%s", len ? ", " : "", tok);
		if (w < 0 || (size_t)w >= n - len)
			break;
		len += (size_t)w;
	}
	return buf;
}

void keys_first(enum action a, char *buf, size_t n)
{
	if (bound[a].n == 0) {
		snprintf(buf, n, "?");
		return;
	}
	int code = bound[a].key[0];
	for (size_t i = 0; i < sizeof pretty / sizeof pretty[0]; i++)
		if (pretty[i].code == code) {
			snprintf(buf, n, "%s", _(pretty[i].shown));
			return;
		}
	/* the first name as written */
	const char *t = bound[a].text;
	while (isspace((unsigned char)*t))
		t++;
	size_t len = strcspn(t, ",");
	while (len && isspace((unsigned char)t[len - 1]))
		len--;
	snprintf(buf, n, "%.*s", (int)len, t);
}
