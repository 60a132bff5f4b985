// Accessibility: axe-core (the @axe-core/playwright reader the issue names)
// on every main screen, in both themes: no serious or critical violation.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, openApp, menuItem } from '../helpers/app';

async function serious(page: Page, screen: string): Promise<string[]> {
  const r = await new AxeBuilder({ page }).analyze();
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${screen}: ${v.id} (${v.impact}) ${v.nodes.length}× ${v.nodes.map((n) => n.target.join(' ') + ' ' + (n.any[0]?.message ?? '')).join(' | ')}`);
}

// Both languages: the Persian UI (the default) and the English one.
for (const lang of ['en', 'fa'] as const) {
  test.describe(lang, () => {
    test.use({ uiLang: lang });
    for (const theme of ['light', 'dark'] as const) {
      test(`no serious or critical axe violation on the main screens (${lang}, ${theme})`, async ({ page }) => {
        test.setTimeout(120_000);
        await page.emulateMedia({ colorScheme: theme });
        await openApp(page);
        const found: string[] = [];
        found.push(...(await serious(page, 'document')));
        await page.keyboard.press('Tab');
        await page.keyboard.press(' ');
        await expect(page.locator('#span-menu')).toBeVisible();
        found.push(...(await serious(page, 'span menu')));
        await page.keyboard.press('Escape');
        await menuItem(page, '#menu');
        found.push(...(await serious(page, 'menu')));
        const panels = { '#help': '#help-overlay', '#labels': '#labels-editor', '#guidelines': '#guidelines-panel', '#entities': '#entities-panel' };
        for (const [item, panel] of Object.entries(panels)) {
          await (await menuItem(page, item)).click();
          await expect(page.locator(panel)).toBeVisible();
          found.push(...(await serious(page, item)));
          await page.keyboard.press('Escape');
          await expect(page.locator(panel)).toHaveCount(0);
        }
        expect(found).toEqual([]);
      });
    }
  });
}

test('no serious or critical axe violation in a review: the disputed marks and the agreement', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('index.html?project=../teams/q4/project.json&review');
  await page.locator('#name-input').fill('lead');
  await page.keyboard.press('Enter');
  const text = 'ایمیدرو در تهران با انجمن معدن چین دیدار کرد';
  const line = (who: string, label: string) => JSON.stringify({ id: 'shared', text, status: 'done', annotator: who, spans: [{ start: 0, end: 7, label }, { start: 11, end: 16, label: 'LOC' }] });
  await page.locator('input#open-files').setInputFiles([
    { name: 'sara.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(line('sara', 'ORG')) },
    { name: 'reza.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(line('reza', 'PER')) },
  ]);
  await page.locator('#doc-list li[data-doc-id="shared"]').click();
  await expect(page.locator('mark.span[data-state="disputed"]').first()).toBeVisible();
  const found = await serious(page, 'review');
  await (await menuItem(page, '#agreement')).click();
  await expect(page.locator('#agreement-panel')).toBeVisible();
  found.push(...(await serious(page, 'agreement')));
  expect(found).toEqual([]);
});

// axe does not see the label tags (generated content): each label's tag text
// against its background (≥ 4.5:1) and its border against the page's panel
// (≥ 3:1, non-text), in both themes, from the computed colours.
for (const theme of ['light', 'dark'] as const) {
  test(`every label's mark and tag are in contrast with the page (${theme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await openApp(page);
    const labels = await page.locator('#doc-view mark.span').evaluateAll((ms) => [...new Set(ms.map((m) => m.getAttribute('data-label')))]);
    expect(labels.length).toBeGreaterThan(5);
    const low = await page.evaluate((labels) => {
      const probe = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
      // any CSS colour (rgb(), color(srgb …)) as sRGB bytes, alpha over `under`
      const rgb = (c: string, under?: number[]): number[] => {
        probe.clearRect(0, 0, 1, 1);
        probe.fillStyle = c;
        probe.fillRect(0, 0, 1, 1);
        const [r, g, b, a] = probe.getImageData(0, 0, 1, 1).data;
        const u = under ?? [255, 255, 255];
        return [r, g, b].map((x, i) => (x * a + u[i] * (255 - a)) / 255);
      };
      const lum = (c: number[]) => {
        const [r, g, b] = c.map((x) => x / 255).map((x) => (x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4));
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const ratio = (a: number[], b: number[]) => (Math.max(lum(a), lum(b)) + 0.05) / (Math.min(lum(a), lum(b)) + 0.05);
      const view = document.querySelector('#doc-view')!;
      const panel = rgb(getComputedStyle(view).backgroundColor);
      const out: string[] = [];
      for (const label of labels) {
        for (const state of ['suggested', 'confirmed']) {
          const m = document.createElement('mark');
          m.className = 'span';
          m.setAttribute('data-label', label!);
          m.setAttribute('data-state', state);
          m.textContent = 'x';
          view.appendChild(m);
          const tag = getComputedStyle(m, '::after');
          const bg = rgb(tag.backgroundColor, panel);
          const text = ratio(rgb(tag.color, bg), bg);
          const border = ratio(rgb(getComputedStyle(m).borderTopColor, panel), panel);
          if (text < 4.5) out.push(`${label} ${state} tag text ${text.toFixed(2)}`);
          if (border < 3) out.push(`${label} ${state} border ${border.toFixed(2)}`);
          m.remove();
        }
      }
      return out;
    }, labels);
    expect(low).toEqual([]);
  });
}
