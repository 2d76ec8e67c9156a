/* SPDX-License-Identifier: Apache-2.0 */
/* calc_check.c - the economy rules of validation (MODEL.md "ekonomi"): given sums,
 * räkning sums and references, the balance and the financial goals' inputs. Runs on
 * models that may have other errors: whatever it cannot compute it skips. */
#include "calc.h"
#include "calc_private.h"
#include "diag.h"
#include <string.h>

/* Writes x in Swedish form ("1 830,0", "-6,40"): at least `decimaler` decimals, more
 * when the exact value has them, so that a message never hides a difference. */
char *calc_format_sv(dec x, int decimaler, char *buf, size_t n)
{
	char raw[64];
	dec_format(dec_abs(x), raw, sizeof raw);
	char *dot = strchr(raw, '.');
	size_t ilen = dot ? (size_t)(dot - raw) : strlen(raw);
	const char *frac = dot ? dot + 1 : "";
	size_t o = 0;
	if (x < 0 && o + 1 < n)
		buf[o++] = '-';
	for (size_t i = 0; i < ilen && o + 2 < n; i++) {
		if (i > 0 && (ilen - i) % 3 == 0)
			buf[o++] = ' ';
		buf[o++] = raw[i];
	}
	size_t flen = strlen(frac);
	size_t dp = decimaler < 0 ? 0 : decimaler > 6 ? 6 : (size_t)decimaler;
	size_t want = flen > dp ? flen : dp;
	if (want > 0 && o + 1 < n)
		buf[o++] = ',';
	for (size_t i = 0; i < want && o + 1 < n; i++)
		buf[o++] = i < flen ? frac[i] : '0';
	buf[o] = '\0';
	return buf;
}

static const char *file_of(const sr_model *m, src_loc loc)
{
	return loc.file ? loc.file : m->file;
}

/* True when |a - b| is within count half-units of the last decimal. */
static bool within(dec a, dec b, long count, int decimaler)
{
	return 2 * dec_abs(a - b) <= calc_tolerance2(count, decimaler);
}

struct given_check {
	enum diag_code code;
	const char *what;        /* "driftredovisningens", "investeringarnas" */
};

static void check_field(const sr_model *m, diag_sink *d, const struct given_check *gc,
                        const summa_rad *s, const char *field, dec given, dec computed,
                        long rows)
{
	int dp = m->ekonomi.decimaler;
	if (within(given, computed, rows, dp))
		return;
	char g[64], c[64];
	diag_add(d, gc->code, file_of(m, s->loc), s->loc.line,
	         "%s summa för %s är %s men raderna summerar till %s",
	         gc->what, field, calc_format_sv(given, dp, g, sizeof g),
	         calc_format_sv(computed, dp, c, sizeof c));
}

static void check_given_sum(const sr_model *m, diag_sink *d, const struct given_check *gc,
                            const summa_rad *s, const calc_budget_row *sum, long rows)
{
	check_field(m, d, gc, s, "budget", s->budget, sum->budget, rows);
	check_field(m, d, gc, s, "utfall", s->utfall, sum->utfall, rows);
	if (s->has_prognos)
		check_field(m, d, gc, s, "prognos", s->prognos, sum->prognos, rows);
}

/* The sum of the rows of the nämnd in scope (all rows without a rapport namndref). */
static calc_budget_row sum_rows(const sr_model *m, const drift_rad *dr, size_t n_dr,
                                const projekt *pr, size_t n_pr, long *rows)
{
	calc_budget_row sum = {0};
	*rows = 0;
	for (size_t i = 0; i < n_dr; i++)
		if (!dr[i].varav && calc_namnd_in_scope(m, dr[i].namndref)) {   /* v2: varav rows not summed */
			sum.budget += dr[i].budget, sum.utfall += dr[i].utfall;
			sum.prognos += dr[i].has_prognos ? dr[i].prognos : 0;
			(*rows)++;
		}
	for (size_t i = 0; i < n_pr; i++)
		if (calc_namnd_in_scope(m, pr[i].namndref)) {
			sum.budget += pr[i].budget, sum.utfall += pr[i].utfall;
			sum.prognos += pr[i].has_prognos ? pr[i].prognos : 0;
			(*rows)++;
		}
	return sum;
}

static void check_budget_sums(const sr_model *m, diag_sink *d)
{
	const ekonomi *e = &m->ekonomi;
	long rows;
	if (e->has_drift_summa) {
		static const struct given_check gc = {D_DRIFT_SUM, "driftredovisningens"};
		calc_budget_row sum = sum_rows(m, e->drift, e->n_drift, NULL, 0, &rows);
		check_given_sum(m, d, &gc, &e->drift_summa, &sum, rows);
	}
	if (e->has_invest_summa) {
		static const struct given_check gc = {D_INVEST_SUM, "investeringarnas"};
		calc_budget_row sum = sum_rows(m, NULL, 0, e->projekt, e->n_projekt, &rows);
		check_given_sum(m, d, &gc, &e->invest_summa, &sum, rows);
	}
}

/* ---- räkningar ---- */

static const char *name_of(const rakning_item *it)
{
	return it->id ? it->id : it->namn ? it->namn : "?";
}

static void check_counts_and_refs(const sr_model *m, diag_sink *d, const rakning *rk)
{
	for (size_t i = 0; i < rk->n_items; i++) {
		const rakning_item *it = &rk->items[i];
		if ((it->kind == RI_POST || it->has_varden) && it->n_varden != rk->n_kolumner)
			diag_add(d, D_VALUES_COUNT, file_of(m, it->loc), it->loc.line,
			         "'%s' har %zu värden men räkningen har %zu kolumner",
			         name_of(it), it->n_varden, rk->n_kolumner);
		for (size_t k = 0; it->kind == RI_SUMMA && it->scope == SUM_LIST && k < it->n_av; k++) {
			bool found = false;
			for (size_t j = 0; j < i && !found; j++)
				found = rk->items[j].id && it->av[k] && strcmp(rk->items[j].id, it->av[k]) == 0;
			if (!found)
				diag_add(d, D_ACCOUNT_REF, file_of(m, it->loc), it->loc.line,
				         "summan '%s' nämner '%s' i av=, men det id:t står inte ovanför "
				         "summan i samma räkning", name_of(it), it->av[k] ? it->av[k] : "");
		}
	}
}

static bool published(const rakning_item *it, size_t c)
{
	return it->has_varden && c < it->n_varden;
}

static void check_balance(const sr_model *m, diag_sink *d, const calc_rk_sums *s)
{
	const rakning *rk = s->rk;
	long t = calc_find_role(rk, "tillgangar"), e = calc_find_role(rk, "ek-och-skulder");
	if (t < 0 || e < 0) {
		diag_add(d, D_BALANCE_ROLE, file_of(m, rk->loc), rk->loc.line,
		         "balansräkningen saknar en summa med roll=\"%s\"",
		         t < 0 ? "tillgangar" : "ek-och-skulder");
		return;
	}
	int dp = model_rakning_decimaler(m, rk);   /* MODEL v2 part 1 (issue 12): its own */
	for (size_t c = 0; c < rk->n_kolumner; c++) {
		dec a = s->printed[t][c], b = s->printed[e][c];
		/* A published sum is exact as printed; a computed one carries its tolerance
		 * (MODEL v2 part 1: the non-empty posts of the column). */
		dec tol2 = (published(&rk->items[t], c) ? 0 : calc_tolerance2(s->counts[t][c], dp)) +
		           (published(&rk->items[e], c) ? 0 : calc_tolerance2(s->counts[e][c], dp));
		if (2 * dec_abs(a - b) <= tol2)
			continue;
		char x[64], y[64], z[64];
		diag_add(d, D_BALANCE, file_of(m, rk->loc), rk->loc.line,
		         "balansräkningen balanserar inte i kolumnen '%s': tillgångar %s men eget "
		         "kapital, avsättningar och skulder %s (differens %s)",
		         rk->kolumner[c].rubrik ? rk->kolumner[c].rubrik : "",
		         calc_format_sv(a, dp, x, sizeof x), calc_format_sv(b, dp, y, sizeof y),
		         calc_format_sv(a - b, dp, z, sizeof z));
	}
}

/* ---- financial goals ---- */

/* Checks that every term exists, all in one räkning that has the kolumn; sums them
 * into *sum. Returns false (after reporting) when a term cannot be used. */
static bool check_terms(const sr_model *m, diag_sink *d, const finansielltmal *f,
                        const calc_rk_sums *sums, const fin_term *terms, size_t n,
                        size_t *rk_out, dec *sum)
{
	bool ok = true;
	*sum = 0;
	for (size_t k = 0; k < n; k++) {
		size_t rk, item;
		if (!calc_find_item(m, terms[k].id, &rk, &item)) {
			diag_add(d, D_FIN_TERM, file_of(m, f->loc), f->loc.line,
			         "det finansiella målet '%s' nämner '%s', som inte är någon post eller "
			         "summa i en räkning", f->id ? f->id : "", terms[k].id ? terms[k].id : "");
			ok = false;
			continue;
		}
		if (*rk_out == (size_t)-1)
			*rk_out = rk;
		if (rk != *rk_out) {
			diag_add(d, D_FIN_ACCOUNT, file_of(m, f->loc), f->loc.line,
			         "det finansiella målet '%s': termen '%s' står i en annan räkning än "
			         "de andra termerna", f->id ? f->id : "", terms[k].id);
			ok = false;
			continue;
		}
		long c = calc_find_kolumn(sums[rk].rk, f->kolumn);
		if (c >= 0 && sums[rk].printed_empty[item][c]) {   /* MODEL v2 part 1 (issue 12) */
			diag_add(d, D_FIN_TERM, file_of(m, f->loc), f->loc.line,
			         "det finansiella målet '%s': termen '%s' är tom (-) i kolumnen '%s'",
			         f->id ? f->id : "", terms[k].id, f->kolumn);
			ok = false;
			continue;
		}
		if (c >= 0)
			*sum += terms[k].negate ? -sums[rk].printed[item][c] : sums[rk].printed[item][c];
	}
	return ok;
}

static void check_fin(const sr_model *m, diag_sink *d, const finansielltmal *f,
                      const calc_rk_sums *sums)
{
	const char *id = f->id ? f->id : "";
	if (!f->has_utfall && (!f->n_taljare || !f->n_namnare)) {
		diag_add(d, D_FIN_INPUT, file_of(m, f->loc), f->loc.line,
		         "det finansiella målet '%s' anger varken utfall eller både taljare och "
		         "namnare", id);
		return;
	}
	if (!f->n_taljare && !f->n_namnare)
		return;
	size_t rk = (size_t)-1;
	dec num, den;
	bool ok = check_terms(m, d, f, sums, f->taljare, f->n_taljare, &rk, &num);
	ok = check_terms(m, d, f, sums, f->namnare, f->n_namnare, &rk, &den) && ok;
	if (rk == (size_t)-1)
		return;
	if (calc_find_kolumn(sums[rk].rk, f->kolumn) < 0) {
		diag_add(d, D_FIN_COLUMN, file_of(m, f->loc), f->loc.line,
		         "det finansiella målet '%s' anger kolumnen '%s', som inte finns i "
		         "räkningen", id, f->kolumn ? f->kolumn : "");
		return;
	}
	if (ok && f->n_namnare && den == 0)
		diag_add(d, D_FIN_ZERO, file_of(m, f->loc), f->loc.line,
		         "det finansiella målet '%s': nämnaren är noll i kolumnen '%s'", id, f->kolumn);
}

void calc_check_economy(const sr_model *m, diag_sink *d)
{
	if (m && !m->has_ekonomi)
		calc_check_tables(m, d, NULL);   /* MODEL v2 part 1 (issue 12): tabeller in the text */
	if (!m || !m->has_ekonomi)
		return;
	const ekonomi *e = &m->ekonomi;
	check_budget_sums(m, d);
	arena *a = arena_new();
	calc_rk_sums *sums = calc_rakning_sums(a, m);
	for (size_t k = 0; k < e->n_rakningar; k++) {
		check_counts_and_refs(m, d, &e->rakningar[k]);
		if (e->rakningar[k].typ == RK_BALANSRAKNING)
			check_balance(m, d, &sums[k]);
	}
	calc_check_tables(m, d, sums);       /* MODEL v2 part 1 (issue 12): published sums too */
	calc_check_drift_v2(m, d);
	for (size_t i = 0; i < e->n_finmal; i++)
		check_fin(m, d, &e->finmal[i], sums);
	arena_free(a);
}
