/* SPDX-License-Identifier: Apache-2.0 */
/* html_blk.c - blocks as semantic HTML5: headings in order, paragraphs with strong and
 * em, lists, real tables (caption, th scope, numbers in class "tal", a focusable
 * scrolling region per table), status markers as hidden inline SVG beside their word,
 * charts as inline SVG with their alt text and data table, pictures as figure/img. */
#include "html_private.h"
#include "img.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* A number for SVG: at most two decimals, no trailing zeros ("12.5", "3"), exactly as
 * printf's "%.2f" rounds (the same bytes as ever). The charts have thousands of
 * coordinates, so the usual case is done by hand: printf only for a value whose
 * hundredths lie within a hair of a rounding tie, or that is very large. */
static void num(sb *b, double v)
{
	if (!isfinite(v))
		v = 0;
	double x = fabs(v) * 100, r = floor(x);
	char t[64];
	if (x < 1e9 && fabs(x - r - 0.5) > 1e-6) {
		unsigned long long h = (unsigned long long)r + (x - r > 0.5);
		char *e = t + sizeof t;
		*--e = '\0';
		unsigned long long whole = h / 100;
		unsigned cents = (unsigned)(h % 100);
		if (cents) {
			if (cents % 10)
				*--e = (char)('0' + cents % 10);
			*--e = (char)('0' + cents / 10);
			*--e = '.';
		}
		do
			*--e = (char)('0' + whole % 10);
		while ((whole /= 10) > 0);
		if (v < 0 && h)
			*--e = '-';
		sb_puts(b, e);
		return;
	}
	snprintf(t, sizeof t, "%.2f", v);
	char *e = t + strlen(t);
	while (e > t && e[-1] == '0')
		*--e = '\0';
	if (e > t && e[-1] == '.')
		*--e = '\0';
	sb_puts(b, strcmp(t, "-0") == 0 ? "0" : t);
}

static void hex(sb *b, lay_rgb c)
{
	static const char digit[] = "0123456789abcdef";
	char t[7] = {'#', digit[c.r >> 4], digit[c.r & 15], digit[c.g >> 4], digit[c.g & 15],
	             digit[c.b >> 4], digit[c.b & 15]};
	sb_put(b, t, sizeof t);
}

/* A regular polygon (or a star) of n corners around (cx, cy), radius r, point up. */
static void polygon(sb *b, double cx, double cy, double r, int n, bool star)
{
	sb_puts(b, "<polygon points=\"");
	int k = star ? 2 * n : n;
	for (int i = 0; i < k; i++) {
		double a = -M_PI / 2 + 2 * M_PI * i / k, rr = star && i % 2 ? r * 0.45 : r;
		if (i)
			sb_puts(b, " ");
		num(b, cx + rr * cos(a));
		sb_puts(b, ",");
		num(b, cy + rr * sin(a));
	}
	sb_puts(b, "\"");
}

/* The shape of a status marker centred at (cx, cy), size s, filled with c. */
static void shape(sb *b, enum lay_shape sh, double cx, double cy, double s, lay_rgb c)
{
	double r = s / 2;
	switch (sh) {
	case LS_CIRCLE:
		sb_puts(b, "<circle cx=\""), num(b, cx), sb_puts(b, "\" cy=\""), num(b, cy);
		sb_puts(b, "\" r=\""), num(b, r), sb_puts(b, "\"");
		break;
	case LS_SQUARE:
		sb_puts(b, "<rect x=\""), num(b, cx - r * 0.85), sb_puts(b, "\" y=\""), num(b, cy - r * 0.85);
		sb_puts(b, "\" width=\""), num(b, r * 1.7), sb_puts(b, "\" height=\""), num(b, r * 1.7);
		sb_puts(b, "\"");
		break;
	case LS_TRIANGLE: polygon(b, cx, cy + r * 0.15, r * 1.05, 3, false); break;
	case LS_DIAMOND:
		sb_puts(b, "<polygon points=\"");
		num(b, cx), sb_puts(b, ","), num(b, cy - r), sb_puts(b, " ");
		num(b, cx + r), sb_puts(b, ","), num(b, cy), sb_puts(b, " ");
		num(b, cx), sb_puts(b, ","), num(b, cy + r), sb_puts(b, " ");
		num(b, cx - r), sb_puts(b, ","), num(b, cy), sb_puts(b, "\"");
		break;
	case LS_PENTAGON: polygon(b, cx, cy, r, 5, false); break;
	case LS_HEXAGON: polygon(b, cx, cy, r, 6, false); break;
	case LS_STAR: polygon(b, cx, cy, r * 1.1, 5, true); break;
	default: polygon(b, cx, cy, r, 4, false); break;
	}
	sb_puts(b, " fill=\"");
	hex(b, c);
	sb_puts(b, "\"/>");
}

void html_marker(sb *out, enum lay_shape sh, lay_rgb color)
{
	sb_puts(out, "<svg class=\"markor\" viewBox=\"0 0 12 12\" width=\"12\" height=\"12\" "
	             "aria-hidden=\"true\">");
	shape(out, sh, 6, 6, 10, color);
	sb_puts(out, "</svg>\xc2\xa0");   /* the shape stays with the first word; the rest may wrap */
}

static void spans(sb *b, const lay_span *sp, size_t n, bool bold_is_plain)
{
	for (size_t i = 0; i < n; i++) {
		if (!sp[i].text || !*sp[i].text)
			continue;
		const char *tag = sp[i].font == LF_BOLD && !bold_is_plain ? "strong"
		                : sp[i].font == LF_ITALIC ? "em" : NULL;
		if (tag)
			sb_puts(b, tag[0] == 's' ? "<strong>" : "<em>");
		sb_esc(b, sp[i].text);
		if (tag)
			sb_puts(b, tag[0] == 's' ? "</strong>" : "</em>");
	}
}

static void para_text(sb *b, const blk *k, bool bold_is_plain)
{
	if (k->spans)
		spans(b, k->spans, k->n_spans, bold_is_plain);
	else
		sb_esc(b, k->text);
}

static const char *plain(html_site *s, const blk *k)
{
	return k->spans ? blk_spans_text(s->doc->a, k->spans, k->n_spans) : k->text;
}

/* ---- tables ---- */

static void cell(html_site *s, sb *b, const blk_table *t, const blk_row *r, size_t col, bool head)
{
	const lay_cell *c = &r->cells[col];
	bool row_head = !head && t->row_header[col];
	const char *tag = head || row_head ? "th" : "td";
	bool empty = c->n_spans == 0 || (c->n_spans == 1 && (!c->spans[0].text || !*c->spans[0].text));
	if (head && empty)
		tag = "td";   /* an empty corner is no header */
	sb_puts(b, tag[1] == 'h' ? "<th" : "<td");
	if (head && !empty)
		sb_puts(b, " scope=\"col\"");
	else if (row_head)
		sb_puts(b, " scope=\"row\"");
	if (c->align == LA_RIGHT)
		sb_puts(b, " class=\"tal\"");
	else if (c->align == LA_CENTER)
		sb_puts(b, " class=\"mitt\"");
	sb_puts(b, ">");
	sb href = {0};
	const char *to = r->links && r->links[col] ? html_anchor_href(s, r->links[col], &href) : NULL;
	if (to) {
		sb_puts(b, "<a href=\"");
		sb_puts(b, to);   /* escaped already */
		sb_puts(b, "\">");
	}
	if (c->marker.on)
		html_marker(b, c->marker.shape, c->marker.color);
	spans(b, c->spans, c->n_spans, head || row_head || r->kind == LR_SUM);
	if (to)
		sb_puts(b, "</a>");
	sb_free(&href);
	sb_puts(b, tag[1] == 'h' ? "</th>" : "</td>");
}

/* The caption: the table's title; or what it is ("Indikatorer", visible or not) with
 * whose it is hidden after it; or, hidden, the heading above. The scrolling region
 * has the whole text as its name. */
static void table_as(html_site *s, sb *b, const blk_table *t, const char *what, const char *whose,
                     bool visible)
{
	sb_puts(b, "<div class=\"tabell\" tabindex=\"0\" role=\"region\" aria-label=\"");
	if (what) {
		sb_esc(b, what);
		if (whose) {
			sb_puts(b, " – ");
			sb_esc(b, whose);
		}
	} else {
		sb_esc(b, t->label ? t->label : s->last_heading);
	}
	sb_puts(b, "\">\n<table>\n<caption");
	if (what ? !visible : !t->label)
		sb_puts(b, " class=\"dold\"");
	sb_puts(b, ">");
	if (what) {
		sb_esc(b, what);
		if (whose) {
			sb_puts(b, visible ? "<span class=\"dold\"> – " : " – ");
			sb_esc(b, whose);
			if (visible)
				sb_puts(b, "</span>");
		}
	} else {
		sb_esc(b, t->label ? t->label : s->last_heading);
	}
	sb_puts(b, "</caption>\n");
	size_t i = 0;
	if (t->n_rows && t->rows[0].kind == LR_HEADER) {
		sb_puts(b, "<thead>\n");
		for (; i < t->n_rows && t->rows[i].kind == LR_HEADER; i++) {
			sb_puts(b, "<tr>");
			for (size_t k = 0; k < t->n_cols; k++)
				cell(s, b, t, &t->rows[i], k, true);
			sb_puts(b, "</tr>\n");
		}
		sb_puts(b, "</thead>\n");
	}
	sb_puts(b, "<tbody>\n");
	for (; i < t->n_rows; i++) {
		const blk_row *r = &t->rows[i];
		const char *cls = r->kind == LR_SUM ? "summa" : r->flags & BRF_GRUPP ? "grupp"
		                : r->flags & BRF_VARAV ? "varav" : NULL;
		sb_puts(b, "<tr");
		if (cls) {
			sb_puts(b, " class=\"");
			sb_puts(b, cls);
			sb_puts(b, "\"");
		}
		sb_puts(b, ">");
		for (size_t k = 0; k < t->n_cols; k++)
			cell(s, b, t, r, k, r->kind == LR_HEADER);
		sb_puts(b, "</tr>\n");
	}
	sb_puts(b, "</tbody>\n</table>\n</div>\n");
}

static void table(html_site *s, sb *b, const blk_table *t)
{
	table_as(s, b, t, t->what, t->what_context ? t->what_context : s->last_heading, t->what_visible);
}

/* ---- figures ---- */

/* At most about max_width of text at size: longer labels end in "…" (the full text
 * is in the data table), cut between UTF-8 characters. */
static void label(sb *b, const char *text, double size, double max_width)
{
	size_t chars = 0, len = strlen(text);
	size_t keep = max_width > 0 ? (size_t)(max_width / (size * 0.55)) : len;
	size_t i = 0;
	for (; i < len; i++) {
		if (((unsigned char)text[i] & 0xC0) != 0x80 && chars++ == keep)
			break;
	}
	if (i >= len) {
		sb_esc(b, text);
		return;
	}
	while (i > 0 && ((unsigned char)text[i] & 0xC0) == 0x80)
		i--;
	while (i > 0 && text[i - 1] == ' ')
		i--;
	char *cut = xmalloc(i + 1);
	memcpy(cut, text, i);
	cut[i] = '\0';
	sb_esc(b, cut);
	sb_puts(b, "…");
	free(cut);
}

static void op(sb *b, const blk_op *o)
{
	switch (o->kind) {
	case BO_RECT:
		sb_puts(b, "<rect x=\""), num(b, o->x), sb_puts(b, "\" y=\""), num(b, o->y);
		sb_puts(b, "\" width=\""), num(b, o->w), sb_puts(b, "\" height=\""), num(b, o->h);
		sb_puts(b, "\" fill=\""), hex(b, o->color), sb_puts(b, "\"/>");
		break;
	case BO_LINE:
	case BO_DASHED:
		sb_puts(b, "<line x1=\""), num(b, o->x), sb_puts(b, "\" y1=\""), num(b, o->y);
		sb_puts(b, "\" x2=\""), num(b, o->w), sb_puts(b, "\" y2=\""), num(b, o->h);
		sb_puts(b, "\" stroke=\""), hex(b, o->color), sb_puts(b, "\" stroke-width=\""), num(b, o->width);
		if (o->kind == BO_DASHED)
			sb_puts(b, "\" stroke-dasharray=\""), num(b, o->dash);
		sb_puts(b, "\"/>");
		break;
	case BO_MARKER: shape(b, o->shape, o->x, o->y, o->w, o->color); break;
	case BO_TEXT:
	case BO_LABEL:
		sb_puts(b, "<text x=\""), num(b, o->x), sb_puts(b, "\" y=\""), num(b, o->y);
		sb_puts(b, "\" font-size=\""), num(b, o->size), sb_puts(b, "\" fill=\""), hex(b, o->color);
		if (o->font == LF_BOLD)
			sb_puts(b, "\" font-weight=\"bold");
		if (o->align != LA_LEFT)
			sb_puts(b, o->align == LA_CENTER ? "\" text-anchor=\"middle" : "\" text-anchor=\"end");
		sb_puts(b, "\">");
		if (o->kind == BO_LABEL)
			label(b, o->text ? o->text : "", o->size, o->max_width);
		else
			sb_esc(b, o->text);
		sb_puts(b, "</text>");
		break;
	}
}

/* A chart: the drawing, its values as a table, and its caption paragraph (when one
 * follows it) as the figcaption. */
static void figure(html_site *s, sb *b, const blk_figure *f, const blk *caption)
{
	sb_puts(b, "<figure class=\"diagram\">\n<svg role=\"img\" aria-label=\"");
	sb_esc(b, f->alt);
	sb_puts(b, "\" viewBox=\"0 0 "), num(b, f->width), sb_puts(b, " "), num(b, f->height);
	sb_printf(b, "\" width=\"%ld\" height=\"%ld\"", lround(f->width * 4 / 3), lround(f->height * 4 / 3));
	sb_puts(b, " style=\"font-family: 'Open Sans', sans-serif\"><title>");
	sb_esc(b, f->alt);
	sb_puts(b, "</title>\n");
	for (size_t i = 0; i < f->n_ops; i++)
		op(b, &f->ops[i]);
	sb_puts(b, "\n</svg>\n");
	if (f->data)   /* its figure has the alt text */
		table_as(s, b, f->data, "Diagrammets värden", NULL, true);
	if (caption) {
		sb_puts(b, "<figcaption>");
		para_text(b, caption, false);
		sb_puts(b, "</figcaption>\n");
	}
	sb_puts(b, "</figure>\n");
}

/* ---- pictures ---- */

const html_picture *html_picture_of(html_site *s, const char *path)
{
	for (size_t i = 0; i < s->n_pics; i++)
		if (strcmp(s->pics[i].path, path) == 0)
			return &s->pics[i];
	const img_image *im = img_list_find(s->o->images, path);
	unsigned char *png = NULL;
	size_t len = 0;
	if (!im || !html_png_encode(im->pixels, im->width, im->height, &png, &len))
		return NULL;
	s->pics = xrealloc(s->pics, (s->n_pics + 1) * sizeof *s->pics);
	html_picture *p = &s->pics[s->n_pics++];
	p->path = path;
	p->file = xmalloc(32);
	snprintf(p->file, 32, "bilder/bild-%02zu.png", s->n_pics);
	p->png = png;
	p->len = len;
	p->width = im->width;
	p->height = im->height;
	return p;
}

static void picture(html_site *s, sb *b, const blk *k, const blk *caption)
{
	const html_picture *p = html_picture_of(s, k->path);
	if (!p)
		return;
	bool logo = k->kind == BLK_IMAGE;
	sb_puts(b, logo ? "<p class=\"logotyp\">" : "<figure class=\"bild\">");
	sb_puts(b, "<img src=\"");
	sb_esc(b, p->file);
	sb_puts(b, "\" alt=\"");
	sb_esc(b, k->alt ? k->alt : "");
	sb_printf(b, "\" width=\"%ld\" height=\"%ld\">", lround(k->width * 4 / 3), lround(k->height * 4 / 3));
	if (caption) {
		sb_puts(b, "<figcaption>");
		para_text(b, caption, false);
		sb_puts(b, "</figcaption>");
	}
	sb_puts(b, logo ? "</p>\n" : "</figure>\n");
}

/* ---- blocks ---- */

static bool is_caption(const blk *k)
{
	return k->kind == BLK_PARA && (k->role == ROLE_CAPTION || k->role == ROLE_TABLE_TITLE);
}

static void para(html_site *s, sb *b, const blk *k)
{
	const char *open = "<p>", *close = "</p>\n";
	if (k->role == ROLE_TITLE && s->pages[s->page].kind == HP_INDEX)
		open = "<h1>", close = "</h1>\n";
	else if (k->style == BS_TITLE_KOMMUN)
		open = "<p class=\"kommun\">";
	else if (k->style == BS_TITLE_META)
		open = "<p class=\"meta\">";
	else if (k->style == BS_TITLE_DRAFT)
		open = "<p class=\"forslag-titel\"><strong>", close = "</strong></p>\n";
	else if (k->style == BS_VISION)
		open = "<p class=\"vision\">";
	else if (k->role == ROLE_FACTS)
		open = "<p class=\"fakta\">";
	else if (k->style >= BS_H1 && k->style <= BS_H6)   /* a deep goal's title */
		open = "<p class=\"delrubrik\"><strong>", close = "</strong></p>\n";
	else if (is_caption(k))
		open = k->style == BS_TABLE_TITLE ? "<p class=\"tabellrubrik\"><strong>" : "<p class=\"bildtext\">",
		close = k->style == BS_TABLE_TITLE ? "</strong></p>\n" : "</p>\n";
	sb_puts(b, open);
	para_text(b, k, k->style == BS_TITLE_DRAFT || (k->style >= BS_H1 && k->style <= BS_H6) ||
	                k->style == BS_TABLE_TITLE);
	sb_puts(b, close);
}

void html_blocks(html_site *s, sb *b, size_t from, size_t to)
{
	const blk_doc *d = s->doc;
	bool in_list = false;
	for (size_t i = from; i < to; i++) {
		const blk *k = &d->items[i];
		const blk *next = i + 1 < to ? &d->items[i + 1] : NULL;
		switch (k->kind) {
		case BLK_HEADING: {
			if (s->lead[i] && k->level == 1 && s->id_of[i] == s->summary_id)
				break;   /* the summary page's own h1 stands for it */
			int level = k->level + s->shift_of[i];
			level = level < 1 ? 1 : level > 6 ? 6 : level;
			sb_printf(b, "<h%d id=\"", level);
			sb_esc(b, s->id_of[i]);
			sb_puts(b, "\">");
			sb_esc(b, k->text);
			sb_printf(b, "</h%d>\n", level);
			s->last_heading = k->text;
			break;
		}
		case BLK_PARA:
			if (is_caption(k) && k->text && next && next->kind == BLK_TABLE &&
			    next->table->label == k->text && !next->table->what)
				break;   /* the next table's caption */
			para(s, b, k);
			break;
		case BLK_LIST_BEGIN:
			sb_puts(b, "<ul>\n");
			in_list = true;
			break;
		case BLK_LIST_END:
			if (in_list)
				sb_puts(b, "</ul>\n");
			in_list = false;
			break;
		case BLK_LIST_ITEM:
			sb_puts(b, in_list ? "<li>" : "<ul>\n<li>");
			spans(b, k->spans, k->n_spans, false);
			sb_puts(b, in_list ? "</li>\n" : "</li>\n</ul>\n");
			break;
		case BLK_TABLE: {
			table(s, b, k->table);
			break;
		}
		case BLK_FIGURE: {
			/* its caption, unless a table after it has that caption as its own */
			const blk *cap = next && next->kind == BLK_PARA && next->role == ROLE_CAPTION ? next : NULL;
			const blk *after = cap && i + 2 < to ? &d->items[i + 2] : NULL;
			if (cap && after && after->kind == BLK_TABLE && after->table->label == cap->text &&
			    !after->table->what)
				cap = NULL;
			figure(s, b, k->figure, cap);
			if (cap)
				i++;
			break;
		}
		case BLK_PICTURE:
		case BLK_IMAGE: {
			const blk *cap = k->kind == BLK_PICTURE && k->keep && next && is_caption(next) ? next : NULL;
			picture(s, b, k, cap);
			if (cap)
				i++;
			break;
		}
		case BLK_SECTION:
		case BLK_SPACE:
		case BLK_PAGE_BREAK:
		case BLK_TOC:
			break;
		}
	}
	if (in_list)
		sb_puts(b, "</ul>\n");
	(void)plain;
}
