/*
 * outfile.c - every file juste writes (see outfile.h for the promise).
 *
 * Why each step: the temporary lives in the target's directory so that
 * the rename is atomic (same file system); O_EXCL | O_NOFOLLOW so that a
 * name planted there, link or file, is never written through; the target
 * is looked at with lstat, before and again just before the rename, so
 * that a link planted at it is refused rather than followed (and rename
 * replaces a link, never the file it points to); fsync before the rename
 * so that a crash leaves the old file or the new one, never a hole; the
 * stream is a cookie over the descriptor, so that the first failed write
 * is known with its errno ("disque plein") however stdio buffers.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "juste/i18n.h"
#include "juste/outfile.h"

/* The stem of a temporary: enough of the name to say whose it is, short
 * enough that ".STEM-XXXXXX" fits in NAME_MAX. */
#define STEM_MAX 200

struct outfile {
	FILE *stream;
	bool is_stdout;
	int fd;
	int err;                  /* first failed write's errno */
	struct stat mine;         /* the temporary, as created */
	char path[PATH_MAX];
	char dir[PATH_MAX];
	char tmp[PATH_MAX];
};

juste_status outfile_io_fail(const char *path, int err, struct juste_err *e)
{
	if (err == ENOSPC || err == EDQUOT)
		return err_set(e, JUSTE_EIO, N_("%s : disque plein : rien n'a été écrit"), path);
	return err_set(e, JUSTE_EIO, N_("%s : %s ; rien n'a été écrit"), path, strerror(err));
}

juste_status outfile_split(const char *path, char dir[PATH_MAX], const char **base, struct juste_err *e)
{
	const char *slash = strrchr(path, '/');

	if (!*path || (slash && slash[1] == '\0'))
		return err_set(e, JUSTE_EUSAGE, N_("%s : il faut un nom de fichier, pas un dossier"), path);
	if (strlen(path) >= PATH_MAX)
		return err_set(e, JUSTE_EINVAL, N_("%s : chemin trop long"), path);
	if (!slash)
		snprintf(dir, PATH_MAX, ".");
	else if (slash == path)
		snprintf(dir, PATH_MAX, "/");
	else
		snprintf(dir, PATH_MAX, "%.*s", (int)(slash - path), path);
	*base = slash ? slash + 1 : path;
	return JUSTE_OK;
}

juste_status outfile_target_check(const char *path, bool must_be_new, struct stat *sb, bool *exists,
	struct juste_err *e)
{
	struct stat local;

	if (!sb)
		sb = &local;
	*exists = false;
	if (lstat(path, sb) != 0) {
		if (errno == ENOENT)
			return JUSTE_OK;
		return err_set(e, JUSTE_EIO, N_("%s : %s ; rien n'a été écrit"), path, strerror(errno));
	}
	if (S_ISLNK(sb->st_mode))
		return err_set(e, JUSTE_EINVAL, N_("%s est un lien symbolique : refusé, rien n'a été écrit"), path);
	if (S_ISDIR(sb->st_mode))
		return err_set(e, JUSTE_EINVAL, N_("%s est un dossier : donnez un nom de fichier"), path);
	if (!S_ISREG(sb->st_mode))
		return err_set(e, JUSTE_EINVAL, N_("%s n'est pas un fichier ordinaire : refusé, rien n'a été écrit"), path);
	*exists = true;
	if (must_be_new)
		return err_set(e, JUSTE_ECONFLICT, N_("%s existe déjà : refusé, rien n'a été écrit"), path);
	return JUSTE_OK;
}

/* Six characters of [A-Za-z0-9], as mkstemp would choose. */
static void random_suffix(char out[7])
{
	static const char set[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
	static unsigned counter;
	unsigned char r[6];

	if (getrandom(r, sizeof r, GRND_NONBLOCK) != (ssize_t)sizeof r) {
		/* no entropy yet: O_EXCL still makes the name ours */
		uint64_t x = (uint64_t)time(NULL) ^ ((uint64_t)getpid() << 20) ^ (uint64_t)++counter * 2654435761u;
		for (size_t i = 0; i < sizeof r; i++, x >>= 8)
			r[i] = (unsigned char)x;
	}
	for (size_t i = 0; i < sizeof r; i++)
		out[i] = set[r[i] % (sizeof set - 1)];
	out[6] = '\0';
}

juste_status outfile_temp(const char *dir, const char *stem, mode_t mode, char tmp[PATH_MAX], int *fd,
	struct stat *sb, struct juste_err *e)
{
	*fd = -1;
	for (int attempt = 0; attempt < 100; attempt++) {
		char suffix[7];
		random_suffix(suffix);
		if (snprintf(tmp, PATH_MAX, "%s/.%.*s-%s", dir, STEM_MAX, stem, suffix) >= PATH_MAX)
			return err_set(e, JUSTE_EINVAL, N_("%s : chemin trop long"), dir);
		*fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
		if (*fd >= 0)
			break;
		if (errno != EEXIST) {
			int err = errno;
			if (err == ENOSPC || err == EDQUOT)
				return outfile_io_fail(dir, err, e);
			return err_set(e, JUSTE_EIO, N_("impossible de créer un fichier dans %s : %s ; rien n'a été écrit"),
				dir, strerror(err));
		}
	}
	if (*fd < 0)
		return err_set(e, JUSTE_EIO, N_("impossible de créer un fichier dans %s : %s ; rien n'a été écrit"), dir,
			strerror(EEXIST));
	if (fstat(*fd, sb) != 0) {
		juste_status st = outfile_io_fail(tmp, errno, e);
		close(*fd);
		unlink(tmp);
		*fd = -1;
		return st;
	}
	return JUSTE_OK;
}

static bool same_file(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

void outfile_discard(const char *tmp, const struct stat *mine)
{
	struct stat sb;

	if (lstat(tmp, &sb) == 0 && same_file(&sb, mine))
		unlink(tmp);
}

juste_status outfile_rename(const char *from, const char *to, bool no_clobber, struct juste_err *e)
{
	int rc;

	if (!no_clobber) {
		if (rename(from, to) == 0)
			return JUSTE_OK;
		return outfile_io_fail(to, errno, e);
	}
	/* RENAME_NOREPLACE, or on a file system without it a hard link then
	 * the removal of the old name */
	rc = renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE);
	if (rc != 0 && (errno == EINVAL || errno == ENOSYS) && (rc = link(from, to)) == 0)
		unlink(from);
	if (rc == 0)
		return JUSTE_OK;
	if (errno == EEXIST)
		return err_set(e, JUSTE_ECONFLICT, N_("%s existe déjà : refusé, rien n'a été écrit"), to);
	return outfile_io_fail(to, errno, e);
}

juste_status outfile_dir_sync(const char *dir, struct juste_err *e)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return err_set(e, JUSTE_EIO, "%s : %s", dir, strerror(errno));
	int rc = fsync(fd), err = errno;
	close(fd);
	/* some file systems cannot sync a directory; the rename is done */
	if (rc != 0 && err != EINVAL && err != EROFS)
		return err_set(e, JUSTE_EIO, "%s : %s", dir, strerror(err));
	return JUSTE_OK;
}

/* ------------------------------------------------------------ the stream */

static ssize_t cookie_write(void *cookie, const char *buf, size_t n)
{
	struct outfile *f = cookie;
	size_t done = 0;

	if (f->err)
		return 0;
	while (done < n) {
		ssize_t w = write(f->fd, buf + done, n - done);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			f->err = w < 0 ? errno : EIO;
			return 0;   /* stdio marks the stream in error */
		}
		done += (size_t)w;
	}
	return (ssize_t)n;
}

/* Whether path begins as every SQLite database does. */
static bool is_sqlite(const char *path)
{
	static const char magic[16] = "SQLite format 3";   /* and its NUL */
	char head[16];
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0)
		return false;
	ssize_t n = read(fd, head, sizeof head);
	close(fd);
	return n == (ssize_t)sizeof head && memcmp(head, magic, sizeof head) == 0;
}

static bool is_stdout_path(const char *path)
{
	return !path || strcmp(path, "-") == 0;
}

juste_status outfile_open(const char *path, struct outfile **out, struct juste_err *e)
{
	struct outfile *f = calloc(1, sizeof *f);
	const char *base;
	struct stat sb;
	bool exists;
	juste_status st;

	*out = NULL;
	if (!f)
		return err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	f->fd = -1;
	if (is_stdout_path(path)) {
		f->is_stdout = true;
		f->stream = stdout;
		*out = f;
		return JUSTE_OK;
	}
	snprintf(f->path, sizeof f->path, "%s", path);
	if ((st = outfile_split(path, f->dir, &base, e)) || (st = outfile_target_check(path, false, &sb, &exists, e))) {
		free(f);
		return st;
	}
	/* rename() would replace a file the user may not write: refuse as
	 * opening it for writing would (the real uid, as everywhere) */
	if (exists && access(path, W_OK) != 0) {
		st = err_set(e, JUSTE_EDENIED, N_("%s : %s ; rien n'a été écrit"), path, strerror(errno));
		free(f);
		return st;
	}
	/* an export or a PDF is never put over a database (`-o juste.db`):
	 * that is what backup and restore are for */
	if (exists && is_sqlite(path)) {
		st = err_set(e, JUSTE_EINVAL, N_("%s est une base de données : refusé, rien n'a été écrit"), path);
		free(f);
		return st;
	}
	if ((st = outfile_temp(f->dir, base, 0666, f->tmp, &f->fd, &f->mine, e))) {
		free(f);
		return st;
	}
	cookie_io_functions_t io = { .write = cookie_write };
	f->stream = fopencookie(f, "w", io);
	if (!f->stream) {
		st = outfile_io_fail(path, errno, e);
		close(f->fd);
		outfile_discard(f->tmp, &f->mine);
		free(f);
		return st;
	}
	*out = f;
	return JUSTE_OK;
}

FILE *outfile_stream(struct outfile *f)
{
	return f->stream;
}

int outfile_errno(const struct outfile *f)
{
	return f->err;
}

void outfile_abort(struct outfile *f)
{
	if (!f)
		return;
	if (!f->is_stdout) {
		if (f->stream) {
			f->err = f->err ? f->err : ECANCELED;   /* nothing more reaches the file */
			fclose(f->stream);
		}
		if (f->fd >= 0)
			close(f->fd);
		outfile_discard(f->tmp, &f->mine);
	}
	free(f);
}

static juste_status stdout_commit(struct outfile *f, struct juste_err *e)
{
	juste_status st = JUSTE_OK;

	if (fflush(stdout) != 0 || ferror(stdout))
		st = err_set(e, JUSTE_EIO, N_("écriture impossible sur la sortie standard : %s"),
			strerror(errno ? errno : EIO));
	free(f);
	return st;
}

juste_status outfile_commit(struct outfile *f, struct juste_err *e)
{
	struct stat now, sb;
	bool exists;
	juste_status st = JUSTE_OK;

	if (f->is_stdout)
		return stdout_commit(f, e);
	errno = 0;
	if (fflush(f->stream) != 0 || ferror(f->stream) || f->err)
		st = outfile_io_fail(f->path, f->err ? f->err : errno ? errno : EIO, e);
	if (fclose(f->stream) != 0 && !st)
		st = outfile_io_fail(f->path, f->err ? f->err : errno ? errno : EIO, e);
	f->stream = NULL;
	if (!st && fsync(f->fd) != 0)
		st = outfile_io_fail(f->path, errno, e);
	if (close(f->fd) != 0 && !st)
		st = outfile_io_fail(f->path, errno, e);
	f->fd = -1;
	/* the name still holds what this process wrote, and nothing has been
	 * planted at the target meanwhile */
	if (!st && (lstat(f->tmp, &now) != 0 || !same_file(&now, &f->mine)))
		st = err_set(e, JUSTE_EIO, N_("%s : le fichier temporaire %s a été remplacé : rien n'a été écrit"), f->path,
			f->tmp);
	if (!st)
		st = outfile_target_check(f->path, false, &sb, &exists, e);
	if (!st)
		st = outfile_rename(f->tmp, f->path, false, e);
	if (st) {
		outfile_discard(f->tmp, &f->mine);
		free(f);
		return st;
	}
	st = outfile_dir_sync(f->dir, e);
	free(f);
	return st;
}

juste_status outfile_end(struct outfile *f, juste_status st, struct juste_err *e)
{
	if (!f)
		return st;
	if (st) {
		outfile_abort(f);
		return st;
	}
	return outfile_commit(f, e);
}
