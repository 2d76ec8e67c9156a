/* SPDX-License-Identifier: Apache-2.0 */
/* load.h - the loader: reads a report document safely (no DOCTYPE, no network),
 * resolves its xi:include itself, validates it against the embedded XSD and builds
 * the model of model.h. Messages go into a diag_sink, in Swedish. */
#ifndef SR_LOAD_H
#define SR_LOAD_H
#include "diag.h"
#include "model.h"
#include <stddef.h>

typedef struct load_schema load_schema;
/* Compiles the XSD embedded in the binary. NULL only on an internal failure. */
load_schema *load_schema_new(void);
void load_schema_free(load_schema *s);
/* Reads path safely, resolves xi:include itself, validates against the XSD and builds
 * the model. Returns NULL (with diagnostics in d) when the file cannot be read
 * (D_FILE_READ, exit class 3), is not well-formed, has a DOCTYPE, or breaks the XSD.
 * Number errors found while building (D_NUM_*) are reported and the model is still
 * returned. Caller frees with model_free. */
sr_model *load_document(const char *path, const load_schema *xsd, diag_sink *d);
/* The same from memory (fuzzing): name is used in diagnostics; includes resolve
 * relative to name's folder under the same rules. */
/* Reads in to its end (stdin), then as load_document_memory. */
sr_model *load_document_stream(FILE *in, const char *name, const load_schema *xsd, diag_sink *d);
sr_model *load_document_memory(const char *data, size_t len, const char *name,
                               const load_schema *xsd, diag_sink *d);
#endif
