/* SPDX-License-Identifier: Apache-2.0 */
/* font_ttf.c - reads a TrueType file's head, hhea, maxp, hmtx and cmap tables into a
 * per-code-point advance-width table, so that layout measures text without libharu. */
#include "font.h"
#include "arena.h"
#include <stdbool.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { NOT_A_CHAR = 0x110000 };

/* The font file in memory, with bounds-checked big-endian reads. */
typedef struct ttf_buf {
	const unsigned char *p;
	size_t len;
	bool bad;                  /* a read went past the end */
} ttf_buf;

static unsigned u16(ttf_buf *b, size_t off)
{
	if (off + 2 > b->len || off + 2 < off) {
		b->bad = true;
		return 0;
	}
	return (unsigned)b->p[off] << 8 | b->p[off + 1];
}

static uint32_t u32(ttf_buf *b, size_t off)
{
	return (uint32_t)u16(b, off) << 16 | u16(b, off + 2);
}

/* Offset of a table by tag, or 0 when the font has none. */
static size_t find_table(ttf_buf *b, const char *tag)
{
	unsigned n = u16(b, 4);
	for (unsigned i = 0; i < n && !b->bad; i++) {
		size_t rec = 12 + 16 * (size_t)i;
		if (rec + 16 <= b->len && !memcmp(b->p + rec, tag, 4))
			return u32(b, rec + 8);
	}
	return 0;
}

/* The (3,1) format 4 subtable, the only one libharu 2.3.0 uses for TrueType text. */
static size_t find_cmap4(ttf_buf *b, size_t cmap)
{
	unsigned n = u16(b, cmap + 2);
	for (unsigned i = 0; i < n && !b->bad; i++) {
		size_t rec = cmap + 4 + 8 * (size_t)i;
		size_t sub = cmap + u32(b, rec + 4);
		if (u16(b, rec) == 3 && u16(b, rec + 2) == 1 && u16(b, sub) == 4)
			return sub;
	}
	return 0;
}

/* The Unicode format 12 subtable ((3,10) or (0,4)), 0 when none. */
static size_t find_cmap12(ttf_buf *b, size_t cmap)
{
	unsigned n = u16(b, cmap + 2);
	for (unsigned i = 0; i < n && !b->bad; i++) {
		size_t rec = cmap + 4 + 8 * (size_t)i;
		size_t sub = cmap + u32(b, rec + 4);
		unsigned plat = u16(b, rec), enc = u16(b, rec + 2);
		if (((plat == 3 && enc == 10) || (plat == 0 && enc == 4)) && u16(b, sub) == 12)
			return sub;
	}
	return 0;
}

/* The characters above U+FFFF (format 12), each given a code of the Private Use Area the
 * font does not map itself (libharu's CID fonts have two-byte codes): the codes
 * supp_base + k, in the order of supp_cp. Their widths go into width[]. */
/* True when a segment of the format 4 subtable at sub4 spans c. */
static bool covered(ttf_buf *b, size_t sub4, unsigned c)
{
	unsigned seg = u16(b, sub4 + 6) / 2;
	size_t ends = sub4 + 14, starts = ends + 2 * (size_t)seg + 2;
	for (unsigned i = 0; i < seg; i++)
		if (u16(b, starts + 2 * i) <= c && c <= u16(b, ends + 2 * i))
			return true;
	return false;
}

static void map_supplementary(ttf_buf *b, size_t sub, size_t sub4, font_ttf *t,
                              const uint16_t *gid, unsigned n_glyphs, unsigned n_metrics,
                              size_t hmtx, long upem)
{
	t->n_supp = 0;
	if (!sub)
		return;
	unsigned long groups = u32(b, sub + 12);
	size_t cap = 0;
	for (unsigned long g = 0; g < groups && !b->bad && t->n_supp < FONT_SUPP_MAX; g++) {
		size_t at = sub + 16 + 12 * (size_t)g;
		uint32_t start = u32(b, at), end = u32(b, at + 4), first = u32(b, at + 8);
		if (end < 0x10000 || end > 0x10FFFF || start > end)
			continue;
		for (uint32_t cp = start < 0x10000 ? 0x10000 : start; cp <= end && t->n_supp < FONT_SUPP_MAX; cp++) {
			uint32_t glyph = first + (cp - start);
			if (glyph == 0 || glyph >= n_glyphs)
				continue;
			if (t->n_supp == cap) {
				cap = cap ? 2 * cap : 256;
				t->supp_cp = xrealloc(t->supp_cp, cap * sizeof *t->supp_cp);
				t->supp_gid = xrealloc(t->supp_gid, cap * sizeof *t->supp_gid);
			}
			t->supp_cp[t->n_supp] = cp;
			t->supp_gid[t->n_supp++] = (uint16_t)glyph;
		}
	}
	/* a run of PUA codes in a gap between the format 4 segments (so that one more
	 * segment for them fits in; groups come sorted by code point, so supp_cp is too) */
	unsigned base = 0, run = 0;
	for (unsigned c = 0xE000; c <= 0xF8FF && run < t->n_supp; c++) {
		if (gid[c] || covered(b, sub4, c)) {
			run = 0;
			continue;
		}
		if (!run)
			base = c;
		run++;
	}
	if (run < t->n_supp) {
		t->n_supp = 0;   /* no room: they stay undrawable */
		return;
	}
	t->supp_base = (uint16_t)base;
	for (size_t k = 0; k < t->n_supp; k++) {
		unsigned m = t->supp_gid[k] < n_metrics ? t->supp_gid[k] : n_metrics - 1;
		t->width[base + k] = (uint16_t)(u16(b, hmtx + 4 * (size_t)m) * 1000UL / (unsigned long)upem);
	}
}

int font_ttf_supp_code(const font_ttf *t, uint32_t cp)
{
	size_t lo = 0, hi = t->n_supp;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (t->supp_cp[mid] < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < t->n_supp && t->supp_cp[lo] == cp ? (int)(t->supp_base + lo) : -1;
}

void font_ttf_free(font_ttf *t)
{
	if (!t)
		return;
	free(t->supp_cp);
	free(t->supp_gid);
	free(t);
}

/* Glyph of every BMP code point, segment by segment, the way libharu's
 * HPDF_TTFontDef_GetGlyphid maps them (so that measuring matches drawing). */
static void map_format4(ttf_buf *b, size_t sub, uint16_t *gid)
{
	unsigned seg = u16(b, sub + 6) / 2;
	size_t ends = sub + 14, starts = ends + 2 * (size_t)seg + 2;
	size_t deltas = starts + 2 * (size_t)seg, ranges = deltas + 2 * (size_t)seg;
	size_t glyphs = ranges + 2 * (size_t)seg;
	size_t n_glyphs = (u16(b, sub + 2) - (glyphs - sub)) / 2;
	unsigned lo = 0;
	for (unsigned i = 0; i < seg && !b->bad; i++) {
		unsigned end = u16(b, ends + 2 * i), start = u16(b, starts + 2 * i);
		if (end < lo)
			continue;  /* libharu takes the first segment that ends at or after c */
		unsigned delta = u16(b, deltas + 2 * i), range = u16(b, ranges + 2 * i);
		for (unsigned c = start > lo ? start : lo; c <= end; c++) {
			if (range == 0) {
				gid[c] = (uint16_t)(c + delta);
				continue;
			}
			size_t idx = range / 2 + (c - start) - (seg - i);
			gid[c] = idx < n_glyphs ? (uint16_t)(u16(b, glyphs + 2 * idx) + delta) : 0;
		}
		lo = end + 1;
		if (lo > 0xFFFF)
			break;
	}
}

/* Fills t->width from the parsed tables. Returns 0 or -1 (a table is missing or broken). */
static int parse(ttf_buf *b, font_ttf *t)
{
	size_t head = find_table(b, "head"), hhea = find_table(b, "hhea");
	size_t maxp = find_table(b, "maxp"), hmtx = find_table(b, "hmtx");
	size_t cmap = find_table(b, "cmap");
	if (!head || !hhea || !maxp || !hmtx || !cmap)
		return -1;
	long upem = (long)u16(b, head + 18);
	unsigned n_glyphs = u16(b, maxp + 4), n_metrics = u16(b, hhea + 34);
	size_t sub = find_cmap4(b, cmap);
	if (b->bad || upem == 0 || n_glyphs == 0 || n_metrics == 0 || !sub)
		return -1;
	memset(t->has, 0, sizeof t->has);
	t->supp_cp = NULL;
	t->supp_gid = NULL;
	t->n_supp = 0;
	t->supp_base = 0;
	t->upem = (unsigned)upem;
	/* libharu truncates each metric to 1/1000 em as integers: do the same */
	t->ascent = (int)((long)(int16_t)u16(b, hhea + 4) * 1000 / upem);
	t->descent = (int)((long)(int16_t)u16(b, hhea + 6) * 1000 / upem);
	uint16_t *gid = xcalloc(65536, sizeof *gid);
	map_format4(b, sub, gid);
	for (unsigned c = 0; c < 65536; c++) {
		unsigned g = gid[c];
		if (g >= n_glyphs)
			g = 0;     /* libharu's missing_width is glyph 0's advance */
		if (g)
			t->has[c >> 3] |= (uint8_t)(1u << (c & 7));
		unsigned m = g < n_metrics ? g : n_metrics - 1;
		t->width[c] = (uint16_t)(u16(b, hmtx + 4 * (size_t)m) * 1000UL / (unsigned long)upem);
	}
	map_supplementary(b, find_cmap12(b, cmap), sub, t, gid, n_glyphs, n_metrics, hmtx, upem);
	free(gid);
	return b->bad ? -1 : 0;
}

int font_ttf_load(const char *path, font_ttf *t)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	size_t cap = 1 << 18, n = 0, got;
	unsigned char *buf = xmalloc(cap);
	while ((got = fread(buf + n, 1, cap - n, f)) > 0)
		if ((n += got) == cap)
			buf = xrealloc(buf, cap *= 2);
	bool err = ferror(f);
	fclose(f);
	ttf_buf b = {buf, n, false};
	int rc = err ? -1 : parse(&b, t);
	free(buf);
	return rc;
}

/* One UTF-8 character at s (len > 0 bytes left): its code point and its length. The
 * input is valid UTF-8 from libxml2; a stray byte counts as one character; a character
 * cut off by len is none (width 0, as libharu measures it). */
static unsigned next_char(const unsigned char *s, size_t len, size_t *used)
{
	unsigned c = s[0];
	size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
	if (n > 1 && c < 0xC0)
		n = 1;
	if (n > len) {
		*used = len;
		return NOT_A_CHAR;
	}
	*used = n;
	if (n == 1)
		return c < 0x80 ? c : ' ';
	if (n == 4)
		return ' ';    /* above U+FFFF: libharu draws a space (pdf_bmp_only) */
	unsigned cp = n == 2 ? c & 0x1F : c & 0x0F;
	for (size_t i = 1; i < n; i++)
		cp = cp << 6 | (s[i] & 0x3Fu);
	return cp;
}

unsigned long font_ttf_width(const font_ttf *t, const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned long sum = 0;
	size_t used;
	while (len > 0) {
		unsigned c = next_char(p, len, &used);
		if (c < 0x20 || c == 0x7F)
			c = ' ';   /* drawn as spaces (pdf_bmp_only) */
		if (c != NOT_A_CHAR)
			sum += t->width[c & 0xFFFF];
		p += used;
		len -= used;
	}
	return sum;
}
