"""Search benchmark on the REAL site (the bundled source texts), both editions.

    .venv/bin/python bench/search_site_bench.py [--site DIR] [--rebuild] [--repeat N]

Prints:

* index build time: ``search.build_index(search.corpus_sections(docs))`` timed directly in
  Python on the processed corpus (``reformdocs.sources.read_sources`` +
  ``reformdocs.pipeline.process_corpus``; the pipeline itself is not timed), best and median of
  ``--repeat`` runs;
* index size: files and bytes (raw and gzip) of what ``build_index`` returns, per kind
  (manifest, posting shards, Simplified text chunks, Traditional patches and map);
* for each sample query, on a page of each edition, in a fresh headless Chromium context (cold
  cache): the bytes fetched under ``search/`` from the first key press (``/``, which loads the
  manifest) until the client marks the query done (``data-rd-state="done"``), manifest
  included (response body sizes; the local server does not compress): typed key by key, as a
  reader does (each partial query fetches its own shards, and its text chunks if it finished
  before the next key, so the figure varies a little with timing), and pasted at once (the
  minimum for that query); and the
  keystroke-to-results time: from the last key event of the query to ``done``, measured in
  the page with ``performance.now()``; then the same "warm" (all queries typed one after another
  in one page, so the manifest and shards already fetched are reused). Medians over queries.

The site is ``site/`` when it holds a search index (``site/search/manifest.js``), else (or with
``--rebuild``) the real site built into a temporary folder with ``tests.conftest.build_site``
(``mkdocs build --strict``). For the synthetic 2,000-document figures (build time and index
size at scale, bytes per query, comparison with Pagefind) see ``bench/search_bench.py``.
"""
from __future__ import annotations

import argparse
import functools
import gzip
import statistics
import sys
import tempfile
import threading
import time
from collections import defaultdict
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reformdocs import pipeline, search, sources  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]
START_PAGE = "documents/ezhou-comprehensive-reform-account/"
EDITIONS = {"hans": "", "hant": "zh-Hant/"}
QUERIES = [
    "综合配套改革",  # common phrase, also in a title
    "養老保險",  # typed in Traditional
    "两型社会",
    "先行先试",
    "城乡一体化",
    "發改委",  # Traditional, short
    "13343万美元",  # number
    "GDP",  # Latin
    "改革",  # most sections of every document
    "公共服务 均等化",  # two words
    "量子计算机",  # absent
]

# In the page: the time of the last key event, and of the client's "done" for a given query.
TIMING_JS = """() => {
  window.__bench = {lastKey: null, done: {}};
  const key = () => { window.__bench.lastKey = performance.now(); };
  window.addEventListener('keydown', key, true);
  window.addEventListener('beforeinput', key, true);
  const watch = () => {
    const r = document.querySelector('.md-search-result');
    if (!r) return setTimeout(watch, 10);
    new MutationObserver(() => {
      if (r.dataset.rdState === 'done' && !(r.dataset.rdQuery in window.__bench.done))
        window.__bench.done[r.dataset.rdQuery] = performance.now() - window.__bench.lastKey;
    }).observe(r, {attributes: true, attributeFilter: ['data-rd-state', 'data-rd-query']});
  };
  watch();
}"""


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def kind_of(name: str) -> str:
    if name == "manifest.js":
        return "manifest"
    if name.startswith("p/"):
        return "postings"
    if name == "t/hant/map.js":
        return "hant map"
    if name.startswith("t/hant/"):
        return "hant patches"
    if name.startswith("t/hans/"):
        return "hans text"
    return "other"


def build_time(repeat: int) -> dict[str, bytes]:
    texts, _ = sources.read_sources(ROOT / "source_texts")
    corpus = pipeline.process_corpus(texts, len(texts))
    docs = corpus.documents
    times = []
    files: dict[str, bytes] = {}
    for _ in range(repeat):
        t0 = time.perf_counter()
        files = search.build_index(search.corpus_sections(docs))
        times.append(time.perf_counter() - t0)
    n_sections = sum(1 for _ in search.corpus_sections(docs))
    print(f"corpus: {len(docs)} documents, {n_sections} sections")
    print(f"index build time: best {min(times) * 1000:.0f} ms, median {statistics.median(times) * 1000:.0f} ms"
          f" ({repeat} runs of build_index(corpus_sections(docs)))")
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for name, data in files.items():
        k = by_kind[kind_of(name)]
        k[0] += 1
        k[1] += len(data)
        k[2] += len(gzip.compress(data, 9))
    total = [sum(v[i] for v in by_kind.values()) for i in range(3)]
    print(f"index size: {total[0]} files, {total[1] / 1024:.1f} KiB raw, {total[2] / 1024:.1f} KiB gzip")
    for kind, (n, raw, gz) in sorted(by_kind.items()):
        print(f"  {kind:<13} {n:>4} files {raw / 1024:8.1f} KiB raw {gz / 1024:8.1f} KiB gzip")
    return files


def site_dir(args) -> Path:
    site = Path(args.site)
    if not args.rebuild and (site / "search" / "manifest.js").exists():
        print(f"site: {site} (already built)")
        return site
    from tests.conftest import build_site

    dest = Path(tempfile.mkdtemp(prefix="reformdocs-site-")) / "site"
    t0 = time.perf_counter()
    result = build_site(dest)
    if result.returncode != 0:
        sys.exit(result.stderr)
    print(f"site: built into {dest} in {time.perf_counter() - t0:.1f} s (mkdocs build --strict)")
    return dest


def wait_done(page, query: str) -> None:
    page.wait_for_function(
        """q => { const r = document.querySelector('.md-search-result');
                  return r && r.dataset.rdQuery === q && ['done', 'error'].includes(r.dataset.rdState); }""",
        arg=query, timeout=30000)
    state = page.get_attribute(".md-search-result", "data-rd-state")
    if state != "done":
        raise RuntimeError(f"query {query!r} ended in state {state}")


def type_query(page, query: str) -> None:
    page.keyboard.press("/")
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    page.keyboard.type(query)


def cold_query(browser, base: str, prefix: str, query: str, paste: bool):
    """One query in a fresh context: (links shown, {search file: bytes} fetched until done,
    ms from the last key event to done). Typed key by key, or pasted at once (page.fill): typing
    also fetches what the partial queries need, so its bytes vary a little with timing."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(base + prefix + START_PAGE)
        page.wait_for_load_state("load")
        page.evaluate(TIMING_JS)
        responses = []
        page.on("response", lambda r: responses.append(r) if r.url.startswith(base + "search/") else None)
        if paste:
            page.keyboard.press("/")
            page.fill(".md-search__input", query)
        else:
            type_query(page, query)
        wait_done(page, query)
        got = list(responses)  # the responses that arrived up to "done"
        sizes = {r.url[len(base):]: len(r.body()) for r in got}
        ms = page.evaluate("q => window.__bench.done[q]", query)
        shown = page.locator(".md-search-result__list a.md-search-result__link[href]").count()
        return shown, sizes, ms
    finally:
        context.close()


def browser_figures(site: Path) -> None:
    from playwright.sync_api import sync_playwright

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
            for edition, prefix in EDITIONS.items():
                print(f"\n{edition} edition ({prefix or '/'}{START_PAGE}), cold: fresh context per query")
                print(f"  {'query':<16} {'shown':>5} {'files':>5} {'bytes':>8} {'manifest':>8} {'key->done ms':>12}"
                      f" {'pasted: files':>13} {'bytes':>8}")
                cold_bytes, cold_ms, paste_bytes = [], [], []
                for q in QUERIES:
                    n, sizes, ms = cold_query(browser, base, prefix, q, paste=False)
                    _, psizes, _ = cold_query(browser, base, prefix, q, paste=True)
                    total = sum(sizes.values())
                    cold_bytes.append(total)
                    cold_ms.append(ms)
                    paste_bytes.append(sum(psizes.values()))
                    print(f"  {q:<16} {n:>5} {len(sizes):>5} {total:>8} {sizes.get('search/manifest.js', 0):>8}"
                          f" {ms:12.1f} {len(psizes):>13} {paste_bytes[-1]:>8}")
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                page = context.new_page()
                page.goto(base + prefix + START_PAGE)
                page.evaluate(TIMING_JS)
                warm_ms = []
                for q in QUERIES:
                    type_query(page, q)
                    wait_done(page, q)
                    warm_ms.append(page.evaluate("q => window.__bench.done[q]", q))
                    page.keyboard.press("Escape")
                context.close()
                print(f"  median bytes fetched before the first result (cold, manifest included): typed key by key "
                      f"{statistics.median(cold_bytes) / 1024:.1f} KiB (max {max(cold_bytes) / 1024:.1f} KiB), "
                      f"pasted at once {statistics.median(paste_bytes) / 1024:.1f} KiB "
                      f"(max {max(paste_bytes) / 1024:.1f} KiB)")
                print(f"  median keystroke-to-results: cold {statistics.median(cold_ms):.1f} ms"
                      f" (max {max(cold_ms):.1f}), warm (queries in sequence in one page)"
                      f" {statistics.median(warm_ms):.1f} ms (max {max(warm_ms):.1f})")
            browser.close()
    finally:
        server.shutdown()
        server.server_close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--site", default=str(ROOT / "site"), help="built site to serve (default: site/)")
    ap.add_argument("--rebuild", action="store_true", help="build the real site into a temporary folder")
    ap.add_argument("--repeat", type=int, default=5, help="runs of build_index to time")
    args = ap.parse_args()
    build_time(args.repeat)
    browser_figures(site_dir(args))


if __name__ == "__main__":
    main()
