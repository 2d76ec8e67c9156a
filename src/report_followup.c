/* SPDX-License-Identifier: Apache-2.0 */
/* report_followup.c - the follow-up of every in-scope goal in tree order: heading,
 * facts, status and prognos, description, indicators, analysis, activities, actions. */
#include "report_private.h"
#include <string.h>

static const char *const perspective_names[PERSP_MAX] = {
	"", "Medborgare", "Ekonomi", "Processer", "Medarbetare",
};

/* Decimals an indicator is shown with: as many as its values are written with, at
 * most 2 (derived from the decimals themselves; nothing extra is stored). */
static int indicator_decimals(const indikator *in)
{
	const value_point *sets[4] = { in->utgangsvarde, in->malvarde, in->utfall, in->jamforelse };
	size_t ns[4] = { in->n_utgangsvarde, in->n_malvarde, in->n_utfall, in->n_jamforelse };
	int d = 0;
	for (int s = 0; s < 4; s++)
		for (size_t i = 0; i < ns[s]; i++) {
			int k = fmt_decimals_of(sets[s][i].value);
			d = k > d ? k : d;
		}
	return d > 2 ? 2 : d;
}

/* "2023-2026" -> "2023–2026" */
static const char *period_text(const report_ctx *c, const char *p)
{
	char *s = arena_strdup(c->a, p ? p : "");
	char *dash = strchr(s, '-');
	if (!dash)
		return s;
	*dash = '\0';
	return arena_printf(c->a, "%s" FMT_NDASH "%s", s, dash + 1);
}

/* The indicator's name plus comparisons and mandate-period targets in italic. */
static lay_cell indicator_name_cell(const report_ctx *c, const indikator *in, int dec_n)
{
	lay_cell cell = report_cell(c, in->namn, LF_REGULAR, LA_LEFT);
	const char *extra = NULL;
	for (size_t i = 0; i < in->n_jamforelse; i++) {
		const value_point *v = &in->jamforelse[i];
		const char *one = arena_printf(c->a, "%s %d: %s", v->namn ? v->namn : "Jämförelse",
		                               v->ar, report_qty(c, v->value, dec_n, in->enhet));
		extra = report_join(c, extra, one);
	}
	for (size_t i = 0; i < in->n_malvarde; i++) {
		const value_point *v = &in->malvarde[i];
		if (!v->period)
			continue;
		const char *one = arena_printf(c->a, "målvärde %s: %s", period_text(c, v->period),
		                               report_qty(c, v->value, dec_n, in->enhet));
		extra = report_join(c, extra, one);
	}
	if (in->kolada) {   /* issue 17: where the outcomes come from, and how fresh they are */
		char date[64] = "";
		if (in->kolada_datum)
			fmt_date(in->kolada_datum, date, sizeof date);
		const char *one = *date ? arena_printf(c->a, "Källa: Kolada, %s", date) : "Källa: Kolada";
		extra = report_join(c, extra, one);
	}
	return report_cell_aside(c, cell, extra);
}

static const char *value_or_dash(const report_ctx *c, bool has, dec v, int d, const char *unit)
{
	return has ? report_qty(c, v, d, unit) : FMT_NDASH;
}

/* MODEL v2 part 2 (issue 13): "Öka (jfr 2023: +0,8 %)" in the Målvärde column. */
static const char *trend_target_text(const report_ctx *c, const calc_indicator *ci, int d)
{
	static const char *const words[TREND_MAX] = { "", "Öka", "Minska", "Bibehålla" };
	const char *w = words[ci->ind->mal];
	if (!ci->has_forandring)
		return arena_printf(c->a, "%s (inget jämförelseår)", w);
	const char *chg = report_qty(c, ci->forandring, d, ci->ind->enhet);
	return arena_printf(c->a, "%s (jfr %d: %s%s)", w, ci->jamfor_ar, ci->forandring > 0 ? "+" : "", chg);
}

static void indicator_row(report_ctx *c, const calc_indicator *ci)
{
	const indikator *in = ci->ind;
	int d = indicator_decimals(in);
	const char *base = value_or_dash(c, ci->has_b, ci->b, d, in->enhet);
	if (ci->has_b && in->n_utgangsvarde > 0 && in->utgangsvarde[0].ar)
		base = arena_printf(c->a, "%s (%d)", base, in->utgangsvarde[0].ar);
	lay_cell cells[5] = {
		indicator_name_cell(c, in, d),
		report_cell(c, base, LF_REGULAR, LA_RIGHT),
		report_cell(c, in->mal != TREND_NONE ? trend_target_text(c, ci, d)   /* MODEL v2 part 2 (issue 13) */
		                                     : value_or_dash(c, ci->has_t, ci->t, d, in->enhet),
		            LF_REGULAR, LA_RIGHT),
		report_cell(c, value_or_dash(c, ci->has_u, ci->u, d, in->enhet), LF_REGULAR, LA_RIGHT),
		report_cell_step(c, ci->step, NULL),
	};
	report_row(c, LR_BODY, cells);
}

static void indicator_table(report_ctx *c, const mal *g)
{
	static const lay_column cols[5] = {
		{ LA_LEFT, 0.42 }, { LA_RIGHT, 0 }, { LA_RIGHT, 0 }, { LA_RIGHT, 0 }, { LA_LEFT, 0 },
	};
	static const char *const titles[5] = { "Indikator", "Utgångsvärde", "Målvärde", "Utfall", "Status" };
	bool open = false;
	for (size_t i = 0; i < c->r->n_ind; i++) {
		if (c->r->ind[i].goal != g)
			continue;
		if (!open) {
			blk_table_begin(c->d, cols, 5, RS_TABLE, false);
			report_table_at(c, g->loc);
			blk_table_caption(c->d, "Indikatorer", NULL, true);
			blk_table_row_header(c->d, 0);   /* the first column names the row */
			report_header_row(c, titles, cols, 5);
			open = true;
		}
		indicator_row(c, &c->r->ind[i]);
	}
	if (open)
		blk_table_end(c->d);
}

static const value_point *target_of_year(const indikator *in, int ar)
{
	for (size_t i = 0; i < in->n_malvarde; i++)
		if (in->malvarde[i].ar == ar && !in->malvarde[i].period)
			return &in->malvarde[i];
	return NULL;
}

/* The chart's numbers as a table, so that nothing depends on seeing it. */
static void history_table(report_ctx *c, const indikator *in, int d)
{
	static const lay_column cols[3] = { { LA_LEFT, 0.2 }, { LA_RIGHT, 0 }, { LA_RIGHT, 0 } };
	static const char *const titles[3] = { "År", "Utfall", "Målvärde" };
	blk_table_begin(c->d, cols, 3, RS_TABLE, false);
	report_table_at(c, in->loc);
	blk_table_caption(c->d, "Utfall per år", in->namn, true);
	blk_table_row_header(c->d, 0);   /* the first column names the row */
	report_header_row(c, titles, cols, 3);
	for (size_t i = 0; i < in->n_utfall; i++) {
		const value_point *u = &in->utfall[i], *t = target_of_year(in, u->ar);
		lay_cell cells[3] = {
			report_cell(c, arena_printf(c->a, "%d", u->ar), LF_REGULAR, LA_LEFT),
			report_cell(c, report_qty(c, u->value, d, in->enhet), LF_REGULAR, LA_RIGHT),
			report_cell(c, t ? report_qty(c, t->value, d, in->enhet) : FMT_NDASH, LF_REGULAR, LA_RIGHT),
		};
		report_row(c, LR_BODY, cells);
	}
	blk_table_end(c->d);
}

/* Indicators with a history: utfall per year, as a chart and as a table. */
static void indicator_histories(report_ctx *c, const mal *g)
{
	for (size_t i = 0; i < c->r->n_ind; i++) {
		const calc_indicator *ci = &c->r->ind[i];
		if (ci->goal != g || ci->ind->n_utfall < 2)
			continue;
		int d = indicator_decimals(ci->ind);
		report_indicator_history(c, ci, d);
		history_table(c, ci->ind, d);
	}
}

static void activity_table(report_ctx *c, const mal *g)
{
	static const lay_column cols[4] = { { LA_LEFT, 0.45 }, { LA_LEFT, 0.25 }, { LA_LEFT, 0 }, { LA_LEFT, 0 } };
	static const char *const titles[4] = { "Aktivitet", "Ansvarig", "Klart", "Status" };
	if (g->n_aktiviteter == 0)
		return;
	blk_table_begin(c->d, cols, 4, RS_TABLE, false);
	report_table_at(c, g->loc);
	blk_table_caption(c->d, "Aktiviteter", NULL, true);
	blk_table_row_header(c->d, 0);   /* the first column names the row */
	report_header_row(c, titles, cols, 4);
	for (size_t i = 0; i < g->n_aktiviteter; i++) {
		const aktivitet *a = &g->aktiviteter[i];
		char date[64] = "";
		if (a->klart)
			fmt_date(a->klart, date, sizeof date);
		lay_cell cells[4] = {
			report_cell(c, a->text, LF_REGULAR, LA_LEFT),
			report_cell(c, a->ansvarig, LF_REGULAR, LA_LEFT),
			report_cell(c, date, LF_REGULAR, LA_LEFT),
			report_cell(c, report_activity_name(a->status), LF_REGULAR, LA_LEFT),
		};
		report_row(c, LR_BODY, cells);
	}
	blk_table_end(c->d);
}

static bool has_goal_prognos(const mal *g)
{
	return g->has_bedomning && (g->bedomning.prognos != ST_NONE || g->prognos_id);
}

/* Whether g is printed: in scope, and in an uppföljning only where it or a goal below
 * it has a prognos (the goals are followed up by their prognos alone). The walk is
 * bounded by the tree, whose depth the loader has already limited. */
static bool goal_shown(const report_ctx *c, const mal *g)
{
	const calc_goal *cg = calc_goal_of(c->r, c->m, g);
	if (!cg || !cg->in_scope)
		return false;
	if (!report_prognos_only(c->m) || has_goal_prognos(g))
		return true;
	for (size_t k = 0; k < g->n_kids; k++)
		if (goal_shown(c, g->kids[k]))
			return true;
	return false;
}

/* What a goal contributes to when its parent is not shown: the overordnad id when the
 * goal is not in the document (verksamhetsberättelse), else the parent's title. */
static const char *contributes_to(const report_ctx *c, const mal *g)
{
	if (g->overordnad && !model_find_goal(c->m, g->overordnad))
		return g->overordnad;
	if (!g->parent)
		return NULL;
	if (goal_shown(c, g->parent))
		return NULL;   /* the parent is printed right above it */
	const niva *nv = model_find_niva(c->m, g->parent->niva);
	return nv && nv->namn ? arena_printf(c->a, "%s: %s", nv->namn, g->parent->titel)
	                      : g->parent->titel;
}

/* "Nämnd: … · Perspektiv: … · Agenda 2030: mål 4, 10 · Bidrar till: S1" */
static void goal_facts(report_ctx *c, const mal *g)
{
	const char *line = NULL;
	const char *nref = model_goal_namnd(g);
	if (nref)
		line = arena_printf(c->a, "Nämnd: %s", report_namnd_name(c, nref));
	if (g->perspektiv > PERSP_NONE && g->perspektiv < PERSP_MAX) {
		const char *p = arena_printf(c->a, "Perspektiv: %s", perspective_names[g->perspektiv]);
		line = line ? arena_printf(c->a, "%s · %s", line, p) : p;
	}
	if (g->n_agenda2030 > 0) {
		const char *a = "Agenda 2030: mål ";
		for (size_t i = 0; i < g->n_agenda2030; i++)
			a = arena_printf(c->a, "%s%s%d", a, i ? ", " : "", g->agenda2030[i]);
		line = line ? arena_printf(c->a, "%s · %s", line, a) : a;
	}
	const char *to = contributes_to(c, g);
	if (to) {
		const char *b = arena_printf(c->a, "Bidrar till: %s", to);
		line = line ? arena_printf(c->a, "%s · %s", line, b) : b;
	}
	for (size_t i = 1; i < g->n_parents; i++) {   /* MODEL v2 part 2 (issue 13) */
		const mal *p = g->parents[i];
		const niva *nv = model_find_niva(c->m, p->niva);
		const char *b = arena_printf(c->a, "Bidrar också till: %s", nv && nv->namn ?
		                             arena_printf(c->a, "%s: %s", nv->namn, p->titel) : p->titel);
		line = line ? arena_printf(c->a, "%s · %s", line, b) : b;
	}
	if (line) {
		/* kept with what follows: a goal's facts never end a page on their own */
		blk_text(c->d, line, RS_CAPTION, ROLE_FACTS, true);
	}
}

static void status_row(report_ctx *c, const char *label, int step)
{
	lay_cell row[2] = {
		report_cell(c, label, LF_BOLD, LA_LEFT),
		report_cell_step(c, step, NULL),
	};
	report_row(c, LR_BODY, row);
}

/* MODEL v2 part 2 (issue 13): a manual assessment is the nämnd's (or, for a goal of no
 * nämnd, kommunfullmäktige's), not a correction; what the pool says is shown beside it
 * where it differs. */
static const char *assessed_by(const report_ctx *c, const mal *g)
{
	(void)c;
	return model_goal_namnd(g) ? "Nämndens bedömning" : "Kommunfullmäktiges bedömning";
}

static const char *computed_from(const mal *g)
{
	bool ind = g->n_indikatorer > 0, kids = g->n_kids > 0;
	return ind && kids ? "Beräknat från indikatorerna och undermålen" :
	       ind ? "Beräknat från indikatorerna" : "Beräknat från undermålen";
}

/* The assessment now and, before year end, the prognos; an uppföljning shows only the
 * prognos, and nothing for a goal without one. */
static void goal_status(report_ctx *c, const mal *g, const calc_goal *cg)
{
	static const lay_column cols[2] = { { LA_LEFT, 0.3 }, { LA_LEFT, 0 } };
	bool uppf = report_prognos_only(c->m);
	bool year = c->m->typ == RT_ARSREDOVISNING || c->m->typ == RT_VERKSAMHETSBERATTELSE;
	if (uppf && !has_goal_prognos(g))
		return;
	/* The assessment belongs to the goal's heading and text: it is kept with the start
	 * of what follows, so that a page never ends with a heading and its status alone. */
	blk_table_begin(c->d, cols, 2, RS_TABLE, true);
	report_table_at(c, g->loc);
	blk_table_caption(c->d, uppf ? "Prognos" : "Bedömning", NULL, false);   /* its rows say so */
	blk_table_row_header(c->d, 0);   /* the first column names the row */
	if (!uppf && cg->manual) {
		status_row(c, assessed_by(c, g), cg->step);
		if (cg->computed_differs)
			status_row(c, computed_from(g), cg->computed_step);
	} else if (!uppf) {
		status_row(c, "Bedömning", cg->step);
	}
	if (!year && has_goal_prognos(g))
		status_row(c, "Prognos för helåret", cg->prognos_step);
	blk_table_end(c->d);
}

static void goal_block(report_ctx *c, const mal *g, const calc_goal *cg, int depth)
{
	const niva *nv = model_find_niva(c->m, g->niva);
	const char *title = nv && nv->namn ? arena_printf(c->a, "%s: %s", nv->namn, g->titel)
	                                   : g->titel;
	int level = c->s->goal_heading_base + depth;
	if (level <= 4)
		report_heading(c, level, title);
	else
		report_text(c, RS_H6, title);   /* deeper goals: bold paragraphs, not in the contents */
	goal_facts(c, g);
	goal_status(c, g, cg);
	if (g->has_beskrivning && g->beskrivning.n_runs > 0) {
		size_t n;
		lay_span *sp = report_spans(c, &g->beskrivning, 0, &n);
		blk_paragraph(c->d, sp, n, RS_BODY, ROLE_PARAGRAPH, false);
	}
	indicator_table(c, g);
	indicator_histories(c, g);
	if (g->has_bedomning && g->bedomning.text.n_runs > 0)
		report_labelled(c, "Analys", &g->bedomning.text);
	activity_table(c, g);
	if (g->has_atgard && g->atgard.n_runs > 0)
		report_labelled(c, "Åtgärder", &g->atgard);
}

/* MODEL v2 part 2 (issue 13): shown in its level's table, not as a chapter. */
static bool table_goal(const report_ctx *c, const bool *tbl, const mal *g)
{
	int l = model_level_index(c->m, g->niva);
	return l >= 0 && tbl[l];
}

typedef struct goal_frame {
	const mal *g;
	int depth;   /* in-scope ancestors shown above it */
} goal_frame;

/* Pre-order walk with an explicit stack: each goal is pushed once, so n_goals frames
 * suffice and no recursion depth depends on the document. */
void report_sec_goal_followup(report_ctx *c)
{
	const sr_model *m = c->m;
	if (m->n_goals == 0)
		return;
	goal_frame *stack = arena_calloc(c->a, m->n_goals + m->n_roots + 1, sizeof *stack);
	size_t top = 0, cap = m->n_goals + m->n_roots + 1;
	for (size_t i = m->n_roots; i-- > 0;)
		if (!m->roots[i]->parent && top < cap)
			stack[top++] = (goal_frame){ m->roots[i], 0 };
	/* MODEL v2 part 2 (issue 13): bare levels as one table; a goal under several
	 * parents once, under its first */
	bool *tbl = report_table_levels(c, goal_shown);
	bool prognos_col = !report_prognos_only(m) && m->typ != RT_ARSREDOVISNING &&
	                   m->typ != RT_VERKSAMHETSBERATTELSE;
	const mal **rows = arena_calloc(c->a, m->n_goals + 1, sizeof *rows);
	size_t n_rows = 0;
	for (size_t i = 0; i < m->n_roots; i++)
		if (!m->roots[i]->parent && goal_shown(c, m->roots[i]) && table_goal(c, tbl, m->roots[i]))
			rows[n_rows++] = m->roots[i];
	if (n_rows) {
		report_legend(c);
		const niva *nv = model_find_niva(m, rows[0]->niva);
		report_heading(c, c->s->goal_heading_base, nv && nv->namn ? nv->namn : "Mål");
		report_goal_table(c, rows, n_rows, prognos_col, report_prognos_only(m));
	}
	while (top > 0) {
		goal_frame f = stack[--top];
		const calc_goal *cg = calc_goal_of(c->r, m, f.g);
		bool shown = goal_shown(c, f.g);
		if (shown && !table_goal(c, tbl, f.g)) {
			report_legend(c);
			goal_block(c, f.g, cg, f.depth);
		}
		n_rows = 0;
		for (size_t k = 0; k < f.g->n_kids; k++) {
			const mal *kid = f.g->kids[k];
			if (kid->parent == f.g && goal_shown(c, kid) && table_goal(c, tbl, kid))
				rows[n_rows++] = kid;
		}
		if (n_rows) {
			const niva *nv = model_find_niva(m, rows[0]->niva);
			/* one heading for the table, at the level its goals' chapters would have */
			int level = c->s->goal_heading_base + f.depth + (shown ? 1 : 0);
			if (level <= 4)
				report_heading(c, level, nv && nv->namn ? nv->namn : "Mål");
			else
				report_text(c, RS_H6, nv && nv->namn ? nv->namn : "Mål");
			report_goal_table(c, rows, n_rows, prognos_col, report_prognos_only(m));
		}
		for (size_t k = 0; shown && k < f.g->n_kids; k++)
			if (f.g->kids[k]->parent != f.g && goal_shown(c, f.g->kids[k]))
				report_other_parent_note(c, f.g->kids[k]);
		for (size_t k = f.g->n_kids; k-- > 0;)
			if (top < cap && f.g->kids[k]->parent == f.g && !table_goal(c, tbl, f.g->kids[k]))
				stack[top++] = (goal_frame){ f.g->kids[k], f.depth + (shown ? 1 : 0) };
	}
}
