#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# tagged.sh - every sample is a tagged PDF/UA-1 + PDF/A-2a file (and a tagged PDF/UA-1
# file with --no-pdfa): tests/tagged/check_tagged.py checks every condition family on
# each, and tests/tagged/break_tagged.py proves the checker catches a broken mapping of
# each family. Needs python3-pikepdf (Debian's /usr/bin/python3; SR_PYTHON overrides).
. "$(dirname "$0")/lib.sh"
PY=${SR_PYTHON:-/usr/bin/python3}
CHK=$SRC/tests/tagged/check_tagged.py
if ! "$PY" -c 'import pikepdf' 2>/dev/null; then
	bad "python3-pikepdf saknas ($PY): apt-get install python3-pikepdf"
	finish; exit
fi
for s in $(find "$SRC/samples" -name '*.xml' | sort); do
	grep -q '<rapport ' "$s" || continue
	n=$(basename "$s" .xml)
	expect_exit 0 "render $n" -- "$BIN" render "$s" -o "$TMP/$n.pdf"
	if "$PY" "$CHK" "$TMP/$n.pdf" >"$TMP/chk" 2>&1; then ok; else bad "$n: PDF/UA-1 + PDF/A-2a"; cat "$TMP/chk"; fi
	expect_exit 0 "render $n --no-pdfa" -- "$BIN" render "$s" -o "$TMP/$n.plain.pdf" --no-pdfa
	if "$PY" "$CHK" --no-pdfa "$TMP/$n.plain.pdf" >"$TMP/chk" 2>&1; then ok; else bad "$n --no-pdfa: PDF/UA-1"; cat "$TMP/chk"; fi
done
# pdfinfo -struct-text (poppler) reads the tree too, without a warning. It re-reads a
# page's content for every element (about a minute for an 8-page report on this
# machine), so only the smallest sample.
n=bun-verksamhetsberattelse-2024
if pdfinfo -struct-text "$TMP/$n.pdf" >"$TMP/$n.struct" 2>"$TMP/err" && [ ! -s "$TMP/err" ]; then ok; else bad "$n: pdfinfo -struct-text"; head -5 "$TMP/err"; fi
for t in Table TH TD L LI Lbl LBody Figure TOC TOCI Link H1 H2 Sect Caption; do
	check "$n: the structure has $t" grep -q "^ *$t\b" "$TMP/$n.struct"
done
# A chart is one marked-content sequence per page (its bars, markers and labels share
# its MCID), not one per label: the tagging's size and cost depend on it (docs/performance.md).
cat >"$TMP/figmc.py" <<'PY'
import sys, pikepdf
pdf = pikepdf.open(sys.argv[1])
figs = bad = 0
def walk(e):
    global figs, bad
    k = e.get('/K')
    kids = list(k) if isinstance(k, pikepdf.Array) else [] if k is None else [k]
    if e.get('/S') == '/Figure':
        figs += 1
        pages = [str(x.get('/Pg', e.get('/Pg')).objgen) if isinstance(x, pikepdf.Dictionary)
                 else str(e.get('/Pg').objgen) for x in kids]
        bad += len(pages) != len(set(pages))
    for x in kids:
        if isinstance(x, pikepdf.Dictionary) and '/S' in x:
            walk(x)
for x in pdf.Root.StructTreeRoot.K.as_list() if isinstance(pdf.Root.StructTreeRoot.K, pikepdf.Array) else [pdf.Root.StructTreeRoot.K]:
    walk(x)
print(figs, bad)
sys.exit(0 if figs > 0 and bad == 0 else 1)
PY
if "$PY" "$TMP/figmc.py" "$TMP/sjovik-delarsrapport-2024.pdf" >"$TMP/figmc" 2>&1; then ok
else bad "a chart has more than one marked-content sequence on a page (figures, figures with several: $(cat "$TMP/figmc"))"; fi
mkdir -p "$TMP/broken"
if "$PY" "$SRC/tests/tagged/break_tagged.py" "$TMP/sjovik-delarsrapport-2024.pdf" "$TMP/broken" >"$TMP/brk" 2>&1; then ok; else bad "a broken mapping went unnoticed"; grep -v '^caught' "$TMP/brk"; fi
finish
