/* SPDX-License-Identifier: Apache-2.0 */
/* test_lay_break.c - line breaking: spaces, hyphens, soft hyphens, overlong words,
 * no-break spaces, spans and alignment, through lay_break and through lay_run. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>
#include "lay_fake.h"
#include "lay_private.h"

/* Breaks text (one regular span, 10 pt: 5 pt per character) at width and writes line i's
 * drawn text into buf; returns the number of lines. */
static size_t break_plain(const char *text, double width, char lines[][64], size_t max)
{
	lay_metrics m = fake_metrics();
	lay_span sp = { .text = text, .font = LF_REGULAR };
	arena *a = arena_new();
	lay_box b;
	lay_break(a, &m, &sp, 1, 10, width, &b);
	for (size_t i = 0; i < b.n_lines && i < max; i++) {
		lay_piece *pc;
		size_t n = lay_line_pieces(a, &b, i, &pc);
		lines[i][0] = '\0';
		for (size_t k = 0; k < n; k++)
			strncat(lines[i], pc[k].text, 63 - strlen(lines[i]));
		assert_true(b.lines[i].width <= width + 1e-9 || b.lines[i].a == b.lines[i].b);
	}
	size_t n = b.n_lines;
	arena_free(a);
	assert_int_equal(n, lay_count_lines(&m, &sp, 1, 10, width));
	return n;
}

static void breaks_on_spaces(void **state)
{
	(void)state;
	char l[8][64];
	assert_int_equal(break_plain("aaa bbb ccc", 40, l, 8), 2);
	assert_string_equal(l[0], "aaa bbb");
	assert_string_equal(l[1], "ccc");
	/* runs of spaces collapse; leading and trailing spaces draw nothing */
	assert_int_equal(break_plain("  aaa    bbb  ", 100, l, 8), 1);
	assert_string_equal(l[0], "aaa bbb");
	assert_int_equal(break_plain("aaa bbb ccc", 55, l, 8), 1);
	assert_int_equal(break_plain("", 55, l, 8), 0);
}

static void breaks_after_hyphens(void **state)
{
	(void)state;
	char l[8][64];
	assert_int_equal(break_plain("aaaa-bbbb", 30, l, 8), 2);
	assert_string_equal(l[0], "aaaa-");
	assert_string_equal(l[1], "bbbb");
	assert_int_equal(break_plain("aaaa\xE2\x80\x93" "bbbb", 30, l, 8), 2);
	assert_string_equal(l[0], "aaaa\xE2\x80\x93");
	assert_string_equal(l[1], "bbbb");
	/* a minus sign before a number is no break opportunity */
	assert_int_equal(break_plain("xx -12345", 30, l, 8), 2);
	assert_string_equal(l[1], "-12345");
}

static void soft_hyphen_visible_only_at_break(void **state)
{
	(void)state;
	char l[8][64];
	assert_int_equal(break_plain("aaa\xC2\xAD" "bbb\xC2\xAD" "ccc", 40, l, 8), 2);
	assert_string_equal(l[0], "aaabbb-");
	assert_string_equal(l[1], "ccc");
	assert_int_equal(break_plain("aaa\xC2\xAD" "bbb\xC2\xAD" "ccc", 100, l, 8), 1);
	assert_string_equal(l[0], "aaabbbccc");
	assert_null(strstr(l[0], "\xC2\xAD"));
	/* the hyphen must fit too: "aaabbb" is 30 pt, "aaabbb-" 35 pt > 32 */
	assert_int_equal(break_plain("aaa\xC2\xAD" "bbb\xC2\xAD" "ccc", 32, l, 8), 2);
	assert_string_equal(l[0], "aaa-");
	assert_string_equal(l[1], "bbbccc");
}

static void overlong_word_broken_by_characters(void **state)
{
	(void)state;
	char l[8][64];
	assert_int_equal(break_plain("abcdefghij", 20, l, 8), 3);
	assert_string_equal(l[0], "abcd");
	assert_string_equal(l[1], "efgh");
	assert_string_equal(l[2], "ij");
	assert_int_equal(break_plain("xy \xC3\xA5\xC3\xA4\xC3\xB6\xC3\xA5\xC3\xA4\xC3\xB6", 15, l, 8), 3);
	assert_string_equal(l[0], "xy");
	assert_string_equal(l[1], "\xC3\xA5\xC3\xA4\xC3\xB6");   /* never splits a UTF-8 sequence */
	/* narrower than one character: one character per line, never an endless loop */
	assert_int_equal(break_plain("abc", 2, l, 8), 3);
}

static void no_break_space_kept_together(void **state)
{
	(void)state;
	char l[8][64];
	assert_int_equal(break_plain("xxxx aa\xC2\xA0" "bb", 40, l, 8), 2);
	assert_string_equal(l[0], "xxxx");
	assert_string_equal(l[1], "aa\xC2\xA0" "bb");
	assert_int_equal(break_plain("xxxx aa bb", 40, l, 8), 2);
	assert_string_equal(l[0], "xxxx aa");
}

static lay_result *one_paragraph(const lay_span *sp, size_t n, enum lay_align al,
                                 const lay_page_setup *s, const lay_metrics *m)
{
	lay_doc *d = lay_new(s, m);
	lay_style st = fake_style(10, 12);
	st.align = al;
	lay_paragraph(d, sp, n, &st, ROLE_PARAGRAPH);
	const char *why;
	lay_result *r = lay_run(d, &why);
	lay_free(d);
	assert_non_null(r);
	assert_null(lay_check(r));
	return r;
}

static void spans_and_alignment(void **state)
{
	(void)state;
	lay_metrics m = fake_metrics();
	lay_page_setup s = fake_setup();
	double W = s.width - s.margin_left - s.margin_right;
	lay_span sp[2] = { { "Hello ", LF_REGULAR, { 0, 0, 0 } }, { "World", LF_BOLD, { 200, 0, 0 } } };
	lay_result *r = one_paragraph(sp, 2, LA_LEFT, &s, &m);
	const dl_item *a = find_text(r, "Hello ", NULL), *b = find_text(r, "World", NULL);
	assert_non_null(a);
	assert_non_null(b);
	assert_true(a->y == b->y);
	assert_float_equal(a->x, 50, 1e-9);
	assert_float_equal(b->x, 50 + 30, 1e-9);
	assert_int_equal(b->font, LF_BOLD);
	assert_int_equal(b->color.r, 200);
	assert_float_equal(b->w, 5 * 5.5, 1e-9);
	lay_result_free(r);

	r = one_paragraph(sp + 1, 1, LA_RIGHT, &s, &m);
	assert_float_equal(find_text(r, "World", NULL)->x, 50 + W - 27.5, 1e-9);
	lay_result_free(r);
	r = one_paragraph(sp + 1, 1, LA_CENTER, &s, &m);
	assert_float_equal(find_text(r, "World", NULL)->x, 50 + (W - 27.5) / 2, 1e-9);
	lay_result_free(r);
}

static void soft_hyphen_in_display_list(void **state)
{
	(void)state;
	lay_metrics m = fake_metrics();
	lay_page_setup s = fake_setup();
	s.margin_right = s.width - s.margin_left - 40;   /* 40 pt wide text: 8 characters */
	lay_span sp = { "aaa\xC2\xAD" "bbb\xC2\xAD" "ccc", LF_REGULAR, { 0, 0, 0 } };
	lay_result *r = one_paragraph(&sp, 1, LA_LEFT, &s, &m);
	assert_int_equal(count_items(r, 0, DL_TEXT, ROLE_PARAGRAPH, NULL), 2);
	assert_non_null(find_text(r, "aaabbb-", NULL));
	assert_non_null(find_text(r, "ccc", NULL));
	lay_result_free(r);
}

static void strings_are_copied(void **state)
{
	(void)state;
	lay_metrics m = fake_metrics();
	lay_page_setup s = fake_setup();
	char buf[32] = "Original";
	lay_doc *d = lay_new(&s, &m);
	lay_style st = fake_style(10, 12);
	lay_text(d, buf, &st, ROLE_PARAGRAPH);
	strcpy(buf, "Changed!");
	const char *why;
	lay_result *r = lay_run(d, &why);
	lay_free(d);   /* the result must outlive the document */
	assert_non_null(find_text(r, "Original", NULL));
	assert_null(find_text(r, "Changed!", NULL));
	lay_result_free(r);
}

static void list_item_hangs(void **state)
{
	(void)state;
	lay_metrics m = fake_metrics();
	lay_page_setup s = fake_setup();
	s.margin_right = s.width - s.margin_left - 100;
	lay_doc *d = lay_new(&s, &m);
	lay_style st = fake_style(10, 12);
	st.indent = 10;
	lay_span sp = { "one two three four five six", LF_REGULAR, { 0, 0, 0 } };
	lay_list_item(d, NULL, &sp, 1, &st);
	lay_list_item(d, "2.", &sp, 1, &st);
	lay_result *r = lay_run(d, NULL);
	lay_free(d);
	assert_null(lay_check(r));
	const dl_item *bullet = find_text(r, "\xE2\x80\xA2", NULL);
	assert_non_null(bullet);
	assert_int_equal(bullet->role, ROLE_LIST_LABEL);
	assert_float_equal(bullet->x, 60, 1e-9);
	assert_non_null(find_text(r, "2.", NULL));
	/* every text line of the items starts at the same hanging indent */
	double x = -1;
	for (size_t i = 0; i < r->pages[0].n_items; i++) {
		const dl_item *it = &r->pages[0].items[i];
		if (it->kind != DL_TEXT || strcmp(it->text, "\xE2\x80\xA2") == 0 || strcmp(it->text, "2.") == 0)
			continue;
		assert_int_equal(it->role, ROLE_LIST_ITEM);
		if (x < 0)
			x = it->x;
		assert_float_equal(it->x, x, 1e-9);
	}
	assert_float_equal(x, 60 + 15, 1e-9);   /* 1.5 em: "•" and "2." hang alike */
	lay_result_free(r);
}

static void refuses_without_metrics(void **state)
{
	(void)state;
	lay_page_setup s = fake_setup();
	lay_metrics m = { 0 };
	lay_doc *d = lay_new(&s, &m);
	const char *why = NULL;
	assert_null(lay_run(d, &why));
	assert_non_null(why);
	lay_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(breaks_on_spaces),
		cmocka_unit_test(breaks_after_hyphens),
		cmocka_unit_test(soft_hyphen_visible_only_at_break),
		cmocka_unit_test(overlong_word_broken_by_characters),
		cmocka_unit_test(no_break_space_kept_together),
		cmocka_unit_test(spans_and_alignment),
		cmocka_unit_test(soft_hyphen_in_display_list),
		cmocka_unit_test(strings_are_copied),
		cmocka_unit_test(list_item_hangs),
		cmocka_unit_test(refuses_without_metrics),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
