"""Scraped text and sidecars are shown as text, never run as markup: a full MkDocs build of a text
full of HTML, script, Markdown and template syntax (in the body, headings, title and every sidecar
field), checked on every page it reaches: document pages in both editions, nav, catalogue,
editorial notes, downloads."""
from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
import yaml

from reformdocs import pipeline, sources

from . import hostile, markup_check
from .conftest import ROOT, build_site


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory) -> Path:
    folder = hostile.write_injection_corpus(tmp_path_factory.mktemp("injection") / "src")
    (folder / "seed.txt").write_bytes(hostile.seed_bytes())  # an ordinary document beside it
    return folder


@pytest.fixture(scope="module")
def site(corpus_dir, tmp_path_factory) -> Path:
    dest = tmp_path_factory.mktemp("injection-site")
    result = build_site(dest, env={"REFORMDOCS_SOURCES": str(corpus_dir)})
    assert result.returncode == 0, result.stderr
    return dest


@pytest.fixture(scope="module")
def document(corpus_dir):
    texts, problems = sources.read_sources(corpus_dir)
    corpus = pipeline.process_corpus(texts)
    assert not problems and not corpus.problems
    return next(d for d in corpus.documents if d.slug == hostile.INJECTION_SLUG)


def page(site: Path, edition_prefix: str = "") -> str:
    return (site / edition_prefix / "documents" / hostile.INJECTION_SLUG / "index.html").read_text("utf-8")


def test_no_page_of_the_site_carries_markup_from_the_input(site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 10
    found = {str(p.relative_to(site)): markup_check.problems(p.read_text("utf-8")) for p in pages}
    assert {name: issues for name, issues in found.items() if issues} == {}


def test_every_payload_is_shown_as_text_on_the_document_page(site):
    text = markup_check.text_of(page(site))
    missing = [p for p in hostile.PAYLOADS + tuple(hostile.SIDECAR_PAYLOADS.values()) if p not in text]
    assert missing == []


def test_every_heading_and_paragraph_of_the_document_is_on_its_page_verbatim(site, document):
    """Headings come from the text (三、[x](javascript:…): each reads exactly as the document has it."""
    raw = page(site)
    text = markup_check.text_of(raw)
    for section in document.all_sections():
        m = re.search(rf'<h\d[^>]* id="{section.id}"[^>]*>(.*?)</h\d>', raw, re.S)
        assert m, section.id
        shown = markup_check.text_of(m.group(1)).rstrip("¶")
        assert shown == section.marker + section.title
        for block in section.blocks:
            assert block.text.strip() in text
    for block in document.preamble:
        assert block.text.strip() in text


def test_title_and_description_are_escaped_in_the_head(site):
    raw = page(site)
    title = re.search(r"<title>(.*?)</title>", raw, re.S).group(1)
    site_name = yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8").split("\ntheme:")[0])["site_name"]
    assert html.unescape(title.strip()) == f"{hostile.SIDECAR_PAYLOADS['title']} - {site_name}"
    description = re.search(r'<meta name="description" content="([^"]*)"', raw).group(1)
    assert html.unescape(description) == hostile.SIDECAR_PAYLOADS["title_en"]


@pytest.mark.parametrize("prefix", ["", "zh-Hant"])
def test_nav_and_catalogue_show_title_and_region_as_text(site, prefix):
    home = (site / prefix / "index.html").read_text("utf-8")  # the catalogue
    doc = page(site, prefix)  # the nav, expanded to the current page (navigation.prune)
    for raw, href in ((home, f'[^"]*{hostile.INJECTION_SLUG}/'), (doc, r"\./")):
        links = [markup_check.text_of(link).strip() for link in re.findall(
            rf'<a href="{href}"[^>]*>(.*?)</a>', raw, re.S)]
        titled = [shown for shown in links if markup_check.MARKER in shown]  # not the "Documents" tab
        assert titled
        for shown in titled:
            # The Traditional edition converts the Chinese words; the markup in the title stays text.
            assert shown.endswith('<img src=x onerror="window.__pwned=16"></title><script>window.__pwned=17</script>')
    nav = doc[doc.index('<nav class="md-nav md-nav--primary'):doc.index('<div class="md-content"')]
    assert "<script>window.__pwned=23</script>" in markup_check.text_of(nav)  # region: a nav section


def test_sidecar_fields_in_the_metadata_block(site):
    raw = page(site)
    block = re.search(r'<div class="doc-meta">(.*?)</div>', raw, re.S).group(1)
    text = markup_check.text_of(block)
    for field in ("title_en", "summary_en", "source", "region", "issuer", "doc_number", "doc_type"):
        assert hostile.SIDECAR_PAYLOADS[field] in text, field


def test_editorial_notes_show_removed_lines_as_text(site):
    """The lines the cleaner took for chrome are listed in the audit, as text."""
    raw = page(site)
    audit = raw[raw.index('id="audit"'):]
    text = markup_check.text_of(audit)
    assert [p for p in hostile.PAYLOADS if p not in text] == []
