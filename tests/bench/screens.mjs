// Regenerates the README's screenshots in docs/screenshots/ from the release
// build, on purpose only (they are committed; review them as images):
//
//   trunk build --release && cd tests && node bench/screens.mjs
//
// The main screen (a seed with suggestions, confirmed spans and the span
// menu) on a desktop in Persian, in English and dark, and on a 390×844
// phone (the span menu a bottom sheet); and a line of mixed Persian, Latin
// and digits.
import { chromium } from '@playwright/test';
import { chromiumLaunch } from '../chromium.mjs';
import { startServer, waitForServer } from './server.mjs';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const PORT = Number(process.env.BARCHASB_SCREENS_PORT ?? 8767);
const BASE = `http://127.0.0.1:${PORT}/app/`;
const OUT = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const MIXED = 'همکاری‌های ایمیدرو در سال ۱۴۰۲ و 2025 با شرکت ANC و ۹ میلیارد دلار';
const DESKTOP = { viewport: { width: 1280, height: 720 } };
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };

/** A new page of a fresh profile, its interface in `lang`. */
async function open(browser, options, lang) {
  const ctx = await browser.newContext(options);
  await ctx.addInitScript((l) => localStorage.getItem('barchasb-lang') || localStorage.setItem('barchasb-lang', l), lang);
  const page = await ctx.newPage();
  await page.goto(BASE);
  await page.locator('#doc-view mark.span').first().waitFor();
  await page.locator('#suggest-progress').waitFor({ state: 'detached' });
  return page;
}

/** Three suggestions confirmed from the span menu, then the span menu of a fifth span open. */
async function mainScreen(page, file, { tap = false } = {}) {
  for (let i = 0; i < 3; i++) {
    const mark = page.locator('#doc-view mark.span').nth(i);
    if (tap) await mark.tap();
    else await mark.click();
    await page.locator('#span-menu button[data-action="confirm"]').click();
    await page.locator('#doc-view mark.span[data-state="confirmed"]').nth(i).waitFor();
  }
  const fifth = page.locator('#doc-view mark.span').nth(4);
  if (tap) await fifth.tap();
  else await fifth.click();
  await page.locator('#span-menu').waitFor();
  await page.screenshot({ path: `${OUT}/${file}` });
  await page.keyboard.press('Escape');
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const srv = startServer(PORT);
  const browser = await chromium.launch(chromiumLaunch);
  try {
    await waitForServer(BASE);
    await mainScreen(await open(browser, DESKTOP, 'fa'), 'annotator.png');
    await mainScreen(await open(browser, DESKTOP, 'en'), 'annotator-en.png');
    await mainScreen(await open(browser, { ...DESKTOP, colorScheme: 'dark' }, 'fa'), 'annotator-dark.png');
    await mainScreen(await open(browser, PHONE, 'fa'), 'phone.png', { tap: true });
    // The pasted mixed Persian/Latin/digits line, its suggestions accepted.
    const page = await open(browser, DESKTOP, 'fa');
    await page.locator('#paste-text').fill(MIXED);
    await page.locator('#paste-add').click();
    await page.locator('#doc-list li').last().click();
    await page.locator('#accept-all').click();
    await page.locator('#doc-view').screenshot({ path: `${OUT}/mixed-text.png` });
  } finally {
    await browser.close();
    srv.kill();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
