/*
 * reminder_letters.c - overdue invoices by reminder level, and their
 * letters (reminder_letters.h).  What is open and how late comes from
 * receivables_ageing(); the level from reminders.c (core); the page from
 * pdfdoc.c, laid out twice for "page N de M".
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "app/app_internal.h"
#include "juste/i18n.h"
#include "juste/money.h"
#include "juste/pdfdoc.h"
#include "juste/receivables.h"
#include "juste/reminder_letters.h"

#define ROLES_REMINDERS (ROLE_COMMIS | ROLE_GESTIONNAIRE | ROLE_ADMIN)

struct gather {
	struct app *a;
	struct reminder_list *l;
	const int *days;
	juste_status st;
	struct juste_err *e;
};

static int on_client(void *ctx, const struct receivables_client *rc)
{
	struct gather *g = ctx;
	struct reminder_client c;
	memset(&c, 0, sizeof c);
	c.invoices = calloc(rc->ninvoices + 1, sizeof *c.invoices);
	if (!c.invoices) {
		g->st = err_set(g->e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
		return 1;
	}
	for (size_t i = 0; i < rc->ninvoices; i++) {
		const struct receivables_invoice *r = &rc->invoices[i];
		int level = reminders_level_of(g->days, r->days_late);
		if (level < 0)
			continue;
		struct reminder_invoice *x = &c.invoices[c.ninvoices++];
		snprintf(x->number, sizeof x->number, "%s", r->doc->number);
		snprintf(x->issued_on, sizeof x->issued_on, "%s", r->doc->issued_on);
		snprintf(x->due_on, sizeof x->due_on, "%s", r->doc->due_on);
		x->open_cents = r->open_cents;
		x->days_late = r->days_late;
		x->level = (enum reminder_level)level;
		if (c.ninvoices == 1 || x->level > c.level)
			c.level = x->level;
		c.open_cents += r->open_cents;
	}
	if (!c.ninvoices) {
		free(c.invoices);
		return 0;
	}
	if ((g->st = store_org_get(g->a->store, rc->code, &c.org, g->e))) {
		free(c.invoices);
		return 1;
	}
	struct reminder_list *l = g->l;
	struct reminder_client *n = realloc(l->clients, (l->nclients + 1) * sizeof *n);
	if (!n) {
		free(c.invoices);
		g->st = err_set(g->e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
		return 1;
	}
	l->clients = n;
	l->clients[l->nclients++] = c;
	return 0;
}

juste_status reminder_letters_list(struct app *a, const char *at, struct reminder_list *out, struct juste_err *e)
{
	memset(out, 0, sizeof *out);
	juste_status st = app_require(a, ROLES_REMINDERS, _("préparer les rappels"), e);
	if (st)
		return st;
	if ((st = reminders_check_days(a->policy.reminder_days, e)))
		return st;
	date_t day = app_today();
	if (at && *at && date_parse(at, &day, e))
		return err_prefix(e, "--at : ");
	date_format(day, out->at);
	struct gather g = { a, out, a->policy.reminder_days, JUSTE_OK, e };
	struct payments_ageing total;
	st = receivables_ageing(a, out->at, on_client, &g, &total, e);
	if (!st)
		st = g.st;
	if (st)
		reminder_letters_free(out);
	return st;
}

void reminder_letters_free(struct reminder_list *l)
{
	for (size_t i = 0; i < l->nclients; i++)
		free(l->clients[i].invoices);
	free(l->clients);
	memset(l, 0, sizeof *l);
}

/* ---------------------------------------------------------------- letter */

#define MARGIN PDFDOC_MARGIN
#define FOOTER 24.0

struct letter {
	struct pdfdoc doc;
	PangoFontDescription *regular, *bold, *small, *big;
	const struct policy *cfg;
	const struct reminder_client *c;
	const char *at;
};

static void letter_footer(struct letter *p)
{
	char buf[256];
	snprintf(buf, sizeof buf, _("Rappel %s au %s — page %d de %d"), p->c->org.code, p->at, p->doc.page,
		p->doc.pages ? p->doc.pages : p->doc.page);
	pdfdoc_footer(&p->doc, p->small, p->cfg->centre_name, buf);
}

static void ensure(struct letter *p, double need)
{
	if (p->doc.y + need <= p->doc.h - MARGIN - FOOTER)
		return;
	letter_footer(p);
	pdfdoc_next_page(&p->doc);
}

static void para(struct letter *p, const char *s, const PangoFontDescription *f, double after)
{
	double w = p->doc.w - 2 * MARGIN;
	double h = pdfdoc_measure(&p->doc, w, s, f, PANGO_ALIGN_LEFT);
	ensure(p, h);
	p->doc.y += pdfdoc_text(&p->doc, MARGIN, p->doc.y, w, s, f, PANGO_ALIGN_LEFT) + after;
}

static double widest(struct letter *p, double w, const char *s, const PangoFontDescription *f)
{
	double x = pdfdoc_width(&p->doc, s, f) + 10;
	return x > w ? x : w;
}

/* The overdue invoices, a row each, every column as wide as its widest
 * cell (a sentence per invoice wrapped its amount onto the next line). */
static void invoice_table(struct letter *p)
{
	const struct reminder_client *c = p->c;
	enum { NCOL = 5 };
	const char *head[NCOL] = { _("Facture"), _("Émise le"), _("Échéance"), _("Jours de retard"), _("Reste à payer") };
	double col[NCOL];
	char a[MONEY_BUF], days[16];
	for (int k = 0; k < NCOL; k++)
		col[k] = widest(p, 0, head[k], p->bold);
	col[1] = widest(p, col[1], "2020-03-31", p->regular);
	col[2] = widest(p, col[2], "2020-03-31", p->regular);
	for (size_t i = 0; i < c->ninvoices; i++) {
		col[0] = widest(p, col[0], c->invoices[i].number, p->regular);
		col[4] = widest(p, col[4], money_format_fr(c->invoices[i].open_cents, a, sizeof a), p->regular);
	}
	for (size_t i = 0; i <= c->ninvoices; i++) {
		const struct reminder_invoice *x = i ? &c->invoices[i - 1] : NULL;
		const char *cell[NCOL] = { head[0], head[1], head[2], head[3], head[4] };
		if (x) {
			snprintf(days, sizeof days, "%d", x->days_late);
			cell[0] = x->number;
			cell[1] = x->issued_on;
			cell[2] = x->due_on;
			cell[3] = days;
			cell[4] = money_format_fr(x->open_cents, a, sizeof a);
		}
		const PangoFontDescription *f = x ? p->regular : p->bold;
		ensure(p, 14);
		double left = MARGIN, h = 0;
		for (int k = 0; k < NCOL; k++) {
			PangoAlignment al = k >= 3 ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
			double hk = pdfdoc_text(&p->doc, left, p->doc.y, col[k] - (al == PANGO_ALIGN_RIGHT ? 0 : 10), cell[k], f, al);
			if (hk > h)
				h = hk;
			left += col[k];
		}
		p->doc.y += h + 3;
	}
}

static void letter_render(struct letter *p)
{
	p->regular = pdfdoc_font(&p->doc, "DejaVu Sans 9.5");
	p->bold = pdfdoc_font(&p->doc, "DejaVu Sans Bold 9.5");
	p->small = pdfdoc_font(&p->doc, "DejaVu Sans 7.5");
	p->big = pdfdoc_font(&p->doc, "DejaVu Sans Bold 12");
	const struct policy *cfg = p->cfg;
	const struct reminder_client *c = p->c;
	double w = p->doc.w - 2 * MARGIN;
	char buf[1024], a[MONEY_BUF];
	p->doc.y = MARGIN;
	para(p, cfg->centre_name, p->big, 2);
	para(p, cfg->centre_address, p->regular, 0);
	if (cfg->centre_phone[0] || cfg->centre_email[0]) {
		snprintf(buf, sizeof buf, "%s%s%s", cfg->centre_phone, cfg->centre_phone[0] && cfg->centre_email[0] ? "\n" : "",
			cfg->centre_email);
		para(p, buf, p->regular, 0);
	}
	p->doc.y += 18;
	snprintf(buf, sizeof buf, _("Le %s"), p->at);
	/* the date on a line of its own: a long client name beside it ran into it */
	p->doc.y += pdfdoc_text(&p->doc, MARGIN, p->doc.y, w, buf, p->regular, PANGO_ALIGN_RIGHT) + 8;
	para(p, c->org.name, p->bold, 0);
	para(p, c->org.address[0] ? c->org.address : "", p->regular, 18);
	snprintf(buf, sizeof buf, _("Objet : %s — factures échues"), _(reminders_level_label(c->level)));
	para(p, buf, p->bold, 12);
	para(p, _("Madame, Monsieur,"), p->regular, 8);
	snprintf(buf, sizeof buf,
		_("Sauf erreur de notre part, les factures suivantes restent impayées après leur échéance. "
		  "Le solde dû est de %s au %s."), money_format_fr(c->open_cents, a, sizeof a), p->at);
	para(p, buf, p->regular, 10);
	invoice_table(p);
	snprintf(buf, sizeof buf, _("Total dû : %s"), money_format_fr(c->open_cents, a, sizeof a));
	p->doc.y += 6;
	para(p, buf, p->bold, 12);
	para(p, c->level == REMINDER_FINAL
		? _("Sans paiement de votre part dans les dix jours, nous devrons prendre les mesures nécessaires au "
		    "recouvrement de ces sommes.")
		: _("Nous vous prions de régler ce solde dans les meilleurs délais. Si votre paiement a croisé cette "
		    "lettre, veuillez ne pas en tenir compte."), p->regular, 8);
	if (cfg->payment_instructions[0])
		para(p, cfg->payment_instructions, p->regular, 8);
	para(p, _("Veuillez agréer, Madame, Monsieur, nos salutations distinguées."), p->regular, 18);
	para(p, cfg->centre_name, p->regular, 0);
	letter_footer(p);
}

static juste_status letter_write(const struct policy *cfg, const struct reminder_client *c, const char *at,
	const char *path, struct juste_err *e)
{
	struct letter p;
	memset(&p, 0, sizeof p);
	p.cfg = cfg;
	p.c = c;
	p.at = at;
	juste_status st = pdfdoc_open_dry(&p.doc, cfg, e);
	if (st)
		return st;
	letter_render(&p);
	int pages = p.doc.page;
	if ((st = pdfdoc_close(&p.doc, NULL, e)))
		return st;
	char title[NAME_LEN + 64];
	snprintf(title, sizeof title, _("Rappel %s %s"), c->org.code, at);
	if ((st = pdfdoc_open(&p.doc, cfg, path, title, e)))
		return st;
	p.doc.pages = pages;
	letter_render(&p);
	return pdfdoc_close(&p.doc, path, e);
}

juste_status reminder_letters_pdf(struct app *a, const struct reminder_list *l, const char *dir, size_t *written,
	struct juste_err *e)
{
	*written = 0;
	juste_status st = app_require(a, ROLES_REMINDERS, _("préparer les rappels"), e);
	if (st)
		return st;
	if (mkdir(dir, 0775) != 0 && errno != EEXIST)
		return err_set(e, JUSTE_EIO, N_("impossible de créer le dossier %s : %s"), dir, strerror(errno));
	for (size_t i = 0; i < l->nclients; i++) {
		char path[4096];
		if (snprintf(path, sizeof path, _("%s/rappel-%s-%s.pdf"), dir, l->clients[i].org.code, l->at) >=
		    (int)sizeof path)
			return err_set(e, JUSTE_EINVAL, N_("chemin trop long : %s"), dir);
		if ((st = letter_write(&a->policy, &l->clients[i], l->at, path, e)))
			return st;
		(*written)++;
	}
	return JUSTE_OK;
}

void reminder_letters_shutdown(void)
{
	pdfdoc_shutdown();
}
