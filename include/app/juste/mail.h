/*
 * mail.h - invoices, statements and reminder letters sent by e-mail, and
 * the send log.  The CLI calls these.
 *
 * Promises:
 * - one message per client, to the organisation's e-mail, From the
 *   centre's identity (centre.name, centre.email), in the client's
 *   language (subject and body; the PDF is the one `juste invoice pdf`,
 *   `juste statement --format pdf` or `juste reminders pdf` writes), built
 *   as MIME by GMime: subject and names RFC 2047-encoded, the text
 *   quoted-printable, each PDF attached in base64;
 * - delivered through the command of the setting mail.sendmail, split
 *   into words without a shell (cmdline.h) and run with the message on its
 *   standard input; the child runs without juste's group and with no
 *   descriptor but 0, 1 and 2, so that a set-group-id juste never hands the
 *   database to the mail program; anything but exit status 0 is a failure
 *   naming the command and its status, and nothing is recorded as sent;
 * - the send log gets one row per document once the command accepted the
 *   message (and a mailed invoice counts as a print: a second one says
 *   COPIE, as a reprint does); a document in the log is not sent again
 *   unless `again`, and is reported as skipped;
 * - a client without an address is reported (MAIL_NO_ADDRESS) and
 *   nothing is sent to it; the others are still sent;
 * - the first failing delivery stops the run: what was sent before it
 *   stays in the log, what comes after is not tried;
 * - the centre's identity must be its own (centre.h) and have an e-mail.
 * Roles: commis, gestionnaire, admin.
 */
#ifndef JUSTE_MAIL_H
#define JUSTE_MAIL_H

#include <stdbool.h>
#include "juste/app.h"
#include "juste/maillog.h"
#include "juste/model.h"

enum mail_status {
	MAIL_SENT,          /* the command accepted it, the log has it */
	MAIL_SKIPPED,       /* every document already in the log */
	MAIL_NO_ADDRESS,    /* the organisation has no e-mail */
	MAIL_BAD_ADDRESS    /* its e-mail is not an address */
};

/* What became of one client's message. */
struct mail_outcome {
	const struct org *client;
	enum mail_status status;
	const char *documents;      /* "F2020-0001, NC2020-0002", the statement's date, the letter's invoices */
	const char *message_id;     /* MAIL_SENT: the Message-ID, without <> */
};
typedef int (*mail_cb)(void *ctx, const struct mail_outcome *o);

struct mail_run {
	int sent, skipped, no_address;   /* clients; no_address counts bad addresses too */
};

/* `what` is a month ("2020-03": its issued invoices and credit notes) or
 * one issued document's number. */
juste_status mail_send_invoices(struct app *a, const char *what, bool again, mail_cb cb, void *ctx,
	struct mail_run *run, struct juste_err *e);

/* The statement of receivables_statement(org, from, at); once per client
 * and date. */
juste_status mail_send_statement(struct app *a, const char *org, const char *from, const char *at, bool again,
	mail_cb cb, void *ctx, struct mail_run *run, struct juste_err *e);

/* The reminder letters of reminder_letters_list(at); a letter is skipped
 * when each of its invoices was already reminded at the level it has. */
juste_status mail_send_reminders(struct app *a, const char *at, bool again, mail_cb cb, void *ctx,
	struct mail_run *run, struct juste_err *e);

/* The send log, oldest first; client NULL = every client. */
typedef int (*mail_log_cb)(void *ctx, const struct maillog_rec *r);
juste_status mail_log_list(struct app *a, const char *client, mail_log_cb cb, void *ctx, struct juste_err *e);

/* The word of a logged reminder level ("first_reminder"), "" for none. */
const char *mail_level_word(int level);

#endif
