/* load_layout.c - parses a layout file with the loader's safe reader and parser,
 * validates it against the embedded layout XSD, checks the rules the XSD cannot say
 * (D_LAYOUT) and records each value it sets as an override of a report_style field. */
#include "load_layout.h"
#include "load_private.h"
#include <libxml/tree.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

extern const unsigned char xsd_layout[];
extern const unsigned long xsd_layout_len;

/* What kind of report_style field an override writes. */
enum kind { K_NUM, K_RGB, K_FONT, K_ALIGN, K_SHAPE, K_INT, K_BOOL, K_STR };

typedef struct setting {
	size_t off;                /* offset in report_style */
	enum kind kind;
	union {
		double d;
		lay_rgb c;
		int i;
		bool b;
		const char *s;
	} v;
} setting;

struct load_layout {
	arena *a;                  /* owns the settings, templates and section ids */
	setting *set;
	size_t n, cap;
	const char *sections[REPORT_MAX_SECTIONS];
	size_t n_sections;
	bool has_sections;
	enum report_type typ;
	/* MODEL v2 part 2 (issue 13): <malnivaer><niva id visning/></malnivaer> */
	const char *level_ids[REPORT_MAX_LEVEL_VIEWS];
	bool level_table[REPORT_MAX_LEVEL_VIEWS];
	size_t n_level_views;
};

/* One parse: the layout being filled and where problems go. */
typedef struct lparse {
	load_ctx *c;
	load_layout *l;
} lparse;

/* An attribute and the field it sets, relative to a base offset. */
typedef struct attr_field {
	const char *name;
	size_t off;
	enum kind kind;
} attr_field;

#define RS(f) offsetof(report_style, f)
#define LS(f) offsetof(lay_style, f)

static const attr_field page_attrs[] = {
	{ "bredd", RS(page_width), K_NUM }, { "hojd", RS(page_height), K_NUM },
	{ "marginal-topp", RS(margin_top), K_NUM }, { "marginal-botten", RS(margin_bottom), K_NUM },
	{ "marginal-vanster", RS(margin_left), K_NUM }, { "marginal-hoger", RS(margin_right), K_NUM },
	{ NULL, 0, K_NUM },
};
static const attr_field role_attrs[] = {
	{ "stil", LS(font), K_FONT }, { "storlek", LS(size), K_NUM },
	{ "radavstand", LS(leading), K_NUM }, { "fore", LS(space_before), K_NUM },
	{ "efter", LS(space_after), K_NUM }, { "indrag", LS(indent), K_NUM },
	{ "justering", LS(align), K_ALIGN }, { "farg", LS(color), K_RGB },
	{ NULL, 0, K_NUM },
};
static const attr_field colour_attrs[] = {
	{ "betoningsfarg", RS(emphasis_color), K_RGB }, { "tabellhuvudfarg", RS(header_fill), K_RGB },
	{ "summaradsfarg", RS(sum_fill), K_RGB }, { "vattenstampelfarg", RS(watermark_color), K_RGB },
	{ NULL, 0, K_NUM },
};
static const attr_field logo_attrs[] = {
	{ "placering", RS(logo_align), K_ALIGN }, { "bredd", RS(logo_width), K_NUM },
	{ "hojd", RS(logo_height), K_NUM }, { "sidhuvud-hojd", RS(logo_header_height), K_NUM },
	{ NULL, 0, K_NUM },
};
static const attr_field running_attrs[] = {
	{ "storlek", RS(running_size), K_NUM }, { "farg", RS(running_color), K_RGB },
	{ "forsta-sidan", RS(running_on_first_page), K_BOOL },
	{ NULL, 0, K_NUM },
};
static const attr_field toc_attrs[] = {
	{ "nivaer", RS(toc_levels), K_INT },
	{ NULL, 0, K_NUM },
};

/* Role names in the file, in enum report_text_role order. */
static const char *const role_names[RS_ROLE_MAX] = {
	"brodtext", "rubrik1", "rubrik2", "rubrik3", "rubrik4", "rubrik5", "rubrik6",
	"lista", "tabell", "bildtext", "tabellrubrik", "innehall", "titel-kommun", "titel",
	"titel-uppgifter", "titel-forslag", "vision",
};
_Static_assert(sizeof role_names / sizeof *role_names == RS_ROLE_MAX, "role names");

static const char *const template_fields[] = { "kommun", "titel", "dnr", "sida", "sidor", "status" };

/* ---- small helpers ---- */

static int index_of(const char *const *names, size_t n, const char *v)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(names[i], v) == 0)
			return (int)i;
	return -1;
}

static setting *push(load_layout *l, size_t off, enum kind k)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->set = xrealloc(l->set, l->cap * sizeof *l->set);
	}
	setting *s = &l->set[l->n++];
	memset(s, 0, sizeof *s);
	s->off = off;
	s->kind = k;
	return s;
}

static bool is_el(const xmlNode *n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && n->ns && n->ns->href &&
	       strcmp((const char *)n->ns->href, LOAD_LAYOUT_NS) == 0 &&
	       (!name || strcmp((const char *)n->name, name) == 0);
}

static xmlNode *child(const xmlNode *p, const char *name)
{
	for (xmlNode *n = p ? p->children : NULL; n; n = n->next)
		if (is_el(n, name))
			return n;
	return NULL;
}

/* An attribute's value copied into the layout's arena, NULL when absent. */
static const char *attr(lparse *p, const xmlNode *n, const char *name)
{
	xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)name);
	if (!v)
		return NULL;
	const char *out = arena_strdup(p->l->a, (const char *)v);
	xmlFree(v);
	return out;
}

static void layout_error(lparse *p, const xmlNode *n, const char *msg, const char *arg)
{
	diag_add(p->c->d, D_LAYOUT, load_node_file(p->c, n), load_node_line(n), msg, arg);
}

/* ---- values (the XSD has checked their form) ---- */

static double num_value(const char *v)
{
	dec x = 0;
	return dec_parse(v, &x) == DEC_OK ? dec_to_double(x) : 0;
}

static lay_rgb rgb_value(const char *v)
{
	unsigned long x = strtoul(v + 1, NULL, 16);
	return (lay_rgb){ (unsigned char)(x >> 16), (unsigned char)(x >> 8), (unsigned char)x };
}

static int enum_value(enum kind k, const char *v)
{
	static const char *const fonts[] = { "normal", "fet", "kursiv" };
	static const char *const aligns[] = { "vanster", "mitten", "hoger" };
	static const char *const shapes[] = { "cirkel", "triangel", "kvadrat", "romb" };
	_Static_assert(LF_REGULAR == 0 && LF_BOLD == 1 && LF_ITALIC == 2, "font order");
	_Static_assert(LA_LEFT == 0 && LA_CENTER == 1 && LA_RIGHT == 2, "align order");
	_Static_assert(LS_CIRCLE == 0 && LS_TRIANGLE == 1 && LS_SQUARE == 2 && LS_DIAMOND == 3, "shapes");
	int i = k == K_FONT ? index_of(fonts, 3, v) : k == K_ALIGN ? index_of(aligns, 3, v)
	                                             : index_of(shapes, 4, v);
	return i < 0 ? 0 : i;
}

static void set_value(setting *s, const char *v)
{
	switch (s->kind) {
	case K_NUM: s->v.d = num_value(v); break;
	case K_RGB: s->v.c = rgb_value(v); break;
	case K_INT: s->v.i = atoi(v); break;
	case K_BOOL: s->v.b = strcmp(v, "ja") == 0; break;
	case K_STR: s->v.s = v; break;
	default: s->v.i = enum_value(s->kind, v); break;
	}
}

/* Every attribute of the table that n carries becomes an override at base + off. */
static void read_attrs(lparse *p, const xmlNode *n, const attr_field *t, size_t base)
{
	for (; t->name; t++) {
		const char *v = attr(p, n, t->name);
		if (v)
			set_value(push(p->l, base + t->off, t->kind), v);
	}
}

/* ---- the elements ---- */

static void read_page(lparse *p, const xmlNode *n)
{
	read_attrs(p, n, page_attrs, 0);
	const char *w = attr(p, n, "bredd"), *h = attr(p, n, "hojd");
	const char *ml = attr(p, n, "marginal-vanster"), *mr = attr(p, n, "marginal-hoger");
	const char *mt = attr(p, n, "marginal-topp"), *mb = attr(p, n, "marginal-botten");
	/* only the values the file gives together can be checked here; the built-in ones
	 * leave far more than this room */
	if (w && ml && mr && num_value(ml) + num_value(mr) > num_value(w) - 144)
		layout_error(p, n, "marginalerna lämnar mindre än 144 pt för texten i sidans bredd%s", "");
	if (h && mt && mb && num_value(mt) + num_value(mb) > num_value(h) - 144)
		layout_error(p, n, "marginalerna lämnar mindre än 144 pt för texten i sidans höjd%s", "");
}

static void read_role(lparse *p, const xmlNode *n, bool seen[RS_ROLE_MAX])
{
	const char *name = attr(p, n, "namn");
	int r = name ? index_of(role_names, RS_ROLE_MAX, name) : -1;
	if (r < 0)
		return;   /* the XSD has said it */
	if (seen[r])
		layout_error(p, n, "rollen %s anges två gånger", name);
	seen[r] = true;
	const char *size = attr(p, n, "storlek"), *lead = attr(p, n, "radavstand");
	if (size && lead && num_value(lead) < num_value(size))
		layout_error(p, n, "radavståndet är mindre än teckenstorleken i rollen %s", name);
	read_attrs(p, n, role_attrs, RS(text) + (size_t)r * sizeof(lay_style));
}

static void read_fonts(lparse *p, const xmlNode *n)
{
	bool seen[RS_ROLE_MAX] = { false };
	for (xmlNode *k = n->children; k; k = k->next)
		if (is_el(k, "roll"))
			read_role(p, k, seen);
}

static void read_status(lparse *p, const xmlNode *n)
{
	static const char *const names[] = { "uppfyllt", "delvis", "ej-uppfyllt", "ej-bedomt" };
	static const enum status sts[] = { ST_UPPFYLLT, ST_DELVIS, ST_EJ_UPPFYLLT, ST_EJ_BEDOMT };
	for (size_t i = 0; i < 4; i++) {
		const xmlNode *k = child(n, names[i]);
		if (!k)
			continue;
		attr_field t[] = {
			{ "farg", RS(status_color) + sts[i] * sizeof(lay_rgb), K_RGB },
			{ "form", RS(status_shape) + sts[i] * sizeof(enum lay_shape), K_SHAPE },
			{ NULL, 0, K_NUM },
		};
		read_attrs(p, k, t, 0);
		if (sts[i] == ST_EJ_BEDOMT) {   /* "no status" looks like "not assessed" */
			t[0].off = RS(status_color) + ST_NONE * sizeof(lay_rgb);
			t[1].off = RS(status_shape) + ST_NONE * sizeof(enum lay_shape);
			read_attrs(p, k, t, 0);
		}
	}
}

static void read_logo(lparse *p, const xmlNode *n)
{
	read_attrs(p, n, logo_attrs, 0);
	const char *in = attr(p, n, "i-sidhuvud");
	if (!in)
		return;
	push(p->l, RS(logo_in_header), K_BOOL)->v.b = strcmp(in, "nej") != 0;
	if (strcmp(in, "nej") != 0)
		set_value(push(p->l, RS(logo_header_align), K_ALIGN), in);
}

/* A template may only name the known fields. */
static void check_template(lparse *p, const xmlNode *n, const char *t)
{
	for (const char *q = strchr(t, '{'); q; q = strchr(q + 1, '{')) {
		const char *e = strchr(q, '}');
		size_t len = e ? (size_t)(e - q - 1) : 0;
		bool known = false;
		for (size_t i = 0; e && i < sizeof template_fields / sizeof *template_fields; i++)
			known |= strlen(template_fields[i]) == len && memcmp(template_fields[i], q + 1, len) == 0;
		if (!known) {
			layout_error(p, n, "okänt fält '%s'; kända fält: {kommun} {titel} {dnr} {sida} "
			             "{sidor} {status}", arena_printf(p->l->a, "%.*s", e ? (int)(e - q + 1) : 1, q));
			return;
		}
	}
}

static void read_slots(lparse *p, const xmlNode *n, size_t off)
{
	static const char *const slots[3] = { "vanster", "mitten", "hoger" };
	for (size_t k = 0; k < 3; k++) {
		const xmlNode *s = child(n, slots[k]);
		if (!s)
			continue;
		xmlChar *v = xmlNodeGetContent(s);
		const char *t = arena_strdup(p->l->a, v ? (const char *)v : "");
		xmlFree(v);
		check_template(p, s, t);
		push(p->l, off + k * sizeof(const char *), K_STR)->v.s = t;
	}
}

static void read_order(lparse *p, const xmlNode *n)
{
	load_layout *l = p->l;
	l->has_sections = true;
	for (xmlNode *k = n->children; k; k = k->next) {
		if (!is_el(k, "del"))
			continue;
		const char *id = attr(p, k, "id");
		if (!id || l->n_sections == REPORT_MAX_SECTIONS)
			continue;
		for (size_t i = 0; i < l->n_sections; i++)
			if (strcmp(l->sections[i], id) == 0) {
				layout_error(p, k, "avsnittet %s står två gånger i <ordning>", id);
				break;
			}
		l->sections[l->n_sections++] = id;
	}
}

/* MODEL v2 part 2 (issue 13): per goal level, chapters (kapitel) or one table (tabell). */
static void read_level_views(lparse *p, const xmlNode *n)
{
	load_layout *l = p->l;
	for (xmlNode *k = n->children; k; k = k->next) {
		if (!is_el(k, "niva"))
			continue;
		const char *id = attr(p, k, "id"), *v = attr(p, k, "visning");
		if (!id || !v || l->n_level_views == REPORT_MAX_LEVEL_VIEWS)
			continue;
		l->level_ids[l->n_level_views] = id;
		l->level_table[l->n_level_views++] = strcmp(v, "tabell") == 0;
	}
}

static void read_root(lparse *p, const xmlNode *root)
{
	static const char *const types[RT_MAX] = {
		"uppfoljning", "delarsrapport", "arsredovisning", "verksamhetsberattelse",
		"manadsrapport",   /* MODEL v2 part 2 (issue 13) */
	};
	const char *typ = attr(p, root, "typ");
	int t = typ ? index_of(types, RT_MAX, typ) : -1;
	p->l->typ = t < 0 ? RT_MAX : (enum report_type)t;
	const xmlNode *n;
	if ((n = child(root, "sida")))
		read_page(p, n);
	if ((n = child(root, "typsnitt")))
		read_fonts(p, n);
	if ((n = child(root, "farger")))
		read_attrs(p, n, colour_attrs, 0);
	if ((n = child(root, "status")))
		read_status(p, n);
	if ((n = child(root, "logotyp")))
		read_logo(p, n);
	if ((n = child(root, "sidhuvud"))) {
		read_attrs(p, n, running_attrs, 0);
		read_slots(p, n, RS(header));
	}
	if ((n = child(root, "sidfot")))
		read_slots(p, n, RS(footer));
	if ((n = child(root, "innehall")))
		read_attrs(p, n, toc_attrs, 0);
	if ((n = child(root, "ordning")))
		read_order(p, n);
	if ((n = child(root, "malnivaer")))   /* MODEL v2 part 2 (issue 13) */
		read_level_views(p, n);
}

/* ---- the whole file ---- */

static bool root_ok(load_ctx *c, const xmlNode *root)
{
	if (is_el(root, "layout"))
		return true;
	const char *ns = root->ns && root->ns->href ? (const char *)root->ns->href : NULL;
	diag_add(c->d, D_XML_ROOT, c->main_file, load_node_line(root),
	         "rotelementet ska vara <layout> i namnrymden " LOAD_LAYOUT_NS ", inte <%s>%s%s",
	         (const char *)root->name, ns ? " i " : " utan namnrymd", ns ? ns : "");
	return false;
}

load_schema *load_layout_schema_new(void)
{
	return load_schema_new_from(xsd_layout, xsd_layout_len);
}

void load_layout_free(load_layout *l)
{
	if (!l)
		return;
	free(l->set);
	arena_free(l->a);
	free(l);
}

load_layout *load_layout_memory(const char *data, size_t len, const char *name,
                                const load_schema *xsd, diag_sink *d)
{
	xmlInitParser();
	load_layout *l = xcalloc(1, sizeof *l);
	l->a = arena_new();
	l->typ = RT_MAX;
	load_ctx c = { .a = l->a, .d = d, .main_file = arena_strdup(l->a, name ? name : "-"),
	               .errors_before = d->errors };
	xmlDocPtr doc = xsd ? load_parse(&c, data ? data : "", data ? len : 0, c.main_file) : NULL;
	if (!xsd)
		diag_add(d, D_RUNTIME, c.main_file, 0, "layoutens XML-schema saknas (internt fel)");
	xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
	if (root && root_ok(&c, root) && load_validate(&c, xsd, doc)) {
		lparse p = { &c, l };
		read_root(&p, root);
	}
	if (doc)
		xmlFreeDoc(doc);
	if (d->errors != c.errors_before) {
		load_layout_free(l);
		return NULL;
	}
	return l;
}

load_layout *load_layout_read(const char *path, const load_schema *xsd, diag_sink *d)
{
	load_bytes b = { 0 };
	char why[256];
	int rc = load_read_file(path, &b, why, sizeof why);
	if (rc != 0) {
		diag_add(d, rc == -2 ? D_XML_LIMIT : D_FILE_READ, path, 0,
		         "layoutfilen kan inte läsas: %s", why);
		return NULL;
	}
	load_layout *l = load_layout_memory(b.data, b.len, path, xsd, d);
	free(b.data);
	return l;
}

/* ---- applying ---- */

static void apply_one(const setting *s, report_style *st)
{
	char *f = (char *)st + s->off;
	switch (s->kind) {
	case K_NUM: memcpy(f, &s->v.d, sizeof(double)); break;
	case K_RGB: memcpy(f, &s->v.c, sizeof(lay_rgb)); break;
	case K_INT: memcpy(f, &s->v.i, sizeof(int)); break;
	case K_BOOL: memcpy(f, &s->v.b, sizeof(bool)); break;
	case K_STR: memcpy(f, &s->v.s, sizeof(const char *)); break;
	case K_FONT: { enum lay_font e = (enum lay_font)s->v.i; memcpy(f, &e, sizeof e); break; }
	case K_ALIGN: { enum lay_align e = (enum lay_align)s->v.i; memcpy(f, &e, sizeof e); break; }
	case K_SHAPE: { enum lay_shape e = (enum lay_shape)s->v.i; memcpy(f, &e, sizeof e); break; }
	}
}

void load_layout_apply(const load_layout *l, report_style *s)
{
	for (size_t i = 0; i < l->n; i++)
		apply_one(&l->set[i], s);
	if (l->has_sections) {   /* the loader does not link the report builder */
		memcpy(s->sections, l->sections, l->n_sections * sizeof *l->sections);
		s->n_sections = l->n_sections;
	}
	for (size_t i = 0; i < l->n_level_views; i++) {   /* MODEL v2 part 2 (issue 13) */
		s->level_ids[i] = l->level_ids[i];
		s->level_table[i] = l->level_table[i];
	}
	if (l->n_level_views)
		s->n_level_views = l->n_level_views;
}

enum report_type load_layout_type(const load_layout *l)
{
	return l->typ;
}
