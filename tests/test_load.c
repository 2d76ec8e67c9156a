/* SPDX-License-Identifier: Apache-2.0 */
/* test_load.c - the loader: the sample and every MODEL.md construct into the model,
 * safe parsing (DOCTYPE, syntax, encoding, root), schema and number diagnostics. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "load.h"

#define SAMPLE SR_SOURCE_DIR "/samples/sjovik-delarsrapport-2024.xml"
#define FULL SR_TEST_DATA "/load/full.xml"

/* A minimal valid report: the body goes at line 7. */
#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
	"<rapport xmlns=\"urn:styrrapport:1\" typ=\"delarsrapport\" ar=\"2024\">\n" \
	"<diarium><diarienummer>KS 2024/1</diarienummer><beslutsinstans>KF</beslutsinstans><handlaggare>A</handlaggare></diarium>\n" \
	"<kommun namn=\"Sjöviks kommun\" kommunkod=\"2999\"/>\n" \
	"<period fran=\"2024-01-01\" till=\"2024-08-31\"/>\n" \
	"<organisation><namnd id=\"KS\" namn=\"Kommunstyrelsen\"/></organisation>\n"
#define TAIL "</rapport>\n"

static load_schema *schema;

static int setup(void **state)
{
	(void)state;
	schema = load_schema_new();
	return schema ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	load_schema_free(schema);
	return 0;
}

static sr_model *load_str(const char *xml, diag_sink *d)
{
	diag_init(d);
	return load_document_memory(xml, strlen(xml), "t.xml", schema, d);
}

/* The one diagnostic with code; fails when there is none. */
static const diag *find(const diag_sink *d, enum diag_code code)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->items[i].code == code)
			return &d->items[i];
	for (size_t i = 0; i < d->n; i++)
		print_message("  got %s:%ld [%s] %s\n", d->items[i].file, d->items[i].line,
		              diag_code_name(d->items[i].code), d->items[i].message);
	fail_msg("no diagnostic %s", diag_code_name(code));
	return NULL;
}

static void expect_only(const char *xml, enum diag_code code, long line, const char *needle)
{
	diag_sink d;
	sr_model *m = load_str(xml, &d);
	assert_null(m);
	const diag *g = find(&d, code);
	assert_int_equal(g->line, line);
	if (needle && !strstr(g->message, needle))
		fail_msg("message '%s' lacks '%s'", g->message, needle);
	assert_string_equal(g->file, "t.xml");
	diag_free(&d);
}

static bool dec_is(dec v, const char *s)
{
	dec want;
	assert_int_equal(dec_parse(s, &want), DEC_OK);
	return v == want;
}

static bool text_has(const sr_model *m, const char *needle)
{
	for (size_t i = 0; i < m->n_texts; i++)
		if (strstr(m->texts[i].text, needle))
			return true;
	return false;
}

/* ---- the sample ---- */

static void sample_head_and_goals(void **state)
{
	(void)state;
	diag_sink d;
	diag_init(&d);
	sr_model *m = load_document(SAMPLE, schema, &d);
	assert_non_null(m);
	assert_int_equal(d.n, 0);
	assert_false(m->contribution);
	assert_int_equal(m->typ, RT_DELARSRAPPORT);
	assert_int_equal(m->ar, 2024);
	assert_string_equal(m->diarium.diarienummer, "KS 2024/0456");
	assert_int_equal(m->diarium.loc_diarienummer.line, 5);
	assert_string_equal(m->diarium.paragraf, "§ 87");
	assert_string_equal(m->diarium.dokumentansvarig, "Erik Ödman");
	assert_null(m->diarium.rubrik);
	assert_string_equal(m->kommun.namn, "Sjöviks kommun");
	assert_string_equal(m->kommun.kommunkod, "2999");
	assert_true(m->kommun.has_vision);
	assert_string_equal(m->period_till, "2024-08-31");
	assert_int_equal(m->n_nivaer, 3);
	assert_string_equal(m->nivaer[2].id, "namnd");
	assert_int_equal(m->n_namnder, 4);
	assert_true(m->gul_andel == DEC_ONE / 2 && m->mal_gron == 1750000 && m->mal_gul == 750000);
	/* goal tree: O1 > S1 > {N1, N2}; O2 > {S2 > {N3, N4}, S3 > N5}; O3 > S4 */
	assert_int_equal(m->n_roots, 3);
	assert_int_equal(m->n_goals, 12);
	assert_string_equal(m->goals[0]->id, "O1");
	assert_string_equal(m->goals[2]->id, "N1");
	assert_int_equal(m->roots[1]->n_nested, 2);
	mal *n1 = model_find_goal(m, "N1");
	assert_non_null(n1);
	assert_ptr_equal(n1->parent, model_find_goal(m, "S1"));
	assert_string_equal(n1->namndref, "BUN");
	assert_int_equal(n1->n_indikatorer, 2);
	assert_int_equal(n1->n_aktiviteter, 2);
	assert_int_equal(n1->aktiviteter[1].status, AS_KLAR);
	assert_string_equal(n1->aktiviteter[0].text, "Läsfrämjande insatser i åk 4–6");
	assert_true(n1->has_bedomning);
	assert_int_equal(n1->bedomning.status, ST_NONE);
	assert_int_equal(n1->bedomning.prognos, ST_DELVIS);
	const indikator *i1 = &n1->indikatorer[0];
	assert_string_equal(i1->id, "I1");
	assert_string_equal(i1->kolada, "N15419");
	assert_int_equal(i1->riktning, DIR_HOGRE);
	assert_int_equal(i1->n_utgangsvarde, 1);
	assert_true(i1->utgangsvarde[0].value == 78500000 && i1->utgangsvarde[0].ar == 2022);
	assert_true(i1->malvarde[0].value == DEC_FROM_INT(85));
	assert_int_equal(i1->n_utfall, 2);
	assert_true(i1->utfall[1].value == DEC_FROM_INT(82) && i1->utfall[1].ar == 2024);
	assert_string_equal(i1->jamforelse[0].namn, "Riket");
	assert_true(dec_is(i1->jamforelse[0].value, "83.4"));
	assert_int_equal(i1->loc.line, 45);
	mal *s1 = model_find_goal(m, "S1");
	assert_int_equal(s1->n_agenda2030, 2);
	assert_int_equal(s1->agenda2030[1], 10);
	assert_int_equal(s1->perspektiv, PERSP_MEDBORGARE);
	assert_int_equal(model_find_goal(m, "S4")->bedomning.status, ST_UPPFYLLT);
	assert_int_equal(model_find_goal(m, "I4") ? 1 : 0, 0);
	model_free(m);
	diag_free(&d);
}

static void sample_economy_and_texts(void **state)
{
	(void)state;
	diag_sink d;
	diag_init(&d);
	sr_model *m = load_document(SAMPLE, schema, &d);
	assert_non_null(m);
	const ekonomi *e = &m->ekonomi;
	assert_true(m->has_ekonomi && e->has_drift && e->has_investeringar);
	assert_string_equal(e->enhet, "mnkr");
	assert_int_equal(e->decimaler, 1);
	assert_int_equal(e->n_drift, 4);
	assert_string_equal(e->drift[1].namndref, "BUN");
	assert_true(dec_is(e->drift[1].budget, "612.0") && dec_is(e->drift[1].prognos, "618.4"));
	assert_true(e->drift[1].has_prognos);
	assert_false(e->drift[1].from_bidrag);
	assert_true(e->has_drift_summa && dec_is(e->drift_summa.budget, "1341.5"));
	assert_int_equal(e->n_projekt, 3);
	assert_string_equal(e->projekt[2].namndref, "SN");
	assert_int_equal(e->n_rakningar, 1);
	const rakning *r = &e->rakningar[0];
	assert_int_equal(r->typ, RK_RESULTATRAKNING);
	assert_int_equal(r->n_kolumner, 4);
	assert_int_equal(r->n_items, 10);
	assert_int_equal(r->items[3].kind, RI_SUMMA);
	assert_int_equal(r->items[3].scope, SUM_SECTION);
	assert_false(r->items[3].has_varden);
	assert_int_equal(r->items[6].scope, SUM_ALLA);
	assert_int_equal(r->items[1].n_varden, 4);
	assert_true(dec_is(r->items[1].varden[3], "-1961.7"));
	assert_int_equal(e->n_finmal, 1);
	const finansielltmal *f = &e->finmal[0];
	assert_int_equal(f->n_taljare, 1);
	assert_string_equal(f->taljare[0].id, "res");
	assert_false(f->taljare[0].negate);
	assert_int_equal(f->n_namnare, 2);
	assert_string_equal(f->namnare[1].id, "bidrag");
	assert_true(dec_is(f->malvarde, "2.0"));
	assert_false(f->has_utfall);
	assert_true(m->has_personal);
	assert_int_equal(m->n_personal, 4);
	assert_true(dec_is(m->personal[1].arsarbetare, "1150.5") && m->personal[1].has_sjukfranvaro_fg);
	assert_int_equal(m->n_avsnitt, 2);
	assert_int_equal(m->avsnitt[1]->blocks[0].kind, BLOCK_LISTA);
	assert_int_equal(m->avsnitt[1]->blocks[0].n_punkter, 3);
	const rich_text *st = &m->avsnitt[0]->blocks[0].stycke;
	assert_int_equal(st->n_runs, 3);
	assert_int_equal(st->runs[1].style, RUN_BOLD);
	assert_string_equal(st->runs[1].text, "28,4 mnkr");
	assert_true(text_has(m, "Sjövikbor"));
	assert_true(text_has(m, "Kortare väntetid"));
	assert_int_equal(m->n_ids, 50);   /* 4 nivå, 4 nämnd, 2 avsnitt, 12 mål, 8 ind, 3 akt, 3 proj, 4 kol, 9 räkn, 1 F */
	assert_string_equal(m->ids[0].id, "omrade");
	assert_string_equal(m->ids[0].element, "niva");
	model_free(m);
	diag_free(&d);
}

/* ---- every MODEL.md construct ---- */

static void full_document(void **state)
{
	(void)state;
	diag_sink d;
	diag_init(&d);
	sr_model *m = load_document(FULL, schema, &d);
	assert_non_null(m);
	assert_int_equal(d.n, 0);
	assert_int_equal(m->typ, RT_ARSREDOVISNING);
	assert_string_equal(m->namndref, "KS");
	assert_string_equal(m->diarium.handlaggare, "Anna Lindqvist");
	assert_string_equal(m->diarium.ersatter, "KS 2023/0411");
	assert_int_equal(m->diarium.loc_ersatter.line, 9);
	assert_string_equal(m->kommun.kommunkod, "0180");
	assert_string_equal(m->kommun.logotyp, "mora.png");
	assert_int_equal(m->kommun.vision.n_runs, 3);
	assert_true(dec_is(m->gul_andel, "0.6") && dec_is(m->mal_gron, "1.5") && dec_is(m->mal_gul, "0.75"));
	assert_true(m->bolag[0].has_agarandel && dec_is(m->bolag[0].agarandel, "100"));
	assert_null(m->namnder[1].forvaltning);
	/* white space collapsed across runs, nested style accumulates, soft hyphen kept */
	const rich_text *st = &m->avsnitt[0]->blocks[0].stycke;
	assert_int_equal(st->n_runs, 6);
	assert_string_equal(st->runs[0].text, "Årets resultat blev ");
	assert_int_equal(st->runs[0].style, 0);
	assert_string_equal(st->runs[1].text, "32,1 ");
	assert_int_equal(st->runs[1].style, RUN_BOLD);
	assert_string_equal(st->runs[2].text, "mnkr");
	assert_int_equal(st->runs[2].style, RUN_BOLD | RUN_ITALIC);
	assert_string_equal(st->runs[3].text, ", vilket är ");
	assert_int_equal(st->runs[4].style, RUN_ITALIC);
	assert_string_equal(st->runs[5].text, " än budget\xc2\xaduppföljningen.");
	const block *lista = &m->avsnitt[0]->blocks[1];
	assert_string_equal(lista->punkter[0].runs[0].text, "Första");
	assert_int_equal(m->avsnitt[0]->blocks[2].kind, BLOCK_AVSNITT);
	model_free(m);
	diag_free(&d);
}

static void full_document_tail(void **state)
{
	(void)state;
	diag_sink d;
	diag_init(&d);
	sr_model *m = load_document(FULL, schema, &d);
	assert_non_null(m);
	mal *m2 = model_find_goal(m, "M2");
	assert_int_equal(m2->perspektiv, PERSP_EKONOMI);
	const indikator *i7 = &m2->indikatorer[0];
	assert_int_equal(i7->riktning, DIR_LAGRE);
	assert_int_equal(i7->n_malvarde, 2);
	assert_int_equal(i7->malvarde[1].ar, 0);
	assert_string_equal(i7->malvarde[1].period, "2023-2026");
	assert_int_equal(m2->aktiviteter[0].status, AS_AVBRUTEN);
	assert_int_equal(m2->bedomning.status, ST_DELVIS);
	assert_int_equal(m2->bedomning.prognos, ST_EJ_UPPFYLLT);
	assert_true(m2->has_beskrivning && m2->has_atgard);
	/* the inline namndbidrag: N1 adopted by M2 after the nested M3 */
	assert_int_equal(m->n_bidrag, 1);
	assert_string_equal(m->bidrag[0].namndref, "BUN");
	mal *n1 = model_find_goal(m, "N1");
	assert_string_equal(n1->bidrag_namndref, "BUN");
	assert_string_equal(model_find_goal(m, "N1a")->bidrag_namndref, "BUN");
	assert_ptr_equal(n1->parent, m2);
	assert_int_equal(m2->n_kids, 2);
	assert_ptr_equal(m2->kids[1], n1);
	assert_int_equal(m->n_goals, 4);
	assert_int_equal(m->n_roots, 2);
	assert_string_equal(m->avsnitt[1]->namndref, "BUN");
	const ekonomi *e = &m->ekonomi;
	assert_string_equal(e->enhet, "tkr");
	assert_int_equal(e->decimaler, 0);
	assert_int_equal(e->n_drift, 3);
	assert_string_equal(e->drift[1].rubrik, "Finansförvaltning");
	assert_false(e->drift[1].has_prognos);
	assert_true(e->drift[2].from_bidrag);
	assert_string_equal(e->drift[2].namndref, "BUN");
	assert_false(e->drift_summa.has_prognos);
	assert_true(e->has_invest_summa);
	assert_int_equal(e->n_projekt, 2);
	assert_string_equal(e->projekt[1].namndref, "BUN");
	const rakning *br = &e->rakningar[1];
	assert_int_equal(br->typ, RK_BALANSRAKNING);
	assert_string_equal(br->items[1].roll, "tillgangar");
	assert_int_equal(br->items[4].scope, SUM_LIST);
	assert_int_equal(br->items[4].n_av, 2);
	assert_string_equal(br->items[4].av[1], "st");
	assert_true(e->rakningar[0].items[3].has_varden);
	const finansielltmal *f2 = &e->finmal[0];
	assert_true(f2->taljare[0].negate);
	assert_string_equal(f2->taljare[0].id, "vnk");
	assert_true(f2->has_utgangsvarde && dec_is(f2->utgangsvarde, "97.5"));
	assert_true(e->finmal[1].has_utfall && dec_is(e->finmal[1].utfall, "2.5"));
	assert_int_equal(m->n_personal, 2);
	assert_true(m->personal[1].from_bidrag);
	assert_string_equal(m->personal[1].namndref, "BUN");
	assert_false(m->personal[0].has_arsarbetare);
	model_free(m);
	diag_free(&d);
}

static void soft_hyphen_kept(void **state)
{
	(void)state;
	diag_sink d;
	sr_model *m = load_str(HEAD "<avsnitt rubrik=\"R\"><stycke>  budget\xc2\xaduppföljning\n\t av <i> x </i> </stycke></avsnitt>\n" TAIL, &d);
	assert_non_null(m);
	const rich_text *st = &m->avsnitt[0]->blocks[0].stycke;
	assert_int_equal(st->n_runs, 2);
	assert_string_equal(st->runs[0].text, "budget\xc2\xaduppföljning av ");
	assert_string_equal(st->runs[1].text, "x");
	assert_int_equal(st->runs[1].style, RUN_ITALIC);
	assert_int_equal(st->loc.line, 7);
	model_free(m);
	diag_free(&d);
}

/* ---- safe parsing ---- */

static void doctype_billion_laughs(void **state)
{
	(void)state;
	expect_only("<?xml version=\"1.0\"?>\n<!-- c -->\n<?pi x?>\n<!DOCTYPE rapport [\n"
	            "<!ENTITY a \"ha\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
	            "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>\n"
	            "<rapport xmlns=\"urn:styrrapport:1\">&c;</rapport>\n",
	            D_XML_DOCTYPE, 4, "DOCTYPE");
	diag_sink d;
	sr_model *m = load_str("<!DOCTYPE x><rapport/>", &d);
	assert_null(m);
	assert_int_equal(d.n, 1);   /* nothing parsed, nothing else reported */
	assert_int_equal(d.items[0].code, D_XML_DOCTYPE);
	diag_free(&d);
}

static void doctype_external_entity(void **state)
{
	(void)state;
	expect_only("<?xml version=\"1.0\"?>\n<!DOCTYPE rapport SYSTEM \"" FULL "\" [\n"
	            "<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<rapport>&x;</rapport>\n",
	            D_XML_DOCTYPE, 2, NULL);
}

static void malformed_syntax(void **state)
{
	(void)state;
	expect_only(HEAD "<avsnitt rubrik=\"R\">\n<stycke>x</styck>\n</avsnitt>\n" TAIL,
	            D_XML_SYNTAX, 8, "</styck> matchar inte <stycke>");
	expect_only(HEAD "<avsnitt rubrik=\"R\"\n", D_XML_SYNTAX, 8, NULL);
	expect_only(HEAD "<avsnitt a=\"1\" a=\"2\" rubrik=\"R\"/>\n" TAIL, D_XML_SYNTAX, 7, "två gånger");
	expect_only(HEAD TAIL "<extra/>\n", D_XML_SYNTAX, 8, "efter rotelementets slut");
}

static void latin1_is_encoding_error(void **state)
{
	(void)state;
	expect_only(HEAD "<avsnitt rubrik=\"S\xf6vik\"/>\n" TAIL, D_XML_ENCODING, 7, "UTF-8");
	expect_only("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<rapport/>\n",
	            D_XML_ENCODING, 1, "ISO-8859-1");
}

static void empty_input(void **state)
{
	(void)state;
	expect_only("", D_XML_SYNTAX, 0, "filen är tom");
	expect_only("  \n", D_XML_SYNTAX, 0, "filen är tom");
	char path[] = "/tmp/test_load_XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	diag_sink d;
	diag_init(&d);
	assert_null(load_document(path, schema, &d));
	assert_int_equal(find(&d, D_XML_SYNTAX)->line, 0);
	assert_string_equal(d.items[0].file, path);
	diag_free(&d);
	unlink(path);
}

static void unreadable_files(void **state)
{
	(void)state;
	diag_sink d;
	diag_init(&d);
	assert_null(load_document(SR_TEST_DATA "/load/finns-inte.xml", schema, &d));
	const diag *g = find(&d, D_FILE_READ);
	assert_non_null(strstr(g->message, "filen finns inte"));
	assert_int_equal(d.worst_exit, EXIT_RUNTIME);
	diag_free(&d);
	diag_init(&d);
	assert_null(load_document(SR_TEST_DATA "/load", schema, &d));
	assert_non_null(strstr(find(&d, D_FILE_READ)->message, "mapp"));
	diag_free(&d);
}

static void wrong_root_or_namespace(void **state)
{
	(void)state;
	expect_only("<?xml version=\"1.0\"?>\n<report xmlns=\"urn:styrrapport:1\"/>\n",
	            D_XML_ROOT, 2, "inte <report>");
	expect_only("<?xml version=\"1.0\"?>\n\n<rapport xmlns=\"urn:annat\"/>\n",
	            D_XML_ROOT, 3, "urn:annat");
	expect_only("<rapport typ=\"delarsrapport\" ar=\"2024\"/>", D_XML_ROOT, 1, "namnrymd");
}

static void libxml2_prints_nothing(void **state)
{
	(void)state;
	char path[] = "/tmp/test_load_err_XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	fflush(stderr);
	int saved = dup(2);
	dup2(fd, 2);
	diag_sink d;
	sr_model *m = load_str(HEAD "<x></y>" TAIL, &d);
	diag_free(&d);
	m = load_str(HEAD "<okand/>" TAIL, &d);
	diag_free(&d);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	struct stat st;
	fstat(fd, &st);
	close(fd);
	unlink(path);
	assert_null(m);
	assert_int_equal(st.st_size, 0);
}

/* ---- schema ---- */

static void schema_errors_mapped(void **state)
{
	(void)state;
	expect_only(HEAD "<mal id=\"M1\" niva=\"n\" titel=\"T\"><indikator id=\"I\" namn=\"N\" riktning=\"hogre\">\n"
	            "<malvarde>1</malvarde><utfall>2</utfall></indikator></mal>\n" TAIL, D_SCHEMA_ATTR_MISSING, 8,
	            "<utfall> saknar attributet ar");
	expect_only(HEAD "<okand/>\n" TAIL, D_SCHEMA_ELEMENT, 7, "<okand> är inte tillåtet här i <rapport>");
	expect_only(HEAD "<mal id=\"M1\" niva=\"n\"/>\n" TAIL, D_SCHEMA_ATTR_MISSING, 7,
	            "<mal> saknar attributet titel");
	expect_only(HEAD "<avsnitt rubrik=\"R\" farg=\"röd\"/>\n" TAIL, D_SCHEMA_ATTR, 7, "farg");
	expect_only(HEAD "<mal id=\"M1\" niva=\"n\" titel=\"T\">\n<indikator id=\"I\" namn=\"N\" riktning=\"hogt\"/>\n</mal>\n" TAIL,
	            D_SCHEMA_VALUE, 8, "tillåtna värden: hogre, lagre");
	expect_only(HEAD "<avsnitt rubrik=\"R\"><lista>text<punkt>p</punkt></lista></avsnitt>\n" TAIL,
	            D_SCHEMA_TEXT, 7, "<lista>");
	expect_only("<rapport xmlns=\"urn:styrrapport:1\" typ=\"delarsrapport\" ar=\"2024\">\n"
	            "<diarium><diarienummer>KS 2024/1</diarienummer><beslutsinstans>KF</beslutsinstans></diarium>\n"
	            "<kommun namn=\"K\" kommunkod=\"12345\"/>\n</rapport>\n", D_SCHEMA_MISSING, 2,
	            "<handlaggare>");
	diag_sink d;
	sr_model *m = load_str("<rapport xmlns=\"urn:styrrapport:1\" typ=\"delarsrapport\" ar=\"2024\">\n"
	                       "<diarium><diarienummer>KS 2024/1</diarienummer><beslutsinstans>KF</beslutsinstans></diarium>\n"
	                       "<kommun namn=\"K\" kommunkod=\"12345\"/>\n</rapport>\n", &d);
	assert_null(m);
	assert_int_equal(find(&d, D_SCHEMA_VALUE)->line, 3);   /* every error, not only the first */
	assert_non_null(strstr(find(&d, D_SCHEMA_VALUE)->message, "'12345'"));
	diag_free(&d);
}

static void schema_value_reported_once(void **state)
{
	(void)state;
	diag_sink d;
	sr_model *m = load_str(HEAD "<malnivaer><niva id=\"n\" namn=\"N\"/></malnivaer>\n" TAIL, &d);
	assert_null(m);   /* malnivaer stands after organisation: wrong order */
	find(&d, D_SCHEMA_ELEMENT);
	diag_free(&d);
	m = load_str(HEAD "<mal id=\"M1\" niva=\"n\" titel=\"T\" agenda2030=\"4 x\"/>\n" TAIL, &d);
	assert_null(m);
	assert_int_equal(d.n, 1);   /* the list's echo of the item error is dropped */
	assert_int_equal(d.items[0].code, D_SCHEMA_VALUE);
	assert_int_equal(d.items[0].line, 7);
	diag_free(&d);
}

/* ---- numbers ---- */

static void number_errors(void **state)
{
	(void)state;
	diag_sink d;
	sr_model *m = load_str(HEAD "<ekonomi><driftredovisning>\n"
	    "<rad namndref=\"KS\" budget=\"88,7\" utfall=\"1e308\" prognos=\"NaN\"/>\n"
	    "<rad namndref=\"KS\" budget=\"5000000000000\" utfall=\"1.1234567\"/>\n"
	    "</driftredovisning></ekonomi>\n" TAIL, &d);
	assert_non_null(m);   /* number errors still give the model */
	assert_int_equal(d.n, 5);
	assert_int_equal(d.items[0].code, D_NUM_SYNTAX);
	assert_int_equal(d.items[0].line, 8);
	assert_string_equal(d.items[0].message,
	                    "'88,7' i attributet budget är inget tal (använd punkt som decimaltecken)");
	assert_int_equal(d.items[1].code, D_NUM_SYNTAX);
	assert_non_null(strstr(d.items[1].message, "'1e308' i attributet utfall"));
	assert_int_equal(d.items[2].code, D_NUM_SYNTAX);
	assert_non_null(strstr(d.items[2].message, "'NaN'"));
	assert_int_equal(d.items[3].code, D_NUM_RANGE);
	assert_int_equal(d.items[3].line, 9);
	assert_non_null(strstr(d.items[3].message, "'5000000000000'"));
	assert_int_equal(d.items[4].code, D_NUM_DECIMALS);
	assert_non_null(strstr(d.items[4].message, "'1.1234567'"));
	assert_true(m->ekonomi.drift[0].budget == 0);
	model_free(m);
	diag_free(&d);
}

static void number_errors_in_content_and_lists(void **state)
{
	(void)state;
	diag_sink d;
	sr_model *m = load_str(HEAD "<mal id=\"M1\" niva=\"n\" titel=\"T\"><indikator id=\"I\" namn=\"N\" riktning=\"hogre\">\n"
	    "<utfall ar=\"2024\"> 12,5 </utfall></indikator></mal>\n"
	    "<ekonomi><rakning typ=\"resultatrakning\"><kolumn id=\"a\" rubrik=\"A\"/>\n"
	    "<post id=\"p\" namn=\"P\" varden=\"1.5  x 2\"/></rakning></ekonomi>\n" TAIL, &d);
	assert_non_null(m);
	assert_int_equal(d.n, 2);
	assert_int_equal(d.items[0].line, 8);
	assert_string_equal(d.items[0].message,
	                    "'12,5' i <utfall> är inget tal (använd punkt som decimaltecken)");
	assert_int_equal(d.items[1].line, 10);
	assert_non_null(strstr(d.items[1].message, "'x' i attributet varden"));
	assert_int_equal(m->ekonomi.rakningar[0].items[0].n_varden, 3);
	assert_true(m->ekonomi.rakningar[0].items[0].varden[2] == DEC_FROM_INT(2));
	model_free(m);
	diag_free(&d);
}

static void contribution_root(void **state)
{
	(void)state;
	diag_sink d;
	sr_model *m = load_str("<namndbidrag xmlns=\"urn:styrrapport:1\" namndref=\"BUN\">\n"
	                       "<rad budget=\"1\" utfall=\"2\"/>\n</namndbidrag>\n", &d);
	assert_non_null(m);
	assert_true(m->contribution);
	assert_string_equal(m->namndref, "BUN");
	assert_true(m->has_ekonomi && m->ekonomi.has_drift);
	assert_int_equal(m->ekonomi.n_drift, 1);
	assert_string_equal(m->ekonomi.drift[0].namndref, "BUN");
	assert_int_equal(m->ekonomi.drift[0].loc.line, 2);
	model_free(m);
	diag_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sample_head_and_goals),
		cmocka_unit_test(sample_economy_and_texts),
		cmocka_unit_test(full_document),
		cmocka_unit_test(full_document_tail),
		cmocka_unit_test(soft_hyphen_kept),
		cmocka_unit_test(doctype_billion_laughs),
		cmocka_unit_test(doctype_external_entity),
		cmocka_unit_test(malformed_syntax),
		cmocka_unit_test(latin1_is_encoding_error),
		cmocka_unit_test(empty_input),
		cmocka_unit_test(unreadable_files),
		cmocka_unit_test(wrong_root_or_namespace),
		cmocka_unit_test(libxml2_prints_nothing),
		cmocka_unit_test(schema_errors_mapped),
		cmocka_unit_test(schema_value_reported_once),
		cmocka_unit_test(number_errors),
		cmocka_unit_test(number_errors_in_content_and_lists),
		cmocka_unit_test(contribution_root),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
