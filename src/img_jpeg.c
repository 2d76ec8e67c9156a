/* SPDX-License-Identifier: Apache-2.0 */
/* img_jpeg.c - JPEG bytes to 8-bit RGB with libjpeg, under its own error handling
 * (error_exit longjmps back here). Any warning of the decoder means damaged data (a
 * truncated file is padded with a fake end marker and only warned about): refused.
 * The first warning stops the decoding.
 * CMYK and YCCK are refused with a hint: PDF/A under an sRGB intent cannot show them. */
#include "img_private.h"
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jpeglib.h>

/* A progressive JPEG may hold thousands of tiny scans, each a pass over the whole
 * image: a 64 KB file could take minutes. Real files have about ten. */
enum { MAX_SCANS = 500 };

typedef struct jpeg_job {
	struct jpeg_error_mgr err;   /* first: libjpeg's err pointer is the job's */
	struct jpeg_progress_mgr progress;
	jmp_buf jump;
	struct jpeg_decompress_struct cinfo;
	const unsigned char *data;
	size_t n;
	uint64_t max_pixels;
	img_report *rep;
	size_t n_damage;             /* warnings: corrupt or missing data */
	img_image *out;
} jpeg_job;

static void on_error_exit(j_common_ptr cinfo)
{
	jpeg_job *j = (jpeg_job *)cinfo->err;
	char msg[JMSG_LENGTH_MAX];
	cinfo->err->format_message(cinfo, msg);
	if (j->rep->status == IMG_OK)
		img_fail(j->rep, IMG_CORRUPT, "är en trasig JPEG-fil (libjpeg: %s)", msg);
	longjmp(j->jump, 1);
}

static void on_message(j_common_ptr cinfo, int level)
{
	if (level >= 0)
		return;   /* trace output */
	jpeg_job *j = (jpeg_job *)cinfo->err;
	char msg[JMSG_LENGTH_MAX];
	cinfo->err->format_message(cinfo, msg);
	img_warn(j->rep, msg);
	j->n_damage++;
	/* damaged data: stop here, not after decoding a padded picture of garbage (a
	 * 300-byte file declaring 40 megapixels would cost seconds and 120 MB) */
	img_fail(j->rep, IMG_CORRUPT, "är en trasig eller avkortad JPEG-fil (libjpeg: %s)", msg);
	longjmp(j->jump, 1);
}

static void on_progress(j_common_ptr cinfo)
{
	jpeg_job *j = (jpeg_job *)cinfo->err;
	if (((j_decompress_ptr)cinfo)->input_scan_number > MAX_SCANS) {
		img_fail(j->rep, IMG_CORRUPT, "är en trasig JPEG-fil: den har fler än %d avsnitt "
		         "(scans)", MAX_SCANS);
		longjmp(j->jump, 1);
	}
}

static int check_header(jpeg_job *j)
{
	struct jpeg_decompress_struct *c = &j->cinfo;
	if (c->jpeg_color_space == JCS_CMYK || c->jpeg_color_space == JCS_YCCK) {
		img_fail(j->rep, IMG_CMYK,
		         "är en CMYK-JPEG, som inte kan visas rätt i en PDF/A med sRGB; spara om "
		         "den i färgläget RGB (sRGB) i ett bildprogram, eller som PNG");
		return -1;
	}
	if (c->num_components != 1 && c->num_components != 3) {
		img_fail(j->rep, IMG_FORMAT, "är en JPEG med %d färgkanaler; bara RGB och gråskala "
		         "kan visas", c->num_components);
		return -1;
	}
	return img_size_ok(c->image_width, c->image_height, j->max_pixels, "JPEG", j->rep) ? 0 : -1;
}

static int decode(jpeg_job *j)
{
	struct jpeg_decompress_struct *c = &j->cinfo;
	if (setjmp(j->jump))
		return -1;
	jpeg_create_decompress(c);   /* zeroes all of c but err */
	c->progress = &j->progress;
	jpeg_mem_src(c, j->data, (unsigned long)j->n);
	jpeg_read_header(c, TRUE);
	if (j->n_damage || check_header(j) != 0)
		return -1;
	c->out_color_space = JCS_RGB;
	jpeg_start_decompress(c);
	if (c->output_components != 3 || c->output_width != c->image_width ||
	    c->output_height != c->image_height) {
		img_fail(j->rep, IMG_FORMAT, "är en JPEG som inte kan avkodas till RGB");
		return -1;
	}
	j->out = img_new(c->output_width, c->output_height, j->rep);
	if (!j->out)
		return -1;
	size_t stride = (size_t)c->output_width * 3;
	while (c->output_scanline < c->output_height) {
		JSAMPROW row = j->out->pixels + (size_t)c->output_scanline * stride;
		jpeg_read_scanlines(c, &row, 1);
	}
	jpeg_finish_decompress(c);
	return 0;
}

img_image *img_decode_jpeg(const unsigned char *data, size_t n, uint64_t max_pixels,
                           img_report *rep)
{
	jpeg_job *j = calloc(1, sizeof *j);   /* on the heap: jmp_buf and cinfo are large */
	if (!j)
		return img_fail(rep, IMG_TOO_LARGE, "kan inte läsas: slut på minne");
	j->data = data;
	j->n = n;
	j->max_pixels = max_pixels;
	j->rep = rep;
	j->cinfo.err = jpeg_std_error(&j->err);
	j->err.error_exit = on_error_exit;
	j->err.emit_message = on_message;
	j->progress.progress_monitor = on_progress;
	int rc = decode(j);
	if (j->n_damage && rep->status == IMG_OK) {
		img_fail(rep, IMG_CORRUPT, "är en trasig eller avkortad JPEG-fil (libjpeg: %s)",
		         rep->warning[0]);
		rc = -1;
	}
	jpeg_destroy_decompress(&j->cinfo);
	img_image *out = rc == 0 ? j->out : NULL;
	if (!out)
		img_free(j->out);
	free(j);
	return out;
}
