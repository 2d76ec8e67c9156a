/* main.c - the styrrapport command line: a thin shell over styrrapport.h. */
#include "cli.h"
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char usage_text[] =
	"Användning:\n"
	"  styrrapport validate FIL...              kontrollera dokument\n"
	"  styrrapport compute FIL                  skriv de beräknade värdena som XML\n"
	"  styrrapport render FIL... [-o UT]        sätt rapporten som PDF (PDF/A-2b)\n"
	"      -o UT           PDF-fil, eller mapp när flera filer eller en mapp ges\n"
	"      --no-pdfa       vanlig PDF i stället för PDF/A-2b\n"
	"      --manifest      skriv även UT.xml (manifest för diariet)\n"
	"      --layout FIL    kommunens egen layoutfil\n"
	"  styrrapport dump FIL [--layout FIL]      skriv de satta sidornas innehåll som text\n"
	"  styrrapport --help | --version | --list-codes\n"
	"\n"
	"Slutstatus: 0 giltigt (varningar tillåtna), 1 ogiltigt dokument eller layout,\n"
	"2 fel användning, 3 en fil kunde inte läsas eller skrivas eller annat körfel.\n"
	"Med flera filer gäller den högsta.\n";

int cli_usage_error(const char *fmt, const char *arg)
{
	fputs("styrrapport: fel: ", stderr);
	fprintf(stderr, fmt, arg);
	fputs("\n\n", stderr);
	fputs(usage_text, stderr);
	return SR_USAGE;
}

/* Parses argv into cli; returns -1 on success or an exit code to stop with. */
static int parse_args(int argc, char **argv, struct cli *c)
{
	memset(c, 0, sizeof *c);
	c->inputs = calloc((size_t)argc, sizeof *c->inputs);
	if (!c->inputs)
		return SR_RUNTIME;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			fputs(usage_text, stdout);
			return SR_OK;
		} else if (strcmp(a, "--list-codes") == 0) {
			sr_print_catalogue(stdout);
			return SR_OK;
		} else if (strcmp(a, "--version") == 0) {
			printf("styrrapport %s\n", sr_version());
			return SR_OK;
		} else if (strcmp(a, "-o") == 0 || strcmp(a, "--layout") == 0) {
			if (i + 1 >= argc)
				return cli_usage_error("%s kräver ett argument", a);
			*(a[1] == 'o' ? &c->out : &c->render.layout_path) = argv[++i];
		} else if (strcmp(a, "--no-pdfa") == 0) {
			c->render.no_pdfa = true;
		} else if (strcmp(a, "--manifest") == 0) {
			c->render.manifest = true;
		} else if (a[0] == '-' && a[1]) {
			return cli_usage_error("okänd flagga: %s", a);
		} else if (!c->command) {
			c->command = a;
		} else {
			c->inputs[c->n_inputs++] = a;
		}
	}
	if (!c->command)
		return cli_usage_error("%s", "ange ett kommando: validate, compute eller render");
	if (c->n_inputs == 0)
		return cli_usage_error("%s: ange minst en fil", c->command);
	return -1;
}

static int cmd_validate(sr_session *s, const struct cli *c)
{
	int worst = SR_OK;
	for (size_t i = 0; i < c->n_inputs; i++) {
		sr_report *r = sr_open(s, c->inputs[i]);
		sr_print_diagnostics(r, stderr);
		if (sr_status(r) > worst)
			worst = sr_status(r);
		sr_close(r);
	}
	return worst;
}

static int cmd_dump(sr_session *s, const struct cli *c)
{
	if (c->n_inputs != 1)
		return cli_usage_error("%s", "dump tar exakt en fil");
	sr_report *r = sr_open(s, c->inputs[0]);
	int st = sr_dump_layout(r, stdout, &c->render);
	sr_print_diagnostics(r, stderr);
	sr_close(r);
	return st;
}

static int cmd_compute(sr_session *s, const struct cli *c)
{
	if (c->n_inputs != 1)
		return cli_usage_error("%s", "compute tar exakt en fil");
	sr_report *r = sr_open(s, c->inputs[0]);
	int st = sr_write_computed(r, stdout);
	sr_print_diagnostics(r, stderr);
	sr_close(r);
	return st;
}

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "import") == 0)   /* issue 17: own options (cli_import.c) */
		return cli_import(argc - 1, argv + 1);
	struct cli c;
	int st = parse_args(argc, argv, &c);
	if (st >= 0) {
		free(c.inputs);
		return st;
	}
	char why[512] = "";
	sr_session *s = sr_session_new(NULL, why, sizeof why);
	if (!s) {
		fprintf(stderr, "styrrapport: fel: %s\n", why);
		free(c.inputs);
		return SR_RUNTIME;
	}
	if (strcmp(c.command, "validate") == 0)
		st = cmd_validate(s, &c);
	else if (strcmp(c.command, "compute") == 0)
		st = cmd_compute(s, &c);
	else if (strcmp(c.command, "dump") == 0)
		st = cmd_dump(s, &c);
	else if (strcmp(c.command, "render") == 0)
		st = cli_render(s, &c);
	else
		st = cli_usage_error("okänt kommando: %s", c.command);
	sr_session_free(s);
	free(c.inputs);
	return st;
}
