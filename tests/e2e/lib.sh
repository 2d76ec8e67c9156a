# SPDX-License-Identifier: Apache-2.0
# lib.sh - tiny assertion helpers for the end-to-end tests (sourced, not run).
# Every script is called as: bash SCRIPT BIN SRCDIR SCRATCH
BIN=$1; SRC=$2; TMP=$3
rm -rf "$TMP"; mkdir -p "$TMP"
PASS=0; FAIL=0
ok() { PASS=$((PASS+1)); }
bad() { FAIL=$((FAIL+1)); echo "FEL: $*"; }
check() { local what=$1; shift; if "$@"; then ok; else bad "$what"; fi; }
# expect_exit CODE DESCRIPTION -- command...
expect_exit() {
	local want=$1 what=$2; shift 3
	"$@" >"$TMP/out" 2>"$TMP/err"; local got=$?
	if [ "$got" -eq "$want" ]; then ok; else bad "$what: slutstatus $got, väntad $want"; sed 's/^/  | /' "$TMP/err" | head -20; fi
}
contains() { grep -qF -- "$2" "$1"; }
finish() { echo "$PASS passed, $FAIL failed"; [ "$FAIL" -eq 0 ]; }
