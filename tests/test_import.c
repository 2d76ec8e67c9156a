/* SPDX-License-Identifier: Apache-2.0 */
/* test_import.c - the import module's readers: Swedish spreadsheet numbers, header keys,
 * CSV decoding and line numbers, Kolada JSON numbers, and a whole run in memory. */
#include "import_private.h"
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

static void number_is(const char *in, const char *want)
{
	char out[64];
	const char *why = "";
	int r = imp_number(in, out, sizeof out, &why);
	if (!want) {
		assert_int_equal(r, -1);
		return;
	}
	assert_int_equal(r, 1);
	assert_string_equal(out, want);
}

static void numbers(void **state)
{
	(void)state;
	number_is("82,0", "82.0");
	number_is("1 341,5", "1341.5");
	number_is("1\xC2\xA0" "341,50", "1341.50");          /* no-break space */
	number_is("1\xE2\x80\xAF" "341", "1341");              /* narrow no-break space */
	number_is("\xE2\x88\x92" "1\xC2\xA0" "232,5", "-1232.5");   /* U+2212 */
	number_is("-12.5", "-12.5");
	number_is(" 007 ", "7");
	number_is("-0,0", "0.0");
	number_is("0,123456", "0.123456");
	number_is("0,1234567", NULL);
	number_is("1 000 000 000 000", NULL);
	number_is("9x", NULL);
	number_is("1,2,3", NULL);
	number_is("1.234,5", NULL);
	number_is("-", NULL);
	char out[8];
	const char *why;
	assert_int_equal(imp_number("  ", out, sizeof out, &why), 0);
}

static void keys(void **state)
{
	(void)state;
	arena *a = arena_new();
	assert_string_equal(imp_key(a, "Nämnd"), "namnd");
	assert_string_equal(imp_key(a, "NÄMND"), "namnd");
	assert_string_equal(imp_key(a, "Målvärde"), "malvarde");
	assert_string_equal(imp_key(a, " Kommun-id "), "kommunid");
	assert_string_equal(imp_key(a, "Intäkter"), "intakter");
	assert_string_equal(imp_key(a, "År"), "ar");
	arena_free(a);
}

static imp_ctx ctx(arena *a, diag_sink *d)
{
	return (imp_ctx){ .a = a, .d = d, .doc_file = "t.xml" };
}

static void csv_dialects(void **state)
{
	(void)state;
	arena *a = arena_new();
	diag_sink d;
	diag_init(&d);
	imp_ctx c = ctx(a, &d);
	imp_table t;
	/* BOM, CRLF, a quoted field with ; and a line break, an empty row */
	const char utf8[] = "\xEF\xBB\xBFN\xC3\xA4mnd;Kommentar\r\nKS;\"a;b\r\nc\"\r\n;;\r\nBUN;x\r\n";
	assert_true(imp_csv_read(&c, "u.csv", utf8, sizeof utf8 - 1, &t));
	assert_int_equal(t.n_rows, 3);
	assert_string_equal(t.rows[0].cell[0], "Nämnd");
	assert_string_equal(t.rows[1].cell[1], "a;b\r\nc");
	assert_int_equal(t.rows[1].line, 2);
	assert_int_equal(t.rows[2].line, 5);
	free(t.rows);
	/* Windows-1252: ä and a no-break space */
	const char cp[] = "N\xE4mnd;Budget\nSocialn\xE4mnden;1\xA0" "234,5\n";
	assert_true(imp_csv_read(&c, "w.csv", cp, sizeof cp - 1, &t));
	assert_string_equal(t.rows[1].cell[0], "Socialnämnden");
	char out[64];
	const char *why;
	assert_int_equal(imp_number(t.rows[1].cell[1], out, sizeof out, &why), 1);
	assert_string_equal(out, "1234.5");
	free(t.rows);
	assert_int_equal(d.errors, 0);
	/* UTF-16, an undefined Windows-1252 byte, an unclosed quote: errors with lines */
	assert_false(imp_csv_read(&c, "x.csv", "\xFF\xFEN\0", 4, &t));
	assert_false(imp_csv_read(&c, "y.csv", "a\nb\x81\n", 5, &t));
	assert_false(imp_csv_read(&c, "z.csv", "a;b\n\"open;x\n", 12, &t));
	assert_int_equal(d.errors, 3);
	assert_int_equal(d.items[1].line, 2);
	diag_free(&d);
	arena_free(a);
}

static void dates(void **state)
{
	(void)state;
	char iso[11];
	assert_true(imp_find_date("Källa: Kolada, hämtad 2025-03-14.", iso));
	assert_string_equal(iso, "2025-03-14");
	assert_false(imp_find_date("2025-13-01", iso));
	assert_false(imp_find_date("20250314", iso));
}

static const char doc[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<rapport xmlns=\"urn:styrrapport:1\" typ=\"delarsrapport\" ar=\"2024\">\n"
	"  <diarium><diarienummer>KS 2024/1</diarienummer><beslutsinstans>KF</beslutsinstans>"
	"<handlaggare>A</handlaggare></diarium>\n"
	"  <kommun namn=\"K\" kommunkod=\"0180\"/>\n"
	"  <period fran=\"2024-01-01\" till=\"2024-08-31\"/>\n"
	"  <malnivaer><niva id=\"m\" namn=\"M\"/></malnivaer>\n"
	"  <organisation><namnd id=\"KS\" namn=\"Kommunstyrelsen\"/></organisation>\n"
	"  <mal id=\"M1\" niva=\"m\" titel=\"T\">\n"
	"    <indikator id=\"I1\" namn=\"n\" riktning=\"hogre\" kolada=\"N00001\">\n"
	"      <malvarde ar=\"2024\">10</malvarde>\n"
	"    </indikator>\n"
	"  </mal>\n"
	"</rapport>\n";

static const char *import_json(sr_session *s, const char *json, sr_import **out)
{
	sr_import_source src = { SR_IMPORT_KOLADA, "k.json", NULL, json, strlen(json) };
	sr_import_options o = { &src, 1, NULL };
	*out = sr_import_run_memory(s, doc, sizeof doc - 1, SR_SOURCE_DIR "/tests/data/import/mem.xml", &o);
	size_t len;
	return sr_import_result(*out, &len);
}

static void kolada_numbers(void **state)
{
	(void)state;
	char why[256];
	sr_session *s = sr_session_new(SR_SOURCE_DIR, why, sizeof why);
	assert_non_null(s);
	static const struct { const char *value, *want; } cases[] = {
		{ "82.0", "<utfall ar=\"2024\">82.0</utfall>" },
		{ "12", "<utfall ar=\"2024\">12</utfall>" },
		{ "81.23456789", "<utfall ar=\"2024\">81.234568</utfall>" },
		{ "9.9999999", "<utfall ar=\"2024\">10</utfall>" },
		{ "1.5e2", "<utfall ar=\"2024\">150</utfall>" },
		{ "-2.5E-3", "<utfall ar=\"2024\">-0.0025</utfall>" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char json[512];
		snprintf(json, sizeof json, "{\"values\":[{\"kpi\":\"N00001\",\"municipality\":\"180\","
		         "\"period\":2024,\"values\":[{\"gender\":\"T\",\"status\":\"\",\"value\":%s,"
		         "\"count\":1}]}]}", cases[i].value);
		sr_import *im;
		const char *res = import_json(s, json, &im);
		assert_non_null(res);
		assert_non_null(strstr(res, cases[i].want));
		assert_int_equal(sr_import_change_count(im), 1);
		sr_import_free(im);
	}
	/* an error: nothing comes out */
	sr_import *im;
	assert_null(import_json(s, "{\"values\":[{\"kpi\":\"N00001\",\"municipality\":\"0180\","
	                        "\"period\":2024,\"values\":[{\"gender\":\"T\",\"value\":\"82\"}]}]}", &im));
	assert_int_equal(sr_import_status(im), SR_INVALID);
	sr_import_free(im);
	sr_session_free(s);
}

/* A Kolada web CSV row shorter than its header (no Kön or Status cell after the year
 * columns) is read as total, without status: the fuzzer's row read past its cells. */
static void kolada_csv_short_row(void **state)
{
	(void)state;
	char why[256];
	sr_session *s = sr_session_new(SR_SOURCE_DIR, why, sizeof why);
	assert_non_null(s);
	sr_import *im;
	const char *res = import_json(s, "Nyckeltals-id;Kommun-id;2024;Kön;Status\nN00001;0180;82\n", &im);
	assert_non_null(res);
	assert_non_null(strstr(res, "<utfall ar=\"2024\">82</utfall>"));
	sr_import_free(im);
	sr_session_free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(numbers),
		cmocka_unit_test(keys),
		cmocka_unit_test(csv_dialects),
		cmocka_unit_test(kolada_csv_short_row),
		cmocka_unit_test(dates),
		cmocka_unit_test(kolada_numbers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
