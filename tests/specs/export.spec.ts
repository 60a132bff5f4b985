// Every format from the app is what `barchasb convert` writes for the same
// documents (byte for byte: every writer is deterministic), and every
// format's files, dropped on a fresh app, give the documents back.
import { test, expect, englishUI, openApp, openDoc, dropFiles, exportLines, SEEDS, type ExportLine, menuItem } from '../helpers/app';
import type { Page, Download } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI = process.env.BARCHASB ?? fileURLToPath(new URL('../../target/release/barchasb', import.meta.url));
const FORMATS = ['jsonl', 'spacy', 'conll', 'hf', 'doccano', 'label-studio', 'brat', 'webanno'];
// Files each export writes: the main file, then its sidecars.
const FILES: Record<string, string[]> = {
  jsonl: ['barchasb-export.jsonl'],
  spacy: ['barchasb-export.spacy'],
  conll: ['barchasb-export.conll', 'barchasb-export.documents.jsonl'],
  hf: ['barchasb-export.hf.jsonl', 'barchasb-export.features.json', 'barchasb-export.documents.jsonl'],
  doccano: ['barchasb-export.doccano.jsonl'],
  'label-studio': ['barchasb-export.label-studio.json', 'barchasb-export.label-config.xml'],
  brat: ['barchasb-export.brat.zip'],
  webanno: ['barchasb-export.webanno.zip'],
};

/** Clicks #export with `format` chosen and collects every file it downloads. */
async function exportAs(page: Page, format: string): Promise<Map<string, Buffer>> {
  await (await menuItem(page, '#export-format')).selectOption(format);
  const want = FILES[format].length;
  const downloads: Download[] = [];
  const onDownload = (d: Download) => downloads.push(d);
  page.on('download', onDownload);
  await (await menuItem(page, '#export')).click();
  await expect.poll(() => downloads.length, { message: `${format}: the files downloaded` }).toBe(want);
  page.off('download', onDownload);
  // Chromium sometimes drops an anchor download begun right after a run of
  // others (seen as the tenth file and later); a pause between exports
  // keeps this test about the bytes.
  await page.waitForTimeout(500);
  const out = new Map<string, Buffer>();
  for (const d of downloads) out.set(d.suggestedFilename(), readFileSync((await d.path())!));
  return out;
}

/** What the CLI writes for `input` as `format` (with suggestions when asked). */
function cliExport(input: string, format: string, suggestions: boolean): Map<string, Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'barchasb-cli-'));
  const args = ['convert', '--to', format, ...(suggestions ? ['--suggestions'] : []), input, '-o', join(dir, FILES[format][0])];
  execFileSync(CLI, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  return new Map(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f))]));
}

/** The seeds with suggestions, one of them done with every suggestion accepted. */
async function annotated(page: Page): Promise<void> {
  await openApp(page);
  await openDoc(page, SEEDS[0]);
  await page.locator('#accept-all').click();
  await page.locator('#done-next').click();
  await expect(page.locator(`#doc-list li[data-doc-id="${SEEDS[0]}"]`)).toHaveAttribute('data-status', 'done');
}

for (const suggestions of [false, true]) {
  test(`each format from the app is the CLI's, byte for byte${suggestions ? ', with suggestions' : ''}`, async ({
    page,
  }) => {
    await annotated(page);
    if (suggestions) await (await menuItem(page, '#export-suggestions')).check();
    const app = new Map<string, Map<string, Buffer>>();
    for (const f of FORMATS) app.set(f, await exportAs(page, f));
    // The app's own JSONL is the input of the CLI.
    const dir = mkdtempSync(join(tmpdir(), 'barchasb-app-'));
    const input = join(dir, 'app.jsonl');
    writeFileSync(input, app.get('jsonl')!.get('barchasb-export.jsonl')!);
    for (const f of FORMATS) {
      const got = app.get(f)!;
      expect([...got.keys()].sort(), f).toEqual([...FILES[f]].sort());
      const cli = cliExport(input, f, suggestions);
      expect([...cli.keys()].sort(), f).toEqual([...FILES[f]].sort());
      for (const [name, bytes] of got) expect(bytes.equals(cli.get(name)!), `${f}: ${name} differs from the CLI's`).toBe(true);
    }
  });
}

test('done only exports the done documents', async ({ page }) => {
  await annotated(page);
  await (await menuItem(page, '#export-which')).selectOption('done');
  const { lines } = await exportLines(page);
  expect(lines.map((l) => l.id)).toEqual([SEEDS[0]]);
  expect(lines[0].spans.length).toBeGreaterThan(5);
});

const strip = (l: ExportLine) => ({ id: l.id, text: l.text, spans: l.spans, status: l.status });

test('every format, dropped with its sidecars on a fresh app, gives the documents back', async ({ page, browser }) => {
  test.setTimeout(120_000);
  await annotated(page);
  const { lines: want } = await exportLines(page);
  const files = new Map<string, Map<string, Buffer>>();
  for (const f of FORMATS) files.set(f, await exportAs(page, f));
  for (const f of FORMATS) {
    const ctx = await browser.newContext();
    await englishUI(ctx);
    const fresh = await ctx.newPage();
    await openApp(fresh, { suggestions: false });
    // the fresh app's demo seeds are replaced by the same ids from the file
    const dropped = [...files.get(f)!].map(([name, body]) => ({ name, body }));
    await dropFiles(fresh, dropped);
    await expect(fresh.locator('#message')).toBeVisible();
    if (await fresh.locator('#import-dialog').count()) {
      await fresh.locator('#import-dialog [data-choice="theirs"], #import-dialog button:has-text("theirs")').first().click();
    }
    const { lines: got } = await exportLines(fresh);
    const byId = new Map(got.map((l) => [l.id, l]));
    for (const w of want) {
      const g = byId.get(w.id);
      expect(g, `${f}: ${w.id}`).toBeDefined();
      expect(strip(g!), `${f}: ${w.id}`).toEqual(strip(w));
    }
    await ctx.close();
  }
});
