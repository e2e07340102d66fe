"""Cross-links in headless Chromium on the built site: the cite control of a section gives its
GB/T 7714-2015 reference and BibTeX entry (docs/javascripts/cite.js), in both editions; a cited
title and a glossary term lead to their entries."""
from __future__ import annotations

import pytest

TAIYUAN = "documents/taiyuan-resource-economy-transformation-2013-2015/index.html"
SITE_URL = "https://reformdocs.example.org/"



@pytest.fixture(scope="module")
def served(site_url):
    """The built site over http (from file://, a link to a directory shows its listing)."""
    return site_url


@pytest.fixture(scope="module")
def page(browser):
    tab = browser.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda e: errors.append(str(e)))
    yield tab
    tab.close()
    assert not errors, errors


@pytest.mark.parametrize("prefix,where,issuer", [
    ("", "四、重大改革 （一）深化行政审批制度改革。", "太原市人民政府"),
    ("zh-Hant/", "四、重大改革 （一）深化行政審批制度改革。", "太原市人民政府"),
])
def test_cite_control_gives_gbt_and_bibtex(served, page, prefix, where, issuer):
    page.goto(served + prefix + TAIYUAN)
    # the document number as the page's metadata shows it in this edition
    number = page.locator(".doc-meta dd").nth(0).inner_text()
    assert "〔2013〕30" in number
    control = page.locator("h3#s4-1 + details.cite")
    assert control.locator(".cite-gbt").count() == 0  # made when opened
    control.locator("summary").click()
    gbt = control.locator(".cite-gbt").inner_text()
    bibtex = control.locator(".cite-bibtex").inner_text()
    url = f"{SITE_URL}{prefix}{TAIYUAN.removesuffix('index.html')}#s4-1"
    date = page.locator(".cite-data .cite-accessed").text_content()
    assert len(date) == 10 and date[4] == "-"
    assert gbt.startswith(f"{issuer}. {issuer}")
    assert f"（{number}）: {where}[EB/OL]. (2013-07-16)[{date}]. {url}." in gbt
    assert bibtex.startswith("@misc{taiyuan-resource-economy-transformation-2013-2015:s4-1,\n")
    for line in (f"  author = {{{{{issuer}}}}},", f"  number = {{{number}}},", "  date = {2013-07-16},",
                 f"  url = {{{url}}},", f"  urldate = {{{date}}},"):
        assert line in bibtex.splitlines()
    assert f": {where}}}," in bibtex and bibtex.count("{") == bibtex.count("}")
    control.locator("summary").click()
    control.locator("summary").click()
    assert control.locator(".cite-gbt").count() == 1  # filled once


def test_cited_title_and_term_lead_to_their_entries(served, page):
    page.goto(served + TAIYUAN)
    page.locator("a.cite-ref", has_text="山西省国家资源型经济转型综合配套改革试验实施方案").first.click()
    assert page.url.split("#")[0] == served + "cited-documents/5c71/"  # 山
    entry = page.locator(f"#{page.url.split('#')[1]}")
    assert "山西省国家资源型经济转型综合配套改革试验实施方案" in entry.inner_text()
    page.goto(served + TAIYUAN)
    page.locator("a.gloss-term", has_text="资源型经济").first.click()
    assert page.url.endswith("#resource-based-economy")
    assert "resource-based economy" in page.locator("#resource-based-economy").inner_text()
