/*
 * cli_backup.c - juste backup FILE and juste restore FILE [--keep FILE].
 */
#include <getopt.h>
#include <stdio.h>

#include "cli/cli.h"
#include "juste/backup.h"
#include "juste/i18n.h"

juste_status cli_backup(struct cli *c, int argc, char **argv, struct juste_err *e)
{
	static const struct option opts[] = { { NULL, 0, NULL, 0 } };
	int o;
	while ((o = cli_getopt(argc, argv, "", opts, "backup", e)) != -1)
		return JUSTE_EUSAGE;   /* cli_getopt said why */
	if (argc - optind != 1)
		return err_set(e, JUSTE_EUSAGE, N_("backup demande un seul FICHIER ; voir juste backup --help"));
	const char *file = argv[optind];
	struct backup_info info;
	juste_status st = backup_write(c->app, file, &info, e);
	if (st)
		return st;
	printf(ngettext("Copie écrite : %s (%lld octet, schéma %d, integrity_check : ok)\n",
		"Copie écrite : %s (%lld octets, schéma %d, integrity_check : ok)\n", (unsigned long)info.bytes),
		file, info.bytes, info.schema);
	return JUSTE_OK;
}

/* A problem found in the file to restore, on stderr: the command fails,
 * and main() prints why after these. */
static int finding(void *ctx, const char *line)
{
	fprintf(stderr, "  %s : %s\n", (const char *)ctx, line);
	return 0;
}

juste_status cli_restore(struct cli *c, int argc, char **argv, struct juste_err *e)
{
	static const struct option opts[] = { { "keep", required_argument, NULL, 'k' }, { NULL, 0, NULL, 0 } };
	const char *keep = NULL;
	int o;
	/* options before or after FILE (a name starting with '-' after --) */
	while ((o = cli_getopt(argc, argv, "", opts, "restore", e)) != -1) {
		switch (o) {
		case 'k': keep = optarg; break;
		default: return JUSTE_EUSAGE;   /* cli_getopt said why */
		}
	}
	if (argc - optind != 1)
		return err_set(e, JUSTE_EUSAGE, N_("restore demande un seul FICHIER ; voir juste restore --help"));
	const char *file = argv[optind];
	struct restore_info info;
	juste_status st = backup_restore(c->app, file, keep, finding, (void *)file, &info, e);
	if (st)
		return st;
	if (info.schema_file != info.schema)
		printf(_("Base restaurée depuis %s (schéma %d, mis au schéma %d).\n"), file, info.schema_file, info.schema);
	else
		printf(_("Base restaurée depuis %s (schéma %d).\n"), file, info.schema);
	printf(_("La base remplacée est gardée dans %s.\n"), info.kept);
	return JUSTE_OK;
}
