/* SPDX-License-Identifier: Apache-2.0 */
/* lay_break.c - greedy line breaking of spans: spaces, hyphens, soft hyphens, words
 * broken by characters when wider than the line, U+00A0 kept together. */
#include "lay_private.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The items of one paragraph, in the scratch's array. */
typedef struct brk_vec {
	lay_scratch *sc;
	brk_item *v;
	size_t n;
} brk_vec;

static brk_item *brk_push(brk_vec *bv, enum brk_kind k, size_t span)
{
	lay_scratch *sc = bv->sc;
	bv->v = sc->items = lay_vgrow(sc->items, &sc->cap_items, bv->n + 1, sizeof *bv->v);
	brk_item *it = &bv->v[bv->n++];
	memset(it, 0, sizeof *it);
	it->kind = k;
	it->span = span;
	return it;
}

static size_t utf8_len(const char *s)
{
	unsigned char c = (unsigned char)*s;
	size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
	for (size_t i = 1; i < n; i++)
		if (!s[i])
			return i;   /* truncated sequence: never read past the end */
	return n;
}

static bool is_space(const char *s)
{
	return *s == ' ' || *s == '\t' || *s == '\n' || *s == '\r';
}

static bool is_hyphen(const char *s, size_t n)
{
	return (n == 1 && *s == '-') || (n == 3 && memcmp(s, "\xE2\x80\x93", 3) == 0);
}

typedef struct tok_ctx {
	brk_vec *bv;
	const lay_metrics *m;
	const lay_span *sp;
	size_t span;
	double size;
	const char *start;         /* of the text being collected, or NULL */
} tok_ctx;

static void tok_flush(tok_ctx *t, const char *end)
{
	if (!t->start || end == t->start) {
		t->start = NULL;
		return;
	}
	brk_item *it = brk_push(t->bv, BRK_TEXT, t->span);
	it->s = t->start;
	it->len = (size_t)(end - t->start);
	it->w = t->m->width(t->m->ctx, t->sp->font, t->size, it->s, it->len);
	t->start = NULL;
}

static bool last_is_text(const brk_vec *bv)
{
	return bv->n > 0 && bv->v[bv->n - 1].kind == BRK_TEXT;
}

/* Splits one span into text items and break opportunities. */
static void tokenize_span(tok_ctx *t)
{
	const char *s = t->sp->text ? t->sp->text : "";
	while (*s) {
		size_t n = utf8_len(s);
		if (is_space(s) && *s == ' ' && s[1] == '%' && t->start && (!s[2] || is_space(s + 2))) {
			/* "2,8 %", "Avvikelse %": the sign stays with its number or word */
		} else if (is_space(s)) {
			tok_flush(t, s);
			if (t->bv->n > 0 && t->bv->v[t->bv->n - 1].kind != BRK_SPACE)
				brk_push(t->bv, BRK_SPACE, t->span)->w =
					t->m->width(t->m->ctx, t->sp->font, t->size, " ", 1);
		} else if (n == 2 && (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xAD) {
			tok_flush(t, s);
			if (last_is_text(t->bv))
				brk_push(t->bv, BRK_SOFT, t->span)->w =
					t->m->width(t->m->ctx, t->sp->font, t->size, "-", 1);
		} else if (is_hyphen(s, n)) {
			bool inside = (t->start || last_is_text(t->bv)) && s[n] && !is_space(s + n);
			if (!t->start)
				t->start = s;
			if (inside) {
				tok_flush(t, s + n);
				brk_push(t->bv, BRK_HYPHEN, t->span);
			}
		} else if (!t->start) {
			t->start = s;
		}
		s += n;
	}
	tok_flush(t, s);
}

static void tokenize(brk_vec *bv, const lay_metrics *m, const lay_span *spans, size_t n,
                     double size)
{
	bv->v = bv->sc->items;
	bv->n = 0;
	for (size_t i = 0; i < n; i++) {
		tok_ctx t = { .bv = bv, .m = m, .sp = &spans[i], .span = i, .size = size };
		tokenize_span(&t);
	}
	while (bv->n > 0 && bv->v[bv->n - 1].kind != BRK_TEXT)
		bv->n--;   /* trailing spaces and soft hyphens draw nothing */
}

typedef struct brk_state {
	int hyph;                  /* LAY_HYPH_* */
	lay_scratch *sc;
	const lay_metrics *m;
	const lay_span *spans;
	double size, maxw;
	brk_item *it;
	size_t n;
	lay_line *lines;           /* the scratch's */
	size_t n_lines;
} brk_state;

static lay_line *add_line(brk_state *s, size_t a, size_t b)
{
	lay_scratch *sc = s->sc;
	s->lines = sc->lines = lay_vgrow(sc->lines, &sc->cap_lines, s->n_lines + 1, sizeof *s->lines);
	lay_line *l = &s->lines[s->n_lines++];
	memset(l, 0, sizeof *l);
	l->a = a;
	l->b = b;
	for (size_t i = a; i < b; i++)
		if (s->it[i].kind != BRK_SOFT)
			l->width += s->it[i].w;
	return l;
}

static size_t skip_breaks(const brk_state *s, size_t i)
{
	while (i < s->n && s->it[i].kind != BRK_TEXT)
		i++;
	return i;
}

/* Bytes of item it that fit into room (at least one character when force). */
static size_t fit_prefix(const brk_state *s, const brk_item *it, double room, bool force,
                         double *w)
{
	enum lay_font f = s->spans[it->span].font;
	size_t k = 0;
	*w = 0;
	while (k < it->len) {
		size_t c = utf8_len(it->s + k);
		double cw = s->m->width(s->m->ctx, f, s->size, it->s + k, c);
		if (*w + cw > room + LAY_EPS && !(force && k == 0))
			break;
		*w += cw;
		k += c;
	}
	/* the letters one by one are not the head as drawn (kerning; Arabic letters take
	 * the forms of the shorter word): measured whole, one letter less while it is wider */
	while (k > 0) {
		*w = s->m->width(s->m->ctx, f, s->size, it->s, k);
		if (*w <= room + LAY_EPS)
			break;
		size_t b = k - 1;
		while (b > 0 && ((unsigned char)it->s[b] & 0xC0) == 0x80)
			b--;
		if (b == 0 && force)
			break;   /* at least one character per line */
		k = b;
	}
	if (k == 0)
		*w = 0;
	return k;
}

/* Line [ls, i) plus a character-broken head of item i; returns the next line start. */
static size_t break_word(brk_state *s, size_t ls, size_t i, double w)
{
	brk_item *it = &s->it[i];
	double pw;
	size_t k = fit_prefix(s, it, s->maxw - w, i == ls, &pw);
	lay_line *l = add_line(s, ls, i);
	if (k == 0)
		return i;   /* the glued word starts on the next line */
	l->tail_span = it->span;
	l->tail = it->s;
	l->tail_len = k;
	l->tail_w = pw;
	l->width += pw;
	if (k == it->len)
		return skip_breaks(s, i + 1);   /* the whole item fitted after all */
	it->s += k;
	it->len -= k;
	it->w = s->m->width(s->m->ctx, s->spans[it->span].font, s->size, it->s, it->len);
	return i;
}

/* A whole word: item i between break opportunities (not glued to another span's text,
 * no soft hyphen of the document's in it: those override the dictionary). */
static bool whole_word(const brk_state *s, size_t i)
{
	bool before = i == 0 || s->it[i - 1].kind == BRK_SPACE || s->it[i - 1].kind == BRK_HYPHEN;
	bool after = i + 1 == s->n || s->it[i + 1].kind == BRK_SPACE || s->it[i + 1].kind == BRK_HYPHEN;
	return before && after;
}

/* Hyphenates item i at the last dictionary break whose head and "-" fit into what is left
 * of the line after w; a compound's joint is preferred when its head is at least 60 % as
 * wide. Line [ls, i) + the head + "-"; returns the next line start, or SIZE_MAX when no
 * break fits (or hyphenation is off). */
static size_t hyphenate(brk_state *s, size_t ls, size_t i, double w, bool have_bp)
{
	brk_item *it = &s->it[i];
	const lay_metrics *m = s->m;
	if (s->hyph == LAY_HYPH_NONE || !m->hyphenate || !whole_word(s, i))
		return SIZE_MAX;
	if (have_bp && (s->hyph != LAY_HYPH_TEXT || s->maxw - w <= LAY_HYPH_GAP * s->size))
		return SIZE_MAX;   /* the gap breaking before the word leaves is small enough */
	size_t at[64];
	bool joint[64];
	size_t n = m->hyphenate(m->ctx, it->s, it->len, at, joint, 64);
	enum lay_font f = s->spans[it->span].font;
	double hw = m->width(m->ctx, f, s->size, "-", 1), best_w = 0, joint_w = 0;
	size_t best = 0, best_j = 0;
	for (size_t k = 0; k < n; k++) {
		double pw = m->width(m->ctx, f, s->size, it->s, at[k]);
		if (w + pw + hw > s->maxw + LAY_EPS)
			break;
		best = at[k];
		best_w = pw;
		if (joint[k]) {
			best_j = at[k];
			joint_w = pw;
		}
	}
	if (!best)
		return SIZE_MAX;
	if (best_j && joint_w >= 0.6 * best_w) {
		best = best_j;
		best_w = joint_w;
	}
	lay_line *l = add_line(s, ls, i);
	l->tail_span = it->span;
	l->tail = it->s;
	l->tail_len = best;
	l->tail_w = best_w;
	l->hyphen = true;
	l->hyphen_span = it->span;
	l->width += best_w + hw;
	it->s += best;
	it->len -= best;
	it->w = m->width(m->ctx, f, s->size, it->s, it->len);
	return i;
}

/* Line [ls, bp) ending at the break opportunity bp; returns the next line start. */
static size_t break_at(brk_state *s, size_t ls, size_t bp)
{
	lay_line *l = add_line(s, ls, bp);
	if (s->it[bp].kind == BRK_SOFT) {
		l->hyphen = true;
		l->hyphen_span = s->it[bp].span;
		l->width += s->it[bp].w;
	}
	return skip_breaks(s, bp + 1);
}

static void break_lines(brk_state *s)
{
	size_t ls = skip_breaks(s, 0), bp = 0;
	bool have_bp = false;
	double w = 0;
	for (size_t i = ls; i < s->n; i++) {
		brk_item *it = &s->it[i];
		if (it->kind != BRK_TEXT) {
			if (it->kind != BRK_SOFT || w + it->w <= s->maxw + LAY_EPS) {
				bp = i;
				have_bp = true;
			}
			if (it->kind == BRK_SPACE)
				w += it->w;
			continue;
		}
		if (w + it->w <= s->maxw + LAY_EPS || it->len == 0) {
			w += it->w;
			continue;
		}
		size_t hy = hyphenate(s, ls, i, w, have_bp);
		if (hy != SIZE_MAX)
			ls = hy;
		else
			ls = have_bp ? break_at(s, ls, bp) : break_word(s, ls, i, w);
		have_bp = false;
		w = 0;
		i = ls - 1;   /* re-scan the carried-over words once */
	}
	if (ls < s->n)
		add_line(s, ls, s->n);
}

static void *copy_exact(arena *a, const void *p, size_t n, size_t elem)
{
	void *q = arena_alloc(a, n ? n * elem : 1);
	if (n)
		memcpy(q, p, n * elem);
	return q;
}

void lay_break_s(lay_scratch *sc, arena *a, const lay_metrics *m, const lay_span *spans,
                 size_t n, double size, double width, lay_box *out)
{
	brk_vec bv = { .sc = sc };
	tokenize(&bv, m, spans, n, size);
	brk_state s = { .hyph = sc->hyph, .sc = sc, .m = m, .spans = spans, .size = size,
	                .maxw = width > 0 ? width : 0, .it = bv.v, .n = bv.n,
	                .lines = sc->lines };
	break_lines(&s);
	/* The box outlives the scratch: keep exactly what it holds. */
	*out = (lay_box){ .m = m, .spans = spans, .n_spans = n, .size = size,
	                  .items = copy_exact(a, bv.v, bv.n, sizeof *bv.v), .n_items = bv.n,
	                  .lines = copy_exact(a, s.lines, s.n_lines, sizeof *s.lines),
	                  .n_lines = s.n_lines };
}

void lay_break(arena *a, const lay_metrics *m, const lay_span *spans, size_t n, double size,
               double width, lay_box *out)
{
	lay_scratch sc = {0};
	lay_break_s(&sc, a, m, spans, n, size, width, out);
	lay_scratch_free(&sc);
}

/* The pieces of one line, built in the scratch's arrays. */
typedef struct piece_buf {
	lay_scratch *sc;
	arena *a;
	const lay_box *b;
	lay_piece *v;
	size_t n;
	size_t blen;
	double x;
	bool joined;               /* the open piece glues text to text (a kern between) */
	bool last_text;            /* the last thing added was text */
} piece_buf;

/* A piece is measured whole, as it is drawn: kerning across the items it joins (at a
 * hyphen, a soft hyphen, a line-end hyphen) is in its width, and the next piece starts
 * exactly where the drawn text ends. */
static void piece_close(piece_buf *p)
{
	if (p->n > 0 && !p->v[p->n - 1].text) {
		lay_piece *pc = &p->v[p->n - 1];
		const char *t = p->sc->buf ? p->sc->buf : "";
		pc->text = arena_strndup(p->a, t, p->blen);
		if (p->joined && p->b->m && p->b->m->width) {
			pc->w = p->blen ? p->b->m->width(p->b->m->ctx, p->b->spans[pc->span].font,
			                                 p->b->size, t, p->blen) : 0;
			p->x = pc->x + pc->w;
		}
	}
}

/* Only a piece that glues text to text (at a hyphen, a soft hyphen, a line-end hyphen)
 * is measured again whole: kerning never crosses a space, so elsewhere the items' widths
 * already add up to the drawn width. */
static void piece_add(piece_buf *p, size_t span, const char *s, size_t len, double w, bool text)
{
	lay_scratch *sc = p->sc;
	if (p->n == 0 || p->v[p->n - 1].span != span || p->v[p->n - 1].text) {
		piece_close(p);
		p->v = sc->pieces = lay_vgrow(sc->pieces, &sc->cap_pieces, p->n + 1, sizeof *p->v);
		p->v[p->n++] = (lay_piece){ .span = span, .x = p->x };
		p->blen = 0;
		p->joined = false;
		p->last_text = false;
	}
	if (text && p->last_text)
		p->joined = true;
	p->last_text = text;
	sc->buf = lay_vgrow(sc->buf, &sc->cap_buf, p->blen + len + 1, 1);
	memcpy(sc->buf + p->blen, s, len);
	p->blen += len;
	p->v[p->n - 1].w += w;
	p->x += w;
}

size_t lay_line_pieces_s(lay_scratch *sc, arena *a, const lay_box *b, size_t i,
                         lay_piece **out)
{
	const lay_line *l = &b->lines[i];
	piece_buf p = { .sc = sc, .a = a, .b = b, .v = sc->pieces };
	for (size_t k = l->a; k < l->b; k++) {
		const brk_item *it = &b->items[k];
		if (it->kind == BRK_TEXT)
			piece_add(&p, it->span, it->s, it->len, it->w, true);
		else if (it->kind == BRK_SPACE)
			piece_add(&p, it->span, " ", 1, it->w, false);
	}
	if (l->tail_len)   /* tail_w is the head measured whole (fit_prefix, hyphenate) */
		piece_add(&p, l->tail_span, l->tail, l->tail_len, l->tail_w, true);
	if (l->hyphen)   /* always measured with the text before it: its kern */
		piece_add(&p, p.n ? p.v[p.n - 1].span : l->hyphen_span, "-", 1,
		          b->m && b->m->width ? 0 : l->width - p.x, true);
	if (l->hyphen)
		p.joined = true;
	piece_close(&p);
	*out = p.v;
	return p.n;
}

size_t lay_line_pieces(arena *a, const lay_box *b, size_t i, lay_piece **out)
{
	lay_scratch sc = {0};
	size_t n = lay_line_pieces_s(&sc, a, b, i, out);
	*out = copy_exact(a, *out, n, sizeof **out);
	lay_scratch_free(&sc);
	return n;
}

/* The widest piece of text item i of bv when it may be hyphenated (LAY_HYPH_LONG). */
static double widest_fragment(const brk_vec *bv, const lay_metrics *m, const lay_span *spans,
                              double size, size_t i)
{
	const brk_item *it = &bv->v[i];
	bool before = i == 0 || bv->v[i - 1].kind == BRK_SPACE || bv->v[i - 1].kind == BRK_HYPHEN;
	bool after = i + 1 == bv->n || bv->v[i + 1].kind == BRK_SPACE || bv->v[i + 1].kind == BRK_HYPHEN;
	if (!m->hyphenate || !before || !after)
		return it->w;
	size_t at[64];
	bool joint[64];
	size_t n = m->hyphenate(m->ctx, it->s, it->len, at, joint, 64);
	if (!n)
		return it->w;
	enum lay_font f = spans[it->span].font;
	double hw = m->width(m->ctx, f, size, "-", 1), best = 0;
	size_t prev = 0;
	for (size_t k = 0; k <= n; k++) {
		size_t end = k < n ? at[k] : it->len;
		double w = m->width(m->ctx, f, size, it->s + prev, end - prev) + (k < n ? hw : 0);
		if (w > best)
			best = w;
		prev = end;
	}
	return best;
}

void lay_measure(lay_scratch *sc, const lay_metrics *m, const lay_span *spans, size_t n,
                 double size, double *min_w, double *max_w)
{
	brk_vec bv = { .sc = sc };
	tokenize(&bv, m, spans, n, size);
	double word = 0, line = 0;
	bool hyph = sc->hyph == LAY_HYPH_LONG;
	*min_w = 0;
	for (size_t i = 0; i < bv.n; i++) {
		const brk_item *it = &bv.v[i];
		if (it->kind == BRK_TEXT) {
			if (hyph) {
				double fw = widest_fragment(&bv, m, spans, size, i);
				if (fw < it->w) {   /* a hyphenated word: its widest piece counts */
					if (fw > *min_w)
						*min_w = fw;
					line += it->w;
					word = 0;
					continue;
				}
			}
			word += it->w;
		} else {
			double end = word + (it->kind == BRK_SOFT ? it->w : 0);
			if (end > *min_w)
				*min_w = end;
			word = 0;
		}
		if (it->kind != BRK_SOFT)
			line += it->w;
	}
	if (word > *min_w)
		*min_w = word;
	*max_w = line;
}

size_t lay_count_lines(const lay_metrics *m, const lay_span *spans, size_t n, double size,
                       double width)
{
	arena *a = arena_new();
	lay_box b;
	lay_break(a, m, spans, n, size, width, &b);
	size_t lines = b.n_lines;
	arena_free(a);
	return lines;
}
