#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# images.sh - logos on the command line (issue 11, items 8, 9, 10, 15, 19): every
# broken PNG or JPEG is `FILE:LINE: fel: [KOD]` at validation and render, exit 1,
# never an abort; every good kind (interlaced, palette, alpha, 16-bit, grey, JPEG,
# progressive) renders into a valid PDF/A with the same pixels; a large logo is
# downsampled to its box; a broken logo in a batch stops nothing else.
. "$(dirname "$0")/lib.sh"
S=$SRC/samples/sjovik-delarsrapport-2024.xml
I=$SRC/tests/data/img
line=$(grep -n '<kommun ' "$S" | head -1 | cut -d: -f1)
# doc DIR HREF: the sample with <logotyp href=HREF/> on the kommun's line
doc() { mkdir -p "$1"; sed "s|<kommun \([^>]*\)>|<kommun \1><logotyp href=\"$2\"/>|" "$S" >"$1/doc.xml"; }

# ---- broken: refused with the reason, at validate and at render
for spec in truncated.png:LOGO-TRASIG header-only.png:LOGO-TRASIG bad-crc.png:LOGO-TRASIG \
            width0.png:LOGO-TRASIG palette-no-plte.png:LOGO-TRASIG \
            huge-declared.png:LOGO-STORLEK truncated.jpg:LOGO-TRASIG \
            header-only.jpg:LOGO-TRASIG cmyk.jpg:LOGO-CMYK not-an-image.png:LOGO-FORMAT; do
	f=${spec%%:*}; code=${spec#*:}; d=$TMP/bad-${f/./-}
	doc "$d" "$f"; cp "$I/$f" "$d/$f"
	expect_exit 1 "validate $f" -- "$BIN" validate "$d/doc.xml"
	check "$f: [$code] at doc.xml:$line" grep -qF "doc.xml:$line: fel: [$code] logotypen '$f'" "$TMP/err"
	expect_exit 1 "render $f" -- "$BIN" render "$d/doc.xml" -o "$d/ut.pdf"
	check "$f: [$code] at render" grep -qF "[$code]" "$TMP/err"
	check "$f: no PDF" test ! -e "$d/ut.pdf"
done
# a 93-byte PNG whose tEXt chunk declares 1.3 GB (the image fuzz harness): told at once,
# without libpng allocating and zeroing the declared size (peak RSS of the run, not time)
d=$TMP/textbomb; doc "$d" bomb.png; cp "$I/fuzz-text-chunk-1gb.png" "$d/bomb.png"
rss=$(python3 -c 'import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=open(sys.argv[-1] + ".err", "w"))
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)' "$BIN" validate "$d/doc.xml")
check "tEXt bomb: [LOGO-TRASIG]" grep -qF "[LOGO-TRASIG] logotypen 'bomb.png' är en avkortad PNG-fil" "$d/doc.xml.err"
check "tEXt bomb: peak RSS ${rss} KB stays under 300 MB" test "$rss" -lt 300000
doc "$TMP/cmyk" cmyk.jpg; cp "$I/cmyk.jpg" "$TMP/cmyk/"
"$BIN" validate "$TMP/cmyk/doc.xml" 2>"$TMP/err"
check "CMYK: the hint says what to do" grep -qF "spara om den i färgläget RGB (sRGB)" "$TMP/err"

# a libpng warning (an ancillary chunk's bad CRC): told, the logo still used
doc "$TMP/warn" warning.png; cp "$I/warning.png" "$TMP/warn/"
expect_exit 0 "validate warning.png" -- "$BIN" validate "$TMP/warn/doc.xml"
check "warning.png: [LOGO-VARNING] at doc.xml:$line" grep -qF "doc.xml:$line: varning: [LOGO-VARNING] logotypen 'warning.png': bildavkodaren varnar: tEXt: CRC error" "$TMP/err"

# ---- good: every kind renders, PDF/A stays valid, the pixels are the picture's
"$BIN" render "$(doc "$TMP/ref" rgb.png; cp "$I/rgb.png" "$TMP/ref/"; echo "$TMP/ref/doc.xml")" \
	-o "$TMP/ref.pdf" 2>/dev/null || bad "render the reference rgb.png"
pdfimages -f 1 -l 1 "$TMP/ref.pdf" "$TMP/ref-img"
for f in rgb.png interlaced.png palette.png alpha.png rgb16.png grey.png rgb.jpg grey.jpg progressive.jpg; do
	d=$TMP/ok-${f%.*}; n=${f%.*}-${f##*.}
	doc "$d" "$f"; cp "$I/$f" "$d/$f"
	expect_exit 0 "validate $f" -- "$BIN" validate "$d/doc.xml"
	check "$f: no warning" test ! -s "$TMP/err"
	expect_exit 0 "render $f" -- "$BIN" render "$d/doc.xml" -o "$TMP/$n.pdf"
	check "$f: qpdf --check" qpdf --check "$TMP/$n.pdf" >/dev/null
	pdftoppm -r 40 -f 1 -l 1 -png "$TMP/$n.pdf" "$TMP/$n-p" 2>"$TMP/poppler"
	check "$f: poppler draws it without a word" test ! -s "$TMP/poppler"
	check "$f: an RGB image, 8 bits" bash -c "pdfimages -list '$TMP/$n.pdf' | awk 'NR>2 && (\$6 != \"rgb\" || \$8 != 8) {bad=1} NR>2 {n++} END {exit bad || !n}'"
	qpdf --qdf --object-streams=disable "$TMP/$n.pdf" "$TMP/$n-qdf.pdf"
	check "$f: no DeviceCMYK under the sRGB intent" test "$(grep -ca DeviceCMYK "$TMP/$n-qdf.pdf")" -eq 0
	check "$f: the sRGB OutputIntent" grep -qa "/OutputIntents" "$TMP/$n-qdf.pdf"
done
# interlaced, 16-bit and palette: exactly the pixels of the plain PNG in the PDF
for f in interlaced rgb16; do
	pdfimages -f 1 -l 1 "$TMP/$f-png.pdf" "$TMP/$f-img"
	check "$f.png: the same pixels as rgb.png" cmp -s "$TMP/ref-img-000.ppm" "$TMP/$f-img-000.ppm"
done

# ---- a large logo (1500 x 750) in the 140 x 70 pt box: 584 x 292 pixels at 300 dpi
d=$TMP/large; doc "$d" large.png; cp "$I/large.png" "$d/"
expect_exit 0 "render large.png" -- "$BIN" render "$d/doc.xml" -o "$TMP/large.pdf"
check "large.png downsampled to 584 x 292" bash -c \
	"pdfimages -f 1 -l 1 -list '$TMP/large.pdf' | awk 'NR==3 {exit !(\$4 == 584 && \$5 == 292)}'"
check "large.png placed at its box's size (140 x 70 pt)" bash -c \
	"qpdf --qdf --object-streams=disable '$TMP/large.pdf' - | grep -qa '^140 0 0 70 '"

# ---- a batch: the broken logo is reported, the other document is rendered
mkdir -p "$TMP/batch"
doc "$TMP/batch" rgb.png; mv "$TMP/batch/doc.xml" "$TMP/batch/hel.xml"
doc "$TMP/batch" trasig.png; mv "$TMP/batch/doc.xml" "$TMP/batch/trasig.xml"
cp "$I/rgb.png" "$TMP/batch/rgb.png"; cp "$I/truncated.png" "$TMP/batch/trasig.png"
expect_exit 1 "batch with a broken logo" -- "$BIN" render "$TMP/batch/hel.xml" "$TMP/batch/trasig.xml" -o "$TMP/batch-ut"
check "batch: the good one rendered" test -s "$TMP/batch-ut/hel.pdf"
check "batch: the broken one has no PDF" test ! -e "$TMP/batch-ut/trasig.pdf"
check "batch: the broken one reported" grep -qF "trasig.xml:$line: fel: [LOGO-TRASIG]" "$TMP/err"
check "batch: the summary counts it" grep -q "styrrapport: 1 dokument satta, 1 med fel" "$TMP/err"
finish
