/* Poison: the front ends reach the data through the app only.  This
 * directory comes first on their include path, so that a wrong include
 * fails here. */
#error "the front ends only parse and format: no store header here (call the use cases of src/app/)"
