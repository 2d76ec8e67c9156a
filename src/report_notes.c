/* SPDX-License-Identifier: Apache-2.0 */
/* report_notes.c - MODEL v2 part 1 (issue 12): the notes after the accounts ("Not N
 * Rubrik"), the balanskravsutredning with the statement of an underskott, and the
 * sjukfrånvaro table that the law asks of an årsredovisning. */
#include "report_private.h"
#include <stdlib.h>
#include <string.h>

static void note_blocks(report_ctx *c, const not_ *n)
{
	for (size_t i = 0; i < n->n_blocks; i++) {
		const block *b = &n->blocks[i];
		size_t k;
		if (b->kind == BLOCK_STYCKE) {
			lay_span *sp = report_spans(c, &b->stycke, 0, &k);
			if (k > 0)
				blk_paragraph(c->d, sp, k, RS_BODY, ROLE_PARAGRAPH, false);
		} else if (b->kind == BLOCK_LISTA) {
			for (size_t p = 0; p < b->n_punkter; p++) {
				lay_span *sp = report_spans(c, &b->punkter[p], 0, &k);
				blk_list_item(c->d, NULL, sp, k, RS_LIST);
			}
			if (b->n_punkter > 0)
				blk_space(c->d, 4);
		} else {
			report_v2_block(c, b);
		}
	}
}

void report_sec_notes(report_ctx *c)
{
	const ekonomi *e = &c->m->ekonomi;
	if (!c->m->has_ekonomi || e->n_noter == 0)
		return;
	report_heading(c, 1, "Noter");
	for (size_t i = 0; i < e->n_noter; i++) {
		const not_ *n = &e->noter[i];
		report_heading(c, 2, arena_printf(c->a, "Not %d %s", n->nr, n->rubrik ? n->rubrik : ""));
		blk_anchor(c->d, arena_printf(c->a, "not:%s", n->id));
		note_blocks(c, n);
	}
}

/* ---- balanskravsutredning ---- */

static const calc_balanskrav *balanskrav_of(const report_ctx *c, const rakning *rk)
{
	for (size_t i = 0; i < c->r->n_balanskrav; i++)
		if (c->r->balanskrav[i].rakning == rk)
			return &c->r->balanskrav[i];
	return NULL;
}

static void statement(report_ctx *c, const rakning *rk)
{
	const calc_balanskrav *b = balanskrav_of(c, rk);
	if (!b)
		return;
	const char *unit = model_rakning_enhet(c->m, rk);
	int dp = model_rakning_decimaler(c->m, rk);
	const char *v = report_qty(c, b->resultat, dp, unit);
	if (b->underskott)
		report_text(c, RS_BODY, arena_printf(c->a, "Balanskravsresultatet är %s. Underskottet ska "
		            "återställas senast %d (kommunallagen 11 kap. 12 §).", v, b->aterstall_senast));
	else
		report_text(c, RS_BODY, arena_printf(c->a, "Balanskravsresultatet är %s. Balanskravet "
		            "är uppfyllt.", v));
	for (size_t i = 0; i < rk->n_items; i++) {
		const rakning_item *it = &rk->items[i];
		if (!it->roll || strcmp(it->roll, "arets-resultat") != 0 || !it->ref || it->n_varden == 0)
			continue;
		const rakning *o = NULL;
		const char *col = "";
		for (size_t k = 0; !o && k < c->m->ekonomi.n_rakningar; k++)
			for (size_t j = 0; j < c->m->ekonomi.rakningar[k].n_items; j++)
				if (c->m->ekonomi.rakningar[k].items[j].id &&
				    strcmp(c->m->ekonomi.rakningar[k].items[j].id, it->ref) == 0)
					o = &c->m->ekonomi.rakningar[k];
		for (size_t k = 0; o && it->kolumnref && k < o->n_kolumner; k++)
			if (o->kolumner[k].id && strcmp(o->kolumner[k].id, it->kolumnref) == 0)
				col = o->kolumner[k].rubrik ? o->kolumner[k].rubrik : "";
		if (o)   /* validation has checked the figure against it */
			report_text(c, RS_CAPTION, arena_printf(c->a, "Årets resultat, %s, stämmer med "
			            "%s (%s).", report_qty(c, it->varden[0], dp, unit),
			            model_rakning_title(o), col));
	}
}

void report_sec_balanskrav(report_ctx *c)
{
	const ekonomi *e = &c->m->ekonomi;
	for (size_t i = 0; c->m->has_ekonomi && i < e->n_rakningar; i++) {
		const rakning *rk = &e->rakningar[i];
		if (rk->typ != RK_BALANSKRAVSUTREDNING || rk->n_items == 0)
			continue;
		report_heading(c, 1, model_rakning_title(rk));
		report_account_table(c, rk, true);
		statement(c, rk);
	}
}

/* ---- sjukfrånvaro ---- */

static const char *const sick_rows[SJ_MAX] = {
	"Total sjukfrånvaro", "varav långtidssjukfrånvaro (60 dagar eller mer), andel",
	"Kvinnor", "Män", "29 år eller yngre", "30–49 år", "50 år eller äldre",
};

/* Columns: kommun before koncern, newest year first. */
static int sick_order(const void *a, const void *b)
{
	const sjukfranvaro *x = *(const sjukfranvaro *const *)a, *y = *(const sjukfranvaro *const *)b;
	if (x->koncern != y->koncern)
		return x->koncern ? 1 : -1;
	return y->ar - x->ar;
}

void report_sick_leave(report_ctx *c)
{
	const sr_model *m = c->m;
	if (m->n_sjuk == 0)
		return;
	size_t n = m->n_sjuk + 1;
	const sjukfranvaro **cols = arena_calloc(c->a, m->n_sjuk, sizeof *cols);
	for (size_t i = 0; i < m->n_sjuk; i++)
		cols[i] = &m->sjuk[i];
	qsort(cols, m->n_sjuk, sizeof *cols, sick_order);
	lay_column *lc = arena_calloc(c->a, n, sizeof *lc);
	const char **titles = arena_calloc(c->a, n, sizeof *titles);
	titles[0] = "Sjukfrånvaro, %";
	lc[0] = (lay_column){ LA_LEFT, 0.42 };
	for (size_t i = 0; i < m->n_sjuk; i++) {
		titles[i + 1] = arena_printf(c->a, "%s %d", cols[i]->koncern ? "Koncernen" : "Kommunen",
		                             cols[i]->ar);
		lc[i + 1] = (lay_column){ LA_RIGHT, 0 };
	}
	blk_text(c->d, "Sjukfrånvaro", RS_TABLE_TITLE, ROLE_CAPTION, true);
	blk_table_begin(c->d, lc, n, RS_TABLE, false);
	report_table_at(c, m->sjuk[0].loc);
	report_header_row(c, titles, lc, n);
	for (int r = 0; r < SJ_MAX; r++) {
		lay_cell *cells = arena_calloc(c->a, n, sizeof *cells);
		cells[0] = report_cell(c, sick_rows[r], LF_REGULAR, LA_LEFT);
		for (size_t i = 0; i < m->n_sjuk; i++)
			cells[i + 1] = report_cell(c, cols[i]->has[r] ? report_num(c, cols[i]->v[r], 1) : "",
			                           LF_REGULAR, LA_RIGHT);
		report_row(c, LR_BODY, cells);
	}
	blk_table_end(c->d);
	report_text(c, RS_CAPTION, "Sjukfrånvaro i procent av ordinarie arbetstid; långtidssjukfrånvaron "
	            "i procent av den totala sjukfrånvaron. En grupp med tio eller färre anställda "
	            "redovisas inte (LKBR 11 kap.).");
}
