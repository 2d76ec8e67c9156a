/* SPDX-License-Identifier: Apache-2.0 */
/* api.c - the pipeline behind styrrapport.h: load → validate → compute → lay out →
 * write, each stage called once, with its diagnostics collected in one sink. */
#include "styrrapport.h"
#include "calc.h"
#include "diag.h"
#include "lay.h"
#include "load.h"
#include "model.h"
#include "pdf.h"
#include "report.h"
#include "valid.h"
#include "valid_font.h"
#include "api_private.h"
#include <errno.h>
#include <setjmp.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char *sr_strerror(int e)
{
	return diag_strerror(e);
}

const char *sr_version(void)
{
	return SR_VERSION;
}

/* The installed locations, compiled in (CMakeLists.txt); a build without them (the
 * fuzz harness) names only SR_DATA_DIR, laid out like a source tree. */
#ifndef SR_FONT_DIR
#define SR_FONT_DIR SR_DATA_DIR "/fonts"
#endif
#ifndef SR_ICC_PATH
#define SR_ICC_PATH SR_DATA_DIR "/src/resources/sRGB.icc"
#endif
#ifndef SR_FALLBACK_FONT
#define SR_FALLBACK_FONT SR_FONT_DIR "/DejaVuSans.ttf"
#endif
#ifndef SR_HYPH_DIC
#define SR_HYPH_DIC SR_FONT_DIR "/hyph_sv_SE.dic"
#endif
#ifndef SR_HYPH_EXTRA
#define SR_HYPH_EXTRA SR_FONT_DIR "/hyph_sv_extra.txt"
#endif

/* A data folder given at run time holds everything: the installed layout (sRGB.icc at
 * the top) or a source tree's (src/resources/sRGB.icc). */
static char *icc_in(const char *data_dir)
{
	char *p = api_path_join(data_dir, "sRGB.icc");
	if (access(p, F_OK) == 0)
		return p;
	free(p);
	return api_path_join(data_dir, "src/resources/sRGB.icc");
}

static sr_session *session_new_unguarded(const char *data_dir, char *why, size_t why_len)
{
	if (!data_dir)
		data_dir = getenv("STYRRAPPORT_DATA");
	sr_session *s = xcalloc(1, sizeof *s);
	if (data_dir && *data_dir) {
		s->data_dir = xstrdup(data_dir);
		s->font_dir = api_path_join(data_dir, "fonts");
		s->icc_path = icc_in(data_dir);
		s->fallback_font = api_path_join(s->font_dir, "DejaVuSans.ttf");
		s->hyph_dic = api_path_join(s->font_dir, "hyph_sv_SE.dic");
		s->hyph_extra = api_path_join(s->font_dir, "hyph_sv_extra.txt");
	} else {
		s->data_dir = xstrdup(SR_DATA_DIR);
		s->font_dir = xstrdup(SR_FONT_DIR);
		s->icc_path = xstrdup(SR_ICC_PATH);
		s->fallback_font = xstrdup(SR_FALLBACK_FONT);
		s->hyph_dic = xstrdup(SR_HYPH_DIC);
		s->hyph_extra = xstrdup(SR_HYPH_EXTRA);
	}
	/* the fallback's bold and oblique faces are in its folder (Debian: fonts-dejavu-core
	 * and fonts-dejavu-extra both install into /usr/share/fonts/truetype/dejavu) */
	static const char *const styled[LF_MAX] = { NULL, "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf" };
	const char *slash = strrchr(s->fallback_font, '/');
	for (int f = 0; f < LF_MAX; f++) {
		if (!styled[f])
			continue;
		if (!slash) {
			s->fallback_style[f] = xstrdup(styled[f]);
			continue;
		}
		size_t dl = (size_t)(slash - s->fallback_font);
		char *dir = xmalloc(dl + 1);
		memcpy(dir, s->fallback_font, dl);
		dir[dl] = '\0';
		s->fallback_style[f] = api_path_join(dir, styled[f]);
		free(dir);
	}
	s->schema = load_schema_new();
	if (!s->schema) {
		snprintf(why, why_len, "det inbyggda XML-schemat kunde inte läsas in");
		sr_session_free(s);
		return NULL;
	}
	return s;
}

void sr_session_free(sr_session *s)
{
	if (!s)
		return;
	load_schema_free(s->schema);
	pdf_writer_free(s->pdf);
	pdf_writer_free(s->pdf_layout);
	free(s->pdf_layout_key);
	for (size_t i = 0; i < s->n_layouts; i++) {
		free(s->layouts[i].path);
		load_layout_free(s->layouts[i].layout);
	}
	free(s->layouts);
	load_schema_free(s->layout_schema);
	free(s->cover);
	free(s->layout_cover);
	free(s->layout_cover_key);
	free(s->data_dir);
	free(s->font_dir);
	free(s->fallback_font);
	for (int f = 0; f < LF_MAX; f++)
		free(s->fallback_style[f]);
	free(s->hyph_dic);
	free(s->hyph_extra);
	free(s->icc_path);
	free(s);
}

font_files api_font_files(const sr_session *s)
{
	font_files ff = font_files_default(s->font_dir);
	ff.fallback = s->fallback_font;
	for (int f = 0; f < LF_MAX; f++)
		ff.fallback_style[f] = s->fallback_style[f];
	ff.hyph_dic = s->hyph_dic;
	ff.hyph_extra = s->hyph_extra;
	return ff;
}

/* The embedded fonts' coverage, read once per session (NULL when they cannot be read:
 * rendering then says so as [TYPSNITT]). */
static const font_cover *session_cover(sr_session *s)
{
	if (s->cover_tried)
		return s->cover;
	s->cover_tried = true;
	static const char *const files[] = { "OpenSans-Regular.ttf", "OpenSans-Bold.ttf",
	                                     "OpenSans-Italic.ttf" };
	char *paths[3];
	char why[512];
	for (int i = 0; i < 3; i++)
		paths[i] = api_path_join(s->font_dir, files[i]);
	s->cover = valid_font_cover((const char *const *)paths, 3, why, sizeof why);
	for (int i = 0; i < 3; i++)
		free(paths[i]);
	if (s->cover)   /* absent: no fallback, as in font.c */
		valid_font_cover_add(s->cover, s->fallback_font);
	return s->cover;
}

const font_cover *api_layout_cover(sr_session *s, const char *const *files)
{
	size_t n = strlen(files[0]) + strlen(files[1]) + strlen(files[2]) + 3;
	char *key = xmalloc(n);
	snprintf(key, n, "%s\n%s\n%s", files[0], files[1], files[2]);
	if (s->layout_cover_key && !strcmp(key, s->layout_cover_key)) {
		free(key);
		return s->layout_cover;
	}
	free(s->layout_cover);
	free(s->layout_cover_key);
	s->layout_cover_key = key;
	char why[512];
	s->layout_cover = valid_font_cover(files, 3, why, sizeof why);
	if (s->layout_cover)
		valid_font_cover_add(s->layout_cover, s->fallback_font);
	return s->layout_cover;
}

static void validate_model(sr_report *r)
{
	if (!r->model)
		return;
	const font_cover *cover = session_cover(r->session);
	valid_check_fonts(r->model, &r->diags, &r->images, cover);
	valid_font_chars(r->model, cover, &r->diags);
	if (!r->model->contribution)
		calc_check_economy(r->model, &r->diags);
}

static sr_report *report_new(sr_session *s, const char *path)
{
	sr_report *r = xcalloc(1, sizeof *r);
	r->session = s;
	r->path = xstrdup(path);
	diag_init(&r->diags);
	return r;
}

static void open_unguarded(sr_report *r, const char *data, size_t len)
{
	if (data)
		r->model = load_document_memory(data, len, r->path, r->session->schema, &r->diags);
	else
		r->model = load_document(r->path, r->session->schema, &r->diags);
	validate_model(r);
}

/* ---- the entry points, each under an out-of-memory guard (arena.h) ---- */

int api_no_memory(sr_report *r, const char *what)
{
	r->out_of_memory = true;   /* sr_status says 3 even if the message cannot be kept */
	arena_guard g;
	arena_guard_push(&g);
	if (setjmp(g.jb) == 0) {
		diag_add(&r->diags, D_NO_MEMORY, r->path ? r->path : "-", 0,
		         "slut på minne medan dokumentet %s; inget skrevs (stäng andra program eller "
		         "dela upp dokumentet)", what);
		arena_guard_pop(&g);
	}
	return SR_RUNTIME;
}

sr_session *sr_session_new(const char *data_dir, char *why, size_t why_len)
{
	arena_guard g;
	arena_guard_push(&g);
	if (setjmp(g.jb)) {
		snprintf(why, why_len, "slut på minne");
		return NULL;
	}
	sr_session *s = session_new_unguarded(data_dir, why, why_len);
	arena_guard_pop(&g);
	return s;
}

/* A report that could not even be set up: the bare struct, so that the caller still
 * gets a status and a message; NULL only when not even that fits in memory. */
static sr_report *bare_report(sr_session *s, const char *path)
{
	sr_report *r = calloc(1, sizeof *r);
	if (!r)
		return NULL;
	r->session = s;
	r->path = strdup(path ? path : "-");
	diag_init(&r->diags);
	api_no_memory(r, "lästes in");
	return r;
}

static sr_report *open_guarded(sr_session *s, const char *path, const char *data, size_t len)
{
	sr_report *volatile r = NULL;
	arena_guard g;
	arena_guard_push(&g);
	if (setjmp(g.jb)) {
		if (!r)
			return bare_report(s, path);
		api_no_memory(r, "lästes in och prövades");
		return r;
	}
	r = report_new(s, path);
	open_unguarded(r, data, len);
	arena_guard_pop(&g);
	return r;
}

sr_report *sr_open(sr_session *s, const char *path)
{
	return open_guarded(s, path, NULL, 0);
}

sr_report *sr_open_memory(sr_session *s, const char *data, size_t len, const char *name)
{
	return open_guarded(s, name ? name : "-", data ? data : "", data ? len : 0);
}

void sr_close(sr_report *r)
{
	if (!r)
		return;
	calc_free(r->calc);
	img_list_free(&r->images);
	model_free(r->model);
	diag_free(&r->diags);
	free(r->path);
	free(r);
}

int sr_status(const sr_report *r)
{
	if (r->out_of_memory)
		return SR_RUNTIME;
	if (!r->model && r->diags.worst_exit == SR_OK)
		return SR_RUNTIME;   /* the loader failed without saying why: never happens */
	return r->diags.worst_exit;
}

bool sr_is_contribution(const sr_report *r)
{
	return r->model && r->model->contribution;
}

/* A report can be computed and rendered when it is valid and is a report. */
int api_ready(sr_report *r)
{
	int st = sr_status(r);
	if (st != SR_OK)
		return st;
	if (r->model->contribution) {
		diag_add(&r->diags, D_CONTRIB_ROOT, r->path, r->model->loc_rapport.line,
		         "filen är ett nämndbidrag (namndbidrag) och kan inte räknas eller sättas "
		         "som en egen rapport; inkludera den i en rapport med xi:include");
		return sr_status(r);
	}
	if (!r->calc)
		r->calc = calc_compute(r->model);
	return SR_OK;
}

static int write_computed_unguarded(sr_report *r, FILE *out)
{
	int st = api_ready(r);
	if (st != SR_OK)
		return st;
	if (calc_write_xml(r->calc, r->model, out) != 0 || fflush(out) != 0) {
		diag_add(&r->diags, D_FILE_WRITE, "-", 0, "beräkningarna kunde inte skrivas: %s",
		         sr_strerror(errno));
		return sr_status(r);
	}
	return SR_OK;
}

int sr_write_computed(sr_report *r, FILE *out)
{
	arena_guard g;
	arena_guard_push(&g);
	if (setjmp(g.jb))
		return api_no_memory(r, "räknades");
	int st = write_computed_unguarded(r, out);
	arena_guard_pop(&g);
	return st;
}

size_t sr_diagnostic_count(const sr_report *r)
{
	return r->diags.n;
}

sr_diagnostic sr_diagnostic_at(const sr_report *r, size_t i)
{
	const diag *d = &r->diags.items[i];
	return (sr_diagnostic){d->file, d->line, diag_code_level(d->code) == DIAG_ERROR,
	                       diag_code_name(d->code), d->message, d->column};
}

void sr_print_diagnostics(const sr_report *r, FILE *out)
{
	diag_print(&r->diags, out);
}

void sr_print_diagnostics_json(const sr_report *r, FILE *out)
{
	diag_print_json(&r->diags, out);
}

sr_report *sr_open_stream(sr_session *s, FILE *in, const char *name)
{
	sr_report *r = report_new(s, name ? name : "-");
	r->model = load_document_stream(in, r->path, s->schema, &r->diags);
	validate_model(r);
	return r;
}

char *api_path_join(const char *dir, const char *name)
{
	size_t n = strlen(dir) + strlen(name) + 2;
	char *p = xmalloc(n);
	snprintf(p, n, "%s/%s", dir, name);
	return p;
}

void sr_print_catalogue(FILE *out)
{
	diag_print_catalogue(out);
}
