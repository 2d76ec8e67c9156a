/* SPDX-License-Identifier: Apache-2.0 */
/* cli.h - shared between the command-line files (main.c, cli_*.c) only. */
#ifndef SR_CLI_H
#define SR_CLI_H
#include "styrrapport.h"

enum cli_diag_format { CLI_DIAG_TEXT, CLI_DIAG_JSON };

struct cli {
	const char *command;
	const char **inputs;       /* "-" is standard input */
	size_t n_inputs;
	const char *out;           /* -o; "-" is standard output */
	sr_render_options render;
	const char *html;          /* render --html MAPP; the html command's -o */
	bool html_only;            /* the html command: no PDF */
	const char *pdf;           /* html --pdf: the PDF the site links to (a file or an address) */
	enum cli_diag_format diag_format;   /* --diagnostics=text|json */
	const char *data_dir;      /* for sr_session_new (NULL: the library's default) */
	struct {                   /* styrrapport ny */
		const char *typ, *kommun, *kommunkod, *ar, *namnd;
	} ny;
};

/* Prints "styrrapport: fel: MESSAGE" and the hint to --help; returns SR_USAGE. */
int cli_usage_error(const char *fmt, const char *arg);

/* Opens a document: a path, or standard input for "-". */
sr_report *cli_open(sr_session *s, const char *path);
/* Prints a report's diagnostics in the chosen format (text or JSON lines). */
void cli_print_diagnostics(const struct cli *c, const sr_report *r, FILE *out);
/* Prints one diagnostic of the command line itself (a folder that cannot be read) in
 * the same formats: "FILE:0: fel: [KOD] message". */
void cli_print_error(const struct cli *c, FILE *out, const char *file, const char *code,
                     const char *message);
/* Renders r to out, or to standard output when out is "-" (through a private
 * temporary file: nothing reaches stdout unless the whole PDF was made). */
int cli_render_to(sr_report *r, const char *out, const sr_render_options *o);

/* The commands (one function each, dispatched from the table in main.c). */
int cli_render(sr_session *s, const struct cli *c);
/* styrrapport html FIL... -o MAPP (issue 15): the website, no PDF. */
int cli_html(sr_session *s, const struct cli *c);
int cli_new(sr_session *s, const struct cli *c);
/* styrrapport import (argv[0] is "import"): parses its own options, makes its own session
 * over data_dir (NULL: the installed data); returns an sr_exit. */
int cli_import(int argc, char **argv, const char *data_dir);
#endif
