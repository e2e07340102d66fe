"""Acceptance test of the search on the REAL built site: precision and recall of typed phrase
queries in headless Chromium, against ground truth read from the built pages themselves.

The site (``built_site``: the five bundled source texts, ``mkdocs build --strict``) is served
over http on 127.0.0.1. For each edition a document page is opened and every query below is
typed into Material's search box (``/``, then the keys), as a reader would. Once the client
reports the query finished (``data-rd-state="done"`` with ``data-rd-query`` = the query), every
result is collected: the client renders documents in batches (more on scrolling the result
list) and shows three sections per document with the rest in a closed "more" box, so the list
is scrolled with the mouse wheel and every "more" box is opened until as many links are shown
as the result count says.

Ground truth (independent of reformdocs.search and of the index)
-----------------------------------------------------------------
Each document page of the edition (``[zh-Hant/]documents/*/index.html``) is parsed with the
standard library's HTMLParser. Inside ``<article class="md-content__inner">`` the document's
text is the ``<p>`` paragraphs, the tables (the department-feedback table of the Tongguan
draft) and the section headings; sections are cut at every heading whose id starts with ``s``
(its heading text is the section's heading), the text before the first of them is the page top
(anchor ""), whose heading is the page's ``<h1>``, the document title. Left out, as not
document text (decided from the pages' HTML):

* ``div.doc-meta`` (English title, region, type, source note, English summary), ``p.doc-downloads``,
  ``div.cite-data`` (hidden) and ``p.converted-notice`` ("本页由繁体原文自动转换为简体"): the metadata
  header;
* ``details.cite`` under every heading: the cite box;
* ``div.related``: the related-sections list;
* ``section.audit`` (also marked ``data-search-exclude``): the editorial notes, whose table
  quotes the removed chrome ("…请在冰豆网上搜索", "上传人:…", "窗体顶端");
* ``a.headerlink`` (the "¶" permalinks).

Text and query are normalised alike: OpenCC ``t2s.json`` (applied to both editions and to every
query, so a Traditional query and a Traditional page reduce to Simplified), then all whitespace
removed. A result (a link ``page#anchor``) is correct when that section of that edition holds
the query in its text or its heading; for a query of several space-separated words, when it
holds every word. Per query: precision = correct / results (1 when nothing is returned),
recall = relevant sections found / relevant sections (1 when none is relevant). Both means must
be at least 0.95 in each edition; chrome the cleaner removed and phrases absent from the corpus
must return nothing at all.

Known differences between this ground truth and search.py's documented rules (they cost a few
hundredths of the means, see the table printed with ``-s``): in a query of several words,
search.py lets words be satisfied by the document's title ("太原 金融" also returns Taiyuan
sections that hold only 金融); and a title match yields the document's first *indexed* section,
which for a page with no text before its first heading (the Changsha fragment) is that heading's
section, not the page top.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import opencc
import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

EDITIONS = {"hans": "", "hant": "zh-Hant/"}
START_PAGE = "documents/ezhou-comprehensive-reform-account/"  # where the reader types, in each edition

# (query, kind): kind "hans"/"hant" = the script it is typed in; "chrome" = removed by the
# cleaner (in the editorial notes only); "absent" = in no document (some are site chrome:
# the related-sections label, the cite box, the editorial notes' heading).
QUERIES: list[tuple[str, str]] = [
    # Simplified
    ("发改委", "hans"), ("两型社会", "hans"), ("社会保障", "hans"), ("试验区", "hans"),
    ("养老保险", "hans"), ("先行先试", "hans"), ("城乡一体化", "hans"), ("大部门制", "hans"),
    ("13343万美元", "hans"), ("2020年", "hans"), ("GDP", "hans"), ("市财政局", "hans"),
    ("区人社局", "hans"), ("市国土局", "hans"), ("社区办", "hans"), ("行政审批制度改革", "hans"),
    ("污染者付全费", "hans"), ("武宿综合保税区", "hans"), ("长株潭", "hans"), ("黄花国际机场", "hans"),
    ("海绵城市", "hans"), ("三重一创", "hans"), ("村镇银行", "hans"), ("扩权强镇", "hans"),
    ("供给侧结构性改革", "hans"), ("PM2.5", "hans"), ("2013-2015年", "hans"), ("改革", "hans"),
    ("机制", "hans"), ("太原 金融", "hans"), ("公共服务 均等化", "hans"), ("鄂州 同城化", "hans"),
    ("养老保险 农村", "hans"),
    # Traditional
    ("養老保險", "hant"), ("綜合配套改革", "hant"), ("社會保障", "hant"), ("發改委", "hant"),
    ("試驗區", "hant"), ("兩型社會", "hant"), ("城鄉一體化", "hant"), ("行政審批", "hant"),
    ("大部門體制", "hant"), ("資源型經濟轉型", "hant"), ("市財政局", "hant"), ("農村金融", "hant"),
    ("戶籍制度", "hant"), ("循環經濟", "hant"), ("區衛計局", "hant"), ("轉型綜改", "hant"),
    ("長株潭", "hant"), ("招商引資", "hant"), ("一級政府三級管理", "hant"), ("試點", "hant"),
    ("區商務局", "hant"), ("黃花國際機場", "hant"), ("生態補償", "hant"), ("社會保障 城鄉", "hant"),
    # removed by the cleaner
    ("冰豆网", "chrome"), ("上传人", "chrome"), ("文档编号", "chrome"), ("验证码", "chrome"),
    ("您现在的位置", "chrome"), ("窗体顶端", "chrome"), ("金锄头文库", "chrome"), ("冰豆網", "chrome"),
    ("金鋤頭文庫", "chrome"), ("发表意见", "chrome"), ("由会员分享", "chrome"), ("展开阅读全文", "chrome"),
    # in no document
    ("量子计算机", "absent"), ("区块链", "absent"), ("碳中和", "absent"), ("粤港澳大湾区", "absent"),
    ("新冠肺炎", "absent"), ("自由贸易试验区", "absent"), ("相关章节", "absent"), ("引用本节", "absent"),
    ("校勘记", "absent"), ("自动转换为简体", "absent"),
]
MUST_FIND_NOTHING = {"chrome", "absent"}

_T2S = opencc.OpenCC("t2s.json")
_WS = re.compile(r"\s+")


def norm(text: str) -> str:
    return _WS.sub("", _T2S.convert(text))


# ------------------------------------------------------------------ ground truth from the pages

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
         "track", "wbr"}
# metadata header, cite boxes, related-sections lists, editorial notes, permalinks
_NOT_TEXT = {"doc-meta", "doc-downloads", "cite-data", "converted-notice", "cite", "related", "audit",
             "headerlink"}


class _PageSections(HTMLParser):
    """Sections of one built document page: [{anchor, heading, text}], the page top first."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.article: int | None = None  # depth of <article>, -1 once closed
        self.skip: int | None = None  # depth of an excluded element we are inside
        self.heading: int | None = None  # depth of the section heading we are inside
        self.h1: int | None = None
        self.title: list[str] = []
        self.sections: list[dict] = []

    def handle_starttag(self, tag, attrs):
        if tag in _VOID:
            return
        self.depth += 1
        a = dict(attrs)
        classes = set((a.get("class") or "").split())
        if self.article is None:
            if tag == "article" and "md-content__inner" in classes:
                self.article = self.depth
                self.sections.append({"anchor": "", "heading": [], "text": []})
            return
        if self.article < 0 or self.skip is not None:
            return
        if classes & _NOT_TEXT or "data-search-exclude" in a or "hidden" in a:
            self.skip = self.depth
        elif tag == "h1":
            self.h1 = self.depth
        elif re.fullmatch(r"h[2-6]", tag) and (a.get("id") or "").startswith("s"):
            self.sections.append({"anchor": a["id"], "heading": [], "text": []})
            self.heading = self.depth

    def handle_endtag(self, tag):
        if tag in _VOID:
            return
        if self.skip == self.depth:
            self.skip = None
        if self.heading == self.depth:
            self.heading = None
        if self.h1 == self.depth:
            self.h1 = None
        if self.article == self.depth:
            self.article = -1
        self.depth -= 1

    def handle_data(self, data):
        if self.article is None or self.article < 0 or self.skip is not None:
            return
        if self.h1 is not None:
            self.title.append(data)
        else:
            self.sections[-1]["heading" if self.heading is not None else "text"].append(data)


@dataclass(frozen=True)
class Section:
    heading: str  # normalised
    text: str  # normalised

    def holds(self, words: list[str]) -> bool:
        return all(w in self.heading or w in self.text for w in words)


def ground_truth(site: Path, prefix: str) -> dict[tuple[str, str], Section]:
    """(page path under the site root, anchor) -> Section, for every document page of an edition."""
    out: dict[tuple[str, str], Section] = {}
    pages = sorted((site / prefix / "documents").glob("*/index.html"))
    for page in pages:
        parser = _PageSections()
        parser.feed(page.read_text(encoding="utf-8"))
        path = f"{prefix}documents/{page.parent.name}/"
        assert parser.sections and parser.title, page
        for i, s in enumerate(parser.sections):
            heading = "".join(parser.title) if i == 0 else "".join(s["heading"])
            out[(path, s["anchor"])] = Section(norm(heading), norm("".join(s["text"])))
    assert len(pages) == len(list((site / "documents").glob("*/index.html"))) >= 5
    return out


def query_words(query: str) -> list[str]:
    return [w for w in (norm(part) for part in query.split()) if w]


# ------------------------------------------------------------------ serving and typing



@pytest.fixture(scope="module")
def served(site_url):
    return site_url



def type_query(page, query: str) -> None:
    """Open the search box with '/', clear it, type the query key by key; wait until it is done."""
    page.keyboard.press("/")
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    page.keyboard.type(query)
    page.wait_for_function(
        """q => { const r = document.querySelector('.md-search-result');
                  return r && r.dataset.rdQuery === q && ['done', 'error'].includes(r.dataset.rdState); }""",
        arg=query, timeout=20000)
    assert page.get_attribute(".md-search-result", "data-rd-state") == "done", query
    assert page.input_value(".md-search__input") == query


def result_count(page) -> int:
    """The count the result header announces ("# 个符合条件的结果"); none = 0."""
    meta = page.text_content(".md-search-result__meta") or ""
    m = re.search(r"\d+", meta)
    return int(m.group()) if m else 0


LINKS = ".md-search-result__list a.md-search-result__link[href]"


def all_results(page) -> list[str]:
    """Every result link, after scrolling the list and opening every "more" box."""
    want = result_count(page)
    for _ in range(40):
        if len(page.query_selector_all(LINKS)) >= want:
            break
        for summary in page.query_selector_all(".md-search-result__more:not([open]) > summary"):
            summary.click()
        page.hover(".md-search__scrollwrap")
        page.mouse.wheel(0, 20000)
        try:
            page.wait_for_function("a => document.querySelectorAll(a.sel).length >= a.n",
                                   arg={"sel": LINKS, "n": want}, timeout=500)
        except PlaywrightTimeout:
            pass
    hrefs = page.eval_on_selector_all(LINKS, "els => els.map(e => e.href)")
    assert len(hrefs) == want, (hrefs, want)
    return hrefs


def section_of(href: str, base: str) -> tuple[str, str]:
    assert href.startswith(base), href
    parts = urlsplit(href)
    path = unquote(parts.path)[len(urlsplit(base).path):]
    return path, unquote(parts.fragment)


@dataclass
class Row:
    query: str
    kind: str
    relevant: int
    results: int
    correct: int
    found: int
    precision: float
    recall: float
    wrong: list


def table(rows: list[Row]) -> str:
    lines = [f"{'query':<20} {'kind':<6} {'rel':>4} {'res':>4} {'ok':>4} {'P':>5} {'R':>5}  wrong results"]
    for r in rows:
        lines.append(f"{r.query:<20} {r.kind:<6} {r.relevant:>4} {r.results:>4} {r.correct:>4} "
                     f"{r.precision:5.2f} {r.recall:5.2f}  {' '.join(r.wrong[:4])}")
    return "\n".join(lines)


@pytest.mark.parametrize("edition", list(EDITIONS))
def test_search_precision_and_recall_on_the_real_site(built_site, served, browser, edition):
    prefix = EDITIONS[edition]
    truth = ground_truth(built_site, prefix)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(served + prefix + START_PAGE)
    assert page.evaluate("document.documentElement.lang").lower().startswith("zh")

    rows: list[Row] = []
    for query, kind in QUERIES:
        words = query_words(query)
        relevant = {key for key, sec in truth.items() if sec.holds(words)}
        if kind in MUST_FIND_NOTHING:
            assert not relevant, f"{query!r} is in the document text of {sorted(relevant)}"
        else:
            assert relevant, f"{query!r} is in no section of the {edition} edition: not a useful query"
        type_query(page, query)
        hrefs = all_results(page)
        keys = [section_of(h, served) for h in hrefs]
        assert len(set(keys)) == len(keys), f"{query!r}: a section listed twice: {hrefs}"
        correct = [k for k in keys if k in truth and truth[k].holds(words)]
        found = relevant & set(correct)
        precision = len(correct) / len(keys) if keys else 1.0
        recall = len(found) / len(relevant) if relevant else 1.0
        wrong = [f"{p}#{a}" for p, a in keys if (p, a) not in set(correct)]
        missed = [f"{p}#{a}" for p, a in sorted(relevant - found)]
        rows.append(Row(query, kind, len(relevant), len(keys), len(correct), len(found), precision, recall,
                        wrong + [f"MISSED {m}" for m in missed]))
        page.keyboard.press("Escape")  # close the dialog; the next '/' opens it again

    mean_p = sum(r.precision for r in rows) / len(rows)
    mean_r = sum(r.recall for r in rows) / len(rows)
    report = (f"{edition}: {len(rows)} queries, mean precision {mean_p:.3f}, mean recall {mean_r:.3f}\n"
              + table(rows))
    print("\n" + report)
    context.close()
    assert len(rows) >= 48
    assert all(2 <= len("".join(q.split())) <= 12 for q, _ in QUERIES)
    assert sum(kind == "hant" for _, kind in QUERIES) >= len(QUERIES) // 4
    nothing = [r.query for r in rows if r.kind in MUST_FIND_NOTHING and r.results]
    assert not nothing, f"removed chrome or absent phrases found something: {nothing}\n{report}"
    assert mean_p >= 0.95 and mean_r >= 0.95, report
    assert errors == [], errors
