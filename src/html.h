/* SPDX-License-Identifier: Apache-2.0 */
/* html.h - the website output: a second renderer over the block stream (blk.h),
 * beside the PDF's src/lay_blk.c, through the same three calls (new, render, free).
 * It writes a small static site (docs/html.md): index.html with the table of
 * contents, sammanfattning.html, one NN-slug.html per chapter, styrrapport.css,
 * fonts/ and bilder/; semantic HTML5 in Swedish, no JavaScript, no external request.
 * Every text comes from the stream as the report builder formatted it, so numbers,
 * dates and words are those of the PDF. Knows nothing of goals, XML or PDF. */
#ifndef SR_HTML_H
#define SR_HTML_H
#include "blk.h"
#include <stdbool.h>
#include <stddef.h>

struct img_list;

/* Colours from the layout file, written as CSS custom properties in each page's small
 * <style> block (the replaceable styrrapport.css reads them). */
typedef struct html_look {
	lay_rgb heading, text, caption, header_fill, sum_fill, watermark;
} html_look;

typedef struct html_options {
	const char *css_path;      /* copied to MAPP/styrrapport.css */
	const char *font_dir;      /* its OpenSans*.ttf copied to MAPP/fonts/ (NULL: none) */
	const char *pdf_href;      /* every page links to it: the copy's name ("rapport.pdf")
	                            * or an address; NULL: no PDF link */
	const char *pdf_copy;      /* a PDF copied into the site as pdf_href, or NULL */
	const struct img_list *images;   /* decoded pictures (re-encoded as PNG in bilder/) */
	html_look look;
} html_options;

typedef struct html_writer html_writer;

/* o and what it points at must outlive the writer. */
html_writer *html_new(const html_options *o);
/* Writes the site of doc into a new temporary folder beside dir and renames it into
 * place (replacing an earlier site of this program, never another folder). false,
 * with a Swedish reason in why, when nothing was changed. */
bool html_render(html_writer *w, const blk_doc *doc, const char *dir, char *why, size_t n);
void html_free(html_writer *w);

/* For tests: one block range's HTML (as on a chapter page) in malloc'd memory. */
char *html_fragment(const blk_doc *doc, size_t from, size_t to);
#endif
