/*
 * cli_calendar.c - the manager's control: juste holiday, juste absence,
 * juste capacity, juste week submit|approve|return|status and juste
 * mandate assign|unassign|team.  They parse, call workdays.h, approval.h
 * and teams.h, and print.
 */
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/out.h"
#include "juste/approval.h"
#include "juste/csvout.h"
#include "juste/duration.h"
#include "juste/i18n.h"
#include "juste/teams.h"
#include "juste/transfer.h"
#include "juste/workdays.h"

static juste_status usage_of(const char *cmd, struct juste_err *e)
{
	return err_set(e, JUSTE_EUSAGE, N_("usage incorrect ; voir juste %s --help"), cmd);
}

static void json_print(json_t *v)
{
	char *s = json_dumps(v, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	if (s)
		puts(s);
	free(s);
	json_decref(v);
}

/* --- juste holiday ------------------------------------------------------- */

struct holiday_out {
	enum transfer_format fmt;
	json_t *arr;
};

static int print_holiday(void *ctx, const struct holiday_row *h)
{
	struct holiday_out *o = ctx;
	const char *kind = h->statutory ? "statutory" : "centre";
	if (o->fmt == FORMAT_JSON) {
		json_array_append_new(o->arr, json_pack("{s:s, s:s, s:s, s:s}", "from", h->first, "to", h->last,
			"kind", kind, "name", h->name));
	} else if (o->fmt == FORMAT_CSV) {
		const char *f[] = { h->first, h->last, kind, h->name };
		csvout_row(stdout, f, 4);
	} else {
		char range[2 * ISO_LEN + 8];
		if (strcmp(h->first, h->last) == 0)
			snprintf(range, sizeof range, "%s", h->first);
		else
			snprintf(range, sizeof range, "%s → %s", h->first, h->last);
		out_cell(stdout, range, 24);
		printf("  ");
		out_cell(stdout, h->statutory ? _("férié") : _("fermeture"), 10);
		printf("  %s\n", out_visible(h->name));
	}
	return 0;
}

static juste_status holiday_list(struct cli *c, int argc, char **argv, struct juste_err *e)
{
	static const struct option opts[] = { { "year", required_argument, NULL, 'y' },
		{ "format", required_argument, NULL, 'f' }, { NULL, 0, NULL, 0 } };
	int y, m, d;
	date_to_ymd(app_today(), &y, &m, &d);
	struct holiday_out o = { FORMAT_TABLE, NULL };
	juste_status st = JUSTE_OK;
	int opt;
	while (!st && (opt = cli_getopt(argc, argv, "+", opts, "holiday list", e)) != -1) {
		switch (opt) {
		case 'y': {
			char *end;
			long v = strtol(optarg, &end, 10);
			if (end == optarg || *end || v < 1900 || v > 2999)
				return err_set(e, JUSTE_EUSAGE, N_("--year : année attendue (AAAA, 1900 à 2999) : %s"), optarg);
			y = (int)v;
			break;
		}
		case 'f': st = transfer_format_parse(optarg, &o.fmt, e); break;
		default: return JUSTE_EUSAGE;   /* cli_getopt said why */
		}
	}
	if (st)
		return st;
	if (optind < argc)
		return usage_of("holiday", e);
	if (o.fmt == FORMAT_CSV) {
		const char *h[] = { "from", "to", "kind", "name" };
		csvout_row(stdout, h, 4);
	} else if (o.fmt == FORMAT_JSON) {
		o.arr = json_array();
	}
	st = workdays_holidays(c->app, y, print_holiday, &o, e);
	if (o.arr) {
		if (!st)
			json_print(o.arr);
		else
			json_decref(o.arr);
	}
	return st;
}

juste_status cli_holiday(struct cli *c, int argc, char **argv, struct juste_err *e)
{
	if (argc < 2)
		return usage_of("holiday", e);
	const char *sub = argv[1];
	if (strcmp(sub, "list") == 0)
		return holiday_list(c, argc - 1, argv + 1, e);
	if (strcmp(sub, "add") == 0) {
		static const struct option opts[] = { { "to", required_argument, NULL, 't' },
			{ "name", required_argument, NULL, 'n' }, { NULL, 0, NULL, 0 } };
		const char *to = NULL, *name = NULL, *first = NULL;
		int opt;
		argc--, argv++;
		while ((opt = cli_getopt(argc, argv, "+", opts, "holiday add", e)) != -1 || (optind < argc && !first)) {
			if (opt == -1) {
				first = argv[optind++];   /* DATE before or between the options */
				continue;
			}
			switch (opt) {
			case 't': to = optarg; break;
			case 'n': name = optarg; break;
			default: return JUSTE_EUSAGE;   /* cli_getopt said why */
			}
		}
		if (!first || optind < argc)
			return usage_of("holiday", e);
		juste_status st = workdays_closure_add(c->app, first, to, name, e);
		if (!st)
			printf(_("Fermeture du centre ajoutée : %s%s%s, %s\n"), first, to ? " → " : "", to ? to : "",
				out_visible(name));
		return st;
	}
	if (strcmp(sub, "rm") == 0) {
		juste_status no = cli_no_options(argc - 1, argv + 1, "holiday rm", e);
		if (no)
			return no;
		if (argc != 3)
			return usage_of("holiday", e);
		struct closure_rec r;
		juste_status st = workdays_closure_remove(c->app, argv[2], &r, e);
		if (!st)
			printf(_("Fermeture du centre retirée : %s → %s, %s\n"), r.first, r.last, out_visible(r.name));
		return st;
	}
	return usage_of("holiday", e);
}

/* --- juste absence ------------------------------------------------------- */

struct absence_out {
	enum transfer_format fmt;
	json_t *arr;
	int header;   /* the CSV's, once the listing has been allowed */
};

static void absence_header(struct absence_out *o)
{
	if (o->fmt != FORMAT_CSV || o->header++)
		return;
	const char *h[] = { "id", "expert", "name", "from", "to", "kind", "half" };
	csvout_row(stdout, h, 7);
}

static int print_absence(void *ctx, const struct absence_rec *a)
{
	struct absence_out *o = ctx;
	const char *kind = vocab_absence_kind_word(a->kind);
	if (o->fmt == FORMAT_JSON) {
		json_array_append_new(o->arr, json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:b}", "id", (json_int_t)a->id,
			"expert", a->login, "name", a->name, "from", a->first, "to", a->last, "kind", kind, "half", a->half));
	} else if (o->fmt == FORMAT_CSV) {
		char id[24];
		absence_header(o);
		snprintf(id, sizeof id, "%lld", (long long)a->id);
		const char *f[] = { id, a->login, a->name, a->first, a->last, kind, a->half ? "1" : "0" };
		csvout_row(stdout, f, 7);
	} else {
		char id[24];
		snprintf(id, sizeof id, "#%lld", (long long)a->id);
		out_cell(stdout, id, -6);
		printf("  ");
		out_cell(stdout, a->login, 12);
		printf("  %s → %s  ", a->first, a->last);
		out_cell(stdout, vocab_absence_kind_label(a->kind), 16);
		printf("%s\n", a->half ? _("  demi-journées") : "");
	}
	return 0;
}

static juste_status absence_add(struct cli *c, int argc, char **argv, struct juste_err *e)
{
	static const struct option opts[] = { { "from", required_argument, NULL, 'f' },
		{ "to", required_argument, NULL, 't' }, { "kind", required_argument, NULL, 'k' },
		{ "half", no_argument, NULL, 'h' }, { NULL, 0, NULL, 0 } };
	const char *from = NULL, *to = NULL, *login = NULL;
	enum absence_kind kind = ABSENCE_VACANCES;
	int have_kind = 0, half = 0, opt;
	juste_status st = JUSTE_OK;
	while (!st && ((opt = cli_getopt(argc, argv, "+", opts, "absence add", e)) != -1 || (optind < argc && !login))) {
		switch (opt) {
		case -1: login = argv[optind++]; break;
		case 'f': from = optarg; break;
		case 't': to = optarg; break;
		case 'k': st = vocab_absence_kind_parse(optarg, &kind, e) ? err_prefix(e, "--kind : ") : JUSTE_OK; have_kind = 1; break;
		case 'h': half = 1; break;
		default: return JUSTE_EUSAGE;   /* cli_getopt said why */
		}
	}
	if (st)
		return st;
	if (optind < argc || !from)
		return err_set(e, JUSTE_EUSAGE, N_("--from DATE est obligatoire ; voir juste absence --help"));
	if (!have_kind)
		return err_set(e, JUSTE_EUSAGE, N_("--kind est obligatoire (vacances, maladie, formation, parental ou autre)"));
	struct absence_rec r;
	st = workdays_absence_add(c->app, login, from, to, kind, half, &r, e);
	if (!st)
		printf(_("Absence #%lld de %s : %s → %s, %s%s\n"), (long long)r.id, r.login, r.first, r.last,
			vocab_absence_kind_label(r.kind), r.half ? _(" (demi-journées)") : "");
	return st;
}

static juste_status absence_list(struct cli *c, int argc, char **argv, struct juste_err *e)
{
	static const struct option opts[] = { { "expert", required_argument, NULL, 'x' },
		{ "from", required_argument, NULL, 'f' }, { "to", required_argument, NULL, 't' },
		{ "format", required_argument, NULL, 'F' }, { NULL, 0, NULL, 0 } };
	const char *login = NULL;
	char from[ISO_LEN] = "", to[ISO_LEN] = "";
	struct absence_out o = { FORMAT_TABLE, NULL, 0 };
	juste_status st = JUSTE_OK;
	int opt;
	while (!st && (opt = cli_getopt(argc, argv, "+", opts, "absence list", e)) != -1) {
		switch (opt) {
		case 'x': login = optarg; break;
		case 'f': st = cli_opt_date("--from", optarg, from, e); break;
		case 't': st = cli_opt_date("--to", optarg, to, e); break;
		case 'F': st = transfer_format_parse(optarg, &o.fmt, e); break;
		default: return JUSTE_EUSAGE;   /* cli_getopt said why */
		}
	}
	if (st)
		return st;
	if (optind < argc)
		return usage_of("absence", e);
	if (o.fmt == FORMAT_JSON)
		o.arr = json_array();
	/* the CSV's header with the first row, or after: nothing before a refusal */
	st = workdays_absence_list(c->app, login, from[0] ? from : NULL, to[0] ? to : NULL, print_absence, &o, e);
	if (!st)
		absence_header(&o);
	if (o.arr) {
		if (!st)
			json_print(o.arr);
		else
			json_decref(o.arr);
	}
	return st;
}

juste_status cli_absence(struct cli *c, int argc, char **argv, struct juste_err *e)
{
	if (argc < 2)
		return usage_of("absence", e);
	const char *sub = argv[1];
	if (strcmp(sub, "add") == 0)
		return absence_add(c, argc - 1, argv + 1, e);
	if (strcmp(sub, "list") == 0)
		return absence_list(c, argc - 1, argv + 1, e);
	if (strcmp(sub, "rm") == 0) {
		juste_status no = cli_no_options(argc - 1, argv + 1, "absence rm", e);
		if (no)
			return no;
		char *end;
		long long id = argc == 3 ? strtoll(argv[2], &end, 10) : 0;
		if (argc != 3 || end == argv[2] || *end || id <= 0)
			return usage_of("absence", e);
		struct absence_rec r;
		juste_status st = workdays_absence_remove(c->app, id, &r, e);
		if (!st)
			printf(_("Absence #%lld de %s retirée (%s → %s)\n"), id, r.login, r.first, r.last);
		return st;
	}
	return usage_of("absence", e);
}

/* --- juste capacity ------------------------------------------------------ */

juste_status cli_capacity(struct cli *c, int argc, char **argv, struct juste_err *e)
{
	static const struct option opts[] = { { "from", required_argument, NULL, 'f' },
		{ "to", required_argument, NULL, 't' }, { "format", required_argument, NULL, 'F' },
		{ NULL, 0, NULL, 0 } };
	char from[ISO_LEN] = "", to[ISO_LEN] = "";
	enum transfer_format fmt = FORMAT_TABLE;
	juste_status st = JUSTE_OK;
	const char *login = NULL;
	int opt;
	while (!st && ((opt = cli_getopt(argc, argv, "+", opts, "capacity", e)) != -1 || (optind < argc && !login))) {
		switch (opt) {
		case -1: login = argv[optind++]; break;
		case 'f': st = cli_opt_date("--from", optarg, from, e); break;
		case 't': st = cli_opt_date("--to", optarg, to, e); break;
		case 'F': st = transfer_format_parse(optarg, &fmt, e); break;
		default: return JUSTE_EUSAGE;   /* cli_getopt said why */
		}
	}
	if (st)
		return st;
	if (optind < argc)
		return usage_of("capacity", e);
	if (!login)
		login = app_user(c->app)->login;
	/* the month to date by default */
	date_t today = app_today(), f, t;
	int y, m, d;
	date_to_ymd(today, &y, &m, &d);
	f = from[0] ? (date_parse(from, &f, NULL), f) : date_month_first(y, m);
	t = to[0] ? (date_parse(to, &t, NULL), t) : date_month_last(y, m);
	if (t < f)
		return err_set(e, JUSTE_EINVAL, N_("--to précède --from"));
	struct capacity k;
	if ((st = workdays_capacity(c->app, login, f, t, &k, e)))
		return st;
	char df[ISO_LEN], dt[ISO_LEN], c1[32], c2[32], c3[32], c4[32];
	date_format(f, df);
	date_format(t, dt);
	if (fmt == FORMAT_JSON) {
		char counted[ISO_LEN] = "";
		if (k.last >= k.first)
			date_format(k.last, counted);
		json_print(json_pack("{s:s, s:s, s:s, s:s?, s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I}", "expert", login,
			"from", df, "to", dt, "counted_to", counted[0] ? counted : NULL,
			"capacity_minutes", (json_int_t)k.minutes, "workdays_minutes", (json_int_t)k.gross,
			"holiday_minutes", (json_int_t)k.holidays, "absence_minutes", (json_int_t)k.absences,
			"weekdays", (json_int_t)k.weekdays, "holiday_days", (json_int_t)k.holiday_days,
			"working_days", (json_int_t)k.working_days, "absent_half_days", (json_int_t)k.absent_halves));
	} else if (fmt == FORMAT_CSV) {
		const char *h[] = { "expert", "from", "to", "counted_to", "capacity_minutes", "workdays_minutes",
			"holiday_minutes", "absence_minutes", "weekdays", "holiday_days", "working_days", "absent_half_days" };
		csvout_row(stdout, h, 12);
		char counted[ISO_LEN] = "";
		if (k.last >= k.first)
			date_format(k.last, counted);
		char v[8][24];
		snprintf(v[0], 24, "%lld", (long long)k.minutes);
		snprintf(v[1], 24, "%lld", (long long)k.gross);
		snprintf(v[2], 24, "%lld", (long long)k.holidays);
		snprintf(v[3], 24, "%lld", (long long)k.absences);
		snprintf(v[4], 24, "%lld", (long long)k.weekdays);
		snprintf(v[5], 24, "%lld", (long long)k.holiday_days);
		snprintf(v[6], 24, "%lld", (long long)k.working_days);
		snprintf(v[7], 24, "%lld", (long long)k.absent_halves);
		const char *r[] = { login, df, dt, counted, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7] };
		csvout_row(stdout, r, 12);
	} else {
		printf(_("Capacité de %s du %s au %s\n"), login, df, dt);
		printf(_("  jours de semaine      %4lld  %s\n"), (long long)k.weekdays,
			duration_format_hours_fr(k.gross, c1, sizeof c1));
		printf(_("  fériés et fermetures  %4lld  -%s\n"), (long long)k.holiday_days,
			duration_format_hours_fr(k.holidays, c2, sizeof c2));
		printf(_("  absences (demi-j.)    %4lld  -%s\n"), (long long)k.absent_halves,
			duration_format_hours_fr(k.absences, c3, sizeof c3));
		printf(_("  capacité                    %s\n"), duration_format_hours_fr(k.minutes, c4, sizeof c4));
		if (k.last < t && k.last >= k.first) {
			char lt[ISO_LEN];
			printf(_("  (comptée jusqu'au %s)\n"), date_format(k.last, lt));
		}
	}
	return JUSTE_OK;
}

/* --- juste week submit|approve|return|status ----------------------------- */

static void print_approval_line(const struct week_approval *w)
{
	char locked[256], returned[1200];
	approval_describe(w, locked, sizeof locked, returned, sizeof returned);
	printf(_("Semaine du %s de %s : %s\n"), w->monday, w->login,
		w->exists ? vocab_week_status_label(w->status) : _("manquante"));
	if (returned[0])
		printf("  %s\n", out_visible(returned));
}

struct status_out {
	enum transfer_format fmt;
	json_t *arr;
};

static int print_status(void *ctx, const struct week_approval *w)
{
	struct status_out *o = ctx;
	const char *state = w->exists ? vocab_week_status_word(w->status) : "missing";
	if (o->fmt == FORMAT_JSON) {
		json_array_append_new(o->arr, json_pack("{s:s, s:s, s:s, s:s, s:I, s:s?, s:s?, s:s?}", "expert", w->login,
			"name", w->name, "monday", w->monday, "status", state, "minutes", (json_int_t)w->minutes,
			"submitted_at", w->exists ? w->submitted_at : NULL,
			"decided_by", w->decided_by[0] ? w->decided_by : NULL, "reason", w->reason[0] ? w->reason : NULL));
	} else if (o->fmt == FORMAT_CSV) {
		char mins[24];
		snprintf(mins, sizeof mins, "%lld", (long long)w->minutes);
		const char *f[] = { w->login, w->name, w->monday, state, mins, w->exists ? w->submitted_at : "", w->decided_by,
			w->reason };
		csvout_row(stdout, f, 8);
	} else {
		char d[DURATION_BUF];
		out_cell(stdout, w->login, 12);
		printf("  ");
		out_cell(stdout, w->name, 28);
		printf("  ");
		out_cell(stdout, w->exists ? vocab_week_status_label(w->status) : _("manquante"), 12);
		printf("  ");
		out_cell(stdout, duration_format(w->minutes, d, sizeof d), -7);
		if (w->reason[0])
			printf("  %s", out_visible(w->reason));
		printf("\n");
	}
	return 0;
}

juste_status cli_week_approval(struct cli *c, int argc, char **argv, struct juste_err *e)
{
	/* argv: week SUB [LOGIN] [--date D] [--reason R] [--format F] */
	static const struct option opts[] = { { "date", required_argument, NULL, 'd' },
		{ "reason", required_argument, NULL, 'r' }, { "format", required_argument, NULL, 'F' },
		{ NULL, 0, NULL, 0 } };
	const char *sub = argv[1], *login = NULL, *reason = NULL;
	char day[ISO_LEN] = "";
	enum transfer_format fmt = FORMAT_TABLE;
	int has_date = 0, opt;
	juste_status st = JUSTE_OK;
	argc--, argv++;
	while (!st && ((opt = cli_getopt(argc, argv, "+", opts, "week", e)) != -1 || (optind < argc && !login))) {
		switch (opt) {
		case -1: login = argv[optind++]; break;
		case 'd': st = cli_opt_date("--date", optarg, day, e); has_date = 1; break;
		case 'r': reason = optarg; break;
		case 'F': st = transfer_format_parse(optarg, &fmt, e); break;
		default: return JUSTE_EUSAGE;   /* cli_getopt said why */
		}
	}
	if (st)
		return st;
	if (optind < argc)
		return err_set(e, JUSTE_EUSAGE, N_("argument en trop : %s"), argv[optind]);
	date_t t = app_today();
	if (has_date)
		date_parse(day, &t, NULL);
	struct week_approval w;
	int decide = strcmp(sub, "approve") == 0 || strcmp(sub, "return") == 0;
	if (decide && (!login || !has_date))
		return err_set(e, JUSTE_EUSAGE, N_("juste week %s LOGIN --date DATE : qui et quelle semaine"), sub);
	if (!decide && login)
		return err_set(e, JUSTE_EUSAGE, N_("argument en trop : %s"), login);
	if ((strcmp(sub, "return") != 0) && reason)
		return err_set(e, JUSTE_EUSAGE, N_("--reason ne s'applique qu'à juste week return"));
	if (strcmp(sub, "submit") == 0)
		st = approval_submit(c->app, t, &w, e);
	else if (strcmp(sub, "approve") == 0)
		st = approval_approve(c->app, login, t, &w, e);
	else if (strcmp(sub, "return") == 0)
		st = approval_return(c->app, login, t, reason, &w, e);
	else if (strcmp(sub, "status") == 0) {
		struct status_out o = { fmt, NULL };
		if (fmt == FORMAT_CSV) {
			const char *h[] = { "expert", "name", "monday", "status", "minutes", "submitted_at", "decided_by",
				"reason" };
			csvout_row(stdout, h, 8);
		} else if (fmt == FORMAT_JSON) {
			o.arr = json_array();
		} else {
			char monday[ISO_LEN];
			printf(_("Semaine du %s\n"), date_format(date_monday(t), monday));
		}
		st = approval_status(c->app, t, print_status, &o, e);
		if (o.arr) {
			if (!st)
				json_print(o.arr);
			else
				json_decref(o.arr);
		}
		return st;
	} else
		return usage_of("week", e);
	if (!st)
		print_approval_line(&w);
	return st;
}

/* --- juste mandate assign|unassign|team ---------------------------------- */

struct team_out {
	enum transfer_format fmt;
	json_t *arr;
};

static int print_member(void *ctx, const struct team_member *m)
{
	const struct team_out *o = ctx;
	if (o && o->fmt == FORMAT_JSON) {
		json_array_append_new(o->arr, json_pack("{s:s, s:s, s:s, s:b}",
			"mandate", m->mandate,
			"expert", m->login,
			"name", m->name,
			"manager", m->manager));
		return 0;
	}
	if (o && o->fmt == FORMAT_CSV) {
		const char *f[] = { m->mandate, m->login, m->name, m->manager ? "1" : "0" };
		csvout_row(stdout, f, 4);
		return 0;
	}
	printf("%s  ", m->mandate);
	out_cell(stdout, m->login, 12);
	printf("  %s%s\n", out_visible(m->name), m->manager ? _("  (responsable)") : "");
	return 0;
}

static juste_status team_list(struct cli *c, const char *code, enum transfer_format fmt, struct juste_err *e)
{
	struct team_out o = { fmt, NULL };
	if (fmt == FORMAT_CSV) {
		const char *h[] = { "mandate", "expert", "name", "manager" };
		csvout_row(stdout, h, 4);
	} else if (fmt == FORMAT_JSON) {
		o.arr = json_array();
	}
	juste_status st = teams_list(c->app, code, print_member, &o, e);
	if (o.arr) {
		if (!st)
			json_print(o.arr);
		else
			json_decref(o.arr);
	}
	return st;
}

juste_status cli_mandate_team(struct cli *c, int argc, char **argv, struct juste_err *e)
{
	/* argv: mandate assign|unassign CODE LOGIN... [--manager LOGIN] | mandate team [CODE] [--format F] */
	static const struct option team_opts[] = { { "format", required_argument, NULL, 'F' }, { NULL, 0, NULL, 0 } };
	static const struct option change_opts[] = { { "manager", required_argument, NULL, 'm' }, { NULL, 0, NULL, 0 } };
	const char *sub = argv[1], *manager = NULL;
	int is_team = strcmp(sub, "team") == 0;
	const char **words = calloc((size_t)argc + 1, sizeof *words);
	if (!words)
		return err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	size_t n = 0;
	int opt;
	char name[32];
	enum transfer_format fmt = FORMAT_TABLE;
	snprintf(name, sizeof name, "mandate %s", sub);
	argc--, argv++;
	juste_status st = JUSTE_OK;
	while ((opt = cli_getopt(argc, argv, "+", is_team ? team_opts : change_opts, name, e)) != -1 || optind < argc) {
		if (opt == -1)
			words[n++] = argv[optind++];
		else if (opt == 'm' && strcmp(sub, "assign") == 0)
			manager = optarg;
		else if (opt == 'F' && is_team) {
			if ((st = transfer_format_parse(optarg, &fmt, e)))
				break;
		} else {
			st = opt == '?' ? JUSTE_EUSAGE : usage_of("mandate", e);   /* '?': cli_getopt said why */
			break;
		}
	}
	if (!st && is_team) {
		st = n > 1 ? usage_of("mandate", e) : team_list(c, n ? words[0] : NULL, fmt, e);
	} else if (!st && n < 1) {
		st = usage_of("mandate", e);
	} else if (!st) {
		if (strcmp(sub, "assign") == 0)
			st = teams_assign(c->app, words[0], words + 1, n - 1, manager, e);
		else
			st = teams_unassign(c->app, words[0], words + 1, n - 1, e);
		if (!st) {
			printf(_("Équipe du mandat %s :\n"), words[0]);
			st = teams_list(c->app, words[0], print_member, NULL, e);
		}
	}
	free(words);
	return st;
}
