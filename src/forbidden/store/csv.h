/* Poison: the store speaks SQL and nothing else.  This directory comes
 * first on its include path, so that a wrong include fails here. */
#error "the store speaks SQL only: no CSV files here (the app reads and writes them)"
