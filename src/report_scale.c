/* SPDX-License-Identifier: Apache-2.0 */
/* report_scale.c - MODEL v2 part 2 (issue 13): the kommun's scale in the PDF: the
 * marker (shape and colour) and name of every step, the legend that says how a status
 * is computed in the kommun's words and numbers, the sums by step ("10 av 16 helt eller
 * i hög grad uppfyllda") and the månadsrapport's title. */
#include "report_private.h"
#include "diag.h"
#include <stdlib.h>
#include <string.h>

static const bedomningsskala *scale(const report_ctx *c)
{
	return &c->r->scale;
}

static enum lay_shape shape_of(const char *form, enum lay_shape fallback)
{
	static const char *const forms[] = { "cirkel", "triangel", "kvadrat", "romb",
	                                     "femhorn", "sexhorn", "stjarna" };
	_Static_assert(LS_PENTAGON == 4 && LS_HEXAGON == 5 && LS_STAR == 6, "shape order");
	for (int i = 0; form && i < 7; i++)
		if (strcmp(forms[i], form) == 0)
			return (enum lay_shape)i;
	return fallback;
}

static lay_rgb color_of(const char *farg, lay_rgb fallback)
{
	if (!farg || farg[0] != '#' || strlen(farg) != 7)
		return fallback;
	unsigned long x = strtoul(farg + 1, NULL, 16);
	return (lay_rgb){ (unsigned char)(x >> 16), (unsigned char)(x >> 8), (unsigned char)x };
}

/* The layout's marker of the best status step stands for; its own farg/form win. */
lay_marker report_step_marker(const report_ctx *c, int step)
{
	const bedomningsskala *sc = scale(c);
	if (step < 0 || (size_t)step >= sc->n_steg) {
		lay_marker mk = report_marker(c, ST_EJ_BEDOMT);
		mk.shape = shape_of(sc->ejb_form, mk.shape);
		mk.color = color_of(sc->ejb_farg, mk.color);
		return mk;
	}
	const skala_steg *st = &sc->steg[step];
	enum status base = model_step_maps(st, "uppfyllt") ? ST_UPPFYLLT :
	                   model_step_maps(st, "delvis") ? ST_DELVIS :
	                   model_step_maps(st, "ej-uppfyllt") ? ST_EJ_UPPFYLLT :
	                   calc_step_status(sc, step);
	lay_marker mk = report_marker(c, base);
	mk.shape = shape_of(st->form, mk.shape);
	mk.color = color_of(st->farg, mk.color);
	return mk;
}

const char *report_step_name(const report_ctx *c, int step)
{
	const bedomningsskala *sc = scale(c);
	if (step < 0 || (size_t)step >= sc->n_steg)
		return sc->ejb_namn ? sc->ejb_namn : "Ej bedömt";
	return sc->steg[step].namn ? sc->steg[step].namn : sc->steg[step].id;
}

lay_cell report_cell_step(const report_ctx *c, int step, const char *suffix)
{
	const char *name = report_step_name(c, step);
	lay_cell cell = report_cell(c, suffix ? arena_printf(c->a, "%s %s", name, suffix) : name,
	                            LF_REGULAR, LA_LEFT);
	cell.marker = report_step_marker(c, step);
	return cell;
}

/* ---- the legend ---- */

static const char *joined(const report_ctx *c, const char *const *parts, size_t n, const char *last)
{
	const char *s = "";
	for (size_t i = 0; i < n; i++)
		s = arena_printf(c->a, "%s%s%s", s, i == 0 ? "" : i + 1 == n ? last : ", ", parts[i]);
	return s;
}

/* "Helt uppfyllt 3 poäng, I hög grad uppfyllt 2, …" */
static const char *points_text(const report_ctx *c)
{
	const bedomningsskala *sc = scale(c);
	const char **p = arena_calloc(c->a, sc->n_steg + 1, sizeof *p);
	for (size_t i = 0; i < sc->n_steg; i++)
		p[i] = arena_printf(c->a, "%s %s%s", report_step_name(c, (int)i),
		                    report_num(c, sc->steg[i].poang, fmt_decimals_of(sc->steg[i].poang)),
		                    i == 0 ? " poäng" : "");
	return joined(c, p, sc->n_steg, " och ");
}

/* "Helt uppfyllt från 2,5, …, annars Ej uppfyllt" */
static const char *thresholds_text(const report_ctx *c)
{
	const bedomningsskala *sc = scale(c);
	const char **p = arena_calloc(c->a, sc->n_steg + 1, sizeof *p);
	size_t n = 0;
	for (size_t i = 0; i + 1 < sc->n_steg; i++)
		if (sc->steg[i].has_fran)
			p[n++] = arena_printf(c->a, "%s från %s", report_step_name(c, (int)i),
			                      report_num(c, sc->steg[i].fran, fmt_decimals_of(sc->steg[i].fran)));
	const char *s = joined(c, p, n, ", ");
	return arena_printf(c->a, "%s, annars %s", s, report_step_name(c, (int)sc->n_steg - 1));
}

static const char *mapped_name(const report_ctx *c, enum status s)
{
	return report_step_name(c, model_scale_step_of_status(scale(c), s));
}

/* The names of the steps that count as met, "Helt uppfyllt och I hög grad uppfyllt". */
static const char *met_names(const report_ctx *c)
{
	const bedomningsskala *sc = scale(c);
	const char **p = arena_calloc(c->a, sc->n_steg + 1, sizeof *p);
	size_t n = 0;
	for (size_t i = 0; i < sc->n_steg; i++)
		if (calc_step_met(c->r, (int)i))
			p[n++] = report_step_name(c, (int)i);
	return joined(c, p, n, " och ");
}

static const char *legend_text(const report_ctx *c)
{
	char pct[FMT_BUF];
	fmt_percent(c->m->gul_andel * 100, fmt_decimals_of(c->m->gul_andel * 100), pct, sizeof pct);
	return arena_printf(c->a,
	    "Så beräknas statusen: ett mål får medelpoängen av sina indikatorer och direkta "
	    "undermål (%s; %s räknas inte) och bedöms %s. En indikator som når sitt målvärde "
	    "visas som %s, en som har kommit minst %s av vägen från utgångsvärdet som %s, "
	    "övriga som %s; en indikator med trendmål (öka, minska, bibehålla) jämförs med "
	    "föregående års utfall. En bedömning som nämnden eller fullmäktige har gjort gäller "
	    "före den beräknade. I sammanställningarna räknas %s som uppfyllda.",
	    points_text(c), report_step_name(c, (int)scale(c)->n_steg), thresholds_text(c),
	    mapped_name(c, ST_UPPFYLLT), pct, mapped_name(c, ST_DELVIS), mapped_name(c, ST_EJ_UPPFYLLT),
	    met_names(c));
}

void report_legend(report_ctx *c)
{
	if (c->legend_done)
		return;
	c->legend_done = true;
	size_t n = scale(c)->n_steg + 1;
	lay_column *cols = arena_calloc(c->a, n, sizeof *cols);
	lay_cell *cells = arena_calloc(c->a, n, sizeof *cells);
	for (size_t i = 0; i < n; i++) {   /* equal shares: the states weigh the same */
		cols[i] = (lay_column){ LA_LEFT, 1.0 / (double)n };
		cells[i] = report_cell_step(c, (int)i, NULL);
	}
	report_text(c, RS_TABLE_TITLE, "Teckenförklaring");
	blk_table_begin(c->d, cols, n, RS_TABLE, false);
	report_row(c, LR_BODY, cells);
	blk_table_end(c->d);
	report_text(c, RS_CAPTION, legend_text(c));
}

/* ---- sums by step ---- */

/* "helt eller i hög grad uppfyllda": the met steps' names in lower case, a shared
 * last word said once; plural unless one goal is counted. */
const char *report_met_phrase(const report_ctx *c, long n)
{
	const bedomningsskala *sc = scale(c);
	const char *word = n == 1 ? "uppfyllt" : "uppfyllda";
	const char **p = arena_calloc(c->a, sc->n_steg + 1, sizeof *p);
	size_t k = 0;
	bool common = true;
	for (size_t i = 0; i < sc->n_steg; i++) {
		if (!calc_step_met(c->r, (int)i))
			continue;
		const char *name = report_step_name(c, (int)i);
		size_t l = strlen(name);
		bool ends = l >= 8 && strcmp(name + l - 8, "uppfyllt") == 0;
		common = common && ends;
		char *low = arena_strdup(c->a, name);
		if (low[0] >= 'A' && low[0] <= 'Z')
			low[0] = (char)(low[0] - 'A' + 'a');
		p[k++] = low;
	}
	if (common) {
		for (size_t i = 0; i < k; i++) {
			char *s = (char *)p[i];
			size_t l = strlen(s) - 8;
			while (l > 0 && s[l - 1] == ' ')
				l--;
			s[l] = '\0';
		}
		const char *head = joined(c, p, k, " eller ");
		return *head ? arena_printf(c->a, "%s %s", head, word) : word;
	}
	for (size_t i = 0, j = 0; i < sc->n_steg; i++)   /* the names as the kommun writes them */
		if (calc_step_met(c->r, (int)i))
			p[j++] = report_step_name(c, (int)i);
	return arena_printf(c->a, "%s (%s)", word, joined(c, p, k, " eller "));
}

/* "4 av 9 helt eller i hög grad uppfyllda (Helt uppfyllt 1, …)"; with a kommun's own step
 * names "4 av 16 mål uppfyllda (Grönt – uppnått). Per bedömning: Grönt – uppnått 4, …" */
const char *report_step_sentence(const report_ctx *c, const char *lead, const calc_step_count *k)
{
	const bedomningsskala *sc = scale(c);
	const char *detail = "";
	for (size_t i = 0; i <= sc->n_steg; i++)
		detail = arena_printf(c->a, "%s%s%s %ld", detail, i ? ", " : "",
		                      report_step_name(c, (int)i), k->n[i]);
	const char *met = report_met_phrase(c, k->all);
	if (strchr(met, '('))   /* "uppfyllda (Grönt – uppnått)": no second parenthesis */
		return arena_printf(c->a, "%s%ld av %ld mål %s. Per bedömning: %s.", lead, k->met,
		                    k->all, met, detail);
	return arena_printf(c->a, "%s%ld av %ld mål %s (%s).", lead, k->met, k->all, met, detail);
}

static void step_count_row(report_ctx *c, enum lay_row_kind kind, const char *label,
                           const calc_step_count *k, size_t n)
{
	lay_cell *cells = arena_calloc(c->a, n + 2, sizeof *cells);
	enum lay_font f = kind == LR_SUM ? LF_BOLD : LF_REGULAR;
	cells[0] = report_cell(c, label, f, LA_LEFT);
	for (size_t i = 0; i < n; i++)
		cells[1 + i] = report_cell(c, arena_printf(c->a, "%ld", k->n[i]), f, LA_CENTER);
	cells[n + 1] = report_cell(c, arena_printf(c->a, "%ld", k->all), f, LA_CENTER);
	report_row(c, kind, cells);
}

/* One table of counts by step: rows given as labels and counts; a sum row only when it
 * adds something (more than one row). */
void report_step_table(report_ctx *c, const char *first, const char *const *labels,
                       const calc_step_count *const *counts, size_t rows,
                       const char *sum_label, const calc_step_count *sum)
{
	size_t n = scale(c)->n_steg + 1;
	lay_column *cols = arena_calloc(c->a, n + 2, sizeof *cols);
	cols[0] = (lay_column){ LA_LEFT, 0.28 };
	for (size_t i = 1; i < n + 2; i++)
		cols[i] = (lay_column){ LA_CENTER, 0 };
	blk_table_begin(c->d, cols, n + 2, RS_TABLE, false);
	lay_cell *h = arena_calloc(c->a, n + 2, sizeof *h);
	h[0] = report_cell(c, first, LF_BOLD, LA_LEFT);
	for (size_t i = 0; i < n; i++) {
		h[1 + i] = report_cell(c, report_step_name(c, (int)i), LF_BOLD, LA_CENTER);
		h[1 + i].marker = report_step_marker(c, (int)i);
	}
	h[n + 1] = report_cell(c, "Totalt", LF_BOLD, LA_CENTER);
	lay_rgb *fill = arena_alloc(c->a, sizeof *fill);
	*fill = c->s->header_fill;
	blk_table_row(c->d, LR_HEADER, h, fill);
	for (size_t r = 0; r < rows; r++)
		step_count_row(c, LR_BODY, labels[r], counts[r], n);
	if (sum && rows > 1)
		step_count_row(c, LR_SUM, sum_label, sum, n);
	blk_table_end(c->d);
}

/* ---- the månadsrapport ---- */

const char *report_month_title(const sr_model *m)
{
	int mo = m->period_till && strlen(m->period_till) >= 7 ? atoi(m->period_till + 5) : 0;
	const char *name = mo >= 1 && mo <= 12 ? fmt_month_name(mo) : "";
	return arena_printf(m->arena, "Månadsrapport %s %d", name, m->ar);
}

/* ---- the chart of statuses per level, by step ---- */

#define SC_LABEL_W 180.0
#define SC_BAR_H 16.0
#define SC_ROW_H 26.0
#define SC_LEGEND_ROW 14.0

static lay_rgb ink_on(lay_rgb fill)
{
	int luma = (299 * fill.r + 587 * fill.g + 114 * fill.b) / 1000;
	return luma > 150 ? (lay_rgb){ 0x1a, 0x1a, 0x1a } : (lay_rgb){ 0xff, 0xff, 0xff };
}

static const calc_step_count *chart_counts(const report_ctx *c, size_t i)
{
	return report_prognos_only(c->m) ? &c->r->levels[i].steg_prognos : &c->r->levels[i].steg;
}

static void step_bar(report_ctx *c, double y, double w, const calc_step_count *k)
{
	double x = SC_LABEL_W;
	for (size_t i = 0; i <= scale(c)->n_steg && k->all > 0; i++) {
		if (k->n[i] == 0)
			continue;
		double seg = w * (double)k->n[i] / (double)k->all;
		lay_rgb col = report_step_marker(c, (int)i).color;
		if ((299 * col.r + 587 * col.g + 114 * col.b) / 1000 > 235) {   /* a white light: outlined */
			blk_fig_rect(c->d, x, y, seg, SC_BAR_H, (lay_rgb){ 0x8a, 0x8a, 0x8a });
			blk_fig_rect(c->d, x + 0.75, y + 0.75, seg - 1.5, SC_BAR_H - 1.5, col);
		} else {
			blk_fig_rect(c->d, x, y, seg, SC_BAR_H, col);
		}
		if (seg >= 14)
			blk_fig_text(c->d, x + seg / 2, y + SC_BAR_H - 4.5, arena_printf(c->a, "%ld", k->n[i]),
			             LF_BOLD, 8, ink_on(col), LA_CENTER);
		x += seg;
	}
}

/* Three states a row, each with its marker and name: the legend names every step. */
static double step_chart_legend(report_ctx *c, double y, double w)
{
	lay_rgb ink = c->s->text[RS_CAPTION].color;
	size_t n = scale(c)->n_steg + 1;
	double col_w = w / 3;
	for (size_t i = 0; i < n; i++) {
		double x = col_w * (double)(i % 3), yy = y + SC_LEGEND_ROW * (double)(i / 3);
		lay_marker mk = report_step_marker(c, (int)i);
		blk_fig_marker(c->d, x + 4, yy + 6, 8, mk.shape, mk.color);
		blk_fig_label(c->d, x + 12, yy + 9, report_step_name(c, (int)i), LF_REGULAR, 8, ink, LA_LEFT,
		              col_w - 16);
	}
	return SC_LEGEND_ROW * (double)((n + 2) / 3) + 8;
}

void report_step_chart(report_ctx *c)
{
	const calc_result *r = c->r;
	bool only_prognos = report_prognos_only(c->m);
	const calc_step_count *all = only_prognos ? &r->all_steg_prognos : &r->all_steg;
	if (all->all <= 1)
		return;   /* a chart for one goal says nothing */
	size_t rows = 0;
	const char *alt = only_prognos ? "Diagram över prognosen för helåret per målnivå."
	                               : "Diagram över måluppfyllelsen per målnivå.";
	for (size_t i = 0; i < r->n_levels; i++) {
		const calc_step_count *k = chart_counts(c, i);
		if (k->all == 0)
			continue;
		rows++;
		const char *d = "";
		for (size_t s = 0; s <= scale(c)->n_steg; s++)
			d = arena_printf(c->a, "%s%s%s %ld", d, s ? ", " : "", report_step_name(c, (int)s), k->n[s]);
		alt = arena_printf(c->a, "%s %s: %s.", alt, r->levels[i].niva->namn, d);
	}
	if (rows == 0)
		return;
	double w = c->s->page_width - c->s->margin_left - c->s->margin_right;
	double legend_h = SC_LEGEND_ROW * (double)((scale(c)->n_steg + 3) / 3) + 8;
	blk_figure_begin(c->d, w, (double)rows * SC_ROW_H + legend_h, alt);
	double y = 4;
	lay_rgb ink = c->s->text[RS_BODY].color;
	for (size_t i = 0; i < r->n_levels; i++) {
		if (chart_counts(c, i)->all == 0)
			continue;
		blk_fig_label(c->d, 0, y + SC_BAR_H - 4.5, r->levels[i].niva->namn, LF_REGULAR, 9, ink,
		              LA_LEFT, SC_LABEL_W - 6);
		step_bar(c, y, w - SC_LABEL_W - 8, chart_counts(c, i));
		y += SC_ROW_H;
	}
	step_chart_legend(c, y, w);
	size_t nc = scale(c)->n_steg + 2;   /* the level, each step, ej bedömt */
	const char **heads = arena_calloc(c->a, nc, sizeof *heads);
	heads[0] = "Nivå";
	for (size_t s = 0; s + 1 < nc; s++)
		heads[s + 1] = report_step_name(c, (int)s);
	report_fig_data_begin(c, heads, nc);
	for (size_t i = 0; i < r->n_levels; i++) {
		const calc_step_count *k = chart_counts(c, i);
		if (k->all == 0)
			continue;
		const char **row = arena_calloc(c->a, nc, sizeof *row);
		row[0] = r->levels[i].niva->namn;
		for (size_t s = 0; s + 1 < nc; s++)
			row[s + 1] = arena_printf(c->a, "%ld", k->n[s]);
		report_fig_data_row(c, row, nc);
	}
	report_fig_data_end(c);
	blk_figure_end(c->d);
	report_text(c, RS_CAPTION, only_prognos
	            ? "Figur: antal mål per prognos och målnivå, i kommunens bedömningsskala. Samma "
	              "siffror står i tabellen Prognos för helåret per målnivå."
	            : "Figur: antal mål per steg i kommunens bedömningsskala och målnivå, nuvarande "
	              "bedömning. Samma siffror står i tabellen Bedömning per målnivå.");
}

/* ---- render: two states may not share a shape ---- */

static const char *const shape_words[LS_MAX] = { "cirkel", "triangel", "kvadrat", "romb",
                                                 "femhorn", "sexhorn", "stjarna" };

bool report_check_scale_shapes(const sr_model *m, const calc_result *r, const report_style *s,
                               diag_sink *d)
{
	report_ctx c = { .m = m, .r = r, .s = s, .a = m->arena };
	const bedomningsskala *sc = &r->scale;
	bool ok = true;
	for (size_t i = 1; m->has_skala && i <= sc->n_steg; i++)
		for (size_t k = 0; k < i; k++) {
			enum lay_shape a = report_step_marker(&c, (int)i).shape;
			if (a != report_step_marker(&c, (int)k).shape)
				continue;
			/* name the state that borrows the layout's shape */
			const char *form_i = i < sc->n_steg ? sc->steg[i].form : sc->ejb_form;
			size_t from = form_i ? k : i, other = form_i ? i : k;
			src_loc l = from < sc->n_steg ? sc->steg[from].loc : sc->loc_ejbedomt.line ? sc->loc_ejbedomt : sc->loc;
			diag_add(d, D_SKALA, l.file ? l.file : m->file, l.line,
			         "'%s' får formen %s från layouten, men '%s' har samma form; ange form på "
			         "steget så att varje läge i skalan har en egen form",
			         from < sc->n_steg ? sc->steg[from].id : sc->ejb_id, shape_words[a % LS_MAX],
			         other < sc->n_steg ? sc->steg[other].id : sc->ejb_id);
			ok = false;
			break;
		}
	return ok;
}
