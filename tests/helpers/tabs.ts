// Ending a tab as a person or the OS does: a killed renderer, a closed tab
// (crash.spec.ts and soak.spec.ts).
import type { Page } from '@playwright/test';

/** `p`, or an error naming `what` after `ms` (a step with no timeout of its own must not hang the run). */
export async function within<T>(ms: number, what: string, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, no) => (timer = setTimeout(() => no(new Error(`${what}: still running after ${ms} ms`)), ms)));
  try {
    return await Promise.race([p, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** The ids of the browser's renderer processes (a test's browser runs only its own context). */
export async function rendererIds(page: Page): Promise<number[]> {
  const cdp = await page.context().browser()!.newBrowserCDPSession();
  const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
  await cdp.detach();
  return processInfo.filter((p) => p.type === 'renderer').map((p) => p.id);
}

/** SIGKILLs each of `pids` still running. */
function killAll(pids: number[]): void {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ESRCH') throw e;
    }
  }
}

/**
 * Ends the tab with no wait: `kill` SIGKILLs the renderers `pids` (taken
 * before the last edit; CDP's Page.crash makes headless Chromium write a
 * crash dump for about a minute first), `close` closes it without
 * beforeunload. Returns a new page of the same profile (not yet opened).
 *
 * On two loaded cores a kill has once gone unanswered (no crash event in
 * 30 s, clean CI run of 2026-12-04): if the page has not crashed after 10 s,
 * every renderer the browser has then is killed too, and an error names the
 * step only if that fails as well. A new page that does not come is asked
 * for again (a spare renderer killed with the tab's can fail or stall it).
 */
export async function endTab(page: Page, how: 'kill' | 'close', pids: number[]): Promise<Page> {
  if (how === 'kill') {
    const crashed = page.waitForEvent('crash', { timeout: 0 });
    crashed.catch(() => undefined); // (a page closed before it crashed: not unhandled)
    killAll(pids);
    const gone = await within(10_000, 'crash', crashed).then(
      () => true,
      () => false,
    );
    if (!gone) {
      const now = await within(10_000, 'the renderer ids after a kill', rendererIds(page));
      killAll(now);
      await within(10_000, `the crash after killing renderers ${pids} then ${now}`, crashed);
    }
  } else {
    await within(15_000, 'closing the tab', page.close({ runBeforeUnload: false }));
  }
  return newPage(page);
}

/** A new page of `page`'s context, asked for up to three times. */
async function newPage(page: Page): Promise<Page> {
  for (let k = 1; ; k++) {
    try {
      return await within(10_000, `a new page (try ${k})`, page.context().newPage());
    } catch (e) {
      if (k === 3) throw e;
    }
  }
}
