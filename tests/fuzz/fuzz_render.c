/* SPDX-License-Identifier: Apache-2.0 */
/* fuzz_render.c - libFuzzer harness: one input document through load, validate,
 * compute and render, all in memory, the PDF written to /dev/null. */
#include "styrrapport.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* One session for the whole run: the schema and fonts are loaded once, as in a
 * diarium system that renders many documents in one process. */
static sr_session *session;
/* Where the document "lives": $SR_FUZZ_DOC (run.sh points it into a folder holding
 * the Arboga sample's namnder/, so the seeds' includes resolve), else an empty
 * scratch folder. Includes and logotyp resolve against it. */
static char doc_name[4096];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	char why[512] = "";
	session = sr_session_new(getenv("STYRRAPPORT_DATA"), why, sizeof why);
	if (!session) {
		fprintf(stderr, "fuzz: ingen session: %s\n", why);
		exit(1);
	}
	const char *given = getenv("SR_FUZZ_DOC");
	if (given && *given) {
		snprintf(doc_name, sizeof doc_name, "%s", given);
		return 0;
	}
	char dir[] = "/tmp/srfuzz-XXXXXX";
	if (!mkdtemp(dir)) {
		perror("fuzz: mkdtemp");
		exit(1);
	}
	snprintf(doc_name, sizeof doc_name, "%s/fuzz.xml", dir);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	sr_report *r = sr_open_memory(session, (const char *)data, size, doc_name);
	size_t n = sr_diagnostic_count(r);
	for (size_t i = 0; i < n; i++) {
		sr_diagnostic d = sr_diagnostic_at(r, i);
		/* every diagnostic must be printable: touch every string */
		if (!d.code || !d.message || !d.file || strlen(d.code) == 0)
			abort();
	}
	FILE *null = fopen("/dev/null", "w");
	if (null) {
		sr_print_diagnostics(r, null);
		if (sr_status(r) == SR_OK && !sr_is_contribution(r))
			sr_write_computed(r, null);
		fclose(null);
	}
	if (sr_status(r) == SR_OK && !sr_is_contribution(r))
		sr_render(r, "/dev/null", NULL);
	sr_close(r);
	return 0;
}
