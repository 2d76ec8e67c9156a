#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# gnu.sh - the command line's GNU conventions: getopt_long forms, options anywhere, --,
# - as stdin and -o - as stdout, --diagnostics=json against docs/diagnostics.schema.json,
# short usage errors, and `styrrapport ny` for every report type.
. "$(dirname "$0")/lib.sh"
S=$SRC/samples/sjovik-delarsrapport-2024.xml
L=$SRC/layouts/delarsrapport.xml

# ---- option forms
expect_exit 0 "--layout=FIL" -- "$BIN" render "$S" --layout="$L" -o "$TMP/a.pdf"
check "--layout=FIL wrote the PDF" test -s "$TMP/a.pdf"
expect_exit 0 "-oFIL" -- "$BIN" render "$S" -o"$TMP/b.pdf"
check "-oFIL wrote the PDF" test -s "$TMP/b.pdf"
expect_exit 0 "--output FIL" -- "$BIN" render --output "$TMP/c.pdf" "$S"
expect_exit 0 "options before the command" -- "$BIN" --no-pdfa -o "$TMP/d.pdf" render "$S"
check "same bytes whatever the option order" cmp -s "$TMP/a.pdf" "$TMP/b.pdf"
check "--output and -o agree" cmp -s "$TMP/a.pdf" "$TMP/c.pdf"
cp "$S" "$TMP/-s.xml"
expect_exit 2 "a file named like an option without --" -- bash -c "cd '$TMP' && '$BIN' validate -s.xml"
expect_exit 0 "-- ends the options" -- bash -c "cd '$TMP' && '$BIN' validate -- -s.xml"

# ---- usage errors: one line and the hint, not the whole usage
expect_exit 2 "-o empty" -- "$BIN" render "$S" -o ""
check "-o empty is named" contains "$TMP/err" "-o kräver ett värde som inte är tomt"
expect_exit 2 "-o twice" -- "$BIN" render "$S" -o "$TMP/x1.pdf" -o "$TMP/x2.pdf"
check "-o twice is named" contains "$TMP/err" "-o angavs mer än en gång"
check "-o twice wrote nothing" test ! -e "$TMP/x1.pdf" -a ! -e "$TMP/x2.pdf"
expect_exit 2 "--layout twice" -- "$BIN" dump "$S" --layout "$L" --layout="$L"
expect_exit 2 "an option of another command" -- "$BIN" validate --layout "$L" "$S"
check "the option and command are named" contains "$TMP/err" "--layout gäller inte för validate"
expect_exit 2 "an option without its value" -- "$BIN" render "$S" --layout
check "missing value named" contains "$TMP/err" "--layout kräver ett värde"
expect_exit 2 "unknown short option" -- "$BIN" validate -q "$S"
check "unknown short option named" contains "$TMP/err" "okänd flagga: -q"
expect_exit 2 "unknown long option" -- "$BIN" validate --bogus "$S"
check "the hint to --help" contains "$TMP/err" "Försök 'styrrapport --help' för mer information."
check "no whole usage on an error" test "$(wc -l <"$TMP/err")" -eq 2
expect_exit 2 "unknown command" -- "$BIN" frobnicate "$S"
"$BIN" --help | sed -n 's/^  styrrapport \([a-z]*\).*/\1/p' >"$TMP/commands"
check "--help lists commands" test -s "$TMP/commands"
while read -r cmd; do
	check "the unknown-command message lists $cmd" grep -qw "$cmd" "$TMP/err"
done <"$TMP/commands"
expect_exit 2 "no command" -- "$BIN"
check "no command: every command named" grep -q "validate, compute, render, dump" "$TMP/err"
expect_exit 2 "compute takes one file" -- "$BIN" compute "$S" "$S"
expect_exit 2 "--diagnostics=bogus" -- "$BIN" validate --diagnostics=xml "$S"
expect_exit 0 "--version" -- "$BIN" --version
check "--version names the licence" contains "$TMP/out" "Apache License 2.0"
expect_exit 0 "-V" -- "$BIN" -V

# ---- standard input and output
expect_exit 0 "validate - (stdin)" -- bash -c "'$BIN' validate - <'$S'"
expect_exit 0 "compute of a file" -- "$BIN" compute "$S"
cp "$TMP/out" "$TMP/compute-file.xml"
expect_exit 0 "compute - (stdin)" -- bash -c "'$BIN' compute - <'$S'"
check "stdin computes the same as the file" cmp -s "$TMP/out" "$TMP/compute-file.xml"
A=$SRC/samples/arboga/arboga-delarsrapport-2025.xml
expect_exit 0 "compute of a document with includes" -- "$BIN" compute "$A"
cp "$TMP/out" "$TMP/compute-arboga.xml"
expect_exit 0 "stdin: includes resolve against the current folder" -- \
	bash -c "cd '$SRC/samples/arboga' && '$BIN' compute - <'$A'"
check "stdin with includes computes the same" cmp -s "$TMP/out" "$TMP/compute-arboga.xml"
expect_exit 1 "stdin elsewhere: the includes are not found" -- bash -c "cd '$TMP' && '$BIN' validate - <'$A'"
check "stdin diagnostics are named -" grep -q "^-:[0-9]*: fel: \[INKL-LASA\]" "$TMP/err"
printf '<rapport xmlns="urn:styrrapport:1"><trasig' >"$TMP/bad.xml"
expect_exit 1 "invalid stdin" -- bash -c "'$BIN' validate - <'$TMP/bad.xml'"
check "invalid stdin named -" grep -q "^-:1: fel: \[XML-SYNTAX\]" "$TMP/err"
expect_exit 2 "stdin twice" -- bash -c "'$BIN' validate - - <'$S'"

expect_exit 0 "render -o - (stdout)" -- bash -c "'$BIN' render '$S' -o - >'$TMP/stdout.pdf'"
check "stdout PDF is the file's PDF, byte for byte" cmp -s "$TMP/stdout.pdf" "$TMP/a.pdf"
check "no temporary file left in TMPDIR" test -z "$(ls -A "$TMP" | grep '^styrrapport-')"
expect_exit 0 "render - -o - (a pipe)" -- bash -c "TMPDIR='$TMP' '$BIN' render - -o - <'$S' >'$TMP/pipe.pdf'"
check "the pipe gives the same PDF" cmp -s "$TMP/pipe.pdf" "$TMP/a.pdf"
check "the pipe left no temporary folder" test -z "$(ls -A "$TMP" | grep '^styrrapport-')"
if command -v qpdf >/dev/null; then check "stdout PDF passes qpdf --check" qpdf --check "$TMP/pipe.pdf" >/dev/null; fi
expect_exit 1 "render -o - of an invalid document" -- bash -c "'$BIN' render - -o - <'$TMP/bad.xml' >'$TMP/none.pdf'"
check "nothing on stdout for an invalid document" test ! -s "$TMP/none.pdf"
expect_exit 2 "render - without -o" -- bash -c "'$BIN' render - <'$S'"
expect_exit 2 "--manifest with -o -" -- bash -c "'$BIN' render '$S' --manifest -o - >/dev/null"
expect_exit 2 "- in a batch" -- bash -c "'$BIN' render - '$S' -o '$TMP/ut' <'$S'"

# ---- --diagnostics=json, every line against the documented schema
SCHEMA=$SRC/docs/diagnostics.schema.json
JQ_CHECK='
def ty($v): if $v == null then "null" elif ($v|type) == "number" then
	(if ($v|floor) == $v then "integer" else "number" end) else ($v|type) end;
def prop_ok($v; $p):
	(if $p.type then ([$p.type] | flatten | any(.[]; . == ty($v) or (. == "number" and ty($v) == "integer"))) else true end)
	and (if $p.enum then ($p.enum | any(.[]; . == $v)) else true end)
	and (if $p.minimum and ($v|type) == "number" then $v >= $p.minimum else true end)
	and (if $p.pattern and ($v|type) == "string" then ($v | test($p.pattern)) else true end);
$schema[0] as $s
| (type == "object")
  and ((keys - ($s.properties | keys)) | length == 0)
  and (($s.required - keys) | length == 0)
  and (. as $o | all($s.properties | to_entries[]; .key as $k | ($o | has($k) | not) or prop_ok($o[$k]; .value)))'
json_ok() {   # json_ok FILE: every line one object the schema accepts
	[ -s "$1" ] || return 1
	while IFS= read -r line; do
		[ "$(printf '%s' "$line" | jq --slurpfile schema "$SCHEMA" "$JQ_CHECK")" = true ] || { echo "  | $line"; return 1; }
	done <"$1"
}
if command -v jq >/dev/null; then
	check "the schema is JSON" jq -e . "$SCHEMA" >/dev/null
	for f in "$SRC"/tests/data/invalid/*.xml "$TMP/bad.xml" "$TMP/finns-inte.xml"; do
		[ -e "$f" ] || [ "$f" = "$TMP/finns-inte.xml" ] || continue
		"$BIN" validate "$f" 2>"$TMP/text" >/dev/null; t=$?
		"$BIN" validate --diagnostics=json "$f" 2>"$TMP/json" >/dev/null; j=$?
		n=$(basename "$f")
		check "json $n: same exit code as text" test "$t" -eq "$j"
		check "json $n: one line per diagnostic" test "$(wc -l <"$TMP/json")" -eq "$(wc -l <"$TMP/text")"
		check "json $n: every line fits the schema" json_ok "$TMP/json"
		check "json $n: the same codes in the same order" \
			test "$(jq -r .code "$TMP/json" | tr '\n' ' ')" = "$(sed 's/.*\[\([A-Z0-9-]*\)\].*/\1/' "$TMP/text" | tr '\n' ' ')"
	done
	"$BIN" validate --diagnostics=json "$TMP/bad.xml" 2>"$TMP/json"
	check "a syntax error has its column" test "$(jq -r '.column | type' "$TMP/json" | head -1)" = number
	check "the message is the text form's" test "$(jq -r .message "$TMP/json" | head -1)" = \
		"$("$BIN" validate "$TMP/bad.xml" 2>&1 | head -1 | sed 's/^[^]]*\] //')"
	"$BIN" validate --diagnostics=json "$TMP/finns-inte.xml" 2>"$TMP/json"
	check "an unreadable file: line null, level error" test "$(jq -c '[.line, .level, .code]' "$TMP/json")" = '[null,"error","FIL-LASA"]'
	mkdir -p "$TMP/batch"; cp "$S" "$TMP/bad.xml" "$TMP/batch/"
	"$BIN" render "$TMP/batch" -o "$TMP/batch-ut" --diagnostics=json 2>"$TMP/json"
	check "a batch in json: stderr holds only schema lines" json_ok "$TMP/json"
	"$BIN" validate --diagnostics=json "$S" 2>"$TMP/json"
	check "a valid document: no JSON lines" test ! -s "$TMP/json"
fi

# ---- styrrapport ny: a valid, commented starting document for every type
for typ in uppfoljning delarsrapport arsredovisning verksamhetsberattelse; do
	expect_exit 0 "ny --typ $typ" -- "$BIN" ny --typ "$typ" --kommun 'Hofors kommun' --kommunkod 2104 \
		--ar 2025 -o "$TMP/ny-$typ.xml"
	check "ny $typ wrote the file" test -s "$TMP/ny-$typ.xml"
	check "ny $typ is commented" grep -q '<!--' "$TMP/ny-$typ.xml"
	check "ny $typ names the kommun" grep -q 'namn="Hofors kommun" kommunkod="2104"' "$TMP/ny-$typ.xml"
	expect_exit 0 "ny $typ validates" -- "$BIN" validate "$TMP/ny-$typ.xml"
	check "ny $typ: only placeholder warnings" test -z "$(grep -v '\[MALLTEXT\]' "$TMP/err")"
	check "ny $typ: the placeholders are pointed out" grep -q 'varning: \[MALLTEXT\]' "$TMP/err"
	if command -v xmllint >/dev/null; then
		check "ny $typ passes the installed XSD (xmllint)" \
			xmllint --noout --schema "$SRC/src/xsd/styrrapport.xsd" "$TMP/ny-$typ.xml" 2>/dev/null
	fi
	expect_exit 0 "ny $typ renders" -- "$BIN" render "$TMP/ny-$typ.xml" -o "$TMP/ny-$typ.pdf"
done
expect_exit 0 "the issue's own command" -- bash -c "cd '$TMP' && '$BIN' ny --typ delarsrapport \
	--kommun 'Hofors kommun' --kommunkod 2104 -o rapport.xml"
expect_exit 0 "...and it validates" -- "$BIN" validate "$TMP/rapport.xml"
printf 'mitt' >"$TMP/finns.xml"
expect_exit 3 "ny never overwrites" -- "$BIN" ny --typ delarsrapport --kommun K --kommunkod 2104 -o "$TMP/finns.xml"
check "the existing file is untouched" test "$(cat "$TMP/finns.xml")" = mitt
check "overwrite refusal explained" contains "$TMP/err" "finns redan"
expect_exit 0 "ny to stdout" -- "$BIN" ny --typ arsredovisning --kommun 'A & B <kommun>' --kommunkod 0114
check "names are escaped" grep -q 'namn="A &amp; B &lt;kommun&gt;"' "$TMP/out"
expect_exit 0 "...and it validates from stdin" -- bash -c "'$BIN' ny --typ arsredovisning --kommun 'A & B' --kommunkod 0114 | '$BIN' validate -"
expect_exit 2 "ny: unknown type" -- "$BIN" ny --typ kvartal --kommun K --kommunkod 2104
expect_exit 2 "ny: kommunkod not four digits" -- "$BIN" ny --typ delarsrapport --kommun K --kommunkod 210
expect_exit 2 "ny: no kommun" -- "$BIN" ny --typ delarsrapport --kommunkod 2104
expect_exit 2 "ny takes no file" -- "$BIN" ny --typ delarsrapport --kommun K --kommunkod 2104 "$S"
expect_exit 2 "--typ belongs to ny" -- "$BIN" validate --typ delarsrapport "$S"
finish
