/* SPDX-License-Identifier: Apache-2.0 */
/* cli_render.c - `styrrapport render`: one document to one PDF, or many documents
 * (files and folders of *.xml reports) into a folder, each failure reported and
 * never stopping the others. */
#include "cli.h"
#include <dirent.h>
#include <pthread.h>
#include <signal.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct job_list {
	char **paths;
	bool *from_folder;   /* contributions found in a folder are skipped silently */
	size_t n, cap;
};

static void jobs_add(struct job_list *j, const char *path, bool from_folder)
{
	if (j->n == j->cap) {
		j->cap = j->cap ? j->cap * 2 : 16;
		j->paths = realloc(j->paths, j->cap * sizeof *j->paths);
		j->from_folder = realloc(j->from_folder, j->cap * sizeof *j->from_folder);
		if (!j->paths || !j->from_folder)
			abort();
	}
	j->paths[j->n] = strdup(path);
	j->from_folder[j->n++] = from_folder;
}

static void jobs_free(struct job_list *j)
{
	for (size_t i = 0; i < j->n; i++)
		free(j->paths[i]);
	free(j->paths);
	free(j->from_folder);
}

static bool is_dir(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int by_index(const void *a, const void *b)
{
	size_t i = *(const size_t *)a, j = *(const size_t *)b;
	return (i > j) - (i < j);
}

/* The *.xml files of a folder (not recursive), sorted by name. */
static int add_folder(const struct cli *c, struct job_list *j, const char *dir)
{
	DIR *d = opendir(dir);
	if (!d) {
		char msg[256];
		snprintf(msg, sizeof msg, "mappen kan inte läsas: %s", sr_strerror(errno));
		cli_print_error(c, stderr, dir, "FIL-LASA", msg);
		return SR_RUNTIME;
	}
	size_t first = j->n;
	for (struct dirent *e; (e = readdir(d));) {
		size_t n = strlen(e->d_name);
		if (n > 4 && strcmp(e->d_name + n - 4, ".xml") == 0 && e->d_name[0] != '.') {
			char *p = malloc(strlen(dir) + n + 2);
			if (!p)
				abort();
			sprintf(p, "%s/%s", dir, e->d_name);
			if (!is_dir(p))
				jobs_add(j, p, true);
			free(p);
		}
	}
	closedir(d);
	qsort(j->paths + first, j->n - first, sizeof *j->paths, by_name);
	return SR_OK;
}

/* OUT/<name>.pdf for input .../<name>.xml. */
static char *output_in(const char *outdir, const char *input)
{
	const char *base = strrchr(input, '/');
	base = base ? base + 1 : input;
	size_t n = strlen(base);
	if (n > 4 && strcmp(base + n - 4, ".xml") == 0)
		n -= 4;
	char *p = malloc(strlen(outdir) + n + 6);
	if (!p)
		abort();
	sprintf(p, "%s/%.*s.pdf", outdir, (int)n, base);
	return p;
}

/* INPUT with .xml replaced by .pdf, beside it. */
static char *output_beside(const char *input)
{
	size_t n = strlen(input);
	if (n > 4 && strcmp(input + n - 4, ".xml") == 0)
		n -= 4;
	char *p = malloc(n + 5);
	if (!p)
		abort();
	sprintf(p, "%.*s.pdf", (int)n, input);
	return p;
}

/* OUT/<name> (a site's folder) for input .../<name>.xml. */
static char *site_in(const char *outdir, const char *input)
{
	char *p = output_in(outdir, input);
	p[strlen(p) - 4] = '\0';
	return p;
}

static int render_one(sr_session *s, const struct cli *c, const char *in, const char *out,
                      const char *site, bool from_folder, bool *skipped, FILE *diag)
{
	sr_report *r = cli_open(s, in);
	*skipped = from_folder && sr_is_contribution(r) && sr_status(r) == SR_OK;
	int st = SR_OK;
	if (!*skipped && !c->html_only)
		st = cli_render_to(r, out, &c->render);
	/* the site beside a PDF that was made (and copied into it), or alone */
	if (!*skipped && site && (c->html_only || st == SR_OK))
		st = sr_render_html(r, site, &c->render, c->html_only ? c->pdf : !strcmp(out, "-") ? NULL : out);
	cli_print_diagnostics(c, r, diag);
	sr_close(r);
	return st;
}

/* One batch shared by the worker threads. Each job's diagnostics are collected in
 * memory and printed in job order, so the output does not depend on scheduling. */
struct batch {
	const struct cli *cli;
	struct job_list *jobs;
	const char *outdir;
	pthread_mutex_t lock;
	size_t next_job, next_print;
	char **text;          /* per job: its diagnostics, until printed */
	int *status;
	bool *finished, *skipped;
	bool tty;
};

/* Prints the finished jobs that are next in order. Call with the lock held. */
static void batch_flush(struct batch *b)
{
	while (b->next_print < b->jobs->n && b->finished[b->next_print]) {
		size_t i = b->next_print++;
		if (b->tty && b->cli->diag_format == CLI_DIAG_TEXT) {   /* progress for a person watching; logs stay clean */
			fprintf(stderr, "[%zu/%zu] ", i + 1, b->jobs->n);
			sr_print_name(stderr, b->jobs->paths[i]);
			fputc('\n', stderr);
		}
		fputs(b->text[i] ? b->text[i] : "", stderr);
		free(b->text[i]);
		b->text[i] = NULL;
	}
}

static void batch_run_job(struct batch *b, sr_session *s, size_t i)
{
	char *out = output_in(b->outdir, b->jobs->paths[i]);
	const char *html_root = b->cli->html_only ? b->outdir : b->cli->html;
	char *site = html_root ? site_in(html_root, b->jobs->paths[i]) : NULL;
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	bool skipped;
	int st = render_one(s, b->cli, b->jobs->paths[i], out, site, b->jobs->from_folder[i],
	                    &skipped, mem ? mem : stderr);
	if (mem)
		fclose(mem);
	free(site);
	free(out);
	pthread_mutex_lock(&b->lock);
	b->text[i] = buf;
	b->status[i] = st;
	b->skipped[i] = skipped;
	b->finished[i] = true;
	batch_flush(b);
	pthread_mutex_unlock(&b->lock);
}

/* A worker: its own session (schema, fonts), taking the next job until none is left. */
static void *batch_worker(void *arg)
{
	struct batch *b = arg;
	char why[512] = "";
	sr_session *s = sr_session_new(b->cli->data_dir, why, sizeof why);
	for (;;) {
		pthread_mutex_lock(&b->lock);
		size_t i = b->next_job < b->jobs->n ? b->next_job++ : b->jobs->n;
		pthread_mutex_unlock(&b->lock);
		if (i == b->jobs->n)
			break;
		if (b->finished[i])   /* refused before the batch started (UT-DUBBLETT) */
			continue;
		if (s) {
			batch_run_job(b, s, i);
			continue;
		}
		char *msg = NULL;
		size_t msg_len = 0;
		FILE *mem = open_memstream(&msg, &msg_len);
		if (mem) {
			char text[600];
			snprintf(text, sizeof text, "kunde inte starta: %s", why);
			cli_print_error(b->cli, mem, b->jobs->paths[i], "KORNING", text);
			fclose(mem);
		}
		pthread_mutex_lock(&b->lock);
		b->text[i] = msg;
		b->status[i] = SR_RUNTIME;
		b->finished[i] = true;
		batch_flush(b);
		pthread_mutex_unlock(&b->lock);
	}
	sr_session_free(s);
	return NULL;
}

static int by_output(const void *a, const void *b, void *outs)
{
	char **o = outs;
	size_t i = *(const size_t *)a, j = *(const size_t *)b;
	int c = strcmp(o[i], o[j]);
	return c ? c : (i > j) - (i < j);
}

/* One job of a group of jobs that would write the same file: its diagnostic names
 * every input of the group. */
static char *collision_text(const struct batch *b, const size_t *group, size_t n, size_t self,
                            const char *out)
{
	char *text = NULL, *msg = NULL;
	size_t len = 0, mlen = 0;
	FILE *m = open_memstream(&msg, &mlen);
	FILE *t = m ? open_memstream(&text, &len) : NULL;
	if (!m || !t) {
		if (m)
			fclose(m);
		free(msg);
		return NULL;
	}
	for (size_t k = 0; k < n; k++)
		fprintf(m, "%s%s", k == 0 ? "" : k + 1 == n ? " och " : ", ", b->jobs->paths[group[k]]);
	fprintf(m, " skulle %s bli %s; ingen av dem sätts (byt namn på en av filerna, "
	        "eller sätt dem i olika utmappar)", n == 2 ? "båda" : "alla", out);
	fclose(m);
	sr_diagnostic d = {.file = b->jobs->paths[self], .error = true, .code = "UT-DUBBLETT", .message = msg};
	sr_print_diagnostic(t, &d);
	fclose(t);
	free(msg);
	return text;
}

/* A job whose PDF (or manifest) would replace another job's input (`render ut/x.pdf
 * y/x.xml -o ut`): refused before it starts, by device and inode. Its own input is
 * the library's to refuse. */
static void refuse_overwriting_inputs(struct batch *b, char **outs)
{
	size_t n = b->jobs->n;
	struct stat *in = calloc(n ? n : 1, sizeof *in);
	bool *have = calloc(n ? n : 1, sizeof *have);
	if (!in || !have)
		abort();
	for (size_t j = 0; j < n; j++)
		have[j] = stat(b->jobs->paths[j], &in[j]) == 0;
	for (size_t i = 0; i < n; i++) {
		for (int k = 0; k < (b->cli->render.manifest ? 2 : 1) && !b->finished[i]; k++) {
			char *target = strdup(outs[i]);
			if (!target)
				abort();
			if (k == 1)   /* OUT/name.pdf -> OUT/name.xml */
				memcpy(target + strlen(target) - 4, ".xml", 4);
			struct stat st;
			for (size_t j = 0; j < n && stat(target, &st) == 0; j++) {
				if (j == i || !have[j] || st.st_dev != in[j].st_dev || st.st_ino != in[j].st_ino)
					continue;
				char *msg = NULL, *text = NULL;
				size_t len = 0;
				FILE *t = open_memstream(&text, &len);
				if (t && asprintf(&msg, "%s %s skulle skriva över dokumentet %s, som körningen läser; "
				                  "välj en annan utmapp", k ? "manifestet" : "PDF:en", target,
				                  b->jobs->paths[j]) >= 0) {
					sr_diagnostic d = { .file = b->jobs->paths[i], .error = true, .code = "FIL-SKRIVA", .message = msg };
					sr_print_diagnostic(t, &d);
				}
				if (t)
					fclose(t);
				free(msg);
				b->text[i] = text;
				b->status[i] = SR_RUNTIME;
				b->finished[i] = true;
				break;
			}
			free(target);
		}
	}
	free(in);
	free(have);
}

/* Two inputs with the same base name (a/x.xml, b/x.xml) would write one PDF: found
 * before anything is written, every input of such a group reported and none of them
 * rendered (issue 11). Output names are all OUTDIR/NAME.pdf, so the names decide. */
static void refuse_collisions(struct batch *b)
{
	size_t n = b->jobs->n;
	char **outs = calloc(n ? n : 1, sizeof *outs);
	size_t *order = calloc(n ? n : 1, sizeof *order);
	if (!outs || !order)
		abort();
	for (size_t i = 0; i < n; i++) {
		outs[i] = output_in(b->outdir, b->jobs->paths[i]);
		order[i] = i;
	}
	qsort_r(order, n, sizeof *order, by_output, outs);
	for (size_t i = 0, j; i < n; i = j) {
		for (j = i + 1; j < n && strcmp(outs[order[i]], outs[order[j]]) == 0; j++)
			;
		if (j - i < 2)
			continue;
		size_t *group = order + i;
		qsort(group, j - i, sizeof *group, by_index);
		for (size_t k = 0; k < j - i; k++) {
			size_t job = group[k];
			b->text[job] = collision_text(b, group, j - i, job, outs[job]);
			b->status[job] = SR_RUNTIME;
			b->finished[job] = true;
		}
	}
	refuse_overwriting_inputs(b, outs);
	for (size_t i = 0; i < n; i++)
		free(outs[i]);
	free(outs);
	free(order);
}

/* As many workers as cores, at most 8, never more than jobs. */
static size_t worker_count(size_t jobs)
{
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	size_t n = cores < 1 ? 1 : cores > 8 ? 8 : (size_t)cores;
	return n < jobs ? n : (jobs ? jobs : 1);
}

static int batch_summary(const struct batch *b)
{
	int worst = SR_OK;
	size_t done = 0, bad = 0, skipped_n = 0;
	for (size_t i = 0; i < b->jobs->n; i++) {
		if (b->status[i] > worst)
			worst = b->status[i];
		if (b->skipped[i])
			skipped_n++;
		else if (b->status[i] == SR_OK)
			done++;
		else
			bad++;
	}
	if (b->cli->diag_format == CLI_DIAG_JSON)
		return worst;   /* stderr holds only JSON lines */
	fprintf(stderr, "styrrapport: %zu dokument satta, %zu med fel", done, bad);
	if (skipped_n)
		fprintf(stderr, ", %zu nämndbidrag hoppades över", skipped_n);
	fputs(" (utmapp ", stderr);
	sr_print_name(stderr, b->outdir);
	fputs(")\n", stderr);
	return worst;
}

static int render_batch(const struct cli *c, struct job_list *jobs, const char *outdir)
{
	for (int k = 0; k < 2; k++) {
		const char *dir = k == 0 ? outdir : c->html_only ? NULL : c->html;
		if (dir && !is_dir(dir) && mkdir(dir, 0777) != 0) {   /* the umask decides the mode */
			char msg[256];
			snprintf(msg, sizeof msg, "utmappen kan inte skapas: %s", sr_strerror(errno));
			cli_print_error(c, stderr, dir, "FIL-SKRIVA", msg);
			return SR_RUNTIME;
		}
	}
	size_t n = jobs->n ? jobs->n : 1;
	struct batch b = {.cli = c, .jobs = jobs, .outdir = outdir, .tty = isatty(STDERR_FILENO)};
	pthread_mutex_init(&b.lock, NULL);
	b.text = calloc(n, sizeof *b.text);
	b.status = calloc(n, sizeof *b.status);
	b.finished = calloc(n, sizeof *b.finished);
	b.skipped = calloc(n, sizeof *b.skipped);
	if (!b.text || !b.status || !b.finished || !b.skipped)
		abort();
	refuse_collisions(&b);
	batch_flush(&b);   /* the refused ones that come first (no thread started yet) */
	size_t workers = worker_count(jobs->n);
	pthread_t tid[8];
	size_t started = 0;
	for (; started < workers; started++)
		if (pthread_create(&tid[started], NULL, batch_worker, &b) != 0)
			break;
	if (started == 0)
		batch_worker(&b);   /* no thread could start: do the work here */
	for (size_t i = 0; i < started; i++)
		pthread_join(tid[i], NULL);
	batch_flush(&b);   /* refused jobs after the last rendered one */
	int worst = batch_summary(&b);
	pthread_mutex_destroy(&b.lock);
	free(b.text);
	free(b.status);
	free(b.finished);
	free(b.skipped);
	return worst;
}

/* SIGINT, SIGTERM, SIGHUP: the temporary files go, then the signal ends the process
 * as it would have (SA_RESETHAND: the re-raised signal gets the default action). */
static void on_stop_signal(int sig)
{
	sr_remove_temp_files();
	raise(sig);
}

static void catch_stop_signals(void)
{
	static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_stop_signal;
	sa.sa_flags = SA_RESETHAND;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < 3; i++)
		sigaddset(&sa.sa_mask, sigs[i]);
	for (size_t i = 0; i < 3; i++) {
		struct sigaction old;
		/* a signal the caller ignores (nohup, a background job) stays ignored */
		if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
			sigaction(sigs[i], &sa, NULL);
	}
}

int cli_render(sr_session *s, const struct cli *c)
{
	catch_stop_signals();
	struct job_list jobs = {0};
	int worst = SR_OK;
	bool any_folder = false;
	for (size_t i = 0; i < c->n_inputs; i++) {
		if (is_dir(c->inputs[i])) {
			any_folder = true;
			int st = add_folder(c, &jobs, c->inputs[i]);
			if (st > worst)
				worst = st;
		} else {
			jobs_add(&jobs, c->inputs[i], false);
		}
	}
	/* a site's folder exists after the first run: for html, -o names a folder either way */
	bool batch = any_folder || c->n_inputs > 1 || (!c->html_only && c->out && is_dir(c->out));
	const char *misuse = NULL;
	bool from_stdin = false;
	for (size_t i = 0; i < c->n_inputs; i++)
		from_stdin |= strcmp(c->inputs[i], "-") == 0;
	bool to_stdout = c->out && strcmp(c->out, "-") == 0;
	if (batch && !c->out)
		misuse = "ange en utmapp med -o när flera dokument sätts";
	else if (batch && (from_stdin || to_stdout))
		misuse = "- (standard in eller ut) gäller bara för ett dokument åt gången";
	else if (from_stdin && !c->out)
		misuse = "ange -o UT (eller -o - för standard ut) när dokumentet läses från standard in";
	else if (c->html_only && !c->out)
		misuse = "ange mappen för webbplatsen med -o MAPP";
	else if (c->html_only && to_stdout)
		misuse = "webbplatsen skrivs till en mapp, inte till standard ut";
	else if (batch && c->pdf)
		misuse = "--pdf gäller bara för ett dokument åt gången (en webbplats, en PDF)";
	else if (c->html && strcmp(c->html, "-") == 0)
		misuse = "--html tar en mapp, inte standard ut";
	else if (to_stdout && c->render.manifest)
		misuse = "--manifest kräver en utfil, inte standard ut";
	else if (to_stdout && isatty(STDOUT_FILENO))
		misuse = "PDF:en skrivs inte till en terminal; ange -o FIL eller styr om standard ut";
	if (misuse) {
		jobs_free(&jobs);
		return cli_usage_error("%s", misuse);
	}
	int st;
	if (batch) {
		st = render_batch(c, &jobs, c->out);
	} else {
		char *out = c->out ? strdup(c->out) : output_beside(jobs.paths[0]);
		bool skipped;
		st = render_one(s, c, jobs.paths[0], out, c->html_only ? c->out : c->html, false,
		                &skipped, stderr);
		free(out);
	}
	jobs_free(&jobs);
	return st > worst ? st : worst;
}

int cli_html(sr_session *s, const struct cli *c)
{
	struct cli h = *c;
	h.html_only = true;
	return cli_render(s, &h);
}
