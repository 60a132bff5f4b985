// Nothing lost to a crash: real edits by mouse and keyboard, then the tab
// dies right after the last one (no wait for "saved", nothing a person could
// not do), and a new tab of the same profile shows every edit, span by span,
// in the export (code points).
import {
  test,
  expect,
  openApp,
  openDoc,
  marks,
  mark,
  dragSelect,
  docIds,
  exportLines,
  cpLength,
  cpSlice,
  seedText,
  SEEDS,
  LABEL_KEYS,
  type Span, menuItem, freeWords } from '../helpers/app';
import type { Page } from '@playwright/test';
import { endTab, rendererIds } from '../helpers/tabs';

const ID = SEEDS[1];
const TEXT = seedText(ID);

type Kind = 'add' | 'relabel' | 'delete' | 'done';

/** What the export must hold for the edited document. */
interface Want {
  spans: Span[];
  suggestions: Span[];
  status: string;
}

const bySpan = (a: Span, b: Span) => a.start - b.start;
const plain = ({ start, end, label }: Span): Span => ({ start, end, label });

/** The edited document as the view shows it now (it must be open). */
async function shown(page: Page, status: string): Promise<Want> {
  const ms = await marks(page);
  return {
    spans: ms.filter((m) => m.state === 'confirmed').map(plain),
    suggestions: ms.filter((m) => m.state === 'suggested').map(plain),
    status,
  };
}

/** A word of plain letters (between spaces) that no span touches: a fresh span by drag. */
function freeWord(want: Want): Span {
  const [w] = freeWords(TEXT, [...want.spans, ...want.suggestions], 4);
  if (!w) throw new Error('no free word in the seed');
  return { ...w, label: 'EVENT' };
}

/**
 * One edit, as a person makes it; returns what the document holds after it.
 * Checks the view only when `check` (not for the last edit: no wait then).
 */
async function edit(page: Page, kind: Kind, before: Want, check: boolean): Promise<Want> {
  const after: Want = { spans: [...before.spans], suggestions: [...before.suggestions], status: before.status };
  if (kind === 'add') {
    const w = freeWord(before);
    await dragSelect(page, w.start, w.end - 1);
    await expect(page.locator('#label-menu')).toBeVisible();
    await expect(page.locator('#label-menu')).toHaveAttribute('data-start', String(w.start));
    await expect(page.locator('#label-menu')).toHaveAttribute('data-end', String(w.end));
    await page.keyboard.press(LABEL_KEYS.EVENT);
    after.spans.push(w);
    if (check) await expect(mark(page, w.start, w.end)).toHaveAttribute('data-label', 'EVENT');
  } else if (kind === 'relabel') {
    // A suggestion, relabelled by its key from the span menu: confirmed.
    const s = before.suggestions[0];
    const label = s.label === 'ORG' ? 'LOC' : 'ORG';
    await mark(page, s.start, s.end).click();
    await expect(page.locator('#span-menu')).toBeVisible();
    await page.keyboard.press(LABEL_KEYS[label]);
    after.suggestions = after.suggestions.filter((x) => x.start !== s.start);
    after.spans.push({ start: s.start, end: s.end, label });
    if (check) await expect(mark(page, s.start, s.end)).toHaveAttribute('data-label', label);
  } else if (kind === 'delete') {
    // The last suggestion, deleted with the Delete key from its menu.
    const s = before.suggestions[before.suggestions.length - 1];
    await mark(page, s.start, s.end).click();
    await expect(page.locator('#span-menu')).toBeVisible();
    await page.keyboard.press('Delete');
    after.suggestions = after.suggestions.filter((x) => x.start !== s.start);
    if (check) await expect(mark(page, s.start, s.end)).toHaveCount(0);
  } else {
    await page.locator('#done-next').click();
    after.status = 'done';
    if (check) await expect(page.locator(`#doc-list li[data-doc-id="${ID}"]`)).toHaveAttribute('data-status', 'done');
  }
  after.spans.sort(bySpan);
  after.suggestions.sort(bySpan);
  return after;
}

const ORDERS: { edits: Kind[]; how: 'crash' | 'close' }[] = [
  { edits: ['add', 'relabel', 'delete', 'done'], how: 'crash' },
  { edits: ['done', 'delete', 'relabel', 'add'], how: 'crash' },
  { edits: ['add', 'done', 'delete', 'relabel'], how: 'close' },
  { edits: ['relabel', 'add', 'done', 'delete'], how: 'crash' },
];

for (const { edits, how } of ORDERS) {
  test(`${edits.join(', ')}, then the tab ${how === 'crash' ? 'crashes' : 'is killed'}: every edit is there`, async ({
    page,
  }) => {
    await openApp(page);
    await openDoc(page, ID);
    await expect(page.locator('#doc-view mark.span[data-state="suggested"]').nth(3)).toBeVisible();
    let want = await shown(page, 'new');
    let pids: number[] = [];
    expect(want.spans).toEqual([]);
    for (let k = 0; k < edits.length; k++) {
      const last = k === edits.length - 1;
      // "done" opens the next document: come back to this one (a click).
      if ((await page.locator('#doc-view').getAttribute('data-doc-id')) !== ID) await openDoc(page, ID);
      if (last) pids = await rendererIds(page);
      want = await edit(page, edits[k], want, !last);
      if (!last) {
        // The view is what was expected (and what the export must hold).
        // An edit makes a new document in progress; done stays done.
        const status = (await page.locator(`#doc-list li[data-doc-id="${ID}"]`).getAttribute('data-status'))!;
        expect(status).toBe(want.status === 'done' ? 'done' : 'in_progress');
        want.status = status;
        if ((await page.locator('#doc-view').getAttribute('data-doc-id')) === ID) {
          expect(await shown(page, status)).toEqual(want);
        }
      }
    }
    // Right after the last edit, with no wait: the renderer is killed, as
    // the OS kills a tab (out of memory) or a crash ends it; its ids were
    // taken before the last edit (the browser runs this test's context only).
    const again = await endTab(page, how === 'crash' ? 'kill' : 'close', pids);
    await openApp(again);
    // The dead tab's lock went with it: the new tab edits.
    await expect(again.locator('#tab-banner')).toHaveCount(0);
    await expect.poll(async () => (await docIds(again)).sort()).toEqual([...SEEDS].sort());
    await (await menuItem(again, '#export-suggestions')).check();
    const { lines } = await exportLines(again);
    const doc = lines.find((l) => l.id === ID)!;
    expect(doc.text).toBe(TEXT);
    expect(doc.status).toBe(want.status);
    // Span by span, each the code point slice it claims.
    expect(doc.spans).toEqual(want.spans);
    expect(doc.suggestions).toEqual(want.suggestions);
    for (const s of [...doc.spans, ...(doc.suggestions ?? [])]) {
      expect(s.end).toBeLessThanOrEqual(cpLength(TEXT));
      expect(cpSlice(TEXT, s.start, s.end).length).toBeGreaterThan(0);
    }
    await again.close();
  });
}
