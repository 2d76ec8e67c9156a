/* SPDX-License-Identifier: Apache-2.0 */
/* test_font_ttf.c - the width tables read from the font files give exactly libharu's
 * HPDF_Font_TextWidth, for every BMP character and for Swedish and Sami strings. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "pdf_private.h"

#define FONTS SR_SOURCE_DIR "/fonts"

static const char *const file[LF_MAX] = {"OpenSans-Regular.ttf", "OpenSans-Bold.ttf",
                                         "OpenSans-Italic.ttf"};

typedef struct fixture {
	HPDF_Doc doc;
	HPDF_Font font[LF_MAX];
	font_ttf *ttf[LF_MAX];
} fixture;

static int setup(void **state)
{
	fixture *fx = calloc(1, sizeof *fx);
	fx->doc = HPDF_New(NULL, NULL);
	if (!fx->doc || HPDF_UseUTFEncodings(fx->doc) != HPDF_OK)
		return -1;
	for (int f = 0; f < LF_MAX; f++) {
		char path[512];
		snprintf(path, sizeof path, "%s/%s", FONTS, file[f]);
		const char *name = HPDF_LoadTTFontFromFile(fx->doc, path, HPDF_TRUE);
		fx->font[f] = name ? HPDF_GetFont(fx->doc, name, "UTF-8") : NULL;
		fx->ttf[f] = malloc(sizeof *fx->ttf[f]);
		if (!fx->font[f] || font_ttf_load(path, fx->ttf[f]) != 0)
			return -1;
	}
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	fixture *fx = *state;
	for (int f = 0; f < LF_MAX; f++)
		free(fx->ttf[f]);
	HPDF_Free(fx->doc);
	free(fx);
	return 0;
}

static unsigned long haru(HPDF_Font font, const char *s, size_t len)
{
	return HPDF_Font_TextWidth(font, (const HPDF_BYTE *)s, (HPDF_UINT)len).width;
}

static size_t utf8(unsigned c, char *out)
{
	if (c < 0x80) {
		out[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		out[0] = (char)(0xC0 | c >> 6);
		out[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	out[0] = (char)(0xE0 | c >> 12);
	out[1] = (char)(0x80 | (c >> 6 & 0x3F));
	out[2] = (char)(0x80 | (c & 0x3F));
	return 3;
}

/* Every character of the BMP but the controls and surrogates, one at a time. */
static void every_bmp_character_matches(void **state)
{
	fixture *fx = *state;
	for (int f = 0; f < LF_MAX; f++) {
		size_t differ = 0, nonzero = 0;
		for (unsigned c = 0x20; c <= 0xFFFF; c++) {
			if (c == 0x7F || (c >= 0xD800 && c <= 0xDFFF))
				continue;
			char s[4];
			size_t n = utf8(c, s);
			unsigned long want = haru(fx->font[f], s, n), got = font_ttf_width(fx->ttf[f], s, n);
			if (want != got && differ++ < 5)
				print_error("font %d U+%04X: libharu %lu, table %lu\n", f, c, want, got);
			nonzero += got > 0;
		}
		assert_int_equal(differ, 0);
		assert_true(nonzero > 60000);   /* not a table of zeros that matches zeros */
	}
}

static void swedish_and_sami_strings_match(void **state)
{
	fixture *fx = *state;
	static const char *const s[] = {
		"Yxmördaren Julia Blomqvist på fäktning i Schweiz", "ÅÄÖ åäö Café Müller",
		"Sámi: á č đ ŋ š ŧ ž Á Č Đ Ŋ Š Ŧ Ž", ("1\xC2\xA0" "341,5 \xE2\x88\x92" "13,0"),   /* () : one string, split after \x escapes */
		"januari–augusti «citat» § 123 68,7 %", "Måluppfyllelse för Nämndmål",
		("Ekonomi\xC2\xAD" "styrning"), "Storsjövikens kommun: Årsredovisning 2024",
	};
	for (int f = 0; f < LF_MAX; f++)
		for (size_t i = 0; i < sizeof s / sizeof s[0]; i++) {
			unsigned long want = haru(fx->font[f], s[i], strlen(s[i]));
			assert_true(want > 0);
			assert_int_equal(font_ttf_width(fx->ttf[f], s[i], strlen(s[i])), want);
			/* a prefix that ends inside a character: libharu counts it whole, or not */
			assert_int_equal(font_ttf_width(fx->ttf[f], s[i], 5), haru(fx->font[f], s[i], 5));
		}
}

static void ascent_and_descent_match(void **state)
{
	fixture *fx = *state;
	for (int f = 0; f < LF_MAX; f++) {
		assert_int_equal(fx->ttf[f]->ascent, HPDF_Font_GetAscent(fx->font[f]));
		assert_int_equal(fx->ttf[f]->descent, HPDF_Font_GetDescent(fx->font[f]));
	}
}

static void bad_files_are_refused(void **state)
{
	(void)state;
	font_ttf *t = malloc(sizeof *t);
	assert_int_equal(font_ttf_load(FONTS "/finns-inte.ttf", t), -1);
	assert_int_equal(font_ttf_load(FONTS "/README.md", t), -1);
	assert_int_equal(font_ttf_load(SR_SOURCE_DIR "/tests/data/pdf/logo.png", t), -1);
	free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_bmp_character_matches),
		cmocka_unit_test(swedish_and_sami_strings_match),
		cmocka_unit_test(ascent_and_descent_match),
		cmocka_unit_test(bad_files_are_refused),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
