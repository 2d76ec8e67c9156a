/* SPDX-License-Identifier: Apache-2.0 */
/* fuzz_image.c - libFuzzer harness (issue 11): one input as a document's logo, through
 * the validation path exactly as `validate` and `render` take it (valid_check_keep:
 * the file opened once, checked, decoded by libpng or libjpeg), then what render does
 * with the checked pixels (downsampled to two boxes, handed to libharu as raw RGB).
 * Any abort, sanitizer report, leak, or a decoded image that breaks the module's
 * promises (3 components, at most IMG_MAX_PIXELS) is a finding. */
#include "diag.h"
#include "img.h"
#include "model.h"
#include "valid.h"
#include "../test_valid_builder.h"
#include <hpdf.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char doc_path[4096], logo_path[4096];
static HPDF_Doc pdf;

static void on_hpdf_error(HPDF_STATUS code, HPDF_STATUS detail, void *ctx)
{
	(void)code, (void)detail, (void)ctx;   /* recorded by libharu, checked by the caller */
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	const char *base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
	char dir[256];
	snprintf(dir, sizeof dir, "%s/srfuzz-img-XXXXXX", base);
	if (!mkdtemp(dir)) {
		perror("fuzz: mkdtemp");
		exit(1);
	}
	snprintf(doc_path, sizeof doc_path, "%s/rapport.xml", dir);
	snprintf(logo_path, sizeof logo_path, "%s/logo.bild", dir);
	pdf = HPDF_New(on_hpdf_error, NULL);
	if (!pdf)
		exit(1);
	return 0;
}

/* Touches every pixel (ASan sees any short buffer) and returns a checksum. */
static unsigned touch(const img_image *im)
{
	unsigned sum = 0;
	size_t n = (size_t)im->width * im->height * 3;
	for (size_t i = 0; i < n; i++)
		sum += im->pixels[i];
	return sum;
}

/* What pdf_draw.c does for a DL_IMAGE: fit to the box's pixels, load as raw RGB. */
static void draw(const img_image *im, uint32_t max_w, uint32_t max_h)
{
	img_image *small = img_fit(im, max_w, max_h);
	const img_image *px = small ? small : im;
	if (px->width > im->width || px->height > im->height)
		abort();   /* downsampling never enlarges */
	touch(px);
	if (HPDF_NewDoc(pdf) == HPDF_OK)
		HPDF_LoadRawImageFromMem(pdf, px->pixels, px->width, px->height, HPDF_CS_DEVICE_RGB, 8);
	HPDF_ResetError(pdf);
	img_free(small);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int fd = open(logo_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd < 0 || write(fd, data, size) != (ssize_t)size || close(fd) != 0)
		abort();
	sr_model *m = vb_new(doc_path);
	m->kommun.logotyp = "logo.bild";
	m->kommun.loc_logotyp = (src_loc){m->file, 15};
	diag_sink d;
	diag_init(&d);
	img_list images = {0};
	valid_check_keep(m, &d, &images);
	size_t logo_errors = 0;
	for (size_t i = 0; i < d.n; i++) {
		if (!d.items[i].message || !*d.items[i].message || d.items[i].line != 15)
			abort();
		logo_errors += diag_code_level(d.items[i].code) == DIAG_ERROR;
	}
	if (images.n > 1 || (images.n == 1) == (logo_errors != 0))
		abort();   /* a kept image exactly when the logo has no error */
	for (size_t i = 0; i < images.n; i++) {
		const img_image *im = images.items[i];
		if (im->components != 3 || !im->width || !im->height ||
		    (uint64_t)im->width * im->height > IMG_MAX_PIXELS || !img_list_find(&images, im->name))
			abort();
		draw(im, 584, 292);   /* the title page's logo box, 140 x 70 pt at 300 dpi */
		draw(im, 150, 75);    /* a running header's */
	}
	img_list_free(&images);
	diag_free(&d);
	model_free(m);
	return 0;
}
