/* SPDX-License-Identifier: Apache-2.0 */
/* pdf_ops.c - builds a page's content stream as bytes: PDF operators with numbers in
 * exact thousandths and text as UTF-16BE literal strings. Knows no libharu: the
 * drawing code (pdf_draw.c) hands the bytes to the page in one write, instead of one
 * libharu call per operator (each of those clears a 512-byte buffer byte by byte and
 * re-measures the text it shows). */
#include "pdf_private.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

static void reserve(pdf_ops *o, size_t more)
{
	if (o->len + more <= o->cap)
		return;
	size_t cap = o->cap ? o->cap : 4096;
	while (cap < o->len + more)
		cap *= 2;
	o->buf = xrealloc(o->buf, cap);
	o->cap = cap;
}

void pdf_ops_free(pdf_ops *o)
{
	free(o->buf);
	memset(o, 0, sizeof *o);
}

void pdf_ops_raw(pdf_ops *o, const char *s)
{
	size_t n = strlen(s);
	reserve(o, n);
	memcpy(o->buf + o->len, s, n);
	o->len += n;
}

/* Rounds to whole thousandths of a point: far below what a printer or screen shows,
 * and exact, so that positions given as differences (Td) never drift. The clamp only
 * guards against a broken value; layout coordinates are a few hundred points. */
long long pdf_ops_milli(double v)
{
	if (!(v > -1e12 && v < 1e12))
		return 0;
	return llround(v * 1000.0);
}

/* Writes m/1000 in its shortest exact form ("12.5", "-0.004", "7"), after a space
 * unless it starts a line or an array. */
void pdf_ops_milli_num(pdf_ops *o, long long m)
{
	char tmp[32];
	size_t n = 0;
	unsigned long long u = m < 0 ? (unsigned long long)-m : (unsigned long long)m;
	unsigned frac = (unsigned)(u % 1000);
	u /= 1000;
	if (frac) {
		int digits = 3;
		while (frac % 10 == 0) {   /* trailing zeros are left out */
			frac /= 10;
			digits--;
		}
		for (int i = 0; i < digits; i++) {
			tmp[n++] = (char)('0' + frac % 10);
			frac /= 10;
		}
		tmp[n++] = '.';
	}
	do {
		tmp[n++] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (m < 0)
		tmp[n++] = '-';
	if (o->len && o->buf[o->len - 1] != '\n' && o->buf[o->len - 1] != '[')
		tmp[n++] = ' ';
	reserve(o, n);
	for (size_t i = 0; i < n; i++)   /* tmp holds the number reversed */
		o->buf[o->len + i] = tmp[n - 1 - i];
	o->len += n;
}

void pdf_ops_num(pdf_ops *o, double v)
{
	pdf_ops_milli_num(o, pdf_ops_milli(v));
}

/* A colour component 0-255 as a fraction in thousandths (the nearest). */
static long long channel(unsigned char c)
{
	return ((long long)c * 1000 + 127) / 255;
}

void pdf_ops_rgb(pdf_ops *o, lay_rgb c, const char *op)
{
	pdf_ops_milli_num(o, channel(c.r));
	pdf_ops_milli_num(o, channel(c.g));
	pdf_ops_milli_num(o, channel(c.b));
	pdf_ops_raw(o, op);
}

/* Decodes one UTF-8 character at s[*i] (advancing *i). What libharu cannot draw
 * becomes a space, as pdf_bmp_only does: characters above U+FFFF and C0 controls; a
 * malformed sequence, an over-long form of a control and a surrogate too. */
static unsigned next_code(const unsigned char *s, size_t len, size_t *i)
{
	unsigned c = s[(*i)++];
	if (c < 0x80)
		return c < 0x20 || c == 0x7F ? ' ' : c;
	int more = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : -1;
	if (more < 0)
		return ' ';   /* a stray continuation byte */
	unsigned cp = c & (0x3Fu >> more);
	for (int k = 0; k < more; k++) {
		if (*i >= len || (s[*i] & 0xC0) != 0x80)
			return ' ';
		cp = (cp << 6) | (s[(*i)++] & 0x3Fu);
	}
	bool drawable = more < 3 && cp >= 0x20 && (cp < 0xD800 || cp > 0xDFFF);
	return drawable ? cp : ' ';   /* no lone surrogate, no control in disguise */
}

/* One byte of a literal string: the delimiters and backslash escaped, CR and LF too
 * (a reader would turn a raw CR into LF); every other byte, 0 included, as it is. */
static size_t put_byte(char *d, unsigned b)
{
	if (b == '(' || b == ')' || b == '\\') {
		d[0] = '\\';
		d[1] = (char)b;
		return 2;
	}
	if (b == '\r' || b == '\n') {
		d[0] = '\\';
		d[1] = b == '\r' ? 'r' : 'n';
		return 2;
	}
	d[0] = (char)b;
	return 1;
}

void pdf_ops_text(pdf_ops *o, const char *s, size_t len, uint8_t *seen,
                  void (*first_use)(void *ctx, unsigned cp), void *ctx)
{
	reserve(o, 4 * len + 8);   /* at most 4 bytes out per byte in, with the escapes */
	char *d = o->buf + o->len;
	*d++ = '(';
	for (size_t i = 0; i < len;) {
		unsigned cp = next_code((const unsigned char *)s, len, &i);
		if (!(seen[cp >> 3] & (1u << (cp & 7)))) {
			seen[cp >> 3] |= (uint8_t)(1u << (cp & 7));
			first_use(ctx, cp);
		}
		d += put_byte(d, cp >> 8);
		d += put_byte(d, cp & 0xFF);
	}
	memcpy(d, ")Tj\n", 4);
	d += 4;
	o->len = (size_t)(d - o->buf);
}

void pdf_ops_glyphs(pdf_ops *o, const font_glyph *g, size_t n, uint8_t *seen,
                    void (*first_use)(void *ctx, unsigned cp), void *ctx)
{
	bool kerned = false;
	for (size_t i = 0; i < n && !kerned; i++)
		kerned = g[i].kern != 0;
	reserve(o, 14 * n + 8);   /* 4 bytes a code with escapes, ") -2000 (" a kern */
	char *d = o->buf + o->len;
	if (kerned)
		*d++ = '[';
	*d++ = '(';
	for (size_t i = 0; i < n; i++) {
		unsigned cp = g[i].code;
		if (g[i].kern) {   /* TJ moves left by a positive number: the negated kern */
			int k = -g[i].kern;
			if (i > 0 || d[-1] != '(') {
				*d++ = ')';
			} else {
				d--;   /* a leading kern: no empty string before it */
			}
			if (k < 0) {
				*d++ = '-';
				k = -k;
			}
			d += pdf_utoa(d, (unsigned long long)k);
			*d++ = '(';
		}
		if (!(seen[cp >> 3] & (1u << (cp & 7)))) {
			seen[cp >> 3] |= (uint8_t)(1u << (cp & 7));
			first_use(ctx, cp);
		}
		d += put_byte(d, cp >> 8);
		d += put_byte(d, cp & 0xFF);
	}
	memcpy(d, kerned ? ")]TJ\n" : ")Tj\n", kerned ? 5 : 4);
	d += kerned ? 5 : 4;
	o->len = (size_t)(d - o->buf);
}

/* One deflate state for every page: zlib's state is some 270 KB, and a fresh one per
 * page (compress2) costs an mmap, a munmap and the kernel zeroing those pages again,
 * 261 times in the large benchmark document. */
int pdf_zip_run(pdf_zip *zp, const pdf_ops *in, int level, const unsigned char **out,
                size_t *out_len)
{
	if (!zp->ready) {
		memset(&zp->z, 0, sizeof zp->z);
		if (deflateInit(&zp->z, level) != Z_OK)
			return -1;
		zp->ready = true;
	} else if (deflateReset(&zp->z) != Z_OK) {
		return -1;
	}
	size_t need = deflateBound(&zp->z, (uLong)in->len);
	if (need > zp->cap) {
		zp->out = xrealloc(zp->out, need);
		zp->cap = need;
	}
	zp->z.next_in = (Bytef *)in->buf;
	zp->z.avail_in = (uInt)in->len;
	zp->z.next_out = zp->out;
	zp->z.avail_out = (uInt)zp->cap;
	if (deflate(&zp->z, Z_FINISH) != Z_STREAM_END)
		return -1;   /* cannot happen with deflateBound's room */
	*out = zp->out;
	*out_len = zp->cap - zp->z.avail_out;
	return 0;
}

void pdf_zip_free(pdf_zip *zp)
{
	if (zp->ready)
		deflateEnd(&zp->z);
	free(zp->out);
	memset(zp, 0, sizeof *zp);
}

size_t pdf_utoa(char *buf, unsigned long long v)
{
	char tmp[24];
	size_t n = 0;
	do {
		tmp[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	for (size_t i = 0; i < n; i++)
		buf[i] = tmp[n - 1 - i];
	buf[n] = '\0';
	return n;
}

void pdf_ops_uint(pdf_ops *o, unsigned long long v)
{
	reserve(o, 24);
	o->len += pdf_utoa(o->buf + o->len, v);
}
