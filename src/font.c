/* SPDX-License-Identifier: Apache-2.0 */
/* font.c - a font set: the three styles and the fallback, their widths, kerning pairs
 * shaped by HarfBuzz once and cached, and the layout's metrics on top of them. */
#include "font_private.h"
#include "arena.h"
#include "diag.h"
#include <errno.h>
#include <limits.h>
#include <hb.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void say(char *why, size_t why_len, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void say(char *why, size_t why_len, const char *fmt, ...)
{
	if (!why || !why_len)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(why, why_len, fmt, ap);
	va_end(ap);
}

/* A bare file name is in dir; a path (with a '/') is taken as it is. */
static char *join(const char *dir, const char *file)
{
	if (strchr(file, '/'))
		return xstrdup(file);
	size_t a = strlen(dir), b = strlen(file);
	char *p = xmalloc(a + b + 2);
	memcpy(p, dir, a);
	p[a] = '/';
	memcpy(p + a + 1, file, b + 1);
	return p;
}

font_files font_files_default(const char *dir)
{
	return (font_files){ .dir = dir,
	                     .file = { "OpenSans-Regular.ttf", "OpenSans-Bold.ttf", "OpenSans-Italic.ttf" },
	                     .fallback = "DejaVuSans.ttf",
	                     .fallback_style = { NULL, "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf" },
	                     .hyph_dic = "hyph_sv_SE.dic",
	                     .hyph_extra = "hyph_sv_extra.txt" };
}

/* A TrueType (glyf) font with the tables the widths need: 0, or -1 and why. */
static int load_face(font_face *fc, const char *path, char *why, size_t why_len)
{
	fc->path = xstrdup(path);
	FILE *f = fopen(path, "rb");
	if (!f) {
		say(why, why_len, "typsnittet %s kan inte läsas: %s", path, diag_strerror(errno));
		return -1;
	}
	unsigned char magic[4] = {0};
	size_t n = fread(magic, 1, 4, f);
	fclose(f);
	if (n != 4 || (memcmp(magic, "\0\1\0\0", 4) && memcmp(magic, "true", 4))) {
		say(why, why_len, "typsnittet %s är inget TrueType-typsnitt (glyf)", path);
		return -1;
	}
	fc->ttf = xmalloc(sizeof *fc->ttf);   /* font_ttf_load fills the tables */
	fc->ttf->supp_cp = NULL;             /* free_face's if the load fails early */
	fc->ttf->supp_gid = NULL;
	if (font_ttf_load(path, fc->ttf) != 0) {
		say(why, why_len, "typsnittet %s saknar tabeller för teckenbredder (cmap 3/1)", path);
		return -1;
	}
	fc->blob = hb_blob_create_from_file_or_fail(path);
	if (!fc->blob) {
		say(why, why_len, "typsnittet %s kan inte läsas av HarfBuzz", path);
		return -1;
	}
	fc->lat = xmalloc(65536 * sizeof *fc->lat);
	for (size_t i = 0; i < 65536; i++)
		fc->lat[i] = LAT_UNKNOWN;
	fc->face = hb_face_create(fc->blob, 0);
	fc->font = hb_font_create(fc->face);
	hb_font_set_scale(fc->font, (int)fc->ttf->upem, (int)fc->ttf->upem);
	return 0;
}

static void free_face(font_face *fc)
{
	if (fc->font)
		hb_font_destroy(fc->font);
	if (fc->face)
		hb_face_destroy(fc->face);
	if (fc->blob)
		hb_blob_destroy(fc->blob);
	font_ttf_free(fc->ttf);
	free(fc->path);
	free(fc->lat);
	free(fc->map.key);
	free(fc->map.val);
	free(fc->code_of);
	memset(fc, 0, sizeof *fc);
}

/* ---- kerning ---- */

/* Shapes the pair (a, b) alone: kerning on, no substitutions (the content stream
 * addresses glyphs by code point, so a ligature could not be drawn). The pair's
 * adjustment is what HarfBuzz changed of the two advances, in 1/1000 em. */
static int16_t shape_pair(font_set *fs, font_face *fc, unsigned a, unsigned b)
{
	hb_codepoint_t ga, gb;
	if (!hb_font_get_nominal_glyph(fc->font, a, &ga) || !hb_font_get_nominal_glyph(fc->font, b, &gb))
		return 0;
	hb_buffer_clear_contents(fs->buf);
	uint32_t cps[2] = { a, b };
	hb_buffer_add_utf32(fs->buf, cps, 2, 0, 2);
	hb_buffer_guess_segment_properties(fs->buf);
	hb_buffer_set_direction(fs->buf, HB_DIRECTION_LTR);
	hb_shape(fc->font, fs->buf, fs->feat, sizeof fs->feat / sizeof *fs->feat);
	unsigned n;
	hb_glyph_info_t *info = hb_buffer_get_glyph_infos(fs->buf, &n);
	hb_glyph_position_t *pos = hb_buffer_get_glyph_positions(fs->buf, NULL);
	if (n != 2 || info[0].codepoint != ga || info[1].codepoint != gb)
		return 0;
	long d = (long)pos[0].x_advance - hb_font_get_glyph_h_advance(fc->font, ga)
	       + (long)pos[1].x_advance - hb_font_get_glyph_h_advance(fc->font, gb);
	double k = round((double)d * 1000.0 / (double)fc->ttf->upem);
	return (int16_t)(k < -2000 ? -2000 : k > 2000 ? 2000 : k);
}

static int16_t map_kern(font_set *fs, font_face *fc, unsigned a, unsigned b)
{
	kern_map *m = &fc->map;
	uint64_t key = ((uint64_t)a << 21 | b) + 1;
	if (m->cap) {
		for (size_t i = (size_t)(key * 0x9E3779B97F4A7C15ull >> 40) & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
			if (m->key[i] == key)
				return m->val[i];
			if (!m->key[i])
				break;
		}
	}
	int16_t v = shape_pair(fs, fc, a, b);
	if (2 * (m->n + 1) > m->cap) {
		size_t cap = m->cap ? 2 * m->cap : 1024;
		uint64_t *k = xcalloc(cap, sizeof *k);
		int16_t *vv = xcalloc(cap, sizeof *vv);
		for (size_t i = 0; i < m->cap; i++)
			if (m->key[i]) {
				size_t j = (size_t)(m->key[i] * 0x9E3779B97F4A7C15ull >> 40) & (cap - 1);
				while (k[j])
					j = (j + 1) & (cap - 1);
				k[j] = m->key[i];
				vv[j] = m->val[i];
			}
		free(m->key);
		free(m->val);
		m->key = k;
		m->val = vv;
		m->cap = cap;
	}
	size_t i = (size_t)(key * 0x9E3779B97F4A7C15ull >> 40) & (m->cap - 1);
	while (m->key[i])
		i = (i + 1) & (m->cap - 1);
	m->key[i] = key;
	m->val[i] = v;
	m->n++;
	return v;
}

/* Kerning between a and b drawn one after the other in face fc, 1/1000 em. */
static inline int kern(font_set *fs, font_face *fc, unsigned a, unsigned b)
{
	if (a == ' ' || b == ' ')
		return 0;   /* word widths then add up to line widths exactly */
	if ((a | b) < 256) {
		int16_t *v = &fc->lat[a << 8 | b];
		if (*v == LAT_UNKNOWN)
			*v = shape_pair(fs, fc, a, b);
		return *v;
	}
	return map_kern(fs, fc, a, b);
}

/* ---- characters ---- */

/* A character above U+FFFF: the face (the style's, else the fallback) that has it and
 * its Private Use Area code there (font_ttf.h); else a space in the style's face. */
/* The fallback face of style f (< LF_MAX): its own is read on first use; one that
 * cannot be read leaves the regular fallback in its place. */
static int fallback_of(font_set *fs, int f)
{
	if (fs->fb_path[f]) {
		char *path = fs->fb_path[f];
		fs->fb_path[f] = NULL;
		if (load_face(&fs->face[FONT_FALLBACK + f], path, NULL, 0) == 0)
			fs->fb[f] = (uint8_t)(FONT_FALLBACK + f);
		else
			free_face(&fs->face[FONT_FALLBACK + f]);
		free(path);
	}
	return fs->fb[f];
}

static unsigned pick_supp(font_set *fs, int f, unsigned cp, int *face)
{
	int code = fs->face[f].ttf ? font_ttf_supp_code(fs->face[f].ttf, cp) : -1;
	*face = f;
	if (code < 0 && fs->has_fallback && f < LF_MAX) {
		int fb = fallback_of(fs, f);
		code = font_ttf_supp_code(fs->face[fb].ttf, cp);
		if (code < 0 && fb != FONT_FALLBACK)
			code = font_ttf_supp_code(fs->face[fb = FONT_FALLBACK].ttf, cp);
		if (code >= 0)
			*face = fb;
	}
	return code >= 0 ? (unsigned)code : ' ';
}

static inline bool face_has(const font_face *fc, unsigned cp)
{
	return fc->ttf && (fc->ttf->has[cp >> 3] >> (cp & 7) & 1);
}

static inline int pick(font_set *fs, int f, unsigned cp)
{
	if (face_has(&fs->face[f], cp) || !fs->has_fallback || f >= LF_MAX)
		return f;
	int fb = fallback_of(fs, f);
	if (face_has(&fs->face[fb], cp))
		return fb;
	return fb != FONT_FALLBACK && face_has(&fs->face[FONT_FALLBACK], cp) ? FONT_FALLBACK : f;
}

int font_pick(font_set *fs, int f, unsigned cp)
{
	return pick(fs, f, cp);
}

/* The loop of font_shape_ltr; with rtl, SIZE_MAX at the first right-to-left character
 * (the whole text goes to font_bidi.c then). */
static inline __attribute__((always_inline)) size_t shape_ltr(font_set *fs, int f, const char *s,
                                                              size_t len, font_glyph *out, bool rtl)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = 0;
	int prev_face = -1;
	unsigned prev = 0;
	for (size_t i = 0; i < len;) {
		unsigned cp = next_code(p, len, &i);
		int fc;
		if (cp >= 0x590 && rtl && font_bidi_rtl(cp))
			return SIZE_MAX;
		if (cp > 0xFFFF)
			cp = pick_supp(fs, f, cp, &fc);
		else
			fc = pick(fs, f, cp);
		int k = fc == prev_face ? kern(fs, &fs->face[fc], prev, cp) : 0;
		out[n++] = (font_glyph){ .code = (uint16_t)cp, .face = (uint8_t)fc, .kern = (int16_t)k };
		prev_face = fc;
		prev = cp;
	}
	return n;
}

size_t font_shape_ltr(font_set *fs, int f, const char *s, size_t len, font_glyph *out)
{
	return shape_ltr(fs, f, s, len, out, false);
}

size_t font_shape(font_set *fs, enum lay_font f, const char *s, size_t len, font_glyph **buf,
                  size_t *cap)
{
	return font_shape_dir(fs, f, s, len, false, buf, cap);
}

size_t font_shape_dir(font_set *fs, enum lay_font f, const char *s, size_t len, bool rtl,
                      font_glyph **buf, size_t *cap)
{
	if ((unsigned)f >= LF_MAX)
		f = LF_REGULAR;
	if (*cap < len + 1) {
		*cap = len + 16;
		*buf = xrealloc(*buf, *cap * sizeof **buf);
	}
	size_t n = rtl ? SIZE_MAX : shape_ltr(fs, (int)f, s, len, *buf, true);
	return n != SIZE_MAX ? n : font_bidi_shape(fs, (int)f, s, len, rtl, buf, cap);
}

/* The loop of font_width_ltr; with rtl, LONG_MIN at the first right-to-left character. */
static inline __attribute__((always_inline)) long width_ltr(font_set *fs, int f, const char *s,
                                                            size_t len, bool rtl)
{
	const unsigned char *p = (const unsigned char *)s;
	long sum = 0;
	int prev_face = -1;
	unsigned prev = 0;
	font_face *pf = &fs->face[f];
	for (size_t i = 0; i < len;) {
		unsigned cp = p[i];
		int fc;
		if (cp >= 0x20 && cp < 0x7F && face_has(pf, cp)) {   /* the common case */
			i++;
			fc = f;
		} else {
			cp = next_code(p, len, &i);
			if (rtl && cp >= 0x590 && font_bidi_rtl(cp))
				return LONG_MIN;
			if (cp > 0xFFFF)
				cp = pick_supp(fs, f, cp, &fc);
			else
				fc = pick(fs, f, cp);
		}
		font_face *face = &fs->face[fc];
		sum += face->ttf->width[cp];
		if (fc == prev_face)
			sum += kern(fs, face, prev, cp);
		prev_face = fc;
		prev = cp;
	}
	return sum;
}

long font_width_ltr(font_set *fs, int f, const char *s, size_t len)
{
	return width_ltr(fs, f, s, len, false);
}

long font_width(font_set *fs, enum lay_font f, const char *s, size_t len)
{
	if ((unsigned)f >= LF_MAX)
		f = LF_REGULAR;
	long w = width_ltr(fs, (int)f, s, len, true);
	return w != LONG_MIN ? w : font_bidi_width(fs, (int)f, s, len);
}

unsigned font_advance(const font_set *fs, int face, unsigned code)
{
	if (face < 0 || face >= FONT_FACES || !fs->face[face].ttf)
		face = LF_REGULAR;
	return fs->face[face].ttf->width[code & 0xFFFF];
}

bool font_set_has(const font_set *fs, unsigned long cp)
{
	for (int f = 0; f < FONT_FACES; f++) {
		if (!fs->face[f].ttf)
			continue;
		if (cp > 0xFFFF ? font_ttf_supp_code(fs->face[f].ttf, (uint32_t)cp) >= 0
		                : face_has(&fs->face[f], (unsigned)cp))
			return true;
	}
	return false;
}

/* ---- the layout's metrics ---- */

static double m_width(void *ctx, enum lay_font f, double size, const char *s, size_t len)
{
	if (!s || !len)
		return 0;
	return (double)font_width(ctx, f, s, len) * size / 1000.0;
}

static size_t m_hyph(void *ctx, const char *w, size_t len, size_t *at, bool *joint, size_t max)
{
	font_set *fs = ctx;
	if (!fs->hyph_tried) {   /* libhyphen's parse is ~10 ms: not for documents without */
		fs->hyph_tried = true;
		fs->hyph = fs->hyph_dic ? font_hyph_new(fs->hyph_dic, fs->hyph_extra) : NULL;
	}
	return fs->hyph ? font_hyph_word(fs->hyph, w, len, at, joint, max) : 0;
}

static bool m_bidi(void *ctx, const char *s, size_t len, unsigned char *level)
{
	return font_bidi_levels(ctx, s, len, level);
}

static bool file_exists(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (f)
		fclose(f);
	return f != NULL;
}

font_set *font_set_new(const font_files *files, char *why, size_t why_len)
{
	font_set *fs = xcalloc(1, sizeof *fs);
	const char *dir = files->dir ? files->dir : ".";
	for (int f = 0; f < LF_MAX; f++) {
		char *path = join(dir, files->file[f]);
		int rc = load_face(&fs->face[f], path, why, why_len);
		free(path);
		if (rc != 0) {
			font_set_free(fs);
			return NULL;
		}
	}
	if (files->fallback) {
		char *path = join(dir, files->fallback);
		if (file_exists(path)) {
			if (load_face(&fs->face[FONT_FALLBACK], path, why, why_len) != 0) {
				free(path);
				font_set_free(fs);
				return NULL;
			}
			fs->has_fallback = true;
		}
		free(path);
	}
	for (int f = 0; f < LF_MAX; f++) {
		fs->fb[f] = FONT_FALLBACK;
		if (!fs->has_fallback || f == LF_REGULAR || !files->fallback_style[f])
			continue;
		char *path = join(dir, files->fallback_style[f]);
		if (file_exists(path))
			fs->fb_path[f] = path;   /* read when a character first needs it */
		else
			free(path);
	}
	if (files->hyph_dic) {
		fs->hyph_dic = join(dir, files->hyph_dic);
		fs->hyph_extra = files->hyph_extra ? join(dir, files->hyph_extra) : NULL;
	}
	fs->buf = hb_buffer_create();
	static const char *const feats[] = { "kern", "-liga", "-clig", "-calt", "-dlig" };
	for (size_t i = 0; i < sizeof feats / sizeof *feats; i++)
		hb_feature_from_string(feats[i], -1, &fs->feat[i]);
	fs->metrics = (lay_metrics){ .ctx = fs, .width = m_width,
	                             .ascent = fs->face[LF_REGULAR].ttf->ascent / 1000.0,
	                             .descent = -fs->face[LF_REGULAR].ttf->descent / 1000.0,
	                             .hyphenate = m_hyph, .bidi_levels = m_bidi };
	return fs;
}

void font_set_free(font_set *fs)
{
	if (!fs)
		return;
	for (int f = 0; f < FONT_FACES; f++)
		free_face(&fs->face[f]);
	for (int f = 0; f < LF_MAX; f++)
		free(fs->fb_path[f]);
	if (fs->buf)
		hb_buffer_destroy(fs->buf);
	font_hyph_free(fs->hyph);
	font_bidi_free(fs->bidi);
	free(fs->hyph_dic);
	free(fs->hyph_extra);
	free(fs);
}

const char *font_set_path(const font_set *fs, int face)
{
	if (face < 0 || face >= FONT_FACES || !fs->face[face].ttf)
		return NULL;
	return fs->face[face].path;
}

const font_ttf *font_set_ttf(const font_set *fs, int face)
{
	return face >= 0 && face < FONT_FACES ? fs->face[face].ttf : NULL;
}

void font_set_drop_supp(font_set *fs, int face)
{
	if (face >= 0 && face < FONT_FACES && fs->face[face].ttf)
		fs->face[face].ttf->n_supp = 0;
	font_bidi_forget(fs->bidi);
}

const lay_metrics *font_set_metrics(font_set *fs)
{
	return &fs->metrics;
}
