// A large import shows how far it is (#import-progress: the bytes read, then
// the formats worker reading the documents) and can be stopped
// (#import-stop): nothing of the stopped files is added, and the message
// says so; an import not stopped adds every document (issue 14).
import { test, expect, openApp, docIds, importFiles, SEEDS, seedText } from '../helpers/app';
import type { Page } from '@playwright/test';

/** `n` documents of the seeds' texts, each with its own id and ending, as JSONL. */
async function bigJsonl(n: number, prefix: string): Promise<string> {
  const texts = await Promise.all(SEEDS.map(seedText));
  const lines = Array.from({ length: n }, (_, i) => JSON.stringify({ id: `${prefix}-${i}`, text: `${texts[i % texts.length]} ${i}` }));
  return lines.join('\n') + '\n';
}

/** Every state of #import-progress as it changes: stage, bytes done, total. */
async function watchProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { progressSeen: string[] }).progressSeen = seen;
    new MutationObserver(() => {
      const p = document.querySelector('#import-progress');
      const s = p ? `${p.getAttribute('data-stage')} ${p.getAttribute('data-done')} ${p.getAttribute('data-total')}` : 'none';
      if (seen[seen.length - 1] !== s) seen.push(s);
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
}

const seen = (page: Page) => page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);

test('a large import shows the bytes read rising to the whole file, then reading in the worker, then adds every document', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  const before = await docIds(page);
  const n = 2_000;
  const body = await bigJsonl(n, 'big');
  const bytes = Buffer.byteLength(body, 'utf8');
  expect(bytes).toBeGreaterThan(8 << 20);
  await watchProgress(page);
  await importFiles(page, [{ name: 'big.jsonl', body }]);
  await expect(page.locator('#import-progress')).toBeVisible();
  await expect.poll(() => docIds(page).then((ids) => ids.length), { timeout: 90_000 }).toBe(before.length + n);
  await expect(page.locator('#import-progress')).toHaveCount(0);
  const states = (await seen(page)).filter((s) => s !== 'none').map((s) => s.split(' '));
  const read = states.filter(([stage]) => stage === 'read').map(([, done]) => Number(done));
  // A step per MiB read (the last may render only as the worker's stage),
  // each further than the one before.
  expect(read.length).toBeGreaterThanOrEqual(Math.floor(bytes / (1 << 20)) - 1);
  expect(read).toEqual([...read].sort((a, b) => a - b));
  expect(new Set(read).size).toBe(read.length);
  expect(read[read.length - 1]).toBeGreaterThan(bytes - (1 << 20));
  expect(states.every(([, , total]) => Number(total) === bytes)).toBe(true);
  expect(states[states.length - 1]).toEqual(['parse', String(bytes), String(bytes)]);
  await expect(page.locator('#message')).toContainText(`Added ${n} documents`);
});

test('stopping a large import adds nothing of it and says so; the next import is taken', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  const before = await docIds(page);
  // The reading is held after its second slice (as a slow disk would hold
  // it) until the stop has been clicked: the click always lands in its midst.
  await page.evaluate(() => {
    const w = window as unknown as { holdReads: boolean };
    w.holdReads = true;
    let reads = 0;
    const read = FileReader.prototype.readAsArrayBuffer;
    FileReader.prototype.readAsArrayBuffer = function (this: FileReader, blob: Blob) {
      reads += 1;
      const go = () => (w.holdReads && reads > 2 ? setTimeout(go, 20) : read.call(this, blob));
      go();
    };
  });
  await importFiles(page, [{ name: 'big.jsonl', body: await bigJsonl(2_000, 'stop') }]);
  const progress = page.locator('#import-progress');
  await expect(progress).toHaveAttribute('data-stage', 'read', { timeout: 30_000 });
  await expect(progress).toHaveAttribute('data-done', String(2 << 20));
  await expect(progress.locator('progress')).toBeVisible();
  // A real click where the button is.
  const box = (await page.locator('#import-stop').boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect(progress).toHaveCount(0);
  await page.evaluate(() => { (window as unknown as { holdReads: boolean }).holdReads = false; });
  await expect(page.locator('#message')).toContainText('Import stopped; nothing of these files was added.');
  // The worker answers in order: once the next file is in, anything of the stopped one would be too.
  await importFiles(page, [{ name: 'after.jsonl', body: JSON.stringify({ id: 'after', text: 'ایمیدرو در تهران' }) + '\n' }]);
  await expect.poll(() => docIds(page), { timeout: 60_000 }).toContain('after');
  await page.waitForTimeout(500);
  expect((await docIds(page)).sort()).toEqual([...before, 'after'].sort());
  await expect(page.locator('#message')).toContainText('Added 1 document');
});
