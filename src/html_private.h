/* SPDX-License-Identifier: Apache-2.0 */
/* html_private.h - shared by html*.c only: HTML escaping into a string buffer (sb.h)
 * and the state of one site being written. */
#ifndef SR_HTML_PRIVATE_H
#define SR_HTML_PRIVATE_H
#include "html.h"
#include "sb.h"
#include <stdint.h>

/* Text with & < > " escaped (and nothing else changed), into a string buffer (sb.h). */
void sb_esc(sb *b, const char *s);

enum html_page_kind { HP_INDEX, HP_SUMMARY, HP_CHAPTER };

typedef struct html_page {
	enum html_page_kind kind;
	char *file;            /* "index.html", "sammanfattning.html", "03-ekonomi.html" */
	const char *title;     /* its h1 */
	sb body;
} html_page;

typedef struct html_picture {   /* a picture written to bilder/ */
	const char *path;      /* its source, the stream's key */
	char *file;            /* "bilder/bild-01.png" */
	unsigned char *png;
	size_t len;
	uint32_t width, height;
} html_picture;

typedef struct html_site {
	const html_options *o;
	const blk_doc *doc;
	html_page *pages;
	size_t n_pages;
	int *page_of;          /* per block: its page, -1 when on none */
	char **id_of;          /* per block: a heading's id */
	signed char *shift_of; /* per block: added to a heading's level (the summary page's
	                        * sections, a chapter joined to another of its name) */
	bool *lead;            /* per block: first on its page (a text chapter "Sammanfattning"
	                        * on the summary page, before the registry's sections) */
	const char *summary_id;   /* the id of that chapter's heading, now the page's h1 */
	html_picture *pics;
	size_t n_pics;
	/* while writing one page */
	size_t page;
	const char *last_heading;
} html_site;

/* Renders blocks [from, to) of page p (html_blk.c). */
void html_blocks(html_site *s, sb *out, size_t from, size_t to);
/* An inline SVG status marker, hidden from assistive technology (the word is text). */
void html_marker(sb *out, enum lay_shape shape, lay_rgb color);
/* The href of a heading anchor from page p: "#id" or "FILE#id"; NULL when none has it. */
const char *html_anchor_href(html_site *s, const char *anchor, sb *tmp);
/* A picture's entry (encoded on first use), or NULL when it cannot be shown. */
const html_picture *html_picture_of(html_site *s, const char *path);
/* PNG bytes of 8-bit RGB pixels, deterministic (html_png.c); false on failure. */
bool html_png_encode(const unsigned char *rgb, uint32_t w, uint32_t h, unsigned char **out,
                     size_t *len);
#endif
