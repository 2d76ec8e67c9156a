/* api_render.c - sr_render: lay out the computed report and write it safely (a
 * temporary file beside the target, renamed into place only when complete). */
#include "styrrapport.h"
#include "api_private.h"
#include "lay.h"
#include "report.h"
#include <errno.h>
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
	char *dir = api_path_join(s->data_dir, "fonts");
	char why[512] = "";
	s->pdf = pdf_writer_new(dir, why, sizeof why);
	if (!s->pdf)
		diag_add(d, D_FONT, dir, 0, "%s", why);
	free(dir);
	return s->pdf;
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

/* A temporary path in the same folder as target, so that rename() is atomic. */
static char *temp_beside(const char *target, int *fd)
{
	char *copy = xstrdup(target);
	const char *dir = dirname(copy);
	size_t n = strlen(dir) + 32;
	char *tmp = xmalloc(n);
	snprintf(tmp, n, "%s/.styrrapport-XXXXXX", dir);
	free(copy);
	*fd = mkstemp(tmp);
	if (*fd < 0) {
		free(tmp);
		return NULL;
	}
	return tmp;
}

/* Special files (/dev/full, a pipe) are written directly: renaming onto them would
 * replace the device node. */
static bool is_special_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && !S_ISREG(st.st_mode);
}

static int write_pdf(sr_report *r, pdf_writer *w, const lay_result *pages,
                     const pdf_info *info, const char *out)
{
	char why[512] = "";
	if (is_special_file(out)) {
		if (pdf_write(w, pages, info, out, why, sizeof why) == 0)
			return SR_OK;
		diag_add(&r->diags, D_FILE_WRITE, out, 0, "PDF:en kunde inte skrivas: %s", why);
		return SR_RUNTIME;
	}
	int fd;
	char *tmp = temp_beside(out, &fd);
	if (!tmp) {
		diag_add(&r->diags, D_FILE_WRITE, out, 0, "kan inte skapa en fil i utmappen: %s",
		         sr_strerror(errno));
		return SR_RUNTIME;
	}
	close(fd);
	int rc = pdf_write(w, pages, info, tmp, why, sizeof why);
	if (rc == 0 && chmod(tmp, 0644) == 0 && rename(tmp, out) == 0) {
		free(tmp);
		return SR_OK;
	}
	if (rc == 0)
		snprintf(why, sizeof why, "%s", sr_strerror(errno));
	unlink(tmp);
	free(tmp);
	diag_add(&r->diags, D_FILE_WRITE, out, 0, "PDF:en kunde inte skrivas: %s", why);
	return SR_RUNTIME;
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

static bool same_file(const char *a, const char *b)
{
	struct stat x, y;
	return stat(a, &x) == 0 && stat(b, &y) == 0 && x.st_dev == y.st_dev && x.st_ino == y.st_ino;
}

/* The file of the document that target is, or NULL: the main document or one that
 * xi:include read (`-o namnder/bun.xml` must not destroy a nämnd's text). */
static const char *source_at(const sr_report *r, const char *target)
{
	if (same_file(target, r->path))
		return r->path;
	const sr_model *m = r->model;
	for (size_t i = 0; m && i < m->n_included; i++)
		if (same_file(target, m->included[i]))
			return m->included[i];
	return NULL;
}

/* Neither the PDF nor its manifest may replace a file the document was read from:
 * `render rapport.xml --manifest` would otherwise write the manifest over rapport.xml. */
static bool targets_safe(sr_report *r, const char *out, bool manifest)
{
	char *man = manifest ? api_manifest_path(out) : NULL;
	const char *src = source_at(r, out);
	const char *hit = src ? out : NULL;
	if (!hit && man && (src = source_at(r, man)) != NULL)
		hit = man;
	if (hit)
		diag_add(&r->diags, D_FILE_WRITE, hit, 0,
		         "%s skulle skriva över dokumentet %s; välj ett annat namn med -o",
		         hit == out ? "PDF:en" : "manifestet", src);
	free(man);
	return !hit;
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
static bool style_of(sr_report *r, const char *own, report_style *style)
{
	static const char *const files[RT_MAX] = {
		"layouts/uppfoljning.xml", "layouts/delarsrapport.xml",
		"layouts/arsredovisning.xml", "layouts/verksamhetsberattelse.xml",
		"layouts/manadsrapport.xml",   /* MODEL v2 part 2 (issue 13) */
	};
	enum report_type t = r->model->typ;
	report_style_default(style, t);
	char *path = own ? xstrdup(own) : api_path_join(r->session->data_dir, files[t < RT_MAX ? t : RT_DELARSRAPPORT]);
	bool use = own || access(path, F_OK) == 0;
	const load_layout *l = use ? session_layout(r, path) : NULL;
	if (l)
		load_layout_apply(l, style);
	free(path);
	return !use || l;
}

/* Lays the computed report out into pages, with the session's fonts and the layout
 * (opts->layout_path or the type's own). NULL, with diagnostics, on failure. */
static lay_result *lay_out(sr_report *r, const sr_render_options *opts, pdf_writer **w_out)
{
	/* The layout first: a missing or wrong layout file is found before fonts load. */
	report_style style;
	if (!style_of(r, opts->layout_path, &style))
		return NULL;
	if (!report_check_scale_shapes(r->model, r->calc, &style, &r->diags))   /* MODEL v2 part 2 (issue 13) */
		return NULL;
	pdf_writer *w = session_pdf(r->session, &r->diags);
	if (!w)
		return NULL;
	lay_page_setup setup;
	report_page_setup(r->model, &style, &setup);
	lay_doc *doc = lay_new(&setup, pdf_writer_metrics(w));
	report_build(doc, r->model, r->calc, &style);
	const char *why = NULL;
	lay_result *pages = lay_run(doc, &why);
	lay_free(doc);
	if (!pages) {
		diag_add(&r->diags, D_LAYOUT_OVERFLOW, r->path, 0, "%s", why ? why : "sidorna kunde inte sättas");
		return NULL;
	}
	report_decorate(pages, r->model, &style);
	*w_out = w;
	return pages;
}

int sr_dump_layout(sr_report *r, FILE *out, const sr_render_options *opts)
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

int sr_render(sr_report *r, const char *out_pdf, const sr_render_options *opts)
{
	static const sr_render_options defaults;
	if (!opts)
		opts = &defaults;
	int st = api_ready(r);
	if (st != SR_OK)
		return st;
	if (!targets_safe(r, out_pdf, opts->manifest))
		return sr_status(r);
	char *icc = api_path_join(r->session->data_dir, "src/resources/sRGB.icc");
	bool icc_ok = opts->no_pdfa || icc_usable(r, icc);
	pdf_writer *w;
	/* laid out even without a profile: a missing font is told in the same run */
	lay_result *pages = lay_out(r, opts, &w);
	if (!pages || !icc_ok) {
		lay_result_free(pages);
		free(icc);
		return sr_status(r);
	}
	report_meta meta;
	report_meta_of(r->model, &meta);
	pdf_info info;
	info_of(r->model, &meta, !opts->no_pdfa, icc, &info);
	st = write_pdf(r, w, pages, &info, out_pdf);
	if (st == SR_OK && opts->manifest) {
		manifest_facts facts = {meta.title, (int)pages->n_pages, info.pdfa};
		st = api_write_manifest(r, out_pdf, &facts);
	}
	free(icc);
	lay_result_free(pages);
	return st;
}
