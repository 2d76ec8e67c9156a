/* SPDX-License-Identifier: Apache-2.0 */
/* import_xml.c - the small set of tree edits import makes: set an attribute, set an
 * element's text, insert an element in schema order with its neighbours' indentation.
 * Every edit that changes a value is reported as one IMPORT line. */
#include "import_private.h"
#include "dec.h"
#include <limits.h>
#include <string.h>

bool imp_is(const xmlNode *n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && n->ns && n->ns->href &&
	       strcmp((const char *)n->ns->href, IMP_NS) == 0 &&
	       strcmp((const char *)n->name, name) == 0;
}

const char *imp_attr(const xmlNode *n, const char *name)
{
	for (const xmlAttr *a = n->properties; a; a = a->next)
		if (!a->ns && strcmp((const char *)a->name, name) == 0 && a->children &&
		    a->children->type == XML_TEXT_NODE)
			return (const char *)a->children->content;
	for (const xmlAttr *a = n->properties; a; a = a->next)
		if (!a->ns && strcmp((const char *)a->name, name) == 0)
			return "";
	return NULL;
}

xmlNode *imp_next(xmlNode *n, const xmlNode *top)
{
	for (xmlNode *k = n->children; k; k = k->next)
		if (k->type == XML_ELEMENT_NODE)
			return k;
	while (n && n != top) {
		for (xmlNode *s = n->next; s; s = s->next)
			if (s->type == XML_ELEMENT_NODE)
				return s;
		n = n->parent;
	}
	return NULL;
}

xmlNode *imp_child(xmlNode *parent, const char *name)
{
	for (xmlNode *k = parent ? parent->children : NULL; k; k = k->next)
		if (imp_is(k, name))
			return k;
	return NULL;
}

const char *imp_sv(imp_ctx *c, const char *v)
{
	if (!v)
		return "–";
	char *o = arena_alloc(c->a, strlen(v) + 3);
	size_t k = 0;
	for (const char *s = v; *s; s++) {
		if (*s == '-' && s == v) {
			memcpy(o + k, "\xE2\x88\x92", 3);
			k += 3;
		} else {
			o[k++] = *s == '.' ? ',' : *s;
		}
	}
	o[k] = '\0';
	return o;
}

bool imp_same_number(const char *a, const char *b)
{
	dec x, y;
	if (!a || !b)
		return false;
	if (dec_parse(a, &x) != DEC_OK || dec_parse(b, &y) != DEC_OK)
		return strcmp(a, b) == 0;
	return x == y;
}

void imp_report(imp_ctx *c, const xmlNode *n, const char *what, const char *old,
                   const char *now, bool is_text, const char *source)
{
	c->changes++;
	long line = xmlGetLineNo(n);
	for (const xmlNode *p = n->parent; line <= 0 && p && p->type == XML_ELEMENT_NODE; p = p->parent)
		line = xmlGetLineNo(p);   /* a new element: where its parent stands */
	if (is_text)
		diag_add(c->d, D_IMPORT, c->doc_file, line, "%s: %s%s%s → \"%s\" (%s)", what,
		         old ? "\"" : "", old ? old : "–", old ? "\"" : "", now, source);
	else
		diag_add(c->d, D_IMPORT, c->doc_file, line, "%s: %s → %s (%s)",
		         what, imp_sv(c, old), imp_sv(c, now), source);
}

void imp_set_attr(imp_ctx *c, xmlNode *n, const char *name, const char *value, bool is_text,
                  const char *what, const char *source)
{
	const char *old = imp_attr(n, name);
	if (old && (is_text ? strcmp(old, value) == 0 : imp_same_number(old, value)))
		return;
	char *keep = old ? arena_strdup(c->a, old) : NULL;
	xmlSetProp(n, (const xmlChar *)name, (const xmlChar *)value);
	imp_report(c, n, what, keep, value, is_text, source);
}

void imp_set_text(imp_ctx *c, xmlNode *n, const char *value, const char *what, const char *source)
{
	xmlChar *old = xmlNodeGetContent(n);
	char *keep = NULL;
	if (old) {
		keep = arena_strdup(c->a, (const char *)old);
		/* the XML allows white space around a number */
		size_t len = strlen(keep);
		while (len && strchr(" \t\r\n", keep[len - 1]))
			keep[--len] = '\0';
		keep += strspn(keep, " \t\r\n");
		xmlFree(old);
	}
	if (keep && *keep && imp_same_number(keep, value))
		return;
	xmlNodeSetContent(n, (const xmlChar *)value);
	imp_report(c, n, what, keep && *keep ? keep : NULL, value, false, source);
}

/* The white space before n's start tag, from its last newline on ("\n    "). */
static const char *indent_before(imp_ctx *c, const xmlNode *n)
{
	const xmlNode *p = n->prev;
	if (!p || p->type != XML_TEXT_NODE || !p->content)
		return NULL;
	const char *s = (const char *)p->content;
	if (s[strspn(s, " \t\r\n")] != '\0')
		return NULL;
	const char *nl = strrchr(s, '\n');
	return nl ? arena_strdup(c->a, nl) : NULL;
}

static xmlNode *ws(imp_ctx *c, const char *s)
{
	return xmlNewDocText(c->doc, (const xmlChar *)s);
}

static xmlNode *new_element(imp_ctx *c, xmlNode *parent, const char *name)
{
	xmlNs *ns = xmlSearchNsByHref(c->doc, parent, (const xmlChar *)IMP_NS);
	return xmlNewDocNode(c->doc, ns, (const xmlChar *)name, NULL);
}

xmlNode *imp_insert(imp_ctx *c, xmlNode *parent, const char *name, imp_rank_fn rank,
                    int key, int (*key_of)(const xmlNode *))
{
	xmlNode *el = new_element(c, parent, name);
	int r = 0;
	xmlNode *probe = el;   /* rank() reads the name only */
	r = rank(probe);
	xmlNode *before = NULL, *last = NULL;
	for (xmlNode *k = parent->children; k; k = k->next) {
		if (k->type != XML_ELEMENT_NODE)
			continue;
		int rk = rank(k);
		if (rk > r || (rk == r && key != INT_MAX && key_of && key_of(k) > key)) {
			before = k;
			break;
		}
		last = k;
	}
	if (before) {
		const char *ind = indent_before(c, before);
		xmlAddPrevSibling(before, el);
		if (ind)
			xmlAddPrevSibling(before, ws(c, ind));
	} else if (last) {
		const char *ind = indent_before(c, last);
		xmlNode *at = last;
		if (ind) {
			at = xmlAddNextSibling(last, ws(c, ind));
		}
		xmlAddNextSibling(at, el);
	} else {
		/* the parent's first element child: one level (two spaces) deeper than it */
		const char *pi = indent_before(c, parent);
		if (!pi)
			pi = "\n";
		char *inner = arena_printf(c->a, "%s  ", pi);
		bool empty = !parent->children;
		if (empty) {
			xmlAddChild(parent, ws(c, inner));
			xmlAddChild(parent, el);
			xmlAddChild(parent, ws(c, pi));
		} else {
			xmlNode *first = parent->children;
			xmlAddPrevSibling(first, el);
			xmlAddPrevSibling(el, ws(c, inner));
		}
	}
	return el;
}

const char *imp_included_file(const imp_ctx *c, const char *id, const char *element)
{
	const sr_model *m = c->model;
	if (!m)
		return NULL;
	for (size_t i = 0; i < m->n_ids; i++) {
		const id_entry *e = &m->ids[i];
		if (strcmp(e->id, id) == 0 && (!element || strcmp(e->element, element) == 0) &&
		    e->loc.file && strcmp(e->loc.file, m->file) != 0)
			return e->loc.file;
	}
	if (element && strcmp(element, "namndbidrag") == 0)
		for (size_t i = 0; i < m->n_bidrag; i++)
			if (m->bidrag[i].namndref && strcmp(m->bidrag[i].namndref, id) == 0 &&
			    m->bidrag[i].loc.file && strcmp(m->bidrag[i].loc.file, m->file) != 0)
				return m->bidrag[i].loc.file;
	return NULL;
}
