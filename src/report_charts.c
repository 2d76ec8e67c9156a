/* SPDX-License-Identifier: Apache-2.0 */
/* report_charts.c - the charts ("diagram-malstatus": statuses per goal level as
 * stacked bars; "diagram-drift": budget against prognos, and the deviation, per
 * driftredovisning row), drawn
 * through the layout engine's figure calls, each with Swedish alt text and a caption.
 * Colour is never alone: segments carry their count and the legend names each status. */
#include "report_private.h"
#include "sb.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include "contrast.h"
#include <string.h>

static double fmax_(double a, double b) { return a > b ? a : b; }
static double fmin_(double a, double b) { return a < b ? a : b; }

/* The label column: 180 pt fits most nämnd names at 8.5 pt (longer ones end in "…"),
 * but never more than two fifths of a narrow page's text width. */
#define LABEL_W label_width(c)
#define BAR_H 16.0
#define ROW_H 26.0
#define LEGEND_H 22.0

#define FIG_SPACE 8.0   /* the layout engine's room above and below a figure, and slack */

/* ---- alt texts, built in linear time: one growing buffer per figure ---- */

/* The text in the report's arena; the buffer is freed. */
static const char *alt_done(const report_ctx *c, sb *b)
{
	const char *out = arena_strndup(c->a, b->p ? b->p : "", b->n);
	sb_free(b);
	return out;
}

/* ---- tall charts are split into parts that each fit a page ---- */

/* Rows of ROW_H that fit on an empty page beside `fixed` pt of axis room and legend. */
static size_t rows_per_part(const report_ctx *c, double fixed)
{
	double body = c->s->page_height - c->s->margin_top - c->s->margin_bottom;
	double k = floor((body - fixed - 2 * FIG_SPACE) / ROW_H);
	return k >= 1 && isfinite(k) ? (size_t)k : 1;
}

/* " (del 2 av 3)" when the chart has several parts, else "". */
static const char *part_label(const report_ctx *c, size_t part, size_t parts)
{
	return parts > 1 ? arena_printf(c->a, " (del %zu av %zu)", part + 1, parts) : "";
}

static const enum status chart_status[4] = { ST_UPPFYLLT, ST_DELVIS, ST_EJ_UPPFYLLT, ST_EJ_BEDOMT };

static double content_width(const report_ctx *c)
{
	return c->s->page_width - c->s->margin_left - c->s->margin_right;
}

static double label_width(const report_ctx *c)
{
	return fmin_(180.0, content_width(c) * 0.4);
}

static long total_of(const calc_count *k)
{
	long t = 0;
	for (int i = 0; i < 4; i++)
		t += k->n[chart_status[i]];
	return t;
}

/* White or near-black, whichever has the higher WCAG contrast on the fill. */
static lay_rgb text_on(lay_rgb fill)
{
	return contrast_pick(fill, (lay_rgb){ 0xff, 0xff, 0xff }, (lay_rgb){ 0x1a, 0x1a, 0x1a });
}

#define SEG_GAP 1.0      /* white between adjacent segments (WCAG 1.4.11: each has 3:1 to white) */
#define SEG_MARK 7.0     /* the status's shape in its segment */

/* One segment: its fill, the status's shape (never colour alone, WCAG 1.4.1) and its
 * count where they fit; the shape alone in a narrow segment. */
static void status_segment(report_ctx *c, double x, double y, double seg, bool last,
                           enum status st, long n)
{
	lay_rgb col = c->s->status_color[st], ink = text_on(col);
	double w = last || seg <= 2 * SEG_GAP ? seg : seg - SEG_GAP;
	blk_fig_rect(c->d, x, y, w, BAR_H, col);
	bool mark = w >= SEG_MARK + 3, count = w >= SEG_MARK + 20;
	double mx = count ? x + 3 + SEG_MARK / 2 : x + w / 2;
	if (mark)
		blk_fig_marker(c->d, mx, y + BAR_H / 2, SEG_MARK, c->s->status_shape[st], ink);
	if (count)
		blk_fig_text(c->d, x + SEG_MARK + 3 + (w - SEG_MARK - 3) / 2, y + BAR_H - 4.5,
		             arena_printf(c->a, "%ld", n), LF_BOLD, 8, ink, LA_CENTER);
}

static void status_bar(report_ctx *c, double y, double w, const calc_count *k)
{
	long total = total_of(k);
	double x = LABEL_W;
	int last = -1;
	for (int i = 0; i < 4; i++)
		if (k->n[chart_status[i]] > 0)
			last = i;
	for (int i = 0; i < 4 && total > 0; i++) {
		long n = k->n[chart_status[i]];
		if (n == 0)
			continue;
		double seg = w * (double)n / (double)total;
		status_segment(c, x, y, seg, i == last, chart_status[i], n);
		x += seg;
	}
}

static void chart_legend(report_ctx *c, double y)
{
	double x = 0;   /* from the left edge: it must fit however wide the label column is */
	lay_rgb ink = c->s->text[RS_CAPTION].color;
	for (int i = 0; i < 4; i++) {
		enum status st = chart_status[i];
		blk_fig_marker(c->d, x + 4, y + 6, 8, c->s->status_shape[st], c->s->status_color[st]);
		blk_fig_text(c->d, x + 12, y + 9, report_status_name(st), LF_REGULAR, 8, ink, LA_LEFT);
		x += 95;
	}
}

static void status_alt(sb *b, const char *name, const calc_count *k)
{
	sb_printf(b, " %s: uppfyllt %ld, delvis uppfyllt %ld, ej uppfyllt %ld, ej bedömt %ld.", name,
	        k->n[ST_UPPFYLLT], k->n[ST_DELVIS], k->n[ST_EJ_UPPFYLLT], k->n[ST_EJ_BEDOMT]);
}

/* An uppföljning shows the year-end prognos (the outcomes are not in yet), the other
 * types the current assessment: the same counts as the summary's table. */
static const calc_count *level_counts(const report_ctx *c, size_t i)
{
	return report_prognos_only(c->m) ? &c->r->levels[i].prognos : &c->r->levels[i].status;
}

/* One figure of the levels shown[from .. to), with the legend under it. */
static void goal_status_part(report_ctx *c, const size_t *shown, size_t from, size_t to,
                             size_t part, size_t parts)
{
	const calc_result *r = c->r;
	sb b = {0};
	sb_printf(&b, "%s%s.", c->m->typ == RT_UPPFOLJNING ? "Diagram över prognosen för helåret per målnivå"
	                                                  : "Diagram över måluppfyllelsen per målnivå",
	        part_label(c, part, parts));
	for (size_t k = from; k < to; k++)
		status_alt(&b, r->levels[shown[k]].niva->namn, level_counts(c, shown[k]));
	double w = content_width(c), bar_w = w - LABEL_W - 8;
	blk_figure_begin(c->d, w, (double)(to - from) * ROW_H + LEGEND_H, alt_done(c, &b));
	double y = 4;
	lay_rgb ink = c->s->text[RS_BODY].color;
	for (size_t k = from; k < to; k++) {
		blk_fig_label(c->d, 0, y + BAR_H - 4.5, r->levels[shown[k]].niva->namn, LF_REGULAR, 9, ink,
		              LA_LEFT, LABEL_W - 6);
		status_bar(c, y, bar_w, level_counts(c, shown[k]));
		y += ROW_H;
	}
	chart_legend(c, y);
	blk_figure_end(c->d);
}

static void chart_goal_status(report_ctx *c)
{
	const calc_result *r = c->r;
	if (c->m->has_skala) {   /* MODEL v2 part 2 (issue 13): the kommun's steps */
		report_step_chart(c);
		return;
	}
	bool uppf = report_prognos_only(c->m);
	size_t rows = 0;
	size_t *shown = arena_calloc(c->a, r->n_levels ? r->n_levels : 1, sizeof *shown);
	for (size_t i = 0; i < r->n_levels; i++)
		if (total_of(level_counts(c, i)) > 0)
			shown[rows++] = i;
	/* issue 13: no chart for one goal */
	if (rows == 0 || total_of(uppf ? &r->all_prognos : &r->all_status) <= 1)
		return;
	size_t per = rows_per_part(c, LEGEND_H), parts = (rows + per - 1) / per;
	for (size_t part = 0; part < parts; part++)
		goal_status_part(c, shown, part * per, part * per + per < rows ? part * per + per : rows,
		                 part, parts);
	report_text(c, RS_CAPTION, uppf
	            ? "Figur: antal mål per prognos och målnivå. Samma siffror står i tabellen "
	              "Prognos för helåret per målnivå."
	            : "Figur: antal mål per status och målnivå, nuvarande bedömning. Samma siffror "
	              "står i tabellen Bedömning per målnivå.");
}

/* Largest |avvikelse| among the rows, at least one unit so that a scale exists. */
static dec max_deviation(const calc_result *r)
{
	dec m = DEC_ONE;
	for (size_t i = 0; i < r->n_drift; i++)
		if (dec_abs(r->drift[i].avvikelse) > m)
			m = dec_abs(r->drift[i].avvikelse);
	return m;
}

static const char *drift_name(const report_ctx *c, const drift_rad *d)
{
	return d->namndref ? report_namnd_name(c, d->namndref) : (d->rubrik ? d->rubrik : "");
}

static void drift_bar(report_ctx *c, double y, double zero, double half, dec max, const calc_budget_row *b)
{
	int decs = c->m->ekonomi.decimaler;
	double len = half * dec_to_double(b->avvikelse) / dec_to_double(max);
	lay_rgb pos = { 0x2b, 0x6c, 0xb0 }, neg = c->s->status_color[ST_EJ_UPPFYLLT];
	lay_rgb ink = c->s->text[RS_BODY].color;
	if (len >= 0)
		blk_fig_rect(c->d, zero, y, len, BAR_H, pos);
	else
		blk_fig_rect(c->d, zero + len, y, -len, BAR_H, neg);
	blk_fig_text(c->d, len >= 0 ? zero + len + 3 : zero + len - 3, y + BAR_H - 4.5,
	             report_num(c, b->avvikelse, decs), LF_REGULAR, 8, ink, len >= 0 ? LA_LEFT : LA_RIGHT);
	blk_fig_label(c->d, 0, y + BAR_H - 4.5, drift_name(c, b->drift), LF_REGULAR, 8.5, ink,
	              LA_LEFT, LABEL_W - 6);
}

/* One figure of the rows [from, to), on the common scale, with its own zero line. */
/* The drift rows the charts draw, as indices: a varav row is part of the row above it and
 * would count twice (MODEL v2, issue 12). */
static size_t *drift_shown(report_ctx *c, size_t *n)
{
	const calc_result *r = c->r;
	size_t *shown = arena_calloc(c->a, r->n_drift ? r->n_drift : 1, sizeof *shown);
	*n = 0;
	for (size_t i = 0; i < r->n_drift; i++)
		if (!r->drift[i].varav)
			shown[(*n)++] = i;
	return shown;
}

static void drift_part(report_ctx *c, const size_t *shown, size_t from, size_t to, size_t part,
                       size_t parts, dec max)
{
	const calc_result *r = c->r;
	double w = content_width(c), h = (double)(to - from) * ROW_H + 8;
	double zero = LABEL_W + 40 + (w - LABEL_W - 80) / 2, half = (w - LABEL_W - 80) / 2;
	sb b = {0};
	sb_printf(&b, "Diagram över avvikelsen mot budget per rad i driftredovisningen (%s)%s.",
	        c->m->ekonomi.enhet ? c->m->ekonomi.enhet : "mnkr", part_label(c, part, parts));
	for (size_t i = from; i < to; i++)
		sb_printf(&b, " %s: %s.", drift_name(c, r->drift[shown[i]].drift),
		        report_num(c, r->drift[shown[i]].avvikelse, c->m->ekonomi.decimaler));
	blk_figure_begin(c->d, w, h, alt_done(c, &b));
	blk_fig_line(c->d, zero, 0, zero, h, 0.75, c->s->text[RS_CAPTION].color);
	for (size_t i = from; i < to; i++)
		drift_bar(c, 4 + (double)(i - from) * ROW_H, zero, half, max, &r->drift[shown[i]]);
	const char *heads[2] = { "Rad", arena_printf(c->a, "Avvikelse, %s",
	                                             c->m->ekonomi.enhet ? c->m->ekonomi.enhet : "mnkr") };
	report_fig_data_begin(c, heads, 2);
	for (size_t i = from; i < to; i++) {
		const char *row[2] = { drift_name(c, r->drift[shown[i]].drift),
		                       report_num(c, r->drift[shown[i]].avvikelse, c->m->ekonomi.decimaler) };
		report_fig_data_row(c, row, 2);
	}
	report_fig_data_end(c);
	blk_figure_end(c->d);
}

static void chart_drift(report_ctx *c)
{
	const calc_result *r = c->r;
	if (!r->has_drift || r->n_drift == 0)
		return;
	dec max = max_deviation(r);
	size_t n, *shown = drift_shown(c, &n);
	size_t per = rows_per_part(c, 8), parts = (n + per - 1) / per;
	for (size_t part = 0; part < parts; part++)
		drift_part(c, shown, part * per, part * per + per < n ? part * per + per : n, part,
		           parts, max);
	report_text(c, RS_CAPTION, arena_printf(c->a, "Figur: avvikelse mot budget i %s; överskott till höger, underskott till vänster. "
	                                        "Samma belopp står i kolumnen Avvikelse i driftredovisningens tabell.",
	                                        c->m->ekonomi.enhet ? c->m->ekonomi.enhet : "mnkr"));
}

/* ---- budget against prognos (utfall for a whole year) per driftredovisning row ---- */

/* The second bar: the year-end prognos, or the year's utfall where prognos is not used. */
static dec compared_value(const calc_budget_row *b)
{
	return b->has_prognos ? b->prognos : b->utfall;
}

static void budget_range(const calc_result *r, double *lo, double *hi)
{
	*lo = 0;
	*hi = 0;
	for (size_t i = 0; i < r->n_drift; i++) {
		double a = dec_to_double(r->drift[i].budget), b = dec_to_double(compared_value(&r->drift[i]));
		*lo = fmin_(*lo, fmin_(a, b));
		*hi = fmax_(*hi, fmax_(a, b));
	}
	if (*hi - *lo <= 0)
		*hi = *lo + 1;
}

/* One horizontal bar from the zero line, with its value beside its end. */
static void budget_bar(report_ctx *c, double y, double zero, double scale, dec v, lay_rgb col)
{
	double len = dec_to_double(v) * scale;
	lay_rgb ink = c->s->text[RS_BODY].color;
	blk_fig_rect(c->d, len >= 0 ? zero : zero + len, y, len >= 0 ? len : -len, 9, col);
	blk_fig_text(c->d, len >= 0 ? zero + len + 3 : zero + len - 3, y + 7.5,
	             report_num(c, v, c->m->ekonomi.decimaler), LF_REGULAR, 7.5, ink,
	             len >= 0 ? LA_LEFT : LA_RIGHT);
}

/* One figure of the rows [from, to) on the common scale, with its axis and legend. */
static void budget_part(report_ctx *c, const size_t *shown, size_t from, size_t to, size_t part,
                        size_t parts, double zero, double scale)
{
	const calc_result *r = c->r;
	bool prognos = r->drift_sum.has_prognos;
	const char *second = prognos ? "prognos" : "utfall";
	const char *unit = c->m->ekonomi.enhet ? c->m->ekonomi.enhet : "mnkr";
	sb b = {0};
	sb_printf(&b, "Diagram över budget och %s per rad i driftredovisningen (%s)%s.", second, unit,
	        part_label(c, part, parts));
	for (size_t k = from; k < to; k++) {
		const calc_budget_row *row = &r->drift[shown[k]];
		sb_printf(&b, " %s: budget %s, %s %s.", drift_name(c, row->drift),
		        report_num(c, row->budget, c->m->ekonomi.decimaler), second,
		        report_num(c, compared_value(row), c->m->ekonomi.decimaler));
	}
	/* budget 3.4:1 on white (WCAG 1.4.11), and clearly lighter than the second bar */
	lay_rgb budget_col = { 0x6b, 0x8f, 0xb8 }, second_col = { 0x1f, 0x3a, 0x5f };
	double rows_h = (double)(to - from) * ROW_H;
	blk_figure_begin(c->d, content_width(c), rows_h + LEGEND_H, alt_done(c, &b));
	blk_fig_line(c->d, zero, 0, zero, rows_h, 0.75, c->s->text[RS_CAPTION].color);
	for (size_t k = from; k < to; k++) {
		const calc_budget_row *row = &r->drift[shown[k]];
		double y = 3 + (double)(k - from) * ROW_H;
		blk_fig_label(c->d, 0, y + 13, drift_name(c, row->drift), LF_REGULAR, 8.5,
		              c->s->text[RS_BODY].color, LA_LEFT, LABEL_W - 6);
		budget_bar(c, y, zero, scale, row->budget, budget_col);
		budget_bar(c, y + 10, zero, scale, compared_value(row), second_col);
	}
	double ly = rows_h + 6;
	lay_rgb ink = c->s->text[RS_CAPTION].color;
	blk_fig_rect(c->d, 0, ly, 10, 8, budget_col);
	blk_fig_text(c->d, 14, ly + 7.5, "Budget", LF_REGULAR, 8, ink, LA_LEFT);
	blk_fig_rect(c->d, 95, ly, 10, 8, second_col);
	blk_fig_text(c->d, 109, ly + 7.5, prognos ? "Prognos" : "Utfall", LF_REGULAR, 8, ink, LA_LEFT);
	const char *heads[3] = { "Rad", arena_printf(c->a, "Budget, %s", unit),
	                         arena_printf(c->a, "%s, %s", prognos ? "Prognos" : "Utfall", unit) };
	report_fig_data_begin(c, heads, 3);
	for (size_t k = from; k < to; k++) {
		const calc_budget_row *row = &r->drift[shown[k]];
		const char *t[3] = { drift_name(c, row->drift), report_num(c, row->budget, c->m->ekonomi.decimaler),
		                     report_num(c, compared_value(row), c->m->ekonomi.decimaler) };
		report_fig_data_row(c, t, 3);
	}
	report_fig_data_end(c);
	blk_figure_end(c->d);
}

static void chart_budget(report_ctx *c)
{
	const calc_result *r = c->r;
	if (!r->has_drift || r->n_drift == 0)
		return;
	const char *second = r->drift_sum.has_prognos ? "prognos" : "utfall";
	const char *unit = c->m->ekonomi.enhet ? c->m->ekonomi.enhet : "mnkr";
	double lo, hi, area = content_width(c) - LABEL_W - 90;
	budget_range(r, &lo, &hi);
	double scale = area / (hi - lo), zero = LABEL_W + 45 - lo * scale;
	size_t n, *shown = drift_shown(c, &n);
	size_t per = rows_per_part(c, LEGEND_H), parts = (n + per - 1) / per;
	for (size_t part = 0; part < parts; part++)
		budget_part(c, shown, part * per, part * per + per < n ? part * per + per : n, part,
		            parts, zero, scale);
	report_text(c, RS_CAPTION, arena_printf(c->a, "Figur: budget (övre stapeln) och %s (nedre stapeln) i %s per rad. "
	                                        "Samma belopp står i driftredovisningens tabell.", second, unit));
}

/* ---- an indicator's utfall per year against its målvärde ---- */

#define HIST_W fmin_(300.0, content_width(c))   /* the text width on a narrow page */
#define HIST_H 96.0
#define HIST_AXIS 18.0     /* room for the year labels below the bars */
#define HIST_LEFT 40.0     /* room for the scale on the left */

/* The utfall years in ascending order (the document may list them in any order). */
static const value_point **sorted_outcomes(const report_ctx *c, const indikator *in)
{
	const value_point **v = arena_calloc(c->a, in->n_utfall, sizeof *v);
	for (size_t i = 0; i < in->n_utfall; i++) {
		size_t j = i;
		for (; j > 0 && v[j - 1]->ar > in->utfall[i].ar; j--)
			v[j] = v[j - 1];
		v[j] = &in->utfall[i];
	}
	return v;
}

static void hist_range(const value_point **v, size_t n, const calc_indicator *ci, double *lo, double *hi)
{
	*lo = 0;
	*hi = ci->has_t ? dec_to_double(ci->t) : 0;
	*lo = fmin_(*lo, *hi);   /* a målvärde below zero: the scale reaches down to it */
	for (size_t i = 0; i < n; i++) {
		double x = dec_to_double(v[i]->value);
		*lo = x < *lo ? x : *lo;
		*hi = x > *hi ? x : *hi;
	}
	if (*hi - *lo <= 0)
		*hi = *lo + 1;
	*hi += (*hi - *lo) * 0.12;   /* headroom for the value labels */
}

static void hist_bars(report_ctx *c, const value_point **v, size_t n, double lo, double hi, int decs)
{
	double plot_w = HIST_W - HIST_LEFT, plot_h = HIST_H - HIST_AXIS, slot = plot_w / (double)n;
	double bw = slot * 0.6 > 36 ? 36 : slot * 0.6;
	lay_rgb bar = { 0x2b, 0x6c, 0xb0 }, ink = c->s->text[RS_BODY].color;
	for (size_t i = 0; i < n; i++) {
		double x = HIST_LEFT + slot * (double)i + (slot - bw) / 2;
		double val = dec_to_double(v[i]->value);
		double y0 = plot_h * (hi - fmax_(val, 0)) / (hi - lo), y1 = plot_h * (hi - fmin_(val, 0)) / (hi - lo);
		blk_fig_rect(c->d, x, y0, bw, y1 - y0 > 0.5 ? y1 - y0 : 0.5, bar);
		/* inside the bar's top when it is tall enough, so the target line never hides it */
		bool inside = y1 - y0 >= 12;
		blk_fig_text(c->d, x + bw / 2, inside ? y0 + 9 : y0 - 2, report_num(c, v[i]->value, decs),
		             LF_BOLD, 7, inside ? text_on(bar) : ink, LA_CENTER);
		blk_fig_text(c->d, x + bw / 2, HIST_H - 4, arena_printf(c->a, "%d", v[i]->ar), LF_REGULAR, 7.5, ink, LA_CENTER);
	}
}

void report_indicator_history(report_ctx *c, const calc_indicator *ci, int decs)
{
	const indikator *in = ci->ind;
	if (in->n_utfall < 2)
		return;
	const value_point **v = sorted_outcomes(c, in);
	double lo, hi, plot_h = HIST_H - HIST_AXIS;
	hist_range(v, in->n_utfall, ci, &lo, &hi);
	const char *unit = in->enhet ? in->enhet : "";
	sb b = {0};
	sb_printf(&b, "Diagram: utfall per år för %s%s%s.", in->namn, ci->has_t ? ", med målvärdet " : "",
	        ci->has_t ? report_qty(c, ci->t, decs, unit) : "");
	for (size_t i = 0; i < in->n_utfall; i++)
		sb_printf(&b, " %d: %s.", v[i]->ar, report_qty(c, v[i]->value, decs, unit));
	blk_figure_begin(c->d, HIST_W, HIST_H, alt_done(c, &b));
	lay_rgb axis = c->s->text[RS_CAPTION].color, target = c->s->status_color[ST_EJ_UPPFYLLT];
	double zero = plot_h * hi / (hi - lo);
	blk_fig_line(c->d, HIST_LEFT, zero, HIST_W, zero, 0.5, axis);
	blk_fig_text(c->d, HIST_LEFT - 4, zero + 3, "0", LF_REGULAR, 7, axis, LA_RIGHT);
	hist_bars(c, v, in->n_utfall, lo, hi, decs);
	if (ci->has_t) {   /* the target as a dashed line */
		double y = plot_h * (hi - dec_to_double(ci->t)) / (hi - lo);
		blk_fig_dashed_line(c->d, HIST_LEFT, y, HIST_W, y, 1.2, target, 5);
		blk_fig_text(c->d, HIST_LEFT - 4, y + 3, report_num(c, ci->t, decs), LF_BOLD, 7, target, LA_RIGHT);
	}
	const char *heads[3] = { "År", "Utfall", "Målvärde" };
	report_fig_data_begin(c, heads, ci->has_t ? 3 : 2);
	for (size_t i = 0; i < in->n_utfall; i++) {
		const char *row[3] = { arena_printf(c->a, "%d", v[i]->ar), report_qty(c, v[i]->value, decs, unit),
		                       ci->has_t ? report_qty(c, ci->t, decs, unit) : "" };
		report_fig_data_row(c, row, ci->has_t ? 3 : 2);
	}
	report_fig_data_end(c);
	blk_figure_end(c->d);
	report_text(c, RS_CAPTION, arena_printf(c->a, "Figur: %s, utfall per år (staplar)%s. "
	                                        "Samma värden står i tabellen nedan.", in->namn,
	                                        ci->has_t ? " mot målvärdet (streckad linje)" : ""));
}

void report_sec_chart(report_ctx *c, const char *id)
{
	if (strcmp(id, "diagram-malstatus") == 0)
		chart_goal_status(c);
	else if (strcmp(id, "diagram-drift") == 0) {
		chart_budget(c);
		chart_drift(c);
	}
	/* other diagram ids are not drawn (yet); they are skipped */
}
