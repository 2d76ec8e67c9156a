/* SPDX-License-Identifier: Apache-2.0 */
/* floor.c - the performance floor: draws a document's words and table cells with bare libharu, no layout logic. */
/*
 * Usage:  floor IN.xml PAGES OUT.pdf [FONTDIR]
 *
 * What it draws, naively (see docs/performance.md):
 *  - the XML is scanned crudely (no parser, no validation, no model): comments and the
 *    declaration are skipped, entities &amp; &lt; &gt; &quot; &apos; decoded;
 *  - the attributes titel, rubrik and namn become a heading line (Open Sans Bold 12 pt);
 *  - the attributes budget, utfall, prognos and every token of varden, and the text of
 *    utgangsvarde, malvarde, utfall and jamforelse, become table cells: rows of at most
 *    five fixed-width cells, each a stroked rectangle with its number (Regular 9 pt);
 *  - every other text node is prose: greedy word wrap in Regular 10 pt (b and i ignored);
 *  - the lines are spread evenly over exactly PAGES A4 pages (sizes and leading scaled
 *    down when they need more room), each page with a footer "Sida n av N".
 * Fonts are embedded as subsets via HPDF_UseUTFEncodings + HPDF_LoadTTFontFromFile,
 * compression is on. No TOC, no tables of contents, no status markers, no validation.
 */
#include <hpdf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef FLOOR_FONT_DIR
#define FLOOR_FONT_DIR "fonts"
#endif

#define PAGE_W 595.276f
#define PAGE_H 841.89f
#define MARGIN 56.0f
#define BODY_W (PAGE_W - 2 * MARGIN)
#define BODY_H (PAGE_H - 2 * MARGIN - 20.0f)
#define NCELL 5

enum kind { K_PROSE, K_HEAD, K_ROW };

/* One laid-out line: prose or heading text, or a row of cells. */
struct line {
	enum kind kind;
	char *text;                  /* owned (prose, heading) */
	const char *cell[NCELL];     /* into the input buffer */
	int n;
	float y;                     /* top within the page body */
	int page;
};

struct floor {
	HPDF_Doc pdf;
	HPDF_Font reg, bold;
	float space_w;               /* width of a space in Regular 10 pt */
	struct line *lines;
	size_t n_lines, cap;
	const char *words[4096];     /* the current paragraph */
	int n_words;
	struct line row;             /* the table row being filled */
	int n_pages;
	float scale;                 /* < 1 when the lines must be squeezed into the pages */
};

static void on_error(HPDF_STATUS e, HPDF_STATUS d, void *user)
{
	(void)user;
	fprintf(stderr, "floor: libharu error %04X detail %u\n", (unsigned)e, (unsigned)d);
	exit(3);
}

static struct line *push_line(struct floor *f, enum kind k)
{
	if (f->n_lines == f->cap) {
		f->cap = f->cap ? f->cap * 2 : 1024;
		f->lines = realloc(f->lines, f->cap * sizeof *f->lines);
		if (!f->lines)
			abort();
	}
	struct line *l = &f->lines[f->n_lines++];
	memset(l, 0, sizeof *l);
	l->kind = k;
	return l;
}

static float width(HPDF_Font font, const char *s, float size)
{
	HPDF_TextWidth tw = HPDF_Font_TextWidth(font, (const HPDF_BYTE *)s, (HPDF_UINT)strlen(s));
	return (float)tw.width * size / 1000.0f;
}

/* Joins words [a, b) of the paragraph into one owned line. */
static void emit_prose(struct floor *f, int a, int b)
{
	size_t len = 1;
	for (int i = a; i < b; i++)
		len += strlen(f->words[i]) + 1;
	char *s = malloc(len), *p = s;
	if (!s)
		abort();
	for (int i = a; i < b; i++)
		p += sprintf(p, "%s%s", i > a ? " " : "", f->words[i]);
	*p = '\0';
	push_line(f, K_PROSE)->text = s;
}

/* Greedy wrap of the current paragraph: as many words per line as fit. */
static void flush_prose(struct floor *f)
{
	int start = 0;
	float w = 0;
	for (int i = 0; i < f->n_words; i++) {
		float ww = width(f->reg, f->words[i], 10.0f);
		if (i > start && w + f->space_w + ww > BODY_W) {
			emit_prose(f, start, i);
			start = i, w = 0;
		}
		w += (i > start ? f->space_w : 0) + ww;
	}
	if (f->n_words > start)
		emit_prose(f, start, f->n_words);
	f->n_words = 0;
}

static void flush_row(struct floor *f)
{
	if (f->row.n == 0)
		return;
	*push_line(f, K_ROW) = f->row;
	memset(&f->row, 0, sizeof f->row);
	f->row.kind = K_ROW;
}

static void add_cell(struct floor *f, const char *s)
{
	if (f->row.n == NCELL)
		flush_row(f);
	f->row.cell[f->row.n++] = s;
}

static void add_heading(struct floor *f, const char *s)
{
	flush_prose(f);
	flush_row(f);
	char *t = strdup(s);
	if (!t)
		abort();
	push_line(f, K_HEAD)->text = t;
}

/* Decodes the five predefined entities in place. */
static void decode(char *s)
{
	static const char *const ent[] = { "&amp;", "&lt;", "&gt;", "&quot;", "&apos;" };
	static const char rep[] = "&<>\"'";
	char *w = s;
	for (char *r = s; *r;) {
		int hit = 0;
		for (int k = 0; *r == '&' && k < 5 && !hit; k++)
			if (strncmp(r, ent[k], strlen(ent[k])) == 0)
				*w++ = rep[k], r += strlen(ent[k]), hit = 1;
		if (!hit)
			*w++ = *r++;
	}
	*w = '\0';
}

static int is_one_of(const char *s, const char *const *list)
{
	for (; *list; list++)
		if (strcmp(s, *list) == 0)
			return 1;
	return 0;
}

static const char *const head_attrs[] = { "titel", "rubrik", "namn", NULL };
static const char *const cell_attrs[] = { "budget", "utfall", "prognos", NULL };
static const char *const cell_elems[] = { "utgangsvarde", "malvarde", "utfall", "jamforelse", NULL };

static void attribute(struct floor *f, const char *name, char *val)
{
	decode(val);
	if (is_one_of(name, head_attrs)) {
		add_heading(f, val);
	} else if (is_one_of(name, cell_attrs)) {
		add_cell(f, val);
	} else if (strcmp(name, "varden") == 0) {
		for (char *tok = strtok(val, " "); tok; tok = strtok(NULL, " "))
			add_cell(f, tok);
	}
}

/* Parses one start tag at p (after '<'); returns the position after '>'. */
static char *start_tag(struct floor *f, char *p, const char **elem, int *empty)
{
	char *name = p;
	p += strcspn(p, " \t\r\n/>");
	char end = *p;
	*p++ = '\0';
	*elem = name;
	*empty = end == '/';
	while (end != '>' && *p) {
		p += strspn(p, " \t\r\n");
		if (*p == '/' || *p == '>') {
			*empty |= *p == '/';
			end = *p == '>' ? '>' : end;
			p++;
			continue;
		}
		char *an = p, *eq = strchr(p, '=');
		if (!eq)
			break;
		*eq = '\0';
		char q = eq[1], *val = eq + 2, *close = strchr(val, q);
		if (!close)
			break;
		*close = '\0';
		attribute(f, an, val);
		p = close + 1;
	}
	return p;
}

/* Splits a text node into words: numeric leaves become cells, the rest prose. */
static void text_node(struct floor *f, char *s, const char *elem)
{
	decode(s);
	for (char *w = strtok(s, " \t\r\n"); w; w = strtok(NULL, " \t\r\n")) {
		if (elem && is_one_of(elem, cell_elems))
			add_cell(f, w);
		else if (f->n_words < (int)(sizeof f->words / sizeof f->words[0]))
			f->words[f->n_words++] = w;
	}
}

static void scan(struct floor *f, char *buf)
{
	const char *elem = NULL;
	char *p = buf;
	while (*p) {
		char *lt = strchr(p, '<');
		if (lt)
			*lt = '\0';
		text_node(f, p, elem);
		if (!lt)
			break;
		p = lt + 1;
		if (*p == '?' || *p == '!') {
			char *e = strstr(p, *p == '?' ? "?>" : "-->");
			p = e ? e + 2 + (*p == '!') : p + strlen(p);
			continue;
		}
		if (*p == '/') {
			char *e = strchr(p, '>');
			*e = '\0';
			if (strcmp(p + 1, "b") != 0 && strcmp(p + 1, "i") != 0 && !is_one_of(p + 1, cell_elems)) {
				flush_prose(f);
				flush_row(f);
			}
			p = e + 1;
			elem = NULL;
			continue;
		}
		int empty;
		p = start_tag(f, p, &elem, &empty);
		if (empty)
			flush_row(f);
	}
	flush_prose(f);
	flush_row(f);
}

static float advance(const struct floor *f, const struct line *l)
{
	float a = l->kind == K_HEAD ? 20.0f : l->kind == K_ROW ? 14.0f : 13.0f;
	return a * f->scale;
}

/* Spreads the lines evenly over exactly want pages. When they need more room than
 * that, everything (sizes and leading) is scaled down so that they still fit: the
 * same glyphs on the same number of pages as the program measured against. */
static void paginate(struct floor *f, int want)
{
	double total = 0, room = want * BODY_H * 0.97;
	for (size_t i = 0; i < f->n_lines; i++)
		total += advance(f, &f->lines[i]);
	if (total > room) {
		f->scale = (float)(room / total);
		total = room;
	}
	int page = 0;
	float y = 0;
	double cum = 0;
	for (size_t i = 0; i < f->n_lines; i++) {
		struct line *l = &f->lines[i];
		float a = advance(f, l);
		if ((int)(cum * want / total) > page || y + a > BODY_H)
			page++, y = 0;
		l->page = page, l->y = y;
		y += a, cum += a;
	}
	f->n_pages = page + 1;
}

static void draw_cells(HPDF_Page pg, const struct line *l, float s)
{
	float cw = BODY_W / NCELL, top = PAGE_H - MARGIN - l->y, h = 14.0f * s;
	for (int c = 0; c < l->n; c++)
		HPDF_Page_Rectangle(pg, MARGIN + c * cw, top - h, cw, h);
}

static void draw_page(struct floor *f, size_t *i, int page)
{
	HPDF_Page pg = HPDF_AddPage(f->pdf);
	HPDF_Page_SetSize(pg, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
	HPDF_Page_SetLineWidth(pg, 0.5f);
	size_t first = *i, end = first;
	while (end < f->n_lines && f->lines[end].page == page)
		end++;
	int cells = 0;
	for (size_t k = first; k < end; k++)
		if (f->lines[k].kind == K_ROW)
			draw_cells(pg, &f->lines[k], f->scale), cells = 1;
	if (cells)  /* stroking without a path is a libharu error */
		HPDF_Page_Stroke(pg);
	HPDF_Page_BeginText(pg);
	for (size_t k = first; k < end; k++) {
		const struct line *l = &f->lines[k];
		float base = PAGE_H - MARGIN - l->y - 10.0f * f->scale;
		if (l->kind == K_ROW) {
			HPDF_Page_SetFontAndSize(pg, f->reg, 9.0f * f->scale);
			for (int c = 0; c < l->n; c++)
				HPDF_Page_TextOut(pg, MARGIN + c * (BODY_W / NCELL) + 3.0f, base, l->cell[c]);
		} else {
			HPDF_Page_SetFontAndSize(pg, l->kind == K_HEAD ? f->bold : f->reg,
						 (l->kind == K_HEAD ? 12.0f : 10.0f) * f->scale);
			HPDF_Page_TextOut(pg, MARGIN, base, l->text);
		}
	}
	char foot[64];
	snprintf(foot, sizeof foot, "Sida %d av %d", page + 1, f->n_pages);
	HPDF_Page_SetFontAndSize(pg, f->reg, 8.0f);
	HPDF_Page_TextOut(pg, PAGE_W - MARGIN - width(f->reg, foot, 8.0f), MARGIN / 2, foot);
	HPDF_Page_EndText(pg);
	*i = end;
}

static char *slurp(const char *path)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return NULL;
	fseek(fp, 0, SEEK_END);
	long n = ftell(fp);
	fseek(fp, 0, SEEK_SET);
	char *buf = n >= 0 ? malloc((size_t)n + 1) : NULL;
	if (buf && fread(buf, 1, (size_t)n, fp) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	if (buf)
		buf[n] = '\0';
	fclose(fp);
	return buf;
}

static void load_fonts(struct floor *f, const char *dir)
{
	char path[4096];
	HPDF_UseUTFEncodings(f->pdf);
	HPDF_SetCompressionMode(f->pdf, HPDF_COMP_ALL);
	snprintf(path, sizeof path, "%s/OpenSans-Regular.ttf", dir);
	f->reg = HPDF_GetFont(f->pdf, HPDF_LoadTTFontFromFile(f->pdf, path, HPDF_TRUE), "UTF-8");
	snprintf(path, sizeof path, "%s/OpenSans-Bold.ttf", dir);
	f->bold = HPDF_GetFont(f->pdf, HPDF_LoadTTFontFromFile(f->pdf, path, HPDF_TRUE), "UTF-8");
	f->space_w = width(f->reg, " ", 10.0f);
}

int main(int argc, char **argv)
{
	if (argc < 4 || atoi(argv[2]) < 1) {
		fputs("usage: floor IN.xml PAGES OUT.pdf [FONTDIR]\n", stderr);
		return 2;
	}
	char *buf = slurp(argv[1]);
	if (!buf) {
		perror(argv[1]);
		return 3;
	}
	struct floor f = { .row.kind = K_ROW, .scale = 1.0f };
	f.pdf = HPDF_New(on_error, NULL);
	load_fonts(&f, argc > 4 ? argv[4] : FLOOR_FONT_DIR);
	scan(&f, buf);
	paginate(&f, atoi(argv[2]));
	for (size_t i = 0; i < f.n_lines;)
		draw_page(&f, &i, f.lines[i].page);
	HPDF_SaveToFile(f.pdf, argv[3]);
	fprintf(stderr, "floor: %zu lines on %d pages\n", f.n_lines, f.n_pages);
	HPDF_Free(f.pdf);
	for (size_t i = 0; i < f.n_lines; i++)
		free(f.lines[i].text);
	free(f.lines);
	free(buf);
	return 0;
}
