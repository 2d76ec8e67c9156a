#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# invalid.sh - every broken document in tests/data/invalid/ is refused (exit 1) with
# the diagnostics its "<!-- expect: KOD LINE -->" lines name, at those lines. An
# optional third field names an included file (relative to the document's folder)
# that the diagnostic is reported in: "<!-- expect: RAD-DUBBLETT 11 namnder/bun.xml -->".
# Called as: bash invalid.sh BIN SRCDIR SCRATCH
. "$(dirname "$0")/lib.sh"

# has_line ERRFILE PREFIX: some line of ERRFILE starts with PREFIX (fixed string).
has_line() {
	awk -v p="$2" 'index($0, p) == 1 { found = 1 } END { exit !found }' "$1"
}

# check_file FILE: runs the CLI, then checks the exit code and each expect line.
check_file() {
	local f=$1 name missing=0 code line in where
	name=$(basename "$f")
	"$BIN" validate "$f" >"$TMP/out" 2>"$TMP/err"
	local got=$?
	if [ "$got" -ne 1 ]; then
		bad "$name: slutstatus $got, väntad 1"
		sed 's/^/  | /' "$TMP/err" | head -10
		return
	fi
	local n=0
	while read -r code line in; do
		n=$((n+1))
		where=$f
		[ -n "$in" ] && where=$(dirname "$f")/$in
		if ! has_line "$TMP/err" "$where:$line: fel: [$code]" &&
		   ! has_line "$TMP/err" "$where:$line: varning: [$code]"; then
			missing=$((missing+1))
			echo "FEL: $name: ingen rad '$where:$line: fel|varning: [$code]'"
		fi
	done < <(sed -n 's/^<!-- expect: \([A-Z0-9-]*\) \([0-9]*\)\( [^ ]*\)\{0,1\} -->$/\1 \2\3/p' "$f")
	if [ "$n" -eq 0 ]; then
		bad "$name: saknar expect-rader"
	elif [ "$missing" -gt 0 ]; then
		bad "$name: $missing av $n väntade diagnoser saknas"
		sed 's/^/  | /' "$TMP/err" | head -10
	else
		ok
	fi
}

shopt -s nullglob
files=("$SRC"/tests/data/invalid/*.xml)
[ "${#files[@]}" -gt 0 ] || bad "inga testdokument i tests/data/invalid"
for f in "${files[@]}"; do
	check_file "$f"
done
finish
