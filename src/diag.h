/* SPDX-License-Identifier: Apache-2.0 */
/* diag.h - the catalogue of diagnostics and the sink every stage reports into.
 * Nothing below the CLI prints: stages add to a diag_sink, the caller prints it.
 * Output form: "FILE:LINE: fel: [KOD] meddelande" (or "varning:"), in Swedish. */
#ifndef SR_DIAG_H
#define SR_DIAG_H
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum diag_level { DIAG_WARNING, DIAG_ERROR, DIAG_INFO };   /* info: a report line, no problem */

/* Exit classes of MODEL.md "Bad input": an error's class decides the exit code. */
enum diag_exit { EXIT_OK_ = 0, EXIT_INVALID = 1, EXIT_USAGE = 2, EXIT_RUNTIME = 3 };

/* X(enum, "KOD", level, exit class, "what it means" - the docs' one-line summary)
 * Codes are stable: never renumber or rename one, only add. */
#define DIAG_CATALOGUE(X) \
	/* reading files and XML well-formedness */ \
	X(D_FILE_READ, "FIL-LASA", DIAG_ERROR, EXIT_RUNTIME, "filen kan inte läsas") \
	X(D_FILE_WRITE, "FIL-SKRIVA", DIAG_ERROR, EXIT_RUNTIME, "utfilen kan inte skrivas") \
	/* output files that would lose data (issue 11) */ \
	X(D_OUT_DUP, "UT-DUBBLETT", DIAG_ERROR, EXIT_RUNTIME, "två dokument i samma körning skulle bli samma utfil; ingen av dem sätts") \
	X(D_OUT_MANIFEST, "UT-MANIFEST", DIAG_ERROR, EXIT_RUNTIME, "en fil med manifestets namn finns och är inget manifest från styrrapport") \
	X(D_OUT_KIND, "UT-TYP", DIAG_ERROR, EXIT_RUNTIME, "utfilen kan inte skrivas dit: en mapp, en FIFO utan läsare, en disk eller ett uttag; med --manifest bara en vanlig fil") \
	X(D_XML_SYNTAX, "XML-SYNTAX", DIAG_ERROR, EXIT_INVALID, "dokumentet är inte välformad XML") \
	X(D_XML_ENCODING, "XML-KODNING", DIAG_ERROR, EXIT_INVALID, "dokumentet är inte giltig UTF-8") \
	X(D_XML_DOCTYPE, "XML-DOCTYPE", DIAG_ERROR, EXIT_INVALID, "DOCTYPE och entiteter är inte tillåtna") \
	X(D_XML_ROOT, "XML-ROT", DIAG_ERROR, EXIT_INVALID, "fel rotelement eller namnrymd") \
	X(D_XML_OTHER, "XML-FEL", DIAG_ERROR, EXIT_INVALID, "annat XML-fel (libxml2:s kod och text följer)") \
	X(D_XML_LIMIT, "XML-GRANS", DIAG_ERROR, EXIT_INVALID, "dokumentet överskrider en gräns (storlek, djup)") \
	/* XInclude */ \
	X(D_INC_PATH, "INKL-SOKVAG", DIAG_ERROR, EXIT_INVALID, "xi:include pekar utanför dokumentets mapp") \
	X(D_INC_READ, "INKL-LASA", DIAG_ERROR, EXIT_INVALID, "den inkluderade filen kan inte läsas") \
	X(D_INC_FORM, "INKL-FORM", DIAG_ERROR, EXIT_INVALID, "felaktig xi:include (href saknas, parse, xpointer, fallback)") \
	X(D_INC_LOOP, "INKL-SLINGA", DIAG_ERROR, EXIT_INVALID, "en fil inkluderar sig själv") \
	/* structure (XSD) */ \
	X(D_SCHEMA_ELEMENT, "SCHEMA-ELEMENT", DIAG_ERROR, EXIT_INVALID, "elementet är inte tillåtet här") \
	X(D_SCHEMA_MISSING, "SCHEMA-SAKNAS", DIAG_ERROR, EXIT_INVALID, "ett obligatoriskt element saknas") \
	X(D_SCHEMA_ATTR, "SCHEMA-ATTRIBUT", DIAG_ERROR, EXIT_INVALID, "attributet är inte tillåtet här") \
	X(D_SCHEMA_ATTR_MISSING, "SCHEMA-ATTR-SAKNAS", DIAG_ERROR, EXIT_INVALID, "ett obligatoriskt attribut saknas") \
	X(D_SCHEMA_VALUE, "SCHEMA-VARDE", DIAG_ERROR, EXIT_INVALID, "värdet har fel form") \
	X(D_SCHEMA_TEXT, "SCHEMA-TEXT", DIAG_ERROR, EXIT_INVALID, "text är inte tillåten här") \
	/* values */ \
	X(D_NUM_SYNTAX, "TAL-FORM", DIAG_ERROR, EXIT_INVALID, "värdet är inget tal (decimalpunkt, inga exponenter)") \
	X(D_NUM_DECIMALS, "TAL-DECIMALER", DIAG_ERROR, EXIT_INVALID, "talet har fler än 6 decimaler") \
	X(D_NUM_RANGE, "TAL-STORLEK", DIAG_ERROR, EXIT_INVALID, "talets belopp är 10^12 eller mer") \
	X(D_DATE, "DATUM", DIAG_ERROR, EXIT_INVALID, "ogiltigt datum") \
	X(D_YEAR, "AR", DIAG_ERROR, EXIT_INVALID, "ogiltigt år") \
	X(D_CHAR_BMP, "TECKEN-UTANFOR", DIAG_WARNING, EXIT_OK_, "ett tecken över U+FFFF som inget typsnitt (inte heller reservtypsnittet) har kan inte visas i PDF:en") \
	X(D_PLACEHOLDER, "MALLTEXT", DIAG_WARNING, EXIT_OK_, "texten innehåller mallens platshållare") \
	/* ids and references */ \
	X(D_ID_DUP, "ID-DUBBLETT", DIAG_ERROR, EXIT_INVALID, "samma id används två gånger") \
	X(D_REF_MISSING, "REF-SAKNAS", DIAG_ERROR, EXIT_INVALID, "referensen pekar på ett id som inte finns") \
	X(D_REF_KIND, "REF-TYP", DIAG_ERROR, EXIT_INVALID, "referensen pekar på fel sorts element") \
	/* report, period, diarium */ \
	X(D_PERIOD_START, "PERIOD-START", DIAG_ERROR, EXIT_INVALID, "perioden börjar inte den 1 januari rapportåret") \
	X(D_PERIOD_END, "PERIOD-SLUT", DIAG_ERROR, EXIT_INVALID, "perioden slutar inte på en månads sista dag") \
	X(D_PERIOD_LENGTH, "PERIOD-LANGD", DIAG_ERROR, EXIT_INVALID, "periodens längd passar inte rapporttypen") \
	X(D_REPORT_NAMND, "RAPPORT-NAMND", DIAG_ERROR, EXIT_INVALID, "en verksamhetsberättelse måste ange namndref") \
	X(D_DNR_FORMAT, "DNR-FORMAT", DIAG_ERROR, EXIT_INVALID, "diarienumret följer inte diarieformatet") \
	X(D_DNR_PATTERN, "DNR-MONSTER", DIAG_ERROR, EXIT_INVALID, "diarieformat är inget giltigt PCRE2-mönster") \
	X(D_DNR_LIMIT, "DNR-GRANS", DIAG_ERROR, EXIT_INVALID, "diarieformat når matchningsgränsen") \
	X(D_LOGO_MISSING, "LOGO-SAKNAS", DIAG_ERROR, EXIT_INVALID, "logotypen finns inte") \
	X(D_LOGO_FORMAT, "LOGO-FORMAT", DIAG_ERROR, EXIT_INVALID, "logotypen är varken PNG eller JPEG") \
	X(D_LOGO_PATH, "LOGO-SOKVAG", DIAG_ERROR, EXIT_INVALID, "logotypen ligger utanför dokumentets mapp") \
	X(D_LOGO_CORRUPT, "LOGO-TRASIG", DIAG_ERROR, EXIT_INVALID, "logotypen är en trasig eller avkortad bildfil") \
	X(D_LOGO_SIZE, "LOGO-STORLEK", DIAG_ERROR, EXIT_INVALID, "logotypen har fler bildpunkter eller byte än gränsen") \
	X(D_LOGO_CMYK, "LOGO-CMYK", DIAG_ERROR, EXIT_INVALID, "logotypen är en CMYK-JPEG, som PDF/A med sRGB inte kan visa") \
	X(D_LOGO_WARNING, "LOGO-VARNING", DIAG_WARNING, EXIT_OK_, "bildavkodaren varnade för logotypen (den används ändå)") \
	/* goals */ \
	X(D_LEVEL_MISSING, "NIVA-SAKNAS", DIAG_ERROR, EXIT_INVALID, "målet anger en målnivå som inte finns") \
	X(D_LEVEL_ORDER, "NIVA-ORDNING", DIAG_ERROR, EXIT_INVALID, "målet står under ett mål som inte har högre nivå") \
	X(D_LEVELS_NONE, "NIVAER-SAKNAS", DIAG_ERROR, EXIT_INVALID, "dokumentet har mål men inga malnivaer") \
	X(D_PARENT_NESTED, "OVERORDNAD-NASTLAD", DIAG_ERROR, EXIT_INVALID, "ett nästlat mål får inte ha overordnad") \
	X(D_PARENT_CYCLE, "OVERORDNAD-SLINGA", DIAG_ERROR, EXIT_INVALID, "overordnad pekar på målet självt eller ett av dess undermål") \
	X(D_IND_DUP, "INDIKATOR-DUBBLETT", DIAG_ERROR, EXIT_INVALID, "flera utgångsvärden, eller flera målvärden/utfall samma år") \
	X(D_KOLADA, "KOLADA", DIAG_ERROR, EXIT_INVALID, "ogiltigt Kolada-id (N eller U och fem siffror)") \
	X(D_AGENDA2030, "AGENDA2030", DIAG_ERROR, EXIT_INVALID, "Agenda 2030-mål ska vara 1-17") \
	X(D_ASSESS_TEXT, "BEDOMNING-TEXT", DIAG_ERROR, EXIT_INVALID, "en manuell status kräver en analystext") \
	X(D_THRESHOLDS, "BEDOMNINGSREGLER", DIAG_ERROR, EXIT_INVALID, "orimliga bedömningsregler") \
	/* economy */ \
	X(D_DRIFT_SUM, "DRIFT-SUMMA", DIAG_ERROR, EXIT_INVALID, "driftredovisningens summa stämmer inte") \
	X(D_DRIFT_ROW, "DRIFT-RAD", DIAG_ERROR, EXIT_INVALID, "felaktig rad i driftredovisningen (namndref eller rubrik, prognos)") \
	X(D_ROW_DUP, "RAD-DUBBLETT", DIAG_ERROR, EXIT_INVALID, "en nämnd har två rader") \
	X(D_INVEST_SUM, "INVEST-SUMMA", DIAG_ERROR, EXIT_INVALID, "investeringarnas summa stämmer inte") \
	X(D_VALUES_COUNT, "VARDEN-ANTAL", DIAG_ERROR, EXIT_INVALID, "antalet värden skiljer sig från antalet kolumner") \
	X(D_ACCOUNT_SUM, "RAKNING-SUMMA", DIAG_ERROR, EXIT_INVALID, "en publicerad summa stämmer inte med posterna") \
	X(D_ACCOUNT_REF, "RAKNING-AV", DIAG_ERROR, EXIT_INVALID, "av= nämner ett id som inte står ovanför i räkningen") \
	X(D_BALANCE, "BALANS", DIAG_ERROR, EXIT_INVALID, "balansräkningen balanserar inte") \
	X(D_BALANCE_ROLE, "BALANS-ROLL", DIAG_ERROR, EXIT_INVALID, "balansräkningen saknar summa med roll tillgangar eller ek-och-skulder") \
	X(D_FIN_TERM, "FINMAL-TERM", DIAG_ERROR, EXIT_INVALID, "finansiellt mål: term som inte finns") \
	X(D_FIN_COLUMN, "FINMAL-KOLUMN", DIAG_ERROR, EXIT_INVALID, "finansiellt mål: kolumnen finns inte") \
	X(D_FIN_ZERO, "FINMAL-NOLL", DIAG_ERROR, EXIT_INVALID, "finansiellt mål: nämnaren är noll") \
	X(D_FIN_ACCOUNT, "FINMAL-RAKNING", DIAG_ERROR, EXIT_INVALID, "finansiellt mål: termerna står i olika räkningar") \
	X(D_FIN_INPUT, "FINMAL-UPPGIFT", DIAG_ERROR, EXIT_INVALID, "finansiellt mål: varken utfall eller taljare/namnare") \
	X(D_PERSONAL_DUP, "PERSONAL-DUBBLETT", DIAG_ERROR, EXIT_INVALID, "en nämnd har två personalrader") \
	/* MODEL v2 part 1 (issue 12) */ \
	X(D_TABELL_TEXT, "TABELL-TEXT", DIAG_ERROR, EXIT_INVALID, "varden i en tabell med textkolumn, eller namn bara på en del av posterna") \
	X(D_VARAV_PLATS, "VARAV-PLATS", DIAG_ERROR, EXIT_INVALID, "en varav-rad har ingen egen rad ovanför sig") \
	X(D_RAKNING_RUBRIK, "RAKNING-RUBRIK", DIAG_WARNING, EXIT_OK_, "två räkningar av samma typ har samma rubrik") \
	X(D_BILD_SAKNAS, "BILD-SAKNAS", DIAG_ERROR, EXIT_INVALID, "bilden finns inte eller är ingen vanlig fil") \
	X(D_BILD_SOKVAG, "BILD-SOKVAG", DIAG_ERROR, EXIT_INVALID, "bilden ligger utanför dokumentets mapp, eller href är absolut eller en adress") \
	X(D_BILD_FORMAT, "BILD-FORMAT", DIAG_ERROR, EXIT_INVALID, "bilden är varken PNG eller JPEG, är trasig eller för stor, eller är en CMYK-JPEG") \
	X(D_BILD_ALT, "BILD-ALT", DIAG_ERROR, EXIT_INVALID, "bilden har varken alt eller dekorativ=\"ja\", har båda, eller ett tomt alt") \
	X(D_BALANSKRAV_ROLL, "BALANSKRAV-ROLL", DIAG_ERROR, EXIT_INVALID, "fel roller i balanskravsutredningen") \
	X(D_BALANSKRAV_RESULTAT, "BALANSKRAV-RESULTAT", DIAG_ERROR, EXIT_INVALID, "årets resultat stämmer inte med den refererade siffran") \
	X(D_BALANSKRAV_SAKNAS, "BALANSKRAV-SAKNAS", DIAG_WARNING, EXIT_OK_, "årsredovisningen saknar balanskravsutredning") \
	X(D_DRIFT_AVVIKELSE, "DRIFT-AVVIKELSE", DIAG_ERROR, EXIT_INVALID, "en angiven avvikelse stämmer inte, eller anges där ingen beräknas") \
	X(D_DRIFT_BRUTTO, "DRIFT-BRUTTO", DIAG_ERROR, EXIT_INVALID, "bara en av intakter och kostnader, eller kostnader - intakter skiljer sig från utfall") \
	X(D_SJUK_VARDE, "SJUK-VARDE", DIAG_ERROR, EXIT_INVALID, "ett sjukfrånvarovärde ligger utanför 0-100") \
	X(D_SJUK_DUBBLETT, "SJUK-DUBBLETT", DIAG_ERROR, EXIT_INVALID, "två sjukfranvaro för samma niva och ar") \
	X(D_SJUK_SAKNAS, "SJUK-SAKNAS", DIAG_WARNING, EXIT_OK_, "årsredovisningen saknar kommunens sjukfrånvaro för året, eller värden saknas") \
	/* composition */ \
	X(D_CONTRIB_ROOT, "BIDRAG-ROT", DIAG_ERROR, EXIT_INVALID, "filen är ett nämndbidrag, inte en rapport") \
	/* MODEL v2 part 2 (issue 13) */ \
	X(D_SKALA, "SKALA", DIAG_ERROR, EXIT_INVALID, "bedomningsskala bryter mot en regel, eller står med mal-gron/mal-gul") \
	X(D_SKALA_STEG, "SKALA-STEG", DIAG_ERROR, EXIT_INVALID, "en status eller prognos nämner inget steg i bedomningsskala") \
	X(D_INDIKATOR_MAL, "INDIKATOR-MAL", DIAG_ERROR, EXIT_INVALID, "trendmål med målvärde för året, motsägande eller saknad riktning, eller mal i ett nyckeltal") \
	X(D_OVERORDNAD_LISTA, "OVERORDNAD-LISTA", DIAG_ERROR, EXIT_INVALID, "overordnad nämner samma mål två gånger") \
	X(D_FINMAL_INTERVALL, "FINMAL-INTERVALL", DIAG_ERROR, EXIT_INVALID, "bara en av malvarde-min/-max, min > max, eller intervall med malvarde eller riktning") \
	X(D_UPPDRAG_TEXT, "UPPDRAG-TEXT", DIAG_ERROR, EXIT_INVALID, "ett uppdrag som inte är klart saknar text") \
	X(D_KONTROLL_TEXT, "KONTROLL-TEXT", DIAG_ERROR, EXIT_INVALID, "en kontroll med avvikelse eller ej genomförd saknar text") \
	X(D_BIDRAG_NAMND, "BIDRAG-NAMND", DIAG_ERROR, EXIT_INVALID, "ett element i ett nämndbidrag nämner en annan nämnd") \
	/* import (issue 17): data files read by `styrrapport import` */ \
	X(D_IMPORT, "IMPORT", DIAG_INFO, EXIT_OK_, "importen ändrade ett värde (gammalt → nytt, och varifrån)") \
	X(D_IMPORT_MISSING, "IMPORT-SAKNAS", DIAG_WARNING, EXIT_OK_, "datafilen saknar värde för ett år (null eller saknas-status); året lämnas") \
	X(D_IMPORT_UNUSED, "IMPORT-OANVAND", DIAG_WARNING, EXIT_OK_, "datafilen har ett nyckeltal som dokumentet inte har; det ignoreras") \
	X(D_IMPORT_NODATA, "IMPORT-INGEN-DATA", DIAG_WARNING, EXIT_OK_, "dokumentets Kolada-nyckeltal finns inte i datafilen för kommunen") \
	X(D_IMPORT_JSON, "IMPORT-JSON", DIAG_ERROR, EXIT_INVALID, "Kolada-filen är inte giltig JSON eller har fel form") \
	X(D_IMPORT_KOLADA, "IMPORT-KOLADA", DIAG_ERROR, EXIT_INVALID, "ett Kolada-värde har fel form (kpi, kommun, period, kön, värde)") \
	X(D_IMPORT_CSV, "IMPORT-CSV", DIAG_ERROR, EXIT_INVALID, "CSV-filen kan inte läsas (teckenkodning, citattecken, avgränsare, rubrikrad)") \
	X(D_IMPORT_COLUMN, "IMPORT-KOLUMN", DIAG_ERROR, EXIT_INVALID, "en kolumn är okänd, saknas eller står två gånger") \
	X(D_IMPORT_ROW, "IMPORT-RAD", DIAG_ERROR, EXIT_INVALID, "en rad matchar inget i dokumentet, eller samma sak två gånger") \
	X(D_IMPORT_NUMBER, "IMPORT-TAL", DIAG_ERROR, EXIT_INVALID, "ett värde är inget tal, har fler än 6 decimaler eller är för stort") \
	X(D_IMPORT_INCLUDED, "IMPORT-INKLUDERAD", DIAG_ERROR, EXIT_INVALID, "målet för värdet står i en inkluderad fil; importera till den filen") \
	X(D_IMPORT_TARGET, "IMPORT-MAL", DIAG_ERROR, EXIT_INVALID, "dokumentet saknar det som ska fyllas i (räkning, kommunkod, driftredovisning)") \
	X(D_IMPORT_RESULT, "IMPORT-RESULTAT", DIAG_ERROR, EXIT_INVALID, "det importerade dokumentet blir ogiltigt; inget skrivs") \
	/* layouts and rendering */ \
	X(D_LAYOUT, "LAYOUT", DIAG_ERROR, EXIT_INVALID, "fel i layoutfilen") \
	X(D_LAYOUT_OVERFLOW, "LAYOUT-PLATS", DIAG_ERROR, EXIT_INVALID, "innehållet får inte plats på sidan") \
	X(D_CONTRAST, "KONTRAST", DIAG_WARNING, EXIT_OK_, "en färg i layoutfilen har för låg kontrast (WCAG 2.1)") \
	X(D_FONT, "TYPSNITT", DIAG_ERROR, EXIT_RUNTIME, "typsnittet kan inte läsas") \
	X(D_ICC, "FARGPROFIL", DIAG_ERROR, EXIT_RUNTIME, "färgprofilen (ICC) för PDF/A kan inte läsas") \
	X(D_PDF, "PDF", DIAG_ERROR, EXIT_RUNTIME, "PDF:en kunde inte skapas") \
	X(D_RUNTIME, "KORNING", DIAG_ERROR, EXIT_RUNTIME, "oväntat körningsfel") \
	X(D_NO_MEMORY, "MINNE", DIAG_ERROR, EXIT_RUNTIME, "slut på minne") \
	X(D_TEXT_LENGTH, "TEXT-LANGD", DIAG_ERROR, EXIT_INVALID, "en text som går in i PDF:ens metadata är för lång") \
	X(D_CHAR_FONT, "TECKEN-SAKNAS", DIAG_WARNING, EXIT_OK_, "inget typsnitt (inte heller reservtypsnittet) har tecknet; det blir en ruta eller ett mellanslag") \
	/* typography (issue 16) */ \
	X(D_TABLE_BREAK, "LAYOUT-TABELL", DIAG_WARNING, EXIT_OK_, "en tabell får inte plats ens med mindre text: ord i den bryts") \
	X(D_LAYOUT_FONT, "LAYOUT-TYPSNITT", DIAG_ERROR, EXIT_INVALID, "typsnittet som layoutfilen anger saknas eller kan inte användas") \
	/* the website (issue 15) */ \
	X(D_HTML_NO_PDF, "WEBB-UTAN-PDF", DIAG_WARNING, EXIT_OK_, "webbplatsen länkar inte till någon PDF (html utan --pdf)")

enum diag_code {
#define DIAG_ENUM(e, k, l, x, s) e,
	DIAG_CATALOGUE(DIAG_ENUM)
#undef DIAG_ENUM
	D_MAX
};

typedef struct diag {
	enum diag_code code;
	char *file;     /* owned copy */
	long line;      /* 0 when unknown */
	char *message;  /* owned, Swedish, complete sentence without the code */
	long column;    /* 0 when unknown; set with diag_set_column */
} diag;

typedef struct diag_sink {
	diag *items;
	size_t n, cap;
	int worst_exit;   /* highest diag_exit seen */
	size_t errors, warnings;
} diag_sink;

void diag_init(diag_sink *s);
void diag_free(diag_sink *s);
/* Records one diagnostic; message is a printf format in Swedish. */
void diag_add(diag_sink *s, enum diag_code code, const char *file, long line,
              const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* Takes out every diagnostic of a warning or info code (one found again against other
 * facts: the characters against a layout's own fonts). An error's exit status stays. */
void diag_remove(diag_sink *s, enum diag_code code);
/* Gives the diagnostic just added its column (1-based), where the parser knows it. */
void diag_set_column(diag_sink *s, long column);
const char *diag_code_name(enum diag_code code);
enum diag_level diag_code_level(enum diag_code code);
/* Sorts by file, line (stable), then prints every item as "FILE:LINE: fel: [KOD] text". */
void diag_print(const diag_sink *s, FILE *out);
/* The same items in the same order, one JSON object per line (docs/diagnostics-json.md). */
void diag_print_json(const diag_sink *s, FILE *out);
/* Writes text as it is, except control characters: \n, \r, \t, \xHH for the other C0
 * controls, DEL and bytes that are no UTF-8, \uHHHH for C1 controls, line separators
 * and bidi overrides. Every diagnostic line goes through it, so that a crafted file
 * name (or text quoted from a document) cannot start a line of its own. */
void diag_put_escaped(FILE *out, const char *text);
/* Prints one "FILE:LINE: fel: [KOD] text" line (level "fel", "varning" or "info"), FILE
 * and text escaped as above. */
void diag_print_line(FILE *out, const char *file, long line, const char *level, const char *code,
                     const char *message);
/* errno in Swedish words ("mappen eller filen finns inte"); libc's text for rare ones. */
const char *diag_strerror(int e);
/* s for quoting in a message: whole when it has at most max_chars characters, else
 * its first max_chars characters, "…" and the full length ("… (1048576 tecken)"),
 * cut at a character boundary. Returns buf. */
const char *diag_quote(char *buf, size_t n, const char *s, size_t max_chars);
#define DIAG_QUOTE_CHARS 60
/* Prints the catalogue as a Markdown table (for docs/diagnostics.md). */
void diag_print_catalogue(FILE *out);
#endif
