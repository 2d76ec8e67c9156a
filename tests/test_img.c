/* SPDX-License-Identifier: Apache-2.0 */
/* test_img.c - the image module (issue 11): every colour type decoded to 8-bit RGB,
 * every broken file refused with its reason and never an abort, the pixel limit
 * checked before memory is taken (a 40000 x 40000 decompression bomb built here), the
 * one descriptor (a link swapped in after the open changes nothing), downsampling. */
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
#include <zlib.h>
#include "img_private.h"   /* img_new, to build a large picture */

#define DATA SR_TEST_DATA "/img"

static const unsigned char RED[3] = {220, 30, 30}, BLUE[3] = {30, 60, 200},
                           GREEN[3] = {0, 160, 60}, WHITE[3] = {255, 255, 255};

static const unsigned char *px(const img_image *im, uint32_t x, uint32_t y)
{
	return im->pixels + ((size_t)y * im->width + x) * 3;
}

/* Within tol of want in every channel (JPEG is lossy). */
static void near(const unsigned char *got, const unsigned char *want, int tol)
{
	for (int c = 0; c < 3; c++)
		if (abs(got[c] - want[c]) > tol)
			fail_msg("channel %d: %d, want %d (±%d)", c, got[c], want[c], tol);
}

static img_image *open_ok(const char *name)
{
	img_report rep;
	img_image *im = img_open(DATA, name, NULL, &rep);
	if (!im)
		fail_msg("%s: %s", name, rep.message);
	assert_int_equal(rep.status, IMG_OK);
	assert_int_equal(im->components, 3);
	return im;
}

/* The fixtures' picture: red left, blue right, a green band on rows 8-11. */
static void is_the_picture(const img_image *im, int tol)
{
	assert_int_equal(im->width, 40);
	assert_int_equal(im->height, 20);
	near(px(im, 5, 2), RED, tol);
	near(px(im, 35, 17), BLUE, tol);
	near(px(im, 20, 9), GREEN, tol);
}

static void every_kind_decodes_to_rgb(void **state)
{
	(void)state;
	const char *exact[] = {"rgb.png", "interlaced.png", "rgb16.png"};
	img_image *ref = open_ok("rgb.png");
	for (size_t i = 0; i < sizeof exact / sizeof exact[0]; i++) {
		img_image *im = open_ok(exact[i]);
		is_the_picture(im, 0);
		/* interlaced and 16-bit: exactly the pixels of the plain 8-bit file */
		assert_memory_equal(im->pixels, ref->pixels, 40 * 20 * 3);
		img_free(im);
	}
	img_free(ref);
	const char *jpegs[] = {"rgb.jpg", "progressive.jpg"};
	for (size_t i = 0; i < 2; i++) {
		img_image *im = open_ok(jpegs[i]);
		is_the_picture(im, 12);
		img_free(im);
	}
	img_image *im = open_ok("palette.png");
	is_the_picture(im, 0);
	near(px(im, 0, 0), WHITE, 0);   /* the transparent palette entry, on white */
	img_free(im);
	im = open_ok("alpha.png");
	near(px(im, 0, 0), RED, 0);
	near(px(im, 39, 19), WHITE, 0);   /* fully transparent: the page's white */
	img_free(im);
	const char *greys[] = {"grey.png", "grey.jpg"};
	for (size_t i = 0; i < 2; i++) {
		im = open_ok(greys[i]);
		const unsigned char *p = px(im, 13, 3);
		assert_true(p[0] == p[1] && p[1] == p[2]);
		img_free(im);
	}
}

static void a_warning_is_kept_and_the_image_decoded(void **state)
{
	(void)state;
	img_report rep;
	img_image *im = img_open(DATA, "warning.png", NULL, &rep);
	assert_non_null(im);
	is_the_picture(im, 0);
	assert_int_equal(rep.n_warnings, 1);
	assert_non_null(strstr(rep.warning[0], "CRC"));
	img_free(im);
	/* the file-size limit, on the descriptor's size */
	img_options opt = {.max_file_bytes = 100};
	assert_null(img_open(DATA, "rgb.png", &opt, &rep));   /* 106 bytes */
	assert_int_equal(rep.status, IMG_TOO_LARGE);
	assert_non_null(strstr(rep.message, "filen har mer än 100 byte"));
}

static void broken_files_are_refused_with_a_reason(void **state)
{
	(void)state;
	struct { const char *name; enum img_status st; const char *words; } c[] = {
		{"truncated.png", IMG_CORRUPT, "avkortad PNG-fil"},
		{"header-only.png", IMG_CORRUPT, "avkortad PNG-fil"},
		/* a 93-byte file whose tEXt chunk declares 1.3 GB: refused before libpng allocates it */
		{"fuzz-text-chunk-1gb.png", IMG_CORRUPT, "avkortad PNG-fil"},
		{"bad-crc.png", IMG_CORRUPT, "CRC"},
		{"width0.png", IMG_CORRUPT, "trasig PNG-fil"},
		{"palette-no-plte.png", IMG_CORRUPT, "PLTE"},
		{"huge-declared.png", IMG_TOO_LARGE, "100000 × 100000 = 10 000 000 000 bildpunkter, högst 40 000 000"},
		{"truncated.jpg", IMG_CORRUPT, "avkortad JPEG-fil"},
		{"header-only.jpg", IMG_CORRUPT, "avkortad JPEG-fil (libjpeg: Premature end of JPEG file)"},
		{"cmyk.jpg", IMG_CMYK, "spara om den i färgläget RGB (sRGB)"},
		{"not-an-image.png", IMG_FORMAT, "varken en PNG- eller en JPEG-bild"},
		{"saknas.png", IMG_MISSING, "finns inte (sökt som /"},
		{"../img", IMG_MISSING, "ingen vanlig fil"},
		{"../../img/../../x.png", IMG_OUTSIDE, "utanför"},
		{"/etc/passwd", IMG_OUTSIDE, "relativ"},
	};
	for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
		img_report rep;
		img_image *im = img_open(DATA, c[i].name, NULL, &rep);
		if (im || rep.status != c[i].st || !strstr(rep.message, c[i].words))
			fail_msg("%s: status %d '%s', want %d '%s'", c[i].name, rep.status, rep.message,
			         c[i].st, c[i].words);
	}
}

/* Builds in memory a PNG declaring width x height 8-bit grey whose IDAT really holds
 * all its (zero) rows: each 1 MiB of zeros deflates, after a full flush, to the same
 * bytes, so the 1.6 GB image costs one deflate of 1 MiB and ~1.6 MB of file. */
static unsigned char *bomb(uint32_t width, uint32_t height, size_t *len)
{
	const size_t chunk = 1u << 20;
	uint64_t raw = (uint64_t)height * (width + 1);
	unsigned char *zeros = calloc(1, chunk);
	unsigned char piece[4096], tail[4096];
	z_stream z = {0};
	assert_int_equal(deflateInit2(&z, 9, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY), Z_OK);
	z.next_in = zeros, z.avail_in = (uInt)chunk, z.next_out = piece, z.avail_out = sizeof piece;
	assert_int_equal(deflate(&z, Z_FULL_FLUSH), Z_OK);
	size_t n_piece = sizeof piece - z.avail_out;
	z.next_in = zeros, z.avail_in = (uInt)(raw % chunk), z.next_out = tail, z.avail_out = sizeof tail;
	assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
	size_t n_tail = sizeof tail - z.avail_out;
	deflateEnd(&z);
	free(zeros);
	uint64_t pieces = raw / chunk;
	size_t idat = 2 + pieces * n_piece + n_tail + 4;
	*len = 8 + 25 + 12 + idat + 12;
	unsigned char *b = malloc(*len), *p = b;
	memcpy(p, "\x89PNG\r\n\x1a\n", 8), p += 8;
	unsigned char ihdr[17] = "IHDR";
	for (int i = 0; i < 4; i++)
		ihdr[4 + i] = (unsigned char)(width >> (24 - 8 * i)), ihdr[8 + i] = (unsigned char)(height >> (24 - 8 * i));
	ihdr[12] = 8;   /* depth 8, colour type 0 (grey), no interlace */
	const unsigned char ihdr_len[4] = {0, 0, 0, 13};
	memcpy(p, ihdr_len, 4), p += 4;
	memcpy(p, ihdr, 17), p += 17;
	uLong crc = crc32(0, ihdr, 17);
	for (int i = 0; i < 4; i++)
		*p++ = (unsigned char)(crc >> (24 - 8 * i));
	unsigned char *start = p;
	for (int i = 0; i < 4; i++)
		*p++ = (unsigned char)(idat >> (24 - 8 * i));
	memcpy(p, "IDAT\x78\xda", 6), p += 6;
	for (uint64_t i = 0; i < pieces; i++)
		memcpy(p, piece, n_piece), p += n_piece;
	memcpy(p, tail, n_tail), p += n_tail;
	uint32_t adler = (uint32_t)(1 | ((raw % 65521) << 16));   /* adler32 of raw zeros */
	for (int i = 0; i < 4; i++)
		*p++ = (unsigned char)(adler >> (24 - 8 * i));
	crc = crc32(0, start + 4, (uInt)(p - start - 4));
	for (int i = 0; i < 4; i++)
		*p++ = (unsigned char)(crc >> (24 - 8 * i));
	memcpy(p, "\0\0\0\0IEND\xae\x42\x60\x82", 12), p += 12;
	assert_int_equal((size_t)(p - b), *len);
	return b;
}

static void a_decompression_bomb_is_refused_before_decoding(void **state)
{
	(void)state;
	size_t len;
	unsigned char *b = bomb(40000, 40000, &len);
	assert_true(len < 2 * 1024 * 1024);   /* a small file ... */
	img_report rep;
	img_image *im = img_decode(b, len, NULL, &rep);   /* ... declaring 1.6 gigapixels */
	assert_null(im);
	assert_int_equal(rep.status, IMG_TOO_LARGE);
	assert_non_null(strstr(rep.message, "40000 × 40000 = 1 600 000 000 bildpunkter"));
	free(b);
	/* the same construction, small enough to decode: the bomb's bytes are a real PNG */
	b = bomb(300, 200, &len);
	im = img_decode(b, len, NULL, &rep);
	assert_non_null(im);
	assert_int_equal(im->width, 300);
	near(px(im, 299, 199), (const unsigned char[3]){0, 0, 0}, 0);
	img_free(im);
	/* the limit is on the declared size, exactly: 60 000 pixels pass at 60 000 */
	img_options opt = {.max_pixels = 60000};
	im = img_decode(b, len, &opt, &rep);
	assert_non_null(im);
	img_free(im);
	opt.max_pixels = 59999;
	assert_null(img_decode(b, len, &opt, &rep));
	assert_int_equal(rep.status, IMG_TOO_LARGE);
	free(b);
}

/* ---- the one descriptor ---- */

typedef struct tree {
	char root[64], doc[96], logo[128], outside[128];
} tree;

static void copy(const char *from, const char *to)
{
	FILE *f = fopen(from, "rb"), *g = fopen(to, "wb");
	assert_non_null(f);
	assert_non_null(g);
	int ch;
	while ((ch = getc(f)) != EOF)
		putc(ch, g);
	fclose(f);
	assert_int_equal(fclose(g), 0);
}

static void tree_make(tree *t)
{
	strcpy(t->root, "/tmp/test_img_XXXXXX");
	assert_non_null(mkdtemp(t->root));
	snprintf(t->doc, sizeof t->doc, "%s/doc", t->root);
	assert_int_equal(mkdir(t->doc, 0700), 0);
	snprintf(t->logo, sizeof t->logo, "%s/logo.png", t->doc);
	snprintf(t->outside, sizeof t->outside, "%s/hemlig.png", t->root);
	copy(DATA "/rgb.png", t->logo);
	copy(DATA "/grey.png", t->outside);   /* what an attacker wants embedded */
}

static void tree_remove(const tree *t)
{
	unlink(t->logo);
	unlink(t->outside);
	rmdir(t->doc);
	rmdir(t->root);
}

/* The attack of issue 8: the name is replaced by a link to a file outside the tree,
 * here at the worst moment, right after the open. */
static void swap_for_link(int fd, void *ctx)
{
	(void)fd;
	const tree *t = ctx;
	char tmp[160];
	snprintf(tmp, sizeof tmp, "%s.lank", t->logo);
	assert_int_equal(symlink("../hemlig.png", tmp), 0);
	assert_int_equal(rename(tmp, t->logo), 0);
}

static void a_link_swapped_in_after_the_open_changes_nothing(void **state)
{
	(void)state;
	tree t;
	tree_make(&t);
	img_options opt = {.after_open = swap_for_link, .hook_ctx = &t};
	img_report rep;
	img_image *im = img_open(t.doc, "logo.png", &opt, &rep);
	/* what was checked is what was read: the original logo, not the outside file */
	assert_non_null(im);
	is_the_picture(im, 0);
	img_free(im);
	/* the link is now in place: opened afresh, it is refused as outside the tree */
	im = img_open(t.doc, "logo.png", NULL, &rep);
	assert_null(im);
	assert_int_equal(rep.status, IMG_OUTSIDE);
	assert_non_null(strstr(rep.message, "hemlig.png"));
	tree_remove(&t);
}

static void remove_name(int fd, void *ctx)
{
	(void)fd;
	assert_int_equal(unlink(ctx), 0);
}

static void the_file_is_read_through_the_descriptor_not_the_name(void **state)
{
	(void)state;
	tree t;
	tree_make(&t);
	img_options opt = {.after_open = remove_name, .hook_ctx = t.logo};
	img_report rep;
	img_image *im = img_open(t.doc, "logo.png", &opt, &rep);
	assert_non_null(im);   /* the name is gone; the descriptor still reads the file */
	is_the_picture(im, 0);
	img_free(im);
	tree_remove(&t);
}

static void a_fifo_is_no_regular_file_and_does_not_block(void **state)
{
	(void)state;
	tree t;
	tree_make(&t);
	char fifo[160];
	snprintf(fifo, sizeof fifo, "%s/ror.png", t.doc);
	assert_int_equal(mkfifo(fifo, 0600), 0);
	img_report rep;
	assert_null(img_open(t.doc, "ror.png", NULL, &rep));
	assert_int_equal(rep.status, IMG_MISSING);
	assert_non_null(strstr(rep.message, "ingen vanlig fil"));
	unlink(fifo);
	tree_remove(&t);
}

/* ---- downsampling and the list ---- */

static void a_large_image_is_downsampled_to_its_box(void **state)
{
	(void)state;
	img_report rep;
	img_image *big = img_new(4000, 2000, &rep);
	assert_non_null(big);
	for (uint32_t y = 0; y < 2000; y++)
		for (uint32_t x = 0; x < 4000; x++)
			memcpy(big->pixels + ((size_t)y * 4000 + x) * 3, x < 2000 ? RED : BLUE, 3);
	/* a 140 x 70 pt box at 300 dpi needs 584 x 292 pixels */
	img_image *small = img_fit(big, 584, 292);
	assert_non_null(small);
	assert_int_equal(small->width, 584);
	assert_int_equal(small->height, 292);
	near(px(small, 10, 10), RED, 0);
	near(px(small, 570, 280), BLUE, 0);
	img_free(small);
	/* keeps the aspect ratio in a box of another shape */
	small = img_fit(big, 100, 100);
	assert_int_equal(small->width, 100);
	assert_int_equal(small->height, 50);
	img_free(small);
	assert_null(img_fit(big, 4000, 2000));   /* fits already: used as it is */
	assert_null(img_fit(big, 5000, 9000));
	img_free(big);
}

static void the_list_finds_by_name_and_owns(void **state)
{
	(void)state;
	img_list l = {0};
	assert_null(img_list_find(&l, "a"));
	assert_null(img_list_find(NULL, "a"));
	img_image *a = open_ok("rgb.png"), *b = open_ok("grey.png");
	img_set_name(a, "doc/a.png");
	img_set_name(b, "doc/b.png");
	img_list_add(&l, a);
	img_list_add(&l, b);
	assert_ptr_equal(img_list_find(&l, "doc/b.png"), b);
	assert_ptr_equal(img_list_find(&l, "doc/a.png"), a);
	assert_null(img_list_find(&l, "doc/c.png"));
	img_list_free(&l);   /* frees both: valgrind tells */
	assert_int_equal(l.n, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_kind_decodes_to_rgb),
		cmocka_unit_test(a_warning_is_kept_and_the_image_decoded),
		cmocka_unit_test(broken_files_are_refused_with_a_reason),
		cmocka_unit_test(a_decompression_bomb_is_refused_before_decoding),
		cmocka_unit_test(a_link_swapped_in_after_the_open_changes_nothing),
		cmocka_unit_test(the_file_is_read_through_the_descriptor_not_the_name),
		cmocka_unit_test(a_fifo_is_no_regular_file_and_does_not_block),
		cmocka_unit_test(a_large_image_is_downsampled_to_its_box),
		cmocka_unit_test(the_list_finds_by_name_and_owns),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
