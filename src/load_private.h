/* SPDX-License-Identifier: Apache-2.0 */
/* load_private.h - shared between the loader's files (src/load*.c) only. */
#ifndef SR_LOAD_PRIVATE_H
#define SR_LOAD_PRIVATE_H
#include "load.h"
#include <libxml/tree.h>
#include <stdbool.h>

#define LOAD_NS "urn:styrrapport:1"
#define LOAD_XI_NS "http://www.w3.org/2001/XInclude"
#define LOAD_MAX_BYTES ((size_t)64 << 20)   /* 64 MiB per file */
#define LOAD_MAX_INCLUDE_DEPTH 16
/* An include fan-out (each file including the next many times) multiplies without
 * any deep nesting: the number of xi:include resolved and the bytes they splice are
 * limited per document, as the billion laughs is by refusing entities. */
#define LOAD_MAX_INCLUDES 1000
#define LOAD_MAX_SPLICED ((size_t)64 << 20)   /* 64 MiB of included files in all */

/* One load call: where diagnostics go and which files are involved. */
typedef struct load_ctx {
	arena *a;                 /* the model's arena: owns every file name */
	diag_sink *d;
	const char *main_file;    /* as given */
	char *main_dir_real;      /* realpath of the main document's folder, or NULL */
	const char *chain[LOAD_MAX_INCLUDE_DEPTH + 2];   /* realpaths being included */
	int depth;
	bool spliced;             /* an included file's root is in the tree */
	const char **included;    /* realpaths of the files spliced in (arena) */
	size_t n_included, cap_included;
	size_t n_resolved;        /* xi:include resolved so far (LOAD_MAX_INCLUDES) */
	size_t spliced_bytes;     /* bytes of included files read so far (LOAD_MAX_SPLICED) */
	bool include_limit_hit;   /* told once; every later xi:include is dropped */
	size_t errors_before;     /* d->errors when the call started */
} load_ctx;

/* A file's bytes, malloc'ed (caller frees). */
typedef struct load_bytes {
	char *data;
	size_t len;
} load_bytes;

/* Reads path into *out. On failure returns -1 (unreadable) or -2 (over 64 MiB) with
 * a Swedish reason in why. */
int load_read_file(const char *path, load_bytes *out, char *why, size_t why_len);
/* Parses one file's bytes safely: refuses a DOCTYPE, maps libxml2's errors to the
 * sink under `file`. NULL when not usable (diagnostics given). Caller xmlFreeDoc. */
xmlDocPtr load_parse(load_ctx *c, const char *data, size_t len, const char *file);
/* False when the bytes cannot hold an xi:include: the XInclude namespace is spelled
 * out nowhere, not even through a character reference. Saves a walk of the tree. */
bool load_may_include(const char *data, size_t len);
/* Replaces every xi:include below and including root by the included file's root.
 * includer is the display name of the file root came from. False on any error. */
bool load_includes(load_ctx *c, xmlNodePtr root, const char *includer);
/* Compiles an XSD held in memory (the layout schema uses it too). NULL on failure. */
load_schema *load_schema_new_from(const unsigned char *xsd, unsigned long len);
/* Validates the spliced document; false when it breaks the XSD (diagnostics given). */
bool load_validate(load_ctx *c, const load_schema *s, xmlDocPtr doc);
/* Builds the model from a valid document into c->a (m is allocated there). */
sr_model *load_build(load_ctx *c, xmlDocPtr doc);
/* The file a node came from (display name) and its line. */
const char *load_node_file(const load_ctx *c, const xmlNode *n);
long load_node_line(const xmlNode *n);
/* True when n is an element of our namespace with local name `name`. */
bool load_is_el(const xmlNode *n, const char *name);

/* ---- model building (load_build.c, load_goals.c, load_econ.c) ---- */

/* A growing array, copied into the arena at the end so model arrays are exact. */
typedef struct load_vec {
	void *p;
	size_t n, cap, size;
} load_vec;

void load_vec_push(load_vec *v, const void *elem);
/* Copies the elements into arena memory (NULL when empty), frees the vector. */
void *load_vec_finish(load_vec *v, arena *a, size_t *n);

typedef struct load_builder {
	load_ctx *c;
	sr_model *m;
	arena *a;
	load_vec goals, roots, avsnitt, drift, projekt, personal, bidrag, ids, texts;
	/* MODEL v2 part 1 (issue 12) */
	load_vec tabeller, bilder, sjuk;
	size_t ord;              /* document order of räkningar and tabeller */
	load_vec uppdrag, nyckeltal, kontroller;   /* MODEL v2 part 2 (issue 13) */
} load_builder;

src_loc load_loc(load_builder *b, const xmlNode *n);
xmlNode *load_child(const xmlNode *parent, const char *name);
size_t load_count(const xmlNode *parent, const char *name);
/* Attribute copy in the arena, NULL when absent. */
const char *load_attr(load_builder *b, const xmlNode *n, const char *name);
/* The riktning attribute (the XSD allows only hogre and lagre; hogre by default). */
enum direction load_direction(load_builder *b, const xmlNode *n);
/* The same, also recorded as a user-written text (m->texts) with `what`. */
const char *load_text_attr(load_builder *b, const xmlNode *n, const char *name, const char *what);
void load_add_text(load_builder *b, const char *text, const char *what, src_loc loc);
/* Numbers via dec_parse; a bad one gets D_NUM_* naming it. True when present and valid. */
bool load_num_attr(load_builder *b, const xmlNode *n, const char *name, dec *out);
bool load_num_content(load_builder *b, const xmlNode *n, dec *out);
/* A whitespace-separated list of numbers; *n gets how many were written. */
dec *load_num_list(load_builder *b, const xmlNode *n, const char *name, size_t *count);
/* Whitespace-separated tokens of an attribute (arena); NULL/0 when absent. */
const char **load_tokens(load_builder *b, const xmlNode *n, const char *name, size_t *count);
/* Text content with XML white space collapsed and trimmed (arena). */
const char *load_plain(load_builder *b, const xmlNode *n);
/* Mixed content with b/i into runs; every run is recorded as a text with `what`. */
rich_text load_rich(load_builder *b, const xmlNode *n, const char *what);

avsnitt *load_avsnitt(load_builder *b, const xmlNode *n, const char *namndref);
mal *load_mal(load_builder *b, const xmlNode *n, const char *bidrag_ref);
void load_ekonomi(load_builder *b, const xmlNode *n);
void load_personal(load_builder *b, const xmlNode *n);
void load_bidrag(load_builder *b, const xmlNode *n);

/* ---- MODEL v2 part 1 (issue 12): load_table.c ---- */
/* One number token of attribute (or element) name; a bad one is reported like every
 * other number. True when valid. */
bool load_num_token(load_builder *b, const xmlNode *n, const char *name, const char *tok, dec *out);
void load_v2_init(load_builder *b);
void load_v2_finish(load_builder *b);
/* A tabell or bild child of an avsnitt or not into *bl; false for other elements. */
bool load_v2_block(load_builder *b, const xmlNode *k, block *bl);
/* The body of a rakning or tabell (kolumner, grupp, post, summa) and its attributes. */
void load_rakning_body(load_builder *b, const xmlNode *n, rakning *r, bool tabell);
void load_noter(load_builder *b, const xmlNode *n);
void load_sjukfranvaro(load_builder *b, const xmlNode *n);
/* The version 2 attributes of a driftredovisning rad, a projekt and a summa. */
void load_drift_v2(load_builder *b, const xmlNode *n, drift_rad *r);
void load_projekt_v2(load_builder *b, const xmlNode *n, projekt *p);
void load_summa_v2(load_builder *b, const xmlNode *n, summa_rad *s);
/* ---- MODEL v2 part 2 (issue 13) (load_scale.c; load_indikator in load_goals.c) ---- */
void load_indikator(load_builder *b, const xmlNode *n, indikator *ind);
/* mal= and an optional riktning on an indicator. */
void load_indikator_v2(load_builder *b, const xmlNode *n, indikator *ind);
/* The overordnad list and the status/prognos tokens as written. */
void load_mal_v2(load_builder *b, const xmlNode *n, mal *g);
/* malvarde-min/-max and which of malvarde/riktning were written. */
void load_finmal_v2(load_builder *b, const xmlNode *n, finansielltmal *f);
/* A child of rapport (bidrag_ref NULL) or of a namndbidrag that is new in part 2:
 * bedomningsskala, uppdrag, nyckeltal, internkontroll, kontroll. True when it was one. */
bool load_child_v2(load_builder *b, const xmlNode *k, const char *bidrag_ref);
void load_init_v2(load_builder *b);
void load_finish_v2(load_builder *b);
#endif
