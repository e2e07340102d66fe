"""The built site: one page per source text, headings from the acceptance data, catalogue."""
from __future__ import annotations

import re
from html.parser import HTMLParser

from reformdocs import script
from reformdocs.sections import find_marker

from .conftest import SOURCES
from .test_metadata import norm


class Headings(HTMLParser):
    """(level, id, text) of every h1–h6 in a page, permalink marks left out."""

    def __init__(self):
        super().__init__()
        self.found: list[list] = []
        self._open: list | None = None
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if re.fullmatch(r"h[1-6]", tag):
            self._open = [int(tag[1]), dict(attrs).get("id", ""), ""]
        elif self._open is not None and tag == "a" and "headerlink" in (dict(attrs).get("class") or ""):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag == "a" and self._skip:
            self._skip -= 1
        elif re.fullmatch(r"h[1-6]", tag) and self._open is not None:
            self.found.append(self._open)
            self._open = None

    def handle_data(self, data):
        if self._open is not None and not self._skip:
            self._open[2] += data


def headings(path):
    parser = Headings()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.found


def doc_pages(site):
    return sorted((site / "documents").glob("*/index.html"))


def test_one_page_per_source_text_in_each_edition(built_site, seed_names):
    assert len(doc_pages(built_site)) == len(seed_names)
    assert len(sorted((built_site / "zh-Hant" / "documents").glob("*/index.html"))) == len(seed_names)


def test_acceptance_headings_are_nested_headings(built_site, acceptance):
    import yaml
    for name, expected in acceptance.items():
        slug = yaml.safe_load((SOURCES / name).with_suffix(".yml").read_text("utf-8"))["slug"]
        found = headings(built_site / "documents" / slug / "index.html")
        levels = {}
        for wanted in expected["headings"]:
            match = [h for h in found if norm(h[2]) == norm(wanted)]
            assert match, f"{name}: heading {wanted!r} not on the page"
            level = match[0][0]
            assert 2 <= level <= 5, (name, wanted, level)
            levels[wanted] = level
        # Nested as in the source: headings numbered alike sit at one level, a higher-ranked
        # numbering (一、) above a lower one (（一）).
        by_rank: dict[int, set] = {}
        for wanted, level in levels.items():
            marker = find_marker(wanted)
            by_rank.setdefault(marker.style.rank if marker else 0, set()).add(level)
        assert all(len(v) == 1 for v in by_rank.values()), (name, by_rank)
        ranked = [min(v) for _, v in sorted(by_rank.items())]
        assert ranked == sorted(ranked) and len(set(ranked)) == len(ranked), (name, by_rank)


def test_section_ids_come_from_outline_position(built_site):
    found = headings(built_site / "documents" / "taiyuan-resource-economy-transformation-2013-2015" / "index.html")
    ids = {h[1]: h[2] for h in found}
    assert norm(ids["s4-2"]) == norm("（二）创新土地管理制度。")
    assert norm(ids["s9"]) == norm("九、保障措施")


def test_home_catalogue_lists_every_document(built_site):
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert home.count('<tr><td><a href="documents/') == len(doc_pages(built_site))
    assert "Taiyuan Municipal People" in home
    hant_home = (built_site / "zh-Hant" / "index.html").read_text(encoding="utf-8")
    assert script.convert("太原市人民政府关于印发", "Hant") in hant_home


def test_squeeze_cuts_layout_whitespace_and_keeps_what_is_content():
    from reformdocs.render import squeeze
    page = ('<ul>\n    <li>\n      <a href="#s1">一、总则</a>\n    </li>\n</ul>\n  <p>a b</p>'
            '<pre>x\n    y</pre>\n  <textarea>\n  t</textarea> <script>\n  var a;\n</script>\n\n')
    assert squeeze(page) == ('<ul>\n<li>\n<a href="#s1">一、总则</a>\n</li>\n</ul>\n<p>a b</p>'
                             '<pre>x\n    y</pre>\n<textarea>\n  t</textarea> <script>\n  var a;\n</script>\n')
    assert squeeze(squeeze(page)) == squeeze(page)


def test_built_pages_carry_no_template_indentation(built_site):
    pages = sorted(built_site.glob("documents/*/index.html")) + sorted(built_site.glob("zh-Hant/documents/*/index.html"))
    assert len(pages) == 10
    for path in pages:
        text = re.sub(r"<(pre|textarea|script|style)\b.*?</\1\s*>", "", path.read_text(encoding="utf-8"), flags=re.S)
        assert not re.search(r"\n[ \t]", text), path


def test_editorial_notes_summary_is_paged_and_lists_every_document():
    from pathlib import Path

    from reformdocs import pipeline, sources
    from reformdocs.site import PAGE_ROWS, notes_pages
    texts, _ = sources.read_sources(Path(SOURCES))
    docs = pipeline.process_corpus(texts).documents * 50  # 250 rows
    pages, srcs = notes_pages(docs, "Hant")
    assert srcs == ["zh-Hant/editorial-notes.md", "zh-Hant/editorial-notes/2.md", "zh-Hant/editorial-notes/3.md"]
    rows = [page.count("<tr>") - 1 for page in pages.values()]
    assert rows == [PAGE_ROWS, PAGE_ROWS, 50]
    assert '<a href="2/">2</a> · <a href="3/">3</a>' in pages[srcs[0]]
    assert '<a href="../">1</a> · <a href="./">2</a> · <a href="../3/">3</a>' in pages[srcs[1]]
