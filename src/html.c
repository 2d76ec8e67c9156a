/* SPDX-License-Identifier: Apache-2.0 */
/* html.c - the website's structure: which block goes on which page (the registry's
 * page per section, a chapter per level-1 heading), the frame of every page (skip
 * link, header with the FÖRSLAG banner, navigation, main, footer with the Dnr and the
 * PDF link), and writing the folder: a temporary folder beside the target, renamed
 * into place only when every file is complete. */
#include "html_private.h"
#include "api_output.h"
#include "img.h"
#include "styrrapport.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- HTML escaping (the buffer itself is sb.c) ---- */

void sb_esc(sb *b, const char *s)
{
	if (!s)
		return;
	for (;;) {
		size_t run = strcspn(s, "&<>\"");   /* the plain text up to the next special */
		sb_put(b, s, run);
		s += run;
		switch (*s++) {
		case '&': sb_put(b, "&amp;", 5); break;
		case '<': sb_put(b, "&lt;", 4); break;
		case '>': sb_put(b, "&gt;", 4); break;
		case '"': sb_put(b, "&quot;", 6); break;
		default: return;   /* the end */
		}
	}
}

/* ---- writer ---- */

struct html_writer {
	const html_options *o;
};

html_writer *html_new(const html_options *o)
{
	html_writer *w = xmalloc(sizeof *w);
	w->o = o;
	return w;
}

void html_free(html_writer *w)
{
	free(w);
}

/* ---- pages ---- */

/* "Ekonomisk översikt" -> "ekonomisk-oversikt" (a-z, 0-9 and -, at most 40). */
static char *slug(const char *text)
{
	char *out = xmalloc(48);
	size_t n = 0;
	bool dash = false;
	for (const unsigned char *p = (const unsigned char *)(text ? text : ""); *p && n < 40; p++) {
		char c = 0;
		if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))
			c = (char)*p;
		else if (*p >= 'A' && *p <= 'Z')
			c = (char)(*p - 'A' + 'a');
		else if (*p == 0xC3 && p[1]) {   /* å ä ö é ü and their capitals */
			unsigned char k = p[1];
			p++;
			c = (k == 0xA5 || k == 0xA4 || k == 0x85 || k == 0x84 || k == 0xA0 || k == 0xA1) ? 'a'
			  : (k == 0xB6 || k == 0x96 || k == 0xB3 || k == 0x93) ? 'o'
			  : (k == 0xA9 || k == 0x89 || k == 0xA8) ? 'e' : (k == 0xBC || k == 0x9C) ? 'u' : 0;
		} else if (*p >= 0x80) {
			while (p[1] && (p[1] & 0xC0) == 0x80)
				p++;
		}
		if (c) {
			if (dash && n)
				out[n++] = '-';
			dash = false;
			out[n++] = c;
		} else {
			dash = true;
		}
	}
	if (!n)
		out[n++] = 'k', out[n++] = 'a', out[n++] = 'p';
	out[n] = '\0';
	return out;
}

static size_t add_page(html_site *s, enum html_page_kind k, char *file, const char *title)
{
	s->pages = xrealloc(s->pages, (s->n_pages + 1) * sizeof *s->pages);
	s->pages[s->n_pages] = (html_page){ .kind = k, .file = file, .title = title };
	return s->n_pages++;
}

static const char *first_heading(const blk_doc *d, size_t from)
{
	for (size_t i = from; i < d->n; i++)
		if (d->items[i].kind == BLK_HEADING)
			return d->items[i].text;
	return "Rapport";
}

/* A chapter titled like the summary page ("Sammanfattning", any case). */
static bool is_summary_title(const char *t)
{
	return t && strcasecmp(t, "Sammanfattning") == 0;
}

/* Which page every block is on, and each heading's id. A chapter whose title is
 * that of a page already there does not get a second page of the same name (the page
 * list would show the name twice, for two different pages): a text chapter
 * "Sammanfattning" opens the summary page (the kommun's own summary, then the key
 * figures), any other joins the earlier chapter, one heading level down. */
static void assign(html_site *s)
{
	const blk_doc *d = s->doc;
	size_t nb = d->n ? d->n : 1;
	s->page_of = xmalloc(nb * sizeof *s->page_of);
	s->id_of = calloc(nb, sizeof *s->id_of);
	s->shift_of = calloc(nb, sizeof *s->shift_of);
	s->lead = calloc(nb, sizeof *s->lead);
	if (!s->id_of || !s->shift_of || !s->lead)
		abort();
	add_page(s, HP_INDEX, xstrdup("index.html"), d->meta.title ? d->meta.title : "Rapport");
	add_page(s, HP_SUMMARY, xstrdup("sammanfattning.html"), "Sammanfattning");
	enum blk_page cur = BP_INDEX;
	long chapter = -1;
	int chapters = 0, shift = 0;
	bool lead = false;
	for (size_t i = 0; i < d->n; i++) {
		const blk *b = &d->items[i];
		s->page_of[i] = -1;
		if (b->kind == BLK_SECTION) {
			cur = b->page;
			continue;
		}
		if (b->kind == BLK_HEADING) {
			if (b->anchor) {
				s->id_of[i] = xstrdup(b->anchor);
			} else {
				char id[32];
				snprintf(id, sizeof id, "r%zu", i);
				s->id_of[i] = xstrdup(id);
			}
		}
		switch (cur) {
		case BP_INDEX: s->page_of[i] = 0; break;
		case BP_NONE: break;
		case BP_SUMMARY:
			s->page_of[i] = 1;
			s->shift_of[i] = 1;   /* under the page's h1 "Sammanfattning" */
			break;
		case BP_CHAPTER:
			if ((b->kind == BLK_HEADING && b->level == 1) || chapter < 0) {
				const char *title = b->kind == BLK_HEADING ? b->text : first_heading(d, i);
				long same = -1;
				for (size_t p = 2; p < s->n_pages && same < 0; p++)
					if (title && !strcmp(s->pages[p].title, title))
						same = (long)p;
				lead = is_summary_title(title) && !s->summary_id;
				shift = 0;
				if (lead) {
					chapter = 1;
					if (b->kind == BLK_HEADING)
						s->summary_id = s->id_of[i];
				} else if (same >= 0) {
					chapter = same;
					shift = 1;
				} else {
					char *sl = slug(title), *file = xmalloc(strlen(sl) + 16);
					sprintf(file, "%02d-%s.html", ++chapters, sl);
					free(sl);
					chapter = (long)add_page(s, HP_CHAPTER, file, title);
				}
			}
			s->page_of[i] = (int)chapter;
			s->shift_of[i] = (signed char)shift;
			s->lead[i] = lead;
			break;
		}
	}
}

const char *html_anchor_href(html_site *s, const char *anchor, sb *tmp)
{
	const blk_doc *d = s->doc;
	for (size_t i = 0; anchor && i < d->n; i++) {
		if (d->items[i].kind != BLK_HEADING || !d->items[i].anchor ||
		    strcmp(d->items[i].anchor, anchor) != 0 || s->page_of[i] < 0)
			continue;
		tmp->n = 0;
		if ((size_t)s->page_of[i] != s->page)
			sb_esc(tmp, s->pages[s->page_of[i]].file);
		sb_puts(tmp, "#");
		sb_esc(tmp, s->id_of[i]);
		return tmp->p;
	}
	return NULL;
}

static void rgb_hex(sb *b, lay_rgb c)
{
	static const char digit[] = "0123456789abcdef";
	char t[7] = {'#', digit[c.r >> 4], digit[c.r & 15], digit[c.g >> 4], digit[c.g & 15],
	             digit[c.b >> 4], digit[c.b & 15]};
	sb_put(b, t, sizeof t);
}

/* The contents: every page, with the level-2 headings of a chapter under it. */
static void contents(html_site *s, sb *b)
{
	const blk_doc *d = s->doc;
	sb_puts(b, "<nav class=\"innehall\" aria-labelledby=\"innehall-rubrik\">\n"
	           "<h2 id=\"innehall-rubrik\">Innehåll</h2>\n<ol>\n");
	for (size_t p = 1; p < s->n_pages; p++) {
		sb_puts(b, "<li><a href=\"");
		sb_esc(b, s->pages[p].file);
		sb_puts(b, "\">");
		sb_esc(b, s->pages[p].title);
		sb_puts(b, "</a>");
		bool open = false;
		for (size_t i = 0; p > 1 && i < d->n; i++) {
			const blk *k = &d->items[i];
			if (s->page_of[i] != (int)p || k->kind != BLK_HEADING || k->level != 2 || !k->in_toc)
				continue;
			sb_puts(b, open ? "" : "\n<ol>\n");
			open = true;
			sb_puts(b, "<li><a href=\"");
			sb_esc(b, s->pages[p].file);
			sb_puts(b, "#");
			sb_esc(b, s->id_of[i]);
			sb_puts(b, "\">");
			sb_esc(b, k->text);
			sb_puts(b, "</a></li>\n");
		}
		sb_puts(b, open ? "</ol>\n</li>\n" : "</li>\n");
	}
	sb_puts(b, "</ol>\n</nav>\n");
}

/* Blocks of page p in reading order, the lead ones (or the others) only. */
static bool page_blocks(html_site *s, html_page *pg, size_t p, bool lead)
{
	const blk_doc *d = s->doc;
	size_t from = d->n;
	bool any = false;
	for (size_t i = 0; i <= d->n; i++) {
		bool mine = i < d->n && s->page_of[i] == (int)p && s->lead[i] == lead;
		if (mine && from == d->n)
			from = i;
		if (!mine && from < d->n) {
			html_blocks(s, &pg->body, from, i);
			from = d->n;
			any = true;
		}
	}
	return any;
}

static void page_body(html_site *s, size_t p)
{
	html_page *pg = &s->pages[p];
	s->page = p;
	s->last_heading = pg->title;
	if (pg->kind == HP_SUMMARY) {
		sb_puts(&pg->body, "<h1");
		if (s->summary_id) {   /* the kommun's own chapter "Sammanfattning": its heading */
			sb_puts(&pg->body, " id=\"");
			sb_esc(&pg->body, s->summary_id);
			sb_puts(&pg->body, "\"");
		}
		sb_puts(&pg->body, ">Sammanfattning</h1>\n");
	}
	bool any = page_blocks(s, pg, p, true);
	s->last_heading = pg->title;
	any |= page_blocks(s, pg, p, false);
	if (pg->kind == HP_SUMMARY && !any)
		sb_puts(&pg->body, "<p>Rapporten har ingen sammanfattning.</p>\n");
	if (pg->kind == HP_INDEX)
		contents(s, &pg->body);
}

/* A file name as a relative URL: the characters that would end or change it (space,
 * #, ?, %, quotes …) percent-encoded; letters beyond ASCII stay as they are. */
static void href_path(sb *b, const char *name)
{
	static const char digit[] = "0123456789ABCDEF";
	for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
		if (*p <= 0x20 || *p == 0x7F || strchr("#?%\"<>\\^`{|}'&", *p)) {
			char e[3] = {'%', digit[*p >> 4], digit[*p & 15]};
			sb_put(b, e, 3);
		} else {
			sb_put(b, (const char *)p, 1);
		}
	}
}

static void frame(html_site *s, size_t p, sb *out)
{
	const blk_meta *m = &s->doc->meta;
	const html_look *l = &s->o->look;
	const html_page *pg = &s->pages[p];
	sb_puts(out, "<!DOCTYPE html>\n<html lang=\"");
	sb_esc(out, m->lang ? m->lang : "sv");
	sb_puts(out, "\">\n<head>\n<meta charset=\"utf-8\">\n"
	             "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	             "<meta name=\"generator\" content=\"styrrapport\">\n<title>");
	if (pg->kind != HP_INDEX) {
		sb_esc(out, pg->title);
		sb_puts(out, " – ");
	}
	sb_esc(out, m->title);
	if (m->draft)
		sb_puts(out, " (förslag)");
	if (m->kommun) {
		sb_puts(out, " – ");
		sb_esc(out, m->kommun);
	}
	sb_puts(out, "</title>\n<link rel=\"stylesheet\" href=\"styrrapport.css\">\n<style>:root{");
	sb_puts(out, "--sr-rubrik:"), rgb_hex(out, l->heading);
	sb_puts(out, ";--sr-text:"), rgb_hex(out, l->text);
	sb_puts(out, ";--sr-bildtext:"), rgb_hex(out, l->caption);
	sb_puts(out, ";--sr-tabellhuvud:"), rgb_hex(out, l->header_fill);
	sb_puts(out, ";--sr-summa:"), rgb_hex(out, l->sum_fill);
	sb_puts(out, ";--sr-forslag:"), rgb_hex(out, l->watermark);
	sb_puts(out, "}</style>\n</head>\n<body>\n"
	             "<a class=\"hoppa\" href=\"#innehall\">Till innehållet</a>\n<header class=\"sidhuvud\">\n"
	             "<p class=\"sidhuvud-kommun\">");
	sb_esc(out, m->kommun);
	sb_puts(out, "</p>\n<p class=\"sidhuvud-rapport\"><a href=\"index.html\">");
	sb_esc(out, m->title);
	sb_puts(out, "</a></p>\n");
	if (m->draft) {
		sb_puts(out, "<p class=\"forslag\"><strong>");
		sb_esc(out, m->watermark ? m->watermark : "FÖRSLAG");
		sb_puts(out, "</strong> – ej beslutat. ");
		sb_esc(out, m->decision);
		sb_puts(out, "</p>\n");
	}
	/* the page list: a disclosure (closed) on a phone, so that the page starts with its
	 * content; always open on a wide screen (styrrapport.css) */
	sb_puts(out, "</header>\n<nav class=\"delar\" aria-label=\"Rapportens delar\">\n"
	             "<details>\n<summary>Rapportens delar</summary>\n<ul>\n");
	for (size_t i = 0; i < s->n_pages; i++) {
		sb_puts(out, "<li><a href=\"");
		sb_esc(out, s->pages[i].file);
		sb_puts(out, i == p ? "\" aria-current=\"page\">" : "\">");
		sb_esc(out, i == 0 ? "Start" : s->pages[i].title);
		sb_puts(out, "</a></li>\n");
	}
	sb_puts(out, "</ul>\n</details>\n</nav>\n<main id=\"innehall\" tabindex=\"-1\">\n");
	sb_put(out, pg->body.p ? pg->body.p : "", pg->body.n);
	sb_puts(out, "</main>\n<footer class=\"sidfot\">\n");
	bool dnr = m->dnr && *m->dnr;
	if (dnr || s->o->pdf_href)
		sb_puts(out, "<p>");
	if (dnr) {
		sb_puts(out, "Dnr ");
		sb_esc(out, m->dnr);
		if (s->o->pdf_href)
			sb_puts(out, " · ");
	}
	if (s->o->pdf_href) {
		sb_puts(out, "<a href=\"");
		if (s->o->pdf_copy)
			href_path(out, s->o->pdf_href);
		else
			sb_esc(out, s->o->pdf_href);
		sb_puts(out, "\">Hela rapporten som PDF</a>");
	}
	if (dnr || s->o->pdf_href)
		sb_puts(out, "</p>\n");
	if (m->decision && *m->decision) {
		sb_puts(out, "<p>");
		sb_esc(out, m->decision);
		sb_puts(out, "</p>\n");
	}
	sb_puts(out, "</footer>\n</body>\n</html>\n");
}

/* ---- files ---- */

static bool write_file(const char *dir, const char *name, const void *data, size_t len,
                       char *why, size_t n)
{
	size_t plen = strlen(dir) + strlen(name) + 2;
	char *path = xmalloc(plen);
	snprintf(path, plen, "%s/%s", dir, name);
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
	bool ok = fd >= 0;
	const char *p = data;
	for (size_t left = len; ok && left > 0;) {
		ssize_t k = write(fd, p, left);
		if (k < 0 && errno == EINTR)
			continue;
		ok = k > 0;
		if (ok) {
			p += k;
			left -= (size_t)k;
		}
	}
	/* Written back now, synced all together at the end (sync_tree): one fsync per file
	 * right here would make the file system commit its journal once per file, which
	 * on a busy disk cost more than everything else the site takes. */
	if (ok)
		sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WRITE);
	int e = errno;
	if (fd >= 0 && close(fd) != 0 && ok) {
		ok = false;
		e = errno;
	}
	if (!ok)
		snprintf(why, n, "%s kunde inte skrivas: %s", path, sr_strerror(e));
	free(path);
	return ok;
}

static bool read_all(const char *path, unsigned char **out, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return false;
	sb b = {0};
	char buf[65536];
	for (size_t k; (k = fread(buf, 1, sizeof buf, f)) > 0;)
		sb_put(&b, buf, k);
	bool ok = !ferror(f);
	fclose(f);
	*out = (unsigned char *)b.p;
	*len = b.n;
	if (!ok)
		sb_free(&b);
	return ok;
}

static bool copy_in(const char *dir, const char *name, const char *from, const char *what,
                    char *why, size_t n)
{
	unsigned char *data = NULL;
	size_t len = 0;
	if (!read_all(from, &data, &len)) {
		snprintf(why, n, "%s %s kan inte läsas: %s", what, from, sr_strerror(errno));
		return false;
	}
	bool ok = write_file(dir, name, data ? data : (unsigned char *)"", len, why, n);
	free(data);
	return ok;
}

/* The PDF the pages link to, copied in: it must be one (a secretary who names the XML
 * by mistake hears so, before anything is published). */
static bool copy_pdf(const char *dir, const char *name, const char *from, char *why, size_t n)
{
	unsigned char *data = NULL;
	size_t len = 0;
	if (!read_all(from, &data, &len)) {
		snprintf(why, n, "PDF:en %s kan inte läsas: %s", from, sr_strerror(errno));
		return false;
	}
	bool ok = len >= 5 && memcmp(data, "%PDF-", 5) == 0;
	if (!ok)
		snprintf(why, n, "%s är ingen PDF (den börjar inte med %%PDF-)", from);
	ok = ok && write_file(dir, name, data, len, why, n);
	free(data);
	return ok;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The Open Sans files of the font folder, in name order, into fonts/. */
static bool copy_fonts(const char *dir, const char *font_dir, char *why, size_t n)
{
	DIR *d = font_dir ? opendir(font_dir) : NULL;
	if (!d)
		return true;   /* the CSS falls back to the reader's sans-serif */
	char **names = NULL;
	size_t k = 0;
	for (struct dirent *e; (e = readdir(d));) {
		size_t len = strlen(e->d_name);
		if (strncmp(e->d_name, "OpenSans", 8) == 0 && len > 4 && !strcmp(e->d_name + len - 4, ".ttf")) {
			names = xrealloc(names, (k + 1) * sizeof *names);
			names[k++] = xstrdup(e->d_name);
		}
	}
	closedir(d);
	qsort(names, k, sizeof *names, by_name);
	bool ok = true;
	for (size_t i = 0; i < k; i++) {
		char *from = xmalloc(strlen(font_dir) + strlen(names[i]) + 2), *to = xmalloc(strlen(names[i]) + 8);
		sprintf(from, "%s/%s", font_dir, names[i]);
		sprintf(to, "fonts/%s", names[i]);
		ok = ok && copy_in(dir, to, from, "typsnittet", why, n);
		free(from);
		free(to);
		free(names[i]);
	}
	free(names);
	return ok;
}

static int rm_one(const char *p, const struct stat *st, int flag, struct FTW *f)
{
	(void)st, (void)f;
	return flag == FTW_DP ? rmdir(p) : unlink(p);
}

static void rm_tree(const char *dir)
{
	nftw(dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

static int sync_errno;

static int sync_one(const char *p, const struct stat *st, int flag, struct FTW *f)
{
	(void)st, (void)f;
	if (flag != FTW_F && flag != FTW_DP)
		return 0;
	int fd = open(p, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0 || fsync(fd) != 0) {
		sync_errno = errno;
		if (fd >= 0)
			close(fd);
		return 1;
	}
	close(fd);
	return 0;
}

/* Every file of the folder on the disk, then the folders themselves (their entries). */
static bool sync_tree(const char *dir, char *why, size_t n)
{
	sync_errno = 0;
	if (nftw(dir, sync_one, 16, FTW_DEPTH | FTW_PHYS) == 0)
		return true;
	snprintf(why, n, "%s kunde inte skrivas: %s", dir, sr_strerror(sync_errno ? sync_errno : errno));
	return false;
}

/* An existing target may be replaced when it is empty or a site of this program. */
static bool replaceable(const char *dir, char *why, size_t n)
{
	struct stat st;
	if (lstat(dir, &st) != 0)
		return errno == ENOENT || (snprintf(why, n, "%s: %s", dir, sr_strerror(errno)), false);
	if (!S_ISDIR(st.st_mode)) {
		snprintf(why, n, "%s finns redan och är ingen mapp", dir);
		return false;
	}
	DIR *d = opendir(dir);
	bool empty = true;
	for (struct dirent *e; d && (e = readdir(d));)
		empty &= !strcmp(e->d_name, ".") || !strcmp(e->d_name, "..");
	if (d)
		closedir(d);
	if (empty)
		return true;
	char *index = xmalloc(strlen(dir) + 16);
	sprintf(index, "%s/index.html", dir);
	unsigned char *data = NULL;
	size_t len = 0;
	static const char mark[] = "<meta name=\"generator\" content=\"styrrapport\">";
	bool ours = read_all(index, &data, &len) && data && memmem(data, len, mark, sizeof mark - 1);
	free(data);
	free(index);
	if (!ours)
		snprintf(why, n, "mappen %s finns redan och är ingen webbplats från styrrapport; "
		         "välj en ny eller tom mapp", dir);
	return ours;
}

/* The new site in place of the old (exchanged atomically where the system can). */
static bool put_in_place(const char *tmp, const char *dir, char *why, size_t n)
{
	struct stat st;
	if (lstat(dir, &st) != 0) {
		if (rename(tmp, dir) == 0)
			return true;
		snprintf(why, n, "%s kunde inte skapas: %s", dir, sr_strerror(errno));
		return false;
	}
	if (renameat2(AT_FDCWD, tmp, AT_FDCWD, dir, RENAME_EXCHANGE) == 0) {
		rm_tree(tmp);   /* now the old site */
		return true;
	}
	size_t len = strlen(dir) + 16;
	char *old = xmalloc(len);
	snprintf(old, len, "%s.old-XXXXXX", dir);
	int fd = mkstemp(old);
	bool ok = fd >= 0;
	if (ok) {
		close(fd);
		unlink(old);
	}
	ok = ok && rename(dir, old) == 0;
	if (ok && rename(tmp, dir) != 0) {
		snprintf(why, n, "%s kunde inte ersättas: %s", dir, sr_strerror(errno));
		rename(old, dir);
		ok = false;
	} else if (!ok) {
		snprintf(why, n, "%s kunde inte ersättas: %s", dir, sr_strerror(errno));
	}
	if (ok)
		rm_tree(old);
	free(old);
	return ok;
}

static bool write_site(html_site *s, const char *tmp, char *why, size_t n)
{
	const html_options *o = s->o;
	char *sub = xmalloc(strlen(tmp) + 16);
	sprintf(sub, "%s/fonts", tmp);
	bool ok = mkdir(sub, 0777) == 0;
	sprintf(sub, "%s/bilder", tmp);
	ok = ok && mkdir(sub, 0777) == 0;
	if (!ok)
		snprintf(why, n, "%s kunde inte skapas: %s", sub, sr_strerror(errno));
	free(sub);
	for (size_t p = 0; ok && p < s->n_pages; p++) {
		sb page = {0};
		frame(s, p, &page);
		ok = write_file(tmp, s->pages[p].file, page.p, page.n, why, n);
		sb_free(&page);
	}
	for (size_t i = 0; ok && i < s->n_pics; i++)
		ok = write_file(tmp, s->pics[i].file, s->pics[i].png, s->pics[i].len, why, n);
	ok = ok && copy_in(tmp, "styrrapport.css", o->css_path, "stilmallen", why, n);
	ok = ok && copy_fonts(tmp, o->font_dir, why, n);
	if (ok && o->pdf_copy)
		ok = copy_pdf(tmp, o->pdf_href, o->pdf_copy, why, n);
	return ok;
}

static void site_free(html_site *s)
{
	for (size_t i = 0; i < s->n_pages; i++) {
		free(s->pages[i].file);
		sb_free(&s->pages[i].body);
	}
	free(s->pages);
	for (size_t i = 0; s->id_of && i < s->doc->n; i++)
		free(s->id_of[i]);
	free(s->id_of);
	free(s->page_of);
	free(s->shift_of);
	free(s->lead);
	for (size_t i = 0; i < s->n_pics; i++) {
		free(s->pics[i].file);
		free(s->pics[i].png);
	}
	free(s->pics);
}

bool html_render(html_writer *w, const blk_doc *doc, const char *dir, char *why, size_t n)
{
	if (!replaceable(dir, why, n))
		return false;
	html_site s = { .o = w->o, .doc = doc };
	assign(&s);
	for (size_t p = 0; p < s.n_pages; p++)
		page_body(&s, p);
	out_dir t;
	if (!out_dir_open(&t, dir)) {
		snprintf(why, n, "en tillfällig mapp bredvid %s kunde inte skapas: %s", dir, sr_strerror(errno));
		site_free(&s);
		return false;
	}
	bool ok = write_site(&s, t.path, why, n) && sync_tree(t.path, why, n);
	if (ok)
		out_test_signal();
	if (ok && !out_dir_claim(&t)) {
		snprintf(why, n, "körningen avbröts");
		ok = false;
	}
	ok = ok && put_in_place(t.path, dir, why, n);
	if (ok)
		fsync(t.dirfd);   /* the rename itself durable */
	out_dir_close(&t);   /* the new site after a failure, the old one after an exchange */
	site_free(&s);
	return ok;
}

char *html_fragment(const blk_doc *doc, size_t from, size_t to)
{
	static const html_options none = { .pdf_href = NULL };
	html_site s = { .o = &none, .doc = doc };
	assign(&s);
	s.page = 2;
	sb out = {0};
	html_blocks(&s, &out, from, to < doc->n ? to : doc->n);
	site_free(&s);
	if (!out.p)
		sb_puts(&out, "");
	return out.p;
}
