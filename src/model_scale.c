/* SPDX-License-Identifier: Apache-2.0 */
/* model_scale.c - MODEL v2 part 2 (issue 13): the scale in effect (the kommun's or
 * version 1's), token tables of the new elements, and the goal-linking helpers for
 * goals under several parents. */
#include "model.h"
#include "model_v2.h"
#include <stdlib.h>
#include <string.h>

static const char *const trend_tokens[TREND_MAX] = {"", "oka", "minska", "bibehalla"};
static const char *const kontroll_tokens[KR_MAX] = {"utan-anmarkning", "avvikelse", "ej-genomford"};
static const char *const risk_tokens[RISK_MAX] = {"", "lag", "medel", "hog"};

static int parse_in(const char *const *tokens, int n, int first, const char *s)
{
	for (int i = first; s && i < n; i++)
		if (strcmp(tokens[i], s) == 0)
			return i;
	return -1;
}

const char *model_trend_token(enum trend_target t) { return trend_tokens[t]; }
int model_trend_parse(const char *s) { return parse_in(trend_tokens, TREND_MAX, 1, s); }
const char *model_kontroll_token(enum kontroll_resultat r) { return kontroll_tokens[r]; }
int model_kontroll_parse(const char *s) { return parse_in(kontroll_tokens, KR_MAX, 0, s); }
int model_risk_parse(const char *s) { return parse_in(risk_tokens, RISK_MAX, 1, s); }

const char *model_item_namnd(const char *namndref, const char *bidrag_namndref)
{
	return namndref ? namndref : bidrag_namndref;
}

void model_effective_scale(const sr_model *m, bedomningsskala *out, arena *a)
{
	if (m->has_skala) {
		*out = m->skala;
		return;
	}
	memset(out, 0, sizeof *out);
	skala_steg *st = arena_calloc(a, 3, sizeof *st);
	st[0] = (skala_steg){.id = "uppfyllt", .namn = "Uppfyllt", .poang = DEC_FROM_INT(2),
	                     .fran = m->mal_gron, .has_fran = true, .uppfyllt = true,
	                     .motsvarar = "uppfyllt"};
	st[1] = (skala_steg){.id = "delvis", .namn = "Delvis uppfyllt", .poang = DEC_FROM_INT(1),
	                     .fran = m->mal_gul, .has_fran = true, .motsvarar = "delvis"};
	st[2] = (skala_steg){.id = "ej-uppfyllt", .namn = "Ej uppfyllt", .poang = 0,
	                     .motsvarar = "ej-uppfyllt"};
	out->steg = st;
	out->n_steg = 3;
	out->ejb_id = "ej-bedomt";
	out->ejb_namn = "Ej bedömt";
}

int model_scale_find(const bedomningsskala *sc, const char *id)
{
	if (!id)
		return -1;
	for (size_t i = 0; i < sc->n_steg; i++)
		if (sc->steg[i].id && strcmp(sc->steg[i].id, id) == 0)
			return (int)i;
	return sc->ejb_id && strcmp(sc->ejb_id, id) == 0 ? (int)sc->n_steg : -1;
}

bool model_step_maps(const skala_steg *st, const char *tok)
{
	const char *p = st->motsvarar;
	size_t l = strlen(tok);
	while (p && *p) {
		p += strspn(p, " \t\r\n");
		size_t w = strcspn(p, " \t\r\n");
		if (w == l && strncmp(p, tok, l) == 0)
			return true;
		p += w;
	}
	return false;
}

int model_scale_step_of_status(const bedomningsskala *sc, enum status s)
{
	if (s == ST_UPPFYLLT || s == ST_DELVIS || s == ST_EJ_UPPFYLLT)
		for (size_t i = 0; i < sc->n_steg; i++)
			if (model_step_maps(&sc->steg[i], model_status_token(s)))
				return (int)i;
	return (int)sc->n_steg;
}

/* ---- goals under several parents ---- */

bool model_link_prepare(sr_model *m)
{
	bool multi = false;
	for (size_t i = 0; i < m->n_goals; i++)
		multi = multi || m->goals[i]->n_overordnad > 1;
	return multi;
}

size_t model_extra_adopted_count(const sr_model *m, const mal *parent)
{
	size_t n = 0;
	for (size_t i = 0; parent->id && i < m->n_goals; i++)
		for (size_t t = 1; t < m->goals[i]->n_overordnad; t++)
			n += strcmp(m->goals[i]->overordnad_list[t], parent->id) == 0;
	return n;
}

bool model_reaches_down(const sr_model *m, const mal *g, const mal *p)
{
	/* Depth-first through kids with an explicit stack; a goal may be reached along
	 * several paths, so the stack is bounded by the links, not by the goals. */
	size_t cap = m->n_goals + 1, top = 0, steps = 0;
	const mal **stack = malloc(cap * sizeof *stack);
	if (!stack)
		return true;   /* refuse the link rather than risk a loop */
	stack[top++] = g;
	bool found = false;
	while (top && !found && steps++ < 4 * cap * cap) {
		const mal *x = stack[--top];
		if (x == p) {
			found = true;
			break;
		}
		for (size_t k = 0; k < x->n_kids; k++) {
			if (top == cap) {
				cap *= 2;
				const mal **ns = realloc(stack, cap * sizeof *stack);
				if (!ns) {
					found = true;
					break;
				}
				stack = ns;
			}
			stack[top++] = x->kids[k];
		}
	}
	free(stack);
	return found;
}

bool model_has_parent(const mal *g, const mal *p)
{
	for (size_t i = 0; i < g->n_parents; i++)
		if (g->parents[i] == p)
			return true;
	return false;
}

void model_add_parent(arena *a, mal *g, mal *p)
{
	mal **np = arena_calloc(a, g->n_parents + 1, sizeof *np);
	if (g->n_parents)
		memcpy(np, g->parents, g->n_parents * sizeof *np);
	np[g->n_parents++] = p;
	g->parents = np;
}
