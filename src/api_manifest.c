/* SPDX-License-Identifier: Apache-2.0 */
/* api_manifest.c - the diarium manifest (OUT.xml beside OUT.pdf): the case's metadata,
 * and the PDF's name, size, pages and SHA-256, so the registrar can file and verify it.
 * Its format is docs/manifest.xsd. */
#include "api_private.h"
#include <errno.h>
#include <fcntl.h>
#include <libxml/xmlreader.h>
#include <libgen.h>
#include <nettle/sha2.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* SHA-256 of the bytes as 64 lowercase hex digits: the PDF exactly as it is written. */
static void sha256_hex(const unsigned char *data, size_t len, char hex[65])
{
	struct sha256_ctx ctx;
	sha256_init(&ctx);
	sha256_update(&ctx, len, data);
	unsigned char digest[SHA256_DIGEST_SIZE];
	sha256_digest(&ctx, sizeof digest, digest);
	for (int i = 0; i < SHA256_DIGEST_SIZE; i++)
		sprintf(hex + 2 * i, "%02x", digest[i]);
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

char *api_manifest_text(const sr_report *r, const char *pdf, const manifest_facts *f,
                        const unsigned char *bytes, size_t len, size_t *text_len)
{
	char hex[65];
	sha256_hex(bytes, len, hex);
	char *text = NULL, *copy = xstrdup(pdf);
	FILE *out = open_memstream(&text, text_len);
	if (out) {
		write_body(out, r->model, f, basename(copy), hex, (long long)len);
		if (fclose(out) != 0) {
			free(text);
			text = NULL;
		}
	}
	free(copy);
	return text;   /* NULL only when memory ran out */
}

/* Our manifests: root element manifest in the namespace urn:styrrapport:manifest:1. */
static bool is_our_manifest(int fd)
{
	xmlTextReaderPtr rd = xmlReaderForFd(fd, NULL, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR |
	                                     XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
	if (!rd)
		return false;
	xmlTextReaderSetStructuredErrorHandler(rd, NULL, NULL);
	bool ours = false;
	while (xmlTextReaderRead(rd) == 1) {
		int type = xmlTextReaderNodeType(rd);
		if (type == XML_READER_TYPE_DOCUMENT_TYPE)
			break;   /* ours never have one: nothing of it is read */
		if (type != XML_READER_TYPE_ELEMENT)
			continue;
		const xmlChar *name = xmlTextReaderConstLocalName(rd);
		const xmlChar *ns = xmlTextReaderConstNamespaceUri(rd);
		ours = name && ns && !xmlStrcmp(name, BAD_CAST "manifest") &&
		       !xmlStrcmp(ns, BAD_CAST "urn:styrrapport:manifest:1");
		break;
	}
	xmlFreeTextReader(rd);
	return ours;
}

bool api_manifest_replaceable(sr_report *r, const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
		return true;   /* a new name; any other kind is refused when it is opened */
	int fd = open(path, O_RDONLY | O_NOCTTY | O_CLOEXEC);
	if (fd < 0) {
		diag_add(&r->diags, D_FILE_READ, path, 0, "filen som manifestet skulle ersätta kan inte läsas: %s",
		         sr_strerror(errno));
		return false;
	}
	bool ours = is_our_manifest(fd);
	close(fd);
	if (!ours)
		diag_add(&r->diags, D_OUT_MANIFEST, path, 0, "filen finns redan och är inget manifest från "
		         "styrrapport; den skrivs inte över och ingen PDF skrivs (välj ett annat namn med -o, "
		         "eller flytta filen)");
	return ours;
}
