/* SPDX-License-Identifier: Apache-2.0 */
/* test_pdf_tag.c - the structure tree the tagged PDF gets from the layout: every role
 * has a structure type (a new role without one fails here), an unmapped block role
 * fails the write, and a document of every block kind gets the tree PDF/UA wants
 * (Sect per chapter, H1-H6 without skips, one P across pages, L > LI > Lbl + LBody,
 * Table > Caption + THead + TBody with scopes, Div > Figure + Caption, TOC > TOCI > Link). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lay_fake.h"
#include "pdf_private.h"

static void every_role_has_a_structure_type(void **state)
{
	(void)state;
	for (int r = 0; r < ROLE_MAX; r++)
		if (!pdf_tag_role_type((enum lay_role)r))
			fail_msg("role %d has no structure type in pdf_tag.c's role_map", r);
	assert_null(pdf_tag_role_type(ROLE_MAX));
}

static void unmapped_role_fails_the_build(void **state)
{
	(void)state;
	dl_block blocks[2] = { { .role = ROLE_PARAGRAPH, .list = -1, .caption = -1 },
	                       { .role = ROLE_MAX, .list = -1, .caption = -1 } };
	lay_result r = { .blocks = blocks, .n_blocks = 2 };
	pdf_tags t;
	char why[256] = "";
	assert_int_equal(pdf_tags_build(&t, &r, why, sizeof why), -1);
	assert_non_null(strstr(why, "saknar strukturtyp"));
	pdf_tags_free(&t);
}

/* The element types in tree order, indented by depth: "Document(Sect(H1 P ...))". */
static void shape(const pdf_tags *t, int n, char *out, size_t cap)
{
	strncat(out, t->node[n].type, cap - strlen(out) - 1);
	bool any = false;
	for (int k = t->node[n].first; k >= 0; k = t->kid[k].next) {
		if (t->kid[k].kind != TK_NODE)
			continue;
		strncat(out, any ? " " : "(", cap - strlen(out) - 1);
		any = true;
		shape(t, t->kid[k].ref, out, cap);
	}
	if (any)
		strncat(out, ")", cap - strlen(out) - 1);
}

static lay_result *every_kind(void)
{
	static lay_metrics m;
	static lay_page_setup s;
	m = fake_metrics();
	s = fake_setup();
	lay_doc *d = lay_new(&s, &m);
	lay_style st = fake_style(10, 12);
	lay_text(d, "Rapport", &st, ROLE_TITLE);
	lay_toc(d, 2, &st);
	lay_heading(d, 1, "Ett", &st, true);
	lay_text(d, "Nämnd: KS", &st, ROLE_FACTS);
	lay_heading(d, 3, "Djup", &st, true);   /* skips a level: raised to H2 */
	char *long_text = malloc(13000);
	long_text[0] = '\0';
	for (int i = 0; i < 2000; i++)
		strcat(long_text, "ordet ");
	lay_text(d, long_text, &st, ROLE_PARAGRAPH);   /* over a page */
	free(long_text);
	lay_list_begin(d);
	lay_span sp = { "punkt", LF_REGULAR, { 0, 0, 0 } };
	lay_list_item(d, NULL, &sp, 1, &st);
	lay_list_item(d, NULL, &sp, 1, &st);
	lay_list_end(d);
	lay_list_item(d, NULL, &sp, 1, &st);   /* a list of its own */
	lay_heading(d, 1, "Två", &st, true);
	lay_text(d, "Tabellens titel", &st, ROLE_TABLE_TITLE);
	lay_space(d, 4);
	lay_column cols[2] = { { LA_LEFT, 0 }, { LA_RIGHT, 0 } };
	lay_table_begin(d, cols, 2, &st);
	lay_table_row_header(d, 0);
	lay_span a = { "Nämnd", LF_BOLD, { 0, 0, 0 } }, b = { "Utfall", LF_BOLD, { 0, 0, 0 } };
	lay_span e = { "", LF_REGULAR, { 0, 0, 0 } };
	lay_cell head[2] = { { &a, 1, LA_LEFT, { 0 } }, { &b, 1, LA_LEFT, { 0 } } };
	lay_cell body[2] = { { &a, 1, LA_LEFT, { 0 } }, { &e, 1, LA_LEFT, { 0 } } };
	lay_table_row(d, LR_HEADER, head, NULL);
	lay_table_row(d, LR_BODY, body, NULL);
	lay_table_row(d, LR_SUM, body, NULL);
	lay_table_end(d);
	lay_figure_begin(d, 100, 50, "Staplar per nämnd");
	lay_fig_rect(d, 0, 0, 50, 10, (lay_rgb){ 0, 0, 0 });
	lay_fig_text(d, 0, 30, "KS", LF_REGULAR, 8, (lay_rgb){ 0, 0, 0 }, LA_LEFT);
	lay_figure_end(d);
	lay_text(d, "Figur: staplar", &st, ROLE_CAPTION);
	lay_text(d, "Belopp i tkr", &st, ROLE_CAPTION);   /* follows no figure: a P */
	lay_image(d, "logo.png", 10, 10, LA_LEFT);
	lay_picture(d, "bild.png", 10, 10, "En bro", false);
	lay_result *r = lay_run(d, NULL);
	lay_free(d);
	return r;
}

static void every_block_kind_gets_its_structure(void **state)
{
	(void)state;
	lay_result *r = every_kind();
	assert_non_null(r);
	assert_true(r->n_pages >= 2);
	pdf_tags t;
	char why[256] = "", got[4096] = "";
	assert_int_equal(pdf_tags_build(&t, r, why, sizeof why), 0);
	/* every item of every page to its element, as pdf_draw does */
	int para = -1;
	for (size_t p = 0; p < r->n_pages; p++)
		for (size_t i = 0; i < r->pages[p].n_items; i++) {
			const dl_item *it = &r->pages[p].items[i];
			int n = pdf_tags_item(&t, r, it);
			if (it->role == ROLE_ARTIFACT)
				assert_true(n < 0);
			else
				assert_true(n >= 0);
			if (it->kind == DL_TEXT && it->text && !strncmp(it->text, "ordet", 5)) {
				if (para < 0)
					para = n;
				assert_int_equal(n, para);   /* one P on both pages */
			}
		}
	shape(&t, t.doc, got, sizeof got);
	const char *want =
		"Document(Title TOC(TOCI(Link) TOCI(Link)) "
		"Sect(H1 P H2 P L(LI(Lbl LBody) LI(Lbl LBody)) L(LI(Lbl LBody))) "
		"Sect(H1 Table(Caption THead(TR(TH TH)) TBody(TR(TH TD) TR(TH TD))) "
		"Div(Figure Caption) P Figure))";
	if (strcmp(got, want))
		fail_msg("tree\n got %s\nwant %s", got, want);
	/* scopes: header row by column, the first column by row */
	int col = 0, row = 0;
	for (size_t i = 0; i < t.n_node; i++) {
		col += t.node[i].scope && !strcmp(t.node[i].scope, "Column");
		row += t.node[i].scope && !strcmp(t.node[i].scope, "Row");
		if (!strcmp(t.node[i].type, "Figure")) {
			assert_non_null(t.node[i].alt);
		}
	}
	assert_int_equal(col, 2);
	assert_int_equal(row, 2);
	pdf_tags_free(&t);
	lay_result_free(r);
}

static void artifacts_are_typed(void **state)
{
	(void)state;
	lay_page_setup s = fake_setup();
	lay_metrics m = fake_metrics();
	s.header[0] = "Sidhuvud";
	s.footer[2] = "Sida {N}";
	s.running_on_first_page = true;
	s.watermark = "FÖRSLAG";
	lay_doc *d = lay_new(&s, &m);
	lay_style st = fake_style(10, 12);
	lay_text(d, "Text", &st, ROLE_PARAGRAPH);
	lay_result *r = lay_run(d, NULL);
	lay_free(d);
	int seen[LART_MAX] = { 0 };
	for (size_t i = 0; i < r->pages[0].n_items; i++) {
		const dl_item *it = &r->pages[0].items[i];
		if (it->role == ROLE_ARTIFACT)
			seen[it->artifact]++;
		if (it->text && !strcmp(it->text, "FÖRSLAG"))
			assert_int_equal(it->artifact, LART_WATERMARK);
		if (it->text && !strcmp(it->text, "Sidhuvud"))
			assert_int_equal(it->artifact, LART_HEADER);
		if (it->text && !strcmp(it->text, "Sida 1"))
			assert_int_equal(it->artifact, LART_FOOTER);
	}
	assert_int_equal(seen[LART_HEADER], 2);   /* rule and text */
	assert_int_equal(seen[LART_FOOTER], 2);
	assert_int_equal(seen[LART_WATERMARK], 1);
	lay_result_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_role_has_a_structure_type),
		cmocka_unit_test(unmapped_role_fails_the_build),
		cmocka_unit_test(every_block_kind_gets_its_structure),
		cmocka_unit_test(artifacts_are_typed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
