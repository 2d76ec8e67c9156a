/* SPDX-License-Identifier: Apache-2.0 */
/* valid_dnr.c - diarienummer and ersatter must match the whole of kommun/@diarieformat
 * (PCRE2, UTF mode, compiled once per document, run under match and depth limits). */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "valid_private.h"
#include <pcre2.h>
#include <stdio.h>
#include <string.h>

static const char default_format[] = "^(?:[A-ZÅÄÖ]{1,6} ?)?\\d{4}/\\d{1,6}(?: \\d{3})?$";

/* Generous for any sane diarienummer, small enough that a catastrophic pattern stops
 * in milliseconds. */
enum { DNR_MATCH_LIMIT = 100000, DNR_DEPTH_LIMIT = 5000, DNR_HEAP_LIMIT_KIB = 4096 };

/* Swedish explanations of the compile errors a hand-written pattern most often has;
 * the rest fall back to PCRE2's English text with its number. */
static const char *pcre2_error_sv(int code)
{
	switch (code) {
	case PCRE2_ERROR_END_BACKSLASH: return "mönstret slutar med ett ensamt \\";
	case PCRE2_ERROR_UNKNOWN_ESCAPE: return "okänd specialsekvens med \\";
	case PCRE2_ERROR_QUANTIFIER_OUT_OF_ORDER: return "talen i {} står i fel ordning";
	case PCRE2_ERROR_QUANTIFIER_TOO_BIG: return "talet i {} är för stort";
	case PCRE2_ERROR_MISSING_SQUARE_BRACKET: return "en teckenklass [ stängs aldrig med ]";
	case PCRE2_ERROR_CLASS_RANGE_ORDER: return "ett intervall i en teckenklass står i fel ordning (som [9-0])";
	case PCRE2_ERROR_QUANTIFIER_INVALID: return "en kvantifierare (* + ? {}) står efter något som inte kan upprepas";
	case PCRE2_ERROR_MISSING_CLOSING_PARENTHESIS: return "en parentes ( stängs aldrig med )";
	case PCRE2_ERROR_UNMATCHED_CLOSING_PARENTHESIS: return "en ) saknar sin (";
	case PCRE2_ERROR_LOOKBEHIND_NOT_FIXED_LENGTH: return "en bakåtblick (?<=…) har inte fast längd";
	case PCRE2_ERROR_POSIX_CLASS_NOT_IN_CLASS: return "en POSIX-klass [:…:] står utanför [ ]";
	case PCRE2_ERROR_UNKNOWN_POSIX_CLASS: return "okänd POSIX-klass";
	case PCRE2_ERROR_MISSING_COMMENT_CLOSING: return "en kommentar (?# stängs aldrig med )";
	case PCRE2_ERROR_BAD_SUBPATTERN_REFERENCE: return "referens till en grupp som inte finns";
	case PCRE2_ERROR_UTF8_ERR1: return "mönstret är inte giltig UTF-8";
	case PCRE2_ERROR_BACKSLASH_C_CALLER_DISABLED: return "\\C är inte tillåtet (det kan dela ett tecken mitt itu)";
	default: return NULL;
	}
}

/* PCRE2 reports byte offsets; people count characters. */
static size_t char_offset(const char *s, size_t bytes)
{
	size_t n = 0;
	for (size_t i = 0; i < bytes && s[i]; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

static pcre2_code *compile_format(const sr_model *m, diag_sink *d, const char *pat)
{
	int err;
	PCRE2_SIZE off;
	pcre2_code *re = pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED,
	                                PCRE2_UTF | PCRE2_NEVER_BACKSLASH_C, &err, &off, NULL);
	if (re)
		return re;
	char en[256];
	pcre2_get_error_message(err, (PCRE2_UCHAR *)en, sizeof en);
	const char *sv = pcre2_error_sv(err);
	if (!sv && err >= PCRE2_ERROR_UTF8_ERR21 && err <= PCRE2_ERROR_UTF8_ERR1)
		sv = "mönstret är inte giltig UTF-8";
	if (sv)
		diag_add(d, D_DNR_PATTERN, VLOC(m, m->kommun.loc),
		         "fel vid position %zu i diarieformat: %s (PCRE2: %s) i mönstret %s",
		         char_offset(pat, off), sv, en, pat);
	else
		diag_add(d, D_DNR_PATTERN, VLOC(m, m->kommun.loc),
		         "fel vid position %zu i diarieformat: mönstret går inte att tolka (PCRE2-fel %d: %s) i mönstret %s",
		         char_offset(pat, off), err, en, pat);
	return NULL;
}

static void match_one(const sr_model *m, diag_sink *d, pcre2_code *re, pcre2_match_context *mc,
                      const char *pat, const char *what, const char *dnr, src_loc loc)
{
	pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
	size_t len = strlen(dnr);
	int rc = pcre2_match(re, (PCRE2_SPTR)dnr, len, 0, PCRE2_ANCHORED | PCRE2_ENDANCHORED, md, mc);
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
	char qd[512], qp[512];   /* a 1 MB diarienummer is not quoted whole */
	diag_quote(qd, sizeof qd, dnr, DIAG_QUOTE_CHARS);
	diag_quote(qp, sizeof qp, pat, DIAG_QUOTE_CHARS);
	if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT || rc == PCRE2_ERROR_HEAPLIMIT)
		diag_add(d, D_DNR_LIMIT, VLOC(m, loc),
		         "%s '%s' kunde inte prövas: diarieformat %s når matchningsgränsen (mönstret backtrackar för mycket; förenkla det)",
		         what, qd, qp);
	else if (rc < 0 || ov[0] != 0 || ov[1] != len)
		diag_add(d, D_DNR_FORMAT, VLOC(m, loc), "%s '%s' följer inte diarieformatet %s%s",
		         what, qd, qp,
		         pat == default_format ? " (standardformatet; kommun anger inget diarieformat)" : "");
	pcre2_match_data_free(md);
}

void valid_diarium(const sr_model *m, diag_sink *d)
{
	const diarium *di = &m->diarium;
	const char *pat = m->kommun.diarieformat ? m->kommun.diarieformat : default_format;
	if (!di->diarienummer && !di->ersatter)
		return;
	pcre2_code *re = compile_format(m, d, pat);
	if (!re)
		return;   /* one error for the pattern, not one per number */
	pcre2_match_context *mc = pcre2_match_context_create(NULL);
	pcre2_set_match_limit(mc, DNR_MATCH_LIMIT);
	pcre2_set_depth_limit(mc, DNR_DEPTH_LIMIT);
	pcre2_set_heap_limit(mc, DNR_HEAP_LIMIT_KIB);
	if (di->diarienummer)
		match_one(m, d, re, mc, pat, "diarienumret", di->diarienummer,
		          di->loc_diarienummer.line ? di->loc_diarienummer : di->loc);
	if (di->ersatter)
		match_one(m, d, re, mc, pat, "ersatter", di->ersatter,
		          di->loc_ersatter.line ? di->loc_ersatter : di->loc);
	pcre2_match_context_free(mc);
	pcre2_code_free(re);
}
