#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# run.sh - measures styrrapport against the bare-libharu floor and prints a Markdown table; builds nothing.
#
# Usage: tests/bench/run.sh BUILD_DIR
#   BUILD_DIR/styrrapport           the program (or SR_BIN=...)
#   BUILD_DIR/tests/bench/{gen,floor,rss}   the bench tools (or BENCH_BIN=DIR)
# Environment: BENCH_RUNS (default 11), BENCH_BATCH_RUNS (default 3), BENCH_WORK (scratch
# directory, default BUILD_DIR/bench-work). `cmake --build build --target bench` runs it.
# Every figure is the median over the runs of the whole process (exec to exit), measured
# by rss (fork/exec/wait4: CLOCK_MONOTONIC and ru_maxrss), so start-up, XML parsing and
# XSD validation are included everywhere.
set -u

BUILD=${1:?usage: run.sh BUILD_DIR}
SR=${SR_BIN:-$BUILD/styrrapport}
TOOLS=${BENCH_BIN:-$BUILD/tests/bench}
RUNS=${BENCH_RUNS:-11}
BATCH_RUNS=${BENCH_BATCH_RUNS:-3}
WORK=${BENCH_WORK:-$BUILD/bench-work}
SRC=$(cd "$(dirname "$0")/../.." && pwd)
SAMPLE=$SRC/samples/sjovik-delarsrapport-2024.xml

for t in gen floor rss; do
	if [ ! -x "$TOOLS/$t" ]; then
		echo "run.sh: $TOOLS/$t is missing: build the bench target first" >&2
		exit 2
	fi
done
HAVE_SR=1
[ -x "$SR" ] || { HAVE_SR=0; echo "run.sh: $SR is missing: only the floor is measured" >&2; }

rm -rf "$WORK" && mkdir -p "$WORK" || exit 3
"$TOOLS/gen" large "$WORK/large.xml" || exit 3
"$TOOLS/gen" batch "$WORK/batch" 290 || exit 3
# The generator must keep up with the schema: check it (not timed) when xmllint is there.
XSD_NOTE="not checked against the XSD (no xmllint)"
if command -v xmllint >/dev/null && [ -f "$SRC/src/xsd/styrrapport.xsd" ]; then
	if xmllint --noout --schema "$SRC/src/xsd/styrrapport.xsd" "$WORK/large.xml" "$WORK"/batch/*.xml \
		2>"$WORK/xsd.txt"; then
		XSD_NOTE="all 291 valid against src/xsd/styrrapport.xsd"
	else
		XSD_NOTE="**NOT valid against the XSD**: see $WORK/xsd.txt"
	fi
fi

# measure NAME RUNS CMD... : sets M_MED M_MIN M_MAX M_RSS M_RC
measure() {
	local runs=$1; shift
	read -r M_MED M_MIN M_MAX M_RSS M_RC < <("$TOOLS/rss" -n "$runs" -q -- "$@" 2>"$WORK/stderr.txt")
}

pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ { print $2 }'; }
bytes() { stat -c %s "$1" 2>/dev/null; }
mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
le() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a <= b) }'; }
verdict() { if le "$1" "$2"; then echo "met"; else echo "**missed**"; fi; }

ROWS=()
row() { ROWS+=("| $1 | $2 | $3 | $4 | $5 | $6 | $7 |"); }
notyet() { row "$1" "not yet measured" "" "" "" "" "$2 ($3)"; }

# --- styrrapport on the large document
V_MED=""; C_MED=""; R_MED=""; R_RSS=""; R_PAGES=""; R_BYTES=""
if [ $HAVE_SR = 1 ]; then
	measure "$RUNS" "$SR" validate "$WORK/large.xml"
	if [ "$M_RC" = 0 ]; then V_MED=$M_MED
		row "validate, large" "$M_MED" "$M_MIN–$M_MAX" "$(mb "$M_RSS")" "" "" "see compute"
	else notyet "validate, large" "exit $M_RC" "$(head -c 200 "$WORK/stderr.txt" | tr '\n|' '  ')"; fi
	measure "$RUNS" "$SR" compute "$WORK/large.xml"
	if [ "$M_RC" = 0 ]; then C_MED=$M_MED
		row "compute, large" "$M_MED" "$M_MIN–$M_MAX" "$(mb "$M_RSS")" "" "" "validate + compute ≤ 10 ms"
	else notyet "compute, large" "exit $M_RC" "$(head -c 200 "$WORK/stderr.txt" | tr '\n|' '  ')"; fi
	if [ -x "$TOOLS/inproc" ]; then   # the same work inside one process (library API)
		read -r I_MED I_MIN < <("$TOOLS/inproc" "$WORK/large.xml" "$((RUNS * 5))")
		row "validate + compute, large, in one process ($((RUNS * 5)) runs)" "$I_MED" "$I_MIN–" "" "" "" \
			"≤ 10 ms: $(awk -v t="$I_MED" 'BEGIN {print (t <= 10 ? "met" : "**missed**")}')"
	fi
	# render and floor alternate run by run (pair_runs below), so that a change in the
	# machine's speed during the measurement hits both alike
	"$SR" render "$WORK/large.xml" -o "$WORK/large.pdf" 2>"$WORK/stderr.txt"
	M_RC=$?
	if [ "$M_RC" = 0 ] && [ -s "$WORK/large.pdf" ]; then
		R_PAGES=$(pages "$WORK/large.pdf"); R_BYTES=$(bytes "$WORK/large.pdf")
	else notyet "render, large" "exit $M_RC" "$(head -c 200 "$WORK/stderr.txt" | tr '\n|' '  ')"; fi
fi

# median MIN MAX of the numbers given
stats() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { printf "%s %s %s", v[int((NR + 1) / 2)], v[1], v[NR] }'; }

# pair_runs RUNS: one render of the large document, then one floor run, RUNS times;
# sets R_MED R_MIN R_MAX R_RSS F_MED F_MIN F_MAX F_RSS
pair_runs() {
	local rt=() ft=() rr=0 fr=0 t rss rc _
	for ((k = 0; k < $1; k++)); do
		if [ -n "$R_PAGES" ]; then
			read -r t _ _ rss rc < <("$TOOLS/rss" -n 1 -q -- "$SR" render "$WORK/large.xml" -o "$WORK/large.pdf" 2>/dev/null)
			rt+=("$t"); [ "$rss" -gt "$rr" ] && rr=$rss
		fi
		read -r t _ _ rss rc < <("$TOOLS/rss" -n 1 -q -- "$TOOLS/floor" "$WORK/large.xml" "$F_PAGES" "$WORK/floor.pdf" "$SRC/fonts" 2>/dev/null)
		ft+=("$t"); [ "$rss" -gt "$fr" ] && fr=$rss
	done
	if [ ${#rt[@]} -gt 0 ]; then read -r R_MED R_MIN R_MAX < <(stats "${rt[@]}"); R_RSS=$rr; fi
	read -r F_MED F_MIN F_MAX < <(stats "${ft[@]}"); F_RSS=$fr
}

# --- the floor, on as many pages as styrrapport made (80 when there is no PDF yet)
F_PAGES=${R_PAGES:-80}
pair_runs "$RUNS"
if [ -n "$R_MED" ]; then
	row "render, large" "$R_MED" "$R_MIN–$R_MAX" "$(mb "$R_RSS")" "$R_PAGES" "$R_BYTES" \
		"≤ 1.5 × floor; RSS ≤ 32 MB: $(verdict "$R_RSS" 32768); ≤ 1 MB: $(verdict "$R_BYTES" 1048576)"
fi
row "floor (bare libharu), large" "$F_MED" "$F_MIN–$F_MAX" "$(mb "$F_RSS")" \
	"$(pages "$WORK/floor.pdf")" "$(bytes "$WORK/floor.pdf")" "the reference"

# --- the website of the large document (styrrapport html), against the PDF's render
H_MED=""
if [ $HAVE_SR = 1 ] && "$SR" --help 2>&1 | grep -qE '^ *styrrapport html '; then
	measure "$RUNS" "$SR" html "$WORK/large.xml" -o "$WORK/large-site"
	if [ "$M_RC" = 0 ] && [ -f "$WORK/large-site/index.html" ]; then H_MED=$M_MED
		h_pages=$(ls "$WORK/large-site"/*.html | wc -l)
		row "html (website), large" "$M_MED" "$M_MIN–$M_MAX" "$(mb "$M_RSS")" "$h_pages HTML" \
			"$(du -sb --exclude=fonts "$WORK/large-site" | cut -f1) without fonts/" "well under render"
	else notyet "html (website), large" "exit $M_RC" "$(head -c 200 "$WORK/stderr.txt" | tr '\n|' '  ')"; fi
	measure "$RUNS" "$SR" render "$WORK/large.xml" -o "$WORK/large-both.pdf" --html "$WORK/large-both"
	if [ "$M_RC" = 0 ]; then
		row "render --html (PDF and website), large" "$M_MED" "$M_MIN–$M_MAX" "$(mb "$M_RSS")" "" "" "≈ render + html"
	else notyet "render --html, large" "exit $M_RC" "$(head -c 200 "$WORK/stderr.txt" | tr '\n|' '  ')"; fi
fi

if [ $HAVE_SR = 1 ]; then
	# --- 290 delårsrapporter in one call
	measure "$BATCH_RUNS" "$SR" render "$WORK/batch" -o "$WORK/batch-out"
	n_pdf=$(ls "$WORK/batch-out"/*.pdf 2>/dev/null | wc -l)
	if [ "$M_RC" = 0 ] && [ "$n_pdf" = 290 ]; then
		row "render, batch of 290 (one call)" "$M_MED" "$M_MIN–$M_MAX" "$(mb "$M_RSS")" "" \
			"$(du -sb "$WORK/batch-out" | cut -f1) in all" "≤ 5 s: $(verdict "$M_MED" 5000)"
	else notyet "render, batch of 290 (one call)" "exit $M_RC, $n_pdf PDFs" \
		"$(head -c 200 "$WORK/stderr.txt" | tr '\n|' '  ')"; fi
	# --- the bundled sample
	measure "$RUNS" "$SR" render "$SAMPLE" -o "$WORK/sample.pdf"
	if [ "$M_RC" = 0 ] && [ -s "$WORK/sample.pdf" ]; then
		S_BYTES=$(bytes "$WORK/sample.pdf")
		row "render, bundled sample" "$M_MED" "$M_MIN–$M_MAX" "$(mb "$M_RSS")" \
			"$(pages "$WORK/sample.pdf")" "$S_BYTES" "≤ 150 KB: $(verdict "$S_BYTES" 153600)"
	else notyet "render, bundled sample" "exit $M_RC" "$(head -c 200 "$WORK/stderr.txt" | tr '\n|' '  ')"; fi
fi

# --- summary of the two relative targets
SUMMARY=()
if [ -n "$R_MED" ]; then
	ratio=$(awk -v r="$R_MED" -v f="$F_MED" 'BEGIN { printf "%.2f", r / f }')
	SUMMARY+=("- render / floor = $ratio (target ≤ 1.5: $(verdict "$ratio" 1.5))")
fi
if [ -n "$H_MED" ] && [ -n "$R_MED" ]; then
	SUMMARY+=("- html / render, large = $(awk -v h="$H_MED" -v r="$R_MED" 'BEGIN { printf "%.2f", h / r }') (the website in well under the PDF's time: $(verdict "$H_MED" "$(awk -v r="$R_MED" 'BEGIN { print r * 0.75 }')") at ≤ 0.75)")
fi
if [ -n "${I_MED:-}" ]; then
	SUMMARY+=("- validate + compute in one process = $I_MED ms (target ≤ 10 ms: $(verdict "$I_MED" 10))")
fi
if [ -n "$V_MED" ] && [ -n "$C_MED" ]; then
	vc=$(awk -v a="$V_MED" -v b="$C_MED" 'BEGIN { printf "%.1f", a + b }')
	SUMMARY+=("- validate + compute as two CLI processes = $vc ms (each pays start-up and the XSD compilation)")
fi

btype=${BENCH_BUILD_TYPE:-$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$BUILD/CMakeCache.txt" 2>/dev/null)}
echo "Machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)," \
	"$(awk '/MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo) RAM;" \
	"build type: ${btype:-unknown}; $RUNS runs (batch: $BATCH_RUNS), median."
case "$btype" in
Release|RelWithDebInfo|MinSizeRel) ;;
*) echo "Warning: not an optimised build: these times say little." ;;
esac
echo "Generated documents: $XSD_NOTE."
echo
echo "| measurement | median ms | min–max ms | peak RSS MB | pages | PDF bytes | target |"
echo "|---|---:|---:|---:|---:|---:|---|"
printf '%s\n' "${ROWS[@]}"
echo
[ ${#SUMMARY[@]} -gt 0 ] && printf '%s\n' "${SUMMARY[@]}"
exit 0
