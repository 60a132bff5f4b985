// The bad-input catalogue (tests/bad-input/, docs/bad-input.md) in the app:
// each file of a reader the app shares with the CLI is opened in a fresh
// profile; the message names the file and the line or field as the CLI's
// does (the same words, the file by its name), and the good records are
// kept, span by span, as the manifest says.
import { readFileSync, existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect, openApp, docIds, settled, cpSlice, SEEDS } from '../helpers/app';
import { storedDocs } from '../helpers/storage';

const ROOT = fileURLToPath(new URL('../bad-input/', import.meta.url));

interface Entry {
  case: string;
  file: string;
  exit: number;
  kept: string;
  stderr: string[];
}

const MANIFEST: Entry[] = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8'));
/** Readers of files the app opens (`model/` is the model bar's, `project/` the ?project= page's, `generated/` is made by the CLI test). */
const DIRS = ['jsonl', 'txt', 'conll', 'hf', 'doccano', 'label-studio', 'brat', 'webanno', 'spacy'];

/**
 * The CLI's lines that are about the file (not its summary), as the app
 * words them: the file by its name, not its path. Left out: what only the
 * CLI says (its --labels flag; a sibling it cannot read from disk).
 */
function expectedLines(e: Entry): string[] {
  const dir = dirname(e.file) + '/';
  return e.stderr
    .filter((l) => l.startsWith(dir) && !l.includes('--labels') && !l.includes('cannot read:'))
    .map((l) => l.slice(dir.length).replaceAll(e.file, basename(e.file)));
}

/** "a (no spans); c (LOC «ایران»)" → id → ["LOC «ایران»"]. */
function keptDocs(kept: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (kept === 'nothing') return out;
  for (const part of kept.split(/; (?=[^«»]*(?:«|$))/)) {
    const m = /^(.+?) \((no spans|(?:[A-Z_]+ «[^»]*»(?:, )?)+)\)$/.exec(part);
    if (!m) throw new Error(`cannot read the manifest's kept: ${part}`);
    out.set(m[1], m[2] === 'no spans' ? [] : m[2].split(/, (?=[A-Z_]+ «)/));
  }
  return out;
}

/** The files opened together: a brat .ann with its .txt. */
function filesOf(e: Entry): { name: string; mimeType: string; buffer: Buffer }[] {
  const paths = [e.file];
  const txt = e.file.replace(/\.ann$/, '.txt');
  if (e.file.endsWith('.ann') && existsSync(join(ROOT, txt))) paths.push(txt);
  return paths.map((p) => ({ name: basename(p), mimeType: 'application/octet-stream', buffer: readFileSync(join(ROOT, p)) }));
}

const CASES = MANIFEST.filter((e) => DIRS.includes(e.file.split('/')[0]));

test('the catalogue has a case of every reader the app opens', () => {
  for (const d of DIRS) expect(CASES.some((e) => e.file.startsWith(`${d}/`)), d).toBe(true);
  expect(CASES.length).toBeGreaterThan(50);
});

for (const e of CASES) {
  test(`${e.file}: ${e.case}`, async ({ page }) => {
    // (The seeds' suggestions are not waited for: not this test's matter.)
    await openApp(page, { suggestions: false });
    await page.locator('input#open-files').setInputFiles(filesOf(e));
    const message = page.locator('#message');
    const dialog = page.locator('#import-dialog');
    // Labels not in the set are asked about first (the CLI says --labels): added.
    await expect(async () => {
      if (await dialog.isVisible()) {
        if (await page.locator('#import-add-labels').isVisible()) await page.locator('#import-add-labels').check();
        await page.locator('#import-confirm').click();
      }
      expect(await message.textContent()).not.toBe('');
    }).toPass();
    const lines = expectedLines(e);
    const name = basename(e.file);
    if (lines.length === 0) {
      // Nothing to say but what was added.
      await expect(message).toContainText(/Added|already/);
    }
    for (const l of lines) await expect(message, `the CLI says: ${l}`).toContainText(l);
    if (e.exit !== 0) await expect(message).toContainText(name);
    // The good records, span by span.
    const kept = keptDocs(e.kept);
    await expect.poll(async () => (await docIds(page)).filter((id) => !SEEDS.includes(id)).sort()).toEqual([...kept.keys()].sort());
    await settled(page);
    const stored = await storedDocs(page);
    for (const [id, spans] of kept) {
      const d = stored.get(id)!;
      expect(d.spans.map((s) => `${s.label} «${cpSlice(d.text, s.start, s.end)}»`), id).toEqual(spans);
    }
  });
}
