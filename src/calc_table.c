/* SPDX-License-Identifier: Apache-2.0 */
/* calc_table.c - MODEL v2 part 1 (issue 12): the sums of räkningar and tabeller with
 * the version 2 row rules (grupp ends a section, '-' is an empty cell, varav rows and
 * posts with their own unit are never summed, columns with their own unit or text are
 * not summed), their checks, and the balanskrav figures. Version 1 documents have none
 * of these, and get exactly version 1's sums. */
#include "calc.h"
#include "calc_private.h"
#include "diag.h"
#include <string.h>

/* A post that goes into sums. */
static bool summed_post(const rakning_item *it)
{
	return it->kind == RI_POST && !it->varav && !it->enhet;
}

/* One running accumulator (a section, or everything above). */
typedef struct acc {
	dec *v;
	long *n;          /* non-empty terms per kolumn */
	long *terms;      /* terms per kolumn (empty ones too) */
} acc;

static acc acc_new(arena *a, size_t nk)
{
	return (acc){arena_calloc(a, nk + 1, sizeof(dec)), arena_calloc(a, nk + 1, sizeof(long)),
	             arena_calloc(a, nk + 1, sizeof(long))};
}

static void acc_reset(acc *x, size_t nk)
{
	memset(x->v, 0, nk * sizeof *x->v);
	memset(x->n, 0, nk * sizeof *x->n);
	memset(x->terms, 0, nk * sizeof *x->terms);
}

/* Index of the item called id above item `before`, or -1. */
static long item_above(const rakning *rk, size_t before, const char *id)
{
	for (size_t j = 0; id && j < before; j++)
		if (rk->items[j].id && strcmp(rk->items[j].id, id) == 0)
			return (long)j;
	return -1;
}

/* A post's own cell c: value, emptiness. */
static void post_cell(const rakning_item *it, size_t c, dec *v, bool *empty)
{
	*v = 0;
	*empty = false;
	if (c >= it->n_varden || !it->varden) {
		*empty = it->has_v;   /* a short <v> list: nothing there */
		return;
	}
	*v = it->varden[c];
	*empty = it->tom && it->tom[c];
}

/* A listed summa: the sum of the listed posts and sums above it (computed values). */
static void sum_listed(calc_rk_sums *s, size_t i, size_t c, long *terms)
{
	const rakning_item *it = &s->rk->items[i];
	for (size_t k = 0; k < it->n_av; k++) {
		long j = item_above(s->rk, i, it->av[k]);
		if (j < 0 || (s->rk->items[j].kind == RI_POST && !summed_post(&s->rk->items[j])))
			continue;   /* RAKNING-AV reports it */
		(*terms)++;
		if (s->empty[j][c])
			continue;
		s->computed[i][c] += s->computed[j][c];
		s->counts[i][c] += s->counts[j][c];
		s->empty[i][c] = false;
	}
}

static void sum_cell(calc_rk_sums *s, size_t i, size_t c, const acc *all, const acc *sec)
{
	const rakning_item *it = &s->rk->items[i];
	long terms = 0;
	s->empty[i][c] = true;
	if (!model_kolumn_summed(s->rk, c))
		return;   /* a text column or one with its own unit: the sum's cell is empty */
	if (it->scope == SUM_LIST) {
		sum_listed(s, i, c, &terms);
	} else {
		const acc *x = it->scope == SUM_ALLA ? all : sec;
		s->computed[i][c] = x->v[c];
		s->counts[i][c] = x->n[c];
		terms = x->terms[c];
		s->empty[i][c] = x->n[c] == 0;
	}
	if (terms == 0)
		s->empty[i][c] = false;   /* a sum with no terms is 0 */
}

static void printed_cell(calc_rk_sums *s, size_t i, size_t c)
{
	const rakning_item *it = &s->rk->items[i];
	s->printed[i][c] = s->computed[i][c];
	s->printed_empty[i][c] = s->empty[i][c];
	if (it->kind == RI_SUMMA && it->has_varden && c < it->n_varden) {
		s->printed[i][c] = it->varden[c];
		s->printed_empty[i][c] = it->tom && it->tom[c];
	}
}

static void alloc_sums(arena *a, calc_rk_sums *s)
{
	size_t ni = s->rk->n_items, nk = s->rk->n_kolumner;
	s->computed = arena_calloc(a, ni + 1, sizeof *s->computed);
	s->printed = arena_calloc(a, ni + 1, sizeof *s->printed);
	s->empty = arena_calloc(a, ni + 1, sizeof *s->empty);
	s->printed_empty = arena_calloc(a, ni + 1, sizeof *s->printed_empty);
	s->counts = arena_calloc(a, ni + 1, sizeof *s->counts);
	s->count = arena_calloc(a, ni + 1, sizeof *s->count);
	for (size_t i = 0; i < ni; i++) {
		s->computed[i] = arena_calloc(a, nk + 1, sizeof(dec));
		s->printed[i] = arena_calloc(a, nk + 1, sizeof(dec));
		s->empty[i] = arena_calloc(a, nk + 1, sizeof(bool));
		s->printed_empty[i] = arena_calloc(a, nk + 1, sizeof(bool));
		s->counts[i] = arena_calloc(a, nk + 1, sizeof(long));
	}
}

static void add_post(calc_rk_sums *s, size_t i, acc *all, acc *sec)
{
	const rakning_item *it = &s->rk->items[i];
	for (size_t c = 0; c < s->rk->n_kolumner; c++) {
		bool e;
		post_cell(it, c, &s->computed[i][c], &e);
		s->empty[i][c] = e;
		s->counts[i][c] = e ? 0 : 1;
		if (!summed_post(it) || !model_kolumn_summed(s->rk, c))
			continue;
		all->terms[c]++, sec->terms[c]++;
		if (e)
			continue;
		all->v[c] += s->computed[i][c], sec->v[c] += s->computed[i][c];
		all->n[c]++, sec->n[c]++;
	}
}

void calc_sum_one(arena *a, const sr_model *m, calc_rk_sums *s)
{
	const rakning *rk = s->rk;
	size_t nk = rk->n_kolumner;
	acc all = acc_new(a, nk), sec = acc_new(a, nk);
	alloc_sums(a, s);
	s->dp = arena_calloc(a, nk + 1, sizeof *s->dp);
	for (size_t c = 0; c < nk; c++)
		s->dp[c] = model_cell_decimaler(m, rk, NULL, c);
	for (size_t i = 0; i < rk->n_items; i++) {
		const rakning_item *it = &rk->items[i];
		if (it->kind == RI_POST) {
			add_post(s, i, &all, &sec);
		} else if (it->kind == RI_SUMMA) {
			for (size_t c = 0; c < nk; c++)
				sum_cell(s, i, c, &all, &sec);
		}
		if (it->kind != RI_POST)   /* a summa or a grupp ends a section */
			acc_reset(&sec, nk);
		for (size_t c = 0; c < nk; c++)
			printed_cell(s, i, c);
		s->count[i] = nk ? s->counts[i][0] : 0;
	}
}

calc_rk_sums *calc_rakning_sums(arena *a, const sr_model *m)
{
	const ekonomi *e = &m->ekonomi;
	calc_rk_sums *all = arena_calloc(a, e->n_rakningar + 1, sizeof *all);
	for (size_t k = 0; k < e->n_rakningar; k++) {
		all[k].rk = &e->rakningar[k];
		calc_sum_one(a, m, &all[k]);
	}
	return all;
}

/* ---- compute: summor in document order, balanskrav ---- */

static size_t count_summor(const rakning *rk)
{
	size_t n = 0;
	for (size_t i = 0; i < rk->n_items; i++)
		n += rk->items[i].kind == RI_SUMMA;
	return n;
}

static void add_summor(const sr_model *m, calc_result *r, const calc_rk_sums *s)
{
	const rakning *rk = s->rk;
	for (size_t i = 0; i < rk->n_items; i++) {
		if (rk->items[i].kind != RI_SUMMA)
			continue;
		calc_summa *cs = &r->summor[r->n_summor++];
		*cs = (calc_summa){rk, &rk->items[i], s->computed[i], s->printed[i],
		                   arena_calloc(r->arena, rk->n_kolumner + 1, sizeof(dec)),
		                   s->empty[i], s->printed_empty[i]};
		for (size_t c = 0; c < rk->n_kolumner; c++)
			cs->tolerance[c] = calc_tolerance2(s->counts[i][c], s->dp[c]) / 2;
	}
	(void)m;
}

void calc_collect_summor(const sr_model *m, calc_result *r, const calc_rk_sums *sums)
{
	const ekonomi *e = &m->ekonomi;
	size_t n = 0;
	for (size_t k = 0; k < e->n_rakningar; k++)
		n += count_summor(&e->rakningar[k]);
	for (size_t k = 0; k < m->n_tabeller; k++)
		n += count_summor(m->tabeller[k]);
	r->summor = arena_calloc(r->arena, n + 1, sizeof *r->summor);
	/* merge räkningar and tabeller by document order; each list is in order already */
	size_t i = 0, j = 0;
	while (i < e->n_rakningar || j < m->n_tabeller) {
		bool take_rk = j == m->n_tabeller ||
		               (i < e->n_rakningar && e->rakningar[i].ord < m->tabeller[j]->ord);
		if (take_rk) {
			add_summor(m, r, &sums[i++]);
		} else {
			calc_rk_sums t = {.rk = m->tabeller[j++]};
			calc_sum_one(r->arena, m, &t);
			add_summor(m, r, &t);
		}
	}
}

void calc_collect_balanskrav(const sr_model *m, calc_result *r, const calc_rk_sums *sums)
{
	const ekonomi *e = &m->ekonomi;
	r->balanskrav = arena_calloc(r->arena, e->n_rakningar + 1, sizeof *r->balanskrav);
	for (size_t k = 0; k < e->n_rakningar; k++) {
		const rakning *rk = &e->rakningar[k];
		long i = calc_find_role(rk, "balanskravsresultat");
		if (rk->typ != RK_BALANSKRAVSUTREDNING || i < 0 || rk->n_kolumner == 0)
			continue;
		calc_balanskrav *b = &r->balanskrav[r->n_balanskrav++];
		b->rakning = rk;
		b->item = &rk->items[i];
		b->resultat = sums[k].printed[i][0];
		b->underskott = b->resultat < 0;
		b->aterstall_senast = m->ar + 3;
	}
}

/* ---- checks ---- */

static const char *file_of(const sr_model *m, src_loc loc)
{
	return loc.file ? loc.file : m->file;
}

static const char *name_of(const rakning_item *it)
{
	return it->id ? it->id : it->namn ? it->namn : "?";
}

static const char *col_name(const rakning *rk, size_t c)
{
	return rk->kolumner[c].rubrik ? rk->kolumner[c].rubrik : rk->kolumner[c].id;
}

/* A published summa cell against its computed sum: '-' exactly where the sum is
 * empty, else within half a unit of the column's decimaler per non-empty post. */
static void check_published_cell(const sr_model *m, diag_sink *d, const calc_rk_sums *s,
                                 size_t i, size_t c)
{
	const rakning *rk = s->rk;
	const rakning_item *it = &rk->items[i];
	if (!model_kolumn_summed(rk, c))
		return;   /* printed as given, not checked */
	bool ptom = it->tom && it->tom[c];
	char p[64], q[64];
	if (ptom && !s->empty[i][c])
		diag_add(d, D_ACCOUNT_SUM, file_of(m, it->loc), it->loc.line,
		         "summan '%s' i kolumnen '%s' är publicerad som tom (-) men posterna summerar "
		         "till %s", name_of(it), col_name(rk, c),
		         calc_format_sv(s->computed[i][c], s->dp[c], q, sizeof q));
	else if (!ptom && s->empty[i][c])
		diag_add(d, D_ACCOUNT_SUM, file_of(m, it->loc), it->loc.line,
		         "summan '%s' i kolumnen '%s' är publicerad som %s men alla dess poster är "
		         "tomma där; skriv - för en tom summa", name_of(it), col_name(rk, c),
		         calc_format_sv(it->varden[c], s->dp[c], p, sizeof p));
	else if (!ptom && 2 * dec_abs(it->varden[c] - s->computed[i][c]) >
	                  calc_tolerance2(s->counts[i][c], s->dp[c]))
		diag_add(d, D_ACCOUNT_SUM, file_of(m, it->loc), it->loc.line,
		         "summan '%s' i kolumnen '%s' är publicerad som %s men posterna summerar "
		         "till %s", name_of(it), col_name(rk, c),
		         calc_format_sv(it->varden[c], s->dp[c], p, sizeof p),
		         calc_format_sv(s->computed[i][c], s->dp[c], q, sizeof q));
}

static void check_published_v2(const sr_model *m, diag_sink *d, const calc_rk_sums *s)
{
	const rakning *rk = s->rk;
	for (size_t i = 0; i < rk->n_items; i++) {
		const rakning_item *it = &rk->items[i];
		for (size_t c = 0; it->kind == RI_SUMMA && it->has_varden && c < it->n_varden &&
		                   c < rk->n_kolumner; c++)
			check_published_cell(m, d, s, i, c);
	}
}

static void check_values_count(const sr_model *m, diag_sink *d, const rakning *rk)
{
	for (size_t i = 0; i < rk->n_items; i++) {
		const rakning_item *it = &rk->items[i];
		if ((it->kind == RI_POST || it->has_varden) && it->n_varden != rk->n_kolumner)
			diag_add(d, D_VALUES_COUNT, file_of(m, it->loc), it->loc.line,
			         "'%s' har %zu värden men tabellen '%s' har %zu kolumner", name_of(it),
			         it->n_varden, rk->rubrik ? rk->rubrik : "", rk->n_kolumner);
	}
}

/* av= naming a varav row or a post with its own unit (räkningar and tabeller). */
static void check_av_terms(const sr_model *m, diag_sink *d, const rakning *rk)
{
	for (size_t i = 0; i < rk->n_items; i++) {
		const rakning_item *it = &rk->items[i];
		for (size_t k = 0; it->kind == RI_SUMMA && it->scope == SUM_LIST && k < it->n_av; k++) {
			long j = item_above(rk, i, it->av[k]);
			if (j < 0 && rk->tabell)
				diag_add(d, D_ACCOUNT_REF, file_of(m, it->loc), it->loc.line,
				         "summan '%s' nämner '%s' i av=, men det id:t står inte ovanför "
				         "summan i samma tabell", name_of(it), it->av[k]);
			if (j < 0 || rk->items[j].kind != RI_POST || summed_post(&rk->items[j]))
				continue;
			diag_add(d, D_ACCOUNT_REF, file_of(m, it->loc), it->loc.line,
			         "summan '%s' nämner '%s' i av=, men %s räknas aldrig in i en summa",
			         name_of(it), it->av[k],
			         rk->items[j].varav ? "en varav-rad" : "en post med egen enhet");
		}
	}
}

/* The figure a balanskrav ref names, as printed, with its tolerance (twice, in units). */
static bool ref_figure(const sr_model *m, const calc_rk_sums *sums, const rakning_item *bar,
                       size_t *rk_out, dec *v, bool *empty, dec *tol2)
{
	size_t rk, item;
	if (!calc_find_item(m, bar->ref, &rk, &item))
		return false;
	long c = calc_find_kolumn(sums[rk].rk, bar->kolumnref);
	if (c < 0)
		return false;
	const rakning_item *it = &sums[rk].rk->items[item];
	bool published = it->kind == RI_POST || (it->has_varden && (size_t)c < it->n_varden);
	*rk_out = rk;
	*v = sums[rk].printed[item][c];
	*empty = sums[rk].printed_empty[item][c];
	*tol2 = published ? 0 : calc_tolerance2(sums[rk].counts[item][c], sums[rk].dp[c]);
	return true;
}

static void check_arets_resultat(const sr_model *m, diag_sink *d, const calc_rk_sums *sums,
                                 size_t k, const rakning_item *bar)
{
	const rakning *bk = sums[k].rk;
	size_t rk;
	dec v, tol2;
	bool empty;
	if (!bar->ref || !bar->kolumnref || !ref_figure(m, sums, bar, &rk, &v, &empty, &tol2) ||
	    rk == k || bk->n_kolumner == 0)
		return;   /* REF-SAKNAS / REF-TYP from validation */
	const rakning *other = sums[rk].rk;
	const char *u1 = model_rakning_enhet(m, bk), *u2 = model_rakning_enhet(m, other);
	int dp = sums[k].dp[0];
	char a[64], b[64];
	bool own_empty = bar->tom && bar->n_varden > 0 && bar->tom[0];
	if (strcmp(u1 ? u1 : "", u2 ? u2 : "") != 0)
		diag_add(d, D_BALANSKRAV_RESULTAT, file_of(m, bar->loc), bar->loc.line,
		         "årets resultat i balanskravsutredningen är i %s men '%s' i %s är i %s; "
		         "båda ska ha samma enhet", u1 ? u1 : "", bar->ref,
		         model_rakning_title(other), u2 ? u2 : "");
	else if (own_empty || empty)
		diag_add(d, D_BALANSKRAV_RESULTAT, file_of(m, bar->loc), bar->loc.line,
		         "årets resultat i balanskravsutredningen kan inte jämföras: %s är tom",
		         own_empty ? "cellen i första kolumnen" : "den refererade cellen");
	else if (bar->n_varden > 0 && 2 * dec_abs(bar->varden[0] - v) > tol2)
		diag_add(d, D_BALANSKRAV_RESULTAT, file_of(m, bar->loc), bar->loc.line,
		         "årets resultat i balanskravsutredningen är %s men '%s' i kolumnen '%s' i %s "
		         "är %s", calc_format_sv(bar->varden[0], dp, a, sizeof a), bar->ref,
		         bar->kolumnref, model_rakning_title(other),
		         calc_format_sv(v, sums[rk].dp[0], b, sizeof b));
}

static void check_balanskrav(const sr_model *m, diag_sink *d, const calc_rk_sums *sums, size_t k)
{
	const rakning *rk = sums[k].rk;
	for (size_t i = 0; i < rk->n_items; i++) {
		const rakning_item *it = &rk->items[i];
		if (it->kind == RI_POST && it->roll && strcmp(it->roll, "arets-resultat") == 0)
			check_arets_resultat(m, d, sums, k, it);
		if (it->kind == RI_SUMMA && it->roll && strcmp(it->roll, "balanskravsresultat") == 0 &&
		    rk->n_kolumner > 0 && sums[k].printed_empty[i][0])
			diag_add(d, D_BALANSKRAV_ROLL, file_of(m, it->loc), it->loc.line,
			         "balanskravsresultatet '%s' är tomt i första kolumnen ('%s'); det ska "
			         "ange årets balanskravsresultat", name_of(it), col_name(rk, 0));
	}
}

void calc_check_tables(const sr_model *m, diag_sink *d, const calc_rk_sums *sums)
{
	arena *a = arena_new();
	for (size_t k = 0; k < m->n_tabeller; k++) {
		calc_rk_sums t = {.rk = m->tabeller[k]};
		calc_sum_one(a, m, &t);
		check_values_count(m, d, t.rk);
		check_av_terms(m, d, t.rk);
		check_published_v2(m, d, &t);
	}
	arena_free(a);
	for (size_t k = 0; m->has_ekonomi && k < m->ekonomi.n_rakningar; k++) {
		check_av_terms(m, d, sums[k].rk);
		check_published_v2(m, d, &sums[k]);
		if (sums[k].rk->typ == RK_BALANSKRAVSUTREDNING)
			check_balanskrav(m, d, sums, k);
	}
}
