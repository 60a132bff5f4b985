// Importing never destroys work and never guesses silently: each case of
// the import rules, with real file drops (and the file input), checked
// through the export span by span.
import {
  test,
  expect,
  SEEDS,
  seedText,
  openApp,
  openDoc,
  docIds,
  exportLines,
  dropFiles,
  importFiles,
  marks,
  viewText,
  cpIndexOf,
  type ExportLine, menuItem } from '../helpers/app';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url)));

/** Takes the first seed to done: every suggestion accepted, then Done & next. */
async function finishFirstSeed(page: Page): Promise<ExportLine> {
  await openApp(page);
  await openDoc(page, SEEDS[0]);
  await expect.poll(async () => (await marks(page)).length).toBeGreaterThan(5);
  await page.locator('#accept-all').click();
  await page.locator('#done-next').click();
  await expect(page.locator(`#doc-list li[data-doc-id="${SEEDS[0]}"]`)).toHaveAttribute('data-status', 'done');
  await expect(page.locator('#save-status')).toHaveText('saved');
  const { lines } = await exportLines(page);
  const done = lines.find((l) => l.id === SEEDS[0])!;
  expect(done.spans.length).toBeGreaterThan(5);
  return done;
}

/** The export, as id → line. */
async function exported(page: Page): Promise<Map<string, ExportLine>> {
  const { lines } = await exportLines(page);
  return new Map(lines.map((l) => [l.id, l]));
}

test('dropping the finished document\'s .txt again changes nothing and says so', async ({ page }) => {
  const done = await finishFirstSeed(page);
  const before = await exported(page);
  await dropFiles(page, [{ name: `${SEEDS[0]}.txt`, body: seedText(SEEDS[0]) }]);
  await expect(page.locator('#message')).toContainText(`«${SEEDS[0]}» is already there`);
  await expect(page.locator('#import-dialog')).toHaveCount(0);
  const after = await exported(page);
  expect(after.get(SEEDS[0])).toEqual(done);
  expect([...after.keys()]).toEqual([...before.keys()]);
});

test('other annotations on a finished document are asked about; take theirs, then Undo brings every span back', async ({
  page,
}) => {
  const done = await finishFirstSeed(page);
  const text = seedText(SEEDS[0]);
  const at = cpIndexOf(text, 'چین');
  const theirs = { id: SEEDS[0], text, spans: [{ start: at, end: at + 3, label: 'LOC' }], status: 'done' };
  await dropFiles(page, [{ name: 'theirs.jsonl', body: JSON.stringify(theirs) + '\n' }]);
  const dialog = page.locator('#import-dialog');
  await expect(dialog).toBeVisible();
  await expect(page.locator('#import-conflicts')).toHaveAttribute('data-count', '1');
  await expect(dialog).toContainText(`yours ${done.spans.length} spans (done), imported 1 span (done)`);
  // Nothing changes before the answer.
  expect((await exported(page)).get(SEEDS[0])).toEqual(done);

  await page.locator('#import-take-theirs').check();
  await page.locator('#import-confirm').click();
  await expect(dialog).toHaveCount(0);
  await expect(page.locator('#message')).toContainText('the imported annotations replaced yours');
  expect((await exported(page)).get(SEEDS[0])!.spans).toEqual(theirs.spans);

  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await exported(page)).get(SEEDS[0])).toEqual(done);
  // And the undone state is what is saved: a reload shows it.
  await expect(page.locator('#save-status')).toHaveText('saved');
  await page.reload();
  await expect(page.locator('#doc-view')).toBeVisible();
  expect((await exported(page)).get(SEEDS[0])).toEqual(done);
});

test('keep mine and keep both, chosen by keyboard; Escape cancels', async ({ page }) => {
  const done = await finishFirstSeed(page);
  const text = seedText(SEEDS[0]);
  const theirs = { id: SEEDS[0], text, spans: [{ start: 0, end: 4, label: 'ORG' }], status: 'in_progress' };
  const body = JSON.stringify(theirs) + '\n';

  await dropFiles(page, [{ name: 'theirs.jsonl', body }]);
  await expect(page.locator('#import-dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.locator('#import-dialog')).toHaveCount(0);
  await expect(page.locator('#message')).toContainText('Import cancelled');

  await dropFiles(page, [{ name: 'theirs.jsonl', body }]);
  await expect(page.locator('#import-keep-mine')).toBeChecked();
  await page.locator('#import-confirm').press('Enter');
  await expect(page.locator('#message')).toContainText('your annotations were kept');
  expect((await exported(page)).get(SEEDS[0])).toEqual(done);

  await dropFiles(page, [{ name: 'theirs.jsonl', body }]);
  await page.locator('#import-keep-mine').focus();
  await page.keyboard.press('ArrowDown'); // radio group: take theirs
  await page.keyboard.press('ArrowDown'); // keep both
  await expect(page.locator('#import-keep-both')).toBeChecked();
  await page.locator('#import-confirm').click();
  const copy = `${SEEDS[0]} (2)`;
  await expect(page.locator('#message')).toContainText(`the imported one is «${copy}»`);
  const after = await exported(page);
  expect(after.get(SEEDS[0])).toEqual(done);
  expect(after.get(copy)!.spans).toEqual(theirs.spans);
  expect(after.get(copy)!.text).toBe(text);
});

test('another text under an existing id comes in under a new id', async ({ page }) => {
  const done = await finishFirstSeed(page);
  await dropFiles(page, [{ name: `${SEEDS[0]}.txt`, body: 'متنی دیگر با همان نام پرونده' }]);
  await expect(page.locator('#message')).toContainText(`imported as «${SEEDS[0]} (2)»`);
  const after = await exported(page);
  expect(after.get(SEEDS[0])).toEqual(done);
  expect(after.get(`${SEEDS[0]} (2)`)!.text).toBe('متنی دیگر با همان نام پرونده');
  await expect(page.locator('#doc-view')).toHaveAttribute('data-doc-id', `${SEEDS[0]} (2)`);
});

test('duplicate ids inside one file are reported by id and line and all kept', async ({ page }) => {
  await openApp(page);
  const body = [
    JSON.stringify({ id: 'dup', text: 'خبر یکم از مشهد' }),
    JSON.stringify({ id: 'other', text: 'خبر دوم' }),
    JSON.stringify({ id: 'dup', text: 'خبر سوم از یزد' }),
  ].join('\n');
  await dropFiles(page, [{ name: 'dups.jsonl', body }]);
  await expect(page.locator('#message')).toContainText(
    'dups.jsonl:3: the id «dup» is used again (first at dups.jsonl:1); imported as «dup (2)»',
  );
  const after = await exported(page);
  expect(after.get('dup')!.text).toBe('خبر یکم از مشهد');
  expect(after.get('dup (2)')!.text).toBe('خبر سوم از یزد');
  expect(after.get('other')!.text).toBe('خبر دوم');
});

test('unknown labels are added on request, or kept aside and never shown as confirmed', async ({ page }) => {
  await openApp(page);
  const text = 'شرکت زغال‌سنگ طبس در یزد';
  const line = (id: string) =>
    JSON.stringify({
      id,
      text,
      spans: [
        { start: 0, end: 13, label: 'XYZ' },
        { start: 21, end: 24, label: 'LOC' },
      ],
    });
  await dropFiles(page, [{ name: 'a.jsonl', body: line('aside') }]);
  await expect(page.locator('#import-unknown-labels')).toHaveAttribute('data-labels', 'XYZ');
  await expect(page.locator('#import-set-aside')).toBeChecked();
  await page.locator('#import-confirm').click();
  await expect(page.locator('#message')).toContainText('1 span with labels not in the label set (XYZ) kept aside');
  await openDoc(page, 'aside');
  expect((await marks(page)).filter((m) => m.label === 'XYZ')).toEqual([]);
  const a = (await exported(page)).get('aside')!;
  expect(a.spans).toEqual([{ start: 21, end: 24, label: 'LOC' }]);
  expect(a.set_aside).toEqual([{ start: 0, end: 13, label: 'XYZ' }]);

  await dropFiles(page, [{ name: 'b.jsonl', body: line('added') }]);
  await page.locator('#import-add-labels').check();
  await page.locator('#import-confirm').click();
  await expect(page.locator('#message')).toContainText('New labels: XYZ.');
  await openDoc(page, 'added');
  await expect(page.locator('#doc-view mark.span[data-label="XYZ"]')).toHaveAttribute('data-state', 'confirmed');
  await (await menuItem(page, '#labels')).click();
  const names = () =>
    page.locator('#labels-editor input[type="text"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  await expect.poll(names).toContain('XYZ');
});

test('one bad span does not lose its document: the good spans come in, the bad one is named', async ({ page }) => {
  await openApp(page);
  const text = 'سفر وزیر به تهران و اصفهان';
  const body =
    '\n' +
    JSON.stringify({
      id: 'half-good',
      text,
      spans: [
        { start: cpIndexOf(text, 'تهران'), end: cpIndexOf(text, 'تهران') + 5, label: 'LOC' },
        { start: -1, end: 3, label: 'LOC' },
        { start: 20, end: 99, label: 'LOC' },
      ],
    });
  await importFiles(page, [{ name: '08.jsonl', body }]);
  const msg = page.locator('#message');
  await expect(msg).toContainText('08.jsonl:2: span 2 starts at -1; offsets count characters from 0');
  await expect(msg).toContainText('08.jsonl:2: span 3 ends at 99, past the end of the text (26 characters)');
  await expect(msg).not.toContainText('usize');
  const d = (await exported(page)).get('half-good')!;
  expect(d.spans).toEqual([{ start: 12, end: 17, label: 'LOC' }]);
});

test('encodings: Windows-1256 and UTF-16 are decoded and said; others are refused, never replaced by U+FFFD', async ({
  page,
}) => {
  await openApp(page);
  await dropFiles(page, [
    { name: 'khabar-1256.txt', body: fixture('khabar-1256.txt') },
    { name: 'utf16-bom.jsonl', body: fixture('utf16-bom.jsonl') },
    { name: 'latin1.txt', body: fixture('latin1.txt') },
    { name: 'crlf.txt', body: fixture('crlf.txt') },
  ]);
  const msg = page.locator('#message');
  await expect(msg).toContainText('khabar-1256.txt: read as windows-1256 (not UTF-8)');
  await expect(msg).toContainText('utf16-bom.jsonl: read as UTF-16LE (not UTF-8)');
  await expect(msg).toContainText('latin1.txt: the file is not UTF-8 text');
  await expect(msg).toContainText('crlf.txt: line ends \\r\\n were read as \\n');
  const after = await exported(page);
  expect(after.get('khabar-1256')!.text).toBe('خبرگزاري ايرنا: سازمان ايميدرو در تهران گزارش داد.');
  const u = after.get('utf16-doc')!;
  expect(u.spans).toEqual([{ start: 21, end: 26, label: 'LOC' }]);
  expect(Array.from(u.text).slice(21, 26).join('')).toBe('کرمان');
  expect(after.get('crlf')!.text).toBe('سطر اول\nسطر دوم در تبریز\n');
  expect(after.has('latin1')).toBe(false);
  for (const l of after.values()) expect(l.text).not.toContain('\uFFFD');
  await openDoc(page, 'crlf');
  expect(await viewText(page)).toBe('سطر اول\nسطر دوم در تبریز\n');
});

test('an empty .jsonl is an error naming the file', async ({ page }) => {
  await openApp(page);
  const before = await docIds(page);
  await dropFiles(page, [
    { name: 'empty.jsonl', body: '' },
    { name: 'blank.jsonl', body: '\n   \n\r\n' },
  ]);
  const msg = page.locator('#message');
  await expect(msg).toHaveClass(/error/);
  await expect(msg).toContainText('empty.jsonl: the file is empty');
  await expect(msg).toContainText('blank.jsonl: the file is empty');
  expect(await docIds(page)).toEqual(before);
});

test('the demo documents can be deleted, with undo, and the progress counts what is left', async ({ page }) => {
  await finishFirstSeed(page);
  await expect(page.locator('#progress')).toHaveText('1/2');
  const item = page.locator(`#doc-list li[data-doc-id="${SEEDS[1]}"]`);
  await item.hover();
  await item.locator('button[data-action="delete-doc"]').click();
  await expect.poll(() => docIds(page)).toEqual([SEEDS[0]]);
  await expect(page.locator('#progress')).toHaveText('1/1');
  await page.locator('#undo').click();
  await expect.poll(() => docIds(page)).toEqual([SEEDS[0], SEEDS[1]]);
  await expect(page.locator('#progress')).toHaveText('1/2');
  // Delete both; a reload keeps them deleted.
  for (const id of SEEDS) {
    const li = page.locator(`#doc-list li[data-doc-id="${id}"]`);
    await li.hover();
    await li.locator('button[data-action="delete-doc"]').click();
  }
  await expect.poll(() => docIds(page)).toEqual([]);
  await expect(page.locator('#progress')).toHaveText('0/0');
  await expect(page.locator('#save-status')).toHaveText('saved');
  await page.reload();
  await expect(page.locator('#doc-list')).toBeVisible();
  await expect(page.locator('#progress')).toHaveText('0/0');
  expect(await docIds(page)).toEqual([]);
});
