/*
 * cmdline.c - a setting's command line split into argv (cmdline.h).
 */
#include <string.h>

#include "juste/cmdline.h"

#ifndef N_
#define N_(s) (s)
#endif

juste_status cmdline_split(const char *line, struct cmdline *out, struct juste_err *e)
{
	memset(out, 0, sizeof *out);
	size_t w = 0;
	const char *p = line;
	for (;;) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p)
			break;
		if (out->argc == CMDLINE_MAX_ARGS)
			return err_set(e, JUSTE_EINVAL, N_("plus de %d mots dans la commande"), CMDLINE_MAX_ARGS);
		out->argv[out->argc++] = &out->buf[w];
		char quote = 0;
		while (*p && (quote || (*p != ' ' && *p != '\t'))) {
			char c = *p++;
			if (quote == '\'') {
				if (c == '\'') {
					quote = 0;
					continue;
				}
			} else if (quote == '"') {
				if (c == '"') {
					quote = 0;
					continue;
				}
				if (c == '\\' && (*p == '"' || *p == '\\'))
					c = *p++;
			} else if (c == '\'' || c == '"') {
				quote = c;
				continue;
			} else if (c == '\\') {
				if (!*p)
					return err_set(e, JUSTE_EINVAL, N_("barre oblique inverse à la fin de la commande"));
				c = *p++;
			}
			if (w + 2 > sizeof out->buf)
				return err_set(e, JUSTE_EINVAL, N_("commande trop longue (%d octets au plus)"), CMDLINE_LEN - 1);
			out->buf[w++] = c;
		}
		if (quote)
			return err_set(e, JUSTE_EINVAL, N_("guillemet %c non fermé dans la commande"), quote);
		if (w + 1 > sizeof out->buf)
			return err_set(e, JUSTE_EINVAL, N_("commande trop longue (%d octets au plus)"), CMDLINE_LEN - 1);
		out->buf[w++] = '\0';
	}
	out->argv[out->argc] = NULL;
	if (out->argc == 0)
		return err_set(e, JUSTE_EINVAL, N_("commande vide"));
	if (out->argv[0][0] != '/')
		return err_set(e, JUSTE_EINVAL, N_("le programme doit être donné par son chemin absolu (/usr/sbin/sendmail), pas '%s'"),
			out->argv[0]);
	return JUSTE_OK;
}
