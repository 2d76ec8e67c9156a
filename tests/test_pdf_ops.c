/* SPDX-License-Identifier: Apache-2.0 */
/* test_pdf_ops.c - the content-stream bytes: numbers in exact thousandths, colours,
 * text as UTF-16BE literal strings with the right escapes, glyph use reported once,
 * and the deflate that the page gets. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>
#include "pdf_private.h"

/* The bytes built so far, as a string (they hold no NUL unless text was added). */
static const char *str(pdf_ops *o)
{
	pdf_ops_raw(o, "");
	o->buf = xrealloc(o->buf, o->len + 1);
	o->cap = o->len + 1;
	o->buf[o->len] = '\0';
	return o->buf;
}

static void numbers_are_exact_thousandths(void **state)
{
	(void)state;
	pdf_ops o = {0};
	pdf_ops_num(&o, 64);
	pdf_ops_num(&o, 739.98602);      /* rounds to the nearest thousandth */
	pdf_ops_num(&o, -0.0004);        /* rounds to zero: no "-0" */
	pdf_ops_num(&o, -0.004);
	pdf_ops_num(&o, 12.5);
	pdf_ops_num(&o, 0.1 + 0.2);      /* binary noise gone */
	pdf_ops_num(&o, 1e300);          /* no coordinate at all: 0, not garbage */
	assert_string_equal(str(&o), "64 739.986 0 -0.004 12.5 0.3 0");
	pdf_ops_free(&o);
	assert_int_equal(pdf_ops_milli(-1.25), -1250);
}

static void separators_follow_the_line(void **state)
{
	(void)state;
	pdf_ops o = {0};
	pdf_ops_num(&o, 1);              /* a line's first number has no space */
	pdf_ops_raw(&o, " w\n[");
	pdf_ops_num(&o, 3);              /* nor an array's */
	pdf_ops_num(&o, 3);
	pdf_ops_raw(&o, "] 0 d\n");
	assert_string_equal(str(&o), "1 w\n[3 3] 0 d\n");
	pdf_ops_free(&o);
}

static void colours_are_fractions(void **state)
{
	(void)state;
	pdf_ops o = {0};
	pdf_ops_rgb(&o, (lay_rgb){0x7a, 0x1f, 0x5c}, " rg\n");
	pdf_ops_rgb(&o, (lay_rgb){255, 0, 128}, " RG\n");
	assert_string_equal(str(&o), "0.478 0.122 0.361 rg\n1 0 0.502 RG\n");
	pdf_ops_free(&o);
}

typedef struct uses {
	unsigned cp[16];
	size_t n;
} uses;

static void record(void *ctx, unsigned cp)
{
	uses *u = ctx;
	if (u->n < 16)
		u->cp[u->n++] = cp;
}

static void text_is_utf16_with_escapes(void **state)
{
	(void)state;
	static uint8_t seen[65536 / 8];
	memset(seen, 0, sizeof seen);
	uses u = {0};
	pdf_ops o = {0};
	/* å, "(", "\", Ĩ (01 28), č (01 0D), Ċ (01 0A), an emoji and a tab (both spaces) */
	const char *s = "\xc3\xa5(\\\xc4\xa8\xc4\x8d\xc4\x8a\xf0\x9f\x98\x80\t";
	pdf_ops_text(&o, s, strlen(s), seen, record, &u);
	static const char want[] = "(\0\xe5\0\\(\0\\\\\1\\(\1\\r\1\\n\0 \0 )Tj\n";
	assert_int_equal(o.len, sizeof want - 1);
	assert_memory_equal(o.buf, want, sizeof want - 1);
	/* each code point reported once, the space once for both */
	assert_int_equal(u.n, 7);
	assert_int_equal(u.cp[0], 0xE5);
	assert_int_equal(u.cp[6], ' ');
	pdf_ops_text(&o, "\xc3\xa5 ", 3, seen, record, &u);
	assert_int_equal(u.n, 7);        /* nothing new the second time */
	pdf_ops_free(&o);
}

static void malformed_utf8_becomes_spaces(void **state)
{
	(void)state;
	static uint8_t seen[65536 / 8];
	uses u = {0};
	pdf_ops o = {0};
	/* a stray continuation byte, an over-long NUL, a surrogate, a cut sequence */
	const char s[] = "a\x80\xc0\x80\xed\xa0\x80\xc3";
	pdf_ops_text(&o, s, sizeof s - 1, seen, record, &u);
	static const char want[] = "(\0a\0 \0 \0 \0 )Tj\n";
	assert_int_equal(o.len, sizeof want - 1);
	assert_memory_equal(o.buf, want, sizeof want - 1);
	pdf_ops_free(&o);
}

static void pages_deflate_and_inflate_back(void **state)
{
	(void)state;
	pdf_zip zp = {0};
	for (int round = 0; round < 3; round++) {   /* one state, reused */
		pdf_ops o = {0};
		for (int i = 0; i < 2000 + round; i++) {
			pdf_ops_num(&o, i * 0.5);
			pdf_ops_raw(&o, " 0 m\n");
		}
		const unsigned char *z;
		size_t n;
		assert_int_equal(pdf_zip_run(&zp, &o, 1, &z, &n), 0);
		assert_true(n > 0 && n < o.len);
		unsigned char *back = malloc(o.len);
		uLongf back_len = (uLongf)o.len;
		assert_int_equal(uncompress(back, &back_len, z, (uLong)n), Z_OK);
		assert_int_equal(back_len, o.len);
		assert_memory_equal(back, o.buf, o.len);
		free(back);
		pdf_ops_free(&o);
	}
	pdf_zip_free(&zp);
}

static void ignore_glyph(void *ctx, unsigned cp)
{
	(void)ctx;
	(void)cp;
}

/* What a viewer advances for the TJ/Tj bytes in o: the font's widths of the codes minus
 * the TJ numbers, in 1/1000 em. */
static long drawn_advance(const font_set *fs, int face, const pdf_ops *o)
{
	long sum = 0;
	bool in = false;
	int hi = -1;
	for (size_t i = 0; i < o->len; i++) {
		unsigned char c = (unsigned char)o->buf[i];
		if (!in) {
			if (c == '(') {
				in = true;
			} else if (c == '-' || (c >= '0' && c <= '9')) {
				long v = strtol(o->buf + i, NULL, 10);
				sum -= v;
				while (i + 1 < o->len && (o->buf[i + 1] == '-' || (o->buf[i + 1] >= '0' && o->buf[i + 1] <= '9')))
					i++;
			}
			continue;
		}
		if (c == ')') {
			in = false;
			continue;
		}
		if (c == '\\') {
			c = (unsigned char)o->buf[++i];
			c = c == 'n' ? '\n' : c == 'r' ? '\r' : c;
		}
		if (hi < 0) {
			hi = c;
		} else {
			sum += font_advance(fs, face, (unsigned)hi << 8 | c);
			hi = -1;
		}
	}
	return sum;
}

/* issue 16: the kerned width the layout measures is exactly what the TJ draws */
static void kerned_width_is_drawn_advance(void **state)
{
	(void)state;
	font_files ff = font_files_default(SR_SOURCE_DIR "/fonts");
	char why[512];
	font_set *fs = font_set_new(&ff, why, sizeof why);
	assert_non_null(fs);
	static const char *const s[] = { "AV", "Trafik, Teknik och AV-utrustning", "Tr(e)\\V",
	                                 "Yo Vå To Wa", "Räddningstjänststationsombyggnaden", "T" };
	font_glyph *g = NULL;
	size_t cap = 0;
	for (enum lay_font f = 0; f < LF_MAX; f++)
		for (size_t i = 0; i < sizeof s / sizeof *s; i++) {
			pdf_ops o = {0};
			uint8_t seen[65536 / 8] = {0};
			size_t n = font_shape(fs, f, s[i], strlen(s[i]), &g, &cap);
			pdf_ops_glyphs(&o, g, n, seen, ignore_glyph, NULL);
			assert_int_equal(drawn_advance(fs, f, &o), font_width(fs, f, s[i], strlen(s[i])));
			pdf_ops_free(&o);
		}
	/* right-to-left text (font_bidi.c): glyphs in visual order, Arabic joining forms from
	 * the fallback, the spaces from the style's font: drawn face by face as pdf_draw.c
	 * does, the advances add up to the measured width */
	static const char *const rtl[] = {
		"Tolken \xD7\x93\xD7\x95\xD7\x93 12 \xD7\x9B\xD7\x94\xD7\x9F (\xD7\xA9).",
		"\xD9\x85\xD8\xAD\xD9\x85\xD8\xAF \xD8\xB3\xD9\x84\xD8\xA7\xD9\x85 och",
	};
	for (enum lay_font f = 0; f < LF_MAX; f++)
		for (size_t i = 0; i < sizeof rtl / sizeof *rtl; i++) {
			size_t n = font_shape(fs, f, rtl[i], strlen(rtl[i]), &g, &cap);
			long sum = 0;
			for (size_t a = 0, b; a < n; a = b) {
				for (b = a + 1; b < n && g[b].face == g[a].face; b++)
					;
				pdf_ops o = {0};
				uint8_t seen[65536 / 8] = {0};
				pdf_ops_glyphs(&o, g + a, b - a, seen, ignore_glyph, NULL);
				sum += drawn_advance(fs, g[a].face, &o);
				pdf_ops_free(&o);
			}
			assert_int_equal(sum, font_width(fs, f, rtl[i], strlen(rtl[i])));
		}
	/* "AV" kerns: a TJ array with the number between the two codes */
	pdf_ops o = {0};
	uint8_t seen[65536 / 8] = {0};
	size_t n = font_shape(fs, LF_BOLD, "AV", 2, &g, &cap);
	pdf_ops_glyphs(&o, g, n, seen, ignore_glyph, NULL);
	pdf_ops_raw(&o, "");
	assert_true(g[1].kern < 0);
	assert_memory_equal(o.buf, "[(", 2);
	assert_memory_equal(o.buf + o.len - 4, "]TJ\n", 4);
	pdf_ops_free(&o);
	free(g);
	font_set_free(fs);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(numbers_are_exact_thousandths),
		cmocka_unit_test(separators_follow_the_line),
		cmocka_unit_test(colours_are_fractions),
		cmocka_unit_test(text_is_utf16_with_escapes),
		cmocka_unit_test(malformed_utf8_becomes_spaces),
		cmocka_unit_test(pages_deflate_and_inflate_back),
		cmocka_unit_test(kerned_width_is_drawn_advance),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
