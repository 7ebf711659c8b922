/*
 * mem.h - growing arrays.
 */
#ifndef JUSTE_MEM_H
#define JUSTE_MEM_H

#include <stddef.h>

/* Makes *p (an array of *cap elements of `size` bytes) hold at least
 * `need` elements, doubling from 64; 0 on success, -1 when out of memory
 * (the array is then unchanged and still owned by the caller). */
int mem_grow(void **p, size_t *cap, size_t need, size_t size);

#endif
