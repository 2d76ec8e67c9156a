/* SPDX-License-Identifier: Apache-2.0 */
/* calc_builder.h - builds small models in C for the compute tests (no loader needed).
 * Everything lives in the model's arena; capacities are generous and fixed. */
#ifndef SR_CALC_BUILDER_H
#define SR_CALC_BUILDER_H
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>
#include "model.h"

enum { B_MAX_GOALS = 20000, B_MAX_KIDS = 16, B_MAX_IND = 16, B_MAX_ROWS = 16,
       B_MAX_ITEMS = 32, B_MAX_RK = 4, B_MAX_VALS = 8 };

static inline dec D(const char *s)
{
	dec v;
	assert_int_equal(dec_parse(s, &v), DEC_OK);
	return v;
}

static inline sr_model *b_model(enum report_type typ, const char *till)
{
	arena *a = arena_new();
	sr_model *m = arena_alloc(a, sizeof *m);
	m->arena = a;
	m->file = "test.xml";
	m->typ = typ;
	m->ar = 2024;
	m->diarium.diarienummer = "KS 2024/1";
	m->period_fran = "2024-01-01";
	m->period_till = till;
	m->gul_andel = D("0.5");
	m->mal_gron = D("1.75");
	m->mal_gul = D("0.75");
	static const char *const lv[] = {"omrade", "strat", "namnd"};
	m->nivaer = arena_calloc(a, 3, sizeof *m->nivaer);
	for (size_t i = 0; i < 3; i++)
		m->nivaer[i] = (niva){.id = lv[i], .namn = lv[i]};
	m->n_nivaer = 3;
	m->has_malnivaer = true;
	static const char *const nn[] = {"KS", "BUN", "SN"};
	m->namnder = arena_calloc(a, 3, sizeof *m->namnder);
	for (size_t i = 0; i < 3; i++)
		m->namnder[i] = (namnd){.id = nn[i], .namn = nn[i]};
	m->n_namnder = 3;
	m->goals = arena_calloc(a, B_MAX_GOALS, sizeof *m->goals);
	m->roots = arena_calloc(a, B_MAX_GOALS, sizeof *m->roots);
	m->ekonomi.enhet = "mnkr";
	m->ekonomi.decimaler = 1;
	return m;
}

/* A goal nested in parent (NULL: a root), appended in document order. */
static inline mal *b_goal(sr_model *m, const char *id, const char *niva_id, mal *parent,
                   const char *namndref)
{
	mal *g = arena_alloc(m->arena, sizeof *g);
	g->id = id;
	g->niva = niva_id;
	g->titel = id;
	g->namndref = namndref;
	g->indikatorer = arena_calloc(m->arena, B_MAX_IND, sizeof *g->indikatorer);
	m->goals[m->n_goals++] = g;
	if (!parent) {
		m->roots[m->n_roots++] = g;
		return g;
	}
	if (!parent->nested)
		parent->nested = arena_calloc(m->arena, B_MAX_KIDS, sizeof *parent->nested);
	assert_true(parent->n_nested < B_MAX_KIDS);
	parent->nested[parent->n_nested++] = g;
	return g;
}

static inline value_point *b_point(sr_model *m, const char *v, int ar)
{
	value_point *p = arena_alloc(m->arena, sizeof *p);
	p->ar = ar;
	p->value = D(v);
	return p;
}

/* An indicator; b, t, u are decimal strings or NULL (absent). t and u are for 2024. */
static inline indikator *b_ind(sr_model *m, mal *g, const char *id, enum direction dir,
                        const char *b, const char *t, const char *u)
{
	indikator *ind = &g->indikatorer[g->n_indikatorer++];
	ind->id = id;
	ind->namn = id;
	ind->riktning = dir;
	if (b)
		ind->utgangsvarde = b_point(m, b, 2022), ind->n_utgangsvarde = 1;
	if (t)
		ind->malvarde = b_point(m, t, 2024), ind->n_malvarde = 1;
	if (u)
		ind->utfall = b_point(m, u, 2024), ind->n_utfall = 1;
	return ind;
}

static inline void b_manual(mal *g, enum status s, enum status prognos)
{
	g->has_bedomning = true;
	g->bedomning.status = s;
	g->bedomning.prognos = prognos;
}

static inline ekonomi *b_ekonomi(sr_model *m)
{
	ekonomi *e = &m->ekonomi;
	if (!m->has_ekonomi) {
		m->has_ekonomi = true;
		e->drift = arena_calloc(m->arena, B_MAX_ROWS, sizeof *e->drift);
		e->projekt = arena_calloc(m->arena, B_MAX_ROWS, sizeof *e->projekt);
		e->rakningar = arena_calloc(m->arena, B_MAX_RK, sizeof *e->rakningar);
		e->finmal = arena_calloc(m->arena, B_MAX_ROWS, sizeof *e->finmal);
	}
	return e;
}

/* A drift row: namndref, or rubrik when it starts with '#'. prognos NULL: none. */
static inline drift_rad *b_drift(sr_model *m, const char *who, const char *budget,
                          const char *utfall, const char *prognos)
{
	ekonomi *e = b_ekonomi(m);
	e->has_drift = true;
	drift_rad *d = &e->drift[e->n_drift++];
	if (who[0] == '#')
		d->rubrik = who + 1;
	else
		d->namndref = who;
	d->budget = D(budget);
	d->utfall = D(utfall);
	d->has_prognos = prognos != NULL;
	d->prognos = prognos ? D(prognos) : 0;
	return d;
}

static inline projekt *b_projekt(sr_model *m, const char *id, const char *namndref,
                          const char *budget, const char *utfall, const char *prognos)
{
	ekonomi *e = b_ekonomi(m);
	e->has_investeringar = true;
	projekt *p = &e->projekt[e->n_projekt++];
	p->id = id;
	p->namn = id;
	p->namndref = namndref;
	p->budget = D(budget);
	p->utfall = D(utfall);
	p->has_prognos = prognos != NULL;
	p->prognos = prognos ? D(prognos) : 0;
	return p;
}

/* Splits "a b c" into decimals; returns the count. */
static inline size_t b_values(sr_model *m, const char *s, dec **out)
{
	*out = arena_calloc(m->arena, B_MAX_VALS, sizeof **out);
	size_t n = 0;
	char buf[256];
	snprintf(buf, sizeof buf, "%s", s);
	for (char *save = NULL, *tok = strtok_r(buf, " ", &save); tok;
	     tok = strtok_r(NULL, " ", &save))
		(*out)[n++] = D(tok);
	return n;
}

/* A räkning with the kolumner "id:rubrik id:rubrik ..." */
static inline rakning *b_rakning(sr_model *m, enum rakning_type typ, const char *kolumner)
{
	ekonomi *e = b_ekonomi(m);
	rakning *rk = &e->rakningar[e->n_rakningar++];
	rk->typ = typ;
	rk->kolumner = arena_calloc(m->arena, B_MAX_VALS, sizeof *rk->kolumner);
	rk->items = arena_calloc(m->arena, B_MAX_ITEMS, sizeof *rk->items);
	char *copy = arena_strdup(m->arena, kolumner);
	for (char *save = NULL, *tok = strtok_r(copy, " ", &save); tok;
	     tok = strtok_r(NULL, " ", &save)) {
		char *colon = strchr(tok, ':');
		*colon = '\0';
		rk->kolumner[rk->n_kolumner++] = (kolumn){.id = tok, .rubrik = colon + 1};
	}
	return rk;
}

static inline rakning_item *b_post(sr_model *m, rakning *rk, const char *id, const char *varden)
{
	rakning_item *it = &rk->items[rk->n_items++];
	it->kind = RI_POST;
	it->id = id;
	it->namn = id;
	it->n_varden = b_values(m, varden, &it->varden);
	it->has_varden = true;
	return it;
}

/* av: NULL (section), "alla", or a list of ids; varden NULL when not published. */
static inline rakning_item *b_summa(sr_model *m, rakning *rk, const char *id, const char *av,
                             const char *varden, const char *roll)
{
	rakning_item *it = &rk->items[rk->n_items++];
	it->kind = RI_SUMMA;
	it->id = id;
	it->namn = id;
	it->roll = roll;
	it->scope = !av ? SUM_SECTION : strcmp(av, "alla") == 0 ? SUM_ALLA : SUM_LIST;
	if (it->scope == SUM_LIST) {
		it->av = arena_calloc(m->arena, B_MAX_VALS, sizeof *it->av);
		char *copy = arena_strdup(m->arena, av);
		for (char *save = NULL, *tok = strtok_r(copy, " ", &save); tok;
		     tok = strtok_r(NULL, " ", &save))
			it->av[it->n_av++] = tok;
	}
	if (varden) {
		it->n_varden = b_values(m, varden, &it->varden);
		it->has_varden = true;
	}
	return it;
}

/* terms: "a -b" (a leading '-' negates), or NULL. */
static inline size_t b_terms(sr_model *m, const char *s, fin_term **out)
{
	*out = arena_calloc(m->arena, B_MAX_VALS, sizeof **out);
	size_t n = 0;
	char *copy = arena_strdup(m->arena, s ? s : "");
	for (char *save = NULL, *tok = strtok_r(copy, " ", &save); tok;
	     tok = strtok_r(NULL, " ", &save))
		(*out)[n++] = tok[0] == '-' ? (fin_term){tok + 1, true} : (fin_term){tok, false};
	return n;
}

static inline finansielltmal *b_fin(sr_model *m, const char *id, enum direction dir,
                             const char *malvarde, const char *taljare, const char *namnare,
                             const char *kol)
{
	ekonomi *e = b_ekonomi(m);
	finansielltmal *f = &e->finmal[e->n_finmal++];
	f->id = id;
	f->namn = id;
	f->riktning = dir;
	f->malvarde = D(malvarde);
	f->kolumn = kol;
	f->n_taljare = b_terms(m, taljare, &f->taljare);
	f->n_namnare = b_terms(m, namnare, &f->namnare);
	return f;
}
#endif
