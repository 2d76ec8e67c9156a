#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# spdx.sh - every source file carries the SPDX line of the project's licence.
# Usage: tools/spdx.sh [check|fix] [ROOT]
#   check (default): lists each tracked source file without the line; exits 1 if any.
#   fix: adds the line (after a #! or <?xml line), then checks.
# Source files: C (*.c *.h), shell (*.sh, .ci/run), CMake (CMakeLists.txt, *.cmake, *.in),
# the linker map (*.map) and the schemas (*.xsd). Data (samples, layouts, goldens) is not.
set -u
mode=${1:-check}
root=${2:-$(cd "$(dirname "$0")/.." && pwd)}
cd "$root" || exit 2
tag='SPDX-License-Identifier: Apache-2.0'
files() {
	if git rev-parse --git-dir >/dev/null 2>&1; then
		git ls-files --cached --others --exclude-standard
	else
		find . \( -path './build*' -o -path './obj-*' -o -path './debian/*/*' -o -path './.git' \) -prune \
		     -o -type f -print | sed 's|^\./||'
	fi | grep -E '(\.(c|h|sh|cmake|map|xsd)|CMakeLists\.txt|\.pc\.in|^\.ci/run)$' \
	   | grep -vE '^(tests/data|samples|layouts)/' | sort
}
line_for() {
	case $1 in
	*.c|*.h|*.map) echo "/* $tag */" ;;
	*.xsd) echo "<!-- $tag -->" ;;
	*) echo "# $tag" ;;
	esac
}
missing=0
while IFS= read -r f; do
	[ -f "$f" ] || continue
	head -n 3 "$f" | grep -qF "$tag" && continue
	if [ "$mode" = fix ]; then
		l=$(line_for "$f")
		first=$(head -n 1 "$f")
		case $first in
		'#!'*|'<?xml'*) { echo "$first"; echo "$l"; tail -n +2 "$f"; } >"$f.spdx" ;;
		*) { echo "$l"; cat "$f"; } >"$f.spdx" ;;
		esac
		chmod --reference="$f" "$f.spdx" && mv "$f.spdx" "$f"
		echo "spdx: added to $f"
	else
		echo "spdx: no '$tag' in the first 3 lines of $f"
		missing=$((missing + 1))
	fi
done < <(files)
if [ "$mode" = fix ]; then exec "$0" check "$root"; fi
[ "$missing" -eq 0 ]
