#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# docs.sh - docs/diagnostics.md lists exactly the codes the program has.
. "$(dirname "$0")/lib.sh"
"$BIN" --list-codes >"$TMP/codes.md"
if diff -u <(grep '^| ' "$SRC/docs/diagnostics.md") <(grep '^| ' "$TMP/codes.md") >"$TMP/d"; then ok
else bad "docs/diagnostics.md is out of date (styrrapport --list-codes)"; head -20 "$TMP/d"; fi
finish
