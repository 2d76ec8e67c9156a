/* SPDX-License-Identifier: Apache-2.0 */
/* lay_blk.c - the block stream replayed into the layout engine's builder calls, in
 * the stream's order: the PDF of a report is layout + PDF over its blocks. */
#include "lay_blk.h"
#include <stdlib.h>
#include <string.h>

struct lay_blk {
	const lay_page_setup *setup;
	const lay_metrics *metrics;
	const lay_style *text;
};

lay_blk *lay_blk_new(const lay_page_setup *setup, const lay_metrics *metrics,
                     const lay_style *text)
{
	lay_blk *r = xmalloc(sizeof *r);
	*r = (lay_blk){ setup, metrics, text };
	return r;
}

void lay_blk_free(lay_blk *r)
{
	free(r);
}

static lay_style style_of(const lay_style *text, const blk *b)
{
	lay_style st = text[b->style >= 0 && b->style < BS_MAX ? b->style : BS_BODY];
	if (b->keep)
		st.keep_with_next = true;
	return st;
}

static void table(lay_doc *d, const blk_table *t, const lay_style *st)
{
	lay_table_begin(d, t->cols, t->n_cols, st);
	lay_table_at(d, t->file, t->line);
	for (size_t i = 0; i < t->n_cols; i++)
		if (t->row_header[i])
			lay_table_row_header(d, i);
	for (size_t i = 0; i < t->n_rows; i++) {
		const blk_row *r = &t->rows[i];
		lay_rgb fill = r->fill;
		lay_table_row(d, r->kind, r->cells, r->has_fill ? &fill : NULL);
		if (r->flags)
			lay_row_keep(d, r->flags & BRF_VARAV, r->flags & BRF_GRUPP);
		for (size_t k = 0; r->links && k < t->n_cols; k++)
			if (r->links[k])
				lay_cell_link(d, k, r->links[k]);
	}
	lay_table_end(d);
}

static void figure(lay_doc *d, const blk_figure *f)
{
	lay_figure_begin(d, f->width, f->height, f->alt);
	for (size_t i = 0; i < f->n_ops; i++) {
		const blk_op *o = &f->ops[i];
		switch (o->kind) {
		case BO_RECT: lay_fig_rect(d, o->x, o->y, o->w, o->h, o->color); break;
		case BO_LINE: lay_fig_line(d, o->x, o->y, o->w, o->h, o->width, o->color); break;
		case BO_DASHED:
			lay_fig_dashed_line(d, o->x, o->y, o->w, o->h, o->width, o->color, o->dash);
			break;
		case BO_MARKER: lay_fig_marker(d, o->x, o->y, o->w, o->shape, o->color); break;
		case BO_TEXT:
			lay_fig_text(d, o->x, o->y, o->text, o->font, o->size, o->color, o->align);
			break;
		case BO_LABEL:
			lay_fig_label(d, o->x, o->y, o->text, o->font, o->size, o->color, o->align,
			              o->max_width);
			break;
		}
	}
	lay_figure_end(d);
}

void lay_blk_replay(lay_doc *d, const blk_doc *doc, const lay_style *text)
{
	for (size_t i = 0; i < doc->n; i++) {
		const blk *b = &doc->items[i];
		lay_style st = style_of(text, b);
		switch (b->kind) {
		case BLK_SECTION: break;   /* the website's pages; the PDF is one flow */
		case BLK_HEADING: lay_heading(d, b->level, b->text, &st, b->in_toc); break;
		case BLK_PARA:
			if (b->spans)
				lay_paragraph(d, b->spans, b->n_spans, &st, b->role);
			else
				lay_text(d, b->text, &st, b->role);
			break;
		case BLK_LIST_BEGIN: lay_list_begin(d); break;
		case BLK_LIST_ITEM: lay_list_item(d, b->text, b->spans, b->n_spans, &st); break;
		case BLK_LIST_END: lay_list_end(d); break;
		case BLK_SPACE: lay_space(d, b->space); break;
		case BLK_PAGE_BREAK: lay_page_break(d); break;
		case BLK_TOC: lay_toc(d, b->level, &st); break;
		case BLK_TABLE: table(d, b->table, &st); break;
		case BLK_FIGURE: figure(d, b->figure); break;
		case BLK_IMAGE: lay_image(d, b->path, b->width, b->height, b->align); break;
		case BLK_PICTURE: lay_picture(d, b->path, b->width, b->height, b->alt, b->keep); break;
		}
		if (b->anchor)
			lay_anchor(d, b->anchor);
	}
}

lay_result *lay_blk_render(lay_blk *r, const blk_doc *doc, const char **why)
{
	lay_doc *d = lay_new(r->setup, r->metrics);
	lay_blk_replay(d, doc, r->text);
	lay_result *out = lay_run(d, why);
	lay_free(d);
	return out;
}
