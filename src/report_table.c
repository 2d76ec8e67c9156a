/* SPDX-License-Identifier: Apache-2.0 */
/* report_table.c - MODEL v2 part 1 (issue 12): tables in the text and the räkningar
 * version 2 (title, unit, right-aligned Swedish numbers, grupp rows as sub-headings,
 * indented varav rows, empty cells empty, a Not column, the source line under it), and
 * pictures in the text (width in per cent of the text width, caption, alt text). */
#include "report_private.h"
#include "img.h"
#include <string.h>

#define VARAV_INDENT "\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0"   /* four no-break spaces */

static const calc_summa *summa_of(const report_ctx *c, const rakning_item *it)
{
	for (size_t i = 0; i < c->r->n_summor; i++)
		if (c->r->summor[i].item == it)
			return &c->r->summor[i];
	return NULL;
}

static bool has_names(const rakning *rk)
{
	bool text = false;
	for (size_t k = 0; k < rk->n_kolumner; k++)
		text |= rk->kolumner[k].text;
	if (!text)
		return true;
	for (size_t i = 0; i < rk->n_items; i++)
		if (rk->items[i].kind == RI_POST && rk->items[i].namn)
			return true;
	return false;
}

static bool has_notes(const rakning *rk)
{
	for (size_t i = 0; i < rk->n_items; i++)
		if (rk->items[i].n_noter > 0)
			return true;
	return false;
}

/* "Mnkr" for the header of the name column: what the column's numbers are in. */
static const char *unit_head(const report_ctx *c, const char *unit)
{
	if (!unit || !*unit)
		return "";
	return arena_printf(c->a, "Belopp i %s", unit);
}

/* The note numbers of an item, "2, 4". */
static const char *note_numbers(const report_ctx *c, const rakning_item *it)
{
	const char *s = "";
	for (size_t k = 0; k < it->n_noter; k++) {
		const not_ *n = model_find_not(c->m, it->noter[k]);
		if (n)
			s = arena_printf(c->a, "%s%s%d", s, *s ? ", " : "", n->nr);
	}
	return s;
}

typedef struct tab_shape {
	bool names, notes;
	size_t n;             /* cells per row */
} tab_shape;

static const char *number_cell(const report_ctx *c, const rakning *rk, const rakning_item *it,
                               size_t k, dec v, bool empty)
{
	if (empty)
		return "";
	const char *s = report_num(c, v, model_cell_decimaler(c->m, rk, it, k));
	if (it && it->enhet && *it->enhet)
		return arena_printf(c->a, "%s\xc2\xa0%s", s, it->enhet);
	return s;
}

static lay_cell text_cell(const report_ctx *c, const rich_text *t, enum lay_font f)
{
	size_t n;
	lay_span *sp = report_spans(c, t, 0, &n);
	if (n == 0)
		return report_cell(c, "", f, LA_LEFT);
	return (lay_cell){ .spans = sp, .n_spans = n, .align = LA_LEFT };
}

static void item_row(report_ctx *c, const rakning *rk, const rakning_item *it, const tab_shape *sh)
{
	lay_cell *cells = arena_calloc(c->a, sh->n, sizeof *cells);
	bool sum = it->kind == RI_SUMMA, group = it->kind == RI_GRUPP;
	enum lay_font f = sum || group ? LF_BOLD : LF_REGULAR;
	const calc_summa *cs = sum ? summa_of(c, it) : NULL;
	size_t j = 0;
	const char *name = it->namn ? it->namn : "";
	if (it->varav)
		name = arena_printf(c->a, VARAV_INDENT "%s", name);
	if (sh->names)
		cells[j++] = report_cell(c, name, it->varav ? LF_ITALIC : f, LA_LEFT);
	for (size_t k = 0; k < rk->n_kolumner; k++, j++) {
		bool text = rk->kolumner[k].text;
		if (group) {
			cells[j] = report_cell(c, "", f, LA_RIGHT);
		} else if (!sh->names && k == 0 && sum) {
			cells[j] = report_cell(c, name, f, LA_LEFT);   /* no name column: the sum's name */
		} else if (text && !sum && it->has_v && k < it->n_celler) {
			cells[j] = text_cell(c, &it->celler[k], f);
		} else if (sum && cs) {
			cells[j] = report_cell(c, number_cell(c, rk, NULL, k, cs->printed[k],
			                       cs->printed_empty[k] || text), f, LA_RIGHT);
		} else {
			bool empty = text || k >= it->n_varden || (it->tom && it->tom[k]);
			cells[j] = report_cell(c, number_cell(c, rk, it, k, empty ? 0 : it->varden[k], empty),
			                       f, LA_RIGHT);
		}
	}
	if (sh->notes)
		cells[j++] = report_cell(c, note_numbers(c, it), LF_REGULAR, LA_CENTER);
	report_row(c, sum ? LR_SUM : LR_BODY, cells);
	if (it->varav || group)
		blk_row_keep(c->d, it->varav, group);
	if (sh->notes && it->n_noter > 0 && model_find_not(c->m, it->noter[0]))   /* to its (first) note */
		blk_cell_link(c->d, sh->n - 1, arena_printf(c->a, "not:%s", it->noter[0]));
}

static const char *column_title(const report_ctx *c, const kolumn *k)
{
	const char *t = k->rubrik ? k->rubrik : k->id;
	if (k->enhet && *k->enhet)
		return arena_printf(c->a, "%s, %s", t, k->enhet);
	return t;
}

void report_account_table(report_ctx *c, const rakning *rk, bool in_text)
{
	tab_shape sh = { has_names(rk), has_notes(rk), 0 };
	sh.n = rk->n_kolumner + sh.names + sh.notes;
	if (sh.n == 0)
		return;
	lay_column *cols = arena_calloc(c->a, sh.n, sizeof *cols);
	const char **titles = arena_calloc(c->a, sh.n, sizeof *titles);
	size_t j = 0;
	const char *unit = model_rakning_enhet(c->m, rk);
	if (sh.names) {
		titles[j] = in_text ? unit_head(c, unit) : "";
		cols[j++] = (lay_column){ LA_LEFT, 0.4 };
	}
	for (size_t k = 0; k < rk->n_kolumner; k++, j++) {
		titles[j] = column_title(c, &rk->kolumner[k]);
		cols[j] = (lay_column){ rk->kolumner[k].text ? LA_LEFT : LA_RIGHT,
		                        rk->kolumner[k].text ? 0.6 : 0 };
	}
	if (sh.notes) {
		titles[j] = "Not";
		cols[j++] = (lay_column){ LA_CENTER, 0.08 };
	}
	blk_table_begin(c->d, cols, sh.n, RS_TABLE, false);
	report_table_at(c, rk->loc);
	report_header_row(c, titles, cols, sh.n);
	for (size_t i = 0; i < rk->n_items; i++)
		item_row(c, rk, &rk->items[i], &sh);
	blk_table_end(c->d);
	if (rk->kalla && *rk->kalla)
		report_text(c, RS_CAPTION, rk->kalla);
}

/* ---- blocks in the text ---- */

static void text_table(report_ctx *c, const rakning *rk)
{
	if (rk->rubrik && *rk->rubrik)
		blk_text(c->d, rk->rubrik, RS_TABLE_TITLE, ROLE_CAPTION, true);
	report_account_table(c, rk, true);
}

/* The picture at its share of the text width, scaled down to fit a page. */
static void picture(report_ctx *c, const bild *b)
{
	const char *path = model_bild_path(c->m, b);
	const img_image *in = path ? img_list_find(c->images, path) : NULL;
	if (!in || !in->width || !in->height)
		return;   /* validation refused it (or was not asked to keep it): nothing to draw */
	const report_style *s = c->s;
	double tw = s->page_width - s->margin_left - s->margin_right;
	double th = s->page_height - s->margin_top - s->margin_bottom;
	double w = tw * dec_to_double(b->bredd) / 100.0;
	double h = w * (double)in->height / (double)in->width;
	double room = th - 60;   /* the caption and the figure's space fit with it */
	if (h > room) {
		w *= room / h;
		h = room;
	}
	bool caption = b->rubrik && *b->rubrik;
	blk_picture(c->d, path, w, h, b->dekorativ ? NULL : b->alt, caption);
	if (caption)
		report_text(c, RS_CAPTION, b->rubrik);
}

void report_v2_block(report_ctx *c, const block *b)
{
	if (b->kind == BLOCK_TABELL && b->tabell)
		text_table(c, b->tabell);
	else if (b->kind == BLOCK_BILD && b->bild)
		picture(c, b->bild);
}
