#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# run_import.sh - builds the libFuzzer harness of `styrrapport import` (fuzz_import.c)
# with clang and runs it for SECONDS seconds on the import test document.
# Usage: bash tests/fuzz/run_import.sh SECONDS [WORKDIR]
# Exits non-zero on any finding; the input is left in WORKDIR/artifacts/.
set -eu
SECS=${1:-30}
HERE=$(cd "$(dirname "$0")" && pwd)
SRC=$(cd "$HERE/../.." && pwd)
WORK=${2:-${TMPDIR:-/tmp}/styrrapport-fuzz-import}
CC=${CC:-$(command -v clang-14 || command -v clang)}
mkdir -p "$WORK/corpus" "$WORK/artifacts"
WORK=$(cd "$WORK" && pwd)
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
"$CC" $CFLAGS -o "$WORK/fuzz_import" "$HERE/fuzz_import.c" $srcs $embedded \
      $(pkg-config --libs libxml-2.0 libpcre2-8 nettle libpng json-c harfbuzz fribidi) -lhyphen -ljpeg -lcsv -lhpdf -lz -lm
export SR_FUZZ_IMPORT_DOC="$SRC/tests/data/import/rapport.xml"
export STYRRAPPORT_DATA=${STYRRAPPORT_DATA:-$SRC}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
cd "$WORK"
"$WORK/fuzz_import" -max_total_time="$SECS" -timeout=10 -rss_limit_mb=2048 \
	-max_len=16384 -dict="$HERE/import.dict" -artifact_prefix="$WORK/artifacts/" \
	-print_final_stats=1 "$WORK/corpus" "$HERE/corpus-import"
