#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# fresh-root.sh - the README's promises on a freshly debootstrapped Debian 12, as a new
# user meets them. Slow (downloads ~300 MB, builds twice): not part of `check`; run with
# `cmake --build build --target fresh-root` or: bash tests/fresh-root.sh WORKDIR [MIRROR]
# Needs root, debootstrap, and Debian's mirror reachable.
#  1. debootstrap --variant=minbase bookworm WORKDIR/root (a second copy for the .deb)
#  2. the README's FIRST command alone, in a copy of this tree: sjovik.pdf
#  3. cmake --install; the installed program renders from another folder with the source
#     tree moved away and no environment variable
#  4. man styrrapport (man-db installed for it)
#  5. tests/install/render.c built with pkg-config against the installed library, runs
#  6. debian/: the Build-Depends, dpkg-buildpackage -us -uc -b (tests run) and lintian
#     (tools/build-deb.sh)
#  7. in the untouched second root: apt-get install ./styrrapport_*.deb, it renders
#  8. with FRESH_SECOND=1 also the README's SECOND command (the whole suite) in root 1;
#     with FRESH_SECOND=apt only its apt-get part (what the tests add, measured)
# Every step's time and the disk space apt reports go to WORKDIR/result.txt.
set -uo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
work=${1:?usage: fresh-root.sh WORKDIR [MIRROR]}
mirror=${2:-http://deb.debian.org/debian}
mkdir -p "$work"; work=$(cd "$work" && pwd)
root=$work/root; debroot=$work/deb-root; result=$work/result.txt
fail=0
say() { echo "fresh-root: $*" | tee -a "$result"; }
mounted=()
cleanup() { for m in "${mounted[@]}"; do umount "$m" 2>/dev/null; done; }
trap cleanup EXIT
prepare() {   # prepare ROOT: /proc, DNS
	mount -t proc proc "$1/proc" && mounted+=("$1/proc")
	cp /etc/resolv.conf "$1/etc/resolv.conf"
}
# in ROOT 'commands': a login-like clean environment, nothing of this machine's
in_root() {
	chroot "$1" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb DEBIAN_FRONTEND=noninteractive \
		PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin bash -eo pipefail -c "$2"
}
# step NAME ROOT 'commands': runs, times, logs to WORKDIR/NAME.log
step() {
	local name=$1 r=$2 cmd=$3 t0 t1 rc
	t0=$(date +%s)
	in_root "$r" "$cmd" >"$work/$name.log" 2>&1; rc=$?
	t1=$(date +%s)
	local space
	space=$(grep -h 'additional disk space will be used' "$work/$name.log" | sed 's/^After this operation, //' | tr '\n' ';')
	if [ $rc -eq 0 ]; then say "ok   $name ($((t1 - t0)) s${space:+; apt: $space})"
	else say "FAIL $name ($((t1 - t0)) s, exit $rc): see $work/$name.log"; tail -15 "$work/$name.log"; fail=1; fi
	return $rc
}
readme_command() { awk -v want="$1" '/^```sh$/ {n++; next} /^```/ {next} n == want {print; exit}' "$src/README.md"; }

rm -rf "$root" "$debroot" "$result"
command -v debootstrap >/dev/null || { echo "fresh-root: debootstrap is not installed (apt-get install debootstrap)"; exit 2; }
t0=$(date +%s)
if debootstrap --variant=minbase bookworm "$root" "$mirror" >"$work/debootstrap.log" 2>&1; then
	say "ok   debootstrap bookworm minbase from $mirror ($(($(date +%s) - t0)) s, $(du -sxm "$root" | cut -f1) MB)"
else
	say "FAIL debootstrap: see $work/debootstrap.log"; tail "$work/debootstrap.log"; exit 1
fi
cp -a "$root" "$debroot"
prepare "$root"; prepare "$debroot"

# the tree as a user would clone it (tracked and new files; no build folders)
mkdir -p "$root/root/styrrapport"
(cd "$src" && if git rev-parse --git-dir >/dev/null 2>&1; then git ls-files -co --exclude-standard -z; \
	else find . -type f -print0; fi | grep -zvE '^(\./)?(build|obj-)' | xargs -0 cp --parents -t "$root/root/styrrapport")

first=$(readme_command 1)
before=$(du -sxm "$root" | cut -f1)
step first-command "$root" "cd /root/styrrapport && $first && test \"\$(head -c 5 sjovik.pdf)\" = %PDF-"
say "     the first command grew the root from $before MB to $(du -sxm "$root" | cut -f1) MB"

step install "$root" 'cd /root/styrrapport && cmake --install build && ldconfig'
# the source tree moved away: the installed program can only use the installed data
step installed-renders "$root" 'set +e; mv /root/styrrapport /root/moved; mkdir -p /tmp/elsewhere && cd /tmp/elsewhere &&
	! env | grep STYRRAPPORT &&
	styrrapport --version | head -2 &&
	styrrapport render /root/moved/samples/timra-uppfoljning-2025.xml -o timra.pdf &&
	styrrapport ny --typ delarsrapport --kommun "Hofors kommun" --kommunkod 2104 -o rapport.xml &&
	styrrapport validate rapport.xml && test "$(head -c 5 timra.pdf)" = %PDF- && ls -l timra.pdf
	rc=$?; mv /root/moved /root/styrrapport; exit $rc'
step man "$root" 'apt-get install -y --no-install-recommends man-db && man styrrapport | grep -q KOMMANDON &&
	man styrrapport | head -12'
step pkg-config-program "$root" 'cd /tmp/elsewhere &&
	cc -std=c11 -Wall -Werror -o render /root/styrrapport/tests/install/render.c $(pkg-config --cflags --libs styrrapport) &&
	ldd ./render | grep "/usr/local/lib/.*libstyrrapport.so.0" &&
	./render /root/styrrapport/samples/sjovik-delarsrapport-2024.xml lib.pdf && test "$(head -c 5 lib.pdf)" = %PDF-'
step deb-build "$root" 'cd /root/styrrapport && apt-get install -y --no-install-recommends dpkg-dev debhelper lintian &&
	apt-get build-dep -y ./ && bash tools/build-deb.sh /root/deb && ls -l /root/deb/*.deb'
mkdir -p "$debroot/root/deb"
cp "$root"/root/deb/*.deb "$debroot/root/deb/" 2>/dev/null
cp "$src/samples/sjovik-delarsrapport-2024.xml" "$debroot/root/"
step deb-install "$debroot" 'apt-get update && cd /root/deb && apt-get install -y ./styrrapport_*.deb &&
	cd /tmp && styrrapport render /root/sjovik-delarsrapport-2024.xml -o s.pdf && test "$(head -c 5 s.pdf)" = %PDF- &&
	dpkg -L styrrapport | grep -c . && ls /usr/share/fonts/truetype/open-sans/OpenSans-Regular.ttf /usr/share/color/icc/sRGB.icc'
if [ "${FRESH_SECOND:-0}" = apt ]; then   # only the second command's apt-get part: its size
	second=$(readme_command 2 | sed 's/ && cmake .*//')
	step second-command-apt "$root" "$second"
elif [ "${FRESH_SECOND:-0}" = 1 ]; then
	second=$(readme_command 2)
	before=$(du -sxm "$root" | cut -f1)
	step second-command "$root" "cd /root/styrrapport && rm -rf build && $second"
	say "     the second command grew the root from $before MB to $(du -sxm "$root" | cut -f1) MB"
fi
[ $fail -eq 0 ] && say "all steps passed" || say "some steps FAILED"
exit $fail
