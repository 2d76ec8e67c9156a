#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# messages.sh - issue 11's message defects, on the command line: a forbidden character
# (U+FFFE, a control character, &#0;) is named with its line and column; a long value is
# quoted shortened; ar="0000" is refused; a diarienummer libharu cannot take is a
# document error at validation (not a failed write); characters no embedded font has
# (CJK, Hangul, Hebrew, Arabic inside the BMP) are warned about with their place.
. "$(dirname "$0")/lib.sh"
python3 - "$SRC/samples/sjovik-delarsrapport-2024.xml" "$TMP" <<'PY'
import re, sys
src, tmp = sys.argv[1], sys.argv[2]
s = open(src, encoding='utf-8').read()
old = 'Kommundirektören har ordet'
assert old in s
def w(name, text, enc='utf-8'):
    open(tmp + '/' + name, 'w', encoding=enc).write(text)
w('fffe.xml', s.replace(old, 'Kommundirektören \ufffe har ordet'))
w('ctrl.xml', s.replace(old, 'Kommundirektören \x01 har ordet'))
w('nul.xml', s.replace(old, 'Kommundirektören &#0; har ordet'))
w('ar.xml', s.replace('ar="2024"', 'ar="0000"', 1))
w('dnr.xml', re.sub(r'<diarienummer>[^<]*</diarienummer>', '<diarienummer>KS ' + '1' * 70000 + '</diarienummer>', s))
w('dnr-lang.xml', re.sub(r'<diarienummer>[^<]*</diarienummer>', '<diarienummer>KS 2024/' + '1' * 1000000 + '</diarienummer>', s))
w('cjk.xml', s.replace(old, 'Kommundirektören 日本語 한국 שלום مرحبا har ordet'))
PY
expect_exit 1 "U+FFFE" -- "$BIN" validate "$TMP/fffe.xml"
check "U+FFFE named, with line and column" contains "$TMP/err" "fffe.xml:30: fel: [XML-KODNING] tecknet U+FFFE (ett icke-tecken) i kolumn 52 får inte stå i XML"
check "one error, not its echoes" test "$(wc -l <"$TMP/err")" -eq 1
expect_exit 1 "control character" -- "$BIN" validate "$TMP/ctrl.xml"
check "U+0001 named" contains "$TMP/err" "tecknet U+0001 (ett styrtecken) i kolumn 52 får inte stå i XML"
expect_exit 1 "&#0;" -- "$BIN" validate "$TMP/nul.xml"
check "&#0; named" contains "$TMP/err" "nul.xml:30: fel: [XML-KODNING] teckenreferensen &#0; pekar på tecknet U+0000 (ett styrtecken)"
expect_exit 1 'ar="0000"' -- "$BIN" validate "$TMP/ar.xml"
check "ar 0000 refused" contains "$TMP/err" "[SCHEMA-VARDE] värdet '0000' i attributet ar i <rapport> har fel form; det ska vara ett årtal mellan 1900 och 2199"
expect_exit 1 "70 000-byte diarienummer" -- "$BIN" validate "$TMP/dnr.xml"
check "too long for the PDF, at validation" contains "$TMP/err" "[TEXT-LANGD] diarienumret 'KS 1111"
expect_exit 1 "render refuses it too" -- "$BIN" render "$TMP/dnr.xml" -o "$TMP/dnr.pdf"
check "no FIL-SKRIVA" sh -c "! grep -q FIL-SKRIVA '$TMP/err'"
check "no PDF" test ! -e "$TMP/dnr.pdf"
expect_exit 1 "1 MB diarienummer" -- "$BIN" validate "$TMP/dnr-lang.xml"
check "quoted shortened" contains "$TMP/err" "… (1000008 tecken)'"
check "no line of 1 MB" test "$(awk '{ if (length($0) > m) m = length($0) } END { print m }' "$TMP/err")" -lt 600
expect_exit 0 "CJK and others only warn" -- "$BIN" validate "$TMP/cjk.xml"
for c in "U+65E5 (日)" "U+D55C (한)"; do
	check "warned: $c" contains "$TMP/err" "cjk.xml:30: varning: [TECKEN-SAKNAS] tecknet $c i rubrik finns inte i typsnitten (inte heller i reservtypsnittet)"
done
# issue 16: Hebrew and Arabic letters are in the fallback font (DejaVu Sans): no warning
check "the fallback has U+05E9 (ש)" sh -c "! grep -q 'U+05E9' '$TMP/err'"
check "the fallback has U+0645 (م)" sh -c "! grep -q 'U+0645' '$TMP/err'"
check "å ä ö are in the fonts" sh -c "! grep -q 'U+00E5\|U+00F6' '$TMP/err'"
finish
