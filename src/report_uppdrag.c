/* SPDX-License-Identifier: Apache-2.0 */
/* report_uppdrag.c - MODEL v2 part 2 (issue 13): the parts of the report that are no
 * goals: uppdrag from KF and KS (a table per nämnd, late ones marked with the date they
 * were due, a summary), nyckeltal (outcomes by year, plan, comparisons, Kolada as the
 * source) and the follow-up of the plan for intern kontroll (a table and a summary). */
#include "report_private.h"
#include <stdlib.h>
#include <string.h>

/* A cell holding a rich text (the follow-up comment), "" when there is none. */
static lay_cell rich_cell(const report_ctx *c, const rich_text *t)
{
	if (!t || t->n_runs == 0)
		return report_cell(c, "", LF_REGULAR, LA_LEFT);
	size_t n;
	lay_span *sp = report_spans(c, t, 0, &n);
	for (size_t i = 0; i < n; i++)
		sp[i].color = c->s->text[RS_TABLE].color;
	return (lay_cell){ .spans = sp, .n_spans = n, .align = LA_LEFT };
}

static const char *date_text(const report_ctx *c, const char *iso)
{
	char b[64] = "";
	if (iso)
		fmt_date(iso, b, sizeof b);
	return arena_strdup(c->a, b);
}

/* "ett"/"två" are not needed: numbers as digits, the noun agreeing with the count. */
static const char *count_of(const report_ctx *c, long n, const char *one, const char *many)
{
	return arena_printf(c->a, "%ld %s", n, n == 1 ? one : many);
}

/* ---- uppdrag ---- */

/* "5 av 9 uppdrag klara, 2 försenade, 1 avbrutet." Late ones count as försenade. */
static const char *uppdrag_sentence(const report_ctx *c, const char *lead, const calc_uppdrag_sum *s)
{
	long late = s->n[AS_FORSENAD] + s->sena;
	const char *t = arena_printf(c->a, "%s%ld av %s %s", lead, s->n[AS_KLAR],
	                             count_of(c, s->antal, "uppdrag", "uppdrag"), s->antal == 1 ? "klart" : "klara");
	if (late)
		t = arena_printf(c->a, "%s, %ld %s", t, late, late == 1 ? "försenat" : "försenade");
	if (s->n[AS_AVBRUTEN])
		t = arena_printf(c->a, "%s, %ld %s", t, s->n[AS_AVBRUTEN],
		                 s->n[AS_AVBRUTEN] == 1 ? "avbrutet" : "avbrutna");
	return arena_printf(c->a, "%s.", t);
}

static lay_cell uppdrag_status_cell(const report_ctx *c, const calc_uppdrag *cu)
{
	const uppdrag *u = cu->u;
	const char *name = report_activity_name(u->status);
	lay_cell cell = report_cell(c, name, LF_REGULAR, LA_LEFT);
	if (!cu->sen && u->status != AS_FORSENAD)
		return cell;
	lay_span *sp = arena_calloc(c->a, 2, sizeof *sp);
	sp[0] = cell.spans[0];
	sp[1] = (lay_span){ arena_printf(c->a, " – försenat (skulle vara klart %s)", date_text(c, u->klart)),
	                    LF_BOLD, c->s->status_color[ST_EJ_UPPFYLLT] };
	cell.spans = sp;
	cell.n_spans = cu->sen ? 2 : 1;   /* one marked forsenad says it itself */
	cell.marker = report_marker(c, ST_EJ_UPPFYLLT);   /* shape and colour: not colour alone */
	return cell;
}

static lay_cell uppdrag_title_cell(const report_ctx *c, const uppdrag *u)
{
	lay_cell cell = report_cell(c, u->titel, LF_REGULAR, LA_LEFT);
	const char *extra = u->beslut ? u->beslut : NULL;
	if (u->malref) {
		const mal *g = model_find_goal(c->m, u->malref);
		const char *to = arena_printf(c->a, "mål: %s", g && g->titel ? g->titel : u->malref);
		extra = report_join(c, extra, to);
	}
	return report_cell_aside(c, cell, extra);
}

static void uppdrag_table(report_ctx *c, const char *namndref, bool without)
{
	static const lay_column cols[5] = {
		{ LA_LEFT, 0.25 }, { LA_LEFT, 0 }, { LA_LEFT, 0.14 }, { LA_LEFT, 0.2 }, { LA_LEFT, 0.28 },
	};
	static const char *const titles[5] = { "Uppdrag", "Givet av", "Klart senast", "Status", "Kommentar" };
	blk_table_begin(c->d, cols, 5, RS_TABLE, false);
	report_header_row(c, titles, cols, 5);
	for (size_t i = 0; i < c->r->n_upp; i++) {
		const calc_uppdrag *cu = &c->r->upp[i];
		const uppdrag *u = cu->u;
		if (without ? u->namndref != NULL : !u->namndref || strcmp(u->namndref, namndref) != 0)
			continue;
		lay_cell cells[5] = {
			uppdrag_title_cell(c, u),
			report_cell(c, u->givet_av ? u->givet_av : "", LF_REGULAR, LA_LEFT),
			report_cell(c, date_text(c, u->klart), LF_REGULAR, LA_LEFT),
			uppdrag_status_cell(c, cu),
			rich_cell(c, &u->text),
		};
		report_row(c, LR_BODY, cells);
	}
	blk_table_end(c->d);
}

void report_sec_uppdrag(report_ctx *c)
{
	const calc_result *r = c->r;
	if (r->n_upp == 0)
		return;
	report_heading(c, 1, "Uppdrag");
	const calc_uppdrag_sum *all = &r->upp_sums[r->n_upp_sums - 1];
	bool one = r->n_upp_sums == 2 && all->antal == r->upp_sums[0].antal;   /* one nämnd only */
	report_text(c, RS_BODY, uppdrag_sentence(c, c->m->namndref ? "" : "Hela kommunen: ", all));
	for (size_t i = 0; i + 1 < r->n_upp_sums; i++) {
		const calc_uppdrag_sum *s = &r->upp_sums[i];
		const char *name = report_namnd_name(c, s->namndref);
		if (!one && !c->m->namndref) {
			report_heading(c, 2, arena_printf(c->a, "Uppdrag till %s", name));
			report_text(c, RS_BODY, uppdrag_sentence(c, "", s));
		}
		uppdrag_table(c, s->namndref, false);
	}
	long without = 0;
	for (size_t i = 0; i < r->n_upp; i++)
		without += r->upp[i].u->namndref == NULL;
	if (without) {
		if (r->n_upp_sums > 1)
			report_heading(c, 2, "Kommungemensamma uppdrag");
		uppdrag_table(c, NULL, true);
	}
}

/* ---- nyckeltal ---- */

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

/* The years with an outcome, oldest first, at most the four latest. */
static size_t table_years(const report_ctx *c, const nyckeltal *t, int *years)
{
	size_t n = 0;
	int all[64];
	for (size_t i = 0; i < t->n_indikatorer; i++)
		for (size_t k = 0; k < t->indikatorer[i].n_utfall; k++) {
			int y = t->indikatorer[i].utfall[k].ar;
			bool seen = false;
			for (size_t j = 0; j < n; j++)
				seen = seen || all[j] == y;
			if (!seen && n < 64 && y > 0 && y <= c->m->ar)
				all[n++] = y;
		}
	qsort(all, n, sizeof *all, cmp_int);
	size_t from = n > 4 ? n - 4 : 0;
	for (size_t i = from; i < n; i++)
		years[i - from] = all[i];
	return n - from;
}

static int decimals_of(const indikator *in)
{
	int d = 0;
	for (size_t i = 0; i < in->n_utfall; i++) {
		int k = fmt_decimals_of(in->utfall[i].value);
		d = k > d ? k : d;
	}
	for (size_t i = 0; i < in->n_malvarde; i++) {
		int k = fmt_decimals_of(in->malvarde[i].value);
		d = k > d ? k : d;
	}
	return d > 2 ? 2 : d;
}

static const value_point *year_point(const value_point *v, size_t n, int ar)
{
	for (size_t i = 0; i < n; i++)
		if (!v[i].period && v[i].ar == ar)
			return &v[i];
	return NULL;
}

static lay_cell nyckeltal_name_cell(const report_ctx *c, const indikator *in, int d)
{
	lay_cell cell = report_cell(c, in->namn, LF_REGULAR, LA_LEFT);
	const char *extra = NULL;
	for (size_t i = 0; i < in->n_jamforelse; i++) {
		const value_point *v = &in->jamforelse[i];
		const char *one = v->ar ? arena_printf(c->a, "%s %d: %s", v->namn, v->ar,
		                                       report_qty(c, v->value, d, in->enhet))
		                        : arena_printf(c->a, "%s: %s", v->namn, report_qty(c, v->value, d, in->enhet));
		extra = report_join(c, extra, one);
	}
	if (in->kolada) {
		const char *k = arena_printf(c->a, "Källa: Kolada %s", in->kolada);
		extra = report_join(c, extra, k);
	}
	return report_cell_aside(c, cell, extra);
}

static void nyckeltal_table(report_ctx *c, const nyckeltal *t)
{
	int years[4];
	size_t ny = table_years(c, t, years);
	bool plan = false;
	for (size_t i = 0; i < t->n_indikatorer; i++) {
		plan = plan || year_point(t->indikatorer[i].malvarde, t->indikatorer[i].n_malvarde, c->m->ar);
	}
	size_t n = 2 + ny + (plan ? 1 : 0);
	lay_column *cols = arena_calloc(c->a, n, sizeof *cols);
	const char **titles = arena_calloc(c->a, n, sizeof *titles);
	cols[0] = (lay_column){ LA_LEFT, 0.4 };
	titles[0] = "Nyckeltal";
	cols[1] = (lay_column){ LA_LEFT, 0 };
	titles[1] = "Enhet";
	for (size_t y = 0; y < ny; y++) {
		cols[2 + y] = (lay_column){ LA_RIGHT, 0 };
		titles[2 + y] = arena_printf(c->a, "%d", years[y]);
	}
	if (plan) {
		cols[n - 1] = (lay_column){ LA_RIGHT, 0 };
		titles[n - 1] = arena_printf(c->a, "Plan %d", c->m->ar);
	}
	report_heading(c, 2, t->rubrik);
	blk_table_begin(c->d, cols, n, RS_TABLE, false);
	report_table_at(c, t->loc);
	report_header_row(c, titles, cols, n);
	for (size_t i = 0; i < t->n_indikatorer; i++) {
		const indikator *in = &t->indikatorer[i];
		int d = decimals_of(in);
		lay_cell *cells = arena_calloc(c->a, n, sizeof *cells);
		cells[0] = nyckeltal_name_cell(c, in, d);
		cells[1] = report_cell(c, in->enhet ? in->enhet : "", LF_REGULAR, LA_LEFT);
		for (size_t y = 0; y < ny; y++) {
			const value_point *v = year_point(in->utfall, in->n_utfall, years[y]);
			cells[2 + y] = report_cell(c, v ? report_num(c, v->value, d) : FMT_NDASH, LF_REGULAR, LA_RIGHT);
		}
		if (plan) {
			const value_point *v = year_point(in->malvarde, in->n_malvarde, c->m->ar);
			cells[n - 1] = report_cell(c, v ? report_num(c, v->value, d) : FMT_NDASH, LF_REGULAR, LA_RIGHT);
		}
		report_row(c, LR_BODY, cells);
	}
	blk_table_end(c->d);
}

void report_sec_nyckeltal(report_ctx *c)
{
	size_t shown = 0;
	for (size_t i = 0; i < c->m->n_nyckeltal; i++)
		shown += report_in_scope(c, c->m->nyckeltal[i].namndref);
	if (shown == 0)
		return;
	report_heading(c, 1, "Nyckeltal");
	for (size_t i = 0; i < c->m->n_nyckeltal; i++) {
		const nyckeltal *t = &c->m->nyckeltal[i];
		if (!report_in_scope(c, t->namndref))
			continue;
		nyckeltal_table(c, t);
		if (t->namndref && !c->m->namndref)
			report_text(c, RS_CAPTION, arena_printf(c->a, "Ansvarig: %s.", report_namnd_name(c, t->namndref)));
	}
}

/* ---- intern kontroll ---- */

static const char *const result_names[KR_MAX] = { "Utan anmärkning", "Avvikelse", "Ej genomförd" };
static const char *const risk_names[RISK_MAX] = { "", "Låg", "Medel", "Hög" };

static lay_cell result_cell(const report_ctx *c, enum kontroll_resultat r)
{
	lay_cell cell = report_cell(c, result_names[r], LF_REGULAR, LA_LEFT);
	static const enum status look[KR_MAX] = { ST_UPPFYLLT, ST_EJ_UPPFYLLT, ST_EJ_BEDOMT };
	cell.marker = report_marker(c, look[r]);
	return cell;
}

static const char *kontroll_sentence(const report_ctx *c, const calc_kontroll_sum *s)
{
	return arena_printf(c->a, "%s: %ld utan anmärkning, %ld med avvikelse och %ld ej %s.",
	                    count_of(c, s->antal, "kontrollmoment", "kontrollmoment"),
	                    s->n[KR_UTAN_ANMARKNING], s->n[KR_AVVIKELSE], s->n[KR_EJ_GENOMFORD],
	                    s->n[KR_EJ_GENOMFORD] == 1 ? "genomfört" : "genomförda");
}

void report_sec_internkontroll(report_ctx *c)
{
	const calc_result *r = c->r;
	if (r->n_kon == 0)
		return;
	static const lay_column cols[5] = {
		{ LA_LEFT, 0.26 }, { LA_LEFT, 0 }, { LA_LEFT, 0.08 }, { LA_LEFT, 0.18 }, { LA_LEFT, 0.3 },
	};
	static const char *const titles[5] = { "Kontrollmoment", "Nämnd", "Risk", "Resultat", "Iakttagelser och åtgärder" };
	report_heading(c, 1, "Intern kontroll");
	report_text(c, RS_BODY, kontroll_sentence(c, &r->kon_sums[r->n_kon_sums - 1]));
	blk_table_begin(c->d, cols, 5, RS_TABLE, false);
	report_table_at(c, c->m->loc_internkontroll);
	report_header_row(c, titles, cols, 5);
	for (size_t i = 0; i < r->n_kon; i++) {
		const kontroll *k = r->kon[i];
		lay_cell cells[5] = {
			report_cell(c, k->namn, LF_REGULAR, LA_LEFT),
			report_cell(c, k->namndref ? report_namnd_name(c, k->namndref) : "Hela kommunen", LF_REGULAR, LA_LEFT),
			report_cell(c, risk_names[k->risk], LF_REGULAR, LA_LEFT),
			result_cell(c, k->resultat),
			rich_cell(c, &k->text),
		};
		report_row(c, LR_BODY, cells);
	}
	blk_table_end(c->d);
	if (r->n_kon_sums > 2) {
		report_text(c, RS_TABLE_TITLE, "Resultat per nämnd");
		static const lay_column sc[5] = { { LA_LEFT, 0.4 }, { LA_CENTER, 0 }, { LA_CENTER, 0 }, { LA_CENTER, 0 }, { LA_CENTER, 0 } };
		static const char *const st[5] = { "Nämnd", "Utan anmärkning", "Avvikelse", "Ej genomförd", "Totalt" };
		blk_table_begin(c->d, sc, 5, RS_TABLE, false);
		report_table_at(c, c->m->loc_internkontroll);
		report_header_row(c, st, sc, 5);
		for (size_t i = 0; i < r->n_kon_sums; i++) {
			const calc_kontroll_sum *s = &r->kon_sums[i];
			enum lay_font f = s->namndref ? LF_REGULAR : LF_BOLD;
			lay_cell cells[5] = {
				report_cell(c, s->namndref ? report_namnd_name(c, s->namndref) : "Hela kommunen", f, LA_LEFT),
				report_cell(c, arena_printf(c->a, "%ld", s->n[KR_UTAN_ANMARKNING]), f, LA_CENTER),
				report_cell(c, arena_printf(c->a, "%ld", s->n[KR_AVVIKELSE]), f, LA_CENTER),
				report_cell(c, arena_printf(c->a, "%ld", s->n[KR_EJ_GENOMFORD]), f, LA_CENTER),
				report_cell(c, arena_printf(c->a, "%ld", s->antal), f, LA_CENTER),
			};
			report_row(c, s->namndref ? LR_BODY : LR_SUM, cells);
		}
		blk_table_end(c->d);
	}
}
