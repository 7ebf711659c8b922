/* Poison: the use cases neither draw screens nor write SQL.  This directory
 * comes first on the app library's include path, so that a wrong include
 * fails here. */
#error "the app draws no screen: no terminal here (screens live in src/tui/)"
