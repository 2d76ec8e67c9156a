/* SPDX-License-Identifier: Apache-2.0 */
/* pdf_tag.c - the logical structure of the tagged PDF (plain data, no libharu): the
 * structure tree built in reading order from the layout's blocks, and while the pages are
 * drawn, which element each display item belongs to and its marked-content id. Every
 * role has one entry in role_map; pdf_harux_struct writes the result as PDF objects. */
#include "pdf_private.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* How a block of a role becomes structure (ISO 32000-1 14.8.4). */
enum tag_shape {
	TS_NONE,      /* no mapping: pdf_tags_build fails (test: every role is mapped) */
	TS_ARTIFACT,  /* not content: marked /Artifact */
	TS_LEAF,      /* one element of the type */
	TS_HEADING,   /* H1..H6; an H1 opens a Sect */
	TS_LIST,      /* L > LI > Lbl + LBody, consecutive items of one list in one L */
	TS_PART,      /* items of a block whose element is made by the block's own shape */
	TS_TABLE,     /* Table > (Caption) THead/TBody > TR > TH/TD */
	TS_CAPTION,   /* Caption of its table/figure, or P when it belongs to none */
	TS_FIGURE,    /* Figure with /Alt and /BBox (in a Div with its Caption) */
	TS_TOC,       /* TOC > TOCI > Link (text + OBJR of the annotation) */
};

typedef struct tag_map {
	const char *type;
	enum tag_shape shape;
} tag_map;

/* The one table from layout roles to structure types. A new role needs a line here. */
static const tag_map role_map[ROLE_MAX] = {
	[ROLE_ARTIFACT] = { "Artifact", TS_ARTIFACT },
	[ROLE_TITLE] = { "Title", TS_LEAF },           /* RoleMap: Title -> H1 */
	[ROLE_HEADING] = { "H", TS_HEADING },
	[ROLE_PARAGRAPH] = { "P", TS_LEAF },
	[ROLE_LIST_ITEM] = { "LBody", TS_LIST },
	[ROLE_TABLE_HEADER] = { "TH", TS_PART },
	[ROLE_TABLE_CELL] = { "TD", TS_TABLE },        /* the block role of a whole table */
	[ROLE_CAPTION] = { "Caption", TS_CAPTION },
	[ROLE_FIGURE] = { "Figure", TS_FIGURE },
	[ROLE_TOC_ITEM] = { "TOC", TS_TOC },
	[ROLE_TABLE_TITLE] = { "Caption", TS_CAPTION },
	[ROLE_FACTS] = { "P", TS_LEAF },
	[ROLE_ROW_HEADER] = { "TH", TS_PART },
	[ROLE_LIST_LABEL] = { "Lbl", TS_PART },
};

const char *pdf_tag_role_type(enum lay_role role)
{
	return (unsigned)role < ROLE_MAX && role_map[role].shape != TS_NONE ? role_map[role].type
	                                                                   : NULL;
}

/* Grows a malloc'd array of *cap elements to hold at least need. */
static void *tag_grow(void *p, size_t *cap, size_t need, size_t elem)
{
	if (need <= *cap)
		return p;
	size_t nc = *cap ? *cap * 2 : 64;
	while (nc < need)
		nc *= 2;
	*cap = nc;
	return xrealloc(p, nc * elem);
}

static const char *const heading_type[7] = { "H1", "H1", "H2", "H3", "H4", "H5", "H6" };

/* ---- building blocks ---- */

static int node_new(pdf_tags *t, const char *type, int parent)
{
	t->node = tag_grow(t->node, &t->cap_node, t->n_node + 1, sizeof *t->node);
	int i = (int)t->n_node++;
	t->node[i] = (tag_node){ .type = type, .parent = parent, .first = -1, .last = -1, .page = -1 };
	if (parent >= 0) {
		t->kid = tag_grow(t->kid, &t->cap_kid, t->n_kid + 1, sizeof *t->kid);
		int k = (int)t->n_kid++;
		t->kid[k] = (tag_kid){ .next = -1, .kind = TK_NODE, .ref = i };
		tag_node *p = &t->node[parent];
		if (p->last >= 0)
			t->kid[p->last].next = k;
		else
			p->first = k;
		p->last = k;
	}
	return i;
}

static void kid_add(pdf_tags *t, int node, enum tag_kid_kind kind, int ref, size_t page)
{
	t->kid = tag_grow(t->kid, &t->cap_kid, t->n_kid + 1, sizeof *t->kid);
	int k = (int)t->n_kid++;
	t->kid[k] = (tag_kid){ .next = -1, .kind = kind, .ref = ref, .page = (int)page };
	tag_node *n = &t->node[node];
	if (n->last >= 0)
		t->kid[n->last].next = k;
	else
		n->first = k;
	n->last = k;
	if (n->page < 0)
		n->page = (int)page;
}

typedef struct tag_build {
	pdf_tags *t;
	const lay_result *r;
	int doc, sect;               /* the Document; the current chapter's Sect or -1 */
	int prev_level;              /* last heading level (0 before the first) */
	int list_first, list_node;   /* the open L */
	bool *built;                 /* per block: its element exists already */
} tag_build;

static int parent_of(const tag_build *b)
{
	return b->sect >= 0 ? b->sect : b->doc;
}

static void build_table(tag_build *b, size_t tb, int title)
{
	pdf_tags *t = b->t;
	const dl_block *blk = &b->r->blocks[tb];
	int tab = node_new(t, "Table", parent_of(b)), head = -1, body = -1;
	if (title >= 0) {
		t->blk[title] = node_new(t, "Caption", tab);
		b->built[title] = true;
	}
	size_t n = (size_t)blk->n_rows * (size_t)blk->n_cols;
	t->pool = tag_grow(t->pool, &t->cap_pool, t->n_pool + n + 1, sizeof *t->pool);
	t->cell_off[tb] = (int)t->n_pool;
	for (int i = 0; i < blk->n_rows; i++) {
		bool header = blk->row_kind[i] == LR_HEADER;
		int *group = header ? &head : &body;
		if (*group < 0)
			*group = node_new(t, header ? "THead" : "TBody", tab);
		int tr = node_new(t, "TR", *group);
		for (int j = 0; j < blk->n_cols; j++) {
			unsigned char kind = blk->cell[i * blk->n_cols + j];
			int c = node_new(t, kind == DC_TD ? "TD" : "TH", tr);
			t->node[c].scope = kind == DC_TH_COLUMN ? "Column" : kind == DC_TH_ROW ? "Row" : NULL;
			t->pool[t->n_pool + (size_t)(i * blk->n_cols + j)] = c;
		}
	}
	t->n_pool += n;
	t->blk[tb] = tab;
	b->built[tb] = true;
}

static void build_figure(tag_build *b, size_t fb)
{
	pdf_tags *t = b->t;
	const dl_block *blk = &b->r->blocks[fb];
	int parent = parent_of(b);
	if (blk->caption >= 0)   /* the figure and its caption belong together */
		parent = node_new(t, "Div", parent);
	int fig = node_new(t, "Figure", parent);
	t->node[fig].alt = blk->alt && *blk->alt ? blk->alt : "Figur";
	t->blk[fb] = fig;
	if (blk->caption >= 0) {
		t->blk[blk->caption] = node_new(t, "Caption", parent);
		b->built[blk->caption] = true;
	}
}

static void build_list_item(tag_build *b, size_t i)
{
	pdf_tags *t = b->t;
	int first = b->r->blocks[i].list;
	if (b->list_node < 0 || b->list_first != first) {
		b->list_node = node_new(t, "L", parent_of(b));
		b->list_first = first;
	}
	int li = node_new(t, "LI", b->list_node);
	t->blk2[i] = node_new(t, "Lbl", li);
	t->blk[i] = node_new(t, "LBody", li);
}

static void build_heading(tag_build *b, size_t i)
{
	int level = b->r->blocks[i].level;
	/* never a skipped level: a heading deeper than one below the last one is raised */
	if (level > b->prev_level + 1)
		level = b->prev_level + 1;
	if (level < 1)
		level = 1;
	if (level > 6)
		level = 6;
	b->prev_level = level;
	if (level == 1)
		b->sect = node_new(b->t, "Sect", b->doc);
	b->t->blk[i] = node_new(b->t, heading_type[level], parent_of(b));
}

static int build_block(tag_build *b, size_t i, char *why, size_t why_len)
{
	pdf_tags *t = b->t;
	const dl_block *blk = &b->r->blocks[i];
	enum tag_shape shape = (unsigned)blk->role < ROLE_MAX ? role_map[blk->role].shape : TS_NONE;
	if (shape != TS_LIST)
		b->list_node = -1;   /* anything between two items ends the list */
	if (b->built[i])
		return 0;
	switch (shape) {
	case TS_ARTIFACT: break;
	case TS_LEAF:
		if (blk->role == ROLE_TITLE && b->prev_level < 1)
			b->prev_level = 1;   /* Title is role-mapped to H1 */
		t->blk[i] = node_new(t, role_map[blk->role].type, parent_of(b));
		break;
	case TS_HEADING: build_heading(b, i); break;
	case TS_LIST: build_list_item(b, i); break;
	case TS_TABLE: build_table(b, i, -1); break;
	case TS_CAPTION:
		if (blk->role == ROLE_TABLE_TITLE && blk->caption >= 0)
			build_table(b, (size_t)blk->caption, (int)i);
		else
			t->blk[i] = node_new(t, "P", parent_of(b));   /* a note: belongs to nothing */
		break;
	case TS_FIGURE: build_figure(b, i); break;
	case TS_TOC: t->blk[i] = node_new(t, "TOC", parent_of(b)); break;
	case TS_PART:
	case TS_NONE:
	default:
		snprintf(why, why_len, "PDF:en kunde inte skapas: block %zu har rollen %d som saknar "
		         "strukturtyp", i, (int)blk->role);
		return -1;
	}
	b->built[i] = true;
	return 0;
}

void pdf_tags_free(pdf_tags *t)
{
	free(t->node);
	free(t->kid);
	free(t->blk);
	free(t->blk2);
	free(t->cell_off);
	free(t->pool);
	free(t->toc_entry);
	for (size_t p = 0; p < t->n_pages; p++)
		free(t->mc[p].node);
	free(t->mc);
	free(t->annot);
	free(t->page_obj);
	free(t->annot_obj);
	memset(t, 0, sizeof *t);
}

int pdf_tags_build(pdf_tags *t, const lay_result *r, char *why, size_t why_len)
{
	memset(t, 0, sizeof *t);
	size_t nb = r->n_blocks;
	t->n_blocks = nb;
	t->blk = xmalloc((nb + 1) * sizeof *t->blk);
	t->blk2 = xmalloc((nb + 1) * sizeof *t->blk2);
	t->cell_off = xmalloc((nb + 1) * sizeof *t->cell_off);
	t->toc_entry = xmalloc((nb + 1) * sizeof *t->toc_entry);
	for (size_t i = 0; i < nb; i++)
		t->blk[i] = t->blk2[i] = t->cell_off[i] = t->toc_entry[i] = -1;
	t->n_pages = r->n_pages;
	t->mc = xcalloc(r->n_pages + 1, sizeof *t->mc);
	tag_build b = { .t = t, .r = r, .sect = -1, .list_first = -1, .list_node = -1 };
	b.built = xcalloc(nb + 1, sizeof *b.built);
	b.doc = t->doc = node_new(t, "Document", -1);
	int rc = 0;
	for (size_t i = 0; i < nb && rc == 0; i++)
		rc = build_block(&b, i, why, why_len);
	free(b.built);
	return rc;
}

/* ---- items ---- */

/* An item whose block the layout did not describe (a display list made by hand): an
 * element of its own, directly in the Document. */
static int loose_node(pdf_tags *t, const dl_item *it)
{
	const char *type = pdf_tag_role_type(it->role);
	if (!type || role_map[it->role].shape == TS_PART || role_map[it->role].shape == TS_TABLE ||
	    role_map[it->role].shape == TS_LIST || role_map[it->role].shape == TS_CAPTION)
		type = "P";
	else if (role_map[it->role].shape == TS_HEADING)
		type = "H1";
	else if (role_map[it->role].shape == TS_TOC)
		type = "Link";
	int n = node_new(t, type, t->doc);
	if (!strcmp(type, "Figure"))
		t->node[n].alt = it->alt && *it->alt ? it->alt : "Figur";
	return n;
}

static void extend_bbox(tag_node *n, const dl_item *it)
{
	double x0 = it->x, y0 = it->y, x1 = it->x + it->w, y1 = it->y + it->h;
	if (it->kind == DL_TEXT) {
		y0 = it->y - 0.3 * it->size;
		y1 = it->y + it->size;
	} else if (it->kind == DL_MARKER) {
		x0 = it->x - it->w / 2;
		x1 = it->x + it->w / 2;
		y0 = it->y - it->w / 2;
		y1 = it->y + it->w / 2;
	}
	if (x0 > x1) { double s = x0; x0 = x1; x1 = s; }
	if (y0 > y1) { double s = y0; y0 = y1; y1 = s; }
	if (!n->has_bbox) {
		n->bbox[0] = x0; n->bbox[1] = y0; n->bbox[2] = x1; n->bbox[3] = y1;
		n->has_bbox = true;
		return;
	}
	if (x0 < n->bbox[0]) n->bbox[0] = x0;
	if (y0 < n->bbox[1]) n->bbox[1] = y0;
	if (x1 > n->bbox[2]) n->bbox[2] = x1;
	if (y1 > n->bbox[3]) n->bbox[3] = y1;
}

/* The TOCI > Link of entry it->row of TOC block b, made on its first item. */
static int toc_link(pdf_tags *t, size_t b, const dl_item *it)
{
	if (t->toc_entry[b] != it->row || t->blk2[b] < 0) {
		int toci = node_new(t, "TOCI", t->blk[b]);
		t->blk2[b] = node_new(t, "Link", toci);
		t->toc_entry[b] = it->row;
	}
	return t->blk2[b];
}

static int cell_node(const pdf_tags *t, const lay_result *r, size_t b, const dl_item *it)
{
	const dl_block *blk = &r->blocks[b];
	if (t->cell_off[b] < 0 || it->row < 0 || it->col < 0 || it->row >= blk->n_rows ||
	    it->col >= blk->n_cols)
		return -1;
	return t->pool[(size_t)t->cell_off[b] + (size_t)(it->row * blk->n_cols + it->col)];
}

int pdf_tags_item(pdf_tags *t, const lay_result *r, const dl_item *it)
{
	if (it->role == ROLE_ARTIFACT || (unsigned)it->role >= ROLE_MAX)
		return PDF_TAG_ARTIFACT((unsigned)it->artifact < LART_MAX ? it->artifact : LART_LAYOUT);
	size_t b = (size_t)it->block;
	int n = -1;
	if (it->block >= 0 && b < t->n_blocks && (t->blk[b] >= 0 || t->cell_off[b] >= 0)) {
		switch (it->role) {
		case ROLE_TABLE_HEADER:
		case ROLE_ROW_HEADER:
		case ROLE_TABLE_CELL:
			n = cell_node(t, r, b, it);
			if (n >= 0 && it->kind == DL_LINK)   /* a note link: TD > Link > OBJR */
				n = node_new(t, "Link", n);
			break;
		case ROLE_LIST_LABEL: n = t->blk2[b]; break;
		case ROLE_TOC_ITEM: n = t->blk[b] >= 0 ? toc_link(t, b, it) : -1; break;
		default: n = t->blk[b]; break;
		}
	}
	if (n < 0)
		n = loose_node(t, it);
	if (!strcmp(t->node[n].type, "Figure"))
		extend_bbox(&t->node[n], it);
	return n;
}

int pdf_tags_mcid(pdf_tags *t, size_t page, int node)
{
	tag_page *pg = &t->mc[page];
	pg->node = tag_grow(pg->node, &pg->cap, pg->n + 1, sizeof *pg->node);
	int mcid = (int)pg->n++;
	pg->node[mcid] = node;
	kid_add(t, node, TK_MCID, mcid, page);
	return mcid;
}

int pdf_tags_annot(pdf_tags *t, size_t page, int node, void *annot)
{
	t->annot = tag_grow(t->annot, &t->cap_annot, t->n_annot + 1, sizeof *t->annot);
	int k = (int)t->n_annot++;
	t->annot[k] = (tag_annot){ .annot = annot, .node = node, .page = (int)page };
	kid_add(t, node, TK_OBJR, k, page);
	return (int)t->n_pages + k;   /* its key in the ParentTree: after the pages' */
}

/* ---- the tree as PDF objects (written as text, packed by pdf_pack.c) ---- */

static void ops_int(pdf_ops *o, long long v)
{
	if (v < 0)
		pdf_ops_raw(o, "-");
	pdf_ops_uint(o, v < 0 ? (unsigned long long)-v : (unsigned long long)v);
}

static void ops_ref(pdf_ops *o, size_t num)
{
	pdf_ops_uint(o, num);
	pdf_ops_raw(o, " 0 R");
}

/* A text string as UTF-16BE hex with a byte-order mark; non-BMP characters and controls
 * become spaces, as everywhere in the file. */
static void ops_text(pdf_ops *o, const char *utf8)
{
	char *s = pdf_bmp_only(utf8, strlen(utf8));
	pdf_ops_raw(o, "<FEFF");
	for (const unsigned char *p = (const unsigned char *)s; *p;) {
		unsigned cp = *p++;
		if (cp >= 0xE0 && p[0] && p[1]) {
			cp = ((cp & 0x0F) << 12) | ((unsigned)(p[0] & 0x3F) << 6) | (p[1] & 0x3F);
			p += 2;
		} else if (cp >= 0xC0 && p[0]) {
			cp = ((cp & 0x1F) << 6) | (p[0] & 0x3F);
			p++;
		} else if (cp >= 0x80) {
			cp = 0xFFFD;   /* a stray continuation byte */
		}
		if (cp >= 0xD800 && cp <= 0xDFFF)
			cp = 0xFFFD;
		static const char digits[] = "0123456789ABCDEF";
		char hex[5] = { digits[cp >> 12 & 15], digits[cp >> 8 & 15], digits[cp >> 4 & 15],
		                digits[cp & 15], 0 };
		pdf_ops_raw(o, hex);
	}
	pdf_ops_raw(o, ">");
	free(s);
}

typedef struct obj_writer {
	pdf_ops text;              /* all objects, one after the other */
	pdf_obj *obj;              /* len holds the start offset until obj_end */
	size_t n, cap;
} obj_writer;

static void obj_begin(obj_writer *w, size_t num)
{
	w->obj = tag_grow(w->obj, &w->cap, w->n + 1, sizeof *w->obj);
	w->obj[w->n] = (pdf_obj){ .num = num };
	w->obj[w->n].len = w->text.len;   /* start for now: fixed up in obj_end */
	w->n++;
}

static void obj_end(obj_writer *w)
{
	pdf_obj *ob = &w->obj[w->n - 1];
	ob->len = w->text.len - ob->len;
}

static void write_kids(pdf_ops *o, const pdf_tags *t, const tag_node *n, size_t base,
                       const size_t *page_num, const size_t *annot_num)
{
	pdf_ops_raw(o, "/K[");
	bool first = true;
	for (int i = n->first; i >= 0; i = t->kid[i].next) {
		const tag_kid *k = &t->kid[i];
		if (!first)
			pdf_ops_raw(o, " ");
		first = false;
		if (k->kind == TK_NODE) {
			ops_ref(o, base + (size_t)k->ref);
		} else if (k->kind == TK_MCID && k->page == n->page) {
			ops_int(o, k->ref);   /* on the element's own /Pg */
		} else if (k->kind == TK_MCID) {
			pdf_ops_raw(o, "<</Type/MCR/Pg ");
			ops_ref(o, page_num[k->page]);
			pdf_ops_raw(o, "/MCID ");
			ops_int(o, k->ref);
			pdf_ops_raw(o, ">>");
		} else {
			pdf_ops_raw(o, "<</Type/OBJR/Pg ");
			ops_ref(o, page_num[k->page]);
			pdf_ops_raw(o, "/Obj ");
			ops_ref(o, annot_num[k->ref]);
			pdf_ops_raw(o, ">>");
		}
	}
	pdf_ops_raw(o, "]");
}

/* The two attribute objects every header cell shares, right after the elements (the
 * ParentTree follows them). */
static size_t scope_obj(const pdf_tags *t, size_t base, const char *scope)
{
	return base + t->n_node + (strcmp(scope, "Row") == 0);
}

static void write_node(obj_writer *w, const pdf_tags *t, size_t i, size_t root, size_t base,
                       const size_t *page_num, const size_t *annot_num)
{
	const tag_node *n = &t->node[i];
	pdf_ops *o = &w->text;
	obj_begin(w, base + i);
	pdf_ops_raw(o, "<</S/");
	pdf_ops_raw(o, n->type);
	pdf_ops_raw(o, "/P ");
	ops_ref(o, n->parent >= 0 ? base + (size_t)n->parent : root);
	if (n->page >= 0) {
		pdf_ops_raw(o, "/Pg ");
		ops_ref(o, page_num[n->page]);
	}
	if (n->alt) {
		pdf_ops_raw(o, "/Alt");
		ops_text(o, n->alt);
	}
	if (n->scope) {   /* one shared attribute object per scope */
		pdf_ops_raw(o, "/A ");
		ops_ref(o, scope_obj(t, base, n->scope));
	} else if (n->has_bbox) {
		pdf_ops_raw(o, "/A<</O/Layout/BBox[");
		for (int k = 0; k < 4; k++)
			pdf_ops_num(o, n->bbox[k]);
		pdf_ops_raw(o, "]>>");
	}
	const tag_kid *k = n->first >= 0 ? &t->kid[n->first] : NULL;
	if (k && k->next < 0 && k->kind == TK_MCID && k->page == n->page) {
		pdf_ops_raw(o, "/K ");   /* one MCID on the element's page: no array */
		ops_int(o, k->ref);
	} else if (k) {
		write_kids(o, t, n, base, page_num, annot_num);
	}
	pdf_ops_raw(o, ">>");
	obj_end(w);
}

enum { PT_LEAF = 128 };   /* ParentTree entries per number-tree leaf */

static void parent_value(pdf_ops *o, const pdf_tags *t, size_t key, size_t base)
{
	ops_int(o, (long long)key);
	pdf_ops_raw(o, " ");
	if (key >= t->n_pages) {
		ops_ref(o, base + (size_t)t->annot[key - t->n_pages].node);
		return;
	}
	const tag_page *pg = &t->mc[key];
	pdf_ops_raw(o, "[");
	for (size_t i = 0; i < pg->n; i++) {
		if (i)
			pdf_ops_raw(o, " ");
		ops_ref(o, base + (size_t)pg->node[i]);
	}
	pdf_ops_raw(o, "]");
}

/* One /Nums for few entries, else /Kids of leaves with /Limits: two levels. */
static void parent_tree(obj_writer *w, const pdf_tags *t, size_t num)
{
	size_t n = t->n_pages + t->n_annot, base = num - 2 - t->n_node;
	pdf_ops *o = &w->text;
	obj_begin(w, num);
	if (n <= PT_LEAF) {
		pdf_ops_raw(o, "<</Nums[");
		for (size_t k = 0; k < n; k++) {
			if (k)
				pdf_ops_raw(o, " ");
			parent_value(o, t, k, base);
		}
		pdf_ops_raw(o, "]>>");
		obj_end(w);
		return;
	}
	pdf_ops_raw(o, "<</Kids[");
	for (size_t lo = 0, j = 0; lo < n; lo += PT_LEAF, j++) {
		if (j)
			pdf_ops_raw(o, " ");
		ops_ref(o, num + 1 + j);
	}
	pdf_ops_raw(o, "]>>");
	obj_end(w);
	for (size_t lo = 0, j = 0; lo < n; lo += PT_LEAF, j++) {
		size_t hi = lo + PT_LEAF < n ? lo + PT_LEAF : n;
		obj_begin(w, num + 1 + j);
		pdf_ops_raw(o, "<</Limits[");
		ops_int(o, (long long)lo);
		pdf_ops_raw(o, " ");
		ops_int(o, (long long)(hi - 1));
		pdf_ops_raw(o, "]/Nums[");
		for (size_t k = lo; k < hi; k++) {
			if (k > lo)
				pdf_ops_raw(o, " ");
			parent_value(o, t, k, base);
		}
		pdf_ops_raw(o, "]>>");
		obj_end(w);
	}
}

int pdf_tags_objects(const pdf_tags *t, size_t root, size_t base, const size_t *page_num,
                     const size_t *annot_num, pdf_objs *out)
{
	obj_writer w = {0};
	size_t pt = base + t->n_node, keys = t->n_pages + t->n_annot;
	obj_begin(&w, root);
	pdf_ops_raw(&w.text, "<</Type/StructTreeRoot/K[");
	ops_ref(&w.text, base + (size_t)t->doc);
	/* Title is PDF 2.0's type for a document's title; PDF 1.7 readers take it as H1 */
	pdf_ops_raw(&w.text, "]/RoleMap<</Title/H1>>/ParentTree ");
	ops_ref(&w.text, pt + 2);
	pdf_ops_raw(&w.text, "/ParentTreeNextKey ");
	ops_int(&w.text, (long long)keys);
	pdf_ops_raw(&w.text, ">>");
	obj_end(&w);
	for (size_t i = 0; i < t->n_node; i++)
		write_node(&w, t, i, root, base, page_num, annot_num);
	for (int k = 0; k < 2; k++) {
		obj_begin(&w, scope_obj(t, base, k ? "Row" : "Column"));
		pdf_ops_raw(&w.text, k ? "<</O/Table/Scope/Row>>" : "<</O/Table/Scope/Column>>");
		obj_end(&w);
	}
	parent_tree(&w, t, pt + 2);   /* its kids follow it */
	/* offsets become pointers now that the text no longer moves */
	for (size_t i = 0, at = 0; i < w.n; i++) {
		size_t len = w.obj[i].len;
		w.obj[i].text = w.text.buf + at;
		at += len;
	}
	out->obj = w.obj;
	out->n = w.n;
	out->text = w.text.buf;
	return 0;
}

void pdf_objs_free(pdf_objs *o)
{
	free(o->obj);
	free(o->text);
	memset(o, 0, sizeof *o);
}
