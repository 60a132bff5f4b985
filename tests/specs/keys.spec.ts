// Every action by keyboard: the help lists the handler's table; Tab leaves the
// text at its ends; the span and label menus answer to the arrow keys; a word
// cursor selects words and a label key labels exactly what is highlighted; a
// focused span grows and shrinks by words and characters; j/k, s and /.
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
  dragSelect,
  caretRange,
  highlightText,
  focusedStart,
  docIds,
  expectMarksMatchText,
  LABEL_KEYS,
  ARTIFACTS,
} from '../helpers/app';

const TEXT = 'گزارش بانک مرکزی از نرخ ارز در تهران';
const at = (s: string) => ({ start: cpIndexOf(TEXT, s), end: cpIndexOf(TEXT, s) + cpLength(s) });
const activeStart = (page: import('@playwright/test').Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('data-start') ?? null);

test('the help is the key table: every key there, with the label keys of the set', async ({ page }) => {
  await openApp(page);
  await page.keyboard.press('?');
  const help = page.locator('#help-keys');
  await expect(help).toBeVisible();
  const rows = await help.locator('tr[data-cmd]').evaluateAll((trs) =>
    trs.map((tr) => [tr.getAttribute('data-cmd'), Array.from(tr.querySelectorAll('kbd')).map((k) => k.textContent)]),
  );
  const keys = new Map(rows.map(([cmd, kbd]) => [cmd as string, (kbd as string[]).join(' / ')]));
  expect(keys.get('NextSpan')).toBe('Tab');
  expect(keys.get('GrowStart')).toBe('[');
  expect(keys.get('ShrinkEnd')).toBe('Shift+]');
  expect(keys.get('ExtendNext')).toBe('Shift+←');
  expect(keys.get('NextDoc')).toBe('j');
  expect(keys.get('PrevDoc')).toBe('k');
  expect(keys.get('NextSuggestion')).toBe('s');
  expect(keys.get('Search')).toBe('/');
  expect(keys.get('Entities')).toBe('Shift+e');
  expect(keys.get('Redo')).toBe('Ctrl+Shift+Z / Ctrl+Y');
  for (const k of Object.values(LABEL_KEYS)) expect(keys.get('LabelKey')).toContain(k);
  expect(rows.length).toBeGreaterThanOrEqual(30);
  await page.screenshot({ path: `${ARTIFACTS}/help-keys.png` });
});

test('Tab leaves the spans at the end and Shift+Tab at the start', async ({ page }) => {
  await openApp(page);
  const ms = await marks(page);
  await page.keyboard.press('Tab');
  expect(await focusedStart(page)).toBe(ms[0].start);
  // Shift+Tab on the first span: the focus leaves the spans (to the text itself).
  await page.keyboard.press('Shift+Tab');
  await expect(page.locator('#doc-view mark.span.focused')).toHaveCount(0);
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('doc-view');
  // Tab from there: the first span again; then on to the last one.
  for (let i = 0; i < ms.length; i++) await page.keyboard.press('Tab');
  expect(await focusedStart(page)).toBe(ms[ms.length - 1].start);
  await page.keyboard.press('Tab');
  await expect(page.locator('#doc-view mark.span.focused')).toHaveCount(0);
  const inText = await page.evaluate(() => !!document.activeElement?.closest('#doc-view'));
  expect(inText, 'the focus went on to the next control').toBe(false);
  expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('BODY');
});

test('the span menu and the label menu are ARIA menus with arrow keys', async ({ page }) => {
  await openApp(page);
  await pasteDoc(page, TEXT);
  await clearSpans(page, 0, cpLength(TEXT));
  // The label menu of a drag: the focus on its first item, ↓ to the second.
  const w = at('تهران');
  await dragSelect(page, w.start + 1, w.end - 2);
  const lm = page.locator('#label-menu[role="menu"]');
  await expect(lm).toBeVisible();
  const items = lm.locator('[role="menuitem"]');
  await expect(items.first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(items.nth(1)).toBeFocused();
  await expect(lm.locator('[role="menuitem"][tabindex="0"]')).toHaveCount(1);
  const second = await items.nth(1).getAttribute('data-label');
  await page.keyboard.press('Enter');
  await expect(mark(page, w.start, w.end)).toHaveAttribute('data-label', second!);

  // The span menu (Space on the focused span): ↓ ↑ Home End, Enter chooses.
  await expect(page.locator('#doc-view mark.span.focused')).toHaveAttribute('data-start', String(w.start));
  await page.keyboard.press(' ');
  const sm = page.locator('#span-menu[role="menu"]');
  await expect(sm).toBeVisible();
  const sItems = sm.locator('[role="menuitem"]:not([disabled])');
  await expect(sItems.first()).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(sItems.last()).toBeFocused(); // wraps
  await page.keyboard.press('Home');
  await expect(sItems.first()).toBeFocused();
  await page.keyboard.press('End');
  const last = await sItems.last().getAttribute('data-label');
  await page.keyboard.press('ArrowUp');
  const before = await sItems.nth((await sItems.count()) - 2).getAttribute('data-label');
  await page.keyboard.press('ArrowDown');
  await expect(sItems.last()).toBeFocused();
  expect(before).not.toBe(last);
  await page.keyboard.press('Enter');
  await expect(sm).toBeHidden();
  await expect(mark(page, w.start, w.end)).toHaveAttribute('data-label', last!);
  // The focus comes back to the span, not to the page.
  await expect.poll(() => activeStart(page)).toBe(String(w.start));
});

test('the word cursor: arrows by words, Shift+arrows extend, the label key labels the highlight', async ({ page }) => {
  await openApp(page);
  const TWO = `${TEXT}\nو سطر دوم با چند واژهٔ دیگر است`;
  await pasteDoc(page, TWO);
  await clearSpans(page, 0, cpLength(TWO));
  await page.locator('#doc-view').focus();
  // ← reads on (right to left): the first word, then the second.
  await page.keyboard.press('ArrowLeft');
  expect(await caretRange(page)).toEqual(at('گزارش'));
  await page.keyboard.press('ArrowLeft');
  expect(await caretRange(page)).toEqual(at('بانک'));
  await expect.poll(() => highlightText(page, 'barchasb-caret')).toBe('بانک');
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Shift+ArrowLeft');
  expect(await caretRange(page)).toEqual(at('بانک مرکزی از'));
  await page.keyboard.press('Shift+ArrowRight'); // back: one word less
  const sel = at('بانک مرکزی');
  expect(await caretRange(page)).toEqual(sel);
  // What is highlighted is what gets labelled.
  await expect.poll(() => highlightText(page, 'barchasb-caret')).toBe('بانک مرکزی');
  await page.screenshot({ path: `${ARTIFACTS}/word-cursor.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${ARTIFACTS}/word-cursor-phone.png` });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.keyboard.press(LABEL_KEYS.ORG);
  await expect(mark(page, sel.start, sel.end)).toHaveAttribute('data-label', 'ORG');
  await expect(mark(page, sel.start, sel.end)).toHaveAttribute('data-state', 'confirmed');
  await expect(mark(page, sel.start, sel.end)).toHaveText('بانک مرکزی');
  expect(await caretRange(page)).toBeNull();
  expect(await focusedStart(page)).toBe(sel.start);

  // ↓ takes the cursor to the line below (a second line here), ↑ back.
  await page.keyboard.press('ArrowDown');
  const down = await caretRange(page);
  expect(down, 'the word below').not.toBeNull();
  expect(down!.start).toBeGreaterThanOrEqual(cpLength(TEXT) + 1);
  await page.keyboard.press('ArrowUp');
  expect((await caretRange(page))!.end).toBeLessThanOrEqual(cpLength(TEXT));
  await page.keyboard.press('Tab'); // back to the span
  expect(await focusedStart(page)).toBe(sel.start);

  // From the focused span, ← starts the cursor on the word after it.
  await page.keyboard.press('ArrowLeft');
  expect(await caretRange(page)).toEqual(at('از'));
  await page.keyboard.press('Escape');
  expect(await caretRange(page)).toBeNull();
  await expectMarksMatchText(page, TWO);
});

test('the focused span grows and shrinks by a word ([ ]) or a character (Alt)', async ({ page }) => {
  await openApp(page);
  await pasteDoc(page, TEXT);
  await clearSpans(page, 0, cpLength(TEXT));
  await page.locator('#doc-view').focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press(LABEL_KEYS.ORG); // «بانک»
  const b = at('بانک');
  await expect(mark(page, b.start, b.end)).toHaveAttribute('data-label', 'ORG');
  const only = async () => {
    const ms = await marks(page);
    expect(ms).toHaveLength(1);
    return cpSlice(TEXT, ms[0].start, ms[0].end);
  };
  await page.keyboard.press(']');
  expect(await only()).toBe('بانک مرکزی');
  await page.keyboard.press(']');
  expect(await only()).toBe('بانک مرکزی از');
  await page.keyboard.press('Shift+]');
  expect(await only()).toBe('بانک مرکزی');
  await page.keyboard.press('[');
  expect(await only()).toBe('گزارش بانک مرکزی');
  await page.keyboard.press('Shift+[');
  expect(await only()).toBe('بانک مرکزی');
  await page.keyboard.press('Alt+Shift+]');
  expect(await only()).toBe('بانک مرکز');
  await page.keyboard.press('Alt+]');
  expect(await only()).toBe('بانک مرکزی');
  await page.keyboard.press('Alt+Shift+[');
  expect(await only()).toBe('انک مرکزی');
  await page.keyboard.press('Alt+[');
  expect(await only()).toBe('بانک مرکزی');
  // Each step is one undo step, and the span stays focused throughout.
  expect(await focusedStart(page)).toBe(b.start);
  await page.keyboard.press('Control+z');
  expect(await only()).toBe('انک مرکزی');
  await expectMarksMatchText(page, TEXT);
});

test('j / k go between documents without marking them done; s finds the next unconfirmed; / searches', async ({ page }) => {
  await openApp(page);
  const ids = await docIds(page);
  const first = (await page.locator('#doc-view').getAttribute('data-doc-id'))!;
  const status = await page.locator(`#doc-list li[data-doc-id="${first}"]`).getAttribute('data-status');
  await page.keyboard.press('j');
  const next = ids[(ids.indexOf(first) + 1) % ids.length];
  await expect(page.locator('#doc-view')).toHaveAttribute('data-doc-id', next);
  await expect(page.locator(`#doc-list li[data-doc-id="${first}"]`)).toHaveAttribute('data-status', status!);
  await page.keyboard.press('k');
  await expect(page.locator('#doc-view')).toHaveAttribute('data-doc-id', first);

  // s: the first suggestion after the focus, skipping confirmed spans.
  const ms = await marks(page);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter'); // the first confirmed, the focus on the second
  await page.keyboard.press('Enter'); // the second too
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  expect(await focusedStart(page)).toBe(ms[0].start);
  await page.keyboard.press('s');
  expect(await focusedStart(page)).toBe(ms[2].start);
  await expect(page.locator('#doc-view mark.span.focused')).toHaveAttribute('data-state', 'suggested');

  // / puts the focus in the search box (and types no slash there).
  await page.keyboard.press('/');
  await expect(page.locator('#doc-search')).toBeFocused();
  await expect(page.locator('#doc-search')).toHaveValue('');
});
