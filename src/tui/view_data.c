/*
 * view_data.c - Données: the centre's reference data, one tab per kind:
 * organisations, experts, services, programs, mandates, rate tables (by
 * valid_from, Enter shows their rows) and closed months.  Lists are read
 * once per tab (and on `r`), filtered in memory with `/` (case and accents
 * folded, every word must appear).  Forms (a add, Enter edit) go through
 * records.h, the same validation as `juste import`: a refusal shows next to
 * the field it names.  The manager reads; only the admin changes (the app
 * layer refuses anyone else).
 */
#include <stdlib.h>
#include <string.h>

#include "juste/i18n.h"
#include "juste/money.h"
#include "juste/rates.h"
#include "juste/records.h"
#include "juste/rules.h"
#include "juste/text.h"
#include "tui/view.h"

enum { DT_ORGS, DT_EXPERTS, DT_SERVICES, DT_PROGRAMS, DT_MANDATES, DT_RATES, DT_MONTHS, DT_NTABS };
#define DCOLS_MAX 7

static const char *const tab_names[DT_NTABS] = { N_("organisations"), N_("experts"), N_("services"),
	N_("programmes"), N_("mandats"), N_("taux"), N_("mois") };

/* One list item: its columns, its search text, and which record. */
struct item {
	char col[DCOLS_MAX][160];
	char *folded;                 /* text_fold of the columns */
	int idx;                      /* into the tab's records */
};

struct data_state {
	int tab;
	int loaded[DT_NTABS];
	struct item *items[DT_NTABS];
	int nitems[DT_NTABS];
	int *shown;                   /* filtered indexes of the current tab */
	int nshown;
	char query[DT_NTABS][256];
	/* records, for the forms */
	struct org *orgs;
	struct expert *experts;
	struct refitem *refs[2];
	struct mandate *mandates;
	struct rate_table_info *tables;
	struct widget_table tt;
	int widths[DCOLS_MAX];
	enum widget_align align[DCOLS_MAX];
	/* growing arrays while loading */
	size_t cap;
	int loading;
};

static int ncols_of(int tab)
{
	static const int n[DT_NTABS] = { 6, 7, 2, 2, 7, 3, 3 };
	return n[tab];
}

static void items_free(struct data_state *s, int tab)
{
	for (int i = 0; i < s->nitems[tab]; i++)
		free(s->items[tab][i].folded);
	free(s->items[tab]);
	s->items[tab] = NULL;
	s->nitems[tab] = 0;
}

static struct item *item_new(struct data_state *s, size_t recsize, void **recs)
{
	int tab = s->loading;
	if ((size_t)s->nitems[tab] >= s->cap) {
		size_t c = s->cap ? s->cap * 2 : 64;
		struct item *it = realloc(s->items[tab], c * sizeof *it);
		if (!it)
			return NULL;
		s->items[tab] = it;
		if (recs) {
			void *r = realloc(*recs, c * recsize);
			if (!r)
				return NULL;
			*recs = r;
		}
		s->cap = c;
	}
	struct item *it = &s->items[tab][s->nitems[tab]];
	memset(it, 0, sizeof *it);
	it->idx = s->nitems[tab]++;
	return it;
}

static void item_fold(struct item *it, int ncols)
{
	char text[DCOLS_MAX * 161] = "";
	for (int c = 0; c < ncols; c++) {
		strcat(text, it->col[c]);
		strcat(text, " ");
	}
	it->folded = text_fold(text);
}

/* Copies s into a column, cut at a character boundary. */
static void put(char dst[160], const char *s)
{
	size_t n = strlen(s);
	if (n > 159) {
		n = 159;
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
	}
	memcpy(dst, s, n);
	dst[n] = '\0';
}

static int on_org(void *ctx, const struct org *o)
{
	struct data_state *s = ctx;
	struct item *it = item_new(s, sizeof *o, (void **)&s->orgs);
	if (!it)
		return 1;
	s->orgs[it->idx] = *o;
	put(it->col[0], o->code);
	put(it->col[1], o->name);
	snprintf(it->col[2], 160, "%s%s", vocab_category_word(o->category), o->full_management ? " (SEG)" : "");
	put(it->col[3], o->parent);
	put(it->col[4], o->joined_on);
	put(it->col[5], o->left_on);
	item_fold(it, 6);
	return 0;
}

static int on_expert(void *ctx, const struct expert *x)
{
	struct data_state *s = ctx;
	struct item *it = item_new(s, sizeof *x, (void **)&s->experts);
	if (!it)
		return 1;
	s->experts[it->idx] = *x;
	put(it->col[0], x->login);
	put(it->col[1], x->name);
	put(it->col[2], vocab_function_word(x->function));
	put(it->col[3], vocab_role_word(x->role));
	snprintf(it->col[4], 160, "%d,%02d", x->weekly_minutes / 60, x->weekly_minutes % 60 * 100 / 60);
	put(it->col[5], x->started_on);
	put(it->col[6], x->left_on);
	item_fold(it, 7);
	return 0;
}

static int on_ref(void *ctx, const struct refitem *r)
{
	struct data_state *s = ctx;
	int k = s->loading == DT_SERVICES ? 0 : 1;
	struct item *it = item_new(s, sizeof *r, (void **)&s->refs[k]);
	if (!it)
		return 1;
	s->refs[k][it->idx] = *r;
	put(it->col[0], r->code);
	put(it->col[1], r->name);
	item_fold(it, 2);
	return 0;
}

static int on_mandate(void *ctx, const struct mandate *m)
{
	struct data_state *s = ctx;
	struct item *it = item_new(s, sizeof *m, (void **)&s->mandates);
	if (!it)
		return 1;
	s->mandates[it->idx] = *m;
	put(it->col[0], m->code);
	put(it->col[1], m->title);
	put(it->col[2], m->client);
	put(it->col[3], m->service);
	put(it->col[4], vocab_billing_word(m->billing));
	put(it->col[5], m->opened_on);
	put(it->col[6], m->closed_on);
	item_fold(it, 7);
	return 0;
}

static int on_table(void *ctx, const struct rate_table_info *ti)
{
	struct data_state *s = ctx;
	struct item *it = item_new(s, sizeof *ti, (void **)&s->tables);
	if (!it)
		return 1;
	s->tables[it->idx] = *ti;
	put(it->col[0], ti->valid_from);
	put(it->col[1], ti->name);
	snprintf(it->col[2], 160, "%lld", (long long)ti->rows);
	item_fold(it, 3);
	return 0;
}

static int on_month(void *ctx, const struct closed_month *m)
{
	struct data_state *s = ctx;
	struct item *it = item_new(s, 0, NULL);
	if (!it)
		return 1;
	put(it->col[0], m->month);
	put(it->col[1], m->closed_by);
	put(it->col[2], m->closed_at);
	item_fold(it, 3);
	return 0;
}

static void apply_filter(struct data_state *s)
{
	int tab = s->tab;
	free(s->shown);
	s->shown = calloc((size_t)s->nitems[tab] + 1, sizeof *s->shown);
	s->nshown = 0;
	if (!s->shown)
		return;
	struct text_search q;
	/* out of memory: nothing shown rather than everything */
	if (text_search_init(&q, s->query[tab]) == 0) {
		for (int i = 0; i < s->nitems[tab]; i++)
			if (text_search_match(&q, s->items[tab][i].folded))
				s->shown[s->nshown++] = i;
		text_search_free(&q);
	}
	widget_list_set_rows(&s->tt.rows, s->nshown);
	s->tt.ncols = ncols_of(tab);
}

static juste_status load(struct tui *t, struct data_state *s, int tab, struct juste_err *e)
{
	items_free(s, tab);
	s->cap = 0;
	s->loading = tab;
	juste_status st;
	switch (tab) {
	case DT_ORGS: free(s->orgs); s->orgs = NULL; st = records_orgs(t->app, on_org, s, e); break;
	case DT_EXPERTS: free(s->experts); s->experts = NULL; st = records_experts(t->app, on_expert, s, e); break;
	case DT_SERVICES: free(s->refs[0]); s->refs[0] = NULL; st = records_refs(t->app, REF_SERVICE, on_ref, s, e); break;
	case DT_PROGRAMS: free(s->refs[1]); s->refs[1] = NULL; st = records_refs(t->app, REF_PROGRAM, on_ref, s, e); break;
	case DT_MANDATES: free(s->mandates); s->mandates = NULL; st = records_mandates(t->app, on_mandate, s, e); break;
	case DT_RATES: free(s->tables); s->tables = NULL; st = rates_tables(t->app, on_table, s, e); break;
	default: st = week_month_list(t->app, on_month, s, e); break;
	}
	if (st)
		return st;
	s->loaded[tab] = 1;
	if (tab == s->tab)
		apply_filter(s);
	return JUSTE_OK;
}

static void ensure(struct tui *t, struct data_state *s)
{
	struct juste_err e = { 0 };
	if (!s->loaded[s->tab] && load(t, s, s->tab, &e))
		tui_error(t, &e);
	else
		apply_filter(s);
}

static juste_status data_open(struct tui *t, void *state, struct juste_err *e)
{
	struct data_state *s = state;
	s->tt.header = 1;
	s->tt.widths = s->widths;
	s->tt.align = s->align;
	s->tt.ncursor_cols = 1;
	for (int c = 0; c < DCOLS_MAX; c++)
		s->align[c] = WIDGET_LEFT;
	juste_status st = load(t, s, DT_ORGS, e);
	if (!st)
		apply_filter(s);
	return st;
}

static void data_close(struct tui *t, void *state)
{
	(void)t;
	struct data_state *s = state;
	for (int i = 0; i < DT_NTABS; i++)
		items_free(s, i);
	free(s->shown);
	free(s->orgs);
	free(s->experts);
	free(s->refs[0]);
	free(s->refs[1]);
	free(s->mandates);
	free(s->tables);
}

/* ------------------------------------------------------------------ draw */

static void cell(void *ctx, int row, int col, char *buf, size_t n, enum term_role *role)
{
	struct data_state *s = ctx;
	static const char *const head[DT_NTABS][DCOLS_MAX] = {
		{ N_("Code"), N_("Nom"), N_("Catégorie"), N_("Parent"), N_("Adhésion"), N_("Départ") },
		{ N_("Login"), N_("Nom"), N_("Fonction"), N_("Rôle"), N_("h/sem."), N_("Début"), N_("Départ") },
		{ N_("Code"), N_("Nom") },
		{ N_("Code"), N_("Nom") },
		{ N_("Code"), N_("Titre"), N_("Client"), N_("Service"), N_("Facturation"), N_("Ouvert"), N_("Fermé") },
		{ N_("En vigueur dès"), N_("Nom"), N_("Lignes") },
		{ N_("Mois"), N_("Fermé par"), N_("Le") },
	};
	if (row < 0) {
		*role = TR_HEADER;
		snprintf(buf, n, "%s%s", col ? " " : "", _(head[s->tab][col]));
		return;
	}
	const struct item *it = &s->items[s->tab][s->shown[row]];
	/* a space before each column but the first keeps cut text apart */
	snprintf(buf, n, "%s%s", col ? " " : "", it->col[col]);
	/* left, closed: dimmed */
	if ((s->tab == DT_EXPERTS && it->col[6][0]) || (s->tab == DT_MANDATES && it->col[6][0])
		|| (s->tab == DT_ORGS && it->col[5][0]))
		*role = TR_DIM;
}

static void data_draw(struct tui *t, void *state, int y, int h, int w)
{
	struct data_state *s = state;
	int x = 0;
	for (int i = 0; i < DT_NTABS; i++) {
		char tab[64];
		snprintf(tab, sizeof tab, " %d %s ", i + 1, _(tab_names[i]));
		int tw = widget_width(tab);
		if (x + tw > w)
			break;
		x += widget_text(y, x, tab, tw, WIDGET_LEFT, term_attr(i == s->tab ? TR_TAB_ACTIVE : TR_HEADER));
	}
	char st[320];
	snprintf(st, sizeof st, _("%d / %d%s%s%s"), s->nshown, s->nitems[s->tab], s->query[s->tab][0] ? _(" · filtre « ") : "",
		s->query[s->tab], s->query[s->tab][0] ? " »" : "");
	widget_text(y + 1, 0, st, w, WIDGET_LEFT, term_attr(TR_TITLE));
	int nc = ncols_of(s->tab);
	s->tt.ncols = nc;
	/* the second column (name, title) takes what the others leave */
	int fixed = 0;
	for (int c = 0; c < nc; c++) {
		if (c == 1)
			continue;
		int cw = c == 0 ? (s->tab == DT_RATES ? 15 : 13) : s->tab == DT_MONTHS ? 22 : (w >= 120 ? 13 : 11);
		s->widths[c] = cw;
		fixed += cw;
	}
	s->widths[1] = w - fixed > 10 ? w - fixed : 10;
	if (s->nshown == 0)
		widget_text(y + 3, 1, s->nitems[s->tab] ? _("Aucun élément ne correspond au filtre") : _("Liste vide"), w - 2,
			WIDGET_LEFT, term_attr(TR_DIM));
	else
		widget_table_draw(&s->tt, y + 2, 0, h - 3, cell, s);
	const char *legend = records_may_change(t->app, NULL, NULL) == JUSTE_OK ?
		_("< > onglet · / chercher · a ajouter · ⏎ modifier · x fermer/désactiver · M fermer un mois · r relire") :
		_("< > onglet · / chercher · ⏎ détail · r relire · lecture seule (les changements : admin)");
	widget_text(y + h - 1, 0, legend, w, WIDGET_LEFT, term_attr(TR_DIM));
}

/* ----------------------------------------------------------------- forms */

/* The item under the cursor, NULL when the list shows none. */
static const struct item *cur_item(const struct data_state *s)
{
	int row = widget_list_current(&s->tt.rows);
	return row < 0 || row >= s->nshown ? NULL : &s->items[s->tab][s->shown[row]];
}

struct form_ctx {
	struct data_state *s;
	int tab;
	int create;
};

static void refuse(struct widget_form *fm, const struct juste_err *e)
{
	widget_form_error(fm, e->field, e->msg[0] ? e->msg : _("refusé"));
}

static int date_field(struct widget_form *fm, const char *name, char out[ISO_LEN])
{
	const char *v = widget_form_value(fm, name);
	out[0] = '\0';
	if (!v[0])
		return 1;
	date_t d;
	struct juste_err e = { 0 };
	if (date_parse(v, &d, &e)) {
		err_set_field(&e, name, JUSTE_EINVAL, N_("%s : date invalide '%s' (AAAA-MM-JJ)"), name, v);
		refuse(fm, &e);
		return 0;
	}
	date_format(d, out);
	return 1;
}

static int bool_field(struct widget_form *fm, const char *name, int *out)
{
	const char *v = widget_form_value(fm, name);
	struct juste_err e = { 0 };
	*out = 0;
	if (v[0] && rules_bool_parse(name, v, out, &e)) {
		refuse(fm, &e);
		return 0;
	}
	return 1;
}

/* "35", "37,5" hours, "120.00" dollars -> minutes or cents; 0 when empty. */
static int amount_field(struct widget_form *fm, const char *name, int hours, int64_t *out)
{
	const char *v = widget_form_value(fm, name);
	struct juste_err e = { 0 };
	*out = 0;
	if (!v[0])
		return 1;
	int64_t c;
	if (money_parse(v, &c, &e) || c < 0) {
		err_set_field(&e, name, JUSTE_EINVAL, N_("%s : nombre invalide '%s'"), name, v);
		refuse(fm, &e);
		return 0;
	}
	*out = hours ? (c * 60 + 50) / 100 : c;
	return 1;
}

static void text_field(struct widget_form *fm, const char *name, char *out, size_t n)
{
	snprintf(out, n, "%s", widget_form_value(fm, name));
}

/* The words a field accepts, "membre | auxiliaire | ...", for its hint:
 * kept for as long as the forms that point to it. */
static const char *word_hint(enum vocab_kind k)
{
	static char hints[VOCAB_KINDS][160];
	if (!hints[k][0])
		vocab_list(k, " | ", " | ", hints[k], sizeof hints[k]);
	return hints[k];
}

/* A word of the vocabulary: the message names the words accepted. */
static int word_field(struct widget_form *fm, const char *name, enum vocab_kind k, int *out)
{
	struct juste_err e = { 0 };
	if (vocab_parse(k, widget_form_value(fm, name), out, &e)) {
		refuse(fm, &e);
		return 0;
	}
	return 1;
}

static int after_save(struct tui *t, struct form_ctx *c, const char *what, const char *code)
{
	struct juste_err e = { 0 };
	c->s->loaded[c->tab] = 0;
	if (load(t, c->s, c->tab, &e))
		tui_error(t, &e);
	else
		tui_info(t, c->create ? _("%s ajouté(e) : %s") : _("%s enregistré(e) : %s"), what, code);
	return 1;
}

static int submit(struct tui *t, void *ctx, struct widget_form *fm)
{
	struct form_ctx *c = ctx;
	struct juste_err e = { 0 };
	switch (c->tab) {
	case DT_ORGS: {
		struct org o;
		memset(&o, 0, sizeof o);
		text_field(fm, "code", o.code, sizeof o.code);
		text_field(fm, "name", o.name, sizeof o.name);
		text_field(fm, "parent", o.parent, sizeof o.parent);
		text_field(fm, "email", o.email, sizeof o.email);
		text_field(fm, "address", o.address, sizeof o.address);
		int category;
		if (!word_field(fm, "category", VOCAB_CATEGORY, &category)
			|| !bool_field(fm, "full_management", &o.full_management) || !bool_field(fm, "tax_exempt", &o.tax_exempt)
			|| !date_field(fm, "joined_on", o.joined_on) || !date_field(fm, "left_on", o.left_on))
			return 0;
		o.category = (enum org_category)category;
		if (records_org_save(t->app, &o, c->create, &e)) {
			refuse(fm, &e);
			return 0;
		}
		return after_save(t, c, _("Organisation"), o.code);
	}
	case DT_EXPERTS: {
		struct expert x;
		memset(&x, 0, sizeof x);
		text_field(fm, "login", x.login, sizeof x.login);
		text_field(fm, "name", x.name, sizeof x.name);
		int64_t weekly;
		int function, role;
		if (!word_field(fm, "function", VOCAB_FUNCTION, &function) || !word_field(fm, "role", VOCAB_ROLE, &role)
			|| !amount_field(fm, "weekly_hours", 1, &weekly) || !date_field(fm, "started_on", x.started_on)
			|| !date_field(fm, "left_on", x.left_on))
			return 0;
		x.function = (enum expert_function)function;
		x.role = (enum role)role;
		x.weekly_minutes = widget_form_value(fm, "weekly_hours")[0] ? (int)weekly : 2100;
		if (records_expert_save(t->app, &x, c->create, &e)) {
			refuse(fm, &e);
			return 0;
		}
		return after_save(t, c, _("Expert"), x.login);
	}
	case DT_SERVICES:
	case DT_PROGRAMS: {
		struct refitem r;
		memset(&r, 0, sizeof r);
		text_field(fm, "code", r.code, sizeof r.code);
		text_field(fm, "name", r.name, sizeof r.name);
		if (records_ref_save(t->app, c->tab == DT_SERVICES ? REF_SERVICE : REF_PROGRAM, &r, c->create, &e)) {
			refuse(fm, &e);
			return 0;
		}
		return after_save(t, c, c->tab == DT_SERVICES ? _("Service") : _("Programme"), r.code);
	}
	case DT_MANDATES: {
		struct mandate *m = calloc(1, sizeof *m);
		if (!m)
			return 0;
		text_field(fm, "code", m->code, sizeof m->code);
		text_field(fm, "title", m->title, sizeof m->title);
		text_field(fm, "client", m->client, sizeof m->client);
		text_field(fm, "beneficiary", m->beneficiary, sizeof m->beneficiary);
		text_field(fm, "service", m->service, sizeof m->service);
		text_field(fm, "program", m->program, sizeof m->program);
		int billing = 0;
		int ok = word_field(fm, "billing", VOCAB_BILLING, &billing)
			&& amount_field(fm, "monthly_fee", 0, &m->monthly_fee_cents)
			&& amount_field(fm, "budget_hours", 1, &m->budget_minutes)
			&& amount_field(fm, "budget_amount", 0, &m->budget_cents)
			&& bool_field(fm, "budget_hard", &m->budget_hard)
			&& date_field(fm, "opened_on", m->opened_on) && date_field(fm, "closed_on", m->closed_on);
		m->billing = (enum billing_mode)billing;
		if (ok && records_mandate_save(t->app, m, c->create, &e)) {
			refuse(fm, &e);
			ok = 0;
		}
		char code[CODE_LEN];
		snprintf(code, sizeof code, "%s", m->code);
		free(m);
		return ok ? after_save(t, c, _("Mandat"), code) : 0;
	}
	default:
		return 1;
	}
}

static void money_plain(int64_t cents, char *buf, size_t n)
{
	if (cents)
		money_format_plain(cents, buf, n);
	else
		buf[0] = '\0';
}

static void hours_plain(int64_t minutes, char *buf, size_t n)
{
	if (minutes)
		snprintf(buf, n, "%lld,%02lld", (long long)(minutes / 60), (long long)(minutes % 60 * 100 / 60));
	else
		buf[0] = '\0';
}

static void form(struct tui *t, struct data_state *s, int create)
{
	int tab = s->tab;
	const struct item *it = NULL;
	if (!create) {
		if (!(it = cur_item(s)))
			return;
	}
	struct widget_form *fm = calloc(1, sizeof *fm);
	if (!fm)
		return;
	int ro = !create;             /* the code or login of a record stays */
	char title[160], a[64], b[64], c[64];
	switch (tab) {
	case DT_ORGS: {
		const struct org *o = it ? &s->orgs[it->idx] : NULL;
		widget_form_add(fm, "code", _("Code"), o ? o->code : "", ro, _("lettres sans accents, chiffres, _ . -"));
		widget_form_add(fm, "name", _("Nom"), o ? o->name : "", 0, NULL);
		widget_form_add(fm, "category", _("Catégorie"), vocab_category_word(o ? o->category : CATEGORY_MEMBRE), 0,
			word_hint(VOCAB_CATEGORY));
		widget_form_add(fm, "parent", _("Parent"), o ? o->parent : "", 0, _("code du réseau, facultatif"));
		widget_form_add(fm, "full_management", _("Sous entière gestion"), o ? (o->full_management ? "oui" : "non") : "non", 0, NULL);
		widget_form_add(fm, "tax_exempt", _("Exonérée de taxes"), o ? (o->tax_exempt ? "oui" : "non") : "non", 0, NULL);
		widget_form_add(fm, "joined_on", _("Adhésion"), o ? o->joined_on : "", 0, "AAAA-MM-JJ");
		widget_form_add(fm, "left_on", _("Départ"), o ? o->left_on : "", 0, "AAAA-MM-JJ");
		widget_form_add(fm, "email", _("Courriel"), o ? o->email : "", 0, NULL);
		widget_form_add(fm, "address", _("Adresse de facturation"), o ? o->address : "", 0, NULL);
		snprintf(title, sizeof title, create ? _("Nouvelle organisation") : _("Organisation %s"), o ? o->code : "");
		break;
	}
	case DT_EXPERTS: {
		const struct expert *x = it ? &s->experts[it->idx] : NULL;
		hours_plain(x ? x->weekly_minutes : 2100, a, sizeof a);
		widget_form_add(fm, "login", _("Login (compte Unix)"), x ? x->login : "", ro, NULL);
		widget_form_add(fm, "name", _("Nom"), x ? x->name : "", 0, NULL);
		widget_form_add(fm, "function", _("Fonction"), vocab_function_word(x ? x->function : FUNCTION_PROFESSIONNEL), 0,
			word_hint(VOCAB_FUNCTION));
		widget_form_add(fm, "role", _("Rôle"), vocab_role_word(x ? x->role : ROLE_EXPERT), 0,
			word_hint(VOCAB_ROLE));
		widget_form_add(fm, "weekly_hours", _("Heures par semaine"), a, 0, NULL);
		widget_form_add(fm, "started_on", _("Début"), x ? x->started_on : "", 0, "AAAA-MM-JJ");
		widget_form_add(fm, "left_on", _("Départ"), x ? x->left_on : "", 0, "AAAA-MM-JJ");
		snprintf(title, sizeof title, create ? _("Nouvel expert") : _("Expert %s"), x ? x->login : "");
		break;
	}
	case DT_SERVICES:
	case DT_PROGRAMS: {
		const struct refitem *r = it ? &s->refs[tab == DT_SERVICES ? 0 : 1][it->idx] : NULL;
		widget_form_add(fm, "code", _("Code"), r ? r->code : "", ro, NULL);
		widget_form_add(fm, "name", _("Nom"), r ? r->name : "", 0, NULL);
		snprintf(title, sizeof title, "%s", tab == DT_SERVICES ? _("Service") : _("Programme de financement"));
		break;
	}
	case DT_MANDATES: {
		const struct mandate *m = it ? &s->mandates[it->idx] : NULL;
		money_plain(m ? m->monthly_fee_cents : 0, a, sizeof a);
		hours_plain(m ? m->budget_minutes : 0, b, sizeof b);
		money_plain(m ? m->budget_cents : 0, c, sizeof c);
		widget_form_add(fm, "code", _("Code"), m ? m->code : "", ro, NULL);
		widget_form_add(fm, "title", _("Titre"), m ? m->title : "", 0, NULL);
		widget_form_add(fm, "client", _("Client (code)"), m ? m->client : "", 0, NULL);
		widget_form_add(fm, "beneficiary", _("Bénéficiaire"), m ? m->beneficiary : "", 0, _("le client si vide"));
		widget_form_add(fm, "service", _("Service (code)"), m ? m->service : "", 0, NULL);
		widget_form_add(fm, "program", _("Programme"), m ? m->program : "", 0, _("facultatif"));
		widget_form_add(fm, "billing", _("Facturation"), vocab_billing_word(m ? m->billing : BILLING_HORAIRE), 0,
			word_hint(VOCAB_BILLING));
		widget_form_add(fm, "monthly_fee", _("Forfait mensuel $"), a, 0, _("forfait seulement"));
		widget_form_add(fm, "budget_hours", _("Budget en heures"), b, 0, _("facultatif"));
		widget_form_add(fm, "budget_amount", _("Budget en $"), c, 0, _("facultatif"));
		widget_form_add(fm, "budget_hard", _("Budget strict"), m && m->budget_hard ? "oui" : "non", 0,
			_("oui : refuse le temps au-delà de 100 %"));
		widget_form_add(fm, "opened_on", _("Ouvert le"), m ? m->opened_on : "", 0, "AAAA-MM-JJ");
		widget_form_add(fm, "closed_on", _("Fermé le"), m ? m->closed_on : "", 0, "AAAA-MM-JJ");
		snprintf(title, sizeof title, create ? _("Nouveau mandat") : _("Mandat %s"), m ? m->code : "");
		break;
	}
	default:
		free(fm);
		return;
	}
	if (records_may_change(t->app, NULL, NULL) != JUSTE_OK) {
		/* the manager reads the record; every field is shown, none changes */
		for (int i = 0; i < fm->n; i++)
			fm->f[i].readonly = 1;
		strncat(title, _(" — lecture seule"), sizeof title - strlen(title) - 1);
	}
	struct form_ctx ctx = { s, tab, create };
	tui_form(t, title, fm, submit, &ctx);
	free(fm);
}

/* Rows of the rate table under the cursor. */
static void rate_rows(struct tui *t, struct data_state *s)
{
	const struct item *cur = cur_item(s);
	if (!cur)
		return;
	const struct rate_table_info *ti = &s->tables[cur->idx];
	struct rate_book b;
	struct juste_err e = { 0 };
	if (rates_book_load(t->app, &b, &e)) {
		tui_error(t, &e);
		return;
	}
	char (*lines)[160] = calloc(b.n + 1, sizeof *lines);
	const char **lp = calloc(b.n + 1, sizeof *lp);
	int n = 0;
	if (!lines || !lp) {
		free(lines);
		free(lp);
		pricing_book_free(&b);
		return;
	}
	for (size_t i = 0; i < b.n; i++) {
		const struct rate_row *r = &b.rows[i];
		if (r->rule != RATE_TABLE || r->table_id != ti->id)
			continue;
		/* the rate right-aligned by display width: its no-break spaces are two bytes */
		char m[MONEY_BUF], cell[MONEY_BUF + 16];
		text_pad_min(money_format_lang(text_lang_of(i18n_language()), r->rate_cents, m, sizeof m), 14, TEXT_RIGHT, cell, sizeof cell);
		snprintf(lines[n], sizeof lines[0], "%-12s %-12s %s/h", r->service_code, vocab_category_word(r->category), cell);
		lp[n] = lines[n];
		n++;
	}
	char title[NAME_LEN + 64];
	const char *fmt = _("%s — en vigueur dès %s (%d lignes)");
	snprintf(title, sizeof title, fmt, ti->name, ti->valid_from, n);
	tui_pick(t, title, lp, NULL, n, 0, NULL, 0, NULL);
	free(lines);
	free(lp);
	pricing_book_free(&b);
}

static void close_item(struct tui *t, struct data_state *s)
{
	struct juste_err e = { 0 };
	const struct item *it = cur_item(s);
	if ((s->tab != DT_MANDATES && s->tab != DT_EXPERTS) || !it) {
		err_set(&e, JUSTE_EINVAL, N_("x ferme un mandat (onglet mandats) ou désactive un expert (onglet experts)"));
		tui_error(t, &e);
		return;
	}
	char code[160], prompt[256], date[64], today[ISO_LEN];
	put(code, it->col[0]);
	date_format(app_today(), today);
	snprintf(prompt, sizeof prompt, s->tab == DT_MANDATES ? _("Fermer le mandat %s le :") :
		_("%s a quitté le (dernier jour) :"), code);
	if (!tui_input(t, prompt, today, date, sizeof date))
		return;
	juste_status st = s->tab == DT_MANDATES ? records_mandate_close(t->app, code, date, &e)
		: records_expert_deactivate(t->app, code, date, &e);
	if (st) {
		tui_error(t, &e);
		return;
	}
	int tab = s->tab;
	if (load(t, s, tab, &e))
		tui_error(t, &e);
	else
		tui_info(t, tab == DT_MANDATES ? _("Mandat %s fermé le %s") : _("Expert %s désactivé : départ le %s"),
			code, date);
}

static void close_month(struct tui *t, struct data_state *s)
{
	int y, m, d;
	date_to_ymd(app_today(), &y, &m, &d);
	date_month_add(&y, &m, -1);
	char def[16], month[64], q[160];
	snprintf(def, sizeof def, "%04d-%02d", y, m);
	if (!tui_input(t, _("Fermer le mois (AAAA-MM) :"), def, month, sizeof month))
		return;
	snprintf(q, sizeof q, _("Fermer %s ? Ses saisies seront verrouillées pour tous."), month);
	if (!tui_confirm(t, q)) {
		tui_info(t, _("Rien n'a changé"));
		return;
	}
	struct juste_err e = { 0 };
	if (week_month_close(t->app, month, &e)) {
		tui_error(t, &e);
		return;
	}
	s->loaded[DT_MONTHS] = 0;
	if (s->tab == DT_MONTHS)
		ensure(t, s);
	tui_info(t, _("Mois %s fermé : ses saisies sont verrouillées"), month);
}

static enum view_result data_request(struct tui *t, void *state, enum action a, int f, wint_t ch)
{
	struct data_state *s = state;
	struct juste_err e = { 0 };
	if (widget_table_key(&s->tt, a) != WIDGET_LIST_IGNORED)
		return VIEW_HANDLED;
	switch (a) {
	case ACT_NEXT_TAB: case ACT_PREV_TAB:
		s->tab = (s->tab + (a == ACT_NEXT_TAB ? 1 : DT_NTABS - 1)) % DT_NTABS;
		widget_list_reset(&s->tt.rows, 0);
		ensure(t, s);
		return VIEW_HANDLED;
	case ACT_SEARCH: {
		char q[256];
		if (tui_input(t, _("Chercher :"), s->query[s->tab], q, sizeof q)) {
			snprintf(s->query[s->tab], sizeof s->query[s->tab], "%s", q);
			widget_list_reset(&s->tt.rows, 0);
			apply_filter(s);
		}
		return VIEW_HANDLED;
	}
	case ACT_BACK:
		if (!s->query[s->tab][0])
			return VIEW_IGNORED;
		s->query[s->tab][0] = '\0';
		apply_filter(s);
		return VIEW_HANDLED;
	case ACT_REFRESH:
		for (int i = 0; i < DT_NTABS; i++)
			s->loaded[i] = 0;
		if (load(t, s, s->tab, &e))
			tui_error(t, &e);
		else
			tui_info(t, _("Relu"));
		return VIEW_HANDLED;
	case ACT_EDIT:
		if (s->tab == DT_RATES)
			rate_rows(t, s);
		else if (s->tab != DT_MONTHS)
			form(t, s, 0);
		return VIEW_HANDLED;
	case ACT_ADD:
		if (s->tab == DT_RATES || s->tab == DT_MONTHS) {
			err_set(&e, JUSTE_EINVAL, s->tab == DT_RATES ?
				N_("une table de taux s'importe entière : juste rate import FICHIER.csv (admin)") :
				N_("M ferme un mois"));
			tui_error(t, &e);
		} else if (records_may_change(t->app, _("ajouter des données"), &e)) {
			tui_error(t, &e);
		} else {
			form(t, s, 1);
		}
		return VIEW_HANDLED;
	case ACT_CLOSE_ITEM: close_item(t, s); return VIEW_HANDLED;
	case ACT_CLOSE_MONTH:
		if (records_may_change(t->app, _("fermer un mois depuis Données"), &e))
			tui_error(t, &e);
		else
			close_month(t, s);
		return VIEW_HANDLED;
	default:
		if (a == ACT_NONE && !f && ch >= '1' && ch < '1' + DT_NTABS) {
			s->tab = (int)(ch - '1');
			widget_list_reset(&s->tt.rows, 0);
			ensure(t, s);
			return VIEW_HANDLED;
		}
		return VIEW_IGNORED;
	}
}

static const enum action data_bar[] = {
	ACT_EDIT, ACT_ADD, ACT_SEARCH, ACT_NEXT_TAB, ACT_CLOSE_ITEM, ACT_CLOSE_MONTH, ACT_REFRESH,
};

/* The database changed (anyone's write): every tab is read again when it
 * shows, the current one now. */
static void data_reload(struct tui *t, void *state)
{
	struct data_state *s = state;
	for (int i = 0; i < DT_NTABS; i++)
		s->loaded[i] = 0;
	ensure(t, s);
}

const struct view view_data = {
	.name = "data",
	.title = N_("Données"),
	.fkey = 5,
	.roles = ROLE_GESTIONNAIRE | ROLE_ADMIN,
	.scopes = KS_M | KS_O | KS_D,
	.state_size = sizeof(struct data_state),
	.open = data_open,
	.draw = data_draw,
	.request = data_request,
	.unsaved = NULL,
	.bar = data_bar,
	.nbar = (int)(sizeof data_bar / sizeof data_bar[0]),
	.close = data_close,
	.reload = data_reload,
};
