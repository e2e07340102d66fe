"""Property tests: random bytes and Unicode through decode -> clean -> metadata -> sections ->
render.document_page and document_body, rendered with the Markdown extensions of mkdocs.yml, never crash and never
turn input into markup.

The alphabet mixes Chinese text and outline markers (so headings form) with what can hurt: HTML,
Markdown and template syntax, entities, combining marks, right-to-left text, C0/C1 controls, line
separators, and invalid bytes (lone surrogates escaped from bytes with surrogateescape).
"""
from __future__ import annotations

import html
import re

import markdown
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reformdocs import pipeline, render
from reformdocs.decode import decode
from reformdocs.model import Document, Problem
from reformdocs.script import edition_text
from reformdocs.sources import Source, _field_text

from . import markup_check
from .conftest import ROOT

CHINESE = ["改革", "综合配套", "试验区", "人民政府", "关于", "的通知", "推进", "机制", "。", "，", "、",
           "：", "；", "“", "”"]
MARKERS = ["一、", "二、", "三、", "（一）", "（二）", "1.", "2、", "(3)", "①", "第一章", "第二条"]
HOSTILE = [
    "<script>x()</script>", "<img src=x onerror=x()>", "<svg onload=x()>", "<a href='javascript:x()'>",
    "[a](javascript:x())", "![i](x)", "<!--", "-->", "<![CDATA[", "{{ x }}", "{% x %}", "{: #id .c onclick=x }",
    "{#s1}", "*", "**", "_", "`", "```", "~~~", "#", "## ", "|", "---", "===", "> ", "- ", "+ ", "1) ",
    "[^1]", "[x]: /y", "\\", "&amp;", "&#60;", "&lt;", "&", "<", ">", '"', "'", "<div markdown=1>",
    "</div>", "</p>", "<br>", "<p>", "$$", "\\(",
]
ODD = [
    "\u0301", "\u20dd", "\u202e", "\u200f", "مرحبا", "שלום", "\u2028", "\u2029", "\x85", "\x00", "\x07",
    "\x1b", "\x81", "\x9f", "\ufeff", "\u200b", "\ufffe", "\u3000", "\t", " ", "    ", "\r", "🚀", "𠀀",
    "\udc80", "\udcff", "\udcc3",  # invalid bytes, as surrogateescape spells them
]
token = st.one_of(st.sampled_from(CHINESE), st.sampled_from(CHINESE), st.sampled_from(HOSTILE),
                  st.sampled_from(ODD), st.text(max_size=3))
line = st.tuples(st.sampled_from(MARKERS + [""] * 4), st.lists(token, min_size=1, max_size=12)).map(
    lambda parts: parts[0] + "".join(parts[1]))
# Mostly lines of Chinese with hostile pieces (they survive the cleaner as body text and headings);
# sometimes any mixture at all.
texts = st.one_of(st.lists(line, max_size=12).map("\n".join),
                  st.lists(st.one_of(token, st.sampled_from(MARKERS + ["\n", "\n\n", "\r\n"])), max_size=40).map("".join))
CONFIG = yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8"))
EXTENSIONS = [e if isinstance(e, str) else next(iter(e)) for e in CONFIG["markdown_extensions"]]
EXTENSION_CONFIGS = {k: v for e in CONFIG["markdown_extensions"] if isinstance(e, dict) for k, v in e.items()}
FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def to_bytes(text: str) -> bytes:
    return text.encode("utf-8", "surrogateescape")


def as_html(doc: Document, edition: str) -> tuple[dict, str]:
    """A document page's front matter (parsed as MkDocs does) and its content rendered as MkDocs
    does, body filled in as the build does."""
    page = render.document_page(doc, edition)
    m = FRONT_MATTER.match(page)
    assert m, page[:200]
    meta = yaml.safe_load(m.group(1))
    body = markdown.Markdown(extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS).convert(page[m.end():])
    body = render.fill(body, render.document_body(doc, edition))
    body.encode("utf-8")  # MkDocs writes it as UTF-8: no lone surrogate may reach a page
    return meta, body


def fragment_problems(body: str) -> list[str]:
    found = markup_check.inspect(f"<article>{body}</article>")
    extra = found.article_tags - markup_check.ARTICLE_TAGS
    return found.violations + [f"unexpected <{tag}>" for tag in sorted(extra)]


def squash(text: str) -> str:
    return " ".join(text.split())


def check_page(doc: Document, edition: str) -> None:
    meta, body = as_html(doc, edition)
    title = edition_text(doc.meta.title, edition, doc.meta.script) or doc.slug
    assert meta["title"] == html.escape(title)  # front matter always parses, never leaks into the body
    assert fragment_problems(body) == []
    shown = squash(markup_check.text_of(body))
    conv = lambda t: edition_text(t, edition, doc.meta.script)  # noqa: E731
    for section in doc.all_sections():
        assert squash(section.marker + conv(section.title)) in shown
        for block in section.blocks:
            if hasattr(block, "text"):
                assert squash(conv(block.text)) in shown
    for block in doc.preamble:
        if hasattr(block, "text"):
            assert squash(conv(block.text)) in shown


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_any_text_builds_or_is_refused_with_a_reason(text):
    result = pipeline.process(Source("fuzz.txt", to_bytes(text), {}))
    if isinstance(result, Problem):
        assert result.file == "fuzz.txt" and result.message.endswith("not published")
        return
    for edition in ("Hans", "Hant"):
        check_page(result, edition)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(["title", "title_en", "summary_en", "region", "source", "issuer",
                                        "doc_number", "doc_type", "date"]), texts, max_size=9))
def test_any_sidecar_values_are_shown_as_text(values):
    sidecar = {}
    for key, value in values.items():
        kept, _ = _field_text(value)
        if kept:
            sidecar[key] = kept
    body = "关于深化综合配套改革的通知\n一、总体要求\n坚持改革创新。\n二、主要任务\n推进改革。\n"
    doc = pipeline.process(Source("fuzz.txt", body.encode(), sidecar))
    assert isinstance(doc, Document)
    for edition in ("Hans", "Hant"):
        check_page(doc, edition)
        _, page_body = as_html(doc, edition)
        shown = squash(markup_check.text_of(page_body))  # Markdown expands tabs, even in raw HTML
        for key in ("title_en", "summary_en", "source"):
            value = getattr(doc.meta, key)
            assert squash(value) in shown or squash(edition_text(value, edition, doc.meta.script)) in shown, key


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_front_matter_round_trips_any_text(text):
    """Whatever the text, the YAML parses back to exactly the escaped value (no surrogates here:
    decode and the sidecar reader never let one through)."""
    text = text.encode("utf-8", "replace").decode("utf-8")
    parsed = yaml.safe_load(FRONT_MATTER.match(render.front_matter(title=text, description=text)).group(1))
    assert parsed == {"title": html.escape(text), "description": html.escape(text)}


@given(texts)
def test_decode_never_lets_controls_or_surrogates_through(text):
    try:
        decoded = decode(to_bytes(text), "fuzz.txt")
    except ValueError:
        return
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]", decoded.text)
