/* SPDX-License-Identifier: Apache-2.0 */
/* dec.c - parsing, printing and exact comparison of scaled decimals. */
#include "dec.h"
#include <stdint.h>
#include <stdio.h>
#include <string.h>

__extension__ typedef unsigned __int128 udec;

static bool is_xml_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

enum dec_parse dec_parse(const char *s, dec *out)
{
	*out = 0;
	if (!s)
		return DEC_SYNTAX;
	while (is_xml_space(*s))
		s++;
	bool neg = false;
	if (*s == '+' || *s == '-')
		neg = *s++ == '-';
	udec ip = 0, fp = 0;
	int idigits = 0, fdigits = 0;
	bool too_big = false, excess = false;
	for (; *s >= '0' && *s <= '9'; s++, idigits++) {
		ip = ip * 10 + (udec)(*s - '0');
		if (ip >= 1000000000000ULL)
			too_big = true, ip = 1000000000000ULL;
	}
	if (*s == '.') {
		for (s++; *s >= '0' && *s <= '9'; s++, fdigits++)
			if (fdigits < 6)
				fp = fp * 10 + (udec)(*s - '0');
			else if (*s != '0')
				excess = true;
	}
	while (is_xml_space(*s))
		s++;
	if (*s || idigits + fdigits == 0)
		return DEC_SYNTAX;
	if (excess)
		return DEC_DECIMALS;
	if (fdigits > 6)
		fdigits = 6;
	if (too_big)
		return DEC_RANGE;
	for (int i = fdigits; i < 6; i++)
		fp *= 10;
	dec v = (dec)(ip * (udec)DEC_SCALE + fp);
	*out = neg ? -v : v;
	return DEC_OK;
}

/* Writes the unsigned integer u in decimal, returns a pointer into buf's end. */
static char *utoa128(udec u, char *end)
{
	*--end = '\0';
	do {
		*--end = (char)('0' + (int)(u % 10));
		u /= 10;
	} while (u);
	return end;
}

dec dec_abs(dec x)
{
	return x < 0 ? -x : x;
}

char *dec_format(dec x, char *buf, size_t n)
{
	udec a = (udec)dec_abs(x);
	char ibuf[48], fbuf[8];
	char *ip = utoa128(a / (udec)DEC_SCALE, ibuf + sizeof ibuf);
	snprintf(fbuf, sizeof fbuf, "%06u", (unsigned)(a % (udec)DEC_SCALE));
	for (int i = 5; i >= 0 && fbuf[i] == '0'; i--)
		fbuf[i] = '\0';
	snprintf(buf, n, "%s%s%s%s", x < 0 ? "-" : "", ip, fbuf[0] ? "." : "", fbuf);
	return buf;
}

/* q and the seven fraction digits of a / b (b > 0), in 64-bit arithmetic when the
 * numbers allow it (nearly always): a 128-bit division is a libgcc call. */
static void divide_7(udec a, udec b, udec *q, udec *f, bool *rest)
{
	const udec small = (udec)1 << 59;   /* r * 10 stays below 2^63 */
	if (a < small && b < small) {
		uint64_t a64 = (uint64_t)a, b64 = (uint64_t)b, r = a64 % b64, f64 = 0;
		*q = a64 / b64;
		for (int i = 0; i < 7; i++) {
			r *= 10;
			f64 = f64 * 10 + r / b64;
			r %= b64;
		}
		*f = f64;
		*rest = r != 0;
		return;
	}
	udec r = a % b, acc = 0;
	*q = a / b;
	for (int i = 0; i < 7; i++) {
		r *= 10;
		acc = acc * 10 + r / b;
		r %= b;
	}
	*f = acc;
	*rest = r != 0;
}

char *dec_format_ratio(dec num, dec den, char *buf, size_t n)
{
	bool neg = (num < 0) != (den < 0) && num != 0;
	udec a = (udec)dec_abs(num), b = (udec)dec_abs(den);
	/* Fraction digits: seven, the seventh only to round the sixth. */
	udec q, f;
	bool rest;
	divide_7(a, b, &q, &f, &rest);
	bool exact = !rest && f % 10 == 0;
	unsigned frac6 = (unsigned)(f / 10 + (f % 10 >= 5 ? 1 : 0));
	if (frac6 >= 1000000)
		q += 1, frac6 -= 1000000;
	char ibuf[48], fbuf[8];
	char *ip = utoa128(q, ibuf + sizeof ibuf);
	for (int i = 5; i >= 0; i--, frac6 /= 10)
		fbuf[i] = (char)('0' + frac6 % 10);
	fbuf[6] = '\0';
	if (exact || (q == 0 && !strcmp(fbuf, "000000")))
		for (int i = 5; i >= 0 && fbuf[i] == '0'; i--)
			fbuf[i] = '\0';
	if (q == 0 && !fbuf[0])
		neg = false;
	snprintf(buf, n, "%s%s%s%s", neg ? "-" : "", ip, fbuf[0] ? "." : "", fbuf);
	return buf;
}

/* 256-bit unsigned product of two 128-bit magnitudes, as hi:lo. */
static void mul_256(udec a, udec b, udec *hi, udec *lo)
{
	const udec mask = ((udec)1 << 64) - 1;
	udec a0 = a & mask, a1 = a >> 64, b0 = b & mask, b1 = b >> 64;
	udec p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
	udec mid = (p00 >> 64) + (p01 & mask) + (p10 & mask);
	*lo = (p00 & mask) | (mid << 64);
	*hi = p11 + (p01 >> 64) + (p10 >> 64) + (mid >> 64);
}

/* Compares signed products given as sign and 256-bit magnitude. */
static int cmp_signed(int sa, udec ha, udec la, int sb, udec hb, udec lb)
{
	if (sa != sb)
		return sa < sb ? -1 : 1;
	int m = ha != hb ? (ha < hb ? -1 : 1) : la != lb ? (la < lb ? -1 : 1) : 0;
	return sa >= 0 ? m : -m;
}

static int sign_of_product(dec a, dec b)
{
	if (a == 0 || b == 0)
		return 0;
	return (a < 0) == (b < 0) ? 1 : -1;
}

int dec_cmp_products(dec a, dec b, dec c, dec d)
{
	udec h1, l1, h2, l2;
	mul_256((udec)dec_abs(a), (udec)dec_abs(b), &h1, &l1);
	mul_256((udec)dec_abs(c), (udec)dec_abs(d), &h2, &l2);
	return cmp_signed(sign_of_product(a, b), h1, l1, sign_of_product(c, d), h2, l2);
}

/* num/den rounded half away from zero. */
static dec div_round(dec num, dec den)
{
	bool neg = (num < 0) != (den < 0);
	udec a = (udec)dec_abs(num), b = (udec)dec_abs(den);
	udec q = a / b, r = a % b;
	if (r * 2 >= b)
		q++;
	return neg ? -(dec)q : (dec)q;
}

dec dec_mul(dec a, dec b)
{
	return div_round(a * b, DEC_SCALE);
}

dec dec_div(dec num, dec den)
{
	return div_round(num * DEC_SCALE, den);
}

dec dec_round(dec x, int decimals)
{
	dec unit = 1;
	for (int i = decimals; i < 6; i++)
		unit *= 10;
	return div_round(x, unit) * unit;
}

double dec_to_double(dec x)
{
	return (double)x / 1e6;
}
