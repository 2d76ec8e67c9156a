/* SPDX-License-Identifier: Apache-2.0 */
/* model_bild.c - MODEL v2 part 1 (issue 12): where a bild's file is: the name under
 * which validation keeps its decoded pixels (img.h) and the layout draws it. */
#include "model.h"
#include <libgen.h>
#include <string.h>

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
