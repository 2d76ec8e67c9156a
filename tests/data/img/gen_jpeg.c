/* gen_jpeg.c - writes the JPEG fixtures of tests/data/img (issue 11) with libjpeg:
 * RGB, greyscale, progressive, CMYK; truncated and header-only copies are cut from
 * rgb.jpg. Not part of the build; run once:
 *   cc -o /tmp/gen_jpeg tests/data/img/gen_jpeg.c -ljpeg && /tmp/gen_jpeg tests/data/img */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jpeglib.h>

enum { W = 40, H = 20 };

static void pixel(int x, int y, unsigned char *rgb)
{
	static const unsigned char red[3] = {220, 30, 30}, blue[3] = {30, 60, 200},
	                           green[3] = {0, 160, 60};
	memcpy(rgb, y >= 8 && y < 12 ? green : x < W / 2 ? red : blue, 3);
}

static unsigned char *encode(J_COLOR_SPACE space, int comps, int progressive, unsigned long *len)
{
	struct jpeg_compress_struct c;
	struct jpeg_error_mgr err;
	unsigned char *out = NULL;
	c.err = jpeg_std_error(&err);
	jpeg_create_compress(&c);
	jpeg_mem_dest(&c, &out, len);
	c.image_width = W;
	c.image_height = H;
	c.input_components = comps;
	c.in_color_space = space;
	jpeg_set_defaults(&c);
	jpeg_set_quality(&c, 95, TRUE);
	if (progressive)
		jpeg_simple_progression(&c);
	jpeg_start_compress(&c, TRUE);
	unsigned char row[W * 4];
	while (c.next_scanline < H) {
		for (int x = 0; x < W; x++) {
			unsigned char rgb[3];
			pixel(x, (int)c.next_scanline, rgb);
			if (comps == 1)
				row[x] = (unsigned char)((rgb[0] * 30 + rgb[1] * 59 + rgb[2] * 11) / 100);
			else if (comps == 3)
				memcpy(row + x * 3, rgb, 3);
			else
				for (int k = 0; k < 4; k++)   /* plain (non-inverted) CMYK */
					row[x * 4 + k] = (unsigned char)(k < 3 ? 255 - rgb[k] : 0);
		}
		JSAMPROW r = row;
		jpeg_write_scanlines(&c, &r, 1);
	}
	jpeg_finish_compress(&c);
	jpeg_destroy_compress(&c);
	return out;
}

static void put(const char *dir, const char *name, const unsigned char *b, size_t n)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(b, 1, n, f) != n || fclose(f) != 0) {
		perror(path);
		exit(1);
	}
}

/* The offset of the first SOS marker (FF DA): everything before it is the header. */
static size_t sos_at(const unsigned char *b, size_t n)
{
	for (size_t i = 2; i + 1 < n; i++)
		if (b[i] == 0xFF && b[i + 1] == 0xDA)
			return i;
	return n;
}

int main(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : ".";
	unsigned long n;
	unsigned char *b = encode(JCS_RGB, 3, 0, &n);
	put(dir, "rgb.jpg", b, n);
	size_t sos = sos_at(b, n);
	put(dir, "truncated.jpg", b, sos + (n - sos) / 2);   /* cut in the middle of the scan */
	put(dir, "header-only.jpg", b, sos);
	free(b);
	b = encode(JCS_GRAYSCALE, 1, 0, &n);
	put(dir, "grey.jpg", b, n);
	free(b);
	b = encode(JCS_RGB, 3, 1, &n);
	put(dir, "progressive.jpg", b, n);
	free(b);
	b = encode(JCS_CMYK, 4, 0, &n);
	put(dir, "cmyk.jpg", b, n);
	free(b);
	return 0;
}
