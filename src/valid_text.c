/* SPDX-License-Identifier: Apache-2.0 */
/* valid_text.c - warnings on user text: template placeholders left in (such a
 * document must not reach KF by mistake) and characters the PDF fonts cannot show. */
#include "valid_private.h"
#include "valid_font.h"
#include <stdlib.h>
#include <string.h>

/* Each placeholder as the message names it, and its folded (lower-case) form. */
static const struct placeholder {
	const char *shown, *folded;
	bool word;           /* must stand as a word of its own */
} placeholders[] = {
	{"<Här skriver du", "<här skriver du", false},
	{"[fyll i", "[fyll i", false},
	{"XXX", "xxx", true},
	{"Klicka eller tryck här för att ange text", "klicka eller tryck här för att ange text", false},
	{"Skriv text här", "skriv text här", false},
};

/* Lower-cases ASCII and Å Ä Ö (same byte length) and turns no-break spaces and runs of
 * white space into one space, since Word's placeholders often carry U+00A0.
 * Caller frees. */
static char *fold(const char *s)
{
	size_t n = strlen(s), o = 0;
	char *out = xmalloc(n + 1);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
		if (c == 0xC2 && (unsigned char)s[i + 1] == 0xA0) {
			space = true;
			i++;
		}
		if (space) {
			if (o == 0 || out[o - 1] != ' ')
				out[o++] = ' ';
			continue;
		}
		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c + 32);
		else if (c == 0xC3 && i + 1 < n && (s[i + 1] == '\x85' || s[i + 1] == '\x84' || s[i + 1] == '\x96')) {
			out[o++] = (char)c;
			c = (unsigned char)(s[++i] + 0x20);
		}
		out[o++] = (char)c;
	}
	out[o] = '\0';
	return out;
}

/* Decodes the UTF-8 character starting at s (0 at the end of the string). */
static unsigned long decode_at(const unsigned char *s)
{
	if (s[0] < 0x80)
		return s[0];
	int n = s[0] >= 0xF0 ? 3 : s[0] >= 0xE0 ? 2 : 1;
	unsigned long cp = s[0] & (0x3F >> n);
	for (int i = 1; i <= n && s[i]; i++)
		cp = (cp << 6) | (s[i] & 0x3F);
	return cp;
}

/* A letter or digit for the "XXX as a word" rule: ASCII alphanumerics, '_', and the
 * letters from U+00C0 on (å ä ö, Sami letters ...), but not the punctuation of
 * U+2000 and above (dashes, curly quotes), nor × and ÷. */
static bool word_char(unsigned long cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
		       (cp >= '0' && cp <= '9') || cp == '_';
	return cp >= 0xC0 && cp != 0xD7 && cp != 0xF7 && (cp < 0x2000 || cp >= 0x3000);
}

static bool word_before(const char *hay, const char *s)
{
	if (s == hay)
		return false;
	const char *p = s - 1;
	while (p > hay && ((unsigned char)*p & 0xC0) == 0x80)
		p--;
	return word_char(decode_at((const unsigned char *)p));
}

static bool contains(const char *hay, const struct placeholder *p)
{
	size_t len = strlen(p->folded);
	for (const char *s = strstr(hay, p->folded); s; s = strstr(s + 1, p->folded)) {
		if (!p->word)
			return true;
		if (!word_before(hay, s) && !word_char(decode_at((const unsigned char *)s + len)))
			return true;
	}
	return false;
}

/* Case-insensitive ASCII: does s hold `seq` (lower-case) ending at a byte equal to
 * last or its upper-case form? Found by memchr on that rarer last byte. */
static bool has_ci_ending(const char *s, size_t len, const char *seq)
{
	size_t n = strlen(seq);
	char last = seq[n - 1];
	for (int pass = 0; pass < 2; pass++) {
		char c = pass ? (char)(last - 32) : last;
		for (const char *p = s; (p = memchr(p, c, len - (size_t)(p - s))); p++) {
			size_t at = (size_t)(p - s);
			if (at + 1 < n)
				continue;
			size_t k = 0;
			while (k + 1 < n && (s[at - n + 1 + k] | 0x20) == seq[k])
				k++;
			if (k + 1 == n)
				return true;
		}
	}
	return false;
}

/* Every placeholder, however spaced and cased, holds one of these: '<', '[', an x,
 * "ick" (klicka) or "kriv" (skriv). Most paragraphs hold none of them, and are not
 * folded at all. */
static bool may_hold_placeholder(const char *s)
{
	size_t len = strlen(s);
	return strpbrk(s, "<[xX") || has_ci_ending(s, len, "ick") || has_ci_ending(s, len, "kriv");
}

static void scan_placeholders(const sr_model *m, diag_sink *d, const text_entry *t)
{
	if (!may_hold_placeholder(t->text))
		return;
	char *f = fold(t->text);
	for (size_t i = 0; i < sizeof placeholders / sizeof placeholders[0]; i++)
		if (contains(f, &placeholders[i]))
			diag_add(d, D_PLACEHOLDER, VLOC(m, t->loc),
			         "mallens platshållare \"%s\" står kvar i %s; skriv in den riktiga texten",
			         placeholders[i].shown, t->what ? t->what : "texten");
	free(f);
}

/* Decodes the 4-byte UTF-8 sequence at s (valid: the loader checked the encoding). */
static unsigned long decode4(const unsigned char *s)
{
	return ((unsigned long)(s[0] & 0x07) << 18) | ((unsigned long)(s[1] & 0x3F) << 12) |
	       ((unsigned long)(s[2] & 0x3F) << 6) | (unsigned long)(s[3] & 0x3F);
}

/* One warning per text entry and code point: an emoji repeated in a paragraph is one
 * problem, not twenty. */
static void scan_chars(const sr_model *m, diag_sink *d, const text_entry *t, const font_cover *c)
{
	unsigned long seen[8];
	size_t n_seen = 0;
	/* the lead bytes of 4-byte sequences, found by strpbrk (vectorised in libc) */
	static const char lead4[] = "\xF0\xF1\xF2\xF3\xF4\xF5\xF6\xF7";
	for (const unsigned char *s = (const unsigned char *)strpbrk(t->text, lead4); s;
	     s = (const unsigned char *)strpbrk((const char *)s + 1, lead4)) {
		if (!s[1] || !s[2] || !s[3])
			continue;
		unsigned long cp = decode4(s);
		if (c && valid_font_has(c, cp)) {   /* the fallback font draws it (issue 16) */
			s += 3;
			continue;
		}
		bool dup = false;
		for (size_t k = 0; k < n_seen && !dup; k++)
			dup = seen[k] == cp;
		if (!dup && n_seen < sizeof seen / sizeof seen[0]) {
			seen[n_seen++] = cp;
			diag_add(d, D_CHAR_BMP, VLOC(m, t->loc),
			         "tecknet U+%04lX (%.4s) i %s kan inte visas i PDF:en och blir ett mellanslag",
			         cp, (const char *)s, t->what ? t->what : "texten");
		}
		s += 3;
	}
}

/* libharu refuses a PDF string over 65 535 bytes (HPDF_LIMIT_MAX_STRING_LEN) and then
 * fails the whole write; the metadata joins up to four of these fields into one string
 * (the description: title, kommun, beslutsinstans, paragraf), so each may have 16 000. */
#define META_MAX_BYTES 16000

static void check_meta_length(const sr_model *m, diag_sink *d, const char *text, const char *what,
                              src_loc loc)
{
	size_t n = text ? strlen(text) : 0;
	if (n <= META_MAX_BYTES)
		return;
	char q[256];
	diag_add(d, D_TEXT_LENGTH, VLOC(m, loc), "%s '%s' är %zu byte lång; den går in i PDF:ens "
	         "metadata, som tar högst %d byte (korta texten)", what,
	         diag_quote(q, sizeof q, text, 40), n, META_MAX_BYTES);
}

static void check_meta_lengths(const sr_model *m, diag_sink *d)
{
	const diarium *di = &m->diarium;
	check_meta_length(m, d, di->diarienummer, "diarienumret", di->loc_diarienummer);
	check_meta_length(m, d, di->rubrik, "rubriken", di->loc);
	check_meta_length(m, d, di->beslutsinstans, "beslutsinstansen", di->loc);
	check_meta_length(m, d, di->paragraf, "paragrafen", di->loc);
	check_meta_length(m, d, m->kommun.namn, "kommunens namn", m->kommun.loc);
}

void valid_texts(const sr_model *m, diag_sink *d, const font_cover *c)
{
	check_meta_lengths(m, d);
	for (size_t i = 0; i < m->n_texts; i++) {
		if (!m->texts[i].text)
			continue;
		scan_placeholders(m, d, &m->texts[i]);
		scan_chars(m, d, &m->texts[i], c);
	}
}

void valid_supp_chars(const sr_model *m, diag_sink *d, const font_cover *c)
{
	for (size_t i = 0; i < m->n_texts; i++)
		if (m->texts[i].text)
			scan_chars(m, d, &m->texts[i], c);
}
