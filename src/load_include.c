/* SPDX-License-Identifier: Apache-2.0 */
/* load_include.c - resolves xi:include by hand: only relative hrefs inside the main
 * document's folder tree, parsed with the same safe options, spliced in place, each
 * spliced root remembering its file name for diagnostics. */
#include "load_private.h"
#include <ctype.h>
#include <errno.h>
#include <libxml/parser.h>
#include <stdlib.h>
#include <string.h>

const char *load_node_file(const load_ctx *c, const xmlNode *n)
{
	if (!c->spliced)
		return c->main_file;   /* one file: no walk up to the root for every node */
	for (; n && n->type != XML_DOCUMENT_NODE; n = n->parent)
		if (n->type == XML_ELEMENT_NODE && n->_private)
			return n->_private;
	return c->main_file;
}

long load_node_line(const xmlNode *n)
{
	long l = n ? xmlGetLineNo(n) : 0;
	return l < 0 ? 0 : l;
}

static bool is_xi_include(const xmlNode *n)
{
	return n->type == XML_ELEMENT_NODE && n->ns && n->ns->href &&
	       strcmp((const char *)n->ns->href, LOAD_XI_NS) == 0 &&
	       strcmp((const char *)n->name, "include") == 0;
}

static bool has_scheme(const char *href)
{
	if (!isalpha((unsigned char)href[0]))
		return false;
	const char *p = href + 1;
	while (isalnum((unsigned char)*p) || *p == '+' || *p == '-' || *p == '.')
		p++;
	return *p == ':';
}

/* Checks the xi:include's form; returns its href (xmlFree) or NULL after a diagnostic. */
static xmlChar *include_href(load_ctx *c, xmlNodePtr n)
{
	const char *file = load_node_file(c, n);
	long line = load_node_line(n);
	for (xmlAttrPtr at = n->properties; at; at = at->next) {
		const char *an = (const char *)at->name;
		if (!at->ns && (strcmp(an, "href") == 0 || strcmp(an, "parse") == 0))
			continue;
		diag_add(c->d, D_INC_FORM, file, line,
		         "xi:include får bara ha attributen href och parse, inte %s", an);
		return NULL;
	}
	for (xmlNodePtr k = n->children; k; k = k->next)
		if (k->type == XML_ELEMENT_NODE) {
			diag_add(c->d, D_INC_FORM, file, line,
			         "xi:include får inte innehålla <%s> (fallback stöds inte)", k->name);
			return NULL;
		}
	xmlChar *parse = xmlGetNoNsProp(n, BAD_CAST "parse");
	bool parse_ok = !parse || strcmp((const char *)parse, "xml") == 0;
	if (!parse_ok)
		diag_add(c->d, D_INC_FORM, file, line,
		         "xi:include med parse=\"%s\" stöds inte; bara XML kan inkluderas", parse);
	xmlFree(parse);
	xmlChar *href = xmlGetNoNsProp(n, BAD_CAST "href");
	if (parse_ok && (!href || !*href))
		diag_add(c->d, D_INC_FORM, file, line, "xi:include saknar attributet href");
	if (!parse_ok || !href || !*href) {
		xmlFree(href);
		return NULL;
	}
	return href;
}

/* Removes "." and resolves ".." textually in an absolute path, in place. */
static void normalize(char *p)
{
	char *out = p, *in = p;
	while (*in) {
		while (*in == '/')
			in++;
		char *seg = in;
		while (*in && *in != '/')
			in++;
		size_t n = (size_t)(in - seg);
		if (n == 0 || (n == 1 && seg[0] == '.'))
			continue;
		if (n == 2 && seg[0] == '.' && seg[1] == '.') {
			while (out > p && *--out != '/')
				;
			continue;
		}
		*out++ = '/';
		memmove(out, seg, n);
		out += n;
	}
	if (out == p)
		*out++ = '/';
	*out = '\0';
}

static bool inside(const char *root, const char *path)
{
	size_t n = strlen(root);
	if (n == 1 && root[0] == '/')
		return true;
	return strncmp(root, path, n) == 0 && (path[n] == '/' || path[n] == '\0');
}

static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return xstrdup(".");
	size_t n = slash == path ? 1 : (size_t)(slash - path);
	char *d = xmalloc(n + 1);
	memcpy(d, path, n);
	d[n] = '\0';
	return d;
}

/* Resolves href against the includer's folder; returns the target's realpath (free)
 * or NULL after a diagnostic. *display gets the name used in messages (arena). */
static char *resolve(load_ctx *c, xmlNodePtr n, const char *includer, const char *href,
                     const char **display)
{
	const char *file = load_node_file(c, n);
	long line = load_node_line(n);
	if (has_scheme(href) || href[0] == '/' || href[0] == '\\') {
		diag_add(c->d, D_INC_PATH, file, line, "xi:include href=\"%s\" är %s; bara relativa "
		         "sökvägar inom dokumentets mapp är tillåtna", href,
		         has_scheme(href) ? "en adress med URI-schema (nätverk hämtas aldrig)" : "en absolut sökväg");
		return NULL;
	}
	char *dir = dir_of(includer);
	*display = strcmp(dir, ".") == 0 ? arena_strdup(c->a, href) : arena_printf(c->a, "%s/%s", dir, href);
	char *dreal = realpath(dir, NULL);
	free(dir);
	if (!c->main_dir_real || !dreal) {
		free(dreal);
		diag_add(c->d, D_INC_READ, file, line, "mappen för xi:include href=\"%s\" kan inte läsas", href);
		return NULL;
	}
	char *lex = xmalloc(strlen(dreal) + strlen(href) + 2);
	sprintf(lex, "%s/%s", dreal, href);
	free(dreal);
	normalize(lex);
	bool ok = inside(c->main_dir_real, lex);
	free(lex);
	char *real = ok ? realpath(*display, NULL) : NULL;
	if (ok && !real) {
		diag_add(c->d, D_INC_READ, file, line, "den inkluderade filen %s kan inte läsas: %s",
		         *display, errno == ENOENT ? "filen finns inte" : "åtkomst nekad eller ogiltig sökväg");
		return NULL;
	}
	if (!ok || !inside(c->main_dir_real, real)) {
		diag_add(c->d, D_INC_PATH, file, line, "xi:include href=\"%s\" pekar utanför "
		         "huvuddokumentets mapp%s", href, ok ? " (via en symbolisk länk)" : "");
		free(real);
		return NULL;
	}
	return real;
}

static bool in_chain(const load_ctx *c, const char *real)
{
	for (int i = 0; i < c->depth; i++)
		if (strcmp(c->chain[i], real) == 0)
			return true;
	return false;
}

/* Parses the included file and puts a copy of its root where n stands. */
static xmlNodePtr splice(load_ctx *c, xmlNodePtr n, const char *display, const char *real)
{
	const char *file = load_node_file(c, n);
	long line = load_node_line(n);
	load_bytes b = {0};
	char why[256];
	if (load_read_file(real, &b, why, sizeof why) != 0) {
		diag_add(c->d, D_INC_READ, file, line, "den inkluderade filen %s kan inte läsas: %s",
		         display, why);
		return NULL;
	}
	if (b.len > LOAD_MAX_SPLICED - c->spliced_bytes) {
		free(b.data);
		c->include_limit_hit = true;
		diag_add(c->d, D_XML_LIMIT, file, line, "de inkluderade filerna är tillsammans större "
		         "än 64 MiB (%s gick över gränsen); gränsen skyddar mot inkluderingsbomber",
		         display);
		return NULL;
	}
	c->spliced_bytes += b.len;
	xmlDocPtr inc = load_parse(c, b.data, b.len, display);
	free(b.data);
	if (!inc)
		return NULL;
	xmlNodePtr copy = xmlDocCopyNode(xmlDocGetRootElement(inc), n->doc, 1);
	xmlFreeDoc(inc);
	if (!copy)
		arena_out_of_memory();   /* inside libxml2 */
	copy->_private = (void *)display;
	c->spliced = true;
	xmlReplaceNode(n, copy);
	xmlFreeNode(n);
	return copy;
}

/* Every file read into the document, so that render can refuse to write over one. */
static void remember_included(load_ctx *c, const char *real)
{
	if (c->n_included == c->cap_included) {
		size_t cap = c->cap_included ? c->cap_included * 2 : 8;
		const char **grown = arena_calloc(c->a, cap, sizeof *grown);
		if (c->n_included)
			memcpy(grown, c->included, c->n_included * sizeof *grown);
		c->included = grown;
		c->cap_included = cap;
	}
	c->included[c->n_included++] = real;
}

static bool include_one(load_ctx *c, xmlNodePtr n, const char *includer, xmlNodePtr *out)
{
	*out = NULL;
	if (c->include_limit_hit)
		return false;   /* told once, at the include that went over */
	if (++c->n_resolved > LOAD_MAX_INCLUDES) {
		c->include_limit_hit = true;
		diag_add(c->d, D_XML_LIMIT, load_node_file(c, n), load_node_line(n),
		         "dokumentet har fler än %d xi:include (de inkluderade filernas medräknade); "
		         "gränsen skyddar mot inkluderingsbomber", LOAD_MAX_INCLUDES);
		return false;
	}
	xmlChar *href = include_href(c, n);
	if (!href)
		return false;
	const char *display = NULL;
	char *real = resolve(c, n, includer, (const char *)href, &display);
	xmlFree(href);
	if (!real)
		return false;
	bool ok = false;
	if (in_chain(c, real))
		diag_add(c->d, D_INC_LOOP, load_node_file(c, n), load_node_line(n),
		         "%s inkluderar sig själv (direkt eller via en annan fil)", display);
	else if (c->depth > LOAD_MAX_INCLUDE_DEPTH)
		diag_add(c->d, D_XML_LIMIT, load_node_file(c, n), load_node_line(n),
		         "xi:include är nästlade i fler än %d nivåer", LOAD_MAX_INCLUDE_DEPTH);
	else if ((*out = splice(c, n, display, real)) != NULL) {
		c->chain[c->depth++] = arena_strdup(c->a, real);
		remember_included(c, c->chain[c->depth - 1]);
		ok = load_includes(c, *out, display);
		c->depth--;
	}
	free(real);
	return ok;
}

/* memchr for a byte that is rare in a report, then the rest: faster than memmem. */
static bool has_seq(const char *data, size_t len, const char *seq, size_t n)
{
	const char *end = data + len;
	for (const char *p = data; (p = memchr(p, seq[0], (size_t)(end - p))); p++)
		if ((size_t)(end - p) >= n && memcmp(p, seq, n) == 0)
			return true;
	return false;
}

bool load_may_include(const char *data, size_t len)
{
	return has_seq(data, len, "XInclude", 8) || has_seq(data, len, "&#", 2);
}

bool load_includes(load_ctx *c, xmlNodePtr root, const char *includer)
{
	if (is_xi_include(root)) {
		xmlNodePtr copy;
		bool ok = include_one(c, root, includer, &copy);
		if (!copy) {
			xmlUnlinkNode(root);   /* keep the tree free of failed includes */
			xmlFreeNode(root);
		}
		return ok;
	}
	bool ok = true;
	xmlNodePtr k = root->children;
	while (k) {
		xmlNodePtr next = k->next;
		if (k->type == XML_ELEMENT_NODE && !load_includes(c, k, includer))
			ok = false;
		k = next;
	}
	return ok;
}
