/* SPDX-License-Identifier: Apache-2.0 */
/* test_valid_builder.h - for tests/test_valid*.c only: builds small models in C (a valid
 * delårsrapport to break one thing in) and looks up the diagnostics a check added. */
#ifndef SR_VALID_BUILDER_H
#define SR_VALID_BUILDER_H
#include "model.h"
#include "diag.h"
#include <stdio.h>
#include <string.h>

enum { VB_CAP = 64 };

static inline void vb_id(sr_model *m, const char *id, const char *element, long line)
{
	m->ids[m->n_ids++] = (id_entry){id, element, {m->file, line}};
}

/* A valid delårsrapport jan–aug 2024 with three levels and two nämnder, no goals. */
static inline sr_model *vb_new(const char *file)
{
	arena *a = arena_new();
	sr_model *m = arena_alloc(a, sizeof *m);
	m->arena = a;
	m->file = arena_strdup(a, file);
	m->typ = RT_DELARSRAPPORT;
	m->ar = 2024;
	m->period_fran = "2024-01-01";
	m->period_till = "2024-08-31";
	m->loc_period = (src_loc){m->file, 17};
	m->loc_rapport = (src_loc){m->file, 3};
	m->diarium.diarienummer = "KS 2024/123";
	m->diarium.loc_diarienummer = (src_loc){m->file, 5};
	m->kommun.loc = (src_loc){m->file, 14};
	m->gul_andel = 500000, m->mal_gron = 1750000, m->mal_gul = 750000;
	m->ids = arena_calloc(a, VB_CAP, sizeof *m->ids);
	m->texts = arena_calloc(a, VB_CAP, sizeof *m->texts);
	m->goals = arena_calloc(a, VB_CAP, sizeof *m->goals);
	m->roots = arena_calloc(a, VB_CAP, sizeof *m->roots);
	m->nivaer = arena_calloc(a, 3, sizeof *m->nivaer);
	m->has_malnivaer = true;
	const char *lv[3][2] = {{"omrade", "Målområde"}, {"strat", "Strategiskt mål"}, {"namnd", "Nämndmål"}};
	for (int i = 0; i < 3; i++) {
		m->nivaer[m->n_nivaer++] = (niva){lv[i][0], lv[i][1], {m->file, 19 + i}};
		vb_id(m, lv[i][0], "niva", 19 + i);
	}
	m->namnder = arena_calloc(a, 2, sizeof *m->namnder);
	m->namnder[m->n_namnder++] = (namnd){"KS", "Kommunstyrelsen", "KSF", {m->file, 24}};
	m->namnder[m->n_namnder++] = (namnd){"BUN", "Barn- och utbildningsnämnden", "BUF", {m->file, 25}};
	vb_id(m, "KS", "namnd", 24);
	vb_id(m, "BUN", "namnd", 25);
	m->ekonomi.drift = arena_calloc(a, VB_CAP, sizeof *m->ekonomi.drift);
	m->ekonomi.projekt = arena_calloc(a, VB_CAP, sizeof *m->ekonomi.projekt);
	m->personal = arena_calloc(a, VB_CAP, sizeof *m->personal);
	m->bidrag = arena_calloc(a, VB_CAP, sizeof *m->bidrag);
	return m;
}

/* A goal at line, nested inside parent (NULL: a root). */
static inline mal *vb_goal(sr_model *m, const char *id, const char *lvl, mal *parent, long line)
{
	mal *g = arena_alloc(m->arena, sizeof *g);
	g->id = id;
	g->niva = lvl;
	g->titel = "Ett mål";
	g->loc = (src_loc){m->file, line};
	g->nested = arena_calloc(m->arena, 8, sizeof *g->nested);
	g->indikatorer = arena_calloc(m->arena, 8, sizeof *g->indikatorer);
	m->goals[m->n_goals++] = g;
	if (parent)
		parent->nested[parent->n_nested++] = g;
	else
		m->roots[m->n_roots++] = g;
	vb_id(m, id, "mal", line);
	return g;
}

static inline indikator *vb_indicator(sr_model *m, mal *g, const char *id, long line)
{
	indikator *ind = &g->indikatorer[g->n_indikatorer++];
	ind->id = id;
	ind->namn = "Andel";
	ind->loc = (src_loc){m->file, line};
	ind->utgangsvarde = arena_calloc(m->arena, 4, sizeof(value_point));
	ind->malvarde = arena_calloc(m->arena, 4, sizeof(value_point));
	ind->utfall = arena_calloc(m->arena, 4, sizeof(value_point));
	vb_id(m, id, "indikator", line);
	return ind;
}

static inline void vb_value(sr_model *m, value_point *v, size_t *n, int ar, const char *period, long line)
{
	v[(*n)++] = (value_point){ar, period, NULL, DEC_FROM_INT(80), {m->file, line}};
}

static inline void vb_text(sr_model *m, const char *text, const char *what, long line)
{
	m->texts[m->n_texts++] = (text_entry){text, what, {m->file, line}};
}

static inline drift_rad *vb_drift(sr_model *m, const char *namndref, const char *rubrik, long line)
{
	drift_rad *r = &m->ekonomi.drift[m->ekonomi.n_drift++];
	r->namndref = namndref;
	r->rubrik = rubrik;
	r->loc = (src_loc){m->file, line};
	m->has_ekonomi = m->ekonomi.has_drift = true;
	return r;
}

/* The first diagnostic with code at line, or NULL. */
static inline const diag *vb_find_at(const diag_sink *d, enum diag_code code, long line)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->items[i].code == code && d->items[i].line == line)
			return &d->items[i];
	return NULL;
}

/* The first diagnostic with code, or NULL. */
static inline const diag *vb_find(const diag_sink *d, enum diag_code code)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->items[i].code == code)
			return &d->items[i];
	return NULL;
}

static inline size_t vb_count(const diag_sink *d, enum diag_code code)
{
	size_t n = 0;
	for (size_t i = 0; i < d->n; i++)
		n += d->items[i].code == code;
	return n;
}

static inline void vb_dump(const diag_sink *d)
{
	for (size_t i = 0; i < d->n; i++)
		fprintf(stderr, "  %s:%ld: [%s] %s\n", d->items[i].file, d->items[i].line,
		        diag_code_name(d->items[i].code), d->items[i].message);
}
#endif
