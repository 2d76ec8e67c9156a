// SPDX-License-Identifier: Apache-2.0
// check.mjs - checks a website written by `styrrapport html` in a real browser: Debian's
// Chromium, driven by puppeteer-core (nothing here downloads a browser), with axe-core.
//
// Usage: node check.mjs SITE_DIR [SHOTS_DIR] [options]
//   --pdf-text FILE   pdftotext of the PDF: every number (as a multiset) and every status
//                     word in it must also be in the site's text
//   --dnr TEXT        the diarienummer: on every page
//   --forslag         a proposal: "FÖRSLAG" on every page (without it: on no page)
//   --expect-scroll   at least one wide table must scroll inside its .tabell box at 360 px
//   --goal-page FILE  the goal page to photograph (default: the first NN-*.html with a
//                     status marker in its first heading's section)
//   --chromium PATH   the browser (default $CHROMIUM or /usr/bin/chromium)
//   --only FILE       load only this page (repeatable; the harness's own tests): links to
//                     the others are checked as files, their anchors not
// For every page (*.html in SITE_DIR), over file://:
//   - axe-core with the tags wcag2a, wcag2aa, wcag21a, wcag21aa at 1280 px and at 360 px:
//     any violation fails;
//   - lang="sv", a viewport meta with width=device-width, a link to the PDF;
//   - at 360 px the page does not scroll sideways and no element outside a .tabell box
//     sticks out; every table wider than the screen is in a .tabell box that really
//     scrolls (scrollLeft moves);
//   - no request leaves the site folder (request interception: anything else is aborted
//     and reported);
//   - every internal link and anchor resolves (files and ids).
// Screenshots at 360 and 1280 px of sammanfattning.html and the goal page go to SHOTS_DIR.
// Prints every problem (in Swedish, like the other tests) and ends with
// "N passed, N failed"; the exit code is 1 when anything failed, 2 on wrong usage.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import puppeteer from 'puppeteer-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
export const STATUS_WORDS = ['Uppfyllt', 'Delvis uppfyllt', 'Ej uppfyllt', 'Ej bedömt'];

function usage(msg) {
	console.error(`check.mjs: ${msg}\nAnvändning: node check.mjs MAPP [BILDMAPP] [--pdf-text FIL] [--dnr TEXT] [--forslag] [--expect-scroll] [--goal-page FIL] [--chromium PROGRAM]`);
	process.exit(2);
}

function parseArgs(argv) {
	const o = { pos: [], forslag: false, expectScroll: false, only: [] };
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		const val = () => { if (i + 1 >= argv.length) usage(`${a} behöver ett värde`); return argv[++i]; };
		if (a === '--pdf-text') o.pdfText = val();
		else if (a === '--dnr') o.dnr = val();
		else if (a === '--forslag') o.forslag = true;
		else if (a === '--expect-scroll') o.expectScroll = true;
		else if (a === '--goal-page') o.goalPage = val();
		else if (a === '--chromium') o.chromium = val();
		else if (a === '--only') o.only.push(val());
		else if (a.startsWith('--')) usage(`okänd flagga ${a}`);
		else o.pos.push(a);
	}
	if (o.pos.length < 1 || o.pos.length > 2) usage('fel antal argument');
	return o;
}

// ---- numbers: the tokens a report prints ("1 234,5", "−2,1", "98,4 %", "2024")
const SP = '[ \\u00a0\\u202f]';
const NUM_RE = new RegExp(`(?<![\\p{L}\\p{N},.])[−-]?(?:\\d{1,3}(?:${SP}\\d{3})+|\\d+)(?:,\\d+)?(?:${SP}?%)?(?![\\p{N}])`, 'gu');
export function normalise(s) {
	return s.replace(/[\s\u00a0\u202f\u00ad]+/gu, ' ').replace(/\u00ad/g, '');
}
// tokens of one piece of text (a line of the PDF, a text node of a page); the minus
// sign is normalised (U+2212 and - are the same token), spaces inside a number too.
export function numberTokens(text) {
	const out = [];
	for (const m of normalise(text).matchAll(NUM_RE)) out.push(m[0].replace(/^-/, '−').replace(/ /g, ' '));
	return out;
}
function bag(tokens) {
	const m = new Map();
	for (const t of tokens) m.set(t, (m.get(t) || 0) + 1);
	return m;
}
function take(m, t) {
	const n = m.get(t) || 0;
	if (n === 0) return false;
	m.set(t, n - 1);
	return true;
}

// The PDF's text without its page furniture: the table-of-contents pages (dot leaders)
// and the running header and footer lines (a line that, with its digits masked, comes
// back on at least half the pages, e.g. "Sida 3 av 9").
export function pdfContentLines(text) {
	const pages = text.split('\f').map((p) => p.split('\n').map((l) => normalise(l).trim()).filter(Boolean));
	const real = pages.filter((p) => p.length > 0);
	const count = new Map();
	for (const p of real) {
		const seen = new Set(p.map((l) => l.replace(/\d+/g, '#')));
		for (const k of seen) count.set(k, (count.get(k) || 0) + 1);
	}
	const furniture = new Set([...count].filter(([, n]) => real.length >= 3 && n >= real.length / 2).map(([k]) => k));
	const lines = [];
	for (const p of real) {
		if (p.some((l) => /\.{8,}/.test(l))) continue;     // a TOC page
		for (const l of p) {
			if (furniture.has(l.replace(/\d+/g, '#'))) continue;
			// a number that the PDF broke at its thousands space ("per 1" / "000 invånare",
			// a plain space in the document's own text) is one number
			if (lines.length && /\p{L},? \d{1,3}$/u.test(lines[lines.length - 1]) && /^\d{3}(?!\d)(?![ ,]\d)/.test(l)) lines[lines.length - 1] += ' ' + l;
			else lines.push(l);
		}
	}
	return lines;
}

// compareNumbers(pdfLines, siteTexts) -> list of tokens of the PDF not found in the site.
// A PDF token that is not in the site as a whole may be two numbers of adjacent table
// cells that pdftotext put on one line ("5 120"): then each of its space-separated
// parts must be found.
//
// Formatted numbers (a decimal comma, a thousands group, a minus sign or %) are compared
// as a multiset: each as often in the site as in the PDF. Plain integers (years, days,
// counts) only as a set: the PDF repeats a table's header row ("2023-12-31", "2024") on
// every page the table continues on, the site has it once.
export function compareNumbers(pdfLines, siteTexts) {
	const all = siteTexts.flatMap(numberTokens);
	const site = bag(all);
	const plain = new Set(all);
	const missing = [];
	for (const line of pdfLines) {
		for (const t of numberTokens(line)) {
			if (/^\d+$/.test(t) ? plain.has(t) : take(site, t)) continue;
			const parts = t.replace(/ %$/, '\u0000%').split(' ').map((p) => p.replace('\u0000', ' '));
			if (parts.length > 1 && parts.every((p) => (/^\d+$/.test(p) ? plain.has(p) : take(site, p)))) continue;
			// pdftotext joins a word broken after a hyphen at a line's end ("2024-" +
			// "06-17" gives "202406-17"): a plain integer may be two of the site's
			if (/^\d+$/.test(t) && [...t].some((_, i) => i > 0 && plain.has(t.slice(0, i)) && plain.has(t.slice(i)))) continue;
			missing.push(`${t}  (PDF: "${line.slice(0, 80)}")`);
		}
	}
	return missing;
}

function statusWordsIn(text) {
	const t = normalise(text);
	return STATUS_WORDS.filter((w) => new RegExp(`(?<!\\p{L})${w}(?!\\p{L})`, 'iu').test(t));
}

// ---- the browser
async function run(argv, browser) {
	const o = parseArgs(argv);
	const site = fs.realpathSync(o.pos[0]);
	const shots = o.pos[1];
	const all = fs.readdirSync(site).filter((f) => f.endsWith('.html')).sort();
	const pages = o.only.length ? all.filter((f) => o.only.includes(f)) : all;
	let pass = 0, fail = 0;
	const ok = () => { pass++; };
	const bad = (msg) => { fail++; console.log(`FEL: ${msg}`); };
	const check = (cond, msg) => (cond ? ok() : bad(msg));
	if (pages.length === 0) { bad(`${site}: inga sidor (*.html)`); return finish(pass, fail); }
	if (shots) fs.mkdirSync(shots, { recursive: true });
	const ids = new Map();       // page file -> Set of ids
	const links = [];            // { from, file, frag, href }
	const texts = [];            // text nodes of every page
	let scrolled = 0, wide = 0;
	try {
		for (const file of pages) {
			const r = await checkPage(browser, site, file, o, { ok, bad, check });
			ids.set(file, r.ids);
			links.push(...r.links);
			texts.push(...r.texts);
			scrolled += r.scrolled; wide += r.wide;
		}
		// ---- internal links and anchors
		for (const l of links) {
			if (!fs.existsSync(l.file)) { bad(`${l.from}: länken ${l.href} leder till en fil som inte finns`); continue; }
			ok();
			if (l.frag) {
				const rel = path.relative(site, l.file);
				const set = ids.get(rel);
				if (set === undefined) { if (!o.only.length && !rel.startsWith('..') && rel.endsWith('.html')) bad(`${l.from}: ${l.href}: sidan laddades inte`); continue; }
				check(set.has(l.frag), `${l.from}: länken ${l.href}: ingen id="${l.frag}" på ${rel}`);
			}
		}
		console.log(`check.mjs: ${pages.length} sidor, ${links.length} interna länkar, ${wide} breda tabeller (360 px), ${scrolled} rullar i sin ruta`);
		if (o.expectScroll) check(scrolled > 0, 'ingen tabell rullar i sin .tabell-ruta vid 360 px (väntade minst en)');
		// ---- numbers and statuses of the PDF
		if (o.pdfText) {
			const lines = pdfContentLines(fs.readFileSync(o.pdfText, 'utf8'));
			const missing = compareNumbers(lines, texts);
			const nTok = lines.flatMap(numberTokens).length;
			if (missing.length === 0) ok();
			else {
				bad(`${missing.length} av PDF:ens ${nTok} tal finns inte (lika många gånger) i webbplatsens text:`);
				for (const m of missing.slice(0, 25)) console.log(`  | ${m}`);
			}
			const siteWords = new Set(statusWordsIn(texts.join('\n')));
			for (const w of statusWordsIn(lines.join('\n'))) check(siteWords.has(w), `statusordet "${w}" finns i PDF:en men inte på webbplatsen`);
			console.log(`check.mjs: ${nTok} tal i PDF:ens text jämförda`);
		}
		// ---- screenshots
		if (shots) {
			const goal = o.goalPage || await findGoalPage(browser, site, all);
			for (const [file, name] of [['sammanfattning.html', 'sammanfattning'], [goal, 'malsida']]) {
				if (!file || !all.includes(file)) { bad(`ingen sida att fotografera för ${name} (${file || 'ingen målsida hittad'})`); continue; }
				for (const w of [360, 1280]) await shoot(browser, site, file, w, path.join(shots, `${name}-${w}.png`));
				ok();
				console.log(`check.mjs: bilder av ${file}: ${name}-360.png, ${name}-1280.png`);
			}
		}
	} finally {
		for (const t of tabs.values()) t.onOutside = () => {};
	}
	return finish(pass, fail);
}

function finish(pass, fail) {
	console.log(`${pass} passed, ${fail} failed`);
	return fail === 0 ? 0 : 1;
}

async function launch(argv) {
	const i = argv.indexOf('--chromium');
	return puppeteer.launch({
		executablePath: (i >= 0 && argv[i + 1]) || process.env.CHROMIUM || '/usr/bin/chromium',
		headless: true,
		protocolTimeout: 600000,   // a loaded 2-core machine: a large page may take minutes
		// root in a container has no user namespaces for Chromium's sandbox; the pages
		// are the project's own files
		args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--no-default-browser-check',
			'--disable-background-networking', '--disable-component-update', '--disable-sync',
			'--disable-domain-reliability', '--disable-features=Translate,MediaRouter,OptimizationHints',
			'--font-render-hinting=none'],
	});
}

// `check.mjs --batch FILE`: FILE is a JSON array of {"name": N, "args": [...]}, each run
// like a call of its own but in one browser (the harness's own tests: a browser start
// costs seconds). Prints "== N" before and "== N: RC" after each.
async function main() {
	const argv = process.argv.slice(2);
	if (argv[0] === '--batch') {
		if (argv.length !== 2) usage('--batch FIL');
		const jobs = JSON.parse(fs.readFileSync(argv[1], 'utf8'));
		const browser = await launch([]);
		let worst = 0;
		try {
			for (const j of jobs) {
				console.log(`== ${j.name}`);
				const rc = await run(j.args, browser);
				console.log(`== ${j.name}: ${rc}`);
				worst = Math.max(worst, rc);
			}
		} finally { await browser.close(); }
		return worst;
	}
	parseArgs(argv);
	const browser = await launch(argv);
	try { return await run(argv, browser); } finally { await browser.close(); }
}

// One tab per width, reused page after page (a new tab costs a second); the request
// handler reports to whatever the current page's onOutside is.
const tabs = new Map();
async function openPage(browser, site, file, width, onOutside) {
	let tab = tabs.get(width);
	if (!tab) {
		const page = await browser.newPage();
		await page.setViewport({ width, height: width < 600 ? 740 : 900, deviceScaleFactor: 1 });
		await page.setRequestInterception(true);
		tab = { page, onOutside, site };
		page.on('request', (req) => {
			const u = req.url();
			let inside = false;
			if (u.startsWith('data:') || u === 'about:blank') inside = true;
			else if (u.startsWith('file:')) {
				const p = fileURLToPath(u.split('#')[0]);
				inside = p === tab.site || p.startsWith(tab.site + path.sep);
			}
			if (inside) req.continue();
			else { tab.onOutside(u); req.abort('blockedbyclient'); }
		});
		tabs.set(width, tab);
	}
	tab.onOutside = onOutside;
	tab.site = site;
	await tab.page.goto('about:blank');
	await tab.page.goto(pathToFileURL(path.join(site, file)).href, { waitUntil: 'load' });
	await tab.page.evaluate(() => document.fonts.ready.then(() => true));
	return tab.page;
}

async function runAxe(page) {
	await page.addScriptTag({ content: AXE_SOURCE });
	return page.evaluate(async (tags) => {
		const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
		return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ').slice(0, 200)}`), n: v.nodes.length }));
	}, AXE_TAGS);
}

async function checkPage(browser, site, file, o, { ok, bad, check }) {
	const outside = new Set();
	const onOutside = (u) => outside.add(u);
	const res = { ids: new Set(), links: [], texts: [], scrolled: 0, wide: 0 };

	// ---- 1280 px: axe, the page's facts, links, text
	let page = await openPage(browser, site, file, 1280, onOutside);
	let v = await runAxe(page);
	reportAxe(file, 1280, v, ok, bad);
	const facts = await page.evaluate(() => {
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
			acceptNode: (n) => (n.parentElement && n.parentElement.closest('script,style') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
		});
		const texts = [];
		for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.nodeValue.trim()) texts.push(n.nodeValue);
		const vp = document.querySelector('meta[name="viewport"]');
		return {
			lang: document.documentElement.getAttribute('lang'),
			viewport: vp ? vp.getAttribute('content') : null,
			ids: [...document.querySelectorAll('[id]')].map((e) => e.id),
			hrefs: [...document.querySelectorAll('a[href], area[href]')].map((a) => [a.getAttribute('href'), a.href]),
			pdfLinks: [...document.querySelectorAll('a[href]')].filter((a) => /\.pdf(#.*)?$/i.test(a.getAttribute('href'))).length,
			text: document.body.innerText,
			texts,
		};
	});
	check(facts.lang === 'sv', `${file}: <html lang="sv"> saknas (lang=${JSON.stringify(facts.lang)})`);
	check(facts.viewport && /width=device-width/.test(facts.viewport), `${file}: <meta name="viewport" content="width=device-width, …"> saknas`);
	check(facts.pdfLinks > 0, `${file}: ingen länk till PDF:en`);
	if (o.dnr) check(normalise(facts.text).includes(normalise(o.dnr)), `${file}: diarienumret "${o.dnr}" står inte på sidan`);
	const forslag = /FÖRSLAG/.test(facts.text);
	check(forslag === o.forslag, o.forslag ? `${file}: FÖRSLAG saknas på ett förslag` : `${file}: FÖRSLAG på en beslutad rapport`);
	res.ids = new Set(facts.ids);
	res.texts = facts.texts;
	const dupes = facts.ids.filter((id, i) => facts.ids.indexOf(id) !== i);
	check(dupes.length === 0, `${file}: id förekommer flera gånger: ${[...new Set(dupes)].join(', ')}`);
	for (const [raw, abs] of facts.hrefs) {
		if (!abs.startsWith('file:')) continue;            // http(s), mailto: a link, not a request
		const [u, frag] = abs.split('#');
		res.links.push({ from: file, href: raw, file: fileURLToPath(u), frag: frag ? decodeURIComponent(frag) : '' });
	}

	// ---- 360 px: axe again (the narrow layout), reflow, the tables' boxes
	page = await openPage(browser, site, file, 360, onOutside);
	v = await runAxe(page);
	reportAxe(file, 360, v, ok, bad);
	const flow = await page.evaluate(() => {
		const de = document.documentElement;
		const W = window.innerWidth;
		const out = { scrollWidth: de.scrollWidth, innerWidth: W, sticking: [], tables: [] };
		const ovx = [getComputedStyle(de).overflowX, getComputedStyle(document.body).overflowX];
		out.hiddenOverflow = ovx.some((x) => x === 'hidden' || x === 'clip');
		for (const el of document.body.querySelectorAll('*')) {
			if (el.closest('.tabell') && !el.classList.contains('tabell')) continue;
			const r = el.getBoundingClientRect();
			if (r.width === 0 || r.height === 0) continue;
			const cs = getComputedStyle(el);
			if (cs.visibility === 'hidden' || (cs.position === 'absolute' && r.bottom < 0)) continue;
			if (r.right > W + 0.5 || r.left < -0.5) out.sticking.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className && typeof el.className === 'string' ? '.' + el.className.split(' ').join('.') : ''} (${Math.round(r.left)}–${Math.round(r.right)} px)`);
		}
		for (const t of document.querySelectorAll('table')) {
			const box = t.closest('.tabell');
			const tw = t.getBoundingClientRect().width;
			const avail = box ? box.clientWidth : t.parentElement.clientWidth;
			const info = { caption: (t.caption ? t.caption.textContent : '').trim().slice(0, 60), width: Math.round(tw), avail, inBox: !!box, scrolls: false, focusable: false, labelled: false };
			if (box) {
				info.focusable = box.getAttribute('tabindex') === '0';
				info.labelled = box.getAttribute('role') === 'region' && !!(box.getAttribute('aria-label') || box.getAttribute('aria-labelledby'));
				if (box.scrollWidth > box.clientWidth) {
					const before = box.scrollLeft;
					box.scrollLeft = 40;
					info.scrolls = box.scrollLeft > before;
					box.scrollLeft = before;
				}
			}
			out.tables.push(info);
		}
		return out;
	});
	check(flow.scrollWidth <= flow.innerWidth, `${file}: sidan rullar i sidled vid 360 px (scrollWidth ${flow.scrollWidth} > ${flow.innerWidth})`);
	check(!flow.hiddenOverflow, `${file}: html/body har overflow-x: hidden (döljer det som sticker ut)`);
	if (flow.sticking.length) bad(`${file}: ${flow.sticking.length} element sticker ut vid 360 px: ${flow.sticking.slice(0, 5).join('; ')}`);
	else ok();
	for (const t of flow.tables) {
		if (t.width <= t.avail + 0.5) continue;
		res.wide++;
		if (!t.inBox) { bad(`${file}: tabellen "${t.caption}" (${t.width} px) är bredare än skärmen men ligger inte i en .tabell-ruta`); continue; }
		check(t.scrolls, `${file}: tabellen "${t.caption}" (${t.width} px i ${t.avail} px) rullar inte i sin .tabell-ruta`);
		check(t.focusable && t.labelled, `${file}: .tabell-rutan för "${t.caption}" behöver tabindex="0", role="region" och aria-label`);
		if (t.scrolls) res.scrolled++;
	}
	if (outside.size) bad(`${file}: förfrågningar utanför webbplatsens mapp: ${[...outside].slice(0, 5).join(', ')}`);
	else ok();
	return res;
}

function reportAxe(file, width, violations, ok, bad) {
	if (violations.length === 0) { ok(); return; }
	bad(`${file} (${width} px): axe-core: ${violations.length} WCAG 2.1 A/AA-brott`);
	for (const v of violations) {
		console.log(`  | ${v.id} (${v.impact}, ${v.n} st): ${v.help}`);
		for (const n of v.nodes) console.log(`  |   ${n}`);
	}
}

// the first chapter page whose main has a status marker
async function findGoalPage(browser, site, pages) {
	for (const f of pages.filter((p) => /^\d+-/.test(p))) {
		const html = fs.readFileSync(path.join(site, f), 'utf8');
		if (/class="(markor|[^"]*\bstatus-)/.test(html)) return f;
	}
	return null;
}

async function shoot(browser, site, file, width, out) {
	const page = await openPage(browser, site, file, width, () => {});
	const h = await page.evaluate(() => document.documentElement.scrollHeight);
	const vp = page.viewport();
	// the top of the page, at most 3200 (phone) or 2400 px (desktop) tall: a viewport that
	// tall, photographed as it is (cheaper than a clip beyond the viewport)
	await page.setViewport({ ...vp, height: Math.min(h, width < 600 ? 3200 : 2400) });
	await page.screenshot({ path: out, captureBeyondViewport: false });
	await page.setViewport(vp);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === fs.realpathSync(process.argv[1])) {
	main().then((rc) => { process.exitCode = rc; }, (e) => { console.error(`check.mjs: ${e.stack || e}`); process.exitCode = 3; });
}
