/* model_bild.c - MODEL v2 part 1 (issue 12): where a bild's file is and what its header
 * says (PNG IHDR, JPEG SOF), for validation (BILD-FORMAT) and for the picture's aspect
 * ratio in the layout. It reads headers only; decoding is the PDF writer's. */
#include "model.h"
#include <errno.h>
#include <libgen.h>
#include <stdio.h>
#include <string.h>

static long be16(const unsigned char *p) { return (long)p[0] << 8 | p[1]; }
static long be32(const unsigned char *p)
{
	return (long)((unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 | (unsigned long)p[2] << 8 | p[3]);
}

static void probe_png(const unsigned char *b, size_t n, bild_info *out)
{
	static const int channels[7] = {1, 0, 3, 1, 2, 0, 4};   /* by colour type */
	out->format = BF_PNG;
	if (n < 26 || memcmp(b + 12, "IHDR", 4) != 0)
		return;
	out->width = be32(b + 16);
	out->height = be32(b + 20);
	out->depth = b[24];
	out->channels = b[25] < 7 ? channels[b[25]] : 0;
	if (b[25] == 3)
		out->depth = 8;   /* a palette of 8-bit colours, whatever the index size */
}

/* Walks the JPEG markers to the first start-of-frame. */
static void probe_jpeg(FILE *f, bild_info *out)
{
	unsigned char h[8];
	out->format = BF_JPEG;
	if (fseek(f, 2, SEEK_SET) != 0)
		return;
	for (int guard = 0; guard < 4096; guard++) {
		int c = fgetc(f);
		while (c == 0xFF)
			c = fgetc(f);
		if (c == EOF || c == 0xD9 || c == 0xDA)
			return;
		if (c == 0x01 || (c >= 0xD0 && c <= 0xD7))
			continue;   /* markers without a length */
		if (fread(h, 1, 2, f) != 2)
			return;
		long len = be16(h);
		bool sof = c >= 0xC0 && c <= 0xCF && c != 0xC4 && c != 0xC8 && c != 0xCC;
		if (sof) {
			if (len < 8 || fread(h, 1, 6, f) != 6)
				return;
			out->depth = h[0];
			out->height = be16(h + 1);
			out->width = be16(h + 3);
			out->channels = h[5];
			return;
		}
		if (len < 2 || fseek(f, len - 2, SEEK_CUR) != 0)
			return;
	}
}

int model_bild_probe(const char *path, bild_info *out)
{
	memset(out, 0, sizeof *out);
	FILE *f = fopen(path, "rb");
	if (!f)
		return errno ? errno : EIO;
	unsigned char b[26] = {0};
	size_t n = fread(b, 1, sizeof b, f);
	if (n >= 8 && memcmp(b, "\x89PNG\r\n\x1a\n", 8) == 0)
		probe_png(b, n, out);
	else if (n >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF)
		probe_jpeg(f, out);
	fclose(f);
	return 0;
}

const char *model_bild_path(const sr_model *m, const bild *b)
{
	const char *base = b->base ? b->base : m->file;
	if (!b->href)
		return NULL;
	if (b->href[0] == '/' || !base)
		return b->href;
	char *copy = arena_strdup(m->arena, base);
	return arena_printf(m->arena, "%s/%s", dirname(copy), b->href);
}
