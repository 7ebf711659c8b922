/* Poison: the store speaks SQL and nothing else.  This directory comes
 * first on its include path, so that a wrong include fails here. */
#error "the store speaks SQL only: no JSON here (the app and the front ends write it)"
