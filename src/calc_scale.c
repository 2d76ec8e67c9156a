/* SPDX-License-Identifier: Apache-2.0 */
/* calc_scale.c - MODEL v2 part 2 (issue 13): the steps of the kommun's scale (a goal's
 * step from its mean poang, counted by step), trend targets, target ranges, and the
 * uppdrag and intern kontroll sums. All comparisons exact, without dividing. */
#include "calc.h"
#include "calc_private.h"
#include <string.h>

bool calc_in_range(ratio u, dec min, dec max)
{
	/* u = num / den with den > 0: min <= u  <=>  num * 1 >= min * den */
	return dec_cmp_products(u.num, DEC_ONE, min, u.den) >= 0 &&
	       dec_cmp_products(u.num, DEC_ONE, max, u.den) <= 0;
}

void calc_assess_trend(const sr_model *m, calc_indicator *ci)
{
	const indikator *ind = ci->ind;
	const value_point *p = NULL;
	for (size_t i = 0; i < ind->n_utfall; i++) {
		const value_point *v = &ind->utfall[i];
		if (!v->period && v->ar < m->ar && (!p || v->ar > p->ar))
			p = v;
	}
	ci->status = ST_EJ_BEDOMT;
	ci->has_forandring = false;
	if (!ci->has_u || !p)
		return;
	ci->has_forandring = true;
	ci->forandring = ci->u - p->value;
	ci->jamfor_ar = p->ar;
	ci->p = p->value;
	int cmp = ci->u > p->value ? 1 : ci->u < p->value ? -1 : 0;
	switch (ind->mal) {
	case TREND_OKA:
		ci->status = cmp > 0 ? ST_UPPFYLLT : cmp == 0 ? ST_DELVIS : ST_EJ_UPPFYLLT;
		break;
	case TREND_MINSKA:
		ci->status = cmp < 0 ? ST_UPPFYLLT : cmp == 0 ? ST_DELVIS : ST_EJ_UPPFYLLT;
		break;
	default: {
		bool kept = ind->riktning == DIR_HOGRE ? cmp >= 0 : cmp <= 0;
		ci->status = kept ? ST_UPPFYLLT : ST_EJ_UPPFYLLT;
	}
	}
}

int calc_step_of_mean(const bedomningsskala *sc, dec poang_sum, long n)
{
	/* the first step (best first) whose fran <= s = sum / n  <=>  sum >= fran * n */
	for (size_t i = 0; i + 1 < sc->n_steg; i++)
		if (sc->steg[i].has_fran && dec_cmp_products(poang_sum, 1, sc->steg[i].fran, n) >= 0)
			return (int)i;
	return sc->n_steg ? (int)sc->n_steg - 1 : 0;
}

/* The best version 1 status step i stands for, or ST_NONE. */
static enum status mapped_status(const skala_steg *st)
{
	if (model_step_maps(st, "uppfyllt"))
		return ST_UPPFYLLT;
	if (model_step_maps(st, "delvis"))
		return ST_DELVIS;
	if (model_step_maps(st, "ej-uppfyllt"))
		return ST_EJ_UPPFYLLT;
	return ST_NONE;
}

enum status calc_step_status(const bedomningsskala *sc, int step)
{
	if (step < 0 || (size_t)step >= sc->n_steg)
		return ST_EJ_BEDOMT;
	enum status s = mapped_status(&sc->steg[step]);
	/* a step of its own (no computed status): the nearest mapped step below it, else
	 * above it, stands in where only four statuses are known */
	for (size_t i = (size_t)step + 1; s == ST_NONE && i < sc->n_steg; i++)
		s = mapped_status(&sc->steg[i]);
	for (int i = step - 1; s == ST_NONE && i >= 0; i--)
		s = mapped_status(&sc->steg[i]);
	return s == ST_NONE ? ST_EJ_UPPFYLLT : s;
}

bool calc_step_met(const calc_result *r, int step)
{
	if (step < 0 || (size_t)step >= r->scale.n_steg)
		return false;
	return r->has_met_step ? r->scale.steg[step].uppfyllt : step == 0;
}

/* ---- counts by step ---- */

static void count_init(arena *a, calc_step_count *c, size_t n)
{
	c->n = arena_calloc(a, n + 1, sizeof *c->n);
}

static void count_add(const calc_result *r, calc_step_count *c, int step)
{
	c->n[step]++;
	c->all++;
	c->met += calc_step_met(r, step);
}

static void count_steps(const sr_model *m, calc_result *r)
{
	size_t ns = r->scale.n_steg;
	count_init(r->arena, &r->all_steg, ns);
	count_init(r->arena, &r->all_steg_prognos, ns);
	for (size_t l = 0; l < r->n_levels; l++) {
		count_init(r->arena, &r->levels[l].steg, ns);
		count_init(r->arena, &r->levels[l].steg_prognos, ns);
	}
	for (size_t k = 0; k < r->n_namnder; k++) {
		count_init(r->arena, &r->namnder[k].steg, ns);
		count_init(r->arena, &r->namnder[k].steg_prognos, ns);
	}
	for (size_t i = 0; i < m->n_goals; i++) {
		const calc_goal *cg = &r->goals[i];
		if (!cg->in_scope)
			continue;
		count_add(r, &r->all_steg, cg->step);
		count_add(r, &r->all_steg_prognos, cg->prognos_step);
		int l = model_level_index(m, m->goals[i]->niva);
		if (l >= 0) {
			count_add(r, &r->levels[l].steg, cg->step);
			count_add(r, &r->levels[l].steg_prognos, cg->prognos_step);
		}
		const char *gn = model_goal_namnd(m->goals[i]);
		for (size_t k = 0; gn && k < r->n_namnder; k++)
			if (strcmp(r->namnder[k].namndref, gn) == 0) {
				count_add(r, &r->namnder[k].steg, cg->step);
				count_add(r, &r->namnder[k].steg_prognos, cg->prognos_step);
			}
	}
}

/* ---- uppdrag and kontroller ---- */

static bool item_in_scope(const sr_model *m, const char *namndref)
{
	return !m->namndref || (namndref && strcmp(namndref, m->namndref) == 0);
}

static bool is_late(const sr_model *m, const uppdrag *u)
{
	return u->klart && m->period_till && strcmp(u->klart, m->period_till) <= 0 &&
	       (u->status == AS_EJ_PABORJAD || u->status == AS_PAGAR);
}

static void compute_uppdrag(const sr_model *m, calc_result *r)
{
	r->upp = arena_calloc(r->arena, m->n_uppdrag + 1, sizeof *r->upp);
	r->upp_sums = arena_calloc(r->arena, m->n_namnder + 1, sizeof *r->upp_sums);
	calc_uppdrag_sum all = {0};
	for (size_t i = 0; i < m->n_uppdrag; i++) {
		const uppdrag *u = &m->uppdrag[i];
		if (!item_in_scope(m, u->namndref))
			continue;
		calc_uppdrag cu = {u, is_late(m, u)};
		r->upp[r->n_upp++] = cu;
		all.n[u->status]++;
		all.sena += cu.sen;
		all.antal++;
	}
	for (size_t k = 0; k < m->n_namnder; k++) {
		calc_uppdrag_sum s = {.namndref = m->namnder[k].id};
		for (size_t i = 0; i < r->n_upp; i++) {
			const uppdrag *u = r->upp[i].u;
			if (u->namndref && strcmp(u->namndref, s.namndref) == 0) {
				s.n[u->status]++;
				s.sena += r->upp[i].sen;
				s.antal++;
			}
		}
		if (s.antal)
			r->upp_sums[r->n_upp_sums++] = s;
	}
	if (m->n_uppdrag)
		r->upp_sums[r->n_upp_sums++] = all;
}

static void compute_kontroller(const sr_model *m, calc_result *r)
{
	r->kon = arena_calloc(r->arena, m->n_kontroller + 1, sizeof *r->kon);
	r->kon_sums = arena_calloc(r->arena, m->n_namnder + 1, sizeof *r->kon_sums);
	calc_kontroll_sum all = {0};
	for (size_t i = 0; i < m->n_kontroller; i++) {
		const kontroll *k = &m->kontroller[i];
		if (!item_in_scope(m, k->namndref))
			continue;
		r->kon[r->n_kon++] = k;
		all.n[k->resultat]++;
		all.antal++;
	}
	for (size_t j = 0; j < m->n_namnder; j++) {
		calc_kontroll_sum s = {.namndref = m->namnder[j].id};
		for (size_t i = 0; i < r->n_kon; i++)
			if (r->kon[i]->namndref && strcmp(r->kon[i]->namndref, s.namndref) == 0) {
				s.n[r->kon[i]->resultat]++;
				s.antal++;
			}
		if (s.antal)
			r->kon_sums[r->n_kon_sums++] = s;
	}
	if (m->n_kontroller)
		r->kon_sums[r->n_kon_sums++] = all;
}

void calc_part2(const sr_model *m, calc_result *r)
{
	for (size_t i = 0; i < r->scale.n_steg; i++)
		r->has_met_step = r->has_met_step || r->scale.steg[i].uppfyllt;
	count_steps(m, r);
	compute_uppdrag(m, r);
	compute_kontroller(m, r);
}
