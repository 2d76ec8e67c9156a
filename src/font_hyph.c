/* SPDX-License-Identifier: Apache-2.0 */
/* font_hyph.c - Swedish hyphenation: libhyphen with Debian's hyph_sv_SE.dic (Liang
 * patterns, ISO-8859-1) at 2 letters before and 3 after a break (the file says 1 and
 * 2, too eager), corrected by a list kept in the repository (fonts/hyph_sv_extra.txt):
 * exceptions the patterns get wrong, and the usual second parts of compounds in a
 * kommun's reports, whose joints the line breaker prefers. */
#include "font.h"
#include "arena.h"
#include <hyphen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HY_MAX 96                  /* letters; a longer word is not hyphenated */

typedef struct hy_word {           /* a lower-case ISO-8859-1 word and its breaks */
	char *w;
	size_t n;
	unsigned char *brk;            /* per letter i: 1 break after it, 2 a compound joint */
} hy_word;

struct font_hyph {
	HyphenDict *dict;
	hy_word *exc;                  /* exceptions, longest first */
	size_t n_exc;
	hy_word *part;                 /* compound parts ("nämnd"): a break before one is a joint */
	size_t n_part;
};

static unsigned char lower1(unsigned char c)
{
	if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7))
		return (unsigned char)(c + 0x20);
	return c;
}

static bool letter1(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 0xDF && c != 0xF7);
}

/* UTF-8 -> lower-case ISO-8859-1 letters; off[i] = byte offset of letter i. False when a
 * character is no Latin-1 letter. */
static bool to_latin1(const char *s, size_t len, char *out, size_t *off, size_t *n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t k = 0;
	for (size_t i = 0; i < len;) {
		if (k >= HY_MAX)
			return false;
		unsigned c;
		off[k] = i;
		if (p[i] < 0x80) {
			c = p[i++];
		} else if ((p[i] == 0xC2 || p[i] == 0xC3) && i + 1 < len && (p[i + 1] & 0xC0) == 0x80) {
			c = (unsigned)(p[i] & 0x1F) << 6 | (p[i + 1] & 0x3Fu);
			i += 2;
		} else {
			return false;
		}
		c = lower1((unsigned char)c);
		if (!letter1((unsigned char)c))
			return false;
		out[k++] = (char)c;
	}
	off[k] = len;
	out[k] = '\0';
	*n = k;
	return true;
}

static int by_length(const void *a, const void *b)
{
	const hy_word *x = a, *y = b;
	return x->n < y->n ? 1 : x->n > y->n ? -1 : 0;
}

/* One line of the list: "bud-get=av-vi-kel-se" (- a break, = a compound joint) or
 * "+nämnd" (a compound part). */
static void read_line(font_hyph *h, char *line)
{
	line[strcspn(line, "\r\n#")] = '\0';
	char *s = line + strspn(line, " \t");
	s[strcspn(s, " \t")] = '\0';
	bool part = *s == '+';
	if (part)
		s++;
	if (!*s)
		return;
	char plain[256];
	unsigned char brk[256] = {0};
	size_t n = 0, len = 0;
	for (char *q = s; *q && len < sizeof plain - 4; q++) {
		if (*q == '-' || *q == '=') {
			if (n)
				brk[n - 1] = *q == '=' ? 2 : 1;
			continue;
		}
		plain[len++] = *q;
		if (((unsigned char)*q & 0xC0) != 0x80)
			n++;
	}
	char l1[HY_MAX + 1];
	size_t off[HY_MAX + 1], k;
	if (!to_latin1(plain, len, l1, off, &k) || k != n)
		return;
	hy_word w = { xstrdup(l1), k, xmalloc(k + 1) };
	memcpy(w.brk, brk, k);
	w.brk[k] = 0;
	hy_word **v = part ? &h->part : &h->exc;
	size_t *cnt = part ? &h->n_part : &h->n_exc;
	*v = xrealloc(*v, (*cnt + 1) * sizeof **v);
	(*v)[(*cnt)++] = w;
}

font_hyph *font_hyph_new(const char *dic, const char *extra)
{
	HyphenDict *d = dic ? hnj_hyphen_load(dic) : NULL;
	if (!d)
		return NULL;
	font_hyph *h = xcalloc(1, sizeof *h);
	h->dict = d;
	FILE *f = extra ? fopen(extra, "r") : NULL;
	if (f) {
		char line[512];
		while (fgets(line, sizeof line, f))
			read_line(h, line);
		fclose(f);
	}
	qsort(h->exc, h->n_exc, sizeof *h->exc, by_length);
	qsort(h->part, h->n_part, sizeof *h->part, by_length);
	return h;
}

void font_hyph_free(font_hyph *h)
{
	if (!h)
		return;
	hnj_hyphen_free(h->dict);
	for (size_t i = 0; i < h->n_exc; i++) {
		free(h->exc[i].w);
		free(h->exc[i].brk);
	}
	for (size_t i = 0; i < h->n_part; i++) {
		free(h->part[i].w);
		free(h->part[i].brk);
	}
	free(h->exc);
	free(h->part);
	free(h);
}

/* The patterns' breaks of w (n letters) into brk (1 = break after letter i). */
static void patterns(const font_hyph *h, const char *w, size_t n, unsigned char *brk)
{
	char hy[HY_MAX + 8];
	char **rep = NULL;
	int *pos = NULL, *cut = NULL;
	memset(brk, 0, n);
	if (hnj_hyphen_hyphenate3(h->dict, w, (int)n, hy, NULL, &rep, &pos, &cut, 2, 3, 2, 3) == 0) {
		for (size_t i = 0; i + 1 < n; i++)
			if ((hy[i] & 1) && !(rep && rep[i]))
				brk[i] = 1;
	}
	if (rep) {
		for (size_t i = 0; i < n; i++)
			free(rep[i]);
		free(rep);
	}
	free(pos);
	free(cut);
}

size_t font_hyph_word(const font_hyph *h, const char *w, size_t len, size_t *at, bool *joint,
                      size_t max)
{
	char l1[HY_MAX + 1];
	size_t off[HY_MAX + 1], n;
	if (!h || !to_latin1(w, len, l1, off, &n) || n < 5)
		return 0;
	unsigned char brk[HY_MAX];
	patterns(h, l1, n, brk);
	/* an exception anywhere in the word (the longest first) replaces the patterns there;
	 * in the middle or at the end it is a compound's part: a joint before it */
	for (size_t e = 0; e < h->n_exc; e++) {
		const hy_word *x = &h->exc[e];
		size_t at0 = n;
		for (size_t i = 0; x->n <= n && i + x->n <= n && at0 == n; i++)
			if (!memcmp(l1 + i, x->w, x->n))
				at0 = i;
		if (at0 == n)
			continue;
		for (size_t i = 0; i < x->n; i++)
			brk[at0 + i] = x->brk[i];
		if (at0 > 0)
			brk[at0 - 1] = 2;
		break;
	}
	/* a break right before a known compound part is a joint */
	for (size_t i = 1; i + 3 <= n; i++) {
		if (!brk[i - 1] || brk[i - 1] == 2)
			continue;
		for (size_t p = 0; p < h->n_part; p++)
			if (h->part[p].n <= n - i && !memcmp(l1 + i, h->part[p].w, h->part[p].n)) {
				brk[i - 1] = 2;
				break;
			}
	}
	size_t k = 0;
	for (size_t i = 1; i + 4 <= n && k < max; i++)   /* 2 letters before, 3 after */
		if (brk[i])
			at[k] = off[i + 1], joint[k] = brk[i] == 2, k++;
	return k;
}
