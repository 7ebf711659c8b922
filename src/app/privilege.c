/*
 * privilege.c - set-group-id held for as little as possible.
 */
#include <errno.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "juste/i18n.h"
#include "juste/privilege.h"

static bool shared, held;
static mode_t user_umask;

/* No core file and no ptrace: the process holds a descriptor to a file
 * its user may not open, and database pages in memory. */
static juste_status not_dumpable(struct juste_err *e)
{
	struct rlimit none = { 0, 0 };
	if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0 || setrlimit(RLIMIT_CORE, &none) != 0)
		return err_set(e, JUSTE_EIO, N_("impossible de protéger le processus : %s"), strerror(errno));
	return JUSTE_OK;
}

juste_status privilege_init(struct juste_err *e)
{
	shared = held = getegid() != getgid();
	if (!shared)
		return JUSTE_OK;
	user_umask = umask(007);
	return not_dumpable(e);
}

bool privilege_shared(void)
{
	return shared;
}

bool privilege_held(void)
{
	return held;
}

juste_status privilege_drop(struct juste_err *e)
{
	if (!held)
		return JUSTE_OK;
	gid_t gid = getgid();
	if (setresgid(gid, gid, gid) != 0)
		return err_set(e, JUSTE_EIO, N_("impossible de quitter le groupe de juste : %s"), strerror(errno));
	gid_t r, eff, saved;
	if (getresgid(&r, &eff, &saved) != 0 || r != gid || eff != gid || saved != gid)
		return err_set(e, JUSTE_EIO, N_("le groupe de juste est encore détenu après l'abandon"));
	held = false;
	umask(user_umask);
	/* a change of credentials resets dumpable to the system's default */
	return not_dumpable(e);
}
