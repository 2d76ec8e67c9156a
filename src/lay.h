/* SPDX-License-Identifier: Apache-2.0 */
/* lay.h - the layout engine: the report builder appends blocks (headings, paragraphs,
 * lists, tables, figures) through this interface; lay_run breaks lines, splits tables,
 * paginates, numbers pages and returns a display list of positioned items per page.
 * It measures text only through lay_metrics and knows nothing of XML, goals or PDF. */
#ifndef SR_LAY_H
#define SR_LAY_H
#include "arena.h"
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef struct lay_rgb {
	unsigned char r, g, b;
} lay_rgb;

enum lay_font { LF_REGULAR, LF_BOLD, LF_ITALIC, LF_MAX };

/* Text measurement, provided by the PDF backend (or a fake in tests). */
#define LAY_BIDI_APART 0x80

typedef struct lay_metrics {
	void *ctx;
	/* Advance width in points of len bytes of UTF-8 text at size pt. */
	double (*width)(void *ctx, enum lay_font font, double size, const char *s, size_t len);
	double ascent, descent;   /* in points per 1 pt of font size, both positive */
	/* Optional (NULL: words break only at soft hyphens): where a hyphen may go inside a
	 * word of len bytes, as byte offsets (ascending, at most max), joint[k] set at the
	 * joint of a compound. Returns their number. */
	size_t (*hyphenate)(void *ctx, const char *w, size_t len, size_t *at, bool *joint,
	                    size_t max);
	/* Optional (NULL: text is never reordered): for a line's text of len bytes with a
	 * right-to-left character, its bidirectional embedding level (UAX #9, base left to
	 * right) per byte in the low seven bits, constant over every stretch whose width does
	 * not depend on its neighbours (a level changes only where width adds up), and bit 7
	 * (LAY_BIDI_APART) on the first byte of a stretch that must be measured apart from the
	 * one before it even at the same level (a piece of a word with a right-to-left
	 * character: measured together they would kern); false, level untouched, when the
	 * text has no right-to-left character. level NULL: only whether it has one. */
	bool (*bidi_levels)(void *ctx, const char *s, size_t len, unsigned char *level);
} lay_metrics;

/* Structure role of every display item and block: the tagged PDF's structure is made
 * from these (src/pdf_tag.c maps each one; a role without a mapping fails the tests),
 * never guessed back from positions. */
enum lay_role {
	ROLE_ARTIFACT,    /* running header/footer, rules, fills, repeated table header, FÖRSLAG */
	ROLE_TITLE,       /* the report title on the title page */
	ROLE_HEADING,     /* with level 1..6 */
	ROLE_PARAGRAPH,
	ROLE_LIST_ITEM,   /* the item's text (LBody); its label is ROLE_LIST_LABEL */
	ROLE_TABLE_HEADER,/* with row, col: a cell of a header row (scope column) */
	ROLE_TABLE_CELL,  /* with row, col */
	ROLE_CAPTION,     /* a figure's caption when it follows its figure, else a note (P) */
	ROLE_FIGURE,      /* with alt text */
	ROLE_TOC_ITEM,    /* row = the entry's index in its TOC */
	ROLE_TABLE_TITLE, /* the title of the table that follows it (its Caption) */
	ROLE_FACTS,       /* a goal's facts line (Nämnd · Agenda 2030 · Bidrar till) */
	ROLE_ROW_HEADER,  /* with row, col: a body cell that names its row (scope row) */
	ROLE_LIST_LABEL,  /* the bullet or number of a list item */
	ROLE_MAX
};

/* What kind of artifact an ROLE_ARTIFACT item is (ISO 32000-1 14.8.2.2). */
enum lay_artifact {
	LART_LAYOUT,      /* rules, fills, dot leaders, status markers in tables, the logo */
	LART_PAGE,        /* a table's header rows repeated on a continuation page */
	LART_HEADER,      /* running header (Pagination/Header) */
	LART_FOOTER,      /* running footer and page numbers (Pagination/Footer) */
	LART_WATERMARK,   /* FÖRSLAG (Pagination/Watermark) */
	LART_MAX
};

enum lay_align { LA_LEFT, LA_CENTER, LA_RIGHT };

/* Status markers: colour AND shape differ. */
enum lay_shape { LS_CIRCLE, LS_TRIANGLE, LS_SQUARE, LS_DIAMOND,
	LS_PENTAGON, LS_HEXAGON, LS_STAR,   /* MODEL v2 part 2 (issue 13): femhorn, sexhorn, stjarna */
	LS_MAX };

typedef struct lay_span {
	const char *text;          /* UTF-8; may contain U+00AD soft hyphens, U+00A0 */
	enum lay_font font;
	lay_rgb color;
} lay_span;

typedef struct lay_style {
	enum lay_font font;        /* default font of spans given as plain text */
	double size;               /* pt */
	double leading;            /* line height in pt (baseline to baseline) */
	double space_before, space_after;   /* pt */
	double indent;             /* left indent in pt */
	enum lay_align align;
	lay_rgb color;
	bool keep_with_next;       /* don't end a page after this block */
	double min_size;           /* tables: the size the font may be stepped down to before
	                            * words are broken (0: 85 % of size) */
} lay_style;

typedef struct lay_marker {
	bool on;
	enum lay_shape shape;
	lay_rgb color;
} lay_marker;

typedef struct lay_cell {
	const lay_span *spans;     /* copied by the engine */
	size_t n_spans;
	enum lay_align align;
	lay_marker marker;         /* drawn before the text, vertically centred on line 1 */
} lay_cell;

enum lay_row_kind { LR_HEADER, LR_BODY, LR_SUM };

typedef struct lay_column {
	enum lay_align align;      /* default for the column's cells */
	double max_share;          /* 0: no limit; else at most this share of the width */
} lay_column;

/* Page geometry and the running parts. Strings may hold the tokens {N} (this page's
 * number) and {M} (number of pages); they are filled in after pagination. */
typedef struct lay_page_setup {
	double width, height;                       /* pt, A4 = 595.276 x 841.89 */
	double margin_top, margin_bottom, margin_left, margin_right;
	const char *header[3];                      /* left, centre, right; NULL = empty */
	const char *footer[3];
	double running_size;                        /* pt */
	lay_rgb running_color;
	bool running_on_first_page;                 /* title page has none when false */
	const char *watermark;                      /* e.g. "FÖRSLAG" on every page, or NULL */
	lay_rgb watermark_color;
} lay_page_setup;

/* ---- the display list ---- */
enum dl_kind {
	DL_TEXT,     /* a run of text on one baseline: x, y = baseline start; w = advance, h = size */
	DL_RECT,     /* x, y = lower-left corner, w, h; fill and/or stroke */
	DL_LINE,     /* from (x, y) to (x + w, y + h) */
	DL_MARKER,   /* status marker shape centred at (x, y), size w */
	DL_IMAGE,    /* image file text=path in box x, y, w, h */
	DL_LINK      /* link area x, y, w, h to target_page at target_y */
};

typedef struct dl_item {
	enum dl_kind kind;
	enum lay_role role;
	int level;                 /* ROLE_HEADING */
	int row, col;              /* ROLE_TABLE_HEADER / ROLE_TABLE_CELL, 0-based */
	int block;                 /* index of the block it came from (groups a paragraph's lines) */
	double x, y, w, h;         /* PDF points, origin at the page's lower left */
	enum lay_font font;
	double size;
	lay_rgb color;             /* text colour, or stroke colour */
	const char *text;          /* DL_TEXT: the run; DL_IMAGE: file path */
	bool fill;
	lay_rgb fill_color;
	double line_width;         /* 0: no stroke */
	enum lay_shape shape;      /* DL_MARKER */
	int target_page;           /* DL_LINK, 1-based */
	double target_y;
	const char *alt;           /* ROLE_FIGURE: alternative text, set on EVERY item of a figure */
	double dash;               /* DL_LINE: dash length (gap the same), 0 = solid */
	enum lay_align align;      /* DL_IMAGE: where the picture sits in its box when its
	                            * aspect ratio differs (it is never stretched) */
	enum lay_artifact artifact;/* ROLE_ARTIFACT: which kind */
	bool hyphen;               /* DL_TEXT: the last byte is a hyphen inserted at a line
	                            * break, no part of the word (tagged as an artifact) */
	bool rtl;                  /* DL_TEXT: a right-to-left run of its line (odd bidi level):
	                            * drawn with a right-to-left base direction; the line's runs
	                            * are already in visual order (lay_metrics.bidi_levels) */
	bool space_after;          /* DL_TEXT: its line broke at a space after it: the writer
	                            * draws that (invisible) space, so that text read from the
	                            * structure keeps the last word of a line apart from the
	                            * first of the next */
} dl_item;

/* What a block is as a whole, for the structure tree: items name their block. */
enum dl_cell { DC_TD, DC_TH_COLUMN, DC_TH_ROW };

typedef struct dl_block {
	enum lay_role role;        /* ROLE_ARTIFACT: spaces, page breaks, the logo */
	int level;                 /* headings */
	int list;                  /* ROLE_LIST_ITEM: the first block of its list */
	int caption;               /* table or figure: block of its title/caption, else -1;
	                            * ROLE_TABLE_TITLE / ROLE_CAPTION: block it belongs to, or -1 */
	int n_rows, n_cols;        /* tables */
	const unsigned char *row_kind;   /* tables: enum lay_row_kind per row */
	const unsigned char *cell;       /* tables: enum dl_cell, n_rows x n_cols */
	const char *alt;           /* figures and pictures */
} dl_block;

typedef struct dl_page {
	dl_item *items;
	size_t n_items;
} dl_page;

typedef struct dl_outline {    /* one bookmark per heading */
	int level;                 /* 1-based */
	const char *title;
	int page;                  /* 1-based */
	double y;                  /* top of the heading */
} dl_outline;

typedef struct lay_result {
	arena *arena;              /* owns everything in the result */
	double width, height;
	dl_page *pages;
	size_t n_pages;
	dl_outline *outline;
	size_t n_outline;
	dl_block *blocks;          /* one per block, in reading order */
	size_t n_blocks;
	double margin_top, margin_bottom, margin_left, margin_right;   /* for lay_check */
	const char **warnings;     /* Swedish sentences: tables whose words had to be broken */
	const char **warning_files;/* per warning: the table's source file (NULL: the document) */
	long *warning_lines;       /* and line (0: unknown), lay_table_at */
	size_t n_warnings;
} lay_result;

/* ---- building ---- */
typedef struct lay_doc lay_doc;

/* A new empty document. setup and metrics must outlive the lay_doc. */
lay_doc *lay_new(const lay_page_setup *setup, const lay_metrics *metrics);
void lay_free(lay_doc *d);

/* A heading: level 1..6; in_toc puts it in the table of contents; every heading
 * becomes a bookmark. Keeps with the next block. */
void lay_heading(lay_doc *d, int level, const char *text, const lay_style *st, bool in_toc);
/* A paragraph of spans (role ROLE_PARAGRAPH unless role says otherwise). */
void lay_paragraph(lay_doc *d, const lay_span *spans, size_t n, const lay_style *st, enum lay_role role);
/* A plain-text paragraph in the style's font and colour. */
void lay_text(lay_doc *d, const char *text, const lay_style *st, enum lay_role role);
/* A list item with a bullet (or the given label, e.g. "1.") and hanging indent. The
 * items between lay_list_begin and lay_list_end form one list; an item outside them is
 * a list of its own. */
void lay_list_item(lay_doc *d, const char *label, const lay_span *spans, size_t n, const lay_style *st);
void lay_list_begin(lay_doc *d);
void lay_list_end(lay_doc *d);
/* Vertical space, and a forced page break. */
void lay_space(lay_doc *d, double pt);
void lay_page_break(lay_doc *d);
/* Where the table of contents goes: headings with level <= max_level, with page
 * numbers and links. style is for the entries. */
void lay_toc(lay_doc *d, int max_level, const lay_style *st);

/* Tables: begin, then rows of exactly n_cols cells, then end. Header rows repeat on
 * every page the table continues on (there as ROLE_ARTIFACT). */
void lay_table_begin(lay_doc *d, const lay_column *cols, size_t n_cols, const lay_style *st);
void lay_table_row(lay_doc *d, enum lay_row_kind kind, const lay_cell *cells, lay_rgb *fill);
void lay_table_end(lay_doc *d);
/* Where the open table comes from (file NULL: the document; line 0: unknown): its
 * warnings in lay_result name that place. */
void lay_table_at(lay_doc *d, const char *file, long line);
/* Column col's body cells name their rows (nämnd, post, indikator, "Summa"): row headers
 * (TH with /Scope /Row in the tagged PDF). Call after lay_table_begin. */
void lay_table_row_header(lay_doc *d, size_t col);

/* Figures (charts): a box of width x height pt kept on one page, drawn in its own
 * coordinates (origin top-left, y downwards), with alt text; caption follows it. */
void lay_figure_begin(lay_doc *d, double width, double height, const char *alt);
void lay_fig_rect(lay_doc *d, double x, double y, double w, double h, lay_rgb fill);
void lay_fig_line(lay_doc *d, double x1, double y1, double x2, double y2, double width, lay_rgb color);
/* A dashed line: dashes and gaps of `dash` pt (one item, however long the line). */
void lay_fig_dashed_line(lay_doc *d, double x1, double y1, double x2, double y2, double width,
                         lay_rgb color, double dash);
void lay_fig_marker(lay_doc *d, double x, double y, double size, enum lay_shape shape, lay_rgb color);
void lay_fig_text(lay_doc *d, double x, double y, const char *text, enum lay_font font,
                  double size, lay_rgb color, enum lay_align align);
/* Like lay_fig_text, but text wider than max_width is shortened with "…" (a label whose
 * full text is in the table beside the chart). */
void lay_fig_label(lay_doc *d, double x, double y, const char *text, enum lay_font font,
                   double size, lay_rgb color, enum lay_align align, double max_width);
void lay_figure_end(lay_doc *d);

/* An image (the logo) of width x height pt at the current position, aligned: decorative,
 * an artifact. */
void lay_image(lay_doc *d, const char *path, double width, double height, enum lay_align align);
/* MODEL v2 part 1 (issue 12): a picture in the text, width x height pt, centred; with
 * alt text it is a figure (ROLE_FIGURE, alt on its item), without one decorative
 * (ROLE_ARTIFACT). keep_with_next keeps it on the page of its caption. */
void lay_picture(lay_doc *d, const char *path, double width, double height, const char *alt,
                 bool keep_with_next);

/* MODEL v2 part 1 (issue 12): names the heading just added, so that table cells can
 * link to it; and makes cell col of the table row just added a link to the heading
 * named anchor (a note). An anchor no heading carries gives no link. */
void lay_anchor(lay_doc *d, const char *name);
void lay_cell_link(lay_doc *d, size_t col, const char *anchor);
/* The table row just added stays on the page of the row before it (a varav row), or of
 * the row after it (a group heading). */
void lay_row_keep(lay_doc *d, bool with_previous, bool with_next);

/* Lays everything out. Returns the pages; caller frees with lay_result_free.
 * NULL only if nothing could be laid out (then *why says it, in Swedish). */
lay_result *lay_run(lay_doc *d, const char **why);
void lay_result_free(lay_result *r);

/* A line-per-item text dump of the display list, for golden tests (format in
 * docs/layout-engine.md). */
void lay_dump(const lay_result *r, FILE *out);
/* Debug invariant check: items inside the page, body items inside the margins, TOC page
 * numbers and links equal to where the headings landed, no table row lost across a page
 * break. Returns the first violation (a Swedish sentence in r's arena) or NULL. */
const char *lay_check(const lay_result *r);

/* Line breaking alone, for tests and table measurement: breaks spans into lines no
 * wider than width; returns the number of lines. */
size_t lay_count_lines(const lay_metrics *m, const lay_span *spans, size_t n, double size, double width);
#endif
