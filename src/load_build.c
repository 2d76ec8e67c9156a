/* SPDX-License-Identifier: Apache-2.0 */
/* load_build.c - builds the model from a valid, spliced document: the helpers every
 * builder uses (attributes, numbers, text), the head of the report and the ids. */
#include "load_private.h"
#include <stdlib.h>
#include <string.h>

/* ---- vectors ---- */

void load_vec_push(load_vec *v, const void *elem)
{
	if (v->n == v->cap) {
		v->cap = v->cap ? v->cap * 2 : 8;
		v->p = xrealloc(v->p, v->cap * v->size);
	}
	memcpy((char *)v->p + v->n * v->size, elem, v->size);
	v->n++;
}

void *load_vec_finish(load_vec *v, arena *a, size_t *n)
{
	void *out = NULL;
	if (v->n) {
		out = arena_calloc(a, v->n, v->size);
		memcpy(out, v->p, v->n * v->size);
	}
	*n = v->n;
	free(v->p);
	v->p = NULL;
	v->n = v->cap = 0;
	return out;
}

/* ---- nodes and attributes ---- */

bool load_is_el(const xmlNode *n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && n->ns && n->ns->href &&
	       strcmp((const char *)n->ns->href, LOAD_NS) == 0 &&
	       strcmp((const char *)n->name, name) == 0;
}

src_loc load_loc(load_builder *b, const xmlNode *n)
{
	return (src_loc){load_node_file(b->c, n), load_node_line(n)};
}

xmlNode *load_child(const xmlNode *parent, const char *name)
{
	for (xmlNode *k = parent->children; k; k = k->next)
		if (load_is_el(k, name))
			return k;
	return NULL;
}

size_t load_count(const xmlNode *parent, const char *name)
{
	size_t n = 0;
	for (xmlNode *k = parent->children; k; k = k->next)
		n += load_is_el(k, name);
	return n;
}

/* Reads the attribute straight from the tree: without a DTD its value is one text
 * node (character references already resolved), so the copy xmlGetNoNsProp mallocs
 * and frees for every lookup is not needed. */
const char *load_attr(load_builder *b, const xmlNode *n, const char *name)
{
	const xmlAttr *a = n->properties;
	while (a && (a->ns || strcmp((const char *)a->name, name) != 0))
		a = a->next;
	if (!a)
		return NULL;
	const xmlNode *t = a->children;
	if (!t)
		return arena_strdup(b->a, "");
	if (t->type == XML_TEXT_NODE && !t->next && t->content)
		return arena_strdup(b->a, (const char *)t->content);
	xmlChar *v = xmlGetNoNsProp(n, BAD_CAST name);
	if (!v)
		return NULL;
	const char *s = arena_strdup(b->a, (const char *)v);
	xmlFree(v);
	return s;
}

enum direction load_direction(load_builder *b, const xmlNode *n)
{
	const char *r = load_attr(b, n, "riktning");
	return r && strcmp(r, "lagre") == 0 ? DIR_LAGRE : DIR_HOGRE;
}

void load_add_text(load_builder *b, const char *text, const char *what, src_loc loc)
{
	if (!text || !*text)
		return;
	text_entry t = {text, what, loc};
	load_vec_push(&b->texts, &t);
}

const char *load_text_attr(load_builder *b, const xmlNode *n, const char *name, const char *what)
{
	const char *s = load_attr(b, n, name);
	load_add_text(b, s, what, load_loc(b, n));
	return s;
}

/* ---- numbers ---- */

/* where: "i <utfall>" or "i attributet budget", made only when there is an error
 * (numbers are parsed by the thousand; the text is needed once in a while). */
static void num_error(load_builder *b, const xmlNode *n, bool attr, const char *name,
                      const char *v, enum dec_parse r)
{
	char where[96];
	if (attr)
		snprintf(where, sizeof where, "i attributet %s", name);
	else
		snprintf(where, sizeof where, "i <%s>", name);
	src_loc l = load_loc(b, n);
	if (r == DEC_SYNTAX && strchr(v, ','))
		diag_add(b->c->d, D_NUM_SYNTAX, l.file, l.line,
		         "'%s' %s är inget tal (använd punkt som decimaltecken)", v, where);
	else if (r == DEC_SYNTAX)
		diag_add(b->c->d, D_NUM_SYNTAX, l.file, l.line, "'%s' %s är inget tal (skriv siffror "
		         "med punkt som decimaltecken, t.ex. 1234.5, utan exponent)", v, where);
	else if (r == DEC_DECIMALS)
		diag_add(b->c->d, D_NUM_DECIMALS, l.file, l.line,
		         "'%s' %s har fler än 6 decimaler", v, where);
	else
		diag_add(b->c->d, D_NUM_RANGE, l.file, l.line,
		         "'%s' %s är för stort; beloppet måste vara under 10^12", v, where);
}

static bool parse_num(load_builder *b, const xmlNode *n, bool attr, const char *name,
                      const char *v, dec *out)
{
	*out = 0;
	enum dec_parse r = dec_parse(v, out);
	if (r == DEC_OK)
		return true;
	*out = 0;
	num_error(b, n, attr, name, v, r);
	return false;
}

/* MODEL v2 part 1 (issue 12) */
bool load_num_token(load_builder *b, const xmlNode *n, const char *name, const char *tok, dec *out)
{
	return parse_num(b, n, true, name, tok, out);
}

bool load_num_attr(load_builder *b, const xmlNode *n, const char *name, dec *out)
{
	*out = 0;
	const char *v = load_attr(b, n, name);
	if (!v)
		return false;
	return parse_num(b, n, true, name, v, out);
}

bool load_num_content(load_builder *b, const xmlNode *n, dec *out)
{
	const char *v = load_plain(b, n);
	return parse_num(b, n, false, (const char *)n->name, v, out);
}

const char **load_tokens(load_builder *b, const xmlNode *n, const char *name, size_t *count)
{
	*count = 0;
	const char *v = load_attr(b, n, name);
	if (!v)
		return NULL;
	size_t cap = 0;
	for (const char *p = v; *p; p++)
		cap += (p == v || strchr(" \t\r\n", p[-1])) && !strchr(" \t\r\n", *p);
	const char **out = arena_calloc(b->a, cap ? cap : 1, sizeof *out);
	for (const char *p = v; *p;) {
		p += strspn(p, " \t\r\n");
		size_t l = strcspn(p, " \t\r\n");
		if (l)
			out[(*count)++] = arena_strndup(b->a, p, l);
		p += l;
	}
	return out;
}

dec *load_num_list(load_builder *b, const xmlNode *n, const char *name, size_t *count)
{
	const char **tok = load_tokens(b, n, name, count);
	if (!tok)
		return NULL;
	dec *out = arena_calloc(b->a, *count ? *count : 1, sizeof *out);
	for (size_t i = 0; i < *count; i++)
		parse_num(b, n, true, name, tok[i], &out[i]);
	return out;
}

/* ---- text ---- */

static bool is_xml_space(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
}

/* Appends s to buf (at *len) with white space collapsed; *space says whether the
 * text so far ends in a space (or is empty at the start, so no leading space). */
static void append_collapsed(char *buf, size_t *len, const char *s, bool *space)
{
	for (; *s; s++) {
		if (is_xml_space(*s)) {
			if (!*space)
				buf[(*len)++] = ' ';
			*space = true;
		} else {
			buf[(*len)++] = *s;
			*space = false;
		}
	}
	buf[*len] = '\0';
}

const char *load_plain(load_builder *b, const xmlNode *n)
{
	/* Most elements hold one text node: read it in place, not through the copy
	 * xmlNodeGetContent mallocs. */
	const xmlNode *only = n->children;
	bool direct = only && !only->next && only->type == XML_TEXT_NODE && only->content;
	xmlChar *raw = direct ? NULL : xmlNodeGetContent(n);
	const char *s = direct ? (const char *)only->content : raw ? (const char *)raw : "";
	char *buf = arena_alloc(b->a, strlen(s) + 1);
	size_t len = 0;
	bool space = true;
	append_collapsed(buf, &len, s, &space);
	if (len && buf[len - 1] == ' ')
		buf[--len] = '\0';
	xmlFree(raw);
	return buf;
}

typedef struct rich_acc {
	load_vec runs;      /* text_run */
	char *buf;          /* the run being written, malloc'ed */
	size_t len, cap;
	unsigned style;
	bool space;         /* the text so far ends in a space (or is empty) */
} rich_acc;

static void flush_run(load_builder *b, rich_acc *r)
{
	if (!r->len)
		return;
	text_run t = {arena_strndup(b->a, r->buf, r->len), r->style};
	load_vec_push(&r->runs, &t);
	r->len = 0;
}

static void rich_walk(load_builder *b, rich_acc *r, const xmlNode *n, unsigned style)
{
	for (const xmlNode *k = n->children; k; k = k->next) {
		if (k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE) {
			const char *s = k->content ? (const char *)k->content : "";
			if (style != r->style) {
				flush_run(b, r);
				r->style = style;
			}
			size_t need = r->len + strlen(s) + 1;
			if (need > r->cap) {
				r->cap = need * 2;
				r->buf = xrealloc(r->buf, r->cap);
			}
			append_collapsed(r->buf, &r->len, s, &r->space);
		} else if (load_is_el(k, "b")) {
			rich_walk(b, r, k, style | RUN_BOLD);
		} else if (load_is_el(k, "i")) {
			rich_walk(b, r, k, style | RUN_ITALIC);
		}
	}
}

rich_text load_rich(load_builder *b, const xmlNode *n, const char *what)
{
	rich_acc r = {.runs = {.size = sizeof(text_run)}, .space = true};
	rich_walk(b, &r, n, 0);
	flush_run(b, &r);
	free(r.buf);
	rich_text t = {.loc = load_loc(b, n)};
	t.runs = load_vec_finish(&r.runs, b->a, &t.n_runs);
	/* trim the end: the last run may end in the collapsed space */
	while (t.n_runs) {
		text_run *last = &t.runs[t.n_runs - 1];
		size_t l = strlen(last->text);
		if (l && last->text[l - 1] == ' ')
			((char *)last->text)[l - 1] = '\0';
		if (*last->text)
			break;
		t.n_runs--;
	}
	for (size_t i = 0; i < t.n_runs; i++)
		load_add_text(b, t.runs[i].text, what, t.loc);
	return t;
}

/* ---- head of the report ---- */

static const char *diarium_field(load_builder *b, const xmlNode *dn, const char *name, src_loc *loc)
{
	xmlNode *k = load_child(dn, name);
	if (!k)
		return NULL;
	const char *s = load_plain(b, k);
	if (loc)
		*loc = load_loc(b, k);
	load_add_text(b, s, name, load_loc(b, k));
	return s;
}

static void build_diarium(load_builder *b, const xmlNode *n)
{
	diarium *d = &b->m->diarium;
	d->loc = load_loc(b, n);
	d->diarienummer = diarium_field(b, n, "diarienummer", &d->loc_diarienummer);
	d->rubrik = diarium_field(b, n, "rubrik", NULL);
	d->beslutsinstans = diarium_field(b, n, "beslutsinstans", NULL);
	d->beredande = diarium_field(b, n, "beredande", NULL);
	d->beslutsdatum = diarium_field(b, n, "beslutsdatum", &d->loc_beslutsdatum);
	d->paragraf = diarium_field(b, n, "paragraf", NULL);
	d->handlaggare = diarium_field(b, n, "handlaggare", NULL);
	d->dokumentansvarig = diarium_field(b, n, "dokumentansvarig", NULL);
	d->klassificering = diarium_field(b, n, "klassificering", NULL);
	d->ersatter = diarium_field(b, n, "ersatter", &d->loc_ersatter);
}

static void build_kommun(load_builder *b, const xmlNode *n)
{
	kommun *k = &b->m->kommun;
	k->loc = load_loc(b, n);
	k->namn = load_text_attr(b, n, "namn", "namn");
	k->kommunkod = load_attr(b, n, "kommunkod");
	k->diarieformat = load_attr(b, n, "diarieformat");
	xmlNode *logo = load_child(n, "logotyp");
	if (logo) {
		k->logotyp = load_attr(b, logo, "href");
		k->loc_logotyp = load_loc(b, logo);
	}
	xmlNode *vision = load_child(n, "vision");
	if (vision) {
		k->vision = load_rich(b, vision, "vision");
		k->has_vision = true;
	}
}

static void build_nivaer(load_builder *b, const xmlNode *n)
{
	sr_model *m = b->m;
	m->has_malnivaer = true;
	m->nivaer = arena_calloc(b->a, load_count(n, "niva") + 1, sizeof *m->nivaer);
	for (xmlNode *k = n->children; k; k = k->next)
		if (load_is_el(k, "niva"))
			m->nivaer[m->n_nivaer++] = (niva){load_attr(b, k, "id"),
			                                  load_text_attr(b, k, "namn", "namn"), load_loc(b, k)};
}

static void build_regler(load_builder *b, const xmlNode *n)
{
	sr_model *m = b->m;
	dec v;
	m->loc_regler = load_loc(b, n);
	if (load_num_attr(b, n, "gul-andel", &v))
		m->gul_andel = v;
	if (load_num_attr(b, n, "mal-gron", &v))
		m->mal_gron = v;
	if (load_num_attr(b, n, "mal-gul", &v))
		m->mal_gul = v;
	/* MODEL v2 part 2 (issue 13): written at all, for SKALA */
	m->has_mal_gron = load_attr(b, n, "mal-gron") != NULL;
	m->has_mal_gul = load_attr(b, n, "mal-gul") != NULL;
}

static void build_organisation(load_builder *b, const xmlNode *n)
{
	sr_model *m = b->m;
	m->namnder = arena_calloc(b->a, load_count(n, "namnd") + 1, sizeof *m->namnder);
	m->bolag = arena_calloc(b->a, load_count(n, "bolag") + 1, sizeof *m->bolag);
	for (xmlNode *k = n->children; k; k = k->next) {
		if (load_is_el(k, "namnd")) {
			m->namnder[m->n_namnder++] = (namnd){load_attr(b, k, "id"),
			    load_text_attr(b, k, "namn", "namn"),
			    load_text_attr(b, k, "forvaltning", "förvaltning"), load_loc(b, k)};
		} else if (load_is_el(k, "bolag")) {
			bolag *bo = &m->bolag[m->n_bolag++];
			bo->id = load_attr(b, k, "id");
			bo->namn = load_text_attr(b, k, "namn", "namn");
			bo->has_agarandel = load_num_attr(b, k, "agarandel", &bo->agarandel);
			bo->loc = load_loc(b, k);
		}
	}
}

static void build_rapport_attrs(load_builder *b, const xmlNode *root)
{
	sr_model *m = b->m;
	m->loc_rapport = load_loc(b, root);
	int t = model_report_type_parse(load_attr(b, root, "typ"));
	m->typ = t < 0 ? RT_DELARSRAPPORT : (enum report_type)t;
	const char *ar = load_attr(b, root, "ar");
	m->ar = ar ? atoi(ar) : 0;
	m->namndref = load_attr(b, root, "namndref");
}

/* One child of <rapport>, in the order of the schema. */
static void build_rapport_child(load_builder *b, const xmlNode *k)
{
	sr_model *m = b->m;
	if (load_is_el(k, "diarium")) {
		build_diarium(b, k);
	} else if (load_is_el(k, "kommun")) {
		build_kommun(b, k);
	} else if (load_is_el(k, "period")) {
		m->period_fran = load_attr(b, k, "fran");
		m->period_till = load_attr(b, k, "till");
		m->loc_period = load_loc(b, k);
	} else if (load_is_el(k, "malnivaer")) {
		build_nivaer(b, k);
	} else if (load_is_el(k, "bedomningsregler")) {
		build_regler(b, k);
	} else if (load_is_el(k, "organisation")) {
		build_organisation(b, k);
	} else if (load_is_el(k, "avsnitt")) {
		avsnitt *s = load_avsnitt(b, k, NULL);
		load_vec_push(&b->avsnitt, &s);
	} else if (load_is_el(k, "mal")) {
		mal *g = load_mal(b, k, NULL);
		load_vec_push(&b->roots, &g);
	} else if (load_is_el(k, "ekonomi")) {
		load_ekonomi(b, k);
	} else if (load_is_el(k, "personal")) {
		load_personal(b, k);
	} else if (load_is_el(k, "namndbidrag")) {
		load_bidrag(b, k);
	} else {
		load_child_v2(b, k, NULL);   /* MODEL v2 part 2 (issue 13) */
	}
}

/* Every element's id attribute, in document order. */
static void collect_ids(load_builder *b, const xmlNode *n)
{
	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		const char *id = load_attr(b, n, "id");
		if (id) {
			id_entry e = {id, arena_strdup(b->a, (const char *)n->name), load_loc(b, n)};
			load_vec_push(&b->ids, &e);
		}
		collect_ids(b, n->children);
	}
}

static void finish(load_builder *b)
{
	sr_model *m = b->m;
	m->goals = load_vec_finish(&b->goals, b->a, &m->n_goals);
	m->roots = load_vec_finish(&b->roots, b->a, &m->n_roots);
	m->avsnitt = load_vec_finish(&b->avsnitt, b->a, &m->n_avsnitt);
	m->ekonomi.drift = load_vec_finish(&b->drift, b->a, &m->ekonomi.n_drift);
	m->ekonomi.projekt = load_vec_finish(&b->projekt, b->a, &m->ekonomi.n_projekt);
	m->personal = load_vec_finish(&b->personal, b->a, &m->n_personal);
	m->bidrag = load_vec_finish(&b->bidrag, b->a, &m->n_bidrag);
	m->ids = load_vec_finish(&b->ids, b->a, &m->n_ids);
	m->texts = load_vec_finish(&b->texts, b->a, &m->n_texts);
	load_v2_finish(b);   /* MODEL v2 part 1 (issue 12) */
	load_finish_v2(b);   /* MODEL v2 part 2 (issue 13) */
}

static void init_builder(load_builder *b, load_ctx *c)
{
	memset(b, 0, sizeof *b);
	b->c = c;
	b->a = c->a;
	b->m = arena_alloc(c->a, sizeof *b->m);
	b->goals.size = b->roots.size = b->avsnitt.size = sizeof(void *);
	b->drift.size = sizeof(drift_rad);
	b->projekt.size = sizeof(projekt);
	b->personal.size = sizeof(personal_rad);
	b->bidrag.size = sizeof(namndbidrag);
	b->ids.size = sizeof(id_entry);
	b->texts.size = sizeof(text_entry);
	load_v2_init(b);   /* MODEL v2 part 1 (issue 12) */
	load_init_v2(b);   /* MODEL v2 part 2 (issue 13) */
	sr_model *m = b->m;
	m->arena = c->a;
	m->file = c->main_file;
	m->gul_andel = DEC_ONE / 2;
	m->mal_gron = DEC_ONE * 7 / 4;
	m->mal_gul = DEC_ONE * 3 / 4;
	m->ekonomi.enhet = "mnkr";
	m->ekonomi.decimaler = 1;
}

sr_model *load_build(load_ctx *c, xmlDocPtr doc)
{
	load_builder b;
	init_builder(&b, c);
	b.m->included = c->included;
	b.m->n_included = c->n_included;
	xmlNode *root = xmlDocGetRootElement(doc);
	if (load_is_el(root, "namndbidrag")) {
		b.m->contribution = true;
		b.m->loc_rapport = load_loc(&b, root);
		b.m->namndref = load_attr(&b, root, "namndref");
		load_bidrag(&b, root);
	} else {
		build_rapport_attrs(&b, root);
		for (xmlNode *k = root->children; k; k = k->next)
			build_rapport_child(&b, k);
	}
	collect_ids(&b, root);
	finish(&b);
	model_link_goals(b.m);
	return b.m;
}
