/* SPDX-License-Identifier: Apache-2.0 */
/* load_scale.c - MODEL v2 part 2 (issue 13): builds the kommun's bedomningsskala,
 * trend targets and target lists of goals, financial goals as ranges, uppdrag,
 * nyckeltal and intern kontroll into the model. */
#include "load_private.h"
#include <string.h>

static bool is_ja(const char *v)
{
	return v && strcmp(v, "ja") == 0;
}

static void build_steg(load_builder *b, const xmlNode *n, skala_steg *st)
{
	st->id = load_attr(b, n, "id");
	st->namn = load_text_attr(b, n, "namn", "namn");
	load_num_attr(b, n, "poang", &st->poang);
	st->has_fran = load_num_attr(b, n, "fran", &st->fran);
	st->uppfyllt = is_ja(load_attr(b, n, "uppfyllt"));
	st->motsvarar = load_attr(b, n, "motsvarar");
	st->farg = load_attr(b, n, "farg");
	st->form = load_attr(b, n, "form");
	st->loc = load_loc(b, n);
}

static void load_skala(load_builder *b, const xmlNode *n)
{
	sr_model *m = b->m;
	bedomningsskala *sc = &m->skala;
	m->has_skala = true;
	sc->loc = load_loc(b, n);
	sc->steg = arena_calloc(b->a, load_count(n, "steg") + 1, sizeof *sc->steg);
	sc->ejb_id = "ej-bedomt";
	sc->ejb_namn = "Ej bedömt";
	for (xmlNode *k = n->children; k; k = k->next) {
		if (load_is_el(k, "steg")) {
			build_steg(b, k, &sc->steg[sc->n_steg++]);
		} else if (load_is_el(k, "ejbedomt")) {
			const char *id = load_attr(b, k, "id");
			const char *namn = load_text_attr(b, k, "namn", "namn");
			sc->has_ejbedomt = true;
			sc->loc_ejbedomt = load_loc(b, k);
			if (id)
				sc->ejb_id = id;
			if (namn)
				sc->ejb_namn = namn;
			sc->ejb_farg = load_attr(b, k, "farg");
			sc->ejb_form = load_attr(b, k, "form");
		}
	}
}

void load_indikator_v2(load_builder *b, const xmlNode *n, indikator *ind)
{
	int t = model_trend_parse(load_attr(b, n, "mal"));
	ind->mal = t < 0 ? TREND_NONE : (enum trend_target)t;
	ind->no_riktning = load_attr(b, n, "riktning") == NULL;
	if (ind->mal == TREND_OKA && ind->no_riktning)
		ind->riktning = DIR_HOGRE;
	else if (ind->mal == TREND_MINSKA && ind->no_riktning)
		ind->riktning = DIR_LAGRE;
}

void load_mal_v2(load_builder *b, const xmlNode *n, mal *g)
{
	g->overordnad_list = load_tokens(b, n, "overordnad", &g->n_overordnad);
	g->overordnad = g->n_overordnad ? g->overordnad_list[0] : NULL;
	xmlNode *bed = load_child(n, "bedomning");
	if (bed) {
		g->status_id = load_attr(b, bed, "status");
		g->prognos_id = load_attr(b, bed, "prognos");
	}
}

void load_finmal_v2(load_builder *b, const xmlNode *n, finansielltmal *f)
{
	f->no_malvarde = load_attr(b, n, "malvarde") == NULL;
	f->no_riktning = load_attr(b, n, "riktning") == NULL;
	f->has_min = load_num_attr(b, n, "malvarde-min", &f->malvarde_min);
	f->has_max = load_num_attr(b, n, "malvarde-max", &f->malvarde_max);
	/* a number that failed to parse still counts as written for FINMAL-INTERVALL */
	f->has_min = f->has_min || load_attr(b, n, "malvarde-min") != NULL;
	f->has_max = f->has_max || load_attr(b, n, "malvarde-max") != NULL;
}

static void load_uppdrag(load_builder *b, const xmlNode *n, const char *bidrag_ref)
{
	uppdrag u = {0};
	u.id = load_attr(b, n, "id");
	u.titel = load_text_attr(b, n, "titel", "titel");
	u.written_namndref = load_attr(b, n, "namndref");
	u.bidrag_namndref = bidrag_ref;
	u.namndref = u.written_namndref ? u.written_namndref : bidrag_ref;
	u.givet_av = load_text_attr(b, n, "givet-av", "givet-av");
	u.beslut = load_text_attr(b, n, "beslut", "beslut");
	u.klart = load_attr(b, n, "klart");
	u.malref = load_attr(b, n, "malref");
	int s = model_activity_parse(load_attr(b, n, "status"));
	u.status = s < 0 ? AS_EJ_PABORJAD : (enum activity_status)s;
	u.text = load_rich(b, n, "text");
	u.loc = load_loc(b, n);
	load_vec_push(&b->uppdrag, &u);
}

static void load_nyckeltal(load_builder *b, const xmlNode *n, const char *bidrag_ref)
{
	nyckeltal t = {0};
	t.id = load_attr(b, n, "id");
	t.rubrik = load_text_attr(b, n, "rubrik", "rubrik");
	t.written_namndref = load_attr(b, n, "namndref");
	t.bidrag_namndref = bidrag_ref;
	t.namndref = t.written_namndref ? t.written_namndref : bidrag_ref;
	t.loc = load_loc(b, n);
	t.indikatorer = arena_calloc(b->a, load_count(n, "indikator") + 1, sizeof *t.indikatorer);
	for (xmlNode *k = n->children; k; k = k->next)
		if (load_is_el(k, "indikator"))
			load_indikator(b, k, &t.indikatorer[t.n_indikatorer++]);
	load_vec_push(&b->nyckeltal, &t);
}

static void load_kontroll(load_builder *b, const xmlNode *n, const char *bidrag_ref)
{
	kontroll k = {0};
	k.id = load_attr(b, n, "id");
	k.namn = load_text_attr(b, n, "namn", "namn");
	k.written_namndref = load_attr(b, n, "namndref");
	k.bidrag_namndref = bidrag_ref;
	k.namndref = k.written_namndref ? k.written_namndref : bidrag_ref;
	int r = model_risk_parse(load_attr(b, n, "risk"));
	k.risk = r < 0 ? RISK_NONE : (enum kontroll_risk)r;
	r = model_kontroll_parse(load_attr(b, n, "resultat"));
	k.resultat = r < 0 ? KR_UTAN_ANMARKNING : (enum kontroll_resultat)r;
	k.text = load_rich(b, n, "text");
	k.loc = load_loc(b, n);
	load_vec_push(&b->kontroller, &k);
}

static void load_internkontroll(load_builder *b, const xmlNode *n)
{
	b->m->has_internkontroll = true;
	b->m->loc_internkontroll = load_loc(b, n);
	for (xmlNode *k = n->children; k; k = k->next)
		if (load_is_el(k, "kontroll"))
			load_kontroll(b, k, NULL);
}

bool load_child_v2(load_builder *b, const xmlNode *k, const char *bidrag_ref)
{
	if (load_is_el(k, "bedomningsskala") && !bidrag_ref)
		load_skala(b, k);
	else if (load_is_el(k, "uppdrag"))
		load_uppdrag(b, k, bidrag_ref);
	else if (load_is_el(k, "nyckeltal"))
		load_nyckeltal(b, k, bidrag_ref);
	else if (load_is_el(k, "internkontroll") && !bidrag_ref)
		load_internkontroll(b, k);
	else if (load_is_el(k, "kontroll") && bidrag_ref)
		load_kontroll(b, k, bidrag_ref);
	else
		return false;
	return true;
}

void load_finish_v2(load_builder *b)
{
	sr_model *m = b->m;
	m->uppdrag = load_vec_finish(&b->uppdrag, b->a, &m->n_uppdrag);
	m->nyckeltal = load_vec_finish(&b->nyckeltal, b->a, &m->n_nyckeltal);
	m->kontroller = load_vec_finish(&b->kontroller, b->a, &m->n_kontroller);
}

void load_init_v2(load_builder *b)
{
	b->uppdrag.size = sizeof(uppdrag);
	b->nyckeltal.size = sizeof(nyckeltal);
	b->kontroller.size = sizeof(kontroll);
}
