/* Poison: the use cases neither draw screens nor write SQL.  This directory
 * comes first on the app library's include path, so that a wrong include
 * fails here. */
#error "the app writes no SQL: it lives in src/store/ (call the store's functions)"
