// New spans by mouse: a drag from inside one word to inside another snaps to
// whole tokens (ZWNJ words, digits, Latin), then a label is chosen.
import {
  test,
  expect,
  openApp,
  pasteDoc,
  openDoc,
  marks,
  mark,
  dragSelect,
  clearSpans,
  cpIndexOf,
  cpLength,
  cpSlice,
  expectMarksMatchText,
  LABEL_KEYS,
  ARTIFACTS,
} from '../helpers/app';

const LINE1 = 'همکاری‌های ایمیدرو در سال ۱۴۰۲ و 2025 با شرکت ANC';
const LINE2 = 'گزارش همکاری‌های تازه با ۳۵۰۰ نفر از کارکنان';
const TEXT = `${LINE1}\n${LINE2}`;

/** Code points [start, end) of `phrase` in TEXT, searching from `from`. */
function at(phrase: string, from = 0): { start: number; end: number } {
  const start = cpIndexOf(TEXT, phrase, from);
  return { start, end: start + cpLength(phrase) };
}

test('a drag snaps to whole tokens across a ZWNJ word, digits and Latin', async ({ page }) => {
  await openApp(page);
  await pasteDoc(page, TEXT);
  const line2 = cpLength(LINE1) + 1;
  const menu = page.locator('#label-menu');

  // 1. From inside «های» (after the ZWNJ) to inside «تازه»: the whole «همکاری‌های تازه».
  const zw = at('همکاری‌های تازه', line2);
  await clearSpans(page, zw.start, zw.end);
  const inHa = zw.start + Array.from('همکاری‌ه').length; // the «ا» of «های»
  const inTaze = cpIndexOf(TEXT, 'تازه', line2) + 1;
  expect(cpSlice(TEXT, inHa, inHa + 1)).toBe('ا');
  await dragSelect(page, inHa, inTaze);
  await expect(menu).toBeVisible();
  await expect(menu.locator('button[data-label]')).toHaveCount(Object.keys(LABEL_KEYS).length);
  await page.screenshot({ path: `${ARTIFACTS}/label-menu.png` });
  await menu.locator('button[data-label="EVENT"]').click();
  await expect(mark(page, zw.start, zw.end)).toHaveAttribute('data-label', 'EVENT');
  await expect(mark(page, zw.start, zw.end)).toHaveAttribute('data-state', 'confirmed');
  await expect(mark(page, zw.start, zw.end)).toHaveText('همکاری‌های تازه');
  await expect(menu).toBeHidden();

  // 2. From inside «۳۵۰۰» to inside «نفر», labelled by key: «۳۵۰۰ نفر».
  const q = at('۳۵۰۰ نفر', line2);
  await clearSpans(page, q.start, q.end);
  await dragSelect(page, q.start + 2, q.end - 1);
  await expect(menu).toBeVisible();
  await page.keyboard.press(LABEL_KEYS.QUANTITY);
  await expect(mark(page, q.start, q.end)).toHaveAttribute('data-label', 'QUANTITY');
  await expect(mark(page, q.start, q.end)).toHaveText('۳۵۰۰ نفر');

  // 3. Persian and Latin: from inside «شرکت» to inside «ANC» on the first line.
  const org = at('شرکت ANC');
  await clearSpans(page, org.start, org.end);
  await dragSelect(page, org.start + 1, org.end - 2);
  await expect(menu).toBeVisible();
  await page.keyboard.press(LABEL_KEYS.ORG);
  await expect(mark(page, org.start, org.end)).toHaveAttribute('data-label', 'ORG');
  await expect(mark(page, org.start, org.end)).toHaveText('شرکت ANC');

  // 4. Digits of two scripts and a ZWNJ word in one drag: «سال ۱۴۰۲ و 2025».
  const date = at('سال ۱۴۰۲ و 2025');
  await clearSpans(page, date.start, date.end);
  await dragSelect(page, date.start + 1, date.end - 2);
  await expect(menu).toBeVisible();
  await page.keyboard.press(LABEL_KEYS.DATE);
  await expect(mark(page, date.start, date.end)).toHaveAttribute('data-label', 'DATE');

  await expectMarksMatchText(page, TEXT);
  await page.screenshot({ path: `${ARTIFACTS}/new-spans-mixed-text.png` });
});

// Two words run together (a typo): the guidelines' span is the name only.
const GLUED = 'گزارش بانک مرکزینرخ ارز را اعلام کرد';

test('words run together: the suggestion and a drag both end inside the written word', async ({ page }) => {
  await openApp(page);
  await pasteDoc(page, GLUED);
  const name = { start: cpIndexOf(GLUED, 'بانک'), end: cpIndexOf(GLUED, 'بانک') + cpLength('بانک مرکزی') };
  expect(cpSlice(GLUED, name.start, name.end)).toBe('بانک مرکزی');
  // The rules suggest the name alone, not «بانک مرکزینرخ».
  await expect(mark(page, name.start, name.end)).toHaveAttribute('data-label', 'ORG');
  await clearSpans(page, 0, cpLength(GLUED));
  // A drag from inside «بانک» to the «ز» of «مرکزی» snaps to «بانک مرکزی».
  await dragSelect(page, name.start + 1, name.end - 2);
  await expect(page.locator('#label-menu')).toBeVisible();
  await page.keyboard.press(LABEL_KEYS.ORG);
  await expect(mark(page, name.start, name.end)).toHaveAttribute('data-state', 'confirmed');
  await expect(mark(page, name.start, name.end)).toHaveText('بانک مرکزی');
  // And a drag over «نرخ» alone snaps to it, not to the whole written word (the label is any).
  const rate = cpIndexOf(GLUED, 'نرخ');
  await dragSelect(page, rate, rate + 2);
  await expect(page.locator('#label-menu')).toBeVisible();
  await page.keyboard.press(LABEL_KEYS.COMMODITY);
  await expect(mark(page, rate, rate + 3)).toHaveText('نرخ');
  await expectMarksMatchText(page, GLUED);
  await page.screenshot({ path: `${ARTIFACTS}/run-together.png` });
});

test('an overlapping selection is refused with a message; Escape closes the label menu', async ({ page }) => {
  await openApp(page);
  await pasteDoc(page, TEXT);
  const line2 = cpLength(LINE1) + 1;
  const zw = at('همکاری‌های تازه', line2);
  await clearSpans(page, zw.start, cpLength(TEXT));
  await dragSelect(page, zw.start + 2, zw.end - 2);
  await expect(page.locator('#label-menu')).toBeVisible();
  await page.keyboard.press(LABEL_KEYS.EVENT);
  await expect(mark(page, zw.start, zw.end)).toHaveAttribute('data-label', 'EVENT');
  const before = await marks(page);

  // «تازه با», dragged from «با» (outside the span) into it: overlaps the
  // span just made. (A drag begun inside a span marks it anew: handles.spec.)
  const overlap = at('تازه با', line2);
  await dragSelect(page, overlap.end - 1, overlap.start + 1);
  if (await page.locator('#label-menu').isVisible()) await page.keyboard.press(LABEL_KEYS.PER);
  await expect(page.locator('#message')).toContainText(/overlap/i);
  expect(await marks(page)).toEqual(before);

  // Escape: the label menu closes and nothing is added.
  const free = at('از کارکنان', line2);
  await dragSelect(page, free.start + 1, free.end - 2);
  await expect(page.locator('#label-menu')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.locator('#label-menu')).toBeHidden();
  expect(await marks(page)).toEqual(before);
});

const NAME = 'کاوه‌پارس';
const NAME_ARABIC = 'كاوه‌پارس'; // Arabic kaf: the same name once normalized
const OTHER = `گزارش شركت ${NAME_ARABIC} در تهران`;
const APPLY = `${NAME} قرارداد بست و مدیر ${NAME_ARABIC} گفت که ${NAME} آماده است.`;

/** Two pasted documents; the name labelled ORG in the second; returns their ids. */
async function labelOne(page: import('@playwright/test').Page) {
  await openApp(page);
  const otherId = await pasteDoc(page, OTHER);
  await clearSpans(page, 0, cpLength(OTHER));
  const id = await pasteDoc(page, APPLY);
  await clearSpans(page, 0, cpLength(APPLY));
  const n = cpLength(NAME);
  // One word: from its second letter to its second-to-last, across the ZWNJ.
  await dragSelect(page, 1, n - 2);
  await page.keyboard.press(LABEL_KEYS.ORG);
  await expect(mark(page, 0, n)).toHaveAttribute('data-label', 'ORG');
  const bar = page.locator('#apply-everywhere');
  await expect(bar).toBeVisible();
  await expect(bar).toContainText(/[2۲]/); // two more in this document
  const second = cpIndexOf(APPLY, NAME_ARABIC);
  const third = cpIndexOf(APPLY, NAME, n);
  return { id, otherId, bar, others: [second, third], n };
}

test('apply everywhere, this document: the other spellings here are labelled, not elsewhere', async ({ page }) => {
  const { otherId, bar, others, n } = await labelOne(page);
  await page.screenshot({ path: `${ARTIFACTS}/apply-everywhere.png` });
  await bar.locator('button[data-action="apply-doc"]').click();
  for (const s of others) await expect(mark(page, s, s + n)).toHaveAttribute('data-label', 'ORG');
  await expectMarksMatchText(page, APPLY);
  await openDoc(page, otherId);
  expect(await marks(page)).toEqual([]);
});

test('apply everywhere, all documents: matched on normalized text (ك/ک)', async ({ page }) => {
  const { id, otherId, bar, others, n } = await labelOne(page);
  await bar.locator('button[data-action="apply-all"]').click();
  for (const s of others) await expect(mark(page, s, s + n)).toHaveAttribute('data-label', 'ORG');
  await openDoc(page, otherId);
  const o = cpIndexOf(OTHER, NAME_ARABIC);
  await expect(mark(page, o, o + n)).toHaveAttribute('data-label', 'ORG');
  await expectMarksMatchText(page, OTHER);
  await openDoc(page, id);
  await expectMarksMatchText(page, APPLY);
});
