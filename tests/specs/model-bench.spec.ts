// Tagging speed of the model in headless Chromium, inside the worker: the
// worker times `Tagger::suggest` over the documents of a refresh (rules,
// features and Viterbi, as natively) and the page shows the figures as
// #model-status[data-suggest-tokens][data-suggest-ms][data-suggest-runs].
// Three refreshes (after a learned document, a reset, another learned one); prints
// their tokens/s and the median, writes tests/artifacts/model-bench.json,
// and asserts only that it ran (the machine is shared).
import { test, expect, openApp, importFiles, seedText, SEEDS, ARTIFACTS, menuItem } from '../helpers/app';
import { writeFileSync } from 'node:fs';

const COPIES = 10;

test('tagging speed of the model in the worker (seeds ×10, three runs)', async ({ page }) => {
  await openApp(page);
  const status = page.locator('#model-status');
  await expect(status).toHaveAttribute('data-docs-learned', '0');
  const runs: { tokens: number; ms: number }[] = [];
  const measured = async (n: number) => {
    await expect(status).toHaveAttribute('data-suggest-runs', String(n));
    runs.push({
      tokens: Number(await status.getAttribute('data-suggest-tokens')),
      ms: Number(await status.getAttribute('data-suggest-ms')),
    });
  };
  // One document opened first, then the copies (never opened): every change
  // of the model refreshes the copies' suggestions.
  const docs = [{ id: 'first', text: 'متن نخست.' }];
  for (let k = 0; k < COPIES; k++) for (const id of SEEDS) docs.push({ id: `${id}-${k}`, text: seedText(id) });
  const body = docs.map((d) => JSON.stringify({ ...d, spans: [], status: 'new' })).join('\n') + '\n';
  await importFiles(page, [{ name: 'bench.jsonl', body }]);
  await expect(page.locator('#doc-view')).toHaveAttribute('data-doc-id', 'first');
  // The import's own first suggestions come from the worker's analysis (no
  // refresh); every change of the model then refreshes the unopened copies.
  await expect(page.locator('#suggest-progress')).toHaveCount(0);
  // done → the next document (a copy) opens; the other copies are refreshed
  await page.locator('#done-next').click();
  await measured(1);
  await (await menuItem(page, '#model-reset')).click();
  await (await menuItem(page, '#model-reset-confirm')).click();
  await measured(2);
  await page.locator('#done-next').click();
  await measured(3);
  const rates = runs.map((r) => Math.round((r.tokens / r.ms) * 1000));
  const median = [...rates].sort((a, b) => a - b)[1];
  console.log(
    `headless Chromium, worker, seeds ×${COPIES}: ` +
      runs.map((r, i) => `${r.tokens} tokens in ${r.ms} ms = ${rates[i]}`).join('; ') +
      ` tokens/s; median ${median} tokens/s`,
  );
  writeFileSync(`${ARTIFACTS}model-bench.json`, JSON.stringify({ runs, tokensPerSecond: rates, median }, null, 2));
  for (const r of runs) expect(r.tokens).toBeGreaterThan(0);
});
