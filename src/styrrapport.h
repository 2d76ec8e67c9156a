/* SPDX-License-Identifier: Apache-2.0 */
/* styrrapport.h - the public interface of libstyrrapport: load, validate, compute and
 * render a kommun's follow-up report (the XML model of MODEL.md) into a PDF. This is
 * the one header a diarium system includes; everything else is internal.
 *
 * Use:
 *   sr_session *s = sr_session_new(NULL, why, sizeof why);   // once per process
 *   sr_report *r = sr_open(s, "rapport.xml");                 // load + validate
 *   if (sr_status(r) == SR_OK) sr_render(r, "rapport.pdf", NULL);
 *   sr_print_diagnostics(r, stderr);
 *   sr_close(r); sr_session_free(s);
 * A session is not thread-safe; use one per thread. */
#ifndef STYRRAPPORT_H
#define STYRRAPPORT_H
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Marks the exported API: libstyrrapport.so is built with -fvisibility=hidden. */
#if defined(__GNUC__)
#define SR_API __attribute__((visibility("default")))
#else
#define SR_API
#endif

/* Exit classes (MODEL.md "Bad input"); with several files the highest wins. */
enum sr_exit {
	SR_OK = 0,        /* valid (warnings allowed) */
	SR_INVALID = 1,   /* the document (or the layout) is invalid */
	SR_USAGE = 2,     /* wrong usage of the command line */
	SR_RUNTIME = 3    /* a file could not be read or written, or another runtime failure */
};

typedef struct sr_session sr_session;
typedef struct sr_report sr_report;

typedef struct sr_diagnostic {
	const char *file;
	long line;             /* 0 when unknown */
	bool error;            /* false: a warning */
	const char *code;      /* stable code, e.g. "DNR-FORMAT" */
	const char *message;   /* Swedish */
	long column;           /* 0 when unknown (known for XML syntax errors) */
} sr_diagnostic;

typedef struct sr_render_options {
	bool no_pdfa;              /* plain PDF instead of PDF/A-2b */
	bool manifest;             /* also write OUT.xml beside OUT.pdf for the diarium */
	const char *layout_path;   /* a kommun's own layout file; NULL: the built-in one */
} sr_render_options;

SR_API const char *sr_version(void);
/* A Swedish explanation of an errno value ("mappen eller filen finns inte"). */
SR_API const char *sr_strerror(int e);

/* Resources shared by many documents (schema; fonts loaded on first render).
 * data_dir holds layouts/, fonts/ and sRGB.icc (or, a source tree,
 * src/resources/sRGB.icc); NULL means $STYRRAPPORT_DATA, else the installed paths
 * compiled in (the fonts and the profile may live elsewhere, e.g. in the
 * distribution's packages). Returns NULL with a Swedish reason in why. Caller frees. */
SR_API sr_session *sr_session_new(const char *data_dir, char *why, size_t why_len);
SR_API void sr_session_free(sr_session *s);

/* Loads and validates one document. Never NULL; check sr_status. Caller closes. */
SR_API sr_report *sr_open(sr_session *s, const char *path);
/* Same, from memory; name is used in diagnostics and for resolving includes. */
SR_API sr_report *sr_open_memory(sr_session *s, const char *data, size_t len, const char *name);
/* Same, read from a stream to its end (e.g. stdin; the size limit of a file applies);
 * name as for sr_open_memory ("-": includes resolve against the current folder). */
SR_API sr_report *sr_open_stream(sr_session *s, FILE *in, const char *name);
SR_API void sr_close(sr_report *r);

/* The worst exit class so far (SR_OK, SR_INVALID or SR_RUNTIME). */
SR_API int sr_status(const sr_report *r);
/* True when the file is a nämnd contribution (root namndbidrag), not a report. */
SR_API bool sr_is_contribution(const sr_report *r);

/* Prints the computed figures as <berakning> XML (MODEL.md "Computed output").
 * Returns an sr_exit; nothing is printed for an invalid document. */
SR_API int sr_write_computed(sr_report *r, FILE *out);

/* Typesets the report into out_pdf (and with opts->manifest its manifest OUT.xml):
 * each written to a new temporary file beside it through that file's descriptor, and
 * both renamed into place together at the end or neither, so an existing file is never
 * clobbered by a failed run. A new file's mode follows the umask, a replaced one keeps
 * its own. Refused before any work: a target that is a file the run reads, a manifest
 * over a file that is no manifest, a FIFO nobody reads; a device or pipe is written
 * directly once the PDF is complete (never with a manifest). opts may be NULL. */
SR_API int sr_render(sr_report *r, const char *out_pdf, const sr_render_options *opts);

/* Writes the report as a small static website into the folder dir (docs/html.md):
 * index.html, sammanfattning.html, one page per chapter, styrrapport.css, fonts/ and
 * bilder/. Written to a temporary folder beside dir and renamed into place when
 * complete, so a failed run leaves an earlier site untouched (and an interrupted one
 * nothing: see sr_remove_temp_files); dir may be new, empty, or an earlier site of this
 * program, nothing else. pdf: the PDF every page links to — a PDF file (e.g. one just
 * made by sr_render) copied into the site under its own name, or an http(s) address
 * linked as given — or NULL: no PDF link, and the warning WEBB-UTAN-PDF. opts may be
 * NULL. Returns an sr_exit. */
SR_API int sr_render_html(sr_report *r, const char *dir, const sr_render_options *opts,
                          const char *pdf);

/* Writes the laid-out pages as text (one line per display item: position, font, role,
 * text) for golden tests and debugging, without making a PDF. Returns an sr_exit. */
SR_API int sr_dump_layout(sr_report *r, FILE *out, const sr_render_options *opts);

SR_API size_t sr_diagnostic_count(const sr_report *r);
SR_API sr_diagnostic sr_diagnostic_at(const sr_report *r, size_t i);
/* Prints every diagnostic, sorted by file and line, as "FILE:LINE: fel: [KOD] text". */
SR_API void sr_print_diagnostics(const sr_report *r, FILE *out);
/* Prints every diagnostic, in the same order, as one JSON object per line
 * ({"file","line","column","level","code","message"}; docs/diagnostics-json.md). */
SR_API void sr_print_diagnostics_json(const sr_report *r, FILE *out);
/* Prints one diagnostic in the same form. FILE and the message are printed with their
 * control characters escaped (\n, \t, \x1b, ...), so that no file name can start a line
 * of its own: use these two for every file name a program prints next to them. */
SR_API void sr_print_diagnostic(FILE *out, const sr_diagnostic *d);
SR_API void sr_print_name(FILE *out, const char *name);

/* Removes the temporary files of every sr_render in progress in this process (the
 * output files it has not yet renamed into place; a rename under way is finished
 * first) and the temporary folders of every sr_render_html, with their content, and makes every later attempt to create one fail: it is for ending the
 * process. Async-signal-safe: call it from a SIGINT/SIGTERM/SIGHUP handler, then end
 * the process (re-raise the signal). sr_render blocks those three signals in its
 * thread only for the few system calls that create and rename the files. */
SR_API void sr_remove_temp_files(void);

/* Prints the catalogue of diagnostic codes as a Markdown table (docs/diagnostics.md). */
SR_API void sr_print_catalogue(FILE *out);

/* ---- import (issue 17): figures from Kolada and the ledger's spreadsheets ----
 * sr_import_run reads a valid document and data files, edits the document's XML (its
 * formatting and comments kept) and checks the result; nothing is written until
 * sr_import_write. Every changed value is an info line "FIL:RAD: info: [IMPORT] …". */
typedef enum sr_import_kind {
	SR_IMPORT_KOLADA,          /* Kolada API JSON (v2/v3) or the Kolada web CSV */
	SR_IMPORT_DRIFT,           /* CSV: nämnd;budget;utfall;prognos;… */
	SR_IMPORT_INVESTERINGAR,   /* CSV: projekt;budget;utfall;prognos;… */
	SR_IMPORT_INDIKATORER,     /* CSV: indikator;år;utfall;målvärde */
	SR_IMPORT_RAKNING          /* CSV: post;<kolumn>…, for the räkning named by rakning */
} sr_import_kind;

typedef struct sr_import_source {
	sr_import_kind kind;
	const char *path;          /* read from here, or the name of data in diagnostics */
	const char *rakning;       /* SR_IMPORT_RAKNING: its id, typ or rubrik */
	const char *data;          /* non-NULL: the file's bytes (path is only a name) */
	size_t len;
} sr_import_source;

typedef struct sr_import_options {
	const sr_import_source *sources;
	size_t n_sources;
	const char *kommunkod;     /* NULL: the document's kommun/@kommunkod */
} sr_import_options;

typedef struct sr_import sr_import;
/* Never NULL; check sr_import_status. Caller frees with sr_import_free. */
SR_API sr_import *sr_import_run(sr_session *s, const char *doc_path, const sr_import_options *o);
/* Same with the document in memory (name: diagnostics and includes). */
SR_API sr_import *sr_import_run_memory(sr_session *s, const char *data, size_t len, const char *name,
                                const sr_import_options *o);
/* The worst exit class (SR_OK, SR_INVALID, SR_RUNTIME). */
SR_API int sr_import_status(const sr_import *im);
/* How many values the import changed. */
SR_API size_t sr_import_change_count(const sr_import *im);
/* The new document's bytes (NULL unless the status is SR_OK). */
SR_API const char *sr_import_result(const sr_import *im, size_t *len);
/* Writes the new document to out (a temporary file beside it, fsync, rename; out may
 * be the original document). Returns an sr_exit; nothing is written unless SR_OK. */
SR_API int sr_import_write(sr_import *im, const char *out);
/* Prints the change lines, warnings and errors, sorted by file and line. */
SR_API void sr_import_print(const sr_import *im, FILE *out);
SR_API void sr_import_free(sr_import *im);
/* Prints the Kolada API URLs (v2, then v3) for the document's indicators and years;
 * problems go to err. Returns an sr_exit. */
SR_API int sr_import_print_urls(sr_session *s, const char *doc_path, FILE *out, FILE *err);
#endif
