"""The two editions of the built site: every page has its counterpart, says the same thing in the
other script, declares its language and links its counterpart; the English layer is there."""
from __future__ import annotations

import json
import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from reformdocs import editions, script, urls

from .conftest import SOURCES

GENERATOR = '<meta name="generator" content="mkdocs-'
# Inside <article>, left out of the comparison: the audit quotes the raw source in both editions,
# the notice exists only on the converted page, the ¶ marks are permalinks, a citation gives the
# address of the page itself.
SKIPPED = {"audit", "converted-notice", "headerlink", "cite"}
PINYIN = re.compile(r"\((?:[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*)\)")


class Page(HTMLParser):
    """What a test needs from a built page: lang, hreflang links, article text, element texts."""

    VOID = {"br", "hr", "img", "input", "link", "meta", "wbr", "col", "source"}

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.lang = ""
        self.alternates: dict[str, str] = {}
        self.article: list[str] = []
        self.classes: dict[str, list[str]] = {}  # class -> texts of elements with that class
        self.aria: set[str] = set()
        self._stack: list[tuple[str, bool, list[str]]] = []  # (tag, skipped, classes)
        self._in_article = 0
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang", "")
        if tag == "link" and "alternate" in (a.get("rel") or "").split() and a.get("hreflang"):
            self.alternates[a["hreflang"]] = a["href"]
        if "aria-label" in a:
            self.aria.add(a["aria-label"])
        if tag in self.VOID:
            return
        classes = (a.get("class") or "").split() + (["title"] if tag == "title" else [])
        skipped = bool(SKIPPED.intersection(classes)) or (self._stack and self._stack[-1][1])
        if tag == "article":
            self._in_article += 1
        self._stack.append((tag, bool(skipped), classes))
        for c in classes:
            self.classes.setdefault(c, []).append("")

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        while self._stack:
            open_tag, _, _ = self._stack.pop()
            if open_tag == "article":
                self._in_article -= 1
            if open_tag == tag:
                break

    def handle_data(self, data):
        if not self._stack:
            return
        for _, _, classes in self._stack:
            for c in classes:
                self.classes[c][-1] += data
        if self._in_article and not self._stack[-1][1]:
            self.article.append(data)

    def text(self) -> str:
        return re.sub(r"\s+", " ", "".join(self.article)).strip()


def pages(site: Path) -> dict[str, Path]:
    """Every page MkDocs rendered, by directory URL ('' for the home page), 404 left out."""
    found = {}
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if rel == "404.html" or GENERATOR not in path.read_text(encoding="utf-8")[:4000]:
            continue
        found[rel[: -len("index.html")]] = path
    return found


@pytest.fixture(scope="module")
def parsed(built_site) -> dict[str, Page]:
    return {url: Page(path.read_text(encoding="utf-8")) for url, path in pages(built_site).items()}


def sidecars() -> dict[str, dict]:
    return {p.name: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(SOURCES.glob("*.yml"))}


def first_difference(a: str, b: str) -> str:
    i = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return f"at {i}: …{a[max(0, i - 20):i + 20]!r} vs …{b[max(0, i - 20):i + 20]!r}"


def test_template_helpers():
    assert editions.in_edition("zh-Hant/documents/x/", "Hans") == "documents/x/"
    assert editions.in_edition("documents/x/", "Hant") == "zh-Hant/documents/x/"
    assert editions.in_edition("", "Hans") == "" and editions.in_edition("", "Hant") == "zh-Hant/"
    assert [editions.lang_of(u) for u in ("", "about/", "zh-Hant/about/")] == ["zh-Hans", "zh-Hans", "zh-Hant"]
    assert editions.in_script_of("找到 1 个符合條件的結果", "zh-Hant/") == "找到 1 個符合條件的結果"
    assert editions.in_script_of("改革文件库", "documents/x/") == "改革文件库"
    config = {"site_name": "改革文件库 Reform Documents", "extra": {"alternate": True}, "theme": "t"}
    hant = editions.EditionConfig(config, "zh-Hant/documents/x/")
    assert hant.site_name == hant["site_name"] == "改革文件庫 Reform Documents"
    assert hant.extra == {"alternate": True, "homepage": "zh-Hant/"} and hant["theme"] == "t"
    assert config["extra"] == {"alternate": True}  # the site's own config is left alone


def test_every_page_has_its_counterpart(parsed):
    hans = {u for u in parsed if urls.edition_of(u) == "Hans"}
    hant = {u for u in parsed if urls.edition_of(u) == "Hant"}
    assert len(hans) >= 10 and "" in hans and "about/" in hans and "editorial-notes/" in hans
    assert {urls.counterpart(u) for u in hans} == hant
    assert {urls.counterpart(u) for u in hant} == hans


def test_traditional_text_converted_to_simplified_is_the_simplified_page(parsed):
    """Same content in both editions: t2s (with the override list) of a Traditional page's article
    is exactly the Simplified page's article."""
    compared = 0
    for url, page in parsed.items():
        if urls.edition_of(url) != "Hant":
            continue
        hant, hans = page.text(), parsed[urls.counterpart(url)].text()
        assert hant and hans, url
        converted = script.convert(hant, "Hans")
        assert converted == hans, f"{url}: {first_difference(converted, hans)}"
        compared += 1
    assert compared == len(parsed) // 2


def test_each_edition_is_written_in_its_own_script(parsed):
    """Outside the audit (raw source quotations), no character of the other script: interface
    strings, labels and converted text are all in the page's edition."""
    for url, page in parsed.items():
        edition = urls.edition_of(url)
        text = page.text()
        where = [text[max(0, i - 8):i + 8] for i, ch in enumerate(text) if not script.in_script(ch, edition)]
        assert not where, f"{url} ({edition}): {where[:5]}"


def test_title_and_header_are_in_the_edition_script(parsed):
    """<title>, the header's site name and page title: Material prints the site's name from the
    config, which the Traditional edition must show in Traditional characters too."""
    for url, page in parsed.items():
        edition = urls.edition_of(url)
        shown = "".join(page.classes["title"] + page.classes["md-header__topic"])
        assert "改革文件" in shown, url
        assert all(script.in_script(ch, edition) for ch in shown), (url, shown)


def test_logo_links_the_home_page_of_the_edition(built_site, parsed):
    for url in parsed:
        html = (built_site / url / "index.html").read_text(encoding="utf-8")
        homes = re.findall(r'<a href="([^"]*)" title="[^"]*" class="md-(?:header|nav)__button md-logo"', html)
        assert len(homes) == 2, url
        assert {site_path(url, href) for href in homes} == {site_path("", urls.PREFIX[urls.edition_of(url)])}, url


def test_lang_and_hreflang_name_the_counterpart(parsed):
    for url, page in parsed.items():
        edition = urls.edition_of(url)
        assert page.lang == urls.LANG[edition], url
        resolved = {lang: site_path(url, href) for lang, href in page.alternates.items()}
        here, there = site_path("", url), site_path("", urls.counterpart(url))
        hans, hant = (here, there) if edition == "Hans" else (there, here)
        assert resolved == {"zh-Hans": hans, "zh-Hant": hant, "x-default": hans}, url


def test_theme_strings_for_scripts_are_in_the_edition(built_site, parsed):
    """Material's strings for its scripts (search placeholder, result counts, copy) per edition."""
    for url in parsed:
        html = (built_site / url / "index.html").read_text(encoding="utf-8")
        config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', html).group(1))
        strings = "".join(config["translations"].values())
        edition = urls.edition_of(url)
        assert all(script.in_script(ch, edition) for ch in strings), url
        assert config["translations"]["search.result.placeholder"] == {
            "Hans": "键入以开始搜索", "Hant": "鍵入以開始檢索"}[edition], url


def test_interface_speaks_the_edition(parsed):
    doc = "documents/taiyuan-resource-economy-transformation-2013-2015/"
    hans, hant = parsed[doc], parsed["zh-Hant/" + doc]
    assert "目录" in hans.aria and "目錄" not in hans.aria  # Material's table-of-contents title
    assert "目錄" in hant.aria and "目录" not in hant.aria
    assert "页眉" in hans.aria and "頁首" in hant.aria  # the header's label


def site_path(here: str, href: str) -> str:
    """The site path a relative `href` on the page at directory URL `here` points to."""
    return posixpath.normpath(posixpath.join("/" + here, href)).lstrip("/")


def test_header_switch_links_this_page_in_both_editions(built_site, parsed):
    for here in parsed:
        html = (built_site / here / "index.html").read_text(encoding="utf-8")
        switch = re.findall(r'<a href="([^"]*)" hreflang="([^"]*)" lang="[^"]*" class="md-select__link"'
                            r' data-edition-switch( aria-current="page")?>\s*([^<]*?)\s*</a>', html)
        assert [(lang, site_path(here, href), bool(current), name) for href, lang, current, name in switch] == [
            (ed["lang"], site_path("", editions.in_edition(here, ed["code"])),
             ed["code"] == urls.edition_of(here), ed["name"]) for ed in editions.GLOBALS["editions"]], here


def test_001_keeps_its_characters_in_traditional_and_converts_in_simplified(parsed, built_site):
    slug = sidecars()["001_006c4d63c36b7a44.yml"]["slug"]
    hant = parsed[f"zh-Hant/documents/{slug}/"]
    hans = parsed[f"documents/{slug}/"]
    assert "並政發〔2013〕30號" in hant.text()
    assert "并政发〔2013〕30号" in hans.text()
    for page in (hant, hans):
        assert not PINYIN.search(page.text())
    # The Traditional edition is the original: no notice there; the Simplified one says it is converted.
    assert "converted-notice" not in hant.classes
    assert hans.classes["converted-notice"] == ["本页由繁体原文自动转换为简体。 查看原文"]
    assert hans.classes["original-link"] == ["查看原文"]
    html = (built_site / f"documents/{slug}/index.html").read_text(encoding="utf-8")
    assert f'<a href="../../zh-Hant/documents/{slug}/" hreflang="zh-Hant" class="original-link">' in html
    # The original's own forms are kept where OpenCC's standard differs (s2t would write 考覈, 羣).
    assert "納入全市綜合考核指標體系" in hant.text()
    assert "困難群體" in hant.text()


def test_converted_documents_say_so_and_link_the_original(parsed):
    for name, meta in sidecars().items():
        if name.startswith("001_"):
            continue
        hant = parsed[f"zh-Hant/documents/{meta['slug']}/"]
        assert hant.classes["converted-notice"] == ["本頁由簡體原文自動轉換為繁體。 查看原文"], name
        assert "converted-notice" not in parsed[f"documents/{meta['slug']}/"].classes


def test_override_corrections_reach_the_pages(parsed):
    """Domain misconversions met in the corpus are corrected on the built pages."""
    slugs = {name[:3]: meta["slug"] for name, meta in sidecars().items()}
    tongguan = parsed[f"zh-Hant/documents/{slugs['003']}/"].text()
    assert "新征程" in tongguan and "新徵程" not in tongguan
    xiangtan = parsed[f"zh-Hant/documents/{slugs['004']}/"].text()
    assert "作者係市" in xiangtan
    taiyuan = parsed[f"documents/{slugs['001']}/"].text()
    assert "着力" in taiyuan and "著力" not in taiyuan and "着眼" in taiyuan


def test_english_title_and_summary_on_every_document_and_in_the_catalogue(parsed):
    for meta in sidecars().values():
        for url in (f"documents/{meta['slug']}/", f"zh-Hant/documents/{meta['slug']}/"):
            page = parsed[url]
            assert page.classes["doc-title-en"] == [meta["title_en"]], url
            assert page.classes["doc-summary"] == [" ".join(meta["summary_en"].split())], url
        for home in ("", "zh-Hant/"):
            assert meta["title_en"] in parsed[home].text()


def test_about_page_explains_editions_in_english(parsed):
    about = parsed["about/"].text()
    for phrase in ("Simplified", "Traditional", "original", "OpenCC", "editorial notes"):
        assert phrase in about
    assert parsed["zh-Hant/about/"].text() == script.convert(about, "Hant")
