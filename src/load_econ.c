/* SPDX-License-Identifier: Apache-2.0 */
/* load_econ.c - builds the economy (driftredovisning, investeringar, räkningar,
 * financial goals), the personnel figures and the nämnd contributions. */
#include "load_private.h"
#include <stdlib.h>
#include <string.h>

/* ---- driftredovisning and investeringar ---- */

static void belopp(load_builder *b, const xmlNode *n, dec *budget, dec *utfall, dec *prognos,
                   bool *has_prognos)
{
	load_num_attr(b, n, "budget", budget);
	load_num_attr(b, n, "utfall", utfall);
	*has_prognos = load_num_attr(b, n, "prognos", prognos);
}

static void drift_row(load_builder *b, const xmlNode *n, const char *bidrag_ref)
{
	drift_rad r = {0};
	r.namndref = bidrag_ref ? bidrag_ref : load_attr(b, n, "namndref");
	r.rubrik = load_text_attr(b, n, "rubrik", "rubrik");
	r.kommentar = load_text_attr(b, n, "kommentar", "kommentar");
	belopp(b, n, &r.budget, &r.utfall, &r.prognos, &r.has_prognos);
	r.from_bidrag = bidrag_ref != NULL;
	r.loc = load_loc(b, n);
	load_drift_v2(b, n, &r);   /* MODEL v2 part 1 (issue 12) */
	if (r.varav)
		r.namndref = load_attr(b, n, "namndref");   /* a bidrag's varav row is no nämnd row */
	load_vec_push(&b->drift, &r);
}

static void projekt_row(load_builder *b, const xmlNode *n, const char *bidrag_ref)
{
	projekt p = {0};
	p.id = load_attr(b, n, "id");
	p.namn = load_text_attr(b, n, "namn", "namn");
	p.namndref = bidrag_ref ? bidrag_ref : load_attr(b, n, "namndref");
	p.kommentar = load_text_attr(b, n, "kommentar", "kommentar");
	belopp(b, n, &p.budget, &p.utfall, &p.prognos, &p.has_prognos);
	p.from_bidrag = bidrag_ref != NULL;
	p.loc = load_loc(b, n);
	load_projekt_v2(b, n, &p);   /* MODEL v2 part 1 (issue 12) */
	load_vec_push(&b->projekt, &p);
}

static void summa_of(load_builder *b, const xmlNode *n, summa_rad *s)
{
	belopp(b, n, &s->budget, &s->utfall, &s->prognos, &s->has_prognos);
	s->loc = load_loc(b, n);
	load_summa_v2(b, n, s);   /* MODEL v2 part 1 (issue 12) */
}

static void build_drift(load_builder *b, const xmlNode *n)
{
	ekonomi *e = &b->m->ekonomi;
	e->has_drift = true;
	e->loc_drift = load_loc(b, n);
	for (xmlNode *k = n->children; k; k = k->next) {
		if (load_is_el(k, "rad"))
			drift_row(b, k, NULL);
		else if (load_is_el(k, "summa")) {
			summa_of(b, k, &e->drift_summa);
			e->has_drift_summa = true;
		}
	}
}

static void build_invest(load_builder *b, const xmlNode *n)
{
	ekonomi *e = &b->m->ekonomi;
	e->has_investeringar = true;
	e->loc_investeringar = load_loc(b, n);
	for (xmlNode *k = n->children; k; k = k->next) {
		if (load_is_el(k, "projekt"))
			projekt_row(b, k, NULL);
		else if (load_is_el(k, "summa")) {
			summa_of(b, k, &e->invest_summa);
			e->has_invest_summa = true;
		}
	}
}

/* ---- räkningar ---- */

static void build_rakning(load_builder *b, const xmlNode *n, rakning *r)
{
	int t = model_rakning_parse(load_attr(b, n, "typ"));
	r->typ = t < 0 ? RK_RESULTATRAKNING : (enum rakning_type)t;
	load_rakning_body(b, n, r, false);   /* MODEL v2 part 1 (issue 12): grupp, '-', varav, not */
}

static fin_term *terms(load_builder *b, const xmlNode *n, const char *name, size_t *count)
{
	const char **tok = load_tokens(b, n, name, count);
	if (!tok)
		return NULL;
	fin_term *out = arena_calloc(b->a, *count + 1, sizeof *out);
	for (size_t i = 0; i < *count; i++) {
		out[i].negate = tok[i][0] == '-';
		out[i].id = tok[i] + out[i].negate;
	}
	return out;
}

static void build_finmal(load_builder *b, const xmlNode *n, finansielltmal *f)
{
	f->id = load_attr(b, n, "id");
	f->namn = load_text_attr(b, n, "namn", "namn");
	f->enhet = load_text_attr(b, n, "enhet", "enhet");
	f->kolumn = load_attr(b, n, "kolumn");
	f->riktning = load_direction(b, n);
	load_num_attr(b, n, "malvarde", &f->malvarde);
	f->has_utgangsvarde = load_num_attr(b, n, "utgangsvarde", &f->utgangsvarde);
	f->has_utfall = load_num_attr(b, n, "utfall", &f->utfall);
	f->taljare = terms(b, n, "taljare", &f->n_taljare);
	f->namnare = terms(b, n, "namnare", &f->n_namnare);
	f->loc = load_loc(b, n);
	load_finmal_v2(b, n, f);   /* MODEL v2 part 2 (issue 13) */
}

void load_ekonomi(load_builder *b, const xmlNode *n)
{
	sr_model *m = b->m;
	ekonomi *e = &m->ekonomi;
	m->has_ekonomi = true;
	e->loc = load_loc(b, n);
	const char *enhet = load_text_attr(b, n, "enhet", "enhet");
	if (enhet)
		e->enhet = enhet;
	const char *dec_s = load_attr(b, n, "decimaler");
	if (dec_s)
		e->decimaler = atoi(dec_s);
	e->rakningar = arena_calloc(b->a, load_count(n, "rakning") + 1, sizeof *e->rakningar);
	e->finmal = arena_calloc(b->a, load_count(n, "finansielltmal") + 1, sizeof *e->finmal);
	for (xmlNode *k = n->children; k; k = k->next) {
		if (load_is_el(k, "driftredovisning"))
			build_drift(b, k);
		else if (load_is_el(k, "investeringar"))
			build_invest(b, k);
		else if (load_is_el(k, "rakning"))
			build_rakning(b, k, &e->rakningar[e->n_rakningar++]);
		else if (load_is_el(k, "finansielltmal"))
			build_finmal(b, k, &e->finmal[e->n_finmal++]);
		else if (load_is_el(k, "noter"))
			load_noter(b, k);   /* MODEL v2 part 1 (issue 12) */
	}
}

/* ---- personal ---- */

static void personal_row(load_builder *b, const xmlNode *n, const char *bidrag_ref)
{
	personal_rad p = {0};
	p.namndref = bidrag_ref ? bidrag_ref : load_attr(b, n, "namndref");
	p.has_tillsvidareanstallda = load_num_attr(b, n, "tillsvidareanstallda", &p.tillsvidareanstallda);
	p.has_arsarbetare = load_num_attr(b, n, "arsarbetare", &p.arsarbetare);
	p.has_sjukfranvaro = load_num_attr(b, n, "sjukfranvaro", &p.sjukfranvaro);
	p.has_sjukfranvaro_fg = load_num_attr(b, n, "sjukfranvaro-fg", &p.sjukfranvaro_fg);
	p.from_bidrag = bidrag_ref != NULL;
	p.loc = load_loc(b, n);
	load_vec_push(&b->personal, &p);
}

void load_personal(load_builder *b, const xmlNode *n)
{
	b->m->has_personal = true;
	for (xmlNode *k = n->children; k; k = k->next)
		if (load_is_el(k, "rad"))
			personal_row(b, k, NULL);
		else if (load_is_el(k, "sjukfranvaro"))
			load_sjukfranvaro(b, k);   /* MODEL v2 part 1 (issue 12) */
}

/* ---- namndbidrag: its rows join the whole report under its namndref ---- */

static void ensure_ekonomi(load_builder *b, const xmlNode *n)
{
	if (!b->m->has_ekonomi) {
		b->m->has_ekonomi = true;
		b->m->ekonomi.loc = load_loc(b, n);
	}
}

static void bidrag_child(load_builder *b, const xmlNode *k, const char *ref)
{
	ekonomi *e = &b->m->ekonomi;
	if (load_child_v2(b, k, ref))   /* MODEL v2 part 2 (issue 13) */
		return;
	if (load_is_el(k, "avsnitt")) {
		avsnitt *s = load_avsnitt(b, k, ref);
		load_vec_push(&b->avsnitt, &s);
	} else if (load_is_el(k, "mal")) {
		mal *g = load_mal(b, k, ref);
		load_vec_push(&b->roots, &g);
	} else if (load_is_el(k, "rad")) {
		ensure_ekonomi(b, k);
		if (!e->has_drift) {
			e->has_drift = true;
			e->loc_drift = load_loc(b, k);
		}
		drift_row(b, k, ref);
	} else if (load_is_el(k, "projekt")) {
		ensure_ekonomi(b, k);
		if (!e->has_investeringar) {
			e->has_investeringar = true;
			e->loc_investeringar = load_loc(b, k);
		}
		projekt_row(b, k, ref);
	} else if (load_is_el(k, "personal")) {
		b->m->has_personal = true;
		personal_row(b, k, ref);
	}
}

void load_bidrag(load_builder *b, const xmlNode *n)
{
	namndbidrag nb = {load_attr(b, n, "namndref"), load_loc(b, n)};
	if (!nb.namndref)
		nb.namndref = "";
	load_vec_push(&b->bidrag, &nb);
	for (xmlNode *k = n->children; k; k = k->next)
		bidrag_child(b, k, nb.namndref);
}
