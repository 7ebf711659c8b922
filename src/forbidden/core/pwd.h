/* Poison: the core library is pure computation.  This directory comes
 * first on its include path, so that a wrong include fails here. */
#error "the core does no I/O: no system calls here (files and users belong to the app and the store)"
