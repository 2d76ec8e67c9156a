#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# pdfa.sh - every clause of PDF/A-2a that styrrapport is responsible for, checked on
# every sample (no PDF/A validator can be installed here). Each check names its clause.
. "$(dirname "$0")/lib.sh"
for s in $(find "$SRC/samples" -name '*.xml' | sort); do
	grep -q '<rapport ' "$s" || continue
	n=$(basename "$s" .xml); P=$TMP/$n.pdf; Q=$TMP/$n.qdf
	expect_exit 0 "render $n" -- "$BIN" render "$s" -o "$P"
	qpdf --qdf --object-streams=disable "$P" "$Q" 2>/dev/null
	sed -n '/<?xpacket begin/,/<?xpacket end/p' "$P" >"$TMP/$n.xmp"
	info=$(pdfinfo "$P")
	title=$(sed -n 's/^Title: *//p' <<<"$info")
	check "$n 6.1.2 header is %PDF-1.x" bash -c "head -c 8 '$P' | grep -q '^%PDF-1\.[4-7]'"
	check "$n 6.1.3 trailer has an /ID" grep -aq '/ID \[' "$Q"
	check "$n 6.1.3 no encryption" test "$(grep -ac '/Encrypt' "$Q")" -eq 0
	check "$n 6.2.2 OutputIntent GTS_PDFA1 with an ICC profile" bash -c "grep -aq '/S /GTS_PDFA1' '$Q' && grep -aq '/DestOutputProfile' '$Q'"
	check "$n 6.2.11 every font embedded, with ToUnicode" bash -c "pdffonts '$P' | awk 'NR>2 && (\$(NF-4)!=\"yes\" || \$(NF-2)!=\"yes\") {b=1} END {exit b}'"
	check "$n 6.3.2 every annotation has the Print flag" bash -c "[ \$(grep -ac '/Subtype /Link' '$Q') -eq \$(grep -ac '/F 4' '$Q') ]"
	check "$n 6.6.1 no JavaScript, no launch or external actions" test "$(grep -acE '/JavaScript|/JS |/Launch|/URI|/GoToR|/SubmitForm' "$Q")" -eq 0
	check "$n 6.6.2.1 XMP metadata in the catalog, unfiltered" bash -c "grep -aq '/Metadata' '$Q' && grep -aq '<?xpacket begin' '$P'"
	if xmllint --noout "$TMP/$n.xmp" 2>/dev/null; then ok; else bad "$n 6.6.2.1 XMP is well-formed XML"; fi
	check "$n 6.6.4 pdfaid:part 2" grep -q '<pdfaid:part>2</pdfaid:part>' "$TMP/$n.xmp"
	check "$n 6.6.4 pdfaid:conformance A" grep -q '<pdfaid:conformance>A</pdfaid:conformance>' "$TMP/$n.xmp"
	check "$n PDF/UA-1 5 pdfuaid:part 1" grep -q '<pdfuaid:part>1</pdfuaid:part>' "$TMP/$n.xmp"
	check "$n 6.6.2.3.2 pdfuaid declared in an extension schema" grep -q '<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>' "$TMP/$n.xmp"
	check "$n 6.7.2.2 MarkInfo /Marked true" grep -aq '/Marked true' "$Q"
	check "$n 6.7.3 a structure tree" grep -aq '/Type /StructTreeRoot' "$Q"
	check "$n 6.6.3 dc:title agrees with Info Title" contains "$TMP/$n.xmp" "$title</rdf:li>"
	for k in dc:creator dc:description dc:language pdf:Producer xmp:CreatorTool xmp:CreateDate xmp:ModifyDate xmp:MetadataDate; do
		check "$n 6.6.3 XMP has $k" grep -q "<$k>" "$TMP/$n.xmp"
	done
	check "$n catalog /Lang (sv-SE)" grep -aq '/Lang (sv-SE)' "$Q"
	check "$n viewer shows the title (DisplayDocTitle)" grep -aq '/DisplayDocTitle true' "$Q"
	date=$(sed -n 's/.*<xmp:CreateDate>\([0-9-]*\)T.*/\1/p' "$TMP/$n.xmp")
	want=$(grep -o '<beslutsdatum>[^<]*' "$s" | sed 's/<beslutsdatum>//')
	[ -n "$want" ] || want=$(grep -o 'till="[^"]*"' "$s" | head -1 | sed 's/till="//; s/"//')
	check "$n dates come from the document ($want)" test "$date" = "$want"
	if grep -q '<beslutsdatum>' "$s"; then :; else
		check "$n a proposal says so in dc:title" grep -q 'förslag' <(grep -A1 '<dc:title>' "$TMP/$n.xmp")
		check "$n a proposal says so in dc:description" grep -q 'förslag' <(grep -A1 '<dc:description>' "$TMP/$n.xmp")
		check "$n a proposal says so in Keywords" grep -q '^Keywords:.*förslag' <<<"$info"
	fi
	expect_exit 0 "render $n again" -- "$BIN" render "$s" -o "$TMP/$n-2.pdf"
	check "$n byte-identical on a second render" cmp -s "$P" "$TMP/$n-2.pdf"
done
expect_exit 0 "--no-pdfa" -- "$BIN" render "$SRC/samples/sjovik-delarsrapport-2024.xml" -o "$TMP/plain.pdf" --no-pdfa
check "--no-pdfa makes no PDF/A claim" test "$(grep -ac 'pdfaid:part' "$TMP/plain.pdf")" -eq 0
qpdf --qdf --object-streams=disable "$TMP/plain.pdf" "$TMP/plain.qdf" 2>/dev/null
check "--no-pdfa is still tagged" bash -c "grep -aq '/Type /StructTreeRoot' '$TMP/plain.qdf' && grep -aq '/Marked true' '$TMP/plain.qdf'"
check "--no-pdfa still claims PDF/UA-1" grep -aq '<pdfuaid:part>1</pdfuaid:part>' "$TMP/plain.pdf"
finish
