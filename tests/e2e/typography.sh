#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# typography.sh - issue 16 through the CLI: a driftredovisning in tkr at 3 cm side margins
# keeps every number whole; kerned headings and fallback-font names (Cyrillic, Greek,
# Armenian, Georgian from DejaVu Sans) come back from pdftotext letter for letter; the
# file stays clean for qpdf, pdffonts and the PDF/UA + PDF/A checker; a layout naming
# another font uses it, and a missing one is a LAYOUT-TYPSNITT error at its line.
. "$(dirname "$0")/lib.sh"
D=$SRC/tests/data/typo
PY=${SR_PYTHON:-/usr/bin/python3}
expect_exit 0 "drift in tkr at 85 pt margins" -- "$BIN" render "$D/drift-tkr.xml" --layout "$D/smal-marginal.xml" -o "$TMP/t.pdf"
check "no TECKEN-SAKNAS for letters the fallback has" sh -c "! grep -q TECKEN-SAKNAS '$TMP/err'"
# above U+FFFF: what DejaVu Sans has is drawn; only the unicorn (in no font) is named
check "TECKEN-UTANFOR names U+1F984" contains "$TMP/err" "[TECKEN-UTANFOR] tecknet U+1F984 (🦄)"
check "and nothing else above U+FFFF" test "$(grep -c TECKEN-UTANFOR "$TMP/err")" -eq 1
pdftotext -layout "$TMP/t.pdf" "$TMP/t.txt"
pdftotext "$TMP/t.pdf" "$TMP/raw.txt"
# every amount of the driftredovisning whole on one line (the issue saw "1 234 56" / "7")
for n in "1 694 604" "7 284 034" "5 933 384" "1 056 764" "−124 950" "−147 693" "−99,2" "296 620"; do
	check "whole: $n" grep -qF -- "$n" "$TMP/t.txt"
done
check "no header broken by letters (Periodisera/d, Avvikels/e)" sh -c "! grep -qE 'Periodisera\$|Avvikels\$|Budge\$' '$TMP/t.txt'"
check "Avvikelse % kept together" grep -qF "Avvikelse %" "$TMP/t.txt"
check "the nämnd not broken by letters" grep -qE "Arbetsmarknadsnämnden|Arbetsmarknads-" "$TMP/t.txt"
check "kerned heading text comes back exactly" grep -qF "Trafik, Teknik och AV-utrustning: Tr Te AV Vå Yo To." "$TMP/raw.txt"
for w in "Анна Жукова" "Ωμέγα" "Παπαδοπούλου" "Աննա" "ანა" "😀" "𝔸𝕓" "🂡"; do
	check "fallback letters come back: $w" grep -qF "$w" "$TMP/raw.txt"
done
check "DejaVu Sans embedded as a subset with ToUnicode" sh -c "pdffonts '$TMP/t.pdf' | grep -E 'DejaVuSans.*yes +yes +yes'"
check "every font embedded, subset, ToUnicode" sh -c "pdffonts '$TMP/t.pdf' | awk 'NR>2 && (\$(NF-4)!=\"yes\" || \$(NF-3)!=\"yes\" || \$(NF-2)!=\"yes\") {b=1} END {exit b}'"
check "qpdf --check clean" sh -c "qpdf --check '$TMP/t.pdf' >/dev/null 2>&1"
check "no poppler warning" sh -c "pdftotext '$TMP/t.pdf' /dev/null 2>&1 | grep -q . && exit 1 || exit 0"
check "kerning is in the content (TJ arrays)" sh -c "qpdf --qdf --object-streams=disable '$TMP/t.pdf' - | grep -aq ']TJ'"
if "$PY" -c 'import pikepdf' 2>/dev/null; then
	if "$PY" "$SRC/tests/tagged/check_tagged.py" "$TMP/t.pdf" >"$TMP/chk" 2>&1; then ok; else bad "PDF/UA-1 + PDF/A-2a"; cat "$TMP/chk"; fi
fi
# hyphenation in running text: a line ending with "-" that the document did not write
check "running text hyphenated" grep -qE "[a-zåäö]-$" "$TMP/t.txt"
check "and pdftotext joins it again" grep -qF "procentenheterna" "$TMP/raw.txt"

# right-to-left scripts: Hebrew and Arabic names drawn in visual order (bidi, UAX #9),
# Arabic in its joining forms; pdftotext gives them back in logical order
expect_exit 0 "Hebrew and Arabic" -- "$BIN" render "$D/rtl.xml" -o "$TMP/rtl.pdf"
pdftotext "$TMP/rtl.pdf" "$TMP/rtl.txt"
# (pdftotext wraps a right-to-left run in U+202B ... U+202C; its own reordering moves a
# bracket or a number next to one, so only the words are checked here: test_font.c has
# the visual order of those cases)
# (משה is bold and فاطمة italic: a line's runs in different styles are ordered as one)
for w in "דוד כהן" "محمد علي" "بلدية" "שלום" "רחל לוי" "سارة أحمد" "משה לוי" "فاطمة حسن"; do
	check "right-to-left comes back in logical order: $w" grep -qF -- "$w" "$TMP/rtl.txt"
done
check "Swedish around it intact" grep -qF "Tolken heter" "$TMP/rtl.txt"
qpdf --qdf --object-streams=disable "$TMP/rtl.pdf" "$TMP/rtl.qdf"
# the content draws the codes left to right as the eye sees them: כהן as ן ה כ, محمد as
# final dal, medial meem, medial hah, initial meem (presentation forms from GSUB)
# (qpdf --qdf writes the strings in hex)
check "Hebrew drawn in visual order" grep -qF "<05df05d405db>" "$TMP/rtl.qdf"
check "not in logical order" sh -c "! grep -qF '05db05d405df' '$TMP/rtl.qdf'"
check "Arabic drawn in joining forms, visual order" grep -qF "feaafee4fea4fee3" "$TMP/rtl.qdf"
# /ToUnicode: a form reads as its letter, the lam-alef ligature as lam, alef (logical)
check "ToUnicode: final dal is dal" grep -qF "<FEAA> <062F>" "$TMP/rtl.qdf"
check "ToUnicode: lam-alef is lam alef" grep -qF "<FEFC> <06440627>" "$TMP/rtl.qdf"
check "qpdf --check clean (RTL)" sh -c "qpdf --check '$TMP/rtl.pdf' >/dev/null 2>&1"
check "no poppler warning (RTL)" sh -c "pdftotext '$TMP/rtl.pdf' /dev/null 2>&1 | grep -q . && exit 1 || exit 0"
if "$PY" -c 'import pikepdf' 2>/dev/null; then
	if "$PY" "$SRC/tests/tagged/check_tagged.py" "$TMP/rtl.pdf" >"$TMP/chk" 2>&1; then ok; else bad "PDF/UA-1 + PDF/A-2a (RTL)"; cat "$TMP/chk"; fi
fi

# a kommun's own fonts
LIB=/usr/share/fonts/truetype/liberation
if [ -f "$LIB/LiberationSans-Regular.ttf" ]; then
	sed "s|<typsnitt familj=\"Open Sans\">|<typsnitt familj=\"Liberation Sans\" normal=\"$LIB/LiberationSans-Regular.ttf\" fet=\"$LIB/LiberationSans-Bold.ttf\" kursiv=\"$LIB/LiberationSans-Italic.ttf\">|" \
		"$D/smal-marginal.xml" >"$TMP/lib.xml"
	expect_exit 0 "Liberation Sans layout" -- "$BIN" render "$D/drift-tkr.xml" --layout "$TMP/lib.xml" -o "$TMP/lib.pdf"
	check "Liberation Sans embedded" sh -c "pdffonts '$TMP/lib.pdf' | grep -q LiberationSans-Bold"
	# the character warnings are those of the fonts used: U+F005 (a private character of
	# Liberation Sans) is a box with Open Sans and DejaVu Sans, not with Liberation Sans;
	# 日 is in none of them
	if fc-query --format='%{charset}' "$LIB/LiberationSans-Regular.ttf" 2>/dev/null | grep -qw f005; then
		sed 's|sedan svenska igen.|sedan svenska igen. Privat tecken \xEF\x80\x85 och kinesiska 日.|' "$D/rtl.xml" >"$TMP/chars.xml"
		cl=$(grep -n 'Privat tecken' "$TMP/chars.xml" | cut -d: -f1)
		expect_exit 0 "bundled fonts" -- "$BIN" render "$TMP/chars.xml" -o "$TMP/chars.pdf"
		check "TECKEN-SAKNAS U+F005 with Open Sans" contains "$TMP/err" "chars.xml:$cl: varning: [TECKEN-SAKNAS] tecknet U+F005"
		check "TECKEN-SAKNAS U+65E5 with Open Sans" contains "$TMP/err" "chars.xml:$cl: varning: [TECKEN-SAKNAS] tecknet U+65E5 (日)"
		expect_exit 0 "Liberation Sans fonts" -- "$BIN" render "$TMP/chars.xml" --layout "$TMP/lib.xml" -o "$TMP/chars2.pdf"
		check "no TECKEN-SAKNAS U+F005 with Liberation Sans" sh -c "! grep -q 'U+F005' '$TMP/err'"
		check "TECKEN-SAKNAS U+65E5 with Liberation Sans" contains "$TMP/err" "chars.xml:$cl: varning: [TECKEN-SAKNAS] tecknet U+65E5 (日)"
		check "once" test "$(grep -c TECKEN-SAKNAS "$TMP/err")" -eq 1
	fi
fi
line=$(grep -n '<typsnitt' "$D/smal-marginal.xml" | cut -d: -f1)
sed "s|<typsnitt familj=\"Open Sans\">|<typsnitt familj=\"Carlito\" normal=\"Carlito-Regular.ttf\" fet=\"Carlito-Bold.ttf\" kursiv=\"Carlito-Italic.ttf\">|" \
	"$D/smal-marginal.xml" >"$TMP/carlito.xml"
expect_exit 1 "missing font" -- "$BIN" render "$D/drift-tkr.xml" --layout "$TMP/carlito.xml" -o "$TMP/c.pdf"
check "LAYOUT-TYPSNITT at the <typsnitt> line" contains "$TMP/err" "carlito.xml:$line: fel: [LAYOUT-TYPSNITT] typsnittsfamiljen \"Carlito\" kan inte användas: typsnittet $TMP/Carlito-Regular.ttf kan inte läsas"
check "no PDF" test ! -e "$TMP/c.pdf"
sed "s|<typsnitt familj=\"Open Sans\">|<typsnitt familj=\"Calibri\">|" "$D/smal-marginal.xml" >"$TMP/calibri.xml"
expect_exit 1 "family without files" -- "$BIN" dump "$D/drift-tkr.xml" --layout "$TMP/calibri.xml"
check "LAYOUT-TYPSNITT: files needed" contains "$TMP/err" "[LAYOUT-TYPSNITT] typsnittsfamiljen \"Calibri\" ingår inte i styrrapport"
finish
