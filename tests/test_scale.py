"""Scale: 10,000 documents and a 50 MB text on a 2-core machine, nothing quadratic.

What each test covers (times are CPU seconds measured on the 2-core dev box, bounds ~10x that):
- 10,000 tiny files through read_sources + process_corpus + site.build (no MkDocs render): ~11 s.
- 300 tiny files through a full `mkdocs build --strict`: ~13 s.
- one 2 MB line through a full `mkdocs build --strict`: ~25 s.
- a 50 MB text through decode -> clean -> metadata -> sections -> both editions' Markdown: ~200 s
  (the cleaner's mojibake step is ~160 s of it). Not through MkDocs: Python-Markdown's raw-HTML
  parser is quadratic in page size (see the robustness notes in the final report).
- an outline restarted 20,000 times (ids s1, s1_2 ...): ~0.3 s; it was quadratic.
"""
from __future__ import annotations

import resource
import time
from pathlib import Path

import pytest

from reformdocs import pipeline, render, sections, site, sources
from reformdocs.model import Line

from . import hostile
from .conftest import SOURCES, build_site


def cpu() -> float:
    return time.process_time()


def child_cpu() -> float:
    """CPU seconds of the finished child processes (the MkDocs builds)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def write_tiny(folder: Path, n: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"doc-{i:05d}.txt").write_text(hostile.tiny_text(i), encoding="utf-8")
    return folder


def test_outline_restarted_many_times_keeps_unique_ids_in_linear_time():
    blocks = [Line(i, text) for i in range(20_000) for text in ("一、总体要求", "坚持改革。")]
    start = cpu()
    _, tree = sections.parse(blocks, "")
    assert cpu() - start < 10
    ids = [s.id for s in tree]
    assert ids[:3] == ["s1", "s1_2", "s1_3"] and ids[-1] == "s1_20000"
    assert len(set(ids)) == len(ids) == 20_000


def test_ten_thousand_tiny_files_through_the_pipeline_and_site(tmp_path):
    folder = write_tiny(tmp_path / "src", 10_000)
    start = cpu()
    texts, problems = sources.read_sources(folder)
    corpus = pipeline.process_corpus(texts, len(texts))
    built = site.build(corpus, {})
    elapsed = cpu() - start
    assert problems == [] and corpus.problems == []
    assert len(corpus.documents) == 10_000
    slugs = {d.slug for d in corpus.documents}
    for prefix in ("", "zh-Hant/"):
        assert {p[len(prefix) + len("documents/"):-3] for p in built.pages
                if p.startswith(prefix + "documents/") and p.count("/") == prefix.count("/") + 1} == slugs
    assert elapsed < 120, f"{elapsed:.1f} s CPU for 10,000 files"


def test_nav_stays_small_however_many_documents(tmp_path):
    """Every page's HTML carries the nav, expanded down to its own region (navigation.prune):
    a nav list that grows with the corpus makes every page grow with it, and the site quadratic.
    Measured with all documents in one region: 300 documents, 113 KB per page and 88 MB of site;
    600 documents, 206 KB per page and 282 MB."""
    folder = write_tiny(tmp_path / "src", 1000)
    texts, _ = sources.read_sources(folder)
    built = site.build(pipeline.process_corpus(texts), {})

    def longest(nav) -> int:
        items = nav if isinstance(nav, list) else list(nav.values()) if isinstance(nav, dict) else []
        return max([len(items)] + [longest(i) for i in items if isinstance(i, (list, dict))])

    assert longest(built.nav) <= site.PAGE_ROWS


def test_a_few_hundred_tiny_files_build_with_mkdocs(tmp_path):
    folder = write_tiny(tmp_path / "src", 300)
    start = child_cpu()
    result = build_site(tmp_path / "site", env={"REFORMDOCS_SOURCES": str(folder)})
    assert result.returncode == 0, result.stderr
    assert child_cpu() - start < 300
    for prefix in ("", "zh-Hant"):
        assert len(list((tmp_path / "site" / prefix / "documents").glob("*/index.html"))) == 300


def test_a_single_two_megabyte_line_builds_with_mkdocs(tmp_path):
    seeds = "".join(p.read_text("utf-8").replace("\n", "") for p in sorted(SOURCES.glob("*.txt")))
    line = (seeds * (2_000_000 // len(seeds.encode()) + 1)).encode()[:2_000_000].decode("utf-8", "ignore")
    folder = tmp_path / "src"
    folder.mkdir()
    (folder / "one-line.txt").write_text(line + "\n", encoding="utf-8")
    start = child_cpu()
    result = build_site(tmp_path / "site", env={"REFORMDOCS_SOURCES": str(folder)})
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site" / "documents" / "one-line" / "index.html").read_text("utf-8")
    assert len(page) > 1_000_000
    assert child_cpu() - start < 300


@pytest.fixture(scope="module")
def fifty_megabytes(tmp_path_factory) -> bytes:
    text = "\n".join(p.read_text("utf-8") for p in sorted(SOURCES.glob("*.txt"))).encode() + b"\n"
    return text * (50_000_000 // len(text) + 1)


def test_a_fifty_megabyte_text_goes_through_the_pipeline(fifty_megabytes):
    assert len(fifty_megabytes) >= 50_000_000
    start = cpu()
    doc = pipeline.process(sources.Source("big.txt", fifty_megabytes, {}))
    pages = [render.document_page(doc, edition) for edition in ("Hans", "Hant")]
    elapsed = cpu() - start
    ids = [s.id for s in doc.all_sections()]
    assert len(ids) == len(set(ids)) > 10_000
    assert all(len(p) > 20_000_000 for p in pages)
    assert elapsed < 1800, f"{elapsed:.0f} s CPU"
