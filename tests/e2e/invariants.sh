#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# invariants.sh - the layout invariants (lay_check: nothing outside the page, body items
# inside the margins, running parts inside the text width, TOC links right, no table row
# lost) on the layout dump of every document the tests have that renders, and on
# documents made to break them: a 45-row driftredovisning (the charts are split across
# pages), an indicator at -10^12 (chart geometry clamped) and a 5 000-character title
# (running header shortened). Besides lay_check's own line, every item's anchor and box
# are checked against the page here, independently of the engine.
. "$(dirname "$0")/lib.sh"

# page_ok DUMP: no lay_check line, and every item's x, y (and x+w, y+h) inside the page.
page_ok() {
	awk '
	/^doc / { split($2, wh, "x"); W = wh[1] + 0.01; H = wh[2] + 0.01; next }
	/^lay_check:/ { print "  " $0; bad = 1; next }
	/^p[0-9]+ / {
		x = y = w = h = 0
		for (i = 3; i <= NF; i++) {
			if ($i ~ /^x=/) x = substr($i, 3) + 0
			else if ($i ~ /^y=/) y = substr($i, 3) + 0
			else if ($i ~ /^w=/) w = substr($i, 3) + 0
			else if ($i ~ /^h=/) h = substr($i, 3) + 0
			if ($i ~ /^"/) break
		}
		if ($2 == "LINK") next
		if (x < -0.01 || y < -0.01 || x > W || y > H || x + w > W || y + h > H || x + w < -0.01 || y + h < -0.01) {
			if (n++ < 3) print "  utanför sidan: " substr($0, 1, 160)
			bad = 1
		}
	}
	END { exit bad }' "$1"
}

n=0
for s in $(find "$SRC/samples" "$SRC/tests/data" -name '*.xml' | sort); do
	grep -q '<rapport ' "$s" || continue
	"$BIN" validate "$s" >/dev/null 2>&1 || continue
	"$BIN" dump "$s" >"$TMP/dump" 2>/dev/null || continue
	n=$((n+1))
	check "invariants of $(basename "$s")" page_ok "$TMP/dump"
done
[ "$n" -ge 6 ] && ok || bad "only $n documents dumped"

# Made to break them: from the Sjövik sample.
python3 - "$SRC/samples/sjovik-delarsrapport-2024.xml" "$TMP" <<'PY'
import re, sys
src, tmp = sys.argv[1], sys.argv[2]
s = open(src, encoding='utf-8').read()
n = 45
rows = ''.join(f'      <rad rubrik="Verksamhet nummer {i}" budget="{i}" utfall="{i/2}" prognos="{i+1}"/>\n'
               for i in range(1, n + 1))
tall = re.sub(r'<driftredovisning>.*?</driftredovisning>', '<driftredovisning>\n' + rows +
              f'      <summa budget="{n*(n+1)//2}" utfall="{n*(n+1)/4}" prognos="{n*(n+1)//2+n}"/>\n'
              '    </driftredovisning>', s, flags=re.S)
open(tmp + '/tall.xml', 'w', encoding='utf-8').write(tall)
open(tmp + '/neg.xml', 'w', encoding='utf-8').write(
    s.replace('<utfall ar="2024">82.0</utfall>', '<utfall ar="2024">-999999999999</utfall>')
     .replace('<malvarde ar="2024">85</malvarde>', '<malvarde ar="2024">-999999999999</malvarde>'))
title = 'Delårsrapport ' + 'mycket lång rubrik ' * 263
assert '<rubrik>' not in s
open(tmp + '/title.xml', 'w', encoding='utf-8').write(
    re.sub(r'(</diarienummer>)', lambda m: m.group(1) + '<rubrik>' + title + '</rubrik>', s, count=1))
PY
for d in tall neg title; do
	expect_exit 0 "validate $d" -- "$BIN" validate "$TMP/$d.xml"
	expect_exit 0 "dump $d" -- "$BIN" dump "$TMP/$d.xml"
	check "invariants of $d" page_ok "$TMP/out"
done
# The tall charts are in parts, each with its legend, all rows in the alt texts.
"$BIN" dump "$TMP/tall.xml" >"$TMP/tall.dump"
check "budget chart in 2 parts" grep -q 'alt="Diagram över budget och prognos per rad i driftredovisningen (mnkr) (del 2 av 2)' "$TMP/tall.dump"
check "legend in every part" test "$(grep -c 'FIGURE.*"Prognos" alt=' "$TMP/tall.dump")" -eq 2
check "row 45 in the alt text" grep -q 'Verksamhet nummer 45: budget 45,0' "$TMP/tall.dump"
# The full title stays in the PDF's metadata.
expect_exit 0 "render title" -- "$BIN" render "$TMP/title.xml" -o "$TMP/title.pdf"
check "full title in the metadata" sh -c "pdfinfo '$TMP/title.pdf' | grep -q 'rubrik mycket lång rubrik\$'"
"$BIN" dump "$TMP/title.xml" >"$TMP/title.dump"
check "header shortened" grep -q 'TEXT ARTIFACT b-1 .*lång.*…"$' "$TMP/title.dump"
finish
