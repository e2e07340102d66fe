"""Cross-links: the corpus as a web. Citations, glossary, departments, related sections, indexes by
region/issuer/year/type, and a cite control on every section.

`analyse(docs, ...)` reads every document once (plus one pass for related sections) and returns a
`Web`; `Web.view(doc, edition)` gives `render.document_page` what it adds to a document page, and
`Web.pages(edition)` the index pages with their nav entry. One module per concern:

| module | does |
| --- | --- |
| `text.py` | paragraphs normalised to Simplified, stable anchors, rules from data/links.yml |
| `citations.py` | 《…》 titles, matched to corpus documents, cited-documents index, cited-by |
| `glossary.py` | terms of data/glossary.yml, one alternation matcher, occurrences per section |
| `departments.py` | lead and sharing units of task lists, merged through aliases |
| `related.py` | related sections through an inverted index of each section's rarest features |
| `cite.py` | what cite-this-section needs on a page (docs/javascripts/cite.js formats it) |
| `pages.py` | the index pages |
"""
from __future__ import annotations

import html
from dataclasses import dataclass

from ..model import Document, Section
from ..render import Link
from ..urls import doc_url, relative, src_path, url_of
from . import citations, departments, glossary, related
from .cite import cite_control, cite_data
from .pages import GLOSSARY, Pages, cited_src, region_src, tr, unit_anchor
from .text import anchor, hans, paragraphs, section_paths

__all__ = ["Web", "DocLinks", "analyse"]

CITED_BY = 20  # citing places listed on the cited document's page; all of them on its entry
UI = {  # interface strings of document pages, Simplified; converted for Hant
    "cited_by": "被引用 Cited by", "related": "相关章节 Related sections", "cite": "引用本节 Cite",
    "cited_doc": "引用文件 Cited document", "all_cited_by": "全部{n}处 All {n} places",
    "unit": "责任部门 Department", "on_site": "本站文件 Document on this site",
}


@dataclass
class Web:
    docs: dict[str, Document]  # slug -> document, in site order
    paths: dict[str, dict[str, list[Section]]]  # slug -> section id -> path from the top level
    citations: citations.Citations
    glossary: glossary.Glossary
    departments: departments.Departments
    related: dict[tuple[str, str], list[tuple[str, str]]]
    cited_by: dict[str, list[tuple[str, str, int]]]
    site_url: str
    build_date: str

    def view(self, doc: Document, edition: str) -> "DocLinks":
        return DocLinks(self, doc, edition)

    def pages(self, edition: str) -> tuple[dict[str, str], dict]:
        return Pages(self, edition).all()


def analyse(docs: list[Document], site_url: str = "", date: str = "") -> Web:
    """The cross-link web of `docs` (in site order); `site_url` makes cite URLs absolute and `date`
    is the access date printed in references (the build date, see `cite`)."""
    cites = citations.collect(docs)
    terms = glossary.Glossary()
    units = departments.Departments()
    rel = related.Related()
    for doc in docs:
        paras = list(paragraphs(doc))
        region = hans(doc.meta.region)
        for para in paras:
            cites.add(para)
            terms.add(para)
            units.add(para, region)
        rel.count(related.features(doc, paras, terms.in_place))
    for doc in docs:  # second pass: each section's most telling features, now that df is known
        rel.keep(related.features(doc, list(paragraphs(doc)), terms.in_place))
    return Web(docs={d.slug: d for d in docs}, paths={d.slug: section_paths(d) for d in docs},
               citations=cites, glossary=terms, departments=units, related=rel.partners(),
               cited_by=cites.cited_by(), site_url=site_url, build_date=date)


class DocLinks:
    """What a document page in one edition gets from the web (the `links` of `document_page`)."""

    def __init__(self, web: Web, doc: Document, edition: str):
        self.web, self.doc, self.edition = web, doc, edition
        self.here = doc_url(doc.slug, edition)
        self.pages = Pages(web, edition)
        self.glossary_url = relative(url_of(src_path(GLOSSARY, edition)), self.here)
        self.term_names = {t.id: t.en for t in glossary.terms()}

    def _citation(self, start: int, end: int, key: str) -> Link:
        entry = self.web.citations.entries[key]
        if entry.target:  # (titles are fixed labels: scraped text never goes into an attribute)
            return Link(start, end, relative(doc_url(entry.target, self.edition), self.here),
                        tr(UI["on_site"], self.edition), "cite-doc")
        page = relative(url_of(cited_src(key[0], self.edition)), self.here)
        return Link(start, end, f"{page}#{anchor('c', key)}", tr(UI["cited_doc"], self.edition), "cite-ref")

    def _term(self, start: int, end: int, tid: str) -> Link:
        return Link(start, end, f"{self.glossary_url}#{tid}", self.term_names[tid], "gloss-term")

    def _unit(self, start: int, end: int, unit: tuple[str, str]) -> Link:
        page = relative(url_of(region_src(unit[0], self.edition)), self.here)
        return Link(start, end, f"{page}#{unit_anchor(*unit)}", tr(UI["unit"], self.edition), "dept-unit")

    def spans(self, place: str):
        """The Links of each paragraph of `place`: f(index, original text, shown text)."""
        def links(index: int, original: str, shown: str) -> list[Link]:
            if len(shown) != len(original):  # the edition's text moved: positions would not fit
                return []
            key = (self.doc.slug, place, index)
            found: list[Link] = []
            # Citations first, then departments, then terms: a later span never overlaps an earlier.
            for spans, make in ((self.web.citations.spans, self._citation),
                                (self.web.departments.spans, self._unit),
                                (self.web.glossary.spans, self._term)):
                for span in spans.get(key, ()):
                    link = make(*span)
                    if not any(link.start < other.end and other.start < link.end for other in found):
                        found.append(link)
            return sorted(found)
        return links

    def _list(self, cls: str, label: str, items: list[str]) -> str:
        if not items:
            return ""
        return (f'<div class="{cls}"><p class="links-label">{html.escape(tr(label, self.edition))}</p>'
                f'<ul>{"".join(f"<li>{i}</li>" for i in items)}</ul></div>')

    def _place(self, slug: str, place: str) -> str:
        p = self.pages
        return (f'{p.doc_link(slug, self.here)} · <a href="{p.place_href(slug, place, self.here)}">'
                f"{html.escape(p.place_label(slug, place))}</a>")

    def after_meta(self) -> str:
        """"Cited by" (the places of other documents that cite this one), and the document's part
        of the references of its sections."""
        cited = self.web.cited_by.get(self.doc.slug, [])
        items = [self._place(s, p) for s, p, _ in cited[:CITED_BY]]
        if len(cited) > CITED_BY:  # the rest on the cited-documents entry: the page stays small
            key = next(k for k, e in self.web.citations.entries.items() if e.target == self.doc.slug)
            page = relative(url_of(cited_src(key[0], self.edition)), self.here)
            items.append(f'<a href="{page}#{anchor("c", key)}">'
                         f'{html.escape(tr(UI["all_cited_by"], self.edition).format(n=len(cited)))}</a>')
        return self._list("cited-by", UI["cited_by"], items) + cite_data(self.doc, self.edition, self.web.build_date)

    def after_heading(self, section: Section) -> str:
        """The cite control, with the section's absolute URL."""
        path = self.web.paths[self.doc.slug][section.id]
        url = f"{self.web.site_url.rstrip('/')}/{self.here}#{section.id}"
        return cite_control(self.doc, path, self.edition, url, tr(UI["cite"], self.edition))

    def after_blocks(self, section: Section) -> str:
        """Up to five related sections of other documents."""
        partners = self.web.related.get((self.doc.slug, section.id), [])
        return self._list("related", UI["related"], [self._place(s, p) for s, p in partners])
