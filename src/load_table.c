/* SPDX-License-Identifier: Apache-2.0 */
/* load_table.c - MODEL v2 part 1 (issue 12): builds the version 2 parts of the model:
 * tabell and bild in the text, the body of räkningar and tabeller (grupp rows, empty
 * cells '-', varav rows, not references, text columns), noter, sjukfrånvaro and the
 * version 2 attributes of driftredovisning and investeringar. */
#include "load_private.h"
#include <stdlib.h>
#include <string.h>

void load_v2_init(load_builder *b)
{
	b->tabeller.size = b->bilder.size = sizeof(void *);
	b->sjuk.size = sizeof(sjukfranvaro);
}

void load_v2_finish(load_builder *b)
{
	sr_model *m = b->m;
	m->tabeller = load_vec_finish(&b->tabeller, b->a, &m->n_tabeller);
	m->bilder = load_vec_finish(&b->bilder, b->a, &m->n_bilder);
	m->sjuk = load_vec_finish(&b->sjuk, b->a, &m->n_sjuk);
}

static bool is_ja(load_builder *b, const xmlNode *n, const char *name)
{
	const char *v = load_attr(b, n, name);
	return v && strcmp(v, "ja") == 0;
}

static int decimaler_of(load_builder *b, const xmlNode *n, bool *has)
{
	const char *s = load_attr(b, n, "decimaler");
	*has = s != NULL;
	return s ? atoi(s) : 0;
}

/* ---- cells ---- */

/* A cell token: '-' is an empty cell, anything else a number. */
static void cell_token(load_builder *b, const xmlNode *n, const char *name, const char *tok,
                       dec *v, bool *tom)
{
	*v = 0;
	*tom = strcmp(tok, "-") == 0;
	if (!*tom && !load_num_token(b, n, name, tok, v))
		*v = 0;
}

static void varden_of(load_builder *b, const xmlNode *n, rakning_item *it)
{
	size_t count;
	const char **tok = load_tokens(b, n, "varden", &count);
	if (!tok)
		return;
	it->varden = arena_calloc(b->a, count + 1, sizeof *it->varden);
	it->tom = arena_calloc(b->a, count + 1, sizeof *it->tom);
	it->n_varden = count;
	it->has_varden = true;
	for (size_t i = 0; i < count; i++)
		cell_token(b, n, "varden", tok[i], &it->varden[i], &it->tom[i]);
}

/* <v> children: inline text in a text column, a number or '-' in a tal column. */
static void v_cells(load_builder *b, const xmlNode *n, const rakning *r, rakning_item *it)
{
	size_t count = load_count(n, "v");
	if (count == 0)
		return;
	it->has_v = true;
	it->varden = arena_calloc(b->a, count + 1, sizeof *it->varden);
	it->tom = arena_calloc(b->a, count + 1, sizeof *it->tom);
	it->celler = arena_calloc(b->a, count + 1, sizeof *it->celler);
	for (xmlNode *k = n->children; k; k = k->next) {
		if (!load_is_el(k, "v"))
			continue;
		size_t i = it->n_celler++;
		bool text = i < r->n_kolumner && r->kolumner[i].text;
		if (text) {
			it->celler[i] = load_rich(b, k, "text");
			it->tom[i] = true;
			continue;
		}
		const char *s = load_plain(b, k);
		it->celler[i] = (rich_text){.loc = load_loc(b, k)};
		if (strcmp(s, "-") == 0)
			it->tom[i] = true;
		else if (!load_num_token(b, k, "v", s, &it->varden[i]))
			it->v_bad = true;
	}
	it->n_varden = it->n_celler;
}

static void summa_scope(load_builder *b, const xmlNode *n, rakning_item *it)
{
	size_t n_av;
	const char **av = load_tokens(b, n, "av", &n_av);
	if (!av) {
		it->scope = SUM_SECTION;
	} else if (n_av == 1 && strcmp(av[0], "alla") == 0) {
		it->scope = SUM_ALLA;
	} else {
		it->scope = SUM_LIST;
		it->av = av;
		it->n_av = n_av;
	}
}

static void item_of(load_builder *b, const xmlNode *k, const rakning *r, rakning_item *it)
{
	it->loc = load_loc(b, k);
	it->namn = load_text_attr(b, k, "namn", "namn");
	if (load_is_el(k, "grupp")) {
		it->kind = RI_GRUPP;
		return;
	}
	it->kind = load_is_el(k, "summa") ? RI_SUMMA : RI_POST;
	it->id = load_attr(b, k, "id");
	it->roll = load_attr(b, k, "roll");
	it->varav = is_ja(b, k, "varav");
	it->ref = load_attr(b, k, "ref");
	it->kolumnref = load_attr(b, k, "kolumnref");
	it->noter = load_tokens(b, k, "not", &it->n_noter);
	it->enhet = load_text_attr(b, k, "enhet", "enhet");
	it->decimaler = decimaler_of(b, k, &it->has_decimaler);
	varden_of(b, k, it);
	if (it->kind == RI_POST && !it->has_varden)
		v_cells(b, k, r, it);
	if (it->kind == RI_SUMMA)
		summa_scope(b, k, it);
}

static void kolumn_of(load_builder *b, const xmlNode *k, kolumn *c)
{
	c->id = load_attr(b, k, "id");
	c->rubrik = load_text_attr(b, k, "rubrik", "rubrik");
	c->loc = load_loc(b, k);
	const char *typ = load_attr(b, k, "typ");
	c->text = typ && strcmp(typ, "text") == 0;
	c->enhet = load_text_attr(b, k, "enhet", "enhet");
	c->decimaler = decimaler_of(b, k, &c->has_decimaler);
}

void load_rakning_body(load_builder *b, const xmlNode *n, rakning *r, bool tabell)
{
	r->tabell = tabell;
	r->loc = load_loc(b, n);
	r->ord = b->ord++;
	r->id = load_attr(b, n, "id");
	r->rubrik = load_text_attr(b, n, "rubrik", "rubrik");
	r->enhet = load_text_attr(b, n, "enhet", "enhet");
	r->kalla = load_text_attr(b, n, "kalla", "kalla");
	r->decimaler = decimaler_of(b, n, &r->has_decimaler);
	r->kolumner = arena_calloc(b->a, load_count(n, "kolumn") + 1, sizeof *r->kolumner);
	size_t items = load_count(n, "post") + load_count(n, "summa") + load_count(n, "grupp");
	r->items = arena_calloc(b->a, items + 1, sizeof *r->items);
	for (xmlNode *k = n->children; k; k = k->next) {
		if (load_is_el(k, "kolumn"))
			kolumn_of(b, k, &r->kolumner[r->n_kolumner++]);
		else if (load_is_el(k, "post") || load_is_el(k, "summa") || load_is_el(k, "grupp"))
			item_of(b, k, r, &r->items[r->n_items++]);
	}
}

/* ---- blocks: tabell and bild ---- */

static bild *bild_of(load_builder *b, const xmlNode *k)
{
	bild *p = arena_calloc(b->a, 1, sizeof *p);
	p->href = load_attr(b, k, "href");
	p->loc = load_loc(b, k);
	p->base = p->loc.file;
	p->rubrik = load_text_attr(b, k, "rubrik", "rubrik");
	p->alt = load_text_attr(b, k, "alt", "alt");
	p->dekorativ = is_ja(b, k, "dekorativ");
	p->has_bredd = load_num_attr(b, k, "bredd", &p->bredd);
	if (!p->has_bredd)
		p->bredd = DEC_FROM_INT(100);
	load_vec_push(&b->bilder, &p);
	return p;
}

bool load_v2_block(load_builder *b, const xmlNode *k, block *bl)
{
	if (load_is_el(k, "tabell")) {
		rakning *t = arena_calloc(b->a, 1, sizeof *t);
		load_rakning_body(b, k, t, true);
		load_vec_push(&b->tabeller, &t);
		bl->kind = BLOCK_TABELL;
		bl->tabell = t;
		return true;
	}
	if (load_is_el(k, "bild")) {
		bl->kind = BLOCK_BILD;
		bl->bild = bild_of(b, k);
		return true;
	}
	return false;
}

/* ---- noter ---- */

static void not_blocks(load_builder *b, const xmlNode *n, not_ *nt)
{
	size_t cap = load_count(n, "stycke") + load_count(n, "lista") + load_count(n, "tabell") +
	             load_count(n, "bild");
	nt->blocks = arena_calloc(b->a, cap + 1, sizeof *nt->blocks);
	for (xmlNode *k = n->children; k; k = k->next) {
		block *bl = &nt->blocks[nt->n_blocks];
		bl->loc = load_loc(b, k);
		if (load_is_el(k, "stycke")) {
			bl->kind = BLOCK_STYCKE;
			bl->stycke = load_rich(b, k, "text");
		} else if (load_is_el(k, "lista")) {
			bl->kind = BLOCK_LISTA;
			bl->punkter = arena_calloc(b->a, load_count(k, "punkt") + 1, sizeof *bl->punkter);
			for (xmlNode *p = k->children; p; p = p->next)
				if (load_is_el(p, "punkt"))
					bl->punkter[bl->n_punkter++] = load_rich(b, p, "text");
		} else if (!load_v2_block(b, k, bl)) {
			continue;
		}
		nt->n_blocks++;
	}
}

void load_noter(load_builder *b, const xmlNode *n)
{
	ekonomi *e = &b->m->ekonomi;
	e->has_noter = true;
	e->noter = arena_calloc(b->a, load_count(n, "not") + 1, sizeof *e->noter);
	for (xmlNode *k = n->children; k; k = k->next) {
		if (!load_is_el(k, "not"))
			continue;
		not_ *nt = &e->noter[e->n_noter++];
		nt->id = load_attr(b, k, "id");
		nt->rubrik = load_text_attr(b, k, "rubrik", "rubrik");
		nt->nr = (int)e->n_noter;
		nt->loc = load_loc(b, k);
		not_blocks(b, k, nt);
	}
}

/* ---- personal: sjukfrånvaro ---- */

void load_sjukfranvaro(load_builder *b, const xmlNode *n)
{
	static const char *const names[SJ_MAX] = {
		"total", "langtid", "kvinnor", "man", "till-29", "fran-30-till-49", "fran-50",
	};
	sjukfranvaro s = {0};
	const char *lvl = load_attr(b, n, "niva");
	s.koncern = lvl && strcmp(lvl, "koncern") == 0;
	const char *ar = load_attr(b, n, "ar");
	s.ar = ar ? atoi(ar) : 0;
	s.loc = load_loc(b, n);
	for (int i = 0; i < SJ_MAX; i++)
		s.has[i] = load_num_attr(b, n, names[i], &s.v[i]);
	load_vec_push(&b->sjuk, &s);
}

/* ---- driftredovisning and investeringar ---- */

void load_drift_v2(load_builder *b, const xmlNode *n, drift_rad *r)
{
	r->varav = is_ja(b, n, "varav");
	r->has_avvikelse = load_num_attr(b, n, "avvikelse", &r->avvikelse);
	r->has_intakter = load_num_attr(b, n, "intakter", &r->intakter);
	r->has_kostnader = load_num_attr(b, n, "kostnader", &r->kostnader);
	r->has_periodbudget = load_num_attr(b, n, "periodbudget", &r->periodbudget);
}

void load_projekt_v2(load_builder *b, const xmlNode *n, projekt *p)
{
	p->has_avvikelse = load_num_attr(b, n, "avvikelse", &p->avvikelse);
	p->varav = is_ja(b, n, "varav");
}

void load_summa_v2(load_builder *b, const xmlNode *n, summa_rad *s)
{
	s->has_avvikelse = load_num_attr(b, n, "avvikelse", &s->avvikelse);
	s->has_intakter = load_num_attr(b, n, "intakter", &s->intakter);
	s->has_kostnader = load_num_attr(b, n, "kostnader", &s->kostnader);
	s->has_periodbudget = load_num_attr(b, n, "periodbudget", &s->periodbudget);
}
