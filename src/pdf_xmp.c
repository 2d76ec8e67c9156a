/* SPDX-License-Identifier: Apache-2.0 */
/* pdf_xmp.c - builds the XMP metadata packet of a PDF/A-2b file from the same
 * strings as the Info dictionary, every value XML-escaped. */
#include "pdf_private.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct sbuf {
	char *p;
	size_t n, cap;
} sbuf;

static void put(sbuf *b, const char *s, size_t len)
{
	if (b->n + len + 1 > b->cap) {
		while (b->n + len + 1 > b->cap)
			b->cap = b->cap ? b->cap * 2 : 4096;
		b->p = xrealloc(b->p, b->cap);
	}
	memcpy(b->p + b->n, s, len);
	b->n += len;
	b->p[b->n] = '\0';
}

static void puts_(sbuf *b, const char *s)
{
	put(b, s, strlen(s));
}

static void put_escaped(sbuf *b, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': puts_(b, "&amp;"); break;
		case '<': puts_(b, "&lt;"); break;
		case '>': puts_(b, "&gt;"); break;
		case '"': puts_(b, "&quot;"); break;
		case '\'': puts_(b, "&apos;"); break;
		default: put(b, s, 1); break;
		}
	}
}

/* <tag>value</tag>, or an rdf container of one item (wrap = "Alt", "Seq", "Bag"). */
static void element(sbuf *b, const char *tag, const char *wrap, const char *value)
{
	if (!value)
		return;
	puts_(b, "   <");
	puts_(b, tag);
	puts_(b, ">");
	if (wrap) {
		puts_(b, "<rdf:");
		puts_(b, wrap);
		puts_(b, strcmp(wrap, "Alt") ? "><rdf:li>" : "><rdf:li xml:lang=\"x-default\">");
	}
	put_escaped(b, value);
	if (wrap) {
		puts_(b, "</rdf:li></rdf:");
		puts_(b, wrap);
		puts_(b, ">");
	}
	puts_(b, "</");
	puts_(b, tag);
	puts_(b, ">\n");
}

int pdf_parse_date(const char *s, pdf_meta *m)
{
	static const int mdays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int y, mo, d;
	char tail;
	if (strlen(s) != 10)
		return -1;
	for (int i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : !isdigit((unsigned char)s[i]))
			return -1;
	if (sscanf(s, "%4d-%2d-%2d%c", &y, &mo, &d, &tail) != 3)
		return -1;
	if (y < 1000 || mo < 1 || mo > 12 || d < 1 || d > mdays[mo - 1])
		return -1;
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	if (mo == 2 && d == 29 && !leap)
		return -1;
	m->year = y;
	m->month = mo;
	m->day = d;
	return 0;
}

/* PDF/A allows properties outside its predefined schemas only when an extension schema
 * in the packet declares them (ISO 19005-2 6.6.2.3.2): pdfuaid is such a property. */
static const char ua_extension[] =
	"  <rdf:Description rdf:about=\"\"\n"
	"    xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"\n"
	"    xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"\n"
	"    xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n"
	"   <pdfaExtension:schemas>\n"
	"    <rdf:Bag>\n"
	"     <rdf:li rdf:parseType=\"Resource\">\n"
	"      <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n"
	"      <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n"
	"      <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n"
	"      <pdfaSchema:property>\n"
	"       <rdf:Seq>\n"
	"        <rdf:li rdf:parseType=\"Resource\">\n"
	"         <pdfaProperty:name>part</pdfaProperty:name>\n"
	"         <pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n"
	"         <pdfaProperty:category>internal</pdfaProperty:category>\n"
	"         <pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>\n"
	"        </rdf:li>\n"
	"       </rdf:Seq>\n"
	"      </pdfaSchema:property>\n"
	"     </rdf:li>\n"
	"    </rdf:Bag>\n"
	"   </pdfaExtension:schemas>\n"
	"  </rdf:Description>\n";

char *pdf_xmp_build(const pdf_meta *m, bool pdfa, size_t *len)
{
	sbuf b = {0};
	/* The packet header's BOM and id are fixed by the XMP specification. */
	puts_(&b, "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
	          "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
	          " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
	          "  <rdf:Description rdf:about=\"\"\n"
	          "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
	          "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
	          "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
	          "    xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"");
	puts_(&b, pdfa ? "\n    xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n" : ">\n");
	puts_(&b, "   <dc:format>application/pdf</dc:format>\n");
	element(&b, "dc:title", "Alt", m->title);
	element(&b, "dc:creator", "Seq", m->author);
	element(&b, "dc:description", "Alt", m->subject);
	element(&b, "dc:language", "Bag", m->lang);
	element(&b, "pdf:Producer", NULL, m->producer);
	element(&b, "pdf:Keywords", NULL, m->keywords);
	element(&b, "xmp:CreatorTool", NULL, m->creator);
	if (m->year) {
		/* The same instant as Info's D:YYYYMMDD000000Z. */
		char date[32];
		snprintf(date, sizeof date, "%04d-%02d-%02dT00:00:00Z", m->year, m->month, m->day);
		element(&b, "xmp:CreateDate", NULL, date);
		element(&b, "xmp:ModifyDate", NULL, date);
		element(&b, "xmp:MetadataDate", NULL, date);
	}
	puts_(&b, "   <pdfuaid:part>1</pdfuaid:part>\n");
	if (pdfa)   /* level A: the tagged structure is there (ISO 19005-2 6.7) */
		puts_(&b, "   <pdfaid:part>2</pdfaid:part>\n"
		          "   <pdfaid:conformance>A</pdfaid:conformance>\n");
	puts_(&b, "  </rdf:Description>\n");
	puts_(&b, ua_extension);
	puts_(&b, " </rdf:RDF>\n"
	          "</x:xmpmeta>\n");
	/* Room to edit the packet in place, as the XMP specification recommends. */
	for (int i = 0; i < 20; i++)
		puts_(&b, "                                                                   \n");
	puts_(&b, "<?xpacket end=\"w\"?>");
	*len = b.n;
	return b.p;
}
