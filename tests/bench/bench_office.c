/*
 * bench_office.c - times the office screens (issue 6) on a real database,
 * through the code the TUI runs, drawing into a curses screen on /dev/null:
 *   - open: the screen's open (its first read) + the first full draw;
 *   - each tab of Utilisation and Données: its first read + draw;
 *   - scrolling: a line down or a page down + full redraw;
 *   - sorting (Utilisation): a sort by each column + full redraw.
 *
 * usage: bench_office DB DATE [COLSxLINES]
 * The OS user must be an admin of DB.  Writes nothing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "juste/i18n.h"
#include "tui/view.h"

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
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
	printf("  %-46s mean %7.2f ms   max %7.2f ms   (%d runs)\n", what, s->n ? s->sum / s->n : 0, s->max, s->n);
}

static int die(const char *what, const struct juste_err *e)
{
	fprintf(stderr, "bench_office: %s: %s\n", what, e ? e->msg : "");
	return 1;
}

/* Sends `a` n times, redrawing after each; returns the stats. */
static void repeat(struct tui *t, int slot, const struct view *v, enum action a, wint_t ch, int n,
	struct stat_ms *st)
{
	for (int i = 0; i < n; i++) {
		double s = now_ms();
		v->request(t, t->state[slot], a, 0, ch);
		tui_draw(t);
		stat_add(st, now_ms() - s);
	}
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: bench_office DB DATE [COLSxLINES]\n");
		return 2;
	}
	int cols = 80, lines = 24;
	if (argc > 3 && sscanf(argv[3], "%dx%d", &cols, &lines) != 2)
		return 2;
	i18n_init(argv[0], NULL);
	setenv("JUSTE_TODAY", argv[2], 1);
	struct app *a = NULL;
	struct juste_err e = { 0 };
	if (app_new(&a, &e) || app_open(a, argv[1], 0, &e) || app_identify(a, NULL, &e))
		return die("open", &e);
	if (keys_load(NULL, &e))
		return die("keys", &e);
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
	printf("%dx%d, today %s\n", cols, lines, argv[2]);

	const struct view *views[] = { &view_billing, &view_util, &view_data };
	for (size_t k = 0; k < sizeof views / sizeof views[0]; k++) {
		const struct view *v = views[k];
		int slot = -1;
		for (int i = 0; i < tui_nviews; i++)
			if (tui_views[i] == v)
				slot = i;
		struct tui t;
		memset(&t, 0, sizeof t);
		t.app = a;
		t.cur = slot;
		t.state[slot] = calloc(1, v->state_size);
		double s = now_ms();
		if (v->open(&t, t.state[slot], &e))
			return die(v->name, &e);
		t.opened[slot] = 1;
		tui_draw(&t);
		printf("%s: open + first page drawn: %.2f ms\n", v->name, now_ms() - s);
		struct stat_ms down = { 0 }, page = { 0 }, sort = { 0 }, tab = { 0 };
		if (v == &view_billing && t.msg[0] == '\0') {
			/* the month with the most invoices is the one before today's */
			repeat(&t, slot, v, ACT_DOWN, 0, 40, &down);
			repeat(&t, slot, v, ACT_PAGE_DOWN, 0, 10, &page);
			stat_print("billing: line down + redraw", &down);
			stat_print("billing: page down + redraw", &page);
			struct stat_ms doc = { 0 };
			for (int i = 0; i < 5; i++) {
				double s1 = now_ms();
				v->request(&t, t.state[slot], ACT_EDIT, 0, 0);
				tui_draw(&t);
				stat_add(&doc, now_ms() - s1);
				v->request(&t, t.state[slot], ACT_BACK, 0, 0);
			}
			stat_print("billing: open an invoice (Enter) + draw", &doc);
		}
		if (v == &view_util) {
			repeat(&t, slot, v, ACT_DOWN, 0, 40, &down);
			repeat(&t, slot, v, ACT_PAGE_DOWN, 0, 10, &page);
			for (int c = 0; c < 14; c++) {
				v->request(&t, t.state[slot], c % 7 == 0 ? ACT_FIRST : ACT_RIGHT, 0, 0);
				repeat(&t, slot, v, ACT_SORT, 0, 1, &sort);
			}
			stat_print("util: line down + redraw", &down);
			stat_print("util: page down + redraw", &page);
			stat_print("util: sort by a column + redraw", &sort);
			for (int p = 0; p < 3; p++) {
				struct stat_ms per = { 0 };
				repeat(&t, slot, v, ACT_PERIOD, 0, 1, &per);
				char what[64];
				snprintf(what, sizeof what, "util: next period (read + draw) #%d", p + 1);
				stat_print(what, &per);
			}
			for (int i = 1; i < 3; i++) {
				struct stat_ms one = { 0 };
				repeat(&t, slot, v, ACT_NEXT_TAB, 0, 1, &one);
				stat_print(i == 1 ? "util: mandates tab, first read + draw" : "util: clients tab, first read + draw", &one);
				struct stat_ms sc = { 0 };
				repeat(&t, slot, v, ACT_PAGE_DOWN, 0, 10, &sc);
				stat_print("      page down + redraw", &sc);
			}
		}
		if (v == &view_data) {
			for (int i = 0; i < 6; i++) {
				struct stat_ms one = { 0 }, sc = { 0 };
				if (i)
					repeat(&t, slot, v, ACT_NEXT_TAB, 0, 1, &one);
				repeat(&t, slot, v, ACT_PAGE_DOWN, 0, 10, &sc);
				char what[64];
				snprintf(what, sizeof what, "data: tab %d first read + draw", i + 1);
				if (i)
					stat_print(what, &one);
				stat_print("      page down + redraw", &sc);
			}
			(void)tab;
		}
		if (t.msg[0])
			printf("  message: %s\n", t.msg);
		v->close(&t, t.state[slot]);
		free(t.state[slot]);
	}
	endwin();
	delscreen(scr);
	fclose(out);
	fclose(in);
	app_free(a);
	return 0;
}
