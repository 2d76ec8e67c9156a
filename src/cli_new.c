/* SPDX-License-Identifier: Apache-2.0 */
/* cli_new.c - `styrrapport ny`: writes a commented starting document for one report
 * type, valid as written (its "[fyll i …]" texts are placeholders, which validate
 * warns about until they are replaced). The text is checked with the library before it
 * is written, and an existing file is never overwritten. */
#include "cli.h"
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static const struct report_kind {
	const char *typ;
	const char *title;         /* for the opening comment */
	const char *till;          /* MM-DD the period ends */
	const char *instans;       /* beslutsinstans; NULL: the nämnd */
	const char *beredande;
} kinds[] = {
	{"uppfoljning", "uppföljning och prognos januari–april", "04-30", "Kommunstyrelsen", NULL},
	{"delarsrapport", "delårsrapport januari–augusti", "08-31", "Kommunfullmäktige", "Kommunstyrelsen"},
	{"arsredovisning", "årsredovisning", "12-31", "Kommunfullmäktige", "Kommunstyrelsen"},
	{"verksamhetsberattelse", "verksamhetsberättelse", "12-31", NULL, NULL},
};

/* Text or attribute value with & < > " escaped. */
static void put_escaped(FILE *f, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': fputs("&amp;", f); break;
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '"': fputs("&quot;", f); break;
		default: fputc(*s, f);
		}
	}
}

static bool digits(const char *s, size_t n)
{
	if (strlen(s) != n)
		return false;
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

static void write_head(FILE *f, const struct report_kind *k, const struct cli *c, int ar)
{
	bool vb = !k->instans;
	const char *namnd = c->ny.namnd ? c->ny.namnd : "[fyll i nämndens namn]";
	fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	        "<!-- Startdokument: %s %d för ", k->title, ar);
	put_escaped(f, c->ny.kommun);
	fputs(", skapat med styrrapport ny.\n"
	      "     Ersätt varje text som börjar med [fyll i ...]: så länge någon står kvar varnar\n"
	      "     styrrapport validate (MALLTEXT). Kontrollera med: styrrapport validate FIL\n"
	      "     Sätt PDF:en med: styrrapport render FIL -o rapport.pdf\n"
	      "     Modellen beskrivs i docs/MODEL.md, guiden i docs/kom-igang.md. -->\n", f);
	fprintf(f, "<rapport xmlns=\"urn:styrrapport:1\" typ=\"%s\" ar=\"%d\"%s>\n", k->typ, ar,
	        vb ? " namndref=\"NAMND\"" : "");
	fprintf(f, "  <!-- Diariet: diarienumret följer kommunens diarieformat (se kommun nedan). -->\n"
	        "  <diarium>\n"
	        "    <diarienummer>%s %d/1</diarienummer>  <!-- ersätt med ärendets nummer -->\n",
	        vb ? "NAMND" : "KS", ar);
	fputs("    <beslutsinstans>", f);
	put_escaped(f, vb ? namnd : k->instans);
	fputs("</beslutsinstans>\n", f);
	if (k->beredande)
		fprintf(f, "    <beredande>%s</beredande>\n", k->beredande);
	fprintf(f, "    <!-- Utan beslutsdatum är rapporten ett FÖRSLAG (märkt på varje sida).\n"
	        "    <beslutsdatum>%d-%s</beslutsdatum>\n"
	        "    <paragraf>§ 1</paragraf> -->\n"
	        "    <handlaggare>[fyll i handläggarens namn]</handlaggare>\n"
	        "  </diarium>\n", ar + (k->till[0] == '1'), k->till[0] == '1' ? "03-31" : "10-31");
	fputs("  <kommun namn=\"", f);
	put_escaped(f, c->ny.kommun);
	fprintf(f, "\" kommunkod=\"%s\">\n"
	        "    <!-- <logotyp href=\"logotyp.png\"/>  PNG eller JPEG i dokumentets mapp -->\n"
	        "    <vision>[fyll i kommunens vision]</vision>\n"
	        "  </kommun>\n"
	        "  <period fran=\"%d-01-01\" till=\"%d-%s\"/>\n", c->ny.kommunkod, ar, ar, k->till);
	fputs("  <!-- Målnivåerna uppifrån och ned; varje kommun namnger sina egna. -->\n"
	      "  <malnivaer>\n"
	      "    <niva id=\"kfmal\" namn=\"Kommunfullmäktiges mål\"/>\n"
	      "    <niva id=\"namnd\" namn=\"Nämndmål\"/>\n"
	      "  </malnivaer>\n"
	      "  <organisation>\n", f);
	if (!vb)
		fputs("    <namnd id=\"KS\" namn=\"Kommunstyrelsen\" forvaltning=\"Kommunledningsförvaltningen\"/>\n", f);
	fputs("    <namnd id=\"NAMND\" namn=\"", f);
	put_escaped(f, namnd);
	fputs("\" forvaltning=\"[fyll i förvaltningens namn]\"/>\n"
	      "  </organisation>\n", f);
}

static void write_body(FILE *f, const struct report_kind *k, int ar)
{
	bool vb = !k->instans;
	bool year_end = k->till[0] == '1';
	fputs("  <!-- Textavsnitt: stycke, lista/punkt, <b>fet</b> och <i>kursiv</i>. -->\n"
	      "  <avsnitt id=\"inledning\" rubrik=\"Inledning\">\n"
	      "    <stycke>[fyll i inledningen]</stycke>\n"
	      "  </avsnitt>\n", f);
	fputs("  <!-- Målen i trädform: ett mål står i målet på nivån ovanför. Status räknas fram\n"
	      "       ur indikatorerna; ge utfall för rapportåret när det finns. -->\n", f);
	if (!vb)
		fputs("  <mal id=\"M1\" niva=\"kfmal\" titel=\"[fyll i målets titel]\">\n", f);
	const char *in = vb ? "  " : "    ";
	fprintf(f, "%s<mal id=\"N1\" niva=\"namnd\" titel=\"[fyll i nämndmålets titel]\" namndref=\"NAMND\">\n", in);
	fprintf(f, "%s  <indikator id=\"I1\" namn=\"[fyll i indikatorns namn]\" enhet=\"%%\" riktning=\"hogre\">\n"
	        "%s    <utgangsvarde ar=\"%d\">0</utgangsvarde>  <!-- ersätt med utgångsvärdet -->\n"
	        "%s    <malvarde ar=\"%d\">0</malvarde>  <!-- ersätt med målvärdet -->\n"
	        "%s    <!-- <utfall ar=\"%d\">0</utfall> -->\n"
	        "%s  </indikator>\n", in, in, ar - 1, in, ar, in, ar, in);
	fprintf(f, "%s  <bedomning%s>[fyll i nämndens analys]</bedomning>\n", in,
	        year_end ? "" : " prognos=\"ej-bedomt\"");
	fprintf(f, "%s</mal>\n", in);
	if (!vb)
		fputs("  </mal>\n", f);
	fprintf(f, "  <!-- Ekonomin i mnkr med en decimal. %s -->\n"
	        "  <ekonomi enhet=\"mnkr\" decimaler=\"1\">\n"
	        "    <driftredovisning>\n", year_end ? "Utfall är helårets." : "Prognos är helårsprognosen.");
	if (!vb)
		fputs("      <rad namndref=\"KS\" budget=\"0\" utfall=\"0\" prognos=\"0\"/>\n", f);
	fputs("      <rad namndref=\"NAMND\" budget=\"0\" utfall=\"0\" prognos=\"0\"/>\n"
	      "    </driftredovisning>\n"
	      "  </ekonomi>\n", f);
	if (year_end && !vb)   /* LKBR 11 kap.: the årsredovisning reports the sick leave */
		fprintf(f, "  <!-- Sjukfrånvaron i procent av den tillgängliga arbetstiden (LKBR 11 kap.);\n"
		        "       ersätt nollorna med årets värden. -->\n"
		        "  <personal>\n"
		        "    <sjukfranvaro niva=\"kommun\" ar=\"%d\" total=\"0\" langtid=\"0\" kvinnor=\"0\" "
		        "man=\"0\" till-29=\"0\" fran-30-till-49=\"0\" fran-50=\"0\"/>\n"
		        "  </personal>\n", ar);
	if (!vb)
		fputs("  <!-- En nämnd kan lämna sin del som en egen fil (rot namndbidrag), t.ex.:\n"
		      "  <xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"namnder/bun.xml\"/> -->\n", f);
	fputs("</rapport>\n", f);
}

static int write_file(const char *path, const char *text, size_t len)
{
	if (strcmp(path, "-") == 0)
		return fwrite(text, 1, len, stdout) == len && fflush(stdout) == 0 ? SR_OK : SR_RUNTIME;
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	if (fd < 0) {
		fprintf(stderr, "%s:0: fel: [FIL-SKRIVA] startdokumentet kan inte skapas: %s\n", path,
		        errno == EEXIST ? "filen finns redan (den skrivs aldrig över)" : sr_strerror(errno));
		return SR_RUNTIME;
	}
	size_t done = 0;
	while (done < len) {
		ssize_t n = write(fd, text + done, len - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		done += (size_t)n;
	}
	int e = errno;
	if (close(fd) != 0 || done < len) {
		fprintf(stderr, "%s:0: fel: [FIL-SKRIVA] startdokumentet kan inte skrivas: %s\n", path,
		        sr_strerror(done < len ? e : errno));
		unlink(path);
		return SR_RUNTIME;
	}
	return SR_OK;
}

int cli_new(sr_session *s, const struct cli *c)
{
	const struct report_kind *k = NULL;
	for (size_t i = 0; c->ny.typ && i < sizeof kinds / sizeof kinds[0]; i++)
		if (strcmp(kinds[i].typ, c->ny.typ) == 0)
			k = &kinds[i];
	if (!k)
		return cli_usage_error(c->ny.typ ? "okänd --typ '%s': uppfoljning, delarsrapport, arsredovisning "
		                       "eller verksamhetsberattelse" : "%sny kräver --typ", c->ny.typ ? c->ny.typ : "");
	if (!c->ny.kommun)
		return cli_usage_error("%s", "ny kräver --kommun, t.ex. --kommun 'Hofors kommun'");
	if (!c->ny.kommunkod || !digits(c->ny.kommunkod, 4))
		return cli_usage_error("%s", "ny kräver --kommunkod med fyra siffror, t.ex. --kommunkod 2104");
	int ar;
	if (c->ny.ar) {
		if (!digits(c->ny.ar, 4) || (ar = atoi(c->ny.ar)) < 1900)
			return cli_usage_error("--ar ska vara ett årtal med fyra siffror, inte '%s'", c->ny.ar);
	} else {
		time_t now = time(NULL);
		struct tm tm;
		ar = localtime_r(&now, &tm) ? tm.tm_year + 1900 : 2025;
	}
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	if (!f)
		return SR_RUNTIME;
	write_head(f, k, c, ar);
	write_body(f, k, ar);
	fclose(f);
	/* checked as the user will check it: an invalid skeleton is a bug, never written */
	sr_report *r = sr_open_memory(s, text, len, c->out && strcmp(c->out, "-") != 0 ? c->out : "-");
	int st = sr_status(r);
	if (st != SR_OK)
		cli_print_diagnostics(c, r, stderr);
	sr_close(r);
	if (st == SR_OK)
		st = write_file(c->out ? c->out : "-", text, len);
	free(text);
	return st;
}
