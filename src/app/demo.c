/*
 * demo.c - the demonstration database: the Consortium as its annual report
 * 2019-2020 describes it, with three fiscal years of time.
 *
 * Everything is planned in memory first (people, organisations, mandates,
 * every entry), then written through the store functions in one
 * transaction.  Planning first lets the billable hours of a fiscal year be
 * calibrated on the report's figure (each expert-day gets a raw billable
 * share, a factor per year scales them onto the target, and the rounding
 * error is carried from one day to the next so that the year lands within a
 * quarter of an hour of it), and lets mandate budgets be set from the hours
 * the mandates will really get.
 *
 * Determinism: one splitmix64 generator, reseeded per purpose (names,
 * organisations, each year's mandates, each year's calendar, ...), so the
 * historical years do not depend on how far the current year has gone, and
 * the invoking user's login changes only their own record.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pwd.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app/receivables_internal.h"
#include "juste/demo.h"
#include "juste/store_settings.h"
#include "juste/i18n.h"
#include "juste/invoicing.h"
#include "juste/money.h"
#include "juste/outfile.h"
#include "juste/rates.h"
#include "juste/rules.h"
#include "juste/store_calendar.h"
#include "juste/store_payments.h"
#include "juste/store_report.h"

#define DEMO_SEED 0x4a55535445323032ULL   /* "JUSTE202" */
#define DATE_OPEN_END INT32_MAX

/* The report's hours of service rendered. */
#define TARGET_2018 (65300LL * 60)
#define TARGET_2019 (75100LL * 60)

/* ------------------------------------------------------------------------
 * Pseudo-random numbers: splitmix64, seeded per purpose.
 */
struct rng { uint64_t s; };

static uint64_t rng_next(struct rng *r)
{
	uint64_t z = (r->s += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

enum stream {
	S_EXPERTS = 1, S_ORGS, S_MANDATES, S_BENEF, S_CALENDAR, S_PLAN, S_SPLIT, S_BUDGET,
	S_PAYMENTS = 32       /* apart from S_BUDGET + 1, which the profiles use */
};

static struct rng rng_make(enum stream what, int64_t a, int64_t b)
{
	struct rng r = { DEMO_SEED ^ ((uint64_t)what * 0xd1b54a32d192ed03ULL)
		^ ((uint64_t)a * 0x9e3779b97f4a7c15ULL) ^ ((uint64_t)b * 0xc2b2ae3d27d4eb4fULL) };
	rng_next(&r);
	return r;
}

static int rng_int(struct rng *r, int n)
{
	return n <= 1 ? 0 : (int)(rng_next(r) % (uint64_t)n);
}

static int rng_range(struct rng *r, int lo, int hi)
{
	return lo + rng_int(r, hi - lo + 1);
}

static bool rng_chance(struct rng *r, int permille)
{
	return rng_int(r, 1000) < permille;
}

static void rng_shuffle(struct rng *r, int *v, int n)
{
	for (int i = n - 1; i > 0; i--) {
		int j = rng_int(r, i + 1), t = v[i];
		v[i] = v[j];
		v[j] = t;
	}
}

/* ------------------------------------------------------------------------
 * Reference data: services, programs, titles and notes (in French: this is
 * the content of the database, not the interface).
 */
enum svc {
	SVC_COMPTA, SVC_FIN, SVC_PAIE, SVC_RH, SVC_JUR, SVC_TI, SVC_COM, SVC_MKT,
	SVC_GOUV, SVC_DO, SVC_STRAT, SVC_FORM, NSERVICES
};

/* Tokens in titles and notes: {fy} the fiscal year's name, {y} the year of
 * the date, {y1} the next one, {y3} three years on. */
static const struct service_seed {
	const char *code, *name;
	int professionals;           /* of the 47 */
	const char *titles[9];
	const char *notes[11];
} services[NSERVICES] = {
	[SVC_COMPTA] = { "COMPTA", "Comptabilité et tenue de livres", 9,
		{ "Tenue de livres {fy}", "Préparation des états financiers {fy}",
		  "Fin d'exercice et dossier de vérification {fy}", "Mise en place d'un logiciel comptable",
		  "Redressement de la comptabilité", "Conciliations et régularisations {fy}" },
		{ "Saisie des factures fournisseurs", "Conciliation bancaire", "Écritures de fin de mois",
		  "Préparation des remises gouvernementales", "Déclarations de TPS et de TVQ",
		  "Analyse des comptes clients", "Préparation du dossier de fin d'exercice",
		  "Suivi avec les vérificateurs", "Rapport financier mensuel au CA" } },
	[SVC_FIN] = { "FIN", "Gestion financière et budgétaire", 6,
		{ "Budget {y1}", "Prévisions de trésorerie {fy}", "Montage financier d'un projet d'expansion",
		  "Plan d'affaires et prévisions financières", "Analyse de rentabilité des services",
		  "Demande de financement" },
		{ "Préparation du budget {y1}", "Analyse des écarts budgétaires", "Prévisions de trésorerie",
		  "Rencontre avec l'institution financière", "Montage du plan de financement",
		  "Rencontre avec le CA", "Analyse des coûts de revient" } },
	[SVC_PAIE] = { "PAIE", "Paie et avantages sociaux", 4,
		{ "Gestion de la paie {y}", "Implantation d'un système de paie",
		  "Régime de retraite et assurances collectives", "Relevés 1 et feuillets T4 {y}" },
		{ "Traitement de la paie", "Paie de vacances", "Remises à la source", "Relevés d'emploi",
		  "Ajustements de paie rétroactifs", "Suivi avec l'assureur collectif" } },
	[SVC_RH] = { "RH", "Ressources humaines", 6,
		{ "Politique de rémunération", "Recrutement d'une direction générale", "Évaluation du rendement",
		  "Politique de prévention du harcèlement", "Relations de travail et convention collective",
		  "Équité salariale", "Manuel de l'employé" },
		{ "Affichage de poste", "Entrevues de sélection", "Rédaction de descriptions de poste",
		  "Rencontre avec le comité RH", "Analyse de l'équité salariale", "Évaluation des emplois",
		  "Rencontre avec la direction" } },
	[SVC_JUR] = { "JUR", "Services juridiques et conformité", 3,
		{ "Révision des règlements généraux", "Conformité à la Loi sur les coopératives",
		  "Contrats de service", "Fusion de coopératives", "Avis juridique",
		  "Protection des renseignements personnels" },
		{ "Rédaction de résolutions", "Révision de contrat", "Recherche juridique",
		  "Avis sur la Loi sur les coopératives", "Préparation des statuts de modification",
		  "Rencontre avec le notaire" } },
	[SVC_TI] = { "TI", "Technologies de l'information", 5,
		{ "Migration vers l'infonuagique", "Sécurité informatique", "Refonte du site Web",
		  "Soutien informatique {fy}", "Implantation d'un logiciel de gestion",
		  "Plan directeur des technologies" },
		{ "Configuration des postes de travail", "Sauvegardes et sécurité", "Migration des courriels",
		  "Soutien aux utilisateurs", "Analyse des besoins", "Mise à jour du site Web" } },
	[SVC_COM] = { "COM", "Communications", 4,
		{ "Plan de communication {fy}", "Rapport annuel {fy}", "Campagne de recrutement de membres",
		  "Infolettre et médias sociaux", "Image de marque" },
		{ "Rédaction de l'infolettre", "Révision du rapport annuel", "Publications sur les médias sociaux",
		  "Communiqué de presse", "Rencontre avec la direction" } },
	[SVC_MKT] = { "MKT", "Marketing et mise en marché", 3,
		{ "Étude de marché", "Plan marketing {y1}", "Stratégie de mise en marché",
		  "Sondage de satisfaction de la clientèle" },
		{ "Analyse de la clientèle", "Sondage auprès des membres", "Préparation du plan marketing",
		  "Analyse concurrentielle", "Atelier de positionnement" } },
	[SVC_GOUV] = { "GOUV", "Gouvernance et vie associative", 2,
		{ "Assemblée générale annuelle {y}", "Formation du conseil d'administration",
		  "Politique de gouvernance", "Soutien au secrétariat du conseil",
		  "Évaluation du conseil d'administration" },
		{ "Rencontre avec le CA", "Préparation de l'assemblée générale", "Rédaction du procès-verbal",
		  "Préparation des documents du conseil", "Révision des politiques" } },
	[SVC_DO] = { "DO", "Développement organisationnel", 3,
		{ "Diagnostic organisationnel", "Réingénierie des processus", "Accompagnement au changement",
		  "Structure organisationnelle", "Diagnostic 360" },
		{ "Entrevues avec les employés", "Cartographie des processus", "Atelier avec l'équipe de direction",
		  "Rédaction du rapport de diagnostic", "Rencontre avec le CA" } },
	[SVC_STRAT] = { "STRAT", "Planification stratégique et développement", 2,
		{ "Planification stratégique {y1}-{y3}", "Étude de préfaisabilité", "Plan de développement",
		  "Démarrage d'une coopérative", "Accompagnement de la direction générale",
		  "Intercoopération régionale" },
		{ "Atelier de planification stratégique", "Analyse FFOM", "Rencontre avec le CA",
		  "Rédaction du plan d'action", "Recherche et analyse sectorielle",
		  "Rencontre avec les partenaires" } },
	[SVC_FORM] = { "FORM", "Formation", 0,
		{ "Formation des administrateurs", "Formation sur la gestion coopérative",
		  "Formation en santé et sécurité du travail", "Formation des préposés d'aide à domicile",
		  "Formation en service à la clientèle", "Formation en gestion financière pour OBNL",
		  "Formation sur les outils numériques", "Formation des gestionnaires" },
		{ "Préparation du matériel de formation", "Animation de la formation",
		  "Session de formation en ligne", "Évaluation des apprentissages",
		  "Rencontre avec le responsable de la formation", "Adaptation du contenu de formation" } },
};

enum prg { PRG_PAAPA, PRG_PAGES, PRG_EQ, PRG_PAFFC, PRG_EPRDC, PRG_PAEN, PRG_FMS, NPROGRAMS };

static const struct { const char *code, *name; } programs[NPROGRAMS] = {
	[PRG_PAAPA] = { "PAAPA", "Créneau des entreprises collectives en service aux personnes âgées "
		"autonomes et en perte d'autonomie" },
	[PRG_PAGES] = { "PAGES", "Plan d'action gouvernemental en économie sociale" },
	[PRG_EQ] = { "EQ", "Emploi-Québec" },
	[PRG_PAFFC] = { "PAFFC", "Programme d'aide financière aux fédérations et confédérations" },
	[PRG_EPRDC] = { "EPRDC", "Entente de partenariat relative au développement des coopératives" },
	[PRG_PAEN] = { "PAEN", "Programme d'aide à l'entrepreneuriat" },
	[PRG_FMS] = { "FMS", "Financement multipartite ou sectoriel" },
};

/* Internal (non-billable) mandates: utilisation is measured against them. */
enum internal { INT_ADMIN, INT_DEVAFF, INT_FORM, INT_REING, NINTERNAL };

static const struct internal_seed {
	const char *code, *title;
	enum svc svc;
	const char *opened, *closed;
	const char *notes[9];
} internals[NINTERNAL] = {
	[INT_ADMIN] = { "INT-ADMIN", "Administration interne", SVC_GOUV, "2015-04-01", "",
		{ "Rencontre d'équipe", "Saisie des feuilles de temps", "Réunion de direction",
		  "Préparation du conseil d'administration", "Courriels et suivis administratifs",
		  "Planification des ressources", "Rencontre de supervision" } },
	[INT_DEVAFF] = { "INT-DEVAFF", "Développement des affaires", SVC_MKT, "2015-04-01", "",
		{ "Préparation d'une offre de service", "Rencontre de développement avec la CDRQ",
		  "Assises du CQCM", "Congrès de Coopératives et mutuelles Canada",
		  "Forum Québec-Ontario sur l'économie sociale", "Rencontre des réseaux",
		  "Suivi des demandes de membres potentiels", "Rencontre avec le Chantier de l'économie sociale",
		  "Présentation des services à un regroupement d'OBNL" } },
	[INT_FORM] = { "INT-FORM", "Formation continue du personnel", SVC_FORM, "2015-04-01", "",
		{ "Formation continue : fiscalité des coopératives", "Webinaire sur les normes comptables",
		  "Veille professionnelle", "Formation sur la Loi sur les coopératives",
		  "Colloque professionnel", "Formation sur les outils collaboratifs" } },
	[INT_REING] = { "INT-REING", "Réingénierie des processus d'affaires du Consortium", SVC_DO,
		"2019-07-02", "2020-03-31",
		{ "Réingénierie des processus d'affaires", "Cartographie du service aux membres",
		  "Atelier d'optimisation des ressources", "Rédaction des nouvelles procédures" } },
};

/* ------------------------------------------------------------------------
 * People.  Invented names; none of the report's board members.
 */
static const char *const female_names[] = {
	"Éloïse", "Marie-Ève", "Geneviève", "Isabelle", "Catherine", "Julie", "Nathalie", "Sophie",
	"Mélanie", "Valérie", "Annie", "Josée", "Chantal", "Karine", "Émilie", "Audrey", "Myriam",
	"Stéphanie", "Caroline", "Véronique", "Maude", "Andrée-Anne", "Hélène", "Lucie", "Sylvie",
	"Danielle", "Josianne", "Noémie", "Rosalie", "Béatrice", "Frédérique", "Anne-Sophie",
	"Marie-Claude", "Louise", "France", "Brigitte", "Mireille", "Joëlle", "Amélie", "Édith",
};
static const char *const male_names[] = {
	"François", "Jean-François", "Mathieu", "Simon", "Olivier", "Sébastien", "Étienne", "Frédéric",
	"Marc-André", "Pierre-Luc", "Guillaume", "Alexandre", "Jérôme", "Luc", "Martin", "Éric",
	"Stéphane", "Patrick", "Daniel", "Denis", "Réjean", "Gilles", "Michel", "Yannick", "Maxime",
	"Jean-Philippe", "Louis", "Raphaël", "Félix", "Gabriel", "Hugo", "Vincent", "Normand", "André",
	"Marc", "Philippe", "Charles", "Dominic", "Jonathan", "Hugues",
};
static const char *const surnames[] = {
	"Tremblay", "Gagnon", "Roy", "Côté", "Bouchard", "Gauthier", "Morin", "Lavoie", "Fortin",
	"Gagné", "Ouellet", "Pelletier", "Bélanger", "Lévesque", "Bergeron", "Leblanc", "Paquette",
	"Girard", "Simard", "Boucher", "Beaulieu", "Cloutier", "Dubé", "Poirier", "Fournier",
	"Lapointe", "Leclerc", "Lefebvre", "Poulin", "Thibault", "St-Pierre", "Nadeau", "Landry",
	"Martel", "Grenier", "Lessard", "Richard", "Michaud", "Hébert", "Desjardins", "Couture",
	"Turcotte", "Lachance", "Parent", "Blais", "Gosselin", "Savard", "Proulx", "Beaudoin",
	"Demers", "Perreault", "Boudreau", "Lemieux", "Cyr", "Allard", "Vachon", "Labbé", "Rousseau",
	"Plante", "Charbonneau", "Mercier", "Deschênes", "Ménard", "Béland", "Thériault", "Giroux",
	"Champagne", "Brassard", "Lalonde", "Arsenault", "Lacroix", "Lemay", "Drouin", "Picard",
	"Rioux", "Gingras", "Breton", "Létourneau", "Duchesne", "Pépin", "Robitaille", "Larouche",
	"Bégin", "Cormier",
};

#define NELEMS(a) ((int)(sizeof(a) / sizeof((a)[0])))

#define N_PROFESSIONALS 47
#define N_TRAINERS 20
#define N_DIRECTIONS 6              /* the invoking user is the sixth */
#define N_PART_TIME_TRAINERS 8
#define N_EXPERTS (N_PROFESSIONALS + N_TRAINERS + N_DIRECTIONS)

/* ------------------------------------------------------------------------
 * Places.
 */
enum region { REG_QC, REG_CA, REG_VHSL, REG_MTL, REG_ON, NREGIONS };

struct town { const char *place, *city, *fsa; };

static const struct town towns_qc[] = {
	{ "Rimouski", 0, "G5L" }, { "Saguenay", 0, "G7H" }, { "Alma", 0, "G8B" },
	{ "Sherbrooke", 0, "J1H" }, { "Magog", 0, "J1X" }, { "Granby", 0, "J2G" },
	{ "Drummondville", 0, "J2B" }, { "Trois-Rivières", 0, "G9A" }, { "Victoriaville", 0, "G6P" },
	{ "Saint-Hyacinthe", 0, "J2S" }, { "Longueuil", 0, "J4K" }, { "Laval", 0, "H7N" },
	{ "Gatineau", 0, "J8X" }, { "Rouyn-Noranda", 0, "J9X" }, { "Val-d'Or", 0, "J9P" },
	{ "Sept-Îles", 0, "G4R" }, { "Baie-Comeau", 0, "G4Z" }, { "Gaspé", 0, "G4X" },
	{ "Matane", 0, "G4W" }, { "Rivière-du-Loup", 0, "G5R" }, { "Joliette", 0, "J6E" },
	{ "Saint-Jérôme", 0, "J7Z" }, { "Mont-Laurier", 0, "J9L" }, { "Shawinigan", 0, "G9N" },
	{ "La Pocatière", 0, "G0R" }, { "Baie-Saint-Paul", 0, "G3Z" }, { "Roberval", 0, "G8H" },
	{ "Dolbeau-Mistassini", 0, "G8L" }, { "Cowansville", 0, "J2K" },
	{ "Saint-Jean-sur-Richelieu", 0, "J3B" }, { "Sorel-Tracy", 0, "J3P" }, { "Lachute", 0, "J8H" },
	{ "Amos", 0, "J9T" }, { "La Sarre", 0, "J9Z" }, { "Chibougamau", 0, "G8P" },
	{ "Amqui", 0, "G5J" }, { "New Richmond", 0, "G0C" }, { "Carleton-sur-Mer", 0, "G0C" },
	{ "Sainte-Anne-des-Monts", 0, "G4V" }, { "Havre-Saint-Pierre", 0, "G0G" },
	{ "Forestville", 0, "G0T" }, { "Nicolet", 0, "J3T" }, { "Bécancour", 0, "G9H" },
	{ "La Tuque", 0, "G9X" }, { "Louiseville", 0, "J5V" }, { "Berthierville", 0, "J0K" },
	{ "Terrebonne", 0, "J6W" }, { "Repentigny", 0, "J6A" }, { "Mirabel", 0, "J7J" },
	{ "Sainte-Agathe-des-Monts", 0, "J8C" }, { "Mont-Tremblant", 0, "J8E" },
	{ "Maniwaki", 0, "J9E" }, { "Coaticook", 0, "J1A" }, { "Lac-Mégantic", 0, "G6B" },
	{ "Acton Vale", 0, "J0H" }, { "Farnham", 0, "J2N" }, { "Vaudreuil-Dorion", 0, "J7V" },
	{ "Saint-Eustache", 0, "J7R" }, { "Blainville", 0, "J7C" }, { "Brossard", 0, "J4W" },
	{ "Chambly", 0, "J3L" }, { "Beloeil", 0, "J3G" }, { "La Malbaie", 0, "G5A" },
	{ "Jonquière", 0, "G7X" }, { "Saint-Félicien", 0, "G8K" }, { "Dégelis", 0, "G5T" },
	{ "Trois-Pistoles", 0, "G0L" }, { "Mascouche", 0, "J7K" }, { "Kamouraska", 0, "G0L" },
	{ "Montmagny", 0, "G5V" }, { "Québec", 0, "G1R" }, { "Montréal", 0, "H2X" },
};
static const struct town towns_ca[] = {
	{ "Lévis", 0, "G6V" }, { "Saint-Georges", 0, "G5Y" }, { "Thetford Mines", 0, "G6G" },
	{ "Sainte-Marie", 0, "G6E" }, { "Beauceville", 0, "G5X" }, { "Saint-Joseph-de-Beauce", 0, "G0S" },
	{ "Lac-Etchemin", 0, "G0R" }, { "Saint-Jean-Port-Joli", 0, "G0R" }, { "Sainte-Claire", 0, "G0R" },
	{ "Saint-Apollinaire", 0, "G0S" }, { "Disraeli", 0, "G0N" }, { "Saint-Lambert-de-Lauzon", 0, "G0S" },
};
static const struct town towns_vhsl[] = {
	{ "Salaberry-de-Valleyfield", 0, "J6T" }, { "Huntingdon", 0, "J0S" }, { "Châteauguay", 0, "J6J" },
	{ "Beauharnois", 0, "J6N" }, { "Saint-Rémi", 0, "J0L" }, { "Ormstown", 0, "J0S" },
	{ "Sainte-Martine", 0, "J0S" }, { "Saint-Chrysostome", 0, "J0S" },
};
static const struct town towns_mtl[] = {
	{ "Rosemont", "Montréal", "H1X" }, { "Hochelaga-Maisonneuve", "Montréal", "H1W" },
	{ "Verdun", "Montréal", "H4G" }, { "Villeray", "Montréal", "H2R" },
	{ "Plateau-Mont-Royal", "Montréal", "H2J" }, { "Saint-Michel", "Montréal", "H1Z" },
	{ "Côte-des-Neiges", "Montréal", "H3S" }, { "Pointe-Saint-Charles", "Montréal", "H3K" },
	{ "Ahuntsic", "Montréal", "H3L" }, { "Mercier", "Montréal", "H1N" },
	{ "Petite-Patrie", "Montréal", "H2S" }, { "Saint-Henri", "Montréal", "H4C" },
	{ "Montréal-Nord", "Montréal", "H1G" }, { "Lachine", "Montréal", "H8S" },
};
static const struct town towns_on[] = {
	{ "Ottawa", 0, "K1N" }, { "Sudbury", 0, "P3E" }, { "Hearst", 0, "P0L" }, { "Hawkesbury", 0, "K6A" },
	{ "Cornwall", 0, "K6H" }, { "Timmins", 0, "P4N" }, { "Kapuskasing", 0, "P5N" },
	{ "Embrun", 0, "K0A" }, { "Casselman", 0, "K0A" }, { "Welland", 0, "L3B" },
	{ "Penetanguishene", 0, "L9M" }, { "Rockland", 0, "K4K" }, { "Toronto", 0, "M5V" },
};

static const struct { const struct town *t; int n; } regions[NREGIONS] = {
	[REG_QC] = { towns_qc, NELEMS(towns_qc) }, [REG_CA] = { towns_ca, NELEMS(towns_ca) },
	[REG_VHSL] = { towns_vhsl, NELEMS(towns_vhsl) }, [REG_MTL] = { towns_mtl, NELEMS(towns_mtl) },
	[REG_ON] = { towns_on, NELEMS(towns_on) },
};

static const char *const streets[] = {
	"rue Principale", "rue Saint-Jean", "boulevard Laurier", "avenue Cartier", "rue Notre-Dame Est",
	"rue King Ouest", "boulevard de la Rive-Sud", "rue Racine Est", "chemin Sainte-Foy",
	"rue Wellington Nord", "rue des Forges", "boulevard Talbot", "rue Sherbrooke Est",
	"rue de l'Église", "avenue du Parc", "rue Saint-Joseph", "boulevard Saint-Laurent",
	"rue Dufferin", "rue du Couvent", "rue Principale Ouest", "avenue de la Gare", "rue Champlain",
};

/* ------------------------------------------------------------------------
 * Organisations.  The networks the report names, with their join dates,
 * then members and enterprises generated by kind.
 */
enum cat { CAT_MEMBRE = CATEGORY_MEMBRE, CAT_AUX = CATEGORY_AUXILIAIRE, CAT_SOUTIEN = CATEGORY_SOUTIEN,
	CAT_NON = CATEGORY_NON_MEMBRE };


static const struct named_org {
	const char *code, *name;
	enum cat cat;
	int fm, tax_exempt;
	const char *joined;          /* "" for partners that are not members */
	enum region region;
	const char *place;
	int fee_dollars;             /* monthly fee of the full-management forfait */
} named_orgs[] = {
	{ DEMO_CENTRE_CODE, "Consortium de ressources et d'expertises coopératives", CAT_NON, 0, 0, "",
	  REG_CA, "Lévis", 0 },
	{ "RCEESAD", "Réseau de coopération des EÉSAD", CAT_MEMBRE, 1, 0, "2012-05-01", REG_QC, "Québec", 21500 },
	{ "FCPQ", "Fédération des coopératives des paramédics du Québec", CAT_MEMBRE, 1, 0, "2012-05-01",
	  REG_QC, "Québec", 14500 },
	{ "FQCS", "Fédération québécoise des coopératives de santé", CAT_MEMBRE, 1, 0, "2013-01-15",
	  REG_QC, "Québec", 9800 },
	{ "MPEESAD", "La mutuelle de prévention des EÉSAD", CAT_MEMBRE, 1, 0, "2014-04-01", REG_CA, "Lévis", 6200 },
	{ "CQCH", "Confédération québécoise des coopératives d'habitation", CAT_MEMBRE, 0, 0, "2012-05-01",
	  REG_QC, "Montréal", 0 },
	{ "FCAQ", "Fédération des coopératives d'alimentation du Québec", CAT_MEMBRE, 0, 0, "2013-09-03",
	  REG_QC, "Montréal", 0 },
	{ "CQCM", "Conseil québécois de la coopération et de la mutualité", CAT_MEMBRE, 0, 0, "2012-05-01",
	  REG_CA, "Lévis", 0 },
	{ "FCSDSQ", "Fédération des coopératives de services à domicile et de santé du Québec", CAT_MEMBRE,
	  0, 0, "2015-02-02", REG_QC, "Québec", 0 },
	{ "FCCTQ", "Fédération des coopératives de câblodistribution et de télécommunication du Québec",
	  CAT_MEMBRE, 0, 0, "2016-06-01", REG_QC, "Drummondville", 0 },
	{ "CDRQ", "Coopérative de développement régional du Québec", CAT_MEMBRE, 0, 0, "2014-10-01",
	  REG_CA, "Lévis", 0 },
	{ "FQCMS", "Fédération québécoise des coopératives en milieu scolaire", CAT_MEMBRE, 0, 0, "2016-01-11",
	  REG_QC, "Montréal", 0 },
	{ "FCFQ", "Fédération des coopératives funéraires du Québec", CAT_MEMBRE, 0, 0, "2017-03-01",
	  REG_QC, "Québec", 0 },
	{ "RCTQ", "Réseau de la coopération du travail du Québec", CAT_MEMBRE, 0, 0, "2017-09-05",
	  REG_QC, "Québec", 0 },
	{ "FQCF", "Fédération québécoise des coopératives forestières", CAT_MEMBRE, 0, 0, "2018-05-14",
	  REG_QC, "Québec", 0 },
	{ "CCO", "Conseil de la coopération de l'Ontario", CAT_MEMBRE, 0, 0, "2019-09-16", REG_ON, "Ottawa", 0 },
	{ "CDEC-QC", "Corporation de développement économique communautaire de Québec", CAT_AUX, 0, 0,
	  "2018-11-05", REG_QC, "Québec", 0 },
	{ "TRESCA", "Table régionale d'économie sociale de Chaudière-Appalaches (TRÉSCA)", CAT_AUX, 0, 0,
	  "2016-05-09", REG_CA, "Sainte-Marie", 0 },
	{ "CEIQ", "Collectif des entreprises d'insertion du Québec", CAT_AUX, 0, 0, "2016-06-06",
	  REG_QC, "Montréal", 0 },
	{ "CDEPNQL", "Commission de développement économique des Premières Nations du Québec et du Labrador",
	  CAT_AUX, 0, 1, "2019-07-02", REG_QC, "Québec", 0 },
	{ "CESIM", "Conseil d'économie sociale de l'île de Montréal (CÉSIM)", CAT_AUX, 0, 0, "2017-08-07",
	  REG_QC, "Montréal", 0 },
	{ "PESVHSL", "Pôle d'économie sociale de la Vallée-du-Haut-Saint-Laurent", CAT_AUX, 0, 0, "2018-03-05",
	  REG_VHSL, "Salaberry-de-Valleyfield", 0 },
	{ "CNPF", "Commission nationale des parents francophones", CAT_AUX, 0, 0, "2019-11-04",
	  REG_ON, "Ottawa", 0 },
	{ "GJVQ", "Guilde du jeu vidéo du Québec", CAT_AUX, 0, 0, "2019-12-02", REG_QC, "Montréal", 0 },
	{ "GFPD", "Groupe Femmes, Politique et Démocratie", CAT_AUX, 0, 0, "2020-01-13", REG_QC, "Québec", 0 },
	{ "FCFA", "Fédération des communautés francophones et acadienne du Canada", CAT_AUX, 0, 0,
	  "2020-01-20", REG_ON, "Ottawa", 0 },
	{ "SOCODEVI", "Société de coopération pour le développement international (SOCODEVI)", CAT_SOUTIEN,
	  0, 0, "2014-06-02", REG_QC, "Québec", 0 },
	{ "CMC", "Coopératives et mutuelles Canada", CAT_SOUTIEN, 0, 0, "2016-04-04", REG_ON, "Ottawa", 0 },
	{ "FECM", "Fondation pour l'éducation à la coopération et à la mutualité", CAT_SOUTIEN, 0, 0,
	  "2015-09-01", REG_CA, "Lévis", 0 },
	{ "CECOSOL", "Caisse d'économie solidaire", CAT_SOUTIEN, 0, 0, "2013-03-04", REG_QC, "Québec", 0 },
	{ "FIDUCIE-ES", "Fiducie du Chantier de l'économie sociale", CAT_SOUTIEN, 0, 0, "2016-10-03",
	  REG_QC, "Montréal", 0 },
	{ "RISQ", "Réseau d'investissement social du Québec (RISQ)", CAT_SOUTIEN, 0, 0, "2018-06-04",
	  REG_QC, "Montréal", 0 },
	{ "MRC-MEMPHRE", "MRC de Memphrémagog", CAT_NON, 0, 0, "", REG_QC, "Magog", 0 },
	{ "TIESS", "Territoires innovants en économie sociale et solidaire (TIESS)", CAT_NON, 0, 0, "",
	  REG_QC, "Montréal", 0 },
	{ "CHANTIER", "Chantier de l'économie sociale", CAT_NON, 0, 0, "", REG_QC, "Montréal", 0 },
};

/* The member left without an address, and the non-members billed in the
 * current year (operations with members then fall below 100 %). */
#define NO_ADDRESS_CODE "CNPF"
static const char *const nonmember_clients[] = { "MRC-MEMPHRE", "TIESS" };

static const char *const hab_names[] = {
	"Le Phare", "Les Jardins", "La Ruche", "Le Tournesol", "L'Harmonie", "Les Pionniers",
	"La Seigneurie", "Le Boisé", "Les Érables", "La Fontaine", "Le Cercle", "Les Tisserands",
	"L'Entraide", "Le Rivage", "Les Trois Pignons", "Le Colibri", "La Clé des champs", "Les Cèdres",
	"Le Havre", "La Passerelle", NULL
};
static const char *const trav_names[] = {
	"Rouages", "La Mie", "Le Copeau", "Imprime-Tout", "Cyclo-Nord", "Parole", "Le Zèbre", "Toile",
	"Ébène", "Les Brasseurs", "Boussole", "Altitude", "Mosaïque", "Racines", "Pixel", "Atelier Nomade",
	NULL
};
static const char *const solid_names[] = {
	"L'Étincelle", "Le Virage", "La Relance", "Horizon", "Le Carrefour", "L'Envol", "Le Pont",
	"Les Semences", "La Source", "Le Moulin", "Le Fanal", "L'Accueil", "Le Bercail", "Nouvel Élan",
	"La Grange", "Le Quai", NULL
};
static const char *const ins_names[] = {
	"Le Tremplin", "Recyclo", "La Boîte à lunch", "Cuisine Atout", "Répar-Vélo", "Le Fil",
	"Renouveau", "La Bonne Main", "Défi-Emploi", "Le Marché solidaire", "L'Établi", "Ressources-Tri",
	NULL
};
static const char *const on_names[] = {
	"La Fromagerie", "Le Marché", "Les Artisans", "L'Avenir", "Santé Nord", "Le Phénix",
	"Les Pionniers", "Grandir", "La Boulangerie", "Le Cercle", NULL
};

/* {n} a name from `names`, {de} "de <place>" with elision. */
static const struct kind {
	const char *code, *tmpl, *parent;
	enum cat member_cat;
	enum region region;
	int enterprises, members_before, members_2019;
	const char *const *names;
} kinds[] = {
	{ "CSD", "Coopérative de services à domicile {de}", "RCEESAD", CAT_MEMBRE, REG_QC, 51, 6, 2, NULL },
	{ "PARA", "Coopérative des paramédics {de}", "FCPQ", CAT_MEMBRE, REG_QC, 8, 2, 0, NULL },
	{ "SANTE", "Coopérative de solidarité santé {de}", "FQCS", CAT_MEMBRE, REG_QC, 30, 4, 1, NULL },
	{ "SAD", "Coopérative de soutien à domicile {de}", "FCSDSQ", CAT_MEMBRE, REG_QC, 15, 2, 1, NULL },
	{ "HAB", "Coopérative d'habitation {n} {de}", "CQCH", CAT_MEMBRE, REG_QC, 40, 3, 2, hab_names },
	{ "ALIM", "Coopérative d'alimentation {de}", "FCAQ", CAT_MEMBRE, REG_QC, 20, 2, 2, NULL },
	{ "SCOL", "Coopérative étudiante du Cégep {de}", "FQCMS", CAT_MEMBRE, REG_QC, 15, 1, 2, NULL },
	{ "FUN", "Coopérative funéraire {de}", "FCFQ", CAT_MEMBRE, REG_QC, 15, 2, 2, NULL },
	{ "TELE", "Coopérative de câblodistribution {de}", "FCCTQ", CAT_MEMBRE, REG_QC, 10, 1, 0, NULL },
	{ "TRAV", "Coopérative de travail {n} {de}", "RCTQ", CAT_MEMBRE, REG_QC, 14, 1, 2, trav_names },
	{ "FOR", "Coopérative forestière {de}", "FQCF", CAT_MEMBRE, REG_QC, 10, 2, 0, NULL },
	{ "SOL", "Coopérative de solidarité {n} {de}", "CDRQ", CAT_MEMBRE, REG_QC, 16, 1, 0, solid_names },
	{ "INS", "Entreprise d'insertion {n} {de}", "CEIQ", CAT_AUX, REG_QC, 20, 1, 1, ins_names },
	{ "CAB", "Centre d'action bénévole {de}", "TRESCA", CAT_AUX, REG_CA, 10, 1, 1, NULL },
	{ "CC", "Centre communautaire {de}", "CESIM", CAT_AUX, REG_MTL, 10, 1, 1, NULL },
	{ "CDC", "Corporation de développement communautaire {de}", "PESVHSL", CAT_AUX, REG_VHSL, 6, 1, 1,
	  NULL },
	{ "ON", "Coopérative {n} {de}", "CCO", CAT_MEMBRE, REG_ON, 10, 0, 2, on_names },
};

/* ------------------------------------------------------------------------
 * The plan in memory.
 */
struct d_expert {
	struct expert x;
	enum expert_function fn;
	enum role role;
	enum svc svc;                /* specialty */
	int share;                   /* permille of a day billable, before calibration */
	int days_mask;               /* weekdays worked, bit 1 = Monday */
	int day_minutes;
	date_t start;                /* started_on */
	int *mand;                   /* billable mandates they log on */
	int nmand, capmand;
	unsigned char *off;          /* vacation and sick days, from g->d0 */
};

struct d_org {
	struct org o;
	enum cat cat;
	int parent;                  /* index, -1 */
	date_t joined;               /* DATE_OPEN_END when not a member */
	bool enterprise;
	bool network;                /* a named federation or network */
	int kind;                    /* index in kinds[], -1 for named ones */
	int fee_dollars;
};

struct d_mandate {
	struct mandate m;
	enum billing_mode billing;
	enum svc svc;
	date_t open, close;          /* close DATE_OPEN_END when open-ended */
	int client, benef;           /* org indexes */
	int lead;                    /* expert index, -1 for internal mandates */
	int fy;                      /* 0 for internal mandates */
	int internal;                /* enum internal, -1 */
	bool fm_team;                /* full-management forfait: notes follow the expert */
	bool open_ended;
	int64_t minutes;             /* planned */
};

struct d_entry {
	date_t date;
	uint16_t expert, mandate;
	uint16_t minutes;
	uint8_t note;
};

struct seg {
	int fy;
	date_t from, to;             /* days that get entries */
	date_t plan_end;             /* mandates run to here */
	int64_t target;
};

struct gen {
	struct app *a;
	struct fy_start fs;
	date_t today;
	date_t d0, d1;               /* the range of the off-day arrays */
	struct seg seg[DEMO_YEARS_MAX];
	int nseg;

	struct d_expert x[N_EXPERTS];
	int nx;
	int user;                    /* index of the invoking user */

	struct d_org *o;
	int no, capo;
	int centre;

	struct d_mandate *m;
	int nm, capm;
	int internal[NINTERNAL];
	bool no_address_used;        /* the client without address has a mandate */

	struct d_entry *en;
	size_t nen, capen;
};

/* ------------------------------------------------------------------------
 * Small text helpers.
 */

/* ASCII letter for a Latin-1 accented letter given as its UTF-8 bytes. */
static char fold_utf8(const unsigned char *p, int *len)
{
	static const struct { unsigned char b; char c; } c3[] = {
		{ 0x80, 'A' }, { 0x82, 'A' }, { 0x87, 'C' }, { 0x88, 'E' }, { 0x89, 'E' }, { 0x8a, 'E' },
		{ 0x8b, 'E' }, { 0x8e, 'I' }, { 0x8f, 'I' }, { 0x94, 'O' }, { 0x99, 'U' }, { 0x9b, 'U' },
		{ 0xa0, 'a' }, { 0xa2, 'a' }, { 0xa4, 'a' }, { 0xa7, 'c' }, { 0xa8, 'e' }, { 0xa9, 'e' },
		{ 0xaa, 'e' }, { 0xab, 'e' }, { 0xae, 'i' }, { 0xaf, 'i' }, { 0xb4, 'o' }, { 0xb6, 'o' },
		{ 0xb9, 'u' }, { 0xbb, 'u' }, { 0xbc, 'u' },
	};
	*len = 1;
	if (p[0] < 0x80)
		return (char)p[0];
	if (p[0] == 0xc3 && p[1]) {
		*len = 2;
		for (int i = 0; i < NELEMS(c3); i++)
			if (c3[i].b == p[1])
				return c3[i].c;
		return '-';
	}
	/* another multi-byte sequence: skip it whole */
	while ((p[*len] & 0xc0) == 0x80)
		(*len)++;
	return '-';
}

/* "Sainte-Anne-des-Monts" -> "SAINTE-ANNE-DES-MONTS"; at most max chars. */
static void slug(const char *s, char *out, size_t max, bool upper)
{
	size_t n = 0;
	const unsigned char *p = (const unsigned char *)s;
	while (*p && n < max) {
		int len;
		char c = fold_utf8(p, &len);
		p += len;
		if (c >= 'a' && c <= 'z' && upper)
			c = (char)(c - 'a' + 'A');
		else if (c >= 'A' && c <= 'Z' && !upper)
			c = (char)(c - 'A' + 'a');
		else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
			c = '-';
		if (c == '-' && (n == 0 || out[n - 1] == '-'))
			continue;
		out[n++] = c;
	}
	while (n > 0 && out[n - 1] == '-')
		n--;
	out[n] = '\0';
}

/* "de Rimouski", "d'Alma", "d'Évain". */
static void de_place(const char *place, char *out, size_t n)
{
	int len;
	char c = fold_utf8((const unsigned char *)place, &len);
	bool vowel = strchr("AEIOUaeiou", c) != NULL && c != '\0';
	snprintf(out, n, "%s%s", vowel ? "d'" : "de ", place);
}

/* Appends s to the buffer, bounded. */
static void cat_str(char *out, size_t n, size_t *at, const char *s)
{
	size_t k = strlen(s);
	if (*at + k >= n)
		k = *at < n - 1 ? n - 1 - *at : 0;
	memcpy(out + *at, s, k);
	*at += k;
	out[*at] = '\0';
}

/* Expands {fy} {y} {y1} {y3} for a date d in fiscal year fy, and {n} {de}
 * for organisation names. */
static void expand(const char *tmpl, date_t d, int fy, struct fy_start fs, const char *name,
	const char *de, char *out, size_t n)
{
	size_t at = 0;
	int y, mo, da;
	char buf[64];
	date_to_ymd(d, &y, &mo, &da);
	out[0] = '\0';
	for (const char *p = tmpl; *p; ) {
		const char *rep = NULL;
		size_t skip = 0;
		if (strncmp(p, "{fy}", 4) == 0) {
			rep = fy_name(fy, fs, buf, sizeof buf), skip = 4;
		} else if (strncmp(p, "{y}", 3) == 0) {
			snprintf(buf, sizeof buf, "%d", y), rep = buf, skip = 3;
		} else if (strncmp(p, "{y1}", 4) == 0) {
			snprintf(buf, sizeof buf, "%d", y + 1), rep = buf, skip = 4;
		} else if (strncmp(p, "{y3}", 4) == 0) {
			snprintf(buf, sizeof buf, "%d", y + 3), rep = buf, skip = 4;
		} else if (strncmp(p, "{n}", 3) == 0) {
			rep = name ? name : "", skip = 3;
		} else if (strncmp(p, "{de}", 4) == 0) {
			rep = de ? de : "", skip = 4;
		}
		if (rep) {
			cat_str(out, n, &at, rep);
			p += skip;
		} else {
			char one[2] = { *p++, '\0' };
			cat_str(out, n, &at, one);
		}
	}
}

static int count_list(const char *const *l, int max)
{
	int n = 0;
	while (n < max && l[n])
		n++;
	return n;
}

static date_t iso(const char *s)
{
	date_t d;
	if (!s || !*s || date_parse(s, &d, NULL) != JUSTE_OK)
		return DATE_OPEN_END;
	return d;
}

static void put_date(char out[ISO_LEN], date_t d)
{
	if (d == DATE_OPEN_END) {
		out[0] = '\0';
		return;
	}
	char buf[DATE_BUF];
	snprintf(out, ISO_LEN, "%s", date_format(d, buf));
}

static date_t next_weekday(date_t d)
{
	while (date_weekday(d) > 5)
		d++;
	return d;
}

static juste_status nomem(struct juste_err *e)
{
	return err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
}

/* ------------------------------------------------------------------------
 * Calendar: Québec statutory holidays, the holiday closure, vacations.
 */
static date_t easter(int y)
{
	int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25;
	int g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4;
	int l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
	int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
	return date_from_ymd(y, month, day);
}

/* n-th Monday of a month (n >= 1). */
static date_t nth_monday(int y, int m, int n)
{
	date_t d = date_from_ymd(y, m, 1);
	while (date_weekday(d) != 1)
		d++;
	return d + 7 * (n - 1);
}

/* A holiday falling on a Sunday moves to Monday (Loi sur la fête nationale;
 * the same usage for Canada Day). */
static date_t observed(int y, int m, int d)
{
	date_t t = date_from_ymd(y, m, d);
	return date_weekday(t) == 7 ? t + 1 : t;
}

/* The office closes from the Monday of Christmas week for two weeks. */
static bool holiday_closure(date_t d)
{
	int y, m, dd;
	date_to_ymd(d, &y, &m, &dd);
	for (int yy = y - 1; yy <= y; yy++) {
		date_t start = date_monday(date_from_ymd(yy, 12, 24));
		if (d >= start && d < start + 14)
			return true;
	}
	return false;
}

static bool is_day_off(date_t d)
{
	int y, m, dd;
	if (date_weekday(d) > 5 || holiday_closure(d))
		return true;
	date_to_ymd(d, &y, &m, &dd);
	date_t patriotes = date_from_ymd(y, 5, 24);
	while (date_weekday(patriotes) != 1)
		patriotes--;
	const date_t list[] = {
		easter(y) - 2,                       /* Vendredi saint */
		patriotes,                           /* Journée nationale des patriotes */
		observed(y, 6, 24),                  /* Fête nationale */
		observed(y, 7, 1),                   /* Fête du Canada */
		nth_monday(y, 9, 1),                 /* Fête du Travail */
		nth_monday(y, 10, 2),                /* Action de grâce */
	};
	for (int i = 0; i < NELEMS(list); i++)
		if (d == list[i])
			return true;
	return false;
}

static void mark_off(struct gen *g, struct d_expert *x, date_t from, int days)
{
	for (date_t d = from; d < from + days; d++)
		if (d >= g->d0 && d <= g->d1)
			x->off[d - g->d0] = 1;
}

/* Four weeks in summer (sometimes three, and the week of the spring
 * break), and a few sick days, for each year generated. */
static void plan_vacations(struct gen *g)
{
	for (int s = 0; s < g->nseg; s++) {
		const struct seg *sg = &g->seg[s];
		for (int i = 0; i < g->nx; i++) {
			struct d_expert *x = &g->x[i];
			struct rng r = rng_make(S_CALENDAR, sg->fy, i);
			int y = sg->fy;
			date_t first = date_monday(date_from_ymd(y, 6, 17)) + 7;
			date_t start = first + 7 * rng_int(&r, 8);
			if (rng_chance(&r, 250)) {
				mark_off(g, x, start, 21);
				mark_off(g, x, date_monday(date_from_ymd(y + 1, 3, 3)), 5);
			} else {
				mark_off(g, x, start, 28);
			}
			int sick = rng_range(&r, 2, 5), span = (int)(sg->plan_end - sg->from) + 1;
			for (int k = 0; k < sick; k++)
				mark_off(g, x, sg->from + rng_int(&r, span), 1);
		}
	}
}

static bool works(const struct gen *g, const struct d_expert *x, date_t d)
{
	if (d < x->start || d < g->d0 || d > g->d1 || x->off[d - g->d0])
		return false;
	return (x->days_mask >> date_weekday(d)) & 1;
}

/* ------------------------------------------------------------------------
 * Experts.
 */
static void login_of(const char *first, const char *last, char *out, size_t n)
{
	char f[8], l[48];
	slug(first, f, 1, false);
	slug(last, l, 40, false);
	size_t k = 0;
	for (const char *p = l; *p && k + 1 < sizeof l; p++)
		if (*p != '-')
			l[k++] = *p;
	l[k] = '\0';
	snprintf(out, n, "%s%s", f, l);
}

static bool name_taken(const struct gen *g, int upto, const char *name, const char *login)
{
	for (int i = 0; i < upto; i++)
		if (strcmp(g->x[i].x.name, name) == 0 || strcmp(g->x[i].x.login, login) == 0)
			return true;
	return false;
}

static void user_name(const char *login, char *out, size_t n)
{
	struct passwd *pw = getpwnam(login);
	const char *gecos = pw && pw->pw_gecos ? pw->pw_gecos : "";
	size_t k = strcspn(gecos, ",");
	if (k > 0 && k < n)
		snprintf(out, n, "%.*s", (int)k, gecos);
	else
		snprintf(out, n, "%s", login);
}

static const enum svc direction_svc[N_DIRECTIONS] = {
	SVC_STRAT, SVC_DO, SVC_GOUV, SVC_FIN, SVC_RH, SVC_STRAT
};

static void plan_experts(struct gen *g)
{
	struct rng r = rng_make(S_EXPERTS, 0, 0);
	const char *me = g->a->actor;
	int svc = 0, svc_left = services[0].professionals;

	g->nx = N_EXPERTS;
	for (int i = 0; i < N_EXPERTS; i++) {
		struct d_expert *x = &g->x[i];
		memset(x, 0, sizeof *x);
		x->days_mask = 0x3e;             /* Monday to Friday */
		x->day_minutes = 420;
		x->x.weekly_minutes = 2100;
		if (i < N_PROFESSIONALS) {
			x->fn = FUNCTION_PROFESSIONNEL;
			while (svc_left == 0)
				svc_left = services[++svc].professionals;
			x->svc = (enum svc)svc;
			svc_left--;
			x->share = 700 + rng_int(&r, 121);
		} else if (i < N_PROFESSIONALS + N_TRAINERS) {
			x->fn = FUNCTION_FORMATEUR;
			x->svc = SVC_FORM;
			x->share = 780 + rng_int(&r, 81);
			if (i - N_PROFESSIONALS < N_PART_TIME_TRAINERS) {
				bool three = (i - N_PROFESSIONALS) % 2 == 0;
				x->days_mask = three ? 0x1c : (rng_chance(&r, 500) ? 0x0a : 0x14);
				x->x.weekly_minutes = three ? 1260 : 840;
			}
		} else {
			x->fn = FUNCTION_DIRECTION;
			x->svc = direction_svc[i - N_PROFESSIONALS - N_TRAINERS];
			x->share = 300 + rng_int(&r, 81);
		}
		x->role = ROLE_EXPERT;
		x->x.function = x->fn;

		/* started before the data: 2004 to 2017 */
		date_t start = next_weekday(date_from_ymd(2004, 1, 5) + rng_int(&r, 13 * 365 + 200));
		put_date(x->x.started_on, start);
		x->start = start;
		if (i == N_EXPERTS - 1)
			break;                       /* the invoking user, below */
		for (;;) {
			bool woman = i % 2 == 0;
			const char *first = woman ? female_names[rng_int(&r, NELEMS(female_names))]
				: male_names[rng_int(&r, NELEMS(male_names))];
			const char *last = surnames[rng_int(&r, NELEMS(surnames))];
			char name[NAME_LEN], login[LOGIN_LEN];
			snprintf(name, sizeof name, "%s %s", first, last);
			login_of(first, last, login, sizeof login);
			if (name_taken(g, i, name, login))
				continue;
			snprintf(x->x.name, sizeof x->x.name, "%s", name);
			/* the invoking user keeps their login; the namesake gets a 2 */
			if (strcmp(login, me) == 0)
				snprintf(x->x.login, sizeof x->x.login, "%.62s2", login);
			else
				snprintf(x->x.login, sizeof x->x.login, "%s", login);
			break;
		}
	}

	/* Roles: two billing clerks among the accountants, the general
	 * manager is admin, two managers; the invoking user is admin too. */
	g->x[0].role = g->x[1].role = ROLE_COMMIS;
	g->x[0].share = g->x[1].share = 450;
	int dir0 = N_PROFESSIONALS + N_TRAINERS;
	g->x[dir0].role = ROLE_ADMIN;
	g->x[dir0 + 1].role = g->x[dir0 + 2].role = ROLE_GESTIONNAIRE;

	g->user = N_EXPERTS - 1;
	struct d_expert *u = &g->x[g->user];
	snprintf(u->x.login, sizeof u->x.login, "%s", me);
	user_name(me, u->x.name, sizeof u->x.name);
	u->role = ROLE_ADMIN;
	u->share = 320;

	for (int i = 0; i < g->nx; i++)
		g->x[i].x.role = g->x[i].role;
}

/* ------------------------------------------------------------------------
 * Organisations.
 */
static int org_add(struct gen *g)
{
	if (g->no == g->capo) {
		int cap = g->capo ? g->capo * 2 : 512;
		struct d_org *p = realloc(g->o, (size_t)cap * sizeof *p);
		if (!p)
			return -1;
		g->o = p;
		g->capo = cap;
	}
	memset(&g->o[g->no], 0, sizeof g->o[g->no]);
	g->o[g->no].parent = -1;
	g->o[g->no].kind = -1;
	g->o[g->no].joined = DATE_OPEN_END;
	return g->no++;
}

static int org_find(const struct gen *g, const char *code)
{
	for (int i = 0; i < g->no; i++)
		if (strcmp(g->o[i].o.code, code) == 0)
			return i;
	return -1;
}

static void org_address(struct rng *r, const struct town *t, bool ontario, char *out, size_t n)
{
	static const char letters[] = "ABCEGHJKLMNPRSTVWXYZ";
	snprintf(out, n, "%d, %s, %s (%s)  %s %d%c%d", rng_range(r, 10, 4999),
		streets[rng_int(r, NELEMS(streets))], t->city ? t->city : t->place,
		ontario ? "Ontario" : "Québec", t->fsa, rng_int(r, 10),
		letters[rng_int(r, (int)sizeof letters - 1)], rng_int(r, 10));
}

static void org_email(struct rng *r, const char *code, char *out, size_t n)
{
	static const char *const box[] = { "info", "direction", "admin", "comptabilite", "accueil" };
	char s[CODE_LEN];
	slug(code, s, sizeof s - 1, false);
	snprintf(out, n, "%s@%s.example", box[rng_int(r, NELEMS(box))], s);
}

static const struct town *town_named(enum region reg, const char *place)
{
	for (int i = 0; i < regions[reg].n; i++)
		if (strcmp(regions[reg].t[i].place, place) == 0)
			return &regions[reg].t[i];
	return &regions[reg].t[0];
}

static void org_code_unique(const struct gen *g, char *code)
{
	if (org_find(g, code) < 0)
		return;
	char base[21];
	snprintf(base, sizeof base, "%.20s", code);
	for (int k = 2; ; k++) {
		snprintf(code, CODE_LEN, "%s-%d", base, k);
		if (org_find(g, code) < 0)
			return;
	}
}

/* Join dates of generated members: before 2019-04-01 (a few in 2018-2019),
 * or during 2019-2020 (spread over the months, by the end of January so
 * that each has time to use the services). */
static date_t member_join(struct rng *r, bool in_2019)
{
	if (in_2019)
		return next_weekday(date_from_ymd(2019, 4, 8) + rng_int(r, 290));
	if (rng_chance(r, 230))
		return next_weekday(date_from_ymd(2018, 4, 9) + rng_int(r, 330));
	return next_weekday(date_from_ymd(2012, 9, 3) + rng_int(r, 5 * 365));
}

static juste_status plan_orgs(struct gen *g, struct juste_err *e)
{
	struct rng r = rng_make(S_ORGS, 0, 0);

	for (int i = 0; i < NELEMS(named_orgs); i++) {
		const struct named_org *n = &named_orgs[i];
		int k = org_add(g);
		if (k < 0)
			return nomem(e);
		struct d_org *o = &g->o[k];
		snprintf(o->o.code, sizeof o->o.code, "%s", n->code);
		snprintf(o->o.name, sizeof o->o.name, "%s", n->name);
		o->cat = n->cat;
		o->o.full_management = n->fm;
		o->o.tax_exempt = n->tax_exempt;
		o->joined = iso(n->joined);
		o->network = n->cat == CAT_MEMBRE || n->cat == CAT_AUX;
		o->fee_dollars = n->fee_dollars;
		org_address(&r, town_named(n->region, n->place), n->region == REG_ON, o->o.address,
			sizeof o->o.address);
		/* its taxes follow where it is: the Ontario network pays TVH */
		o->o.province = n->region == REG_ON ? PROVINCE_ON : PROVINCE_QC;
		org_email(&r, n->code, o->o.email, sizeof o->o.email);
		if (strcmp(n->code, NO_ADDRESS_CODE) == 0)
			o->o.address[0] = '\0';
	}
	g->centre = org_find(g, DEMO_CENTRE_CODE);
	snprintf(g->o[g->centre].o.email, sizeof g->o[g->centre].o.email, "%s", DEMO_MARKER_EMAIL);
	snprintf(g->o[g->centre].o.address, sizeof g->o[g->centre].o.address, "%s",
		"5400, boulevard des Galeries, bureau 110, Lévis (Québec)  G6V 0A1");

	/* Generated members first (their networks are named above), then the
	 * enterprises.  Each kind walks its region's places in a shuffled
	 * order so that no place repeats within a kind. */
	for (int pass = 0; pass < 2; pass++) {
		for (int kd = 0; kd < NELEMS(kinds); kd++) {
			const struct kind *K = &kinds[kd];
			struct rng kr = rng_make(S_ORGS, 100 + kd, 1 + pass);
			struct rng places = rng_make(S_ORGS, 100 + kd, 0);
			int nt = regions[K->region].n, order[128];
			for (int i = 0; i < nt; i++)
				order[i] = i;
			rng_shuffle(&places, order, nt);
			int nnames = K->names ? count_list(K->names, 64) : 0;
			int members = K->members_before + K->members_2019;
			int from = pass == 0 ? 0 : members;
			int to = pass == 0 ? members : members + K->enterprises;
			int parent = org_find(g, K->parent);
			for (int j = from; j < to; j++) {
				const struct town *t = &regions[K->region].t[order[j % nt]];
				const char *name = nnames ? K->names[rng_int(&kr, nnames)] : NULL;
				char de[NAME_LEN], code[CODE_LEN], s1[25], s2[11];
				de_place(t->place, de, sizeof de);
				int k = org_add(g);
				if (k < 0)
					return nomem(e);
				struct d_org *o = &g->o[k];
				expand(K->tmpl, 0, 2019, g->fs, name, de, o->o.name, sizeof o->o.name);
				slug(t->place, s1, name ? 14 : 24, true);
				if (name) {
					slug(name, s2, 10, true);
					snprintf(code, sizeof code, "%.5s-%s-%.14s", K->code, s2, s1);
				} else {
					snprintf(code, sizeof code, "%.5s-%s", K->code, s1);
				}
				org_code_unique(g, code);
				snprintf(o->o.code, sizeof o->o.code, "%s", code);
				o->parent = parent;
				o->kind = kd;
				if (pass == 0) {
					o->cat = K->member_cat;
					o->joined = member_join(&kr, j >= K->members_before);
				} else {
					o->cat = CAT_NON;
					o->enterprise = true;
				}
				org_address(&kr, t, K->region == REG_ON, o->o.address, sizeof o->o.address);
				o->o.province = K->region == REG_ON ? PROVINCE_ON : PROVINCE_QC;
				/* the Ontario network reads English: the demo shows an
				 * invoice in the client's language (the francophone
				 * federations named above keep French) */
				snprintf(o->o.language, sizeof o->o.language, "%s",
					vocab_language_word(K->region == REG_ON ? LANGUAGE_EN : LANGUAGE_FR));
				org_email(&kr, code, o->o.email, sizeof o->o.email);
			}
		}
	}
	for (int i = 0; i < g->no; i++) {
		struct d_org *o = &g->o[i];
		o->o.category = (enum org_category)o->cat;
		if (o->parent >= 0)
			snprintf(o->o.parent, sizeof o->o.parent, "%s", g->o[o->parent].o.code);
		put_date(o->o.joined_on, o->joined);
	}
	return JUSTE_OK;
}

/* The organisation billed for work done for o: o itself when it is a
 * member that uses the services, else its network. */
static int client_of(const struct gen *g, int o)
{
	const struct d_org *d = &g->o[o];
	return d->enterprise ? d->parent : o;
}

static bool is_member(enum cat c)
{
	return c == CAT_MEMBRE || c == CAT_AUX || c == CAT_SOUTIEN;
}

/* ------------------------------------------------------------------------
 * Mandates.
 */
static int mandate_add(struct gen *g)
{
	if (g->nm == g->capm) {
		int cap = g->capm ? g->capm * 2 : 1024;
		struct d_mandate *p = realloc(g->m, (size_t)cap * sizeof *p);
		if (!p)
			return -1;
		g->m = p;
		g->capm = cap;
	}
	struct d_mandate *m = &g->m[g->nm];
	memset(m, 0, sizeof *m);
	m->internal = -1;
	m->lead = -1;
	m->client = m->benef = -1;
	return g->nm++;
}

static bool expert_take(struct d_expert *x, int mandate)
{
	if (x->nmand == x->capmand) {
		int cap = x->capmand ? x->capmand * 2 : 32;
		int *p = realloc(x->mand, (size_t)cap * sizeof *p);
		if (!p)
			return false;
		x->mand = p;
		x->capmand = cap;
	}
	x->mand[x->nmand++] = mandate;
	return true;
}

static juste_status plan_internal(struct gen *g, struct juste_err *e)
{
	for (int i = 0; i < NINTERNAL; i++) {
		int k = mandate_add(g);
		if (k < 0)
			return nomem(e);
		struct d_mandate *m = &g->m[k];
		const struct internal_seed *s = &internals[i];
		m->billing = BILLING_NON_FACTURABLE;
		m->svc = s->svc;
		m->open = iso(s->opened);
		m->close = iso(s->closed);
		m->client = m->benef = g->centre;
		m->internal = i;
		snprintf(m->m.code, sizeof m->m.code, "%s", s->code);
		snprintf(m->m.title, sizeof m->m.title, "%s", s->title);
		g->internal[i] = k;
	}
	return JUSTE_OK;
}

/* Mandate length in days: training sessions are short, directions' files
 * long. */
static int mandate_days(struct rng *r, enum expert_function fn)
{
	static const int prof[] = { 60, 90, 120, 150, 180, 210, 240, 300, 365 };
	static const int form[] = { 60, 90, 120, 150, 180, 240 };
	static const int dir[] = { 120, 180, 240, 365 };
	switch (fn) {
	case FUNCTION_FORMATEUR:
		return form[rng_int(r, NELEMS(form))] + rng_int(r, 15);
	case FUNCTION_DIRECTION:
		return dir[rng_int(r, NELEMS(dir))] + rng_int(r, 15);
	default:
		return prof[rng_int(r, NELEMS(prof))] + rng_int(r, 20);
	}
}

/* Slots of concurrent mandates each person carries; each slot is a chain
 * of mandates covering the whole year, so nobody is ever without one. */
static int slots_of(const struct d_expert *x)
{
	if (x->fn == FUNCTION_DIRECTION)
		return 1;
	if (x->fn == FUNCTION_FORMATEUR && x->x.weekly_minutes < 2100)
		return 1;
	return 2;
}

static juste_status plan_chains(struct gen *g, const struct seg *sg, struct rng *r, int *first,
	struct juste_err *e)
{
	*first = g->nm;
	date_t from = sg->from, end = sg->plan_end;
	for (int i = 0; i < g->nx; i++) {
		struct d_expert *x = &g->x[i];
		for (int s = 0; s < slots_of(x); s++) {
			date_t d = next_weekday(from);
			/* the second slot starts with a shorter mandate: staggered */
			int len = s == 0 ? mandate_days(r, x->fn) : rng_range(r, 20, 100);
			while (d <= end) {
				date_t close = d + len - 1;
				bool last = close >= end || end - close < 25;
				if (last)
					close = end;
				int k = mandate_add(g);
				if (k < 0 || !expert_take(x, k))
					return nomem(e);
				struct d_mandate *m = &g->m[k];
				m->billing = BILLING_HORAIRE;
				m->svc = x->svc;
				m->open = d;
				m->close = close;
				m->lead = i;
				m->fy = sg->fy;
				if (close == end && end < fy_last(sg->fy, g->fs)) {
					/* the current year: the mandate under way today */
					m->open_ended = rng_chance(r, 500);
					m->close = m->open_ended ? DATE_OPEN_END
						: close + rng_range(r, 20, 150);
				}
				if (last)
					break;
				date_t next = close + 1 - rng_int(r, 8);
				if (next <= d)
					next = d + 1;
				d = next_weekday(next);
				len = mandate_days(r, x->fn);
			}
		}
	}
	return JUSTE_OK;
}

/* The four networks under full management pay a monthly fee; a team of
 * accountants, payroll and HR people works on it.  A few other members
 * buy monthly bookkeeping the same way. */
static juste_status plan_forfaits(struct gen *g, const struct seg *sg, struct rng *r,
	struct juste_err *e)
{
	int team_size = sg->fy <= 2018 ? 5 : 4;
	int pool[N_PROFESSIONALS], np = 0;
	for (int i = 2; i < N_PROFESSIONALS; i++)     /* not the billing clerks */
		if (g->x[i].svc == SVC_COMPTA || g->x[i].svc == SVC_PAIE || g->x[i].svc == SVC_RH ||
		    g->x[i].svc == SVC_FIN)
			pool[np++] = i;
	rng_shuffle(r, pool, np);
	int at = 0;
	for (int i = 0; i < g->no; i++) {
		const struct d_org *o = &g->o[i];
		bool fm = o->o.full_management != 0;
		bool books = !fm && o->cat == CAT_MEMBRE && !o->network && o->joined < sg->from &&
			rng_chance(r, 60);
		if (!fm && !books)
			continue;
		int k = mandate_add(g);
		if (k < 0)
			return nomem(e);
		struct d_mandate *m = &g->m[k];
		m->billing = BILLING_FORFAIT;
		m->svc = SVC_COMPTA;
		m->open = fm ? fy_first(sg->fy, g->fs) : next_weekday(sg->from + rng_int(r, 60));
		m->close = fy_last(sg->fy, g->fs);
		m->client = m->benef = i;
		m->fy = sg->fy;
		m->fm_team = fm;
		int64_t fee = fm ? o->fee_dollars : rng_range(r, 8, 25) * 100;
		/* fees follow costs: about 3 % a year from 2018-2019 */
		for (int y = 2018; y < sg->fy; y++)
			fee = fee * 103 / 100;
		m->m.monthly_fee_cents = fee * 100;
		int n = fm ? team_size : 1;
		for (int t = 0; t < n; t++) {
			int who = pool[at++ % np];
			if (!expert_take(&g->x[who], k))
				return nomem(e);
			if (t == 0)
				m->lead = who;
		}
		m->svc = g->x[m->lead].svc == SVC_PAIE ? SVC_PAIE : SVC_COMPTA;
	}
	return JUSTE_OK;
}

/* A second person on some mandates: same specialty when there is one. */
static juste_status plan_helpers(struct gen *g, int first, struct rng *r, struct juste_err *e)
{
	int last = g->nm;
	for (int k = first; k < last; k++) {
		struct d_mandate *m = &g->m[k];
		if (m->billing != BILLING_HORAIRE || !rng_chance(r, 180))
			continue;
		int cand[N_EXPERTS], nc = 0;
		for (int i = 0; i < g->nx; i++)
			if (i != m->lead && g->x[i].svc == m->svc && g->x[i].fn == g->x[m->lead].fn)
				cand[nc++] = i;
		if (nc == 0)
			continue;
		if (!expert_take(&g->x[cand[rng_int(r, nc)]], k))
			return nomem(e);
	}
	return JUSTE_OK;
}

static bool opens_after(const struct gen *g, int a, int b)
{
	const struct d_mandate *ma = &g->m[a], *mb = &g->m[b];
	return ma->open != mb->open ? ma->open > mb->open : a > b;
}

/* Sorts v (mandate indexes) by opening date, then index: an insertion
 * sort, since qsort has no context argument in C11 and n is small. */
static void sort_by_open(const struct gen *g, int *v, int n)
{
	for (int i = 1; i < n; i++) {
		int t = v[i], j = i - 1;
		while (j >= 0 && opens_after(g, v[j], t)) {
			v[j + 1] = v[j];
			j--;
		}
		v[j + 1] = t;
	}
}

static enum prg program_for(const struct gen *g, const struct d_mandate *m, struct rng *r, int *has)
{
	const struct d_org *c = &g->o[m->client], *b = &g->o[m->benef];
	const char *net = c->o.code;
	*has = 1;
	if (m->svc == SVC_FORM && rng_chance(r, 400))
		return PRG_EQ;
	if ((!strcmp(net, "RCEESAD") || !strcmp(net, "MPEESAD") || !strcmp(net, "FCSDSQ") ||
	     (b->kind >= 0 && (!strcmp(kinds[b->kind].code, "CSD") || !strcmp(kinds[b->kind].code, "SAD"))))
	    && rng_chance(r, 450))
		return PRG_PAAPA;
	if (!strcmp(net, "CDRQ") && rng_chance(r, 600))
		return rng_chance(r, 650) ? PRG_EPRDC : PRG_PAEN;
	if (c->cat == CAT_AUX && rng_chance(r, 350))
		return PRG_PAGES;
	if (m->benef == m->client && c->network && c->cat == CAT_MEMBRE && rng_chance(r, 250))
		return PRG_PAFFC;
	if (b->enterprise && rng_chance(r, 50))
		return PRG_PAEN;
	if (rng_chance(r, 60))
		return PRG_FMS;
	*has = 0;
	return PRG_FMS;
}

/* Who is served: a pool of organisations sized on the report (300 in
 * 2019-2020), each given a mandate before any gets a second, in the order
 * mandates open, never before the client joined. */
static juste_status plan_beneficiaries(struct gen *g, const struct seg *sg, int first,
	struct juste_err *e)
{
	struct rng r = rng_make(S_BENEF, sg->fy, 0);
	int pool_size = sg->fy <= 2018 ? 255 : sg->fy == 2019 ? 300 : 240;
	date_t late = fy_last(sg->fy, g->fs) - 60;
	int *pool = malloc((size_t)g->no * sizeof *pool);
	bool *used = calloc((size_t)g->no, sizeof *used);
	int *order = malloc((size_t)(g->nm - first + 1) * sizeof *order);
	if (!pool || !used || !order) {
		free(pool), free(used), free(order);
		return nomem(e);
	}
	int np = 0;
	for (int i = 0; i < g->no; i++) {
		int c = client_of(g, i);
		if (c < 0)
			continue;
		if ((g->o[c].cat == CAT_MEMBRE || g->o[c].cat == CAT_AUX) && g->o[c].joined <= late)
			pool[np++] = i;
	}
	rng_shuffle(&r, pool, np);
	if (np > pool_size)
		np = pool_size;

	int no = 0;
	for (int k = first; k < g->nm; k++)
		if (g->m[k].billing == BILLING_HORAIRE)
			order[no++] = k;
	sort_by_open(g, order, no);
	int cursor = 0;
	for (int q = 0; q < no; q++) {
		struct d_mandate *m = &g->m[order[q]];
		int pick = -1;
		for (int t = 0; t < np && pick < 0; t++) {
			int cand = pool[(cursor + t) % np];
			if (!used[cand] && g->o[client_of(g, cand)].joined <= m->open)
				pick = cand;
		}
		if (pick >= 0) {
			used[pick] = true;
			while (cursor < np && used[pool[cursor]])
				cursor++;
		} else {
			for (int t = 0; t < 64 && pick < 0; t++) {
				int cand = pool[rng_int(&r, np)];
				if (g->o[client_of(g, cand)].joined <= m->open)
					pick = cand;
			}
			for (int t = 0; t < np && pick < 0; t++)
				if (g->o[client_of(g, pool[t])].joined <= m->open)
					pick = pool[t];
			if (pick < 0)
				pick = org_find(g, "CQCM");
		}
		m->benef = pick;
		m->client = client_of(g, pick);
	}
	free(pool), free(used), free(order);
	return JUSTE_OK;
}

/* Titles, programs, the report's two feasibility studies, and the
 * current year's special cases. */
static void plan_titles(struct gen *g, const struct seg *sg, int first, struct rng *r)
{
	/* the report's two feasibility studies, in 2019-2020 */
	const char *studies[] = { "CDEPNQL", "CEIQ" };
	int nstudies = sg->fy == 2019 ? 0 : NELEMS(studies);
	for (int k = first; k < g->nm; k++) {
		struct d_mandate *m = &g->m[k];
		const struct service_seed *s = &services[m->svc];
		if (m->billing == BILLING_FORFAIT) {
			char fy[16];
			fy_name(sg->fy, g->fs, fy, sizeof fy);
			snprintf(m->m.title, sizeof m->m.title, m->fm_team
				? "Gestion administrative complète %s" : "Tenue de livres mensuelle %s", fy);
			continue;
		}
		if (nstudies < NELEMS(studies) && m->svc == SVC_STRAT && m->billing == BILLING_HORAIRE &&
		    g->x[m->lead].fn == FUNCTION_DIRECTION) {
			int c = org_find(g, studies[nstudies]);
			if (c >= 0 && m->open >= g->o[c].joined) {
				m->client = m->benef = c;
				snprintf(m->m.title, sizeof m->m.title, "%s",
					"Étude de préfaisabilité en économie sociale");
				nstudies++;
				continue;
			}
		}
		int nt = count_list(s->titles, NELEMS(s->titles));
		expand(s->titles[rng_int(r, nt)], m->open, sg->fy, g->fs, NULL, NULL, m->m.title,
			sizeof m->m.title);
	}
	for (int k = first; k < g->nm; k++) {
		struct d_mandate *m = &g->m[k];
		if (m->billing != BILLING_HORAIRE)
			continue;
		int has;
		enum prg p = program_for(g, m, r, &has);
		if (has)
			snprintf(m->m.program, sizeof m->m.program, "%s", programs[p].code);
	}
	if (sg->plan_end == fy_last(sg->fy, g->fs))
		return;
	/* The current year: one client without an address and two
	 * non-members, each on a mandate under way today. */
	const char *special[1 + NELEMS(nonmember_clients)];
	special[0] = NO_ADDRESS_CODE;
	for (int i = 0; i < NELEMS(nonmember_clients); i++)
		special[1 + i] = nonmember_clients[i];
	int done = 0;
	for (int k = first; k < g->nm && done < NELEMS(special); k++) {
		struct d_mandate *m = &g->m[k];
		if (m->billing != BILLING_HORAIRE || g->x[m->lead].fn != FUNCTION_PROFESSIONNEL ||
		    m->open > g->today || m->close < g->today || m->open < sg->from + 30)
			continue;
		m->client = m->benef = org_find(g, special[done]);
		m->m.program[0] = '\0';
		if (done++ == 0)
			g->no_address_used = true;
	}
}

static juste_status plan_mandates(struct gen *g, struct juste_err *e)
{
	juste_status st = plan_internal(g, e);
	for (int s = 0; !st && s < g->nseg; s++) {
		const struct seg *sg = &g->seg[s];
		struct rng r = rng_make(S_MANDATES, sg->fy, 0);
		int first;
		if ((st = plan_chains(g, sg, &r, &first, e)) ||
		    (st = plan_helpers(g, first, &r, e)) ||
		    (st = plan_forfaits(g, sg, &r, e)) ||
		    (st = plan_beneficiaries(g, sg, first, e)))
			return st;
		plan_titles(g, sg, first, &r);
	}
	if (st)
		return st;

	/* Codes M-<fy>-0001 in opening order, per fiscal year. */
	int *order = malloc((size_t)g->nm * sizeof *order);
	if (!order)
		return nomem(e);
	for (int s = 0; s < g->nseg; s++) {
		int n = 0;
		for (int k = 0; k < g->nm; k++)
			if (g->m[k].fy == g->seg[s].fy && g->m[k].internal < 0)
				order[n++] = k;
		sort_by_open(g, order, n);
		for (int q = 0; q < n; q++)
			snprintf(g->m[order[q]].m.code, sizeof g->m[order[q]].m.code, "M-%d-%04d",
				g->seg[s].fy, q + 1);
	}
	free(order);
	for (int k = 0; k < g->nm; k++) {
		struct d_mandate *m = &g->m[k];
		m->m.billing = m->billing;
		snprintf(m->m.service, sizeof m->m.service, "%s", services[m->svc].code);
		snprintf(m->m.client, sizeof m->m.client, "%s", g->o[m->client].o.code);
		snprintf(m->m.beneficiary, sizeof m->m.beneficiary, "%s", g->o[m->benef].o.code);
		put_date(m->m.opened_on, m->open);
		put_date(m->m.closed_on, m->close);
	}
	return JUSTE_OK;
}

/* ------------------------------------------------------------------------
 * Time entries.
 */
struct dayplan {
	date_t date;
	int16_t expert;
	int16_t total;               /* minutes worked that day */
	int32_t raw;                 /* billable milli-minutes before calibration */
};

/* A weekly pattern: shorter Mondays and Fridays, evening board meetings
 * now and then, the odd half day. */
static int day_total(const struct d_expert *x, date_t d, struct rng *r)
{
	int t = x->day_minutes, wd = date_weekday(d);
	if (x->x.weekly_minutes >= 2100) {
		if (wd == 1)
			t -= 15 * rng_int(r, 2);
		else if (wd == 5)
			t -= 15 * rng_range(r, 1, 4);
		else
			t += 15 * rng_int(r, 3);
		if (x->fn == FUNCTION_DIRECTION)
			t += 30;
	}
	if (rng_chance(r, 50))
		t += 15 * rng_range(r, 4, 10);
	else if (rng_chance(r, 20))
		t -= 15 * rng_range(r, 12, 14);
	return t < 60 ? 60 : t > 720 ? 720 : t;
}

static int entry_add(struct gen *g, date_t d, int expert, int mandate, int minutes, int note)
{
	if (g->nen == g->capen) {
		size_t cap = g->capen ? g->capen * 2 : 65536;
		struct d_entry *p = realloc(g->en, cap * sizeof *p);
		if (!p)
			return -1;
		g->en = p;
		g->capen = cap;
	}
	g->en[g->nen++] = (struct d_entry){ d, (uint16_t)expert, (uint16_t)mandate,
		(uint16_t)minutes, (uint8_t)note };
	g->m[mandate].minutes += minutes;
	return 0;
}

static const char *const *notes_of(const struct gen *g, const struct d_mandate *m, int expert,
	int *n)
{
	const char *const *l;
	if (m->internal >= 0) {
		l = internals[m->internal].notes;
		*n = count_list(l, NELEMS(internals[0].notes));
	} else {
		/* an if, not a ?: -- gcc -O2 with UBSan saw the ?: as reading
		 * `expert` uninitialised (-Werror=maybe-uninitialized) */
		enum svc sv = m->svc;
		if (m->fm_team)
			sv = g->x[expert].svc;
		l = services[sv].notes;
		*n = count_list(l, NELEMS(services[0].notes));
	}
	return l;
}

/* Internal time by function: administration, business development,
 * training, and the re-engineering of 2019-2020. */
static int internal_for(const struct gen *g, const struct d_expert *x, date_t d, struct rng *r)
{
	int w[NINTERNAL];
	if (x->fn == FUNCTION_DIRECTION)
		w[INT_ADMIN] = 45, w[INT_DEVAFF] = 45, w[INT_FORM] = 10, w[INT_REING] = 30;
	else if (x->role == ROLE_COMMIS)
		w[INT_ADMIN] = 85, w[INT_DEVAFF] = 0, w[INT_FORM] = 15, w[INT_REING] = 10;
	else if (x->fn == FUNCTION_FORMATEUR)
		w[INT_ADMIN] = 35, w[INT_DEVAFF] = 10, w[INT_FORM] = 55, w[INT_REING] = 0;
	else
		w[INT_ADMIN] = 45, w[INT_DEVAFF] = 20, w[INT_FORM] = 35,
		w[INT_REING] = x->svc == SVC_DO ? 40 : 8;
	const struct d_mandate *reing = &g->m[g->internal[INT_REING]];
	if (d < reing->open || d > reing->close)
		w[INT_REING] = 0;
	int sum = 0;
	for (int i = 0; i < NINTERNAL; i++)
		sum += w[i];
	int p = rng_int(r, sum);
	for (int i = 0; i < NINTERNAL; i++) {
		if (p < w[i])
			return g->internal[i];
		p -= w[i];
	}
	return g->internal[INT_ADMIN];
}

/* Splits `units` quarter hours into n pieces of at least one each. */
static int split_units(struct rng *r, int units, int n, int *out)
{
	if (n > units)
		n = units;
	int left = units;
	for (int i = 0; i < n - 1; i++) {
		int max = left - (n - 1 - i);
		out[i] = rng_range(r, 1, max > 1 ? (max * 2 + 2) / 3 : 1);
		left -= out[i];
	}
	out[n - 1] = left;
	return n;
}

static juste_status emit_day(struct gen *g, const struct dayplan *p, int billable, struct rng *r,
	struct juste_err *e)
{
	const struct d_expert *x = &g->x[p->expert];
	int cand[64], nc = 0, pieces[4], n;
	for (int i = 0; i < x->nmand && nc < NELEMS(cand); i++) {
		const struct d_mandate *m = &g->m[x->mand[i]];
		if (m->open <= p->date && p->date <= m->close)
			cand[nc++] = x->mand[i];
	}
	if (billable > 0) {
		int units = billable / 15;
		n = split_units(r, units, units >= 8 ? rng_range(r, 1, 3) : units >= 4 ? rng_range(r, 1, 2) : 1,
			pieces);
		int prev = -1;
		for (int i = 0; i < n; i++) {
			int j = rng_int(r, nc);
			if (cand[j] == prev && nc > 1)
				j = (j + 1 + rng_int(r, nc - 1)) % nc;
			int k = prev = cand[j];
			int nn;
			notes_of(g, &g->m[k], p->expert, &nn);
			if (entry_add(g, p->date, p->expert, k, pieces[i] * 15, rng_int(r, nn)) < 0)
				return nomem(e);
		}
	}
	int internal = p->total - billable;
	if (internal > 0) {
		int units = internal / 15;
		n = split_units(r, units, units >= 4 && rng_chance(r, 400) ? 2 : 1, pieces);
		for (int i = 0; i < n; i++) {
			int k = internal_for(g, x, p->date, r), nn;
			notes_of(g, &g->m[k], p->expert, &nn);
			if (entry_add(g, p->date, p->expert, k, pieces[i] * 15, rng_int(r, nn)) < 0)
				return nomem(e);
		}
	}
	return JUSTE_OK;
}

static bool has_billable(const struct gen *g, const struct d_expert *x, date_t d)
{
	for (int i = 0; i < x->nmand; i++) {
		const struct d_mandate *m = &g->m[x->mand[i]];
		if (m->open <= d && d <= m->close)
			return true;
	}
	return false;
}

/* For each year: plan every expert-day with a raw billable share, scale
 * the shares onto the year's target, and carry the rounding to the next
 * day so the year lands on it.  The current year uses the last factor. */
static juste_status plan_entries(struct gen *g, struct juste_err *e)
{
	/* billable milli-minutes = raw * k_num * 1000 / k_den; raw is already
	 * in milli-minutes, hence 1/1000 until a target sets the factor */
	int64_t k_num = 1, k_den = 1000;
	for (int s = 0; s < g->nseg; s++) {
		const struct seg *sg = &g->seg[s];
		size_t cap = (size_t)(sg->to - sg->from + 1) * (size_t)g->nx, np = 0;
		struct dayplan *plan = malloc(cap * sizeof *plan);
		if (!plan)
			return nomem(e);
		struct rng r = rng_make(S_PLAN, sg->fy, 0);
		int64_t raw_sum = 0;
		for (date_t d = sg->from; d <= sg->to; d++) {
			if (is_day_off(d))
				continue;
			for (int i = 0; i < g->nx; i++) {
				const struct d_expert *x = &g->x[i];
				if (!works(g, x, d))
					continue;
				struct dayplan *p = &plan[np++];
				p->date = d;
				p->expert = (int16_t)i;
				p->total = (int16_t)day_total(x, d, &r);
				int share = x->share + rng_range(&r, -150, 150);
				p->raw = has_billable(g, x, d) ? (int32_t)p->total * share : 0;
				raw_sum += p->raw;
			}
		}
		if (sg->target > 0 && raw_sum > 0) {
			k_num = sg->target;
			k_den = raw_sum;
		}
		/* a year without a target (the current one) keeps the factor of
		 * the year before: the same pace as 2019-2020 */
		struct rng rs = rng_make(S_SPLIT, sg->fy, 0);
		int64_t carry = 0;      /* milli-minutes wanted but not yet given */
		for (size_t i = 0; i < np; i++) {
			const struct dayplan *p = &plan[i];
			carry += (int64_t)p->raw * k_num * 1000 / k_den;
			int64_t want = carry / 1000;
			int b = want <= 0 ? 0 : (int)((want + 7) / 15 * 15);
			if (b > p->total)
				b = p->total / 15 * 15;
			if (p->raw == 0)
				b = 0;
			carry -= (int64_t)b * 1000;
			juste_status st = emit_day(g, p, b, &rs, e);
			if (st) {
				free(plan);
				return st;
			}
		}
		free(plan);
	}
	return JUSTE_OK;
}

/* Budgets from the hours the mandates will get: most within budget, some
 * over it, which the screens show. */
static void plan_budgets(struct gen *g)
{
	struct rng r = rng_make(S_BUDGET, 0, 0);
	for (int k = 0; k < g->nm; k++) {
		struct d_mandate *m = &g->m[k];
		if (m->billing != BILLING_HORAIRE || m->minutes <= 0)
			continue;
		int64_t hours = (m->minutes * rng_range(&r, 80, 135) / 100 + 59) / 60;
		hours = (hours + 4) / 5 * 5;
		if (hours < 5)
			hours = 5;
		int kind = rng_int(&r, 100);
		if (kind < 60)
			m->m.budget_minutes = hours * 60;
		if (kind >= 40 && kind < 75)
			m->m.budget_cents = hours * rng_range(&r, 88, 104) * 100 / 100 * 100;
	}
}

/* ------------------------------------------------------------------------
 * Writing.
 */
static juste_status write_refs(struct gen *g, struct juste_err *e)
{
	juste_status st = JUSTE_OK;
	for (int i = 0; !st && i < NSERVICES; i++) {
		struct refitem r = { 0 };
		snprintf(r.code, sizeof r.code, "%s", services[i].code);
		snprintf(r.name, sizeof r.name, "%s", services[i].name);
		if (!(st = rules_ref_validate(&r, e)))
			st = store_ref_insert(g->a->store, REF_SERVICE, &r, e);
	}
	for (int i = 0; !st && i < NPROGRAMS; i++) {
		struct refitem r = { 0 };
		snprintf(r.code, sizeof r.code, "%s", programs[i].code);
		snprintf(r.name, sizeof r.name, "%s", programs[i].name);
		if (!(st = rules_ref_validate(&r, e)))
			st = store_ref_insert(g->a->store, REF_PROGRAM, &r, e);
	}
	return st;
}

static juste_status write_records(struct gen *g, struct juste_err *e)
{
	juste_status st = write_refs(g, e);
	/* parents first: the named networks come first in g->o */
	for (int i = 0; !st && i < g->no; i++)
		if (!(st = rules_org_validate(&g->o[i].o, e)))
			st = store_org_insert(g->a->store, &g->o[i].o, e);
	for (int i = 0; !st && i < g->nx; i++)
		if (!(st = rules_expert_validate(&g->x[i].x, e)))
			st = store_expert_insert(g->a->store, &g->x[i].x, e);
	/* internal mandates, then each year's in code order */
	int *order = malloc((size_t)g->nm * sizeof *order), n = 0;
	if (!order)
		return st ? st : nomem(e);
	for (int k = 0; k < g->nm; k++)
		if (g->m[k].internal >= 0)
			order[n++] = k;
	for (int s = 0; s < g->nseg; s++) {
		int from = n;
		for (int k = 0; k < g->nm; k++)
			if (g->m[k].internal < 0 && g->m[k].fy == g->seg[s].fy)
				order[n++] = k;
		sort_by_open(g, order + from, n - from);
	}
	for (int q = 0; !st && q < n; q++) {
		struct mandate *m = &g->m[order[q]].m;
		if (!(st = rules_mandate_validate(m, e)))
			st = store_mandate_insert(g->a->store, m, e);
	}
	free(order);
	return st;
}

/* What the plan kept people away for, recorded so that the one capacity
 * (workdays_capacity) counts it: the office's Christmas closures, and each
 * expert's vacations (runs of three days or more) and sick days, from the
 * day they started. */
static juste_status write_calendar(struct gen *g, struct juste_err *e)
{
	juste_status st = JUSTE_OK;
	int y0, y1, m, d;
	date_to_ymd(g->d0, &y0, &m, &d);
	date_to_ymd(g->d1, &y1, &m, &d);
	for (int y = y0 - 1; !st && y <= y1; y++) {
		date_t start = date_monday(date_from_ymd(y, 12, 24)), last = start + 11;   /* to the second Friday */
		if (last < g->d0 || start > g->d1)
			continue;
		char f[ISO_LEN], l[ISO_LEN];
		put_date(f, start);
		put_date(l, last);
		st = store_closure_add(g->a->store, f, l, "Fermeture des fêtes", e);
	}
	for (int i = 0; !st && i < g->nx; i++) {
		const struct d_expert *x = &g->x[i];
		for (date_t a = g->d0 > x->start ? g->d0 : x->start; !st && a <= g->d1; a++) {
			if (!x->off[a - g->d0])
				continue;
			date_t b = a;
			while (b + 1 <= g->d1 && x->off[b + 1 - g->d0])
				b++;
			bool weekday = false;
			for (date_t k = a; k <= b; k++)
				weekday = weekday || date_weekday(k) <= 5;
			struct absence_rec r;
			memset(&r, 0, sizeof r);
			r.expert_id = x->x.id;
			put_date(r.first, a);
			put_date(r.last, b);
			r.kind = b - a >= 2 ? ABSENCE_VACANCES : ABSENCE_MALADIE;
			if (weekday)
				st = store_absence_add(g->a->store, &r, e);
			a = b;
		}
	}
	if (st)
		err_prefix(e, N_("démo : calendrier : "));
	return st;
}

static juste_status write_entries(struct gen *g, struct juste_err *e)
{
	struct entry en;
	for (size_t i = 0; i < g->nen; i++) {
		const struct d_entry *d = &g->en[i];
		const struct d_expert *x = &g->x[d->expert];
		const struct d_mandate *m = &g->m[d->mandate];
		int nn;
		const char *const *notes = notes_of(g, m, d->expert, &nn);
		memset(&en, 0, sizeof en);
		snprintf(en.expert, sizeof en.expert, "%s", x->x.login);
		snprintf(en.mandate, sizeof en.mandate, "%s", m->m.code);
		put_date(en.work_date, d->date);
		en.minutes = d->minutes;
		expand(notes[d->note % nn], d->date, fy_of(d->date, g->fs), g->fs, NULL, NULL, en.note,
			sizeof en.note);
		en.expert_id = x->x.id;
		en.mandate_id = m->m.id;
		juste_status st = rules_entry_validate(&en, &m->m, &x->x, e);
		if (!st)
			st = store_entry_insert(g->a->store, &en, e);
		if (st)
			return err_prefix(e, "%s %s %s : ", en.expert, en.mandate, en.work_date);
	}
	return JUSTE_OK;
}

/* ------------------------------------------------------------------------
 * Summary.
 */
static void summarise(const struct gen *g, struct demo_summary *sum)
{
	memset(sum, 0, sizeof *sum);
	snprintf(sum->user_login, sizeof sum->user_login, "%s", g->x[g->user].x.login);
	if (g->no_address_used)
		snprintf(sum->client_without_address, sizeof sum->client_without_address, "%s",
			NO_ADDRESS_CODE);
	sum->experts = g->nx;
	for (int i = 0; i < g->nx; i++) {
		sum->by_function[g->x[i].fn]++;
		sum->by_role[vocab_index(VOCAB_ROLE, (int)g->x[i].role)]++;
		sum->part_time += g->x[i].x.weekly_minutes < 2100;
	}
	sum->orgs = g->no;
	for (int i = 0; i < g->no; i++) {
		const struct d_org *o = &g->o[i];
		sum->by_category[o->cat]++;
		sum->members += is_member(o->cat);
		sum->full_management += o->o.full_management;
		sum->enterprises += o->enterprise;
	}
	sum->other_non_members = sum->by_category[CATEGORY_NON_MEMBRE] - sum->enterprises;
	sum->services = NSERVICES;
	sum->programs = NPROGRAMS;
	sum->mandates = g->nm;
	for (int k = 0; k < g->nm; k++)
		sum->by_billing[g->m[k].billing]++;
	sum->entries = (int64_t)g->nen;

	bool *served = malloc((size_t)g->no);
	sum->nyears = g->nseg;
	for (int s = 0; s < g->nseg; s++) {
		const struct seg *sg = &g->seg[s];
		struct demo_year *y = &sum->years[s];
		date_t first = fy_first(sg->fy, g->fs), last = fy_last(sg->fy, g->fs);
		y->fy = sg->fy;
		put_date(y->from, sg->from);
		put_date(y->to, sg->to);
		y->target_minutes = sg->target;
		y->complete = sg->to == last;
		if (served)
			memset(served, 0, (size_t)g->no);
		for (size_t i = 0; i < g->nen; i++) {
			const struct d_entry *d = &g->en[i];
			if (d->date < first || d->date > last)
				continue;
			const struct d_mandate *m = &g->m[d->mandate];
			y->entries++;
			if (m->billing == BILLING_NON_FACTURABLE) {
				y->internal_minutes += d->minutes;
				continue;
			}
			y->billable_minutes += d->minutes;
			if (g->o[m->client].o.full_management)
				y->full_management_minutes += d->minutes;
			if (served && !served[m->benef]) {
				served[m->benef] = true;
				y->beneficiaries++;
			}
		}
		for (int k = 0; k < g->nm; k++)
			y->mandates += g->m[k].fy == sg->fy && g->m[k].internal < 0;
		for (int i = 0; i < g->no; i++) {
			if (!is_member(g->o[i].cat) || g->o[i].joined > last)
				continue;
			y->members_at_end++;
			y->new_members += g->o[i].joined >= first;
		}
		y->members_growth = figures_ratio_growth(y->members_at_end - y->new_members, y->members_at_end);
		const struct demo_year *p = s > 0 ? &sum->years[s - 1] : NULL;
		y->compared = p && p->fy == y->fy - 1 && p->complete && y->complete;
		if (y->compared)
			y->billable_growth = figures_ratio_growth(p->billable_minutes, y->billable_minutes);
	}
	free(served);
}

/* ------------------------------------------------------------------------
 * Entry points.
 */

/* ------------------------------------------------------------------------
 * The annual report's side of the demo: the finance figures of
 * the report, its business-development log, genders and birth years, rate
 * tables calibrated so that the invoices land on the report's products,
 * and the invoices themselves, issued month by month on the last day of
 * each month of both demo years, with one full and one partial credit
 * note.  Runs after the main transaction: rates and finance in one
 * transaction, then each month's run in its own (invoicing_issue owns its
 * transaction).  A failure here fails demo_build, and the CLI discards the
 * file, so a demo is still all or nothing.
 */

/* The report's figures, in dollars. */
static const struct { int fy; int64_t ap, ae, bp, be; unsigned has; } demo_finance[] = {
	{ 2018, 3569964, 3494916, 0, 0, FIN_ACTUAL_PRODUCTS | FIN_ACTUAL_EXPENSES },
	{ 2019, 0, 4405109, 4146109, 4100351, FIN_ACTUAL_EXPENSES | FIN_BUDGET_PRODUCTS | FIN_BUDGET_EXPENSES },
	{ 2020, 0, 0, 3951783, 3878239, FIN_BUDGET_PRODUCTS | FIN_BUDGET_EXPENSES },
};

/* Products the invoices of each demo year are calibrated on (cents). */
#define PRODUCTS_2018 (3569964LL * 100)
#define PRODUCTS_2019 (4475852LL * 100)

static const struct dev_seed {
	enum dev_partner partner;
	enum dev_kind kind;
	int count;
	const char *names[8];
} dev_seeds[] = {
	{ PARTNER_RESEAUX, DEV_KIND_EVENEMENT, 16, { "Assises du Conseil québécois de la coopération et de la mutualité (CQCM)",
		"Congrès de Coopératives et mutuelles Canada (CMC)", "Golf de la relève du CQCM",
		"Forum Québec-Ontario sur l'économie sociale", "Plan stratégique et brunch SOCODEVI" } },
	{ PARTNER_RESEAUX, DEV_KIND_RENCONTRE, 16, { "Rencontre des réseaux",
		"Coopérative de développement régional du Québec (CDRQ)", "La Capitale", "SSQ (événement)" } },
	{ PARTNER_OBNL, DEV_KIND_EVENEMENT, 7, { "Assemblée générale annuelle de la Table régionale d'économie sociale de "
		"Chaudière-Appalaches (TRESCA)", "Congrès annuel du Collectif des entreprises d'insertion du Québec",
		"Assemblée générale annuelle de la Corporation de développement économique communautaire (CDEC) de Québec",
		"Réseau des Sociétés d'aide au développement des collectivités (SADC) et des Centres d'aide aux "
		"entreprises (CAE)" } },
	{ PARTNER_OBNL, DEV_KIND_RENCONTRE, 32, { "Commission nationale des parents francophones (CNPF)",
		"Groupe Femmes, Politique et Démocratie", "Guilde du jeu vidéo du Québec",
		"Pôle d'économie sociale de la Vallée-du-Haut-St-Laurent", "Administration régionale Baie-James (ARBJ)",
		"Fédération des communautés francophones et acadienne du Canada (FCFAC)",
		"Conseil d'économie sociale de l'île de Montréal (CÉSIM)" } },
	{ PARTNER_RELAYEURS, DEV_KIND_EVENEMENT, 21, { "Co-organisation d'un événement avec le TIESS : Diagnostic 360 et juridique",
		"Réouverture de La Station (Fonds d'emprunt)",
		"Perspective 2020 de la Chambre de commerce et d'industrie de Québec (CCIQ)",
		"Association of Cooperative Educators Institute (panel)", "Expo Entrepreneurs Pro (panel)" } },
	{ PARTNER_RELAYEURS, DEV_KIND_RENCONTRE, 10, { "Chantier de l'économie sociale", "MRC de Memphrémagog", "Ville de Montréal",
		"RISQ et Cap Finance", "Forces AVENIR", "CCIQ", "PME Montréal" } },
};

/* Hourly rates of 2019-2020 before calibration, by service (cents). */
static const int64_t demo_base_rate[NSERVICES] = {
	[SVC_COMPTA] = 6200, [SVC_FIN] = 7800, [SVC_PAIE] = 5800, [SVC_RH] = 8000, [SVC_JUR] = 9500,
	[SVC_TI] = 8500, [SVC_COM] = 7200, [SVC_MKT] = 7500, [SVC_GOUV] = 8200, [SVC_DO] = 8800,
	[SVC_STRAT] = 9200, [SVC_FORM] = 7000,
};
/* Per client category, in percent; the year before was 4 % cheaper. */
static const int64_t demo_cat_pct[CATEGORY_COUNT] = { 100, 105, 105, 112 };

static int64_t demo_rate_base(int svc, int cat, int fy)
{
	int64_t r = demo_base_rate[svc] * demo_cat_pct[cat] / 100;
	return fy == 2018 ? r * 96 / 100 : r;
}

static bool name_in(const char *first, const char *const *list, int n)
{
	for (int i = 0; i < n; i++)
		if (strcmp(first, list[i]) == 0)
			return true;
	return false;
}

static juste_status demo_profiles(struct gen *g, struct juste_err *e)
{
	struct rng r = rng_make((enum stream)(S_BUDGET + 1), 45, 0);
	int years[N_EXPERTS];
	int64_t sum = 0;
	for (int i = 0; i < g->nx; i++) {
		years[i] = rng_range(&r, 1956, 1994);
		sum += 2020 - years[i];
	}
	/* an average age of 45 on 2020-03-31, as the report says */
	int shift = (int)((sum - 45LL * g->nx) / g->nx);
	juste_status st = JUSTE_OK;
	for (int i = 0; !st && i < g->nx; i++) {
		char first[NAME_LEN];
		snprintf(first, sizeof first, "%s", g->x[i].x.name);
		char *sp = strchr(first, ' ');
		if (sp)
			*sp = '\0';
		enum gender gender = name_in(first, female_names, (int)(sizeof female_names / sizeof *female_names))
			? GENDER_F : name_in(first, male_names, (int)(sizeof male_names / sizeof *male_names)) ? GENDER_M
			: GENDER_NONE;
		st = store_report_expert_profile_set(g->a->store, g->x[i].x.login, &gender, years[i] + shift, e);
	}
	return st;
}

static juste_status demo_devaffaires(struct gen *g, struct juste_err *e)
{
	date_t first = fy_first(2019, g->fs);
	juste_status st = JUSTE_OK;
	int k = 0;
	for (size_t s = 0; !st && s < sizeof dev_seeds / sizeof *dev_seeds; s++) {
		const struct dev_seed *d = &dev_seeds[s];
		int nn = 0;
		while (nn < 8 && d->names[nn])
			nn++;
		for (int i = 0; !st && i < d->count; i++, k++) {
			struct devaffaire v;
			memset(&v, 0, sizeof v);
			date_t t = next_weekday(first + (date_t)((i * 360 + (int)s * 11) / d->count));
			put_date(v.on_date, t);
			v.kind = d->kind;
			v.partner = d->partner;
			snprintf(v.name, sizeof v.name, "%s", d->names[i % nn]);
			st = store_report_devaffaire_insert(g->a->store, &v, e);
		}
	}
	return st;
}

static juste_status demo_finances(struct gen *g, struct juste_err *e)
{
	juste_status st = JUSTE_OK;
	for (size_t i = 0; !st && i < sizeof demo_finance / sizeof *demo_finance; i++) {
		struct finance_year f = { demo_finance[i].fy, demo_finance[i].has, demo_finance[i].ap * 100,
			demo_finance[i].ae * 100, demo_finance[i].bp * 100, demo_finance[i].be * 100 };
		st = store_report_finance_set(g->a->store, &f, e);
	}
	return st;
}

/* Whether the client of mandate k can be invoiced (the one without an
 * address is held back on purpose). */
static bool demo_billed_client(const struct gen *g, const struct d_mandate *m)
{
	return g->o[m->client].o.address[0] != '\0';
}

/* A table per demo year whose rates make that year's invoices come to its
 * products: the fixed fees are known, the hours at the base rates give a
 * factor, and each rate is its base times that factor (integers only). */
static juste_status demo_rates(struct gen *g, struct juste_err *e)
{
	for (int fy = 2018; fy <= 2019; fy++) {
		date_t first = fy_first(fy, g->fs), last = fy_last(fy, g->fs);
		if (last >= g->today)
			continue;   /* a year not over: no table, no invoices */
		int64_t weight = 0, fees = 0;
		for (size_t i = 0; i < g->nen; i++) {
			const struct d_entry *d = &g->en[i];
			const struct d_mandate *m = &g->m[d->mandate];
			if (d->date < first || d->date > last || m->billing != BILLING_HORAIRE || !demo_billed_client(g, m))
				continue;
			weight += (int64_t)d->minutes * demo_rate_base(m->svc, g->o[m->client].cat, fy);
		}
		for (int k = 0; k < g->nm; k++) {
			const struct d_mandate *m = &g->m[k];
			if (m->billing != BILLING_FORFAIT || !demo_billed_client(g, m))
				continue;
			int y, mo, dd;
			date_to_ymd(first, &y, &mo, &dd);
			for (int i = 0; i < 12; i++, date_month_add(&y, &mo, 1)) {
				date_t mf = date_month_first(y, mo), ml = date_month_last(y, mo);
				if (m->open <= ml && (m->close == DATE_OPEN_END || m->close >= mf))
					fees += m->m.monthly_fee_cents;
			}
		}
		int64_t hourly = (fy == 2018 ? PRODUCTS_2018 : PRODUCTS_2019) - fees;
		if (weight <= 0 || hourly <= 0)
			return err_set(e, JUSTE_EINVAL, N_("démo : calibrage des taux impossible"));
		struct rate_row rows[NSERVICES * CATEGORY_COUNT];
		size_t n = 0;
		for (int s = 0; s < NSERVICES; s++) {
			for (int c = 0; c < CATEGORY_COUNT; c++) {
				struct rate_row *r = &rows[n++];
				memset(r, 0, sizeof *r);
				r->rule = RATE_TABLE;
				snprintf(r->service_code, sizeof r->service_code, "%s", services[s].code);
				r->category = (enum org_category)c;
				r->rate_cents = money_div_round(demo_rate_base(s, c, fy) * hourly * 60, weight);
			}
		}
		char name[NAME_LEN], from[ISO_LEN];
		put_date(from, first);
		snprintf(name, sizeof name, "Taux %d-%d", fy, fy + 1);
		juste_status st = rates_table_insert(g->a, name, from, rows, n, NULL, e);
		if (st)
			return err_prefix(e, N_("démo : table de taux : "));
	}
	return JUSTE_OK;
}

struct demo_issued {
	char numbers[2][INVOICE_NUMBER_LEN];
	int n;
};

static int demo_on_issued(void *ctx, const struct invoice_rec *r)
{
	struct demo_issued *d = ctx;
	if (d->n < 2 && vocab_invoice_status_final(r->status) && r->amounts.subtotal_cents > 50000)
		snprintf(d->numbers[d->n++], INVOICE_NUMBER_LEN, "%s", r->number);
	return 0;
}

/* Each complete month of both demo years, issued on its last day; after
 * October 2019, a full credit note (its entries are billed again in
 * November) and a partial one.  In the current year, every month but the
 * last one is issued too, so that the clerk's desk opens on a normal month
 * still to bill rather than on half a year of late entries. */
static juste_status demo_invoices(struct gen *g, struct juste_err *e)
{
	juste_status st = JUSTE_OK;
	int ty, tm, td;
	date_to_ymd(g->today, &ty, &tm, &td);
	date_month_add(&ty, &tm, -1);
	date_t to_bill = date_month_first(ty, tm);   /* last month: left to the clerk */
	int current = fy_of(g->today, g->fs);
	for (int fy = 2018; !st && fy <= (current > 2019 ? current : 2019); fy++) {
		if (fy > 2019 && fy < current)
			continue;   /* the demo has no time in the years between */
		date_t first = fy_first(fy, g->fs);
		int y, m, d;
		date_to_ymd(first, &y, &m, &d);
		for (int i = 0; !st && i < 12; i++, date_month_add(&y, &m, 1)) {
			date_t ml = date_month_last(y, m);
			if (ml >= g->today || (fy == 2018 && fy_last(2018, g->fs) >= g->today))
				break;
			if (fy == current && ml >= to_bill)
				break;
			char month[PERIOD_LEN], day[ISO_LEN];
			snprintf(month, sizeof month, "%04d-%02d", y, m);
			put_date(day, ml);
			struct demo_issued is = { .n = 0 };
			struct invoicing_run run;
			st = invoicing_issue(g->a, month, NULL, day, 0, demo_on_issued, &is, &run, e);
			if (!st && y == 2019 && m == 10 && is.n == 2) {
				struct invoice_rec cr;
				char cday[ISO_LEN];
				put_date(cday, ml + 7);
				st = invoicing_credit(g->a, is.numbers[0], "Facture adressée au mauvais client ; refaite en novembre",
					0, cday, &cr, e);
				if (!st)
					st = invoicing_credit(g->a, is.numbers[1], "Escompte consenti sur la formation", 25000,
						cday, &cr, e);
			}
			if (st)
				err_prefix(e, N_("démo : facturation %s : "), month);
		}
	}
	return st;
}

/* The clients pay, as a real centre's do: most invoices in full 20 to 60
 * days after their issue (on a weekday), some in two parts (the rest 25 to
 * 50 days after the first), a few never; nothing is received after today,
 * so the last months are still open or paid in part.  Each invoice draws
 * from its own generator (by its id), so that an invoice's fate does not
 * depend on the others.  One transaction; the payments go in by date. */
struct demo_payment {
	date_t on;
	struct payment_rec p;
};

static int cmp_demo_payment(const void *pa, const void *pb)
{
	const struct demo_payment *a = pa, *b = pb;
	if (a->on != b->on)
		return a->on < b->on ? -1 : 1;
	return a->p.invoice_id < b->p.invoice_id ? -1 : a->p.invoice_id > b->p.invoice_id;
}

static void demo_payment_add(const struct gen *g, const struct receivable_doc *d, date_t on, int64_t amount,
	struct rng *r, struct demo_payment *out, size_t *n)
{
	int how = rng_int(r, 100);
	if (on > g->today || amount <= 0)
		return;
	struct demo_payment *x = &out[(*n)++];
	memset(x, 0, sizeof *x);
	x->on = on;
	x->p.client_id = d->client_id;
	x->p.invoice_id = d->doc.id;
	x->p.amount_cents = amount;
	put_date(x->p.received_on, on);
	if (how < 55) {
		x->p.method = PAYMENT_METHOD_VIREMENT;
	} else if (how < 90) {
		x->p.method = PAYMENT_METHOD_CHEQUE;
		snprintf(x->p.reference, sizeof x->p.reference, "chèque %d", 1000 + rng_int(r, 9000));
	} else {
		x->p.method = PAYMENT_METHOD_DEPOT;
	}
}

static void demo_payment_plan(const struct gen *g, const struct receivable_doc *d, int64_t open,
	struct demo_payment *out, size_t *n)
{
	struct rng r = rng_make(S_PAYMENTS, d->doc.id, 0);
	int fate = rng_int(&r, 100);
	date_t on = next_weekday(d->doc.issued + rng_range(&r, 20, 60));
	if (fate < 2)
		return;                                   /* never paid */
	if (fate >= 14) {
		demo_payment_add(g, d, on, open, &r, out, n);
		return;
	}
	/* in two parts: first a round sum, then the rest */
	int64_t part = open * rng_range(&r, 30, 70) / 100 / 100 * 100;
	date_t rest_on = next_weekday(on + rng_range(&r, 25, 50));
	demo_payment_add(g, d, on, part, &r, out, n);
	demo_payment_add(g, d, rest_on, open - part, &r, out, n);
}

static juste_status demo_payments(struct gen *g, struct juste_err *e)
{
	struct app *a = g->a;
	struct ar_books b;
	juste_status st = ar_books_load(a, NULL, &b, e);
	if (st)
		return st;
	struct demo_payment *v = calloc(2 * b.ndocs + 1, sizeof *v);
	size_t n = 0;
	if (!v) {
		ar_books_free(&b);
		return nomem(e);
	}
	struct ar_client c;
	int k;
	while ((k = ar_books_next(&b, g->today, &c, e)) > 0) {
		for (size_t i = 0; i < c.ndocs; i++) {
			int64_t open = payments_open_cents(&c.res, i);
			if (!c.cdocs[i].credited_id && open > 0)
				demo_payment_plan(g, &c.docs[i], open, v, &n);
		}
		ar_client_free(&c);
	}
	if (k < 0)
		st = e->code ? e->code : JUSTE_EIO;
	if (!st && n > 1)
		qsort(v, n, sizeof *v, cmp_demo_payment);
	if (!st)
		st = store_begin(a->store, e);
	if (!st) {
		for (size_t i = 0; !st && i < n; i++)
			st = store_payment_insert(a->store, &v[i].p, e);
		if (!st)
			st = store_commit(a->store, e);
		else
			store_rollback(a->store);
	}
	if (st)
		err_prefix(e, N_("démo : paiements : "));
	free(v);
	ar_books_free(&b);
	return st;
}

static juste_status demo_report_extras(struct gen *g, struct juste_err *e)
{
	struct app *a = g->a;
	/* the invoking user, admin: rates, invoices and finance need a role */
	juste_status st = app_identify(a, NULL, e);
	if (st)
		return st;
	st = store_begin(a->store, e);
	if (st)
		return st;
	st = demo_finances(g, e);
	if (!st)
		st = demo_devaffaires(g, e);
	if (!st)
		st = demo_profiles(g, e);
	if (!st)
		st = demo_rates(g, e);
	if (!st)
		st = store_commit(a->store, e);
	if (st) {
		store_rollback(a->store);
		return st;
	}
	st = demo_invoices(g, e);
	return st ? st : demo_payments(g, e);
}

static void plan_segments(struct gen *g)
{
	g->nseg = 0;
	for (int fy = 2018; fy <= 2019; fy++) {
		date_t from = fy_first(fy, g->fs), last = fy_last(fy, g->fs);
		if (from > g->today)
			break;
		struct seg *s = &g->seg[g->nseg++];
		s->fy = fy;
		s->from = from;
		s->to = last < g->today ? last : g->today;
		s->plan_end = s->to == last ? last : g->today;
		int64_t target = fy == 2018 ? TARGET_2018 : TARGET_2019;
		/* a year cut short by today gets its share of the target */
		s->target = target * (s->to - from + 1) / (last - from + 1);
	}
	int cur = fy_of(g->today, g->fs);
	if (cur > 2019) {
		struct seg *s = &g->seg[g->nseg++];
		s->fy = cur;
		s->from = fy_first(cur, g->fs);
		s->to = g->today;
		s->plan_end = g->today;
		s->target = 0;
	}
	g->d0 = g->nseg ? g->seg[0].from : g->today;
	g->d1 = g->today;
}

static void gen_free(struct gen *g)
{
	for (int i = 0; i < g->nx; i++) {
		free(g->x[i].mand);
		free(g->x[i].off);
	}
	free(g->o);
	free(g->m);
	free(g->en);
}

juste_status demo_build(struct app *a, struct demo_summary *sum, struct juste_err *e)
{
	if (!a->store)
		return err_set(e, JUSTE_EINVAL, N_("démo : aucune base ouverte"));
	if (!a->actor[0])
		return err_set(e, JUSTE_EINVAL, N_("démo : utilisateur inconnu"));
	struct gen *g = calloc(1, sizeof *g);
	if (!g)
		return nomem(e);
	g->a = a;
	g->fs = a->policy.fy_start.month ? a->policy.fy_start : FY_START_DEFAULT;
	g->today = app_today();
	plan_segments(g);

	juste_status st = JUSTE_OK;
	plan_experts(g);
	size_t span = (size_t)(g->d1 - g->d0 + 1);
	for (int i = 0; i < g->nx; i++)
		if (!(g->x[i].off = calloc(span, 1)))
			st = nomem(e);
	if (!st) {
		plan_vacations(g);
		st = plan_orgs(g, e);
	}
	if (!st)
		st = plan_mandates(g, e);
	if (!st)
		st = plan_entries(g, e);
	if (!st) {
		plan_budgets(g);
		st = store_begin(a->store, e);
		if (!st) {
			st = write_records(g, e);
			if (!st)
				st = write_entries(g, e);
			if (!st)
				st = write_calendar(g, e);
			if (!st)
				st = store_commit(a->store, e);
			if (st)
				store_rollback(a->store);
		}
	}
	if (!st)
		st = demo_report_extras(g, e);
	if (!st && sum)
		summarise(g, sum);
	gen_free(g);
	free(g);
	return st;
}

juste_status demo_default_path(char *out, size_t n, struct juste_err *e)
{
	const char *xdg = secure_getenv("XDG_DATA_HOME");
	int k;
	if (xdg && xdg[0] == '/') {
		k = snprintf(out, n, "%s/juste/demo.db", xdg);
	} else {
		const char *home = secure_getenv("HOME");
		if (!home || home[0] != '/') {
			struct passwd *pw = getpwuid(getuid());
			home = pw ? pw->pw_dir : NULL;
		}
		if (!home || !*home)
			return err_set(e, JUSTE_EINVAL, N_("démo : ni $XDG_DATA_HOME ni $HOME ; donnez --db CHEMIN"));
		k = snprintf(out, n, "%s/.local/share/juste/demo.db", home);
	}
	if (k < 0 || (size_t)k >= n)
		return err_set(e, JUSTE_EINVAL, N_("démo : chemin trop long"));
	return JUSTE_OK;
}

/* An earlier demo: a juste database whose centre carries the marker. */
static bool store_is_demo(struct store *s)
{
	struct org o;
	return store_org_get(s, DEMO_CENTRE_CODE, &o, NULL) == JUSTE_OK && strcmp(o.email, DEMO_MARKER_EMAIL) == 0;
}

static bool is_demo_db(const char *path)
{
	struct store *s = NULL;
	bool yes;
	if (store_open(path, STORE_READONLY, &s, NULL) != JUSTE_OK)
		return false;
	yes = store_is_demo(s);
	store_close(s);
	return yes;
}

bool demo_is_current(struct app *a)
{
	return a->store && store_is_demo(a->store);
}

static bool same_file(const char *a, const char *b)
{
	char ra[PATH_MAX], rb[PATH_MAX];
	if (!a || !b || !*a || !*b)
		return false;
	if (realpath(a, ra) && realpath(b, rb))
		return strcmp(ra, rb) == 0;
	return strcmp(a, b) == 0;
}

static juste_status remove_file(const char *path, const char *suffix, struct juste_err *e)
{
	char p[PATH_MAX];
	if (snprintf(p, sizeof p, "%s%s", path, suffix) >= (int)sizeof p)
		return err_set(e, JUSTE_EINVAL, N_("démo : chemin trop long"));
	if (unlink(p) != 0 && errno != ENOENT)
		return err_set(e, JUSTE_EIO, N_("démo : impossible de supprimer %s : %s"), p, strerror(errno));
	return JUSTE_OK;
}

/* The file a demo is built in, beside its target: ".NAME.partial".  A
 * fixed name, so that an interrupted build leaves one file, which the
 * next run removes; the target is only ever replaced by a finished demo. */
static juste_status partial_path(const char *path, char out[PATH_MAX], char dir[PATH_MAX], struct juste_err *e)
{
	const char *base;
	juste_status st = outfile_split(path, dir, &base, e);
	if (st)
		return st;
	if (snprintf(out, PATH_MAX, "%s/.%s.partial", dir, base) >= PATH_MAX)
		return err_set(e, JUSTE_EINVAL, N_("démo : chemin trop long"));
	return JUSTE_OK;
}

static void remove_sqlite_files(const char *path)
{
	remove_file(path, "", NULL);
	remove_file(path, "-wal", NULL);
	remove_file(path, "-shm", NULL);
	remove_file(path, "-journal", NULL);
}

/* What may stand at the target: nothing, an empty file or an earlier demo;
 * never the configured database nor anything else. */
static juste_status target_judge(struct app *a, const char *path, struct juste_err *e)
{
	struct stat sb;
	if (!path || !*path)
		return err_set(e, JUSTE_EINVAL, N_("démo : chemin vide"));
	if (same_file(path, a->cfg.db_path))
		return err_set(e, JUSTE_ECONFLICT,
			N_("démo : %s est la base de données configurée ; la démo ne l'écrit jamais"), path);
	if (lstat(path, &sb) == 0) {
		if (!S_ISREG(sb.st_mode))
			return err_set(e, JUSTE_ECONFLICT, N_("démo : %s n'est pas un fichier ordinaire"), path);
		if (sb.st_size > 0 && !is_demo_db(path))
			return err_set(e, JUSTE_ECONFLICT,
				N_("démo : %s existe et n'est pas une base de démonstration ; elle n'est pas écrasée"),
				path);
	} else if (errno != ENOENT) {
		return err_set(e, JUSTE_EIO, N_("démo : %s : %s"), path, strerror(errno));
	}
	return JUSTE_OK;
}

/* The directory of the demo and those above it, as store_open would make
 * them for the database itself. */
static juste_status dir_make(const char *dir, struct juste_err *e)
{
	char p[PATH_MAX];
	snprintf(p, sizeof p, "%s", dir);
	for (char *s = p + 1;; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		char c = *s;
		*s = '\0';
		if (mkdir(p, 0775) != 0 && errno != EEXIST)
			return err_set(e, JUSTE_EIO, N_("impossible de créer le dossier %s : %s"), p, strerror(errno));
		if (!(*s = c))
			return JUSTE_OK;
	}
}

/* Opens a new empty database at `partial` (one an interrupted run left is
 * removed first, if it is a plain file of this user) with the OS login as
 * actor and the default policy. */
static juste_status partial_open(struct app *a, const char *partial, const char *dir, struct juste_err *e)
{
	struct stat sb, mine;
	juste_status st = dir_make(dir, e);
	if (st)
		return st;
	if (lstat(partial, &sb) == 0) {
		if (!S_ISREG(sb.st_mode) || sb.st_uid != geteuid())
			return err_set(e, JUSTE_ECONFLICT, N_("démo : %s est là et n'est pas un fichier à vous : refusé"), partial);
		remove_sqlite_files(partial);
	}
	int fd = open(partial, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
	if (fd < 0)
		return outfile_io_fail(partial, errno, e);
	int rc = fstat(fd, &mine);
	close(fd);
	if (rc != 0)
		return outfile_io_fail(partial, errno, e);
	if ((st = app_os_login(a->actor, e)))
		return st;
	if ((st = store_open(partial, STORE_CREATE, &a->store, e)))
		return st;
	/* SQLite opened it by name: it must be the file just created */
	if (lstat(partial, &sb) != 0 || sb.st_dev != mine.st_dev || sb.st_ino != mine.st_ino)
		st = err_set(e, JUSTE_EIO, N_("démo : %s a été remplacé pendant l'ouverture"), partial);
	if (!st)
		store_set_actor(a->store, a->actor, NULL);
	/* The demo's centre has the default policy, whatever the user's own
	 * juste.ini says: its figures do not depend on who builds it. */
	if (!st && !(st = store_setting_import_mark(a->store, "", e)))
		st = app_policy_load(a, e);
	if (st) {
		store_close(a->store);
		a->store = NULL;
	}
	return st;
}

juste_status demo_make(struct app *a, const char *path, struct demo_summary *sum, struct juste_err *e)
{
	char partial[PATH_MAX], dir[PATH_MAX];
	juste_status st = target_judge(a, path, e);
	if (!st)
		st = partial_path(path, partial, dir, e);
	if (!st)
		st = partial_open(a, partial, dir, e);
	if (st)
		return st;
	st = demo_build(a, sum, e);
	/* closing the last connection checkpoints the WAL into the file and
	 * removes it: the file alone is the whole demo */
	store_close(a->store);
	a->store = NULL;
	if (st) {
		remove_sqlite_files(partial);
		return st;
	}
	/* an earlier demo's -wal or -shm must not meet the new file */
	if ((st = remove_file(path, "-wal", e)) || (st = remove_file(path, "-shm", e)) ||
	    (st = outfile_rename(partial, path, false, e)) || (st = outfile_dir_sync(dir, e))) {
		remove_sqlite_files(partial);
		return st;
	}
	if ((st = store_open(path, 0, &a->store, e)))
		return st;
	store_set_actor(a->store, a->actor, NULL);
	return JUSTE_OK;
}
