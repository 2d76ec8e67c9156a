/* SPDX-License-Identifier: Apache-2.0 */
/* test_calc.c - indicator and goal statuses, scope and the sums by status. */
#include "calc_builder.h"
#include "calc.h"
#include <stdlib.h>

static const calc_indicator *ind_of(const calc_result *r, const char *id)
{
	for (size_t i = 0; i < r->n_ind; i++)
		if (strcmp(r->ind[i].ind->id, id) == 0)
			return &r->ind[i];
	fail_msg("indicator %s not in the result", id);
	return NULL;
}

/* framsteg as printed, or "-" when p is undefined. */
static const char *framsteg(const calc_indicator *ci, char *buf, size_t n)
{
	if (!ci->has_framsteg)
		return "-";
	return dec_format_ratio(ci->framsteg.num, ci->framsteg.den, buf, n);
}

static void expect_ind(const calc_result *r, const char *id, enum status s, const char *p)
{
	char buf[80];
	const calc_indicator *ci = ind_of(r, id);
	assert_string_equal(model_status_token(ci->status), model_status_token(s));
	assert_string_equal(framsteg(ci, buf, sizeof buf), p);
}

/* One goal holding one indicator; returns the computed result. */
static calc_result *one(sr_model *m, enum direction dir, const char *b, const char *t,
                        const char *u)
{
	mal *g = b_goal(m, "G", "strat", NULL, NULL);
	b_ind(m, g, "I", dir, b, t, u);
	model_link_goals(m);
	return calc_compute(m);
}

struct case_ {
	enum direction dir;
	const char *b, *t, *u;
	enum status want;
	const char *p;
};

static void run_cases(const struct case_ *c, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		sr_model *m = b_model(RT_DELARSRAPPORT, "2024-08-31");
		calc_result *r = one(m, c[i].dir, c[i].b, c[i].t, c[i].u);
		expect_ind(r, "I", c[i].want, c[i].p);
		calc_free(r);
		model_free(m);
	}
}

static void indicator_hogre(void **state)
{
	(void)state;
	static const struct case_ c[] = {
		{DIR_HOGRE, "78.5", "85", "82.0", ST_DELVIS, "0.538462"},
		{DIR_HOGRE, "84", "88", "88.6", ST_UPPFYLLT, "1.15"},       /* met: p still shown */
		{DIR_HOGRE, "84", "88", "88", ST_UPPFYLLT, "1"},            /* U = T */
		{DIR_HOGRE, "35", "55", "38", ST_EJ_UPPFYLLT, "0.15"},
		{DIR_HOGRE, "35", "55", "30", ST_EJ_UPPFYLLT, "-0.25"},     /* worse than baseline */
	};
	run_cases(c, sizeof c / sizeof c[0]);
}

static void indicator_lagre(void **state)
{
	(void)state;
	static const struct case_ c[] = {
		{DIR_LAGRE, "92", "60", "88", ST_EJ_UPPFYLLT, "0.125"},
		{DIR_LAGRE, "1.9", "1.6", "1.7", ST_DELVIS, "0.666667"},
		{DIR_LAGRE, "8.1", "7.0", "6.9", ST_UPPFYLLT, "1.090909"},
		{DIR_LAGRE, "8.1", "7.0", "7", ST_UPPFYLLT, "1"},
	};
	run_cases(c, sizeof c / sizeof c[0]);
}

/* p exactly on gul-andel is delvis; one millionth below is not. */
static void indicator_boundaries(void **state)
{
	(void)state;
	static const struct case_ c[] = {
		{DIR_HOGRE, "0", "10", "5", ST_DELVIS, "0.5"},
		{DIR_HOGRE, "0", "10", "4.999999", ST_EJ_UPPFYLLT, "0.500000"}, /* prints rounded */
		{DIR_HOGRE, "0", "10", "9.99999", ST_DELVIS, "0.999999"},
		{DIR_LAGRE, "10", "0", "5", ST_DELVIS, "0.5"},
		{DIR_LAGRE, "10", "0", "5.000001", ST_EJ_UPPFYLLT, "0.500000"},
		{DIR_LAGRE, "10", "0", "0.00001", ST_DELVIS, "0.999999"},
		{DIR_HOGRE, "-3", "-1", "-2", ST_DELVIS, "0.5"},                /* negative values */
	};
	run_cases(c, sizeof c / sizeof c[0]);
}

/* No B, T = B, T on the wrong side: green when met, else red, p undefined. */
static void indicator_p_undefined(void **state)
{
	(void)state;
	static const struct case_ c[] = {
		{DIR_HOGRE, NULL, "10", "10", ST_UPPFYLLT, "-"},
		{DIR_HOGRE, NULL, "10", "9.9", ST_EJ_UPPFYLLT, "-"},
		{DIR_HOGRE, "10", "10", "10.5", ST_UPPFYLLT, "-"},
		{DIR_HOGRE, "10", "10", "9.99", ST_EJ_UPPFYLLT, "-"},
		{DIR_HOGRE, "12", "10", "11", ST_UPPFYLLT, "-"},
		{DIR_HOGRE, "12", "10", "9.99", ST_EJ_UPPFYLLT, "-"},
		{DIR_LAGRE, "5", "5", "5", ST_UPPFYLLT, "-"},
		{DIR_LAGRE, "5", "5", "5.1", ST_EJ_UPPFYLLT, "-"},
		{DIR_LAGRE, "4", "5", "6", ST_EJ_UPPFYLLT, "-"},
		{DIR_LAGRE, NULL, "5", "4", ST_UPPFYLLT, "-"},
	};
	run_cases(c, sizeof c / sizeof c[0]);
}

static void indicator_not_assessed(void **state)
{
	(void)state;
	static const struct case_ c[] = {
		{DIR_HOGRE, "1", "10", NULL, ST_EJ_BEDOMT, "-"},
		{DIR_HOGRE, "1", NULL, "10", ST_EJ_BEDOMT, "-"},
		{DIR_LAGRE, NULL, NULL, NULL, ST_EJ_BEDOMT, "-"},
	};
	run_cases(c, sizeof c / sizeof c[0]);
}

/* Only the report year counts; a period= target is not the year's target. */
static void indicator_other_years_ignored(void **state)
{
	(void)state;
	sr_model *m = b_model(RT_ARSREDOVISNING, "2024-12-31");
	mal *g = b_goal(m, "G", "strat", NULL, NULL);
	indikator *ind = b_ind(m, g, "I", DIR_HOGRE, "0", NULL, NULL);
	value_point *t = arena_calloc(m->arena, 2, sizeof *t);
	t[0] = (value_point){.ar = 0, .period = "2023-2026", .value = D("1")};
	t[1] = (value_point){.ar = 2023, .value = D("2")};
	value_point *u = arena_calloc(m->arena, 2, sizeof *u);
	u[0] = (value_point){.ar = 2023, .value = D("5")};
	u[1] = (value_point){.ar = 2024, .value = D("5")};
	ind->malvarde = t, ind->n_malvarde = 2;
	ind->utfall = u, ind->n_utfall = 2;
	model_link_goals(m);
	calc_result *r = calc_compute(m);
	expect_ind(r, "I", ST_EJ_BEDOMT, "-");
	t[1].ar = 2024;   /* now the year's target is 2; the period target still ignored */
	calc_free(r);
	r = calc_compute(m);
	expect_ind(r, "I", ST_UPPFYLLT, "2.5");
	calc_free(r);
	model_free(m);
}

static const calc_goal *goal(const calc_result *r, const sr_model *m, const char *id)
{
	const calc_goal *cg = calc_goal_of(r, m, model_find_goal(m, id));
	assert_non_null(cg);
	return cg;
}

static void expect_goal(const calc_result *r, const sr_model *m, const char *id,
                        enum status s, const char *poang)
{
	const calc_goal *cg = goal(r, m, id);
	char buf[80];
	assert_string_equal(model_status_token(cg->status), model_status_token(s));
	if (!poang) {
		assert_false(cg->has_poang);
		return;
	}
	assert_true(cg->has_poang);
	assert_string_equal(dec_format_ratio(DEC_FROM_INT(cg->score_sum),
	                                     DEC_FROM_INT(cg->score_n), buf, sizeof buf), poang);
}

/* Indicators that give the wanted statuses: u green, d yellow, r red, g grey. */
static void add_statuses(sr_model *m, mal *g, const char *which)
{
	static const char *const ids[] = {"a", "b", "c", "d", "e", "f", "g", "h"};
	for (size_t i = 0; which[i]; i++) {
		const char *u = which[i] == 'u' ? "10" : which[i] == 'd' ? "6" :
		                which[i] == 'r' ? "1" : NULL;
		b_ind(m, g, arena_printf(m->arena, "%s-%s", g->id, ids[i]), DIR_HOGRE, "0", "10", u);
	}
}

static calc_result *pooled(sr_model **mp, const char *which)
{
	sr_model *m = b_model(RT_DELARSRAPPORT, "2024-08-31");
	add_statuses(m, b_goal(m, "G", "strat", NULL, NULL), which);
	model_link_goals(m);
	*mp = m;
	return calc_compute(m);
}

static void goal_mean_on_thresholds(void **state)
{
	(void)state;
	static const struct {
		const char *which;
		enum status want;
		const char *poang;
	} c[] = {
		{"uuud", ST_UPPFYLLT, "1.75"},       /* exactly mal-gron */
		{"uudd", ST_DELVIS, "1.5"},
		{"dddr", ST_DELVIS, "0.75"},         /* exactly mal-gul */
		{"ddrr", ST_EJ_UPPFYLLT, "0.5"},
		{"uuudg", ST_UPPFYLLT, "1.75"},      /* grey left out */
		{"gg", ST_EJ_BEDOMT, NULL},
		{"", ST_EJ_BEDOMT, NULL},
		{"r", ST_EJ_UPPFYLLT, "0"},
	};
	for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
		sr_model *m;
		calc_result *r = pooled(&m, c[i].which);
		expect_goal(r, m, "G", c[i].want, c[i].poang);
		calc_free(r);
		model_free(m);
	}
}

static void goal_thresholds_from_rules(void **state)
{
	(void)state;
	sr_model *m = b_model(RT_DELARSRAPPORT, "2024-08-31");
	m->gul_andel = D("0.7");
	m->mal_gron = D("1.5");
	m->mal_gul = D("1");
	mal *g = b_goal(m, "G", "strat", NULL, NULL);
	b_ind(m, g, "I1", DIR_HOGRE, "0", "10", "6");   /* p 0.6 < 0.7: red */
	b_ind(m, g, "I2", DIR_HOGRE, "0", "10", "7");   /* p 0.7: yellow */
	b_ind(m, g, "I3", DIR_HOGRE, "0", "10", "10");  /* green */
	model_link_goals(m);
	calc_result *r = calc_compute(m);
	expect_ind(r, "I1", ST_EJ_UPPFYLLT, "0.6");
	expect_ind(r, "I2", ST_DELVIS, "0.7");
	expect_goal(r, m, "G", ST_DELVIS, "1");          /* 3/3 = 1 = mal-gul */
	calc_free(r);
	m->mal_gul = D("1.000001");
	r = calc_compute(m);
	expect_goal(r, m, "G", ST_EJ_UPPFYLLT, "1");
	m->mal_gron = D("1");
	calc_free(r);
	r = calc_compute(m);
	expect_goal(r, m, "G", ST_UPPFYLLT, "1");
	calc_free(r);
	model_free(m);
}

/* Manual status wins and counts upwards with its own value; prognos only manual. */
static void goal_manual_and_kids(void **state)
{
	(void)state;
	sr_model *m = b_model(RT_DELARSRAPPORT, "2024-08-31");
	mal *top = b_goal(m, "T", "omrade", NULL, NULL);
	mal *a = b_goal(m, "A", "strat", top, NULL);
	mal *b = b_goal(m, "B", "strat", top, NULL);
	add_statuses(m, a, "rr");
	b_manual(a, ST_UPPFYLLT, ST_DELVIS);
	add_statuses(m, b, "d");
	b_manual(b, ST_NONE, ST_EJ_UPPFYLLT);            /* prognos only: status computed */
	model_link_goals(m);
	calc_result *r = calc_compute(m);
	expect_goal(r, m, "A", ST_UPPFYLLT, NULL);
	assert_true(goal(r, m, "A")->manual);
	assert_int_equal(goal(r, m, "A")->prognos, ST_DELVIS);
	expect_goal(r, m, "B", ST_DELVIS, "1");
	assert_false(goal(r, m, "B")->manual);
	assert_int_equal(goal(r, m, "B")->prognos, ST_EJ_UPPFYLLT);
	expect_goal(r, m, "T", ST_DELVIS, "1.5");        /* kids 2 and 1 */
	assert_int_equal(goal(r, m, "T")->prognos, ST_EJ_BEDOMT);
	calc_free(r);
	model_free(m);
}

/* An adopted goal (overordnad) counts like a nested one, with its own final status. */
static void goal_adopted_kids(void **state)
{
	(void)state;
	sr_model *m = b_model(RT_DELARSRAPPORT, "2024-08-31");
	mal *s = b_goal(m, "S", "strat", NULL, NULL);
	add_statuses(m, s, "u");
	mal *n = b_goal(m, "N", "namnd", NULL, "BUN");
	n->overordnad = "S";
	n->bidrag_namndref = "BUN";
	mal *nn = b_goal(m, "NN", "namnd", n, NULL);
	add_statuses(m, nn, "rrr");
	model_link_goals(m);
	assert_ptr_equal(n->parent, s);
	calc_result *r = calc_compute(m);
	expect_goal(r, m, "NN", ST_EJ_UPPFYLLT, "0");
	expect_goal(r, m, "N", ST_EJ_UPPFYLLT, "0");
	expect_goal(r, m, "S", ST_DELVIS, "1");           /* own green 2 + adopted red 0 */
	calc_free(r);
	model_free(m);
}

/* 10 000 nested levels: bottom-up without recursion (ASan's small stacks included). */
static void goal_deep_tree(void **state)
{
	(void)state;
	enum { DEPTH = 10000 };
	sr_model *m = b_model(RT_DELARSRAPPORT, "2024-08-31");
	mal *p = NULL;
	for (int i = 0; i < DEPTH; i++)
		p = b_goal(m, arena_printf(m->arena, "G%d", i), "strat", p, NULL);
	add_statuses(m, p, "d");
	model_link_goals(m);
	calc_result *r = calc_compute(m);
	for (int i = 0; i < DEPTH; i += 999)
		expect_goal(r, m, arena_printf(m->arena, "G%d", i), ST_DELVIS, "1");
	assert_int_equal(r->all_status.n[ST_DELVIS], DEPTH);
	calc_free(r);
	model_free(m);
}

static void expect_count(const calc_count *c, long u, long d, long r, long g)
{
	assert_int_equal(c->n[ST_UPPFYLLT], u);
	assert_int_equal(c->n[ST_DELVIS], d);
	assert_int_equal(c->n[ST_EJ_UPPFYLLT], r);
	assert_int_equal(c->n[ST_EJ_BEDOMT], g);
}

/* A small tree: O (omrade) > S (strat) > N1 (BUN), N2 (BUN, grey), N3 (SN). */
static sr_model *scoped_model(void)
{
	sr_model *m = b_model(RT_DELARSRAPPORT, "2024-08-31");
	mal *o = b_goal(m, "O", "omrade", NULL, NULL);
	mal *s = b_goal(m, "S", "strat", o, NULL);
	mal *n1 = b_goal(m, "N1", "namnd", s, "BUN");
	add_statuses(m, n1, "u");
	b_manual(n1, ST_NONE, ST_UPPFYLLT);
	add_statuses(m, b_goal(m, "N2", "namnd", s, "BUN"), "g");
	add_statuses(m, b_goal(m, "N3", "namnd", s, "SN"), "r");
	model_link_goals(m);
	return m;
}

static void sums_by_level_and_namnd(void **state)
{
	(void)state;
	sr_model *m = scoped_model();
	calc_result *r = calc_compute(m);
	expect_goal(r, m, "S", ST_DELVIS, "1");
	assert_int_equal(r->n_levels, 3);
	expect_count(&r->levels[0].status, 0, 1, 0, 0);
	expect_count(&r->levels[1].status, 0, 1, 0, 0);
	expect_count(&r->levels[2].status, 1, 0, 1, 1);
	expect_count(&r->levels[2].prognos, 1, 0, 0, 2);
	expect_count(&r->all_status, 1, 2, 1, 1);
	expect_count(&r->all_prognos, 1, 0, 0, 4);
	assert_int_equal(r->n_namnder, 2);            /* KS has no goal: left out */
	assert_string_equal(r->namnder[0].namndref, "BUN");
	expect_count(&r->namnder[0].status, 1, 0, 0, 1);
	expect_count(&r->namnder[0].prognos, 1, 0, 0, 1);
	assert_string_equal(r->namnder[1].namndref, "SN");
	expect_count(&r->namnder[1].status, 0, 0, 1, 0);
	assert_int_equal(r->n_ind, 3);
	calc_free(r);
	model_free(m);
}

/* With rapport namndref only that nämnd's goals are counted; statuses still use the
 * whole tree. */
static void scope_by_namndref(void **state)
{
	(void)state;
	sr_model *m = scoped_model();
	m->namndref = "BUN";
	calc_result *r = calc_compute(m);
	expect_goal(r, m, "S", ST_DELVIS, "1");
	assert_false(goal(r, m, "S")->in_scope);
	assert_true(goal(r, m, "N1")->in_scope);
	assert_false(goal(r, m, "N3")->in_scope);
	expect_count(&r->all_status, 1, 0, 0, 1);
	expect_count(&r->levels[0].status, 0, 0, 0, 0);
	expect_count(&r->levels[2].status, 1, 0, 0, 1);
	assert_int_equal(r->n_namnder, 1);
	assert_string_equal(r->namnder[0].namndref, "BUN");
	assert_int_equal(r->n_ind, 2);
	assert_string_equal(r->ind[0].ind->id, "N1-a");
	calc_free(r);
	model_free(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(indicator_hogre),
		cmocka_unit_test(indicator_lagre),
		cmocka_unit_test(indicator_boundaries),
		cmocka_unit_test(indicator_p_undefined),
		cmocka_unit_test(indicator_not_assessed),
		cmocka_unit_test(indicator_other_years_ignored),
		cmocka_unit_test(goal_mean_on_thresholds),
		cmocka_unit_test(goal_thresholds_from_rules),
		cmocka_unit_test(goal_manual_and_kids),
		cmocka_unit_test(goal_adopted_kids),
		cmocka_unit_test(goal_deep_tree),
		cmocka_unit_test(sums_by_level_and_namnd),
		cmocka_unit_test(scope_by_namndref),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
