/*
 * report_out.c - the annual report as text and Markdown (French, reading
 * like the printed report), CSV (one figure per row: field, fy, key,
 * value) and JSON (nested, stable field names, amounts in _cents, minutes
 * in _minutes, percentages as numbers with one decimal).
 *
 * Every output formats the same struct annual_report, whose figures the
 * core derived once (annual.h): nothing here adds, divides or rounds a
 * figure, so the outputs cannot disagree.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "juste/csvout.h"
#include "juste/outfile.h"
#include "juste/duration.h"
#include "juste/i18n.h"
#include "juste/money.h"
#include "juste/report.h"
#include "juste/report_out.h"
#include "juste/text.h"

/* ------------------------------------------------------------------------
 * Text and Markdown
 * ------------------------------------------------------------------------ */

struct tw {
	FILE *out;
	int md;
	enum text_lang lang;     /* the figures' format: the user's language */
};

/* s as Markdown text that reads as itself: the ASCII punctuation that
 * Markdown (and GitHub's tables, strikethrough) gives a meaning escaped
 * with a backslash, and, when s starts a line (lead), a first character
 * that would open a list or a heading.  Cut at a character when out is
 * short. */
static void md_escape(const char *s, int lead, char *out, size_t n)
{
	size_t k = 0;
	if (n == 0)
		return;
	for (const char *c = s; *c; c++) {
		int esc = strchr("\\`*_[]<>|&~", *c) != NULL || (lead && c == s && strchr("-+#=", *c) != NULL);
		size_t need = esc ? 2 : 1;
		if (k + need >= n) {
			/* cut inside a character: drop its first bytes too */
			if (((unsigned char)*c & 0xC0) == 0x80) {
				while (k > 0 && ((unsigned char)out[k - 1] & 0xC0) == 0x80)
					k--;
				if (k > 0)
					k--;
			}
			break;
		}
		if (esc)
			out[k++] = '\\';
		out[k++] = *c;
	}
	out[k] = '\0';
}

/* A name in the output: control characters made visible (text_pad_min,
 * never cut, as on every screen), and escaped for Markdown (lead: s starts
 * the Markdown line). */
static void cell_text(const struct tw *t, const char *s, int lead, char *out, size_t n)
{
	if (!t->md) {
		text_pad_min(s, 0, TEXT_LEFT, out, n);
		return;
	}
	char plain[1024];
	text_pad_min(s, 0, TEXT_LEFT, plain, sizeof plain);
	md_escape(plain, lead, out, n);
}

/* One table row: text pads to the widths (negative: right-aligned); md
 * writes pipes. */
static void row(struct tw *t, const char *const *cells, const int *widths, int n)
{
	/* cells through text_pad_min: never cut, but with their control
	 * characters made visible, as on every screen */
	char cell[2048];
	if (t->md) {
		fputs("|", t->out);
		for (int i = 0; i < n; i++) {
			cell_text(t, cells[i], 0, cell, sizeof cell);
			fprintf(t->out, " %s |", cell);
		}
		fputs("\n", t->out);
		return;
	}
	fputs("  ", t->out);
	for (int i = 0; i < n; i++) {
		int w = widths[i] < 0 ? -widths[i] : widths[i];
		text_pad_min(cells[i], w, widths[i] < 0 ? TEXT_RIGHT : TEXT_LEFT, cell, sizeof cell);
		fputs(cell, t->out);
		fputs(i + 1 < n ? "  " : "\n", t->out);
	}
}

static void rule(struct tw *t, const int *widths, int n)
{
	if (t->md) {
		fputs("|", t->out);
		for (int i = 0; i < n; i++)
			fputs(widths[i] < 0 ? " ---: |" : " --- |", t->out);
		fputs("\n", t->out);
	}
}

static void heading(struct tw *t, const char *title)
{
	/* in Markdown every block ends with its blank line */
	if (t->md)
		fprintf(t->out, "## %s\n\n", title);
	else
		fprintf(t->out, "\n%s\n\n", title);
}

static void para(struct tw *t, const char *text)
{
	fprintf(t->out, t->md ? "%s\n\n" : "  %s\n", text);
}

/* After a table's last row: in Markdown a blank line, without which the
 * next paragraph would be read as one more row. */
static void table_end(struct tw *t)
{
	if (t->md)
		fputs("\n", t->out);
}


/* Where each displayed year's actual products come from, when it is not
 * simply its invoices: a year kept before juste, or audited figures that
 * differ from the invoices (the reconciliation). */
static void products_notes(struct tw *t, const struct annual_report *r)
{
	char b1[MONEY_BUF], b2[MONEY_BUF], b3[MONEY_BUF], line[1024];
	const enum text_lang L = t->lang;
	for (int k = 1; k < 3; k++) {
		const struct annual_year *y = &r->y[k];
		if (y->products_source != ANNUAL_PRODUCTS_ENTERED)
			continue;
		if (!y->products_invoiced.ok) {
			snprintf(line, sizeof line, _("Aucune facture émise en %s : produits réels tels que saisis."), y->name);
			para(t, line);
		} else if (y->reconciliation.ok) {
			snprintf(line, sizeof line, _("Rapprochement %s : produits audités %s ; factures des périodes de "
				"l'exercice, nettes des notes de crédit, avant taxes : %s ; écart (audités moins factures) : %s."),
				y->name, money_format_lang(L, y->products.cents, b1, sizeof b1),
				money_format_lang(L, y->products_invoiced.cents, b2, sizeof b2),
				money_format_lang(L, y->reconciliation.cents, b3, sizeof b3));
			para(t, line);
		}
	}
}

static void write_text(const struct annual_report *r, int md, FILE *out)
{
	struct tw t = { out, md, text_lang_of(i18n_language()) };
	const enum text_lang L = t.lang;
	const struct annual_year *y1 = &r->y[1], *y2 = &r->y[2];
	char b1[64], b2[64], b3[64], b4[64], b5[64], b6[64], line[2048];

	if (md)
		fprintf(out, _("# Rapport d'activités %s\n\n"), y2->name);
	else
		fprintf(out, _("RAPPORT D'ACTIVITÉS %s\n"), y2->name);
	snprintf(line, sizeof line, _("Exercice du %s au %s ; exercice précédent : %s."), y2->first, y2->last,
		y1->name);
	para(&t, line);

	heading(&t, _("Services aux membres"));
	snprintf(line, sizeof line, _("Heures de services rendus : %s (%s : %s), soit une variation de %s ; "
		"l'année précédente : %s."), figures_hours_lang(L, y2->billable_minutes, b1, sizeof b1), y1->name,
		figures_hours_lang(L, y1->billable_minutes, b2, sizeof b2),
		figures_pct_signed_lang(L, r->hours_growth.ok, r->hours_growth.tenths, b3, sizeof b3),
		figures_pct_signed_lang(L, r->prev_hours_growth.ok, r->prev_hours_growth.tenths, b4, sizeof b4));
	para(&t, line);
	snprintf(line, sizeof line, _("Des interventions auprès de %s entreprises (%s : %s)."),
		figures_count_lang(L, y2->beneficiaries, b1, sizeof b1), y1->name,
		figures_count_lang(L, y1->beneficiaries, b2, sizeof b2));
	para(&t, line);

	heading(&t, _("Membrariat"));
	snprintf(line, sizeof line, _("%s organisations membres au %s (%s au %s), dont %s nouvelles organisations "
		"durant l'exercice : une croissance du membrariat de %s."),
		figures_count_lang(L, y2->members_at_end, b1, sizeof b1), y2->last,
		figures_count_lang(L, y1->members_at_end, b2, sizeof b2), y1->last,
		figures_count_lang(L, y2->new_members, b3, sizeof b3),
		figures_pct_signed_lang(L, r->members_growth.ok, r->members_growth.tenths, b4, sizeof b4));
	para(&t, line);

	heading(&t, _("Affaires financières"));
	{
		char h1[48], h2[48], h3[48], h5[48];
		snprintf(h1, sizeof h1, _("%s RÉEL"), y1->name);
		snprintf(h2, sizeof h2, _("%s RÉEL"), y2->name);
		snprintf(h3, sizeof h3, _("%s BUDGÉTÉ"), y2->name);
		snprintf(h5, sizeof h5, _("%s BUDGÉTÉ"), r->next_name);
		const char *hdr[] = { _("DESCRIPTION"), h1, h2, h3, _("VAR"), h5 };
		const int w[] = { 22, -16, -16, -18, -6, -18 };
		row(&t, hdr, w, 6);
		rule(&t, w, 6);
		const char *c1[] = { _("PRODUITS"), figures_dollars_or_dash_lang(L, y1->products.ok, y1->products.cents, b1, sizeof b1),
			figures_dollars_or_dash_lang(L, y2->products.ok, y2->products.cents, b2, sizeof b2),
			figures_dollars_or_dash_lang(L, y2->budget_products.ok, y2->budget_products.cents, b3, sizeof b3),
			figures_pct_whole_signed_lang(L, r->products_variance.ok, r->products_variance.tenths, b4, sizeof b4),
			figures_dollars_or_dash_lang(L, r->next_budget_products.ok, r->next_budget_products.cents, b5, sizeof b5) };
		row(&t, c1, w, 6);
		const char *c2[] = { _("FRAIS D'EXPLOITATION"),
			figures_dollars_or_dash_lang(L, y1->expenses.ok, y1->expenses.cents, b1, sizeof b1),
			figures_dollars_or_dash_lang(L, y2->expenses.ok, y2->expenses.cents, b2, sizeof b2),
			figures_dollars_or_dash_lang(L, y2->budget_expenses.ok, y2->budget_expenses.cents, b3, sizeof b3),
			figures_pct_whole_signed_lang(L, r->expenses_variance.ok, r->expenses_variance.tenths, b4, sizeof b4),
			figures_dollars_or_dash_lang(L, r->next_budget_expenses.ok, r->next_budget_expenses.cents, b5, sizeof b5) };
		row(&t, c2, w, 6);
		const char *c3[] = { _("EXCÉDENT DE L'EXERCICE"),
			figures_dollars_or_dash_lang(L, y1->surplus.ok, y1->surplus.cents, b1, sizeof b1),
			figures_dollars_or_dash_lang(L, y2->surplus.ok, y2->surplus.cents, b2, sizeof b2),
			figures_dollars_or_dash_lang(L, y2->budget_surplus.ok, y2->budget_surplus.cents, b3, sizeof b3), "",
			figures_dollars_or_dash_lang(L, r->next_budget_surplus.ok, r->next_budget_surplus.cents, b5, sizeof b5) };
		row(&t, c3, w, 6);
		table_end(&t);
		if (!md)
			fputs("\n", out);
	}
	if (y2->products_source == ANNUAL_PRODUCTS_ENTERED)
		snprintf(line, sizeof line, _("Le volume d'affaires a connu une variation de %s. Produits réels : "
			"chiffres audités saisis ; factures des périodes de l'exercice : %s factures, %s notes de crédit."),
			figures_pct_signed_lang(L, r->products_growth.ok, r->products_growth.tenths, b1, sizeof b1),
			figures_count_lang(L, y2->invoices, b2, sizeof b2), figures_count_lang(L, y2->credits, b3, sizeof b3));
	else
		snprintf(line, sizeof line, _("Le volume d'affaires a connu une variation de %s. Produits réels : "
			"factures émises nettes des notes de crédit, avant taxes (%s factures, %s notes de crédit)."),
			figures_pct_signed_lang(L, r->products_growth.ok, r->products_growth.tenths, b1, sizeof b1),
			figures_count_lang(L, y2->invoices, b2, sizeof b2), figures_count_lang(L, y2->credits, b3, sizeof b3));
	para(&t, line);
	products_notes(&t, r);
	snprintf(line, sizeof line, _("Au cours de l'exercice, la Coopérative a effectué %s de ses opérations avec "
		"ses membres utilisateurs au sens de l'article 17 du Règlement d'application de la Loi sur les "
		"coopératives."), figures_pct_lang(L, r->members_share.ok, r->members_share.tenths, b1, sizeof b1));
	para(&t, line);
	snprintf(line, sizeof line, _("La progression des revenus en provenance des membres et des membres "
		"auxiliaires est respectivement de %s et %s, comparativement à l'année précédente."),
		figures_pct_signed_lang(L, r->category_growth[CATEGORY_MEMBRE].ok, r->category_growth[CATEGORY_MEMBRE].tenths,
			b1, sizeof b1),
		figures_pct_signed_lang(L, r->category_growth[CATEGORY_AUXILIAIRE].ok,
			r->category_growth[CATEGORY_AUXILIAIRE].tenths, b2, sizeof b2));
	para(&t, line);

	heading(&t, _("Revenus par catégorie de membres"));
	{
		const char *hdr[] = { _("CATÉGORIE"), y1->name, y2->name, _("VARIATION") };
		const int w[] = { 22, -16, -16, -10 };
		row(&t, hdr, w, 4);
		rule(&t, w, 4);
		for (int c = 0; c < CATEGORY_COUNT; c++) {
			const char *cells[] = { vocab_category_heading(c),
				figures_dollars_lang(L, y1->revenue_by_category[c], b1, sizeof b1),
				figures_dollars_lang(L, y2->revenue_by_category[c], b2, sizeof b2),
				figures_pct_signed_lang(L, r->category_growth[c].ok, r->category_growth[c].tenths, b3, sizeof b3) };
			row(&t, cells, w, 4);
		}
		const char *tot[] = { _("Total"), figures_dollars_lang(L, y1->net_cents, b1, sizeof b1),
			figures_dollars_lang(L, y2->net_cents, b2, sizeof b2), "" };
		row(&t, tot, w, 4);
		table_end(&t);
	}
	if (!md)
		fputs("\n", out);
	para(&t, _("Part des membres sous entière gestion et des autres membres dans les revenus des membres :"));
	{
		const char *hdr[] = { _("EXERCICE"), _("SOUS ENTIÈRE GESTION"), _("AUTRES MEMBRES") };
		const int w[] = { 10, -22, -16 };
		row(&t, hdr, w, 3);
		rule(&t, w, 3);
		for (int i = 0; i < r->nhist; i++) {
			const struct annual_hist *h = &r->hist[i];
			const char *cells[] = { h->name,
				figures_pct_lang(L, h->full_management_share.ok, h->full_management_share.tenths, b1, sizeof b1),
				figures_pct_lang(L, h->other_members_share.ok, h->other_members_share.tenths, b2, sizeof b2) };
			row(&t, cells, w, 3);
		}
		table_end(&t);
	}

	heading(&t, _("Comptes clients"));
	snprintf(line, sizeof line, _("Au %s, les clients devaient %s sur %s factures ouvertes (crédit aux comptes "
		"des clients : %s ; solde net : %s)."), y2->last, money_format_lang(L, r->ar.open_cents, b1, sizeof b1),
		figures_count_lang(L, r->ar.open_invoices, b2, sizeof b2),
		money_format_lang(L, r->ar.credit_cents, b3, sizeof b3),
		money_format_lang(L, r->ar.balance_cents, b4, sizeof b4));
	para(&t, line);
	if (!md)
		fputs("\n", out);
	{
		const char *hdr[] = { _("RETARD SUR L'ÉCHÉANCE"), _("MONTANT OUVERT") };
		const int w[] = { 24, -18 };
		row(&t, hdr, w, 2);
		rule(&t, w, 2);
		for (int k = 0; k < PAYMENTS_AGE_COUNT; k++) {
			const char *cells[] = { _(payments_age_label(k)), money_format_lang(L, r->ar.by_age[k], b1, sizeof b1) };
			row(&t, cells, w, 2);
		}
		const char *tot[] = { _("Total"), money_format_lang(L, r->ar.open_cents, b1, sizeof b1) };
		row(&t, tot, w, 2);
		table_end(&t);
	}
	if (!md)
		fputs("\n", out);
	snprintf(line, sizeof line, _("Délai moyen de paiement : %s jours, moyenne simple sur %s factures émises "
		"durant l'exercice et payées en entier à sa fin, de la date de la facture au paiement qui l'a soldée."),
		figures_tenths_lang(L, r->ar.days_to_payment.ok, r->ar.days_to_payment.tenths, b1, sizeof b1),
		figures_count_lang(L, r->ar.paid_invoices, b2, sizeof b2));
	para(&t, line);

	heading(&t, _("Capital humain"));
	snprintf(line, sizeof line, _("Au %s : %s ressources professionnelles, %s formateurs, %s directions."),
		y2->last, figures_count_lang(L, r->people_by_function[FUNCTION_PROFESSIONNEL], b1, sizeof b1),
		figures_count_lang(L, r->people_by_function[FUNCTION_FORMATEUR], b2, sizeof b2),
		figures_count_lang(L, r->people_by_function[FUNCTION_DIRECTION], b3, sizeof b3));
	para(&t, line);
	char age[32];
	if (r->average_age.ok)
		snprintf(age, sizeof age, _("%lld ans"), (long long)r->average_age_years);
	else
		snprintf(age, sizeof age, "—");
	snprintf(line, sizeof line, _("Femmes : %s ; hommes : %s (sur %s personnes dont le genre est connu) ; "
		"moyenne d'âge : %s."), figures_pct_lang(L, r->women_share.ok, r->women_share.tenths, b1, sizeof b1),
		figures_pct_lang(L, r->men_share.ok, r->men_share.tenths, b2, sizeof b2),
		figures_count_lang(L, r->known_gender, b3, sizeof b3), age);
	para(&t, line);

	heading(&t, _("Heures et revenus par programme de financement"));
	{
		char hh1[48], hh2[48], hr1[48], hr2[48];
		snprintf(hh1, sizeof hh1, _("HEURES %s"), y1->name);
		snprintf(hh2, sizeof hh2, _("HEURES %s"), y2->name);
		snprintf(hr1, sizeof hr1, _("REVENUS %s"), y1->name);
		snprintf(hr2, sizeof hr2, _("REVENUS %s"), y2->name);
		const char *hdr[] = { _("PROGRAMME"), hh1, hh2, hr1, hr2 };
		const int w[] = { 34, -16, -16, -20, -20 };
		row(&t, hdr, w, 5);
		rule(&t, w, 5);
		for (size_t i = 0; i < r->nprograms; i++) {
			const struct annual_program *p = &r->programs[i];
			/* Markdown, without widths, names the program as the PDF does */
			const char *cells[] = { !p->code[0] ? _("(sans programme)") : md && p->name[0] ? p->name : p->code,
				figures_hours_lang(L, p->minutes[0], b1, sizeof b1),
				figures_hours_lang(L, p->minutes[1], b2, sizeof b2),
				figures_dollars_lang(L, p->revenue_cents[0], b3, sizeof b3),
				figures_dollars_lang(L, p->revenue_cents[1], b4, sizeof b4) };
			row(&t, cells, w, 5);
		}
		table_end(&t);
	}

	heading(&t, _("Développement des affaires"));
	for (int p = 0; p < PARTNER_COUNT; p++) {
		snprintf(line, sizeof line, _("Relations d'affaires : %s"), vocab_partner_label(p));
		if (md)
			fprintf(out, "### %s\n\n", line);
		else
			fprintf(out, "  %s\n", line);
		for (int k = 0; k < DEV_KIND_COUNT; k++) {
			/* TRANSLATORS: a kind of business development and its count */
			snprintf(line, sizeof line, _("%s : %lld"), vocab_dev_kind_heading(k), (long long)r->dev_counts[p][k]);
			fprintf(out, md ? "- %s\n" : "    %s\n", line);
			for (size_t i = 0; i < r->ndev_names; i++) {
				const struct annual_dev_name *n = &r->dev_names[i];
				if ((int)n->partner == p && (int)n->kind == k) {
					char name[2048];
					cell_text(&t, n->name, 1, name, sizeof name);
					fprintf(out, md ? "  - %s\n" : "      - %s\n", name);
				}
			}
		}
		if (md)
			fputs("\n", out);
	}

	heading(&t, _("Utilisation"));
	snprintf(line, sizeof line, _("Taux d'utilisation global : %s (%s facturables sur une capacité de %s)."),
		figures_pct_lang(L, r->utilisation.ok, r->utilisation.tenths, b1, sizeof b1),
		figures_hours_lang(L, r->billable_total, b2, sizeof b2), figures_hours_lang(L, r->capacity_total, b3, sizeof b3));
	para(&t, line);
	snprintf(line, sizeof line, _("Capacité : %s de jours ouvrables en poste, moins %s de jours fériés et de "
		"fermetures et %s d'absences."), figures_hours_lang(L, r->gross_total, b1, sizeof b1),
		figures_hours_lang(L, r->holidays_total, b2, sizeof b2), figures_hours_lang(L, r->absences_total, b3, sizeof b3));
	para(&t, line);
	if (!md)
		fputs("\n", out);
	{
		const char *hdr[] = { _("PERSONNE"), _("FONCTION"), _("FACTURABLES"), _("INTERNES"), _("FÉRIÉS"),
			_("ABSENCES"), _("CAPACITÉ"), _("UTILISATION") };
		const int w[] = { 30, 14, -12, -10, -9, -9, -10, -11 };
		row(&t, hdr, w, 8);
		rule(&t, w, 8);
		for (size_t i = 0; i < r->nexperts; i++) {
			const struct annual_expert *x = &r->experts[i];
			const char *cells[] = { x->name, vocab_function_label(x->function),
				figures_hours_lang(L, x->billable, b1, sizeof b1), figures_hours_lang(L, x->internal, b2, sizeof b2),
				figures_hours_lang(L, x->holidays, b4, sizeof b4), figures_hours_lang(L, x->absences, b5, sizeof b5),
				figures_hours_lang(L, x->capacity, b3, sizeof b3),
				figures_pct_lang(L, x->utilisation.ok, x->utilisation.tenths, b6, sizeof b6) };
			row(&t, cells, w, 8);
		}
		table_end(&t);
	}
}

/* ------------------------------------------------------------------------
 * CSV: field,fy,key,value
 * ------------------------------------------------------------------------ */

static void csv_row(FILE *out, const char *field, const char *fy, const char *key, const char *value)
{
	const char *f[] = { field, fy, key, value };
	csvout_row(out, f, 4);
}

static void csv_int(FILE *out, const char *field, const char *fy, const char *key, int64_t v)
{
	char b[32];
	snprintf(b, sizeof b, "%lld", (long long)v);
	csv_row(out, field, fy, key, b);
}

static void csv_opt(FILE *out, const char *field, const char *fy, const char *key, int ok, int64_t v)
{
	if (ok)
		csv_int(out, field, fy, key, v);
	else
		csv_row(out, field, fy, key, "");
}

static void csv_pct(FILE *out, const char *field, const char *fy, const char *key, int ok, int64_t tenths)
{
	char b[32];
	csv_row(out, field, fy, key, figures_pct_plain(ok, tenths, b, sizeof b));
}

static void csv_amount(FILE *out, const char *field, const char *fy, const char *key, struct figures_amount a)
{
	csv_opt(out, field, fy, key, a.ok, a.cents);
}

static void csv_ratio(FILE *out, const char *field, const char *fy, const char *key, struct figures_ratio v)
{
	csv_pct(out, field, fy, key, v.ok, v.tenths);
}

static void write_csv(const struct annual_report *r, FILE *out)
{
	const struct annual_year *y1 = &r->y[1], *y2 = &r->y[2];
	const char *fy = y2->name;
	csv_row(out, "field", "fy", "key", "value");
	for (int k = 0; k < 3; k++) {
		const struct annual_year *y = &r->y[k];
		csv_int(out, "billable_minutes", y->name, "", y->billable_minutes);
		csv_int(out, "internal_minutes", y->name, "", y->internal_minutes);
		csv_int(out, "members_at_end", y->name, "", y->members_at_end);
		csv_int(out, "new_members", y->name, "", y->new_members);
		if (k == 0)
			continue;
		for (int i = 0; i < ANNUAL_MONTHS; i++)
			csv_int(out, "billable_minutes_by_month", y->name, y->months[i], y->month_billable[i]);
		csv_int(out, "beneficiaries", y->name, "", y->beneficiaries);
		csv_int(out, "invoiced_cents", y->name, "", y->invoiced_cents);
		csv_int(out, "credited_cents", y->name, "", y->credited_cents);
		csv_int(out, "invoices", y->name, "", y->invoices);
		csv_int(out, "credit_notes", y->name, "", y->credits);
		csv_amount(out, "products_actual_cents", y->name, "", y->products);
		csv_row(out, "products_source", y->name, "", annual_products_source_word(y->products_source));
		csv_amount(out, "products_invoiced_cents", y->name, "", y->products_invoiced);
		csv_amount(out, "products_reconciliation_cents", y->name, "", y->reconciliation);
		csv_amount(out, "expenses_actual_cents", y->name, "", y->expenses);
		csv_amount(out, "products_budget_cents", y->name, "", y->budget_products);
		csv_amount(out, "expenses_budget_cents", y->name, "", y->budget_expenses);
		for (int c = 0; c < CATEGORY_COUNT; c++)
			csv_int(out, "revenue_by_category_cents", y->name, vocab_category_word(c), y->revenue_by_category[c]);
		csv_int(out, "revenue_full_management_cents", y->name, "", y->revenue_full_management);
		csv_int(out, "revenue_other_members_cents", y->name, "", y->revenue_other_members);
		csv_int(out, "revenue_with_members_cents", y->name, "", y->revenue_with_members);
	}
	const char *nn = r->next_name;
	csv_amount(out, "products_budget_cents", nn, "", r->next_budget_products);
	csv_amount(out, "expenses_budget_cents", nn, "", r->next_budget_expenses);
	csv_amount(out, "surplus_actual_cents", y1->name, "", y1->surplus);
	csv_amount(out, "surplus_actual_cents", fy, "", y2->surplus);
	csv_amount(out, "surplus_budget_cents", fy, "", y2->budget_surplus);
	csv_amount(out, "surplus_budget_cents", nn, "", r->next_budget_surplus);
	csv_ratio(out, "hours_growth_pct", fy, "", r->hours_growth);
	csv_ratio(out, "hours_growth_pct", y1->name, "", r->prev_hours_growth);
	csv_ratio(out, "members_growth_pct", fy, "", r->members_growth);
	csv_ratio(out, "products_variance_pct", fy, "", r->products_variance);
	csv_ratio(out, "expenses_variance_pct", fy, "", r->expenses_variance);
	csv_ratio(out, "operations_with_members_pct", fy, "", r->members_share);
	for (int c = 0; c < CATEGORY_COUNT; c++)
		csv_ratio(out, "revenue_growth_pct", fy, vocab_category_word(c), r->category_growth[c]);
	for (int i = 0; i < r->nhist; i++) {
		csv_int(out, "full_management_revenue_cents", r->hist[i].name, "", r->hist[i].full_management);
		csv_int(out, "other_members_revenue_cents", r->hist[i].name, "", r->hist[i].other_members);
	}
	for (int f = 0; f < FUNCTION_COUNT; f++)
		csv_int(out, "people", fy, vocab_function_word(f), r->people_by_function[f]);
	csv_int(out, "people_women", fy, "", r->women);
	csv_int(out, "people_men", fy, "", r->men);
	csv_int(out, "people_other_gender", fy, "", r->other_gender);
	csv_int(out, "people_unknown_gender", fy, "", r->unknown_gender);
	csv_ratio(out, "women_pct", fy, "", r->women_share);
	csv_ratio(out, "men_pct", fy, "", r->men_share);
	csv_ratio(out, "average_age", fy, "", r->average_age);
	for (size_t i = 0; i < r->nprograms; i++) {
		const struct annual_program *p = &r->programs[i];
		csv_int(out, "program_billable_minutes", y1->name, p->code, p->minutes[0]);
		csv_int(out, "program_billable_minutes", fy, p->code, p->minutes[1]);
		csv_int(out, "program_revenue_cents", y1->name, p->code, p->revenue_cents[0]);
		csv_int(out, "program_revenue_cents", fy, p->code, p->revenue_cents[1]);
	}
	for (int p = 0; p < PARTNER_COUNT; p++)
		for (int k = 0; k < DEV_KIND_COUNT; k++) {
			char key[48];
			snprintf(key, sizeof key, "%s/%s", vocab_partner_word(p), vocab_dev_kind_word(k));
			csv_int(out, "devaffaires_count", fy, key, r->dev_counts[p][k]);
		}
	for (size_t i = 0; i < r->ndev_names; i++) {
		const struct annual_dev_name *n = &r->dev_names[i];
		char key[NAME_LEN + 48];
		snprintf(key, sizeof key, "%s/%s/%s", vocab_partner_word(n->partner), vocab_dev_kind_word(n->kind), n->name);
		csv_int(out, "devaffaires_name_count", fy, key, n->count);
	}
	csv_int(out, "utilisation_billable_minutes", fy, "", r->billable_total);
	csv_int(out, "utilisation_capacity_minutes", fy, "", r->capacity_total);
	csv_int(out, "utilisation_workdays_minutes", fy, "", r->gross_total);
	csv_int(out, "utilisation_holiday_minutes", fy, "", r->holidays_total);
	csv_int(out, "utilisation_absence_minutes", fy, "", r->absences_total);
	csv_ratio(out, "utilisation_pct", fy, "", r->utilisation);
	for (size_t i = 0; i < r->nexperts; i++) {
		const struct annual_expert *x = &r->experts[i];
		csv_int(out, "expert_billable_minutes", fy, x->login, x->billable);
		csv_int(out, "expert_internal_minutes", fy, x->login, x->internal);
		csv_int(out, "expert_capacity_minutes", fy, x->login, x->capacity);
		csv_int(out, "expert_workdays_minutes", fy, x->login, x->gross);
		csv_int(out, "expert_holiday_minutes", fy, x->login, x->holidays);
		csv_int(out, "expert_absence_minutes", fy, x->login, x->absences);
		csv_ratio(out, "expert_utilisation_pct", fy, x->login, x->utilisation);
	}
	csv_int(out, "receivables_open_cents", fy, "", r->ar.open_cents);
	for (int k = 0; k < PAYMENTS_AGE_COUNT; k++)
		csv_int(out, "receivables_by_age_cents", fy, payments_age_word(k), r->ar.by_age[k]);
	csv_int(out, "receivables_credit_cents", fy, "", r->ar.credit_cents);
	csv_int(out, "receivables_balance_cents", fy, "", r->ar.balance_cents);
	csv_int(out, "receivables_open_invoices", fy, "", r->ar.open_invoices);
	csv_int(out, "paid_invoices", fy, "", r->ar.paid_invoices);
	csv_ratio(out, "days_to_payment", fy, "", r->ar.days_to_payment);
}

/* ------------------------------------------------------------------------
 * JSON
 * ------------------------------------------------------------------------ */

static json_t *jint(int64_t v)
{
	return json_integer((json_int_t)v);
}

static json_t *jamount(struct figures_amount a)
{
	return a.ok ? jint(a.cents) : json_null();
}

static json_t *jpct(struct figures_ratio v)
{
	return v.ok ? json_real(figures_pct_number(v.tenths)) : json_null();
}

static json_t *json_year(const struct annual_year *y, int full)
{
	json_t *o = json_object();
	json_object_set_new(o, "fy", json_string(y->name));
	json_object_set_new(o, "first", json_string(y->first));
	json_object_set_new(o, "last", json_string(y->last));
	json_object_set_new(o, "billable_minutes", jint(y->billable_minutes));
	json_object_set_new(o, "internal_minutes", jint(y->internal_minutes));
	json_object_set_new(o, "members_at_end", jint(y->members_at_end));
	json_object_set_new(o, "new_members", jint(y->new_members));
	if (!full)
		return o;
	json_t *m = json_array();
	for (int i = 0; i < ANNUAL_MONTHS; i++) {
		json_t *x = json_object();
		json_object_set_new(x, "month", json_string(y->months[i]));
		json_object_set_new(x, "billable_minutes", jint(y->month_billable[i]));
		json_array_append_new(m, x);
	}
	json_object_set_new(o, "billable_minutes_by_month", m);
	json_object_set_new(o, "beneficiaries", jint(y->beneficiaries));
	json_object_set_new(o, "invoiced_cents", jint(y->invoiced_cents));
	json_object_set_new(o, "credited_cents", jint(y->credited_cents));
	json_object_set_new(o, "invoices", jint(y->invoices));
	json_object_set_new(o, "credit_notes", jint(y->credits));
	json_object_set_new(o, "products_actual_cents", jamount(y->products));
	json_object_set_new(o, "products_source", y->products_source == ANNUAL_PRODUCTS_NONE ? json_null() :
		json_string(annual_products_source_word(y->products_source)));
	json_object_set_new(o, "products_invoiced_cents", jamount(y->products_invoiced));
	json_object_set_new(o, "products_reconciliation_cents", jamount(y->reconciliation));
	json_object_set_new(o, "expenses_actual_cents", jamount(y->expenses));
	json_object_set_new(o, "products_budget_cents", jamount(y->budget_products));
	json_object_set_new(o, "expenses_budget_cents", jamount(y->budget_expenses));
	json_t *c = json_object();
	for (int k = 0; k < CATEGORY_COUNT; k++)
		json_object_set_new(c, vocab_category_word(k), jint(y->revenue_by_category[k]));
	json_object_set_new(o, "revenue_by_category_cents", c);
	json_object_set_new(o, "revenue_full_management_cents", jint(y->revenue_full_management));
	json_object_set_new(o, "revenue_other_members_cents", jint(y->revenue_other_members));
	json_object_set_new(o, "revenue_with_members_cents", jint(y->revenue_with_members));
	return o;
}

static json_t *json_report(const struct annual_report *r)
{
	const struct annual_year *y1 = &r->y[1], *y2 = &r->y[2];
	json_t *o = json_object();
	json_object_set_new(o, "fy", json_string(y2->name));
	json_object_set_new(o, "previous_fy", json_string(y1->name));
	json_t *ys = json_array();
	for (int k = 0; k < 3; k++)
		json_array_append_new(ys, json_year(&r->y[k], k > 0));
	json_object_set_new(o, "years", ys);
	json_t *nx = json_object();
	json_object_set_new(nx, "fy", json_string(r->next_name));
	json_object_set_new(nx, "products_budget_cents", jamount(r->next_budget_products));
	json_object_set_new(nx, "expenses_budget_cents", jamount(r->next_budget_expenses));
	json_object_set_new(nx, "surplus_budget_cents", jamount(r->next_budget_surplus));
	json_object_set_new(o, "next_year", nx);

	json_t *g = json_object();
	json_object_set_new(g, "hours_growth_pct", jpct(r->hours_growth));
	json_object_set_new(g, "previous_hours_growth_pct", jpct(r->prev_hours_growth));
	json_object_set_new(g, "members_growth_pct", jpct(r->members_growth));
	json_object_set_new(g, "products_variance_pct", jpct(r->products_variance));
	json_object_set_new(g, "expenses_variance_pct", jpct(r->expenses_variance));
	json_object_set_new(g, "surplus_previous_actual_cents", jamount(y1->surplus));
	json_object_set_new(g, "surplus_actual_cents", jamount(y2->surplus));
	json_object_set_new(g, "surplus_budget_cents", jamount(y2->budget_surplus));
	json_object_set_new(g, "operations_with_members_pct", jpct(r->members_share));
	json_t *cg = json_object();
	for (int c = 0; c < CATEGORY_COUNT; c++)
		json_object_set_new(cg, vocab_category_word(c), jpct(r->category_growth[c]));
	json_object_set_new(g, "revenue_growth_pct", cg);
	json_object_set_new(o, "figures", g);

	json_t *h = json_array();
	for (int i = 0; i < r->nhist; i++) {
		json_t *x = json_object();
		json_object_set_new(x, "fy", json_string(r->hist[i].name));
		json_object_set_new(x, "full_management_cents", jint(r->hist[i].full_management));
		json_object_set_new(x, "other_members_cents", jint(r->hist[i].other_members));
		json_object_set_new(x, "full_management_pct", jpct(r->hist[i].full_management_share));
		json_array_append_new(h, x);
	}
	json_object_set_new(o, "full_management_share", h);

	json_t *p = json_object();
	for (int f = 0; f < FUNCTION_COUNT; f++)
		json_object_set_new(p, vocab_function_word(f), jint(r->people_by_function[f]));
	json_object_set_new(p, "total", jint(r->people));
	json_object_set_new(p, "women", jint(r->women));
	json_object_set_new(p, "men", jint(r->men));
	json_object_set_new(p, "other_gender", jint(r->other_gender));
	json_object_set_new(p, "unknown_gender", jint(r->unknown_gender));
	json_object_set_new(p, "women_pct", jpct(r->women_share));
	json_object_set_new(p, "men_pct", jpct(r->men_share));
	json_object_set_new(p, "average_age", jpct(r->average_age));
	json_object_set_new(o, "people", p);

	json_t *pr = json_array();
	for (size_t i = 0; i < r->nprograms; i++) {
		const struct annual_program *q = &r->programs[i];
		json_t *x = json_object();
		json_object_set_new(x, "code", json_string(q->code));
		json_object_set_new(x, "name", json_string(q->name));
		json_object_set_new(x, "previous_billable_minutes", jint(q->minutes[0]));
		json_object_set_new(x, "billable_minutes", jint(q->minutes[1]));
		json_object_set_new(x, "previous_revenue_cents", jint(q->revenue_cents[0]));
		json_object_set_new(x, "revenue_cents", jint(q->revenue_cents[1]));
		json_array_append_new(pr, x);
	}
	json_object_set_new(o, "programs", pr);

	json_t *dv = json_array();
	for (int q = 0; q < PARTNER_COUNT; q++) {
		json_t *x = json_object();
		json_object_set_new(x, "partner", json_string(vocab_partner_word(q)));
		for (int k = 0; k < DEV_KIND_COUNT; k++)
			json_object_set_new(x, vocab_dev_kind_word(k), jint(r->dev_counts[q][k]));
		json_t *names = json_array();
		for (size_t i = 0; i < r->ndev_names; i++) {
			const struct annual_dev_name *n = &r->dev_names[i];
			if ((int)n->partner != q)
				continue;
			json_t *y = json_object();
			json_object_set_new(y, "kind", json_string(vocab_dev_kind_word(n->kind)));
			json_object_set_new(y, "name", json_string(n->name));
			json_object_set_new(y, "count", jint(n->count));
			json_array_append_new(names, y);
		}
		json_object_set_new(x, "names", names);
		json_array_append_new(dv, x);
	}
	json_object_set_new(o, "devaffaires", dv);

	json_t *u = json_object();
	json_object_set_new(u, "billable_minutes", jint(r->billable_total));
	json_object_set_new(u, "capacity_minutes", jint(r->capacity_total));
	json_object_set_new(u, "workdays_minutes", jint(r->gross_total));
	json_object_set_new(u, "holiday_minutes", jint(r->holidays_total));
	json_object_set_new(u, "absence_minutes", jint(r->absences_total));
	json_object_set_new(u, "utilisation_pct", jpct(r->utilisation));
	json_t *xs = json_array();
	for (size_t i = 0; i < r->nexperts; i++) {
		const struct annual_expert *x = &r->experts[i];
		json_t *y = json_object();
		json_object_set_new(y, "login", json_string(x->login));
		json_object_set_new(y, "name", json_string(x->name));
		json_object_set_new(y, "function", json_string(vocab_function_word(x->function)));
		json_object_set_new(y, "billable_minutes", jint(x->billable));
		json_object_set_new(y, "internal_minutes", jint(x->internal));
		json_object_set_new(y, "capacity_minutes", jint(x->capacity));
		json_object_set_new(y, "workdays_minutes", jint(x->gross));
		json_object_set_new(y, "holiday_minutes", jint(x->holidays));
		json_object_set_new(y, "absence_minutes", jint(x->absences));
		json_object_set_new(y, "utilisation_pct", jpct(x->utilisation));
		json_array_append_new(xs, y);
	}
	json_object_set_new(u, "experts", xs);
	json_object_set_new(o, "utilisation", u);

	json_t *ar = json_object();
	json_object_set_new(ar, "at", json_string(r->y[2].last));
	json_object_set_new(ar, "open_cents", jint(r->ar.open_cents));
	json_t *ages = json_object();
	for (int k = 0; k < PAYMENTS_AGE_COUNT; k++)
		json_object_set_new(ages, payments_age_word(k), jint(r->ar.by_age[k]));
	json_object_set_new(ar, "by_age_cents", ages);
	json_object_set_new(ar, "credit_cents", jint(r->ar.credit_cents));
	json_object_set_new(ar, "balance_cents", jint(r->ar.balance_cents));
	json_object_set_new(ar, "open_invoices", jint(r->ar.open_invoices));
	json_object_set_new(ar, "paid_invoices", jint(r->ar.paid_invoices));
	json_object_set_new(ar, "days_to_payment", jpct(r->ar.days_to_payment));
	json_object_set_new(o, "receivables", ar);
	return o;
}

static juste_status write_to(const struct annual_report *r, enum report_format f, FILE *out,
	struct juste_err *e)
{
	switch (f) {
	case REPORT_TEXT:
	case REPORT_TABLE:
		write_text(r, 0, out);
		break;
	case REPORT_MD:
		write_text(r, 1, out);
		break;
	case REPORT_CSV:
		write_csv(r, out);
		break;
	case REPORT_JSON: {
		json_t *o = json_report(r);
		if (!o)
			return err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
		int rc = json_dumpf(o, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10));
		json_decref(o);
		fputc('\n', out);
		if (rc != 0)
			return err_set(e, JUSTE_EIO, N_("écriture du rapport impossible"));
		break;
	}
	default:
		return err_set(e, JUSTE_EINVAL, N_("format non pris en charge ici"));
	}
	return JUSTE_OK;
}

juste_status report_out_write(const struct annual_report *r, enum report_format f, const char *path,
	struct juste_err *e)
{
	if (f != REPORT_TEXT && f != REPORT_TABLE && f != REPORT_MD && f != REPORT_CSV && f != REPORT_JSON)
		return err_set(e, JUSTE_EINVAL, N_("format non pris en charge ici"));
	struct outfile *out;
	juste_status st = outfile_open(path, &out, e);
	if (st)
		return st;
	return outfile_end(out, write_to(r, f, outfile_stream(out), e), e);
}
