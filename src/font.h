/* SPDX-License-Identifier: Apache-2.0 */
/* font.h - the fonts as the layout and the PDF writer both see them, without libharu:
 * advance widths from the TrueType tables (font_ttf.c), kerning from HarfBuzz (GPOS or
 * kern, one pair shaped once and cached), the fallback font for characters the bundled
 * fonts lack (font.c), and Swedish hyphenation with libhyphen (font_hyph.c). The layout
 * measures through font_set_metrics; the writer draws what font_shape says, so the
 * measured width of a run is exactly its drawn advance. */
#ifndef SR_FONT_H
#define SR_FONT_H
#include "lay.h"
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Advance widths of one font, in 1/1000 em exactly as libharu computes them, per BMP
 * code point, and which code points its (3,1) cmap maps to a glyph. */
typedef struct font_ttf {
	uint16_t width[65536];
	uint8_t has[65536 / 8];
	unsigned upem;
	int ascent, descent;               /* 1/1000 em, descent negative (hhea) */
	/* Characters above U+FFFF (cmap format 12), sorted, drawn with the Private Use Area
	 * codes supp_base + k the font leaves free (the PDF's codes have two bytes). */
	uint32_t *supp_cp;
	uint16_t *supp_gid;
	size_t n_supp;
	uint16_t supp_base;
} font_ttf;

#define FONT_SUPP_MAX 4096

/* The code drawn for cp (above U+FFFF) in t, or -1 when t lacks it. */
int font_ttf_supp_code(const font_ttf *t, uint32_t cp);
/* Frees t (font_ttf_load's arrays too; t itself was xmalloc'd by the caller). */
void font_ttf_free(font_ttf *t);

/* Reads path's tables into t. Returns 0, or -1 when the file is unreadable or lacks a
 * table libharu needs. */
int font_ttf_load(const char *path, font_ttf *t);
/* Advance of len bytes of UTF-8 in 1/1000 em, unkerned, this font only: characters
 * above U+FFFF and C0 controls count as spaces. */
unsigned long font_ttf_width(const font_ttf *t, const char *s, size_t len);

/* Faces of a font set: the three styles, then the fallback (DejaVu Sans), which draws
 * what a style's font lacks, in the style's own weight and slant when the set has that
 * face of it (FONT_FALLBACK + the style: DejaVu Sans Bold, DejaVu Sans Oblique); what
 * such a face lacks too comes from the regular fallback. */
enum { FONT_FALLBACK = LF_MAX, FONT_FACES = FONT_FALLBACK + LF_MAX };

/* The files of a font set: dir/regular, dir/bold, dir/italic, and the fallback (NULL or
 * a missing file: no fallback). A name with a '/' is a path of its own (a layout's
 * fonts); a bare name is in dir. */
typedef struct font_files {
	const char *dir;
	const char *file[LF_MAX];
	const char *fallback;
	/* The fallback's bold and oblique faces (index LF_BOLD, LF_ITALIC; NULL or a missing
	 * file: the regular fallback draws those styles) */
	const char *fallback_style[LF_MAX];
	const char *hyph_dic;              /* in dir; NULL or missing: no hyphenation */
	const char *hyph_extra;            /* exceptions and compound parts, in dir */
} font_files;

/* The defaults: Open Sans, DejaVu Sans (Book, Bold, Oblique), hyph_sv_SE.dic and
 * hyph_sv_extra.txt in dir. */
font_files font_files_default(const char *dir);

typedef struct font_set font_set;

/* Loads the fonts. NULL with a Swedish reason naming the file when a style's font is
 * missing or unusable (no TrueType glyf font, no Unicode cmap). */
font_set *font_set_new(const font_files *files, char *why, size_t why_len);
void font_set_free(font_set *fs);
/* The file of a face (absolute or relative to the working directory), NULL for a
 * fallback face the set does not have. */
const char *font_set_path(const font_set *fs, int face);
/* Measuring for the layout: width (kerned, fallback included), ascent, descent and
 * hyphenation. Valid as long as fs. Not thread-safe (the caches grow): one set per
 * session. */
const lay_metrics *font_set_metrics(font_set *fs);

/* The width tables of a face (NULL: no such face). */
const font_ttf *font_set_ttf(const font_set *fs, int face);
/* After a writer failed to give a face's characters above U+FFFF to libharu: they
 * are measured and drawn as spaces from then on. */
void font_set_drop_supp(font_set *fs, int face);

/* True when any face of the set (the three styles or the fallback) draws cp. */
bool font_set_has(const font_set *fs, unsigned long cp);

/* One drawn character: the code written to the content stream (a BMP code point:
 * what cannot be drawn is a space), the face that draws it and the kerning before it
 * in 1/1000 em (0 at a face change, next to a space and for the first character). */
typedef struct font_glyph {
	uint16_t code;
	uint8_t face;
	int16_t kern;
} font_glyph;

/* The characters of len bytes of UTF-8 in style f, into *buf (grown with xrealloc, *cap
 * entries). Returns their number. */
size_t font_shape(font_set *fs, enum lay_font f, const char *s, size_t len, font_glyph **buf,
                  size_t *cap);
/* True when len bytes of UTF-8 hold a right-to-left character: font_shape gives their
 * glyphs in visual order (UAX #9 with a left-to-right base), shaped (font_bidi.c). */
bool font_text_rtl(const char *s, size_t len);
/* The same for a run the layout found to be right to left (dl_item.rtl: an odd level of
 * its line, lay_metrics.bidi_levels): ordered with a right-to-left base direction. Its
 * advance is the same (font_width). */
size_t font_shape_dir(font_set *fs, enum lay_font f, const char *s, size_t len, bool rtl,
                      font_glyph **buf, size_t *cap);
/* Advance of the same text in 1/1000 em: the sum of the widths and kerns font_shape
 * gives. */
long font_width(font_set *fs, enum lay_font f, const char *s, size_t len);
/* Advance of one code in a face, 1/1000 em. */
unsigned font_advance(const font_set *fs, int face, unsigned code);

/* ---- font_hyph.c: Swedish hyphenation ---- */
typedef struct font_hyph font_hyph;

/* Loads a libhyphen dictionary (ISO-8859-1) and the list of exceptions and compound
 * parts (UTF-8, docs/layout-engine.md). NULL when the dictionary cannot be read. */
font_hyph *font_hyph_new(const char *dic, const char *extra);
void font_hyph_free(font_hyph *h);
/* Where a hyphen may go inside a word of len bytes of UTF-8: byte offsets, ascending,
 * at most max, each with joint[k] set when it is the joint of a compound. None for a
 * word with a character the dictionary cannot encode (Sami letters), with a digit, or
 * shorter than five letters. At least 2 letters before and 3 after every break. */
size_t font_hyph_word(const font_hyph *h, const char *w, size_t len, size_t *at, bool *joint,
                      size_t max);
#endif
