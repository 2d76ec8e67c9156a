/* SPDX-License-Identifier: Apache-2.0 */
/* diag.c - collects diagnostics and prints them in the one format users see. */
#include "diag.h"
#include "arena.h"
#include <errno.h>
#include <stdbool.h>
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
	if (s->n == s->cap) {   /* cap set after the realloc: an OOM unwind leaves s whole */
		size_t cap = s->cap ? s->cap * 2 : 16;
		s->items = xrealloc(s->items, cap * sizeof *s->items);
		s->cap = cap;
	}
	va_list ap;
	va_start(ap, fmt);
	int len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *msg = xmalloc(len > 0 ? (size_t)len + 1 : 1);   /* leaks only if the next fails */
	msg[0] = '\0';
	if (len > 0) {
		va_start(ap, fmt);
		vsnprintf(msg, (size_t)len + 1, fmt, ap);
		va_end(ap);
	}
	s->items[s->n++] = (diag){code, xstrdup(file ? file : "-"), line < 0 ? 0 : line, msg, 0};
	if (catalogue[code].level == DIAG_ERROR) {
		s->errors++;
		if ((int)catalogue[code].exit > s->worst_exit)
			s->worst_exit = (int)catalogue[code].exit;
	} else if (catalogue[code].level == DIAG_WARNING) {
		s->warnings++;
	}
}

void diag_remove(diag_sink *s, enum diag_code code)
{
	size_t k = 0;
	for (size_t i = 0; i < s->n; i++) {
		if (s->items[i].code != code) {
			s->items[k++] = s->items[i];
			continue;
		}
		free(s->items[i].file);
		free(s->items[i].message);
		if (catalogue[code].level == DIAG_ERROR)
			s->errors--;
		else if (catalogue[code].level == DIAG_WARNING)
			s->warnings--;
	}
	s->n = k;
}

/* Length of the valid UTF-8 sequence at p (2-4 bytes; no overlong form, surrogate or
 * value above U+10FFFF) with its code point in *cp, or 0 when p starts none. */
static size_t utf8_seq(const unsigned char *p, unsigned long *cp)
{
	size_t n = p[0] >= 0xF0 ? 4 : p[0] >= 0xE0 ? 3 : p[0] >= 0xC0 ? 2 : 0;
	if (!n || p[0] > 0xF4)
		return 0;
	unsigned long c = p[0] & (0x7F >> n);
	for (size_t i = 1; i < n; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return 0;
		c = c << 6 | (p[i] & 0x3F);
	}
	static const unsigned long least[5] = {0, 0, 0x80, 0x800, 0x10000};
	if (c < least[n] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return n;
}

/* Code points that move the cursor or change what a terminal shows: C1 controls,
 * the line and paragraph separators, and the bidirectional overrides (which can make
 * a name look like another one). */
static bool hidden_control(unsigned long c)
{
	return (c >= 0x80 && c <= 0x9F) || c == 0x2028 || c == 0x2029 || c == 0x200E ||
	       c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

void diag_put_escaped(FILE *out, const char *text)
{
	const unsigned char *p = (const unsigned char *)(text ? text : "");
	while (*p) {
		unsigned long cp = 0;
		size_t n = *p >= 0x80 ? utf8_seq(p, &cp) : 0;
		if (*p == '\n')
			fputs("\\n", out);
		else if (*p == '\r')
			fputs("\\r", out);
		else if (*p == '\t')
			fputs("\\t", out);
		else if (*p < 0x20 || *p == 0x7F || (*p >= 0x80 && !n))
			fprintf(out, "\\x%02x", *p);   /* other C0, DEL, a byte that is no UTF-8 */
		else if (n && hidden_control(cp))
			fprintf(out, "\\u%04lx", cp);
		else {
			fwrite(p, 1, n ? n : 1, out);
		}
		p += n ? n : 1;
	}
}

void diag_print_line(FILE *out, const char *file, long line, const char *level, const char *code,
                     const char *message)
{
	diag_put_escaped(out, file);
	fprintf(out, ":%ld: %s: [%s] ", line, level, code);
	diag_put_escaped(out, message);
	fputc('\n', out);
}

void diag_set_column(diag_sink *s, long column)
{
	if (s->n)
		s->items[s->n - 1].column = column < 0 ? 0 : column;
}

/* The print order: by file, then line, stable (the order found within a line). A
 * malloc'd index into s->items; caller frees. */
static size_t *print_order(const diag_sink *s)
{
	const diag *copy = s->items;
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
	return order;
}

void diag_print(const diag_sink *s, FILE *out)
{
	size_t *order = print_order(s);
	for (size_t i = 0; i < s->n; i++) {
		const diag *d = &s->items[order[i]];
		diag_print_line(out, d->file, d->line, level_word(catalogue[d->code].level),
		                catalogue[d->code].name, d->message);
	}
	free(order);
}

/* A JSON string: quotes, backslash and control characters escaped; the UTF-8 of the
 * messages and file names is passed through (it is valid: the loader checks it). */
static void json_string(FILE *out, const char *t)
{
	fputc('"', out);
	for (const unsigned char *p = (const unsigned char *)t; *p; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(out, "\\%c", *p);
		else if (*p < 0x20)
			fprintf(out, "\\u%04x", *p);
		else
			fputc(*p, out);
	}
	fputc('"', out);
}

void diag_print_json(const diag_sink *s, FILE *out)
{
	size_t *order = print_order(s);
	for (size_t i = 0; i < s->n; i++) {
		const diag *d = &s->items[order[i]];
		fputs("{\"file\":", out);
		json_string(out, d->file);
		if (d->line > 0)
			fprintf(out, ",\"line\":%ld", d->line);
		else
			fputs(",\"line\":null", out);
		if (d->column > 0)
			fprintf(out, ",\"column\":%ld", d->column);
		else
			fputs(",\"column\":null", out);
		enum diag_level lv = catalogue[d->code].level;
		fprintf(out, ",\"level\":\"%s\",\"code\":",
		        lv == DIAG_ERROR ? "error" : lv == DIAG_INFO ? "info" : "warning");
		json_string(out, catalogue[d->code].name);
		fputs(",\"message\":", out);
		json_string(out, d->message);
		fputs("}\n", out);
	}
	free(order);
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
	case ECANCELED: return "körningen avbröts";
	default: return strerror(e);
	}
}

/* ---- quoting user text in messages ---- */

const char *diag_quote(char *buf, size_t n, const char *s, size_t max_chars)
{
	s = s ? s : "";
	size_t chars = 0, cut = 0, i = 0;
	for (; s[i]; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80 && chars++ == max_chars)
			cut = i;
	if (chars <= max_chars)
		snprintf(buf, n, "%s", s);
	else
		snprintf(buf, n, "%.*s… (%zu tecken)", (int)cut, s, chars);
	return buf;
}
