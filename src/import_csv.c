/* SPDX-License-Identifier: Apache-2.0 */
/* import_csv.c - CSV as Swedish Excel and LibreOffice write it: semicolon-separated,
 * UTF-8 with or without a BOM or Windows-1252, decimal comma, spaces (plain, no-break,
 * thin) between digit groups, minus as '-' or '−'. libcsv splits the fields; this file
 * decodes, counts lines and reads numbers. */
#include "import_private.h"
#include "dec.h"
#include <csv.h>
#include <ctype.h>
#include <string.h>

/* Length of the valid UTF-8 sequence at s (strict: no overlong forms, no surrogates,
 * nothing above U+10FFFF), 0 when invalid. */
static size_t utf8_len(const unsigned char *s, size_t left, unsigned *cp)
{
	unsigned c = s[0];
	size_t n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
	if (n == 0 || n > left)
		return 0;
	unsigned v = n == 1 ? c : c & (0x7F >> n);
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		v = (v << 6) | (s[i] & 0x3F);
	}
	static const unsigned min[5] = { 0, 0, 0x80, 0x800, 0x10000 };
	if (v < min[n] || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		return 0;
	*cp = v;
	return n;
}

static bool valid_utf8(const char *s, size_t len, size_t *bad)
{
	unsigned cp;
	for (size_t i = 0; i < len;) {
		size_t n = utf8_len((const unsigned char *)s + i, len - i, &cp);
		if (!n) {
			*bad = i;
			return false;
		}
		i += n;
	}
	return true;
}

static long line_at(const char *s, size_t off)
{
	long line = 1;
	for (size_t i = 0; i < off; i++)
		line += s[i] == '\n';
	return line;
}

/* Windows-1252 0x80..0x9F; 0 marks the five bytes the code page leaves undefined. */
static const unsigned short cp1252_high[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

static size_t put_utf8(char *o, unsigned cp)
{
	if (cp < 0x80) {
		o[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (char)(0xC0 | (cp >> 6));
		o[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	o[0] = (char)(0xE0 | (cp >> 12));
	o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
	o[2] = (char)(0x80 | (cp & 0x3F));
	return 3;
}

/* Windows-1252 to UTF-8 in arena memory; NULL (and *bad) at an undefined byte. */
static char *from_cp1252(arena *a, const char *s, size_t len, size_t *out_len, size_t *bad)
{
	char *o = arena_alloc(a, len * 3 + 1);
	size_t k = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char b = (unsigned char)s[i];
		unsigned cp = b < 0x80 || b >= 0xA0 ? b : cp1252_high[b - 0x80];
		if (!cp) {
			*bad = i;
			return NULL;
		}
		k += put_utf8(o + k, cp);
	}
	*out_len = k;
	return o;
}

/* The bytes as UTF-8 text, or NULL with a diagnostic. */
static const char *decode(imp_ctx *c, const char *file, const char *data, size_t len, size_t *out_len)
{
	const unsigned char *u = (const unsigned char *)data;
	if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
		diag_add(c->d, D_IMPORT_CSV, file, 1, "filen är kodad i UTF-16; spara den som CSV "
		         "(semikolonavgränsad) i UTF-8 eller Windows-1252");
		return NULL;
	}
	bool bom = len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF;
	if (bom) {
		data += 3;
		len -= 3;
	}
	if (memchr(data, '\0', len)) {
		diag_add(c->d, D_IMPORT_CSV, file, line_at(data, (size_t)((const char *)memchr(data, '\0', len) - data)),
		         "filen innehåller en NUL-byte och är ingen textfil");
		return NULL;
	}
	size_t bad = 0;
	if (valid_utf8(data, len, &bad)) {
		*out_len = len;
		return data;
	}
	if (bom) {
		diag_add(c->d, D_IMPORT_CSV, file, line_at(data, bad),
		         "filen börjar som UTF-8 (BOM) men innehåller ogiltig UTF-8 vid byte %zu", bad + 3);
		return NULL;
	}
	const char *t = from_cp1252(c->a, data, len, out_len, &bad);
	if (!t)
		diag_add(c->d, D_IMPORT_CSV, file, line_at(data, bad),
		         "filen är varken UTF-8 eller Windows-1252 (byte 0x%02X vid position %zu)",
		         (unsigned char)data[bad], bad);
	return t;
}

/* ---- splitting with libcsv, one physical line at a time so that rows know their line */
struct split {
	imp_ctx *c;
	imp_table *t;
	long line;          /* the physical line being fed */
	long row_line;      /* where the current row started; 0 between rows */
	char **cells;
	size_t n, cap;
	bool any;           /* a non-empty cell in the current row */
};

static char *trim(arena *a, const char *s, size_t n)
{
	while (n && (s[0] == ' ' || s[0] == '\t' || s[0] == '\r' || s[0] == '\n')) {
		s++;
		n--;
	}
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
		n--;
	return arena_strndup(a, s, n);
}

static void on_field(void *s, size_t n, void *data)
{
	struct split *sp = data;
	if (!sp->row_line)
		sp->row_line = sp->line;
	if (sp->n == sp->cap) {
		sp->cap = sp->cap ? sp->cap * 2 : 16;
		sp->cells = xrealloc(sp->cells, sp->cap * sizeof *sp->cells);
	}
	char *cell = trim(sp->c->a, s ? s : "", s ? n : 0);
	sp->any |= cell[0] != '\0';
	sp->cells[sp->n++] = cell;
}

static void on_row(int term, void *data)
{
	(void)term;
	struct split *sp = data;
	if (sp->any) {
		imp_table *t = sp->t;
		t->rows = xrealloc(t->rows, (t->n_rows + 1) * sizeof *t->rows);
		char **cells = arena_calloc(sp->c->a, sp->n + 1, sizeof *cells);
		memcpy(cells, sp->cells, sp->n * sizeof *cells);
		t->rows[t->n_rows++] = (imp_row){ sp->row_line ? sp->row_line : sp->line, sp->n, cells };
	}
	sp->n = 0;
	sp->any = false;
	sp->row_line = 0;
}

static int is_blank(unsigned char ch)
{
	return ch == ' ' || ch == '\t';
}

static int is_term(unsigned char ch)
{
	return ch == '\r' || ch == '\n';
}

bool imp_csv_read(imp_ctx *c, const char *file, const char *data, size_t len, imp_table *t)
{
	memset(t, 0, sizeof *t);
	t->file = file;
	size_t n_text = 0;
	const char *text = decode(c, file, data, len, &n_text);
	if (!text)
		return false;
	struct csv_parser p;
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
		return false;
	csv_set_delim(&p, ';');
	csv_set_space_func(&p, is_blank);
	csv_set_term_func(&p, is_term);
	struct split sp = { .c = c, .t = t, .line = 1 };
	bool ok = true;
	for (size_t i = 0; i < n_text && ok;) {
		const char *nl = memchr(text + i, '\n', n_text - i);
		size_t n = nl ? (size_t)(nl - (text + i)) + 1 : n_text - i;
		if (csv_parse(&p, text + i, n, on_field, on_row, &sp) != n)
			ok = false;
		i += n;
		if (ok)
			sp.line++;
	}
	if (ok && csv_fini(&p, on_field, on_row, &sp) != 0)
		ok = false;
	if (!ok)
		diag_add(c->d, D_IMPORT_CSV, file, sp.row_line ? sp.row_line : sp.line,
		         "raden kan inte läsas som CSV: %s (ett citattecken som inte avslutas, "
		         "eller tecken efter ett avslutande citattecken)",
		         csv_error(&p) == CSV_EPARSE ? "felaktiga citattecken" : csv_strerror(csv_error(&p)));
	csv_free(&p);
	free(sp.cells);
	if (ok && t->n_rows == 0) {
		diag_add(c->d, D_IMPORT_CSV, file, 0, "filen är tom: den har ingen rubrikrad");
		ok = false;
	}
	if (!ok) {   /* the caller owns the rows only of a table that was read */
		free(t->rows);
		t->rows = NULL;
		t->n_rows = 0;
	}
	return ok;
}

/* ---- header keys ---- */
/* U+00C0..U+00FF folded to ASCII lower case ('\0': dropped). */
static const char latin1_fold[] =
	"aaaaaaaceeeeiiiidnooooo\0ouuuuyts"
	"aaaaaaaceeeeiiiidnooooo\0ouuuuyty";

char *imp_key(arena *a, const char *s)
{
	size_t len = strlen(s);
	char *o = arena_alloc(a, len + 1);
	size_t k = 0;
	for (size_t i = 0; i < len;) {
		unsigned cp = 0;
		size_t n = utf8_len((const unsigned char *)s + i, len - i, &cp);
		if (!n) {
			i++;
			continue;
		}
		if (cp < 0x80) {
			if (isalnum((int)cp))
				o[k++] = (char)tolower((int)cp);
		} else if (cp >= 0xC0 && cp <= 0xFF) {
			if (latin1_fold[cp - 0xC0])
				o[k++] = latin1_fold[cp - 0xC0];
		} else if (cp > 0x2FFF || (cp >= 0x100 && cp < 0x2000)) {
			memcpy(o + k, s + i, n);   /* other letters (Sami á č đ ŋ š ŧ ž) as written */
			k += n;
		}
		i += n;
	}
	o[k] = '\0';
	return o;
}

/* ---- numbers ---- */
/* Length of a group separator at s: space, tab, no-break, narrow no-break or thin
 * space; 0 when none. */
static size_t group_sep(const char *s)
{
	if (*s == ' ' || *s == '\t' || *s == '\'')
		return 1;
	if (!strncmp(s, "\xC2\xA0", 2))
		return 2;
	if (!strncmp(s, "\xE2\x80\xAF", 3) || !strncmp(s, "\xE2\x80\x89", 3))
		return 3;
	return 0;
}

int imp_number(const char *s, char *out, size_t n, const char **why)
{
	size_t k;
	while ((k = group_sep(s)) > 0)
		s += k;
	if (!*s)
		return 0;
	bool neg = false;
	if (*s == '-' || *s == '+') {
		neg = *s == '-';
		s++;
	} else if (!strncmp(s, "\xE2\x88\x92", 3)) {   /* U+2212 MINUS SIGN */
		neg = true;
		s += 3;
	}
	while ((k = group_sep(s)) > 0)
		s += k;
	char digits[64], frac[64];
	size_t nd = 0, nf = 0;
	bool point = false;
	*why = "det är inget tal";
	for (; *s; s++) {
		if (isdigit((unsigned char)*s)) {
			if (point ? nf >= sizeof frac - 1 : nd >= sizeof digits - 1) {
				*why = "talet är för stort";
				return -1;
			}
			(point ? frac : digits)[point ? nf++ : nd++] = *s;
		} else if ((*s == ',' || *s == '.') && !point) {
			point = true;
		} else if ((k = group_sep(s)) > 0 && !point && nd > 0) {
			s += k - 1;
		} else {
			break;
		}
	}
	while ((k = group_sep(s)) > 0)
		s += k;
	if (*s || (nd == 0 && nf == 0))
		return -1;
	if (nf > 6) {
		*why = "talet har fler än 6 decimaler";
		return -1;
	}
	digits[nd] = frac[nf] = '\0';
	const char *d = digits;
	while (d[0] == '0' && d[1])
		d++;
	bool zero = strspn(d, "0") == strlen(d) && strspn(frac, "0") == nf;
	snprintf(out, n, "%s%s%s%s%s", neg && !zero ? "-" : "", *d ? d : "0", nf ? "." : "", frac, "");
	dec v;
	if (dec_parse(out, &v) != DEC_OK) {
		*why = "talets belopp är 10^12 eller mer";
		return -1;
	}
	return 1;
}

bool imp_find_date(const char *s, char out[11])
{
	for (; *s; s++) {
		if (strlen(s) < 10)
			return false;
		bool ok = true;
		for (int i = 0; i < 10 && ok; i++)
			ok = i == 4 || i == 7 ? s[i] == '-' : isdigit((unsigned char)s[i]) != 0;
		if (ok && (s[10] == '\0' || !isdigit((unsigned char)s[10]))) {
			int mo = (s[5] - '0') * 10 + (s[6] - '0'), da = (s[8] - '0') * 10 + (s[9] - '0');
			if (mo >= 1 && mo <= 12 && da >= 1 && da <= 31) {
				memcpy(out, s, 10);
				out[10] = '\0';
				return true;
			}
		}
	}
	return false;
}
