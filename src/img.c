/* SPDX-License-Identifier: Apache-2.0 */
/* img.c - an image opened once inside a folder tree: the descriptor that is checked is
 * the one that is read (no second open by name, so a link swapped in later changes
 * nothing); the bytes go to the PNG or JPEG decoder; downsampling; the image list. */
#include "img_private.h"
#include "arena.h"
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

img_image *img_fail(img_report *rep, enum img_status st, const char *fmt, ...)
{
	rep->status = st;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(rep->message, sizeof rep->message, fmt, ap);
	va_end(ap);
	return NULL;
}

void img_warn(img_report *rep, const char *msg)
{
	if (rep->n_warnings < IMG_MAX_WARNINGS)
		snprintf(rep->warning[rep->n_warnings], sizeof rep->warning[0], "%s", msg);
	rep->n_warnings++;
}

/* 40000000 as "40 000 000", the Swedish way. */
static void group_digits(uint64_t v, char *out, size_t len)
{
	char digits[32];
	int n = snprintf(digits, sizeof digits, "%llu", (unsigned long long)v);
	size_t o = 0;
	for (int i = 0; i < n && o + 2 < len; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			out[o++] = ' ';
		out[o++] = digits[i];
	}
	out[o] = '\0';
}

bool img_size_ok(uint32_t width, uint32_t height, uint64_t max_pixels, const char *kind,
                 img_report *rep)
{
	uint64_t px = (uint64_t)width * height;
	if (px == 0) {
		img_fail(rep, IMG_CORRUPT, "är en trasig %s-fil: bredden eller höjden är 0", kind);
		return false;
	}
	if (px > max_pixels) {
		char have[32], most[32];
		group_digits(px, have, sizeof have);
		group_digits(max_pixels, most, sizeof most);
		img_fail(rep, IMG_TOO_LARGE,
		         "är för stor: %u × %u = %s bildpunkter, högst %s tillåts; "
		         "spara en mindre bild (en logotyp behöver sällan mer än 2000 bildpunkter "
		         "på bredden)", (unsigned)width, (unsigned)height, have, most);
		return false;
	}
	return true;
}

img_image *img_new(uint32_t width, uint32_t height, img_report *rep)
{
	img_image *im = calloc(1, sizeof *im);
	size_t bytes = (size_t)width * height * 3;   /* <= 3 * max_pixels: no overflow */
	if (im)
		im->pixels = malloc(bytes ? bytes : 1);
	if (!im || !im->pixels) {
		free(im);
		return img_fail(rep, IMG_TOO_LARGE, "ryms inte i minnet (%u × %u bildpunkter)",
		                (unsigned)width, (unsigned)height);
	}
	im->width = width;
	im->height = height;
	im->components = 3;
	return im;
}

static uint64_t max_pixels_of(const img_options *opt)
{
	return opt && opt->max_pixels ? opt->max_pixels : IMG_MAX_PIXELS;
}

img_image *img_decode(const unsigned char *data, size_t n, const img_options *opt,
                      img_report *rep)
{
	memset(rep, 0, sizeof *rep);
	if (n >= 8 && memcmp(data, "\x89PNG\r\n\x1a\n", 8) == 0)
		return img_decode_png(data, n, max_pixels_of(opt), rep);
	if (n >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF)
		return img_decode_jpeg(data, n, max_pixels_of(opt), rep);
	return img_fail(rep, IMG_FORMAT, "är varken en PNG- eller en JPEG-bild");
}

/* ---- the one descriptor ---- */

/* Lexically, does rel climb above its starting folder ("../x", "a/../../x")? Used when
 * the file does not exist, so its real path cannot tell. */
static bool climbs_out(const char *rel)
{
	long depth = 0;
	for (const char *s = rel; *s;) {
		size_t n = strcspn(s, "/");
		if (n == 2 && s[0] == '.' && s[1] == '.')
			depth--;
		else if (n > 0 && !(n == 1 && s[0] == '.'))
			depth++;
		if (depth < 0)
			return true;
		s += n;
		while (*s == '/')
			s++;
	}
	return false;
}

static bool inside(const char *root, const char *path)
{
	size_t n = strlen(root);
	if (n == 1 && root[0] == '/')
		return true;
	return strncmp(root, path, n) == 0 && (path[n] == '/' || path[n] == '\0');
}

/* The real path of the file fd refers to, in malloc'd memory: from /proc (what was
 * opened, whatever its name says now), else realpath(name) when that names the same
 * file as fd. NULL when neither can tell. */
static char *real_path_of(int fd, const char *name)
{
	char link[64], buf[PATH_MAX + 1];
	snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
	ssize_t n = readlink(link, buf, sizeof buf - 1);
	if (n > 0 && buf[0] == '/') {
		buf[n] = '\0';
		return xstrdup(buf);
	}
	char *real = realpath(name, NULL);
	struct stat a, b;
	if (real && (stat(real, &a) != 0 || fstat(fd, &b) != 0 || a.st_dev != b.st_dev ||
	             a.st_ino != b.st_ino)) {
		free(real);
		real = NULL;
	}
	return real;
}

/* Reads the size bytes of the regular file fd (its size, at most limit). NULL with rep
 * set on failure. A file that shrinks meanwhile is read as far as it goes. */
static unsigned char *read_all(int fd, off_t size, size_t limit, size_t *len, img_report *rep)
{
	if (size < 0 || (uint64_t)size > limit) {
		char most[32];
		group_digits(limit, most, sizeof most);
		img_fail(rep, IMG_TOO_LARGE, "är för stor: filen har mer än %s byte", most);
		return NULL;
	}
	unsigned char *buf = malloc(size ? (size_t)size : 1);
	if (!buf) {
		img_fail(rep, IMG_TOO_LARGE, "ryms inte i minnet");
		return NULL;
	}
	size_t n = 0;
	while (n < (size_t)size) {
		ssize_t got = read(fd, buf + n, (size_t)size - n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			int e = errno;
			free(buf);
			img_fail(rep, IMG_MISSING, "kan inte läsas: %s", strerror(e));
			return NULL;
		}
		if (got == 0)
			break;
		n += (size_t)got;
	}
	*len = n;
	return buf;
}

/* Checks the opened descriptor and decodes what it reads. */
static img_image *load_fd(int fd, const char *root, const char *name, const img_options *opt,
                          img_report *rep)
{
	char *real = real_path_of(fd, name);
	struct stat st;
	img_image *im = NULL;
	if (!real)
		img_fail(rep, IMG_MISSING, "kan inte läsas: filens plats kan inte fastställas");
	else if (!inside(root, real))
		img_fail(rep, IMG_OUTSIDE, "ligger utanför dokumentets mapp (den pekar på %s)", real);
	else if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
		img_fail(rep, IMG_MISSING, "är ingen vanlig fil");
	else {
		size_t limit = opt && opt->max_file_bytes ? opt->max_file_bytes : IMG_MAX_FILE_BYTES;
		size_t len = 0;
		unsigned char *data = read_all(fd, st.st_size, limit, &len, rep);
		if (data)
			im = img_decode(data, len, opt, rep);
		free(data);
	}
	free(real);
	return im;
}

img_image *img_open(const char *root, const char *rel, const img_options *opt, img_report *rep)
{
	memset(rep, 0, sizeof *rep);
	if (!rel || !*rel || rel[0] == '/')
		return img_fail(rep, IMG_OUTSIDE, "ska vara en relativ sökväg i dokumentets mapp");
	char *base = realpath(root ? root : ".", NULL);
	if (!base)
		return img_fail(rep, IMG_MISSING, "kan inte sökas: dokumentets mapp går inte att läsa");
	size_t n = strlen(base) + strlen(rel) + 2;
	char *joined = xmalloc(n);
	snprintf(joined, n, "%s/%s", base, rel);
	/* O_NONBLOCK: a FIFO put there opens at once (and is refused as no regular file) */
	int fd = open(joined, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	img_image *im = NULL;
	if (fd < 0 && errno == ENOENT && climbs_out(rel))
		img_fail(rep, IMG_OUTSIDE, "ligger utanför dokumentets mapp");
	else if (fd < 0 && errno == ENOENT)
		img_fail(rep, IMG_MISSING, "finns inte (sökt som %s)", joined);
	else if (fd < 0)
		img_fail(rep, IMG_MISSING, "kan inte läsas: %s", strerror(errno));
	else {
		if (opt && opt->after_open)
			opt->after_open(fd, opt->hook_ctx);
		im = load_fd(fd, base, joined, opt, rep);
		close(fd);
	}
	free(joined);
	free(base);
	return im;
}

/* ---- downsampling ---- */

/* Averages the source box [x0, x1) x [y0, y1) into out[0..2]. */
static void average(const img_image *im, uint32_t x0, uint32_t x1, uint32_t y0, uint32_t y1,
                    unsigned char *out)
{
	uint64_t sum[3] = {0, 0, 0};
	for (uint32_t y = y0; y < y1; y++) {
		const unsigned char *p = im->pixels + ((size_t)y * im->width + x0) * 3;
		for (uint32_t x = x0; x < x1; x++, p += 3)
			for (int c = 0; c < 3; c++)
				sum[c] += p[c];
	}
	uint64_t count = (uint64_t)(x1 - x0) * (y1 - y0);
	for (int c = 0; c < 3; c++)
		out[c] = (unsigned char)((sum[c] + count / 2) / count);
}

img_image *img_fit(const img_image *im, uint32_t max_w, uint32_t max_h)
{
	if (max_w == 0 || max_h == 0 || (im->width <= max_w && im->height <= max_h))
		return NULL;
	double s = (double)max_w / im->width < (double)max_h / im->height
	               ? (double)max_w / im->width : (double)max_h / im->height;
	uint32_t w = (uint32_t)(im->width * s + 0.5), h = (uint32_t)(im->height * s + 0.5);
	w = w ? w : 1;
	h = h ? h : 1;
	img_report rep;
	img_image *out = img_new(w, h, &rep);
	if (!out)
		return NULL;   /* out of memory: the caller draws the full image */
	for (uint32_t y = 0; y < h; y++) {
		uint32_t y0 = (uint32_t)((uint64_t)y * im->height / h);
		uint32_t y1 = (uint32_t)((uint64_t)(y + 1) * im->height / h);
		for (uint32_t x = 0; x < w; x++) {
			uint32_t x0 = (uint32_t)((uint64_t)x * im->width / w);
			uint32_t x1 = (uint32_t)((uint64_t)(x + 1) * im->width / w);
			average(im, x0, x1 > x0 ? x1 : x0 + 1, y0, y1 > y0 ? y1 : y0 + 1,
			        out->pixels + ((size_t)y * w + x) * 3);
		}
	}
	return out;
}

/* ---- ownership ---- */

void img_set_name(img_image *im, const char *name)
{
	free(im->name);
	im->name = name ? xstrdup(name) : NULL;
}

void img_free(img_image *im)
{
	if (!im)
		return;
	free(im->pixels);
	free(im->name);
	free(im);
}

void img_list_add(img_list *l, img_image *im)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 4;
		l->items = xrealloc(l->items, l->cap * sizeof *l->items);
	}
	l->items[l->n++] = im;
}

const img_image *img_list_find(const img_list *l, const char *name)
{
	for (size_t i = 0; l && name && i < l->n; i++)
		if (l->items[i]->name && strcmp(l->items[i]->name, name) == 0)
			return l->items[i];
	return NULL;
}

void img_list_free(img_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		img_free(l->items[i]);
	free(l->items);
	memset(l, 0, sizeof *l);
}
