/* migrations.h - the SQL files of sql/, compiled in by scripts/embed_sql.py. */
#ifndef JUSTE_STORE_MIGRATIONS_H
#define JUSTE_STORE_MIGRATIONS_H

struct migration {
	const char *name;   /* "001_init.sql" */
	const char *sql;
};

extern const struct migration store_migrations[];
extern const int store_migrations_count;

#endif
