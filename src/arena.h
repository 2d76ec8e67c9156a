/* SPDX-License-Identifier: Apache-2.0 */
/* arena.h - one-run memory: everything a loaded document owns lives in one arena.
 * Used by every stage; freeing the arena frees the whole model at once. */
#ifndef SR_ARENA_H
#define SR_ARENA_H
#include <setjmp.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct arena arena;

/* Out of memory is an error the library's caller gets, never an abort: every public
 * entry point (styrrapport.h) holds an arena_guard on its stack for the length of the
 * call; when an allocation fails, control returns to the guard's setjmp and the entry
 * point reports D_NO_MEMORY (exit 3) with the file. The memory the failed call had
 * taken is not returned (it has no owner left); nothing is freed twice or used after.
 * The only state is a thread-local pointer to the innermost guard, so the CLI's
 * worker threads each have their own. Outside any guard (the CLI's own code) an
 * allocation failure still prints "slut på minne" and aborts.
 *
 *     arena_guard g;
 *     arena_guard_push(&g);
 *     if (setjmp(g.jb))
 *         return report_no_memory(...);   // the guard is already popped
 *     ... the call ...
 *     arena_guard_pop(&g);
 */
typedef struct arena_guard {
	jmp_buf jb;
	struct arena_guard *prev;
} arena_guard;
void arena_guard_push(arena_guard *g);
void arena_guard_pop(arena_guard *g);
/* Unwinds to the innermost guard (or aborts without one): for a NULL from a library
 * (libxml2) that means it had no memory. */
_Noreturn void arena_out_of_memory(void);
/* Runs fn(ctx) with a guard of its own: true when an allocation failed inside it. For
 * callbacks run by a library (libxml2's error handlers), which must never be unwound
 * through: the caller checks the flag after the library returns. */
bool arena_try(void (*fn)(void *ctx), void *ctx);

/* Test hooks (per thread): the allocation n calls from now fails (0: the next; -1:
 * none), and how many allocations and bytes were asked for since the thread began. */
void arena_fail_after(long n);
unsigned long arena_failures(void);
unsigned long long arena_allocs(void);
unsigned long long arena_bytes(void);

/* Returns a new empty arena. Caller frees with arena_free. */
arena *arena_new(void);
void arena_free(arena *a);
/* Zeroed memory owned by the arena; never NULL (unwinds on out-of-memory). */
void *arena_alloc(arena *a, size_t size);
/* n zeroed elements of size each; an overflowing size is out of memory. */
void *arena_calloc(arena *a, size_t n, size_t size);
/* Copy of s (NULL gives NULL), owned by the arena. */
char *arena_strdup(arena *a, const char *s);
char *arena_strndup(arena *a, const char *s, size_t n);
/* printf into arena memory. */
char *arena_printf(arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* malloc/realloc that unwind to the guard on out-of-memory: the one OOM policy. */
void *xmalloc(size_t n);
void *xrealloc(void *p, size_t n);
void *xcalloc(size_t n, size_t size);
char *xstrdup(const char *s);
#endif
