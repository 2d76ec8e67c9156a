/* SPDX-License-Identifier: Apache-2.0 */
/* lay_page.c - lay_run: prepares every block once (line breaking, table columns),
 * paginates in one pass, fills in the table of contents' page numbers where the headings
 * landed, then adds the running header/footer ({N}, {M}) and the watermark. */
#include "lay_private.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define KEEP_LOOKAHEAD 16   /* keep chains longer than this are not worth honouring */

dl_item *lay_emit(lay_placer *p, enum dl_kind k, enum lay_role role, size_t block)
{
	if (p->n_pages == 0)
		lay_new_page(p);
	lay_pg *pg = &p->pages[p->n_pages - 1];
	pg->items = lay_vgrow(pg->items, &pg->cap, pg->n + 1, sizeof *pg->items);
	dl_item *it = &pg->items[pg->n++];
	memset(it, 0, sizeof *it);
	it->kind = k;
	it->role = role;
	it->block = (int)block;
	return it;
}

void lay_toc_fix(lay_placer *p, size_t head, double right)
{
	p->fix = lay_vgrow(p->fix, &p->cap_fix, p->n_fix + 1, sizeof *p->fix);
	p->fix[p->n_fix++] = (lay_tocfix){ p->n_pages - 1, p->pages[p->n_pages - 1].n - 1, head,
	                                   right };
}

/* The TOC's page numbers and links, now that every heading is placed. */
static void fill_toc(lay_placer *p)
{
	const lay_metrics *m = p->d->m;
	for (size_t i = 0; i < p->n_fix; i++) {
		const lay_tocfix *f = &p->fix[i];
		dl_item *it = &p->pages[f->page].items[f->item];
		if (it->kind == DL_LINK) {
			it->target_page = p->blk_page[f->head];
			it->target_y = p->blk_y[f->head];
			continue;
		}
		char num[24];
		snprintf(num, sizeof num, "%d", p->blk_page[f->head]);
		it->w = m->width(m->ctx, it->font, it->size, num, strlen(num));
		it->x = f->right - it->w;
		it->text = arena_strdup(p->ra, num);
	}
}

void lay_new_page(lay_placer *p)
{
	p->pages = lay_vgrow(p->pages, &p->cap_pages, p->n_pages + 1, sizeof *p->pages);
	memset(&p->pages[p->n_pages++], 0, sizeof *p->pages);
	p->y = p->top;
	p->empty = true;
}

double lay_room(const lay_placer *p)
{
	return p->y - p->bottom;
}

double lay_body_height(const lay_placer *p)
{
	return p->top - p->bottom;
}

/* ---- preparation: everything that does not depend on the page ---- */
static void prepare_toc(lay_doc *d, lay_block *b)
{
	double W = lay_text_width(d);
	double numw = d->m->width(d->m->ctx, b->st.font, b->st.size, "0000", 4);
	for (size_t i = 0; i < d->n_blocks; i++) {
		const lay_block *h = &d->blocks[i];
		if (h->kind == BK_HEADING && h->in_toc && h->level <= b->toc_max)
			b->n_toc++;
	}
	b->toc = arena_calloc(d->a, b->n_toc ? b->n_toc : 1, sizeof *b->toc);
	size_t k = 0;
	for (size_t i = 0; i < d->n_blocks; i++) {
		const lay_block *h = &d->blocks[i];
		if (!(h->kind == BK_HEADING && h->in_toc && h->level <= b->toc_max))
			continue;
		/* The entry's own style, not the heading's: copy the title into one span. */
		lay_span *sp = arena_calloc(d->a, 1, sizeof *sp);
		*sp = (lay_span){ .text = h->label, .font = b->st.font, .color = b->st.color };
		double w = W - b->st.indent - (h->level - 1) * LAY_TOC_INDENT - numw - b->st.size / 2;
		b->toc[k].block = i;
		lay_break_s(&d->scratch, d->a, d->m, sp, 1, b->st.size, w, &b->toc[k].box);
		k++;
	}
}

static void prepare_block(lay_doc *d, lay_block *b)
{
	double W = lay_text_width(d);
	switch (b->kind) {
	case BK_LIST: {
		double lw = d->m->width(d->m->ctx, b->st.font, b->st.size, b->label, strlen(b->label));
		b->hang = fmax(lw + b->st.size / 2, 1.5 * b->st.size);   /* "•" and "9." align */
	}
		/* fall through */
	case BK_HEADING:
	case BK_PARA:
		/* headings hyphenate only a word wider than the line */
		d->scratch.hyph = b->kind == BK_HEADING ? LAY_HYPH_LONG : LAY_HYPH_TEXT;
		lay_break_s(&d->scratch, d->a, d->m, b->spans, b->n_spans, b->st.size, W - b->st.indent - b->hang,
		          &b->box);
		d->scratch.hyph = LAY_HYPH_TEXT;
		break;
	case BK_TABLE: lay_table_prepare(d, b, W); break;
	case BK_TOC:   /* entries as their headings: no hyphen the heading has not */
		d->scratch.hyph = LAY_HYPH_LONG;
		prepare_toc(d, b);
		d->scratch.hyph = LAY_HYPH_TEXT;
		break;
	default: break;
	}
}

static void prepare(lay_doc *d)
{
	if (d->prepared)
		return;
	for (size_t i = 0; i < d->n_blocks; i++)
		prepare_block(d, &d->blocks[i]);
	d->prepared = true;
}

/* ---- pagination ---- */
static bool keeps(const lay_block *b)
{
	return b->st.keep_with_next && b->kind != BK_SPACE && b->kind != BK_BREAK;
}

/* A one-line paragraph right after a heading ("Nämnd: ...") is no content of its own:
 * the heading keeps with it and with the start of the block after it. */
static bool meta_line(const lay_block *b)
{
	return b->kind == BK_PARA && b->box.n_lines <= 1;
}

/* Height of the keep chain from bi: the keeping blocks and the start of the next one. */
static double keep_height(const lay_placer *p, size_t bi)
{
	const lay_doc *d = p->d;
	double h = 0;
	bool meta = d->blocks[bi].kind == BK_HEADING;
	for (size_t j = bi, n = 0; j < d->n_blocks && n < KEEP_LOOKAHEAD; j++, n++) {
		const lay_block *b = &d->blocks[j];
		if (b->kind == BK_BREAK)
			return h;
		if (keeps(b) || b->kind == BK_SPACE) {
			h += lay_block_height(p, j);
		} else if (meta && meta_line(b) && j + 1 < d->n_blocks) {
			h += lay_block_height(p, j);
			meta = false;
		} else {
			return h + lay_block_start_height(p, j);
		}
	}
	return h;
}

static void place_all(lay_placer *p)
{
	lay_new_page(p);
	for (size_t i = 0; i < p->d->n_blocks; i++) {
		if (keeps(&p->d->blocks[i]) && !p->empty) {
			double need = keep_height(p, i);
			if (need > lay_room(p) + LAY_EPS && need <= lay_body_height(p))
				lay_new_page(p);
		}
		lay_place_block(p, i);
	}
	/* A trailing page break or space leaves no empty last page. */
	if (p->n_pages > 1 && p->pages[p->n_pages - 1].n == 0)
		p->n_pages--;
}

static void placer_init(lay_placer *p, lay_doc *d)
{
	const lay_page_setup *s = d->setup;
	memset(p, 0, sizeof *p);
	p->d = d;
	p->ra = arena_new();
	p->top = s->height - s->margin_top;
	p->bottom = s->margin_bottom;
	p->left = s->margin_left;
	p->blk_page = arena_calloc(p->ra, d->n_blocks + 1, sizeof *p->blk_page);
	p->blk_y = arena_calloc(p->ra, d->n_blocks + 1, sizeof *p->blk_y);
}

/* Frees the pass's working arrays; its arena (and so the result) stays. */
static void placer_free(lay_placer *p)
{
	/* A page dropped at the end (place_all) was empty: it owns no items. */
	for (size_t i = 0; i < p->n_pages; i++)
		free(p->pages[i].items);
	free(p->pages);
	free(p->fix);
	p->pages = NULL;
	p->fix = NULL;
	p->n_pages = p->cap_pages = p->n_fix = p->cap_fix = 0;
}


/* ---- running parts ---- */
static char *fill_tokens(arena *a, const char *s, int n, int m)
{
	size_t cap = strlen(s) * 2 + 48, k = 0;
	char *out = arena_alloc(a, cap);
	for (; *s && k + 24 < cap; s++) {
		if (s[0] == '{' && (s[1] == 'N' || s[1] == 'M') && s[2] == '}') {
			k += (size_t)snprintf(out + k, cap - k, "%d", s[1] == 'N' ? n : m);
			s += 2;
		} else {
			out[k++] = *s;
		}
	}
	out[k] = '\0';
	return out;
}

/* The width each running slot may fill, from what the others take: a side may reach
 * the centred text (or, with no centre, the other side) less a 6 pt gap, but never less
 * than a third (half) of the text width; the centre gets what the sides leave. */
static void slot_rooms(const lay_placer *p, char *const t[3], double size, double room[3])
{
	const lay_metrics *m = p->d->m;
	double W = lay_text_width(p->d), w[3];
	for (int k = 0; k < 3; k++)
		w[k] = t[k] ? m->width(m->ctx, LF_REGULAR, size, t[k], strlen(t[k])) : 0;
	if (!t[1]) {
		room[0] = t[2] ? fmax(W / 2 - 6, W - w[2] - 12) : W;
		room[2] = t[0] ? fmax(W / 2 - 6, W - w[0] - 12) : W;
		room[1] = W;
		return;
	}
	room[0] = room[2] = fmax(W / 3 - 6, W / 2 - w[1] / 2 - 6);
	double side = fmax(t[0] ? fmin(w[0], room[0]) : 0, t[2] ? fmin(w[2], room[2]) : 0);
	room[1] = t[0] || t[2] ? W - 2 * side - 12 : W;
}

static dl_item *running_text(lay_placer *p, const char *text, double size, lay_rgb col,
                             int slot, double base)
{
	const lay_metrics *m = p->d->m;
	double W = lay_text_width(p->d);
	dl_item *it = lay_emit(p, DL_TEXT, ROLE_ARTIFACT, 0);
	it->block = -1;
	it->text = text;
	it->size = it->h = size;
	it->color = col;
	it->w = m->width(m->ctx, LF_REGULAR, size, text, strlen(text));
	it->x = p->left + (slot == 0 ? 0 : slot == 1 ? (W - it->w) / 2 : W - it->w);
	it->y = base;
	return it;
}

static void running_rule(lay_placer *p, double y, lay_rgb col)
{
	dl_item *it = lay_emit(p, DL_LINE, ROLE_ARTIFACT, 0);
	it->block = -1;
	it->x = p->left;
	it->y = y;
	it->w = lay_text_width(p->d);
	it->line_width = 0.5;
	it->color = col;
}

static bool any(const char *const s[3])
{
	return (s[0] && *s[0]) || (s[1] && *s[1]) || (s[2] && *s[2]);
}

static void running_parts(lay_placer *p, int n, int m)
{
	const lay_page_setup *s = p->d->setup;
	const lay_metrics *mt = p->d->m;
	double size = s->running_size > 0 ? s->running_size : 8;
	for (int part = 0; part < 2; part++) {
		const char *const *txt = part == 0 ? s->header : s->footer;
		if (!any(txt))
			continue;
		double rule = part == 0 ? p->top + 6 : p->bottom - 6;
		double base = part == 0 ? rule + 3 + mt->descent * size : rule - 3 - mt->ascent * size;
		enum lay_artifact art = part == 0 ? LART_HEADER : LART_FOOTER;
		running_rule(p, rule, s->running_color);
		p->pages[p->n_pages - 1].items[p->pages[p->n_pages - 1].n - 1].artifact = art;
		char *t[3];
		double room[3];
		for (int k = 0; k < 3; k++)
			t[k] = txt[k] && *txt[k] ? fill_tokens(p->ra, txt[k], n, m) : NULL;
		slot_rooms(p, t, size, room);
		for (int k = 0; k < 3; k++) {
			if (!t[k])
				continue;
			/* a long title ends in "…" inside its slot (the metadata keeps it whole) */
			char *cut = lay_shorten(p->ra, mt, LF_REGULAR, size, t[k], room[k]);
			running_text(p, cut ? cut : t[k], size, s->running_color, k, base)->artifact = art;
		}
	}
}

/* FÖRSLAG: large and light in the top margin, right side, above the running header, so
 * it never covers body text (only horizontal text exists in the display list). */
static void watermark(lay_placer *p)
{
	const lay_page_setup *s = p->d->setup;
	const lay_metrics *m = p->d->m;
	double rs = s->running_size > 0 ? s->running_size : 8, em = m->ascent + m->descent;
	double low = p->top + 9 + em * rs + 2, high = s->height - 6;
	double size = fmin(36, fmax(6, (high - low) / (em > 0 ? em : 1)));
	dl_item *it = running_text(p, arena_strdup(p->ra, s->watermark), size, s->watermark_color,
	                           2, 0);
	it->font = LF_BOLD;
	it->artifact = LART_WATERMARK;
	it->w = m->width(m->ctx, LF_BOLD, size, s->watermark, strlen(s->watermark));
	it->x = p->left + lay_text_width(p->d) - it->w;
	it->y = low + m->descent * size + fmax(0, (high - low - em * size) / 2);
}

static void finish_pages(lay_placer *p)
{
	const lay_page_setup *s = p->d->setup;
	size_t n = p->n_pages;
	for (size_t i = 0; i < n; i++) {
		/* lay_emit appends to the last page: point it at page i for a moment. */
		p->n_pages = i + 1;
		if (i > 0 || s->running_on_first_page)
			running_parts(p, (int)i + 1, (int)n);
		if (s->watermark && *s->watermark)
			watermark(p);
	}
	p->n_pages = n;
}

/* A bookmark longer than this ends in "…": libharu refuses strings over 65 535 bytes
 * (and fails the whole PDF), and no reader shows more than a line of a bookmark. */
#define LAY_OUTLINE_MAX 1000

/* Bookmark titles never show a soft hyphen. */
static char *strip_soft_hyphens(arena *a, const char *s)
{
	char *out = arena_strdup(a, s ? s : ""), *w = out;
	for (const char *r = out; *r; r++) {
		if ((unsigned char)r[0] == 0xC2 && (unsigned char)r[1] == 0xAD)
			r++;
		else
			*w++ = *r;
	}
	*w = '\0';
	if ((size_t)(w - out) > LAY_OUTLINE_MAX) {
		size_t cut = LAY_OUTLINE_MAX;
		while (cut > 0 && ((unsigned char)out[cut] & 0xC0) == 0x80)
			cut--;   /* at a character start */
		memcpy(out + cut, "\u2026", 4);   /* fits: w - out > LAY_OUTLINE_MAX >= cut + 3 */
	}
	return out;
}

/* The role of a block as a whole (its items may carry finer ones: labels, cells). */
static enum lay_role block_role(const lay_block *b)
{
	switch (b->kind) {
	case BK_SPACE:
	case BK_BREAK: return ROLE_ARTIFACT;
	case BK_TOC: return ROLE_TOC_ITEM;
	case BK_TABLE: return ROLE_TABLE_CELL;
	default: return b->role;
	}
}

/* The next block after i that is not a space, or n. */
static size_t next_content(const lay_doc *d, size_t i)
{
	while (++i < d->n_blocks && d->blocks[i].kind == BK_SPACE)
		;
	return i;
}

static void table_structure(arena *a, const lay_block *b, dl_block *o)
{
	const lay_table *t = b->tab;
	unsigned char *kind = arena_calloc(a, t->n_rows ? t->n_rows : 1, 1);
	size_t n_cells = t->n_rows * t->n_cols;
	unsigned char *cell = arena_calloc(a, n_cells ? n_cells : 1, 1);
	for (size_t i = 0; i < t->n_rows; i++) {
		kind[i] = (unsigned char)t->rows[i].kind;
		for (size_t j = 0; j < t->n_cols; j++) {
			enum lay_role r = lay_cell_role(t, i, j);
			cell[i * t->n_cols + j] = r == ROLE_TABLE_HEADER ? DC_TH_COLUMN
			                        : r == ROLE_ROW_HEADER ? DC_TH_ROW : DC_TD;
		}
	}
	o->n_rows = (int)t->n_rows;
	o->n_cols = (int)t->n_cols;
	o->row_kind = kind;
	o->cell = cell;
}

/* One dl_block per block: a table title is its table's caption when the table follows
 * it, a figure caption its figure's when it follows the figure (spaces between them
 * aside); otherwise both are plain paragraphs. */
static dl_block *block_structure(arena *a, const lay_doc *d)
{
	dl_block *out = arena_calloc(a, d->n_blocks ? d->n_blocks : 1, sizeof *out);
	for (size_t i = 0; i < d->n_blocks; i++) {
		const lay_block *b = &d->blocks[i];
		dl_block *o = &out[i];
		o->role = block_role(b);
		o->level = b->level;
		o->list = b->kind == BK_LIST ? b->list : -1;
		o->caption = -1;
		if (b->kind == BK_FIGURE)
			o->alt = arena_strdup(a, b->fig->alt);
		else if (b->kind == BK_IMAGE && b->alt)
			o->alt = arena_strdup(a, b->alt);
		if (b->kind == BK_TABLE)
			table_structure(a, b, o);
	}
	for (size_t i = 0; i < d->n_blocks; i++) {
		if (out[i].role == ROLE_TABLE_TITLE) {
			size_t t = next_content(d, i);
			if (t < d->n_blocks && d->blocks[t].kind == BK_TABLE && out[t].caption < 0) {
				out[i].caption = (int)t;
				out[t].caption = (int)i;
			}
		} else if (d->blocks[i].kind == BK_FIGURE) {
			size_t c = next_content(d, i);
			if (c < d->n_blocks && out[c].role == ROLE_CAPTION) {
				out[i].caption = (int)c;
				out[c].caption = (int)i;
			}
		}
	}
	return out;
}

static lay_result *make_result(lay_placer *p)
{
	const lay_doc *d = p->d;
	lay_result *r = arena_alloc(p->ra, sizeof *r);
	r->arena = p->ra;
	r->width = d->setup->width;
	r->height = d->setup->height;
	r->margin_top = d->setup->margin_top;
	r->margin_bottom = d->setup->margin_bottom;
	r->margin_left = d->setup->margin_left;
	r->margin_right = d->setup->margin_right;
	r->n_pages = p->n_pages;
	r->pages = arena_calloc(p->ra, p->n_pages, sizeof *r->pages);
	for (size_t i = 0; i < p->n_pages; i++) {
		size_t n = p->pages[i].n;
		dl_item *items = arena_alloc(p->ra, (n ? n : 1) * sizeof *items);
		if (n)
			memcpy(items, p->pages[i].items, n * sizeof *items);
		r->pages[i] = (dl_page){ items, n };
		free(p->pages[i].items);   /* at once: the peak holds one page twice, not all */
		p->pages[i] = (lay_pg){0};
	}
	for (size_t i = 0; i < d->n_blocks; i++)
		r->n_outline += d->blocks[i].kind == BK_HEADING;
	r->blocks = block_structure(p->ra, d);
	r->n_blocks = d->n_blocks;
	r->n_warnings = d->n_warnings;
	r->warnings = arena_calloc(p->ra, d->n_warnings ? d->n_warnings : 1, sizeof *r->warnings);
	r->warning_files = arena_calloc(p->ra, d->n_warnings ? d->n_warnings : 1, sizeof *r->warning_files);
	r->warning_lines = arena_calloc(p->ra, d->n_warnings ? d->n_warnings : 1, sizeof *r->warning_lines);
	for (size_t i = 0; i < d->n_warnings; i++) {
		r->warnings[i] = arena_strdup(p->ra, d->warnings[i]);
		r->warning_files[i] = d->warning_files[i];
		r->warning_lines[i] = d->warning_lines[i];
	}
	r->outline = arena_calloc(p->ra, r->n_outline ? r->n_outline : 1, sizeof *r->outline);
	for (size_t i = 0, k = 0; i < d->n_blocks; i++)
		if (d->blocks[i].kind == BK_HEADING)
			r->outline[k++] = (dl_outline){ d->blocks[i].level,
			                                strip_soft_hyphens(p->ra, d->blocks[i].label),
			                                p->blk_page[i], p->blk_y[i] };
	return r;
}

lay_result *lay_run(lay_doc *d, const char **why)
{
	if (why)
		*why = NULL;
	if (!d || !d->setup || !d->m || !d->m->width) {
		if (why)
			*why = "layoutmotorn saknar sidinställningar eller teckenmått";
		return NULL;
	}
	prepare(d);
	lay_placer cur;
	placer_init(&cur, d);
	place_all(&cur);   /* one pass: see lay_tocfix */
	fill_toc(&cur);
	finish_pages(&cur);
	lay_result *r = make_result(&cur);
	placer_free(&cur);
	return r;
}

void lay_result_free(lay_result *r)
{
	if (r)
		arena_free(r->arena);
}
