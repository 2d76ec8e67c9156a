/* SPDX-License-Identifier: Apache-2.0 */
/* valid_bild.c - MODEL v2 part 1 (issue 12): every bild names a PNG or JPEG file inside
 * the main document's folder tree (relative to the file it is written in), 8 bits per
 * channel or more and not CMYK, with exactly one of alt and dekorativ="ja", and a width
 * of 10-100 per cent. It is opened and decoded once, as the logo is (img.c), and the
 * pixels are kept for the renderer. */
#include "valid_private.h"
#include "img.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool blank(const char *s)
{
	for (; s && *s; s++)
		if (!strchr(" \t\r\n", *s))
			return false;
	return true;
}

static void check_alt(const sr_model *m, diag_sink *d, const bild *b)
{
	const char *h = b->href ? b->href : "";
	if (b->alt && b->dekorativ)
		diag_add(d, D_BILD_ALT, VLOC(m, b->loc),
		         "bilden '%s' har både alt och dekorativ=\"ja\"; en dekorativ bild läses inte upp, "
		         "ange det ena", h);
	else if (b->alt && blank(b->alt))
		diag_add(d, D_BILD_ALT, VLOC(m, b->loc),
		         "bilden '%s' har ett tomt alt; beskriv vad bilden visar, eller ange "
		         "dekorativ=\"ja\" om den bara pryder", h);
	else if (!b->alt && !b->dekorativ)
		diag_add(d, D_BILD_ALT, VLOC(m, b->loc),
		         "bilden '%s' saknar alt-text; beskriv vad bilden visar (alt=\"…\"), eller ange "
		         "dekorativ=\"ja\" om den bara pryder", h);
}

static void check_width(const sr_model *m, diag_sink *d, const bild *b)
{
	char w[64];
	if (b->has_bredd && (b->bredd < DEC_FROM_INT(10) || b->bredd > DEC_FROM_INT(100)))
		diag_add(d, D_SCHEMA_VALUE, VLOC(m, b->loc),
		         "bredd=\"%s\" på bilden '%s' ska vara 10–100 (procent av textbredden)",
		         dec_format(b->bredd, w, sizeof w), b->href ? b->href : "");
}

static enum diag_code code_of(enum img_status st)
{
	switch (st) {
	case IMG_OUTSIDE: return D_BILD_SOKVAG;
	case IMG_FORMAT:
	case IMG_CORRUPT:
	case IMG_TOO_LARGE:
	case IMG_CMYK: return D_BILD_FORMAT;
	case IMG_MISSING:
	case IMG_OK:
	default: return D_BILD_SAKNAS;
	}
}

/* href relative to root: a bild is written relative to the file it stands in (an
 * include may be in a subfolder), but it is opened, like the logo, once and below the
 * main document's folder, so that the one check and the one read are the same file.
 * NULL when the including file's folder is not below root (it cannot be: includes stay
 * in the tree). */
static char *rel_to_root(const sr_model *m, const bild *b, const char *root)
{
	const char *base = b->base ? b->base : m->file;
	char *dir = base ? valid_document_folder(base) : NULL;
	size_t n = strlen(root);
	char *rel = NULL;
	if (dir && strcmp(dir, root) == 0)
		rel = xstrdup(b->href);
	else if (dir && strncmp(dir, root, n) == 0 && (dir[n] == '/' || n == 1)) {
		const char *sub = dir + n + (n > 1);
		size_t len = strlen(sub) + strlen(b->href) + 2;
		rel = xmalloc(len);
		snprintf(rel, len, "%s/%s", sub, b->href);
	}
	free(dir);
	return rel;
}

/* Decodes the picture (img.c) and keeps it for the renderer under the name the report
 * builder gives the layout (model_bild_path): nothing opens the file a second time. */
static void check_file(const sr_model *m, diag_sink *d, const bild *b, const char *root,
                       img_list *keep)
{
	const char *name = model_bild_path(m, b);
	if (keep && img_list_find(keep, name))
		return;   /* the same file as an earlier bild: checked and decoded once */
	char *rel = rel_to_root(m, b, root);
	if (!rel) {
		diag_add(d, D_BILD_SOKVAG, VLOC(m, b->loc), "bilden '%s' ligger utanför dokumentets mapp",
		         b->href);
		return;
	}
	img_report rep;
	img_image *im = img_open(root, rel, NULL, &rep);
	free(rel);
	if (!im) {
		diag_add(d, code_of(rep.status), VLOC(m, b->loc), "bilden '%s' %s", b->href, rep.message);
		return;
	}
	if (keep) {
		img_set_name(im, name);
		img_list_add(keep, im);
	} else {
		img_free(im);
	}
}

void valid_bilder(const sr_model *m, diag_sink *d, img_list *keep)
{
	char *root = m->n_bilder ? valid_document_folder(m->file) : NULL;
	for (size_t i = 0; i < m->n_bilder; i++) {
		const bild *b = m->bilder[i];
		check_alt(m, d, b);
		check_width(m, d, b);
		if (!b->href || valid_href_is_absolute(b->href))
			diag_add(d, D_BILD_SOKVAG, VLOC(m, b->loc),
			         "bilden '%s' ska vara en relativ sökväg till en fil i dokumentets mapp "
			         "(ingen adress, ingen absolut sökväg)", b->href ? b->href : "");
		else if (!root)
			diag_add(d, D_BILD_SAKNAS, VLOC(m, b->loc),
			         "bilden '%s' kan inte sökas: dokumentets mapp går inte att läsa", b->href);
		else
			check_file(m, d, b, root, keep);
	}
	free(root);
}
