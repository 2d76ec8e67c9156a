/* SPDX-License-Identifier: Apache-2.0 */
/* load.c - the loader's entry points: read the bytes, parse them safely (no DOCTYPE,
 * no network, errors in Swedish), check the root, splice includes, validate, build. */
#include "load_private.h"
#include <errno.h>
#include <fcntl.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- reading ---- */

static void why_errno(char *why, size_t n, int e)
{
	snprintf(why, n, "%s", diag_strerror(e));
}

static int read_fd(int fd, load_bytes *out, char *why, size_t why_len)
{
	size_t cap = 1 << 16, len = 0;
	char *buf = xmalloc(cap + 1);
	for (;;) {
		if (len == cap) {
			if (cap > LOAD_MAX_BYTES) {
				free(buf);
				snprintf(why, why_len, "filen är större än 64 MiB");
				return -2;
			}
			cap *= 2;
			buf = xrealloc(buf, cap + 1);
		}
		ssize_t r = read(fd, buf + len, cap - len);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			why_errno(why, why_len, errno);
			free(buf);
			return -1;
		}
		if (r == 0)
			break;
		len += (size_t)r;
	}
	buf[len] = '\0';
	out->data = buf;
	out->len = len;
	return 0;
}

int load_read_file(const char *path, load_bytes *out, char *why, size_t why_len)
{
	/* O_NONBLOCK: opening a FIFO must not wait for a writer (it is refused below) */
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	if (fd < 0) {
		why_errno(why, why_len, errno);
		return -1;
	}
	struct stat st;
	int rc = -1;
	if (fstat(fd, &st) != 0)
		why_errno(why, why_len, errno);
	else if (S_ISDIR(st.st_mode))
		snprintf(why, why_len, "det är en mapp, inte en fil");
	else if (!S_ISREG(st.st_mode))
		snprintf(why, why_len, "det är ingen vanlig fil");
	else if ((size_t)st.st_size > LOAD_MAX_BYTES) {
		snprintf(why, why_len, "filen är större än 64 MiB");
		rc = -2;
	} else {
		rc = read_fd(fd, out, why, why_len);
	}
	close(fd);
	return rc;
}

/* ---- the prolog: a DOCTYPE is refused before libxml2 sees it ---- */

static long line_at(const char *data, size_t off)
{
	long line = 1;
	for (size_t i = 0; i < off; i++)
		line += data[i] == '\n';
	return line;
}

static size_t skip_past(const char *data, size_t len, size_t i, const char *end)
{
	const char *p = memmem(data + i, len - i, end, strlen(end));
	return p ? (size_t)(p - data) + strlen(end) : len;
}

/* Reports a declared encoding other than UTF-8 (we read every file as UTF-8). */
static void check_declared_encoding(load_ctx *c, const char *decl, size_t n, const char *file)
{
	const char *e = memmem(decl, n, "encoding", 8);
	if (!e)
		return;
	const char *q = e + 8;
	while (q < decl + n && *q != '"' && *q != '\'')
		q++;
	if (q >= decl + n)
		return;
	const char *v = q + 1, *ve = memchr(v, *q, (size_t)(decl + n - v));
	if (!ve)
		return;
	int vl = (int)(ve - v);
	if ((vl == 5 && strncasecmp(v, "UTF-8", 5) == 0) || (vl == 4 && strncasecmp(v, "UTF8", 4) == 0))
		return;
	diag_add(c->d, D_XML_ENCODING, file, line_at(decl, 0),
	         "dokumentet anger kodningen '%.*s'; bara UTF-8 är tillåten", vl, v);
}

/* Scans XML declaration, comments, PIs and white space before the root element.
 * Returns false (D_XML_DOCTYPE given) when a DOCTYPE stands there. */
static bool prolog_ok(load_ctx *c, const char *data, size_t len, const char *file)
{
	size_t i = 0;
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < len) {
		char ch = data[i];
		if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n') {
			i++;
		} else if (len - i >= 5 && memcmp(data + i, "<?xml", 5) == 0 && i <= 3) {
			size_t end = skip_past(data, len, i, "?>");
			check_declared_encoding(c, data + i, end - i, file);
			i = end;
		} else if (len - i >= 2 && memcmp(data + i, "<?", 2) == 0) {
			i = skip_past(data, len, i, "?>");
		} else if (len - i >= 4 && memcmp(data + i, "<!--", 4) == 0) {
			i = skip_past(data, len, i, "-->");
		} else if (len - i >= 9 && strncasecmp(data + i, "<!DOCTYPE", 9) == 0) {
			diag_add(c->d, D_XML_DOCTYPE, file, line_at(data, i),
			         "dokumentet har en DOCTYPE; DOCTYPE och entiteter är inte tillåtna "
			         "(ta bort deklarationen)");
			return false;
		} else {
			break;
		}
	}
	return true;
}

/* The length of the prefix of data made only of bytes in set (data need not end in NUL). */
static size_t strspn_n(const char *data, size_t len, const char *set)
{
	size_t i = 0;
	while (i < len && strchr(set, data[i]) && data[i] != '\0')
		i++;
	return i;
}

/* A UTF-16 or binary file would otherwise reach libxml2 as "UTF-8" and come back
 * as the misleading "document is empty": name what it really is. */
static bool bytes_look_like_text(load_ctx *c, const char *data, size_t len, const char *file)
{
	const unsigned char *u = (const unsigned char *)data;
	if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
		diag_add(c->d, D_XML_ENCODING, file, 1,
		         "filen är kodad i UTF-16; bara UTF-8 är tillåten (spara filen som UTF-8)");
		return false;
	}
	const char *nul = memchr(data, '\0', len);
	if (nul) {
		diag_add(c->d, D_XML_ENCODING, file, line_at(data, (size_t)(nul - data)),
		         "filen innehåller NUL-tecken: den är en binär fil eller UTF-16/32, inte XML i UTF-8");
		return false;
	}
	return true;
}

/* ---- parser errors in Swedish ---- */

typedef struct parse_errors {
	load_ctx *c;
	const char *file;
	int last_code;
	long last_line;
	bool oom;              /* an allocation failed in the error handler */
	bool bad_char;         /* a forbidden character was told: what follows is its echo */
	const char *data;      /* the bytes parsed: to name a forbidden character */
	size_t len;
} parse_errors;

/* ---- which character XML forbids, and where ---- */

/* Length of the valid UTF-8 sequence at p (1..4), 0 when it is none; *cp gets it. */
static size_t utf8_at(const unsigned char *p, size_t left, unsigned long *cp)
{
	if (p[0] < 0x80) {
		*cp = p[0];
		return 1;
	}
	size_t n = p[0] >= 0xF0 && p[0] <= 0xF4 ? 4 : p[0] >= 0xE0 ? 3 : p[0] >= 0xC2 ? 2 : 0;
	if (n == 0 || n > left || (p[0] >= 0xF0 && n != 4))
		return 0;
	unsigned long c = p[0] & (0x7F >> n);
	for (size_t i = 1; i < n; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (p[i] & 0x3F);
	}
	static const unsigned long least[5] = { 0, 0, 0x80, 0x800, 0x10000 };
	if (c < least[n] || c > 0x10FFFF)
		return 0;
	*cp = c;
	return n;
}

static bool xml_char(unsigned long c)
{
	return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
	       (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

static const char *char_kind(unsigned long c)
{
	if (c < 0x20)
		return "ett styrtecken";
	if (c >= 0xD800 && c <= 0xDFFF)
		return "en halva av ett UTF-16-par";
	return "ett icke-tecken";
}

/* The first character XML forbids (or the first bad UTF-8 byte) from the start of line
 * `line` on: a message naming it and its column, in out. False when none is found. */
static bool describe_forbidden(const char *data, size_t len, long line, char *out, size_t n)
{
	size_t i = 0;
	for (long l = 1; l < line && i < len; i++)
		l += data[i] == '\n';
	size_t col = 1;
	for (; i < len; col++) {
		const unsigned char *p = (const unsigned char *)data + i;
		unsigned long c;
		size_t k = utf8_at(p, len - i, &c);
		if (k == 0 && p[0] == 0xED && len - i >= 3 && (p[1] & 0xE0) == 0xA0) {
			c = 0xD000 | ((unsigned long)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
			k = 3;   /* a surrogate written as UTF-8 (CESU-8) */
		} else if (k == 0) {
			snprintf(out, n, "texten är inte giltig UTF-8 (byte 0x%02X i kolumn %zu, till exempel "
			         "ett Latin-1-tecken); spara filen som UTF-8", p[0], col);
			return true;
		}
		if (!xml_char(c)) {
			snprintf(out, n, "tecknet U+%04lX (%s) i kolumn %zu får inte stå i XML; ta bort det",
			         c, char_kind(c), col);
			return true;
		}
		if (c == '\n')
			col = 0;
		i += k;
	}
	return false;
}

/* A character reference to a forbidden character on line `line`, e.g. "&#0;". */
static bool describe_charref(const char *data, size_t len, long line, char *out, size_t n)
{
	size_t i = 0;
	for (long l = 1; l < line && i < len; i++)
		l += data[i] == '\n';
	for (; i + 2 < len && data[i] != '\n'; i++) {
		if (data[i] != '&' || data[i + 1] != '#')
			continue;
		size_t j = i + 2;
		bool hex = j < len && data[j] == 'x';
		char *end;
		char num[24] = "";
		size_t k = 0;
		for (j += hex; j < len && k + 1 < sizeof num && data[j] != ';' && data[j] != '\n'; j++)
			num[k++] = data[j];
		unsigned long c = strtoul(num, &end, hex ? 16 : 10);
		if (*end || k == 0 || xml_char(c))
			continue;
		snprintf(out, n, "teckenreferensen &#%s%s; pekar på tecknet U+%04lX (%s), som inte får "
		         "stå i XML; ta bort den", hex ? "x" : "", num, c, char_kind(c));
		return true;
	}
	return false;
}

static void trim_msg(char *buf, size_t n, const char *msg)
{
	snprintf(buf, n, "%s", msg ? msg : "");
	size_t l = strlen(buf);
	while (l && (buf[l - 1] == '\n' || buf[l - 1] == ' '))
		buf[--l] = '\0';
}

static bool map_syntax(const xmlError *e, char *out, size_t n)
{
	const char *s1 = e->str1 ? e->str1 : "?", *s2 = e->str2 ? e->str2 : "?";
	switch (e->code) {
	case XML_ERR_TAG_NAME_MISMATCH:
		snprintf(out, n, "sluttaggen </%s> matchar inte <%s> (öppnad på rad %d)", s2, s1, e->int1);
		return true;
	case XML_ERR_TAG_NOT_FINISHED:
		snprintf(out, n, "elementet <%s> avslutas aldrig (sluttagg saknas)", s1);
		return true;
	case XML_ERR_DOCUMENT_EMPTY:
		snprintf(out, n, "filen innehåller inget XML-element (den är inte en XML-fil)");
		return true;
	case XML_ERR_DOCUMENT_END:
	case XML_ERR_EXTRA_CONTENT:
		snprintf(out, n, "det finns innehåll efter rotelementets slut"); return true;
	case XML_ERR_GT_REQUIRED: snprintf(out, n, "tecknet '>' saknas i en tagg"); return true;
	case XML_ERR_LTSLASH_REQUIRED: snprintf(out, n, "sluttagg '</' väntades"); return true;
	case XML_ERR_LT_IN_ATTRIBUTE: snprintf(out, n, "tecknet '<' får inte stå i ett attributvärde"); return true;
	case XML_ERR_ATTRIBUTE_NOT_STARTED:
	case XML_ERR_ATTRIBUTE_WITHOUT_VALUE:
		snprintf(out, n, "attributvärdet saknas eller saknar citattecken"); return true;
	case XML_ERR_ATTRIBUTE_NOT_FINISHED: snprintf(out, n, "attributvärdet avslutas inte med citattecken"); return true;
	case XML_ERR_ATTRIBUTE_REDEFINED: snprintf(out, n, "attributet %s står två gånger i samma element", s1); return true;
	case XML_ERR_EQUAL_REQUIRED: snprintf(out, n, "tecknet '=' saknas efter ett attributnamn"); return true;
	case XML_ERR_NAME_REQUIRED:
		snprintf(out, n, "en tagg saknar eller har ett ogiltigt elementnamn"); return true;
	case XML_ERR_SPACE_REQUIRED: snprintf(out, n, "mellanslag saknas mellan attributen"); return true;
	case XML_ERR_UNDECLARED_ENTITY:
	case XML_WAR_UNDECLARED_ENTITY:
		snprintf(out, n, "entiteten &%s; är inte definierad (skriv &amp; för tecknet &)", s1); return true;
	case XML_ERR_ENTITYREF_SEMICOL_MISSING:
		snprintf(out, n, "en entitetsreferens saknar ';' (skriv &amp; för tecknet &)"); return true;
	case XML_ERR_COMMENT_NOT_FINISHED: snprintf(out, n, "en kommentar avslutas aldrig med -->"); return true;
	case XML_ERR_RESERVED_XML_NAME: snprintf(out, n, "XML-deklarationen står inte först i filen"); return true;
	case XML_ERR_DOCUMENT_START: snprintf(out, n, "filen börjar inte med XML"); return true;
	case XML_ERR_NOT_WELL_BALANCED: snprintf(out, n, "elementen är inte korrekt nästlade"); return true;
	case XML_NS_ERR_UNDEFINED_NAMESPACE: snprintf(out, n, "namnrymdsprefixet %s är inte deklarerat", s1); return true;
	default: return false;
	}
}

/* libxml2's hard limits (without XML_PARSE_HUGE, which we never set) arrive as
 * internal errors in English; name the limit in Swedish. */
static bool map_limit(const xmlError *e, char *out, size_t n)
{
	const char *m = e->message ? e->message : "";
	if (strstr(m, "Excessive depth"))
		snprintf(out, n, "elementen är nästlade i fler än 256 nivåer (gränsen för dokumentets djup)");
	else if (strstr(m, "Huge input lookup") || strstr(m, "huge text node") ||
	         strstr(m, "too long") || e->code == XML_ERR_NAME_TOO_LONG)
		snprintf(out, n, "en text, ett attributvärde eller ett namn är för långt "
		         "(gränsen är 10 000 000 tecken för text och 50 000 för namn)");
	else
		return false;
	return true;
}

static enum diag_code classify(const parse_errors *pe, const xmlError *e, char *out, size_t n)
{
	if (map_limit(e, out, n))
		return D_XML_LIMIT;
	switch (e->code) {
	case XML_ERR_INVALID_CHAR:
	case XML_ERR_INVALID_ENCODING:
		if (describe_charref(pe->data, pe->len, e->line, out, n) ||
		    describe_forbidden(pe->data, pe->len, e->line, out, n))
			return D_XML_ENCODING;
		/* fall through */
	case XML_ERR_UNKNOWN_ENCODING:
	case XML_ERR_UNSUPPORTED_ENCODING:
		snprintf(out, n, "texten är inte giltig UTF-8 (till exempel Latin-1-tecken); spara filen som UTF-8");
		return D_XML_ENCODING;
	case XML_ERR_INVALID_CHARREF:
		if (describe_charref(pe->data, pe->len, e->line, out, n))
			return D_XML_ENCODING;
		snprintf(out, n, "teckenreferensen pekar på ett tecken som inte är tillåtet i XML");
		return D_XML_ENCODING;
	case XML_ERR_INTERNAL_ERROR:
	case XML_ERR_NO_MEMORY:
		break;
	default:
		if (map_syntax(e, out, n))
			return D_XML_SYNTAX;
	}
	char msg[512];
	trim_msg(msg, sizeof msg, e->message);
	snprintf(out, n, "XML-fel (libxml2 kod %d): %s", e->code, msg);
	return D_XML_OTHER;
}

static void parse_error(parse_errors *pe, xmlErrorPtr e)
{
	if (!e || e->level == XML_ERR_WARNING)
		return;
	long line = e->line;
	if (e->code == pe->last_code && line == pe->last_line)
		return;   /* libxml2 repeats some errors; report each distinct one */
	pe->last_code = e->code;
	pe->last_line = line;
	char msg[768];
	if (pe->bad_char)
		return;   /* libxml2 stops at it; the rest would be its consequences */
	enum diag_code code = classify(pe, e, msg, sizeof msg);
	pe->bad_char = code == D_XML_ENCODING;
	if (e->code == XML_ERR_DOCUMENT_EMPTY)
		line = 0;
	diag_add(pe->c->d, code, pe->file, line, "%s", msg);
	if (line > 0 && e->int2 > 0)
		diag_set_column(pe->c->d, e->int2);   /* libxml2 keeps the column in int2 */
}

struct parse_call {
	parse_errors *pe;
	xmlErrorPtr e;
};

static void parse_error_call(void *ctx)
{
	struct parse_call *k = ctx;
	parse_error(k->pe, k->e);
}

/* libxml2 calls this: an allocation failure must not unwind through the parser (its
 * global handlers would keep pointing into this stack). */
static void on_parse_error(void *ud, xmlErrorPtr e)
{
	parse_errors *pe = ud;
	struct parse_call k = {pe, e};
	if (!pe->oom && arena_try(parse_error_call, &k))
		pe->oom = true;
}

static void on_generic_error(void *ud, const char *fmt, ...)
{
	(void)ud;
	(void)fmt;   /* libxml2 must never print on its own */
}

xmlDocPtr load_parse(load_ctx *c, const char *data, size_t len, const char *file)
{
	if (len == strspn_n(data, len, " \t\r\n")) {
		diag_add(c->d, D_XML_SYNTAX, file, 0, "filen är tom");
		return NULL;
	}
	if (len > LOAD_MAX_BYTES || len > (size_t)INT32_MAX) {
		diag_add(c->d, D_XML_LIMIT, file, 0, "filen är större än 64 MiB");
		return NULL;
	}
	if (!bytes_look_like_text(c, data, len, file) || !prolog_ok(c, data, len, file))
		return NULL;
	size_t before = c->d->errors;
	parse_errors pe = {c, file, -1, -1, false, false, data, len};
	xmlStructuredErrorFunc old_s = xmlStructuredError;
	void *old_sctx = xmlStructuredErrorContext;
	xmlGenericErrorFunc old_g = xmlGenericError;
	void *old_gctx = xmlGenericErrorContext;
	xmlSetStructuredErrorFunc(&pe, on_parse_error);
	xmlSetGenericErrorFunc(NULL, on_generic_error);
	xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
	xmlDocPtr doc = NULL;
	if (ctxt) {
		doc = xmlCtxtReadMemory(ctxt, data, (int)len, file, "UTF-8",
		                        XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA |
		                        XML_PARSE_COMPACT);
		xmlFreeParserCtxt(ctxt);
	}
	xmlSetStructuredErrorFunc(old_sctx, old_s);
	xmlSetGenericErrorFunc(old_gctx, old_g);
	if (pe.oom || !ctxt) {
		xmlFreeDoc(doc);
		arena_out_of_memory();
	}
	if (doc && (doc->intSubset || doc->extSubset)) {
		diag_add(c->d, D_XML_DOCTYPE, file, 1,
		         "dokumentet har en DOCTYPE; DOCTYPE och entiteter är inte tillåtna");
		xmlFreeDoc(doc);
		return NULL;
	}
	if (!doc && c->d->errors == before)
		diag_add(c->d, D_XML_SYNTAX, file, 0, "dokumentet kunde inte tolkas som XML");
	if (doc && (c->d->errors != before || !xmlDocGetRootElement(doc))) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
	return doc;
}

/* ---- the root ---- */

static bool root_ok(load_ctx *c, xmlNodePtr root)
{
	const char *ns = root->ns && root->ns->href ? (const char *)root->ns->href : NULL;
	const char *name = (const char *)root->name;
	bool known = strcmp(name, "rapport") == 0 || strcmp(name, "namndbidrag") == 0;
	if (known && ns && strcmp(ns, LOAD_NS) == 0)
		return true;
	if (known)
		diag_add(c->d, D_XML_ROOT, c->main_file, load_node_line(root),
		         "rotelementet <%s> ska stå i namnrymden " LOAD_NS ", inte %s%s%s", name,
		         ns ? "'" : "", ns ? ns : "i någon namnrymd alls", ns ? "'" : "");
	else
		diag_add(c->d, D_XML_ROOT, c->main_file, load_node_line(root),
		         "rotelementet ska vara <rapport> i namnrymden " LOAD_NS ", inte <%s>", name);
	return false;
}

/* ---- the whole pipeline of one document ---- */

static char *dir_real(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash ? strndup(path, slash == path ? 1 : (size_t)(slash - path)) : strdup(".");
	if (!dir)
		arena_out_of_memory();
	char *real = realpath(dir, NULL);
	free(dir);
	return real;
}

static sr_model *load_bytes_doc(load_ctx *c, const char *data, size_t len,
                                const load_schema *xsd)
{
	sr_model *m = NULL;
	xmlDocPtr doc = load_parse(c, data, len, c->main_file);
	if (!doc)
		return NULL;
	xmlNodePtr root = xmlDocGetRootElement(doc);
	if (root_ok(c, root) && (!load_may_include(data, len) || load_includes(c, root, c->main_file)) &&
	    load_validate(c, xsd, doc) && c->d->errors == c->errors_before)
		m = load_build(c, doc);
	xmlFreeDoc(doc);
	return m;
}

static sr_model *load_run(const char *data, size_t len, const char *name,
                          const char *real_main, const load_schema *xsd, diag_sink *d)
{
	xmlInitParser();
	arena *a = arena_new();
	load_ctx c = {.a = a, .d = d, .errors_before = d->errors};
	c.main_file = arena_strdup(a, name);
	c.main_dir_real = dir_real(name);
	if (real_main)
		c.chain[c.depth++] = arena_strdup(a, real_main);
	sr_model *m = xsd ? load_bytes_doc(&c, data, len, xsd) : NULL;
	if (!xsd)
		diag_add(d, D_RUNTIME, name, 0, "XML-schemat saknas (internt fel)");
	free(c.main_dir_real);
	if (!m)
		arena_free(a);
	return m;
}

sr_model *load_document(const char *path, const load_schema *xsd, diag_sink *d)
{
	load_bytes b = {0};
	char why[256];
	int rc = load_read_file(path, &b, why, sizeof why);
	if (rc != 0) {
		diag_add(d, rc == -2 ? D_XML_LIMIT : D_FILE_READ, path, 0, "filen kan inte läsas: %s", why);
		return NULL;
	}
	char *real = realpath(path, NULL);
	sr_model *m = load_run(b.data, b.len, path, real, xsd, d);
	free(real);
	free(b.data);
	return m;
}

/* A stream read to its end, with the limit of a file (stdin: `styrrapport validate -`). */
sr_model *load_document_stream(FILE *in, const char *name, const load_schema *xsd, diag_sink *d)
{
	size_t cap = 1 << 16, len = 0;
	char *buf = xmalloc(cap + 1);
	const char *why = NULL;
	for (;;) {
		if (len == cap) {
			if (cap > LOAD_MAX_BYTES) {
				why = "indata är större än 64 MiB";
				break;
			}
			cap *= 2;
			buf = xrealloc(buf, cap + 1);
		}
		size_t n = fread(buf + len, 1, cap - len, in);
		len += n;
		if (n == 0 && ferror(in)) {
			why = diag_strerror(errno);
			break;
		}
		if (n == 0)
			break;
	}
	sr_model *m = NULL;
	if (why) {
		diag_add(d, len >= cap ? D_XML_LIMIT : D_FILE_READ, name, 0, "indata kan inte läsas: %s", why);
	} else {
		buf[len] = '\0';
		m = load_run(buf, len, name, NULL, xsd, d);
	}
	free(buf);
	return m;
}

sr_model *load_document_memory(const char *data, size_t len, const char *name,
                               const load_schema *xsd, diag_sink *d)
{
	if (!name)
		name = "-";
	return load_run(data ? data : "", data ? len : 0, name, NULL, xsd, d);
}
