// A team on one static URL: annotators open the project served beside the
// app (tests/fixtures/team at /teams/q4/), each in their own browser
// profile, give their name once, annotate and export; a reviewer opens the
// same project with ?review, drops the exports, sees the agreement
// `barchasb agree` computes for the same files, settles every disagreement
// by keyboard alone and exports the gold.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from '@playwright/test';
import { ARTIFACTS, docIds, englishUI, expect, marks, openDoc, settled, test, type Span, menuItem } from '../helpers/app';

const CLI = process.env.BARCHASB ?? fileURLToPath(new URL('../../target/release/barchasb', import.meta.url));
const PROJECT = 'index.html?project=../teams/q4/project.json';

/** A profile of its own, checked like the fixture's: nothing leaves the origin, nothing fails. */
async function newPage(browser: Browser, baseURL: string): Promise<Page> {
  const ctx = await browser.newContext({ baseURL, acceptDownloads: true, locale: 'fa-IR', viewport: { width: 1280, height: 860 } });
  await englishUI(ctx);
  const page = await ctx.newPage();
  const origin = new URL(baseURL).origin + '/';
  const bad: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(origin) && !/^(data|blob):/.test(r.url())) bad.push(r.url());
  });
  page.on('response', (r) => {
    if (r.status() >= 400) bad.push(`${r.url()} ${r.status()}`);
  });
  page.on('pageerror', (e) => bad.push(e.message));
  ctx.on('close', () => expect(bad, 'off-origin, failed requests or page errors').toEqual([]));
  return page;
}

async function giveName(page: Page, url: string, name: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator('#name-dialog')).toBeVisible();
  await page.locator('#name-input').fill(name);
  await page.keyboard.press('Enter');
  await expect(page.locator('#name-dialog')).toHaveCount(0);
  await expect(page.locator('#user-name')).toHaveText(name);
}

async function download(page: Page): Promise<string> {
  const [d] = await Promise.all([page.waitForEvent('download'), (await menuItem(page, '#export')).click()]);
  return readFileSync((await d.path())!, 'utf8');
}

/**
 * One annotator's session: every suggestion of the shared document is
 * accepted, then `relabel` spans are relabelled (key 3) and `drop` deleted,
 * so that annotators differ; the document is marked done and all exported.
 */
async function annotate(page: Page, name: string, relabel: number, drop: number): Promise<string> {
  await giveName(page, PROJECT, name);
  await openDoc(page, 'shared');
  await expect.poll(async () => (await marks(page)).length).toBeGreaterThan(3);
  await page.keyboard.press('a');
  for (let k = 0; k < relabel; k++) {
    await page.keyboard.press('Tab');
    await page.keyboard.press('3');
  }
  for (let k = 0; k < drop; k++) {
    await page.keyboard.press('Tab');
    await page.keyboard.press('Delete');
  }
  await page.keyboard.press('n');
  await settled(page);
  return download(page);
}

function lineOf(jsonl: string, id: string): { spans: Span[]; [k: string]: unknown } {
  return jsonl.split('\n').filter(Boolean).map((l) => JSON.parse(l)).find((d) => d.id === id);
}

function cliAgree(files: { name: string; body: string }[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'agree-'));
  const paths = files.map((f) => {
    const p = join(dir, `${f.name}.jsonl`);
    writeFileSync(p, f.body);
    return p;
  });
  const out = execFileSync(CLI, ['agree', ...paths], { encoding: 'utf8' }).trim().split('\n');
  return out[out.length - 1];
}

/** Settles every disagreement with `key` (by keyboard only) and returns the regions settled. */
async function settleAll(page: Page, key: (k: number) => string): Promise<number> {
  let n = 0;
  while ((await page.locator('mark.span[data-state="disputed"]').count()) > 0) {
    await page.keyboard.press('d');
    await expect(page.locator('mark.span.focused[data-state="disputed"]')).toHaveCount(1);
    await page.keyboard.press(key(n));
    n += 1;
  }
  return n;
}

test('each annotator of a project gets their documents and their name is in every line they export', async ({ page }) => {
  await giveName(page, PROJECT, 'sara');
  await expect(page.locator('#project-name')).toHaveText('Mining news, Q4');
  // sara: her batch and the shared document; labels are the project's four
  expect(await docIds(page)).toEqual(['china', 'kazakhstan', 'shared']);
  await (await menuItem(page, '#labels')).click();
  await expect(page.locator('#labels-editor input.label-name')).toHaveCount(4);
  await page.keyboard.press('Escape');
  await page.reload();
  // asked once: the name is stored with the project's work
  await expect(page.locator('#user-name')).toHaveText('sara');
  await expect(page.locator('#name-dialog')).toHaveCount(0);
  await openDoc(page, 'china');
  await page.keyboard.press('a');
  await settled(page);
  const line = lineOf(await download(page), 'china');
  expect(line.annotator).toBe('sara');
  expect(Date.parse(line.updated_at as string)).toBeGreaterThan(Date.parse('2020-01-01'));
  // The default page (no project) is another store: none of this is there.
  await page.goto('./');
  await expect(page.locator('#doc-list li').first()).toBeVisible();
  expect(await docIds(page)).not.toContain('china');
  // …and the project is one choice away, its work as it was left.
  await page.locator('#project-switch').selectOption({ label: 'Mining news, Q4' });
  await expect(page.locator('#project-name')).toHaveText('Mining news, Q4');
  await expect(page.locator('#user-name')).toHaveText('sara');
  expect(await docIds(page)).toEqual(['china', 'kazakhstan', 'shared']);
  await expect(page.locator('#doc-list li[data-doc-id="china"]')).toHaveAttribute('data-status', 'in_progress');
  await page.screenshot({ path: `${ARTIFACTS}/team-annotator.png` });
});

test('a bad project file is refused with a message naming the field', async ({ page }) => {
  // tests/fixtures/team/broken.json: "documents" is a string, not a list
  await page.goto('index.html?project=../teams/q4/broken.json');
  await expect(page.locator('#message')).toContainText('broken.json');
  await expect(page.locator('#message')).toContainText('documents');
});

for (const team of [2, 3]) {
  test(`${team} annotators, their agreement as the CLI computes it, and adjudication by keyboard`, async ({ page, browser, baseURL }) => {
    test.setTimeout(120_000);
    const names = ['sara', 'reza', 'mina'].slice(0, team);
    const exports: { name: string; body: string }[] = [];
    for (const [k, name] of names.entries()) {
      const p = k === 0 ? page : await newPage(browser, baseURL!);
      exports.push({ name, body: await annotate(p, name, k, k) });
      if (k > 0) await p.context().close();
    }
    const reviewer = await newPage(browser, baseURL!);
    await giveName(reviewer, `${PROJECT}&review`, 'lead');
    await reviewer.locator('input#open-files').setInputFiles(
      exports.map((e) => ({ name: `${e.name}.jsonl`, mimeType: 'application/jsonl', buffer: Buffer.from(e.body) })),
    );
    await expect(reviewer.locator('#message')).toContainText(`Reviewing ${names.join(', ')}`);
    // The agreement the app shows is the CLI's for the same files.
    await (await menuItem(reviewer, '#agreement')).click();
    const overall = await reviewer.locator('#agreement-overall').textContent();
    expect(overall).toBe(cliAgree(exports));
    await expect(reviewer.locator('#annotator-progress li')).toHaveCount(team);
    await expect(reviewer.locator('#annotator-progress li[data-annotator="sara"]')).toHaveAttribute('data-done', '1');
    await reviewer.screenshot({ path: `${ARTIFACTS}/team-agreement-${team}.png` });
    await reviewer.keyboard.press('Escape');
    await openDoc(reviewer, 'shared');
    const shared = reviewer.locator('#doc-list li[data-doc-id="shared"]');
    await expect(shared).toHaveAttribute('data-agreement', /^[01]\.\d{4}$/);
    const disputed = reviewer.locator('mark.span[data-state="disputed"]');
    expect(await disputed.count()).toBeGreaterThan(0);
    await expect(disputed.first()).toHaveAttribute('data-annotators', new RegExp(`^${names[0]}:`));
    // Done is refused while disagreements remain.
    await reviewer.keyboard.press('n');
    await expect(reviewer.locator('#message')).toContainText('not settled');
    // Every disagreement settled with sara's version (key 1): the gold is sara's spans.
    await reviewer.keyboard.press('d');
    await reviewer.screenshot({ path: `${ARTIFACTS}/team-review-${team}.png` });
    await reviewer.setViewportSize({ width: 390, height: 844 });
    await reviewer.screenshot({ path: `${ARTIFACTS}/team-review-${team}-phone.png` });
    await reviewer.setViewportSize({ width: 1280, height: 860 });
    const settledCount = await settleAll(reviewer, () => '1');
    expect(settledCount).toBeGreaterThan(0);
    await reviewer.keyboard.press('n');
    await settled(reviewer);
    const gold = lineOf(await download(reviewer), 'shared');
    expect(gold.spans).toEqual(lineOf(exports[0].body, 'shared').spans);
    expect(gold.status).toBe('done');
    expect(gold.reviewer).toBe('lead');
    expect(gold.annotators).toEqual(names);
    const sources = gold.sources as { start: number; end: number; from: string[] }[];
    expect(sources.map((s) => [s.start, s.end])).toEqual(gold.spans.map((s) => [s.start, s.end]));
    expect(sources.every((s) => s.from.includes('sara'))).toBe(true);
    await reviewer.context().close();
  });
}

test('a document whose text differs between two exports is refused, naming it', async ({ page }) => {
  await giveName(page, `${PROJECT}&review`, 'lead');
  const a = { id: 'shared', text: 'ایمیدرو در تهران', spans: [{ start: 0, end: 7, label: 'ORG' }], annotator: 'sara' };
  const b = { ...a, text: 'ایمیدرو در پکن', annotator: 'reza' };
  const c = { id: 'other', text: 'چین', spans: [], annotator: 'sara' };
  const d = { ...c, annotator: 'reza' };
  await page.locator('input#open-files').setInputFiles([
    { name: 'sara.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from([a, c].map((x) => JSON.stringify(x)).join('\n')) },
    { name: 'reza.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from([b, d].map((x) => JSON.stringify(x)).join('\n')) },
  ]);
  await expect(page.locator('#message')).toContainText('document shared');
  await expect(page.locator('#message')).toContainText('differ');
  expect(await docIds(page)).toEqual(['other']);
});
