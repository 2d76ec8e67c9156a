/* SPDX-License-Identifier: Apache-2.0 */
/* test_lay_blk.c - the block stream (src/blk.c) and its replay into the layout engine
 * (src/lay_blk.c): what the stream keeps (copies of spans and cells, anchors, row
 * headers, grupp/varav rows, links, figure drawings and data tables, section marks),
 * and that a document built through the stream lays out exactly like the same calls
 * made directly (the dump, item for item). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lay_blk.h"
#include "lay_fake.h"

static const lay_rgb ink = { 0x1a, 0x1a, 0x1a }, fill = { 0xdc, 0xe4, 0xee };

static lay_style looks[BS_MAX];

static void setup_looks(void)
{
	for (int i = 0; i < BS_MAX; i++)
		looks[i] = fake_style(10, 14);
	looks[BS_H1] = fake_style(18, 23);
	looks[BS_H1].font = LF_BOLD;
	looks[BS_H2] = fake_style(14, 18);
	looks[BS_TABLE] = fake_style(9, 12);
	looks[BS_CAPTION] = fake_style(8, 11);
	looks[BS_CAPTION].font = LF_ITALIC;
}

static lay_cell cell(const char *text, lay_span *sp, enum lay_align al)
{
	sp->text = text;
	sp->font = LF_REGULAR;
	sp->color = ink;
	return (lay_cell){ .spans = sp, .n_spans = 1, .align = al };
}

/* The same small report, once as blocks and once as direct calls (keep = the look
 * tweaks the report builder makes). */
static void build_blocks(blk_doc *d)
{
	static const lay_column cols[3] = { { LA_LEFT, 0.5 }, { LA_RIGHT, 0 }, { LA_CENTER, 0.1 } };
	blk_section(d, "text", BP_CHAPTER);
	blk_heading(d, 1, "Ekonomi", BS_H1, true);
	lay_span sp[3] = { { "Årets ", LF_REGULAR, ink }, { "resultat", LF_BOLD, ink }, { " är bra.", LF_ITALIC, ink } };
	blk_paragraph(d, sp, 3, BS_BODY, ROLE_PARAGRAPH, false);
	sp[1].text = "ÄNDRAT";   /* the stream copied the spans */
	blk_text(d, "Resultaträkning", BS_TABLE_TITLE, ROLE_TABLE_TITLE, true);
	blk_table_begin(d, cols, 3, BS_TABLE, false);
	blk_table_row_header(d, 0);
	lay_span s[3];
	lay_cell head[3] = { cell("Post", &s[0], LA_LEFT), cell("2024", &s[1], LA_RIGHT), cell("Not", &s[2], LA_CENTER) };
	blk_table_row(d, LR_HEADER, head, &fill);
	lay_cell grp[3] = { cell("Intäkter", &s[0], LA_LEFT), cell("", &s[1], LA_RIGHT), cell("", &s[2], LA_CENTER) };
	blk_table_row(d, LR_BODY, grp, NULL);
	blk_row_keep(d, false, true);
	lay_cell row[3] = { cell("varav skatt", &s[0], LA_LEFT), cell("12,5", &s[1], LA_RIGHT), cell("3", &s[2], LA_CENTER) };
	blk_table_row(d, LR_BODY, row, NULL);
	blk_row_keep(d, true, false);
	blk_cell_link(d, 2, "not-3");
	lay_cell sum[3] = { cell("Summa", &s[0], LA_LEFT), cell("12,5", &s[1], LA_RIGHT), cell("", &s[2], LA_CENTER) };
	sum[1].marker = (lay_marker){ true, LS_TRIANGLE, ink };
	blk_table_row(d, LR_SUM, sum, &fill);
	blk_table_end(d);
	blk_figure_begin(d, 200, 60, "Diagram: 12,5.");
	blk_fig_rect(d, 0, 0, 100, 16, ink);
	blk_fig_line(d, 50, 0, 50, 60, 0.75, ink);
	blk_fig_dashed_line(d, 0, 30, 200, 30, 1.2, ink, 5);
	blk_fig_marker(d, 4, 40, 8, LS_STAR, ink);
	blk_fig_text(d, 110, 12, "12,5", LF_BOLD, 8, ink, LA_LEFT);
	blk_fig_label(d, 0, 50, "En mycket lång etikett som inte får plats", LF_REGULAR, 8, ink, LA_LEFT, 40);
	static const lay_column dc[2] = { { LA_LEFT, 0 }, { LA_RIGHT, 0 } };
	blk_fig_data_begin(d, dc, 2);
	lay_cell drow[2] = { cell("Rad", &s[0], LA_LEFT), cell("12,5", &s[1], LA_RIGHT) };
	blk_table_row(d, LR_BODY, drow, NULL);
	blk_fig_data_end(d);
	blk_figure_end(d);
	blk_text(d, "Figur: så.", BS_CAPTION, ROLE_CAPTION, false);
	blk_list_begin(d);
	blk_list_item(d, NULL, sp, 1, BS_LIST);
	blk_list_end(d);
	blk_heading(d, 2, "Not 3 Skatt", BS_H2, true);
	blk_anchor(d, "not-3");
	blk_space(d, 8);
	blk_page_break(d);
	blk_picture(d, "bild.png", 100, 50, "En bild", true);
	blk_text(d, "Bildtext", BS_CAPTION, ROLE_CAPTION, false);
}

static void build_direct(lay_doc *d)
{
	static const lay_column cols[3] = { { LA_LEFT, 0.5 }, { LA_RIGHT, 0 }, { LA_CENTER, 0.1 } };
	lay_heading(d, 1, "Ekonomi", &looks[BS_H1], true);
	lay_span sp[3] = { { "Årets ", LF_REGULAR, ink }, { "resultat", LF_BOLD, ink }, { " är bra.", LF_ITALIC, ink } };
	lay_paragraph(d, sp, 3, &looks[BS_BODY], ROLE_PARAGRAPH);
	lay_style title = looks[BS_TABLE_TITLE];
	title.keep_with_next = true;
	lay_text(d, "Resultaträkning", &title, ROLE_TABLE_TITLE);
	lay_table_begin(d, cols, 3, &looks[BS_TABLE]);
	lay_table_row_header(d, 0);
	lay_span s[3];
	lay_rgb f = fill;
	lay_cell head[3] = { cell("Post", &s[0], LA_LEFT), cell("2024", &s[1], LA_RIGHT), cell("Not", &s[2], LA_CENTER) };
	lay_table_row(d, LR_HEADER, head, &f);
	lay_cell grp[3] = { cell("Intäkter", &s[0], LA_LEFT), cell("", &s[1], LA_RIGHT), cell("", &s[2], LA_CENTER) };
	lay_table_row(d, LR_BODY, grp, NULL);
	lay_row_keep(d, false, true);
	lay_cell row[3] = { cell("varav skatt", &s[0], LA_LEFT), cell("12,5", &s[1], LA_RIGHT), cell("3", &s[2], LA_CENTER) };
	lay_table_row(d, LR_BODY, row, NULL);
	lay_row_keep(d, true, false);
	lay_cell_link(d, 2, "not-3");
	lay_cell sum[3] = { cell("Summa", &s[0], LA_LEFT), cell("12,5", &s[1], LA_RIGHT), cell("", &s[2], LA_CENTER) };
	sum[1].marker = (lay_marker){ true, LS_TRIANGLE, ink };
	lay_table_row(d, LR_SUM, sum, &f);
	lay_table_end(d);
	lay_figure_begin(d, 200, 60, "Diagram: 12,5.");
	lay_fig_rect(d, 0, 0, 100, 16, ink);
	lay_fig_line(d, 50, 0, 50, 60, 0.75, ink);
	lay_fig_dashed_line(d, 0, 30, 200, 30, 1.2, ink, 5);
	lay_fig_marker(d, 4, 40, 8, LS_STAR, ink);
	lay_fig_text(d, 110, 12, "12,5", LF_BOLD, 8, ink, LA_LEFT);
	lay_fig_label(d, 0, 50, "En mycket lång etikett som inte får plats", LF_REGULAR, 8, ink, LA_LEFT, 40);
	lay_figure_end(d);
	lay_text(d, "Figur: så.", &looks[BS_CAPTION], ROLE_CAPTION);
	lay_list_begin(d);
	lay_list_item(d, NULL, sp, 1, &looks[BS_LIST]);
	lay_list_end(d);
	lay_heading(d, 2, "Not 3 Skatt", &looks[BS_H2], true);
	lay_anchor(d, "not-3");
	lay_space(d, 8);
	lay_page_break(d);
	lay_picture(d, "bild.png", 100, 50, "En bild", true);
	lay_text(d, "Bildtext", &looks[BS_CAPTION], ROLE_CAPTION);
}

static char *dump_of(lay_result *r)
{
	char *text = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&text, &n);
	lay_dump(r, f);
	fclose(f);
	return text;
}

static void test_stream_keeps_what_was_built(void **state)
{
	(void)state;
	blk_doc *d = blk_new();
	build_blocks(d);
	assert_int_equal(d->items[0].kind, BLK_SECTION);
	assert_string_equal(d->items[0].text, "text");
	assert_int_equal(d->items[0].page, BP_CHAPTER);
	const blk *p = &d->items[2];
	assert_int_equal(p->kind, BLK_PARA);
	assert_string_equal(p->spans[1].text, "resultat");   /* a copy, not the caller's array */
	const blk *tb = &d->items[4];
	assert_int_equal(tb->kind, BLK_TABLE);
	const blk_table *t = tb->table;
	assert_string_equal(t->label, "Resultaträkning");
	assert_true(t->row_header[0]);
	assert_false(t->row_header[1]);
	assert_int_equal(t->n_rows, 4);
	assert_true(t->rows[0].has_fill);
	assert_int_equal(t->rows[1].flags, BRF_GRUPP);
	assert_int_equal(t->rows[2].flags, BRF_VARAV);
	assert_non_null(t->rows[2].links);
	assert_string_equal(t->rows[2].links[2], "not-3");
	assert_null(t->rows[2].links[0]);
	assert_int_equal(t->rows[3].kind, LR_SUM);
	assert_true(t->rows[3].cells[1].marker.on);
	const blk_figure *f = d->items[5].figure;
	assert_int_equal(f->n_ops, 6);
	assert_int_equal(f->ops[2].kind, BO_DASHED);
	assert_non_null(f->data);
	assert_int_equal(f->data->n_rows, 1);
	assert_true(f->data->row_header[0]);
	assert_string_equal(f->data->rows[0].cells[1].spans[0].text, "12,5");
	/* the data rows went to the figure, not to the table before it */
	assert_int_equal(t->n_rows, 4);
	size_t i = 0;
	while (i < d->n && !(d->items[i].kind == BLK_HEADING && d->items[i].level == 2))
		i++;
	assert_true(i < d->n);
	assert_string_equal(d->items[i].anchor, "not-3");
	assert_string_equal(blk_spans_text(d->a, p->spans, p->n_spans), "Årets resultat är bra.");
	blk_free(d);
}

static void test_replay_lays_out_like_direct_calls(void **state)
{
	(void)state;
	lay_metrics m = fake_metrics();
	lay_page_setup s = fake_setup();
	blk_doc *d = blk_new();
	build_blocks(d);
	lay_blk *out = lay_blk_new(&s, &m, looks);
	const char *why = NULL;
	lay_result *a = lay_blk_render(out, d, &why);
	lay_blk_free(out);
	blk_free(d);   /* the result owns what it holds */
	assert_non_null(a);
	lay_doc *direct = lay_new(&s, &m);
	build_direct(direct);
	lay_result *b = lay_run(direct, &why);
	lay_free(direct);
	assert_non_null(b);
	char *da = dump_of(a), *db = dump_of(b);
	assert_string_equal(da, db);
	assert_non_null(strstr(da, "Ekonomi"));
	free(da);
	free(db);
	lay_result_free(a);
	lay_result_free(b);
}

/* issue 16: a table too wide for the page is a warning at the line of the element it
 * was built from (blk_table_at, through the stream to lay_result) */
static void test_table_warning_has_its_line(void **state)
{
	(void)state;
	lay_metrics m = fake_metrics();
	lay_page_setup s = fake_setup();
	blk_doc *d = blk_new();
	static const lay_column cols[3] = { { LA_LEFT, 0 }, { LA_LEFT, 0 }, { LA_LEFT, 0 } };
	blk_text(d, "Nämnd", BS_TABLE_TITLE, ROLE_TABLE_TITLE, true);
	blk_table_begin(d, cols, 3, BS_TABLE, false);
	blk_table_at(d, "bidrag.xml", 42);
	lay_span sp[3];
	char w[3][200];
	for (int k = 0; k < 3; k++) {
		memset(w[k], 'x', sizeof w[k] - 1);
		w[k][sizeof w[k] - 1] = 0;
	}
	lay_cell row[3] = { cell(w[0], &sp[0], LA_LEFT), cell(w[1], &sp[1], LA_LEFT), cell(w[2], &sp[2], LA_LEFT) };
	blk_table_row(d, LR_BODY, row, NULL);
	blk_table_end(d);
	assert_int_equal(d->items[d->n - 1].table->line, 42);
	lay_blk *out = lay_blk_new(&s, &m, looks);
	const char *why = NULL;
	lay_result *r = lay_blk_render(out, d, &why);
	lay_blk_free(out);
	blk_free(d);
	assert_non_null(r);
	assert_int_equal(r->n_warnings, 1);
	assert_non_null(strstr(r->warnings[0], "tabellen \"Nämnd\""));
	assert_string_equal(r->warning_files[0], "bidrag.xml");
	assert_int_equal(r->warning_lines[0], 42);
	lay_result_free(r);
}

static void test_empty_stream(void **state)
{
	(void)state;
	lay_metrics m = fake_metrics();
	lay_page_setup s = fake_setup();
	blk_doc *d = blk_new();
	assert_int_equal(d->n, 0);
	blk_table_row(d, LR_BODY, NULL, NULL);   /* no table open: ignored */
	blk_fig_rect(d, 0, 0, 1, 1, ink);        /* no figure open: drawn nowhere */
	blk_anchor(d, "x");
	assert_int_equal(d->n, 0);
	lay_blk *out = lay_blk_new(&s, &m, looks);
	const char *why = NULL;
	lay_result *r = lay_blk_render(out, d, &why);
	lay_blk_free(out);
	blk_free(d);
	if (r)
		lay_result_free(r);
	blk_free(NULL);
}

int main(void)
{
	setup_looks();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stream_keeps_what_was_built),
		cmocka_unit_test(test_replay_lays_out_like_direct_calls),
		cmocka_unit_test(test_table_warning_has_its_line),
		cmocka_unit_test(test_empty_stream),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
