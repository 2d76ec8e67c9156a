/* pdf_draw.c - draws display-list items (text, rectangles, lines, status markers,
 * images, links) and the bookmarks through libharu's public page API. */
#include "pdf_private.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

static HPDF_REAL ch(unsigned char c)
{
	return (HPDF_REAL)(c / 255.0);
}

/* The colours and line width last set on the page: each libharu setter costs some
 * 3 000 instructions (it clears a 512-byte buffer byte by byte), so skip repeats. */
typedef struct pdf_gstate {
	HPDF_Page page;
	bool have_fill, have_stroke;
	lay_rgb fill, stroke;
	double line_width;         /* < 0: unknown */
} pdf_gstate;

static bool same_rgb(lay_rgb a, lay_rgb b)
{
	return a.r == b.r && a.g == b.g && a.b == b.b;
}

static void fill_rgb(pdf_gstate *g, lay_rgb c)
{
	if (g->have_fill && same_rgb(g->fill, c))
		return;
	HPDF_Page_SetRGBFill(g->page, ch(c.r), ch(c.g), ch(c.b));
	g->have_fill = true;
	g->fill = c;
}

static void stroke_rgb(pdf_gstate *g, lay_rgb c)
{
	if (g->have_stroke && same_rgb(g->stroke, c))
		return;
	HPDF_Page_SetRGBStroke(g->page, ch(c.r), ch(c.g), ch(c.b));
	g->have_stroke = true;
	g->stroke = c;
}

static void line_width(pdf_gstate *g, double w)
{
	if (g->line_width == w)
		return;
	HPDF_Page_SetLineWidth(g->page, (HPDF_REAL)w);
	g->line_width = w;
}

/* Draws a run of consecutive DL_TEXT items in one text object, setting font and
 * colour only when they change. Returns the index after the run. */
static size_t draw_texts(pdf_writer *w, pdf_gstate *g, const dl_page *dp, size_t i)
{
	HPDF_Page page = g->page;
	HPDF_Page_BeginText(page);
	int cur_font = -1;
	double cur_size = -1;
	for (; i < dp->n_items && dp->items[i].kind == DL_TEXT; i++) {
		const dl_item *it = &dp->items[i];
		if (!it->text || !*it->text || !(it->size > 0))
			continue;   /* libharu refuses a zero font size; nothing would show */
		int f = (unsigned)it->font < LF_MAX ? (int)it->font : LF_REGULAR;
		if (f != cur_font || it->size != cur_size) {
			/* a NULL font (libharu failed) makes this call fail, and the page with it */
			HPDF_Page_SetFontAndSize(page, pdf_font(w, (enum lay_font)f), (HPDF_REAL)it->size);
			cur_font = f;
			cur_size = it->size;
		}
		fill_rgb(g, it->color);
		char *clean = pdf_bmp_only(it->text, strlen(it->text));
		HPDF_Page_TextOut(page, (HPDF_REAL)it->x, (HPDF_REAL)it->y, clean);
		free(clean);
	}
	HPDF_Page_EndText(page);
	return i;
}

static void draw_rect(pdf_gstate *g, const dl_item *it)
{
	HPDF_Page page = g->page;
	bool stroke = it->line_width > 0;
	if (!it->fill && !stroke)
		return;
	if (it->fill)
		fill_rgb(g, it->fill_color);
	if (stroke) {
		stroke_rgb(g, it->color);
		line_width(g, it->line_width);
	}
	HPDF_Page_Rectangle(page, (HPDF_REAL)it->x, (HPDF_REAL)it->y, (HPDF_REAL)it->w,
	                    (HPDF_REAL)it->h);
	if (it->fill && stroke)
		HPDF_Page_FillStroke(page);
	else if (it->fill)
		HPDF_Page_Fill(page);
	else
		HPDF_Page_Stroke(page);
}

/* line_width 0 means no stroke (lay.h): such a line is not drawn. */
static void draw_line(pdf_gstate *g, const dl_item *it)
{
	HPDF_Page page = g->page;
	if (it->line_width <= 0)
		return;
	stroke_rgb(g, it->color);
	line_width(g, it->line_width);
	if (it->dash > 0) {   /* a dash pattern for this line only, then solid again */
		HPDF_UINT16 on_off[2] = {(HPDF_UINT16)(it->dash + 0.5), (HPDF_UINT16)(it->dash + 0.5)};
		HPDF_Page_GSave(page);
		HPDF_Page_SetDash(page, on_off, 2, 0);
	}
	HPDF_Page_MoveTo(page, (HPDF_REAL)it->x, (HPDF_REAL)it->y);
	HPDF_Page_LineTo(page, (HPDF_REAL)(it->x + it->w), (HPDF_REAL)(it->y + it->h));
	HPDF_Page_Stroke(page);
	if (it->dash > 0)
		HPDF_Page_GRestore(page);
}

static void polygon(HPDF_Page page, const double (*pt)[2], size_t n, double x, double y)
{
	HPDF_Page_MoveTo(page, (HPDF_REAL)(x + pt[0][0]), (HPDF_REAL)(y + pt[0][1]));
	for (size_t i = 1; i < n; i++)
		HPDF_Page_LineTo(page, (HPDF_REAL)(x + pt[i][0]), (HPDF_REAL)(y + pt[i][1]));
	HPDF_Page_ClosePathFillStroke(page);
}

/* Status markers differ in shape as well as colour; the outline is the same colour
 * darkened, so that light yellow still shows on white. */
static void draw_marker(pdf_gstate *g, const dl_item *it)
{
	HPDF_Page page = g->page;
	double r = it->w / 2;
	if (r <= 0)
		return;
	lay_rgb dark = {(unsigned char)(it->color.r * 6 / 10), (unsigned char)(it->color.g * 6 / 10),
	                (unsigned char)(it->color.b * 6 / 10)};
	fill_rgb(g, it->color);
	stroke_rgb(g, dark);
	line_width(g, r > 4 ? 0.5 : r / 8);
	HPDF_Page_SetLineJoin(page, HPDF_MITER_JOIN);
	double s = r * 0.82;   /* square and diamond a little smaller: same visual weight */
	const double tri[3][2] = {{0, r}, {-r * 0.94, -r * 0.72}, {r * 0.94, -r * 0.72}};
	const double sq[4][2] = {{-s, -s}, {s, -s}, {s, s}, {-s, s}};
	const double dia[4][2] = {{0, r}, {r, 0}, {0, -r}, {-r, 0}};
	switch (it->shape) {
	case LS_TRIANGLE: polygon(page, tri, 3, it->x, it->y); break;
	case LS_SQUARE: polygon(page, sq, 4, it->x, it->y); break;
	case LS_DIAMOND: polygon(page, dia, 4, it->x, it->y); break;
	case LS_CIRCLE:
	default:
		HPDF_Page_Circle(page, (HPDF_REAL)it->x, (HPDF_REAL)it->y, (HPDF_REAL)r);
		HPDF_Page_FillStroke(page);
		break;
	}
}

void pdf_images_free(pdf_images *img)
{
	free(img->path);
	free(img->image);
	memset(img, 0, sizeof *img);
}

/* PNG or JPEG by magic bytes, not by name. 0 = PNG, 1 = JPEG, -1 = other/unreadable. */
static int image_kind(const char *path, char *why, size_t why_len)
{
	unsigned char m[8] = {0};
	long n = pdf_read_head(path, m, sizeof m);
	if (n < 0) {
		snprintf(why, why_len, "bilden %s kan inte läsas: %s", path, diag_strerror(errno));
		return -1;
	}
	if (n == 8 && !memcmp(m, "\x89PNG\r\n\x1a\n", 8))
		return 0;
	if (n >= 3 && m[0] == 0xFF && m[1] == 0xD8 && m[2] == 0xFF)
		return 1;
	snprintf(why, why_len, "bilden %s är varken PNG eller JPEG", path);
	return -1;
}

/* Draws the image as large as fits in the item's box, keeping its aspect ratio (a
 * kommun's logo is never stretched): aligned horizontally as the item says, centred
 * vertically. */
static void draw_image_fitted(HPDF_Page page, HPDF_Image im, const dl_item *it)
{
	double iw = HPDF_Image_GetWidth(im), ih = HPDF_Image_GetHeight(im);
	double scale = iw > 0 && ih > 0 ? (it->w / iw < it->h / ih ? it->w / iw : it->h / ih) : 0;
	double dw = scale > 0 ? iw * scale : it->w, dh = scale > 0 ? ih * scale : it->h;
	double dx = it->align == LA_RIGHT ? it->w - dw : it->align == LA_CENTER ? (it->w - dw) / 2 : 0;
	HPDF_Page_DrawImage(page, im, (HPDF_REAL)(it->x + dx), (HPDF_REAL)(it->y + (it->h - dh) / 2),
	                    (HPDF_REAL)dw, (HPDF_REAL)dh);
}

static HPDF_Image load_image(pdf_writer *w, pdf_images *img, const char *path,
                             char *why, size_t why_len)
{
	for (size_t i = 0; i < img->n; i++)
		if (!strcmp(img->path[i], path))
			return img->image[i];
	int kind = image_kind(path, why, why_len);
	if (kind < 0)
		return NULL;
	HPDF_Image im = kind == 0 ? HPDF_LoadPngImageFromFile(w->doc, path)
	                          : HPDF_LoadJpegImageFromFile(w->doc, path);
	if (!im) {
		snprintf(why, why_len, "bilden %s kan inte läsas av libharu (fel 0x%04X)", path,
		         (unsigned)HPDF_GetError(w->doc));
		return NULL;
	}
	if (img->n == img->cap) {
		img->cap = img->cap ? img->cap * 2 : 4;
		img->path = xrealloc(img->path, img->cap * sizeof *img->path);
		img->image = xrealloc(img->image, img->cap * sizeof *img->image);
	}
	img->path[img->n] = path;   /* owned by the lay_result, which outlives the write */
	img->image[img->n++] = im;
	return im;
}

static int draw_link(HPDF_Page page, HPDF_Page *pages, size_t n_pages, const dl_item *it)
{
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
	return pdf_harux_annot_print(a);
}

static int draw_one(pdf_writer *w, pdf_gstate *g, HPDF_Page *pages, size_t n_pages,
                    const dl_item *it, pdf_images *img, char *why, size_t why_len)
{
	HPDF_Page page = g->page;
	switch (it->kind) {
	case DL_RECT: draw_rect(g, it); return 0;
	case DL_LINE: draw_line(g, it); return 0;
	case DL_MARKER: draw_marker(g, it); return 0;
	case DL_LINK: return draw_link(page, pages, n_pages, it);
	case DL_IMAGE: {
		HPDF_Image im = it->text ? load_image(w, img, it->text, why, why_len) : NULL;
		if (!im)
			return it->text ? -1 : 0;
		draw_image_fitted(page, im, it);
		return 0;
	}
	case DL_TEXT: break;   /* handled in runs by pdf_draw_page */
	}
	return 0;
}

int pdf_draw_page(pdf_writer *w, HPDF_Page page, HPDF_Page *pages, size_t n_pages,
                  const dl_page *dp, pdf_images *img, char *why, size_t why_len)
{
	size_t i = 0;
	pdf_gstate g = { .page = page, .line_width = -1 };
	while (i < dp->n_items) {
		if (dp->items[i].kind == DL_TEXT) {
			i = draw_texts(w, &g, dp, i);
			continue;
		}
		if (draw_one(w, &g, pages, n_pages, &dp->items[i], img, why, why_len) != 0) {
			if (!*why)
				snprintf(why, why_len, "PDF:en kunde inte skapas: en länk kunde inte skapas");
			return -1;
		}
		i++;
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
