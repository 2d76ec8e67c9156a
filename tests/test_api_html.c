/* SPDX-License-Identifier: Apache-2.0 */
/* test_api_html.c - the website writer (src/html*.c) over a small block stream:
 * escaping, table markup (caption, th scope, numbers, sum/grupp/varav rows), a status
 * marker beside its word, links to notes across pages, the page split by the
 * registry's pages, the FÖRSLAG banner, deterministic bytes, a failed run or a
 * foreign folder leaving everything as it was, one page per name in the page list and
 * goal tables captioned by what they are. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "html.h"

static const lay_rgb ink = { 0x1a, 0x1a, 0x1a }, green = { 0x2e, 0x7d, 0x32 };

static lay_cell cell(lay_span *sp, const char *text, enum lay_align al)
{
	*sp = (lay_span){ text, LF_REGULAR, ink };
	return (lay_cell){ .spans = sp, .n_spans = 1, .align = al };
}

static blk_doc *sample(bool draft)
{
	blk_doc *d = blk_new();
	d->meta = (blk_meta){ .kommun = "Sjöviks kommun", .title = "Årsredovisning 2024",
	                      .period = "1 januari–31 december 2024", .dnr = "KS 2025/0112",
	                      .decision = draft ? "Förslag till Kommunfullmäktige" : "Beslutad av KF",
	                      .draft = draft, .watermark = draft ? "FÖRSLAG" : NULL, .lang = "sv" };
	blk_section(d, "titelsida", BP_INDEX);
	blk_text(d, "Sjöviks kommun", BS_TITLE_KOMMUN, ROLE_PARAGRAPH, false);
	blk_text(d, "Årsredovisning 2024", BS_TITLE, ROLE_TITLE, false);
	blk_section(d, "innehall", BP_NONE);
	blk_heading(d, 1, "Innehåll", BS_H1, false);
	blk_toc(d, 2, BS_TOC);
	blk_section(d, "malsammanfattning", BP_SUMMARY);
	blk_heading(d, 1, "Måluppfyllelse", BS_H1, true);
	static const lay_column cols[3] = { { LA_LEFT, 0 }, { LA_RIGHT, 0 }, { LA_LEFT, 0 } };
	blk_text(d, "Bedömning <per> nivå & \"status\"", BS_TABLE_TITLE, ROLE_TABLE_TITLE, true);
	blk_table_begin(d, cols, 3, BS_TABLE, false);
	blk_table_row_header(d, 0);
	lay_span s[3];
	lay_cell head[3] = { cell(&s[0], "Nivå", LA_LEFT), cell(&s[1], "Antal", LA_RIGHT), cell(&s[2], "Status", LA_LEFT) };
	blk_table_row(d, LR_HEADER, head, NULL);
	lay_cell grp[3] = { cell(&s[0], "Mål", LA_LEFT), cell(&s[1], "", LA_RIGHT), cell(&s[2], "", LA_LEFT) };
	blk_table_row(d, LR_BODY, grp, NULL);
	blk_row_keep(d, false, true);
	lay_cell row[3] = { cell(&s[0], "varav nämndmål", LA_LEFT), cell(&s[1], "1 234,5", LA_RIGHT),
	                    cell(&s[2], "Uppfyllt", LA_LEFT) };
	row[2].marker = (lay_marker){ true, LS_CIRCLE, green };
	blk_table_row(d, LR_BODY, row, NULL);
	blk_row_keep(d, true, false);
	blk_cell_link(d, 1, "not-1");
	lay_cell sum[3] = { cell(&s[0], "Summa", LA_LEFT), cell(&s[1], "1 234,5", LA_RIGHT), cell(&s[2], "", LA_LEFT) };
	blk_table_row(d, LR_SUM, sum, NULL);
	blk_table_end(d);
	blk_section(d, "text", BP_CHAPTER);
	blk_heading(d, 1, "Ekonomi & framtid", BS_H1, true);
	lay_span sp[2] = { { "Fet ", LF_BOLD, ink }, { "<kursiv>", LF_ITALIC, ink } };
	blk_paragraph(d, sp, 2, BS_BODY, ROLE_PARAGRAPH, false);
	blk_figure_begin(d, 100, 40, "Diagram: \"A\" 3 & B 4.");
	blk_fig_rect(d, 0, 0, 30, 10, green);
	blk_fig_marker(d, 5, 5, 8, LS_STAR, ink);
	blk_fig_text(d, 40, 10, "3 < 4", LF_BOLD, 8, ink, LA_CENTER);
	static const lay_column dc[2] = { { LA_LEFT, 0 }, { LA_RIGHT, 0 } };
	blk_fig_data_begin(d, dc, 2);
	lay_cell drow[2] = { cell(&s[0], "A", LA_LEFT), cell(&s[1], "3", LA_RIGHT) };
	blk_table_row(d, LR_BODY, drow, NULL);
	blk_fig_data_end(d);
	blk_figure_end(d);
	blk_section(d, "noter", BP_CHAPTER);
	blk_heading(d, 1, "Noter", BS_H1, true);
	blk_heading(d, 2, "Not 1 Skatt", BS_H2, true);
	blk_anchor(d, "not-1");
	blk_text(d, "Skatten.", BS_BODY, ROLE_PARAGRAPH, false);
	return d;
}

static char *slurp(const char *dir, const char *name)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *p = calloc(1, (size_t)n + 1);
	assert_int_equal(fread(p, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	return p;
}

static char tmpdir[256], css[300];

static int setup(void **state)
{
	(void)state;
	snprintf(tmpdir, sizeof tmpdir, "/tmp/sr-test-html-XXXXXX");
	assert_non_null(mkdtemp(tmpdir));
	snprintf(css, sizeof css, "%s/style.css", tmpdir);
	FILE *f = fopen(css, "w");
	fputs("body{}\n", f);
	fclose(f);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

static bool render(blk_doc *d, const char *dir, const char *css_path, char *why)
{
	html_options o = { .css_path = css_path, .font_dir = NULL, .pdf_href = "rapport.pdf" };
	html_writer *w = html_new(&o);
	bool ok = html_render(w, d, dir, why, 512);
	html_free(w);
	return ok;
}

static void test_fragment_escapes_and_marks_up(void **state)
{
	(void)state;
	blk_doc *d = sample(false);
	char *h = html_fragment(d, 0, d->n);
	assert_non_null(strstr(h, "<caption>Bedömning &lt;per&gt; nivå &amp; &quot;status&quot;</caption>"));
	assert_null(strstr(h, "<per>"));
	assert_non_null(strstr(h, "<th scope=\"col\">Nivå</th>"));
	assert_non_null(strstr(h, "<th scope=\"col\" class=\"tal\">Antal</th>"));
	assert_non_null(strstr(h, "<th scope=\"row\">varav nämndmål</th>"));
	assert_non_null(strstr(h, "<td class=\"tal\">"));
	assert_non_null(strstr(h, "<tr class=\"summa\">"));
	assert_non_null(strstr(h, "<tr class=\"grupp\">"));
	assert_non_null(strstr(h, "<tr class=\"varav\">"));
	assert_non_null(strstr(h, "role=\"region\" aria-label=\"Bedömning &lt;per&gt; nivå"));
	/* the title paragraph became the caption and is not repeated */
	assert_null(strstr(h, "<p class=\"tabellrubrik\">"));
	/* a status marker: hidden shape, then the word in the same cell */
	const char *m = strstr(h, "<svg class=\"markor\"");
	assert_non_null(m);
	const char *end = strstr(m, "</td>");
	assert_non_null(strstr(m, "aria-hidden=\"true\""));
	const char *word = strstr(m, "</svg>\xc2\xa0Uppfyllt");
	assert_true(word && word < end);
	assert_non_null(strstr(h, "<strong>Fet </strong><em>&lt;kursiv&gt;</em>"));
	/* the chart: inline SVG with its alt text, then its data table */
	assert_non_null(strstr(h, "<svg role=\"img\" aria-label=\"Diagram: &quot;A&quot; 3 &amp; B 4.\""));
	assert_non_null(strstr(h, "<title>Diagram: &quot;A&quot; 3 &amp; B 4.</title>"));
	assert_non_null(strstr(h, ">3 &lt; 4</text>"));
	assert_non_null(strstr(h, "<caption>Diagrammets värden</caption>"));
	free(h);
	blk_free(d);
}

static void test_site_pages_links_and_banner(void **state)
{
	(void)state;
	char dir[300], why[512] = "";
	snprintf(dir, sizeof dir, "%s/site", tmpdir);
	blk_doc *d = sample(true);
	assert_true(render(d, dir, css, why));
	char *index = slurp(dir, "index.html"), *sum = slurp(dir, "sammanfattning.html"),
	     *ch1 = slurp(dir, "01-ekonomi-framtid.html"), *ch2 = slurp(dir, "02-noter.html"),
	     *style = slurp(dir, "styrrapport.css");
	assert_non_null(index);
	assert_non_null(sum);
	assert_non_null(ch1);
	assert_non_null(ch2);
	assert_string_equal(style, "body{}\n");
	assert_non_null(strstr(index, "<html lang=\"sv\">"));
	assert_non_null(strstr(index, "<meta charset=\"utf-8\">"));
	assert_non_null(strstr(index, "<h1>Årsredovisning 2024</h1>"));
	assert_non_null(strstr(index, "<a href=\"02-noter.html#not-1\">Not 1 Skatt</a>"));
	assert_null(strstr(index, "Innehåll</h1>"));   /* the PDF's contents page is not a page */
	/* one h1 per page; the summary's sections one level down */
	assert_non_null(strstr(sum, "<h1>Sammanfattning</h1>"));
	assert_non_null(strstr(sum, "<h2 id=\""));
	assert_null(strstr(strstr(sum, "<h1>") + 4, "<h1>"));
	/* a link to the note on its own page */
	assert_non_null(strstr(sum, "<a href=\"02-noter.html#not-1\">1 234,5</a>"));
	assert_non_null(strstr(ch2, "<h2 id=\"not-1\">Not 1 Skatt</h2>"));
	assert_non_null(strstr(ch1, "<h1 id=\""));
	assert_non_null(strstr(ch1, "Ekonomi &amp; framtid</h1>"));
	const char *pages[4] = { index, sum, ch1, ch2 };
	for (int i = 0; i < 4; i++) {
		assert_non_null(strstr(pages[i], "<a class=\"hoppa\" href=\"#innehall\">Till innehållet</a>"));
		assert_non_null(strstr(pages[i], "<main id=\"innehall\""));
		assert_non_null(strstr(pages[i], "<p class=\"forslag\"><strong>FÖRSLAG</strong>"));
		assert_non_null(strstr(pages[i], "Dnr KS 2025/0112"));
		assert_non_null(strstr(pages[i], "<a href=\"rapport.pdf\">"));
		assert_non_null(strstr(pages[i], "<nav"));
		assert_non_null(strstr(pages[i], "<footer"));
		free((void *)pages[i]);
	}
	free(style);
	blk_free(d);
}

static void test_deterministic(void **state)
{
	(void)state;
	char a[300], b[300], why[512] = "";
	snprintf(a, sizeof a, "%s/a", tmpdir);
	snprintf(b, sizeof b, "%s/b", tmpdir);
	blk_doc *d = sample(false);
	assert_true(render(d, a, css, why));
	assert_true(render(d, b, css, why));
	assert_true(render(d, b, css, why));   /* an earlier site is replaced */
	const char *names[4] = { "index.html", "sammanfattning.html", "01-ekonomi-framtid.html", "02-noter.html" };
	for (int i = 0; i < 4; i++) {
		char *x = slurp(a, names[i]), *y = slurp(b, names[i]);
		assert_non_null(x);
		assert_non_null(y);
		assert_string_equal(x, y);
		assert_null(strstr(x, "FÖRSLAG"));
		free(x);
		free(y);
	}
	blk_free(d);
}

static void test_failure_leaves_old_site(void **state)
{
	(void)state;
	char dir[300], why[512] = "", missing[320];
	snprintf(dir, sizeof dir, "%s/old", tmpdir);
	snprintf(missing, sizeof missing, "%s/finns-inte.css", tmpdir);
	blk_doc *d = sample(false);
	assert_true(render(d, dir, css, why));
	char *before = slurp(dir, "index.html");
	blk_doc *draft = sample(true);
	assert_false(render(draft, dir, missing, why));   /* the style cannot be read */
	assert_non_null(strstr(why, "stilmallen"));
	char *after = slurp(dir, "index.html");
	assert_string_equal(before, after);
	free(before);
	free(after);
	/* nothing left beside it */
	char cmd[700];
	snprintf(cmd, sizeof cmd, "ls -A '%s' | grep -q -e '^old\\.' -e styrrapport-tmp", tmpdir);
	assert_int_not_equal(system(cmd), 0);
	/* a folder that is no site of ours is never replaced */
	char foreign[300];
	snprintf(foreign, sizeof foreign, "%s/annat", tmpdir);
	assert_int_equal(mkdir(foreign, 0777), 0);
	char keep[400];
	snprintf(keep, sizeof keep, "%s/viktigt.txt", foreign);
	FILE *f = fopen(keep, "w");
	fputs("x", f);
	fclose(f);
	assert_false(render(d, foreign, css, why));
	assert_non_null(strstr(why, "ingen webbplats från styrrapport"));
	assert_int_equal(access(keep, F_OK), 0);
	blk_free(d);
	blk_free(draft);
}

static size_t count(const char *h, const char *needle)
{
	size_t n = 0;
	for (const char *p = h; (p = strstr(p, needle)); p += strlen(needle))
		n++;
	return n;
}

/* The nav between <nav class="delar" and </nav>, in malloc'd memory. */
static char *nav_of(const char *page)
{
	const char *a = strstr(page, "<nav class=\"delar\""), *b = a ? strstr(a, "</nav>") : NULL;
	assert_non_null(b);
	char *out = calloc(1, (size_t)(b - a) + 1);
	memcpy(out, a, (size_t)(b - a));
	return out;
}

/* A text chapter "Sammanfattning" opens the summary page (one entry in the page list,
 * the kommun's text first); a chapter named like an earlier one joins it; goal tables
 * are captioned by what they are; the page list is a <details>. */
static void test_one_summary_and_captions(void **state)
{
	(void)state;
	char dir[300], why[512] = "";
	snprintf(dir, sizeof dir, "%s/namn", tmpdir);
	blk_doc *d = blk_new();
	d->meta = (blk_meta){ .kommun = "Timrå kommun", .title = "Uppföljning 2025", .dnr = "KS 1",
	                      .decision = "Beslutad", .lang = "sv" };
	blk_section(d, "titelsida", BP_INDEX);
	blk_text(d, "Uppföljning 2025", BS_TITLE, ROLE_TITLE, false);
	blk_section(d, "text", BP_CHAPTER);
	blk_heading(d, 1, "Sammanfattning", BS_H1, true);
	blk_text(d, "Kommunens egen text.", BS_BODY, ROLE_PARAGRAPH, false);
	blk_heading(d, 2, "Läget", BS_H2, true);
	blk_heading(d, 1, "Personal", BS_H1, true);
	blk_text(d, "Medarbetarna.", BS_BODY, ROLE_PARAGRAPH, false);
	blk_section(d, "malsammanfattning", BP_SUMMARY);
	blk_heading(d, 1, "Måluppfyllelse", BS_H1, true);
	blk_section(d, "maluppfoljning", BP_CHAPTER);
	blk_heading(d, 1, "Mål A", BS_H1, true);
	static const lay_column cols[2] = { { LA_LEFT, 0 }, { LA_RIGHT, 0 } };
	lay_span s[2];
	lay_cell row[2] = { cell(&s[0], "Bedömning", LA_LEFT), cell(&s[1], "Uppfyllt", LA_LEFT) };
	blk_table_begin(d, cols, 2, BS_TABLE, true);
	blk_table_caption(d, "Bedömning", NULL, false);
	blk_table_row(d, LR_BODY, row, NULL);
	blk_table_end(d);
	blk_table_begin(d, cols, 2, BS_TABLE, false);
	blk_table_caption(d, "Indikatorer", NULL, true);
	blk_table_row(d, LR_BODY, row, NULL);
	blk_table_end(d);
	blk_table_begin(d, cols, 2, BS_TABLE, false);
	blk_table_caption(d, "Utfall per år", "Andel <%>", true);
	blk_table_row(d, LR_BODY, row, NULL);
	blk_table_end(d);
	blk_section(d, "personal", BP_CHAPTER);
	blk_heading(d, 1, "Personal", BS_H1, true);
	blk_heading(d, 2, "Sjukfrånvaro", BS_H2, true);
	assert_true(render(d, dir, css, why));
	char *sum = slurp(dir, "sammanfattning.html"), *pers = slurp(dir, "01-personal.html"),
	     *goal = slurp(dir, "02-mal-a.html"), *none = slurp(dir, "01-sammanfattning.html"),
	     *third = slurp(dir, "03-personal.html");
	assert_non_null(sum);
	assert_non_null(pers);
	assert_non_null(goal);
	assert_null(none);    /* no second page "Sammanfattning" */
	assert_null(third);   /* no second page "Personal" */
	/* one h1, with the chapter heading's id; the kommun's text, then the key figures */
	assert_int_equal(count(sum, "<h1"), 1);
	assert_non_null(strstr(sum, "<h1 id=\"r"));
	const char *own = strstr(sum, "Kommunens egen text."), *figs = strstr(sum, ">Måluppfyllelse</h2>");
	assert_true(own && figs && own < figs);
	assert_non_null(strstr(sum, ">Läget</h2>"));
	/* every name once in the page list */
	char *nav = nav_of(sum);
	assert_int_equal(count(nav, ">Sammanfattning</a>"), 1);
	assert_int_equal(count(nav, ">Personal</a>"), 1);
	assert_non_null(strstr(nav, "<details>\n<summary>Rapportens delar</summary>\n<ul>"));
	free(nav);
	/* the second "Personal" one level down on the first one's page */
	assert_int_equal(count(pers, "<h1"), 1);
	assert_non_null(strstr(pers, ">Personal</h2>"));
	assert_non_null(strstr(pers, ">Sjukfrånvaro</h3>"));
	/* captions that say what the table is, whose it is for screen readers */
	assert_non_null(strstr(goal, "<caption class=\"dold\">Bedömning – Mål A</caption>"));
	assert_non_null(strstr(goal, "<caption>Indikatorer<span class=\"dold\"> – Mål A</span></caption>"));
	assert_non_null(strstr(goal, "aria-label=\"Indikatorer – Mål A\""));
	assert_non_null(strstr(goal, "<caption>Utfall per år<span class=\"dold\"> – Andel &lt;%&gt;</span></caption>"));
	free(sum);
	free(pers);
	free(goal);
	blk_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fragment_escapes_and_marks_up),
		cmocka_unit_test(test_site_pages_links_and_banner),
		cmocka_unit_test(test_deterministic),
		cmocka_unit_test(test_failure_leaves_old_site),
		cmocka_unit_test(test_one_summary_and_captions),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
