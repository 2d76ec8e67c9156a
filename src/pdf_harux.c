/* SPDX-License-Identifier: Apache-2.0 */
/* pdf_harux.c - the only code that reaches into libharu 2.3.0's internals
 * (hpdf_doc.h structs, HPDF_Dict_*, streams): the ToUnicode repair, catalog entries,
 * PDF/A-2b metadata and OutputIntent, annotation flags, the content-hash /ID, and
 * the direct writing of page content (stream, font resources, glyph use).
 * These internals change between libharu versions; keep them here. */
#include "pdf_private.h"
#include <hpdf_doc.h>
#include <hpdf_encrypt.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_mmgr.h>
#include <hpdf_pages.h>
#include <stdio.h>
#include <string.h>

enum { ID_LEN = 16 };

/* libharu 2.3.0 attaches its *encoding* CMap (CMapType 1, begincidrange) as
 * /ToUnicode; poppler warns and PDF/A checkers reject it. With the UTF-8 encoder a
 * code is the UTF-16 code unit of the character, so the proper map is the identity
 * over the BMP without the surrogates, in bfrange blocks of at most 100 lines. The
 * old stream stays in the xref unreferenced: libharu cannot drop an indirect object.
 * The map is the same for every font, so one stream serves them all. */
static HPDF_Dict tounicode_map(HPDF_Doc doc, const font_ttf *t, bool forms);

static HPDF_Dict tounicode_stream(HPDF_Doc doc)
{
	return tounicode_map(doc, NULL, false);
}

/* Writes the characters code k reads as (its bfchar line). */
static HPDF_STATUS map_line(HPDF_Stream s, const font_ttf *t, bool forms, unsigned k)
{
	char line[64];
	uint16_t u[4];
	size_t n;
	if (t && t->n_supp && k >= t->supp_base && k < t->supp_base + t->n_supp) {
		uint32_t v = t->supp_cp[k - t->supp_base] - 0x10000;
		snprintf(line, sizeof line, "<%04X> <%04X%04X>\n", k, 0xD800 + (v >> 10),
		         0xDC00 + (v & 0x3FF));
	} else if (forms && (n = pdf_form_reading(k, u)) > 0) {
		int o = snprintf(line, sizeof line, "<%04X> <", k);
		for (size_t i = 0; i < n; i++)
			o += snprintf(line + o, sizeof line - (size_t)o, "%04X", u[i]);
		snprintf(line + o, sizeof line - (size_t)o, ">\n");
	} else {
		snprintf(line, sizeof line, "<%04X> <%04X>\n", k, k);
	}
	return HPDF_Stream_WriteStr(s, line);
}

/* The /ToUnicode of a font: the identity over the BMP without the surrogates, in bfrange
 * rows of 256 codes, but written code by code (bfchar) in the rows of
 * - the Private Use Area codes of characters above U+FFFF (font.h), each to its
 *   surrogate pair (t with n_supp);
 * - the presentation forms of Hebrew and Arabic (forms: the document drew some of them as
 *   HarfBuzz's joining forms and ligatures, font_bidi.c), each to the letters it is
 *   (pdf_forms.c), so that text comes back as written rather than as forms.
 * t NULL and no forms: the plain identity of tounicode_stream. */
static HPDF_Dict tounicode_map(HPDF_Doc doc, const font_ttf *t, bool forms)
{
	HPDF_Dict cmap = HPDF_DictStream_New(doc->mmgr, doc->xref);
	if (!cmap)
		return NULL;
	cmap->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
	HPDF_Stream s = cmap->stream;
	HPDF_STATUS st = HPDF_Stream_WriteStr(s,
		"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
	bool by_code[256] = {false};
	if (t && t->n_supp)
		for (unsigned h = t->supp_base >> 8; h <= (unsigned)(t->supp_base + t->n_supp - 1) >> 8; h++)
			by_code[h] = true;
	if (forms)
		for (unsigned h = 0xFB; h <= 0xFE; h++)
			by_code[h] = true;
	int hi[256], n = 0;
	for (int h = 0; h < 256; h++)
		if ((h < 0xD8 || h > 0xDF) && !by_code[h])
			hi[n++] = h;
	char line[64];
	for (int i = 0; i < n && st == HPDF_OK; i += 100) {
		int block = n - i < 100 ? n - i : 100;
		snprintf(line, sizeof line, "%d beginbfrange\n", block);
		st = HPDF_Stream_WriteStr(s, line);
		for (int j = i; j < i + block && st == HPDF_OK; j++) {
			snprintf(line, sizeof line, "<%02X00> <%02XFF> <%02X00>\n", hi[j], hi[j], hi[j]);
			st = HPDF_Stream_WriteStr(s, line);
		}
		if (st == HPDF_OK)
			st = HPDF_Stream_WriteStr(s, "endbfrange\n");
	}
	for (unsigned h = 0; h < 256 && st == HPDF_OK; h++) {
		if (!by_code[h])
			continue;
		unsigned first = h << 8;   /* rows next to each other: one stretch of blocks */
		while (h + 1 < 256 && by_code[h + 1])
			h++;
		unsigned last = h << 8 | 0xFF;
		for (unsigned c = first; c <= last && st == HPDF_OK; c += 100) {
			unsigned block = last + 1 - c < 100 ? last + 1 - c : 100;
			snprintf(line, sizeof line, "%u beginbfchar\n", block);
			st = HPDF_Stream_WriteStr(s, line);
			for (unsigned k = c; k < c + block && st == HPDF_OK; k++)
				st = map_line(s, t, forms, k);
			if (st == HPDF_OK)
				st = HPDF_Stream_WriteStr(s, "endbfchar\n");
		}
	}
	if (st == HPDF_OK)
		st = HPDF_Stream_WriteStr(s, "endcmap\nCMapName currentdict /CMap defineresource pop\n"
		                             "end\nend\n");
	return st == HPDF_OK ? cmap : NULL;
}

int pdf_harux_tounicode_supp(HPDF_Doc doc, HPDF_Font font, const font_ttf *t)
{
	HPDF_Dict cmap = tounicode_map(doc, t, false);
	if (!cmap)
		return -1;
	HPDF_STATUS st = HPDF_Dict_Add(font, "ToUnicode", cmap);
	return st == HPDF_OK && HPDF_GetError(doc) == HPDF_OK ? 0 : -1;
}

int pdf_harux_tounicode_forms(HPDF_Doc doc, HPDF_Font font, const font_ttf *t)
{
	HPDF_Dict cmap = tounicode_map(doc, t, true);
	if (!cmap)
		return -1;
	HPDF_STATUS st = HPDF_Dict_Add(font, "ToUnicode", cmap);
	return st == HPDF_OK && HPDF_GetError(doc) == HPDF_OK ? 0 : -1;
}

/* One more format 4 segment in libharu's parsed cmap of the font: the Private Use Area
 * codes t->supp_base + k to the glyphs of the characters above U+FFFF, so that libharu's
 * own CIDToGIDMap, /W widths and subset marking cover them. font_ttf.c put the codes in
 * a gap between the segments; the idRangeOffsets are adjusted for the inserted one. */
int pdf_harux_add_supp(HPDF_Doc doc, const char *font_name, const font_ttf *t)
{
	HPDF_FontDef def = HPDF_Doc_FindFontDef(doc, font_name);
	if (!def || def->type != HPDF_FONTDEF_TYPE_TRUETYPE || !t->n_supp)
		return -1;
	HPDF_TTFontDefAttr a = (HPDF_TTFontDefAttr)def->attr;
	HPDF_TTF_CmapRange *c = &a->cmap;
	unsigned seg = c->seg_count_x2 / 2, n = (unsigned)t->n_supp;
	unsigned lo = t->supp_base, hi = lo + n - 1;
	if (c->format != 4 || !seg)
		return -1;
	unsigned ins = 0;
	while (ins < seg && c->end_count[ins] < lo)
		ins++;
	if ((ins < seg && c->start_count[ins] <= hi) || c->glyph_id_array_count + seg + 1 > 32000)
		return -1;   /* no gap there after all, or the offsets would not fit */
	HPDF_MMgr mm = def->mmgr;
	HPDF_UINT16 *end = HPDF_GetMem(mm, (seg + 1) * sizeof *end);
	HPDF_UINT16 *start = HPDF_GetMem(mm, (seg + 1) * sizeof *start);
	HPDF_INT16 *delta = HPDF_GetMem(mm, (seg + 1) * sizeof *delta);
	HPDF_UINT16 *ro = HPDF_GetMem(mm, (seg + 1) * sizeof *ro);
	HPDF_UINT16 *gl = HPDF_GetMem(mm, (c->glyph_id_array_count + n) * sizeof *gl);
	if (!end || !start || !delta || !ro || !gl)
		return -1;   /* libharu's error is set; the memory goes with the document */
	for (unsigned j = 0, k = 0; j <= seg; j++) {
		if (j == ins) {
			end[j] = (HPDF_UINT16)hi;
			start[j] = (HPDF_UINT16)lo;
			delta[j] = 0;
			ro[j] = (HPDF_UINT16)(2 * (c->glyph_id_array_count + (seg + 1) - ins));
			continue;
		}
		end[j] = c->end_count[k];
		start[j] = c->start_count[k];
		delta[j] = c->id_delta[k];
		ro[j] = c->id_range_offset[k] && j < ins ? (HPDF_UINT16)(c->id_range_offset[k] + 2)
		                                         : c->id_range_offset[k];
		k++;
	}
	if (c->glyph_id_array_count)
		memcpy(gl, c->glyph_id_array, c->glyph_id_array_count * sizeof *gl);
	for (unsigned k = 0; k < n; k++)
		gl[c->glyph_id_array_count + k] = t->supp_gid[k];
	HPDF_FreeMem(mm, c->end_count);
	HPDF_FreeMem(mm, c->start_count);
	HPDF_FreeMem(mm, c->id_delta);
	HPDF_FreeMem(mm, c->id_range_offset);
	if (c->glyph_id_array)
		HPDF_FreeMem(mm, c->glyph_id_array);
	c->end_count = end;
	c->start_count = start;
	c->id_delta = delta;
	c->id_range_offset = ro;
	c->glyph_id_array = gl;
	c->glyph_id_array_count += n;
	c->seg_count_x2 = (HPDF_UINT16)(2 * (seg + 1));
	return 0;
}

int pdf_harux_fix_tounicode(HPDF_Doc doc, HPDF_Font font, void **cmap)
{
	if (!*cmap)
		*cmap = tounicode_stream(doc);
	if (!*cmap)
		return -1;
	HPDF_STATUS st = HPDF_Dict_Add(font, "ToUnicode", *cmap);
	return st == HPDF_OK && HPDF_GetError(doc) == HPDF_OK ? 0 : -1;
}

int pdf_harux_catalog(HPDF_Doc doc, const char *lang)
{
	HPDF_STATUS st = HPDF_OK;
	if (lang)
		st = HPDF_Dict_Add(doc->catalog, "Lang", HPDF_String_New(doc->mmgr, lang, NULL));
	HPDF_Dict vp = HPDF_Dict_New(doc->mmgr);
	if (!vp)
		return -1;
	if (st == HPDF_OK)
		st = HPDF_Dict_AddBoolean(vp, "DisplayDocTitle", HPDF_TRUE);
	if (st == HPDF_OK)
		st = HPDF_Dict_Add(doc->catalog, "ViewerPreferences", vp);
	return st == HPDF_OK ? 0 : -1;
}

/* The XMP stream: PDF/A wants it uncompressed, so that it can be found without PDF
 * parsing. libharu's own PDF/A helper (PDF/A-1 only, unescaped) is not used. */
static HPDF_STATUS add_metadata(HPDF_Doc doc, const char *xmp, size_t len)
{
	HPDF_Dict md = HPDF_DictStream_New(doc->mmgr, doc->xref);
	if (!md)
		return HPDF_FAILD_TO_ALLOC_MEM;
	md->filter = HPDF_STREAM_FILTER_NONE;
	HPDF_STATUS st = HPDF_Dict_AddName(md, "Type", "Metadata");
	if (st == HPDF_OK)
		st = HPDF_Dict_AddName(md, "Subtype", "XML");
	if (st == HPDF_OK)
		st = HPDF_Stream_Write(md->stream, (const HPDF_BYTE *)xmp, (HPDF_UINT)len);
	if (st == HPDF_OK)
		st = HPDF_Dict_Add(doc->catalog, "Metadata", md);
	return st;
}

static HPDF_STATUS add_output_intent(HPDF_Doc doc, const unsigned char *icc, size_t len)
{
	HPDF_Dict prof = HPDF_DictStream_New(doc->mmgr, doc->xref);
	HPDF_Dict oi = HPDF_Dict_New(doc->mmgr);
	HPDF_Array list = HPDF_Array_New(doc->mmgr);
	if (!prof || !oi || !list)
		return HPDF_FAILD_TO_ALLOC_MEM;
	prof->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
	HPDF_STATUS st = HPDF_Dict_AddNumber(prof, "N", 3);
	if (st == HPDF_OK)
		st = HPDF_Stream_Write(prof->stream, icc, (HPDF_UINT)len);
	if (st == HPDF_OK)
		st = HPDF_Dict_AddName(oi, "Type", "OutputIntent");
	if (st == HPDF_OK)
		st = HPDF_Dict_AddName(oi, "S", "GTS_PDFA1");
	if (st == HPDF_OK)
		st = HPDF_Dict_Add(oi, "OutputConditionIdentifier",
		                   HPDF_String_New(doc->mmgr, "sRGB IEC61966-2.1", NULL));
	if (st == HPDF_OK)
		st = HPDF_Dict_Add(oi, "Info", HPDF_String_New(doc->mmgr, "sRGB IEC61966-2.1", NULL));
	if (st == HPDF_OK)
		st = HPDF_Dict_Add(oi, "DestOutputProfile", prof);
	if (st == HPDF_OK)
		st = HPDF_Array_Add(list, oi);
	if (st == HPDF_OK)
		st = HPDF_Dict_Add(doc->catalog, "OutputIntents", list);
	return st;
}

int pdf_harux_metadata(HPDF_Doc doc, const char *xmp, size_t xmp_len)
{
	HPDF_STATUS st = add_metadata(doc, xmp, xmp_len);
	return st == HPDF_OK && HPDF_GetError(doc) == HPDF_OK ? 0 : -1;
}

int pdf_harux_output_intent(HPDF_Doc doc, const unsigned char *icc, size_t icc_len)
{
	HPDF_STATUS st = add_output_intent(doc, icc, icc_len);
	return st == HPDF_OK && HPDF_GetError(doc) == HPDF_OK ? 0 : -1;
}

/* libharu writes a stream's /Filter from dict->filter and deflates at write time, at
 * zlib's default level; with the filter cleared it writes the bytes as they are and
 * drops any /Filter entry, and then calls write_fn before closing the dictionary:
 * that is where the entry for our own compressed bytes goes. */
static HPDF_STATUS write_flate_entry(HPDF_Dict dict, HPDF_Stream stream)
{
	(void)dict;
	return HPDF_Stream_WriteStr(stream, "/Filter /FlateDecode\012");
}

int pdf_harux_set_content(HPDF_Page page, const unsigned char *z, size_t len)
{
	HPDF_PageAttr attr = (HPDF_PageAttr)page->attr;
	if (HPDF_Stream_Write(attr->stream, z, (HPDF_UINT)len) != HPDF_OK)
		return -1;
	attr->contents->filter = HPDF_STREAM_FILTER_NONE;
	attr->contents->write_fn = write_flate_entry;
	return 0;
}

const char *pdf_harux_image_resource(HPDF_Page page, HPDF_Image image)
{
	return HPDF_Page_GetXObjectName(page, image);
}

const char *pdf_harux_font_resource(HPDF_Page page, HPDF_Font font)
{
	return font ? HPDF_Page_GetLocalFontName(page, font) : NULL;
}

/* HPDF_Page_ShowText marks glyphs through the font's width function, which ends in
 * HPDF_TTFontDef_GetCharWidth: that call sets the glyph's "used" flag (and that of
 * the parts of a composite glyph). */
void pdf_harux_use_glyph(HPDF_Font font, unsigned cp)
{
	HPDF_FontAttr attr = (HPDF_FontAttr)font->attr;
	if (attr && attr->fontdef && attr->fontdef->type == HPDF_FONTDEF_TYPE_TRUETYPE)
		(void)HPDF_TTFontDef_GetCharWidth(attr->fontdef, (HPDF_UINT16)cp);
}

/* PDF/A: every annotation must be printable; libharu writes no /F. */
int pdf_harux_annot_print(HPDF_Annotation annot)
{
	return HPDF_Dict_AddNumber(annot, "F", 4) == HPDF_OK ? 0 : -1;
}

/* Finds the placeholder at or after from (pdf_pack says where it wrote it). */
static unsigned char *find_placeholder(unsigned char *buf, size_t len, size_t from)
{
	static const char zeros[] = "<00000000000000000000000000000000>";
	size_t zl = sizeof zeros - 1;
	for (size_t i = from; i + zl <= len; i++)
		if (!memcmp(buf + i, zeros, zl))
			return buf + i;
	return NULL;
}

int pdf_harux_patch_id(unsigned char *buf, size_t len, size_t from)
{
	unsigned char *a = find_placeholder(buf, len, from);
	unsigned char *b = a ? find_placeholder(buf, len, (size_t)(a - buf) + 1) : NULL;
	if (!b)
		return -1;
	/* The hash covers the whole file with the placeholder in it: same bytes in,
	 * same /ID out, with no clock and no host in it. */
	HPDF_MD5_CTX ctx;
	HPDF_BYTE digest[ID_LEN];
	HPDF_MD5Init(&ctx);
	HPDF_MD5Update(&ctx, buf, (HPDF_UINT32)len);
	HPDF_MD5Final(digest, &ctx);
	for (int i = 0; i < ID_LEN; i++) {
		char hex[3];
		snprintf(hex, sizeof hex, "%02X", digest[i]);
		memcpy(a + 1 + 2 * i, hex, 2);
		memcpy(b + 1 + 2 * i, hex, 2);
	}
	return 0;
}

void pdf_harux_version(HPDF_Doc doc)
{
	doc->pdf_version = HPDF_VER_17;
}

/* ---- the structure tree (ISO 32000-1 14.7, 14.8) ---- */

/* A text string in UTF-16 (libharu converts through its UTF-8 encoder). */
static HPDF_String text_string(HPDF_Doc doc, const char *utf8)
{
	return HPDF_String_New(doc->mmgr, utf8, HPDF_GetEncoder(doc, "UTF-8"));
}

static size_t obj_num(const void *obj)
{
	return ((const HPDF_Obj_Header *)obj)->obj_id & 0x00FFFFFF;
}

/* The elements themselves are written as text by pdf_tag.c and packed into object
 * streams by pdf_pack.c: ~10 000 libharu dictionaries (one per table cell of a large
 * report) would cost more time than the whole rest of the document. */
int pdf_harux_struct(HPDF_Doc doc, HPDF_Page *pages, size_t n_pages, pdf_tags *t)
{
	HPDF_Null root = HPDF_Null_New(doc->mmgr);
	HPDF_Dict mi = HPDF_Dict_New(doc->mmgr);
	if (!root || !mi || HPDF_Xref_Add(doc->xref, root) != HPDF_OK)
		return -1;
	HPDF_STATUS st = HPDF_Dict_Add(doc->catalog, "StructTreeRoot", root);
	if (st == HPDF_OK)
		st = HPDF_Dict_Add(doc->catalog, "MarkInfo", mi);
	if (st == HPDF_OK)
		st = HPDF_Dict_AddBoolean(mi, "Marked", HPDF_TRUE);
	t->root_obj = obj_num(root);
	t->page_obj = xcalloc(n_pages + 1, sizeof *t->page_obj);
	t->annot_obj = xcalloc(t->n_annot + 1, sizeof *t->annot_obj);
	for (size_t i = 0; i < n_pages && st == HPDF_OK; i++) {
		t->page_obj[i] = obj_num(pages[i]);
		st = HPDF_Dict_AddNumber(pages[i], "StructParents", (HPDF_INT32)i);
	}
	for (size_t i = 0; i < t->n_annot && st == HPDF_OK; i++) {
		HPDF_Page pg = pages[t->annot[i].page];
		t->annot_obj[i] = obj_num(t->annot[i].annot);
		if (!HPDF_Dict_GetItem(pg, "Tabs", HPDF_OCLASS_NAME))
			st = HPDF_Dict_AddName(pg, "Tabs", "S");   /* tab order = structure order */
	}
	return st == HPDF_OK && HPDF_GetError(doc) == HPDF_OK ? 0 : -1;
}

int pdf_harux_annot_tag(HPDF_Doc doc, HPDF_Annotation annot, int key, const char *contents)
{
	HPDF_STATUS st = HPDF_Dict_AddNumber(annot, "StructParent", key);
	if (st == HPDF_OK)
		st = HPDF_Dict_Add(annot, "Contents", text_string(doc, contents));
	return st == HPDF_OK ? 0 : -1;
}
