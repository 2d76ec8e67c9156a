/* SPDX-License-Identifier: Apache-2.0 */
/* pdf_pack.c - rewrites the file libharu saved (classic xref table, every object on its
 * own) into a compact PDF 1.5+ file: the streams stay as they are, every other object
 * goes, with the structure tree's objects, into deflated object streams, and a
 * cross-reference stream replaces the table (ISO 32000-1 7.5.7, 7.5.8; allowed by
 * PDF/A-2 and PDF/UA-1). Why: a tagged report has one small dictionary per table
 * cell; written one by one they would more than double the file. Plain bytes, no
 * libharu: the input is exactly what libharu 2.3.0 writes ("N 0 obj", generation 0,
 * "xref", "trailer", "startxref"). */
#include "pdf_private.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* zlib level 1 for the object streams, as for the page contents: on the large
 * benchmark document level 3 costs 25 M more instructions (2.4 % of the render) for
 * 1.3 % fewer bytes; the file stays within 1.5 x the untagged one (docs/performance.md,
 * "Issue 14"). */
enum { OBJS_PER_STREAM = 500, PACK_LEVEL = 1 };

typedef struct obj_ref {       /* one object of the input, or one of the extra ones */
	const unsigned char *p;    /* its body ("<<...>>"), or the whole "N 0 obj...endobj" */
	size_t len;
	bool stream;               /* copied as it is */
	bool present;
} obj_ref;

static const unsigned char *find(const unsigned char *h, size_t hl, const char *n)
{
	size_t nl = strlen(n);
	for (size_t i = 0; nl <= hl && i + nl <= hl; i++)
		if (h[i] == (unsigned char)n[0] && !memcmp(h + i, n, nl))
			return h + i;
	return NULL;
}

static const unsigned char *rfind(const unsigned char *h, size_t hl, const char *n)
{
	size_t nl = strlen(n);
	for (size_t i = hl >= nl ? hl - nl + 1 : 0; i-- > 0;)
		if (!memcmp(h + i, n, nl))
			return h + i;
	return NULL;
}

static bool is_ws(unsigned char c)
{
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0;
}

/* The number after key in the trailer ("/Root 1 0 R" -> 1), or -1. */
static long trailer_ref(const unsigned char *t, size_t tl, const char *key)
{
	const unsigned char *k = find(t, tl, key);
	if (!k)
		return -1;
	char tmp[32] = {0};
	size_t at = (size_t)(k - t) + strlen(key), n = 0;
	while (at < tl && n + 1 < sizeof tmp)
		tmp[n++] = (char)t[at++];
	char *end;
	long v = strtol(tmp, &end, 10);
	return end == tmp ? -1 : v;
}

/* Splits object i's span [a, b) into its body or marks it a stream. */
static int split_object(const unsigned char *in, size_t a, size_t b, obj_ref *o)
{
	const unsigned char *s = in + a;
	size_t len = b - a;
	const unsigned char *hdr = find(s, len < 32 ? len : 32, " obj");
	const unsigned char *end = rfind(s, len, "endobj");
	if (!hdr || !end)
		return -1;
	const unsigned char *body = hdr + 4;
	size_t bl = (size_t)(end - body);
	while (bl && is_ws(*body)) {
		body++;
		bl--;
	}
	while (bl && is_ws(body[bl - 1]))
		bl--;
	o->present = true;
	if (bl >= 9 && !memcmp(body + bl - 9, "endstream", 9)) {
		o->stream = true;
		o->p = s;
		o->len = (size_t)(end - s) + 6;
	} else {
		o->p = body;
		o->len = bl;
	}
	return 0;
}

/* qsort has no context argument: the offsets being sorted (one pack at a time per
 * thread is all the writer does; see by_offset). */
static _Thread_local const size_t *sort_off;

static int by_offset(const void *a, const void *b)
{
	size_t x = sort_off[*(const long *)a], y = sort_off[*(const long *)b];
	return x < y ? -1 : x > y;
}

/* Reads the xref table at the end of in: one obj_ref per object number. */
static obj_ref *read_objects(const unsigned char *in, size_t len, size_t *n, long *root,
                             long *info)
{
	const unsigned char *sx = rfind(in, len, "startxref");
	if (!sx)
		return NULL;
	long xo = strtol((const char *)sx + 9, NULL, 10);
	if (xo <= 0 || (size_t)xo + 30 > len || memcmp(in + xo, "xref", 4))
		return NULL;
	char *p;
	long first = strtol((const char *)in + xo + 4, &p, 10);
	long count = strtol(p, &p, 10);
	if (first != 0 || count <= 0 || count > 8000000)
		return NULL;
	while (is_ws((unsigned char)*p))
		p++;
	size_t tab = (size_t)(p - (const char *)in);
	if (tab + (size_t)count * 20 > len)
		return NULL;
	size_t *off = xcalloc((size_t)count, sizeof *off);
	for (long i = 0; i < count; i++)
		off[i] = (size_t)strtoul((const char *)in + tab + (size_t)i * 20, NULL, 10);
	obj_ref *o = xcalloc((size_t)count, sizeof *o);
	/* an object ends where the next one in the file starts (or the table) */
	long *order = xmalloc((size_t)count * sizeof *order);
	for (long i = 0; i < count; i++)
		order[i] = i;
	sort_off = off;
	qsort(order + 1, (size_t)count - 1, sizeof *order, by_offset);
	int bad = 0;
	for (long k = 1; k < count && !bad; k++) {
		size_t a = off[order[k]], b = k + 1 < count ? off[order[k + 1]] : (size_t)xo;
		bad = a == 0 || a >= b || b > (size_t)xo || split_object(in, a, b, &o[order[k]]) != 0;
	}
	free(order);
	free(off);
	const unsigned char *tr = rfind(in, len, "trailer");
	*root = tr ? trailer_ref(tr, len - (size_t)(tr - in), "/Root") : -1;
	*info = tr ? trailer_ref(tr, len - (size_t)(tr - in), "/Info") : -1;
	if (bad || *root <= 0) {
		free(o);
		return NULL;
	}
	*n = (size_t)count;
	return o;
}

typedef struct outbuf {
	unsigned char *p;
	size_t n, cap;
} outbuf;

static void put(outbuf *b, const void *s, size_t len)
{
	if (b->n + len > b->cap) {
		while (b->n + len > b->cap)
			b->cap = b->cap ? b->cap * 2 : 1 << 16;
		b->p = xrealloc(b->p, b->cap);
	}
	memcpy(b->p + b->n, s, len);
	b->n += len;
}

static void puts_(outbuf *b, const char *s)
{
	put(b, s, strlen(s));
}

static int deflate_all(const unsigned char *in, size_t len, outbuf *out)
{
	uLongf cap = compressBound((uLong)len);
	out->n = 0;
	out->cap = cap;
	out->p = xmalloc(cap ? cap : 1);
	if (compress2(out->p, &cap, in, (uLong)len, PACK_LEVEL) != Z_OK)
		return -1;
	out->n = cap;
	return 0;
}

/* Entry of the xref stream: type, field 2 (4 bytes), field 3 (2 bytes). */
static void xref_entry(outbuf *x, int type, size_t f2, unsigned f3)
{
	unsigned char e[7] = {(unsigned char)type, (unsigned char)(f2 >> 24),
	                      (unsigned char)(f2 >> 16), (unsigned char)(f2 >> 8), (unsigned char)f2,
	                      (unsigned char)(f3 >> 8), (unsigned char)f3};
	put(x, e, sizeof e);
}

typedef struct pack_state {
	outbuf out;
	size_t n;                  /* object numbers 0 .. n-1 */
	unsigned char *type;       /* per object: 1 in the file, 2 in an object stream */
	size_t *f2;
	unsigned *f3;
} pack_state;

/* One object stream with the objects in[k0..k1) of list. */
static int object_stream(pack_state *s, const obj_ref *o, const size_t *list, size_t k0,
                         size_t k1, size_t num)
{
	outbuf head = {0}, body = {0}, z = {0};
	char tmp[64];
	for (size_t k = k0; k < k1; k++) {
		size_t n = pdf_utoa(tmp, list[k]);
		tmp[n++] = ' ';
		n += pdf_utoa(tmp + n, body.n);
		tmp[n++] = ' ';
		put(&head, tmp, n);
		put(&body, o[list[k]].p, o[list[k]].len);
		put(&body, "\n", 1);
		s->type[list[k]] = 2;
		s->f2[list[k]] = num;
		s->f3[list[k]] = (unsigned)(k - k0);
	}
	size_t first = head.n;
	put(&head, body.p, body.n);
	int rc = deflate_all(head.p, head.n, &z);
	if (rc == 0) {
		s->type[num] = 1;
		s->f2[num] = s->out.n;
		snprintf(tmp, sizeof tmp, "%zu 0 obj\n<</Type/ObjStm/N %zu/First %zu", num, k1 - k0, first);
		puts_(&s->out, tmp);
		snprintf(tmp, sizeof tmp, "/Filter/FlateDecode/Length %zu>>\nstream\n", z.n);
		puts_(&s->out, tmp);
		put(&s->out, z.p, z.n);
		puts_(&s->out, "\nendstream\nendobj\n");
	}
	free(head.p);
	free(body.p);
	free(z.p);
	return rc;
}

static int xref_stream(pack_state *s, size_t num, long root, long info, size_t *id_at)
{
	outbuf x = {0}, z = {0};
	s->type[num] = 1;
	s->f2[num] = s->out.n;
	for (size_t i = 0; i < s->n; i++) {
		if (i == 0 || !s->type[i])
			xref_entry(&x, 0, 0, i == 0 ? 65535 : 0);
		else
			xref_entry(&x, s->type[i], s->f2[i], s->f3[i]);
	}
	int rc = deflate_all(x.p, x.n, &z);
	if (rc == 0) {
		char tmp[160];
		snprintf(tmp, sizeof tmp, "%zu 0 obj\n<</Type/XRef/Size %zu/W[1 4 2]/Root %ld 0 R", num,
		         s->n, root);
		puts_(&s->out, tmp);
		if (info > 0) {
			snprintf(tmp, sizeof tmp, "/Info %ld 0 R", info);
			puts_(&s->out, tmp);
		}
		puts_(&s->out, "/ID[");
		*id_at = s->out.n;
		puts_(&s->out, "<00000000000000000000000000000000> <00000000000000000000000000000000>]");
		snprintf(tmp, sizeof tmp, "/Filter/FlateDecode/Length %zu>>\nstream\n", z.n);
		puts_(&s->out, tmp);
		put(&s->out, z.p, z.n);
		snprintf(tmp, sizeof tmp, "\nendstream\nendobj\nstartxref\n%zu\n%%%%EOF\n", s->f2[num]);
		puts_(&s->out, tmp);
	}
	free(x.p);
	free(z.p);
	return rc;
}

size_t pdf_pack_count(const unsigned char *in, size_t len)
{
	const unsigned char *sx = rfind(in, len, "startxref");
	if (!sx)
		return 0;
	long xo = strtol((const char *)sx + 9, NULL, 10);
	if (xo <= 0 || (size_t)xo + 30 > len || memcmp(in + xo, "xref", 4))
		return 0;
	char *p;
	strtol((const char *)in + xo + 4, &p, 10);
	long count = strtol(p, NULL, 10);
	return count > 0 ? (size_t)count : 0;
}

int pdf_pack(const unsigned char *in, size_t len, const pdf_obj *extra, size_t n_extra,
             unsigned char **out, size_t *out_len, size_t *id_at)
{
	size_t n_in = 0;
	long root, info;
	obj_ref *o_in = read_objects(in, len, &n_in, &root, &info);
	if (!o_in)
		return -1;
	size_t n = n_in;
	for (size_t i = 0; i < n_extra; i++)
		if (extra[i].num + 1 > n)
			n = extra[i].num + 1;
	obj_ref *o = xcalloc(n, sizeof *o);
	memcpy(o, o_in, n_in * sizeof *o);
	free(o_in);
	for (size_t i = 0; i < n_extra; i++)   /* new objects, or replacements of placeholders */
		o[extra[i].num] = (obj_ref){ (const unsigned char *)extra[i].text, extra[i].len, false,
		                             true };
	size_t n_small = 0;
	for (size_t i = 1; i < n; i++)
		n_small += o[i].present && !o[i].stream;
	size_t n_streams = (n_small + OBJS_PER_STREAM - 1) / OBJS_PER_STREAM;
	pack_state s = { .n = n + n_streams + 1 };
	s.type = xcalloc(s.n, 1);
	s.f2 = xcalloc(s.n, sizeof *s.f2);
	s.f3 = xcalloc(s.n, sizeof *s.f3);
	const unsigned char *first = find(in, len, "1 0 obj");
	size_t head = first ? (size_t)(first - in) : 0;
	put(&s.out, in, head);   /* %PDF-1.7 and the binary comment */
	size_t *list = xmalloc((n_small ? n_small : 1) * sizeof *list), k = 0;
	for (size_t i = 1; i < n; i++) {
		if (!o[i].present)
			continue;
		if (o[i].stream) {
			s.type[i] = 1;
			s.f2[i] = s.out.n;
			put(&s.out, o[i].p, o[i].len);
			put(&s.out, "\n", 1);
		} else {
			list[k++] = i;
		}
	}
	int rc = head ? 0 : -1;
	for (size_t j = 0; j < n_streams && rc == 0; j++) {
		size_t k1 = (j + 1) * OBJS_PER_STREAM < n_small ? (j + 1) * OBJS_PER_STREAM : n_small;
		rc = object_stream(&s, o, list, j * OBJS_PER_STREAM, k1, n + j);
	}
	if (rc == 0)
		rc = xref_stream(&s, n + n_streams, root, info, id_at);
	free(list);
	free(o);
	free(s.type);
	free(s.f2);
	free(s.f3);
	if (rc != 0) {
		free(s.out.p);
		return -1;
	}
	*out = s.out.p;
	*out_len = s.out.n;
	return 0;
}
