/* SPDX-License-Identifier: Apache-2.0 */
/* sb.h - a growing string buffer: text built piece by piece in linear time (the HTML
 * pages, the charts' alternative texts). Always NUL-terminated once written to; p is
 * NULL while empty. Out of memory ends as xrealloc does (arena.h). */
#ifndef SR_SB_H
#define SR_SB_H
#include <stddef.h>

typedef struct sb {
	char *p;
	size_t n, cap;
} sb;

void sb_put(sb *b, const char *s, size_t n);
void sb_puts(sb *b, const char *s);
void sb_printf(sb *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_free(sb *b);   /* and empty again */
#endif
