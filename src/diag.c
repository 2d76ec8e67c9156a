/* diag.c - collects diagnostics and prints them in the one format users see. */
#include "diag.h"
#include "arena.h"
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

struct entry {
	const char *name;
	enum diag_level level;
	enum diag_exit exit;
	const char *summary;
};

static const char *level_word(enum diag_level l)
{
	return l == DIAG_ERROR ? "fel" : l == DIAG_INFO ? "info" : "varning";
}

static const struct entry catalogue[] = {
#define DIAG_ENTRY(e, k, l, x, s) [e] = {k, l, x, s},
	DIAG_CATALOGUE(DIAG_ENTRY)
#undef DIAG_ENTRY
};
_Static_assert(sizeof catalogue / sizeof catalogue[0] == D_MAX, "catalogue incomplete");

void diag_init(diag_sink *s)
{
	memset(s, 0, sizeof *s);
}

void diag_free(diag_sink *s)
{
	for (size_t i = 0; i < s->n; i++) {
		free(s->items[i].file);
		free(s->items[i].message);
	}
	free(s->items);
	memset(s, 0, sizeof *s);
}

const char *diag_code_name(enum diag_code code)
{
	return catalogue[code].name;
}

enum diag_level diag_code_level(enum diag_code code)
{
	return catalogue[code].level;
}

void diag_add(diag_sink *s, enum diag_code code, const char *file, long line,
              const char *fmt, ...)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 16;
		s->items = xrealloc(s->items, s->cap * sizeof *s->items);
	}
	va_list ap;
	va_start(ap, fmt);
	int len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *msg = xmalloc(len > 0 ? (size_t)len + 1 : 1);
	msg[0] = '\0';
	if (len > 0) {
		va_start(ap, fmt);
		vsnprintf(msg, (size_t)len + 1, fmt, ap);
		va_end(ap);
	}
	s->items[s->n++] = (diag){code, xstrdup(file ? file : "-"), line < 0 ? 0 : line, msg};
	if (catalogue[code].level == DIAG_ERROR) {
		s->errors++;
		if ((int)catalogue[code].exit > s->worst_exit)
			s->worst_exit = (int)catalogue[code].exit;
	} else if (catalogue[code].level == DIAG_WARNING) {
		s->warnings++;
	}
}

void diag_print(const diag_sink *s, FILE *out)
{
	/* qsort is not stable: sort an index by (file, line, original position). */
	diag *copy = xmalloc((s->n ? s->n : 1) * sizeof *copy);
	if (s->n)   /* items is NULL in an empty sink: memcpy(NULL) is undefined */
		memcpy(copy, s->items, s->n * sizeof *copy);
	size_t *order = xmalloc((s->n ? s->n : 1) * sizeof *order);
	for (size_t i = 0; i < s->n; i++)
		order[i] = i;
	for (size_t i = 1; i < s->n; i++) {   /* insertion sort: stable, lists are short */
		size_t k = order[i], j = i;
		while (j > 0) {
			const diag *p = &copy[order[j - 1]], *q = &copy[k];
			int c = strcmp(p->file, q->file);
			if (c < 0 || (c == 0 && p->line <= q->line))
				break;
			order[j] = order[j - 1];
			j--;
		}
		order[j] = k;
	}
	for (size_t i = 0; i < s->n; i++) {
		const diag *d = &copy[order[i]];
		fprintf(out, "%s:%ld: %s: [%s] %s\n", d->file, d->line,
		        level_word(catalogue[d->code].level), catalogue[d->code].name, d->message);
	}
	free(order);
	free(copy);
}

void diag_print_catalogue(FILE *out)
{
	fputs("| kod | nivå | slutstatus | betydelse |\n|---|---|---|---|\n", out);
	for (int i = 0; i < D_MAX; i++)
		fprintf(out, "| %s | %s | %d | %s |\n", catalogue[i].name,
		        level_word(catalogue[i].level),
		        catalogue[i].level == DIAG_ERROR ? (int)catalogue[i].exit : 0,
		        catalogue[i].summary);
}

/* errno in Swedish, for the messages a user sees: the one table every stage uses. */
const char *diag_strerror(int e)
{
	switch (e) {
	case ENOENT: return "mappen eller filen finns inte";
	case ENOTDIR: return "en del av sökvägen är ingen mapp";
	case EACCES: case EPERM: return "åtkomst nekad";
	case EROFS: return "filsystemet är skrivskyddat";
	case ENOSPC: return "disken är full";
	case EDQUOT: return "diskkvoten är slut";
	case EISDIR: return "det är en mapp";
	case ENAMETOOLONG: return "sökvägen är för lång";
	case EXDEV: return "målet ligger på ett annat filsystem";
	case EIO: return "in- eller utmatningsfel";
	case EMFILE: case ENFILE: return "för många öppna filer";
	case ELOOP: return "för många symboliska länkar i sökvägen";
	default: return strerror(e);
	}
}
