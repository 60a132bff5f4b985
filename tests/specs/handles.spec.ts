// Boundaries by mouse, with real mouse events in right-to-left text: the
// handles at a span's two ends drag its boundary (snapped to words; with Alt
// to the character), an Alt drag marks a name inside words run together, and
// a drag begun inside a span marks it anew instead of being refused.
import {
  test,
  expect,
  openApp,
  pasteDoc,
  marks,
  mark,
  clearSpans,
  cpIndexOf,
  cpLength,
  cpSlice,
  charCenter,
  caretPoint,
  handlePoints,
  highlightText,
  expectMarksMatchText,
  LABEL_KEYS,
  ARTIFACTS,
} from '../helpers/app';
import type { Page } from '@playwright/test';

const TEXT = 'گزارش بانک مرکزی از نرخ ارز در تهران';
const GLUED = 'به گزارش اعلامیمرکز آماراست که نرخ تورم بالا رفت';

async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }, alt = false) {
  if (alt) await page.keyboard.down('Alt');
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 4 });
  await page.mouse.up();
  if (alt) await page.keyboard.up('Alt');
}

async function only(page: Page, text: string): Promise<string> {
  const ms = await marks(page);
  expect(ms).toHaveLength(1);
  return cpSlice(text, ms[0].start, ms[0].end);
}

test('an Alt drag is exact to the character: a name inside words run together', async ({ page }) => {
  await openApp(page);
  await pasteDoc(page, GLUED);
  await clearSpans(page, 0, cpLength(GLUED));
  const s = cpIndexOf(GLUED, 'مرکز آمار');
  const e = s + cpLength('مرکز آمار');
  // Without Alt the drag snaps to the written words: «اعلامیمرکز آماراست».
  await drag(page, await caretPoint(page, s), await caretPoint(page, e));
  const menu = page.locator('#label-menu');
  await expect(menu).toBeVisible();
  expect(Number(await menu.getAttribute('data-start'))).toBeLessThan(s);
  await page.keyboard.press('Escape');
  // With Alt: exactly «مرکز آمار».
  await drag(page, await caretPoint(page, s), await caretPoint(page, e), true);
  await expect(menu).toBeVisible();
  await expect(menu).toHaveAttribute('data-start', String(s));
  await expect(menu).toHaveAttribute('data-end', String(e));
  // The highlight is the range the menu labels.
  expect(await page.evaluate(() => getSelection()?.toString())).toBe('مرکز آمار');
  await page.keyboard.press(LABEL_KEYS.ORG);
  await expect(mark(page, s, e)).toHaveAttribute('data-label', 'ORG');
  await expect(mark(page, s, e)).toHaveText('مرکز آمار');
  await expectMarksMatchText(page, GLUED);
});

test('handles drag a span boundary: by words, by characters with Alt', async ({ page }) => {
  await openApp(page);
  await pasteDoc(page, TEXT);
  await clearSpans(page, 0, cpLength(TEXT));
  const b = cpIndexOf(TEXT, 'بانک');
  await page.locator('#doc-view').focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press(LABEL_KEYS.ORG);
  await expect(mark(page, b, b + 4)).toHaveAttribute('data-state', 'confirmed');
  await expect(page.locator('#doc-view mark.span.focused')).toHaveCount(1);
  await page.screenshot({ path: `${ARTIFACTS}/handles.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${ARTIFACTS}/handles-phone.png` });
  await page.setViewportSize({ width: 1280, height: 800 });

  // The end handle into the middle of «مرکزی»: the end snaps to its end.
  let h = await handlePoints(page, b, b + 4);
  const mid = cpIndexOf(TEXT, 'مرکزی') + 2;
  await drag(page, h.end, await charCenter(page, mid));
  await expect.poll(() => only(page, TEXT)).toBe('بانک مرکزی');
  let ms = await marks(page);
  expect(ms[0]).toMatchObject({ label: 'ORG', state: 'confirmed' });
  await expect(page.locator('#span-menu')).toBeHidden();

  // The start handle into «گزارش» with Alt: exactly there.
  h = await handlePoints(page, ms[0].start, ms[0].end);
  await drag(page, h.start, await caretPoint(page, 2), true);
  await expect.poll(() => only(page, TEXT)).toBe(cpSlice(TEXT, 2, ms[0].end));
  // The same without Alt: the whole word.
  ms = await marks(page);
  h = await handlePoints(page, ms[0].start, ms[0].end);
  await drag(page, h.start, await caretPoint(page, 3));
  await expect.poll(() => only(page, TEXT)).toBe('گزارش بانک مرکزی');
  // Back inward, by the end handle, to the end of «بانک»... into «بانک».
  ms = await marks(page);
  h = await handlePoints(page, ms[0].start, ms[0].end);
  await drag(page, h.end, await charCenter(page, b + 1));
  await expect.poll(() => only(page, TEXT)).toBe('گزارش بانک');
  // Undo goes back one drag at a time.
  await page.keyboard.press('Control+z');
  await expect.poll(() => only(page, TEXT)).toBe('گزارش بانک مرکزی');
  await expectMarksMatchText(page, TEXT);
});

test('a drag begun inside a span marks it anew instead of being refused', async ({ page }) => {
  await openApp(page);
  await pasteDoc(page, TEXT);
  await clearSpans(page, 0, cpLength(TEXT));
  const bank = { start: cpIndexOf(TEXT, 'بانک'), end: cpIndexOf(TEXT, 'بانک') + cpLength('بانک مرکزی') };
  await page.locator('#doc-view').focus();
  for (const k of ['ArrowLeft', 'ArrowLeft', 'Shift+ArrowLeft', LABEL_KEYS.ORG]) await page.keyboard.press(k);
  await expect(mark(page, bank.start, bank.end)).toHaveAttribute('data-label', 'ORG');
  await page.keyboard.press('Escape');
  // From inside «مرکزی» (not at a handle) to inside «نرخ».
  const from = cpIndexOf(TEXT, 'مرکزی') + 2;
  const to = cpIndexOf(TEXT, 'نرخ') + 1;
  await drag(page, await charCenter(page, from), await charCenter(page, to));
  const menu = page.locator('#label-menu');
  await expect(menu).toBeVisible();
  await expect(menu).toHaveAttribute('data-replace', String(bank.start));
  await page.keyboard.press(LABEL_KEYS.ORG);
  const s = cpIndexOf(TEXT, 'مرکزی');
  const e = cpIndexOf(TEXT, 'نرخ') + 3;
  await expect(mark(page, s, e)).toHaveAttribute('data-label', 'ORG');
  await expect(mark(page, bank.start, bank.end)).toHaveCount(0);
  await expect(page.locator('#message')).toContainText('بانک مرکزی');
  await expect(page.locator('#message')).not.toContainText(/overlap/i);
  await expectMarksMatchText(page, TEXT);
  // One undo brings the old span back.
  await page.keyboard.press('Control+z');
  await expect(mark(page, bank.start, bank.end)).toHaveAttribute('data-label', 'ORG');
  await expect(mark(page, s, e)).toHaveCount(0);
});

test.describe('on a phone', () => {
  test.use({ hasTouch: true });

  test('a tap on a word selects it and offers the labels', async ({ page }) => {
    await openApp(page);
    await pasteDoc(page, TEXT);
    await clearSpans(page, 0, cpLength(TEXT));
    await page.setViewportSize({ width: 390, height: 844 });
    const w = { start: cpIndexOf(TEXT, 'تهران'), end: cpIndexOf(TEXT, 'تهران') + cpLength('تهران') };
    const p = await charCenter(page, w.start + 2);
    await page.touchscreen.tap(p.x, p.y);
    const menu = page.locator('#label-menu');
    await expect(menu).toBeVisible();
    await expect(menu).toHaveAttribute('data-start', String(w.start));
    await expect(menu).toHaveAttribute('data-end', String(w.end));
    await expect.poll(() => highlightText(page, 'barchasb-caret')).toBe('تهران');
    await page.screenshot({ path: `${ARTIFACTS}/tap-word-phone.png` });
    await menu.locator('button[data-label="LOC"]').tap();
    await expect(mark(page, w.start, w.end)).toHaveAttribute('data-label', 'LOC');
    await expectMarksMatchText(page, TEXT);
  });
  test('a touch drag from the tapped word stretches the selection word by word; one begun elsewhere does not', async ({ page }) => {
    await openApp(page);
    await pasteDoc(page, TEXT);
    await clearSpans(page, 0, cpLength(TEXT));
    await page.setViewportSize({ width: 390, height: 844 });
    const at = (w: string) => ({ start: cpIndexOf(TEXT, w), end: cpIndexOf(TEXT, w) + cpLength(w) });
    const [bank, central, rate] = [at('بانک'), at('مرکزی'), at('نرخ')];
    await page.touchscreen.tap(...Object.values(await charCenter(page, bank.start + 1)) as [number, number]);
    const menu = page.locator('#label-menu');
    await expect(menu).toHaveAttribute('data-end', String(bank.end));
    // A real touch sequence (touchstart, moves, touchend) as a finger makes it.
    const cdp = await page.context().newCDPSession(page);
    const touch = async (type: string, p?: { x: number; y: number }) =>
      cdp.send('Input.dispatchTouchEvent', { type, touchPoints: p ? [{ x: p.x, y: p.y }] : [] });
    const fingerDrag = async (from: { x: number; y: number }, to: { x: number; y: number }) => {
      await touch('touchStart', from);
      for (let i = 1; i <= 5; i++) await touch('touchMove', { x: from.x + ((to.x - from.x) * i) / 5, y: from.y + ((to.y - from.y) * i) / 5 });
      await touch('touchEnd');
    };
    await fingerDrag(await charCenter(page, bank.start + 1), await charCenter(page, central.start + 2));
    await expect(menu).toHaveAttribute('data-start', String(bank.start));
    await expect(menu).toHaveAttribute('data-end', String(central.end));
    await expect.poll(() => highlightText(page, 'barchasb-caret')).toBe('بانک مرکزی');
    await page.screenshot({ path: `${ARTIFACTS}/touch-stretch-phone.png` });
    // Begun on a word not selected, a drag leaves the selection as it was.
    await fingerDrag(await charCenter(page, rate.start + 1), await charCenter(page, rate.end + 3));
    await expect(page.locator('#doc-view')).toHaveAttribute('data-caret-start', String(bank.start));
    await expect(page.locator('#doc-view')).toHaveAttribute('data-caret-end', String(central.end));
    await menu.locator('button[data-label="ORG"]').tap();
    await expect(mark(page, bank.start, central.end)).toHaveAttribute('data-label', 'ORG');
    await expectMarksMatchText(page, TEXT);
  });
});
