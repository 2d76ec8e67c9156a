#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# run_image.sh - builds the image harness (fuzz_image.c: a logo through validation)
# with clang and runs it for SECONDS seconds. Usage: bash tests/fuzz/run_image.sh SECONDS [WORKDIR]
# Exits non-zero on any finding; the input is left in WORKDIR/artifacts/.
set -eu
SECS=${1:-60}
HERE=$(cd "$(dirname "$0")" && pwd)
SRC=$(cd "$HERE/../.." && pwd)
WORK=${2:-${TMPDIR:-/tmp}/styrrapport-fuzz-image}
CC=${CC:-$(command -v clang-14 || command -v clang)}
JOBS=${FUZZ_JOBS:-1}
mkdir -p "$WORK/corpus" "$WORK/artifacts"
WORK=$(cd "$WORK" && pwd)

CFLAGS="-g -O1 -std=c11 -D_GNU_SOURCE -fno-omit-frame-pointer
        -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
        -DSR_VERSION=\"fuzz\" -DSR_DATA_DIR=\"$SRC\" -I$SRC/src -I$SRC/tests
        $(pkg-config --cflags libpcre2-8 libpng)"
# validation and the image module, and what they use (no loader, no layout, no PDF)
srcs=$(ls "$SRC"/src/{arena,dec,diag,model,valid,img}*.c)
# shellcheck disable=SC2086
"$CC" $CFLAGS -o "$WORK/fuzz_image" "$HERE/fuzz_image.c" $srcs \
      $(pkg-config --libs libpcre2-8 libpng) -ljpeg -lhpdf -lz -lm

# Legal logos up to 40 megapixels take 120-280 MB each: let ASan give freed memory back
# (else its caches grow past the RSS limit over a long run) and keep a small quarantine.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:quarantine_size_mb=64:allocator_release_to_os_interval_ms=500}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
cd "$WORK"
# -timeout=30: a legal image near the pixel limit decodes and is downsampled in about a
# second in a release build (tests/data/img/fuzz-slow-arith-64004x307.jpg: 0.4 s of CPU
# for a whole render), but takes 3-4 s under ASan+coverage on an idle machine and more
# than 10 s on two shared cores: slow, linear, legal, not a hang.
"$WORK/fuzz_image" -max_total_time="$SECS" -timeout=30 -rss_limit_mb=2048 \
	-max_len=65536 -dict="$HERE/image.dict" -artifact_prefix="$WORK/artifacts/" \
	$([ "$JOBS" -gt 1 ] && echo "-jobs=$JOBS -workers=$JOBS") -print_final_stats=1 \
	"$WORK/corpus" "$HERE/corpus-image"
