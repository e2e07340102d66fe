"""The index pages of the cross-link web, in one edition: glossary, cited documents, departments,
and documents by region, issuer, year and type. Every entry has a stable anchor; every link is
relative (`urls.relative`); every scraped string is escaped (`render.inline` in headings,
`html.escape` in HTML)."""
from __future__ import annotations

import html
from collections import defaultdict

from ..model import Document
from ..navigation import PAGE_ROWS, bounded
from ..render import front_matter, inline
from ..script import edition_text
from ..urls import doc_url, relative, src_path, url_of
from .departments import ROLES
from .glossary import terms
from .text import PREAMBLE, anchor, heading_text, hans

GLOSSARY = "glossary.md"
CITED = "cited-documents.md"
DEPARTMENTS = "departments.md"
FACETS = {  # field -> (page, title, anchor prefix)
    "region": ("indexes/region.md", "地区索引 Documents by region", "r"),
    "issuer": ("indexes/issuer.md", "发文机关索引 Documents by issuer", "i"),
    "year": ("indexes/year.md", "年份索引 Documents by year", "y"),
    "doc_type": ("indexes/type.md", "文种索引 Documents by type", "t"),
}
T = {  # interface strings, Simplified; converted for the Traditional edition
    "indexes": "索引 Indexes",
    "glossary": "术语表 Glossary",
    "glossary_intro": "本站文件中的改革政策术语。每节第一次出现的术语链接到这里；每个词条列出出现该术语的章节及次数。",
    "glossary_intro_en": "Policy terms of the documents on this site. The first occurrence of a term in each "
                         "section links here; each entry lists the sections where it occurs, with counts.",
    "variants": "异形 Variants", "occurs": "出现{n}次，{m}个章节 · {n} occurrences in {m} sections",
    "absent": "本站文件暂未出现 · Not found in the documents yet",
    "cited": "引用文件 Cited documents",
    "cited_intro": "文件正文中以书名号《》引用的文件，以及引用它们的章节，按标题首字分页。本站收录的文件直接链接到该文件。",
    "cited_intro_en": "Documents cited by title (in 《》) in the texts, with every citing section, one page "
                      "per first character of the title. Titles that name a document on this site link to it.",
    "on_site": "本站文件 On this site", "cited_in": "引用于 Cited in", "titles": "{n}个标题 · titles: {n}",
    "departments": "责任部门 Departments",
    "departments_intro": "任务分工中列出的牵头单位和责任单位，按地区分组，附各自负责的任务（章节）。",
    "departments_intro_en": "The lead and responsible units named in task lists, grouped by region, "
                            "with the tasks (sections) each leads or shares.",
    "all_tasks": "全部任务 All tasks", "lead": "牵头 Leads", "share": "参与 Shares", "units": "{n}个单位 · units: {n}",
    "all_places": "全部章节 All sections", "pages": "分页 Pages", "page": "第{n}页",
    "preamble": "正文前 Preamble", "unspecified": "未注明 Not stated",
    "facet_intro": "共{n}份文件 · {n} documents",
}


ROWS = 300  # sections listed on one page of a term's occurrences (whole documents): pages stay small


FACET_ROWS = PAGE_ROWS  # documents on one page of a facet value (region, issuer, year, type)


def facet_pages(summary: str, key: str, count: int, edition: str) -> list[str]:
    """Sources of the pages listing a facet value's `count` documents: 'indexes/year/y-….md', then
    'indexes/year/y-…/2.md' …; `key` is the value's stable anchor."""
    base = summary[:-3]
    return [src_path(f"{base}/{key}.md" if n == 1 else f"{base}/{key}/{n}.md", edition)
            for n in range(1, max(1, -(-count // FACET_ROWS)) + 1)]


def cited_listing(first: str, key: str, places: dict, edition: str) -> list[str]:
    """Pages of the places citing one title when they are more than one page holds ([] if not):
    'cited-documents/<first>/<key>.md', then '…/<key>/2.md' …"""
    count = len(by_documents(places))
    if count < 2:
        return []
    base = f"cited-documents/{ord(first):x}/{key}"
    return [src_path(f"{base}.md" if n == 1 else f"{base}/{n}.md", edition) for n in range(1, count + 1)]


def unit_anchor(region: str, name: str) -> str:
    return anchor("d", region + "|" + name)


def cited_src(first: str, edition: str) -> str:
    """The page of the cited titles whose comparison key starts with `first`."""
    return src_path(f"cited-documents/{ord(first):x}.md", edition)


def region_src(region: str, edition: str) -> str:
    """The page of a region's departments (its units' entries)."""
    return src_path(f"departments/{anchor('r', region)}.md", edition)


def unit_pages(region: str, name: str, roles: dict, edition: str) -> list[str]:
    """The pages listing a unit's tasks: departments/r-<region>/d-<unit>/, then …/2/ …"""
    count = sum(len(by_documents(roles[role])) for role in ROLES if roles[role])
    folder = f"departments/{anchor('r', region)}/{unit_anchor(region, name)}"
    return [src_path(f"{folder}/index.md" if n == 1 else f"{folder}/{n}.md", edition) for n in range(1, count + 1)]


def by_documents(places: dict) -> list[dict]:
    """{(slug, place): count} split into parts of about ROWS places, a document never split
    (its places are consecutive: they are collected in reading order), order kept."""
    parts: list[dict] = [{}]
    last = ""
    for (slug, place), n in places.items():
        if slug != last and len(parts[-1]) >= ROWS:
            parts.append({})
        parts[-1][(slug, place)] = n
        last = slug
    return parts


def term_pages(tid: str, places: dict, edition: str) -> list[str]:
    """The pages listing a term's occurrences: glossary/<id>/, then glossary/<id>/2/ ..."""
    count = len(by_documents(places))
    return [src_path(f"glossary/{tid}/index.md" if n == 1 else f"glossary/{tid}/{n}.md", edition)
            for n in range(1, count + 1)]


def tr(text: str, edition: str) -> str:
    return edition_text(text, edition, "Hans")


class Pages:
    """Builds the index pages of one edition from the analysed web (see `links.Web`)."""

    def __init__(self, web, edition: str):
        self.web, self.edition = web, edition

    def doc_title(self, doc: Document) -> str:
        return edition_text(doc.meta.title, self.edition, doc.meta.script) or doc.slug

    def place_label(self, slug: str, place: str) -> str:
        doc = self.web.docs[slug]
        if place == PREAMBLE:
            return tr(T["preamble"], self.edition)
        section = self.web.paths[slug][place][-1]
        text = edition_text(heading_text(section), self.edition, doc.meta.script).strip()
        return text or place

    def place_href(self, slug: str, place: str, here: str) -> str:
        href = relative(doc_url(slug, self.edition), here)
        return f"{href}#{place}" if place != PREAMBLE else href

    def doc_link(self, slug: str, here: str) -> str:
        doc = self.web.docs[slug]
        return f'<a href="{relative(doc_url(slug, self.edition), here)}">{html.escape(self.doc_title(doc))}</a>'

    def places_list(self, places, here: str, counts: bool = True) -> str:
        """<ul> of places grouped by document: {(slug, place): count} in reading order."""
        by_doc: dict[str, list] = defaultdict(list)
        for (slug, place), n in places.items():
            by_doc[slug].append((place, n))
        items = []
        for slug, entries in by_doc.items():
            links = " · ".join(
                f'<a href="{self.place_href(slug, place, here)}">{html.escape(self.place_label(slug, place))}</a>'
                + (f" ×{n}" if counts and n > 1 else "") for place, n in entries)
            items.append(f"<li>{self.doc_link(slug, here)}: {links}</li>")
        return f'<ul class="link-places">{"".join(items)}</ul>'

    def page(self, key: str, body: list[str]) -> str:
        title = tr(T[key], self.edition)
        return "\n".join([front_matter(title=title), f"# {inline(title)}", "",
                          f"<p>{html.escape(tr(T[key + '_intro'], self.edition))}</p>", "",
                          f'<p lang="en">{html.escape(T[key + "_intro_en"])}</p>', ""] + body) + "\n"

    def pager(self, srcs: list[str], here: str) -> str:
        """Links to every page of a list that runs over several pages."""
        if len(srcs) < 2:
            return ""
        links = " · ".join(f'<a href="{relative(url_of(src), here)}">{n}</a>' for n, src in enumerate(srcs, 1))
        return f'<p class="pager">{html.escape(tr(T["pages"], self.edition))}: {links}</p>'

    def listing(self, srcs: list[str], title: str, head: list[str], places) -> dict[str, str]:
        """Pages `srcs` listing `places` ({(slug, place): count}), ROWS documents a page."""
        pages = {}
        for n, (src, chunk) in enumerate(zip(srcs, by_documents(places)), start=1):
            here = url_of(src)
            name = title if n == 1 else f"{title} · {tr(T['page'], self.edition).format(n=n)}"
            pages[src] = "\n".join([front_matter(title=name), f"# {inline(name)}", ""] + [
                line(here) for line in head] + [self.pager(srcs, here), "", self.places_list(chunk, here), ""]) + "\n"
        return pages

    def glossary(self) -> tuple[dict[str, str], list]:
        """The glossary (every term, its explanation and counts) and one listing per term of the
        sections where it occurs."""
        e = self.edition
        index_src = src_path(GLOSSARY, e)
        here = url_of(index_src)
        pages: dict[str, str] = {}
        nav: list = [index_src]
        body = []
        for term in terms():
            places = self.web.glossary.places.get(term.id, {})
            name = f"{tr(term.term, e)} · {term.en}"
            body += [f"## {inline(name)} {{#{term.id}}}", ""]
            parts = [f'<p lang="en" class="gloss-note">{html.escape(term.note)}</p>']
            if term.variants:
                variants = "、".join(tr(v, e) for v in term.variants)
                parts.append(f"<p>{html.escape(tr(T['variants'], e))}: {html.escape(variants)}</p>")
            if places:
                summary = tr(T["occurs"], e).format(n=sum(places.values()), m=len(places))
                srcs = term_pages(term.id, places, e)
                head = [lambda h, tid=term.id: f'<p><a href="{relative(here, h)}#{tid}">'
                        f"{html.escape(tr(T['glossary'], e))}</a></p>",
                        lambda h, summary=summary: f"<p>{html.escape(summary)}</p>"]
                pages.update(self.listing(srcs, name, head, places))
                parts.append(f'<p>{html.escape(summary)} · <a href="{relative(url_of(srcs[0]), here)}">'
                             f"{html.escape(tr(T['all_places'], e))}</a></p>")
                nav.append({html.escape(name): srcs if len(srcs) > 1 else srcs[0]})
            else:
                parts.append(f"<p>{html.escape(tr(T['absent'], e))}</p>")
            body += ['<div class="gloss-entry">' + "".join(parts) + "</div>", ""]
        pages[index_src] = self.page("glossary", body)
        return pages, nav

    def cited(self) -> tuple[dict[str, str], list]:
        """The cited-documents index (first characters of the titles) and one page per first
        character with its entries: an entry's page never changes as the corpus grows."""
        e = self.edition
        index_src = src_path(CITED, e)
        buckets: dict[str, list] = defaultdict(list)
        for key, entry in sorted(self.web.citations.entries.items()):
            buckets[key[0]].append((key, entry))
        pages: dict[str, str] = {}
        nav: list = [index_src]
        items = []
        for ch, entries in buckets.items():
            src = cited_src(ch, e)
            here = url_of(src)
            title = f"{tr(T['cited'], e)} · {tr(ch, e)}"
            body = [front_matter(title=title), f"# {inline(title)}", "",
                    f'<p><a href="{relative(url_of(index_src), here)}">{html.escape(tr(T["cited"], e))}</a></p>', ""]
            listings: list[str] = []
            for key, entry in entries:
                name = f"《{tr(entry.title, e)}》"
                body += [f"## {inline(name)} {{#{anchor('c', key)}}}", ""]
                parts = []
                if entry.target:
                    parts.append(f"<p>{html.escape(tr(T['on_site'], e))}: {self.doc_link(entry.target, here)}</p>")
                srcs = cited_listing(ch, anchor("c", key), entry.places, e)
                if srcs:  # cited in more places than a page holds: its own pages, like a term's
                    head = [lambda h, k=anchor("c", key): f'<p><a href="{relative(here, h)}#{k}">'
                            f"{html.escape(tr(T['cited'], e))}</a></p>"]
                    pages.update(self.listing(srcs, name, head, entry.places))
                    listings += srcs
                    parts.append(f"<p>{html.escape(tr(T['cited_in'], e))}: "
                                 f'<a href="{relative(url_of(srcs[0]), here)}">'
                                 f"{html.escape(tr(T['all_places'], e))} ({len(entry.places)})</a></p>")
                else:
                    parts += [f"<p>{html.escape(tr(T['cited_in'], e))}:</p>", self.places_list(entry.places, here)]
                body += ['<div class="cited-entry">' + "".join(parts) + "</div>", ""]
            pages[src] = "\n".join(body) + "\n"
            nav.append({html.escape(tr(ch, e)): [src] + listings if listings else src})
            items.append(f'<li><a href="{relative(here, url_of(index_src))}">{html.escape(tr(ch, e))}</a> · '
                         f"{html.escape(tr(T['titles'], e).format(n=len(entries)))}</li>")
        pages[index_src] = self.page("cited", [f'<ul class="cited-index">{"".join(items)}</ul>', ""])
        return pages, nav

    def departments(self) -> tuple[dict[str, str], list]:
        """The departments index (regions), one page per region (its units, each with how many
        tasks it leads and shares) and per unit the pages of its tasks, ROWS sections a page:
        a region's page grows with its units, never with its documents."""
        e = self.edition
        index_src = src_path(DEPARTMENTS, e)
        regions: dict[str, list] = defaultdict(list)
        for (region, name), roles in self.web.departments.units.items():
            regions[region].append((name, roles))
        pages: dict[str, str] = {}
        nav: list = [index_src]
        items = []
        for region in sorted(regions):
            src = region_src(region, e)
            here = url_of(src)
            label = tr(region or T["unspecified"], e)
            title = f"{tr(T['departments'], e)} · {label}"
            body = [front_matter(title=title), f"# {inline(title)}", "",
                    f'<p><a href="{relative(url_of(index_src), here)}">{html.escape(tr(T["departments"], e))}</a></p>', ""]
            region_nav: list = [src]
            for name, roles in sorted(regions[region]):
                unit = tr(name, e)
                srcs = unit_pages(region, name, roles, e)
                body += [f"## {inline(unit)} {{#{unit_anchor(region, name)}}}", ""]
                counts = [f"{html.escape(tr(T[role], e))} ({len(roles[role])})" for role in ROLES if roles[role]]
                body += [f'<p class="dept-entry">{" · ".join(counts)} · <a href="{relative(url_of(srcs[0]), here)}">'
                         f"{html.escape(tr(T['all_tasks'], e))}</a></p>", ""]
                back = f"{url_of(src)}#{unit_anchor(region, name)}"
                pages.update(self.unit_listing(srcs, f"{label} · {unit}", (back, title), roles))
                region_nav.append({html.escape(unit): srcs if len(srcs) > 1 else srcs[0]})
            pages[src] = "\n".join(body) + "\n"
            nav.append({html.escape(label): region_nav})
            count = tr(T["units"], e).format(n=len(regions[region]))
            items.append(f'<li><a href="{relative(here, url_of(index_src))}">{html.escape(label)}</a> · '
                         f"{html.escape(count)}</li>")
        pages[index_src] = self.page("departments", [f'<ul class="dept-regions">{"".join(items)}</ul>', ""])
        return pages, nav

    def unit_listing(self, srcs: list[str], title: str, back: tuple[str, str], roles: dict) -> dict[str, str]:
        """Pages `srcs` of a unit's tasks: those it leads, then those it shares, ROWS sections a
        page (whole documents); `back` is (URL, title) of the unit's entry on its region's page."""
        e = self.edition
        chunks = [(role, part) for role in ROLES if roles[role]
                  for part in by_documents({place: 1 for place in roles[role]})]
        pages = {}
        for n, (src, (role, chunk)) in enumerate(zip(srcs, chunks), start=1):
            here = url_of(src)
            name = title if n == 1 else f"{title} · {tr(T['page'], e).format(n=n)}"
            pages[src] = "\n".join([
                front_matter(title=name), f"# {inline(name)}", "",
                f'<p><a href="{relative(back[0], here)}">{html.escape(back[1])}</a></p>', self.pager(srcs, here), "",
                f'<div class="dept-{role}"><p>{html.escape(tr(T[role], e))} ({len(roles[role])}):</p>'
                f"{self.places_list(chunk, here, counts=False)}</div>", ""]) + "\n"
        return pages

    def facet(self, field: str) -> tuple[dict[str, str], list]:
        """A facet's summary (each value with its count, under its stable anchor) and, per value,
        pages of its documents, FACET_ROWS a page: no page grows with the corpus."""
        e = self.edition
        src, title_key, prefix = FACETS[field]
        summary_src = src_path(src, e)
        here = url_of(summary_src)
        groups: dict[str, list[Document]] = defaultdict(list)
        for doc in self.web.docs.values():
            value = doc.meta.date[:4] if field == "year" else hans(getattr(doc.meta, field))
            groups[value].append(doc)
        title = tr(title_key, e)
        pages: dict[str, str] = {}
        nav: list = []
        body = [front_matter(title=title), f"# {inline(title)}", "",
                f"<p>{html.escape(tr(T['facet_intro'], e).format(n=len(self.web.docs)))}</p>", ""]
        for value in sorted(groups, key=lambda v: (v == "", v)):
            label = tr(value or T["unspecified"], e)
            docs = groups[value]
            srcs = facet_pages(src, anchor(prefix, value), len(docs), e)
            count = tr(T["facet_intro"], e).format(n=len(docs))
            body += [f"## {inline(label)} {{#{anchor(prefix, value)}}}", "",
                     f'<p><a href="{relative(url_of(srcs[0]), here)}">{html.escape(count)}</a></p>', ""]
            name = f"{title} · {label}"
            for n, page_src in enumerate(srcs, start=1):
                page_here = url_of(page_src)
                chunk = docs[(n - 1) * FACET_ROWS:n * FACET_ROWS]
                heading = name if n == 1 else f"{name} · {tr(T['page'], e).format(n=n)}"
                items = "".join(f"<li>{self.doc_link(d.slug, page_here)}</li>" for d in chunk)
                pages[page_src] = "\n".join([
                    front_matter(title=heading), f"# {inline(heading)}", "",
                    f'<p><a href="{relative(here, page_here)}#{anchor(prefix, value)}">'
                    f"{html.escape(title)}</a> · {html.escape(count)}</p>",
                    self.pager(srcs, page_here), "", f'<ul class="facet-docs">{items}</ul>', ""]) + "\n"
            nav.append({html.escape(label): srcs if len(srcs) > 1 else srcs[0]})
        pages[summary_src] = "\n".join(body) + "\n"
        return pages, [summary_src] + bounded(nav)

    def all(self) -> tuple[dict[str, str], dict]:
        """({Markdown source path: content}, the nav entry) of this edition's index pages."""
        e = self.edition
        glossary_pages, glossary_nav = self.glossary()
        cited_pages, cited_nav = self.cited()
        department_pages, department_nav = self.departments()
        pages = {**glossary_pages, **cited_pages, **department_pages}
        nav = [{tr(T["glossary"], e): glossary_nav}, {tr(T["cited"], e): cited_nav},
               {tr(T["departments"], e): department_nav}]
        for field, (_, title, _) in FACETS.items():
            facet_pages_, facet_nav = self.facet(field)
            pages.update(facet_pages_)
            nav.append({tr(title, e): facet_nav})
        return pages, {tr(T["indexes"], e): nav}
