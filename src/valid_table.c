/* SPDX-License-Identifier: Apache-2.0 */
/* valid_table.c - MODEL v2 part 1 (issue 12): the structural rules of tabeller and
 * räkningar version 2 (text columns, varav rows, not references, the roles of a
 * balanskravsutredning), driftredovisning rows version 2, sjukfrånvaro, and the
 * warnings of what the law asks of an årsredovisning. Sums are checked in calc. */
#include "valid_private.h"
#include <stdio.h>
#include <string.h>

static const id_entry *find_id(const sr_model *m, const char *id)
{
	for (size_t i = 0; id && i < m->n_ids; i++)
		if (m->ids[i].id && strcmp(m->ids[i].id, id) == 0)
			return &m->ids[i];
	return NULL;
}

static const char *table_word(const rakning *rk)
{
	return rk->tabell ? "tabellen" : "räkningen";
}

static const char *title_of(const rakning *rk)
{
	return model_rakning_title(rk);
}

static const char *item_name(const rakning_item *it)
{
	return it->namn ? it->namn : it->id ? it->id : "";
}

static bool has_text_column(const rakning *rk)
{
	for (size_t c = 0; c < rk->n_kolumner; c++)
		if (rk->kolumner[c].text)
			return true;
	return false;
}

/* TABELL-TEXT: varden with a text column; namn left out on some posts only (or in a
 * table without a text column). */
static void check_text_columns(const sr_model *m, diag_sink *d, const rakning *rk)
{
	bool text = has_text_column(rk);
	size_t posts = 0, unnamed = 0;
	for (size_t i = 0; i < rk->n_items; i++) {
		const rakning_item *it = &rk->items[i];
		if (it->kind != RI_POST)
			continue;
		posts++;
		unnamed += it->namn == NULL;
		if (text && it->has_varden)
			diag_add(d, D_TABELL_TEXT, VLOC(m, it->loc),
			         "posten '%s' anger varden, men %s '%s' har en textkolumn; skriv en <v> per "
			         "kolumn", item_name(it), table_word(rk), title_of(rk));
		if (!text && !it->namn)
			diag_add(d, D_TABELL_TEXT, VLOC(m, it->loc),
			         "posten saknar namn; bara i en tabell med textkolumn får posterna vara utan namn");
	}
	if (text && unnamed > 0 && unnamed < posts)
		diag_add(d, D_TABELL_TEXT, VLOC(m, rk->loc),
		         "%zu av %zu poster i %s '%s' saknar namn; utelämna namn på alla poster eller på "
		         "ingen", unnamed, posts, table_word(rk), title_of(rk));
}

/* VARAV-PLATS: a varav row needs a post or summa as the first non-varav row above it. */
static void check_varav(const sr_model *m, diag_sink *d, const rakning *rk)
{
	const rakning_item *owner = NULL;
	for (size_t i = 0; i < rk->n_items; i++) {
		const rakning_item *it = &rk->items[i];
		if (!(it->kind == RI_POST && it->varav)) {
			owner = it;
			continue;
		}
		if (!owner || owner->kind == RI_GRUPP)
			diag_add(d, D_VARAV_PLATS, VLOC(m, it->loc),
			         "varav-raden '%s' har ingen post eller summa ovanför sig att höra till (%s)",
			         item_name(it), owner ? "det närmaste ovanför är en grupprubrik" :
			         "den står först i tabellen");
	}
}

static void check_noter_refs(const sr_model *m, diag_sink *d, const rakning *rk)
{
	for (size_t i = 0; i < rk->n_items; i++) {
		const rakning_item *it = &rk->items[i];
		for (size_t k = 0; k < it->n_noter; k++) {
			const char *ref = it->noter[k];
			if (model_find_not(m, ref))
				continue;
			const id_entry *e = find_id(m, ref);
			if (e)
				diag_add(d, D_REF_KIND, VLOC(m, it->loc),
				         "not '%s' på '%s' pekar på ett %s-element, men ska peka på en not i noter",
				         ref, item_name(it), e->element ? e->element : "annat");
			else
				diag_add(d, D_REF_MISSING, VLOC(m, it->loc),
				         "not '%s' på '%s' finns inte bland noterna i noter", ref, item_name(it));
		}
	}
}

static bool is_role(const rakning_item *it, const char *roll)
{
	return it->roll && strcmp(it->roll, roll) == 0;
}

/* Roles outside a balanskravsutredning, and ref/kolumnref without the role. */
static void check_roles_elsewhere(const sr_model *m, diag_sink *d, const rakning *rk)
{
	for (size_t i = 0; i < rk->n_items; i++) {
		const rakning_item *it = &rk->items[i];
		bool bk_role = is_role(it, "balanskravsresultat") || is_role(it, "arets-resultat");
		if (bk_role && (rk->tabell || rk->typ != RK_BALANSKRAVSUTREDNING))
			diag_add(d, D_BALANSKRAV_ROLL, VLOC(m, it->loc),
			         "roll=\"%s\" på '%s' används bara i en balanskravsutredning", it->roll,
			         item_name(it));
		else if (it->roll && rk->tabell)
			diag_add(d, D_BALANCE_ROLE, VLOC(m, it->loc),
			         "roll=\"%s\" på '%s' används inte i en tabell, bara i en balansräkning",
			         it->roll, item_name(it));
		if ((it->ref || it->kolumnref) && !is_role(it, "arets-resultat"))
			diag_add(d, D_BALANSKRAV_ROLL, VLOC(m, it->loc),
			         "'%s' anger %s utan roll=\"arets-resultat\"", item_name(it),
			         it->ref ? "ref" : "kolumnref");
	}
}

/* The räkning holding item id (a post or summa), or NULL. */
static const rakning *rakning_of_item(const sr_model *m, const char *id)
{
	for (size_t k = 0; id && k < m->ekonomi.n_rakningar; k++) {
		const rakning *rk = &m->ekonomi.rakningar[k];
		for (size_t i = 0; i < rk->n_items; i++)
			if (rk->items[i].id && strcmp(rk->items[i].id, id) == 0)
				return rk;
	}
	return NULL;
}

static void check_arets_ref(const sr_model *m, diag_sink *d, const rakning *bk, const rakning_item *it)
{
	if (!it->ref)
		return;
	const rakning *other = rakning_of_item(m, it->ref);
	const id_entry *e = find_id(m, it->ref);
	if (!e) {
		diag_add(d, D_REF_MISSING, VLOC(m, it->loc),
		         "ref '%s' på '%s' finns inte bland posterna och summorna i räkningarna",
		         it->ref, item_name(it));
		return;
	}
	if (!other || other == bk) {
		diag_add(d, D_REF_KIND, VLOC(m, it->loc),
		         "ref '%s' på '%s' ska peka på en post eller summa i en annan räkning (%s)",
		         it->ref, item_name(it), other ? "den står i balanskravsutredningen själv" :
		         e->element ? e->element : "annat element");
		return;
	}
	if (!it->kolumnref) {
		diag_add(d, D_REF_MISSING, VLOC(m, it->loc),
		         "'%s' anger ref men inte kolumnref: vilken kolumn i %s ska jämföras?",
		         item_name(it), model_rakning_title(other));
		return;
	}
	for (size_t c = 0; c < other->n_kolumner; c++)
		if (other->kolumner[c].id && strcmp(other->kolumner[c].id, it->kolumnref) == 0)
			return;
	diag_add(d, find_id(m, it->kolumnref) ? D_REF_KIND : D_REF_MISSING, VLOC(m, it->loc),
	         "kolumnref '%s' på '%s' är ingen kolumn i %s", it->kolumnref, item_name(it),
	         model_rakning_title(other));
}

static void check_balanskrav_roles(const sr_model *m, diag_sink *d, const rakning *rk)
{
	size_t n_res = 0, n_ar = 0;
	for (size_t i = 0; i < rk->n_items; i++) {
		const rakning_item *it = &rk->items[i];
		if (is_role(it, "balanskravsresultat")) {
			if (it->kind != RI_SUMMA)
				diag_add(d, D_BALANSKRAV_ROLL, VLOC(m, it->loc),
				         "roll=\"balanskravsresultat\" står på en post; den hör till en summa");
			else if (++n_res == 2)
				diag_add(d, D_BALANSKRAV_ROLL, VLOC(m, it->loc),
				         "balanskravsutredningen har mer än en summa med roll=\"balanskravsresultat\"");
		}
		if (is_role(it, "arets-resultat")) {
			if (it->kind != RI_POST)
				diag_add(d, D_BALANSKRAV_ROLL, VLOC(m, it->loc),
				         "roll=\"arets-resultat\" står på en summa; den hör till en post");
			else if (++n_ar == 2)
				diag_add(d, D_BALANSKRAV_ROLL, VLOC(m, it->loc),
				         "balanskravsutredningen har mer än en post med roll=\"arets-resultat\"");
			check_arets_ref(m, d, rk, it);
		}
	}
	if (n_res == 0)
		diag_add(d, D_BALANSKRAV_ROLL, VLOC(m, rk->loc),
		         "balanskravsutredningen saknar en summa med roll=\"balanskravsresultat\"");
}

static void check_one(const sr_model *m, diag_sink *d, const rakning *rk)
{
	check_text_columns(m, d, rk);
	check_varav(m, d, rk);
	check_noter_refs(m, d, rk);
	check_roles_elsewhere(m, d, rk);
	if (!rk->tabell && rk->typ == RK_BALANSKRAVSUTREDNING)
		check_balanskrav_roles(m, d, rk);
}

/* RAKNING-RUBRIK and BALANSKRAV-SAKNAS: what a reader and the law need. */
static void check_titles(const sr_model *m, diag_sink *d)
{
	const ekonomi *e = &m->ekonomi;
	bool rr = false, bk = false;
	for (size_t i = 0; i < e->n_rakningar; i++) {
		const rakning *r = &e->rakningar[i];
		rr |= r->typ == RK_RESULTATRAKNING;
		bk |= r->typ == RK_BALANSKRAVSUTREDNING;
		for (size_t k = 0; k < i; k++) {
			const rakning *o = &e->rakningar[k];
			if (o->typ != r->typ || strcmp(title_of(o), title_of(r)) != 0)
				continue;
			char w[1200];
			diag_add(d, D_RAKNING_RUBRIK, VLOC(m, r->loc),
			         "två räkningar heter '%s' (den andra på %s); ge var och en en egen rubrik "
			         "så att läsaren kan skilja dem åt", title_of(r),
			         valid_where(m, o->loc, r->loc, w, sizeof w));
			break;
		}
	}
	if (m->typ == RT_ARSREDOVISNING && rr && !bk)
		diag_add(d, D_BALANSKRAV_SAKNAS, VLOC(m, e->loc),
		         "årsredovisningen har en resultaträkning men ingen balanskravsutredning; "
		         "kommunallagen (11 kap.) och LKBR (11 kap.) kräver en utredning av "
		         "balanskravsresultatet (rakning typ=\"balanskravsutredning\")");
}

/* ---- driftredovisning version 2 ---- */

static void check_drift_v2(const sr_model *m, diag_sink *d)
{
	const ekonomi *e = &m->ekonomi;
	bool year = m->typ == RT_ARSREDOVISNING || m->typ == RT_VERKSAMHETSBERATTELSE;
	const drift_rad *owner = NULL;
	for (size_t i = 0; i < e->n_drift; i++) {
		const drift_rad *r = &e->drift[i];
		if (year && r->has_periodbudget)
			diag_add(d, D_DRIFT_ROW, VLOC(m, r->loc),
			         "periodbudget hör till en delårsrapport, uppföljning eller månadsrapport, "
			         "inte till en rapport för hela året");
		if (!r->varav) {
			owner = r;
			continue;
		}
		if (r->namndref || !r->rubrik)
			diag_add(d, D_DRIFT_ROW, VLOC(m, r->loc),
			         "en varav-rad i driftredovisningen har rubrik och ingen namndref");
		if (!owner || owner->from_bidrag != r->from_bidrag)
			diag_add(d, D_VARAV_PLATS, VLOC(m, r->loc),
			         "varav-raden '%s' har ingen rad ovanför sig att höra till%s",
			         r->rubrik ? r->rubrik : "", r->from_bidrag ? " i sitt namndbidrag" : "");
	}
	if (year && e->has_drift_summa && e->drift_summa.has_periodbudget)
		diag_add(d, D_DRIFT_ROW, VLOC(m, e->drift_summa.loc),
		         "periodbudget hör till en delårsrapport, uppföljning eller månadsrapport, "
		         "inte till en rapport för hela året");
}

/* ---- sjukfrånvaro ---- */

static const char *const sick_names[SJ_MAX] = {
	"total", "langtid", "kvinnor", "man", "till-29", "fran-30-till-49", "fran-50",
};

static void check_sick(const sr_model *m, diag_sink *d)
{
	const sjukfranvaro *mine = NULL;
	for (size_t i = 0; i < m->n_sjuk; i++) {
		const sjukfranvaro *s = &m->sjuk[i];
		for (int k = 0; k < SJ_MAX; k++) {
			char b[64];
			if (s->has[k] && (s->v[k] < 0 || s->v[k] > DEC_FROM_INT(100)))
				diag_add(d, D_SJUK_VARDE, VLOC(m, s->loc),
				         "sjukfrånvaro %s=\"%s\" ligger utanför 0–100 (procent)", sick_names[k],
				         dec_format(s->v[k], b, sizeof b));
		}
		for (size_t k = 0; k < i; k++) {
			const sjukfranvaro *o = &m->sjuk[k];
			if (o->koncern != s->koncern || o->ar != s->ar)
				continue;
			char w[1200];
			diag_add(d, D_SJUK_DUBBLETT, VLOC(m, s->loc),
			         "sjukfrånvaro för %s %d finns redan (%s)", s->koncern ? "koncernen" : "kommunen",
			         s->ar, valid_where(m, o->loc, s->loc, w, sizeof w));
			break;
		}
		if (!s->koncern && s->ar == m->ar && !mine)
			mine = s;
	}
	if (m->typ != RT_ARSREDOVISNING)
		return;
	src_loc at = mine ? mine->loc : m->loc_rapport;
	if (!mine) {
		diag_add(d, D_SJUK_SAKNAS, VLOC(m, at),
		         "årsredovisningen saknar kommunens sjukfrånvaro för %d; LKBR (11 kap.) kräver "
		         "total sjukfrånvaro, andel långtidssjukfrånvaro (60 dagar eller mer), kvinnors "
		         "och mäns samt åldersgruppernas 29 år eller yngre, 30–49 år och 50 år eller "
		         "äldre (personal/sjukfranvaro niva=\"kommun\" ar=\"%d\")", m->ar, m->ar);
		return;
	}
	char missing[256] = "";
	for (int k = 0; k < SJ_MAX; k++)
		if (!mine->has[k])
			snprintf(missing + strlen(missing), sizeof missing - strlen(missing), "%s%s",
			         *missing ? ", " : "", sick_names[k]);
	if (*missing)
		diag_add(d, D_SJUK_SAKNAS, VLOC(m, at),
		         "kommunens sjukfrånvaro för %d saknar %s; LKBR (11 kap.) kräver alla sju värden "
		         "(en grupp med tio eller färre anställda redovisas inte)", m->ar, missing);
}

void valid_tables(const sr_model *m, diag_sink *d)
{
	for (size_t i = 0; i < m->n_tabeller; i++)
		check_one(m, d, m->tabeller[i]);
	for (size_t i = 0; m->has_ekonomi && i < m->ekonomi.n_rakningar; i++)
		check_one(m, d, &m->ekonomi.rakningar[i]);
	if (m->contribution)
		return;
	if (m->has_ekonomi)
		check_titles(m, d);
	check_drift_v2(m, d);
	check_sick(m, d);
}
