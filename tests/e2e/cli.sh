#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# cli.sh - the command line: usage, exit codes, compute golden, safe output files.
. "$(dirname "$0")/lib.sh"
S=$SRC/samples/sjovik-delarsrapport-2024.xml

expect_exit 0 "--version" -- "$BIN" --version
check "--version prints the version" contains "$TMP/out" "styrrapport "
expect_exit 0 "--help" -- "$BIN" --help
check "--help is Swedish" contains "$TMP/out" "Användning"
expect_exit 2 "no command" -- "$BIN"
expect_exit 2 "unknown command" -- "$BIN" frobnicate "$S"
check "unknown command named" contains "$TMP/err" "okänt kommando: frobnicate"
expect_exit 2 "unknown flag" -- "$BIN" validate --bogus "$S"
expect_exit 2 "no file" -- "$BIN" validate

expect_exit 0 "the sample validates" -- "$BIN" validate "$S"
check "no diagnostics for the sample" test ! -s "$TMP/err"
expect_exit 3 "a missing file" -- "$BIN" validate "$TMP/finns-inte.xml"
check "missing file message" grep -q "finns-inte.xml:0: fel: \[FIL-LASA\]" "$TMP/err"
expect_exit 3 "several files: the highest code wins" -- "$BIN" validate "$S" "$TMP/finns-inte.xml"

# compute: golden output
for g in "$SRC"/tests/data/golden/*.compute.xml; do
	[ -f "$g" ] || continue
	name=$(basename "$g" .compute.xml)
	in=$(find "$SRC/samples" -name "$name.xml" | head -1)
	expect_exit 0 "compute $name" -- "$BIN" compute "$in"
	if diff -u "$g" "$TMP/out" >"$TMP/diff"; then ok; else bad "compute $name differs from golden"; head -40 "$TMP/diff"; fi
done

# render: a PDF, and safe output
expect_exit 0 "render the sample" -- "$BIN" render "$S" -o "$TMP/s.pdf"
check "PDF written" test -s "$TMP/s.pdf"
check "no temp file left" test -z "$(ls -A "$TMP" | grep styrrapport-)"
printf 'old' >"$TMP/keep.pdf"
printf '<rapport xmlns="urn:styrrapport:1"><trasig' >"$TMP/bad.xml"
expect_exit 1 "render of an invalid document" -- "$BIN" render "$TMP/bad.xml" -o "$TMP/keep.pdf"
check "existing output untouched" test "$(cat "$TMP/keep.pdf")" = old
expect_exit 3 "output folder missing" -- "$BIN" render "$S" -o "$TMP/finns/inte/ut.pdf"
check "output folder message" contains "$TMP/err" "FIL-SKRIVA"
if [ -w /dev/full ]; then
	expect_exit 3 "a full disk" -- "$BIN" render "$S" -o /dev/full
	check "/dev/full is still a device" test -c /dev/full
fi
finish
