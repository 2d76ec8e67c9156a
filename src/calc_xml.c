/* SPDX-License-Identifier: Apache-2.0 */
/* calc_xml.c - prints every computed figure as <berakning> XML (MODEL.md "Computed
 * output"): exact decimals, quotients to 6 decimals, one element per line. */
#include "calc.h"
#include <string.h>

/* Writes s as attribute content: & < > " escaped, white space as character
 * references; other control characters cannot appear in XML 1.0 and become U+FFFD. */
static void put_escaped(FILE *out, const char *s)
{
	/* every byte that needs care: the markup characters and all C0 controls */
	static const char special[] = "&<>\"\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r"
	                              "\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a"
	                              "\x1b\x1c\x1d\x1e\x1f\x7f";
	for (;;) {
		size_t plain = strcspn(s, special);   /* written in one piece */
		fwrite(s, 1, plain, out);
		s += plain;
		unsigned char c = (unsigned char)*s;
		if (!c)
			return;
		switch (c) {
		case '&': fputs("&amp;", out); break;
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '"': fputs("&quot;", out); break;
		case '\t': fputs("&#9;", out); break;
		case '\n': fputs("&#10;", out); break;
		case '\r': fputs("&#13;", out); break;
		default: fputs("\xef\xbf\xbd", out); break;
		}
		s++;
	}
}

static void attr(FILE *out, const char *name, const char *value)
{
	if (!value)
		return;
	fputc(' ', out);
	fputs(name, out);
	fputs("=\"", out);
	put_escaped(out, value);
	fputc('"', out);
}

static void attr_dec(FILE *out, const char *name, dec x)
{
	char b[64];
	attr(out, name, dec_format(x, b, sizeof b));
}

static void attr_ratio(FILE *out, const char *name, ratio q)
{
	char b[80];
	attr(out, name, dec_format_ratio(q.num, q.den, b, sizeof b));
}

static void attr_status(FILE *out, const char *name, enum status s)
{
	attr(out, name, model_status_token(s));
}

/* MODEL v2 part 2 (issue 13) */
static const char *step_id(const calc_result *r, int step)
{
	if (step < 0 || (size_t)step >= r->scale.n_steg)
		return r->scale.ejb_id;
	return r->scale.steg[step].id;
}

static void put_indicators(FILE *out, const calc_result *r)
{
	for (size_t i = 0; i < r->n_ind; i++) {
		const calc_indicator *ci = &r->ind[i];
		fputs("  <indikator", out);
		attr(out, "id", ci->ind->id);
		attr_status(out, "status", ci->status);
		if (ci->has_framsteg)
			attr_ratio(out, "framsteg", ci->framsteg);
		if (ci->has_forandring) {   /* MODEL v2 part 2 (issue 13): trend target */
			char y[16];
			snprintf(y, sizeof y, "%d", ci->jamfor_ar);
			attr_dec(out, "forandring", ci->forandring);
			attr(out, "jamfor-ar", y);
		}
		fputs("/>\n", out);
	}
}

static void put_goals(FILE *out, const calc_result *r)
{
	for (size_t i = 0; i < r->n_goals; i++) {
		const calc_goal *cg = &r->goals[i];
		if (!cg->in_scope)
			continue;
		fputs("  <mal", out);
		attr(out, "id", cg->goal->id);
		/* MODEL v2 part 2 (issue 13): step ids (version 1's scale: its tokens) */
		attr(out, "status", step_id(r, cg->step));
		attr(out, "prognos", step_id(r, cg->prognos_step));
		if (cg->has_poang)
			attr_ratio(out, "poang", (ratio){cg->poang_sum, DEC_FROM_INT(cg->score_n)});
		fputs("/>\n", out);
	}
}


/* With a bedomningsskala: uppfyllda, antal and one steg child per step, then ejbedomt. */
static void put_step_count(FILE *out, const calc_result *r, const calc_step_count *c,
                           const char *el)
{
	fprintf(out, " uppfyllda=\"%ld\" antal=\"%ld\">\n", c->met, c->all);
	for (size_t i = 0; i <= r->scale.n_steg; i++) {
		fputs("    <steg", out);
		attr(out, "id", step_id(r, (int)i));
		fprintf(out, " antal=\"%ld\"/>\n", c->n[i]);
	}
	fprintf(out, "  </%s>\n", el);
}

static void put_count(FILE *out, const calc_count *c)
{
	fprintf(out, " uppfyllt=\"%ld\" delvis=\"%ld\" ej-uppfyllt=\"%ld\" ej-bedomt=\"%ld\"/>\n",
	        c->n[ST_UPPFYLLT], c->n[ST_DELVIS], c->n[ST_EJ_UPPFYLLT], c->n[ST_EJ_BEDOMT]);
}

/* The three kinds of sums, for the status (prognos false) or the prognos. */
static void put_sums(FILE *out, const calc_result *r, const sr_model *m, bool prognos)
{
	const char *el = prognos ? "prognossumma" : "malsumma";
	bool steps = m->has_skala;   /* MODEL v2 part 2 (issue 13) */
	for (size_t i = 0; i < r->n_levels; i++) {
		fprintf(out, "  <%s", el);
		attr(out, "niva", r->levels[i].niva->id);
		if (steps)
			put_step_count(out, r, prognos ? &r->levels[i].steg_prognos : &r->levels[i].steg, el);
		else
			put_count(out, prognos ? &r->levels[i].prognos : &r->levels[i].status);
	}
	for (size_t i = 0; i < r->n_namnder; i++) {
		fprintf(out, "  <%s", el);
		attr(out, "namndref", r->namnder[i].namndref);
		if (steps)
			put_step_count(out, r, prognos ? &r->namnder[i].steg_prognos : &r->namnder[i].steg, el);
		else
			put_count(out, prognos ? &r->namnder[i].prognos : &r->namnder[i].status);
	}
	fprintf(out, "  <%s alla=\"ja\"", el);
	if (steps)
		put_step_count(out, r, prognos ? &r->all_steg_prognos : &r->all_steg, el);
	else
		put_count(out, prognos ? &r->all_prognos : &r->all_status);
}

/* The derived columns of a budget row; a sum row also shows its totals. */
static void put_figures(FILE *out, const calc_budget_row *row, bool sum)
{
	if (sum) {
		attr_dec(out, "budget", row->budget);
		attr_dec(out, "utfall", row->utfall);
		if (row->has_prognos)
			attr_dec(out, "prognos", row->prognos);
		if (row->has_brutto) {   /* MODEL v2 part 1 (issue 12) */
			attr_dec(out, "intakter", row->intakter);
			attr_dec(out, "kostnader", row->kostnader);
		}
	}
	if (row->has_avvikelse)
		attr_dec(out, "avvikelse", row->avvikelse);
	if (row->has_avvikelse && row->has_percentages)
		attr_ratio(out, "avvikelse-procent", row->avvikelse_procent);
	attr_ratio(out, "periodiserad-budget", row->periodiserad_budget);
	if (row->has_percentages)
		attr_ratio(out, "forbrukat-procent", row->forbrukat_procent);
	fputs("/>\n", out);
}

static void put_budget(FILE *out, const calc_result *r)
{
	for (size_t i = 0; r->has_drift && i < r->n_drift; i++) {
		const drift_rad *d = r->drift[i].drift;
		fputs("  <drift", out);
		if (d->namndref)
			attr(out, "namndref", d->namndref);
		else
			attr(out, "rubrik", d->rubrik);
		if (r->drift[i].varav)   /* MODEL v2 part 1 (issue 12) */
			attr(out, "varav", "ja");
		put_figures(out, &r->drift[i], false);
	}
	if (r->has_drift) {
		fputs("  <drift summa=\"ja\"", out);
		put_figures(out, &r->drift_sum, true);
	}
	for (size_t i = 0; r->has_invest && i < r->n_invest; i++) {
		fputs("  <investering", out);
		attr(out, "id", r->invest[i].projekt->id);
		put_figures(out, &r->invest[i], false);
	}
	if (r->has_invest) {
		fputs("  <investering summa=\"ja\"", out);
		put_figures(out, &r->invest_sum, true);
	}
}

static void put_accounts(FILE *out, const calc_result *r)
{
	for (size_t i = 0; i < r->n_summor; i++) {
		const calc_summa *s = &r->summor[i];
		if (!s->item->id)
			continue;   /* MODEL v2 part 1 (issue 12): a tabell's summa may have none */
		fputs("  <summa", out);
		attr(out, "id", s->item->id);
		fputs(" varden=\"", out);
		for (size_t c = 0; c < s->rakning->n_kolumner; c++) {
			char b[64];
			fprintf(out, "%s%s", c ? " " : "", s->empty && s->empty[c] ? "-" :
			        dec_format(s->computed[c], b, sizeof b));
		}
		fputs("\"/>\n", out);
	}
	for (size_t i = 0; i < r->n_balans; i++) {
		const calc_balance *b = &r->balans[i];
		fputs("  <balans", out);
		attr(out, "kolumn", b->kolumn->id);
		attr_dec(out, "tillgangar", b->tillgangar);
		attr_dec(out, "ek-och-skulder", b->ek_och_skulder);
		attr_dec(out, "differens", b->differens);
		fputs("/>\n", out);
	}
}

static void put_fin(FILE *out, const calc_result *r)
{
	for (size_t i = 0; i < r->n_fin; i++) {
		const calc_fin *f = &r->fin[i];
		fputs("  <finansielltmal", out);
		attr(out, "id", f->fin->id);
		if (f->has_utfall)
			attr_ratio(out, "utfall", f->utfall);
		attr_status(out, "status", f->status);
		if (f->has_framsteg)
			attr_ratio(out, "framsteg", f->framsteg);
		fputs("/>\n", out);
	}
}

/* MODEL v2 part 1 (issue 12): balanskrav, then not (after finansielltmal). */
static void put_v2_part1(FILE *out, const calc_result *r, const sr_model *m)
{
	for (size_t i = 0; i < r->n_balanskrav; i++) {
		const calc_balanskrav *b = &r->balanskrav[i];
		fputs("  <balanskrav", out);
		attr(out, "id", b->item->id);
		attr_dec(out, "resultat", b->resultat);
		if (b->underskott) {
			char y[16];
			snprintf(y, sizeof y, "%d", b->aterstall_senast);
			attr_dec(out, "underskott", -b->resultat);
			attr(out, "aterstall-senast", y);
		}
		fputs("/>\n", out);
	}
	for (size_t i = 0; m->has_ekonomi && i < m->ekonomi.n_noter; i++) {
		char nr[16];
		snprintf(nr, sizeof nr, "%d", m->ekonomi.noter[i].nr);
		fputs("  <not", out);
		attr(out, "id", m->ekonomi.noter[i].id);
		attr(out, "nr", nr);
		fputs("/>\n", out);
	}
}

/* ---- MODEL v2 part 2 (issue 13) ---- */
static void put_who(FILE *out, const char *namndref)
{
	if (namndref)
		attr(out, "namndref", namndref);
	else
		fputs(" alla=\"ja\"", out);
}

static void put_part2(FILE *out, const calc_result *r)
{
	for (size_t i = 0; i < r->n_upp; i++) {
		fputs("  <uppdrag", out);
		attr(out, "id", r->upp[i].u->id);
		attr(out, "status", model_activity_token(r->upp[i].u->status));
		attr(out, "sen", r->upp[i].sen ? "ja" : "nej");
		fputs("/>\n", out);
	}
	for (size_t i = 0; i < r->n_upp_sums; i++) {
		const calc_uppdrag_sum *s = &r->upp_sums[i];
		fputs("  <uppdragssumma", out);
		put_who(out, s->namndref);
		for (int k = 0; k < AS_MAX; k++)
			fprintf(out, " %s=\"%ld\"", model_activity_token((enum activity_status)k), s->n[k]);
		fprintf(out, " sena=\"%ld\"/>\n", s->sena);
	}
	for (size_t i = 0; i < r->n_kon_sums; i++) {
		const calc_kontroll_sum *s = &r->kon_sums[i];
		fputs("  <kontrollsumma", out);
		put_who(out, s->namndref);
		for (int k = 0; k < KR_MAX; k++)
			fprintf(out, " %s=\"%ld\"", model_kontroll_token((enum kontroll_resultat)k), s->n[k]);
		fputs("/>\n", out);
	}
}

int calc_write_xml(const calc_result *r, const sr_model *m, FILE *out)
{
	char ar[16];
	snprintf(ar, sizeof ar, "%d", m->ar);
	fputs("<berakning xmlns=\"urn:styrrapport:berakning:1\"", out);
	attr(out, "typ", model_report_type_token(m->typ));
	attr(out, "ar", ar);
	attr(out, "diarienummer", m->diarium.diarienummer);
	fputs(">\n", out);
	put_indicators(out, r);
	put_goals(out, r);
	put_sums(out, r, m, false);
	put_sums(out, r, m, true);
	put_budget(out, r);
	put_accounts(out, r);
	put_fin(out, r);
	put_v2_part1(out, r, m);   /* MODEL v2 part 1 (issue 12) */
	put_part2(out, r);   /* MODEL v2 part 2 (issue 13): uppdrag, uppdragssumma, kontrollsumma */
	fputs("</berakning>\n", out);
	return ferror(out) ? -1 : 0;
}
