/* SPDX-License-Identifier: Apache-2.0 */
/* render.c - a diarium system in miniature: built against the INSTALLED libstyrrapport
 * with `pkg-config --cflags --libs styrrapport` (tests/e2e/install.sh), it validates one
 * document, prints its diagnostics and renders it to a PDF.
 * Usage: render IN.xml OUT.pdf  (data: the installed paths, or $STYRRAPPORT_DATA) */
#include <styrrapport.h>
#include <stdio.h>

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: render IN.xml OUT.pdf\n");
		return SR_USAGE;
	}
	char why[512] = "";
	sr_session *s = sr_session_new(NULL, why, sizeof why);
	if (!s) {
		fprintf(stderr, "render: %s\n", why);
		return SR_RUNTIME;
	}
	sr_report *r = sr_open(s, argv[1]);
	int st = sr_status(r);
	if (st == SR_OK)
		st = sr_render(r, argv[2], NULL);
	for (size_t i = 0; i < sr_diagnostic_count(r); i++) {
		sr_diagnostic d = sr_diagnostic_at(r, i);
		fprintf(stderr, "%s:%ld: [%s] %s\n", d.file, d.line, d.code, d.message);
	}
	printf("styrrapport %s: %s -> %s, status %d\n", sr_version(), argv[1], argv[2], st);
	sr_close(r);
	sr_session_free(s);
	return st;
}
