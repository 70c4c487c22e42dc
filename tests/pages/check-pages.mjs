// Checks a built site as readers and their tools meet it, and prints the
// figures: Lighthouse (accessibility, best practices, SEO, and the layout
// shift), axe-core, the Nu HTML checker and a link checker.
//
//   node check-pages.mjs --site DIR --url http://127.0.0.1:PORT/ [--quick]
//       [--only lighthouse,axe,vnu,links]
//
// The site must be served at --url (scripts/check-pages starts `kbgen serve`).
// Lighthouse and axe look at the home page, a toolkit page and a taxonomy
// term page in English, Arabic and Chinese, as a phone and as a desktop;
// the Nu checker and the link checker read every HTML file of the site.
// --quick: axe on the pages at both widths, the Nu checker on those pages
// only, and the link checker; no Lighthouse (for the test suite).
// Exit status 0 when every goal is met (Lighthouse >= 98 in each category,
// 0 axe violations, 0 Nu errors, 0 broken links), 1 otherwise, 2 on a
// usage or tool error.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const chromePath = process.env.CHROME_PATH || '/usr/bin/chromium';
const chromeFlags = ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// Home, a toolkit page and a taxonomy term page, per language.
const LANGS = ['en', 'ar', 'zh'];
const PAGES = ['', 'toolkit/mapping-an-ecosystem/', 'region/europe/'];
const GOAL_LIGHTHOUSE = 98;

function parseArgs(argv) {
  const args = { only: new Set(['lighthouse', 'axe', 'vnu', 'links']) };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--site') args.site = argv[++i];
    else if (a === '--url') args.url = argv[++i];
    else if (a === '--quick') args.quick = true;
    else if (a === '--only') args.only = new Set(argv[++i].split(','));
    else throw new Error(`unknown argument ${a}`);
  }
  if (!args.site || !args.url) throw new Error('usage: check-pages.mjs --site DIR --url URL [--quick]');
  if (!args.url.endsWith('/')) args.url += '/';
  if (args.quick) args.only.delete('lighthouse');
  return args;
}

function pageUrls(base) {
  const out = [];
  for (const lang of LANGS) for (const p of PAGES) out.push(`${base}${lang}/${p}`);
  return out;
}

function htmlFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.html')) out.push(p);
    }
  };
  walk(dir);
  return out;
}

// ---- Lighthouse ----

async function runLighthouse(urls) {
  const { default: lighthouse } = await import('lighthouse');
  const { default: desktopConfig } = await import('lighthouse/core/config/desktop-config.js');
  const chromeLauncher = await import('chrome-launcher');
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags });
  const rows = [];
  try {
    for (const form of ['mobile', 'desktop']) {
      for (const url of urls) {
        const flags = { port: chrome.port, logLevel: 'error', output: 'json',
          onlyCategories: ['accessibility', 'best-practices', 'seo', 'performance'] };
        const config = form === 'desktop' ? desktopConfig : undefined;
        const result = await lighthouse(url, flags, config);
        const lhr = result.lhr;
        const score = (c) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
        const failed = Object.values(lhr.audits)
          .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary')
          .map((a) => a.id);
        rows.push({ form, url, a11y: score('accessibility'), bp: score('best-practices'),
          seo: score('seo'), cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN,
          failed });
      }
    }
  } finally {
    await chrome.kill();
  }
  return rows;
}

// ---- axe-core ----

async function runAxe(urls) {
  const puppeteer = (await import('puppeteer-core')).default;
  const axeSource = fs.readFileSync(path.join(here, 'node_modules/axe-core/axe.min.js'), 'utf8');
  const browser = await puppeteer.launch({ executablePath: chromePath, args: chromeFlags,
    headless: true, userDataDir: fs.mkdtempSync('/tmp/kbgen-axe-') });
  const rows = [];
  try {
    const page = await browser.newPage();
    for (const [form, width, height] of [['phone', 360, 740], ['desktop', 1280, 900]]) {
      await page.setViewport({ width, height });
      for (const url of urls) {
        await page.goto(url, { waitUntil: 'load' });
        await page.evaluate(axeSource);
        const result = await page.evaluate(async () =>
          // eslint-disable-next-line no-undef
          await axe.run(document, { resultTypes: ['violations'] }));
        rows.push({ form, url, violations: result.violations.map((v) => ({
          id: v.id, impact: v.impact, nodes: v.nodes.length,
          target: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })) });
      }
    }
  } finally {
    await browser.close();
  }
  return rows;
}

// ---- Nu HTML checker ----

function runVnu(files) {
  const jar = path.join(here, 'node_modules/vnu-jar/build/dist/vnu.jar');
  const out = spawnSync('java', ['-Xss1024k', '-jar', jar, '--errors-only', '--format', 'json', ...files],
    { encoding: 'utf8', maxBuffer: 256 << 20 });
  if (out.error) throw new Error(`cannot run java: ${out.error.message}`);
  let messages = [];
  try {
    messages = JSON.parse(out.stderr || '{"messages":[]}').messages;
  } catch (e) {
    throw new Error(`vnu gave no JSON: ${out.stderr.slice(0, 500)}`);
  }
  return messages.filter((m) => m.type === 'error' || m.subType === 'fatal');
}

// ---- Links ----

// Every href and src of every page: internal targets (root-relative,
// relative, or absolute under the site's own address `base`) must exist (a
// file, or a folder with index.html), and so must their #fragments.
function checkLinks(site, base) {
  const files = htmlFiles(site);
  const ids = new Map();
  const idsOf = (file) => {
    if (!ids.has(file)) {
      const html = fs.readFileSync(file, 'utf8');
      ids.set(file, new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1])));
    }
    return ids.get(file);
  };
  const broken = [];
  let internal = 0;
  const external = new Set();
  for (const file of files) {
    const html = fs.readFileSync(file, 'utf8');
    for (const m of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
      let raw = m[1].replaceAll('&amp;', '&');
      if (raw.startsWith(base)) raw = `/${raw.slice(base.length)}`;
      if (/^(https?:)?\/\//.test(raw)) { external.add(raw); continue; }
      if (/^(mailto|tel|data):/.test(raw)) continue;
      internal++;
      const [target, fragment] = raw.split('#');
      const cleaned = target.split('?')[0];
      let dest = cleaned === '' ? file
        : cleaned.startsWith('/') ? path.join(site, decodeURIComponent(cleaned))
          : path.join(path.dirname(file), decodeURIComponent(cleaned));
      if (fs.existsSync(dest) && fs.statSync(dest).isDirectory()) dest = path.join(dest, 'index.html');
      if (!fs.existsSync(dest)) {
        broken.push(`${path.relative(site, file)}: ${raw} (no such file)`);
        continue;
      }
      if (fragment && dest.endsWith('.html') && !idsOf(dest).has(decodeURIComponent(fragment))) {
        broken.push(`${path.relative(site, file)}: ${raw} (no id "${fragment}")`);
      }
    }
  }
  return { files: files.length, internal, external: [...external].sort(), broken };
}

// ---- Main ----

async function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(e.message);
    return 2;
  }
  const urls = pageUrls(args.url);
  let ok = true;

  if (args.only.has('lighthouse')) {
    console.log(`Lighthouse (goal >= ${GOAL_LIGHTHOUSE} in each category; CLS goal 0):`);
    console.log('  form     a11y  bp   seo  CLS     page');
    for (const r of await runLighthouse(urls)) {
      const good = r.a11y >= GOAL_LIGHTHOUSE && r.bp >= GOAL_LIGHTHOUSE && r.seo >= GOAL_LIGHTHOUSE;
      ok &&= good;
      console.log(`  ${r.form.padEnd(8)} ${String(r.a11y).padStart(4)} ${String(r.bp).padStart(4)} ` +
        `${String(r.seo).padStart(4)}  ${r.cls.toFixed(3)}   ${r.url.slice(args.url.length - 1)}` +
        (r.failed.length ? `   failed: ${r.failed.join(', ')}` : ''));
    }
  }

  if (args.only.has('axe')) {
    const rows = await runAxe(urls);
    const total = rows.reduce((n, r) => n + r.violations.length, 0);
    console.log(`axe-core: ${total} violations on ${rows.length} page views (goal 0)`);
    for (const r of rows) {
      for (const v of r.violations) {
        console.log(`  ${r.form} ${r.url.slice(args.url.length - 1)}: ${v.id} (${v.impact}, ` +
          `${v.nodes} nodes) ${v.target.join(' | ')}`);
      }
    }
    ok &&= total === 0;
  }

  if (args.only.has('vnu')) {
    const files = args.quick
      ? urls.map((u) => path.join(args.site, u.slice(args.url.length), 'index.html'))
      : htmlFiles(args.site);
    const errors = runVnu(files);
    console.log(`Nu HTML checker: ${errors.length} errors in ${files.length} files (goal 0)`);
    for (const e of errors.slice(0, 50)) {
      console.log(`  ${path.relative(args.site, fileURLToPath(e.url))}:${e.lastLine ?? 0}: ${e.message}`);
    }
    ok &&= errors.length === 0;
  }

  if (args.only.has('links')) {
    const r = checkLinks(args.site, args.url);
    console.log(`Links: ${r.broken.length} broken of ${r.internal} internal links in ${r.files} files ` +
      `(goal 0); ${r.external.length} distinct external links, not fetched`);
    for (const b of r.broken.slice(0, 50)) console.log(`  ${b}`);
    ok &&= r.broken.length === 0;
  }
  return ok ? 0 : 1;
}

main().then((code) => process.exit(code), (e) => {
  console.error(`check-pages: ${e.stack || e}`);
  process.exit(2);
});
