/*
 * bench_week.c - times the week screen's work on a real database, through
 * the same code the TUI runs, drawing into a curses screen on /dev/null:
 *   - change week: the screen's own request (reload the week) + full redraw;
 *   - save a cell: week_set_cell (one transaction) + reload + full redraw,
 *     on a scratch copy of the database (the caller gives one);
 *   - the picker: filtering every open mandate per keystroke + drawing it.
 *
 * usage: bench_week DB LOGIN DATE [COLSxLINES]
 * The OS user must be an admin of DB (it acts for LOGIN, like --as).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "juste/i18n.h"
#include "juste/week.h"
#include "tui/view.h"

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int die(const char *what, const struct juste_err *e)
{
	fprintf(stderr, "bench_week: %s: %s\n", what, e ? e->msg : "");
	return 1;
}

struct stat_ms {
	double sum, max;
	int n;
};

static void stat_add(struct stat_ms *s, double v)
{
	s->sum += v;
	if (v > s->max)
		s->max = v;
	s->n++;
}

static void stat_print(const char *what, const struct stat_ms *s)
{
	printf("%-44s mean %7.2f ms   max %7.2f ms   (%d runs)\n", what, s->n ? s->sum / s->n : 0, s->max, s->n);
}

int main(int argc, char **argv)
{
	if (argc < 4) {
		fprintf(stderr, "usage: bench_week DB LOGIN DATE [COLSxLINES]\n");
		return 2;
	}
	int cols = 80, lines = 24;
	if (argc > 4 && sscanf(argv[4], "%dx%d", &cols, &lines) != 2)
		return 2;
	i18n_init(argv[0], NULL);
	/* the screen opens on (and `t` returns to) the week of DATE */
	setenv("JUSTE_TODAY", argv[3], 1);
	struct app *a = NULL;
	struct juste_err e = { 0 };
	double t0 = now_ms();
	if (app_new(&a, &e) || app_open(a, argv[1], 0, &e) || app_identify(a, argv[2], &e))
		return die("open", &e);
	date_t day;
	if (date_parse(argv[3], &day, &e))
		return die("date", &e);
	if (keys_load(NULL, &e))
		return die("keys", &e);

	/* a curses screen of the given size that writes to /dev/null */
	FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
	char env[32];
	snprintf(env, sizeof env, "%d", lines);
	setenv("LINES", env, 1);
	snprintf(env, sizeof env, "%d", cols);
	setenv("COLUMNS", env, 1);
	SCREEN *scr = newterm("xterm-256color", out, in);
	if (!scr)
		return die("newterm", NULL);
	set_term(scr);

	struct tui t;
	memset(&t, 0, sizeof t);
	t.app = a;
	t.state[0] = calloc(1, view_week.state_size);
	if (view_week.open(&t, t.state[0], &e))
		return die("open week", &e);
	t.opened[0] = 1;
	tui_draw(&t);
	printf("open + first week + first draw (in-process):  %.2f ms\n", now_ms() - t0);

	struct stat_ms chg = { 0 };
	for (int i = 0; i < 40; i++) {
		double s = now_ms();
		view_week.request(&t, t.state[0], i % 2 ? ACT_PREV_WEEK : ACT_NEXT_WEEK, 0, 0);
		tui_draw(&t);
		stat_add(&chg, now_ms() - s);
	}
	stat_print("change week ([ or ]) + redraw", &chg);

	/* saving: alternately 1h00 and 1h30 in an empty cell of a new row */
	struct week w;
	if (week_load(a, argv[2], day, &w, &e))
		return die("week", &e);
	struct week_mandate *ms = NULL;
	int nm = 0;
	if (week_pickable(a, &w, &ms, &nm, &e))
		return die("pickable", &e);
	struct stat_ms save = { 0 };
	const char *code = NULL;
	for (int i = nm - 1; i >= 0 && !code; i--)
		if (week_find_row(&w, ms[i].code) < 0)
			code = ms[i].code;
	if (code && !week_add_row(a, &w, code, &e)) {
		for (int i = 0; i < 20; i++) {
			week_free(&w);
			if (week_load(a, argv[2], day, &w, &e))
				return die("reload", &e);
			int row = week_find_row(&w, code), what;
			double s = now_ms();
			if (week_set_cell(a, &w, row, 6, i % 2 ? 90 : 60, &what, &e))
				return die("save", &e);
			/* what the screen does after a save: reload its week, redraw */
			view_week.request(&t, t.state[0], ACT_TODAY, 0, 0);
			tui_draw(&t);
			stat_add(&save, now_ms() - s);
		}
	} else {
		fprintf(stderr, "bench_week: no free mandate to save on: %s\n", e.msg);
	}
	stat_print("save a cell (1 transaction) + reload + redraw", &save);

	/* the picker over every open mandate, as it is typed */
	const char **labels = calloc((size_t)nm, sizeof *labels), **search = calloc((size_t)nm, sizeof *search);
	char (*buf)[2][600] = calloc((size_t)nm, sizeof *buf);
	for (int i = 0; i < nm; i++) {
		snprintf(buf[i][0], sizeof buf[i][0], "%-12s %s · %s", ms[i].code, ms[i].title, ms[i].client_name);
		snprintf(buf[i][1], sizeof buf[i][1], "%s %s %s %s", ms[i].code, ms[i].title, ms[i].client, ms[i].client_name);
		labels[i] = buf[i][0];
		search[i] = buf[i][1];
	}
	struct widget_picker p;
	double s = now_ms();
	widget_picker_init(&p, labels, search, nm);
	printf("picker: fold %d mandates once:                 %.2f ms\n", nm, now_ms() - s);
	struct stat_ms pick = { 0 };
	const char *typed = "Membre 1 mandat 42";
	for (int rep = 0; rep < 5; rep++) {
		widget_input_set(&p.query, "");
		for (size_t k = 0; typed[k]; k++) {
			double s1 = now_ms();
			widget_input_key(&p.query, 0, (wint_t)(unsigned char)typed[k]);
			widget_picker_filter(&p);
			widget_picker_draw(&p, 3, 4, lines - 6, cols - 8, 1, "Rechercher :");
			refresh();
			stat_add(&pick, now_ms() - s1);
		}
	}
	char title[96];
	snprintf(title, sizeof title, "picker: one keystroke over %d mandates", nm);
	stat_print(title, &pick);
	printf("picker: '%s' leaves %d of %d\n", typed, p.nmatch, nm);

	widget_picker_free(&p);
	free(buf);
	free(labels);
	free(search);
	free(ms);
	week_free(&w);
	view_week.close(&t, t.state[0]);
	free(t.state[0]);
	endwin();
	delscreen(scr);
	fclose(out);
	fclose(in);
	app_free(a);
	return 0;
}
