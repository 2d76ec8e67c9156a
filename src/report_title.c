/* SPDX-License-Identifier: Apache-2.0 */
/* report_title.c - the title page (no running header) and the table of contents. */
#include "report_private.h"
#include <libgen.h>
#include <string.h>

/* The logo path is relative to the document's folder. */
const char *report_logo_path(const sr_model *m)
{
	const char *href = m->kommun.logotyp;
	if (!href || !*href)
		return NULL;
	if (href[0] == '/' || !m->file)
		return href;
	char *copy = arena_strdup(m->arena, m->file);
	return arena_printf(m->arena, "%s/%s", dirname(copy), href);
}

static void meta_line(report_ctx *c, const char *label, const char *value)
{
	if (value && *value)
		report_text(c, RS_TITLE_META, arena_printf(c->a, "%s: %s", label, value));
}

static void title_draft(report_ctx *c)
{
	report_text(c, RS_TITLE_DRAFT, "FÖRSLAG");
	report_text(c, RS_TITLE_META, report_decision_line(c->m));
	blk_space(c->d, 8);
}

static void title_diarium(report_ctx *c)
{
	const sr_model *m = c->m;
	const diarium *di = &m->diarium;
	char per[128];
	fmt_period_days(m->period_fran, m->period_till, per, sizeof per);
	meta_line(c, "Period", per);
	if (di->diarienummer)
		report_text(c, RS_TITLE_META, arena_printf(c->a, "Dnr %s", di->diarienummer));
	if (di->beslutsdatum && *di->beslutsdatum)
		report_text(c, RS_TITLE_META, report_decision_line(m));
	/* a proposal names its beslutsinstans in "Förslag till …" above */
	meta_line(c, "Beredande", di->beredande);
	blk_space(c->d, 10);
	meta_line(c, "Handläggare", di->handlaggare);
	meta_line(c, "Dokumentansvarig", di->dokumentansvarig);
	meta_line(c, "Klassificering", di->klassificering);
	meta_line(c, "Ersätter", di->ersatter);
}

void report_sec_title_page(report_ctx *c)
{
	const sr_model *m = c->m;
	const char *logo = report_logo_path(m);
	if (logo)
		blk_image(c->d, logo, c->s->logo_width, c->s->logo_height, c->s->logo_align);
	if (m->kommun.namn)
		report_text(c, RS_TITLE_KOMMUN, m->kommun.namn);
	blk_text(c->d, arena_strdup(c->a, report_title(m)), RS_TITLE, ROLE_TITLE, false);
	if (!m->diarium.beslutsdatum || !*m->diarium.beslutsdatum)
		title_draft(c);
	title_diarium(c);
	if (m->kommun.has_vision && m->kommun.vision.n_runs > 0) {
		size_t n;
		lay_span *sp = report_spans(c, &m->kommun.vision, 0, &n);
		for (size_t i = 0; i < n; i++) {
			sp[i].font = sp[i].font == LF_BOLD ? LF_BOLD : LF_ITALIC;
			sp[i].color = c->s->text[RS_VISION].color;
		}
		blk_paragraph(c->d, sp, n, RS_VISION, ROLE_PARAGRAPH, false);
	}
	blk_page_break(c->d);
}

void report_sec_contents(report_ctx *c)
{
	blk_heading(c->d, 1, "Innehåll", RS_H1, false);
	blk_toc(c->d, c->s->toc_levels, RS_TOC);
	blk_page_break(c->d);
}
