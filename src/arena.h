/* SPDX-License-Identifier: Apache-2.0 */
/* arena.h - one-run memory: everything a loaded document owns lives in one arena.
 * Used by every stage; freeing the arena frees the whole model at once. */
#ifndef SR_ARENA_H
#define SR_ARENA_H
#include <stddef.h>

typedef struct arena arena;

/* Returns a new empty arena; aborts on out-of-memory. Caller frees with arena_free. */
arena *arena_new(void);
void arena_free(arena *a);
/* Zeroed memory owned by the arena; never NULL (aborts on out-of-memory). */
void *arena_alloc(arena *a, size_t size);
/* n zeroed elements of size each; aborts on overflow. */
void *arena_calloc(arena *a, size_t n, size_t size);
/* Copy of s (NULL gives NULL), owned by the arena. */
char *arena_strdup(arena *a, const char *s);
char *arena_strndup(arena *a, const char *s, size_t n);
/* printf into arena memory. */
char *arena_printf(arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* malloc/realloc that abort on out-of-memory: the one OOM policy of the program. */
void *xmalloc(size_t n);
void *xrealloc(void *p, size_t n);
void *xcalloc(size_t n, size_t size);
char *xstrdup(const char *s);
#endif
