// The release build starts from a sub-path, with its own font, and nothing
// but same-origin requests (the auto fixture in helpers/app.ts checks that).
import { test, expect, menuItem } from '../helpers/app';

// The page as a fresh profile sees it: Persian (the other specs run in English).
test.describe(() => {
  test.use({ uiLang: 'fa' });
  test('the wasm app starts under /app/ with RTL Persian page and self-hosted Vazirmatn', async ({ page }) => {
    await page.addInitScript(() => {
      addEventListener('TrunkApplicationStarted', () => ((window as any).__started = true));
    });
    await page.goto('./');
    await expect.poll(() => page.evaluate(() => (window as any).__started === true)).toBe(true);
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fa');
    // The app rendered something into the body.
    await expect(page.locator('body > :not(script):not(noscript)').first()).toBeVisible();
    const font = await page.evaluate(async () => {
      await document.fonts.load('16px Vazirmatn', 'برچسب');
      await document.fonts.ready;
      return {
        loaded: document.fonts.check('16px Vazirmatn', 'برچسب'),
        family: getComputedStyle(document.body).fontFamily,
      };
    });
    expect(font.loaded).toBe(true);
    expect(font.family).toContain('Vazirmatn');
    // The font file came from this site's sub-path.
    const fontUrls = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.endsWith('.woff2')),
    );
    expect(fontUrls.length).toBeGreaterThan(0);
    for (const u of fontUrls) expect(new URL(u).pathname).toMatch(/^\/app\/fonts\//);
  });
});

test('the third-party notices of the embedded word lists are served and linked from the help', async ({ page }) => {
  await page.goto('./');
  await (await menuItem(page, '#help')).click();
  const link = page.locator('#notices');
  await expect(link).toBeVisible();
  const href = await link.evaluate((a) => (a as HTMLAnchorElement).href);
  expect(new URL(href).pathname).toBe('/app/NOTICES.txt');
  const text = await page.evaluate(async (u) => (await fetch(u)).text(), href);
  for (const source of ['hazm 0.10.0', 'faker 40.54.0', 'Unicode License v3', 'GeoNames', 'Permission is hereby granted']) {
    expect(text).toContain(source);
  }
});

test('the page forbids other origins (Content-Security-Policy)', async ({ page, watch }) => {
  await page.goto('./');
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("connect-src 'self'");
  // A script from another origin is refused by the browser itself.
  const blocked = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), { once: true });
        fetch('http://127.0.0.2:9/x').catch(() => {});
      }),
  );
  expect(blocked).toBe('connect-src');
  // That refusal is the one console error this test expects; any other still fails it.
  watch.errors = watch.errors.filter((e) => !e.includes('127.0.0.2:9'));
});
