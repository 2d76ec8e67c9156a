/* SPDX-License-Identifier: Apache-2.0 */
/* valid_scale.c - MODEL v2 part 2 (issue 13): the rules of the kommun's
 * bedomningsskala (SKALA, SKALA-STEG), trend targets (INDIKATOR-MAL), goals under
 * several parents (OVERORDNAD-LISTA and the level, reference and loop rules for every
 * listed parent), financial goals as ranges (FINMAL-INTERVALL), uppdrag
 * (UPPDRAG-TEXT), nyckeltal, intern kontroll (KONTROLL-TEXT), what a namndbidrag may
 * name (BIDRAG-NAMND) and the månadsrapport's period. */
#include "valid_private.h"
#include <stdio.h>
#include <string.h>

static const char *const status_words[] = {"uppfyllt", "delvis", "ej-uppfyllt"};

static bool blank(const rich_text *t)
{
	for (size_t i = 0; i < t->n_runs; i++)
		for (const char *s = t->runs[i].text; s && *s; s++)
			if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
				return false;
	return true;
}

/* ---- the scale ---- */

static void check_scale_steps(const sr_model *m, diag_sink *d, const bedomningsskala *sc)
{
	char b1[64], b2[64];
	if (sc->n_steg < 2 || sc->n_steg > 6)
		diag_add(d, D_SKALA, VLOC(m, sc->loc),
		         "bedomningsskala har %zu steg; en skala har 2 till 6 steg, bäst först", sc->n_steg);
	for (size_t i = 0; i < sc->n_steg; i++) {
		const skala_steg *st = &sc->steg[i];
		bool last = i + 1 == sc->n_steg;
		if (st->poang < 0)
			diag_add(d, D_SKALA, VLOC(m, st->loc), "steg '%s' har poang=\"%s\"; poängen får inte vara negativ",
			         st->id, dec_format(st->poang, b1, sizeof b1));
		if (i > 0 && st->poang >= sc->steg[i - 1].poang)
			diag_add(d, D_SKALA, VLOC(m, st->loc),
			         "steg '%s' har poang=\"%s\", inte lägre än steg '%s' ovanför (%s); poängen ska minska steg för steg, bäst först",
			         st->id, dec_format(st->poang, b1, sizeof b1), sc->steg[i - 1].id,
			         dec_format(sc->steg[i - 1].poang, b2, sizeof b2));
		if (last && st->has_fran)
			diag_add(d, D_SKALA, VLOC(m, st->loc),
			         "steg '%s' är skalans sista steg och får inte ange fran; det gäller allt under steget ovanför", st->id);
		else if (!last && !st->has_fran)
			diag_add(d, D_SKALA, VLOC(m, st->loc),
			         "steg '%s' saknar fran; varje steg utom det sista anger från vilken medelpoäng det gäller", st->id);
		if (i > 0 && st->has_fran && sc->steg[i - 1].has_fran && st->fran >= sc->steg[i - 1].fran)
			diag_add(d, D_SKALA, VLOC(m, st->loc),
			         "steg '%s' har fran=\"%s\", inte lägre än steg '%s' ovanför (%s); gränserna ska minska steg för steg",
			         st->id, dec_format(st->fran, b1, sizeof b1), sc->steg[i - 1].id,
			         dec_format(sc->steg[i - 1].fran, b2, sizeof b2));
	}
}

static void check_scale_mapping(const sr_model *m, diag_sink *d, const bedomningsskala *sc)
{
	long at[3] = {-1, -1, -1};
	for (int s = 0; s < 3; s++)
		for (size_t i = 0; i < sc->n_steg; i++) {
			if (!model_step_maps(&sc->steg[i], status_words[s]))
				continue;
			if (at[s] >= 0)
				diag_add(d, D_SKALA, VLOC(m, sc->steg[i].loc),
				         "motsvarar på steg '%s' nämner %s, som redan står på steg '%s'; varje beräknad status hör till exakt ett steg",
				         sc->steg[i].id, status_words[s], sc->steg[at[s]].id);
			else
				at[s] = (long)i;
		}
	for (int s = 0; s < 3; s++)
		if (at[s] < 0)
			diag_add(d, D_SKALA, VLOC(m, sc->loc),
			         "inget steg i bedomningsskala motsvarar %s; ange motsvarar=\"%s\" på det steg som en indikator med den statusen visas som",
			         status_words[s], status_words[s]);
	for (int s = 1; s < 3; s++)
		if (at[s] >= 0 && at[s - 1] >= 0 && at[s] < at[s - 1])
			diag_add(d, D_SKALA, VLOC(m, sc->steg[at[s]].loc),
			         "steg '%s' motsvarar %s men står över steg '%s' som motsvarar %s; %s får inte ligga på ett bättre steg än %s",
			         sc->steg[at[s]].id, status_words[s], sc->steg[at[s - 1]].id, status_words[s - 1],
			         status_words[s], status_words[s - 1]);
}

static void check_scale_met(const sr_model *m, diag_sink *d, const bedomningsskala *sc)
{
	for (size_t i = 1; i < sc->n_steg; i++)
		if (sc->steg[i].uppfyllt && !sc->steg[i - 1].uppfyllt) {
			diag_add(d, D_SKALA, VLOC(m, sc->steg[i].loc),
			         "steg '%s' har uppfyllt=\"ja\" men steg '%s' ovanför har det inte; de steg som räknas som uppfyllda ska vara skalans första",
			         sc->steg[i].id, sc->steg[i - 1].id);
			return;
		}
}

/* A step that stands for no computed status has no layout marker to borrow. */
static void check_scale_looks(const sr_model *m, diag_sink *d, const bedomningsskala *sc)
{
	for (size_t i = 0; i < sc->n_steg; i++) {
		const skala_steg *st = &sc->steg[i];
		bool maps = false;
		for (int s = 0; s < 3; s++)
			maps = maps || model_step_maps(st, status_words[s]);
		if (!maps && (!st->farg || !st->form))
			diag_add(d, D_SKALA, VLOC(m, st->loc),
			         "steg '%s' motsvarar ingen beräknad status och måste därför ange både farg och form", st->id);
	}
	/* every form given in the document, once */
	const char *forms[8];
	const char *owners[8];
	src_loc locs[8];
	size_t n = 0;
	for (size_t i = 0; i <= sc->n_steg && n < 8; i++) {
		bool ejb = i == sc->n_steg;
		const char *f = ejb ? sc->ejb_form : sc->steg[i].form;
		const char *id = ejb ? sc->ejb_id : sc->steg[i].id;
		src_loc l = ejb ? sc->loc_ejbedomt : sc->steg[i].loc;
		if (!f)
			continue;
		for (size_t k = 0; k < n; k++)
			if (strcmp(forms[k], f) == 0) {
				diag_add(d, D_SKALA, VLOC(m, l),
				         "'%s' har form=\"%s\" som '%s' redan har; två lägen i skalan får inte ha samma form",
				         id, f, owners[k]);
				break;
			}
		forms[n] = f, owners[n] = id, locs[n] = l;
		n++;
	}
	(void)locs;
}

static void check_scale(const sr_model *m, diag_sink *d)
{
	const bedomningsskala *sc = &m->skala;
	if (!m->has_skala)
		return;
	if (m->has_mal_gron || m->has_mal_gul)
		diag_add(d, D_SKALA, VLOC(m, m->loc_regler),
		         "bedomningsregler anger %s, men dokumentet har en bedomningsskala; med en egen skala gäller stegens fran (gul-andel får stå kvar)",
		         m->has_mal_gron && m->has_mal_gul ? "mal-gron och mal-gul" :
		         m->has_mal_gron ? "mal-gron" : "mal-gul");
	check_scale_steps(m, d, sc);
	check_scale_mapping(m, d, sc);
	check_scale_met(m, d, sc);
	check_scale_looks(m, d, sc);
}

/* A status or prognos names a step of the scale, or version 1's tokens. */
static void check_goal_token(const sr_model *m, diag_sink *d, const mal *g, const char *tok,
                             const char *attr)
{
	if (!tok)
		return;
	if (!m->has_skala) {
		if (model_status_parse(tok) < 0)
			diag_add(d, D_SCHEMA_VALUE, VLOC(m, g->bedomning.loc),
			         "värdet '%s' i attributet %s i <bedomning> är inte tillåtet; tillåtna värden: uppfyllt, delvis, ej-uppfyllt, ej-bedomt",
			         tok, attr);
		return;
	}
	if (model_scale_find(&m->skala, tok) >= 0)
		return;
	char list[600] = "";
	size_t used = 0;
	for (size_t i = 0; i <= m->skala.n_steg && used < sizeof list - 80; i++) {
		const char *id = i < m->skala.n_steg ? m->skala.steg[i].id : m->skala.ejb_id;
		int w = snprintf(list + used, sizeof list - used, "%s%s", i ? ", " : "", id ? id : "");
		if (w > 0)
			used += (size_t)w;
	}
	diag_add(d, D_SKALA_STEG, VLOC(m, g->bedomning.loc),
	         "%s=\"%s\" på bedomning i mal '%s' är inget steg i bedomningsskala; stegen är %s",
	         attr, tok, g->id ? g->id : "", list);
}

static void check_goal_tokens(const sr_model *m, diag_sink *d, const mal *g)
{
	if (!g->has_bedomning)
		return;
	check_goal_token(m, d, g, g->status_id, "status");
	check_goal_token(m, d, g, g->prognos_id, "prognos");
	/* a step id that is no version 1 token escapes valid_goals' text rule */
	if (m->has_skala && g->status_id && model_status_parse(g->status_id) < 0 &&
	    model_scale_find(&m->skala, g->status_id) >= 0 && blank(&g->bedomning.text))
		diag_add(d, D_ASSESS_TEXT, VLOC(m, g->bedomning.loc),
		         "bedomning på mal '%s' anger status=\"%s\" men saknar analystext; en manuell status måste motiveras",
		         g->id ? g->id : "", g->status_id);
}

/* ---- indicators: trend targets, riktning ---- */

static void check_trend(const sr_model *m, diag_sink *d, const indikator *ind, bool in_nyckeltal)
{
	const char *iid = ind->id ? ind->id : "";
	if (in_nyckeltal) {
		if (ind->mal != TREND_NONE)
			diag_add(d, D_INDIKATOR_MAL, VLOC(m, ind->loc),
			         "indikator '%s' i ett nyckeltal anger mal=\"%s\"; nyckeltal har inga mål (ange en plan med malvarde)",
			         iid, model_trend_token(ind->mal));
		return;
	}
	if (ind->mal == TREND_NONE) {
		if (ind->no_riktning)
			diag_add(d, D_SCHEMA_ATTR_MISSING, VLOC(m, ind->loc), "<indikator> saknar attributet riktning");
		return;
	}
	for (size_t i = 0; i < ind->n_malvarde; i++)
		if (!ind->malvarde[i].period && ind->malvarde[i].ar == m->ar)
			diag_add(d, D_INDIKATOR_MAL, VLOC(m, ind->malvarde[i].loc),
			         "indikator '%s' har mal=\"%s\" och ett malvarde för %d; ett trendmål har inget målvärde för rapportåret",
			         iid, model_trend_token(ind->mal), m->ar);
	if (ind->mal == TREND_BIBEHALLA && ind->no_riktning)
		diag_add(d, D_INDIKATOR_MAL, VLOC(m, ind->loc),
		         "indikator '%s' har mal=\"bibehalla\" men saknar riktning; ange om högre (hogre) eller lägre (lagre) värden är bättre",
		         iid);
	if ((ind->mal == TREND_OKA && !ind->no_riktning && ind->riktning == DIR_LAGRE) ||
	    (ind->mal == TREND_MINSKA && !ind->no_riktning && ind->riktning == DIR_HOGRE))
		diag_add(d, D_INDIKATOR_MAL, VLOC(m, ind->loc),
		         "indikator '%s' har mal=\"%s\" men riktning=\"%s\"; %s",
		         iid, model_trend_token(ind->mal), ind->riktning == DIR_LAGRE ? "lagre" : "hogre",
		         ind->mal == TREND_OKA ? "att öka betyder att högre värden är bättre" :
		                                 "att minska betyder att lägre värden är bättre");
}

/* ---- several parents ---- */

/* Written inside another goal (overordnad there is OVERORDNAD-NASTLAD). */
static bool is_nested(const mal *g)
{
	for (size_t k = 0; g->parent && k < g->parent->n_nested; k++)
		if (g->parent->nested[k] == g)
			return true;
	return false;
}

static bool down_reaches(const mal *from, const mal *target, size_t budget)
{
	/* bounded depth-first walk over the linked kids (recursion depth is the tree's,
	 * kept small by the budget) */
	if (from == target)
		return true;
	if (budget == 0)
		return false;
	for (size_t k = 0; k < from->n_kids; k++)
		if (down_reaches(from->kids[k], target, budget - 1))
			return true;
	return false;
}

static void check_extra_parent(const sr_model *m, diag_sink *d, const mal *g, const char *id)
{
	const char *gid = g->id ? g->id : "";
	const mal *p = model_find_goal(m, id);
	if (!p) {
		bool other = false;
		for (size_t k = 0; k < m->n_ids && !other; k++)
			other = m->ids[k].id && strcmp(m->ids[k].id, id) == 0;
		if (m->typ != RT_VERKSAMHETSBERATTELSE || other) {
			char what[160];
			snprintf(what, sizeof what, "mal '%s'", gid);
			valid_ref(m, d, id, "mal", "overordnad", what, g->loc, D_REF_MISSING);
		}
		return;
	}
	if (p == g) {
		diag_add(d, D_PARENT_CYCLE, VLOC(m, g->loc), "overordnad '%s' på mal '%s' pekar på målet självt", id, gid);
		return;
	}
	bool linked = false;
	for (size_t k = 0; k < g->n_parents; k++)
		linked = linked || g->parents[k] == p;
	if (!linked && down_reaches(g, p, 4096))
		diag_add(d, D_PARENT_CYCLE, VLOC(m, g->loc),
		         "overordnad '%s' på mal '%s' pekar på ett av målets egna undermål; målträdet blir en slinga", id, gid);
	int lk = model_level_index(m, g->niva), lp = model_level_index(m, p->niva);
	if (lk >= 0 && lp >= 0 && lp >= lk)
		diag_add(d, D_LEVEL_ORDER, VLOC(m, g->loc),
		         "mal '%s' på nivån %s har som overordnad mal '%s' på nivån %s; ett mål får bara stå under ett mål på högre nivå",
		         gid, m->nivaer[lk].namn, id, m->nivaer[lp].namn);
}

static void check_parent_list(const sr_model *m, diag_sink *d, const mal *g)
{
	for (size_t t = 1; t < g->n_overordnad; t++) {
		bool dup = false;
		for (size_t k = 0; k < t && !dup; k++)
			dup = strcmp(g->overordnad_list[k], g->overordnad_list[t]) == 0;
		if (dup)
			diag_add(d, D_OVERORDNAD_LISTA, VLOC(m, g->loc),
			         "overordnad på mal '%s' nämner '%s' två gånger", g->id ? g->id : "", g->overordnad_list[t]);
		else if (!m->contribution && !is_nested(g))
			check_extra_parent(m, d, g, g->overordnad_list[t]);
	}
}

/* ---- financial goals as ranges ---- */

static void check_finmal(const sr_model *m, diag_sink *d, const finansielltmal *f)
{
	const char *fid = f->id ? f->id : "";
	char b1[64], b2[64];
	bool range = f->has_min || f->has_max;
	if (!range) {
		if (f->no_riktning)
			diag_add(d, D_SCHEMA_ATTR_MISSING, VLOC(m, f->loc), "<finansielltmal> saknar attributet riktning");
		if (f->no_malvarde)
			diag_add(d, D_SCHEMA_ATTR_MISSING, VLOC(m, f->loc), "<finansielltmal> saknar attributet malvarde");
		return;
	}
	if (f->has_min != f->has_max)
		diag_add(d, D_FINMAL_INTERVALL, VLOC(m, f->loc),
		         "finansielltmal '%s' anger bara %s; ett målintervall anger både malvarde-min och malvarde-max",
		         fid, f->has_min ? "malvarde-min" : "malvarde-max");
	else if (f->malvarde_min > f->malvarde_max)
		diag_add(d, D_FINMAL_INTERVALL, VLOC(m, f->loc),
		         "finansielltmal '%s' har malvarde-min=\"%s\" större än malvarde-max=\"%s\"", fid,
		         dec_format(f->malvarde_min, b1, sizeof b1), dec_format(f->malvarde_max, b2, sizeof b2));
	if (!f->no_malvarde || !f->no_riktning)
		diag_add(d, D_FINMAL_INTERVALL, VLOC(m, f->loc),
		         "finansielltmal '%s' anger ett målintervall och %s; ett intervall ersätter malvarde och riktning",
		         fid, !f->no_malvarde && !f->no_riktning ? "malvarde och riktning" :
		         !f->no_malvarde ? "malvarde" : "riktning");
}

/* ---- uppdrag, nyckeltal, kontroller ---- */

static void check_bidrag_namnd(const sr_model *m, diag_sink *d, const char *written,
                               const char *bidrag, const char *elem, const char *id, src_loc loc)
{
	if (written && bidrag && strcmp(written, bidrag) != 0)
		diag_add(d, D_BIDRAG_NAMND, VLOC(m, loc),
		         "%s%s%s%s står i nämndbidraget från '%s' men anger namndref '%s'; det hör till nämnden som lämnar bidraget",
		         elem, id ? " '" : "", id ? id : "", id ? "'" : "", bidrag, written);
}

static void check_uppdrag(const sr_model *m, diag_sink *d, const uppdrag *u)
{
	const char *uid = u->id ? u->id : "";
	char what[160];
	snprintf(what, sizeof what, "uppdrag '%s'", uid);
	if (u->status != AS_KLAR && blank(&u->text))
		diag_add(d, D_UPPDRAG_TEXT, VLOC(m, u->loc),
		         "uppdrag '%s' har status=\"%s\" men ingen text; ett uppdrag som inte är klart ska följas upp med en kommentar",
		         uid, model_activity_token(u->status));
	check_bidrag_namnd(m, d, u->written_namndref, u->bidrag_namndref, "uppdrag", u->id, u->loc);
	if (m->contribution)
		return;
	if (u->written_namndref)
		valid_ref(m, d, u->written_namndref, "namnd", "namndref", what, u->loc, D_REF_MISSING);
	if (u->malref)
		valid_ref(m, d, u->malref, "mal", "malref", what, u->loc, D_REF_MISSING);
}

static void check_kolada_id(const sr_model *m, diag_sink *d, const indikator *ind, const char *nt)
{
	const char *k = ind->kolada;
	if (!k)
		return;
	bool ok = (k[0] == 'N' || k[0] == 'U') && strlen(k) == 6;
	for (int i = 1; ok && i < 6; i++)
		ok = k[i] >= '0' && k[i] <= '9';
	if (!ok)
		diag_add(d, D_KOLADA, VLOC(m, ind->loc),
		         "kolada '%s' på indikator '%s' i nyckeltal '%s' är inget Kolada-id: det ska vara N eller U och fem siffror (till exempel N15419)",
		         k, ind->id ? ind->id : "", nt);
}

static void check_nyckeltal(const sr_model *m, diag_sink *d, const nyckeltal *t)
{
	const char *tid = t->id ? t->id : "";
	char what[160];
	snprintf(what, sizeof what, "nyckeltal '%s'", tid);
	for (size_t i = 0; i < t->n_indikatorer; i++) {
		check_trend(m, d, &t->indikatorer[i], true);
		check_kolada_id(m, d, &t->indikatorer[i], tid);
	}
	check_bidrag_namnd(m, d, t->written_namndref, t->bidrag_namndref, "nyckeltal", t->id, t->loc);
	if (!m->contribution && t->written_namndref)
		valid_ref(m, d, t->written_namndref, "namnd", "namndref", what, t->loc, D_REF_MISSING);
}

static void check_kontroll(const sr_model *m, diag_sink *d, const kontroll *k)
{
	if (k->resultat != KR_UTAN_ANMARKNING && blank(&k->text))
		diag_add(d, D_KONTROLL_TEXT, VLOC(m, k->loc),
		         "kontroll '%s' har resultat=\"%s\" men ingen text; skriv vad som hittades och vad som görs",
		         k->namn ? k->namn : "", model_kontroll_token(k->resultat));
	check_bidrag_namnd(m, d, k->written_namndref, k->bidrag_namndref, "kontroll", k->id, k->loc);
	if (!m->contribution && k->written_namndref) {
		char what[300];
		snprintf(what, sizeof what, "kontroll '%s'", k->namn ? k->namn : "");
		valid_ref(m, d, k->written_namndref, "namnd", "namndref", what, k->loc, D_REF_MISSING);
	}
}

void valid_v2_part2(const sr_model *m, diag_sink *d)
{
	if (!m->contribution)
		check_scale(m, d);
	for (size_t i = 0; i < m->n_goals; i++) {
		const mal *g = m->goals[i];
		if (!m->contribution)
			check_goal_tokens(m, d, g);
		for (size_t k = 0; k < g->n_indikatorer; k++)
			check_trend(m, d, &g->indikatorer[k], false);
		check_parent_list(m, d, g);
	}
	for (size_t i = 0; m->has_ekonomi && i < m->ekonomi.n_finmal; i++)
		check_finmal(m, d, &m->ekonomi.finmal[i]);
	for (size_t i = 0; i < m->n_uppdrag; i++)
		check_uppdrag(m, d, &m->uppdrag[i]);
	for (size_t i = 0; i < m->n_nyckeltal; i++)
		check_nyckeltal(m, d, &m->nyckeltal[i]);
	for (size_t i = 0; i < m->n_kontroller; i++)
		check_kontroll(m, d, &m->kontroller[i]);
}
