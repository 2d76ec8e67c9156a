/* SPDX-License-Identifier: Apache-2.0 */
/* report.h - the report builder: turns a valid model and its computed figures into
 * layout blocks (title page, contents, text, goals, economy, personnel) through the
 * layout engine's builder API. Never calls libharu or libxml2; every word it adds to
 * the document is Swedish. */
#ifndef SR_REPORT_H
#define SR_REPORT_H
#include "blk.h"
#include "calc.h"
#include "lay.h"
#include "model.h"
#include <stdbool.h>

/* Text roles whose look a layout file may change. */
enum report_text_role {   /* the block stream's named looks (enum blk_style) */
	RS_BODY = BS_BODY,                 /* paragraphs */
	RS_H1 = BS_H1, RS_H2 = BS_H2, RS_H3 = BS_H3, RS_H4 = BS_H4, RS_H5 = BS_H5, RS_H6 = BS_H6,
	RS_LIST = BS_LIST,                 /* list items */
	RS_TABLE = BS_TABLE,               /* table cells */
	RS_CAPTION = BS_CAPTION,           /* "Belopp i mnkr", table notes */
	RS_TABLE_TITLE = BS_TABLE_TITLE,   /* the bold title above a table ("Bedömning per målnivå") */
	RS_TOC = BS_TOC,                   /* table of contents entries */
	RS_TITLE_KOMMUN = BS_TITLE_KOMMUN, /* kommun name on the title page */
	RS_TITLE = BS_TITLE,               /* report title */
	RS_TITLE_META = BS_TITLE_META,     /* period, Dnr, decision lines on the title page */
	RS_TITLE_DRAFT = BS_TITLE_DRAFT,   /* "FÖRSLAG" on the title page */
	RS_VISION = BS_VISION,             /* the vision, italic */
	RS_ROLE_MAX = BS_MAX
};

#define REPORT_MAX_SECTIONS 48
#define REPORT_MAX_LEVEL_VIEWS 16   /* MODEL v2 part 2 (issue 13) */

typedef struct report_style {
	/* page */
	double page_width, page_height;
	double margin_top, margin_bottom, margin_left, margin_right;
	double running_size;
	lay_rgb running_color, watermark_color;
	/* running header and footer (left, centre, right): templates with the fields
	 * {kommun} {titel} {dnr} {sida} {sidor} {status}; NULL or "" = empty. A slot whose
	 * fields all come out empty is left empty ("Dnr {dnr}" without a Dnr). Not owned. */
	const char *header[3], *footer[3];
	bool running_on_first_page;
	/* text */
	lay_style text[RS_ROLE_MAX];
	lay_rgb emphasis_color;             /* labels such as "Analys:" */
	/* tables */
	lay_rgb header_fill, sum_fill;
	/* status markers: colour AND shape (index by enum status; ST_NONE unused) */
	lay_rgb status_color[ST_MAX];
	enum lay_shape status_shape[ST_MAX];
	/* title page */
	double logo_width, logo_height;
	enum lay_align logo_align;
	bool logo_in_header;                /* the logo also in the running header ... */
	enum lay_align logo_header_align;   /* ... in this slot ... */
	double logo_header_height;          /* ... this high (width keeps logo_width:logo_height) */
	/* contents */
	int toc_levels;                     /* 1..6 */
	int goal_heading_base;              /* heading level of a top-level goal (1) */
	/* order of the generated parts: "titelsida", "innehall", "text", "avsnitt:<id>",
	 * "malsammanfattning", "maluppfoljning", "driftredovisning", "investeringar",
	 * "resultatrakning", "balansrakning", "kassaflodesanalys", "finansiella-mal",
	 * "personal", "diagram-malstatus", "diagram-drift"; unknown ids are skipped. Strings are not owned by the style. */
	const char *sections[REPORT_MAX_SECTIONS];
	size_t n_sections;
	/* MODEL v2 part 2 (issue 13): goal levels the layout wants as chapters (kapitel) or
	 * as one table (tabell); a bare level is a table unless named here. Not owned. */
	const char *level_ids[REPORT_MAX_LEVEL_VIEWS];
	bool level_table[REPORT_MAX_LEVEL_VIEWS];
	size_t n_level_views;
} report_style;

/* The registry (report_registry.c): per report type its word ("Årsredovisning"), its
 * installed layout file (relative to the data dir) and its default order of sections. */
typedef struct report_type_info {
	const char *word, *layout_file;
	const char *const *order;
	size_t n_order;
} report_type_info;
const report_type_info *report_type_of(enum report_type t);
/* Per section id: what builds it (NULL: built by id, "avsnitt:<id>" and "diagram-*")
 * and its page on the website. NULL for an unknown id (skipped). */
struct report_ctx;
typedef struct report_section_info {
	const char *id;
	void (*build)(struct report_ctx *c);
	enum blk_page page;
} report_section_info;
const report_section_info *report_section_of(const char *id);

/* The defaults for a report type (A4, Open Sans sizes, status colours, section order). */
void report_style_default(report_style *s, enum report_type t);
/* Sets the order of sections from ids (at most REPORT_MAX_SECTIONS are kept). */
void report_style_set_sections(report_style *s, const char *const *ids, size_t n);

/* Fills the page setup (A4, margins, header/footer strings) for the document. The
 * strings are owned by m->arena. */
void report_page_setup(const sr_model *m, const report_style *s, lay_page_setup *out);
/* Expands one header/footer template for m ({sida}/{sidor} become the engine's {N}/{M});
 * NULL when the slot stays empty. Owned by m->arena. */
const char *report_running_text(const sr_model *m, const char *tmpl);
/* After lay_run: draws the logo in the running header when the style asks for it
 * (items added in r->arena). */
void report_decorate(lay_result *r, const sr_model *m, const report_style *s);

/* MODEL v2 part 2 (issue 13): false, with a SKALA diagnostic for each, when two states
 * of the document's scale would be drawn with the same shape under this style. */
struct diag_sink;
bool report_check_scale_shapes(const sr_model *m, const calc_result *r, const report_style *s,
                               struct diag_sink *d);

/* Appends the whole report to d. Strings passed to the engine are owned by m->arena. */
struct img_list;
/* images: the pictures validation decoded (their sizes); NULL when there are none. */
void report_build(blk_doc *d, const sr_model *m, const calc_result *r, const report_style *s,
                  const struct img_list *images);

/* Strings for the PDF Info (title, author = kommun, subject = "Dnr …", keywords).
 * Arena-owned by m->arena. */
typedef struct report_meta {
	const char *title, *author, *subject, *keywords, *description, *date;
	bool draft;
} report_meta;
void report_meta_of(const sr_model *m, report_meta *out);

/* The report title: diarium rubrik, else from typ, ar and the period
 * ("Delårsrapport januari–augusti 2024"). Owned by m->arena. */
const char *report_title(const sr_model *m);
/* Swedish name of a status ("Delvis uppfyllt") and of an activity status ("Pågår"). */
const char *report_status_name(enum status st);
const char *report_activity_name(enum activity_status st);
#endif
