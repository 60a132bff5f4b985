// Browser end-to-end tests of the release build (dist/) in Debian's headless
// Chromium. dist/ is served under a sub-path (/app/) to prove its URLs are
// relative. Never `npx playwright install`: the browser is /usr/bin/chromium.
import { defineConfig } from '@playwright/test';
import { chromiumLaunch } from './chromium.mjs';

const PORT = Number(process.env.BARCHASB_TEST_PORT ?? 8765);
export const ORIGIN = `http://127.0.0.1:${PORT}`;
// The site under test: dist/ unless BARCHASB_DIST names another build (so two
// checkouts' builds can be tested side by side, each on its own port).
const DIST = process.env.BARCHASB_DIST ?? '../dist';
// Served copy and results per port, so parallel runs do not share them.
const SITE = PORT === 8765 ? '.site' : `.site-${PORT}`;
const RESULTS = PORT === 8765 ? './test-results' : `./test-results-${PORT}`;

export default defineConfig({
  testDir: './specs',
  outputDir: RESULTS,
  // Two cores: one worker per core at most; each test has its own context.
  workers: 2,
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: `${RESULTS}/results.json` }]],
  globalSetup: './helpers/global-setup.ts',
  use: {
    baseURL: `${ORIGIN}/app/`,
    acceptDownloads: true,
    locale: 'fa-IR',
    viewport: { width: 1280, height: 860 },
    trace: 'off',
    screenshot: 'only-on-failure',
    launchOptions: chromiumLaunch,
  },
  webServer: {
    // A copy of dist/ at tests/.site/app, so the site lives at /app/ and a
    // rebuild of dist/ during the run cannot change what is served; a team's
    // project beside it at /teams/q4/ (tests/fixtures/team), and one made of
    // XSS payloads at /teams/xss/ (tests/fixtures/xss).
    command: `rm -rf ${SITE} && mkdir -p ${SITE}/teams && cp -r ${DIST} ${SITE}/app && cp -r fixtures/team ${SITE}/teams/q4 && cp -r fixtures/xss ${SITE}/teams/xss && exec python3 -m http.server ${PORT} --bind 127.0.0.1 --directory ${SITE}`,
    url: `${ORIGIN}/app/index.html`,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
    stdout: 'ignore',
    stderr: 'ignore',
  },
});
