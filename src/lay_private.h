/* SPDX-License-Identifier: Apache-2.0 */
/* lay_private.h - the layout engine's internal structures; for use inside src/lay*.c only. */
#ifndef SR_LAY_PRIVATE_H
#define SR_LAY_PRIVATE_H
#include "lay.h"

#define LAY_EPS 1e-6
#define LAY_CELL_PAD 3.0          /* pt around the text of a table cell */
#define LAY_MARKER_SCALE 0.8      /* marker size as a share of the font size */
#define LAY_MARKER_GAP 0.35       /* gap after a marker, share of the font size */
#define LAY_FIG_SPACE 4.0         /* pt above and below a figure or image */
#define LAY_TOC_INDENT 12.0       /* pt per TOC level */

/* ---- line breaking (lay_break.c) ---- */
enum brk_kind { BRK_TEXT, BRK_SPACE, BRK_HYPHEN, BRK_SOFT };

/* One piece of a paragraph: text without break opportunities, or a break opportunity. */
typedef struct brk_item {
	enum brk_kind kind;
	size_t span;
	const char *s;             /* BRK_TEXT: bytes inside the span's text */
	size_t len;
	double w;                  /* advance; BRK_SOFT: width of the "-" drawn at a break */
} brk_item;

/* A broken line: items [a, b), then an optional tail (the first part of a word broken
 * by characters), then a visible hyphen if the line ends at a soft hyphen. */
typedef struct lay_line {
	size_t a, b;
	size_t tail_span;
	const char *tail;
	size_t tail_len;
	double tail_w;
	bool hyphen;
	size_t hyphen_span;
	double width;
} lay_line;

typedef struct lay_box {       /* a paragraph broken into lines */
	const lay_metrics *m;      /* what measured it: a line's pieces are measured whole */
	const lay_span *spans;
	size_t n_spans;
	double size;
	brk_item *items;
	size_t n_items;
	lay_line *lines;
	size_t n_lines;
} lay_box;

typedef struct lay_piece {     /* a run of one span on one line */
	size_t span;
	char *text;
	double x, w;               /* x from the line start */
} lay_piece;

/* Working arrays reused from paragraph to paragraph (malloc'd, owned by the lay_doc):
 * growing them inside an arena would keep every outgrown copy until the arena dies. */
typedef struct lay_scratch {
	brk_item *items;
	size_t cap_items;
	lay_line *lines;
	size_t cap_lines;
	lay_piece *pieces;
	size_t cap_pieces;
	char *buf;
	size_t cap_buf;
	/* Hyphenation (metrics->hyphenate) for the next breaks: LAY_HYPH_NONE, LAY_HYPH_LONG
	 * (only a word wider than the line), LAY_HYPH_TEXT (also a word that would leave a
	 * gap at the end of the line, running text). */
	int hyph;
	double *nb;                /* tables: widest number per column */
	size_t cap_nb;
} lay_scratch;

enum { LAY_HYPH_TEXT, LAY_HYPH_LONG, LAY_HYPH_NONE };
/* Running text hyphenates a word that does not fit when breaking before it would leave
 * more than this many em of the line empty (and a head of the word fits there). */
#define LAY_HYPH_GAP 2.0

void lay_scratch_free(lay_scratch *s);
/* Grows a malloc'd array of *cap elements to hold at least need (xrealloc, doubling). */
void *lay_vgrow(void *p, size_t *cap, size_t need, size_t elem);

/* Breaks spans into lines no wider than width; the box's arrays go into arena a at their
 * exact size, the work is done in s. */
void lay_break_s(lay_scratch *s, arena *a, const lay_metrics *m, const lay_span *spans,
                 size_t n, double size, double width, lay_box *out);
/* The same with a scratch of its own (tests). */
void lay_break(arena *a, const lay_metrics *m, const lay_span *spans, size_t n, double size,
               double width, lay_box *out);
/* The drawn runs of line i of b; returns how many. The array is s's, valid until its
 * next use; the strings are in arena a. */
size_t lay_line_pieces_s(lay_scratch *s, arena *a, const lay_box *b, size_t i,
                         lay_piece **out);
/* The same with the array in arena a too (tests). */
size_t lay_line_pieces(arena *a, const lay_box *b, size_t i, lay_piece **out);
/* Widest unbreakable piece (min) and the unbroken width (max) of spans. */
void lay_measure(lay_scratch *s, const lay_metrics *m, const lay_span *spans, size_t n,
                 double size, double *min_w, double *max_w);

/* ---- the document (lay.c) ---- */
enum blk_kind { BK_HEADING, BK_PARA, BK_LIST, BK_SPACE, BK_BREAK, BK_TOC, BK_TABLE, BK_FIGURE,
                BK_IMAGE };

typedef struct lay_trow {
	enum lay_row_kind kind;
	bool *nobreak;             /* per cell: a number, date or percentage (never broken) */
	lay_cell *cells;           /* n_cols, spans copied */
	bool has_fill;
	lay_rgb fill;
	lay_box *boxes;            /* prepared: one per cell */
	double height;
	char **links;              /* MODEL v2 part 1 (issue 12): per cell, an anchor or NULL */
	bool keep_prev, keep_next; /* MODEL v2 part 1 (issue 12): a varav row, a group heading */
} lay_trow;

typedef struct lay_table {
	lay_column *cols;
	size_t n_cols;
	bool *row_header;          /* per column: its body cells are row headers */
	lay_trow *rows;
	size_t n_rows, cap_rows;
	double *colw;              /* prepared widths */
	const char *file;          /* lay_table_at */
	long line;
} lay_table;

enum fig_kind { FP_RECT, FP_LINE, FP_MARKER, FP_TEXT };

typedef struct fig_prim {
	enum fig_kind kind;
	double x, y, w, h;         /* figure coordinates; FP_LINE: (x, y) to (w, h) */
	lay_rgb color;
	double line_width, size;
	double dash;               /* FP_LINE: 0 = solid */
	enum lay_shape shape;
	enum lay_font font;
	enum lay_align align;
	char *text;
} fig_prim;

typedef struct lay_figure {
	double w, h;
	char *alt;
	fig_prim *prims;
	size_t n_prims, cap_prims;
} lay_figure;

typedef struct lay_toc_entry {
	size_t block;              /* the heading */
	lay_box box;               /* its title broken into the entry width */
} lay_toc_entry;

typedef struct lay_block {
	enum blk_kind kind;
	lay_style st;
	enum lay_role role;
	int level;
	bool in_toc;
	lay_span *spans;
	size_t n_spans;
	char *label;               /* list label; heading title (outline) */
	double amount;             /* BK_SPACE */
	int toc_max;
	lay_toc_entry *toc;        /* prepared */
	size_t n_toc;
	lay_table *tab;
	lay_figure *fig;
	char *path;                /* BK_IMAGE */
	char *alt;                 /* BK_IMAGE: a picture's alternative text (NULL: the logo) */
	int list;                  /* BK_LIST: the first block of its list */
	double iw, ih;
	enum lay_align align;
	lay_box box;               /* prepared text */
	double hang;               /* list: text offset from the label */
	char *anchor;              /* BK_HEADING (MODEL v2 part 1, issue 12): its name for links */
} lay_block;

struct lay_doc {
	arena *a;
	const lay_page_setup *setup;
	const lay_metrics *m;
	lay_block *blocks;         /* malloc'd, like the tables' rows and figures' prims */
	size_t n_blocks, cap_blocks;
	lay_scratch scratch;
	lay_table *open_table;
	lay_figure *open_fig;
	size_t fig_block;
	bool list_open;            /* between lay_list_begin and lay_list_end */
	long list_first;           /* the open list's first item, -1 before it */
	bool prepared;
	char **warnings;           /* in a, copied into the result */
	const char **warning_files;
	long *warning_lines;
	size_t n_warnings, cap_warnings, cap_warning_at;
};

/* Records a warning for the result (a Swedish sentence) about the element at file
 * (NULL: the document) and line (0: unknown). */
void lay_warn_at(lay_doc *d, const char *file, long line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

double lay_text_width(const lay_doc *d);
/* Bytes of s that fit in max_w with an ellipsis after them, cut at a character start. */
size_t lay_fit_prefix(const lay_metrics *m, enum lay_font font, double size, const char *s,
                      double max_w);
/* text shortened to max_width with "…" (arena), or NULL when it fits as it is. */
char *lay_shorten(arena *a, const lay_metrics *m, enum lay_font font, double size,
                  const char *text, double max_width);
double lay_leading(const lay_style *st);

/* ---- tables (lay_table.c) ---- */
/* Column widths and cell boxes of every row; width is the text width. */
void lay_table_prepare(lay_doc *d, lay_block *b, double width);
enum lay_align lay_cell_align(const lay_table *t, size_t row, size_t col);
/* ROLE_TABLE_HEADER (a header row), ROLE_ROW_HEADER (a row_header column) or ROLE_TABLE_CELL. */
enum lay_role lay_cell_role(const lay_table *t, size_t row, size_t col);
double lay_marker_room(const lay_style *st);

/* ---- placement (lay_page.c, lay_place.c, lay_table.c); lay_dump.c dumps and checks ---- */
typedef struct lay_pg {
	dl_item *items;            /* malloc'd while placing; copied into the result at the end */
	size_t n, cap;
} lay_pg;

/* A TOC item whose page number or link target is filled in after the single pass: the
 * TOC's geometry never depends on its numbers (fixed number column), so where the
 * headings land is final once they are placed. */
typedef struct lay_tocfix {
	size_t page, item;         /* in the placer's pages */
	size_t head;               /* the heading's block */
	double right;              /* DL_TEXT: right edge of the number */
} lay_tocfix;

typedef struct lay_placer {
	lay_doc *d;
	arena *ra;                 /* the result's arena */
	lay_pg *pages;             /* malloc'd */
	size_t n_pages, cap_pages;
	double y;                  /* top of the free space on the current page */
	bool empty;                /* nothing placed on the current page yet */
	int *blk_page;             /* per block: page (1-based) where it started, this pass */
	double *blk_y;             /* per block: top of its first line */
	lay_tocfix *fix;           /* malloc'd */
	size_t n_fix, cap_fix;
	double top, bottom, left;  /* the page body */
	const char *alt;           /* the current figure's alt text, in the result's arena */
} lay_placer;

dl_item *lay_emit(lay_placer *p, enum dl_kind k, enum lay_role role, size_t block);
/* Marks the item just emitted as showing heading head's page (number or link). */
void lay_toc_fix(lay_placer *p, size_t head, double right);
void lay_new_page(lay_placer *p);
double lay_room(const lay_placer *p);
double lay_body_height(const lay_placer *p);
/* Baseline of a line whose line box starts at top. */
double lay_baseline(const lay_metrics *m, double size, double leading, double top);
/* DL_TEXT items of line i of box b: x is the left edge of the box w wide. */
void lay_emit_line(lay_placer *p, size_t blk, const lay_box *b, size_t i, double x, double w,
                   enum lay_align al, double baseline, enum lay_role role, int level);
/* The same, for a table cell (row and col on every item). */
void lay_emit_cell_line(lay_placer *p, size_t blk, const lay_box *b, size_t i, double x,
                        double w, enum lay_align al, double baseline, enum lay_role role,
                        int row, int col);
void lay_place_table(lay_placer *p, size_t bi);
/* Height a table needs on its first page: space_before, header rows and one body row. */
double lay_table_start_height(const lay_placer *p, const lay_block *b);
/* The whole table with its space before and after (capped at a page): what a keep
 * chain through a keep-with-next table needs. */
double lay_table_height(const lay_placer *p, const lay_block *b);
void lay_place_block(lay_placer *p, size_t bi);
double lay_block_start_height(const lay_placer *p, size_t bi);
double lay_block_height(const lay_placer *p, size_t bi);
#endif
