/*
 * store_collate.h - the collations juste adds to SQLite (store files only).
 */
#ifndef JUSTE_STORE_COLLATE_H
#define JUSTE_STORE_COLLATE_H

#include <sqlite3.h>

/* Registers `juste_fr` on db: French (Québec) order of names, the very
 * order of text_compare_fr, so that `ORDER BY name COLLATE juste_fr` and a
 * list sorted in C agree.  store_open() calls it on every connection.  A
 * raw sqlite3 shell does not know it: use it in queries, never in the
 * schema (an index or a view using it could not be read there).  Returns
 * an SQLite code. */
int store_collate_register(sqlite3 *db);

#endif
