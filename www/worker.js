// Starts one of the app's web workers: worker.js?name=tagger-worker loads
// tagger-worker.js (wasm-bindgen's no-modules glue, emitted by Trunk beside
// this file) and its wasm. gloo-worker's own loader builds a blob: script
// from a string, which the page's Trusted Types policy (boot.js) refuses;
// this file is a same-origin script the policy accepts.
const name = new URL(self.location.href).searchParams.get('name');
if (name !== 'tagger-worker' && name !== 'formats-worker') throw new Error(`no worker ${name}`);
importScripts(`./${name}.js`);
wasm_bindgen({ module_or_path: `./${name}_bg.wasm` });
