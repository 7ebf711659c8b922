/*
 * rules.c - the validation of records, in one place.
 *
 * The importer, the CLI, the TUI forms and the demo all call these so that
 * a record refused by one is refused by the others with the same words.
 * Pure: records carry codes, and whether a code exists is the store's
 * business.  Every refusal names the field (err.field) and the value.
 */
#include <stdbool.h>
#include <string.h>

#include "juste/date.h"
#include "juste/rules.h"
#include "juste/tax.h"
#include "juste/text.h"

#ifndef N_
#define N_(s) (s)
#endif

#define CODE_MAX (CODE_LEN - 1)
#define LOGIN_MAX (LOGIN_LEN - 1)

/* ASCII classes by hand: <ctype.h> would consult the locale. */
static bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
static bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
static bool is_digit(char c) { return c >= '0' && c <= '9'; }

static char lower(char c) { return is_upper(c) ? (char)(c - 'A' + 'a') : c; }

static bool ascii_caseeq(const char *a, const char *b)
{
	for (; *a != '\0' && lower(*a) == lower(*b); a++, b++)
		;
	return *a == '\0' && *b == '\0';
}

/* --- codes, logins, text, dates ---------------------------------------- */

juste_status rules_code_validate(const char *field, const char *code, struct juste_err *e)
{
	size_t n = code != NULL ? strlen(code) : 0;

	if (n == 0)
		return err_set_field(e, field, JUSTE_EINVAL, N_("%s : code manquant"), field);
	if (n > CODE_MAX)
		return err_set_field(e, field, JUSTE_EINVAL,
			N_("%s : code '%s' trop long (%d caractères au plus)"), field, code, CODE_MAX);
	if (!is_lower(code[0]) && !is_upper(code[0]) && !is_digit(code[0]))
		return err_set_field(e, field, JUSTE_EINVAL,
			N_("%s : le code '%s' doit commencer par une lettre ou un chiffre"), field, code);
	for (size_t i = 1; i < n; i++) {
		char c = code[i];

		if (!is_lower(c) && !is_upper(c) && !is_digit(c) && c != '_' && c != '.' && c != '-')
			return err_set_field(e, field, JUSTE_EINVAL,
				N_("%s : code '%s' invalide (lettres sans accents, chiffres, _ . - seulement)"),
				field, code);
	}
	return JUSTE_OK;
}

juste_status rules_login_validate(const char *login, struct juste_err *e)
{
	size_t n = login != NULL ? strlen(login) : 0;

	if (n == 0)
		return err_set_field(e, "login", JUSTE_EINVAL, N_("login manquant"));
	if (n > LOGIN_MAX)
		return err_set_field(e, "login", JUSTE_EINVAL,
			N_("login '%s' trop long (%d caractères au plus)"), login, LOGIN_MAX);
	if (!is_lower(login[0]) && login[0] != '_')
		return err_set_field(e, "login", JUSTE_EINVAL,
			N_("login '%s' invalide : il commence par une minuscule ou _"), login);
	for (size_t i = 1; i < n; i++) {
		char c = login[i];

		if (!is_lower(c) && !is_digit(c) && c != '_' && c != '.' && c != '-')
			return err_set_field(e, "login", JUSTE_EINVAL,
				N_("login '%s' invalide (minuscules, chiffres, _ . - seulement)"), login);
	}
	return JUSTE_OK;
}

/* --- free text ------------------------------------------------------------ */

/* The first control character of the well-formed UTF-8 s[0..n) that `kind`
 * does not allow: C0 (below U+0020), DEL and C1 (U+0080..U+009F, written
 * C2 80..C2 9F).  Notes keep their line breaks and tabs.  Returns its byte
 * offset and code point, or false. */
static bool control_find(const char *s, size_t n, bool note, size_t *at, unsigned *cp)
{
	const unsigned char *u = (const unsigned char *)s;

	for (size_t i = 0; i < n; i++) {
		unsigned c = u[i];

		if (c < 0x20 || c == 0x7F) {
			if (note && (c == '\n' || c == '\t'))
				continue;
			*at = i;
			*cp = c;
			return true;
		}
		if (c == 0xC2 && i + 1 < n && u[i + 1] >= 0x80 && u[i + 1] <= 0x9F) {
			*at = i;
			*cp = u[i + 1];
			return true;
		}
	}
	return false;
}

juste_status rules_bytes_validate(const char *field, const char *s, size_t n, struct juste_err *e)
{
	const char *nul = memchr(s, '\0', n);
	size_t at;

	if (nul != NULL)
		return err_set_field(e, field, JUSTE_EINVAL, N_("%s : octet nul refusé (octet %zu)"),
			field, (size_t)(nul - s) + 1);
	if (!text_utf8_valid(s, n, &at))
		return err_set_field(e, field, JUSTE_EINVAL,
			N_("%s : texte invalide : ce n'est pas de l'UTF-8 (octet %zu)"), field, at + 1);
	return JUSTE_OK;
}

static juste_status text_validate(const char *field, const char *s, bool note, struct juste_err *e)
{
	size_t n = strlen(s), at;
	unsigned cp;
	juste_status st = rules_bytes_validate(field, s, n, e);

	if (st != JUSTE_OK || !control_find(s, n, note, &at, &cp))
		return st;
	if (note)
		return err_set_field(e, field, JUSTE_EINVAL,
			N_("%s : caractère de contrôle U+%04X refusé (octet %zu ; seuls le saut de ligne et la tabulation sont permis)"),
			field, cp, at + 1);
	return err_set_field(e, field, JUSTE_EINVAL,
		N_("%s : caractère de contrôle U+%04X refusé (octet %zu)"), field, cp, at + 1);
}

juste_status rules_name_validate(const char *field, const char *s, struct juste_err *e)
{
	return text_validate(field, s, false, e);
}

juste_status rules_note_validate(const char *field, const char *s, struct juste_err *e)
{
	return text_validate(field, s, true, e);
}

/* A required text: present, and (for fixed buffers filled elsewhere)
 * NUL-terminated within its buffer. */
static juste_status text_required(const char *field, const char *s, size_t size,
	struct juste_err *e)
{
	size_t n = strnlen(s, size);

	if (n == size)
		return err_set_field(e, field, JUSTE_EINVAL,
			N_("%s : texte trop long (%zu octets au plus)"), field, size - 1);
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t')
			return JUSTE_OK;
	return err_set_field(e, field, JUSTE_EINVAL, N_("%s : valeur manquante"), field);
}

static juste_status text_fits(const char *field, const char *s, size_t size, struct juste_err *e)
{
	if (strnlen(s, size) == size)
		return err_set_field(e, field, JUSTE_EINVAL,
			N_("%s : texte trop long (%zu octets au plus)"), field, size - 1);
	return JUSTE_OK;
}

/* "" is an absent date; otherwise a strict ISO day. */
static juste_status date_optional(const char *field, const char *s, date_t *t, bool *present,
	struct juste_err *e)
{
	*present = s[0] != '\0';
	if (!*present)
		return JUSTE_OK;
	if (date_parse(s, t, NULL) != JUSTE_OK)
		return err_set_field(e, field, JUSTE_EINVAL,
			N_("%s : date invalide '%s' (attendu AAAA-MM-JJ)"), field, s);
	return JUSTE_OK;
}

/* Both dates optional; when both are there the second is not before the
 * first. */
static juste_status date_range(const char *f1, const char *d1, const char *f2, const char *d2,
	struct juste_err *e)
{
	date_t t1 = 0, t2 = 0;
	bool p1, p2;
	juste_status st;

	if ((st = date_optional(f1, d1, &t1, &p1, e)) != JUSTE_OK ||
	    (st = date_optional(f2, d2, &t2, &p2, e)) != JUSTE_OK)
		return st;
	if (p1 && p2 && t2 < t1)
		return err_set_field(e, f2, JUSTE_EINVAL,
			N_("%s (%s) est avant %s (%s)"), f2, d2, f1, d1);
	return JUSTE_OK;
}

static juste_status code_optional(const char *field, const char *code, struct juste_err *e)
{
	return code[0] == '\0' ? JUSTE_OK : rules_code_validate(field, code, e);
}

/* --- records ----------------------------------------------------------- */

juste_status rules_expert_validate(const struct expert *x, struct juste_err *e)
{
	juste_status st;

	if ((st = rules_login_validate(x->login, e)) != JUSTE_OK ||
	    (st = text_required("name", x->name, sizeof x->name, e)) != JUSTE_OK ||
	    (st = rules_name_validate("name", x->name, e)) != JUSTE_OK)
		return st;
	if ((st = vocab_check(VOCAB_FUNCTION, (int)x->function, e)) != JUSTE_OK)
		return st;
	if ((st = vocab_check(VOCAB_ROLE, (int)x->role, e)) != JUSTE_OK)
		return st;
	if (x->weekly_minutes < 0 || x->weekly_minutes > 7 * 24 * 60)
		return err_set_field(e, "weekly_hours", JUSTE_EINVAL,
			N_("heures par semaine hors limites (0 à 168 h)"));
	return date_range("started_on", x->started_on, "left_on", x->left_on, e);
}

/* Only a plausible shape: one '@' with something on each side and no
 * spaces.  Whether the address exists is not ours to know. */
static juste_status email_validate(const char *s, struct juste_err *e)
{
	const char *at = strchr(s, '@');

	if (s[0] == '\0')
		return JUSTE_OK;
	if (at == NULL || at == s || at[1] == '\0' || strchr(at + 1, '@') != NULL ||
	    strpbrk(s, " \t\r\n,;<>") != NULL)
		return err_set_field(e, "email", JUSTE_EINVAL, N_("courriel invalide '%s'"), s);
	return JUSTE_OK;
}

static juste_status flag_validate(const char *field, int v, struct juste_err *e)
{
	if (v != 0 && v != 1)
		return err_set_field(e, field, JUSTE_EINVAL, N_("%s : attendu 1 ou 0"), field);
	return JUSTE_OK;
}

juste_status rules_org_validate(const struct org *o, struct juste_err *e)
{
	juste_status st;

	if ((st = rules_code_validate("code", o->code, e)) != JUSTE_OK ||
	    (st = text_required("name", o->name, sizeof o->name, e)) != JUSTE_OK ||
	    (st = rules_name_validate("name", o->name, e)) != JUSTE_OK)
		return st;
	if ((st = vocab_check(VOCAB_CATEGORY, (int)o->category, e)) != JUSTE_OK)
		return st;
	if ((st = code_optional("parent", o->parent, e)) != JUSTE_OK)
		return st;
	if (strcmp(o->parent, o->code) == 0)
		return err_set_field(e, "parent", JUSTE_EINVAL,
			N_("l'organisation '%s' ne peut pas être son propre parent"), o->code);
	if ((st = flag_validate("full_management", o->full_management, e)) != JUSTE_OK ||
	    (st = flag_validate("tax_exempt", o->tax_exempt, e)) != JUSTE_OK ||
	    (st = date_range("joined_on", o->joined_on, "left_on", o->left_on, e)) != JUSTE_OK ||
	    (st = text_fits("email", o->email, sizeof o->email, e)) != JUSTE_OK ||
	    (st = email_validate(o->email, e)) != JUSTE_OK ||
	    (st = rules_name_validate("email", o->email, e)) != JUSTE_OK ||
	    (st = text_fits("address", o->address, sizeof o->address, e)) != JUSTE_OK)
		return st;
	if ((st = rules_note_validate("address", o->address, e)) != JUSTE_OK)
		return st;
	if (o->country[0] && (st = tax_country_validate(o->country, e)) != JUSTE_OK)
		return st;
	enum language lang;
	if (o->language[0] && (st = vocab_language_parse(o->language, &lang, e)) != JUSTE_OK)
		return st;
	if (!o->country[0] || tax_country_is_canada(o->country))
		return vocab_check(VOCAB_PROVINCE, (int)o->province, e);
	return JUSTE_OK;
}

juste_status rules_ref_validate(const struct refitem *r, struct juste_err *e)
{
	juste_status st = rules_code_validate("code", r->code, e);

	if (st == JUSTE_OK)
		st = text_required("name", r->name, sizeof r->name, e);
	return st != JUSTE_OK ? st : rules_name_validate("name", r->name, e);
}

static juste_status mandate_money_validate(const struct mandate *m, struct juste_err *e)
{
	bool monthly = vocab_billing_monthly(m->billing);

	if (m->monthly_fee_cents < 0 || m->budget_cents < 0)
		return err_set_field(e, m->budget_cents < 0 ? "budget_amount" : "monthly_fee",
			JUSTE_EINVAL, N_("montant négatif refusé"));
	if (m->budget_minutes < 0)
		return err_set_field(e, "budget_hours", JUSTE_EINVAL,
			N_("budget en heures négatif refusé"));
	if (monthly && m->monthly_fee_cents == 0)
		return err_set_field(e, "monthly_fee", JUSTE_EINVAL,
			N_("un mandat au forfait a des honoraires mensuels"));
	if (!monthly && m->monthly_fee_cents != 0)
		return err_set_field(e, "monthly_fee", JUSTE_EINVAL,
			N_("seul un mandat au forfait a des honoraires mensuels (mode '%s')"),
			vocab_billing_word(m->billing));
	return JUSTE_OK;
}

juste_status rules_mandate_validate(const struct mandate *m, struct juste_err *e)
{
	juste_status st;

	if ((st = rules_code_validate("code", m->code, e)) != JUSTE_OK ||
	    (st = text_required("title", m->title, sizeof m->title, e)) != JUSTE_OK ||
	    (st = rules_name_validate("title", m->title, e)) != JUSTE_OK ||
	    (st = rules_code_validate("client", m->client, e)) != JUSTE_OK ||
	    (st = code_optional("beneficiary", m->beneficiary, e)) != JUSTE_OK ||
	    (st = rules_code_validate("service", m->service, e)) != JUSTE_OK ||
	    (st = code_optional("program", m->program, e)) != JUSTE_OK)
		return st;
	if ((st = vocab_check(VOCAB_BILLING, (int)m->billing, e)) != JUSTE_OK)
		return st;
	if ((st = mandate_money_validate(m, e)) != JUSTE_OK)
		return st;
	if (m->opened_on[0] == '\0')
		return err_set_field(e, "opened_on", JUSTE_EINVAL,
			N_("opened_on : date d'ouverture manquante"));
	return date_range("opened_on", m->opened_on, "closed_on", m->closed_on, e);
}

/* The work date falls within [from, to]; either bound may be absent. */
static bool within(date_t d, const char *from, const char *to)
{
	date_t t;

	if (from[0] != '\0' && date_parse(from, &t, NULL) == JUSTE_OK && d < t)
		return false;
	if (to[0] != '\0' && date_parse(to, &t, NULL) == JUSTE_OK && d > t)
		return false;
	return true;
}

static juste_status entry_mandate_check(const struct entry *en, date_t d,
	const struct mandate *m, struct juste_err *e)
{
	if (within(d, m->opened_on, m->closed_on))
		return JUSTE_OK;
	if (m->closed_on[0] != '\0' && strcmp(en->work_date, m->closed_on) > 0)
		return err_set_field(e, "date", JUSTE_ECONFLICT,
			N_("le mandat '%s' est fermé depuis le %s (date %s)"),
			m->code, m->closed_on, en->work_date);
	return err_set_field(e, "date", JUSTE_ECONFLICT,
		N_("le mandat '%s' n'est ouvert que le %s (date %s)"),
		m->code, m->opened_on, en->work_date);
}

static juste_status entry_expert_check(const struct entry *en, date_t d,
	const struct expert *x, struct juste_err *e)
{
	if (within(d, x->started_on, x->left_on))
		return JUSTE_OK;
	if (x->left_on[0] != '\0' && strcmp(en->work_date, x->left_on) > 0)
		return err_set_field(e, "date", JUSTE_ECONFLICT,
			N_("%s a quitté le %s (date %s)"), x->login, x->left_on, en->work_date);
	return err_set_field(e, "date", JUSTE_ECONFLICT,
		N_("%s n'arrive que le %s (date %s)"), x->login, x->started_on, en->work_date);
}

juste_status rules_entry_validate(const struct entry *en, const struct mandate *m,
	const struct expert *x, struct juste_err *e)
{
	date_t d;
	juste_status st;

	if (date_parse(en->work_date, &d, NULL) != JUSTE_OK)
		return err_set_field(e, "date", JUSTE_EINVAL,
			N_("date invalide '%s' (attendu AAAA-MM-JJ)"), en->work_date);
	if (en->minutes <= 0)
		return err_set_field(e, "duration", JUSTE_EINVAL,
			N_("durée nulle ou négative refusée"));
	if (en->minutes > 24 * 60)
		return err_set_field(e, "duration", JUSTE_EINVAL,
			N_("durée de plus de 24 h refusée"));
	if ((st = text_fits("note", en->note, sizeof en->note, e)) != JUSTE_OK ||
	    (st = rules_note_validate("note", en->note, e)) != JUSTE_OK)
		return st;
	if (m != NULL && (st = entry_mandate_check(en, d, m, e)) != JUSTE_OK)
		return st;
	if (x != NULL && (st = entry_expert_check(en, d, x, e)) != JUSTE_OK)
		return st;
	return JUSTE_OK;
}

juste_status rules_bool_parse(const char *field, const char *s, int *out, struct juste_err *e)
{
	static const char *const yes[] = { "1", "oui", "true", NULL };
	static const char *const no[] = { "0", "non", "false", NULL };

	for (int i = 0; yes[i] != NULL; i++) {
		if (ascii_caseeq(s, yes[i])) {
			*out = 1;
			return JUSTE_OK;
		}
		if (ascii_caseeq(s, no[i])) {
			*out = 0;
			return JUSTE_OK;
		}
	}
	return err_set_field(e, field, JUSTE_EINVAL,
		N_("%s : valeur booléenne invalide '%s' (1/0, oui/non, true/false)"), field, s);
}
