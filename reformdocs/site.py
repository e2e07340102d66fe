"""The whole site as data: every generated page (path -> Markdown) and the navigation.

`build(corpus, handwritten)` is what the MkDocs hooks call; it knows nothing of MkDocs. Each page
exists in both editions at the same path under the edition prefix (see `urls`).
"""
from __future__ import annotations

import html
from collections import defaultdict
from dataclasses import dataclass, field

from .model import Document, Line, Table
from .navigation import PAGE_ROWS, bounded
from .pipeline import Corpus
from . import export, links
from .downloads import home_links
from .render import KIND_NAMES, document_body, document_page, fill, front_matter, inline, squeeze
from .script import EDITIONS, edition_text
from .urls import doc_src, doc_url, relative, src_path, url_of

EDITION_NAMES = {"Hans": "简体中文", "Hant": "繁體中文"}
UNSPECIFIED = "未注明地区"
T = {  # interface strings of generated pages, written in Simplified and converted for Hant
    "home": "首页", "site": "改革文件库", "catalogue": "目录 Catalogue", "documents": "文件 Documents",
    "notes": "校勘总表 Editorial notes", "about": "关于本站 About",
    "cols": ("标题 Title", "地区 Region", "发文机关 Issuer", "日期 Date", "文号 No.", "文种 Type",
             "字数 Characters", "章节 Sections"),
    "intro": "本站收录各地综合配套改革、两型社会、转型综改等改革文件，经清理、分节、互联，"
             "以简体、繁体两种字体提供。每一处清理改动都列在各文件末尾的校勘记中。",
    "intro_en": "Chinese local-government reform documents, cleaned from scraped web pages, split "
                "into citable sections and cross-linked, in Simplified and Traditional script. "
                "Every change the cleaner made is listed in each document's editorial notes.",
    "more": "完整目录（共{n}页）", "page": "第{n}页", "docs_count": "共{n}份文件",
    "notes_intro": "各文件清理时所作改动的统计；点击文件名查看逐条校勘记。",
}


@dataclass
class Site:
    pages: dict[str, str] = field(default_factory=dict)  # Markdown source path -> content
    nav: list = field(default_factory=list)
    web: links.Web | None = None
    bodies: dict[str, tuple[Document, str]] = field(default_factory=dict)  # document page -> (doc, edition)

    def finish(self, src: str, page: str) -> str:
        """The page rendered from `src` as it is written: layout whitespace squeezed and, on a
        document page, its body filled in. The body is rendered here, one page at a time, so no
        more than one document's body HTML is ever held (MkDocs keeps every page's content until
        the build ends)."""
        page = squeeze(page)
        if src not in self.bodies:
            return page
        doc, edition = self.bodies[src]
        return fill(page, document_body(doc, edition, self.web.view(doc, edition)))


def tr(text: str, edition: str) -> str:
    return edition_text(text, edition, "Hans")


def doc_length(doc: Document) -> int:
    blocks = list(doc.preamble) + [b for s in doc.all_sections() for b in s.blocks]
    return sum(len(b.text) if isinstance(b, Line) else sum(map(len, sum(b.rows, ()))) for b in blocks
               if isinstance(b, (Line, Table))) + sum(len(s.title) for s in doc.all_sections())


def sort_key(doc: Document) -> tuple:
    return (doc.meta.region or "\uffff", doc.meta.date or "9999", doc.meta.title, doc.slug)


def catalogue_table(docs: list[Document], edition: str, here: str) -> str:
    head = "".join(f"<th>{html.escape(tr(c, edition))}</th>" for c in T["cols"])
    rows = []
    for doc in docs:
        m = doc.meta
        title = edition_text(m.title, edition, m.script) or doc.slug
        link = relative(doc_url(doc.slug, edition), here)
        english = f'<br><small lang="en">{html.escape(m.title_en)}</small>' if m.title_en else ""
        cells = [f'<a href="{link}">{html.escape(title)}</a>{english}'] + [
            html.escape(edition_text(v, edition, m.script)) for v in (m.region, m.issuer)] + [
            html.escape(m.date), html.escape(edition_text(m.doc_number, edition, m.script)),
            html.escape(edition_text(m.doc_type, edition, m.script)),
            str(doc_length(doc)), str(sum(1 for _ in doc.all_sections()))]
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    return ('<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table class="catalogue">'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div></div>")


def catalogue_pages(docs: list[Document], edition: str) -> tuple[dict[str, str], list[str]]:
    """Home page with the first rows, plus numbered catalogue pages when there are more."""
    pages: dict[str, str] = {}
    chunks = [docs[i:i + PAGE_ROWS] for i in range(0, len(docs), PAGE_ROWS)] or [[]]
    more = [src_path(f"catalogue/{n}.md", edition) for n in range(1, len(chunks) + 1)] if len(chunks) > 1 else []
    home_src = src_path("index.md", edition)
    home = [front_matter(title=tr(T["site"], edition)), f"# {tr(T['site'], edition)}", "",
            f"<p>{html.escape(tr(T['intro'], edition))}</p>", "",
            f'<p lang="en">{html.escape(T["intro_en"])}</p>', "",
            home_links(edition, url_of(home_src), url_of(src_path(export.DATA_PAGE, edition))), "",
            f"## {inline(tr(T['catalogue'], edition))} {{#catalogue}}", "",
            f"<p>{html.escape(tr(T['docs_count'], edition).format(n=len(docs)))}</p>", "",
            catalogue_table(chunks[0], edition, url_of(home_src)), ""]
    if more:
        links = " · ".join(f'<a href="{relative(url_of(s), url_of(home_src))}">{n}</a>'
                           for n, s in enumerate(more, start=1))
        home.append(f"<p>{html.escape(tr(T['more'], edition).format(n=len(more)))}: {links}</p>")
    pages[home_src] = "\n".join(home) + "\n"
    for n, (src, chunk) in enumerate(zip(more, chunks), start=1):
        title = f"{tr(T['catalogue'], edition)} · {tr(T['page'], edition).format(n=n)}"
        pages[src] = "\n".join([front_matter(title=title), f"# {inline(title)}", "",
                                catalogue_table(chunk, edition, url_of(src))]) + "\n"
    return pages, more


def notes_pages(docs: list[Document], edition: str) -> tuple[dict[str, str], list[str]]:
    """The editorial notes summary: counts of each kind of edit per document, PAGE_ROWS documents
    a page (editorial-notes/, then editorial-notes/2/ …), each page linking every other."""
    kinds = sorted({e.kind for d in docs for e in d.audit})
    head = "".join(f"<th>{html.escape(c)}</th>" for c in
                   [tr("文件 Document", edition), tr("编码 Encoding", edition)] + [tr(KIND_NAMES.get(k, k), edition) for k in kinds])
    chunks = [docs[i:i + PAGE_ROWS] for i in range(0, len(docs), PAGE_ROWS)] or [[]]
    srcs = [src_path("editorial-notes.md" if n == 1 else f"editorial-notes/{n}.md", edition)
            for n in range(1, len(chunks) + 1)]
    pages = {}
    for n, (src, chunk) in enumerate(zip(srcs, chunks), start=1):
        here = url_of(src)
        rows = []
        for doc in chunk:
            counts = defaultdict(int)
            for e in doc.audit:
                counts[e.kind] += 1
            title = edition_text(doc.meta.title, edition, doc.meta.script) or doc.slug
            link = relative(doc_url(doc.slug, edition) + "#audit", here)
            cells = [f'<a href="{link}">{html.escape(title)}</a>', html.escape(doc.encoding)] + [
                str(counts[k]) for k in kinds]
            rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
        title = tr(T["notes"], edition) + (f" · {tr(T['page'], edition).format(n=n)}" if n > 1 else "")
        pager = " · ".join(f'<a href="{relative(url_of(s), here)}">{i}</a>' for i, s in enumerate(srcs, start=1))
        pages[src] = "\n".join([front_matter(title=title), f"# {inline(title)}", "",
                                f"<p>{html.escape(tr(T['notes_intro'], edition))}</p>", "",
                                f"<p>{pager}</p>" if len(srcs) > 1 else "", "",
                                '<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table>'
                                f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div></div>"]) + "\n"
    return pages, srcs


def build(corpus: Corpus, handwritten: dict[str, str], site_url: str = "", build_date: str = "") -> Site:
    """Pages and navigation for the corpus; `handwritten` pages (docs/) get a converted Traditional twin.

    `site_url` and `build_date` go into the cite-this-section references (see `links.cite`).
    """
    docs = sorted(corpus.documents, key=sort_key)
    web = links.analyse(docs, site_url, build_date)
    site = Site(web=web)
    for edition in EDITIONS:
        nav: list = []
        cat_pages, more = catalogue_pages(docs, edition)
        site.pages.update(cat_pages)
        nav.append({tr(T["home"], edition): src_path("index.md", edition)})
        if more:
            nav.append({tr(T["catalogue"], edition): bounded(more)})
        groups: dict[str, list] = defaultdict(list)
        for doc in docs:
            src = doc_src(doc.slug, edition)
            site.pages[src] = document_page(doc, edition)
            site.bodies[src] = (doc, edition)
            title = edition_text(doc.meta.title, edition, doc.meta.script) or doc.slug
            region = edition_text(doc.meta.region or UNSPECIFIED, edition, doc.meta.script)
            groups[region].append({html.escape(title): src})
        # Nav titles are printed unescaped by the theme: scraped titles and regions are escaped here.
        nav.append({tr(T["documents"], edition): bounded([{html.escape(region): bounded(items)}
                                                           for region, items in groups.items()])})
        index_pages, index_nav = web.pages(edition)
        site.pages.update(index_pages)
        nav.append(index_nav)
        notes, note_srcs = notes_pages(docs, edition)
        site.pages.update(notes)
        nav.append({tr(T["notes"], edition): bounded(note_srcs) if len(note_srcs) > 1 else note_srcs[0]})
        data = export.data_pages(docs, edition, PAGE_ROWS)
        site.pages.update(data)
        nav.append({tr(export.PAGE["title"], edition): bounded(list(data))} if len(data) > 1 else list(data)[0])
        for src, content in sorted(handwritten.items()):
            if edition != "Hans":
                site.pages[src_path(src, edition)] = tr(content, edition)
            nav.append(src_path(src, edition))
        site.nav.append({EDITION_NAMES[edition]: nav})
    return site
