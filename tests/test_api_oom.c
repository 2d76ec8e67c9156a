/* SPDX-License-Identifier: Apache-2.0 */
/* test_api_oom.c - out of memory is an error the caller gets: with the Nth allocation
 * made to fail (arena_fail_after, for N from 0 up to where the call no longer
 * allocates that often), every public entry point returns, with status 3 and a
 * [MINNE] message naming the file, and the session stays usable for the next call.
 * Run under ASan with leak detection off: the memory of a failed call is abandoned by
 * design (arena.h), but nothing may be freed twice or used after. Not run under
 * valgrind for the same reason. Also: the memory a report takes per driftredovisning
 * row stays flat (the chart alt texts were quadratic). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "arena.h"
#include "styrrapport.h"

#define SAMPLE SR_SOURCE_DIR "/samples/sjovik-delarsrapport-2024.xml"

static sr_session *session;

static int setup(void **state)
{
	(void)state;
	char why[256];
	session = sr_session_new(SR_SOURCE_DIR, why, sizeof why);
	return session ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	sr_session_free(session);
	return 0;
}

/* 0, 1, ..., 63, then 15 % further each step: every early allocation and a spread of
 * the later ones. */
static long next_n(long n)
{
	return n < 64 ? n + 1 : n + n / 7 + 1;
}

/* The report says "slut på minne" for file, with status 3. */
static void says_no_memory(sr_report *r, const char *file)
{
	assert_non_null(r);
	assert_int_equal(sr_status(r), SR_RUNTIME);
	for (size_t i = 0; i < sr_diagnostic_count(r); i++) {
		sr_diagnostic d = sr_diagnostic_at(r, i);
		if (strcmp(d.code, "MINNE") == 0) {
			assert_string_equal(d.file, file);
			assert_non_null(strstr(d.message, "slut på minne"));
			return;
		}
	}
	sr_print_diagnostics(r, stderr);
	fail_msg("no [MINNE] diagnostic");
}

static void session_new_fails_cleanly(void **state)
{
	(void)state;
	long n = 0, failed = 0;
	for (;; n = next_n(n)) {
		char why[256] = "";
		arena_fail_after(n);
		sr_session *s = sr_session_new(SR_SOURCE_DIR, why, sizeof why);
		bool hit = arena_failures() > 0;
		arena_fail_after(-1);
		if (!hit) {
			assert_non_null(s);
			sr_session_free(s);
			break;
		}
		assert_null(s);
		assert_non_null(strstr(why, "slut på minne"));
		failed++;
	}
	assert_true(failed > 0);
}

static void open_fails_cleanly(void **state)
{
	(void)state;
	FILE *f = fopen(SAMPLE, "rb");
	assert_non_null(f);
	static char text[1 << 20];
	size_t len = fread(text, 1, sizeof text, f);
	fclose(f);
	for (int memory = 0; memory < 2; memory++) {
		long failed = 0;
		for (long n = 0;; n = next_n(n)) {
			arena_fail_after(n);
			sr_report *r = memory ? sr_open_memory(session, text, len, "minne.xml")
			                      : sr_open(session, SAMPLE);
			bool hit = arena_failures() > 0;
			arena_fail_after(-1);
			if (!hit) {
				assert_int_equal(sr_status(r), SR_OK);
				sr_close(r);
				break;
			}
			says_no_memory(r, memory ? "minne.xml" : SAMPLE);
			sr_close(r);
			failed++;
		}
		print_message("%s: %ld failures tried\n", memory ? "sr_open_memory" : "sr_open", failed);
		assert_true(failed > 20);
	}
}

enum call { WRITE_COMPUTED, DUMP_LAYOUT, RENDER };

static int call(sr_report *r, enum call c, FILE *null)
{
	sr_render_options o = { .no_pdfa = true };
	switch (c) {
	case WRITE_COMPUTED: return sr_write_computed(r, null);
	case DUMP_LAYOUT: return sr_dump_layout(r, null, &o);
	default: return sr_render(r, "/dev/null", &o);
	}
}

/* A fresh report for every N: a failed call leaves its report at status 3. */
static void later_calls_fail_cleanly(void **state)
{
	(void)state;
	FILE *null = fopen("/dev/null", "w");
	for (enum call c = WRITE_COMPUTED; c <= RENDER; c++) {
		long failed = 0;
		for (long n = 0;; n = next_n(n)) {
			sr_report *r = sr_open(session, SAMPLE);
			assert_int_equal(sr_status(r), SR_OK);
			arena_fail_after(n);
			int st = call(r, c, null);
			bool hit = arena_failures() > 0;
			arena_fail_after(-1);
			if (!hit) {
				assert_int_equal(st, SR_OK);
				sr_close(r);
				break;
			}
			assert_int_equal(st, SR_RUNTIME);
			says_no_memory(r, SAMPLE);
			sr_close(r);
			failed++;
		}
		print_message("call %d: %ld failures tried\n", (int)c, failed);
		assert_true(failed > 20);
		sr_report *r = sr_open(session, SAMPLE);   /* the session still works */
		assert_int_equal(call(r, c, null), SR_OK);
		sr_close(r);
	}
	fclose(null);
}

/* The Sjövik sample with n driftredovisning rows (and a summa that matches). */
static char *with_rows(size_t n, size_t *len)
{
	FILE *f = fopen(SAMPLE, "rb");
	assert_non_null(f);
	static char text[1 << 20];
	size_t got = fread(text, 1, sizeof text - 1, f);
	fclose(f);
	text[got] = '\0';
	const char *a = strstr(text, "<driftredovisning>"), *b = strstr(text, "</driftredovisning>");
	assert_non_null(a);
	assert_non_null(b);
	size_t cap = got + n * 128 + 256, o = 0;
	char *out = malloc(cap);
	o += (size_t)snprintf(out + o, cap - o, "%.*s<driftredovisning>\n", (int)(a - text), text);
	for (size_t i = 1; i <= n; i++)
		o += (size_t)snprintf(out + o, cap - o, "<rad rubrik=\"Verksamhet %zu\" budget=\"%zu\" "
		                      "utfall=\"%zu\" prognos=\"%zu\"/>\n", i, i, i, i);
	size_t sum = n * (n + 1) / 2;
	o += (size_t)snprintf(out + o, cap - o, "<summa budget=\"%zu\" utfall=\"%zu\" prognos=\"%zu\"/>\n%s",
	                      sum, sum, sum, b);
	*len = o;
	return out;
}

/* Bytes asked for by laying the document out (report blocks, alt texts, pages). */
static double layout_bytes(size_t rows)
{
	size_t len;
	char *text = with_rows(rows, &len);
	sr_report *r = sr_open_memory(session, text, len, "rader.xml");
	if (sr_status(r) != SR_OK)
		sr_print_diagnostics(r, stderr);
	assert_int_equal(sr_status(r), SR_OK);
	FILE *null = fopen("/dev/null", "w");
	sr_render_options o = { .no_pdfa = true };
	unsigned long long before = arena_bytes();
	assert_int_equal(sr_dump_layout(r, null, &o), SR_OK);
	double used = (double)(arena_bytes() - before);
	fclose(null);
	sr_close(r);
	free(text);
	return used;
}

/* Memory per row between 500 and 2000 rows stays flat: a quadratic alt text (each row
 * re-copying the text so far) made it grow with the row count. */
static void memory_per_row_flat(void **state)
{
	(void)state;
	double small = layout_bytes(500), large = layout_bytes(2000);
	double per_small = small / 500, per_large = large / 2000;
	print_message("bytes per row: %.0f at 500 rows, %.0f at 2000 rows\n", per_small, per_large);
	assert_true(per_large < per_small * 1.25);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(session_new_fails_cleanly),
		cmocka_unit_test(open_fails_cleanly),
		cmocka_unit_test(later_calls_fail_cleanly),
		cmocka_unit_test(memory_per_row_flat),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
