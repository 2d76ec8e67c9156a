/* SPDX-License-Identifier: Apache-2.0 */
/* test_load_include.c - xi:include resolved by the loader: merged contributions,
 * diagnostics naming the included file, and every refused href. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#include "load.h"

#define MAIN SR_TEST_DATA "/load/inc/main.xml"

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
	"<rapport xmlns=\"urn:styrrapport:1\" xmlns:xi=\"http://www.w3.org/2001/XInclude\" typ=\"delarsrapport\" ar=\"2024\">\n" \
	"<diarium><diarienummer>KS 2024/1</diarienummer><beslutsinstans>KF</beslutsinstans><handlaggare>A</handlaggare></diarium>\n" \
	"<kommun namn=\"K\" kommunkod=\"2999\"/>\n" \
	"<period fran=\"2024-01-01\" till=\"2024-08-31\"/>\n" \
	"<organisation><namnd id=\"BUN\" namn=\"B\"/></organisation>\n"
#define TAIL "</rapport>\n"
#define BIDRAG "<namndbidrag xmlns=\"urn:styrrapport:1\" namndref=\"BUN\">\n<rad budget=\"1\" utfall=\"1\"/>\n</namndbidrag>\n"

static load_schema *schema;
static char tmp[64];      /* <tmp>/doc is the main folder, <tmp>/ute lies outside */

static void write_file(const char *rel, const char *text)
{
	char path[256];
	snprintf(path, sizeof path, "%s/%s", tmp, rel);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static int setup(void **state)
{
	(void)state;
	schema = load_schema_new();
	snprintf(tmp, sizeof tmp, "/tmp/test_load_inc_XXXXXX");
	if (!schema || !mkdtemp(tmp))
		return -1;
	char p[256];
	snprintf(p, sizeof p, "%s/doc", tmp);
	mkdir(p, 0700);
	snprintf(p, sizeof p, "%s/doc/sub", tmp);
	mkdir(p, 0700);
	snprintf(p, sizeof p, "%s/ute", tmp);
	mkdir(p, 0700);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	load_schema_free(schema);
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp);
	return system(cmd) == 0 ? 0 : -1;
}

/* Writes doc/main.xml with body and loads it. */
static sr_model *load_main(const char *body, diag_sink *d)
{
	char text[4096], path[256];
	snprintf(text, sizeof text, HEAD "%s" TAIL, body);
	write_file("doc/main.xml", text);
	snprintf(path, sizeof path, "%s/doc/main.xml", tmp);
	diag_init(d);
	return load_document(path, schema, d);
}

static const diag *find(const diag_sink *d, enum diag_code code)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->items[i].code == code)
			return &d->items[i];
	for (size_t i = 0; i < d->n; i++)
		print_message("  got %s:%ld [%s] %s\n", d->items[i].file, d->items[i].line,
		              diag_code_name(d->items[i].code), d->items[i].message);
	fail_msg("no diagnostic %s", diag_code_name(code));
	return NULL;
}

static bool ends_with(const char *s, const char *end)
{
	size_t a = strlen(s), b = strlen(end);
	return a >= b && strcmp(s + a - b, end) == 0;
}

/* Loads body and expects NULL with code on line 7 of main.xml. */
static void refused(const char *body, enum diag_code code, const char *needle)
{
	diag_sink d;
	sr_model *m = load_main(body, &d);
	assert_null(m);
	const diag *g = find(&d, code);
	assert_int_equal(g->line, 7);
	assert_true(ends_with(g->file, "doc/main.xml"));
	if (needle && !strstr(g->message, needle))
		fail_msg("message '%s' lacks '%s'", g->message, needle);
	diag_free(&d);
}

static void good_include_merged(void **state)
{
	(void)state;
	diag_sink d;
	diag_init(&d);
	sr_model *m = load_document(MAIN, schema, &d);
	assert_non_null(m);
	/* its number error names the included file and its line; the model still comes */
	assert_int_equal(d.n, 1);
	assert_int_equal(d.items[0].code, D_NUM_SYNTAX);
	assert_string_equal(d.items[0].file, SR_TEST_DATA "/load/inc/namnder/bun.xml");
	assert_int_equal(d.items[0].line, 7);
	assert_int_equal(m->n_bidrag, 1);
	assert_string_equal(m->bidrag[0].namndref, "BUN");
	assert_string_equal(m->bidrag[0].loc.file, SR_TEST_DATA "/load/inc/namnder/bun.xml");
	mal *n1 = model_find_goal(m, "N1");
	assert_non_null(n1);
	assert_ptr_equal(n1->parent, model_find_goal(m, "S1"));
	assert_string_equal(n1->bidrag_namndref, "BUN");
	assert_int_equal(n1->loc.line, 4);
	assert_int_equal(m->n_roots, 2);
	assert_true(m->has_ekonomi && m->ekonomi.has_drift && m->ekonomi.has_investeringar);
	assert_int_equal(m->ekonomi.n_drift, 1);
	assert_true(m->ekonomi.drift[0].from_bidrag);
	assert_string_equal(m->ekonomi.drift[0].namndref, "BUN");
	assert_string_equal(m->ekonomi.projekt[0].namndref, "BUN");
	assert_true(m->has_personal);
	assert_string_equal(m->personal[0].namndref, "BUN");
	assert_true(m->personal[0].from_bidrag);
	assert_string_equal(m->avsnitt[0]->namndref, "BUN");
	bool found = false;
	for (size_t i = 0; i < m->n_texts; i++)
		if (strstr(m->texts[i].text, "Sjövik"))
			found = ends_with(m->texts[i].loc.file, "namnder/bun.xml") && m->texts[i].loc.line == 3;
	assert_true(found);
	model_free(m);
	diag_free(&d);
}

static void included_errors_name_their_file(void **state)
{
	(void)state;
	write_file("doc/sub/fel.xml", "<namndbidrag xmlns=\"urn:styrrapport:1\" namndref=\"BUN\">\n\n<okand/>\n</namndbidrag>\n");
	diag_sink d;
	assert_null(load_main("<xi:include href=\"sub/fel.xml\"/>\n", &d));
	const diag *g = find(&d, D_SCHEMA_ELEMENT);
	assert_true(ends_with(g->file, "doc/sub/fel.xml"));
	assert_int_equal(g->line, 3);
	diag_free(&d);
	write_file("doc/sub/trasig.xml", "<namndbidrag xmlns=\"urn:styrrapport:1\">\n<rad>\n</namndbidrag>\n");
	assert_null(load_main("<xi:include href=\"sub/trasig.xml\"/>\n", &d));
	g = find(&d, D_XML_SYNTAX);
	assert_true(ends_with(g->file, "doc/sub/trasig.xml"));
	assert_int_equal(g->line, 3);
	diag_free(&d);
	write_file("doc/sub/dt.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e \"e\">]>\n<namndbidrag/>\n");
	assert_null(load_main("<xi:include href=\"sub/dt.xml\"/>\n", &d));
	g = find(&d, D_XML_DOCTYPE);
	assert_true(ends_with(g->file, "doc/sub/dt.xml"));
	assert_int_equal(g->line, 2);
	diag_free(&d);
}

static void nested_include_relative_to_includer(void **state)
{
	(void)state;
	write_file("doc/sub/a.xml", "<namndbidrag xmlns=\"urn:styrrapport:1\" xmlns:xi=\"http://www.w3.org/2001/XInclude\" namndref=\"BUN\">\n"
	           "<xi:include href=\"../sub/b.xml\"/>\n</namndbidrag>\n");
	write_file("doc/sub/b.xml", "<mal xmlns=\"urn:styrrapport:1\" id=\"B1\" niva=\"x\" titel=\"T\" tal=\"1\"/>\n");
	diag_sink d;
	assert_null(load_main("<xi:include href=\"sub/a.xml\"/>\n", &d));
	const diag *g = find(&d, D_SCHEMA_ATTR);   /* the goal came through two includes */
	assert_true(ends_with(g->file, "doc/sub/../sub/b.xml"));   /* named as written */
	assert_int_equal(g->line, 1);
	diag_free(&d);
}

static void refused_paths(void **state)
{
	(void)state;
	write_file("ute/x.xml", BIDRAG);
	refused("<xi:include href=\"../ute/x.xml\"/>\n", D_INC_PATH, "utanför");
	refused("<xi:include href=\"sub/../../ute/x.xml\"/>\n", D_INC_PATH, NULL);
	char body[512];
	snprintf(body, sizeof body, "<xi:include href=\"%s/ute/x.xml\"/>\n", tmp);
	refused(body, D_INC_PATH, "absolut");
	refused("<xi:include href=\"file:///etc/passwd\"/>\n", D_INC_PATH, "URI");
	refused("<xi:include href=\"finns-inte.xml\"/>\n", D_INC_READ, "finns inte");
}

static void refused_symlink_out(void **state)
{
	(void)state;
	char target[256], link[256];
	snprintf(target, sizeof target, "%s/ute/x.xml", tmp);
	snprintf(link, sizeof link, "%s/doc/lank.xml", tmp);
	write_file("ute/x.xml", BIDRAG);
	unlink(link);
	assert_int_equal(symlink(target, link), 0);
	refused("<xi:include href=\"lank.xml\"/>\n", D_INC_PATH, "symbolisk länk");
	/* a link that stays inside is fine */
	write_file("doc/sub/inne.xml", BIDRAG);
	snprintf(target, sizeof target, "%s/doc/sub/inne.xml", tmp);
	snprintf(link, sizeof link, "%s/doc/lank2.xml", tmp);
	unlink(link);
	assert_int_equal(symlink(target, link), 0);
	diag_sink d;
	sr_model *m = load_main("<xi:include href=\"lank2.xml\"/>\n", &d);
	assert_non_null(m);
	assert_int_equal(m->ekonomi.n_drift, 1);
	model_free(m);
	diag_free(&d);
}

static void network_never_fetched(void **state)
{
	(void)state;
	int s = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
	assert_true(s >= 0);
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	socklen_t al = sizeof a;
	assert_int_equal(bind(s, (struct sockaddr *)&a, sizeof a), 0);
	assert_int_equal(listen(s, 4), 0);
	assert_int_equal(getsockname(s, (struct sockaddr *)&a, &al), 0);
	char body[256];
	snprintf(body, sizeof body, "<xi:include href=\"http://127.0.0.1:%d/x.xml\"/>\n", ntohs(a.sin_port));
	refused(body, D_INC_PATH, "nätverk");
	assert_int_equal(accept(s, NULL, NULL), -1);   /* nobody ever connected */
	assert_true(errno == EAGAIN || errno == EWOULDBLOCK);
	close(s);
}

static void loops_refused(void **state)
{
	(void)state;
	refused("<xi:include href=\"main.xml\"/>\n", D_INC_LOOP, "sig själv");
	write_file("doc/sub/p.xml", "<namndbidrag xmlns=\"urn:styrrapport:1\" xmlns:xi=\"http://www.w3.org/2001/XInclude\" namndref=\"BUN\">\n"
	           "<xi:include href=\"q.xml\"/>\n</namndbidrag>\n");
	write_file("doc/sub/q.xml", "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"p.xml\"/>\n");
	diag_sink d;
	assert_null(load_main("<xi:include href=\"sub/p.xml\"/>\n", &d));
	const diag *g = find(&d, D_INC_LOOP);
	assert_true(ends_with(g->file, "doc/sub/q.xml"));
	assert_int_equal(g->line, 1);
	diag_free(&d);
}

static void bad_forms_refused(void **state)
{
	(void)state;
	write_file("doc/sub/ok.xml", BIDRAG);
	refused("<xi:include href=\"sub/ok.xml\" xpointer=\"x\"/>\n", D_INC_FORM, "xpointer");
	refused("<xi:include href=\"sub/ok.xml\" parse=\"text\"/>\n", D_INC_FORM, "parse=\"text\"");
	refused("<xi:include href=\"sub/ok.xml\"><xi:fallback/></xi:include>\n", D_INC_FORM, "fallback");
	refused("<xi:include/>\n", D_INC_FORM, "href");
	diag_sink d;
	sr_model *m = load_main("<xi:include href=\"sub/ok.xml\" parse=\"xml\"/>\n", &d);
	assert_non_null(m);
	assert_int_equal(d.n, 0);
	model_free(m);
	diag_free(&d);
}

/* Eight files, each including the next eight times: 8 + 64 + 512 + 4096 includes
 * from a few hundred bytes. Stopped at LOAD_MAX_INCLUDES with one message. */
static void fan_out_bomb_limited(void **state)
{
	(void)state;
	static const char *const names[] = { "f0.xml", "f1.xml", "f2.xml", "f3.xml" };
	for (int lvl = 0; lvl < 4; lvl++) {
		char text[2048], rel[64];
		size_t o = (size_t)snprintf(text, sizeof text, "<namndbidrag xmlns=\"urn:styrrapport:1\" "
		                            "xmlns:xi=\"http://www.w3.org/2001/XInclude\" namndref=\"BUN\">\n");
		for (int k = 0; k < 8 && lvl < 3; k++)
			o += (size_t)snprintf(text + o, sizeof text - o, "<xi:include href=\"%s\"/>\n", names[lvl + 1]);
		snprintf(text + o, sizeof text - o, "</namndbidrag>\n");
		snprintf(rel, sizeof rel, "doc/%s", names[lvl]);
		write_file(rel, text);
	}
	diag_sink d;
	char body[1024] = "";
	for (int k = 0; k < 8; k++)
		strcat(body, "<xi:include href=\"f0.xml\"/>\n");
	assert_null(load_main(body, &d));
	const diag *g = find(&d, D_XML_LIMIT);
	assert_non_null(strstr(g->message, "fler än 1000 xi:include"));
	size_t limits = 0;
	for (size_t i = 0; i < d.n; i++)
		limits += d.items[i].code == D_XML_LIMIT;
	assert_int_equal(limits, 1);   /* told once, not for every dropped include */
	diag_free(&d);
}

/* Seven includes of a 9.5 MiB file (white space and comments in the root; libxml2
 * itself refuses a file past about 10 MB) are 66.5 MiB spliced: the seventh is refused
 * before it is parsed. */
static void spliced_bytes_limited(void **state)
{
	(void)state;
	char path[256];
	snprintf(path, sizeof path, "%s/doc/stor.xml", tmp);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs("<namndbidrag xmlns=\"urn:styrrapport:1\" namndref=\"BUN\">", f);
	static char spaces[1 << 16];
	memset(spaces, ' ', sizeof spaces);
	for (size_t i = 63; i < sizeof spaces; i += 64)
		spaces[i] = '\n';
	for (int i = 0; i < 152; i++) {   /* a comment now and then: libxml2 refuses */
		fwrite(spaces, 1, sizeof spaces, f);   /* 10 MB of unbroken white space */
		fputs("<!---->", f);
	}
	fputs("</namndbidrag>\n", f);
	fclose(f);
	diag_sink d;
	char body[512] = "";
	for (int k = 0; k < 7; k++)
		strcat(body, "<xi:include href=\"stor.xml\"/>\n");
	assert_null(load_main(body, &d));
	const diag *g = find(&d, D_XML_LIMIT);
	assert_int_equal(d.errors, 1);
	assert_int_equal(g->line, 13);
	assert_non_null(strstr(g->message, "tillsammans större än 64 MiB"));
	diag_free(&d);
	unlink(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(good_include_merged),
		cmocka_unit_test(included_errors_name_their_file),
		cmocka_unit_test(nested_include_relative_to_includer),
		cmocka_unit_test(refused_paths),
		cmocka_unit_test(refused_symlink_out),
		cmocka_unit_test(network_never_fetched),
		cmocka_unit_test(loops_refused),
		cmocka_unit_test(bad_forms_refused),
		cmocka_unit_test(fan_out_bomb_limited),
		cmocka_unit_test(spliced_bytes_limited),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
