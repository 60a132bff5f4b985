"""scripts/sw-precache.py, the Trunk post_build hook that writes the service
worker's file list and version into the staged site."""

import importlib.util
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("sw_precache", ROOT / "scripts" / "sw-precache.py")
sw_precache = importlib.util.module_from_spec(spec)
spec.loader.exec_module(sw_precache)


@pytest.fixture
def site(tmp_path):
    """A staged site like Trunk's: the real www/sw.js, the page, workers, a sub-folder."""
    (tmp_path / "sw.js").write_text((ROOT / "www" / "sw.js").read_text(encoding="utf-8"), encoding="utf-8")
    for name, body in {
        "index.html": "<!doctype html>",
        "worker.js": "importScripts()",
        "tagger-worker.js": "glue",
        "tagger-worker_bg.wasm": "\0asm",
        "app-1a2b_bg.wasm": "\0asm",
        "fonts/a b.woff2": "font",
    }.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(body, encoding="utf-8")
    return tmp_path


def written(site):
    text = (site / "sw.js").read_text(encoding="utf-8")
    ver = re.search(r'const VERSION = "([0-9a-f]+)";', text).group(1)
    files = json.loads(re.search(r"const FILES = (\[.*?\]);", text, re.S).group(1))
    return ver, files


def test_lists_every_file_but_itself_as_relative_urls_and_each_worker_url(site):
    count, size, ver = sw_precache.precache(site)
    got_ver, files = written(site)
    assert got_ver == ver and len(ver) == 16
    assert files == [
        "app-1a2b_bg.wasm",
        "fonts/a%20b.woff2",
        "index.html",
        "tagger-worker.js",
        "tagger-worker_bg.wasm",
        "worker.js",
        "worker.js?name=tagger-worker",
    ]
    assert count == 6 and size == sum(p.stat().st_size for p in site.rglob("*") if p.is_file() and p.name != "sw.js")


def test_any_changed_byte_is_a_new_version_and_the_same_site_the_same(site, tmp_path_factory):
    template = (site / "sw.js").read_text(encoding="utf-8")
    _, _, first = sw_precache.precache(site)
    (site / "sw.js").write_text(template, encoding="utf-8")
    assert sw_precache.precache(site)[2] == first
    (site / "sw.js").write_text(template, encoding="utf-8")
    (site / "fonts" / "a b.woff2").write_text("fonT", encoding="utf-8")
    assert sw_precache.precache(site)[2] != first


def test_a_worker_already_written_or_a_missing_page_is_refused(site):
    sw_precache.precache(site)
    with pytest.raises(sw_precache.PrecacheError, match="once"):
        sw_precache.precache(site)
    (site / "index.html").unlink()
    assert sw_precache.main(["sw-precache", str(site)]) == 1
