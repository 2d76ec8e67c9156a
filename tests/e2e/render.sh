#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# render.sh - every sample renders to a PDF that poppler and qpdf accept without a
# word, with its fonts embedded as subsets and its text extractable as written.
. "$(dirname "$0")/lib.sh"
for s in $(find "$SRC/samples" -name '*.xml' | sort); do
	grep -q '<rapport ' "$s" || continue        # nämnd contributions are not reports
	n=$(basename "$s" .xml)
	expect_exit 0 "render $n" -- "$BIN" render "$s" -o "$TMP/$n.pdf"
	[ -s "$TMP/$n.pdf" ] || { bad "$n: no PDF"; continue; }
	if qpdf --check "$TMP/$n.pdf" >"$TMP/qpdf" 2>&1; then ok; else bad "$n: qpdf --check"; tail -5 "$TMP/qpdf"; fi
	pdftotext -enc UTF-8 "$TMP/$n.pdf" "$TMP/$n.txt" 2>"$TMP/poppler"
	if [ ! -s "$TMP/poppler" ]; then ok; else bad "$n: poppler warns: $(sort -u "$TMP/poppler" | head -3)"; fi
	pdffonts "$TMP/$n.pdf" >"$TMP/fonts" 2>&1
	if awk 'NR>2 && ($(NF-4)!="yes" || $(NF-3)!="yes" || $(NF-2)!="yes") {bad=1} END {exit bad}' "$TMP/fonts"; then ok
	else bad "$n: a font not embedded/subset/with ToUnicode"; cat "$TMP/fonts"; fi
	# The kommun's name and the diarienummer come back exactly as written.
	kommun=$(grep -o 'kommun namn="[^"]*"' "$s" | head -1 | sed 's/kommun namn="//; s/"$//')
	dnr=$(grep -o '<diarienummer>[^<]*' "$s" | head -1 | sed 's/<diarienummer>//')
	check "$n: kommun name in text" contains "$TMP/$n.txt" "$kommun"
	check "$n: Dnr in text" contains "$TMP/$n.txt" "$dnr"
	if grep -q '<beslutsdatum>' "$s"; then
		check "$n: a decided report is no FÖRSLAG" test "$(grep -c 'FÖRSLAG' "$TMP/$n.txt")" -eq 0
	else
		pages=$(pdfinfo "$TMP/$n.pdf" | awk '/^Pages:/ {print $2}')
		marks=$(grep -c 'FÖRSLAG' "$TMP/$n.txt")
		check "$n: FÖRSLAG on every page ($marks marks, $pages pages)" test "$marks" -ge "$pages"
	fi
done

# The sjövik sample: Swedish letters, numbers in Swedish format, header and footer.
T=$TMP/sjovik-delarsrapport-2024.txt
for w in "Sjöviks kommun" "Delårsrapport januari–augusti 2024" "Dnr KS 2024/0456" "Sida 2 av" \
         "Kommundirektören har ordet" "Östra Sjövik" "Fler elever når kunskapsmålen" \
         "1 341,5" "−13,0" "Målområde" "Strategiskt mål" "Nämndmål" "Uppfyllt" "Ej uppfyllt" \
         "Driftredovisning" "Resultaträkning" "Erik Ödman" "§ 87"; do
	check "sjövik text has '$w'" contains "$T" "$w"
done
finish
