/* SPDX-License-Identifier: Apache-2.0 */
/* lay_fake.h - fake text metrics and small helpers shared by the layout engine's tests:
 * every UTF-8 code point is 0.5 em wide (bold 0.55), ascent 0.8, descent 0.2. */
#ifndef SR_LAY_FAKE_H
#define SR_LAY_FAKE_H
#include "lay.h"
#include <string.h>

static inline double fake_width(void *ctx, enum lay_font font, double size, const char *s,
                                size_t len)
{
	(void)ctx;
	size_t cps = 0;
	for (size_t i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			cps++;
	return (double)cps * size * (font == LF_BOLD ? 0.55 : 0.5);
}

static inline lay_metrics fake_metrics(void)
{
	return (lay_metrics){ .ctx = NULL, .width = fake_width, .ascent = 0.8, .descent = 0.2 };
}

/* A4 with 50 pt margins: the text width is 495.276, the body 741.89 pt high. */
static inline lay_page_setup fake_setup(void)
{
	return (lay_page_setup){ .width = 595.276, .height = 841.89, .margin_top = 50,
	                         .margin_bottom = 50, .margin_left = 50, .margin_right = 50,
	                         .running_size = 8, .running_on_first_page = true };
}

static inline lay_style fake_style(double size, double leading)
{
	return (lay_style){ .font = LF_REGULAR, .size = size, .leading = leading };
}

/* Number of items on page p (0-based) satisfying kind, role (ROLE_MAX = any) and text
 * (NULL = any). */
static inline size_t count_items(const lay_result *r, size_t p, enum dl_kind kind,
                                 enum lay_role role, const char *text)
{
	size_t n = 0;
	for (size_t i = 0; p < r->n_pages && i < r->pages[p].n_items; i++) {
		const dl_item *it = &r->pages[p].items[i];
		if (it->kind == kind && (role == ROLE_MAX || it->role == role) &&
		    (!text || (it->text && strcmp(it->text, text) == 0)))
			n++;
	}
	return n;
}

/* The first item on any page with this text; *page gets its 0-based page. */
static inline const dl_item *find_text(const lay_result *r, const char *text, size_t *page)
{
	for (size_t p = 0; p < r->n_pages; p++)
		for (size_t i = 0; i < r->pages[p].n_items; i++) {
			const dl_item *it = &r->pages[p].items[i];
			if (it->kind == DL_TEXT && it->text && strcmp(it->text, text) == 0) {
				if (page)
					*page = p;
				return it;
			}
		}
	return NULL;
}
#endif
