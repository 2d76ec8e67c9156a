/* SPDX-License-Identifier: Apache-2.0 */
/* valid_goals.c - the goal-tree rules: levels and their order, overordnad (nested,
 * cycles, references), nämnd references, indicator values, Kolada and Agenda 2030 ids,
 * and the analysis text a manual status needs. */
#include "valid_private.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* "mal 'N1'" for messages; buf is the caller's. */
static const char *goal_name(const mal *g, char *buf, size_t n)
{
	if (g->id)
		snprintf(buf, n, "mal '%s'", g->id);
	else
		snprintf(buf, n, "mal på rad %ld", g->loc.line);
	return buf;
}

static void check_kolada(const sr_model *m, diag_sink *d, const mal *g, const indikator *ind)
{
	const char *k = ind->kolada;
	if (!k)
		return;
	bool ok = (k[0] == 'N' || k[0] == 'U') && strlen(k) == 6;
	for (int i = 1; ok && i < 6; i++)
		ok = k[i] >= '0' && k[i] <= '9';
	char b[160];
	if (!ok)
		diag_add(d, D_KOLADA, VLOC(m, ind->loc),
		         "kolada '%s' på indikator '%s' i %s är inget Kolada-id: det ska vara N eller U och fem siffror (till exempel N15419)",
		         k, ind->id ? ind->id : "", goal_name(g, b, sizeof b));
}

static void check_agenda(const sr_model *m, diag_sink *d, const mal *g)
{
	char b[160];
	for (size_t i = 0; i < g->n_agenda2030; i++) {
		int v = g->agenda2030[i];
		if (v < 1 || v > 17) {
			diag_add(d, D_AGENDA2030, VLOC(m, g->loc),
			         "agenda2030 på %s nämner %d; de globala målen är numrerade 1–17",
			         goal_name(g, b, sizeof b), v);
			continue;
		}
		for (size_t k = 0; k < i; k++)
			if (g->agenda2030[k] == v) {
				diag_add(d, D_AGENDA2030, VLOC(m, g->loc),
				         "agenda2030 på %s nämner mål %d två gånger", goal_name(g, b, sizeof b), v);
				break;
			}
	}
}

/* Two value points with the same ar (or the same period) are ambiguous. */
static bool same_slot(const value_point *a, const value_point *b)
{
	if (a->period || b->period)
		return a->period && b->period && strcmp(a->period, b->period) == 0;
	return a->ar == b->ar;
}

static void check_values(const sr_model *m, diag_sink *d, const indikator *ind,
                         const value_point *v, size_t n, const char *elem)
{
	const char *iid = ind->id ? ind->id : "";
	for (size_t i = 1; i < n; i++)
		for (size_t k = 0; k < i; k++) {
			if (!same_slot(&v[k], &v[i]))
				continue;
			if (v[i].period)
				diag_add(d, D_IND_DUP, VLOC(m, v[i].loc),
				         "indikator '%s' har redan ett %s för perioden %s (rad %ld)",
				         iid, elem, v[i].period, v[k].loc.line);
			else
				diag_add(d, D_IND_DUP, VLOC(m, v[i].loc),
				         "indikator '%s' har redan ett %s för år %d (rad %ld)",
				         iid, elem, v[i].ar, v[k].loc.line);
			break;
		}
}

/* A mandate-period target is "YYYY-YYYY", first year not after the last; a target
 * names its year or its period, exactly one of them. */
static void check_target_slot(const sr_model *m, diag_sink *d, const indikator *ind,
                              const value_point *v)
{
	const char *iid = ind->id ? ind->id : "";
	const char *p = v->period;
	if (!p) {
		if (v->ar == 0)
			diag_add(d, D_YEAR, VLOC(m, v->loc),
			         "malvarde i indikator '%s' anger varken ar eller period", iid);
		return;
	}
	bool form = strlen(p) == 9 && p[4] == '-';
	for (int i = 0; form && i < 9; i++)
		form = i == 4 || (p[i] >= '0' && p[i] <= '9');
	if (!form || atoi(p) > atoi(p + 5))
		diag_add(d, D_YEAR, VLOC(m, v->loc),
		         "period '%s' på malvarde i indikator '%s' ska vara två år med bindestreck, det första först (till exempel 2023-2026)",
		         p, iid);
	else if (v->ar != 0)
		diag_add(d, D_YEAR, VLOC(m, v->loc),
		         "malvarde i indikator '%s' anger både ar=\"%d\" och period=\"%s\"; ange det ena",
		         iid, v->ar, p);
}

static void check_indicator(const sr_model *m, diag_sink *d, const indikator *ind)
{
	for (size_t i = 0; i < ind->n_malvarde; i++)
		check_target_slot(m, d, ind, &ind->malvarde[i]);
	for (size_t i = 1; i < ind->n_utgangsvarde; i++)
		diag_add(d, D_IND_DUP, VLOC(m, ind->utgangsvarde[i].loc),
		         "indikator '%s' har redan ett utgangsvarde (rad %ld); en indikator har högst ett",
		         ind->id ? ind->id : "", ind->utgangsvarde[0].loc.line);
	check_values(m, d, ind, ind->malvarde, ind->n_malvarde, "malvarde");
	check_values(m, d, ind, ind->utfall, ind->n_utfall, "utfall");
}

static bool rich_text_blank(const rich_text *t)
{
	for (size_t i = 0; i < t->n_runs; i++)
		for (const char *s = t->runs[i].text; s && *s; s++)
			if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
				return false;
	return true;
}

static void check_assessment(const sr_model *m, diag_sink *d, const mal *g)
{
	char b[160];
	if (g->has_bedomning && g->bedomning.status != ST_NONE && rich_text_blank(&g->bedomning.text))
		diag_add(d, D_ASSESS_TEXT, VLOC(m, g->bedomning.loc),
		         "bedomning på %s anger status=\"%s\" men saknar analystext; en manuell status måste motiveras",
		         goal_name(g, b, sizeof b), model_status_token(g->bedomning.status));
}

static void check_nested_parent(const sr_model *m, diag_sink *d, const mal *g)
{
	char b[160];
	for (size_t k = 0; k < g->n_nested; k++) {
		const mal *kid = g->nested[k];
		if (kid->overordnad)
			diag_add(d, D_PARENT_NESTED, VLOC(m, kid->loc),
			         "%s står inuti mal '%s' och får därför inte också ange overordnad '%s'",
			         goal_name(kid, b, sizeof b), g->id ? g->id : "", kid->overordnad);
	}
}

void valid_goal_values(const sr_model *m, diag_sink *d)
{
	for (size_t i = 0; i < m->n_goals; i++) {
		const mal *g = m->goals[i];
		check_agenda(m, d, g);
		for (size_t k = 0; k < g->n_indikatorer; k++) {
			check_kolada(m, d, g, &g->indikatorer[k]);
			check_indicator(m, d, &g->indikatorer[k]);
		}
		check_assessment(m, d, g);
		check_nested_parent(m, d, g);
	}
}

/* ---- rules that need the whole report: levels, references, adoption ---- */

/* The goal tree's parent links as validation sees them: the nested parent, else the
 * goal named by overordnad. Indices into m->goals; -1 for none. */
typedef struct goal_links {
	long *nested_parent;
	long *parent;
} goal_links;

typedef struct ptr_index {
	const mal *g;
	long i;
} ptr_index;

static int cmp_ptr(const void *a, const void *b)
{
	const ptr_index *x = a, *y = b;
	return x->g < y->g ? -1 : x->g > y->g;
}

static long index_of(const ptr_index *v, size_t n, const mal *g)
{
	ptr_index key = {g, 0};
	const ptr_index *hit = bsearch(&key, v, n, sizeof *v, cmp_ptr);
	return hit ? hit->i : -1;
}

static void links_build(const sr_model *m, goal_links *l)
{
	size_t n = m->n_goals;
	ptr_index *v = xcalloc(n ? n : 1, sizeof *v);
	l->nested_parent = xcalloc(n ? n : 1, sizeof *l->nested_parent);
	l->parent = xcalloc(n ? n : 1, sizeof *l->parent);
	for (size_t i = 0; i < n; i++) {
		v[i] = (ptr_index){m->goals[i], (long)i};
		l->nested_parent[i] = l->parent[i] = -1;
	}
	qsort(v, n, sizeof *v, cmp_ptr);
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < m->goals[i]->n_nested; k++) {
			long kid = index_of(v, n, m->goals[i]->nested[k]);
			if (kid >= 0)
				l->nested_parent[kid] = l->parent[kid] = (long)i;
		}
	for (size_t i = 0; i < n; i++)
		if (l->parent[i] < 0 && m->goals[i]->overordnad) {
			const mal *p = model_find_goal(m, m->goals[i]->overordnad);
			l->parent[i] = p ? index_of(v, n, p) : -1;
		}
	free(v);
}

static void links_free(goal_links *l)
{
	free(l->nested_parent);
	free(l->parent);
}

static void check_level_pair(const sr_model *m, diag_sink *d, const mal *kid, const mal *par,
                             bool nested)
{
	int lk = model_level_index(m, kid->niva), lp = model_level_index(m, par->niva);
	char b1[160], b2[160];
	if (lk < 0 || lp < 0 || lp < lk)
		return;   /* unknown levels are reported on their own */
	diag_add(d, D_LEVEL_ORDER, VLOC(m, kid->loc),
	         "%s på nivån %s %s %s på nivån %s; ett mål får bara stå under ett mål på högre nivå",
	         goal_name(kid, b1, sizeof b1), m->nivaer[lk].namn,
	         nested ? "står inuti" : "har som overordnad", goal_name(par, b2, sizeof b2),
	         m->nivaer[lp].namn);
}

static void check_levels(const sr_model *m, diag_sink *d, const goal_links *l)
{
	char b[160];
	if (m->n_goals && m->n_nivaer == 0) {
		diag_add(d, D_LEVELS_NONE, VLOC(m, m->goals[0]->loc),
		         "dokumentet har mål men inga malnivaer; ange målnivåerna före organisation");
		return;
	}
	for (size_t i = 0; i < m->n_goals; i++) {
		const mal *g = m->goals[i];
		char what[200];
		snprintf(what, sizeof what, "%s", goal_name(g, b, sizeof b));
		valid_ref(m, d, g->niva, "niva", "niva", what, g->loc, D_LEVEL_MISSING);
		if (l->parent[i] >= 0)
			check_level_pair(m, d, g, m->goals[l->parent[i]], l->nested_parent[i] >= 0);
	}
}

/* True when walking up from `from` reaches goal index `target` (bounded: a cycle that
 * does not pass target must not loop forever). */
static bool reaches(const goal_links *l, size_t n, long from, long target)
{
	for (size_t steps = 0; from >= 0 && steps <= n; steps++, from = l->parent[from])
		if (from == target)
			return true;
	return false;
}

static void check_adoption(const sr_model *m, diag_sink *d, const goal_links *l, size_t i)
{
	const mal *g = m->goals[i];
	char b[160];
	if (!g->overordnad || l->nested_parent[i] >= 0)
		return;   /* nested + overordnad is D_PARENT_NESTED */
	const mal *p = model_find_goal(m, g->overordnad);
	if (!p) {
		bool outside_ok = m->typ == RT_VERKSAMHETSBERATTELSE;
		bool other_kind = false;
		for (size_t k = 0; k < m->n_ids && !other_kind; k++)
			other_kind = m->ids[k].id && strcmp(m->ids[k].id, g->overordnad) == 0;
		if (!outside_ok || other_kind)
			valid_ref(m, d, g->overordnad, "mal", "overordnad", goal_name(g, b, sizeof b),
			          g->loc, D_REF_MISSING);
		return;
	}
	if (p == g)
		diag_add(d, D_PARENT_CYCLE, VLOC(m, g->loc),
		         "overordnad '%s' på %s pekar på målet självt", g->overordnad, goal_name(g, b, sizeof b));
	else if (reaches(l, m->n_goals, l->parent[i], (long)i))
		diag_add(d, D_PARENT_CYCLE, VLOC(m, g->loc),
		         "overordnad '%s' på %s pekar på ett av målets egna undermål; målträdet blir en slinga",
		         g->overordnad, goal_name(g, b, sizeof b));
}

static void check_goal_namnd(const sr_model *m, diag_sink *d, const mal *g)
{
	char b[160];
	if (g->namndref)
		valid_ref(m, d, g->namndref, "namnd", "namndref", goal_name(g, b, sizeof b), g->loc,
		          D_REF_MISSING);
}

void valid_goals(const sr_model *m, diag_sink *d)
{
	goal_links l;
	links_build(m, &l);
	check_levels(m, d, &l);
	for (size_t i = 0; i < m->n_goals; i++) {
		check_goal_namnd(m, d, m->goals[i]);
		check_adoption(m, d, &l, i);
	}
	links_free(&l);
}
