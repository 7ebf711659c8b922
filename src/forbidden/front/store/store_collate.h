/* Poison: the front ends reach the data through the app only.  This
 * directory comes first on their include path, so that a wrong include
 * fails here. */
#error "the front ends only parse and format: the store's private headers are not theirs (call src/app/)"
