/* SPDX-License-Identifier: Apache-2.0 */
/* report_goals.c - the goal parts of the report: the status legend, the summary of
 * statuses (sentences and tables per level, per nämnd, for the prognos) and the
 * follow-up of every in-scope goal in tree order. */
#include "report_private.h"
#include <string.h>

static const enum status counted[4] = { ST_UPPFYLLT, ST_DELVIS, ST_EJ_UPPFYLLT, ST_EJ_BEDOMT };

static long count_total(const calc_count *k)
{
	long t = 0;
	for (int i = 0; i < 4; i++)
		t += k->n[counted[i]];
	return t;
}

/* "uppfyllt"/"uppfyllda" etc.: the status word agreeing with a count of goals. */
static const char *status_word(enum status st, long n)
{
	switch (st) {
	case ST_UPPFYLLT: return n == 1 ? "uppfyllt" : "uppfyllda";
	case ST_DELVIS: return n == 1 ? "delvis uppfyllt" : "delvis uppfyllda";
	case ST_EJ_UPPFYLLT: return n == 1 ? "ej uppfyllt" : "ej uppfyllda";
	default: return n == 1 ? "ej bedömt" : "ej bedömda";
	}
}

/* report_legend: report_scale.c (MODEL v2 part 2, issue 13: the kommun's scale) */

/* "12 mål: 2 uppfyllda, 4 delvis uppfyllda, 5 ej uppfyllda och 1 ej bedömt." */
static const char *sum_sentence(const report_ctx *c, const char *lead, const calc_count *k)
{
	long n[4];
	for (int i = 0; i < 4; i++)
		n[i] = k->n[counted[i]];
	return arena_printf(c->a, "%s%ld mål: %ld %s, %ld %s, %ld %s och %ld %s.", lead,
	                    count_total(k), n[0], status_word(counted[0], n[0]), n[1],
	                    status_word(counted[1], n[1]), n[2], status_word(counted[2], n[2]),
	                    n[3], status_word(counted[3], n[3]));
}

/* "Strategiskt mål: 1 av 4 uppfyllda, 1 delvis uppfyllt, 2 ej uppfyllda och 0 ej
 * bedömda." The first word agrees with the total ("1 av 4 uppfyllda"). */
static const char *level_sentence(const report_ctx *c, const char *name, const calc_count *k)
{
	long n[4], total = count_total(k);
	for (int i = 0; i < 4; i++)
		n[i] = k->n[counted[i]];
	return arena_printf(c->a, "%s: %ld av %ld %s, %ld %s, %ld %s och %ld %s.", name, n[0],
	                    total, status_word(counted[0], total), n[1],
	                    status_word(counted[1], n[1]), n[2], status_word(counted[2], n[2]),
	                    n[3], status_word(counted[3], n[3]));
}

static void list_text(report_ctx *c, const char *text)
{
	lay_span *sp = arena_calloc(c->a, 1, sizeof *sp);
	sp->text = text;
	sp->font = LF_REGULAR;
	sp->color = c->s->text[RS_LIST].color;
	blk_list_item(c->d, NULL, sp, 1, RS_LIST);
}

static void count_row(report_ctx *c, enum lay_row_kind kind, const char *label, const calc_count *k)
{
	lay_cell cells[6];
	enum lay_font f = kind == LR_SUM ? LF_BOLD : LF_REGULAR;
	cells[0] = report_cell(c, label, f, LA_LEFT);
	for (int i = 0; i < 4; i++)
		cells[1 + i] = report_cell(c, arena_printf(c->a, "%ld", k->n[counted[i]]), f, LA_CENTER);
	cells[5] = report_cell(c, arena_printf(c->a, "%ld", count_total(k)), f, LA_CENTER);
	report_row(c, kind, cells);
}

static void count_header(report_ctx *c, const char *first)
{
	lay_cell cells[6];
	cells[0] = report_cell(c, first, LF_BOLD, LA_LEFT);
	for (int i = 0; i < 4; i++) {
		cells[1 + i] = report_cell(c, report_status_name(counted[i]), LF_BOLD, LA_CENTER);
		cells[1 + i].marker = report_marker(c, counted[i]);
	}
	cells[5] = report_cell(c, "Totalt", LF_BOLD, LA_CENTER);
	lay_rgb *fill = arena_alloc(c->a, sizeof *fill);
	*fill = c->s->header_fill;
	blk_table_row(c->d, LR_HEADER, cells, fill);
}

static const lay_column count_cols[6] = {
	/* counts centred under their status, so that marker, word and number line up */
	{ LA_LEFT, 0.34 }, { LA_CENTER, 0 }, { LA_CENTER, 0 }, { LA_CENTER, 0 }, { LA_CENTER, 0 }, { LA_CENTER, 0 },
};

/* One table of counts per level (prognos: the year-end assessment), with a sum row. */
static void level_table(report_ctx *c, bool prognos)
{
	const calc_result *r = c->r;
	blk_table_begin(c->d, count_cols, 6, RS_TABLE, false);
	blk_table_row_header(c->d, 0);   /* the first column names the row */
	count_header(c, "Nivå");
	for (size_t i = 0; i < r->n_levels; i++) {
		const calc_count *k = prognos ? &r->levels[i].prognos : &r->levels[i].status;
		if (count_total(k) > 0)
			count_row(c, LR_BODY, r->levels[i].niva->namn, k);
	}
	/* a sum row equal to the only row says nothing (issue 13) */
	size_t rows = 0;
	for (size_t i = 0; i < r->n_levels; i++)
		rows += count_total(prognos ? &r->levels[i].prognos : &r->levels[i].status) > 0;
	if (rows > 1)
		count_row(c, LR_SUM, c->m->namndref ? "Summa" : "Hela kommunen",
		          prognos ? &r->all_prognos : &r->all_status);
	blk_table_end(c->d);
}

static void namnd_table(report_ctx *c)
{
	const calc_result *r = c->r;
	blk_table_begin(c->d, count_cols, 6, RS_TABLE, false);
	blk_table_row_header(c->d, 0);   /* the first column names the row */
	count_header(c, "Nämnd");
	for (size_t i = 0; i < r->n_namnder; i++)
		count_row(c, LR_BODY, report_namnd_name(c, r->namnder[i].namndref), &r->namnder[i].status);
	blk_table_end(c->d);
}

/* How many of k are "ej bedömt" (for the prognos: no prognos given). */
static long count_total_none(const calc_count *k)
{
	return k->n[ST_EJ_BEDOMT] + k->n[ST_NONE];
}

static bool has_prognos(const sr_model *m)
{
	return m->typ == RT_UPPFOLJNING || m->typ == RT_DELARSRAPPORT ||
	       m->typ == RT_MANADSRAPPORT;   /* MODEL v2 part 2 (issue 13) */
}

bool report_prognos_only(const sr_model *m)
{
	return m->typ == RT_UPPFOLJNING || m->typ == RT_MANADSRAPPORT;
}

/* ---- MODEL v2 part 2 (issue 13): the sums by the kommun's own steps ---- */

static bool any_step_prognos(const report_ctx *c)
{
	const calc_step_count *k = &c->r->all_steg_prognos;
	return k->all > k->n[c->r->scale.n_steg];
}

static void step_level_table(report_ctx *c, bool prognos)
{
	const calc_result *r = c->r;
	const char **labels = arena_calloc(c->a, r->n_levels + 1, sizeof *labels);
	const calc_step_count **counts = arena_calloc(c->a, r->n_levels + 1, sizeof *counts);
	size_t n = 0;
	for (size_t i = 0; i < r->n_levels; i++) {
		const calc_step_count *k = prognos ? &r->levels[i].steg_prognos : &r->levels[i].steg;
		if (k->all > 0) {
			labels[n] = r->levels[i].niva->namn;
			counts[n++] = k;
		}
	}
	report_step_table(c, "Nivå", labels, counts, n, c->m->namndref ? "Summa" : "Hela kommunen",
	                  prognos ? &r->all_steg_prognos : &r->all_steg);
}

static void step_namnd_table(report_ctx *c)
{
	const calc_result *r = c->r;
	const char **labels = arena_calloc(c->a, r->n_namnder + 1, sizeof *labels);
	const calc_step_count **counts = arena_calloc(c->a, r->n_namnder + 1, sizeof *counts);
	for (size_t i = 0; i < r->n_namnder; i++) {
		labels[i] = report_namnd_name(c, r->namnder[i].namndref);
		counts[i] = &r->namnder[i].steg;
	}
	report_step_table(c, "Nämnd", labels, counts, r->n_namnder, NULL, NULL);
}

static void step_summary(report_ctx *c)
{
	const calc_result *r = c->r;
	bool only_prognos = report_prognos_only(c->m);
	const calc_step_count *all = only_prognos ? &r->all_steg_prognos : &r->all_steg;
	if (all->all == 0 || (only_prognos && !any_step_prognos(c)))
		return;
	report_heading(c, 1, "Måluppfyllelse i sammanfattning");
	report_text(c, RS_BODY, report_step_sentence(c, only_prognos ? "Prognos för helåret: " :
	                                             c->m->namndref ? "Totalt " : "Hela kommunen: ", all));
	for (size_t i = 0; i < r->n_levels; i++) {
		const calc_step_count *k = only_prognos ? &r->levels[i].steg_prognos : &r->levels[i].steg;
		if (k->all > 0 && k->all < all->all)
			list_text(c, arena_printf(c->a, "%s: %ld av %ld %s.", r->levels[i].niva->namn, k->met,
			                          k->all, report_met_phrase(c, k->all)));
	}
	report_legend(c);
	if (all->all == 1)
		return;   /* one goal: the sentence says it all */
	report_text(c, RS_TABLE_TITLE, only_prognos ? "Prognos för helåret per målnivå" : "Bedömning per målnivå");
	step_level_table(c, only_prognos);
	if (!only_prognos && has_prognos(c->m) && any_step_prognos(c)) {
		report_text(c, RS_BODY, report_step_sentence(c, "Prognos för helåret: ", &r->all_steg_prognos));
		report_text(c, RS_TABLE_TITLE, "Prognos för helåret per målnivå");
		step_level_table(c, true);
	}
	if (r->n_namnder > 1) {
		report_text(c, RS_TABLE_TITLE, "Bedömning per nämnd");
		step_namnd_table(c);
	}
}

/* Uppföljning jan–april: outcomes for the year are not in yet, so the goals are
 * reported by their year-end prognos only. */
static void prognos_summary(report_ctx *c)
{
	const calc_result *r = c->r;
	if (count_total(&r->all_prognos) == count_total_none(&r->all_prognos))
		return;   /* no goal has a prognos: nothing to summarise */
	report_heading(c, 1, "Måluppfyllelse i sammanfattning");
	report_text(c, RS_BODY, sum_sentence(c, "Prognos för helåret: ", &r->all_prognos));
	report_legend(c);
	report_text(c, RS_TABLE_TITLE, "Prognos för helåret per målnivå");
	level_table(c, true);
}

void report_sec_goal_summary(report_ctx *c)
{
	const calc_result *r = c->r;
	if (c->m->has_skala) {   /* MODEL v2 part 2 (issue 13) */
		step_summary(c);
		return;
	}
	if (report_prognos_only(c->m)) {
		prognos_summary(c);
		return;
	}
	if (count_total(&r->all_status) == 0)
		return;
	report_heading(c, 1, "Måluppfyllelse i sammanfattning");
	report_text(c, RS_BODY, sum_sentence(c, c->m->namndref ? "Totalt " : "Hela kommunen: ",
	                                     &r->all_status));
	blk_list_begin(c->d);   /* one item per målnivå, one list */
	for (size_t i = 0; i < r->n_levels; i++)
		if (count_total(&r->levels[i].status) > 0)
			list_text(c, level_sentence(c, r->levels[i].niva->namn, &r->levels[i].status));
	blk_list_end(c->d);
	report_legend(c);
	if (count_total(&r->all_status) == 1)
		return;   /* one goal: the sentence says it all (issue 13) */
	report_text(c, RS_TABLE_TITLE, "Bedömning per målnivå");
	level_table(c, false);
	if (has_prognos(c->m) && count_total(&r->all_prognos) > count_total_none(&r->all_prognos)) {
		report_text(c, RS_BODY, sum_sentence(c, "Prognos för helåret: ", &r->all_prognos));
		report_text(c, RS_TABLE_TITLE, "Prognos för helåret per målnivå");
		level_table(c, true);
	}
	if (r->n_namnder > 1) {
		report_text(c, RS_TABLE_TITLE, "Bedömning per nämnd");
		namnd_table(c);
	}
}
