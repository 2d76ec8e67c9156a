/* SPDX-License-Identifier: Apache-2.0 */
/* test_report.c - the report builder: a small model built in C, computed, laid out
 * with fake metrics, and checked in the display list (texts, running parts, FÖRSLAG,
 * absent parts left out). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "fmt.h"
#include "report.h"
#include "lay_blk.h"

/* ---- building a model ---- */
static dec D(const char *s)
{
	dec v = 0;
	assert_int_equal(dec_parse(s, &v), DEC_OK);
	return v;
}

static rich_text rt(arena *a, const char *plain, const char *bold)
{
	rich_text t = { 0 };
	t.n_runs = bold ? 2 : 1;
	t.runs = arena_calloc(a, t.n_runs, sizeof *t.runs);
	t.runs[0] = (text_run){ arena_strdup(a, plain), 0 };
	if (bold)
		t.runs[1] = (text_run){ arena_strdup(a, bold), RUN_BOLD };
	return t;
}

static value_point *vp(arena *a, int ar, const char *v)
{
	value_point *p = arena_calloc(a, 1, sizeof *p);
	p->ar = ar;
	p->value = D(v);
	return p;
}

static mal *goal(sr_model *m, const char *id, const char *lvl, const char *titel, const char *nref)
{
	mal *g = arena_calloc(m->arena, 1, sizeof *g);
	g->id = id;
	g->niva = lvl;
	g->titel = titel;
	g->namndref = nref;
	return g;
}

static void add_goals(sr_model *m)
{
	arena *a = m->arena;
	m->has_malnivaer = true;
	m->n_nivaer = 2;
	m->nivaer = arena_calloc(a, 2, sizeof *m->nivaer);
	m->nivaer[0] = (niva){ .id = "strat", .namn = "Strategiskt mål" };
	m->nivaer[1] = (niva){ .id = "namnd", .namn = "Nämndmål" };
	mal *s1 = goal(m, "S1", "strat", "Fler elever når kunskapsmålen", NULL);
	s1->perspektiv = PERSP_MEDBORGARE;
	s1->n_agenda2030 = 2;
	s1->agenda2030 = arena_calloc(a, 2, sizeof(int));
	s1->agenda2030[0] = 4;
	s1->agenda2030[1] = 10;
	mal *n1 = goal(m, "N1", "namnd", "Ökad behörighet till gymnasiet", "BUN");
	n1->n_indikatorer = 1;
	n1->indikatorer = arena_calloc(a, 1, sizeof *n1->indikatorer);
	indikator *in = &n1->indikatorer[0];
	*in = (indikator){ .id = "I1", .namn = "Andel behöriga elever", .enhet = "%", .riktning = DIR_HOGRE };
	in->utgangsvarde = vp(a, 2022, "78.5"); in->n_utgangsvarde = 1;
	in->malvarde = vp(a, 2024, "85"); in->n_malvarde = 1;
	in->utfall = vp(a, 2024, "82.0"); in->n_utfall = 1;
	n1->n_aktiviteter = 1;
	n1->aktiviteter = arena_calloc(a, 1, sizeof *n1->aktiviteter);
	n1->aktiviteter[0] = (aktivitet){ .id = "A1", .ansvarig = "Rektorsgruppen", .klart = "2024-12-31",
	                                  .status = AS_FORSENAD, .text = "Läsfrämjande insatser" };
	mal *n2 = goal(m, "N2", "namnd", "Kortare väntetid till särskilt boende", "SN");
	n2->has_bedomning = true;
	n2->bedomning = (bedomning){ .status = ST_UPPFYLLT, .prognos = ST_DELVIS,
	                             .text = rt(a, "Väntetiden har minskat kraftigt.", NULL) };
	s1->n_nested = 2;
	s1->nested = arena_calloc(a, 2, sizeof *s1->nested);
	s1->nested[0] = n1;
	s1->nested[1] = n2;
	m->n_roots = 1;
	m->roots = arena_calloc(a, 1, sizeof *m->roots);
	m->roots[0] = s1;
	m->n_goals = 3;
	m->goals = arena_calloc(a, 3, sizeof *m->goals);
	m->goals[0] = s1;
	m->goals[1] = n1;
	m->goals[2] = n2;
	model_link_goals(m);
}

static void add_drift(sr_model *m)
{
	static const char *const rows[4][4] = {
		{ "KS", "142.3", "90.2", "140.9" }, { "BUN", "612.0", "420.7", "618.4" },
		{ "SN", "498.5", "341.2", "509.0" }, { "TN", "88.7", "55.1", "86.2" },
	};
	ekonomi *e = &m->ekonomi;
	m->has_ekonomi = true;
	e->enhet = "mnkr";
	e->decimaler = 1;
	e->has_drift = true;
	e->n_drift = 4;
	e->drift = arena_calloc(m->arena, 4, sizeof *e->drift);
	for (int i = 0; i < 4; i++)
		e->drift[i] = (drift_rad){ .namndref = rows[i][0], .budget = D(rows[i][1]),
		                           .utfall = D(rows[i][2]), .prognos = D(rows[i][3]),
		                           .has_prognos = true };
	e->drift[1].kommentar = "Ökade volymer i förskolan.";
}

static void add_invest(sr_model *m)
{
	static const char *const rows[3][5] = {
		{ "P1", "Förskola Norra udden", "45.0", "41.2", "46.5" },
		{ "P2", "Gång- och cykelväg Strandvägen", "12.0", "3.1", "9.0" },
		{ "P3", "Verksamhetssystem socialtjänst", "4.5", "1.0", "4.5" },
	};
	ekonomi *e = &m->ekonomi;
	e->has_investeringar = true;
	e->n_projekt = 3;
	e->projekt = arena_calloc(m->arena, 3, sizeof *e->projekt);
	for (int i = 0; i < 3; i++)
		e->projekt[i] = (projekt){ .id = rows[i][0], .namn = rows[i][1], .namndref = "TN",
		                           .budget = D(rows[i][2]), .utfall = D(rows[i][3]),
		                           .prognos = D(rows[i][4]), .has_prognos = true };
}

static rakning_item post(arena *a, const char *id, const char *namn, const char *v1, const char *v2)
{
	rakning_item it = { .kind = RI_POST, .id = id, .namn = namn, .n_varden = 2, .has_varden = true };
	it.varden = arena_calloc(a, 2, sizeof *it.varden);
	it.varden[0] = D(v1);
	it.varden[1] = D(v2);
	return it;
}

/* A resultaträkning (two columns) and a financial goal on it. */
static void add_accounts(sr_model *m)
{
	arena *a = m->arena;
	ekonomi *e = &m->ekonomi;
	e->n_rakningar = 1;
	e->rakningar = arena_calloc(a, 1, sizeof *e->rakningar);
	rakning *rk = &e->rakningar[0];
	rk->typ = RK_RESULTATRAKNING;
	rk->n_kolumner = 2;
	rk->kolumner = arena_calloc(a, 2, sizeof *rk->kolumner);
	rk->kolumner[0] = (kolumn){ .id = "ufg", .rubrik = "Utfall jan–aug 2023" };
	rk->kolumner[1] = (kolumn){ .id = "p", .rubrik = "Prognos 2024" };
	rk->n_items = 4;
	rk->items = arena_calloc(a, 4, sizeof *rk->items);
	rk->items[0] = post(a, "vnk", "Verksamhetens nettokostnader", "-1069.3", "-1701.6");
	rk->items[1] = post(a, "skatt", "Skatteintäkter", "902.5", "1424.6");
	rk->items[2] = post(a, "bidrag", "Generella statsbidrag och utjämning", "196.4", "312.1");
	rk->items[3] = (rakning_item){ .kind = RI_SUMMA, .id = "res", .namn = "Årets resultat", .scope = SUM_ALLA };
	e->n_finmal = 1;
	e->finmal = arena_calloc(a, 1, sizeof *e->finmal);
	finansielltmal *f = &e->finmal[0];
	*f = (finansielltmal){ .id = "F1", .namn = "Resultat i förhållande till skatteintäkter",
	                       .enhet = "%", .riktning = DIR_HOGRE, .malvarde = D("2.0"), .kolumn = "p" };
	f->n_taljare = 1;
	f->taljare = arena_calloc(a, 1, sizeof *f->taljare);
	f->taljare[0] = (fin_term){ "res", false };
	f->n_namnare = 2;
	f->namnare = arena_calloc(a, 2, sizeof *f->namnare);
	f->namnare[0] = (fin_term){ "skatt", false };
	f->namnare[1] = (fin_term){ "bidrag", false };
}

static void add_text_and_personal(sr_model *m)
{
	arena *a = m->arena;
	avsnitt *s = arena_calloc(a, 1, sizeof *s);
	s->id = "inledning";
	s->rubrik = "Kommundirektören har ordet";
	avsnitt *sub = arena_calloc(a, 1, sizeof *sub);
	sub->rubrik = "Händelser av väsentlig betydelse";
	s->n_blocks = 3;
	s->blocks = arena_calloc(a, 3, sizeof *s->blocks);
	s->blocks[2] = (block){ .kind = BLOCK_AVSNITT, .avsnitt = sub };
	s->blocks[0] = (block){ .kind = BLOCK_STYCKE, .stycke = rt(a, "Prognosen för helåret visar ", "28,4 mnkr") };
	s->blocks[1].kind = BLOCK_LISTA;
	s->blocks[1].n_punkter = 1;
	s->blocks[1].punkter = arena_calloc(a, 1, sizeof(rich_text));
	s->blocks[1].punkter[0] = rt(a, "Den nya förskolan togs i bruk.", NULL);
	m->n_avsnitt = 1;
	m->avsnitt = arena_calloc(a, 1, sizeof *m->avsnitt);
	m->avsnitt[0] = s;
	m->has_personal = true;
	m->n_personal = 1;
	m->personal = arena_calloc(a, 1, sizeof *m->personal);
	m->personal[0] = (personal_rad){ .namndref = "BUN", .tillsvidareanstallda = D("1210"),
	                                 .arsarbetare = D("1150.5"), .sjukfranvaro = D("6.8"),
	                                 .has_tillsvidareanstallda = true, .has_arsarbetare = true,
	                                 .has_sjukfranvaro = true };
}

/* A delårsrapport; full adds text, goals, economy and personal. */
static sr_model *model_new(bool full, bool decided)
{
	arena *a = arena_new();
	sr_model *m = arena_calloc(a, 1, sizeof *m);
	m->arena = a;
	m->file = "/tmp/sjovik/rapport.xml";
	m->typ = RT_DELARSRAPPORT;
	m->ar = 2024;
	m->period_fran = "2024-01-01";
	m->period_till = "2024-08-31";
	m->gul_andel = D("0.5");
	m->mal_gron = D("1.75");
	m->mal_gul = D("0.75");
	m->diarium = (diarium){ .diarienummer = "KS 2024/0456", .beslutsinstans = "Kommunfullmäktige",
	                        .beredande = "Kommunstyrelsen", .handlaggare = "Anna Lindqvist",
	                        .beslutsdatum = decided ? "2024-10-28" : NULL,
	                        .paragraf = decided ? "§ 87" : NULL };
	m->kommun.namn = "Sjöviks kommun";
	m->kommun.has_vision = true;
	m->kommun.vision = rt(a, "Sjövik – en trygg och växande kommun.", NULL);
	m->n_namnder = 4;
	m->namnder = arena_calloc(a, 4, sizeof *m->namnder);
	m->namnder[0] = (namnd){ .id = "KS", .namn = "Kommunstyrelsen" };
	m->namnder[1] = (namnd){ .id = "BUN", .namn = "Barn- och utbildningsnämnden" };
	m->namnder[2] = (namnd){ .id = "SN", .namn = "Socialnämnden" };
	m->namnder[3] = (namnd){ .id = "TN", .namn = "Tekniska nämnden" };
	m->ekonomi.enhet = "mnkr";
	m->ekonomi.decimaler = 1;
	if (full) {
		add_text_and_personal(m);
		add_goals(m);
		add_drift(m);
		add_invest(m);
		add_accounts(m);
		m->kommun.logotyp = "sjovik.png";
	}
	return m;
}

/* ---- laying out ---- */
static double fake_width(void *ctx, enum lay_font font, double size, const char *s, size_t len)
{
	(void)ctx;
	double w = 0;
	for (size_t i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)   /* one advance per character */
			w += (font == LF_BOLD ? 0.55 : 0.5) * size;
	return w;
}

static const lay_metrics metrics = { NULL, fake_width, 0.8, 0.2, NULL, NULL };

typedef struct built {
	sr_model *m;
	calc_result *r;
	lay_result *pages;
	char *dump;
	lay_page_setup setup;
} built;

static void build_from(built *b, sr_model *m)
{
	b->m = m;
	b->r = calc_compute(b->m);
	assert_non_null(b->r);
	report_style s;
	report_style_default(&s, b->m->typ);
	report_page_setup(b->m, &s, &b->setup);
	blk_doc *d = blk_new();
	report_build(d, b->m, b->r, &s, NULL);
	lay_blk *out = lay_blk_new(&b->setup, &metrics, s.text);
	const char *why = NULL;
	b->pages = lay_blk_render(out, d, &why);
	lay_blk_free(out);
	blk_free(d);
	assert_non_null(b->pages);
	const char *bad = lay_check(b->pages);   /* the engine's invariants hold for our blocks */
	if (bad)
		fail_msg("lay_check: %s", bad);
	size_t n = 0;
	FILE *f = open_memstream(&b->dump, &n);
	lay_dump(b->pages, f);
	fclose(f);
}

static void build(built *b, bool full, bool decided)
{
	build_from(b, model_new(full, decided));
}

static void unbuild(built *b)
{
	free(b->dump);
	lay_result_free(b->pages);
	calc_free(b->r);
	model_free(b->m);
}

static bool page_has(const dl_page *p, const char *needle)
{
	for (size_t i = 0; i < p->n_items; i++)
		if (p->items[i].kind == DL_TEXT && p->items[i].text && strstr(p->items[i].text, needle))
			return true;
	return false;
}

static bool doc_has(const built *b, const char *needle)
{
	for (size_t i = 0; i < b->pages->n_pages; i++)
		if (page_has(&b->pages->pages[i], needle))
			return true;
	return false;
}

static bool doc_has_exact(const built *b, const char *text)
{
	for (size_t i = 0; i < b->pages->n_pages; i++)
		for (size_t k = 0; k < b->pages->pages[i].n_items; k++) {
			const dl_item *it = &b->pages->pages[i].items[k];
			if (it->kind == DL_TEXT && it->text && strcmp(it->text, text) == 0)
				return true;
		}
	return false;
}

/* The alt text of a figure: the engine keeps it on a ROLE_FIGURE item. */
static bool figure_alt_has(const built *b, const char *needle)
{
	for (size_t i = 0; i < b->pages->n_pages; i++)
		for (size_t k = 0; k < b->pages->pages[i].n_items; k++) {
			const dl_item *it = &b->pages->pages[i].items[k];
			const char *alt = it->alt ? it->alt : (it->kind == DL_RECT ? it->text : NULL);
			if (it->role == ROLE_FIGURE && alt && strstr(alt, needle))
				return true;
		}
	return false;
}

/* Level of the heading whose text is exactly text; 0 when there is none. */
static int heading_level(const built *b, const char *text)
{
	for (size_t i = 0; i < b->pages->n_pages; i++)
		for (size_t k = 0; k < b->pages->pages[i].n_items; k++) {
			const dl_item *it = &b->pages->pages[i].items[k];
			if (it->kind == DL_TEXT && it->role == ROLE_HEADING && it->text &&
			    strcmp(it->text, text) == 0)
				return it->level;
		}
	return 0;
}

static size_t count_markers(const built *b, enum lay_shape shape)
{
	size_t n = 0;
	for (size_t i = 0; i < b->pages->n_pages; i++)
		for (size_t k = 0; k < b->pages->pages[i].n_items; k++)
			n += b->pages->pages[i].items[k].kind == DL_MARKER &&
			     b->pages->pages[i].items[k].shape == shape;
	return n;
}

/* ---- tests ---- */
static void shows_title_page_and_running_parts(void **state)
{
	(void)state;
	built b;
	build(&b, true, true);
	assert_true(b.pages->n_pages >= 3);
	const dl_page *title = &b.pages->pages[0];
	assert_true(page_has(title, "Sjöviks kommun"));
	assert_true(page_has(title, "Delårsrapport januari" FMT_NDASH "augusti 2024"));
	assert_true(page_has(title, "Dnr KS 2024/0456"));
	assert_true(page_has(title, "Period: 1 januari" FMT_NDASH "31 augusti 2024"));
	assert_true(page_has(title, "Beslutad av Kommunfullmäktige 28 oktober 2024, § 87"));
	assert_true(page_has(title, "Handläggare: Anna Lindqvist"));
	assert_false(page_has(title, "Sida 1 av"));        /* no running header on the title page */
	assert_false(doc_has(&b, "FÖRSLAG"));
	char want[64];
	snprintf(want, sizeof want, "Sida 2 av %zu", b.pages->n_pages);
	assert_true(page_has(&b.pages->pages[1], want));
	for (size_t i = 1; i < b.pages->n_pages; i++)
		assert_true(page_has(&b.pages->pages[i], "Dnr KS 2024/0456"));
	assert_non_null(strstr(b.dump, "Innehåll"));
	unbuild(&b);
}

static void shows_numbers_in_swedish(void **state)
{
	(void)state;
	built b;
	build(&b, true, true);
	assert_true(doc_has(&b, "Driftredovisning"));
	assert_true(doc_has_exact(&b, "Prognos"));
	assert_true(doc_has_exact(&b, "Periodiserad budget"));
	assert_true(doc_has(&b, "Belopp i mnkr"));
	assert_true(doc_has(&b, "1" FMT_NBSP "341,5"));        /* budget sum */
	assert_true(doc_has(&b, FMT_MINUS "13,0"));             /* avvikelse of the sum */
	assert_true(doc_has(&b, "408,0"));                      /* BUN periodiserad budget */
	assert_true(doc_has(&b, "82,0" FMT_NBSP "%"));          /* the indicator's own precision */
	assert_true(doc_has(&b, "78,5" FMT_NBSP "% (2022)"));
	assert_true(doc_has(&b, "Barn- och utbildningsnämnden: "));
	assert_true(doc_has(&b, "1" FMT_NBSP "210"));
	assert_false(doc_has(&b, "-13"));                       /* never a hyphen-minus */
	unbuild(&b);
}

static void shows_goals_with_levels_and_legend(void **state)
{
	(void)state;
	built b;
	build(&b, true, true);
	assert_true(doc_has(&b, "Strategiskt mål: Fler elever når kunskapsmålen"));
	assert_true(doc_has(&b, "Nämndmål: Ökad behörighet till gymnasiet"));
	assert_true(doc_has(&b, "Agenda 2030: mål 4, 10"));
	assert_true(doc_has(&b, "Uppfyllt"));
	assert_true(doc_has(&b, "Delvis uppfyllt"));
	assert_true(doc_has(&b, "Ej uppfyllt"));
	assert_true(doc_has(&b, "Ej bedömt"));
	assert_true(doc_has(&b, "Teckenförklaring"));
	assert_false(doc_has(&b, "(manuell bedömning)"));   /* issue 13: the nämnd's own assessment */
	assert_true(doc_has(&b, "Nämndens bedömning"));
	assert_true(doc_has(&b, "Försenad"));
	assert_true(doc_has(&b, "31 december 2024"));
	assert_true(doc_has(&b, "3 mål:"));
	/* every status has its own shape, drawn at least in the legend */
	for (int s = 0; s <= LS_DIAMOND; s++)   /* the four of version 1's scale */
		assert_true(count_markers(&b, (enum lay_shape)s) >= 1);
	unbuild(&b);
}

static bool has_image(const built *b, const char *path)
{
	for (size_t i = 0; i < b->pages->n_pages; i++)
		for (size_t k = 0; k < b->pages->pages[i].n_items; k++) {
			const dl_item *it = &b->pages->pages[i].items[k];
			if (it->kind == DL_IMAGE && it->text && strcmp(it->text, path) == 0)
				return true;
		}
	return false;
}

static void shows_investments_accounts_and_financial_goals(void **state)
{
	(void)state;
	built b;
	build(&b, true, true);
	assert_true(doc_has(&b, "Investeringar"));
	assert_true(doc_has(&b, "Förskola Norra udden"));
	assert_true(doc_has_exact(&b, FMT_MINUS "1,5"));        /* 45.0 - 46.5 */
	assert_true(doc_has_exact(&b, "61,5"));                 /* budget sum of the projects */
	assert_true(doc_has(&b, "Resultaträkning"));
	assert_true(doc_has(&b, "Utfall jan–aug 2023"));
	assert_true(doc_has_exact(&b, "Årets resultat"));
	assert_true(doc_has_exact(&b, "29,6"));                 /* computed sum, column 1 */
	assert_true(doc_has_exact(&b, "35,1"));                 /* computed sum, column 2 */
	assert_true(doc_has(&b, "Finansiella mål"));
	assert_true(doc_has_exact(&b, "minst 2,0" FMT_NBSP "%"));
	assert_true(doc_has_exact(&b, "2,0" FMT_NBSP "%"));     /* 100 * 35.1 / 1736.7 = 2.02 */
	assert_true(has_image(&b, "/tmp/sjovik/sjovik.png"));  /* logo beside the document */
	unbuild(&b);
}

static void nests_headings(void **state)
{
	(void)state;
	built b;
	build(&b, true, true);
	assert_int_equal(heading_level(&b, "Kommundirektören har ordet"), 1);
	assert_int_equal(heading_level(&b, "Händelser av väsentlig betydelse"), 2);
	assert_int_equal(heading_level(&b, "Strategiskt mål: Fler elever når kunskapsmålen"), 1);
	assert_int_equal(heading_level(&b, "Nämndmål: Ökad behörighet till gymnasiet"), 2);
	assert_int_equal(heading_level(&b, "Driftredovisning"), 1);
	/* bold run kept as its own span */
	bool bold = false;
	for (size_t i = 0; i < b.pages->n_pages; i++)
		for (size_t k = 0; k < b.pages->pages[i].n_items; k++) {
			const dl_item *it = &b.pages->pages[i].items[k];
			if (it->kind == DL_TEXT && it->text && strstr(it->text, "28,4") && it->font == LF_BOLD)
				bold = true;
		}
	assert_true(bold);
	unbuild(&b);
}

/* Six goal levels in a chain: levels 1-4 are headings, deeper ones bold paragraphs. */
static sr_model *deep_model(void)
{
	static const char *const ids[6] = { "l1", "l2", "l3", "l4", "l5", "l6" };
	static const char *const titles[6] = { "Ett", "Två", "Tre", "Fyra", "Fem", "Sex" };
	sr_model *m = model_new(false, true);
	m->has_malnivaer = true;
	m->n_nivaer = 6;
	m->nivaer = arena_calloc(m->arena, 6, sizeof *m->nivaer);
	m->n_goals = 6;
	m->goals = arena_calloc(m->arena, 6, sizeof *m->goals);
	for (int i = 0; i < 6; i++) {
		m->nivaer[i] = (niva){ .id = ids[i], .namn = arena_printf(m->arena, "Nivå %d", i + 1) };
		m->goals[i] = goal(m, ids[i], ids[i], titles[i], NULL);
		if (i > 0) {
			m->goals[i - 1]->n_nested = 1;
			m->goals[i - 1]->nested = arena_calloc(m->arena, 1, sizeof(mal *));
			m->goals[i - 1]->nested[0] = m->goals[i];
		}
	}
	m->n_roots = 1;
	m->roots = arena_calloc(m->arena, 1, sizeof *m->roots);
	m->roots[0] = m->goals[0];
	model_link_goals(m);
	return m;
}

static void deep_goals_become_bold_paragraphs(void **state)
{
	(void)state;
	built b;
	build_from(&b, deep_model());
	assert_int_equal(heading_level(&b, "Nivå 1: Ett"), 1);
	assert_int_equal(heading_level(&b, "Nivå 4: Fyra"), 4);
	assert_int_equal(heading_level(&b, "Nivå 5: Fem"), 0);
	assert_int_equal(heading_level(&b, "Nivå 6: Sex"), 0);
	assert_true(doc_has_exact(&b, "Nivå 5: Fem"));
	assert_true(doc_has_exact(&b, "Nivå 6: Sex"));
	unbuild(&b);
}

static void draws_charts_with_alt_text(void **state)
{
	(void)state;
	built b;
	build(&b, true, true);
	assert_true(figure_alt_has(&b, "Diagram över måluppfyllelsen per målnivå."));
	assert_true(figure_alt_has(&b, "Nämndmål: uppfyllt 1, delvis uppfyllt 1, ej uppfyllt 0, ej bedömt 0."));
	assert_true(figure_alt_has(&b, "Barn- och utbildningsnämnden: " FMT_MINUS "6,4."));
	assert_true(doc_has(&b, "Figur: antal mål per status och målnivå"));
	unbuild(&b);
	build(&b, false, true);   /* nothing to draw: no figure, no caption */
	assert_false(figure_alt_has(&b, "Diagram"));
	assert_false(doc_has(&b, "Figur:"));
	unbuild(&b);
}

static void draft_carries_forslag_on_every_page(void **state)
{
	(void)state;
	built b;
	build(&b, true, false);
	assert_string_equal(b.setup.watermark, "FÖRSLAG");
	for (size_t i = 0; i < b.pages->n_pages; i++)
		assert_true(page_has(&b.pages->pages[i], "FÖRSLAG"));
	assert_true(page_has(&b.pages->pages[0], "Förslag till Kommunfullmäktige"));
	assert_false(doc_has(&b, "Beslutad av"));
	report_meta meta;
	report_meta_of(b.m, &meta);
	assert_true(meta.draft);
	assert_string_equal(meta.date, b.m->period_till);   /* never the clock */
	assert_non_null(strstr(meta.title, "förslag"));
	assert_non_null(strstr(meta.subject, "förslag till Kommunfullmäktige"));
	unbuild(&b);
}

static void leaves_out_absent_parts(void **state)
{
	(void)state;
	built b;
	build(&b, false, true);
	assert_true(doc_has(&b, "Sjöviks kommun"));
	assert_false(doc_has(&b, "Driftredovisning"));
	assert_false(doc_has(&b, "Investeringar"));
	assert_false(doc_has(&b, "Måluppfyllelse"));
	assert_false(doc_has(&b, "Teckenförklaring"));
	assert_false(doc_has(&b, "Personal"));
	assert_false(doc_has(&b, "Resultaträkning"));
	assert_false(doc_has(&b, "Finansiella mål"));
	unbuild(&b);
}

/* One nämnd's verksamhetsberättelse: its goal adopts one that is not in the document. */
static sr_model *vb_model(void)
{
	sr_model *m = model_new(false, true);
	m->typ = RT_VERKSAMHETSBERATTELSE;
	m->period_till = "2024-12-31";
	m->namndref = "BUN";
	add_drift(m);
	add_text_and_personal(m);
	m->n_nivaer = 1;
	m->has_malnivaer = true;
	m->nivaer = arena_calloc(m->arena, 1, sizeof *m->nivaer);
	m->nivaer[0] = (niva){ .id = "namnd", .namn = "Nämndmål" };
	mal *g = goal(m, "N1", "namnd", "Ökad behörighet till gymnasiet", "BUN");
	g->overordnad = "S9";
	m->n_roots = m->n_goals = 1;
	m->roots = arena_calloc(m->arena, 1, sizeof *m->roots);
	m->goals = arena_calloc(m->arena, 1, sizeof *m->goals);
	m->roots[0] = m->goals[0] = g;
	model_link_goals(m);
	return m;
}

static void verksamhetsberattelse_shows_one_namnd(void **state)
{
	(void)state;
	built b;
	build_from(&b, vb_model());
	assert_true(doc_has(&b, "Verksamhetsberättelse 2024 " FMT_NDASH " Barn- och utbildningsnämnden"));
	assert_true(doc_has(&b, "Bidrar till: S9"));
	assert_true(doc_has(&b, "Nämndmål: Ökad behörighet till gymnasiet"));
	assert_true(doc_has(&b, "Driftredovisning"));
	assert_true(doc_has(&b, "612,0"));
	assert_false(doc_has(&b, "142,3"));                /* another nämnd's row */
	assert_false(doc_has(&b, "Periodiserad budget"));  /* whole year: no forecast columns */
	assert_false(doc_has_exact(&b, "Prognos"));
	assert_true(doc_has(&b, "Avvikelse = budget " FMT_MINUS " utfall"));
	assert_true(doc_has(&b, "191,3"));                 /* 612.0 - 420.7 */
	unbuild(&b);
}

static void titles_and_metadata(void **state)
{
	(void)state;
	sr_model *m = model_new(false, true);
	assert_string_equal(report_title(m), "Delårsrapport januari" FMT_NDASH "augusti 2024");
	m->typ = RT_UPPFOLJNING;
	m->period_till = "2024-04-30";
	assert_string_equal(report_title(m), "Uppföljning och prognos januari" FMT_NDASH "april 2024");
	m->typ = RT_ARSREDOVISNING;
	assert_string_equal(report_title(m), "Årsredovisning 2024");
	m->typ = RT_VERKSAMHETSBERATTELSE;
	m->namndref = "BUN";
	assert_string_equal(report_title(m), "Verksamhetsberättelse 2024 " FMT_NDASH " Barn- och utbildningsnämnden");
	m->diarium.rubrik = "Egen rubrik";
	assert_string_equal(report_title(m), "Egen rubrik");
	report_meta meta;
	report_meta_of(m, &meta);
	assert_string_equal(meta.author, "Sjöviks kommun");
	assert_string_equal(meta.subject, "Dnr KS 2024/0456");
	assert_string_equal(meta.date, "2024-10-28");
	assert_false(meta.draft);
	assert_non_null(strstr(meta.keywords, "KS 2024/0456"));
	model_free(m);
}

static void default_orders_per_type(void **state)
{
	(void)state;
	report_style s;
	report_style_default(&s, RT_DELARSRAPPORT);
	assert_string_equal(s.sections[0], "titelsida");
	assert_string_equal(s.sections[1], "innehall");
	assert_string_equal(s.sections[3], "malsammanfattning");
	assert_string_equal(s.sections[4], "diagram-malstatus");
	assert_string_equal(s.sections[s.n_sections - 4], "personal");
	assert_string_equal(s.sections[s.n_sections - 1], "internkontroll");   /* issue 13 */
	report_style_default(&s, RT_UPPFOLJNING);
	assert_string_equal(s.sections[3], "driftredovisning");   /* economy first */
	report_style_default(&s, RT_VERKSAMHETSBERATTELSE);
	for (size_t i = 0; i < s.n_sections; i++)
		assert_string_not_equal(s.sections[i], "balansrakning");
	assert_int_equal(s.status_shape[ST_UPPFYLLT], LS_CIRCLE);
	assert_int_equal(s.status_shape[ST_DELVIS], LS_TRIANGLE);
	assert_int_equal(s.status_shape[ST_EJ_UPPFYLLT], LS_SQUARE);
	assert_int_equal(s.status_shape[ST_EJ_BEDOMT], LS_DIAMOND);
	assert_string_equal(report_status_name(ST_EJ_UPPFYLLT), "Ej uppfyllt");
	assert_string_equal(report_activity_name(AS_EJ_PABORJAD), "Ej påbörjad");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(shows_title_page_and_running_parts),
		cmocka_unit_test(shows_numbers_in_swedish),
		cmocka_unit_test(shows_goals_with_levels_and_legend),
		cmocka_unit_test(shows_investments_accounts_and_financial_goals),
		cmocka_unit_test(nests_headings),
		cmocka_unit_test(deep_goals_become_bold_paragraphs),
		cmocka_unit_test(draws_charts_with_alt_text),
		cmocka_unit_test(draft_carries_forslag_on_every_page),
		cmocka_unit_test(leaves_out_absent_parts),
		cmocka_unit_test(verksamhetsberattelse_shows_one_namnd),
		cmocka_unit_test(titles_and_metadata),
		cmocka_unit_test(default_orders_per_type),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
