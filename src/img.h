/* SPDX-License-Identifier: Apache-2.0 */
/* img.h - images (PNG, JPEG) opened once inside a folder tree and fully decoded to
 * 8-bit RGB under the decoders' own error handling. No libharu here: the PDF backend
 * gets only these checked pixels, never a file. Problems are returned, not printed. */
#ifndef SR_IMG_H
#define SR_IMG_H
#include <stddef.h>
#include <stdint.h>

/* Defaults (docs/limits.md): an image may have at most this many pixels (checked on
 * the declared size, before anything is allocated) and its file at most this many
 * bytes. */
#define IMG_MAX_PIXELS 40000000u
#define IMG_MAX_FILE_BYTES (64u * 1024 * 1024)
/* An image is drawn with at most this many pixels per inch of its box: a larger
 * picture is downsampled (img_fit) before it goes into the PDF. */
#define IMG_DRAW_DPI 300

/* A decoded picture: width * height * 3 bytes, rows top to bottom, 8-bit RGB (grey
 * and palette expanded, 16-bit scaled, alpha composed onto white). */
typedef struct img_image {
	unsigned char *pixels;
	uint32_t width, height;
	int components;   /* always 3 */
	char *name;       /* the caller's key (img_set_name); NULL until set */
} img_image;

enum img_status {
	IMG_OK,
	IMG_MISSING,      /* no such file, unreadable, or not a regular file */
	IMG_OUTSIDE,      /* the file (after links) is outside the folder tree */
	IMG_FORMAT,       /* neither PNG nor JPEG, or a kind of PNG/JPEG not supported */
	IMG_CORRUPT,      /* the decoder refused it: truncated, bad CRC, bad header ... */
	IMG_TOO_LARGE,    /* more pixels, or a larger file, than the limits allow */
	IMG_CMYK,         /* a CMYK/YCCK JPEG (PDF/A with sRGB cannot show it) */
};

enum { IMG_MAX_WARNINGS = 4 };

/* What happened: status, and a Swedish phrase that follows the image's name
 * ("finns inte (sökt som ...)", "är en trasig PNG-fil: ..."). Warnings of the
 * decoder (an image that was still decoded) are kept too, at most IMG_MAX_WARNINGS;
 * n_warnings counts them all. */
typedef struct img_report {
	enum img_status status;
	char message[512];
	char warning[IMG_MAX_WARNINGS][256];
	size_t n_warnings;
} img_report;

typedef struct img_options {
	uint64_t max_pixels;      /* 0: IMG_MAX_PIXELS */
	size_t max_file_bytes;    /* 0: IMG_MAX_FILE_BYTES */
	/* Test hook: called with the one descriptor right after it is opened, before it
	 * is checked and read (tests swap the file for a link here). NULL normally. */
	void (*after_open)(int fd, void *ctx);
	void *hook_ctx;
} img_options;

/* Opens rel (a relative path) below the folder root, once: the one descriptor is
 * checked (a regular file whose real path lies inside root) and read, and the bytes
 * are decoded. opt may be NULL. Returns the image, or NULL with rep->status and
 * rep->message set. rep is always filled. */
img_image *img_open(const char *root, const char *rel, const img_options *opt, img_report *rep);

/* Decodes PNG or JPEG bytes (what img_open does after reading). */
img_image *img_decode(const unsigned char *data, size_t n, const img_options *opt,
                      img_report *rep);

/* A copy downsampled (area average) to fit max_w x max_h keeping the aspect ratio, or
 * NULL when im already fits (use im itself). */
img_image *img_fit(const img_image *im, uint32_t max_w, uint32_t max_h);

/* Sets the key under which an img_list finds the image (copied). */
void img_set_name(img_image *im, const char *name);
void img_free(img_image *im);

/* The images a document's validation decoded, for the renderer; owns them. */
typedef struct img_list {
	img_image **items;
	size_t n, cap;
} img_list;

void img_list_add(img_list *l, img_image *im);   /* takes ownership */
/* The image named name, or NULL. l may be NULL. */
const img_image *img_list_find(const img_list *l, const char *name);
void img_list_free(img_list *l);
#endif
