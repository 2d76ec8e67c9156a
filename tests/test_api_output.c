/* SPDX-License-Identifier: Apache-2.0 */
/* test_api_output.c - the race windows of writing the output (issue 11, items 1, 6
 * and 7), made deterministic with the library's test hook: a symbolic link swapped in
 * for the temporary file, a rename that fails half-way, an interrupt while the
 * temporary files exist. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include "api_private.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define SAMPLE SR_SOURCE_DIR "/samples/sjovik-delarsrapport-2024.xml"

struct fixture {
	char dir[64];
	char pdf[128], man[128], victim[128];
	sr_session *s;
	sr_report *r;
};

struct hook {
	const struct fixture *fx;
	out_hook_stage stage;   /* where to act */
	size_t file;
	int (*act)(struct hook *h, int dirfd, const char *temp);
	int calls;
};

static int hook_fn(void *ctx, out_hook_stage stage, size_t i, int dirfd, const char *temp,
                   const char *target)
{
	(void)target;
	struct hook *h = ctx;
	if (stage != h->stage || i != h->file)
		return 0;
	h->calls++;
	return h->act(h, dirfd, temp);
}

static void write_text(const char *path, const char *text, mode_t mode)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	assert_int_equal(chmod(path, mode), 0);
}

static char *read_all(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *buf = malloc(1 << 20);
	size_t n = fread(buf, 1, (1 << 20) - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

static int temp_files_in(const char *dir)
{
	DIR *d = opendir(dir);
	int n = 0;
	for (struct dirent *e; d && (e = readdir(d));)
		n += strncmp(e->d_name, ".styrrapport-tmp-", 17) == 0;
	if (d)
		closedir(d);
	return n;
}

static bool has_diag(const sr_report *r, const char *code, const char *words)
{
	for (size_t i = 0; i < sr_diagnostic_count(r); i++) {
		sr_diagnostic d = sr_diagnostic_at(r, i);
		if (!strcmp(d.code, code) && strstr(d.message, words))
			return true;
	}
	return false;
}

static int setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof *fx);
	snprintf(fx->dir, sizeof fx->dir, "/tmp/sr-output-XXXXXX");
	if (!mkdtemp(fx->dir))
		return -1;
	snprintf(fx->pdf, sizeof fx->pdf, "%s/ut.pdf", fx->dir);
	snprintf(fx->man, sizeof fx->man, "%s/ut.xml", fx->dir);
	snprintf(fx->victim, sizeof fx->victim, "%s/offer.txt", fx->dir);
	char why[512];
	fx->s = sr_session_new(SR_SOURCE_DIR, why, sizeof why);
	if (!fx->s)
		return -1;
	fx->r = sr_open(fx->s, SAMPLE);
	if (sr_status(fx->r) != SR_OK)
		return -1;
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *fx = *state;
	sr_close(fx->r);
	sr_session_free(fx->s);
	DIR *d = opendir(fx->dir);
	for (struct dirent *e; d && (e = readdir(d));) {
		if (e->d_name[0] == '.' && (!e->d_name[1] || (e->d_name[1] == '.' && !e->d_name[2])))
			continue;
		unlinkat(dirfd(d), e->d_name, 0);
	}
	if (d)
		closedir(d);
	rmdir(fx->dir);
	free(fx);
	return 0;
}

static int render_with(struct fixture *fx, struct hook *h, bool manifest)
{
	/* a fresh report: the diagnostics of this render only */
	sr_close(fx->r);
	fx->r = sr_open(fx->s, SAMPLE);
	fx->s->out_hook = h ? hook_fn : NULL;
	fx->s->out_hook_ctx = h;
	sr_render_options o = {.manifest = manifest};
	int st = sr_render(fx->r, fx->pdf, &o);
	fx->s->out_hook = NULL;
	return st;
}

/* The attack of item 1: the temporary file replaced by a link to another file. */
static int swap_for_link(struct hook *h, int dirfd, const char *temp)
{
	assert_int_equal(unlinkat(dirfd, temp, 0), 0);
	assert_int_equal(symlinkat(h->fx->victim, dirfd, temp), 0);
	return 0;
}

static void link_swapped(void **state, out_hook_stage stage)
{
	struct fixture *fx = *state;
	write_text(fx->victim, "någon annans fil", 0600);
	write_text(fx->pdf, "gammal", 0644);
	struct hook h = {fx, stage, 0, swap_for_link, 0};
	assert_int_equal(render_with(fx, &h, false), SR_RUNTIME);
	assert_int_equal(h.calls, 1);
	assert_true(has_diag(fx->r, "FIL-SKRIVA", "byttes ut under körningen"));
	char *victim = read_all(fx->victim), *old = read_all(fx->pdf);
	assert_string_equal(victim, "någon annans fil");   /* never written through the link */
	assert_string_equal(old, "gammal");                /* the target not replaced */
	struct stat st;
	assert_int_equal(lstat(fx->pdf, &st), 0);
	assert_true(S_ISREG(st.st_mode));                  /* not made a link */
	assert_int_equal(stat(fx->victim, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);         /* never widened */
	free(victim);
	free(old);
}

static void link_swapped_after_creation(void **state)
{
	link_swapped(state, OUT_HOOK_CREATED);
}

static void link_swapped_after_writing(void **state)
{
	link_swapped(state, OUT_HOOK_WRITTEN);
}

static int fail_with_eio(struct hook *h, int dirfd, const char *temp)
{
	(void)h, (void)dirfd, (void)temp;
	return EIO;
}

/* Item 6: the manifest's rename fails after the PDF's succeeded: the PDF is put back. */
static void second_rename_fails(void **state)
{
	struct fixture *fx = *state;
	assert_int_equal(render_with(fx, NULL, true), SR_OK);   /* an old PDF and manifest */
	char *old_pdf = read_all(fx->pdf), *old_man = read_all(fx->man);
	assert_non_null(old_pdf);
	assert_non_null(strstr(old_man, "urn:styrrapport:manifest:1"));
	/* a changed document: the new PDF would differ from the old one */
	write_text(fx->pdf, "gammal", 0640);
	free(old_pdf);
	old_pdf = read_all(fx->pdf);
	struct hook h = {fx, OUT_HOOK_RENAME, 1, fail_with_eio, 0};
	assert_int_equal(render_with(fx, &h, true), SR_RUNTIME);
	assert_int_equal(h.calls, 1);
	assert_true(has_diag(fx->r, "FIL-SKRIVA", "ingen av utfilerna ändrades"));
	char *pdf = read_all(fx->pdf), *man = read_all(fx->man);
	assert_string_equal(pdf, old_pdf);
	assert_string_equal(man, old_man);
	assert_int_equal(temp_files_in(fx->dir), 0);
	struct stat st;
	assert_int_equal(stat(fx->pdf, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0640);
	free(pdf);
	free(man);
	free(old_pdf);
	free(old_man);
}

static void first_rename_fails(void **state)
{
	struct fixture *fx = *state;
	struct hook h = {fx, OUT_HOOK_RENAME, 0, fail_with_eio, 0};
	assert_int_equal(render_with(fx, &h, true), SR_RUNTIME);
	assert_int_equal(access(fx->pdf, F_OK), -1);
	assert_int_equal(access(fx->man, F_OK), -1);
	assert_int_equal(temp_files_in(fx->dir), 0);
}

/* Item 7 inside the library: what a signal handler calls removes the temporary files,
 * and the interrupted render then writes nothing. */
static int interrupt(struct hook *h, int dirfd, const char *temp)
{
	(void)h;
	assert_int_equal(faccessat(dirfd, temp, F_OK, 0), 0);
	sr_remove_temp_files();
	assert_int_equal(faccessat(dirfd, temp, F_OK, 0), -1);
	return 0;
}

static void interrupted(void **state)
{
	struct fixture *fx = *state;
	struct hook h = {fx, OUT_HOOK_CREATED, 1, interrupt, 0};
	assert_int_equal(render_with(fx, &h, true), SR_RUNTIME);
	assert_int_equal(h.calls, 1);
	assert_true(has_diag(fx->r, "FIL-SKRIVA", "körningen avbröts"));
	assert_int_equal(access(fx->pdf, F_OK), -1);
	assert_int_equal(access(fx->man, F_OK), -1);
	assert_int_equal(temp_files_in(fx->dir), 0);
	/* the process is ending: no later render creates a file that could be left behind */
	assert_int_equal(render_with(fx, NULL, true), SR_RUNTIME);
	assert_true(has_diag(fx->r, "FIL-SKRIVA", "körningen avbröts"));
	assert_int_equal(temp_files_in(fx->dir), 0);
	assert_int_equal(access(fx->pdf, F_OK), -1);
}

static int count_only(struct hook *h, int dirfd, const char *temp)
{
	(void)h;
	struct stat st;
	assert_int_equal(fstatat(dirfd, temp, &st, AT_SYMLINK_NOFOLLOW), 0);
	assert_true(S_ISREG(st.st_mode));
	assert_int_equal(st.st_size, 0);   /* created, nothing written yet */
	return 0;
}

/* The ordinary run: a temporary file per output, both renamed, none left. */
static void ordinary(void **state)
{
	struct fixture *fx = *state;
	struct hook h = {fx, OUT_HOOK_CREATED, 0, count_only, 0};
	assert_int_equal(render_with(fx, &h, true), SR_OK);
	assert_int_equal(h.calls, 1);
	char *pdf = read_all(fx->pdf);
	assert_memory_equal(pdf, "%PDF-", 5);
	free(pdf);
	assert_int_equal(temp_files_in(fx->dir), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(link_swapped_after_creation, setup, teardown),
		cmocka_unit_test_setup_teardown(link_swapped_after_writing, setup, teardown),
		cmocka_unit_test_setup_teardown(second_rename_fails, setup, teardown),
		cmocka_unit_test_setup_teardown(first_rename_fails, setup, teardown),
		cmocka_unit_test_setup_teardown(ordinary, setup, teardown),
		/* last: after sr_remove_temp_files no render in this process writes */
		cmocka_unit_test_setup_teardown(interrupted, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
