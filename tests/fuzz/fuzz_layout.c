/* SPDX-License-Identifier: Apache-2.0 */
/* fuzz_layout.c - libFuzzer harness: one input is a layout file (docs/layouts.md). It is
 * parsed and checked as render does it; a layout the checks accept is laid over the
 * built-in style and the Sjövik and Timrå samples are laid out with the real fonts'
 * metrics. The invariant: an accepted layout never puts anything outside the page or
 * its box (lay_check), and the PDF is written (to /dev/null) without an error. */
#include "calc.h"
#include "diag.h"
#include "lay.h"
#include "load.h"
#include "load_layout.h"
#include "model.h"
#include "pdf.h"
#include "report.h"
#include "lay_blk.h"
#include "valid.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Loaded once: the schemas and the fonts. The two documents are loaded for every input
 * (the report builder allocates in the model's arena; an input must reproduce alone). */
static load_schema *layout_xsd, *doc_xsd;
static pdf_writer *writer;
static char sample_path[2][4096];

typedef struct sample {
	sr_model *m;
	calc_result *r;
} sample;

static sample load_sample(const char *path)
{
	diag_sink d;
	diag_init(&d);
	sample s = { load_document(path, doc_xsd, &d), NULL };
	if (s.m)
		valid_check(s.m, &d);
	if (!s.m || d.errors) {
		diag_print(&d, stderr);
		exit(1);
	}
	diag_free(&d);
	s.r = calc_compute(s.m);
	return s;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	const char *data_dir = getenv("STYRRAPPORT_DATA");
	if (!data_dir)
		data_dir = SR_DATA_DIR;
	char path[4096], why[512] = "";
	snprintf(path, sizeof path, "%s/fonts", data_dir);
	writer = pdf_writer_new(path, why, sizeof why);
	layout_xsd = load_layout_schema_new();
	doc_xsd = load_schema_new();
	if (!writer || !layout_xsd || !doc_xsd) {
		fprintf(stderr, "fuzz_layout: %s\n", why);
		exit(1);
	}
	static const char *const docs[2] = { "samples/sjovik-delarsrapport-2024.xml",
	                                     "samples/timra-uppfoljning-2025.xml" };
	for (int i = 0; i < 2; i++) {
		snprintf(sample_path[i], sizeof sample_path[i], "%s/%s", data_dir, docs[i]);
		sample s = load_sample(sample_path[i]);   /* fails at once when they cannot load */
		calc_free(s.r);
		model_free(s.m);
	}
	return 0;
}

static void lay_out(const sample *s, const load_layout *l, diag_sink *d)
{
	report_style style;
	report_style_default(&style, s->m->typ);
	load_layout_apply(l, &style);
	report_meta meta;
	report_meta_of(s->m, &meta);
	if (!load_layout_check(l, &style, s->m, meta.draft, d))
		return;   /* refused with a message: fine */
	lay_page_setup setup;
	report_page_setup(s->m, &style, &setup);
	blk_doc *doc = blk_new();   /* issue 15: the block stream, replayed into the layout */
	report_build(doc, s->m, s->r, &style, NULL);
	lay_blk *out = lay_blk_new(&setup, pdf_writer_metrics(writer), style.text);
	const char *why = NULL;
	lay_result *pages = lay_blk_render(out, doc, &why);
	lay_blk_free(out);
	blk_free(doc);
	if (!pages)
		return;
	report_decorate(pages, s->m, &style);
	const char *broken = lay_check(pages);
	if (broken) {
		fprintf(stderr, "fuzz_layout: an accepted layout breaks an invariant: %s\n", broken);
		abort();
	}
	pdf_info info = { .title = meta.title, .creator = "fuzz", .lang = "sv-SE" };
	char err[512];
	if (pdf_write(writer, pages, &info, "/dev/null", err, sizeof err) != 0) {
		fprintf(stderr, "fuzz_layout: pdf_write: %s\n", err);
		abort();
	}
	lay_result_free(pages);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	diag_sink d;
	diag_init(&d);
	load_layout *l = load_layout_memory((const char *)data, size, "fuzz-layout.xml", layout_xsd, &d);
	if (l) {
		for (int i = 0; i < 2; i++) {
			sample s = load_sample(sample_path[i]);
			lay_out(&s, l, &d);
			calc_free(s.r);
			model_free(s.m);
		}
		load_layout_free(l);
	}
	for (size_t i = 0; i < d.n; i++)   /* every diagnostic printable */
		if (!d.items[i].message || !d.items[i].file)
			abort();
	diag_free(&d);
	return 0;
}
