// Nothing lost, whatever the order: seeded random sequences of edits (add
// by selection, relabel, delete, confirm, accept all, undo, redo, done,
// switch document, import, apply everywhere), each ended by a reload, a
// closed tab or a killed renderer right after its last edit (no wait for
// "saved"). The test keeps a model of every document's confirmed spans and
// status; after each reopening what the page stored (IndexedDB, which the
// export and every reload are made from) equals it, span by span.
//
// SOAK_SEQUENCES (default below; `scripts/soak N`) sequences are split over
// the tests; SOAK_SEED fixes the first seed (printed). A seed that once
// found a loss goes in REGRESSIONS and runs every time.
import type { Page } from '@playwright/test';
import { test, expect, openApp, openDoc, marks, mark, dragSelect, docIds, importFiles, settled, LABEL_KEYS, type Span, type Mark, freeWords } from '../helpers/app';
import { storedDocs } from '../helpers/storage';
import { endTab, rendererIds, within } from '../helpers/tabs';

// 200 by default (issue 14): 6.0 min on two busy cores at load ~6 (80 took ~2.5), so
// about 3.5 min more than before in the test command; scripts/soak N for more.
const SEQUENCES = Number(process.env.SOAK_SEQUENCES ?? 200);
const TESTS = 2;
const BASE_SEED = Number(process.env.SOAK_SEED ?? Date.now() % 1_000_000);
/** Seeds of sequences that once lost an edit (none so far). */
const REGRESSIONS: number[] = [];
const LABELS = Object.keys(LABEL_KEYS);

/** mulberry32: small, seeded, the same in every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Doc {
  text: string;
  spans: Span[];
  status: string;
}
/** The expected state: each document's text, confirmed spans and status. */
type Model = Map<string, Doc>;

const clone = (m: Model): Model => new Map([...m].map(([id, d]) => [id, { ...d, spans: d.spans.map((s) => ({ ...s })) }]));
const sorted = (spans: Span[]) => [...spans].sort((a, b) => a.start - b.start);
const plain = ({ start, end, label }: Span): Span => ({ start, end, label });

/** What the page has stored (IndexedDB) now. */
async function stored(page: Page): Promise<Model> {
  const docs = await storedDocs(page);
  return new Map([...docs.values()].map((d) => [d.id, { text: d.text, spans: sorted(d.spans), status: d.status }]));
}

/** What the page holds now: stored, once every edit is saved. */
async function observed(page: Page): Promise<Model> {
  await settled(page);
  return stored(page);
}

interface Soak {
  page: Page;
  model: Model;
  undo: Model[];
  redo: Model[];
  rnd: () => number;
  seed: number;
  edits: number;
  log: string[];
}

const pick = <T>(s: Soak, xs: T[]): T => xs[Math.floor(s.rnd() * xs.length)];

async function openId(page: Page): Promise<string> {
  return (await page.locator('#doc-view').getAttribute('data-doc-id')) ?? '';
}

/** An undoable edit of the model: the state before goes on the undo stack. */
function step(s: Soak, change: (m: Model) => void): void {
  s.undo.push(clone(s.model));
  s.redo = [];
  change(s.model);
  s.edits += 1;
}

/** Marks the open document in progress, as any edit of a new one does. */
function touched(d: Doc): void {
  if (d.status === 'new') d.status = 'in_progress';
}

/** A run of letters between spaces that no mark touches (a fresh span by drag), or null. */
function freeWord(s: Soak, text: string, taken: Mark[]): { start: number; end: number } | null {
  const words = freeWords(text, taken, 3);
  return words.length ? pick(s, words) : null;
}

/** Scrolls the open document so that the code point at `offset` is in view (a drag needs it on screen). */
async function scrollTo(page: Page, offset: number): Promise<void> {
  await page.locator('#doc-view').evaluate((view, k) => {
    const runs = Array.from(view.querySelectorAll<HTMLElement>('[data-offset], mark.span[data-start]'));
    const at = (e: HTMLElement) => Number(e.dataset.offset ?? e.dataset.start);
    const run = runs.filter((e) => at(e) <= k).pop();
    run?.scrollIntoView({ block: 'center' });
  }, offset);
}

type Action = 'add' | 'relabel' | 'delete' | 'confirm' | 'accept' | 'undo' | 'redo' | 'done' | 'switch' | 'import' | 'apply';
const WEIGHTS: [Action, number][] = [
  ['add', 4],
  ['relabel', 3],
  ['delete', 3],
  ['confirm', 2],
  ['accept', 1],
  ['undo', 2],
  ['redo', 1],
  ['done', 1],
  ['switch', 2],
  ['import', 1],
  ['apply', 2],
];

function chooseAction(s: Soak): Action {
  const total = WEIGHTS.reduce((a, [, w]) => a + w, 0);
  let r = s.rnd() * total;
  for (const [a, w] of WEIGHTS) if ((r -= w) < 0) return a;
  return 'add';
}

/** The open document's confirmed marks equal the model's (a check of the model itself). */
async function expectView(s: Soak): Promise<void> {
  const id = await openId(s.page);
  const want = s.model.get(id)!.spans;
  await expect
    .poll(async () => sorted((await marks(s.page)).filter((m) => m.state === 'confirmed').map(plain)), { message: `${s.log.join(' ')}: view of ${id}` })
    .toEqual(want);
}

/**
 * One action, if it can be made now; returns its name, or null. The `last`
 * of a sequence is not waited for (the tab ends right after the input
 * reached the page), but for an import and apply everywhere, whose result
 * the model reads from the page.
 */
async function act(s: Soak, what: Action, last: boolean): Promise<string | null> {
  const { page } = s;
  const id = await openId(page);
  const doc = s.model.get(id);
  if (!doc) return null;
  const ms = await marks(page);
  const label = () => pick(s, LABELS);
  switch (what) {
    case 'add': {
      const w = freeWord(s, doc.text, ms);
      if (!w) return null;
      await scrollTo(page, w.start);
      await dragSelect(page, w.start, w.end - 1);
      const menu = page.locator('#label-menu');
      await expect(menu).toBeVisible();
      const start = Number(await menu.getAttribute('data-start'));
      const end = Number(await menu.getAttribute('data-end'));
      const l = label();
      await page.keyboard.press(LABEL_KEYS[l]);
      if (!last) await expect(mark(page, start, end)).toHaveAttribute('data-state', 'confirmed');
      step(s, (m) => {
        const d = m.get(id)!;
        d.spans = sorted([...d.spans, { start, end, label: l }]);
        touched(d);
      });
      return `add ${id} ${start}-${end} ${l}`;
    }
    case 'relabel': {
      if (!ms.length) return null;
      const t = pick(s, ms);
      const l = pick(s, LABELS.filter((x) => x !== t.label));
      await mark(page, t.start, t.end).click();
      await expect(page.locator('#span-menu')).toBeVisible();
      await page.locator(`#span-menu button[data-label="${l}"]`).click();
      if (!last) await expect(mark(page, t.start, t.end)).toHaveAttribute('data-label', l);
      step(s, (m) => {
        const d = m.get(id)!;
        d.spans = sorted([...d.spans.filter((x) => x.start !== t.start), { start: t.start, end: t.end, label: l }]);
        touched(d);
      });
      return `relabel ${id} ${t.start} ${t.state} ${l}`;
    }
    case 'delete':
    case 'confirm': {
      const pool = what === 'confirm' ? ms.filter((m) => m.state === 'suggested') : ms;
      if (!pool.length) return null;
      const t = pick(s, pool);
      await mark(page, t.start, t.end).click();
      await expect(page.locator('#span-menu')).toBeVisible();
      await page.locator(`#span-menu button[data-action="${what}"]`).click();
      if (last) {
        // no wait
      } else if (what === 'delete') await expect(mark(page, t.start, t.end)).toHaveCount(0);
      else await expect(mark(page, t.start, t.end)).toHaveAttribute('data-state', 'confirmed');
      step(s, (m) => {
        const d = m.get(id)!;
        if (what === 'delete') d.spans = d.spans.filter((x) => x.start !== t.start);
        else d.spans = sorted([...d.spans, plain(t)]);
        touched(d);
      });
      return `${what} ${id} ${t.start} ${t.state}`;
    }
    case 'accept': {
      const sug = ms.filter((m) => m.state === 'suggested');
      if (!sug.length) return null;
      await page.locator('#accept-all').click();
      if (!last) await expect(page.locator('#doc-view mark.span[data-state="suggested"]')).toHaveCount(0);
      step(s, (m) => {
        const d = m.get(id)!;
        d.spans = sorted([...d.spans, ...sug.map(plain)]);
        touched(d);
      });
      return `accept ${id} ${sug.length}`;
    }
    case 'undo':
    case 'redo': {
      const [from, to] = what === 'undo' ? [s.undo, s.redo] : [s.redo, s.undo];
      if (!from.length) return null;
      await expect(page.locator(`#${what}`)).toBeEnabled();
      await page.locator(`#${what}`).click();
      to.push(clone(s.model));
      s.model = from.pop()!;
      s.edits += 1;
      if (!last) await expect(page.locator(`#${what}`)).toBeEnabled({ enabled: from.length > 0 });
      return what;
    }
    case 'done': {
      if (doc.status === 'done') return null;
      await page.locator('#done-next').click();
      if (!last) await expect(page.locator(`#doc-list li[data-doc-id="${id}"]`)).toHaveAttribute('data-status', 'done');
      step(s, (m) => (m.get(id)!.status = 'done'));
      return `done ${id}`;
    }
    case 'switch': {
      const others = [...s.model.keys()].filter((k) => k !== id);
      if (!others.length) return null;
      const to = pick(s, others);
      await openDoc(page, to);
      return `switch ${to}`;
    }
    case 'import': {
      const newId = `soak-${s.seed}-${s.edits}`;
      const text = `${pick(s, ['شرکت ملی مس ایران در کرمان', 'ایمیدرو و چین قرارداد بستند', 'وزیر صنعت در تهران گفت'])} ${newId}`;
      const spans = [{ start: 0, end: Array.from(text.split(' ')[0]).length, label: label() }];
      const status = pick(s, ['new', 'in_progress', 'done']);
      await importFiles(page, [{ name: `${newId}.jsonl`, body: JSON.stringify({ id: newId, text, spans, status }) + '\n' }]);
      await expect.poll(() => docIds(page)).toContain(newId);
      // The status an import gives (import.spec.ts's matter), as the list shows it.
      const shown = (await page.locator(`#doc-list li[data-doc-id="${newId}"]`).getAttribute('data-status'))!;
      step(s, (m) => m.set(newId, { text, spans, status: shown }));
      return `import ${newId}`;
    }
    case 'apply': {
      const bar = page.locator('#apply-everywhere button[data-action="apply-all"]');
      if (!(await bar.isVisible())) return null;
      await bar.click();
      await expect(page.locator('#apply-everywhere')).toHaveCount(0);
      // Which occurrences it takes is state/tests.rs's matter: the model
      // takes what the page now holds in memory.
      const after = await observed(page);
      step(s, (m) => {
        m.clear();
        for (const [k, v] of after) m.set(k, v);
      });
      return 'apply-all';
    }
  }
}

type End = 'reload' | 'close' | 'kill';

/** Ends the tab as `how` (no wait), opens it again; returns the page now in use. */
async function reopen(page: Page, how: End, pids: number[]): Promise<Page> {
  if (how === 'reload') {
    await page.reload();
    await expect(page.locator('#doc-view')).toBeVisible();
    await expect(page.locator('#suggest-progress')).toHaveCount(0);
    return page;
  }
  const again = await within(40_000, `${how}`, endTab(page, how, pids));
  await within(30_000, `opening the app after the ${how}`, openApp(again));
  await expect(again.locator('#tab-banner')).toHaveCount(0);
  return again;
}

/** Documents and spans of the model missing or different in `got` (each counts one edit lost). */
function lost(model: Model, got: Model): string[] {
  const out: string[] = [];
  for (const [id, d] of model) {
    const g = got.get(id);
    if (!g) {
      out.push(`document ${id} missing`);
      continue;
    }
    if (g.text !== d.text) out.push(`${id}: text differs`);
    if (g.status !== d.status) out.push(`${id}: status ${g.status}, want ${d.status}`);
    const key = (x: Span) => `${x.start}-${x.end}-${x.label}`;
    const want = new Set(d.spans.map(key));
    const have = new Set(g.spans.map(key));
    for (const k of want) if (!have.has(k)) out.push(`${id}: span ${k} missing`);
    for (const k of have) if (!want.has(k)) out.push(`${id}: span ${k} not expected`);
  }
  for (const id of got.keys()) if (!model.has(id)) out.push(`document ${id} not expected`);
  return out;
}

test('the comparison counts every lost document, span and status, and every unexpected one', () => {
  const want: Model = new Map([
    ['a', { text: 'x', spans: [{ start: 0, end: 1, label: 'PER' }], status: 'done' }],
    ['b', { text: 'y', spans: [], status: 'new' }],
  ]);
  expect(lost(want, clone(want))).toEqual([]);
  const got = clone(want);
  got.get('a')!.spans = [{ start: 0, end: 1, label: 'ORG' }];
  got.get('a')!.status = 'in_progress';
  got.delete('b');
  got.set('c', { text: 'z', spans: [], status: 'new' });
  expect(lost(want, got)).toEqual([
    'a: status in_progress, want done',
    'a: span 0-1-PER missing',
    'a: span 0-1-ORG not expected',
    'document b missing',
    'document c not expected',
  ]);
});

for (let t = 0; t < TESTS; t++) {
  const seeds = [
    ...(t === 0 ? REGRESSIONS : []),
    ...Array.from({ length: Math.ceil(SEQUENCES / TESTS) }, (_, k) => BASE_SEED + t + k * TESTS).filter((_, k) => t + k * TESTS < SEQUENCES),
  ];
  test(`soak ${t + 1}/${TESTS}: ${seeds.length} random sequences, each ended by a reload, a closed tab or a killed renderer, lose nothing`, async ({
    page,
  }, info) => {
    test.setTimeout(60_000 + seeds.length * 20_000);
    console.log(`soak ${t + 1}: seeds ${seeds[0]}…${seeds[seeds.length - 1]} (SOAK_SEED=${BASE_SEED})`);
    // An action that cannot be made (a menu closed under it) fails fast.
    page.context().setDefaultTimeout(5_000);
    await openApp(page);
    let s: Soak = { page, model: await observed(page), undo: [], redo: [], rnd: prng(0), seed: 0, edits: 0, log: [] };
    const count = { sequences: 0, edits: 0, kills: 0, closes: 0, reloads: 0, lost: 0, resyncs: 0 };
    for (const seed of seeds) {
      s = { ...s, rnd: prng(seed), seed, edits: 0, log: [`seed ${seed}:`] };
      const length = 3 + Math.floor(s.rnd() * 4);
      const how: End = pick(s, ['reload', 'close', 'kill'] as End[]);
      let pids: number[] = [];
      for (let k = 0; k < length; ) {
        const last = k === length - 1;
        if (last && how === 'kill') pids = await within(10_000, 'the renderer ids', rendererIds(s.page));
        const t0 = Date.now();
        const done = await within(30_000, `${s.log.join(' ')} next action`, act(s, chooseAction(s), last)).catch(async (e) => {
          // The page changed under the action (the worker's new suggestions
          // close an open menu): whatever it did, the model is read again.
          s.log.push(`(interrupted: ${String(e).split('\n')[0].slice(0, 80)})`);
          await s.page.keyboard.press('Escape');
          s.model = await observed(s.page);
          s.undo = [];
          s.redo = [];
          count.resyncs += 1;
          return null;
        });
        if (process.env.SOAK_TIMING) console.log(`${Date.now() - t0} ms ${done}`);
        if (!done) continue;
        s.log.push(done);
        k++;
        // Between actions the view is checked; after the last, no wait at all.
        if (!last) await expectView(s);
      }
      const t1 = Date.now();
      s.page = await within(80_000, `${s.log.join(' ')} then ${how}`, reopen(s.page, how, pids)).catch((e) => {
        throw new Error(`${s.log.join(' ')} then ${how}: ${String(e)}`);
      });
      if (process.env.SOAK_TIMING) console.log(`${Date.now() - t1} ms ${how}`);
      count[how === 'kill' ? 'kills' : how === 'close' ? 'closes' : 'reloads'] += 1;
      // The undo history lives in the tab: gone with it.
      s.undo = [];
      s.redo = [];
      // Read before anything is saved again: what the reopened tab found.
      const got = await within(15_000, 'reading IndexedDB', stored(s.page));
      const missing = lost(s.model, got);
      count.sequences += 1;
      count.edits += s.edits;
      count.lost += missing.length;
      expect(missing, `${s.log.join(' ')} then ${how}`).toEqual([]);
      // Now and then the tab rests, so the next sequence starts from saved.
      if (s.rnd() < 0.3) await settled(s.page);
    }
    const line = `soak ${t + 1}: ${count.sequences} sequences, ${count.edits} edits, ${count.kills} renderer kills, ${count.closes} tabs closed, ${count.reloads} reloads, ${count.lost} edits lost (${count.resyncs} actions interrupted, the model read again)`;
    console.log(line);
    info.annotations.push({ type: 'soak', description: line });
  });
}
