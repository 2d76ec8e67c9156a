/* SPDX-License-Identifier: Apache-2.0 */
/* blk.h - the block stream: the report as a plain document of headings, paragraphs of
 * spans, lists, tables (header rows, row-header cells, status markers, links, grupp/
 * varav/sum rows), figures (alt text, their data table and a vector drawing in the
 * figure's own units), pictures, notes and section boundaries. It has no page
 * coordinates and measures nothing: the report builder (src/report*.c) writes it once
 * from the computed model, and every output renders it through the same three calls
 * (new, render, free): src/lay_blk.c into the layout engine for the PDF, src/html*.c
 * into a static website.
 *
 * The small value types (lay_rgb, lay_span, lay_cell, lay_column, the alignment, shape,
 * weight and row-kind enums) are shared with the layout engine's builder interface;
 * they carry no coordinates or metrics. A span's lay_font is its weight (regular, bold,
 * italic), not a font. */
#ifndef SR_BLK_H
#define SR_BLK_H
#include "arena.h"
#include "lay.h"
#include <stdbool.h>
#include <stddef.h>

/* The look a text block asks for, by name (the PDF's layout file gives each one a
 * size and colour; the HTML writer maps them to elements and classes). The values
 * are those of enum report_text_role. */
enum blk_style {
	BS_BODY,
	BS_H1, BS_H2, BS_H3, BS_H4, BS_H5, BS_H6,
	BS_LIST, BS_TABLE, BS_CAPTION, BS_TABLE_TITLE, BS_TOC,
	BS_TITLE_KOMMUN, BS_TITLE, BS_TITLE_META, BS_TITLE_DRAFT, BS_VISION,
	BS_MAX
};

enum blk_kind {
	BLK_SECTION,     /* a section of the registry begins (id, page) */
	BLK_HEADING,     /* level 1..6, text, in_toc, anchor */
	BLK_PARA,        /* spans; role: paragraph, title, caption, table title, facts */
	BLK_LIST_BEGIN,
	BLK_LIST_ITEM,   /* label (NULL: a bullet), spans */
	BLK_LIST_END,
	BLK_SPACE,       /* vertical room on the printed page (pt); other outputs skip it */
	BLK_PAGE_BREAK,
	BLK_TOC,         /* the table of contents: headings down to level */
	BLK_TABLE,
	BLK_FIGURE,
	BLK_IMAGE,       /* the logo: decorative */
	BLK_PICTURE,     /* a picture in the text: alt text, or decorative (alt NULL) */
};

/* Where a section goes on the website (the registry, src/report_registry.c). */
enum blk_page {
	BP_INDEX,        /* the title page: the site's index page */
	BP_NONE,         /* printed only (the PDF's table of contents) */
	BP_SUMMARY,      /* the summary page: goal summary, result, balanskrav, key figures */
	BP_CHAPTER,      /* a page per level-1 heading */
};

/* What a table row is, beyond its lay_row_kind. */
enum blk_row_flag {
	BRF_GRUPP = 1,   /* a group heading (kept with the row after it) */
	BRF_VARAV = 2,   /* a varav row (kept with the row before it) */
};

typedef struct blk_row {
	enum lay_row_kind kind;
	unsigned flags;          /* enum blk_row_flag */
	lay_cell *cells;         /* n_cols; spans copied */
	const char **links;      /* NULL, or n_cols anchors (NULL: no link) */
	bool has_fill;
	lay_rgb fill;
} blk_row;

typedef struct blk_table {
	lay_column *cols;
	size_t n_cols;
	bool *row_header;        /* per column: its body cells name their rows */
	blk_row *rows;
	size_t n_rows, cap_rows;
	const char *label;       /* its title (the text block before it), for the HTML region */
	const char *file;        /* the element it was built from: its file (NULL: the
	                          * document's) and line (0: unknown), for the layout's warnings */
	long line;
	/* What the table is ("Indikatorer"), for the website's caption when the heading
	 * above names only its subject; context (hidden, for screen readers) says whose
	 * (NULL: the heading above). Printed outputs ignore it. blk_table_caption. */
	const char *what, *what_context;
	bool what_visible;       /* false: the whole caption only for screen readers */
} blk_table;

enum blk_op_kind { BO_RECT, BO_LINE, BO_DASHED, BO_MARKER, BO_TEXT, BO_LABEL };

/* One drawing operation of a figure, in the figure's units (pt, origin top-left,
 * y downwards). */
typedef struct blk_op {
	enum blk_op_kind kind;
	double x, y, w, h;       /* rect: box; line: (x, y) to (w, h); marker: centre, size w */
	double width, dash;      /* line width, dash length */
	lay_rgb color;
	enum lay_shape shape;
	const char *text;
	enum lay_font font;
	double size;
	enum lay_align align;
	double max_width;        /* BO_LABEL */
} blk_op;

typedef struct blk_figure {
	double width, height;
	const char *alt;
	blk_op *ops;
	size_t n_ops, cap_ops;
	blk_table *data;         /* the figure's numbers as a table (HTML), or NULL */
} blk_figure;

typedef struct blk {
	enum blk_kind kind;
	int style;               /* enum blk_style */
	bool keep;               /* keep with the next block (beyond the style's own) */
	enum lay_role role;      /* BLK_PARA */
	int level;               /* BLK_HEADING, BLK_TOC */
	bool in_toc;             /* BLK_HEADING */
	const char *text;        /* BLK_HEADING; BLK_SECTION: id; BLK_LIST_ITEM: label */
	const char *anchor;      /* BLK_HEADING: the name notes link to, or NULL */
	lay_span *spans;         /* BLK_PARA, BLK_LIST_ITEM */
	size_t n_spans;
	enum blk_page page;      /* BLK_SECTION */
	double space;            /* BLK_SPACE */
	blk_table *table;        /* BLK_TABLE */
	blk_figure *figure;      /* BLK_FIGURE */
	const char *path;        /* BLK_IMAGE, BLK_PICTURE */
	const char *alt;         /* BLK_PICTURE; NULL: decorative */
	double width, height;    /* BLK_IMAGE, BLK_PICTURE: size on the printed page, pt */
	enum lay_align align;    /* BLK_IMAGE */
} blk;

/* What every page of every output carries. Strings not owned. */
typedef struct blk_meta {
	const char *kommun, *title, *period, *dnr, *beslutsinstans, *decision;
	const char *header[3], *footer[3];   /* running texts ({N}/{M}: page numbers) */
	const char *watermark;               /* "FÖRSLAG" on a proposal, else NULL */
	bool draft;
	const char *lang;                    /* "sv" */
} blk_meta;

typedef struct blk_doc {
	arena *a;                /* owns the blocks, not the strings they point at */
	blk *items;
	size_t n, cap;
	blk_meta meta;
	/* while building */
	blk_table *open_table;
	blk_figure *open_figure;
	bool in_figure_data;     /* rows go to the open figure's data table */
} blk_doc;

blk_doc *blk_new(void);
void blk_free(blk_doc *d);

/* ---- building (strings are kept as pointers: they must outlive the document;
 * arrays of spans and cells are copied) ---- */
void blk_section(blk_doc *d, const char *id, enum blk_page page);
void blk_heading(blk_doc *d, int level, const char *text, int style, bool in_toc);
/* Names the heading just added (notes), see lay_anchor. */
void blk_anchor(blk_doc *d, const char *name);
void blk_paragraph(blk_doc *d, const lay_span *spans, size_t n, int style, enum lay_role role,
                   bool keep);
void blk_text(blk_doc *d, const char *text, int style, enum lay_role role, bool keep);
void blk_list_begin(blk_doc *d);
void blk_list_item(blk_doc *d, const char *label, const lay_span *spans, size_t n, int style);
void blk_list_end(blk_doc *d);
void blk_space(blk_doc *d, double pt);
void blk_page_break(blk_doc *d);
void blk_toc(blk_doc *d, int max_level, int style);

void blk_table_begin(blk_doc *d, const lay_column *cols, size_t n_cols, int style, bool keep);
void blk_table_row_header(blk_doc *d, size_t col);
/* The open table was built from the element at file (NULL: the document) and line: a
 * layout warning about it (LAYOUT-TABELL) names that place. */
void blk_table_at(blk_doc *d, const char *file, long line);
/* The open table's caption on the website (blk_table.what); call after blk_table_begin. */
void blk_table_caption(blk_doc *d, const char *what, const char *context, bool visible);
void blk_table_row(blk_doc *d, enum lay_row_kind kind, const lay_cell *cells, const lay_rgb *fill);
void blk_row_keep(blk_doc *d, bool with_previous, bool with_next);
void blk_cell_link(blk_doc *d, size_t col, const char *anchor);
void blk_table_end(blk_doc *d);

void blk_figure_begin(blk_doc *d, double width, double height, const char *alt);
void blk_fig_rect(blk_doc *d, double x, double y, double w, double h, lay_rgb fill);
void blk_fig_line(blk_doc *d, double x1, double y1, double x2, double y2, double width, lay_rgb color);
void blk_fig_dashed_line(blk_doc *d, double x1, double y1, double x2, double y2, double width,
                         lay_rgb color, double dash);
void blk_fig_marker(blk_doc *d, double x, double y, double size, enum lay_shape shape, lay_rgb color);
void blk_fig_text(blk_doc *d, double x, double y, const char *text, enum lay_font font,
                  double size, lay_rgb color, enum lay_align align);
void blk_fig_label(blk_doc *d, double x, double y, const char *text, enum lay_font font,
                   double size, lay_rgb color, enum lay_align align, double max_width);
/* The figure's data table: between these, blk_table_row adds rows to it (n_cols
 * columns, the first names the row). Printed outputs skip it: the PDF has the same
 * numbers in its own tables and in the alt text. */
void blk_fig_data_begin(blk_doc *d, const lay_column *cols, size_t n_cols);
void blk_fig_data_end(blk_doc *d);
void blk_figure_end(blk_doc *d);

void blk_image(blk_doc *d, const char *path, double width, double height, enum lay_align align);
void blk_picture(blk_doc *d, const char *path, double width, double height, const char *alt,
                 bool keep_with_next);

/* The plain text of spans, in a (for alt texts, labels). */
const char *blk_spans_text(arena *a, const lay_span *spans, size_t n);
#endif
