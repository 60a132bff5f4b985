// Nothing on the page can run what a document contains: every payload of
// tests/fixtures/xss-payloads.json (the OWASP XSS filter evasion cheat
// sheet's kinds: event handlers, javascript: URLs, SVG, CSS expressions, RTL
// override tricks, HTML entities, template syntax, mutation XSS) in pasted
// and imported texts, document ids, label names, keys, colours and
// descriptions, a project file and its guidelines' Markdown, a file's name,
// and a file of every import format. None runs (no dialog, no
// `window.__xss`, no request outside the origin, no CSP violation: the
// fixture of helpers/app.ts and helpers/xss.ts) and each shows as text.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Download, Page } from '@playwright/test';
import { test, expect, englishUI, openApp, openDoc, pasteDoc, viewText, importFiles, docIds, marks, settled, cpLength, menuItem } from '../helpers/app';
import { PAYLOADS, TEXTS, armXss, expectNothingRan, expectShownAsText } from '../helpers/xss';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../fixtures/xss/${name}`, import.meta.url)), 'utf8');
const PROJECT = 'index.html?project=../teams/xss/project.json';
const PREFIX = 'خبر ';
/** A label name of a payload: label names hold no white space. */
const labelOf = (p: string) => p.replace(/\s+/g, '');

test.beforeEach(async ({ page }) => armXss(page));

test('the payload list has at least 50 payloads of every kind, and the project fixture holds each', () => {
  expect(PAYLOADS.length).toBeGreaterThanOrEqual(50);
  const kinds = new Set(PAYLOADS.map((p) => p.kind));
  for (const k of ['script', 'event', 'svg', 'url', 'css', 'entity', 'mxss', 'template', 'rtl']) expect(kinds).toContain(k);
  expect(new Set(TEXTS).size).toBe(TEXTS.length);
  // tests/fixtures/xss is made from the list (node make.mjs): not stale.
  expect(fixture('note.txt')).toBe(TEXTS.join('\n') + '\n');
  const ids = fixture('docs.jsonl').trim().split('\n').map((l) => JSON.parse(l).id);
  expect(ids).toEqual(TEXTS);
});

test('a payload cannot reach the markup: Trusted Types refuse it as HTML and as a handler attribute, and say so', async ({ page, watch }) => {
  await openApp(page);
  const refused = await page.evaluate(() => {
    const view = document.querySelector('#doc-view')!;
    const tries = [
      () => view.insertAdjacentHTML('beforeend', '<details open ontoggle=window.__xss=1>'),
      () => document.createElement('details').setAttribute('ontoggle', 'window.__xss=1'),
    ];
    return tries.map((f) => {
      try {
        f();
        return 'ran';
      } catch (e) {
        return String(e).match(/Trusted(HTML|Script)/)?.[0] ?? String(e);
      }
    });
  });
  expect(refused).toEqual(['TrustedHTML', 'TrustedScript']);
  // The page's violation reports name both sinks (so expectNothingRan fails on them).
  const csp = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
  expect(csp.filter((c) => c.startsWith('require-trusted-types-for trusted-types-sink')).length).toBe(2);
  await expect(expectNothingRan(page)).rejects.toThrow(/csp/);
  // Caught and reported, these refusals are no page error.
  expect(watch.errors).toEqual([]);
});

test('a pasted text of every payload renders as text, and hovering and clicking it runs nothing', async ({ page }) => {
  await openApp(page);
  const text = TEXTS.join('\n');
  await pasteDoc(page, text);
  expect(await viewText(page)).toBe(text);
  await page.locator('#doc-view').hover();
  await page.locator('#doc-view p').nth(20).click();
  await page.keyboard.press('Tab');
  await expectNothingRan(page);
});

/**
 * The span over payload `p` in its document: all of it, but for the
 * direction marks at its ends (token formats refuse a span that starts or
 * ends with one, as with white space).
 */
function spanOf(p: string): { start: number; end: number; text: string } {
  const text = p.replace(/^[\u200b-\u200f\u202a-\u202e\u2066-\u2069]+|[\u200b-\u200f\u202a-\u202e\u2066-\u2069]+$/g, '');
  const start = cpLength(PREFIX) + Array.from(p).indexOf(Array.from(text)[0]);
  return { start, end: start + cpLength(text), text };
}

/** One document per payload: the payload is its id, in its text, and (with `labels`) its span's label. */
function payloadJsonl(labels: boolean): string {
  return TEXTS.map((p) => {
    const { start, end } = spanOf(p);
    const label = labels ? labelOf(p) : 'ORG';
    return JSON.stringify({ id: p, text: `${PREFIX}${p} پایان`, spans: [{ start, end, label }] });
  }).join('\n');
}

/** Every payload's document is listed by its id (as text), and shows its text and span. */
async function expectPayloadDocs(page: Page, labels: boolean, spanFor = spanOf, ids: string[] = TEXTS): Promise<void> {
  await expect.poll(async () => (await docIds(page)).filter((id) => ids.includes(id)).length).toBe(ids.length);
  await expectShownAsText(page.locator('#doc-list li .doc-title'), ids);
  for (const [k, id] of ids.entries()) {
    await openDoc(page, id);
    const p = TEXTS[k];
    expect(await viewText(page)).toBe(`${PREFIX}${p} پایان`);
    const ms = await marks(page);
    const want = spanFor(p);
    const span = ms.find((m) => m.start === want.start);
    expect(span, `the span over ${p}`).toBeTruthy();
    expect(span!.text).toBe(want.text);
    if (labels) expect(span!.label).toBe(labelOf(p));
  }
}

test('an imported .jsonl with a payload as every id, text and label name shows each as text', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  await importFiles(page, [{ name: 'payloads.jsonl', body: payloadJsonl(true) }]);
  // The labels are not in the set: the import asks, naming each as text.
  await expect(page.locator('#import-unknown-labels')).toBeVisible();
  await expectShownAsText(page.locator('#import-dialog'), TEXTS.map(labelOf));
  await expectNothingRan(page);
  await page.locator('#import-add-labels').check();
  await page.locator('#import-confirm').click();
  await expectPayloadDocs(page, true);
  // The span menu names the label (as text), and lists every label.
  await page.locator('#doc-view mark.span').first().click();
  await expect(page.locator('#span-menu')).toBeVisible();
  await expectShownAsText(page.locator('#span-menu .menu-label'), [labelOf(TEXTS[TEXTS.length - 1])]);
  const choices = await page.locator('#span-menu button[data-label]').evaluateAll((els) => els.map((e) => e.textContent ?? ''));
  for (const p of TEXTS) expect(choices.some((c) => c.includes(labelOf(p))), labelOf(p)).toBe(true);
  await page.keyboard.press('Escape');
  // The labels editor holds each name as an input's value.
  await (await menuItem(page, '#labels')).click();
  const names = await page.locator('#labels-editor input.label-name').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  for (const p of TEXTS) expect(names).toContain(labelOf(p));
  await page.keyboard.press('Escape');
  // The list's label filter names them as text too.
  await expectShownAsText(page.locator('#doc-filter-label option'), TEXTS.map(labelOf));
  // And all of it again after a reload, from IndexedDB.
  await settled(page);
  await page.reload();
  await expect(page.locator('#doc-list li').first()).toBeVisible();
  await expectShownAsText(page.locator('#doc-list li .doc-title'), TEXTS);
  await expectNothingRan(page);
});

test('a file named after a payload, with a bad line, is named as text in the message', async ({ page }) => {
  await openApp(page);
  const name = '<img src=x onerror=window.__xss=1>"><svg onload=alert(1)>.jsonl';
  const good = JSON.stringify({ id: 'good', text: 'ایمیدرو در تهران', spans: [] });
  await importFiles(page, [{ name, body: `${good}\n{"id": "<script>window.__xss=1</script>", "text": \n` }]);
  await expect(page.locator('#message')).toContainText(name);
  await expect(page.locator('#message')).toContainText(`${name}:2: `);
  await expect.poll(() => docIds(page)).toContain('good');
  await expectNothingRan(page);
});

test('a project made of payloads (name, labels, keys, descriptions, guidelines, ids, annotators) shows each as text', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const project = JSON.parse(fixture('project.json'));
  await page.goto(PROJECT);
  await expect(page.locator('#name-dialog')).toBeVisible();
  await expect(page.locator('#name-title')).toHaveText(project.name);
  await expectNothingRan(page);
  // The user's name, a payload too.
  const user = Object.keys(project.annotators)[0];
  await page.locator('#name-input').fill(user);
  await page.keyboard.press('Enter');
  await expect(page.locator('#user-name')).toHaveText(user);
  await expect(page.locator('#project-name')).toHaveText(project.name);
  // (Its documents' spans cover each payload whole: docs.jsonl.)
  await expectPayloadDocs(page, false, (p) => ({ start: cpLength(PREFIX), end: cpLength(PREFIX + p), text: p }));
  await openDoc(page, 'note');
  expect(await viewText(page)).toBe(TEXTS.join('\n') + '\n');
  // The project's labels: names (inputs' values), keys and descriptions.
  await (await menuItem(page, '#labels')).click();
  const rows = await page.locator('#labels-editor tr:has(input.label-name)').evaluateAll((trs) =>
    trs.map((tr) => ({
      name: (tr.querySelector('input.label-name') as HTMLInputElement).value,
      key: (tr.querySelector('input.label-key') as HTMLInputElement).value,
      colour: (tr.querySelector('input.label-color') as HTMLInputElement).value,
      description: tr.querySelector('.label-desc')?.textContent ?? '',
    })),
  );
  expect(rows).toEqual(project.labels.map((l: Record<string, string>) => ({ name: l.name, key: l.key, colour: l.colour, description: l.description })));
  await page.keyboard.press('Escape');
  // Its guidelines: every payload, as text (Markdown's `code` and **bold** marks taken off).
  await (await menuItem(page, '#guidelines')).click();
  await expect(page.locator('#guidelines-panel h2')).toHaveText(TEXTS[0]); // `#` is the panel's h2, `##` h3
  const plain = TEXTS.filter((p) => !/[`*|]/.test(p));
  expect(plain.length).toBeGreaterThan(50);
  await expectShownAsText(page.locator('#guidelines-panel h3'), plain);
  await expectShownAsText(page.locator('#guidelines-panel p'), plain);
  await expectShownAsText(page.locator('#guidelines-panel li'), plain);
  await expectShownAsText(page.locator('#guidelines-panel code'), plain);
  await expectShownAsText(page.locator('#guidelines-panel strong'), plain);
  await expectShownAsText(page.locator('#guidelines-panel td'), project.labels.map((l: { name: string }) => l.name).filter((n: string) => !/[`*|]/.test(n)));
  await page.locator('#guidelines-panel').hover();
  await expectNothingRan(page);
});

test('a project whose colour or path is a payload is refused, naming the field, as text', async ({ page }) => {
  for (const [file, field] of [
    ['bad-colour.json', 'labels[0].colour'],
    ['bad-path.json', 'documents[0]'],
  ]) {
    await page.goto(`index.html?project=../teams/xss/${file}`);
    await expect(page.locator('#message')).toContainText(file);
    await expect(page.locator('#message')).toContainText(field);
    await expectNothingRan(page);
  }
});

test('stored labels whose colours, keys and names are payloads (a tampered profile) never reach a style or the markup', async ({
  page,
}) => {
  await openApp(page);
  await settled(page);
  // The stored label set, rewritten in IndexedDB as another script could.
  const css = PAYLOADS.filter((p) => p.kind === 'css').map((p) => p.payload);
  await page.evaluate(
    async ({ css, names }) => {
      const db: IDBDatabase = await new Promise((ok, no) => {
        const r = indexedDB.open('barchasb');
        r.onsuccess = () => ok(r.result);
        r.onerror = () => no(r.error);
      });
      const tx = db.transaction('meta', 'readwrite');
      const meta = tx.objectStore('meta');
      const stored: string = await new Promise((ok) => {
        const r = meta.get('labels');
        r.onsuccess = () => ok(r.result);
      });
      const set = JSON.parse(stored);
      set.labels.forEach((l: Record<string, string>, i: number) => {
        if (i >= names.length) return;
        l.color = css[i % css.length];
        l.description = names[i % names.length];
        if (i < 3) l.name = names[i];
      });
      meta.put(JSON.stringify(set), 'labels');
      await new Promise((ok) => (tx.oncomplete = ok));
      db.close();
    },
    { css, names: TEXTS.slice(0, 11) },
  );
  await page.reload();
  await expect(page.locator('#doc-view mark.span').first()).toBeVisible();
  await page.locator('#doc-view mark.span').first().click();
  await expect(page.locator('#span-menu')).toBeVisible();
  await expectShownAsText(page.locator('#span-menu button[data-label]'), TEXTS.slice(0, 3));
  // No element has a style attribute (the CSP allows none in the markup)
  // but the open popup, placed through the CSSOM; the colours are the
  // generated stylesheet's, one rule per label, each #rrggbb: a payload
  // colour fell back to grey and a payload name stayed a string.
  await expect(page.locator('body [style]:not(#span-menu):not(#label-menu)')).toHaveCount(0);
  await expect(page.locator('#span-menu')).toHaveAttribute('style', /^left: \d+px; top: \d+px;$/);
  const rules = await page.evaluate(() =>
    Array.from(document.adoptedStyleSheets).flatMap((sheet) =>
      Array.from(sheet.cssRules).map((r) => ({ text: r.cssText, c: (r as CSSStyleRule).style.getPropertyValue('--c').trim() })),
    ),
  );
  expect(rules.length).toBeGreaterThanOrEqual(11);
  for (const r of rules) {
    expect(r.c, r.text).toMatch(/^#[0-9a-fA-F]{6}$/);
    expect(r.text, 'one rule, selectors of data-label only').toMatch(/^mark\.span\[data-label=".*"\], \.menu \[data-label=".*"\] \{ --c: #[0-9a-fA-F]{6}; \}$/s);
  }
  // and the marks take their colour from it
  const c = await page.locator('#doc-view mark.span').first().evaluate((m) => getComputedStyle(m).getPropertyValue('--c').trim());
  expect(c).toMatch(/^#[0-9a-fA-F]{6}$/);
  await page.keyboard.press('Escape');
  await (await menuItem(page, '#labels')).click();
  await expectShownAsText(page.locator('#labels-editor .label-desc'), TEXTS.slice(0, 11));
  await expectNothingRan(page);
});

/** Every file one click on #export downloads (the main file, then its sidecars). */
async function exportAll(page: Page, format: string): Promise<{ name: string; body: Buffer }[]> {
  await (await menuItem(page, '#export-format')).selectOption(format);
  const got: Download[] = [];
  const on = (d: Download) => got.push(d);
  page.on('download', on);
  await (await menuItem(page, '#export')).click();
  await expect.poll(() => got.length).toBeGreaterThan(0);
  await page.waitForTimeout(700); // the sidecars follow the main file
  page.off('download', on);
  return Promise.all(got.map(async (d) => ({ name: d.suggestedFilename(), body: readFileSync((await d.path())!) })));
}

const FORMATS = ['jsonl', 'spacy', 'conll', 'hf', 'doccano', 'label-studio', 'brat', 'webanno'];

for (const format of FORMATS) {
  test(`a ${format} file of payload documents (written by the app) reads back as text in a fresh profile`, async ({ page, browser, baseURL }) => {
    test.setTimeout(120_000);
    await openApp(page);
    const options = await page.locator('#export-format option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(options).toContain(format);
    await importFiles(page, [{ name: 'payloads.jsonl', body: payloadJsonl(false) }]);
    await expect.poll(async () => (await docIds(page)).length).toBe(TEXTS.length + 2);
    await settled(page);
    const files = await exportAll(page, format);
    // Another profile opens what was written.
    const ctx = await browser.newContext({ baseURL, locale: 'fa-IR', viewport: { width: 1280, height: 860 } });
    await englishUI(ctx);
    const other = await ctx.newPage();
    const offOrigin: string[] = [];
    other.on('request', (r) => {
      if (!r.url().startsWith(new URL(baseURL!).origin) && !/^(data|blob):/.test(r.url())) offOrigin.push(r.url());
    });
    const dialogs: string[] = [];
    other.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await armXss(other);
    await openApp(other);
    await other.locator('input#open-files').setInputFiles(files.map((f) => ({ name: f.name, mimeType: 'application/octet-stream', buffer: f.body })));
    if (await other.locator('#import-dialog').isVisible().catch(() => false)) await other.locator('#import-confirm').click();
    await expect.poll(async () => (await docIds(other)).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(TEXTS.length);
    await expectPayloadDocs(other, false);
    await expectNothingRan(other);
    expect(offOrigin).toEqual([]);
    expect(dialogs).toEqual([]);
    await ctx.close();
  });
}

/** Files as other tools write them, a payload in every field they have. */
function otherTools(): { name: string; body: string }[] {
  const start = cpLength(PREFIX);
  const doc = (p: string) => ({ text: `${PREFIX}${p} پایان`, start, end: start + cpLength(p), label: labelOf(p) });
  const doccano = TEXTS.map((p) => {
    const d = doc(p);
    return JSON.stringify({ id: p, text: d.text, label: [[d.start, d.end, d.label]], Comments: [p] });
  }).join('\n');
  const ls = TEXTS.map((p) => {
    const d = doc(p);
    return {
      id: 1,
      data: { text: d.text, id: p },
      annotations: [
        {
          result: [
            { id: p, from_name: 'label', to_name: 'text', type: 'labels', value: { start: d.start, end: d.end, text: p, labels: [d.label] } },
          ],
        },
      ],
    };
  });
  return [
    { name: 'doccano-payloads.jsonl', body: doccano },
    { name: 'label-studio-payloads.json', body: JSON.stringify(ls) },
  ];
}

test('doccano and Label Studio files with a payload in every field read as text', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  for (const f of otherTools()) {
    await importFiles(page, [f]);
    const dialog = page.locator('#import-dialog');
    await expect(dialog.or(page.locator('#message:not(.empty)'))).toBeVisible();
    await expectNothingRan(page);
    if (await dialog.isVisible()) {
      await expectShownAsText(dialog, TEXTS.map(labelOf));
      if (await page.locator('#import-add-labels').isVisible()) await page.locator('#import-add-labels').check();
      await page.locator('#import-confirm').click();
    }
    await expect.poll(async () => (await docIds(page)).length).toBeGreaterThan(TEXTS.length);
    await expectShownAsText(page.locator('#doc-view, #doc-list'), [TEXTS[0]]);
    await expectNothingRan(page);
  }
  // Every text is there, each under its payload label.
  const texts = await page.evaluate(() => document.querySelector('#doc-list')?.textContent ?? '');
  expect(texts.length).toBeGreaterThan(0);
  await openDoc(page, (await docIds(page)).find((id) => id !== 'imidro-china-mining-association' && id !== 'imidro-kazakhstan-deputy-minister')!);
  const ms = await marks(page);
  expect(ms.length).toBeGreaterThan(0);
  expect(TEXTS.map(labelOf)).toContain(ms.find((m) => m.start === cpLength(PREFIX))!.label);
  await expectNothingRan(page);
});
