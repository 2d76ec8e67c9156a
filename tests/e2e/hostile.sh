#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# hostile.sh - broken and hostile input: one clear Swedish error (code, file, line, exit
# code) for each, no crash, no hang (every run under `timeout 20`), nothing read outside
# the document's folder, no network, and no output file lost or left half-written.
. "$(dirname "$0")/lib.sh"
H=$SRC/tests/data/hostile
S=$SRC/samples/sjovik-delarsrapport-2024.xml
T="timeout 20"
# has FILE FIXED-STRING...: every string occurs in FILE
has() { local f=$1; shift; for s in "$@"; do grep -qF -- "$s" "$f" || return 1; done; }
# case_exit CODE WHAT FILE-IN-ERR STRING... -- command: exit code and message together
case_err() {
	local want=$1 what=$2; shift 2
	local strs=(); while [ "$1" != "--" ]; do strs+=("$1"); shift; done; shift
	expect_exit "$want" "$what" -- $T "$@"
	check "$what: meddelandet" has "$TMP/err" "${strs[@]}"
	check "$what: inget körfel" sh -c "! grep -qE 'AddressSanitizer|runtime error|Segmentation' '$TMP/err'"
}

# ---- a minimal valid document, for generating big inputs
head_doc() {
	cat <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<rapport xmlns="urn:styrrapport:1" typ="delarsrapport" ar="2024">
  <diarium><diarienummer>KS 2024/0456</diarienummer><beslutsinstans>Kommunfullmäktige</beslutsinstans><beslutsdatum>2024-10-28</beslutsdatum><handlaggare>Anna Lindqvist</handlaggare></diarium>
  <kommun namn="Sjöviks kommun" kommunkod="2999"/>
  <period fran="2024-01-01" till="2024-08-31"/>
  <malnivaer><niva id="strat" namn="Strategiskt mål"/><niva id="namnd" namn="Nämndmål"/></malnivaer>
  <organisation><namnd id="KS" namn="Kommunstyrelsen" forvaltning="Kommunstyrelseförvaltningen"/></organisation>
EOF
}
# doc NAME BODY: head + BODY + </rapport> into $TMP/NAME.xml
doc() { { head_doc; printf '%s\n' "$2"; echo '</rapport>'; } >"$TMP/$1.xml"; }

# ---- malformed XML, encodings, wrong roots: exit 1, one clear error with a line
case_err 1 "trasig XML" "trasig.xml:3: fel: [XML-SYNTAX]" "sluttaggen </diarium> matchar inte <diarienummer>" -- "$BIN" validate "$H/trasig.xml"
case_err 1 "Latin-1 i UTF-8" "latin1.xml:4: fel: [XML-KODNING]" "inte giltig UTF-8" "Latin-1" -- "$BIN" validate "$H/latin1.xml"
case_err 1 "deklarerad ISO-8859-1" "kodning-deklarerad.xml:1: fel: [XML-KODNING]" "ISO-8859-1" "bara UTF-8" -- "$BIN" validate "$H/kodning-deklarerad.xml"
case_err 1 "UTF-16" "utf16.xml:1: fel: [XML-KODNING]" "UTF-16" -- "$BIN" validate "$H/utf16.xml"
: >"$TMP/tom.xml"
case_err 1 "tom fil" "tom.xml:0: fel: [XML-SYNTAX] filen är tom" -- "$BIN" validate "$TMP/tom.xml"
printf ' \n\t\n' >"$TMP/blank.xml"
case_err 1 "bara blanktecken" "blank.xml:0: fel: [XML-SYNTAX] filen är tom" -- "$BIN" validate "$TMP/blank.xml"
case_err 1 "binär fil" "binar.xml:3: fel: [XML-KODNING]" "binär fil" -- "$BIN" validate "$H/binar.xml"
head -c 4096 /dev/urandom >"$TMP/slump.xml"
expect_exit 1 "slumpbytes" -- $T "$BIN" validate "$TMP/slump.xml"
check "slumpbytes: ett fel med kod" grep -qE '^.*slump.xml:[0-9]+: fel: \[XML-' "$TMP/err"
case_err 1 "ren text" "text.xml:0: fel: [XML-SYNTAX]" "inget XML-element" -- "$BIN" validate "$H/text.xml"
case_err 1 "fel rotelement" "fel-rot.xml:2: fel: [XML-ROT]" "<report>" -- "$BIN" validate "$H/fel-rot.xml"
case_err 1 "fel namnrymd" "fel-namnrymd.xml:2: fel: [XML-ROT]" "urn:annat:1" -- "$BIN" validate "$H/fel-namnrymd.xml"
case_err 1 "ingen namnrymd" "utan-namnrymd.xml:2: fel: [XML-ROT]" "i någon namnrymd alls" -- "$BIN" validate "$H/utan-namnrymd.xml"

# ---- DOCTYPE and entities: refused before anything is expanded or fetched
case_err 1 "billion laughs" "miljard-skratt.xml:2: fel: [XML-DOCTYPE]" "DOCTYPE och entiteter är inte tillåtna" -- "$BIN" validate "$H/miljard-skratt.xml"
check "billion laughs: ett enda fel" test "$(wc -l <"$TMP/err")" -eq 1
case_err 1 "XXE" "xxe-fil.xml:1: fel: [XML-DOCTYPE]" -- "$BIN" compute "$H/xxe-fil.xml"
check "XXE: /etc/passwd läses inte" sh -c "! grep -q 'root:' '$TMP/out' '$TMP/err'"
case_err 1 "extern DTD på 127.0.0.1" "dtd-natverk.xml:3: fel: [XML-DOCTYPE]" -- "$BIN" validate "$H/dtd-natverk.xml"
# no_net WHAT FILE: validating FILE opens no socket at all (where strace can run;
# LeakSanitizer cannot run under ptrace, so it is off for this one run)
no_net() {
	command -v strace >/dev/null && strace -f -qq -e trace=connect true 2>/dev/null || return 0
	ASAN_OPTIONS=detect_leaks=0 strace -f -qq -e trace=socket,connect -o "$TMP/strace" \
		$T "$BIN" validate "$2" >/dev/null 2>&1
	check "$1: inget nätverksanrop" sh -c "! grep -qE 'socket\\(|connect\\(' '$TMP/strace'"
}
no_net "extern DTD" "$H/dtd-natverk.xml"

# ---- includes and logotyp: only inside the main document's folder tree
D=$TMP/inc/dok; mkdir -p "$D/namnder" "$TMP/inc/ute"
cp -r "$SRC/samples/arboga/." "$D/"
cp "$D/namnder/bun.xml" "$TMP/inc/ute/bun.xml"
ln -s ../../ute/bun.xml "$D/namnder/lank.xml"
ln -s ../ute "$D/utelank"
A=$D/arboga-delarsrapport-2025.xml
IL=$(grep -n 'href="namnder/bun.xml"' "$A" | head -1 | cut -d: -f1)   # the first include's line
# with_href HREF: the Arboga sample with its first include pointing at HREF, as $D/t.xml
with_href() { awk -v h="$1" '!done && sub(/href="namnder\/bun.xml"/, "href=\"" h "\"") {done=1} {print}' "$A" >"$D/t.xml"; }
inc_refused() {
	with_href "$1"
	case_err 1 "include $1" "t.xml:$IL: fel: [INKL-SOKVAG]" "$2" -- "$BIN" validate "$D/t.xml"
}
expect_exit 0 "Arboga med sina includes" -- $T "$BIN" validate "$A"
inc_refused "$TMP/inc/ute/bun.xml" "absolut sökväg"
inc_refused "../ute/bun.xml" "pekar utanför huvuddokumentets mapp"
inc_refused "namnder/../../ute/bun.xml" "pekar utanför huvuddokumentets mapp"
inc_refused "namnder/lank.xml" "via en symbolisk länk"
inc_refused "utelank/bun.xml" "via en symbolisk länk"
inc_refused "http://127.0.0.1:9/bun.xml" "nätverk hämtas aldrig"
no_net "include på 127.0.0.1" "$D/t.xml"
inc_refused "file://$TMP/inc/ute/bun.xml" "URI-schema"
inc_refused "//127.0.0.1/bun.xml" "absolut sökväg"
# xml:base must not move an include out of the fence
with_href "bun.xml"; sed -i "s|href=\"bun.xml\"|xml:base=\"$TMP/inc/ute/\" href=\"bun.xml\"|" "$D/t.xml"
case_err 1 "xml:base på include" "t.xml:$IL: fel: [INKL-FORM]" "inte base" -- "$BIN" validate "$D/t.xml"
with_href "bun.xml"; sed -i 's|<rapport xmlns=|<rapport xml:base="../ute/" xmlns=|' "$D/t.xml"
case_err 1 "xml:base på roten" "t.xml:$IL: fel: [INKL-LASA]" "filen finns inte" -- "$BIN" validate "$D/t.xml"
with_href "t.xml"
case_err 1 "include av sig själv" "[INKL-SLINGA]" "inkluderar sig själv" -- "$BIN" validate "$D/t.xml"
printf '<!DOCTYPE x [<!ENTITY e SYSTEM "/etc/passwd">]>\n<namndbidrag xmlns="urn:styrrapport:1" namndref="BUN">&e;</namndbidrag>\n' >"$D/namnder/xxe.xml"
with_href "namnder/xxe.xml"
case_err 1 "DOCTYPE i en inkluderad fil" "xxe.xml:1: fel: [XML-DOCTYPE]" -- "$BIN" validate "$D/t.xml"
# a FIFO must be refused, not waited on (regression: open() blocked forever)
mkfifo "$D/namnder/fifo.xml" "$TMP/fifo.xml"
with_href "namnder/fifo.xml"
case_err 1 "include av en FIFO" "t.xml:$IL: fel: [INKL-LASA]" "ingen vanlig fil" -- "$BIN" validate "$D/t.xml"
case_err 3 "en FIFO som dokument" "fifo.xml:0: fel: [FIL-LASA]" "ingen vanlig fil" -- "$BIN" validate "$TMP/fifo.xml"
case_err 3 "en mapp som dokument" "[FIL-LASA]" "det är en mapp" -- "$BIN" validate "$TMP"

# logotyp: the same fence
printf '\x89PNG\r\n\x1a\n' >"$TMP/inc/ute/logo.png"
ln -s ../ute/logo.png "$D/lanklogo.png"
logo_refused() {
	awk -v h="$1" '/<kommun / && !done {sub(/>$/, "><logotyp href=\"" h "\"/>"); done=1} {print}' "$S" >"$D/logo.xml"
	case_err 1 "logotyp $1" "logo.xml:" "[LOGO-SOKVAG]" -- "$BIN" validate "$D/logo.xml"
}
logo_refused "/etc/passwd"
logo_refused "../ute/logo.png"
logo_refused "lanklogo.png"
logo_refused "http://127.0.0.1:9/logo.png"
no_net "logotyp på 127.0.0.1" "$D/logo.xml"

# ---- numbers: the value is named
num_case() {
	sed "s/budget=\"88.7\"/budget=\"$1\"/" "$S" >"$TMP/tal.xml"
	case_err 1 "talet $1" "tal.xml:121: fel: [$2]" "'$1'" "budget" -- "$BIN" validate "$TMP/tal.xml"
}
num_case "88,7" TAL-FORM
num_case "1e308" TAL-FORM
num_case "NaN" TAL-FORM
num_case "INF" TAL-FORM
num_case "-INF" TAL-FORM
num_case "0x10" TAL-FORM
num_case "1000000000000" TAL-STORLEK
num_case "-1000000000000" TAL-STORLEK
num_case "99999999999999999999999999999999999999999" TAL-STORLEK
num_case "1.1234567" TAL-DECIMALER
sed 's|<utfall ar="2024">82.0</utfall>|<utfall ar="2024">82,0</utfall>|' "$S" >"$TMP/tal2.xml"
case_err 1 "tal i elementtext" "tal2.xml:49: fel: [TAL-FORM]" "'82,0'" -- "$BIN" validate "$TMP/tal2.xml"

# ---- a hostile diarieformat: the match limit answers, the run does not hang
sed 's|diarieformat="[^"]*"|diarieformat="^(a+)+$"|; s|<diarienummer>KS 2024/0456</diarienummer>|<diarienummer>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab</diarienummer>|' "$S" >"$TMP/regex.xml"
case_err 1 "katastrofal backtracking" "[DNR-GRANS]" "matchningsgränsen" -- "$BIN" validate "$TMP/regex.xml"

# ---- limits of size and depth
nest() { local i; head_doc; for ((i = 0; i < $1; i++)); do printf '<avsnitt rubrik="Nivå %d">' "$i"; done
	printf '<stycke>Djupast.</stycke>'; for ((i = 0; i < $1; i++)); do printf '</avsnitt>'; done; echo '</rapport>'; }
nest 5000 >"$TMP/djup5000.xml"
case_err 1 "5 000 nivåer" "djup5000.xml:8: fel: [XML-GRANS]" "256 nivåer" -- "$BIN" validate "$TMP/djup5000.xml"
check "5 000 nivåer: ett enda fel" test "$(wc -l <"$TMP/err")" -eq 1
nest 250 >"$TMP/djup250.xml"
expect_exit 0 "250 nivåer avsnitt renderas" -- $T "$BIN" render "$TMP/djup250.xml" -o "$TMP/djup250.pdf"
check "250 nivåer: PDF" test -s "$TMP/djup250.pdf"
{ head_doc; printf '<avsnitt rubrik="Inline"><stycke>'; for ((i = 0; i < 2500; i++)); do printf '<b><i>'; done
  printf 'djupt'; for ((i = 0; i < 2500; i++)); do printf '</i></b>'; done; echo '</stycke></avsnitt></rapport>'; } >"$TMP/inline.xml"
case_err 1 "5 000 nivåer b/i" "inline.xml:8: fel: [XML-GRANS]" -- "$BIN" validate "$TMP/inline.xml"

# a 1 MB text renders, all of it
ord=$(printf 'Ordet%.0s ' $(seq 1 1000))
{ head_doc; printf '<avsnitt rubrik="Lång text"><stycke>'; for ((i = 0; i < 200; i++)); do printf '%s' "$ord"; done
  printf 'SLUTORDET</stycke></avsnitt>\n</rapport>\n'; } >"$TMP/mb.xml"
check "1 MB text: minst 1 MB" test "$(stat -c %s "$TMP/mb.xml")" -gt 1000000
expect_exit 0 "1 MB text renderas" -- $T "$BIN" render "$TMP/mb.xml" -o "$TMP/mb.pdf"
if command -v pdftotext >/dev/null; then
	check "1 MB text: sista ordet finns i PDF:en" sh -c "pdftotext '$TMP/mb.pdf' - | grep -q SLUTORDET"
	check "1 MB text: alla 200 000 ord" test "$(pdftotext "$TMP/mb.pdf" - | grep -o Ordet | wc -l)" -eq 200000
fi
# a text node past libxml2's 10 000 000-byte limit: a clear limit error
{ head_doc; printf '<avsnitt rubrik="För lång"><stycke>'; head -c 11000000 /dev/zero | tr '\0' x; printf '</stycke></avsnitt></rapport>\n'; } >"$TMP/stor.xml"
case_err 1 "text över 10 MB" "stor.xml:8: fel: [XML-GRANS]" "för långt" -- "$BIN" validate "$TMP/stor.xml"
# past the loader's 64 MiB
head -c $((64 * 1024 * 1024 + 1)) /dev/zero >"$TMP/64mib.xml"
case_err 1 "fil över 64 MiB" "64mib.xml:0: fel: [XML-GRANS]" "64 MiB" -- "$BIN" validate "$TMP/64mib.xml"
rm -f "$TMP/64mib.xml" "$TMP/stor.xml"

# a word longer than its table cell is broken inside the cell
expect_exit 0 "långt ord i tabellcell" -- $T "$BIN" render "$H/langt-ord.xml" -o "$TMP/ord.pdf"
if command -v pdftotext >/dev/null; then
	pdftotext -bbox "$TMP/ord.pdf" "$TMP/ord.html"
	# the cell text starts at x = 67 pt
	# issue 16: the number columns keep their width, the name column takes the squeeze
	check "långt ord: brutet i bitar i cellen" grep -qF '>Överförmyndarnämndsförvaltningsorganisationsutvecklingsprojektsamordna</word>' "$TMP/ord.html"
	check "långt ord: ingen bit in i beloppskolumnen" \
		sh -c "awk -F'\"' '/>Bud-</ { b = \$2 } /<word/ && \$2+0 > 66 && \$2+0 < 68 { if (\$6 + 0 > m) m = \$6 } END {exit !(b > 0 && m < b)}' '$TMP/ord.html'"
	# issue 16: at the line of the driftredovisning the table is built from
	check "långt ord: varning LAYOUT-TABELL" grep -qF 'langt-ord.xml:8: varning: [LAYOUT-TABELL] tabellen "Nämnd" får inte plats i textbredden ens med teckenstorlek 8,0 pt: ord i den bryts mitt i (inte bara vid avstavning)' "$TMP/err"
	# regression: the deviation chart drew the row name unbroken, past the page edge
	check "långt ord: inget ord utanför sidan" sh -c "awk -F'\"' '/<page/{w=\$2} /<word/{ if (\$6+0 > w) bad=1 } END {exit bad}' '$TMP/ord.html'"
fi

# 5 000 rows: every row rendered, and the sum right
rows=$(for ((i = 1; i <= 5000; i++)); do printf '<rad rubrik="Rad %d" budget="%d.5" utfall="%d" prognos="%d.25"/>\n' "$i" "$i" "$i" "$i"; done)
doc rader "<ekonomi><driftredovisning>$rows</driftredovisning></ekonomi>"
expect_exit 0 "5 000 rader: compute" -- $T "$BIN" compute "$TMP/rader.xml"
check "5 000 rader: summan" grep -qE '<drift summa="ja" budget="12505000(\.0*)?"' "$TMP/out"
expect_exit 0 "5 000 rader renderas" -- $T "$BIN" render "$TMP/rader.xml" -o "$TMP/rader.pdf"
if command -v pdftotext >/dev/null; then
	pdftotext "$TMP/rader.pdf" "$TMP/rader.txt"
	check "5 000 rader: första och sista raden" sh -c "grep -qx 'Rad 1' '$TMP/rader.txt' && grep -qx 'Rad 5000' '$TMP/rader.txt'"
fi

# an indicator with no values at all; no goals; no economy
doc tomind '<mal id="S1" niva="strat" titel="Ett mål utan mätvärden"><indikator id="I1" namn="Ett mått" enhet="st" riktning="hogre"/></mal>'
expect_exit 0 "indikator utan värden: compute" -- $T "$BIN" compute "$TMP/tomind.xml"
check "indikator utan värden: ej bedömd" grep -qF '<indikator id="I1" status="ej-bedomt"' "$TMP/out"
check "indikator utan värden: inget framsteg" sh -c "! grep -F 'id=\"I1\"' '$TMP/out' | grep -q framsteg"
expect_exit 0 "indikator utan värden renderas" -- $T "$BIN" render "$TMP/tomind.xml" -o "$TMP/tomind.pdf"
doc inget ''
expect_exit 0 "inga mål och ingen ekonomi: validate" -- $T "$BIN" validate "$TMP/inget.xml"
expect_exit 0 "inga mål och ingen ekonomi renderas" -- $T "$BIN" render "$TMP/inget.xml" -o "$TMP/inget.pdf"
check "inga mål: PDF" test -s "$TMP/inget.pdf"

# ---- missing resources and unwritable outputs: exit 3, nothing lost, nothing left
no_temp() { test -z "$(find "$1" -maxdepth 1 -name '.styrrapport-*' | head -1)"; }
data_copy() { rm -rf "$TMP/data"; mkdir -p "$TMP/data/src/resources"; cp -r "$SRC/fonts" "$TMP/data/"
	cp "$SRC/src/resources/sRGB.icc" "$TMP/data/src/resources/"; }
mkdir -p "$TMP/ut"
render_keeps() {   # WHAT CODE-STRING WORDS -- env...: render over an existing file
	local what=$1 code=$2 words=$3; shift 4
	printf 'gammal' >"$TMP/ut/keep.pdf"
	expect_exit 3 "$what" -- env "$@" $T "$BIN" render "$S" -o "$TMP/ut/keep.pdf"
	check "$what: meddelandet" has "$TMP/err" "$code" "$words"
	check "$what: befintlig fil orörd" test "$(cat "$TMP/ut/keep.pdf")" = gammal
	check "$what: ingen tempfil kvar" no_temp "$TMP/ut"
}
data_copy; rm "$TMP/data/fonts/OpenSans-Bold.ttf"
render_keeps "typsnitt saknas" "[TYPSNITT]" "OpenSans-Bold.ttf kan inte läsas" -- STYRRAPPORT_DATA="$TMP/data"
data_copy; printf 'x' >"$TMP/data/fonts/OpenSans-Regular.ttf"
render_keeps "trasigt typsnitt" "[TYPSNITT]" "inget TrueType-typsnitt" -- STYRRAPPORT_DATA="$TMP/data"
data_copy; rm "$TMP/data/src/resources/sRGB.icc"
render_keeps "ICC-profil saknas" "[FARGPROFIL]" "kan inte läsas: mappen eller filen finns inte" -- STYRRAPPORT_DATA="$TMP/data"
data_copy; printf 'x' >"$TMP/data/src/resources/sRGB.icc"
render_keeps "trasig ICC-profil" "[FARGPROFIL]" "ingen ICC-profil" -- STYRRAPPORT_DATA="$TMP/data"
render_keeps "datamapp saknas" "[TYPSNITT]" "finns-inte" -- STYRRAPPORT_DATA="$TMP/finns-inte"
printf 'gammal' >"$TMP/ut/keep.pdf"
expect_exit 3 "layoutfil saknas" -- $T "$BIN" render --layout "$TMP/finns-inte.xml" "$S" -o "$TMP/ut/keep.pdf"
check "layoutfil saknas: meddelandet" has "$TMP/err" "finns-inte.xml:0: fel: [FIL-LASA]" "layoutfilen kan inte läsas"
check "layoutfil saknas: befintlig fil orörd" test "$(cat "$TMP/ut/keep.pdf")" = gammal
expect_exit 3 "utmapp saknas" -- $T "$BIN" render "$S" -o "$TMP/finns/inte/ut.pdf"
check "utmapp saknas: meddelandet" has "$TMP/err" "ut.pdf:0: fel: [FIL-SKRIVA]" "utmappen: mappen eller filen finns inte"
check "utmapp saknas: inget skapat" test ! -e "$TMP/finns"
mkdir -p "$TMP/skrivskyddad"; printf 'gammal' >"$TMP/skrivskyddad/keep.pdf"; chmod 555 "$TMP/skrivskyddad"
if [ ! -w "$TMP/skrivskyddad" ]; then   # root can write anyway: then the case says nothing
	expect_exit 3 "skrivskyddad utmapp" -- $T "$BIN" render "$S" -o "$TMP/skrivskyddad/keep.pdf"
	check "skrivskyddad utmapp: meddelandet" has "$TMP/err" "[FIL-SKRIVA]"
	check "skrivskyddad utmapp: filen orörd" test "$(cat "$TMP/skrivskyddad/keep.pdf")" = gammal
fi
chmod 755 "$TMP/skrivskyddad"
if [ -w /dev/full ]; then
	expect_exit 3 "full disk" -- $T "$BIN" render "$S" -o /dev/full
	check "full disk: meddelandet" has "$TMP/err" "/dev/full:0: fel: [FIL-SKRIVA]" "disken är full"
	check "full disk: /dev/full är kvar" test -c /dev/full
	expect_exit 3 "full disk, compute" -- sh -c "$T '$BIN' compute '$S' >/dev/full"
fi
printf 'gammal' >"$TMP/ut/keep.pdf"
expect_exit 1 "ogiltigt dokument skriver ingen PDF" -- $T "$BIN" render "$H/trasig.xml" -o "$TMP/ut/keep.pdf"
check "ogiltigt dokument: befintlig fil orörd" test "$(cat "$TMP/ut/keep.pdf")" = gammal

# the output may never replace the document (regression: `render X.xml --manifest`
# wrote the manifest X.xml over the document X.xml)
mkdir -p "$TMP/samma"; cp "$S" "$TMP/samma/rapport.xml"; sum0=$(cksum <"$TMP/samma/rapport.xml")
expect_exit 3 "manifestet över dokumentet" -- $T "$BIN" render "$TMP/samma/rapport.xml" --manifest
check "manifestet över dokumentet: meddelandet" has "$TMP/err" "rapport.xml:0: fel: [FIL-SKRIVA] manifestet skulle skriva över dokumentet"
check "manifestet över dokumentet: dokumentet orört" test "$(cksum <"$TMP/samma/rapport.xml")" = "$sum0"
check "manifestet över dokumentet: ingen PDF" test ! -e "$TMP/samma/rapport.pdf"
expect_exit 3 "PDF:en över dokumentet" -- $T "$BIN" render "$TMP/samma/rapport.xml" -o "$TMP/samma/rapport.xml"
check "PDF:en över dokumentet: meddelandet" has "$TMP/err" "[FIL-SKRIVA] PDF:en skulle skriva över dokumentet"
check "PDF:en över dokumentet: dokumentet orört" test "$(cksum <"$TMP/samma/rapport.xml")" = "$sum0"
expect_exit 3 "mappläge med manifest" -- $T "$BIN" render "$TMP/samma" -o "$TMP/samma" --manifest
check "mappläge med manifest: dokumentet orört" test "$(cksum <"$TMP/samma/rapport.xml")" = "$sum0"
expect_exit 0 "manifest med annat namn" -- $T "$BIN" render "$TMP/samma/rapport.xml" -o "$TMP/samma/ut.pdf" --manifest
check "manifest med annat namn: skrivet" test -s "$TMP/samma/ut.xml"
# ... nor a file xi:include read (a nämnd's contribution)
cp -r "$SRC/samples/arboga" "$TMP/inkl"; sum1=$(cksum <"$TMP/inkl/namnder/bun.xml"); sum2=$(cksum <"$TMP/inkl/namnder/kfn.xml")
expect_exit 3 "PDF:en över en inkluderad fil" -- $T "$BIN" render "$TMP/inkl/arboga-delarsrapport-2025.xml" -o "$TMP/inkl/namnder/bun.xml"
check "PDF:en över en inkluderad fil: meddelandet" has "$TMP/err" "[FIL-SKRIVA] PDF:en skulle skriva över dokumentet" "namnder/bun.xml"
check "PDF:en över en inkluderad fil: filen orörd" test "$(cksum <"$TMP/inkl/namnder/bun.xml")" = "$sum1"
expect_exit 3 "manifestet över en inkluderad fil" -- $T "$BIN" render "$TMP/inkl/arboga-delarsrapport-2025.xml" -o "$TMP/inkl/namnder/kfn.pdf" --manifest
check "manifestet över en inkluderad fil: filen orörd" test "$(cksum <"$TMP/inkl/namnder/kfn.xml")" = "$sum2"
check "manifestet över en inkluderad fil: ingen PDF" test ! -e "$TMP/inkl/namnder/kfn.pdf"

# ---- every input the fuzzer ever found a bug with (tests/fuzz/run.sh)
for f in "$H"/fuzz-*; do
	[ -f "$f" ] || continue
	$T "$BIN" render "$f" -o "$TMP/fuzz.pdf" >"$TMP/out" 2>"$TMP/err"; rc=$?
	check "fuzzfynd $(basename "$f"): slutstatus $rc" test "$rc" -le 3
	check "fuzzfynd $(basename "$f"): inget körfel" sh -c "! grep -qE 'AddressSanitizer|runtime error|LeakSanitizer' '$TMP/err'"
done
finish
