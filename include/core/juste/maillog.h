/*
 * maillog.h - one row of the send log (sql/015_mail_log.sql): a document a
 * message carried, to whom, when and by whom.  A plain record: the store
 * reads and writes it, the app fills it once sendmail accepted the message.
 */
#ifndef JUSTE_MAILLOG_H
#define JUSTE_MAILLOG_H

#include <stdint.h>
#include "juste/invoice.h"
#include "juste/model.h"
#include "juste/vocab.h"

#define MAILLOG_TIME_LEN 21      /* "2020-04-02T14:03:00Z" */
#define MAILLOG_ID_LEN 251       /* a Message-ID, without its angle brackets */
#define MAILLOG_NO_LEVEL (-1)

struct maillog_rec {
	int64_t id;
	char uuid[UUID_LEN];
	char sent_at[MAILLOG_TIME_LEN];  /* UTC */
	char sent_by[LOGIN_LEN];         /* the OS login of the real uid */
	int64_t client_id;
	char client_code[CODE_LEN];      /* read back */
	char client_name[NAME_LEN];      /* read back */
	char recipient[EMAIL_LEN];
	enum mail_doc kind;
	int64_t invoice_id;              /* invoice and reminder; 0 for a statement */
	char invoice_number[INVOICE_NUMBER_LEN];   /* read back */
	int level;                       /* enum reminder_level of a reminder, else MAILLOG_NO_LEVEL */
	char statement_at[ISO_LEN];      /* a statement's date, else "" */
	char message_id[MAILLOG_ID_LEN];
};

#endif
