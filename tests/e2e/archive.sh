#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# archive.sh - byte-reproducible output and the diarium manifest.
. "$(dirname "$0")/lib.sh"
S=$SRC/samples/sjovik-delarsrapport-2024.xml
expect_exit 0 "first render" -- "$BIN" render "$S" -o "$TMP/a.pdf"
expect_exit 0 "second render" -- "$BIN" render "$S" -o "$TMP/b.pdf"
check "the same input gives the same bytes" cmp -s "$TMP/a.pdf" "$TMP/b.pdf"
sed 's/budget="142.3" utfall="90.2" prognos="140.9"/budget="142.3" utfall="90.3" prognos="140.9"/; s/utfall="907.2"/utfall="907.3"/' "$S" >"$TMP/changed.xml"
expect_exit 0 "render with one number changed" -- "$BIN" render "$TMP/changed.xml" -o "$TMP/c.pdf"
check "one number changes the bytes" test -n "$(cmp "$TMP/a.pdf" "$TMP/c.pdf" 2>&1)"

expect_exit 0 "render --manifest" -- "$BIN" render "$S" -o "$TMP/m.pdf" --manifest
check "manifest written" test -s "$TMP/m.xml"
if xmllint --noout --schema "$SRC/docs/manifest.xsd" "$TMP/m.xml" 2>"$TMP/xl"; then ok; else bad "manifest invalid"; cat "$TMP/xl"; fi
sum=$(sha256sum "$TMP/m.pdf" | cut -d' ' -f1)
check "manifest SHA-256 matches sha256sum" contains "$TMP/m.xml" "sha256=\"$sum\""
size=$(stat -c %s "$TMP/m.pdf")
check "manifest size matches" contains "$TMP/m.xml" "storlek=\"$size\""
pages=$(pdfinfo "$TMP/m.pdf" | awk '/^Pages:/ {print $2}')
check "manifest page count matches" contains "$TMP/m.xml" "sidor=\"$pages\""
check "manifest diarienummer" contains "$TMP/m.xml" "<diarienummer>KS 2024/0456</diarienummer>"
finish
