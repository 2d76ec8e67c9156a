/* SPDX-License-Identifier: Apache-2.0 */
/* fuzz_import.c - libFuzzer harness for styrrapport import: the input's first byte picks
 * the kind of data file (Kolada JSON or CSV, drift, investeringar, indikatorer, räkning),
 * the rest is the file's bytes, imported into a fixed valid document in memory. */
#include "styrrapport.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static sr_session *session;
static char *doc;
static size_t doc_len;
static char doc_name[4096];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	char why[512] = "";
	session = sr_session_new(getenv("STYRRAPPORT_DATA"), why, sizeof why);
	const char *path = getenv("SR_FUZZ_IMPORT_DOC");
	FILE *f = path ? fopen(path, "rb") : NULL;
	if (!session || !f) {
		fprintf(stderr, "fuzz: ingen session eller inget dokument (SR_FUZZ_IMPORT_DOC): %s\n", why);
		exit(1);
	}
	fseek(f, 0, SEEK_END);
	doc_len = (size_t)ftell(f);
	fseek(f, 0, SEEK_SET);
	doc = malloc(doc_len + 1);
	if (!doc || fread(doc, 1, doc_len, f) != doc_len)
		exit(1);
	fclose(f);
	snprintf(doc_name, sizeof doc_name, "%s", path);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	static const sr_import_kind kinds[] = {
		SR_IMPORT_KOLADA, SR_IMPORT_DRIFT, SR_IMPORT_INVESTERINGAR, SR_IMPORT_INDIKATORER,
		SR_IMPORT_RAKNING,
	};
	sr_import_source src = {
		.kind = kinds[data[0] % 5], .path = "fuzz.dat", .rakning = "resultatrakning",
		.data = (const char *)data + 1, .len = size - 1,
	};
	sr_import_options o = { &src, 1, NULL };
	sr_import *im = sr_import_run_memory(session, doc, doc_len, doc_name, &o);
	FILE *null = fopen("/dev/null", "w");
	if (null) {
		sr_import_print(im, null);
		fclose(null);
	}
	size_t len = 0;
	const char *out = sr_import_result(im, &len);
	if (sr_import_status(im) == SR_OK && !out)
		abort();   /* a successful import always has a document */
	if (out && sr_import_change_count(im) == 0 && (len != doc_len || memcmp(out, doc, len)))
		abort();   /* no change must give back the original bytes */
	sr_import_free(im);
	return 0;
}
