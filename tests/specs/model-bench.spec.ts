// Tagging speed of the model in headless Chromium, inside the worker: the
// worker times `Tagger::suggest` over the documents of a refresh (rules,
// features and Viterbi, as natively) and the page shows the figures as
// #model-status[data-suggest-tokens][data-suggest-ms]. Prints tokens/s and
// writes tests/artifacts/model-bench.json; asserts only that it ran.
import { test, expect, openApp, importFiles, seedText, SEEDS, ARTIFACTS } from '../helpers/app';
import { writeFileSync } from 'node:fs';

const COPIES = 10;

test('tagging speed of the model in the worker (seeds ×10)', async ({ page }) => {
  await openApp(page);
  const status = page.locator('#model-status');
  await expect(status).toHaveAttribute('data-docs-learned', '0');
  // One opened document first, then the copies (never opened): the model
  // refreshes the copies' suggestions, timed in the worker.
  const docs = [{ id: 'first', text: 'متن نخست.' }];
  for (let k = 0; k < COPIES; k++) for (const id of SEEDS) docs.push({ id: `${id}-${k}`, text: seedText(id) });
  const body = docs.map((d) => JSON.stringify({ ...d, spans: [], status: 'new' })).join('\n') + '\n';
  await importFiles(page, [{ name: 'bench.jsonl', body }]);
  await expect(status).toHaveAttribute('data-suggest-tokens', /^[1-9]/);
  const tokens = Number(await status.getAttribute('data-suggest-tokens'));
  const ms = Number(await status.getAttribute('data-suggest-ms'));
  const perSecond = Math.round((tokens / ms) * 1000);
  console.log(`headless Chromium, worker: ${tokens} tokens in ${ms} ms = ${perSecond} tokens/s (seeds ×${COPIES})`);
  writeFileSync(`${ARTIFACTS}model-bench.json`, JSON.stringify({ tokens, ms, tokensPerSecond: perSecond }, null, 2));
  expect(ms).toBeGreaterThan(0);
});
