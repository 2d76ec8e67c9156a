/* SPDX-License-Identifier: Apache-2.0 */
/* test_font.c - the font module (issue 16): Swedish hyphenation of real nämnd and project
 * names with the expected breaks and the exceptions list, kerning (widths are the sums of
 * what font_shape draws, never across a space), the fallback font, and a driftredovisning
 * in tkr at 85 pt margins laid out with the real fonts: no number broken. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "font.h"
#include "lay_private.h"

#define FONTS SR_SOURCE_DIR "/fonts"

static font_set *fs;

static int setup(void **state)
{
	(void)state;
	font_files ff = font_files_default(FONTS);
	char why[512];
	fs = font_set_new(&ff, why, sizeof why);
	if (!fs)
		fprintf(stderr, "%s\n", why);
	return fs ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	font_set_free(fs);
	return 0;
}

/* The word with "-" at every break and "=" at a compound joint. */
static void hyph(const char *word, char *out, size_t cap)
{
	const lay_metrics *m = font_set_metrics(fs);
	size_t at[64];
	bool joint[64];
	size_t n = m->hyphenate(m->ctx, word, strlen(word), at, joint, 64), p = 0, o = 0;
	for (size_t k = 0; k <= n && o + 8 < cap; k++) {
		size_t end = k < n ? at[k] : strlen(word);
		memcpy(out + o, word + p, end - p);
		o += end - p;
		if (k < n)
			out[o++] = joint[k] ? '=' : '-';
		p = end;
	}
	out[o] = '\0';
}

static void swedish_names(void **state)
{
	(void)state;
	static const char *const want[][2] = {
		/* real nämnd names */
		{ "Arbetsmarknadsnämnden", "Ar-bets=mark-nads=nämn-den" },
		{ "Kommunstyrelsen", "Kom-mun=sty-rel-sen" },
		{ "Socialnämnden", "So-ci-al=nämn-den" },
		{ "utbildningsnämnden", "ut-bild-nings=nämn-den" },
		{ "Överförmyndarnämnden", "Över-för-myn-dar=nämn-den" },
		{ "Samhällsbyggnadsförvaltningen", "Sam-hälls-bygg-nads=för-valt-ningen" },
		{ "fritidsnämnden", "fri-tids=nämn-den" },
		{ "Kommunfullmäktige", "Kom-mun=full-mäk-tige" },
		/* projects and posts */
		{ "Räddningstjänststationsombyggnaden", "Rädd-nings=tjänst=sta-tions=om-bygg-na-den" },
		{ "Verksamhetsberättelse", "Verk-sam-hets=be-rät-telse" },
		{ "investeringsredovisning", "in-ve-ste-rings=re-do-vis-ning" },
		{ "Driftredovisning", "Drift=re-do-vis-ning" },
		/* the patterns' misbreaks, fixed by fonts/hyph_sv_extra.txt */
		{ "budgetavvikelse", "bud-get=av-vi-kelse" },
		{ "driftbudgetavvikelsen", "drift=bud-get=av-vi-kel-sen" },
		{ "procentenheter", "pro-cent=en-he-ter" },
		{ "löshetsandel", "lös-hets=an-del" },
		{ "Budget", "Bud-get" },
		{ "Avvikelse", "Av-vi-kelse" },
		/* nothing for: short words, numbers, Sami letters outside Latin-1 */
		{ "nämnd", "nämnd" },
		{ "2024-08-31", "2024-08-31" },
		{ "Sámeđiggi", "Sámeđiggi" },
		{ "Ŋuorralašvuođa", "Ŋuorralašvuođa" },
	};
	for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
		char got[256];
		hyph(want[i][0], got, sizeof got);
		if (strcmp(got, want[i][1]))
			fail_msg("%s: %s, väntat %s", want[i][0], got, want[i][1]);
	}
}

/* font_width is exactly the advances plus kerns of font_shape, for every style. */
static long shaped_advance(enum lay_font f, const char *s)
{
	font_glyph *g = NULL;
	size_t cap = 0, n = font_shape(fs, f, s, strlen(s), &g, &cap);
	long sum = 0;
	for (size_t i = 0; i < n; i++)
		sum += font_advance(fs, g[i].face, g[i].code) + g[i].kern;
	free(g);
	return sum;
}

static void kerning(void **state)
{
	(void)state;
	static const char *const s[] = { "AV", "Tr", "Te", "Trafik, Teknik och AV-utrustning",
	                                 "Yo Vå To", "Räddningstjänststationsombyggnaden",
	                                 "1 694 604", "Ж ש Ω", "" };
	for (enum lay_font f = 0; f < LF_MAX; f++)
		for (size_t i = 0; i < sizeof s / sizeof *s; i++)
			assert_int_equal(font_width(fs, f, s[i], strlen(s[i])), shaped_advance(f, s[i]));
	/* Open Sans kerns these pairs (the gaps in headings the issue saw) */
	const char *pairs[] = { "AV", "Tr", "Te", "To", "Yo" };
	for (size_t i = 0; i < 5; i++) {
		long plain = font_advance(fs, LF_BOLD, (unsigned char)pairs[i][0]) +
		             font_advance(fs, LF_BOLD, (unsigned char)pairs[i][1]);
		if (!(font_width(fs, LF_BOLD, pairs[i], 2) < plain))
			fail_msg("%s: inte kernat (%ld)", pairs[i], plain);
	}
	/* never across a space: word widths add up to line widths */
	assert_int_equal(font_width(fs, LF_REGULAR, "A V", 3),
	                 font_width(fs, LF_REGULAR, "A", 1) + font_width(fs, LF_REGULAR, " ", 1) +
	                 font_width(fs, LF_REGULAR, "V", 1));
	/* the layout's metrics are the same numbers in points */
	const lay_metrics *m = font_set_metrics(fs);
	assert_true(m->width(m->ctx, LF_BOLD, 10, "AV", 2) == font_width(fs, LF_BOLD, "AV", 2) * 10 / 1000.0);
}

/* A shortened running-header slot fits with its kerns: summed per character, a prefix
 * leaves its kerns out, and "TT…" kerns wider than its letters (the fuzzer's footer ran
 * 0.03 pt over its margin). */
static void shortened_text_fits_kerned(void **state)
{
	(void)state;
	const lay_metrics *m = font_set_metrics(fs);
	arena *a = arena_new();
	static const char *const s[] = {
		"SidTTTTT\\TTTT2normalTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTa ptida} av 9",
		"AVAVAVAVAVAVAVAVAVAVAVAVAVAVAV Trafik- och tekniknämnden", "Tätortsutveckling",
	};
	for (size_t i = 0; i < sizeof s / sizeof *s; i++)
		for (enum lay_font f = 0; f < LF_MAX; f++)
			for (double w = 5; w < 400; w += 0.37) {
				char *cut = lay_shorten(a, m, f, 12, s[i], w);
				double got = m->width(m->ctx, f, 12, cut ? cut : s[i], strlen(cut ? cut : s[i]));
				if (got > w)
					fail_msg("\"%s\" i %.2f pt: %.4f pt", cut ? cut : s[i], w, got);
			}
	arena_free(a);
}

static void fallback(void **state)
{
	(void)state;
	assert_non_null(font_set_path(fs, FONT_FALLBACK));
	font_glyph *g = NULL;
	size_t cap = 0;
	/* "Ωש": Greek is Open Sans's, Hebrew the fallback's; no kern across the change */
	size_t n = font_shape(fs, LF_REGULAR, "\xCE\xA9\xD7\xA9", 4, &g, &cap);
	assert_int_equal(n, 2);
	assert_int_equal(g[0].face, LF_REGULAR);
	assert_int_equal(g[1].face, FONT_FALLBACK);
	assert_int_equal(g[1].kern, 0);
	assert_int_equal(g[1].code, 0x05E9);
	/* CJK: no face has it, drawn (as a box) in the style's own font; above U+FFFF: 😀
	 * from the fallback with a Private Use Area code, 🦄 (no font) a space */
	n = font_shape(fs, LF_BOLD, "\xE6\x97\xA5\xF0\x9F\x98\x80\xF0\x9F\xA6\x84", 11, &g, &cap);
	assert_int_equal(n, 3);
	assert_int_equal(g[0].face, LF_BOLD);
	assert_int_equal(g[1].face, FONT_FALLBACK + LF_BOLD);   /* DejaVu Sans Bold has it */
	assert_int_equal(g[1].code, font_ttf_supp_code(font_set_ttf(fs, FONT_FALLBACK + LF_BOLD), 0x1F600));
	assert_true(g[1].code >= 0xE000 && g[1].code <= 0xF8FF);
	assert_true(font_advance(fs, FONT_FALLBACK + LF_BOLD, g[1].code) > 500);
	assert_int_equal(g[2].code, ' ');
	assert_int_equal(g[2].face, LF_BOLD);
	n = font_shape(fs, LF_REGULAR, "\xF0\x9F\x98\x80", 4, &g, &cap);
	assert_int_equal(g[0].face, FONT_FALLBACK);
	const font_ttf *t = font_set_ttf(fs, FONT_FALLBACK);
	assert_int_equal(g[0].code, font_ttf_supp_code(t, 0x1F600));
	assert_true(font_set_has(fs, 0x05E9));
	assert_true(font_set_has(fs, 0x0416));
	assert_false(font_set_has(fs, 0x65E5));
	assert_true(font_set_has(fs, 0x1F600));
	assert_true(font_set_has(fs, 0x1D538));
	assert_false(font_set_has(fs, 0x1F984));
	/* bold and italic text in the fallback's script: DejaVu Sans Bold and Oblique; what
	 * those lack comes from the regular face */
	n = font_shape(fs, LF_BOLD, "\xD7\xA9", 2, &g, &cap);
	assert_int_equal(g[0].face, FONT_FALLBACK + LF_BOLD);
	n = font_shape(fs, LF_ITALIC, "\xD7\xA9", 2, &g, &cap);
	assert_int_equal(g[0].face, FONT_FALLBACK + LF_ITALIC);
	assert_non_null(font_set_path(fs, FONT_FALLBACK + LF_BOLD));
	assert_non_null(font_set_path(fs, FONT_FALLBACK + LF_ITALIC));
	/* DejaVu Sans Oblique has no Arabic: italic Arabic is the regular face's */
	const font_ttf *ob = font_set_ttf(fs, FONT_FALLBACK + LF_ITALIC);
	assert_false(ob->has[0x628 >> 3] >> (0x628 & 7) & 1);
	n = font_shape(fs, LF_ITALIC, "\xD8\xA8", 2, &g, &cap);
	assert_int_equal(n, 1);
	assert_int_equal(g[0].face, FONT_FALLBACK);
	free(g);
	/* the Private Use Area codes are free in DejaVu Sans's own cmap */
	assert_false(t->has[t->supp_base >> 3] >> (t->supp_base & 7) & 1);
}

/* ---- right-to-left scripts (font_bidi.c) ---- */

#define HE_DAVID "\xD7\x93\xD7\x95\xD7\x93"             /* דוד */
#define HE_COHEN "\xD7\x9B\xD7\x94\xD7\x9F"             /* כהן */
#define AR_MUHAMMAD "\xD9\x85\xD8\xAD\xD9\x85\xD8\xAF"  /* محمد */
#define AR_SALAM "\xD8\xB3\xD9\x84\xD8\xA7\xD9\x85"     /* سلام */

/* The codes font_shape draws for s, left to right, as a 0-terminated list. */
static void codes(enum lay_font f, const char *s, unsigned *out, size_t max)
{
	font_glyph *g = NULL;
	size_t cap = 0, n = font_shape(fs, f, s, strlen(s), &g, &cap);
	assert_true(n < max);
	for (size_t i = 0; i < n; i++)
		out[i] = g[i].code;
	out[n] = 0;
	free(g);
}

static void assert_codes(enum lay_font f, const char *s, const unsigned *want)
{
	unsigned got[64];
	codes(f, s, got, 64);
	for (size_t i = 0;; i++) {
		if (got[i] != want[i])
			fail_msg("%s: kod %zu är U+%04X, väntat U+%04X", s, i, got[i], want[i]);
		if (!want[i])
			break;
	}
}

static void right_to_left(void **state)
{
	(void)state;
	/* Hebrew: the letters and the words right to left, in visual order */
	assert_codes(LF_REGULAR, HE_DAVID " " HE_COHEN,
	             (const unsigned[]){ 0x5DF, 0x5D4, 0x5DB, ' ', 0x5D3, 0x5D5, 0x5D3, 0 });
	/* in Swedish text (an LTR paragraph): a number between two Hebrew words stays left to
	 * right inside the right-to-left run (UAX #9: level 2); the full stop after it is
	 * the paragraph's */
	assert_codes(LF_REGULAR, "Tolken " HE_DAVID " 12 " HE_COHEN ".",
	             (const unsigned[]){ 'T', 'o', 'l', 'k', 'e', 'n', ' ', 0x5DF, 0x5D4, 0x5DB, ' ',
	                                 '1', '2', ' ', 0x5D3, 0x5D5, 0x5D3, '.', 0 });
	/* brackets inside a right-to-left run are mirrored */
	assert_codes(LF_REGULAR, HE_DAVID " (" HE_COHEN ")",
	             (const unsigned[]){ '(', 0x5DF, 0x5D4, 0x5DB, ')', ' ', 0x5D3, 0x5D5, 0x5D3, 0 });
	/* Arabic: joining forms from DejaVu Sans's GSUB, drawn by their presentation-form code
	 * points: final dal, medial meem, medial hah, initial meem */
	assert_codes(LF_BOLD, AR_MUHAMMAD, (const unsigned[]){ 0xFEAA, 0xFEE4, 0xFEA4, 0xFEE3, 0 });
	/* the lam-alef ligature (rlig): meem, lam-alef (final), initial seen */
	unsigned got[16];
	codes(LF_REGULAR, AR_SALAM, got, 16);
	assert_int_equal(got[1], 0xFEFC);
	assert_int_equal(got[2], 0xFEB3);
	assert_int_equal(got[3], 0);
	/* measuring is drawing: the sum of the shaped glyphs, word by word */
	static const char *const s[] = { HE_DAVID " " HE_COHEN, "Tolken " HE_DAVID " 12 " HE_COHEN ".",
	                                 AR_MUHAMMAD " " AR_SALAM, "(" HE_DAVID "),", "x" AR_SALAM "y-" };
	for (enum lay_font f = 0; f < LF_MAX; f++)
		for (size_t i = 0; i < sizeof s / sizeof *s; i++)
			assert_int_equal(font_width(fs, f, s[i], strlen(s[i])), shaped_advance(f, s[i]));
	const char *line = "Tolken " HE_DAVID " " HE_COHEN " och " AR_MUHAMMAD;
	long sum = 0;
	for (const char *w = line; *w;) {
		size_t n = strcspn(w, " ");
		sum += font_width(fs, LF_REGULAR, w, n) + (w[n] ? font_width(fs, LF_REGULAR, " ", 1) : 0);
		w += n + (w[n] != 0);
	}
	assert_int_equal(font_width(fs, LF_REGULAR, line, strlen(line)), sum);
	/* the fast path: no right-to-left character, nothing reordered */
	assert_false(font_text_rtl("Räddningstjänst – Ωμέγα Жукова ≥ 5 %", strlen("Räddningstjänst – Ωμέγα Жукова ≥ 5 %")));
	assert_true(font_text_rtl("a" HE_DAVID, strlen("a" HE_DAVID)));
}

/* A line's runs in several styles are ordered as one (the layout, lay_place.c): the
 * bold דוד goes right of the regular כהן that follows it, each right-to-left run is drawn
 * right to left (dl_item.rtl), and the pieces lie end to end: the line keeps its width. */
static const dl_item *item_with(const lay_result *r, const char *text)
{
	for (size_t i = 0; i < r->pages[0].n_items; i++)
		if (r->pages[0].items[i].kind == DL_TEXT && !strcmp(r->pages[0].items[i].text, text))
			return &r->pages[0].items[i];
	fail_msg("ingen text \"%s\"", text);
	return NULL;
}

static void line_runs_in_visual_order(void **state)
{
	(void)state;
	lay_page_setup s = { .width = 595.276, .height = 841.89, .margin_top = 72, .margin_bottom = 64,
	                     .margin_left = 70, .margin_right = 70, .running_size = 8 };
	lay_doc *d = lay_new(&s, font_set_metrics(fs));
	lay_style st = { .font = LF_REGULAR, .size = 10, .leading = 13 };
	const lay_rgb k = { 0, 0, 0 };
	lay_span sp[3] = { { "Namnet ", LF_REGULAR, k }, { HE_DAVID, LF_BOLD, k },
	                   { " " HE_COHEN " och Malm\xC3\xB6.", LF_REGULAR, k } };
	lay_paragraph(d, sp, 3, &st, ROLE_PARAGRAPH);
	lay_result *r = lay_run(d, NULL);
	lay_free(d);
	assert_non_null(r);
	/* the levels: "Namnet " 0, דוד 1, " כהן" 1 (the space between two Hebrew words is
	 * theirs), " och Malmö." 0; visual: Namnet ןהכ דוד och Malmö. */
	const dl_item *a = item_with(r, "Namnet "), *dav = item_with(r, HE_DAVID);
	const dl_item *coh = item_with(r, " " HE_COHEN);
	const dl_item *tail = item_with(r, " och Malm\xC3\xB6.");
	assert_true(a->x < coh->x && coh->x < dav->x && dav->x < tail->x);
	assert_true(coh->rtl && dav->rtl);
	assert_false(a->rtl || tail->rtl);
	assert_true(fabs(a->x + a->w - coh->x) < 1e-9 && fabs(coh->x + coh->w - dav->x) < 1e-9 &&
	            fabs(dav->x + dav->w - tail->x) < 1e-9);
	/* drawn right to left: " כהן" as ן ה כ and then the space */
	unsigned got[8];
	font_glyph *g = NULL;
	size_t cap = 0, n = font_shape_dir(fs, LF_REGULAR, coh->text, strlen(coh->text), true, &g, &cap);
	for (size_t i = 0; i < n && i < 7; i++)
		got[i] = g[i].code;
	free(g);
	assert_int_equal(n, 4);
	assert_int_equal(got[0], 0x5DF);
	assert_int_equal(got[3], ' ');
	double whole = (font_width(fs, LF_REGULAR, "Namnet ", 7) + font_width(fs, LF_BOLD, HE_DAVID, 6) +
	                font_width(fs, LF_REGULAR, " " HE_COHEN " och Malm\xC3\xB6.", strlen(" " HE_COHEN " och Malm\xC3\xB6."))) *
	               10 / 1000.0;
	assert_true(fabs(tail->x + tail->w - a->x - whole) < 1e-9);
	lay_result_free(r);
}

/* Every text item's width is its drawn advance, also for a word broken by letters (its
 * head measured whole: kerned, and Arabic letters in the forms of the shorter word) and
 * for a word glued across spans with right-to-left letters in it (cut only between the
 * units each span's text has alone); and nothing passes the margins. */
static void items_are_drawn_as_measured(void **state)
{
	(void)state;
	lay_page_setup s = { .width = 300, .height = 400, .margin_top = 30, .margin_bottom = 30,
	                     .margin_left = 30, .margin_right = 30, .running_size = 8 };
	lay_doc *d = lay_new(&s, font_set_metrics(fs));
	lay_style st = { .font = LF_REGULAR, .size = 10, .leading = 13 };
	const lay_rgb k = { 0, 0, 0 };
	lay_span glued[2] = { { HE_DAVID "a-.TrafikR\xC3\xA4" "ddningstj\xC3\xA4nststationsombyggnaden", LF_REGULAR, k },
	                      { AR_MUHAMMAD "\xF0\x9F\x98\x80" AR_SALAM "22", LF_REGULAR, k } };
	lay_paragraph(d, glued, 2, &st, ROLE_PARAGRAPH);
	lay_span broken[1] = { { "VadR\xC3\xA4" "ddningstj\xC3\xA4nststationsombyggnadenR\xC3\xA4" "ddningstj\xC3\xA4nststationsombyggnaden "
	                         AR_SALAM AR_SALAM AR_SALAM AR_SALAM AR_SALAM AR_SALAM AR_SALAM AR_SALAM AR_SALAM
	                         AR_SALAM AR_SALAM AR_SALAM AR_SALAM AR_SALAM AR_SALAM, LF_ITALIC, k } };
	lay_paragraph(d, broken, 1, &st, ROLE_PARAGRAPH);
	lay_result *r = lay_run(d, NULL);
	lay_free(d);
	assert_non_null(r);
	assert_null(lay_check(r));
	font_glyph *g = NULL;
	size_t cap = 0, n_items = 0;
	for (size_t i = 0; i < r->pages[0].n_items; i++) {
		const dl_item *x = &r->pages[0].items[i];
		if (x->kind != DL_TEXT || x->role == ROLE_ARTIFACT)
			continue;
		size_t n = font_shape_dir(fs, x->font, x->text, strlen(x->text), x->rtl, &g, &cap);
		long sum = 0;
		for (size_t j = 0; j < n; j++)
			sum += (long)font_advance(fs, g[j].face, g[j].code) + g[j].kern;
		if (fabs(sum * x->size / 1000.0 - x->w) > 1e-9)
			fail_msg("\"%s\": mätt %.3f, ritat %.3f", x->text, x->w, sum * x->size / 1000.0);
		n_items++;
	}
	assert_true(n_items > 8);
	free(g);
	lay_result_free(r);
}

static void missing_fonts(void **state)
{
	(void)state;
	char why[512];
	font_files ff = font_files_default(FONTS);
	ff.file[LF_BOLD] = "Carlito-Bold.ttf";
	assert_null(font_set_new(&ff, why, sizeof why));
	assert_non_null(strstr(why, "Carlito-Bold.ttf kan inte läsas"));
	ff.file[LF_BOLD] = SR_SOURCE_DIR "/fonts/README.md";
	assert_null(font_set_new(&ff, why, sizeof why));
	assert_non_null(strstr(why, "är inget TrueType-typsnitt"));
	/* no fallback file: a set without one */
	ff = font_files_default(FONTS);
	ff.fallback = "finns-inte.ttf";
	font_set *f2 = font_set_new(&ff, why, sizeof why);
	assert_non_null(f2);
	assert_null(font_set_path(f2, FONT_FALLBACK));
	font_set_free(f2);
}

/* ---- the table: a driftredovisning in tkr at 3 cm side margins ---- */

static const lay_rgb black = { 0, 0, 0 };

static lay_cell cell(lay_span *sp, const char *text, enum lay_font f)
{
	*sp = (lay_span){ text, f, black };
	return (lay_cell){ .spans = sp, .n_spans = 1 };
}

#define NB "\xC2\xA0"
#define MINUS "\xE2\x88\x92"

static lay_result *drift(double margin, double size, double min_size, const char *name0,
                         const char *name1)
{
	lay_page_setup s = { .width = 595.276, .height = 841.89, .margin_top = 72, .margin_bottom = 64,
	                     .margin_left = margin, .margin_right = margin, .running_size = 8 };
	lay_doc *d = lay_new(&s, font_set_metrics(fs));
	lay_style st = { .font = LF_REGULAR, .size = size, .leading = size * 1.3, .min_size = min_size };
	lay_style title = st;
	title.font = LF_BOLD;
	lay_text(d, "Driftredovisning", &title, ROLE_TABLE_TITLE);
	lay_column cols[7] = { { LA_LEFT, 0 }, { LA_RIGHT, 0 }, { LA_RIGHT, 0 }, { LA_RIGHT, 0 },
	                       { LA_RIGHT, 0 }, { LA_RIGHT, 0 }, { LA_RIGHT, 0 } };
	lay_table_begin(d, cols, 7, &st);
	lay_table_row_header(d, 0);
	static const char *const head[7] = { "Nämnd", "Budget", "Utfall", "Periodiserad budget",
	                                     "Prognos", "Avvikelse", "Avvikelse %" };
	static const char *const rows[3][7] = {
		{ NULL, "12" NB "694" NB "604", "11" NB "074" NB "614", "11" NB "129" NB "736",
		  "12" NB "677" NB "944", MINUS "1" NB "216" NB "660", MINUS "21,0" NB "%" },
		{ "Räddningstjänststationsombyggnaden", "7" NB "284" NB "034", "5" NB "007" NB "564",
		  "4" NB "856" NB "023", "7" NB "360" NB "194", MINUS "76" NB "160", MINUS "1,0" NB "%" },
		{ "Summa", "19" NB "978" NB "638", "16" NB "082" NB "178", "15" NB "985" NB "759",
		  "20" NB "038" NB "138", MINUS "21" NB "099", MINUS "99,2" NB "%" },
	};
	lay_span sp[7];
	lay_cell c[7];
	for (int j = 0; j < 7; j++)
		c[j] = cell(&sp[j], head[j], LF_BOLD);
	lay_table_row(d, LR_HEADER, c, NULL);
	for (int i = 0; i < 3; i++) {
		for (int j = 0; j < 7; j++)
			c[j] = cell(&sp[j], j == 0 && i == 0 ? name0 : j == 0 && i == 1 ? name1 : rows[i][j],
			             i == 2 ? LF_BOLD : LF_REGULAR);
		lay_table_row(d, i == 2 ? LR_SUM : LR_BODY, c, NULL);
	}
	lay_table_end(d);
	lay_result *r = lay_run(d, NULL);
	lay_free(d);
	return r;
}

/* Items of cell (row, col) on page 1: how many, and the text of the first. */
static size_t cell_items(const lay_result *r, int row, int col, const char **text, double *size)
{
	size_t n = 0;
	for (size_t i = 0; i < r->pages[0].n_items; i++) {
		const dl_item *it = &r->pages[0].items[i];
		if (it->kind == DL_TEXT && it->row == row && it->col == col && it->role != ROLE_ARTIFACT &&
		    it->role != ROLE_TABLE_TITLE && it->block > 0) {
			if (!n++) {
				*text = it->text;
				*size = it->size;
			}
		}
	}
	return n;
}

static void no_number_broken(void **state)
{
	(void)state;
	/* 85 pt margins, 9 pt: the numbers keep their width, the names take the squeeze */
	lay_result *r = drift(85, 9, 0, "Arbetsmarknadsnämnden", "Räddningstjänststationsombyggnaden");
	assert_null(lay_check(r));
	for (int row = 1; row <= 3; row++)
		for (int col = 1; col < 7; col++) {
			const char *t = NULL;
			double size = 0;
			size_t n = cell_items(r, row, col, &t, &size);
			if (n != 1)
				fail_msg("rad %d kolumn %d: %zu rader (talet brutet)", row, col, n);
			assert_null(strchr(t, '-'));
		}
	/* the name column: "Räddningstjänststationsombyggnaden" hyphenated, not by letters,
	 * only after the font was stepped down (a warning names the table) */
	const char *t = NULL;
	double size = 0;
	size_t n = cell_items(r, 2, 0, &t, &size);
	assert_true(n >= 2);
	assert_true(size < 9 && size >= 0.85 * 9 - 1e-9);
	const char *last = t + strlen(t) - 1;
	assert_true(*last == '-');
	assert_int_equal(r->n_warnings, 1);
	assert_non_null(strstr(r->warnings[0], "\"Driftredovisning\""));
	lay_result_free(r);

	/* with room (the default 64 pt margins and short names): no step down, no warning */
	r = drift(64, 9, 0, "Socialnämnden", "Tekniska nämnden");
	lay_result *r2 = r;
	assert_int_equal(r2->n_warnings, 0);
	n = cell_items(r2, 1, 1, &t, &size);
	assert_int_equal(n, 1);
	assert_true(size == 9);
	lay_result_free(r2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(swedish_names),
		cmocka_unit_test(kerning),
		cmocka_unit_test(shortened_text_fits_kerned),
		cmocka_unit_test(fallback),
		cmocka_unit_test(right_to_left),
		cmocka_unit_test(line_runs_in_visual_order),
		cmocka_unit_test(items_are_drawn_as_measured),
		cmocka_unit_test(missing_fonts),
		cmocka_unit_test(no_number_broken),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
