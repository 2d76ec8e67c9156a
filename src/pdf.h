/* SPDX-License-Identifier: Apache-2.0 */
/* pdf.h - the PDF backend: the only module that calls libharu. It loads the fonts,
 * measures text for the layout engine, and writes a display list to a PDF file. */
#ifndef SR_PDF_H
#define SR_PDF_H
#include "font.h"
#include "lay.h"
#include <stdbool.h>

typedef struct pdf_writer pdf_writer;

/* Document-level metadata. Strings are UTF-8; NULL means absent. */
typedef struct pdf_info {
	const char *title, *author, *subject, *keywords, *description;
	const char *creator;          /* "styrrapport 0.1.0" */
	const char *date;             /* ISO YYYY-MM-DD: creation/modification date (from the document) */
	const char *lang;             /* "sv-SE" */
	bool pdfa;                    /* PDF/A-2b (issue 5); false = plain PDF */
	const char *icc_path;         /* sRGB profile for the OutputIntent, when pdfa */
	/* The checked pixels of every DL_IMAGE, found by its text (img.h); the writer
	 * opens no image file. NULL: the document has no images. */
	const struct img_list *images;
} pdf_info;

/* Loads regular, bold and italic TrueType fonts from font_dir (OpenSans-Regular.ttf,
 * OpenSans-Bold.ttf, OpenSans-Italic.ttf) and the fallback DejaVuSans.ttf when it is
 * there. Returns NULL and a Swedish reason in why. */
pdf_writer *pdf_writer_new(const char *font_dir, char *why, size_t why_len);
/* The same with other files (a layout's fonts, font.h). */
pdf_writer *pdf_writer_new_fonts(const font_files *files, char *why, size_t why_len);
void pdf_writer_free(pdf_writer *w);

/* Metrics of the loaded fonts; valid while w lives, across documents. */
const lay_metrics *pdf_writer_metrics(pdf_writer *w);

/* Writes the pages to path (the caller handles temp-file-and-rename). Returns 0, or -1
 * with a Swedish reason in why. Reusable for many documents. */
int pdf_write(pdf_writer *w, const lay_result *pages, const pdf_info *info,
              const char *path, char *why, size_t why_len);
/* The same, into memory: *buf (malloc'd, the caller frees) holds the whole file, so
 * the caller decides how and where it is written. */
int pdf_write_memory(pdf_writer *w, const lay_result *pages, const pdf_info *info,
                     unsigned char **buf, size_t *len, char *why, size_t why_len);
#endif
