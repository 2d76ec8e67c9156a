/* SPDX-License-Identifier: Apache-2.0 */
/* valid.c - valid_check: runs every semantic rule group over a loaded model, plus the
 * document-wide rules (unique ids, period, thresholds, report nämnd, dates). */
#include "valid.h"
#include "valid_private.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const month_names[12] = {
	"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
	"september", "oktober", "november", "december",
};

int valid_month_days(int y, int mo)
{
	static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return mdays[mo - 1] + (mo == 2 && leap);
}

bool valid_parse_date(const char *s, int *y, int *mo, int *da)
{
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return false;
	int yy = atoi(s), mm = atoi(s + 5), dd = atoi(s + 8);
	if (mm < 1 || mm > 12 || dd < 1 || dd > valid_month_days(yy, mm))
		return false;
	if (y)
		*y = yy;
	if (mo)
		*mo = mm;
	if (da)
		*da = dd;
	return true;
}

/* The element that carries id, or NULL: ids are few enough for a linear scan here,
 * which only runs for references that already failed to resolve. */
static const id_entry *find_id(const sr_model *m, const char *id)
{
	for (size_t i = 0; i < m->n_ids; i++)
		if (m->ids[i].id && strcmp(m->ids[i].id, id) == 0)
			return &m->ids[i];
	return NULL;
}

static bool resolves(const sr_model *m, const char *ref, const char *want)
{
	if (strcmp(want, "namnd") == 0)
		return model_find_namnd(m, ref) != NULL;
	if (strcmp(want, "niva") == 0)
		return model_find_niva(m, ref) != NULL;
	return model_find_goal(m, ref) != NULL;
}

static const char *kind_phrase(const char *want)
{
	if (strcmp(want, "namnd") == 0)
		return "bland nämnderna i organisation";
	if (strcmp(want, "niva") == 0)
		return "bland målnivåerna i malnivaer";
	return "bland målen i dokumentet";
}

bool valid_ref(const sr_model *m, diag_sink *d, const char *ref, const char *want,
               const char *attr, const char *elem, src_loc loc, enum diag_code missing)
{
	if (!ref || resolves(m, ref, want))
		return true;
	const id_entry *other = find_id(m, ref);
	if (other)
		diag_add(d, D_REF_KIND, VLOC(m, loc),
		         "%s '%s' på %s pekar på ett %s-element, men ska peka på ett %s-element",
		         attr, ref, elem, other->element ? other->element : "annat", want);
	else
		diag_add(d, missing, VLOC(m, loc), "%s '%s' på %s finns inte %s",
		         attr, ref, elem, kind_phrase(want));
	return false;
}

static int cmp_id_entry(const void *a, const void *b)
{
	const id_entry *x = *(const id_entry *const *)a, *y = *(const id_entry *const *)b;
	int c = strcmp(x->id, y->id);
	if (c)
		return c;
	return x < y ? -1 : x > y;   /* keep document order among equal ids */
}

const char *valid_where(const sr_model *m, src_loc other, src_loc here, char *buf, size_t n)
{
	const char *f1 = other.file ? other.file : m->file;
	const char *f2 = here.file ? here.file : m->file;
	if (!f1 || !f2 || strcmp(f1, f2) == 0)
		snprintf(buf, n, "rad %ld", other.line);
	else
		snprintf(buf, n, "rad %ld i %s", other.line, f1);
	return buf;
}

static void report_dup(const sr_model *m, diag_sink *d, const id_entry *first, const id_entry *e)
{
	char w[1200];
	diag_add(d, D_ID_DUP, VLOC(m, e->loc), "id '%s' används redan på %s", e->id,
	         valid_where(m, first->loc, e->loc, w, sizeof w));
}

/* Sorting pointers keeps this O(n log n) for documents with many ids. */
static void check_ids(const sr_model *m, diag_sink *d)
{
	size_t n = 0;
	const id_entry **v = xcalloc(m->n_ids ? m->n_ids : 1, sizeof *v);
	for (size_t i = 0; i < m->n_ids; i++)
		if (m->ids[i].id)
			v[n++] = &m->ids[i];
	qsort(v, n, sizeof *v, cmp_id_entry);
	for (size_t i = 1, first = 0; i < n; i++) {
		if (strcmp(v[i]->id, v[first]->id) != 0)
			first = i;
		else
			report_dup(m, d, v[first], v[i]);
	}
	free(v);
}

static void check_period_start(const sr_model *m, diag_sink *d, int y, int mo, int da)
{
	if (y != m->ar || mo != 1 || da != 1)
		diag_add(d, D_PERIOD_START, VLOC(m, m->loc_period),
		         "perioden ska börja den %d-01-01 (1 januari rapportåret %d), inte %s",
		         m->ar, m->ar, m->period_fran);
}

/* What each report type needs, for the message and the check. */
static bool length_fits(enum report_type t, int months, const char **need)
{
	switch (t) {
	case RT_UPPFOLJNING:
		*need = "en uppföljning omfattar januari–april (4 månader, slutar 04-30)";
		return months == 4;
	case RT_DELARSRAPPORT:
		*need = "en delårsrapport omfattar 6, 7 eller 8 månader (slutar 06-30, 07-31 eller 08-31)";
		return months >= 6 && months <= 8;
	case RT_ARSREDOVISNING:
		*need = "en årsredovisning omfattar hela året (12 månader, slutar 12-31)";
		return months == 12;
	case RT_MANADSRAPPORT:   /* MODEL v2 part 2 (issue 13) */
		*need = "en månadsrapport omfattar 2 till 11 månader (slutar 02-28/29 till 11-30)";
		return months >= 2 && months <= 11;
	default:
		*need = "en verksamhetsberättelse omfattar hela året (12 månader, slutar 12-31)";
		return months == 12;
	}
}

static void check_period_end(const sr_model *m, diag_sink *d, int y, int mo, int da)
{
	if (y != m->ar) {
		diag_add(d, D_PERIOD_END, VLOC(m, m->loc_period),
		         "perioden ska sluta under rapportåret %d, inte %s", m->ar, m->period_till);
		return;
	}
	if (da != valid_month_days(y, mo)) {
		diag_add(d, D_PERIOD_END, VLOC(m, m->loc_period),
		         "perioden ska sluta på sista dagen i en månad; %s är inte sista %s (%d-%02d-%02d)",
		         m->period_till, month_names[mo - 1], y, mo, valid_month_days(y, mo));
		return;
	}
	const char *need;
	if (!length_fits(m->typ, mo, &need))
		diag_add(d, D_PERIOD_LENGTH, VLOC(m, m->loc_period),
		         "perioden %s–%s är %d månader lång, men %s",
		         m->period_fran, m->period_till, mo, need);
}

static void check_period(const sr_model *m, diag_sink *d)
{
	int y1, m1, d1, y2, m2, d2;
	bool ok1 = valid_parse_date(m->period_fran, &y1, &m1, &d1);
	bool ok2 = valid_parse_date(m->period_till, &y2, &m2, &d2);
	if (!ok1)
		diag_add(d, D_DATE, VLOC(m, m->loc_period), "period fran '%s' är inget giltigt datum",
		         m->period_fran ? m->period_fran : "");
	else
		check_period_start(m, d, y1, m1, d1);
	if (!ok2)
		diag_add(d, D_DATE, VLOC(m, m->loc_period), "period till '%s' är inget giltigt datum",
		         m->period_till ? m->period_till : "");
	else if (ok1 && y1 == m->ar && m1 == 1 && d1 == 1)
		check_period_end(m, d, y2, m2, d2);
}

static void check_date(const sr_model *m, diag_sink *d, const char *s, const char *what, src_loc loc)
{
	if (s && !valid_parse_date(s, NULL, NULL, NULL))
		diag_add(d, D_DATE, VLOC(m, loc), "%s '%s' är inget giltigt datum (ÅÅÅÅ-MM-DD)", what, s);
}

static void check_dates(const sr_model *m, diag_sink *d)
{
	const diarium *di = &m->diarium;
	src_loc at = di->loc_beslutsdatum.line ? di->loc_beslutsdatum : di->loc;
	check_date(m, d, di->beslutsdatum, "beslutsdatum", at);
	for (size_t i = 0; i < m->n_goals; i++)
		for (size_t k = 0; k < m->goals[i]->n_aktiviteter; k++) {
			const aktivitet *a = &m->goals[i]->aktiviteter[k];
			check_date(m, d, a->klart, "aktivitet klart", a->loc);
		}
}

static void check_one_threshold(const sr_model *m, diag_sink *d, const char *name, dec v,
                                dec lo, dec hi, const char *why)
{
	char b[64];
	if (v < lo || v > hi)
		diag_add(d, D_THRESHOLDS, VLOC(m, m->loc_regler),
		         "bedomningsregler %s=\"%s\" är orimligt: %s", name, dec_format(v, b, sizeof b), why);
}

static void check_thresholds(const sr_model *m, diag_sink *d)
{
	check_one_threshold(m, d, "gul-andel", m->gul_andel, 0, DEC_ONE, "andelen ska ligga mellan 0 och 1");
	check_one_threshold(m, d, "mal-gul", m->mal_gul, 0, DEC_FROM_INT(2), "poängen ska ligga mellan 0 och 2");
	check_one_threshold(m, d, "mal-gron", m->mal_gron, 0, DEC_FROM_INT(2), "poängen ska ligga mellan 0 och 2");
	if (m->mal_gul > m->mal_gron) {
		char b1[64], b2[64];
		diag_add(d, D_THRESHOLDS, VLOC(m, m->loc_regler),
		         "bedomningsregler mal-gul=\"%s\" är större än mal-gron=\"%s\"; gul kräver högst lika mycket som grön",
		         dec_format(m->mal_gul, b1, sizeof b1), dec_format(m->mal_gron, b2, sizeof b2));
	}
}

static void check_report_namnd(const sr_model *m, diag_sink *d)
{
	if (m->namndref)
		valid_ref(m, d, m->namndref, "namnd", "namndref", "rapport", m->loc_rapport, D_REF_MISSING);
	else if (m->typ == RT_VERKSAMHETSBERATTELSE)
		diag_add(d, D_REPORT_NAMND, VLOC(m, m->loc_rapport),
		         "en verksamhetsberättelse är en nämnds rapport: rapport saknar attributet namndref");
	for (size_t i = 0; i < m->n_bidrag; i++)
		valid_ref(m, d, m->bidrag[i].namndref, "namnd", "namndref", "namndbidrag",
		          m->bidrag[i].loc, D_REF_MISSING);
}

static void check_all(const sr_model *m, diag_sink *d, struct img_list *images,
                      const struct font_cover *cover)
{
	check_ids(m, d);
	check_dates(m, d);
	valid_goal_values(m, d);
	valid_texts(m, d, cover);
	valid_v2_part2(m, d);   /* MODEL v2 part 2 (issue 13) */
	if (m->contribution)
		return;   /* validated alone: no organisation, period or diarium to check against */
	check_report_namnd(m, d);
	check_period(m, d);
	check_thresholds(m, d);
	valid_diarium(m, d);
	valid_logo_keep(m, d, images);
	valid_goals(m, d);
	valid_rows(m, d);
	/* MODEL v2 part 1 (issue 12) */
	valid_tables(m, d);
	valid_bilder(m, d, images);
}

void valid_check(const sr_model *m, diag_sink *d)
{
	check_all(m, d, NULL, NULL);
}

void valid_check_keep(const sr_model *m, diag_sink *d, struct img_list *images)
{
	check_all(m, d, images, NULL);
}

void valid_check_fonts(const sr_model *m, diag_sink *d, struct img_list *images,
                       const struct font_cover *cover)
{
	check_all(m, d, images, cover);
}
