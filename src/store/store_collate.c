/*
 * store_collate.c - the juste_fr collation (see store_collate.h).
 */
#include "juste/text.h"
#include "store/store_collate.h"

static int collate_fr(void *ctx, int alen, const void *a, int blen, const void *b)
{
	(void)ctx;
	return text_compare_fr_n(a, (size_t)alen, b, (size_t)blen);
}

int store_collate_register(sqlite3 *db)
{
	return sqlite3_create_collation_v2(db, "juste_fr", SQLITE_UTF8, NULL, collate_fr, NULL);
}
