/* SPDX-License-Identifier: Apache-2.0 */
/* valid_logo.c - kommun/logotyp: a relative href inside the main document's folder
 * tree, opened once and decoded fully (img.c). Every problem the decoder finds is a
 * diagnostic on the document; the decoded pixels are kept for the renderer, which
 * never opens the file again. */
#include "valid_private.h"
#include "img.h"
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

static enum diag_code code_of(enum img_status st)
{
	switch (st) {
	case IMG_OUTSIDE: return D_LOGO_PATH;
	case IMG_FORMAT: return D_LOGO_FORMAT;
	case IMG_CORRUPT: return D_LOGO_CORRUPT;
	case IMG_TOO_LARGE: return D_LOGO_SIZE;
	case IMG_CMYK: return D_LOGO_CMYK;
	case IMG_MISSING:
	case IMG_OK:
	default: return D_LOGO_MISSING;
	}
}

static void report_warnings(const sr_model *m, diag_sink *d, const char *href,
                            const img_report *rep, src_loc loc)
{
	size_t kept = rep->n_warnings < IMG_MAX_WARNINGS ? rep->n_warnings : IMG_MAX_WARNINGS;
	for (size_t i = 0; i < kept; i++)
		diag_add(d, D_LOGO_WARNING, VLOC(m, loc), "logotypen '%s': bildavkodaren varnar: %s",
		         href, rep->warning[i]);
	if (rep->n_warnings > kept)
		diag_add(d, D_LOGO_WARNING, VLOC(m, loc), "logotypen '%s': %zu varningar till",
		         href, rep->n_warnings - kept);
}

/* The name the renderer will ask for: the document's folder joined with href, the
 * same string report_logo_path() builds for the display list. */
static char *render_name(const sr_model *m, const char *href)
{
	if (!m->file)
		return xstrdup(href);
	char *copy = xstrdup(m->file);
	size_t n = strlen(copy) + strlen(href) + 2;
	char *name = xmalloc(n);
	snprintf(name, n, "%s/%s", dirname(copy), href);
	free(copy);
	return name;
}

void valid_logo_keep(const sr_model *m, diag_sink *d, img_list *keep)
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
	char *copy = xstrdup(m->file ? m->file : ".");
	img_report rep;
	img_image *im = img_open(dirname(copy), href, NULL, &rep);
	free(copy);
	if (!im) {
		diag_add(d, code_of(rep.status), VLOC(m, loc), "logotypen '%s' %s", href, rep.message);
		return;
	}
	report_warnings(m, d, href, &rep, loc);   /* decoded all the same: told, not refused */
	if (keep) {
		char *name = render_name(m, href);
		img_set_name(im, name);
		free(name);
		img_list_add(keep, im);
	} else {
		img_free(im);
	}
}

/* ---- MODEL v2 part 1 (issue 12): the logo's path rules, shared with bild ---- */

bool valid_href_is_absolute(const char *href)
{
	return !*href || is_absolute_or_scheme(href);
}

/* realpath of file's folder (caller frees), NULL when it cannot be resolved. */
char *valid_document_folder(const char *file)
{
	char *copy = xstrdup(file ? file : ".");
	char *real = realpath(dirname(copy), NULL);
	free(copy);
	return real;
}
