#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Runs every unit test and the CLI on every sample under valgrind; any error or leak
# fails. Called by the `check` target with the build directory.
set -u
build=$1
src=$(cd "$(dirname "$0")/.." && pwd)
vg="valgrind --quiet --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect"
fail=0; pass=0
for t in "$build"/tests/test_*; do
	[ -x "$t" ] || continue
	case $t in */test_api_oom) continue ;; esac   # abandons memory by design (arena.h)
	if $vg "$t" >/dev/null 2>"$build/vg.log"; then pass=$((pass+1)); else
		echo "valgrind: $t"; cat "$build/vg.log"; fail=$((fail+1)); fi
done
tmp=$(mktemp -d)
for s in $(find "$src/samples" -name '*.xml' | sort); do
	for cmd in validate compute render; do
		out=()
		[ "$cmd" = render ] && out=(-o "$tmp/out.pdf")
		$vg "$build/styrrapport" $cmd "$s" "${out[@]}" >/dev/null 2>"$build/vg.log"
		rc=$?
		if [ $rc -eq 99 ]; then echo "valgrind: styrrapport $cmd $s"; cat "$build/vg.log"; fail=$((fail+1));
		else pass=$((pass+1)); fi
	done
done
# styrrapport import (issue 17): every data file of its tests, good and bad
d=$src/tests/data/import
for args in "--kolada $d/kolada-v2.json --kolada $d/kolada-v3-sidor.json --kolada $d/kolada-webb.csv -o $tmp/imp.xml" \
	"--drift $d/drift-cp1252.csv --investeringar $d/investeringar.csv --indikatorer $d/indikatorer.csv --rakning resultatrakning $d/rakning.csv --kontroll" \
	"--drift $d/drift-fel.csv --kolada $d/kolada-trasig.json --drift $d/drift-v2.csv --kontroll"; do
	# shellcheck disable=SC2086
	$vg "$build/styrrapport" import "$d/rapport.xml" $args >/dev/null 2>"$build/vg.log"
	if [ $? -eq 99 ]; then echo "valgrind: styrrapport import $args"; cat "$build/vg.log"; fail=$((fail+1));
	else pass=$((pass+1)); fi
done
rm -rf "$tmp"
echo "valgrind: $pass passed, $fail failed"
[ $fail -eq 0 ]
