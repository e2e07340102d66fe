"""Cross-links (reformdocs.links) on the real corpus and on inputs written here."""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from reformdocs import pipeline, sources
from reformdocs.links import analyse, citations, departments, glossary, related
from reformdocs.links import pages as pages_mod
from reformdocs.links.cite import cite_control, cite_data
from reformdocs.links.text import PREAMBLE, anchor, hans, paragraphs, rules
from reformdocs.model import Document, Line, Metadata, Section
from reformdocs.render import Link, para
from reformdocs.site import sort_key

from .conftest import SOURCES

ROOT = Path(__file__).resolve().parent.parent
TAIYUAN = "taiyuan-resource-economy-transformation-2013-2015"
TONGGUAN = "tongguan-five-development-actions-2018-draft"
PINYIN = re.compile(r"\([a-zü\u00e0-\u01dc]+\)")  # 發(fā): pinyin the portal inserted after characters


@pytest.fixture(scope="module")
def docs() -> list[Document]:
    texts, _ = sources.read_sources(ROOT / "source_texts")
    return sorted(pipeline.process_corpus(texts).documents, key=sort_key)


@pytest.fixture(scope="module")
def web(docs):
    return analyse(docs, "https://example.org/", "2024-01-02")


def raw_text(stem: str) -> str:
    """A source text as scraped, pinyin insertions dropped, in Simplified: independent of the cleaner."""
    text = (ROOT / "source_texts" / f"{stem}.txt").read_text(encoding="utf-8")
    return hans(PINYIN.sub("", text))


# --- citations -------------------------------------------------------------------------------

def test_find_titles_pairs_marks_like_brackets():
    text = "根据《关于印发《甲乙丙丁方案》的通知》和《《戊己庚辛办法》及《意见》"
    found = [text[s:e] for s, e in citations.find_titles(text)]
    # nested: the outer title; doubled opening: the inner one; 《意见》 is a back-reference
    assert found == ["关于印发《甲乙丙丁方案》的通知", "戊己庚辛办法"]


def test_normalise_tolerates_script_years_and_draft_notes():
    a = citations.normalise("山西省國家資源型經濟轉型綜合配套改革試驗實施方案(2013-2015年)")
    b = citations.normalise("山西省国家资源型经济转型综合配套改革试验实施方案（2013—2015年）")
    assert a == b == "山西省国家资源型经济转型综合配套改革试验实施方案"
    assert citations.normalise("安徽省五大发展行动计划(修订版)") == citations.normalise("安徽省五大发展行动计划")
    assert citations.normalise("某某办法（征求意见稿）") == "某某办法"


def test_shanxi_plan_cited_by_001_is_an_index_entry(web):
    key = citations.normalise("山西省国家资源型经济转型综合配套改革试验实施方案")
    entry = web.citations.entries[key]
    assert entry.target == ""  # not a corpus document: it links to its cited-documents entry
    assert any(slug == TAIYUAN for slug, _ in entry.places)
    spans = [(k, s) for k, ss in web.citations.spans.items() for s in ss if s[2] == key]
    assert spans and all(k[0] == TAIYUAN for k, _ in spans)


def test_plan_issued_by_a_notice_links_to_the_notice(web):
    # 001 is the notice issuing 《太原市资源型经济转型综合配套改革试验实施方案(2013-2015年)》
    key = citations.normalise("太原市资源型经济转型综合配套改革试验实施方案(2013-2015年)")
    assert web.citations.entries[key].target == TAIYUAN


def test_anhui_plan_entry_lists_every_citing_paragraph(web, docs):
    key = citations.normalise("安徽省五大发展行动计划(修订版)")
    entry = web.citations.entries[key]
    tongguan = next(d for d in docs if d.slug == TONGGUAN)
    expected: dict[tuple[str, str], int] = {}
    for p in paragraphs(tongguan):
        n = p.text.count("《安徽省五大发展行动计划")
        if n:
            expected[(p.slug, p.place)] = expected.get((p.slug, p.place), 0) + n
    assert expected and entry.places == expected


def test_cited_by_excludes_self_citations(web):
    for slug, places in web.cited_by.items():
        assert places and all(citing != slug for citing, _, _ in places)


# --- glossary --------------------------------------------------------------------------------

def test_glossary_terms_are_complete_and_found_in_the_corpus(web):
    terms = glossary.terms()
    assert len({t.id for t in terms}) == len(terms) >= 40
    assert all(t.term and t.en and t.note for t in terms)
    missing = [t.term for t in terms if not web.glossary.places.get(t.id)]
    assert not missing, f"glossary terms not in any document: {missing}"


def test_terms_match_in_traditional_originals(web, docs):
    taiyuan = next(d for d in docs if d.slug == TAIYUAN)
    assert taiyuan.meta.script == "Hant"
    found = {tid for (slug, _), tids in web.glossary.in_place.items() if slug == TAIYUAN for tid in tids}
    assert {"resource-based-economy", "transformation-reform", "five-plans-in-one"} <= found


def test_matcher_prefers_the_longest_form():
    text = "实行城乡建设用地增减挂钩，推进增减挂钩"
    found = glossary.find_terms(text)
    assert [(text[s:e], t) for s, e, t in found] == [
        ("城乡建设用地增减挂钩", "land-quota-linkage"), ("增减挂钩", "land-quota-linkage")]


def test_term_spans_sit_on_the_term_in_the_original_text(web, docs):
    """Positions found in the Simplified text fall on the term in the original (Traditional) text,
    and only a section's first occurrence of a term is linked."""
    forms = glossary.matcher()[1]
    blocks = {(d.slug, PREAMBLE, i): b for d in docs for i, b in enumerate(d.preamble)}
    blocks.update({(d.slug, s.id, i): b for d in docs for s in d.all_sections()
                   for i, b in enumerate(s.blocks)})
    linked: set = set()
    assert web.glossary.spans
    for key, spans in web.glossary.spans.items():
        for start, end, tid in spans:
            assert forms[hans(blocks[key].text[start:end])] == tid
            assert (key[0], key[1], tid) not in linked
            linked.add((key[0], key[1], tid))


# --- departments -----------------------------------------------------------------------------

def test_unit_lists_split_roles_and_aliases():
    text = "（牵头单位：市发展改革委、 区财政局；责任单位:市发改委，区科技局/狮子山高新区）"
    found = departments.find_units(text)
    assert [(role, name) for role, name, _, _ in found] == [
        ("lead", "市发改委"), ("lead", "区财政局"), ("share", "市发改委"), ("share", "区科技局"),
        ("share", "狮子山高新区")]
    assert [text[s:e] for _, _, s, e in found] == ["市发展改革委", "区财政局", "市发改委", "区科技局", "狮子山高新区"]
    assert departments.find_units("责任单位：Binhai新区管委会。其他")[0][1] == "Binhai新区管委会"


def test_ndrc_of_taiyuan_leads_every_task_the_text_gives_it(web):
    raw = raw_text("001_006c4d63c36b7a44")
    expected = len(re.findall(r"牵头(?:部门|单位)\s*[:：]\s*市发改委\s*[)）]", raw))
    assert expected >= 5
    units = web.departments.units[("山西省太原市", "市发改委")]
    assert len(units["lead"]) == expected
    assert all(slug == TAIYUAN and place != PREAMBLE for slug, place in units["lead"])


def test_tongguan_units_lead_and_share(web):
    raw = raw_text("003_08dfc49d6e2fc626")
    units = web.departments.units[("安徽省铜陵市铜官区", "区发改局")]
    assert len(units["lead"]) == len(re.findall(r"牵头单位\s*[:：]\s*区发改局", raw))
    assert len(units["share"]) >= 5


# --- related sections ------------------------------------------------------------------------

def test_related_sections_are_other_documents_at_most_five(web, docs):
    assert web.related, "no section found a related section"
    ids = {(d.slug, s.id) for d in docs for s in d.all_sections()}
    for place, partners in web.related.items():
        assert place in ids and 1 <= len(partners) <= 5
        assert all(p in ids and p[0] != place[0] for p in partners)
        assert len(set(partners)) == len(partners)


def test_related_entries_of_one_page_are_budgeted_best_first():
    partners = {("a", s): [("x", f"{s}-{i}") for i in range(5)] for s in ("s1", "s2", "s3")}
    partners[("b", "s1")] = [("x", "b")]
    kept = related.budgeted(partners, 7)
    # Each section's first partner, then each one's second, until seven are given; document b
    # has a budget of its own.
    assert {place: len(found) for place, found in kept.items()} == {
        ("a", "s1"): 3, ("a", "s2"): 2, ("a", "s3"): 2, ("b", "s1"): 1}
    assert all(found == partners[place][:len(found)] for place, found in kept.items())
    assert list(kept) == list(partners)


def test_no_page_lists_more_related_sections_than_its_budget(tmp_path):
    """Four copies of each bundled text: every section of a long plan finds five partners, more
    than one page may list."""
    for seed in sorted(SOURCES.glob("*.txt")):
        for n in range(4):
            (tmp_path / f"{seed.stem}-{n}.txt").write_bytes(seed.read_bytes() + f"\n副本{n}\n".encode())
    texts, _ = sources.read_sources(tmp_path)
    found = analyse(pipeline.process_corpus(texts).documents).related
    per_doc, sections = Counter(), Counter()
    for (slug, _), partners in found.items():
        per_doc[slug] += len(partners)
        sections[slug] += 1
    budget = rules("related")["per_document"]
    assert max(per_doc.values()) == budget  # reached: without the budget the longest would list more
    assert max(sections.values()) * rules("related")["max_related"] > budget


def test_analysis_is_deterministic(docs, web):
    again = analyse(docs, "https://example.org/", "2024-01-02")
    assert again.related == web.related
    assert dict(again.glossary.spans) == dict(web.glossary.spans)
    assert list(again.citations.entries) == list(web.citations.entries)


# --- cite this section -----------------------------------------------------------------------

def test_cite_data_and_control_hold_scraped_text_as_text_only(docs):
    doc = next(d for d in docs if d.slug == TAIYUAN)
    data = cite_data(doc, "Hans", "2024-01-02")
    for part in ("太原市人民政府", "并政发〔2013〕30号", "2013-07-16", "2024-01-02", TAIYUAN):
        assert part in data
    path = [doc.sections[3], doc.sections[3].children[0]]  # 四、重大改革 / （一）
    control = cite_control(doc, path, "Hant", "https://e.org/zh-Hant/x/#s4-1", "引用本節 Cite")
    assert '<p class="cite-where">四、重大改革 （一）深化行政審批制度改革。</p>' in control
    hostile = Document("x", "utf-8", Metadata(title='<img src=x onerror="pwned()">', issuer="&<", slug="x"),
                       [], [], [])
    data = cite_data(hostile, "Hans", "2024-01-02")
    assert "<img" not in data and "&lt;img src=x onerror=&quot;pwned()&quot;&gt;" in data
    assert "&amp;&lt;" in data


# --- rendering -------------------------------------------------------------------------------

def test_para_escapes_text_around_and_inside_links():
    text = "  <b>见《两型社会》&</b>"
    html = para(text, links=[Link(7, 11, "../g/#x", 'a"b', "gloss-term")])
    assert html == ('<p>&lt;b&gt;见《<a href="../g/#x" class="gloss-term" title="a&quot;b">两型社会</a>》'
                    "&amp;&lt;/b&gt;</p>")


def test_index_pages_exist_in_both_editions_with_their_titles(web):
    titles = {}
    for edition in ("Hans", "Hant"):
        pages, nav = web.pages(edition)
        for src, content in pages.items():
            titles[src] = re.search(r"^# (.+)$", content, re.M).group(1)
    assert titles["glossary.md"] == "术语表 Glossary" and titles["zh-Hant/glossary.md"] == "術語表 Glossary"
    assert titles["cited-documents.md"] == "引用文件 Cited documents"
    assert titles["zh-Hant/cited-documents.md"] == "引用文件 Cited documents"
    assert titles["departments.md"] == "责任部门 Departments"
    assert titles["zh-Hant/departments.md"] == "責任部門 Departments"
    assert {"indexes/region.md", "indexes/issuer.md", "indexes/year.md", "indexes/type.md"} <= set(titles)


def test_anchors_are_stable_ascii():
    assert anchor("c", "甲") == anchor("c", "甲") != anchor("c", "乙")
    assert re.fullmatch(r"c-[0-9a-f]{10}", anchor("c", "甲"))


# --- cited by, facets (inputs written here) --------------------------------------------------

def made_doc(slug: str, title: str, body: str, region: str, script: str = "Hans") -> Document:
    section = Section("s1", "一、", "总则", 1, 2, blocks=[Line(3, body)])
    return Document(f"{slug}.txt", "utf-8", Metadata(title=title, slug=slug, region=region, script=script,
                                                     date="2015-03-01", doc_type="通知", issuer="某市人民政府"),
                    [Line(1, title)], [section], [])


def test_cited_by_links_the_citing_section_across_scripts():
    plan = made_doc("plan", "某市人民政府关于印发某市综合配套改革试验总体方案的通知", "推进大通关建设。", "甲省某市")
    citing = made_doc("citing", "乙區關於落實試驗方案的意見", "根據《某市綜合配套改革試驗總體方案(2010-2015年)》，推進大通關。",
                      "甲省乙区", "Hant")
    web = analyse([plan, citing], "https://e.org/", "2024-01-02")
    assert web.cited_by == {"plan": [("citing", "s1", 1)]}
    html = web.view(plan, "Hans").after_meta()
    assert '<div class="cited-by">' in html and 'href="../citing/#s1"' in html
    spans = web.view(citing, "Hant").spans("s1")(0, citing.sections[0].blocks[0].text,
                                                citing.sections[0].blocks[0].text)
    text = citing.sections[0].blocks[0].text
    assert [(text[s.start:s.end], s.href, s.cls) for s in spans] == [
        ("某市綜合配套改革試驗總體方案(2010-2015年)", "../plan/", "cite-doc"),
        ("大通關", "../../glossary/#big-customs-clearance", "gloss-term")]


def test_facet_pages_list_every_document_under_its_value(docs, web):
    """The summary names each value under its stable anchor and links its listing; the listing
    pages of the document's value (and only those) hold the document."""
    pages, _ = web.pages("Hans")
    for summary, field, prefix in (("indexes/region.md", "region", "r"), ("indexes/year.md", "date", "y")):
        for doc in docs:
            value = getattr(doc.meta, field)[:4] if field == "date" else hans(getattr(doc.meta, field))
            key = anchor(prefix, value)
            assert f"{{#{key}}}" in pages[summary]
            listing = "".join(pages[src] for src in pages if src.startswith(f"{summary[:-3]}/{key}"))
            assert f"documents/{doc.slug}/" in listing
            others = "".join(pages[src] for src in pages
                             if src.startswith(summary[:-3] + "/") and f"/{key}" not in src)
            assert f"documents/{doc.slug}/" not in others


def test_related_sections_share_the_subject(web):
    """Pollution control in 003 finds the environment sections of 001 (in Traditional script)."""
    headings = {(slug, sid): hans(path[-1].marker + path[-1].title)
                for slug, paths in web.paths.items() for sid, path in paths.items()}
    assert "污染" in headings[(TONGGUAN, "s4-10")]
    partners = web.related[(TONGGUAN, "s4-10")]
    assert any(slug == TAIYUAN and ("污染" in headings[(slug, sid)] or "环境" in headings[(slug, sid)])
               for slug, sid in partners)


def test_no_inline_links_where_conversion_changes_the_length(docs, web):
    """Positions found in one form of a paragraph cannot be placed on a text of another length."""
    doc = next(d for d in docs if d.slug == TAIYUAN)
    key = next(k for k in web.glossary.spans if k[0] == TAIYUAN and k[1] != PREAMBLE)
    section = web.paths[TAIYUAN][key[1]][-1]
    original = section.blocks[key[2]].text
    links = web.view(doc, "Hans").spans(key[1])
    assert links(key[2], original, hans(original))  # same length: linked
    assert links(key[2], original, hans(original) + "。") == []


def test_long_listings_split_between_documents():
    places = {(f"d{i // 7}", f"s{i % 7}"): 1 for i in range(7 * 100)}  # 100 documents, 7 sections each
    parts = pages_mod.by_documents(places)
    assert [k for part in parts for k in part] == list(places)  # nothing lost, order kept
    assert len(parts) > 1 and all(len(p) < pages_mod.ROWS + 7 for p in parts)
    assert all(len({s for s, _ in p} & {s for s, _ in q}) == 0 for p, q in zip(parts, parts[1:]))


def test_cited_by_on_the_page_is_bounded_and_links_the_full_entry():
    from reformdocs.links import CITED_BY
    plan = made_doc("plan", "某市人民政府关于印发某市综合配套改革试验总体方案的通知", "推进大通关建设。", "甲省某市")
    citing = [made_doc(f"c{i:02d}", f"乙区关于落实试验方案的意见{i}", "根据《某市综合配套改革试验总体方案》，推进大通关。",
                       "甲省乙区") for i in range(CITED_BY + 5)]
    web = analyse([plan] + citing, "https://e.org/", "2024-01-02")
    assert len(web.cited_by["plan"]) == CITED_BY + 5
    html = web.view(plan, "Hans").after_meta()
    assert html.count("<li>") == CITED_BY + 1
    assert re.search(r'<a href="\.\./\.\./cited-documents/[0-9a-f]+/#c-[0-9a-f]+">全部25处 All 25 places</a>', html)


def test_a_title_cited_everywhere_gets_its_own_listing_pages(monkeypatch):
    """An entry cited in more places than a page holds moves to pages of its own, every place
    listed once; the first-character page keeps the entry's anchor and links them."""
    monkeypatch.setattr(pages_mod, "ROWS", 4)
    citing = [made_doc(f"c{i:02d}", f"乙区关于落实行动计划的意见{i}", "根据《丙省五大发展行动计划》，推进改革。", "甲省乙区")
              for i in range(10)]
    web = analyse(citing, "https://e.org/", "2024-01-02")
    built, _ = web.pages("Hans")
    key = next(k for k in web.citations.entries if "五大发展行动计划" in k)
    first = pages_mod.cited_src(key[0], "Hans")
    listing = pages_mod.cited_listing(key[0], anchor("c", key), web.citations.entries[key].places, "Hans")
    assert len(listing) == 3  # 10 documents, 4 a page
    assert f"{{#{anchor('c', key)}}}" in built[first] and "全部章节 All sections (10)" in built[first]
    assert "documents/c00/" not in built[first]
    listed = "".join(built[src] for src in listing)
    assert all(listed.count(f"documents/c{i:02d}/#s1") == 1 for i in range(10))  # each citing place once
