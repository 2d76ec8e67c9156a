/* SPDX-License-Identifier: Apache-2.0 */
/* test_calc_econ.c - budget figures, räkning sums and tolerances, the balance, financial
 * goals and the economy rules of validation (calc_check_economy). */
#include "calc_builder.h"
#include "calc.h"
#include "diag.h"

static const char *fr(ratio q, char *buf)
{
	return dec_format_ratio(q.num, q.den, buf, 80);
}

static const char *fd(dec x, char *buf)
{
	return dec_format(x, buf, 64);
}

static void budget_part_year(void **state)
{
	(void)state;
	char b[80];
	sr_model *m = b_model(RT_DELARSRAPPORT, "2024-08-31");
	b_drift(m, "BUN", "612.0", "420.7", "618.4");
	b_drift(m, "#Finansförvaltning", "-80.0", "-55.2", "-81.0");
	b_drift(m, "SN", "0", "3", "1");
	calc_result *r = calc_compute(m);
	assert_int_equal(r->months, 8);
	assert_int_equal(r->n_drift, 3);
	const calc_budget_row *bun = &r->drift[0], *fin = &r->drift[1], *zero = &r->drift[2];
	assert_true(bun->has_prognos && bun->has_avvikelse && bun->has_percentages);
	assert_string_equal(fd(bun->avvikelse, b), "-6.4");
	assert_string_equal(fr(bun->avvikelse_procent, b), "-1.045752");
	assert_string_equal(fr(bun->periodiserad_budget, b), "408");
	assert_string_equal(fr(bun->forbrukat_procent, b), "68.741830");
	/* net income: per cent of |budget| */
	assert_string_equal(fd(fin->avvikelse, b), "1");
	assert_string_equal(fr(fin->avvikelse_procent, b), "1.25");
	assert_string_equal(fr(fin->periodiserad_budget, b), "-53.333333");
	assert_string_equal(fr(fin->forbrukat_procent, b), "69");
	assert_false(zero->has_percentages);
	assert_string_equal(fd(zero->avvikelse, b), "-1");
	assert_true(r->has_drift);
	assert_string_equal(fd(r->drift_sum.budget, b), "532");
	assert_string_equal(fd(r->drift_sum.prognos, b), "538.4");
	assert_string_equal(fd(r->drift_sum.avvikelse, b), "-6.4");
	assert_true(r->drift_sum.has_prognos);
	calc_free(r);
	model_free(m);
}

static void budget_row_without_prognos(void **state)
{
	(void)state;
	char b[80];
	sr_model *m = b_model(RT_UPPFOLJNING, "2024-04-30");
	b_drift(m, "KS", "120", "30", NULL);
	b_drift(m, "BUN", "60", "15", "61");
	calc_result *r = calc_compute(m);
	assert_false(r->drift[0].has_prognos);
	assert_false(r->drift[0].has_avvikelse);      /* never budget - utfall in a part year */
	assert_string_equal(fr(r->drift[0].periodiserad_budget, b), "40");
	assert_string_equal(fr(r->drift[0].forbrukat_procent, b), "25");
	assert_false(r->drift_sum.has_prognos);
	assert_false(r->drift_sum.has_avvikelse);
	assert_string_equal(fd(r->drift_sum.budget, b), "180");
	calc_free(r);
	model_free(m);
}

static void budget_full_year(void **state)
{
	(void)state;
	char b[80];
	sr_model *m = b_model(RT_ARSREDOVISNING, "2024-12-31");
	b_drift(m, "BUN", "612.0", "620.2", "618.4");
	b_projekt(m, "P1", "SN", "45", "22.5", "47");
	b_projekt(m, "P2", "SN", "-10", "-12", NULL);
	calc_result *r = calc_compute(m);
	assert_int_equal(r->months, 12);
	assert_false(r->drift[0].has_prognos);        /* prognos not used in a year report */
	assert_string_equal(fd(r->drift[0].avvikelse, b), "-8.2");
	assert_string_equal(fr(r->drift[0].periodiserad_budget, b), "612");
	assert_string_equal(fd(r->invest[0].avvikelse, b), "22.5");
	assert_string_equal(fr(r->invest[1].avvikelse_procent, b), "20");   /* -10 - -12 = 2 */
	assert_string_equal(fr(r->invest[1].forbrukat_procent, b), "120");
	assert_true(r->has_invest);
	assert_string_equal(fd(r->invest_sum.budget, b), "35");
	assert_string_equal(fd(r->invest_sum.avvikelse, b), "24.5");
	assert_string_equal(fr(r->invest_sum.avvikelse_procent, b), "70");
	calc_free(r);
	model_free(m);
}

/* Rows of other nämnder (and rows with a rubrik) are out of a nämnd's own report. */
static void budget_scope(void **state)
{
	(void)state;
	char b[80];
	sr_model *m = b_model(RT_VERKSAMHETSBERATTELSE, "2024-12-31");
	m->namndref = "BUN";
	b_drift(m, "KS", "100", "90", NULL);
	b_drift(m, "BUN", "50", "45", NULL);
	b_drift(m, "#Finans", "-10", "-9", NULL);
	b_projekt(m, "P1", "BUN", "5", "4", NULL);
	b_projekt(m, "P2", "KS", "7", "6", NULL);
	calc_result *r = calc_compute(m);
	assert_int_equal(r->n_drift, 1);
	assert_ptr_equal(r->drift[0].drift, &m->ekonomi.drift[1]);
	assert_string_equal(fd(r->drift_sum.budget, b), "50");
	assert_int_equal(r->n_invest, 1);
	assert_string_equal(r->invest[0].projekt->id, "P1");
	calc_free(r);
	model_free(m);
}

static const calc_summa *summa(const calc_result *r, const char *id)
{
	for (size_t i = 0; i < r->n_summor; i++)
		if (strcmp(r->summor[i].item->id, id) == 0)
			return &r->summor[i];
	fail_msg("summa %s missing", id);
	return NULL;
}

static void expect_summa(const calc_result *r, const char *id, const char *c0,
                         const char *c1, const char *tol)
{
	char b[64];
	const calc_summa *s = summa(r, id);
	assert_string_equal(fd(s->computed[0], b), c0);
	assert_string_equal(fd(s->computed[1], b), c1);
	assert_string_equal(fd(s->tolerance[0], b), tol);
}

/* The MODEL.md example räkningar, with a published total. */
static sr_model *accounts_model(const char *res_published, const char *ek_value)
{
	sr_model *m = b_model(RT_DELARSRAPPORT, "2024-08-31");
	rakning *rr = b_rakning(m, RK_RESULTATRAKNING, "u:Utfall b:Budget");
	b_post(m, rr, "vi", "512.3 498.0");
	b_post(m, rr, "vk", "-2310.9 -2390.0");
	b_summa(m, rr, "vnk", NULL, NULL, NULL);
	b_post(m, rr, "skatt", "1805.2 1852.0");
	b_post(m, rr, "bidrag", "398.1 410.5");
	b_summa(m, rr, "vr", "alla", NULL, NULL);
	b_summa(m, rr, "lst", "vnk skatt", NULL, NULL);
	b_summa(m, rr, "res", "alla", res_published, NULL);
	rakning *br = b_rakning(m, RK_BALANSRAKNING, "fg:2023-12-31 ia:2024-08-31");
	b_post(m, br, "at", "1500.0 1520.0");
	b_post(m, br, "om", "300.0 310.0");
	b_summa(m, br, "st", NULL, NULL, "tillgangar");
	b_post(m, br, "ek", ek_value);
	b_summa(m, br, "sek", NULL, NULL, NULL);
	b_post(m, br, "av", "100.0 101.0");
	b_post(m, br, "sk", "800.0 799.0");
	b_summa(m, br, "ss", NULL, NULL, NULL);
	b_summa(m, br, "tot", "sek ss", NULL, "ek-och-skulder");
	return m;
}

static void accounts_sums(void **state)
{
	(void)state;
	char b[64];
	sr_model *m = accounts_model("404.6 370.6", "900.0 930.0");
	calc_result *r = calc_compute(m);
	assert_int_equal(r->n_summor, 8);
	expect_summa(r, "vnk", "-1798.6", "-1892", "0.1");       /* section: 2 posts */
	expect_summa(r, "vr", "404.7", "370.5", "0.2");          /* alla: 4 posts */
	expect_summa(r, "lst", "6.6", "-40", "0.15");            /* list: vnk's 2 + skatt */
	expect_summa(r, "res", "404.7", "370.5", "0.2");         /* alla: posts only */
	const calc_summa *res = summa(r, "res");
	assert_string_equal(fd(res->printed[0], b), "404.6");    /* published */
	assert_string_equal(fd(summa(r, "vr")->printed[1], b), "370.5");
	expect_summa(r, "tot", "1800", "1830", "0.15");
	assert_int_equal(r->n_balans, 2);
	assert_string_equal(r->balans[1].kolumn->id, "ia");
	assert_string_equal(fd(r->balans[1].tillgangar, b), "1830");
	assert_string_equal(fd(r->balans[1].differens, b), "0");
	calc_free(r);
	model_free(m);
}

static size_t count_code(const diag_sink *d, enum diag_code c)
{
	size_t n = 0;
	for (size_t i = 0; i < d->n; i++)
		n += d->items[i].code == c;
	return n;
}

static const char *message_of(const diag_sink *d, enum diag_code c)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->items[i].code == c)
			return d->items[i].message;
	fail_msg("no %s", diag_code_name(c));
	return "";
}

static void check_accounts_clean(void **state)
{
	(void)state;
	diag_sink d;
	diag_init(&d);
	sr_model *m = accounts_model("404.5 370.7", "900.0 930.0");   /* within 0.2 */
	calc_check_economy(m, &d);
	assert_int_equal(d.n, 0);
	diag_free(&d);
	model_free(m);
}

static void check_accounts_errors(void **state)
{
	(void)state;
	diag_sink d;
	diag_init(&d);
	sr_model *m = accounts_model("404.4 370.5", "900.0 929.0");   /* 0.3 off; 1.0 off */
	rakning *rr = &m->ekonomi.rakningar[0];
	rr->items[6].av[1] = "nope";           /* lst: av= names an unknown id */
	b_values(m, "404.7 370.5 1", &rr->items[5].varden);   /* vr: three values, two columns */
	rr->items[5].n_varden = 3, rr->items[5].has_varden = true;
	calc_check_economy(m, &d);
	assert_int_equal(count_code(&d, D_ACCOUNT_SUM), 1);
	assert_non_null(strstr(message_of(&d, D_ACCOUNT_SUM), "'Utfall'"));
	assert_non_null(strstr(message_of(&d, D_ACCOUNT_SUM), "404,4"));
	assert_int_equal(count_code(&d, D_ACCOUNT_REF), 1);
	assert_non_null(strstr(message_of(&d, D_ACCOUNT_REF), "'nope'"));
	assert_int_equal(count_code(&d, D_VALUES_COUNT), 1);
	assert_int_equal(count_code(&d, D_BALANCE), 1);
	assert_non_null(strstr(message_of(&d, D_BALANCE),
	                       "kolumnen '2024-08-31': tillgångar 1 830,0 men eget kapital, "
	                       "avsättningar och skulder 1 829,0 (differens 1,0)"));
	diag_free(&d);
	model_free(m);
}

/* Balance within the two tolerances added, but exactly when both are published. */
static void check_balance_tolerance(void **state)
{
	(void)state;
	diag_sink d;
	diag_init(&d);
	sr_model *m = accounts_model(NULL, "900.0 929.75");   /* 0.25 <= 0.1 + 0.15 */
	calc_check_economy(m, &d);
	assert_int_equal(count_code(&d, D_BALANCE), 0);
	rakning *br = &m->ekonomi.rakningar[1];
	b_values(m, "1800 1830", &br->items[2].varden);
	br->items[2].n_varden = 2, br->items[2].has_varden = true;
	b_values(m, "1800 1829.9", &br->items[8].varden);
	br->items[8].n_varden = 2, br->items[8].has_varden = true;
	calc_check_economy(m, &d);            /* 0.1 off, but both published: exact */
	assert_int_equal(count_code(&d, D_BALANCE), 1);
	assert_int_equal(count_code(&d, D_ACCOUNT_SUM), 0);   /* each within its own */
	br->items[8].roll = NULL;
	calc_check_economy(m, &d);
	assert_int_equal(count_code(&d, D_BALANCE_ROLE), 1);
	assert_non_null(strstr(message_of(&d, D_BALANCE_ROLE), "ek-och-skulder"));
	diag_free(&d);
	model_free(m);
}

static void check_given_sums(void **state)
{
	(void)state;
	diag_sink d;
	diag_init(&d);
	sr_model *m = b_model(RT_DELARSRAPPORT, "2024-08-31");
	b_drift(m, "KS", "142.3", "90.2", "140.9");
	b_drift(m, "BUN", "612.0", "420.7", "618.4");
	ekonomi *e = &m->ekonomi;
	e->has_drift_summa = true;
	e->drift_summa = (summa_rad){.budget = D("754.4"), .utfall = D("510.9"), .prognos = D("759.2"), .has_prognos = true};
	calc_check_economy(m, &d);            /* budget 0.1 off = 2 x 0.05: allowed */
	assert_int_equal(d.n, 0);
	e->drift_summa.utfall = D("511.1");
	e->drift_summa.prognos = D("759.5");
	b_projekt(m, "P1", "KS", "45", "22.5", "47");
	e->has_invest_summa = true;
	e->invest_summa = (summa_rad){.budget = D("45.1"), .utfall = D("22.5")};
	calc_check_economy(m, &d);
	assert_int_equal(count_code(&d, D_DRIFT_SUM), 2);
	assert_non_null(strstr(d.items[0].message, "utfall"));
	assert_non_null(strstr(d.items[0].message, "511,1"));
	assert_non_null(strstr(d.items[0].message, "510,9"));
	assert_int_equal(count_code(&d, D_INVEST_SUM), 1);
	diag_free(&d);
	model_free(m);
}

static sr_model *fin_model(void)
{
	sr_model *m = b_model(RT_DELARSRAPPORT, "2024-08-31");
	rakning *rr = b_rakning(m, RK_RESULTATRAKNING, "b:Budget p:Prognos");
	b_post(m, rr, "vi", "318.0 322.5");
	b_post(m, rr, "vk", "-1940.0 -1961.7");
	b_summa(m, rr, "vnk", NULL, NULL, NULL);
	b_post(m, rr, "skatt", "1420.0 1424.6");
	b_post(m, rr, "bidrag", "310.5 312.1");
	b_summa(m, rr, "res", "alla", "108.5 97.6", NULL);   /* published, within 0.2 */
	return m;
}

static void fin_goals(void **state)
{
	(void)state;
	char b[80];
	sr_model *m = fin_model();
	b_fin(m, "F1", DIR_HOGRE, "2.0", "res", "skatt bidrag", "p");
	b_fin(m, "F2", DIR_LAGRE, "98", "-vnk", "skatt bidrag", "p");
	finansielltmal *f3 = b_fin(m, "F3", DIR_HOGRE, "2", NULL, NULL, "p");
	f3->has_utfall = true, f3->utfall = D("1.5");
	f3->has_utgangsvarde = true, f3->utgangsvarde = D("1");
	calc_result *r = calc_compute(m);
	assert_int_equal(r->n_fin, 3);
	/* res counts with its published value 97.6, not the computed 97.5 */
	assert_string_equal(fr(r->fin[0].utfall, b), "5.619854");
	assert_int_equal(r->fin[0].status, ST_UPPFYLLT);
	assert_false(r->fin[0].has_framsteg);
	assert_string_equal(fr(r->fin[1].utfall, b), "94.385904");   /* 163920 / 1736.7 */
	assert_int_equal(r->fin[1].status, ST_UPPFYLLT);
	assert_string_equal(fr(r->fin[2].utfall, b), "1.5");
	assert_int_equal(r->fin[2].status, ST_DELVIS);              /* p = 0.5 */
	assert_string_equal(fr(r->fin[2].framsteg, b), "0.5");
	calc_free(r);
	/* A ratio exactly on a threshold, through a negative denominator. */
	b_fin(m, "F4", DIR_HOGRE, "-100", "vi", "-vi", "b");
	r = calc_compute(m);
	assert_string_equal(fr(r->fin[3].utfall, b), "-100");
	assert_int_equal(r->fin[3].status, ST_UPPFYLLT);
	calc_free(r);
	model_free(m);
}

static void fin_checks(void **state)
{
	(void)state;
	diag_sink d;
	diag_init(&d);
	sr_model *m = fin_model();
	b_fin(m, "F1", DIR_HOGRE, "2", "res", "skatt bidrag", "p");
	calc_check_economy(m, &d);
	assert_int_equal(d.n, 0);
	b_fin(m, "F2", DIR_HOGRE, "2", "res", "vi -vi", "p");
	b_fin(m, "F3", DIR_HOGRE, "2", "saknas", "skatt", "p");
	b_fin(m, "F4", DIR_HOGRE, "2", "res", "skatt", "q");
	b_fin(m, "F5", DIR_HOGRE, "2", NULL, "skatt", "p");
	b_rakning(m, RK_KASSAFLODESANALYS, "p:P");
	b_post(m, &m->ekonomi.rakningar[1], "kf", "1");
	b_fin(m, "F6", DIR_HOGRE, "2", "res", "kf", "p");
	calc_check_economy(m, &d);
	assert_int_equal(count_code(&d, D_FIN_ZERO), 1);
	assert_non_null(strstr(message_of(&d, D_FIN_ZERO), "'F2'"));
	assert_int_equal(count_code(&d, D_FIN_TERM), 1);
	assert_non_null(strstr(message_of(&d, D_FIN_TERM), "'saknas'"));
	assert_int_equal(count_code(&d, D_FIN_COLUMN), 1);
	assert_int_equal(count_code(&d, D_FIN_INPUT), 1);
	assert_int_equal(count_code(&d, D_FIN_ACCOUNT), 1);
	assert_int_equal(d.n, 5);
	/* compute survives the same broken model */
	calc_result *r = calc_compute(m);
	assert_true(r->fin[0].has_utfall);
	for (size_t i = 1; i < r->n_fin; i++) {
		assert_false(r->fin[i].has_utfall);
		assert_int_equal(r->fin[i].status, ST_EJ_BEDOMT);
	}
	calc_free(r);
	diag_free(&d);
	model_free(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(budget_part_year),
		cmocka_unit_test(budget_row_without_prognos),
		cmocka_unit_test(budget_full_year),
		cmocka_unit_test(budget_scope),
		cmocka_unit_test(accounts_sums),
		cmocka_unit_test(check_accounts_clean),
		cmocka_unit_test(check_accounts_errors),
		cmocka_unit_test(check_balance_tolerance),
		cmocka_unit_test(check_given_sums),
		cmocka_unit_test(fin_goals),
		cmocka_unit_test(fin_checks),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
