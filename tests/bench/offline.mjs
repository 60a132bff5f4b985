// The service worker's figures for the README ("Offline and installable"),
// on demand (not part of the pass/fail suite):
//
//   trunk build --release && cd tests && node bench/offline.mjs [--runs 5]
//
// Each run in a fresh browser context: navigation start -> the service
// worker active with the whole site in its cache (navigator.serviceWorker.ready,
// performance.now() in the page); and the precache's file count and bytes
// (the cache's entries, their bodies summed). Medians over the runs.
import { chromium } from '@playwright/test';
import { chromiumLaunch } from '../chromium.mjs';
import { startServer, waitForServer } from './server.mjs';

const argv = process.argv.slice(2);
const RUNS = Number(argv[argv.indexOf('--runs') + 1] || 0) || 5;
const PORT = Number(process.env.BARCHASB_BENCH_PORT ?? 8767);
const BASE = `http://127.0.0.1:${PORT}/app/`;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const srv = startServer(PORT);
try {
  await waitForServer(BASE);
  const browser = await chromium.launch(chromiumLaunch);
  const ready = [];
  let cache;
  for (let i = 0; i < RUNS; i++) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(BASE);
    const r = await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      const at = performance.now();
      const c = await caches.open((await caches.keys())[0]);
      const entries = await c.keys();
      let bytes = 0;
      for (const req of entries) bytes += (await (await c.match(req)).arrayBuffer()).byteLength;
      return { at, entries: entries.length, bytes };
    });
    ready.push(r.at);
    cache = r;
    await ctx.close();
  }
  await browser.close();
  console.log(`navigation -> service worker ready: median ${Math.round(median(ready))} ms of ${RUNS} (${ready.map(Math.round).join(', ')})`);
  console.log(`precache: ${cache.entries} entries, ${cache.bytes} bytes`);
} finally {
  srv.kill();
}
