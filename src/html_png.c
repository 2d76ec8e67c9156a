/* SPDX-License-Identifier: Apache-2.0 */
/* html_png.c - the pictures of the website: the decoded pixels (never the file as
 * given) re-encoded as PNG with libpng, with no time or text chunks, so the same
 * input gives the same bytes. */
#include "html_private.h"
#include <png.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

static void on_write(png_structp png, png_bytep data, png_size_t len)
{
	sb_put(png_get_io_ptr(png), (const char *)data, len);
}

static void on_flush(png_structp png)
{
	(void)png;
}

bool html_png_encode(const unsigned char *rgb, uint32_t w, uint32_t h, unsigned char **out,
                     size_t *len)
{
	if (!rgb || !w || !h)
		return false;
	sb b = {0};
	png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
	png_infop info = png ? png_create_info_struct(png) : NULL;
	if (!info) {
		png_destroy_write_struct(&png, NULL);
		return false;
	}
	if (setjmp(png_jmpbuf(png))) {
		png_destroy_write_struct(&png, &info);
		sb_free(&b);
		return false;
	}
	png_set_write_fn(png, &b, on_write, on_flush);
	png_set_compression_level(png, 6);
	png_set_IHDR(png, info, w, h, 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
	             PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
	png_set_sRGB(png, info, PNG_sRGB_INTENT_PERCEPTUAL);
	png_write_info(png, info);
	for (uint32_t y = 0; y < h; y++)
		png_write_row(png, (png_const_bytep)(rgb + (size_t)y * w * 3));
	png_write_end(png, NULL);
	png_destroy_write_struct(&png, &info);
	*out = (unsigned char *)b.p;
	*len = b.n;
	return true;
}
