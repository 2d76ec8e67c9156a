/* SPDX-License-Identifier: Apache-2.0 */
/* test_api_image.c - through the public API (issue 11, items 8 and 9): render draws
 * the logo that validation opened and decoded, whatever its name points at later; a
 * broken logo makes the document invalid (no abort), and the session goes on. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "styrrapport.h"

#define IMG SR_TEST_DATA "/img"

typedef struct tree {
	char root[64], doc[96], xml[128], logo[128], pdf[128];
} tree;

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *b = malloc((size_t)n + 1);
	assert_int_equal(fread(b, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	b[n] = '\0';
	*len = (size_t)n;
	return b;
}

static void put(const char *path, const char *b, size_t n)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(b, 1, n, f), n);
	assert_int_equal(fclose(f), 0);
}

static void copy(const char *from, const char *to)
{
	size_t n;
	char *b = slurp(from, &n);
	put(to, b, n);
	free(b);
}

/* The Sjövik sample with <logotyp href="logo.png"/> in its kommun, logo from fixture. */
static void tree_make(tree *t, const char *fixture)
{
	strcpy(t->root, "/tmp/test_api_image_XXXXXX");
	assert_non_null(mkdtemp(t->root));
	snprintf(t->doc, sizeof t->doc, "%s/doc", t->root);
	assert_int_equal(mkdir(t->doc, 0700), 0);
	snprintf(t->xml, sizeof t->xml, "%s/rapport.xml", t->doc);
	snprintf(t->logo, sizeof t->logo, "%s/logo.png", t->doc);
	snprintf(t->pdf, sizeof t->pdf, "%s/ut.pdf", t->root);
	size_t n;
	char *x = slurp(SR_SOURCE_DIR "/samples/sjovik-delarsrapport-2024.xml", &n);
	char *k = strstr(x, "<kommun ");
	assert_non_null(k);
	char *end = strchr(k, '>') + 1;
	FILE *f = fopen(t->xml, "wb");
	assert_non_null(f);
	fwrite(x, 1, (size_t)(end - x), f);
	fputs("<logotyp href=\"logo.png\"/>", f);
	fputs(end, f);
	assert_int_equal(fclose(f), 0);
	free(x);
	copy(fixture, t->logo);
	char outside[128];
	snprintf(outside, sizeof outside, "%s/hemlig.png", t->root);
	copy(IMG "/wide.png", outside);   /* 80 x 10: what an attacker wants embedded */
}

static void tree_remove(const tree *t)
{
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf %s", t->root);
	assert_int_equal(system(cmd), 0);
}

static sr_session *session(void)
{
	char why[256] = "";
	sr_session *s = sr_session_new(SR_SOURCE_DIR, why, sizeof why);
	if (!s)
		fail_msg("session: %s", why);
	return s;
}

static void render_draws_what_validation_checked(void **state)
{
	(void)state;
	tree t;
	tree_make(&t, IMG "/interlaced.png");   /* 40 x 20, interlaced: libharu refused it */
	sr_session *s = session();
	sr_report *r = sr_open(s, t.xml);
	assert_int_equal(sr_status(r), SR_OK);
	/* after validation, the name becomes a link out of the tree */
	assert_int_equal(unlink(t.logo), 0);
	assert_int_equal(symlink("../hemlig.png", t.logo), 0);
	int st = sr_render(r, t.pdf, NULL);
	if (st != SR_OK)
		sr_print_diagnostics(r, stderr);
	assert_int_equal(st, SR_OK);
	size_t n;
	char *pdf = slurp(t.pdf, &n);
	/* image dictionaries are not compressed: the checked 40 x 20 is there, the 80 x 10
	 * outside file is not */
	assert_non_null(memmem(pdf, n, "/Width 40", 9));
	assert_null(memmem(pdf, n, "/Width 80", 9));
	assert_null(memmem(pdf, n, "DeviceCMYK", 10));
	free(pdf);
	sr_close(r);
	sr_session_free(s);
	tree_remove(&t);
}

static int code_seen(const sr_report *r, const char *code)
{
	for (size_t i = 0; i < sr_diagnostic_count(r); i++)
		if (strcmp(sr_diagnostic_at(r, i).code, code) == 0)
			return 1;
	return 0;
}

static void a_broken_logo_is_an_invalid_document_and_the_session_goes_on(void **state)
{
	(void)state;
	struct { const char *fixture, *code; } c[] = {
		{IMG "/truncated.png", "LOGO-TRASIG"}, {IMG "/bad-crc.png", "LOGO-TRASIG"},
		{IMG "/huge-declared.png", "LOGO-STORLEK"}, {IMG "/cmyk.jpg", "LOGO-CMYK"},
		{IMG "/header-only.jpg", "LOGO-TRASIG"},
	};
	sr_session *s = session();
	for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
		tree t;
		tree_make(&t, c[i].fixture);
		sr_report *r = sr_open(s, t.xml);
		assert_int_equal(sr_status(r), SR_INVALID);
		if (!code_seen(r, c[i].code))
			fail_msg("%s: no %s", c[i].fixture, c[i].code);
		assert_int_equal(sr_render(r, t.pdf, NULL), SR_INVALID);
		assert_int_equal(access(t.pdf, F_OK), -1);   /* no output for an invalid document */
		sr_close(r);
		/* the same session renders the next, good, document */
		copy(IMG "/rgb.png", t.logo);
		r = sr_open(s, t.xml);
		assert_int_equal(sr_render(r, t.pdf, NULL), SR_OK);
		sr_close(r);
		tree_remove(&t);
	}
	sr_session_free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(render_draws_what_validation_checked),
		cmocka_unit_test(a_broken_logo_is_an_invalid_document_and_the_session_goes_on),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
