/* SPDX-License-Identifier: Apache-2.0 */
/* calc.h - compute: statuses of indicators, goals and financial goals, the sums by
 * status, the budget figures and the räkning sums, all in exact decimals (MODEL.md
 * "The computed statuses", "ekonomi", "Computed output"). Reads a model that passed
 * validation; never prints. */
#ifndef SR_CALC_H
#define SR_CALC_H
#include "model.h"
#include <stdio.h>

/* A quotient kept exact: value = num / den, den != 0 (both scaled decimals). */
typedef struct ratio {
	dec num, den;
} ratio;

typedef struct calc_count {          /* goals per status; index by enum status */
	long n[ST_MAX];                  /* n[ST_NONE] unused */
} calc_count;

typedef struct calc_indicator {
	const indikator *ind;
	const mal *goal;                 /* the goal it belongs to */
	enum status status;              /* never ST_NONE */
	bool has_b, has_t, has_u;        /* utgångsvärde, målvärde(ar), utfall(ar) */
	dec b, t, u;
	bool has_framsteg;               /* p defined */
	ratio framsteg;
	/* MODEL v2 part 2 (issue 13): trend targets; step = the scale step shown */
	bool has_forandring;             /* U and P exist */
	dec forandring;                  /* U - P */
	int jamfor_ar;                   /* P's year */
	dec p;                           /* P */
	int step;
} calc_indicator;

typedef struct calc_goal {
	const mal *goal;
	enum status status;              /* final: manual wins; never ST_NONE */
	enum status prognos;             /* manual prognos, else ST_EJ_BEDOMT */
	bool manual;                     /* status came from bedomning */
	bool has_poang;                  /* a mean score was computed */
	long score_sum, score_n;         /* poang = score_sum / score_n */
	bool in_scope;                   /* shown and counted (nämnd filter) */
	/* MODEL v2 part 2 (issue 13): the step of the scale in effect (n_steg: the
	 * ejbedomt state) for status and prognos; poang = poang_sum / score_n */
	int step, prognos_step;
	dec poang_sum;
	bool computed_differs;           /* manual, and the pool gives another step */
	int computed_step;               /* the pool's step (has_computed) */
	bool has_computed;
} calc_goal;

/* MODEL v2 part 2 (issue 13): goals per step (n_steg + 1 entries, the last the
 * ejbedomt state) and how many are in steps that count as met. */
typedef struct calc_step_count {
	long *n;
	long met, all;
} calc_step_count;

typedef struct calc_level_sum {
	const niva *niva;
	calc_count status, prognos;
	calc_step_count steg, steg_prognos;   /* MODEL v2 part 2 (issue 13) */
} calc_level_sum;

typedef struct calc_namnd_sum {
	const char *namndref;
	calc_count status, prognos;
	calc_step_count steg, steg_prognos;   /* MODEL v2 part 2 (issue 13) */
} calc_namnd_sum;

/* MODEL v2 part 2 (issue 13): uppdrag and kontroll */
typedef struct calc_uppdrag {
	const uppdrag *u;
	bool sen;                        /* late: klart <= till and ej-paborjad or pagar */
} calc_uppdrag;

typedef struct calc_uppdrag_sum {
	const char *namndref;            /* NULL: the whole kommun */
	long n[AS_MAX];
	long sena, antal;
} calc_uppdrag_sum;

typedef struct calc_kontroll_sum {
	const char *namndref;            /* NULL: the whole kommun */
	long n[KR_MAX];
	long antal;
} calc_kontroll_sum;

/* One driftredovisning or investment row, or their sum row. */
typedef struct calc_budget_row {
	const drift_rad *drift;          /* driftredovisning row, else NULL */
	const projekt *projekt;          /* investment row, else NULL */
	dec budget, utfall, prognos;
	bool has_prognos;                /* prognos shown (not in årsredovisning/vb) */
	bool has_avvikelse;              /* false: a part-year row without prognos */
	dec avvikelse;                   /* budget - prognos, or budget - utfall (year) */
	bool has_percentages;            /* budget != 0 */
	ratio avvikelse_procent;         /* 100 * avvikelse / |budget| */
	ratio forbrukat_procent;         /* 100 * utfall / budget */
	ratio periodiserad_budget;       /* budget * months / 12 */
	/* MODEL v2 part 1 (issue 12) */
	bool varav;                      /* a varav row: not in the sum */
	bool has_brutto;                 /* intakter and kostnader (the sum: of every row) */
	dec intakter, kostnader;
} calc_budget_row;

typedef struct calc_summa {          /* every summa of every räkning */
	const rakning *rakning;
	const rakning_item *item;
	dec *computed;                   /* per kolumn */
	dec *printed;                    /* published varden where given, else computed */
	dec *tolerance;                  /* half a unit of the last decimal per post summed */
	/* MODEL v2 part 1 (issue 12) */
	bool *empty;                     /* per kolumn: the computed cell is empty ('-') */
	bool *printed_empty;             /* per kolumn: the printed cell is empty */
} calc_summa;

/* MODEL v2 part 1 (issue 12): one per balanskravsutredning. */
typedef struct calc_balanskrav {
	const rakning *rakning;
	const rakning_item *item;        /* its balanskravsresultat summa */
	dec resultat;                    /* printed value in the first column */
	bool underskott;                 /* resultat < 0 */
	int aterstall_senast;            /* ar + 3 */
} calc_balanskrav;

typedef struct calc_balance {        /* per kolumn of a balansräkning */
	const rakning *rakning;
	const kolumn *kolumn;
	dec tillgangar, ek_och_skulder, differens;   /* printed values; differens = t - e */
} calc_balance;

typedef struct calc_fin {
	const finansielltmal *fin;
	bool has_utfall;                 /* false when the terms cannot be computed */
	ratio utfall;                    /* 100 * sum(taljare) / sum(namnare), or given */
	enum status status;
	bool has_framsteg;
	ratio framsteg;
} calc_fin;

typedef struct calc_result {
	arena *arena;                    /* owns everything below */
	int months;                      /* of the period */
	calc_indicator *ind; size_t n_ind;       /* document order, in-scope goals only */
	calc_goal *goals; size_t n_goals;        /* parallel to model->goals */
	calc_count all_status, all_prognos;      /* in-scope goals */
	calc_level_sum *levels; size_t n_levels; /* parallel to model->nivaer */
	calc_namnd_sum *namnder; size_t n_namnder; /* nämnder with >= 1 in-scope goal, organisation order */
	calc_budget_row *drift; size_t n_drift;  /* in-scope rows */
	calc_budget_row drift_sum; bool has_drift;
	calc_budget_row *invest; size_t n_invest;
	calc_budget_row invest_sum; bool has_invest;
	calc_summa *summor; size_t n_summor;
	calc_balance *balans; size_t n_balans;
	calc_fin *fin; size_t n_fin;             /* parallel to ekonomi.finmal */
	calc_balanskrav *balanskrav; size_t n_balanskrav;   /* MODEL v2 part 1 (issue 12) */
	struct calc_goal_index *goal_index;      /* private: goal -> index in goals */
	/* MODEL v2 part 2 (issue 13) */
	bedomningsskala scale;                   /* the document's, else version 1's */
	bool has_met_step;                       /* some step has uppfyllt="ja" */
	calc_step_count all_steg, all_steg_prognos;
	calc_uppdrag *upp; size_t n_upp;         /* in scope, document order */
	calc_uppdrag_sum *upp_sums; size_t n_upp_sums;   /* per nämnd, then the whole */
	calc_kontroll_sum *kon_sums; size_t n_kon_sums;  /* per nämnd, then the whole */
	const kontroll **kon; size_t n_kon;      /* in scope, document order */
} calc_result;

/* Computes everything for a valid model. Caller frees with calc_free. */
calc_result *calc_compute(const sr_model *m);
void calc_free(calc_result *r);
/* The calc_goal of g (g must belong to the model computed). */
const calc_goal *calc_goal_of(const calc_result *r, const sr_model *m, const mal *g);
/* MODEL v2 part 2 (issue 13): true when step i of r's scale counts as met. */
bool calc_step_met(const calc_result *r, int step);
/* The version 1 status that stands for step i of the scale (for layout markers and
 * the places that only know four statuses). */
enum status calc_step_status(const bedomningsskala *sc, int step);
/* Prints <berakning> (MODEL.md "Computed output"). Returns 0, or -1 on a write error. */
int calc_write_xml(const calc_result *r, const sr_model *m, FILE *out);

/* The economy rules of validation (sums, räkningar, balance, financial goals); the
 * pipeline runs them right after valid_check. They live here because they need the
 * same sums compute makes. */
struct diag_sink;
void calc_check_economy(const sr_model *m, struct diag_sink *d);
#endif
