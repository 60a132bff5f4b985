// Web performance figures for the README, run on demand (not part of the
// pass/fail suite):
//
//   trunk build --release && cd tests && node bench/run.mjs [--runs 7]
//
// In headless Debian Chromium, each run in a fresh browser context (empty
// IndexedDB), medians over the runs:
//   1. the size of each dist/*.wasm (the app's, the tagger worker's), raw and gzip -9;
//   2. navigation -> first suggestion mark shown on the seeds
//      (performance.now() in the page, whose zero is the navigation start);
//   3. a 100,000-code-point document with 2,000 confirmed spans: from the
//      import (the file input's change event) to the 2,000th mark in the
//      DOM (and to the next frame after it), and from a click on its entry in
//      the side list to the same two points; then one edit in it (a label
//      key on a focused span) to the relabelled mark in the DOM and painted;
//   4. 300 news documents (~1.5 MB) dropped at once: drop -> all 300 in the
//      side list, -> the first document usable, -> every first suggestion
//      in (no #suggest-progress), and the longest task on the UI thread
//      meanwhile (a PerformanceObserver of long tasks, >= 50 ms).
import { chromium } from '@playwright/test';
import { chromiumLaunch } from '../chromium.mjs';
import { gzipSync } from 'node:zlib';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { startServer, waitForServer } from './server.mjs';
import { fileURLToPath } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const argv = process.argv.slice(2);
const RUNS = Number(argv[argv.indexOf('--runs') + 1] || 0) || 7;
const PORT = Number(process.env.BARCHASB_BENCH_PORT ?? 8766);
const BASE = `http://127.0.0.1:${PORT}/app/`;
const SPANS = 2000;
const CHARS = 100_000;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** A 100,000-code-point Persian document with 2,000 confirmed spans, as one JSONL line. */
export function bigDocument() {
  const entities = [
    ['ایمیدرو', 'ORG'],
    ['تهران', 'LOC'],
    ['سنگ‌آهن', 'COMMODITY'],
    ['۱۴۰۲', 'DATE'],
    ['وجیه اله جعفری', 'PER'],
    ['250 میلیون تن', 'QUANTITY'],
    ['۹ میلیارد دلار', 'MONEY'],
    ['قزاقستان', 'LOC'],
    ['شرکت ANC', 'ORG'],
    ['کنفرانس معدنکاری چین 2025', 'EVENT'],
  ];
  const filler = 'در این گزارش آمده است که همکاری‌های دو طرف ادامه دارد و ';
  const per = CHARS / SPANS; // 50 code points per span
  let text = '';
  let n = 0;
  const spans = [];
  for (let i = 0; i < SPANS; i++) {
    const [name, label] = entities[i % entities.length];
    const lead = Array.from(filler).slice(0, per - Array.from(name).length - 2).join('');
    const start = n + Array.from(lead).length;
    spans.push({ start, end: start + Array.from(name).length, label });
    // A paragraph break every 20 spans, a space otherwise; 50 code points each.
    const chunk = `${lead}${name}${i % 20 === 19 ? '.\n' : '. '}`;
    text += chunk;
    n += Array.from(chunk).length;
  }
  if (n !== CHARS) throw new Error(`generated ${n} code points, not ${CHARS}`);
  return { id: 'bench-100k', text, spans, status: 'in_progress' };
}

/** 300 documents of about 5,000 code points each, from the project's own news texts. */
export function newsBatch() {
  const dir = ['rules', 'core'].map((c) => here(`../../crates/${c}/tests/fixtures/`)).find((d) => existsSync(d));
  const texts = ['news-own.jsonl', 'news-heldout.jsonl']
    .flatMap((f) => readFileSync(dir + f, 'utf8').split('\n'))
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l).text);
  const lines = [];
  let k = 0;
  for (let d = 0; d < 300; d++) {
    let text = '';
    while (Array.from(text).length < 5000) text += texts[k++ % texts.length] + (k % 4 ? ' ' : '\n');
    lines.push(JSON.stringify({ id: `news-${String(d).padStart(3, '0')}`, text }));
  }
  return lines.join('\n') + '\n';
}

// In-page probes: when the first suggestion and the Nth mark appear, long tasks.
function probe() {
  const w = window;
  w.__bench = { firstSuggestion: null, change: null, full: null, painted: null, want: 0, longTasks: [] };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__bench.longTasks.push({ start: e.startTime, ms: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  addEventListener(
    'change',
    (e) => {
      if (e.target instanceof HTMLInputElement && e.target.id === 'open-files') w.__bench.change = performance.now();
    },
    true,
  );
  new MutationObserver(() => {
    const b = w.__bench;
    if (b.firstSuggestion === null && document.querySelector('#doc-view mark.span[data-state="suggested"]'))
      b.firstSuggestion = performance.now();
    if (b.want && b.full === null) {
      const view = document.querySelector('#doc-view');
      if (view?.getAttribute('data-doc-id') === 'bench-100k') {
        const marks = view.querySelectorAll('mark.span');
        if (marks.length >= b.want) {
          b.full = performance.now();
          // And the frame that shows them: the task after the next animation frame.
          requestAnimationFrame(() => setTimeout(() => (b.painted = performance.now())));
        }
      }
    }
  }).observe(document, { subtree: true, childList: true, attributes: true });
}

async function main() {
  // The app's .wasm and, if built, the tagger worker's.
  const wasmFiles = readdirSync(here('../../dist')).filter((f) => f.endsWith('_bg.wasm'));
  if (!wasmFiles.some((f) => f.startsWith('barchasb-web'))) throw new Error('no dist/barchasb-web-*_bg.wasm: run trunk build --release first');
  const sizes = wasmFiles.map((file) => {
    const wasm = readFileSync(here(`../../dist/${file}`));
    return { file, rawBytes: wasm.length, gzipBytes: gzipSync(wasm, { level: 9 }).length };
  });

  const doc = bigDocument();
  const jsonl = JSON.stringify(doc) + '\n';
  const srv = startServer(PORT);
  const browser = await chromium.launch(chromiumLaunch);
  const version = browser.version();
  const runs = {
    suggestions: [],
    importRender: [],
    importPaint: [],
    openRender: [],
    openPaint: [],
    editRender: [],
    editPaint: [],
    batchListed: [],
    batchFirstUsable: [],
    batchAllSuggested: [],
    batchLongestTask: [],
  };
  const batch = newsBatch();
  try {
    await waitForServer(BASE);
    for (let i = 0; i < RUNS; i++) {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 860 } });
      const page = await ctx.newPage();
      await page.addInitScript(probe);
      await page.goto(BASE);
      await page.waitForFunction(() => window.__bench.firstSuggestion !== null, null, { timeout: 60_000 });
      runs.suggestions.push(await page.evaluate(() => window.__bench.firstSuggestion));

      // Import the big document; the app may or may not open it at once.
      await page.evaluate((n) => (window.__bench.want = n), SPANS);
      await page.locator('input#open-files').setInputFiles({
        name: 'bench.jsonl',
        mimeType: 'application/jsonl',
        buffer: Buffer.from(jsonl),
      });
      const li = page.locator('#doc-list li[data-doc-id="bench-100k"]');
      await li.waitFor({ timeout: 60_000 });
      const opened = await page
        .waitForFunction(() => window.__bench.full !== null, null, { timeout: 5_000 })
        .then(() => true)
        .catch(() => false);
      if (opened) {
        await page.waitForFunction(() => window.__bench.painted !== null);
        const b = await page.evaluate(() => window.__bench);
        runs.importRender.push(b.full - b.change);
        runs.importPaint.push(b.painted - b.change);
      }

      // Open another document, then the big one by a click on its entry.
      const other = page.locator('#doc-list li:not([data-doc-id="bench-100k"])').first();
      await other.click();
      await page.waitForFunction(() => document.querySelector('#doc-view')?.getAttribute('data-doc-id') !== 'bench-100k');
      await page.evaluate(() => ((window.__bench.full = null), (window.__bench.painted = null)));
      const box = await li.boundingBox();
      const t0 = await page.evaluate(() => performance.now());
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await page.waitForFunction(() => window.__bench.full !== null, null, { timeout: 60_000 });
      await page.waitForFunction(() => window.__bench.painted !== null);
      const b = await page.evaluate(() => window.__bench);
      runs.openRender.push(b.full - t0);
      runs.openPaint.push(b.painted - t0);
      const count = await page.locator('#doc-view mark.span').count();
      if (count < SPANS) throw new Error(`only ${count} marks rendered`);

      // One edit in the big document: focus its 1000th span, press PER's key.
      const target = page.locator('#doc-view mark.span').nth(1000);
      const start = await target.getAttribute('data-start');
      await target.click();
      await page.keyboard.press('Escape'); // the click opened its menu; the focus stays
      await page.waitForTimeout(150);
      await page.evaluate((start) => {
        window.__edit = null;
        const obs = new MutationObserver(() => {
          const m = document.querySelector(`#doc-view mark.span[data-start="${start}"]`);
          if (m?.getAttribute('data-label') === 'PER') {
            obs.disconnect();
            const t1 = performance.now();
            requestAnimationFrame(() => setTimeout(() => (window.__edit = [t1, performance.now()])));
          }
        });
        obs.observe(document.querySelector('#doc-view'), { subtree: true, attributes: true, childList: true });
        addEventListener('keydown', () => (window.__editStart = performance.now()), { capture: true, once: true });
      }, start);
      await page.keyboard.press('1');
      await page.waitForFunction(() => window.__edit !== null, null, { timeout: 10_000 });
      const edit = await page.evaluate(() => [window.__edit[0] - window.__editStart, window.__edit[1] - window.__editStart]);
      runs.editRender.push(edit[0]);
      runs.editPaint.push(edit[1]);
      await ctx.close();

      // 300 documents dropped at once on a fresh profile.
      const ctx2 = await browser.newContext({ viewport: { width: 1280, height: 860 } });
      const p2 = await ctx2.newPage();
      await p2.addInitScript(probe);
      await p2.goto(BASE);
      await p2.locator('#doc-view mark.span').first().waitFor({ timeout: 60_000 });
      await p2.waitForFunction(() => !document.querySelector('#suggest-progress'));
      const dt = await p2.evaluateHandle((body) => {
        const d = new DataTransfer();
        d.items.add(new File([body], 'news-300.jsonl'));
        return d;
      }, batch);
      const t = await p2.evaluate(() => {
        window.__bench.longTasks = [];
        return performance.now();
      });
      await p2.locator('#doc-view').dispatchEvent('drop', { dataTransfer: dt });
      await p2.waitForFunction(() => document.querySelectorAll('#doc-list li[data-doc-id]').length >= 302, null, { timeout: 60_000 });
      const listed = await p2.evaluate(() => performance.now());
      await p2.waitForFunction(() => document.querySelector('#doc-view')?.getAttribute('data-doc-id') === 'news-000');
      const usable = await p2.evaluate(() => performance.now());
      await p2.waitForFunction(() => !document.querySelector('#suggest-progress'), null, { timeout: 120_000 });
      const all = await p2.evaluate(() => performance.now());
      await p2.waitForTimeout(200);
      const tasks = await p2.evaluate((t) => window.__bench.longTasks.filter((x) => x.start >= t), t);
      runs.batchListed.push(listed - t);
      runs.batchFirstUsable.push(usable - t);
      runs.batchAllSuggested.push(all - t);
      runs.batchLongestTask.push(Math.max(0, ...tasks.map((x) => x.ms)));
      await ctx2.close();
      process.stderr.write(`run ${i + 1}/${RUNS} done\n`);
    }
  } finally {
    await browser.close();
    srv.kill();
  }

  const r = (xs) => (xs.length ? Math.round(median(xs)) : null);
  for (const k of Object.keys(runs)) runs[k] = runs[k].map((x) => Math.round(x));
  const result = {
    date: new Date().toISOString(),
    chromium: version,
    runs: RUNS,
    wasm: sizes,
    medianMs: {
      navigationToSuggestions: r(runs.suggestions),
      importToLastMark100k: r(runs.importRender),
      importToPainted100k: r(runs.importPaint),
      clickToLastMark100k: r(runs.openRender),
      clickToPainted100k: r(runs.openPaint),
      editToMark100k: r(runs.editRender),
      editToPainted100k: r(runs.editPaint),
      drop300ToListed: r(runs.batchListed),
      drop300ToFirstUsable: r(runs.batchFirstUsable),
      drop300ToAllSuggested: r(runs.batchAllSuggested),
      drop300LongestTask: r(runs.batchLongestTask),
    },
    samplesMs: runs,
  };
  mkdirSync(here('./out'), { recursive: true });
  writeFileSync(here('./out/result.json'), JSON.stringify(result, null, 2));
  console.log(JSON.stringify(result, null, 2));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
