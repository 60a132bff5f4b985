// The app's IndexedDB as a test reads it, and faults injected into it.
// Reading the store directly says what a reload would find, without one.
import type { Page } from '@playwright/test';
import type { Span } from './app';

/** One stored document, as `hooks/persistence.rs` writes it (the fields a test compares). */
export interface StoredDoc {
  id: string;
  text: string;
  spans: Span[];
  status: string;
}

/**
 * Every document in the database `db` (`barchasb`: the page without a
 * project), by id, in stored order; spans as {start, end, label}.
 */
export async function storedDocs(page: Page, db = 'barchasb'): Promise<Map<string, StoredDoc>> {
  const rows: StoredDoc[] = await page.evaluate(async (name) => {
    const open: IDBDatabase = await new Promise((ok, no) => {
      const r = indexedDB.open(name);
      r.onsuccess = () => ok(r.result);
      r.onerror = () => no(r.error);
    });
    const values: string[] = await new Promise((ok, no) => {
      const r = open.transaction('docs', 'readonly').objectStore('docs').getAll();
      r.onsuccess = () => ok(r.result);
      r.onerror = () => no(r.error);
    });
    open.close();
    return values
      .map((v) => JSON.parse(v))
      .sort((a, b) => a.seq - b.seq)
      .map(({ doc }) => ({
        id: doc.id,
        text: doc.text,
        status: doc.status ?? 'new',
        spans: (doc.spans ?? []).map((s: Span) => ({ start: s.start, end: s.end, label: s.label })),
      }));
  }, db);
  return new Map(rows.map((r) => [r.id, r]));
}

/** How a write is refused: not at all, by the transaction aborting at commit (as a full disk does), or by put() throwing. */
export type QuotaMode = 'off' | 'abort' | 'throw';

/**
 * Before the page's scripts: IndexedDB read-write transactions fail with a
 * QuotaExceededError while `window.__quota` (set by [`setQuota`]) is not
 * 'off'; `window.__quotaHits` counts the writes refused.
 */
export async function injectQuotaFault(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __quota: string; __quotaHits: number };
    w.__quota = 'off';
    w.__quotaHits = 0;
    const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const commit = IDBTransaction.prototype.commit;
    IDBTransaction.prototype.commit = function (this: IDBTransaction) {
      if (w.__quota === 'abort' && this.mode === 'readwrite') {
        w.__quotaHits++;
        // What a refused commit looks like: aborted, its error the quota's.
        Object.defineProperty(this, 'error', { value: quota(), configurable: true });
        this.abort();
        return;
      }
      return commit.call(this);
    };
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (w.__quota === 'throw' && this.transaction.mode === 'readwrite') {
        w.__quotaHits++;
        throw quota();
      }
      return put.apply(this, args);
    };
  });
}

export async function setQuota(page: Page, mode: QuotaMode): Promise<void> {
  await page.evaluate((m) => ((window as unknown as { __quota: string }).__quota = m), mode);
}

export async function quotaHits(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __quotaHits: number }).__quotaHits);
}
