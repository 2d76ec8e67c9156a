/* SPDX-License-Identifier: Apache-2.0 */
/* test_fmt.c - Swedish numbers, percentages, ratios and dates. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include "fmt.h"

#define NB FMT_NBSP
#define MINUS FMT_MINUS

static dec d(const char *s)
{
	dec v = 0;
	assert_int_equal(dec_parse(s, &v), DEC_OK);
	return v;
}

static void groups_digits_with_nbsp(void **state)
{
	(void)state;
	char b[FMT_BUF];
	assert_string_equal(fmt_number(d("1341.5"), 1, b, sizeof b), "1" NB "341,5");
	assert_string_equal(fmt_number(d("999"), 0, b, sizeof b), "999");
	assert_string_equal(fmt_number(d("1000"), 0, b, sizeof b), "1" NB "000");
	assert_string_equal(fmt_number(d("999999999999"), 0, b, sizeof b),
	                    "999" NB "999" NB "999" NB "999");
	assert_string_equal(fmt_number(d("1234567.891"), 2, b, sizeof b), "1" NB "234" NB "567,89");
	/* decimals are never grouped */
	assert_string_equal(fmt_number(d("0.123456"), 6, b, sizeof b), "0,123456");
}

static void negative_uses_true_minus(void **state)
{
	(void)state;
	char b[FMT_BUF];
	assert_string_equal(fmt_number(d("-13"), 1, b, sizeof b), MINUS "13,0");
	assert_string_equal(fmt_number(d("-6.4"), 1, b, sizeof b), MINUS "6,4");
	assert_string_equal(fmt_number(d("-2310.9"), 1, b, sizeof b), MINUS "2" NB "310,9");
	assert_null(strchr(b, '-'));
}

static void rounds_half_away_from_zero(void **state)
{
	(void)state;
	char b[FMT_BUF];
	assert_string_equal(fmt_number(d("0.05"), 1, b, sizeof b), "0,1");
	assert_string_equal(fmt_number(d("0.049999"), 1, b, sizeof b), "0,0");
	assert_string_equal(fmt_number(d("-0.05"), 1, b, sizeof b), MINUS "0,1");
	assert_string_equal(fmt_number(d("2.5"), 0, b, sizeof b), "3");
	assert_string_equal(fmt_number(d("-2.5"), 0, b, sizeof b), MINUS "3");
	assert_string_equal(fmt_number(d("999.95"), 1, b, sizeof b), "1" NB "000,0");
	assert_string_equal(fmt_number(d("999999999999.999999"), 6, b, sizeof b),
	                    "999" NB "999" NB "999" NB "999,999999");
	assert_string_equal(fmt_number(d("999999999999.999999"), 0, b, sizeof b),
	                    "1" NB "000" NB "000" NB "000" NB "000");
}

static void rounding_to_zero_has_no_sign(void **state)
{
	(void)state;
	char b[FMT_BUF];
	assert_string_equal(fmt_number(d("-0.04"), 1, b, sizeof b), "0,0");
	assert_string_equal(fmt_number(d("-0.000001"), 0, b, sizeof b), "0");
	assert_string_equal(fmt_number(d("-0.000001"), 6, b, sizeof b), MINUS "0,000001");
	assert_string_equal(fmt_number(0, 2, b, sizeof b), "0,00");
}

static void truncates_small_buffers_safely(void **state)
{
	(void)state;
	char b[5];
	fmt_number(d("1341.5"), 1, b, sizeof b);
	assert_string_equal(b, "1" NB "3");
	char c[3];   /* room for "1" and half a no-break space: the half is dropped */
	fmt_number(d("1341.5"), 1, c, sizeof c);
	assert_string_equal(c, "1");
}

static void percent_and_quantities(void **state)
{
	(void)state;
	char b[FMT_BUF];
	assert_string_equal(fmt_percent(d("4.5"), 1, b, sizeof b), "4,5" NB "%");
	assert_string_equal(fmt_quantity(d("82"), 1, "%", b, sizeof b), "82,0" NB "%");
	assert_string_equal(fmt_quantity(d("88"), 0, "dagar", b, sizeof b), "88" NB "dagar");
	assert_string_equal(fmt_quantity(d("88"), 0, NULL, b, sizeof b), "88");
	assert_string_equal(fmt_quantity(d("88"), 0, "", b, sizeof b), "88");
}

static void ratios_round_once(void **state)
{
	(void)state;
	char b[FMT_BUF];
	/* -6.4 / 612 * 100 = -1.045751...% */
	ratio r = { d("-640"), d("612") };
	assert_string_equal(fmt_ratio_percent(r, 1, b, sizeof b), MINUS "1,0" NB "%");
	/* 0.0499995 must not become 0,1 through a 6-decimal intermediate (0.050000) */
	ratio q = { d("0.499995"), d("10") };
	assert_string_equal(fmt_ratio_number(q, 1, b, sizeof b), "0,0");
	assert_string_equal(fmt_ratio_number(q, 6, b, sizeof b), "0,050000");
	ratio third = { d("2"), d("3") };
	assert_string_equal(fmt_ratio_number(third, 2, b, sizeof b), "0,67");
	ratio neg_den = { d("2"), d("-3") };
	assert_string_equal(fmt_ratio_number(neg_den, 2, b, sizeof b), MINUS "0,67");
	ratio half = { d("-1"), d("2") };
	assert_string_equal(fmt_ratio_number(half, 0, b, sizeof b), MINUS "1");
	ratio tiny = { d("-1"), d("1000") };
	assert_string_equal(fmt_ratio_percent(tiny, 1, b, sizeof b), "0,0" NB "%");
	/* periodiserad budget 612 * 8 / 12 = 408 */
	ratio per = { d("4896"), d("12") };
	assert_string_equal(fmt_ratio_number(per, 1, b, sizeof b), "408,0");
	assert_true(fmt_ratio_round(per, 1) == d("408"));
}

static void counts_written_decimals(void **state)
{
	(void)state;
	assert_int_equal(fmt_decimals_of(d("82.0")), 0);
	assert_int_equal(fmt_decimals_of(d("78.5")), 1);
	assert_int_equal(fmt_decimals_of(d("-1.25")), 2);
	assert_int_equal(fmt_decimals_of(d("0.000001")), 6);
	assert_int_equal(fmt_decimals_of(0), 0);
}

static void dates_in_swedish(void **state)
{
	(void)state;
	char b[64];
	assert_string_equal(fmt_date("2024-10-28", b, sizeof b), "28 oktober 2024");
	assert_string_equal(fmt_date("2024-01-01", b, sizeof b), "1 januari 2024");
	assert_string_equal(fmt_date("2024-03-05", b, sizeof b), "5 mars 2024");
	assert_string_equal(fmt_date("2024-13-05", b, sizeof b), "2024-13-05");
	assert_string_equal(fmt_date("2024-1-05", b, sizeof b), "2024-1-05");
	assert_string_equal(fmt_month_name(12), "december");
	assert_string_equal(fmt_month_name(0), "");
	assert_string_equal(fmt_month_name(13), "");
}

static void periods_in_swedish(void **state)
{
	(void)state;
	char b[80];
	assert_string_equal(fmt_period("2024-01-01", "2024-08-31", b, sizeof b),
	                    "januari" FMT_NDASH "augusti 2024");
	assert_string_equal(fmt_period("2024-01-01", "2024-04-30", b, sizeof b),
	                    "januari" FMT_NDASH "april 2024");
	assert_string_equal(fmt_period("2024-05-01", "2024-05-31", b, sizeof b), "maj 2024");
	assert_string_equal(fmt_period("2023-12-01", "2024-03-31", b, sizeof b),
	                    "december 2023" FMT_NDASH "mars 2024");
	assert_string_equal(fmt_period_days("2024-01-01", "2024-08-31", b, sizeof b),
	                    "1 januari" FMT_NDASH "31 augusti 2024");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(groups_digits_with_nbsp),
		cmocka_unit_test(negative_uses_true_minus),
		cmocka_unit_test(rounds_half_away_from_zero),
		cmocka_unit_test(rounding_to_zero_has_no_sign),
		cmocka_unit_test(truncates_small_buffers_safely),
		cmocka_unit_test(percent_and_quantities),
		cmocka_unit_test(ratios_round_once),
		cmocka_unit_test(counts_written_decimals),
		cmocka_unit_test(dates_in_swedish),
		cmocka_unit_test(periods_in_swedish),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
