"""The edition switch in headless Chromium, on the built site: over http and from file:// (the
offline copy), a reader keeps their place (#anchor) when switching, and later pages open in the
edition they chose."""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from reformdocs.downloads import OFFLINE_ZIP

TAIYUAN = "documents/taiyuan-resource-economy-transformation-2013-2015/"
EZHOU = "documents/ezhou-comprehensive-reform-account/"
SHOTS = Path("/tmp")



@pytest.fixture(scope="module")
def http_root(site_url):
    return site_url


@pytest.fixture(scope="module")
def file_root(built_site, tmp_path_factory):
    """The offline copy, unzipped, as a reader opens it: file:// links naming index.html."""
    root = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(built_site / OFFLINE_ZIP) as zf:
        zf.extractall(root)
    home = min(root.rglob("index.html"), key=lambda p: len(p.parts))  # the copy's top folder
    return home.parent.as_uri() + "/"



@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # fresh storage per test
    pg = context.new_page()
    errors: list[str] = []  # script errors, failed requests, HTTP errors: none expected
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    # A load cut short because the page was left (the redirect to the chosen edition) is no failure.
    pg.on("requestfailed", lambda req: req.failure != "net::ERR_ABORTED" and errors.append(
        f"failed ({req.failure}): {req.url}"))
    pg.on("response", lambda resp: resp.status >= 400 and errors.append(f"{resp.status}: {resp.url}"))
    pg.errors = errors
    yield pg
    context.close()


def path_of(pg, root: str) -> str:
    """The page's path below the site root, index.html dropped (as on the http site)."""
    url = pg.url.split("#")[0]
    assert url.startswith(root), url
    return url[len(root):].removesuffix("index.html")


def in_view(pg, anchor: str) -> bool:
    return pg.evaluate("""id => { const r = document.getElementById(id).getBoundingClientRect();
                                 return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight; }""", anchor)


def switch_to(pg, lang: str) -> None:
    """Use the header switch as a reader does: open the menu, pick the edition."""
    pg.hover(".md-header__option .md-select")
    with pg.expect_navigation():
        pg.click(f'a[data-edition-switch][hreflang="{lang}"]')
    pg.wait_for_load_state("load")


def page_url(root: str, path: str) -> str:
    """A page's address: directory URLs over http, index.html in the offline copy."""
    return root + path + ("index.html" if root.startswith("file:") else "")


@pytest.mark.parametrize("where", ["http", "file"])
def test_switch_keeps_the_section_and_later_pages_follow_the_choice(page, where, request):
    root = request.getfixturevalue(f"{where}_root")
    page.goto(page_url(root, TAIYUAN) + "#s4-2")
    assert page.evaluate("document.documentElement.lang") == "zh-Hans"
    assert in_view(page, "s4-2")
    page.screenshot(path=str(SHOTS / f"editions-{where}-1-hans-s4-2.png"))

    # The switch: same document, other edition, same section in view.
    switch_to(page, "zh-Hant")
    assert path_of(page, root) == "zh-Hant/" + TAIYUAN
    assert page.evaluate("location.hash") == "#s4-2"
    assert page.evaluate("document.documentElement.lang") == "zh-Hant"
    assert in_view(page, "s4-2")
    assert "四、重大改革" in page.inner_text("article") or "重大改革" in page.inner_text("article")
    page.screenshot(path=str(SHOTS / f"editions-{where}-2-hant-s4-2.png"))

    # The next page, by an ordinary link (the home link in the header), is in the chosen edition.
    with page.expect_navigation():
        page.click("a.md-header__button.md-logo")
    assert path_of(page, root) == "zh-Hant/"
    assert page.evaluate("document.documentElement.lang") == "zh-Hant"

    # A typed URL or bookmark of the other edition opens the chosen one, anchor kept.
    page.goto(page_url(root, EZHOU) + "#s2")
    page.wait_for_url(lambda url: "zh-Hant/" in url)
    assert path_of(page, root) == "zh-Hant/" + EZHOU
    assert page.evaluate("location.hash") == "#s2"
    page.screenshot(path=str(SHOTS / f"editions-{where}-3-hant-redirected.png"))

    # Switching back is remembered the same way.
    switch_to(page, "zh-Hans")
    assert path_of(page, root) == EZHOU and page.evaluate("location.hash") == "#s2"
    page.goto(page_url(root, "zh-Hant/" + TAIYUAN))
    page.wait_for_url(lambda url: "zh-Hant/" not in url)
    assert path_of(page, root) == TAIYUAN
    assert page.errors == []


def test_see_original_opens_the_original_without_changing_the_choice(page, http_root):
    page.goto(http_root + TAIYUAN)
    switch_to(page, "zh-Hans")  # the reader chose Simplified
    assert path_of(page, http_root) == TAIYUAN
    notice = page.locator("p.converted-notice")
    assert notice.inner_text().startswith("本页由繁体原文自动转换为简体。")
    page.screenshot(path=str(SHOTS / "editions-http-4-hans-notice.png"))
    with page.expect_navigation():
        notice.locator("a.original-link").click()
    page.wait_for_load_state("load")
    assert path_of(page, http_root) == "zh-Hant/" + TAIYUAN  # asked for the original: not sent back
    assert page.locator("p.converted-notice").count() == 0
    assert "並政發〔2013〕30號" in page.inner_text("article")
    # The choice stands: the next page of the Traditional edition opens in Simplified.
    with page.expect_navigation():
        page.click("a.md-header__button.md-logo")
    page.wait_for_url(lambda url: "zh-Hant/" not in url)
    assert path_of(page, http_root) == ""
    assert page.errors == []


@pytest.mark.parametrize("where", ["http", "file"])
def test_edition_tab_is_a_choice_too(page, where, request):
    root = request.getfixturevalue(f"{where}_root")
    page.goto(page_url(root, EZHOU))
    with page.expect_navigation():
        page.click("a.md-tabs__link:text-is('繁體中文')")
    assert path_of(page, root) == "zh-Hant/"
    # The next document opened from the Traditional home stays Traditional.
    with page.expect_navigation():
        page.click(f'article a[href^="{page_url("", EZHOU)}"]')
    assert path_of(page, root) == "zh-Hant/" + EZHOU
    # And a bookmark of the Simplified home now opens the Traditional one.
    page.goto(page_url(root, ""))
    page.wait_for_url(lambda url: "zh-Hant/" in url)
    assert path_of(page, root) == "zh-Hant/"
    assert page.errors == []


def test_downloads_are_files_not_an_edition_choice(page, http_root):
    page.goto(http_root + "zh-Hant/" + EZHOU)
    switch_to(page, "zh-Hant")
    with page.expect_download():  # the Simplified text of the document: a file, not a page
        page.click('a[download][href$=".zh-Hans.txt"]')
    assert page.evaluate("localStorage.getItem('reformdocs.edition')") == "zh-Hant"
    page.goto(http_root + EZHOU)
    page.wait_for_url(lambda url: "zh-Hant/" in url)
    assert page.errors == []


def test_interface_strings_follow_the_edition(page, http_root):
    page.goto(http_root + "zh-Hant/" + EZHOU)
    assert page.locator("label.md-nav__title[for='__toc']").first.inner_text().strip() == "目錄"
    assert page.get_attribute(".md-header__option button", "aria-label") == "選擇語言"
    page.hover(".md-header__option .md-select")
    page.wait_for_timeout(300)
    page.screenshot(path=str(SHOTS / "editions-http-5-hant-menu.png"))
    page.goto(http_root + EZHOU)
    page.wait_for_load_state("load")
    assert path_of(page, http_root) == EZHOU  # no choice made yet: no redirect
    assert page.locator("label.md-nav__title[for='__toc']").first.inner_text().strip() == "目录"
    assert page.get_attribute(".md-header__option button", "aria-label") == "选择当前语言"
    assert page.errors == []
