/* SPDX-License-Identifier: Apache-2.0 */
/* rss.c - runs a command N times and reports its median wall time and peak resident set size. */
/*
 * Usage:  rss [-n RUNS] [-q] -- COMMAND [ARG...]
 *   -n RUNS  how many runs (default 11); the first is not discarded
 *   -q       send the command's standard output to /dev/null
 * Prints one line:  median_ms min_ms max_ms maxrss_kb exit_status
 * The wall time is CLOCK_MONOTONIC around fork..wait4; the RSS is the largest
 * ru_maxrss that wait4 reports for the child over all runs (Linux: kilobytes). The
 * exit status is the worst (highest) of all runs, 128+signal for a signal.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_RUNS 1000

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* One run: returns the exit status; *ms and *rss_kb receive the measurements. */
static int run_once(char **argv, int quiet, double *ms, long *rss_kb)
{
	double t0 = now_ms();
	pid_t pid = fork();
	if (pid < 0) {
		perror("rss: fork");
		exit(3);
	}
	if (pid == 0) {
		if (quiet) {
			int fd = open("/dev/null", O_WRONLY);
			if (fd >= 0)
				dup2(fd, STDOUT_FILENO);
		}
		execvp(argv[0], argv);
		perror(argv[0]);
		_exit(127);
	}
	int status;
	struct rusage ru;
	if (wait4(pid, &status, 0, &ru) < 0) {
		perror("rss: wait4");
		exit(3);
	}
	*ms = now_ms() - t0;
	*rss_kb = ru.ru_maxrss;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
	int runs = 11, quiet = 0, i = 1;
	for (; i < argc && strcmp(argv[i], "--") != 0; i++) {
		if (strcmp(argv[i], "-n") == 0 && i + 1 < argc)
			runs = atoi(argv[++i]);
		else if (strcmp(argv[i], "-q") == 0)
			quiet = 1;
	}
	if (i + 1 >= argc || runs < 1 || runs > MAX_RUNS) {
		fputs("usage: rss [-n RUNS] [-q] -- COMMAND [ARG...]\n", stderr);
		return 2;
	}
	double ms[MAX_RUNS];
	long rss = 0;
	int worst = 0;
	for (int r = 0; r < runs; r++) {
		long kb;
		int st = run_once(argv + i + 1, quiet, &ms[r], &kb);
		worst = st > worst ? st : worst;
		rss = kb > rss ? kb : rss;
	}
	qsort(ms, (size_t)runs, sizeof ms[0], cmp_double);
	double med = runs % 2 ? ms[runs / 2] : (ms[runs / 2 - 1] + ms[runs / 2]) / 2;
	printf("%.1f %.1f %.1f %ld %d\n", med, ms[0], ms[runs - 1], rss, worst);
	return 0;
}
