/*
 * main.c - global options, the table of commands, and the only place that
 * prints an error and chooses the exit code.
 */
#include <getopt.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "juste/date_input.h"
#include "juste/i18n.h"
#include "juste/privilege.h"
#include "juste/text.h"

static const struct cli_command commands[] = {
	{ "init", N_("juste init [--admin LOGIN]\n"
	  "  --admin LOGIN   (root seulement) inscrit ce compte Unix comme admin : l'installation d'un\n"
	  "                  serveur partagé (scripts/install-server)"),
	  N_("crée la base de données et vous y inscrit comme admin"), cli_init, CLI_NEEDS_DB | CLI_CREATES_DB, NULL },
	{ "import", N_("juste import orgs|experts|services|programs|mandates|entries FICHIER.csv [--dry-run]\n"
	  "  --dry-run   valide tout le fichier sans rien écrire"),
	  N_("importe un fichier CSV, en entier ou pas du tout"), cli_import, CLI_NEEDS_USER, NULL },
	{ "export", N_("juste export orgs|experts|services|programs|mandates|entries|invoices|payments\n"
	  "             [--format csv|json] [--from DATE] [--to DATE] [-o FICHIER]\n"
	  "  invoices (factures et notes de crédit émises, par date d'émission) et payments (paiements,\n"
	  "  annulés compris, par date de réception) : export seulement ; commis, gestionnaire, admin."),
	  N_("exporte les données avec les mêmes colonnes que l'import"), cli_export, CLI_NEEDS_USER, NULL },
	{ "log", N_("juste log [--date DATE] DURÉE MANDAT [NOTE]\n"
	  "  DURÉE : 1h30, 1:30, 90m, 1,5 ou 1.5 ; MANDAT sans égard à la casse (m-1 = M-1)\n"
	  "  DATE (aujourd'hui par défaut ; de même pour toute option DATE) : AAAA-MM-JJ, aujourd'hui,\n"
	  "  hier, un jour de la semaine (lundi … dimanche : le dernier passé, jamais aujourd'hui) ou\n"
	  "  -N (il y a N jours) ; en anglais aussi : today, yesterday, monday …"),
	  N_("saisit des heures sur un mandat"), cli_log, CLI_NEEDS_USER, NULL },
	{ "entries", N_("juste entries [--from DATE] [--to DATE] [--expert LOGIN] [--mandate CODE]\n"
	  "              [--org CODE] [--format table|csv|json] [--priced]\n"
	  "  --priced    ajoute le taux, le montant et la règle qui a choisi le taux (juste rate explain)"),
	  N_("liste les saisies, avec les totaux"), cli_entries, CLI_NEEDS_USER, NULL },
	{ "entry", N_("juste entry edit ID [--date DATE] [--duration DURÉE] [--mandate CODE] [--note NOTE]\n"
	  "juste entry rm ID"),
	  N_("modifie ou supprime une de vos saisies"), cli_entry, CLI_NEEDS_USER, "edit rm" },
	{ "audit", N_("juste audit [--from DATE] [--to DATE] [--expert LOGIN] [--format table|csv|json]\n"
	  "            [--entity entry|mandate|org|expert|service|program|rate|invoice|payment|finance|devaffaires|month|closure|absence|week|team|setting|database|mail]\n"
	  "  chaque modification : quand, qui (pour qui), quoi (type, UUID et code), l'action, et la ligne\n"
	  "  avant et après, où les renvois sont des codes (login, code de mandat ou d'organisation, numéro)"),
	  N_("journal des modifications (gestionnaire, admin)"), cli_audit, CLI_NEEDS_USER, NULL },
	{ "check", N_("juste check"),
	  N_("vérifie l'intégrité de la base, les règles du domaine et l'identité du centre"), cli_check, CLI_NEEDS_USER, NULL },
	{ "backup", N_("juste backup FICHIER\n"
	  "  une copie cohérente de la base en service pendant que les autres écrivent (VACUUM INTO),\n"
	  "  écrite dans un fichier temporaire à côté de FICHIER, vérifiée (integrity_check, base juste du\n"
	  "  schéma courant), synchronisée sur disque puis renommée en FICHIER, qui vous appartient (mode\n"
	  "  0600).  Un lien symbolique à la place de FICHIER est refusé ; en cas d'échec (disque plein…)\n"
	  "  rien n'est écrit.\n"
	  "  Tous les soirs : scripts/juste-backup (voir le README).  Admin."),
	  N_("copie de sauvegarde de la base en service (admin)"), cli_backup, CLI_NEEDS_USER, NULL },
	{ "restore", N_("juste restore FICHIER [--keep COPIE]\n"
	  "  remet la copie FICHIER à la place de la base en service.  FICHIER doit être une base juste\n"
	  "  saine, d'un schéma connu (un plus ancien est mis à jour), où juste check ne trouve rien ;\n"
	  "  sinon chaque problème est affiché et la base reste inchangée.  La base actuelle est d'abord\n"
	  "  gardée dans COPIE (par défaut juste-avant-restauration-DATE-HEURE.db à côté de\n"
	  "  FICHIER ; jamais par-dessus un fichier), puis remplacée en une transaction : les autres voient\n"
	  "  l'avant ou l'après, jamais un mélange.  La restauration est inscrite au journal d'audit de la\n"
	  "  base restaurée (qui, quand, depuis quel fichier, où est l'ancienne).  Admin."),
	  N_("remet une copie de sauvegarde en place (admin)"), cli_restore, CLI_NEEDS_USER, NULL },
	{ "demo", N_("juste demo [--db CHEMIN] [--quiet] [--open]\n"
	  "  construit la base de démonstration ($XDG_DATA_HOME/juste/demo.db par défaut) ;\n"
	  "  --open l'ouvre ensuite dans l'interface plein écran"),
	  N_("construit une base de démonstration réaliste"), cli_demo, CLI_NEEDS_NOTHING, NULL },
	{ "rate", N_("juste rate import FICHIER.csv [--name NOM] [--correction]\n"
	  "juste rate negotiate (--mandate CODE | --org CODE --service CODE) --rate MONTANT --from DATE [--to DATE]\n"
	  "juste rate list [--at DATE] [--format table|csv|json]\n"
	  "juste rate show [--at DATE] [--format table|csv|json]\n"
	  "juste rate explain --mandate CODE [--date DATE] [--format table|csv|json]\n"
	  "juste rate check [--from DATE] [--to DATE] [--format table|csv|json]\n"
	  "juste rate propose --fy 2020-2021 [--from DATE] [--format table|json] [--adopt --from DATE [--name NOM]]\n"
	  "\n"
	  "  import     une nouvelle table, colonnes valid_from,service,category,rate (une seule date) ;\n"
	  "             tout le fichier ou rien.  Une table n'est jamais modifiée ni supprimée (la base le\n"
	  "             refuse) : une correction est une nouvelle table ; --correction l'autorise à la même\n"
	  "             date, la plus récente l'emporte alors.  Admin.\n"
	  "  negotiate  taux négocié d'un mandat, ou d'une organisation pour un service, à partir de --from ;\n"
	  "             il prend fin après --to (inclus) ou quand le taux négocié suivant commence.  Admin.\n"
	  "  list       les tables (* : en vigueur à DATE) et les taux négociés avec leur état\n"
	  "  show       la table en vigueur à DATE (aujourd'hui par défaut) ; en csv, les colonnes de l'import\n"
	  "  explain    le taux d'une heure du mandat à DATE et la règle qui l'a choisi : le taux négocié\n"
	  "             du mandat, puis celui du client pour le service, puis la table (service, catégorie)\n"
	  "  check      les saisies facturables à l'heure sans taux ; code 1 s'il y en a (commis,\n"
	  "             gestionnaire, admin).  Rien n'est jamais facturé à 0.  En csv, les comptes sur\n"
	  "             la sortie d'erreur.\n"
	  "  propose    taux au juste coût tirés des données de l'exercice (juste cost import) ; --adopt\n"
	  "             en fait une nouvelle table à partir de --from (admin).  Gestionnaire, admin."),
	  N_("tables de taux, taux négociés, explication et calcul des taux au juste coût"), cli_rate, CLI_NEEDS_USER, "import negotiate list show explain check propose" },
	{ "cost", N_("juste cost import FICHIER.csv\n"
	  "  colonnes fy,item,code,services,headcount,salary_mass,benefits_rate,hours_per_expert,amount ;\n"
	  "  item level : un niveau d'expertise (code, services séparés par des espaces, effectif, masse\n"
	  "  salariale, taux d'avantages sociaux en %, heures facturables visées par personne) ;\n"
	  "  item overhead : frais généraux (amount ; plusieurs lignes s'additionnent) ;\n"
	  "  item surplus : l'excédent prévu (amount).  Un exercice par fichier ; le réimporter le remplace.\n"
	  "  Gestionnaire, admin."),
	  N_("données de coûts d'un exercice pour le calcul des taux au juste coût"), cli_cost, CLI_NEEDS_USER, "import" },
	{ "week", N_("juste week [--date DATE] [--format table|csv|json]\n"
	  "juste week submit [--date DATE]\n"
	  "juste week approve LOGIN --date DATE\n"
	  "juste week return LOGIN --date DATE --reason TEXTE\n"
	  "juste week status [--date DATE] [--format table|csv|json]\n"
	  "  la semaine (lundi à dimanche) qui contient DATE (aujourd'hui par défaut), comme l'écran\n"
	  "  Ma semaine : mandats saisis ou épinglés, minutes par jour, totaux, capacité ; * verrouillé.\n"
	  "  submit   soumet votre semaine : ses saisies sont verrouillées (pour tous) ;\n"
	  "  approve  approuve la semaine soumise de LOGIN (gestionnaire, admin) : elle reste verrouillée ;\n"
	  "  return   la lui retourne avec la raison (gestionnaire, admin) : elle se rouvre ;\n"
	  "  status   qui est manquant, soumis, approuvé ou retourné cette semaine-là (un expert : lui-même).\n"
	  "  Avec le réglage approval.required_for_billing à 1, seules les semaines approuvées sont facturées."),
	  N_("votre semaine : heures par mandat et par jour"), cli_week, CLI_NEEDS_USER, NULL },
	{ "timer", N_("juste timer start MANDAT [NOTE] | stop [NOTE] | switch MANDAT [NOTE] | status | cancel\n"
	  "  un chronomètre par personne, gardé dans la base (visible de tout terminal) ; stop saisit le\n"
	  "  temps arrondi à la minute supérieure (1 min au moins) au jour où il a démarré, avec la note\n"
	  "  donnée au démarrage ou celle de stop ; switch arrête et saisit celui qui tourne et en démarre\n"
	  "  un sur MANDAT, en une transaction"),
	  N_("chronomètre : démarrer, arrêter (et saisir), état, annuler"), cli_timer, CLI_NEEDS_USER, "start stop switch status cancel" },
	{ "month", N_("juste month close|reopen AAAA-MM\n"
	  "juste month list [--format table|csv|json]\n"
	  "  un mois fermé : la base refuse d'y ajouter, modifier ou supprimer des saisies.\n"
	  "  Gestionnaire, admin."),
	  N_("ferme ou rouvre un mois (gestionnaire, admin)"), cli_month, CLI_NEEDS_USER, "close reopen list" },
	{ "invoice", N_("juste invoice draft AAAA-MM [--org CODE]\n"
	  "juste invoice issue AAAA-MM [--org CODE] [--date DATE] [--early]\n"
	  "juste invoice credit NUMÉRO --reason \"…\" [--amount 120.00] [--date DATE]\n"
	  "juste invoice list [--month AAAA-MM] [--org CODE] [--status draft|issued] [--kind invoice|credit]\n"
	  "                   [--format table|csv|json]\n"
	  "juste invoice show NUMÉRO|#ID [--format text|json|pdf] [--no-detail] [-o FICHIER]\n"
	  "juste invoice pdf AAAA-MM -o DOSSIER [--org CODE] [--no-detail]\n"
	  "juste invoice journal --from DATE --to DATE [--format table|csv|json]\n"
	  "juste invoice increment (--mandate CODE | --org CODE) MINUTES|none\n"
	  "juste invoice send AAAA-MM|NUMÉRO [--again]\n"
	  "juste invoice sent [--client CODE] [--format table|csv|json]\n"
	  "\n"
	  "  draft      un brouillon par client : les saisies facturables non facturées jusqu'à la fin du\n"
	  "             mois (les plus anciennes marquées en retard), par mandat et taux, plus les forfaits\n"
	  "             du mois ; remplace les brouillons du mois ; un client à corriger (saisie sans taux,\n"
	  "             adresse manquante) est retenu avec la liste de ce qu'il faut corriger\n"
	  "  issue      refait les brouillons et les émet tous en une transaction : numéros sans trou,\n"
	  "             date d'émission (aujourd'hui par défaut), échéance ; saisies verrouillées ; refusé\n"
	  "             tant que l'identité du centre est celle de l'exemple livré (juste settings).  La date\n"
	  "             n'est jamais dans le futur, ni avant la fin du mois, ni avant la dernière facture\n"
	  "             numérotée ; un mois pas encore fini ne s'émet qu'avec --early (le travail saisi\n"
	  "             jusqu'à la date d'émission).  Taxes selon la province du client (TPS et TVQ au\n"
	  "             Québec, TVH en Ontario et dans l'Atlantique, TPS ailleurs, détaxé hors du Canada)\n"
	  "  credit     note de crédit : complète (annule la facture et libère ses saisies) ou partielle\n"
	  "             (--amount, avant taxes, avec ses propres taxes, jamais plus que ce qui reste de\n"
	  "             chacune) ; celle qui solde la facture est complète, quel que soit --amount\n"
	  "  show       une facture ; en json, tous les champs (montants en _cents) ; en pdf, le document\n"
	  "             à envoyer (une réimpression porte la mention COPIE ; --no-detail : sans les pages\n"
	  "             du détail des saisies)\n"
	  "  pdf        un fichier NUMÉRO.pdf par facture et note de crédit émise du mois\n"
	  "  journal    journal des ventes : une ligne par pièce émise, totaux à la fin (sur la sortie\n"
	  "             d'erreur en csv et json, jamais parmi les données)\n"
	  "  increment  facturer par tranches de MINUTES (arrondi supérieur par saisie) un mandat ou un client\n"
	  "  send       par courriel, un message par client à l'adresse de l'organisation, dans sa langue, avec\n"
	  "             le PDF de chaque facture et note de crédit émise du mois (ou du document NUMÉRO) ;\n"
	  "             remis par la commande du réglage mail.sendmail ; un document déjà envoyé est sauté\n"
	  "             (--again le renvoie, marqué COPIE) ; un client sans adresse est nommé sur la sortie\n"
	  "             d'erreur et la commande finit alors avec le statut 1, les autres envoyés\n"
	  "  sent       le journal des envois (factures, relevés, rappels) : quand, par qui, à qui, quoi\n"
	  "  Commis, admin ; list, show, send et sent : aussi gestionnaire."),
	  N_("facturation mensuelle : brouillons, émission, notes de crédit, PDF, journal, courriels"), cli_invoice, CLI_NEEDS_USER, "draft issue credit list show pdf journal increment send sent" },
	{ "payment", N_("juste payment add FACTURE --amount MONTANT --date DATE [--method cheque|virement|depot|carte|autre]\n"
	  "                  [--ref TEXTE]\n"
	  "juste payment add --client CODE --amount MONTANT --date DATE [--method …] [--ref TEXTE]\n"
	  "juste payment list [--client CODE] [--from DATE] [--to DATE] [--format table|csv|json]\n"
	  "juste payment void ID --reason \"…\" [--date DATE]\n"
	  "\n"
	  "  add   un paiement reçu (chèque par défaut), toutes taxes comprises ; sur FACTURE, il la règle\n"
	  "        d'abord ; au compte du client (--client), il règle ses factures ouvertes les plus\n"
	  "        anciennes ; ce qui reste est le crédit au compte du client, qui règle ses factures\n"
	  "        suivantes.  Refusé : une date future ou antérieure à la facture, une facture qui n'a\n"
	  "        plus rien à payer (payez au compte du client)\n"
	  "  list  les paiements, annulés compris (montants en _cents en json)\n"
	  "  void  annule un paiement (chèque sans provision, erreur de saisie) : il n'est jamais modifié ni\n"
	  "        supprimé ; les factures qu'il réglait redeviennent ouvertes.  Inscrit au journal.\n"
	  "  Commis, gestionnaire, admin."),
	  N_("paiements reçus des clients : ajout, liste, annulation"), cli_payment, CLI_NEEDS_USER, "add list void" },
	{ "receivables", N_("juste receivables [--at DATE] [--format table|csv|json] [--detail]\n"
	  "  par client, ce qui reste à payer à DATE (aujourd'hui par défaut), par ancienneté depuis\n"
	  "  l'échéance : courant, 1 à 30, 31 à 60, 61 à 90, plus de 90 jours ; le crédit au compte et\n"
	  "  le solde ; totaux au cent près.  --detail : les factures ouvertes, avec leur état (payée en\n"
	  "  partie, impayée) et leurs jours de retard.  Commis, gestionnaire, admin."),
	  N_("comptes clients : ce qui reste à payer, par ancienneté"), cli_receivables, CLI_NEEDS_USER, NULL },
	{ "statement", N_("juste statement CLIENT [--from DATE] [--at DATE] [--format text|pdf] [-o FICHIER]\n"
	  "juste statement CLIENT [--from DATE] [--at DATE] --send [--again]\n"
	  "  le relevé de compte du client : solde au début de la période (--from, par défaut le début de\n"
	  "  l'exercice de --at), factures, notes de crédit, paiements et annulations jusqu'à --at\n"
	  "  (aujourd'hui par défaut) avec le solde courant, le solde dû et les factures ouvertes ;\n"
	  "  pdf : releve-CLIENT-DATE.pdf par défaut.  --send : le PDF par courriel à l'adresse du client\n"
	  "  (comme juste invoice send ; une fois par date, sauf --again).  Commis, gestionnaire, admin."),
	  N_("relevé de compte d'un client (texte ou PDF)"), cli_statement, CLI_NEEDS_USER, NULL },
	{ "ledger", N_("juste ledger --from DATE --to DATE [--format table|csv|json|sage50]\n"
	  "  le journal en partie double des livres comptables de la période : les factures et notes de\n"
	  "  crédit émises (comptes clients, produits, TPS, TVQ ou TVH à payer) et les paiements et leurs\n"
	  "  annulations (banque, comptes clients, crédits des clients), chaque écriture équilibrée au cent.\n"
	  "  Les comptes sont les réglages ledger.* (juste settings show).  csv : date, pièce, compte,\n"
	  "  débit, crédit, libellé ; json : montants en _cents ; sage50 : le fichier d'importation\n"
	  "  d'écritures de journal général de Sage 50 (édition canadienne).\n"
	  "  Commis, gestionnaire, admin."),
	  N_("livres comptables : journal des factures, notes de crédit et paiements"), cli_ledger, CLI_NEEDS_USER, NULL },
	{ "reminders", N_("juste reminders [--at DATE] [--format table|csv|json]\n"
	  "juste reminders pdf [--at DATE] -o DOSSIER\n"
	  "juste reminders send [--at DATE] [--again]\n"
	  "\n"
	  "  les factures en retard à DATE (aujourd'hui par défaut) avec leur niveau de rappel : premier\n"
	  "  rappel, deuxième rappel, dernier avis, selon les jours depuis l'échéance (réglages\n"
	  "  reminders.first_reminder_days, reminders.second_reminder_days et\n"
	  "  reminders.final_notice_days : 15, 30 et 45 par défaut).\n"
	  "  pdf : une lettre par client (DOSSIER/rappel-CLIENT-DATE.pdf), au niveau le plus haut de ses\n"
	  "  factures, avec l'identité du centre.  send : chaque lettre par courriel au client (comme juste\n"
	  "  invoice send) ; une lettre dont chaque facture a déjà été rappelée à son niveau est sautée,\n"
	  "  sauf --again.  Commis, gestionnaire, admin."),
	  N_("rappels : factures en retard et lettres de rappel"), cli_reminders, CLI_NEEDS_USER, NULL },
	{ "report", N_("juste report annual [--fy 2019-2020] [--format text|md|csv|json|pdf] [-o FICHIER]\n"
	  "juste report utilisation --from DATE --to DATE [--by expert|mandate|org|program|service]\n"
	  "                         [--format table|csv|json]\n"
	  "juste report members --fy 2019-2020 [--format table|csv|json]\n"
	  "\n"
	  "  annual       le rapport d'activités de l'exercice (le dernier complet par défaut) avec\n"
	  "               l'exercice précédent : heures rendues, entreprises servies, membrariat, produits\n"
	  "               (factures émises nettes des notes de crédit, avant taxes, par date d'émission),\n"
	  "               frais et budgets (juste finance), revenus par catégorie, opérations avec les\n"
	  "               membres, personnes, programmes, développement des affaires, comptes clients en\n"
	  "               fin d'exercice et délai moyen de paiement, utilisation ;\n"
	  "               csv et json : tous les chiffres (montants en _cents) ; pdf : avec graphiques\n"
	  "  utilisation  heures facturables et internes, capacité (fériés et absences à part) et taux\n"
	  "               d'utilisation\n"
	  "  members      revenus par organisation et part des opérations faites avec les membres\n"
	  "  Gestionnaire, admin."),
	  N_("rapport annuel d'activités, utilisation, opérations avec les membres"), cli_report, CLI_NEEDS_USER, "annual utilisation members" },
	{ "finance", N_("juste finance set --fy 2019-2020 [--budget-products MONTANT] [--budget-expenses MONTANT]\n"
	  "                  [--actual-expenses MONTANT] [--actual-products MONTANT]\n"
	  "juste finance show --fy 2019-2020\n"
	  "juste finance import FICHIER.csv\n"
	  "  chiffres financiers de l'exercice pour le rapport (en dollars) ; set ne change que les montants\n"
	  "  donnés ; import : colonnes fy,actual_products,actual_expenses,budget_products,budget_expenses\n"
	  "  (case vide = inchangé), tout ou rien.  Les produits réels viennent des factures ; le montant\n"
	  "  saisi ne sert que pour un exercice sans facture émise.  Gestionnaire, admin."),
	  N_("produits, frais d'exploitation et budgets d'un exercice"), cli_finance, CLI_NEEDS_USER, "set show import" },
	{ "devaffaires", N_("juste devaffaires add [--date DATE] --kind evenement|rencontre --partner reseaux|obnl|relayeurs\n"
	  "                      --name \"…\"\n"
	  "juste devaffaires list [--fy 2019-2020 | --from DATE --to DATE] [--format table|csv|json]\n"
	  "juste devaffaires import FICHIER.csv\n"
	  "  le journal du développement des affaires ; import : colonnes date,kind,partner,name, tout ou\n"
	  "  rien.  add et import : gestionnaire, admin ; list : commis, gestionnaire, admin."),
	  N_("journal du développement des affaires"), cli_devaffaires, CLI_NEEDS_USER, "add list import" },
	{ "ristourne", N_("juste ristourne --fy 2019-2020 --amount 50000.00 [--format table|csv|json]\n"
	  "  répartit le montant entre les membres (membres utilisateurs et auxiliaires) au prorata de\n"
	  "  leurs affaires de l'exercice, avant taxes et nettes des notes de crédit ; les cents restants\n"
	  "  vont aux plus forts restes, la somme des parts est exactement le montant.  Gestionnaire, admin."),
	  N_("répartition d'une ristourne entre les membres"), cli_ristourne, CLI_NEEDS_USER, NULL },
	{ "expert", N_("juste expert set LOGIN [--gender F|M|X] [--birth-year AAAA]\n"
	  "juste expert deactivate LOGIN [--date DATE]\n"
	  "  set : genre et année de naissance (facultatifs ; une valeur vide les efface), pour le\n"
	  "  rapport annuel ; visibles des seuls gestionnaires et admins.\n"
	  "  deactivate : l'expert a quitté le centre à DATE (aujourd'hui par défaut) ; refusé s'il a\n"
	  "  des saisies après.  Admin."),
	  N_("genre, année de naissance ou départ d'un expert (admin)"), cli_expert, CLI_NEEDS_USER, "set deactivate" },
	{ "org", N_("juste org add CODE --name NOM [--category membre|auxiliaire|soutien|non_membre] [--parent CODE]\n"
	  "              [--full-management 0|1] [--tax-exempt 0|1] [--joined DATE] [--left DATE]\n"
	  "              [--email COURRIEL] [--address ADRESSE] [--province QC|ON|…] [--country CA|US|…]\n"
	  "              [--invoice-detail oui|non] [--language fr|en]\n"
	  "juste org edit CODE [les mêmes options : seules celles données changent]\n"
	  "  --invoice-detail non : ses factures PDF sans les pages du détail des saisies (--detail\n"
	  "  à l'impression les remet)\n"
	  "  --language en : ses factures, notes de crédit, relevés, rappels et courriels en anglais,\n"
	  "  quelle que soit la langue de l'écran (fr par défaut)\n"
	  "  la validation de « juste import orgs » ; une erreur nomme l'option fautive.  Admin."),
	  N_("ajoute ou modifie une organisation (admin)"), cli_org, CLI_NEEDS_USER, "add edit" },
	{ "mandate", N_("juste mandate close CODE [--date DATE]\n"
	  "juste mandate assign CODE LOGIN… [--manager LOGIN]\n"
	  "juste mandate unassign CODE LOGIN…\n"
	  "juste mandate team [CODE] [--format table|csv|json]\n"
	  "juste mandate budget CODE --hard oui|non\n"
	  "  close     ferme le mandat à DATE (aujourd'hui par défaut) : plus aucune saisie après ; refusé\n"
	  "            s'il en a déjà.  Admin.\n"
	  "  assign    ajoute ces personnes à l'équipe du mandat ; --manager nomme le responsable.  Un mandat\n"
	  "            qui a une équipe n'accepte d'heures que de ses membres (les autres sont renvoyés au\n"
	  "            responsable) ; sans équipe, tout le monde.  Gestionnaire, admin.\n"
	  "  unassign  les en retire ; une équipe vide : plus d'équipe.  Gestionnaire, admin.\n"
	  "  team      l'équipe du mandat, ou de tous les mandats qui en ont une\n"
	  "  budget    --hard oui : le temps au-delà de 100 pour cent du budget est refusé ; non (par\n"
	  "            défaut) : avertit à 80 et 100 pour cent.  Gestionnaire, admin."),
	  N_("ferme un mandat (admin)"), cli_mandate, CLI_NEEDS_USER, "close assign unassign team budget" },
	{ "holiday", N_("juste holiday list [--year AAAA] [--format table|csv|json]\n"
	  "juste holiday add DATE [--to DATE] --name TEXTE\n"
	  "juste holiday rm DATE\n"
	  "  list  les jours fériés du Québec de l'année (cette année par défaut) et les fermetures du\n"
	  "        centre : 1er janvier, Vendredi saint ou lundi de Pâques (réglage calendar.easter_holiday),\n"
	  "        Journée nationale des patriotes, Fête nationale, Fête du Canada, Fête du Travail, Action de\n"
	  "        grâce, Noël.  Ni jour férié ni fermeture ne compte dans la capacité.\n"
	  "  add   une fermeture du centre, de DATE à --to (inclus) ; rm retire celle qui contient DATE.\n"
	  "        Gestionnaire, admin (inscrit au journal)."),
	  N_("jours fériés et fermetures du centre"), cli_holiday, CLI_NEEDS_USER, "list add rm" },
	{ "absence", N_("juste absence add [LOGIN] --from DATE [--to DATE] --kind vacances|maladie|formation|parental|autre [--half]\n"
	  "juste absence list [--expert LOGIN] [--from DATE] [--to DATE] [--format table|csv|json]\n"
	  "juste absence rm ID\n"
	  "  une absence, d'un jour ou de --from à --to (inclus) ; --half : une demi-journée par jour.\n"
	  "  Un jour d'absence ne compte pas dans la capacité.  Un expert inscrit les siennes ;\n"
	  "  gestionnaire et admin, celles de tous (inscrit au journal)."),
	  N_("absences : vacances, maladie, formation, congé parental"), cli_absence, CLI_NEEDS_USER, "add list rm" },
	{ "capacity", N_("juste capacity [LOGIN] [--from DATE] [--to DATE] [--format table|csv|json]\n"
	  "  la capacité de LOGIN (vous par défaut) sur la période (le mois en cours par défaut) :\n"
	  "  heures par semaine ÷ 5 par jour ouvrable en poste et non absent, comptée jusqu'à aujourd'hui\n"
	  "  pour une période en cours ; avec les jours fériés et les absences à part, pour vérifier le\n"
	  "  chiffre de juste report utilisation.  Vous-même, ou commis, gestionnaire, admin."),
	  N_("capacité d'un expert : jours ouvrables, fériés, absences"), cli_capacity, CLI_NEEDS_USER, NULL },
	{ "budget", N_("juste budget [--open] [--over PCT] [--client ORG] [--format table|csv|json]\n"
	  "  les mandats avec un budget en heures ou en dollars : heures saisies, dollars au prix des\n"
	  "  factures (incrément appliqué ; une saisie facturée, à sa part de sa ligne ; un forfait, ses\n"
	  "  factures émises), ce qui reste et le pourcentage utilisé.  Les mandats ouverts d'abord, puis\n"
	  "  par risque.  --open : sans les mandats fermés ; --over PCT : utilisé à PCT pour cent ou plus ;\n"
	  "  --client ORG : les mandats facturés à ORG.  Gestionnaire, admin."),
	  N_("budgets des mandats d'après le temps saisi"), cli_budget, CLI_NEEDS_USER, NULL },
	{ "settings", N_("juste settings show [--at DATE] [--format table|csv|json]\n"
	  "juste settings set CLÉ VALEUR [--from DATE]\n"
	  "juste settings unset CLÉ [--from DATE]\n"
	  "\n"
	  "  la politique du centre, gardée dans la base (et non dans juste.ini) : identité légale,\n"
	  "  exercice, taxes, numérotation et conditions des factures.  Clés : centre.name,\n"
	  "  centre.address, centre.phone, centre.email, centre.tps_number, centre.tvq_number,\n"
	  "  fiscal.year_start, taxes.tps_rate, taxes.tvq_rate, invoice.number_pattern,\n"
	  "  invoice.credit_pattern, invoice.payment_days, invoice.payment_terms, invoice.paper,\n"
	  "  calendar.easter_holiday, approval.required_for_billing, ledger.receivables, ledger.revenue,\n"
	  "  ledger.tps_payable, ledger.tvq_payable, ledger.tvh_payable, ledger.bank, ledger.client_credits\n"
	  "  (le plan comptable de juste ledger), reminders.first_reminder_days,\n"
	  "  reminders.second_reminder_days, reminders.final_notice_days (juste reminders), mail.sendmail\n"
	  "  (la commande qui remet les courriels : /usr/sbin/sendmail -t -i par défaut).\n"
	  "  Les taux de taxes sont datés : --from DATE donne le premier jour où la valeur s'applique ;\n"
	  "  une facture copie les taux en vigueur le jour de son émission.  L'identité par défaut est\n"
	  "  un exemple : aucune facture n'est émise tant que centre.tps_number ou centre.tvq_number\n"
	  "  est celui de l'exemple (juste check le signale).\n"
	  "  show : tout le monde ; set et unset : admin (inscrit au journal)."),
	  N_("politique du centre : identité, exercice, taxes, numérotation (admin)"), cli_settings, CLI_NEEDS_USER, "show set unset" },
	{ "tui", N_("juste tui\n"
	  "  l'interface plein écran (aussi « juste » sans commande, dans un terminal)"),
	  N_("interface plein écran : semaine, facturation, utilisation, données, rapport"), cli_tui, CLI_NEEDS_USER, NULL },
	{ "complete", N_("juste complete mandates|logins [PRÉFIXE]\n"
	  "juste complete commands|subcommands [COMMANDE]\n"
	  "  les codes de mandat ou les logins qui commencent par PRÉFIXE, un par ligne, pour la\n"
	  "  complétion de bash (completion/juste) : ceux que votre rôle peut voir ; un expert, les\n"
	  "  mandats ouverts aujourd'hui et son propre login ; commands : les commandes de juste ;\n"
	  "  subcommands : les sous-commandes de COMMANDE"),
	  N_("valeurs de la complétion de bash : codes de mandat, logins"), cli_complete, CLI_NEEDS_USER, "mandates logins commands subcommands" },
	{ "help", N_("juste help [COMMANDE [SOUS-COMMANDE]]\n"
	  "  l'aide de juste, d'une commande ou d'une sous-commande (comme « juste COMMANDE --help »)"),
	  N_("aide d'une commande ou d'une sous-commande"), NULL, CLI_NEEDS_NOTHING, NULL },
};

#define NCOMMANDS (sizeof commands / sizeof commands[0])

static const struct cli_command *find_command(const char *name)
{
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

const struct cli_command *cli_commands(size_t *n)
{
	*n = NCOMMANDS;
	return commands;
}

/* Whether word is one of the space-separated words of list. */
static bool word_in(const char *list, const char *word, size_t len)
{
	for (const char *p = list; p && *p;) {
		size_t n = strcspn(p, " ");
		if (n == len && strncmp(p, word, len) == 0)
			return true;
		p += n;
		p += strspn(p, " ");
	}
	return false;
}

bool cli_has_sub(const struct cli_command *c, const char *sub)
{
	return c->subs && word_in(c->subs, sub, strlen(sub));
}

void cli_usage(const char *name)
{
	const struct cli_command *c = find_command(name);
	if (!c)
		return;
	printf(_("Usage : %s\n"), _(c->usage));
	printf("\n%s\n", _(c->summary));
	printf(_("\nOptions globales (avant la commande) : --db CHEMIN, --config FICHIER, --as LOGIN\n"));
}

/* The first word after "juste CMD " of a synopsis line names sub (alone or
 * among others: "close|reopen"). */
static bool synopsis_names(const char *line, size_t len, const char *cmd, const char *sub)
{
	char head[64];
	int h = snprintf(head, sizeof head, "juste %s ", cmd);
	if (h < 0 || (size_t)h >= sizeof head || len < (size_t)h || strncmp(line, head, (size_t)h) != 0)
		return false;
	const char *w = line + h;
	size_t n = strcspn(w, " \n");
	for (const char *p = w; p < w + n;) {
		size_t k = strcspn(p, "|");
		if (k > (size_t)(w + n - p))
			k = (size_t)(w + n - p);
		if (k == strlen(sub) && strncmp(p, sub, k) == 0)
			return true;
		p += k + 1;
	}
	return false;
}

/* The part of a command's usage that is about one sub-command: its
 * synopsis lines (with their continuations) and its paragraph ("  sub
 * text", with the lines indented deeper after it).  The whole usage when
 * the text has no such part. */
void cli_usage_sub(const char *name, const char *sub)
{
	const struct cli_command *c = find_command(name);
	if (!c)
		return;
	const char *text = _(c->usage);
	char *syn = NULL, *par = NULL;
	size_t synlen = 0, parlen = 0;
	FILE *fs = open_memstream(&syn, &synlen), *fp = open_memstream(&par, &parlen);
	if (!fs || !fp) {
		if (fs)
			fclose(fs);
		if (fp)
			fclose(fp);
		free(syn);
		free(par);
		cli_usage(name);
		return;
	}
	enum { NONE, SYNOPSIS, PARAGRAPH } in = NONE;
	char lead[64];
	snprintf(lead, sizeof lead, "  %s ", sub);
	for (const char *p = text; *p;) {
		size_t n = strcspn(p, "\n");
		if (strncmp(p, "juste ", 6) == 0)
			in = synopsis_names(p, n, name, sub) ? SYNOPSIS : NONE;
		else if (n == 0)
			in = NONE;
		else if (n > strlen(lead) && strncmp(p, lead, strlen(lead)) == 0)
			in = PARAGRAPH;
		else if (in == PARAGRAPH && strncmp(p, "   ", 3) != 0)
			in = NONE;
		else if (in == SYNOPSIS && p[0] != ' ')
			in = NONE;
		if (in != NONE)
			fprintf(in == SYNOPSIS ? fs : fp, "%.*s\n", (int)n, p);
		p += n;
		if (*p)
			p++;
	}
	fclose(fs);
	fclose(fp);
	if (synlen == 0) {
		cli_usage(name);
	} else {
		printf(_("Usage : %s"), syn);
		if (parlen)
			printf("\n%s", par);
		printf("\n%s\n", _(c->summary));
		printf(_("\nOptions globales (avant la commande) : --db CHEMIN, --config FICHIER, --as LOGIN\n"));
	}
	free(syn);
	free(par);
}

int cli_getopt(int argc, char **argv, const char *shortopts, const struct option *longopts, const char *cmd,
	struct juste_err *e)
{
	/* a leading ':' (after '+') makes a missing value ':' rather than '?' */
	char spec[64];
	const char *rest = shortopts[0] == '+' ? shortopts + 1 : shortopts;
	if (*rest == ':')
		rest++;
	snprintf(spec, sizeof spec, "%s:%s", shortopts[0] == '+' ? "+" : "", rest);
	opterr = 0;
	int o = getopt_long(argc, argv, spec, longopts, NULL);
	if (o != '?' && o != ':')
		return o;
	const char *arg = optind > 0 && optind <= argc ? argv[optind - 1] : "";
	char name[64];
	if (strncmp(arg, "--", 2) == 0)
		snprintf(name, sizeof name, "%.*s", (int)strcspn(arg, "="), arg);
	else
		snprintf(name, sizeof name, "-%c", optopt ? optopt : '?');
	if (o == ':')
		err_set(e, JUSTE_EUSAGE, N_("%s : l'option « %s » demande une valeur (juste %s --help)"), cmd, name, cmd);
	else if (optopt && strncmp(arg, "--", 2) == 0 && strchr(arg, '='))
		err_set(e, JUSTE_EUSAGE, N_("%s : l'option « %s » ne prend pas de valeur (juste %s --help)"), cmd, name, cmd);
	else
		err_set(e, JUSTE_EUSAGE, N_("%s : option inconnue « %s » (juste %s --help)"), cmd, name, cmd);
	return '?';
}

juste_status cli_no_options(int argc, char **argv, const char *cmd, struct juste_err *e)
{
	static const struct option none[] = { { NULL, 0, NULL, 0 } };
	int o;
	while ((o = cli_getopt(argc, argv, "", none, cmd, e)) != -1)
		return JUSTE_EUSAGE;
	return JUSTE_OK;
}

static void usage_all(FILE *out)
{
	fprintf(out, _("Usage : juste [--db CHEMIN] [--config FICHIER] [--as LOGIN] COMMANDE [OPTIONS]\n\n"
		"Temps, facturation au juste coût et rapport annuel d'un centre de services partagés.\n\n"
		"Commandes :\n"));
	for (size_t i = 0; i < NCOMMANDS; i++)
		fprintf(out, "  %-12s %s\n", commands[i].name, _(commands[i].summary));
	fprintf(out, _("\nOptions globales :\n"
		"  --db CHEMIN       base de données à utiliser (sinon celle de la configuration)\n"
		"  --config FICHIER  fichier de configuration (sinon $JUSTE_CONFIG, ~/.config/juste/juste.ini,\n"
		"                    /etc/juste/juste.ini)\n"
		"  --as LOGIN        agir pour quelqu'un d'autre (admin seulement ; inscrit au journal)\n"
		"  -h, --help        cette aide ; « juste COMMANDE --help » pour une commande\n"
		"  --version         version\n\n"
		"Voir juste(1) et juste.ini(5).\n"));
}

static int exit_code(juste_status st)
{
	switch (st) {
	case JUSTE_OK:
		return 0;
	case JUSTE_EUSAGE:
		return 2;
	default:
		return 1;
	}
}

static int fail(struct juste_err *e)
{
	/* a message quotes what it refuses: shown with its control characters
	 * made visible, as every text juste prints on a terminal */
	char msg[JUSTE_ERR_MAX + 8];
	text_fit(e->msg, INT_MAX / 2, msg, sizeof msg);
	fprintf(stderr, _("juste : %s\n"), msg);
	return exit_code(e->code);
}

/* Global options come before the command, so that a command's own options
 * (--db for demo, say) never clash with them. */
static int parse_globals(struct cli *c, int argc, char **argv, int *first, struct juste_err *e)
{
	int i = 1;
	for (; i < argc && argv[i][0] == '-'; i++) {
		const char *a = argv[i];
		const char **slot = NULL;
		if (strcmp(a, "--db") == 0)
			slot = &c->db_path;
		else if (strcmp(a, "--config") == 0)
			slot = &c->config_path;
		else if (strcmp(a, "--as") == 0)
			slot = &c->as_login;
		else if (strncmp(a, "--db=", 5) == 0)
			c->db_path = a + 5;
		else if (strncmp(a, "--config=", 9) == 0)
			c->config_path = a + 9;
		else if (strncmp(a, "--as=", 5) == 0)
			c->as_login = a + 5;
		else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0)
			return 'h';
		else if (strcmp(a, "--version") == 0)
			return 'v';
		else
			return err_set(e, JUSTE_EUSAGE, N_("option inconnue : %s (voir juste --help)"), a);
		if (slot) {
			if (i + 1 >= argc)
				return err_set(e, JUSTE_EUSAGE, N_("%s demande une valeur"), a);
			*slot = argv[++i];
		}
	}
	*first = i;
	return 0;
}

/* Opens what the command needs.  On a shared server (set-group-id) the
 * group is held until here only: the system configuration names the
 * database, it is opened (with its -wal and -shm), and the group is given
 * up for good before anything the user provides is read.  --db or --config
 * there means a database of the user's own: the group is dropped first. */
static juste_status open_for(struct cli *c, const struct cli_command *cmd, struct juste_err *e)
{
	bool needs_db = cmd->needs & CLI_NEEDS_DB;
	bool shared_db = privilege_shared() && needs_db && !c->db_path && !c->config_path;
	juste_status st;
	if (!shared_db && (st = privilege_drop(e)))
		return st;
	if (shared_db) {
		if ((cmd->needs & CLI_CREATES_DB) && getuid() != 0)
			return err_set(e, JUSTE_EDENIED, N_("permission refusée : sur un serveur partagé, seul root crée la base (scripts/install-server)"));
		st = config_load_system(app_config(c->app), e);
	} else {
		st = config_load(app_config(c->app), c->config_path, e);
	}
	if (!st && needs_db)
		st = app_open(c->app, c->db_path, (cmd->needs & CLI_CREATES_DB) ? APP_CREATE : 0, e);
	if (!st)
		st = privilege_drop(e);
	if (!st && shared_db)
		st = config_load_personal(app_config(c->app), e);
	return st;
}

int main(int argc, char **argv)
{
	struct cli c;
	struct juste_err e = { 0 };
	memset(&c, 0, sizeof c);
	juste_status st = privilege_init(&e);
	i18n_init(argv[0], NULL);
	if (st)
		return fail(&e);

	int first = argc;
	int g = parse_globals(&c, argc, argv, &first, &e);
	if (g == 'h' || g == 'v') {
		if ((st = privilege_drop(&e)))
			return fail(&e);
		if (g == 'h')
			usage_all(stdout);
		else
			printf("juste %s\n", JUSTE_VERSION);
		return 0;
	}
	if (g)
		return fail(&e);

	/* No command: the full-screen interface in a terminal, the usage
	 * otherwise (a script, a pipe). */
	static char tui_name[] = "tui";
	static char *tui_argv[] = { tui_name, NULL };
	if (first >= argc) {
		if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
			if ((st = privilege_drop(&e)))
				return fail(&e);
			usage_all(stdout);
			return 0;
		}
		argv = tui_argv;
		argc = 1;
		first = 0;
	}
	const struct cli_command *cmd = find_command(argv[first]);
	if (!cmd) {
		err_set(&e, JUSTE_EUSAGE, N_("commande inconnue : %s (voir juste --help)"), argv[first]);
		return fail(&e);
	}
	int cargc = argc - first;
	char **cargv = argv + first;
	/* --help anywhere among the command's words (before "--"), or
	 * `juste help COMMAND [SUB]`: the help, and nothing else is done */
	const char *help_cmd = NULL, *help_sub = NULL;
	if (strcmp(cmd->name, "help") == 0) {
		if (cargc > 3)
			return fail((err_set(&e, JUSTE_EUSAGE, N_("usage : %s"), _("juste help [COMMANDE [SOUS-COMMANDE]]")), &e));
		if (cargc > 1 && (strcmp(cargv[1], "--help") == 0 || strcmp(cargv[1], "-h") == 0))
			cargv[1] = (char *)"help";   /* juste help --help: the help of help */
		help_cmd = cargc > 1 && cargv[1][0] != '-' ? cargv[1] : "";
		help_sub = cargc > 2 ? cargv[2] : NULL;
		if (cargc > 1 && !help_cmd[0])
			return fail((err_set(&e, JUSTE_EUSAGE, N_("%s : option inconnue « %s » (juste %s --help)"), "help",
				cargv[1], "help"), &e));
		if (help_cmd[0] && !find_command(help_cmd))
			return fail((err_set(&e, JUSTE_EUSAGE, N_("commande inconnue : %s (voir juste --help)"), help_cmd), &e));
	} else {
		for (int i = 1; i < cargc && strcmp(cargv[i], "--") != 0; i++)
			if (strcmp(cargv[i], "--help") == 0 || strcmp(cargv[i], "-h") == 0) {
				help_cmd = cmd->name;
				help_sub = i > 1 && cli_has_sub(cmd, cargv[1]) ? cargv[1] : NULL;
				break;
			}
	}
	if (help_cmd) {
		if ((st = privilege_drop(&e)))
			return fail(&e);
		const struct cli_command *h = help_cmd[0] ? find_command(help_cmd) : NULL;
		if (h && help_sub && !cli_has_sub(h, help_sub))
			return fail((err_set(&e, JUSTE_EUSAGE, N_("%s : sous-commande inconnue « %s » (juste %s --help)"),
				h->name, help_sub, h->name), &e));
		if (!h)
			usage_all(stdout);
		else if (help_sub)
			cli_usage_sub(h->name, help_sub);
		else
			cli_usage(h->name);
		return 0;
	}
	/* a sub-command the table does not list is refused here, the same way
	 * for every command */
	if (cmd->subs && cargc > 1 && cargv[1][0] == '-') {
		err_set(&e, JUSTE_EUSAGE, N_("%s : option inconnue « %s » (juste %s --help)"), cmd->name, cargv[1], cmd->name);
		return fail(&e);
	}
	if (cmd->subs && cargc > 1 && !cli_has_sub(cmd, cargv[1])) {
		err_set(&e, JUSTE_EUSAGE, N_("%s : sous-commande inconnue « %s » (juste %s --help)"), cmd->name, cargv[1],
			cmd->name);
		return fail(&e);
	}
	if (!(cmd->needs & CLI_NEEDS_USER) && c.as_login) {
		err_set(&e, JUSTE_EUSAGE, N_("--as ne s'applique pas à « %s »"), cmd->name);
		return fail(&e);
	}
	st = app_new(&c.app, &e);
	if (!st)
		st = open_for(&c, cmd, &e);
	if (!st && app_config(c.app)->language[0])
		i18n_init(argv[0], app_config(c.app)->language);
	if (!st && app_config(c.app)->notice[0])
		fprintf(stderr, _("juste : note : %s\n"), app_config(c.app)->notice);
	if (!st && (cmd->needs & CLI_NEEDS_USER) == CLI_NEEDS_USER)
		st = app_identify(c.app, c.as_login, &e);
	if (st) {
		app_free(c.app);
		return fail(&e);
	}
	optind = 0;   /* glibc: a full reset of getopt for the command */
	opterr = 0;   /* getopt's own messages are English: cli_getopt says it */
	st = cmd->fn(&c, cargc, cargv, &e);
	app_free(c.app);
	if ((fflush(stdout) != 0 || ferror(stdout)) && !st)
		st = err_set(&e, JUSTE_EIO, N_("écriture impossible sur la sortie standard"));
	return st ? fail(&e) : 0;
}

juste_status cli_opt_date(const char *opt, const char *arg, char out[11], struct juste_err *e)
{
	date_t d;
	if (date_input_parse(arg, app_today(), &d, e) != JUSTE_OK)
		return err_prefix(e, "%s : ", opt);
	date_format(d, out);
	return JUSTE_OK;
}
