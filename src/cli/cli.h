/*
 * cli.h - the command-line front end: one table of commands, one file per
 * command family.  A command parses its own options (getopt_long), calls the
 * use cases of the app layer, and prints.  It returns a juste_status; main()
 * prints the message and maps it to the exit code (0 ok, 1 refused or
 * failed, 2 usage).
 */
#ifndef JUSTE_CLI_H
#define JUSTE_CLI_H

#include <stdbool.h>
#include <stddef.h>

#include "juste/app.h"
#include "juste/err.h"

struct cli {
	struct app *app;          /* the use cases, opaque here */
	const char *db_path;      /* --db */
	const char *config_path;  /* --config */
	const char *as_login;     /* --as */
};

enum cli_needs {
	CLI_NEEDS_NOTHING = 0,
	CLI_NEEDS_DB = 1,         /* open the configured database */
	CLI_NEEDS_USER = 2 | 1,   /* and identify the current user */
	CLI_CREATES_DB = 4        /* with CLI_NEEDS_DB: create it if missing */
};

typedef juste_status (*cli_fn)(struct cli *c, int argc, char **argv, struct juste_err *e);

struct cli_command {
	const char *name;
	const char *usage;        /* N_() msgid: synopsis and options */
	const char *summary;      /* N_() msgid: one line */
	cli_fn fn;
	int needs;
	const char *subs;         /* its sub-commands, space-separated; NULL: none */
};

/* argv[0] is the command name; getopt_long state is reset before each. */
juste_status cli_init(struct cli *c, int argc, char **argv, struct juste_err *e);
juste_status cli_import(struct cli *c, int argc, char **argv, struct juste_err *e);
juste_status cli_export(struct cli *c, int argc, char **argv, struct juste_err *e);
juste_status cli_log(struct cli *c, int argc, char **argv, struct juste_err *e);
juste_status cli_entries(struct cli *c, int argc, char **argv, struct juste_err *e);
juste_status cli_entry(struct cli *c, int argc, char **argv, struct juste_err *e);
juste_status cli_audit(struct cli *c, int argc, char **argv, struct juste_err *e);
juste_status cli_check(struct cli *c, int argc, char **argv, struct juste_err *e);
juste_status cli_demo(struct cli *c, int argc, char **argv, struct juste_err *e);
juste_status cli_rate(struct cli *c, int argc, char **argv, struct juste_err *e);
juste_status cli_week(struct cli *c, int argc, char **argv, struct juste_err *e);
juste_status cli_timer(struct cli *c, int argc, char **argv, struct juste_err *e);
juste_status cli_month(struct cli *c, int argc, char **argv, struct juste_err *e);
juste_status cli_tui(struct cli *c, int argc, char **argv, struct juste_err *e);
juste_status cli_cost(struct cli *c, int argc, char **argv, struct juste_err *e);
juste_status cli_invoice(struct cli *c, int argc, char **argv, struct juste_err *e);
juste_status cli_report(struct cli *c, int argc, char **argv, struct juste_err *e);
juste_status cli_finance(struct cli *c, int argc, char **argv, struct juste_err *e);
juste_status cli_devaffaires(struct cli *c, int argc, char **argv, struct juste_err *e);
juste_status cli_ristourne(struct cli *c, int argc, char **argv, struct juste_err *e);
juste_status cli_expert(struct cli *c, int argc, char **argv, struct juste_err *e);
juste_status cli_org(struct cli *c, int argc, char **argv, struct juste_err *e);
juste_status cli_mandate(struct cli *c, int argc, char **argv, struct juste_err *e);
juste_status cli_settings(struct cli *c, int argc, char **argv, struct juste_err *e);
juste_status cli_backup(struct cli *c, int argc, char **argv, struct juste_err *e);
juste_status cli_restore(struct cli *c, int argc, char **argv, struct juste_err *e);
juste_status cli_complete(struct cli *c, int argc, char **argv, struct juste_err *e);
juste_status cli_payment(struct cli *c, int argc, char **argv, struct juste_err *e);
juste_status cli_receivables(struct cli *c, int argc, char **argv, struct juste_err *e);
juste_status cli_statement(struct cli *c, int argc, char **argv, struct juste_err *e);
/* cli_ledger.c: the journal of the books of account. */
juste_status cli_ledger(struct cli *c, int argc, char **argv, struct juste_err *e);
/* cli_mail.c: what the sending commands print, and `juste invoice sent`.
 * cli_mail_outcome is a mail_cb (mail.h); cli_mail_finish prints the
 * counts and turns a client not reached into status 1. */
struct mail_outcome;
struct mail_run;
int cli_mail_outcome(void *ctx, const struct mail_outcome *o);
juste_status cli_mail_finish(juste_status st, const struct mail_run *run, struct juste_err *e);
juste_status cli_mail_log(struct cli *c, int argc, char **argv, struct juste_err *e);
/* cli_reminders.c: overdue invoices and reminder letters. */
juste_status cli_reminders(struct cli *c, int argc, char **argv, struct juste_err *e);
/* `juste expert deactivate LOGIN [--date DATE]`: argv[0] is "deactivate". */
juste_status cli_expert_deactivate(struct cli *c, int argc, char **argv, struct juste_err *e);

/* cli_calendar.c: holidays, absences, capacity, the week's approval
 * (`juste week SUB`: argv[1] is SUB) and mandate teams (`juste mandate
 * assign|unassign|team`: argv[1] is the subcommand). */
juste_status cli_holiday(struct cli *c, int argc, char **argv, struct juste_err *e);
juste_status cli_absence(struct cli *c, int argc, char **argv, struct juste_err *e);
juste_status cli_capacity(struct cli *c, int argc, char **argv, struct juste_err *e);
juste_status cli_budget(struct cli *c, int argc, char **argv, struct juste_err *e);
/* After time was saved: the budget warning on stderr, if the save gave one. */
void cli_budget_notice(struct cli *c);
/* juste mandate budget CODE --hard oui|non */
juste_status cli_mandate_budget(struct cli *c, int argc, char **argv, struct juste_err *e);
juste_status cli_week_approval(struct cli *c, int argc, char **argv, struct juste_err *e);
juste_status cli_mandate_team(struct cli *c, int argc, char **argv, struct juste_err *e);

/* Prints the usage of command `name` to stdout (for --help). */
void cli_usage(const char *name);
/* The part of it about sub-command `sub` (for `juste CMD SUB --help`). */
void cli_usage_sub(const char *name, const char *sub);

/* The table of commands, for `juste complete commands|subcommands`. */
const struct cli_command *cli_commands(size_t *n);
bool cli_has_sub(const struct cli_command *c, const char *sub);

/* getopt_long for a command, with juste's own messages: getopt's are
 * English and go to stderr.  Returns the option's value, -1 after the
 * last, or '?' for an unknown option, a missing value or a value given to
 * a flag, with e set (JUSTE_EUSAGE, in the user's language, naming `cmd`:
 * « entries : option inconnue « --bogus » (juste entries --help) »).
 * A ':' is added to shortopts (after a leading '+'). */
struct option;
int cli_getopt(int argc, char **argv, const char *shortopts, const struct option *longopts, const char *cmd,
	struct juste_err *e);
/* For a command that takes no option: refuses any, as cli_getopt does. */
juste_status cli_no_options(int argc, char **argv, const char *cmd, struct juste_err *e);

/* Shared option parsing helpers: each refuses bad input with a message
 * naming the option.  A date option takes what date_input.h accepts (ISO,
 * aujourd'hui, hier, a weekday name, -N). */
juste_status cli_opt_date(const char *opt, const char *arg, char out[11], struct juste_err *e);

#endif
