/* api_render.c - sr_render: lay out the computed report and write it safely (a
 * temporary file beside the target, renamed into place only when complete). */
#include "styrrapport.h"
#include "api_private.h"
#include "lay.h"
#include "report.h"
#include <errno.h>
#include <libgen.h>
#include <stdlib.h>
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
		         strerror(errno));
		return SR_RUNTIME;
	}
	close(fd);
	int rc = pdf_write(w, pages, info, tmp, why, sizeof why);
	if (rc == 0 && chmod(tmp, 0644) == 0 && rename(tmp, out) == 0) {
		free(tmp);
		return SR_OK;
	}
	if (rc == 0)
		snprintf(why, sizeof why, "%s", strerror(errno));
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

int sr_render(sr_report *r, const char *out_pdf, const sr_render_options *opts)
{
	static const sr_render_options defaults;
	if (!opts)
		opts = &defaults;
	int st = api_ready(r);
	if (st != SR_OK)
		return st;
	pdf_writer *w = session_pdf(r->session, &r->diags);
	if (!w)
		return sr_status(r);
	report_style style;
	report_style_default(&style, r->model->typ);
	lay_page_setup setup;
	report_page_setup(r->model, &style, &setup);
	lay_doc *doc = lay_new(&setup, pdf_writer_metrics(w));
	report_build(doc, r->model, r->calc, &style);
	const char *why = NULL;
	lay_result *pages = lay_run(doc, &why);
	lay_free(doc);
	if (!pages) {
		diag_add(&r->diags, D_LAYOUT_OVERFLOW, r->path, 0, "%s", why ? why : "sidorna kunde inte sättas");
		return sr_status(r);
	}
	report_meta meta;
	report_meta_of(r->model, &meta);
	char *icc = api_path_join(r->session->data_dir, "src/resources/sRGB.icc");
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
