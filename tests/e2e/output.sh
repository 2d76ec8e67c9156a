#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# output.sh - output files never lose data (issue 11): the umask and a replaced file's
# mode, batch outputs that collide, -o naming a file the run reads, a manifest over
# another document, PDF and manifest renamed together or neither, temp files removed
# on SIGINT/SIGTERM (the PDF's and the website's), FIFOs and devices as -o, control characters in printed names.
# The races are made deterministic with STYRRAPPORT_TEST_SIGNAL here and with the
# library's test hook in tests/test_api_output.c.
. "$(dirname "$0")/lib.sh"
S=$SRC/samples/sjovik-delarsrapport-2024.xml
T="timeout 30"
has() { local f=$1; shift; for s in "$@"; do grep -qF -- "$s" "$f" || return 1; done; }
mode() { stat -c %a "$1"; }
no_temp() { test -z "$(find "$1" -maxdepth 1 -name '.styrrapport-tmp-*' | head -1)"; }
O=$TMP/o; mkdir -p "$O"

# ---- 2: the umask decides a new file's mode; a replaced file keeps its own
expect_exit 0 "umask 077" -- sh -c "umask 077; $T '$BIN' render '$S' -o '$O/hemlig.pdf' --manifest"
check "umask 077: PDF 600" test "$(mode "$O/hemlig.pdf")" = 600
check "umask 077: manifest 600" test "$(mode "$O/hemlig.xml")" = 600
expect_exit 0 "umask 002" -- sh -c "umask 002; $T '$BIN' render '$S' -o '$O/grupp.pdf'"
check "umask 002: PDF 664" test "$(mode "$O/grupp.pdf")" = 664
printf 'gammal' >"$O/privat.pdf"; chmod 600 "$O/privat.pdf"
expect_exit 0 "ersätter en 0600-fil" -- sh -c "umask 022; $T '$BIN' render '$S' -o '$O/privat.pdf'"
check "ersätter en 0600-fil: fortfarande 600" test "$(mode "$O/privat.pdf")" = 600
check "ersätter en 0600-fil: ny PDF" test "$(head -c 5 "$O/privat.pdf")" = "%PDF-"
printf 'gammal' >"$O/grupp.pdf"; chmod 640 "$O/grupp.pdf"
expect_exit 0 "ersätter en 0640-fil" -- sh -c "umask 077; $T '$BIN' render '$S' -o '$O/grupp.pdf'"
check "ersätter en 0640-fil: fortfarande 640" test "$(mode "$O/grupp.pdf")" = 640
expect_exit 0 "utmapp skapas" -- sh -c "umask 027; $T '$BIN' render '$S' '$SRC/samples/timra-uppfoljning-2025.xml' -o '$O/ny'"
check "utmapp skapas: umask gäller" test "$(mode "$O/ny")" = 750
check "ingen tempfil kvar" no_temp "$O"

# ---- 3: two inputs that become one output: both reported, neither rendered, the rest done
B=$TMP/b; mkdir -p "$B/a" "$B/b" "$B/c"
cp "$S" "$B/a/x.xml"; cp "$S" "$B/b/x.xml"; cp "$S" "$B/c/y.xml"
sed 's/<diarienummer>KS 2024\/0456/<diarienummer>KS-2024-0456/' "$S" >"$B/c/trasig.xml"
expect_exit 3 "samma utfil två gånger" -- $T "$BIN" render "$B/a/x.xml" "$B/b/x.xml" "$B/c/y.xml" "$B/c/trasig.xml" -o "$B/ut"
check "samma utfil: a rapporteras" has "$TMP/err" "$B/a/x.xml:0: fel: [UT-DUBBLETT] $B/a/x.xml och $B/b/x.xml skulle båda bli $B/ut/x.pdf; ingen av dem sätts"
check "samma utfil: b rapporteras" has "$TMP/err" "$B/b/x.xml:0: fel: [UT-DUBBLETT]"
check "samma utfil: ingen x.pdf" test ! -e "$B/ut/x.pdf"
check "samma utfil: de andra sätts" test -s "$B/ut/y.pdf"
check "samma utfil: det ogiltiga rapporteras" grep -q "trasig.xml:[0-9]*: fel: \[DNR-FORMAT\]" "$TMP/err"
check "samma utfil: summan räknar dem" has "$TMP/err" "styrrapport: 1 dokument satta, 3 med fel"
expect_exit 3 "två mappar med samma filnamn" -- $T "$BIN" render "$B/a" "$B/b" -o "$B/ut2"
check "två mappar: båda rapporteras" test "$(grep -c 'UT-DUBBLETT' "$TMP/err")" -eq 2
check "två mappar: inget skrivet" test -z "$(ls -A "$B/ut2")"
expect_exit 3 "samma fil två gånger" -- $T "$BIN" render "$B/c/y.xml" "$B/c/y.xml" -o "$B/ut3"
check "samma fil två gånger: rapporteras" has "$TMP/err" "[UT-DUBBLETT]"

# ---- 4: -o (or the manifest) naming any file the run reads, by device and inode
R=$TMP/r; mkdir -p "$R/data/src/resources"; cp -r "$SRC/fonts" "$R/data/"; cp "$SRC/src/resources/sRGB.icc" "$R/data/src/resources/"
cp -r "$SRC/layouts" "$R/data/"; cp "$SRC/layouts/delarsrapport.xml" "$R/egen.xml"; cp "$SRC/tests/data/pdf/logo.png" "$R/logo.png"
awk '/<kommun / && !done {sub(/>$/, "><logotyp href=\"logo.png\"/>"); done=1} {print}' "$S" >"$R/logo.xml"
expect_exit 0 "dokument med logotyp" -- $T env STYRRAPPORT_DATA="$R/data" "$BIN" render "$R/logo.xml" -o "$R/ok.pdf"
ln "$R/egen.xml" "$R/hardlank.pdf"; ln -s egen.xml "$R/symlank.pdf"
refused() {   # WHAT TARGET FILE-THAT-MUST-STAY WORDS -- extra args
	local what=$1 target=$2 keep=$3 words=$4; shift 5
	local sum; sum=$(cksum <"$keep")
	expect_exit 3 "$what" -- $T env STYRRAPPORT_DATA="$R/data" "$BIN" render "$R/logo.xml" -o "$target" "$@"
	check "$what: meddelandet" has "$TMP/err" "[FIL-SKRIVA]" "$words" "som körningen läser"
	check "$what: filen orörd" test "$(cksum <"$keep")" = "$sum"
	check "$what: ingen tempfil" no_temp "$(dirname "$target")"
}
refused "-o layoutfilen" "$R/egen.xml" "$R/egen.xml" "PDF:en skulle skriva över layoutfilen" -- --layout "$R/egen.xml"
refused "-o den inbyggda layoutfilen" "$R/data/layouts/delarsrapport.xml" "$R/data/layouts/delarsrapport.xml" "layoutfilen" --
refused "-o logotypen" "$R/logo.png" "$R/logo.png" "skriva över logotypen" --
cp "$SRC/tests/data/pdf/logo.png" "$R/bild.png"
awk '/<\/avsnitt>/ && !done {sub(/<\/avsnitt>/, "<bild href=\"bild.png\" alt=\"Kommunens logotyp\"/></avsnitt>"); done=1} {print}' "$R/logo.xml" >"$R/bild.xml"
sum=$(cksum <"$R/bild.png")
expect_exit 3 "-o bilden" -- $T env STYRRAPPORT_DATA="$R/data" "$BIN" render "$R/bild.xml" -o "$R/bild.png"
check "-o bilden: meddelandet" has "$TMP/err" "[FIL-SKRIVA]" "skriva över bilden" "som körningen läser"
check "-o bilden: filen orörd" test "$(cksum <"$R/bild.png")" = "$sum"
refused "-o ett typsnitt" "$R/data/fonts/OpenSans-Regular.ttf" "$R/data/fonts/OpenSans-Regular.ttf" "skriva över typsnittet" --
refused "-o färgprofilen" "$R/data/src/resources/sRGB.icc" "$R/data/src/resources/sRGB.icc" "skriva över färgprofilen" --
refused "-o en hård länk till layoutfilen" "$R/hardlank.pdf" "$R/egen.xml" "layoutfilen" -- --layout "$R/egen.xml"
refused "-o en symbolisk länk till layoutfilen" "$R/symlank.pdf" "$R/egen.xml" "layoutfilen" -- --layout "$R/egen.xml"
refused "manifestet över layoutfilen" "$R/egen.pdf" "$R/egen.xml" "manifestet skulle skriva över layoutfilen" -- --layout "$R/egen.xml" --manifest
check "manifestet över layoutfilen: ingen PDF" test ! -e "$R/egen.pdf"
# ... nor, in a batch, another job's input
mkdir -p "$R/ut" "$R/y"; cp "$S" "$R/ut/x.pdf"; cp "$SRC/samples/timra-uppfoljning-2025.xml" "$R/y/x.xml"; sum=$(cksum <"$R/ut/x.pdf")
expect_exit 3 "batch: PDF:en över en annan indatafil" -- $T "$BIN" render "$R/ut/x.pdf" "$R/y/x.xml" -o "$R/ut"
check "batch: PDF:en över en annan indatafil: meddelandet" has "$TMP/err" "$R/y/x.xml:0: fel: [FIL-SKRIVA] PDF:en $R/ut/x.pdf skulle skriva över dokumentet $R/ut/x.pdf, som körningen läser"
check "batch: PDF:en över en annan indatafil: orörd" test "$(cksum <"$R/ut/x.pdf")" = "$sum"

# ---- 5: the manifest replaces only a manifest of this program
printf '<?xml version="1.0"?>\n<rapport xmlns="urn:styrrapport:1">en annan rapport</rapport>\n' >"$O/annan.xml"
printf 'gammal' >"$O/annan.pdf"; sum=$(cksum <"$O/annan.xml")
expect_exit 3 "manifest över ett annat dokument" -- $T "$BIN" render "$S" -o "$O/annan.pdf" --manifest
check "manifest över ett annat dokument: meddelandet" has "$TMP/err" "annan.xml:0: fel: [UT-MANIFEST] filen finns redan och är inget manifest från styrrapport"
check "manifest över ett annat dokument: orört" test "$(cksum <"$O/annan.xml")" = "$sum"
check "manifest över ett annat dokument: PDF:en orörd" test "$(cat "$O/annan.pdf")" = gammal
printf 'ingen XML alls' >"$O/text.xml"
expect_exit 3 "manifest över en textfil" -- $T "$BIN" render "$S" -o "$O/text.pdf" --manifest
check "manifest över en textfil: orörd" test "$(cat "$O/text.xml")" = "ingen XML alls"
expect_exit 0 "manifest ersätter ett manifest" -- $T "$BIN" render "$S" -o "$O/hemlig.pdf" --manifest
check "manifest ersätter ett manifest: skrivet" has "$O/hemlig.xml" "urn:styrrapport:manifest:1"

# ---- 6: PDF and manifest together or neither: the manifest cannot be written
printf 'gammal' >"$O/par.pdf"; mkdir -p "$O/par.xml"
expect_exit 3 "manifestets namn är en mapp" -- $T "$BIN" render "$S" -o "$O/par.pdf" --manifest
check "manifestets namn är en mapp: meddelandet" has "$TMP/err" "par.xml:0: fel: [UT-TYP] utfilen är en mapp"
check "manifestets namn är en mapp: gamla PDF:en kvar" test "$(cat "$O/par.pdf")" = gammal
check "manifestets namn är en mapp: ingen tempfil" no_temp "$O"

# ---- 7: SIGINT/SIGTERM/SIGHUP when both temporary files are written: removed, nothing replaced
for sig in INT TERM HUP; do
	printf 'gammal' >"$O/sig.pdf"; printf 'gammalt' >"$O/sig.xml"; rm -f "$O/sig.xml"
	{ $T env STYRRAPPORT_TEST_SIGNAL=$sig "$BIN" render "$S" -o "$O/sig.pdf" --manifest 2>"$TMP/err"; rc=$?; } 2>/dev/null
	want=$((128 + $(kill -l $sig)))
	check "SIG$sig: slutar av signalen ($rc)" test "$rc" -eq "$want"
	check "SIG$sig: inga tempfiler kvar" no_temp "$O"
	check "SIG$sig: gamla PDF:en kvar" test "$(cat "$O/sig.pdf")" = gammal
	check "SIG$sig: inget manifest" test ! -e "$O/sig.xml"
done
mkdir -p "$TMP/sigbatch"; cp "$SRC"/samples/*.xml "$TMP/sigbatch/"
{ $T env STYRRAPPORT_TEST_SIGNAL=TERM "$BIN" render "$TMP/sigbatch" -o "$TMP/sigut" --manifest 2>"$TMP/err"; rc=$?; } 2>/dev/null
check "SIGTERM i en batch: slutar av signalen ($rc)" test "$rc" -eq 143
check "SIGTERM i en batch: inga tempfiler kvar" no_temp "$TMP/sigut"
bash -c 'trap "" INT; exec env STYRRAPPORT_TEST_SIGNAL=INT "$0" render "$1" -o "$2"' "$BIN" "$S" "$O/ign.pdf" 2>"$TMP/err"; rc=$?
check "ignorerad SIGINT förblir ignorerad ($rc)" test "$rc" -eq 0 -a -s "$O/ign.pdf"
# the website's temporary folder (issue 15): removed with its content on a signal when
# every file is written and nothing renamed; an earlier site stays as it was
W=$TMP/webb; mkdir -p "$W"
expect_exit 0 "html: en tidigare webbplats" -- $T "$BIN" html "$S" -o "$W/site"
cp -r "$W/site" "$TMP/webb-fore"
for sig in INT TERM HUP; do
	for target in site ny; do   # over an earlier site, and a new folder
		{ $T env STYRRAPPORT_TEST_SIGNAL=$sig "$BIN" html "$S" -o "$W/$target" 2>"$TMP/err"; rc=$?; } 2>/dev/null
		want=$((128 + $(kill -l $sig)))
		check "html SIG$sig ($target): slutar av signalen ($rc)" test "$rc" -eq "$want"
		check "html SIG$sig ($target): ingen tillfällig mapp kvar" no_temp "$W"
		check "html SIG$sig ($target): bara det som fanns" test "$(ls -A "$W")" = site
	done
	check "html SIG$sig: gamla webbplatsen kvar" diff -r "$TMP/webb-fore" "$W/site"
done
{ $T env STYRRAPPORT_TEST_SIGNAL=TERM "$BIN" render "$S" -o "$W/ut.pdf" --html "$W/site" 2>"$TMP/err"; rc=$?; } 2>/dev/null
check "render --html SIGTERM: slutar av signalen ($rc)" test "$rc" -eq 143
check "render --html SIGTERM: inga tillfälliga filer eller mappar" no_temp "$W"
mkdir -p "$TMP/webbatch"; cp "$SRC"/samples/*.xml "$TMP/webbatch/"
{ $T env STYRRAPPORT_TEST_SIGNAL=TERM "$BIN" html "$TMP/webbatch" -o "$TMP/webbut" 2>"$TMP/err"; rc=$?; } 2>/dev/null
check "html SIGTERM i en batch: slutar av signalen ($rc)" test "$rc" -eq 143
check "html SIGTERM i en batch: ingen tillfällig mapp kvar" no_temp "$TMP/webbut"

# ---- 22: FIFOs, devices and the process's own descriptors as -o
mkfifo "$O/fifo"
expect_exit 3 "FIFO utan läsare" -- timeout 10 "$BIN" render "$S" -o "$O/fifo"
check "FIFO utan läsare: meddelandet" has "$TMP/err" "fifo:0: fel: [UT-TYP] ingen läser från röret (FIFO)"
check "FIFO utan läsare: FIFO:n kvar" test -p "$O/fifo"
cat "$O/fifo" >"$O/ur-fifo.pdf" & reader=$!
expect_exit 0 "FIFO med läsare" -- timeout 10 "$BIN" render "$S" -o "$O/fifo"
wait $reader
check "FIFO med läsare: hela PDF:en" cmp -s "$O/ur-fifo.pdf" "$O/privat.pdf"
expect_exit 3 "FIFO med --manifest" -- timeout 10 "$BIN" render "$S" -o "$O/fifo" --manifest
check "FIFO med --manifest: meddelandet" has "$TMP/err" "[UT-TYP]" "med --manifest"
timeout 10 "$BIN" render "$S" -o /dev/stdout 2>"$TMP/err" | cat >"$O/ror.pdf"
check "/dev/stdout i ett rör: hela PDF:en" cmp -s "$O/ror.pdf" "$O/privat.pdf"
timeout 10 "$BIN" render "$S" -o /dev/stdout >"$O/omdirigerad.pdf" 2>"$TMP/err"
check "/dev/stdout till en fil: hela PDF:en" cmp -s "$O/omdirigerad.pdf" "$O/privat.pdf"
timeout 10 "$BIN" render "$S" -o /dev/stdout --manifest 2>"$TMP/err" | cat >"$O/ror2.pdf"; rc=${PIPESTATUS[0]}
check "/dev/stdout --manifest: vägras ($rc)" test "$rc" -eq 3
check "/dev/stdout --manifest: inget halvt skrivet" test ! -s "$O/ror2.pdf"
check "/dev/stdout --manifest: meddelandet" has "$TMP/err" "/dev/stdout:0: fel: [UT-TYP]"
had=$(test -e /dev/null.xml && echo ja)
expect_exit 3 "/dev/null --manifest" -- timeout 10 "$BIN" render "$S" -o /dev/null --manifest
check "/dev/null --manifest: meddelandet" has "$TMP/err" "/dev/null:0: fel: [UT-TYP]"
[ -n "$had" ] || check "/dev/null --manifest: inget manifest" test ! -e /dev/null.xml
check "/dev/null: fortfarande en enhet" test -c /dev/null
expect_exit 0 "/dev/null utan manifest" -- timeout 10 "$BIN" render "$S" -o /dev/null

# ---- 23: control characters in file names are escaped where diagnostics are printed
nl=$'rad\nrapport.xml:1: fel: [FEJK] falsk rad'
expect_exit 3 "filnamn med radbrytning" -- "$BIN" validate "$TMP/$nl"
check "filnamn med radbrytning: en rad" test "$(wc -l <"$TMP/err")" -eq 1
check "filnamn med radbrytning: \\n" has "$TMP/err" 'rad\nrapport.xml:1: fel: [FEJK] falsk rad:0: fel: [FIL-LASA]'
ctl=$'a\tb\rc\033[31md\x7fe\xc2\x9bf\xe2\x80\xaeg.xml'
expect_exit 3 "filnamn med styrtecken" -- "$BIN" validate "$TMP/$ctl"
check "filnamn med styrtecken: escapade" has "$TMP/err" 'a\tb\rc\x1b[31md\x7fe\u009bf\u202eg.xml:0: fel: [FIL-LASA]'
check "filnamn med styrtecken: inga råa styrtecken" sh -c "! LC_ALL=C grep -q \$(printf '[\\001-\\010\\013-\\037\\177]') '$TMP/err'"
mkdir -p "$TMP/$nl.d"; cp "$S" "$TMP/$nl.d/x.xml"; cp "$S" "$TMP/$nl.d/y.xml"
expect_exit 3 "mappnamn med radbrytning i en batch" -- "$BIN" render "$TMP/$nl.d/x.xml" "$TMP/$nl.d/x.xml" "$TMP/$nl.d/y.xml" -o "$TMP/$nl.ut"
check "mappnamn med radbrytning: en rad per fel och en summa" test "$(wc -l <"$TMP/err")" -eq 3
check "mappnamn med radbrytning: summan escapad" has "$TMP/err" 'falsk rad.ut)'
finish
