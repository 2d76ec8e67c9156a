/* SPDX-License-Identifier: Apache-2.0 */
/* fmt.h - Swedish presentation of numbers, percentages and dates for the PDF:
 * digit groups split by a no-break space, decimal comma, a true minus sign, month names.
 * Pure functions over caller buffers; no allocation, no layout, no computation. */
#ifndef SR_FMT_H
#define SR_FMT_H
#include "calc.h"
#include "dec.h"
#include <stddef.h>

#define FMT_NBSP "\xc2\xa0"       /* U+00A0 no-break space */
#define FMT_MINUS "\xe2\x88\x92"  /* U+2212 minus sign */
#define FMT_NDASH "\xe2\x80\x93"  /* U+2013 en dash */
#define FMT_BUF 80                /* enough for any value below 10^12 with 6 decimals */

/* x rounded half away from zero to decimals (0..6): "1 341,5", "−13,0", "0,1".
 * A value that rounds to zero has no sign. Returns buf; truncates safely if n is small. */
char *fmt_number(dec x, int decimals, char *buf, size_t n);
/* fmt_number followed by a no-break space and "%": "4,5 %". */
char *fmt_percent(dec x, int decimals, char *buf, size_t n);
/* The exact quotient r.num / r.den, rounded once (no double rounding), then formatted
 * as fmt_number / fmt_percent. r.den != 0. */
char *fmt_ratio_number(ratio r, int decimals, char *buf, size_t n);
char *fmt_ratio_percent(ratio r, int decimals, char *buf, size_t n);
/* The quotient rounded half away from zero to decimals, as a dec (display only). */
dec fmt_ratio_round(ratio r, int decimals);
/* Number of decimals needed to write x exactly (0..6): 82.0 -> 0, 78.5 -> 1. */
int fmt_decimals_of(dec x);
/* fmt_number plus a unit: "82,0 %", "88 dagar"; unit NULL or "" gives the bare number. */
char *fmt_quantity(dec x, int decimals, const char *unit, char *buf, size_t n);

/* Swedish month name, 1..12 ("januari"); "" out of range. */
const char *fmt_month_name(int month);
/* "2024-10-28" -> "28 oktober 2024". A malformed date is copied as written. */
char *fmt_date(const char *iso, char *buf, size_t n);
/* Months of a period: ("2024-01-01", "2024-08-31") -> "januari–augusti 2024";
 * one month gives "januari 2024"; different years give "december 2023–mars 2024". */
char *fmt_period(const char *fran, const char *till, char *buf, size_t n);
/* Days of a period: "1 januari–31 augusti 2024". */
char *fmt_period_days(const char *fran, const char *till, char *buf, size_t n);
#endif
