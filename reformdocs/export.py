"""Export: each document as plain text, Markdown and a single-file HTML page; the corpus as data.

A document is first laid out as `Part`s in one edition (the preamble, then every section in
reading order, text already in the edition's script); each format is a plain function of those
parts. `write` streams the whole corpus to ``downloads/`` one document at a time, so memory does
not grow with the corpus.

Determinism: documents in slug order, JSON with sorted keys, CSV with ``\\n`` line ends, nothing
that depends on the clock or the machine. Everything from a source text or sidecar is escaped for
its format (HTML escaping, Markdown backslash escapes); plain text and data are written as is.
"""
from __future__ import annotations

import csv
import html
import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .downloads import DATA_FILES, DIR, data_file, doc_file, schema_file
from .model import Block, Document, Line, Section, Table
from .pipeline import Corpus
from .render import ACTIVE, LABELS, audit_rows, blocks, front_matter, inline, meta_block, meta_rows, para
from .script import EDITIONS, edition_text
from .urls import LANG, doc_url, relative, src_path, url_of

PREAMBLE = "preamble"  # section id of the text before the first heading (the page shows it untitled)
DATA_PAGE = "data.md"  # Markdown source of the data page, in each edition
CATALOGUE_COLUMNS = ("slug", "title_zh_hans", "title_zh_hant", "title_en", "doc_number", "issuer",
                     "date", "region", "doc_type", "script", "source", "source_file", "source_sha1",
                     "encoding", "sections", "characters", "edits", "url_zh_hans", "url_zh_hant")
SITE_NAME = "改革文件库 Reform Documents"
ASSETS = resources.files("reformdocs").joinpath("assets/downloads")  # stylesheet, JSON Schemas


@dataclass(frozen=True)
class Part:
    """The preamble or one section of a document in one edition, text in that edition's script."""

    id: str  # section id, or PREAMBLE
    level: int  # outline level; 0 for the preamble
    marker: str
    title: str
    blocks: tuple[Block, ...]
    path: tuple[str, ...]  # ids from the top outline level down to this section

    @property
    def heading(self) -> str:
        return self.marker + self.title


def converter(doc: Document, edition: str):
    def conv(text: str) -> str:
        return edition_text(text, edition, doc.meta.script)
    return conv


def converted(block: Block, conv) -> Block:
    if isinstance(block, Table):
        return Table(block.no, tuple(tuple(conv(c) for c in row) for row in block.rows), conv(block.caption))
    return Line(block.no, conv(block.text))


def parts(doc: Document, edition: str) -> list[Part]:
    """The document in reading order: the preamble (when there is one), then each section."""
    conv = converter(doc, edition)
    out = []
    if doc.preamble:
        out.append(Part(PREAMBLE, 0, "", "", tuple(converted(b, conv) for b in doc.preamble), ()))

    def emit(section: Section, path: tuple[str, ...]) -> None:
        path = path + (section.id,)
        out.append(Part(section.id, section.level, section.marker, conv(section.title),
                        tuple(converted(b, conv) for b in section.blocks), path))
        for child in section.children:
            emit(child, path)

    for section in doc.sections:
        emit(section, ())
    return out


def block_text(block: Block) -> str:
    """A block as plain text: a paragraph is one line, a table one line a row, cells tab-separated."""
    if isinstance(block, Table):
        rows = ["\t".join(c.strip() for c in row) for row in block.rows]
        return "\n".join(([block.caption.strip()] if block.caption.strip() else []) + rows)
    return block.text.strip()


def part_text(part: Part) -> str:
    return "\n".join(t for t in map(block_text, part.blocks) if t)


def title_of(doc: Document, edition: str) -> str:
    return converter(doc, edition)(doc.meta.title) or doc.slug


def notice(doc: Document, edition: str) -> str:
    """'Converted automatically from the original script', or '' in the original's edition."""
    if edition == doc.meta.script:
        return ""
    return LABELS[edition]["converted"]


# --- per-document files --------------------------------------------------------------------------

def plain_text(doc: Document, edition: str, layout: list[Part]) -> str:
    """Title, metadata lines, then the body with its headings, paragraphs separated by blank lines."""
    conv = converter(doc, edition)
    head = [title_of(doc, edition)] + ([doc.meta.title_en] if doc.meta.title_en else [])
    meta = [f"{k}：{v}" for k, v in meta_rows(doc, edition, conv)] + (
        [notice(doc, edition)] if notice(doc, edition) else [])
    out = ["\n".join(head), "\n".join(meta)]
    for part in layout:
        if part.heading:
            out.append(part.heading)
        out.extend(t for t in map(block_text, part.blocks) if t)
    return "\n\n".join(out) + "\n"


MD_ESCAPES = str.maketrans({ch: "\\" + ch for ch in ACTIVE})


def md_escape(text: str) -> str:
    """Text that no CommonMark renderer reads as markup: every ASCII punctuation mark escaped."""
    return " ".join(text.split()).translate(MD_ESCAPES)


def md_block(block: Block) -> str:
    if isinstance(block, Table):
        head, *rows = block.rows
        lines = ["| " + " | ".join(md_escape(c) for c in row) + " |" for row in [head] + rows]
        lines.insert(1, "|" + " --- |" * len(head))
        caption = [md_escape(block.caption)] if block.caption.strip() else []
        return "\n\n".join(caption + ["\n".join(lines)])
    return md_escape(block.text)


def markdown(doc: Document, edition: str, layout: list[Part]) -> str:
    """The document as CommonMark: metadata as a list, headings at the levels of the page."""
    conv = converter(doc, edition)
    title = title_of(doc, edition)
    out = [f"# {md_escape(title)}"]
    if doc.meta.title_en:
        out.append(f"*{md_escape(doc.meta.title_en)}*")
    out.append("\n".join(f"- **{md_escape(k)}**：{md_escape(v)}" for k, v in meta_rows(doc, edition, conv)))
    if doc.meta.summary_en:
        out.append(md_escape(doc.meta.summary_en))
    if notice(doc, edition):
        out.append(f"> {md_escape(notice(doc, edition))}")
    for part in layout:
        if part.heading:
            out.append(f"{'#' * min(part.level + 1, 6)} {md_escape(part.heading)}")
        out.extend(md_block(b) for b in part.blocks if block_text(b))
    return "\n\n".join(out) + "\n"


@lru_cache(maxsize=1)
def stylesheet() -> str:
    return ASSETS.joinpath("document.css").read_text("utf-8")


def single_html(doc: Document, edition: str, layout: list[Part]) -> str:
    """A self-contained HTML page: styles inlined, nothing loaded from anywhere (the CSP says so)."""
    conv = converter(doc, edition)
    title = html.escape(title_of(doc, edition))
    same = str  # the parts' text is already in the edition's script
    body = [f"<h1>{title}</h1>", meta_block(doc, edition, conv)]
    if notice(doc, edition):
        body.append(para(notice(doc, edition), "converted-notice"))
    for part in layout:
        if part.heading:
            level = min(part.level + 1, 6)
            body.append(f'<h{level} id="{part.id}">{html.escape(part.heading)}</h{level}>')
        body.extend(blocks(list(part.blocks), same))
    lab = LABELS[edition]
    audit = audit_rows(doc.audit, edition) if doc.audit else para(lab["no_edits"])
    body.append(f'<section class="audit"><h2 id="audit">{lab["audit"]} Editorial notes</h2>{audit}</section>')
    body.append(f"<footer>{html.escape(SITE_NAME)} · {html.escape(doc.slug)}</footer>")
    return ("<!DOCTYPE html>\n"
            f'<html lang="{LANG[edition]}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
            "style-src 'unsafe-inline'\">\n"
            f"<title>{title}</title>\n<style>\n{stylesheet()}</style>\n</head>\n<body>\n<article>\n"
            + "\n".join(body) + "\n</article>\n</body>\n</html>\n")


FORMATS = {"txt": plain_text, "md": markdown, "html": single_html}


def layouts(doc: Document) -> dict[str, list[Part]]:
    """The document's parts in each edition: converted once, used by every format and record."""
    return {edition: parts(doc, edition) for edition in EDITIONS}


def document_files(doc: Document, laid_out: dict[str, list[Part]]) -> dict[str, str]:
    """Site path -> content of each download of one document, in both editions."""
    return {doc_file(doc.slug, edition, ext): fmt(doc, edition, laid_out[edition])
            for edition in EDITIONS for ext, fmt in FORMATS.items()}


# --- corpus data ---------------------------------------------------------------------------------

def doc_record(doc: Document) -> dict:
    m = doc.meta
    return {"slug": doc.slug, "title": {LANG[e]: title_of(doc, e) for e in EDITIONS},
            "title_en": m.title_en, "doc_number": m.doc_number, "issuer": m.issuer, "date": m.date,
            "region": m.region, "doc_type": m.doc_type, "script": m.script, "source": m.source,
            "source_file": doc.source_name}


def section_records(doc: Document, laid_out: dict[str, list[Part]] | None = None) -> list[dict]:
    """One record per part of the document (preamble first), both scripts side by side; pass the
    document's `layouts` when they are at hand, so it is not converted again."""
    laid_out = laid_out or layouts(doc)
    document = doc_record(doc)
    by_id = {e: {p.id: p for p in laid_out[e]} for e in EDITIONS}
    records = []
    for n, part in enumerate(laid_out["Hans"]):
        anchor = "" if part.id == PREAMBLE else "#" + part.id
        records.append({
            "doc": doc.slug, "section": part.id, "order": n, "level": part.level,
            "path": [{"id": pid, "marker": by_id["Hans"][pid].marker,
                      "title": {LANG[e]: by_id[e][pid].title for e in EDITIONS}} for pid in part.path],
            "heading": {LANG[e]: by_id[e][part.id].heading for e in EDITIONS},
            "text": {LANG[e]: part_text(by_id[e][part.id]) for e in EDITIONS},
            "url": {LANG[e]: doc_url(doc.slug, e) + anchor for e in EDITIONS},
            "document": document})
    return records


def catalogue_row(doc: Document, records: list[dict]) -> dict:
    original = LANG[doc.meta.script]
    row = {k: v for k, v in doc_record(doc).items() if k != "title"}
    row.update({f"title_{LANG[e].lower().replace('-', '_')}": title_of(doc, e) for e in EDITIONS})
    row.update({f"url_{LANG[e].lower().replace('-', '_')}": doc_url(doc.slug, e) for e in EDITIONS})
    row.update(source_sha1=doc.source_sha1, encoding=doc.encoding, edits=str(len(doc.audit)),
               sections=str(sum(1 for r in records if r["section"] != PREAMBLE)),
               characters=str(sum(len(r["heading"][original]) + len(r["text"][original]) for r in records)))
    return row


def audit_record(doc: Document) -> dict:
    return {"doc": doc.slug, "source_file": doc.source_name, "source_sha1": doc.source_sha1,
            "encoding": doc.encoding, "edits": [e.as_dict() for e in doc.audit]}


def dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def write(corpus: Corpus, site_dir: Path) -> None:
    """Write every download into `site_dir`, one document at a time."""
    out = site_dir / DIR
    out.mkdir(parents=True, exist_ok=True)
    docs = sorted(corpus.documents, key=lambda d: d.slug)
    with open(out / "corpus.jsonl", "w", encoding="utf-8", newline="\n") as jsonl, \
            open(out / "catalogue.csv", "w", encoding="utf-8", newline="") as cat, \
            open(out / "audit.json", "w", encoding="utf-8", newline="\n") as audit:
        table = csv.DictWriter(cat, fieldnames=CATALOGUE_COLUMNS, lineterminator="\n")
        table.writeheader()
        audit.write("[")
        for n, doc in enumerate(docs):
            laid_out = layouts(doc)
            for path, content in document_files(doc, laid_out).items():
                target = site_dir / path
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(content, encoding="utf-8", newline="\n")
            records = section_records(doc, laid_out)
            jsonl.writelines(dumps(r) + "\n" for r in records)
            table.writerow(catalogue_row(doc, records))
            audit.write(("," if n else "") + "\n" + dumps(audit_record(doc)))
        audit.write("\n]\n")
    for name in DATA_FILES:
        schema = schema_file(name)
        (site_dir / schema).write_text(ASSETS.joinpath(Path(schema).name).read_text("utf-8"),
                                       encoding="utf-8", newline="\n")


# --- the data page -------------------------------------------------------------------------------

FILES = (  # (file, format, contents): the page's table of downloads
    ("corpus.jsonl", "JSON Lines, UTF-8",
     "每节一条记录（正文前的导言为 section \"preamble\"）：文件、节号与节路径、标题、简繁两体正文、文件元数据。"
     " One record per section (the text before the first heading is section \"preamble\"): document, "
     "section id and path, heading, text in both scripts, document metadata."),
    ("catalogue.csv", "CSV, UTF-8, header row",
     "每份文件一行：标题、文号、机关、日期、地区、来源、节数、字数。 One row per document."),
    ("audit.json", "JSON, UTF-8",
     "清理时的每一处改动（校勘记）：阶段、规则、类型、原文、改为、行号。"
     " Every edit the cleaner made, by document: stage, rule, kind, before, after, source line."),
)
PAGE = {
    "title": "数据下载 Data downloads",
    "intro": "全部清理后的文本可作为数据下载，供研究使用；各文件另可在其页面下载纯文本、Markdown 和单页 HTML。"
             "首页的离线版是整个网站（两种字体、检索）的压缩包，解压后用浏览器打开 index.html 即可，无需网络。",
    "intro_en": "The whole cleaned corpus as data, for research. Each document page also offers the "
                "document as plain text (both scripts), Markdown and a single self-contained HTML file. "
                "The offline copy, linked from the home page, is the whole site (both editions, with search) "
                "in one zip: unzip it and "
                "open index.html in a browser, no network needed.",
    "files": "文件 Files", "cols": ("文件 File", "格式 Format", "内容 Contents", "模式 Schema"),
    "rights": "许可与来源 Licence and provenance",
    "rights_zh": "所收文本是各地政府公开发布的公文及有关文章，采自网络，来源见下表及各文件页。"
                 "依《中华人民共和国著作权法》第五条，国家机关具有立法、行政、司法性质的文件及其官方正式译文"
                 "不适用该法；署名文章的著作权归作者。清理后的文本与采集的原文只在校勘记（audit.json）"
                 "所列之处不同；分节、元数据及英文标题、摘要为本站所加。引用前请核对原始来源。",
    "rights_en": "The texts are documents published by Chinese local governments, and a few articles "
                 "about them, scraped from the web; each one's source is listed below and on its page. "
                 "Documents of state organs of a legislative, administrative or judicial nature are "
                 "outside copyright in China (Copyright Law of the PRC, art. 5); signed articles remain "
                 "their authors'. The cleaned text differs from what was scraped only by the edits in "
                 "audit.json (each document's editorial notes); sections, metadata, English titles and "
                 "summaries are this site's additions. Check the original source before citing.",
    "sources": "各文件来源 Sources", "source_cols": ("文件 Document", "来源 Source", "原始文件 Source file", "SHA-1"),
}


def data_pages(docs: list[Document], edition: str, rows: int) -> dict[str, str]:
    """The data page in `edition`: what each download holds, the schemas, licence and sources,
    the sources `rows` documents a page (data/, then data/2/ …, each page linking every other)."""
    def tr(text: str) -> str:
        return edition_text(text, edition, "Hans")

    def link(target: str, label: str, here: str) -> str:
        return f'<a href="{html.escape(relative(target, here))}">{html.escape(label)}</a>'

    def grid(cols, rows) -> str:
        head = "".join(f"<th>{html.escape(tr(c))}</th>" for c in cols)
        body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
        return ('<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table>'
                f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div></div>")

    chunks = [docs[i:i + rows] for i in range(0, len(docs), rows)] or [[]]
    srcs = [src_path(DATA_PAGE if n == 1 else f"{DATA_PAGE[:-3]}/{n}.md", edition) for n in range(1, len(chunks) + 1)]
    title = tr(PAGE["title"])
    pages = {}
    for n, (src, chunk) in enumerate(zip(srcs, chunks), start=1):
        here = url_of(src)
        sources = [(link(doc_url(d.slug, edition), title_of(d, edition), here),
                    html.escape(converter(d, edition)(d.meta.source)),
                    f"<code>{html.escape(d.source_name)}</code>", f"<code>{d.source_sha1[:12]}</code>") for d in chunk]
        pager = " · ".join(link(url_of(s), str(i), here) for i, s in enumerate(srcs, start=1))
        sources_part = [f"## {inline(tr(PAGE['sources']))} {{#sources}}", "",
                        f"<p>{pager}</p>" if len(srcs) > 1 else "", "", grid(PAGE["source_cols"], sources), ""]
        if n > 1:
            name = f"{title} · {tr(PAGE['sources'])} · {n}"
            pages[src] = "\n".join([front_matter(title=name), f"# {inline(name)}", ""] + sources_part)
            continue
        files = [(link(data_file(name), name, here), html.escape(fmt), html.escape(tr(what)),
                  link(schema_file(name), schema_file(name).rsplit("/", 1)[1], here)) for name, fmt, what in FILES]
        pages[src] = "\n".join([
            front_matter(title=title), f"# {inline(title)}", "",
            para(tr(PAGE["intro"])), "", f'<p lang="en">{html.escape(PAGE["intro_en"])}</p>', "",
            f"## {inline(tr(PAGE['files']))} {{#files}}", "", grid(PAGE["cols"], files), "",
            f"## {inline(tr(PAGE['rights']))} {{#licence}}", "",
            para(tr(PAGE["rights_zh"])), "", f'<p lang="en">{html.escape(PAGE["rights_en"])}</p>', ""] + sources_part)
    return pages
