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

/* "rapport.pdf" for .../rapport.xml (or for a PDF path, its last component). */
static char *pdf_name_of(const char *doc, const char *pdf)
{
	const char *p = pdf ? pdf : doc;
	const char *base = strrchr(p, '/');
	base = base ? base + 1 : p;
	if (pdf)
		return xstrdup(base);
	size_t n = strlen(base);
	if (n > 4 && strcmp(base + n - 4, ".xml") == 0)
		n -= 4;
	if (n == 0 || strcmp(base, "-") == 0)
		return xstrdup("rapport.pdf");
	char *out = xmalloc(n + 5);
	snprintf(out, n + 5, "%.*s.pdf", (int)n, base);
	return out;
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
	blk_doc *doc = api_blocks(r, opts, &style);
	if (!doc)
		return sr_status(r);
	char *css = api_path_join(r->session->data_dir, "html/styrrapport.css");
	char *name = pdf_name_of(r->path, pdf);
	html_options o = {
		.css_path = css, .font_dir = r->session->font_dir, .pdf_name = name, .pdf_copy = pdf,
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
