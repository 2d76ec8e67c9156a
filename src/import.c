/* SPDX-License-Identifier: Apache-2.0 */
/* import.c - `styrrapport import`: the document is validated, parsed once more as a tree
 * for editing (white space and comments kept), every data file is read and applied, and
 * the new document is serialised and validated again before anything is written. A
 * failed run writes nothing; a run with no change gives back the original bytes. */
#include "import_private.h"
#include "api_private.h"
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <libxml/parser.h>
#include <libxml/xmlsave.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct sr_import {
	sr_session *session;
	arena *a;
	diag_sink d;
	char *doc_path;
	sr_report *input;      /* the validated original (its model: includes, kommunkod) */
	char *result;          /* malloc'd; NULL until the run succeeded */
	size_t result_len;
	size_t changes;
};

/* A file's bytes, NUL-terminated, in arena memory; NULL with FIL-LASA. */
static char *read_file(sr_import *im, const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		diag_add(&im->d, D_FILE_READ, path, 0, "filen kan inte läsas: %s", sr_strerror(errno));
		return NULL;
	}
	struct stat st;
	if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
		diag_add(&im->d, D_FILE_READ, path, 0, "filen kan inte läsas: det är ingen vanlig fil");
		fclose(f);
		return NULL;
	}
	if ((unsigned long long)st.st_size > IMP_MAX_BYTES) {
		diag_add(&im->d, D_FILE_READ, path, 0, "filen är större än 64 MiB");
		fclose(f);
		return NULL;
	}
	char *buf = arena_alloc(im->a, (size_t)st.st_size + 1);
	size_t n = fread(buf, 1, (size_t)st.st_size, f);
	bool err = ferror(f) != 0;
	fclose(f);
	if (err) {
		diag_add(&im->d, D_FILE_READ, path, 0, "filen kan inte läsas: %s", sr_strerror(EIO));
		return NULL;
	}
	buf[n] = '\0';
	*len = n;
	return buf;
}

static char *copy_bytes(sr_import *im, const char *data, size_t len)
{
	char *buf = arena_alloc(im->a, len + 1);
	memcpy(buf, data, len);
	buf[len] = '\0';
	return buf;
}

/* Errors of a report (the original, or the result) into the import's sink. */
static void copy_errors(sr_import *im, const sr_report *r)
{
	for (size_t i = 0; i < r->diags.n; i++) {
		const diag *d = &r->diags.items[i];
		if (diag_code_level(d->code) == DIAG_ERROR)
			diag_add(&im->d, d->code, d->file, d->line, "%s", d->message);
	}
}

static void quiet(void *ctx, const xmlError *e)
{
	(void)ctx;
	(void)e;
}

/* The tree to edit: the same safe options as the loader, but white space and CDATA
 * kept as written. The loader has already accepted these bytes. */
static xmlDocPtr parse_for_edit(const char *data, size_t len, const char *name)
{
	xmlStructuredErrorFunc old = xmlStructuredError;
	void *old_ctx = xmlStructuredErrorContext;
	xmlSetStructuredErrorFunc(NULL, (xmlStructuredErrorFunc)quiet);
	xmlDocPtr doc = xmlReadMemory(data, (int)len, name, "UTF-8", XML_PARSE_NONET | XML_PARSE_BIG_LINES);
	xmlSetStructuredErrorFunc(old_ctx, old);
	if (doc && (doc->intSubset || doc->extSubset)) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
	return doc;
}

static void apply_source(sr_import *im, imp_ctx *c, const sr_import_source *src)
{
	size_t len = 0;
	const char *name = src->path ? src->path : "-";
	const char *data = src->data ? copy_bytes(im, src->data, src->len) : read_file(im, name, &len);
	if (src->data)
		len = src->len;
	if (!data)
		return;
	size_t before = im->d.errors;
	if (src->kind == SR_IMPORT_KOLADA) {
		imp_kolada k = { .file = name };
		imp_kolada_read(c, name, data, len, &k);
		if (im->d.errors == before)
			imp_kolada_apply(c, &k);
		free(k.obs);
		return;
	}
	imp_table t;
	if (!imp_csv_read(c, name, data, len, &t)) {
		free(t.rows);
		return;
	}
	switch (src->kind) {
	case SR_IMPORT_DRIFT: imp_apply_drift(c, &t); break;
	case SR_IMPORT_INVESTERINGAR: imp_apply_invest(c, &t); break;
	case SR_IMPORT_INDIKATORER: imp_apply_indicators(c, &t); break;
	case SR_IMPORT_RAKNING: imp_apply_rakning(c, src->rakning ? src->rakning : "", &t); break;
	case SR_IMPORT_KOLADA: break;
	}
	free(t.rows);
}

/* The edited tree as bytes, with an XML declaration exactly when the original had one. */
static char *serialise(xmlDocPtr doc, bool decl, size_t *len)
{
	xmlBufferPtr buf = xmlBufferCreate();
	xmlSaveCtxtPtr s = xmlSaveToBuffer(buf, "UTF-8", decl ? 0 : XML_SAVE_NO_DECL);
	char *out = NULL;
	if (s && xmlSaveDoc(s, doc) >= 0 && xmlSaveClose(s) >= 0) {
		s = NULL;
		*len = (size_t)xmlBufferLength(buf);
		out = xmalloc(*len + 1);
		memcpy(out, xmlBufferContent(buf), *len);
		out[*len] = '\0';
	}
	if (s)
		xmlSaveClose(s);
	xmlBufferFree(buf);
	return out;
}

static void validate_result(sr_import *im)
{
	sr_report *r = sr_open_memory(im->session, im->result, im->result_len, im->doc_path);
	if (sr_status(r) != SR_OK) {
		copy_errors(im, r);
		diag_add(&im->d, D_IMPORT_RESULT, im->doc_path, 0, "med de importerade värdena blir "
		         "dokumentet ogiltigt (felen ovan, med det nya dokumentets radnummer); inget skrivs");
		free(im->result);
		im->result = NULL;
	}
	sr_close(r);
}

static void run(sr_import *im, const char *data, size_t len, const sr_import_options *o)
{
	im->input = sr_open_memory(im->session, data, len, im->doc_path);
	if (sr_status(im->input) != SR_OK) {
		copy_errors(im, im->input);
		return;
	}
	xmlDocPtr doc = parse_for_edit(data, len, im->doc_path);
	if (!doc) {
		diag_add(&im->d, D_RUNTIME, im->doc_path, 0, "dokumentet kunde inte läsas in för redigering");
		return;
	}
	imp_ctx c = { .a = im->a, .d = &im->d, .doc_file = im->doc_path, .doc = doc,
	              .root = xmlDocGetRootElement(doc), .model = im->input->model };
	const char *kk = o->kommunkod;
	if (!kk && imp_child(c.root, "kommun"))
		kk = imp_attr(imp_child(c.root, "kommun"), "kommunkod");
	c.kommunkod = kk ? imp_municipality(im->a, kk) : NULL;
	if (kk && !c.kommunkod)
		diag_add(&im->d, D_IMPORT_TARGET, im->doc_path, 0, "kommunkoden '%s' är inga fyra siffror", kk);
	const char *ar = imp_attr(c.root, "ar");
	c.ar = ar ? atoi(ar) : 0;
	for (size_t i = 0; i < o->n_sources; i++)
		apply_source(im, &c, &o->sources[i]);
	im->changes = c.changes;
	if (im->d.errors == 0) {
		bool decl = len >= 5 && !memcmp(data + (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3) ? 3 : 0), "<?xml", 5);
		if (c.changes == 0) {   /* nothing new: the original, byte for byte */
			im->result = xmalloc(len + 1);
			memcpy(im->result, data, len);
			im->result[len] = '\0';
			im->result_len = len;
		} else if (!(im->result = serialise(doc, decl, &im->result_len))) {
			diag_add(&im->d, D_RUNTIME, im->doc_path, 0, "det nya dokumentet kunde inte skrivas i minnet");
		}
		if (im->result)
			validate_result(im);
	}
	xmlFreeDoc(doc);
}

static sr_import *import_new(sr_session *s, const char *name)
{
	sr_import *im = xcalloc(1, sizeof *im);
	im->session = s;
	im->a = arena_new();
	im->doc_path = xstrdup(name);
	diag_init(&im->d);
	return im;
}

sr_import *sr_import_run(sr_session *s, const char *doc_path, const sr_import_options *o)
{
	sr_import *im = import_new(s, doc_path);
	size_t len = 0;
	char *data = read_file(im, doc_path, &len);
	if (data)
		run(im, data, len, o);
	return im;
}

sr_import *sr_import_run_memory(sr_session *s, const char *data, size_t len, const char *name,
                                const sr_import_options *o)
{
	sr_import *im = import_new(s, name);
	run(im, copy_bytes(im, data, len), len, o);
	return im;
}

int sr_import_status(const sr_import *im)
{
	if (im->d.worst_exit == SR_OK && !im->result)
		return SR_RUNTIME;
	return im->d.worst_exit;
}

size_t sr_import_change_count(const sr_import *im)
{
	return im->changes;
}

const char *sr_import_result(const sr_import *im, size_t *len)
{
	*len = im->result ? im->result_len : 0;
	return sr_import_status(im) == SR_OK ? im->result : NULL;
}

/* After an error the change lines are left out: nothing was changed. */
void sr_import_print(const sr_import *im, FILE *out)
{
	if (im->d.errors == 0) {
		diag_print(&im->d, out);
		return;
	}
	diag_sink only;
	diag_init(&only);
	for (size_t i = 0; i < im->d.n; i++)
		if (diag_code_level(im->d.items[i].code) != DIAG_INFO)
			diag_add(&only, im->d.items[i].code, im->d.items[i].file, im->d.items[i].line, "%s",
			         im->d.items[i].message);
	diag_print(&only, out);
	diag_free(&only);
}

void sr_import_free(sr_import *im)
{
	if (!im)
		return;
	sr_close(im->input);
	free(im->result);
	free(im->doc_path);
	diag_free(&im->d);
	arena_free(im->a);
	free(im);
}

/* ---- writing: a temporary file beside the target, fsync, rename, fsync the folder */
static bool is_included(const sr_import *im, const char *out)
{
	char *real = realpath(out, NULL);
	bool hit = false;
	const sr_model *m = im->input ? im->input->model : NULL;
	for (size_t i = 0; real && m && i < m->n_included && !hit; i++)
		hit = strcmp(real, m->included[i]) == 0;
	free(real);
	return hit;
}

static int write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t k = write(fd, p, n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return -1;
		p += k;
		n -= (size_t)k;
	}
	return 0;
}

static int fail_write(sr_import *im, const char *out, const char *what, int e)
{
	diag_add(&im->d, D_FILE_WRITE, out, 0, "%s: %s; inget skrevs", what, sr_strerror(e));
	return SR_RUNTIME;
}

/* A device or pipe (/dev/stdout) is written directly: renaming onto it would replace
 * the node. */
static int write_special(sr_import *im, const char *out)
{
	int fd = open(out, O_WRONLY | O_TRUNC);
	if (fd < 0)
		return fail_write(im, out, "kan inte öppna utfilen", errno);
	int e = write_all(fd, im->result, im->result_len) != 0 ? errno : 0;
	if (close(fd) != 0 && !e)
		e = errno;
	return e ? fail_write(im, out, "dokumentet kunde inte skrivas", e) : SR_OK;
}

static int write_file(sr_import *im, const char *out);

int sr_import_write(sr_import *im, const char *out)
{
	int st = sr_import_status(im);
	if (st != SR_OK)
		return st;
	struct stat sb;
	if (stat(out, &sb) == 0 && !S_ISREG(sb.st_mode))
		return write_special(im, out);
	/* a symbolic link (a document kept elsewhere) keeps pointing at the new file; one
	 * that cannot be resolved to a plain path (/dev/stdout into a file) is written
	 * through, never renamed over */
	bool link = lstat(out, &sb) == 0 && S_ISLNK(sb.st_mode);
	char *real = link ? realpath(out, NULL) : NULL;
	if (link && (!real || !strncmp(real, "/proc/", 6) || !strncmp(real, "/dev/", 5))) {
		free(real);
		return write_special(im, out);
	}
	st = write_file(im, real ? real : out);
	free(real);
	return st;
}

static int write_file(sr_import *im, const char *out)
{
	if (is_included(im, out)) {
		diag_add(&im->d, D_FILE_WRITE, out, 0, "utfilen är en fil som dokumentet inkluderar; "
		         "välj ett annat namn");
		return SR_RUNTIME;
	}
	char *copy = xstrdup(out);
	char *dir = xstrdup(dirname(copy));
	free(copy);
	size_t n = strlen(dir) + 32;
	char *tmp = xmalloc(n);
	snprintf(tmp, n, "%s/.styrrapport-import-XXXXXX", dir);
	int fd = mkstemp(tmp);
	int rc = SR_OK;
	if (fd < 0) {
		rc = fail_write(im, out, "kan inte skapa en fil i utmappen", errno);
	} else {
		struct stat st_old;
		mode_t mode = stat(out, &st_old) == 0 ? (st_old.st_mode & 07777) : 0644;
		int e = 0;
		if (write_all(fd, im->result, im->result_len) != 0 || fsync(fd) != 0 || fchmod(fd, mode) != 0)
			e = errno ? errno : EIO;
		if (close(fd) != 0 && !e)
			e = errno;
		if (!e && rename(tmp, out) != 0)
			e = errno;
		if (e) {
			unlink(tmp);
			rc = fail_write(im, out, "dokumentet kunde inte skrivas", e);
		} else {
			int dfd = open(dir, O_RDONLY | O_DIRECTORY);
			if (dfd >= 0) {   /* the rename itself reaches the disk */
				fsync(dfd);
				close(dfd);
			}
		}
	}
	free(tmp);
	free(dir);
	return rc;
}

/* ---- --visa-url ---- */
static void add_year(int *years, size_t *n, int y)
{
	for (size_t i = 0; i < *n; i++)
		if (years[i] == y)
			return;
	years[(*n)++] = y;
}

int sr_import_print_urls(sr_session *s, const char *doc_path, FILE *out, FILE *err)
{
	sr_report *r = sr_open(s, doc_path);
	int st = sr_status(r);
	const sr_model *m = r->model;
	if (st != SR_OK) {
		sr_print_diagnostics(r, err);
		sr_close(r);
		return st;
	}
	const char **kpis = xcalloc(1, sizeof *kpis);
	size_t n_kpi = 0;
	int first = m->ar ? m->ar : 0;
	for (size_t g = 0; g < m->n_goals; g++)
		for (size_t i = 0; i < m->goals[g]->n_indikatorer; i++) {
			const indikator *in = &m->goals[g]->indikatorer[i];
			for (size_t k = 0; k < in->n_utfall; k++)
				if (in->utfall[k].ar && in->utfall[k].ar < first && in->utfall[k].ar >= m->ar - 10)
					first = in->utfall[k].ar;
			if (!in->kolada)
				continue;
			bool seen = false;
			for (size_t k = 0; k < n_kpi && !seen; k++)
				seen = !strcmp(kpis[k], in->kolada);
			if (!seen) {
				kpis = xrealloc(kpis, (n_kpi + 1) * sizeof *kpis);
				kpis[n_kpi++] = in->kolada;
			}
		}
	if (n_kpi == 0 || !m->kommun.kommunkod) {
		fprintf(err, "%s:0: fel: [%s] dokumentet har %s\n", doc_path, diag_code_name(D_IMPORT_TARGET),
		        n_kpi ? "ingen kommunkod" : "inga indikatorer med kolada-id");
		free(kpis);
		sr_close(r);
		return SR_INVALID;
	}
	if (m->ar && first > m->ar - 3)
		first = m->ar - 3;   /* at least four years: the trend the report shows */
	int years[16];
	size_t n_years = 0;
	for (int y = first; y <= m->ar && n_years < 16; y++)
		add_year(years, &n_years, y);
	for (int v = 2; v <= 3; v++) {
		fprintf(out, "https://api.kolada.se/v%d/data/kpi/", v);
		for (size_t k = 0; k < n_kpi; k++)
			fprintf(out, "%s%s", k ? "," : "", kpis[k]);
		fprintf(out, "/municipality/%s/year/", m->kommun.kommunkod);
		for (size_t y = 0; y < n_years; y++)
			fprintf(out, "%s%d", y ? "," : "", years[y]);
		fputc('\n', out);
	}
	free(kpis);
	sr_close(r);
	return SR_OK;
}
