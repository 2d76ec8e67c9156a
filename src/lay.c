/* SPDX-License-Identifier: Apache-2.0 */
/* lay.c - building a layout document: every block and string the report builder hands
 * over is copied into the document's arena, so callers may free theirs at once. */
#include "lay_private.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <math.h>
#include <string.h>

void *lay_vgrow(void *p, size_t *cap, size_t need, size_t elem)
{
	if (need <= *cap)
		return p;
	size_t nc = *cap ? *cap * 2 : 16;
	while (nc < need)
		nc *= 2;
	p = xrealloc(p, nc * elem);
	*cap = nc;
	return p;
}

void lay_scratch_free(lay_scratch *s)
{
	free(s->items);
	free(s->lines);
	free(s->pieces);
	free(s->buf);
	free(s->nb);
	memset(s, 0, sizeof *s);
}

double lay_text_width(const lay_doc *d)
{
	double w = d->setup->width - d->setup->margin_left - d->setup->margin_right;
	return w > 1 ? w : 1;
}

double lay_leading(const lay_style *st)
{
	return st->leading > 0 ? st->leading : 1.2 * (st->size > 0 ? st->size : 10);
}

lay_doc *lay_new(const lay_page_setup *setup, const lay_metrics *metrics)
{
	arena *a = arena_new();
	lay_doc *d = arena_alloc(a, sizeof *d);
	d->a = a;
	d->setup = setup;
	d->m = metrics;
	return d;
}

void lay_free(lay_doc *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->n_blocks; i++) {
		if (d->blocks[i].tab)
			free(d->blocks[i].tab->rows);
		if (d->blocks[i].fig)
			free(d->blocks[i].fig->prims);
	}
	free(d->blocks);
	free(d->warnings);
	lay_scratch_free(&d->scratch);
	arena_free(d->a);
}

static lay_block *add_block(lay_doc *d, enum blk_kind k, const lay_style *st)
{
	d->blocks = lay_vgrow(d->blocks, &d->cap_blocks, d->n_blocks + 1, sizeof *d->blocks);
	lay_block *b = &d->blocks[d->n_blocks++];
	memset(b, 0, sizeof *b);
	b->kind = k;
	if (st)
		b->st = *st;
	if (b->st.size <= 0)
		b->st.size = 10;
	b->role = ROLE_PARAGRAPH;
	return b;
}

static lay_span *copy_spans(lay_doc *d, const lay_span *spans, size_t n)
{
	lay_span *c = arena_calloc(d->a, n ? n : 1, sizeof *c);
	for (size_t i = 0; i < n; i++) {
		c[i] = spans[i];
		c[i].text = arena_strdup(d->a, spans[i].text ? spans[i].text : "");
	}
	return c;
}

static lay_span *one_span(lay_doc *d, const char *text, const lay_style *st)
{
	lay_span s = { .text = text, .font = st ? st->font : LF_REGULAR };
	if (st)
		s.color = st->color;
	return copy_spans(d, &s, 1);
}

void lay_heading(lay_doc *d, int level, const char *text, const lay_style *st, bool in_toc)
{
	lay_block *b = add_block(d, BK_HEADING, st);
	b->level = level < 1 ? 1 : level > 6 ? 6 : level;
	b->in_toc = in_toc;
	b->role = ROLE_HEADING;
	b->spans = one_span(d, text, st);
	b->n_spans = 1;
	b->label = (char *)b->spans[0].text;
	b->st.keep_with_next = true;
}

void lay_paragraph(lay_doc *d, const lay_span *spans, size_t n, const lay_style *st,
                   enum lay_role role)
{
	lay_block *b = add_block(d, BK_PARA, st);
	b->role = role;
	b->spans = copy_spans(d, spans, n);
	b->n_spans = n;
}

void lay_text(lay_doc *d, const char *text, const lay_style *st, enum lay_role role)
{
	lay_block *b = add_block(d, BK_PARA, st);
	b->role = role;
	b->spans = one_span(d, text, st);
	b->n_spans = 1;
}

void lay_list_item(lay_doc *d, const char *label, const lay_span *spans, size_t n,
                   const lay_style *st)
{
	lay_block *b = add_block(d, BK_LIST, st);
	b->role = ROLE_LIST_ITEM;
	size_t self = (size_t)(b - d->blocks);
	if (d->list_open && d->list_first < 0)
		d->list_first = (long)self;
	b->list = d->list_open ? (int)d->list_first : (int)self;
	b->label = arena_strdup(d->a, label ? label : "\xE2\x80\xA2");
	b->spans = copy_spans(d, spans, n);
	b->n_spans = n;
}

void lay_list_begin(lay_doc *d)
{
	d->list_open = true;
	d->list_first = -1;
}

void lay_list_end(lay_doc *d)
{
	d->list_open = false;
	d->list_first = -1;
}

void lay_space(lay_doc *d, double pt)
{
	add_block(d, BK_SPACE, NULL)->amount = pt > 0 ? pt : 0;
}

void lay_page_break(lay_doc *d)
{
	add_block(d, BK_BREAK, NULL);
}

void lay_toc(lay_doc *d, int max_level, const lay_style *st)
{
	lay_block *b = add_block(d, BK_TOC, st);
	b->role = ROLE_TOC_ITEM;
	b->toc_max = max_level;
}

void lay_table_begin(lay_doc *d, const lay_column *cols, size_t n_cols, const lay_style *st)
{
	lay_block *b = add_block(d, BK_TABLE, st);
	b->role = ROLE_TABLE_CELL;
	lay_table *t = arena_alloc(d->a, sizeof *t);
	t->n_cols = n_cols;
	t->cols = arena_calloc(d->a, n_cols ? n_cols : 1, sizeof *t->cols);
	if (n_cols)
		memcpy(t->cols, cols, n_cols * sizeof *cols);
	t->row_header = arena_calloc(d->a, n_cols ? n_cols : 1, sizeof *t->row_header);
	b->tab = t;
	d->open_table = t;
}

void lay_table_row(lay_doc *d, enum lay_row_kind kind, const lay_cell *cells, lay_rgb *fill)
{
	lay_table *t = d->open_table;
	if (!t || (!cells && t->n_cols))
		return;
	t->rows = lay_vgrow(t->rows, &t->cap_rows, t->n_rows + 1, sizeof *t->rows);
	lay_trow *r = &t->rows[t->n_rows++];
	memset(r, 0, sizeof *r);
	r->kind = kind;
	r->cells = arena_calloc(d->a, t->n_cols ? t->n_cols : 1, sizeof *r->cells);
	for (size_t j = 0; j < t->n_cols; j++) {
		r->cells[j] = cells[j];
		r->cells[j].spans = copy_spans(d, cells[j].spans, cells[j].n_spans);
	}
	if (fill) {
		r->has_fill = true;
		r->fill = *fill;
	}
}

void lay_table_row_header(lay_doc *d, size_t col)
{
	if (d->open_table && col < d->open_table->n_cols)
		d->open_table->row_header[col] = true;
}

void lay_table_end(lay_doc *d)
{
	d->open_table = NULL;
}

void lay_figure_begin(lay_doc *d, double width, double height, const char *alt)
{
	lay_block *b = add_block(d, BK_FIGURE, NULL);
	b->role = ROLE_FIGURE;
	lay_figure *f = arena_alloc(d->a, sizeof *f);
	f->w = width;
	f->h = height;
	f->alt = arena_strdup(d->a, alt ? alt : "");
	b->fig = f;
	d->open_fig = f;
}

/* v limited to [0, hi]; NaN becomes 0. Every figure coordinate is clamped to the
 * figure's box, so no value (an indicator at -10^12) draws outside it, or the page. */
static double clamp_to(double v, double hi)
{
	if (!(v > 0))
		return 0;   /* also NaN */
	return v < hi ? v : hi;
}

static fig_prim *add_prim(lay_doc *d, enum fig_kind k)
{
	lay_figure *f = d->open_fig;
	if (!f)
		return NULL;
	f->prims = lay_vgrow(f->prims, &f->cap_prims, f->n_prims + 1, sizeof *f->prims);
	fig_prim *p = &f->prims[f->n_prims++];
	memset(p, 0, sizeof *p);
	p->kind = k;
	return p;
}

void lay_fig_rect(lay_doc *d, double x, double y, double w, double h, lay_rgb fill)
{
	fig_prim *p = add_prim(d, FP_RECT);
	if (!p)
		return;
	/* Bar charts pass negative widths for bars left of zero: normalise here. */
	const lay_figure *f = d->open_fig;
	double x0 = clamp_to(w < 0 ? x + w : x, f->w), y0 = clamp_to(h < 0 ? y + h : y, f->h);
	double x1 = clamp_to(w < 0 ? x : x + w, f->w), y1 = clamp_to(h < 0 ? y : y + h, f->h);
	*p = (fig_prim){ .kind = FP_RECT, .x = x0, .y = y0, .w = x1 - x0, .h = y1 - y0, .color = fill };
}

void lay_fig_line(lay_doc *d, double x1, double y1, double x2, double y2, double width,
                  lay_rgb color)
{
	fig_prim *p = add_prim(d, FP_LINE);
	const lay_figure *f = d->open_fig;
	if (p)
		*p = (fig_prim){ .kind = FP_LINE, .x = clamp_to(x1, f->w), .y = clamp_to(y1, f->h),
		                 .w = clamp_to(x2, f->w), .h = clamp_to(y2, f->h),
		                 .line_width = width, .color = color };
}

void lay_fig_dashed_line(lay_doc *d, double x1, double y1, double x2, double y2, double width,
                         lay_rgb color, double dash)
{
	fig_prim *p = add_prim(d, FP_LINE);
	const lay_figure *f = d->open_fig;
	if (p)
		*p = (fig_prim){ .kind = FP_LINE, .x = clamp_to(x1, f->w), .y = clamp_to(y1, f->h),
		                 .w = clamp_to(x2, f->w), .h = clamp_to(y2, f->h),
		                 .line_width = width, .color = color, .dash = dash > 0 ? dash : 0 };
}

void lay_fig_marker(lay_doc *d, double x, double y, double size, enum lay_shape shape,
                    lay_rgb color)
{
	fig_prim *p = add_prim(d, FP_MARKER);
	const lay_figure *f = d->open_fig;
	if (p) {
		double r = clamp_to(size / 2, fmin(f->w, f->h) / 2);
		*p = (fig_prim){ .kind = FP_MARKER, .x = fmax(r, fmin(x, f->w - r)),
		                 .y = fmax(r, fmin(y, f->h - r)), .size = 2 * r, .shape = shape,
		                 .color = color };
	}
}

void lay_fig_text(lay_doc *d, double x, double y, const char *text, enum lay_font font,
                  double size, lay_rgb color, enum lay_align align)
{
	fig_prim *p = add_prim(d, FP_TEXT);
	if (!p)
		return;
	/* The text's box (from the anchor by its alignment) is moved inside the figure. */
	const lay_figure *f = d->open_fig;
	text = text ? text : "";
	double tw = d->m->width(d->m->ctx, font, size, text, strlen(text));
	double left = x - (align == LA_RIGHT ? tw : align == LA_CENTER ? tw / 2 : 0);
	double moved = fmax(0, fmin(isfinite(left) ? left : 0, f->w - tw)) - left;
	*p = (fig_prim){ .kind = FP_TEXT, .x = isfinite(left) ? x + moved : 0,
	                 .y = clamp_to(y, f->h), .size = size, .font = font,
	                 .color = color, .align = align, .text = arena_strdup(d->a, text) };
}

/* Bytes of s that fit in max_w with an ellipsis after them, cut at a character start. */
size_t lay_fit_prefix(const lay_metrics *m, enum lay_font font, double size, const char *s,
                         double max_w)
{
	const double ell = m->width(m->ctx, font, size, "\u2026", 3);
	size_t fit = 0, start = 0;
	double w = 0;   /* summed per character: linear (kerns left out: lay_shorten checks) */
	for (size_t i = 1; s[i - 1]; i++) {
		if (((unsigned char)s[i] & 0xC0) == 0x80)
			continue;   /* inside a UTF-8 sequence */
		w += m->width(m->ctx, font, size, s + start, i - start);
		start = i;
		if (w + ell > max_w)
			break;
		fit = i;
	}
	return fit;
}

char *lay_shorten(arena *a, const lay_metrics *m, enum lay_font font, double size,
                  const char *text, double max_width)
{
	if (m->width(m->ctx, font, size, text, strlen(text)) <= max_width)
		return NULL;
	/* the prefix and the "…" after it fit together (the fuzzer found a footer slot that
	 * ran over its margin by the ellipsis' width); no room even for "…": nothing */
	double dots = m->width(m->ctx, font, size, "\u2026", strlen("\u2026"));
	if (dots > max_width)
		return arena_strdup(a, "");
	size_t keep = lay_fit_prefix(m, font, size, text, max_width);
	/* summed per character, the prefix leaves out its kerns, and a kern may widen it
	 * (the fuzzer found a right-aligned footer 0.03 pt over its margin): measure the
	 * result whole and give back a character until it fits */
	for (;;) {
		while (keep > 0 && text[keep - 1] == ' ')
			keep--;
		char *out = arena_printf(a, "%.*s\u2026", (int)keep, text);
		if (keep == 0 || m->width(m->ctx, font, size, out, strlen(out)) <= max_width)
			return out;
		do
			keep--;
		while (keep > 0 && ((unsigned char)text[keep] & 0xC0) == 0x80);
	}
}

void lay_fig_label(lay_doc *d, double x, double y, const char *text, enum lay_font font,
                   double size, lay_rgb color, enum lay_align align, double max_width)
{
	text = text ? text : "";
	size_t len = strlen(text);
	if (max_width <= 0 || d->m->width(d->m->ctx, font, size, text, len) <= max_width) {
		lay_fig_text(d, x, y, text, font, size, color, align);
		return;
	}
	lay_fig_text(d, x, y, lay_shorten(d->a, d->m, font, size, text, max_width), font, size,
	             color, align);
}

void lay_figure_end(lay_doc *d)
{
	d->open_fig = NULL;
}

void lay_image(lay_doc *d, const char *path, double width, double height, enum lay_align align)
{
	lay_block *b = add_block(d, BK_IMAGE, NULL);
	b->role = ROLE_ARTIFACT;
	b->path = arena_strdup(d->a, path ? path : "");
	b->iw = width;
	b->ih = height;
	b->align = align;
}

/* MODEL v2 part 1 (issue 12) */
void lay_picture(lay_doc *d, const char *path, double width, double height, const char *alt,
                 bool keep_with_next)
{
	lay_image(d, path, width, height, LA_CENTER);
	lay_block *b = &d->blocks[d->n_blocks - 1];
	if (alt) {
		b->role = ROLE_FIGURE;
		b->alt = arena_strdup(d->a, alt);
	}
	b->st.keep_with_next = keep_with_next;
}

void lay_anchor(lay_doc *d, const char *name)
{
	if (d->n_blocks && name)
		d->blocks[d->n_blocks - 1].anchor = arena_strdup(d->a, name);
}

void lay_cell_link(lay_doc *d, size_t col, const char *anchor)
{
	lay_table *t = d->open_table;
	if (!t || !t->n_rows || col >= t->n_cols || !anchor)
		return;
	lay_trow *r = &t->rows[t->n_rows - 1];
	if (!r->links)
		r->links = arena_calloc(d->a, t->n_cols, sizeof *r->links);
	r->links[col] = arena_strdup(d->a, anchor);
}

void lay_row_keep(lay_doc *d, bool with_previous, bool with_next)
{
	lay_table *t = d->open_table;
	if (!t || !t->n_rows)
		return;
	t->rows[t->n_rows - 1].keep_prev = with_previous;
	t->rows[t->n_rows - 1].keep_next = with_next;
}

void lay_warn(lay_doc *d, const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	d->warnings = lay_vgrow(d->warnings, &d->cap_warnings, d->n_warnings + 1, sizeof *d->warnings);
	d->warnings[d->n_warnings++] = arena_strdup(d->a, buf);
}
