/* SPDX-License-Identifier: Apache-2.0 */
/* test_lay_table.c - tables: column widths, wrapping, alignment, markers, fills and sum
 * rules, 5 000 rows across pages with the header repeated, a row taller than a page. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lay_fake.h"

static const lay_rgb black = { 0, 0, 0 };

static lay_cell cell(lay_span *sp, const char *text, enum lay_font f)
{
	*sp = (lay_span){ text, f, black };
	return (lay_cell){ .spans = sp, .n_spans = 1 };
}

/* Right edge of cell (r, c) is not stored: find the items of a cell. */
static const dl_item *cell_item(const lay_result *r, size_t page, int row, int col)
{
	for (size_t i = 0; i < r->pages[page].n_items; i++) {
		const dl_item *it = &r->pages[page].items[i];
		if (it->kind == DL_TEXT && it->row == row && it->col == col &&
		    (it->role == ROLE_TABLE_CELL || it->role == ROLE_TABLE_HEADER))
			return it;
	}
	return NULL;
}

static void widths_from_content_when_all_fits(void **state)
{
	(void)state;
	lay_metrics m = fake_metrics();
	lay_page_setup s = fake_setup();
	lay_doc *d = lay_new(&s, &m);
	lay_style st = fake_style(10, 12);
	lay_column cols[3] = { { LA_LEFT, 0 }, { LA_LEFT, 0 }, { LA_RIGHT, 0 } };
	lay_span sp[3];
	lay_table_begin(d, cols, 3, &st);
	lay_cell h[3] = { cell(&sp[0], "Namn", LF_BOLD), cell(&sp[1], "Kortare text", LF_BOLD),
	                  cell(&sp[2], "Belopp", LF_BOLD) };
	lay_rgb grey = { 230, 230, 230 };
	lay_table_row(d, LR_HEADER, h, &grey);
	lay_cell b[3] = { cell(&sp[0], "a", LF_REGULAR), cell(&sp[1], "bb", LF_REGULAR),
	                  cell(&sp[2], "1 234", LF_REGULAR) };
	lay_table_row(d, LR_BODY, b, NULL);
	lay_table_row(d, LR_SUM, b, NULL);
	lay_table_end(d);
	lay_result *r = lay_run(d, NULL);
	lay_free(d);
	assert_null(lay_check(r));
	/* "Kortare text" (bold 12 chars = 66 pt + 6 pad) is the widest text column and takes the
	 * slack; the amount column keeps its max: "Belopp" bold 33 + 6 = 39 pt, right-aligned */
	const dl_item *amount = cell_item(r, 0, 1, 2);
	assert_string_equal(amount->text, "1 234");
	double right = 50 + (s.width - 100);
	assert_float_equal(amount->x + amount->w, right - 3, 1e-9);
	const dl_item *second = cell_item(r, 0, 1, 1);
	assert_float_equal(second->x, 50 + 4 * 5.5 + 6 + 3, 1e-9);   /* after column 0's max */
	assert_int_equal(cell_item(r, 0, 0, 0)->role, ROLE_TABLE_HEADER);
	assert_int_equal(cell_item(r, 0, 1, 0)->role, ROLE_TABLE_CELL);
	/* header fill and the rule above the sum row, both artifacts */
	assert_int_equal(count_items(r, 0, DL_RECT, ROLE_ARTIFACT, NULL), 1);
	assert_int_equal(r->pages[0].items[0].fill_color.r, 230);
	assert_int_equal(count_items(r, 0, DL_LINE, ROLE_ARTIFACT, NULL), 1);
	lay_result_free(r);
}

static void narrow_columns_wrap_and_respect_share(void **state)
{
	(void)state;
	lay_metrics m = fake_metrics();
	lay_page_setup s = fake_setup();
	double W = s.width - 100;
	lay_doc *d = lay_new(&s, &m);
	lay_style st = fake_style(10, 12);
	lay_column cols[2] = { { LA_LEFT, 0.3 }, { LA_LEFT, 0 } };
	char longtext[1200] = "";
	for (int i = 0; i < 100; i++)
		strcat(longtext, "ord ");
	lay_span sp[2];
	lay_table_begin(d, cols, 2, &st);
	lay_cell c[2] = { cell(&sp[0], longtext, LF_REGULAR), cell(&sp[1], longtext, LF_REGULAR) };
	lay_table_row(d, LR_BODY, c, NULL);
	lay_table_end(d);
	lay_result *r = lay_run(d, NULL);
	lay_free(d);
	assert_null(lay_check(r));
	double x0 = cell_item(r, 0, 0, 0)->x, x1 = cell_item(r, 0, 0, 1)->x;
	assert_true(x1 - x0 <= 0.3 * W + 1e-9);   /* column 0 capped at its max_share */
	assert_float_equal(x1 - x0, 0.3 * W, 1e-6);
	size_t lines0 = 0, lines1 = 0;
	for (size_t i = 0; i < r->pages[0].n_items; i++) {
		const dl_item *it = &r->pages[0].items[i];
		if (it->kind != DL_TEXT)
			continue;
		lines0 += it->col == 0;
		lines1 += it->col == 1;
		if (it->col == 0)
			assert_true(it->x + it->w <= x1 - 3 + 1e-9);   /* wrapped inside its cell */
	}
	assert_true(lines0 > lines1);
	assert_true(lines1 > 1);
	lay_result_free(r);
}

static void marker_before_text(void **state)
{
	(void)state;
	lay_metrics m = fake_metrics();
	lay_page_setup s = fake_setup();
	lay_doc *d = lay_new(&s, &m);
	lay_style st = fake_style(10, 12);
	lay_column cols[2] = { { LA_LEFT, 0 }, { LA_LEFT, 0 } };
	lay_span sp[2];
	lay_table_begin(d, cols, 2, &st);
	lay_cell c[2] = { cell(&sp[0], "Mål", LF_REGULAR), cell(&sp[1], "Uppfyllt", LF_REGULAR) };
	c[1].marker = (lay_marker){ true, LS_TRIANGLE, { 0, 128, 0 } };
	lay_table_row(d, LR_BODY, c, NULL);
	lay_table_end(d);
	lay_result *r = lay_run(d, NULL);
	lay_free(d);
	assert_null(lay_check(r));
	const dl_item *mk = NULL, *tx = find_text(r, "Uppfyllt", NULL);
	for (size_t i = 0; i < r->pages[0].n_items; i++)
		if (r->pages[0].items[i].kind == DL_MARKER)
			mk = &r->pages[0].items[i];
	assert_non_null(mk);
	assert_int_equal(mk->shape, LS_TRIANGLE);
	assert_int_equal(mk->role, ROLE_ARTIFACT);   /* the status word carries the meaning */
	assert_int_equal(mk->artifact, LART_LAYOUT);
	assert_int_equal(mk->col, 1);
	assert_float_equal(mk->w, 8, 1e-9);
	assert_true(mk->x + mk->w / 2 <= tx->x);
	assert_true(mk->y > tx->y && mk->y < tx->y + 8);   /* centred on the first line */
	lay_result_free(r);
}

static void many_rows_split_with_header_repeated(void **state)
{
	(void)state;
	enum { ROWS = 5000 };
	lay_metrics m = fake_metrics();
	lay_page_setup s = fake_setup();
	lay_doc *d = lay_new(&s, &m);
	lay_style st = fake_style(9, 11);
	lay_column cols[2] = { { LA_LEFT, 0 }, { LA_RIGHT, 0 } };
	lay_span sp[2];
	lay_table_begin(d, cols, 2, &st);
	lay_cell h[2] = { cell(&sp[0], "Konto", LF_BOLD), cell(&sp[1], "Belopp", LF_BOLD) };
	lay_table_row(d, LR_HEADER, h, NULL);
	char a[32], b[32];
	for (int i = 0; i < ROWS; i++) {
		snprintf(a, sizeof a, "Rad %d", i);
		snprintf(b, sizeof b, "%d", i * 7);
		lay_cell c[2] = { cell(&sp[0], a, LF_REGULAR), cell(&sp[1], b, LF_REGULAR) };
		lay_table_row(d, LR_BODY, c, NULL);
	}
	lay_table_end(d);
	lay_result *r = lay_run(d, NULL);
	lay_free(d);
	assert_null(lay_check(r));
	assert_true(r->n_pages > 50);
	unsigned char *seen = calloc(ROWS + 1, 1);
	for (size_t p = 0; p < r->n_pages; p++) {
		const dl_item *first = cell_item(r, p, 0, 0);
		if (p == 0) {
			assert_non_null(first);
		} else {
			assert_null(first);   /* the repeated header is no structure */
			assert_non_null(find_text(r, "Konto", NULL));
			assert_int_equal(count_items(r, p, DL_TEXT, ROLE_ARTIFACT, "Konto"), 1);
		}
		for (size_t i = 0; i < r->pages[p].n_items; i++) {
			const dl_item *it = &r->pages[p].items[i];
			if (it->kind == DL_TEXT && it->role == ROLE_TABLE_CELL && it->col == 0) {
				assert_int_equal(seen[it->row], 0);
				seen[it->row] = 1;
			}
		}
	}
	for (int i = 1; i <= ROWS; i++)
		assert_int_equal(seen[i], 1);   /* body rows are rows 1..5000 */
	free(seen);
	lay_result_free(r);
}

static void row_taller_than_page_split_by_lines(void **state)
{
	(void)state;
	lay_metrics m = fake_metrics();
	lay_page_setup s = fake_setup();
	lay_doc *d = lay_new(&s, &m);
	lay_style st = fake_style(10, 12);
	lay_column cols[2] = { { LA_LEFT, 0.3 }, { LA_LEFT, 0 } };
	size_t cap = 200 * 32;
	char *big = malloc(cap);
	big[0] = '\0';
	for (int i = 0; i < 200; i++)
		strcat(big, "rad\xC2\xA0rad\xC2\xA0rad\xC2\xA0rad\xC2\xA0rad ");   /* one nbsp word a line */
	lay_span sp[2];
	lay_table_begin(d, cols, 2, &st);
	lay_cell h[2] = { cell(&sp[0], "Text", LF_BOLD), cell(&sp[1], "Kort", LF_BOLD) };
	lay_table_row(d, LR_HEADER, h, NULL);
	lay_cell c[2] = { cell(&sp[0], big, LF_REGULAR), cell(&sp[1], "kort", LF_REGULAR) };
	lay_table_row(d, LR_BODY, c, NULL);
	lay_table_row(d, LR_BODY, c, NULL);
	lay_table_end(d);
	free(big);
	lay_result *r = lay_run(d, NULL);
	lay_free(d);
	assert_null(lay_check(r));
	assert_true(r->n_pages >= 3);
	size_t lines = 0;
	for (size_t p = 0; p < r->n_pages; p++)
		for (size_t i = 0; i < r->pages[p].n_items; i++) {
			const dl_item *it = &r->pages[p].items[i];
			lines += it->kind == DL_TEXT && it->role == ROLE_TABLE_CELL && it->row == 1 &&
			         it->col == 0;
		}
	assert_int_equal(lines, 200);   /* every line of the tall cell, none lost */
	assert_non_null(cell_item(r, 1, 1, 0));   /* row 1 continues on page 2 */
	assert_int_equal(count_items(r, 1, DL_TEXT, ROLE_ARTIFACT, "Text"), 1);
	lay_result_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(widths_from_content_when_all_fits),
		cmocka_unit_test(narrow_columns_wrap_and_respect_share),
		cmocka_unit_test(marker_before_text),
		cmocka_unit_test(many_rows_split_with_header_repeated),
		cmocka_unit_test(row_taller_than_page_split_by_lines),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
