/*
 * vocab.h - the domain's words, one table each.
 *
 * Every enum-like word juste stores (a category, a billing mode, a role,
 * an invoice's kind...) is one row of an X-macro table below:
 *
 *     X(ENUM, "word", N_("French label"), properties...)
 *
 * The word is what the database, the CSV files and JSON hold (the schema's
 * CHECKs spell the same words); the label is what people read; the
 * properties are the rules that depend on the word ("counts as operations
 * with members", "billable").  The same table yields the enum, the parser
 * and the formatter, so that a word is spelled once in C: records carry
 * the enums, the store and the importers convert at their boundary, and a
 * rule asks the property, never the word.  tests/test_vocab.sh fails when
 * a word appears as a literal outside this file.
 *
 * Property columns are the literal tokens 0 or 1 (the roles' bit aside),
 * so that the store can also build SQL lists from a table at compile time
 * (store_internal.h).  Rows are in the order reports and lists show them.
 * A new word is a row here and a migration widening the schema's CHECK;
 * tests/test_vocab.sh compares the two.
 */
#ifndef JUSTE_VOCAB_H
#define JUSTE_VOCAB_H

#include <stdbool.h>
#include <stddef.h>

#include "juste/err.h"

#ifndef N_
#define N_(s) (s)
#endif

/* An organisation's category (DOMAIN.md).  member: a member of the
 * cooperative, counted at the year's end; with_members: business with it
 * is part of the operations with members, and earns a ristourne. */
#define CATEGORY_INFO(X) \
	X(CATEGORY_MEMBRE,     "membre",     N_("membre utilisateur"), 1, 1) \
	X(CATEGORY_AUXILIAIRE, "auxiliaire", N_("membre auxiliaire"),  1, 1) \
	X(CATEGORY_SOUTIEN,    "soutien",    N_("membre de soutien"),  1, 0) \
	X(CATEGORY_NON_MEMBRE, "non_membre", N_("non-membre"),         0, 0)

/* How the annual report names each category, beside CATEGORY_INFO (same
 * values, same order): heading, the row of its revenue table; group, under
 * a group of bars of the PDF's chart; short, a line of the screen's chart. */
#define CATEGORY_REPORT_NAMES(X) \
	X(CATEGORY_MEMBRE,     N_("Membres utilisateurs"), N_("Membres"),     N_("membres")) \
	X(CATEGORY_AUXILIAIRE, N_("Membres auxiliaires"),  N_("Auxiliaires"), N_("auxiliaires")) \
	X(CATEGORY_SOUTIEN,    N_("Membres de soutien"),   N_("Soutien"),     N_("soutien")) \
	X(CATEGORY_NON_MEMBRE, N_("Non-membres"),          N_("Non-membres"), N_("non-membres"))

/* A mandate's billing mode.  billable: its hours count as billable and
 * may be invoiced; hourly: priced by the hour from the rates; monthly: a
 * fixed monthly fee. */
#define BILLING_INFO(X) \
	X(BILLING_HORAIRE,        "horaire",        N_("horaire"),        1, 1, 0) \
	X(BILLING_FORFAIT,        "forfait",        N_("forfait"),        1, 0, 1) \
	X(BILLING_NON_FACTURABLE, "non_facturable", N_("non facturable"), 0, 0, 0)

/* An expert's access role.  The enum's values are bits, so that a use
 * case states the set of roles it allows (ROLE_OFFICE, ROLE_ANY); office:
 * works at the office screens (billing, utilisation, records). */
#define ROLE_INFO(X) \
	X(ROLE_EXPERT,       "expert",       N_("expert"),       1 << 0, 0) \
	X(ROLE_COMMIS,       "commis",       N_("commis"),       1 << 1, 1) \
	X(ROLE_GESTIONNAIRE, "gestionnaire", N_("gestionnaire"), 1 << 2, 1) \
	X(ROLE_ADMIN,        "admin",        N_("admin"),        1 << 3, 1)

/* An expert's function, as the annual report counts people. */
#define FUNCTION_INFO(X) \
	X(FUNCTION_PROFESSIONNEL, "professionnel", N_("professionnel")) \
	X(FUNCTION_FORMATEUR,     "formateur",     N_("formateur")) \
	X(FUNCTION_DIRECTION,     "direction",     N_("direction"))

/* An invoice or a credit note.  credit: a credit note, numbered in its
 * own sequence, its amounts <= 0. */
#define INVOICE_KIND_INFO(X) \
	X(INVOICE_KIND_INVOICE, "invoice", N_("facture"),        0) \
	X(INVOICE_KIND_CREDIT,  "credit",  N_("note de crédit"), 1)

/* An invoice's status.  final: numbered and never changed again; it
 * counts in the revenue and locks its entries. */
#define INVOICE_STATUS_INFO(X) \
	X(INVOICE_STATUS_DRAFT,  "draft",  N_("brouillon"), 0) \
	X(INVOICE_STATUS_ISSUED, "issued", N_("émise"),     1)

/* A line of an invoice.  hourly: entries priced by the hour; monthly: a
 * fixed monthly fee; the credit line of a credit note is neither. */
#define LINE_KIND_INFO(X) \
	X(LINE_KIND_HOURS,   "hours",   N_("heures"),  1, 0) \
	X(LINE_KIND_FORFAIT, "forfait", N_("forfait"), 0, 1) \
	X(LINE_KIND_CREDIT,  "credit",  N_("crédit"),  0, 0)

/* Where a Canadian organisation is, and so which taxes its services bear
 * (DOMAIN.md, "Place of supply"); the regime in force in each is dated and
 * lives in the database (sql/008).  An organisation outside Canada has none. */
#define PROVINCE_INFO(X) \
	X(PROVINCE_QC, "QC", N_("Québec")) \
	X(PROVINCE_ON, "ON", N_("Ontario")) \
	X(PROVINCE_NB, "NB", N_("Nouveau-Brunswick")) \
	X(PROVINCE_NS, "NS", N_("Nouvelle-Écosse")) \
	X(PROVINCE_PE, "PE", N_("Île-du-Prince-Édouard")) \
	X(PROVINCE_NL, "NL", N_("Terre-Neuve-et-Labrador")) \
	X(PROVINCE_MB, "MB", N_("Manitoba")) \
	X(PROVINCE_SK, "SK", N_("Saskatchewan")) \
	X(PROVINCE_AB, "AB", N_("Alberta")) \
	X(PROVINCE_BC, "BC", N_("Colombie-Britannique")) \
	X(PROVINCE_YT, "YT", N_("Yukon")) \
	X(PROVINCE_NT, "NT", N_("Territoires du Nord-Ouest")) \
	X(PROVINCE_NU, "NU", N_("Nunavut"))

/* The language an organisation reads: its invoices, credit notes,
 * statements, reminder letters and mails are written in it, whatever the
 * language of the clerk's screen (sql/014). */
#define LANGUAGE_INFO(X) \
	X(LANGUAGE_FR, "fr", N_("français")) \
	X(LANGUAGE_EN, "en", N_("anglais"))

/* The taxes of an invoice, by where its client is.  An invoice has two
 * tax slots (sql/004: tps_*, tvq_*): the first holds the federal tax, TPS
 * or, in a harmonized province, TVH (one tax under one registration
 * number, at the harmonized rate); the second the TVQ.  gst: the first slot
 * is the TPS; hst: it is the TVH; qst: the second slot is the TVQ.  A
 * zero-rated export has neither, and says why. */
#define TAX_REGIME_INFO(X) \
	X(TAX_REGIME_TPS_TVQ, "tps_tvq", N_("TPS et TVQ"),           1, 0, 1) \
	X(TAX_REGIME_TVH,     "tvh",     N_("TVH"),                  0, 1, 0) \
	X(TAX_REGIME_TPS,     "tps",     N_("TPS seulement"),        1, 0, 0) \
	X(TAX_REGIME_DETAXE,  "detaxe",  N_("détaxé (exportation)"), 0, 0, 0)

/* A tax as an invoice names it, with its rate: "TVH (13 %)".  Not stored
 * as a word: the slot and the invoice's regime say which it is. */
#define TAX_INFO(X) \
	X(TAX_TPS, "tps", N_("TPS")) \
	X(TAX_TVQ, "tvq", N_("TVQ")) \
	X(TAX_TVH, "tvh", N_("TVH"))

/* Where an invoice stands, as lists show it: derived from its status, its
 * blockers and its credit notes, never stored.  open: it still bills
 * something (its entries stay locked). */
#define INVOICE_STATE_INFO(X) \
	X(INVOICE_STATE_DRAFT,           "draft",           N_("brouillon"),          0) \
	X(INVOICE_STATE_HELD,            "held",            N_("retenu"),             0) \
	X(INVOICE_STATE_ISSUED,          "issued",          N_("émise"),              1) \
	X(INVOICE_STATE_PARTLY_CREDITED, "partly_credited", N_("créditée en partie"), 1) \
	X(INVOICE_STATE_PARTLY_PAID,     "partly_paid",     N_("payée en partie"),    1) \
	X(INVOICE_STATE_PAID,            "paid",            N_("payée"),              0) \
	X(INVOICE_STATE_CREDITED,        "credited",        N_("créditée"),           0)

/* What holds a draft back (typed, turned into words only when shown). */
#define BLOCKER_INFO(X) \
	X(BLOCKER_NO_ADDRESS, "no_address", N_("adresse de facturation manquante")) \
	X(BLOCKER_NO_TABLE,   "no_table",   N_("aucune table de taux en vigueur")) \
	X(BLOCKER_NO_RATE,    "no_rate",    N_("aucun taux pour le service et la catégorie")) \
	X(BLOCKER_MORE,       "more",       N_("autres saisies sans taux")) \
	X(BLOCKER_UNPRICED,   "unpriced",   N_("saisies sans taux")) \
	X(BLOCKER_UNAPPROVED, "unapproved", N_("semaine non approuvée")) \
	X(BLOCKER_UNAPPROVED_MORE, "unapproved_more", N_("autres saisies de semaines non approuvées")) \
	X(BLOCKER_UNAPPROVED_ALL, "unapproved_total", N_("saisies de semaines non approuvées")) \
	X(BLOCKER_STALE,      "stale",      N_("brouillon d'une version antérieure"))

/* What a line of the audit log is about. */
#define ENTITY_INFO(X) \
	X(ENTITY_ENTRY,       "entry",       N_("saisie")) \
	X(ENTITY_MANDATE,     "mandate",     N_("mandat")) \
	X(ENTITY_ORG,         "org",         N_("organisation")) \
	X(ENTITY_EXPERT,      "expert",      N_("expert")) \
	X(ENTITY_SERVICE,     "service",     N_("service")) \
	X(ENTITY_PROGRAM,     "program",     N_("programme")) \
	X(ENTITY_RATE,        "rate",        N_("taux")) \
	X(ENTITY_INVOICE,     "invoice",     N_("facture")) \
	X(ENTITY_PAYMENT,     "payment",     N_("paiement")) \
	X(ENTITY_FINANCE,     "finance",     N_("chiffres financiers")) \
	X(ENTITY_DEVAFFAIRES, "devaffaires", N_("développement des affaires")) \
	X(ENTITY_MONTH,       "month",       N_("mois")) \
	X(ENTITY_CLOSURE,     "closure",     N_("fermeture du centre")) \
	X(ENTITY_ABSENCE,     "absence",     N_("absence")) \
	X(ENTITY_WEEK,        "week",        N_("semaine")) \
	X(ENTITY_TEAM,        "team",        N_("équipe de mandat")) \
	X(ENTITY_SETTING,     "setting",     N_("réglage")) \
	X(ENTITY_DATABASE,    "database",    N_("base de données")) \
	X(ENTITY_MAIL,        "mail",        N_("courriel envoyé"))

/* What a line of the audit log did. */
#define ACTION_INFO(X) \
	X(ACTION_INSERT, "insert", N_("ajout")) \
	X(ACTION_UPDATE, "update", N_("modification")) \
	X(ACTION_DELETE, "delete", N_("suppression")) \
	X(ACTION_CLOSE,  "close",  N_("fermeture")) \
	X(ACTION_REOPEN, "reopen", N_("réouverture"))

/* A business-development step, by kind and by kind of partner. */
#define DEV_KIND_INFO(X) \
	X(DEV_KIND_EVENEMENT, "evenement", N_("événement")) \
	X(DEV_KIND_RENCONTRE, "rencontre", N_("rencontre"))

/* What the annual report counts under each partner, by kind (beside
 * DEV_KIND_INFO: same values, same order). */
#define DEV_KIND_REPORT_NAMES(X) \
	X(DEV_KIND_EVENEMENT, N_("Participation à des événements")) \
	X(DEV_KIND_RENCONTRE, N_("Rencontres de développement"))

#define PARTNER_INFO(X) \
	X(PARTNER_RESEAUX,   "reseaux",   N_("Réseaux coopératifs et mutualistes")) \
	X(PARTNER_OBNL,      "obnl",      N_("Regroupements sectoriels et territoriaux d'OBNL")) \
	X(PARTNER_RELAYEURS, "relayeurs", N_("Partenaires relayeurs"))

/* How the utilisation report groups its rows (`--by`, its CSV column). */
#define REPORT_BY_INFO(X) \
	X(REPORT_BY_EXPERT,  "expert",  N_("expert")) \
	X(REPORT_BY_MANDATE, "mandate", N_("mandat")) \
	X(REPORT_BY_ORG,     "org",     N_("organisation")) \
	X(REPORT_BY_PROGRAM, "program", N_("programme")) \
	X(REPORT_BY_SERVICE, "service", N_("service"))

/* An expert's gender, as the annual report counts people (optional). */
#define GENDER_INFO(X) \
	X(GENDER_F, "F", N_("femme")) \
	X(GENDER_M, "M", N_("homme")) \
	X(GENDER_X, "X", N_("autre"))

/* An invoice's payment state, derived from its payments and credit notes
 * (never stored): payments.h. */
#define PAYMENT_STATE_INFO(X) \
	X(PAYMENTS_UNPAID,   "unpaid",   N_("impayée")) \
	X(PAYMENTS_PARTIAL,  "partial",  N_("payée en partie")) \
	X(PAYMENTS_PAID,     "paid",     N_("payée")) \
	X(PAYMENTS_CREDITED, "credited", N_("créditée"))

/* How a client paid (a payment's method). */
#define PAYMENT_METHOD_INFO(X) \
	X(PAYMENT_METHOD_CHEQUE,   "cheque",   N_("chèque")) \
	X(PAYMENT_METHOD_VIREMENT, "virement", N_("virement")) \
	X(PAYMENT_METHOD_DEPOT,    "depot",    N_("dépôt direct")) \
	X(PAYMENT_METHOD_CARTE,    "carte",    N_("carte de crédit")) \
	X(PAYMENT_METHOD_AUTRE,    "autre",    N_("autre"))
/* The books of account (juste ledger): the kinds of account the journal
 * posts to, the setting that names each (ledger.WORD), the account it has
 * by default (a chart of accounts of four digits, as Sage 50 wants them),
 * and the setting's documentation. */
#define LEDGER_ACCOUNT_INFO(X) \
	X(LEDGER_RECEIVABLES, "receivables",    N_("comptes clients"),      "1200", N_("compte des comptes clients (1200), pour juste ledger")) \
	X(LEDGER_REVENUE,     "revenue",        N_("produits des services"), "4000", N_("compte des produits des services facturés, avant taxes (4000)")) \
	X(LEDGER_TPS,         "tps_payable",    N_("TPS à payer"),          "2310", N_("compte de la TPS à payer (2310)")) \
	X(LEDGER_TVQ,         "tvq_payable",    N_("TVQ à payer"),          "2320", N_("compte de la TVQ à payer (2320)")) \
	X(LEDGER_TVH,         "tvh_payable",    N_("TVH à payer"),          "2330", N_("compte de la TVH à payer (2330)")) \
	X(LEDGER_BANK,        "bank",           N_("encaisse"),             "1060", N_("compte de banque où les paiements sont déposés (1060)")) \
	X(LEDGER_CREDITS,     "client_credits", N_("crédits des clients"),  "2400", N_("compte des crédits au compte des clients, payés d'avance (2400)"))

/* The reminders sent for an overdue invoice (juste reminders): each level
 * from its number of days past the due date (the setting
 * reminders.WORD_days, its default here), the letter's subject. */
#define REMINDER_LEVEL_INFO(X) \
	X(REMINDER_FIRST,  "first_reminder",  N_("premier rappel"),  15, N_("jours de retard du premier rappel (15)")) \
	X(REMINDER_SECOND, "second_reminder", N_("deuxième rappel"), 30, N_("jours de retard du deuxième rappel (30)")) \
	X(REMINDER_FINAL,  "final_notice",  N_("dernier avis"),    45, N_("jours de retard du dernier avis (45)"))

/* An expert's recorded absence (DOMAIN.md, capacity): a day absent is
 * not working time, whatever the kind. */
#define ABSENCE_KIND_INFO(X) \
	X(ABSENCE_VACANCES,  "vacances",  N_("vacances")) \
	X(ABSENCE_MALADIE,   "maladie",   N_("maladie")) \
	X(ABSENCE_FORMATION, "formation", N_("formation")) \
	X(ABSENCE_PARENTAL,  "parental",  N_("congé parental")) \
	X(ABSENCE_AUTRE,     "autre",     N_("autre absence"))

/* Where an expert's week stands in its approval.  locked: its entries no
 * longer change (a returned week is open again). */
#define WEEK_STATUS_INFO(X) \
	X(WEEK_SUBMITTED, "submitted", N_("soumise"),    1) \
	X(WEEK_APPROVED,  "approved",  N_("approuvée"),  1) \
	X(WEEK_RETURNED,  "returned",  N_("retournée"),  0)

/* What a message of the send log carried (juste invoice sent): an invoice
 * or credit note, a statement of account, a reminder letter. */
#define MAIL_DOC_INFO(X) \
	X(MAIL_DOC_INVOICE,   "invoice",   N_("facture")) \
	X(MAIL_DOC_STATEMENT, "statement", N_("relevé de compte")) \
	X(MAIL_DOC_REMINDER,  "reminder",  N_("lettre de rappel"))

/* --- the enums ---------------------------------------------------------- */

#define VOCAB_ENUM(e, ...) e,
#define VOCAB_ENUM_BIT(e, w, l, bit, ...) e = (bit),
#define VOCAB_BIT_ALL(e, w, l, bit, ...) | (bit)
#define VOCAB_BIT_OFFICE(e, w, l, bit, office) | ((office) ? (bit) : 0)

enum org_category { CATEGORY_INFO(VOCAB_ENUM) CATEGORY_COUNT };
enum billing_mode { BILLING_INFO(VOCAB_ENUM) BILLING_COUNT };
#define VOCAB_ONE(e, ...) + 1
enum role { ROLE_INFO(VOCAB_ENUM_BIT) };
enum {
	ROLE_COUNT = 0 ROLE_INFO(VOCAB_ONE),
	ROLE_ANY = 0 ROLE_INFO(VOCAB_BIT_ALL),
	ROLE_OFFICE = 0 ROLE_INFO(VOCAB_BIT_OFFICE)
};
enum expert_function { FUNCTION_INFO(VOCAB_ENUM) FUNCTION_COUNT };
enum invoice_kind { INVOICE_KIND_INFO(VOCAB_ENUM) INVOICE_KIND_COUNT };
enum invoice_status { INVOICE_STATUS_INFO(VOCAB_ENUM) INVOICE_STATUS_COUNT };
enum line_kind { LINE_KIND_INFO(VOCAB_ENUM) LINE_KIND_COUNT };
enum audit_entity { ENTITY_INFO(VOCAB_ENUM) ENTITY_COUNT };
enum audit_action { ACTION_INFO(VOCAB_ENUM) ACTION_COUNT };
enum dev_kind { DEV_KIND_INFO(VOCAB_ENUM) DEV_KIND_COUNT };
enum dev_partner { PARTNER_INFO(VOCAB_ENUM) PARTNER_COUNT };
enum report_by { REPORT_BY_INFO(VOCAB_ENUM) REPORT_BY_COUNT };
enum payment_method { PAYMENT_METHOD_INFO(VOCAB_ENUM) PAYMENT_METHOD_COUNT };
/* GENDER_NONE: not given; it is stored as NULL, not as a word. */
enum absence_kind { ABSENCE_KIND_INFO(VOCAB_ENUM) ABSENCE_KIND_COUNT };
enum week_status { WEEK_STATUS_INFO(VOCAB_ENUM) WEEK_STATUS_COUNT };
enum mail_doc { MAIL_DOC_INFO(VOCAB_ENUM) MAIL_DOC_COUNT };
enum gender { GENDER_NONE = -1, GENDER_INFO(VOCAB_ENUM) GENDER_COUNT };
enum province { PROVINCE_INFO(VOCAB_ENUM) PROVINCE_COUNT };
enum language { LANGUAGE_INFO(VOCAB_ENUM) LANGUAGE_COUNT };
enum tax_regime { TAX_REGIME_INFO(VOCAB_ENUM) TAX_REGIME_COUNT };
enum ledger_account { LEDGER_ACCOUNT_INFO(VOCAB_ENUM) LEDGER_ACCOUNT_COUNT };
enum reminder_level { REMINDER_LEVEL_INFO(VOCAB_ENUM) REMINDER_LEVEL_COUNT };
enum tax { TAX_INFO(VOCAB_ENUM) TAX_COUNT };
enum invoice_state { INVOICE_STATE_INFO(VOCAB_ENUM) INVOICE_STATE_COUNT };
enum blocker_kind { BLOCKER_INFO(VOCAB_ENUM) BLOCKER_COUNT };

/* --- words, labels, parsing --------------------------------------------- */

/* The tables, for what is common to every kind of word. */
enum vocab_kind {
	VOCAB_CATEGORY, VOCAB_BILLING, VOCAB_ROLE, VOCAB_FUNCTION, VOCAB_INVOICE_KIND,
	VOCAB_INVOICE_STATUS, VOCAB_LINE_KIND, VOCAB_ENTITY, VOCAB_ACTION, VOCAB_DEV_KIND,
	VOCAB_PARTNER, VOCAB_REPORT_BY, VOCAB_GENDER, VOCAB_PROVINCE, VOCAB_TAX_REGIME, VOCAB_TAX,
	VOCAB_INVOICE_STATE, VOCAB_BLOCKER,
	VOCAB_PAYMENT_METHOD, VOCAB_ABSENCE_KIND, VOCAB_WEEK_STATUS, VOCAB_LANGUAGE, VOCAB_MAIL_DOC, VOCAB_KINDS
};

/* How many words the table has, and the enum value of its i-th row
 * (i for every table but the roles, whose values are bits). */
size_t vocab_count(enum vocab_kind k);
int vocab_value(enum vocab_kind k, size_t i);
/* The row of value v, 0 .. vocab_count - 1, or -1 when v is not in the
 * table: an index for arrays counted by kind (the roles' values are bits). */
int vocab_index(enum vocab_kind k, int v);

/* The word of a value ("" when the value is not in the table), its label
 * translated through err_translate (the msgid when no hook is set). */
const char *vocab_word(enum vocab_kind k, int v);
const char *vocab_label(enum vocab_kind k, int v);

/* The value of a word, exactly as stored (no case folding, no trimming).
 * An unknown word (or NULL) is JUSTE_EINVAL naming the word and the words
 * accepted, with the record's field set: "catégorie inconnue 'x' (membre,
 * auxiliaire, soutien ou non_membre)". */
juste_status vocab_parse(enum vocab_kind k, const char *word, int *out, struct juste_err *e);

/* JUSTE_OK when v is a value of the table, else vocab_parse's message
 * naming the number ("#7"): for records built in code. */
juste_status vocab_check(enum vocab_kind k, int v, struct juste_err *e);

/* The table's words with `sep` between them and `last` before the last
 * one: vocab_list(VOCAB_BILLING, " | ", " | ", ...) for a form's hint. */
char *vocab_list(enum vocab_kind k, const char *sep, const char *last, char *buf, size_t n);

/* Typed forms of the above, one set per table.  *_parse leaves *out
 * unchanged on failure. */
const char *vocab_category_word(enum org_category c);
const char *vocab_category_label(enum org_category c);
juste_status vocab_category_parse(const char *word, enum org_category *out, struct juste_err *e);
const char *vocab_billing_word(enum billing_mode b);
const char *vocab_billing_label(enum billing_mode b);
juste_status vocab_billing_parse(const char *word, enum billing_mode *out, struct juste_err *e);
const char *vocab_role_word(enum role r);
const char *vocab_role_label(enum role r);
juste_status vocab_role_parse(const char *word, enum role *out, struct juste_err *e);
const char *vocab_function_word(enum expert_function f);
const char *vocab_function_label(enum expert_function f);
juste_status vocab_function_parse(const char *word, enum expert_function *out, struct juste_err *e);
const char *vocab_invoice_kind_word(enum invoice_kind k);
const char *vocab_invoice_kind_label(enum invoice_kind k);
juste_status vocab_invoice_kind_parse(const char *word, enum invoice_kind *out, struct juste_err *e);
const char *vocab_invoice_status_word(enum invoice_status s);
const char *vocab_invoice_status_label(enum invoice_status s);
juste_status vocab_invoice_status_parse(const char *word, enum invoice_status *out, struct juste_err *e);
const char *vocab_line_kind_word(enum line_kind k);
const char *vocab_line_kind_label(enum line_kind k);
juste_status vocab_line_kind_parse(const char *word, enum line_kind *out, struct juste_err *e);
const char *vocab_entity_word(enum audit_entity x);
const char *vocab_entity_label(enum audit_entity x);
juste_status vocab_entity_parse(const char *word, enum audit_entity *out, struct juste_err *e);
const char *vocab_action_word(enum audit_action x);
const char *vocab_action_label(enum audit_action x);
juste_status vocab_action_parse(const char *word, enum audit_action *out, struct juste_err *e);
const char *vocab_dev_kind_word(enum dev_kind k);
const char *vocab_dev_kind_label(enum dev_kind k);
juste_status vocab_dev_kind_parse(const char *word, enum dev_kind *out, struct juste_err *e);
const char *vocab_partner_word(enum dev_partner p);
const char *vocab_partner_label(enum dev_partner p);
juste_status vocab_partner_parse(const char *word, enum dev_partner *out, struct juste_err *e);
const char *vocab_report_by_word(enum report_by b);
const char *vocab_report_by_label(enum report_by b);
juste_status vocab_report_by_parse(const char *word, enum report_by *out, struct juste_err *e);
/* GENDER_NONE has the word "" and the label "". */
const char *vocab_gender_word(enum gender g);
const char *vocab_gender_label(enum gender g);
juste_status vocab_gender_parse(const char *word, enum gender *out, struct juste_err *e);
const char *vocab_province_word(enum province p);
const char *vocab_province_label(enum province p);
juste_status vocab_province_parse(const char *word, enum province *out, struct juste_err *e);
const char *vocab_language_word(enum language l);
const char *vocab_language_label(enum language l);
juste_status vocab_language_parse(const char *word, enum language *out, struct juste_err *e);
const char *vocab_tax_regime_word(enum tax_regime r);
const char *vocab_tax_regime_label(enum tax_regime r);
juste_status vocab_tax_regime_parse(const char *word, enum tax_regime *out, struct juste_err *e);
const char *vocab_tax_word(enum tax t);
const char *vocab_tax_label(enum tax t);
juste_status vocab_tax_parse(const char *word, enum tax *out, struct juste_err *e);
const char *vocab_invoice_state_word(enum invoice_state s);
const char *vocab_invoice_state_label(enum invoice_state s);
juste_status vocab_invoice_state_parse(const char *word, enum invoice_state *out, struct juste_err *e);
const char *vocab_blocker_word(enum blocker_kind b);
const char *vocab_blocker_label(enum blocker_kind b);
juste_status vocab_blocker_parse(const char *word, enum blocker_kind *out, struct juste_err *e);

/* The annual report's names of a category and of a kind of step, translated
 * ("" for a value outside the table). */
const char *vocab_category_heading(enum org_category c);
const char *vocab_category_group(enum org_category c);
const char *vocab_category_short(enum org_category c);
const char *vocab_dev_kind_heading(enum dev_kind k);

const char *vocab_payment_method_word(enum payment_method m);
const char *vocab_payment_method_label(enum payment_method m);
juste_status vocab_payment_method_parse(const char *word, enum payment_method *out, struct juste_err *e);
const char *vocab_absence_kind_word(enum absence_kind k);
const char *vocab_absence_kind_label(enum absence_kind k);
juste_status vocab_absence_kind_parse(const char *word, enum absence_kind *out, struct juste_err *e);
const char *vocab_week_status_word(enum week_status s);
const char *vocab_week_status_label(enum week_status s);
juste_status vocab_week_status_parse(const char *word, enum week_status *out, struct juste_err *e);
const char *vocab_mail_doc_word(enum mail_doc d);
const char *vocab_mail_doc_label(enum mail_doc d);
juste_status vocab_mail_doc_parse(const char *word, enum mail_doc *out, struct juste_err *e);

/* --- properties ---------------------------------------------------------- */

bool vocab_category_member(enum org_category c);
bool vocab_category_with_members(enum org_category c);
bool vocab_billing_billable(enum billing_mode b);
bool vocab_billing_hourly(enum billing_mode b);
bool vocab_billing_monthly(enum billing_mode b);
bool vocab_role_office(enum role r);
bool vocab_invoice_kind_credit(enum invoice_kind k);
bool vocab_invoice_status_final(enum invoice_status s);
bool vocab_line_kind_hourly(enum line_kind k);
bool vocab_line_kind_monthly(enum line_kind k);
bool vocab_tax_regime_gst(enum tax_regime r);
bool vocab_tax_regime_hst(enum tax_regime r);
bool vocab_tax_regime_qst(enum tax_regime r);
bool vocab_invoice_state_open(enum invoice_state s);
bool vocab_week_status_locked(enum week_status s);

#endif
