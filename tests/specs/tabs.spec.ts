// Two tabs of the annotator share one IndexedDB. One tab edits at a time: a
// second one shows the saved work read-only (it refuses edits and writes
// nothing), follows the editing tab's saves, and takes over in one click,
// which makes the first one read-only in turn. Nothing either tab did is lost.
import {
  test,
  expect,
  openApp,
  openDoc,
  marks,
  mark,
  settled,
  docIds,
  exportLines,
  cpSlice,
  seedText,
  SEEDS,
  LABEL_KEYS,
  ARTIFACTS,
  type Span,
  type Mark, menuItem } from '../helpers/app';
import type { Page } from '@playwright/test';

const ID = SEEDS[1];
const TEXT = seedText(ID);

/** Relabels the span `m` by key from its menu (that confirms it too). */
async function relabel(page: Page, m: Span, label: string): Promise<void> {
  await mark(page, m.start, m.end).click();
  await expect(page.locator('#span-menu')).toBeVisible();
  await page.keyboard.press(LABEL_KEYS[label]);
}

/** The edited document in an export with suggestions, from `page`. */
async function exported(page: Page): Promise<{ spans: Span[]; suggestions: Span[]; status: string }> {
  if (!(await page.locator('#export-suggestions').isChecked())) await (await menuItem(page, '#export-suggestions')).check();
  const { lines } = await exportLines(page);
  const doc = lines.find((l) => l.id === ID)!;
  expect(doc.text).toBe(TEXT);
  return { spans: doc.spans, suggestions: doc.suggestions ?? [], status: doc.status };
}

/** An edit in a read-only tab is refused and changes nothing. */
async function refused(page: Page, m: Mark, key: string): Promise<void> {
  const before = await marks(page);
  await mark(page, m.start, m.end).click();
  await page.keyboard.press(key);
  await expect(page.locator('#message')).toContainText('Read-only');
  await expect(page.locator('#message')).toHaveClass(/error/);
  await page.locator('#done-next').click();
  await expect(page.locator(`#doc-list li[data-doc-id="${ID}"]`)).not.toHaveAttribute('data-status', 'done');
  expect(await marks(page)).toEqual(before);
}

test('a second tab is read-only, cannot overwrite, follows the saves and takes over in one click', async ({ page }) => {
  const a = page;
  await openApp(a);
  await openDoc(a, ID);
  await expect(a.locator('#doc-view mark.span[data-state="suggested"]').nth(3)).toBeVisible();
  const [s0, s1, s2, s3] = await marks(a);
  const other = (m: Span, not = '') => ['ORG', 'LOC', 'PER'].find((l) => l !== m.label && l !== not)!;

  // 1. Tab A edits; nothing says it is not the editing tab.
  const l0 = other(s0);
  await relabel(a, s0, l0);
  await expect(mark(a, s0.start, s0.end)).toHaveAttribute('data-label', l0);
  await expect(a.locator('#tab-banner')).toHaveCount(0);
  await settled(a);

  // 2. Tab B opens: it shows A's edit, says it is read-only and refuses edits.
  const b = await a.context().newPage();
  await openApp(b);
  const banner = b.locator('#tab-banner');
  await expect(banner).toBeVisible();
  await expect(banner).toHaveAttribute('data-reason', 'busy');
  await expect(banner).toContainText('read-only');
  await expect(b.locator('#save-status')).toHaveText('read-only');
  await expect(a.locator('#save-status')).toHaveText('saved');
  await openDoc(b, ID);
  await expect(mark(b, s0.start, s0.end)).toHaveAttribute('data-label', l0);
  await expect(mark(b, s0.start, s0.end)).toHaveAttribute('data-state', 'confirmed');
  await b.screenshot({ path: `${ARTIFACTS}/tab-read-only.png` });
  const bMark = (await marks(b)).find((m) => m.start === s0.start)!;
  await refused(b, bMark, LABEL_KEYS[other(s0, l0)]);
  await expect(mark(b, s0.start, s0.end)).toHaveAttribute('data-label', l0);
  await b.screenshot({ path: `${ARTIFACTS}/tab-refused.png` });
  // A pasted text is refused too, and stays in the box (not lost).
  await b.locator('#paste-text').fill('متن تازه‌ای از خبرگزاری');
  await b.locator('#paste-add').click();
  await expect(b.locator('#message')).toContainText('Read-only');
  await expect(b.locator('#paste-text')).toHaveValue('متن تازه‌ای از خبرگزاری');
  expect(await docIds(b)).toEqual(SEEDS);

  // 3. A goes on editing; B follows A's saves.
  await a.bringToFront();
  await openDoc(a, ID);
  await mark(a, s1.start, s1.end).click();
  await page.keyboard.press('Delete');
  await expect(mark(a, s1.start, s1.end)).toHaveCount(0);
  await expect(mark(b, s1.start, s1.end)).toHaveCount(0);
  await expect(mark(a, s0.start, s0.end)).toHaveAttribute('data-label', l0);

  // Both exports hold A's two edits.
  const afterA = await exported(a);
  expect(afterA.spans).toContainEqual({ start: s0.start, end: s0.end, label: l0 });
  expect(afterA.suggestions.find((s) => s.start === s1.start)).toBeUndefined();
  await b.bringToFront();
  expect(await exported(b)).toEqual(afterA);

  // 4. One click in B: B edits, A is read-only and says why.
  await b.locator('#take-over').click();
  await expect(b.locator('#doc-view')).toHaveAttribute('data-doc-id', ID);
  await expect(b.locator('#tab-banner')).toHaveCount(0);
  await expect(a.locator('#tab-banner')).toHaveAttribute('data-reason', 'taken');
  await a.screenshot({ path: `${ARTIFACTS}/tab-taken.png` });
  // B's state is the stored one: A's edits are there.
  await expect(mark(b, s0.start, s0.end)).toHaveAttribute('data-label', l0);
  await expect(mark(b, s1.start, s1.end)).toHaveCount(0);
  const l2 = other(s2);
  await relabel(b, s2, l2);
  await expect(mark(b, s2.start, s2.end)).toHaveAttribute('data-label', l2);
  await settled(b);

  // A follows B, and cannot overwrite it.
  await a.bringToFront();
  await expect(mark(a, s2.start, s2.end)).toHaveAttribute('data-label', l2);
  const aMark = (await marks(a)).find((m) => m.start === s3.start)!;
  await refused(a, aMark, 'Delete');
  await expect(mark(a, s3.start, s3.end)).toHaveCount(1);

  // 5. Every edit, from either tab, in either export, and in a new tab.
  const want = await exported(b);
  expect(want.spans).toEqual(
    expect.arrayContaining([
      { start: s0.start, end: s0.end, label: l0 },
      { start: s2.start, end: s2.end, label: l2 },
    ]),
  );
  expect(want.suggestions.find((s) => s.start === s1.start)).toBeUndefined();
  expect(want.suggestions.find((s) => s.start === s3.start)).toBeDefined();
  expect(want.status).toBe('in_progress');
  for (const s of want.spans) expect(cpSlice(TEXT, s.start, s.end).length).toBe(s.end - s.start);
  expect(await exported(a)).toEqual(want);
  const c = await a.context().newPage();
  await openApp(c);
  await expect(c.locator('#tab-banner')).toHaveAttribute('data-reason', 'busy');
  expect(await exported(c)).toEqual(want);
  await c.close();

  // 6. The editing tab stays the editing tab through a reload.
  await b.reload();
  await expect(b.locator('#doc-view')).toHaveAttribute('data-doc-id', ID);
  await expect(b.locator('#tab-banner')).toHaveCount(0);
  const l3 = other(s3);
  await relabel(b, s3, l3);
  await expect(mark(b, s3.start, s3.end)).toHaveAttribute('data-label', l3);
  await expect(mark(a, s3.start, s3.end)).toHaveAttribute('data-label', l3);
  await b.close();
});

test('closing the editing tab: the read-only tab says so, and the next tab opened edits', async ({ page }) => {
  await openApp(page);
  await openDoc(page, ID);
  await expect(page.locator('#doc-view mark.span[data-state="suggested"]').first()).toBeVisible();
  const [s0] = await marks(page);
  await relabel(page, s0, s0.label === 'ORG' ? 'LOC' : 'ORG');
  await settled(page);
  const second = await page.context().newPage();
  await openApp(second);
  await expect(second.locator('#tab-banner')).toHaveAttribute('data-reason', 'busy');
  await page.close();
  await expect(second.locator('#tab-banner')).toHaveAttribute('data-reason', 'free');
  await second.screenshot({ path: `${ARTIFACTS}/tab-free.png` });
  // Still read-only: its model and history are not the stored ones.
  const m = (await marks(second)).find((x) => x.start === s0.start) ?? (await marks(second))[0];
  await mark(second, m.start, m.end).click();
  await second.keyboard.press('Delete');
  await expect(second.locator('#message')).toContainText('Read-only');

  const third = await second.context().newPage();
  await openApp(third);
  await openDoc(third, ID);
  await expect(third.locator('#tab-banner')).toHaveCount(0);
  // The tab that edits now saves: the read-only one says it is busy again.
  await expect(second.locator('#tab-banner')).toHaveAttribute('data-reason', 'busy');
  await expect(mark(third, s0.start, s0.end)).toHaveAttribute('data-state', 'confirmed');
  await mark(third, s0.start, s0.end).click();
  await third.keyboard.press('Delete');
  await expect(mark(third, s0.start, s0.end)).toHaveCount(0);
  await expect(third.locator('#message')).not.toContainText('Read-only');
  // Closed again: the second tab takes over in one click and has every edit.
  await third.close();
  await expect(second.locator('#tab-banner')).toHaveAttribute('data-reason', 'free');
  await second.locator('#take-over').click();
  await expect(second.locator('#doc-view')).toHaveAttribute('data-doc-id', ID);
  await expect(second.locator('#tab-banner')).toHaveCount(0);
  await expect(mark(second, s0.start, s0.end)).toHaveCount(0);
  const { spans } = await exported(second);
  expect(spans.find((s) => s.start === s0.start)).toBeUndefined();
});

test('without Web Locks (an insecure origin) the tab edits and saves, as before', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'locks', { get: () => undefined });
  });
  await openApp(page);
  expect(await page.evaluate(() => navigator.locks)).toBeUndefined();
  await openDoc(page, ID);
  await expect(page.locator('#doc-view mark.span[data-state="suggested"]').first()).toBeVisible();
  const [s0] = await marks(page);
  const label = s0.label === 'ORG' ? 'LOC' : 'ORG';
  await relabel(page, s0, label);
  await expect(page.locator('#tab-banner')).toHaveCount(0);
  await settled(page);
  await page.reload();
  await openDoc(page, ID);
  await expect(mark(page, s0.start, s0.end)).toHaveAttribute('data-label', label);
  await expect(mark(page, s0.start, s0.end)).toHaveAttribute('data-state', 'confirmed');
});
