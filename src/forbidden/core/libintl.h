/* Poison: the core library is pure computation.  This directory comes
 * first on its include path, so that a wrong include fails here. */
#error "the core does no I/O: no catalogue here (messages are N_() msgids; the app translates them)"
