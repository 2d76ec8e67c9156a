#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# html.sh - the website (issue 15): every sample renders a site beside its PDF
# (render --html), with --pdf (the same bytes) and alone (html: no PDF link, a warning); every internal link
# resolves to a file and an id; every number and status word of the PDF's text is in
# the site's text; exit codes; an invalid document writes nothing; a failed run and a
# foreign folder leave what was there; batch writes one site per document.
. "$(dirname "$0")/lib.sh"

# links FOLDER: every href of every page that is no external address resolves
links() {
	local dir=$1 page href file frag bad_links=0
	for page in "$dir"/*.html; do
		while IFS= read -r href; do
			case $href in http:*|https:*|mailto:*) continue ;; esac
			file=${href%%#*}; frag=
			[[ $href == *#* ]] && frag=${href#*#}
			[ -z "$file" ] && file=$(basename "$page")
			if [ ! -f "$dir/$file" ]; then
				echo "  | $(basename "$page"): $href: no such file"; bad_links=1; continue
			fi
			if [ -n "$frag" ] && ! grep -qF "id=\"$frag\"" "$dir/$file"; then
				echo "  | $(basename "$page"): $href: no such id"; bad_links=1
			fi
		done < <(grep -oE '(href|src)="[^"]*"' "$page" | sed -E 's/^(href|src)="//; s/"$//; s/&amp;/\&/g')
	done
	return $bad_links
}

# text FOLDER: the pages' text (tags removed, entities and no-break spaces plain)
site_text() {
	cat "$1"/*.html | sed -E 's/<[^>]*>/ /g; s/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g; s/&amp;/\&/g' \
		| sed 's/\xc2\xa0/ /g; s/\xe2\x80\xaf/ /g'
}

# numbers FILE: the numbers of a text, one per line, sorted
numbers() {
	grep -oE '[0-9]+(,[0-9]+)?' "$1" | sort -u
}

STATUS_WORDS=("Uppfyllt" "Delvis uppfyllt" "Ej uppfyllt" "Ej bedömt" "Ej påbörjad" "Pågår" "Klar"
              "Försenad" "Avbruten" "FÖRSLAG")

for s in $(find "$SRC/samples" -name '*.xml' | sort); do
	grep -q '<rapport ' "$s" || continue
	n=$(basename "$s" .xml)
	expect_exit 0 "render --html $n" -- "$BIN" render "$s" -o "$TMP/$n.pdf" --html "$TMP/$n"
	for f in index.html sammanfattning.html styrrapport.css "$n.pdf" fonts/OpenSans-Regular.ttf; do
		check "$n: the site has $f" test -f "$TMP/$n/$f"
	done
	check "$n: the PDF in the site is the PDF" cmp -s "$TMP/$n.pdf" "$TMP/$n/$n.pdf"
	check "$n: at least one chapter page" compgen -G "$TMP/$n/[0-9][0-9]-*.html" >/dev/null
	if links "$TMP/$n" >"$TMP/links"; then ok; else bad "$n: links that do not resolve"; head -20 "$TMP/links"; fi
	for page in "$TMP/$n"/*.html; do
		[ "$(grep -c '<h1' "$page")" -eq 1 ] || { bad "$n: $(basename "$page") has not exactly one h1"; continue; }
		grep -q '<html lang="sv">' "$page" && grep -q 'href="#innehall">Till innehållet</a>' "$page" \
			&& grep -q '<main id="innehall"' "$page" && grep -q "href=\"$n.pdf\"" "$page" \
			&& ok || bad "$n: $(basename "$page") lacks lang, the skip link, main or the PDF link"
	done
	# the same words and numbers as the PDF (its table of contents and page numbers aside)
	pdftotext -enc UTF-8 -layout "$TMP/$n.pdf" - | grep -vE '\.{5,}|Sida [0-9]+ av [0-9]+' \
		| sed 's/\xc2\xa0/ /g; s/\xe2\x80\xaf/ /g' >"$TMP/$n.pdf.txt"
	site_text "$TMP/$n" >"$TMP/$n.site.txt"
	comm -23 <(numbers "$TMP/$n.pdf.txt") <(numbers "$TMP/$n.site.txt") >"$TMP/missing"
	if [ ! -s "$TMP/missing" ]; then ok; else bad "$n: numbers of the PDF not in the site: $(head -20 "$TMP/missing" | tr '\n' ' ')"; fi
	for w in "${STATUS_WORDS[@]}"; do
		if grep -qF "$w" "$TMP/$n.pdf.txt" && ! grep -qF "$w" "$TMP/$n.site.txt"; then
			bad "$n: the PDF says '$w', the site does not"
		else ok; fi
	done
	if grep -q 'FÖRSLAG' "$TMP/$n/index.html"; then
		for page in "$TMP/$n"/*.html; do
			check "$n: FÖRSLAG on $(basename "$page")" grep -q '<p class="forslag"><strong>FÖRSLAG</strong>' "$page"
		done
	fi
	# html --pdf with that PDF: exactly the site of render --html
	expect_exit 0 "html $n --pdf" -- "$BIN" html "$s" -o "$TMP/$n-pdf" --pdf "$TMP/$n.pdf"
	if diff -r "$TMP/$n" "$TMP/$n-pdf" >"$TMP/d"; then ok; else bad "$n: html --pdf and render --html differ"; head "$TMP/d"; fi
	# html alone: no PDF to link to, so no link (and a warning), every link resolves
	expect_exit 0 "html $n" -- "$BIN" html "$s" -o "$TMP/$n-alone"
	check "$n: html alone warns WEBB-UTAN-PDF" contains "$TMP/err" "varning: [WEBB-UTAN-PDF]"
	check "$n: html alone copies no PDF" test ! -e "$TMP/$n-alone/$n.pdf"
	check "$n: html alone links no PDF" test -z "$(grep -l '\.pdf"' "$TMP/$n-alone"/*.html)"
	if links "$TMP/$n-alone" >"$TMP/links"; then ok; else bad "$n: html alone: links that do not resolve"; head -20 "$TMP/links"; fi
	if diff -r -x "$n.pdf" -I '^<p>Dnr ' "$TMP/$n" "$TMP/$n-alone" >"$TMP/d"; then ok; else bad "$n: html and render --html differ beyond the PDF link"; head "$TMP/d"; fi
done

# deterministic, and an earlier site is replaced in place
S=$SRC/samples/sjovik-arsredovisning-2024.xml
cp -r "$TMP/sjovik-arsredovisning-2024-alone" "$TMP/first"
expect_exit 0 "html a third time" -- "$BIN" html "$S" -o "$TMP/sjovik-arsredovisning-2024-alone"
check "the same bytes every time" diff -r "$TMP/first" "$TMP/sjovik-arsredovisning-2024-alone"

# --pdf: an address is linked as given, a file that is no PDF is refused, one document only
expect_exit 0 "html --pdf an address" -- "$BIN" html "$S" -o "$TMP/adress" --pdf 'https://www.sjovik.se/dokument/ar 2024.pdf?a=1&b=2'
check "the address on every page" test "$(grep -l 'href="https://www.sjovik.se/dokument/ar 2024.pdf?a=1&amp;b=2">Hela rapporten som PDF' "$TMP/adress"/*.html | wc -l)" -eq "$(ls "$TMP/adress"/*.html | wc -l)"
check "no PDF copied for an address" test -z "$(ls "$TMP/adress" | grep -i pdf)"
cp "$TMP/sjovik-arsredovisning-2024.pdf" "$TMP/Årsredovisning 2024 #1.pdf"
expect_exit 0 "html --pdf a name with space and #" -- "$BIN" html "$S" -o "$TMP/namn" --pdf "$TMP/Årsredovisning 2024 #1.pdf"
check "the odd name copied in" cmp -s "$TMP/namn/Årsredovisning 2024 #1.pdf" "$TMP/sjovik-arsredovisning-2024.pdf"
check "the odd name percent-encoded in the link" grep -q 'href="Årsredovisning%202024%20%231.pdf"' "$TMP/namn/index.html"
expect_exit 3 "html --pdf the XML" -- "$BIN" html "$S" -o "$TMP/ingenpdf" --pdf "$S"
check "the message says it is no PDF" contains "$TMP/err" "är ingen PDF"
check "nothing written when --pdf is no PDF" test ! -e "$TMP/ingenpdf"
expect_exit 3 "html --pdf a missing file" -- "$BIN" html "$S" -o "$TMP/ingenpdf" --pdf "$TMP/finns-inte.pdf"
check "nothing written when --pdf is missing" test ! -e "$TMP/ingenpdf"
expect_exit 2 "html --pdf with two documents" -- "$BIN" html "$S" "$SRC/samples/mora-arsredovisning-2024.xml" -o "$TMP/tva" --pdf "$TMP/x.pdf"
expect_exit 2 "--pdf for render" -- "$BIN" render "$S" -o "$TMP/x.pdf" --pdf "$TMP/y.pdf"

# usage
expect_exit 2 "html without -o" -- "$BIN" html "$S"
expect_exit 2 "html -o -" -- "$BIN" html "$S" -o -
expect_exit 2 "--html for html" -- "$BIN" html "$S" -o "$TMP/x" --html "$TMP/y"
expect_exit 2 "--html - for render" -- "$BIN" render "$S" -o "$TMP/x.pdf" --html -

# an invalid document writes nothing, and leaves an earlier site as it was
printf '<?xml version="1.0"?>\n<rapport/>\n' >"$TMP/ogiltig.xml"
expect_exit 1 "html of an invalid document" -- "$BIN" html "$TMP/ogiltig.xml" -o "$TMP/ogiltig"
check "no site for an invalid document" test ! -e "$TMP/ogiltig"
expect_exit 1 "an invalid document over a site" -- "$BIN" html "$TMP/ogiltig.xml" -o "$TMP/first"
check "the site is untouched" diff -r "$TMP/first" "$TMP/sjovik-arsredovisning-2024-alone"

# a run that fails while writing (no style sheet in the data) leaves the old site and no
# temporary folder
mkdir -p "$TMP/data"
ln -s "$SRC/layouts" "$TMP/data/layouts"; ln -s "$SRC/fonts" "$TMP/data/fonts"; ln -s "$SRC/src" "$TMP/data/src"
STYRRAPPORT_DATA=$TMP/data expect_exit 3 "html without a style sheet" -- "$BIN" html "$S" -o "$TMP/first"
check "the message names the style sheet" contains "$TMP/err" "stilmallen"
check "the old site is untouched after a failed run" diff -r "$TMP/first" "$TMP/sjovik-arsredovisning-2024-alone"
check "no temporary folder is left" test -z "$(ls -A "$TMP" | grep -E "^first\.|styrrapport-tmp")"

# a folder that is no site of ours is never replaced
mkdir -p "$TMP/annat"; echo viktigt >"$TMP/annat/fil.txt"
expect_exit 3 "html into a foreign folder" -- "$BIN" html "$S" -o "$TMP/annat"
check "the foreign folder is kept" test -f "$TMP/annat/fil.txt"
check "the message says why" contains "$TMP/err" "ingen webbplats från styrrapport"

# batch: one site per document under the folder
expect_exit 0 "html of a folder" -- "$BIN" html "$SRC/samples" -o "$TMP/batch"
for s in $(find "$SRC/samples" -maxdepth 1 -name '*.xml' | sort); do
	grep -q '<rapport ' "$s" || continue
	n=$(basename "$s" .xml)
	check "batch: $n has its site" test -f "$TMP/batch/$n/index.html"
done
expect_exit 0 "render --html of two documents" -- "$BIN" render "$S" "$SRC/samples/mora-arsredovisning-2024.xml" \
	-o "$TMP/pdfs" --html "$TMP/sites"
check "batch render: the PDFs" test -f "$TMP/pdfs/mora-arsredovisning-2024.pdf"
check "batch render: the sites with their PDF" test -f "$TMP/sites/mora-arsredovisning-2024/mora-arsredovisning-2024.pdf"
finish
