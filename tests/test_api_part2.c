/* SPDX-License-Identifier: Apache-2.0 */
/* test_api_part2.c - MODEL v2 part 2 (issue 13) through the library's public API, on
 * small documents: scale validation, roll-up on the step boundaries in exact arithmetic,
 * the sums of met steps, trend targets, ranges on their bounds, goals under several
 * parents, late uppdrag on the deadline day, the månadsrapport's periods, and for every
 * new error a document that breaks it with the exact message. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "styrrapport.h"

static sr_session *session;

static int setup(void **state)
{
	(void)state;
	char why[256];
	session = sr_session_new(SR_SOURCE_DIR, why, sizeof why);
	return session ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	sr_session_free(session);
	return 0;
}

/* A report: typ, the period's end, what stands before organisation (scale, rules) and
 * the body after it. Line 9 is the first line of `pre`; the body starts on the line
 * after organisation. */
static char *doc(const char *typ, const char *till, const char *pre, const char *body)
{
	const char *fmt =
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                                   /* 1 */
	    "<rapport xmlns=\"urn:styrrapport:1\" typ=\"%s\" ar=\"2024\">\n"                 /* 2 */
	    "<diarium><diarienummer>KS 2024/1</diarienummer><beslutsinstans>KF</beslutsinstans>"
	    "<handlaggare>A</handlaggare></diarium>\n"                                       /* 3 */
	    "<kommun namn=\"Sjöviks kommun\" kommunkod=\"2999\"/>\n"                         /* 4 */
	    "<period fran=\"2024-01-01\" till=\"%s\"/>\n"                                    /* 5 */
	    "<malnivaer>\n"                                                                  /* 6 */
	    "<niva id=\"strat\" namn=\"Strategiskt mål\"/><niva id=\"namnd\" namn=\"Nämndmål\"/>\n" /* 7 */
	    "</malnivaer>\n"                                                                 /* 8 */
	    "%s"                                                                             /* 9.. */
	    "<organisation><namnd id=\"KS\" namn=\"Kommunstyrelsen\"/><namnd id=\"BUN\" namn=\"BUN\"/></organisation>\n"
	    "%s"
	    "</rapport>\n";
	size_t n = strlen(fmt) + strlen(typ) + strlen(till) + strlen(pre) + strlen(body) + 1;
	char *s = malloc(n);
	assert_non_null(s);
	snprintf(s, n, fmt, typ, till, pre, body);
	return s;
}

/* The Nynäshamn-like scale of MODEL.md, lines 9-15. */
#define SCALE \
	"<bedomningsskala>\n" \
	"<steg id=\"helt\" namn=\"Helt uppfyllt\" poang=\"3\" fran=\"2.5\" uppfyllt=\"ja\" motsvarar=\"uppfyllt\"/>\n" \
	"<steg id=\"hog\" namn=\"I hög grad uppfyllt\" poang=\"2\" fran=\"1.75\" uppfyllt=\"ja\" farg=\"#7cb342\" form=\"femhorn\"/>\n" \
	"<steg id=\"delvis\" namn=\"Delvis uppfyllt\" poang=\"1\" fran=\"0.75\" motsvarar=\"delvis\"/>\n" \
	"<steg id=\"ej\" namn=\"Ej uppfyllt\" poang=\"0\" motsvarar=\"ej-uppfyllt\"/>\n" \
	"<ejbedomt id=\"vit\" namn=\"Ingen uppföljning möjlig\"/>\n" \
	"</bedomningsskala>\n"

#define DELAR "delarsrapport", "2024-08-31"

static sr_report *open_doc(char *xml)
{
	sr_report *r = sr_open_memory(session, xml, strlen(xml), "t.xml");
	free(xml);
	return r;
}

static void dump(const sr_report *r)
{
	for (size_t i = 0; i < sr_diagnostic_count(r); i++) {
		sr_diagnostic g = sr_diagnostic_at(r, i);
		print_message("  %s:%ld [%s] %s\n", g.file, g.line, g.code, g.message);
	}
}

/* compute's output for a valid document (caller frees). */
static char *computed(char *xml)
{
	sr_report *r = open_doc(xml);
	if (sr_status(r) != SR_OK)
		dump(r);
	assert_int_equal(sr_status(r), SR_OK);
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_int_equal(sr_write_computed(r, f), SR_OK);
	fclose(f);
	sr_close(r);
	return buf;
}

static void has(const char *out, const char *line)
{
	if (!strstr(out, line))
		fail_msg("missing %s in\n%s", line, out);
}

static void lacks(const char *out, const char *text)
{
	if (strstr(out, text))
		fail_msg("unexpected %s in\n%s", text, out);
}

/* The document is invalid and says exactly `message` under code at line. */
static void refused(char *xml, const char *code, long line, const char *message)
{
	sr_report *r = open_doc(xml);
	assert_int_equal(sr_status(r), SR_INVALID);
	for (size_t i = 0; i < sr_diagnostic_count(r); i++) {
		sr_diagnostic g = sr_diagnostic_at(r, i);
		if (strcmp(g.code, code) == 0 && g.line == line &&
		    (!message || strcmp(g.message, message) == 0)) {
			sr_close(r);
			return;
		}
	}
	dump(r);
	sr_close(r);
	fail_msg("no %s at line %ld: %s", code, line, message ? message : "");
}

/* ---- scale validation ---- */

static void scale_rules(void **state)
{
	(void)state;
	refused(doc(DELAR, "<bedomningsskala><steg id=\"a\" namn=\"A\" poang=\"1\"/></bedomningsskala>\n", ""),
	        "SKALA", 9, "bedomningsskala har 1 steg; en skala har 2 till 6 steg, bäst först");
	refused(doc(DELAR,
	            "<bedomningsskala>\n"
	            "<steg id=\"a\" namn=\"A\" poang=\"1\" fran=\"1\" motsvarar=\"uppfyllt delvis\"/>\n"
	            "<steg id=\"b\" namn=\"B\" poang=\"1\" motsvarar=\"ej-uppfyllt\"/>\n"
	            "</bedomningsskala>\n", ""),
	        "SKALA", 11, "steg 'b' har poang=\"1\", inte lägre än steg 'a' ovanför (1); poängen ska minska steg för steg, bäst först");
	refused(doc(DELAR,
	            "<bedomningsskala>\n"
	            "<steg id=\"a\" namn=\"A\" poang=\"2\" motsvarar=\"uppfyllt delvis\"/>\n"
	            "<steg id=\"b\" namn=\"B\" poang=\"1\" fran=\"1\" motsvarar=\"ej-uppfyllt\"/>\n"
	            "</bedomningsskala>\n", ""),
	        "SKALA", 10, "steg 'a' saknar fran; varje steg utom det sista anger från vilken medelpoäng det gäller");
	refused(doc(DELAR,
	            "<bedomningsskala>\n"
	            "<steg id=\"a\" namn=\"A\" poang=\"2\" fran=\"1\" motsvarar=\"uppfyllt delvis\"/>\n"
	            "<steg id=\"b\" namn=\"B\" poang=\"1\" fran=\"1\" motsvarar=\"ej-uppfyllt\"/>\n"
	            "</bedomningsskala>\n", ""),
	        "SKALA", 11, "steg 'b' är skalans sista steg och får inte ange fran; det gäller allt under steget ovanför");
	refused(doc(DELAR,
	            "<bedomningsskala>\n"
	            "<steg id=\"a\" namn=\"A\" poang=\"2\" fran=\"1\" motsvarar=\"uppfyllt\"/>\n"
	            "<steg id=\"b\" namn=\"B\" poang=\"1\" fran=\"1\" motsvarar=\"delvis\"/>\n"
	            "<steg id=\"c\" namn=\"C\" poang=\"0\" motsvarar=\"ej-uppfyllt\"/>\n"
	            "</bedomningsskala>\n", ""),
	        "SKALA", 11, "steg 'b' har fran=\"1\", inte lägre än steg 'a' ovanför (1); gränserna ska minska steg för steg");
}

static void scale_mapping_rules(void **state)
{
	(void)state;
	/* every token once */
	refused(doc(DELAR,
	            "<bedomningsskala>\n"
	            "<steg id=\"a\" namn=\"A\" poang=\"2\" fran=\"1\" motsvarar=\"uppfyllt delvis\"/>\n"
	            "<steg id=\"b\" namn=\"B\" poang=\"1\" motsvarar=\"delvis\"/>\n"
	            "</bedomningsskala>\n", ""),
	        "SKALA", 11, "motsvarar på steg 'b' nämner delvis, som redan står på steg 'a'; varje beräknad status hör till exakt ett steg");
	refused(doc(DELAR,
	            "<bedomningsskala>\n"
	            "<steg id=\"a\" namn=\"A\" poang=\"2\" fran=\"1\" motsvarar=\"uppfyllt delvis\"/>\n"
	            "<steg id=\"b\" namn=\"B\" poang=\"1\"/>\n"
	            "</bedomningsskala>\n", ""),
	        "SKALA", 9, "inget steg i bedomningsskala motsvarar ej-uppfyllt; ange motsvarar=\"ej-uppfyllt\" på det steg som en indikator med den statusen visas som");
	/* in order */
	refused(doc(DELAR,
	            "<bedomningsskala>\n"
	            "<steg id=\"a\" namn=\"A\" poang=\"2\" fran=\"1\" motsvarar=\"delvis\"/>\n"
	            "<steg id=\"b\" namn=\"B\" poang=\"1\" motsvarar=\"uppfyllt ej-uppfyllt\"/>\n"
	            "</bedomningsskala>\n", ""),
	        "SKALA", 10, "steg 'a' motsvarar delvis men står över steg 'b' som motsvarar uppfyllt; delvis får inte ligga på ett bättre steg än uppfyllt");
	/* the met steps first */
	refused(doc(DELAR,
	            "<bedomningsskala>\n"
	            "<steg id=\"a\" namn=\"A\" poang=\"2\" fran=\"1\" motsvarar=\"uppfyllt delvis\"/>\n"
	            "<steg id=\"b\" namn=\"B\" poang=\"1\" uppfyllt=\"ja\" motsvarar=\"ej-uppfyllt\"/>\n"
	            "</bedomningsskala>\n", ""),
	        "SKALA", 11, "steg 'b' har uppfyllt=\"ja\" men steg 'a' ovanför har det inte; de steg som räknas som uppfyllda ska vara skalans första");
	/* a step of its own gives its looks; no two share a shape */
	refused(doc(DELAR,
	            "<bedomningsskala>\n"
	            "<steg id=\"a\" namn=\"A\" poang=\"3\" fran=\"2\" motsvarar=\"uppfyllt delvis\" form=\"stjarna\"/>\n"
	            "<steg id=\"b\" namn=\"B\" poang=\"2\" fran=\"1\" farg=\"#123456\"/>\n"
	            "<steg id=\"c\" namn=\"C\" poang=\"0\" motsvarar=\"ej-uppfyllt\"/>\n"
	            "<ejbedomt form=\"stjarna\"/>\n"
	            "</bedomningsskala>\n", ""),
	        "SKALA", 11, "steg 'b' motsvarar ingen beräknad status och måste därför ange både farg och form");
	refused(doc(DELAR,
	            "<bedomningsskala>\n"
	            "<steg id=\"a\" namn=\"A\" poang=\"3\" fran=\"2\" motsvarar=\"uppfyllt delvis\" form=\"stjarna\"/>\n"
	            "<steg id=\"c\" namn=\"C\" poang=\"0\" motsvarar=\"ej-uppfyllt\"/>\n"
	            "<ejbedomt form=\"stjarna\"/>\n"
	            "</bedomningsskala>\n", ""),
	        "SKALA", 12, "'ej-bedomt' har form=\"stjarna\" som 'a' redan har; två lägen i skalan får inte ha samma form");
	/* thresholds of version 1 with a scale */
	refused(doc(DELAR, "<bedomningsregler mal-gron=\"1.5\"/>\n" SCALE, ""),
	        "SKALA", 9, "bedomningsregler anger mal-gron, men dokumentet har en bedomningsskala; med en egen skala gäller stegens fran (gul-andel får stå kvar)");
	/* the ids are document ids */
	refused(doc(DELAR, SCALE, "<mal id=\"hog\" niva=\"strat\" titel=\"T\"/>\n"),
	        "ID-DUBBLETT", 17, NULL);
}

static void status_names_a_step(void **state)
{
	(void)state;
	refused(doc(DELAR, SCALE, "<mal id=\"M1\" niva=\"strat\" titel=\"T\">\n<bedomning status=\"hög\">Text.</bedomning>\n</mal>\n"),
	        "SKALA-STEG", 18, "status=\"hög\" på bedomning i mal 'M1' är inget steg i bedomningsskala; stegen är helt, hog, delvis, ej, vit");
	refused(doc(DELAR, SCALE, "<mal id=\"M1\" niva=\"strat\" titel=\"T\">\n<bedomning prognos=\"uppfyllt\"/>\n</mal>\n"),
	        "SKALA-STEG", 18, "prognos=\"uppfyllt\" på bedomning i mal 'M1' är inget steg i bedomningsskala; stegen är helt, hog, delvis, ej, vit");
	/* without a scale only version 1's tokens */
	refused(doc(DELAR, "", "<mal id=\"M1\" niva=\"strat\" titel=\"T\">\n<bedomning status=\"hog\">Text.</bedomning>\n</mal>\n"),
	        "SCHEMA-VARDE", 11, "värdet 'hog' i attributet status i <bedomning> är inte tillåtet; tillåtna värden: uppfyllt, delvis, ej-uppfyllt, ej-bedomt");
	/* a manual step needs its analysis */
	refused(doc(DELAR, SCALE, "<mal id=\"M1\" niva=\"strat\" titel=\"T\">\n<bedomning status=\"hog\"/>\n</mal>\n"),
	        "BEDOMNING-TEXT", 18, "bedomning på mal 'M1' anger status=\"hog\" men saknar analystext; en manuell status måste motiveras");
}

/* ---- roll-up by step poang, exactly ---- */

/* A strategic goal over kids with the given manual steps. */
static char *kids_doc(const char *pre, const char *const *steps, size_t n)
{
	char body[4096] = "<mal id=\"S\" niva=\"strat\" titel=\"S\">\n";
	for (size_t i = 0; i < n; i++) {
		char one[256];
		snprintf(one, sizeof one, "<mal id=\"K%zu\" niva=\"namnd\" titel=\"K\"><bedomning status=\"%s\">T</bedomning></mal>\n",
		         i, steps[i]);
		strcat(body, one);
	}
	strcat(body, "</mal>\n");
	return doc(DELAR, pre, body);
}

static void rollup_on_boundaries(void **state)
{
	(void)state;
	const char *a[] = {"hog", "helt"};              /* 5 / 2 = 2.5: exactly helt */
	char *out = computed(kids_doc(SCALE, a, 2));
	has(out, "<mal id=\"S\" status=\"helt\" prognos=\"vit\" poang=\"2.5\"/>");
	free(out);
	const char *b[] = {"helt", "hog", "delvis", "delvis"};   /* 7 / 4 = 1.75: hog */
	out = computed(kids_doc(SCALE, b, 4));
	has(out, "<mal id=\"S\" status=\"hog\" prognos=\"vit\" poang=\"1.75\"/>");
	free(out);
	const char *c[] = {"hog", "delvis", "delvis", "ej"};     /* 4 / 4 = 1: delvis */
	out = computed(kids_doc(SCALE, c, 4));
	has(out, "<mal id=\"S\" status=\"delvis\" prognos=\"vit\" poang=\"1\"/>");
	free(out);
	const char *d[] = {"vit", "ej"};                /* the ejbedomt state is left out */
	out = computed(kids_doc(SCALE, d, 2));
	has(out, "<mal id=\"S\" status=\"ej\" prognos=\"vit\" poang=\"0\"/>");
	free(out);
	const char *e[] = {"vit"};
	out = computed(kids_doc(SCALE, e, 1));
	has(out, "<mal id=\"S\" status=\"vit\" prognos=\"vit\"/>");
	free(out);
}

/* 0.7 + 0.7 + 0.7 is below 2.1 in binary floating point; exactly, the mean is 0.7. */
static void rollup_is_exact(void **state)
{
	(void)state;
	const char *scale =
	    "<bedomningsskala>\n"
	    "<steg id=\"a\" namn=\"A\" poang=\"0.9\" fran=\"0.8\" motsvarar=\"uppfyllt\"/>\n"
	    "<steg id=\"b\" namn=\"B\" poang=\"0.7\" fran=\"0.7\" motsvarar=\"delvis\"/>\n"
	    "<steg id=\"c\" namn=\"C\" poang=\"0.1\" motsvarar=\"ej-uppfyllt\"/>\n"
	    "</bedomningsskala>\n";
	const char *k[] = {"b", "b", "b"};
	char *out = computed(kids_doc(scale, k, 3));
	has(out, "<mal id=\"S\" status=\"b\" prognos=\"ej-bedomt\" poang=\"0.7\"/>");
	free(out);
	const char *k2[] = {"a", "c"};   /* (0.9 + 0.1) / 2 = 0.5: c */
	out = computed(kids_doc(scale, k2, 2));
	has(out, "<mal id=\"S\" status=\"c\" prognos=\"ej-bedomt\" poang=\"0.5\"/>");
	free(out);
}

/* Indicator statuses count with the poang of the step they are mapped onto. */
static void indicators_count_as_their_step(void **state)
{
	(void)state;
	char *out = computed(doc(DELAR, SCALE,
	    "<mal id=\"S\" niva=\"strat\" titel=\"S\">\n"
	    "<indikator id=\"I1\" namn=\"a\" riktning=\"hogre\"><malvarde ar=\"2024\">10</malvarde><utfall ar=\"2024\">10</utfall></indikator>\n"
	    "<indikator id=\"I2\" namn=\"b\" riktning=\"hogre\"><utgangsvarde>0</utgangsvarde><malvarde ar=\"2024\">10</malvarde><utfall ar=\"2024\">5</utfall></indikator>\n"
	    "</mal>\n"));
	has(out, "<indikator id=\"I1\" status=\"uppfyllt\"/>");            /* version 1 tokens */
	has(out, "<indikator id=\"I2\" status=\"delvis\" framsteg=\"0.5\"/>");
	has(out, "<mal id=\"S\" status=\"hog\" prognos=\"vit\" poang=\"2\"/>");   /* (3 + 1) / 2 */
	free(out);
}

/* ---- sums of the met steps ---- */

static void sums_count_met_steps(void **state)
{
	(void)state;
	const char *k[] = {"helt", "hog", "delvis", "vit"};
	char *out = computed(kids_doc(SCALE, k, 4));
	has(out, "<malsumma niva=\"namnd\" uppfyllda=\"2\" antal=\"4\">\n"
	         "    <steg id=\"helt\" antal=\"1\"/>\n"
	         "    <steg id=\"hog\" antal=\"1\"/>\n"
	         "    <steg id=\"delvis\" antal=\"1\"/>\n"
	         "    <steg id=\"ej\" antal=\"0\"/>\n"
	         "    <steg id=\"vit\" antal=\"1\"/>\n"
	         "  </malsumma>");
	has(out, "<malsumma alla=\"ja\" uppfyllda=\"3\" antal=\"5\">");   /* S is hog: (3+2+1)/3 = 2 */
	has(out, "<prognossumma alla=\"ja\" uppfyllda=\"0\" antal=\"5\">");
	free(out);
	/* without uppfyllt="ja" the first step alone counts as met */
	const char *scale =
	    "<bedomningsskala>\n"
	    "<steg id=\"a\" namn=\"A\" poang=\"2\" fran=\"1.5\" motsvarar=\"uppfyllt\"/>\n"
	    "<steg id=\"b\" namn=\"B\" poang=\"1\" fran=\"0.5\" motsvarar=\"delvis\"/>\n"
	    "<steg id=\"c\" namn=\"C\" poang=\"0\" motsvarar=\"ej-uppfyllt\"/>\n"
	    "</bedomningsskala>\n";
	const char *k2[] = {"a", "b", "a"};
	out = computed(kids_doc(scale, k2, 3));
	has(out, "<malsumma niva=\"namnd\" uppfyllda=\"2\" antal=\"3\">");
	free(out);
}

/* ---- trend targets ---- */

static char *trend_doc(const char *attrs, const char *values)
{
	char body[2048];
	snprintf(body, sizeof body,
	         "<mal id=\"S\" niva=\"strat\" titel=\"S\">\n<indikator id=\"I\" namn=\"x\" %s>%s</indikator>\n</mal>\n",
	         attrs, values);
	return doc(DELAR, "", body);
}

static void trend(const char *attrs, const char *values, const char *want)
{
	char *out = computed(trend_doc(attrs, values));
	has(out, want);
	lacks(out, "framsteg");
	free(out);
}

static void trend_targets(void **state)
{
	(void)state;
	trend("mal=\"oka\"", "<utfall ar=\"2023\">1.5</utfall><utfall ar=\"2024\">1.6</utfall>",
	      "<indikator id=\"I\" status=\"uppfyllt\" forandring=\"0.1\" jamfor-ar=\"2023\"/>");
	trend("mal=\"oka\"", "<utfall ar=\"2023\">1.5</utfall><utfall ar=\"2024\">1.5</utfall>",
	      "<indikator id=\"I\" status=\"delvis\" forandring=\"0\" jamfor-ar=\"2023\"/>");
	trend("mal=\"oka\"", "<utfall ar=\"2023\">1.5</utfall><utfall ar=\"2024\">1.4</utfall>",
	      "<indikator id=\"I\" status=\"ej-uppfyllt\" forandring=\"-0.1\" jamfor-ar=\"2023\"/>");
	/* the latest earlier year, years skipped; utgangsvarde and later years not used */
	trend("mal=\"minska\"",
	      "<utgangsvarde ar=\"2019\">1</utgangsvarde><utfall ar=\"2020\">9</utfall><utfall ar=\"2021\">7</utfall>"
	      "<utfall ar=\"2024\">6</utfall><utfall ar=\"2025\">1</utfall>",
	      "<indikator id=\"I\" status=\"uppfyllt\" forandring=\"-1\" jamfor-ar=\"2021\"/>");
	trend("mal=\"minska\"", "<utfall ar=\"2022\">6</utfall><utfall ar=\"2024\">6.5</utfall>",
	      "<indikator id=\"I\" status=\"ej-uppfyllt\" forandring=\"0.5\" jamfor-ar=\"2022\"/>");
	trend("mal=\"bibehalla\" riktning=\"hogre\"", "<utfall ar=\"2023\">80</utfall><utfall ar=\"2024\">80</utfall>",
	      "<indikator id=\"I\" status=\"uppfyllt\" forandring=\"0\" jamfor-ar=\"2023\"/>");
	trend("mal=\"bibehalla\" riktning=\"lagre\"", "<utfall ar=\"2023\">80</utfall><utfall ar=\"2024\">80.1</utfall>",
	      "<indikator id=\"I\" status=\"ej-uppfyllt\" forandring=\"0.1\" jamfor-ar=\"2023\"/>");
	trend("mal=\"bibehalla\" riktning=\"hogre\"", "<utfall ar=\"2023\">80</utfall><utfall ar=\"2024\">81</utfall>",
	      "<indikator id=\"I\" status=\"uppfyllt\" forandring=\"1\" jamfor-ar=\"2023\"/>");
	/* no earlier year, no outcome: ej bedömt without forandring */
	trend("mal=\"oka\"", "<utfall ar=\"2024\">3</utfall>", "<indikator id=\"I\" status=\"ej-bedomt\"/>");
	trend("mal=\"oka\"", "<utfall ar=\"2023\">3</utfall>", "<indikator id=\"I\" status=\"ej-bedomt\"/>");
	/* a mandate-period target may stand with a trend target */
	trend("mal=\"oka\"", "<malvarde period=\"2023-2026\">9</malvarde><utfall ar=\"2023\">1</utfall><utfall ar=\"2024\">2</utfall>",
	      "<indikator id=\"I\" status=\"uppfyllt\" forandring=\"1\" jamfor-ar=\"2023\"/>");
}

static void trend_target_errors(void **state)
{
	(void)state;
	refused(trend_doc("mal=\"oka\"", "\n<malvarde ar=\"2024\">3</malvarde><utfall ar=\"2024\">3</utfall>"),
	        "INDIKATOR-MAL", 12, "indikator 'I' har mal=\"oka\" och ett malvarde för 2024; ett trendmål har inget målvärde för rapportåret");
	refused(trend_doc("mal=\"oka\" riktning=\"lagre\"", ""),
	        "INDIKATOR-MAL", 11, "indikator 'I' har mal=\"oka\" men riktning=\"lagre\"; att öka betyder att högre värden är bättre");
	refused(trend_doc("mal=\"minska\" riktning=\"hogre\"", ""),
	        "INDIKATOR-MAL", 11, "indikator 'I' har mal=\"minska\" men riktning=\"hogre\"; att minska betyder att lägre värden är bättre");
	refused(trend_doc("mal=\"bibehalla\"", ""),
	        "INDIKATOR-MAL", 11, "indikator 'I' har mal=\"bibehalla\" men saknar riktning; ange om högre (hogre) eller lägre (lagre) värden är bättre");
	refused(trend_doc("", ""), "SCHEMA-ATTR-SAKNAS", 11, "<indikator> saknar attributet riktning");
	refused(doc(DELAR, "", "<nyckeltal id=\"NT\" rubrik=\"R\">\n<indikator id=\"V\" namn=\"v\" mal=\"oka\"/>\n</nyckeltal>\n"),
	        "INDIKATOR-MAL", 11, "indikator 'V' i ett nyckeltal anger mal=\"oka\"; nyckeltal har inga mål (ange en plan med malvarde)");
}

/* ---- ranges ---- */

static void fin_range(const char *utfall, const char *status)
{
	char body[512], want[128];
	snprintf(body, sizeof body, "<ekonomi><finansielltmal id=\"F\" namn=\"F\" malvarde-min=\"1.5\" malvarde-max=\"3\" utgangsvarde=\"9\" utfall=\"%s\"/></ekonomi>\n", utfall);
	snprintf(want, sizeof want, "<finansielltmal id=\"F\" utfall=\"%s\" status=\"%s\"/>", utfall, status);
	char *out = computed(doc(DELAR, "", body));
	has(out, want);
	free(out);
}

static void ranges_on_their_bounds(void **state)
{
	(void)state;
	fin_range("1.5", "uppfyllt");
	fin_range("3", "uppfyllt");
	fin_range("1.499999", "ej-uppfyllt");
	fin_range("3.000001", "ej-uppfyllt");
	char *out = computed(doc(DELAR, "", "<ekonomi><rakning typ=\"resultatrakning\"><kolumn id=\"k\" rubrik=\"K\"/><post id=\"x\" namn=\"x\" varden=\"3\"/><post id=\"y\" namn=\"y\" varden=\"200\"/></rakning>"
	    "<finansielltmal id=\"F\" namn=\"F\" malvarde-min=\"1\" malvarde-max=\"2\" taljare=\"x\" namnare=\"y\" kolumn=\"k\"/></ekonomi>\n"));
	has(out, "<finansielltmal id=\"F\" utfall=\"1.5\" status=\"uppfyllt\"/>");
	free(out);
}

static void range_errors(void **state)
{
	(void)state;
	refused(doc(DELAR, "", "<ekonomi><finansielltmal id=\"F\" namn=\"F\" malvarde-min=\"1\" utfall=\"1\"/></ekonomi>\n"),
	        "FINMAL-INTERVALL", 10, "finansielltmal 'F' anger bara malvarde-min; ett målintervall anger både malvarde-min och malvarde-max");
	refused(doc(DELAR, "", "<ekonomi><finansielltmal id=\"F\" namn=\"F\" malvarde-min=\"2\" malvarde-max=\"1\" utfall=\"1\"/></ekonomi>\n"),
	        "FINMAL-INTERVALL", 10, "finansielltmal 'F' har malvarde-min=\"2\" större än malvarde-max=\"1\"");
	refused(doc(DELAR, "", "<ekonomi><finansielltmal id=\"F\" namn=\"F\" riktning=\"hogre\" malvarde=\"2\" malvarde-min=\"1\" malvarde-max=\"3\" utfall=\"1\"/></ekonomi>\n"),
	        "FINMAL-INTERVALL", 10, "finansielltmal 'F' anger ett målintervall och malvarde och riktning; ett intervall ersätter malvarde och riktning");
	refused(doc(DELAR, "", "<ekonomi><finansielltmal id=\"F\" namn=\"F\" riktning=\"hogre\" utfall=\"1\"/></ekonomi>\n"),
	        "SCHEMA-ATTR-SAKNAS", 10, "<finansielltmal> saknar attributet malvarde");
}

/* ---- goals under several parents ---- */

static void several_parents(void **state)
{
	(void)state;
	char *out = computed(doc(DELAR, "",
	    "<mal id=\"S1\" niva=\"strat\" titel=\"S1\"/>\n"
	    "<mal id=\"S2\" niva=\"strat\" titel=\"S2\"><mal id=\"N0\" niva=\"namnd\" titel=\"N0\"><bedomning status=\"ej-uppfyllt\">T</bedomning></mal></mal>\n"
	    "<mal id=\"N1\" niva=\"namnd\" titel=\"N1\" overordnad=\"S1 S2\" namndref=\"BUN\"><bedomning status=\"uppfyllt\">T</bedomning></mal>\n"));
	has(out, "<mal id=\"S1\" status=\"uppfyllt\" prognos=\"ej-bedomt\" poang=\"2\"/>");   /* N1 alone */
	has(out, "<mal id=\"S2\" status=\"delvis\" prognos=\"ej-bedomt\" poang=\"1\"/>");     /* N0 and N1 */
	has(out, "<malsumma niva=\"namnd\" uppfyllt=\"1\" delvis=\"0\" ej-uppfyllt=\"1\" ej-bedomt=\"0\"/>");
	has(out, "<malsumma namndref=\"BUN\" uppfyllt=\"1\" delvis=\"0\" ej-uppfyllt=\"0\" ej-bedomt=\"0\"/>");
	has(out, "<malsumma alla=\"ja\" uppfyllt=\"2\" delvis=\"1\" ej-uppfyllt=\"1\" ej-bedomt=\"0\"/>");
	const char *once = strstr(out, "<mal id=\"N1\"");
	assert_non_null(once);
	assert_null(strstr(once + 1, "<mal id=\"N1\""));
	free(out);
}

static void parent_list_errors(void **state)
{
	(void)state;
	refused(doc(DELAR, "", "<mal id=\"S1\" niva=\"strat\" titel=\"S1\"/>\n<mal id=\"N1\" niva=\"namnd\" titel=\"N1\" overordnad=\"S1 S1\"/>\n"),
	        "OVERORDNAD-LISTA", 11, "overordnad på mal 'N1' nämner 'S1' två gånger");
	refused(doc(DELAR, "", "<mal id=\"S1\" niva=\"strat\" titel=\"S1\"/>\n<mal id=\"N1\" niva=\"namnd\" titel=\"N1\" overordnad=\"S1 S9\"/>\n"),
	        "REF-SAKNAS", 11, "overordnad 'S9' på mal 'N1' finns inte bland målen i dokumentet");
	refused(doc(DELAR, "", "<mal id=\"S1\" niva=\"strat\" titel=\"S1\"/>\n<mal id=\"N1\" niva=\"namnd\" titel=\"N1\" overordnad=\"S1\"/>\n"
	            "<mal id=\"N2\" niva=\"namnd\" titel=\"N2\" overordnad=\"S1 N1\"/>\n"),
	        "NIVA-ORDNING", 12, "mal 'N2' på nivån Nämndmål har som overordnad mal 'N1' på nivån Nämndmål; ett mål får bara stå under ett mål på högre nivå");
	refused(doc(DELAR, "", "<mal id=\"S1\" niva=\"strat\" titel=\"S1\" overordnad=\"S2\"/>\n<mal id=\"S2\" niva=\"strat\" titel=\"S2\" overordnad=\"S3 S1\"/>\n"
	            "<mal id=\"S3\" niva=\"strat\" titel=\"S3\"/>\n"),
	        "OVERORDNAD-SLINGA", 11, "overordnad 'S1' på mal 'S2' pekar på ett av målets egna undermål; målträdet blir en slinga");
}

/* ---- uppdrag ---- */

static void late_uppdrag_on_the_deadline_day(void **state)
{
	(void)state;
	char *out = computed(doc(DELAR, "",
	    "<mal id=\"M\" niva=\"strat\" titel=\"M\"/>\n"
	    "<uppdrag id=\"U1\" titel=\"a\" namndref=\"KS\" klart=\"2024-08-31\" status=\"pagar\">t</uppdrag>\n"
	    "<uppdrag id=\"U2\" titel=\"b\" namndref=\"KS\" klart=\"2024-09-01\" status=\"pagar\">t</uppdrag>\n"
	    "<uppdrag id=\"U3\" titel=\"c\" namndref=\"BUN\" klart=\"2024-01-31\" status=\"ej-paborjad\" malref=\"M\">t</uppdrag>\n"
	    "<uppdrag id=\"U4\" titel=\"d\" namndref=\"BUN\" klart=\"2024-01-31\" status=\"forsenad\">t</uppdrag>\n"
	    "<uppdrag id=\"U5\" titel=\"e\" klart=\"2024-01-31\" status=\"klar\"/>\n"
	    "<uppdrag id=\"U6\" titel=\"f\" status=\"pagar\">t</uppdrag>\n"));
	has(out, "<uppdrag id=\"U1\" status=\"pagar\" sen=\"ja\"/>\n"
	         "  <uppdrag id=\"U2\" status=\"pagar\" sen=\"nej\"/>\n"
	         "  <uppdrag id=\"U3\" status=\"ej-paborjad\" sen=\"ja\"/>\n"
	         "  <uppdrag id=\"U4\" status=\"forsenad\" sen=\"nej\"/>\n"
	         "  <uppdrag id=\"U5\" status=\"klar\" sen=\"nej\"/>\n"
	         "  <uppdrag id=\"U6\" status=\"pagar\" sen=\"nej\"/>\n"
	         "  <uppdragssumma namndref=\"KS\" ej-paborjad=\"0\" pagar=\"2\" klar=\"0\" forsenad=\"0\" avbruten=\"0\" sena=\"1\"/>\n"
	         "  <uppdragssumma namndref=\"BUN\" ej-paborjad=\"1\" pagar=\"0\" klar=\"0\" forsenad=\"1\" avbruten=\"0\" sena=\"1\"/>\n"
	         "  <uppdragssumma alla=\"ja\" ej-paborjad=\"1\" pagar=\"3\" klar=\"1\" forsenad=\"1\" avbruten=\"0\" sena=\"2\"/>\n"
	         "</berakning>");
	lacks(out, "kontrollsumma");
	free(out);
	/* a version 1 document: none of it */
	out = computed(doc(DELAR, "", "<mal id=\"M\" niva=\"strat\" titel=\"M\"/>\n"));
	lacks(out, "uppdrag");
	lacks(out, "<steg");
	free(out);
}

static void uppdrag_errors(void **state)
{
	(void)state;
	refused(doc(DELAR, "", "<uppdrag id=\"U1\" titel=\"a\" status=\"pagar\"/>\n"),
	        "UPPDRAG-TEXT", 10, "uppdrag 'U1' har status=\"pagar\" men ingen text; ett uppdrag som inte är klart ska följas upp med en kommentar");
	refused(doc(DELAR, "", "<uppdrag id=\"U1\" titel=\"a\" status=\"klar\" malref=\"KS\"/>\n"),
	        "REF-TYP", 10, "malref 'KS' på uppdrag 'U1' pekar på ett namnd-element, men ska peka på ett mal-element");
	refused(doc(DELAR, "", "<namndbidrag namndref=\"BUN\">\n<uppdrag id=\"U1\" titel=\"a\" namndref=\"KS\" status=\"klar\"/>\n</namndbidrag>\n"),
	        "BIDRAG-NAMND", 11, "uppdrag 'U1' står i nämndbidraget från 'BUN' men anger namndref 'KS'; det hör till nämnden som lämnar bidraget");
}

/* ---- intern kontroll ---- */

static void kontroll_sums(void **state)
{
	(void)state;
	char *out = computed(doc(DELAR, "",
	    "<internkontroll>\n"
	    "<kontroll namn=\"a\" namndref=\"BUN\" resultat=\"utan-anmarkning\"/>\n"
	    "<kontroll namn=\"b\" namndref=\"KS\" risk=\"hog\" resultat=\"avvikelse\">t</kontroll>\n"
	    "<kontroll namn=\"c\" resultat=\"ej-genomford\">t</kontroll>\n"
	    "</internkontroll>\n"
	    "<namndbidrag namndref=\"BUN\"><kontroll namn=\"d\" resultat=\"avvikelse\">t</kontroll></namndbidrag>\n"));
	has(out, "  <kontrollsumma namndref=\"KS\" utan-anmarkning=\"0\" avvikelse=\"1\" ej-genomford=\"0\"/>\n"
	         "  <kontrollsumma namndref=\"BUN\" utan-anmarkning=\"1\" avvikelse=\"1\" ej-genomford=\"0\"/>\n"
	         "  <kontrollsumma alla=\"ja\" utan-anmarkning=\"1\" avvikelse=\"2\" ej-genomford=\"1\"/>\n"
	         "</berakning>");
	lacks(out, "uppdragssumma");
	free(out);
	refused(doc(DELAR, "", "<internkontroll>\n<kontroll namn=\"Attest\" resultat=\"avvikelse\"/>\n</internkontroll>\n"),
	        "KONTROLL-TEXT", 11, "kontroll 'Attest' har resultat=\"avvikelse\" men ingen text; skriv vad som hittades och vad som görs");
	refused(doc(DELAR, "", "<namndbidrag namndref=\"BUN\">\n<kontroll namn=\"x\" namndref=\"KS\" resultat=\"utan-anmarkning\"/>\n</namndbidrag>\n"),
	        "BIDRAG-NAMND", 11, "kontroll står i nämndbidraget från 'BUN' men anger namndref 'KS'; det hör till nämnden som lämnar bidraget");
}

/* ---- the månadsrapport ---- */

static void manadsrapport_periods(void **state)
{
	(void)state;
	const char *drift = "<ekonomi><driftredovisning><rad namndref=\"KS\" budget=\"120\" utfall=\"20\" prognos=\"118\"/></driftredovisning></ekonomi>\n";
	char *out = computed(doc("manadsrapport", "2024-02-29", "", drift));
	has(out, "<drift namndref=\"KS\" avvikelse=\"2\" avvikelse-procent=\"1.666667\" periodiserad-budget=\"20\"");
	free(out);
	out = computed(doc("manadsrapport", "2024-11-30", "", drift));
	has(out, "periodiserad-budget=\"110\"");
	free(out);
	refused(doc("manadsrapport", "2024-01-31", "", ""), "PERIOD-LANGD", 5,
	        "perioden 2024-01-01–2024-01-31 är 1 månader lång, men en månadsrapport omfattar 2 till 11 månader (slutar 02-28/29 till 11-30)");
	refused(doc("manadsrapport", "2024-12-31", "", ""), "PERIOD-LANGD", 5, NULL);
}

/* ---- the PDF: bare goals as one table, a layout may ask for chapters ---- */

static char *dumped(char *xml, const char *layout_path, int want)
{
	sr_report *r = open_doc(xml);
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	sr_render_options o = { .layout_path = layout_path };
	int rc = sr_dump_layout(r, f, &o);
	fclose(f);
	if (rc != want)
		dump(r);
	assert_int_equal(rc, want);
	sr_close(r);
	return buf;
}

#define BARE_GOALS \
	"<mal id=\"S\" niva=\"strat\" titel=\"Strategin\">\n" \
	"<mal id=\"N1\" niva=\"namnd\" titel=\"Första nämndmålet\" namndref=\"KS\"><bedomning status=\"uppfyllt\">Klart.</bedomning></mal>\n" \
	"<mal id=\"N2\" niva=\"namnd\" titel=\"Andra nämndmålet\" namndref=\"BUN\"><bedomning status=\"delvis\">Nästan.</bedomning></mal>\n" \
	"</mal>\n"

static void bare_goals_as_one_table(void **state)
{
	(void)state;
	char *out = dumped(doc(DELAR, "", BARE_GOALS), NULL, SR_OK);
	has(out, " H2 ");
	has(out, "\"Nämndmål\"");                       /* one heading for the table */
	has(out, "TD");
	lacks(out, "\"Nämndmål: Första nämndmålet\"");  /* no chapter of its own */
	has(out, "\"Första nämndmålet\"");
	free(out);
	char path[] = "/tmp/sr-layout-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	const char *lay = "<layout xmlns=\"urn:styrrapport:layout:1\"><malnivaer><niva id=\"namnd\" visning=\"kapitel\"/></malnivaer></layout>\n";
	assert_int_equal(write(fd, lay, strlen(lay)), (ssize_t)strlen(lay));
	close(fd);
	out = dumped(doc(DELAR, "", BARE_GOALS), path, SR_OK);
	has(out, "\"Nämndmål: Första nämndmålet\"");
	free(out);
	unlink(path);
}

static void shapes_clash_with_the_layout(void **state)
{
	(void)state;
	/* a takes the layout's circle (it stands for uppfyllt), b asks for a circle too */
	char *out = dumped(doc(DELAR,
	    "<bedomningsskala>\n"
	    "<steg id=\"a\" namn=\"A\" poang=\"2\" fran=\"1\" motsvarar=\"uppfyllt\"/>\n"
	    "<steg id=\"b\" namn=\"B\" poang=\"1\" fran=\"0.5\" motsvarar=\"delvis\" form=\"cirkel\"/>\n"
	    "<steg id=\"c\" namn=\"C\" poang=\"0\" motsvarar=\"ej-uppfyllt\"/>\n"
	    "</bedomningsskala>\n", ""), NULL, SR_INVALID);
	free(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(scale_rules),
		cmocka_unit_test(scale_mapping_rules),
		cmocka_unit_test(status_names_a_step),
		cmocka_unit_test(rollup_on_boundaries),
		cmocka_unit_test(rollup_is_exact),
		cmocka_unit_test(indicators_count_as_their_step),
		cmocka_unit_test(sums_count_met_steps),
		cmocka_unit_test(trend_targets),
		cmocka_unit_test(trend_target_errors),
		cmocka_unit_test(ranges_on_their_bounds),
		cmocka_unit_test(range_errors),
		cmocka_unit_test(several_parents),
		cmocka_unit_test(parent_list_errors),
		cmocka_unit_test(late_uppdrag_on_the_deadline_day),
		cmocka_unit_test(uppdrag_errors),
		cmocka_unit_test(kontroll_sums),
		cmocka_unit_test(manadsrapport_periods),
		cmocka_unit_test(bare_goals_as_one_table),
		cmocka_unit_test(shapes_clash_with_the_layout),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
