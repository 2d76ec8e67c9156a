/* SPDX-License-Identifier: Apache-2.0 */
/* test_valid.c - semantic validation of ids, references, goal levels and parents,
 * the period, thresholds and indicator values, on models built in C. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
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

static void check(sr_model *m, diag_sink *d)
{
	diag_init(d);
	valid_check(m, d);
}

static void done(sr_model *m, diag_sink *d)
{
	diag_free(d);
	model_free(m);
}

/* O1 (omrade) > S1 (strat) > N1 (namnd, BUN, one indicator, assessed). */
static sr_model *tree(mal **o1, mal **s1, mal **n1)
{
	sr_model *m = vb_new("rapport.xml");
	*o1 = vb_goal(m, "O1", "omrade", NULL, 42);
	*s1 = vb_goal(m, "S1", "strat", *o1, 43);
	*n1 = vb_goal(m, "N1", "namnd", *s1, 44);
	(*n1)->namndref = "BUN";
	static int agenda[] = {4, 10, 17};
	(*s1)->agenda2030 = agenda;
	(*s1)->n_agenda2030 = 3;
	indikator *ind = vb_indicator(m, *n1, "I1", 45);
	ind->kolada = "N15419";
	vb_value(m, ind->utgangsvarde, &ind->n_utgangsvarde, 2022, NULL, 46);
	vb_value(m, ind->malvarde, &ind->n_malvarde, 2024, NULL, 47);
	vb_value(m, ind->malvarde, &ind->n_malvarde, 0, "2023-2026", 48);
	vb_value(m, ind->utfall, &ind->n_utfall, 2023, NULL, 49);
	vb_value(m, ind->utfall, &ind->n_utfall, 2024, NULL, 50);
	static text_run run = {"  Analys av läget.  ", 0};
	(*n1)->has_bedomning = true;
	(*n1)->bedomning = (bedomning){ST_DELVIS, ST_UPPFYLLT, {&run, 1, {NULL, 59}}, {NULL, 59}};
	return m;
}

static void valid_tree_is_clean(void **state)
{
	(void)state;
	mal *o1, *s1, *n1;
	sr_model *m = tree(&o1, &s1, &n1);
	diag_sink d;
	check(m, &d);
	EXPECT_CLEAN(&d);
	done(m, &d);
}

static void duplicate_ids(void **state)
{
	(void)state;
	mal *o1, *s1, *n1;
	sr_model *m = tree(&o1, &s1, &n1);
	vb_id(m, "S1", "indikator", 70);
	m->ids[m->n_ids++] = (id_entry){"KS", "mal", {"namnder/bun.xml", 3}};
	diag_sink d;
	check(m, &d);
	assert_int_equal(vb_count(&d, D_ID_DUP), 2);
	EXPECT(&d, D_ID_DUP, 70, "'S1' används redan på rad 43");
	const diag *x = NULL;
	for (size_t i = 0; i < d.n; i++)
		if (d.items[i].line == 3)
			x = &d.items[i];
	assert_non_null(x);
	assert_string_equal(x->file, "namnder/bun.xml");
	assert_non_null(strstr(x->message, "rad 24 i rapport.xml"));
	done(m, &d);
}

static void namndref_must_name_a_namnd(void **state)
{
	(void)state;
	mal *o1, *s1, *n1;
	sr_model *m = tree(&o1, &s1, &n1);
	n1->namndref = "XYZ";
	s1->namndref = "O1";   /* an id, but of a goal */
	diag_sink d;
	check(m, &d);
	EXPECT(&d, D_REF_MISSING, 44, "namndref 'XYZ'");
	EXPECT(&d, D_REF_MISSING, 44, "organisation");
	EXPECT(&d, D_REF_KIND, 43, "'O1'");
	done(m, &d);
}

static void levels_exist_and_go_down(void **state)
{
	(void)state;
	mal *o1, *s1, *n1;
	sr_model *m = tree(&o1, &s1, &n1);
	mal *x = vb_goal(m, "X1", "strat", n1, 60);     /* strat inside a Nämndmål */
	mal *y = vb_goal(m, "Y1", "namnd", n1, 61);     /* same level: not higher */
	mal *z = vb_goal(m, "Z1", "okand", s1, 62);
	(void)x, (void)y, (void)z;
	diag_sink d;
	check(m, &d);
	assert_int_equal(vb_count(&d, D_LEVEL_ORDER), 2);
	EXPECT(&d, D_LEVEL_ORDER, 60, "Strategiskt mål");
	EXPECT(&d, D_LEVEL_ORDER, 60, "Nämndmål");
	EXPECT(&d, D_LEVEL_MISSING, 62, "'okand'");
	done(m, &d);
}

static void adopted_goal_level_order(void **state)
{
	(void)state;
	mal *o1, *s1, *n1;
	sr_model *m = tree(&o1, &s1, &n1);
	mal *a = vb_goal(m, "A1", "strat", NULL, 80);
	a->overordnad = "N1";       /* a Strategiskt mål under a Nämndmål */
	mal *b = vb_goal(m, "B1", "namnd", NULL, 81);
	b->overordnad = "S1";       /* fine */
	diag_sink d;
	check(m, &d);
	assert_int_equal(vb_count(&d, D_LEVEL_ORDER), 1);
	EXPECT(&d, D_LEVEL_ORDER, 80, "overordnad");
	done(m, &d);
}

static void goals_need_levels(void **state)
{
	(void)state;
	mal *o1, *s1, *n1;
	sr_model *m = tree(&o1, &s1, &n1);
	m->n_nivaer = 0;
	m->has_malnivaer = false;
	diag_sink d;
	check(m, &d);
	EXPECT(&d, D_LEVELS_NONE, 42, "malnivaer");
	assert_int_equal(vb_count(&d, D_LEVEL_MISSING), 0);
	done(m, &d);
}

static void overordnad_references(void **state)
{
	(void)state;
	mal *o1, *s1, *n1;
	sr_model *m = tree(&o1, &s1, &n1);
	mal *a = vb_goal(m, "A1", "namnd", NULL, 80);
	a->overordnad = "S9";
	mal *b = vb_goal(m, "B1", "namnd", NULL, 81);
	b->overordnad = "KS";      /* a nämnd, not a goal */
	diag_sink d;
	check(m, &d);
	EXPECT(&d, D_REF_MISSING, 80, "overordnad 'S9'");
	EXPECT(&d, D_REF_KIND, 81, "overordnad 'KS'");
	diag_free(&d);
	/* A verksamhetsberättelse may contribute to a goal outside the document. */
	m->typ = RT_VERKSAMHETSBERATTELSE;
	m->namndref = "BUN";
	m->period_till = "2024-12-31";
	check(m, &d);
	assert_int_equal(vb_count(&d, D_REF_MISSING), 0);
	EXPECT(&d, D_REF_KIND, 81, "overordnad 'KS'");
	done(m, &d);
}

static void overordnad_nested_and_cycles(void **state)
{
	(void)state;
	mal *o1, *s1, *n1;
	sr_model *m = tree(&o1, &s1, &n1);
	n1->overordnad = "O1";     /* nested and adopted at once */
	mal *a = vb_goal(m, "A1", "namnd", NULL, 80);
	a->overordnad = "A1";      /* itself */
	o1->overordnad = "N1";     /* its own grandchild */
	diag_sink d;
	check(m, &d);
	EXPECT(&d, D_PARENT_NESTED, 44, "'O1'");
	assert_int_equal(vb_count(&d, D_PARENT_CYCLE), 2);
	EXPECT(&d, D_PARENT_CYCLE, 42, "undermål");
	for (size_t i = 0; i < d.n; i++)
		if (d.items[i].code == D_PARENT_CYCLE && d.items[i].line == 80)
			assert_non_null(strstr(d.items[i].message, "självt"));
	done(m, &d);
}

static void adoption_loop_between_roots(void **state)
{
	(void)state;
	sr_model *m = vb_new("rapport.xml");
	mal *a = vb_goal(m, "A", "namnd", NULL, 10);
	mal *b = vb_goal(m, "B", "namnd", NULL, 11);
	mal *c = vb_goal(m, "C", "namnd", NULL, 12);
	a->overordnad = "B", b->overordnad = "A", c->overordnad = "A";
	diag_sink d;
	check(m, &d);
	assert_int_equal(vb_count(&d, D_PARENT_CYCLE), 2);   /* A and B, not C */
	done(m, &d);
}

static void period_rules(void **state)
{
	(void)state;
	struct { enum report_type t; const char *fran, *till; enum diag_code code; const char *word; } c[] = {
		{RT_DELARSRAPPORT, "2024-02-01", "2024-08-31", D_PERIOD_START, "2024-01-01"},
		{RT_DELARSRAPPORT, "2023-01-01", "2024-08-31", D_PERIOD_START, "2023-01-01"},
		{RT_DELARSRAPPORT, "2024-01-01", "2024-06-29", D_PERIOD_END, "sista"},
		{RT_DELARSRAPPORT, "2024-01-01", "2025-06-30", D_PERIOD_END, "2024"},
		{RT_DELARSRAPPORT, "2024-01-01", "2024-05-31", D_PERIOD_LENGTH, "6, 7 eller 8"},
		{RT_DELARSRAPPORT, "2024-01-01", "2024-09-30", D_PERIOD_LENGTH, "9 månader"},
		{RT_UPPFOLJNING, "2024-01-01", "2024-08-31", D_PERIOD_LENGTH, "4 månader"},
		{RT_ARSREDOVISNING, "2024-01-01", "2024-08-31", D_PERIOD_LENGTH, "12 månader"},
		{RT_DELARSRAPPORT, "2024-01-01", "2024-02-30", D_DATE, "2024-02-30"},
		{RT_DELARSRAPPORT, "2024-13-01", "2024-08-31", D_DATE, "2024-13-01"},
		{RT_DELARSRAPPORT, "2024-01-01", "2024-02-28", D_PERIOD_END, "2024-02-29"},
	};
	for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
		sr_model *m = vb_new("rapport.xml");
		m->typ = c[i].t, m->period_fran = c[i].fran, m->period_till = c[i].till;
		diag_sink d;
		check(m, &d);
		EXPECT(&d, c[i].code, 17, c[i].word);
		assert_int_equal(d.errors, 1);   /* an årsredovisning also gets SJUK-SAKNAS (v2) */
		done(m, &d);
	}
}

static void period_passing_cases(void **state)
{
	(void)state;
	struct { enum report_type t; int ar; const char *fran, *till; } c[] = {
		{RT_DELARSRAPPORT, 2024, "2024-01-01", "2024-06-30"},
		{RT_DELARSRAPPORT, 2024, "2024-01-01", "2024-07-31"},
		{RT_DELARSRAPPORT, 2024, "2024-01-01", "2024-08-31"},
		{RT_UPPFOLJNING, 2025, "2025-01-01", "2025-04-30"},
		{RT_ARSREDOVISNING, 2024, "2024-01-01", "2024-12-31"},
	};
	for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
		sr_model *m = vb_new("rapport.xml");
		m->typ = c[i].t, m->ar = c[i].ar, m->period_fran = c[i].fran, m->period_till = c[i].till;
		diag_sink d;
		check(m, &d);
		if (c[i].t == RT_ARSREDOVISNING)   /* v2: no sjukfrånvaro is a warning there */
			assert_int_equal(d.errors, 0);
		else
			EXPECT_CLEAN(&d);
		done(m, &d);
	}
}

static void leap_days(void **state)
{
	(void)state;
	struct { int ar; const char *till; bool real; } c[] = {
		{2024, "2024-02-29", true}, {2000, "2000-02-29", true},
		{2023, "2023-02-29", false}, {1900, "1900-02-29", false},
	};
	for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
		sr_model *m = vb_new("rapport.xml");
		char fran[16];
		snprintf(fran, sizeof fran, "%d-01-01", c[i].ar);
		m->ar = c[i].ar, m->period_fran = fran, m->period_till = c[i].till;
		diag_sink d;
		check(m, &d);
		/* A real leap day ends February: only the length (2 months) is wrong. */
		assert_int_equal(vb_count(&d, D_DATE), c[i].real ? 0 : 1);
		assert_int_equal(vb_count(&d, D_PERIOD_END), 0);
		assert_int_equal(vb_count(&d, D_PERIOD_LENGTH), c[i].real ? 1 : 0);
		done(m, &d);
	}
}

static void verksamhetsberattelse_needs_namnd(void **state)
{
	(void)state;
	sr_model *m = vb_new("rapport.xml");
	m->typ = RT_VERKSAMHETSBERATTELSE;
	m->period_till = "2024-12-31";
	diag_sink d;
	check(m, &d);
	EXPECT(&d, D_REPORT_NAMND, 3, "namndref");
	diag_free(&d);
	m->namndref = "SN";
	check(m, &d);
	EXPECT(&d, D_REF_MISSING, 3, "'SN'");
	diag_free(&d);
	m->namndref = "BUN";
	check(m, &d);
	EXPECT_CLEAN(&d);
	done(m, &d);
}

static void thresholds(void **state)
{
	(void)state;
	sr_model *m = vb_new("rapport.xml");
	m->loc_regler = (src_loc){m->file, 23};
	m->gul_andel = 1200000;
	m->mal_gron = 2500000;
	diag_sink d;
	check(m, &d);
	assert_int_equal(vb_count(&d, D_THRESHOLDS), 2);
	EXPECT(&d, D_THRESHOLDS, 23, "gul-andel=\"1.2\"");
	diag_free(&d);
	m->gul_andel = 0, m->mal_gron = 1000000, m->mal_gul = 1500000;
	check(m, &d);
	EXPECT(&d, D_THRESHOLDS, 23, "mal-gul=\"1.5\"");
	assert_int_equal(d.n, 1);
	diag_free(&d);
	m->gul_andel = DEC_ONE, m->mal_gul = m->mal_gron = DEC_FROM_INT(2);   /* edges are fine */
	check(m, &d);
	EXPECT_CLEAN(&d);
	done(m, &d);
}

static void kolada_and_agenda(void **state)
{
	(void)state;
	const char *bad[] = {"N1541", "X15419", "N154190", "n15419", "N1541a", ""};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		mal *o1, *s1, *n1;
		sr_model *m = tree(&o1, &s1, &n1);
		n1->indikatorer[0].kolada = bad[i];
		diag_sink d;
		check(m, &d);
		EXPECT(&d, D_KOLADA, 45, "fem siffror");
		assert_int_equal(d.n, 1);
		done(m, &d);
	}
	mal *o1, *s1, *n1;
	sr_model *m = tree(&o1, &s1, &n1);
	n1->indikatorer[0].kolada = "U23471";
	static int agenda[] = {0, 18, 3, 3};
	o1->agenda2030 = agenda;
	o1->n_agenda2030 = 4;
	diag_sink d;
	check(m, &d);
	assert_int_equal(vb_count(&d, D_KOLADA), 0);
	assert_int_equal(vb_count(&d, D_AGENDA2030), 3);
	EXPECT(&d, D_AGENDA2030, 42, "1–17");
	done(m, &d);
}

static void indicator_duplicates(void **state)
{
	(void)state;
	mal *o1, *s1, *n1;
	sr_model *m = tree(&o1, &s1, &n1);
	indikator *ind = &n1->indikatorer[0];
	vb_value(m, ind->utgangsvarde, &ind->n_utgangsvarde, 2021, NULL, 51);
	vb_value(m, ind->malvarde, &ind->n_malvarde, 2024, NULL, 52);
	vb_value(m, ind->malvarde, &ind->n_malvarde, 0, "2023-2026", 53);
	vb_value(m, ind->utfall, &ind->n_utfall, 2024, NULL, 54);
	diag_sink d;
	check(m, &d);
	assert_int_equal(vb_count(&d, D_IND_DUP), 4);
	EXPECT(&d, D_IND_DUP, 51, "utgangsvarde");
	for (size_t i = 0; i < d.n; i++) {
		long l = d.items[i].line;
		const char *msg = d.items[i].message;
		assert_true(l >= 51 && l <= 54);
		if (l == 52)
			assert_non_null(strstr(msg, "malvarde för år 2024 (rad 47)"));
		if (l == 53)
			assert_non_null(strstr(msg, "perioden 2023-2026"));
		if (l == 54)
			assert_non_null(strstr(msg, "utfall för år 2024 (rad 50)"));
	}
	done(m, &d);
}

static void target_year_or_period(void **state)
{
	(void)state;
	mal *o1, *s1, *n1;
	sr_model *m = tree(&o1, &s1, &n1);
	indikator *ind = &n1->indikatorer[0];
	vb_value(m, ind->malvarde, &ind->n_malvarde, 0, NULL, 61);
	vb_value(m, ind->malvarde, &ind->n_malvarde, 0, "2026-2023", 62);
	vb_value(m, ind->malvarde, &ind->n_malvarde, 0, "2023–2026", 63);   /* en dash */
	vb_value(m, ind->malvarde, &ind->n_malvarde, 2025, "2027-2030", 64);
	vb_value(m, ind->malvarde, &ind->n_malvarde, 0, "2027-2027", 65);    /* one year: fine */
	diag_sink d;
	check(m, &d);
	assert_int_equal(d.n, 4);
	EXPECT(&d, D_YEAR, 61, "varken ar eller period");
	EXPECT(&d, D_YEAR, 62, "'2026-2023'");
	EXPECT(&d, D_YEAR, 63, "'2023–2026'");
	EXPECT(&d, D_YEAR, 64, "både");
	done(m, &d);
}

static void manual_status_needs_text(void **state)
{
	(void)state;
	mal *o1, *s1, *n1;
	sr_model *m = tree(&o1, &s1, &n1);
	static text_run blank = {" \t ", 0};
	n1->bedomning.text = (rich_text){&blank, 1, {NULL, 59}};
	diag_sink d;
	check(m, &d);
	EXPECT(&d, D_ASSESS_TEXT, 59, "status=\"delvis\"");
	diag_free(&d);
	n1->bedomning.status = ST_NONE;   /* a prognos alone needs no text */
	check(m, &d);
	EXPECT_CLEAN(&d);
	done(m, &d);
}

static void activity_dates(void **state)
{
	(void)state;
	mal *o1, *s1, *n1;
	sr_model *m = tree(&o1, &s1, &n1);
	aktivitet a[2] = {{.id = "A1", .klart = "2024-12-31", .loc = {NULL, 57}},
	                  {.id = "A2", .klart = "2024-04-31", .loc = {NULL, 58}}};
	n1->aktiviteter = a;
	n1->n_aktiviteter = 2;
	m->diarium.beslutsdatum = "2024-10-28";
	diag_sink d;
	check(m, &d);
	EXPECT(&d, D_DATE, 58, "2024-04-31");
	assert_int_equal(d.n, 1);
	done(m, &d);
}

static void contribution_checks_only_its_own(void **state)
{
	(void)state;
	mal *o1, *s1, *n1;
	sr_model *m = tree(&o1, &s1, &n1);
	m->contribution = true;
	m->n_namnder = 0;             /* a contribution has no organisation */
	m->period_fran = m->period_till = NULL;
	m->diarium.diarienummer = NULL;
	n1->overordnad = "S9";
	vb_id(m, "I1", "indikator", 90);
	n1->indikatorer[0].kolada = "N1";
	diag_sink d;
	check(m, &d);
	EXPECT(&d, D_ID_DUP, 90, "'I1'");
	EXPECT(&d, D_KOLADA, 45, "'N1'");
	EXPECT(&d, D_PARENT_NESTED, 44, "'S9'");
	assert_int_equal(vb_count(&d, D_REF_MISSING), 0);
	assert_int_equal(d.n, 3);
	done(m, &d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(valid_tree_is_clean),
		cmocka_unit_test(duplicate_ids),
		cmocka_unit_test(namndref_must_name_a_namnd),
		cmocka_unit_test(levels_exist_and_go_down),
		cmocka_unit_test(adopted_goal_level_order),
		cmocka_unit_test(goals_need_levels),
		cmocka_unit_test(overordnad_references),
		cmocka_unit_test(overordnad_nested_and_cycles),
		cmocka_unit_test(adoption_loop_between_roots),
		cmocka_unit_test(period_rules),
		cmocka_unit_test(period_passing_cases),
		cmocka_unit_test(leap_days),
		cmocka_unit_test(verksamhetsberattelse_needs_namnd),
		cmocka_unit_test(thresholds),
		cmocka_unit_test(kolada_and_agenda),
		cmocka_unit_test(indicator_duplicates),
		cmocka_unit_test(target_year_or_period),
		cmocka_unit_test(manual_status_needs_text),
		cmocka_unit_test(activity_dates),
		cmocka_unit_test(contribution_checks_only_its_own),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
