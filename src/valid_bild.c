/* valid_bild.c - MODEL v2 part 1 (issue 12): every bild names a PNG or JPEG file inside
 * the main document's folder tree (relative to the file it is written in), 8 bits per
 * channel and not CMYK, with exactly one of alt and dekorativ="ja", and a width of
 * 10-100 per cent. The path rules are the logo's (valid_logo.c); the header is read by
 * model_bild_probe, the one place to connect an image decoder to. */
#include "valid_private.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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

static void check_format(const sr_model *m, diag_sink *d, const bild *b, const char *real)
{
	bild_info in;
	int e = model_bild_probe(real, &in);
	const char *h = b->href;
	if (e)
		diag_add(d, D_BILD_SAKNAS, VLOC(m, b->loc), "bilden '%s' kan inte läsas: %s", h,
		         diag_strerror(e));
	else if (in.format == BF_NONE)
		diag_add(d, D_BILD_FORMAT, VLOC(m, b->loc),
		         "bilden '%s' är varken en PNG- eller en JPEG-bild", h);
	else if (in.depth == 16)
		diag_add(d, D_BILD_FORMAT, VLOC(m, b->loc),
		         "bilden '%s' har 16 bitar per färgkanal; spara den som PNG med 8 bitar per kanal", h);
	else if (in.format == BF_JPEG && in.channels == 4)
		diag_add(d, D_BILD_FORMAT, VLOC(m, b->loc),
		         "bilden '%s' är en CMYK-JPEG, som en arkiv-PDF med sRGB-profil inte kan bära; "
		         "spara den i RGB (sRGB)", h);
	else if (in.width <= 0 || in.height <= 0 || (in.depth != 8 && in.format == BF_JPEG))
		diag_add(d, D_BILD_FORMAT, VLOC(m, b->loc),
		         "bilden '%s' har ett huvud som inte kan läsas (storlek eller bitdjup saknas)", h);
}

static void check_file(const sr_model *m, diag_sink *d, const bild *b, const char *root)
{
	const char *h = b->href;
	const char *joined = model_bild_path(m, b);
	char *real = realpath(joined, NULL);
	struct stat st;
	if (!real && valid_href_climbs_out(h))
		diag_add(d, D_BILD_SOKVAG, VLOC(m, b->loc), "bilden '%s' ligger utanför dokumentets mapp", h);
	else if (!real)
		diag_add(d, D_BILD_SAKNAS, VLOC(m, b->loc), "bilden '%s' finns inte (sökt som %s)", h, joined);
	else if (!valid_path_inside(root, real))
		diag_add(d, D_BILD_SOKVAG, VLOC(m, b->loc),
		         "bilden '%s' ligger utanför dokumentets mapp (den pekar på %s)", h, real);
	else if (stat(real, &st) != 0 || !S_ISREG(st.st_mode))
		diag_add(d, D_BILD_SAKNAS, VLOC(m, b->loc), "bilden '%s' är ingen vanlig fil", h);
	else
		check_format(m, d, b, real);
	free(real);
}

void valid_bilder(const sr_model *m, diag_sink *d)
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
			check_file(m, d, b, root);
	}
	free(root);
}
