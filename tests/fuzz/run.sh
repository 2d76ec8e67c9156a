#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# run.sh - builds the libFuzzer harness with clang and runs it for SECONDS seconds.
# Usage: bash tests/fuzz/run.sh SECONDS [WORKDIR]
# FUZZ_HARNESS=render (default) | layout | include picks tests/fuzz/fuzz_<name>.c, whose
# seeds are in corpus/ (render) or corpus-<name>/.
# Exits non-zero on any finding (crash, leak, hang, sanitizer report); the input that
# triggered it is left in WORKDIR/artifacts/.
set -eu
SECS=${1:-60}
HERE=$(cd "$(dirname "$0")" && pwd)
SRC=$(cd "$HERE/../.." && pwd)
WORK=${2:-${TMPDIR:-/tmp}/styrrapport-fuzz}
CC=${CC:-$(command -v clang-14 || command -v clang)}
JOBS=${FUZZ_JOBS:-1}   # >1: that many parallel processes, logs in WORK/fuzz-N.log
# FUZZ_TIMEOUT: seconds per input before libFuzzer calls it a hang (default 10; the long
# runs on a loaded machine use more: a niced run on 2 busy cores was starved past 10 s
# by inputs that take 0.3 s of CPU under ASan)
mkdir -p "$WORK/obj" "$WORK/corpus" "$WORK/artifacts"
WORK=$(cd "$WORK" && pwd)   # the harness runs from another folder

# The schemas (src/xsd/*.xsd), embedded exactly as the CMake build does it.
embedded=
for xsd in "$SRC"/src/xsd/*.xsd; do
	sym=xsd_$(basename "$xsd" .xsd | tr - _)
	cmake -DIN="$xsd" -DOUT="$WORK/embed_$sym.c" -DSYM="$sym" -P "$SRC/cmake/embed.cmake"
	embedded="$embedded $WORK/embed_$sym.c"
done

CFLAGS="-g -O1 -std=c11 -D_GNU_SOURCE -fno-omit-frame-pointer
        -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
        -DSR_VERSION=\"fuzz\" -DSR_DATA_DIR=\"$SRC\" -I$SRC/src
        $(pkg-config --cflags libxml-2.0 libpcre2-8 nettle libpng json-c harfbuzz fribidi)"
srcs=$(ls "$SRC"/src/*.c | grep -v -E '/(main|cli_[a-z_]*)\.c$')
# shellcheck disable=SC2086
H=${FUZZ_HARNESS:-render}
SEEDS=$HERE/corpus; [ "$H" = render ] || SEEDS=$HERE/corpus-$H
MAXLEN=1048576; [ "$H" = layout ] && MAXLEN=65536   # documents with many rows need more than 64 KB
DICT=$HERE/model.dict; [ "$H" = layout ] && DICT=$HERE/layout.dict
"$CC" $CFLAGS -o "$WORK/fuzz_$H" "$HERE/fuzz_$H.c" $srcs \
      $embedded \
      $(pkg-config --libs libxml-2.0 libpcre2-8 nettle libpng json-c harfbuzz fribidi) -lhyphen -ljpeg -lcsv -lhpdf -lz -lm

# The fuzzed document sits in WORK/doc beside the Arboga sample's contributions, so
# includes of namnder/*.xml resolve (and escapes from WORK/doc are tried).
rm -rf "$WORK/doc"; mkdir -p "$WORK/doc"
cp -r "$SRC/samples/arboga/namnder" "$WORK/doc/"
cp "$SRC/samples/arboga/namnder/bun.xml" "$WORK/ute.xml"   # bait for ../ escapes
export SR_FUZZ_DOC="$WORK/doc/fuzz.xml"

# The seed corpus is read-only input; new inputs go to WORK/corpus.
export STYRRAPPORT_DATA=${STYRRAPPORT_DATA:-$SRC}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
cd "$WORK"
"$WORK/fuzz_$H" -max_total_time="$SECS" -timeout="${FUZZ_TIMEOUT:-10}" -rss_limit_mb=2048 \
	-max_len=$MAXLEN -dict="$DICT" -artifact_prefix="$WORK/artifacts/" \
	$([ "$JOBS" -gt 1 ] && echo "-jobs=$JOBS -workers=$JOBS") -print_final_stats=1 \
	"$WORK/corpus" "$SEEDS"
