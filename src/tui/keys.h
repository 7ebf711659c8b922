/*
 * keys.h - key bindings as data.
 *
 * One X-macro lists every action: its scope, its name in the [keys]
 * section of juste.ini, its default keys, a short label for the bottom bar
 * and the help line `?` shows.  The same table yields the enum, the parser
 * of the configuration and the help screen, so they cannot disagree.
 *
 * In juste.ini, `action = key, key` replaces the action's default keys.
 * Key names: a character (`q`, `[`, `é`), `^X` (control), ENTER, TAB,
 * BTAB (shift-tab), ESC, SPACE, BACKSPACE, DEL, LEFT, RIGHT, UP, DOWN,
 * HOME, END, PGUP, PGDN, F1 ... F12, and COMMA for `,`.
 *
 * Editing keys inside a text field (arrows, Home/End, ^A ^E ^U ^K ^W,
 * Backspace, Delete, Enter, Esc) are fixed, like in a shell.
 */
#ifndef JUSTE_TUI_KEYS_H
#define JUSTE_TUI_KEYS_H

#include <stddef.h>
#include <wchar.h>
#include "juste/config.h"
#include "juste/err.h"

/* Scopes: G global (every screen), M moving in lists and tables (every
 * screen that has one), W the week screen.  Later screens add theirs. */
enum key_scope { KS_G = 1, KS_M = 2, KS_W = 4,
	/* O the office screens' shared keys, B Facturation, U Utilisation,
	 * D Données */
	KS_O = 8, KS_B = 16, KS_U = 32, KS_D = 64 };

#define KEY_ACTIONS(X) \
	X(QUIT,      KS_G, "quit",        "q",          N_("quitter"),   N_("quitter juste (confirme s'il reste quelque chose à enregistrer)")) \
	X(HELP,      KS_G, "help",        "?, F1",      N_("aide"),      N_("aide de cet écran")) \
	X(NEXT_VIEW, KS_G, "next_screen", "TAB",        N_("écran"),     N_("écran suivant")) \
	X(PREV_VIEW, KS_G, "prev_screen", "BTAB",       N_("écran"),     N_("écran précédent")) \
	X(REDRAW,    KS_G, "redraw",      "^L",         N_("redessiner"), N_("relire les données et redessiner l'écran")) \
	X(REFRESH,   KS_G, "refresh",     "r, ^R",      N_("actualiser"), N_("relire les données (l'écran se relit aussi seul quand la base change)")) \
	X(LEFT,      KS_M, "left",        "LEFT, h",    N_("gauche"),    N_("colonne précédente")) \
	X(RIGHT,     KS_M, "right",       "RIGHT, l",   N_("droite"),    N_("colonne suivante")) \
	X(UP,        KS_M, "up",          "UP, k",      N_("haut"),      N_("ligne précédente")) \
	X(DOWN,      KS_M, "down",        "DOWN, j",    N_("bas"),       N_("ligne suivante")) \
	X(PAGE_UP,   KS_M, "page_up",     "PGUP",       N_("page"),      N_("page précédente")) \
	X(PAGE_DOWN, KS_M, "page_down",   "PGDN",       N_("page"),      N_("page suivante")) \
	X(FIRST,     KS_M, "first",       "HOME, g",    N_("début"),     N_("première ligne")) \
	X(LAST,      KS_M, "last",        "END, G",     N_("fin"),       N_("dernière ligne")) \
	X(EDIT,      KS_M, "edit",        "ENTER",      N_("modifier"),  N_("modifier l'élément sous le curseur (dans Ma semaine : la cellule, ou la liste de ses saisies)")) \
	X(PREV_WEEK, KS_W, "prev_week",   "[",          N_("sem. préc."), N_("semaine précédente")) \
	X(NEXT_WEEK, KS_W, "next_week",   "]",          N_("sem. suiv."), N_("semaine suivante")) \
	X(TODAY,     KS_W, "today",       "t",          N_("aujourd'hui"), N_("revenir à la semaine d'aujourd'hui")) \
	X(ADD_ROW,   KS_W, "add_row",     "n",          N_("ajouter"),   N_("ajouter une ligne : chercher un mandat par code, titre ou client")) \
	X(NOTE,      KS_W, "note",        "N",          N_("note"),      N_("modifier la note de la saisie sous le curseur")) \
	X(DELETE,    KS_W, "delete",      "d, DEL",     N_("suppr."),    N_("supprimer la saisie sous le curseur (après confirmation)")) \
	X(COPY_WEEK, KS_W, "copy_week",   "c",          N_("copier"),    N_("reprendre les lignes de la semaine dernière (sans les heures)")) \
	X(TIMER,     KS_W, "timer",       "s",          N_("chrono"),    N_("démarrer le chronomètre sur la ligne, l'arrêter (le temps est saisi) ou le passer sur une autre ligne ; une note est demandée")) \
	X(PIN,       KS_W, "pin",         "p",          N_("épingler"),  N_("épingler la ligne sur toutes les semaines, ou la désépingler")) \
	X(DROP_ROW,  KS_W, "drop_row",    "D",          N_("retirer"),   N_("retirer la ligne sous le curseur quand elle n'a pas d'heures cette semaine (la désépingle)")) \
	X(GOTO,      KS_W, "goto",        "g",          N_("aller à"),   N_("aller à une date : AAAA-MM-JJ, aujourd'hui, hier, lundi…, -N jours")) \
	X(TOTALS,    KS_W, "totals",      "m",          N_("mois/exercice"), N_("afficher ou masquer mes heures du mois et de l'exercice : facturables, internes, capacité")) \
	X(SUBMIT_WEEK, KS_W, "submit_week", "S",        N_("soumettre"), N_("soumettre la semaine au gestionnaire : elle est verrouillée jusqu'à ce qu'il l'approuve ou vous la retourne (après confirmation)")) \
	X(ABSENCE,   KS_W, "add_absence", "a",          N_("mon absence"),   N_("inscrire une absence (vacances, maladie, formation…), d'un jour ou d'une période, entière ou en demi-journées ; la capacité en tient compte")) \
	X(ABSENCES,  KS_W, "my_absences", "A",          N_("mes absences"),  N_("mes absences : aller à la semaine de l'une, ou la retirer (d)")) \
	X(BACK,      KS_O, "back",        "ESC, BACKSPACE", N_("retour"), N_("revenir à la liste précédente")) \
	X(NEXT_TAB,  KS_O, "next_tab",    ">, .",       N_("onglet"),    N_("onglet suivant")) \
	X(PREV_TAB,  KS_O, "prev_tab",    "<, COMMA",   N_("onglet"),    N_("onglet précédent")) \
	X(SEARCH,    KS_O, "search",      "/",          N_("chercher"),  N_("filtrer la liste (code, nom ; sans accents ni casse)")) \
	X(PREV_MONTH, KS_B, "prev_month", "[",          N_("mois préc."), N_("mois précédent")) \
	X(NEXT_MONTH, KS_B, "next_month", "]",          N_("mois suiv."), N_("mois suivant")) \
	X(DRAFT,     KS_B, "draft",       "d",          N_("brouillons"), N_("refaire les brouillons du mois (remplace les brouillons, jamais une facture émise)")) \
	X(ISSUE,     KS_B, "issue",       "i",          N_("émettre"),   N_("émettre le mois : toutes les factures sans blocage, numérotées en une transaction (après confirmation)")) \
	X(PDF,       KS_B, "pdf",         "p",          N_("PDF"),       N_("écrire les PDF des factures et notes de crédit émises du mois")) \
	X(CREDIT,    KS_B, "credit",      "C",          N_("note créd."), N_("note de crédit sur la facture émise sous le curseur (motif, totale ou partielle)")) \
	X(SORT,      KS_U, "sort",        "s",          N_("trier"),     N_("trier par la colonne du curseur ; encore une fois pour inverser")) \
	X(PERIOD,    KS_U, "period",      "p",          N_("période"),   N_("semaine, mois ou exercice à ce jour")) \
	X(PREV_PERIOD, KS_U, "prev_period", "[",        N_("préc."),     N_("période précédente")) \
	X(NEXT_PERIOD, KS_U, "next_period", "]",        N_("suiv."),     N_("période suivante")) \
	X(APPROVE_WEEK, KS_U, "approve_week", "a",      N_("approuver"), N_("approuver la semaine soumise sous le curseur (onglet à approuver)")) \
	X(RETURN_WEEK, KS_U, "return_week", "R",        N_("retourner"), N_("retourner la semaine sous le curseur à l'expert, avec un motif : elle se rouvre (onglet à approuver)")) \
	X(NEW_ITEM,  KS_U, "new_item",    "n",          N_("ajouter"),   N_("ajouter une absence (onglet absences) ou une fermeture du centre (onglet fermetures)")) \
	X(REMOVE_ITEM, KS_U, "remove_item", "x, DEL",   N_("retirer"),   N_("retirer l'absence ou la fermeture sous le curseur (après confirmation)")) \
	X(ADD,       KS_D, "add",         "a",          N_("ajouter"),   N_("ajouter un élément à la liste (admin)")) \
	X(CLOSE_ITEM, KS_D, "close_item", "x",          N_("fermer"),    N_("fermer le mandat, ou désactiver l'expert (date de départ) (admin)")) \
	X(CLOSE_MONTH, KS_D, "close_month", "M",        N_("fermer mois"), N_("fermer un mois : ses saisies sont verrouillées pour tous (admin)"))

#define KEY_ACTION_ENUM(id, scope, name, keys, label, help) ACT_##id,
enum action {
	ACT_NONE = 0,
	KEY_ACTIONS(KEY_ACTION_ENUM)
	ACT_COUNT
};
#undef KEY_ACTION_ENUM

/* A key as get_wch gives it: a character, or a curses KEY_* code marked
 * with KEYS_FUNC so the two never collide. */
#define KEYS_FUNC 0x200000
static inline int keys_code(int is_func, wint_t ch)
{
	return is_func ? (KEYS_FUNC | (int)ch) : (int)ch;
}

/* Defaults, then the [keys] of the configuration; a bad action or key name
 * is "juste.ini: [keys] NAME: why" and nothing is changed. */
juste_status keys_load(const struct config *c, struct juste_err *e);

/* The action bound to key in the given scopes, ACT_NONE when none.  The
 * narrowest scope wins (a screen's own keys before the global ones). */
enum action keys_lookup(int scopes, int key);

int keys_scope(enum action a);
const char *keys_name(enum action a);
const char *keys_label(enum action a);     /* translated */
const char *keys_help(enum action a);      /* translated */
/* The keys bound now, as the user writes them: "LEFT, h". */
const char *keys_bound(enum action a);
/* The keys of a that reach it on a screen of these scopes (a narrower
 * scope may take some: `g` is "go to a date" on Ma semaine), as
 * keys_bound writes them; "" when none does. */
const char *keys_bound_in(enum action a, int scopes, char *buf, size_t n);
/* The first bound key, for the bottom bar: "←", "q", "F1". */
void keys_first(enum action a, char *buf, size_t n);

/* Parses one key name; returns -1 when unknown. */
int keys_parse_one(const char *name);

#endif
