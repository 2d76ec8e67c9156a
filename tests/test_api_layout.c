/* SPDX-License-Identifier: Apache-2.0 */
/* test_api_layout.c - the shipped layout files state exactly the built-in style of
 * their type, a kommun's layout changes what it names, the header templates expand,
 * and a session reads each layout file once for many documents. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "api_private.h"
#include "load_layout.h"
#include "report.h"

static const char *const type_names[RT_MAX] = { "uppfoljning", "delarsrapport", "arsredovisning",
                                                "verksamhetsberattelse", "manadsrapport" };

static void same_text_style(const lay_style *a, const lay_style *b, int role)
{
	if (a->font != b->font || a->size != b->size || a->leading != b->leading ||
	    a->space_before != b->space_before || a->space_after != b->space_after ||
	    a->indent != b->indent || a->align != b->align || a->color.r != b->color.r ||
	    a->color.g != b->color.g || a->color.b != b->color.b)
		fail_msg("textroll %d skiljer sig från standardvärdet", role);
}

static void same_rgb(lay_rgb a, lay_rgb b, const char *what)
{
	if (a.r != b.r || a.g != b.g || a.b != b.b)
		fail_msg("%s skiljer sig från standardvärdet", what);
}

static void same_str(const char *a, const char *b, const char *what)
{
	if (strcmp(a ? a : "", b ? b : "") != 0)
		fail_msg("%s: '%s' i stället för '%s'", what, a ? a : "", b ? b : "");
}

/* Every value a layout file can set, compared with the built-in one. */
static void same_style(const report_style *got, const report_style *want)
{
	assert_true(got->page_width == want->page_width && got->page_height == want->page_height);
	assert_true(got->margin_top == want->margin_top && got->margin_bottom == want->margin_bottom);
	assert_true(got->margin_left == want->margin_left && got->margin_right == want->margin_right);
	assert_true(got->running_size == want->running_size);
	same_rgb(got->running_color, want->running_color, "sidhuvudets färg");
	same_rgb(got->watermark_color, want->watermark_color, "vattenstämpeln");
	for (int k = 0; k < 3; k++) {
		same_str(got->header[k], want->header[k], "sidhuvud");
		same_str(got->footer[k], want->footer[k], "sidfot");
	}
	assert_int_equal(got->running_on_first_page, want->running_on_first_page);
	for (int r = 0; r < RS_ROLE_MAX; r++)
		same_text_style(&got->text[r], &want->text[r], r);
	same_rgb(got->emphasis_color, want->emphasis_color, "betoningsfärgen");
	same_rgb(got->header_fill, want->header_fill, "tabellhuvudet");
	same_rgb(got->sum_fill, want->sum_fill, "summaraden");
	for (int st = 0; st < ST_MAX; st++) {
		same_rgb(got->status_color[st], want->status_color[st], "statusfärgen");
		assert_int_equal(got->status_shape[st], want->status_shape[st]);
	}
	assert_true(got->logo_width == want->logo_width && got->logo_height == want->logo_height);
	assert_int_equal(got->logo_align, want->logo_align);
	assert_int_equal(got->logo_in_header, want->logo_in_header);
	assert_true(got->logo_header_height == want->logo_header_height);
	assert_int_equal(got->toc_levels, want->toc_levels);
	assert_int_equal(got->n_sections, want->n_sections);
	for (size_t i = 0; i < want->n_sections; i++)
		same_str(got->sections[i], want->sections[i], "avsnittsordningen");
}

/* Applied over a style where every value is wrong, a shipped file must give back the
 * type's built-in style value for value: the files state everything. */
static void shipped_files_are_the_defaults(void **state)
{
	(void)state;
	load_schema *xsd = load_layout_schema_new();
	assert_non_null(xsd);
	for (int t = 0; t < RT_MAX; t++) {
		char path[512];
		snprintf(path, sizeof path, "%s/layouts/%s.xml", SR_SOURCE_DIR, type_names[t]);
		diag_sink d;
		diag_init(&d);
		load_layout *l = load_layout_read(path, xsd, &d);
		assert_non_null(l);
		report_style want, got;
		report_style_default(&want, (enum report_type)t);
		report_style_default(&got, (enum report_type)((t + 1) % RT_MAX));   /* another order */
		for (int r = 0; r < RS_ROLE_MAX; r++)
			got.text[r] = (lay_style){ .font = LF_ITALIC, .size = 99, .leading = 1, .align = LA_RIGHT };
		memset(got.status_color, 0x77, sizeof got.status_color);
		got.page_width = got.margin_left = got.logo_width = got.running_size = 1;
		got.header[0] = got.footer[2] = "fel";
		got.logo_in_header = true;
		load_layout_apply(l, &got);
		same_style(&got, &want);
		load_layout_free(l);
		diag_free(&d);
	}
	load_schema_free(xsd);
}

static sr_session *session(void)
{
	char why[256];
	sr_session *s = sr_session_new(SR_SOURCE_DIR, why, sizeof why);
	if (!s)
		fail_msg("%s", why);
	return s;
}

static void templates_expand(void **state)
{
	(void)state;
	sr_session *s = session();
	sr_report *r = sr_open(s, SR_SOURCE_DIR "/samples/kungalv-delarsrapport-2025.xml");
	assert_int_equal(sr_status(r), SR_OK);
	const sr_model *m = r->model;   /* a proposal: {status} says so */
	const char *t = report_running_text(m, "{kommun} | Dnr {dnr} | {sida} ({sidor}) | {status}");
	char want[512];
	snprintf(want, sizeof want, "%s | Dnr %s | {N} ({M}) | FÖRSLAG – ej beslutat", m->kommun.namn,
	         m->diarium.diarienummer);
	assert_string_equal(t, want);
	assert_null(report_running_text(m, ""));
	assert_string_equal(report_running_text(m, "{titel}"), report_title(m));
	sr_close(r);
	r = sr_open(s, SR_SOURCE_DIR "/samples/sjovik-delarsrapport-2024.xml");   /* decided */
	assert_int_equal(sr_status(r), SR_OK);
	assert_null(report_running_text(r->model, "{status}"));          /* all fields empty */
	assert_null(report_running_text(r->model, "Utkast {status}"));   /* text around them too */
	assert_string_equal(report_running_text(r->model, "{kommun} {status}"), "Sjöviks kommun ");
	sr_close(r);
	sr_session_free(s);
}

static void render(sr_session *s, const char *doc, const char *layout, int want)
{
	char out[] = "/tmp/test_api_layout-XXXXXX";
	int fd = mkstemp(out);
	assert_true(fd >= 0);
	close(fd);
	sr_report *r = sr_open(s, doc);
	sr_render_options o = { .no_pdfa = true, .layout_path = layout };
	int st = sr_render(r, out, &o);
	if (st != want)
		sr_print_diagnostics(r, stderr);
	assert_int_equal(st, want);
	sr_close(r);
	unlink(out);
}

/* A batch: two delårsrapporter read layouts/delarsrapport.xml once; a kommun's file is
 * read once for all its documents; a bad one is not kept and fails every time. */
static void session_reads_each_layout_once(void **state)
{
	(void)state;
	sr_session *s = session();
	render(s, SR_SOURCE_DIR "/samples/sjovik-delarsrapport-2024.xml", NULL, SR_OK);
	render(s, SR_SOURCE_DIR "/samples/kungalv-delarsrapport-2025.xml", NULL, SR_OK);
	assert_int_equal(s->n_layouts, 1);
	assert_non_null(strstr(s->layouts[0].path, "layouts/delarsrapport.xml"));
	render(s, SR_SOURCE_DIR "/samples/timra-uppfoljning-2025.xml", NULL, SR_OK);
	assert_int_equal(s->n_layouts, 2);
	const char *own = SR_TEST_DATA "/layouts/egen-kommun.xml";
	render(s, SR_SOURCE_DIR "/samples/sjovik-delarsrapport-2024.xml", own, SR_OK);
	render(s, SR_SOURCE_DIR "/samples/timra-uppfoljning-2025.xml", own, SR_OK);
	assert_int_equal(s->n_layouts, 3);
	const char *bad = SR_TEST_DATA "/layouts/fel-farg.xml";
	render(s, SR_SOURCE_DIR "/samples/sjovik-delarsrapport-2024.xml", bad, SR_INVALID);
	render(s, SR_SOURCE_DIR "/samples/sjovik-delarsrapport-2024.xml", bad, SR_INVALID);
	assert_int_equal(s->n_layouts, 3);
	sr_session_free(s);
}

/* Dumps the Sjövik sample with a layout file of body; expects exit 1 and a D_LAYOUT on
 * line `line` of the layout file whose message holds `part`. */
static void layout_refused(sr_session *s, const char *body, long line, const char *part)
{
	char path[] = "/tmp/test_api_layout-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "w");
	fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<layout xmlns=\"" LOAD_LAYOUT_NS "\">\n%s</layout>\n", body);
	fclose(f);
	sr_report *r = sr_open(s, SR_SOURCE_DIR "/samples/sjovik-delarsrapport-2024.xml");
	sr_render_options o = { .no_pdfa = true, .layout_path = path };
	FILE *null = fopen("/dev/null", "w");
	int st = sr_dump_layout(r, null, &o);
	fclose(null);
	bool found = false;
	for (size_t i = 0; i < sr_diagnostic_count(r); i++) {
		sr_diagnostic d = sr_diagnostic_at(r, i);
		found |= strcmp(d.code, "LAYOUT") == 0 && d.line == line && strstr(d.message, part) &&
		         strcmp(d.file, path) == 0;
	}
	if (st != SR_INVALID || !found) {
		sr_print_diagnostics(r, stderr);
		fail_msg("väntade [LAYOUT] på rad %ld med '%s' för:\n%s", line, part, body);
	}
	sr_close(r);
	unlink(path);
}

/* The style as a whole: what the file gives over the built-in values. */
static void geometry_checked_as_a_whole(void **state)
{
	(void)state;
	sr_session *s = session();
	/* margins alone (no page size given), checked against the built-in A4 */
	layout_refused(s, "<sida marginal-vanster=\"300\" marginal-hoger=\"200\"/>\n", 3, "lämnar 95.3 pt");
	layout_refused(s, "<sida marginal-topp=\"400\" marginal-botten=\"400\"/>\n", 3, "sidans höjd");
	/* zero margins: the Dnr and the page numbers would lie outside the page */
	layout_refused(s, "<sida marginal-topp=\"0\"/>\n", 3, "sidhuvudet");
	layout_refused(s, "<sida marginal-botten=\"2\"/>\n", 3, "sidfoten");
	/* a huge indent, leading, space or logo */
	layout_refused(s, "<typsnitt>\n<roll namn=\"lista\" indrag=\"450\"/>\n</typsnitt>\n", 4, "indraget");
	layout_refused(s, "<typsnitt>\n<roll namn=\"brodtext\" radavstand=\"5000\"/>\n</typsnitt>\n", 4, "högre än");
	layout_refused(s, "<typsnitt>\n<roll namn=\"rubrik1\" fore=\"900\"/>\n</typsnitt>\n", 4, "avståndet före");
	layout_refused(s, "<logotyp bredd=\"900\"/>\n", 3, "logotypen");
	layout_refused(s, "<logotyp i-sidhuvud=\"vanster\" sidhuvud-hojd=\"300\"/>\n", 3, "toppmarginalen");
	/* an avsnitt the document does not have drops nothing silently */
	layout_refused(s, "<ordning>\n<del id=\"titelsida\"/>\n<del id=\"avsnitt:finns-inte\"/>\n</ordning>\n", 5,
	               "avsnitt:finns-inte");
	/* colour is never the only carrier of a status */
	layout_refused(s, "<status>\n<uppfyllt form=\"kvadrat\"/>\n<delvis form=\"kvadrat\"/>\n"
	               "<ej-uppfyllt form=\"kvadrat\"/>\n<ej-bedomt form=\"kvadrat\"/>\n</status>\n", 3, "samma form");
	layout_refused(s, "<status>\n<delvis form=\"cirkel\"/>\n</status>\n", 3, "uppfyllt och delvis");
	/* a known section and a sound layout pass */
	render(s, SR_SOURCE_DIR "/samples/sjovik-delarsrapport-2024.xml", SR_TEST_DATA "/layouts/egen-kommun.xml", SR_OK);
	sr_session_free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(shipped_files_are_the_defaults),
		cmocka_unit_test(templates_expand),
		cmocka_unit_test(session_reads_each_layout_once),
		cmocka_unit_test(geometry_checked_as_a_whole),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
