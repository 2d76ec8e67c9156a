/* SPDX-License-Identifier: Apache-2.0 */
/* test_lay_page.c - pagination: keep-with-next, orphans and widows, the table of
 * contents, running header/footer with {N}/{M}, the watermark, figures, images, the
 * outline, and a golden dump of a small document. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lay_fake.h"
#include "lay_private.h"
#include <math.h>

static const lay_rgb black = { 0, 0, 0 };

/* n one-line paragraphs of 12 pt leading: the body holds 61 of them (741.89 pt). */
static void filler(lay_doc *d, int n)
{
	lay_style st = fake_style(10, 12);
	for (int i = 0; i < n; i++)
		lay_text(d, "fy", &st, ROLE_PARAGRAPH);
}

static lay_result *run(lay_doc *d)
{
	const char *why = NULL;
	lay_result *r = lay_run(d, &why);
	lay_free(d);
	assert_non_null(r);
	const char *err = lay_check(r);
	if (err)
		fail_msg("lay_check: %s", err);
	return r;
}

/* 0-based pages on which the lines of paragraph text (split into words w0, w1, ...) fall;
 * text is "l0 l1 l2 ..." in a column one word wide. */
static void word_pages(const lay_result *r, int n, size_t *pages)
{
	char w[16];
	for (int i = 0; i < n; i++) {
		snprintf(w, sizeof w, "l%d", i);
		assert_non_null(find_text(r, w, &pages[i]));
	}
}

static void heading_keeps_with_next(void **state)
{
	(void)state;
	lay_metrics m = fake_metrics();
	lay_page_setup s = fake_setup();
	lay_doc *d = lay_new(&s, &m);
	filler(d, 60);   /* 21.89 pt left: room for the heading, not for it and two lines */
	lay_style h = fake_style(12, 14);
	lay_heading(d, 1, "Rubrik", &h, true);
	lay_style st = fake_style(10, 12);
	lay_text(d, "en två tre", &st, ROLE_PARAGRAPH);
	lay_result *r = run(d);
	size_t p;
	assert_non_null(find_text(r, "Rubrik", &p));
	assert_int_equal(p, 1);
	assert_int_equal(r->n_outline, 1);
	assert_int_equal(r->outline[0].page, 2);
	assert_int_equal(find_text(r, "Rubrik", NULL)->role, ROLE_HEADING);
	assert_int_equal(find_text(r, "Rubrik", NULL)->level, 1);
	lay_result_free(r);

	/* with room for heading and two lines it stays */
	d = lay_new(&s, &m);
	filler(d, 58);
	lay_heading(d, 1, "Rubrik", &h, true);
	lay_text(d, "en två tre", &st, ROLE_PARAGRAPH);
	r = run(d);
	assert_non_null(find_text(r, "Rubrik", &p));
	assert_int_equal(p, 0);
	lay_result_free(r);
}

static lay_result *filler_then_lines(int fill, int lines)
{
	lay_metrics m = fake_metrics();
	lay_page_setup s = fake_setup();
	s.margin_right = s.width - s.margin_left - 20;   /* one "lN" word per line */
	lay_doc *d = lay_new(&s, &m);
	filler(d, fill);
	char text[256] = "";
	for (int i = 0; i < lines; i++)
		snprintf(text + strlen(text), sizeof text - strlen(text), "l%d ", i);
	lay_style st = fake_style(10, 12);
	lay_text(d, text, &st, ROLE_PARAGRAPH);
	return run(d);
}

static void no_orphan_no_widow(void **state)
{
	(void)state;
	size_t pg[4];
	lay_result *r = filler_then_lines(60, 4);   /* one line would fit: no orphan */
	word_pages(r, 4, pg);
	assert_int_equal(pg[0], 1);
	assert_int_equal(pg[3], 1);
	lay_result_free(r);
	r = filler_then_lines(58, 4);   /* three would fit: leaves a widow, so two go */
	word_pages(r, 4, pg);
	assert_int_equal(pg[0], 0);
	assert_int_equal(pg[1], 0);
	assert_int_equal(pg[2], 1);
	assert_int_equal(pg[3], 1);
	lay_result_free(r);
	r = filler_then_lines(59, 4);   /* two fit, two follow: fine as it is */
	word_pages(r, 4, pg);
	assert_int_equal(pg[1], 0);
	assert_int_equal(pg[2], 1);
	lay_result_free(r);
}

/* fill filler lines, then the heading (unless NULL), the lead-in and a list of items;
 * narrow: a column one word wide. */
static lay_result *lead_in_list(int fill, bool narrow, const char *heading, const char *lead,
                                const char *const *items, int n)
{
	lay_metrics m = fake_metrics();
	lay_page_setup s = fake_setup();
	if (narrow)
		s.margin_right = s.width - s.margin_left - 20;
	lay_doc *d = lay_new(&s, &m);
	filler(d, fill);
	lay_style h = fake_style(12, 14), st = fake_style(10, 12);
	if (heading)
		lay_heading(d, 1, heading, &h, true);
	lay_text(d, lead, &st, ROLE_PARAGRAPH);
	lay_list_begin(d);
	for (int i = 0; i < n; i++) {
		lay_span sp = { .text = items[i] };
		lay_list_item(d, NULL, &sp, 1, &st);
	}
	lay_list_end(d);
	return run(d);
}

/* A paragraph ending in a colon leads into the list after it: it never ends a page
 * without the list's first item. */
static void lead_in_keeps_with_list(void **state)
{
	(void)state;
	static const char *const items[] = { "punkt ett", "punkt två" };
	size_t pl, pi;
	/* 60 filler lines leave room for one more line: the lead-in fits, the list not */
	lay_result *r = lead_in_list(60, false, NULL, "i fyra steg:", items, 2);
	assert_non_null(find_text(r, "i fyra steg:", &pl));
	assert_non_null(find_text(r, "punkt ett", &pi));
	assert_int_equal(pl, 1);
	assert_int_equal(pi, 1);
	lay_result_free(r);
	/* without the colon it is an ordinary paragraph and stays */
	r = lead_in_list(60, false, NULL, "i fyra steg", items, 2);
	assert_non_null(find_text(r, "i fyra steg", &pl));
	assert_int_equal(pl, 0);
	lay_result_free(r);
	/* with room for both it stays where it is */
	r = lead_in_list(58, false, NULL, "i fyra steg:", items, 2);
	assert_non_null(find_text(r, "i fyra steg:", &pl));
	assert_non_null(find_text(r, "punkt ett", &pi));
	assert_int_equal(pl, 0);
	assert_int_equal(pi, 0);
	lay_result_free(r);
}

/* A heading before a lead-in moves with it (the heading's keep counts the lead-in
 * and the list's start): 58 lines leave 45.89 pt, room for the heading and the
 * two-line lead-in, not for the item too. */
static void heading_lead_in_list_move_together(void **state)
{
	(void)state;
	static const char *const items[] = { "x" };
	lay_result *r = lead_in_list(58, true, "R", "l0 l1:", items, 1);
	size_t ph, pl, pi;
	assert_non_null(find_text(r, "R", &ph));
	assert_non_null(find_text(r, "l0", &pl));
	assert_non_null(find_text(r, "x", &pi));
	assert_int_equal(ph, 1);
	assert_int_equal(pl, 1);
	assert_int_equal(pi, 1);
	lay_result_free(r);
}

static void toc_numbers_and_links(void **state)
{
	(void)state;
	lay_metrics m = fake_metrics();
	lay_page_setup s = fake_setup();
	lay_doc *d = lay_new(&s, &m);
	lay_style h1 = fake_style(14, 18), h2 = fake_style(12, 15), toc = fake_style(10, 13);
	lay_text(d, "Titelsida", &h1, ROLE_TITLE);
	lay_page_break(d);
	lay_heading(d, 1, "Innehåll", &h1, false);
	lay_toc(d, 2, &toc);
	lay_page_break(d);
	char t[32];
	for (int i = 0; i < 110; i++) {   /* 74 entries: the TOC itself takes two pages */
		snprintf(t, sizeof t, "Avsnitt %d", i);
		lay_heading(d, 1 + i % 3, t, i % 3 ? &h2 : &h1, true);
		filler(d, 20 + i % 7);
	}
	lay_result *r = run(d);   /* lay_check compares numbers, links and headings */
	size_t p;
	assert_non_null(find_text(r, "Avsnitt 0", &p));
	assert_int_equal(p, 1);   /* the entry: the TOC starts on page 2 */
	assert_int_equal(find_text(r, "Avsnitt 0", NULL)->role, ROLE_TOC_ITEM);
	size_t links = 0;
	for (size_t pg = 0; pg < r->n_pages; pg++)
		links += count_items(r, pg, DL_LINK, ROLE_TOC_ITEM, NULL);
	assert_int_equal(links, 74);   /* levels 1 and 2 only: i % 3 != 2 */
	assert_int_equal(r->n_outline, 111);   /* every heading, "Innehåll" too */
	/* the heading "Avsnitt 0" itself lands after the two TOC pages */
	assert_int_equal(r->outline[1].page, 4);
	const dl_item *link = NULL;
	for (size_t i = 0; i < r->pages[1].n_items && !link; i++)
		if (r->pages[1].items[i].kind == DL_LINK)
			link = &r->pages[1].items[i];
	assert_int_equal(link->target_page, 4);
	assert_float_equal(link->target_y, r->outline[1].y, 1e-9);
	assert_string_equal(r->pages[1].items[link - r->pages[1].items - 1].text, "4");
	lay_result_free(r);
}

static void running_parts_filled(void **state)
{
	(void)state;
	lay_metrics m = fake_metrics();
	lay_page_setup s = fake_setup();
	s.header[0] = "Sjövik";
	s.footer[2] = "Sida {N} av {M}";
	s.running_on_first_page = false;
	s.running_color = (lay_rgb){ 90, 90, 90 };
	lay_doc *d = lay_new(&s, &m);
	filler(d, 61 * 6 + 1);   /* seven pages */
	lay_result *r = run(d);
	assert_int_equal(r->n_pages, 7);
	assert_int_equal(count_items(r, 0, DL_TEXT, ROLE_MAX, "Sida 1 av 7"), 0);
	assert_int_equal(count_items(r, 0, DL_TEXT, ROLE_MAX, "Sjövik"), 0);
	assert_int_equal(count_items(r, 0, DL_LINE, ROLE_MAX, NULL), 0);
	assert_int_equal(count_items(r, 2, DL_TEXT, ROLE_ARTIFACT, "Sida 3 av 7"), 1);
	assert_int_equal(count_items(r, 6, DL_TEXT, ROLE_ARTIFACT, "Sida 7 av 7"), 1);
	assert_int_equal(count_items(r, 3, DL_TEXT, ROLE_ARTIFACT, "Sjövik"), 1);
	assert_int_equal(count_items(r, 3, DL_LINE, ROLE_ARTIFACT, NULL), 2);   /* two rules */
	size_t p;
	const dl_item *f = find_text(r, "Sida 3 av 7", &p);
	assert_true(f->y < s.margin_bottom);   /* in the bottom margin */
	assert_float_equal(f->x + f->w, s.width - s.margin_right, 1e-9);
	assert_true(find_text(r, "Sjövik", NULL)->y > s.height - s.margin_top);
	lay_result_free(r);
}

static void watermark_on_every_page(void **state)
{
	(void)state;
	lay_metrics m = fake_metrics();
	lay_page_setup s = fake_setup();
	s.watermark = "FÖRSLAG";
	s.watermark_color = (lay_rgb){ 229, 154, 154 };
	s.header[1] = "Delårsrapport";
	s.running_on_first_page = false;
	lay_doc *d = lay_new(&s, &m);
	filler(d, 200);
	lay_result *r = run(d);
	assert_int_equal(r->n_pages, 4);
	for (size_t p = 0; p < r->n_pages; p++) {
		assert_int_equal(count_items(r, p, DL_TEXT, ROLE_ARTIFACT, "FÖRSLAG"), 1);
		for (size_t i = 0; i < r->pages[p].n_items; i++) {
			const dl_item *it = &r->pages[p].items[i];
			if (it->kind == DL_TEXT && strcmp(it->text, "FÖRSLAG") == 0) {
				assert_true(it->size >= 14);   /* large */
				assert_int_equal(it->color.r, 229);
				/* above the running header, in the top margin: covers no text */
				assert_true(it->y - 0.2 * it->size > s.height - s.margin_top + 17);
			}
		}
	}
	lay_result_free(r);
}

static void figure_kept_together(void **state)
{
	(void)state;
	lay_metrics m = fake_metrics();
	lay_page_setup s = fake_setup();
	lay_doc *d = lay_new(&s, &m);
	filler(d, 45);   /* 201.89 pt left: a 300 pt figure moves on */
	lay_figure_begin(d, 400, 300, "Stapeldiagram över måluppfyllelse");
	lay_fig_rect(d, 10, 20, 30, 40, (lay_rgb){ 0, 100, 0 });
	lay_fig_rect(d, 100, 20, -30, 40, (lay_rgb){ 100, 0, 0 });
	lay_fig_line(d, 0, 0, 0, 300, 0.75, black);
	lay_fig_marker(d, 5, 290, 8, LS_DIAMOND, black);
	lay_fig_text(d, 200, 295, "Uppfyllt", LF_REGULAR, 8, black, LA_CENTER);
	lay_figure_end(d);
	lay_result *r = run(d);
	assert_int_equal(r->n_pages, 2);
	const dl_item *it = r->pages[1].items;
	double top = s.height - s.margin_top;   /* at the top of page 2 */
	size_t n = 0;
	for (size_t i = 0; i < r->pages[1].n_items; i++) {
		assert_int_equal(it[i].role, ROLE_FIGURE);
		assert_string_equal(it[i].alt, "Stapeldiagram över måluppfyllelse");
		n++;
	}
	assert_int_equal(n, 5);
	assert_int_equal(it[0].kind, DL_RECT);
	assert_float_equal(it[0].x, 60, 1e-9);
	assert_float_equal(it[0].y, top - 60, 1e-9);
	assert_float_equal(it[1].x, 120, 1e-9);   /* negative width normalised */
	assert_float_equal(it[1].w, 30, 1e-9);
	assert_float_equal(it[2].h, -300, 1e-9);  /* the line runs downwards */
	assert_float_equal(it[3].y, top - 290, 1e-9);
	assert_float_equal(it[4].x, 50 + 200 - 16, 1e-9);   /* centred: 8 chars of 4 pt */
	lay_result_free(r);
}

static void image_and_page_break(void **state)
{
	(void)state;
	lay_metrics m = fake_metrics();
	lay_page_setup s = fake_setup();
	lay_doc *d = lay_new(&s, &m);
	lay_page_break(d);   /* at the top of an empty page: no blank page */
	lay_image(d, "logo.png", 100, 50, LA_RIGHT);
	lay_page_break(d);
	lay_page_break(d);
	filler(d, 1);
	lay_page_break(d);   /* trailing: no empty last page */
	lay_result *r = run(d);
	assert_int_equal(r->n_pages, 2);
	const dl_item *im = &r->pages[0].items[0];
	assert_int_equal(im->kind, DL_IMAGE);
	assert_string_equal(im->text, "logo.png");
	assert_float_equal(im->x + im->w, s.width - s.margin_right, 1e-9);
	assert_float_equal(im->y, s.height - s.margin_top - 50, 1e-9);
	lay_result_free(r);
}

/* Issue 12: the contents never leave one or two entries alone on a page. A page holds
 * 61 entries of 12 pt; with 62 the first page ends three entries before the end. */
static void toc_never_spills_one_line(void **state)
{
	(void)state;
	lay_metrics m = fake_metrics();
	lay_page_setup s = fake_setup();
	for (int n = 62; n <= 65; n++) {
		lay_doc *d = lay_new(&s, &m);
		lay_style h = fake_style(12, 14), toc = fake_style(10, 12);
		lay_toc(d, 1, &toc);
		lay_page_break(d);
		for (int i = 0; i < n; i++)
			lay_heading(d, 1, "Avsnitt", &h, true);
		lay_result *r = run(d);
		size_t first = count_items(r, 0, DL_LINK, ROLE_TOC_ITEM, NULL);
		size_t second = count_items(r, 1, DL_LINK, ROLE_TOC_ITEM, NULL);
		assert_int_equal(first + second, (size_t)n);
		assert_true(second >= 3);
		assert_int_equal(first, n <= 63 ? (size_t)n - 3 : 61);
		lay_result_free(r);
	}
}

static void ten_thousand_paragraphs(void **state)
{
	(void)state;
	lay_metrics m = fake_metrics();
	lay_page_setup s = fake_setup();
	lay_doc *d = lay_new(&s, &m);
	lay_style h = fake_style(12, 14), st = fake_style(10, 12), toc = fake_style(10, 12);
	lay_toc(d, 1, &toc);
	for (int i = 0; i < 10000; i++) {
		if (i % 100 == 0)
			lay_heading(d, 1, "Avsnitt", &h, true);
		lay_text(d, "Ett stycke text som bryts på två rader i den här smala spalten, "
		            "med mjuka av\xC2\xADstav\xC2\xADningar och lite till.", &st, ROLE_PARAGRAPH);
	}
	lay_result *r = run(d);
	lay_span sp = { "Ett stycke text som bryts på två rader i den här smala spalten, "
	                "med mjuka av\xC2\xADstav\xC2\xADningar och lite till.", LF_REGULAR, black };
	size_t lines = lay_count_lines(&m, &sp, 1, 10, s.width - 100);
	assert_int_equal(lines, 2);
	/* no fewer pages than the text's height needs, and little lost to keep rules */
	double need = (10000.0 * (double)lines * 12 + 100 * 14) / (s.height - 100);
	assert_true((double)r->n_pages >= need);
	assert_true((double)r->n_pages <= need * 1.05);
	assert_int_equal(r->n_outline, 100);
	lay_result_free(r);
}

/* Builds the small document of the golden test. */
static lay_doc *small_doc(const lay_page_setup *s, const lay_metrics *m)
{
	lay_doc *d = lay_new(s, m);
	lay_style h1 = fake_style(16, 20), body = fake_style(10, 13), tab = fake_style(9, 11);
	h1.font = LF_BOLD;
	h1.space_after = 6;
	body.space_after = 4;
	lay_heading(d, 1, "Årets re\xC2\xADsultat", &h1, true);
	lay_span sp[2] = { { "Resultatet: ", LF_BOLD, { 0, 51, 102 } },
	                   { "Nämnden redovisar ett över\xC2\xADskott mot budget, "
	                     "främst inom för\xC2\xADskole\xC2\xADverksamheten och "
	                     "äldre\xC2\xADomsorgen – se tabellen.", LF_REGULAR, black } };
	lay_paragraph(d, sp, 2, &body, ROLE_PARAGRAPH);
	lay_span li = { "Sjukfrånvaron minskade till 6,1\xC2\xA0procent.", LF_REGULAR, black };
	lay_list_item(d, NULL, &li, 1, &body);
	lay_column cols[3] = { { LA_LEFT, 0.5 }, { LA_RIGHT, 0 }, { LA_LEFT, 0 } };
	lay_span c[3];
	lay_table_begin(d, cols, 3, &tab);
	lay_rgb grey = { 230, 230, 230 };
	c[0] = (lay_span){ "Verksamhet", LF_BOLD, black };
	c[1] = (lay_span){ "Mnkr", LF_BOLD, black };
	c[2] = (lay_span){ "Status", LF_BOLD, black };
	lay_cell hc[3] = { { &c[0], 1, LA_LEFT, { 0 } }, { &c[1], 1, LA_RIGHT, { 0 } },
	                   { &c[2], 1, LA_LEFT, { 0 } } };
	lay_table_row(d, LR_HEADER, hc, &grey);
	c[0] = (lay_span){ "Förskola", LF_REGULAR, black };
	c[1] = (lay_span){ "−6,4", LF_REGULAR, black };
	c[2] = (lay_span){ "Delvis uppfyllt", LF_REGULAR, black };
	hc[2].marker = (lay_marker){ true, LS_TRIANGLE, { 230, 160, 0 } };
	lay_table_row(d, LR_BODY, hc, NULL);
	c[0] = (lay_span){ "Summa", LF_BOLD, black };
	c[1] = (lay_span){ "12,0", LF_BOLD, black };
	c[2] = (lay_span){ "", LF_REGULAR, black };
	hc[2].marker.on = false;
	lay_table_row(d, LR_SUM, hc, NULL);
	lay_table_end(d);
	lay_figure_begin(d, 200, 40, "Andel uppfyllda mål");
	lay_fig_rect(d, 0, 10, 120, 20, (lay_rgb){ 0, 128, 0 });
	lay_fig_text(d, 125, 25, "60 %", LF_REGULAR, 8, black, LA_LEFT);
	lay_figure_end(d);
	lay_text(d, "Figur 1. Andel uppfyllda mål.", &body, ROLE_CAPTION);
	return d;
}

static void golden_dump(void **state)
{
	(void)state;
	lay_metrics m = fake_metrics();
	lay_page_setup s = fake_setup();
	s.footer[2] = "Sida {N} av {M}";
	s.watermark = "FÖRSLAG";
	s.watermark_color = (lay_rgb){ 229, 154, 154 };
	lay_result *r = run(small_doc(&s, &m));
	char *got = NULL;
	size_t got_len = 0;
	FILE *f = open_memstream(&got, &got_len);
	lay_dump(r, f);
	fclose(f);
	lay_result_free(r);
	const char *path = SR_TEST_DATA "/lay/small.dump";
	if (getenv("SR_UPDATE_GOLDEN")) {
		FILE *w = fopen(path, "w");
		assert_non_null(w);
		fwrite(got, 1, got_len, w);
		fclose(w);
	}
	FILE *g = fopen(path, "r");
	assert_non_null(g);
	char *want = calloc(1, got_len + 2);
	size_t want_len = fread(want, 1, got_len + 1, g);
	fclose(g);
	if (want_len != got_len || memcmp(want, got, got_len) != 0)
		fail_msg("dump differs from %s; got:\n%s", path, got);
	free(want);
	free(got);
}

/* Issue 12: neither the last row nor a sum row stands alone after a page break. The
 * page has room for the header and seven rows of eight: the seventh goes along. */
static void last_row_never_alone(void **state)
{
	(void)state;
	lay_metrics m = fake_metrics();
	lay_page_setup s = fake_setup();
	lay_style tab = fake_style(10, 12);
	lay_column cols[1] = { { LA_LEFT, 0 } };
	for (int sum = 0; sum <= 2; sum++) {
		lay_doc *d = lay_new(&s, &m);
		/* 54 lines leave 93.89 pt: header 18 + four rows 72 fit, not a fifth */
		filler(d, 54);
		lay_span hs = { "Huvud", LF_BOLD, black };
		lay_cell hc = { &hs, 1, LA_LEFT, { 0 } };
		lay_table_begin(d, cols, 1, &tab);
		lay_table_row(d, LR_HEADER, &hc, NULL);
		static const char *const names[6] = { "R1", "R2", "R3", "R4", "R5", "R6" };
		lay_span sp[6];
		lay_cell c[6];
		for (int i = 0; i < 6; i++) {
			sp[i] = (lay_span){ names[i], LF_REGULAR, black };
			c[i] = (lay_cell){ &sp[i], 1, LA_LEFT, { 0 } };
		}
		/* six rows; the fifth is the sum row when sum, then the sixth is the last */
		for (int i = 0; i < 6; i++) {
			lay_table_row(d, sum == 1 && i == 4 ? LR_SUM : LR_BODY, &c[i], NULL);
			if (sum == 2 && i == 4)
				lay_row_keep(d, true, false);
		}
		/* sum == 2: R5 is a varav row of R4 (kept with the row before it) */
		lay_table_end(d);
		lay_result *r = run(d);
		size_t p4, p5, p6;
		assert_non_null(find_text(r, "R4", &p4));
		assert_non_null(find_text(r, "R5", &p5));
		assert_non_null(find_text(r, "R6", &p6));
		/* without a sum: R5 and R6 together on the next page (R6 not alone); with the
		 * sum row R5 ending the page: R4 goes along with it */
		assert_int_equal(p6, p5);
		if (sum)   /* the sum row, or the varav row, takes R4 along */
			assert_int_equal(p4, p5);
		assert_true(p5 > 0);
		assert_null(lay_check(r));
		lay_result_free(r);
	}
}

/* A table of a header and rows[] (with group, the fourth is a group heading kept with the row under it),
 * then a one-line note (ROLE_CAPTION) under it; fill filler lines before it. */
static lay_result *table_with_note(int fill, bool group, const char *const *rows, int n)
{
	lay_metrics m = fake_metrics();
	lay_page_setup s = fake_setup();
	lay_style tab = fake_style(10, 12), note = fake_style(8, 10);
	lay_column cols[1] = { { LA_LEFT, 0 } };
	lay_doc *d = lay_new(&s, &m);
	filler(d, fill);
	lay_span hs = { "Huvud", LF_BOLD, black };
	lay_cell hc = { &hs, 1, LA_LEFT, { 0 } };
	lay_table_begin(d, cols, 1, &tab);
	lay_table_row(d, LR_HEADER, &hc, NULL);
	lay_span sp[8];
	lay_cell c[8];
	for (int i = 0; i < n && i < 8; i++) {
		sp[i] = (lay_span){ rows[i], LF_REGULAR, black };
		c[i] = (lay_cell){ &sp[i], 1, LA_LEFT, { 0 } };
		lay_table_row(d, LR_BODY, &c[i], NULL);
		if (group && i == 3)
			lay_row_keep(d, false, true);   /* the group heading */
	}
	lay_table_end(d);
	lay_text(d, "Källa: ekonomisystemet", &note, ROLE_CAPTION);
	return run(d);
}

/* The note under a table (its source line) stays with the table's last rows, and a
 * group heading is never left above a break its rows moved past. */
static void note_and_group_stay_with_last_rows(void **state)
{
	(void)state;
	static const char *const rows[] = { "R1", "R2", "R2b", "G", "R3", "R4" };
	size_t pg, p3, p4, pn, p2;
	/* 52 lines leave 117.89 pt: header and R1, R2, R2b take 72; G, R3, R4 (54) do not
	 * fit in the 45.89 left, G and R3 would: all three go on */
	lay_result *r = table_with_note(52, true, rows, 6);
	assert_non_null(find_text(r, "G", &pg));
	assert_non_null(find_text(r, "R3", &p3));
	assert_non_null(find_text(r, "R2", &p2));
	assert_int_equal(p2, 0);
	assert_int_equal(pg, 1);
	assert_int_equal(p3, 1);
	lay_result_free(r);
	/* header and four rows fit (90 of 93.89), the note not: R3 and R4 go on with it */
	static const char *const four[] = { "R1", "R2", "R3", "R4" };
	r = table_with_note(54, false, four, 4);
	assert_non_null(find_text(r, "R3", &p3));
	assert_non_null(find_text(r, "R4", &p4));
	assert_non_null(find_text(r, "Källa: ekonomisystemet", &pn));
	assert_int_equal(pn, p4);
	assert_int_equal(p3, p4);
	assert_int_equal(p4, 1);
	lay_result_free(r);
	/* with room for the note everything stays */
	r = table_with_note(52, false, four, 4);
	assert_non_null(find_text(r, "Källa: ekonomisystemet", &pn));
	assert_int_equal(pn, 0);
	lay_result_free(r);
}

static void heading_keeps_with_table_start(void **state)
{
	(void)state;
	lay_metrics m = fake_metrics();
	lay_page_setup s = fake_setup();
	lay_style h = fake_style(12, 14), tab = fake_style(10, 12);
	lay_column cols[1] = { { LA_LEFT, 0 } };
	lay_span sp = { "Huvud", LF_BOLD, black }, bp = { "Rad", LF_REGULAR, black };
	lay_cell hc = { &sp, 1, LA_LEFT, { 0 } }, bc = { &bp, 1, LA_LEFT, { 0 } };
	/* A short table is kept whole (issue 12): 56 lines leave 69.89 pt: heading 14 +
	 * header row 18 + two body rows 36 = 68 fits; 57 leave 57.89: the heading, the header
	 * row and one body row would fit, the whole table not */
	for (int fill = 56; fill <= 57; fill++) {
		lay_doc *d = lay_new(&s, &m);
		filler(d, fill);
		lay_heading(d, 2, "Tabellrubrik", &h, false);
		lay_table_begin(d, cols, 1, &tab);
		lay_table_row(d, LR_HEADER, &hc, NULL);
		lay_table_row(d, LR_BODY, &bc, NULL);
		lay_table_row(d, LR_BODY, &bc, NULL);
		lay_table_end(d);
		lay_result *r = run(d);
		size_t ph, pt, pb;
		assert_non_null(find_text(r, "Tabellrubrik", &ph));
		assert_non_null(find_text(r, "Huvud", &pt));
		assert_non_null(find_text(r, "Rad", &pb));
		assert_int_equal(ph, fill == 56 ? 0 : 1);
		assert_int_equal(pt, ph);
		assert_int_equal(pb, ph);
		lay_result_free(r);
	}
}

static void check_finds_violations(void **state)
{
	(void)state;
	lay_metrics m = fake_metrics();
	lay_page_setup s = fake_setup();
	lay_style h = fake_style(12, 14), st = fake_style(10, 12);
	lay_column cols[1] = { { LA_LEFT, 0 } };
	lay_span a = { "A", LF_REGULAR, black }, b = { "B", LF_REGULAR, black },
	         c = { "C", LF_REGULAR, black };
	lay_cell ca = { &a, 1, LA_LEFT, { 0 } }, cb = { &b, 1, LA_LEFT, { 0 } },
	         cc = { &c, 1, LA_LEFT, { 0 } };
	lay_doc *d = lay_new(&s, &m);
	lay_toc(d, 1, &st);
	lay_heading(d, 1, "Kapitel", &h, true);
	lay_table_begin(d, cols, 1, &st);
	lay_table_row(d, LR_BODY, &ca, NULL);
	lay_table_row(d, LR_BODY, &cb, NULL);
	lay_table_row(d, LR_BODY, &cc, NULL);
	lay_table_end(d);
	lay_result *r = run(d);
	dl_item *num = NULL, *cellb = NULL, *head = NULL;
	for (size_t i = 0; i < r->pages[0].n_items; i++) {
		dl_item *it = &r->pages[0].items[i];
		if (it->kind == DL_LINK)
			num = it - 1;
		if (it->kind == DL_TEXT && strcmp(it->text, "B") == 0)
			cellb = it;
		if (it->kind == DL_TEXT && strcmp(it->text, "Kapitel") == 0 && it->role == ROLE_HEADING)
			head = it;
	}
	assert_non_null(num);
	assert_string_equal(num->text, "1");
	num->text = "2";
	assert_non_null(lay_check(r));   /* a wrong TOC page number */
	num->text = "1";
	assert_null(lay_check(r));
	cellb->row = 7;
	assert_non_null(lay_check(r));   /* a gap in the rows */
	cellb->row = 1;
	head->x = s.width - s.margin_right - 10;
	assert_non_null(lay_check(r));   /* body text out of the margins */
	head->x = -5;
	assert_non_null(lay_check(r));   /* out of the page */
	lay_result_free(r);
}

static void meta_line_keeps_heading_with_table(void **state)
{
	(void)state;
	lay_metrics m = fake_metrics();
	lay_page_setup s = fake_setup();
	lay_style h = fake_style(12, 14), st = fake_style(10, 12);
	lay_column cols[1] = { { LA_LEFT, 0 } };
	lay_span sp = { "Huvud", LF_BOLD, black }, bp = { "Rad", LF_REGULAR, black };
	lay_cell hc = { &sp, 1, LA_LEFT, { 0 } }, bc = { &bp, 1, LA_LEFT, { 0 } };
	/* heading 14 + meta line 12 + header row 18 + body row 18 = 62 pt: 56 filler lines
	 * leave 69.89, 57 leave 57.89 (room for heading and meta line, not the table) */
	for (int fill = 56; fill <= 57; fill++) {
		lay_doc *d = lay_new(&s, &m);
		filler(d, fill);
		lay_heading(d, 3, "Nämndmål", &h, false);
		lay_text(d, "Nämnd: Socialnämnden", &st, ROLE_CAPTION);
		lay_table_begin(d, cols, 1, &st);
		lay_table_row(d, LR_HEADER, &hc, NULL);
		lay_table_row(d, LR_BODY, &bc, NULL);
		lay_table_end(d);
		lay_result *r = run(d);
		size_t ph, pm, pt;
		assert_non_null(find_text(r, "Nämndmål", &ph));
		assert_non_null(find_text(r, "Nämnd: Socialnämnden", &pm));
		assert_non_null(find_text(r, "Rad", &pt));
		assert_int_equal(ph, fill == 56 ? 0 : 1);
		assert_int_equal(pm, ph);
		assert_int_equal(pt, ph);
		lay_result_free(r);
	}
}

/* A value of -10^12 on a chart's scale: every item stays inside the figure's box (the
 * rect is cut at the box, the label moved in), so nothing reaches past the page. */
static void figure_geometry_clamped(void **state)
{
	(void)state;
	lay_metrics m = fake_metrics();
	lay_page_setup s = fake_setup();
	lay_doc *d = lay_new(&s, &m);
	lay_figure_begin(d, 300, 100, "Diagram");
	lay_fig_rect(d, 40, 50, 30, 1e13, black);
	lay_fig_rect(d, 40, 50, -1e13, 10, black);
	lay_fig_line(d, 0, -1e12, 300, 1e12, 1, black);
	lay_fig_marker(d, -5e11, 20, 8, LS_CIRCLE, black);
	lay_fig_text(d, 36, 20, "−999 999 999 999", LF_BOLD, 7, black, LA_RIGHT);
	lay_fig_text(d, 1e12, 20, "x", LF_REGULAR, 7, black, LA_LEFT);
	lay_figure_end(d);
	lay_result *r = run(d);
	assert_null(lay_check(r));
	double fx0 = 50, fx1 = 350, ftop = 841.89 - 50, fbot = ftop - 100;
	for (size_t i = 0; i < r->pages[0].n_items; i++) {
		const dl_item *it = &r->pages[0].items[i];
		double x0 = it->x, x1 = it->x + it->w, y0 = it->y, y1 = it->y + it->h;
		if (it->kind == DL_MARKER) {
			x0 -= it->w / 2; x1 -= it->w / 2; y0 -= it->w / 2; y1 = it->y + it->w / 2;
		}
		if (fmin(x0, x1) < fx0 - 0.01 || fmax(x0, x1) > fx1 + 0.01 ||
		    fmin(y0, y1) < fbot - 0.01 || fmax(y0, y1) > ftop + 0.01)
			fail_msg("item %zu (kind %d) at x=%.2f y=%.2f w=%.2f h=%.2f outside the figure",
			         i, it->kind, it->x, it->y, it->w, it->h);
	}
	lay_result_free(r);
}


/* A shortened text, its "…" included, fits the width it was shortened to (the layout
 * fuzzer found a footer slot that ran over its margin by the ellipsis' width). */
static void shortened_text_fits_with_its_ellipsis(void **state)
{
	(void)state;
	lay_metrics m = fake_metrics();
	arena *a = arena_new();
	for (double w = 6; w < 200; w += 7) {
		char *cut = lay_shorten(a, &m, LF_REGULAR, 12, "SidTTTTTTTTTT2TTTTTTTTTTTTTTTTTTTTTTTTTT a", w);
		assert_non_null(cut);
		assert_true(m.width(m.ctx, LF_REGULAR, 12, cut, strlen(cut)) <= w + 1e-9);
	}
	assert_string_equal(lay_shorten(a, &m, LF_REGULAR, 12, "lång text", 3), "");   /* not even "…" */
	arena_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(heading_keeps_with_next),
		cmocka_unit_test(no_orphan_no_widow),
		cmocka_unit_test(lead_in_keeps_with_list),
		cmocka_unit_test(heading_lead_in_list_move_together),
		cmocka_unit_test(toc_numbers_and_links),
		cmocka_unit_test(running_parts_filled),
		cmocka_unit_test(watermark_on_every_page),
		cmocka_unit_test(figure_kept_together),
		cmocka_unit_test(image_and_page_break),
		cmocka_unit_test(ten_thousand_paragraphs),
		cmocka_unit_test(golden_dump),
		cmocka_unit_test(heading_keeps_with_table_start),
		cmocka_unit_test(last_row_never_alone),
		cmocka_unit_test(note_and_group_stay_with_last_rows),
		cmocka_unit_test(toc_never_spills_one_line),
		cmocka_unit_test(check_finds_violations),
		cmocka_unit_test(meta_line_keeps_heading_with_table),
		cmocka_unit_test(figure_geometry_clamped),
		cmocka_unit_test(shortened_text_fits_with_its_ellipsis),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
