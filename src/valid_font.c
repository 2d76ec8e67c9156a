/* SPDX-License-Identifier: Apache-2.0 */
/* valid_font.c - the fonts' Unicode coverage from their cmap tables (formats 4 and 12)
 * and the warning for characters no embedded font has. */
#include "valid_font.h"
#include "valid_private.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct bytes {
	const unsigned char *p;
	size_t n;
} bytes;

static unsigned u16(bytes b, size_t at) { return at + 2 <= b.n ? (unsigned)b.p[at] << 8 | b.p[at + 1] : 0; }
static unsigned long u32(bytes b, size_t at)
{
	return at + 4 <= b.n ? (unsigned long)u16(b, at) << 16 | u16(b, at + 2) : 0;
}

static void set_bit(font_cover *c, unsigned long cp)
{
	if (cp < 0x10000)
		c->bits[cp >> 3] |= (unsigned char)(1u << (cp & 7));
}

/* Format 4: segments of (start, end, delta, range offset); a code maps to glyph 0 (none)
 * when its computed glyph index is 0. */
static bool read_format4(bytes t, size_t at, font_cover *c)
{
	size_t segs = u16(t, at + 6) / 2, ends = at + 14, starts = ends + 2 * segs + 2;
	size_t deltas = starts + 2 * segs, offsets = deltas + 2 * segs;
	if (offsets + 2 * segs > t.n)
		return false;
	for (size_t i = 0; i < segs; i++) {
		unsigned end = u16(t, ends + 2 * i), start = u16(t, starts + 2 * i);
		unsigned delta = u16(t, deltas + 2 * i), ro = u16(t, offsets + 2 * i);
		for (unsigned long cp = start; cp <= end && cp < 0xFFFF; cp++) {
			unsigned g;
			if (ro == 0) {
				g = (unsigned)((cp + delta) & 0xFFFF);
			} else {
				size_t ga = offsets + 2 * i + ro + 2 * (cp - start);
				g = u16(t, ga);
				if (g)
					g = (g + delta) & 0xFFFF;
			}
			if (g)
				set_bit(c, cp);
		}
	}
	return true;
}

/* Format 12: groups of (start, end, first glyph). */
static bool read_format12(bytes t, size_t at, font_cover *c)
{
	unsigned long groups = u32(t, at + 12);
	if (at + 16 + groups * 12 > t.n)
		return false;
	for (unsigned long i = 0; i < groups; i++) {
		size_t g = at + 16 + i * 12;
		unsigned long start = u32(t, g), end = u32(t, g + 4), glyph = u32(t, g + 8);
		for (unsigned long cp = start; cp <= end && cp < 0x10000; cp++)
			if (glyph + (cp - start))
				set_bit(c, cp);
		for (unsigned long cp = start > 0xFFFF ? start : 0x10000; cp <= end && cp <= 0x10FFFF &&
		     c->n_supp < sizeof c->supp / sizeof *c->supp; cp++)
			if (glyph + (cp - start))
				c->supp[c->n_supp++] = cp;   /* groups are sorted: so is supp */
	}
	return true;
}

/* The cmap table of the font in f, read into c. */
static bool read_cmap(bytes f, font_cover *c)
{
	size_t tables = u16(f, 4), cmap = 0;
	for (size_t i = 0; i < tables; i++)
		if (memcmp(f.p + 12 + 16 * i, "cmap", 4) == 0 && 12 + 16 * i + 16 <= f.n)
			cmap = u32(f, 12 + 16 * i + 8);
	if (!cmap || cmap >= f.n)
		return false;
	bytes t = { f.p + cmap, f.n - cmap };
	size_t best = 0;
	unsigned best_fmt = 0;
	for (size_t i = 0, n = u16(t, 2); i < n; i++) {
		unsigned plat = u16(t, 4 + 8 * i), enc = u16(t, 6 + 8 * i);
		size_t off = u32(t, 8 + 8 * i);
		unsigned fmt = u16(t, off);
		bool unicode = plat == 0 || (plat == 3 && (enc == 1 || enc == 10));
		if (unicode && (fmt == 12 || (fmt == 4 && best_fmt != 12)) && off < t.n) {
			best = off;
			best_fmt = fmt;
		}
	}
	if (best_fmt == 12)
		return read_format12(t, best, c);
	return best_fmt == 4 && read_format4(t, best, c);
}

static bool read_file(const char *path, bytes *out)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return false;
	size_t cap = 1 << 20, n = 0;
	unsigned char *p = xmalloc(cap);
	for (size_t r; (r = fread(p + n, 1, cap - n, f)) > 0;) {
		n += r;
		if (n == cap && cap < ((size_t)64 << 20))
			p = xrealloc(p, cap *= 2);
		else if (n == cap)
			break;
	}
	fclose(f);
	*out = (bytes){ p, n };
	return true;
}

font_cover *valid_font_cover(const char *const *paths, size_t n, char *why, size_t why_len)
{
	font_cover *all = xcalloc(1, sizeof *all), *one = xcalloc(1, sizeof *one);
	for (size_t i = 0; i < n; i++) {
		bytes f;
		memset(one, 0, sizeof *one);
		bool ok = read_file(paths[i], &f);
		if (ok) {
			ok = f.n >= 12 && read_cmap(f, one);
			free((void *)f.p);
		}
		if (!ok) {
			snprintf(why, why_len, "typsnittet %s kan inte läsas eller har ingen Unicode-cmap", paths[i]);
			free(all);
			free(one);
			return NULL;
		}
		for (size_t k = 0; k < sizeof all->bits; k++)
			all->bits[k] = i == 0 ? one->bits[k] : all->bits[k] & one->bits[k];
	}
	free(one);
	return all;
}

bool valid_font_cover_add(font_cover *c, const char *path)
{
	bytes f;
	font_cover *one = xcalloc(1, sizeof *one);
	bool ok = read_file(path, &f);
	if (ok) {
		ok = f.n >= 12 && read_cmap(f, one);
		free((void *)f.p);
	}
	if (ok) {
		for (size_t k = 0; k < sizeof c->bits; k++)
			c->bits[k] |= one->bits[k];
		memcpy(c->supp, one->supp, one->n_supp * sizeof *c->supp);   /* the fallback's */
		c->n_supp = one->n_supp;
	}
	free(one);
	return ok;
}

bool valid_font_has(const font_cover *c, unsigned long cp)
{
	if (cp < 0x10000)
		return c->bits[cp >> 3] >> (cp & 7) & 1;
	size_t lo = 0, hi = c->n_supp;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (c->supp[mid] < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < c->n_supp && c->supp[lo] == cp;
}

/* Characters the layout never draws as glyphs: white space and the soft hyphen. */
static bool never_drawn(unsigned long cp)
{
	return cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xAD;
}

static void scan_text(const sr_model *m, const font_cover *c, diag_sink *d, const text_entry *t)
{
	unsigned long seen[8];
	size_t n_seen = 0;
	for (const unsigned char *s = (const unsigned char *)t->text; *s;) {
		size_t len = *s < 0x80 ? 1 : *s >= 0xF0 ? 4 : *s >= 0xE0 ? 3 : 2;
		unsigned long cp = len == 1 ? *s : len == 2 ? (s[0] & 0x1Fu) : len == 3 ? (s[0] & 0x0Fu)
		                                                                     : (s[0] & 0x07u);
		size_t k = 1;
		for (; k < len && s[k]; k++)
			cp = cp << 6 | (s[k] & 0x3Fu);
		/* above U+FFFF is D_CHAR_BMP's (valid_text.c) */
		if (cp < 0x10000 && !never_drawn(cp) && !valid_font_has(c, cp)) {
			bool dup = false;
			for (size_t j = 0; j < n_seen && !dup; j++)
				dup = seen[j] == cp;
			if (!dup && n_seen < sizeof seen / sizeof *seen) {
				seen[n_seen++] = cp;
				diag_add(d, D_CHAR_FONT, VLOC(m, t->loc),
				         "tecknet U+%04lX (%.*s) i %s finns inte i typsnitten (inte heller i reservtypsnittet) och blir en ruta i PDF:en",
				         cp, (int)k, (const char *)s, t->what ? t->what : "texten");
			}
		}
		s += k;
	}
}

void valid_font_chars(const sr_model *m, const font_cover *c, diag_sink *d)
{
	if (!m || !c)
		return;
	for (size_t i = 0; i < m->n_texts; i++)
		if (m->texts[i].text)
			scan_text(m, c, d, &m->texts[i]);
}

void valid_font_chars_again(const sr_model *m, const font_cover *c, diag_sink *d)
{
	if (!m || !c)
		return;
	diag_remove(d, D_CHAR_FONT);
	diag_remove(d, D_CHAR_BMP);
	valid_font_chars(m, c, d);
	valid_supp_chars(m, d, c);
}
