// The guidelines panel renders the Markdown of the guidelines as elements:
// a label table with its key column, lists, headings, code. In the Persian
// interface it shows their Persian translation (guidelines.fa.md), reading
// right to left, a Latin label name left to right; in the English one the
// English original (ANNOTATION_GUIDELINES.md), reading left to right, a
// Persian example cell right to left.
import type { Page, Locator } from '@playwright/test';
import { test, expect, openApp, LABEL_KEYS, ARTIFACTS, menuItem } from '../helpers/app';

const dir = (l: Locator) => l.evaluate((e) => getComputedStyle(e).direction);

/** Opens the panel; checks the label table, the lists and that no Markdown is left as text. */
async function openPanel(page: Page, head: string[]): Promise<Locator> {
  await (await menuItem(page, '#guidelines')).click();
  const panel = page.locator('#guidelines-panel');
  await expect(panel).toBeVisible();
  const table = panel.locator('table');
  await expect(table).toHaveCount(1);
  await expect(table.locator('thead th')).toHaveText(head);
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(11);
  // Every label of the default set, in a row with its key and four cells.
  for (const [label, key] of Object.entries(LABEL_KEYS)) {
    const row = rows.filter({ has: page.locator('td:nth-child(2)', { hasText: new RegExp(`^${label}$`) }) });
    await expect(row).toHaveCount(1);
    await expect(row.locator('td')).toHaveCount(4);
    await expect(row.locator('td').first()).toHaveText(key);
  }
  await expect(panel.locator('td[dir="auto"]')).toHaveCount(44);
  expect(await panel.locator('ul > li').count()).toBeGreaterThanOrEqual(20);
  await expect(panel.locator('code', { hasText: 'ایمیدرو' }).first()).toBeVisible();
  const text = await panel.innerText();
  expect(text).not.toContain('|---');
  expect(text).not.toContain('`');
  expect(text).not.toContain('**');
  return panel;
}

/** What one language's guidelines must show, and which way each part reads. */
type Expected = {
  lang: string;
  h2: RegExp;
  h3: (string | RegExp)[];
  strong: string;
  /** The table's direction, (cell of the PER row, its direction) pairs, the first paragraph's direction. */
  table: string;
  cells: [number, string][];
  prose: string;
};

async function expectGuidelines(panel: Locator, want: Expected): Promise<void> {
  await expect(panel.locator('.guidelines-text')).toHaveAttribute('lang', want.lang);
  await expect(panel.locator('h2')).toHaveText(want.h2);
  await expect(panel.locator('h3')).toHaveText(want.h3);
  await expect(panel.locator('strong', { hasText: want.strong })).toHaveCount(1);
  const per = panel.locator('tbody tr').filter({ hasText: 'PER' }).first();
  expect(await dir(panel.locator('table'))).toBe(want.table);
  for (const [cell, d] of want.cells) expect(await dir(per.locator('td').nth(cell))).toBe(d);
  expect(await dir(panel.locator('p').first())).toBe(want.prose);
}

async function closePanel(panel: Locator): Promise<void> {
  await panel.locator('.close').click();
  await expect(panel).toBeHidden();
}

test.describe('in Persian', () => {
  test.use({ uiLang: 'fa' });
  test('the Persian interface shows the Persian guidelines, right to left, with the same label table', async ({ page }) => {
    await openApp(page);
    const panel = await openPanel(page, ['کلید', 'برچسب', 'چه چیزی', 'نمونه‌ها (از متن‌های نمونه)']);
    await expectGuidelines(panel, {
      lang: 'fa',
      h2: /^راهنمای برچسب‌گذاری/,
      h3: ['جایگاه‌ها', 'برچسب‌ها', 'مرزها', /^فراتر از اخبار معدن/],
      strong: 'اصلی',
      table: 'rtl',
      cells: [
        [1, 'ltr'],
        [2, 'rtl'],
      ],
      prose: 'rtl',
    });
    await page.screenshot({ path: `${ARTIFACTS}/guidelines-panel-fa.png` });
    await closePanel(panel);
  });
});

test('the English interface shows the English guidelines, left to right, a Persian example cell right to left', async ({ page }) => {
  await openApp(page);
  await (await menuItem(page, '#language')).selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const panel = await openPanel(page, ['key', 'label', 'what', 'examples (from the seed texts)']);
  await expectGuidelines(panel, {
    lang: 'en',
    h2: /Annotation guidelines/,
    h3: ['Offsets', 'Labels', 'Boundaries', /^Beyond mining news/],
    strong: 'original',
    table: 'ltr',
    cells: [
      [2, 'ltr'],
      [3, 'rtl'],
    ],
    prose: 'ltr',
  });
  await page.screenshot({ path: `${ARTIFACTS}/guidelines-panel.png` });
  const table = panel.locator('table');
  await table.scrollIntoViewIfNeeded();
  await table.screenshot({ path: `${ARTIFACTS}/guidelines-table.png` });
  await closePanel(panel);
});
