/* SPDX-License-Identifier: Apache-2.0 */
/* test_pdf.c - the PDF backend, checked with the real tools (pdftotext, pdffonts,
 * pdfinfo, pdfimages, qpdf): text round trip, fonts, bookmarks, links, metadata,
 * PDF/A-2b parts, byte reproducibility, reuse and every error path. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "pdf.h"
#include "img.h"

#define NBSP "\xC2\xA0"
#define MINUS "\xE2\x88\x92"
#define FONTS SR_SOURCE_DIR "/fonts"
#define ICC SR_SOURCE_DIR "/src/resources/sRGB.icc"
#define DATA SR_TEST_DATA "/pdf"

static const char *const promised[] = {
	"Yxmördaren Julia Blomqvist på fäktning i Schweiz",
	"ÅÄÖ åäö Café Müller",
	"Sámi: á č đ ŋ š ŧ ž",
	"1" NBSP "341,5",
	MINUS "13,0",
	"januari–augusti",
	"«citat» § 123 68,7 %",
	/* bytes the content stream's literal strings must escape: ( ) \ and, inside UTF-16
	 * codes, 0x28 (Ĩ), 0x29 (ĩ), 0x0A (Ċ) and 0x0D (č, above) */
	"(a) [b] \\c Ĩĩ Ċċ",
};

typedef struct fixture {
	pdf_writer *w;
	char dir[64];
} fixture;

/* ---- running the tools ---- */

/* Reads f to the end; with text, NUL bytes (binary streams in qpdf's output) become
 * 0x01 so that strstr sees everything. */
static char *slurp_as(FILE *f, bool text)
{
	size_t cap = 4096, n = 0;
	char *s = malloc(cap);
	size_t got;
	while ((got = fread(s + n, 1, cap - n - 1, f)) > 0) {
		n += got;
		if (n + 1 == cap)
			s = realloc(s, cap *= 2);
	}
	s[n] = '\0';
	for (size_t i = 0; text && i < n; i++)
		if (!s[i])
			s[i] = '\1';
	return s;
}

static char *slurp(FILE *f)
{
	return slurp_as(f, true);
}

/* Runs cmd; returns its stdout (caller frees); its stderr goes to *err if asked. */
static char *run(const fixture *fx, const char *cmd, char **err, int *status)
{
	char full[4096], errpath[128];
	snprintf(errpath, sizeof errpath, "%s/stderr.txt", fx->dir);
	snprintf(full, sizeof full, "%s 2>%s", cmd, errpath);
	FILE *p = popen(full, "r");
	assert_non_null(p);
	char *out = slurp(p);
	int st = pclose(p);
	if (status)
		*status = st;
	FILE *e = fopen(errpath, "r");
	assert_non_null(e);
	char *es = slurp(e);
	fclose(e);
	if (err)
		*err = es;
	else
		free(es);
	return out;
}

static unsigned char *read_all(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	char *s = slurp_as(f, false);
	fseek(f, 0, SEEK_END);
	*len = (size_t)ftell(f);
	fclose(f);
	return (unsigned char *)s;
}

/* ---- building display lists by hand ---- */

static dl_item *add(dl_page *p, size_t cap, enum dl_kind kind)
{
	assert_true(p->n_items < cap);
	dl_item *it = &p->items[p->n_items++];
	memset(it, 0, sizeof *it);
	it->kind = kind;
	return it;
}

static void text(dl_page *p, size_t cap, double x, double y, enum lay_font f, const char *s)
{
	dl_item *it = add(p, cap, DL_TEXT);
	it->x = x;
	it->y = y;
	it->font = f;
	it->size = 11;
	it->text = s;
	it->role = ROLE_PARAGRAPH;
}

static void shapes(dl_page *p, size_t cap, const char *image)
{
	dl_item *r = add(p, cap, DL_RECT);
	r->x = 50, r->y = 400, r->w = 200, r->h = 30, r->fill = true;
	r->fill_color = (lay_rgb){230, 240, 250};
	r->line_width = 0.5;
	dl_item *l = add(p, cap, DL_LINE);
	l->x = 50, l->y = 390, l->w = 400, l->h = 0, l->line_width = 1;
	const lay_rgb col[LS_MAX] = {{0, 150, 70}, {240, 190, 0}, {200, 30, 30}, {150, 150, 150}};
	for (int s = 0; s < LS_MAX; s++) {
		dl_item *m = add(p, cap, DL_MARKER);
		m->x = 60 + 20 * s, m->y = 370, m->w = 10, m->shape = (enum lay_shape)s;
		m->color = col[s];
	}
	const char *paths[3] = {DATA "/logo.png", DATA "/logo.jpg", DATA "/logo.png"};
	for (int i = 0; i < 3; i++) {
		dl_item *im = add(p, cap, DL_IMAGE);
		im->x = 300 + 50 * i, im->y = 700, im->w = 40, im->h = 20;
		im->text = image ? image : paths[i];
	}
}

/* Three pages: every promised string, shapes, images, a link to page 3, and five
 * bookmarks in two levels. number varies one figure of the content. */
static lay_result *sample(const char *number, const char *image)
{
	arena *a = arena_new();
	lay_result *r = arena_alloc(a, sizeof *r);
	r->arena = a;
	r->width = 595.276, r->height = 841.89;
	r->n_pages = 3;
	r->pages = arena_calloc(a, 3, sizeof *r->pages);
	enum { CAP = 40 };
	for (size_t i = 0; i < 3; i++)
		r->pages[i].items = arena_calloc(a, CAP, sizeof(dl_item));
	dl_page *p = &r->pages[0];
	text(p, CAP, 50, 780, LF_BOLD, "Delårsrapport januari–augusti 2024");
	for (size_t i = 0; i < sizeof promised / sizeof promised[0]; i++)
		text(p, CAP, 50, 750 - 16.0 * (double)i, i % 2 ? LF_ITALIC : LF_REGULAR, promised[i]);
	text(p, CAP, 50, 600, LF_REGULAR, number);
	shapes(p, CAP, image);
	dl_item *link = add(p, CAP, DL_LINK);
	link->x = 50, link->y = 745, link->w = 300, link->h = 14;
	link->target_page = 3, link->target_y = 800;
	text(&r->pages[1], CAP, 50, 780, LF_BOLD, "Händelser av väsentlig betydelse");
	text(&r->pages[2], CAP, 50, 780, LF_BOLD, "Måluppfyllelse");
	static const struct { int level, page; const char *title; } ol[] = {
		{1, 1, "Förvaltningsberättelse"}, {2, 2, "Händelser av väsentlig betydelse"},
		{2, 2, "Ekonomiskt utfall"}, {1, 3, "Måluppfyllelse"}, {2, 3, "Nämndernas mål"},
	};
	r->n_outline = sizeof ol / sizeof ol[0];
	r->outline = arena_calloc(a, r->n_outline, sizeof *r->outline);
	for (size_t i = 0; i < r->n_outline; i++)
		r->outline[i] = (dl_outline){ol[i].level, ol[i].title, ol[i].page, 800};
	return r;
}

static void free_result(lay_result *r)
{
	arena_free(r->arena);
}

/* The images a validation would have decoded: the writer draws only these (it never
 * opens a file), found by the display list's path. Filled by setup. */
static img_list checked;

static void check_image(const char *name)
{
	img_report rep;
	img_image *im = img_open(DATA, name, NULL, &rep);
	if (!im)
		fail_msg("%s: %s", name, rep.message);
	char key[512];
	snprintf(key, sizeof key, "%s/%s", DATA, name);
	img_set_name(im, key);
	img_list_add(&checked, im);
}

static pdf_info info_of(bool pdfa, const char *title)
{
	pdf_info in = {0};
	in.images = &checked;
	in.title = title;
	in.author = "Sjövik kommun, kommunstyrelsen";
	in.subject = "Delårsrapport för Sjövik kommun";
	in.keywords = "delårsrapport; KS 2024/0456; måluppfyllelse";
	in.creator = "styrrapport 0.1.0";
	in.date = "2024-10-28";
	in.lang = "sv-SE";
	in.pdfa = pdfa;
	in.icc_path = ICC;
	return in;
}

/* Writes the sample to dir/name and returns the full path (static buffer). */
static const char *render(fixture *fx, const char *name, bool pdfa, const char *number)
{
	static char path[256];
	snprintf(path, sizeof path, "%s/%s", fx->dir, name);
	lay_result *r = sample(number, NULL);
	pdf_info in = info_of(pdfa, "Delårsrapport 2024 <utkast> & bilagor");
	char why[512] = "";
	int rc = pdf_write(fx->w, r, &in, path, why, sizeof why);
	if (rc != 0)
		fail_msg("pdf_write: %s", why);
	free_result(r);
	return path;
}

/* ---- fixtures ---- */

static int setup(void **state)
{
	fixture *fx = calloc(1, sizeof *fx);
	snprintf(fx->dir, sizeof fx->dir, "/tmp/test_pdf-XXXXXX");
	if (!mkdtemp(fx->dir))
		return -1;
	check_image("logo.png");
	check_image("logo.jpg");
	char why[256] = "";
	fx->w = pdf_writer_new(FONTS, why, sizeof why);
	if (!fx->w) {
		fprintf(stderr, "pdf_writer_new: %s\n", why);
		return -1;
	}
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	fixture *fx = *state;
	pdf_writer_free(fx->w);
	img_list_free(&checked);
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf %s", fx->dir);
	int rc = getenv("TEST_PDF_KEEP") ? 0 : system(cmd);   /* keep the files to look at */
	free(fx);
	return rc == 0 ? 0 : -1;
}

/* ---- tests ---- */

/* pdftotext prints U+00A0 as a plain space (static buffer). */
static const char *as_extracted(const char *s)
{
	static char buf[256];
	size_t o = 0;
	for (; *s && o + 1 < sizeof buf; s++) {
		if (!memcmp(s, NBSP, 2)) {
			buf[o++] = ' ';
			s++;
		} else {
			buf[o++] = *s;
		}
	}
	buf[o] = '\0';
	return buf;
}

/* The value of "Key: value" in pdfinfo's output (static buffer), or "". */
static const char *field(const char *out, const char *key)
{
	static char buf[256];
	char pat[64];
	snprintf(pat, sizeof pat, "\n%s:", key);
	const char *p = strstr(out, pat);
	if (!p && !strncmp(out, pat + 1, strlen(pat + 1)))
		p = out - 1;
	buf[0] = '\0';
	if (!p)
		return buf;
	p += strlen(pat);
	while (*p == ' ')
		p++;
	size_t n = strcspn(p, "\n");
	snprintf(buf, sizeof buf, "%.*s", (int)n, p);
	return buf;
}

static void text_round_trips_without_warnings(void **state)
{
	fixture *fx = *state;
	for (int pdfa = 0; pdfa < 2; pdfa++) {
		const char *path = render(fx, pdfa ? "a.pdf" : "plain.pdf", pdfa, "Årets resultat 32,1 mnkr");
		char cmd[512], *err;
		snprintf(cmd, sizeof cmd, "pdftotext -enc UTF-8 -layout %s -", path);
		char *out = run(fx, cmd, &err, NULL);
		assert_string_equal(err, "");   /* no "Invalid 'begincidrange' operator" */
		for (size_t i = 0; i < sizeof promised / sizeof promised[0]; i++)
			if (!strstr(out, as_extracted(promised[i])))
				fail_msg("pdftotext lost \"%s\" in:\n%s", promised[i], out);
		assert_non_null(strstr(out, "Årets resultat 32,1 mnkr"));
		assert_non_null(strstr(out, "Måluppfyllelse"));
		free(out);
		free(err);
	}
	/* the page really holds U+00A0 and U+2212 (pdftotext shows U+00A0 as a space) */
	char cmd[512];
	snprintf(cmd, sizeof cmd, "qpdf --qdf --object-streams=disable %s/plain.pdf -", fx->dir);
	char *qdf = run(fx, cmd, NULL, NULL);
	assert_non_null(strstr(qdf, "<003100a0003300340031002c0035>"));   /* 1 341,5 */
	assert_non_null(strstr(qdf, "<221200310033002c0030>"));           /* −13,0 */
	assert_non_null(strstr(qdf, "01280129002001"  "0a010b"));   /* Ĩĩ Ċċ, escapes undone */
	free(qdf);
}

static void qpdf_check_passes(void **state)
{
	fixture *fx = *state;
	for (int pdfa = 0; pdfa < 2; pdfa++) {
		const char *path = render(fx, "check.pdf", pdfa, "42");
		char cmd[512];
		int st;
		snprintf(cmd, sizeof cmd, "qpdf --check %s", path);
		char *out = run(fx, cmd, NULL, &st);
		if (st != 0 || !strstr(out, "No syntax or stream encoding errors"))
			fail_msg("qpdf --check:\n%s", out);
		free(out);
	}
}

static void fonts_are_embedded_subsets_with_unicode(void **state)
{
	fixture *fx = *state;
	const char *path = render(fx, "fonts.pdf", true, "42");
	char cmd[512];
	snprintf(cmd, sizeof cmd, "pdffonts %s", path);
	char *out = run(fx, cmd, NULL, NULL);
	static const char *const names[] = {"+OpenSans ", "+OpenSans-Bold,", "+OpenSans-Italic,"};
	for (int i = 0; i < 3; i++) {
		char *line = strstr(out, names[i]);
		if (!line)
			fail_msg("pdffonts lacks %s:\n%s", names[i], out);
		char *end = strchr(line, '\n');
		*end = '\0';
		if (!strstr(line, "CID TrueType") || !strstr(line, "yes yes yes"))
			fail_msg("font not emb/sub/uni: %s", line);
		*end = '\n';
	}
	free(out);
}

static void bookmarks_nest_with_swedish_titles(void **state)
{
	fixture *fx = *state;
	const char *path = render(fx, "outline.pdf", false, "42");
	char cmd[512];
	snprintf(cmd, sizeof cmd, "qpdf --json --json-key=outlines %s", path);
	char *out = run(fx, cmd, NULL, NULL);
	const char *f = strstr(out, "\"title\": \"Förvaltningsberättelse\"");
	const char *h = strstr(out, "\"title\": \"Händelser av väsentlig betydelse\"");
	const char *e = strstr(out, "\"title\": \"Ekonomiskt utfall\"");
	const char *m = strstr(out, "\"title\": \"Måluppfyllelse\"");
	const char *n = strstr(out, "\"title\": \"Nämndernas mål\"");
	if (!f || !h || !e || !m || !n)
		fail_msg("bookmarks missing:\n%s", out);
	/* qpdf prints a bookmark's kids inside it, before its "title": the level-2
	 * entries come before the level-1 title they belong to. */
	assert_true(h < f && e < f && f < n && n < m);
	free(out);
}

static void links_point_at_pages_and_print(void **state)
{
	fixture *fx = *state;
	const char *path = render(fx, "links.pdf", true, "42");
	char cmd[512];
	snprintf(cmd, sizeof cmd, "qpdf --qdf --object-streams=disable %s -", path);
	char *out = run(fx, cmd, NULL, NULL);
	const char *annot = strstr(out, "/Subtype /Link");
	assert_non_null(annot);
	const char *dict = annot;
	while (dict > out && memcmp(dict, "<<", 2))
		dict--;
	const char *end = strstr(annot, ">>\n");
	assert_non_null(end);
	char buf[1024];
	size_t len = (size_t)(end - dict) < sizeof buf - 1 ? (size_t)(end - dict) : sizeof buf - 1;
	memcpy(buf, dict, len);
	buf[len] = '\0';
	assert_non_null(strstr(buf, "/F 4"));
	assert_non_null(strstr(buf, "/Dest"));
	assert_non_null(strstr(buf, "/Border"));
	free(out);
}

static void info_has_swedish_text_and_document_date(void **state)
{
	fixture *fx = *state;
	const char *path = render(fx, "info.pdf", false, "42");
	char cmd[512];
	snprintf(cmd, sizeof cmd, "pdfinfo -isodates %s", path);
	char *out = run(fx, cmd, NULL, NULL);
	static const char *const want[][2] = {
		{"Title", "Delårsrapport 2024 <utkast> & bilagor"},
		{"Author", "Sjövik kommun, kommunstyrelsen"},
		{"Subject", "Delårsrapport för Sjövik kommun"},
		{"Keywords", "delårsrapport; KS 2024/0456; måluppfyllelse"},
		{"Creator", "styrrapport 0.1.0"},
		{"Producer", "styrrapport 0.1.0 (libharu 2.3.0)"},
		{"CreationDate", "2024-10-28T00:00:00Z"},
		{"ModDate", "2024-10-28T00:00:00Z"},
		{"Pages", "3"},
		{"Page size", "595.276 x 841.89 pts (A4)"},
		{"Encrypted", "no"},
	};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
		if (strcmp(field(out, want[i][0]), want[i][1]))
			fail_msg("pdfinfo %s is \"%s\":\n%s", want[i][0], field(out, want[i][0]), out);
	free(out);
}

static void pdfa_parts_are_present(void **state)
{
	fixture *fx = *state;
	const char *path = render(fx, "pdfa.pdf", true, "42");
	size_t len;
	unsigned char *raw = read_all(path, &len);
	assert_memory_equal(raw, "%PDF-1.7\n", 9);
	/* the /ID (in the cross-reference stream's dictionary): two equal hashes, no longer
	 * the placeholder */
	const char *id = memmem(raw, len, "/ID[<", 5);
	assert_non_null(id);
	id -= 2;   /* as "/ID [ <" */
	assert_int_equal(strspn(id + 7, "0123456789ABCDEF"), 32);
	assert_memory_equal(id + 6, id + 41, 34);
	assert_memory_not_equal(id + 7, "00000000000000000000000000000000", 32);
	/* the XMP packet is stored unfiltered: cut it out and let xmllint judge it */
	const char *x0 = memmem(raw, len, "<?xpacket begin", 15);
	const char *x1 = memmem(raw, len, "<?xpacket end=\"w\"?>", 19);
	assert_true(x0 && x1 && x0 < x1);
	char xmp_path[128];
	snprintf(xmp_path, sizeof xmp_path, "%s/xmp.xml", fx->dir);
	FILE *xf = fopen(xmp_path, "wb");
	assert_non_null(xf);
	fwrite(x0, 1, (size_t)(x1 + 19 - x0), xf);
	fclose(xf);
	char lint[256], *lint_err;
	int lint_st;
	snprintf(lint, sizeof lint, "xmllint --noout %s", xmp_path);
	free(run(fx, lint, &lint_err, &lint_st));
	if (lint_st != 0)
		fail_msg("XMP not well-formed: %s", lint_err);
	free(lint_err);
	free(raw);
	char cmd[512];
	snprintf(cmd, sizeof cmd, "qpdf --qdf --object-streams=disable %s -", path);
	char *out = run(fx, cmd, NULL, NULL);
	static const char *const want[] = {
		"/Type /Metadata", "/Subtype /XML", "/OutputIntents", "/S /GTS_PDFA1",
		"/DestOutputProfile", "/N 3", "/Lang (sv-SE)", "/DisplayDocTitle true",
		"/CMapType 2 def", "beginbfrange", "<0000> <FFFF>", "<D700> <D7FF> <D700>",
		"<pdfaid:part>2</pdfaid:part>", "<pdfaid:conformance>A</pdfaid:conformance>",
		"<pdfuaid:part>1</pdfuaid:part>", "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>",
		"/Type /StructTreeRoot", "/Marked true", "/StructParents 0", "/Tabs /S",
		"/ParentTree",
		"Delårsrapport 2024 &lt;utkast&gt; &amp; bilagor",
		"<rdf:li>Sjövik kommun, kommunstyrelsen</rdf:li>",
		"<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">Delårsrapport för Sjövik kommun",
		"<rdf:li>sv-SE</rdf:li>",
		"<pdf:Keywords>delårsrapport; KS 2024/0456; måluppfyllelse</pdf:Keywords>",
		"<pdf:Producer>styrrapport 0.1.0 (libharu 2.3.0)</pdf:Producer>",
		"<xmp:CreatorTool>styrrapport 0.1.0</xmp:CreatorTool>",
		"<xmp:CreateDate>2024-10-28T00:00:00Z</xmp:CreateDate>",
		"<xmp:ModifyDate>2024-10-28T00:00:00Z</xmp:ModifyDate>",
		"<xmp:MetadataDate>2024-10-28T00:00:00Z</xmp:MetadataDate>",
		"<?xpacket end=\"w\"?>",
	};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
		if (!strstr(out, want[i]))
			fail_msg("PDF/A file lacks \"%s\"", want[i]);
	static const char *const never[] = {
		"/CIDSet", "/Encrypt", "/JavaScript", "/JS ", "<D800>", "/Subtype /Link\n  /Border [ 0 0 1 ]",
	};
	for (size_t i = 0; i < sizeof never / sizeof never[0]; i++)
		if (strstr(out, never[i]))
			fail_msg("PDF/A file has \"%s\"", never[i]);
	free(out);
}

static void plain_pdf_has_no_pdfa_claim(void **state)
{
	fixture *fx = *state;
	const char *path = render(fx, "plain2.pdf", false, "42");
	char cmd[512];
	snprintf(cmd, sizeof cmd, "qpdf --qdf --object-streams=disable %s -", path);
	char *out = run(fx, cmd, NULL, NULL);
	assert_null(strstr(out, "pdfaid"));
	assert_null(strstr(out, "/OutputIntents"));
	assert_non_null(strstr(out, "/CMapType 2 def"));
	free(out);
}

static void same_input_same_bytes(void **state)
{
	fixture *fx = *state;
	size_t la, lb, lc, ld;
	/* glyphs used by an earlier document must not leak into the next one's subset */
	render(fx, "r0.pdf", true, "QZ@#$^~{} ŊŋŦŧ ¿¡ 0123456789");
	unsigned char *a = read_all(render(fx, "r1.pdf", true, "1" NBSP "341,5"), &la);
	unsigned char *b = read_all(render(fx, "r2.pdf", true, "1" NBSP "341,5"), &lb);
	assert_int_equal(la, lb);
	assert_memory_equal(a, b, la);
	/* a writer of its own (another process, another day) gives the same bytes */
	pdf_writer *saved = fx->w;
	char why[256];
	fx->w = pdf_writer_new(FONTS, why, sizeof why);
	assert_non_null(fx->w);
	unsigned char *c = read_all(render(fx, "r3.pdf", true, "1" NBSP "341,5"), &lc);
	pdf_writer_free(fx->w);
	fx->w = saved;
	assert_int_equal(la, lc);
	assert_memory_equal(a, c, la);
	/* one figure changed: different bytes and a different /ID */
	unsigned char *d = read_all(render(fx, "r4.pdf", true, "1" NBSP "341,6"), &ld);
	assert_true(la != ld || memcmp(a, d, la) != 0);
	const char *ida = memmem(a, la, "/ID[<", 5);
	const char *idd = memmem(d, ld, "/ID[<", 5);
	assert_non_null(ida);
	assert_non_null(idd);
	assert_memory_not_equal(ida, idd, 40);
	assert_null(strstr(ida, "<00000000000000000000000000000000>"));
	free(a), free(b), free(c), free(d);
}

static void one_writer_serves_many_documents(void **state)
{
	fixture *fx = *state;
	const lay_metrics *m = pdf_writer_metrics(fx->w);
	double before = m->width(m->ctx, LF_BOLD, 10, "Måluppfyllelse", strlen("Måluppfyllelse"));
	char name[32], num[32];
	for (int i = 0; i < 12; i++) {
		snprintf(name, sizeof name, "many%d.pdf", i);
		snprintf(num, sizeof num, "Dokument %d", i);
		render(fx, name, i % 2, num);
	}
	double after = m->width(m->ctx, LF_BOLD, 10, "Måluppfyllelse", strlen("Måluppfyllelse"));
	assert_true(before > 0 && before == after);
	char cmd[512], *err;
	snprintf(cmd, sizeof cmd, "pdffonts %s/many11.pdf && pdftotext -enc UTF-8 %s/many11.pdf -",
	         fx->dir, fx->dir);
	char *out = run(fx, cmd, &err, NULL);
	assert_string_equal(err, "");
	assert_non_null(strstr(out, "Dokument 11"));
	assert_non_null(strstr(out, "Sámi: á č đ ŋ š ŧ ž"));
	int fonts = 0;
	for (const char *p = out; (p = strstr(p, "yes yes yes")); p++)
		fonts++;
	assert_int_equal(fonts, 3);
	free(out);
	free(err);
}

static double wid(const lay_metrics *m, enum lay_font f, const char *s)
{
	return m->width(m->ctx, f, 10, s, strlen(s));
}

static void metrics_come_from_the_fonts(void **state)
{
	fixture *fx = *state;
	const lay_metrics *m = pdf_writer_metrics(fx->w);
	assert_true(m->ascent > 0.7 && m->ascent < 1.3);
	assert_true(m->descent > 0.1 && m->descent < 0.5);
	double a = wid(m, LF_REGULAR, "a"), b = wid(m, LF_REGULAR, "b");
	assert_true(a > 3 && a < 8);                              /* about half an em */
	assert_true(fabs(wid(m, LF_REGULAR, "ab") - (a + b)) < 1e-9);   /* no kerning */
	assert_true(wid(m, LF_BOLD, "Mmmm") > wid(m, LF_REGULAR, "Mmmm"));
	assert_true(wid(m, LF_REGULAR, "å") > 0);
	assert_true(fabs(m->width(m->ctx, LF_REGULAR, 20, "å", 2) - 2 * wid(m, LF_REGULAR, "å")) < 1e-9);
	/* above U+FFFF: from the fallback font when it has it (😀), else drawn as a space and
	 * measured as one (🦄, issue 16) */
	assert_true(fabs(wid(m, LF_REGULAR, "a\xF0\x9F\xA6\x84" "b") - wid(m, LF_REGULAR, "a b")) < 1e-9);
	assert_true(wid(m, LF_REGULAR, "\xF0\x9F\x98\x80") > wid(m, LF_REGULAR, " "));
	/* len counts bytes: only the first character of "åäö" */
	assert_true(fabs(m->width(m->ctx, LF_REGULAR, 10, "åäö", 2) - wid(m, LF_REGULAR, "å")) < 1e-9);
	assert_true(wid(m, LF_REGULAR, NBSP) > 0);
}

static void images_are_embedded_once_each(void **state)
{
	fixture *fx = *state;
	const char *path = render(fx, "images.pdf", true, "42");
	char cmd[512];
	snprintf(cmd, sizeof cmd, "pdfimages -list %s", path);
	char *out = run(fx, cmd, NULL, NULL);
	/* three placements, two files: pdfimages lists each placement with its object;
	 * the JPEG too is the decoded, checked pixels, never the file's bytes (issue 11) */
	assert_null(strstr(out, " jpeg "));
	assert_non_null(strstr(out, " image "));
	int lines = 0;
	for (const char *p = out; (p = strchr(p, '\n')); p++)
		lines++;
	assert_int_equal(lines, 2 + 3);
	free(out);
	snprintf(cmd, sizeof cmd, "qpdf --show-npages %s >/dev/null && "
	         "qpdf --qdf --object-streams=disable %s - | grep -c '/Subtype /Image'", path, path);
	out = run(fx, cmd, NULL, NULL);
	assert_string_equal(out, "2\n");
	free(out);
	/* the 40 x 20 PNG in a 40 x 20 box keeps its size */
	snprintf(cmd, sizeof cmd, "qpdf --qdf --object-streams=disable %s - | grep -a -c '^40 0 0 20 300 700 cm'", path);
	out = run(fx, cmd, NULL, NULL);
	assert_string_equal(out, "1\n");
	free(out);
}

/* A dashed line is one path with its own dash pattern, and lines after it are solid. */
static void dashed_lines_are_one_path(void **state)
{
	fixture *fx = *state;
	lay_result *r = sample("42", NULL);
	dl_page *pg = &r->pages[0];
	size_t lines = 0;
	for (size_t i = 0; i < pg->n_items; i++)
		if (pg->items[i].kind == DL_LINE && pg->items[i].line_width > 0 && lines++ == 0)
			pg->items[i].dash = 3;
	assert_true(lines >= 1);
	char path[600], why[256], cmd[900];
	snprintf(path, sizeof path, "%s/dash.pdf", fx->dir);
	pdf_info in = info_of(false, "Streckad");
	assert_int_equal(pdf_write(fx->w, r, &in, path, why, sizeof why), 0);
	free_result(r);
	snprintf(cmd, sizeof cmd, "qpdf --qdf --object-streams=disable %s - | grep -a -A4 -e '^\\[3 3\\] 0 d' | grep -a -c -e '0 d$' -e '^Q$'", path);
	char *out = run(fx, cmd, NULL, NULL);
	assert_string_equal(out, "2\n");   /* the pattern, and the restore after the line */
	free(out);
}

/* A wide logo in a square box: drawn at its own aspect ratio, aligned in the box. */
static void images_keep_their_aspect_ratio(void **state)
{
	fixture *fx = *state;
	lay_result *r = sample("42", NULL);
	dl_page *pg = &r->pages[0];
	for (size_t i = 0; i < pg->n_items; i++)
		if (pg->items[i].kind == DL_IMAGE) {
			pg->items[i].w = 100;
			pg->items[i].h = 100;
			pg->items[i].align = LA_CENTER;
		}
	char path[600], why[256], cmd[900];
	snprintf(path, sizeof path, "%s/aspect.pdf", fx->dir);
	pdf_info in = info_of(false, "Logga");
	assert_int_equal(pdf_write(fx->w, r, &in, path, why, sizeof why), 0);
	free_result(r);
	/* 40 x 20 becomes 100 x 50, centred in the 100 x 100 box at (300, 700): y 725 */
	snprintf(cmd, sizeof cmd, "qpdf --qdf --object-streams=disable %s - | grep -a -c '^100 0 0 50 300 725 cm'", path);
	char *out = run(fx, cmd, NULL, NULL);
	assert_string_equal(out, "1\n");
	free(out);
}

static int write_with(fixture *fx, const char *path, bool pdfa, const char *icc,
                      const char *image, char *why, size_t why_len)
{
	lay_result *r = sample("42", image);
	pdf_info in = info_of(pdfa, "Fel");
	in.icc_path = icc;
	int rc = pdf_write(fx->w, r, &in, path, why, why_len);
	free_result(r);
	return rc;
}

static void write_errors_give_reasons(void **state)
{
	fixture *fx = *state;
	char why[512];
	assert_int_equal(write_with(fx, "/nonexistent-dir/x.pdf", false, ICC, NULL, why, sizeof why), -1);
	assert_non_null(strstr(why, "kan inte skriva /nonexistent-dir/x.pdf"));
	if (access("/dev/full", W_OK) == 0) {
		assert_int_equal(write_with(fx, "/dev/full", false, ICC, NULL, why, sizeof why), -1);
		assert_non_null(strstr(why, "kan inte skriva /dev/full: disken är full"));
	}
	char path[128];
	snprintf(path, sizeof path, "%s/err.pdf", fx->dir);
	assert_int_equal(write_with(fx, path, false, ICC, DATA "/saknas.png", why, sizeof why), -1);
	assert_non_null(strstr(why, "saknas.png har inte kontrollerats vid valideringen"));
	/* an existing file that validation did not decode is not drawn either */
	assert_int_equal(write_with(fx, path, false, ICC, DATA "/logo.gif", why, sizeof why), -1);
	assert_non_null(strstr(why, "logo.gif har inte kontrollerats vid valideringen"));
	assert_int_equal(write_with(fx, path, true, DATA "/saknas.icc", NULL, why, sizeof why), -1);
	assert_non_null(strstr(why, "ICC-profilen"));
	assert_int_equal(access(path, F_OK), -1);   /* nothing written on failure */
	/* the writer is still good after every failure */
	why[0] = '\0';
	assert_int_equal(write_with(fx, path, true, ICC, NULL, why, sizeof why), 0);
	assert_string_equal(why, "");
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	assert_true(st.st_size > 1000);
}

static void bad_input_and_libharu_errors_fail(void **state)
{
	fixture *fx = *state;
	char why[512], path[128];
	snprintf(path, sizeof path, "%s/bad.pdf", fx->dir);
	lay_result *r = sample("42", NULL);
	pdf_info in = info_of(true, "Fel");
	in.date = "2024-02-30";
	assert_int_equal(pdf_write(fx->w, r, &in, path, why, sizeof why), -1);
	assert_non_null(strstr(why, "ogiltigt datum"));
	/* a libharu error (a page below its minimum size) comes back as a reason, and the
	 * writer still works afterwards */
	in.date = NULL;
	double width = r->width;
	r->width = 1;
	assert_int_equal(pdf_write(fx->w, r, &in, path, why, sizeof why), -1);
	assert_non_null(strstr(why, "libharu-fel 0x"));
	assert_non_null(strstr(why, "när sidorna skapades"));
	assert_int_equal(access(path, F_OK), -1);
	r->width = width;
	assert_int_equal(pdf_write(fx->w, r, &in, path, why, sizeof why), 0);
	r->n_pages = 0;
	assert_int_equal(pdf_write(fx->w, r, &in, path, why, sizeof why), -1);
	assert_non_null(strstr(why, "inga sidor"));
	free_result(r);
}

static void missing_or_bad_fonts_give_null(void **state)
{
	fixture *fx = *state;
	char why[512] = "";
	assert_null(pdf_writer_new("/nonexistent-fonts", why, sizeof why));
	assert_non_null(strstr(why, "/nonexistent-fonts/OpenSans-Regular.ttf kan inte läsas"));
	/* a folder whose bold font is no TrueType file */
	char dir[128], cmd[512];
	snprintf(dir, sizeof dir, "%s/fonts", fx->dir);
	snprintf(cmd, sizeof cmd, "mkdir -p %s && cp %s/OpenSans-Regular.ttf %s/ && "
	         "printf 'OTTO....' > %s/OpenSans-Bold.ttf", dir, FONTS, dir, dir);
	assert_int_equal(system(cmd), 0);
	assert_null(pdf_writer_new(dir, why, sizeof why));
	assert_non_null(strstr(why, "OpenSans-Bold.ttf är inget TrueType-typsnitt"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(text_round_trips_without_warnings),
		cmocka_unit_test(qpdf_check_passes),
		cmocka_unit_test(fonts_are_embedded_subsets_with_unicode),
		cmocka_unit_test(bookmarks_nest_with_swedish_titles),
		cmocka_unit_test(links_point_at_pages_and_print),
		cmocka_unit_test(info_has_swedish_text_and_document_date),
		cmocka_unit_test(pdfa_parts_are_present),
		cmocka_unit_test(plain_pdf_has_no_pdfa_claim),
		cmocka_unit_test(same_input_same_bytes),
		cmocka_unit_test(one_writer_serves_many_documents),
		cmocka_unit_test(metrics_come_from_the_fonts),
		cmocka_unit_test(images_are_embedded_once_each),
		cmocka_unit_test(images_keep_their_aspect_ratio),
		cmocka_unit_test(dashed_lines_are_one_path),
		cmocka_unit_test(write_errors_give_reasons),
		cmocka_unit_test(bad_input_and_libharu_errors_fail),
		cmocka_unit_test(missing_or_bad_fonts_give_null),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
