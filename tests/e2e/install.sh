#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# install.sh - `cmake --install` into a DESTDIR in the scratch folder: the GNU layout
# (program, library with its soname, header, styrrapport.pc, data, XSDs, manual), only
# the sr_ API exported, a program built against the INSTALLED library with pkg-config
# (shared and static) renders a sample, and the installed program renders from another
# folder with the installed data.
. "$(dirname "$0")/lib.sh"
B=$(cd "$(dirname "$BIN")" && pwd)
prefix=$(sed -n 's/^CMAKE_INSTALL_PREFIX:PATH=//p' "$B/CMakeCache.txt")
R=$TMP/root
if DESTDIR=$R cmake --install "$B" >"$TMP/install.log" 2>&1; then ok; else bad "cmake --install failed"; tail "$TMP/install.log"; finish; exit; fi
P=$R$prefix
# a distribution build may take the fonts and the profile from its own packages
fontdir=$(sed -n 's/^STYRRAPPORT_FONT_DIR:PATH=//p' "$B/CMakeCache.txt")
icc=$(sed -n 's/^STYRRAPPORT_ICC:FILEPATH=//p' "$B/CMakeCache.txt")
fallback=$(sed -n 's/^STYRRAPPORT_FALLBACK_FONT:FILEPATH=//p' "$B/CMakeCache.txt")
hyphdic=$(sed -n 's/^STYRRAPPORT_HYPH_DIC:FILEPATH=//p' "$B/CMakeCache.txt")
LIB=$(dirname "$(find "$P" -name 'libstyrrapport.so.0' | head -1)")
S=$SRC/samples/sjovik-delarsrapport-2024.xml

# ---- the layout
data=(share/styrrapport/fonts/OpenSans-Regular.ttf share/styrrapport/fonts/OpenSans-Bold.ttf
      share/styrrapport/fonts/OpenSans-Italic.ttf share/styrrapport/sRGB.icc)
[ -n "$fontdir" ] && data=("${data[@]:3}")
[ -n "$icc" ] && unset 'data[${#data[@]}-1]'
for f in bin/styrrapport include/styrrapport.h share/man/man1/styrrapport.1 \
         share/styrrapport/layouts/delarsrapport.xml share/styrrapport/layouts/arsredovisning.xml \
         share/styrrapport/layouts/uppfoljning.xml share/styrrapport/layouts/verksamhetsberattelse.xml \
         "${data[@]}" share/styrrapport/xsd/styrrapport.xsd share/styrrapport/xsd/layout.xsd \
         share/styrrapport/xsd/manifest.xsd share/styrrapport/xsd/diagnostics.schema.json \
         share/doc/styrrapport/LICENSE share/doc/styrrapport/licenses.md share/doc/styrrapport/kom-igang.md; do
	check "installed: $f" test -s "$P/$f"
done
check "the library is installed" test -n "$LIB"
check "libstyrrapport.a" test -s "$LIB/libstyrrapport.a"
check "libstyrrapport.so -> .so.0 (development link)" test -L "$LIB/libstyrrapport.so"
check "styrrapport.pc" test -s "$LIB/pkgconfig/styrrapport.pc"
check "soname libstyrrapport.so.0" sh -c "readelf -d '$LIB/libstyrrapport.so.0' | grep -q 'SONAME.*\[libstyrrapport.so.0\]'"

# ---- only sr_ exported
nm -D --defined-only "$LIB/libstyrrapport.so.0" | awk '{print $3}' | sed 's/@.*//' | sort -u >"$TMP/exports"
check "the library exports sr_ functions" grep -q '^sr_render$' "$TMP/exports"
check "nothing but sr_ is exported" test -z "$(grep -v -e '^sr_' -e '^STYRRAPPORT_0$' "$TMP/exports")"
check "xmalloc is not exported" test -z "$(grep -x 'xmalloc' "$TMP/exports")"
check "every function of styrrapport.h is exported" test -z "$(comm -23 \
	<(grep -oE 'SR_API [^(]*\bsr_[a-z_]+\(' "$P/include/styrrapport.h" | grep -oE 'sr_[a-z_]+\($' | tr -d '(' | sort -u) "$TMP/exports")"

# ---- a program built against the installed library with pkg-config
export PKG_CONFIG_PATH=$LIB/pkgconfig PKG_CONFIG_SYSROOT_DIR=$R
flags=()
grep -q '^SR_SANITIZE:BOOL=ON' "$B/CMakeCache.txt" && flags=(-fsanitize=address,undefined)
cflags=$(pkg-config --cflags styrrapport) && libs=$(pkg-config --libs styrrapport)
check "pkg-config finds styrrapport" test -n "$libs"
check "pkg-config points at the installed header" sh -c "echo '$cflags' | grep -q -- '-I$P/include'"
# shellcheck disable=SC2086
if cc -std=c11 -Wall -Werror "${flags[@]}" $cflags -o "$TMP/render" "$SRC/tests/install/render.c" $libs 2>"$TMP/cc.err"; then ok; else bad "cc against the installed library"; cat "$TMP/cc.err"; fi
# The DESTDIR copy is not at its compiled-in path: STYRRAPPORT_DATA names it (with the
# distribution's fonts and profile linked in where the build uses them).
export STYRRAPPORT_DATA=$P/share/styrrapport
if [ -n "$fontdir$icc$fallback$hyphdic" ]; then
	# a data folder as the installed one would be with the distribution's files in it:
	# STYRRAPPORT_DATA looks for every font, the dictionary and its exceptions in fonts/
	STYRRAPPORT_DATA=$TMP/data; mkdir -p "$STYRRAPPORT_DATA/fonts"
	ln -s "$P/share/styrrapport/layouts" "$STYRRAPPORT_DATA/layouts"
	ln -s "${icc:-$P/share/styrrapport/sRGB.icc}" "$STYRRAPPORT_DATA/sRGB.icc"
	own=$P/share/styrrapport/fonts
	for f in OpenSans-Regular.ttf OpenSans-Bold.ttf OpenSans-Italic.ttf; do
		ln -s "${fontdir:-$own}/$f" "$STYRRAPPORT_DATA/fonts/$f"
	done
	for f in DejaVuSans.ttf DejaVuSans-Bold.ttf DejaVuSans-Oblique.ttf; do
		ln -s "$(dirname "${fallback:-$own/DejaVuSans.ttf}")/$f" "$STYRRAPPORT_DATA/fonts/$f"
	done
	ln -s "${hyphdic:-$own/hyph_sv_SE.dic}" "$STYRRAPPORT_DATA/fonts/hyph_sv_SE.dic"
	ln -s "$own/hyph_sv_extra.txt" "$STYRRAPPORT_DATA/fonts/hyph_sv_extra.txt"
	check "no bundled Open Sans when the distribution's is used" \
		test -z "$fontdir" -o ! -e "$own/OpenSans-Regular.ttf"
	check "no bundled DejaVu Sans when the distribution's is used" \
		test -z "$fallback" -o ! -e "$own/DejaVuSans.ttf"
	check "no bundled dictionary when the distribution's is used" \
		test -z "$hyphdic" -o ! -e "$own/hyph_sv_SE.dic"
	check "the exceptions to the dictionary are always installed" test -s "$own/hyph_sv_extra.txt"
	check "no bundled profile when the distribution's is used" test -z "$icc" -o ! -e "$P/share/styrrapport/sRGB.icc"
	[ -n "$fontdir" ] && check "the fonts' folder is compiled in" grep -qaF "$fontdir" "$LIB/libstyrrapport.so.0"
	[ -n "$icc" ] && check "the profile's path is compiled in" grep -qaF "$icc" "$LIB/libstyrrapport.so.0"
fi
mkdir -p "$TMP/elsewhere"
(cd "$TMP/elsewhere" && LD_LIBRARY_PATH=$LIB "$TMP/render" "$S" ut.pdf) >"$TMP/out" 2>"$TMP/err"
check "the pkg-config program renders" test -s "$TMP/elsewhere/ut.pdf"
check "it used the installed library" sh -c "LD_LIBRARY_PATH='$LIB' ldd '$TMP/render' | grep -q '$LIB/libstyrrapport.so.0'"
if command -v pdftotext >/dev/null; then
	check "its PDF holds the sample's text" sh -c "pdftotext '$TMP/elsewhere/ut.pdf' - | grep -q 'Sjöviks kommun'"
fi
# libstyrrapport.a with its dependencies shared (a fully static link would need their
# own static dependencies, e.g. liblzma-dev for libxml2.a, which no -dev package pulls in)
static_libs="$(pkg-config --libs $(pkg-config --print-requires-private styrrapport)) $(sed -n 's/^Libs.private: //p' "$LIB/pkgconfig/styrrapport.pc")"
# shellcheck disable=SC2086
if cc -std=c11 -Wall -Werror "${flags[@]}" $cflags -o "$TMP/render-static" "$SRC/tests/install/render.c" \
	"$LIB/libstyrrapport.a" $static_libs 2>"$TMP/cc.err"; then ok; else bad "cc against libstyrrapport.a"; cat "$TMP/cc.err"; fi
(cd "$TMP/elsewhere" && "$TMP/render-static" "$S" static.pdf) >/dev/null 2>&1
check "the static program renders the same PDF" cmp -s "$TMP/elsewhere/ut.pdf" "$TMP/elsewhere/static.pdf"

# ---- the installed program, from another folder, with the installed data
(cd "$TMP/elsewhere" && "$P/bin/styrrapport" render "$S" -o prog.pdf) 2>"$TMP/err"
check "the installed program renders" test -s "$TMP/elsewhere/prog.pdf"
check "...the same PDF as the library" cmp -s "$TMP/elsewhere/ut.pdf" "$TMP/elsewhere/prog.pdf"
check "the installed program has the install path compiled in" \
	grep -qaF "$prefix/share/styrrapport" "$P/bin/styrrapport"
check "the installed library has the install path compiled in" \
	grep -qaF "$prefix/share/styrrapport" "$LIB/libstyrrapport.so.0"
unset STYRRAPPORT_DATA
if [ -z "$fontdir" ] && [ ! -e "$prefix/share/styrrapport" ]; then
	(cd "$TMP/elsewhere" && "$P/bin/styrrapport" render "$S" -o nodata.pdf) 2>"$TMP/err"
	check "without data at the compiled-in path: it says where it looked" contains "$TMP/err" "$prefix/share/styrrapport"
elif [ -d "$fontdir" ] && [ -f "$icc" ]; then
	(cd "$TMP/elsewhere" && "$P/bin/styrrapport" render "$S" -o packaged.pdf) 2>"$TMP/err"
	check "with the distribution's fonts and profile in place it renders with no data folder" \
		cmp -s "$TMP/elsewhere/ut.pdf" "$TMP/elsewhere/packaged.pdf"
fi
finish
