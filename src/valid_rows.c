/* SPDX-License-Identifier: Apache-2.0 */
/* valid_rows.c - the row rules of driftredovisning, investeringar and personal: each
 * row names one existing nämnd (or a rubrik), and no nämnd has two rows. */
#include "valid_private.h"
#include <stdio.h>
#include <string.h>

/* Where a row came from, for the duplicate message. */
static const char *row_origin(bool from_bidrag)
{
	return from_bidrag ? "i nämndens namndbidrag" : "i driftredovisningen";
}

static void check_drift_row(const sr_model *m, diag_sink *d, const drift_rad *r)
{
	if (r->varav)
		return;   /* MODEL v2 part 1 (issue 12): valid_table.c checks varav rows */
	if (r->namndref && r->rubrik)
		diag_add(d, D_DRIFT_ROW, VLOC(m, r->loc),
		         "raden i driftredovisningen har både namndref '%s' och rubrik '%s'; ange det ena",
		         r->namndref, r->rubrik);
	else if (!r->namndref && !r->rubrik)
		diag_add(d, D_DRIFT_ROW, VLOC(m, r->loc),
		         "raden i driftredovisningen saknar både namndref och rubrik; ange det ena");
	else if (r->namndref && !r->from_bidrag)   /* bidrag rows: checked on the namndbidrag */
		valid_ref(m, d, r->namndref, "namnd", "namndref", "rad i driftredovisningen", r->loc,
		          D_REF_MISSING);
}

static void check_drift_dups(const sr_model *m, diag_sink *d)
{
	const ekonomi *e = &m->ekonomi;
	for (size_t i = 0; i < e->n_drift; i++) {
		const drift_rad *r = &e->drift[i];
		for (size_t k = 0; r->namndref && k < i; k++) {
			const drift_rad *o = &e->drift[k];
			if (!o->namndref || strcmp(o->namndref, r->namndref) != 0)
				continue;
			char w[1200];
			valid_where(m, o->loc, r->loc, w, sizeof w);
			if (o->from_bidrag != r->from_bidrag)
				diag_add(d, D_ROW_DUP, VLOC(m, r->loc),
				         "nämnden '%s' har en driftrad både i driftredovisningen och i sitt namndbidrag (den andra på %s)",
				         r->namndref, w);
			else
				diag_add(d, D_ROW_DUP, VLOC(m, r->loc),
				         "nämnden '%s' har redan en driftrad %s (%s); en nämnd har en rad",
				         r->namndref, row_origin(o->from_bidrag), w);
			break;
		}
	}
}

static void check_projects(const sr_model *m, diag_sink *d)
{
	for (size_t i = 0; i < m->ekonomi.n_projekt; i++) {
		const projekt *p = &m->ekonomi.projekt[i];
		char what[160];
		snprintf(what, sizeof what, "projekt '%s'", p->id ? p->id : "");
		if (p->namndref && !p->from_bidrag)
			valid_ref(m, d, p->namndref, "namnd", "namndref", what, p->loc, D_REF_MISSING);
	}
}

static void check_personal(const sr_model *m, diag_sink *d)
{
	for (size_t i = 0; i < m->n_personal; i++) {
		const personal_rad *r = &m->personal[i];
		if (r->namndref && !r->from_bidrag)
			valid_ref(m, d, r->namndref, "namnd", "namndref", "rad i personal", r->loc,
			          D_REF_MISSING);
		for (size_t k = 0; r->namndref && k < i; k++) {
			const personal_rad *o = &m->personal[k];
			if (!o->namndref || strcmp(o->namndref, r->namndref) != 0)
				continue;
			char w[1200];
			diag_add(d, D_PERSONAL_DUP, VLOC(m, r->loc),
			         "nämnden '%s' har redan en personalrad %s (%s); en nämnd har en rad",
			         r->namndref, o->from_bidrag ? "i sitt namndbidrag" : "i personal",
			         valid_where(m, o->loc, r->loc, w, sizeof w));
			break;
		}
	}
}

void valid_rows(const sr_model *m, diag_sink *d)
{
	for (size_t i = 0; i < m->ekonomi.n_drift; i++)
		check_drift_row(m, d, &m->ekonomi.drift[i]);
	check_drift_dups(m, d);
	check_projects(m, d);
	check_personal(m, d);
}
