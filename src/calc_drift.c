/* SPDX-License-Identifier: Apache-2.0 */
/* calc_drift.c - MODEL v2 part 1 (issue 12): driftredovisning and investeringar,
 * version 2: the published period budget, intäkter and kostnader, varav rows, and the
 * checks of published avvikelse, gross figures and the summa's new fields. Every
 * computed figure comes from the rows' budget, utfall, prognos and periodbudget. */
#include "calc.h"
#include "calc_private.h"
#include "diag.h"
#include <string.h>

void calc_drift_row_v2(calc_budget_row *row, const drift_rad *d)
{
	row->varav = d->varav;
	if (d->has_periodbudget)
		row->periodiserad_budget = (ratio){d->periodbudget, DEC_ONE};
	row->has_brutto = d->has_intakter && d->has_kostnader;
	row->intakter = d->intakter;
	row->kostnader = d->kostnader;
}

void calc_drift_sum_v2(const sr_model *m, calc_result *r)
{
	calc_budget_row *sum = &r->drift_sum;
	dec num = 0;          /* periodiserad budget of the sum, in twelfths */
	bool brutto = false, any = false;
	sum->intakter = sum->kostnader = 0;
	for (size_t i = 0; i < r->n_drift; i++) {
		const calc_budget_row *row = &r->drift[i];
		if (row->varav)
			continue;
		const drift_rad *d = row->drift;
		num += d->has_periodbudget ? d->periodbudget * 12 : d->budget * r->months;
		brutto = any ? brutto && row->has_brutto : row->has_brutto;
		any = true;
		sum->intakter += row->intakter;
		sum->kostnader += row->kostnader;
	}
	sum->periodiserad_budget = (ratio){num, DEC_FROM_INT(12)};
	sum->has_brutto = brutto;
	(void)m;
}

/* ---- checks ---- */

static const char *file_of(const sr_model *m, src_loc loc)
{
	return loc.file ? loc.file : m->file;
}

static bool part_year(const sr_model *m)
{
	return m->typ != RT_ARSREDOVISNING && m->typ != RT_VERKSAMHETSBERATTELSE;
}

/* One unit of the last decimal of ekonomi's decimaler, times n. */
static dec units(const sr_model *m, long n)
{
	return calc_tolerance2(n, m->ekonomi.decimaler);
}

static const char *row_name(const drift_rad *r)
{
	return r->namndref ? r->namndref : r->rubrik ? r->rubrik : "";
}

static void check_avvikelse(const sr_model *m, diag_sink *d, const char *what, const char *who,
                            src_loc loc, bool has_prognos, dec budget, dec utfall, dec prognos,
                            dec given)
{
	int dp = m->ekonomi.decimaler;
	char g[64], c[64];
	if (part_year(m) && !has_prognos) {
		diag_add(d, D_DRIFT_AVVIKELSE, file_of(m, loc), loc.line,
		         "%s '%s' anger avvikelse %s men ingen prognos; i en delårsrapport eller "
		         "uppföljning räknas avvikelsen mot prognosen", what, who,
		         calc_format_sv(given, dp, g, sizeof g));
		return;
	}
	dec computed = budget - (part_year(m) ? prognos : utfall);
	if (dec_abs(given - computed) <= units(m, 2))
		return;
	diag_add(d, D_DRIFT_AVVIKELSE, file_of(m, loc), loc.line,
	         "%s '%s' anger avvikelse %s men budget " "\xe2\x88\x92" " %s ger %s "
	         "(tillåten skillnad två enheter i sista decimalen)", what, who,
	         calc_format_sv(given, dp, g, sizeof g), part_year(m) ? "prognos" : "utfall",
	         calc_format_sv(computed, dp, c, sizeof c));
}

static void check_brutto(const sr_model *m, diag_sink *d, const drift_rad *r)
{
	int dp = m->ekonomi.decimaler;
	char a[64], b[64], c[64], u[64];
	if (r->has_intakter != r->has_kostnader) {
		diag_add(d, D_DRIFT_BRUTTO, file_of(m, r->loc), r->loc.line,
		         "raden '%s' anger %s men inte %s; ange båda eller ingen", row_name(r),
		         r->has_intakter ? "intakter" : "kostnader",
		         r->has_intakter ? "kostnader" : "intakter");
		return;
	}
	if (!r->has_intakter || dec_abs(r->kostnader - r->intakter - r->utfall) <= units(m, 2))
		return;
	diag_add(d, D_DRIFT_BRUTTO, file_of(m, r->loc), r->loc.line,
	         "raden '%s': kostnader %s " "\xe2\x88\x92" " intäkter %s är %s, men utfall är %s",
	         row_name(r), calc_format_sv(r->kostnader, dp, a, sizeof a),
	         calc_format_sv(r->intakter, dp, b, sizeof b),
	         calc_format_sv(r->kostnader - r->intakter, dp, c, sizeof c),
	         calc_format_sv(r->utfall, dp, u, sizeof u));
}

static void sum_field(const sr_model *m, diag_sink *d, enum diag_code code, const char *what,
                      src_loc loc, const char *field, dec given, ratio computed, long rows,
                      long tol_units_per_row_x2)
{
	/* 2 |given - num/den| <= tol2  <=>  2 |given*den - num| <= tol2 * den */
	dec tol2 = calc_tolerance2(rows * tol_units_per_row_x2, m->ekonomi.decimaler);
	dec diff = dec_abs(given * computed.den / DEC_ONE - computed.num);
	if (2 * diff <= tol2 * computed.den / DEC_ONE)
		return;
	int dp = m->ekonomi.decimaler;
	char g[64], c[64];
	diag_add(d, code, file_of(m, loc), loc.line, "%s summa för %s är %s men raderna summerar "
	         "till %s", what, field, calc_format_sv(given, dp, g, sizeof g),
	         calc_format_sv(dec_div(computed.num, computed.den), dp, c, sizeof c));
}

typedef struct drift_totals {
	dec budget, utfall, prognos, intakter, kostnader, period12;
	bool all_prognos, all_brutto;
	long rows;
} drift_totals;

static drift_totals drift_rows(const sr_model *m)
{
	const ekonomi *e = &m->ekonomi;
	drift_totals t = {.all_prognos = true, .all_brutto = true};
	int months = model_period_months(m);
	for (size_t i = 0; i < e->n_drift; i++) {
		const drift_rad *r = &e->drift[i];
		if (r->varav || !calc_namnd_in_scope(m, r->namndref))
			continue;
		t.budget += r->budget, t.utfall += r->utfall, t.prognos += r->prognos;
		t.intakter += r->intakter, t.kostnader += r->kostnader;
		t.period12 += r->has_periodbudget ? r->periodbudget * 12 : r->budget * months;
		t.all_prognos = t.all_prognos && r->has_prognos;
		t.all_brutto = t.all_brutto && r->has_intakter && r->has_kostnader;
		t.rows++;
	}
	return t;
}

static void check_drift_summa(const sr_model *m, diag_sink *d)
{
	const summa_rad *s = &m->ekonomi.drift_summa;
	const char *w = "driftredovisningens";
	drift_totals t = drift_rows(m);
	if (!m->ekonomi.has_drift_summa)
		return;
	if (s->has_intakter != s->has_kostnader || ((s->has_intakter) && !t.all_brutto))
		diag_add(d, D_DRIFT_SUM, file_of(m, s->loc), s->loc.line,
		         "driftredovisningens summa anger intakter och kostnader bara när båda ges "
		         "och varje rad har dem");
	else if (s->has_intakter) {
		sum_field(m, d, D_DRIFT_SUM, w, s->loc, "intakter", s->intakter, (ratio){t.intakter, DEC_ONE}, t.rows, 1);
		sum_field(m, d, D_DRIFT_SUM, w, s->loc, "kostnader", s->kostnader, (ratio){t.kostnader, DEC_ONE}, t.rows, 1);
	}
	if (s->has_periodbudget)
		sum_field(m, d, D_DRIFT_SUM, w, s->loc, "periodbudget", s->periodbudget,
		          (ratio){t.period12, DEC_FROM_INT(12)}, t.rows, 1);
	if (!s->has_avvikelse)
		return;
	if (part_year(m) && !t.all_prognos) {
		diag_add(d, D_DRIFT_SUM, file_of(m, s->loc), s->loc.line,
		         "driftredovisningens summa anger avvikelse men alla rader har inte prognos");
		return;
	}
	dec av = t.budget - (part_year(m) ? t.prognos : t.utfall);
	sum_field(m, d, D_DRIFT_SUM, w, s->loc, "avvikelse", s->avvikelse, (ratio){av, DEC_ONE}, t.rows, 4);
}

static void check_invest_summa(const sr_model *m, diag_sink *d)
{
	const ekonomi *e = &m->ekonomi;
	const summa_rad *s = &e->invest_summa;
	if (!e->has_invest_summa || !s->has_avvikelse)
		return;
	dec budget = 0, utfall = 0, prognos = 0;
	bool all_prognos = true;
	long rows = 0;
	for (size_t i = 0; i < e->n_projekt; i++) {
		const projekt *p = &e->projekt[i];
		if (!calc_namnd_in_scope(m, p->namndref))
			continue;
		budget += p->budget, utfall += p->utfall, prognos += p->prognos;
		all_prognos = all_prognos && p->has_prognos;
		rows++;
	}
	if (part_year(m) && !all_prognos) {
		diag_add(d, D_INVEST_SUM, file_of(m, s->loc), s->loc.line,
		         "investeringarnas summa anger avvikelse men alla projekt har inte prognos");
		return;
	}
	dec av = budget - (part_year(m) ? prognos : utfall);
	sum_field(m, d, D_INVEST_SUM, "investeringarnas", s->loc, "avvikelse", s->avvikelse,
	          (ratio){av, DEC_ONE}, rows, 4);
}

void calc_check_drift_v2(const sr_model *m, diag_sink *d)
{
	const ekonomi *e = &m->ekonomi;
	for (size_t i = 0; i < e->n_drift; i++) {
		const drift_rad *r = &e->drift[i];
		if (r->has_avvikelse)
			check_avvikelse(m, d, "raden", row_name(r), r->loc, r->has_prognos, r->budget,
			                r->utfall, r->prognos, r->avvikelse);
		check_brutto(m, d, r);
	}
	for (size_t i = 0; i < e->n_projekt; i++) {
		const projekt *p = &e->projekt[i];
		if (p->has_avvikelse)
			check_avvikelse(m, d, "projektet", p->id ? p->id : p->namn, p->loc, p->has_prognos,
			                p->budget, p->utfall, p->prognos, p->avvikelse);
	}
	check_drift_summa(m, d);
	check_invest_summa(m, d);
}
