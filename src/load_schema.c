/* SPDX-License-Identifier: Apache-2.0 */
/* load_schema.c - compiles the embedded XSD once and validates a spliced document
 * with it, turning libxml2's English schema errors into Swedish diagnostics built
 * from the offending node. */
#include "load_private.h"
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <stdlib.h>
#include <string.h>

extern const unsigned char xsd_styrrapport[];
extern const unsigned long xsd_styrrapport_len;

struct load_schema {
	xmlSchemaPtr schema;
};

static void ignore_structured(void *ud, xmlErrorPtr e)
{
	(void)ud;
	(void)e;
}

static void ignore_generic(void *ud, const char *fmt, ...)
{
	(void)ud;
	(void)fmt;
}

/* libxml2 must print nothing itself: silence its process-wide channels around a call. */
typedef struct quiet {
	xmlStructuredErrorFunc s;
	void *sctx;
	xmlGenericErrorFunc g;
	void *gctx;
} quiet;

static quiet quiet_begin(void)
{
	quiet q = {xmlStructuredError, xmlStructuredErrorContext, xmlGenericError, xmlGenericErrorContext};
	xmlSetStructuredErrorFunc(NULL, ignore_structured);
	xmlSetGenericErrorFunc(NULL, ignore_generic);
	return q;
}

static void quiet_end(quiet q)
{
	xmlSetStructuredErrorFunc(q.sctx, q.s);
	xmlSetGenericErrorFunc(q.gctx, q.g);
}

load_schema *load_schema_new_from(const unsigned char *xsd, unsigned long len)
{
	xmlInitParser();
	quiet q = quiet_begin();
	xmlSchemaParserCtxtPtr p = xmlSchemaNewMemParserCtxt((const char *)xsd, (int)len);
	xmlSchemaPtr schema = NULL;
	if (p) {
		xmlSchemaSetParserStructuredErrors(p, ignore_structured, NULL);
		schema = xmlSchemaParse(p);
		xmlSchemaFreeParserCtxt(p);
	}
	quiet_end(q);
	if (!schema)
		return NULL;
	load_schema *s = xcalloc(1, sizeof *s);
	s->schema = schema;
	return s;
}

load_schema *load_schema_new(void)
{
	return load_schema_new_from(xsd_styrrapport, xsd_styrrapport_len);
}

void load_schema_free(load_schema *s)
{
	if (!s)
		return;
	xmlSchemaFree(s->schema);
	free(s);
}

/* ---- error mapping ---- */

typedef struct schema_errors {
	load_ctx *c;
	const xmlNode *last_node;     /* the last value error, to drop libxml2's echo */
	char last_attr[64];
	bool oom;                     /* an allocation failed in the error handler */
} schema_errors;

/* Copies the text between `after` and the next `close` in msg into out. */
static bool between(const char *msg, const char *after, char close, char *out, size_t n)
{
	const char *p = msg ? strstr(msg, after) : NULL;
	if (!p)
		return false;
	p += strlen(after);
	const char *e = strchr(p, close);
	if (!e)
		return false;
	snprintf(out, n, "%.*s", (int)(e - p), p);
	return true;
}

/* "( {urn:styrrapport:1}a, {urn:styrrapport:1}b )" -> "<a>, <b>" */
static void expected_list(const char *msg, char *out, size_t n)
{
	char raw[512];
	out[0] = '\0';
	const char *p = msg ? strstr(msg, "Expected is") : NULL;
	if (!p || !between(p, "( ", ')', raw, sizeof raw))
		return;
	size_t used = 0;
	for (char *tok = strtok(raw, ", "); tok; tok = strtok(NULL, ", ")) {
		char *name = strrchr(tok, '}');
		name = name ? name + 1 : tok;
		if (!*name)
			continue;
		int w = snprintf(out + used, n - used, "%s<%s>", used ? ", " : "", name);
		if (w < 0 || (size_t)w >= n - used)
			break;
		used += (size_t)w;
	}
}

static const char *type_hint(const char *msg)
{
	if (strstr(msg, "'xs:date'"))
		return "ett datum på formen ÅÅÅÅ-MM-DD";
	if (strstr(msg, "'xs:NCName'") || strstr(msg, "idLista"))
		return "ett id (bokstäver, siffror, '-', '_', '.'; inte siffra först, inga mellanslag)";
	if (strstr(msg, "'xs:integer'") || strstr(msg, "intLista"))
		return "heltal";
	if (strstr(msg, "termLista") || strstr(msg, "'{urn:styrrapport:1}term'"))
		return "id:n, med '-' före ett id som ska räknas negativt";
	return "rätt form";
}

static const char *pattern_hint(const char *attr)
{
	if (strcmp(attr, "kommunkod") == 0)
		return "fyra siffror, t.ex. 0180";
	if (strcmp(attr, "ar") == 0)
		return "ett årtal mellan 1900 och 2199, t.ex. 2025";
	if (strcmp(attr, "taljare") == 0 || strcmp(attr, "namnare") == 0)
		return "id:n, med '-' före ett id som ska räknas negativt";
	if (strstr(attr, "farg"))   /* the layout file's colours */
		return "en färg på formen #RRGGBB, t.ex. #1f3a5f";
	if (strcmp(attr, "id") == 0)
		return "ett känt avsnitt eller avsnitt:<id> (se docs/layouts.md)";
	return "rätt form";
}

/* Where the value stood: "i attributet x i <el>" or "i <el>". */
static void value_place(char *out, size_t n, const char *attr, const char *el)
{
	if (*attr)
		snprintf(out, n, "i attributet %s i <%s>", attr, el);
	else
		snprintf(out, n, "i <%s>", el);
}

static enum diag_code value_message(const xmlError *e, const char *attr, const char *el,
                                    char *out, size_t n)
{
	char place[160], set[400], quoted[512];
	const char *v = diag_quote(quoted, sizeof quoted, e->str1, DIAG_QUOTE_CHARS);
	value_place(place, sizeof place, attr, el);
	switch (e->code) {
	case XML_SCHEMAV_CVC_ENUMERATION_VALID:
		snprintf(set, sizeof set, "%s", e->str2 ? e->str2 : "");
		for (char *q = set, *w = set;; q++) {   /* drop the quotes: 'a', 'b' -> a, b */
			if (*q != '\'')
				*w++ = *q;
			if (!*q)
				break;
		}
		snprintf(out, n, "värdet '%s' %s är inte tillåtet; tillåtna värden: %s", v, place, set);
		break;
	case XML_SCHEMAV_CVC_PATTERN_VALID:
		snprintf(out, n, "värdet '%s' %s har fel form; det ska vara %s", v, place, pattern_hint(attr));
		break;
	case XML_SCHEMAV_CVC_MAXINCLUSIVE_VALID:
		snprintf(out, n, "värdet '%s' %s är för stort; högst %s", v, place, e->str2 ? e->str2 : "?");
		break;
	case XML_SCHEMAV_CVC_MININCLUSIVE_VALID:
		snprintf(out, n, "värdet '%s' %s är för litet; minst %s", v, place, e->str2 ? e->str2 : "?");
		break;
	default:
		snprintf(out, n, "värdet '%s' %s har fel form; det ska vara %s", v, place,
		         type_hint(e->message ? e->message : ""));
	}
	return D_SCHEMA_VALUE;
}

static bool is_value_code(int code)
{
	switch (code) {
	case XML_SCHEMAV_CVC_ENUMERATION_VALID:
	case XML_SCHEMAV_CVC_PATTERN_VALID:
	case XML_SCHEMAV_CVC_MAXINCLUSIVE_VALID:
	case XML_SCHEMAV_CVC_MININCLUSIVE_VALID:
	case XML_SCHEMAV_CVC_MAXEXCLUSIVE_VALID:
	case XML_SCHEMAV_CVC_MINEXCLUSIVE_VALID:
	case XML_SCHEMAV_CVC_LENGTH_VALID:
	case XML_SCHEMAV_CVC_MINLENGTH_VALID:
	case XML_SCHEMAV_CVC_MAXLENGTH_VALID:
	case XML_SCHEMAV_CVC_DATATYPE_VALID_1_2_1:
	case XML_SCHEMAV_CVC_DATATYPE_VALID_1_2_2:
	case XML_SCHEMAV_CVC_DATATYPE_VALID_1_2_3:
	case XML_SCHEMAV_CVC_ATTRIBUTE_3:
	case XML_SCHEMAV_CVC_ELT_5_2_2_1:
	case XML_SCHEMAV_CVC_TYPE_3_1_1:
		return true;
	default:
		return false;
	}
}

static enum diag_code content_message(const xmlError *e, const xmlNode *n, char *out, size_t sz)
{
	const char *el = (const char *)n->name;
	const char *parent = n->parent && n->parent->type == XML_ELEMENT_NODE ? (const char *)n->parent->name : "";
	const char *msg = e->message ? e->message : "";
	char exp[512];
	expected_list(msg, exp, sizeof exp);
	if (strstr(msg, "Missing child")) {
		if (!*exp)
			snprintf(out, sz, "<%s> saknar ett obligatoriskt element", el);
		else if (!strchr(exp, ','))
			snprintf(out, sz, "<%s> saknar %s", el, exp);
		else   /* libxml2 lists the optional ones that could also come first */
			snprintf(out, sz, "<%s> saknar ett obligatoriskt element; väntat: %s", el, exp);
		return D_SCHEMA_MISSING;
	}
	if (*exp)
		snprintf(out, sz, "elementet <%s> är inte tillåtet här i <%s>; väntat: %s", el, parent, exp);
	else
		snprintf(out, sz, "elementet <%s> är inte tillåtet här i <%s>", el, parent);
	return D_SCHEMA_ELEMENT;
}

static enum diag_code map_schema(schema_errors *se, const xmlError *e, const xmlNode *n,
                                 const char *attr, char *out, size_t sz)
{
	const char *el = (const char *)n->name;
	switch (e->code) {
	case XML_SCHEMAV_ELEMENT_CONTENT:
		return content_message(e, n, out, sz);
	case XML_SCHEMAV_CVC_COMPLEX_TYPE_2_2:
		snprintf(out, sz, "<%s> får bara innehålla ett värde, inga element", el);
		return D_SCHEMA_ELEMENT;
	case XML_SCHEMAV_CVC_COMPLEX_TYPE_3_2_1:
	case XML_SCHEMAV_CVC_COMPLEX_TYPE_3_2_2:
		snprintf(out, sz, "attributet %s är inte tillåtet i <%s>", attr, el);
		return D_SCHEMA_ATTR;
	case XML_SCHEMAV_CVC_COMPLEX_TYPE_4:
		snprintf(out, sz, "<%s> saknar attributet %s", el, e->str1 ? e->str1 : attr);
		return D_SCHEMA_ATTR_MISSING;
	case XML_SCHEMAV_CVC_COMPLEX_TYPE_2_1:
		snprintf(out, sz, "<%s> ska vara tomt (bara attribut); text är inte tillåten", el);
		return D_SCHEMA_TEXT;
	case XML_SCHEMAV_CVC_COMPLEX_TYPE_2_3:
		snprintf(out, sz, "<%s> får inte innehålla text direkt, bara element", el);
		return D_SCHEMA_TEXT;
	case XML_SCHEMAV_CVC_ELT_1:
		snprintf(out, sz, "rotelementet ska vara <rapport> eller <namndbidrag> i namnrymden "
		         LOAD_NS ", inte <%s>", el);
		return D_XML_ROOT;
	default:
		break;
	}
	if (is_value_code(e->code))
		return value_message(e, attr, el, out, sz);
	(void)se;
	char msg[512];
	snprintf(msg, sizeof msg, "%s", e->message ? e->message : "");
	for (size_t l = strlen(msg); l && (msg[l - 1] == '\n' || msg[l - 1] == ' ');)
		msg[--l] = '\0';
	snprintf(out, sz, "XML-fel (libxml2 kod %d): %s", e->code, msg);
	return D_XML_OTHER;
}

static void schema_error(schema_errors *se, xmlErrorPtr e)
{
	if (!e || e->level == XML_ERR_WARNING)
		return;
	const xmlNode *n = e->node;
	if (n && n->type == XML_ATTRIBUTE_NODE)
		n = n->parent;
	char attr[64] = "";
	between(e->message, "attribute '", '\'', attr, sizeof attr);
	if (is_value_code(e->code) && n && n == se->last_node && strcmp(attr, se->last_attr) == 0)
		return;   /* the list/atomic echo of a value already reported */
	if (is_value_code(e->code)) {
		se->last_node = n;
		snprintf(se->last_attr, sizeof se->last_attr, "%s", attr);
	}
	const char *file = n ? load_node_file(se->c, n) : se->c->main_file;
	long line = n ? load_node_line(n) : e->line;
	char out[1024];
	enum diag_code code;
	if (n && n->type == XML_ELEMENT_NODE) {
		code = map_schema(se, e, n, attr, out, sizeof out);
	} else {
		code = D_XML_OTHER;
		snprintf(out, sizeof out, "XML-fel (libxml2 kod %d): %s", e->code, e->message ? e->message : "");
	}
	diag_add(se->c->d, code, file, line, "%s", out);
}

struct schema_call {
	schema_errors *se;
	xmlErrorPtr e;
};

static void schema_error_call(void *ctx)
{
	struct schema_call *k = ctx;
	schema_error(k->se, k->e);
}

/* libxml2 calls this: an allocation failure must not unwind through the validator. */
static void on_schema_error(void *ud, xmlErrorPtr e)
{
	schema_errors *se = ud;
	struct schema_call k = {se, e};
	if (!se->oom && arena_try(schema_error_call, &k))
		se->oom = true;
}

bool load_validate(load_ctx *c, const load_schema *s, xmlDocPtr doc)
{
	size_t before = c->d->errors;
	schema_errors se = {.c = c};
	quiet q = quiet_begin();
	xmlSchemaValidCtxtPtr v = xmlSchemaNewValidCtxt(s->schema);
	int rc = -1;
	if (v) {
		xmlSchemaSetValidStructuredErrors(v, on_schema_error, &se);
		rc = xmlSchemaValidateDoc(v, doc);
		xmlSchemaFreeValidCtxt(v);
	}
	quiet_end(q);
	if (se.oom || !v)
		arena_out_of_memory();   /* now that libxml2 is out of the way */
	if (rc != 0 && c->d->errors == before)
		diag_add(c->d, D_XML_OTHER, c->main_file, 0,
		         "XML-fel (libxml2 kod %d): schemavalideringen misslyckades", rc);
	return rc == 0 && c->d->errors == before;
}
