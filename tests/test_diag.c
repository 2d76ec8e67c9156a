/* SPDX-License-Identifier: Apache-2.0 */
/* test_diag.c - the diagnostic line: file names and messages with control characters
 * are escaped, so that a crafted name cannot forge a line (issue 11, item 23). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include "diag.h"
#include <stdlib.h>
#include <string.h>

static char *escaped(const char *s)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	diag_put_escaped(f, s);
	fclose(f);
	return buf;
}

static void expect(const char *in, const char *out)
{
	char *got = escaped(in);
	assert_string_equal(got, out);
	free(got);
}

static void controls_escaped(void **state)
{
	(void)state;
	expect("a\nb", "a\\nb");
	expect("a\rb\tc", "a\\rb\\tc");
	expect("\033[31mröd", "\\x1b[31mröd");
	expect("x\x7fy\x01z", "x\\x7fy\\x01z");
	expect("c1\xc2\x85\xc2\x9b", "c1\\u0085\\u009b");              /* NEL, CSI */
	expect("\xe2\x80\xa8ls\xe2\x80\xaertl", "\\u2028ls\\u202ertl");  /* separator, bidi */
	expect("latin1 \xe5", "latin1 \\xe5");                       /* no UTF-8 */
	expect("\xc0\xaf", "\\xc0\\xaf");                             /* overlong */
}

static void text_kept(void **state)
{
	(void)state;
	expect("rapport/Sjöviks årsredovisning 2024 – del 1.xml", "rapport/Sjöviks årsredovisning 2024 – del 1.xml");
	expect("^(KS) \\d{4}$", "^(KS) \\d{4}$");   /* a backslash is no control character */
	expect("", "");
	expect(NULL, "");
}

static void one_line_per_diagnostic(void **state)
{
	(void)state;
	diag_sink s;
	diag_init(&s);
	diag_add(&s, D_FILE_READ, "x\nrapport.xml:1: fel: [FEJK] falsk", 0, "kan inte läsas: %s", "a\nb");
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	diag_print(&s, f);
	fclose(f);
	assert_string_equal(buf, "x\\nrapport.xml:1: fel: [FEJK] falsk:0: fel: [FIL-LASA] kan inte läsas: a\\nb\n");
	free(buf);
	diag_free(&s);
}

/* issue 16: the character warnings found again against a layout's fonts replace the
 * first ones: diag_remove takes out one code and keeps the counts right */
static void remove_one_code(void **state)
{
	(void)state;
	diag_sink d;
	diag_init(&d);
	diag_add(&d, D_CHAR_FONT, "a.xml", 3, "ett");
	diag_add(&d, D_TABLE_BREAK, "a.xml", 8, "tabell");
	diag_add(&d, D_CHAR_FONT, "a.xml", 9, "två");
	assert_int_equal(d.warnings, 3);
	diag_remove(&d, D_CHAR_FONT);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.warnings, 1);
	assert_int_equal(d.items[0].code, D_TABLE_BREAK);
	assert_int_equal(d.items[0].line, 8);
	diag_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(controls_escaped),
		cmocka_unit_test(text_kept),
		cmocka_unit_test(one_line_per_diagnostic),
		cmocka_unit_test(remove_one_code),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
