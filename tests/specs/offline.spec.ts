// Offline and installable (issue 13; README, "Offline and installable"):
// after the first visit the service worker (www/sw.js) has the whole site,
// so with the network off the app opens, annotates and exports; it can be
// installed (Chromium's own installability check); and a new version shows
// "reload to update", whose reload keeps an edit made just before it.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { test, expect, openApp, pasteDoc, dragSelect, mark, marks, clearSpans, exportLines, cpIndexOf, cpLength, LABEL_KEYS } from '../helpers/app';

const TEXT = 'امروز کتاب تازه‌ای خواندم و به خانه رفتم';
const WORD = 'کتاب';

const controlled = (page: Page) => page.evaluate(() => navigator.serviceWorker.controller !== null);

/** Waits until a service worker is active (its precache done) and controls
 * the page; returns the cache names. */
async function swReady(page: Page): Promise<string[]> {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => controlled(page)).toBe(true);
  return page.evaluate(() => caches.keys());
}

/** Labels WORD in the open document with a real drag and the label key
 * (the tagger's suggestions cleared first, through the span menu). */
async function labelWord(page: Page): Promise<{ start: number; end: number }> {
  await expect(page.locator('#suggest-progress')).toHaveCount(0);
  await clearSpans(page, 0, cpLength(TEXT));
  expect(await marks(page)).toEqual([]);
  const start = cpIndexOf(TEXT, WORD);
  const end = start + Array.from(WORD).length;
  await dragSelect(page, start, end - 1);
  await page.keyboard.press(LABEL_KEYS.COMMODITY);
  await expect(mark(page, start, end)).toHaveAttribute('data-label', 'COMMODITY');
  return { start, end };
}

test('after the first visit the app opens with the network off, annotates and exports', async ({ page, context }) => {
  await openApp(page);
  const caches = await swReady(page);
  // The first visit's own page: no "new version" for it.
  await expect(page.locator('html')).not.toHaveAttribute('data-update', /.*/);
  await expect(page.locator('#update-banner')).toHaveCount(0);
  expect(caches).toHaveLength(1);
  expect(caches[0]).toMatch(/^barchasb-[0-9a-f]{16}$/);
  await context.setOffline(true);
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  await page.reload();
  await expect(page.locator('#doc-view')).toBeVisible();
  expect(await controlled(page)).toBe(true);
  // The tagger worker (worker.js?name=tagger-worker and its wasm) came from
  // the cache too: the seeds' suggestions are computed again.
  await expect(page.locator('#suggest-progress')).toHaveCount(0);
  const id = await pasteDoc(page, TEXT);
  const span = await labelWord(page);
  // The formats worker, loaded at the first export, offline as well.
  const { lines } = await exportLines(page);
  const line = lines.find((l) => l.id === id)!;
  expect(line.text).toBe(TEXT);
  expect(line.spans).toContainEqual({ ...span, label: 'COMMODITY' });
  await context.setOffline(false);
});

test('the app is installable: a manifest with its icons and a service worker', async ({ page, context }) => {
  await openApp(page);
  await swReady(page);
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const manifest = await page.evaluate(async (h) => (await fetch(h!)).json(), href);
  expect(manifest).toMatchObject({ short_name: 'برچسب', lang: 'fa', dir: 'rtl', start_url: './', scope: './', display: 'standalone' });
  for (const icon of manifest.icons) {
    const size = await page.evaluate(async (src) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      return `${img.naturalWidth}x${img.naturalHeight}`;
    }, new URL(icon.src, new URL(href!, page.url())).href);
    expect(size).toBe(icon.sizes);
  }
  expect(manifest.icons.some((i: { purpose?: string }) => i.purpose === 'maskable')).toBe(true);
  // Chromium's own checks (what decide whether it offers to install): the
  // manifest parses without an error, and nothing stands in the way but the
  // test's browser context, which is an incognito one (no install there).
  const cdp = await context.newCDPSession(page);
  const { errors } = await cdp.send('Page.getAppManifest');
  expect(errors).toEqual([]);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  expect(installabilityErrors.map((e) => e.errorId)).toEqual(['in-incognito']);
});

// The site the tests serve (playwright.config.ts), and a copy of the app
// beside it whose sw.js this test changes, so no other test sees the change.
const PORT = Number(process.env.BARCHASB_TEST_PORT ?? 8765);
const SITE = fileURLToPath(new URL(`../${PORT === 8765 ? '.site' : `.site-${PORT}`}/`, import.meta.url));

test('a new version shows "reload to update", and its reload keeps an edit made just before', async ({ page, context }) => {
  const copy = `app-update-${test.info().workerIndex}`;
  rmSync(`${SITE}${copy}`, { recursive: true, force: true });
  cpSync(`${SITE}app`, `${SITE}${copy}`, { recursive: true });
  const open = async (p: Page) => {
    await p.goto(`../${copy}/`);
    await expect(p.locator('#doc-view')).toBeVisible();
  };
  try {
    await open(page);
    const [before] = await swReady(page);
    await page.reload();
    await expect(page.locator('#doc-view')).toBeVisible();
    expect(await controlled(page)).toBe(true);
    await expect(page.locator('#update-banner')).toHaveCount(0);
    const id = await pasteDoc(page, TEXT);
    // A new build: another version in sw.js (the hook writes a new one whenever a file changes).
    const sw = `${SITE}${copy}/sw.js`;
    const next = 'feedfacefeedface';
    writeFileSync(sw, readFileSync(sw, 'utf8').replace(/const VERSION = "[0-9a-f]+";/, `const VERSION = "${next}";`));
    // The annotator opened again in another tab finds it; it waits, and both tabs say so.
    const other = await context.newPage();
    await open(other);
    await expect(page.locator('#update-banner')).toBeVisible();
    await expect(other.locator('#update-banner')).toBeVisible();
    await other.close();
    await expect(page.locator('#update-reload')).toHaveText('Reload to update');
    // An edit, then at once the reload.
    const span = await labelWord(page);
    const reloaded = page.waitForEvent('framenavigated');
    await page.locator('#update-reload').click();
    await reloaded;
    await expect(page.locator('#doc-view')).toBeVisible();
    await expect(page.locator('#update-banner')).toHaveCount(0);
    // The new version controls the page, and the old cache is gone.
    await expect.poll(() => page.evaluate(() => caches.keys())).toEqual([`barchasb-${next}`]);
    expect(before).not.toBe(`barchasb-${next}`);
    const { lines } = await exportLines(page);
    expect(lines.find((l) => l.id === id)!.spans).toContainEqual({ ...span, label: 'COMMODITY' });
  } finally {
    rmSync(`${SITE}${copy}`, { recursive: true, force: true });
  }
});
