/* report_charts.c - the charts ("diagram-malstatus": statuses per goal level as
 * stacked bars; "diagram-drift": the deviation per driftredovisning row), drawn
 * through the layout engine's figure calls, each with Swedish alt text and a caption.
 * Colour is never alone: segments carry their count and the legend names each status. */
#include "report_private.h"
#include <string.h>

#define LABEL_W 130.0
#define BAR_H 16.0
#define ROW_H 26.0
#define LEGEND_H 22.0

static const enum status chart_status[4] = { ST_UPPFYLLT, ST_DELVIS, ST_EJ_UPPFYLLT, ST_EJ_BEDOMT };

static double content_width(const report_ctx *c)
{
	return c->s->page_width - c->s->margin_left - c->s->margin_right;
}

static long total_of(const calc_count *k)
{
	long t = 0;
	for (int i = 0; i < 4; i++)
		t += k->n[chart_status[i]];
	return t;
}

/* Light text on dark fills, dark text on the yellow one. */
static lay_rgb text_on(lay_rgb fill)
{
	int luma = (299 * fill.r + 587 * fill.g + 114 * fill.b) / 1000;
	return luma > 150 ? (lay_rgb){ 0x1a, 0x1a, 0x1a } : (lay_rgb){ 0xff, 0xff, 0xff };
}

static void status_bar(report_ctx *c, double y, double w, const calc_count *k)
{
	long total = total_of(k);
	double x = LABEL_W;
	for (int i = 0; i < 4 && total > 0; i++) {
		long n = k->n[chart_status[i]];
		if (n == 0)
			continue;
		double seg = w * (double)n / (double)total;
		lay_rgb col = c->s->status_color[chart_status[i]];
		lay_fig_rect(c->d, x, y, seg, BAR_H, col);
		if (seg >= 14)
			lay_fig_text(c->d, x + seg / 2, y + BAR_H - 4.5, arena_printf(c->a, "%ld", n),
			             LF_BOLD, 8, text_on(col), LA_CENTER);
		x += seg;
	}
}

static void chart_legend(report_ctx *c, double y)
{
	double x = LABEL_W;
	lay_rgb ink = c->s->text[RS_CAPTION].color;
	for (int i = 0; i < 4; i++) {
		enum status st = chart_status[i];
		lay_fig_marker(c->d, x + 4, y + 6, 8, c->s->status_shape[st], c->s->status_color[st]);
		lay_fig_text(c->d, x + 12, y + 9, report_status_name(st), LF_REGULAR, 8, ink, LA_LEFT);
		x += 80;
	}
}

static const char *status_alt(const report_ctx *c, const char *alt, const char *name, const calc_count *k)
{
	return arena_printf(c->a, "%s %s: uppfyllt %ld, delvis uppfyllt %ld, ej uppfyllt %ld, ej bedömt %ld.",
	                    alt, name, k->n[ST_UPPFYLLT], k->n[ST_DELVIS], k->n[ST_EJ_UPPFYLLT],
	                    k->n[ST_EJ_BEDOMT]);
}

static void chart_goal_status(report_ctx *c)
{
	const calc_result *r = c->r;
	size_t rows = 0;
	const char *alt = "Diagram över måluppfyllelsen per målnivå.";
	for (size_t i = 0; i < r->n_levels; i++)
		if (total_of(&r->levels[i].status) > 0) {
			rows++;
			alt = status_alt(c, alt, r->levels[i].niva->namn, &r->levels[i].status);
		}
	if (rows == 0)
		return;
	double w = content_width(c), bar_w = w - LABEL_W - 8;
	lay_figure_begin(c->d, w, (double)rows * ROW_H + LEGEND_H, alt);
	double y = 4;
	lay_rgb ink = c->s->text[RS_BODY].color;
	for (size_t i = 0; i < r->n_levels; i++) {
		if (total_of(&r->levels[i].status) == 0)
			continue;
		lay_fig_text(c->d, 0, y + BAR_H - 4.5, r->levels[i].niva->namn, LF_REGULAR, 9, ink, LA_LEFT);
		status_bar(c, y, bar_w, &r->levels[i].status);
		y += ROW_H;
	}
	chart_legend(c, y);
	lay_figure_end(c->d);
	report_text(c, RS_CAPTION, "Figur: antal mål per status och målnivå, nuvarande bedömning.");
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
		lay_fig_rect(c->d, zero, y, len, BAR_H, pos);
	else
		lay_fig_rect(c->d, zero + len, y, -len, BAR_H, neg);
	lay_fig_text(c->d, len >= 0 ? zero + len + 3 : zero + len - 3, y + BAR_H - 4.5,
	             report_num(c, b->avvikelse, decs), LF_REGULAR, 8, ink, len >= 0 ? LA_LEFT : LA_RIGHT);
	lay_fig_text(c->d, 0, y + BAR_H - 4.5, drift_name(c, b->drift), LF_REGULAR, 8.5, ink, LA_LEFT);
}

static void chart_drift(report_ctx *c)
{
	const calc_result *r = c->r;
	if (!r->has_drift || r->n_drift == 0)
		return;
	double w = content_width(c), h = (double)r->n_drift * ROW_H + 8;
	double zero = LABEL_W + 40 + (w - LABEL_W - 80) / 2, half = (w - LABEL_W - 80) / 2;
	dec max = max_deviation(r);
	const char *alt = arena_printf(c->a, "Diagram över avvikelsen mot budget per rad i driftredovisningen (%s).",
	                               c->m->ekonomi.enhet ? c->m->ekonomi.enhet : "mnkr");
	for (size_t i = 0; i < r->n_drift; i++)
		alt = arena_printf(c->a, "%s %s: %s.", alt, drift_name(c, r->drift[i].drift),
		                   report_num(c, r->drift[i].avvikelse, c->m->ekonomi.decimaler));
	lay_figure_begin(c->d, w, h, alt);
	lay_fig_line(c->d, zero, 0, zero, h, 0.75, c->s->text[RS_CAPTION].color);
	for (size_t i = 0; i < r->n_drift; i++)
		drift_bar(c, 4 + (double)i * ROW_H, zero, half, max, &r->drift[i]);
	lay_figure_end(c->d);
	report_text(c, RS_CAPTION, arena_printf(c->a, "Figur: avvikelse mot budget i %s; överskott till höger, underskott till vänster.",
	                                        c->m->ekonomi.enhet ? c->m->ekonomi.enhet : "mnkr"));
}

void report_sec_chart(report_ctx *c, const char *id)
{
	if (strcmp(id, "diagram-malstatus") == 0)
		chart_goal_status(c);
	else if (strcmp(id, "diagram-drift") == 0)
		chart_drift(c);
	/* other diagram ids are not drawn (yet); they are skipped */
}
