// Storage full: while IndexedDB refuses every write (a QuotaExceededError
// injected, helpers/storage.ts), the edits stay on the page, the user is
// told at once and offered an export of them, and the first write that
// succeeds afterwards saves every one (read back from the store and after a
// reload). And the page asks for persistent storage and says how much it uses.
import type { Page } from '@playwright/test';
import { test, expect, openApp, openDoc, pasteDoc, marks, docIds, exportLines, settled, SEEDS, type ExportLine } from '../helpers/app';
import { injectQuotaFault, quotaHits, setQuota, storedDocs, type QuotaMode } from '../helpers/storage';

/** What the export and the store are compared on. */
const core = (l: ExportLine | { id: string; text: string; spans: unknown[]; status: string }) => ({
  id: l.id,
  text: l.text,
  spans: l.spans,
  status: l.status,
});

/** The export of #storage-export (from memory). */
async function exportUnsaved(page: Page): Promise<ExportLine[]> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#storage-export').click()]);
  const { readFileSync } = await import('node:fs');
  return readFileSync((await download.path())!, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
}

/**
 * Edits made while writes fail: a pasted document (the user is told at
 * once: the first refusal's message, the status, the export), every
 * suggestion of a seed accepted, another seed deleted.
 */
async function editWhileFull(page: Page): Promise<void> {
  await pasteDoc(page, 'شرکت ملی مس ایران در کرمان قرارداد بست');
  await expect(page.locator('#save-status')).toHaveText('not saved', { timeout: 3_000 });
  await expect(page.locator('#message')).toContainText('QuotaExceededError');
  await expect(page.locator('#message')).toContainText('export');
  await expect(page.locator('#storage-export')).toBeVisible();
  await openDoc(page, SEEDS[0]);
  await expect.poll(async () => (await marks(page)).length).toBeGreaterThan(3);
  await page.locator('#accept-all').click();
  await expect.poll(async () => (await marks(page)).every((m) => m.state === 'confirmed')).toBe(true);
  await page.locator(`#doc-list li[data-doc-id="${SEEDS[1]}"] .doc-delete`).click({ force: true });
  await expect.poll(() => docIds(page)).not.toContain(SEEDS[1]);
}

for (const mode of ['abort', 'throw'] as QuotaMode[]) {
  test(`writes refused (${mode === 'abort' ? 'the commit aborted' : 'put() throws'}): kept, told at once, exported, all saved by the first write that succeeds`, async ({
    page,
  }) => {
    await injectQuotaFault(page);
    await openApp(page);
    await settled(page);
    const before = await storedDocs(page);
    expect([...before.keys()].sort()).toEqual([...SEEDS].sort());

    await setQuota(page, mode);
    await editWhileFull(page);
    // Still not saved, and the export still offered (the message may have given way to others).
    await expect(page.locator('#save-status')).toHaveText('not saved');
    await expect(page.locator('#storage-export')).toBeVisible();
    expect(await quotaHits(page)).toBeGreaterThan(0);
    // Nothing of it is in the store (the fault is real)...
    const during = await storedDocs(page);
    expect([...during.values()].map(core)).toEqual([...before.values()].map(core));
    // ...and all of it is in the export offered, made from memory.
    const shown = await marks(page);
    const offered = await exportUnsaved(page);
    expect(offered.map((l) => l.id).sort()).toEqual([SEEDS[0], (await docIds(page)).find((i) => i !== SEEDS[0])!].sort());
    const seed = offered.find((l) => l.id === SEEDS[0])!;
    expect(seed.spans.map(({ start, end, label }) => ({ start, end, label }))).toEqual(
      shown.map(({ start, end, label }) => ({ start, end, label })),
    );
    // Retries keep failing while the disk is full, and say so once.
    await page.waitForTimeout(2_500);
    expect(await quotaHits(page)).toBeGreaterThan(1);
    await expect(page.locator('#save-status')).toHaveText('not saved');

    // Space again: the next write saves everything pending, with no new edit.
    await setQuota(page, 'off');
    await expect(page.locator('#save-status')).toHaveText('saved', { timeout: 20_000 });
    await expect(page.locator('#message')).toContainText('every edit is saved');
    await expect(page.locator('#storage-export')).toHaveCount(0);
    const { lines } = await exportLines(page);
    const after = await storedDocs(page);
    expect([...after.values()].map(core)).toEqual(lines.map(core));
    expect(after.has(SEEDS[1])).toBe(false);
    // And a reload shows it all.
    await page.reload();
    await expect(page.locator('#doc-list li').first()).toBeVisible();
    expect((await exportLines(page)).lines.map(core)).toEqual(lines.map(core));
  });
}

test('a write refused, then an edit once there is space: that edit and every one before are saved', async ({ page }) => {
  await injectQuotaFault(page);
  await openApp(page);
  await settled(page);
  await setQuota(page, 'abort');
  await editWhileFull(page);
  await expect(page.locator('#save-status')).toHaveText('not saved', { timeout: 3_000 });
  await setQuota(page, 'off');
  await page.locator('#done-next').click();
  await expect(page.locator('#save-status')).toHaveText('saved');
  const { lines } = await exportLines(page);
  expect(lines.find((l) => l.id === SEEDS[0])!.status).toBe('done');
  expect([...(await storedDocs(page)).values()].map(core)).toEqual(lines.map(core));
});

// Granted or not is the browser's choice: both answers are shown.
for (const granted of [false, true]) {
  test(`the page asks for persistent storage, shows it was ${granted ? '' : 'not '}granted and how much it uses`, async ({ page }) => {
    await page.addInitScript((g) => {
      const w = window as unknown as { __persistAsked: number };
      w.__persistAsked = 0;
      StorageManager.prototype.persisted = async () => false;
      // A usage that grows at each reading: the page reads it again after each save.
      let reads = 0;
      StorageManager.prototype.estimate = async () => ({ usage: 10_000 * ++reads, quota: 1e9 });
      StorageManager.prototype.persist = async () => {
        w.__persistAsked++;
        return g;
      };
    }, granted);
    await openApp(page);
    const status = page.locator('#storage-status');
    await expect(status).toHaveAttribute('data-persisted', String(granted));
    expect(await page.evaluate(() => (window as unknown as { __persistAsked: number }).__persistAsked)).toBe(1);
    await expect(status).toHaveAttribute('data-used', /^\d+$/);
    const used = Number(await status.getAttribute('data-used'));
    await expect(status).toContainText('used');
    await expect(status).toHaveAttribute('title', granted ? /of 1000\.0 MB \(persistent\)/ : /not persistent/);
    // Read again after each save.
    await pasteDoc(page, 'متن تازه');
    await settled(page);
    await expect.poll(async () => Number(await status.getAttribute('data-used'))).toBeGreaterThan(used);
  });
}

test('without a fault, the real browser answers persist() and estimate()', async ({ page }) => {
  await openApp(page);
  const status = page.locator('#storage-status');
  await expect(status).toHaveAttribute('data-persisted', /^(true|false)$/);
  await expect(status).toHaveAttribute('data-used', /^\d+$/);
  await expect(page.locator('#storage-export')).toHaveCount(0);
});
