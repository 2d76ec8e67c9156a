/* SPDX-License-Identifier: Apache-2.0 */
/* lay_dump.c - the display list as stable text for golden tests, and lay_check, the
 * debug invariant checker the tests run on every layout. */
#include "lay_private.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define CHECK_EPS 0.01

static const char *const role_names[ROLE_MAX] = {
	"ARTIFACT", "TITLE", "H", "P", "LI", "TH", "TD", "CAPTION", "FIGURE", "TOC",
	"TABLETITLE", "FACTS", "RH", "LBL",
};
_Static_assert(sizeof role_names / sizeof *role_names == ROLE_MAX, "one name per role");

static const char *const kind_names[] = { "TEXT", "RECT", "LINE", "MARKER", "IMAGE", "LINK" };
static const char *const shape_names[LS_MAX] = { "circle", "triangle", "square", "diamond",
	"pentagon", "hexagon", "star" };   /* MODEL v2 part 2 (issue 13) */
static const char font_letters[LF_MAX] = { 'R', 'B', 'I' };

/* Two decimals, never "-0.00". */
static double nz(double v)
{
	return fabs(v) < 0.005 ? 0 : v;
}

static void put_quoted(FILE *out, const char *s)
{
	fputc('"', out);
	for (; s && *s; s++) {
		if (*s == '"' || *s == '\\')
			fputc('\\', out);
		fputc(*s, out);
	}
	fputc('"', out);
}

static void put_rgb(FILE *out, lay_rgb c)
{
	fprintf(out, " #%02x%02x%02x", c.r, c.g, c.b);
}

static void dump_body(const dl_item *it, FILE *out)
{
	switch (it->kind) {
	case DL_TEXT:
		fprintf(out, " %c %.1f", font_letters[it->font % LF_MAX], it->size);
		put_rgb(out, it->color);
		fputc(' ', out);
		put_quoted(out, it->text);
		break;
	case DL_RECT:
		fprintf(out, " w=%.2f h=%.2f", nz(it->w), nz(it->h));
		if (it->fill) {
			fputs(" fill", out);
			put_rgb(out, it->fill_color);
		}
		if (it->line_width > 0) {
			fprintf(out, " stroke=%.2f", it->line_width);
			put_rgb(out, it->color);
		}
		break;
	case DL_LINE:
		fprintf(out, " w=%.2f h=%.2f lw=%.2f", nz(it->w), nz(it->h), it->line_width);
		if (it->dash > 0)
			fprintf(out, " dash=%.2f", it->dash);
		put_rgb(out, it->color);
		break;
	case DL_MARKER:
		fprintf(out, " size=%.2f %s", it->w, shape_names[it->shape % LS_MAX]);
		put_rgb(out, it->color);
		break;
	case DL_IMAGE: {
		/* the file's name only: the folder depends on where the program was started */
		const char *slash = it->text ? strrchr(it->text, '/') : NULL;
		fprintf(out, " w=%.2f h=%.2f ", nz(it->w), nz(it->h));
		put_quoted(out, slash ? slash + 1 : it->text);
		break;
	}
	case DL_LINK:
		fprintf(out, " w=%.2f h=%.2f -> p%d y=%.2f", nz(it->w), nz(it->h), it->target_page,
		        nz(it->target_y));
		break;
	}
}

static void dump_item(const dl_item *it, size_t page, FILE *out)
{
	fprintf(out, "p%zu %s ", page, kind_names[it->kind]);
	if (it->role == ROLE_HEADING)
		fprintf(out, "H%d", it->level);
	else
		fputs(role_names[it->role % ROLE_MAX], out);
	fprintf(out, " b%d", it->block);
	if (it->role == ROLE_TABLE_HEADER || it->role == ROLE_TABLE_CELL || it->role == ROLE_ROW_HEADER ||
	    (it->role == ROLE_ARTIFACT && it->kind == DL_TEXT && (it->row || it->col)))
		fprintf(out, " r%d c%d", it->row, it->col);
	fprintf(out, " x=%.2f y=%.2f", nz(it->x), nz(it->y));
	dump_body(it, out);
	if (it->alt) {
		fputs(" alt=", out);
		put_quoted(out, it->alt);
	}
	fputc('\n', out);
}

void lay_dump(const lay_result *r, FILE *out)
{
	fprintf(out, "doc %.2fx%.2f pages=%zu\n", r->width, r->height, r->n_pages);
	for (size_t p = 0; p < r->n_pages; p++)
		for (size_t i = 0; i < r->pages[p].n_items; i++)
			dump_item(&r->pages[p].items[i], p + 1, out);
	for (size_t i = 0; i < r->n_outline; i++) {
		const dl_outline *o = &r->outline[i];
		fprintf(out, "outline H%d p%d y=%.2f ", o->level, o->page, nz(o->y));
		put_quoted(out, o->title);
		fputc('\n', out);
	}
	/* The invariants, on every dump (so on every document a test dumps): a line only
	 * when one is broken, so a good layout's dump is unchanged. */
	const char *broken = lay_check(r);
	if (broken)
		fprintf(out, "lay_check: %s\n", broken);
}

/* ---- lay_check ---- */
typedef struct box2 {
	double x0, y0, x1, y1;
} box2;

static box2 item_box(const dl_item *it)
{
	switch (it->kind) {
	case DL_TEXT: return (box2){ it->x, it->y, it->x + it->w, it->y + it->size * 0.7 };
	case DL_MARKER:
		return (box2){ it->x - it->w / 2, it->y - it->w / 2, it->x + it->w / 2, it->y + it->w / 2 };
	default:
		return (box2){ fmin(it->x, it->x + it->w), fmin(it->y, it->y + it->h),
		               fmax(it->x, it->x + it->w), fmax(it->y, it->y + it->h) };
	}
}

static bool inside(box2 b, double x0, double y0, double x1, double y1)
{
	return b.x0 >= x0 - CHECK_EPS && b.y0 >= y0 - CHECK_EPS && b.x1 <= x1 + CHECK_EPS &&
	       b.y1 <= y1 + CHECK_EPS;
}

static const char *check_geometry(const lay_result *r, size_t p, const dl_item *it)
{
	box2 b = item_box(it);
	if (!inside(b, 0, 0, r->width, r->height) || !isfinite(b.x0 + b.x1 + b.y0 + b.y1))
		return arena_printf(r->arena, "p%zu: %s utanför sidan", p + 1, kind_names[it->kind]);
	/* The running parts and the watermark stay within the text's width. */
	if (it->block < 0 && !inside(b, r->margin_left, 0, r->width - r->margin_right, r->height))
		return arena_printf(r->arena, "p%zu: sidhuvudets eller sidfotens %s utanför textbredden "
		                    "(x=%.2f)", p + 1, kind_names[it->kind], it->x);
	/* Body items stay in the text area; a text's descenders may reach below the bottom
	 * margin, its baseline may not. */
	if (it->role != ROLE_ARTIFACT && it->kind != DL_LINK &&
	    !inside(b, r->margin_left, r->margin_bottom, r->width - r->margin_right,
	            r->height - r->margin_top))
		return arena_printf(r->arena, "p%zu: %s b%d utanför marginalerna (x=%.2f y=%.2f)",
		                    p + 1, kind_names[it->kind], it->block, it->x, it->y);
	return NULL;
}

static const char *check_toc_link(const lay_result *r, size_t p, size_t i, size_t *next_outline)
{
	const dl_item *ln = &r->pages[p].items[i];
	const dl_item *num = i > 0 ? &r->pages[p].items[i - 1] : NULL;
	char want[24];
	snprintf(want, sizeof want, "%d", ln->target_page);
	if (!num || num->kind != DL_TEXT || num->role != ROLE_TOC_ITEM || strcmp(num->text, want))
		return arena_printf(r->arena, "p%zu: innehållsförteckningens sidnummer %s != %s",
		                    p + 1, num && num->text ? num->text : "?", want);
	while (*next_outline < r->n_outline) {
		const dl_outline *o = &r->outline[(*next_outline)++];
		if (o->page == ln->target_page && fabs(o->y - ln->target_y) < CHECK_EPS)
			return NULL;
	}
	return arena_printf(r->arena, "p%zu: länken till sidan %d pekar inte på en rubrik i ordning",
	                    p + 1, ln->target_page);
}

static int max_block(const lay_result *r)
{
	int mb = 0;
	for (size_t p = 0; p < r->n_pages; p++)
		for (size_t i = 0; i < r->pages[p].n_items; i++)
			if (r->pages[p].items[i].block > mb)
				mb = r->pages[p].items[i].block;
	return mb;
}

/* Table rows of one block must appear as 0, 1, 2, ... in display order: a gap is a row
 * lost at a page break. (Rows whose cells are all empty draw nothing and look lost.) */
static const char *check_row(const lay_result *r, size_t p, const dl_item *it, int *last)
{
	if ((it->role != ROLE_TABLE_CELL && it->role != ROLE_TABLE_HEADER &&
	     it->role != ROLE_ROW_HEADER) || it->block < 0)
		return NULL;
	int *l = &last[it->block];
	if (it->row == *l || it->row == *l + 1) {
		*l = it->row;
		return NULL;
	}
	return arena_printf(r->arena, "p%zu: tabellen b%d: rad %d följer rad %d", p + 1, it->block,
	                    it->row, *l);
}

const char *lay_check(const lay_result *r)
{
	int nb = max_block(r) + 1;
	int *last = xmalloc((size_t)nb * sizeof *last);
	for (int i = 0; i < nb; i++)
		last[i] = -1;
	size_t next_outline = 0;
	const char *err = NULL;
	for (size_t p = 0; p < r->n_pages && !err; p++)
		for (size_t i = 0; i < r->pages[p].n_items && !err; i++) {
			const dl_item *it = &r->pages[p].items[i];
			err = check_geometry(r, p, it);
			if (!err && it->kind == DL_LINK && it->role == ROLE_TOC_ITEM)
				err = check_toc_link(r, p, i, &next_outline);
			if (!err)
				err = check_row(r, p, it, last);
		}
	free(last);
	return err;
}
