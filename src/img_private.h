/* SPDX-License-Identifier: Apache-2.0 */
/* img_private.h - for use inside img*.c only: the decoders and their shared helpers. */
#ifndef SR_IMG_PRIVATE_H
#define SR_IMG_PRIVATE_H
#include "img.h"
#include <stdbool.h>

/* Sets rep's status and message (printf-style). Returns NULL, for `return img_fail(...)`. */
img_image *img_fail(img_report *rep, enum img_status st, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Records a decoder warning (the first IMG_MAX_WARNINGS kept, all counted). */
void img_warn(img_report *rep, const char *msg);
/* Refuses width x height when it is zero or over the limit (message says both). */
bool img_size_ok(uint32_t width, uint32_t height, uint64_t max_pixels, const char *kind,
                 img_report *rep);
/* An image of width x height RGB with uninitialised pixels, or NULL when the memory is
 * not there (rep says so). */
img_image *img_new(uint32_t width, uint32_t height, img_report *rep);

img_image *img_decode_png(const unsigned char *data, size_t n, uint64_t max_pixels,
                          img_report *rep);
img_image *img_decode_jpeg(const unsigned char *data, size_t n, uint64_t max_pixels,
                           img_report *rep);
#endif
