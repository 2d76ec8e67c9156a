/* SPDX-License-Identifier: Apache-2.0 */
/* font_bidi.c - text with a right-to-left character (Hebrew, Arabic, ...): the Unicode
 * bidirectional algorithm (UAX #9, GNU FriBidi) orders a run's pieces for the eye with a
 * left-to-right base direction (the documents are Swedish), and HarfBuzz shapes each
 * right-to-left piece (Arabic joining forms and ligatures from the font's GSUB), drawn
 * by the code points the font's cmap gives those glyphs.
 *
 * The text is cut into units that never depend on their neighbours: a space; a word
 * without a right-to-left character (shaped as in font.c, kerned); and the pieces of a
 * word with one: a run of right-to-left letters of one face (with their marks), a run of
 * left-to-right letters, and every other character alone. No kerning crosses a unit, so
 * a unit's advance is the same in whatever order the text around it puts it: widths
 * add up word by word exactly as in font.c, and the measured width of a text is the
 * drawn advance of its glyphs in visual order (font_bidi_width sums font_bidi_shape).
 * The levels come from the whole text given; a unit takes the level of its first
 * character (a word without a right-to-left character the lowest of its characters),
 * and rule L2 reverses the units. A bracket alone on a right-to-left level is mirrored
 * when the mirror glyph has the same advance. */
#include "font_private.h"
#include "arena.h"
#include <fribidi.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum { U_LTR, U_RTL };

typedef struct bidi_unit {
	size_t a, b;               /* characters [a, b) */
	uint8_t kind;              /* U_LTR: font_shape_ltr; U_RTL: HarfBuzz, right to left */
	uint8_t face;              /* U_RTL */
	bool part;                 /* a piece of a word with a right-to-left character after
	                            * its first: measured with the one before, they would kern */
	FriBidiLevel level;
} bidi_unit;

/* The widths of texts with a right-to-left character already measured: the layout asks
 * for a word several times (breaking, keeping, tables), and shaping it costs ~25 000
 * instructions. Direct-mapped: a collision replaces the older entry. */
enum { WIDTH_CACHE = 512 };

typedef struct width_entry {
	char *text;                /* NULL: empty */
	size_t len;
	int face;
	long width;
} width_entry;

struct font_bidi {
	width_entry cache[WIDTH_CACHE];
	size_t cap;                /* entries of the per-character arrays */
	FriBidiChar *cp;           /* code points as next_code decodes them */
	size_t *at;                /* byte offset of each character, and of the end */
	FriBidiCharType *type;
	FriBidiBracketType *bracket;
	FriBidiLevel *level;
	bidi_unit *u;
	size_t cap_u;
	font_glyph *g;             /* font_bidi_width's glyphs */
	size_t cap_g;
	hb_buffer_t *hb;
};

bool font_bidi_rtl(unsigned cp)
{
	if (cp < 0x590)
		return false;
	if (cp <= 0x8FF || (cp >= 0xFB1D && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFF) ||
	    (cp >= 0x10800 && cp <= 0x10FFF) || (cp >= 0x1E800 && cp <= 0x1EFFF) ||
	    cp == 0x200F || cp == 0x202B || cp == 0x202E || cp == 0x2067)
		return FRIBIDI_IS_RTL(fribidi_get_bidi_type(cp)) || FRIBIDI_IS_ARABIC(fribidi_get_bidi_type(cp)) ||
		       fribidi_get_bidi_type(cp) == FRIBIDI_TYPE_NSM;
	return false;
}

void font_bidi_forget(font_bidi *b)
{
	if (!b)
		return;
	for (size_t i = 0; i < WIDTH_CACHE; i++) {
		free(b->cache[i].text);
		b->cache[i].text = NULL;
	}
}

bool font_text_rtl(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	for (size_t i = 0; i < len;) {
		if (p[i] < 0xD6) {   /* below U+0580 and every continuation byte */
			i++;
			continue;
		}
		if (font_bidi_rtl(next_code(p, len, &i)))
			return true;
	}
	return false;
}

void font_bidi_free(font_bidi *b)
{
	if (!b)
		return;
	free(b->cp);
	free(b->at);
	free(b->type);
	free(b->bracket);
	free(b->level);
	free(b->u);
	free(b->g);
	for (size_t i = 0; i < WIDTH_CACHE; i++)
		free(b->cache[i].text);
	if (b->hb)
		hb_buffer_destroy(b->hb);
	free(b);
}

static font_bidi *bidi_of(font_set *fs, size_t n)
{
	if (!fs->bidi) {
		fs->bidi = xcalloc(1, sizeof *fs->bidi);
		fs->bidi->hb = hb_buffer_create();
	}
	font_bidi *b = fs->bidi;
	if (b->cap < n + 1) {
		b->cap = n + 64;
		b->cp = xrealloc(b->cp, b->cap * sizeof *b->cp);
		b->at = xrealloc(b->at, b->cap * sizeof *b->at);
		b->type = xrealloc(b->type, b->cap * sizeof *b->type);
		b->bracket = xrealloc(b->bracket, b->cap * sizeof *b->bracket);
		b->level = xrealloc(b->level, b->cap * sizeof *b->level);
	}
	if (b->cap_u < n + 1) {
		b->cap_u = n + 64;
		b->u = xrealloc(b->u, b->cap_u * sizeof *b->u);
	}
	return b;
}

static bool is_r(FriBidiCharType t)
{
	return t == FRIBIDI_TYPE_RTL || t == FRIBIDI_TYPE_AL;
}

/* Follows a run over the marks and joiners after it (they shape with their letter). */
static size_t marks_after(const font_bidi *b, size_t k, size_t end)
{
	while (k < end && (b->type[k] == FRIBIDI_TYPE_NSM || b->type[k] == FRIBIDI_TYPE_BN))
		k++;
	return k;
}

/* Cuts characters [i, j) of one word (no space) into units. */
static size_t cut_word(font_set *fs, int f, font_bidi *b, size_t i, size_t j, size_t n)
{
	bool rtl = false;
	for (size_t k = i; k < j && !rtl; k++)
		rtl = font_bidi_rtl(b->cp[k]);
	if (!rtl) {
		FriBidiLevel lv = b->level[i];
		for (size_t k = i + 1; k < j; k++)
			if (b->level[k] < lv)
				lv = b->level[k];
		b->u[n++] = (bidi_unit){ .a = i, .b = j, .kind = U_LTR, .level = lv };
		return n;
	}
	for (size_t k = i; k < j;) {
		size_t e = k + 1;
		uint8_t kind = U_LTR, face = 0;
		if (is_r(b->type[k]) && b->cp[k] <= 0xFFFF) {
			kind = U_RTL;
			face = (uint8_t)font_pick(fs, f, b->cp[k]);
			for (;;) {
				e = marks_after(b, e, j);
				if (e < j && is_r(b->type[e]) && b->cp[e] <= 0xFFFF &&
				    font_pick(fs, f, b->cp[e]) == face)
					e++;
				else
					break;
			}
		} else if (b->type[k] == FRIBIDI_TYPE_LTR) {
			for (;;) {
				e = marks_after(b, e, j);
				if (e < j && b->type[e] == FRIBIDI_TYPE_LTR)
					e++;
				else
					break;
			}
		} else {
			e = marks_after(b, e, j);
		}
		b->u[n++] = (bidi_unit){ .a = k, .b = e, .kind = kind, .face = face, .part = k > i,
		                         .level = b->level[k] };
		k = e;
	}
	return n;
}

/* Room for m more glyphs in *buf after n. */
static void room(font_glyph **buf, size_t *cap, size_t n, size_t m)
{
	if (n + m + 1 > *cap) {
		*cap = 2 * (n + m) + 16;
		*buf = xrealloc(*buf, *cap * sizeof **buf);
	}
}

static int16_t clamp16(long v)
{
	return (int16_t)(v < -2000 ? -2000 : v > 2000 ? 2000 : v);
}

/* The face's glyph-to-code map (font_private.h), made on its first right-to-left run:
 * the code points its cmap has (the (3,1) table libharu draws by), each asked of HarfBuzz
 * for its glyph. */
static const uint16_t *codes_of(font_face *fc)
{
	if (!fc->code_of) {
		fc->n_glyphs = hb_face_get_glyph_count(fc->face);
		fc->code_of = xcalloc(fc->n_glyphs + 1, sizeof *fc->code_of);
		for (unsigned c = 0x20; c < 0x10000; c++) {
			hb_codepoint_t g;
			if ((fc->ttf->has[c >> 3] >> (c & 7) & 1) && hb_font_get_nominal_glyph(fc->font, c, &g) &&
			    g < fc->n_glyphs && !fc->code_of[g])
				fc->code_of[g] = (uint16_t)c;
		}
	}
	return fc->code_of;
}

/* A right-to-left run shaped by HarfBuzz, its glyphs in visual order. Each glyph is
 * drawn by the code point the cmap gives it, with its advance from the width table; what
 * HarfBuzz moved beyond that (GPOS, a mark's offset) goes into the kerns between. A
 * glyph no code point reaches (an unencoded ligature) makes the whole run unshaped: its
 * letters in their nominal forms, right to left. */
static size_t shape_rtl(font_set *fs, int f, font_bidi *b, const bidi_unit *u, font_glyph **buf,
                        size_t *cap, size_t n)
{
	font_face *fc = &fs->face[u->face];
	const font_ttf *t = fc->ttf;
	hb_buffer_t *hb = b->hb;
	hb_buffer_clear_contents(hb);
	hb_buffer_add_utf32(hb, b->cp + u->a, (int)(u->b - u->a), 0, (int)(u->b - u->a));
	hb_buffer_set_direction(hb, HB_DIRECTION_RTL);
	hb_buffer_guess_segment_properties(hb);
	hb_shape(fc->font, hb, NULL, 0);
	unsigned ng;
	hb_glyph_info_t *info = hb_buffer_get_glyph_infos(hb, &ng);
	hb_glyph_position_t *pos = hb_buffer_get_glyph_positions(hb, NULL);
	const uint16_t *code_of = codes_of(fc);
	bool ok = ng > 0;
	for (unsigned i = 0; i < ng && ok; i++)
		ok = info[i].codepoint < fc->n_glyphs && code_of[info[i].codepoint];
	if (!ok) {
		room(buf, cap, n, u->b - u->a);
		for (size_t k = u->b; k-- > u->a;)
			(*buf)[n++] = (font_glyph){ .code = (uint16_t)b->cp[k],
			                            .face = (uint8_t)font_pick(fs, f, b->cp[k]) };
		return n;
	}
	room(buf, cap, n, ng);
	long pend = 0;   /* 1/1000 em the pen is to move beyond the last glyph's advance */
	long upem = (long)t->upem;
	for (unsigned i = 0; i < ng; i++) {
		uint16_t code = code_of[info[i].codepoint];
		long off = (long)pos[i].x_offset * 1000 / upem;
		long adv = (long)pos[i].x_advance * 1000 / upem;
		(*buf)[n++] = (font_glyph){ .code = code, .face = u->face, .kern = clamp16(pend + off) };
		pend = adv - (long)t->width[code] - off;
	}
	return n;
}

/* A bracket alone on an odd level shows its mirror image, if that draws as wide. */
static void mirror(const font_set *fs, font_glyph *g)
{
	FriBidiChar m;
	if (!fribidi_get_mirror_char(g->code, &m) || m > 0xFFFF)
		return;
	const font_ttf *t = fs->face[g->face].ttf;
	if ((t->has[m >> 3] >> (m & 7) & 1) && t->width[m] == t->width[g->code])
		g->code = (uint16_t)m;
}

/* The levels of the text (base direction rtl or left to right) and its units, in
 * logical order, in fs->bidi. Returns the number of units. */
static size_t analyse(font_set *fs, int f, const char *s, size_t len, bool rtl)
{
	font_bidi *b = bidi_of(fs, len);
	const unsigned char *p = (const unsigned char *)s;
	size_t nc = 0;
	for (size_t i = 0; i < len;) {
		b->at[nc] = i;
		b->cp[nc++] = next_code(p, len, &i);
	}
	b->at[nc] = len;
	fribidi_get_bidi_types(b->cp, (FriBidiStrIndex)nc, b->type);
	fribidi_get_bracket_types(b->cp, (FriBidiStrIndex)nc, b->type, b->bracket);
	FriBidiParType dir = rtl ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
	if (!fribidi_get_par_embedding_levels_ex(b->type, b->bracket, (FriBidiStrIndex)nc, &dir, b->level))
		memset(b->level, rtl, nc * sizeof *b->level);   /* out of memory: one run */
	size_t nu = 0;
	for (size_t i = 0; i < nc;) {
		if (b->cp[i] == ' ') {
			b->u[nu++] = (bidi_unit){ .a = i, .b = i + 1, .kind = U_LTR, .level = b->level[i] };
			i++;
			continue;
		}
		size_t j = i;
		while (j < nc && b->cp[j] != ' ')
			j++;
		nu = cut_word(fs, f, b, i, j, nu);
		i = j;
	}
	return nu;
}

bool font_bidi_levels(font_set *fs, const char *s, size_t len, unsigned char *level)
{
	if (!font_text_rtl(s, len))
		return false;
	if (!level)
		return true;
	size_t nu = analyse(fs, LF_REGULAR, s, len, false);
	const font_bidi *b = fs->bidi;
	for (size_t k = 0; k < nu; k++) {
		size_t a = b->at[b->u[k].a];
		memset(level + a, (unsigned char)b->u[k].level, b->at[b->u[k].b] - a);
		if (b->u[k].part)   /* measured alone it would kern with its neighbour */
			level[a] |= FONT_BIDI_APART;
	}
	return true;
}

size_t font_bidi_shape(font_set *fs, int f, const char *s, size_t len, bool rtl, font_glyph **buf,
                       size_t *cap)
{
	size_t nu = analyse(fs, f, s, len, rtl);
	font_bidi *b = fs->bidi;
	/* rule L2: from the highest level to the lowest odd one, reverse every run of units
	 * at that level or higher */
	int hi = 0, lo_odd = 1000;
	for (size_t k = 0; k < nu; k++) {
		if (b->u[k].level > hi)
			hi = b->u[k].level;
		if ((b->u[k].level & 1) && b->u[k].level < lo_odd)
			lo_odd = b->u[k].level;
	}
	for (int lv = hi; lv >= lo_odd && lv > 0; lv--)
		for (size_t k = 0; k < nu;) {
			if (b->u[k].level < lv) {
				k++;
				continue;
			}
			size_t e = k;
			while (e < nu && b->u[e].level >= lv)
				e++;
			for (size_t x = k, y = e - 1; x < y; x++, y--) {
				bidi_unit tmp = b->u[x];
				b->u[x] = b->u[y];
				b->u[y] = tmp;
			}
			k = e;
		}
	size_t n = 0;
	for (size_t k = 0; k < nu; k++) {
		const bidi_unit *u = &b->u[k];
		if (u->kind == U_RTL) {
			n = shape_rtl(fs, f, b, u, buf, cap, n);
			continue;
		}
		size_t bytes = b->at[u->b] - b->at[u->a];
		room(buf, cap, n, bytes);
		size_t m = font_shape_ltr(fs, f, s + b->at[u->a], bytes, *buf + n);
		if ((u->level & 1) && m == 1)
			mirror(fs, *buf + n);
		n += m;
	}
	return n;
}

long font_bidi_width(font_set *fs, int f, const char *s, size_t len)
{
	font_bidi *b = bidi_of(fs, len);
	uint64_t h = 1469598103934665603ull ^ (uint64_t)f;   /* FNV-1a */
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
	width_entry *e = &b->cache[h % WIDTH_CACHE];
	if (e->text && e->len == len && e->face == f && !memcmp(e->text, s, len))
		return e->width;
	font_glyph *g = b->g;
	size_t cap = b->cap_g;
	size_t n = font_bidi_shape(fs, f, s, len, false, &g, &cap);
	b = fs->bidi;
	b->g = g;
	b->cap_g = cap;
	long sum = 0;
	for (size_t i = 0; i < n; i++)
		sum += (long)fs->face[g[i].face].ttf->width[g[i].code] + g[i].kern;
	e = &b->cache[h % WIDTH_CACHE];
	free(e->text);
	e->text = NULL;   /* an out-of-memory unwind in xmalloc leaves no dangling entry */
	char *copy = xmalloc(len + 1);
	memcpy(copy, s, len);
	copy[len] = '\0';
	e->text = copy;
	e->len = len;
	e->face = f;
	e->width = sum;
	return sum;
}
