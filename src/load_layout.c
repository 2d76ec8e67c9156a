/* SPDX-License-Identifier: Apache-2.0 */
/* load_layout.c - parses a layout file with the loader's safe reader and parser,
 * validates it against the embedded layout XSD, checks the rules the XSD cannot say
 * (D_LAYOUT) and records each value it sets as an override of a report_style field. */
#include "load_layout.h"
#include "contrast.h"
#include "load_private.h"
#include <libxml/tree.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
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
	/* where the file says it, for the checks that need the whole style */
	const char *file;
	long line_root, line_page, line_logo, line_header, line_footer, line_status;
	long line_role[RS_ROLE_MAX];
	long line_section[REPORT_MAX_SECTIONS];
	/* <typsnitt familj normal fet kursiv>: a kommun's own fonts (issue 16) */
	const char *family;
	const char *font_file[LF_MAX];     /* resolved against the layout file's folder */
	long line_fonts;
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
	{ "minsta-storlek", LS(min_size), K_NUM },
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

static lay_rgb rgb_value(const char *v);
static double num_value(const char *v);

/* "4,5": one decimal, rounded down (a ratio just under the limit never reads as it). */
static void ratio_text(double r, char *out, size_t len)
{
	long tenths = (long)(r * 10);
	snprintf(out, len, "%ld,%ld", tenths / 10, tenths % 10);
}

/* Warns (KONTRAST) when the colour in attribute name of n has less than need:1 against
 * against (WCAG 2.1: 1.4.3 text, 1.4.11 graphics); what says what the colour is for. */
static void check_contrast(lparse *p, const xmlNode *n, const char *name, lay_rgb against,
                           const char *against_name, double need, const char *what)
{
	const char *v = attr(p, n, name);
	if (!v)
		return;
	double r = contrast_ratio(rgb_value(v), against);
	if (r + 1e-9 >= need)
		return;
	char got[48], want[48];
	ratio_text(r, got, sizeof got);
	ratio_text(need, want, sizeof want);
	diag_add(p->c->d, D_CONTRAST, load_node_file(p->c, n), load_node_line(n),
	         "färgen %s för %s har kontrasten %s:1 mot %s; WCAG 2.1 (%s) kräver minst %s:1", v,
	         what, got, against_name, need == CONTRAST_GRAPHICS && strstr(what, "text") == NULL
	         ? "1.4.11, grafik" : "1.4.3, text", want);
}

static const lay_rgb WHITE = { 0xff, 0xff, 0xff }, TEXT_INK = { 0x1a, 0x1a, 0x1a };

static void check_role_contrast(lparse *p, const xmlNode *n, const char *role)
{
	const char *size = attr(p, n, "storlek"), *style = attr(p, n, "stil");
	double pt = size ? num_value(size) : 10;
	bool bold = style && !strcmp(style, "fet");
	bool large = pt >= 18 || (bold && pt >= 14);   /* WCAG's large text */
	char what[96];
	snprintf(what, sizeof what, "texten i rollen %s", role);
	check_contrast(p, n, "farg", WHITE, "vit bakgrund", large ? CONTRAST_LARGE_TEXT : CONTRAST_TEXT,
	               what);
}

static void check_colours_contrast(lparse *p, const xmlNode *n)
{
	check_contrast(p, n, "vattenstampelfarg", WHITE, "vit bakgrund", CONTRAST_TEXT,
	               "FÖRSLAG-märket (text)");
	check_contrast(p, n, "betoningsfarg", WHITE, "vit bakgrund", CONTRAST_TEXT, "betonad text");
	check_contrast(p, n, "tabellhuvudfarg", TEXT_INK, "tabelltexten #1a1a1a", CONTRAST_TEXT,
	               "tabellhuvudets bakgrund (text på den)");
	check_contrast(p, n, "summaradsfarg", TEXT_INK, "tabelltexten #1a1a1a", CONTRAST_TEXT,
	               "summaradens bakgrund (text på den)");
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
	p->l->line_page = load_node_line(n);
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
	p->l->line_role[r] = load_node_line(n);
	const char *size = attr(p, n, "storlek"), *lead = attr(p, n, "radavstand");
	if (size && lead && num_value(lead) < num_value(size))
		layout_error(p, n, "radavståndet är mindre än teckenstorleken i rollen %s", name);
	read_attrs(p, n, role_attrs, RS(text) + (size_t)r * sizeof(lay_style));
	check_role_contrast(p, n, name);
}

/* A font file named by the layout: absolute, or relative to the layout file's folder. */
static const char *font_path(lparse *p, const char *file)
{
	if (file[0] == '/')
		return arena_strdup(p->l->a, file);
	const char *dir = p->l->file, *slash = strrchr(dir, '/');
	if (!slash)
		return arena_printf(p->l->a, "./%s", file);   /* a path, not a bare name */
	return arena_printf(p->l->a, "%.*s/%s", (int)(slash - dir), dir, file);
}

static void read_fonts(lparse *p, const xmlNode *n)
{
	bool seen[RS_ROLE_MAX] = { false };
	static const char *const style_attr[LF_MAX] = { "normal", "fet", "kursiv" };
	const char *family = attr(p, n, "familj");
	size_t given = 0;
	p->l->line_fonts = load_node_line(n);
	for (int f = 0; f < LF_MAX; f++) {
		const char *v = attr(p, n, style_attr[f]);
		if (v) {
			p->l->font_file[f] = font_path(p, v);
			given++;
		}
	}
	if (family && strcmp(family, "Open Sans") != 0)
		p->l->family = arena_strdup(p->l->a, family);
	if (given && given < LF_MAX)
		diag_add(p->c->d, D_LAYOUT_FONT, load_node_file(p->c, n), load_node_line(n),
		         "<typsnitt> anger inte alla tre filerna: normal, fet och kursiv behövs");
	else if (p->l->family && !given)
		diag_add(p->c->d, D_LAYOUT_FONT, load_node_file(p->c, n), load_node_line(n),
		         "typsnittsfamiljen \"%s\" ingår inte i styrrapport: ange filerna med "
		         "normal=, fet= och kursiv= (TrueType, t.ex. /usr/share/fonts/truetype/"
		         "liberation/LiberationSans-Regular.ttf)", p->l->family);
	for (xmlNode *k = n->children; k; k = k->next)
		if (is_el(k, "roll"))
			read_role(p, k, seen);
}

static void read_status(lparse *p, const xmlNode *n)
{
	static const char *const names[] = { "uppfyllt", "delvis", "ej-uppfyllt", "ej-bedomt" };
	static const enum status sts[] = { ST_UPPFYLLT, ST_DELVIS, ST_EJ_UPPFYLLT, ST_EJ_BEDOMT };
	p->l->line_status = load_node_line(n);
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
		char what[64];
		snprintf(what, sizeof what, "statusen %s (diagram och markörer)", names[i]);
		check_contrast(p, k, "farg", WHITE, "vit bakgrund", CONTRAST_GRAPHICS, what);
		if (sts[i] == ST_EJ_BEDOMT) {   /* "no status" looks like "not assessed" */
			t[0].off = RS(status_color) + ST_NONE * sizeof(lay_rgb);
			t[1].off = RS(status_shape) + ST_NONE * sizeof(enum lay_shape);
			read_attrs(p, k, t, 0);
		}
	}
}

static void read_logo(lparse *p, const xmlNode *n)
{
	p->l->line_logo = load_node_line(n);
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
		l->line_section[l->n_sections] = load_node_line(k);
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
	if ((n = child(root, "farger"))) {
		read_attrs(p, n, colour_attrs, 0);
		check_colours_contrast(p, n);
	}
	if ((n = child(root, "status")))
		read_status(p, n);
	if ((n = child(root, "logotyp")))
		read_logo(p, n);
	p->l->line_root = load_node_line(root);
	if ((n = child(root, "sidhuvud"))) {
		p->l->line_header = load_node_line(n);
		read_attrs(p, n, running_attrs, 0);
		check_contrast(p, n, "farg", WHITE, "vit bakgrund", CONTRAST_TEXT, "sidhuvud och sidfot");
		read_slots(p, n, RS(header));
	}
	if ((n = child(root, "sidfot"))) {
		p->l->line_footer = load_node_line(n);
		read_slots(p, n, RS(footer));
	}
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
	l->file = c.main_file;
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

bool load_layout_fonts(const load_layout *l, const char **files, const char **family,
                       long *line)
{
	if (!l->font_file[LF_REGULAR])
		return false;
	for (int f = 0; f < LF_MAX; f++)
		files[f] = l->font_file[f];
	*family = l->family ? l->family : "Open Sans";
	*line = l->line_fonts;
	return true;
}

const char *load_layout_file(const load_layout *l)
{
	return l->file;
}

enum report_type load_layout_type(const load_layout *l)
{
	return l->typ;
}

/* ---- the style as a whole (the file's values over the type's built-in ones) ---- */

/* Ascent plus descent of the fonts per pt of size (Open Sans: 1.069 + 0.293), rounded
 * up: the room one line of running text takes. */
#define LINE_EM 1.4
#define MIN_TEXT 144.0     /* pt of text width and height a page must keep */
#define MIN_COLUMN 72.0    /* pt of text width an indented role must keep */

typedef struct geo {
	const load_layout *l;
	const report_style *s;
	diag_sink *d;
	bool ok;
} geo;

static void geo_error(geo *g, long line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void geo_error(geo *g, long line, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	diag_add(g->d, D_LAYOUT, g->l->file, line ? line : g->l->line_root, "%s", msg);
	g->ok = false;
}

static bool slots_used(const char *const t[3])
{
	return (t[0] && *t[0]) || (t[1] && *t[1]) || (t[2] && *t[2]);
}

static void check_page(geo *g, double tw, double th)
{
	const report_style *s = g->s;
	long ln = g->l->line_page;
	if (tw < MIN_TEXT)
		geo_error(g, ln, "sidans bredd %.1f pt minus marginalerna (vänster %.1f, höger %.1f) lämnar "
		          "%.1f pt för texten; minst %.0f pt behövs", s->page_width, s->margin_left,
		          s->margin_right, tw, MIN_TEXT);
	if (th < MIN_TEXT)
		geo_error(g, ln, "sidans höjd %.1f pt minus marginalerna (topp %.1f, botten %.1f) lämnar "
		          "%.1f pt för texten; minst %.0f pt behövs", s->page_height, s->margin_top,
		          s->margin_bottom, th, MIN_TEXT);
}

/* The rule 6 pt outside the text area and the line 3 pt beyond it must lie in the margin. */
static void check_running(geo *g, bool draft)
{
	const report_style *s = g->s;
	double need = 9 + LINE_EM * s->running_size;
	if (slots_used(s->header) && s->margin_top < need)
		geo_error(g, g->l->line_header ? g->l->line_header : g->l->line_page,
		          "sidhuvudet (%.1f pt text) behöver en toppmarginal på minst %.1f pt, men den är %.1f pt",
		          s->running_size, need, s->margin_top);
	if (slots_used(s->footer) && s->margin_bottom < need)
		geo_error(g, g->l->line_footer ? g->l->line_footer : g->l->line_page,
		          "sidfoten (%.1f pt text) behöver en bottenmarginal på minst %.1f pt, men den är %.1f pt",
		          s->running_size, need, s->margin_bottom);
	/* FÖRSLAG stands above the header, at least 6 pt high */
	double mark = need + 2 + LINE_EM * 6 + 6;
	if (draft && slots_used(s->header) && s->margin_top >= need && s->margin_top < mark)
		geo_error(g, g->l->line_header ? g->l->line_header : g->l->line_page,
		          "ett förslag får texten FÖRSLAG ovanför sidhuvudet; toppmarginalen behöver "
		          "minst %.1f pt, men den är %.1f pt", mark, s->margin_top);
}

static void check_logo(geo *g, double tw, double th)
{
	const report_style *s = g->s;
	long ln = g->l->line_logo;
	if (s->logo_width > tw || s->logo_height > th)
		geo_error(g, ln, "logotypen (%.1f × %.1f pt) är större än textytan (%.1f × %.1f pt)",
		          s->logo_width, s->logo_height, tw, th);
	if (!s->logo_in_header || s->logo_height <= 0)
		return;
	double h = s->logo_header_height, w = h * s->logo_width / s->logo_height;
	if (h > s->margin_top - 9 || w > tw)
		geo_error(g, ln, "logotypen i sidhuvudet (%.1f × %.1f pt) får inte plats i toppmarginalen "
		          "(%.1f pt hög, minus 9 pt) och textbredden (%.1f pt)", w, h, s->margin_top, tw);
}

static void check_roles(geo *g, double tw, double th)
{
	for (int r = 0; r < RS_ROLE_MAX; r++) {
		const lay_style *t = &g->s->text[r];
		long ln = g->l->line_role[r];
		const char *name = role_names[r];
		if (t->size * LINE_EM > th || t->leading > th)
			geo_error(g, ln, "rollen %s: en rad (storlek %.1f pt, radavstånd %.1f pt) är högre än "
			          "textytan (%.1f pt)", name, t->size, t->leading, th);
		if (t->space_before > th || t->space_after > th)
			geo_error(g, ln, "rollen %s: avståndet före (%.1f pt) eller efter (%.1f pt) är större "
			          "än textytans höjd (%.1f pt)", name, t->space_before, t->space_after, th);
		/* a table of the report's widest kind: eight columns of padding, a marker and
		 * a letter each */
		double table_need = 8 * (6 + 2.2 * t->size);
		if (r == RS_TABLE && tw - t->indent < table_need)
			geo_error(g, ln, "rollen tabell: storleken %.1f pt och indraget %.1f pt lämnar %.1f pt "
			          "för tabellerna; minst %.1f pt behövs för åtta kolumner", t->size, t->indent,
			          tw - t->indent, table_need);
		else if (tw - t->indent < MIN_COLUMN)
			geo_error(g, ln, "rollen %s: indraget %.1f pt lämnar %.1f pt av textbredden %.1f pt; "
			          "minst %.0f pt behövs", name, t->indent, tw - t->indent, tw, MIN_COLUMN);
	}
}

/* Colour must never be the only difference between two statuses. */
static void check_shapes(geo *g)
{
	static const enum status sts[] = { ST_UPPFYLLT, ST_DELVIS, ST_EJ_UPPFYLLT, ST_EJ_BEDOMT };
	static const char *const names[] = { "uppfyllt", "delvis", "ej-uppfyllt", "ej-bedomt" };
	for (int i = 0; i < 4; i++)
		for (int k = i + 1; k < 4; k++)
			if (g->s->status_shape[sts[i]] == g->s->status_shape[sts[k]]) {
				geo_error(g, g->l->line_status, "statusarna %s och %s har samma form; varje status "
				          "behöver en egen form, så att färgen inte är det enda som skiljer dem",
				          names[i], names[k]);
				return;
			}
}

static void check_sections(geo *g, const sr_model *m)
{
	const load_layout *l = g->l;
	for (size_t i = 0; i < l->n_sections; i++) {
		if (strncmp(l->sections[i], "avsnitt:", 8) != 0)
			continue;
		const char *id = l->sections[i] + 8;
		bool found = false;
		for (size_t k = 0; m && k < m->n_avsnitt && !found; k++)
			found = m->avsnitt[k]->id && strcmp(m->avsnitt[k]->id, id) == 0;
		if (!found)
			geo_error(g, l->line_section[i], "<ordning> nämner avsnitt:%s, men dokumentet har "
			          "inget avsnitt med id=\"%s\"", id, id);
	}
}

bool load_layout_check(const load_layout *l, const report_style *s, const sr_model *m, bool draft,
                       diag_sink *d)
{
	geo g = { l, s, d, true };
	double tw = s->page_width - s->margin_left - s->margin_right;
	double th = s->page_height - s->margin_top - s->margin_bottom;
	check_page(&g, tw, th);
	if (g.ok) {   /* the rest is measured in the text area */
		check_running(&g, draft);
		check_logo(&g, tw, th);
		check_roles(&g, tw, th);
	}
	check_shapes(&g);
	check_sections(&g, m);
	return g.ok;
}
