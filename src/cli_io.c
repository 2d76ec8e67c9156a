/* SPDX-License-Identifier: Apache-2.0 */
/* cli_io.c - the command line's own input and output conventions: "-" as standard
 * input and as standard output, and the two formats of diagnostics (text, JSON). */
#include "cli.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

sr_report *cli_open(sr_session *s, const char *path)
{
	if (strcmp(path, "-") == 0)   /* named "-": includes resolve against the current folder */
		return sr_open_stream(s, stdin, "-");
	return sr_open(s, path);
}

void cli_print_diagnostics(const struct cli *c, const sr_report *r, FILE *out)
{
	if (c->diag_format == CLI_DIAG_JSON)
		sr_print_diagnostics_json(r, out);
	else
		sr_print_diagnostics(r, out);
}

static void json_string(FILE *out, const char *t)
{
	fputc('"', out);
	for (const unsigned char *p = (const unsigned char *)t; *p; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(out, "\\%c", *p);
		else if (*p < 0x20)
			fprintf(out, "\\u%04x", *p);
		else
			fputc(*p, out);
	}
	fputc('"', out);
}

void cli_print_error(const struct cli *c, FILE *out, const char *file, const char *code,
                     const char *message)
{
	if (c->diag_format != CLI_DIAG_JSON) {   /* escaped like every diagnostic */
		sr_diagnostic d = {.file = file, .error = true, .code = code, .message = message};
		sr_print_diagnostic(out, &d);
		return;
	}
	fputs("{\"file\":", out);
	json_string(out, file);
	fputs(",\"line\":null,\"column\":null,\"level\":\"error\",\"code\":", out);
	json_string(out, code);
	fputs(",\"message\":", out);
	json_string(out, message);
	fputs("}\n", out);
}

/* Copies the finished PDF to standard output. */
static int copy_to_stdout(const char *path)
{
	FILE *in = fopen(path, "rb");
	if (!in)
		return -1;
	char buf[1 << 16];
	size_t n;
	int rc = 0;
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		if (fwrite(buf, 1, n, stdout) != n) {
			rc = -1;
			break;
		}
	if (ferror(in))
		rc = -1;
	fclose(in);
	if (fflush(stdout) != 0)
		rc = -1;
	return rc;
}

int cli_render_to(sr_report *r, const char *out, const sr_render_options *o)
{
	if (strcmp(out, "-") != 0)
		return sr_render(r, out, o);
	const char *tmp = getenv("TMPDIR");
	char dir[4096];
	snprintf(dir, sizeof dir, "%s/styrrapport-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir)) {
		fprintf(stderr, "styrrapport: fel: [FIL-SKRIVA] ingen tillfällig mapp kunde skapas i %s: %s\n",
		        tmp && *tmp ? tmp : "/tmp", sr_strerror(errno));
		return SR_RUNTIME;
	}
	char pdf[4200];
	snprintf(pdf, sizeof pdf, "%s/ut.pdf", dir);
	int st = sr_render(r, pdf, o);
	if (st == SR_OK && copy_to_stdout(pdf) != 0) {
		fprintf(stderr, "-:0: fel: [FIL-SKRIVA] PDF:en kunde inte skrivas till standard ut: %s\n",
		        sr_strerror(errno));
		st = SR_RUNTIME;
	}
	unlink(pdf);
	rmdir(dir);
	return st;
}
