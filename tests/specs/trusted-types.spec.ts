// Trusted Types (issue 14): the page's CSP requires them for every script
// sink, and the app still starts its workers (tagger, formats) through
// boot.js's default policy, which accepts only the app's worker.js.
import { test, expect, openApp, exportLines, marks } from '../helpers/app';

test('the CSP enforces Trusted Types: a string to innerHTML or a foreign worker URL is refused and reported', async ({ page, watch }) => {
  await openApp(page);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("require-trusted-types-for 'script'");
  expect(csp).toContain('trusted-types default');
  const refused = await page.evaluate(async () => {
    const seen: string[] = [];
    addEventListener('securitypolicyviolation', (e) => seen.push(e.violatedDirective));
    const tries: Record<string, () => unknown> = {
      innerHTML: () => (document.createElement('div').innerHTML = '<img src=x>'),
      worker: () => new Worker(URL.createObjectURL(new Blob(['postMessage(1)'], { type: 'text/javascript' }))),
      otherScript: () => new Worker('boot.js'),
    };
    const threw: Record<string, boolean> = {};
    for (const [k, f] of Object.entries(tries)) {
      try {
        f();
        threw[k] = false;
      } catch {
        threw[k] = true;
      }
    }
    await new Promise((r) => setTimeout(r, 100));
    return { threw, seen };
  });
  expect(refused.threw).toEqual({ innerHTML: true, worker: true, otherScript: true });
  expect(refused.seen.filter((d) => d === 'require-trusted-types-for').length).toBeGreaterThanOrEqual(3);
  // These refusals are this test's own console errors; any other still fails it.
  watch.errors = watch.errors.filter((e) => !/Trusted ?Type|TrustedHTML|TrustedScriptURL|trusted-types/i.test(e));
});

test('with Trusted Types the tagger worker suggests and the formats worker exports', async ({ page }) => {
  await openApp(page);
  // The tagger worker answered: the seeds have suggestions.
  const shown = await marks(page);
  expect(shown.some((m) => m.state === 'suggested')).toBe(true);
  // The export runs in the formats worker.
  const { lines } = await exportLines(page);
  expect(lines.length).toBeGreaterThan(0);
});
