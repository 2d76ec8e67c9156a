/* SPDX-License-Identifier: Apache-2.0 */
/* valid_font.h - which characters the embedded fonts can draw, from their cmap tables,
 * so that validation warns (with the place) about every character that would come out
 * as a box: CJK, Hangul, Arabic, Hebrew inside the BMP, not only above U+FFFF. */
#ifndef SR_VALID_FONT_H
#define SR_VALID_FONT_H
#include "diag.h"
#include "model.h"
#include <stdbool.h>
#include <stddef.h>

/* One bit per BMP code point: set when every one of the fonts maps it to a glyph. */
typedef struct font_cover {
	unsigned char bits[0x10000 / 8];
	/* above U+FFFF: what the fallback font draws (cmap format 12), sorted */
	unsigned long supp[4096];
	size_t n_supp;
} font_cover;

/* Reads the cmap of each of the n TrueType files (format 4 or 12, Unicode) into one
 * cover: a character counts only when all of them have it (any style may draw it).
 * NULL with a Swedish reason in why when a file cannot be read or has no Unicode cmap.
 * Caller frees with free(). */
font_cover *valid_font_cover(const char *const *paths, size_t n, char *why, size_t why_len);
/* Adds every character the TrueType file at path maps (the fallback font draws what the
 * styles lack). False when it cannot be read; c is unchanged then. */
bool valid_font_cover_add(font_cover *c, const char *path);
bool valid_font_has(const font_cover *c, unsigned long cp);
/* D_CHAR_FONT for every BMP character of the document's texts that the cover lacks
 * (none of the styles and not the fallback): once per text and character, at most 8 per
 * text. Characters above U+FFFF are D_CHAR_BMP's (valid_text.c, which asks
 * valid_font_has too). */
void valid_font_chars(const sr_model *m, const font_cover *c, diag_sink *d);
/* D_CHAR_BMP for every character above U+FFFF of the texts that c lacks (valid_text.c;
 * valid_check_fonts runs it with the other text checks). */
void valid_supp_chars(const sr_model *m, diag_sink *d, const font_cover *c);
/* The document's D_CHAR_FONT and D_CHAR_BMP, found against the bundled fonts when it was
 * read, replaced by those against c: the fonts a layout names (issue 16), then the
 * fallback. */
void valid_font_chars_again(const sr_model *m, const font_cover *c, diag_sink *d);
#endif
