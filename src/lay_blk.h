/* SPDX-License-Identifier: Apache-2.0 */
/* lay_blk.h - the PDF side of the block stream: replays a blk_doc into the layout
 * engine (new, render, free), mapping each block's named look (enum blk_style) to the
 * layout file's text styles. Knows nothing of goals or XML. */
#ifndef SR_LAY_BLK_H
#define SR_LAY_BLK_H
#include "blk.h"
#include "lay.h"

typedef struct lay_blk lay_blk;

/* setup, metrics and text (BS_MAX styles) must outlive the renderer. */
lay_blk *lay_blk_new(const lay_page_setup *setup, const lay_metrics *metrics,
                     const lay_style *text);
/* Lays the stream out into pages (lay_run); NULL with *why on failure. The result
 * owns what it holds: doc may be freed at once. */
lay_result *lay_blk_render(lay_blk *r, const blk_doc *doc, const char **why);
void lay_blk_free(lay_blk *r);
/* The replay alone, into an engine document of the caller's (tests, dump). */
void lay_blk_replay(lay_doc *d, const blk_doc *doc, const lay_style *text);
#endif
