// Correcting suggestions with the span menu and with keys; undo and redo.
import { test, expect, openApp, openDoc, marks, mark, SEEDS, LABEL_KEYS, ARTIFACTS } from '../helpers/app';
import type { Page } from '@playwright/test';

const ID = SEEDS[1];

async function suggested(page: Page) {
  await openApp(page);
  await openDoc(page, ID);
  await expect(page.locator('#doc-view mark.span[data-state="suggested"]').first()).toBeVisible();
  return marks(page);
}

/** A label other than `label`, from the default set. */
function other(label: string, not: string[] = []): string {
  return Object.keys(LABEL_KEYS).find((l) => l !== label && !not.includes(l))!;
}

test('span menu: confirm, change the label by click and by key, delete', async ({ page }) => {
  const before = await suggested(page);
  const [a, b, c, d] = before;

  // Confirm.
  await mark(page, a.start, a.end).click();
  const menu = page.locator('#span-menu');
  await expect(menu).toBeVisible();
  await expect(menu.locator('button[data-label]')).toHaveCount(Object.keys(LABEL_KEYS).length);
  await page.screenshot({ path: `${ARTIFACTS}/span-menu.png` });
  await menu.locator('button[data-action="confirm"]').click();
  await expect(mark(page, a.start, a.end)).toHaveAttribute('data-state', 'confirmed');
  await expect(mark(page, a.start, a.end)).toHaveAttribute('data-label', a.label);

  // Change the label by clicking its button.
  const byClick = other(b.label);
  await mark(page, b.start, b.end).click();
  await menu.locator(`button[data-label="${byClick}"]`).click();
  await expect(mark(page, b.start, b.end)).toHaveAttribute('data-label', byClick);

  // Change the label by its key while the menu is open: that confirms it too.
  const byKey = other(c.label, [byClick]);
  await mark(page, c.start, c.end).click();
  await expect(menu).toBeVisible();
  await page.keyboard.press(LABEL_KEYS[byKey]);
  await expect(mark(page, c.start, c.end)).toHaveAttribute('data-label', byKey);
  await expect(mark(page, c.start, c.end)).toHaveAttribute('data-state', 'confirmed');

  // Delete from the menu.
  await mark(page, d.start, d.end).click();
  await menu.locator('button[data-action="delete"]').click();
  await expect(mark(page, d.start, d.end)).toHaveCount(0);

  // Exactly those four edits, nothing else moved.
  const expected = before
    .filter((m) => m.start !== d.start)
    .map((m) =>
      m.start === a.start
        ? { ...m, state: 'confirmed' }
        : m.start === b.start
          ? { ...m, label: byClick }
          : m.start === c.start
            ? { ...m, label: byKey, state: 'confirmed' }
            : m,
    );
  const after = await marks(page);
  // A relabel from the menu may or may not confirm; compare its state loosely.
  const bAfter = after.find((m) => m.start === b.start)!;
  expect(['suggested', 'confirmed']).toContain(bAfter.state);
  expect(after.map((m) => (m.start === b.start ? { ...m, state: '-' } : m))).toEqual(
    expected.map((m) => (m.start === b.start ? { ...m, state: '-' } : m)),
  );
  await expect(page.locator(`#doc-list li[data-doc-id="${ID}"]`)).toHaveAttribute('data-status', 'in_progress');
});

test('Delete and Backspace on the focused span; Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo', async ({ page }) => {
  const before = await suggested(page);
  const [a, b] = before;

  // Focus the first span from the keyboard and delete it.
  await page.locator('#doc-view').click({ position: { x: 4, y: 4 } });
  await page.keyboard.press('Tab');
  await expect(page.locator('#doc-view mark.span.focused')).toHaveAttribute('data-start', String(a.start));
  await page.keyboard.press('Delete');
  await expect(mark(page, a.start, a.end)).toHaveCount(0);

  // The next one goes with Backspace (after a delete the focus may already
  // have moved on to it; if nothing is focused, Tab gets there).
  if ((await page.locator('#doc-view mark.span.focused').count()) === 0) await page.keyboard.press('Tab');
  await expect(page.locator('#doc-view mark.span.focused')).toHaveAttribute('data-start', String(b.start));
  await page.keyboard.press('Backspace');
  await expect(mark(page, b.start, b.end)).toHaveCount(0);
  expect((await marks(page)).length).toBe(before.length - 2);

  // Undo both, one step at a time.
  await page.keyboard.press('Control+z');
  await expect(mark(page, b.start, b.end)).toHaveAttribute('data-label', b.label);
  await expect(mark(page, a.start, a.end)).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(mark(page, a.start, a.end)).toHaveAttribute('data-label', a.label);
  await expect(mark(page, a.start, a.end)).toHaveAttribute('data-state', a.state);
  expect(await marks(page)).toEqual(before);

  // Redo both.
  await page.keyboard.press('Control+Shift+Z');
  await expect(mark(page, a.start, a.end)).toHaveCount(0);
  await page.keyboard.press('Control+y');
  await expect(mark(page, b.start, b.end)).toHaveCount(0);

  // A relabel is undone and redone too (through the toolbar buttons).
  const c = (await marks(page))[0];
  const label = other(c.label);
  await mark(page, c.start, c.end).click();
  await page.locator(`#span-menu button[data-label="${label}"]`).click();
  await expect(mark(page, c.start, c.end)).toHaveAttribute('data-label', label);
  await page.locator('#undo').click();
  await expect(mark(page, c.start, c.end)).toHaveAttribute('data-label', c.label);
  await expect(mark(page, c.start, c.end)).toHaveAttribute('data-state', 'suggested');
  await page.locator('#redo').click();
  await expect(mark(page, c.start, c.end)).toHaveAttribute('data-label', label);
});

test('accept all suggestions, then mark done and open the next document', async ({ page }) => {
  const before = await suggested(page);
  await page.locator('#accept-all').click();
  await expect(page.locator('#doc-view mark.span[data-state="suggested"]')).toHaveCount(0);
  const after = await marks(page);
  expect(after.map(({ start, end, label }) => ({ start, end, label }))).toEqual(
    before.map(({ start, end, label }) => ({ start, end, label })),
  );
  for (const m of after) expect(m.state).toBe('confirmed');
  await expect(page.locator(`#doc-list li[data-doc-id="${ID}"]`)).toContainText(`${after.length}✓`);

  await page.locator('#done-next').click();
  await expect(page.locator(`#doc-list li[data-doc-id="${ID}"]`)).toHaveAttribute('data-status', 'done');
  await expect(page.locator('#doc-view')).not.toHaveAttribute('data-doc-id', ID);
  await expect(page.locator('#progress')).toHaveText(/1\s*\/\s*2/);
});
