#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# build-deb.sh - builds the Debian packages from this tree without touching it or its
# parent folder (dpkg-buildpackage writes to ..): the tracked and new files are copied
# to OUTDIR/styrrapport-VERSION, `dpkg-buildpackage -us -uc -b` runs there (the
# project's tests run in it), then lintian. The .debs end up in OUTDIR.
# Usage: tools/build-deb.sh [OUTDIR]   (default build/deb; needs the Build-Depends of
# debian/control: apt-get build-dep ./ or the README's second command)
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$src/build/deb}
version=$(dpkg-parsechangelog -l "$src/debian/changelog" -S Version)
tree=$out/styrrapport-$version
rm -rf "$tree"; mkdir -p "$tree"
(cd "$src" && if git rev-parse --git-dir >/dev/null 2>&1; then git ls-files -co --exclude-standard -z; \
	else find . -type f -print0 | sed -z 's|^\./||'; fi | grep -zvE '^(build|obj-|debian/(tmp|\.debhelper|styrrapport|libstyrrapport0|libstyrrapport-dev)/)' \
	| xargs -0 cp --parents -t "$tree")
cd "$tree"
dpkg-checkbuilddeps
dpkg-buildpackage -us -uc -b
cd "$out"
changes=$(ls -t styrrapport_"${version}"_*.changes | head -1)
echo "build-deb: $(ls styrrapport*_"${version}"_*.deb libstyrrapport*_"${version}"_*.deb | tr '\n' ' ')"
# lintian: no errors allowed (warnings and notes are printed)
lintian --fail-on error "$changes"
echo "build-deb: lintian: no errors"
