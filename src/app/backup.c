/*
 * backup.c - juste backup and juste restore.
 *
 * A copy is written the way every file juste writes is (outfile.h): a new
 * temporary file in the target's directory (O_EXCL, so never through a
 * planted link), filled and checked, synced, then renamed into place, and
 * removed on any failure; the directory is synced after the rename.  Here
 * SQLite fills the temporary, by name, so the pieces of outfile.c are used
 * one by one.  The copy itself is SQLite's (VACUUM INTO): one read
 * transaction, so that writers go on and it never restarts.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "app/app_internal.h"
#include "juste/backup.h"
#include "juste/i18n.h"
#include "juste/outfile.h"
#include "juste/store_backup.h"

/* How many times the restore takes the copy of the current database again
 * when someone committed while it was being taken. */
#define RESTORE_ATTEMPTS 5

static bool same_file(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

/* True when `sb` is the live database or one of its -wal and -shm (as far
 * as this process may see them: on a shared server it cannot, and cannot
 * write there either). */
static bool is_live_file(struct app *a, const struct stat *sb)
{
	static const char *const suffixes[] = { "", "-wal", "-shm" };
	const char *live = store_path(a->store);
	for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		char p[PATH_MAX];
		struct stat lb;
		if (snprintf(p, sizeof p, "%s%s", live, suffixes[i]) < (int)sizeof p && stat(p, &lb) == 0
			&& same_file(sb, &lb))
			return true;
	}
	return false;
}

/* What may stand at a target: nothing, or (unless must_be_new) a regular
 * file that is not the live database.  A symlink is refused; so is
 * anything else. */
static juste_status target_check(struct app *a, const char *path, bool must_be_new, struct juste_err *e)
{
	struct stat sb;
	bool exists;
	juste_status st = outfile_target_check(path, false, &sb, &exists, e);
	if (st || !exists)
		return st;
	if (is_live_file(a, &sb))
		return err_set(e, JUSTE_EINVAL, N_("%s est la base de données en service : refusé"), path);
	if (must_be_new)
		return err_set(e, JUSTE_ECONFLICT, N_("%s existe déjà : refusé, rien n'a été écrit"), path);
	return JUSTE_OK;
}

/* Removes the temporary if it is still the file this process created
 * (another name put there meanwhile is left alone), and what SQLite may
 * have left beside it. */
static void temp_discard(const char *tmp, const struct stat *mine)
{
	struct stat sb;
	outfile_discard(tmp, mine);
	static const char *const suffixes[] = { "-journal", "-wal", "-shm" };
	for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		char p[PATH_MAX + 16];
		snprintf(p, sizeof p, "%s%s", tmp, suffixes[i]);
		if (lstat(p, &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_uid == geteuid())
			unlink(p);
	}
}

static int count_finding(void *ctx, const char *line)
{
	(void)ctx;
	(void)line;
	return 1;
}

/* The copy just written is sound and a juste database of `schema`. */
static juste_status copy_verify(const char *tmp, const char *target, int schema, struct juste_err *e)
{
	struct store *copy;
	juste_status st = store_backup_open(tmp, &copy, e);
	if (st)
		return err_prefix(e, N_("%s : copie illisible : "), target);
	int found = 0, version = store_schema_version(copy);
	st = store_integrity(copy, count_finding, NULL, &found, e);
	store_close(copy);
	if (st)
		return err_prefix(e, N_("%s : vérification de la copie : "), target);
	if (found)
		return err_set(e, JUSTE_EIO, N_("%s : la copie ne passe pas integrity_check : rien n'a été écrit"), target);
	if (version != schema)
		return err_set(e, JUSTE_EIO, N_("%s : la copie est au schéma %d au lieu de %d : rien n'a été écrit"), target,
			version, schema);
	return JUSTE_OK;
}

/* The live database, copied and checked into `target`: renamed over it,
 * or, when no_clobber, linked to it only if nothing is there. */
static juste_status copy_live(struct app *a, const char *target, bool no_clobber, struct backup_info *out,
	struct juste_err *e)
{
	char dir[PATH_MAX], tmp[PATH_MAX];
	const char *base;
	juste_status st = outfile_split(target, dir, &base, e);
	if (!st)
		st = target_check(a, target, no_clobber, e);
	if (st)
		return st;
	int fd;
	struct stat mine, now;
	if ((st = outfile_temp(dir, "juste-copie", 0600, tmp, &fd, &mine, e)))
		return st;
	int schema = store_schema_version(a->store);
	st = store_backup_into(a->store, tmp, target, e);
	/* SQLite opened the temporary by name: it must still be this one */
	if (!st && (lstat(tmp, &now) != 0 || !same_file(&now, &mine)))
		st = err_set(e, JUSTE_EIO, N_("%s : le fichier temporaire %s a été remplacé pendant la copie : rien n'a été écrit"),
			target, tmp);
	if (!st)
		st = copy_verify(tmp, target, schema, e);
	if (!st && (fsync(fd) != 0 || fstat(fd, &now) != 0))
		st = outfile_io_fail(target, errno, e);
	if (close(fd) != 0 && !st)
		st = outfile_io_fail(target, errno, e);
	if (!st)
		st = outfile_rename(tmp, target, no_clobber, e);
	if (st) {
		temp_discard(tmp, &mine);
		return st;
	}
	if ((st = outfile_dir_sync(dir, e)))
		return st;
	if (out) {
		out->bytes = (long long)now.st_size;
		out->schema = schema;
	}
	return JUSTE_OK;
}

juste_status backup_write(struct app *a, const char *file, struct backup_info *out, struct juste_err *e)
{
	juste_status st = app_require(a, ROLE_ADMIN, _("faire une copie de sauvegarde"), e);
	if (st)
		return st;
	return copy_live(a, file, false, out, e);
}

/* ------------------------------------------------------------- restore */

/* The file to restore: a sound juste database, of a schema version this
 * binary knows, in which juste check finds nothing, with the live
 * database's page size (the backup API cannot change it under WAL). */
static juste_status restore_judge(struct app *a, const char *file, struct store **out, store_finding_cb cb,
	void *ctx, struct juste_err *e)
{
	struct stat sb;
	if (stat(file, &sb) == 0 && is_live_file(a, &sb))
		return err_set(e, JUSTE_EINVAL, N_("%s est la base de données en service : refusé"), file);
	struct store *cand;
	juste_status st = store_backup_open(file, &cand, e);
	if (st)
		return err_prefix(e, N_("restauration refusée, la base est inchangée : "));
	int v = store_schema_version(cand), known = store_schema_known();
	if (v > known) {
		store_close(cand);
		return err_set(e, JUSTE_EINVAL, N_("%s : base d'une version plus récente de juste (schéma %d, connu %d) : "
			"restauration refusée, la base est inchangée"), file, v, known);
	}
	int found = 0;
	st = store_integrity(cand, cb, ctx, &found, e);
	if (!st && found)
		st = err_set(e, JUSTE_EINVAL, N_("%s : le fichier ne passe pas integrity_check (%d problème(s)) : "
			"restauration refusée, la base est inchangée"), file, found);
	if (!st) {
		st = store_check(cand, cb ? cb : count_finding, ctx, &found, e);
		if (st)
			err_prefix(e, "%s : ", file);
		else if (found)
			st = err_set(e, JUSTE_EINVAL, N_("%s : juste check y trouve %d problème(s) : "
				"restauration refusée, la base est inchangée"), file, found);
	}
	int page_live = 0, page_file = 0;
	if (!st && !(st = store_page_size(a->store, &page_live, e)) && !(st = store_page_size(cand, &page_file, e))
		&& page_live != page_file)
		st = err_set(e, JUSTE_EINVAL, N_("%s : pages de %d octets au lieu de %d : restauration refusée, la base est inchangée"),
			file, page_file, page_live);
	if (st) {
		store_close(cand);
		return st;
	}
	*out = cand;
	return JUSTE_OK;
}

/* An absolute form of a path whose last name may not exist yet. */
static void absolute(const char *path, char out[PATH_MAX])
{
	char dir[PATH_MAX], real[PATH_MAX];
	const char *base;
	if (outfile_split(path, dir, &base, NULL) == JUSTE_OK && realpath(dir, real)
		&& snprintf(out, PATH_MAX, "%s%s%s", real, strcmp(real, "/") ? "/" : "", base) < PATH_MAX)
		return;
	snprintf(out, PATH_MAX, "%s", path);
}

/* Where the current database goes: `keep`, or a name beside `file` that
 * no file has yet. */
static juste_status restore_keep_path(const char *file, const char *keep, char out[PATH_MAX], struct juste_err *e)
{
	if (keep) {
		if (snprintf(out, PATH_MAX, "%s", keep) >= PATH_MAX)
			return err_set(e, JUSTE_EINVAL, N_("%s : chemin trop long"), keep);
		return JUSTE_OK;
	}
	char dir[PATH_MAX], stamp[32];
	const char *base;
	juste_status st = outfile_split(file, dir, &base, e);
	if (st)
		return st;
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "%Y-%m-%d-%H%M%S", &tm);
	for (int n = 1; n < 100; n++) {
		char suffix[8] = "";
		if (n > 1)
			snprintf(suffix, sizeof suffix, "-%d", n);
		bool here = !strchr(file, '/');
		if (snprintf(out, PATH_MAX, "%s%sjuste-avant-restauration-%s%s.db", here ? "" : dir,
			here || strcmp(dir, "/") == 0 ? "" : "/", stamp, suffix) >= PATH_MAX)
			return err_set(e, JUSTE_EINVAL, N_("%s : chemin trop long"), dir);
		struct stat sb;
		if (lstat(out, &sb) != 0 && errno == ENOENT)
			return JUSTE_OK;
	}
	return err_set(e, JUSTE_ECONFLICT, N_("%s : plus de nom libre pour garder la base actuelle"), dir);
}

/* The copy that will be put in place: the file, copied beside the kept
 * copy, migrated to this binary's schema and carrying the record of the
 * restore, so that the swap is one transaction and needs nothing after. */
static juste_status restore_stage(struct app *a, struct store *cand, const char *file, const char *kept,
	char stage[PATH_MAX], struct stat *mine, struct store **out, struct juste_err *e)
{
	char dir[PATH_MAX];
	const char *base;
	juste_status st = outfile_split(kept, dir, &base, e);
	if (st)
		return st;
	int fd;
	if ((st = outfile_temp(dir, "juste-restauration", 0600, stage, &fd, mine, e)))
		return st;
	close(fd);
	int from_schema = store_schema_version(cand);
	struct store *s = NULL;
	struct stat now;
	st = store_copy_to(cand, stage, kept, e);
	if (!st && (lstat(stage, &now) != 0 || !same_file(&now, mine)))
		st = err_set(e, JUSTE_EIO, N_("%s : le fichier temporaire %s a été remplacé pendant la copie : rien n'a été écrit"),
			kept, stage);
	if (!st && (st = store_open(stage, 0, &s, e)))
		err_prefix(e, N_("%s : mise au schéma de juste : "), file);
	if (!st) {
		char from_abs[PATH_MAX], kept_abs[PATH_MAX];
		absolute(file, from_abs);
		absolute(kept, kept_abs);
		store_set_actor(s, a->actor, a->as_login);
		st = store_audit_restore(s, from_abs, from_schema, kept_abs, store_schema_version(a->store), e);
	}
	if (st) {
		store_close(s);
		temp_discard(stage, mine);
		return st;
	}
	*out = s;
	return JUSTE_OK;
}

/* The current database into `kept`, at a moment when no other connection
 * committed while the copy was taken and checked: what it holds is then
 * exactly what the swap replaces (up to the few instructions between the
 * last check and the swap's lock). */
static juste_status restore_keep(struct app *a, const char *kept, struct juste_err *e)
{
	for (int attempt = 0; attempt < RESTORE_ATTEMPTS; attempt++) {
		int64_t before, after;
		juste_status st = store_data_version(a->store, &before, e);
		if (!st)
			st = copy_live(a, kept, true, NULL, e);
		if (!st)
			st = store_data_version(a->store, &after, e);
		if (st)
			return st;
		if (before == after)
			return JUSTE_OK;
		unlink(kept);
	}
	return err_set(e, JUSTE_EBUSY, N_("la base a changé pendant chacune des %d copies de la base actuelle : "
		"restaurez quand personne n'écrit ; la base est inchangée"), RESTORE_ATTEMPTS);
}

juste_status backup_restore(struct app *a, const char *file, const char *keep, backup_finding_cb cb, void *ctx,
	struct restore_info *out, struct juste_err *e)
{
	juste_status st = app_require(a, ROLE_ADMIN, _("restaurer une copie de sauvegarde"), e);
	if (st)
		return st;
	if (!file || !*file)
		return err_set(e, JUSTE_EUSAGE, N_("restore : il faut le FICHIER à restaurer"));
	struct store *cand = NULL, *stage = NULL;
	char kept[PATH_MAX], stage_path[PATH_MAX];
	struct stat stage_sb;
	if ((st = restore_judge(a, file, &cand, cb, ctx, e)))
		return st;
	int from_schema = store_schema_version(cand);
	st = restore_keep_path(file, keep, kept, e);
	if (!st)
		st = target_check(a, kept, true, e);
	if (!st)
		st = restore_stage(a, cand, file, kept, stage_path, &stage_sb, &stage, e);
	store_close(cand);
	if (st)
		return st;
	st = restore_keep(a, kept, e);
	if (!st && (st = store_replace(a->store, stage, e)))
		err_prefix(e, N_("restauration : "));
	store_close(stage);
	temp_discard(stage_path, &stage_sb);
	if (st)
		return st;
	if (out) {
		out->schema_file = from_schema;
		out->schema = store_schema_version(a->store);
		snprintf(out->kept, sizeof out->kept, "%s", kept);
	}
	return JUSTE_OK;
}
