"""Scale: 10,000 documents and a 50 MB text on a 2-core machine, nothing quadratic.

What each test covers (times are CPU seconds measured on the 2-core dev box, bounds ~10x that):
- 10,000 tiny files through a full `mkdocs build --strict`: ~280 s, peak 530 MB (1,000: ~20 s; the
  rest is Material rendering each page's nav, bounded at PAGE_ROWS entries a level).
- one 2 MB line through a full `mkdocs build --strict`: ~10 s.
- a 50 MB text through a full `mkdocs build --strict`: ~215 s, peak 2.3 GB. Its pages are 60 MB each; their body never goes
  through Markdown (render.document_page), whose raw-HTML parser is quadratic in page size.
- an outline restarted 20,000 times (ids s1, s1_2 ...): ~0.3 s; it was quadratic.
"""
from __future__ import annotations

import re
import resource
import time
from pathlib import Path

import pytest

from reformdocs import pipeline, sections, site, sources
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


def test_ten_thousand_tiny_files_build_with_mkdocs(tmp_path):
    folder = write_tiny(tmp_path / "src", 10_000)
    start = child_cpu()
    result = build_site(tmp_path / "site", env={"REFORMDOCS_SOURCES": str(folder)})
    assert result.returncode == 0, result.stderr[-3000:]
    assert child_cpu() - start < 3000
    # The build says how far it is, a tenth at a time.
    assert re.findall(r"processed (\d+)/10000 source texts", result.stderr) == [str(n) for n in range(1000, 10_001, 1000)]
    slugs = {p.stem for p in folder.glob("*.txt")}
    for prefix in ("", "zh-Hant"):
        assert {p.parent.name for p in (tmp_path / "site" / prefix / "documents").glob("*/index.html")} == slugs


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


def seeds_text() -> bytes:
    return "\n".join(p.read_text("utf-8") for p in sorted(SOURCES.glob("*.txt"))).encode() + b"\n"


@pytest.fixture(scope="module")
def fifty_megabytes() -> bytes:
    text = seeds_text()
    return text * (50_000_000 // len(text) + 1)


def test_a_fifty_megabyte_text_builds_with_mkdocs(fifty_megabytes, tmp_path, acceptance):
    assert len(fifty_megabytes) >= 50_000_000
    folder = tmp_path / "src"
    folder.mkdir()
    (folder / "big.txt").write_bytes(fifty_megabytes)
    start = child_cpu()
    result = build_site(tmp_path / "site", env={"REFORMDOCS_SOURCES": str(folder)})
    elapsed = child_cpu() - start
    assert result.returncode == 0, result.stderr[-3000:]
    assert "processed 1/1 source texts" in result.stderr
    assert re.search(r"INFO .*src/big\.txt: is 5\d\.\d MB, \d+ sections: published on one page", result.stderr)
    page = (tmp_path / "site" / "documents" / "big" / "index.html").read_text("utf-8")
    ids = re.findall(r'<h[2-6][^>]* id="(s[^"]+)"', page)
    assert len(ids) == len(set(ids)) > 10_000
    assert "RDFRAGMENT" not in page  # every run of body HTML was put in its place
    # Every copy of every seed is on the page: each one's last body phrase, once a copy at least.
    copies = len(fifty_megabytes) // len(seeds_text())
    text = re.sub(r"<[^>]+>|\W", "", page)
    for seed in sorted(SOURCES.glob("*.txt")):
        assert text.count(acceptance[seed.name]["body"][-1]) >= copies, seed.name
    assert (tmp_path / "site" / "zh-Hant" / "documents" / "big" / "index.html").stat().st_size > 40_000_000
    assert elapsed < 3000, f"{elapsed:.0f} s CPU"
