/* SPDX-License-Identifier: Apache-2.0 */
/* pdf_draw.c - turns a page's display items (text, rectangles, lines, status markers,
 * images, links) into its content stream (pdf_ops.c), every item inside the marked
 * content of its structure element (BDC with its MCID) or of its artifact kind; images
 * and links through libharu; and adds the bookmarks. */
#include "pdf_private.h"
#include "img.h"
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* zlib level of the page contents: level 1 deflates this kind of content (short
 * operators, repeated numbers) about twice as fast as libharu's level 6, for some
 * 13 % more bytes (docs/performance.md). */
enum { PDF_DEFLATE_LEVEL = 1 };

char *pdf_bmp_only(const char *s, size_t len)
{
	char *out = xmalloc(len + 1);
	size_t o = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0xF0) {
			/* a 4-byte sequence: one character above U+FFFF becomes one space */
			out[o++] = ' ';
			while (i + 1 < len && ((unsigned char)s[i + 1] & 0xC0) == 0x80)
				i++;
		} else if (c < 0x20 || c == 0x7F) {
			out[o++] = ' ';
		} else {
			out[o++] = (char)c;
		}
	}
	out[o] = '\0';
	return out;
}

/* What the page's content stream has set so far: repeats are left out. Text state
 * (font, size) is part of the graphics state and outlives BT/ET. */
typedef struct pdf_canvas {
	pdf_writer *w;
	HPDF_Page page;
	pdf_ops *ops;                  /* this page's bytes, handed to libharu at the end */
	bool have_fill, have_stroke;
	lay_rgb fill, stroke;
	long long line_width;          /* thousandths of a point; < 0: not set yet */
	int font;                      /* -1: no Tf yet */
	long long size;                /* thousandths of a point */
	const char *font_res[FONT_FACES];  /* the page's resource names, got on first use */
	long long tx, ty;              /* start of the current text line (Td is relative) */
	bool failed;                   /* a font could not be got or registered */
	pdf_tags *tags;
	const lay_result *r;
	size_t pi;                     /* page index */
	bool marked;                   /* a marked-content sequence is open */
	int mark;                      /* its element, or PDF_TAG_ARTIFACT(kind) */
} pdf_canvas;

static const char *const artifact_props[LART_MAX] = {
	[LART_LAYOUT] = "/Artifact<</Type/Layout>>BDC\n",
	[LART_PAGE] = "/Artifact<</Type/Pagination>>BDC\n",
	[LART_HEADER] = "/Artifact<</Type/Pagination/Subtype/Header>>BDC\n",
	[LART_FOOTER] = "/Artifact<</Type/Pagination/Subtype/Footer>>BDC\n",
	[LART_WATERMARK] = "/Artifact<</Type/Pagination/Subtype/Watermark>>BDC\n",
};

/* Ends the open marked-content sequence (never between BT and ET unless it began
 * there: draw_texts). */
static void mark_end(pdf_canvas *c)
{
	if (c->marked)
		pdf_ops_raw(c->ops, "EMC\n");
	c->marked = false;
}

/* Opens the marked content of key (an element or an artifact kind) unless it is open:
 * consecutive items of one element share one MCID. */
static void mark_as(pdf_canvas *c, int key)
{
	if (c->marked && c->mark == key)
		return;
	mark_end(c);
	if (key < 0) {
		pdf_ops_raw(c->ops, artifact_props[-1 - key]);
	} else {
		pdf_ops_raw(c->ops, "/");
		pdf_ops_raw(c->ops, c->tags->node[key].type);
		pdf_ops_raw(c->ops, "<</MCID ");
		pdf_ops_uint(c->ops, (unsigned)pdf_tags_mcid(c->tags, c->pi, key));
		pdf_ops_raw(c->ops, ">>BDC\n");
	}
	c->marked = true;
	c->mark = key;
}

static void mark_item(pdf_canvas *c, const dl_item *it)
{
	mark_as(c, pdf_tags_item(c->tags, c->r, it));
}

static bool same_rgb(lay_rgb a, lay_rgb b)
{
	return a.r == b.r && a.g == b.g && a.b == b.b;
}

static void fill_rgb(pdf_canvas *c, lay_rgb col)
{
	if (c->have_fill && same_rgb(c->fill, col))
		return;
	pdf_ops_rgb(c->ops, col, " rg\n");
	c->have_fill = true;
	c->fill = col;
}

static void stroke_rgb(pdf_canvas *c, lay_rgb col)
{
	if (c->have_stroke && same_rgb(c->stroke, col))
		return;
	pdf_ops_rgb(c->ops, col, " RG\n");
	c->have_stroke = true;
	c->stroke = col;
}

static void line_width(pdf_canvas *c, double w)
{
	long long m = pdf_ops_milli(w);
	if (c->line_width == m)
		return;
	pdf_ops_milli_num(c->ops, m);
	pdf_ops_raw(c->ops, " w\n");
	c->line_width = m;
}

/* ctx is the HPDF_Font (a pointer) the text is drawn in. */
static void mark_glyph(void *ctx, unsigned cp)
{
	pdf_harux_use_glyph((HPDF_Font)ctx, cp);
}

/* "/F1 9 Tf" when font or size change; the font resource is got once per page. */
static bool set_font(pdf_canvas *c, int f, double size)
{
	long long m = pdf_ops_milli(size);
	if (f == c->font && m == c->size)
		return true;
	if (!c->font_res[f]) {
		HPDF_Font font = pdf_font(c->w, f);
		c->font_res[f] = font ? pdf_harux_font_resource(c->page, font) : NULL;
		if (!c->font_res[f]) {
			c->failed = true;
			return false;
		}
	}
	pdf_ops_raw(c->ops, "/");
	pdf_ops_raw(c->ops, c->font_res[f]);
	pdf_ops_milli_num(c->ops, m);
	pdf_ops_raw(c->ops, " Tf\n");
	c->font = f;
	c->size = m;
	return true;
}

/* Shows n glyphs at the current point: one Tf per change of face, kerns as TJ numbers. */
static bool draw_glyphs(pdf_canvas *c, const font_glyph *g, size_t n, double size)
{
	for (size_t a = 0; a < n;) {
		size_t b = a + 1;
		while (b < n && g[b].face == g[a].face)
			b++;
		int f = g[a].face;
		if (!set_font(c, f, size))
			return false;
		pdf_ops_glyphs(c->ops, g + a, b - a, c->w->used[f], mark_glyph, c->w->font[f]);
		a = b;
	}
	return true;
}

/* True for an item that puts no mark on the page (it gets no marked content). */
static bool draws_nothing(const dl_item *it)
{
	switch (it->kind) {
	case DL_RECT: return !it->fill && !(it->line_width > 0);
	case DL_LINE: return !(it->line_width > 0);
	case DL_MARKER: return !(it->w > 0);
	case DL_IMAGE: return !it->text;
	case DL_LINK: return true;
	case DL_TEXT: return !it->text || !*it->text || !(it->size > 0);
	}
	return true;
}

/* The element (or artifact kind) of each drawn item of the run of DL_TEXT items from
 * i, into w->keys[j - i]: one pdf_tags_item call per item, as it creates Link and loose
 * elements. Returns the index after the run. */
static size_t text_run_keys(pdf_canvas *c, const dl_page *dp, size_t i)
{
	size_t n = i;
	while (n < dp->n_items && dp->items[n].kind == DL_TEXT)
		n++;
	pdf_writer *w = c->w;
	if (n - i > w->cap_keys) {
		w->cap_keys = n - i + 16;
		w->keys = xrealloc(w->keys, w->cap_keys * sizeof *w->keys);
	}
	for (size_t j = i; j < n; j++)
		if (!draws_nothing(&dp->items[j]))
			w->keys[j - i] = pdf_tags_item(c->tags, c->r, &dp->items[j]);
	return n;
}

static bool hyphenated(const dl_item *it)
{
	return it->hyphen && strlen(it->text) > 1;
}

/* The index after the items from..to-1 that continue the open sequence (same element,
 * no hyphen); from if none does. run is the run's first item (keys' origin). */
static size_t continuing(const pdf_canvas *c, const dl_page *dp, size_t run, size_t from,
                         size_t to)
{
	if (!c->marked || c->mark < 0)
		return from;
	size_t j = from;
	for (; j < to; j++) {
		const dl_item *it = &dp->items[j];
		if (draws_nothing(it))
			continue;
		if (c->w->keys[j - run] != c->mark || hyphenated(it))
			break;
	}
	return j;
}

/* The key every drawn item of from..to-1 shares, or MIXED when they differ or a hyphen
 * (an artifact) interrupts them. */
enum { MIXED = INT_MIN };
static int one_key(const pdf_canvas *c, const dl_page *dp, size_t run, size_t from, size_t to)
{
	int one = MIXED;
	for (size_t j = from; j < to; j++) {
		const dl_item *it = &dp->items[j];
		if (draws_nothing(it))
			continue;
		int k = c->w->keys[j - run];
		if ((one != MIXED && k != one) || hyphenated(it))
			return MIXED;
		one = k;
	}
	return one;
}

/* Draws items from..to-1 (all DL_TEXT) in one text object. The items of one element are
 * inside its marked content, which may begin before and go on after the text object (a
 * chart's bars and labels are one sequence); mixed items have a sequence per element
 * inside BT/ET, as marked content may hold whole text objects but never straddle BT or
 * ET. */
static void text_object(pdf_canvas *c, const dl_page *dp, size_t run, size_t from, size_t to)
{
	int one = one_key(c, dp, run, from, to);
	if (one != MIXED)
		mark_as(c, one);
	else
		mark_end(c);
	pdf_ops_raw(c->ops, "BT\n");
	c->tx = c->ty = 0;   /* BT starts at the origin */
	for (size_t i = from; i < to && !c->failed; i++) {
		const dl_item *it = &dp->items[i];
		if (draws_nothing(it))
			continue;   /* a zero font size would show nothing */
		int f = (unsigned)it->font < LF_MAX ? (int)it->font : LF_REGULAR;
		fill_rgb(c, it->color);
		long long x = pdf_ops_milli(it->x), y = pdf_ops_milli(it->y);
		pdf_ops_milli_num(c->ops, x - c->tx);
		pdf_ops_milli_num(c->ops, y - c->ty);
		pdf_ops_raw(c->ops, " Td\n");
		c->tx = x;
		c->ty = y;
		if (one == MIXED)
			mark_as(c, c->w->keys[i - run]);
		size_t len = strlen(it->text);
		bool hyphen = hyphenated(it);
		/* the same characters, faces and kerns the layout measured (font.h) */
		size_t n = font_shape(c->w->fonts, (enum lay_font)f, it->text, len, &c->w->glyphs,
		                      &c->w->cap_glyphs);
		if (!draw_glyphs(c, c->w->glyphs, hyphen ? n - 1 : n, it->size))
			break;
		if (it->space_after) {   /* no ink: the word boundary for text from the tags */
			font_glyph sp = { .code = ' ', .face = (uint8_t)f };
			if (!draw_glyphs(c, &sp, 1, it->size))
				break;
		}
		if (hyphen) {   /* drawn right after the word (its kern too), but not spoken */
			mark_as(c, PDF_TAG_ARTIFACT(LART_LAYOUT));
			if (!draw_glyphs(c, c->w->glyphs + n - 1, 1, it->size))
				break;
		}
	}
	if (one == MIXED)
		mark_end(c);
	pdf_ops_raw(c->ops, "ET\n");
}

/* The start of the last texts of from..to-1 if they begin a chart (a Figure's first
 * labels, whose bars follow the run), else to. */
static size_t figure_tail(const pdf_canvas *c, const dl_page *dp, size_t run, size_t from,
                          size_t to)
{
	int key = MIXED;
	size_t j = to;
	for (; j > from; j--) {
		const dl_item *it = &dp->items[j - 1];
		if (draws_nothing(it))
			continue;
		int k = c->w->keys[j - 1 - run];
		if (hyphenated(it) || (key != MIXED && k != key))
			break;
		key = k;
	}
	if (key < 0 || strcmp(c->tags->node[key].type, "Figure") != 0)
		return to;
	return j;
}

/* Draws a run of consecutive DL_TEXT items. The texts that continue the open sequence
 * (a chart's last label before its caption) and those that begin a chart get text
 * objects of their own, so that a chart is one marked-content sequence; the rest is one
 * text object. Returns the index after the run (after a failure c->failed ends the
 * page's loop). */
static size_t draw_texts(pdf_canvas *c, const dl_page *dp, size_t i)
{
	size_t end = text_run_keys(c, dp, i);
	size_t head = continuing(c, dp, i, i, end);
	if (head > i && head < end)
		text_object(c, dp, i, i, head);
	else
		head = i;
	size_t tail = figure_tail(c, dp, i, head, end);
	if (tail > head)
		text_object(c, dp, i, head, tail);
	if (tail < end)
		text_object(c, dp, i, tail, end);
	return end;
}

static void nums(pdf_canvas *c, double a, double b)
{
	pdf_ops_num(c->ops, a);
	pdf_ops_num(c->ops, b);
}

static void draw_rect(pdf_canvas *c, const dl_item *it)
{
	bool stroke = it->line_width > 0;
	if (!it->fill && !stroke)
		return;
	if (it->fill)
		fill_rgb(c, it->fill_color);
	if (stroke) {
		stroke_rgb(c, it->color);
		line_width(c, it->line_width);
	}
	nums(c, it->x, it->y);
	nums(c, it->w, it->h);
	pdf_ops_raw(c->ops, it->fill && stroke ? " re B\n" : it->fill ? " re f\n" : " re S\n");
}

/* line_width 0 means no stroke (lay.h): such a line is not drawn. */
static void draw_line(pdf_canvas *c, const dl_item *it)
{
	if (it->line_width <= 0)
		return;
	stroke_rgb(c, it->color);
	line_width(c, it->line_width);
	if (it->dash > 0) {   /* a dash pattern for this line only, then solid again */
		long long d = pdf_ops_milli((double)(long)(it->dash + 0.5));
		pdf_ops_raw(c->ops, "q\n[");
		pdf_ops_milli_num(c->ops, d);
		pdf_ops_milli_num(c->ops, d);
		pdf_ops_raw(c->ops, "] 0 d\n");
	}
	nums(c, it->x, it->y);
	pdf_ops_raw(c->ops, " m");
	nums(c, it->x + it->w, it->y + it->h);
	pdf_ops_raw(c->ops, " l S\n");
	if (it->dash > 0)
		pdf_ops_raw(c->ops, "Q\n");
}

static void polygon(pdf_canvas *c, const double (*pt)[2], size_t n, double x, double y)
{
	for (size_t i = 0; i < n; i++) {
		nums(c, x + pt[i][0], y + pt[i][1]);
		pdf_ops_raw(c->ops, i == 0 ? " m" : " l");
	}
	pdf_ops_raw(c->ops, " b\n");   /* close, fill and stroke */
}

/* MODEL v2 part 2 (issue 13): a pentagon, hexagon or five-pointed star around (x, y),
 * point up, corners on radius r (the star's inner ones at 0.45 r). */
static void regular_shape(pdf_canvas *c, enum lay_shape shape, double x, double y, double r)
{
	double pt[10][2];
	size_t n = shape == LS_HEXAGON ? 6 : shape == LS_STAR ? 10 : 5;
	for (size_t i = 0; i < n; i++) {
		double a = 1.5707963267948966 + 6.283185307179586 * (double)i / (double)n;
		double rr = shape == LS_STAR && (i % 2) ? r * 0.45 : r;
		pt[i][0] = rr * cos(a);
		pt[i][1] = rr * sin(a);
	}
	polygon(c, (const double (*)[2])pt, n, x, y);
}

/* A circle as four Bézier quarters (the usual 0.5523 control distance). */
static void circle(pdf_canvas *c, double x, double y, double r)
{
	double k = r * 0.5523;
	nums(c, x - r, y);
	pdf_ops_raw(c->ops, " m");
	const double q[4][6] = {
		{x - r, y + k, x - k, y + r, x, y + r}, {x + k, y + r, x + r, y + k, x + r, y},
		{x + r, y - k, x + k, y - r, x, y - r}, {x - k, y - r, x - r, y - k, x - r, y},
	};
	for (int i = 0; i < 4; i++) {
		nums(c, q[i][0], q[i][1]);
		nums(c, q[i][2], q[i][3]);
		nums(c, q[i][4], q[i][5]);
		pdf_ops_raw(c->ops, " c");
	}
	pdf_ops_raw(c->ops, " b\n");
}

/* Status markers differ in shape as well as colour; the outline is the same colour
 * darkened, so that light yellow still shows on white. Joins stay mitred, the PDF
 * default, which nothing on the page changes. */
static void draw_marker(pdf_canvas *c, const dl_item *it)
{
	double r = it->w / 2;
	if (r <= 0)
		return;
	lay_rgb dark = {(unsigned char)(it->color.r * 6 / 10), (unsigned char)(it->color.g * 6 / 10),
	                (unsigned char)(it->color.b * 6 / 10)};
	fill_rgb(c, it->color);
	stroke_rgb(c, dark);
	line_width(c, r > 4 ? 0.5 : r / 8);
	double s = r * 0.82;   /* square and diamond a little smaller: same visual weight */
	const double tri[3][2] = {{0, r}, {-r * 0.94, -r * 0.72}, {r * 0.94, -r * 0.72}};
	const double sq[4][2] = {{-s, -s}, {s, -s}, {s, s}, {-s, s}};
	const double dia[4][2] = {{0, r}, {r, 0}, {0, -r}, {-r, 0}};
	switch (it->shape) {
	case LS_TRIANGLE: polygon(c, tri, 3, it->x, it->y); break;
	case LS_SQUARE: polygon(c, sq, 4, it->x, it->y); break;
	case LS_DIAMOND: polygon(c, dia, 4, it->x, it->y); break;
	case LS_PENTAGON: case LS_HEXAGON: case LS_STAR:   /* MODEL v2 part 2 (issue 13) */
		regular_shape(c, it->shape, it->x, it->y, r);
		break;
	case LS_CIRCLE:
	default: circle(c, it->x, it->y, r); break;
	}
}

void pdf_images_free(pdf_images *img)
{
	free(img->use);
	memset(img, 0, sizeof *img);
}

/* The scale that fits iw x ih into the item's box keeping the aspect ratio (a kommun's
 * logo is never stretched); 0 when either is empty. */
static double fit_scale(double iw, double ih, const dl_item *it)
{
	return iw > 0 && ih > 0 ? (it->w / iw < it->h / ih ? it->w / iw : it->h / ih) : 0;
}

/* Draws the image as large as fits in the item's box: aligned horizontally as the item
 * says, centred vertically. iw x ih is the picture's own size (before downsampling),
 * so the placement never depends on it. */
static int draw_image_fitted(pdf_canvas *c, HPDF_Image im, double iw, double ih,
                             const dl_item *it)
{
	const char *name = pdf_harux_image_resource(c->page, im);
	if (!name)
		return -1;
	double scale = fit_scale(iw, ih, it);
	double dw = scale > 0 ? iw * scale : it->w, dh = scale > 0 ? ih * scale : it->h;
	double dx = it->align == LA_RIGHT ? it->w - dw : it->align == LA_CENTER ? (it->w - dw) / 2 : 0;
	pdf_ops_raw(c->ops, "q\n");
	nums(c, dw, 0);
	nums(c, 0, dh);
	nums(c, it->x + dx, it->y + (it->h - dh) / 2);
	pdf_ops_raw(c->ops, " cm\n/");
	pdf_ops_raw(c->ops, name);
	pdf_ops_raw(c->ops, " Do\nQ\n");
	return 0;
}

/* The pixels a drawn length of pt points needs at IMG_DRAW_DPI; 0 (no downsampling)
 * for an empty or absurd length rather than an out-of-range conversion. */
static uint32_t box_pixels(double pt)
{
	double px = ceil(pt * IMG_DRAW_DPI / 72.0);
	return px >= 1 && px < 1e9 ? (uint32_t)px : 0;
}

/* The picture as an image XObject with at most the pixels its box needs at
 * IMG_DRAW_DPI (a 6000-pixel logo in a 140 pt box becomes 584 pixels wide). Only
 * pixels the validation decoded and checked reach libharu, never a file. */
static HPDF_Image load_image(pdf_writer *w, pdf_images *img, const img_image *src,
                             const dl_item *it, char *why, size_t why_len)
{
	double scale = fit_scale(src->width, src->height, it);
	uint32_t max_w = box_pixels(src->width * scale), max_h = box_pixels(src->height * scale);
	for (size_t i = 0; i < img->n; i++)
		if (img->use[i].src == src && img->use[i].max_w == max_w && img->use[i].max_h == max_h)
			return img->use[i].image;
	img_image *small = img_fit(src, max_w, max_h);
	const img_image *px = small ? small : src;
	HPDF_Image im = HPDF_LoadRawImageFromMem(w->doc, px->pixels, px->width, px->height,
	                                         HPDF_CS_DEVICE_RGB, 8);
	img_free(small);   /* libharu copied the pixels into its stream */
	if (!im) {
		snprintf(why, why_len, "bilden %s kunde inte läggas in i PDF:en (libharu fel 0x%04X)",
		         it->text, (unsigned)HPDF_GetError(w->doc));
		return NULL;
	}
	if (img->n == img->cap) {
		img->cap = img->cap ? img->cap * 2 : 4;
		img->use = xrealloc(img->use, img->cap * sizeof *img->use);
	}
	img->use[img->n++] = (pdf_image_use){src, max_w, max_h, im};
	return im;
}

/* "Driftredovisning, sida 21": what a screen reader says for the link. */
static char *link_contents(const dl_item *it)
{
	const char *t = it->text && *it->text ? it->text : "Länk";
	size_t n = strlen(t) + 32;
	char *s = xmalloc(n);
	snprintf(s, n, "%s, sida %d", t, it->target_page);
	char *clean = pdf_bmp_only(s, strlen(s));
	free(s);
	return clean;
}

static int draw_link(pdf_canvas *c, HPDF_Page *pages, size_t n_pages, const dl_item *it)
{
	HPDF_Page page = c->page;
	if (it->target_page < 1 || (size_t)it->target_page > n_pages)
		return 0;   /* a dangling link is left out rather than failing the document */
	HPDF_Destination dst = HPDF_Page_CreateDestination(pages[it->target_page - 1]);
	/* FitH: libharu 2.3.0 refuses XYZ with zoom 0 ("keep the zoom"). */
	HPDF_Destination_SetFitH(dst, (HPDF_REAL)it->target_y);
	HPDF_Rect rect = {(HPDF_REAL)it->x, (HPDF_REAL)it->y, (HPDF_REAL)(it->x + it->w),
	                  (HPDF_REAL)(it->y + it->h)};
	HPDF_Annotation a = HPDF_Page_CreateLinkAnnot(page, rect, dst);
	if (!a)
		return -1;
	HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
	int node = pdf_tags_item(c->tags, c->r, it);
	if (node < 0)   /* a link is never an artifact: a Link element of its own */
		node = pdf_tags_item(c->tags, c->r, &(dl_item){ .role = ROLE_TOC_ITEM, .block = -1 });
	int key = pdf_tags_annot(c->tags, c->pi, node, a);
	char *contents = link_contents(it);
	int rc = pdf_harux_annot_print(a);
	if (rc == 0)
		rc = pdf_harux_annot_tag(c->w->doc, a, key, contents);
	free(contents);
	return rc;
}

static int draw_image(pdf_canvas *c, pdf_images *img, const dl_item *it, char *why,
                      size_t why_len)
{
	if (!it->text)
		return 0;
	const img_image *src = img_list_find(img->source, it->text);
	if (!src) {
		snprintf(why, why_len, "bilden %s har inte kontrollerats vid valideringen och ritas "
		         "inte", it->text);
		return -1;
	}
	HPDF_Image im = load_image(c->w, img, src, it, why, why_len);
	if (!im)
		return -1;
	if (draw_image_fitted(c, im, src->width, src->height, it) != 0) {
		snprintf(why, why_len, "PDF:en kunde inte skapas: bilden %s kunde inte läggas på sidan",
		         it->text);
		return -1;
	}
	return 0;
}

static int draw_one(pdf_canvas *c, HPDF_Page *pages, size_t n_pages, const dl_item *it,
                    pdf_images *img, char *why, size_t why_len)
{
	switch (it->kind) {
	case DL_RECT: draw_rect(c, it); return 0;
	case DL_LINE: draw_line(c, it); return 0;
	case DL_MARKER: draw_marker(c, it); return 0;
	case DL_LINK: return draw_link(c, pages, n_pages, it);
	case DL_IMAGE: return draw_image(c, img, it, why, why_len);
	case DL_TEXT: break;   /* handled in runs by pdf_draw_page */
	}
	return 0;
}

int pdf_draw_page(pdf_writer *w, HPDF_Page *pages, const lay_result *r, size_t pi,
                  pdf_tags *tags, pdf_images *img, char *why, size_t why_len)
{
	size_t i = 0, n_pages = r->n_pages;
	const dl_page *dp = &r->pages[pi];
	w->ops.len = 0;
	pdf_canvas c = {.w = w, .page = pages[pi], .ops = &w->ops, .line_width = -1, .font = -1,
	                .tags = tags, .r = r, .pi = pi};
	while (i < dp->n_items && !c.failed) {
		if (dp->items[i].kind == DL_TEXT) {
			i = draw_texts(&c, dp, i);
			continue;
		}
		if (!draws_nothing(&dp->items[i]))
			mark_item(&c, &dp->items[i]);
		if (draw_one(&c, pages, n_pages, &dp->items[i], img, why, why_len) != 0) {
			if (!*why)
				snprintf(why, why_len, "PDF:en kunde inte skapas: en länk kunde inte skapas");
			return -1;
		}
		i++;
	}
	mark_end(&c);
	const unsigned char *z = NULL;
	size_t z_len = 0;
	if (c.failed || pdf_zip_run(&w->zip, &w->ops, PDF_DEFLATE_LEVEL, &z, &z_len) != 0
	    || pdf_harux_set_content(c.page, z, z_len) != 0) {
		snprintf(why, why_len, "PDF:en kunde inte skapas: sidans innehåll kunde inte skrivas");
		return -1;
	}
	return 0;
}

/* Bookmarks: each one nests under the nearest preceding bookmark of a lower level. */
int pdf_draw_outline(pdf_writer *w, HPDF_Page *pages, size_t n_pages, const lay_result *r)
{
	enum { MAX_DEPTH = 16 };
	HPDF_Outline parent[MAX_DEPTH + 1] = {0};
	HPDF_Encoder utf8 = HPDF_GetEncoder(w->doc, "UTF-8");
	for (size_t i = 0; i < r->n_outline; i++) {
		const dl_outline *o = &r->outline[i];
		if (!o->title || o->page < 1 || (size_t)o->page > n_pages)
			continue;
		int level = o->level < 1 ? 1 : o->level > MAX_DEPTH ? MAX_DEPTH : o->level;
		HPDF_Outline up = NULL;
		for (int l = level - 1; l >= 1 && !up; l--)
			up = parent[l];
		char *title = pdf_bmp_only(o->title, strlen(o->title));
		HPDF_Outline ol = HPDF_CreateOutline(w->doc, up, title, utf8);
		free(title);
		if (!ol)
			return -1;
		HPDF_Destination dst = HPDF_Page_CreateDestination(pages[o->page - 1]);
		HPDF_Destination_SetFitH(dst, (HPDF_REAL)o->y);
		HPDF_Outline_SetDestination(ol, dst);
		parent[level] = ol;
		for (int l = level + 1; l <= MAX_DEPTH; l++)
			parent[l] = NULL;   /* a new level-1 closes the old level-2 chain */
	}
	return 0;
}
