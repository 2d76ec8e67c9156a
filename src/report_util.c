/* SPDX-License-Identifier: Apache-2.0 */
/* report_util.c - small helpers of the report builder: styles, headings, spans, table
 * cells and arena copies of formatted numbers. */
#include "report_private.h"
#include <string.h>

const lay_style *report_st(const report_ctx *c, enum report_text_role role)
{
	return &c->s->text[role];
}

void report_heading(report_ctx *c, int level, const char *text)
{
	if (level < 1)
		level = 1;
	if (level > 6)
		level = 6;
	blk_heading(c->d, level, arena_strdup(c->a, text), RS_H1 + (level - 1),
	            level <= c->s->toc_levels);
}

void report_text(report_ctx *c, enum report_text_role role, const char *text)
{
	blk_text(c->d, arena_strdup(c->a, text), (int)role,
	         role == RS_TABLE_TITLE ? ROLE_TABLE_TITLE
	         : role == RS_CAPTION ? ROLE_CAPTION : ROLE_PARAGRAPH, false);
}

static enum lay_font font_of(unsigned style)
{
	/* Open Sans is loaded in three faces; bold wins over italic when both are asked. */
	if (style & RUN_BOLD)
		return LF_BOLD;
	return (style & RUN_ITALIC) ? LF_ITALIC : LF_REGULAR;
}

lay_span *report_spans(const report_ctx *c, const rich_text *t, size_t n_extra, size_t *n)
{
	size_t runs = t ? t->n_runs : 0;
	lay_span *sp = arena_calloc(c->a, runs + n_extra + 1, sizeof *sp);
	lay_rgb col = c->s->text[RS_BODY].color;
	for (size_t i = 0; i < runs; i++) {
		sp[n_extra + i].text = t->runs[i].text;
		sp[n_extra + i].font = font_of(t->runs[i].style);
		sp[n_extra + i].color = col;
	}
	*n = runs + n_extra;
	return sp;
}

void report_labelled(report_ctx *c, const char *label, const rich_text *t)
{
	size_t n;
	lay_span *sp = report_spans(c, t, 1, &n);
	sp[0].text = arena_printf(c->a, "%s: ", label);
	sp[0].font = LF_BOLD;
	sp[0].color = c->s->emphasis_color;
	blk_paragraph(c->d, sp, n, RS_BODY, ROLE_PARAGRAPH, false);
}

lay_cell report_cell(const report_ctx *c, const char *text, enum lay_font font, enum lay_align al)
{
	lay_span *sp = arena_calloc(c->a, 1, sizeof *sp);
	sp->text = arena_strdup(c->a, text ? text : "");
	sp->font = font;
	sp->color = c->s->text[RS_TABLE].color;
	return (lay_cell){ .spans = sp, .n_spans = 1, .align = al };
}

lay_marker report_marker(const report_ctx *c, enum status st)
{
	if (st <= ST_NONE || st >= ST_MAX)
		st = ST_EJ_BEDOMT;
	return (lay_marker){ .on = true, .shape = c->s->status_shape[st],
	                     .color = c->s->status_color[st] };
}

/* "a; b", or whichever of them is there (arena-owned). */
const char *report_join(const report_ctx *c, const char *a, const char *b)
{
	return a && b ? arena_printf(c->a, "%s; %s", a, b) : a ? a : b;
}

/* cell with " (extra)" after its text, in the caption colour and italic; cell itself
 * when extra is NULL. The cell's first span is kept as it is. */
lay_cell report_cell_aside(const report_ctx *c, lay_cell cell, const char *extra)
{
	if (!extra)
		return cell;
	lay_span *sp = arena_calloc(c->a, 2, sizeof *sp);
	sp[0] = cell.spans[0];
	sp[1] = (lay_span){ arena_printf(c->a, " (%s)", extra), LF_ITALIC, c->s->text[RS_CAPTION].color };
	cell.spans = sp;
	cell.n_spans = 2;
	return cell;
}

lay_cell report_cell_status(const report_ctx *c, enum status st, const char *suffix)
{
	if (st <= ST_NONE || st >= ST_MAX)
		st = ST_EJ_BEDOMT;
	const char *name = report_status_name(st);
	lay_cell cell = report_cell(c, suffix ? arena_printf(c->a, "%s %s", name, suffix) : name,
	                            LF_REGULAR, LA_LEFT);
	cell.marker = report_marker(c, st);
	return cell;
}

void report_header_row(report_ctx *c, const char *const *titles, const lay_column *cols, size_t n)
{
	lay_cell *cells = arena_calloc(c->a, n, sizeof *cells);
	for (size_t i = 0; i < n; i++)
		cells[i] = report_cell(c, titles[i], LF_BOLD, cols[i].align);
	lay_rgb *fill = arena_alloc(c->a, sizeof *fill);   /* the engine may keep the pointer */
	*fill = c->s->header_fill;
	blk_table_row(c->d, LR_HEADER, cells, fill);
}

void report_row(report_ctx *c, enum lay_row_kind kind, const lay_cell *cells)
{
	lay_rgb *fill = NULL;
	if (kind == LR_SUM) {
		fill = arena_alloc(c->a, sizeof *fill);
		*fill = c->s->sum_fill;
	}
	blk_table_row(c->d, kind, cells, fill);
}

const char *report_num(const report_ctx *c, dec x, int decimals)
{
	char b[FMT_BUF];
	return arena_strdup(c->a, fmt_number(x, decimals, b, sizeof b));
}

const char *report_qty(const report_ctx *c, dec x, int decimals, const char *unit)
{
	char b[FMT_BUF + 64];
	return arena_strdup(c->a, fmt_quantity(x, decimals, unit, b, sizeof b));
}

const char *report_ratio(const report_ctx *c, ratio r, int decimals)
{
	char b[FMT_BUF];
	if (r.den == 0)
		return FMT_NDASH;   /* not defined: shown as a dash, like other missing figures */
	return arena_strdup(c->a, fmt_ratio_number(r, decimals, b, sizeof b));
}

const char *report_namnd_name(const report_ctx *c, const char *id)
{
	const namnd *n = id ? model_find_namnd(c->m, id) : NULL;
	return n && n->namn ? n->namn : (id ? id : "");
}

bool report_in_scope(const report_ctx *c, const char *namndref)
{
	return !c->m->namndref || (namndref && strcmp(namndref, c->m->namndref) == 0);
}

/* ---- a figure's data table (issue 15): shown by the website under the chart; the
 * PDF has the same numbers in its tables and in the figure's alt text ---- */

void report_fig_data_begin(report_ctx *c, const char *const *titles, size_t n)
{
	lay_column *cols = arena_calloc(c->a, n ? n : 1, sizeof *cols);
	for (size_t i = 0; i < n; i++)
		cols[i] = (lay_column){ i == 0 ? LA_LEFT : LA_RIGHT, 0 };
	blk_fig_data_begin(c->d, cols, n);
	report_header_row(c, titles, cols, n);
}

void report_fig_data_row(report_ctx *c, const char *const *texts, size_t n)
{
	lay_cell *cells = arena_calloc(c->a, n ? n : 1, sizeof *cells);
	for (size_t i = 0; i < n; i++)
		cells[i] = report_cell(c, texts[i], LF_REGULAR, i == 0 ? LA_LEFT : LA_RIGHT);
	report_row(c, LR_BODY, cells);
}

void report_fig_data_end(report_ctx *c)
{
	blk_fig_data_end(c->d);
}
