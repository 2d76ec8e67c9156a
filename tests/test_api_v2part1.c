/* SPDX-License-Identifier: Apache-2.0 */
/* test_api_v2part1.c - MODEL v2 part 1 (issue 12), through the library: for every new
 * rule a document that breaks it and the exact message, and the computed figures of
 * tabeller, räkningar v2, balanskrav, noter and driftredovisning v2. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "styrrapport.h"

static sr_session *S;

static int setup(void **state)
{
	(void)state;
	char why[256];
	S = sr_session_new(SR_SOURCE_DIR, why, sizeof why);
	return S ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	sr_session_free(S);
	return 0;
}

/* A document of type typ ending on till, with text in avsnitt, ekonomi and personal. */
static char *doc(const char *typ, const char *till, const char *text, const char *eko,
                 const char *pers)
{
	const char *fmt =
	    "<rapport xmlns=\"urn:styrrapport:1\" typ=\"%s\" ar=\"2024\">\n"
	    "<diarium><diarienummer>KS 2024/1</diarienummer><beslutsinstans>KF</beslutsinstans>"
	    "<handlaggare>A</handlaggare></diarium>\n"
	    "<kommun namn=\"Sjöviks kommun\" kommunkod=\"2999\"/>\n"
	    "<period fran=\"2024-01-01\" till=\"%s\"/>\n"
	    "<organisation><namnd id=\"KS\" namn=\"Kommunstyrelsen\"/>"
	    "<namnd id=\"TN\" namn=\"Tekniska nämnden\"/></organisation>\n"
	    "<avsnitt rubrik=\"Text\"><stycke>Text.</stycke>\n%s</avsnitt>\n"
	    "%s%s%s\n%s%s%s</rapport>\n";
	size_t n = strlen(fmt) + strlen(text) + strlen(eko) + strlen(pers) + 256;
	char *s = malloc(n);
	snprintf(s, n, fmt, typ, till, text, *eko ? "<ekonomi>\n" : "", eko, *eko ? "</ekonomi>" : "",
	         *pers ? "<personal>\n" : "", pers, *pers ? "</personal>\n" : "");
	return s;
}

static sr_report *open_doc(char *s, const char *name)
{
	sr_report *r = sr_open_memory(S, s, strlen(s), name);
	free(s);
	return r;
}

static void dump(const sr_report *r)
{
	for (size_t i = 0; i < sr_diagnostic_count(r); i++) {
		sr_diagnostic g = sr_diagnostic_at(r, i);
		fprintf(stderr, "  %s:%ld: [%s] %s\n", g.file, g.line, g.code, g.message);
	}
}

/* The report has a diagnostic with exactly this code, line and message. */
static void expect(const sr_report *r, const char *code, long line, const char *message)
{
	for (size_t i = 0; i < sr_diagnostic_count(r); i++) {
		sr_diagnostic g = sr_diagnostic_at(r, i);
		if (!strcmp(g.code, code) && g.line == line && !strcmp(g.message, message))
			return;
	}
	dump(r);
	fail_msg("väntade %s på rad %ld: %s", code, line, message);
}

static size_t count(const sr_report *r, const char *code)
{
	size_t n = 0;
	for (size_t i = 0; i < sr_diagnostic_count(r); i++)
		n += !strcmp(sr_diagnostic_at(r, i).code, code);
	return n;
}

static char *computed(sr_report *r)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_int_equal(sr_write_computed(r, f), SR_OK);
	fclose(f);
	return buf;
}

static void has_line(const char *xml, const char *line)
{
	if (!strstr(xml, line))
		fail_msg("saknar %s i\n%s", line, xml);
}

#define SICK "<sjukfranvaro niva=\"kommun\" ar=\"2024\" total=\"6\" langtid=\"40\" kvinnor=\"7\" " \
             "man=\"4\" till-29=\"5\" fran-30-till-49=\"6\" fran-50=\"7\"/>\n"

/* ---- tabell: sums over groups, empty cells, varav, units ---- */

static const char *T_PERS =
    "<tabell id=\"T\" rubrik=\"Personal\" enhet=\"st\" decimaler=\"0\">\n"
    "<kolumn id=\"a\" rubrik=\"2023\"/><kolumn id=\"b\" rubrik=\"2024\"/><kolumn id=\"c\" rubrik=\"Kk\"/>"
    "<kolumn id=\"p\" rubrik=\"Förändring\" enhet=\"%\"/>\n"
    "<grupp namn=\"Anställda\"/>\n"
    "<post id=\"tv\" namn=\"Tillsvidare\" varden=\"2106 2142 2480 1.7\"/>\n"
    "<post namn=\"varav kvinnor\" varav=\"ja\" varden=\"1600 1650 - -\"/>\n"
    "<post id=\"ta\" namn=\"Tidsbegränsat\" varden=\"201 188 - -\"/>\n"
    "<summa id=\"sa\" namn=\"Summa\" varden=\"2307 2330 2480 1.5\"/>\n"
    "<post namn=\"Andel kvinnor\" enhet=\"%\" decimaler=\"1\" varden=\"79.2 78.9 76.0 -\"/>\n"
    "<grupp namn=\"Tomt\"/>\n"
    "<post id=\"x\" namn=\"Inget\" varden=\"- - - -\"/>\n"
    "<summa id=\"sx\" namn=\"Tom summa\"/>\n"
    "<grupp namn=\"Inga termer\"/>\n"
    "<summa id=\"s0\" namn=\"Noll\"/>\n"
    "<summa id=\"all\" namn=\"Alla\" av=\"alla\"/>\n"
    "<summa id=\"lst\" namn=\"Listade\" av=\"sa sx\"/>\n"
    "</tabell>\n";

static void tabell_sums(void **state)
{
	(void)state;
	sr_report *r = open_doc(doc("delarsrapport", "2024-08-31", T_PERS, "", ""), "t.xml");
	if (sr_status(r) != SR_OK)
		dump(r);
	assert_int_equal(sr_status(r), SR_OK);
	char *x = computed(r);
	/* the grupp starts the section; varav and the %-post are not summed; a column with
	 * its own unit is not summed ('-'); all-empty terms give an empty sum; no terms 0 */
	has_line(x, "<summa id=\"sa\" varden=\"2307 2330 2480 -\"/>");
	has_line(x, "<summa id=\"sx\" varden=\"- - - -\"/>");
	has_line(x, "<summa id=\"s0\" varden=\"0 0 0 -\"/>");
	has_line(x, "<summa id=\"all\" varden=\"2307 2330 2480 -\"/>");
	has_line(x, "<summa id=\"lst\" varden=\"2307 2330 2480 -\"/>");
	free(x);
	sr_close(r);
}

static void tabell_published_empty(void **state)
{
	(void)state;
	const char *t =
	    "<tabell rubrik=\"T\"><kolumn id=\"a\" rubrik=\"A\"/><kolumn id=\"b\" rubrik=\"B\"/>\n"
	    "<post namn=\"P\" varden=\"1.0 -\"/>\n"
	    "<summa namn=\"S\" varden=\"- 2.0\"/>\n"
	    "</tabell>\n";
	sr_report *r = open_doc(doc("delarsrapport", "2024-08-31", t, "", ""), "t.xml");
	assert_int_equal(sr_status(r), SR_INVALID);
	expect(r, "RAKNING-SUMMA", 9, "summan 'S' i kolumnen 'A' är publicerad som tom (-) men posterna summerar till 1,0");
	expect(r, "RAKNING-SUMMA", 9, "summan 'S' i kolumnen 'B' är publicerad som 2,0 men alla dess poster är tomma där; skriv - för en tom summa");
	sr_close(r);
}

static void tabell_tolerance_per_column(void **state)
{
	(void)state;
	/* column b has decimaler 0: half a unit per non-empty post = 0.5 x 2 = 1 */
	const char *t =
	    "<tabell rubrik=\"T\" decimaler=\"1\"><kolumn id=\"a\" rubrik=\"A\"/>"
	    "<kolumn id=\"b\" rubrik=\"B\" decimaler=\"0\"/>\n"
	    "<post namn=\"P\" varden=\"1.0 10\"/><post namn=\"Q\" varden=\"1.0 10\"/>\n"
	    "<summa namn=\"S\" varden=\"2.1 21\"/>\n"
	    "<summa namn=\"U\" av=\"alla\" varden=\"2.2 22\"/>\n"
	    "</tabell>\n";
	sr_report *r = open_doc(doc("delarsrapport", "2024-08-31", t, "", ""), "t.xml");
	assert_int_equal(count(r, "RAKNING-SUMMA"), 2);
	expect(r, "RAKNING-SUMMA", 10, "summan 'U' i kolumnen 'A' är publicerad som 2,2 men posterna summerar till 2,0");
	expect(r, "RAKNING-SUMMA", 10, "summan 'U' i kolumnen 'B' är publicerad som 22 men posterna summerar till 20");
	sr_close(r);
}

static void tabell_text_rules(void **state)
{
	(void)state;
	const char *t =
	    "<tabell rubrik=\"Händelser\"><kolumn id=\"n\" rubrik=\"Nämnd\" typ=\"text\"/>"
	    "<kolumn id=\"v\" rubrik=\"Värde\"/>\n"
	    "<post namn=\"A\" varden=\"1 2\"/>\n"
	    "<post><v>KS</v><v>3</v></post>\n"
	    "</tabell>\n"
	    "<tabell rubrik=\"Utan\"><kolumn id=\"w\" rubrik=\"W\"/>\n"
	    "<post varden=\"1\"/>\n"
	    "</tabell>\n";
	sr_report *r = open_doc(doc("delarsrapport", "2024-08-31", t, "", ""), "t.xml");
	assert_int_equal(sr_status(r), SR_INVALID);
	expect(r, "TABELL-TEXT", 8, "posten 'A' anger varden, men tabellen 'Händelser' har en textkolumn; skriv en <v> per kolumn");
	expect(r, "TABELL-TEXT", 7, "1 av 2 poster i tabellen 'Händelser' saknar namn; utelämna namn på alla poster eller på ingen");
	expect(r, "TABELL-TEXT", 12, "posten saknar namn; bara i en tabell med textkolumn får posterna vara utan namn");
	sr_close(r);
}

static void varav_place_and_av(void **state)
{
	(void)state;
	const char *t =
	    "<tabell rubrik=\"T\"><kolumn id=\"a\" rubrik=\"A\"/>\n"
	    "<post namn=\"varav först\" varav=\"ja\" varden=\"1\"/>\n"
	    "<grupp namn=\"G\"/>\n"
	    "<post namn=\"varav efter grupp\" varav=\"ja\" varden=\"1\"/>\n"
	    "<post id=\"p\" namn=\"P\" varden=\"5\"/>\n"
	    "<post id=\"v\" namn=\"varav v\" varav=\"ja\" varden=\"2\"/>\n"
	    "<summa namn=\"S\" av=\"p v\"/>\n"
	    "</tabell>\n";
	sr_report *r = open_doc(doc("delarsrapport", "2024-08-31", t, "", ""), "t.xml");
	assert_int_equal(sr_status(r), SR_INVALID);
	expect(r, "VARAV-PLATS", 8, "varav-raden 'varav först' har ingen post eller summa ovanför sig att höra till (den står först i tabellen)");
	expect(r, "VARAV-PLATS", 10, "varav-raden 'varav efter grupp' har ingen post eller summa ovanför sig att höra till (det närmaste ovanför är en grupprubrik)");
	expect(r, "RAKNING-AV", 13, "summan 'S' nämner 'v' i av=, men en varav-rad räknas aldrig in i en summa");
	sr_close(r);
}

/* ---- räkningar v2, noter, balanskrav ---- */

static const char *RR =
    "<rakning typ=\"resultatrakning\" decimaler=\"1\">\n"
    "<kolumn id=\"u\" rubrik=\"2024\"/><kolumn id=\"f\" rubrik=\"2023\"/>\n"
    "<post id=\"vi\" namn=\"Intäkter\" varden=\"100.0 90.0\" not=\"n2\"/>\n"
    "<post id=\"vk\" namn=\"Kostnader\" varden=\"-104.2 -95.0\"/>\n"
    "<post namn=\"varav nedskrivningar\" varav=\"ja\" varden=\"-1.0 -\"/>\n"
    "<summa id=\"res\" namn=\"Årets resultat\" av=\"alla\"/>\n"
    "</rakning>\n";

static const char *NOTER =
    "<noter><not id=\"n1\" rubrik=\"Principer\"><stycke>Text.</stycke></not>\n"
    "<not id=\"n2\" rubrik=\"Intäkter\"><stycke>Text.</stycke></not></noter>\n";

static char *bk(const char *first, const char *ref, const char *extra)
{
	char *s = malloc(2048);
	snprintf(s, 2048,
	         "%s<rakning typ=\"balanskravsutredning\">\n"
	         "<kolumn id=\"b1\" rubrik=\"2024\"/><kolumn id=\"b2\" rubrik=\"2023\"/>\n"
	         "<post id=\"bar\" namn=\"Årets resultat\" roll=\"arets-resultat\" %s varden=\"%s -5.0\"/>\n"
	         "<post namn=\"Justering\" varden=\"- 1.0\"/>\n"
	         "%s"
	         "</rakning>\n%s",
	         RR, ref, first, extra, NOTER);
	return s;
}

static void balanskrav_underskott(void **state)
{
	(void)state;
	char *e = bk("-4.2", "ref=\"res\" kolumnref=\"u\"",
	             "<summa id=\"bkr\" namn=\"Balanskravsresultat\" av=\"alla\" roll=\"balanskravsresultat\"/>\n");
	sr_report *r = open_doc(doc("arsredovisning", "2024-12-31", "", e, SICK), "t.xml");
	free(e);
	if (sr_status(r) != SR_OK)
		dump(r);
	assert_int_equal(sr_status(r), SR_OK);
	assert_int_equal(sr_diagnostic_count(r), 0);
	char *x = computed(r);
	has_line(x, "<summa id=\"res\" varden=\"-4.2 -5\"/>");
	has_line(x, "<summa id=\"bkr\" varden=\"-4.2 -4\"/>");
	has_line(x, "<balanskrav id=\"bkr\" resultat=\"-4.2\" underskott=\"4.2\" aterstall-senast=\"2027\"/>\n"
	            "  <not id=\"n1\" nr=\"1\"/>\n  <not id=\"n2\" nr=\"2\"/>\n</berakning>");
	free(x);
	sr_close(r);
}

static void balanskrav_errors(void **state)
{
	(void)state;
	char *e = bk("-4.0", "ref=\"res\" kolumnref=\"u\"", "");
	sr_report *r = open_doc(doc("arsredovisning", "2024-12-31", "", e, SICK), "t.xml");
	free(e);
	assert_int_equal(sr_status(r), SR_INVALID);
	expect(r, "BALANSKRAV-ROLL", 16, "balanskravsutredningen saknar en summa med roll=\"balanskravsresultat\"");
	expect(r, "BALANSKRAV-RESULTAT", 18, "årets resultat i balanskravsutredningen är -4,0 men 'res' i kolumnen 'u' i Resultaträkning är -4,2");
	sr_close(r);

	e = bk("-4.2", "ref=\"vi\" kolumnref=\"x\"",
	       "<post namn=\"Två\" roll=\"arets-resultat\" varden=\"1 1\"/>\n"
	       "<summa id=\"bkr\" namn=\"B\" roll=\"balanskravsresultat\" varden=\"- -4.0\"/>\n");
	r = open_doc(doc("arsredovisning", "2024-12-31", "", e, SICK), "t.xml");
	free(e);
	expect(r, "REF-SAKNAS", 18, "kolumnref 'x' på 'Årets resultat' är ingen kolumn i Resultaträkning");
	expect(r, "BALANSKRAV-ROLL", 20, "balanskravsutredningen har mer än en post med roll=\"arets-resultat\"");
	expect(r, "BALANSKRAV-ROLL", 21, "balanskravsresultatet 'bkr' är tomt i första kolumnen ('2024'); det ska ange årets balanskravsresultat");
	sr_close(r);
}

static void balanskrav_other_unit_and_refs(void **state)
{
	(void)state;
	char *e = malloc(4096);
	snprintf(e, 4096, "%s<rakning typ=\"balanskravsutredning\" enhet=\"tkr\">\n"
	         "<kolumn id=\"b1\" rubrik=\"2024\"/>\n"
	         "<post id=\"bar\" namn=\"Årets resultat\" roll=\"arets-resultat\" ref=\"res\" kolumnref=\"u\" varden=\"-4.2\" not=\"nix\"/>\n"
	         "<summa id=\"bkr\" namn=\"B\" av=\"alla\" roll=\"balanskravsresultat\"/>\n"
	         "</rakning>\n"
	         "<rakning typ=\"balansrakning\"><kolumn id=\"k\" rubrik=\"K\"/>\n"
	         "<post id=\"t\" namn=\"T\" varden=\"1\" ref=\"res\"/>\n"
	         "<summa id=\"st\" namn=\"ST\" roll=\"tillgangar\"/><post id=\"e\" namn=\"E\" varden=\"1\"/>"
	         "<summa id=\"se\" namn=\"SE\" roll=\"ek-och-skulder\"/>\n"
	         "<summa id=\"x\" namn=\"X\" roll=\"balanskravsresultat\"/>\n"
	         "</rakning>\n%s", RR, NOTER);
	sr_report *r = open_doc(doc("arsredovisning", "2024-12-31", "", e, SICK), "t.xml");
	free(e);
	expect(r, "BALANSKRAV-RESULTAT", 18, "årets resultat i balanskravsutredningen är i tkr men 'res' i Resultaträkning är i mnkr; båda ska ha samma enhet");
	expect(r, "REF-SAKNAS", 18, "not 'nix' på 'Årets resultat' finns inte bland noterna i noter");
	expect(r, "BALANSKRAV-ROLL", 22, "'T' anger ref utan roll=\"arets-resultat\"");
	expect(r, "BALANSKRAV-ROLL", 24, "roll=\"balanskravsresultat\" på 'X' används bara i en balanskravsutredning");
	sr_close(r);
}

static void warnings_of_the_law(void **state)
{
	(void)state;
	char *e = malloc(2048);
	snprintf(e, 2048, "%s<rakning typ=\"resultatrakning\"><kolumn id=\"k2\" rubrik=\"2024\"/>\n"
	         "<post id=\"q\" namn=\"Q\" varden=\"1\"/></rakning>\n", RR);
	sr_report *r = open_doc(doc("arsredovisning", "2024-12-31", "", e,
	                            "<sjukfranvaro niva=\"kommun\" ar=\"2024\" total=\"6\"/>\n"
	                            "<sjukfranvaro niva=\"kommun\" ar=\"2024\" total=\"101\"/>\n"), "t.xml");
	free(e);
	expect(r, "RAKNING-RUBRIK", 16, "två räkningar heter 'Resultaträkning' (den andra på rad 9); ge var och en en egen rubrik så att läsaren kan skilja dem åt");
	expect(r, "BALANSKRAV-SAKNAS", 8, "årsredovisningen har en resultaträkning men ingen balanskravsutredning; kommunallagen (11 kap.) och LKBR (11 kap.) kräver en utredning av balanskravsresultatet (rakning typ=\"balanskravsutredning\")");
	expect(r, "SJUK-SAKNAS", 20, "kommunens sjukfrånvaro för 2024 saknar langtid, kvinnor, man, till-29, fran-30-till-49, fran-50; LKBR (11 kap.) kräver alla sju värden (en grupp med tio eller färre anställda redovisas inte)");
	expect(r, "SJUK-DUBBLETT", 21, "sjukfrånvaro för kommunen 2024 finns redan (rad 20)");
	expect(r, "SJUK-VARDE", 21, "sjukfrånvaro total=\"101\" ligger utanför 0–100 (procent)");
	expect(r, "REF-SAKNAS", 11, "not 'n2' på 'Intäkter' finns inte bland noterna i noter");
	sr_close(r);
}

static void finmal_empty_term(void **state)
{
	(void)state;
	char *e = malloc(2048);
	snprintf(e, 2048, "<rakning typ=\"resultatrakning\"><kolumn id=\"u\" rubrik=\"2024\"/>\n"
	         "<post id=\"a\" namn=\"A\" varden=\"-\"/><post id=\"b\" namn=\"B\" varden=\"10\"/>\n"
	         "</rakning>\n"
	         "<finansielltmal id=\"F\" namn=\"F\" riktning=\"hogre\" malvarde=\"1\" taljare=\"a\" namnare=\"b\" kolumn=\"u\"/>\n");
	sr_report *r = open_doc(doc("delarsrapport", "2024-08-31", "", e, ""), "t.xml");
	free(e);
	expect(r, "FINMAL-TERM", 12, "det finansiella målet 'F': termen 'a' är tom (-) i kolumnen 'u'");
	sr_close(r);
}

/* ---- driftredovisning v2 ---- */

static const char *DRIFT_YEAR =
    "<driftredovisning>\n"
    "<rad namndref=\"KS\" budget=\"100.0\" utfall=\"97.8\" avvikelse=\"2.4\" intakter=\"10.0\" kostnader=\"107.8\"/>\n"
    "<rad namndref=\"TN\" budget=\"50.0\" utfall=\"49.0\" avvikelse=\"1.3\" intakter=\"5.0\" kostnader=\"54.3\"/>\n"
    "<rad rubrik=\"varav VA\" varav=\"ja\" budget=\"0\" utfall=\"-1.2\"/>\n"
    "<rad rubrik=\"Ett\" budget=\"1\" utfall=\"1\" intakter=\"1\"/>\n"
    "<summa budget=\"151\" utfall=\"147.8\" avvikelse=\"3.8\" periodbudget=\"1\"/>\n"
    "</driftredovisning>\n";

static void drift_published_figures(void **state)
{
	(void)state;
	char *e = malloc(2048);
	snprintf(e, 2048, "%s", DRIFT_YEAR);
	sr_report *r = open_doc(doc("arsredovisning", "2024-12-31", "", e, SICK), "t.xml");
	free(e);
	assert_int_equal(sr_status(r), SR_INVALID);
	/* 2.4 against 2.2 is within 2u; 1.3 against 1.0 is not */
	assert_int_equal(count(r, "DRIFT-AVVIKELSE"), 1);
	expect(r, "DRIFT-AVVIKELSE", 11, "raden 'TN' anger avvikelse 1,3 men budget \xe2\x88\x92 utfall ger 1,0 (tillåten skillnad två enheter i sista decimalen)");
	expect(r, "DRIFT-BRUTTO", 11, "raden 'TN': kostnader 54,3 \xe2\x88\x92 intäkter 5,0 är 49,3, men utfall är 49,0");
	expect(r, "DRIFT-BRUTTO", 13, "raden 'Ett' anger intakter men inte kostnader; ange båda eller ingen");
	expect(r, "DRIFT-RAD", 14, "periodbudget hör till en delårsrapport, uppföljning eller månadsrapport, inte till en rapport för hela året");
	/* the sum's avvikelse: computed 3.2, given 3.8, 2u x 3 rows = 0.6 allowed */
	assert_int_equal(count(r, "DRIFT-SUMMA"), 1);   /* the periodbudget; 3.8 is in */
	sr_close(r);
}

static void drift_part_year(void **state)
{
	(void)state;
	const char *e =
	    "<driftredovisning>\n"
	    "<rad rubrik=\"varav först\" varav=\"ja\" budget=\"0\" utfall=\"0\"/>\n"
	    "<rad namndref=\"KS\" budget=\"120.0\" utfall=\"70.0\" prognos=\"118.0\" periodbudget=\"75.0\" intakter=\"5.0\" kostnader=\"75.0\"/>\n"
	    "<rad namndref=\"TN\" budget=\"60.0\" utfall=\"40.0\" avvikelse=\"1\" intakter=\"1.0\" kostnader=\"41.0\"/>\n"
	    "<rad rubrik=\"varav VA\" varav=\"ja\" namndref=\"KS\" budget=\"10\" utfall=\"5\" prognos=\"9\"/>\n"
	    "<summa budget=\"180\" utfall=\"110\" periodbudget=\"115.1\" intakter=\"6\" kostnader=\"116\"/>\n"
	    "</driftredovisning>\n";
	char *s = malloc(2048);
	snprintf(s, 2048, "%s", e);
	sr_report *r = open_doc(doc("delarsrapport", "2024-08-31", "", s, ""), "t.xml");
	free(s);
	expect(r, "VARAV-PLATS", 10, "varav-raden 'varav först' har ingen rad ovanför sig att höra till");
	expect(r, "DRIFT-AVVIKELSE", 12, "raden 'TN' anger avvikelse 1,0 men ingen prognos; i en delårsrapport eller uppföljning räknas avvikelsen mot prognosen");
	expect(r, "DRIFT-RAD", 13, "en varav-rad i driftredovisningen har rubrik och ingen namndref");
	/* periodbudget 75 + 60 x 8/12 = 115: 115.1 is within u/2 x 2 rows */
	assert_int_equal(count(r, "DRIFT-SUMMA"), 0);
	sr_close(r);
}

static void drift_compute_v2(void **state)
{
	(void)state;
	const char *e =
	    "<driftredovisning>\n"
	    "<rad namndref=\"KS\" budget=\"120.0\" utfall=\"70.0\" prognos=\"118.0\" periodbudget=\"75.0\" intakter=\"5.0\" kostnader=\"75.0\"/>\n"
	    "<rad rubrik=\"varav VA\" varav=\"ja\" budget=\"12\" utfall=\"5\" prognos=\"9\"/>\n"
	    "<rad namndref=\"TN\" budget=\"60.0\" utfall=\"40.0\" prognos=\"61\" intakter=\"1.0\" kostnader=\"41.0\"/>\n"
	    "<summa budget=\"180\" utfall=\"110\" prognos=\"179\" avvikelse=\"1.1\"/>\n"
	    "</driftredovisning>\n";
	char *s = malloc(2048);
	snprintf(s, 2048, "%s", e);
	sr_report *r = open_doc(doc("delarsrapport", "2024-08-31", "", s, ""), "t.xml");
	free(s);
	if (sr_status(r) != SR_OK)
		dump(r);
	assert_int_equal(sr_status(r), SR_OK);
	char *x = computed(r);
	has_line(x, "<drift namndref=\"KS\" avvikelse=\"2\" avvikelse-procent=\"1.666667\" periodiserad-budget=\"75\" forbrukat-procent=\"58.333333\"/>");
	has_line(x, "<drift rubrik=\"varav VA\" varav=\"ja\" avvikelse=\"3\" avvikelse-procent=\"25\" periodiserad-budget=\"8\" forbrukat-procent=\"41.666667\"/>");
	/* the sum: the computed avvikelse (1), not the published 1.1; periodiserad 75 + 40 */
	has_line(x, "<drift summa=\"ja\" budget=\"180\" utfall=\"110\" prognos=\"179\" intakter=\"6\" kostnader=\"116\" avvikelse=\"1\" avvikelse-procent=\"0.555556\" periodiserad-budget=\"115\" forbrukat-procent=\"61.111111\"/>");
	free(x);
	sr_close(r);
}

/* ---- bild ---- */

static void write_file(const char *path, const void *data, size_t n)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	fwrite(data, 1, n, f);
	fclose(f);
}

static void copy_image(const char *from, const char *dir, const char *to)
{
	char src[512], dst[512];
	snprintf(src, sizeof src, "%s/tests/data/img/%s", SR_SOURCE_DIR, from);
	snprintf(dst, sizeof dst, "%s/%s", dir, to);
	FILE *f = fopen(src, "rb");
	assert_non_null(f);
	static unsigned char buf[1 << 20];
	size_t n = fread(buf, 1, sizeof buf, f);
	fclose(f);
	write_file(dst, buf, n);
}

static void bild_rules(void **state)
{
	(void)state;
	char dir[] = "/tmp/sr-bild-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char p[512], name[512];
	/* real files (tests/data/img): a 16-bit PNG is decoded to 8 bits and accepted; the
	 * CMYK JPEG, a truncated PNG and a text file are refused */
	copy_image("rgb16.png", dir, "djup.png");
	copy_image("cmyk.jpg", dir, "cmyk.jpg");
	copy_image("not-an-image.png", dir, "text.png");
	copy_image("truncated.png", dir, "kort.png");
	const char *t =
	    "<bild href=\"djup.png\" alt=\"A\"/>\n"
	    "<bild href=\"cmyk.jpg\" alt=\"B\"/>\n"
	    "<bild href=\"text.png\" alt=\"C\"/>\n"
	    "<bild href=\"saknas.png\" alt=\"D\"/>\n"
	    "<bild href=\"/etc/passwd\" dekorativ=\"ja\"/>\n"
	    "<bild href=\"../ut.png\" alt=\"E\"/>\n"
	    "<bild href=\"djup.png\"/>\n"
	    "<bild href=\"djup.png\" alt=\" \"/>\n"
	    "<bild href=\"djup.png\" alt=\"F\" dekorativ=\"ja\" bredd=\"5\"/>\n"
	    "<bild href=\"kort.png\" alt=\"G\"/>\n";
	snprintf(name, sizeof name, "%s/t.xml", dir);
	sr_report *r = open_doc(doc("delarsrapport", "2024-08-31", t, "", ""), name);
	for (size_t i = 0; i < sr_diagnostic_count(r); i++)
		if (sr_diagnostic_at(r, i).line == 7)
			fail_msg("a 16-bit PNG is decoded, not refused: %s", sr_diagnostic_at(r, i).message);
	expect(r, "BILD-FORMAT", 8, "bilden 'cmyk.jpg' är en CMYK-JPEG, som inte kan visas rätt i en PDF/A med sRGB; spara om den i färgläget RGB (sRGB) i ett bildprogram, eller som PNG");
	expect(r, "BILD-FORMAT", 9, "bilden 'text.png' är varken en PNG- eller en JPEG-bild");
	expect(r, "BILD-FORMAT", 16, "bilden 'kort.png' är en avkortad PNG-fil: den tar slut innan bilden är hel");
	snprintf(p, sizeof p, "bilden 'saknas.png' finns inte (sökt som %s/saknas.png)", dir);
	expect(r, "BILD-SAKNAS", 10, p);
	expect(r, "BILD-SOKVAG", 11, "bilden '/etc/passwd' ska vara en relativ sökväg till en fil i dokumentets mapp (ingen adress, ingen absolut sökväg)");
	expect(r, "BILD-SOKVAG", 12, "bilden '../ut.png' ligger utanför dokumentets mapp");
	expect(r, "BILD-ALT", 13, "bilden 'djup.png' saknar alt-text; beskriv vad bilden visar (alt=\"…\"), eller ange dekorativ=\"ja\" om den bara pryder");
	expect(r, "BILD-ALT", 14, "bilden 'djup.png' har ett tomt alt; beskriv vad bilden visar, eller ange dekorativ=\"ja\" om den bara pryder");
	expect(r, "BILD-ALT", 15, "bilden 'djup.png' har både alt och dekorativ=\"ja\"; en dekorativ bild läses inte upp, ange det ena");
	expect(r, "SCHEMA-VARDE", 15, "bredd=\"5\" på bilden 'djup.png' ska vara 10–100 (procent av textbredden)");
	sr_close(r);
	const char *files[] = {"djup.png", "cmyk.jpg", "text.png", "kort.png"};
	for (size_t i = 0; i < 4; i++) {
		snprintf(p, sizeof p, "%s/%s", dir, files[i]);
		unlink(p);
	}
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(tabell_sums),
		cmocka_unit_test(tabell_published_empty),
		cmocka_unit_test(tabell_tolerance_per_column),
		cmocka_unit_test(tabell_text_rules),
		cmocka_unit_test(varav_place_and_av),
		cmocka_unit_test(balanskrav_underskott),
		cmocka_unit_test(balanskrav_errors),
		cmocka_unit_test(balanskrav_other_unit_and_refs),
		cmocka_unit_test(warnings_of_the_law),
		cmocka_unit_test(finmal_empty_term),
		cmocka_unit_test(drift_published_figures),
		cmocka_unit_test(drift_part_year),
		cmocka_unit_test(drift_compute_v2),
		cmocka_unit_test(bild_rules),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
