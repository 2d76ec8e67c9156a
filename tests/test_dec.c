/* SPDX-License-Identifier: Apache-2.0 */
/* test_dec.c - exact decimal parsing, printing and comparison. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include "dec.h"

static void parse_accepts_xs_decimal(void **state)
{
	(void)state;
	dec v;
	assert_int_equal(dec_parse("78.5", &v), DEC_OK);
	assert_true(v == (dec)78500000);
	assert_int_equal(dec_parse(" -0.000001 ", &v), DEC_OK);
	assert_true(v == -1);
	assert_int_equal(dec_parse("+.5", &v), DEC_OK);
	assert_true(v == 500000);
	assert_int_equal(dec_parse("5.", &v), DEC_OK);
	assert_int_equal(dec_parse("1.1000000", &v), DEC_OK);   /* trailing zeros are fine */
}

static void parse_refuses_others(void **state)
{
	(void)state;
	dec v;
	assert_int_equal(dec_parse("88,7", &v), DEC_SYNTAX);
	assert_int_equal(dec_parse("1e308", &v), DEC_SYNTAX);
	assert_int_equal(dec_parse("NaN", &v), DEC_SYNTAX);
	assert_int_equal(dec_parse("", &v), DEC_SYNTAX);
	assert_int_equal(dec_parse(".", &v), DEC_SYNTAX);
	assert_int_equal(dec_parse("0.1234567", &v), DEC_DECIMALS);
	assert_int_equal(dec_parse("1000000000000", &v), DEC_RANGE);
	assert_int_equal(dec_parse("999999999999.999999", &v), DEC_OK);
}

static void formats_exactly(void **state)
{
	(void)state;
	char b[64];
	assert_string_equal(dec_format(-6400000, b, sizeof b), "-6.4");
	assert_string_equal(dec_format(DEC_FROM_INT(408), b, sizeof b), "408");
	assert_string_equal(dec_format(0, b, sizeof b), "0");
	assert_string_equal(dec_format_ratio(3500000, 6500000, b, sizeof b), "0.538462");
	assert_string_equal(dec_format_ratio(DEC_FROM_INT(-160), DEC_FROM_INT(12), b, sizeof b), "-13.333333");
	assert_string_equal(dec_format_ratio(DEC_FROM_INT(69), DEC_FROM_INT(1), b, sizeof b), "69");
	assert_string_equal(dec_format_ratio(1250000, DEC_FROM_INT(1), b, sizeof b), "1.25");
	assert_string_equal(dec_format_ratio(DEC_FROM_INT(42070), DEC_FROM_INT(612), b, sizeof b), "68.741830");
	assert_string_equal(dec_format_ratio(-1, DEC_FROM_INT(10), b, sizeof b), "0");
	assert_string_equal(dec_format_ratio(DEC_FROM_INT(2), DEC_FROM_INT(3), b, sizeof b), "0.666667");
}

static void compares_products_without_overflow(void **state)
{
	(void)state;
	dec big = DEC_FROM_INT(999999999999) * 1000;   /* beyond 10^36 products */
	assert_int_equal(dec_cmp_products(big, big, big, big - 1), 1);
	assert_int_equal(dec_cmp_products(-big, big, big, -big), 0);
	assert_int_equal(dec_cmp_products(3500000, DEC_ONE, 500000, 7000000), 0);  /* p == 0.5 exactly */
	assert_int_equal(dec_cmp_products(-2, 3, 1, 1), -1);
}

static void rounds_half_away_from_zero(void **state)
{
	(void)state;
	assert_true(dec_round(1250000, 1) == 1300000);
	assert_true(dec_round(-1250000, 1) == -1300000);
	assert_true(dec_round(1249999, 1) == 1200000);
	assert_true(dec_div(DEC_FROM_INT(2), DEC_FROM_INT(3)) == 666667);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parse_accepts_xs_decimal),
		cmocka_unit_test(parse_refuses_others),
		cmocka_unit_test(formats_exactly),
		cmocka_unit_test(compares_products_without_overflow),
		cmocka_unit_test(rounds_half_away_from_zero),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
