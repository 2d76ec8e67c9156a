/* valid_logo.c - kommun/logotyp: a relative href inside the main document's folder
 * tree (after resolving links), naming an existing PNG or JPEG file. */
#include "valid_private.h"
#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* A URI scheme ("http:", "file:", "c:") or an absolute path: never a local relative file. */
static bool is_absolute_or_scheme(const char *href)
{
	if (href[0] == '/' || href[0] == '\\')
		return true;
	size_t i = 0;
	while ((href[i] >= 'a' && href[i] <= 'z') || (href[i] >= 'A' && href[i] <= 'Z') ||
	       (i > 0 && ((href[i] >= '0' && href[i] <= '9') || href[i] == '+' || href[i] == '-' || href[i] == '.')))
		i++;
	return i > 0 && href[i] == ':';
}

/* Lexically, does href climb above its starting folder ("../x", "a/../../x")? Used when
 * the file does not exist, so realpath cannot tell. */
static bool climbs_out(const char *href)
{
	long depth = 0;
	for (const char *s = href; *s;) {
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

static bool inside(const char *base, const char *path)
{
	size_t n = strlen(base);
	if (n == 1 && base[0] == '/')
		return true;
	return strncmp(base, path, n) == 0 && (path[n] == '/' || path[n] == '\0');
}

static void check_magic(const sr_model *m, diag_sink *d, const char *href, const char *path,
                        src_loc loc)
{
	unsigned char b[26] = {0};   /* the signature and the IHDR chunk's depth */
	FILE *f = fopen(path, "rb");
	size_t n = f ? fread(b, 1, sizeof b, f) : 0;
	if (f)
		fclose(f);
	bool png = n >= 8 && memcmp(b, "\x89PNG\r\n\x1a\n", 8) == 0;
	bool jpeg = n >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF;
	if (!f)
		diag_add(d, D_LOGO_MISSING, VLOC(m, loc),
		         "logotypen '%s' kan inte läsas: %s", href, strerror(errno));
	else if (!png && !jpeg)
		diag_add(d, D_LOGO_FORMAT, VLOC(m, loc),
		         "logotypen '%s' är varken en PNG- eller en JPEG-bild", href);
	else if (png && n == sizeof b && b[24] == 16)
		/* libharu 2.3 draws 16-bit PNGs with wrong colours and doubled: refuse them */
		diag_add(d, D_LOGO_FORMAT, VLOC(m, loc),
		         "logotypen '%s' har 16 bitar per färgkanal, vilket inte kan visas rätt; "
		         "spara den som PNG med 8 bitar per kanal", href);
}

/* realpath of the folder holding the main document; NULL when it cannot be resolved. */
static char *document_folder(const char *file)
{
	char *copy = xstrdup(file ? file : ".");
	char *dir = realpath(dirname(copy), NULL);
	free(copy);
	return dir;
}

static void resolve_and_check(const sr_model *m, diag_sink *d, const char *href, const char *base)
{
	src_loc loc = m->kommun.loc_logotyp.line ? m->kommun.loc_logotyp : m->kommun.loc;
	size_t n = strlen(base) + strlen(href) + 2;
	char *joined = xmalloc(n);
	snprintf(joined, n, "%s/%s", base, href);
	char *real = realpath(joined, NULL);
	struct stat st;
	if (!real && climbs_out(href))
		diag_add(d, D_LOGO_PATH, VLOC(m, loc),
		         "logotypen '%s' ligger utanför dokumentets mapp", href);
	else if (!real)
		diag_add(d, D_LOGO_MISSING, VLOC(m, loc), "logotypen '%s' finns inte (sökt som %s)",
		         href, joined);
	else if (!inside(base, real))
		diag_add(d, D_LOGO_PATH, VLOC(m, loc),
		         "logotypen '%s' ligger utanför dokumentets mapp (den pekar på %s)", href, real);
	else if (stat(real, &st) != 0 || !S_ISREG(st.st_mode))
		diag_add(d, D_LOGO_MISSING, VLOC(m, loc), "logotypen '%s' är ingen vanlig fil", href);
	else
		check_magic(m, d, href, real, loc);
	free(real);
	free(joined);
}

void valid_logo(const sr_model *m, diag_sink *d)
{
	const char *href = m->kommun.logotyp;
	src_loc loc = m->kommun.loc_logotyp.line ? m->kommun.loc_logotyp : m->kommun.loc;
	if (!href)
		return;
	if (!*href || is_absolute_or_scheme(href)) {
		diag_add(d, D_LOGO_PATH, VLOC(m, loc),
		         "logotypen '%s' ska vara en relativ sökväg till en fil i dokumentets mapp (ingen adress, ingen absolut sökväg)",
		         href);
		return;
	}
	char *base = document_folder(m->file);
	if (!base) {
		diag_add(d, D_LOGO_MISSING, VLOC(m, loc),
		         "logotypen '%s' kan inte sökas: dokumentets mapp går inte att läsa", href);
		return;
	}
	resolve_and_check(m, d, href, base);
	free(base);
}

/* ---- MODEL v2 part 1 (issue 12): the logo's path rules, shared with bild ---- */

bool valid_href_is_absolute(const char *href)
{
	return !*href || is_absolute_or_scheme(href);
}

bool valid_href_climbs_out(const char *href)
{
	return climbs_out(href);
}

bool valid_path_inside(const char *base, const char *path)
{
	return inside(base, path);
}

char *valid_document_folder(const char *file)
{
	return document_folder(file);
}
