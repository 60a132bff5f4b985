// Text, ids and label names are shown as text, never as markup; the page
// talks to nobody but its own origin (the auto fixture checks every test).
import { test, expect, openApp, openDoc, pasteDoc, viewText, importFiles, docIds, exportLines, settled, LABEL_KEYS, menuItem } from '../helpers/app';

const XSS = '<img src=x onerror=alert(1)>';

test('a pasted document with markup renders as text', async ({ page, watch }) => {
  await openApp(page);
  const text = `متن آزمایشی ${XSS} و <script>alert(2)</script> پایان`;
  await pasteDoc(page, text);
  expect(await viewText(page)).toBe(text);
  await expect(page.locator('#doc-view img, #doc-view script')).toHaveCount(0);
  await expect(page.locator('body img')).toHaveCount(0);
  await expect(page.locator('#doc-view')).toContainText(XSS);
  // Give a would-be onerror handler time to fire; the fixture fails the test on any dialog.
  await page.waitForTimeout(300);
  expect(watch.dialogs).toEqual([]);
});

test('an imported .jsonl with markup in the text, the id and a label name renders as text', async ({ page, watch }) => {
  await openApp(page);
  const text = `خبر ${XSS} درباره تهران`;
  const id = `<img src=y onerror=alert(3)>.doc`;
  const evilLabel = '<b onmouseover=alert(4)>X</b>';
  const body = [
    JSON.stringify({ id, text, spans: [{ start: 0, end: 3, label: 'ORG' }] }),
    JSON.stringify({ id: 'odd-label', text: 'نام و نشان', spans: [{ start: 0, end: 3, label: evilLabel }] }),
  ].join('\n');
  await importFiles(page, [{ name: 'evil.jsonl', body }]);
  // The label is not in the label set: the import asks first, and its
  // question shows the name as text.
  await expect(page.locator('#import-unknown-labels')).toHaveAttribute('data-labels', evilLabel);
  await expect(page.locator('#import-unknown-labels legend')).toContainText(evilLabel);
  await expect(page.locator('body img, body b')).toHaveCount(0);
  await page.locator('#import-add-labels').check();
  await page.locator('#import-confirm').click();
  await expect.poll(() => docIds(page)).toContain(id);
  // The id shows as text in the side list.
  await expect(page.locator('#doc-list')).toContainText(id);
  await openDoc(page, id);
  expect(await viewText(page)).toBe(text);
  await expect(page.locator('#doc-view mark.span[data-start="0"][data-end="3"]')).toHaveAttribute('data-label', 'ORG');
  // The added label is a plain attribute value and text.
  await openDoc(page, 'odd-label');
  await expect(page.locator('#doc-view mark.span').first()).toHaveAttribute('data-label', evilLabel);
  await page.locator('#doc-view mark.span').first().click();
  await expect(page.locator('body img, body b')).toHaveCount(0);
  await page.locator('#doc-view').hover();
  await page.waitForTimeout(300);
  expect(watch.dialogs).toEqual([]);
});

test('a full session makes no request outside the origin', async ({ page, watch, baseURL }) => {
  const seen: string[] = [];
  page.on('request', (r) => seen.push(r.url()));
  await openApp(page);
  await pasteDoc(page, 'سازمان توسعه تجارت ایران در تهران');
  await page.locator('#accept-all').click();
  await page.keyboard.press(LABEL_KEYS.PER);
  await (await menuItem(page, '#help')).click();
  await (await menuItem(page, '#help')).click();
  await (await menuItem(page, '#guidelines')).click();
  await (await menuItem(page, '#guidelines')).click();
  await (await menuItem(page, '#labels')).click();
  await (await menuItem(page, '#labels')).click();
  const { raw } = await exportLines(page);
  await importFiles(page, [{ name: 'again.jsonl', body: raw }]);
  await settled(page);
  await page.reload();
  await expect(page.locator('#doc-view')).toBeVisible();
  expect(seen.length).toBeGreaterThan(3);
  const origin = new URL(baseURL!).origin + '/';
  for (const u of seen) expect(u.startsWith(origin) || u.startsWith('data:') || u.startsWith('blob:'), u).toBe(true);
  // Under the sub-path: every asset URL is relative to the page.
  for (const u of seen.filter((u) => u.startsWith(origin))) expect(new URL(u).pathname).toMatch(/^\/app\//);
  expect(watch.offOrigin).toEqual([]);
});
