"""search.js in headless Chromium, over http and from file://, on a tiny Material-like fixture site.

The fixture has the parts of a Material page the client relies on (the #__search toggle before
a header with .md-header__inner) but no search dialog: the client must insert Material's markup
itself, as it will on the real site once Material's search plugin is disabled.
"""
from __future__ import annotations

import html
import shutil
from pathlib import Path

import pytest

from reformdocs.search import CLIENT_JS, SearchIndex, write_index
from tests.test_search import corpus, index_files

from .conftest import serve



def _material_css() -> str:
    import material

    css = sorted((Path(material.__file__).parent / "templates/assets/stylesheets").glob("main.*.min.css"))
    return css[0].read_text(encoding="utf-8") if css else ""


PAGE = """<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="{rel}assets/stylesheets/main.css"></head>
<body dir="ltr">
<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">
<header class="md-header" data-md-component="header"><nav class="md-header__inner md-grid">
<div class="md-header__title"><div class="md-header__ellipsis"><span class="md-ellipsis">{site}</span></div></div>
</nav></header>
<div class="md-container"><main class="md-main"><div class="md-main__inner md-grid"><div class="md-content">
<article class="md-content__inner md-typeset"><h1>{title}</h1>
{body}
</article></div></div></main></div>
<script src="{rel}assets/search/search.js"></script>
</body></html>
"""


# Material's partials/search.html without its data-md-component hooks, as a template override would have it
OWN_BOX = """<label class="md-header__button md-icon" for="__search">S</label>
<div class="md-search" role="dialog"><label class="md-search__overlay" for="__search"></label>
<div class="md-search__inner" role="search"><form class="md-search__form" name="search">
<input type="text" class="md-search__input" name="query" placeholder="搜索" required>
<label class="md-search__icon md-icon" for="__search"></label></form>
<div class="md-search__output"><div class="md-search__scrollwrap" tabindex="0">
<div class="md-search-result"><div class="md-search-result__meta">正在初始化搜索引擎</div>
<ol class="md-search-result__list" role="presentation"></ol></div></div></div></div></div>"""


def build_fixture(root: Path) -> None:
    write_index(index_files(), root / "search")
    (root / "assets/search").mkdir(parents=True)
    shutil.copy(CLIENT_JS, root / "assets/search/search.js")
    (root / "assets/stylesheets").mkdir(parents=True)
    (root / "assets/stylesheets/main.css").write_text(_material_css(), encoding="utf-8")
    docs: dict[str, list] = {}
    for s in corpus():
        docs.setdefault(s.url, []).append(s)
    for edition, prefix, lang in (("hans", "", "zh"), ("hant", "zh-Hant/", "zh-Hant")):
        pages = {"": ("改革文件", "")}
        for url, secs in docs.items():
            title = secs[0].doc_title_hans if edition == "hans" else secs[0].doc_title_hant
            body = []
            for s in secs:
                heading = s.heading_hans if edition == "hans" else s.heading_hant
                text = s.text_hans if edition == "hans" else s.text_hant
                if s.anchor:
                    body.append(f'<h2 id="{html.escape(s.anchor)}">{html.escape(heading)}</h2>')
                body.append(f"<p>{html.escape(text)}</p>")
            pages[url] = (title, "\n".join(body))
        if edition == "hans":  # a page whose template already has Material's search markup
            pages["own-box/"] = ("自带搜索框", "")
        for url, (title, body) in pages.items():
            depth = (prefix + url).count("/")
            page = PAGE.format(lang=lang, title=html.escape(title), body=body, rel="../" * depth, site="改革文件")
            if url == "own-box/":
                page = page.replace("</nav></header>", OWN_BOX + "</nav></header>")
            path = root / prefix / url / "index.html"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(page, encoding="utf-8")



@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("searchsite")
    build_fixture(root)
    with serve(root) as url:
        yield {"root": root, "http": url, "file": root.as_uri() + "/"}



@pytest.fixture(params=["http", "file"])
def scheme(request):
    return request.param


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.errors = []
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)
    yield pg
    context.close()


def url_of(site, scheme, path):
    base = site[scheme]
    if scheme == "file" and (path == "" or path.endswith("/")):
        path += "index.html"
    return base + path


def link(site, scheme, prefix, row):
    return url_of(site, scheme, prefix + row["url"]) + ("#" + row["anchor"] if row["anchor"] else "")


def type_query(page, query: str, paste: bool = False):
    page.keyboard.press("/")  # Material's shortcut opens the search dialog
    if paste:
        page.fill(".md-search__input", query)
    else:
        page.keyboard.press("Control+A")
        page.keyboard.press("Backspace")
        page.keyboard.type(query)
    page.wait_for_selector(
        f'.md-search-result[data-rd-state="done"][data-rd-query="{query}"], '
        f'.md-search-result[data-rd-state="error"]',
        timeout=15000,
    )
    assert page.get_attribute(".md-search-result", "data-rd-state") == "done"


def grouped(results, visible=3):
    """The reference's ranked sections as the client first displays them: by document, the
    best ``visible`` of each (the rest wait in a closed "more" box)."""
    order: dict[int, list[int]] = {}
    for r in results:
        order.setdefault(r.doc, []).append(r.section)
    return [s for secs in order.values() for s in secs[:visible]]


REF = SearchIndex(index_files())
QUERIES = ["经济转型", "經濟轉型", "综合配套改革", "税", "鄂州", "两型社会", "PM2.5", "ｇｄｐ", "2013-2015年",
           "太原 金融", '"综合 配套"', "资讯共享", "探索土地前期手續整體打包統一出讓機制", "量子计算机", "（一）"]


def test_client_ranking_mirrors_the_reference(site, scheme, page):
    page.goto(url_of(site, scheme, "zh-Hant/documents/ezhou/"))
    for q in QUERIES:
        got = page.evaluate(
            "q => window.reformdocsSearch.search(q).then(o => o.results.map("
            "r => [r.section, r.tier, r.occurrences, r.first[0], r.first[1]]))", q)
        want = [[r.section, r.tier, r.occurrences, r.first[0], r.first[1]] for r in REF.search(q)]
        assert got == want, q
    assert page.errors == []


def test_client_restores_both_scripts_exactly(site, page):
    page.goto(url_of(site, "file", "zh-Hant/"))
    page.evaluate("window.reformdocsSearch.loadManifest()")
    got = page.evaluate("n => Promise.all([...Array(n).keys()].map(s => window.reformdocsSearch.sectionRow(s)))",
                        len(corpus()))
    for s, row in enumerate(got):
        want = REF.section_row(s, "hant")
        assert {k: row[k] for k in want} == want
    page.goto(url_of(site, "file", ""))
    page.evaluate("window.reformdocsSearch.loadManifest()")
    row = page.evaluate("window.reformdocsSearch.sectionRow(5)")
    assert {k: row[k] for k in REF.section_row(5, "hans")} == REF.section_row(5, "hans")


def test_traditional_page_shows_traditional_results_in_its_edition(site, scheme, page):
    page.goto(url_of(site, scheme, "zh-Hant/documents/taiyuan-2013/"))
    assert page.query_selector(".md-search [data-md-component]") is None  # Material's bundle leaves it alone
    type_query(page, "经济转型")  # typed in Simplified
    links = page.eval_on_selector_all(".md-search-result__link", "els => els.map(e => e.href)")
    want = grouped(REF.search("经济转型"))
    shown = [int(x) for x in page.eval_on_selector_all("[data-rd-section]", "els => els.map(e => e.dataset.rdSection)")]
    assert shown == want[: len(shown)] and shown
    first = REF.section_row(want[0], "hant")
    assert links[0] == link(site, scheme, "zh-Hant/", first)
    assert all("/zh-Hant/documents/" in h for h in links)
    marks = set(page.eval_on_selector_all(".md-search-result mark", "els => els.map(e => e.textContent)"))
    assert marks == {"經濟轉型"}  # highlighted in the page's script
    meta = page.text_content(".md-search-result__meta")
    assert str(len(REF.search("经济转型"))) in meta
    assert page.is_checked("#__search")
    assert page.errors == []


def test_simplified_page_links_to_simplified_pages(site, scheme, page):
    page.goto(url_of(site, scheme, "documents/liangxing/"))
    type_query(page, "鄂州綜合改革")  # typed in Traditional
    links = page.eval_on_selector_all(".md-search-result__link", "els => els.map(e => e.href)")
    assert links and all("zh-Hant" not in h and "/documents/ezhou/" in h for h in links)
    marks = set(page.eval_on_selector_all(".md-search-result mark", "els => els.map(e => e.textContent)"))
    assert marks == {"鄂州综合改革"}
    assert page.errors == []


def test_enter_opens_the_best_section(site, scheme, page):
    page.goto(url_of(site, scheme, ""))
    type_query(page, "行政審批")
    best = REF.section_row(REF.search("行政審批")[0].section, "hans")
    assert best["anchor"]
    page.keyboard.press("Enter")
    page.wait_for_url(lambda u: "#" + best["anchor"] in u, timeout=10000)
    assert page.url == link(site, scheme, "", best)
    assert page.query_selector(f'[id="{best["anchor"]}"]') is not None


def test_keyboard_and_absent_phrase(site, scheme, page):
    page.goto(url_of(site, scheme, "documents/tongguan/"))
    assert not page.is_checked("#__search")
    type_query(page, "量子计算机")
    assert page.text_content(".md-search-result__meta") == "没有找到符合条件的结果"
    assert page.query_selector_all(".md-search-result__item") == []
    page.keyboard.press("Escape")
    assert not page.is_checked("#__search")
    type_query(page, "鄂州")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("document.activeElement.dataset.rdSection")
    assert focused is not None
    assert page.errors == []


def test_http_fetches_only_what_a_query_needs(site, page):
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(url_of(site, "http", "zh-Hant/"))
    before = len(requested)
    type_query(page, "綜合配套改革", paste=True)
    fetched = requested[before:]
    assert all(u.startswith(site["http"] + "search/") for u in fetched)
    assert site["http"] + "search/manifest.js" in fetched
    shards = [u for u in fetched if "/search/p/" in u]
    assert 1 <= len(shards) <= 3  # bigrams at offsets 0, 2, 4 of a six-character phrase
    # Traditional page: Simplified text chunks plus their small Traditional patches and the map
    assert any("/search/t/hant/" in u for u in fetched) and site["http"] + "search/t/hant/map.js" in fetched
    page.screenshot(path=str(site["root"] / "screenshot.png"))


def test_more_sections_of_a_document_load_when_opened(site, scheme, page):
    page.goto(url_of(site, scheme, "zh-Hant/"))
    type_query(page, "改革")
    ref = grouped(REF.search("改革"), visible=10**6)
    details = page.query_selector(".md-search-result__more")
    assert details is not None
    before = len(page.query_selector_all("[data-rd-section]"))
    details.query_selector("summary").click()
    page.wait_for_function(f"document.querySelectorAll('[data-rd-section]').length > {before}")
    inside = [int(x) for x in details.eval_on_selector_all("[data-rd-section]", "els => els.map(e => e.dataset.rdSection)")]
    first_group = [s for s in ref if REF.doc_of[s] == REF.doc_of[ref[0]]]
    assert inside == first_group[3:]
    assert all("/zh-Hant/" in h for h in details.eval_on_selector_all("a", "els => els.map(e => e.href)"))
    assert page.errors == []


def test_ime_composition_searches_only_the_committed_text(site, page):
    page.goto(url_of(site, "file", "zh-Hant/"))
    page.keyboard.press("/")
    page.evaluate("""() => {
        const input = document.querySelector('.md-search__input');
        input.dispatchEvent(new CompositionEvent('compositionstart', {data: ''}));
        input.value = 'gaige';
        input.dispatchEvent(new InputEvent('input', {data: 'gaige', isComposing: true}));
    }""")
    page.wait_for_timeout(300)
    assert page.get_attribute(".md-search-result", "data-rd-state") is None  # nothing searched yet
    page.evaluate("""() => {
        const input = document.querySelector('.md-search__input');
        input.value = '改革';
        input.dispatchEvent(new CompositionEvent('compositionend', {data: '改革'}));
        input.dispatchEvent(new InputEvent('input', {data: '改革', isComposing: false}));
    }""")
    page.wait_for_selector('.md-search-result[data-rd-state="done"][data-rd-query="改革"]')
    assert page.query_selector_all(".md-search-result__item")
    assert page.errors == []


def test_uses_the_search_box_a_template_already_has(site, scheme, page):
    page.goto(url_of(site, scheme, "own-box/"))
    assert len(page.query_selector_all(".md-search")) == 1
    type_query(page, "两型社会")
    assert page.query_selector_all(".md-search-result__item")
    assert page.get_attribute(".md-search__input", "placeholder") == "搜索"
    assert page.errors == []
