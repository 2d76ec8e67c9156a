/* SPDX-License-Identifier: Apache-2.0 */
/* pdf.c - the PDF writer: loads the fonts once, measures text for layout, and turns a
 * display list into a tagged PDF file (PDF/UA-1, and PDF/A-2a unless plain), reusing one
 * libharu document. */
#include "pdf_private.h"
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* libharu calls this on every public-API error. Only the first error of a step is
 * kept (later ones are consequences: errors are sticky); never longjmp out. */
static void on_hpdf_error(HPDF_STATUS code, HPDF_STATUS detail, void *user_data)
{
	pdf_error *e = user_data;
	if (!e->set) {
		e->set = true;
		e->code = code;
		e->detail = detail;
	}
}

static void say(char *why, size_t why_len, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void say(char *why, size_t why_len, const char *fmt, ...)
{
	if (!why || !why_len)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(why, why_len, fmt, ap);
	va_end(ap);
}

/* True (and a reason) if a step failed: by its own return value (bad) or by an error
 * libharu recorded, which internal calls only set without calling the handler. */
static bool failed(pdf_writer *w, bool bad, const char *step, char *why, size_t why_len)
{
	HPDF_STATUS st = HPDF_GetError(w->doc);
	if (!bad && !w->err.set && st == HPDF_OK)
		return false;
	if (!w->err.set) {
		w->err.code = st;
		w->err.detail = HPDF_GetErrorDetail(w->doc);
	}
	say(why, why_len, "PDF:en kunde inte skapas: libharu-fel 0x%04X (detalj %u) när %s",
	    (unsigned)w->err.code, (unsigned)w->err.detail, step);
	return true;
}

static void clear_error(pdf_writer *w)
{
	w->err.set = false;
	HPDF_ResetError(w->doc);
}

long pdf_read_head(const char *path, unsigned char *buf, size_t n)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	size_t got = fread(buf, 1, n, f);
	fclose(f);
	return (long)got;
}

/* Characters above U+FFFF of face f (Private Use Area codes, font.h) into libharu's
 * font definition; if that fails they are spaces, in the layout's widths too. */
static void give_supp(pdf_writer *w, int f)
{
	const font_ttf *t = font_set_ttf(w->fonts, f);
	if (t && t->n_supp && pdf_harux_add_supp(w->doc, w->font_name[f], t) != 0) {
		font_set_drop_supp(w->fonts, f);
		HPDF_ResetError(w->doc);
	}
}

/* Gets a font for the current document on its first use and repairs its /ToUnicode:
 * HPDF_GetFont builds a 65 536-entry glyph map (~5 ms), so a document pays only for
 * the fonts it draws with. */
HPDF_Font pdf_font(pdf_writer *w, int f)
{
	if (f < 0 || f >= FONT_FACES || (f == FONT_FALLBACK && !font_set_path(w->fonts, f)))
		f = LF_REGULAR;
	if (w->font[f])
		return w->font[f];
	if (!w->font_name[f]) {   /* the fallback: read by libharu on its first use */
		const char *path = font_set_path(w->fonts, f);
		w->font_name[f] = HPDF_LoadTTFontFromFile(w->doc, path, HPDF_TRUE);
		if (!w->font_name[f])
			return NULL;
		give_supp(w, f);
	}
	HPDF_Font font = HPDF_GetFont(w->doc, w->font_name[f], "UTF-8");
	const font_ttf *t = font_set_ttf(w->fonts, f);
	int rc = !font ? -1 : t && t->n_supp ? pdf_harux_tounicode_supp(w->doc, font, t)
	                                     : pdf_harux_fix_tounicode(w->doc, font, &w->tounicode);
	if (rc != 0)
		return NULL;
	return w->font[f] = font;
}

/* Starts a fresh document in the same HPDF_Doc: FreeDoc/NewDoc keep the loaded font
 * definitions and encoders, so the fonts are not read again. */
static int fresh_document(pdf_writer *w)
{
	for (int f = 0; f < FONT_FACES; f++)
		w->font[f] = NULL;
	memset(w->used, 0, sizeof w->used);
	w->tounicode = NULL;
	w->ready = false;
	clear_error(w);
	if (HPDF_NewDoc(w->doc) != HPDF_OK)
		return -1;
	if (HPDF_SetCompressionMode(w->doc, HPDF_COMP_ALL) != HPDF_OK)
		return -1;
	w->ready = true;
	return 0;
}

/* The style fonts go to libharu at once (a bad file fails here, not in a render);
 * the fallback only when a document first draws with it. */
static int load_fonts(pdf_writer *w, char *why, size_t why_len)
{
	for (int f = 0; f < LF_MAX; f++) {
		const char *path = font_set_path(w->fonts, f);
		w->font_name[f] = HPDF_LoadTTFontFromFile(w->doc, path, HPDF_TRUE);
		if (!w->font_name[f] || HPDF_GetError(w->doc) != HPDF_OK) {
			say(why, why_len, "typsnittet %s kan inte läsas av libharu (fel 0x%04X)", path,
			    (unsigned)HPDF_GetError(w->doc));
			return -1;
		}
		give_supp(w, f);
	}
	return 0;
}

pdf_writer *pdf_writer_new(const char *font_dir, char *why, size_t why_len)
{
	if (!font_dir) {
		say(why, why_len, "ogiltig typsnittsmapp");
		return NULL;
	}
	font_files ff = font_files_default(font_dir);
	return pdf_writer_new_fonts(&ff, why, why_len);
}

pdf_writer *pdf_writer_new_fonts(const font_files *files, char *why, size_t why_len)
{
	const char *font_dir = files->dir;
	if (!font_dir || strlen(font_dir) >= sizeof ((pdf_writer *)0)->font_dir) {
		say(why, why_len, "ogiltig typsnittsmapp");
		return NULL;
	}
	font_set *fs = font_set_new(files, why, why_len);
	if (!fs)
		return NULL;
	pdf_writer *w = xcalloc(1, sizeof *w);
	w->fonts = fs;
	snprintf(w->font_dir, sizeof w->font_dir, "%s", font_dir);
	w->doc = HPDF_New(on_hpdf_error, &w->err);
	if (!w->doc) {
		say(why, why_len, "libharu kunde inte startas");
		free(w);
		return NULL;
	}
	if (HPDF_UseUTFEncodings(w->doc) != HPDF_OK
	    || HPDF_SetCompressionMode(w->doc, HPDF_COMP_ALL) != HPDF_OK) {
		say(why, why_len, "libharu saknar UTF-8-stöd");
		pdf_writer_free(w);
		return NULL;
	}
	if (load_fonts(w, why, why_len) != 0) {
		pdf_writer_free(w);
		return NULL;
	}
	w->ready = true;   /* HPDF_New started a document; the fonts come on first use */
	return w;
}

void pdf_writer_free(pdf_writer *w)
{
	if (!w)
		return;
	if (w->doc)
		HPDF_Free(w->doc);
	font_set_free(w->fonts);
	free(w->glyphs);
	free(w->keys);
	pdf_ops_free(&w->ops);
	pdf_zip_free(&w->zip);
	free(w);
}

const lay_metrics *pdf_writer_metrics(pdf_writer *w)
{
	return font_set_metrics(w->fonts);
}

/* Cleans every metadata string once, so that Info and XMP carry identical text. */
static const char *clean_meta(char **keep, size_t *n, const char *s)
{
	if (!s)
		return NULL;
	keep[*n] = pdf_bmp_only(s, strlen(s));
	return keep[(*n)++];
}

static void meta_strings(const pdf_info *info, pdf_meta *m, char **keep, size_t *n)
{
	char producer[256];
	snprintf(producer, sizeof producer, "%s (libharu %s)",
	         info->creator ? info->creator : "styrrapport", HPDF_GetVersion());
	/* Info /Subject and XMP dc:description must agree (PDF/A): one string for both. */
	const char *subject = info->subject ? info->subject : info->description;
	m->title = clean_meta(keep, n, info->title);
	m->author = clean_meta(keep, n, info->author);
	m->subject = clean_meta(keep, n, subject);
	m->keywords = clean_meta(keep, n, info->keywords);
	m->creator = clean_meta(keep, n, info->creator);
	m->producer = clean_meta(keep, n, producer);
	m->lang = clean_meta(keep, n, info->lang ? info->lang : "sv-SE");
}

static void set_info(HPDF_Doc doc, const pdf_meta *m)
{
	/* Without the UTF-8 encoder current, libharu writes the raw bytes ("Ã¥"). */
	HPDF_SetCurrentEncoder(doc, "UTF-8");
	const struct { HPDF_InfoType type; const char *value; } attrs[] = {
		{HPDF_INFO_TITLE, m->title}, {HPDF_INFO_AUTHOR, m->author},
		{HPDF_INFO_SUBJECT, m->subject}, {HPDF_INFO_KEYWORDS, m->keywords},
		{HPDF_INFO_CREATOR, m->creator}, {HPDF_INFO_PRODUCER, m->producer},
	};
	for (size_t i = 0; i < sizeof attrs / sizeof attrs[0]; i++)
		if (attrs[i].value)
			HPDF_SetInfoAttr(doc, attrs[i].type, attrs[i].value);
	if (m->year) {
		/* Midnight UTC of the document's own date: never the clock. */
		HPDF_Date d = {m->year, m->month, m->day, 0, 0, 0, 'Z', 0, 0};
		HPDF_SetInfoDateAttr(doc, HPDF_INFO_CREATION_DATE, d);
		HPDF_SetInfoDateAttr(doc, HPDF_INFO_MOD_DATE, d);
	}
}

static unsigned char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 1 << 16, n = 0;
	unsigned char *buf = xmalloc(cap);
	size_t got;
	while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap)
			buf = xrealloc(buf, cap *= 2);
	}
	bool bad = ferror(f);
	fclose(f);
	if (bad) {
		free(buf);
		return NULL;
	}
	*len = n;
	return buf;
}

/* XMP in both modes (PDF/UA-1 wants pdfuaid and dc:title); the OutputIntent for PDF/A. */
static int add_metadata(pdf_writer *w, const pdf_meta *m, const pdf_info *info,
                        char *why, size_t why_len)
{
	size_t xmp_len;
	char *xmp = pdf_xmp_build(m, info->pdfa, &xmp_len);
	int rc = pdf_harux_metadata(w->doc, xmp, xmp_len);
	free(xmp);
	if (failed(w, rc != 0, "XMP-metadata lades till", why, why_len))
		return -1;
	return 0;
}

static int add_pdfa(pdf_writer *w, const pdf_info *info, char *why, size_t why_len)
{
	size_t icc_len = 0;
	unsigned char *icc = info->icc_path ? read_file(info->icc_path, &icc_len) : NULL;
	if (!icc || icc_len < 128) {
		say(why, why_len, "ICC-profilen %s kan inte läsas: %s",
		    info->icc_path ? info->icc_path : "(ingen angiven)",
		    icc ? "filen är för kort" : diag_strerror(errno));
		free(icc);
		return -1;
	}
	int rc = pdf_harux_output_intent(w->doc, icc, icc_len);
	free(icc);
	if (failed(w, rc != 0, "PDF/A-metadata lades till", why, why_len))
		return -1;
	return 0;
}

/* Creates every page first, so that links can point forward. */
static HPDF_Page *add_pages(pdf_writer *w, const lay_result *r)
{
	HPDF_Page *pages = xcalloc(r->n_pages ? r->n_pages : 1, sizeof *pages);
	for (size_t i = 0; i < r->n_pages; i++) {
		pages[i] = HPDF_AddPage(w->doc);
		if (!pages[i])
			break;
		HPDF_Page_SetWidth(pages[i], (HPDF_REAL)r->width);
		HPDF_Page_SetHeight(pages[i], (HPDF_REAL)r->height);
	}
	return pages;
}

/* The pages, each item in its structure element's marked content, then the structure
 * tree (built from the layout's blocks before the first page). */
static int draw_all(pdf_writer *w, const lay_result *r, const struct img_list *images,
                    pdf_tags *tags, char *why, size_t why_len)
{
	HPDF_Page *pages = add_pages(w, r);
	int rc = failed(w, false, "sidorna skapades", why, why_len) ? -1 : 0;
	pdf_images img = {.source = images};
	if (rc == 0 && pdf_tags_build(tags, r, why, why_len) != 0)
		rc = -1;
	for (size_t i = 0; rc == 0 && i < r->n_pages; i++) {
		rc = pdf_draw_page(w, pages, r, i, tags, &img, why, why_len);
		if (rc == 0 && failed(w, false, "en sida ritades", why, why_len))
			rc = -1;
	}
	if (rc == 0 && failed(w, pdf_harux_struct(w->doc, pages, r->n_pages, tags) != 0,
	                      "strukturträdet skrevs", why, why_len))
		rc = -1;
	if (rc == 0 && failed(w, pdf_draw_outline(w, pages, r->n_pages, r) != 0,
	                      "bokmärkena skapades", why, why_len))
		rc = -1;
	pdf_images_free(&img);
	free(pages);
	return rc;
}

/* libharu's file with the structure tree added, everything but the streams in object
 * streams (pdf_pack.c), and the content-hash /ID. */
static unsigned char *pack(const unsigned char *in, size_t len, const pdf_tags *t,
                           size_t *out_len)
{
	size_t base = pdf_pack_count(in, len), id_at = 0;
	pdf_objs objs = {0};
	unsigned char *out = NULL;
	if (base == 0 || pdf_tags_objects(t, t->root_obj, base, t->page_obj, t->annot_obj, &objs) != 0
	    || pdf_pack(in, len, objs.obj, objs.n, &out, out_len, &id_at) != 0
	    || pdf_harux_patch_id(out, *out_len, id_at) != 0) {
		free(out);
		out = NULL;
	}
	pdf_objs_free(&objs);
	return out;
}

/* Saves the document into memory, adds the structure tree, sets the content-hash /ID,
 * writes exactly path. */
static int save(pdf_writer *w, const pdf_tags *t, const char *path, char *why, size_t why_len)
{
	if (failed(w, HPDF_SaveToStream(w->doc) != HPDF_OK, "PDF:en sparades", why, why_len))
		return -1;
	HPDF_UINT32 raw_size = HPDF_GetStreamSize(w->doc);
	unsigned char *raw = xmalloc(raw_size ? raw_size : 1);
	HPDF_UINT32 got = raw_size;
	size_t size = 0;
	HPDF_ResetStream(w->doc);
	unsigned char *buf = NULL;
	if (HPDF_ReadFromStream(w->doc, raw, &got) <= HPDF_STREAM_EOF && got == raw_size)
		buf = pack(raw, raw_size, t, &size);
	free(raw);
	if (!buf) {
		say(why, why_len, "PDF:en kunde inte skapas: den sparade PDF:en kunde inte läsas");
		return -1;
	}
	if (w->mem_out) {   /* pdf_write_memory: the caller writes the file */
		*w->mem_out = buf;
		*w->mem_len = size;
		return 0;
	}
	int rc = 0;
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(buf, 1, size, f) != size || fflush(f) != 0 || ferror(f)) {
		say(why, why_len, "kan inte skriva %s: %s", path, diag_strerror(errno));
		rc = -1;
	}
	if (f && fclose(f) != 0 && rc == 0) {
		say(why, why_len, "kan inte skriva %s: %s", path, diag_strerror(errno));
		rc = -1;
	}
	free(buf);
	return rc;
}

static int build(pdf_writer *w, const lay_result *r, const pdf_info *info, const char *path,
                 char *why, size_t why_len)
{
	char *keep[8];
	size_t n_keep = 0;
	pdf_meta m = {0};
	pdf_tags tags = {0};
	meta_strings(info, &m, keep, &n_keep);
	int rc = 0;
	if (info->date && pdf_parse_date(info->date, &m) != 0) {
		say(why, why_len, "ogiltigt datum i dokumentets metadata: %s", info->date);
		rc = -1;
	}
	if (rc == 0) {
		set_info(w->doc, &m);
		if (failed(w, pdf_harux_catalog(w->doc, m.lang) != 0, "dokumentinformationen skrevs",
		           why, why_len))
			rc = -1;
	}
	if (rc == 0)
		rc = draw_all(w, r, info->images, &tags, why, why_len);
	if (rc == 0)
		rc = add_metadata(w, &m, info, why, why_len);
	if (rc == 0 && info->pdfa)
		rc = add_pdfa(w, info, why, why_len);
	if (rc == 0) {
		pdf_harux_version(w->doc);
		rc = save(w, &tags, path, why, why_len);
	}
	pdf_tags_free(&tags);
	for (size_t i = 0; i < n_keep; i++)
		free(keep[i]);
	return rc;
}

int pdf_write(pdf_writer *w, const lay_result *pages, const pdf_info *info,
              const char *path, char *why, size_t why_len)
{
	if (!w || !pages || !info || !path) {
		say(why, why_len, "PDF:en kunde inte skapas: argument saknas");
		return -1;
	}
	if (!w->ready && fresh_document(w) != 0) {
		say(why, why_len, "typsnitten i %s kunde inte förberedas", w->font_dir);
		return -1;
	}
	if (pages->n_pages == 0) {
		say(why, why_len, "PDF:en kunde inte skapas: dokumentet har inga sidor");
		return -1;
	}
	if (why && why_len)
		why[0] = '\0';
	clear_error(w);
	int rc = build(w, pages, info, path, why, why_len);
	/* Always leave a fresh document behind, and free this one's objects now. */
	if (fresh_document(w) != 0 && rc == 0) {
		say(why, why_len, "typsnitten i %s kunde inte förberedas för nästa dokument",
		    w->font_dir);
		rc = -1;
	}
	return rc;
}

int pdf_write_memory(pdf_writer *w, const lay_result *pages, const pdf_info *info,
                     unsigned char **buf, size_t *len, char *why, size_t why_len)
{
	*buf = NULL;
	*len = 0;
	if (!w)
		return pdf_write(w, pages, info, NULL, why, why_len);
	w->mem_out = buf;
	w->mem_len = len;
	int rc = pdf_write(w, pages, info, "(minne)", why, why_len);
	w->mem_out = NULL;
	w->mem_len = NULL;
	if (rc != 0) {
		free(*buf);
		*buf = NULL;
		*len = 0;
	}
	return rc;
}
