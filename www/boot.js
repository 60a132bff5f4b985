// Starts the wasm app. Trunk would inject an inline <script type="module">,
// which the page's Content-Security-Policy (script-src 'self') forbids; so
// Trunk.toml's `pattern_script` emits <script src="boot.js" data-js data-wasm>
// with the hashed file names instead, and this file loads them.
// Trusted Types (the CSP's require-trusted-types-for 'script'): the one
// policy the CSP allows is this default one. It turns a string into a script
// URL only for the app's own worker loader (worker.js beside this file, the
// Worker constructor's URL) and its service worker (sw.js, registered
// below); any other URL, and every HTML or script string (innerHTML, eval
// and their kind), is refused and reported as a violation.
if (self.trustedTypes) {
  const allowed = ['worker.js', 'sw.js'].map((f) => new URL(f, document.baseURI).pathname);
  trustedTypes.createPolicy('default', {
    createScriptURL: (url) => {
      const u = new URL(url, document.baseURI);
      return u.origin === location.origin && allowed.includes(u.pathname) ? u.href : null;
    },
  });
}
// The theme the user chose (#theme), before the first paint.
try {
  const theme = localStorage.getItem('barchasb-theme');
  if (theme === 'dark' || theme === 'light') document.documentElement.dataset.theme = theme;
} catch {
  // storage refused: the system's theme
}
// The interface language the user chose (#language): Persian, right to
// left, unless English was chosen.
try {
  if (localStorage.getItem('barchasb-lang') === 'en') {
    document.documentElement.lang = 'en';
    document.documentElement.dir = 'ltr';
  }
} catch {
  // storage refused: Persian
}
const tag = document.querySelector('script[data-js][data-wasm]');
const { default: init } = await import(new URL(tag.dataset.js, document.baseURI).href);
const wasm = await init({ module_or_path: new URL(tag.dataset.wasm, document.baseURI) });
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));

// Panels open below the toolbar, whose height depends on how its buttons
// wrap: keep --toolbar-bottom (px) equal to the toolbar's bottom edge.
const track = (bar) =>
  new ResizeObserver(() =>
    document.documentElement.style.setProperty('--toolbar-bottom', `${bar.getBoundingClientRect().bottom}px`),
  ).observe(bar);
const findBar = () => document.querySelector('#toolbar, [role="toolbar"]');
if (findBar()) track(findBar());
else
  new MutationObserver((_, obs) => {
    const bar = findBar();
    if (bar) {
      obs.disconnect();
      track(bar);
    }
  }).observe(document.body, { childList: true, subtree: true });

// Offline and installable (README): the service worker www/sw.js keeps the
// whole site, registered once the app runs (its downloads then do not delay
// the start). A new version's worker waits until the app asks for it:
// html[data-update="ready"] and the event `barchasb-update` tell the app
// (components/update_banner.rs), which shows "reload to update"; once every
// save is written it sends `barchasb-apply-update`, and this activates the
// waiting worker and reloads when it controls the page. A version activated
// from another tab shows the same banner here, and its reload is a plain one.
if ('serviceWorker' in navigator) {
  const sw = navigator.serviceWorker;
  const ready = () => {
    document.documentElement.dataset.update = 'ready';
    dispatchEvent(new Event('barchasb-update'));
  };
  let asked = false;
  // The first visit's worker takes the page (sw.js, clients.claim): no
  // update then, only when a controller is replaced by another.
  let current = sw.controller;
  sw.addEventListener('controllerchange', () => {
    if (asked) location.reload();
    else if (current) ready();
    current = sw.controller;
  });
  sw.register(new URL('sw.js', document.baseURI).href)
    .then((reg) => {
      const waits = (w) => w && sw.controller && w.state === 'installed';
      const watch = (w) => w?.addEventListener('statechange', () => waits(w) && ready());
      if (waits(reg.waiting)) ready();
      watch(reg.installing);
      reg.addEventListener('updatefound', () => watch(reg.installing));
      addEventListener('barchasb-apply-update', () => {
        asked = true;
        if (reg.waiting) reg.waiting.postMessage('skip-waiting');
        else location.reload();
      });
      // A tab open for days still learns of a new version: when it is shown
      // again, and every hour (offline, the check fails quietly).
      const check = () => reg.update().catch(() => {});
      setInterval(check, 3_600_000);
      addEventListener('visibilitychange', () => document.visibilityState === 'visible' && check());
    })
    .catch(() => {
      // No service worker (storage refused, a private window): the app works online as before.
    });
}
