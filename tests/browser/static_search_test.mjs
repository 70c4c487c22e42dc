// Search on plain static hosting, in a real browser.
//
// Builds the shipped content, serves the site with nginx as plain files
// (no search service), and drives Debian's Chromium, headless, through the
// search page: the in-browser engine must answer exactly what
// `kbgen search --json` answers, show results with marks in English,
// Arabic and Chinese, fetch little after the first query, and fail
// politely where the host ignores range requests.
//
//   node static_search_test.mjs --kbgen BUILD/kbgen --content DIR [--chromium PATH]
// Prints one line per check and "N passed, M failed"; exits 1 on failure.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { startStaticHost } from './static_host.mjs';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) => {
  if (a.startsWith('--')) pairs.push([a.slice(2), all[i + 1]]);
  return pairs;
}, []));
const kbgen = args.kbgen;
const chromium = args.chromium || '/usr/bin/chromium';
let passed = 0;
let failed = 0;

function check(name, ok, detail) {
  if (ok) {
    passed += 1;
    console.log('ok   ' + name);
  } else {
    failed += 1;
    console.log('FAIL ' + name + (detail ? '\n     ' + detail : ''));
  }
}

// The CLI's answer for the same request.
function cliSearch(site, { q, lang, page, limit, filters = [] }) {
  const argv = ['search', '--site', site, '--json', '--lang', lang];
  if (page) argv.push('--page', String(page));
  if (limit) argv.push('--limit', String(limit));
  for (const [k, v] of filters) argv.push('--filter', `${k}=${v}`);
  argv.push('--', q);
  return JSON.parse(execFileSync(kbgen, argv, { encoding: 'utf8' }));
}

// Requests covering the six languages, phrases, boolean syntax, filters,
// paging, Chinese without spaces and Arabic with and without marks.
const kSameAnswers = [
  { q: 'innovation ecosystem', lang: 'en' },
  { q: '"digital transformation"', lang: 'en' },
  { q: 'startup OR incubator', lang: 'en', limit: 5, page: 2 },
  { q: 'innovation NOT africa', lang: 'en', filters: [['region', 'Europe']] },
  { q: 'الابتكار الرقمي', lang: 'ar' },
  { q: 'الإبتكار', lang: 'ar' },
  { q: '创新生态系统', lang: 'zh' },
  { q: '数字化转型', lang: 'zh' },
  { q: 'écosystème innovation', lang: 'fr' },
  { q: 'ecosistema de innovación', lang: 'es' },
  { q: 'инновационная экосистема', lang: 'ru' },
  { q: 'innovation', lang: 'all' },
];

async function main() {
  const work = mkdtempSync(join(tmpdir(), 'kbgen-static-search-'));
  const site = join(work, 'site');
  execFileSync(kbgen, ['build', '--content', args.content, '--out', site, '--quiet',
                       ...(args.config ? ['--config', args.config] : [])],
               { stdio: ['ignore', 'inherit', 'inherit'], cwd: args.root || process.cwd() });
  const host = await startStaticHost(site);
  const noRanges = await startStaticHost(site, { ranges: false });
  const browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync'],
    userDataDir: join(work, 'profile'),
  });
  try {
    const page = await browser.newPage();
    const consoleErrors = [];
    // The search page first asks for the search service, which a static
    // host answers with 404: expected, and not an error of the page.
    page.on('console', (m) => {
      const where = (m.location() && m.location().url) || '';
      if (m.type() === 'error' && !/\/api\/search|favicon/.test(where)) {
        consoleErrors.push(m.text() + ' ' + where);
      }
    });

    // --- the search page, as a reader uses it ---
    for (const [lang, q] of [['en', 'innovation ecosystem'], ['ar', 'الابتكار'], ['zh', '创新']]) {
      await page.goto(`${host.url}/${lang}/search/?q=${encodeURIComponent(q)}`);
      await page.waitForSelector('#kb-search-results li, #kb-search-status:not(:empty)',
                                 { timeout: 30000 });
      const shown = await page.evaluate(() => ({
        results: document.querySelectorAll('#kb-search-results li').length,
        marks: document.querySelectorAll('#kb-search-results mark').length,
        dir: document.documentElement.dir,
        status: document.getElementById('kb-search-status').textContent,
      }));
      check(`${lang} search page lists results`, shown.results > 0, JSON.stringify(shown));
      check(`${lang} results have marked words`, shown.marks > 0, JSON.stringify(shown));
      if (lang === 'ar') check('ar page is right-to-left', shown.dir === 'rtl', shown.dir);
    }
    check('no errors in the console under the CSP', consoleErrors.length === 0,
          consoleErrors.join(' | '));

    // --- the same answers as kbgen search ---
    const costs = [];
    for (const request of kSameAnswers) {
      const inBrowser = await page.evaluate((r) => window.kbSearchEngine.search(r).then(
          (body) => ({ body, stats: window.kbSearchEngine.last }),
          (e) => ({ error: e.kind + ': ' + e.message })), request);
      const expected = cliSearch(site, request);
      const name = `same answer: ${request.lang} ${request.q}`;
      if (inBrowser.error) {
        check(name, false, inBrowser.error);
        continue;
      }
      const got = JSON.stringify(inBrowser.body);
      const want = JSON.stringify(expected);
      check(name, got === want && expected.results.length > 0,
            got === want ? 'no results' : `browser ${got.slice(0, 300)}\n     cli     ${want.slice(0, 300)}`);
      costs.push({ request, stats: inBrowser.stats });
    }
    for (const { request, stats } of costs) {
      console.log(`     ${request.lang} ${JSON.stringify(request.q)}: ${stats.requests} requests, ` +
                  `${stats.bytes} bytes, ${stats.ms.toFixed(1)} ms in the engine`);
    }
    // The first query in a language also reads that database's head and
    // the pages' first blocks; the later ones read little more than their
    // terms' postings and their hits.
    const seen = new Set();
    let worst = 0;
    for (const { request, stats } of costs) {
      const langs = request.lang === 'all' ? ['ar', 'en', 'es', 'fr', 'ru', 'zh'] : [request.lang];
      if (langs.every((l) => seen.has(l))) worst = Math.max(worst, stats.bytes);
      langs.forEach((l) => seen.add(l));
    }
    check('a query in a language already searched fetches at most 100 KB', worst <= 100 * 1024,
          `${worst} bytes`);

    // --- a host that ignores range requests: a polite failure ---
    await page.goto(`${noRanges.url}/en/search/?q=innovation`);
    await page.waitForSelector('#kb-search-status:not(:empty)', { timeout: 30000 });
    const polite = await page.evaluate(() => ({
      status: document.getElementById('kb-search-status').textContent.trim(),
      results: document.querySelectorAll('#kb-search-results li').length,
    }));
    check('without range support the page says search is unavailable',
          polite.results === 0 && polite.status.length > 0, JSON.stringify(polite));
    const kind = await page.evaluate(() => window.kbSearchEngine.search({ q: 'innovation', lang: 'en' })
      .then(() => 'answered', (e) => e.kind));
    check('without range support the engine reports "unavailable"', kind === 'unavailable', kind);
  } finally {
    await browser.close();
    host.stop();
    noRanges.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e) => {
  failed += 1;
  console.log('FAIL ' + (e.stack || e));
}).finally(() => {
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
});
