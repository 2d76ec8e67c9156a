/* SPDX-License-Identifier: Apache-2.0 */
/* lay_place.c - placing blocks on pages: paragraphs, headings and list items line by line
 * (no single orphan or widow line), figures and images whole, the table of contents. */
#include "lay_private.h"
#include <stdint.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

double lay_baseline(const lay_metrics *m, double size, double leading, double top)
{
	double gap = leading - (m->ascent + m->descent) * size;
	return top - m->ascent * size - (gap > 0 ? gap / 2 : 0);
}

static void emit_pieces(lay_placer *p, size_t blk, const lay_box *b, size_t i, double x,
                        double w, enum lay_align al, double baseline, dl_item proto)
{
	lay_piece *pc;
	size_t n = lay_line_pieces_s(&p->d->scratch, p->ra, b, i, &pc);
	double lw = n ? pc[n - 1].x + pc[n - 1].w : 0;   /* as drawn (kerned) */
	double off = al == LA_RIGHT ? w - lw : al == LA_CENTER ? (w - lw) / 2 : 0;
	if (off < 0)
		off = 0;
	for (size_t k = 0; k < n; k++) {
		dl_item *it = lay_emit(p, DL_TEXT, proto.role, blk);
		bool hy = b->lines[i].hyphen && k + 1 == n;
		const lay_line *ln = &b->lines[i];
		bool gap = k + 1 == n && i + 1 < b->n_lines && !ln->hyphen && !ln->tail_len &&
		          ln->b < b->n_items && b->items[ln->b].kind == BRK_SPACE;
		const lay_span *sp = &b->spans[pc[k].span];
		*it = proto;
		it->kind = DL_TEXT;
		it->block = (int)blk;
		it->x = x + off + pc[k].x;
		it->y = baseline;
		it->w = pc[k].w;
		it->h = b->size;
		it->font = sp->font;
		it->size = b->size;
		it->color = sp->color;
		it->text = pc[k].text;
		/* the "-" the break added is drawn but is no part of the word */
		it->hyphen = hy && it->text[0] && it->text[strlen(it->text) - 1] == '-';
		it->space_after = gap;
	}
}

void lay_emit_line(lay_placer *p, size_t blk, const lay_box *b, size_t i, double x, double w,
                   enum lay_align al, double baseline, enum lay_role role, int level)
{
	dl_item proto = { .role = role, .level = level };
	emit_pieces(p, blk, b, i, x, w, al, baseline, proto);
}

void lay_emit_cell_line(lay_placer *p, size_t blk, const lay_box *b, size_t i, double x,
                        double w, enum lay_align al, double baseline, enum lay_role role,
                        int row, int col)
{
	dl_item proto = { .role = role, .row = row, .col = col };
	emit_pieces(p, blk, b, i, x, w, al, baseline, proto);
}

static void mark_start(lay_placer *p, size_t bi)
{
	p->blk_page[bi] = (int)p->n_pages;
	p->blk_y[bi] = p->y;
}

/* How many of the remaining lines go on this page: no single first line at a page's end,
 * no single last line at the next page's top (paragraphs of three lines or more). */
/* True for a paragraph that ends in a colon ("… i fyra steg:"): it leads into the
 * block after it. */
static bool ends_in_colon(const lay_block *b)
{
	if (b->kind != BK_PARA)
		return false;
	for (size_t i = b->n_spans; i-- > 0;) {
		const char *t = b->spans[i].text;
		size_t len = t ? strlen(t) : 0;
		while (len > 0 && (t[len - 1] == ' ' || t[len - 1] == '\n' || t[len - 1] == '\t'))
			len--;
		if (len > 0)
			return t[len - 1] == ':';
	}
	return false;
}

/* Height from the end of lead-in block bi to the first lines of the content it leads
 * into (spaces between included), or 0 when a heading, a break or nothing follows. */
static double led_start_height(const lay_placer *p, size_t bi)
{
	double h = p->d->blocks[bi].st.space_after;
	for (size_t j = bi + 1; j < p->d->n_blocks; j++) {
		const lay_block *nb = &p->d->blocks[j];
		if (nb->kind == BK_SPACE) {
			h += nb->amount;
			continue;
		}
		if (nb->kind == BK_HEADING || nb->kind == BK_BREAK)
			return 0;
		return h + lay_block_start_height(p, j);
	}
	return 0;
}

/* A lead-in keeps its last lines with what it leads into: when all of it would fit on
 * this page but the start of the next block would not, its last two lines (all of it,
 * for up to three) move on with that start. */
static size_t lead_in_take(const lay_placer *p, const lay_block *b, size_t k, size_t rem)
{
	size_t bi = (size_t)(b - p->d->blocks);
	double next = led_start_height(p, bi);
	double left = lay_room(p) - (double)rem * lay_leading(&b->st);
	if (next <= 0 || next <= left + LAY_EPS || next > lay_body_height(p))
		return rem;
	if (k == 0 && rem <= 3)
		return 0;   /* the caller never asks on an empty page */
	return rem >= (k == 0 ? 4 : 3) ? rem - 2 : rem;
}

static size_t lines_here(const lay_placer *p, const lay_block *b, size_t k, size_t n)
{
	double fit = floor((lay_room(p) + LAY_EPS) / lay_leading(&b->st));
	size_t take = fit <= 0 ? 0 : (size_t)fit, rem = n - k;
	if (take >= rem)
		return ends_in_colon(b) && !p->empty ? lead_in_take(p, b, k, rem) : rem;
	if (b->kind == BK_HEADING)
		take = 0;
	else if (n >= 3) {
		if (rem - take == 1 && take >= 2)
			take--;
		if (k == 0 && take == 1)
			take = 0;
	}
	if (take == 0 && p->empty)
		take = fit >= 1 ? (size_t)fit : 1;   /* a block taller than a page must still move on */
	return take;
}

static void list_label(lay_placer *p, size_t bi, double baseline)
{
	const lay_block *b = &p->d->blocks[bi];
	dl_item *it = lay_emit(p, DL_TEXT, ROLE_LIST_LABEL, bi);
	it->x = p->left + b->st.indent;
	it->y = baseline;
	it->font = b->st.font;
	it->size = it->h = b->st.size;
	it->color = b->st.color;
	it->text = arena_strdup(p->ra, b->label);
	it->w = p->d->m->width(p->d->m->ctx, b->st.font, b->st.size, b->label, strlen(b->label));
}

static void place_text(lay_placer *p, size_t bi)
{
	const lay_block *b = &p->d->blocks[bi];
	double L = lay_leading(&b->st), x = p->left + b->st.indent + b->hang;
	double w = lay_text_width(p->d) - b->st.indent - b->hang;
	size_t n = b->box.n_lines, k = 0;
	if (!p->empty)
		p->y -= b->st.space_before;
	mark_start(p, bi);
	while (k < n) {
		size_t take = lines_here(p, b, k, n);
		if (take == 0) {
			lay_new_page(p);
			mark_start(p, bi);
			continue;
		}
		for (size_t i = k; i < k + take; i++) {
			double base = lay_baseline(p->d->m, b->st.size, L, p->y);
			if (i == 0 && b->kind == BK_LIST)
				list_label(p, bi, base);
			lay_emit_line(p, bi, &b->box, i, x, w, b->st.align, base, b->role, b->level);
			p->y -= L;
			p->empty = false;
		}
		k += take;
		if (k < n)
			lay_new_page(p);
	}
	p->y -= b->st.space_after;
}

static dl_item *fig_item(lay_placer *p, size_t bi, enum dl_kind k)
{
	dl_item *it = lay_emit(p, k, ROLE_FIGURE, bi);
	it->alt = p->alt;   /* on every item of the figure (lay.h) */
	return it;
}

static void fig_text(lay_placer *p, size_t bi, const fig_prim *f, double fx, double top)
{
	const lay_metrics *m = p->d->m;
	dl_item *it = fig_item(p, bi, DL_TEXT);
	double tw = m->width(m->ctx, f->font, f->size, f->text, strlen(f->text));
	it->x = fx + f->x - (f->align == LA_RIGHT ? tw : f->align == LA_CENTER ? tw / 2 : 0);
	it->y = top - f->y;
	it->w = tw;
	it->h = it->size = f->size;
	it->font = f->font;
	it->color = f->color;
	it->text = arena_strdup(p->ra, f->text);
}

static void fig_prim_item(lay_placer *p, size_t bi, const fig_prim *f, double fx, double top)
{
	dl_item *it;
	switch (f->kind) {
	case FP_RECT:
		it = fig_item(p, bi, DL_RECT);
		it->x = fx + f->x;
		it->y = top - f->y - f->h;
		it->w = f->w;
		it->h = f->h;
		it->fill = true;
		it->fill_color = f->color;
		break;
	case FP_LINE:
		it = fig_item(p, bi, DL_LINE);
		it->x = fx + f->x;
		it->y = top - f->y;
		it->w = f->w - f->x;
		it->h = -(f->h - f->y);
		it->line_width = f->line_width;
		it->color = f->color;
		it->dash = f->dash;
		break;
	case FP_MARKER:
		it = fig_item(p, bi, DL_MARKER);
		it->x = fx + f->x;
		it->y = top - f->y;
		it->w = it->h = f->size;
		it->shape = f->shape;
		it->color = f->color;
		break;
	case FP_TEXT:
		fig_text(p, bi, f, fx, top);
		break;
	}
}

/* Figures and images move whole to the next page when they don't fit. */
static double place_box(lay_placer *p, size_t bi, double h)
{
	if (h + 2 * LAY_FIG_SPACE > lay_room(p) + LAY_EPS && !p->empty)
		lay_new_page(p);
	double top = p->y - (p->empty ? 0 : LAY_FIG_SPACE);
	p->y = top;
	mark_start(p, bi);
	p->y = top - h - LAY_FIG_SPACE;
	p->empty = false;
	return top;
}

static void place_figure(lay_placer *p, size_t bi)
{
	const lay_figure *f = p->d->blocks[bi].fig;
	double top = place_box(p, bi, f->h), fx = p->left;
	p->alt = arena_strdup(p->ra, f->alt);   /* the result outlives the document */
	for (size_t i = 0; i < f->n_prims; i++)
		fig_prim_item(p, bi, &f->prims[i], fx, top);
}

static void place_image(lay_placer *p, size_t bi)
{
	const lay_block *b = &p->d->blocks[bi];
	double top = place_box(p, bi, b->ih), W = lay_text_width(p->d);
	dl_item *it = lay_emit(p, DL_IMAGE, b->role == ROLE_FIGURE ? ROLE_FIGURE : ROLE_ARTIFACT, bi);
	if (b->alt)   /* MODEL v2 part 1 (issue 12): a picture's alt text */
		it->alt = arena_strdup(p->ra, b->alt);
	it->x = p->left + (b->align == LA_RIGHT ? W - b->iw : b->align == LA_CENTER ? (W - b->iw) / 2 : 0);
	it->y = top - b->ih;
	it->w = b->iw;
	it->h = b->ih;
	it->text = arena_strdup(p->ra, b->path);
	it->align = b->align;
}

static double toc_number_width(const lay_doc *d, const lay_style *st)
{
	return d->m->width(d->m->ctx, st->font, st->size, "0000", 4);
}

static void toc_leader(lay_placer *p, size_t bi, double from, double to, double base)
{
	const lay_block *b = &p->d->blocks[bi];
	double dw = p->d->m->width(p->d->m->ctx, b->st.font, b->st.size, ".", 1);
	size_t n = dw > 0 && to > from ? (size_t)floor((to - from) / dw) : 0;
	if (n < 2)
		return;
	char *dots = arena_alloc(p->ra, n + 1);
	memset(dots, '.', n);
	dl_item *it = lay_emit(p, DL_TEXT, ROLE_ARTIFACT, bi);
	it->x = to - (double)n * dw;
	it->y = base;
	it->w = (double)n * dw;
	it->font = b->st.font;
	it->size = it->h = b->st.size;
	it->color = b->st.color;
	it->text = dots;
}

static void toc_number(lay_placer *p, size_t bi, size_t head, double right, double base,
                       int entry)
{
	const lay_block *b = &p->d->blocks[bi];
	dl_item *it = lay_emit(p, DL_TEXT, ROLE_TOC_ITEM, bi);
	it->row = entry;
	it->x = right;   /* text, width and x come when the heading is placed */
	it->y = base;
	it->font = b->st.font;
	it->size = it->h = b->st.size;
	it->color = b->st.color;
	it->text = "";
	lay_toc_fix(p, head, right);
}

/* Bookmark and link texts never show a soft hyphen. */
static char *no_soft_hyphens(arena *a, const char *s)
{
	char *out = arena_strdup(a, s ? s : ""), *w = out;
	for (const char *r = out; *r; r++) {
		if ((unsigned char)r[0] == 0xC2 && (unsigned char)r[1] == 0xAD)
			r++;
		else
			*w++ = *r;
	}
	*w = '\0';
	return out;
}

/* Every item of entry number `entry` carries it in row (the TOCI it belongs to). */
static void toc_entry(lay_placer *p, size_t bi, const lay_toc_entry *e, int entry)
{
	const lay_block *b = &p->d->blocks[bi], *h = &p->d->blocks[e->block];
	double L = lay_leading(&b->st), W = lay_text_width(p->d), gap = b->st.size / 2;
	double x = p->left + b->st.indent + (h->level - 1) * LAY_TOC_INDENT;
	double right = p->left + W, numx = right - toc_number_width(p->d, &b->st);
	size_t n = e->box.n_lines ? e->box.n_lines : 1;
	if ((double)n * L > lay_room(p) + LAY_EPS && !p->empty)
		lay_new_page(p);
	double top = p->y, base = 0;
	for (size_t i = 0; i < n; i++) {
		base = lay_baseline(p->d->m, b->st.size, L, p->y);
		size_t from = p->n_pages ? p->pages[p->n_pages - 1].n : 0;
		if (i < e->box.n_lines)
			lay_emit_line(p, bi, &e->box, i, x, numx - gap - x, LA_LEFT, base, ROLE_TOC_ITEM, 0);
		for (size_t k = from; p->n_pages && k < p->pages[p->n_pages - 1].n; k++)
			p->pages[p->n_pages - 1].items[k].row = entry;
		p->y -= L;
	}
	double end = x + (e->box.n_lines ? e->box.lines[n - 1].width : 0);
	toc_leader(p, bi, end + gap / 2, numx - gap / 2, base);
	toc_number(p, bi, e->block, right, base, entry);
	dl_item *ln = lay_emit(p, DL_LINK, ROLE_TOC_ITEM, bi);
	ln->row = entry;
	ln->text = no_soft_hyphens(p->ra, h->label);   /* for the link's /Contents */
	ln->x = x;
	ln->y = p->y;
	ln->w = right - x;
	ln->h = top - p->y;
	ln->target_page = 1;
	ln->target_y = p->top;
	lay_toc_fix(p, e->block, 0);
	p->empty = false;
}

/* Issue 12 ("also seen"): the contents never spill one or two entries onto a page of
 * their own. From entry `from` on this page: when the entries that fit leave fewer than
 * three for the next page, the page ends three entries before the end. Returns the
 * entry to break before, or SIZE_MAX. */
static size_t toc_break(const lay_placer *p, const lay_block *b, size_t from)
{
	double L = lay_leading(&b->st), room = lay_room(p);
	size_t i = from;
	for (; i < b->n_toc; i++) {
		double h = (double)(b->toc[i].box.n_lines ? b->toc[i].box.n_lines : 1) * L;
		if (h > room + LAY_EPS)
			break;
		room -= h;
	}
	size_t left = b->n_toc - i;
	if (left == 0 || left >= 3 || b->n_toc < from + 6)
		return SIZE_MAX;
	return b->n_toc - 3;
}

static void place_toc(lay_placer *p, size_t bi)
{
	const lay_block *b = &p->d->blocks[bi];
	if (!p->empty)
		p->y -= b->st.space_before;
	mark_start(p, bi);
	size_t brk = toc_break(p, b, 0);
	for (size_t i = 0; i < b->n_toc; i++) {
		if (i == brk && !p->empty) {
			lay_new_page(p);
			brk = toc_break(p, b, i);
		}
		toc_entry(p, bi, &b->toc[i], (int)i);
	}
	p->y -= b->st.space_after;
}

void lay_place_block(lay_placer *p, size_t bi)
{
	const lay_block *b = &p->d->blocks[bi];
	switch (b->kind) {
	case BK_HEADING:
	case BK_PARA:
	case BK_LIST: place_text(p, bi); break;
	case BK_SPACE:
		mark_start(p, bi);
		if (!p->empty)
			p->y -= b->amount;
		break;
	case BK_BREAK:
		if (!p->empty)
			lay_new_page(p);
		mark_start(p, bi);
		break;
	case BK_TOC: place_toc(p, bi); break;
	case BK_TABLE:
		mark_start(p, bi);
		lay_place_table(p, bi);
		break;
	case BK_FIGURE: place_figure(p, bi); break;
	case BK_IMAGE: place_image(p, bi); break;
	}
}

double lay_block_height(const lay_placer *p, size_t bi)
{
	const lay_block *b = &p->d->blocks[bi];
	switch (b->kind) {
	case BK_HEADING:
	case BK_PARA:
	case BK_LIST:
		return b->st.space_before + (double)b->box.n_lines * lay_leading(&b->st) +
		       b->st.space_after;
	case BK_SPACE: return b->amount;
	case BK_TABLE: return lay_table_height(p, b);
	case BK_FIGURE: return b->fig->h + 2 * LAY_FIG_SPACE;
	case BK_IMAGE: return b->ih + 2 * LAY_FIG_SPACE;
	default: return lay_block_start_height(p, bi);
	}
}

double lay_block_start_height(const lay_placer *p, size_t bi)
{
	const lay_block *b = &p->d->blocks[bi];
	switch (b->kind) {
	case BK_PARA:
	case BK_LIST: {
		/* the least lines_here puts on a page: two, or all three of a three-line
		 * paragraph (2 + 1 would leave a widow) */
		size_t n = b->box.n_lines <= 3 ? b->box.n_lines : 2;
		double h = b->st.space_before + (double)n * lay_leading(&b->st);
		if (n == b->box.n_lines && ends_in_colon(b))   /* it goes with what it leads into */
			h += led_start_height(p, bi);
		return h;
	}
	case BK_TABLE: return lay_table_start_height(p, b);
	case BK_TOC:
		return b->st.space_before +
		       (b->n_toc ? (double)b->toc[0].box.n_lines * lay_leading(&b->st) : 0);
	case BK_BREAK: return 0;
	default: return lay_block_height(p, bi);
	}
}
