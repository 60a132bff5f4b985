// The service worker (README, "Offline and installable"): after the first
// visit the app opens and works with the network off. It keeps a copy of the
// whole built site (every file of dist/) in one cache per version and answers
// the site's own requests from it, cache first; anything else (a team's
// project files, ../teams/…) goes to the network as if it were not here.
// scripts/sw-precache.py (Trunk's post_build hook, Trunk.toml) writes the
// version (a hash of every file) and the file list into the built copy, so
// every build that changes a file is a new worker, whose cache replaces the
// old one when it takes over. A new worker waits (no skipWaiting at install)
// until the page asks for it: www/boot.js shows "reload to update"
// (components/update_banner.rs), which first waits for every save.
// URLs are relative to this file: the site can live under any sub-path.
const VERSION = 'dev';
const FILES = [];

const CACHE = `barchasb-${VERSION}`;
const ROOT = new URL('./', self.location.href);
const PATHS = new Set(FILES);

self.addEventListener('install', (event) => {
  // Revalidated with the server ('no-cache'), never the HTTP cache's copy
  // unchecked: the cache holds this build's bytes. One failed file fails the
  // install (addAll), and the current version stays.
  const requests = FILES.map((f) => new Request(new URL(f, ROOT), { cache: 'no-cache' }));
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(requests)));
});

self.addEventListener('activate', (event) => {
  // Only this worker's caches (barchasb-…), every older version of them.
  const old = (key) => key.startsWith('barchasb-') && key !== CACHE;
  const drop = caches.keys().then((keys) => Promise.all(keys.filter(old).map((k) => caches.delete(k))));
  // The first visit's page is controlled at once (clients.claim), so it
  // already works offline; www/boot.js tells this first control from an
  // update (a page that had no controller before shows no banner).
  event.waitUntil(drop.then(() => self.clients.claim()));
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

/** The site file a request asks for, or null (not one of this site's files). */
function sitePath(request) {
  if (request.method !== 'GET') return null;
  const url = new URL(request.url);
  if (url.origin !== ROOT.origin || !url.pathname.startsWith(ROOT.pathname)) return null;
  const path = url.pathname.slice(ROOT.pathname.length);
  // The page itself, with or without a query (?project=…): index.html.
  if (request.mode === 'navigate' && path === '') return 'index.html';
  // A worker's URL is its response's, query included: worker.js?name=… is
  // cached as such (scripts/sw-precache.py lists each), or worker.js would
  // not know which worker it is. Any other query is not part of the file.
  if (PATHS.has(path + url.search)) return path + url.search;
  return PATHS.has(path) ? path : null;
}

self.addEventListener('fetch', (event) => {
  const path = sitePath(event.request);
  if (path === null) return;
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(new URL(path, ROOT).href))
      .then((hit) => hit ?? fetch(event.request)),
  );
});
