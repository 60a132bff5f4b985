// Ending a tab as a person or the OS does: a killed renderer, a closed tab
// (crash.spec.ts and soak.spec.ts).
import type { Page } from '@playwright/test';

/** The ids of the browser's renderer processes (a test's browser runs only its own context). */
export async function rendererIds(page: Page): Promise<number[]> {
  const cdp = await page.context().browser()!.newBrowserCDPSession();
  const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
  await cdp.detach();
  return processInfo.filter((p) => p.type === 'renderer').map((p) => p.id);
}

/**
 * Ends the tab with no wait: `kill` SIGKILLs the renderers `pids` (taken
 * before the last edit; CDP's Page.crash makes headless Chromium write a
 * crash dump for about a minute first), `close` closes it without
 * beforeunload. Returns a new page of the same profile (not yet opened).
 */
export async function endTab(page: Page, how: 'kill' | 'close', pids: number[]): Promise<Page> {
  if (how === 'kill') {
    const crashed = page.waitForEvent('crash');
    for (const pid of pids) process.kill(pid, 'SIGKILL');
    await crashed;
  } else {
    await page.close({ runBeforeUnload: false });
  }
  // (A spare renderer killed with the tab's can fail the first new page.)
  return page
    .context()
    .newPage()
    .catch(() => page.context().newPage());
}
