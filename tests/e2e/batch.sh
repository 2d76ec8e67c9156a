#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# batch.sh - many documents in one call: a folder's reports (not its nämnd
# contributions), every valid one rendered, every invalid one reported, the highest
# exit code returned, output independent of the worker threads' scheduling.
. "$(dirname "$0")/lib.sh"
mkdir -p "$TMP/in/namnder"
cp "$SRC"/samples/*.xml "$TMP/in/"
cp -r "$SRC"/samples/bilder "$TMP/in/"   # the pictures of sjovik-arsredovisning-2024
cp "$SRC"/samples/arboga/*.xml "$TMP/in/"
cp "$SRC"/samples/arboga/namnder/*.xml "$TMP/in/namnder/"
cp "$SRC/samples/arboga/namnder/bun.xml" "$TMP/in/bidrag.xml"      # a contribution in the folder
sed 's/<diarienummer>KS 2024\/0456/<diarienummer>KS-2024-0456/' \
	"$SRC/samples/sjovik-delarsrapport-2024.xml" >"$TMP/in/trasig.xml"
reports=$(grep -l '<rapport ' "$TMP"/in/*.xml | wc -l)

expect_exit 1 "a folder with one invalid report" -- "$BIN" render "$TMP/in" -o "$TMP/ut"
check "every valid report rendered" test "$(ls "$TMP/ut" | wc -l)" -eq $((reports - 1))
check "the invalid one has no PDF" test ! -e "$TMP/ut/trasig.pdf"
check "the contribution is skipped" test ! -e "$TMP/ut/bidrag.pdf"
check "the invalid one reported" grep -q "trasig.xml:[0-9]*: fel: \[DNR-FORMAT\]" "$TMP/err"
check "summary line" grep -q "styrrapport: $((reports - 1)) dokument satta, 1 med fel, 1 nämndbidrag hoppades över" "$TMP/err"
cp "$TMP/err" "$TMP/err1"
expect_exit 1 "the same batch again" -- "$BIN" render "$TMP/in" -o "$TMP/ut2"
check "diagnostics in the same order every time" cmp -s <(grep -v "^styrrapport:" "$TMP/err1") <(grep -v "^styrrapport:" "$TMP/err")
for f in "$TMP"/ut/*.pdf; do
	check "batch PDF $(basename "$f") equals a single render" \
		bash -c "'$BIN' render '$TMP/in/$(basename "$f" .pdf).xml' -o '$TMP/one.pdf' 2>/dev/null && cmp -s '$TMP/one.pdf' '$f'"
done
expect_exit 2 "several inputs need -o" -- "$BIN" render "$TMP/in/trasig.xml" "$TMP/in/sjovik-delarsrapport-2024.xml"
expect_exit 1 "two files into a folder" -- "$BIN" render "$TMP/in/trasig.xml" "$TMP/in/sjovik-delarsrapport-2024.xml" -o "$TMP/ut3"
check "the valid one of the two rendered" test -s "$TMP/ut3/sjovik-delarsrapport-2024.pdf"
finish
