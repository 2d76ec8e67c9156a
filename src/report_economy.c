/* SPDX-License-Identifier: Apache-2.0 */
/* report_economy.c - the economy and personnel tables: driftredovisning, investeringar,
 * resultaträkning, balansräkning, kassaflödesanalys, financial goals and personal. */
#include "report_private.h"
#include <string.h>

#define MAX_COLS 8

static bool whole_year(const sr_model *m)
{
	return m->typ == RT_ARSREDOVISNING || m->typ == RT_VERKSAMHETSBERATTELSE;
}

static const char *unit_caption(const report_ctx *c)
{
	const char *u = c->m->ekonomi.enhet && *c->m->ekonomi.enhet ? c->m->ekonomi.enhet : "mnkr";
	return arena_printf(c->a, "Belopp i %s", u);
}

static const char *opt_percent(const report_ctx *c, const calc_budget_row *b, ratio r)
{
	return b->has_percentages ? report_ratio(c, r, 1) : FMT_NDASH;
}

/* MODEL v2 part 1 (issue 12): the figures as the kommun published them. */
typedef struct shown_row {
	dec budget, utfall, prognos, avvikelse, intakter, kostnader;
	bool has_prognos, has_brutto;
	ratio periodiserad;
} shown_row;

static shown_row shown_of(const report_ctx *c, const calc_budget_row *b)
{
	shown_row v = { b->budget, b->utfall, b->prognos, b->avvikelse, b->intakter, b->kostnader,
	                b->has_prognos, b->has_brutto, b->periodiserad_budget };
	const drift_rad *d = b->drift;
	const summa_rad *s = b == &c->r->drift_sum && c->m->ekonomi.has_drift_summa ?
	                     &c->m->ekonomi.drift_summa :
	                     b == &c->r->invest_sum && c->m->ekonomi.has_invest_summa ?
	                     &c->m->ekonomi.invest_summa : NULL;
	if (d && d->has_avvikelse)
		v.avvikelse = d->avvikelse;
	if (b->projekt && b->projekt->has_avvikelse)
		v.avvikelse = b->projekt->avvikelse;
	if (s) {   /* a given summa is printed as given */
		v.budget = s->budget, v.utfall = s->utfall;
		if (s->has_prognos)
			v.prognos = s->prognos;
		if (s->has_avvikelse)
			v.avvikelse = s->avvikelse;
		if (s->has_intakter && s->has_kostnader) {
			v.intakter = s->intakter, v.kostnader = s->kostnader, v.has_brutto = true;
		}
		if (s->has_periodbudget)
			v.periodiserad = (ratio){ s->periodbudget, DEC_ONE };
	}
	return v;
}

static bool any_brutto(const report_ctx *c)
{
	for (size_t i = 0; i < c->r->n_drift; i++)
		if (c->r->drift[i].has_brutto)
			return true;
	return false;
}

/* The cells of one budget row after its label cells: [Intäkter, Kostnader,] Budget,
 * Utfall, [Periodiserad budget, Prognos], Avvikelse, [Avvikelse %]. Returns the number
 * of cells written. */
static size_t budget_cells(report_ctx *c, const calc_budget_row *b, bool drift, enum lay_font f,
                           lay_cell *out)
{
	int d = c->m->ekonomi.decimaler;
	size_t n = 0;
	shown_row v = shown_of(c, b);
	if (drift && any_brutto(c)) {
		out[n++] = report_cell(c, v.has_brutto ? report_num(c, v.intakter, d) : "", f, LA_RIGHT);
		out[n++] = report_cell(c, v.has_brutto ? report_num(c, v.kostnader, d) : "", f, LA_RIGHT);
	}
	out[n++] = report_cell(c, report_num(c, v.budget, d), f, LA_RIGHT);
	out[n++] = report_cell(c, report_num(c, v.utfall, d), f, LA_RIGHT);
	if (!whole_year(c->m)) {
		if (drift)
			out[n++] = report_cell(c, report_ratio(c, v.periodiserad, d), f, LA_RIGHT);
		out[n++] = report_cell(c, v.has_prognos ? report_num(c, v.prognos, d) : FMT_NDASH,
		                       f, LA_RIGHT);
	}
	out[n++] = report_cell(c, b->has_avvikelse ? report_num(c, v.avvikelse, d) : "", f, LA_RIGHT);
	if (drift)
		out[n++] = report_cell(c, opt_percent(c, b, b->avvikelse_procent), f, LA_RIGHT);
	return n;
}

static size_t budget_titles(const report_ctx *c, bool drift, const char **t)
{
	const sr_model *m = c->m;
	size_t n = 0;
	if (drift && any_brutto(c)) {   /* MODEL v2 part 1 (issue 12) */
		t[n++] = "Intäkter";
		t[n++] = "Kostnader";
	}
	t[n++] = "Budget";
	t[n++] = "Utfall";
	if (!whole_year(m)) {
		if (drift)
			t[n++] = "Periodiserad budget";
		t[n++] = "Prognos";
	}
	t[n++] = "Avvikelse";
	if (drift)
		t[n++] = "Avvikelse %";
	return n;
}

static void begin_budget_table(report_ctx *c, const char **titles, size_t n_label, size_t n,
                               lay_column *cols, src_loc loc)
{
	for (size_t i = 0; i < n; i++)
		cols[i] = (lay_column){ i < n_label ? LA_LEFT : LA_RIGHT, i == 0 ? 0.34 : 0 };
	blk_table_begin(c->d, cols, n, RS_TABLE, false);
	report_table_at(c, loc);
	blk_table_row_header(c->d, 0);   /* the first column names the row */
	report_header_row(c, titles, cols, n);
}

/* MODEL v2 part 1 (issue 12): where a published figure differs from the one computed
 * from budget, utfall and prognos, a line under the table says so, so that a reader who
 * adds up the rows knows why. */
static void report_published_note(report_ctx *c, bool drift)
{
	int d = c->m->ekonomi.decimaler;
	const char *diff = "";
	size_t n = drift ? c->r->n_drift : c->r->n_invest;
	for (size_t i = 0; i <= n; i++) {
		const calc_budget_row *b = i < n ? (drift ? &c->r->drift[i] : &c->r->invest[i])
		                                 : (drift ? &c->r->drift_sum : &c->r->invest_sum);
		shown_row v = shown_of(c, b);
		if (!b->has_avvikelse || v.avvikelse == b->avvikelse)
			continue;
		const char *who = i == n ? "summan" : b->drift ? (b->drift->namndref ?
		                  report_namnd_name(c, b->drift->namndref) : b->drift->rubrik) :
		                  b->projekt ? b->projekt->namn : "";
		diff = arena_printf(c->a, "%s%s%s %s", diff, *diff ? ", " : "", who ? who : "",
		                    report_num(c, b->avvikelse, d));
	}
	if (*diff)
		report_text(c, RS_CAPTION, arena_printf(c->a, "Avvikelserna och summan är de som "
		            "kommunen har publicerat. Beräknat ur budget och %s blir avvikelsen: %s "
		            "(skillnaden beror på avrundning).", whole_year(c->m) ? "utfall" : "prognos",
		            diff));
}

static const char *drift_label(const report_ctx *c, const drift_rad *r)
{
	return r->namndref ? report_namnd_name(c, r->namndref) : (r->rubrik ? r->rubrik : "");
}

static void comment_item(report_ctx *c, const char *who, const char *text)
{
	lay_span *sp = arena_calloc(c->a, 2, sizeof *sp);
	sp[0] = (lay_span){ arena_printf(c->a, "%s: ", who), LF_BOLD, c->s->text[RS_LIST].color };
	sp[1] = (lay_span){ text, LF_REGULAR, c->s->text[RS_LIST].color };
	blk_list_item(c->d, NULL, sp, 2, RS_LIST);
}

void report_sec_drift(report_ctx *c)
{
	const calc_result *r = c->r;
	if (!r->has_drift || r->n_drift == 0)
		return;
	const char *titles[MAX_COLS] = { "Nämnd" };
	size_t n = 1 + budget_titles(c, true, titles + 1);
	lay_column cols[MAX_COLS];
	lay_cell cells[MAX_COLS];
	report_heading(c, 1, "Driftredovisning");
	report_text(c, RS_CAPTION, arena_printf(c->a, "%s. Avvikelse = budget " FMT_MINUS " %s.",
	                                        unit_caption(c), whole_year(c->m) ? "utfall" : "prognos"));
	begin_budget_table(c, titles, 1, n, cols, c->m->ekonomi.loc_drift);
	for (size_t i = 0; i < r->n_drift; i++) {
		bool varav = r->drift[i].varav;   /* MODEL v2 part 1 (issue 12): indented */
		const char *label = drift_label(c, r->drift[i].drift);
		cells[0] = report_cell(c, varav ? arena_printf(c->a, "\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0%s", label)
		                                : label, varav ? LF_ITALIC : LF_REGULAR, LA_LEFT);
		budget_cells(c, &r->drift[i], true, varav ? LF_ITALIC : LF_REGULAR, cells + 1);
		report_row(c, LR_BODY, cells);
		if (varav)
			blk_row_keep(c->d, true, false);
	}
	if (r->n_drift > 1) {   /* issue 13: a Summa equal to the only row says nothing */
		cells[0] = report_cell(c, "Summa", LF_BOLD, LA_LEFT);
		budget_cells(c, &r->drift_sum, true, LF_BOLD, cells + 1);
		report_row(c, LR_SUM, cells);
	}
	blk_table_end(c->d);
	report_published_note(c, true);
	blk_list_begin(c->d);   /* the comments are one list */
	for (size_t i = 0; i < r->n_drift; i++) {
		const drift_rad *d = r->drift[i].drift;
		if (d && d->kommentar && *d->kommentar)
			comment_item(c, drift_label(c, d), d->kommentar);
	}
	blk_list_end(c->d);
}

void report_sec_invest(report_ctx *c)
{
	const calc_result *r = c->r;
	if (!r->has_invest || r->n_invest == 0)
		return;
	const char *titles[MAX_COLS] = { "Projekt", "Nämnd" };
	size_t n = 2 + budget_titles(c, false, titles + 2);
	lay_column cols[MAX_COLS];
	lay_cell cells[MAX_COLS];
	report_heading(c, 1, "Investeringar");
	report_text(c, RS_CAPTION, unit_caption(c));
	begin_budget_table(c, titles, 2, n, cols, c->m->ekonomi.loc_investeringar);
	for (size_t i = 0; i < r->n_invest; i++) {
		const projekt *p = r->invest[i].projekt;
		cells[0] = report_cell(c, p ? p->namn : "", LF_REGULAR, LA_LEFT);
		cells[1] = report_cell(c, p ? report_namnd_name(c, p->namndref) : "", LF_REGULAR, LA_LEFT);
		budget_cells(c, &r->invest[i], false, LF_REGULAR, cells + 2);
		report_row(c, LR_BODY, cells);
	}
	if (r->n_invest > 1) {   /* issue 13: a Summa equal to the only row says nothing */
		cells[0] = report_cell(c, "Summa", LF_BOLD, LA_LEFT);
		cells[1] = report_cell(c, "", LF_BOLD, LA_LEFT);
		budget_cells(c, &r->invest_sum, false, LF_BOLD, cells + 2);
		report_row(c, LR_SUM, cells);
	}
	blk_table_end(c->d);
	report_published_note(c, false);
	blk_list_begin(c->d);
	for (size_t i = 0; i < r->n_invest; i++) {
		const projekt *p = r->invest[i].projekt;
		if (p && p->kommentar && *p->kommentar)
			comment_item(c, p->namn, p->kommentar);
	}
	blk_list_end(c->d);
}
