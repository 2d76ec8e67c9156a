/* SPDX-License-Identifier: Apache-2.0 */
/* report_text.c - the text sections (avsnitt): headings, paragraphs with bold and
 * italic spans, and lists; nested avsnitt one heading level deeper. */
#include "report_private.h"

#define MAX_TEXT_DEPTH 256  /* bounds the recursion (libxml2 stops deeper trees anyway) */

static void put_block(report_ctx *c, const block *b, int level)
{
	size_t n;
	switch (b->kind) {
	case BLOCK_STYCKE: {
		lay_span *sp = report_spans(c, &b->stycke, 0, &n);
		if (n > 0)
			blk_paragraph(c->d, sp, n, RS_BODY, ROLE_PARAGRAPH, false);
		break;
	}
	case BLOCK_LISTA:
		blk_list_begin(c->d);   /* the punkter are one list */
		for (size_t i = 0; i < b->n_punkter; i++) {
			lay_span *sp = report_spans(c, &b->punkter[i], 0, &n);
			blk_list_item(c->d, NULL, sp, n, RS_LIST);
		}
		blk_list_end(c->d);
		if (b->n_punkter > 0)
			blk_space(c->d, 4);
		break;
	case BLOCK_AVSNITT:
		if (b->avsnitt)
			report_sec_avsnitt(c, b->avsnitt, level + 1);
		break;
	case BLOCK_TABELL:   /* MODEL v2 part 1 (issue 12) */
	case BLOCK_BILD:
		report_v2_block(c, b);
		break;
	}
}

void report_sec_avsnitt(report_ctx *c, const avsnitt *a, int level)
{
	if (level > MAX_TEXT_DEPTH)
		return;
	if (a->rubrik && *a->rubrik)
		report_heading(c, level, a->rubrik);
	for (size_t i = 0; i < a->n_blocks; i++)
		put_block(c, &a->blocks[i], level);
}
