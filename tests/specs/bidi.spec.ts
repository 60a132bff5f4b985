// Mixed Persian, Latin and digits read in the right order: in the right-to-left
// paragraph each word stands left of the one before it, while a Latin word or
// a number (Persian or ASCII digits) runs left to right inside itself; spans
// and their label tags do not change that.
import { test, expect, openApp, pasteDoc, charCenter, cpIndexOf, cpLength, marks, ARTIFACTS } from '../helpers/app';

const TEXT = 'همکاری‌های ایمیدرو در سال ۱۴۰۲ و 2025 با شرکت ANC و ۹ میلیارد دلار';
const LTR = /^[0-9۰-۹A-Za-z]+$/;

test('Persian, Latin and digits are laid out in reading order', async ({ page }) => {
  await openApp(page);
  await pasteDoc(page, TEXT);
  await page.locator('#accept-all').click();
  expect((await marks(page)).length).toBeGreaterThan(0);
  await page.locator('#doc-view').screenshot({ path: `${ARTIFACTS}/bidi-line.png` });

  const words = TEXT.split(' ');
  let from = 0;
  let prev: { left: number; right: number; y: number } | null = null;
  for (const w of words) {
    const start = cpIndexOf(TEXT, w, from);
    from = start + cpLength(w);
    const xs: number[] = [];
    let y = 0;
    for (let k = 0; k < cpLength(w); k++) {
      const c = await charCenter(page, start + k);
      xs.push(c.x);
      y = c.y;
    }
    // Inside a word: right to left for Persian, left to right for Latin and numbers.
    for (let k = 1; k < xs.length; k++) {
      if (LTR.test(w)) expect(xs[k], `${w}: character ${k}`).toBeGreaterThan(xs[k - 1]);
      else expect(xs[k], `${w}: character ${k}`).toBeLessThan(xs[k - 1]);
    }
    const box = { left: Math.min(...xs), right: Math.max(...xs), y };
    // Word after word, leftwards, on one line.
    if (prev) {
      expect(box.y, `${w} is on the same line`).toBeCloseTo(prev.y, 0);
      expect(box.right, `${w} stands left of the word before it`).toBeLessThan(prev.left);
    }
    prev = box;
  }
});
