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

for (const theme of ['light', 'dark'] as const) {
  test(`no serious or critical axe violation on the main screens (${theme})`, async ({ page }) => {
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
