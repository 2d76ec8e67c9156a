/* SPDX-License-Identifier: Apache-2.0 */
/* report.c - the report builder's entry points: default style per report type, page
 * setup with running header and footer, PDF metadata, and the section dispatcher. */
#include "report_private.h"
#include <string.h>

#define RGB(r, g, b) ((lay_rgb){ (r), (g), (b) })

static const char *const status_names[ST_MAX] = {
	[ST_NONE] = "Ej bedömt", [ST_UPPFYLLT] = "Uppfyllt", [ST_DELVIS] = "Delvis uppfyllt",
	[ST_EJ_UPPFYLLT] = "Ej uppfyllt", [ST_EJ_BEDOMT] = "Ej bedömt",
};
static const char *const activity_names[AS_MAX] = {
	[AS_EJ_PABORJAD] = "Ej påbörjad", [AS_PAGAR] = "Pågår", [AS_KLAR] = "Klar",
	[AS_FORSENAD] = "Försenad", [AS_AVBRUTEN] = "Avbruten",
};
_Static_assert(sizeof status_names / sizeof *status_names == ST_MAX, "status names");
_Static_assert(sizeof activity_names / sizeof *activity_names == AS_MAX, "activity names");

const char *report_status_name(enum status st)
{
	return st < ST_MAX ? status_names[st] : status_names[ST_EJ_BEDOMT];
}

const char *report_activity_name(enum activity_status st)
{
	return st < AS_MAX ? activity_names[st] : "";
}

/* ---- style ---- */
void report_style_set_sections(report_style *s, const char *const *ids, size_t n)
{
	if (n > REPORT_MAX_SECTIONS)
		n = REPORT_MAX_SECTIONS;
	for (size_t i = 0; i < n; i++)
		s->sections[i] = ids[i];
	s->n_sections = n;
}

static lay_style text_style(enum lay_font f, double size, double leading, double before,
                            double after, lay_rgb color)
{
	return (lay_style){ .font = f, .size = size, .leading = leading, .space_before = before,
	                    .space_after = after, .align = LA_LEFT, .color = color };
}

static void default_text_styles(report_style *s)
{
	lay_rgb ink = RGB(0x1a, 0x1a, 0x1a), head = RGB(0x1f, 0x3a, 0x5f), grey = RGB(0x55, 0x55, 0x55);
	s->text[RS_BODY] = text_style(LF_REGULAR, 10, 14, 0, 6, ink);
	s->text[RS_H1] = text_style(LF_BOLD, 18, 23, 16, 8, head);
	s->text[RS_H2] = text_style(LF_BOLD, 14, 18, 14, 6, head);
	s->text[RS_H3] = text_style(LF_BOLD, 12, 16, 10, 4, head);
	s->text[RS_H4] = text_style(LF_BOLD, 11, 15, 8, 4, head);
	s->text[RS_H5] = text_style(LF_BOLD, 10, 14, 6, 3, head);
	s->text[RS_H6] = text_style(LF_BOLD, 10, 14, 6, 3, ink);
	s->text[RS_LIST] = text_style(LF_REGULAR, 10, 14, 0, 3, ink);
	s->text[RS_LIST].indent = 12;
	s->text[RS_TABLE] = text_style(LF_REGULAR, 9, 12, 4, 8, ink);
	s->text[RS_CAPTION] = text_style(LF_ITALIC, 8.5, 11, 2, 4, grey);
	s->text[RS_TABLE_TITLE] = text_style(LF_BOLD, 10, 14, 8, 2, head);
	s->text[RS_TABLE_TITLE].keep_with_next = true;
	s->text[RS_TOC] = text_style(LF_REGULAR, 10, 16, 0, 0, ink);
	s->text[RS_TITLE_KOMMUN] = text_style(LF_BOLD, 28, 34, 120, 18, head);
	s->text[RS_TITLE] = text_style(LF_BOLD, 22, 28, 0, 24, ink);
	s->text[RS_TITLE_META] = text_style(LF_REGULAR, 11, 16, 0, 2, ink);
	s->text[RS_TITLE_DRAFT] = text_style(LF_BOLD, 26, 32, 0, 4, RGB(0xb7, 0x1c, 0x1c));
	s->text[RS_VISION] = text_style(LF_ITALIC, 12, 17, 36, 0, head);
	for (int r = RS_H1; r <= RS_H6; r++)
		s->text[r].keep_with_next = true;
}

/* Colour and shape per status: green circle, amber triangle, red square, grey diamond;
 * every colour at least 3:1 on white (WCAG 2.1, 1.4.11). */
static void default_status(report_style *s)
{
	s->status_color[ST_UPPFYLLT] = RGB(0x2e, 0x7d, 0x32);
	s->status_color[ST_DELVIS] = RGB(0x9c, 0x65, 0x00);      /* 4.9:1 on white (WCAG 1.4.11) */
	s->status_color[ST_EJ_UPPFYLLT] = RGB(0xc6, 0x28, 0x28);
	s->status_color[ST_EJ_BEDOMT] = RGB(0x76, 0x76, 0x76);   /* 4.5:1, white labels 4.5:1 */
	s->status_color[ST_NONE] = s->status_color[ST_EJ_BEDOMT];
	s->status_shape[ST_UPPFYLLT] = LS_CIRCLE;
	s->status_shape[ST_DELVIS] = LS_TRIANGLE;
	s->status_shape[ST_EJ_UPPFYLLT] = LS_SQUARE;
	s->status_shape[ST_EJ_BEDOMT] = LS_DIAMOND;
	s->status_shape[ST_NONE] = LS_DIAMOND;
}

static void default_order(report_style *s, enum report_type t)
{
	const report_type_info *ti = report_type_of(t);
	report_style_set_sections(s, ti->order, ti->n_order);
}

void report_style_default(report_style *s, enum report_type t)
{
	memset(s, 0, sizeof *s);
	s->page_width = 595.276;   /* A4 */
	s->page_height = 841.89;
	s->margin_top = 72;
	s->margin_bottom = 64;
	s->margin_left = s->margin_right = 64;
	s->running_size = 8;
	s->running_color = RGB(0x55, 0x55, 0x55);
	s->watermark_color = RGB(0xc6, 0x28, 0x28);   /* FÖRSLAG: 5.6:1, text (WCAG 1.4.3) */
	default_text_styles(s);
	s->emphasis_color = RGB(0x1a, 0x1a, 0x1a);
	s->header_fill = RGB(0xdc, 0xe4, 0xee);
	s->sum_fill = RGB(0xf0, 0xf0, 0xf0);
	default_status(s);
	s->logo_width = 140;
	s->logo_height = 70;
	s->logo_align = LA_LEFT;
	s->logo_in_header = false;
	s->logo_header_align = LA_LEFT;
	s->logo_header_height = 18;
	s->header[0] = "{kommun}";
	s->header[1] = "{titel}";
	s->header[2] = "Dnr {dnr}";
	s->footer[0] = "{status}";
	s->footer[2] = "Sida {sida} av {sidor}";
	s->running_on_first_page = false;
	s->toc_levels = 2;
	s->goal_heading_base = 1;
	default_order(s, t);
}

/* ---- title, page setup, metadata ---- */
const char *report_title(const sr_model *m)
{
	if (m->diarium.rubrik && *m->diarium.rubrik)
		return m->diarium.rubrik;
	char per[96];
	fmt_period(m->period_fran, m->period_till, per, sizeof per);
	switch (m->typ) {
	case RT_UPPFOLJNING:
		return arena_printf(m->arena, "Uppföljning och prognos %s", per);
	case RT_DELARSRAPPORT:
		return arena_printf(m->arena, "Delårsrapport %s", per);
	case RT_ARSREDOVISNING:
		return arena_printf(m->arena, "Årsredovisning %d", m->ar);
	case RT_MANADSRAPPORT:   /* MODEL v2 part 2 (issue 13): "Månadsrapport mars 2025" */
		return report_month_title(m);
	default: {
		const namnd *n = m->namndref ? model_find_namnd(m, m->namndref) : NULL;
		const char *who = n && n->namn ? n->namn : m->namndref;
		if (!who)
			return arena_printf(m->arena, "Verksamhetsberättelse %d", m->ar);
		return arena_printf(m->arena, "Verksamhetsberättelse %d " FMT_NDASH " %s", m->ar, who);
	}
	}
}

static bool is_draft(const sr_model *m)
{
	return !m->diarium.beslutsdatum || !*m->diarium.beslutsdatum;
}

/* The value of one template field, "" when the document has none; NULL: unknown. */
static const char *field_value(const sr_model *m, const char *name, size_t len)
{
#define IS(w) (len == sizeof(w) - 1 && memcmp(name, w, len) == 0)
	if (IS("kommun"))
		return m->kommun.namn ? m->kommun.namn : "";
	if (IS("titel"))
		return report_title(m);
	if (IS("dnr"))
		return m->diarium.diarienummer ? m->diarium.diarienummer : "";
	if (IS("status"))
		return is_draft(m) ? "FÖRSLAG " FMT_NDASH " ej beslutat" : "";
	if (IS("sida"))
		return "{N}";
	if (IS("sidor"))
		return "{M}";
#undef IS
	return NULL;
}

const char *report_running_text(const sr_model *m, const char *tmpl)
{
	if (!tmpl || !*tmpl)
		return NULL;
	size_t cap = strlen(tmpl) + 1, n = 0;
	bool any_field = false, any_value = false;
	for (const char *p = tmpl; *p; p++) {   /* first pass: the length */
		const char *e = *p == '{' ? strchr(p, '}') : NULL;
		const char *v = e ? field_value(m, p + 1, (size_t)(e - p - 1)) : NULL;
		if (v) {
			cap += strlen(v);
			p = e;
		}
	}
	char *out = arena_alloc(m->arena, cap);
	for (const char *p = tmpl; *p; p++) {
		const char *e = *p == '{' ? strchr(p, '}') : NULL;
		const char *v = e ? field_value(m, p + 1, (size_t)(e - p - 1)) : NULL;
		if (!v) {
			out[n++] = *p;
			continue;
		}
		any_field = true;
		any_value |= *v != '\0';
		memcpy(out + n, v, strlen(v));
		n += strlen(v);
		p = e;
	}
	out[n] = '\0';
	/* "Dnr {dnr}" without a Dnr, "{status}" of a decided report: the slot stays empty */
	return any_field && !any_value ? NULL : out;
}

void report_page_setup(const sr_model *m, const report_style *s, lay_page_setup *out)
{
	memset(out, 0, sizeof *out);
	out->width = s->page_width;
	out->height = s->page_height;
	out->margin_top = s->margin_top;
	out->margin_bottom = s->margin_bottom;
	out->margin_left = s->margin_left;
	out->margin_right = s->margin_right;
	for (int k = 0; k < 3; k++) {
		out->header[k] = report_running_text(m, s->header[k]);
		out->footer[k] = report_running_text(m, s->footer[k]);
	}
	out->running_size = s->running_size;
	out->running_color = s->running_color;
	out->running_on_first_page = s->running_on_first_page;
	out->watermark = is_draft(m) ? "FÖRSLAG" : NULL;
	out->watermark_color = s->watermark_color;
}

/* Appends one item to page p (the page's array is copied into r's arena). */
static dl_item *page_append(lay_result *r, dl_page *p)
{
	dl_item *items = arena_alloc(r->arena, (p->n_items + 1) * sizeof *items);
	if (p->n_items)
		memcpy(items, p->items, p->n_items * sizeof *items);
	p->items = items;
	dl_item *it = &items[p->n_items++];
	memset(it, 0, sizeof *it);
	return it;
}

void report_decorate(lay_result *r, const sr_model *m, const report_style *s)
{
	const char *logo = report_logo_path(m);
	if (!logo || !s->logo_in_header || s->logo_height <= 0 || s->logo_header_height <= 0)
		return;
	double h = s->logo_header_height, w = h * s->logo_width / s->logo_height;
	double inner = r->width - r->margin_left - r->margin_right;
	double x = r->margin_left + (s->logo_header_align == LA_RIGHT ? inner - w :
	                             s->logo_header_align == LA_CENTER ? (inner - w) / 2 : 0);
	/* just above the header rule, which the engine draws 6 pt above the top margin */
	double y = r->height - r->margin_top + 9;
	for (size_t i = s->running_on_first_page ? 0 : 1; i < r->n_pages; i++) {
		dl_item *it = page_append(r, &r->pages[i]);
		it->kind = DL_IMAGE;
		it->role = ROLE_ARTIFACT;
		it->artifact = LART_HEADER;   /* part of the running header */
		it->block = -1;
		it->x = x;
		it->y = y;
		it->w = w;
		it->h = h;
		it->text = arena_strdup(r->arena, logo);
		it->align = s->logo_header_align;
	}
}

const char *report_decision_line(const sr_model *m)
{
	const diarium *di = &m->diarium;
	if (is_draft(m))
		return di->beslutsinstans ? arena_printf(m->arena, "Förslag till %s", di->beslutsinstans)
		                          : "Förslag";
	char date[64];
	fmt_date(di->beslutsdatum, date, sizeof date);
	const char *par = "";
	if (di->paragraf && *di->paragraf)
		par = arena_printf(m->arena, ", %s%s", strstr(di->paragraf, "§") ? "" : "§ ", di->paragraf);
	return arena_printf(m->arena, "Beslutad av %s %s%s",
	                    di->beslutsinstans ? di->beslutsinstans : "", date, par);
}

void report_meta_of(const sr_model *m, report_meta *out)
{
	memset(out, 0, sizeof *out);
	const char *dnr = m->diarium.diarienummer ? m->diarium.diarienummer : "";
	out->draft = is_draft(m);
	out->title = out->draft ? arena_printf(m->arena, "%s (förslag)", report_title(m))
	                        : report_title(m);
	out->author = m->kommun.namn;
	/* The backend writes Subject also as dc:description: a proposal says so there. */
	out->subject = out->draft
	    ? arena_printf(m->arena, "Dnr %s – förslag till %s, ej beslutat", dnr,
	                   m->diarium.beslutsinstans ? m->diarium.beslutsinstans : "beslut")
	    : arena_printf(m->arena, "Dnr %s", dnr);
	out->keywords = arena_printf(m->arena, "%s, %d, %s, %s%s", report_type_of(m->typ)->word, m->ar,
	                             m->kommun.namn ? m->kommun.namn : "", dnr,
	                             out->draft ? ", förslag" : "");
	out->description = arena_printf(m->arena, "%s för %s. %s.", report_title(m),
	                                m->kommun.namn ? m->kommun.namn : "",
	                                report_decision_line(m));
	/* Dates come from the document, never the clock: the decision, else the period's end. */
	out->date = out->draft ? m->period_till : m->diarium.beslutsdatum;
}

/* MODEL v2 part 2 (issue 13) */
int report_level_view(const report_style *s, const char *niva_id)
{
	for (size_t i = 0; niva_id && i < s->n_level_views; i++)
		if (s->level_ids[i] && strcmp(s->level_ids[i], niva_id) == 0)
			return s->level_table[i] ? 1 : 0;
	return -1;
}

/* ---- dispatch ---- */
static bool listed_alone(const report_style *s, const char *id)
{
	for (size_t i = 0; id && i < s->n_sections; i++)
		if (strncmp(s->sections[i], "avsnitt:", 8) == 0 && strcmp(s->sections[i] + 8, id) == 0)
			return true;
	return false;
}

void report_sec_all_text(report_ctx *c)
{
	for (size_t i = 0; i < c->m->n_avsnitt; i++)
		if (!listed_alone(c->s, c->m->avsnitt[i]->id))
			report_sec_avsnitt(c, c->m->avsnitt[i], 1);
}

void report_sec_one_text(report_ctx *c, const char *id)
{
	for (size_t i = 0; i < c->m->n_avsnitt; i++)
		if (c->m->avsnitt[i]->id && strcmp(c->m->avsnitt[i]->id, id) == 0)
			report_sec_avsnitt(c, c->m->avsnitt[i], 1);
}

static void run_section(report_ctx *c, const char *id)
{
	const report_section_info *si = report_section_of(id);
	if (!si)
		return;   /* unknown ids are skipped */
	blk_section(c->d, id, si->page);
	if (strncmp(id, "avsnitt:", 8) == 0)
		report_sec_one_text(c, id + 8);
	else if (strncmp(id, "diagram-", 8) == 0)
		report_sec_chart(c, id);
	else
		si->build(c);
}

void report_build(blk_doc *d, const sr_model *m, const calc_result *r, const report_style *s,
                  const struct img_list *images)
{
	report_ctx c = { .d = d, .m = m, .r = r, .s = s, .images = images, .a = m->arena };
	blk_meta *meta = &d->meta;   /* what every page of every output carries */
	char per[128];
	fmt_period_days(m->period_fran, m->period_till, per, sizeof per);
	meta->kommun = m->kommun.namn;
	meta->title = report_title(m);
	meta->period = arena_strdup(m->arena, per);
	meta->dnr = m->diarium.diarienummer;
	meta->beslutsinstans = m->diarium.beslutsinstans;
	meta->decision = report_decision_line(m);
	meta->draft = is_draft(m);
	meta->watermark = meta->draft ? "FÖRSLAG" : NULL;
	meta->lang = "sv";
	for (int k = 0; k < 3; k++) {
		meta->header[k] = report_running_text(m, s->header[k]);
		meta->footer[k] = report_running_text(m, s->footer[k]);
	}
	/* MODEL v2 part 1 (issue 12): a layout of its own that names neither
	 * balanskravsutredning nor noter still gets them, after its last räkning. */
	bool bk = false, notes = false;
	size_t last_account = s->n_sections;
	for (size_t i = 0; i < s->n_sections; i++) {
		const char *id = s->sections[i] ? s->sections[i] : "";
		bk |= strcmp(id, "balanskravsutredning") == 0;
		notes |= strcmp(id, "noter") == 0;
		if (!strcmp(id, "resultatrakning") || !strcmp(id, "balansrakning") ||
		    !strcmp(id, "kassaflodesanalys"))
			last_account = i;
	}
	for (size_t i = 0; i < s->n_sections; i++) {
		if (s->sections[i])
			run_section(&c, s->sections[i]);
		if (i == last_account && !bk)
			run_section(&c, "balanskravsutredning");
		if (i == last_account && !notes)
			run_section(&c, "noter");
	}
}
