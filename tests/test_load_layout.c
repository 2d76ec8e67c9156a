/* SPDX-License-Identifier: Apache-2.0 */
/* test_load_layout.c - the layout file parser: every field, what an absent value
 * leaves alone, the shipped files, and errors with their codes and line numbers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>
#include "load_layout.h"

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<layout xmlns=\"" LOAD_LAYOUT_NS "\""

static load_schema *xsd;

static int setup(void **state)
{
	(void)state;
	xsd = load_layout_schema_new();
	return xsd ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	load_schema_free(xsd);
	return 0;
}

/* Parses text; on success applies it to a zeroed style. */
static load_layout *parse(const char *text, diag_sink *d, report_style *s)
{
	diag_init(d);
	memset(s, 0, sizeof *s);
	load_layout *l = load_layout_memory(text, strlen(text), "egen.xml", xsd, d);
	if (l)
		load_layout_apply(l, s);
	return l;
}

/* The only diagnostic has this code and line, and its message holds `part`. */
static void expect_one(const char *text, enum diag_code code, long line, const char *part)
{
	diag_sink d;
	report_style s;
	load_layout *l = parse(text, &d, &s);
	assert_null(l);
	if (d.n != 1)
		diag_print(&d, stderr);
	assert_int_equal(d.n, 1);
	assert_string_equal(diag_code_name(d.items[0].code), diag_code_name(code));
	assert_int_equal(d.items[0].line, line);
	assert_string_equal(d.items[0].file, "egen.xml");
	if (part && !strstr(d.items[0].message, part))
		fail_msg("'%s' saknas i '%s'", part, d.items[0].message);
	diag_free(&d);
}

/* A layout naming its own fonts: the paths resolved against the file's folder (or
 * absolute), the family kept for the messages; none named: the bundled fonts. */
static void own_fonts(void **state)
{
	(void)state;
	diag_sink d;
	diag_init(&d);
	const char *text = "<?xml version=\"1.0\"?>\n<layout xmlns=\"urn:styrrapport:layout:1\">\n"
		"<typsnitt familj=\"Liberation Sans\" normal=\"f/R.ttf\" fet=\"/abs/B.ttf\" kursiv=\"I.ttf\">\n"
		"<roll namn=\"tabell\" minsta-storlek=\"7.5\"/>\n</typsnitt>\n</layout>\n";
	load_layout *l = load_layout_memory(text, strlen(text), "kommun/egen.xml", xsd, &d);
	assert_non_null(l);
	const char *files[LF_MAX], *family;
	long line;
	assert_true(load_layout_fonts(l, files, &family, &line));
	assert_string_equal(files[LF_REGULAR], "kommun/f/R.ttf");
	assert_string_equal(files[LF_BOLD], "/abs/B.ttf");
	assert_string_equal(files[LF_ITALIC], "kommun/I.ttf");
	assert_string_equal(family, "Liberation Sans");
	assert_int_equal(line, 3);
	report_style s;
	memset(&s, 0, sizeof s);
	load_layout_apply(l, &s);
	assert_true(s.text[RS_TABLE].min_size == 7.5);
	load_layout_free(l);
	const char *plain = "<?xml version=\"1.0\"?>\n<layout xmlns=\"urn:styrrapport:layout:1\">\n"
		"<typsnitt familj=\"Open Sans\"/>\n</layout>\n";
	l = load_layout_memory(plain, strlen(plain), "egen.xml", xsd, &d);
	assert_non_null(l);
	assert_false(load_layout_fonts(l, files, &family, &line));
	load_layout_free(l);
	assert_int_equal(d.n, 0);
	diag_free(&d);
}

static bool same_rgb(lay_rgb a, unsigned r, unsigned g, unsigned b)
{
	return a.r == r && a.g == g && a.b == b;
}

static void page_fonts_and_colours(void **state)
{
	(void)state;
	const char *text = HEAD " typ=\"arsredovisning\">\n"
		"<sida bredd=\"612\" hojd=\"792\" marginal-topp=\"50\" marginal-botten=\"40\" marginal-vanster=\"30\" marginal-hoger=\"35.5\"/>\n"
		"<typsnitt familj=\"Open Sans\">\n"
		"<roll namn=\"rubrik2\" stil=\"kursiv\" storlek=\"15\" radavstand=\"19\" fore=\"7\" efter=\"3\" indrag=\"4\" justering=\"mitten\" farg=\"#0A0B0c\"/>\n"
		"<roll namn=\"vision\" stil=\"normal\"/>\n"
		"</typsnitt>\n"
		"<farger betoningsfarg=\"#010203\" tabellhuvudfarg=\"#040506\" summaradsfarg=\"#070809\" vattenstampelfarg=\"#ffeedd\"/>\n"
		"</layout>\n";
	diag_sink d;
	report_style s;
	load_layout *l = parse(text, &d, &s);
	assert_non_null(l);
	/* the dark fills behind dark table text and the pale FÖRSLAG: warnings, not errors */
	assert_int_equal(d.n, 3);
	assert_int_equal(d.errors, 0);
	for (size_t i = 0; i < d.n; i++)
		assert_string_equal(diag_code_name(d.items[i].code), "KONTRAST");
	assert_int_equal(load_layout_type(l), RT_ARSREDOVISNING);
	assert_true(s.page_width == 612 && s.page_height == 792);
	assert_true(s.margin_top == 50 && s.margin_bottom == 40 && s.margin_left == 30 && s.margin_right == 35.5);
	const lay_style *h2 = &s.text[RS_H2];
	assert_int_equal(h2->font, LF_ITALIC);
	assert_true(h2->size == 15 && h2->leading == 19 && h2->space_before == 7 && h2->space_after == 3);
	assert_true(h2->indent == 4);
	assert_int_equal(h2->align, LA_CENTER);
	assert_true(same_rgb(h2->color, 0x0a, 0x0b, 0x0c));
	assert_int_equal(s.text[RS_VISION].font, LF_REGULAR);
	assert_true(s.text[RS_VISION].size == 0);   /* not given: left alone */
	assert_true(same_rgb(s.emphasis_color, 1, 2, 3));
	assert_true(same_rgb(s.header_fill, 4, 5, 6));
	assert_true(same_rgb(s.sum_fill, 7, 8, 9));
	assert_true(same_rgb(s.watermark_color, 0xff, 0xee, 0xdd));
	load_layout_free(l);
	diag_free(&d);
}

/* Colours below WCAG 2.1's ratios are told: which colour, for what, which ratio, which
 * requirement; large text needs 3:1, graphics 3:1, other text 4.5:1. */
static void low_contrast_colours_warn(void **state)
{
	(void)state;
	const char *text = HEAD ">\n"
		"<typsnitt familj=\"Open Sans\">\n"
		"<roll namn=\"brodtext\" farg=\"#999999\"/>\n"
		"<roll namn=\"rubrik1\" stil=\"fet\" storlek=\"18\" farg=\"#888888\"/>\n"
		"</typsnitt>\n"
		"<farger vattenstampelfarg=\"#e59a9a\"/>\n"
		"<status><uppfyllt farg=\"#2e7d32\" form=\"cirkel\"/><delvis farg=\"#f2b705\" form=\"triangel\"/></status>\n"
		"<sidhuvud storlek=\"8\" farg=\"#aaaaaa\"/>\n"
		"</layout>\n";
	diag_sink d;
	report_style s;
	load_layout *l = parse(text, &d, &s);
	if (!l)
		diag_print(&d, stderr);
	assert_non_null(l);   /* only warnings */
	assert_int_equal(d.errors, 0);
	static const char *const want[] = {
		"färgen #999999 för texten i rollen brodtext har kontrasten 2,8:1 mot vit bakgrund; "
		"WCAG 2.1 (1.4.3, text) kräver minst 4,5:1",
		"färgen #e59a9a för FÖRSLAG-märket (text) har kontrasten 2,2:1",
		"färgen #f2b705 för statusen delvis (diagram och markörer) har kontrasten 1,8:1 mot vit "
		"bakgrund; WCAG 2.1 (1.4.11, grafik) kräver minst 3,0:1",
		"färgen #aaaaaa för sidhuvud och sidfot har kontrasten 2,3:1",
	};
	assert_int_equal(d.n, 4);   /* #888888 at 18 pt bold is large text: 3.5:1 passes */
	for (size_t i = 0; i < 4; i++) {
		bool found = false;
		for (size_t k = 0; k < d.n; k++)
			found |= strstr(d.items[k].message, want[i]) != NULL &&
			         d.items[k].code == D_CONTRAST && d.items[k].line > 0;
		if (!found) {
			diag_print(&d, stderr);
			fail_msg("no warning '%s'", want[i]);
		}
	}
	load_layout_free(l);
	diag_free(&d);
}

static void status_logo_running_and_order(void **state)
{
	(void)state;
	const char *text = HEAD ">\n"
		"<status><delvis farg=\"#111111\" form=\"kvadrat\"/><ej-bedomt farg=\"#222222\" form=\"cirkel\"/></status>\n"
		"<logotyp placering=\"hoger\" bredd=\"90\" hojd=\"30\" i-sidhuvud=\"mitten\" sidhuvud-hojd=\"12\"/>\n"
		"<sidhuvud storlek=\"7.5\" farg=\"#333333\" forsta-sidan=\"ja\"><vanster>{kommun} – {titel}</vanster><hoger></hoger></sidhuvud>\n"
		"<sidfot><mitten>{sida} ({sidor})</mitten></sidfot>\n"
		"<innehall nivaer=\"3\"/>\n"
		"<ordning><del id=\"titelsida\"/><del id=\"avsnitt:bun-analys\"/><del id=\"diagram-drift\"/></ordning>\n"
		"</layout>\n";
	diag_sink d;
	report_style s;
	load_layout *l = parse(text, &d, &s);
	assert_non_null(l);
	assert_int_equal(d.n, 0);
	assert_int_equal(load_layout_type(l), RT_MAX);
	assert_true(same_rgb(s.status_color[ST_DELVIS], 0x11, 0x11, 0x11));
	assert_int_equal(s.status_shape[ST_DELVIS], LS_SQUARE);
	assert_int_equal(s.status_shape[ST_EJ_BEDOMT], LS_CIRCLE);
	assert_int_equal(s.status_shape[ST_NONE], LS_CIRCLE);   /* "no status" looks the same */
	assert_true(same_rgb(s.status_color[ST_NONE], 0x22, 0x22, 0x22));
	assert_true(same_rgb(s.status_color[ST_UPPFYLLT], 0, 0, 0));   /* not given */
	assert_int_equal(s.logo_align, LA_RIGHT);
	assert_true(s.logo_width == 90 && s.logo_height == 30 && s.logo_header_height == 12);
	assert_true(s.logo_in_header);
	assert_int_equal(s.logo_header_align, LA_CENTER);
	assert_true(s.running_size == 7.5);
	assert_true(same_rgb(s.running_color, 0x33, 0x33, 0x33));
	assert_true(s.running_on_first_page);
	assert_string_equal(s.header[0], "{kommun} – {titel}");
	assert_null(s.header[1]);                  /* element absent: left alone */
	assert_string_equal(s.header[2], "");      /* given empty: the slot is emptied */
	assert_string_equal(s.footer[1], "{sida} ({sidor})");
	assert_int_equal(s.toc_levels, 3);
	assert_int_equal(s.n_sections, 3);
	assert_string_equal(s.sections[1], "avsnitt:bun-analys");
	assert_string_equal(s.sections[2], "diagram-drift");
	load_layout_free(l);
	diag_free(&d);
}

/* An empty layout changes nothing: every value of the base is kept. */
static void empty_layout_keeps_the_base(void **state)
{
	(void)state;
	diag_sink d;
	diag_init(&d);
	const char *text = HEAD "/>\n";
	load_layout *l = load_layout_memory(text, strlen(text), "egen.xml", xsd, &d);
	assert_non_null(l);
	report_style s, before;
	memset(&s, 0x5a, sizeof s);
	s.n_sections = 2;
	memcpy(&before, &s, sizeof s);
	load_layout_apply(l, &s);
	assert_memory_equal(&s, &before, sizeof s);
	load_layout_free(l);
	diag_free(&d);
}

/* The shipped files are valid, say their type and order the sections per type. */
static void shipped_layouts_parse(void **state)
{
	(void)state;
	static const char *const names[RT_MAX] = { "uppfoljning", "delarsrapport", "arsredovisning",
	                                           "verksamhetsberattelse", "manadsrapport" };
	for (int t = 0; t < RT_MAX; t++) {
		char path[512];
		snprintf(path, sizeof path, "%s/layouts/%s.xml", SR_SOURCE_DIR, names[t]);
		diag_sink d;
		diag_init(&d);
		load_layout *l = load_layout_read(path, xsd, &d);
		assert_non_null(l);
		assert_int_equal(d.n, 0);
		assert_int_equal(load_layout_type(l), t);
		report_style s;
		memset(&s, 0, sizeof s);
		load_layout_apply(l, &s);
		assert_string_equal(s.sections[0], "titelsida");
		assert_true(s.text[RS_BODY].size == 10);
		assert_string_equal(s.footer[2], "Sida {sida} av {sidor}");
		load_layout_free(l);
		diag_free(&d);
	}
}

static void schema_errors_have_lines(void **state)
{
	(void)state;
	expect_one(HEAD ">\n\n<farger tabellhuvudfarg=\"#12345\"/>\n</layout>\n", D_SCHEMA_VALUE, 4, "#RRGGBB");
	expect_one(HEAD ">\n<ordning>\n<del id=\"titelsida\"/>\n<del id=\"bilagor\"/>\n</ordning>\n</layout>\n",
	           D_SCHEMA_VALUE, 5, "bilagor");
	expect_one(HEAD ">\n<sida hojd=\"-3\"/>\n</layout>\n", D_SCHEMA_VALUE, 3, "för litet");
	/* issue 16: another family needs its files; all three of them */
	expect_one(HEAD ">\n<typsnitt familj=\"Comic Sans\"/>\n</layout>\n", D_LAYOUT_FONT, 3, "\"Comic Sans\" ingår inte");
	expect_one(HEAD ">\n<typsnitt familj=\"Carlito\" normal=\"Carlito-Regular.ttf\"/>\n</layout>\n",
	           D_LAYOUT_FONT, 3, "alla tre");
	expect_one(HEAD ">\n<typsnitt>\n<roll namn=\"rubrik9\"/>\n</typsnitt>\n</layout>\n", D_SCHEMA_VALUE, 4, "rubrik9");
	expect_one(HEAD ">\n<sidfot/>\n<sida/>\n</layout>\n", D_SCHEMA_ELEMENT, 4, "<sida>");
	expect_one(HEAD ">\n<sida farg=\"#000000\"/>\n</layout>\n", D_SCHEMA_ATTR, 3, "farg");
	expect_one(HEAD ">\n<typsnitt><roll stil=\"fet\"/></typsnitt>\n</layout>\n", D_SCHEMA_ATTR_MISSING, 3, "namn");
}

static void rules_beyond_the_schema(void **state)
{
	(void)state;
	expect_one(HEAD ">\n<sidhuvud>\n<vanster>{kommun} {datum}</vanster>\n</sidhuvud>\n</layout>\n",
	           D_LAYOUT, 4, "{datum}");
	expect_one(HEAD ">\n<ordning>\n<del id=\"text\"/>\n<del id=\"text\"/>\n</ordning>\n</layout>\n",
	           D_LAYOUT, 5, "två gånger");
	expect_one(HEAD ">\n<typsnitt>\n<roll namn=\"tabell\"/>\n<roll namn=\"tabell\" stil=\"fet\"/>\n</typsnitt>\n</layout>\n",
	           D_LAYOUT, 5, "tabell");
	expect_one(HEAD ">\n<typsnitt>\n<roll namn=\"brodtext\" storlek=\"12\" radavstand=\"10\"/>\n</typsnitt>\n</layout>\n",
	           D_LAYOUT, 4, "radavståndet");
	expect_one(HEAD ">\n<sida bredd=\"300\" marginal-vanster=\"100\" marginal-hoger=\"100\"/>\n</layout>\n",
	           D_LAYOUT, 3, "bredd");
}

static void unusable_files(void **state)
{
	(void)state;
	expect_one("<rapport xmlns=\"urn:styrrapport:1\"/>\n", D_XML_ROOT, 1, "<layout>");
	expect_one(HEAD ">\n\n<sida bredd=\"1\" bredd=\"2\"/>\n</layout>\n", D_XML_SYNTAX, 4, NULL);
	expect_one("<?xml version=\"1.0\"?>\n<!DOCTYPE layout [<!ENTITY x \"y\">]>\n<layout/>\n", D_XML_DOCTYPE, 2, NULL);
	diag_sink d;
	diag_init(&d);
	assert_null(load_layout_read(SR_TEST_DATA "/layouts/finns-inte.xml", xsd, &d));
	assert_int_equal(d.n, 1);
	assert_int_equal(d.items[0].code, D_FILE_READ);
	assert_int_equal(d.worst_exit, EXIT_RUNTIME);
	diag_free(&d);
}

/* The example of docs/layouts.md parses and sets only what it names. */
static void example_file(void **state)
{
	(void)state;
	diag_sink d;
	diag_init(&d);
	load_layout *l = load_layout_read(SR_TEST_DATA "/layouts/egen-kommun.xml", xsd, &d);
	assert_non_null(l);
	assert_int_equal(d.n, 0);
	report_style s;
	memset(&s, 0, sizeof s);
	load_layout_apply(l, &s);
	assert_true(same_rgb(s.text[RS_H1].color, 0x7a, 0x1f, 0x5c));
	assert_true(s.text[RS_BODY].size == 0);
	assert_string_equal(s.sections[2], "driftredovisning");
	assert_true(s.logo_in_header);
	load_layout_free(l);
	diag_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(low_contrast_colours_warn),
		cmocka_unit_test(page_fonts_and_colours),
		cmocka_unit_test(status_logo_running_and_order),
		cmocka_unit_test(empty_layout_keeps_the_base),
		cmocka_unit_test(shipped_layouts_parse),
		cmocka_unit_test(schema_errors_have_lines),
		cmocka_unit_test(rules_beyond_the_schema),
		cmocka_unit_test(own_fonts),
		cmocka_unit_test(unusable_files),
		cmocka_unit_test(example_file),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
