/* SPDX-License-Identifier: Apache-2.0 */
/* load_goals.c - builds the text sections and the goal tree (goals, indicators,
 * activities, assessments) of the model. */
#include "load_private.h"
#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* ---- avsnitt ---- */

static void build_lista(load_builder *b, const xmlNode *n, block *bl)
{
	bl->punkter = arena_calloc(b->a, load_count(n, "punkt") + 1, sizeof *bl->punkter);
	for (xmlNode *k = n->children; k; k = k->next)
		if (load_is_el(k, "punkt"))
			bl->punkter[bl->n_punkter++] = load_rich(b, k, "text");
}

avsnitt *load_avsnitt(load_builder *b, const xmlNode *n, const char *namndref)
{
	avsnitt *s = arena_alloc(b->a, sizeof *s);
	s->id = load_attr(b, n, "id");
	s->rubrik = load_text_attr(b, n, "rubrik", "rubrik");
	s->namndref = namndref;
	s->loc = load_loc(b, n);
	size_t cap = load_count(n, "stycke") + load_count(n, "lista") + load_count(n, "avsnitt")
	             + load_count(n, "tabell") + load_count(n, "bild");   /* MODEL v2 part 1 (issue 12) */
	s->blocks = arena_calloc(b->a, cap + 1, sizeof *s->blocks);
	for (xmlNode *k = n->children; k; k = k->next) {
		block *bl = &s->blocks[s->n_blocks];
		bl->loc = load_loc(b, k);
		if (load_is_el(k, "stycke")) {
			bl->kind = BLOCK_STYCKE;
			bl->stycke = load_rich(b, k, "text");
		} else if (load_is_el(k, "lista")) {
			bl->kind = BLOCK_LISTA;
			build_lista(b, k, bl);
		} else if (load_is_el(k, "avsnitt")) {
			bl->kind = BLOCK_AVSNITT;
			bl->avsnitt = load_avsnitt(b, k, namndref);
		} else if (load_v2_block(b, k, bl)) {   /* MODEL v2 part 1 (issue 12) */
		} else {
			continue;
		}
		s->n_blocks++;
	}
	return s;
}

/* ---- indicators ---- */

static void value_point_of(load_builder *b, const xmlNode *k, value_point *vp)
{
	const char *ar = load_attr(b, k, "ar");
	vp->ar = ar ? atoi(ar) : 0;
	vp->period = load_attr(b, k, "period");
	vp->namn = load_text_attr(b, k, "namn", "namn");
	vp->loc = load_loc(b, k);
	load_num_content(b, k, &vp->value);
}

static value_point *value_points(load_builder *b, const xmlNode *n, const char *name, size_t *count)
{
	value_point *out = arena_calloc(b->a, load_count(n, name) + 1, sizeof *out);
	*count = 0;
	for (xmlNode *k = n->children; k; k = k->next)
		if (load_is_el(k, name))
			value_point_of(b, k, &out[(*count)++]);
	return out;
}

void load_indikator(load_builder *b, const xmlNode *n, indikator *ind)
{
	ind->id = load_attr(b, n, "id");
	ind->namn = load_text_attr(b, n, "namn", "namn");
	ind->enhet = load_text_attr(b, n, "enhet", "enhet");
	ind->kolada = load_attr(b, n, "kolada");
	ind->kolada_datum = load_attr(b, n, "kolada-datum");
	ind->riktning = load_direction(b, n);
	ind->utgangsvarde = value_points(b, n, "utgangsvarde", &ind->n_utgangsvarde);
	ind->malvarde = value_points(b, n, "malvarde", &ind->n_malvarde);
	ind->utfall = value_points(b, n, "utfall", &ind->n_utfall);
	ind->jamforelse = value_points(b, n, "jamforelse", &ind->n_jamforelse);
	ind->loc = load_loc(b, n);
	load_indikator_v2(b, n, ind);   /* MODEL v2 part 2 (issue 13) */
}

static void build_aktivitet(load_builder *b, const xmlNode *n, aktivitet *ak)
{
	ak->id = load_attr(b, n, "id");
	ak->ansvarig = load_text_attr(b, n, "ansvarig", "ansvarig");
	ak->klart = load_attr(b, n, "klart");
	int s = model_activity_parse(load_attr(b, n, "status"));
	ak->status = s < 0 ? AS_EJ_PABORJAD : (enum activity_status)s;
	ak->text = load_plain(b, n);
	ak->loc = load_loc(b, n);
	load_add_text(b, ak->text, "aktivitet", ak->loc);
}

/* ---- goals ---- */

static enum status status_attr(load_builder *b, const xmlNode *n, const char *name)
{
	int s = model_status_parse(load_attr(b, n, name));
	return s < 0 ? ST_NONE : (enum status)s;
}

static void build_agenda(load_builder *b, const xmlNode *n, mal *g)
{
	size_t count;
	const char **tok = load_tokens(b, n, "agenda2030", &count);
	if (!tok)
		return;
	g->agenda2030 = arena_calloc(b->a, count + 1, sizeof *g->agenda2030);
	for (size_t i = 0; i < count; i++) {
		long v = strtol(tok[i], NULL, 10);   /* an integer: the XSD saw to that */
		g->agenda2030[i] = v > 1000 ? 1000 : v < -1000 ? -1000 : (int)v;
	}
	g->n_agenda2030 = count;
}

static void build_mal_attrs(load_builder *b, const xmlNode *n, mal *g, const char *bidrag_ref)
{
	g->id = load_attr(b, n, "id");
	g->niva = load_attr(b, n, "niva");
	g->titel = load_text_attr(b, n, "titel", "titel");
	g->namndref = load_attr(b, n, "namndref");
	g->overordnad = load_attr(b, n, "overordnad");
	g->bidrag_namndref = bidrag_ref;
	int p = model_perspective_parse(load_attr(b, n, "perspektiv"));
	g->perspektiv = p < 0 ? PERSP_NONE : (enum perspective)p;
	build_agenda(b, n, g);
	g->loc = load_loc(b, n);
	load_mal_v2(b, n, g);   /* MODEL v2 part 2 (issue 13) */
}

static void build_mal_child(load_builder *b, const xmlNode *k, mal *g, const char *bidrag_ref)
{
	if (load_is_el(k, "beskrivning")) {
		g->beskrivning = load_rich(b, k, "beskrivning");
		g->has_beskrivning = true;
	} else if (load_is_el(k, "indikator")) {
		load_indikator(b, k, &g->indikatorer[g->n_indikatorer++]);
	} else if (load_is_el(k, "aktivitet")) {
		build_aktivitet(b, k, &g->aktiviteter[g->n_aktiviteter++]);
	} else if (load_is_el(k, "bedomning")) {
		g->has_bedomning = true;
		g->bedomning.status = status_attr(b, k, "status");
		g->bedomning.prognos = status_attr(b, k, "prognos");
		g->bedomning.text = load_rich(b, k, "bedömning");
		g->bedomning.loc = load_loc(b, k);
	} else if (load_is_el(k, "atgard")) {
		g->atgard = load_rich(b, k, "åtgärd");
		g->has_atgard = true;
	} else if (load_is_el(k, "mal")) {
		g->nested[g->n_nested++] = load_mal(b, k, bidrag_ref);
	}
}

mal *load_mal(load_builder *b, const xmlNode *n, const char *bidrag_ref)
{
	mal *g = arena_alloc(b->a, sizeof *g);
	load_vec_push(&b->goals, &g);   /* pre-order: the goal before its sub-goals */
	build_mal_attrs(b, n, g, bidrag_ref);
	g->indikatorer = arena_calloc(b->a, load_count(n, "indikator") + 1, sizeof *g->indikatorer);
	g->aktiviteter = arena_calloc(b->a, load_count(n, "aktivitet") + 1, sizeof *g->aktiviteter);
	g->nested = arena_calloc(b->a, load_count(n, "mal") + 1, sizeof *g->nested);
	for (xmlNode *k = n->children; k; k = k->next)
		build_mal_child(b, k, g, bidrag_ref);
	return g;
}
