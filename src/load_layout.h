/* SPDX-License-Identifier: Apache-2.0 */
/* load_layout.h - reads a kommun's layout file (docs/layouts.md) safely, validates it
 * against the embedded layout XSD and keeps what it sets, to be laid over the built-in
 * style of a report type. Messages go into a diag_sink, in Swedish. */
#ifndef SR_LOAD_LAYOUT_H
#define SR_LOAD_LAYOUT_H
#include "diag.h"
#include "load.h"
#include "report.h"
#include <stddef.h>

#define LOAD_LAYOUT_NS "urn:styrrapport:layout:1"

typedef struct load_layout load_layout;

/* Compiles the layout XSD embedded in the binary. NULL only on an internal failure.
 * Free with load_schema_free. */
load_schema *load_layout_schema_new(void);
/* Reads path and validates it. NULL (with diagnostics in d) when the file cannot be
 * read (D_FILE_READ, exit class 3), is not well-formed, has a DOCTYPE, breaks the XSD
 * or a rule of docs/layouts.md (D_LAYOUT). Caller frees with load_layout_free. */
load_layout *load_layout_read(const char *path, const load_schema *xsd, diag_sink *d);
/* The same from memory; name is used in diagnostics. */
load_layout *load_layout_memory(const char *data, size_t len, const char *name,
                                const load_schema *xsd, diag_sink *d);
void load_layout_free(load_layout *l);

/* Overwrites in s every value the file gives; the rest of s (the report type's
 * defaults) is kept. Strings put into s are owned by l, which must outlive s's use. */
void load_layout_apply(const load_layout *l, report_style *s);
/* After load_layout_apply: checks the style s as a whole — the text area at least
 * 144 pt each way, the running header and footer (and FÖRSLAG on a draft) inside the
 * margins, the logo and every role's line, spaces and indent inside the text area, four
 * different status shapes — and that every avsnitt:<id> of <ordning> names a section of
 * the document m. False, with D_LAYOUT at the file's lines, when something is wrong. */
bool load_layout_check(const load_layout *l, const report_style *s, const sr_model *m, bool draft,
                       diag_sink *d);
/* The fonts the file names (<typsnitt normal= fet= kursiv=>, paths resolved against the
 * file's folder): true and the three paths, the family and the line; false when the
 * file keeps the bundled Open Sans. */
bool load_layout_fonts(const load_layout *l, const char **files, const char **family,
                       long *line);
/* The file's name as diagnostics give it. */
const char *load_layout_file(const load_layout *l);
/* The typ attribute of the file, or RT_MAX when it has none. */
enum report_type load_layout_type(const load_layout *l);
#endif
