#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# types.sh - every report type gets its own sections in its own order (read from the
# PDF's bookmarks), the kommun's own goal level names, a table of contents whose page
# numbers are the pages the headings are really on, a bookmark for every contents
# entry, and a kommun's own layout file changes order, colours and running text.
. "$(dirname "$0")/lib.sh"

# The generated top-level sections as letters: S summary, M goals, D drift, I invest,
# R resultat, B balans, K kassaflöde, F financial goals, P personal; U uppdrag,
# N nyckeltal, C intern kontroll (MODEL v2 part 2, issue 13).
declare -A ORDER=(
	[uppfoljning]="DIRBKFPSMUNC" [delarsrapport]="SMDIRBKFPUNC"
	[arsredovisning]="SMRBKDIFPUNC" [verksamhetsberattelse]="SMDIPUNC"
	[manadsrapport]="DIRBKFPSMUNC"
)

# Top-level bookmarks as "page<TAB>title", and all bookmarks as "level<TAB>page<TAB>title".
top_outline() { qpdf --json "$1" | jq -r '.outlines[] | "\(.destpageposfrom1)\t\(.title)"'; }
all_outline() {
	qpdf --json "$1" | jq -r 'def walk_o(l): (. | "\(l)\t\(.destpageposfrom1)\t\(.title)"), (.kids[]? | walk_o(l + 1));
		.outlines[] | walk_o(1)'
}

# Letters of the generated sections in the order they appear; goal headings "Nivå: …"
# of any of the document's level names count as M, consecutive ones once.
section_letters() {
	local pdf=$1 levels=$2 out="" last="" l
	while IFS=$'\t' read -r _ title; do
		case "$title" in
			"Måluppfyllelse i sammanfattning") l=S ;;
			Driftredovisning) l=D ;; Investeringar) l=I ;; Resultaträkning) l=R ;;
			Balansräkning) l=B ;; Kassaflödesanalys*|Finansieringsanalys*) l=K ;; "Finansiella mål") l=F ;;
			Personal) l=P ;; Uppdrag) l=U ;; Nyckeltal) l=N ;; "Intern kontroll") l=C ;;
			*) l=""; while IFS= read -r lv; do
				[ -n "$lv" ] && [[ "$title" == "$lv: "* ]] && l=M
			done <<<"$levels" ;;
		esac
		[ -n "$l" ] && [ "$l" != "$last" ] && out="$out$l"
		[ -n "$l" ] && last=$l
	done < <(top_outline "$pdf")
	echo "$out"
}

# The letters a document should have, from what its XML (includes too) holds.
expected_letters() {
	local order=$1 files=$2 want="" c
	for (( i = 0; i < ${#order}; i++ )); do
		c=${order:i:1}
		case $c in
			S|M) grep -q '<mal ' $files && want="$want$c" ;;
			D) grep -q '<driftredovisning\|<rad ' $files && want="$want$c" ;;
			I) grep -q '<projekt ' $files && want="$want$c" ;;
			R) grep -q 'typ="resultatrakning"' $files && want="$want$c" ;;
			B) grep -q 'typ="balansrakning"' $files && want="$want$c" ;;
			K) grep -q 'typ="kassaflodesanalys"' $files && want="$want$c" ;;
			F) grep -q '<finansielltmal ' $files && want="$want$c" ;;
			P) grep -q '<personal' $files && want="$want$c" ;;
			U) grep -q '<uppdrag ' $files && want="$want$c" ;;
			N) grep -q '<nyckeltal ' $files && want="$want$c" ;;
			C) grep -q '<kontroll ' $files && want="$want$c" ;;
		esac
	done
	echo "$want"
}

# Every contents entry "Title ..... N": N is the page the bookmark of that heading
# points at, and that page's text holds the heading.
check_toc() {
	local pdf=$1 n=$2 pages toc entries=0
	pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
	toc=$TMP/$n.toc
	: >"$toc"
	# an entry may wrap: its lines are joined up to the one with the leader and number
	for (( p = 2; p <= pages && p <= 4; p++ )); do
		pdftotext -layout -enc UTF-8 -f $p -l $p "$pdf" - | awk '
			/\.\.\.\.+ *[0-9]+ *$/ { sub(/^ +/, ""); print acc $0; acc = ""; next }
			/^ *$/ { acc = ""; next }
			{ sub(/^ +/, ""); sub(/ +$/, ""); acc = acc $0 " " }' | sed -E 's/  +/ /g' >>"$toc"
	done
	check "$n: has a table of contents" test -s "$toc"
	while IFS=$'\t' read -r level page title; do
		[ "$level" -le 2 ] && [ "$title" != "Innehåll" ] || continue
		local head line num
		head=$(sed -E 's/  +/ /g' <<<"$title")
		line=$(grep -F -- "$head" "$toc" | head -1)
		[ -n "$line" ] || { bad "$n: '$title' missing from the contents"; continue; }
		num=$(sed -E 's/.*[. ] *([0-9]+) *$/\1/' <<<"$line")
		entries=$((entries + 1))
		# a repeated title (a text section and a table both "Driftredovisning") may
		# match the other one's line: any line with this title and this page will do
		if grep -F -- "$head" "$toc" | grep -qE "[. ] *$page *$"; then ok
		else bad "$n: contents says '$title' is on page $num, its bookmark says $page"; fi
		local short=${title:0:20}
		if pdftotext -enc UTF-8 -f "$page" -l "$page" "$pdf" - | tr '\n' ' ' | grep -qF -- "$short"; then ok
		else bad "$n: '$title' is not on page $page"; fi
	done < <(all_outline "$pdf")
	check "$n: contents entries checked ($entries)" test "$entries" -gt 3
}

for s in $(find "$SRC/samples" -name '*.xml' | sort); do
	grep -q '<rapport ' "$s" || continue
	n=$(basename "$s" .xml)
	typ=$(grep -o '<rapport [^>]*typ="[a-z]*"' "$s" | sed 's/.*typ="//; s/"//')
	expect_exit 0 "render $n" -- "$BIN" render "$s" -o "$TMP/$n.pdf"
	[ -s "$TMP/$n.pdf" ] || { bad "$n: no PDF"; continue; }
	files="$s $(grep -o 'href="[^"]*\.xml"' "$s" | sed 's/href="//; s/"//' | sed "s|^|$(dirname "$s")/|")"
	levels=$(grep -o '<niva id="[^"]*" namn="[^"]*"' "$s" | sed 's/.*namn="//; s/"$//')
	got=$(section_letters "$TMP/$n.pdf" "$levels")
	want=$(expected_letters "${ORDER[$typ]}" "$files")
	check "$n ($typ): sections $got, expected $want" test "$got" = "$want"
	check_toc "$TMP/$n.pdf" "$n"
	# bookmarks: one per heading, Swedish letters intact
	all_outline "$TMP/$n.pdf" >"$TMP/$n.outline"
	check "$n: bookmark Innehåll" grep -qP '^1\t2\tInnehåll$' "$TMP/$n.outline"
	if grep -q '<mal ' $files; then
		check "$n: bookmark with å/ä/ö" grep -qF "Måluppfyllelse i sammanfattning" "$TMP/$n.outline"
	fi
	pdftotext -enc UTF-8 "$TMP/$n.pdf" "$TMP/$n.txt"
	while IFS= read -r lv; do
		[ -n "$lv" ] && grep -q "niva=\"$(grep -o "<niva id=\"[^\"]*\" namn=\"$lv\"" "$s" | sed 's/<niva id="//; s/".*//')\"" $files || continue
		check "$n: level name '$lv' in the PDF" contains "$TMP/$n.txt" "$lv:"
	done <<<"$levels"
done

# The kommuner's own level names, as the issue lists them.
for pair in "timra-uppfoljning-2025:Målbild" "timra-uppfoljning-2025:Inriktningsmål" \
            "kungalv-delarsrapport-2025:Strategiskt mål" "kungalv-delarsrapport-2025:Resultatmål" \
            "arboga-delarsrapport-2025:Strategiskt område" "arboga-delarsrapport-2025:Kommunfullmäktiges mål" \
            "mora-arsredovisning-2024:Målområde" "mora-arsredovisning-2024:Strategiskt mål" \
            "mora-arsredovisning-2024:Riktat mål" "mora-arsredovisning-2024:Nämndmål"; do
	check "${pair%%:*} names '${pair#*:}'" contains "$TMP/${pair%%:*}.txt" "${pair#*:}"
done

# Uppföljning: goals by their prognos only, no current assessment.
T=$TMP/timra-uppfoljning-2025.txt
check "uppföljning: goals with prognos" contains "$T" "Prognos för helåret"
check "uppföljning: no current assessment row" test "$(grep -c '^Bedömning$' "$T")" -eq 0
# Årsredovisning: every goal assessed, no prognos.
check "årsredovisning: no prognos" test "$(grep -c 'Prognos för helåret' "$TMP/mora-arsredovisning-2024.txt")" -eq 0
# An indicator with utfall in two years or more gets its chart and table of years.
check "history chart caption" contains "$TMP/mora-arsredovisning-2024.txt" "utfall per år (staplar)"
# Charts say where their numbers stand as a table.
check "status chart points at its table" contains "$TMP/sjovik-delarsrapport-2024.txt" "Samma siffror står i tabellen"

# A kommun's own layout: another order, colour, running text and the logo in the header.
S=$SRC/samples/sjovik-delarsrapport-2024.xml
L=$SRC/tests/data/layouts/egen-kommun.xml
expect_exit 0 "render with egen-kommun.xml" -- "$BIN" render --layout "$L" "$S" -o "$TMP/egen.pdf"
got=$(section_letters "$TMP/egen.pdf" "$(printf 'Målområde\nStrategiskt mål\nNämndmål')")
check "own layout: drift before goals ($got)" test "$got" = "DSMIP"
pdftotext -enc UTF-8 -f 3 -l 3 "$TMP/egen.pdf" "$TMP/egen3.txt"
check "own layout: footer '3 (N)'" grep -qE '^3 \([0-9]+\)$' "$TMP/egen3.txt"
check "own layout: header 'kommun · titel'" contains "$TMP/egen3.txt" "Sjöviks kommun · Delårsrapport"
check "own layout: no 'Sida N av M'" test "$(pdftotext "$TMP/egen.pdf" - | grep -c 'Sida [0-9]* av')" -eq 0
# the heading colour #7a1f5c = 122/255 31/255 92/255 in the content streams (thousandths)
qpdf --qdf --object-streams=disable "$TMP/egen.pdf" "$TMP/egen-qdf.pdf"
qpdf --qdf --object-streams=disable "$TMP/sjovik-delarsrapport-2024.pdf" "$TMP/std-qdf.pdf"
check "own layout: heading colour used" grep -qa '0.478 0.122 0.361 rg' "$TMP/egen-qdf.pdf"
check "default layout: heading colour not used" test "$(grep -ca '0.478 0.122 0.361 rg' "$TMP/std-qdf.pdf")" -eq 0
# the logo in the running header: a document with a logo gets an image on every page
mkdir -p "$TMP/logo"
sed 's|<kommun \([^>]*\)>|<kommun \1><logotyp href="logo.png"/>|' "$S" >"$TMP/logo/doc.xml"
cp "$SRC/tests/data/pdf/logo.png" "$TMP/logo/logo.png"
expect_exit 0 "render with logo" -- "$BIN" render --layout "$L" "$TMP/logo/doc.xml" -o "$TMP/logo.pdf"
pages=$(pdfinfo "$TMP/logo.pdf" | awk '/^Pages:/ {print $2}')
imgs=$(pdfimages -list "$TMP/logo.pdf" | awk 'NR>2' | wc -l)
check "logo on the title page and in every header ($imgs images, $pages pages)" test "$imgs" -eq "$pages"

# The built-in layout files give exactly the built-in look: a data dir without
# layouts/ renders the same text and the same number of pages.
mkdir -p "$TMP/bare"
ln -s "$SRC/fonts" "$TMP/bare/fonts"; mkdir -p "$TMP/bare/src"; ln -s "$SRC/src/resources" "$TMP/bare/src/resources"
for n in sjovik-delarsrapport-2024 timra-uppfoljning-2025 mora-arsredovisning-2024; do
	f=$(find "$SRC/samples" -name "$n.xml")
	STYRRAPPORT_DATA="$TMP/bare" "$BIN" render "$f" -o "$TMP/bare-$n.pdf" 2>"$TMP/err" || bad "bare render $n"
	pdftotext -layout "$TMP/bare-$n.pdf" "$TMP/bare-$n.txt"
	pdftotext -layout "$TMP/$n.pdf" "$TMP/lay-$n.txt"
	check "$n: layouts/ file = built-in look" cmp -s "$TMP/bare-$n.txt" "$TMP/lay-$n.txt"
done

# Bad layouts: the document's kind of errors and exit 1; a missing one exit 3.
expect_exit 1 "bad colour" -- "$BIN" render --layout "$SRC/tests/data/layouts/fel-farg.xml" "$S" -o "$TMP/bad.pdf"
check "bad colour: FILE:LINE: fel: [SCHEMA-VARDE]" contains "$TMP/err" "fel-farg.xml:5: fel: [SCHEMA-VARDE]"
expect_exit 1 "unknown field" -- "$BIN" render --layout "$SRC/tests/data/layouts/fel-falt.xml" "$S" -o "$TMP/bad.pdf"
check "unknown field: FILE:LINE: fel: [LAYOUT]" contains "$TMP/err" "fel-falt.xml:7: fel: [LAYOUT]"
check "no PDF from a bad layout" test ! -e "$TMP/bad.pdf"
expect_exit 3 "missing layout" -- "$BIN" render --layout "$TMP/finns-inte.xml" "$S" -o "$TMP/bad.pdf"
finish
