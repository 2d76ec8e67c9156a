#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# guide.sh - the Swedish guide docs/kom-igang.md explains every diagnostic code the
# program has, and its commands work as written (ny, validate, render, the xsi hint).
. "$(dirname "$0")/lib.sh"
G=$SRC/docs/kom-igang.md
"$BIN" --list-codes | sed -n 's/^| \([A-Z0-9-]*\) |.*/\1/p' | grep -v '^kod$' >"$TMP/codes"
check "the program lists codes" test -s "$TMP/codes"
while read -r code; do
	check "the guide explains $code" grep -q "^| $code |" "$G"
done <"$TMP/codes"
cd "$TMP" || exit 1
expect_exit 0 "the guide's ny" -- "$BIN" ny --typ delarsrapport --kommun 'Hofors kommun' --kommunkod 2104 -o rapport.xml
expect_exit 0 "the guide's validate" -- "$BIN" validate rapport.xml
check "the guide's MALLTEXT example" grep -q 'rapport.xml:16: varning: \[MALLTEXT\] mallens platshållare "\[fyll i" står kvar i handlaggare' "$TMP/err"
expect_exit 0 "the guide's render" -- "$BIN" render rapport.xml -o rapport.pdf
sed 's|<rapport xmlns="urn:styrrapport:1"|<rapport xmlns="urn:styrrapport:1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="urn:styrrapport:1 /usr/share/styrrapport/xsd/styrrapport.xsd"|' rapport.xml >xsi.xml
check "the xsi:schemaLocation hint is in place" grep -q schemaLocation xsi.xml
expect_exit 0 "a document with xsi:schemaLocation validates" -- "$BIN" validate xsi.xml
finish
