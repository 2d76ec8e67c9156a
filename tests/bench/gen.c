/* SPDX-License-Identifier: Apache-2.0 */
/* gen.c - writes deterministic, valid styrrapport benchmark documents (one large årsredovisning, or a batch of small delårsrapporter). */
/*
 * Usage:  gen large OUT.xml
 *         gen batch OUTDIR N
 * Everything comes from a fixed-seed xorshift64 generator: the same call writes the
 * same bytes on every machine. All sums, balances and published totals are computed
 * here in integer tenths, so every rule of MODEL.md holds exactly.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MAX_COLS 4
#define MAX_LEVELS 4
#define SHY "\xc2\xad" /* soft hyphen, U+00AD */

/* The shape of one generated document. */
struct gen_cfg {
	int arsred;                 /* 1: årsredovisning jan–dec, 0: delårsrapport jan–aug */
	const char *kommun;         /* "Sjöviks kommun" */
	const char *kod;            /* four digits */
	int n_namnder;
	int n_levels;               /* 3 or 4 */
	int fanout[MAX_LEVELS];     /* goals per parent, top level first */
	int ind[MAX_LEVELS];        /* indicators per goal, per level */
	int n_projekt;
	int n_stycken;              /* text paragraphs in the avsnitt */
};

struct gen {
	FILE *out;
	uint64_t rng;
	const struct gen_cfg *cfg;
	int n_goal, n_ind, n_akt, n_namndmal;
	int ncol;                            /* columns of the current rakning */
	long long sec[MAX_COLS];             /* posts since the previous summa */
	long long all[MAX_COLS];             /* every post of the current rakning */
};

static uint64_t rnd(struct gen *g)
{
	uint64_t x = g->rng;
	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	return g->rng = x;
}

/* A number in [lo, hi]. */
static long long rnd_range(struct gen *g, long long lo, long long hi)
{
	return lo + (long long)(rnd(g) % (uint64_t)(hi - lo + 1));
}

static const char *pick(struct gen *g, const char *const *list, size_t n)
{
	return list[rnd(g) % n];
}
#define PICK(g, list) pick((g), (list), sizeof(list) / sizeof((list)[0]))

/* Prints tenths as a decimal with one decimal ("-12.3"), as the XML wants. */
static void put_tenths(FILE *f, long long t)
{
	long long a = t < 0 ? -t : t;
	fprintf(f, "%s%lld.%lld", t < 0 ? "-" : "", a / 10, a % 10);
}

/* ---- words ---------------------------------------------------------------- */

static const char *const starters[] = {
	"Under året har", "Nämnden har", "Kommunen har", "Förvaltningen har",
	"Sammantaget har", "Inom området har", "Arbetet med", "Det systematiska arbetet med",
	"Samverkan kring", "Utvecklingen av", "Den långsiktiga planeringen för",
	"Uppföljningen av", "Satsningen på", "Översynen av",
};
static const char *const words[] = {
	"verksamheten", "invånarna", "medarbetarna", "kvaliteten", "tillgängligheten",
	"förskolan", "grundskolan", "äldreomsorgen", "socialtjänsten", "kollektivtrafiken",
	"förbättrats", "utvecklats", "fortsatt", "stärkts", "minskat", "ökat", "påverkats",
	"tydligt", "successivt", "väsentligt", "något", "betydligt", "ytterligare",
	"kostnaderna", "intäkterna", "budgeten", "prognosen", "resultatet", "nämnderna",
	"samhälls" SHY "byggnads" SHY "förvaltningen", "verksamhets" SHY "utvecklingen",
	"kompetens" SHY "försörjningen", "digitaliseringen", "hållbarheten", "tryggheten",
	"i", "och", "med", "för", "genom", "inom", "under", "mellan", "trots", "efter",
	"året", "perioden", "länet", "regionen", "kommunkoncernen", "bolagen", "målen",
	"behoven", "volymerna", "lokalerna", "bostäderna", "näringslivet", "föreningarna",
	"skolområdena", "hemtjänsten", "vårdnadshavarna", "eleverna", "brukarna",
	"energikostnaderna", "investeringarna", "avskrivningarna", "pensionskostnaderna",
	"särskilt", "långsiktigt", "gemensamt", "förebyggande", "systematiskt", "ändå",
	"Östra", "Västra", "Norra", "Södra", "Älvdalen", "Åsen", "Bårjåsjávri",
	"Čohkkiras", "Ŋuorgam", "Šuoššjávri", "Ŧuolbbas",
};
static const char *const units_txt[] = { "mnkr", "procent", "miljoner kronor", "platser" };

/* A sentence of invented prose; rich allows the inline markup b and i. */
static void put_sentence_in(struct gen *g, int rich)
{
	FILE *f = g->out;
	int n = (int)rnd_range(g, 7, 16);
	fputs(PICK(g, starters), f);
	for (int i = 0; i < n; i++) {
		if (!rich) {
			fprintf(f, " %s", PICK(g, words));
		} else if (rnd(g) % 17 == 0) {
			long long v = rnd_range(g, 1, 9999);
			fprintf(f, " <b>%lld,%lld %s</b>", v / 10, v % 10, PICK(g, units_txt));
		} else if (rnd(g) % 23 == 0) {
			fprintf(f, " <i>%s</i>", PICK(g, words));
		} else {
			fprintf(f, " %s", PICK(g, words));
		}
		if (i + 1 < n && rnd(g) % 9 == 0)
			fputc(',', f);
	}
	fputc('.', f);
}

static void put_sentence(struct gen *g)
{
	put_sentence_in(g, 1);
}

static void put_text(struct gen *g, int min_s, int max_s)
{
	int n = (int)rnd_range(g, min_s, max_s);
	for (int i = 0; i < n; i++) {
		if (i)
			fputc(' ', g->out);
		put_sentence(g);
	}
}

/* ---- header: diarium, kommun, period, levels, organisation ------------------- */

struct namnd { const char *id, *namn, *forv; };
static const struct namnd namnder[] = {
	{ "KS", "Kommunstyrelsen", "Kommunstyrelseförvaltningen" },
	{ "BUN", "Barn- och utbildningsnämnden", "Barn- och utbildningsförvaltningen" },
	{ "SN", "Socialnämnden", "Socialförvaltningen" },
	{ "TN", "Tekniska nämnden", "Samhällsbyggnadsförvaltningen" },
	{ "GVN", "Gymnasie- och vuxenutbildningsnämnden", "Utbildningsförvaltningen" },
	{ "VON", "Vård- och omsorgsnämnden", "Vård- och omsorgsförvaltningen" },
	{ "MBN", "Miljö- och byggnämnden", "Miljö- och byggförvaltningen" },
	{ "KFN", "Kultur- och fritidsnämnden", "Kultur- och fritidsförvaltningen" },
	{ "ÖFN", "Överförmyndarnämnden", "Kommunstyrelseförvaltningen" },
	{ "VN", "Valnämnden", "Kommunstyrelseförvaltningen" },
	{ "AMN", "Arbetsmarknadsnämnden", "Arbetsmarknadsförvaltningen" },
	{ "SBN", "Samhällsbyggnadsnämnden", "Samhällsbyggnadsförvaltningen" },
	{ "RÄN", "Räddningsnämnden", "Räddningstjänsten" },
	{ "SEN", "Servicenämnden", "Serviceförvaltningen" },
	{ "FSN", "Fastighetsnämnden", "Fastighetsförvaltningen" },
};
#define N_NAMNDER_MAX ((int)(sizeof(namnder) / sizeof(namnder[0])))

static const char *const niva_id[MAX_LEVELS] = { "omrade", "strat", "riktat", "namnd" };
static const char *const niva_namn[MAX_LEVELS] = {
	"Målområde", "Strategiskt mål", "Riktat mål", "Nämndmål",
};

static void put_header(struct gen *g)
{
	const struct gen_cfg *c = g->cfg;
	FILE *f = g->out;
	fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<!-- Generated by tests/bench/gen.c: a benchmark document, invented data. -->\n"
		"<rapport xmlns=\"urn:styrrapport:1\" typ=\"%s\" ar=\"2024\">\n",
		c->arsred ? "arsredovisning" : "delarsrapport");
	fprintf(f, "  <diarium>\n    <diarienummer>KS %s/%04lld</diarienummer>\n"
		"    <beslutsinstans>Kommunfullmäktige</beslutsinstans>\n"
		"    <beredande>Kommunstyrelsen</beredande>\n"
		"    <beslutsdatum>%s</beslutsdatum>\n    <paragraf>§ %lld</paragraf>\n"
		"    <handlaggare>Åsa Bergström</handlaggare>\n"
		"    <dokumentansvarig>Per-Åke Ödman</dokumentansvarig>\n"
		"    <klassificering>2.4.1</klassificering>\n  </diarium>\n",
		c->arsred ? "2025" : "2024", rnd_range(g, 100, 2999),
		c->arsred ? "2025-04-28" : "2024-10-28", rnd_range(g, 10, 180));
	fprintf(f, "  <kommun namn=\"%s\" kommunkod=\"%s\">\n    <vision>", c->kommun, c->kod);
	put_text(g, 1, 2);
	fprintf(f, "</vision>\n  </kommun>\n  <period fran=\"2024-01-01\" till=\"%s\"/>\n",
		c->arsred ? "2024-12-31" : "2024-08-31");
	fputs("  <malnivaer>\n", f);
	for (int l = 0; l < MAX_LEVELS; l++)
		if (c->n_levels == MAX_LEVELS || l != 2)
			fprintf(f, "    <niva id=\"%s\" namn=\"%s\"/>\n", niva_id[l], niva_namn[l]);
	fputs("  </malnivaer>\n  <organisation>\n", f);
	for (int i = 0; i < c->n_namnder; i++)
		fprintf(f, "    <namnd id=\"%s\" namn=\"%s\" forvaltning=\"%s\"/>\n",
			namnder[i].id, namnder[i].namn, namnder[i].forv);
	fputs("  </organisation>\n", f);
}

/* ---- avsnitt ---------------------------------------------------------------- */

static const char *const rubriker[] = {
	"Kommundirektören har ordet", "Översikt över verksamhetens utveckling",
	"Händelser av väsentlig betydelse", "Styrning och uppföljning",
	"God ekonomisk hushållning", "Ekonomisk ställning", "Balanskravsresultat",
	"Väsentliga personalförhållanden", "Förväntad utveckling",
	"Den kommunala koncernen", "Hållbarhet och miljö", "Nämndernas verksamhet",
};
#define N_RUBRIKER ((int)(sizeof(rubriker) / sizeof(rubriker[0])))

static void put_stycke(struct gen *g, const char *indent)
{
	fprintf(g->out, "%s<stycke>", indent);
	put_text(g, 4, 8);
	fputs("</stycke>\n", g->out);
}

/* One section with its paragraphs; every third gets a list and a sub-section. */
static void put_avsnitt(struct gen *g, int i, int n_st)
{
	FILE *f = g->out;
	fprintf(f, "  <avsnitt id=\"avsnitt-%d\" rubrik=\"%s\">\n", i + 1,
		rubriker[i % N_RUBRIKER]);
	int sub = (i % 3 == 2 && n_st > 1) ? 1 : 0;
	for (int k = 0; k < n_st - sub; k++)
		put_stycke(g, "    ");
	if (i % 3 == 2) {
		fputs("    <lista>\n", f);
		for (int k = 0; k < 4; k++) {
			fputs("      <punkt>", f);
			put_sentence(g);
			fputs("</punkt>\n", f);
		}
		fputs("    </lista>\n", f);
	}
	if (sub) {
		fprintf(f, "    <avsnitt rubrik=\"Fördjupning: %s\">\n",
			rubriker[(i + 5) % N_RUBRIKER]);
		put_stycke(g, "      ");
		fputs("    </avsnitt>\n", f);
	}
	fputs("  </avsnitt>\n", f);
}

static void put_avsnitten(struct gen *g)
{
	int left = g->cfg->n_stycken;
	int n_av = left >= 40 ? 10 : (left + 3) / 4;
	for (int i = 0; i < n_av; i++) {
		int n = left / (n_av - i);
		put_avsnitt(g, i, n);
		left -= n;
	}
}

/* ---- goals and indicators ---------------------------------------------------- */

static const char *const mal_pre[] = {
	"Ökad", "Stärkt", "Förbättrad", "Hållbar", "Trygg", "Bättre", "Jämlik", "Effektiv",
};
static const char *const mal_obj[] = {
	"måluppfyllelse i grundskolan", "tillgänglighet i kollektivtrafiken",
	"delaktighet för äldre", "service till företagare", "folkhälsa bland unga",
	"kompetensförsörjning i välfärden", "energieffektivitet i kommunens lokaler",
	"trygghet i bostadsområdena", "livsmiljö vid sjöar och vattendrag",
	"integration på arbetsmarknaden", "kvalitet i hemtjänsten", "digital förvaltning",
};
struct ind_kind { const char *namn, *enhet; long long lo, hi; };
static const struct ind_kind ind_kinds[] = {
	{ "Andel elever i åk 9 som är behöriga till gymnasiet", "%", 600, 950 },
	{ "Andel brukare som är nöjda med hemtjänsten", "%", 700, 980 },
	{ "Väntetid i dagar till särskilt boende", "dagar", 200, 1200 },
	{ "Antal nya företag per 1 000 invånare", "st", 20, 150 },
	{ "Sjukfrånvaro i procent av ordinarie arbetstid", "%", 40, 110 },
	{ "Koldioxidutsläpp från kommunens fordon", "ton", 1500, 6000 },
	{ "Andel invånare med långvarigt ekonomiskt bistånd", "%", 10, 60 },
	{ "Nöjd medborgar-index, kultur och fritid", "index", 450, 750 },
	{ "Andel förnybar energi i kommunens fastigheter", "%", 300, 900 },
	{ "Antal färdigställda bostäder", "st", 400, 3000 },
};
#define N_IND_KINDS ((int)(sizeof(ind_kinds) / sizeof(ind_kinds[0])))

/* One indicator: baseline 2020, target 2024 (plus a mandate-period target), outcomes
 * 2021–2024 (one in eight has no 2024 outcome yet), a national comparison. */
static void put_indikator(struct gen *g)
{
	FILE *f = g->out;
	const struct ind_kind *k = &ind_kinds[rnd(g) % N_IND_KINDS];
	int hogre = (int)(rnd(g) % 3 != 0);
	long long b = rnd_range(g, k->lo, k->hi), step = (k->hi - k->lo) / 10 + 1;
	long long t = hogre ? b + rnd_range(g, 1, step) : b - rnd_range(g, 1, step);
	g->n_ind++;
	fprintf(f, "      <indikator id=\"I%03d\" namn=\"%s\" enhet=\"%s\" riktning=\"%s\"",
		g->n_ind, k->namn, k->enhet, hogre ? "hogre" : "lagre");
	if (g->n_ind % 3 == 0)
		fprintf(f, " kolada=\"%c%05d\"", g->n_ind % 2 ? 'N' : 'U', 10000 + g->n_ind * 7);
	fputs(">\n        <utgangsvarde ar=\"2020\">", f);
	put_tenths(f, b);
	fputs("</utgangsvarde>\n        <malvarde ar=\"2024\">", f);
	put_tenths(f, t);
	fputs("</malvarde>\n        <malvarde period=\"2023-2026\">", f);
	put_tenths(f, hogre ? t + step : t - step);
	fputs("</malvarde>\n", f);
	int years = (rnd(g) % 8 == 0) ? 3 : 4;
	for (int y = 0; y < years; y++) {
		/* Outcomes wander from the baseline towards and past the target. */
		long long u = b + (t - b) * (y + 1) * (long long)rnd_range(g, 2, 14) / 40;
		fprintf(f, "        <utfall ar=\"%d\">", 2021 + y);
		put_tenths(f, u < 0 ? 0 : u);
		fputs("</utfall>\n", f);
	}
	fputs("        <jamforelse namn=\"Riket\" ar=\"2023\">", f);
	put_tenths(f, b + (t - b) / 2);
	fputs("</jamforelse>\n      </indikator>\n", f);
}

static const char *const akt_status[] = { "ej-paborjad", "pagar", "klar", "forsenad", "avbruten" };
static const char *const bed_status[] = { "uppfyllt", "delvis", "ej-uppfyllt", "ej-bedomt" };

static void put_aktivitet(struct gen *g)
{
	g->n_akt++;
	fprintf(g->out, "      <aktivitet id=\"A%03d\" ansvarig=\"%s\" klart=\"2024-%02lld-%02lld\" "
		"status=\"%s\">", g->n_akt, namnder[rnd(g) % N_NAMNDER_MAX].forv,
		rnd_range(g, 1, 12), rnd_range(g, 1, 28), PICK(g, akt_status));
	put_sentence_in(g, 0);
	fputs("</aktivitet>\n", g->out);
}

/* Delårsrapport: every nämndmål has a prognos; one goal in eight a manual status.
 * Årsredovisning: one goal in five has a manual status with its analysis. */
static void put_bedomning(struct gen *g, int level)
{
	int namndmal = level == g->cfg->n_levels - 1;
	int manual = g->cfg->arsred ? rnd(g) % 5 == 0 : rnd(g) % 8 == 0;
	int prognos = !g->cfg->arsred && namndmal;
	if (!manual && !prognos)
		return;
	fputs("      <bedomning", g->out);
	if (manual)
		fprintf(g->out, " status=\"%s\"", PICK(g, bed_status));
	if (prognos)
		fprintf(g->out, " prognos=\"%s\"", PICK(g, bed_status));
	fputs(">", g->out);
	put_text(g, 2, 4);
	fputs("</bedomning>\n", g->out);
	if (rnd(g) % 2) {
		fputs("      <atgard>", g->out);
		put_text(g, 1, 2);
		fputs("</atgard>\n", g->out);
	}
}

/* Level index in the full four-level list, for a document with n_levels levels. */
static int level_slot(const struct gen_cfg *c, int level)
{
	int slot = (c->n_levels == MAX_LEVELS || level < 2) ? level : level + 1;
	return slot < MAX_LEVELS ? slot : MAX_LEVELS - 1;  /* also tells the compiler */
}

static void put_mal(struct gen *g, int level)
{
	const struct gen_cfg *c = g->cfg;
	FILE *f = g->out;
	int slot = level_slot(c, level), namndmal = level == c->n_levels - 1;
	if (level < 0 || level >= MAX_LEVELS)
		return;
	g->n_goal++;
	fprintf(f, "    <mal id=\"M%03d\" niva=\"%s\" titel=\"%s %s\"", g->n_goal, niva_id[slot],
		PICK(g, mal_pre), PICK(g, mal_obj));
	if (namndmal)
		fprintf(f, " namndref=\"%s\"", namnder[g->n_namndmal++ % c->n_namnder].id);
	if (level == 1)
		fprintf(f, " perspektiv=\"%s\" agenda2030=\"%lld %lld\"",
			(const char *[]){ "medborgare", "ekonomi", "processer", "medarbetare" }[rnd(g) % 4],
			rnd_range(g, 1, 8), rnd_range(g, 9, 17));
	fputs(">\n      <beskrivning>", f);
	put_text(g, 1, 3);
	fputs("</beskrivning>\n", f);
	for (int i = 0; i < c->ind[level]; i++)
		put_indikator(g);
	if (namndmal)
		for (int i = (int)rnd_range(g, 1, 2); i > 0; i--)
			put_aktivitet(g);
	put_bedomning(g, level);
	if (level + 1 < c->n_levels && level + 1 < MAX_LEVELS)
		for (int i = 0; i < c->fanout[level + 1]; i++)
			put_mal(g, level + 1);
	fputs("    </mal>\n", f);
}

/* ---- ekonomi ------------------------------------------------------------------- */

/* Driftredovisning: one row per nämnd, the finance row, and the exact sum. */
static void put_drift(struct gen *g)
{
	FILE *f = g->out;
	long long sb = 0, su = 0, sp = 0;
	fputs("    <driftredovisning>\n", f);
	for (int i = 0; i <= g->cfg->n_namnder; i++) {
		int fin = i == g->cfg->n_namnder;
		long long b = fin ? -rnd_range(g, 500, 1500) : rnd_range(g, 200, 9000);
		long long ab = b < 0 ? -b : b;
		long long u = g->cfg->arsred ? b + rnd_range(g, -ab / 20 - 5, ab / 25 + 5)
					     : b * 2 / 3 + rnd_range(g, -ab / 30 - 5, ab / 30 + 5);
		long long p = b + rnd_range(g, -ab / 25 - 5, ab / 25 + 5);
		sb += b, su += u, sp += p;
		if (fin)
			fputs("      <rad rubrik=\"Finansförvaltning\"", f);
		else
			fprintf(f, "      <rad namndref=\"%s\"", namnder[i].id);
		fputs(" budget=\"", f), put_tenths(f, b);
		fputs("\" utfall=\"", f), put_tenths(f, u);
		fputs("\" prognos=\"", f), put_tenths(f, p);
		fputs(i % 3 == 1 ? "\" kommentar=\"Ökade volymer och högre kostnader för placeringar.\"/>\n"
				 : "\"/>\n", f);
	}
	fputs("      <summa budget=\"", f), put_tenths(f, sb);
	fputs("\" utfall=\"", f), put_tenths(f, su);
	fputs("\" prognos=\"", f), put_tenths(f, sp);
	fputs("\"/>\n    </driftredovisning>\n", f);
}

static const char *const proj_namn[] = {
	"Ny förskola", "Gång- och cykelväg", "Renovering av skola", "Vattenverk",
	"Äldreboende", "Idrottshall", "Verksamhetssystem", "Reinvestering gator",
	"Bredbandsutbyggnad", "Räddningsstation", "Konstgräsplan", "Laddinfrastruktur",
};
static const char *const orter[] = {
	"Noret", "Östra udden", "Ålsta", "Björkö", "Sörby", "Älvnäs", "Hästholmen", "Kårböle",
};

static void put_investeringar(struct gen *g)
{
	FILE *f = g->out;
	fputs("    <investeringar>\n", f);
	for (int i = 1; i <= g->cfg->n_projekt; i++) {
		long long b = rnd_range(g, 5, 900);
		fprintf(f, "      <projekt id=\"P%03d\" namn=\"%s %s\" namndref=\"%s\" budget=\"", i,
			PICK(g, proj_namn), PICK(g, orter), namnder[rnd(g) % g->cfg->n_namnder].id);
		put_tenths(f, b);
		fputs("\" utfall=\"", f), put_tenths(f, b * rnd_range(g, 20, 110) / 100);
		fputs("\" prognos=\"", f), put_tenths(f, b * rnd_range(g, 80, 115) / 100);
		fputs("\"/>\n", f);
	}
	fputs("    </investeringar>\n", f);
}

static void rakning_open(struct gen *g, const char *typ, int ncol, const char *const *ids,
			 const char *const *rubrik)
{
	fprintf(g->out, "    <rakning typ=\"%s\">\n", typ);
	for (int c = 0; c < ncol; c++)
		fprintf(g->out, "      <kolumn id=\"%s\" rubrik=\"%s\"/>\n", ids[c], rubrik[c]);
	g->ncol = ncol;
	memset(g->sec, 0, sizeof g->sec);
	memset(g->all, 0, sizeof g->all);
}

/* A post with the given tenths per column; added to the running sums. */
static void post_vals(struct gen *g, const char *id, const char *namn, const long long *v)
{
	fprintf(g->out, "      <post id=\"%s\" namn=\"%s\" varden=\"", id, namn);
	for (int c = 0; c < g->ncol; c++) {
		if (c)
			fputc(' ', g->out);
		put_tenths(g->out, v[c]);
		g->sec[c] += v[c];
		g->all[c] += v[c];
	}
	fputs("\"/>\n", g->out);
}

/* A post near base (tenths) in every column; out receives the values when non-NULL. */
static void post(struct gen *g, const char *id, const char *namn, long long base, long long *out)
{
	long long v[MAX_COLS];
	long long spread = (base < 0 ? -base : base) / 200 + 1;
	for (int c = 0; c < g->ncol; c++)
		v[c] = base + rnd_range(g, -spread, spread);
	post_vals(g, id, namn, v);
	if (out)
		memcpy(out, v, sizeof v);
}

/* A section summa ("the posts since the previous summa"); out gets its value. */
static void summa(struct gen *g, const char *id, const char *namn, const char *extra,
		  long long *out)
{
	fprintf(g->out, "      <summa id=\"%s\" namn=\"%s\"%s/>\n", id, namn, extra);
	if (out)
		memcpy(out, g->sec, sizeof g->sec);
	memset(g->sec, 0, sizeof g->sec);
}

/* A running total (av="alla") carrying its exact value as the published figures. */
static void summa_alla(struct gen *g, const char *id, const char *namn, int published,
		       long long *out)
{
	fprintf(g->out, "      <summa id=\"%s\" namn=\"%s\" av=\"alla\"", id, namn);
	if (published) {
		fputs(" varden=\"", g->out);
		for (int c = 0; c < g->ncol; c++) {
			if (c)
				fputc(' ', g->out);
			put_tenths(g->out, g->all[c]);
		}
		fputc('"', g->out);
	}
	fputs("/>\n", g->out);
	if (out)
		memcpy(out, g->all, sizeof g->all);
	memset(g->sec, 0, sizeof g->sec);
}

/* Resultaträkning scaled to the kommun; res receives Årets resultat per column. */
static void put_resultat(struct gen *g, long long scale, long long *res)
{
	static const char *const ids_a[] = { "ufg", "b", "u" };
	static const char *const rub_a[] = { "Utfall 2023", "Budget 2024", "Utfall 2024" };
	static const char *const ids_d[] = { "ufg", "u", "b", "p" };
	static const char *const rub_d[] = { "Utfall jan–aug 2023", "Utfall jan–aug 2024",
					     "Budget 2024", "Prognos 2024" };
	int a = g->cfg->arsred;
	rakning_open(g, "resultatrakning", a ? 3 : 4, a ? ids_a : ids_d, a ? rub_a : rub_d);
	post(g, "vi", "Verksamhetens intäkter", 25 * scale, NULL);
	post(g, "vk", "Verksamhetens kostnader", -110 * scale, NULL);
	post(g, "avs", "Avskrivningar", -4 * scale, NULL);
	summa(g, "vnk", "Verksamhetens nettokostnader", "", NULL);
	post(g, "skatt", "Skatteintäkter", 70 * scale, NULL);
	post(g, "bidrag", "Generella statsbidrag och utjämning", 21 * scale, NULL);
	summa_alla(g, "vr", "Verksamhetens resultat", 0, NULL);
	post(g, "fi", "Finansiella intäkter", scale / 2, NULL);
	post(g, "fk", "Finansiella kostnader", -scale, NULL);
	summa_alla(g, "rfp", "Resultat efter finansiella poster", 0, NULL);
	post(g, "ext", "Extraordinära poster", scale / 10, NULL);
	summa_alla(g, "res", "Årets resultat", 1, res);
	fputs("    </rakning>\n", g->out);
}

/* Balansräkning that balances exactly: Kortfristiga skulder takes up the rest. */
static void put_balans(struct gen *g, long long scale, const long long *res)
{
	static const char *const ids[] = { "bfg", "bia" };
	const char *rub[] = { "2023-12-31", g->cfg->arsred ? "2024-12-31" : "2024-08-31" };
	long long st[MAX_COLS], ek_ar[MAX_COLS], kfs[MAX_COLS];
	/* Årets resultat of the period: column u of the resultaträkning. */
	ek_ar[0] = res[0], ek_ar[1] = res[g->cfg->arsred ? 2 : 1];
	rakning_open(g, "balansrakning", 2, ids, rub);
	post(g, "imm", "Immateriella anläggningstillgångar", 2 * scale, NULL);
	post(g, "mb", "Mark, byggnader och tekniska anläggningar", 90 * scale, NULL);
	post(g, "mi", "Maskiner och inventarier", 8 * scale, NULL);
	post(g, "fat", "Finansiella anläggningstillgångar", 6 * scale, NULL);
	summa(g, "sat", "Summa anläggningstillgångar", "", NULL);
	post(g, "forr", "Förråd och exploateringsfastigheter", scale, NULL);
	post(g, "ford", "Fordringar", 9 * scale, NULL);
	post(g, "kp", "Kortfristiga placeringar", 3 * scale, NULL);
	post(g, "kb", "Kassa och bank", 4 * scale, NULL);
	summa(g, "sot", "Summa omsättningstillgångar", "", NULL);
	fputs("      <summa id=\"st\" namn=\"Summa tillgångar\" av=\"sat sot\" roll=\"tillgangar\"/>\n",
	      g->out);
	memcpy(st, g->all, sizeof st);
	post_vals(g, "ekar", "Årets resultat", ek_ar);
	post(g, "ekov", "Övrigt eget kapital", 45 * scale, NULL);
	summa(g, "sek", "Summa eget kapital", "", NULL);
	post(g, "pens", "Avsättningar för pensioner", 5 * scale, NULL);
	post(g, "ovav", "Andra avsättningar", scale, NULL);
	summa(g, "sav", "Summa avsättningar", "", NULL);
	post(g, "lfs", "Långfristiga skulder", 50 * scale, NULL);
	for (int c = 0; c < 2; c++)
		kfs[c] = st[c] - (g->all[c] - st[c]);
	post_vals(g, "kfs", "Kortfristiga skulder", kfs);
	summa(g, "ssk", "Summa skulder", "", NULL);
	fputs("      <summa id=\"tot\" namn=\"Summa eget kapital, avsättningar och skulder\" "
	      "av=\"sek sav ssk\" roll=\"ek-och-skulder\"/>\n    </rakning>\n", g->out);
}

static void put_kassaflode(struct gen *g, long long scale)
{
	static const char *const ids[] = { "kfg", "kar" };
	static const char *const rub[] = { "2023", "2024" };
	rakning_open(g, "kassaflodesanalys", 2, ids, rub);
	post(g, "klres", "Årets resultat", scale, NULL);
	post(g, "kljust", "Justering för av- och nedskrivningar", 4 * scale, NULL);
	post(g, "klrk", "Förändring av rörelsekapital", -scale / 2, NULL);
	summa(g, "klop", "Kassaflöde från den löpande verksamheten", "", NULL);
	post(g, "kinv", "Investering i materiella anläggningstillgångar", -8 * scale, NULL);
	post(g, "kfors", "Försäljning av materiella anläggningstillgångar", scale / 5, NULL);
	summa(g, "kinvs", "Kassaflöde från investeringsverksamheten", "", NULL);
	post(g, "knyl", "Nyupptagna lån", 4 * scale, NULL);
	post(g, "kamo", "Amortering av skuld", -scale, NULL);
	summa(g, "kfin", "Kassaflöde från finansieringsverksamheten", "", NULL);
	summa_alla(g, "kars", "Årets kassaflöde", 0, NULL);
	fputs("    </rakning>\n", g->out);
}

/* ---- MODEL v2 part 1 (issue 12): tables in the text, notes, balanskrav, sjukfrånvaro */

/* A table of n rows in groups of four, with a varav row, empty cells and a sum per group. */
static void put_tabell(struct gen *g, int k, int n)
{
	FILE *f = g->out;
	long long sum[3] = {0};
	int empty[3] = {1, 1, 1};
	fprintf(f, "    <tabell id=\"T%d\" rubrik=\"Nyckeltal %d\" enhet=\"mnkr\" kalla=\"Källa: "
	        "ekonomisystemet\">\n", k, k);
	fputs("      <kolumn id=\"", f);
	fprintf(f, "t%da\" rubrik=\"2022\"/><kolumn id=\"t%db\" rubrik=\"2023\"/>"
	        "<kolumn id=\"t%dc\" rubrik=\"2024\"/>\n", k, k, k);
	for (int i = 0; i < n; i++) {
		if (i % 4 == 0)
			fprintf(f, "      <grupp namn=\"Område %d\"/>\n", i / 4 + 1);
		fprintf(f, "      <post namn=\"%s %d\" varden=\"", PICK(g, words), i + 1);
		for (int c = 0; c < 3; c++) {
			int blank = (i + c) % 7 == 3;
			long long v = rnd_range(g, -500, 5000);
			if (c)
				fputc(' ', f);
			if (blank) {
				fputc('-', f);
			} else {
				put_tenths(f, v);
				sum[c] += v, empty[c] = 0;
			}
		}
		fputs("\"/>\n", f);
		if (i % 4 == 1)
			fprintf(f, "      <post namn=\"varav %s\" varav=\"ja\" varden=\"1.0 - 2.0\"/>\n",
			        PICK(g, words));
		if (i % 4 == 3 || i == n - 1) {
			fputs("      <summa namn=\"Summa\" varden=\"", f);
			for (int c = 0; c < 3; c++) {
				if (c)
					fputc(' ', f);
				if (empty[c])
					fputc('-', f);
				else
					put_tenths(f, sum[c]);
				sum[c] = 0, empty[c] = 1;
			}
			fputs("\"/>\n", f);
		}
	}
	fputs("    </tabell>\n", f);
}

static void put_text_tables(struct gen *g)
{
	fputs("  <avsnitt id=\"tabeller\" rubrik=\"Ekonomi i sammandrag\">\n", g->out);
	for (int k = 1; k <= 4; k++) {
		put_stycke(g, "    ");
		put_tabell(g, k, 6 + 5 * k);
	}
	fputs("    <tabell rubrik=\"Händelser\"><kolumn id=\"hn\" rubrik=\"Nämnd\" typ=\"text\"/>"
	      "<kolumn id=\"hh\" rubrik=\"Händelse\" typ=\"text\"/>\n", g->out);
	for (int i = 0; i < g->cfg->n_namnder; i++) {
		fprintf(g->out, "      <post><v>%s</v><v>", namnder[i].namn);
		put_sentence_in(g, 1);
		fputs("</v></post>\n", g->out);
	}
	fputs("    </tabell>\n  </avsnitt>\n", g->out);
}

static void put_balanskrav(struct gen *g, const long long *res)
{
	FILE *f = g->out;
	fputs("    <rakning typ=\"balanskravsutredning\">\n      <kolumn id=\"bk24\" rubrik=\"2024\"/>"
	      "<kolumn id=\"bk23\" rubrik=\"2023\"/>\n", f);
	fputs("      <post id=\"bar\" namn=\"Årets resultat\" roll=\"arets-resultat\" ref=\"res\" "
	      "kolumnref=\"u\" not=\"not-1\" varden=\"", f);
	put_tenths(f, res[2]);
	fputs(" ", f), put_tenths(f, res[0]);
	fputs("\"/>\n      <grupp namn=\"Balanskravsjusteringar\"/>\n"
	      "      <post id=\"brv\" namn=\"Realisationsvinster\" not=\"not-2 not-3\" varden=\"-1.3 -\"/>\n"
	      "      <post id=\"bof\" namn=\"Orealiserade förluster\" varden=\"- 0.4\"/>\n"
	      "      <summa id=\"bkr\" namn=\"Balanskravsresultat\" av=\"alla\" roll=\"balanskravsresultat\"/>\n"
	      "    </rakning>\n", f);
}

static void put_noter(struct gen *g)
{
	fputs("    <noter>\n", g->out);
	for (int i = 1; i <= 12; i++) {
		fprintf(g->out, "      <not id=\"not-%d\" rubrik=\"%s\">\n", i, PICK(g, rubriker));
		put_stycke(g, "        ");
		if (i % 4 == 0)
			put_tabell(g, 10 + i, 5);
		fputs("      </not>\n", g->out);
	}
	fputs("    </noter>\n", g->out);
}

static void put_sjuk(struct gen *g)
{
	for (int y = 2024; y >= 2023; y--) {
		fprintf(g->out, "    <sjukfranvaro niva=\"kommun\" ar=\"%d\" total=\"", y);
		put_tenths(g->out, rnd_range(g, 50, 90));
		fputs("\" langtid=\"", g->out), put_tenths(g->out, rnd_range(g, 300, 500));
		fputs("\" kvinnor=\"", g->out), put_tenths(g->out, rnd_range(g, 60, 95));
		fputs("\" man=\"", g->out), put_tenths(g->out, rnd_range(g, 30, 60));
		fputs("\" till-29=\"", g->out), put_tenths(g->out, rnd_range(g, 40, 70));
		fputs("\" fran-30-till-49=\"", g->out), put_tenths(g->out, rnd_range(g, 50, 80));
		fputs("\" fran-50=\"", g->out), put_tenths(g->out, rnd_range(g, 60, 95));
		fputs("\"/>\n", g->out);
	}
	fputs("    <sjukfranvaro niva=\"koncern\" ar=\"2024\" total=\"6.1\"/>\n", g->out);
}

static void put_ekonomi(struct gen *g)
{
	long long scale = 40 * g->cfg->n_namnder + 10, res[MAX_COLS];
	const char *kol = g->cfg->arsred ? "u" : "p";
	fputs("  <ekonomi enhet=\"mnkr\" decimaler=\"1\">\n", g->out);
	put_drift(g);
	put_investeringar(g);
	put_resultat(g, scale, res);
	put_balans(g, scale, res);
	if (g->cfg->arsred) {
		put_kassaflode(g, scale);
		put_balanskrav(g, res);   /* MODEL v2 part 1 (issue 12) */
	}
	fprintf(g->out, "    <finansielltmal id=\"F1\" namn=\"Resultat i förhållande till "
		"skatteintäkter och generella statsbidrag\" enhet=\"%%\" riktning=\"hogre\" "
		"malvarde=\"2.0\" taljare=\"res\" namnare=\"skatt bidrag\" kolumn=\"%s\"/>\n", kol);
	fprintf(g->out, "    <finansielltmal id=\"F2\" namn=\"Nettokostnadsandel\" enhet=\"%%\" "
		"riktning=\"lagre\" malvarde=\"98\" taljare=\"-vnk\" namnare=\"skatt bidrag\" "
		"kolumn=\"%s\"/>\n", kol);
	fputs("    <finansielltmal id=\"F3\" namn=\"Soliditet\" enhet=\"%\" riktning=\"hogre\" "
	      "malvarde=\"30\" taljare=\"sek\" namnare=\"st\" kolumn=\"bia\"/>\n", g->out);
	if (g->cfg->arsred)
		put_noter(g);   /* MODEL v2 part 1 (issue 12) */
	fputs("  </ekonomi>\n", g->out);
}

static void put_personal(struct gen *g)
{
	FILE *f = g->out;
	fputs("  <personal>\n", f);
	for (int i = 0; i < g->cfg->n_namnder; i++) {
		long long n = rnd_range(g, 5, 1500);
		fprintf(f, "    <rad namndref=\"%s\" tillsvidareanstallda=\"%lld\" arsarbetare=\"",
			namnder[i].id, n);
		put_tenths(f, n * rnd_range(g, 88, 99) / 10);
		fputs("\" sjukfranvaro=\"", f), put_tenths(f, rnd_range(g, 30, 110));
		fputs("\" sjukfranvaro-fg=\"", f), put_tenths(f, rnd_range(g, 30, 110));
		fputs("\"/>\n", f);
	}
	if (g->cfg->arsred)
		put_sjuk(g);   /* MODEL v2 part 1 (issue 12) */
	fputs("  </personal>\n", f);
}

/* ---- documents ------------------------------------------------------------------ */

static int write_doc(const char *path, const struct gen_cfg *c, uint64_t seed)
{
	struct gen g = { .rng = seed ? seed : 88172645463325252ull, .cfg = c };
	g.out = fopen(path, "w");
	if (!g.out) {
		fprintf(stderr, "gen: %s: %s\n", path, strerror(errno));
		return 1;
	}
	put_header(&g);
	put_avsnitten(&g);
	if (c->arsred)
		put_text_tables(&g);   /* MODEL v2 part 1 (issue 12) */
	for (int i = 0; i < c->fanout[0]; i++)
		put_mal(&g, 0);
	put_ekonomi(&g);
	put_personal(&g);
	fputs("</rapport>\n", g.out);
	if (fclose(g.out) != 0) {
		fprintf(stderr, "gen: %s: %s\n", path, strerror(errno));
		return 1;
	}
	return 0;
}

/* 15 nämnder, 4 levels: 5 + 15 + 30 + 150 = 200 goals, 10 + 30 + 60 + 300 = 400
 * indicators, 300 projects, 40 paragraphs. */
static int gen_large(const char *path)
{
	static const struct gen_cfg c = {
		.arsred = 1, .kommun = "Storsjövikens kommun", .kod = "2999",
		.n_namnder = 15, .n_levels = 4, .fanout = { 5, 3, 2, 5 }, .ind = { 2, 2, 2, 2 },
		.n_projekt = 300, .n_stycken = 40,
	};
	return write_doc(path, &c, 0x5eed2024u);
}

static const char *const syl_a[] = {
	"Sjö", "Bro", "Ek", "Lind", "Berg", "Öster", "Väster", "Norr", "Sör", "Mal", "Ram",
	"Tå", "Ånge", "Älv", "Hed", "Fors", "Ljus", "Kall", "Stor", "Ny", "Björk", "Gran",
	"Hall", "Ås", "Mörk", "Stens", "Tall", "Vit", "Ört", "Rön",
};
static const char *const syl_b[] = {
	"vik", "by", "sund", "torp", "berg", "dal", "fors", "köping", "hamn", "näs", "mo",
	"ryd", "holm", "sjö", "stad", "lunda", "hed", "åker", "bäcken", "ö",
};

/* The i-th invented place name: distinct for i < 600. */
static void place_name(int i, char *buf, size_t n)
{
	int na = (int)(sizeof syl_a / sizeof syl_a[0]), nb = (int)(sizeof syl_b / sizeof syl_b[0]);
	int a = (i * 7) % na, b = (i / na + i * 3) % nb;
	snprintf(buf, n, "%s%s", syl_a[a], syl_b[b]);
}

/* ASCII file-name slug: å ä → a, ö → o, lower case. */
static void slug(const char *s, char *buf, size_t n)
{
	size_t k = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p && k + 1 < n; p++) {
		if (*p == 0xc3 && p[1]) {
			unsigned char c = *++p;
			buf[k++] = (c == 0xb6 || c == 0x96) ? 'o' : 'a';
		} else if (*p < 0x80) {
			buf[k++] = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
		}
	}
	buf[k] = '\0';
}

static int gen_batch(const char *dir, int n)
{
	if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
		fprintf(stderr, "gen: %s: %s\n", dir, strerror(errno));
		return 1;
	}
	for (int i = 0; i < n; i++) {
		char name[64], namn[96], kod[16], file[64], path[4096];
		place_name(i, name, sizeof name);
		snprintf(namn, sizeof namn, "%ss kommun", name);
		snprintf(kod, sizeof kod, "%04d", (114 + i * 8) % 10000);
		slug(name, file, sizeof file);
		snprintf(path, sizeof path, "%s/%s-%s.xml", dir, kod, file);
		struct gen_cfg c = {
			.arsred = 0, .kommun = namn, .kod = kod, .n_namnder = 4 + i % 3,
			.n_levels = 3, .fanout = { 3, 2, 2 }, .ind = { 0, 1, 1 },
			.n_projekt = 5 + i % 4, .n_stycken = 5,
		};
		if (write_doc(path, &c, 0x9e3779b97f4a7c15ull ^ (uint64_t)(i + 1) * 0x100000001b3ull))
			return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "large") == 0)
		return gen_large(argv[2]);
	if (argc == 4 && strcmp(argv[1], "batch") == 0) {
		int n = atoi(argv[3]);
		if (n > 0 && n <= 600)
			return gen_batch(argv[2], n);
	}
	fputs("usage: gen large OUT.xml | gen batch OUTDIR N (1..600)\n", stderr);
	return 2;
}
