/* SPDX-License-Identifier: Apache-2.0 */
/* main.c - the styrrapport command line: a thin shell over styrrapport.h. Options are
 * parsed GNU style (getopt_long: --layout=FIL, -oFIL, options after file names, --);
 * the commands are one table, so a new command is one line below. */
#include "cli.h"
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

/* Which options a command accepts. */
enum {
	OPT_OUT = 1 << 0,
	OPT_LAYOUT = 1 << 1,
	OPT_NO_PDFA = 1 << 2,
	OPT_MANIFEST = 1 << 3,
	OPT_NEW = 1 << 4,     /* --typ --kommun --kommunkod --ar --namnd */
	OPT_HTML = 1 << 5,    /* render --html MAPP (issue 15) */
	OPT_PDF = 1 << 6,     /* html --pdf FIL|ADRESS */
};

static int cmd_validate(sr_session *s, const struct cli *c);
static int cmd_compute(sr_session *s, const struct cli *c);
static int cmd_dump(sr_session *s, const struct cli *c);

static const struct command {
	const char *name;
	const char *synopsis;     /* after the name, in --help and the manual */
	const char *summary;
	unsigned options;         /* OPT_* accepted besides the global ones */
	int min_inputs, max_inputs;   /* max -1: any number */
	int (*run)(sr_session *s, const struct cli *c);
	/* Or a command that parses its own options (argv[0] is its name) and makes its own
	 * session over data_dir (NULL: the installed data). */
	int (*run_own)(int argc, char **argv, const char *data_dir);
} commands[] = {
	{"validate", "FIL...", "kontrollera dokument", 0, 1, -1, cmd_validate, NULL},
	{"compute", "FIL", "skriv de beräknade värdena som XML", 0, 1, 1, cmd_compute, NULL},
	{"render", "FIL... [-o UT] [--html MAPP]", "sätt rapporten som taggad PDF (PDF/A-2a, PDF/UA-1)",
	 OPT_OUT | OPT_LAYOUT | OPT_NO_PDFA | OPT_MANIFEST | OPT_HTML, 1, -1, cli_render, NULL},
	{"dump", "FIL [--layout FIL]", "skriv de satta sidornas innehåll som text", OPT_LAYOUT, 1, 1, cmd_dump,
	 NULL},
	{"ny", "--typ TYP --kommun NAMN --kommunkod KOD [-o UT]",
	 "skriv ett kommenterat startdokument", OPT_OUT | OPT_NEW, 0, 0, cli_new, NULL},
	{"import", "FIL DATA... (-o NY.xml | --i-stallet | --kontroll)",
	 "fyll i värden från Kolada och ekonomisystemets CSV-filer (se styrrapport import --help)", 0, 0, 0,
	 NULL, cli_import},
	{"html", "FIL... -o MAPP [--pdf PDF]", "skriv rapporten som en liten webbplats (tillgänglig HTML)",
	 OPT_OUT | OPT_LAYOUT | OPT_PDF, 1, -1, cli_html, NULL},
};
#define N_COMMANDS (sizeof commands / sizeof commands[0])

/* The options: getopt_long's table and the help text come from this one list. */
enum { LO_HELP = 'h', LO_VERSION = 'V', LO_OUT = 'o', LO_LIST_CODES = 256, LO_LAYOUT,
       LO_NO_PDFA, LO_MANIFEST, LO_HTML, LO_PDF, LO_DIAGNOSTICS, LO_TYP, LO_KOMMUN, LO_KOMMUNKOD, LO_AR, LO_NAMND };
static const struct opt_info {
	const char *name;
	int has_arg, val;
	unsigned bit;          /* 0: global */
	const char *arg, *help;
} opts[] = {
	{"output", required_argument, LO_OUT, OPT_OUT, "UT",
	 "utfil (- är standard ut); för render en mapp när flera filer eller en mapp ges"},
	{"layout", required_argument, LO_LAYOUT, OPT_LAYOUT, "FIL", "kommunens egen layoutfil"},
	{"no-pdfa", no_argument, LO_NO_PDFA, OPT_NO_PDFA, NULL, "utan PDF/A (fortfarande taggad PDF/UA-1)"},
	{"manifest", no_argument, LO_MANIFEST, OPT_MANIFEST, NULL, "skriv även UT.xml (manifest för diariet)"},
	{"html", required_argument, LO_HTML, OPT_HTML, "MAPP",
	 "render: skriv även webbplatsen (HTML) i MAPP, med PDF:en i den"},
	{"pdf", required_argument, LO_PDF, OPT_PDF, "PDF",
	 "html: PDF:en som sidorna länkar till, en fil (kopieras in) eller en https-adress"},
	{"diagnostics", required_argument, LO_DIAGNOSTICS, 0, "FORMAT",
	 "meddelanden som text (standard) eller json, ett JSON-objekt per rad"},
	{"typ", required_argument, LO_TYP, OPT_NEW, "TYP",
	 "ny: uppfoljning, delarsrapport, arsredovisning eller verksamhetsberattelse"},
	{"kommun", required_argument, LO_KOMMUN, OPT_NEW, "NAMN", "ny: kommunens namn, t.ex. 'Hofors kommun'"},
	{"kommunkod", required_argument, LO_KOMMUNKOD, OPT_NEW, "KOD", "ny: kommunkoden, fyra siffror"},
	{"ar", required_argument, LO_AR, OPT_NEW, "ÅR", "ny: rapportåret (standard: i år)"},
	{"namnd", required_argument, LO_NAMND, OPT_NEW, "NAMN", "ny: nämndens namn (verksamhetsberättelse)"},
	{"list-codes", no_argument, LO_LIST_CODES, 0, NULL, "skriv alla meddelandekoder som tabell"},
	{"version", no_argument, LO_VERSION, 0, NULL, "visa version och licens"},
	{"help", no_argument, LO_HELP, 0, NULL, "visa den här hjälpen"},
};
#define N_OPTS (sizeof opts / sizeof opts[0])

static void print_help(FILE *out)
{
	fputs("Användning: styrrapport KOMMANDO [FLAGGOR] FIL...\n\nKommandon:\n", out);
	for (size_t i = 0; i < N_COMMANDS; i++)
		fprintf(out, "  styrrapport %s %s\n      %s\n", commands[i].name, commands[i].synopsis,
		        commands[i].summary);
	fputs("\nFlaggor:\n", out);
	for (size_t i = 0; i < N_OPTS; i++) {
		char head[64];
		const char *shortname = opts[i].val < 256 ? (const char[]){'-', (char)opts[i].val, ',', ' ', 0} : "    ";
		snprintf(head, sizeof head, "%s--%s%s%s", shortname, opts[i].name,
		         opts[i].arg ? "=" : "", opts[i].arg ? opts[i].arg : "");
		size_t width = 0;   /* in characters: "ÅR" is two bytes per letter */
		for (const char *p = head; *p; p++)
			width += ((unsigned char)*p & 0xC0) != 0x80;
		fprintf(out, "  %s%*s %s\n", head, width < 26 ? (int)(26 - width) : 0, "", opts[i].help);
	}
	fputs("\nFIL - läser dokumentet från standard in (xi:include utgår då från aktuell mapp).\n"
	      "Flaggor får stå före och efter filerna; -- avslutar flaggorna.\n"
	      "\nSlutstatus: 0 giltigt (varningar tillåtna), 1 ogiltigt dokument eller layout,\n"
	      "2 fel användning, 3 en fil kunde inte läsas eller skrivas eller annat körfel.\n"
	      "Med flera filer gäller den högsta. Se även styrrapport(1).\n", out);
}

static void print_version(void)
{
	printf("styrrapport %s\n"
	       "Copyright styrrapports upphovspersoner.\n"
	       "Licens: Apache License 2.0 <https://www.apache.org/licenses/LICENSE-2.0>.\n"
	       "Typsnittet Open Sans: Apache License 2.0; sRGB-profilen (icc-profiles-free): zlib-licensen.\n"
	       "Programmet levereras utan garantier, i den utsträckning lagen tillåter.\n",
	       sr_version());
}

int cli_usage_error(const char *fmt, const char *arg)
{
	fputs("styrrapport: fel: ", stderr);
	fprintf(stderr, fmt, arg);
	fputs("\nFörsök 'styrrapport --help' för mer information.\n", stderr);
	return SR_USAGE;
}

static const struct command *find_command(const char *name)
{
	for (size_t i = 0; i < N_COMMANDS; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

/* "validate, compute, render, dump eller ny" */
static int unknown_command(const char *fmt, const char *name)
{
	char list[512] = "";
	for (size_t i = 0; i < N_COMMANDS; i++) {
		size_t n = strlen(list);
		snprintf(list + n, sizeof list - n, "%s%s", i == 0 ? "" : i + 1 == N_COMMANDS ? " eller " : ", ",
		         commands[i].name);
	}
	char msg[768];
	snprintf(msg, sizeof msg, fmt, name ? name : "", list);
	return cli_usage_error("%s", msg);
}

/* An option with a value may be given once, and not empty. */
static int set_once(const char **slot, const char *value, const char *name)
{
	char what[64];
	snprintf(what, sizeof what, "%s%s", name[1] ? "--" : "-", name);
	if (*slot)
		return cli_usage_error("%s angavs mer än en gång", what);
	if (!*value)
		return cli_usage_error("%s kräver ett värde som inte är tomt", what);
	*slot = value;
	return -1;
}

static int take_option(struct cli *c, int val, const char *arg)
{
	switch (val) {
	case LO_OUT: return set_once(&c->out, arg, "o");
	case LO_LAYOUT: return set_once(&c->render.layout_path, arg, "layout");
	case LO_NO_PDFA: c->render.no_pdfa = true; return -1;
	case LO_MANIFEST: c->render.manifest = true; return -1;
	case LO_HTML: return set_once(&c->html, arg, "html");
	case LO_PDF: return set_once(&c->pdf, arg, "pdf");
	case LO_DIAGNOSTICS:
		if (strcmp(arg, "json") == 0)
			c->diag_format = CLI_DIAG_JSON;
		else if (strcmp(arg, "text") != 0)
			return cli_usage_error("--diagnostics tar text eller json, inte '%s'", arg);
		return -1;
	case LO_TYP: return set_once(&c->ny.typ, arg, "typ");
	case LO_KOMMUN: return set_once(&c->ny.kommun, arg, "kommun");
	case LO_KOMMUNKOD: return set_once(&c->ny.kommunkod, arg, "kommunkod");
	case LO_AR: return set_once(&c->ny.ar, arg, "ar");
	case LO_NAMND: return set_once(&c->ny.namnd, arg, "namnd");
	default: return -1;
	}
}

/* What getopt_long rejected (opterr is 0: the messages are ours, in Swedish). */
static int bad_option(int r, char **argv)
{
	const char *given = argv[optind - 1];
	if (r == ':')
		return cli_usage_error("%s kräver ett värde", given);
	if (optopt && optopt < 256) {
		char s[3] = {'-', (char)optopt, 0};
		return cli_usage_error("okänd flagga: %s", s);
	}
	return cli_usage_error("okänd flagga: %s", given);
}

/* Parses argv into c; returns -1 to go on, or an exit code to stop with. */
static int parse_args(int argc, char **argv, struct cli *c, const struct command **cmd)
{
	struct option longopts[N_OPTS + 1];
	for (size_t i = 0; i < N_OPTS; i++)
		longopts[i] = (struct option){opts[i].name, opts[i].has_arg, NULL, opts[i].val};
	longopts[N_OPTS] = (struct option){0};
	bool seen[N_OPTS] = {0};
	opterr = 0;
	for (int r; (r = getopt_long(argc, argv, ":o:hV", longopts, NULL)) != -1;) {
		if (r == '?' || r == ':')
			return bad_option(r, argv);
		if (r == LO_HELP) {
			print_help(stdout);
			return SR_OK;
		}
		if (r == LO_VERSION) {
			print_version();
			return SR_OK;
		}
		if (r == LO_LIST_CODES) {
			sr_print_catalogue(stdout);
			return SR_OK;
		}
		for (size_t i = 0; i < N_OPTS; i++)
			seen[i] |= opts[i].val == r;
		int st = take_option(c, r, optarg);
		if (st >= 0)
			return st;
	}
	if (optind >= argc)
		return unknown_command("ange ett kommando: %s%s", NULL);
	c->command = argv[optind++];
	*cmd = find_command(c->command);
	if (!*cmd)
		return unknown_command("okänt kommando: %s (kommandon: %s)", c->command);
	for (size_t i = 0; i < N_OPTS; i++)
		if (seen[i] && opts[i].bit && !((*cmd)->options & opts[i].bit)) {
			char msg[128];
			snprintf(msg, sizeof msg, "--%s gäller inte för %s", opts[i].name, c->command);
			return cli_usage_error("%s", msg);
		}
	size_t stdin_uses = 0;
	for (int i = optind; i < argc; i++) {
		c->inputs[c->n_inputs++] = argv[i];
		stdin_uses += strcmp(argv[i], "-") == 0;
	}
	if (stdin_uses > 1)
		return cli_usage_error("%s", "standard in (-) kan bara läsas en gång");
	if ((*cmd)->min_inputs > 0 && c->n_inputs == 0)
		return cli_usage_error("%s: ange minst en fil", c->command);
	if ((*cmd)->max_inputs >= 0 && c->n_inputs > (size_t)(*cmd)->max_inputs) {
		char msg[128];
		if ((*cmd)->max_inputs == 0)
			snprintf(msg, sizeof msg, "%s tar inga filer", c->command);
		else
			snprintf(msg, sizeof msg, "%s tar exakt en fil", c->command);
		return cli_usage_error("%s", msg);
	}
	return -1;
}

static int cmd_validate(sr_session *s, const struct cli *c)
{
	int worst = SR_OK;
	for (size_t i = 0; i < c->n_inputs; i++) {
		sr_report *r = cli_open(s, c->inputs[i]);
		cli_print_diagnostics(c, r, stderr);
		if (sr_status(r) > worst)
			worst = sr_status(r);
		sr_close(r);
	}
	return worst;
}

static int cmd_dump(sr_session *s, const struct cli *c)
{
	sr_report *r = cli_open(s, c->inputs[0]);
	int st = sr_dump_layout(r, stdout, &c->render);
	cli_print_diagnostics(c, r, stderr);
	sr_close(r);
	return st;
}

static int cmd_compute(sr_session *s, const struct cli *c)
{
	sr_report *r = cli_open(s, c->inputs[0]);
	int st = sr_write_computed(r, stdout);
	cli_print_diagnostics(c, r, stderr);
	sr_close(r);
	return st;
}

int main(int argc, char **argv)
{
	struct cli c = {0};
#ifdef SR_CLI_DATA_DIR
	/* the build tree's program reads the source tree, unless STYRRAPPORT_DATA says */
	if (!getenv("STYRRAPPORT_DATA"))
		c.data_dir = SR_CLI_DATA_DIR;
#endif
	const struct command *own = argc > 1 ? find_command(argv[1]) : NULL;
	if (own && own->run_own)   /* a command with options of its own (import) */
		return own->run_own(argc - 1, argv + 1, c.data_dir);
	c.inputs = calloc((size_t)argc + 1, sizeof *c.inputs);
	if (!c.inputs)
		return SR_RUNTIME;
	const struct command *cmd = NULL;
	int st = parse_args(argc, argv, &c, &cmd);
	if (st >= 0) {
		free(c.inputs);
		return st;
	}
	char why[512] = "";
	sr_session *s = sr_session_new(c.data_dir, why, sizeof why);
	if (!s) {
		fprintf(stderr, "styrrapport: fel: %s\n", why);
		free(c.inputs);
		return SR_RUNTIME;
	}
	st = cmd->run(s, &c);
	sr_session_free(s);
	free(c.inputs);
	return st;
}
