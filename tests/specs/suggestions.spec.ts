// On first start the two seed texts are there, with the core's suggestions
// shown as spans whose offsets are code points of the original text.
import {
  test, expect, openApp, openDoc, viewText, marks, expectMarksMatchText, seedText, SEEDS, ARTIFACTS, docIds, pasteDoc,
  exportLines, cpIndexOf, cpLength, cpSlice,
} from '../helpers/app';

test('the seeds open with suggestions whose offsets slice the original text', async ({ page }) => {
  await openApp(page);
  expect((await docIds(page)).sort()).toEqual([...SEEDS].sort());
  for (const id of SEEDS) {
    await expect(page.locator(`#doc-list li[data-doc-id="${id}"]`)).toHaveAttribute('data-status', 'new');
  }
  await expect(page.locator('#progress')).toHaveText(/0\s*\/\s*2/);

  for (const id of SEEDS) {
    await openDoc(page, id);
    await expect(page.locator('#doc-list li.active')).toHaveAttribute('data-doc-id', id);
    const view = page.locator('#doc-view');
    await expect(view).toHaveAttribute('dir', 'rtl');
    await expect(view).toHaveAttribute('lang', 'fa');
    const text = seedText(id);
    // Paragraphs kept: one <p> per line, and together they are the text.
    await expect(view.locator(':scope > p')).toHaveCount(text.split('\n').length);
    expect(await viewText(page)).toBe(text);

    await expect(view.locator('mark.span[data-state="suggested"]').first()).toBeVisible();
    const ms = await marks(page);
    expect(ms.length).toBeGreaterThan(5);
    for (const m of ms) expect(m.state).toBe('suggested');
    await expectMarksMatchText(page, text);
    // The side list counts them: "0✓ / N?".
    await expect(page.locator(`#doc-list li[data-doc-id="${id}"]`)).toContainText(String(ms.length));
    // Every plain run's data-offset is the code point where it starts.
    const runs = await view.locator('span.t[data-offset]').evaluateAll((els) =>
      els.map((e) => ({ at: Number(e.getAttribute('data-offset')), text: e.textContent ?? '' })),
    );
    expect(runs.length).toBeGreaterThan(0);
    const cps = Array.from(text);
    for (const r of runs) expect(r.text).toBe(cps.slice(r.at, r.at + Array.from(r.text).length).join(''));
  }
  await openDoc(page, SEEDS[1]);
  await page.screenshot({ path: `${ARTIFACTS}/document-with-suggestions.png` });
});

// Texts wrapped at a fixed width break lines inside an amount; the rules
// suggest the amount whole, shown on both lines, and it is confirmed,
// exported and read back as one span.
test('an amount over the break of a wrapped line is one suggestion, confirmed whole', async ({ page }) => {
  await openApp(page);
  const text =
    'صادرات فولاد کشور در شش ماه نخست امسال به حدود ۳۲\nمیلیون و ۴۰۰ هزار تن رسید که نسبت به سال گذشته بیشتر است.';
  const id = await pasteDoc(page, text);
  const amount = '۳۲\nمیلیون و ۴۰۰ هزار تن';
  const start = cpIndexOf(text, amount);
  const end = start + cpLength(amount);
  await expect.poll(async () => (await marks(page)).find((m) => m.start === start)?.text).toBe(amount);
  // One mark per paragraph, with the same offsets.
  const pieces = page.locator(`#doc-view mark.span[data-start="${start}"][data-end="${end}"]`);
  await expect(pieces).toHaveCount(2);
  await expect(pieces.first()).toHaveAttribute('data-label', 'QUANTITY');
  await page.screenshot({ path: `${ARTIFACTS}/wrapped-amount.png` });

  await pieces.last().click();
  await page.locator('#span-menu button[data-action="confirm"]').click();
  for (const i of [0, 1]) await expect(pieces.nth(i)).toHaveAttribute('data-state', 'confirmed');
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(pieces.first()).toBeVisible();
  await page.screenshot({ path: `${ARTIFACTS}/wrapped-amount-phone.png` });
  const { lines } = await exportLines(page);
  const line = lines.find((l) => l.id === id)!;
  expect(line.spans).toContainEqual({ start, end, label: 'QUANTITY' });
  expect(cpSlice(line.text, start, end)).toBe(amount);
});
