/* SPDX-License-Identifier: Apache-2.0 */
/* api_html.c - sr_render_html: the report's block stream written as a website by the
 * HTML renderer (src/html.c), beside or instead of the PDF. */
#include "styrrapport.h"
#include "api_private.h"
#include "html.h"
#include "report.h"
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

/* An address the pages link to as given (the PDF published elsewhere). */
static bool is_address(const char *pdf)
{
	return !strncmp(pdf, "https://", 8) || !strncmp(pdf, "http://", 7);
}

/* The PDF's name in the site: the last component of its path. */
static char *pdf_name_of(const char *pdf)
{
	const char *base = strrchr(pdf, '/');
	return xstrdup(base && base[1] ? base + 1 : pdf);
}

static int html_unguarded(sr_report *r, const char *dir, const sr_render_options *opts,
                          const char *pdf)
{
	static const sr_render_options defaults;
	if (!opts)
		opts = &defaults;
	int st = api_ready(r);
	if (st != SR_OK)
		return st;
	report_style style;
	blk_doc *doc = api_blocks(r, opts, &style, NULL);   /* the site's fonts are its CSS's */
	if (!doc)
		return sr_status(r);
	char *css = api_path_join(r->session->data_dir, "html/styrrapport.css");
	bool address = pdf && is_address(pdf);
	char *name = pdf && !address ? pdf_name_of(pdf) : NULL;
	if (!pdf)
		diag_add(&r->diags, D_HTML_NO_PDF, r->path, 0, "webbplatsen i %s länkar inte till någon PDF; "
		         "ange PDF:en med --pdf FIL (kopieras in) eller --pdf https://… (där kommunen "
		         "publicerar den), eller skriv båda med render --html", dir);
	html_options o = {
		.css_path = css, .font_dir = r->session->font_dir,
		.pdf_href = address ? pdf : name, .pdf_copy = address ? NULL : pdf,
		.images = &r->images,
		.look = { .heading = style.text[RS_H1].color, .text = style.text[RS_BODY].color,
		          .caption = style.text[RS_CAPTION].color, .header_fill = style.header_fill,
		          .sum_fill = style.sum_fill, .watermark = style.watermark_color },
	};
	html_writer *w = html_new(&o);
	char why[1024] = "";
	if (!html_render(w, doc, dir, why, sizeof why))
		diag_add(&r->diags, D_FILE_WRITE, dir, 0, "webbplatsen kunde inte skrivas: %s", why);
	html_free(w);
	free(name);
	free(css);
	blk_free(doc);
	return sr_status(r);
}

int sr_render_html(sr_report *r, const char *dir, const sr_render_options *opts, const char *pdf)
{
	arena_guard g;
	arena_guard_push(&g);
	if (setjmp(g.jb))
		return api_no_memory(r, "skrevs som webbplats");
	int st = html_unguarded(r, dir, opts, pdf);
	arena_guard_pop(&g);
	return st;
}
