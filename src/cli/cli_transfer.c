/*
 * cli_transfer.c - `juste import` and `juste export`.
 *
 *   juste import KIND FILE.csv [--dry-run]
 *   juste export KIND [--format csv|json] [--from DATE] [--to DATE] [-o FILE]
 *
 * The work is transfer_import() and transfer_export(); this file parses the
 * options and says what happened.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "juste/i18n.h"
#include "juste/text.h"
#include "juste/transfer.h"

static juste_status cli_kind(const char *s, enum transfer_kind *k, struct juste_err *e)
{
	if (transfer_kind_parse(s, k, e) == JUSTE_OK)
		return JUSTE_OK;
	if (e != NULL)
		e->code = JUSTE_EUSAGE;
	return JUSTE_EUSAGE;
}

juste_status cli_import(struct cli *c, int argc, char **argv, struct juste_err *e)
{
	static const struct option opts[] = {
		{ "dry-run", no_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 }
	};
	struct import_result r;
	enum transfer_kind k;
	const char *path;
	char count[48], same[48];
	int ch, dry_run = 0;
	juste_status st;

	optind = 0;
	opterr = 0;
	while ((ch = cli_getopt(argc, argv, ":n", opts, "import", e)) != -1) {
		if (ch != 'n')
			return JUSTE_EUSAGE;   /* cli_getopt said why */
		dry_run = 1;
	}
	if (argc - optind != 2)
		return err_set(e, JUSTE_EUSAGE,
			N_("usage : juste import orgs|experts|services|programs|mandates|entries FICHIER.csv [--dry-run]"));
	if ((st = cli_kind(argv[optind], &k, e)) != JUSTE_OK)
		return st;
	path = argv[optind + 1];
	if ((st = transfer_import(c->app, k, path, dry_run, &r, e)) != JUSTE_OK)
		return st;
	/* "4 000" with a no-break space in French, "4,000" in English */
	const char *sep = text_group_sep(text_lang_of(i18n_language()));
	long written = r.rows - r.unchanged;
	text_group(dry_run ? r.rows : written, sep, count, sizeof count);
	if (dry_run)
		printf(ngettext("%s : %s ligne valide (essai, rien n'est écrit)",
			"%s : %s lignes valides (essai, rien n'est écrit)",
			(unsigned long)r.rows), path, count);
	else
		printf(ngettext("%s : %s ligne importée", "%s : %s lignes importées",
			(unsigned long)written), path, count);
	if (r.unchanged > 0) {
		text_group(r.unchanged, sep, same, sizeof same);
		printf(ngettext(", %s identique à ce que la base contient déjà (inchangée)",
			", %s identiques à ce que la base contient déjà (inchangées)",
			(unsigned long)r.unchanged), same);
	}
	putchar('\n');
	/* after the count, as juste log says it after "Saisi" */
	for (char *line = r.notices, *nl; line && *line; line = nl + 1) {
		nl = strchr(line, '\n');
		*nl = '\0';
		fprintf(stderr, _("juste : attention : %s\n"), line);
	}
	free(r.notices);
	return JUSTE_OK;
}

struct export_opts {
	enum transfer_kind kind;
	enum transfer_format format;
	char from[11], to[11];
	const char *output;       /* NULL = stdout */
};

static juste_status export_opt(int ch, const char *arg, struct export_opts *o,
	struct juste_err *e)
{
	switch (ch) {
	case 'f':
		if (transfer_format_parse(arg, &o->format, e) != JUSTE_OK ||
		    o->format == FORMAT_TABLE)
			return err_set(e, JUSTE_EUSAGE, N_("--format : csv ou json, pas '%s'"), arg);
		return JUSTE_OK;
	case 'F':
		return cli_opt_date("--from", arg, o->from, e);
	case 'T':
		return cli_opt_date("--to", arg, o->to, e);
	case 'o':
		o->output = arg;
		return JUSTE_OK;
	default:
		return err_set(e, JUSTE_EUSAGE, N_("option inconnue"));
	}
}

static juste_status export_parse(int argc, char **argv, struct export_opts *o,
	struct juste_err *e)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "from", required_argument, NULL, 'F' },
		{ "to", required_argument, NULL, 'T' },
		{ "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 }
	};
	juste_status st;
	int ch;

	memset(o, 0, sizeof *o);
	o->format = FORMAT_CSV;
	optind = 0;
	opterr = 0;
	while ((ch = cli_getopt(argc, argv, ":f:o:", opts, "export", e)) != -1) {
		if (ch == '?')
			return JUSTE_EUSAGE;   /* cli_getopt said why */
		/* A bad date keeps the status cli_opt_date gives it. */
		if ((st = export_opt(ch, optarg, o, e)) != JUSTE_OK)
			return st;
	}
	if (argc - optind != 1)
		return err_set(e, JUSTE_EUSAGE,
			N_("usage : juste export TYPE [--format csv|json] [--from DATE] [--to DATE] [-o FICHIER]"));
	if (o->from[0] != '\0' && o->to[0] != '\0' && strcmp(o->from, o->to) > 0)
		return err_set(e, JUSTE_EUSAGE, N_("--from %s est après --to %s"), o->from, o->to);
	return cli_kind(argv[optind], &o->kind, e);
}

juste_status cli_export(struct cli *c, int argc, char **argv, struct juste_err *e)
{
	struct export_opts o;
	juste_status st;

	if ((st = export_parse(argc, argv, &o, e)) != JUSTE_OK)
		return st;
	/* the file is written (or left as it was) by the app: outfile.h */
	return transfer_export_file(c->app, o.kind, o.format, o.from[0] ? o.from : NULL,
		o.to[0] ? o.to : NULL, o.output, e);
}
