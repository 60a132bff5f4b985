// Nothing marked done is lost to the model: a document marked done while
// the tagger's worker has not learned it yet (the page reloads or crashes
// first) is learned at the next start, and a document is learned once, not
// again when "done" is undone and marked again with the same spans.
import { test, expect, openApp, openDoc, settled, SEEDS, menuItem } from '../helpers/app';
import type { Page, Route } from '@playwright/test';

const status = (page: Page) => page.locator('#model-status');

async function learned(page: Page, n: number): Promise<void> {
  await expect(status(page)).toHaveAttribute('data-docs-learned', String(n));
}

test('a reload before the worker learned a document marked done: it is learned after the reload, once', async ({ page }) => {
  // The worker's wasm is held, so the worker cannot learn anything on this
  // first page: the reload surely comes before learning completes.
  const held: Route[] = [];
  await page.context().route('**/tagger-worker_bg.wasm', (route) => {
    held.push(route);
  });
  // Without its worker the page has no suggestions either: it does not wait for them.
  await openApp(page, { suggestions: false });
  await expect(page.locator('#suggest-progress')).toHaveAttribute('data-left', '2');
  await openDoc(page, SEEDS[0]);
  await page.locator('#accept-all').click();
  await page.locator('#done-next').click();
  await expect(page.locator(`#doc-list li[data-doc-id="${SEEDS[0]}"]`)).toHaveAttribute('data-status', 'done');
  // The document (status done, not learned) is saved; the model is not.
  await settled(page);
  await expect.poll(() => held.length, { message: 'the worker asked for its wasm' }).toBeGreaterThan(0);
  await expect(status(page)).not.toHaveAttribute('data-docs-learned');
  await expect(status(page)).toHaveAttribute('data-learning', '1');

  await page.context().unrouteAll({ behavior: 'ignoreErrors' });
  await page.reload();
  await learned(page, 1);
  await expect(status(page)).toHaveAttribute('data-saved-docs-learned', '1');
  await expect(status(page)).toHaveAttribute('data-learning', '0');
  await expect(page.locator(`#doc-list li[data-doc-id="${SEEDS[0]}"]`)).toHaveAttribute('data-status', 'done');
  // Learned and saved as learned: another start does not teach it again.
  await settled(page);
  await page.reload();
  await learned(page, 1);
  // The worker answers in order: had the start queued the document again,
  // it would have been learned before this one (3, not 2).
  await openDoc(page, SEEDS[1]);
  await page.locator('#done-next').click();
  await learned(page, 2);
});

test('undo "done" then done again teaches the model once; done again after a new span teaches it again', async ({ page }) => {
  await openApp(page);
  await learned(page, 0);
  await openDoc(page, SEEDS[0]);
  await page.locator('#accept-all').click();
  await page.locator('#done-next').click();
  await learned(page, 1);
  await expect(status(page)).toHaveAttribute('data-saved-docs-learned', '1');
  const li = page.locator(`#doc-list li[data-doc-id="${SEEDS[0]}"]`);
  // Undo "done" (the undo reopens the document), then mark it done again.
  await page.locator('#undo').click();
  await expect(li).not.toHaveAttribute('data-status', 'done');
  await expect(page.locator('#doc-view')).toHaveAttribute('data-doc-id', SEEDS[0]);
  await page.locator('#done-next').click();
  await expect(li).toHaveAttribute('data-status', 'done');
  // Redo after another undo is "done again" too.
  await page.locator('#undo').click();
  await expect(li).not.toHaveAttribute('data-status', 'done');
  await page.locator('#redo').click();
  await expect(li).toHaveAttribute('data-status', 'done');
  // Undone again and a confirmed span deleted: other spans, learned again.
  await page.locator('#undo').click();
  await expect(li).not.toHaveAttribute('data-status', 'done');
  const confirmed = page.locator('#doc-view mark.span[data-state="confirmed"]');
  const n = await confirmed.count();
  expect(n).toBeGreaterThan(1);
  await confirmed.first().click();
  await page.locator('#span-menu button[data-action="delete"]').click();
  await expect(confirmed).toHaveCount(n - 1);
  await page.locator('#done-next').click();
  await learned(page, 2);
  // The next document learned makes 3: nothing of SEEDS[0] was sent a third
  // time (the worker answers in order).
  await openDoc(page, SEEDS[1]);
  await page.locator('#done-next').click();
  await learned(page, 3);
  await expect(status(page)).toHaveAttribute('data-learning', '0');
});

test('a reset forgets: documents done before it are not learned again at the next start', async ({ page }) => {
  await openApp(page);
  await openDoc(page, SEEDS[0]);
  await page.locator('#accept-all').click();
  await page.locator('#done-next').click();
  await learned(page, 1);
  await (await menuItem(page, '#model-reset')).click();
  await (await menuItem(page, '#model-reset-confirm')).click();
  await learned(page, 0);
  await expect(status(page)).toHaveAttribute('data-saved-docs-learned', '0');
  await settled(page);
  await page.reload();
  await learned(page, 0);
  // Had the start queued SEEDS[0] again, this would make 2.
  await openDoc(page, SEEDS[1]);
  await page.locator('#done-next').click();
  await learned(page, 1);
});
