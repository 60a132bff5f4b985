// Serves a copy of dist/ at http://127.0.0.1:PORT/app/ (a sub-path, as the tests do)
// with python3's static server, for the scripts in this folder; and the command-line
// and median helpers they share.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

/** `dist` (default the checkout's dist/) as the site's /app/. */
export function startServer(port, dist = here('../../dist')) {
  const site = here(`./out/site-${port}/`);
  rmSync(site, { recursive: true, force: true });
  mkdirSync(site, { recursive: true });
  // A copy: a rebuild of dist/ meanwhile cannot change what is measured.
  cpSync(dist, `${site}/app`, { recursive: true });
  return spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', site], {
    stdio: 'ignore',
  });
}

export async function waitForServer(url) {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the static server did not start');
}

/** The value after `--name` on the command line, or `def`. */
export function arg(name, def) {
  const argv = process.argv.slice(2);
  return argv.includes(name) ? argv[argv.indexOf(name) + 1] : def;
}

/** The median of numbers. */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
