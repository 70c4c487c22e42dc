// Search on static hosting, kbgen's in-browser engine beside Pagefind, in
// Debian's Chromium over nginx on loopback: per query, the requests and
// bytes fetched, the longest chain of requests that had to wait for one
// another (round trips), and the time to results.
//
//   node static_search_bench.mjs --kbgen-site DIR --pagefind-site DIR
//        [--queries FILE] [--chromium PATH]
// FILE has one "lang<TAB>query" per line; the queries run in order in one
// visit per tool, starting from an empty browser cache.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { startStaticHost } from '../tests/browser/static_host.mjs';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) => {
  if (a.startsWith('--')) pairs.push([a.slice(2), all[i + 1]]);
  return pairs;
}, []));

const kDefaultQueries = [
  ['en', 'innovation ecosystem'], ['en', 'startup funding'], ['en', 'digital transformation policy'],
  ['fr', 'écosystème numérique'], ['es', 'ecosistema de innovación'], ['ru', 'цифровая экономика'],
  ['ar', 'الابتكار الرقمي'], ['zh', '创新生态系统'],
];
const queries = args.queries
  ? readFileSync(args.queries, 'utf8').split('\n').filter(Boolean).map((l) => l.split('\t'))
  : kDefaultQueries;

// Every request of the page and of its workers, through the DevTools
// protocol: bytes on the wire (encodedDataLength) and start/end times.
async function recordNetwork(page) {
  const requests = new Map();
  const watch = async (client) => {
    await client.send('Network.enable');
    client.on('Network.requestWillBeSent', (e) => {
      requests.set(e.requestId, { url: e.request.url, start: e.timestamp, end: null, bytes: 0 });
    });
    client.on('Network.loadingFinished', (e) => {
      const r = requests.get(e.requestId);
      if (r) { r.end = e.timestamp; r.bytes = e.encodedDataLength; }
    });
  };
  await watch(await page.createCDPSession());
  page.on('workercreated', (worker) => { watch(worker.client).catch(() => {}); });
  return {
    // The finished requests not taken yet.
    take() {
      const list = [...requests.values()].filter((r) => r.end !== null && !r.taken);
      list.forEach((r) => { r.taken = true; });
      return list;
    },
  };
}

// The longest chain of requests each of which started after the one
// before it had finished: the round trips a reader waits for.
function roundTrips(list) {
  const sorted = [...list].sort((a, b) => a.start - b.start);
  const chain = sorted.map(() => 1);
  for (let i = 0; i < sorted.length; ++i) {
    for (let j = 0; j < i; ++j) {
      if (sorted[j].end <= sorted[i].start) chain[i] = Math.max(chain[i], chain[j] + 1);
    }
  }
  return chain.length ? Math.max(...chain) : 0;
}

// One visit: the queries in order, each from a page in its language
// (`pageFor(lang)`; the page is loaded only when the language changes).
async function measure(browser, name, pageFor, setup, run) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const net = await recordNetwork(page);
  let loaded = null;
  const rows = [];
  for (const [lang, q] of queries) {
    if (pageFor(lang) !== loaded) {
      loaded = pageFor(lang);
      await page.goto(loaded, { waitUntil: 'load' });
      await page.evaluate(setup);
      await new Promise((r) => setTimeout(r, 100));
      net.take();  // the page itself is not the query's cost
    }
    const result = await page.evaluate(run, lang, q);
    await new Promise((r) => setTimeout(r, 100));  // late loadingFinished events
    const list = net.take();
    rows.push({
      lang, q, results: result.count, ms: result.ms,
      requests: list.length, bytes: list.reduce((s, r) => s + r.bytes, 0), trips: roundTrips(list),
    });
  }
  await context.close();
  console.log(`\n${name}`);
  console.log('lang  query                            results  requests    bytes  round trips  ms to results');
  for (const r of rows) {
    console.log(`${r.lang.padEnd(5)} ${r.q.padEnd(32)} ${String(r.results).padStart(7)} ` +
                `${String(r.requests).padStart(9)} ${String(r.bytes).padStart(8)} ` +
                `${String(r.trips).padStart(12)} ${r.ms.toFixed(0).padStart(14)}`);
  }
  const later = rows.slice(1);
  console.log(`first query: ${rows[0].bytes} bytes in ${rows[0].requests} requests, ` +
              `${rows[0].trips} round trips; later queries: at most ` +
              `${Math.max(...later.map((r) => r.bytes))} bytes and ` +
              `${Math.max(...later.map((r) => r.trips))} round trips`);
  return rows;
}

async function main() {
  const profile = mkdtempSync(join(tmpdir(), 'kbgen-bench-profile-'));
  const kb = await startStaticHost(args['kbgen-site']);
  const pf = args['pagefind-site'] ? await startStaticHost(args['pagefind-site']) : null;
  const browser = await puppeteer.launch({
    executablePath: args.chromium || '/usr/bin/chromium', headless: true, userDataDir: profile,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync'],
  });
  try {
    console.log(`Chromium ${await browser.version()}, nginx on loopback, empty cache at the start`);
    await measure(browser, 'kbgen (in-browser engine)', () => `${kb.url}/en/search/`, () => {},
      async (lang, q) => {
        const t = performance.now();
        const body = await window.kbSearchEngine.search({ q, lang });
        return { count: body.results.length, ms: performance.now() - t };
      });
    if (pf) {
      // Pagefind searches the index of the page's language.
      await measure(browser, 'Pagefind', (lang) => `${pf.url}/${lang}/`, async () => {
        window.pagefindModule = await import('/pagefind/pagefind.js');
      }, async (lang, q) => {
        const t = performance.now();
        const search = await window.pagefindModule.search(q);
        const data = await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
        return { count: data.length, ms: performance.now() - t };
      });
    }
  } finally {
    await browser.close();
    kb.stop();
    if (pf) pf.stop();
    rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((e) => { console.error(e); process.exitCode = 1; });
