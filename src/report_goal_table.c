/* SPDX-License-Identifier: Apache-2.0 */
/* report_goal_table.c - MODEL v2 part 2 (issue 13), "also seen": goals of a level that
 * have no indicators, activities or sub-goals are shown as one table (goal, nämnd,
 * bedömning, comment) instead of a chapter each; a layout may ask for chapters. Also
 * the line under a goal's other parents that says where a goal under several parents
 * is printed. */
#include "report_private.h"
#include <string.h>

static bool bare(const mal *g)
{
	return g->n_indikatorer == 0 && g->n_aktiviteter == 0 && g->n_kids == 0;
}

bool *report_table_levels(report_ctx *c, bool (*shown)(const report_ctx *, const mal *))
{
	const sr_model *m = c->m;
	bool *tbl = arena_calloc(c->a, m->n_nivaer + 1, sizeof *tbl);
	bool *mixed = arena_calloc(c->a, m->n_nivaer + 1, sizeof *mixed);
	size_t *bare_n = arena_calloc(c->a, m->n_nivaer + 1, sizeof *bare_n);
	for (size_t i = 0; i < m->n_goals; i++) {
		const mal *g = m->goals[i];
		int l = model_level_index(m, g->niva);
		if (l < 0 || !shown(c, g))
			continue;
		if (bare(g))
			bare_n[l]++;
		else
			mixed[l] = true;
	}
	/* by default one bare goal keeps its chapter (a table of one row saves nothing);
	 * the layout's kapitel keeps chapters, its tabell makes a table of any bare level */
	for (size_t l = 0; l < m->n_nivaer; l++) {
		int view = report_level_view(c->s, m->nivaer[l].id);
		tbl[l] = !mixed[l] && view != 0 && bare_n[l] >= (view == 1 ? 1u : 2u);
	}
	return tbl;
}

static lay_cell goal_cell(const report_ctx *c, const mal *g)
{
	lay_cell cell = report_cell(c, g->titel, LF_BOLD, LA_LEFT);
	if (!g->has_beskrivning || g->beskrivning.n_runs == 0)
		return cell;
	size_t n;
	lay_span *sp = report_spans(c, &g->beskrivning, 2, &n);
	sp[0] = cell.spans[0];
	sp[1] = (lay_span){ " – ", LF_REGULAR, c->s->text[RS_TABLE].color };
	for (size_t i = 2; i < n; i++)
		sp[i].color = c->s->text[RS_TABLE].color;
	cell.spans = sp;
	cell.n_spans = n;
	return cell;
}

/* The analysis, then "Åtgärder: …". */
static lay_cell comment_cell(const report_ctx *c, const mal *g)
{
	const rich_text *a = g->has_bedomning ? &g->bedomning.text : NULL;
	const rich_text *w = g->has_atgard ? &g->atgard : NULL;
	size_t na = a ? a->n_runs : 0, nw = w && w->n_runs ? w->n_runs + 1 : 0;
	lay_span *sp = arena_calloc(c->a, na + nw + 1, sizeof *sp);
	lay_rgb col = c->s->text[RS_TABLE].color;
	size_t n = 0;
	for (size_t i = 0; i < na; i++)
		sp[n++] = (lay_span){ a->runs[i].text, a->runs[i].style & RUN_BOLD ? LF_BOLD :
		                      a->runs[i].style & RUN_ITALIC ? LF_ITALIC : LF_REGULAR, col };
	if (nw) {
		sp[n++] = (lay_span){ na ? " Åtgärder: " : "Åtgärder: ", LF_BOLD, col };
		for (size_t i = 0; i < w->n_runs; i++)
			sp[n++] = (lay_span){ w->runs[i].text, w->runs[i].style & RUN_BOLD ? LF_BOLD :
			                      w->runs[i].style & RUN_ITALIC ? LF_ITALIC : LF_REGULAR, col };
	}
	if (n == 0)
		return report_cell(c, "", LF_REGULAR, LA_LEFT);
	return (lay_cell){ .spans = sp, .n_spans = n, .align = LA_LEFT };
}

void report_goal_table(report_ctx *c, const mal *const *goals, size_t n, bool with_prognos,
                       bool prognos_only)
{
	bool assess = !prognos_only;
	size_t nc = 2 + (assess ? 1 : 0) + (with_prognos ? 1 : 0) + 1;
	lay_column *cols = arena_calloc(c->a, nc, sizeof *cols);
	const char **titles = arena_calloc(c->a, nc, sizeof *titles);
	size_t k = 0;
	cols[k] = (lay_column){ LA_LEFT, 0.28 }, titles[k++] = "Mål";
	cols[k] = (lay_column){ LA_LEFT, 0 }, titles[k++] = "Nämnd";
	if (assess)
		cols[k] = (lay_column){ LA_LEFT, 0.16 }, titles[k++] = "Bedömning";
	if (with_prognos)
		cols[k] = (lay_column){ LA_LEFT, 0.16 }, titles[k++] = "Prognos för helåret";
	cols[k] = (lay_column){ LA_LEFT, with_prognos ? 0.26 : 0.32 }, titles[k++] = "Kommentar";
	blk_table_begin(c->d, cols, nc, RS_TABLE, false);
	if (n)
		report_table_at(c, goals[0]->loc);
	report_header_row(c, titles, cols, nc);
	for (size_t i = 0; i < n; i++) {
		const mal *g = goals[i];
		const calc_goal *cg = calc_goal_of(c->r, c->m, g);
		lay_cell *cells = arena_calloc(c->a, nc, sizeof *cells);
		size_t j = 0;
		cells[j++] = goal_cell(c, g);
		const char *nref = model_goal_namnd(g);
		cells[j++] = report_cell(c, nref ? report_namnd_name(c, nref) : "", LF_REGULAR, LA_LEFT);
		if (assess) {
			cells[j] = report_cell_step(c, cg->step, NULL);
			if (cg->manual && cg->computed_differs)
				cells[j] = report_cell_step(c, cg->step, arena_printf(c->a, "(beräknat: %s)",
				                            report_step_name(c, cg->computed_step)));
			j++;
		}
		if (with_prognos)
			cells[j++] = report_cell_step(c, cg->prognos_step, NULL);
		cells[j++] = comment_cell(c, g);
		report_row(c, LR_BODY, cells);
	}
	blk_table_end(c->d);
}

/* Under a parent that is not the first of a goal's parents: where the goal is printed. */
void report_other_parent_note(report_ctx *c, const mal *kid)
{
	const mal *p = kid->parent;
	const niva *nk = model_find_niva(c->m, kid->niva);
	const niva *np = p ? model_find_niva(c->m, p->niva) : NULL;
	const char *what = nk && nk->namn ? arena_printf(c->a, "%s: %s", nk->namn, kid->titel) : kid->titel;
	const char *where = !p ? "" : np && np->namn ? arena_printf(c->a, " Det redovisas under %s: %s.", np->namn, p->titel)
	                                             : arena_printf(c->a, " Det redovisas under %s.", p->titel);
	report_text(c, RS_CAPTION, arena_printf(c->a, "Bidrar också: %s.%s", what, where));
}
