/* SPDX-License-Identifier: Apache-2.0 */
/* calc_econ.c - the economy figures of MODEL.md "ekonomi": budget deviations, räkning
 * sums with their rounding tolerance, the balance check values and financial goals. */
#include "calc.h"
#include "calc_private.h"
#include <string.h>

/* ---- driftredovisning and investeringar ---- */

static bool part_year(const sr_model *m)
{
	return m->typ == RT_UPPFOLJNING || m->typ == RT_DELARSRAPPORT ||
	       m->typ == RT_MANADSRAPPORT;   /* MODEL v2 part 2 (issue 13) */
}

/* Fills the derived figures of a row whose budget, utfall, prognos and has_prognos
 * are set: part-year reports measure against the prognos, year reports the utfall. */
static void budget_figures(calc_budget_row *row, bool part, int months)
{
	row->has_prognos = part && row->has_prognos;
	row->has_avvikelse = !part || row->has_prognos;
	if (row->has_avvikelse)
		row->avvikelse = row->budget - (part ? row->prognos : row->utfall);
	row->periodiserad_budget = (ratio){row->budget * months, DEC_FROM_INT(12)};
	row->has_percentages = row->budget != 0;
	if (!row->has_percentages)
		return;
	row->avvikelse_procent = (ratio){row->avvikelse * 100, dec_abs(row->budget)};
	row->forbrukat_procent = (ratio){row->utfall * 100, row->budget};
}

bool calc_namnd_in_scope(const sr_model *m, const char *namndref)
{
	return !m->namndref || (namndref && strcmp(namndref, m->namndref) == 0);
}

static void add_to_sum(calc_budget_row *sum, const calc_budget_row *row)
{
	sum->budget += row->budget;
	sum->utfall += row->utfall;
	sum->prognos += row->prognos;
	sum->has_prognos = sum->has_prognos && row->has_prognos;
}

/* Completes a row whose source and amounts are set: its figures, and its share of the sum. */
static void finish_row(calc_budget_row *row, calc_budget_row *sum, bool part, int months)
{
	add_to_sum(sum, row);
	budget_figures(row, part, months);
}

static void compute_drift(const sr_model *m, calc_result *r)
{
	const ekonomi *e = &m->ekonomi;
	r->drift = arena_calloc(r->arena, e->n_drift, sizeof *r->drift);
	r->drift_sum.has_prognos = true;
	bool parent_in = false;   /* MODEL v2 part 1 (issue 12): a varav row goes with its row */
	for (size_t i = 0; i < e->n_drift; i++) {
		const drift_rad *d = &e->drift[i];
		bool in = d->varav ? parent_in : calc_namnd_in_scope(m, d->namndref);
		if (!d->varav)
			parent_in = in;
		if (!in)
			continue;
		calc_budget_row *row = &r->drift[r->n_drift++];
		*row = (calc_budget_row){.drift = d, .budget = d->budget, .utfall = d->utfall,
		                         .prognos = d->prognos, .has_prognos = d->has_prognos};
		if (d->varav)
			budget_figures(row, part_year(m), r->months);
		else
			finish_row(row, &r->drift_sum, part_year(m), r->months);
		calc_drift_row_v2(row, d);
	}
	budget_figures(&r->drift_sum, part_year(m), r->months);
	calc_drift_sum_v2(m, r);
	r->has_drift = m->has_ekonomi && (e->has_drift || e->n_drift > 0);
}

static void compute_invest(const sr_model *m, calc_result *r)
{
	const ekonomi *e = &m->ekonomi;
	r->invest = arena_calloc(r->arena, e->n_projekt, sizeof *r->invest);
	r->invest_sum.has_prognos = true;
	for (size_t i = 0; i < e->n_projekt; i++) {
		const projekt *p = &e->projekt[i];
		if (!calc_namnd_in_scope(m, p->namndref))
			continue;
		calc_budget_row *row = &r->invest[r->n_invest++];
		*row = (calc_budget_row){.projekt = p, .budget = p->budget, .utfall = p->utfall,
		                         .prognos = p->prognos, .has_prognos = p->has_prognos};
		finish_row(row, &r->invest_sum, part_year(m), r->months);
	}
	budget_figures(&r->invest_sum, part_year(m), r->months);
	r->has_invest = m->has_ekonomi && (e->has_investeringar || e->n_projekt > 0);
}

/* ---- räkningar ---- */

dec calc_tolerance2(long count, int decimaler)
{
	dec unit = DEC_SCALE;
	for (int i = 0; i < decimaler && i < 6; i++)
		unit /= 10;
	return unit * count;
}

long calc_find_kolumn(const rakning *rk, const char *id)
{
	for (size_t c = 0; id && c < rk->n_kolumner; c++)
		if (rk->kolumner[c].id && strcmp(rk->kolumner[c].id, id) == 0)
			return (long)c;
	return -1;
}

/* Index of the item called id above item `before`, or -1. */
static long find_above(const rakning *rk, size_t before, const char *id)
{
	for (size_t j = 0; id && j < before; j++)
		if (rk->items[j].id && strcmp(rk->items[j].id, id) == 0)
			return (long)j;
	return -1;
}

bool calc_find_item(const sr_model *m, const char *id, size_t *rk, size_t *item)
{
	for (size_t k = 0; id && k < m->ekonomi.n_rakningar; k++) {
		const rakning *r = &m->ekonomi.rakningar[k];
		long j = find_above(r, r->n_items, id);
		if (j >= 0) {
			*rk = k;
			*item = (size_t)j;
			return true;
		}
	}
	return false;
}

long calc_find_role(const rakning *rk, const char *roll)
{
	for (size_t i = 0; i < rk->n_items; i++)
		if (rk->items[i].kind == RI_SUMMA && rk->items[i].roll &&
		    strcmp(rk->items[i].roll, roll) == 0)
			return (long)i;
	return -1;
}

static void collect_balans(const sr_model *m, calc_result *r, const calc_rk_sums *sums)
{
	const ekonomi *e = &m->ekonomi;
	size_t n = 0;
	for (size_t k = 0; k < e->n_rakningar; k++)
		n += e->rakningar[k].typ == RK_BALANSRAKNING ? e->rakningar[k].n_kolumner : 0;
	r->balans = arena_calloc(r->arena, n, sizeof *r->balans);
	for (size_t k = 0; k < e->n_rakningar; k++) {
		const rakning *rk = &e->rakningar[k];
		long t = calc_find_role(rk, "tillgangar"), s = calc_find_role(rk, "ek-och-skulder");
		if (rk->typ != RK_BALANSRAKNING || t < 0 || s < 0)
			continue;
		for (size_t c = 0; c < rk->n_kolumner; c++) {
			calc_balance *b = &r->balans[r->n_balans++];
			b->rakning = rk;
			b->kolumn = &rk->kolumner[c];
			b->tillgangar = sums[k].printed[t][c];
			b->ek_och_skulder = sums[k].printed[s][c];
			b->differens = b->tillgangar - b->ek_och_skulder;
		}
	}
}

/* ---- financial goals ---- */

/* Sum of the terms in kolumn of räkning *rk_out (fixed by the first term); false when
 * a term, the kolumn or a common räkning is missing. */
static bool sum_terms(const sr_model *m, const calc_rk_sums *sums, const fin_term *terms,
                      size_t n, const char *kol, size_t *rk_out, dec *out)
{
	*out = 0;
	for (size_t k = 0; k < n; k++) {
		size_t rk, item;
		if (!calc_find_item(m, terms[k].id, &rk, &item))
			return false;
		if (*rk_out == (size_t)-1)
			*rk_out = rk;
		long c = calc_find_kolumn(sums[rk].rk, kol);
		if (rk != *rk_out || c < 0)
			return false;
		dec v = sums[rk].printed[item][c];
		*out += terms[k].negate ? -v : v;
	}
	return true;
}

static void compute_fin_one(const sr_model *m, const calc_rk_sums *sums,
                            const finansielltmal *f, calc_fin *cf)
{
	cf->fin = f;
	cf->status = ST_EJ_BEDOMT;
	if (f->has_utfall) {
		cf->utfall = (ratio){f->utfall, DEC_ONE};
	} else {
		size_t rk = (size_t)-1;
		dec num, den;
		if (!f->n_taljare || !f->n_namnare ||
		    !sum_terms(m, sums, f->taljare, f->n_taljare, f->kolumn, &rk, &num) ||
		    !sum_terms(m, sums, f->namnare, f->n_namnare, f->kolumn, &rk, &den) || den == 0)
			return;
		/* Keep the denominator positive so that comparisons keep their sense. */
		cf->utfall = den < 0 ? (ratio){-num * 100, -den} : (ratio){num * 100, den};
	}
	cf->has_utfall = true;
	if (f->has_min && f->has_max) {   /* MODEL v2 part 2 (issue 13): a target range */
		cf->status = calc_in_range(cf->utfall, f->malvarde_min, f->malvarde_max) ?
		             ST_UPPFYLLT : ST_EJ_UPPFYLLT;
		return;
	}
	calc_assessment a = calc_assess(f->riktning, f->has_utgangsvarde, f->utgangsvarde,
	                                f->malvarde, cf->utfall.num, cf->utfall.den, m->gul_andel);
	cf->status = a.status;
	cf->has_framsteg = a.has_framsteg;
	cf->framsteg = a.framsteg;
}

void calc_economy(const sr_model *m, calc_result *r)
{
	compute_drift(m, r);
	compute_invest(m, r);
	if (!m->has_ekonomi) {
		calc_collect_summor(m, r, NULL);   /* MODEL v2 part 1 (issue 12): tabeller in the text */
		return;
	}
	calc_rk_sums *sums = calc_rakning_sums(r->arena, m);
	calc_collect_summor(m, r, sums);     /* MODEL v2 part 1 (issue 12): tabeller too */
	collect_balans(m, r, sums);
	calc_collect_balanskrav(m, r, sums);
	r->n_fin = m->ekonomi.n_finmal;
	r->fin = arena_calloc(r->arena, r->n_fin, sizeof *r->fin);
	for (size_t i = 0; i < r->n_fin; i++)
		compute_fin_one(m, sums, &m->ekonomi.finmal[i], &r->fin[i]);
}
