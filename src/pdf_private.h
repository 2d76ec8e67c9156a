/* SPDX-License-Identifier: Apache-2.0 */
/* pdf_private.h - shared between the files of the PDF backend (src/pdf*.c) only; no
 * other module may include it, since it pulls in libharu. */
#ifndef SR_PDF_PRIVATE_H
#define SR_PDF_PRIVATE_H
#include "pdf.h"
#include "diag.h"
#include "font.h"
#include <hpdf.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <zlib.h>

/* The first libharu error of the current step, recorded by the error handler. */
typedef struct pdf_error {
	bool set;
	HPDF_STATUS code, detail;
} pdf_error;

/* ---- pdf_ops.c: a content stream as bytes (no libharu) ---- */

typedef struct pdf_ops {
	char *buf;
	size_t len, cap;
} pdf_ops;

void pdf_ops_free(pdf_ops *o);
/* Appends s as it is. */
void pdf_ops_raw(pdf_ops *o, const char *s);
/* v rounded to whole thousandths (0 for a value that is no coordinate at all). */
long long pdf_ops_milli(double v);
/* Appends m/1000 in the shortest exact form ("12.5", "-0.004", "7"), after a
 * space unless it starts a line or an array. */
void pdf_ops_milli_num(pdf_ops *o, long long m);
void pdf_ops_num(pdf_ops *o, double v);
/* Appends v in decimal, nothing before it (snprintf costs ten times as much, and the
 * structure tree has tens of thousands of numbers). */
void pdf_ops_uint(pdf_ops *o, unsigned long long v);
/* v in decimal into buf (at least 21 bytes), NUL-terminated; returns the length. */
size_t pdf_utoa(char *buf, unsigned long long v);
/* Appends the colour's three components and then op (" rg\n", " RG\n"). */
void pdf_ops_rgb(pdf_ops *o, lay_rgb c, const char *op);
/* Appends "(...)Tj\n": len bytes of UTF-8 as UTF-16BE codes (what libharu's UTF-8
 * encoder uses; the /ToUnicode map is the identity), with characters above U+FFFF
 * and C0 controls as spaces. first_use is called for each code point whose bit in
 * seen is not set yet, and the bit is set. */
void pdf_ops_text(pdf_ops *o, const char *s, size_t len, uint8_t *seen,
                  void (*first_use)(void *ctx, unsigned cp), void *ctx);

/* The same for shaped text (font.h): "(...)Tj\n", or "[(...) 50 (...)]TJ\n" when a glyph
 * has a kern (also the first one: a kern before the run). */
void pdf_ops_glyphs(pdf_ops *o, const font_glyph *g, size_t n, uint8_t *seen,
                    void (*first_use)(void *ctx, unsigned cp), void *ctx);

/* A deflate state and output buffer, reused from page to page (and document to
 * document): the level is fixed by the first call. */
typedef struct pdf_zip {
	z_stream z;
	bool ready;
	unsigned char *out;
	size_t cap;
} pdf_zip;

/* Deflates in (zlib format, as /FlateDecode wants) into zp's buffer. Returns 0 or -1. */
int pdf_zip_run(pdf_zip *zp, const pdf_ops *in, int level, const unsigned char **out,
                size_t *out_len);
void pdf_zip_free(pdf_zip *zp);

struct pdf_writer {
	HPDF_Doc doc;                      /* one document at a time, reused (FreeDoc/NewDoc) */
	const char *font_name[FONT_FACES]; /* owned by libharu's font definitions; the
	                                    * fallback's NULL until a document needs it */
	/* Of the current document, got on first use (HPDF_GetFont costs ~5 ms a font):
	 * NULL until a text item needs it. */
	HPDF_Font font[FONT_FACES];
	bool ready;                        /* a fresh document is started */
	void *tounicode;                   /* the document's shared /ToUnicode stream */
	font_set *fonts;                   /* widths, kerning, fallback, hyphenation */
	font_glyph *glyphs;                /* font_shape's buffer, reused */
	size_t cap_glyphs;
	int *keys;                         /* the elements of a run of texts, reused */
	size_t cap_keys;
	pdf_ops ops;                       /* the page being drawn, reused */
	pdf_zip zip;                       /* deflates the page contents */
	/* Of the current document: the code points each font has drawn, one bit each, so
	 * that libharu marks a glyph for the subset once, not at every use. */
	uint8_t used[FONT_FACES][65536 / 8];
	pdf_error err;
	char font_dir[4096];
	/* Set by pdf_write_memory for one call: the finished file goes here, not to a path. */
	unsigned char **mem_out;
	size_t *mem_len;
};

/* ---- pdf_tag.c: the structure tree (plain data, no libharu) ---- */

enum tag_kid_kind { TK_NODE, TK_MCID, TK_OBJR };

typedef struct tag_kid {       /* one entry of an element's /K, in order */
	int next;                  /* the next kid of the same element, -1 */
	enum tag_kid_kind kind;
	int ref;                   /* TK_NODE: node; TK_MCID: the MCID; TK_OBJR: annotation */
	int page;                  /* TK_MCID, TK_OBJR: 0-based page */
} tag_kid;

typedef struct tag_node {      /* one structure element */
	const char *type;          /* static: "P", "H2", "TD" ... */
	int parent;                /* -1: the StructTreeRoot */
	int first, last;           /* its kids (tag_kid indices), -1 */
	int page;                  /* page of its first content, -1 */
	const char *alt;           /* Figure: /Alt (UTF-8, owned by the lay_result) */
	const char *scope;         /* TH: "Column" or "Row" */
	bool has_bbox;             /* Figure: /BBox of its items on its page */
	double bbox[4];
	void *obj;                 /* pdf_harux_struct: its dictionary */
} tag_node;

typedef struct tag_page {      /* the element of each MCID of one page */
	int *node;
	size_t n, cap;
} tag_page;

typedef struct tag_annot {
	void *annot;               /* HPDF_Annotation */
	int node, page;
} tag_annot;

typedef struct pdf_tags {
	tag_node *node;
	size_t n_node, cap_node;
	tag_kid *kid;
	size_t n_kid, cap_kid;
	int doc;                   /* the Document element */
	size_t n_blocks;
	int *blk;                  /* per block: the element its items go to, -1 */
	int *blk2;                 /* per block: a list item's Lbl; a TOC's current Link */
	int *cell_off;             /* per table block: its cells' first index in pool */
	int *toc_entry;            /* per TOC block: the entry blk2 belongs to */
	int *pool;
	size_t n_pool, cap_pool;
	tag_page *mc;              /* per page */
	size_t n_pages;
	tag_annot *annot;
	size_t n_annot, cap_annot;
	size_t root_obj;           /* pdf_harux_struct: the StructTreeRoot's object number */
	size_t *page_obj;          /* pdf_harux_struct: the pages' object numbers */
	size_t *annot_obj;         /* pdf_harux_struct: the annotations' object numbers */
} pdf_tags;

/* An object written as text: its number and its body ("<<...>>"). */
typedef struct pdf_obj {
	size_t num;
	const char *text;
	size_t len;
} pdf_obj;

typedef struct pdf_objs {
	pdf_obj *obj;
	size_t n;
	char *text;                /* owns what the objects point into */
} pdf_objs;

/* pdf_tags_item's answer for an artifact of kind k (enum lay_artifact). */
#define PDF_TAG_ARTIFACT(k) (-1 - (int)(k))

/* The structure type a role maps to, NULL when it has none (a test checks every role). */
const char *pdf_tag_role_type(enum lay_role role);
/* Builds the tree from r's blocks in reading order. Returns 0, or -1 with a Swedish
 * reason when a block's role has no mapping. pdf_tags_free in every case. */
int pdf_tags_build(pdf_tags *t, const lay_result *r, char *why, size_t why_len);
void pdf_tags_free(pdf_tags *t);
/* The element item it belongs to (>= 0), or PDF_TAG_ARTIFACT(kind). */
int pdf_tags_item(pdf_tags *t, const lay_result *r, const dl_item *it);
/* A new MCID on page for node's content. */
int pdf_tags_mcid(pdf_tags *t, size_t page, int node);
/* Records annotation annot of page as part of node (an OBJR); returns its
 * /StructParent key. */
int pdf_tags_annot(pdf_tags *t, size_t page, int node, void *annot);
/* The tree as objects: the StructTreeRoot as number root, element i as base + i, then
 * the two shared /Scope attribute objects and the ParentTree (two levels when large). */
int pdf_tags_objects(const pdf_tags *t, size_t root, size_t base, const size_t *page_num,
                     const size_t *annot_num, pdf_objs *out);
void pdf_objs_free(pdf_objs *o);

/* ---- pdf_pack.c: object streams and a cross-reference stream (no libharu) ---- */

/* The number of objects (the xref table's size) of a file libharu saved, 0 if unreadable. */
size_t pdf_pack_count(const unsigned char *in, size_t len);
/* Rewrites libharu's file in with extra objects added (or replacing placeholders of the
 * same number): streams as they are, everything else in object streams, an xref stream
 * with a placeholder /ID at *id_at. Returns 0 (*out malloc'd) or -1. */
int pdf_pack(const unsigned char *in, size_t len, const pdf_obj *extra, size_t n_extra,
             unsigned char **out, size_t *out_len, size_t *id_at);

/* ---- pdf_draw.c: the display list as one content stream per page ---- */

/* Per-document cache of the images put into the PDF: each checked picture (from
 * source, the validation's img_list; no file is ever opened here) once per drawn size. */
struct img_image;
typedef struct pdf_image_use {
	const struct img_image *src;
	uint32_t max_w, max_h;        /* the pixels its box needs at IMG_DRAW_DPI */
	HPDF_Image image;
} pdf_image_use;
typedef struct pdf_images {
	const struct img_list *source;
	pdf_image_use *use;
	size_t n, cap;
} pdf_images;

/* Draws every item of page index pi of r, each in its marked content (tags). Returns 0,
 * or -1 with a Swedish reason in why. */
int pdf_draw_page(pdf_writer *w, HPDF_Page *pages, const lay_result *r, size_t pi,
                  pdf_tags *tags, pdf_images *img, char *why, size_t why_len);
void pdf_images_free(pdf_images *img);
/* Adds the bookmarks, nested by level. Returns 0 or -1 (libharu error recorded). */
int pdf_draw_outline(pdf_writer *w, HPDF_Page *pages, size_t n_pages, const lay_result *r);

/* Copies UTF-8 text replacing every character above U+FFFF (which libharu cannot draw)
 * and every C0 control with a space. Caller frees. */
char *pdf_bmp_only(const char *s, size_t len);

/* Reads up to n first bytes of a file (to tell its kind by magic bytes). Returns the
 * count read, or -1 with errno set when it cannot be opened. */
long pdf_read_head(const char *path, unsigned char *buf, size_t n);

/* ---- pdf_xmp.c: the XMP packet (plain string building, no libharu) ---- */

/* The metadata both Info and XMP state, already cleaned (pdf_bmp_only). */
typedef struct pdf_meta {
	const char *title, *author, *subject, *keywords, *creator, *producer, *lang;
	int year, month, day;       /* 0 when there is no date */
} pdf_meta;

/* Returns the XMP packet (caller frees), length in *len: PDF/UA-1 (pdfuaid:part 1,
 * declared in a PDF/A extension schema) always, PDF/A-2a identification when pdfa. */
char *pdf_xmp_build(const pdf_meta *m, bool pdfa, size_t *len);
/* Parses YYYY-MM-DD into m's date. Returns 0, or -1 when it is no valid date. */
int pdf_parse_date(const char *s, pdf_meta *m);

/* ---- pdf_harux.c: everything that needs libharu's internals (hpdf_doc.h) ---- */

/* Replaces font's /ToUnicode with one proper CMapType 2 map, made on the first call
 * of a document (*cmap NULL) and shared by its later fonts. Returns 0 or -1. */
int pdf_harux_fix_tounicode(HPDF_Doc doc, HPDF_Font font, void **cmap);
/* A font that draws characters above U+FFFF (font_ttf's Private Use Area codes): its own
 * /ToUnicode with their surrogate pairs, and libharu's parsed cmap extended by a
 * segment for the codes (once per loaded font definition). Both return 0 or -1. */
int pdf_harux_tounicode_supp(HPDF_Doc doc, HPDF_Font font, const font_ttf *t);
int pdf_harux_add_supp(HPDF_Doc doc, const char *font_name, const font_ttf *t);
/* The current document's font for f, got from libharu on first use. NULL on error. */
HPDF_Font pdf_font(pdf_writer *w, int face);
/* Catalog /Lang and /ViewerPreferences << /DisplayDocTitle true >>. */
int pdf_harux_catalog(HPDF_Doc doc, const char *lang);
/* The XMP /Metadata stream (both modes: PDF/UA needs it too). */
int pdf_harux_metadata(HPDF_Doc doc, const char *xmp, size_t xmp_len);
/* PDF/A: the sRGB OutputIntent. */
int pdf_harux_output_intent(HPDF_Doc doc, const unsigned char *icc, size_t icc_len);
/* What the structure tree needs from libharu's objects: a placeholder object for the
 * StructTreeRoot in the catalog (pdf_pack puts the real one in its place), MarkInfo,
 * /StructParents on every page, /Tabs /S on pages with annotations, and the object
 * numbers of the pages and annotations (into t). Returns 0 or -1. */
int pdf_harux_struct(HPDF_Doc doc, HPDF_Page *pages, size_t n_pages, pdf_tags *t);
/* A link annotation's /StructParent key and its /Contents (UTF-8). */
int pdf_harux_annot_tag(HPDF_Doc doc, HPDF_Annotation annot, int key, const char *contents);
/* Makes the len bytes at z, deflated already (zlib format), the page's content
 * stream, which libharu then neither compresses again nor appends to. Call once per
 * page, with nothing else written to it. Returns 0 or -1. */
int pdf_harux_set_content(HPDF_Page page, const unsigned char *z, size_t len);
/* The page's resource name of the image ("X1"), added on first use. NULL on error. */
const char *pdf_harux_image_resource(HPDF_Page page, HPDF_Image image);
/* The page's resource name of the font ("F1"), adding it to the page's resources on
 * first use. NULL on error. */
const char *pdf_harux_font_resource(HPDF_Page page, HPDF_Font font);
/* Marks the glyph of code point cp as used, so that the subset includes it. */
void pdf_harux_use_glyph(HPDF_Font font, unsigned cp);
/* Sets /F 4 (Print) on an annotation. */
int pdf_harux_annot_print(HPDF_Annotation annot);
/* Replaces the placeholder /ID in the saved bytes with the MD5 of the bytes: the two
 * placeholders at or after offset from. */
int pdf_harux_patch_id(unsigned char *buf, size_t len, size_t from);
/* The header version; call last before saving (other calls raise it). */
void pdf_harux_version(HPDF_Doc doc);
#endif
