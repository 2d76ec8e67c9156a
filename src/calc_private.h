/* SPDX-License-Identifier: Apache-2.0 */
/* calc_private.h - for use inside the calc*.c files only: the status rule shared by
 * indicators and financial goals, and the räkning sums that both calc_compute and
 * calc_check_economy need. */
#ifndef SR_CALC_PRIVATE_H
#define SR_CALC_PRIVATE_H
#include "calc.h"

/* The outcome of the indicator rule (MODEL.md "The computed statuses"). */
typedef struct calc_assessment {
	enum status status;
	bool has_framsteg;
	ratio framsteg;
} calc_assessment;

/* Applies the indicator rule to U = u_num / u_den (u_den > 0), target t and optional
 * baseline b; gul_andel is the threshold for delvis. Exact: never divides. */
calc_assessment calc_assess(enum direction dir, bool has_b, dec b, dec t,
                            dec u_num, dec u_den, dec gul_andel);

/* The sums of one räkning, per item and kolumn. For a post, computed and printed are
 * its values (0 where varden is short) and count is 1; for a summa, count is the
 * number of posts that go into it (posts inside listed sums included). */
typedef struct calc_rk_sums {
	const rakning *rk;
	dec **computed;          /* [item][kolumn] */
	dec **printed;           /* published where given, else computed */
	long *count;             /* [item] */
	/* MODEL v2 part 1 (issue 12) */
	bool **empty;            /* [item][kolumn]: the computed cell is empty */
	bool **printed_empty;    /* [item][kolumn]: the printed cell is empty */
	long **counts;           /* [item][kolumn]: non-empty posts inside (tolerance) */
	int *dp;                 /* [kolumn]: decimaler of the tolerance */
} calc_rk_sums;

/* Sums of every räkning of m (n_rakningar entries), allocated in a. Safe on a model
 * with broken av= lists or short varden: what cannot be found counts as nothing. */
calc_rk_sums *calc_rakning_sums(arena *a, const sr_model *m);

/* Where an item id stands: räkning index and item index; false when absent. */
bool calc_find_item(const sr_model *m, const char *id, size_t *rk, size_t *item);

/* Index of kolumn id in rk, or -1. */
long calc_find_kolumn(const rakning *rk, const char *id);

/* Index of the first summa of rk with the given roll, or -1. */
long calc_find_role(const rakning *rk, const char *roll);

/* Twice the tolerance of count posts at `decimaler`, as a dec (count units of the
 * last decimal): a difference d is within tolerance when 2|d| <= this. */
dec calc_tolerance2(long count, int decimaler);

/* True when a row or project of namndref is shown and counted (rapport namndref). */
bool calc_namnd_in_scope(const sr_model *m, const char *namndref);

/* ---- MODEL v2 part 2 (issue 13) (calc_scale.c) ---- */
/* min <= u <= max, exactly (u.den > 0). */
bool calc_in_range(ratio u, dec min, dec max);
/* The trend rule for an indicator with mal= (fills status, forandring, jamfor-ar). */
void calc_assess_trend(const sr_model *m, calc_indicator *ci);
/* The step of a goal from its pool: poang_sum over n assessed (n > 0). */
int calc_step_of_mean(const bedomningsskala *sc, dec poang_sum, long n);
/* Counts by step, uppdrag and kontroll results (after the goals are assessed). */
void calc_part2(const sr_model *m, calc_result *r);

/* Computes the economy part of r (budget rows, summor, balans, financial goals). */
void calc_economy(const sr_model *m, calc_result *r);

/* ---- MODEL v2 part 1 (issue 12): calc_table.c, calc_drift.c ---- */
/* The sums of one räkning or tabell into s (s->rk set), allocated in a. */
void calc_sum_one(arena *a, const sr_model *m, calc_rk_sums *s);
/* Every summa of räkningar (sums given) and tabeller, in document order, into r->summor. */
void calc_collect_summor(const sr_model *m, calc_result *r, const calc_rk_sums *sums);
/* One calc_balanskrav per balanskravsutredning. */
void calc_collect_balanskrav(const sr_model *m, calc_result *r, const calc_rk_sums *sums);
/* The numeric rules of tabeller, '-' cells and balanskrav (validation). */
void calc_check_tables(const sr_model *m, struct diag_sink *d, const calc_rk_sums *sums);
/* Version 2 figures of one drift row after budget_figures: periodbudget, intakter,
 * kostnader, varav. */
void calc_drift_row_v2(calc_budget_row *row, const drift_rad *d);
/* The sum row's periodiserad budget (sum of the rows') and intakter/kostnader. */
void calc_drift_sum_v2(const sr_model *m, calc_result *r);
/* The given avvikelse, intäkter/kostnader and the v2 fields of a given summa. */
void calc_check_drift_v2(const sr_model *m, struct diag_sink *d);
/* Swedish number for messages (calc_check.c). */
char *calc_format_sv(dec x, int decimaler, char *buf, size_t n);
#endif
