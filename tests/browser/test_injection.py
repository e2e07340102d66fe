"""Injection attempts in headless Chromium: a text full of script, HTML, Markdown and template
payloads (body, headings, title, sidecar) is built; its page is opened in both editions and every
element of the article is hovered and clicked, every link followed. No dialog may open, no payload
may run (each one tries to set window.__pwned), nothing may be fetched from a payload's URL, and
every payload must be readable on the page as text."""
from __future__ import annotations

import pytest

from .. import hostile
from ..conftest import build_site
from .conftest import serve

PAGE = f"documents/{hostile.INJECTION_SLUG}/"



@pytest.fixture(scope="module")
def root(tmp_path_factory):
    folder = hostile.write_injection_corpus(tmp_path_factory.mktemp("injection") / "src")
    dest = tmp_path_factory.mktemp("injection-site") / "site"
    result = build_site(dest, env={"REFORMDOCS_SOURCES": str(folder)})
    assert result.returncode == 0, result.stderr
    with serve(dest) as url:
        yield url



class Watch:
    """Dialogs opened and suspicious requests made by a page, and whether a payload ran."""

    def __init__(self, page, root: str):
        self.page, self.root = page, root
        self.dialogs: list[str] = []
        self.requests: list[str] = []
        page.on("dialog", self._dialog)
        page.on("request", self._request)

    def _dialog(self, dialog):
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def _request(self, request):
        url = request.url
        if not url.startswith(self.root) or url.rstrip("/").endswith(("/x", "/y")):
            self.requests.append(url)

    def assert_clean(self, where: str):
        assert self.dialogs == [], where
        assert self.requests == [], where
        assert self.page.evaluate("typeof window.__pwned") == "undefined", where


@pytest.mark.parametrize("prefix", ["", "zh-Hant/"])
def test_nothing_runs_and_every_payload_reads_as_text(browser, root, prefix):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    watch = Watch(page, root)
    url = root + prefix + PAGE
    assert page.goto(url).ok
    page.wait_for_load_state("load")
    watch.assert_clean("on load")

    text = page.evaluate("document.body.innerText")
    ascii_payloads = [p for p in hostile.ALL_PAYLOADS if p.isascii()]
    expected = hostile.PAYLOADS + tuple(hostile.SIDECAR_PAYLOADS.values()) if not prefix else ascii_payloads
    assert [p for p in expected if p not in text and p not in hostile.HEADING_PAYLOADS] == []
    if not prefix:
        assert page.title().startswith(hostile.SIDECAR_PAYLOADS["title"])

    count = page.locator("article *").count()
    assert count > 100
    followed = 0
    for i in range(count):
        element = page.locator("article *").nth(i)
        if not element.is_visible():
            continue
        element.hover(timeout=2000)
        href = element.get_attribute("href") if element.evaluate("e => e.tagName") == "A" else None
        element.click(timeout=2000, no_wait_after=href is None)
        if page.url.split("#")[0] != url:  # a link to another page: look there too, then come back
            page.wait_for_load_state("load")
            watch.assert_clean(f"after following {href}")
            followed += 1
            page.goto(url)
        watch.assert_clean(f"after clicking element {i}")
    assert followed >= 1
    context.close()


@pytest.mark.parametrize("query", ["pwned", "<script>", "onerror", "javascript:"])
def test_search_results_show_payloads_as_text(browser, root, query):
    """The search dialog renders titles, headings and snippets of the text: as text too."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    watch = Watch(page, root)
    assert page.goto(root + PAGE).ok
    page.keyboard.press("/")  # Material's shortcut opens the search dialog
    page.fill(".md-search__input", query)
    page.wait_for_selector(f'.md-search-result[data-rd-state="done"][data-rd-query="{query}"]', timeout=15000)
    results = page.locator(".md-search-result")
    shown = results.inner_text()
    assert query in shown
    for i in range(results.locator("a").count()):
        results.locator("a").nth(i).hover(timeout=2000)
    watch.assert_clean(f"search for {query!r}")
    context.close()
