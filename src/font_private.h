/* SPDX-License-Identifier: Apache-2.0 */
/* font_private.h - the font set's insides, shared by font.c (widths, kerning, fallback)
 * and font_bidi.c (right-to-left scripts: bidi reordering and HarfBuzz shaping). */
#ifndef SR_FONT_PRIVATE_H
#define SR_FONT_PRIVATE_H
#include "font.h"
#include <hb.h>

#define LAT_UNKNOWN INT16_MIN  /* a Latin-1 pair not shaped yet */

/* Kerning of pairs beyond Latin-1, open addressing. */
typedef struct kern_map {
	uint64_t *key;             /* (a << 21 | b) + 1; 0: empty */
	int16_t *val;
	size_t n, cap;             /* cap a power of two */
} kern_map;

typedef struct font_bidi font_bidi;

typedef struct font_face {
	char *path;
	font_ttf *ttf;
	hb_blob_t *blob;
	hb_face_t *face;
	hb_font_t *font;
	int16_t *lat;              /* pairs of Latin-1 code points, 256 x 256; LAT_UNKNOWN
	                            * until shaped */
	kern_map map;
	/* The smallest BMP code point (from U+0020) the cmap maps to each glyph, 0 for none:
	 * how a glyph HarfBuzz substituted (an Arabic joining form) is drawn. Built by
	 * font_bidi.c on the face's first right-to-left run. */
	uint16_t *code_of;
	unsigned n_glyphs;
} font_face;

struct font_set {
	font_face face[FONT_FACES];
	bool has_fallback;
	/* The fallback face of each style: its own (bold, oblique), loaded on the first
	 * character that needs it, or the regular one */
	uint8_t fb[LF_MAX];
	char *fb_path[LF_MAX];     /* the style's own fallback file, until loaded or failed */
	hb_buffer_t *buf;
	hb_feature_t feat[5];
	font_hyph *hyph;
	font_bidi *bidi;           /* font_bidi.c's buffers, made on the first RTL text */
	char *hyph_dic, *hyph_extra;   /* read on the first word that needs them */
	bool hyph_tried;
	lay_metrics metrics;
};

/* One UTF-8 character at s[*i] (advancing *i), as the content stream gets it: what
 * cannot be drawn (above U+FFFF, C0 controls, malformed bytes, surrogates) is a space. */
static inline unsigned next_code(const unsigned char *s, size_t len, size_t *i)
{
	unsigned c = s[(*i)++];
	if (c < 0x80)
		return c < 0x20 || c == 0x7F ? ' ' : c;
	int more = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : -1;
	if (more < 0)
		return ' ';
	unsigned cp = c & (0x3Fu >> more);
	for (int k = 0; k < more; k++) {
		if (*i >= len || (s[*i] & 0xC0) != 0x80)
			return ' ';
		cp = (cp << 6) | (s[(*i)++] & 0x3Fu);
	}
	if (more == 3)
		return cp >= 0x10000 && cp <= 0x10FFFF ? cp : ' ';   /* mapped by pick_supp */
	bool drawable = cp >= 0x20 && (cp < 0xD800 || cp > 0xDFFF);
	return drawable ? cp : ' ';
}

/* The left-to-right path (font.c): every character in its face, kerned; what
 * font_shape and font_width do for text without a right-to-left character. A string
 * with one makes them hand the whole text to font_bidi.c. */
size_t font_shape_ltr(font_set *fs, int f, const char *s, size_t len, font_glyph *out);
long font_width_ltr(font_set *fs, int f, const char *s, size_t len);
/* The face of f (the style's, or the fallback) that draws BMP code point cp. */
int font_pick(font_set *fs, int f, unsigned cp);

/* font_bidi.c: text with a right-to-left character (font_bidi_rtl). */
bool font_bidi_rtl(unsigned cp);
size_t font_bidi_shape(font_set *fs, int f, const char *s, size_t len, bool rtl, font_glyph **buf,
                       size_t *cap);
/* lay_metrics.bidi_levels */
#define FONT_BIDI_APART LAY_BIDI_APART
bool font_bidi_levels(font_set *fs, const char *s, size_t len, unsigned char *level);
long font_bidi_width(font_set *fs, int f, const char *s, size_t len);
void font_bidi_free(font_bidi *b);
/* Forgets the widths measured so far (a face's widths changed: font_set_drop_supp). */
void font_bidi_forget(font_bidi *b);
#endif
