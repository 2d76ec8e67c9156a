/* SPDX-License-Identifier: Apache-2.0 */
/* sb.c - a growing string buffer (sb.h). */
#include "sb.h"
#include "arena.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void sb_put(sb *b, const char *s, size_t n)
{
	if (b->n + n + 1 > b->cap) {
		b->cap = (b->n + n + 1) * 2 + 256;
		b->p = xrealloc(b->p, b->cap);
	}
	memcpy(b->p + b->n, s, n);
	b->n += n;
	b->p[b->n] = '\0';
}

void sb_puts(sb *b, const char *s)
{
	if (s)
		sb_put(b, s, strlen(s));
}

void sb_printf(sb *b, const char *fmt, ...)
{
	/* one pass when the text fits in what is left (the usual case), else a second */
	va_list ap;
	va_start(ap, fmt);
	size_t room = b->cap - b->n;
	int need = vsnprintf(b->p ? b->p + b->n : NULL, b->p ? room : 0, fmt, ap);
	va_end(ap);
	if (need < 0) {
		if (b->p)
			b->p[b->n] = '\0';
		return;
	}
	if (!b->p || (size_t)need >= room) {
		b->cap = (b->n + (size_t)need + 1) * 2 + 256;
		b->p = xrealloc(b->p, b->cap);
		va_start(ap, fmt);
		vsnprintf(b->p + b->n, b->cap - b->n, fmt, ap);
		va_end(ap);
	}
	b->n += (size_t)need;
}

void sb_free(sb *b)
{
	free(b->p);
	*b = (sb){0};
}
