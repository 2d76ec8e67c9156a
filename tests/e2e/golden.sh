#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# golden.sh - for every sample: the computed XML, the layout dump (every display item
# with position, font, role and text) and the PDF's text are compared with the files in
# tests/data/golden/. After an intended change, regenerate with
#   SR_UPDATE_GOLDEN=1 bash tests/e2e/golden.sh build/styrrapport . /tmp/g
# and read the diff before committing it. (The Sjövik compute golden was worked out by
# hand from MODEL.md; regenerating must leave it unchanged.)
. "$(dirname "$0")/lib.sh"
G=$SRC/tests/data/golden
compare() {   # compare WHAT GOLDEN ACTUAL
	if [ -n "${SR_UPDATE_GOLDEN:-}" ]; then cp "$3" "$2"; ok; return; fi
	if [ ! -f "$2" ]; then bad "$1: no golden file $2"; return; fi
	if diff -u "$2" "$3" >"$TMP/diff"; then ok; else bad "$1 differs from its golden"; head -30 "$TMP/diff"; fi
}
for s in $(find "$SRC/samples" -name '*.xml' | sort); do
	grep -q '<rapport ' "$s" || continue
	n=$(basename "$s" .xml)
	expect_exit 0 "compute $n" -- "$BIN" compute "$s"
	compare "compute $n" "$G/$n.compute.xml" "$TMP/out"
	expect_exit 0 "dump $n" -- "$BIN" dump "$s"
	compare "layout dump $n" "$G/$n.layout.dump" "$TMP/out"
	expect_exit 0 "render $n" -- "$BIN" render "$s" -o "$TMP/$n.pdf"
	pdftotext -enc UTF-8 -layout "$TMP/$n.pdf" "$TMP/$n.txt"
	compare "pdftotext $n" "$G/$n.txt" "$TMP/$n.txt"
done
# MODEL v2 part 2 (issue 13): the four kommuner's samples now use version 2; their
# version 1 originals stay in tests/data/v1 and must keep their computed output byte
# for byte (never regenerated).
for s in $(find "$SRC/tests/data/v1" -name '*.xml' ! -name '*.compute.xml' | sort); do
	grep -q '<rapport ' "$s" || continue
	n=$(basename "$s" .xml)
	expect_exit 0 "compute v1 $n" -- "$BIN" compute "$s"
	if diff -u "$SRC/tests/data/v1/$n.compute.xml" "$TMP/out" >"$TMP/diff"; then ok
	else bad "compute v1 $n differs from version 1's output"; head -30 "$TMP/diff"; fi
done
finish
