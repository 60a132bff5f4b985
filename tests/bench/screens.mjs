// Regenerates the README's screenshots in docs/screenshots/ from the release
// build, on purpose only (they are committed; review them as images):
//
//   trunk build --release && cd tests && node bench/screens.mjs
import { chromium } from '@playwright/test';
import { chromiumLaunch } from '../chromium.mjs';
import { startServer, waitForServer } from './server.mjs';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const PORT = Number(process.env.BARCHASB_SCREENS_PORT ?? 8767);
const BASE = `http://127.0.0.1:${PORT}/app/`;
const OUT = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const MIXED = 'همکاری‌های ایمیدرو در سال ۱۴۰۲ و 2025 با شرکت ANC و ۹ میلیارد دلار';

async function main() {
  mkdirSync(OUT, { recursive: true });
  const srv = startServer(PORT);
  const browser = await chromium.launch(chromiumLaunch);
  try {
    await waitForServer(BASE);
    const page = await browser.newPage({ viewport: { width: 1280, height: 600 } });
    await page.goto(BASE);
    const first = page.locator('#doc-view mark.span').first();
    await first.waitFor();
    // A few confirmed (solid) beside the suggested (dashed), then the span menu.
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
    }
    await page.locator('#paste-text').fill(MIXED);
    await page.locator('#paste-add').click();
    const firstDoc = page.locator('#doc-list li').first();
    await firstDoc.click();
    await page.locator('#doc-view mark.span').nth(4).click();
    await page.locator('#span-menu').waitFor();
    await page.screenshot({ path: `${OUT}/annotator.png` });
    await page.keyboard.press('Escape');
    // The pasted mixed Persian/Latin/digits line, its suggestions accepted.
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
