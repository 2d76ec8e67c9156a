/* SPDX-License-Identifier: Apache-2.0 */
/* report_registry.c - the one registry of what a report type shows and in which order
 * (the layout file's <ordning> may change the order), what each section id builds, and
 * where it goes on the website. The PDF and the HTML output both read it: the builder
 * marks each section in the block stream with its id and page (blk_section). */
#include "report_private.h"
#include <string.h>

static const char *const order_delar[] = {
	"titelsida", "innehall", "text", "malsammanfattning", "diagram-malstatus", "maluppfoljning",
	"driftredovisning", "diagram-drift", "investeringar", "resultatrakning", "balansrakning",
	"kassaflodesanalys", "balanskravsutredning", "noter", "finansiella-mal", "personal",
	"uppdrag", "nyckeltal", "internkontroll",   /* MODEL v2 part 2 (issue 13) */
};
static const char *const order_uppf[] = {   /* economy, forecast and personnel first */
	"titelsida", "innehall", "text", "driftredovisning", "diagram-drift", "investeringar",
	"resultatrakning", "balansrakning", "kassaflodesanalys", "balanskravsutredning", "noter", "finansiella-mal", "personal",
	"malsammanfattning", "diagram-malstatus", "maluppfoljning",
	"uppdrag", "nyckeltal", "internkontroll",   /* MODEL v2 part 2 (issue 13) */
};
static const char *const order_ar[] = {   /* the order of the Swedish annual report */
	"titelsida", "innehall", "text", "malsammanfattning", "diagram-malstatus", "maluppfoljning",
	"resultatrakning", "balansrakning", "kassaflodesanalys", "balanskravsutredning", "noter",
	"driftredovisning", "diagram-drift", "investeringar", "finansiella-mal", "personal",
	"uppdrag", "nyckeltal", "internkontroll",   /* MODEL v2 part 2 (issue 13) */
};
static const char *const order_vb[] = {
	"titelsida", "innehall", "text", "malsammanfattning", "diagram-malstatus", "maluppfoljning",
	"driftredovisning", "investeringar", "personal",
	"uppdrag", "nyckeltal", "internkontroll",   /* MODEL v2 part 2 (issue 13) */
};
/* MODEL v2 part 2 (issue 13): the månadsrapport, economy first, a short document */
static const char *const order_manad[] = {
	"titelsida", "innehall", "driftredovisning", "diagram-drift", "investeringar",
	"resultatrakning", "balansrakning", "kassaflodesanalys", "finansiella-mal", "personal",
	"text", "malsammanfattning", "maluppfoljning", "uppdrag", "nyckeltal", "internkontroll",
};


#define N(o) (sizeof(o) / sizeof *(o))

static const report_type_info types[RT_MAX] = {
	[RT_UPPFOLJNING] = { "Uppföljning och prognos", "layouts/uppfoljning.xml", order_uppf,
	                     N(order_uppf) },
	[RT_DELARSRAPPORT] = { "Delårsrapport", "layouts/delarsrapport.xml", order_delar,
	                       N(order_delar) },
	[RT_ARSREDOVISNING] = { "Årsredovisning", "layouts/arsredovisning.xml", order_ar, N(order_ar) },
	[RT_VERKSAMHETSBERATTELSE] = { "Verksamhetsberättelse", "layouts/verksamhetsberattelse.xml",
	                               order_vb, N(order_vb) },
	/* MODEL v2 part 2 (issue 13) */
	[RT_MANADSRAPPORT] = { "Månadsrapport", "layouts/manadsrapport.xml", order_manad,
	                       N(order_manad) },
};

const report_type_info *report_type_of(enum report_type t)
{
	return &types[t < RT_MAX ? t : RT_DELARSRAPPORT];
}

static void sec_result(report_ctx *c) { report_sec_rakning(c, RK_RESULTATRAKNING); }
static void sec_balance(report_ctx *c) { report_sec_rakning(c, RK_BALANSRAKNING); }
static void sec_cashflow(report_ctx *c) { report_sec_rakning(c, RK_KASSAFLODESANALYS); }

/* Every section id, what builds it, and its page on the website: the summary page has
 * what a citizen looks for first (the goals in brief, the result, the balanskrav, the
 * key figures). */
static const report_section_info sections[] = {
	{ "titelsida", report_sec_title_page, BP_INDEX },
	{ "innehall", report_sec_contents, BP_NONE },
	{ "text", report_sec_all_text, BP_CHAPTER },
	{ "malsammanfattning", report_sec_goal_summary, BP_SUMMARY },
	{ "diagram-malstatus", NULL, BP_SUMMARY },
	{ "maluppfoljning", report_sec_goal_followup, BP_CHAPTER },
	{ "driftredovisning", report_sec_drift, BP_CHAPTER },
	{ "diagram-drift", NULL, BP_CHAPTER },
	{ "investeringar", report_sec_invest, BP_CHAPTER },
	{ "resultatrakning", sec_result, BP_CHAPTER },
	{ "balansrakning", sec_balance, BP_CHAPTER },
	{ "kassaflodesanalys", sec_cashflow, BP_CHAPTER },
	{ "finansiella-mal", report_sec_fin_goals, BP_SUMMARY },
	{ "personal", report_sec_personal, BP_CHAPTER },
	/* MODEL v2 part 1 (issue 12) */
	{ "balanskravsutredning", report_sec_balanskrav, BP_SUMMARY },
	{ "noter", report_sec_notes, BP_CHAPTER },
	/* MODEL v2 part 2 (issue 13) */
	{ "uppdrag", report_sec_uppdrag, BP_CHAPTER },
	{ "nyckeltal", report_sec_nyckeltal, BP_SUMMARY },
	{ "internkontroll", report_sec_internkontroll, BP_CHAPTER },
};

const report_section_info *report_section_of(const char *id)
{
	static const report_section_info text_one = { "avsnitt:", NULL, BP_CHAPTER };
	static const report_section_info chart_other = { "diagram-", NULL, BP_CHAPTER };
	if (!id)
		return NULL;
	if (strncmp(id, "avsnitt:", 8) == 0)
		return &text_one;
	for (size_t i = 0; i < N(sections); i++)
		if (strcmp(sections[i].id, id) == 0)
			return &sections[i];
	if (strncmp(id, "diagram-", 8) == 0)   /* other diagram ids are not drawn (yet) */
		return &chart_other;
	return NULL;
}
