// The tagger learns in the browser, in a web worker: a document marked done
// teaches it (#model-status[data-docs-learned]), the page stays responsive,
// the model is kept in IndexedDB, exported, imported and reset, and documents
// never opened get its suggestions.
import { test, expect, openApp, openDoc, importFiles, settled, exportLines, cpIndexOf, SEEDS, watchLongTasks, menuItem } from '../helpers/app';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

const status = (page: Page) => page.locator('#model-status');

async function learned(page: Page, n: number): Promise<void> {
  await expect(status(page)).toHaveAttribute('data-docs-learned', String(n));
}

/** Marks the open document done (n) and waits until the model learned it and saved it. */
async function doneAndLearned(page: Page, n: number): Promise<void> {
  await page.locator('#done-next').click();
  await learned(page, n);
  await expect(status(page)).toHaveAttribute('data-saved-docs-learned', String(n));
}

test('a document marked done teaches the model, the page stays responsive, a reload keeps it', async ({ page }) => {
  await openApp(page);
  await learned(page, 0);
  await expect(status(page)).toHaveText('model: 0 docs');
  await openDoc(page, SEEDS[0]);
  await page.locator('#accept-all').click();
  await watchLongTasks(page);
  const t0 = Date.now();
  await page.locator('#done-next').click();
  // The page answers at once while the worker learns: the next document is
  // shown and a panel opens and closes.
  await expect(page.locator('#doc-view')).toHaveAttribute('data-doc-id', SEEDS[1]);
  await (await menuItem(page, '#help')).click();
  await expect(page.locator('#help-overlay')).toBeVisible();
  await page.keyboard.press('Escape');
  await learned(page, 1);
  console.log(`done → model learned (data-docs-learned=1): ${Date.now() - t0} ms`);
  await expect(status(page)).toHaveText('model: 1 doc');
  const long: number[] = await page.evaluate(() => (window as any).__long);
  console.log(`main-thread long tasks meanwhile: ${JSON.stringify(long.map(Math.round))} ms`);
  // Rendering the next document is the page's only work; learning is not on it.
  expect(Math.max(0, ...long)).toBeLessThan(500);
  await expect(status(page)).toHaveAttribute('data-saved-docs-learned', '1');
  await settled(page);
  await page.reload();
  await learned(page, 1);
  await expect(page.locator(`#doc-list li[data-doc-id="${SEEDS[0]}"]`)).toHaveAttribute('data-status', 'done');
});

test('export, reset (asked first), import it back; a garbage file is refused with a message', async ({ page }) => {
  await openApp(page);
  await openDoc(page, SEEDS[0]);
  await page.locator('#accept-all').click();
  await doneAndLearned(page, 1);

  const [download] = await Promise.all([page.waitForEvent('download'), (await menuItem(page, '#model-export')).click()]);
  expect(download.suggestedFilename()).toBe('barchasb-model.bin');
  const model = readFileSync((await download.path())!);
  expect(model.length).toBeGreaterThan(16);

  await (await menuItem(page, '#model-reset')).click();
  await expect(page.locator('#model-reset-confirm')).toBeVisible();
  await (await menuItem(page, '#model-reset-cancel')).click();
  await expect(page.locator('#model-reset-confirm')).toHaveCount(0);
  await learned(page, 1);
  await (await menuItem(page, '#model-reset')).click();
  await (await menuItem(page, '#model-reset-confirm')).click();
  await learned(page, 0);
  await expect(page.locator('#message')).toContainText('reset');
  await expect(status(page)).toHaveAttribute('data-saved-docs-learned', '0');

  await page.locator('input#model-import').setInputFiles({ name: 'barchasb-model.bin', mimeType: 'application/octet-stream', buffer: model });
  await learned(page, 1);
  await expect(page.locator('#message')).toContainText('Imported a model learned from 1 document.');

  const garbage = Buffer.from('this is not a model, just some text\n'.repeat(20));
  await page.locator('input#model-import').setInputFiles({ name: 'notes.bin', mimeType: 'application/octet-stream', buffer: garbage });
  await expect(page.locator('#message')).toContainText('Cannot import the model');
  await learned(page, 1);
  // The imported model was saved: a reload still has it.
  await expect(status(page)).toHaveAttribute('data-saved-docs-learned', '1');
  await settled(page);
  await page.reload();
  await learned(page, 1);
});

// A made-up name the rules cannot know; the model learns it from one document.
const NAME = 'زربلان';
const TEACH = `بازدید ${NAME} از شهر. ${NAME} گفت که کار ادامه دارد. دیدار با ${NAME} در تهران بود.`;
const UNSEEN = `سفر ${NAME} به اصفهان انجام شد.`;

function jsonl(docs: { id: string; text: string; spans?: { start: number; end: number; label: string }[] }[]): string {
  return docs.map((d) => JSON.stringify({ ...d, spans: d.spans ?? [], status: 'new' })).join('\n') + '\n';
}

test('documents never opened, and the one open and untouched, get the model’s suggestions; one seen and left keeps its own', async ({ page }) => {
  await openApp(page);
  await learned(page, 0);
  const spans = [0, 1, 2].map((k) => {
    let at = -1;
    for (let j = 0; j <= k; j++) at = cpIndexOf(TEACH, NAME, at + 1);
    return { start: at, end: at + Array.from(NAME).length, label: 'PER' };
  });
  // "teach" opens (the first imported); "opened" is opened and left; "next"
  // opens with done & next, before the model learned; "unseen" never opens.
  await importFiles(page, [
    {
      name: 'm.jsonl',
      body: jsonl([
        { id: 'teach', text: TEACH, spans },
        { id: 'next', text: UNSEEN },
        { id: 'opened', text: UNSEEN },
        { id: 'unseen', text: UNSEEN },
      ]),
    },
  ]);
  await expect(page.locator('#doc-view')).toHaveAttribute('data-doc-id', 'teach');
  const name = cpIndexOf(UNSEEN, NAME);
  const per = (l: { suggestions?: { start: number; label: string }[] }) =>
    (l.suggestions ?? []).some((s) => s.start === name && s.label === 'PER');
  await (await menuItem(page, '#export-suggestions')).check();
  const before = (await exportLines(page)).lines;
  expect(per(before.find((l) => l.id === 'unseen')!), 'the rules alone do not know the name').toBe(false);
  await openDoc(page, 'opened');
  await openDoc(page, 'teach');
  // done → "next" opens at once, untouched: it shows what the model learned
  // as soon as it has; "unseen" stays unopened.
  await doneAndLearned(page, 1);
  await expect(page.locator('#doc-view')).toHaveAttribute('data-doc-id', 'next');
  await expect
    .poll(async () => per((await exportLines(page)).lines.find((l) => l.id === 'unseen')!), { timeout: 15_000 })
    .toBe(true);
  await expect(page.locator(`#doc-view mark.span[data-start="${name}"][data-label="PER"]`)).toHaveCount(1);
  const after = (await exportLines(page)).lines;
  expect(per(after.find((l) => l.id === 'next')!)).toBe(true);
  expect(after.find((l) => l.id === 'opened')!.suggestions ?? []).toEqual(before.find((l) => l.id === 'opened')!.suggestions ?? []);
  expect(after.find((l) => l.id === 'unseen')!.status).toBe('new');
  const s = status(page);
  const tokens = Number(await s.getAttribute('data-suggest-tokens'));
  expect(tokens).toBeGreaterThan(0);
});

test('a version 1 database (before the model) keeps its documents and gains the model store', async ({ page }) => {
  // A page of the same origin that does not start the app.
  await page.goto('./boot.js');
  const text = 'سفر زربلان به اصفهان انجام شد.';
  await page.evaluate(async (text) => {
    const db: IDBDatabase = await new Promise((ok, fail) => {
      const r = indexedDB.open('barchasb', 1);
      r.onupgradeneeded = () => {
        r.result.createObjectStore('docs');
        r.result.createObjectStore('meta');
      };
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    const tx = db.transaction(['docs', 'meta'], 'readwrite');
    const doc = { id: 'old', text, spans: [{ start: 4, end: 10, label: 'PER' }], status: 'in_progress' };
    tx.objectStore('docs').put(JSON.stringify({ seq: 0, suggested: true, doc }), 'old');
    tx.objectStore('meta').put('old', 'open');
    await new Promise((ok, fail) => {
      tx.oncomplete = ok;
      tx.onerror = () => fail(tx.error);
    });
    db.close();
  }, text);
  await page.goto('./');
  await expect(page.locator('#doc-view')).toHaveAttribute('data-doc-id', 'old');
  await expect(page.locator('#doc-list li[data-doc-id]')).toHaveCount(1);
  await expect(page.locator('#doc-view mark.span[data-start="4"][data-end="10"][data-state="confirmed"]')).toHaveCount(1);
  await learned(page, 0);
  await doneAndLearned(page, 1);
  const stores = await page.evaluate(
    () =>
      new Promise<{ version: number; stores: string[] }>((ok) => {
        const r = indexedDB.open('barchasb');
        r.onsuccess = () => {
          ok({ version: r.result.version, stores: Array.from(r.result.objectStoreNames) });
          r.result.close();
        };
      }),
  );
  expect(stores).toEqual({ version: 2, stores: ['docs', 'meta', 'model'] });
  await settled(page);
  await page.reload();
  await learned(page, 1);
  await expect(page.locator('#doc-list li[data-doc-id="old"]')).toHaveAttribute('data-status', 'done');
});
