/* SPDX-License-Identifier: Apache-2.0 */
/* model.h - the report model of MODEL.md as plain structs: what load builds, what
 * validate checks and what compute and the report builder read. No libxml2 here.
 * Every struct and string is owned by the document's arena (struct sr_model.arena).
 * Optional strings are NULL when absent; optional numbers have a has_ flag.
 * Arrays are pointer + count, in document order (after includes are spliced). */
#ifndef SR_MODEL_H
#define SR_MODEL_H
#include "arena.h"
#include "dec.h"
#include <stdbool.h>
#include <stddef.h>

/* Where a node came from, for late diagnostics. file points into the arena. */
typedef struct src_loc {
	const char *file;
	long line;
} src_loc;

enum report_type { RT_UPPFOLJNING, RT_DELARSRAPPORT, RT_ARSREDOVISNING, RT_VERKSAMHETSBERATTELSE,
	RT_MANADSRAPPORT,   /* MODEL v2 part 2 (issue 13) */
	RT_MAX };

/* The four assessment statuses; ST_NONE = attribute absent. Order matters nowhere. */
enum status { ST_NONE, ST_UPPFYLLT, ST_DELVIS, ST_EJ_UPPFYLLT, ST_EJ_BEDOMT, ST_MAX };

enum direction { DIR_HOGRE, DIR_LAGRE };

/* MODEL v2 part 2 (issue 13): mal="oka|minska|bibehalla" on an indikator. */
enum trend_target { TREND_NONE, TREND_OKA, TREND_MINSKA, TREND_BIBEHALLA, TREND_MAX };

enum activity_status { AS_EJ_PABORJAD, AS_PAGAR, AS_KLAR, AS_FORSENAD, AS_AVBRUTEN, AS_MAX };

enum perspective { PERSP_NONE, PERSP_MEDBORGARE, PERSP_EKONOMI, PERSP_PROCESSER, PERSP_MEDARBETARE, PERSP_MAX };

/* ---- inline text ---- */
enum { RUN_BOLD = 1, RUN_ITALIC = 2 };

typedef struct text_run {
	const char *text;     /* UTF-8; XML white space collapsed to single spaces */
	unsigned style;       /* RUN_BOLD | RUN_ITALIC */
} text_run;

typedef struct rich_text {   /* a stycke, a punkt, a beskrivning ... */
	text_run *runs;
	size_t n_runs;
	src_loc loc;
} rich_text;

enum block_kind { BLOCK_STYCKE, BLOCK_LISTA, BLOCK_AVSNITT,
	/* MODEL v2 part 1 (issue 12) */
	BLOCK_TABELL, BLOCK_BILD };

struct avsnitt;
struct rakning;
/* MODEL v2 part 1 (issue 12): a picture in the text or in a note. */
typedef struct bild {
	const char *href;              /* as written, relative to the file it stands in */
	const char *base;              /* that file's name (as loaded), for resolving href */
	const char *rubrik, *alt;      /* optional */
	bool dekorativ;                /* dekorativ="ja" */
	bool has_bredd;
	dec bredd;                     /* per cent of the text width, default 100 */
	src_loc loc;
} bild;

typedef struct block {
	enum block_kind kind;
	src_loc loc;
	rich_text stycke;              /* BLOCK_STYCKE */
	rich_text *punkter;            /* BLOCK_LISTA */
	size_t n_punkter;
	struct avsnitt *avsnitt;       /* BLOCK_AVSNITT */
	/* MODEL v2 part 1 (issue 12) */
	struct rakning *tabell;        /* BLOCK_TABELL: a tabell, body as a rakning */
	bild *bild;                    /* BLOCK_BILD */
} block;

typedef struct avsnitt {
	const char *id;                /* optional */
	const char *rubrik;
	const char *namndref;          /* set when it came from a namndbidrag */
	block *blocks;
	size_t n_blocks;
	src_loc loc;
} avsnitt;

/* ---- head of the document ---- */
typedef struct diarium {
	const char *diarienummer, *rubrik, *beslutsinstans, *beredande, *beslutsdatum,
	    *paragraf, *handlaggare, *dokumentansvarig, *klassificering, *ersatter;
	src_loc loc, loc_diarienummer, loc_ersatter, loc_beslutsdatum;
} diarium;

typedef struct kommun {
	const char *namn, *kommunkod, *diarieformat;
	const char *logotyp;           /* href as written, NULL when absent */
	rich_text vision;              /* n_runs == 0 when absent */
	bool has_vision;
	src_loc loc, loc_logotyp;
} kommun;

typedef struct niva {
	const char *id, *namn;
	src_loc loc;
} niva;

typedef struct namnd {
	const char *id, *namn, *forvaltning;
	src_loc loc;
} namnd;

typedef struct bolag {
	const char *id, *namn;
	dec agarandel;
	bool has_agarandel;
	src_loc loc;
} bolag;

/* ---- goals ---- */
typedef struct value_point {    /* utgangsvarde, malvarde, utfall, jamforelse */
	int ar;                     /* 0 when absent (malvarde with period=) */
	const char *period;         /* malvarde period="2023-2026", else NULL */
	const char *namn;           /* jamforelse only */
	dec value;
	src_loc loc;
} value_point;

typedef struct indikator {
	const char *id, *namn, *enhet, *kolada;
	const char *kolada_datum;   /* date of the imported Kolada data; NULL when not given */
	enum direction riktning;
	value_point *utgangsvarde; size_t n_utgangsvarde;   /* at most one when valid */
	value_point *malvarde;     size_t n_malvarde;
	value_point *utfall;       size_t n_utfall;
	value_point *jamforelse;   size_t n_jamforelse;
	src_loc loc;
	/* MODEL v2 part 2 (issue 13): trend target and optional riktning */
	enum trend_target mal;         /* TREND_NONE: a numeric target (version 1) */
	bool no_riktning;              /* riktning was not written */
} indikator;

typedef struct aktivitet {
	const char *id, *ansvarig, *klart;
	enum activity_status status;
	const char *text;
	src_loc loc;
} aktivitet;

typedef struct bedomning {
	enum status status;    /* ST_NONE when absent */
	enum status prognos;   /* ST_NONE when absent */
	rich_text text;        /* the analysis; n_runs == 0 when empty */
	src_loc loc;
} bedomning;

typedef struct mal {
	const char *id, *niva, *titel, *namndref, *overordnad;
	const char *bidrag_namndref;     /* namndref of the enclosing namndbidrag, else NULL */
	enum perspective perspektiv;
	int *agenda2030; size_t n_agenda2030;
	rich_text beskrivning; bool has_beskrivning;
	indikator *indikatorer; size_t n_indikatorer;
	aktivitet *aktiviteter; size_t n_aktiviteter;
	bedomning bedomning; bool has_bedomning;
	/* MODEL v2 part 2 (issue 13): the tokens of bedomning status/prognos as written
	 * (step ids with a bedomningsskala), NULL when absent. */
	const char *status_id, *prognos_id;
	rich_text atgard; bool has_atgard;
	struct mal **nested; size_t n_nested;       /* sub-goals written inside it */
	/* Filled by model_link_goals: the effective tree (nested first, then adopted ones
	 * in document order). parent is NULL for a root. */
	struct mal *parent;
	struct mal **kids; size_t n_kids;
	src_loc loc;
	/* MODEL v2 part 2 (issue 13): overordnad may list several goals; overordnad above
	 * is the first token. parents: every effective parent (parent is parents[0]). */
	const char **overordnad_list; size_t n_overordnad;
	struct mal **parents; size_t n_parents;
} mal;

/* ---- economy ---- */
typedef struct drift_rad {
	const char *namndref, *rubrik, *kommentar;   /* exactly one of namndref/rubrik */
	dec budget, utfall, prognos;
	bool has_prognos;
	bool from_bidrag;
	src_loc loc;
	/* MODEL v2 part 1 (issue 12) */
	bool varav;
	dec avvikelse, intakter, kostnader, periodbudget;
	bool has_avvikelse, has_intakter, has_kostnader, has_periodbudget;
} drift_rad;

typedef struct summa_rad {     /* a given <summa> of driftredovisning / investeringar */
	dec budget, utfall, prognos;
	bool has_prognos;
	src_loc loc;
	/* MODEL v2 part 1 (issue 12) */
	dec avvikelse, intakter, kostnader, periodbudget;
	bool has_avvikelse, has_intakter, has_kostnader, has_periodbudget;
} summa_rad;

typedef struct projekt {
	const char *id, *namn, *namndref, *kommentar;
	dec budget, utfall, prognos;
	bool has_prognos;
	bool from_bidrag;
	src_loc loc;
	/* MODEL v2 part 1 (issue 12) */
	dec avvikelse;
	bool has_avvikelse;
	bool varav;                    /* written, refused (DRIFT-RAD) */
} projekt;

typedef struct kolumn {
	const char *id, *rubrik;
	src_loc loc;
	/* MODEL v2 part 1 (issue 12) */
	bool text;                     /* typ="text" */
	const char *enhet;             /* own unit (tabell): not summed */
	int decimaler; bool has_decimaler;
} kolumn;

enum rakning_type { RK_RESULTATRAKNING, RK_BALANSRAKNING, RK_KASSAFLODESANALYS,
	RK_BALANSKRAVSUTREDNING,       /* MODEL v2 part 1 (issue 12) */
	RK_MAX };
enum rakning_item_kind { RI_POST, RI_SUMMA,
	RI_GRUPP };                    /* MODEL v2 part 1 (issue 12): a heading row */
enum summa_scope { SUM_SECTION, SUM_ALLA, SUM_LIST };

typedef struct rakning_item {
	enum rakning_item_kind kind;
	const char *id, *namn;
	dec *varden; size_t n_varden;        /* as written; n_varden == 0 when absent (summa) */
	bool has_varden;
	enum summa_scope scope;              /* summa only */
	const char **av; size_t n_av;        /* SUM_LIST: the listed ids */
	const char *roll;                    /* "tillgangar", "ek-och-skulder" or NULL */
	src_loc loc;
	/* MODEL v2 part 1 (issue 12) */
	bool *tom;                           /* per varden token: '-' (an empty cell) */
	bool varav;                          /* varav="ja" */
	const char *ref, *kolumnref;         /* roll="arets-resultat" */
	const char **noter; size_t n_noter;  /* not="ID ..." */
	const char *enhet;                   /* a post's own unit: never summed */
	int decimaler; bool has_decimaler;
	bool has_v;                          /* cells given as <v> children */
	rich_text *celler;                   /* has_v: one per kolumn (tal cells: their text) */
	size_t n_celler;
	bool v_bad;                          /* a <v> of a tal column is neither a number nor '-' */
} rakning_item;

typedef struct rakning {
	enum rakning_type typ;
	kolumn *kolumner; size_t n_kolumner;
	rakning_item *items; size_t n_items;
	src_loc loc;
	/* MODEL v2 part 1 (issue 12) */
	bool tabell;                         /* a tabell in the text (typ unused) */
	const char *id, *rubrik, *enhet, *kalla;   /* enhet NULL: that of ekonomi (rakning) / none (tabell) */
	int decimaler; bool has_decimaler;
	size_t ord;                          /* document order among räkningar and tabeller */
} rakning;

typedef struct fin_term {
	const char *id;    /* without the leading '-' */
	bool negate;
} fin_term;

typedef struct finansielltmal {
	const char *id, *namn, *enhet, *kolumn;
	enum direction riktning;
	dec malvarde;
	dec utgangsvarde; bool has_utgangsvarde;
	dec utfall; bool has_utfall;                 /* given directly */
	fin_term *taljare; size_t n_taljare;
	fin_term *namnare; size_t n_namnare;
	src_loc loc;
	/* MODEL v2 part 2 (issue 13): a target range instead of malvarde and riktning */
	dec malvarde_min, malvarde_max;
	bool no_malvarde, no_riktning, has_min, has_max;   /* no_*: not written */
} finansielltmal;

/* MODEL v2 part 1 (issue 12): a note to the accounts; blocks as in an avsnitt. */
typedef struct not_ {
	const char *id, *rubrik;
	int nr;                  /* 1, 2, ... in document order */
	block *blocks; size_t n_blocks;
	src_loc loc;
} not_;

/* MODEL v2 part 1 (issue 12): one sjukfranvaro element. */
enum { SJ_TOTAL, SJ_LANGTID, SJ_KVINNOR, SJ_MAN, SJ_TILL29, SJ_30_49, SJ_FRAN50, SJ_MAX };
typedef struct sjukfranvaro {
	bool koncern;            /* niva="koncern", else kommun */
	int ar;
	dec v[SJ_MAX]; bool has[SJ_MAX];
	src_loc loc;
} sjukfranvaro;

typedef struct ekonomi {
	const char *enhet;       /* default "mnkr" */
	int decimaler;           /* default 1 */
	bool has_drift, has_investeringar;
	drift_rad *drift; size_t n_drift;
	summa_rad drift_summa; bool has_drift_summa;
	projekt *projekt; size_t n_projekt;
	summa_rad invest_summa; bool has_invest_summa;
	rakning *rakningar; size_t n_rakningar;
	finansielltmal *finmal; size_t n_finmal;
	src_loc loc, loc_drift, loc_investeringar;
	/* MODEL v2 part 1 (issue 12) */
	not_ *noter; size_t n_noter; bool has_noter;
} ekonomi;

typedef struct personal_rad {
	const char *namndref;
	dec tillsvidareanstallda, arsarbetare, sjukfranvaro, sjukfranvaro_fg;
	bool has_tillsvidareanstallda, has_arsarbetare, has_sjukfranvaro, has_sjukfranvaro_fg;
	bool from_bidrag;
	src_loc loc;
} personal_rad;

typedef struct namndbidrag {
	const char *namndref;
	src_loc loc;
} namndbidrag;

/* ---- MODEL v2 part 2 (issue 13): scale, uppdrag, nyckeltal, intern kontroll ---- */

/* One step of the kommun's scale (or of version 1's, built when there is none). */
typedef struct skala_steg {
	const char *id, *namn;
	dec poang;
	dec fran; bool has_fran;
	bool uppfyllt;                  /* uppfyllt="ja" */
	const char *motsvarar;          /* as written, NULL when absent */
	const char *farg, *form;        /* optional overrides */
	src_loc loc;
} skala_steg;

typedef struct bedomningsskala {
	skala_steg *steg; size_t n_steg;
	/* The ejbedomt state: default id "ej-bedomt", name "Ej bedömt". */
	const char *ejb_id, *ejb_namn, *ejb_farg, *ejb_form;
	bool has_ejbedomt;
	src_loc loc, loc_ejbedomt;
} bedomningsskala;

typedef struct uppdrag {
	const char *id, *titel, *namndref, *givet_av, *beslut, *klart, *malref;
	const char *bidrag_namndref;    /* namndref of the enclosing namndbidrag */
	const char *written_namndref;   /* namndref as written (BIDRAG-NAMND) */
	enum activity_status status;
	rich_text text;                 /* the follow-up comment, n_runs 0 when none */
	src_loc loc;
} uppdrag;

typedef struct nyckeltal {
	const char *id, *rubrik, *namndref;
	const char *bidrag_namndref, *written_namndref;
	indikator *indikatorer; size_t n_indikatorer;
	src_loc loc;
} nyckeltal;

enum kontroll_resultat { KR_UTAN_ANMARKNING, KR_AVVIKELSE, KR_EJ_GENOMFORD, KR_MAX };
enum kontroll_risk { RISK_NONE, RISK_LAG, RISK_MEDEL, RISK_HOG, RISK_MAX };

typedef struct kontroll {
	const char *id, *namn, *namndref;
	const char *bidrag_namndref, *written_namndref;
	enum kontroll_risk risk;
	enum kontroll_resultat resultat;
	rich_text text;
	src_loc loc;
} kontroll;

/* Every id attribute in the (included) document, for uniqueness checks. */
typedef struct id_entry {
	const char *id;
	const char *element;   /* local name of the element carrying it */
	src_loc loc;
} id_entry;

/* Every string the user wrote that ends up in the PDF, for placeholder and
 * character scans: text nodes, titel, namn, rubrik, kommentar ... */
typedef struct text_entry {
	const char *text;
	const char *what;      /* "text", "titel", "namn", ... for the message */
	src_loc loc;
} text_entry;

typedef struct sr_model {
	arena *arena;
	const char *file;                 /* the main document's path as given */
	const char **included;            /* realpaths of the files xi:include read */
	size_t n_included;
	bool contribution;                /* root is namndbidrag: structure only, no report */
	enum report_type typ;
	int ar;
	const char *namndref;             /* rapport/@namndref, NULL when absent */
	diarium diarium;
	kommun kommun;
	const char *period_fran, *period_till;    /* ISO dates as written */
	src_loc loc_rapport, loc_period;
	niva *nivaer; size_t n_nivaer; bool has_malnivaer;
	dec gul_andel, mal_gron, mal_gul;          /* defaults 0.5, 1.75, 0.75 */
	src_loc loc_regler;
	namnd *namnder; size_t n_namnder;
	bolag *bolag; size_t n_bolag;
	avsnitt **avsnitt; size_t n_avsnitt;       /* top-level sections, bidrag ones included */
	mal **roots; size_t n_roots;               /* top-level goals as written (bidrag ones too) */
	mal **goals; size_t n_goals;               /* every goal, document order (pre-order) */
	ekonomi ekonomi; bool has_ekonomi;
	personal_rad *personal; size_t n_personal; bool has_personal;
	namndbidrag *bidrag; size_t n_bidrag;
	id_entry *ids; size_t n_ids;
	text_entry *texts; size_t n_texts;
	/* MODEL v2 part 1 (issue 12) */
	rakning **tabeller; size_t n_tabeller;     /* every tabell (avsnitt and noter), document order */
	bild **bilder; size_t n_bilder;            /* every bild, document order */
	sjukfranvaro *sjuk; size_t n_sjuk;
	/* MODEL v2 part 2 (issue 13) */
	bool has_mal_gron, has_mal_gul;            /* written in bedomningsregler */
	bedomningsskala skala; bool has_skala;     /* the document's own scale */
	uppdrag *uppdrag; size_t n_uppdrag;        /* document order, bidrag ones included */
	nyckeltal *nyckeltal; size_t n_nyckeltal;
	kontroll *kontroller; size_t n_kontroller;
	bool has_internkontroll;
	src_loc loc_internkontroll;
} sr_model;

/* Frees the whole model (it lives in its own arena). NULL is fine. */
void model_free(sr_model *m);

/* Builds parent/kids for every goal from nesting and overordnad. Refuses (leaves
 * unlinked, as a root) any adoption that would make a cycle or whose target does not
 * exist; validation reports those. Safe to call on an invalid model. */
void model_link_goals(sr_model *m);
/* Looks up a goal, nämnd, level by id; NULL when absent. Linear; fine for reports. */
mal *model_find_goal(const sr_model *m, const char *id);
const namnd *model_find_namnd(const sr_model *m, const char *id);
const niva *model_find_niva(const sr_model *m, const char *id);
/* Index of level id in malnivaer (0 = top), or -1. */
int model_level_index(const sr_model *m, const char *id);
/* The nämnd a goal counts for: its namndref, else the enclosing namndbidrag's. */
const char *model_goal_namnd(const mal *g);
/* Months of the period (1..12), 0 when the dates are malformed. */
int model_period_months(const sr_model *m);

/* Token <-> enum tables (MODEL.md spellings). Parsers return -1 when unknown. */
const char *model_status_token(enum status s);         /* "uppfyllt", "delvis", ... */
int model_status_parse(const char *s);
const char *model_report_type_token(enum report_type t);
int model_report_type_parse(const char *s);
const char *model_activity_token(enum activity_status s);
int model_activity_parse(const char *s);
const char *model_perspective_token(enum perspective p);
int model_perspective_parse(const char *s);
const char *model_rakning_token(enum rakning_type t);
int model_rakning_parse(const char *s);

/* MODEL v2 part 1 (issue 12) */
/* The decimaler of a räkning or tabell (its own, else ekonomi's; 1 without ekonomi). */
int model_rakning_decimaler(const sr_model *m, const rakning *rk);
/* Its unit: its own, else ekonomi's for a räkning; NULL for a tabell without one. */
const char *model_rakning_enhet(const sr_model *m, const rakning *rk);
/* The decimaler a number of item it in kolumn c shows: post's, else kolumn's, else table's. */
int model_cell_decimaler(const sr_model *m, const rakning *rk, const rakning_item *it, size_t c);
/* True when kolumn c of rk is summed (a tal column without its own enhet). */
bool model_kolumn_summed(const rakning *rk, size_t c);
/* The note with this id, or NULL. */
const not_ *model_find_not(const sr_model *m, const char *id);
/* The file a bild names: href relative to the file it is written in. Arena-owned. */
const char *model_bild_path(const sr_model *m, const bild *b);
/* The title of a räkning: its rubrik, else the default of its typ. */
const char *model_rakning_title(const rakning *rk);
/* ---- MODEL v2 part 2 (issue 13) (model_scale.c) ---- */
/* The scale in effect: the document's, else version 1's built from mal-gron/mal-gul
 * (steps uppfyllt, delvis, ej-uppfyllt; ejbedomt ej-bedomt). Filled into out, whose
 * steps point into a (or static data). */
void model_effective_scale(const sr_model *m, bedomningsskala *out, arena *a);
/* Index of the step with id in sc, n_steg for the ejbedomt id, -1 when neither. */
int model_scale_find(const bedomningsskala *sc, const char *id);
/* True when step i of sc lists status token tok in motsvarar. */
bool model_step_maps(const skala_steg *st, const char *tok);
/* The step a computed indicator status is shown as (n_steg for ej-bedomt). */
int model_scale_step_of_status(const bedomningsskala *sc, enum status s);
const char *model_trend_token(enum trend_target t);
int model_trend_parse(const char *s);
const char *model_kontroll_token(enum kontroll_resultat r);
int model_kontroll_parse(const char *s);
int model_risk_parse(const char *s);
/* The nämnd an uppdrag, nyckeltal or kontroll counts for (namndref, else the bidrag's). */
const char *model_item_namnd(const char *namndref, const char *bidrag_namndref);
#endif
