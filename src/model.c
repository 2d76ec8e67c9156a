/* SPDX-License-Identifier: Apache-2.0 */
/* model.c - small queries over the model and the goal-tree linking step. */
#include "model.h"
#include "model_v2.h"   /* MODEL v2 part 2 (issue 13) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const status_tokens[ST_MAX] = {
	[ST_NONE] = "", [ST_UPPFYLLT] = "uppfyllt", [ST_DELVIS] = "delvis",
	[ST_EJ_UPPFYLLT] = "ej-uppfyllt", [ST_EJ_BEDOMT] = "ej-bedomt",
};
static const char *const type_tokens[RT_MAX] = {
	"uppfoljning", "delarsrapport", "arsredovisning", "verksamhetsberattelse",
	"manadsrapport",   /* MODEL v2 part 2 (issue 13) */
};
static const char *const activity_tokens[AS_MAX] = {
	"ej-paborjad", "pagar", "klar", "forsenad", "avbruten",
};
static const char *const perspective_tokens[PERSP_MAX] = {
	"", "medborgare", "ekonomi", "processer", "medarbetare",
};
static const char *const rakning_tokens[RK_MAX] = {
	"resultatrakning", "balansrakning", "kassaflodesanalys",
	"balanskravsutredning",   /* MODEL v2 part 1 (issue 12) */
};

static int parse_token(const char *const *tokens, int n, int first, const char *s)
{
	if (!s)
		return -1;
	for (int i = first; i < n; i++)
		if (strcmp(tokens[i], s) == 0)
			return i;
	return -1;
}

const char *model_status_token(enum status s) { return status_tokens[s]; }
int model_status_parse(const char *s) { return parse_token(status_tokens, ST_MAX, 1, s); }
const char *model_report_type_token(enum report_type t) { return type_tokens[t]; }
int model_report_type_parse(const char *s) { return parse_token(type_tokens, RT_MAX, 0, s); }
const char *model_activity_token(enum activity_status s) { return activity_tokens[s]; }
int model_activity_parse(const char *s) { return parse_token(activity_tokens, AS_MAX, 0, s); }
const char *model_perspective_token(enum perspective p) { return perspective_tokens[p]; }
int model_perspective_parse(const char *s) { return parse_token(perspective_tokens, PERSP_MAX, 1, s); }
const char *model_rakning_token(enum rakning_type t) { return rakning_tokens[t]; }
int model_rakning_parse(const char *s) { return parse_token(rakning_tokens, RK_MAX, 0, s); }

void model_free(sr_model *m)
{
	if (m)
		arena_free(m->arena);   /* m itself is allocated in its arena */
}

mal *model_find_goal(const sr_model *m, const char *id)
{
	for (size_t i = 0; id && i < m->n_goals; i++)
		if (m->goals[i]->id && strcmp(m->goals[i]->id, id) == 0)
			return m->goals[i];
	return NULL;
}

const namnd *model_find_namnd(const sr_model *m, const char *id)
{
	for (size_t i = 0; id && i < m->n_namnder; i++)
		if (strcmp(m->namnder[i].id, id) == 0)
			return &m->namnder[i];
	return NULL;
}

const niva *model_find_niva(const sr_model *m, const char *id)
{
	int i = model_level_index(m, id);
	return i < 0 ? NULL : &m->nivaer[i];
}

int model_level_index(const sr_model *m, const char *id)
{
	for (size_t i = 0; id && i < m->n_nivaer; i++)
		if (strcmp(m->nivaer[i].id, id) == 0)
			return (int)i;
	return -1;
}

const char *model_goal_namnd(const mal *g)
{
	return g->namndref ? g->namndref : g->bidrag_namndref;
}

static bool is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int model_period_months(const sr_model *m)
{
	int y1, m1, d1, y2, m2, d2;
	if (!m->period_fran || !m->period_till ||
	    sscanf(m->period_fran, "%4d-%2d-%2d", &y1, &m1, &d1) != 3 ||
	    sscanf(m->period_till, "%4d-%2d-%2d", &y2, &m2, &d2) != 3)
		return 0;
	static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m2 < 1 || m2 > 12)
		return 0;
	int last = mdays[m2 - 1] + (m2 == 2 && is_leap(y2));
	if (d1 != 1 || d2 != last)
		return 0;
	int months = (y2 - y1) * 12 + (m2 - m1) + 1;
	return months >= 1 && months <= 12 ? months : 0;
}

/* True when `anc` is g itself or one of g's ancestors in the links made so far. */
static bool is_self_or_ancestor(const mal *anc, const mal *g)
{
	for (size_t guard = 0; g && guard < 100000; g = g->parent, guard++)
		if (g == anc)
			return true;
	return false;
}

static void add_kid(arena *a, mal *parent, mal *kid, size_t cap)
{
	if (!parent->kids)
		parent->kids = arena_calloc(a, cap, sizeof *parent->kids);
	parent->kids[parent->n_kids++] = kid;
	kid->parent = parent;
}

static size_t adopted_count(const sr_model *m, const mal *parent)
{
	size_t n = 0;
	for (size_t i = 0; i < m->n_goals; i++)
		if (m->goals[i]->overordnad && parent->id &&
		    strcmp(m->goals[i]->overordnad, parent->id) == 0)
			n++;
	return n + model_extra_adopted_count(m, parent);   /* MODEL v2 part 2 (issue 13) */
}

void model_link_goals(sr_model *m)
{
	for (size_t i = 0; i < m->n_goals; i++) {
		mal *g = m->goals[i];
		g->parent = NULL;
		g->kids = NULL;
		g->n_kids = 0;
		g->parents = NULL;   /* MODEL v2 part 2 (issue 13) */
		g->n_parents = 0;
	}
	/* Nested children first: they cannot form cycles. */
	for (size_t i = 0; i < m->n_goals; i++) {
		mal *g = m->goals[i];
		size_t cap = g->n_nested + adopted_count(m, g);
		for (size_t k = 0; k < g->n_nested; k++) {
			add_kid(m->arena, g, g->nested[k], cap);
			model_add_parent(m->arena, g->nested[k], g);   /* MODEL v2 part 2 (issue 13) */
		}
	}
	/* Then adoptions, in document order, refusing any that would close a loop. */
	bool multi = model_link_prepare(m);   /* MODEL v2 part 2 (issue 13) */
	for (size_t i = 0; i < m->n_goals; i++) {
		mal *g = m->goals[i];
		if (!g->overordnad || g->parent)
			continue;
		/* MODEL v2 part 2 (issue 13): every goal of the overordnad list, in order */
		for (size_t t = 0; t < (g->n_overordnad ? g->n_overordnad : 1); t++) {
			const char *id = g->n_overordnad ? g->overordnad_list[t] : g->overordnad;
			mal *p = model_find_goal(m, id);
			if (!p || (multi ? model_reaches_down(m, g, p) : is_self_or_ancestor(g, p)) ||
			    model_has_parent(g, p))
				continue;
			mal *first = g->parent;
			add_kid(m->arena, p, g, p->n_nested + adopted_count(m, p));
			if (first)
				g->parent = first;   /* printed under its first parent */
			model_add_parent(m->arena, g, p);
		}
	}
}

/* ---- MODEL v2 part 1 (issue 12) ---- */

int model_rakning_decimaler(const sr_model *m, const rakning *rk)
{
	if (rk->has_decimaler)
		return rk->decimaler;
	return m->has_ekonomi ? m->ekonomi.decimaler : 1;
}

const char *model_rakning_enhet(const sr_model *m, const rakning *rk)
{
	if (rk->enhet || rk->tabell)
		return rk->enhet;
	return m->ekonomi.enhet ? m->ekonomi.enhet : "mnkr";
}

int model_cell_decimaler(const sr_model *m, const rakning *rk, const rakning_item *it, size_t c)
{
	if (it && it->has_decimaler)
		return it->decimaler;
	if (c < rk->n_kolumner && rk->kolumner[c].has_decimaler)
		return rk->kolumner[c].decimaler;
	return model_rakning_decimaler(m, rk);
}

bool model_kolumn_summed(const rakning *rk, size_t c)
{
	return c < rk->n_kolumner && !rk->kolumner[c].text && !rk->kolumner[c].enhet;
}

const not_ *model_find_not(const sr_model *m, const char *id)
{
	for (size_t i = 0; id && i < m->ekonomi.n_noter; i++)
		if (m->ekonomi.noter[i].id && strcmp(m->ekonomi.noter[i].id, id) == 0)
			return &m->ekonomi.noter[i];
	return NULL;
}

const char *model_rakning_title(const rakning *rk)
{
	static const char *const titles[RK_MAX] = {
		"Resultaträkning", "Balansräkning", "Kassaflödesanalys", "Balanskravsutredning",
	};
	if (rk->rubrik && *rk->rubrik)
		return rk->rubrik;
	return rk->tabell ? "" : titles[rk->typ];
}
