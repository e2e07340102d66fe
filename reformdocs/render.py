"""Stage 6, render: a Document -> the Markdown of its page in one edition.

Everything that comes from a source text or a sidecar is escaped here, once: body paragraphs and
tables become raw HTML blocks of escaped text (Markdown never parses them), and heading text is
escaped to character references so no Markdown, HTML or template syntax in a scraped text can act.
"""
from __future__ import annotations

import html
import json

from .model import Block, Document, Edit, Line, Section, Table
from .script import edition_text
from .urls import doc_url, relative

# ASCII characters that mean something to Markdown, its extensions or a template engine.
ACTIVE = set("\\`*_{}[]()#+-.!|~^=:<>&\"'$%@")
SCRIPT_NAMES = {"Hans": "简体", "Hant": "繁體"}
LABELS = {
    "Hans": {"number": "发文字号", "issuer": "发文机关", "date": "成文日期", "region": "地区",
             "type": "文种", "original": "原文字体", "source": "来源", "audit": "校勘记",
             "converted": "本页由{orig}原文自动转换为简体。", "see_original": "查看原文",
             "no_edits": "清理时未作改动。", "what": "改动", "where": "位置", "rule": "规则",
             "before": "原文", "after": "改为", "line": "第{n}行"},
    "Hant": {"number": "發文字號", "issuer": "發文機關", "date": "成文日期", "region": "地區",
             "type": "文種", "original": "原文字體", "source": "來源", "audit": "校勘記",
             "converted": "本頁由{orig}原文自動轉換為繁體。", "see_original": "查看原文",
             "no_edits": "清理時未作改動。", "what": "改動", "where": "位置", "rule": "規則",
             "before": "原文", "after": "改為", "line": "第{n}行"},
}
KIND_NAMES = {"removed": "删除 removed", "replaced": "修复 repaired", "joined": "接合 joined",
              "split": "分段 split", "inserted": "补入 inserted", "lacuna": "缺文 lacuna",
              "conjecture": "拟补 conjecture"}


def inline(text: str) -> str:
    """Text safe inside a Markdown heading or table cell: every active character a reference."""
    return "".join(f"&#{ord(ch)};" if ch in ACTIVE else ch for ch in text)


def para(text: str, cls: str = "") -> str:
    attr = f' class="{cls}"' if cls else ""
    return f"<p{attr}>{html.escape(text.strip())}</p>"


def table(tbl: Table, conv) -> str:
    head, *rows = tbl.rows
    out = ['<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table>', "<thead><tr>"]
    out += [f"<th>{html.escape(conv(c))}</th>" for c in head]
    out.append("</tr></thead><tbody>")
    for row in rows:
        out.append("<tr>" + "".join(f"<td>{html.escape(conv(c))}</td>" for c in row) + "</tr>")
    out.append("</tbody></table></div></div>")
    return "".join(out)


def blocks(items: list[Block], conv) -> list[str]:
    return [table(b, conv) if isinstance(b, Table) else para(conv(b.text)) for b in items]


def heading(section: Section, conv) -> str:
    hashes = "#" * min(section.level + 1, 6)
    text = section.marker + conv(section.title)
    return f"{hashes} {inline(text)} {{#{section.id} data-line=\"{section.line}\"}}"


def meta_block(doc: Document, edition: str, conv) -> str:
    m, lab = doc.meta, LABELS[edition]
    rows = [(lab["number"], conv(m.doc_number)), (lab["issuer"], conv(m.issuer)),
            (lab["date"], m.date), (lab["region"], conv(m.region)), (lab["type"], conv(m.doc_type)),
            (lab["original"], SCRIPT_NAMES[m.script]), (lab["source"], m.source)]
    items = "".join(f"<dt>{html.escape(k)}</dt><dd>{html.escape(v)}</dd>" for k, v in rows if v)
    english = f'<p class="doc-title-en" lang="en">{html.escape(m.title_en)}</p>' if m.title_en else ""
    summary = f'<p class="doc-summary" lang="en">{html.escape(m.summary_en)}</p>' if m.summary_en else ""
    return f'<div class="doc-meta">{english}<dl>{items}</dl>{summary}</div>'


def audit_rows(edits: list[Edit], edition: str) -> str:
    lab = LABELS[edition]
    head = "".join(f"<th>{lab[k]}</th>" for k in ("where", "what", "before", "after", "rule"))
    rows = []
    for e in edits:
        where = lab["line"].format(n=e.line) if e.line else ""
        rows.append(
            "<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in (
                where, KIND_NAMES.get(e.kind, e.kind), e.before, e.after)) +
            f'<td><code>{html.escape(e.rule)}</code><br><small>{html.escape(e.note)}</small></td></tr>')
    return (f'<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table class="audit-table">'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div></div>")


def audit_section(doc: Document, edition: str) -> list[str]:
    lab = LABELS[edition]
    body = audit_rows(doc.audit, edition) if doc.audit else para(lab["no_edits"])
    return ['<section class="audit" data-search-exclude markdown="1">', "",
            f"## {lab['audit']} Editorial notes {{#audit}}", "", body, "", "</section>"]


def front_matter(**fields: str) -> str:
    """YAML front matter; JSON strings are valid YAML scalars, so any value is quoted safely.

    Values are HTML-escaped: MkDocs and Material print ``page.meta`` into ``<title>``, the nav and
    ``<meta content="…">`` unescaped (their Jinja has no autoescape).
    """
    return "---\n" + "".join(f"{k}: {json.dumps(html.escape(v), ensure_ascii=False)}\n"
                              for k, v in fields.items()) + "---\n"


def document_page(doc: Document, edition: str) -> str:
    """The Markdown of a document's page in `edition` (Hans or Hant)."""
    def conv(text: str) -> str:
        return edition_text(text, edition, doc.meta.script)

    title = conv(doc.meta.title) or doc.slug
    out = [front_matter(title=title, description=doc.meta.title_en or title), f"# {inline(title)}", "",
           meta_block(doc, edition, conv), ""]
    if edition != doc.meta.script:
        lab = LABELS[edition]
        here = doc_url(doc.slug, edition)
        original = relative(doc_url(doc.slug, doc.meta.script), here)
        notice = lab["converted"].format(orig=SCRIPT_NAMES[doc.meta.script])
        out += [f'<p class="converted-notice">{html.escape(notice)} '
                f'<a href="{original}" class="original-link">{lab["see_original"]}</a></p>', ""]
    out += [b + "\n" for b in blocks(doc.preamble, conv)]

    def emit(section: Section) -> None:
        out.extend([heading(section, conv), ""])
        out.extend(b + "\n" for b in blocks(section.blocks, conv))
        for child in section.children:
            emit(child)

    for section in doc.sections:
        emit(section)
    out += audit_section(doc, edition)
    return "\n".join(out) + "\n"

