#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# spdx.sh - every source file of the tree carries the licence's SPDX line
# (tools/spdx.sh fix adds it to new files).
. "$(dirname "$0")/lib.sh"
if (cd "$SRC" && bash tools/spdx.sh check) >"$TMP/spdx" 2>&1; then ok; else bad "source files without the SPDX line:"; head -20 "$TMP/spdx"; fi
check "LICENSE is the Apache License 2.0" grep -q "Apache License" "$SRC/LICENSE"
check "LICENSE is complete" grep -q "END OF TERMS AND CONDITIONS" "$SRC/LICENSE"
finish
