/*
 * app_internal.h - what a struct app holds, for the app library only.
 *
 * The front ends see a struct app through the functions of app.h; this
 * header is not on their include path (and a poison of the same name is),
 * so that the store behind the use cases stays out of their reach.
 */
#ifndef JUSTE_APP_INTERNAL_H
#define JUSTE_APP_INTERNAL_H

#include "juste/app.h"
#include "juste/config.h"
#include "juste/model.h"
#include "juste/policy.h"
#include "juste/store.h"

struct app {
	struct config cfg;
	struct policy policy;       /* the centre's, from the database */
	struct store *store;
	char actor[LOGIN_LEN];      /* OS login of the real uid */
	char as_login[LOGIN_LEN];   /* "" unless an admin acts for someone */
	struct expert user;         /* the effective user, once identified */
	int role;                   /* role bit of the effective user */
	uint64_t data_stamp;        /* the last app_data_stamp() read */
};

#endif
