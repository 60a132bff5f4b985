// A keyboard-only session: Tab between spans, Enter confirms (and goes on), a
// label key relabels (and goes on), Delete removes, a accepts all, n marks done
// and opens the next.
import { test, expect, openApp, marks, mark, docIds, settled, SEEDS, LABEL_KEYS, ARTIFACTS, menuItem } from '../helpers/app';

test('keyboard only: Tab, Shift+Tab, Enter, label key, Delete, a, n', async ({ page }) => {
  await openApp(page);
  const first = await page.locator('#doc-view').getAttribute('data-doc-id');
  expect(SEEDS).toContain(first);
  await expect(page.locator('#doc-view mark.span[data-state="suggested"]').first()).toBeVisible();
  const ms = await marks(page);
  const focused = page.locator('#doc-view mark.span.focused');

  // Tab walks the spans in text order; Shift+Tab walks back.
  await page.keyboard.press('Tab');
  await expect(focused).toHaveAttribute('data-start', String(ms[0].start));
  await page.keyboard.press('Tab');
  await expect(focused).toHaveAttribute('data-start', String(ms[1].start));
  await page.keyboard.press('Tab');
  await expect(focused).toHaveAttribute('data-start', String(ms[2].start));
  await page.keyboard.press('Shift+Tab');
  await expect(focused).toHaveAttribute('data-start', String(ms[1].start));
  await expect(focused).toHaveCount(1);
  // The focused span has the keyboard focus too.
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-start'))).toBe(String(ms[1].start));

  // Enter confirms it and goes on to the next span.
  await page.keyboard.press('Enter');
  await expect(mark(page, ms[1].start, ms[1].end)).toHaveAttribute('data-state', 'confirmed');
  await expect(mark(page, ms[1].start, ms[1].end)).toHaveAttribute('data-label', ms[1].label);
  await expect(focused).toHaveAttribute('data-start', String(ms[2].start));

  // A label key relabels the focused span, confirms it and goes on.
  const label = ms[2].label === 'LOC' ? 'PER' : 'LOC';
  await page.keyboard.press(LABEL_KEYS[label]);
  await expect(mark(page, ms[2].start, ms[2].end)).toHaveAttribute('data-label', label);
  await expect(mark(page, ms[2].start, ms[2].end)).toHaveAttribute('data-state', 'confirmed');
  await expect(focused).toHaveAttribute('data-start', String(ms[3].start));

  // Delete removes it; the focus goes to the next span, not to the page.
  await page.keyboard.press('Delete');
  await expect(mark(page, ms[3].start, ms[3].end)).toHaveCount(0);
  await expect(focused).toHaveAttribute('data-start', String(ms[4].start));
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-start'))).toBe(String(ms[4].start));

  // ? shows every key; Escape closes it.
  await page.keyboard.press('?');
  await expect(page.locator('#help-overlay')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.locator('#help-overlay')).toBeHidden();

  // a accepts the remaining suggestions.
  await page.keyboard.press('a');
  await expect(page.locator('#doc-view mark.span[data-state="suggested"]')).toHaveCount(0);
  expect((await marks(page)).length).toBe(ms.length - 1);

  // n marks it done and opens the next document.
  await page.keyboard.press('n');
  await expect(page.locator(`#doc-list li[data-doc-id="${first}"]`)).toHaveAttribute('data-status', 'done');
  const ids = await docIds(page);
  const next = ids[(ids.indexOf(first!) + 1) % ids.length];
  await expect(page.locator('#doc-view')).toHaveAttribute('data-doc-id', next);
  await expect(page.locator('#doc-list li.active')).toHaveAttribute('data-doc-id', next);
  await expect(page.locator('#progress')).toHaveText(/1\s*\/\s*2/);

  // The next document is ready for the keyboard too.
  await expect(page.locator('#doc-view mark.span').first()).toBeVisible();
  const ms2 = await marks(page);
  await page.keyboard.press('Tab');
  await expect(focused).toHaveAttribute('data-start', String(ms2[0].start));
  await page.screenshot({ path: `${ARTIFACTS}/keyboard-focus.png` });
});

test('help, guidelines and labels editor panels', async ({ page }) => {
  await openApp(page);
  await (await menuItem(page, '#help')).click();
  const help = page.locator('#help-overlay');
  await expect(help).toBeVisible();
  for (const k of ['Tab', 'Enter', 'Delete', 'Ctrl', 'Escape']) await expect(help).toContainText(k);
  await page.screenshot({ path: `${ARTIFACTS}/help-overlay.png` });
  await (await menuItem(page, '#help')).click();
  await expect(help).toBeHidden();

  await (await menuItem(page, '#guidelines')).click();
  const guide = page.locator('#guidelines-panel');
  await expect(guide).toBeVisible();
  for (const l of Object.keys(LABEL_KEYS)) await expect(guide).toContainText(l);
  await expect(guide).toContainText('ایمیدرو');
  await page.screenshot({ path: `${ARTIFACTS}/guidelines.png` });
  await (await menuItem(page, '#guidelines')).click();
  await expect(guide).toBeHidden();

  await (await menuItem(page, '#labels')).click();
  const editor = page.locator('#labels-editor');
  await expect(editor).toBeVisible();
  // Every label's name is there (as a value of an input or as text).
  const names = await editor.evaluate((el) =>
    [el.textContent ?? '', ...Array.from(el.querySelectorAll('input')).map((i) => (i as HTMLInputElement).value)].join(' '),
  );
  for (const l of Object.keys(LABEL_KEYS)) expect(names).toContain(l);
  await page.screenshot({ path: `${ARTIFACTS}/labels-editor.png` });
});

test('the label set is editable (colour, key) and saved with the documents', async ({ page }) => {
  await openApp(page);
  await (await menuItem(page, '#labels')).click();
  const editor = page.locator('#labels-editor');
  await expect(editor).toBeVisible();
  // The row of PER: the one whose text input holds "PER".
  const rows = editor.locator('tr').filter({ has: page.locator('input[type="color"]') });
  const names = await rows.evaluateAll((trs) =>
    trs.map((tr) => Array.from(tr.querySelectorAll<HTMLInputElement>('input[type="text"]')).map((i) => i.value)),
  );
  const row = rows.nth(names.findIndex((vals) => vals.includes('PER')));
  await row.locator('input[type="color"]').fill('#123456');
  // The key: the one-character text input of that row (a sign: letters are commands).
  const keyInput = row.locator('input[type="text"]').last();
  await keyInput.fill('=');
  await keyInput.press('Enter');
  await keyInput.blur();
  await (await menuItem(page, '#labels')).click();
  await expect(editor).toBeHidden();
  // The menu closes too (in English it sits over the text's start).
  await page.keyboard.press('Escape');
  await expect(page.locator('#menu')).toBeHidden();

  const perColour = () =>
    // the label's colour (its border is a shade of it, theme by theme)
    page.locator('#doc-view mark.span[data-label="PER"]').first().evaluate((m) => getComputedStyle(m).getPropertyValue('--c').trim());
  await expect(page.locator('#doc-view mark.span[data-label="PER"]').first()).toBeVisible();
  await expect.poll(perColour).toBe('#123456');

  // The new key relabels the focused span as PER.
  const target = (await marks(page)).find((m) => m.label !== 'PER')!;
  await mark(page, target.start, target.end).click();
  await page.keyboard.press('=');
  await expect(mark(page, target.start, target.end)).toHaveAttribute('data-label', 'PER');

  await settled(page);
  await page.reload();
  await expect(page.locator('#doc-view mark.span[data-label="PER"]').first()).toBeVisible();
  await expect.poll(perColour).toBe('#123456');
  await expect(mark(page, target.start, target.end)).toHaveAttribute('data-label', 'PER');
  await (await menuItem(page, '#labels')).click();
  const keys = await page
    .locator('#labels-editor tr')
    .evaluateAll((trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll<HTMLInputElement>('input[type="text"]')).map((i) => i.value)),
    );
  expect(keys.find((vals) => vals.includes('PER'))).toContain('=');
});

test('typing in the labels editor survives a re-render before it is committed', async ({ page }) => {
  await openApp(page);
  await (await menuItem(page, '#labels')).click();
  const editor = page.locator('#labels-editor');
  const row = editor.locator('tr[data-label="PER"]');
  const name = row.locator('input.label-name');
  await name.fill('PERSON'); // typed, not yet committed (no change event)
  // Something else changes the app's state while the field still has focus
  // (in real use: the model worker answering, an autosave): the editor
  // re-renders, and what was typed must still be there.
  await page.evaluate(() => (document.querySelector('#accept-all') as HTMLElement).click());
  await expect(page.locator('#doc-view mark.span[data-state="suggested"]')).toHaveCount(0);
  await expect(name).toBeFocused();
  await expect(name).toHaveValue('PERSON');
  await name.press('Enter');
  await expect(editor.locator('tr[data-label="PERSON"]')).toHaveCount(1);
  await (await menuItem(page, '#labels')).click();
  await expect(page.locator('#doc-view mark.span[data-label="PERSON"]').first()).toBeVisible();
});

test('label keys work with a Persian keyboard layout (Persian digits)', async ({ page }) => {
  await openApp(page);
  await expect(page.locator('#doc-view mark.span').first()).toBeVisible();
  const ms = await marks(page);
  const target = ms.find((m) => m.label !== 'LOC')!;
  await mark(page, target.start, target.end).click();
  await expect(page.locator('#span-menu')).toBeVisible();
  // A Persian layout types «۳» on the key that types "3" on a Latin one.
  // Playwright's keyboard knows only the US layout: send the key event
  // through Chromium's input pipeline directly.
  const cdp = await page.context().newCDPSession(page);
  const key = { key: '۳', code: 'Digit3', windowsVirtualKeyCode: 51, nativeVirtualKeyCode: 51 };
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', text: '۳', unmodifiedText: '۳', ...key });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...key });
  await expect(mark(page, target.start, target.end)).toHaveAttribute('data-label', 'LOC');
  await expect(mark(page, target.start, target.end)).toHaveAttribute('data-state', 'confirmed');
});
