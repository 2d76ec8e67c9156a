#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# man.sh - the manual page styrrapport(1) renders without warnings, is Swedish, names the
# licence, and lists exactly the commands and options of `styrrapport --help`.
. "$(dirname "$0")/lib.sh"
MAN=$SRC/docs/styrrapport.1
"$BIN" --help >"$TMP/help"
# commands: "  styrrapport NAME ..." in --help, ".B styrrapport NAME" in the manual
sed -n 's/^  styrrapport \([a-z]*\).*/\1/p' "$TMP/help" | sort -u >"$TMP/help-commands"
sed -n 's/^\.B styrrapport \([a-z]*\).*/\1/p' "$MAN" | sort -u >"$TMP/man-commands"
if diff -u "$TMP/help-commands" "$TMP/man-commands" >"$TMP/d"; then ok; else bad "commands differ between --help (-) and the manual (+)"; cat "$TMP/d"; fi
# options: every --long and -x of the Flaggor part of --help; in the manual, the
# option lines (the line after each .TP) of the FLAGGOR section
sed -n '/^Flaggor:/,/^$/p' "$TMP/help" | grep -oE '(^|[ ,])--?[a-zA-Z][a-z-]*' | tr -d ' ,' | sort -u >"$TMP/help-opts"
awk '/^\.SH FLAGGOR/{on=1; next} /^\.SH/{on=0} on && prev==".TP"{print} {prev=$0}' "$MAN" \
	| sed 's/\\-/-/g' | grep -oE '(^|[ "])--?[a-zA-Z][a-z-]*' | tr -d ' "' | sort -u >"$TMP/man-opts"
check "--help has options" test -s "$TMP/help-opts"
if diff -u "$TMP/help-opts" "$TMP/man-opts" >"$TMP/d"; then ok; else bad "options differ between --help (-) and the manual (+)"; cat "$TMP/d"; fi
if command -v man >/dev/null; then
	LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$MAN" >"$TMP/man.txt" 2>"$TMP/man.err"
	check "man renders the page" grep -q "KOMMANDON" "$TMP/man.txt"
	check "man renders without warnings" test ! -s "$TMP/man.err"
	[ -s "$TMP/man.err" ] && sed 's/^/  | /' "$TMP/man.err" | head
fi
check "the manual names the licence" grep -q "Apache License 2.0" "$MAN"
check "the manual is Swedish" grep -q "^\.SH BESKRIVNING" "$MAN"
check "the manual's version is the program's" grep -q "\"styrrapport $("$BIN" --version | head -1 | cut -d' ' -f2)\"" "$MAN"
finish
