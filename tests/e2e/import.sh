#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# import.sh - `styrrapport import` (issue 17): Kolada responses in the API's formats (v2
# with T/K/M, null values, a kommunkod with a leading zero and a KPI the document does
# not have; v3 pages concatenated; the web CSV), ledger CSV in every dialect, the output
# validated and computed, the same bytes twice, and nothing touched by a failed import.
. "$(dirname "$0")/lib.sh"
D=$SRC/tests/data/import
DOC=$D/rapport.xml
has() { contains "$1" "$2" || { echo "  saknas i $(basename "$1"): $2"; return 1; }; }
lacks() { ! contains "$1" "$2" || { echo "  finns i $(basename "$1"): $2"; return 1; }; }

# ---- Kolada v2: T, K (kolada-kon="K"), M, null, another kommun, an unknown KPI
expect_exit 0 "kolada v2" -- "$BIN" import "$DOC" --kolada "$D/kolada-v2.json" -o "$TMP/v2.xml"
check "v2: I1 utfall reported" has "$TMP/err" "rapport.xml:49: info: [IMPORT] I1 utfall 2024: 82,0 → 83,7 (Kolada N15419, 2024, T)"
check "v2: kolada-kon K" has "$TMP/err" "I2 utfall 2024: 88,6 → 90,2 (Kolada N15420, 2024, K)"
check "v2: kolada-kon M, a new year" has "$TMP/err" "I3 utfall 2024: – → 93,5 (Kolada U00011, 2024, M)"
check "v2: null with status Saknas" has "$TMP/err" "varning: [IMPORT-SAKNAS] I2 utfall 2023: Kolada saknar värde"
check "v2: null value keeps the document's" has "$TMP/err" "I4 utfall 2024: Kolada saknar värde för U23471, 0180, kön T; dokumentets värde lämnas"
check "v2: unknown KPI" has "$TMP/err" "[IMPORT-OANVAND] nyckeltalet N00945 finns inte i dokumentet"
check "v2: other kommun ignored" lacks "$TMP/v2.xml" ">70.0<"
check "v2: new utfall in place" has "$TMP/v2.xml" '<malvarde ar="2024">95</malvarde>
          <utfall ar="2024">93.5</utfall>'
check "v2: comment kept" has "$TMP/v2.xml" "<!-- the ledger's figures per nämnd, jan–aug -->"
expect_exit 0 "v2 output validates" -- "$BIN" validate "$TMP/v2.xml"
expect_exit 0 "v2 compute" -- "$BIN" compute "$TMP/v2.xml"
check "v2 compute: I1 from 83.7" has "$TMP/out" '<indikator id="I1" status="delvis" framsteg="0.8"/>'
check "v2 compute: I2 from 90.2 (K)" has "$TMP/out" '<indikator id="I2" status="uppfyllt"'
check "v2 compute: I3 from 93.5 (M)" has "$TMP/out" '<indikator id="I3" status="delvis" framsteg="0.625"/>'

# ---- the same bytes twice, and an import of the output changes nothing
expect_exit 0 "kolada v2 again" -- "$BIN" import "$DOC" --kolada "$D/kolada-v2.json" -o "$TMP/v2b.xml"
check "twice: same bytes" cmp -s "$TMP/v2.xml" "$TMP/v2b.xml"
expect_exit 0 "import of the output" -- "$BIN" import "$TMP/v2.xml" --kolada "$D/kolada-v2.json" -o "$TMP/v2c.xml"
check "output imported again: same bytes" cmp -s "$TMP/v2.xml" "$TMP/v2c.xml"
check "output imported again: no change" lacks "$TMP/err" "info: [IMPORT]"
printf 'Indikator;År;Utfall\nI1;2024;82,00\n' >"$TMP/same.csv"
expect_exit 0 "no change" -- "$BIN" import "$DOC" --indikatorer "$TMP/same.csv" -o "$TMP/same.xml"
check "no change: the original bytes" cmp -s "$DOC" "$TMP/same.xml"

# ---- Kolada v3, two pages concatenated
expect_exit 0 "kolada v3 pages" -- "$BIN" import "$DOC" --kolada "$D/kolada-v3-sidor.json" -o "$TMP/v3.xml"
check "v3: page 1" has "$TMP/err" "I1 utfall 2024: 82,0 → 84,25 (Kolada N15419, 2024, T)"
check "v3: page 2" has "$TMP/err" "I4 utfall 2024: 88 → 79 (Kolada U23471, 2024, T)"
check "v3: page 2, new year" has "$TMP/v3.xml" '<utfall ar="2023">90</utfall>'
expect_exit 0 "v3 compute" -- "$BIN" compute "$TMP/v3.xml"
check "v3 compute: I4 from 79" has "$TMP/out" '<indikator id="I4" status="ej-uppfyllt" framsteg="0.40625"/>'

# ---- the Kolada web CSV: wide years, Kommun-id 180 (Excel dropped the zero), the date
expect_exit 0 "kolada web csv" -- "$BIN" import "$DOC" --kolada "$D/kolada-webb.csv" -o "$TMP/webb.xml"
check "web csv: 180 is 0180" has "$TMP/err" "I1 utfall 2024: 82,0 → 83,9 (Kolada N15419, 2024, T)"
check "web csv: Kvinnor" has "$TMP/err" "I2 utfall 2024: 88,6 → 91,0 (Kolada N15420, 2024, K)"
check "web csv: empty cell missing" has "$TMP/err" "[IMPORT-SAKNAS] I2 utfall 2022"
check "web csv: the date" has "$TMP/webb.xml" 'kolada="N15419" kolada-datum="2025-03-14"'
check "web csv: other kommun ignored" lacks "$TMP/webb.xml" ">52<"
expect_exit 0 "web csv: render" -- "$BIN" render "$TMP/webb.xml" -o "$TMP/webb.pdf"
pdftotext -enc UTF-8 "$TMP/webb.pdf" "$TMP/webb.txt"
check "pdf: Källa: Kolada with the date" has "$TMP/webb.txt" "Källa: Kolada, 14 mars 2025"
check "pdf: the imported outcome" has "$TMP/webb.txt" "83,9 %"

# ---- the web CSV in long form (År; Värde), Windows-1252 and CRLF, a Saknas status
expect_exit 0 "kolada web csv, long" -- "$BIN" import "$DOC" --kolada "$D/kolada-webb-lang.csv" -o "$TMP/lang.xml"
check "long csv: value" has "$TMP/err" "I1 utfall 2024: 82,0 → 84,0 (Kolada N15419, 2024, T)"
check "long csv: status Saknas" has "$TMP/err" "kolada-webb-lang.csv:4: varning: [IMPORT-SAKNAS] I4 utfall 2024"
check "long csv: the document's value kept" has "$TMP/lang.xml" '<utfall ar="2024">88</utfall>'

# ---- drift CSV: UTF-8, UTF-8 with BOM and CRLF, Windows-1252; ids, names, Summa
for f in drift-utf8 drift-bom-crlf drift-cp1252; do
	expect_exit 0 "$f" -- "$BIN" import "$DOC" --drift "$D/$f.csv" -o "$TMP/$f.xml"
	check "$f: KS utfall" has "$TMP/err" "KS utfall: 90,2 → 91,0 ($D/$f.csv:2)"
	check "$f: summa" has "$TMP/err" "summa utfall: 907,2 → 908,0"
	check "$f: written" has "$TMP/$f.xml" '<rad namndref="KS" budget="142.3" utfall="91.0" prognos="140.9"/>'
	expect_exit 0 "$f compute" -- "$BIN" compute "$TMP/$f.xml"
	check "$f compute: the sum" has "$TMP/out" '<drift summa="ja" budget="1341.5" utfall="908"'
done
check "BOM/CRLF and Windows-1252 give the same document" cmp -s "$TMP/drift-bom-crlf.xml" "$TMP/drift-cp1252.xml"
check "utf8: a quoted comment with ; and å" has "$TMP/drift-utf8.xml" 'kommentar="Vinterväghållning; dyrare än väntat"'

# ---- investeringar, indikatorer, räkning (− and no-break space in the numbers)
expect_exit 0 "ledger tables" -- "$BIN" import "$DOC" --investeringar "$D/investeringar.csv" \
	--indikatorer "$D/indikatorer.csv" --rakning resultatrakning "$D/rakning.csv" -o "$TMP/led.xml"
check "invest" has "$TMP/err" "P1 utfall: 41,2 → 42,0"
check "indikator: lower-case id" has "$TMP/err" "I8 utfall 2024: 6,9 → 6,7"
check "indikator: new year" has "$TMP/led.xml" '<utfall ar="2023">30</utfall>
          <utfall ar="2024">38</utfall>'
check "rakning by rubrik and id" has "$TMP/led.xml" 'varden="201.4 215.3 318.0 322.5"'
check "rakning: minus sign" has "$TMP/led.xml" 'varden="-1232.5 -1297.0 -1940.0 -1961.7"'
expect_exit 0 "ledger compute" -- "$BIN" compute "$TMP/led.xml"
check "ledger compute: I8" has "$TMP/out" '<indikator id="I8" status="uppfyllt"'
check "ledger compute: investment" has "$TMP/out" 'periodiserad-budget="30" forbrukat-procent="93.333333"'

# ---- version 2 columns become attributes (valid once the loader knows version 2)
"$BIN" import "$DOC" --drift "$D/drift-v2.csv" -o "$TMP/v2cols.xml" >"$TMP/out" 2>"$TMP/err"; st=$?
if [ $st -eq 0 ]; then check "v2 columns written" has "$TMP/v2cols.xml" 'prognos="86.2" avvikelse="2.5" intakter="40.0" kostnader="95.1"'
	check "v2 columns reported" has "$TMP/err" "TN intakter: – → 40,0"
	expect_exit 0 "v2 columns validate" -- "$BIN" validate "$TMP/v2cols.xml"
else check "v2 columns refused by a v1 schema only" has "$TMP/err" "[SCHEMA-ATTRIBUT] attributet intakter"; fi

# ---- bad data: every problem in one run, nothing written, nothing touched
cp "$DOC" "$TMP/doc.xml"; echo gammal >"$TMP/ut.xml"
expect_exit 1 "bad data" -- "$BIN" import "$TMP/doc.xml" --drift "$D/drift-fel.csv" --kolada "$D/kolada-trasig.json" -o "$TMP/ut.xml"
check "bad: unknown column" has "$TMP/err" "drift-fel.csv:1: fel: [IMPORT-KOLUMN] kolumnen 'Färg' är okänd"
check "bad: no number" has "$TMP/err" "drift-fel.csv:2: fel: [IMPORT-TAL] utfall '9x'"
check "bad: unmatched row" has "$TMP/err" "drift-fel.csv:3: fel: [IMPORT-RAD] 'Miljönämnden' är ingen nämnd"
check "bad: 7 decimals" has "$TMP/err" "drift-fel.csv:4: fel: [IMPORT-TAL] budget '1,1234567': talet har fler än 6 decimaler"
check "bad: a value outside the header" has "$TMP/err" "drift-fel.csv:5: fel: [IMPORT-KOLUMN] värdet '9' i kolumn 6"
check "bad: broken JSON" has "$TMP/err" "kolada-trasig.json:2: fel: [IMPORT-JSON]"
check "bad: no change lines" lacks "$TMP/err" "info: [IMPORT]"
check "bad: output untouched" test "$(cat "$TMP/ut.xml")" = gammal
check "bad: document untouched" cmp -s "$DOC" "$TMP/doc.xml"
check "bad: no temporary file left" test -z "$(ls -A "$TMP" | grep styrrapport-import)"
expect_exit 1 "bad: in place" -- "$BIN" import "$TMP/doc.xml" --drift "$D/drift-fel.csv" --i-stallet
check "bad in place: document untouched" cmp -s "$DOC" "$TMP/doc.xml"
printf 'Nämnd;Budget;Utfall;Prognos\nKS;1;2;3\n' >"$TMP/sum.csv"
expect_exit 1 "result invalid (summa no longer adds up)" -- "$BIN" import "$TMP/doc.xml" --drift "$TMP/sum.csv" -o "$TMP/ut.xml"
check "result invalid: the validator's error" has "$TMP/err" "[DRIFT-SUMMA]"
check "result invalid: IMPORT-RESULTAT" has "$TMP/err" "[IMPORT-RESULTAT]"
check "result invalid: output untouched" test "$(cat "$TMP/ut.xml")" = gammal

# ---- --i-stallet, --kontroll, -o -
chmod 640 "$TMP/doc.xml"
expect_exit 0 "in place" -- "$BIN" import "$TMP/doc.xml" --kolada "$D/kolada-v2.json" --i-stallet
check "in place: same as -o" cmp -s "$TMP/doc.xml" "$TMP/v2.xml"
check "in place: mode kept" test "$(stat -c %a "$TMP/doc.xml")" = 640
check "in place: no temporary file left" test -z "$(ls -A "$TMP" | grep styrrapport-import)"
mkdir -p "$TMP/elsewhere"; cp "$DOC" "$TMP/elsewhere/real.xml"; ln -s "$TMP/elsewhere/real.xml" "$TMP/link.xml"
expect_exit 0 "in place through a link" -- "$BIN" import "$TMP/link.xml" --kolada "$D/kolada-v2.json" --i-stallet
check "link: still a link" test -L "$TMP/link.xml"
check "link: its target replaced" cmp -s "$TMP/elsewhere/real.xml" "$TMP/v2.xml"
printf 'Nämnd,Budget\nKS,1\n' >"$TMP/comma.csv"
expect_exit 1 "comma CSV" -- "$BIN" import "$DOC" --drift "$TMP/comma.csv" --kontroll
check "comma CSV: a hint" has "$TMP/err" "[IMPORT-CSV] rubrikraden har inga semikolon"
expect_exit 0 "kontroll" -- "$BIN" import "$DOC" --kolada "$D/kolada-v2.json" --kontroll
check "kontroll: reports" has "$TMP/err" "I1 utfall 2024: 82,0 → 83,7"
check "kontroll: says nothing was written" has "$TMP/err" "--kontroll: inget skrevs"
expect_exit 0 "-o -" -- "$BIN" import "$DOC" --kolada "$D/kolada-v2.json" -o -
check "-o -: the document on stdout" cmp -s "$TMP/out" "$TMP/v2.xml"

# ---- --visa-url
expect_exit 0 "visa-url" -- "$BIN" import --visa-url "$DOC"
check "visa-url v2" has "$TMP/out" "https://api.kolada.se/v2/data/kpi/N15419,N15420,U00011,U23471/municipality/0180/year/2021,2022,2023,2024"
check "visa-url v3" has "$TMP/out" "https://api.kolada.se/v3/data/kpi/N15419,N15420,U00011,U23471/municipality/0180/year/2021,2022,2023,2024"

# ---- includes: a row in an included nämnd file is imported into that file
cp -r "$SRC/samples/arboga" "$TMP/arboga"
printf 'Nämnd;Budget;Utfall;Prognos;Kommentar\nBUN;298,4;201,7;303,0;Ny prognos i oktober.\n' >"$TMP/bun.csv"
expect_exit 1 "included row" -- "$BIN" import "$TMP/arboga/arboga-delarsrapport-2025.xml" --drift "$TMP/bun.csv" -o "$TMP/arb.xml"
check "included: named" has "$TMP/err" "[IMPORT-INKLUDERAD] raden för BUN står i den inkluderade filen"
expect_exit 0 "into the contribution" -- "$BIN" import "$TMP/arboga/namnder/bun.xml" --drift "$TMP/bun.csv" --i-stallet
check "contribution: its row" has "$TMP/arboga/namnder/bun.xml" '<rad budget="298.4" utfall="201.7" prognos="303.0" kommentar="Ny prognos i oktober."/>'
expect_exit 0 "the report over the new contribution" -- "$BIN" compute "$TMP/arboga/arboga-delarsrapport-2025.xml"
check "compute: the new BUN figure" has "$TMP/out" '<drift namndref="BUN" avvikelse="-4.6"'

# ---- usage and files
expect_exit 2 "no data" -- "$BIN" import "$DOC" -o "$TMP/x.xml"
expect_exit 2 "no output choice" -- "$BIN" import "$DOC" --kolada "$D/kolada-v2.json"
expect_exit 2 "-o onto the original" -- "$BIN" import "$TMP/doc.xml" --kolada "$D/kolada-v2.json" -o "$TMP/doc.xml"
expect_exit 2 "unknown flag" -- "$BIN" import "$DOC" --okand x
expect_exit 2 "--rakning needs two" -- "$BIN" import "$DOC" --rakning resultatrakning
expect_exit 3 "missing data file" -- "$BIN" import "$DOC" --drift "$TMP/finns-inte.csv" -o "$TMP/x.xml"
check "missing: FIL-LASA" has "$TMP/err" "[FIL-LASA]"
check "missing: nothing written" test ! -e "$TMP/x.xml"
expect_exit 0 "help" -- "$BIN" import --help
finish
