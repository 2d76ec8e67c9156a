/* SPDX-License-Identifier: Apache-2.0 */
/* report_private.h - the build context and helpers shared by the report*.c files;
 * for use inside the report builder only. */
#ifndef SR_REPORT_PRIVATE_H
#define SR_REPORT_PRIVATE_H
#include "fmt.h"
#include "report.h"

/* One report_build run: what every section reads. Strings handed to the engine are
 * allocated in a (= m->arena), which outlives the lay_doc and its result. */
typedef struct report_ctx {
	lay_doc *d;
	const sr_model *m;
	const calc_result *r;
	const report_style *s;
	const struct img_list *images;   /* decoded pictures, for their sizes (may be NULL) */
	arena *a;
	bool legend_done;        /* the status legend is shown once, before the first goals */
} report_ctx;

const lay_style *report_st(const report_ctx *c, enum report_text_role role);
/* A heading at level 1..6 (clamped), in the contents when level <= toc_levels. */
void report_heading(report_ctx *c, int level, const char *text);
/* A plain paragraph in role's style. */
void report_text(report_ctx *c, enum report_text_role role, const char *text);
/* Spans of a rich text in the body colour; n_extra free slots are reserved at the front
 * (for a bold label). The array is arena-owned. */
lay_span *report_spans(const report_ctx *c, const rich_text *t, size_t n_extra, size_t *n);
/* A paragraph "Label: <rich text>" with the label bold. */
void report_labelled(report_ctx *c, const char *label, const rich_text *t);

/* Table cells: text in a font; a status marker with the status name (and suffix). */
lay_cell report_cell(const report_ctx *c, const char *text, enum lay_font font, enum lay_align al);
lay_marker report_marker(const report_ctx *c, enum status st);
lay_cell report_cell_status(const report_ctx *c, enum status st, const char *suffix);
/* A header row of plain titles (aligned per column), filled with the header colour. */
void report_header_row(report_ctx *c, const char *const *titles, const lay_column *cols, size_t n);
void report_row(report_ctx *c, enum lay_row_kind kind, const lay_cell *cells);

/* Arena copies of formatted numbers. */
const char *report_num(const report_ctx *c, dec x, int decimals);
const char *report_qty(const report_ctx *c, dec x, int decimals, const char *unit);
const char *report_ratio(const report_ctx *c, ratio r, int decimals);
/* The nämnd's namn, else the id as written. */
const char *report_namnd_name(const report_ctx *c, const char *id);
/* True when the row/personal belongs to the report's nämnd filter (or there is none). */
bool report_in_scope(const report_ctx *c, const char *namndref);

/* The logo's path (relative hrefs are taken from the document's folder), or NULL.
 * Owned by m->arena. */
const char *report_logo_path(const sr_model *m);

/* "Beslutad av Kommunfullmäktige 28 oktober 2024, § 87", or "Förslag till …" when
 * there is no beslutsdatum. Owned by m->arena. */
const char *report_decision_line(const sr_model *m);

/* The sections (report_title.c, report_text.c, report_goals.c, report_economy.c). */
void report_sec_title_page(report_ctx *c);
void report_sec_contents(report_ctx *c);
void report_sec_avsnitt(report_ctx *c, const avsnitt *a, int level);
void report_sec_goal_summary(report_ctx *c);
void report_sec_goal_followup(report_ctx *c);
void report_sec_drift(report_ctx *c);
void report_sec_invest(report_ctx *c);
void report_sec_rakning(report_ctx *c, enum rakning_type t);
void report_sec_fin_goals(report_ctx *c);
void report_sec_personal(report_ctx *c);
/* A chart by section id ("diagram-malstatus", "diagram-drift"); unknown ids skipped. */
void report_sec_chart(report_ctx *c, const char *id);
/* For an indicator with utfall in two years or more: a small bar chart of utfall per
 * year with the målvärde as a line, and its caption (report_charts.c). */
void report_indicator_history(report_ctx *c, const calc_indicator *ci, int decs);
/* The status legend (marker, colour, name); shown once per document. */
void report_legend(report_ctx *c);

/* ---- MODEL v2 part 1 (issue 12): report_table.c, report_notes.c ---- */
/* A tabell or bild block of an avsnitt or a note. */
void report_v2_block(report_ctx *c, const block *b);
/* A räkning or tabell as a table (title, unit, grupp/varav/Not column, source line). */
void report_account_table(report_ctx *c, const rakning *rk, bool in_text);
/* The notes after the accounts, headed "Not N Rubrik". */
void report_sec_notes(report_ctx *c);
void report_sec_balanskrav(report_ctx *c);
/* The sjukfrånvaro table of personal, version 2. */
void report_sick_leave(report_ctx *c);
#endif
