// The guidelines panel renders the Markdown of ANNOTATION_GUIDELINES.md as
// elements: a label table with its key column, lists, headings, code; the
// English prose reads left to right, a Persian example cell right to left.
import { test, expect, openApp, LABEL_KEYS, ARTIFACTS, menuItem } from '../helpers/app';

test('the guidelines panel shows the label table with keys, lists and headings, no raw Markdown', async ({ page }) => {
  await openApp(page);
  await (await menuItem(page, '#guidelines')).click();
  const panel = page.locator('#guidelines-panel');
  await expect(panel).toBeVisible();

  const table = panel.locator('table');
  await expect(table).toHaveCount(1);
  await expect(table.locator('thead th')).toHaveText(['key', 'label', 'what', 'examples (from the seed texts)']);
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(11);
  // Every label of the default set, in a row with its key and four cells.
  for (const [label, key] of Object.entries(LABEL_KEYS)) {
    const row = rows.filter({ has: page.locator('td:nth-child(2)', { hasText: new RegExp(`^${label}$`) }) });
    await expect(row).toHaveCount(1);
    await expect(row.locator('td')).toHaveCount(4);
    await expect(row.locator('td').first()).toHaveText(key);
  }

  await expect(panel.locator('h2')).toHaveText(/Annotation guidelines/);
  await expect(panel.locator('h3')).toHaveText(['Offsets', 'Labels', 'Boundaries']);
  expect(await panel.locator('ul > li').count()).toBeGreaterThan(10);
  await expect(panel.locator('strong', { hasText: 'original' })).toHaveCount(1);
  await expect(panel.locator('code', { hasText: 'ایمیدرو' }).first()).toBeVisible();
  // No Markdown syntax is left as text.
  const text = await panel.innerText();
  expect(text).not.toContain('|---');
  expect(text).not.toContain('`');
  expect(text).not.toContain('**');

  // Direction: prose left to right, a Persian example cell right to left.
  const dir = (l: ReturnType<typeof page.locator>) => l.evaluate((e) => getComputedStyle(e).direction);
  const per = rows.filter({ hasText: 'PER' }).first();
  expect(await dir(per.locator('td').nth(2))).toBe('ltr');
  expect(await dir(per.locator('td').nth(3))).toBe('rtl');
  expect(await dir(panel.locator('p').first())).toBe('ltr');
  await expect(panel.locator('td[dir="auto"]')).toHaveCount(44);

  await page.screenshot({ path: `${ARTIFACTS}/guidelines-panel.png` });
  await table.scrollIntoViewIfNeeded();
  await table.screenshot({ path: `${ARTIFACTS}/guidelines-table.png` });
  await panel.locator('.close').click();
  await expect(panel).toBeHidden();
});
