// Starts the wasm app. Trunk would inject an inline <script type="module">,
// which the page's Content-Security-Policy (script-src 'self') forbids; so
// Trunk.toml's `pattern_script` emits <script src="boot.js" data-js data-wasm>
// with the hashed file names instead, and this file loads them.
// Trusted Types (the CSP's require-trusted-types-for 'script'): the one
// policy the CSP allows is this default one. It turns a string into a script
// URL only for the app's own worker loader (worker.js beside this file, the
// Worker constructor's URL); any other URL, and every HTML or script string
// (innerHTML, eval and their kind), is refused and reported as a violation.
if (self.trustedTypes) {
  const loader = new URL('worker.js', document.baseURI);
  trustedTypes.createPolicy('default', {
    createScriptURL: (url) => {
      const u = new URL(url, document.baseURI);
      return u.origin === location.origin && u.pathname === loader.pathname ? u.href : null;
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
