/* SPDX-License-Identifier: Apache-2.0 */
/* import_kolada.c - Kolada data in: the API's JSON (v2 and v3, one page or several
 * concatenated, or an array of pages) and the CSV of the Kolada web site, read into
 * observations (kpi, kommun, year, gender, value), then written into the utfall of
 * every indicator whose `kolada` names the KPI, for the document's kommunkod. */
#include "import_private.h"
#include "dec.h"
#include <ctype.h>
#include <json-c/json.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

static void add_obs(imp_kolada *k, const imp_obs *o)
{
	if (k->n == k->cap) {
		k->cap = k->cap ? k->cap * 2 : 64;
		k->obs = xrealloc(k->obs, k->cap * sizeof *k->obs);
	}
	k->obs[k->n++] = *o;
}

const char *imp_municipality(arena *a, const char *s)
{
	size_t n = s ? strlen(s) : 0;
	if (n == 0 || n > 4 || strspn(s, "0123456789") != n)
		return NULL;
	return arena_printf(a, "%04d", atoi(s));
}

/* A Kolada status that says the value is missing (RKA writes "Saknas"; some exports
 * write "-" or ".."). Other flags (preliminary values) keep the value. */
static bool status_missing(const char *s)
{
	return s && (!strcasecmp(s, "saknas") || !strcasecmp(s, "missing") ||
	             !strcmp(s, "-") || !strcmp(s, "..") || !strcmp(s, "M"));
}

/* A JSON number's text as an XML decimal, the decimals kept as written; more than 6
 * (a binary float's tail) are rounded half away from zero to 6 and trailing zeros
 * dropped; exponents are expanded. False when it is no number below 10^12. */
static bool json_decimal(const char *t, char *out, size_t n)
{
	bool neg = *t == '-';
	t += neg;
	char ip[80], fp[80];
	size_t ni = 0, nf = 0;
	bool point = false;
	for (; *t && *t != 'e' && *t != 'E'; t++) {
		if (*t == '.' && !point)
			point = true;
		else if (!isdigit((unsigned char)*t) || (point ? nf : ni) >= 40)
			return false;
		else if (point)
			fp[nf++] = *t;
		else
			ip[ni++] = *t;
	}
	long exp = 0;
	if (*t) {
		char *end;
		exp = strtol(t + 1, &end, 10);
		if (*end || end == t + 1 || exp > 20 || exp < -30)
			return false;
	}
	for (; exp > 0; exp--) {   /* move the point right */
		ip[ni++] = nf ? fp[0] : '0';
		if (nf)
			memmove(fp, fp + 1, --nf);
	}
	for (; exp < 0; exp++) {   /* and left */
		memmove(fp + 1, fp, nf++);
		fp[0] = ni ? ip[--ni] : '0';
	}
	if (nf > 6) {
		bool up = fp[6] >= '5';
		nf = 6;
		for (size_t i = nf; up && i-- > 0;)   /* carry through the fraction ... */
			up = fp[i] == '9' ? (fp[i] = '0', true) : (fp[i]++, false);
		for (size_t i = ni; up && i-- > 0;)   /* ... and the integer part */
			up = ip[i] == '9' ? (ip[i] = '0', true) : (ip[i]++, false);
		if (up) {
			memmove(ip + 1, ip, ni++);
			ip[0] = '1';
		}
		while (nf && fp[nf - 1] == '0')
			nf--;
	}
	size_t lead = 0;
	while (lead + 1 < ni && ip[lead] == '0')
		lead++;
	bool zero = true;
	for (size_t i = lead; i < ni; i++)
		zero &= ip[i] == '0';
	for (size_t i = 0; i < nf; i++)
		zero &= fp[i] == '0';
	snprintf(out, n, "%s%.*s%s%.*s", neg && !zero ? "-" : "", ni ? (int)(ni - lead) : 1,
	         ni ? ip + lead : "0", nf ? "." : "", (int)nf, fp);
	dec v;
	return (ni || nf) && dec_parse(out, &v) == DEC_OK;
}

static long line_of(const char *data, size_t off)
{
	long line = 1;
	for (size_t i = 0; i < off; i++)
		line += data[i] == '\n';
	return line;
}

static const char *jstr(json_object *o, const char *key)
{
	json_object *v;
	if (!json_object_object_get_ex(o, key, &v) || !v)
		return NULL;
	if (json_object_is_type(v, json_type_string) || json_object_is_type(v, json_type_int))
		return json_object_get_string(v);
	return NULL;
}

struct jpage {
	imp_ctx *c;
	imp_kolada *k;
	const char *file;
	long line;      /* where the page starts */
	int page;
	long *kpi_lines;   /* the line of each "kpi" key in the value, in order: entry i */
	size_t n_kpi_lines, next_kpi;   /* of the file stands there (json-c has no lines) */
};

/* Lines of the "kpi" keys in text[0..n): Kolada writes one per entry, so the i-th is
 * the i-th entry's line; when the counts differ the page's line is used. */
static void find_kpi_lines(struct jpage *p, const char *data, size_t off, size_t n)
{
	long line = line_of(data, off);
	p->n_kpi_lines = p->next_kpi = 0;
	for (size_t i = off; i < off + n; i++) {
		line += data[i] == '\n';
		if (data[i] == '"' && i + 5 <= off + n && !memcmp(data + i, "\"kpi\"", 5)) {
			p->kpi_lines = xrealloc(p->kpi_lines, (p->n_kpi_lines + 1) * sizeof *p->kpi_lines);
			p->kpi_lines[p->n_kpi_lines++] = line;
		}
	}
}

static void read_value(struct jpage *p, const imp_obs *base, json_object *v, size_t j)
{
	imp_ctx *c = p->c;
	if (!json_object_is_type(v, json_type_object)) {
		diag_add(c->d, D_IMPORT_KOLADA, p->file, p->line, "sida %d: %s %s %d: värde %zu är inget objekt",
		         p->page, base->kpi, base->municipality, base->year, j + 1);
		return;
	}
	imp_obs o = *base;
	const char *g = jstr(v, "gender");
	if (!g || strlen(g) != 1 || !strchr("TKM", g[0])) {
		diag_add(c->d, D_IMPORT_KOLADA, p->file, p->line,
		         "sida %d: %s %s %d: gender ska vara T, K eller M, inte '%s'", p->page,
		         base->kpi, base->municipality, base->year, g ? g : "(saknas)");
		return;
	}
	o.gender = g[0];
	json_object *st;
	o.status = "";
	if (json_object_object_get_ex(v, "status", &st) && st && json_object_is_type(st, json_type_string))
		o.status = arena_strdup(c->a, json_object_get_string(st));
	json_object *val;
	o.value = NULL;
	if (json_object_object_get_ex(v, "value", &val) && val) {
		if (!json_object_is_type(val, json_type_double) && !json_object_is_type(val, json_type_int)) {
			diag_add(c->d, D_IMPORT_KOLADA, p->file, p->line,
			         "sida %d: %s %s %d %c: value ska vara ett tal eller null, inte %s", p->page,
			         base->kpi, base->municipality, base->year, o.gender,
			         json_object_to_json_string_ext(val, JSON_C_TO_STRING_PLAIN));
			return;
		}
		char buf[64];
		if (!json_decimal(json_object_to_json_string_ext(val, JSON_C_TO_STRING_PLAIN), buf, sizeof buf)) {
			diag_add(c->d, D_IMPORT_KOLADA, p->file, p->line,
			         "sida %d: %s %s %d %c: värdet %s är för stort eller inget ändligt tal", p->page,
			         base->kpi, base->municipality, base->year, o.gender,
			         json_object_to_json_string_ext(val, JSON_C_TO_STRING_PLAIN));
			return;
		}
		o.value = arena_strdup(c->a, buf);
	}
	add_obs(p->k, &o);
}

static void read_entry_at(struct jpage *p, json_object *e, size_t i);

static void read_entry(struct jpage *p, json_object *e, size_t i)
{
	long page_line = p->line;
	if (p->next_kpi < p->n_kpi_lines && json_object_is_type(e, json_type_object) &&
	    json_object_object_get_ex(e, "kpi", NULL))
		p->line = p->kpi_lines[p->next_kpi++];
	read_entry_at(p, e, i);
	p->line = page_line;
}

static void read_entry_at(struct jpage *p, json_object *e, size_t i)
{
	imp_ctx *c = p->c;
	if (!json_object_is_type(e, json_type_object)) {
		diag_add(c->d, D_IMPORT_JSON, p->file, p->line, "sida %d: values[%zu] är inget objekt", p->page, i);
		return;
	}
	const char *kpi = jstr(e, "kpi"), *mun = jstr(e, "municipality"), *per = jstr(e, "period");
	json_object *vals;
	if (!kpi || !mun || !per || !json_object_object_get_ex(e, "values", &vals) ||
	    !json_object_is_type(vals, json_type_array)) {
		diag_add(c->d, D_IMPORT_KOLADA, p->file, p->line,
		         "sida %d: values[%zu] saknar kpi, municipality, period eller values", p->page, i);
		return;
	}
	const char *m4 = imp_municipality(c->a, mun);
	size_t np = strlen(per);
	if (!m4 || np != 4 || strspn(per, "0123456789") != 4) {
		diag_add(c->d, D_IMPORT_KOLADA, p->file, p->line,
		         "sida %d: values[%zu]: municipality '%s' eller period '%s' har fel form "
		         "(fyra siffror)", p->page, i, mun, per);
		return;
	}
	imp_obs base = { arena_strdup(c->a, kpi), m4, atoi(per), 'T', NULL, "", p->file, p->line };
	size_t n = json_object_array_length(vals);
	for (size_t j = 0; j < n; j++)
		read_value(p, &base, json_object_array_get_idx(vals, j), j);
}

static void read_page(struct jpage *p, json_object *o)
{
	imp_ctx *c = p->c;
	json_object *vals;
	if (!json_object_is_type(o, json_type_object) || !json_object_object_get_ex(o, "values", &vals) ||
	    !json_object_is_type(vals, json_type_array)) {
		diag_add(c->d, D_IMPORT_JSON, p->file, p->line,
		         "sida %d är inget Kolada-svar: objektet har ingen lista \"values\"", p->page);
		return;
	}
	static const char *const date_keys[] = { "date", "datum", "publication_date", "last_updated", "updated" };
	for (size_t i = 0; i < sizeof date_keys / sizeof *date_keys; i++) {
		const char *d = jstr(o, date_keys[i]);
		char iso[11];
		if (d && imp_find_date(d, iso) && (!p->k->date || strcmp(iso, p->k->date) > 0))
			p->k->date = arena_strdup(c->a, iso);
	}
	size_t n = json_object_array_length(vals);
	for (size_t i = 0; i < n; i++)
		read_entry(p, json_object_array_get_idx(vals, i), i);
}

static void read_json(imp_ctx *c, const char *file, const char *data, size_t len, imp_kolada *k)
{
	json_tokener *tok = json_tokener_new();
	struct jpage p = { c, k, file, 1, 0, NULL, 0, 0 };
	size_t off = 0;
	for (;;) {
		off += strspn(data + off, " \t\r\n");
		if (off >= len)
			break;
		p.line = line_of(data, off);
		json_object *o = json_tokener_parse_ex(tok, data + off, (int)(len - off));
		enum json_tokener_error err = json_tokener_get_error(tok);
		size_t used = json_tokener_get_parse_end(tok);
		if (!o || err != json_tokener_success) {
			diag_add(c->d, D_IMPORT_JSON, file, line_of(data, off + used),
			         "filen är inte giltig JSON: %s", json_tokener_error_desc(err == json_tokener_continue
			         ? json_tokener_error_parse_eof : err));
			json_object_put(o);
			break;
		}
		find_kpi_lines(&p, data, off, used);
		if (json_object_is_type(o, json_type_array)) {   /* pages saved as one array */
			for (size_t i = 0; i < json_object_array_length(o); i++) {
				p.page++;
				read_page(&p, json_object_array_get_idx(o, i));
			}
		} else {
			p.page++;
			read_page(&p, o);
		}
		json_object_put(o);
		json_tokener_reset(tok);
		if (used == 0)
			break;
		off += used;
	}
	json_tokener_free(tok);
	free(p.kpi_lines);
}

/* ---- the Kolada web site's CSV ---- */
enum kcol { KC_KPI, KC_MUN, KC_GENDER, KC_YEAR, KC_VALUE, KC_STATUS, KC_MAX };

static int kcol_of(const char *key)
{
	static const char *const names[KC_MAX][6] = {
		{ "kpi", "kpiid", "nyckeltalsid", "nyckeltalid", "id", NULL },
		{ "kommunid", "kommunkod", "municipality", "municipalityid", "kommunidnr", NULL },
		{ "kon", "gender", NULL },
		{ "ar", "period", "year", NULL },
		{ "varde", "value", "utfall", NULL },
		{ "status", NULL },
	};
	for (int k = 0; k < KC_MAX; k++)
		for (int i = 0; names[k][i]; i++)
			if (strcmp(key, names[k][i]) == 0)
				return k;
	return -1;
}

static char gender_of(arena *a, const char *s)
{
	const char *k = imp_key(a, s);
	if (!*k || !strcmp(k, "t") || !strcmp(k, "totalt") || !strcmp(k, "alla") || !strcmp(k, "total"))
		return 'T';
	if (!strcmp(k, "k") || !strcmp(k, "kvinnor") || !strcmp(k, "kvinna"))
		return 'K';
	if (!strcmp(k, "m") || !strcmp(k, "man") || !strcmp(k, "men"))
		return 'M';
	return 0;
}

static bool is_year(const char *s)
{
	return strlen(s) == 4 && strspn(s, "0123456789") == 4;
}

/* Row r's cell in column col, NULL when the row is shorter (the fuzzer's row without a
 * gender cell). */
static const char *cell_in(const imp_row *r, int col)
{
	return col >= 0 && (size_t)col < r->n ? r->cell[col] : NULL;
}

static void csv_cell(imp_ctx *c, const imp_table *t, const imp_row *r, const int col[KC_MAX],
                     int year, const char *cell, imp_kolada *k)
{
	const char *kpi = r->cell[col[KC_KPI]], *mun = r->cell[col[KC_MUN]];
	imp_obs o = { arena_strdup(c->a, kpi), imp_municipality(c->a, mun), year, 'T', NULL, "",
	              t->file, r->line };
	if (!o.municipality) {
		diag_add(c->d, D_IMPORT_KOLADA, t->file, r->line, "kommun-id '%s' är inga fyra siffror", mun);
		return;
	}
	const char *gender = cell_in(r, col[KC_GENDER]);
	if (gender && !(o.gender = gender_of(c->a, gender))) {
		diag_add(c->d, D_IMPORT_KOLADA, t->file, r->line, "kön '%s' ska vara T, K eller M "
		         "(Totalt, Kvinnor, Män)", gender);
		return;
	}
	const char *status = cell_in(r, col[KC_STATUS]);
	if (status)
		o.status = status;   /* "" when none */
	char buf[64];
	const char *why = "";
	int got = status_missing(cell) ? 0 : imp_number(cell, buf, sizeof buf, &why);
	if (got < 0) {
		diag_add(c->d, D_IMPORT_NUMBER, t->file, r->line, "värdet '%s' för %s %d: %s", cell, kpi, year, why);
		return;
	}
	o.value = got > 0 ? arena_strdup(c->a, buf) : NULL;
	add_obs(k, &o);
}

static void read_csv(imp_ctx *c, const char *file, const char *data, size_t len, imp_kolada *k)
{
	imp_table t;
	if (!imp_csv_read(c, file, data, len, &t))
		return;
	/* the header is the first row naming a KPI column; rows above it may give the date */
	size_t h = 0;
	int col[KC_MAX];
	bool found = false;
	for (; h < t.n_rows && !found; h++) {
		for (int i = 0; i < KC_MAX; i++)
			col[i] = -1;
		for (size_t j = 0; j < t.rows[h].n; j++) {
			int kc = kcol_of(imp_key(c->a, t.rows[h].cell[j]));
			if (kc >= 0 && col[kc] < 0)
				col[kc] = (int)j;
		}
		found = col[KC_KPI] >= 0 && col[KC_MUN] >= 0;
		if (!found)
			for (size_t j = 0; j < t.rows[h].n; j++) {
				char iso[11];
				if (imp_find_date(t.rows[h].cell[j], iso) && (!k->date || strcmp(iso, k->date) > 0))
					k->date = arena_strdup(c->a, iso);
			}
	}
	if (!found) {
		diag_add(c->d, D_IMPORT_COLUMN, file, t.rows[0].line,
		         "ingen rubrikrad med kolumnerna för nyckeltal (Nyckeltals-id, KPI) och kommun "
		         "(Kommun-id, Kommunkod) hittades");
		free(t.rows);
		return;
	}
	const imp_row *head = &t.rows[h - 1];
	bool wide = col[KC_YEAR] < 0;
	if (!wide && col[KC_VALUE] < 0) {
		diag_add(c->d, D_IMPORT_COLUMN, file, head->line, "kolumnen År finns men ingen kolumn Värde");
		free(t.rows);
		return;
	}
	for (size_t i = h; i < t.n_rows; i++) {
		const imp_row *r = &t.rows[i];
		if ((size_t)col[KC_KPI] >= r->n || (size_t)col[KC_MUN] >= r->n || !*r->cell[col[KC_KPI]])
			continue;   /* a note or total line below the table */
		if (!wide) {
			const char *y = cell_in(r, col[KC_YEAR]);
			y = y ? y : "";
			if (!is_year(y)) {
				diag_add(c->d, D_IMPORT_KOLADA, file, r->line, "året '%s' är inget årtal", y);
				continue;
			}
			const char *v = cell_in(r, col[KC_VALUE]);
			csv_cell(c, &t, r, col, atoi(y), v ? v : "", k);
			continue;
		}
		for (size_t j = 0; j < head->n && j < r->n; j++)
			if (is_year(head->cell[j]))
				csv_cell(c, &t, r, col, atoi(head->cell[j]), r->cell[j], k);
	}
	free(t.rows);
}

void imp_kolada_read(imp_ctx *c, const char *file, const char *data, size_t len, imp_kolada *k)
{
	size_t bom = len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3) ? 3 : 0;
	size_t i = bom + strspn(data + bom, " \t\r\n");
	if (i < len && (data[i] == '{' || data[i] == '['))
		read_json(c, file, data + bom, len - bom, k);
	else
		read_csv(c, file, data, len, k);
}

/* ---- into the document ---- */
static int rank_indicator_child(const xmlNode *n)
{
	static const char *const order[] = { "utgangsvarde", "malvarde", "utfall", "jamforelse" };
	for (int i = 0; i < 4; i++)
		if (imp_is(n, order[i]))
			return i;
	return 4;
}

static int year_of(const xmlNode *n)
{
	const char *a = imp_attr(n, "ar");
	return a ? atoi(a) : INT_MAX - 1;
}

static xmlNode *utfall_of(imp_ctx *c, xmlNode *ind, int year, bool create)
{
	for (xmlNode *k = ind->children; k; k = k->next)
		if (imp_is(k, "utfall") && year_of(k) == year)
			return k;
	if (!create)
		return NULL;
	xmlNode *u = imp_insert(c, ind, "utfall", rank_indicator_child, year, year_of);
	char y[16];
	snprintf(y, sizeof y, "%d", year);
	xmlSetProp(u, (const xmlChar *)"ar", (const xmlChar *)y);
	return u;
}

static int cmp_obs(const void *a, const void *b)
{
	const imp_obs *x = *(const imp_obs *const *)a, *y = *(const imp_obs *const *)b;
	if (x->year != y->year)
		return x->year < y->year ? -1 : 1;
	return x < y ? -1 : x > y;   /* file order within a year: the result is stable */
}

/* The observations of one KPI for the kommun and gender, sorted by year, with the
 * duplicates of a year (a page fetched twice) folded; a contradicting duplicate is an
 * error. Returns how many; *out is malloc'd. */
static size_t series(imp_ctx *c, const imp_kolada *k, const char *kpi, char gender, const imp_obs ***out)
{
	const imp_obs **v = xmalloc((k->n + 1) * sizeof *v);
	size_t n = 0;
	for (size_t i = 0; i < k->n; i++) {
		const imp_obs *o = &k->obs[i];
		if (o->gender == gender && !strcmp(o->kpi, kpi) && !strcmp(o->municipality, c->kommunkod))
			v[n++] = o;
	}
	qsort(v, n, sizeof *v, cmp_obs);
	size_t m = 0;
	for (size_t i = 0; i < n; i++) {
		if (m && v[m - 1]->year == v[i]->year) {
			const char *a = v[m - 1]->value, *b = v[i]->value;
			if ((a && b && strcmp(a, b)) || (!a) != (!b))
				diag_add(c->d, D_IMPORT_KOLADA, v[i]->file, v[i]->line,
				         "%s %s %d %c står två gånger med olika värden (%s och %s)", kpi,
				         c->kommunkod, v[i]->year, gender, imp_sv(c, a), imp_sv(c, b));
			continue;
		}
		v[m++] = v[i];
	}
	*out = v;
	return m;
}

static bool kpi_in_main(imp_ctx *c, const char *kpi)
{
	for (xmlNode *n = c->root; n; n = imp_next(n, c->root)) {
		const char *k;
		if (imp_is(n, "indikator") && (k = imp_attr(n, "kolada")) && !strcmp(k, kpi))
			return true;
	}
	return false;
}

static const char *kpi_in_included(const imp_ctx *c, const char *kpi)
{
	const sr_model *m = c->model;
	for (size_t g = 0; m && g < m->n_goals; g++)
		for (size_t i = 0; i < m->goals[g]->n_indikatorer; i++) {
			const indikator *in = &m->goals[g]->indikatorer[i];
			if (in->kolada && !strcmp(in->kolada, kpi) && in->loc.file && strcmp(in->loc.file, m->file))
				return in->loc.file;
		}
	return NULL;
}

static void fill_indicator(imp_ctx *c, const imp_kolada *k, xmlNode *ind)
{
	const char *kpi = imp_attr(ind, "kolada"), *id = imp_attr(ind, "id");
	const char *g = imp_attr(ind, "kolada-kon");
	char gender = g && *g ? g[0] : 'T';
	const imp_obs **v;
	size_t n = series(c, k, kpi, gender, &v);
	if (n == 0)
		diag_add(c->d, D_IMPORT_NODATA, c->doc_file, xmlGetLineNo(ind),
		         "%s (Kolada %s, kön %c): %s har inga värden för kommun %s", id ? id : "?",
		         kpi, gender, k->file ? k->file : "datafilen", c->kommunkod);
	for (size_t i = 0; i < n; i++) {
		const imp_obs *o = v[i];
		if (c->ar && o->year > c->ar)
			continue;   /* outcomes after the report year do not belong in this report */
		const char *src = arena_printf(c->a, "Kolada %s, %d, %c", kpi, o->year, gender);
		if (!o->value || status_missing(o->status)) {
			xmlNode *u = utfall_of(c, ind, o->year, false);
			diag_add(c->d, D_IMPORT_MISSING, o->file, o->line,
			         "%s utfall %d: Kolada saknar värde för %s, %s, kön %c%s%s; %s", id, o->year,
			         kpi, c->kommunkod, gender, o->status && *o->status ? ", status " : "",
			         o->status ? o->status : "",
			         u ? "dokumentets värde lämnas" : "året lämnas tomt");
			continue;
		}
		xmlNode *u = utfall_of(c, ind, o->year, true);
		imp_set_text(c, u, o->value, arena_printf(c->a, "%s utfall %d", id, o->year), src);
	}
	if (n && k->date)
		imp_set_attr(c, ind, "kolada-datum", k->date, true, arena_printf(c->a, "%s kolada-datum", id),
		             "Kolada-filens datum");
	free(v);
}

void imp_kolada_apply(imp_ctx *c, const imp_kolada *k)
{
	if (!c->kommunkod) {
		diag_add(c->d, D_IMPORT_TARGET, c->doc_file, 0, "dokumentet har ingen kommunkod "
		         "(ett nämndbidrag): ange kommunen med --kommunkod KOD");
		return;
	}
	for (xmlNode *n = c->root; n; n = imp_next(n, c->root))
		if (imp_is(n, "indikator") && imp_attr(n, "kolada") && *imp_attr(n, "kolada"))
			fill_indicator(c, k, n);
	/* KPIs of the file (for this kommun) that no indicator of this file asks for */
	for (size_t i = 0; i < k->n; i++) {
		const imp_obs *o = &k->obs[i];
		bool first = true;
		for (size_t j = 0; j < i && first; j++)
			first = strcmp(k->obs[j].kpi, o->kpi) != 0;
		if (!first || kpi_in_main(c, o->kpi))
			continue;
		const char *inc = kpi_in_included(c, o->kpi);
		if (inc)
			diag_add(c->d, D_IMPORT_UNUSED, o->file, o->line, "nyckeltalet %s används i den "
			         "inkluderade filen %s, som import inte ändrar; kör import på den filen", o->kpi, inc);
		else
			diag_add(c->d, D_IMPORT_UNUSED, o->file, o->line, "nyckeltalet %s finns inte i "
			         "dokumentet och ignoreras", o->kpi);
	}
}
