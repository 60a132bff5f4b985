// The workspace: the entity browser (every name across the documents, the
// ones labelled differently first, relabel or delete everywhere in one
// undo step, jump to an occurrence), the document list's search and
// filters, and the colour theme.
import { LABEL_KEYS, ARTIFACTS, cpIndexOf, docIds, expect, importFiles, mark, openApp, pasteDoc, settled, test, menuItem } from '../helpers/app';

const A = 'ایمیدرو در تهران با انجمن معدنکاری چین دیدار کرد.';
const B = 'مدیرعامل ايميدرو در پکن گفت.';

/** Two done documents (no suggestions): the name, in two spellings, is ORG in one and LOC in the other. */
async function importTwo(page: import('@playwright/test').Page): Promise<number> {
  const at = cpIndexOf(B, 'ايميدرو');
  const lines = [
    { id: 'a', text: A, status: 'done', spans: [{ start: 0, end: 7, label: 'ORG' }] },
    { id: 'b', text: B, status: 'done', spans: [{ start: at, end: at + 7, label: 'LOC' }] },
  ];
  await importFiles(page, [{ name: 'two.jsonl', body: lines.map((l) => JSON.stringify(l)).join('\n') }]);
  await expect(page.locator('#doc-list li[data-doc-id="b"]')).toHaveCount(1);
  return at;
}

test('the entity browser shows a name labelled two ways first, relabels it everywhere in one undo, and jumps to it', async ({ page }) => {
  await openApp(page);
  // Two done documents (no suggestions): the name, in two spellings, is ORG in one and LOC in the other.
  const at = await importTwo(page);
  await (await menuItem(page, '#entities')).click();
  const first = page.locator('#entity-table tr').first();
  await expect(first).toHaveClass(/conflict/);
  await expect(first.locator('td.name')).toHaveText('ایمیدرو');
  await expect(first).toHaveAttribute('data-labels', 'LOC:1,ORG:1');
  await page.screenshot({ path: `${ARTIFACTS}/entities.png` });
  // Every occurrence (the demo seeds' suggestions of it too) becomes a confirmed ORG.
  const count = await first.getAttribute('data-count');
  await first.locator('select[data-action="relabel-all"]').selectOption('ORG');
  const imidro = page.locator('#entity-table tr', { has: page.locator('td.name', { hasText: /^ایمیدرو$/ }) });
  await expect(imidro).toHaveAttribute('data-labels', `ORG:${count}`);
  await expect(page.locator('#entity-table tr.conflict')).toHaveCount(0);
  // One undo brings both documents back.
  await page.locator('#entities-panel button.close').click();
  await page.keyboard.press('Control+z');
  await (await menuItem(page, '#entities')).click();
  await expect(page.locator('#entity-table tr').first()).toHaveClass(/conflict/);
  // An occurrence opens its document with the span focused.
  await page.locator('#entity-table tr.conflict button.occurrence[data-doc="b"]').click();
  await expect(page.locator('#doc-view')).toHaveAttribute('data-doc-id', 'b');
  await expect(page.locator('mark.span.focused')).toHaveAttribute('data-start', String(at));
  // Delete all: gone from every document.
  await (await menuItem(page, '#entities')).click();
  await page.locator('#entity-table tr.conflict button[data-action="delete-all"]').click();
  await expect(page.locator('#entity-table tr.conflict')).toHaveCount(0);
  await expect(mark(page, at, at + 7)).toHaveCount(0);
});

test('the entity browser by keyboard: Shift+E opens it, arrows move, Enter jumps to each occurrence, a label key relabels all in one undo, Delete deletes all', async ({ page }) => {
  await openApp(page);
  const at = await importTwo(page);
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  const open = async () => {
    await page.keyboard.press('Shift+E');
    await expect(page.locator('#entity-search')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(page.locator('#entity-table tr').first()).toBeFocused();
  };
  await open();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('#entity-table tr').nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  const occ = page.locator('#entity-table tr').first().locator('button.occurrence');
  const [doc1, start1] = [await occ.first().getAttribute('data-doc'), await occ.first().getAttribute('data-start')];
  await page.keyboard.press('Enter');
  await expect(page.locator('#doc-view')).toHaveAttribute('data-doc-id', doc1!);
  await expect(page.locator('mark.span.focused')).toHaveAttribute('data-start', start1!);
  await open();
  await page.keyboard.press('Enter'); // the next one
  const here = async () => [await page.locator('#doc-view').getAttribute('data-doc-id'), await page.locator('mark.span.focused').getAttribute('data-start')];
  await expect(page.locator('mark.span.focused')).toHaveCount(1);
  expect(await here()).not.toEqual([doc1, start1]);
  await open();
  const first = page.locator('#entity-table tr').first();
  const count = await first.getAttribute('data-count');
  await page.keyboard.press(LABEL_KEYS.ORG);
  const imidro = page.locator('#entity-table tr', { has: page.locator('td.name', { hasText: /^ایمیدرو$/ }) });
  await expect(imidro).toHaveAttribute('data-labels', `ORG:${count}`);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+z');
  await open();
  await expect(first).toHaveClass(/conflict/);
  await page.keyboard.press('Delete');
  await expect(page.locator('#entity-table tr.conflict')).toHaveCount(0);
  await expect(mark(page, at, at + 7)).toHaveCount(0);
});

test('the document list is searched by id and by text (spelling variants equal) and filtered by status and label', async ({ page }) => {
  await openApp(page);
  const a = await pasteDoc(page, A);
  const b = await pasteDoc(page, B);
  const all = (await docIds(page)).length;
  await expect(page.locator('#doc-shown')).toHaveText(`${all} of ${all}`);
  await page.locator('#doc-search').fill('مدیرعامل ايميدرو');
  await page.locator('#doc-search').press('Enter');
  expect(await docIds(page)).toEqual([b]);
  await page.locator('#doc-search').fill('ايميدرو در'); // Arabic yeh finds both spellings
  await page.locator('#doc-search').press('Enter');
  const found = await docIds(page);
  expect(found).toContain(a);
  expect(found).toContain(b);
  await page.locator('#doc-search').fill(a);
  await page.locator('#doc-search').press('Enter');
  expect(await docIds(page)).toEqual([a]);
  await page.locator('#doc-search').fill('');
  await page.locator('#doc-search').press('Enter');
  await page.locator('#doc-list li[data-doc-id="' + a + '"]').click();
  await page.keyboard.press('n'); // a done
  await page.locator('#doc-filter-status').selectOption('done');
  expect(await docIds(page)).toEqual([a]);
  await expect(page.locator('#doc-shown')).toHaveText(`1 of ${all}`);
  await page.locator('#doc-filter-status').selectOption('');
  await page.locator('#doc-filter-label').selectOption('AGREEMENT');
  expect((await docIds(page)).length).toBeLessThan(all);
});

test('the theme follows the system, can be switched, and is remembered', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openApp(page);
  const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const dark = await bg();
  expect(dark).toBe('rgb(23, 24, 27)');
  await (await menuItem(page, '#theme')).click(); // auto → dark (chosen)
  await expect(page.locator('#theme')).toHaveAttribute('data-theme', 'dark');
  await (await menuItem(page, '#theme')).click(); // → light
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  expect(await bg()).toBe('rgb(251, 250, 247)');
  await settled(page);
  await page.reload();
  await expect(page.locator('#doc-view')).toBeVisible();
  expect(await bg()).toBe('rgb(251, 250, 247)');
  await (await menuItem(page, '#theme')).click(); // → auto: the system's dark again
  expect(await bg()).toBe(dark);
  await page.screenshot({ path: `${ARTIFACTS}/dark.png` });
});
