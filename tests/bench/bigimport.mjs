// A large import, measured (issue 14), on demand (not part of the suite):
//
//   trunk build --release && cd tests && node bench/bigimport.mjs [--runs 3] [--mb 50] [--dist DIR]
//
// A JSONL file of about --mb MB (the seeds' texts with distinct ids and
// endings, written once to bench/out/) chosen through #open-files in a
// fresh browser context. From the input's change event: the progress shown
// (#import-progress in the DOM; none in builds without it), every document
// in the side list, and the longest task on the page's thread meanwhile
// (PerformanceObserver 'longtask', tasks of 50 ms and more) and the JS heap
// after. Medians over the runs. --dist measures another build (an older one).
import { chromium } from '@playwright/test';
import { chromiumLaunch } from '../chromium.mjs';
import { arg, median, startServer, waitForServer } from './server.mjs';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

const RUNS = Number(arg('--runs', 3));
const MB = Number(arg('--mb', 50));
const DIST = arg('--dist', undefined);
const PORT = Number(process.env.BARCHASB_BENCH_PORT ?? 8768);
const BASE = `http://127.0.0.1:${PORT}/app/`;
const here = (p) => fileURLToPath(new URL(p, import.meta.url));

/** The file and its number of documents. */
function bigFile() {
  mkdirSync(here('./out/'), { recursive: true });
  const path = here(`./out/big-${MB}mb.jsonl`);
  const texts = ['imidro-china-mining-association', 'imidro-kazakhstan-deputy-minister'].map((id) =>
    readFileSync(here(`../../seeds/${id}.txt`), 'utf8'),
  );
  const lines = [];
  let bytes = 0;
  for (let i = 0; bytes < MB * 1_000_000; i++) {
    const line = JSON.stringify({ id: `big-${i}`, text: `${texts[i % 2]} ${i}` }) + '\n';
    bytes += Buffer.byteLength(line);
    lines.push(line);
  }
  if (!existsSync(path) || statSync(path).size !== bytes) writeFileSync(path, lines.join(''));
  return { path, docs: lines.length, bytes };
}

async function run(browser, file) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(BASE);
  await page.locator('#doc-list li').first().waitFor();
  const before = await page.locator('#doc-list li[data-doc-id]').count();
  await page.evaluate((want) => {
    const w = window;
    w.bench = { tasks: [], want };
    new PerformanceObserver((l) => w.bench.tasks.push(...l.getEntries().map((e) => [e.startTime, e.duration]))).observe({ type: 'longtask' });
    document.querySelector('#open-files').addEventListener('change', () => (w.bench.start = performance.now()), { capture: true });
    const tick = () => {
      const b = w.bench;
      if (b.start && !b.progress && document.querySelector('#import-progress')) b.progress = performance.now();
      if (b.start && document.querySelectorAll('#doc-list li[data-doc-id]').length >= want) b.listed = performance.now();
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }, before + file.docs);
  await page.locator('input#open-files').setInputFiles(file.path);
  await page.waitForFunction(() => window.bench.listed, null, { timeout: 600_000, polling: 500 });
  await page.waitForTimeout(1000);
  const r = await page.evaluate(() => {
    const b = window.bench;
    const during = b.tasks.filter(([t]) => t >= b.start - 50);
    return {
      listed: b.listed - b.start,
      progress: b.progress ? b.progress - b.start : null,
      longest: Math.max(0, ...during.map(([, d]) => d)),
      over200: during.filter(([, d]) => d > 200).length,
      heap: performance.memory ? performance.memory.usedJSHeapSize : null,
    };
  });
  await ctx.close();
  return r;
}

const file = bigFile();
const srv = startServer(PORT, DIST ? resolve(DIST) : undefined);
try {
  await waitForServer(BASE);
  const browser = await chromium.launch(chromiumLaunch);
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const r = await run(browser, file);
    console.log(`run ${i + 1}: ${JSON.stringify(r)}`);
    runs.push(r);
  }
  await browser.close();
  const m = (k) => median(runs.map((r) => r[k]).filter((x) => x !== null));
  console.log(
    `${file.bytes} bytes, ${file.docs} documents${DIST ? ` (${DIST})` : ''}: progress shown ${runs[0].progress === null ? 'never' : `${m('progress').toFixed(0)} ms`}, ` +
      `all listed ${m('listed').toFixed(0)} ms, longest task ${m('longest').toFixed(0)} ms, tasks over 200 ms ${m('over200')}, JS heap ${(m('heap') / 1e6).toFixed(0)} MB (medians of ${RUNS})`,
  );
} finally {
  srv.kill();
}
