/* SPDX-License-Identifier: Apache-2.0 */
/* test_calc_xml.c - the <berakning> output: escaping, optional attributes, write errors,
 * and the bundled sample (rebuilt here in C) against its hand-made golden file. */
#include "calc_builder.h"
#include "calc.h"
#include "diag.h"
#include <stdio.h>
#include <stdlib.h>

static char *write_xml(const sr_model *m)
{
	calc_result *r = calc_compute(m);
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_non_null(f);
	assert_int_equal(calc_write_xml(r, m, f), 0);
	fclose(f);
	calc_free(r);
	return buf;
}

static char *read_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	int c;
	while ((c = fgetc(f)) != EOF)
		fputc(c, out);
	fclose(out);
	fclose(f);
	return buf;
}

/* ---- the sample, sjovik-delarsrapport-2024.xml, as the loader will build it ---- */

static void sample_goals(sr_model *m)
{
	static const char *const nn[] = {"KS", "BUN", "SN", "TN"};
	m->namnder = arena_calloc(m->arena, 4, sizeof *m->namnder);
	for (size_t i = 0; i < 4; i++)
		m->namnder[i] = (namnd){.id = nn[i], .namn = nn[i]};
	m->n_namnder = 4;
	mal *o1 = b_goal(m, "O1", "omrade", NULL, NULL);
	mal *s1 = b_goal(m, "S1", "strat", o1, NULL);
	mal *n1 = b_goal(m, "N1", "namnd", s1, "BUN");
	b_ind(m, n1, "I1", DIR_HOGRE, "78.5", "85", "82.0");
	b_ind(m, n1, "I2", DIR_HOGRE, "84.0", "88", "88.6");
	b_manual(n1, ST_NONE, ST_DELVIS);
	mal *n2 = b_goal(m, "N2", "namnd", s1, "BUN");
	b_ind(m, n2, "I3", DIR_HOGRE, "91", "95", NULL);
	mal *o2 = b_goal(m, "O2", "omrade", NULL, NULL);
	mal *s2 = b_goal(m, "S2", "strat", o2, NULL);
	b_ind(m, b_goal(m, "N3", "namnd", s2, "SN"), "I4", DIR_LAGRE, "92", "60", "88");
	b_ind(m, b_goal(m, "N4", "namnd", s2, "SN"), "I5", DIR_LAGRE, "1.9", "1.6", "1.7");
	mal *s3 = b_goal(m, "S3", "strat", o2, NULL);
	mal *n5 = b_goal(m, "N5", "namnd", s3, "TN");
	b_ind(m, n5, "I6", DIR_LAGRE, "410", "350", "362");
	b_ind(m, n5, "I7", DIR_HOGRE, "35", "55", "38");
	mal *o3 = b_goal(m, "O3", "omrade", NULL, NULL);
	mal *s4 = b_goal(m, "S4", "strat", o3, NULL);
	b_ind(m, s4, "I8", DIR_LAGRE, "8.1", "7.0", "6.9");
	b_manual(s4, ST_UPPFYLLT, ST_UPPFYLLT);
	model_link_goals(m);
}

static void sample_economy(sr_model *m)
{
	b_drift(m, "KS", "142.3", "90.2", "140.9");
	b_drift(m, "BUN", "612.0", "420.7", "618.4");
	b_drift(m, "SN", "498.5", "341.2", "509.0");
	b_drift(m, "TN", "88.7", "55.1", "86.2");
	m->ekonomi.has_drift_summa = true;
	m->ekonomi.drift_summa = (summa_rad){.budget = D("1341.5"), .utfall = D("907.2"), .prognos = D("1354.5"), .has_prognos = true};
	b_projekt(m, "P1", "TN", "45.0", "41.2", "46.5");
	b_projekt(m, "P2", "TN", "12.0", "3.1", "9.0");
	b_projekt(m, "P3", "SN", "4.5", "1.0", "4.5");
	rakning *rr = b_rakning(m, RK_RESULTATRAKNING,
	                        "ufg:Utfall_jan–aug_2023 u:Utfall_jan–aug_2024 b:Budget_2024 p:Prognos_2024");
	b_post(m, rr, "vi", "201.4 214.9 318.0 322.5");
	b_post(m, rr, "vk", "-1232.5 -1296.0 -1940.0 -1961.7");
	b_post(m, rr, "avs", "-38.2 -40.8 -62.0 -62.4");
	b_summa(m, rr, "vnk", NULL, NULL, NULL);
	b_post(m, rr, "skatt", "902.5 951.0 1420.0 1424.6");
	b_post(m, rr, "bidrag", "196.4 208.2 310.5 312.1");
	b_summa(m, rr, "vr", "alla", NULL, NULL);
	b_post(m, rr, "fi", "4.1 5.3 6.0 7.2");
	b_post(m, rr, "fk", "-7.9 -9.6 -14.0 -13.9");
	b_summa(m, rr, "res", "alla", NULL, NULL);
	b_fin(m, "F1", DIR_HOGRE, "2.0", "res", "skatt bidrag", "p");
}

static void sample_matches_golden(void **state)
{
	(void)state;
	sr_model *m = b_model(RT_DELARSRAPPORT, "2024-08-31");
	m->diarium.diarienummer = "KS 2024/0456";
	sample_goals(m);
	sample_economy(m);
	diag_sink d;
	diag_init(&d);
	calc_check_economy(m, &d);
	assert_int_equal(d.n, 0);
	diag_free(&d);
	char *got = write_xml(m);
	char *want = read_file(SR_TEST_DATA "/golden/sjovik-delarsrapport-2024.compute.xml");
	assert_string_equal(got, want);
	free(got);
	free(want);
	model_free(m);
}

/* Attribute values are escaped; undefined figures are left out. */
static void escapes_and_omits(void **state)
{
	(void)state;
	sr_model *m = b_model(RT_UPPFOLJNING, "2024-04-30");
	m->diarium.diarienummer = "KS <2024>/\"1\" & co";
	m->nivaer = NULL, m->n_nivaer = 0;
	m->namnder = NULL, m->n_namnder = 0;
	b_drift(m, "#Skatt & \"bidrag\"\t<x>", "0", "5", NULL);
	char *got = write_xml(m);
	const char *want =
	    "<berakning xmlns=\"urn:styrrapport:berakning:1\" typ=\"uppfoljning\" ar=\"2024\" "
	    "diarienummer=\"KS &lt;2024&gt;/&quot;1&quot; &amp; co\">\n"
	    "  <malsumma alla=\"ja\" uppfyllt=\"0\" delvis=\"0\" ej-uppfyllt=\"0\" ej-bedomt=\"0\"/>\n"
	    "  <prognossumma alla=\"ja\" uppfyllt=\"0\" delvis=\"0\" ej-uppfyllt=\"0\" ej-bedomt=\"0\"/>\n"
	    "  <drift rubrik=\"Skatt &amp; &quot;bidrag&quot;&#9;&lt;x&gt;\" periodiserad-budget=\"0\"/>\n"
	    "  <drift summa=\"ja\" budget=\"0\" utfall=\"5\" periodiserad-budget=\"0\"/>\n"
	    "</berakning>\n";
	assert_string_equal(got, want);
	free(got);
	model_free(m);
}

static void balance_lines(void **state)
{
	(void)state;
	sr_model *m = b_model(RT_ARSREDOVISNING, "2024-12-31");
	m->nivaer = NULL, m->n_nivaer = 0;
	rakning *br = b_rakning(m, RK_BALANSRAKNING, "fg:A ia:B");
	b_post(m, br, "at", "1500 1520");
	b_summa(m, br, "st", NULL, "1500 1520.04", "tillgangar");
	b_post(m, br, "ek", "1500 1520");
	b_summa(m, br, "tot", "alla", NULL, "ek-och-skulder");
	char *got = write_xml(m);
	assert_non_null(strstr(got, "  <summa id=\"st\" varden=\"1500 1520\"/>\n"
	                            "  <summa id=\"tot\" varden=\"3000 3040\"/>\n"
	                            "  <balans kolumn=\"fg\" tillgangar=\"1500\" ek-och-skulder=\"3000\" differens=\"-1500\"/>\n"
	                            "  <balans kolumn=\"ia\" tillgangar=\"1520.04\" ek-och-skulder=\"3040\" differens=\"-1519.96\"/>\n"));
	free(got);
	model_free(m);
}

/* A failing stream is reported, not ignored. */
static void write_error(void **state)
{
	(void)state;
	FILE *f = fopen("/dev/full", "w");
	if (!f)
		skip();
	setvbuf(f, NULL, _IONBF, 0);
	sr_model *m = b_model(RT_DELARSRAPPORT, "2024-08-31");
	calc_result *r = calc_compute(m);
	assert_int_equal(calc_write_xml(r, m, f), -1);
	fclose(f);
	calc_free(r);
	model_free(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sample_matches_golden),
		cmocka_unit_test(escapes_and_omits),
		cmocka_unit_test(balance_lines),
		cmocka_unit_test(write_error),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
