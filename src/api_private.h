/* SPDX-License-Identifier: Apache-2.0 */
/* api_private.h - the session and report structs, for use inside api*.c only. */
#ifndef SR_API_PRIVATE_H
#define SR_API_PRIVATE_H
#include "styrrapport.h"
#include "api_output.h"
#include "calc.h"
#include "diag.h"
#include "img.h"
#include "load.h"
#include "load_layout.h"
#include "model.h"
#include "pdf.h"

struct sr_session {
	char *data_dir;           /* layouts/ */
	char *font_dir;           /* OpenSans-*.ttf */
	char *fallback_font;      /* DejaVuSans.ttf (issue 16) */
	char *fallback_style[LF_MAX];  /* beside it: DejaVuSans-Bold.ttf, -Oblique.ttf */
	char *hyph_dic, *hyph_extra;   /* Swedish hyphenation and styrrapport's exceptions */
	char *icc_path;           /* the sRGB profile for PDF/A */
	load_schema *schema;
	pdf_writer *pdf;          /* loaded on the first render */
	pdf_writer *pdf_layout;   /* the fonts a layout file names (issue 16), the last set */
	char *pdf_layout_key;     /* its three paths */
	load_schema *layout_schema;   /* compiled on the first render */
	struct api_layout {           /* every layout file read so far, by path: a batch */
		char *path;               /* reads each file once */
		load_layout *layout;
	} *layouts;
	size_t n_layouts;
	out_hook_fn out_hook;         /* tests only (tests/test_api_output.c): NULL */
	void *out_hook_ctx;
	struct font_cover *cover;     /* the fonts' coverage, for validation (valid_font.h) */
	bool cover_tried;
	struct font_cover *layout_cover;   /* the coverage of a layout's own fonts, the last set */
	char *layout_cover_key;           /* their three paths */
};

struct sr_report {
	sr_session *session;
	char *path;
	diag_sink diags;
	sr_model *model;          /* NULL when it could not be loaded */
	calc_result *calc;        /* computed on demand, only for a valid report */
	img_list images;          /* what validation decoded (the logo): render draws these */
	bool out_of_memory;       /* a call ran out of memory: the status is 3 */
};

/* After an allocation failure unwound a call (arena.h): records D_NO_MEMORY ("slut på
 * minne medan dokumentet <what>") and returns SR_RUNTIME. */
int api_no_memory(sr_report *r, const char *what);

/* Makes sure the report is valid, a report (not a contribution), and computed. */
int api_ready(sr_report *r);
/* What the manifest needs to know about the PDF just written. */
typedef struct manifest_facts {
	const char *title;
	int pages;
	bool pdfa;
} manifest_facts;
/* The manifest of the PDF whose bytes are given, in malloc'd memory (*text_len bytes). */
char *api_manifest_text(const sr_report *r, const char *pdf, const manifest_facts *f,
                        const unsigned char *bytes, size_t len, size_t *text_len);
/* True when path may be replaced by a manifest: no such file, or a manifest of this
 * program; otherwise false with a diagnostic (issue 11: never another document). */
bool api_manifest_replaceable(sr_report *r, const char *path);

/* Where the manifest of OUT.pdf goes (OUT.xml), in malloc'd memory; caller frees. */
char *api_manifest_path(const char *pdf);

/* The report's block stream under the layout (opts->layout_path or the type's own);
 * NULL, with diagnostics, when the layout is wrong. style receives the look. Caller
 * frees with blk_free (api_render.c). */
struct report_style;
struct blk_doc;
struct load_layout;
struct blk_doc *api_blocks(sr_report *r, const sr_render_options *opts, struct report_style *style,
                           const struct load_layout **used);

/* dir + "/" + name in malloc'd memory; caller frees. */
char *api_path_join(const char *dir, const char *name);
/* The coverage of the three style fonts files[] a layout names, with the fallback
 * (valid_font.h); NULL when a file cannot be read (the writer says why). */
const struct font_cover *api_layout_cover(sr_session *s, const char *const *files);
/* The session's fonts as font.h wants them (the strings stay the session's). */
font_files api_font_files(const sr_session *s);
#endif
