/* cli.h - shared between the command-line files (main.c, cli_render.c) only. */
#ifndef SR_CLI_H
#define SR_CLI_H
#include "styrrapport.h"

struct cli {
	const char *command;
	const char **inputs;
	size_t n_inputs;
	const char *out;
	sr_render_options render;
};

/* Prints a usage error and the usage text; returns SR_USAGE. */
int cli_usage_error(const char *fmt, const char *arg);
/* styrrapport render: one file, several files or folders. */
int cli_render(sr_session *s, const struct cli *c);
/* styrrapport import (argv[0] is "import"): parses its own options; returns an sr_exit. */
int cli_import(int argc, char **argv);
#endif
