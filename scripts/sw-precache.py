#!/usr/bin/env python3
"""Writes the service worker's file list and version into the built site.

Trunk's post_build hook (Trunk.toml) runs this with TRUNK_STAGING_DIR set to
the staged site, the dist/ to be: www/sw.js is there as copied, with
`const VERSION = 'dev';` and `const FILES = [];`. They become a hash of every
staged file (path and bytes) and of sw.js itself, and the list of those files (relative URLs,
and worker.js once per worker with its ?name=), so any change to any file
is a new worker with a new cache, and the worker precaches exactly what the
build made. Also runnable by hand: `scripts/sw-precache.py DIR`.
"""

import hashlib
import json
import os
import sys
from pathlib import Path
from urllib.parse import quote, unquote

SW = "sw.js"
VERSION_LINE = "const VERSION = 'dev';"
FILES_LINE = "const FILES = [];"


class PrecacheError(Exception):
    """The staged site or its sw.js is not what this script expects."""


def site_files(root: Path) -> list[str]:
    """Every file under root but sw.js itself, as sorted relative URLs."""
    paths = []
    for path in root.rglob("*"):
        if path.is_file():
            rel = path.relative_to(root).as_posix()
            if rel != SW:
                paths.append(rel)
    return sorted(quote(p) for p in paths)


def worker_urls(files: list[str]) -> list[str]:
    """How the app starts its workers: worker.js?name=X for each X.js with
    an X_bg.wasm whose name ends in -worker (tagger-worker, formats-worker).
    A worker's URL is its response's, so each is cached under its own URL."""
    if "worker.js" not in files:
        return []
    names = {f[: -len("_bg.wasm")] for f in files if f.endswith("-worker_bg.wasm")}
    return [f"worker.js?name={n}" for n in sorted(names) if f"{n}.js" in files]


def version(root: Path, files: list[str], worker: str) -> str:
    """A hash of the worker's own code and every listed file's URL and
    bytes (16 hex digits)."""
    h = hashlib.sha256(worker.encode())
    for url in files:
        data = (root / url_path(url)).read_bytes()
        h.update(f"{url}\0{len(data)}\0".encode())
        h.update(data)
    return h.hexdigest()[:16]


def url_path(url: str) -> str:
    """The file a relative URL of site_files names."""
    return unquote(url)


def render(template: str, files: list[str], ver: str) -> str:
    """The worker with its version and file list written in."""
    for line in (VERSION_LINE, FILES_LINE):
        if template.count(line) != 1:
            raise PrecacheError(f"{SW}: expected the line {line!r} once")
    out = template.replace(VERSION_LINE, f"const VERSION = {json.dumps(ver)};")
    return out.replace(FILES_LINE, f"const FILES = {json.dumps(files, indent=2)};")


def precache(root: Path) -> tuple[int, int, str]:
    """Rewrites root/sw.js; returns the file count, their bytes and the version."""
    sw = root / SW
    if not sw.is_file():
        raise PrecacheError(f"{sw} is missing (www/index.html copies it)")
    if not (root / "index.html").is_file():
        raise PrecacheError(f"{root / 'index.html'} is missing")
    files = site_files(root)
    template = sw.read_text(encoding="utf-8")
    ver = version(root, files, template)
    sw.write_text(render(template, files + worker_urls(files), ver), encoding="utf-8")
    size = sum((root / url_path(u)).stat().st_size for u in files)
    return len(files), size, ver


def main(argv: list[str]) -> int:
    arg = argv[1] if len(argv) > 1 else os.environ.get("TRUNK_STAGING_DIR")
    if not arg:
        print("sw-precache: give the site's folder, or run as Trunk's post_build hook", file=sys.stderr)
        return 2
    try:
        count, size, ver = precache(Path(arg))
    except (PrecacheError, OSError) as e:
        print(f"sw-precache: {e}", file=sys.stderr)
        return 1
    print(f"sw-precache: {count} files, {size} bytes, version {ver}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
