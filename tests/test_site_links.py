"""The built site as a web: no dangling internal link or anchor, and the cross-links the issue asks
for, found by following real hrefs in the HTML."""
from __future__ import annotations

import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from reformdocs.script import convert

TAIYUAN = "documents/taiyuan-resource-economy-transformation-2013-2015/index.html"
TONGGUAN = "documents/tongguan-five-development-actions-2018-draft/"
PINYIN = re.compile(r"\([a-zü\u00e0-\u01dc]+\)")
EDITIONS = {"Hans": "", "Hant": "zh-Hant/"}


class Page(HTMLParser):
    """The ids of a page and its links as (href, class, text)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, str, str]] = []
        self._open: list[list] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and "name" in a:
            self.ids.add(a["name"])
        if tag == "a" and a.get("href") is not None:
            self._open.append([a["href"], a.get("class") or "", ""])

    def handle_data(self, data):
        for link in self._open:
            link[2] += data

    def handle_endtag(self, tag):
        if tag == "a" and self._open:
            self.links.append(tuple(self._open.pop()))


@pytest.fixture(scope="module")
def pages(built_site: Path) -> dict[str, Page]:
    out = {}
    for path in sorted(built_site.rglob("*.html")):
        page = Page()
        page.feed(path.read_text(encoding="utf-8"))
        out[path.relative_to(built_site).as_posix()] = page
    return out


def resolve(site: Path, page: str, href: str) -> tuple[str, str] | None:
    """(site-relative file, fragment) an internal href points to; None for external links."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    path = unquote(parts.path)
    if not path:
        target = page
    else:
        base = "" if path.startswith("/") else posixpath.dirname(page)
        target = posixpath.normpath(posixpath.join(base, path.lstrip("/")))
        if target == ".":
            target = ""
        if path.endswith("/") or (site / target).is_dir():
            target = posixpath.join(target, "index.html")
    return target, unquote(parts.fragment)


def test_no_dangling_internal_link_or_anchor(built_site, pages):
    assert len(pages) > 20
    dangling, checked = [], 0
    for name, page in pages.items():
        for href, _, _ in page.links:
            found = resolve(built_site, name, href)
            if found is None:
                continue
            target, fragment = found
            checked += 1
            if not (built_site / target).is_file():
                dangling.append(f"{name}: {href} (no file {target})")
            elif fragment and target.endswith(".html") and fragment not in pages[target].ids:
                dangling.append(f"{name}: {href} (no id {fragment!r} in {target})")
    assert checked > 1000
    assert not dangling, "\n".join(dangling[:40])



def entry_html(built_site: Path, target: str, fragment: str) -> str:
    """The HTML from the heading with id `fragment` to the next heading of the same level."""
    text = (built_site / target).read_text(encoding="utf-8")
    m = re.search(rf'<h(\d) id="{re.escape(fragment)}"', text)
    assert m, fragment
    ends = [i for i in (text.find(f"<h{m.group(1)} ", m.end()), text.find("</article>", m.end())) if i > 0]
    return text[m.start(): min(ends)]


@pytest.mark.parametrize("edition", EDITIONS)
def test_shanxi_plan_links_to_its_cited_documents_entry(built_site, pages, edition):
    name = EDITIONS[edition] + TAIYUAN
    title = convert("山西省国家资源型经济转型综合配套改革试验实施方案", edition)
    links = [(h, c) for h, c, t in pages[name].links if title in t]
    assert links and all("cite-ref" in c for _, c in links)
    target, fragment = resolve(built_site, name, links[0][0])
    assert target == EDITIONS[edition] + "cited-documents/5c71/index.html" and fragment  # 山 = U+5C71
    entry = entry_html(built_site, target, fragment)
    assert title in entry and "taiyuan-resource-economy-transformation-2013-2015" in entry


@pytest.mark.parametrize("edition", EDITIONS)
def test_anhui_plan_entry_lists_its_citing_sections(built_site, pages, edition):
    name = EDITIONS[edition] + "cited-documents/5b89/index.html"  # 安 = U+5B89
    title = convert("安徽省五大发展行动计划", edition)
    heading = next(i for i in pages[name].ids if i.startswith("c-") and
                   title in entry_html(built_site, name, i).split("</h2>")[0])
    entry = entry_html(built_site, name, heading)
    citing = re.findall(r'href="([^"]*)"', entry.split("</h2>", 1)[1])
    targets = {resolve(built_site, name, h)[0] for h in citing}
    assert targets == {EDITIONS[edition] + TONGGUAN + "index.html"}
    assert len(citing) >= 2  # the document, and each citing section


def test_departments_index_lists_every_task_ndrc_leads_in_001(built_site, pages):
    source = Path(__file__).resolve().parent.parent / "source_texts" / "001_006c4d63c36b7a44.txt"
    text = convert(PINYIN.sub("", source.read_text(encoding="utf-8")), "Hans")
    expected = len(re.findall(r"牵头(?:部门|单位)\s*[:：]\s*市发改委\s*[)）]", text))
    assert expected >= 5
    for edition, prefix in EDITIONS.items():
        index = prefix + "departments/index.html"
        region = convert("山西省太原市", edition)
        href = next(h for h, _, t in pages[index].links if t == region)
        name = resolve(built_site, index, href)[0]  # the region's page
        html = (built_site / name).read_text(encoding="utf-8")
        unit = convert("市发改委", edition)
        m = re.search(rf'<h2 id="(d-[0-9a-f]+)">{unit}<', html)
        assert m, unit
        entry = entry_html(built_site, name, m.group(1))  # counts, and a link to the unit's tasks
        assert f"{convert('牵头 Leads', edition)} ({expected})" in entry
        tasks = resolve(built_site, name, re.findall(r'href="([^"]*)"', entry)[-1])[0]
        html = (built_site / tasks).read_text(encoding="utf-8")
        lead = html.split('class="dept-lead"', 1)[1].split("</div>", 1)[0]
        sections = [resolve(built_site, tasks, h) for h in re.findall(r'href="([^"]*#[^"]*)"', lead)]
        assert len(sections) == expected
        assert {t for t, _ in sections} == {prefix + TAIYUAN}
        assert all(f in pages[prefix + TAIYUAN].ids for _, f in sections)


@pytest.mark.parametrize("path,titles", [
    ("glossary/index.html", {"Hans": "术语表 Glossary", "Hant": "術語表 Glossary"}),
    ("cited-documents/index.html", {"Hans": "引用文件 Cited documents", "Hant": "引用文件 Cited documents"}),
    ("departments/index.html", {"Hans": "责任部门 Departments", "Hant": "責任部門 Departments"}),
])
def test_index_pages_exist_in_both_editions(built_site, path, titles):
    for edition, prefix in EDITIONS.items():
        html = (built_site / prefix / path).read_text(encoding="utf-8")
        assert re.search(rf"<h1[^>]*>{re.escape(titles[edition])}", html), (edition, path)
        assert f"<title>{titles[edition]}" in html


def test_sections_have_permalink_and_cite_control(built_site):
    html = (built_site / TAIYUAN).read_text(encoding="utf-8")
    headings = re.findall(r'<h[2-6][^>]* id="(s[0-9-_]+)"', html)
    assert len(headings) > 50
    urls = re.findall(r'<details class="cite">.*?<p class="cite-url">([^<]*)</p></details>', html, re.S)
    page = "https://reformdocs.example.org/documents/taiyuan-resource-economy-transformation-2013-2015/"
    assert urls == [page + "#" + h for h in headings]  # each control names its own section
    assert all(f'href="#{h}"' in html for h in headings)  # Material's ¶ permalink
    assert html.count('<div class="cite-data" hidden>') == 1


def test_glossary_entry_lists_every_section_of_a_term(built_site, pages):
    """资源型经济 in 001 (Traditional original): every section whose text has it is listed once."""
    source = Path(__file__).resolve().parent.parent / "source_texts" / "001_006c4d63c36b7a44.txt"
    for prefix in EDITIONS.values():
        name = prefix + "glossary/resource-based-economy/index.html"
        listed = [r for h, _, _ in pages[name].links if (r := resolve(built_site, name, h))]
        sections = [f for t, f in listed if t == prefix + TAIYUAN and f]
        assert len(sections) == len(set(sections)) >= 3
        doc = (built_site / prefix / TAIYUAN).read_text(encoding="utf-8")
        for fragment in sections:  # each listed section has the term in its heading or text
            body = doc.split(f'id="{fragment}"', 1)[1].split("<h", 1)[0]
            assert "資源型經濟" in body or "资源型经济" in body
    assert "資源型經濟" in PINYIN.sub("", source.read_text(encoding="utf-8"))


def test_glossary_terms_link_from_document_pages(built_site, pages):
    for prefix in EDITIONS.values():
        terms = [h for h, c, _ in pages[prefix + TAIYUAN].links if "gloss-term" in c]
        assert len(terms) > 10
        for href in terms:
            target, fragment = resolve(built_site, prefix + TAIYUAN, href)
            assert target == prefix + "glossary/index.html" and fragment in pages[target].ids


@pytest.mark.parametrize("edition", EDITIONS)
def test_units_in_task_lists_link_to_their_department_entry(built_site, pages, edition):
    name = EDITIONS[edition] + TAIYUAN
    units = [(h, t) for h, c, t in pages[name].links if "dept-unit" in c]
    assert len(units) >= 60  # every task of 001 names its lead unit
    for href, text in units:
        target, fragment = resolve(built_site, name, href)
        assert re.fullmatch(EDITIONS[edition] + r"departments/r-[0-9a-f]{10}/index\.html", target)
        heading = re.sub(r"<.*", "", entry_html(built_site, target, fragment).split(">", 1)[1], flags=re.S)
        assert convert(heading.strip(), "Hans") == convert(text, "Hans")
