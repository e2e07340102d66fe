"""Search index benchmark: build time, index size, bytes fetched per query, query time in Chromium.

    .venv/bin/python bench/search_bench.py [N] [--out DIR] [--no-browser] [--pagefind BIN]

Makes N synthetic documents by recombining paragraphs of source_texts/*.txt (both scripts via
OpenCC; a document's headings and paragraphs are drawn at random, seeded), builds the index
with reformdocs.search.build_index, writes it with a one-page fixture site to DIR (default
bench/out/search-N), serves that on 127.0.0.1 and measures each sample query in a fresh
headless Chromium context: bytes fetched until the first result is on screen (search.js
included, raw and gzip), then the time of the same query once its files are cached and of a
new query once the manifest is loaded.

``--pagefind BIN`` (a ``pagefind_extended`` binary, e.g. from ``pip install 'pagefind[extended]'``
in a scratch virtualenv) also indexes the same documents with Pagefind and compares phrase
recall and precision on random phrases, and checks whether Pagefind loads under ``file://``.
"""
from __future__ import annotations

import argparse
import functools
import gzip
import random
import re
import shutil
import sys
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reformdocs.search import SearchIndex, SearchSection, build_index, write_index  # noqa: E402

QUERIES = [
    "经济发展",  # very common phrase
    "綜合配套改革",  # Traditional input
    "税",  # one character
    "鄂州",  # two characters
    "探索土地前期手续整体打包统一出让机制",  # long
    "PM2.5",
    "2020年",
    "GDP",
    "改革 创新",  # two words
    "量子计算机",  # absent
]
_PINYIN = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")
_CHROME = re.compile(r"冰豆网|上传人|文档编号|下载|点击|阅读|首页|当前位置|您现在的位置|相关|举报|第\d+页")
_HEADING = re.compile(r"^([一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|（[一二三四五六七八九十]+）|\d+[\.、])")


def pools():
    import opencc

    t2s = opencc.OpenCC("t2s.json")
    s2t = opencc.OpenCC("s2t.json")
    paragraphs, headings, titles = [], [], []
    for path in sorted((ROOT / "source_texts").glob("*.txt")):
        original = "hant" if path.name.startswith("001") else "hans"
        for line in path.read_text(encoding="utf-8", errors="replace").split("\n"):
            line = _PINYIN.sub("", line).strip()
            if len(line) < 4 or "?" in line or "\ufffd" in line or _CHROME.search(line):
                continue
            pair = (t2s.convert(line), line) if original == "hant" else (line, s2t.convert(line))
            if len(line) <= 24 and _HEADING.match(line):
                headings.append(pair)
            elif 20 <= len(line) <= 60 and not _HEADING.match(line):
                titles.append(pair)
                paragraphs.append(pair)
            elif len(line) > 24:
                paragraphs.append(pair)
    return paragraphs, headings, titles


def synthetic_sections(n_docs: int, seed: int = 1) -> list[SearchSection]:
    paragraphs, headings, titles = pools()
    rng = random.Random(seed)
    out = []
    for d in range(n_docs):
        th, tt = rng.choice(titles)
        url = f"documents/doc-{d:05d}/"
        n_sec = rng.randint(4, 36)
        for s in range(n_sec):
            hh, ht = ("", "") if s == 0 else rng.choice(headings)
            paras = [rng.choice(paragraphs) for _ in range(rng.randint(1, 4))]
            out.append(SearchSection(
                url, "" if s == 0 else f"s{s}", th, tt, hh, ht,
                "\n".join(p[0] for p in paras), "\n".join(p[1] for p in paras),
            ))
    return out


PAGE = """<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>bench</title>
<link rel="icon" href="data:,"></head><body>
<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">
<header class="md-header"><nav class="md-header__inner md-grid"></nav></header>
<script src="../../assets/search/search.js"></script></body></html>
"""


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def kb(n: float) -> str:
    return f"{n / 1024:,.0f} kB" if n < 10 * 1024 * 1024 else f"{n / 1024 / 1024:,.1f} MB"


def browser_measure(out: Path, index: SearchIndex) -> None:
    from playwright.sync_api import sync_playwright

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(out)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/documents/x/"
    args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--no-first-run", "--disable-sync"]
    print("\nfiles/fetched/gzip: .js files loaded (search.js, manifest, shards, text) until the first result shows")
    print(f"{'query':<22} {'results':>7} {'files':>5} {'fetched':>9} {'gzip':>8} {'first result':>12}"
          f" {'cached':>7} {'after manifest':>14}")
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=args, headless=True)
            for q in QUERIES:
                ctx = browser.new_context()
                page = ctx.new_page()
                bodies: list[tuple[str, bytes]] = []
                page.on("response", lambda r: bodies.append((r.url, r.body())) if r.url.endswith(".js") else None)
                page.goto(base)
                t0 = time.perf_counter()
                page.fill(".md-search__input", q)
                page.wait_for_selector('.md-search-result__item, .md-search-result[data-rd-state="done"]',
                                       timeout=60000)
                first_ms = (time.perf_counter() - t0) * 1000
                resources = page.evaluate(
                    "performance.getEntriesByType('resource').filter(e => e.name.endsWith('.js'))"
                    ".map(e => e.name)")
                page.wait_for_selector(
                    f'.md-search-result[data-rd-state="done"][data-rd-query="{q}"]', timeout=60000)
                seen = {u: b for u, b in bodies}
                first = [seen[u] for u in resources if u in seen]
                fetched = sum(len(b) for b in first)
                zipped = sum(len(gzip.compress(b, 6)) for b in first)
                n_results = page.evaluate("window.reformdocsSearch.timing.results")
                cached = page.evaluate(
                    "q => { const t = performance.now(); return window.reformdocsSearch.run(q)"
                    ".then(() => performance.now() - t); }", q)
                # a different query on a page whose manifest is loaded but not this query's shards
                ctx2 = browser.new_context()
                page2 = ctx2.new_page()
                page2.goto(base)
                page2.evaluate("window.reformdocsSearch.loadManifest()")
                fresh = page2.evaluate(
                    "q => { const t = performance.now(); return window.reformdocsSearch.run(q)"
                    ".then(() => performance.now() - t); }", q)
                ctx2.close()
                print(f"{q[:20]:<22} {n_results:>7} {len(first):>5} {kb(fetched):>9} {kb(zipped):>8}"
                      f" {first_ms:>9.0f} ms {cached:>4.0f} ms {fresh:>11.0f} ms")
                py = index.search(q)
                assert len(py) == n_results, (q, len(py), n_results)
                ctx.close()
            browser.close()
    finally:
        server.shutdown()
        server.server_close()


def pagefind_compare(sections: list[SearchSection], binary: str, out: Path, n_queries: int = 150) -> None:
    """Phrase recall/precision of Pagefind against this index, per document, on random phrases."""
    import html
    import subprocess

    import opencc
    from playwright.sync_api import sync_playwright

    from reformdocs.search import normalize

    s2t = opencc.OpenCC("s2t.json")
    site = out / "pagefind-site"
    shutil.rmtree(site, ignore_errors=True)
    docs: dict[str, list[SearchSection]] = {}
    for s in sections:
        docs.setdefault(s.url, []).append(s)
    for url, ss in docs.items():
        body = "".join((f'<h2 id="{s.anchor}">{html.escape(s.heading_hans)}</h2>' if s.anchor else "")
                       + f"<p>{html.escape(s.text_hans)}</p>" for s in ss)
        title = html.escape(ss[0].doc_title_hans)
        path = site / url / "index.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f'<!doctype html><html lang="zh-cn"><head><meta charset="utf-8"><title>{title}</title>'
                        f"</head><body><main><h1>{title}</h1>{body}</main></body></html>", encoding="utf-8")
    t = time.perf_counter()
    subprocess.run([binary, "--site", str(site)], check=True, capture_output=True)
    size = sum(f.stat().st_size for f in (site / "pagefind").rglob("*") if f.is_file())
    print(f"\nPagefind: indexed {len(docs)} pages in {time.perf_counter() - t:.1f} s, {kb(size)}")
    index = SearchIndex(build_index(sections))
    text = {url: "\0".join([normalize(ss[0].doc_title_hans)]
                           + [normalize(s.heading_hans) + "\0" + normalize(s.text_hans) for s in ss])
            for url, ss in docs.items()}
    rng = random.Random(11)
    bench = []
    while len(bench) < n_queries:
        s = rng.choice(sections)
        norm = normalize(s.text_hans)
        n = rng.choice([2, 3, 4, 5, 6, 8])
        if len(norm) <= n:
            continue
        i = rng.randrange(len(norm) - n)
        q = norm[i : i + n]
        if all("\u4e00" <= c <= "\u9fff" for c in q):
            trad = rng.random() < 0.3
            bench.append((s2t.convert(q) if trad else q, trad, {u for u, t in text.items() if q in t}))
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    first = next(iter(docs))
    stats = {k: [0, 0, 0, 0] for k in ("pagefind", "pagefind, Simplified queries", "this index")}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True,
                                        args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/{first}")
            page.evaluate("async () => { window.pf = await import('/pagefind/pagefind.js'); await window.pf.init(); }")
            for q, trad, expected in bench:
                urls = page.evaluate("async q => { const r = await window.pf.search(q);"
                                     " const d = await Promise.all(r.results.slice(0, 400).map(x => x.data()));"
                                     " return d.map(x => x.url); }", q)
                got = {u.lstrip("/") for u in urls}
                ours = {r.url for r in index.search(q)}
                runs = [("pagefind", got), ("this index", ours)] + ([] if trad else [("pagefind, Simplified queries", got)])
                for name, g in runs:
                    st = stats[name]
                    st[0] += expected <= g
                    st[1] += 1
                    st[2] += len(g - expected)
                    st[3] += len(g)
            offline = browser.new_page()
            offline.goto((site / first / "index.html").as_uri())
            try:
                offline.evaluate("async () => { const pf = await import('../../pagefind/pagefind.js');"
                                 " await pf.init(); return (await pf.search('改革')).results.length; }")
                print("Pagefind under file://: loads")
            except Exception as e:  # noqa: BLE001 - report whatever Chromium says
                print("Pagefind under file://: fails:", str(e).splitlines()[0][:160])
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    for name, (ok, total, wrong, res) in stats.items():
        print(f"{name:<30} every page with the phrase returned: {ok}/{total} = {ok / total:.0%};"
              f" results without the phrase: {wrong}/{res} = {wrong / max(res, 1):.0%}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("n", nargs="?", type=int, default=2000)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--no-browser", action="store_true")
    ap.add_argument("--reuse", action="store_true", help="measure the index already in --out, do not rebuild")
    ap.add_argument("--pagefind", metavar="BIN", help="compare with Pagefind (path to pagefind_extended)")
    args = ap.parse_args()
    out = args.out or ROOT / "bench" / "out" / f"search-{args.n}"

    client = ROOT / "reformdocs/assets/search/search.js"
    if args.reuse and (out / "search/manifest.js").exists():
        files = {str(p.relative_to(out / "search")): p.read_bytes() for p in (out / "search").rglob("*.js")}
        shutil.copy(client, out / "assets/search/search.js")
        print(f"reusing {out}: {len(files):,} files, {kb(sum(map(len, files.values())))}")
        sections = None
    else:
        t = time.perf_counter()
        sections = synthetic_sections(args.n)
        chars = sum(len(s.text_hans) + len(s.heading_hans) for s in sections)
        print(f"corpus: {args.n} documents, {len(sections):,} sections, {chars:,} characters per script "
              f"({time.perf_counter() - t:.1f} s to make)")
        t, cpu = time.perf_counter(), time.process_time()
        files = build_index(sections)
        build_s, build_cpu = time.perf_counter() - t, time.process_time() - cpu
        print(f"build_index: {build_s:.1f} s ({build_cpu:.1f} s CPU), {len(files):,} files, "
              f"{kb(sum(map(len, files.values())))} total")
        if out.exists():
            shutil.rmtree(out)
        write_index(files, out / "search")
        (out / "assets/search").mkdir(parents=True)
        shutil.copy(client, out / "assets/search/search.js")
        (out / "documents/x").mkdir(parents=True)
        (out / "documents/x/index.html").write_text(PAGE, encoding="utf-8")
    groups = {"postings p/": "p/", "text t/hans/": "t/hans/", "patches t/hant/": "t/hant/", "manifest": "manifest"}
    for label, prefix in groups.items():
        sel = [v for k, v in files.items() if k.startswith(prefix)]
        sizes = sorted(map(len, sel))
        print(f"  {label:<15} {len(sel):>6} files {kb(sum(sizes)):>9}  median {kb(sizes[len(sizes) // 2]):>7}"
              f"  max {kb(sizes[-1]):>7}")
    print(f"  search.js {kb(client.stat().st_size)}")

    index = SearchIndex(files)
    t = time.perf_counter()
    for q in QUERIES:
        index.search(q)
    print(f"Python reference: {len(QUERIES)} queries in {time.perf_counter() - t:.2f} s")

    if not args.no_browser:
        browser_measure(out, index)
    if args.pagefind:
        pagefind_compare(sections or synthetic_sections(args.n), args.pagefind, out)


if __name__ == "__main__":
    main()
