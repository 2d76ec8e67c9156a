/* SPDX-License-Identifier: Apache-2.0 */
/* fuzz_include.c - libFuzzer harness: one input is a small folder tree. It is split at
 * lines "=====" into up to five files, written as
 *     doc/rapport.xml  doc/namnder/a.xml  doc/namnder/b.xml  doc/sub/c.xml  doc/logo.png
 * (a part missing leaves its file out) beside doc/../ute.xml, which lies outside the
 * document's folder (bait for ../ escapes). The main document is opened from disk like
 * `styrrapport render`, so its includes and its logotyp resolve, and rendered to
 * /dev/null when it is valid.
 * The fifth part is used as the logo only when SR_FUZZ_RAW_LOGO=1: until the images are
 * decoded at validation (issue 11, item 9, another branch) any corrupt PNG aborts inside
 * libharu and would stop the run at once. Otherwise doc/logo.png is a fixed valid PNG
 * (the document's logotyp href is still fuzzed). */
#include "styrrapport.h"
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static sr_session *session;
static char root[4096];
static bool raw_logo;
/* tests/data/pdf/logo.png: 8 x 8 pixels */
static uint8_t good_logo[4096];
static size_t good_logo_len;
static const char *const parts[] = { "doc/rapport.xml", "doc/namnder/a.xml",
                                     "doc/namnder/b.xml", "doc/sub/c.xml", "doc/logo.png" };
enum { N_PARTS = sizeof parts / sizeof *parts };

static void path_of(char *out, size_t n, const char *rel)
{
	snprintf(out, n, "%s/%s", root, rel);
}

static void make_dir(const char *rel)
{
	char p[4200];
	path_of(p, sizeof p, rel);
	if (mkdir(p, 0700) != 0 && errno != EEXIST) {
		perror(p);
		exit(1);
	}
}

static void write_part(const char *rel, const uint8_t *data, size_t len)
{
	char p[4200];
	path_of(p, sizeof p, rel);
	FILE *f = fopen(p, "wb");
	if (!f || (len && fwrite(data, 1, len, f) != len) || fclose(f) != 0) {
		perror(p);
		exit(1);
	}
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	char why[512] = "";
	session = sr_session_new(getenv("STYRRAPPORT_DATA"), why, sizeof why);
	if (!session) {
		fprintf(stderr, "fuzz_include: ingen session: %s\n", why);
		exit(1);
	}
	const char *tmp = getenv("TMPDIR");
	snprintf(root, sizeof root, "%s/srfuzz-inc-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(root)) {
		perror("fuzz_include: mkdtemp");
		exit(1);
	}
	const char *raw = getenv("SR_FUZZ_RAW_LOGO");
	raw_logo = raw && strcmp(raw, "1") == 0;
	char lp[4200];
	snprintf(lp, sizeof lp, "%s/tests/data/pdf/logo.png",
	         getenv("STYRRAPPORT_DATA") ? getenv("STYRRAPPORT_DATA") : SR_DATA_DIR);
	FILE *lf = fopen(lp, "rb");
	if (!lf) {
		perror(lp);
		exit(1);
	}
	good_logo_len = fread(good_logo, 1, sizeof good_logo, lf);
	fclose(lf);
	make_dir("doc");
	make_dir("doc/namnder");
	make_dir("doc/sub");
	static const char bait[] = "<namndbidrag xmlns=\"urn:styrrapport:1\" namndref=\"UTE\"/>\n";
	write_part("ute.xml", (const uint8_t *)bait, sizeof bait - 1);
	return 0;
}

/* Where the separator "\n=====\n" starts at or after from, else len. */
static size_t next_sep(const uint8_t *d, size_t len, size_t from)
{
	static const char sep[] = "\n=====\n";
	for (size_t i = from; i + sizeof sep - 1 <= len; i++)
		if (memcmp(d + i, sep, sizeof sep - 1) == 0)
			return i;
	return len;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t at = 0;
	for (int k = 0; k < N_PARTS; k++) {
		char p[4200];
		path_of(p, sizeof p, parts[k]);
		if (k == N_PARTS - 1 && !raw_logo) {
			write_part(parts[k], good_logo, good_logo_len);
			break;
		}
		if (at > size) {
			unlink(p);
			continue;
		}
		size_t end = next_sep(data, size, at);
		write_part(parts[k], data + at, end - at);
		at = end + 7;
	}
	char main_doc[4200];
	path_of(main_doc, sizeof main_doc, parts[0]);
	sr_report *r = sr_open(session, main_doc);
	size_t n = sr_diagnostic_count(r);
	for (size_t i = 0; i < n; i++) {
		sr_diagnostic d = sr_diagnostic_at(r, i);
		if (!d.code || !d.message || !d.file || !*d.code)
			abort();
	}
	FILE *null = fopen("/dev/null", "w");
	if (null) {
		sr_print_diagnostics(r, null);
		fclose(null);
	}
	if (sr_status(r) == SR_OK && !sr_is_contribution(r)) {
		sr_render_options o = { .no_pdfa = true };
		sr_render(r, "/dev/null", &o);
	}
	sr_close(r);
	return 0;
}
