/*
 * mem.c - growing arrays.
 */
#include <stdint.h>
#include <stdlib.h>

#include "juste/mem.h"

int mem_grow(void **p, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return 0;
	size_t c = *cap ? *cap * 2 : 64;
	while (c < need)
		c = c > SIZE_MAX / 2 ? need : c * 2;
	if (size && c > SIZE_MAX / size)
		return -1;
	void *q = realloc(*p, c * size);
	if (!q)
		return -1;
	*p = q;
	*cap = c;
	return 0;
}
