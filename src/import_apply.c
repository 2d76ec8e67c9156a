/* SPDX-License-Identifier: Apache-2.0 */
/* import_apply.c - the ledger's spreadsheets into the document: driftredovisning rows
 * (matched to nämnder by id or name), investment projects, indicator outcomes and
 * targets per year, and räkning posts per kolumn. A header names the columns (case and
 * diacritics ignored); an unknown column, or a row that matches nothing, is an error
 * naming its line. */
#include "import_private.h"
#include <limits.h>
#include <stdlib.h>
#include <string.h>

struct colspec {
	const char *key;     /* header key (imp_key form) */
	const char *attr;    /* attribute written; NULL: the match column or ignored */
	bool text;           /* free text rather than a number */
};

/* A header that is one cell with commas or tabs in it: the wrong separator. */
static bool not_semicolon(imp_ctx *c, const imp_table *t)
{
	const imp_row *h = &t->rows[0];
	if (h->n != 1 || !strpbrk(h->cell[0], ",\t"))
		return false;
	diag_add(c->d, D_IMPORT_CSV, t->file, h->line, "rubrikraden har inga semikolon: filen verkar "
	         "vara avgränsad med komma eller tabb; spara den som CSV med semikolon (se README)");
	return true;
}

/* Maps the header row onto specs: idx[i] is the column of spec i, or -1. Unknown,
 * repeated and (for spec 0, the match column) missing columns are errors. */
static bool map_header(imp_ctx *c, const imp_table *t, const struct colspec *spec, size_t n,
                       int *idx, const char *what)
{
	const imp_row *h = &t->rows[0];
	bool ok = true;
	for (size_t i = 0; i < n; i++)
		idx[i] = -1;
	if (not_semicolon(c, t))
		return false;
	for (size_t j = 0; j < h->n; j++) {
		const char *k = imp_key(c->a, h->cell[j]);
		if (!*k) {
			for (size_t r = 1; r < t->n_rows && ok; r++)
				if (j < t->rows[r].n && *t->rows[r].cell[j]) {
					diag_add(c->d, D_IMPORT_COLUMN, t->file, h->line, "kolumn %zu har ingen "
					         "rubrik men värden (rad %ld)", j + 1, t->rows[r].line);
					ok = false;
				}
			continue;
		}
		size_t i = 0;
		while (i < n && strcmp(spec[i].key, k) != 0)
			i++;
		if (i == n) {
			char known[512] = "";
			for (size_t s = 0; s < n; s++)
				snprintf(known + strlen(known), sizeof known - strlen(known), "%s%s",
				         s ? ", " : "", spec[s].key);
			diag_add(c->d, D_IMPORT_COLUMN, t->file, h->line, "kolumnen '%s' är okänd för %s "
			         "(kända: %s)", h->cell[j], what, known);
			ok = false;
		} else if (idx[i] >= 0) {
			diag_add(c->d, D_IMPORT_COLUMN, t->file, h->line, "kolumnen '%s' står två gånger "
			         "(kolumn %d och %zu)", h->cell[j], idx[i] + 1, j + 1);
			ok = false;
		} else {
			idx[i] = (int)j;
		}
	}
	if (idx[0] < 0)
		diag_add(c->d, D_IMPORT_COLUMN, t->file, h->line, "rubrikraden saknar kolumnen '%s', "
		         "som säger vilken %s raden gäller", spec[0].key, what);
	(void)ok;   /* the rows are still checked, so that one run tells every problem */
	return idx[0] >= 0;
}

/* A value to the right of the last header: a column nobody named. */
static bool extra_cells(imp_ctx *c, const imp_table *t, const imp_row *r)
{
	for (size_t j = t->rows[0].n; j < r->n; j++)
		if (*r->cell[j]) {
			diag_add(c->d, D_IMPORT_COLUMN, t->file, r->line, "värdet '%s' i kolumn %zu står "
			         "utanför rubrikradens %zu kolumner", r->cell[j], j + 1, t->rows[0].n);
			return true;
		}
	return false;
}

static const char *cell(const imp_row *r, int col)
{
	return col >= 0 && (size_t)col < r->n ? r->cell[col] : "";
}

static const char *src_of(imp_ctx *c, const imp_table *t, const imp_row *r)
{
	return arena_printf(c->a, "%s:%ld", t->file, r->line);
}

/* Reads every figure of the row; false (with errors) when one is no number. */
static bool numbers_ok(imp_ctx *c, const imp_table *t, const imp_row *r,
                       const struct colspec *spec, size_t n, const int *idx, char (*val)[64])
{
	bool ok = true;
	for (size_t i = 0; i < n; i++) {
		val[i][0] = '\0';
		const char *v = cell(r, idx[i]);
		if (!spec[i].attr || idx[i] < 0 || !*v)
			continue;
		if (spec[i].text) {
			snprintf(val[i], 64, "%s", "\x01");   /* marker: take the cell itself */
			continue;
		}
		const char *why = "";
		if (imp_number(v, val[i], 64, &why) < 0) {
			diag_add(c->d, D_IMPORT_NUMBER, t->file, r->line, "%s '%s': %s", spec[i].key, v, why);
			ok = false;
		}
	}
	return ok;
}

static void write_figures(imp_ctx *c, const imp_table *t, const imp_row *r, xmlNode *el,
                          const char *label, const struct colspec *spec, size_t n,
                          const int *idx, char (*val)[64])
{
	for (size_t i = 0; i < n; i++) {
		if (!val[i][0])
			continue;
		const char *v = spec[i].text ? cell(r, idx[i]) : val[i];
		imp_set_attr(c, el, spec[i].attr, v, spec[i].text,
		             arena_printf(c->a, "%s %s", label, spec[i].attr), src_of(c, t, r));
	}
}

/* Rows after the header that hold anything; a second row for the same target is an
 * error. seen[] keeps the targets of earlier rows. */
static bool first_time(imp_ctx *c, const imp_table *t, const imp_row *r, const void *target,
                       const void **seen, long *seen_line, size_t *n_seen)
{
	for (size_t i = 0; i < *n_seen; i++)
		if (seen[i] == target) {
			diag_add(c->d, D_IMPORT_ROW, t->file, r->line, "raden gäller samma som rad %ld",
			         seen_line[i]);
			return false;
		}
	seen[*n_seen] = target;
	seen_line[(*n_seen)++] = r->line;
	return true;
}

static bool is_sum_name(const char *key)
{
	return !strcmp(key, "summa") || !strcmp(key, "totalt") || !strcmp(key, "total") ||
	       !strcmp(key, "summatotalt") || !strcmp(key, "summanamnder") || !strcmp(key, "summaalla");
}

/* ---- driftredovisning ---- */
static const struct colspec drift_cols[] = {
	{ "namnd", NULL, false }, { "budget", "budget", false }, { "utfall", "utfall", false },
	{ "prognos", "prognos", false }, { "periodbudget", "periodbudget", false },
	{ "avvikelse", "avvikelse", false }, { "intakter", "intakter", false },
	{ "kostnader", "kostnader", false }, { "kommentar", "kommentar", true },
};
#define N_DRIFT (sizeof drift_cols / sizeof *drift_cols)

static int rank_ekonomi(const xmlNode *n)
{
	static const char *const order[] = { "driftredovisning", "investeringar", "rakning", "finansielltmal", "noter" };
	for (int i = 0; i < 5; i++)
		if (imp_is(n, order[i]))
			return i;
	return 5;
}

static int rank_drift(const xmlNode *n)
{
	return imp_is(n, "summa") ? 1 : 0;
}

static int rank_bidrag(const xmlNode *n)
{
	static const char *const order[] = { "avsnitt", "mal", "uppdrag", "nyckeltal", "kontroll", "rad", "projekt", "personal" };
	for (int i = 0; i < 8; i++)
		if (imp_is(n, order[i]))
			return i;
	return 8;
}

static bool is_root(const imp_ctx *c, const char *name)
{
	return imp_is(c->root, name);
}

/* The nämnd a cell names (id exactly, else id or name without regard to case and
 * diacritics), NULL when none. */
static const char *find_namnd(imp_ctx *c, const char *v)
{
	xmlNode *org = imp_child(c->root, "organisation");
	const char *k = imp_key(c->a, v);
	for (xmlNode *n = org ? org->children : NULL; n; n = n->next)
		if (imp_is(n, "namnd") && imp_attr(n, "id") && !strcmp(imp_attr(n, "id"), v))
			return imp_attr(n, "id");
	for (xmlNode *n = org ? org->children : NULL; n; n = n->next) {
		if (!imp_is(n, "namnd"))
			continue;
		const char *id = imp_attr(n, "id"), *namn = imp_attr(n, "namn");
		if ((id && !strcmp(imp_key(c->a, id), k)) || (namn && !strcmp(imp_key(c->a, namn), k)))
			return id;
	}
	return NULL;
}

static xmlNode *drift_section(imp_ctx *c, bool create, const imp_table *t, const imp_row *r)
{
	xmlNode *ek = imp_child(c->root, "ekonomi");
	xmlNode *dr = imp_child(ek, "driftredovisning");
	if (dr || !create)
		return dr;
	if (!ek) {
		diag_add(c->d, D_IMPORT_TARGET, t->file, r->line, "dokumentet har ingen ekonomi att "
		         "lägga driftredovisningen i; lägg till <ekonomi/> först");
		return NULL;
	}
	return imp_insert(c, ek, "driftredovisning", rank_ekonomi, INT_MAX, NULL);
}

/* The rad element of nämnd id in this file (the driftredovisning, or an inline
 * namndbidrag), NULL when none. */
static xmlNode *rad_of_namnd(imp_ctx *c, const char *id)
{
	xmlNode *dr = drift_section(c, false, NULL, NULL);
	for (xmlNode *n = dr ? dr->children : NULL; n; n = n->next)
		if (imp_is(n, "rad") && imp_attr(n, "namndref") && !strcmp(imp_attr(n, "namndref"), id))
			return n;
	for (xmlNode *b = c->root->children; b; b = b->next)
		if (imp_is(b, "namndbidrag") && imp_attr(b, "namndref") && !strcmp(imp_attr(b, "namndref"), id))
			return imp_child(b, "rad");
	return NULL;
}

static xmlNode *rad_by_rubrik(imp_ctx *c, const char *v)
{
	xmlNode *dr = drift_section(c, false, NULL, NULL);
	const char *k = imp_key(c->a, v);
	for (xmlNode *n = dr ? dr->children : NULL; n; n = n->next) {
		const char *rb = imp_attr(n, "rubrik");
		if (imp_is(n, "rad") && rb && !strcmp(imp_key(c->a, rb), k))
			return n;
	}
	return NULL;
}

/* The element a drift row goes into; *label names it in the report, *created tells
 * that it is new (budget and utfall then required). NULL after an error. */
static xmlNode *drift_target(imp_ctx *c, const imp_table *t, const imp_row *r, const char *v,
                             const char **label, bool *created)
{
	*created = false;
	*label = v;
	if (is_root(c, "namndbidrag")) {   /* a nämnd's own file: its one row */
		const char *nr = imp_attr(c->root, "namndref");
		if (!nr || (strcmp(nr, v) && strcmp(imp_key(c->a, nr), imp_key(c->a, v)))) {
			diag_add(c->d, D_IMPORT_ROW, t->file, r->line, "raden '%s' gäller inte nämndbidragets "
			         "nämnd %s", v, nr ? nr : "?");
			return NULL;
		}
		xmlNode *rad = imp_child(c->root, "rad");
		if (!rad) {
			rad = imp_insert(c, c->root, "rad", rank_bidrag, INT_MAX, NULL);
			*created = true;
		}
		*label = nr;
		return rad;
	}
	const char *id = find_namnd(c, v);
	if (id) {
		*label = id;
		xmlNode *rad = rad_of_namnd(c, id);
		if (rad)
			return rad;
		const char *inc = imp_included_file(c, id, "namndbidrag");
		if (inc) {
			diag_add(c->d, D_IMPORT_INCLUDED, t->file, r->line, "raden för %s står i den "
			         "inkluderade filen %s; importera till den filen", id, inc);
			return NULL;
		}
		xmlNode *dr = drift_section(c, true, t, r);
		if (!dr)
			return NULL;
		rad = imp_insert(c, dr, "rad", rank_drift, INT_MAX, NULL);
		xmlSetProp(rad, (const xmlChar *)"namndref", (const xmlChar *)id);
		*created = true;
		return rad;
	}
	xmlNode *rad = rad_by_rubrik(c, v);
	if (rad)
		return rad;
	if (is_sum_name(imp_key(c->a, v))) {
		*label = "summa";
		xmlNode *dr = drift_section(c, true, t, r);
		if (!dr)
			return NULL;
		xmlNode *s = imp_child(dr, "summa");
		if (!s) {
			s = imp_insert(c, dr, "summa", rank_drift, INT_MAX, NULL);
			*created = true;
		}
		return s;
	}
	diag_add(c->d, D_IMPORT_ROW, t->file, r->line, "'%s' är ingen nämnd i organisation (id eller "
	         "namn), ingen rad med den rubriken och inte summaraden", v);
	return NULL;
}

static bool required_present(imp_ctx *c, const imp_table *t, const imp_row *r, const char *label,
                             char (*val)[64], const struct colspec *spec, size_t n)
{
	bool ok = true;
	for (size_t i = 0; i < n; i++)
		if ((!strcmp(spec[i].key, "budget") || !strcmp(spec[i].key, "utfall")) && !val[i][0]) {
			diag_add(c->d, D_IMPORT_ROW, t->file, r->line, "%s har ingen rad i dokumentet, så raden "
			         "måste ge %s", label, spec[i].key);
			ok = false;
		}
	return ok;
}

static void apply_rows(imp_ctx *c, const imp_table *t, const struct colspec *spec, size_t n,
                       const char *what,
                       xmlNode *(*target)(imp_ctx *, const imp_table *, const imp_row *, const char *,
                                          const char **, bool *))
{
	int idx[16];
	if (!map_header(c, t, spec, n, idx, what))
		return;
	const void **seen = xcalloc(t->n_rows, sizeof *seen);
	long *seen_line = xcalloc(t->n_rows, sizeof *seen_line);
	size_t n_seen = 0;
	char (*val)[64] = xcalloc(n, sizeof *val);
	for (size_t i = 1; i < t->n_rows; i++) {
		const imp_row *r = &t->rows[i];
		const char *key = cell(r, idx[0]);
		if (extra_cells(c, t, r))
			continue;
		if (!*key) {
			diag_add(c->d, D_IMPORT_ROW, t->file, r->line, "raden har värden men ingen %s", spec[0].key);
			continue;
		}
		bool nums = numbers_ok(c, t, r, spec, n, idx, val);
		const char *label;
		bool created;
		xmlNode *el = target(c, t, r, key, &label, &created);
		if (!el)
			continue;
		/* after an error nothing is written, so a new element left half-filled is harmless */
		if (!first_time(c, t, r, el, seen, seen_line, &n_seen) || !nums ||
		    (created && !required_present(c, t, r, label, val, spec, n)))
			continue;
		write_figures(c, t, r, el, label, spec, n, idx, val);
	}
	free(val);
	free(seen);
	free(seen_line);
}

void imp_apply_drift(imp_ctx *c, const imp_table *t)
{
	apply_rows(c, t, drift_cols, N_DRIFT, "driftredovisningen", drift_target);
}

/* ---- investeringar ---- */
static const struct colspec invest_cols[] = {
	{ "projekt", NULL, false }, { "namn", NULL, false }, { "budget", "budget", false },
	{ "utfall", "utfall", false }, { "prognos", "prognos", false },
	{ "avvikelse", "avvikelse", false }, { "kommentar", "kommentar", true },
};
#define N_INVEST (sizeof invest_cols / sizeof *invest_cols)

static xmlNode *invest_target(imp_ctx *c, const imp_table *t, const imp_row *r, const char *v,
                              const char **label, bool *created)
{
	*created = false;
	*label = v;
	xmlNode *top = is_root(c, "namndbidrag") ? c->root : imp_child(imp_child(c->root, "ekonomi"), "investeringar");
	const char *k = imp_key(c->a, v);
	xmlNode *by_key = NULL;
	for (xmlNode *n = top ? top->children : NULL; n; n = n->next) {
		if (!imp_is(n, "projekt"))
			continue;
		const char *id = imp_attr(n, "id"), *namn = imp_attr(n, "namn");
		if (id && !strcmp(id, v)) {
			*label = id;
			return n;
		}
		if (!by_key && ((id && !strcmp(imp_key(c->a, id), k)) || (namn && !strcmp(imp_key(c->a, namn), k))))
			by_key = n;
	}
	for (xmlNode *b = top == c->root ? NULL : c->root->children; !by_key && b; b = b->next)
		if (imp_is(b, "namndbidrag"))
			for (xmlNode *n = b->children; n; n = n->next)
				if (imp_is(n, "projekt") && imp_attr(n, "id") && !strcmp(imp_attr(n, "id"), v))
					by_key = n;
	if (by_key) {
		*label = imp_attr(by_key, "id") ? imp_attr(by_key, "id") : imp_attr(by_key, "namn");
		return by_key;
	}
	if (is_sum_name(k) && top && top != c->root) {
		*label = "summa";
		xmlNode *s = imp_child(top, "summa");
		if (!s) {
			s = imp_insert(c, top, "summa", rank_drift, INT_MAX, NULL);
			*created = true;
		}
		return s;
	}
	const char *inc = imp_included_file(c, v, "projekt");
	if (inc)
		diag_add(c->d, D_IMPORT_INCLUDED, t->file, r->line, "projektet %s står i den inkluderade "
		         "filen %s; importera till den filen", v, inc);
	else
		diag_add(c->d, D_IMPORT_ROW, t->file, r->line, "'%s' är inget projekt i dokumentets "
		         "investeringar (id eller namn)", v);
	return NULL;
}

void imp_apply_invest(imp_ctx *c, const imp_table *t)
{
	apply_rows(c, t, invest_cols, N_INVEST, "investeringarna", invest_target);
}

/* ---- indicators: outcome and target per year ---- */
static const struct colspec ind_cols[] = {
	{ "indikator", NULL, false }, { "ar", NULL, false }, { "utfall", "utfall", false },
	{ "malvarde", "malvarde", false }, { "namn", NULL, false },
};
#define N_IND (sizeof ind_cols / sizeof *ind_cols)

static xmlNode *find_indicator(imp_ctx *c, const char *v)
{
	xmlNode *by_key = NULL;
	const char *k = imp_key(c->a, v);
	for (xmlNode *n = c->root; n; n = imp_next(n, c->root)) {
		if (!imp_is(n, "indikator"))
			continue;
		const char *id = imp_attr(n, "id");
		if (id && !strcmp(id, v))
			return n;
		if (!by_key && id && !strcmp(imp_key(c->a, id), k))
			by_key = n;
	}
	return by_key;
}

static int rank_ind(const xmlNode *n)
{
	static const char *const order[] = { "utgangsvarde", "malvarde", "utfall", "jamforelse" };
	for (int i = 0; i < 4; i++)
		if (imp_is(n, order[i]))
			return i;
	return 4;
}

static int year_key(const xmlNode *n)
{
	const char *a = imp_attr(n, "ar");
	return a ? atoi(a) : INT_MAX - 1;
}

static xmlNode *year_child(imp_ctx *c, xmlNode *ind, const char *name, int year)
{
	for (xmlNode *k = ind->children; k; k = k->next)
		if (imp_is(k, name) && imp_attr(k, "ar") && !imp_attr(k, "period") && year_key(k) == year)
			return k;
	xmlNode *el = imp_insert(c, ind, name, rank_ind, year, year_key);
	char y[16];
	snprintf(y, sizeof y, "%d", year);
	xmlSetProp(el, (const xmlChar *)"ar", (const xmlChar *)y);
	return el;
}

void imp_apply_indicators(imp_ctx *c, const imp_table *t)
{
	int idx[N_IND];
	if (!map_header(c, t, ind_cols, N_IND, idx, "indikatorerna"))
		return;
	if (idx[1] < 0) {
		diag_add(c->d, D_IMPORT_COLUMN, t->file, t->rows[0].line, "rubrikraden saknar kolumnen 'år'");
		return;
	}
	struct seen { const xmlNode *ind; int year; long line; } *seen = xcalloc(t->n_rows, sizeof *seen);
	size_t n_seen = 0;
	char val[N_IND][64];
	for (size_t i = 1; i < t->n_rows; i++) {
		const imp_row *r = &t->rows[i];
		const char *id = cell(r, idx[0]), *ar = cell(r, idx[1]);
		if (extra_cells(c, t, r))
			continue;
		bool nums = numbers_ok(c, t, r, ind_cols, N_IND, idx, val);
		if (strlen(ar) != 4 || strspn(ar, "0123456789") != 4) {
			diag_add(c->d, D_IMPORT_ROW, t->file, r->line, "året '%s' är inget årtal", ar);
			continue;
		}
		xmlNode *ind = *id ? find_indicator(c, id) : NULL;
		if (!ind) {
			const char *inc = *id ? imp_included_file(c, id, "indikator") : NULL;
			if (inc)
				diag_add(c->d, D_IMPORT_INCLUDED, t->file, r->line, "indikatorn %s står i den "
				         "inkluderade filen %s; importera till den filen", id, inc);
			else
				diag_add(c->d, D_IMPORT_ROW, t->file, r->line, "'%s' är ingen indikator i dokumentet", id);
			continue;
		}
		int year = atoi(ar);
		bool dup = false;
		for (size_t s = 0; s < n_seen && !dup; s++)
			if (seen[s].ind == ind && seen[s].year == year) {
				diag_add(c->d, D_IMPORT_ROW, t->file, r->line, "%s %d står redan på rad %ld",
				         imp_attr(ind, "id"), year, seen[s].line);
				dup = true;
			}
		seen[n_seen++] = (struct seen){ ind, year, r->line };
		if (dup || !nums)
			continue;
		const char *iid = imp_attr(ind, "id");
		for (size_t k = 2; k <= 3; k++)
			if (val[k][0]) {
				xmlNode *el = year_child(c, ind, ind_cols[k].attr, year);
				imp_set_text(c, el, val[k], arena_printf(c->a, "%s %s %d", iid, ind_cols[k].attr, year),
				             src_of(c, t, r));
			}
	}
	free(seen);
}

/* ---- räkningar: one column per kolumn ---- */
static xmlNode *find_rakning(imp_ctx *c, const char *which, const imp_table *t)
{
	xmlNode *ek = imp_child(c->root, "ekonomi"), *found = NULL;
	const char *k = imp_key(c->a, which);
	int hits = 0;
	for (xmlNode *n = ek ? ek->children : NULL; n; n = n->next) {
		if (!imp_is(n, "rakning"))
			continue;
		const char *id = imp_attr(n, "id"), *typ = imp_attr(n, "typ"), *rb = imp_attr(n, "rubrik");
		if (id && !strcmp(id, which))
			return n;
		if ((typ && !strcmp(imp_key(c->a, typ), k)) || (rb && !strcmp(imp_key(c->a, rb), k))) {
			found = found ? found : n;
			hits++;
		}
	}
	if (hits > 1)
		diag_add(c->d, D_IMPORT_TARGET, t->file, 0, "dokumentet har %d räkningar som heter '%s'; "
		         "ange räkningens rubrik", hits, which);
	else if (!found)
		diag_add(c->d, D_IMPORT_TARGET, t->file, 0, "dokumentet har ingen räkning '%s' (typ, "
		         "till exempel resultatrakning, eller rubrik)", which);
	return hits == 1 ? found : NULL;
}

struct rcol { xmlNode *kolumn; int pos; };

static bool map_rakning_header(imp_ctx *c, const imp_table *t, xmlNode *rk, int *post_col,
                               struct rcol *cols, size_t n_cols)
{
	const imp_row *h = &t->rows[0];
	bool ok = true;
	*post_col = -1;
	if (not_semicolon(c, t))
		return false;
	for (size_t j = 0; j < h->n && j < n_cols; j++)
		cols[j] = (struct rcol){ NULL, -1 };
	for (size_t j = 0; j < h->n; j++) {
		const char *k = imp_key(c->a, h->cell[j]);
		if (!strcmp(k, "post")) {
			ok &= *post_col < 0;
			*post_col = (int)j;
			continue;
		}
		if (!strcmp(k, "namn") || !*k)
			continue;   /* the posts' names, for the reader of the sheet */
		int pos = 0;
		bool hit = false;
		for (xmlNode *n = rk->children; n && !hit; n = n->next) {
			if (!imp_is(n, "kolumn"))
				continue;
			const char *id = imp_attr(n, "id"), *rb = imp_attr(n, "rubrik");
			if ((id && (!strcmp(id, h->cell[j]) || !strcmp(imp_key(c->a, id), k))) ||
			    (rb && !strcmp(imp_key(c->a, rb), k))) {
				for (size_t s = 0; s < j; s++)
					if (cols[s].kolumn == n) {
						diag_add(c->d, D_IMPORT_COLUMN, t->file, h->line, "kolumnen '%s' står "
						         "två gånger", h->cell[j]);
						ok = false;
					}
				cols[j] = (struct rcol){ n, pos };
				hit = true;
			}
			pos++;
		}
		if (!hit) {
			diag_add(c->d, D_IMPORT_COLUMN, t->file, h->line, "kolumnen '%s' är ingen kolumn i "
			         "räkningen (ange kolumnens id eller rubrik)", h->cell[j]);
			ok = false;
		}
	}
	if (*post_col < 0) {
		diag_add(c->d, D_IMPORT_COLUMN, t->file, h->line, "rubrikraden saknar kolumnen 'post'");
		ok = false;
	}
	return ok;
}

static xmlNode *find_post(imp_ctx *c, xmlNode *rk, const char *v)
{
	const char *k = imp_key(c->a, v);
	xmlNode *by_key = NULL;
	for (xmlNode *n = rk->children; n; n = n->next) {
		if (!imp_is(n, "post") && !imp_is(n, "summa"))
			continue;
		const char *id = imp_attr(n, "id");
		if (id && !strcmp(id, v))
			return n;
		if (!by_key && id && !strcmp(imp_key(c->a, id), k))
			by_key = n;
	}
	return by_key;
}

/* Splits varden into exactly n tokens (missing ones ""), false when it has more. */
static bool tokens(imp_ctx *c, const char *varden, char **tok, size_t n)
{
	char *copy = arena_strdup(c->a, varden ? varden : "");
	size_t k = 0;
	for (char *save = NULL, *p = strtok_r(copy, " \t\r\n", &save); p; p = strtok_r(NULL, " \t\r\n", &save)) {
		if (k == n)
			return false;
		tok[k++] = p;
	}
	for (; k < n; k++)
		tok[k] = "";
	return true;
}

static void apply_post(imp_ctx *c, const imp_table *t, const imp_row *r, xmlNode *post,
                       const struct rcol *cols, size_t n_head, size_t n_kol, const char *which)
{
	char **tok = arena_calloc(c->a, n_kol + 1, sizeof *tok);
	const char *id = imp_attr(post, "id");
	if (!tokens(c, imp_attr(post, "varden"), tok, n_kol)) {
		diag_add(c->d, D_IMPORT_ROW, t->file, r->line, "%s har fler värden än räkningen har kolumner", id);
		return;
	}
	char **now = arena_calloc(c->a, n_kol + 1, sizeof *now);
	memcpy(now, tok, n_kol * sizeof *now);
	bool ok = true;
	for (size_t j = 0; j < n_head; j++) {
		if (!cols[j].kolumn || j >= r->n || !*r->cell[j])
			continue;
		char buf[64];
		const char *why = "";
		if (!strcmp(r->cell[j], "-") || !strcmp(r->cell[j], "\xE2\x80\x93")) {
			now[cols[j].pos] = "-";
		} else if (imp_number(r->cell[j], buf, sizeof buf, &why) > 0) {
			now[cols[j].pos] = arena_strdup(c->a, buf);
		} else {
			diag_add(c->d, D_IMPORT_NUMBER, t->file, r->line, "%s '%s': %s", imp_attr(cols[j].kolumn, "id"),
			         r->cell[j], why);
			ok = false;
		}
	}
	for (size_t k = 0; ok && k < n_kol; k++)
		if (!*now[k]) {
			diag_add(c->d, D_IMPORT_ROW, t->file, r->line, "%s har inga värden i dokumentet; raden "
			         "måste ge alla räkningens kolumner", id);
			ok = false;
		}
	if (!ok)
		return;
	bool changed = false;
	char *joined = arena_strdup(c->a, "");
	size_t pos = 0;
	for (xmlNode *n = post->parent->children; n; n = n->next) {
		if (!imp_is(n, "kolumn"))
			continue;
		const char *kid = imp_attr(n, "id");
		bool same = !strcmp(tok[pos], now[pos]) || imp_same_number(tok[pos], now[pos]);
		if (!same) {
			changed = true;
			imp_report(c, post, arena_printf(c->a, "%s %s %s", which, id, kid ? kid : "?"),
			           *tok[pos] && strcmp(tok[pos], "-") ? tok[pos] : NULL, now[pos], false, src_of(c, t, r));
		} else {
			now[pos] = tok[pos];
		}
		joined = arena_printf(c->a, "%s%s%s", joined, pos ? " " : "", now[pos]);
		pos++;
	}
	if (changed)
		xmlSetProp(post, (const xmlChar *)"varden", (const xmlChar *)joined);
}

void imp_apply_rakning(imp_ctx *c, const char *which, const imp_table *t)
{
	xmlNode *rk = find_rakning(c, which, t);
	if (!rk)
		return;
	size_t n_kol = 0;
	for (xmlNode *n = rk->children; n; n = n->next)
		n_kol += imp_is(n, "kolumn");
	size_t n_head = t->rows[0].n;
	struct rcol *cols = xcalloc(n_head + 1, sizeof *cols);
	int post_col;
	if (map_rakning_header(c, t, rk, &post_col, cols, n_head)) {
		const void **seen = xcalloc(t->n_rows, sizeof *seen);
		long *seen_line = xcalloc(t->n_rows, sizeof *seen_line);
		size_t n_seen = 0;
		for (size_t i = 1; i < t->n_rows; i++) {
			const imp_row *r = &t->rows[i];
			const char *v = cell(r, post_col);
			if (extra_cells(c, t, r))
				continue;
			xmlNode *post = *v ? find_post(c, rk, v) : NULL;
			if (!post) {
				diag_add(c->d, D_IMPORT_ROW, t->file, r->line, "'%s' är ingen post eller summa (id) "
				         "i räkningen %s", v, which);
				continue;
			}
			if (first_time(c, t, r, post, seen, seen_line, &n_seen))
				apply_post(c, t, r, post, cols, n_head, n_kol, which);
		}
		free(seen);
		free(seen_line);
	}
	free(cols);
}
