/* SPDX-License-Identifier: Apache-2.0 */
/* test_valid_input.c - semantic validation of the diarienummer format, user text
 * (placeholders, characters above U+FFFF), the logo file and the economy rows. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/stat.h>
#include "valid.h"
#include "test_valid_builder.h"

#define EXPECT(d, code, want_line, word) do { \
		const diag *x_ = vb_find_at((d), (code), (want_line)); \
		if (!x_ || !strstr(x_->message, (word))) \
			vb_dump(d); \
		assert_non_null(x_); \
		assert_non_null(strstr(x_->message, (word))); \
	} while (0)

#define EXPECT_CLEAN(d) do { if ((d)->n) vb_dump(d); assert_int_equal((d)->n, 0); } while (0)

/* Runs validation on a fresh model with one diarienummer and diarieformat. */
static void check_dnr(const char *format, const char *dnr, diag_sink *d)
{
	sr_model *m = vb_new("rapport.xml");
	m->kommun.diarieformat = format;
	m->diarium.diarienummer = dnr;
	diag_init(d);
	valid_check(m, d);
	model_free(m);
}

static void default_format_accepts_common_forms(void **state)
{
	(void)state;
	const char *good[] = {"KS 2024/123", "KS2019/2033", "BUN 2024/12", "2019/00534 040",
	                      "ÅÄÖ 2024/1", "SBN 2024/123456"};
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		diag_sink d;
		check_dnr(NULL, good[i], &d);
		EXPECT_CLEAN(&d);
		diag_free(&d);
	}
}

static void default_format_refuses_others(void **state)
{
	(void)state;
	const char *bad[] = {"KS-2024-12", "ks 2024/12", "KS 2024/12 ", " KS 2024/12", "KS 24/12",
	                     "KS 2024/1234567", "KS 2024/12 04", "KOMMUNS 2024/1", "KS 2024/12\n"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		diag_sink d;
		check_dnr(NULL, bad[i], &d);
		EXPECT(&d, D_DNR_FORMAT, 5, "följer inte diarieformatet ^(?:[A-ZÅÄÖ]{1,6} ?)?\\d{4}/");
		EXPECT(&d, D_DNR_FORMAT, 5, "standardformatet");
		assert_non_null(strstr(d.items[0].message, bad[i]));
		assert_int_equal(d.n, 1);
		diag_free(&d);
	}
}

static void own_format_matches_whole_number(void **state)
{
	(void)state;
	diag_sink d;
	check_dnr("^KS \\d{4}/\\d{3,5}$", "KS-2024-12", &d);
	EXPECT(&d, D_DNR_FORMAT, 5, "diarienumret 'KS-2024-12' följer inte diarieformatet ^KS \\d{4}/\\d{3,5}$");
	diag_free(&d);
	/* Without ^ and $ the pattern still has to cover the whole number. */
	check_dnr("KS \\d{4}/\\d{3}", "KS 2024/1234", &d);
	EXPECT(&d, D_DNR_FORMAT, 5, "'KS 2024/1234'");
	diag_free(&d);
	check_dnr("KS \\d{4}/\\d{3}", "XKS 2024/123", &d);
	EXPECT(&d, D_DNR_FORMAT, 5, "'XKS 2024/123'");
	diag_free(&d);
	check_dnr("KS|BUN \\d{4}/\\d{3}", "KS 2024/123", &d);   /* alternation binds loosely */
	EXPECT(&d, D_DNR_FORMAT, 5, "'KS 2024/123'");
	diag_free(&d);
	check_dnr("KS \\d{4}/\\d{3}", "KS 2024/123", &d);
	EXPECT_CLEAN(&d);
	diag_free(&d);
}

static void ersatter_is_checked_too(void **state)
{
	(void)state;
	sr_model *m = vb_new("rapport.xml");
	m->diarium.ersatter = "KS 2023/0411-B";
	m->diarium.loc_ersatter = (src_loc){m->file, 13};
	diag_sink d;
	diag_init(&d);
	valid_check(m, &d);
	EXPECT(&d, D_DNR_FORMAT, 13, "ersatter 'KS 2023/0411-B'");
	assert_int_equal(d.n, 1);
	diag_free(&d);
	model_free(m);
}

static void bad_pattern_names_offset(void **state)
{
	(void)state;
	diag_sink d;
	check_dnr("^KS (\\d{4}/\\d{3}$", "KS 2024/123", &d);
	EXPECT(&d, D_DNR_PATTERN, 14, "fel vid position 17 i diarieformat");
	EXPECT(&d, D_DNR_PATTERN, 14, "parentes");
	assert_int_equal(d.n, 1);   /* and no DNR-FORMAT on top */
	diag_free(&d);
	/* Offsets count characters, not bytes: Å is two bytes. */
	check_dnr("^Å[Ä", "KS 2024/123", &d);
	EXPECT(&d, D_DNR_PATTERN, 14, "fel vid position 4 i diarieformat");
	EXPECT(&d, D_DNR_PATTERN, 14, "teckenklass");
	diag_free(&d);
	check_dnr("^KS \\C\\d{4}", "KS 2024/123", &d);
	EXPECT(&d, D_DNR_PATTERN, 14, "\\C är inte tillåtet");
	diag_free(&d);
	check_dnr("?KS \\d{4}", "KS 2024/123", &d);
	EXPECT(&d, D_DNR_PATTERN, 14, "kvantifierare");
	diag_free(&d);
}

static void runaway_pattern_hits_limit(void **state)
{
	(void)state;
	diag_sink d;
	check_dnr("^(a|aa)+$", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab", &d);
	EXPECT(&d, D_DNR_LIMIT, 5, "matchningsgränsen");
	assert_int_equal(vb_count(&d, D_DNR_FORMAT), 0);
	diag_free(&d);
}

/* Validation of a model whose only text is `text`, described as `what`. */
static void check_text(const char *text, const char *what, diag_sink *d)
{
	sr_model *m = vb_new("rapport.xml");
	vb_text(m, text, what, 31);
	diag_init(d);
	valid_check(m, d);
	model_free(m);
}

static void placeholders_are_found(void **state)
{
	(void)state;
	struct { const char *text, *named; } c[] = {
		{"<Här skriver du en sammanfattning>", "<Här skriver du"},
		{"<HÄR SKRIVER DU>", "<Här skriver du"},
		{"Budget: [Fyll i belopp]", "[fyll i"},
		{"Ansvarig: XXX.", "XXX"},
		{"xxx", "XXX"},
		{"(XXX)", "XXX"},
		{"Kostnad: XXX–YYY kr", "XXX"},
		{"”XXX”", "XXX"},
		{"Klicka eller tryck här för att ange text.", "Klicka eller tryck här för att ange text"},
		{"KLICKA ELLER TRYCK HÄR FÖR ATT ANGE TEXT", "Klicka eller tryck här för att ange text"},
		{"Skriv\xc2\xa0text  här", "Skriv text här"},
	};
	for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
		diag_sink d;
		check_text(c[i].text, "rubrik", &d);
		EXPECT(&d, D_PLACEHOLDER, 31, c[i].named);
		EXPECT(&d, D_PLACEHOLDER, 31, "i rubrik");
		assert_int_equal(d.n, 1);
		assert_int_equal(d.worst_exit, EXIT_OK_);   /* a warning, not an error */
		diag_free(&d);
	}
}

static void placeholder_lookalikes_pass(void **state)
{
	(void)state;
	const char *ok[] = {"Storlek XXXL", "XXXX", "Saxxxon", "ÅXXX", "XXXö", "šXXX", "XXXđ", "X_XXX", "fyll i blanketten",
	                    "Här skriver du inte", "Skriv texten här", "Nämnden skriver text här"};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		diag_sink d;
		check_text(ok[i], "text", &d);
		EXPECT_CLEAN(&d);
		diag_free(&d);
	}
}

static void characters_above_bmp(void **state)
{
	(void)state;
	diag_sink d;
	check_text("Glad 😀 och 😀 igen, 𝄞", "titel", &d);
	assert_int_equal(vb_count(&d, D_CHAR_BMP), 2);   /* one per distinct character */
	EXPECT(&d, D_CHAR_BMP, 31, "tecknet U+1F600 (😀) i titel kan inte visas i PDF:en och blir ett mellanslag");
	assert_non_null(strstr(d.items[1].message, "U+1D11E"));
	assert_int_equal(d.worst_exit, EXIT_OK_);
	diag_free(&d);
	check_text("Sámi: á č đ ŋ š ŧ ž – “citat” €", "namn", &d);
	EXPECT_CLEAN(&d);
	diag_free(&d);
}

/* ---- logo: a scratch folder tree with a document folder and a file outside it ---- */
typedef struct scratch {
	char root[64];
	char doc[128];
} scratch;

static void write_file(const char *dir, const char *name, const void *data, size_t n)
{
	char path[256];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, n, f), n);
	fclose(f);
}

/* A real image of tests/data/img (a logo is decoded fully now, issue 11). */
static void copy_fixture(const char *dir, const char *name, const char *fixture)
{
	char path[512];
	snprintf(path, sizeof path, "%s/img/%s", SR_TEST_DATA, fixture);
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	static unsigned char buf[4096];
	size_t n = fread(buf, 1, sizeof buf, f);
	fclose(f);
	write_file(dir, name, buf, n);
}

static void scratch_make(scratch *s)
{
	strcpy(s->root, "/tmp/test_valid_XXXXXX");
	assert_non_null(mkdtemp(s->root));
	snprintf(s->doc, sizeof s->doc, "%s/doc", s->root);
	assert_int_equal(mkdir(s->doc, 0700), 0);
	char sub[160];
	snprintf(sub, sizeof sub, "%s/bilder", s->doc);
	assert_int_equal(mkdir(sub, 0700), 0);
	copy_fixture(s->doc, "logo.png", "rgb.png");
	copy_fixture(sub, "logo.jpg", "rgb.jpg");
	copy_fixture(s->doc, "trasig.png", "truncated.png");
	write_file(s->doc, "logo.gif", "GIF89a\1\0\1\0", 10);
	write_file(s->doc, "kort.png", "\x89PN", 3);
	copy_fixture(s->root, "ute.png", "rgb.png");
	char link[200];
	snprintf(link, sizeof link, "%s/lank.png", s->doc);
	assert_int_equal(symlink("../ute.png", link), 0);
}

static void scratch_remove(scratch *s)
{
	const char *files[] = {"doc/logo.png", "doc/bilder/logo.jpg", "doc/logo.gif", "doc/kort.png", "doc/trasig.png",
	                       "doc/lank.png", "ute.png", "doc/bilder", "doc", ""};
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		char p[200];
		snprintf(p, sizeof p, "%s/%s", s->root, files[i]);
		remove(p);
	}
}

static void check_logo(const scratch *s, const char *href, diag_sink *d)
{
	char file[200];
	snprintf(file, sizeof file, "%s/rapport.xml", s->doc);
	sr_model *m = vb_new(file);
	m->kommun.logotyp = href;
	m->kommun.loc_logotyp = (src_loc){m->file, 15};
	diag_init(d);
	valid_check(m, d);
	model_free(m);
}

static void logo_rules(void **state)
{
	(void)state;
	scratch s;
	scratch_make(&s);
	struct { const char *href; int code; const char *word; } c[] = {
		{"logo.png", -1, NULL},
		{"bilder/logo.jpg", -1, NULL},
		{"bilder/../logo.png", -1, NULL},
		{"./logo.png", -1, NULL},
		{"logo.gif", D_LOGO_FORMAT, "varken"},
		{"kort.png", D_LOGO_FORMAT, "varken"},
		{"trasig.png", D_LOGO_CORRUPT, "avkortad PNG-fil"},
		{"saknas.png", D_LOGO_MISSING, "'saknas.png' finns inte"},
		{"bilder", D_LOGO_MISSING, "ingen vanlig fil"},
		{"../ute.png", D_LOGO_PATH, "utanför"},
		{"../../saknas.png", D_LOGO_PATH, "utanför"},
		{"lank.png", D_LOGO_PATH, "utanför"},
		{"/etc/passwd", D_LOGO_PATH, "relativ"},
		{"https://example.se/logo.png", D_LOGO_PATH, "relativ"},
		{"file:logo.png", D_LOGO_PATH, "relativ"},
	};
	for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
		diag_sink d;
		check_logo(&s, c[i].href, &d);
		if (c[i].code < 0) {
			EXPECT_CLEAN(&d);
		} else {
			EXPECT(&d, (enum diag_code)c[i].code, 15, c[i].word);
			assert_int_equal(d.n, 1);
		}
		diag_free(&d);
	}
	scratch_remove(&s);
}

/* ---- economy rows ---- */
static void drift_rows(void **state)
{
	(void)state;
	sr_model *m = vb_new("rapport.xml");
	vb_drift(m, "KS", NULL, 118);
	vb_drift(m, "BUN", "Barn", 119);
	vb_drift(m, NULL, NULL, 120);
	vb_drift(m, "XYZ", NULL, 121);
	vb_drift(m, NULL, "Finansförvaltning", 122);
	vb_drift(m, "KS", NULL, 123);
	drift_rad *b = vb_drift(m, "BUN", NULL, 7);
	b->loc.file = "namnder/bun.xml";
	b->from_bidrag = true;
	diag_sink d;
	diag_init(&d);
	valid_check(m, &d);
	EXPECT(&d, D_DRIFT_ROW, 119, "både namndref 'BUN' och rubrik 'Barn'");
	EXPECT(&d, D_DRIFT_ROW, 120, "saknar både");
	EXPECT(&d, D_REF_MISSING, 121, "'XYZ'");
	EXPECT(&d, D_ROW_DUP, 123, "'KS' har redan en driftrad i driftredovisningen (rad 118)");
	EXPECT(&d, D_ROW_DUP, 7, "både i driftredovisningen och i sitt namndbidrag");
	EXPECT(&d, D_ROW_DUP, 7, "den andra på rad 119 i rapport.xml");
	assert_int_equal(d.n, 5);
	diag_free(&d);
	model_free(m);
}

static void projects_personal_and_bidrag(void **state)
{
	(void)state;
	sr_model *m = vb_new("rapport.xml");
	m->ekonomi.projekt[m->ekonomi.n_projekt++] = (projekt){.id = "P1", .namndref = "TN", .loc = {NULL, 125}};
	m->ekonomi.projekt[m->ekonomi.n_projekt++] = (projekt){.id = "P2", .namndref = "KS", .loc = {NULL, 126}};
	m->personal[m->n_personal++] = (personal_rad){.namndref = "KS", .loc = {NULL, 149}};
	m->personal[m->n_personal++] = (personal_rad){.namndref = "SN", .loc = {NULL, 150}};
	m->personal[m->n_personal++] = (personal_rad){.namndref = "KS", .from_bidrag = true, .loc = {NULL, 9}};
	m->bidrag[m->n_bidrag++] = (namndbidrag){"MBN", {"namnder/mbn.xml", 2}};
	diag_sink d;
	diag_init(&d);
	valid_check(m, &d);
	EXPECT(&d, D_REF_MISSING, 125, "projekt 'P1'");
	EXPECT(&d, D_REF_MISSING, 150, "'SN'");
	EXPECT(&d, D_PERSONAL_DUP, 9, "'KS' har redan en personalrad i personal (rad 149)");
	EXPECT(&d, D_REF_MISSING, 2, "namndbidrag");
	assert_string_equal(vb_find_at(&d, D_REF_MISSING, 2)->file, "namnder/mbn.xml");
	assert_int_equal(d.n, 4);
	diag_free(&d);
	model_free(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(default_format_accepts_common_forms),
		cmocka_unit_test(default_format_refuses_others),
		cmocka_unit_test(own_format_matches_whole_number),
		cmocka_unit_test(ersatter_is_checked_too),
		cmocka_unit_test(bad_pattern_names_offset),
		cmocka_unit_test(runaway_pattern_hits_limit),
		cmocka_unit_test(placeholders_are_found),
		cmocka_unit_test(placeholder_lookalikes_pass),
		cmocka_unit_test(characters_above_bmp),
		cmocka_unit_test(logo_rules),
		cmocka_unit_test(drift_rows),
		cmocka_unit_test(projects_personal_and_bidrag),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
