// The model never drops labels silently: a model learns at most 15 labels
// (the first of the label set) and keeps its labels until it is reset, and the
// page names those it does not learn (#model-labels, #message). A stored model
// it cannot read (an older format) is named in #message, with the reason, and
// a new model learns again from the documents marked done.
import { test, expect, openApp, openDoc, settled, SEEDS, menuItem } from '../helpers/app';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

const status = (page: Page) => page.locator('#model-status');
const notLearned = (page: Page) => page.locator('#model-labels');

test('labels past 15 or added after the model are named, and a reset learns the first 15', async ({ page }) => {
  await openApp(page);
  await expect(status(page)).toHaveAttribute('data-docs-learned', '0');
  await expect(notLearned(page)).toHaveCount(0);
  await (await menuItem(page, '#labels')).click();
  for (let i = 0; i < 6; i++) await page.locator('#label-add').click();
  // 17 labels, a model of the 11 it was made with.
  const added = ['LABEL12', 'LABEL13', 'LABEL14', 'LABEL15', 'LABEL16', 'LABEL17'];
  await expect(notLearned(page)).toHaveAttribute('data-not-learned', added.join(','));
  await expect(notLearned(page)).toHaveText('⚠ not learning 6 labels');
  await expect(notLearned(page)).toHaveAttribute('title', /keeps its labels until it is reset/);

  await (await menuItem(page, '#model-reset')).click();
  await (await menuItem(page, '#model-reset-confirm')).click();
  await expect(notLearned(page)).toHaveAttribute('data-not-learned', 'LABEL16,LABEL17');
  const message = page.locator('#message');
  await expect(message).toContainText('The model was reset');
  await expect(message).toContainText('The model learns at most 15 labels: it learns the first 15 and not LABEL16, LABEL17');
  await expect(status(page)).toHaveAttribute('data-saved-docs-learned', '0');

  // The stored model keeps its 15 labels: said again at the next start.
  await settled(page);
  await page.reload();
  await expect(status(page)).toHaveAttribute('data-docs-learned', '0');
  await expect(notLearned(page)).toHaveAttribute('data-not-learned', 'LABEL16,LABEL17');
  await expect(message).toContainText('not LABEL16, LABEL17');
});

test('a stored model of an older format is named in #message and a new model learns the done documents again', async ({ page }) => {
  await openApp(page);
  await expect(status(page)).toHaveAttribute('data-docs-learned', '0');
  await openDoc(page, SEEDS[0]);
  await page.locator('#accept-all').click();
  await page.locator('#done-next').click();
  await expect(status(page)).toHaveAttribute('data-saved-docs-learned', '1');
  const [download] = await Promise.all([page.waitForEvent('download'), (await menuItem(page, '#model-export')).click()]);
  const model = [...readFileSync((await download.path())!)];
  // Format version (u16 LE after the 8 magic bytes) 4 → 2: as an older build saved it.
  expect(model.slice(8, 10)).toEqual([4, 0]);
  model[8] = 2;
  await settled(page);
  await page.evaluate(async (bytes) => {
    const db: IDBDatabase = await new Promise((ok, fail) => {
      const r = indexedDB.open('barchasb');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    const tx = db.transaction(['model'], 'readwrite');
    tx.objectStore('model').put(new Uint8Array(bytes), 'current');
    await new Promise((ok, fail) => {
      tx.oncomplete = ok;
      tx.onerror = () => fail(tx.error);
    });
    db.close();
  }, model);
  await page.reload();
  const message = page.locator('#message');
  await expect(message).toContainText('The saved model cannot be read: model format version 2; this build reads version 3 or 4');
  await expect(message).toContainText('A new model replaces it. It learns again from the 1 document marked done.');
  // The new model learns the done document and is saved.
  await expect(status(page)).toHaveAttribute('data-saved-docs-learned', '1');
  await expect(status(page)).toHaveText('model: 1 doc');
});
