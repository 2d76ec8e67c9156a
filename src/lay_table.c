/* SPDX-License-Identifier: Apache-2.0 */
/* lay_table.c - tables: column widths from the cells' min/max widths, cells wrapped,
 * rows split across pages between rows (header rows repeated) or by lines when taller
 * than a page. */
#include "lay_private.h"
#include <string.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

double lay_marker_room(const lay_style *st)
{
	return st->size * (LAY_MARKER_SCALE + LAY_MARKER_GAP);
}

enum lay_role lay_cell_role(const lay_table *t, size_t row, size_t col)
{
	if (t->rows[row].kind == LR_HEADER)
		return ROLE_TABLE_HEADER;
	return t->row_header[col] ? ROLE_ROW_HEADER : ROLE_TABLE_CELL;
}

enum lay_align lay_cell_align(const lay_table *t, size_t row, size_t col)
{
	/* LA_LEFT is also the zero value: a left cell takes its column's alignment. */
	enum lay_align al = t->rows[row].cells[col].align;
	return al != LA_LEFT ? al : t->cols[col].align;
}

static double cell_room(const lay_block *b, size_t row, size_t col)
{
	return b->tab->rows[row].cells[col].marker.on ? lay_marker_room(&b->st) : 0;
}

/* A number, a date or a percentage with its sign and unit ("1 234 567", "−21 099",
 * "2,8 %", "2024-08-31", "12 tkr"): digits, spaces, signs and separators, at most a short
 * unit after the last digit. Such a cell is never broken. */
static bool number_text(const lay_cell *c)
{
	bool digit = false;
	int letters = 0;
	for (size_t k = 0; k < c->n_spans; k++) {
		const unsigned char *p = (const unsigned char *)(c->spans[k].text ? c->spans[k].text : "");
		while (*p) {
			unsigned cp = *p;
			size_t n = cp < 0x80 ? 1 : cp < 0xE0 ? 2 : cp < 0xF0 ? 3 : 4;
			if (n == 2 && p[1])
				cp = (cp & 0x1Fu) << 6 | (p[1] & 0x3Fu);
			else if (n == 3 && p[1] && p[2])
				cp = (cp & 0x0Fu) << 12 | (p[1] & 0x3Fu) << 6 | (p[2] & 0x3Fu);
			for (size_t i = 1; i < n; i++)
				if (!p[i])
					return false;
			p += n;
			if (cp >= '0' && cp <= '9') {
				if (letters)
					return false;
				digit = true;
			} else if (cp == ' ' || cp == 0xA0 || cp == 0x202F || cp == 0x2009) {
				continue;
			} else if (strchr(",.+-%:/", (int)cp) ? cp < 0x80 : (cp == 0x2212 || cp == 0x2013 || cp == 0xB1)) {
				if (letters)
					return false;
			} else if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == 0xE5 || cp == 0xE4 || cp == 0xF6) {
				if (!digit || ++letters > 5)
					return false;
			} else {
				return false;
			}
		}
	}
	return digit;
}

/* hd: what a column cannot go below even when words break by letters: its padding, a
 * marker's room and one em (the widest letter). A number's cell counts whole in mn. */
static void measure_columns(lay_doc *d, lay_block *b, double size, int mode, double *mn,
                            double *mx, double *hd)
{
	const lay_table *t = b->tab;
	double *nb = d->scratch.nb = lay_vgrow(d->scratch.nb, &d->scratch.cap_nb, t->n_cols, sizeof *nb);
	for (size_t j = 0; j < t->n_cols; j++)
		mn[j] = mx[j] = hd[j] = nb[j] = 0;
	for (size_t i = 0; i < t->n_rows; i++)
		for (size_t j = 0; j < t->n_cols; j++) {
			const lay_cell *c = &t->rows[i].cells[j];
			double lo, hi, extra = cell_room(b, i, j) * size / b->st.size + 2 * LAY_CELL_PAD;
			d->scratch.hyph = t->rows[i].nobreak[j] ? LAY_HYPH_NONE : mode;
			lay_measure(&d->scratch, d->m, c->spans, c->n_spans, size, &lo, &hi);
			if (t->rows[i].nobreak[j]) {
				lo = hi;
				nb[j] = fmax(nb[j], hi + extra);
			}
			mn[j] = fmax(mn[j], lo + extra);
			mx[j] = fmax(mx[j], hi + extra);
			hd[j] = fmin(mn[j], fmax(hd[j], extra + size));
		}
	for (size_t j = 0; j < t->n_cols; j++)
		if (nb[j] > 0)   /* a column of numbers stays whole (its header's words too): */
			hd[j] = mn[j];   /* the text columns take the squeeze */
}

/* Slack when everything fits: to the widest left-aligned (text) column. */
static void give_slack(const lay_table *t, const double *mx, double slack, double *w)
{
	size_t best = t->n_cols;
	for (size_t j = 0; j < t->n_cols; j++)
		if (t->cols[j].align == LA_LEFT && (best == t->n_cols || mx[j] > mx[best]))
			best = j;
	if (best < t->n_cols) {
		w[best] += slack;
		return;
	}
	for (size_t j = 0; j < t->n_cols; j++)
		w[j] += slack / (double)t->n_cols;
}

static void share_rest(size_t n, const double *mn, const double *mx, const double *hd, double W,
                       double *w)
{
	double smin = 0, sdiff = 0, shard = 0;
	for (size_t j = 0; j < n; j++) {
		smin += mn[j];
		sdiff += mx[j] - mn[j];
		shard += hd[j];
	}
	for (size_t j = 0; j < n; j++) {
		if (smin > W && shard < W)   /* not even the minimums fit: shrink them down to
		                              * their hard floor, words break by letters */
			w[j] = hd[j] + (mn[j] - hd[j]) * (W - shard) / (smin - shard);
		else if (smin > W)
			w[j] = mn[j] * W / smin;
		else
			w[j] = mn[j] + (sdiff > 0 ? (W - smin) * (mx[j] - mn[j]) / sdiff
			                          : (W - smin) / (double)n);
	}
}

/* Columns over their max_share give the excess to the others, in proportion. */
static void cap_shares(const lay_table *t, double W, const double *mn, double *w, bool *capped)
{
	for (size_t round = 0; round < t->n_cols; round++) {
		double excess = 0, free_w = 0;
		for (size_t j = 0; j < t->n_cols; j++) {
			double cap = fmax(t->cols[j].max_share * W, mn[j]);   /* never below its numbers */
			if (t->cols[j].max_share > 0 && w[j] > cap + LAY_EPS) {
				excess += w[j] - cap;
				w[j] = cap;
				capped[j] = true;
			}
		}
		for (size_t j = 0; j < t->n_cols; j++)
			if (!capped[j])
				free_w += w[j];
		if (excess <= LAY_EPS || free_w <= 0)
			return;
		for (size_t j = 0; j < t->n_cols; j++)
			if (!capped[j])
				w[j] += excess * w[j] / free_w;
	}
}

static double sum(const double *v, size_t n)
{
	double t = 0;
	for (size_t j = 0; j < n; j++)
		t += v[j];
	return t;
}

/* The table's title (the ROLE_TABLE_TITLE paragraph before it) for a warning. */
static const char *table_name(const lay_doc *d, const lay_block *b)
{
	for (size_t i = (size_t)(b - d->blocks); i-- > 0;) {
		const lay_block *p = &d->blocks[i];
		if (p->kind == BK_SPACE)
			continue;
		if (p->role == ROLE_TABLE_TITLE && p->n_spans && p->spans[0].text)
			return p->spans[0].text;
		break;
	}
	const lay_table *t = b->tab;
	if (t->n_rows && t->n_cols && t->rows[0].cells[0].n_spans && t->rows[0].cells[0].spans[0].text)
		return t->rows[0].cells[0].spans[0].text;
	return "utan rubrik";
}

/* Column widths, in this order (issue 16): numbers, dates and percentages whole, text
 * columns take the squeeze down to their widest word; if even that does not fit, the
 * table's font is stepped down by 0.5 pt to its min_size; only then are words broken at
 * Swedish hyphenation points, and after that by letters; both with a warning naming the
 * table. Returns the hyphenation mode the cells are broken with. */
static int column_widths(lay_doc *d, lay_block *b, double W)
{
	lay_table *t = b->tab;
	size_t n = t->n_cols;
	double *mn = arena_calloc(d->a, n, sizeof *mn), *mx = arena_calloc(d->a, n, sizeof *mx);
	double *hd = arena_calloc(d->a, n, sizeof *hd);
	bool *capped = arena_calloc(d->a, n, sizeof *capped);
	t->colw = arena_calloc(d->a, n, sizeof *t->colw);
	for (size_t i = 0; i < t->n_rows; i++) {
		t->rows[i].nobreak = arena_calloc(d->a, n, sizeof *t->rows[i].nobreak);
		for (size_t j = 0; j < n; j++)
			t->rows[i].nobreak[j] = t->rows[i].kind != LR_HEADER && number_text(&t->rows[i].cells[j]);
	}
	double size = b->st.size;
	double floor_size = b->st.min_size > 0 ? fmin(b->st.min_size, size) : 0.85 * size;
	measure_columns(d, b, size, LAY_HYPH_NONE, mn, mx, hd);
	while (sum(mn, n) > W + LAY_EPS && size - 0.5 >= floor_size - LAY_EPS) {
		size -= 0.5;
		measure_columns(d, b, size, LAY_HYPH_NONE, mn, mx, hd);
	}
	int mode = LAY_HYPH_NONE;
	if (sum(mn, n) > W + LAY_EPS) {   /* words must break: at hyphenation points first */
		mode = LAY_HYPH_LONG;
		measure_columns(d, b, size, mode, mn, mx, hd);
		char sz[32];
		snprintf(sz, sizeof sz, "%.1f", size);
		for (char *c = sz; *c; c++)
			if (*c == '.')
				*c = ',';
		lay_warn(d, "tabellen \"%s\" får inte plats i textbredden ens med teckenstorlek %s pt: "
		         "ord i den bryts%s", table_name(d, b), sz,
		         sum(mn, n) > W + LAY_EPS ? " mitt i (inte bara vid avstavning)" : " vid avstavning");
	}
	d->scratch.hyph = LAY_HYPH_TEXT;
	if (size != b->st.size) {
		if (b->st.leading > 0)
			b->st.leading *= size / b->st.size;
		b->st.size = size;
	}
	double smax = sum(mx, n);
	if (smax <= W) {
		for (size_t j = 0; j < n; j++)
			t->colw[j] = mx[j];
		give_slack(t, mx, W - smax, t->colw);
	} else {
		share_rest(n, mn, mx, hd, W, t->colw);
	}
	cap_shares(t, W, mn, t->colw, capped);
	return mode;
}

void lay_table_prepare(lay_doc *d, lay_block *b, double width)
{
	lay_table *t = b->tab;
	if (t->n_cols == 0)
		return;
	int mode = column_widths(d, b, width - b->st.indent);
	double L = lay_leading(&b->st);
	for (size_t i = 0; i < t->n_rows; i++) {
		lay_trow *r = &t->rows[i];
		size_t most = 1;
		r->boxes = arena_calloc(d->a, t->n_cols, sizeof *r->boxes);
		for (size_t j = 0; j < t->n_cols; j++) {
			double w = t->colw[j] - 2 * LAY_CELL_PAD - cell_room(b, i, j);
			d->scratch.hyph = r->nobreak[j] ? LAY_HYPH_NONE : mode;
			lay_break_s(&d->scratch, d->a, d->m, r->cells[j].spans, r->cells[j].n_spans, b->st.size, w,
			          &r->boxes[j]);
			if (r->boxes[j].n_lines > most)
				most = r->boxes[j].n_lines;
		}
		r->height = (double)most * L + 2 * LAY_CELL_PAD;
	}
	d->scratch.hyph = LAY_HYPH_TEXT;
}

static size_t row_lines(const lay_trow *r, size_t n_cols)
{
	size_t most = 1;
	for (size_t j = 0; j < n_cols; j++)
		if (r->boxes[j].n_lines > most)
			most = r->boxes[j].n_lines;
	return most;
}

static void draw_marker(lay_placer *p, size_t bi, size_t ri, size_t j, double x, double base,
                        enum lay_artifact art)
{
	const lay_block *b = &p->d->blocks[bi];
	const lay_cell *c = &b->tab->rows[ri].cells[j];
	/* the status word beside it carries the meaning: the marker is decoration */
	dl_item *it = lay_emit(p, DL_MARKER, ROLE_ARTIFACT, bi);
	it->artifact = art;
	double s = b->st.size;
	it->w = it->h = LAY_MARKER_SCALE * s;
	it->x = x + it->w / 2;
	it->y = base + (p->d->m->ascent - p->d->m->descent) * s / 2;
	it->shape = c->marker.shape;
	it->color = c->marker.color;
	it->row = (int)ri;
	it->col = (int)j;
}

static void draw_rules(lay_placer *p, size_t bi, const lay_trow *r, double x, double w, double h,
                       bool first)
{
	const lay_block *b = &p->d->blocks[bi];
	if (r->has_fill) {
		dl_item *it = lay_emit(p, DL_RECT, ROLE_ARTIFACT, bi);
		*it = (dl_item){ .kind = DL_RECT, .role = ROLE_ARTIFACT, .block = (int)bi, .x = x,
		                 .y = p->y - h, .w = w, .h = h, .fill = true, .fill_color = r->fill };
	}
	if (r->kind == LR_SUM && first) {
		dl_item *it = lay_emit(p, DL_LINE, ROLE_ARTIFACT, bi);
		*it = (dl_item){ .kind = DL_LINE, .role = ROLE_ARTIFACT, .block = (int)bi, .x = x,
		                 .y = p->y, .w = w, .line_width = 0.75, .color = b->st.color };
	}
}

/* MODEL v2 part 1 (issue 12): a link over a cell to the heading named anchor; its
 * target is filled in with the TOC's, once every heading is placed. */
static void cell_link(lay_placer *p, size_t bi, const char *anchor, double x, double top,
                      double w, double h, int row, int col)
{
	size_t head = p->d->n_blocks;
	for (size_t i = 0; i < p->d->n_blocks && head == p->d->n_blocks; i++)
		if (p->d->blocks[i].anchor && strcmp(p->d->blocks[i].anchor, anchor) == 0)
			head = i;
	if (head == p->d->n_blocks)
		return;
	dl_item *ln = lay_emit(p, DL_LINK, ROLE_TABLE_CELL, bi);
	ln->x = x;
	ln->y = top - h;
	ln->w = w;
	ln->h = h;
	ln->row = row;   /* the link belongs to its cell (tagging, lay_check's row order) */
	ln->col = col;
	ln->target_page = 1;
	ln->target_y = p->top;
	lay_toc_fix(p, head, 0);
}

/* Draws lines [k0, k1) of every cell of row ri as one piece of the row. */
static void draw_row(lay_placer *p, size_t bi, size_t ri, size_t k0, size_t k1, bool repeat)
{
	const lay_block *b = &p->d->blocks[bi];
	const lay_table *t = b->tab;
	const lay_trow *r = &t->rows[ri];
	double L = lay_leading(&b->st), h = (double)(k1 - k0) * L + 2 * LAY_CELL_PAD;
	double x0 = p->left + b->st.indent, tw = 0;
	for (size_t j = 0; j < t->n_cols; j++)
		tw += t->colw[j];
	size_t from = p->pages[p->n_pages - 1].n;
	draw_rules(p, bi, r, x0, tw, h, k0 == 0);
	double cx = x0, top = p->y - LAY_CELL_PAD;
	for (size_t j = 0; j < t->n_cols; j++) {
		double room = cell_room(b, ri, j), inner = t->colw[j] - 2 * LAY_CELL_PAD - room;
		double first = lay_baseline(p->d->m, b->st.size, L, top);
		enum lay_role role = repeat ? ROLE_ARTIFACT : lay_cell_role(t, ri, j);
		if (room > 0 && k0 == 0)
			draw_marker(p, bi, ri, j, cx + LAY_CELL_PAD, first,
			            repeat ? LART_PAGE : LART_LAYOUT);
		for (size_t k = k0; k < k1 && k < r->boxes[j].n_lines; k++)
			lay_emit_cell_line(p, bi, &r->boxes[j], k, cx + LAY_CELL_PAD + room, inner,
			                   lay_cell_align(t, ri, j),
			                   lay_baseline(p->d->m, b->st.size, L, top - (double)(k - k0) * L),
			                   role, (int)ri, (int)j);
		if (r->links && r->links[j] && k0 == 0 && !repeat)
			cell_link(p, bi, r->links[j], cx, top + LAY_CELL_PAD, t->colw[j], h, (int)ri, (int)j);
		cx += t->colw[j];
	}
	if (repeat)   /* the header again, because the table goes on: pagination */
		for (size_t k = from; k < p->pages[p->n_pages - 1].n; k++)
			p->pages[p->n_pages - 1].items[k].artifact = LART_PAGE;
	p->y -= h;
	p->empty = false;
}

static double header_height(const lay_table *t)
{
	double h = 0;
	for (size_t i = 0; i < t->n_rows; i++)
		if (t->rows[i].kind == LR_HEADER)
			h += t->rows[i].height;
	return h;
}

static void repeat_header(lay_placer *p, size_t bi)
{
	const lay_table *t = p->d->blocks[bi].tab;
	for (size_t i = 0; i < t->n_rows; i++)
		if (t->rows[i].kind == LR_HEADER)
			draw_row(p, bi, i, 0, row_lines(&t->rows[i], t->n_cols), true);
}

/* The height a short note right after table block bi (its source line, "Belopp i …",
 * a remark: a ROLE_CAPTION paragraph of up to three lines) needs under the table's last
 * row, which it is kept with; 0 when none follows. */
static double caption_tail(const lay_placer *p, size_t bi)
{
	if (bi + 1 >= p->d->n_blocks)
		return 0;
	const lay_block *b = &p->d->blocks[bi], *c = &p->d->blocks[bi + 1];
	if (c->kind != BK_PARA || c->role != ROLE_CAPTION || c->box.n_lines > 3)
		return 0;
	return b->st.space_after + c->st.space_before + (double)c->box.n_lines * lay_leading(&c->st);
}

/* Row j is bound to the row after it, which would stand alone after a break between
 * them: the last row or a sum row, a varav row (keep_prev), the first row under a group
 * heading (keep_next). */
static bool bound_to_next(const lay_table *t, size_t j)
{
	size_t n = j + 1;
	return n < t->n_rows && t->rows[n].kind != LR_HEADER &&
	       (n == t->n_rows - 1 || t->rows[n].kind == LR_SUM || t->rows[n].keep_prev ||
	        t->rows[j].keep_next);
}

enum { LAY_CHAIN_MAX = 6 };   /* rows bound together that are worth a break before them */

/* Issue 12 ("also seen"): row i fits here but the rows bound to it do not (a group
 * heading, its row, the sum row; the last row with the note under the table, tail):
 * the break goes before row i when that leaves at least two rows above it. */
static bool keep_last_two(const lay_placer *p, const lay_table *t, size_t i, size_t on_page,
                          double tail)
{
	if (on_page < 2 || !bound_to_next(t, i))
		return false;
	double need = 0;
	size_t j = i;
	for (size_t n = 1;; j++, n++) {
		need += t->rows[j].height;
		if (!bound_to_next(t, j) || n == LAY_CHAIN_MAX)
			break;
	}
	if (j == t->n_rows - 1)
		need += tail;
	double room = lay_room(p);
	return t->rows[i].height <= room + LAY_EPS && need > room + LAY_EPS &&
	       need <= lay_body_height(p) - header_height(t);
}

/* A body row: on this page, on the next (after the repeated header), or split by lines. */
static void place_row(lay_placer *p, size_t bi, size_t ri, bool *fresh)
{
	const lay_table *t = p->d->blocks[bi].tab;
	const lay_trow *r = &t->rows[ri];
	double L = lay_leading(&p->d->blocks[bi].st);
	size_t nl = row_lines(r, t->n_cols), k = 0;
	if (r->height > lay_room(p) + LAY_EPS && !*fresh) {
		lay_new_page(p);
		repeat_header(p, bi);
	}
	*fresh = false;
	for (;;) {
		double fit = floor((lay_room(p) - 2 * LAY_CELL_PAD + LAY_EPS) / L);
		size_t n = fit < 1 ? 1 : (size_t)fit;
		if (k + n >= nl) {
			draw_row(p, bi, ri, k, nl, false);
			return;
		}
		draw_row(p, bi, ri, k, k + n, false);
		k += n;
		lay_new_page(p);
		repeat_header(p, bi);
	}
}

/* Issue 12 ("also seen"): a table of at most this many body rows is kept whole. */
#define LAY_SHORT_TABLE 5

static size_t body_rows(const lay_table *t)
{
	size_t n = 0;
	for (size_t i = 0; i < t->n_rows; i++)
		n += t->rows[i].kind != LR_HEADER;
	return n;
}

double lay_table_start_height(const lay_placer *p, const lay_block *b)
{
	const lay_table *t = b->tab;
	double h = header_height(t);
	/* the header with two body rows (never one alone above a break), or a short table whole */
	size_t want = body_rows(t) <= LAY_SHORT_TABLE ? body_rows(t) : 2, got = 0;
	for (size_t i = 0; i < t->n_rows && got < want; i++)
		if (t->rows[i].kind != LR_HEADER) {
			h += t->rows[i].height;
			got++;
		}
	if (want == body_rows(t))   /* whole: with the note under it */
		h += caption_tail(p, (size_t)(b - p->d->blocks));
	double body = lay_body_height(p);
	return (h < body ? h : body) + b->st.space_before;
}

double lay_table_height(const lay_placer *p, const lay_block *b)
{
	const lay_table *t = b->tab;
	double h = 0;
	for (size_t i = 0; i < t->n_rows; i++)
		h += t->rows[i].height;
	double body = lay_body_height(p);
	return (h < body ? h : body) + b->st.space_before + b->st.space_after;
}

void lay_place_table(lay_placer *p, size_t bi)
{
	const lay_block *b = &p->d->blocks[bi];
	const lay_table *t = b->tab;
	if (t->n_cols == 0 || t->n_rows == 0)
		return;
	if (lay_table_start_height(p, b) > lay_room(p) + LAY_EPS && !p->empty)
		lay_new_page(p);
	if (!p->empty)
		p->y -= b->st.space_before;
	bool fresh = p->empty;
	size_t on_page = 0;   /* body rows on this page */
	double tail = caption_tail(p, bi);
	for (size_t i = 0; i < t->n_rows; i++) {
		if (t->rows[i].kind == LR_HEADER) {
			draw_row(p, bi, i, 0, row_lines(&t->rows[i], t->n_cols), false);
			fresh = true;   /* the first body row stays with the header */
		} else {
			if (keep_last_two(p, t, i, on_page, tail)) {
				lay_new_page(p);
				repeat_header(p, bi);
				fresh = true;
				on_page = 0;
			}
			size_t pages = p->n_pages;
			place_row(p, bi, i, &fresh);
			on_page = p->n_pages != pages ? 1 : on_page + 1;
		}
	}
	p->y -= b->st.space_after;
}
