"""The offline copy in Chromium: unzipped to a folder, opened from file:// with the network off.

Every request that is not file:// is aborted and recorded, and the browser context is offline:
navigation, the edition switch, glossary links and search must all work from the folder alone.
Also: printing a document page (print stylesheet) gives the document alone.
"""
from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest

from reformdocs.downloads import OFFLINE_ZIP
from reformdocs.offline import FOLDER

# (query, page it is typed on): Simplified and Traditional queries, on pages of both editions.
SEARCHES = [("鄂州", ""), ("两型社会", ""), ("資源型經濟轉型", ""), ("行政审批", ""),
            ("銅官區", "zh-Hant/"), ("招商引资", "zh-Hant/"), ("生態補償", "zh-Hant/"), ("综合配套改革", "zh-Hant/")]


@pytest.fixture(scope="module")
def offline_root(built_site, tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(built_site / OFFLINE_ZIP) as zf:
        zf.extractall(root)
    return root / FOLDER


@pytest.fixture(scope="module")
def records(offline_root) -> list[dict]:
    lines = (offline_root / "downloads/corpus.jsonl").read_text("utf-8").splitlines()
    return [json.loads(line) for line in lines]



@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_offline(True)
    blocked: list[str] = []

    def only_files(route):
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    context.route("**/*", only_files)
    pg = context.new_page()
    pg.blocked = blocked
    pg.errors = []
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    # Material's bundle probes sitemap.xml on every page (for instant navigation and hreflang
    # alternates) and copes when it fails, as fetch() of file:// always does; any other failed load
    # is a missing file.
    pg.on("requestfailed", lambda r: None if r.url.endswith("/sitemap.xml") else pg.errors.append(f"failed: {r.url}"))
    yield pg
    context.close()


def open_file(page, root: Path, rel: str):
    page.goto((root / rel).as_uri())
    page.wait_for_load_state("load")


def h1(page) -> str:
    """The page title as shown, without its permalink mark."""
    return page.evaluate("""() => { const h = document.querySelector('h1').cloneNode(true);
        h.querySelectorAll('.headerlink').forEach(a => a.remove()); return h.textContent.trim(); }""")


def slug_of(url: str) -> str:
    return re.search(r"/documents/([^/]+)/index\.html", url).group(1)


def expected_docs(records: list[dict], query: str) -> set[str]:
    """Documents with a section (heading or text) or a title holding the query, in either script."""
    def has(text: str) -> bool:
        return query in re.sub(r"\s", "", text)
    return {r["doc"] for r in records for lang in ("zh-Hans", "zh-Hant")
            if has(r["heading"][lang]) or has(r["text"][lang]) or has(r["document"]["title"][lang])}


def test_navigation_from_the_home_page(page, offline_root, records):
    open_file(page, offline_root, "index.html")
    assert "改革文件库" in page.text_content("h1")
    assert "offline copy" in page.text_content(".home-downloads")  # no dead link to the zip itself
    titles = {r["doc"]: r["document"]["title"]["zh-Hans"] for r in records}
    page.click("table.catalogue tbody tr:nth-child(2) a")
    page.wait_for_load_state("load")
    slug = slug_of(page.url)
    assert page.url.startswith("file://") and h1(page) == titles[slug]
    assert page.query_selector_all("h2[id^='s'], h3[id^='s']")
    for href in page.eval_on_selector_all(".doc-downloads a", "els => els.map(e => e.href)"):
        assert Path(href[len("file://"):]).is_file(), href
    page.click(".md-tabs__link >> nth=0")  # the first tab is the home page
    page.wait_for_load_state("load")
    assert page.url == (offline_root / "index.html").as_uri()
    page.click("text=数据下载 Data downloads")
    page.wait_for_load_state("load")
    assert page.url.endswith("/data/index.html") and page.query_selector("#licence")
    assert page.blocked == [] and page.errors == []


def test_edition_switch_keeps_the_page(page, offline_root, records):
    slug = records[0]["doc"]
    open_file(page, offline_root, f"documents/{slug}/index.html")
    page.hover(".md-header__option .md-select")
    page.click('a[data-edition-switch][hreflang="zh-Hant"]')
    page.wait_for_url(re.compile(rf"/zh-Hant/documents/{slug}/index\.html"))
    assert h1(page) == records[0]["document"]["title"]["zh-Hant"]
    page.hover(".md-header__option .md-select")
    page.click('a[data-edition-switch][hreflang="zh-Hans"]')
    page.wait_for_url(re.compile(rf"/documents/{slug}/index\.html"))
    assert "/zh-Hant/" not in page.url
    assert h1(page) == records[0]["document"]["title"]["zh-Hans"]
    assert page.blocked == [] and page.errors == []


def test_glossary_links_work_offline(page, offline_root):
    pages = sorted((offline_root / "documents").glob("*/index.html"))
    with_terms = [p for p in pages if 'class="gloss-term"' in p.read_text("utf-8")]
    assert with_terms, "document pages link glossary terms"
    page.goto(with_terms[0].as_uri())
    href = page.get_attribute("a.gloss-term", "href")
    page.click("a.gloss-term")
    page.wait_for_load_state("load")
    anchor = href.split("#", 1)[1]
    assert "/glossary/index.html" in page.url and page.query_selector(f'[id="{anchor}"]')
    assert page.blocked == [] and page.errors == []


def type_query(page, query: str):
    page.keyboard.press("/")  # Material's shortcut opens the search dialog
    page.fill(".md-search__input", query, timeout=10000)
    page.wait_for_selector(
        f'.md-search-result[data-rd-state="done"][data-rd-query="{query}"], '
        '.md-search-result[data-rd-state="error"]', timeout=15000)
    assert page.get_attribute(".md-search-result", "data-rd-state") == "done"


@pytest.mark.parametrize("query,prefix", SEARCHES)
def test_search_finds_the_documents_offline(page, offline_root, records, query, prefix):
    slug = records[0]["doc"]
    open_file(page, offline_root, f"{prefix}documents/{slug}/index.html")
    type_query(page, query)
    links = page.eval_on_selector_all(".md-search-result__link", "els => els.map(e => e.href)")
    assert links and all(h.startswith("file://") and "/index.html" in h for h in links)
    assert all(("/zh-Hant/" in h) == bool(prefix) for h in links)  # results in the page's edition
    assert {slug_of(h) for h in links} == expected_docs(records, query)
    first = links[0]
    page.click(".md-search-result__link >> nth=0")
    page.wait_for_load_state("load")
    assert page.url == first
    if "#" in first:
        assert page.query_selector(f'[id="{first.split("#", 1)[1]}"]')
    assert page.blocked == [] and page.errors == []


def test_printing_a_document_gives_the_document_alone(page, offline_root, tmp_path):
    slug = sorted(p.parent.name for p in (offline_root / "documents").glob("*/index.html"))[0]
    open_file(page, offline_root, f"documents/{slug}/index.html")
    page.emulate_media(media="print")
    hidden = page.evaluate("""() => ['.md-header', '.md-tabs', '.md-sidebar--primary', '.md-sidebar--secondary',
        '.md-footer', '.doc-downloads', 'details.cite'].map(s => document.querySelector(s))
        .filter(e => e && getComputedStyle(e).display !== 'none').map(e => e.className)""")
    assert hidden == []
    assert page.evaluate("getComputedStyle(document.querySelector('h2[id^=s]')).breakAfter") == "avoid"
    meta_top = page.evaluate("document.querySelector('.doc-meta').getBoundingClientRect().top")
    first_heading = page.evaluate("document.querySelector('h2[id^=s]').getBoundingClientRect().top")
    assert meta_top < first_heading
    pdf = page.pdf(format="A4", print_background=False)
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page") >= 2
    assert page.blocked == [] and page.errors == []
