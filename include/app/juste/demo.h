/*
 * demo.h - a deterministic demonstration database modelled on the annual
 * report 2019-2020 of the Consortium de ressources et d'expertises
 * coopératives.
 *
 * 73 people (47 professionnels, 20 formateurs, 6 directions, the invoking
 * user being one of the 6 directions, registered as admin), 82 member
 * organisations of which 4 are sous entière gestion and 26 joined in
 * 2019-2020, 300 enterprises federated by them, 12 services, the 7 funding
 * programs the report names, about 1 000 mandates, and time entries for the
 * fiscal years 2018-2019 and 2019-2020 (billable hours calibrated on 65 300 h
 * and 75 100 h) plus the current fiscal year up to today.
 *
 * Everything goes through the store functions the CLI and the importer use,
 * in one transaction, and every entry passes rules_entry_validate().
 * Then the annual report's side: the report's finance figures,
 * its business-development log, genders and birth years (average age 45),
 * one rate table per demo year calibrated so that the year's invoices come
 * to the report's products (3 569 964 $ and 4 475 852 $), and the invoices
 * of every complete month of both demo years issued on the month's last day
 * with invoicing_issue() (one transaction per month), with one full and one
 * partial credit note in November 2019.  The
 * same seed and the same app_today() give the same records (uuids aside,
 * which come from libuuid).  E-mail addresses use the reserved `.example`
 * domain so that nothing can ever be sent to a real organisation; the
 * centre's own organisation carries DEMO_MARKER_EMAIL, which is how a later
 * run recognises a demo database it may overwrite.
 */
#ifndef JUSTE_DEMO_H
#define JUSTE_DEMO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "juste/app.h"
#include "juste/err.h"
#include "juste/figures.h"
#include "juste/model.h"

/* The centre's own organisation: client of the internal mandates. */
#define DEMO_CENTRE_CODE "CREC"
#define DEMO_MARKER_EMAIL "demo@crec.example"


/* 2018-2019, 2019-2020 and the current fiscal year when it is later. */
#define DEMO_YEARS_MAX 3

struct demo_year {
	int fy;                        /* start year: 2019 for 2019-2020 */
	char from[ISO_LEN], to[ISO_LEN];   /* days generated; `to` is today in the current year */
	int complete;                  /* the whole fiscal year was generated */
	int64_t target_minutes;        /* billable calibration target, 0 when none */
	int64_t entries;
	int64_t billable_minutes;      /* on horaire and forfait mandates */
	int64_t internal_minutes;      /* on non_facturable mandates */
	int64_t full_management_minutes;   /* billable, for clients sous entière gestion */
	int beneficiaries;             /* distinct organisations served with billable time */
	int mandates;                  /* billable mandates opened that year */
	int members_at_end;            /* member organisations joined by the year's end */
	int new_members;               /* of which joined during the year */
	struct figures_ratio members_growth;   /* at the end against those there before */
	int compared;                  /* the year before is in the demo, both complete */
	struct figures_ratio billable_growth;  /* against the year before, when compared */
};

struct demo_summary {
	char user_login[LOGIN_LEN];    /* the invoking user, admin and direction */
	int experts;
	int by_function[FUNCTION_COUNT];
	int by_role[ROLE_COUNT];             /* by vocab_index(VOCAB_ROLE, role) */
	int part_time;                 /* weekly capacity below 35 h */
	int orgs;
	int by_category[CATEGORY_COUNT];
	int members;                   /* membre + auxiliaire + soutien */
	int full_management;
	int enterprises;               /* organisations federated by a member (non_membre) */
	int other_non_members;         /* the other non_membre organisations */
	int services, programs;
	int mandates;
	int by_billing[BILLING_COUNT];
	int64_t entries;
	int nyears;
	struct demo_year years[DEMO_YEARS_MAX];
	/* The one billed client left without a postal address, so that the
	 * invoicing blocker can be shown. */
	char client_without_address[CODE_LEN];
};

/* $XDG_DATA_HOME/juste/demo.db, ~/.local/share/juste/demo.db when unset
 * (or not absolute). */
juste_status demo_default_path(char *out, size_t n, struct juste_err *e);

/* Builds a fresh demo at `path` and leaves it open in a, with the OS login
 * as actor.  What stands at path must be nothing, an empty file or an
 * earlier demo (any other file, or the configured database
 * app_config(a)->db_path, is refused with JUSTE_ECONFLICT).  The demo is
 * built in ".NAME.partial" beside it (what an interrupted run left there
 * is removed first) and renamed over path only when complete: an
 * interrupted or failed build leaves path as it was. */
juste_status demo_make(struct app *a, const char *path, struct demo_summary *sum, struct juste_err *e);

/* Fills the empty database open in a, in one transaction (rolled
 * back on any error), and describes what it made in *sum.  The invoking
 * user (the OS login) is registered as admin.  Fiscal years follow the
 * centre's policy (app_policy(a)->fy_start); "today" is app_today(). */
juste_status demo_build(struct app *a, struct demo_summary *sum, struct juste_err *e);

/* Whether the database open in a is a demo (its centre's organisation
 * carries DEMO_MARKER_EMAIL), built or being built. */
bool demo_is_current(struct app *a);

#endif
