/*
 * cli_records.c - the commands behind what the Données screen changes:
 * `juste org add|edit`, `juste mandate close`, and the body of `juste
 * expert deactivate`.  They call records.h, the functions the screen calls,
 * with the validation of `juste import`.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "juste/i18n.h"
#include "juste/records.h"
#include "juste/rules.h"

static juste_status usage_err(const char *cmd, struct juste_err *e)
{
	return err_set(e, JUSTE_EUSAGE, N_("usage incorrect ; voir juste %s --help"), cmd);
}

/* Prefixes a refusal naming a field with its option, so the user knows
 * which one to fix: "--code : ...". */
static juste_status with_field(juste_status st, struct juste_err *e)
{
	if (st && e && e->field[0]) {
		char opt[40];
		snprintf(opt, sizeof opt, "--%s", e->field);
		for (char *p = opt; *p; p++)
			if (*p == '_')
				*p = '-';
		/* "name : why" becomes "--name : why", not "--name : name : why" */
		size_t n = strlen(e->field);
		if (strncmp(e->msg, e->field, n) == 0 && strncmp(e->msg + n, " : ", 3) == 0)
			memmove(e->msg, e->msg + n + 3, strlen(e->msg + n + 3) + 1);
		err_prefix(e, "%s : ", opt);
	}
	return st;
}

static juste_status opt_bool(const char *opt, const char *arg, int *out, struct juste_err *e)
{
	return rules_bool_parse(opt, arg, out, e);
}

/* The options of org add|edit into o; argv[0] is the code. */
static juste_status org_options(int argc, char **argv, const char *cmd, struct org *o, struct juste_err *e)
{
	static const struct option opts[] = {
		{ "name", required_argument, NULL, 'n' }, { "category", required_argument, NULL, 'c' },
		{ "parent", required_argument, NULL, 'p' }, { "full-management", required_argument, NULL, 'f' },
		{ "tax-exempt", required_argument, NULL, 'x' }, { "joined", required_argument, NULL, 'j' },
		{ "left", required_argument, NULL, 'l' }, { "email", required_argument, NULL, 'm' },
		{ "address", required_argument, NULL, 'a' }, { "province", required_argument, NULL, 'P' },
		{ "country", required_argument, NULL, 'C' }, { "invoice-detail", required_argument, NULL, 'D' },
		{ "language", required_argument, NULL, 'L' }, { NULL, 0, NULL, 0 } };
	int opt, detail;
	juste_status st;
	optind = 0;   /* glibc: a full reset; argv[0], the code, is skipped */
	while ((opt = cli_getopt(argc, argv, "+", opts, cmd, e)) != -1) {
		switch (opt) {
		case 'n': snprintf(o->name, sizeof o->name, "%s", optarg); break;
		case 'c': if ((st = with_field(vocab_category_parse(optarg, &o->category, e), e))) return st; break;
		case 'p': snprintf(o->parent, sizeof o->parent, "%s", optarg); break;
		case 'f': if ((st = opt_bool("--full-management", optarg, &o->full_management, e))) return st; break;
		case 'x': if ((st = opt_bool("--tax-exempt", optarg, &o->tax_exempt, e))) return st; break;
		case 'j':
			if (!*optarg) o->joined_on[0] = '\0';
			else if ((st = cli_opt_date("--joined", optarg, o->joined_on, e))) return st;
			break;
		case 'l':
			if (!*optarg) o->left_on[0] = '\0';
			else if ((st = cli_opt_date("--left", optarg, o->left_on, e))) return st;
			break;
		case 'm': snprintf(o->email, sizeof o->email, "%s", optarg); break;
		case 'a': snprintf(o->address, sizeof o->address, "%s", optarg); break;
		case 'P': if ((st = with_field(vocab_province_parse(optarg, &o->province, e), e))) return st; break;
		case 'C':
			if (strlen(optarg) >= sizeof o->country)
				return err_set(e, JUSTE_EINVAL, N_("--country : code ISO à deux lettres (CA, US, FR…) : '%s'"), optarg);
			snprintf(o->country, sizeof o->country, "%s", optarg);
			break;
		case 'D':
			if ((st = opt_bool("--invoice-detail", optarg, &detail, e))) return st;
			o->invoice_without_detail = !detail;
			break;
		case 'L': {
			/* a closed list, like --format: another word is a usage error */
			enum language lang;
			if (vocab_language_parse(optarg, &lang, e)) {
				err_prefix(e, "--language : ");
				e->code = JUSTE_EUSAGE;
				return JUSTE_EUSAGE;
			}
			snprintf(o->language, sizeof o->language, "%s", vocab_language_word(lang));
			break;
		}
		default: return JUSTE_EUSAGE;   /* cli_getopt said why */
		}
	}
	return optind < argc ? usage_err("org", e) : JUSTE_OK;
}

juste_status cli_org(struct cli *c, int argc, char **argv, struct juste_err *e)
{
	if (argc < 3 || (strcmp(argv[1], "add") != 0 && strcmp(argv[1], "edit") != 0))
		return usage_err("org", e);
	int create = strcmp(argv[1], "add") == 0;
	const char *cmd = create ? "org add" : "org edit";
	struct org o;
	memset(&o, 0, sizeof o);
	juste_status st;
	/* the options are read once on a blank before the record is looked
	 * for: a usage error is said as such whatever CODE is */
	if ((st = org_options(argc - 2, argv + 2, cmd, &o, e)))
		return st;
	memset(&o, 0, sizeof o);
	if (!create && (st = records_org_get(c->app, argv[2], &o, e)))
		return st;
	if (create) {
		snprintf(o.code, sizeof o.code, "%s", argv[2]);
		o.category = CATEGORY_MEMBRE;
		snprintf(o.language, sizeof o.language, "%s", vocab_language_word(LANGUAGE_FR));
	}
	if ((st = org_options(argc - 2, argv + 2, cmd, &o, e)))
		return st;
	if ((st = with_field(records_org_save(c->app, &o, create, e), e)))
		return st;
	printf(create ? _("Organisation %s ajoutée\n") : _("Organisation %s modifiée\n"), o.code);
	return JUSTE_OK;
}

/* The options of "close CODE" and "deactivate LOGIN": only --date, today
 * by default.  argv[0] is the subject (code or login). */
static juste_status date_only(const char *cmd, int argc, char **argv, char date[ISO_LEN], struct juste_err *e)
{
	static const struct option opts[] = { { "date", required_argument, NULL, 'd' }, { NULL, 0, NULL, 0 } };
	date_format(app_today(), date);
	int opt;
	juste_status st;
	while ((opt = cli_getopt(argc, argv, "+", opts, cmd, e)) != -1) {
		if (opt != 'd')
			return JUSTE_EUSAGE;   /* cli_getopt said why */
		if ((st = cli_opt_date("--date", optarg, date, e)))
			return st;
	}
	return optind < argc ? usage_err(cmd, e) : JUSTE_OK;
}

juste_status cli_mandate(struct cli *c, int argc, char **argv, struct juste_err *e)
{
	if (argc >= 2 && (strcmp(argv[1], "assign") == 0 || strcmp(argv[1], "unassign") == 0 || strcmp(argv[1], "team") == 0))
		return cli_mandate_team(c, argc, argv, e);
	if (argc >= 2 && strcmp(argv[1], "budget") == 0)
		return cli_mandate_budget(c, argc, argv, e);
	if (argc < 3 || strcmp(argv[1], "close") != 0)
		return usage_err("mandate", e);
	const char *code = argv[2];
	char date[ISO_LEN];
	juste_status st;
	if ((st = date_only("mandate close", argc - 2, argv + 2, date, e)) ||
	    (st = records_mandate_close(c->app, code, date, e)))
		return st;
	printf(_("Mandat %s fermé le %s\n"), code, date);
	return JUSTE_OK;
}

juste_status cli_expert_deactivate(struct cli *c, int argc, char **argv, struct juste_err *e)
{
	/* argv: deactivate LOGIN [--date DATE] */
	if (argc < 2)
		return usage_err("expert", e);
	const char *login = argv[1];
	char date[ISO_LEN];
	juste_status st;
	if ((st = date_only("expert deactivate", argc - 1, argv + 1, date, e)) ||
	    (st = records_expert_deactivate(c->app, login, date, e)))
		return st;
	printf(_("Expert %s désactivé : départ le %s\n"), login, date);
	return JUSTE_OK;
}
