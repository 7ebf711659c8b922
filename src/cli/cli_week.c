/*
 * cli_week.c - juste week, juste timer.
 *
 * The grid printed here is the model the TUI's Ma semaine screen shows
 * (week_load); only the rendering differs.
 */
#include <getopt.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/out.h"
#include "juste/csvout.h"
#include "juste/duration.h"
#include "juste/i18n.h"
#include "juste/transfer.h"
#include "juste/week.h"

/* Abbreviated day names, Monday first. */
static const char *const day_abbr[WEEK_DAYS] = {
	N_("Lun"), N_("Mar"), N_("Mer"), N_("Jeu"), N_("Ven"), N_("Sam"), N_("Dim")
};

static void cell_text(int minutes, int locked, char *buf, size_t n)
{
	char d[DURATION_BUF];
	if (minutes)
		snprintf(buf, n, "%s%s", duration_format(minutes, d, sizeof d), locked ? "*" : "");
	else
		snprintf(buf, n, "%s", locked ? "*" : "·");
}

static void print_table(const struct week *w)
{
	char d[DURATION_BUF], c[DURATION_BUF], hdr[32];
	printf(_("Semaine du %s au %s — %s (%s)\n"), w->day[0], w->day[6], w->name, w->login);
	if (w->approval[0] || w->returned[0])
		printf("%s\n", w->approval[0] ? w->approval : w->returned);
	out_cell(stdout, _("Mandat"), 40);
	for (int i = 0; i < WEEK_DAYS; i++) {
		snprintf(hdr, sizeof hdr, "%s %s", _(day_abbr[i]), w->day[i] + 8);
		fputs(" ", stdout);
		out_cell(stdout, hdr, -7);
	}
	fputs("  ", stdout);
	out_cell(stdout, _("Total"), -7);
	fputc('\n', stdout);
	for (int r = 0; r < w->nrows; r++) {
		const struct week_row *row = &w->rows[r];
		char label[CODE_LEN + NAME_LEN + NAME_LEN + 8];
		snprintf(label, sizeof label, "%s %s · %s", row->m.code, row->m.title, row->m.client_name);
		out_cell(stdout, label, 40);
		for (int i = 0; i < WEEK_DAYS; i++) {
			cell_text(row->cell[i].minutes, row->cell[i].locked, c, sizeof c);
			fputs(" ", stdout);
			out_cell(stdout, c, -7);
		}
		fputs("  ", stdout);
		out_cell(stdout, duration_format(row->total, d, sizeof d), -7);
		fputc('\n', stdout);
	}
	out_cell(stdout, _("Total"), 40);
	for (int i = 0; i < WEEK_DAYS; i++) {
		fputs(" ", stdout);
		out_cell(stdout, duration_format(w->day_total[i], d, sizeof d), -7);
	}
	fputs("  ", stdout);
	out_cell(stdout, duration_format(w->total, d, sizeof d), -7);
	fputc('\n', stdout);
	/* the capacity Ma semaine's header shows: the week's working days
	 * less its holidays, closures and absences, the parts given apart */
	printf(_("Semaine : %s sur %s de capacité\n"), duration_format(w->total, d, sizeof d),
		duration_format((int)w->cap.minutes, c, sizeof c));
	if (w->cap.holidays || w->cap.absences) {
		char g[16], h[16], ab[16];
		printf(_("  (%s de jours ouvrables, moins %s de fériés et fermetures et %s d'absences)\n"),
			duration_format((int)w->cap.gross, g, sizeof g), duration_format((int)w->cap.holidays, h, sizeof h),
			duration_format((int)w->cap.absences, ab, sizeof ab));
	}
	for (int i = 0; i < WEEK_DAYS; i++)
		if (w->day_locked[i]) {
			printf(_("* verrouillé : %s\n"), w->day_why[i]);
			break;
		}
}

static void print_csv(const struct week *w)
{
	const char *h[4 + WEEK_DAYS + 1] = { "mandate", "title", "client", "pinned" };
	for (int i = 0; i < WEEK_DAYS; i++)
		h[4 + i] = w->day[i];
	h[4 + WEEK_DAYS] = "total_minutes";
	csvout_row(stdout, h, 4 + WEEK_DAYS + 1);
	char num[WEEK_DAYS + 1][16], pin[4];
	for (int r = 0; r < w->nrows; r++) {
		const struct week_row *row = &w->rows[r];
		const char *f[4 + WEEK_DAYS + 1] = { row->m.code, row->m.title, row->m.client, pin };
		snprintf(pin, sizeof pin, "%d", row->m.pinned);
		for (int i = 0; i < WEEK_DAYS; i++) {
			snprintf(num[i], sizeof num[i], "%d", row->cell[i].minutes);
			f[4 + i] = num[i];
		}
		snprintf(num[WEEK_DAYS], sizeof num[WEEK_DAYS], "%d", row->total);
		f[4 + WEEK_DAYS] = num[WEEK_DAYS];
		csvout_row(stdout, f, 4 + WEEK_DAYS + 1);
	}
}

static void print_json(const struct week *w)
{
	json_t *o = json_object();
	json_object_set_new(o, "expert", json_string(w->login));
	json_object_set_new(o, "name", json_string(w->name));
	json_object_set_new(o, "monday", json_string(w->day[0]));
	json_object_set_new(o, "sunday", json_string(w->day[6]));
	json_object_set_new(o, "capacity_minutes", json_integer(w->cap.minutes));
	json_object_set_new(o, "workdays_minutes", json_integer(w->cap.gross));
	json_object_set_new(o, "holiday_minutes", json_integer(w->cap.holidays));
	json_object_set_new(o, "absence_minutes", json_integer(w->cap.absences));
	json_object_set_new(o, "total_minutes", json_integer(w->total));
	json_t *days = json_array(), *totals = json_array(), *dlock = json_array(), *rows = json_array();
	for (int i = 0; i < WEEK_DAYS; i++) {
		json_array_append_new(days, json_string(w->day[i]));
		json_array_append_new(totals, json_integer(w->day_total[i]));
		json_array_append_new(dlock, w->day_locked[i] ? json_string(w->day_why[i]) : json_null());
	}
	for (int r = 0; r < w->nrows; r++) {
		const struct week_row *row = &w->rows[r];
		json_t *mins = json_array(), *locked = json_array(), *ids = json_array();
		for (int i = 0; i < WEEK_DAYS; i++) {
			json_array_append_new(mins, json_integer(row->cell[i].minutes));
			json_array_append_new(locked, json_boolean(row->cell[i].locked));
			json_t *cell = json_array();
			for (int k = 0; k < w->nentries; k++)
				if (w->entries[k].row == r && w->entries[k].day == i)
					json_array_append_new(cell, json_integer(w->entries[k].id));
			json_array_append_new(ids, cell);
		}
		json_array_append_new(rows, json_pack("{s:s, s:s, s:s, s:s, s:i, s:o, s:o, s:o, s:i}",
			"mandate", row->m.code, "title", row->m.title, "client", row->m.client,
			"client_name", row->m.client_name, "pinned", row->m.pinned,
			"minutes", mins, "locked", locked, "entry_ids", ids, "total_minutes", row->total));
	}
	json_object_set_new(o, "days", days);
	json_object_set_new(o, "day_total_minutes", totals);
	json_object_set_new(o, "day_locked", dlock);
	json_object_set_new(o, "rows", rows);
	char *s = json_dumps(o, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	if (s)
		puts(s);
	free(s);
	json_decref(o);
}

juste_status cli_week(struct cli *c, int argc, char **argv, struct juste_err *e)
{
	static const struct option opts[] = {
		{ "date", required_argument, NULL, 'd' }, { "format", required_argument, NULL, 'F' },
		{ NULL, 0, NULL, 0 } };
	if (argc > 1 && argv[1][0] != '-')
		return cli_week_approval(c, argc, argv, e);   /* submit, approve, return, status */
	char day[11];
	date_format(app_today(), day);
	enum transfer_format fmt = FORMAT_TABLE;
	int o;
	juste_status st = JUSTE_OK;
	while (!st && (o = cli_getopt(argc, argv, "+", opts, "week", e)) != -1) {
		switch (o) {
		case 'd': st = cli_opt_date("--date", optarg, day, e); break;
		case 'F': st = transfer_format_parse(optarg, &fmt, e); break;
		default: return JUSTE_EUSAGE;   /* cli_getopt said why */
		}
	}
	if (st)
		return st;
	if (optind < argc)
		return err_set(e, JUSTE_EUSAGE, N_("argument en trop : %s"), argv[optind]);
	date_t t;
	date_parse(day, &t, NULL);
	struct week w;
	st = week_load(c->app, app_user(c->app)->login, t, &w, e);
	if (st)
		return st;
	if (fmt == FORMAT_CSV)
		print_csv(&w);
	else if (fmt == FORMAT_JSON)
		print_json(&w);
	else
		print_table(&w);
	week_free(&w);
	return JUSTE_OK;
}

juste_status cli_timer(struct cli *c, int argc, char **argv, struct juste_err *e)
{
	const char *usage = N_("usage : juste timer start MANDAT [NOTE] | stop [NOTE] | switch MANDAT [NOTE] | status | cancel");
	if (argc < 2)
		return err_set(e, JUSTE_EUSAGE, "%s", _(usage));
	const char *sub = argv[1];
	struct week_timer t;
	char el[32], name[32];
	snprintf(name, sizeof name, "timer %s", sub);
	juste_status st = cli_no_options(argc - 1, argv + 1, name, e);
	if (st)
		return st;
	if (strcmp(sub, "start") == 0) {
		if (argc != 3 && argc != 4)
			return err_set(e, JUSTE_EUSAGE, "%s", _(usage));
		st = week_timer_start(c->app, argv[2], argc == 4 ? argv[3] : NULL, &t, e);
		if (!st)
			printf(_("Chronomètre démarré sur %s (%s), saisi au %s à l'arrêt\n"), t.mandate, t.title, t.work_date);
		return st;
	}
	if (strcmp(sub, "stop") == 0 || strcmp(sub, "switch") == 0) {
		int sw = sub[1] == 'w';
		if (sw ? argc != 3 && argc != 4 : argc != 2 && argc != 3)
			return err_set(e, JUSTE_EUSAGE, "%s", _(usage));
		struct entry x;
		/* stop's NOTE is the entry's; switch's is the new timer's */
		st = sw ? week_timer_switch(c->app, argv[2], NULL, argc == 4 ? argv[3] : NULL, &x, &t, e)
			: week_timer_stop(c->app, argc == 3 ? argv[2] : NULL, &x, e);
		if (!st) {
			char d[DURATION_BUF];
			printf(_("Chronomètre arrêté : saisi #%lld : %s %s %s %s\n"), (long long)x.id, x.work_date,
				x.expert, duration_format(x.minutes, d, sizeof d), x.mandate);
			if (sw)
				printf(_("Chronomètre démarré sur %s (%s), saisi au %s à l'arrêt\n"), t.mandate, t.title, t.work_date);
			cli_budget_notice(c);
		}
		return st;
	}
	if (argc != 2)
		return err_set(e, JUSTE_EUSAGE, "%s", _(usage));
	if (strcmp(sub, "status") == 0) {
		st = week_timer_status(c->app, &t, e);
		if (st)
			return st;
		if (!t.running)
			printf(_("Aucun chronomètre en marche\n"));
		else
			printf(_("Chronomètre sur %s (%s) depuis %s, pour le %s\n"), t.mandate, t.title,
				week_elapsed_format(t.elapsed, el, sizeof el), t.work_date);
		return JUSTE_OK;
	}
	if (strcmp(sub, "cancel") == 0) {
		st = week_timer_cancel(c->app, e);
		if (!st)
			printf(_("Chronomètre annulé, rien n'a été saisi\n"));
		return st;
	}
	return err_set(e, JUSTE_EUSAGE, "%s", _(usage));
}
