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
	blk_doc *d;              /* the stream the report is written into */
	const sr_model *m;
	const calc_result *r;
	const report_style *s;
	const struct img_list *images;   /* decoded pictures, for their sizes (may be NULL) */
	arena *a;
	bool legend_done;        /* the status legend is shown once, before the first goals */
} report_ctx;

const lay_style *report_st(const report_ctx *c, enum report_text_role role);
/* The open table comes from the element at loc (its layout warnings name that line). */
static inline void report_table_at(report_ctx *c, src_loc loc)
{
	blk_table_at(c->d, loc.file, loc.line);
}
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
/* "a; b", or whichever is non-NULL; and a cell with " (extra)" in italics after its
 * text (the cell itself when extra is NULL). */
const char *report_join(const report_ctx *c, const char *a, const char *b);
lay_cell report_cell_aside(const report_ctx *c, lay_cell cell, const char *extra);
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
/* Every avsnitt not listed alone in the order ("text"), and the avsnitt id. */
void report_sec_all_text(report_ctx *c);
void report_sec_one_text(report_ctx *c, const char *id);
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
/* ---- MODEL v2 part 2 (issue 13) (report_uppdrag.c, report_scale.c) ---- */
void report_sec_uppdrag(report_ctx *c);
void report_sec_nyckeltal(report_ctx *c);
void report_sec_internkontroll(report_ctx *c);
/* "Månadsrapport mars 2025" (the month of period till, lower case). */
const char *report_month_title(const sr_model *m);
/* Marker and name of step i of the scale in effect (n_steg: the ejbedomt state). */
lay_marker report_step_marker(const report_ctx *c, int step);
const char *report_step_name(const report_ctx *c, int step);
lay_cell report_cell_step(const report_ctx *c, int step, const char *suffix);
/* "helt eller i hög grad uppfyllda" for n goals; "Lead4 av 9 mål … (Helt uppfyllt 1, …)." */
const char *report_met_phrase(const report_ctx *c, long n);
const char *report_step_sentence(const report_ctx *c, const char *lead, const calc_step_count *k);
/* A table of counts by step, one row per label; the sum row only with several rows. */
void report_step_table(report_ctx *c, const char *first, const char *const *labels,
                       const calc_step_count *const *counts, size_t rows,
                       const char *sum_label, const calc_step_count *sum);
/* report_goal_table.c: levels shown as one table (indexed like m->nivaer), a table of
 * bare goals, and the note under a goal's other parents. */
bool *report_table_levels(report_ctx *c, bool (*shown)(const report_ctx *, const mal *));
void report_goal_table(report_ctx *c, const mal *const *goals, size_t n, bool with_prognos,
                       bool prognos_only);
void report_other_parent_note(report_ctx *c, const mal *kid);
/* What the layout asks for level id (report.c): 0 chapters, 1 a table, -1 nothing. */
int report_level_view(const report_style *s, const char *niva_id);
/* The chart of statuses per level in the kommun's steps (report_scale.c). */
void report_step_chart(report_ctx *c);
/* True for the types whose goals are followed up by their prognos alone. */
bool report_prognos_only(const sr_model *m);

/* A figure's data table, between blk_figure_begin and blk_figure_end: the titles, then
 * one row of texts per call (first column left, the rest right-aligned numbers). */
void report_fig_data_begin(report_ctx *c, const char *const *titles, size_t n);
void report_fig_data_row(report_ctx *c, const char *const *texts, size_t n);
void report_fig_data_end(report_ctx *c);

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
