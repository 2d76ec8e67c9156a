#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# html_browser.sh - the website (`styrrapport html`, `render --html`) in a real browser.
# For every sample: the site is written with the PDF beside it, and
#   - tests/html/check.mjs loads every page in Debian's Chromium (puppeteer-core, nothing
#     downloads a browser): axe-core WCAG 2.1 A/AA, no sideways scrolling at 360 px while
#     the wide tables scroll in their boxes, no request outside the folder, every internal
#     link and anchor resolves, every number and status word of the PDF's text is in the
#     site's text, the diarienummer and the PDF link on every page, FÖRSLAG on every page
#     of a proposal; screenshots at 360 and 1280 px (SR_HTML_SHOTS=DIR keeps them there,
#     else SCRATCH/shots);
#   - tidy (HTML5) reports no error on any page.
# First the harness proves on the hand-written site tests/html/fixture that it passes it
# and fails on each kind of known violation (a test that cannot fail proves nothing).
# Needs: node (>= 18), chromium, tidy, pdftotext and `npm ci` in tests/html (the README's
# second command does it). SR_NODE and CHROMIUM override the programs. Without them the
# test fails, unless SR_BROWSER_TEST_OPTIONAL=1 (set by ctest when the build was
# configured with -DSTYRRAPPORT_BROWSER_TEST_OPTIONAL=ON, as the Debian package build
# is): then it exits 77 and ctest reports it skipped.
. "$(dirname "$0")/lib.sh"
HT=$(cd "$SRC/tests/html" && pwd)
NODE=${SR_NODE:-node}
export CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
export PUPPETEER_SKIP_DOWNLOAD=1
SHOTS=${SR_HTML_SHOTS:-$TMP/shots}
missing=""
command -v "$NODE" >/dev/null || missing="$missing nodejs"
[ -x "$CHROMIUM" ] || missing="$missing chromium"
command -v tidy >/dev/null || missing="$missing tidy"
command -v pdftotext >/dev/null || missing="$missing poppler-utils"
if [ ! -d "$HT/node_modules/puppeteer-core" ] || [ ! -d "$HT/node_modules/axe-core" ]; then
	missing="$missing tests/html/node_modules"
fi
# A package build (cmake -DSTYRRAPPORT_BROWSER_TEST_OPTIONAL=ON, as debian/rules does)
# has no browser and no npm: then the test is skipped (exit 77, ctest's
# SKIP_RETURN_CODE). Anywhere else what is missing is a failure.
if [ -n "$missing" ] && [ "${SR_BROWSER_TEST_OPTIONAL:-0}" = 1 ]; then
	echo "SKIP: webbläsartestet hoppas över, saknas:$missing (STYRRAPPORT_BROWSER_TEST_OPTIONAL=ON: ett paketbygge)"
	exit 77
fi
if [ -n "$missing" ]; then
	case $missing in *node_modules*) bad "tests/html/node_modules saknas: kör (cd tests/html && PUPPETEER_SKIP_DOWNLOAD=1 npm ci)" ;; esac
	pkgs=${missing/ tests\/html\/node_modules/}
	[ -n "$pkgs" ] && bad "saknas:$pkgs (apt-get install -y$pkgs)"
	finish; exit
fi

# tidy_site DIR: prints the tidy errors (exit 2) of every page; fails if there was one
# (warnings are allowed)
tidy_site() {
	local f rc n=0
	for f in "$1"/*.html; do
		tidy -q -e -utf8 "$f" >"$TMP/tidy.txt" 2>&1; rc=$?
		if [ "$rc" -ge 2 ]; then echo "  | tidy: fel i ${f#"$TMP"/}:"; grep -i 'error' "$TMP/tidy.txt" | head -5 | sed 's/^/  |   /'; n=$((n + 1)); fi
	done
	[ "$n" -eq 0 ]
}

# ---- 1. the harness on the fixture: passes the good site, fails each broken one
fixture() {   # fixture DIR: the hand-written site with the repo's CSS and fonts
	rm -rf "$1"; mkdir -p "$1/fonts"
	cp -r "$HT/fixture/." "$1/"
	cp "$SRC/html/styrrapport.css" "$1/"
	cp "$SRC"/fonts/*.ttf "$1/fonts/"
	: >"$1/sjovik-delarsrapport-2024.pdf"
}
FX=$TMP/fixture
fixture "$FX"
FXARGS=(--forslag --dnr "KS 2024/0456" --expect-scroll --pdf-text "$HT/fixture.pdf.txt")
if (cd "$HT" && "$NODE" check.mjs "$FX" "$TMP/fixture-shots" "${FXARGS[@]}") >"$TMP/fx.out" 2>&1; then ok
else bad "check.mjs underkänner den felfria testwebbplatsen"; sed 's/^/  | /' "$TMP/fx.out" | head -40; fi
for f in sammanfattning-360 sammanfattning-1280 malsida-360 malsida-1280; do
	check "fixture: screenshot $f.png" test -s "$TMP/fixture-shots/$f.png"
done
if tidy_site "$FX" >"$TMP/tidy-fx.txt"; then ok; else bad "tidy underkänner testwebbplatsen"; cat "$TMP/tidy-fx.txt"; fi

# broken NAME PAGE EXPECT SED-SCRIPT [ARGS...]: the fixture with SED-SCRIPT applied to
# PAGE must fail check.mjs (loading only PAGE) with a message containing EXPECT. The
# cases are collected and run in one browser (check.mjs --batch) at the end.
JOBS=(); EXPECT=()
json() { local s=${1//\\/\\\\}; s=${s//\"/\\\"}; printf '"%s"' "$s"; }
broken() {
	local name=$1 page=$2 expect=$3 script=$4; shift 4
	local d=$TMP/broken-$name a j
	fixture "$d"
	sed -i -e "$script" "$d/$page"
	if cmp -s "$d/$page" "$HT/fixture/$page"; then bad "broken $name: the edit changed nothing"; return; fi
	j="{\"name\": $(json "$name"), \"args\": [$(json "$d"), \"--only\", $(json "$page"), \"--forslag\", \"--dnr\", \"KS 2024/0456\""
	for a in "$@"; do j="$j, $(json "$a")"; done
	JOBS+=("$j]}"); EXPECT+=("$name	$expect")
}
broken lang sammanfattning.html 'html-has-lang' 's/<html lang="sv">/<html>/'
broken kontrast sammanfattning.html 'color-contrast' 's|<h2>Nyckeltal</h2>|<h2>Nyckeltal</h2><p style="color:#aaaaaa">Grå text</p>|'
broken alt 01-kommundirektoren-har-ordet.html 'image-alt' 's/ alt="Hamnen i Sjövik en sommarkväll"//'
broken rubrikcell 03-driftredovisning.html 'tabellen "Driftredovisning' 's/<div class="tabell" tabindex="0" role="region" aria-label="Driftredovisning per nämnd, mnkr">/<div>/'
broken bred 01-kommundirektoren-har-ordet.html 'sidan rullar i sidled' 's|<h1>Kommundirektören har ordet</h1>|<h1>Kommundirektören har ordet</h1><p style="width:500px">Bred</p>|'
broken sticker 01-kommundirektoren-har-ordet.html 'sticker ut' 's|<h1>Kommundirektören har ordet</h1>|<h1>Kommundirektören har ordet</h1><p style="width:500px">Bred</p>|; s|<body>|<body style="overflow-x:hidden">|'
broken rullar 03-driftredovisning.html 'rullar inte' 's/<div class="tabell" tabindex="0"/<div class="tabell" style="overflow:visible" tabindex="0"/'
broken extern 01-kommundirektoren-har-ordet.html 'förfrågningar utanför' 's|</figure>|</figure><img src="http://127.0.0.1:9/spar.png" alt="Spår">|'
broken stil index.html 'förfrågningar utanför' 's|<link rel="stylesheet" href="styrrapport.css">|<link rel="stylesheet" href="styrrapport.css"><link rel="stylesheet" href="http://127.0.0.1:9/typsnitt.css">|'
broken lank index.html 'ingen id="saknas"' 's|href="02-livslangt-larande.html#mal-m1"|href="#saknas"|'
broken fil index.html 'en fil som inte finns' 's|href="03-driftredovisning.html"|href="04-finns-inte.html"|'
broken dnr 03-driftredovisning.html 'diarienumret' 's|Dnr KS 2024/0456|Dnr KS 2024/0457|'
broken forslag 03-driftredovisning.html 'FÖRSLAG saknas' 's|<strong>FÖRSLAG</strong> – ej beslutat. Förslag till|Beslutad av|'
broken pdflank 03-driftredovisning.html 'ingen länk till PDF' 's|href="sjovik-delarsrapport-2024.pdf"|href="index.html"|'
# the numbers: a number of the PDF that the site lacks, and one the site has too few times
printf 'Avvikelse 4 711,0 mnkr\n' >"$TMP/tal.txt"
broken tal 03-driftredovisning.html '4 711,0' 's|−19,4|−19,5|' --pdf-text "$TMP/tal.txt"
printf 'Avvikelse −19,4 mnkr\nSumma −19,4\n' >"$TMP/tal2.txt"
broken tal2 03-driftredovisning.html 'lika många gånger' 's|<p>Nämndernas nettokostnader, mnkr.</p>|<p>Nämndernas nettokostnader.</p>|' --pdf-text "$TMP/tal2.txt"
printf 'Ej bedömt\n' >"$TMP/status.txt"
broken status 03-driftredovisning.html 'statusordet "Ej bedömt"' 's|mnkr.</p>|mnkr!</p>|' --pdf-text "$TMP/status.txt"
printf '%s\n' "[" "$(IFS=,; echo "${JOBS[*]}")" "]" >"$TMP/jobs.json"
(cd "$HT" && "$NODE" check.mjs --batch "$TMP/jobs.json") >"$TMP/broken.out" 2>&1
for e in "${EXPECT[@]}"; do
	name=${e%%	*}; expect=${e#*	}
	sed -n "/^== $name\$/,/^== $name: /p" "$TMP/broken.out" >"$TMP/$name.out"
	rc=$(sed -n "s/^== $name: //p" "$TMP/$name.out")
	if [ "$rc" = 1 ] && grep -qF -- "$expect" "$TMP/$name.out"; then ok
	else bad "check.mjs missar felet '$name' (slutstatus ${rc:-?}, väntade 1 och '$expect')"; sed 's/^/  | /' "$TMP/$name.out" | head -20; tail -5 "$TMP/broken.out"; fi
done
# tidy catches an error
TB=$TMP/broken-tidy; fixture "$TB"
sed -i 's|<h1>Innehåll|<foo>x</foo><h1>Innehåll|; s|<h1>Delårsrapport|<foo>x</foo><h1>Delårsrapport|' "$TB/index.html"
if tidy_site "$TB" >/dev/null; then bad "tidy missar ett okänt element"; else ok; fi

# ---- 2. every sample's site
for s in $(find "$SRC/samples" -name '*.xml' | sort); do
	grep -q '<rapport ' "$s" || continue        # nämnd contributions are not reports
	n=$(basename "$s" .xml)
	out=$TMP/$n
	mkdir -p "$out"
	expect_exit 0 "render $n --html" -- "$BIN" render "$s" -o "$out/$n.pdf" --html "$out/webb"
	[ -f "$out/webb/index.html" ] || { bad "$n: ingen webbplats (index.html)"; continue; }
	pdftotext -enc UTF-8 "$out/$n.pdf" "$out/$n.txt"
	dnr=$(grep -o '<diarienummer>[^<]*' "$s" | head -1 | sed 's/<diarienummer>//')
	args=(--pdf-text "$out/$n.txt" --dnr "$dnr")
	grep -q '<beslutsdatum>' "$s" || args+=(--forslag)
	case $n in sjovik-*|*arsredovisning*) args+=(--expect-scroll) ;; esac
	if (cd "$HT" && "$NODE" check.mjs "$out/webb" "$SHOTS/$n" "${args[@]}") >"$out/check.out" 2>&1; then ok
	else bad "$n: check.mjs"; grep -v '^check.mjs:' "$out/check.out" | sed 's/^/  | /' | head -60; fi
	grep '^check.mjs:' "$out/check.out" | sed "s/^check.mjs:/  $n:/"
	if tidy_site "$out/webb" >"$out/tidy.txt"; then ok; else bad "$n: tidy hittar fel"; head -30 "$out/tidy.txt"; fi
	for p in index.html sammanfattning.html styrrapport.css; do
		check "$n: $p finns" test -s "$out/webb/$p"
	done
done
finish
