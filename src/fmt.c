/* SPDX-License-Identifier: Apache-2.0 */
/* fmt.c - Swedish number, percentage and date formatting (see fmt.h). */
#include "fmt.h"
#include <stdio.h>
#include <string.h>

static const char *const month_names[13] = {
	"", "januari", "februari", "mars", "april", "maj", "juni", "juli",
	"augusti", "september", "oktober", "november", "december",
};

/* Appends s to buf (capacity n, length *len), truncating at a character boundary but
 * always terminating. */
static void put(char *buf, size_t n, size_t *len, const char *s)
{
	size_t k = strlen(s);
	if (n == 0 || *len >= n)
		return;   /* already truncated: nothing more may follow */
	if (*len + k >= n) {
		k = n - 1 - *len;
		while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
			k--;   /* never cut a UTF-8 sequence in half */
		buf[*len + k] = '\0';
		*len = n;
		return;
	}
	memcpy(buf + *len, s, k);
	*len += k;
	buf[*len] = '\0';
}

static dec pow10_dec(int k)
{
	dec p = 1;
	while (k-- > 0)
		p *= 10;
	return p;
}

/* Writes the digits of v >= 0 with a no-break space between groups of three. */
static void put_grouped(char *buf, size_t n, size_t *len, dec v)
{
	char digits[48];
	int nd = 0;
	do {
		digits[nd++] = (char)('0' + (int)(v % 10));
		v /= 10;
	} while (v > 0 && nd < (int)sizeof digits);
	for (int i = nd - 1; i >= 0; i--) {
		char one[2] = { digits[i], '\0' };
		put(buf, n, len, one);
		if (i > 0 && i % 3 == 0)
			put(buf, n, len, FMT_NBSP);
	}
}

char *fmt_number(dec x, int decimals, char *buf, size_t n)
{
	size_t len = 0;
	if (decimals < 0)
		decimals = 0;
	if (decimals > 6)
		decimals = 6;
	if (n > 0)
		buf[0] = '\0';
	dec r = dec_round(x, decimals);
	dec a = r < 0 ? -r : r;
	if (r < 0)
		put(buf, n, &len, FMT_MINUS);
	put_grouped(buf, n, &len, a / DEC_SCALE);
	if (decimals > 0) {
		char frac[24];
		long f = (long)((a % DEC_SCALE) / pow10_dec(6 - decimals));
		snprintf(frac, sizeof frac, ",%0*ld", decimals, f);
		put(buf, n, &len, frac);
	}
	return buf;
}

char *fmt_quantity(dec x, int decimals, const char *unit, char *buf, size_t n)
{
	fmt_number(x, decimals, buf, n);
	if (unit && *unit) {
		size_t len = strlen(buf);
		if (len + 1 >= n)
			return buf;   /* the number was truncated: no unit after it */
		put(buf, n, &len, FMT_NBSP);
		put(buf, n, &len, unit);
	}
	return buf;
}

char *fmt_percent(dec x, int decimals, char *buf, size_t n)
{
	return fmt_quantity(x, decimals, "%", buf, n);
}

dec fmt_ratio_round(ratio r, int decimals)
{
	if (decimals < 0)
		decimals = 0;
	if (decimals > 6)
		decimals = 6;
	dec num = r.num, den = r.den;
	if (den < 0) {
		num = -num;
		den = -den;
	}
	/* value * 10^decimals = num * 10^decimals / den, rounded once, half away from zero */
	dec scaled = num * pow10_dec(decimals);
	dec q = scaled / den, rem = scaled % den;
	if (rem < 0)
		rem = -rem;
	if (2 * rem >= den)
		q += scaled < 0 ? -1 : 1;
	return q * pow10_dec(6 - decimals);
}

char *fmt_ratio_number(ratio r, int decimals, char *buf, size_t n)
{
	return fmt_number(fmt_ratio_round(r, decimals), decimals, buf, n);
}

char *fmt_ratio_percent(ratio r, int decimals, char *buf, size_t n)
{
	return fmt_percent(fmt_ratio_round(r, decimals), decimals, buf, n);
}

int fmt_decimals_of(dec x)
{
	if (x < 0)
		x = -x;
	dec frac = x % DEC_SCALE;
	int d = 6;
	while (d > 0 && frac % 10 == 0) {
		frac /= 10;
		d--;
	}
	return frac == 0 ? 0 : d;
}

const char *fmt_month_name(int month)
{
	return month >= 1 && month <= 12 ? month_names[month] : "";
}

/* Splits "YYYY-MM-DD"; false when it is not of that shape. */
static bool split_date(const char *iso, int *y, int *m, int *d)
{
	int used = 0;
	if (!iso || sscanf(iso, "%4d-%2d-%2d%n", y, m, d, &used) != 3 || used != 10 ||
	    iso[10] != '\0')
		return false;
	return *m >= 1 && *m <= 12 && *d >= 1 && *d <= 31;
}

char *fmt_date(const char *iso, char *buf, size_t n)
{
	int y, m, d;
	if (split_date(iso, &y, &m, &d))
		snprintf(buf, n, "%d %s %d", d, month_names[m], y);
	else
		snprintf(buf, n, "%s", iso ? iso : "");
	return buf;
}

char *fmt_period(const char *fran, const char *till, char *buf, size_t n)
{
	int y1, m1, d1, y2, m2, d2;
	if (!split_date(fran, &y1, &m1, &d1) || !split_date(till, &y2, &m2, &d2))
		snprintf(buf, n, "%s" FMT_NDASH "%s", fran ? fran : "", till ? till : "");
	else if (y1 != y2)
		snprintf(buf, n, "%s %d" FMT_NDASH "%s %d", month_names[m1], y1, month_names[m2], y2);
	else if (m1 == m2)
		snprintf(buf, n, "%s %d", month_names[m1], y1);
	else
		snprintf(buf, n, "%s" FMT_NDASH "%s %d", month_names[m1], month_names[m2], y1);
	return buf;
}

char *fmt_period_days(const char *fran, const char *till, char *buf, size_t n)
{
	int y1, m1, d1, y2, m2, d2;
	if (!split_date(fran, &y1, &m1, &d1) || !split_date(till, &y2, &m2, &d2))
		snprintf(buf, n, "%s" FMT_NDASH "%s", fran ? fran : "", till ? till : "");
	else if (y1 != y2)
		snprintf(buf, n, "%d %s %d" FMT_NDASH "%d %s %d", d1, month_names[m1], y1,
		         d2, month_names[m2], y2);
	else
		snprintf(buf, n, "%d %s" FMT_NDASH "%d %s %d", d1, month_names[m1], d2,
		         month_names[m2], y1);
	return buf;
}
