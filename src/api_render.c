/* SPDX-License-Identifier: Apache-2.0 */
/* api_render.c - sr_render: lay out the computed report and write it safely (a
 * temporary file beside the target, renamed into place only when complete). */
#include "styrrapport.h"
#include "api_private.h"
#include "lay.h"
#include "lay_blk.h"
#include "report.h"
#include "valid_font.h"
#include <dirent.h>
#include <errno.h>
#include <setjmp.h>
#include <libgen.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static pdf_writer *session_pdf(sr_session *s, diag_sink *d)
{
	if (s->pdf)
		return s->pdf;
	char why[512] = "";
	font_files ff = api_font_files(s);
	s->pdf = pdf_writer_new_fonts(&ff, why, sizeof why);
	if (!s->pdf)
		diag_add(d, D_FONT, s->font_dir, 0, "%s", why);
	return s->pdf;
}

/* The writer for the fonts a layout file names; the session keeps the last such set
 * (a batch renders with one layout). */
static pdf_writer *layout_pdf(sr_report *r, const load_layout *l)
{
	sr_session *s = r->session;
	const char *files[LF_MAX], *family;
	long line;
	if (!load_layout_fonts(l, files, &family, &line))
		return session_pdf(s, &r->diags);
	size_t n = strlen(files[0]) + strlen(files[1]) + strlen(files[2]) + 3;
	char *key = xmalloc(n);
	snprintf(key, n, "%s\n%s\n%s", files[0], files[1], files[2]);
	if (s->pdf_layout && !strcmp(key, s->pdf_layout_key)) {
		free(key);
		return s->pdf_layout;
	}
	pdf_writer_free(s->pdf_layout);
	free(s->pdf_layout_key);
	s->pdf_layout = NULL;
	s->pdf_layout_key = key;
	font_files ff = api_font_files(s);
	for (int f = 0; f < LF_MAX; f++)
		ff.file[f] = files[f];
	char why[512] = "";
	s->pdf_layout = pdf_writer_new_fonts(&ff, why, sizeof why);
	if (!s->pdf_layout)
		diag_add(&r->diags, D_LAYOUT_FONT, load_layout_file(l), line,
		         "typsnittsfamiljen \"%s\" kan inte användas: %s", family, why);
	return s->pdf_layout;
}

/* PDF/A needs the sRGB profile: missing or unreadable, or no ICC profile at all (the
 * signature "acsp" at byte 36 of its 128-byte header), it is an installation problem
 * like a missing font, told before any work is done, not as a failure to write. */
static bool icc_usable(sr_report *r, const char *path)
{
	const char *why = NULL;
	unsigned char head[128];
	FILE *f = fopen(path, "rb");
	if (!f) {
		why = sr_strerror(errno);
	} else {
		size_t n = fread(head, 1, sizeof head, f);
		fclose(f);
		if (n < sizeof head || memcmp(head + 36, "acsp", 4) != 0)
			why = "filen är ingen ICC-profil";
	}
	if (why)
		diag_add(&r->diags, D_ICC, path, 0, "sRGB-profilen som PDF/A kräver kan inte läsas: %s "
		         "(sätt STYRRAPPORT_DATA, eller rendera utan PDF/A med --no-pdfa)", why);
	return !why;
}

static void info_of(const sr_model *m, const report_meta *meta, bool pdfa,
                    const char *icc, pdf_info *info)
{
	memset(info, 0, sizeof *info);
	info->title = meta->title;
	info->author = meta->author;
	info->subject = meta->subject;
	info->keywords = meta->keywords;
	info->description = meta->description;
	info->creator = "styrrapport " SR_VERSION;
	info->date = meta->date;
	info->lang = "sv-SE";
	info->pdfa = pdfa;
	info->icc_path = icc;
	(void)m;
}

/* The files a render reads, each with what it is (for the message). */
struct read_files {
	struct read_file { char *path; const char *what; } *f;
	size_t n;
};

static void read_add(struct read_files *l, char *path, const char *what)
{
	l->f = xrealloc(l->f, (l->n + 1) * sizeof *l->f);
	l->f[l->n++] = (struct read_file){path, what};
}

/* The layout file style_of reads: the kommun's own, else the type's installed one. */
static char *layout_file_of(const sr_report *r, const char *own)
{
	return own ? xstrdup(own)
	           : api_path_join(r->session->data_dir, report_type_of(r->model->typ)->layout_file);
}

static char *sibling_of(const char *file, const char *href)
{
	const char *slash = strrchr(file, '/');
	size_t dir = slash ? (size_t)(slash - file) : 1;
	size_t n = dir + strlen(href) + 2;
	char *p = xmalloc(n);
	snprintf(p, n, "%.*s/%s", (int)dir, slash ? file : ".", href);
	return p;
}

/* Every file the run reads: the document and its includes, the layout file, the
 * logo, the pictures, the fonts (every file in the fonts folder) and the ICC profile. */
static struct read_files files_read(const sr_report *r, const sr_render_options *opts, const char *icc)
{
	struct read_files l = {0};
	const sr_model *m = r->model;
	read_add(&l, xstrdup(r->path), "dokumentet");
	for (size_t i = 0; i < m->n_included; i++)
		read_add(&l, xstrdup(m->included[i]), "dokumentet");
	read_add(&l, layout_file_of(r, opts->layout_path), "layoutfilen");
	if (m->kommun.logotyp && *m->kommun.logotyp)
		read_add(&l, sibling_of(r->path, m->kommun.logotyp), "logotypen");
	for (size_t i = 0; i < m->n_bilder; i++)   /* MODEL v2: the pictures in the text */
		if (model_bild_path(m, m->bilder[i]))
			read_add(&l, xstrdup(model_bild_path(m, m->bilder[i])), "bilden");
	read_add(&l, xstrdup(icc), "färgprofilen");
	char *fonts = xstrdup(r->session->font_dir);
	DIR *d = opendir(fonts);
	for (struct dirent *e; d && (e = readdir(d));)
		if (e->d_name[0] != '.')
			read_add(&l, api_path_join(fonts, e->d_name), "typsnittet");
	if (d)
		closedir(d);
	free(fonts);
	return l;
}

static void read_files_free(struct read_files *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->f[i].path);
	free(l->f);
}

/* The file the run reads that target is (the same device and inode: a link or
 * another spelling of the name is the same file), or NULL. */
static const struct read_file *read_at(const struct read_files *l, const char *target)
{
	struct stat t, st;
	if (stat(target, &t) != 0 || !S_ISREG(t.st_mode))
		return NULL;
	for (size_t i = 0; i < l->n; i++)
		if (stat(l->f[i].path, &st) == 0 && st.st_dev == t.st_dev && st.st_ino == t.st_ino)
			return &l->f[i];
	return NULL;
}

/* Neither the PDF nor its manifest may replace a file the run reads (`render
 * rapport.xml --manifest` would write the manifest over rapport.xml; `-o` the layout
 * file, the logo, a font or the ICC profile would destroy it), and the manifest
 * replaces only a manifest. Checked before anything is written. */
static bool targets_safe(sr_report *r, const char *out, const char *man,
                         const sr_render_options *opts, const char *icc)
{
	struct read_files l = files_read(r, opts, icc);
	bool ok = true;
	for (int i = 0; i < 2; i++) {
		const char *target = i == 0 ? out : man;
		const struct read_file *hit = target ? read_at(&l, target) : NULL;
		if (hit)
			diag_add(&r->diags, D_FILE_WRITE, target, 0,
			         "%s skulle skriva över %s %s, som körningen läser; välj ett annat namn med -o",
			         i == 0 ? "PDF:en" : "manifestet", hit->what, hit->path);
		ok = ok && !hit;
	}
	read_files_free(&l);
	return ok && (!man || api_manifest_replaceable(r, man));
}

/* A layout file parsed once per session; NULL (diagnostics in r) when it is bad. */
static const load_layout *session_layout(sr_report *r, const char *path)
{
	sr_session *s = r->session;
	for (size_t i = 0; i < s->n_layouts; i++)
		if (strcmp(s->layouts[i].path, path) == 0)
			return s->layouts[i].layout;
	if (!s->layout_schema)
		s->layout_schema = load_layout_schema_new();
	if (!s->layout_schema) {
		diag_add(&r->diags, D_RUNTIME, path, 0, "layoutens inbyggda XML-schema kunde inte läsas in");
		return NULL;
	}
	load_layout *l = load_layout_read(path, s->layout_schema, &r->diags);
	if (!l)
		return NULL;   /* not cached: every document of a batch gets the errors */
	s->layouts = xrealloc(s->layouts, (s->n_layouts + 1) * sizeof *s->layouts);
	s->layouts[s->n_layouts++] = (struct api_layout){ xstrdup(path), l };
	return l;
}

/* The type's built-in style with the layout file laid over it: the kommun's own
 * (--layout), else <data dir>/layouts/<typ>.xml. The installed files state exactly the
 * built-in values, so a data dir without layouts/ renders the same. */
static bool style_of(sr_report *r, const char *own, report_style *style,
                     const load_layout **used)
{
	report_style_default(style, r->model->typ);
	char *path = layout_file_of(r, own);
	bool use = own || access(path, F_OK) == 0;
	const load_layout *l = use ? session_layout(r, path) : NULL;
	bool ok = !use || l;
	*used = l;
	if (l) {
		load_layout_apply(l, style);
		report_meta meta;   /* the geometry as a whole, and <ordning> against the document */
		report_meta_of(r->model, &meta);
		ok = load_layout_check(l, style, r->model, meta.draft, &r->diags);
	}
	free(path);
	return ok;
}

blk_doc *api_blocks(sr_report *r, const sr_render_options *opts, report_style *style,
                    const load_layout **used)
{
	/* The layout first: a missing or wrong layout file is found before fonts load. */
	const load_layout *l = NULL;
	if (!style_of(r, opts->layout_path, style, &l))
		return NULL;
	if (used)
		*used = l;   /* its own fonts, if it names any (issue 16) */
	if (!report_check_scale_shapes(r->model, r->calc, style, &r->diags))   /* MODEL v2 part 2 (issue 13) */
		return NULL;
	blk_doc *doc = blk_new();
	report_build(doc, r->model, r->calc, style, &r->images);
	return doc;
}

/* Lays the computed report out into pages, with the session's fonts and the layout
 * (opts->layout_path or the type's own). NULL, with diagnostics, on failure. */
static lay_result *lay_out(sr_report *r, const sr_render_options *opts, pdf_writer **w_out)
{
	report_style style;
	const load_layout *l = NULL;
	blk_doc *doc = api_blocks(r, opts, &style, &l);
	if (!doc)
		return NULL;
	pdf_writer *w = l ? layout_pdf(r, l) : session_pdf(r->session, &r->diags);
	if (!w) {
		blk_free(doc);
		return NULL;
	}
	const char *files[LF_MAX], *family;
	long line;
	if (l && load_layout_fonts(l, files, &family, &line))   /* the fonts actually used */
		valid_font_chars_again(r->model, api_layout_cover(r->session, files), &r->diags);
	lay_page_setup setup;
	report_page_setup(r->model, &style, &setup);
	lay_blk *out = lay_blk_new(&setup, pdf_writer_metrics(w), style.text);
	const char *why = NULL;
	lay_result *pages = lay_blk_render(out, doc, &why);
	lay_blk_free(out);
	blk_free(doc);
	if (!pages) {
		diag_add(&r->diags, D_LAYOUT_OVERFLOW, r->path, 0, "%s", why ? why : "sidorna kunde inte sättas");
		return NULL;
	}
	for (size_t i = 0; i < pages->n_warnings; i++)
		diag_add(&r->diags, D_TABLE_BREAK, pages->warning_files[i] ? pages->warning_files[i] : r->path,
		         pages->warning_lines[i], "%s", pages->warnings[i]);
	report_decorate(pages, r->model, &style);
	*w_out = w;
	return pages;
}

static int dump_layout_unguarded(sr_report *r, FILE *out, const sr_render_options *opts)
{
	static const sr_render_options defaults;
	if (!opts)
		opts = &defaults;
	int st = api_ready(r);
	if (st != SR_OK)
		return st;
	pdf_writer *w;
	lay_result *pages = lay_out(r, opts, &w);
	if (!pages)
		return sr_status(r);
	lay_dump(pages, out);
	lay_result_free(pages);
	if (fflush(out) != 0)
		diag_add(&r->diags, D_FILE_WRITE, "-", 0, "sidornas innehåll kunde inte skrivas");
	return sr_status(r);
}

/* Writes the PDF (and the manifest) through out: both written, then renamed together. */
static int write_outputs(sr_report *r, out_set *out, pdf_writer *w, const lay_result *pages,
                         const pdf_info *info, const report_meta *meta)
{
	char why[512] = "";
	unsigned char *pdf = NULL;
	size_t len = 0;
	if (pdf_write_memory(w, pages, info, &pdf, &len, why, sizeof why) != 0) {
		diag_add(&r->diags, D_FILE_WRITE, out->f[0].target, 0, "PDF:en kunde inte skrivas: %s", why);
		return sr_status(r);
	}
	bool ok = out_write(out, &r->diags, 0, pdf, len, "PDF:en");
	if (ok && out->n > 1) {
		manifest_facts facts = {meta->title, (int)pages->n_pages, info->pdfa};
		size_t text_len = 0;
		char *text = api_manifest_text(r, out->f[0].target, &facts, pdf, len, &text_len);
		if (!text)
			diag_add(&r->diags, D_RUNTIME, out->f[1].target, 0, "manifestet kunde inte skapas: slut på minne");
		ok = text && out_write(out, &r->diags, 1, text, text_len, "manifestet");
		free(text);
	}
	free(pdf);
	if (ok)
		out_commit(out, &r->diags);
	return sr_status(r);
}

static int render_unguarded(sr_report *r, const char *out_pdf, const sr_render_options *opts)
{
	static const sr_render_options defaults;
	if (!opts)
		opts = &defaults;
	int st = api_ready(r);
	if (st != SR_OK)
		return st;
	char *icc = xstrdup(r->session->icc_path);
	char *man = opts->manifest ? api_manifest_path(out_pdf) : NULL;
	if (!targets_safe(r, out_pdf, man, opts, icc)) {
		free(man);
		free(icc);
		return sr_status(r);
	}
	/* The targets first: a FIFO nobody reads or a missing folder is told at once, and
	 * the rest is still checked, so that every problem is told in one run. */
	const char *targets[2] = {out_pdf, man};
	out_set out;
	bool out_ok = out_open(&out, &r->diags, targets, man ? 2 : 1, opts->manifest,
	                       r->session->out_hook, r->session->out_hook_ctx);
	bool icc_ok = opts->no_pdfa || icc_usable(r, icc);
	pdf_writer *w;
	/* laid out even without a profile: a missing font is told in the same run */
	lay_result *pages = lay_out(r, opts, &w);
	if (pages && icc_ok && out_ok) {
		report_meta meta;
		report_meta_of(r->model, &meta);
		pdf_info info;
		info_of(r->model, &meta, !opts->no_pdfa, icc, &info);
		info.images = &r->images;   /* the logo as validation decoded it: no second open */
		write_outputs(r, &out, w, pages, &info, &meta);
	}
	out_close(&out);
	lay_result_free(pages);
	free(man);
	free(icc);
	return sr_status(r);
}

/* The entry points under an out-of-memory guard (arena.h). */
int sr_dump_layout(sr_report *r, FILE *out, const sr_render_options *opts)
{
	arena_guard g;
	arena_guard_push(&g);
	if (setjmp(g.jb))
		return api_no_memory(r, "sattes");
	int st = dump_layout_unguarded(r, out, opts);
	arena_guard_pop(&g);
	return st;
}

int sr_render(sr_report *r, const char *out_pdf, const sr_render_options *opts)
{
	arena_guard g;
	arena_guard_push(&g);
	if (setjmp(g.jb))
		return api_no_memory(r, "sattes och skrevs");
	int st = render_unguarded(r, out_pdf, opts);
	arena_guard_pop(&g);
	return st;
}
