/* SPDX-License-Identifier: Apache-2.0 */
/* import_private.h - shared by the import*.c files only: the run's context, the decoded
 * CSV table, the Kolada observations and the tree helpers. The stage reads data files,
 * edits the document's libxml2 tree (formatting and comments kept) and reports every
 * change as an IMPORT info line; nothing is printed here. */
#ifndef SR_IMPORT_PRIVATE_H
#define SR_IMPORT_PRIVATE_H
#include "styrrapport.h"
#include "arena.h"
#include "diag.h"
#include "model.h"
#include <libxml/tree.h>
#include <stdbool.h>

#define IMP_NS "urn:styrrapport:1"
/* A data file larger than this is refused (a Kolada export of every kommun and year
 * for a hundred KPIs stays far below it). */
#define IMP_MAX_BYTES (64u << 20)

typedef struct imp_ctx {
	arena *a;
	diag_sink *d;
	const char *doc_file;     /* the document's path, for the IMPORT lines */
	xmlDocPtr doc;
	xmlNode *root;
	const sr_model *model;    /* the validated input (includes resolved) */
	const char *kommunkod;    /* the document's, or the --kommunkod override */
	int ar;                   /* the report year (0 in a contribution) */
	size_t changes;
} imp_ctx;

/* ---- CSV (import_csv.c) ---- */
typedef struct imp_row {
	long line;
	size_t n;
	char **cell;     /* UTF-8, trimmed */
} imp_row;

typedef struct imp_table {
	const char *file;
	imp_row *rows;   /* every non-empty row, the header included */
	size_t n_rows;
} imp_table;

/* Decodes (UTF-8 with or without BOM, else Windows-1252) and splits a semicolon CSV
 * into rows. False (with diagnostics) when the file cannot be read as CSV. */
bool imp_csv_read(imp_ctx *c, const char *file, const char *data, size_t len, imp_table *t);
/* The header key of a cell: lower case, diacritics dropped, only letters and digits
 * ("Nämnd" -> "namnd", "Målvärde" -> "malvarde", "Kommun-id" -> "kommunid"). */
char *imp_key(arena *a, const char *s);
/* Parses a number as Swedish spreadsheets write it ("1 234,5", "−12,3", "12.5") into
 * the XML's decimal form in out. 1: a number, 0: an empty cell, -1: not a number
 * (why says what is wrong). */
int imp_number(const char *s, char *out, size_t n, const char **why);
/* The first ISO date (YYYY-MM-DD) in s, copied into out[11]; false when none. */
bool imp_find_date(const char *s, char out[11]);

/* ---- Kolada (import_kolada.c) ---- */
typedef struct imp_obs {
	const char *kpi, *municipality;   /* municipality: digits, 4 wide */
	int year;
	char gender;                      /* 'T', 'K' or 'M' */
	const char *value;                /* XML decimal; NULL: missing */
	const char *status;               /* as given, "" when none */
	const char *file;
	long line;
} imp_obs;

typedef struct imp_kolada {
	imp_obs *obs;
	size_t n, cap;
	const char *date;                 /* the data's date, when a file gives it */
	const char *file;
} imp_kolada;

/* Reads a Kolada API response (v2 or v3, one page or several concatenated) or the CSV
 * of the Kolada web site into k. */
void imp_kolada_read(imp_ctx *c, const char *file, const char *data, size_t len, imp_kolada *k);
/* Fills every indicator with a kolada id from k. */
void imp_kolada_apply(imp_ctx *c, const imp_kolada *k);
/* Normalises a Kolada municipality id ("180", "0180", 180) to four digits; NULL if
 * it is no id. */
const char *imp_municipality(arena *a, const char *s);

/* ---- ledger tables (import_apply.c) ---- */
void imp_apply_drift(imp_ctx *c, const imp_table *t);
void imp_apply_invest(imp_ctx *c, const imp_table *t);
void imp_apply_indicators(imp_ctx *c, const imp_table *t);
void imp_apply_rakning(imp_ctx *c, const char *which, const imp_table *t);

/* ---- the tree (import_xml.c) ---- */
bool imp_is(const xmlNode *n, const char *name);
/* The attribute's value (libxml2 memory, owned by the tree) or NULL. */
const char *imp_attr(const xmlNode *n, const char *name);
/* Next element in document order below top (pre-order), NULL at the end. */
xmlNode *imp_next(xmlNode *n, const xmlNode *top);
xmlNode *imp_child(xmlNode *parent, const char *name);
/* A new element in the document's namespace, inserted among parent's children so that
 * elements stay in their schema order: rank() gives each name's place, and within
 * the same rank key orders them (INT_MAX: after the last). Indentation is copied from
 * the neighbours. */
typedef int (*imp_rank_fn)(const xmlNode *n);
xmlNode *imp_insert(imp_ctx *c, xmlNode *parent, const char *name, imp_rank_fn rank,
                    int key, int (*key_of)(const xmlNode *));
/* Sets attribute name to value (a decimal, or text when is_text) and reports the
 * change as "what: old → new (source)". Nothing happens when the value is the same
 * (numerically for decimals). */
void imp_set_attr(imp_ctx *c, xmlNode *n, const char *name, const char *value, bool is_text,
                  const char *what, const char *source);
/* Two decimals with the same value ("82.0", "82"); texts that are no decimals compare
 * as strings. */
bool imp_same_number(const char *a, const char *b);
/* Reports one change at n's line (its parent's for a new element). */
void imp_report(imp_ctx *c, const xmlNode *n, const char *what, const char *old,
                const char *now, bool is_text, const char *source);
/* Same for an element's text (an utfall, a malvarde). */
void imp_set_text(imp_ctx *c, xmlNode *n, const char *value, const char *what, const char *source);
/* Where an id (or a nämnd's contribution) lives when it is not in the main file:
 * the included file's name, or NULL. */
const char *imp_included_file(const imp_ctx *c, const char *id, const char *element);
/* "82.0" -> "82,0", "-5" -> "−5": a decimal as the messages show it. */
const char *imp_sv(imp_ctx *c, const char *dec_text);
#endif
