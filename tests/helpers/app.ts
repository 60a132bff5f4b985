// Fixtures and helpers shared by the specs. They only use the DOM contract
// (README, "DOM contract"): ids, data-start/data-end/data-label/data-state,
// data-offset, data-doc-id, data-status.
import { test as base, expect, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export { expect };

/** The seed texts shipped as the demo documents (ids are the file stems). */
export const SEEDS = ['imidro-china-mining-association', 'imidro-kazakhstan-deputy-minister'];

export const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
mkdirSync(ARTIFACTS, { recursive: true });

export function seedText(id: string): string {
  return readFileSync(fileURLToPath(new URL(`../../seeds/${id}.txt`, import.meta.url)), 'utf8');
}

/** A span as in the export: code points of the original text, end exclusive. */
export interface Span {
  start: number;
  end: number;
  label: string;
}

export interface ExportLine {
  id: string;
  text: string;
  spans: Span[];
  status: string;
  suggestions?: Span[];
  [key: string]: unknown;
}

/** Slices by code points (what the offsets count), not UTF-16 units. */
export function cpSlice(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join('');
}

export function cpLength(text: string): number {
  return Array.from(text).length;
}

/** The code point offset of the first occurrence of `needle` (at or after `from`). */
export function cpIndexOf(text: string, needle: string, from = 0): number {
  const cps = Array.from(text);
  const want = Array.from(needle);
  outer: for (let i = from; i + want.length <= cps.length; i++) {
    for (let j = 0; j < want.length; j++) if (cps[i + j] !== want[j]) continue outer;
    return i;
  }
  throw new Error(`${JSON.stringify(needle)} not in the text`);
}

interface Watch {
  offOrigin: string[];
  failed: string[];
  dialogs: string[];
  errors: string[];
}

/**
 * Every test gets a fresh browser context (a fresh IndexedDB profile) and
 * these checks, whatever it does: no request leaves the origin, no request
 * fails, no dialog opens, no uncaught error or CSP violation.
 */
/**
 * The interface in English for every page of `ctx` (unless a language was
 * chosen there already): the specs assert English texts. The app is
 * Persian by default; tests/specs/i18n.spec.ts runs it so (`uiLang: 'fa'`),
 * and BARCHASB_UI_LANG=fa runs every spec in Persian.
 */
export async function englishUI(ctx: BrowserContext): Promise<void> {
  await ctx.addInitScript(() => {
    try {
      if (!localStorage.getItem('barchasb-lang')) localStorage.setItem('barchasb-lang', 'en');
    } catch {
      // no storage on this page (about:blank)
    }
  });
}

export const test = base.extend<{ watch: Watch; uiLang: 'en' | 'fa' }>({
  uiLang: [(process.env.BARCHASB_UI_LANG as 'en' | 'fa') ?? 'en', { option: true }],
  context: async ({ context, uiLang }, use) => {
    if (uiLang === 'en') await englishUI(context);
    await use(context);
  },
  watch: [
    async ({ page, baseURL }, use) => {
      const origin = new URL(baseURL!).origin + '/';
      const w: Watch = { offOrigin: [], failed: [], dialogs: [], errors: [] };
      const attach = (p: Page) => {
        p.on('request', (r) => {
          const url = r.url();
          // data:/blob: URLs never reach the network.
          if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) w.offOrigin.push(url);
        });
        p.on('requestfailed', (r) => {
          // A navigation cut short by reload() is not a failure of the page.
          if (r.failure()?.errorText !== 'net::ERR_ABORTED') w.failed.push(`${r.url()} ${r.failure()?.errorText}`);
        });
        p.on('response', (r) => {
          if (r.status() >= 400) w.failed.push(`${r.url()} ${r.status()}`);
        });
        p.on('dialog', async (d) => {
          w.dialogs.push(`${d.type()}: ${d.message()}`);
          await d.dismiss();
        });
        p.on('pageerror', (e) => w.errors.push(`pageerror: ${e.message}`));
        p.on('console', (m) => {
          if (m.type() === 'error' && /Content Security Policy|panicked/i.test(m.text())) w.errors.push(m.text());
        });
      };
      attach(page);
      page.context().on('page', attach);
      await use(w);
      expect(w.offOrigin, 'requests that left the origin').toEqual([]);
      expect(w.failed, 'failed requests').toEqual([]);
      expect(w.dialogs, 'dialogs').toEqual([]);
      expect(w.errors, 'page errors').toEqual([]);
    },
    { auto: true },
  ],
});

/**
 * Opens the app and waits until a document is shown and the worker has
 * sent every document's first suggestions (`#suggest-progress` is gone).
 */
export async function openApp(page: Page, { suggestions = true } = {}): Promise<void> {
  await page.goto('./');
  await expect(page.locator('#doc-view')).toBeVisible();
  await expect(page.locator('#doc-list li').first()).toBeVisible();
  if (suggestions) await expect(page.locator('#suggest-progress')).toHaveCount(0);
}

/** The open document's text, rebuilt from the paragraphs (one per line). */
export async function viewText(page: Page): Promise<string> {
  return page.locator('#doc-view').evaluate((el) =>
    Array.from(el.querySelectorAll(':scope > p'))
      .map((p) => p.textContent ?? '')
      .join('\n'),
  );
}

export type Mark = Span & { state: string; text: string };

/**
 * Every rendered span of the open document, in document order. A span that
 * crosses a line break is rendered as one mark per paragraph (same
 * data-start/data-end); its pieces are joined back with "\n".
 */
export async function marks(page: Page): Promise<Mark[]> {
  const pieces: Mark[] = await page.locator('#doc-view mark.span').evaluateAll((els) =>
    els.map((m) => ({
      start: Number(m.getAttribute('data-start')),
      end: Number(m.getAttribute('data-end')),
      label: m.getAttribute('data-label') ?? '',
      state: m.getAttribute('data-state') ?? '',
      text: m.textContent ?? '',
    })),
  );
  const out: Mark[] = [];
  for (const m of pieces) {
    const last = out[out.length - 1];
    if (last && last.start === m.start && last.end === m.end) last.text += '\n' + m.text;
    else out.push(m);
  }
  return out;
}

export function mark(page: Page, start: number, end: number): Locator {
  return page.locator(`#doc-view mark.span[data-start="${start}"][data-end="${end}"]`).first();
}

export async function docIds(page: Page): Promise<string[]> {
  return page.locator('#doc-list li[data-doc-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-doc-id')!));
}

/** Opens a document by clicking its entry in the side list. */
export async function openDoc(page: Page, id: string): Promise<void> {
  await page.locator(`#doc-list li[data-doc-id="${cssEscape(id)}"]`).click();
  await expect(page.locator('#doc-view')).toHaveAttribute('data-doc-id', id);
}

/** Pastes a new document and opens it; returns its id. */
export async function pasteDoc(page: Page, text: string): Promise<string> {
  const before = new Set(await docIds(page));
  await page.locator('#paste-text').fill(text);
  await page.locator('#paste-add').click();
  await expect.poll(async () => (await docIds(page)).filter((id) => !before.has(id)).length).toBe(1);
  const id = (await docIds(page)).find((i) => !before.has(i))!;
  await openDoc(page, id);
  await expect.poll(() => viewText(page)).toBe(text);
  return id;
}

/**
 * An export line without what the JSONL derives from the text (`tokens`,
 * each span's `text`, `token_start`, `token_end`, `value`: checked by the
 * export spec and tests/python), so that specs compare spans as the DOM has them.
 */
function bare(line: ExportLine): ExportLine {
  const spans = (list: Span[]) => list.map(({ start, end, label }) => ({ start, end, label }));
  const { tokens: _tokens, ...rest } = line;
  const out: ExportLine = { ...rest, spans: spans(line.spans) };
  if (line.suggestions) out.suggestions = spans(line.suggestions);
  return out;
}

/** Clicks #export and returns the parsed lines of the downloaded file (see `bare`). */
export async function exportLines(page: Page): Promise<{ raw: string; lines: ExportLine[]; name: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), (await menuItem(page, '#export')).click()]);
  const path = await download.path();
  const raw = readFileSync(path!, 'utf8');
  const lines = raw
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => bare(JSON.parse(l) as ExportLine));
  return { raw, lines, name: download.suggestedFilename() };
}

/**
 * Drops files on the page as a user drags them from the desktop: a
 * DataTransfer holding real File objects, with dragenter/dragover/drop
 * dispatched on the document view. Bodies are UTF-8 strings or raw bytes.
 */
export async function dropFiles(page: Page, files: { name: string; body: string | Buffer }[]): Promise<void> {
  const payload = files.map((f) => ({
    name: f.name,
    b64: (typeof f.body === 'string' ? Buffer.from(f.body, 'utf8') : f.body).toString('base64'),
  }));
  const dt = await page.evaluateHandle((items) => {
    const dt = new DataTransfer();
    for (const { name, b64 } of items) {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], name));
    }
    return dt;
  }, payload);
  const target = page.locator('#doc-view');
  for (const type of ['dragenter', 'dragover', 'drop']) await target.dispatchEvent(type, { dataTransfer: dt });
}

/** Imports files through input#open-files. */
export async function importFiles(page: Page, files: { name: string; body: string }[]): Promise<void> {
  await page.locator('input#open-files').setInputFiles(
    files.map((f) => ({
      name: f.name,
      mimeType: f.name.endsWith('.jsonl') ? 'application/jsonl' : 'text/plain',
      buffer: Buffer.from(f.body, 'utf8'),
    })),
  );
}

/**
 * A viewport point inside the code point at `offset` in the open document,
 * found through the contract's data-offset / data-start attributes.
 */
export async function charCenter(page: Page, offset: number): Promise<{ x: number; y: number }> {
  const box = await page.locator('#doc-view').evaluate((view, k) => {
    const runs = Array.from(view.querySelectorAll<HTMLElement>('[data-offset], mark.span[data-start]'));
    for (const run of runs) {
      const base = Number(run.dataset.offset ?? run.dataset.start);
      let pos = base;
      const walker = document.createTreeWalker(run, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        // Skip text of nested runs: they are visited on their own.
        if (node.parentElement?.closest('[data-offset], mark.span[data-start]') !== run) continue;
        const units = node.data;
        let u = 0;
        for (const ch of units) {
          if (pos === k) {
            const range = document.createRange();
            range.setStart(node, u);
            range.setEnd(node, u + ch.length);
            const r = range.getClientRects()[0] ?? range.getBoundingClientRect();
            // Not the exact centre: a press at a glyph's midpoint sits on the
            // boundary of two caret positions, and Chromium then starts no
            // drag selection (the caret just follows the mouse).
            return { x: r.left + r.width * 0.7, y: r.top + r.height / 2, w: r.width };
          }
          pos += 1;
          u += ch.length;
        }
      }
    }
    return null;
  }, offset);
  if (!box) throw new Error(`no rendered character at code point ${offset}`);
  return box;
}

/** Drags the mouse from the character at `from` to the character at `to`. */
export async function dragSelect(page: Page, from: number, to: number): Promise<void> {
  const a = await charCenter(page, from);
  const b = await charCenter(page, to);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 4 });
  await page.mouse.move(b.x, b.y, { steps: 4 });
  await page.mouse.up();
}

/** Deletes, through the span menu, every span overlapping [start, end). */
export async function clearSpans(page: Page, start: number, end: number): Promise<void> {
  for (;;) {
    const hit = (await marks(page)).find((m) => m.start < end && start < m.end);
    if (!hit) return;
    await mark(page, hit.start, hit.end).click();
    await page.locator('#span-menu button[data-action="delete"]').click();
    await expect(mark(page, hit.start, hit.end)).toHaveCount(0);
  }
}

/** Asserts that every mark's text is the code point slice of `text` it claims. */
export async function expectMarksMatchText(page: Page, text: string): Promise<void> {
  const ms = await marks(page);
  for (const m of ms) {
    expect(m.start, JSON.stringify(m)).toBeLessThan(m.end);
    expect(m.text, `mark ${m.start}..${m.end} ${m.label}`).toBe(cpSlice(text, m.start, m.end));
  }
  for (let i = 1; i < ms.length; i++) expect(ms[i].start, 'spans sorted and disjoint').toBeGreaterThanOrEqual(ms[i - 1].end);
}

/** The label set's keys as shown by the span/label menu buttons. */
export async function labelsInMenu(menu: Locator): Promise<string[]> {
  return menu.locator('button[data-label]').evaluateAll((els) => els.map((e) => e.getAttribute('data-label')!));
}

/** The key that assigns `label` in the default label set (guidelines). */
export const LABEL_KEYS: Record<string, string> = {
  PER: '1',
  ORG: '2',
  LOC: '3',
  FAC: '4',
  EVENT: '5',
  ROLE: '6',
  DATE: '7',
  QUANTITY: '8',
  MONEY: '9',
  COMMODITY: '0',
  AGREEMENT: '-',
};

function cssEscape(s: string): string {
  return s.replace(/["\\]/g, '\\$&');
}

/**
 * Waits until the app reports every edit saved, before a reload: the app's
 * `#save-status` carries `data-rev` (edits made) and `data-saved-rev` (edits
 * in IndexedDB). Not part of the DOM contract; without it, no wait.
 */
export async function settled(page: Page): Promise<void> {
  const status = page.locator('#save-status[data-rev][data-saved-rev]');
  if ((await status.count()) === 0) return;
  await expect
    .poll(() => status.evaluate((e) => e.getAttribute('data-rev') === e.getAttribute('data-saved-rev')))
    .toBe(true);
}

/**
 * Records long tasks (main thread busy > 50 ms) from now on, in ms, in
 * `window.__long` (read with `longTasks`).
 */
export async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as any;
    w.__long = [];
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) w.__long.push(e.duration);
    }).observe({ type: 'longtask' });
  });
}

/**
 * A control of the header's menu (`#menu`: files, export, model, panels,
 * theme, keys), the menu opened first if it is closed.
 */
export async function menuItem(page: Page, selector: string): Promise<Locator> {
  const item = page.locator(selector);
  if (!(await page.locator('#menu').isVisible())) {
    await page.locator('#menu-button').click();
    await expect(page.locator('#menu')).toBeVisible();
  }
  return item;
}

/**
 * The runs of at least `min` Persian letters between spaces that no span of
 * `taken` touches (nor sits right beside): places for a fresh span by drag.
 */
export function freeWords(text: string, taken: { start: number; end: number }[], min: number): { start: number; end: number }[] {
  const cps = Array.from(text);
  const re = /[\u0600-\u06FF]/;
  const words: { start: number; end: number }[] = [];
  for (let s = 1; s < cps.length; s++) {
    if (cps[s - 1] !== ' ' || !re.test(cps[s])) continue;
    let e = s;
    while (e < cps.length && re.test(cps[e])) e++;
    if (e - s < min || cps[e] !== ' ') continue;
    if (taken.some((t) => t.start - 1 <= e && s <= t.end + 1)) continue;
    words.push({ start: s, end: e });
  }
  return words;
}

/** The word cursor's range (`#doc-view[data-caret-start][data-caret-end]`), or null. */
export async function caretRange(page: Page): Promise<{ start: number; end: number } | null> {
  const v = page.locator('#doc-view');
  const [s, e] = [await v.getAttribute('data-caret-start'), await v.getAttribute('data-caret-end')];
  return s === null || e === null ? null : { start: Number(s), end: Number(e) };
}

/** The text under the CSS custom highlight `name` (what the page shows highlighted), or null. */
export async function highlightText(page: Page, name: string): Promise<string | null> {
  return page.evaluate((n) => {
    const h = (CSS as any).highlights?.get(n);
    if (!h) return null;
    return Array.from(h as Iterable<Range>).map((r) => r.toString()).join('|');
  }, name);
}

/** The focused span's start (`mark.span.focused`), or null. */
export async function focusedStart(page: Page): Promise<number | null> {
  const f = page.locator('#doc-view mark.span.focused');
  if ((await f.count()) === 0) return null;
  return Number(await f.first().getAttribute('data-start'));
}

/**
 * Viewport points of a span's two handles: its start at the right edge of
 * its first line box, its end at the left edge of its last (the label tag's
 * far side), in this right-to-left text.
 */
export async function handlePoints(
  page: Page,
  start: number,
  end: number,
): Promise<{ start: { x: number; y: number }; end: { x: number; y: number } }> {
  return mark(page, start, end).evaluate((m) => {
    const rs = m.getClientRects();
    const [a, b] = [rs[0], rs[rs.length - 1]];
    return { start: { x: a.right - 2, y: a.top + a.height / 2 }, end: { x: b.left + 2, y: b.top + b.height / 2 } };
  });
}

/**
 * A viewport point at the caret position before code point `offset` (its
 * right side, in right-to-left text), for character-exact drags.
 */
export async function caretPoint(page: Page, offset: number): Promise<{ x: number; y: number }> {
  const c = (await charCenter(page, offset)) as { x: number; y: number; w: number };
  // charCenter is at 70% of the glyph from its left: 25% more is near its right edge.
  return { x: c.x + c.w * 0.25, y: c.y };
}
