/* SPDX-License-Identifier: Apache-2.0 */
/* arena.c - bump allocator in chained blocks, plus the allocation wrappers and the
 * out-of-memory guard (arena.h). */
#include "arena.h"
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct block {
	struct block *next;
	size_t used, cap;
	max_align_t data[];
};

struct arena {
	struct block *head;
};

enum { BLOCK_MIN = 64 * 1024 };

/* The innermost guard of this thread, and the test hooks' counters. */
static _Thread_local arena_guard *current;
static _Thread_local long fail_countdown = -1;
static _Thread_local unsigned long failures;
static _Thread_local unsigned long long n_allocs, n_bytes;

void arena_guard_push(arena_guard *g)
{
	g->prev = current;
	current = g;
}

void arena_guard_pop(arena_guard *g)
{
	if (current == g)
		current = g->prev;
}

_Noreturn void arena_out_of_memory(void)
{
	arena_guard *g = current;
	if (!g) {
		fputs("styrrapport: fel: slut på minne\n", stderr);
		abort();
	}
	current = g->prev;   /* popped before the jump: the handler may allocate */
	longjmp(g->jb, 1);
}

bool arena_try(void (*fn)(void *ctx), void *ctx)
{
	arena_guard g;
	arena_guard_push(&g);
	if (setjmp(g.jb))
		return true;
	fn(ctx);
	arena_guard_pop(&g);
	return false;
}

void arena_fail_after(long n)
{
	fail_countdown = n;
	failures = 0;
}

unsigned long arena_failures(void) { return failures; }
unsigned long long arena_allocs(void) { return n_allocs; }
unsigned long long arena_bytes(void) { return n_bytes; }

/* Counts the request; true when the test hook makes this one fail. */
static bool injected(size_t n)
{
	n_allocs++;
	n_bytes += n;
	if (fail_countdown < 0 || fail_countdown-- > 0)
		return false;
	failures++;
	return true;
}

void *xmalloc(size_t n)
{
	void *p = injected(n) ? NULL : malloc(n ? n : 1);
	if (!p)
		arena_out_of_memory();
	return p;
}

void *xrealloc(void *p, size_t n)
{
	void *q = injected(n) ? NULL : realloc(p, n ? n : 1);
	if (!q)
		arena_out_of_memory();   /* p is still valid and still its owner's */
	return q;
}

void *xcalloc(size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		arena_out_of_memory();
	void *p = injected(n * size) ? NULL : calloc(n ? n : 1, size ? size : 1);
	if (!p)
		arena_out_of_memory();
	return p;
}

char *xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;
	return memcpy(xmalloc(n), s, n);
}

arena *arena_new(void)
{
	return xcalloc(1, sizeof(arena));
}

void arena_free(arena *a)
{
	if (!a)
		return;
	for (struct block *b = a->head, *next; b; b = next) {
		next = b->next;
		free(b);
	}
	free(a);
}

void *arena_alloc(arena *a, size_t size)
{
	const size_t align = sizeof(max_align_t);
	if (size > SIZE_MAX - align - sizeof(struct block) || injected(size))
		arena_out_of_memory();
	size = (size + align - 1) / align * align;
	struct block *b = a->head;
	if (!b || b->cap - b->used < size) {
		size_t cap = size > BLOCK_MIN ? size : BLOCK_MIN;
		b = malloc(sizeof(struct block) + cap);   /* counted above, as one request */
		if (!b)
			arena_out_of_memory();
		b->used = 0;
		b->cap = cap;
		b->next = a->head;
		a->head = b;
	}
	void *p = (char *)b->data + b->used;
	b->used += size;
	return memset(p, 0, size);
}

void *arena_calloc(arena *a, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		arena_out_of_memory();
	return arena_alloc(a, n * size);
}

char *arena_strndup(arena *a, const char *s, size_t n)
{
	if (!s)
		return NULL;
	char *p = arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *arena_strdup(arena *a, const char *s)
{
	return s ? arena_strndup(a, s, strlen(s)) : NULL;
}

/* Formats once into a stack buffer, which holds nearly every string the report
 * builder makes; only a longer one is formatted a second time. */
char *arena_printf(arena *a, const char *fmt, ...)
{
	char small[256];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n < 0)
		return arena_strdup(a, "");
	if ((size_t)n < sizeof small)
		return arena_strndup(a, small, (size_t)n);
	char *p = arena_alloc(a, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}
