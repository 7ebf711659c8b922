/* test_mem.c - mem_grow: capacity doubles from 64, contents survive,
 * an impossible size fails and leaves the array as it was. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>

#include "juste/mem.h"

static void test_grow(void **state)
{
	(void)state;
	int *a = NULL;
	size_t cap = 0;
	assert_int_equal(mem_grow((void **)&a, &cap, 1, sizeof *a), 0);
	assert_int_equal(cap, 64);
	for (int i = 0; i < 64; i++)
		a[i] = i;
	assert_int_equal(mem_grow((void **)&a, &cap, 64, sizeof *a), 0);
	assert_int_equal(cap, 64);
	assert_int_equal(mem_grow((void **)&a, &cap, 65, sizeof *a), 0);
	assert_int_equal(cap, 128);
	assert_int_equal(mem_grow((void **)&a, &cap, 1000, sizeof *a), 0);
	assert_int_equal(cap, 1024);
	for (int i = 0; i < 64; i++)
		assert_int_equal(a[i], i);
	int *before = a;
	assert_int_equal(mem_grow((void **)&a, &cap, SIZE_MAX / 2, sizeof *a), -1);
	assert_ptr_equal(a, before);
	assert_int_equal(mem_grow((void **)&a, &cap, SIZE_MAX, 2), -1);   /* no wrap-around */
	assert_ptr_equal(a, before);
	assert_int_equal(cap, 1024);
	free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = { cmocka_unit_test(test_grow) };
	return cmocka_run_group_tests(tests, NULL, NULL);
}
