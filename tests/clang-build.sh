#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# clang-build.sh - the tree builds warning-free (-Werror) with clang-14 too, and its unit
# tests pass. Called by the check target: tests/clang-build.sh SRCDIR BUILDDIR
set -eu
src=$1 dir=$2
cc=$(command -v clang-14 || command -v clang || true)
if [ -z "$cc" ]; then echo "clang-build: no clang-14 installed (README's second command installs it)"; exit 1; fi
CC=$cc cmake -S "$src" -B "$dir" -DSTYRRAPPORT_WERROR=ON >/dev/null
cmake --build "$dir" -j2
ctest --test-dir "$dir" -R '^test_' --output-on-failure -j2
echo "clang-build: $("$cc" --version | head -1): no warnings, unit tests pass"
