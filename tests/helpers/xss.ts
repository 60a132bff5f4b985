// The XSS payloads (tests/fixtures/xss-payloads.json) and the checks that
// none of them ran: no global written, no CSP violation, no element or
// attribute of the payloads' making in the DOM. (Dialogs and requests that
// leave the origin are failures of every test: helpers/app.ts.)
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { expect } from './app';

export interface Payload {
  /** The cheat sheet's family: script, event, svg, url, css, entity, mxss, template, rtl. */
  kind: string;
  payload: string;
}

export const PAYLOADS: Payload[] = JSON.parse(
  readFileSync(fileURLToPath(new URL('../fixtures/xss-payloads.json', import.meta.url)), 'utf8'),
);

/** Every payload string. */
export const TEXTS = PAYLOADS.map((p) => p.payload);

/**
 * Before the page's own scripts: records every CSP violation the page sees
 * (`window.__csp`). Payloads set `window.__xss` or call alert() when they run.
 */
export async function armXss(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`),
    );
  });
}

/** Elements no text of the app is ever rendered as (the app makes none of these in <body>; it has forms). */
const FOREIGN = 'script, iframe, frame, object, embed, img, svg, math, video, audio, source, style, link, base, meta, marquee, details, template, isindex, bgsound, table[background]';

/**
 * Nothing ran and nothing was injected: `window.__xss` unset, no prototype
 * polluted, no CSP violation, no foreign element in <body>, no inline event
 * handler attribute, no javascript:/data: URL in any href/src/action.
 * Waits a moment first, for an onerror or onload that would fire late.
 */
export async function expectNothingRan(page: Page): Promise<void> {
  await page.waitForTimeout(250);
  const found = await page.evaluate((foreign) => {
    const w = window as unknown as { __xss?: unknown; __csp?: string[] };
    const all = Array.from(document.body.querySelectorAll('*'));
    const handlers = all.flatMap((el) =>
      Array.from(el.attributes)
        .filter((a) => /^on/i.test(a.name))
        .map((a) => `${el.tagName} ${a.name}`),
    );
    const urls = all.flatMap((el) =>
      ['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'background']
        .map((n) => el.getAttribute(n))
        .filter((v): v is string => v !== null && /^\s*(javascript|data|vbscript):/i.test(v))
        .map((v) => `${el.tagName} ${v}`),
    );
    return {
      xss: w.__xss ?? null,
      polluted: (({}) as Record<string, unknown>).polluted ?? null,
      csp: w.__csp ?? ['the CSP listener is missing (armXss)'],
      foreign: Array.from(document.body.querySelectorAll(foreign)).map((e) => e.outerHTML.slice(0, 120)),
      handlers,
      urls,
    };
  }, FOREIGN);
  expect(found).toEqual({ xss: null, polluted: null, csp: [], foreign: [], handlers: [], urls: [] });
}

/** Each of `texts` is in the text shown by `where` (its textContent, not its markup). */
export async function expectShownAsText(where: Locator, texts: string[]): Promise<void> {
  const shown = await where.evaluateAll((els) => els.map((e) => e.textContent ?? '').join('\n'));
  const missing = texts.filter((t) => !shown.includes(t));
  expect(missing, 'payloads not shown as text').toEqual([]);
}
