/* SPDX-License-Identifier: Apache-2.0 */
/* img_png.c - PNG bytes to 8-bit RGB with libpng, under its own error handling: every
 * error longjmps back here (never abort), every warning is recorded, the declared size
 * is checked before any pixel memory is taken. Interlaced, palette, grey, 16-bit and
 * alpha images are all decoded (alpha composed onto white, the page's colour). */
#include "img_private.h"
#include <png.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

/* Everything the error path must free lives here, outside the function that calls
 * setjmp, so nothing is lost to a longjmp. */
typedef struct png_job {
	const unsigned char *data;
	size_t n, pos;
	uint64_t max_pixels;
	img_report *rep;
	png_structp png;
	png_infop info;
	unsigned char *buf;        /* width * height * channels */
	png_bytep *rows;
	img_image *out;
} png_job;

static void on_error(png_structp png, png_const_charp msg)
{
	png_job *j = png_get_error_ptr(png);
	if (j->rep->status == IMG_OK)
		img_fail(j->rep, IMG_CORRUPT, "är en trasig PNG-fil (libpng: %s)", msg);
	png_longjmp(png, 1);
}

static void on_warning(png_structp png, png_const_charp msg)
{
	png_job *j = png_get_error_ptr(png);
	img_warn(j->rep, msg);
}

static void read_bytes(png_structp png, png_bytep out, size_t len)
{
	png_job *j = png_get_io_ptr(png);
	if (len > j->n - j->pos) {
		img_fail(j->rep, IMG_CORRUPT, "är en avkortad PNG-fil: den tar slut innan bilden är hel");
		png_error(png, "truncated");
	}
	memcpy(out, j->data + j->pos, len);
	j->pos += len;
}

/* Asks libpng for 8-bit RGB or RGBA whatever the file holds. Returns the channels. */
static int set_transforms(png_structp png, png_infop info)
{
	int type = png_get_color_type(png, info), depth = png_get_bit_depth(png, info);
	if (type == PNG_COLOR_TYPE_PALETTE)
		png_set_palette_to_rgb(png);
	if (type == PNG_COLOR_TYPE_GRAY && depth < 8)
		png_set_expand_gray_1_2_4_to_8(png);
	if (png_get_valid(png, info, PNG_INFO_tRNS))
		png_set_tRNS_to_alpha(png);
	if (depth == 16)
		png_set_scale_16(png);
	if (type == PNG_COLOR_TYPE_GRAY || type == PNG_COLOR_TYPE_GRAY_ALPHA)
		png_set_gray_to_rgb(png);
	png_set_interlace_handling(png);   /* libpng merges the passes into the rows */
	png_read_update_info(png, info);
	return png_get_channels(png, info);
}

/* In place, RGBA to RGB on white: the page behind a logo is white. */
static void compose_on_white(unsigned char *px, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		unsigned a = px[i * 4 + 3];
		for (int c = 0; c < 3; c++)
			px[i * 3 + c] = (unsigned char)((px[i * 4 + c] * a + 255u * (255u - a) + 127u) / 255u);
	}
}

static int decode(png_job *j)
{
	if (setjmp(png_jmpbuf(j->png)))
		return -1;
	png_set_read_fn(j->png, j, read_bytes);
	png_read_info(j->png, j->info);
	uint32_t w = png_get_image_width(j->png, j->info), h = png_get_image_height(j->png, j->info);
	if (!img_size_ok(w, h, j->max_pixels, "PNG", j->rep))
		return -1;
	int ch = set_transforms(j->png, j->info);
	if ((ch != 3 && ch != 4) || png_get_rowbytes(j->png, j->info) != (size_t)w * ch)
		png_error(j->png, "unexpected pixel layout after expansion");
	j->out = img_new(w, h, j->rep);
	if (!j->out)
		return -1;
	/* RGB decodes straight into the image; RGBA into a wider buffer, composed after */
	j->buf = ch == 3 ? j->out->pixels : malloc((size_t)w * h * 4);
	j->rows = malloc(h * sizeof *j->rows);
	if (!j->buf || !j->rows) {
		img_fail(j->rep, IMG_TOO_LARGE, "ryms inte i minnet (%u × %u bildpunkter)", w, h);
		return -1;
	}
	for (uint32_t y = 0; y < h; y++)
		j->rows[y] = j->buf + (size_t)y * w * ch;
	png_read_image(j->png, j->rows);
	png_read_end(j->png, NULL);   /* the chunks after the pixels, their CRCs and IEND */
	if (ch == 4) {
		compose_on_white(j->buf, (size_t)w * h);
		memcpy(j->out->pixels, j->buf, (size_t)w * h * 3);
	}
	return 0;
}

/* Every chunk's declared length fits in the bytes that are left. libpng allocates (and
 * zeroes) a text chunk's buffer from its declared length before it reads the data, and
 * its chunk limit does not stop it for tEXt: a 93-byte file declaring a 1.3 GB tEXt
 * took 5 s and 1.3 GB (found by the image fuzz harness). The whole file is in memory,
 * so a length past its end is a truncated file, told before libpng sees it. */
static bool chunks_fit(const unsigned char *data, size_t n)
{
	size_t pos = 8;   /* after the signature (img_decode checked it) */
	while (pos + 8 <= n) {
		uint64_t len = (uint64_t)data[pos] << 24 | (uint64_t)data[pos + 1] << 16 |
		               (uint64_t)data[pos + 2] << 8 | data[pos + 3];
		if (len > n - pos - 8 || n - pos - 8 - len < 4)   /* the data and its CRC */
			return false;
		if (!memcmp(data + pos + 4, "IEND", 4))
			return true;
		pos += 8 + (size_t)len + 4;
	}
	return false;   /* no IEND: libpng would read past the end */
}

img_image *img_decode_png(const unsigned char *data, size_t n, uint64_t max_pixels,
                          img_report *rep)
{
	if (!chunks_fit(data, n))
		return img_fail(rep, IMG_CORRUPT, "är en avkortad PNG-fil: den tar slut innan bilden är hel");
	png_job j = {.data = data, .n = n, .max_pixels = max_pixels, .rep = rep};
	j.png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &j, on_error, on_warning);
	j.info = j.png ? png_create_info_struct(j.png) : NULL;
	if (!j.info) {
		png_destroy_read_struct(&j.png, NULL, NULL);
		return img_fail(rep, IMG_TOO_LARGE, "kan inte läsas: slut på minne");
	}
	/* libpng's own guards too: ancillary chunks (text, ICC) at most 8 MB, 1000 of them */
	png_set_chunk_malloc_max(j.png, 8u * 1024 * 1024);
	png_set_chunk_cache_max(j.png, 1000);
	/* the size is judged by img_size_ok (a Swedish reason), not libpng's 1e6 default */
	png_set_user_limits(j.png, 0x7fffffffu, 0x7fffffffu);
	int rc = decode(&j);
	png_destroy_read_struct(&j.png, &j.info, NULL);
	if (j.out && j.buf != j.out->pixels)
		free(j.buf);   /* the RGBA buffer; an RGB one is the image's own */
	free(j.rows);
	if (rc != 0) {
		img_free(j.out);
		return NULL;
	}
	return j.out;
}
