/* SPDX-License-Identifier: Apache-2.0 */
/* calc.c - the computed statuses of indicators and goals and the sums by status
 * (MODEL.md "The computed statuses"), all compared exactly without dividing. */
#include "calc.h"
#include "calc_private.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Open-addressing map from a goal to its index in model->goals, so that kids and
 * calc_goal_of are found in constant time even in trees of thousands of goals. */
struct calc_goal_index {
	const mal **keys;
	size_t *vals;
	size_t mask;
};

static size_t hash_ptr(const void *p)
{
	uint64_t x = (uint64_t)(uintptr_t)p;
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	return (size_t)x;
}

static struct calc_goal_index *index_build(arena *a, const sr_model *m)
{
	struct calc_goal_index *ix = arena_alloc(a, sizeof *ix);
	size_t cap = 16;
	while (cap < 2 * m->n_goals + 1)
		cap *= 2;
	ix->keys = arena_calloc(a, cap, sizeof *ix->keys);
	ix->vals = arena_calloc(a, cap, sizeof *ix->vals);
	ix->mask = cap - 1;
	for (size_t i = 0; i < m->n_goals; i++) {
		size_t h = hash_ptr(m->goals[i]) & ix->mask;
		while (ix->keys[h] && ix->keys[h] != m->goals[i])
			h = (h + 1) & ix->mask;
		ix->keys[h] = m->goals[i];
		ix->vals[h] = i;
	}
	return ix;
}

/* Index of g in model->goals, or (size_t)-1. */
static size_t index_find(const struct calc_goal_index *ix, const mal *g)
{
	for (size_t h = hash_ptr(g) & ix->mask; ix->keys[h]; h = (h + 1) & ix->mask)
		if (ix->keys[h] == g)
			return ix->vals[h];
	return (size_t)-1;
}

/* The side of the baseline the target must lie on for p to be defined, and p. */
static bool progress(enum direction dir, bool has_b, dec b, dec t, dec u_num, dec u_den,
                     ratio *p)
{
	if (!has_b || (dir == DIR_HOGRE ? t <= b : t >= b))
		return false;
	/* hogre: p = (U - B) / (T - B) = (u_num - B u_den) / (u_den (T - B)); lagre mirrored.
	 * With u_den == 1 the common factor is left out so that p reads (U-B)/(T-B). */
	dec gap_u = u_den == DEC_ONE ? u_num - b : u_num * DEC_ONE - b * u_den;
	dec den_f = u_den == DEC_ONE ? 1 : u_den;
	p->num = dir == DIR_HOGRE ? gap_u : -gap_u;
	p->den = den_f * (dir == DIR_HOGRE ? t - b : b - t);
	return true;
}

calc_assessment calc_assess(enum direction dir, bool has_b, dec b, dec t,
                            dec u_num, dec u_den, dec gul_andel)
{
	calc_assessment a = {.status = ST_EJ_UPPFYLLT};
	/* U >= T  <=>  u_num * 1 >= T * u_den (u_den > 0), both scaled by 10^12. */
	int cmp = dec_cmp_products(u_num, DEC_ONE, t, u_den);
	bool met = dir == DIR_HOGRE ? cmp >= 0 : cmp <= 0;
	a.has_framsteg = progress(dir, has_b, b, t, u_num, u_den, &a.framsteg);
	if (met)
		a.status = ST_UPPFYLLT;
	else if (a.has_framsteg &&
	         dec_cmp_products(a.framsteg.num, DEC_ONE, gul_andel, a.framsteg.den) >= 0)
		a.status = ST_DELVIS;
	return a;
}

static const value_point *point_for_year(const value_point *v, size_t n, int ar)
{
	for (size_t i = 0; i < n; i++)
		if (!v[i].period && v[i].ar == ar)
			return &v[i];
	return NULL;
}

static calc_indicator assess_indicator_v1(const sr_model *m, const mal *g, const indikator *ind)
{
	calc_indicator ci = {.ind = ind, .goal = g, .status = ST_EJ_BEDOMT};
	const value_point *t = point_for_year(ind->malvarde, ind->n_malvarde, m->ar);
	const value_point *u = point_for_year(ind->utfall, ind->n_utfall, m->ar);
	ci.has_b = ind->n_utgangsvarde > 0;
	ci.b = ci.has_b ? ind->utgangsvarde[0].value : 0;
	ci.has_t = t != NULL;
	ci.t = t ? t->value : 0;
	ci.has_u = u != NULL;
	ci.u = u ? u->value : 0;
	if (!t || !u)
		return ci;
	calc_assessment a = calc_assess(ind->riktning, ci.has_b, ci.b, ci.t, ci.u, DEC_ONE,
	                                m->gul_andel);
	ci.status = a.status;
	ci.has_framsteg = a.has_framsteg;
	ci.framsteg = a.framsteg;
	return ci;
}

/* MODEL v2 part 2 (issue 13): trend targets, and the step each status is shown as. */
static calc_indicator assess_indicator(const sr_model *m, const calc_result *r, const mal *g,
                                       const indikator *ind)
{
	calc_indicator ci = assess_indicator_v1(m, g, ind);
	if (ind->mal != TREND_NONE) {
		ci.has_framsteg = false;
		calc_assess_trend(m, &ci);
	}
	ci.step = model_scale_step_of_status(&r->scale, ci.status);
	return ci;
}

/* Adds the poang of a step to a goal's pool; the ejbedomt state is left out. */
static void pool(const calc_result *r, dec *sum, long *n, int step)
{
	if (step < 0 || (size_t)step >= r->scale.n_steg)
		return;
	*sum += r->scale.steg[step].poang;
	(*n)++;
}

/* MODEL v2 part 2 (issue 13): the token as written, else the parsed version 1 one
 * (models built in code set only the enum). */
static const char *written(const char *id, enum status s)
{
	return id ? id : s != ST_NONE ? model_status_token(s) : NULL;
}

/* The final status of goal i once all its kids are done. */
static void assess_goal(const sr_model *m, calc_result *r, size_t i)
{
	const mal *g = m->goals[i];
	calc_goal *cg = &r->goals[i];
	const bedomningsskala *sc = &r->scale;
	int ejb = (int)sc->n_steg;
	/* MODEL v2 part 2 (issue 13): statuses are steps of the scale in effect (version
	 * 1's scale gives version 1's statuses); the written tokens name them. */
	int pst = g->has_bedomning ? model_scale_find(sc, written(g->prognos_id, g->bedomning.prognos)) : -1;
	cg->prognos_step = pst >= 0 ? pst : ejb;
	cg->prognos = calc_step_status(sc, cg->prognos_step);
	int mst = g->has_bedomning ? model_scale_find(sc, written(g->status_id, g->bedomning.status)) : -1;
	dec sum = 0;
	long n = 0;
	for (size_t k = 0; k < g->n_indikatorer; k++)
		pool(r, &sum, &n, assess_indicator(m, r, g, &g->indikatorer[k]).step);
	for (size_t k = 0; k < g->n_kids; k++) {
		size_t j = index_find(r->goal_index, g->kids[k]);
		if (j != (size_t)-1 && r->goals[j].status != ST_NONE)
			pool(r, &sum, &n, r->goals[j].step);
	}
	int computed = n ? calc_step_of_mean(sc, sum, n) : ejb;
	if (mst >= 0) {
		cg->step = mst;
		cg->status = calc_step_status(sc, mst);
		cg->manual = true;
		/* what the pool says, for "Beräknat från indikatorerna: …" in the PDF */
		cg->has_computed = n > 0;
		cg->computed_step = computed;
		cg->computed_differs = n > 0 && computed != mst;
		return;
	}
	cg->step = computed;
	cg->status = calc_step_status(sc, computed);
	if (n == 0)
		return;
	cg->has_poang = true;
	cg->poang_sum = sum;
	cg->score_sum = (long)(sum / DEC_ONE);
	cg->score_n = n;
}

struct frame {
	size_t goal, next_kid;
};

/* Post-order over the effective tree from goal `root`, with an explicit stack: trees
 * may be thousands deep. state: 0 new, 1 on the stack, 2 done (a kid on the stack
 * would be a cycle, which model_link_goals refuses; it is skipped, not followed). */
static void assess_from(const sr_model *m, calc_result *r, size_t root,
                        unsigned char *state, struct frame *stack)
{
	size_t top = 0;
	stack[top++] = (struct frame){root, 0};
	state[root] = 1;
	while (top > 0) {
		struct frame *f = &stack[top - 1];
		const mal *g = m->goals[f->goal];
		if (f->next_kid < g->n_kids) {
			size_t j = index_find(r->goal_index, g->kids[f->next_kid++]);
			if (j != (size_t)-1 && state[j] == 0) {
				state[j] = 1;
				stack[top++] = (struct frame){j, 0};
			}
			continue;
		}
		assess_goal(m, r, f->goal);
		state[f->goal] = 2;
		top--;
	}
}

static void assess_goals(const sr_model *m, calc_result *r)
{
	unsigned char *state = xcalloc(m->n_goals, 1);
	struct frame *stack = xcalloc(m->n_goals, sizeof *stack);
	for (size_t i = 0; i < m->n_goals; i++)
		r->goals[i].goal = m->goals[i];
	for (size_t i = 0; i < m->n_goals; i++)
		if (state[i] == 0)
			assess_from(m, r, i, state, stack);
	free(stack);
	free(state);
}

static bool goal_in_scope(const sr_model *m, const mal *g)
{
	const char *n = model_goal_namnd(g);
	return !m->namndref || (n && strcmp(n, m->namndref) == 0);
}

static void collect_indicators(const sr_model *m, calc_result *r)
{
	size_t n = 0;
	for (size_t i = 0; i < m->n_goals; i++)
		if (r->goals[i].in_scope)
			n += m->goals[i]->n_indikatorer;
	r->ind = arena_calloc(r->arena, n, sizeof *r->ind);
	for (size_t i = 0; i < m->n_goals; i++) {
		const mal *g = m->goals[i];
		for (size_t k = 0; r->goals[i].in_scope && k < g->n_indikatorer; k++)
			r->ind[r->n_ind++] = assess_indicator(m, r, g, &g->indikatorer[k]);
	}
}

static void count_goal(calc_count *status, calc_count *prognos, const calc_goal *cg)
{
	status->n[cg->status]++;
	prognos->n[cg->prognos]++;
}

static void count_namnder(const sr_model *m, calc_result *r)
{
	r->namnder = arena_calloc(r->arena, m->n_namnder, sizeof *r->namnder);
	for (size_t k = 0; k < m->n_namnder; k++) {
		calc_namnd_sum ns = {.namndref = m->namnder[k].id};
		long n = 0;
		for (size_t i = 0; i < m->n_goals; i++) {
			const char *gn = model_goal_namnd(m->goals[i]);
			if (r->goals[i].in_scope && gn && ns.namndref && strcmp(gn, ns.namndref) == 0) {
				count_goal(&ns.status, &ns.prognos, &r->goals[i]);
				n++;
			}
		}
		if (n > 0)
			r->namnder[r->n_namnder++] = ns;
	}
}

static void count_goals(const sr_model *m, calc_result *r)
{
	r->n_levels = m->n_nivaer;
	r->levels = arena_calloc(r->arena, m->n_nivaer, sizeof *r->levels);
	for (size_t l = 0; l < m->n_nivaer; l++)
		r->levels[l].niva = &m->nivaer[l];
	for (size_t i = 0; i < m->n_goals; i++) {
		const calc_goal *cg = &r->goals[i];
		if (!cg->in_scope)
			continue;
		count_goal(&r->all_status, &r->all_prognos, cg);
		int l = model_level_index(m, m->goals[i]->niva);
		if (l >= 0)
			count_goal(&r->levels[l].status, &r->levels[l].prognos, cg);
	}
	count_namnder(m, r);
}

calc_result *calc_compute(const sr_model *m)
{
	arena *a = arena_new();
	calc_result *r = arena_alloc(a, sizeof *r);
	r->arena = a;
	r->months = model_period_months(m);
	r->n_goals = m->n_goals;
	r->goals = arena_calloc(a, m->n_goals, sizeof *r->goals);
	r->goal_index = index_build(a, m);
	model_effective_scale(m, &r->scale, a);   /* MODEL v2 part 2 (issue 13) */
	assess_goals(m, r);
	for (size_t i = 0; i < m->n_goals; i++)
		r->goals[i].in_scope = goal_in_scope(m, m->goals[i]);
	collect_indicators(m, r);
	count_goals(m, r);
	calc_part2(m, r);   /* MODEL v2 part 2 (issue 13) */
	calc_economy(m, r);
	return r;
}

void calc_free(calc_result *r)
{
	if (r)
		arena_free(r->arena);   /* r itself lives in its arena */
}

const calc_goal *calc_goal_of(const calc_result *r, const sr_model *m, const mal *g)
{
	(void)m;
	size_t i = index_find(r->goal_index, g);
	return i == (size_t)-1 ? NULL : &r->goals[i];
}
