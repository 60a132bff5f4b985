// Nothing lost: every edit is in IndexedDB; a reload restores it all. Export
// gives exact code point spans; importing the export into a fresh profile
// restores the same state.
import {
  englishUI,
  test,
  expect,
  openApp,
  openDoc,
  pasteDoc,
  marks,
  mark,
  docIds,
  settled,
  exportLines,
  importFiles,
  viewText,
  cpSlice,
  cpLength,
  cpIndexOf,
  seedText,
  SEEDS,
  LABEL_KEYS,
  type ExportLine,
  type Mark, menuItem } from '../helpers/app';
import type { Page } from '@playwright/test';

const PASTED = 'گزارش همکاری‌های ایمیدرو با شرکت ANC در سال ۱۴۰۲ و 2025 🙂 با ۳۵۰۰ نفر.\nخط دوم 𝑥 و «نقل‌قول».';

/** The state of every document as the UI shows it: status, then all marks. */
async function snapshot(page: Page): Promise<Record<string, { status: string; text: string; marks: Mark[] }>> {
  const out: Record<string, { status: string; text: string; marks: Mark[] }> = {};
  for (const id of await docIds(page)) {
    await openDoc(page, id);
    const status = (await page.locator(`#doc-list li[data-doc-id="${id}"]`).getAttribute('data-status'))!;
    out[id] = { status, text: await viewText(page), marks: await marks(page) };
  }
  return out;
}

/** A few edits of every kind on the seeds and a pasted document. */
async function edit(page: Page): Promise<void> {
  await openApp(page);
  await openDoc(page, SEEDS[0]);
  await expect(page.locator('#doc-view mark.span').first()).toBeVisible();
  const ms = await marks(page);
  await mark(page, ms[0].start, ms[0].end).click();
  await page.locator('#span-menu button[data-action="confirm"]').click();
  await mark(page, ms[1].start, ms[1].end).click();
  await page.keyboard.press(ms[1].label === 'MONEY' ? LABEL_KEYS.DATE : LABEL_KEYS.MONEY);
  await mark(page, ms[2].start, ms[2].end).click();
  await page.locator('#span-menu button[data-action="delete"]').click();
  await expect(mark(page, ms[2].start, ms[2].end)).toHaveCount(0);

  await openDoc(page, SEEDS[1]);
  await page.locator('#accept-all').click();
  await expect(page.locator('#doc-view mark.span[data-state="suggested"]')).toHaveCount(0);
  await page.locator('#done-next').click();
  await expect(page.locator(`#doc-list li[data-doc-id="${SEEDS[1]}"]`)).toHaveAttribute('data-status', 'done');

  await pasteDoc(page, PASTED);
  await page.locator('#accept-all').click();
}

test('a reload restores every document, span, label, state and status', async ({ page }) => {
  await edit(page);
  const before = await snapshot(page);
  expect(Object.keys(before).length).toBe(3);
  await settled(page);
  await page.reload();
  await expect(page.locator('#doc-list li').first()).toBeVisible();
  await expect.poll(async () => (await docIds(page)).length).toBe(3);
  expect(await snapshot(page)).toEqual(before);
  await expect(page.locator('#progress')).toHaveText(/1\s*\/\s*3/);
});

test('export: one line per document with exact code point spans', async ({ page }) => {
  await edit(page);
  const shown = await snapshot(page);
  const { lines, name, raw } = await exportLines(page);
  expect(name).toBe('barchasb-export.jsonl');
  expect(raw.endsWith('\n')).toBe(true);
  expect(lines.map((l) => l.id).sort()).toEqual(Object.keys(shown).sort());
  for (const line of lines) {
    expect(Object.keys(line)).toEqual(expect.arrayContaining(['id', 'text', 'spans', 'status']));
    expect(line).not.toHaveProperty('suggestions');
    const ui = shown[line.id];
    expect(line.text).toBe(ui.text);
    if (SEEDS.includes(line.id)) expect(line.text).toBe(seedText(line.id));
    expect(line.status).toBe(ui.status);
    // Confirmed spans only, exactly the confirmed marks, sorted and disjoint.
    const confirmed = ui.marks.filter((m) => m.state === 'confirmed');
    expect(line.spans).toEqual(confirmed.map(({ start, end, label }) => ({ start, end, label })));
    for (const s of line.spans) {
      expect(Number.isInteger(s.start) && Number.isInteger(s.end)).toBe(true);
      expect(0 <= s.start && s.start < s.end && s.end <= cpLength(line.text)).toBe(true);
      expect(cpSlice(line.text, s.start, s.end)).toBe(confirmed.find((m) => m.start === s.start)!.text);
    }
  }
  expect(lines.find((l) => l.text === PASTED)!.spans.length).toBeGreaterThan(0);

  // With the checkbox, the unconfirmed suggestions come along, flagged as such.
  await (await menuItem(page, '#export-suggestions')).check();
  await openDoc(page, SEEDS[0]);
  const { lines: withSugg } = await exportLines(page);
  const seed0 = withSugg.find((l) => l.id === SEEDS[0])!;
  const suggested = shown[SEEDS[0]].marks.filter((m) => m.state === 'suggested');
  expect(suggested.length).toBeGreaterThan(0);
  expect(seed0.suggestions).toEqual(suggested.map(({ start, end, label }) => ({ start, end, label })));
  expect(seed0.spans).toEqual(lines.find((l) => l.id === SEEDS[0])!.spans);
});

test('importing the export into a fresh profile restores the same state', async ({ page, browser, baseURL }) => {
  await edit(page);
  const shown = await snapshot(page);
  const first = await exportLines(page);

  const fresh = await browser.newContext({ baseURL, acceptDownloads: true });
  await englishUI(fresh);
  const page2 = await fresh.newPage();
  // The fixture's checks cover the test's own page; this one gets the origin check.
  const origin = new URL(baseURL!).origin + '/';
  const offOrigin: string[] = [];
  page2.on('request', (r) => {
    if (!/^(data|blob):/.test(r.url()) && !r.url().startsWith(origin)) offOrigin.push(r.url());
  });
  try {
    await openApp(page2);
    await importFiles(page2, [{ name: 'barchasb-export.jsonl', body: first.raw }]);
    await expect.poll(async () => (await docIds(page2)).sort()).toEqual(Object.keys(shown).sort());
    const second = await exportLines(page2);
    expect(second.lines.map((l) => JSON.stringify(l)).sort()).toEqual(first.lines.map((l) => JSON.stringify(l)).sort());
    expect(second.raw.split('\n').sort()).toEqual(first.raw.split('\n').sort());
    // And the UI shows the same marks, labels, states and statuses.
    const restored = await snapshot(page2);
    for (const [id, doc] of Object.entries(shown)) {
      expect(restored[id].status).toBe(doc.status);
      expect(restored[id].text).toBe(doc.text);
      const conf = (ms: Mark[]) => ms.filter((m) => m.state === 'confirmed');
      expect(conf(restored[id].marks)).toEqual(conf(doc.marks));
    }
    expect(offOrigin).toEqual([]);
  } finally {
    await fresh.close();
  }
});

test('import reports bad lines by line number and imports the good ones', async ({ page }) => {
  await openApp(page);
  // An astral character (two UTF-16 units, one code point) before the span:
  // «تهران» is code points 9..14 (UTF-16 units 10..15).
  const t1 = 'سفر 🙂 به تهران';
  const at = cpIndexOf(t1, 'تهران');
  expect([at, t1.indexOf('تهران')]).toEqual([9, 10]);
  const good1: ExportLine = { id: 'good-one', text: t1, spans: [{ start: 9, end: 14, label: 'LOC' }], status: 'in_progress' };
  const good2 = { id: 'good-two', text: 'متن دوم' };
  const body = [
    JSON.stringify(good1),
    '{"id": "broken", "text": ',
    JSON.stringify({ id: 'no-text' }),
    JSON.stringify(good2),
    JSON.stringify({ id: 'bad-span', text: 'کوتاه', spans: [{ start: 3, end: 99, label: 'PER' }] }),
  ].join('\n');
  await importFiles(page, [
    { name: 'batch.jsonl', body },
    { name: 'note.txt', body: 'یادداشتی ساده از قزاقستان' },
  ]);
  const msg = page.locator('#message');
  await expect(msg).toContainText('batch.jsonl:2');
  await expect(msg).toContainText('batch.jsonl:3');
  await expect(msg).toContainText('batch.jsonl:5');
  await expect(msg).not.toContainText('batch.jsonl:1:');
  await expect(msg).not.toContainText('batch.jsonl:4');
  await expect.poll(() => docIds(page)).toEqual(expect.arrayContaining(['good-one', 'good-two']));
  await expect(msg).toContainText('batch.jsonl:5: span 1 ends at 99, past the end of the text (5 characters)');
  const ids = await docIds(page);
  expect(ids).not.toContain('broken');
  expect(ids).not.toContain('no-text');
  // One bad span does not lose its document: it comes in without it.
  expect(ids).toContain('bad-span');

  await openDoc(page, 'good-one');
  expect(await viewText(page)).toBe(good1.text);
  await expect(mark(page, 9, 14)).toHaveAttribute('data-label', 'LOC');
  await expect(mark(page, 9, 14)).toHaveAttribute('data-state', 'confirmed');
  await expect(mark(page, 9, 14)).toHaveText('تهران');
  await expect(page.locator('#doc-list li[data-doc-id="good-one"]')).toHaveAttribute('data-status', 'in_progress');

  // The .txt file is a new document too.
  const txt = ids.find((i) => i.startsWith('note'))!;
  expect(txt).toBeTruthy();
  await openDoc(page, txt);
  expect(await viewText(page)).toBe('یادداشتی ساده از قزاقستان');
});

test('storage errors are shown, not swallowed: no IndexedDB at all', async ({ page }) => {
  // As in a browser mode that refuses IndexedDB: open() throws.
  await page.addInitScript(() => {
    IDBFactory.prototype.open = function () {
      throw new DOMException('IndexedDB refused (test)', 'InvalidStateError');
    };
  });
  await page.goto('./');
  await expect(page.locator('#message')).toContainText(/IndexedDB|storage|refused/i);
  // The app still works on the seeds, in memory.
  await expect(page.locator('#doc-view mark.span').first()).toBeVisible();
});

test('storage errors are shown, not swallowed: a write fails (quota)', async ({ page }) => {
  await openApp(page);
  await expect(page.locator('#doc-view mark.span').first()).toBeVisible();
  await settled(page);
  await page.evaluate(() => {
    const fail = function () {
      throw new DOMException('quota exceeded (test)', 'QuotaExceededError');
    };
    IDBObjectStore.prototype.put = fail;
    IDBObjectStore.prototype.add = fail;
  });
  const m = (await marks(page))[0];
  await mark(page, m.start, m.end).click();
  await page.locator('#span-menu button[data-action="delete"]').click();
  await expect(mark(page, m.start, m.end)).toHaveCount(0);
  await expect(page.locator('#message')).toContainText(/quota|storage|save/i);
});
