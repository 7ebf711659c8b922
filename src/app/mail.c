/*
 * mail.c - documents sent by e-mail (mail.h): the message is built by
 * GMime, handed to the setting's sendmail command, and logged once the
 * command accepted it.
 *
 * The texts of the messages are the client's, not the clerk's: they are
 * written here in both languages and chosen by the organisation's
 * language, never through gettext (whose language is the screen's).
 */
#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <dirent.h>
#include <unistd.h>

#include <gmime/gmime.h>

#include "app/app_internal.h"
#include "juste/centre.h"
#include "juste/cmdline.h"
#include "juste/i18n.h"
#include "juste/invoice_pdf.h"
#include "juste/invoicing.h"
#include "juste/mem.h"
#include "juste/mail.h"
#include "juste/money.h"
#include "juste/receivables.h"
#include "juste/reminder_letters.h"
#include "juste/reminders.h"
#include "juste/statement_pdf.h"
#include "juste/store_invoices.h"
#include "juste/store_mail.h"
#include "juste/text.h"

#define ROLES_MAIL (ROLE_COMMIS | ROLE_GESTIONNAIRE | ROLE_ADMIN)
#define MAIL_MAX_DOCS 64          /* documents of one client in one message */

/* ------------------------------------------------------------ the texts */

/* The organisation's language (sql/014); French unless it reads English. */
static enum text_lang client_lang(const struct org *o)
{
	enum language l = LANGUAGE_FR;
	if (o->language[0] && vocab_language_parse(o->language, &l, NULL) != JUSTE_OK)
		l = LANGUAGE_FR;
	return l == LANGUAGE_EN ? TEXT_LANG_EN : TEXT_LANG_FR;
}

/* One text in the client's two languages. */
struct both {
	const char *fr, *en;
};
#define IN(l, t) ((l) == TEXT_LANG_EN ? (t).en : (t).fr)

static const struct both T_HELLO = { "Bonjour,\n\n", "Hello,\n\n" };
static const struct both T_INVOICE = { "Facture", "Invoice" };
static const struct both T_CREDIT = { "Note de crédit", "Credit note" };
static const struct both T_BILLING = { "Facturation :", "Billing:" };
static const struct both T_ATTACHED = { "Veuillez trouver ci-joint :\n\n", "Please find attached:\n\n" };
static const struct both T_LINE_INVOICE = {
	"- la facture %s du %s : %s, à payer au plus tard le %s\n",
	"- invoice %s of %s: %s, due by %s\n" };
static const struct both T_LINE_CREDIT = {
	"- la note de crédit %s du %s : %s, sur la facture %s\n",
	"- credit note %s of %s: %s, on invoice %s\n" };
static const struct both T_STATEMENT_SUBJECT = { "Relevé de compte au %s", "Statement of account as of %s" };
static const struct both T_STATEMENT_BODY = {
	"Veuillez trouver ci-joint votre relevé de compte au %s.  Solde dû : %s.\n",
	"Please find attached your statement of account as of %s.  Balance due: %s.\n" };
static const struct both T_REMINDER_SUBJECT = { "%s — factures échues", "%s — overdue invoices" };
static const struct both T_REMINDER_BODY = {
	"Sauf erreur de notre part, les factures suivantes restent impayées après leur échéance ; la lettre "
	"ci-jointe en donne le détail.\n\n",
	"Our records show that the following invoices remain unpaid after their due date; the attached letter "
	"gives the details.\n\n" };
static const struct both T_REMINDER_LINE = {
	"- facture %s du %s, échue le %s : reste %s\n",
	"- invoice %s of %s, due %s: %s outstanding\n" };
static const struct both T_REMINDER_TOTAL = { "\nTotal dû : %s.\n\n", "\nTotal due: %s.\n\n" };
static const struct both T_REMINDER_CROSSED = {
	"Si votre paiement a croisé ce courriel, veuillez ne pas en tenir compte.\n",
	"If your payment has crossed this message, please disregard it.\n" };
static const struct both T_CLOSING = {
	"\nPour toute question, il suffit de répondre à ce courriel.\n\nSalutations distinguées,\n\n",
	"\nShould you have any question, simply reply to this message.\n\nBest regards,\n\n" };
static const struct both T_STATEMENT_FILE = { "releve-%s-%s.pdf", "statement-%s-%s.pdf" };
static const struct both T_REMINDER_FILE = { "rappel-%s-%s.pdf", "reminder-%s-%s.pdf" };
/* by enum reminder_level */
static const struct both T_LEVEL[] = {
	{ "Premier rappel", "First reminder" },
	{ "Deuxième rappel", "Second reminder" },
	{ "Dernier avis", "Final notice" },
};
_Static_assert(sizeof T_LEVEL / sizeof T_LEVEL[0] == REMINDER_LEVEL_COUNT, "a subject per reminder level");

/* A growing text; on lack of memory it stays NULL and compose fails. */
struct text {
	char *s;
	size_t n, cap;
	bool oom;
};

static void text_add(struct text *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void text_add(struct text *t, const char *fmt, ...)
{
	if (t->oom)
		return;
	va_list ap;
	va_start(ap, fmt);
	int k = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (k < 0 || t->n + (size_t)k + 1 > t->cap) {
		size_t cap = t->cap ? t->cap : 256;
		while (k >= 0 && t->n + (size_t)k + 1 > cap)
			cap *= 2;
		char *ns = k < 0 ? NULL : realloc(t->s, cap);
		if (!ns) {
			t->oom = true;
			return;
		}
		t->s = ns;
		t->cap = cap;
	}
	va_start(ap, fmt);
	vsnprintf(t->s + t->n, t->cap - t->n, fmt, ap);
	va_end(ap);
	t->n += (size_t)k;
}

/* The centre's signature under every message. */
static void signature(struct text *t, const struct policy *p, enum text_lang l)
{
	text_add(t, "%s", IN(l, T_CLOSING));
	text_add(t, "%s\n", p->centre_name);
	if (p->centre_phone[0])
		text_add(t, "%s\n", p->centre_phone);
	text_add(t, "%s\n", p->centre_email);
}

/* --------------------------------------------------------- the message */

struct attachment {
	char name[128];
	char *data;
	size_t len;
};

static void attachments_free(struct attachment *at, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(at[i].data);
}

/* The domain of the centre's address, for the Message-ID. */
static const char *domain_of(const char *email)
{
	const char *at = strrchr(email, '@');
	return at && at[1] ? at + 1 : "localhost";
}

/* The addresses of org->email as GMime reads them, each a mailbox with an
 * '@' between two non-empty parts; NULL when there is none such. */
static InternetAddressList *recipients(const struct org *o, char *plain, size_t n)
{
	InternetAddressList *l = internet_address_list_parse(NULL, o->email);
	int count = l ? internet_address_list_length(l) : 0;
	plain[0] = '\0';
	for (int i = 0; i < count; i++) {
		InternetAddress *ia = internet_address_list_get_address(l, i);
		const char *addr = INTERNET_ADDRESS_IS_MAILBOX(ia)
			? internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(ia)) : NULL;
		const char *at = addr ? strchr(addr, '@') : NULL;
		if (!at || at == addr || !at[1]) {
			count = 0;
			break;
		}
		/* a bare address is named after the organisation */
		if (!internet_address_get_name(ia) || !internet_address_get_name(ia)[0])
			internet_address_set_name(ia, o->name);
		size_t used = strlen(plain);
		snprintf(plain + used, n - used, "%s%s", used ? ", " : "", addr);
	}
	if (count == 0) {
		if (l)
			g_object_unref(l);
		return NULL;
	}
	return l;
}

/* The whole message in *out (malloc'd, *len bytes), its Message-ID in
 * msgid. */
static juste_status compose(const struct policy *p, InternetAddressList *to, const char *subject, const char *body,
	const struct attachment *at, size_t nat, char msgid[MAILLOG_ID_LEN], char **out, size_t *len,
	struct juste_err *e)
{
	GMimeMessage *m = g_mime_message_new(TRUE);
	g_mime_message_add_mailbox(m, GMIME_ADDRESS_TYPE_FROM, p->centre_name, p->centre_email);
	internet_address_list_append(g_mime_message_get_addresses(m, GMIME_ADDRESS_TYPE_TO), to);
	g_mime_message_set_subject(m, subject, "utf-8");
	GDateTime *now = g_date_time_new_now_local();
	g_mime_message_set_date(m, now);
	g_date_time_unref(now);
	char *id = g_mime_utils_generate_message_id(domain_of(p->centre_email));
	snprintf(msgid, MAILLOG_ID_LEN, "%s", id);
	g_mime_message_set_message_id(m, id);
	g_free(id);
	g_mime_object_set_header(GMIME_OBJECT(m), "MIME-Version", "1.0", NULL);

	GMimeMultipart *mixed = g_mime_multipart_new_with_subtype("mixed");
	/* the text as it is, in UTF-8: g_mime_text_part_set_text() would
	 * convert it to the smallest charset that holds it */
	GMimeTextPart *text = g_mime_text_part_new_with_subtype("plain");
	GMimeStream *bs = g_mime_stream_mem_new_with_buffer(body, strlen(body));
	GMimeDataWrapper *bw = g_mime_data_wrapper_new_with_stream(bs, GMIME_CONTENT_ENCODING_DEFAULT);
	g_mime_part_set_content(GMIME_PART(text), bw);
	g_object_unref(bw);
	g_object_unref(bs);
	g_mime_object_set_content_type_parameter(GMIME_OBJECT(text), "charset", "utf-8");
	g_mime_part_set_content_encoding(GMIME_PART(text), GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE);
	g_mime_multipart_add(mixed, GMIME_OBJECT(text));
	g_object_unref(text);
	for (size_t i = 0; i < nat; i++) {
		GMimePart *part = g_mime_part_new_with_type("application", "pdf");
		GMimeStream *s = g_mime_stream_mem_new_with_buffer(at[i].data, at[i].len);
		GMimeDataWrapper *w = g_mime_data_wrapper_new_with_stream(s, GMIME_CONTENT_ENCODING_DEFAULT);
		g_mime_part_set_content(part, w);
		g_object_unref(w);
		g_object_unref(s);
		g_mime_part_set_filename(part, at[i].name);
		g_mime_part_set_content_encoding(part, GMIME_CONTENT_ENCODING_BASE64);
		g_mime_multipart_add(mixed, GMIME_OBJECT(part));
		g_object_unref(part);
	}
	g_mime_message_set_mime_part(m, GMIME_OBJECT(mixed));
	g_object_unref(mixed);

	GMimeStream *mem = g_mime_stream_mem_new();
	juste_status st = JUSTE_OK;
	if (g_mime_object_write_to_stream(GMIME_OBJECT(m), NULL, mem) < 0) {
		st = err_set(e, JUSTE_EIO, N_("le courriel n'a pas pu être composé"));
	} else {
		GByteArray *ba = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(mem));
		*out = malloc(ba->len ? ba->len : 1);
		if (!*out)
			st = err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
		else {
			memcpy(*out, ba->data, ba->len);
			*len = ba->len;
		}
	}
	g_object_unref(mem);
	g_object_unref(m);
	return st;
}

/* -------------------------------------------------------- the delivery */

/* In the child, between fork and exec: only async-signal-safe calls.
 * Every descriptor but 0, 1, 2 and the exec-error pipe is closed: the
 * database's (which SQLite opens O_CLOEXEC anyway) and any other juste
 * holds, so that the mail program, which is the user's to choose, cannot
 * reach a file the user may not open; and the group of a set-group-id
 * juste is given up here too, in case it is still held. */
static void close_from(int lowest, int keep)
{
#ifdef SYS_close_range
	if (keep > lowest && syscall(SYS_close_range, (unsigned)lowest, (unsigned)keep - 1, 0u) == 0 &&
	    syscall(SYS_close_range, (unsigned)keep + 1, ~0u, 0u) == 0)
		return;
#endif
	/* a kernel without close_range (before 5.9): one by one */
	long max = sysconf(_SC_OPEN_MAX);
	for (int fd = lowest; fd < (max > 0 && max < 65536 ? max : 65536); fd++)
		if (fd != keep)
			close(fd);
}

static void child(int in, int report, char *const argv[])
{
	int err = 0;
	struct sigaction dfl;
	memset(&dfl, 0, sizeof dfl);
	dfl.sa_handler = SIG_DFL;
	sigaction(SIGPIPE, &dfl, NULL);
	gid_t g = getgid();
	if (getegid() != g && setresgid(g, g, g) != 0)
		err = errno;
	if (!err && (dup2(in, 0) < 0 || dup2(2, 1) < 0))
		err = errno;
	if (!err) {
		close_from(3, report);
		execv(argv[0], argv);
		err = errno;
	}
	ssize_t w = write(report, &err, sizeof err);
	(void)w;
	_exit(127);
}

static juste_status deliver(const char *command, const char *msg, size_t len, struct juste_err *e)
{
	struct cmdline cl;
	struct juste_err sub = { 0 };
	if (cmdline_split(command, &cl, &sub))
		return err_set(e, JUSTE_EINVAL, "mail.sendmail : %s", sub.msg);
	int in[2], rep[2];
	if (pipe2(in, O_CLOEXEC) != 0)
		return err_set(e, JUSTE_EIO, N_("mail.sendmail : %s"), strerror(errno));
	if (pipe2(rep, O_CLOEXEC) != 0) {
		int er = errno;
		close(in[0]);
		close(in[1]);
		return err_set(e, JUSTE_EIO, N_("mail.sendmail : %s"), strerror(er));
	}
	fflush(NULL);
	pid_t pid = fork();
	if (pid == 0)
		child(in[0], rep[1], cl.argv);
	int fork_err = errno;
	close(in[0]);
	close(rep[1]);
	if (pid < 0) {
		close(in[1]);
		close(rep[0]);
		return err_set(e, JUSTE_EIO, N_("mail.sendmail : « %s » n'a pas pu être lancé : %s"), command,
			strerror(fork_err));
	}
	/* a command that stops reading is a failure to report, not a signal
	 * that ends juste */
	struct sigaction ign, old;
	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &ign, &old);
	size_t off = 0;
	int write_err = 0;
	while (off < len) {
		ssize_t w = write(in[1], msg + off, len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0) {
			write_err = errno;
			break;
		}
		off += (size_t)w;
	}
	close(in[1]);
	sigaction(SIGPIPE, &old, NULL);
	int exec_err = 0;
	ssize_t r;
	do
		r = read(rep[0], &exec_err, sizeof exec_err);
	while (r < 0 && errno == EINTR);
	close(rep[0]);
	int status;
	pid_t w;
	do
		w = waitpid(pid, &status, 0);
	while (w < 0 && errno == EINTR);
	if (r == (ssize_t)sizeof exec_err)
		return err_set(e, JUSTE_EIO, N_("mail.sendmail : « %s » n'a pas pu être lancé : %s ; rien n'est inscrit comme envoyé"),
			command, strerror(exec_err));
	if (w < 0)
		return err_set(e, JUSTE_EIO, N_("mail.sendmail : « %s » : %s ; rien n'est inscrit comme envoyé"), command,
			strerror(errno));
	if (WIFSIGNALED(status))
		return err_set(e, JUSTE_EIO, N_("mail.sendmail : « %s » a été arrêté par le signal %d ; rien n'est inscrit comme envoyé"),
			command, WTERMSIG(status));
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return err_set(e, JUSTE_EIO, N_("mail.sendmail : « %s » a terminé avec le statut %d ; rien n'est inscrit comme envoyé"),
			command, WIFEXITED(status) ? WEXITSTATUS(status) : -1);
	if (write_err)
		return err_set(e, JUSTE_EIO, N_("mail.sendmail : « %s » n'a pas lu tout le message (%s) ; rien n'est inscrit comme envoyé"),
			command, strerror(write_err));
	return JUSTE_OK;
}

/* ------------------------------------------------------- the documents */

/* A private directory for the PDFs on their way into a message. */
struct scratch {
	char dir[4096];
};

static juste_status scratch_open(struct scratch *s, struct juste_err *e)
{
	const char *tmp = secure_getenv("TMPDIR");
	if (!tmp || !*tmp)
		tmp = "/tmp";
	if (snprintf(s->dir, sizeof s->dir, "%s/juste-mail-XXXXXX", tmp) >= (int)sizeof s->dir)
		return err_set(e, JUSTE_EINVAL, N_("chemin trop long : %s"), tmp);
	if (!mkdtemp(s->dir))
		return err_set(e, JUSTE_EIO, N_("impossible de créer un dossier temporaire dans %s : %s"), tmp, strerror(errno));
	return JUSTE_OK;
}

/* Removes every file of the directory, then the directory. */
static void scratch_close(struct scratch *s)
{
	DIR *d = opendir(s->dir);
	if (d) {
		struct dirent *de;
		while ((de = readdir(d)))
			if (strcmp(de->d_name, ".") && strcmp(de->d_name, "..")) {
				char p[4352];
				snprintf(p, sizeof p, "%s/%s", s->dir, de->d_name);
				unlink(p);
			}
		closedir(d);
	}
	rmdir(s->dir);
}

static juste_status slurp(const char *path, const char *name, struct attachment *at, struct juste_err *e)
{
	memset(at, 0, sizeof *at);
	snprintf(at->name, sizeof at->name, "%s", name);
	FILE *f = fopen(path, "rb");
	if (!f)
		return err_set(e, JUSTE_EIO, N_("%s : %s"), path, strerror(errno));
	size_t cap = 0;
	for (;;) {
		if (at->len == cap) {
			size_t nc = cap ? cap * 2 : 65536;
			char *nd = realloc(at->data, nc);
			if (!nd) {
				fclose(f);
				return err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
			}
			at->data = nd;
			cap = nc;
		}
		size_t k = fread(at->data + at->len, 1, cap - at->len, f);
		at->len += k;
		if (k == 0)
			break;
	}
	int bad = ferror(f);
	fclose(f);
	if (bad)
		return err_set(e, JUSTE_EIO, N_("%s : lecture impossible"), path);
	return JUSTE_OK;
}

/* The one PDF a writer left in an otherwise empty directory. */
static juste_status slurp_only(const char *dir, const char *name, struct attachment *at, struct juste_err *e)
{
	DIR *d = opendir(dir);
	if (!d)
		return err_set(e, JUSTE_EIO, N_("%s : %s"), dir, strerror(errno));
	char path[4352] = "";
	struct dirent *de;
	while ((de = readdir(d)))
		if (de->d_name[0] != '.')
			snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
	closedir(d);
	if (!path[0])
		return err_set(e, JUSTE_EIO, N_("%s : aucun PDF écrit"), dir);
	juste_status st = slurp(path, name, at, e);
	unlink(path);
	return st;
}

/* --------------------------------------------------------- the run */

static juste_status mail_begin(struct app *a, const char *what, struct mail_run *run, struct juste_err *e)
{
	memset(run, 0, sizeof *run);
	juste_status st = app_require(a, ROLES_MAIL, what, e);
	if (!st)
		st = centre_require_own(a, e);
	if (st)
		return st;
	if (!strchr(a->policy.centre_email, '@'))
		return err_set(e, JUSTE_EINVAL, N_("le centre n'a pas d'adresse de courriel d'où envoyer : juste settings set "
			"centre.email ADRESSE (admin)"));
	struct cmdline cl;
	struct juste_err sub = { 0 };
	if (cmdline_split(a->policy.mail_sendmail, &cl, &sub))
		return err_set(e, JUSTE_EINVAL, "mail.sendmail : %s", sub.msg);
	g_mime_init();
	return JUSTE_OK;
}

static void mail_end(void)
{
	g_mime_shutdown();
}

static void utc_now(char out[MAILLOG_TIME_LEN])
{
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, MAILLOG_TIME_LEN, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* One client's message: what it carries, and the rows it logs. */
struct envelope {
	const struct org *client;
	struct maillog_rec rows[MAIL_MAX_DOCS];
	size_t nrows;
	struct attachment at[MAIL_MAX_DOCS];
	size_t nat;
	struct text subject, body;
	char documents[1024];
};

static void envelope_free(struct envelope *v)
{
	attachments_free(v->at, v->nat);
	free(v->subject.s);
	free(v->body.s);
}

static void envelope_doc(struct envelope *v, const char *label)
{
	size_t n = strlen(v->documents);
	snprintf(v->documents + n, sizeof v->documents - n, "%s%s", n ? ", " : "", label);
}

/* The address check: MAIL_SENT when the client can be written to. */
static enum mail_status addressable(const struct org *o, InternetAddressList **to, char *plain, size_t n)
{
	*to = NULL;
	if (!o->email[0])
		return MAIL_NO_ADDRESS;
	*to = recipients(o, plain, n);
	return *to ? MAIL_SENT : MAIL_BAD_ADDRESS;
}

static int report(mail_cb cb, void *ctx, const struct org *o, enum mail_status s, const char *docs, const char *id)
{
	struct mail_outcome out = { o, s, docs, id };
	return cb ? cb(ctx, &out) : 0;
}

/* Sends v and logs its rows (with, for invoices, their print), or says
 * why it did not.  after_send runs inside the log's transaction. */
typedef juste_status (*after_send_fn)(struct app *a, void *ctx, struct juste_err *e);

static juste_status envelope_send(struct app *a, struct envelope *v, InternetAddressList *to, const char *plain,
	after_send_fn after, void *actx, mail_cb cb, void *ctx, struct mail_run *run, struct juste_err *e)
{
	if (v->subject.oom || v->body.oom)
		return err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	char msgid[MAILLOG_ID_LEN], *msg = NULL;
	size_t len = 0;
	juste_status st = compose(&a->policy, to, v->subject.s, v->body.s, v->at, v->nat, msgid, &msg, &len, e);
	if (!st)
		st = deliver(a->policy.mail_sendmail, msg, len, e);
	free(msg);
	if (st)
		return err_prefix(e, N_("%s (%s) : "), v->client->code, plain);
	char at[MAILLOG_TIME_LEN];
	utc_now(at);
	if (!(st = store_begin(a->store, e))) {
		for (size_t i = 0; !st && i < v->nrows; i++) {
			struct maillog_rec *r = &v->rows[i];
			snprintf(r->sent_at, sizeof r->sent_at, "%s", at);
			snprintf(r->sent_by, sizeof r->sent_by, "%s", a->actor);
			snprintf(r->recipient, sizeof r->recipient, "%s", plain);
			snprintf(r->message_id, sizeof r->message_id, "%s", msgid);
			r->client_id = v->client->id;
			st = store_mail_insert(a->store, r, e);
		}
		if (!st && after)
			st = after(a, actx, e);
		if (!st)
			st = store_commit(a->store, e);
		else
			store_rollback(a->store);
	}
	if (st)
		return err_prefix(e, N_("%s : envoyé à %s, mais non inscrit au journal des envois : "), v->client->code, plain);
	run->sent++;
	report(cb, ctx, v->client, MAIL_SENT, v->documents, msgid);
	return JUSTE_OK;
}

/* What stops a client before anything is built: reported and counted. */
static bool unsendable(struct envelope *v, enum mail_status s, mail_cb cb, void *ctx, struct mail_run *run)
{
	if (s == MAIL_SENT)
		return false;
	run->no_address++;
	report(cb, ctx, v->client, s, v->documents, "");
	return true;
}

/* ------------------------------------------------------------ invoices */

struct client_docs {
	char code[CODE_LEN];
	int64_t ids[MAIL_MAX_DOCS];
	size_t n;
};

struct gather_invoices {
	struct client_docs *c;
	size_t n, cap;
	bool oom, too_many;
};

static int on_invoice(void *ctx, const struct invoice_rec *r)
{
	struct gather_invoices *g = ctx;
	struct client_docs *c = g->n ? &g->c[g->n - 1] : NULL;
	if (!c || strcmp(c->code, r->client_code) != 0) {
		c = NULL;
		for (size_t i = 0; i < g->n; i++)
			if (strcmp(g->c[i].code, r->client_code) == 0)
				c = &g->c[i];
	}
	if (!c) {
		if (mem_grow((void **)&g->c, &g->cap, g->n + 1, sizeof *g->c)) {
			g->oom = true;
			return 1;
		}
		c = &g->c[g->n++];
		memset(c, 0, sizeof *c);
		snprintf(c->code, sizeof c->code, "%s", r->client_code);
	}
	if (c->n == MAIL_MAX_DOCS) {
		g->too_many = true;
		return 1;
	}
	c->ids[c->n++] = r->id;
	return 0;
}

struct printed {
	struct invoice_doc *docs;
	size_t n;
};

static juste_status count_prints(struct app *a, void *ctx, struct juste_err *e)
{
	struct printed *p = ctx;
	juste_status st = JUSTE_OK;
	for (size_t i = 0; !st && i < p->n; i++) {
		int copy;
		st = invoicing_printed(a, &p->docs[i], &copy, e);
	}
	return st;
}

static juste_status send_client_invoices(struct app *a, const struct client_docs *c, bool again, struct scratch *sc,
	mail_cb cb, void *ctx, struct mail_run *run, struct juste_err *e)
{
	struct org o;
	juste_status st = store_org_get(a->store, c->code, &o, e);
	if (st)
		return st;
	enum text_lang l = client_lang(&o);
	struct envelope *v = calloc(1, sizeof *v);
	struct invoice_doc *docs = calloc(c->n, sizeof *docs);
	if (!v || !docs) {
		free(v);
		free(docs);
		return err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	}
	v->client = &o;
	size_t nd = 0;
	bool all_logged = true;
	for (size_t i = 0; !st && i < c->n; i++) {
		st = invoicing_load_id(a, c->ids[i], &docs[nd], e);
		if (st)
			break;
		struct maillog_rec *r = &v->rows[v->nrows];
		memset(r, 0, sizeof *r);
		r->kind = MAIL_DOC_INVOICE;
		r->invoice_id = docs[nd].rec.id;
		r->level = MAILLOG_NO_LEVEL;
		r->client_id = o.id;
		bool logged;
		st = store_mail_logged(a->store, r, &logged, e);
		if (st)
			break;
		envelope_doc(v, docs[nd].rec.number);
		if (logged && !again) {
			invoicing_doc_free(&docs[nd]);
			continue;
		}
		all_logged = false;
		v->nrows++;
		nd++;
	}
	InternetAddressList *to = NULL;
	char plain[EMAIL_LEN] = "";
	if (!st && all_logged) {
		run->skipped++;
		report(cb, ctx, &o, MAIL_SKIPPED, v->documents, "");
	} else if (!st && !unsendable(v, addressable(&o, &to, plain, sizeof plain), cb, ctx, run)) {
		v->documents[0] = '\0';
		text_add(&v->body, "%s%s", IN(l, T_HELLO), IN(l, T_ATTACHED));
		for (size_t i = 0; !st && i < nd; i++) {
			const struct invoice_rec *r = &docs[i].rec;
			char path[4352], amount[MONEY_BUF], name[INVOICE_NUMBER_LEN + 8];
			envelope_doc(v, r->number);
			snprintf(name, sizeof name, "%s.pdf", r->number);
			snprintf(path, sizeof path, "%s/%s", sc->dir, name);
			int detail = 1;
			st = invoicing_detail(a, &docs[i], INVOICING_DETAIL_CLIENT, &detail, e);
			if (!st)
				st = invoice_pdf_write(&a->policy, &docs[i], docs[i].rec.reprints > 0, detail, path, e);
			if (!st) {
				st = slurp(path, name, &v->at[v->nat], e);
				v->nat++;
				unlink(path);
			}
			money_format_lang(l, r->amounts.total_cents, amount, sizeof amount);
			bool credit = vocab_invoice_kind_credit(r->kind);
			if (credit)
				text_add(&v->body, IN(l, T_LINE_CREDIT), r->number, r->issued_on, amount, r->credited_number);
			else
				text_add(&v->body, IN(l, T_LINE_INVOICE), r->number, r->issued_on, amount, r->due_on);
		}
		if (nd == 1)
			text_add(&v->subject, "%s %s — %s",
				vocab_invoice_kind_credit(docs[0].rec.kind) ? IN(l, T_CREDIT) : IN(l, T_INVOICE), docs[0].rec.number,
				a->policy.centre_name);
		else
			text_add(&v->subject, "%s %s — %s", IN(l, T_BILLING), v->documents, a->policy.centre_name);
		signature(&v->body, &a->policy, l);
		struct printed p = { docs, nd };
		if (!st)
			st = envelope_send(a, v, to, plain, count_prints, &p, cb, ctx, run, e);
	}
	if (to)
		g_object_unref(to);
	for (size_t i = 0; i < nd; i++)
		invoicing_doc_free(&docs[i]);
	free(docs);
	envelope_free(v);
	free(v);
	return st;
}

juste_status mail_send_invoices(struct app *a, const char *what, bool again, mail_cb cb, void *ctx,
	struct mail_run *run, struct juste_err *e)
{
	juste_status st = mail_begin(a, _("envoyer les factures par courriel"), run, e);
	if (st)
		return st;
	struct gather_invoices g = { 0 };
	char period[PERIOD_LEN];
	struct juste_err sub = { 0 };
	if (invoice_period_parse(what, period, NULL, NULL, &sub) == JUSTE_OK) {
		static const enum invoice_status issued = INVOICE_STATUS_ISSUED;
		struct invoice_filter f = { .period = period, .status = &issued };
		st = invoicing_list(a, &f, on_invoice, &g, e);
	} else {
		struct invoice_rec r;
		st = store_invoice_get(a->store, what, &r, e);
		if (!st && !vocab_invoice_status_final(r.status))
			st = err_set(e, JUSTE_EINVAL, N_("%s n'est pas émise : seul un document émis est envoyé"), what);
		if (!st)
			on_invoice(&g, &r);
	}
	if (!st && g.oom)
		st = err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	if (!st && g.too_many)
		st = err_set(e, JUSTE_EINVAL, N_("plus de %d documents pour un même client : envoyez-les un par un (juste invoice send NUMÉRO)"),
			MAIL_MAX_DOCS);
	struct scratch sc;
	if (!st && g.n && !(st = scratch_open(&sc, e))) {
		for (size_t i = 0; !st && i < g.n; i++)
			st = send_client_invoices(a, &g.c[i], again, &sc, cb, ctx, run, e);
		scratch_close(&sc);
	}
	invoice_pdf_shutdown();
	free(g.c);
	mail_end();
	return st;
}

/* ----------------------------------------------------------- statement */

juste_status mail_send_statement(struct app *a, const char *org, const char *from, const char *at, bool again,
	mail_cb cb, void *ctx, struct mail_run *run, struct juste_err *e)
{
	juste_status st = mail_begin(a, _("envoyer un relevé de compte par courriel"), run, e);
	if (st)
		return st;
	struct statement s;
	if ((st = receivables_statement(a, org, from, at, &s, e))) {
		mail_end();
		return st;
	}
	enum text_lang l = client_lang(&s.client);
	struct envelope *v = calloc(1, sizeof *v);
	if (!v) {
		receivables_statement_free(&s);
		mail_end();
		return err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	}
	v->client = &s.client;
	struct maillog_rec *r = &v->rows[v->nrows++];
	r->kind = MAIL_DOC_STATEMENT;
	r->level = MAILLOG_NO_LEVEL;
	r->client_id = s.client.id;
	snprintf(r->statement_at, sizeof r->statement_at, "%s", s.at);
	envelope_doc(v, s.at);
	bool logged;
	InternetAddressList *to = NULL;
	char plain[EMAIL_LEN] = "";
	st = store_mail_logged(a->store, r, &logged, e);
	if (!st && logged && !again) {
		run->skipped++;
		report(cb, ctx, &s.client, MAIL_SKIPPED, v->documents, "");
	} else if (!st && !unsendable(v, addressable(&s.client, &to, plain, sizeof plain), cb, ctx, run)) {
		struct scratch sc;
		char name[128], path[4352], amount[MONEY_BUF];
		snprintf(name, sizeof name, IN(l, T_STATEMENT_FILE), s.client.code, s.at);
		if (!(st = scratch_open(&sc, e))) {
			snprintf(path, sizeof path, "%s/%s", sc.dir, name);
			st = statement_pdf_write(&a->policy, &s, path, e);
			if (!st) {
				st = slurp(path, name, &v->at[0], e);
				v->nat = 1;
			}
			scratch_close(&sc);
		}
		text_add(&v->subject, IN(l, T_STATEMENT_SUBJECT), s.at);
		text_add(&v->subject, " — %s", a->policy.centre_name);
		text_add(&v->body, "%s", IN(l, T_HELLO));
		text_add(&v->body, IN(l, T_STATEMENT_BODY), s.at, money_format_lang(l, s.closing_cents, amount, sizeof amount));
		signature(&v->body, &a->policy, l);
		if (!st)
			st = envelope_send(a, v, to, plain, NULL, NULL, cb, ctx, run, e);
	}
	if (to)
		g_object_unref(to);
	envelope_free(v);
	free(v);
	statement_pdf_shutdown();
	receivables_statement_free(&s);
	mail_end();
	return st;
}

/* ----------------------------------------------------------- reminders */

static juste_status send_reminder(struct app *a, const struct reminder_list *l, const struct reminder_client *c,
	bool again, struct scratch *sc, mail_cb cb, void *ctx, struct mail_run *run, struct juste_err *e)
{
	enum text_lang lang = client_lang(&c->org);
	struct envelope *v = calloc(1, sizeof *v);
	if (!v)
		return err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	v->client = &c->org;
	juste_status st = JUSTE_OK;
	bool all_logged = true;
	if (c->ninvoices > MAIL_MAX_DOCS)
		st = err_set(e, JUSTE_EINVAL, N_("%s : plus de %d factures en retard dans une même lettre"), c->org.code,
			MAIL_MAX_DOCS);
	for (size_t i = 0; !st && i < c->ninvoices; i++) {
		const struct reminder_invoice *x = &c->invoices[i];
		struct invoice_rec rec;
		if ((st = store_invoice_get(a->store, x->number, &rec, e)))
			break;
		struct maillog_rec *r = &v->rows[v->nrows++];
		r->kind = MAIL_DOC_REMINDER;
		r->invoice_id = rec.id;
		r->level = (int)x->level;
		r->client_id = c->org.id;
		bool logged;
		if ((st = store_mail_logged(a->store, r, &logged, e)))
			break;
		if (!logged)
			all_logged = false;
		envelope_doc(v, x->number);
	}
	InternetAddressList *to = NULL;
	char plain[EMAIL_LEN] = "";
	if (!st && all_logged && !again) {
		run->skipped++;
		report(cb, ctx, &c->org, MAIL_SKIPPED, v->documents, "");
	} else if (!st && !unsendable(v, addressable(&c->org, &to, plain, sizeof plain), cb, ctx, run)) {
		/* the letter of this client alone, as `juste reminders pdf` writes it */
		struct reminder_list one = *l;
		one.clients = (struct reminder_client *)c;
		one.nclients = 1;
		size_t written = 0;
		char name[128], amount[MONEY_BUF];
		snprintf(name, sizeof name, IN(lang, T_REMINDER_FILE), c->org.code, l->at);
		st = reminder_letters_pdf(a, &one, sc->dir, &written, e);
		if (!st) {
			st = slurp_only(sc->dir, name, &v->at[0], e);
			v->nat = 1;
		}
		text_add(&v->subject, IN(lang, T_REMINDER_SUBJECT), IN(lang, T_LEVEL[c->level]));
		text_add(&v->subject, " — %s", a->policy.centre_name);
		text_add(&v->body, "%s%s", IN(lang, T_HELLO), IN(lang, T_REMINDER_BODY));
		for (size_t i = 0; i < c->ninvoices; i++) {
			const struct reminder_invoice *x = &c->invoices[i];
			text_add(&v->body, IN(lang, T_REMINDER_LINE), x->number, x->issued_on, x->due_on,
				money_format_lang(lang, x->open_cents, amount, sizeof amount));
		}
		text_add(&v->body, IN(lang, T_REMINDER_TOTAL), money_format_lang(lang, c->open_cents, amount, sizeof amount));
		text_add(&v->body, "%s", IN(lang, T_REMINDER_CROSSED));
		signature(&v->body, &a->policy, lang);
		if (!st)
			st = envelope_send(a, v, to, plain, NULL, NULL, cb, ctx, run, e);
	}
	if (to)
		g_object_unref(to);
	envelope_free(v);
	free(v);
	return st;
}

juste_status mail_send_reminders(struct app *a, const char *at, bool again, mail_cb cb, void *ctx,
	struct mail_run *run, struct juste_err *e)
{
	juste_status st = mail_begin(a, _("envoyer les rappels par courriel"), run, e);
	if (st)
		return st;
	struct reminder_list l;
	if ((st = reminder_letters_list(a, at, &l, e))) {
		mail_end();
		return st;
	}
	struct scratch sc;
	if (l.nclients && !(st = scratch_open(&sc, e))) {
		for (size_t i = 0; !st && i < l.nclients; i++)
			st = send_reminder(a, &l, &l.clients[i], again, &sc, cb, ctx, run, e);
		scratch_close(&sc);
	}
	reminder_letters_shutdown();
	reminder_letters_free(&l);
	mail_end();
	return st;
}

/* ------------------------------------------------------------- the log */

juste_status mail_log_list(struct app *a, const char *client, mail_log_cb cb, void *ctx, struct juste_err *e)
{
	juste_status st = app_require(a, ROLES_MAIL, _("lire le journal des envois"), e);
	if (st)
		return st;
	return store_mail_list(a->store, client && *client ? client : NULL, cb, ctx, e);
}

const char *mail_level_word(int level)
{
	return level >= 0 && level < REMINDER_LEVEL_COUNT ? reminders_level_word((enum reminder_level)level) : "";
}
