/* SPDX-License-Identifier: Apache-2.0 */
/* cli_import.c - `styrrapport import`: its own options, then one call into the library
 * (sr_import_run, then sr_import_write unless --kontroll). */
#include "cli.h"
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char import_usage[] =
	"Användning:\n"
	"  styrrapport import FIL [DATA...] (-o NY.xml | --i-stallet | --kontroll)\n"
	"  styrrapport import --visa-url FIL\n"
	"Data (flera går bra, i den ordning de ges):\n"
	"      --kolada F         Kolada-data: JSON från api.kolada.se (v2 eller v3) eller CSV från kolada.se\n"
	"      --drift F          CSV: nämnd;budget;utfall;prognos[;avvikelse;intäkter;kostnader;kommentar]\n"
	"      --investeringar F  CSV: projekt;budget;utfall;prognos[;avvikelse;kommentar]\n"
	"      --indikatorer F    CSV: indikator;år;utfall[;målvärde]\n"
	"      --rakning ID F     CSV: post;<en kolumn per kolumn-id i räkningen ID (typ eller rubrik)>\n"
	"      --kommunkod KOD    kommunen i Kolada-data (annars dokumentets kommunkod)\n"
	"Utdata:\n"
	"  -o NY.xml              skriv det nya dokumentet dit (- för standard ut)\n"
	"      --i-stallet        ersätt FIL (tillfällig fil bredvid, sedan namnbyte)\n"
	"      --kontroll         visa bara vad som skulle ändras\n"
	"      --visa-url FIL     skriv Kolada-adresserna för dokumentets indikatorer\n"
	"CSV: semikolon, decimalkomma, UTF-8 (med eller utan BOM) eller Windows-1252.\n"
	"Slutstatus: 0 klart, 1 ogiltiga data eller dokument, 2 fel användning, 3 filfel.\n";

struct import_args {
	const char *doc, *out, *kommunkod, *url_doc;
	bool in_place, check_only;
	sr_import_source *src;
	size_t n_src;
};

static int usage(const char *fmt, const char *arg)
{
	fputs("styrrapport import: fel: ", stderr);
	fprintf(stderr, fmt, arg);
	fputs("\n\n", stderr);
	fputs(import_usage, stderr);
	return SR_USAGE;
}

static const struct { const char *name; sr_import_kind kind; } kinds[] = {
	{ "--kolada", SR_IMPORT_KOLADA }, { "--drift", SR_IMPORT_DRIFT },
	{ "--investeringar", SR_IMPORT_INVESTERINGAR }, { "--indikatorer", SR_IMPORT_INDIKATORER },
	{ "--rakning", SR_IMPORT_RAKNING },
};

/* The value of option argv[*i] ("--x V" or "--x=V"); NULL when missing. */
static const char *value_of(int argc, char **argv, int *i, const char *name)
{
	const char *a = argv[*i];
	size_t n = strlen(name);
	if (a[n] == '=')
		return a + n + 1;
	return *i + 1 < argc ? argv[++*i] : NULL;
}

static bool is_opt(const char *a, const char *name)
{
	size_t n = strlen(name);
	return strncmp(a, name, n) == 0 && (a[n] == '\0' || a[n] == '=');
}

/* Returns -1 when parsed, else the exit code to stop with. */
static int parse(int argc, char **argv, struct import_args *o)
{
	memset(o, 0, sizeof *o);
	o->src = calloc((size_t)argc + 1, sizeof *o->src);
	if (!o->src)
		return SR_RUNTIME;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		size_t k = 0;
		while (k < sizeof kinds / sizeof *kinds && !is_opt(a, kinds[k].name))
			k++;
		if (k < sizeof kinds / sizeof *kinds) {
			sr_import_source s = { .kind = kinds[k].kind };
			if (s.kind == SR_IMPORT_RAKNING) {
				s.rakning = value_of(argc, argv, &i, kinds[k].name);
				s.path = i + 1 < argc && s.rakning ? argv[++i] : NULL;
			} else {
				s.path = value_of(argc, argv, &i, kinds[k].name);
			}
			if (!s.path)
				return usage(s.kind == SR_IMPORT_RAKNING ? "%s kräver ID och FIL" : "%s kräver en fil",
				             kinds[k].name);
			o->src[o->n_src++] = s;
		} else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			fputs(import_usage, stdout);
			return SR_OK;
		} else if (!strcmp(a, "-o") || is_opt(a, "--kommunkod") || is_opt(a, "--visa-url")) {
			const char *name = a[1] == 'o' ? "-o" : is_opt(a, "--kommunkod") ? "--kommunkod" : "--visa-url";
			const char *v = value_of(argc, argv, &i, name);
			if (!v)
				return usage("%s kräver ett argument", name);
			*(name[1] == 'o' ? &o->out : name[2] == 'k' ? &o->kommunkod : &o->url_doc) = v;
		} else if (!strcmp(a, "--i-stallet")) {
			o->in_place = true;
		} else if (!strcmp(a, "--kontroll")) {
			o->check_only = true;
		} else if (a[0] == '-' && a[1]) {
			return usage("okänd flagga: %s", a);
		} else if (o->doc) {
			return usage("ange bara ett dokument (%s)", a);
		} else {
			o->doc = a;
		}
	}
	if (o->url_doc)
		return o->doc || o->n_src ? usage("%s", "--visa-url tar bara dokumentet") : -1;
	if (!o->doc)
		return usage("%s", "ange dokumentet som ska fyllas i");
	if (o->n_src == 0)
		return usage("%s", "ange minst en datafil (--kolada, --drift, --investeringar, --indikatorer, --rakning)");
	if ((o->out != NULL) + o->in_place + o->check_only != 1)
		return usage("%s", "ange precis ett av -o NY.xml, --i-stallet och --kontroll");
	return -1;
}

static bool same_file(const char *a, const char *b)
{
	struct stat x, y;
	return stat(a, &x) == 0 && stat(b, &y) == 0 && x.st_dev == y.st_dev && x.st_ino == y.st_ino;
}

static int run(sr_session *s, const struct import_args *o)
{
	if (o->out && same_file(o->out, o->doc))
		return usage("%s", "-o pekar på originalet; använd --i-stallet för att ersätta det");
	sr_import_options opt = { o->src, o->n_src, o->kommunkod };
	sr_import *im = sr_import_run(s, o->doc, &opt);
	int st = sr_import_status(im);
	const char *target = o->in_place ? o->doc : o->out;
	if (st == SR_OK && !o->check_only) {
		if (strcmp(target, "-") == 0) {
			size_t len;
			const char *bytes = sr_import_result(im, &len);
			if (fwrite(bytes, 1, len, stdout) != len || fflush(stdout) != 0)
				st = SR_RUNTIME;
		} else {
			st = sr_import_write(im, target);
		}
	}
	sr_import_print(im, stderr);
	size_t n = sr_import_change_count(im);
	if (st != SR_OK)
		fprintf(stderr, "styrrapport import: inget skrevs\n");
	else if (o->check_only)
		fprintf(stderr, "styrrapport import: %zu %s skulle ändras (--kontroll: inget skrevs)\n", n,
		        n == 1 ? "värde" : "värden");
	else if (strcmp(target, "-") != 0)
		fprintf(stderr, "styrrapport import: %zu %s ändrade, %s skrivet\n", n,
		        n == 1 ? "värde" : "värden", target);
	sr_import_free(im);
	return st;
}

int cli_import(int argc, char **argv, const char *data_dir)
{
	struct import_args o;
	int st = parse(argc, argv, &o);
	if (st >= 0) {
		free(o.src);
		return st;
	}
	char why[512] = "";
	sr_session *s = sr_session_new(data_dir, why, sizeof why);
	if (!s) {
		fprintf(stderr, "styrrapport: fel: %s\n", why);
		free(o.src);
		return SR_RUNTIME;
	}
	st = o.url_doc ? sr_import_print_urls(s, o.url_doc, stdout, stderr) : run(s, &o);
	sr_session_free(s);
	free(o.src);
	return st;
}
