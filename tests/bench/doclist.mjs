// The document list with many documents (issue 13: "it stays fast with
// 1,000 documents"), on demand (not part of the suite):
//
//   trunk build --release && cd tests && node bench/doclist.mjs [--runs 3] [--docs 1000] [--dist DIR]
//
// For a profile of the two seeds and one of --docs more documents (the
// seeds' texts with distinct ids), the time from an input event to the
// next paint (the Event Timing API's duration, as INP measures it) for what
// an annotator does all day: word-cursor moves (ArrowLeft), a label key on
// the cursor, Undo, opening the next document in the list (a click), and
// a search typed in #doc-search (its change event). Medians over the runs
// of each run's median; events under 16 ms are not reported by the browser
// and count as 16.
import { chromium } from '@playwright/test';
import { chromiumLaunch } from '../chromium.mjs';
import { arg, median, startServer, waitForServer } from './server.mjs';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

const RUNS = Number(arg('--runs', 3));
const DOCS = Number(arg('--docs', 1000));
const DIST = arg('--dist', undefined);
const PORT = Number(process.env.BARCHASB_BENCH_PORT ?? 8769);
const BASE = `http://127.0.0.1:${PORT}/app/`;
const here = (p) => fileURLToPath(new URL(p, import.meta.url));

function jsonl(n) {
  const texts = ['imidro-china-mining-association', 'imidro-kazakhstan-deputy-minister'].map((id) =>
    readFileSync(here(`../../seeds/${id}.txt`), 'utf8'),
  );
  return Array.from({ length: n }, (_, i) => JSON.stringify({ id: `many-${i}`, text: `${texts[i % 2]} ${i}` }) + '\n').join('');
}

/** Runs `act`, then waits for the event's timing entry (or none: under 16 ms). */
async function timed(page, type, act) {
  await page.evaluate(() => (window.bench.events = []));
  await act();
  await page.waitForTimeout(300);
  const d = await page.evaluate((type) => window.bench.events.filter((e) => e[0] === type).map((e) => e[1]), type);
  return Math.max(16, ...d);
}

async function run(browser, n) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await ctx.newPage();
  await page.goto(BASE);
  await page.locator('#doc-view mark.span').first().waitFor({ timeout: 60_000 });
  if (n > 0) {
    await page.locator('input#open-files').setInputFiles({ name: 'many.jsonl', mimeType: 'application/json', buffer: Buffer.from(jsonl(n)) });
    await page.waitForFunction((want) => document.querySelectorAll('#doc-list li[data-doc-id]').length >= want, n + 2, { timeout: 120_000 });
  }
  await page.waitForFunction(() => !document.querySelector('#suggest-progress'), null, { timeout: 300_000 });
  await page.evaluate(() => {
    window.bench = { events: [] };
    new PerformanceObserver((l) => window.bench.events.push(...l.getEntries().map((e) => [e.name, e.duration]))).observe({
      type: 'event',
      durationThreshold: 16,
    });
  });
  const r = { caret: [], label: [], undo: [], open: [], search: [] };
  const lis = page.locator('#doc-list li[data-doc-id]');
  const count = await lis.count();
  for (let k = 0; k < 5; k++) {
    await lis.nth(k % count).click();
    await page.locator('#doc-view').focus();
    for (let j = 0; j < 4; j++) r.caret.push(await timed(page, 'keydown', () => page.keyboard.press('ArrowLeft')));
    r.label.push(await timed(page, 'keydown', () => page.keyboard.press('1')));
    r.undo.push(await timed(page, 'keydown', () => page.keyboard.press('Control+z')));
    r.open.push(await timed(page, 'click', () => lis.nth((k + 1) % count).click()));
  }
  for (const q of ['many-12', 'ایمیدرو', '']) {
    r.search.push(await timed(page, 'change', async () => {
      await page.locator('#doc-search').fill(q);
      await page.locator('#doc-search').press('Enter');
    }));
  }
  await ctx.close();
  return Object.fromEntries(Object.entries(r).map(([k, v]) => [k, median(v)]));
}

const srv = startServer(PORT, DIST ? resolve(DIST) : undefined);
try {
  await waitForServer(BASE);
  const browser = await chromium.launch(chromiumLaunch);
  for (const n of [0, DOCS]) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await run(browser, n));
    const m = (k) => median(runs.map((x) => x[k])).toFixed(0);
    console.log(
      `${n + 2} documents${DIST ? ` (${DIST})` : ''}: input to next paint, ms (medians of ${RUNS}): ` +
        `caret move ${m('caret')}, label key ${m('label')}, undo ${m('undo')}, open next ${m('open')}, search ${m('search')}`,
    );
  }
  await browser.close();
} finally {
  srv.kill();
}
