//! Files fetched from the app's own origin: the demo seeds, the guidelines
//! and a project's files. Used by the page and by the formats worker (the
//! global `fetch` is the same in both), so it holds no `window`.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    /// The global `fetch` of a window or a worker.
    #[wasm_bindgen(js_name = fetch)]
    fn global_fetch(url: &str) -> js_sys::Promise;
}

/// `path` resolved against `base` (an absolute URL), only when the result
/// has `base`'s origin: nothing is fetched from elsewhere.
pub fn resolve(path: &str, base: &str) -> Result<String, String> {
    let url = web_sys::Url::new_with_base(path, base).map_err(|_| format!("\"{path}\" is not a valid path"))?;
    let origin = web_sys::Url::new(base).map(|b| b.origin()).unwrap_or_default();
    if url.origin() != origin {
        return Err(format!("\"{path}\" is on another site ({}); only files of this site are read", url.origin()));
    }
    Ok(url.href())
}

/// The bytes at `url`, or why not (the HTTP status, or the network error).
pub async fn bytes(url: &str) -> Result<Vec<u8>, String> {
    let why = |e: JsValue| e.as_string().or_else(|| js_sys::Error::from(e).message().as_string()).unwrap_or_default();
    let response = JsFuture::from(global_fetch(url)).await.map_err(|e| format!("cannot be fetched ({})", why(e)))?;
    let response: web_sys::Response = response.unchecked_into();
    if !response.ok() {
        return Err(format!("cannot be fetched (HTTP {})", response.status()));
    }
    let buffer = response.array_buffer().map_err(why)?;
    let buffer = JsFuture::from(buffer).await.map_err(why)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The text at `path` (relative to the page), as UTF-8.
pub async fn page_text(path: &str) -> Result<String, String> {
    let base = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    let bytes = bytes(&resolve(path, &base)?).await?;
    String::from_utf8(bytes).map_err(|_| format!("{path} is not UTF-8"))
}
