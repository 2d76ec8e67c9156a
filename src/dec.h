/* SPDX-License-Identifier: Apache-2.0 */
/* dec.h - exact decimal arithmetic: every number of the model is an integer count of
 * millionths (MODEL.md: at most 6 decimals, |x| < 10^12), held in 128 bits so that
 * sums and cross-products never overflow. Thresholds are compared without dividing. */
#ifndef SR_DEC_H
#define SR_DEC_H
#include <stdbool.h>
#include <stddef.h>

#ifndef __SIZEOF_INT128__
#error "styrrapport needs a compiler with 128-bit integers (a 64-bit platform, docs/platforms.md)"
#endif

__extension__ typedef __int128 dec;   /* value * 10^6 */
#define DEC_SCALE ((dec)1000000)
#define DEC_ONE DEC_SCALE
#define DEC_FROM_INT(n) ((dec)(n) * DEC_SCALE)

enum dec_parse {
	DEC_OK,
	DEC_SYNTAX,     /* not an xs:decimal ("88,7", "1e3", "NaN", "") */
	DEC_DECIMALS,   /* more than 6 decimals */
	DEC_RANGE       /* |x| >= 10^12 */
};

/* Parses the xs:decimal lexical form (optional sign, digits, optional fraction;
 * surrounding XML white space allowed) into *out. */
enum dec_parse dec_parse(const char *s, dec *out);

/* Writes x exactly, with a dot and no trailing zeros ("-6.4", "408", "0.5"). buf >= 48. */
char *dec_format(dec x, char *buf, size_t n);

/* Writes the quotient num/den: exact when it has at most 6 decimals, else rounded half
 * away from zero to exactly 6 decimals ("68.741830"). den != 0. buf >= 64. */
char *dec_format_ratio(dec num, dec den, char *buf, size_t n);

/* Sign of a*b - c*d, computed exactly in 256 bits: -1, 0 or 1. */
int dec_cmp_products(dec a, dec b, dec c, dec d);

/* a*b/DEC_SCALE rounded half away from zero (for display-only products). */
dec dec_mul(dec a, dec b);
/* num/den scaled, rounded half away from zero (display only; statuses never divide). */
dec dec_div(dec num, dec den);
/* Rounds x to `decimals` (0..6) places, half away from zero. */
dec dec_round(dec x, int decimals);
dec dec_abs(dec x);
/* Nearest double, for drawing charts only. */
double dec_to_double(dec x);
#endif
