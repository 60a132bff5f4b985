// The interface language (issue 13): Persian by default in a fresh profile,
// English as a remembered choice (#language), html[lang]/dir following it,
// the document text always right to left and Persian, chrome numbers in
// Persian digits, plural forms right in both languages, and no visible
// Latin-script chrome text on any main screen of the Persian interface.
import { test, expect, openApp, openDoc, dropFiles, menuItem, pasteDoc, seedText, SEEDS, ARTIFACTS } from '../helpers/app';
import type { Page } from '@playwright/test';

test.use({ uiLang: 'fa' });

/** Two annotators' exports of one document (they differ on one span), for a review. */
const TEXT = 'ایمیدرو در تهران با انجمن معدن چین دیدار کرد';
const exportOf = (who: string, spans: object[]) =>
  JSON.stringify({ id: 'd', text: TEXT, status: 'done', annotator: who, spans }) + '\n';
const REVIEW = [
  { name: 'sara.jsonl', body: exportOf('sara', [{ start: 0, end: 7, label: 'ORG' }, { start: 11, end: 16, label: 'LOC' }]) },
  { name: 'reza.jsonl', body: exportOf('reza', [{ start: 0, end: 7, label: 'ORG' }, { start: 11, end: 16, label: 'ORG' }]) },
];

/**
 * Every visible piece of Latin-script chrome text: text nodes, the chosen
 * option of each select, placeholders, titles and accessible names of the
 * visible elements. Not chrome, so not checked: the document text (and the
 * menus' quotes of it), code in the guidelines (field names, examples), key
 * names in <kbd>, and the CLI's agreement line (`overall F1=…`, a contract).
 * Allowed inside chrome: label names, document ids, annotator and project
 * names, format and file names, key names (Ctrl, Shift, single letters),
 * F1, the name "English" of the other language, and the names of the tools
 * and encodings the guidelines' prose cites.
 */
async function latinChrome(page: Page, extra: string[] = []): Promise<string[]> {
  return page.evaluate((extra) => {
    const values = (sel: string, attr: string) =>
      Array.from(document.querySelectorAll(sel)).map((e) => e.getAttribute(attr) ?? '');
    const allowed = [
      ...values('#doc-list li[data-doc-id]', 'data-doc-id'),
      ...values('#doc-filter-label option', 'value'),
      ...values('#export-format option', 'value'),
      ...values('[data-annotator]', 'data-annotator'),
      document.querySelector('#user-name')?.textContent ?? '',
      document.querySelector('#project-name')?.textContent ?? '',
      ...extra,
      'English',
      'JSONL',
      'F1',
      'Ctrl',
      'Shift',
      'Alt',
      ...['spaCy', 'Prodigy', 'doccano', 'Rust', 'UTF-16', 'ASCII'],
    ]
      .filter((a) => a.length > 0)
      .sort((a, b) => b.length - a.length);
    const notChrome =
      '#doc-view p[data-para], .menu-text, #label-menu .menu-head, #entities-panel td.name, .offer-text bdi, ' +
      '.guidelines-text code, #agreement-overall, kbd, script, style, noscript, option';
    const shown = (el: Element) => {
      const r = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && (el as HTMLElement).offsetParent !== null;
    };
    const latin = (text: string) => {
      let t = text.replace(/[\w.-]+\.(txt|jsonl|json|bin|conll|iob|tsv|ann|zip|spacy|md)\b/g, '');
      for (const a of allowed) t = t.split(a).join('');
      t = t.replace(/(^|[^A-Za-z])[A-Za-z](?![A-Za-z])/g, '$1'); // a key name: one letter
      return /[A-Za-z]/.test(t);
    };
    const bad: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest(notChrome) || !shown(el)) continue;
      if (latin(n.textContent ?? '')) bad.push(`${el.tagName.toLowerCase()}#${el.id}: ${n.textContent}`);
    }
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      if (el.closest('#doc-view p[data-para], .guidelines-text code') || !shown(el)) continue;
      const texts = ['placeholder', 'title', 'aria-label'].map((a) => el.getAttribute(a) ?? '');
      if (el instanceof HTMLSelectElement) texts.push(el.selectedOptions[0]?.text ?? '');
      for (const t of texts) if (latin(t)) bad.push(`${el.tagName.toLowerCase()}#${el.id} [attr]: ${t}`);
    }
    return bad;
  }, extra);
}

async function expectPersianChrome(page: Page, screen: string, extra: string[] = []): Promise<void> {
  expect(await latinChrome(page, extra), `Latin-script chrome text on ${screen}`).toEqual([]);
}

async function expectLang(page: Page, lang: 'fa' | 'en'): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  await expect(page.locator('html')).toHaveAttribute('dir', lang === 'fa' ? 'rtl' : 'ltr');
  // The document text is Persian whatever the interface's language.
  await expect(page.locator('#doc-view')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('#doc-view')).toHaveAttribute('lang', 'fa');
}

test('a fresh profile is Persian on every main screen, with Persian digits in the chrome', async ({ page }) => {
  await openApp(page);
  await expectLang(page, 'fa');
  await expect(page.locator('#language')).toHaveValue('fa');
  await expectPersianChrome(page, 'the document view');
  // Counts in Persian digits; the data-* values stay ASCII.
  const n = String(SEEDS.length);
  await expect(page.locator('#progress')).toHaveText(/^[۰-۹]+\/[۰-۹]+$/);
  await expect(page.locator('#doc-shown')).toHaveAttribute('data-shown', n);
  await expect(page.locator('#doc-shown')).toHaveText(/^[۰-۹]+ از [۰-۹]+$/);
  await expect(page.locator('#doc-list li .counts').first()).not.toHaveText(/[0-9]/);

  await (await menuItem(page, '#menu')).isVisible();
  await expect(page.locator('#model-status')).toHaveAttribute('data-docs-learned', /^[0-9]+$/);
  await expectPersianChrome(page, 'the open menu (with the model bar)');
  await page.screenshot({ path: `${ARTIFACTS}/i18n-fa-menu.png` });

  for (const [button, panel] of [
    ['#help', '#help-overlay'],
    ['#labels', '#labels-editor'],
    ['#guidelines', '#guidelines-panel'],
    ['#entities', '#entities-panel'],
  ]) {
    await (await menuItem(page, button)).click();
    await expect(page.locator(panel)).toBeVisible();
    if (panel === '#guidelines-panel') await expect(page.locator('.guidelines-text h2').first()).toBeVisible();
    await expectPersianChrome(page, panel);
    await page.keyboard.press('Escape');
    await expect(page.locator(panel)).toHaveCount(0);
  }

  // A span's menu: its state and offsets are chrome.
  await page.locator('#doc-view mark.span').first().click();
  await expect(page.locator('#span-menu')).toBeVisible();
  await expect(page.locator('#span-menu .menu-head')).not.toHaveText(/[0-9]/);
  await expectPersianChrome(page, 'the span menu');
  await page.keyboard.press('Escape');

  // The import dialog: a document that comes again with other annotations,
  // and a label not in the label set.
  await page.keyboard.press('a');
  const text = seedText(SEEDS[0]);
  await openDoc(page, SEEDS[0]);
  await page.keyboard.press('a');
  const theirs = { id: SEEDS[0], text, spans: [{ start: 0, end: 4, label: 'NEWLABEL' }], status: 'done' };
  await dropFiles(page, [{ name: 'theirs.jsonl', body: JSON.stringify(theirs) + '\n' }]);
  await expect(page.locator('#import-dialog')).toBeVisible();
  await expect(page.locator('#import-unknown-labels')).toBeVisible();
  await expectPersianChrome(page, 'the import dialog', ['NEWLABEL']);
  await page.locator('#import-cancel').click();
  await expect(page.locator('#message .text')).toHaveText('ورود لغو شد؛ چیزی تغییر نکرد.');
});

test('the review: name dialog, disagreement and agreement panel are Persian', async ({ page }) => {
  await page.goto('index.html?review');
  await expect(page.locator('#name-dialog')).toBeVisible();
  await expectLang(page, 'fa');
  await expectPersianChrome(page, 'the name dialog');
  await page.locator('#name-input').fill('lead');
  await page.keyboard.press('Enter');
  await expect(page.locator('#name-dialog')).toHaveCount(0);
  await page.locator('input#open-files').setInputFiles(
    REVIEW.map((f) => ({ name: f.name, mimeType: 'application/jsonl', buffer: Buffer.from(f.body, 'utf8') })),
  );
  await expect(page.locator('#message .text')).toContainText('بازبینی sara, reza: ۱ سند، ۱ اختلاف برای حل.');
  await openDoc(page, 'd');
  await expectPersianChrome(page, 'a disputed document', ['sara', 'reza']);
  await page.keyboard.press('n');
  await expect(page.locator('#message .text')).toContainText('۱ اختلاف هنوز حل نشده است');
  await (await menuItem(page, '#agreement')).click();
  await expect(page.locator('#agreement-overall')).toContainText('overall F1=');
  await expectPersianChrome(page, 'the agreement panel', ['sara', 'reza']);
});

test('English is a choice that is remembered; html[lang] and dir follow it', async ({ page }) => {
  await openApp(page);
  await expect(page.locator('#accept-all')).toHaveText('پذیرش همه');
  await (await menuItem(page, '#language')).selectOption('en');
  await expectLang(page, 'en');
  await expect(page.locator('#accept-all')).toHaveText('Accept all');
  await expect(page.locator('#progress')).toHaveText(/^[0-9]+\/[0-9]+$/);
  await page.reload();
  await expect(page.locator('#doc-view')).toBeVisible();
  await expectLang(page, 'en');
  await expect(page.locator('#accept-all')).toHaveText('Accept all');
  await expect(page.locator('#language')).toHaveValue('en');
  await (await menuItem(page, '#language')).selectOption('fa');
  await expectLang(page, 'fa');
  await page.reload();
  await expect(page.locator('#doc-view')).toBeVisible();
  await expectLang(page, 'fa');
  await expect(page.locator('#done-next')).toHaveText('انجام شد، بعدی');
});

test('plural forms: "1 document" and "2 documents"; Persian keeps the singular: "۲ سند"', async ({ page }) => {
  await openApp(page);
  const two = [
    { name: 'two.jsonl', body: ['x1', 'x2'].map((id) => JSON.stringify({ id, text: 'متن ' + id }) + '\n').join('') },
  ];
  await pasteDoc(page, 'متن تازه برای آزمون');
  await expect(page.locator('#message .text')).toHaveText('۱ سند افزوده شد.');
  await page.locator('input#open-files').setInputFiles(
    two.map((f) => ({ name: f.name, mimeType: 'application/jsonl', buffer: Buffer.from(f.body, 'utf8') })),
  );
  await expect(page.locator('#message .text')).toContainText('۲ سند افزوده شد.');

  await (await menuItem(page, '#language')).selectOption('en');
  await pasteDoc(page, 'متن دیگری برای آزمون');
  await expect(page.locator('#message .text')).toHaveText('Added 1 document.');
  const three = two.map((f) => ({ ...f, name: 'three.jsonl', body: f.body.replace(/x(\d)/g, 'y$1') }));
  await page.locator('input#open-files').setInputFiles(
    three.map((f) => ({ name: f.name, mimeType: 'application/jsonl', buffer: Buffer.from(f.body, 'utf8') })),
  );
  await expect(page.locator('#message .text')).toContainText('Added 2 documents.');
});

for (const [w, h] of [
  [1280, 860],
  [390, 844],
]) {
  test(`screenshots of the Persian interface at ${w}×${h}`, async ({ page }) => {
    await openApp(page);
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `${ARTIFACTS}/i18n-fa-${w}-document.png` });
    await (await menuItem(page, '#help')).isVisible();
    await page.screenshot({ path: `${ARTIFACTS}/i18n-fa-${w}-menu.png` });
    await page.locator('#help').click();
    await expect(page.locator('#help-overlay')).toBeVisible();
    await page.screenshot({ path: `${ARTIFACTS}/i18n-fa-${w}-help.png` });
  });
}
