/* SPDX-License-Identifier: Apache-2.0 */
/* report_accounts.c - the räkningar (resultaträkning, balansräkning, kassaflödesanalys),
 * the financial goals and the personnel table. */
#include "report_private.h"
#include <string.h>

void report_sec_rakning(report_ctx *c, enum rakning_type t)
{
	/* MODEL v2 part 1 (issue 12): every räkning has its own title (its rubrik, else the
	 * default of its typ) in the contents and the bookmarks, and is drawn with the
	 * version 2 rows (report_table.c). */
	const ekonomi *e = &c->m->ekonomi;
	if (!c->m->has_ekonomi)
		return;
	for (size_t i = 0; i < e->n_rakningar; i++) {
		const rakning *rk = &e->rakningar[i];
		if (rk->typ != t || rk->n_items == 0)
			continue;
		report_heading(c, 1, model_rakning_title(rk));
		const char *u = model_rakning_enhet(c->m, rk);
		report_text(c, RS_CAPTION, arena_printf(c->a, "Belopp i %s", u && *u ? u : "mnkr"));
		report_account_table(c, rk, false);
	}
}

/* At least one decimal for a percentage target, at most two. */
static int fin_decimals(const finansielltmal *f)
{
	int d = fmt_decimals_of(f->malvarde);
	if (f->has_min && fmt_decimals_of(f->malvarde_min) > d)   /* MODEL v2 part 2 (issue 13) */
		d = fmt_decimals_of(f->malvarde_min);
	if (f->has_max && fmt_decimals_of(f->malvarde_max) > d)
		d = fmt_decimals_of(f->malvarde_max);
	if (f->has_utgangsvarde && fmt_decimals_of(f->utgangsvarde) > d)
		d = fmt_decimals_of(f->utgangsvarde);
	return d < 1 ? 1 : (d > 2 ? 2 : d);
}

void report_sec_fin_goals(report_ctx *c)
{
	static const lay_column cols[4] = { { LA_LEFT, 0.5 }, { LA_RIGHT, 0 }, { LA_RIGHT, 0 }, { LA_LEFT, 0 } };
	static const char *const titles[4] = { "Mål", "Målvärde", "Utfall", "Status" };
	if (c->r->n_fin == 0)
		return;
	report_heading(c, 1, "Finansiella mål");
	report_legend(c);
	blk_table_begin(c->d, cols, 4, RS_TABLE, false);
	report_table_at(c, c->r->fin[0].fin->loc);
	blk_table_row_header(c->d, 0);   /* the first column names the row */
	report_header_row(c, titles, cols, 4);
	for (size_t i = 0; i < c->r->n_fin; i++) {
		const calc_fin *cf = &c->r->fin[i];
		const finansielltmal *f = cf->fin;
		int d = fin_decimals(f);
		const char *target = arena_printf(c->a, "%s %s", f->riktning == DIR_LAGRE ? "högst" : "minst",
		                                  report_qty(c, f->malvarde, d, f->enhet));
		if (f->has_min && f->has_max)   /* MODEL v2 part 2 (issue 13): a range */
			target = arena_printf(c->a, "%s" FMT_NDASH "%s", report_num(c, f->malvarde_min, d),
			                      report_qty(c, f->malvarde_max, d, f->enhet));
		const char *out = cf->utfall.den ? report_qty(c, fmt_ratio_round(cf->utfall, d), d, f->enhet)
		                                 : FMT_NDASH;
		lay_cell cells[4] = {
			report_cell(c, f->namn, LF_REGULAR, LA_LEFT),
			report_cell(c, target, LF_REGULAR, LA_RIGHT),
			report_cell(c, out, LF_REGULAR, LA_RIGHT),
			report_cell_step(c, model_scale_step_of_status(&c->r->scale, cf->status), NULL),
		};
		report_row(c, LR_BODY, cells);
	}
	blk_table_end(c->d);
}

static const char *opt_num(const report_ctx *c, bool has, dec v, int d)
{
	return has ? report_num(c, v, d) : FMT_NDASH;
}

static void personal_row(report_ctx *c, const personal_rad *p)
{
	lay_cell cells[5] = {
		report_cell(c, report_namnd_name(c, p->namndref), LF_REGULAR, LA_LEFT),
		report_cell(c, opt_num(c, p->has_tillsvidareanstallda, p->tillsvidareanstallda, 0), LF_REGULAR, LA_RIGHT),
		report_cell(c, opt_num(c, p->has_arsarbetare, p->arsarbetare, 1), LF_REGULAR, LA_RIGHT),
		report_cell(c, opt_num(c, p->has_sjukfranvaro, p->sjukfranvaro, 1), LF_REGULAR, LA_RIGHT),
		report_cell(c, opt_num(c, p->has_sjukfranvaro_fg, p->sjukfranvaro_fg, 1), LF_REGULAR, LA_RIGHT),
	};
	report_row(c, LR_BODY, cells);
}

/* Head counts add up; sick-leave percentages do not (they would need weights). */
static void personal_sum(report_ctx *c, dec tv, dec aa)
{
	lay_cell sum[5] = {
		report_cell(c, "Summa", LF_BOLD, LA_LEFT),
		report_cell(c, report_num(c, tv, 0), LF_BOLD, LA_RIGHT),
		report_cell(c, report_num(c, aa, 1), LF_BOLD, LA_RIGHT),
		report_cell(c, "", LF_BOLD, LA_RIGHT),
		report_cell(c, "", LF_BOLD, LA_RIGHT),
	};
	report_row(c, LR_SUM, sum);
}

void report_sec_personal(report_ctx *c)
{
	static const lay_column cols[5] = {
		{ LA_LEFT, 0.34 }, { LA_RIGHT, 0 }, { LA_RIGHT, 0 }, { LA_RIGHT, 0 }, { LA_RIGHT, 0 },
	};
	static const char *const titles[5] = {
		"Nämnd", "Tillsvidareanställda", "Årsarbetare", "Sjukfrånvaro %",
		"Sjukfrånvaro föregående år %",
	};
	const sr_model *m = c->m;
	size_t shown = 0;
	dec sum_tv = 0, sum_aa = 0;
	for (size_t i = 0; i < m->n_personal; i++)
		shown += report_in_scope(c, m->personal[i].namndref);
	if (m->has_personal && shown == 0 && m->n_sjuk > 0 && !m->namndref) {
		report_heading(c, 1, "Personal");   /* MODEL v2 part 1 (issue 12) */
		report_sick_leave(c);
		return;
	}
	if (!m->has_personal || shown == 0)
		return;
	report_heading(c, 1, "Personal");
	blk_table_begin(c->d, cols, 5, RS_TABLE, false);
	report_table_at(c, m->personal[0].loc);
	blk_table_row_header(c->d, 0);   /* the first column names the row */
	report_header_row(c, titles, cols, 5);
	for (size_t i = 0; i < m->n_personal; i++) {
		const personal_rad *p = &m->personal[i];
		if (!report_in_scope(c, p->namndref))
			continue;
		sum_tv += p->has_tillsvidareanstallda ? p->tillsvidareanstallda : 0;
		sum_aa += p->has_arsarbetare ? p->arsarbetare : 0;
		personal_row(c, p);
	}
	if (shown > 1)
		personal_sum(c, sum_tv, sum_aa);
	blk_table_end(c->d);
	report_text(c, RS_CAPTION, "Sjukfrånvaro i procent av ordinarie arbetstid.");
	if (!m->namndref)
		report_sick_leave(c);   /* MODEL v2 part 1 (issue 12) */
}
