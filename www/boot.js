// Starts the wasm app. Trunk would inject an inline <script type="module">,
// which the page's Content-Security-Policy (script-src 'self') forbids; so
// Trunk.toml's `pattern_script` emits <script src="boot.js" data-js data-wasm>
// with the hashed file names instead, and this file loads them.
const tag = document.querySelector('script[data-js][data-wasm]');
const { default: init } = await import(new URL(tag.dataset.js, document.baseURI).href);
const wasm = await init({ module_or_path: new URL(tag.dataset.wasm, document.baseURI) });
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
