/* api_manifest.c - the diarium manifest (OUT.xml beside OUT.pdf): the case's metadata,
 * and the PDF's name, size, pages and SHA-256, so the registrar can file and verify it.
 * Its format is docs/manifest.xsd. */
#include "api_private.h"
#include <errno.h>
#include <libgen.h>
#include <nettle/sha2.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* SHA-256 of a file as 64 lowercase hex digits; -1 when it cannot be read. */
static int sha256_file(const char *path, char hex[65], long long *size)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	struct sha256_ctx ctx;
	sha256_init(&ctx);
	unsigned char buf[65536];
	size_t n;
	*size = 0;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
		sha256_update(&ctx, n, buf);
		*size += (long long)n;
	}
	int err = ferror(f);
	fclose(f);
	if (err)
		return -1;
	unsigned char digest[SHA256_DIGEST_SIZE];
	sha256_digest(&ctx, sizeof digest, digest);
	for (int i = 0; i < SHA256_DIGEST_SIZE; i++)
		sprintf(hex + 2 * i, "%02x", digest[i]);
	return 0;
}

static void put_escaped(FILE *out, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '&': fputs("&amp;", out); break;
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '"': fputs("&quot;", out); break;
		default:
			if ((unsigned char)*s >= 0x20 || *s == '\t' || *s == '\n')
				fputc(*s, out);
		}
	}
}

static void element(FILE *out, const char *name, const char *value)
{
	if (!value)
		return;
	fprintf(out, "  <%s>", name);
	put_escaped(out, value);
	fprintf(out, "</%s>\n", name);
}

static void write_body(FILE *out, const sr_model *m, const manifest_facts *f,
                       const char *file_name, const char *hex, long long size)
{
	const diarium *d = &m->diarium;
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	      "<manifest xmlns=\"urn:styrrapport:manifest:1\">\n", out);
	element(out, "diarienummer", d->diarienummer);
	element(out, "rubrik", f->title);
	element(out, "typ", model_report_type_token(m->typ));
	fprintf(out, "  <period fran=\"%s\" till=\"%s\"/>\n", m->period_fran, m->period_till);
	fputs("  <kommun namn=\"", out);
	put_escaped(out, m->kommun.namn);
	fprintf(out, "\" kommunkod=\"%s\"/>\n", m->kommun.kommunkod);
	element(out, "status", d->beslutsdatum ? "beslutad" : "forslag");
	element(out, "beslutsinstans", d->beslutsinstans);
	element(out, "beredande", d->beredande);
	element(out, "beslutsdatum", d->beslutsdatum);
	element(out, "paragraf", d->paragraf);
	element(out, "handlaggare", d->handlaggare);
	element(out, "dokumentansvarig", d->dokumentansvarig);
	element(out, "klassificering", d->klassificering);
	element(out, "ersatter", d->ersatter);
	fputs("  <pdf fil=\"", out);
	put_escaped(out, file_name);
	fprintf(out, "\" storlek=\"%lld\" sidor=\"%d\" sha256=\"%s\" pdfa=\"%s\"/>\n",
	        size, f->pages, hex, f->pdfa ? "2a" : "ingen");
	fprintf(out, "  <program namn=\"styrrapport\" version=\"%s\"/>\n</manifest>\n", SR_VERSION);
}

/* OUT.pdf -> OUT.xml */
char *api_manifest_path(const char *pdf)
{
	size_t n = strlen(pdf);
	if (n > 4 && strcmp(pdf + n - 4, ".pdf") == 0)
		n -= 4;
	char *p = xmalloc(n + 5);
	snprintf(p, n + 5, "%.*s.xml", (int)n, pdf);
	return p;
}

int api_write_manifest(sr_report *r, const char *pdf, const manifest_facts *f)
{
	char hex[65];
	long long size;
	if (sha256_file(pdf, hex, &size) != 0) {
		diag_add(&r->diags, D_FILE_READ, pdf, 0, "PDF:en kunde inte läsas för kontrollsumman: %s", sr_strerror(errno));
		return sr_status(r);
	}
	char *path = api_manifest_path(pdf), *copy = xstrdup(pdf);
	size_t n = strlen(path) + 24;
	char *tmp = xmalloc(n);
	snprintf(tmp, n, "%s.tmp-XXXXXX", path);
	int fd = mkstemp(tmp);
	FILE *out = fd >= 0 ? fdopen(fd, "w") : NULL;
	int rc = -1;
	if (out) {
		write_body(out, r->model, f, basename(copy), hex, size);
		rc = ferror(out) | fclose(out);
		if (rc == 0)
			rc = chmod(tmp, 0644) | rename(tmp, path);
	} else if (fd >= 0) {
		close(fd);
	}
	if (rc != 0) {
		diag_add(&r->diags, D_FILE_WRITE, path, 0, "manifestet kunde inte skrivas: %s", sr_strerror(errno));
		if (fd >= 0)
			unlink(tmp);
	}
	free(tmp);
	free(copy);
	free(path);
	return sr_status(r);
}
