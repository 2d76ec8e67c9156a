/* SPDX-License-Identifier: Apache-2.0 */
/* blk.c - building the block stream (blk.h): blocks in one growing array, tables and
 * figures in the document's arena. */
#include "blk.h"
#include <stdlib.h>
#include <string.h>

blk_doc *blk_new(void)
{
	arena *a = arena_new();
	blk_doc *d = arena_calloc(a, 1, sizeof *d);
	d->a = a;
	return d;
}

void blk_free(blk_doc *d)
{
	if (!d)
		return;
	free(d->items);
	arena_free(d->a);
}

static blk *add(blk_doc *d, enum blk_kind k, int style)
{
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 256;
		d->items = xrealloc(d->items, d->cap * sizeof *d->items);
	}
	blk *b = &d->items[d->n++];
	memset(b, 0, sizeof *b);
	b->kind = k;
	b->style = style;
	b->role = ROLE_PARAGRAPH;
	return b;
}

static lay_span *copy_spans(blk_doc *d, const lay_span *spans, size_t n)
{
	lay_span *c = arena_calloc(d->a, n ? n : 1, sizeof *c);
	if (n)
		memcpy(c, spans, n * sizeof *c);
	return c;
}

void blk_section(blk_doc *d, const char *id, enum blk_page page)
{
	blk *b = add(d, BLK_SECTION, BS_BODY);
	b->text = id;
	b->page = page;
}

void blk_heading(blk_doc *d, int level, const char *text, int style, bool in_toc)
{
	blk *b = add(d, BLK_HEADING, style);
	b->level = level;
	b->text = text;
	b->in_toc = in_toc;
	b->role = ROLE_HEADING;
}

void blk_anchor(blk_doc *d, const char *name)
{
	if (d->n && name)
		d->items[d->n - 1].anchor = name;
}

void blk_paragraph(blk_doc *d, const lay_span *spans, size_t n, int style, enum lay_role role,
                   bool keep)
{
	blk *b = add(d, BLK_PARA, style);
	b->spans = copy_spans(d, spans, n);
	b->n_spans = n;
	b->role = role;
	b->keep = keep;
}

void blk_text(blk_doc *d, const char *text, int style, enum lay_role role, bool keep)
{
	blk *b = add(d, BLK_PARA, style);
	b->text = text;   /* one span in the style's own weight and colour */
	b->role = role;
	b->keep = keep;
}

void blk_list_begin(blk_doc *d) { add(d, BLK_LIST_BEGIN, BS_LIST); }
void blk_list_end(blk_doc *d) { add(d, BLK_LIST_END, BS_LIST); }

void blk_list_item(blk_doc *d, const char *label, const lay_span *spans, size_t n, int style)
{
	blk *b = add(d, BLK_LIST_ITEM, style);
	b->text = label;
	b->spans = copy_spans(d, spans, n);
	b->n_spans = n;
	b->role = ROLE_LIST_ITEM;
}

void blk_space(blk_doc *d, double pt) { add(d, BLK_SPACE, BS_BODY)->space = pt; }
void blk_page_break(blk_doc *d) { add(d, BLK_PAGE_BREAK, BS_BODY); }

void blk_toc(blk_doc *d, int max_level, int style)
{
	add(d, BLK_TOC, style)->level = max_level;
}

static blk_table *new_table(blk_doc *d, const lay_column *cols, size_t n_cols)
{
	blk_table *t = arena_calloc(d->a, 1, sizeof *t);
	t->n_cols = n_cols;
	t->cols = arena_calloc(d->a, n_cols ? n_cols : 1, sizeof *t->cols);
	if (n_cols)
		memcpy(t->cols, cols, n_cols * sizeof *cols);
	t->row_header = arena_calloc(d->a, n_cols ? n_cols : 1, sizeof *t->row_header);
	return t;
}

void blk_table_begin(blk_doc *d, const lay_column *cols, size_t n_cols, int style, bool keep)
{
	blk_table *t = new_table(d, cols, n_cols);
	const blk *prev = d->n ? &d->items[d->n - 1] : NULL;
	if (prev && prev->kind == BLK_PARA && prev->text &&
	    (prev->role == ROLE_TABLE_TITLE || prev->role == ROLE_CAPTION))
		t->label = prev->text;
	blk *b = add(d, BLK_TABLE, style);
	b->keep = keep;
	b->table = t;
	d->open_table = t;
}

void blk_table_at(blk_doc *d, const char *file, long line)
{
	if (d->open_table) {
		d->open_table->file = file;
		d->open_table->line = line;
	}
}

void blk_table_caption(blk_doc *d, const char *what, const char *context, bool visible)
{
	if (!d->open_table)
		return;
	d->open_table->what = what;
	d->open_table->what_context = context;
	d->open_table->what_visible = visible;
}

static blk_table *current(blk_doc *d)
{
	if (d->in_figure_data && d->open_figure)
		return d->open_figure->data;
	return d->open_table;
}

void blk_table_row_header(blk_doc *d, size_t col)
{
	blk_table *t = current(d);
	if (t && col < t->n_cols)
		t->row_header[col] = true;
}

void blk_table_row(blk_doc *d, enum lay_row_kind kind, const lay_cell *cells, const lay_rgb *fill)
{
	blk_table *t = current(d);
	if (!t)
		return;
	if (t->n_rows == t->cap_rows) {
		size_t cap = t->cap_rows ? t->cap_rows * 2 : 16;
		blk_row *rows = arena_calloc(d->a, cap, sizeof *rows);
		if (t->n_rows)
			memcpy(rows, t->rows, t->n_rows * sizeof *rows);
		t->rows = rows;
		t->cap_rows = cap;
	}
	blk_row *r = &t->rows[t->n_rows++];
	memset(r, 0, sizeof *r);
	r->kind = kind;
	r->cells = arena_calloc(d->a, t->n_cols ? t->n_cols : 1, sizeof *r->cells);
	for (size_t i = 0; i < t->n_cols; i++) {
		r->cells[i] = cells[i];
		r->cells[i].spans = copy_spans(d, cells[i].spans, cells[i].n_spans);
	}
	if (fill) {
		r->has_fill = true;
		r->fill = *fill;
	}
}

static blk_row *last_row(blk_doc *d)
{
	blk_table *t = current(d);
	return t && t->n_rows ? &t->rows[t->n_rows - 1] : NULL;
}

void blk_row_keep(blk_doc *d, bool with_previous, bool with_next)
{
	blk_row *r = last_row(d);
	if (!r)
		return;
	if (with_previous)
		r->flags |= BRF_VARAV;
	if (with_next)
		r->flags |= BRF_GRUPP;
}

void blk_cell_link(blk_doc *d, size_t col, const char *anchor)
{
	blk_row *r = last_row(d);
	blk_table *t = current(d);
	if (!r || col >= t->n_cols || !anchor)
		return;
	if (!r->links)
		r->links = arena_calloc(d->a, t->n_cols, sizeof *r->links);
	r->links[col] = anchor;
}

void blk_table_end(blk_doc *d) { d->open_table = NULL; }

void blk_figure_begin(blk_doc *d, double width, double height, const char *alt)
{
	blk_figure *f = arena_calloc(d->a, 1, sizeof *f);
	f->width = width;
	f->height = height;
	f->alt = alt;
	add(d, BLK_FIGURE, BS_BODY)->figure = f;
	d->open_figure = f;
}

static blk_op *op(blk_doc *d, enum blk_op_kind k)
{
	blk_figure *f = d->open_figure;
	if (!f)   /* outside a figure: drawn nowhere, like the layout engine does */
		return arena_calloc(d->a, 1, sizeof(blk_op));
	if (f->n_ops == f->cap_ops) {
		size_t cap = f->cap_ops ? f->cap_ops * 2 : 32;
		blk_op *ops = arena_calloc(d->a, cap, sizeof *ops);
		if (f->n_ops)
			memcpy(ops, f->ops, f->n_ops * sizeof *ops);
		f->ops = ops;
		f->cap_ops = cap;
	}
	blk_op *o = &f->ops[f->n_ops++];
	memset(o, 0, sizeof *o);
	o->kind = k;
	return o;
}

void blk_fig_rect(blk_doc *d, double x, double y, double w, double h, lay_rgb fill)
{
	*op(d, BO_RECT) = (blk_op){ .kind = BO_RECT, .x = x, .y = y, .w = w, .h = h, .color = fill };
}

void blk_fig_line(blk_doc *d, double x1, double y1, double x2, double y2, double width, lay_rgb color)
{
	*op(d, BO_LINE) = (blk_op){ .kind = BO_LINE, .x = x1, .y = y1, .w = x2, .h = y2,
	                            .width = width, .color = color };
}

void blk_fig_dashed_line(blk_doc *d, double x1, double y1, double x2, double y2, double width,
                         lay_rgb color, double dash)
{
	*op(d, BO_DASHED) = (blk_op){ .kind = BO_DASHED, .x = x1, .y = y1, .w = x2, .h = y2,
	                              .width = width, .color = color, .dash = dash };
}

void blk_fig_marker(blk_doc *d, double x, double y, double size, enum lay_shape shape, lay_rgb color)
{
	*op(d, BO_MARKER) = (blk_op){ .kind = BO_MARKER, .x = x, .y = y, .w = size, .shape = shape,
	                              .color = color };
}

void blk_fig_text(blk_doc *d, double x, double y, const char *text, enum lay_font font,
                  double size, lay_rgb color, enum lay_align align)
{
	*op(d, BO_TEXT) = (blk_op){ .kind = BO_TEXT, .x = x, .y = y, .text = text, .font = font,
	                            .size = size, .color = color, .align = align };
}

void blk_fig_label(blk_doc *d, double x, double y, const char *text, enum lay_font font,
                   double size, lay_rgb color, enum lay_align align, double max_width)
{
	*op(d, BO_LABEL) = (blk_op){ .kind = BO_LABEL, .x = x, .y = y, .text = text, .font = font,
	                             .size = size, .color = color, .align = align,
	                             .max_width = max_width };
}

void blk_fig_data_begin(blk_doc *d, const lay_column *cols, size_t n_cols)
{
	if (!d->open_figure)
		return;
	d->open_figure->data = new_table(d, cols, n_cols);
	d->open_figure->data->row_header[0] = n_cols > 0;
	d->in_figure_data = true;
}

void blk_fig_data_end(blk_doc *d) { d->in_figure_data = false; }

void blk_figure_end(blk_doc *d)
{
	d->open_figure = NULL;
	d->in_figure_data = false;
}

void blk_image(blk_doc *d, const char *path, double width, double height, enum lay_align align)
{
	blk *b = add(d, BLK_IMAGE, BS_BODY);
	b->path = path;
	b->width = width;
	b->height = height;
	b->align = align;
	b->role = ROLE_ARTIFACT;
}

void blk_picture(blk_doc *d, const char *path, double width, double height, const char *alt,
                 bool keep_with_next)
{
	blk *b = add(d, BLK_PICTURE, BS_BODY);
	b->path = path;
	b->width = width;
	b->height = height;
	b->alt = alt;
	b->keep = keep_with_next;
	b->align = LA_CENTER;
	b->role = alt ? ROLE_FIGURE : ROLE_ARTIFACT;
}

const char *blk_spans_text(arena *a, const lay_span *spans, size_t n)
{
	size_t len = 0;
	for (size_t i = 0; i < n; i++)
		len += spans[i].text ? strlen(spans[i].text) : 0;
	char *s = arena_alloc(a, len + 1), *p = s;
	for (size_t i = 0; i < n; i++)
		if (spans[i].text) {
			size_t k = strlen(spans[i].text);
			memcpy(p, spans[i].text, k);
			p += k;
		}
	*p = '\0';
	return s;
}
