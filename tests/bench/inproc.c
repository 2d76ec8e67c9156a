/* SPDX-License-Identifier: Apache-2.0 */
/* inproc.c - validate + compute of one document inside one process, through the
 * public library API, the way a diarium system linking libstyrrapport would call it:
 * the session (compiled schema) is made once, then each run loads, validates and
 * computes. Prints the median and minimum of the runs in milliseconds. */
#include "styrrapport.h"
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "användning: inproc FIL ANTAL\n");
		return 2;
	}
	int runs = atoi(argv[2]);
	if (runs < 1 || runs > 10000)
		runs = 11;
	char why[256];
	sr_session *s = sr_session_new(NULL, why, sizeof why);
	FILE *sink = fopen("/dev/null", "w");
	if (!s || !sink) {
		fprintf(stderr, "inproc: %s\n", s ? "kan inte öppna /dev/null" : why);
		return 3;
	}
	double *t = malloc((size_t)runs * sizeof *t);
	int rc = 0;
	for (int i = 0; i < runs && t; i++) {
		double t0 = now_ms();
		sr_report *r = sr_open(s, argv[1]);
		rc |= sr_write_computed(r, sink);
		sr_close(r);
		t[i] = now_ms() - t0;
	}
	if (t) {
		qsort(t, (size_t)runs, sizeof *t, by_value);
		printf("%.1f %.1f\n", t[runs / 2], t[0]);
	}
	free(t);
	fclose(sink);
	sr_session_free(s);
	return rc ? 1 : 0;
}
